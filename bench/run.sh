#!/usr/bin/env bash
# mend's benchmark against jrnl; see bench/bench.py and BENCHMARKS.md.
#   bench/run.sh            full run (installs hyperfine, GNU time and jrnl; takes a while)
#   bench/run.sh --smoke    1,000 entries, installs nothing, fails if a mend command fails
#   bench/run.sh --startup JOURNAL   start-up against its floors (bench/startup.py, bench/floor)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--startup" ]; then
  shift
  exec python3 bench/startup.py "$@"
fi
exec python3 bench/bench.py "$@"
