#!/usr/bin/env python3
"""mend's benchmark: generated journals, timed against jrnl.

Full run (installs hyperfine and GNU time from Debian's packages and jrnl into bench/.venv,
builds mend in release mode, takes a while):

    bench/run.sh                      # 10,000 and 100,000 entries
    bench/run.sh --sizes 10000        # one size only
    bench/run.sh --wait-idle 600 --retries 3   # on a machine shared with other work

Smoke run (1,000 entries, standard library only, installs nothing, no network; times with
time.perf_counter and exits non-zero if a mend command fails or gives a wrong answer):

    bench/run.sh --smoke

MEND_BIN=path/to/mend uses that binary instead of building target/release/mend.
Results go to bench/results/ (results.json, table.md, hyperfine/*.json).
"""

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
RESULTS = os.path.join(BENCH, "results")
VENV = os.path.join(BENCH, ".venv")
JRNL_VERSION = "4.6"
MEND_NOW = f"{gen.END_DAY + dt.timedelta(days=1)}T12:00:00Z"
WRITE_TEXT = ("Walked by the river after dinner. We talked about the phone and I stayed calm; "
              "I said sorry for snapping this morning. #walk")

# Targets at 100,000 entries (milliseconds), and peak memory for every command.
TARGETS_MS = {
    "version": 2, "list": 5, "search": 20, "list_tag": None, "summary_1y": 30,
    "summary_all": 300, "export_md": 1500, "export_json": 1500, "import": 10000, "write": 15,
}
TARGET_RSS_MB = 50
TARGET_RATIO = 100  # at 10,000 entries, every command but import vs jrnl's counterpart


class Failure(Exception):
    pass


def log(*a):
    print(*a, flush=True)


# ---------------------------------------------------------------- setup


def run_root(cmd):
    if os.geteuid() != 0:
        if not shutil.which("sudo"):
            raise Failure(f"need root to run: {' '.join(cmd)}")
        cmd = ["sudo"] + cmd
    subprocess.run(cmd, check=True, env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))


def install_tools(want_jrnl):
    missing = []
    if not shutil.which("hyperfine"):
        missing.append("hyperfine")
    if not os.path.exists("/usr/bin/time"):
        missing.append("time")
    if missing:
        log(f"== installing {' '.join(missing)} from Debian's packages")
        run_root(["apt-get", "update", "-qq"])
        run_root(["apt-get", "install", "-y", "-qq"] + missing)
    if want_jrnl:
        jrnl = os.path.join(VENV, "bin", "jrnl")
        if not os.path.exists(jrnl):
            log(f"== installing jrnl {JRNL_VERSION} into {VENV}")
            subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
            subprocess.run([os.path.join(VENV, "bin", "pip"), "install", "-q",
                            f"jrnl=={JRNL_VERSION}"], check=True)


def find_jrnl():
    venv = os.path.join(VENV, "bin", "jrnl")
    return venv if os.path.exists(venv) else shutil.which("jrnl")


def mend_binary(build):
    if os.environ.get("MEND_BIN"):
        path = os.path.abspath(os.environ["MEND_BIN"])
        if not os.access(path, os.X_OK):
            raise Failure(f"MEND_BIN={path} is not an executable")
        return path
    path = os.path.join(REPO, "target", "release", "mend")
    if build:
        log("== cargo build --release")
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    if not os.access(path, os.X_OK):
        raise Failure(f"{path} is missing: build it with `cargo build --release` or set MEND_BIN")
    return path


