#!/usr/bin/env python3
"""Start-up against its floors, side by side (see BENCHMARKS.md, "Start-up").

    bench/run.sh --startup JOURNAL [--runs N]

JOURNAL is a mend journal (the benchmark's 100,000-entry journal, say). Builds mend (or uses
MEND_BIN) and the floors in bench/floor: `floor-list` opens the journal and prints the ten
newest entries, linked with plain bundled SQLite and, for comparison, with bundled SQLCipher;
`floor-version` is a clap-only program. Each pair of commands runs in turn, A B A B ..., and
the ratio is the median of the ratios pair by pair, so that a machine whose speed drifts during
the run still gives a fair ratio. Standard library only.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import REPO, mend_binary, mend_env  # noqa: E402

FLOOR = os.path.join(REPO, "bench", "floor")


def target_dir():
    return os.environ.get("CARGO_TARGET_DIR") or os.path.join(REPO, "target")


def floor(features, name):
    target = os.path.join(target_dir(), "floor-" + (features or "plain"))
    cmd = ["cargo", "build", "--release", "--quiet", "--target-dir", target]
    if features:
        cmd += ["--features", features]
    subprocess.run(cmd, cwd=FLOOR, check=True)
    return os.path.join(target, "release", name)


def wall(argv, env):
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def paired(a, b, env, runs):
    for _ in range(3):  # warm the page cache
        wall(a, env)
        wall(b, env)
    ta, tb, ratios = [], [], []
    for _ in range(runs):
        x, y = wall(a, env), wall(b, env)
        ta.append(x)
        tb.append(y)
        ratios.append(x / y)
    return statistics.median(ta), statistics.median(tb), statistics.median(ratios)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("journal")
    p.add_argument("--runs", type=int, default=200)
    opts = p.parse_args()
    if not os.environ.get("MEND_BIN"):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
        os.environ["MEND_BIN"] = os.path.join(target_dir(), "release", "mend")
    mend = mend_binary(build=False)
    plain_list = floor(None, "floor-list")
    cipher_list = floor("cipher", "floor-list")
    version = floor(None, "floor-version")
    with tempfile.TemporaryDirectory() as work:
        env = mend_env(work, os.path.abspath(opts.journal))
        rows = [
            ("`mend list -n 10`", [mend, "list", "-n", "10", "--no-pager"],
             "plain-SQLite floor", [plain_list, opts.journal]),
            ("SQLCipher floor", [cipher_list, opts.journal],
             "plain-SQLite floor", [plain_list, opts.journal]),
            ("`mend --version`", [mend, "--version"], "clap-only floor", [version, "--version"]),
            ("clap-only floor", [version, "--version"], "`/bin/true`", ["/bin/true"]),
        ]
        print(f"| command | median | against | median | ratio (median of {opts.runs} pairs) |")
        print("|---|---|---|---|---|")
        for name_a, a, name_b, b in rows:
            ma, mb, ratio = paired(a, b, env, opts.runs)
            print(f"| {name_a} | {ma * 1000:.2f} ms | {name_b} | {mb * 1000:.2f} ms | {ratio:.2f}× |")


if __name__ == "__main__":
    main()
