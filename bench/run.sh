#!/usr/bin/env bash
# mend's benchmark against jrnl; see bench/bench.py and BENCHMARKS.md.
#   bench/run.sh            full run (installs hyperfine, GNU time and jrnl; takes a while)
#   bench/run.sh --smoke    1,000 entries, installs nothing, fails if a mend command fails
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 bench/bench.py "$@"