def snapshot(path, work):
    """A private copy of the binary, so that a rebuild during the run cannot change what is
    measured half-way; with its SHA-256."""
    os.makedirs(work, exist_ok=True)
    copy = os.path.join(work, "mend")
    shutil.copyfile(path, copy + ".tmp")
    os.chmod(copy + ".tmp", 0o755)
    os.replace(copy + ".tmp", copy)
    with open(copy, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    return copy, digest


def sh(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, shell=isinstance(cmd, str),
                              timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def machine(work):
    cpu = ""
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_kb = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    df = sh(["df", "-hT", work]).splitlines()
    source = df[-1].split()[0] if len(df) > 1 else ""
    dev = os.path.basename(source)
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory_gib": round(mem_kb / 1024 / 1024, 1),
        "disk": {
            "df": df[-1] if df else "",
            "lsblk": sh(["lsblk", "-dno", "NAME,SIZE,ROTA,TYPE,MODEL", f"/dev/{dev}"]) if dev else "",
            "mount": sh(["findmnt", "-no", "SOURCE,FSTYPE,OPTIONS", "-T", work]),
        },
        "kernel": platform.release(),
        "os": sh("grep PRETTY_NAME /etc/os-release | cut -d= -f2 | tr -d '\"'"),
        "python": platform.python_version(),
        "hyperfine": sh(["hyperfine", "--version"]),
    }


# ---------------------------------------------------------------- running commands


def mend_env(work, db):
    home = os.path.join(work, "home")
    os.makedirs(home, exist_ok=True)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("MEND_") and k not in ("RUST_BACKTRACE", "RUST_LIB_BACKTRACE")}
    env.update(MEND_DB=db, MEND_NOW=MEND_NOW, NO_COLOR="1", TZ="UTC", LC_ALL="C.UTF-8",
               HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"),
               XDG_DATA_HOME=os.path.join(home, ".local", "share"))
    env.pop("VISUAL", None)
    env.pop("EDITOR", None)
    return env


def jrnl_env(home):
    env = dict(os.environ)
    env.update(HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"),
               XDG_DATA_HOME=os.path.join(home, ".local", "share"),
               XDG_CACHE_HOME=os.path.join(home, ".cache"), NO_COLOR="1", TZ="UTC",
               LC_ALL="C.UTF-8")
    env.pop("VISUAL", None)
    env.pop("EDITOR", None)
    return env


def check_run(argv, env, what, timeout=600):
    p = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                       timeout=timeout)
    if p.returncode != 0:
        raise Failure(f"{what} failed ({p.returncode}): {shlex.join(argv)}\n"
                      + p.stderr.decode(errors="replace")[-2000:])
    return p.stdout.decode(errors="replace")


def spawn_measured(argv, env, timeout):
    """Runs argv once, timed with time.perf_counter: (seconds, exit status, stderr tail)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        p = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=err)
        timer = threading.Timer(timeout, p.kill)
        timer.start()
        try:
            p.wait()
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        err.seek(0)
        tail = err.read()[-2000:].decode(errors="replace")
    return seconds, p.returncode, tail


def time_v(argv, env, timeout):
    """Runs argv once under /usr/bin/time -v: (seconds, peak RSS in MB, exit status)."""
    with tempfile.NamedTemporaryFile("r") as out:
        start = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-v", "-o", out.name] + argv, env=env,
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=timeout)
        seconds = time.perf_counter() - start
        text = out.read()
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    if not m:
        raise Failure(f"/usr/bin/time -v gave no peak memory for {shlex.join(argv)}: {text}")
    return seconds, int(m.group(1)) / 1024, p.returncode, p.stderr.decode(errors="replace")


class Bench:
    """One benchmarked command: its argv, environment and, for commands that change the
    journal, how to make a fresh copy before each run."""

    def __init__(self, tool, name, argv, env, prepare=None):
        self.tool, self.name, self.argv, self.env, self.prepare = tool, name, argv, env, prepare

    def prepare_now(self):
        if self.prepare:
            subprocess.run(["sh", "-c", self.prepare], check=True)


def measure(b, opts, size, mode):
    """mode: 'hyperfine' (warm-up, runs, then one /usr/bin/time -v run), 'once' (one run under
    /usr/bin/time -v) or 'perf' (time.perf_counter, for the smoke run; peak memory from
    /usr/bin/time -v when it is installed)."""
    label = f"{b.tool} {b.name}"
    cmd = shlex.join(b.argv)
    busy = wait_for_idle(opts.wait_idle)
    res = {"command": cmd, "method": mode, "load_before": round(os.getloadavg()[0], 2)}
    if busy is not None:
        res["cpu_busy_before"] = round(busy, 3)
    if mode == "perf":
        times = []
        for i in range(opts.smoke_warmup + opts.smoke_runs):
            b.prepare_now()
            seconds, code, tail = spawn_measured(b.argv, b.env, opts.timeout)
            if code != 0:
                raise Failure(f"{label} failed ({code}): {cmd}\n{tail}")
            if i >= opts.smoke_warmup:
                times.append(seconds)
        times.sort()
        # Peak memory only where GNU time is there (the smoke run installs nothing).
        rss = None
        if os.path.exists("/usr/bin/time"):
            b.prepare_now()
            _, rss, code, tail = time_v(b.argv, b.env, opts.timeout)
            if code != 0:
                raise Failure(f"{label} failed under /usr/bin/time ({code}): {cmd}\n{tail}")
        res.update(runs=len(times), median_ms=1000 * times[len(times) // 2],
                   min_ms=1000 * times[0], max_ms=1000 * times[-1], peak_rss_mb=rss)
    elif mode == "once":
        b.prepare_now()
        seconds, rss, code, tail = time_v(b.argv, b.env, opts.timeout)
        if code != 0:
            raise Failure(f"{label} failed ({code}): {cmd}\n{tail[-2000:]}")
        res.update(runs=1, median_ms=1000 * seconds, min_ms=1000 * seconds,
                   max_ms=1000 * seconds, peak_rss_mb=rss)
    else:
        runs = b.runs
        raw = os.path.join(opts.results, "hyperfine", f"{size}-{b.tool}-{b.name}.json")
        os.makedirs(os.path.dirname(raw), exist_ok=True)
        hf = ["hyperfine", "-N", "--style", "basic", "--warmup", str(opts.warmup),
              "--runs", str(runs), "--export-json", raw, "--command-name", b.name]
        if b.prepare:
            hf += ["--prepare", shlex.join(["sh", "-c", b.prepare])]
        hf += [cmd]
        for attempt in range(1 + opts.retries):
            machine0, ours0 = busy_seconds()
            start = time.perf_counter()
            p = subprocess.run(hf, env=b.env, stdin=subprocess.DEVNULL, capture_output=True,
                               text=True)
            wall = time.perf_counter() - start
            machine1, ours1 = busy_seconds()
            # Cores kept busy by other work while this ran (0 on a quiet machine).
            others = max(0.0, ((machine1 - machine0) - (ours1 - ours0)) / wall)
            res["others_cores"] = round(others, 2)
            if p.returncode != 0 or others < 0.15 or attempt == opts.retries:
                break
            log(f"   {label}: other work used {others:.2f} cores meanwhile; measuring again")
            wait_for_idle(opts.wait_idle)
        if p.returncode != 0:
            raise Failure(f"hyperfine {label} failed: {p.stdout[-1500:]}{p.stderr[-1500:]}")
        with open(raw) as f:
            r = json.load(f)["results"][0]
        if any(code != 0 for code in r.get("exit_codes", [])):
            raise Failure(f"{label} exited non-zero under hyperfine: {cmd}")
        b.prepare_now()
        _, rss, code, tail = time_v(b.argv, b.env, opts.timeout)
        if code != 0:
            raise Failure(f"{label} failed under /usr/bin/time ({code}): {cmd}\n{tail[-2000:]}")
        res.update(runs=len(r["times"]), warmup=opts.warmup, median_ms=1000 * r["median"],
                   mean_ms=1000 * r["mean"], stddev_ms=1000 * (r["stddev"] or 0),
                   min_ms=1000 * r["min"], max_ms=1000 * r["max"], peak_rss_mb=rss,
                   hyperfine_json=os.path.relpath(raw, REPO))
    log(f"   {label:<22} median {fmt_ms(res['median_ms']):>10}  peak {fmt_mb(res['peak_rss_mb']):>9}"
        f"  ({res['runs']} run{'s' if res['runs'] != 1 else ''}, {mode}; "
        f"load {res['load_before']:.2f}"
        + (f", others {res['others_cores']:.2f} cores" if "others_cores" in res else "") + ")")
    return res


def cpu_busy(seconds=1.0):
    """The share of the machine's CPU time (0-1) that was busy over `seconds`."""
    def sample():
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        return v[3] + v[4], sum(v)  # idle + iowait, total
    i0, t0 = sample()
    time.sleep(seconds)
    i1, t1 = sample()
    return 1 - (i1 - i0) / max(1, t1 - t0)


def busy_seconds():
    """CPU seconds the whole machine has been busy, and those of this process's children."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    t = os.times()
    return (sum(v) - v[3] - v[4]) / os.sysconf("SC_CLK_TCK"), t.children_user + t.children_system


def wait_for_idle(limit):
    """On a shared machine: waits up to `limit` seconds until the CPUs are idle (under 10%
    busy over two seconds), so that other work does not land in the timings."""
    if not limit:
        return None
    start = time.perf_counter()
    said = False
    while True:
        busy = cpu_busy(2.0)
        if busy < 0.10 or time.perf_counter() - start > limit:
            return busy
        if not said:
            log(f"   (waiting for the machine to be idle: {busy:.0%} busy)")
            said = True


def fmt_mb(mb):
    return "–" if mb is None else f"{mb:.1f} MB" if mb < 100 else f"{mb:.0f} MB"


def fmt_ms(ms):
    if ms is None:
        return "–"
    if ms >= 10000:
        return f"{ms / 1000:.1f} s"
    if ms >= 1000:
        return f"{ms / 1000:.2f} s"
    if ms >= 100:
        return f"{ms:.0f} ms"
    if ms >= 10:
        return f"{ms:.1f} ms"
    return f"{ms:.2f} ms"


# ---------------------------------------------------------------- one journal size


def copy_db(src, dst):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(dst + suffix):
            os.remove(dst + suffix)
    shutil.copyfile(src, dst)


def run_size(n, opts, mend, jrnl, work, timing):
    log(f"== {n:,} entries")
    d = os.path.join(work, f"n{n}")
    os.makedirs(d, exist_ok=True)
    out = {"entries": n}

    # Vocabulary from mend itself, then the journals.
    scratch_env = mend_env(d, os.path.join(d, "vocab.db"))
    feelings = json.loads(check_run([mend, "feelings", "--json"], scratch_env, "mend feelings"))
    prompts = json.loads(check_run([mend, "prompts", "--json"], scratch_env, "mend prompts"))
    json_path = os.path.join(d, "journal.json")
    jrnl_path = os.path.join(d, "journal.txt")
    start = time.perf_counter()
    stats = gen.write(n, feelings, prompts, json_path, jrnl_path)
    word_counts = stats.pop("word_counts")
    stats["generate_s"] = round(time.perf_counter() - start, 2)
    stats["json_mb"] = round(os.path.getsize(json_path) / 1e6, 1)
    stats["jrnl_mb"] = round(os.path.getsize(jrnl_path) / 1e6, 1)
    stats["search_word"] = opts.word
    stats["search_word_entries"] = word_counts.get(opts.word, 0)
    stats["tag"] = opts.tag
    out["journal"] = stats
    log(f"   generated in {stats['generate_s']} s: {stats['words']:,} words, "
        f"JSON {stats['json_mb']} MB"
        + f", jrnl {stats['jrnl_mb']} MB; '{opts.word}' is in {stats['search_word_entries']:,} entries")

    # The pristine journal, by one import; WAL folded in so that a copy is the whole journal.
    pristine = os.path.join(d, "pristine.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(pristine + suffix):
            os.remove(pristine + suffix)
    check_run([mend, "import", json_path], mend_env(d, pristine), "mend import")
    con = sqlite3.connect(pristine)
    count = con.execute("SELECT count(*) FROM entries WHERE deleted_at IS NULL").fetchone()[0]
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    if count != n:
        raise Failure(f"mend import loaded {count} entries, not {n}")
    stats["db_mb"] = round(os.path.getsize(pristine) / 1e6, 1)
    read_db = os.path.join(d, "read.db")
    copy_db(pristine, read_db)
    os.sync()
    renv = mend_env(d, read_db)

    # Checks that mend reads back what was generated.
    exported = os.path.join(d, "export.json")
    with open(exported, "wb") as f:
        p = subprocess.run([mend, "export", "--format", "json"], env=renv, stdout=f,
                           stdin=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if p.returncode != 0:
        raise Failure(f"mend export --format json failed: {p.stderr.decode()[-2000:]}")
    if not same_file(json_path, exported):
        raise Failure(f"mend export --format json of the imported journal differs from {json_path}")
    os.remove(exported)
    last = json.loads(check_run([mend, "list", "-n", "1", "--json"], renv, "mend list"))
    if len(last) != 1 or last[0]["day"] != stats["last_day"]:
        raise Failure(f"mend list -n 1 shows {last!r}, expected the entry of {stats['last_day']}")
    found = json.loads(check_run([mend, "search", opts.word, "--json"], renv, "mend search"))
    if stats["search_word_entries"] and not found:
        raise Failure(f"mend search {opts.word} found nothing")
    tagged = json.loads(check_run([mend, "list", "--tag", opts.tag, "-n", "10", "--json"],
                                  renv, "mend list --tag"))
    if not tagged or any(opts.tag not in e["tags"] for e in tagged):
        raise Failure(f"mend list --tag {opts.tag} gave entries without the tag")

    # mend.
    wdb = os.path.join(d, "write.db")
    idb = os.path.join(d, "import.db")
    q = shlex.quote
    # The copy is synced before each timed run, so that the write's fsync flushes only what
    # the write itself changed, not the copy of the journal made a moment before.
    fresh_write = f"cp {q(pristine)} {q(wdb)} && rm -f {q(wdb)}-wal {q(wdb)}-shm && sync {q(wdb)}"
    fresh_import = f"rm -f {q(idb)} {q(idb)}-wal {q(idb)}-shm"
    first_day = stats["first_day"]
    benches = [
        ("version", ["--version"], renv, None, 20),
        ("list", ["list", "-n", "10"], renv, None, 20),
        ("search", ["search", opts.word], renv, None, 20),
        ("list_tag", ["list", "--tag", opts.tag, "-n", "10"], renv, None, 20),
        ("summary_1y", ["summary", "--since", "1y"], renv, None, 10),
        ("summary_all", ["summary", "--from", first_day], renv, None, 5),
        ("export_md", ["export", "--format", "md"], renv, None, 5),
        ("export_json", ["export", "--format", "json"], renv, None, 5),
        ("import", ["import", json_path], mend_env(d, idb), fresh_import, 5),
        ("write", ["write", WRITE_TEXT], mend_env(d, wdb), fresh_write, 20),
    ]
    out["mend"] = {}
    for name, args, env, prepare, runs in benches:
        b = Bench("mend", name, [mend] + args, env, prepare)
        b.runs = max(opts.min_runs, runs if not opts.runs else opts.runs)
        out["mend"][name] = measure(b, opts, n, timing)
    # The write really saved one entry more.
    con = sqlite3.connect(wdb)
    added = con.execute("SELECT count(*) FROM entries").fetchone()[0]
    con.close()
    if added != n + 1:
        raise Failure(f"after mend write the journal has {added} entries, not {n + 1}")

    # jrnl.
    if jrnl:
        out["jrnl"] = run_jrnl(n, opts, jrnl, d, jrnl_path, stats, timing)
    for f in (read_db, wdb, idb):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(f + suffix):
                os.remove(f + suffix)
    return out


def same_file(a, b):
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            x, y = fa.read(1 << 20), fb.read(1 << 20)
            if x != y:
                return False
            if not x:
                return True


def run_jrnl(n, opts, jrnl, d, pristine_txt, stats, timing):
    home = os.path.join(d, "jrnl-home")
    cfg_dir = os.path.join(home, ".config", "jrnl")
    os.makedirs(cfg_dir, exist_ok=True)
    version = check_run([jrnl, "--version"], jrnl_env(home), "jrnl --version").split()
    version = next((w for w in version if re.match(r"v?\d+\.\d+", w)), JRNL_VERSION)
    txt = os.path.join(d, "jrnl-journal.txt")
    with open(os.path.join(cfg_dir, "jrnl.yaml"), "w") as f:
        f.write(gen.jrnl_config(txt, version.lstrip("v")))
    shutil.copyfile(pristine_txt, txt)
    env = jrnl_env(home)
    # jrnl reads the journal: its last entry is the generated one.
    last = check_run([jrnl, "-n", "1"], env, "jrnl -n 1", timeout=3600)
    if not last.lstrip().startswith(stats["last_day"]):
        raise Failure(f"jrnl -n 1 shows {last[:200]!r}, expected an entry of {stats['last_day']}")
    big = n > 10000
    mode = timing
    if big and timing == "hyperfine":
        if opts.jrnl_big == "none":
            log("   jrnl at this size: skipped (see the reference figures)")
            return None
        mode = "once"
    wtxt = os.path.join(d, "jrnl-write.txt")
    fresh = f"cp {shlex.quote(pristine_txt)} {shlex.quote(wtxt)} && sync {shlex.quote(wtxt)}"
    whome = os.path.join(d, "jrnl-write-home")
    wcfg = os.path.join(whome, ".config", "jrnl")
    os.makedirs(wcfg, exist_ok=True)
    with open(os.path.join(wcfg, "jrnl.yaml"), "w") as f:
        f.write(gen.jrnl_config(wtxt, version.lstrip("v")))
    wenv = jrnl_env(whome)
    benches = [
        ("version", ["--version"], env, None),
        ("list", ["-n", "10"], env, None),
        ("search", ["-contains", opts.word, "-n", "20"], env, None),
        ("list_tag", ["@" + opts.tag, "-n", "10"], env, None),
        ("export_md", ["--export", "md"], env, None),
        ("export_json", ["--export", "json"], env, None),
        ("write", [WRITE_TEXT.replace("#walk", "@walk")], wenv, fresh),
    ]
    if big and opts.jrnl_big == "some":
        benches = [x for x in benches if x[0] in ("list", "export_json", "write")]
    res = {"version": version}
    for name, args, e, prepare in benches:
        b = Bench("jrnl", name, [jrnl] + args, e, prepare)
        b.runs = opts.jrnl_runs
        res[name] = measure(b, opts, n, mode)
    return res


# ---------------------------------------------------------------- report

ROWS = [
    ("version", "mend --version", "jrnl --version"),
    ("list", "mend list -n 10", "jrnl -n 10"),
    ("search", "mend search WORD", "jrnl -contains WORD -n 20"),
    ("list_tag", "mend list --tag T -n 10", "jrnl @T -n 10"),
    ("summary_1y", "mend summary --since 1y", None),
    ("summary_all", "mend summary (whole journal)", None),
    ("export_md", "mend export --format md", "jrnl --export md"),
    ("export_json", "mend export --format json", "jrnl --export json"),
    ("import", "mend import FILE.json", None),
    ("write", 'mend write "..."', 'jrnl "..."'),
]


def table(results):
    lines = []
    for size in results["sizes"]:
        n = size["entries"]
        j = size.get("jrnl") or {}
        big = n > 10000
        lines.append(f"### {n:,} entries\n")
        head = "| command | mend median | mend peak RSS |"
        sep = "|---|---:|---:|"
        if j:
            head += " jrnl | jrnl median | jrnl peak RSS | jrnl ÷ mend |"
            sep += "---|---:|---:|---:|"
        if big:
            head += " target (median; RSS ≤ 50 MB) |"
            sep += "---|"
        elif j and n == 10000:
            head += " ≥ 100× faster |"
            sep += "---|"
        lines += [head, sep]
        for key, mname, jname in ROWS:
            m = size["mend"].get(key)
            if not m:
                continue
            row = f"| `{mname}` | {fmt_ms(m['median_ms'])} | {fmt_mb(m['peak_rss_mb'])} |"
            if j:
                jr = j.get(key)
                if jr and jname:
                    runs = ("" if jr["method"] == "hyperfine" else
                            f" ({jr['runs']} run{'s' if jr['runs'] != 1 else ''})")
                    ratio = jr["median_ms"] / m["median_ms"]
                    row += (f" `{jname}` | {fmt_ms(jr['median_ms'])}{runs} | "
                            f"{fmt_mb(jr['peak_rss_mb'])} | {ratio:,.0f}× |")
                else:
                    row += " – | – | – | – |"
            if big:
                t = TARGETS_MS.get(key)
                ok_t = t is None or m["median_ms"] <= t
                ok_m = m["peak_rss_mb"] is not None and m["peak_rss_mb"] <= TARGET_RSS_MB
                verdict = []
                if t is not None:
                    verdict.append(f"≤ {fmt_ms(t)}: " + ("met" if ok_t else
                                   f"**missed ({fmt_ms(m['median_ms'])})**"))
                verdict.append("RSS met" if ok_m else
                               f"**RSS missed ({m['peak_rss_mb']:.0f} MB)**")
                row += " " + "; ".join(verdict) + " |"
            elif j and n == 10000:
                jr = j.get(key)
                if key == "import" or not (jr and jname):
                    row += " n/a |"
                else:
                    ratio = jr["median_ms"] / m["median_ms"]
                    row += (" met |" if ratio >= TARGET_RATIO else
                            f" **missed ({ratio:.0f}×)** |")
            lines.append(row)
        js = size["journal"]
        lines.append("")
        lines.append(f"Journal: {js['entries']:,} entries, {js['words']:,} words "
                     f"({js['body_bytes'] / 1e6:.1f} MB of text), {js['first_day']} to "
                     f"{js['last_day']}; JSON {js['json_mb']} MB, journal.db {js['db_mb']} MB"
                     + (f", jrnl file {js['jrnl_mb']} MB" if 'jrnl_mb' in js else "")
                     + f". Search word `{js['search_word']}` is in {js['search_word_entries']:,}"
                     f" entries; tag `{js['tag']}`.\n")
    return "\n".join(lines)


# ---------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--smoke", action="store_true",
                    help="1,000 entries, no installs, no hyperfine; fails if mend fails")
    ap.add_argument("--sizes", default=None, help="comma-separated entry counts "
                    "(default 10000,100000; 1000 with --smoke)")
    ap.add_argument("--no-jrnl", action="store_true", help="time mend only")
    ap.add_argument("--with-jrnl", action="store_true",
                    help="with --smoke: time jrnl too, if it is installed already")
    ap.add_argument("--jrnl-big", choices=["all", "some", "none"], default="all",
                    help="jrnl above 10,000 entries: every command once (all), only list, "
                    "export json and write once (some), or not at all (none)")
    ap.add_argument("--runs", type=int, default=0, help="hyperfine runs for mend (default per "
                    "command: 20 for quick ones, 5-10 for the others)")
    ap.add_argument("--min-runs", type=int, default=5)
    ap.add_argument("--jrnl-runs", type=int, default=5, help="hyperfine runs for jrnl at 10,000")
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--word", default="jealous", help="the word searched for")
    ap.add_argument("--tag", default="partner", help="the tag listed")
    ap.add_argument("--work", default=None, help="where journals are generated "
                    "(default bench/work; a temporary folder with --smoke)")
    ap.add_argument("--results", default=RESULTS, help="where results go (default bench/results)")
    ap.add_argument("--no-build", action="store_true", help="use target/release/mend as it is")
    ap.add_argument("--no-install", action="store_true", help="install nothing")
    ap.add_argument("--keep", action="store_true", help="keep the smoke run's files")
    ap.add_argument("--wait-idle", type=float, default=0, metavar="SECONDS",
                    help="before each command, wait up to this long for the CPUs to be idle "
                    "(on a shared machine)")
    ap.add_argument("--retries", type=int, default=0,
                    help="measure a command again (up to this many times) when other work "
                    "kept the CPUs busy while it ran")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds for one command")
    opts = ap.parse_args()
    opts.smoke_warmup, opts.smoke_runs = 1, 3
    t0 = time.perf_counter()
    try:
        if opts.smoke:
            sizes = [int(s) for s in (opts.sizes or "1000").split(",")]
            opts.timeout = min(opts.timeout, 120)
            mend = mend_binary(build=not opts.no_build)
            jrnl = find_jrnl() if opts.with_jrnl and not opts.no_jrnl else None
            work = opts.work or tempfile.mkdtemp(prefix="mend-bench-")
            try:
                mend, _ = snapshot(mend, work)
                results = {"mode": "smoke", "mend_version": check_run(
                    [mend, "--version"], mend_env(work, os.path.join(work, "v.db")),
                    "mend --version").strip(), "sizes": []}
                for n in sizes:
                    results["sizes"].append(run_size(n, opts, mend, jrnl, work, "perf"))
                with open(os.path.join(work, "results.json"), "w") as f:
                    json.dump(results, f, indent=2)
                log(table(results))
            finally:
                if not opts.keep and not opts.work:
                    shutil.rmtree(work, ignore_errors=True)
            log(f"smoke: every mend command worked ({time.perf_counter() - t0:.1f} s)")
            return 0

        sizes = [int(s) for s in (opts.sizes or "10000,100000").split(",")]
        if not opts.no_install:
            install_tools(want_jrnl=not opts.no_jrnl)
        for tool in ("hyperfine", "/usr/bin/time"):
            if not shutil.which(tool):
                raise Failure(f"{tool} is missing (apt-get install hyperfine time)")
        mend = mend_binary(build=not opts.no_build)
        jrnl = None if opts.no_jrnl else find_jrnl()
        if not opts.no_jrnl and not jrnl:
            raise Failure("jrnl is missing (bench/run.sh installs it unless --no-install)")
        work = os.path.abspath(opts.work or os.path.join(BENCH, "work"))
        os.makedirs(work, exist_ok=True)
        os.makedirs(opts.results, exist_ok=True)
        built_from = os.path.relpath(mend, REPO) if mend.startswith(REPO) else mend
        mend, digest = snapshot(mend, work)
        dirty = sh(["git", "-C", REPO, "status", "--porcelain", "--", "src", "Cargo.toml",
                    "Cargo.lock"])
        results = {
            "mode": "full",
            "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "mend_version": check_run([mend, "--version"],
                                      mend_env(work, os.path.join(work, "v.db")),
                                      "mend --version").strip(),
            "mend_commit": sh(["git", "-C", REPO, "rev-parse", "--short", "HEAD"])
            + (" with uncommitted changes in src/" if dirty else ""),
            "mend_binary": {"built_as": built_from, "sha256": digest},
            "machine": machine(work),
            "settings": {"warmup": opts.warmup, "jrnl_runs": opts.jrnl_runs,
                         "jrnl_big": opts.jrnl_big, "mend_now": MEND_NOW,
                         "word": opts.word, "tag": opts.tag, "write_text": WRITE_TEXT},
            "sizes": [],
        }
        log(json.dumps(results["machine"], indent=2))
        for n in sizes:
            results["sizes"].append(run_size(n, opts, mend, jrnl, work, "hyperfine"))
            with open(os.path.join(opts.results, "results.json"), "w") as f:
                json.dump(results, f, indent=2)
        text = table(results)
        with open(os.path.join(opts.results, "table.md"), "w") as f:
            f.write(text + "\n")
        log(text)
        log(f"done in {(time.perf_counter() - t0) / 60:.1f} min; results in {opts.results}")
        return 0
    except Failure as e:
        log(f"FAILED: {e}")
        return 1
    except subprocess.CalledProcessError as e:
        log(f"FAILED: {e}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
