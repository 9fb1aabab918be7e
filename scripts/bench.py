#!/usr/bin/env python3
"""Benchmark lintkit against a floor (one compiled regex pass) and the fastest peer (autocorrect-py).

Builds a corpus from seeds/ (DESIGN.md §10): one ~10 MB file, the same text as 2000 files of ~5 KB cut at
sentence ends, and a 1 MB single-line file. Each measurement runs in a fresh subprocess (so peak RSS and import
costs are its own) several times; the table shows the best wall time, MB/s, peak RSS and lintkit's ratio to
each reference.

    python scripts/bench.py                 # the table
    python scripts/bench.py --rules         # plus time per rule (slowest first)
    python scripts/bench.py --json out.json # also write the figures
    python scripts/bench.py --size 2        # a smaller corpus (MB) for a quick look

This is a script, not a test: no timing is ever asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CLEAN = ROOT / "tests" / "fixtures" / "clean"


# ------------------------------------------------------------------------------------------------ corpus

def _cut(text: str, directory: Path, n_files: int) -> None:
    """Write ``text`` as exactly ``n_files`` files of about the same size, cut after sentence ends."""
    import regex

    directory.mkdir()
    pieces = regex.split(r"(?<=[。！？!?\n])", text)
    buf: list[str] = []
    size = 0
    idx = 0
    remaining = len(text.encode("utf-8"))
    for piece in pieces:
        buf.append(piece)
        size += len(piece.encode("utf-8"))
        # the share of what is left, so that exactly n_files files come out (the last one takes the rest)
        if idx < n_files - 1 and size >= remaining / (n_files - idx):
            (directory / f"d{idx:04d}.txt").write_text("".join(buf), encoding="utf-8")
            idx += 1
            remaining -= size
            buf, size = [], 0
    if buf:
        (directory / f"d{idx:04d}.txt").write_text("".join(buf), encoding="utf-8")


def build_corpus(directory: Path, size_mb: float) -> dict[str, Path]:
    import regex

    seed_text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    target = int(size_mb * 1_000_000)
    reps = max(1, target // len(seed_text.encode("utf-8")) + 1)
    text = "\n".join([seed_text] * reps)
    data = text.encode("utf-8")[:target]
    text = data.decode("utf-8", "ignore")
    one = directory / "one" / "corpus.txt"
    one.parent.mkdir(parents=True)
    one.write_text(text, encoding="utf-8")

    # 2000 files of about the same size, cut after a sentence end
    many = directory / "many"
    _cut(text, many, 2000)
    # the same size of correct drafts (tests/fixtures/clean, few findings): what a batch of finished reports costs
    clean_text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(CLEAN.glob("*.txt")))
    clean_data = "\n".join([clean_text] * (target // len(clean_text.encode("utf-8")) + 1)).encode("utf-8")[:target]
    _cut(clean_data.decode("utf-8", "ignore"), directory / "clean", 2000)

    # a 1 MB single line
    line_dir = directory / "line"
    line_dir.mkdir()
    single = regex.sub(r"[\r\n]+", "", seed_text)
    single = (single * (1_000_000 // len(single.encode("utf-8")) + 1)).encode("utf-8")[:1_000_000]
    (line_dir / "line.txt").write_text(single.decode("utf-8", "ignore"), encoding="utf-8")

    small = directory / "small"
    small.mkdir()
    shutil.copy(sorted(many.glob("*.txt"))[0], small / "one.txt")
    return {"one": one.parent, "many": many, "line": line_dir, "small": small / "one.txt",
            "clean": directory / "clean"}


def corpus_bytes(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.glob("*.txt"))


# ------------------------------------------------------------------------------------------------ workers

WORKER = r"""
import json, resource, sys, time
from pathlib import Path
kind, target = sys.argv[1], Path(sys.argv[2])
files = sorted(target.glob("*.txt")) if target.is_dir() else [target]
datas = [p.read_bytes() for p in files]
t0 = time.perf_counter()
extra = {}
if kind == "floor":
    import regex
    pat = regex.compile(r"\p{Han}+|[，。、；：！？]")
    n = 0
    for d in datas:
        n += sum(1 for _ in pat.finditer(d.decode("utf-8")))
elif kind == "api":
    from lintkit.engine import Linter, Options
    linter = Linter(Options(no_config=True))
    timings = {} if len(sys.argv) > 3 and sys.argv[3] == "rules" else None
    linter.rule_timings = timings
    n = 0
    for p, d in zip(files, datas):
        n += len(linter.lint_bytes(d, p.name, None).diagnostics)
    if timings is not None:
        extra["rules"] = timings
elif kind == "autocorrect":
    import autocorrect_py as ac
    n = 0
    for d in datas:
        n += len(ac.lint_for(d.decode("utf-8"), "text").lines)
t1 = time.perf_counter()
# VmHWM is this process's own peak; ru_maxrss would include the bench's RSS from before exec (Linux)
hwm = 0
try:
    hwm = int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM:")).split()[1])
except (OSError, StopIteration, ValueError):
    pass
print(json.dumps({"seconds": t1 - t0, "findings": n,
                  "maxrss_mb": (hwm or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) / 1024, **extra}))
"""


def run_worker(kind: str, target: Path, *extra: str) -> dict:
    res = subprocess.run([sys.executable, "-c", WORKER, kind, str(target), *extra], capture_output=True, text=True,
                         timeout=3600)
    if res.returncode != 0:
        raise RuntimeError(f"{kind} on {target}: {res.stderr[-2000:]}")
    return json.loads(res.stdout)


def _proc_tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except OSError:
            pass
    return out


def _kb(pid: int, field: str, filename: str) -> int:
    try:
        with open(f"/proc/{pid}/{filename}") as fh:
            for line in fh:
                if line.startswith(field):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


class TreeMemory(threading.Thread):
    """Samples the memory of a process and its workers every 10 ms (Linux /proc): the largest RSS of any one
    process, and the sum of the proportional set sizes (PSS: pages shared after fork are counted once)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.stop = threading.Event()
        self.max_rss_kb = 0
        self.tree_pss_kb = 0

    def run(self) -> None:
        while not self.stop.is_set():
            pids = _proc_tree(self.pid)
            self.max_rss_kb = max([self.max_rss_kb] + [_kb(p, "VmHWM:", "status") for p in pids])
            self.tree_pss_kb = max(self.tree_pss_kb, sum(_kb(p, "Pss:", "smaps_rollup") for p in pids))
            self.stop.wait(0.01)


def run_cli(args: list[str], env: dict | None = None) -> dict:
    """Wall time and peak memory of one `lintkit` CLI run (output to /dev/null). ``maxrss_mb`` is the largest
    peak RSS of the main process or any worker; ``tree_mb`` the peak of the summed PSS of all of them (sampled,
    Linux only; 0 elsewhere)."""
    exe = shutil.which("lintkit", path=str(Path(sys.executable).parent)) or "lintkit"
    return run_command([exe, *args], env)


def run_command(command: list[str], env: dict | None = None) -> dict:
    """Wall time and peak memory of one command run as :func:`run_cli` runs lintkit."""
    t0 = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        proc = subprocess.Popen(command, stdout=devnull, stderr=subprocess.PIPE,
                                env=None if env is None else {**os.environ, **env})
        sampler = TreeMemory(proc.pid)
        if os.path.isdir("/proc"):
            sampler.start()
        _, _, rusage = os.wait4(proc.pid, 0)
        sampler.stop.set()
        if sampler.is_alive():
            sampler.join()
    t1 = time.perf_counter()
    # ru_maxrss (wait4) counts the bench's own RSS from before exec on Linux: only a fallback
    return {"seconds": t1 - t0, "maxrss_mb": (sampler.max_rss_kb or rusage.ru_maxrss) / 1024,
            "tree_mb": (sampler.tree_pss_kb or rusage.ru_maxrss) / 1024}


def best(fn, repeat: int) -> dict:
    runs = [fn() for _ in range(repeat)]
    out = min(runs, key=lambda r: r["seconds"])
    out = dict(out)
    out["median_seconds"] = statistics.median(r["seconds"] for r in runs)
    out["maxrss_mb"] = max(r["maxrss_mb"] for r in runs)
    out["tree_mb"] = max(r.get("tree_mb", r["maxrss_mb"]) for r in runs)
    return out


def has_autocorrect() -> bool:
    res = subprocess.run([sys.executable, "-c", "import autocorrect_py"], capture_output=True)
    return res.returncode == 0


# ------------------------------------------------------------------------------------------------ main

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=float, default=10.0, help="corpus size in MB (default 10)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (best is shown)")
    ap.add_argument("--rules", action="store_true", help="also show the time per rule")
    ap.add_argument("--json", metavar="FILE", help="write the figures as JSON")
    ap.add_argument("--keep", metavar="DIR", help="build the corpus in DIR and keep it")
    args = ap.parse_args()

    workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="lintkit-bench-"))
    if args.keep and workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    # byte-compile lintkit as an installed wheel would be (an editable install with PYTHONDONTWRITEBYTECODE set
    # would otherwise compile every module from source at each start)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "lintkit"), str(ROOT / "rules")],
                   capture_output=True)
    # a start-up cache of the bench's own (lintkit/cache.py), warm after the first run, as on a user's machine
    os.environ["LINTKIT_CACHE_DIR"] = str(workdir / "cache")
    try:
        corpus = build_corpus(workdir, args.size)
        sizes = {k: corpus_bytes(v) for k, v in corpus.items()}
        rows: list[tuple[str, str, dict, int]] = []

        def add(label: str, ref: str, result: dict, nbytes: int) -> None:
            rows.append((label, ref, result, nbytes))
            mbps = nbytes / 1e6 / result["seconds"]
            print(f"  measured {label:<44} {result['seconds']:8.3f} s {mbps:8.2f} MB/s", file=sys.stderr)

        r = args.repeat
        add("floor: one regex pass, 1 file", "floor-one", best(lambda: run_worker("floor", corpus["one"]), r),
            sizes["one"])
        add("floor: one regex pass, 2000 files", "floor-many",
            best(lambda: run_worker("floor", corpus["many"]), r), sizes["many"])
        add("lintkit API, 1 file", "api-one", best(lambda: run_worker("api", corpus["one"]), r), sizes["one"])
        add("lintkit API, 2000 files", "api-many", best(lambda: run_worker("api", corpus["many"]), r),
            sizes["many"])
        add("lintkit API, 2000 correct drafts", "api-clean", best(lambda: run_worker("api", corpus["clean"]), r),
            sizes["clean"])
        add("lintkit API, 1 MB single line", "api-line", best(lambda: run_worker("api", corpus["line"]), r),
            sizes["line"])
        for jobs in (1, 2):
            add(f"lintkit CLI --jobs {jobs}, 2000 files, json", f"cli-many-j{jobs}",
                best(lambda: run_cli(["check", str(corpus["many"]), "--format", "json", "--no-config",
                                      "--no-cache", "--jobs", str(jobs)]), r), sizes["many"])
        add("lintkit CLI, 1 file, json", "cli-one",
            best(lambda: run_cli(["check", str(corpus["one"]), "--format", "json", "--no-config", "--no-cache"]), r),
            sizes["one"])
        # start-up: the default text format, the start-up cache warm, the result cache not used (the file is
        # linted), against a bare interpreter measured in the same run
        bare = best(lambda: run_command([sys.executable, "-c", "pass"]), max(5, r))
        add("python -c pass", "python-bare", bare, sizes["small"])
        startup = best(lambda: run_cli(["check", str(corpus["small"]), "--no-config", "--no-cache"]), max(5, r))
        add("lintkit CLI startup, one 5 KB file", "cli-small", startup, sizes["small"])
        # the first run on a machine (or after an upgrade) has no start-up cache: patterns are parsed, entry
        # points read from the installed metadata, TOML data parsed
        cold_dirs = iter(range(1000))
        cold = best(lambda: run_cli(["check", str(corpus["small"]), "--no-config", "--no-cache"],
                                    env={"LINTKIT_CACHE_DIR": str(workdir / f"cold-cache-{next(cold_dirs)}")}),
                    max(5, r))
        add("lintkit CLI startup, first run (no cache)", "cli-small-cold", cold, sizes["small"])
        if has_autocorrect():
            add("autocorrect-py lint_for, 2000 files", "ac-many",
                best(lambda: run_worker("autocorrect", corpus["many"]), r), sizes["many"])
        else:
            print("  (autocorrect-py is not installed: pip install autocorrect-py)", file=sys.stderr)

        results = {ref: {"label": label, "seconds": res["seconds"], "median_seconds": res["median_seconds"],
                         "mb_per_s": nbytes / 1e6 / res["seconds"], "maxrss_mb": res["maxrss_mb"], "tree_mb": res["tree_mb"],
                         "bytes": nbytes}
                   for label, ref, res, nbytes in rows}
        print()
        print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
              f"{platform.system()} {platform.release()}")
        print(f"corpus: {sizes['one'] / 1e6:.1f} MB as 1 file and as {len(list(corpus['many'].glob('*.txt')))} "
              f"files; a {sizes['line'] / 1e6:.1f} MB single line\n")
        print(f"{'measurement':<44} {'best s':>8} {'MB/s':>8} {'RSS MB':>8} {'tree MB':>8}")
        print("-" * 81)
        for ref, v in results.items():
            print(f"{v['label']:<44} {v['seconds']:8.3f} {v['mb_per_s']:8.2f} {v['maxrss_mb']:8.1f} "
                  f"{v['tree_mb']:8.1f}")
        print("RSS MB: peak RSS of the largest process (main or worker); tree MB: peak of the summed PSS of the "
              "main process and its workers")
        print()
        floor = results["floor-many"]["mb_per_s"]
        print(f"lintkit API (2000 files) / floor:        {results['api-many']['mb_per_s'] / floor:6.2f}×")
        if "ac-many" in results:
            ac = results["ac-many"]["mb_per_s"]
            print(f"lintkit API (2000 files) / autocorrect:  {results['api-many']['mb_per_s'] / ac:6.2f}×")
            print(f"lintkit CLI -j2 / autocorrect (1 thread):{results['cli-many-j2']['mb_per_s'] / ac:6.2f}×")
        per_mb_corpus = results["api-one"]["seconds"] / results["api-one"]["bytes"]
        per_mb_line = results["api-line"]["seconds"] / results["api-line"]["bytes"]
        print(f"1 MB single line, cost per byte vs corpus: {per_mb_line / per_mb_corpus:6.2f}×")
        print(f"startup (one 5 KB file, CLI wall):       {results['cli-small']['seconds'] * 1000:6.0f} ms "
              f"(first run, no start-up cache: {results['cli-small-cold']['seconds'] * 1000:.0f} ms)")
        bare_s = results["python-bare"]["seconds"]
        print(f"startup / python -c pass:                {results['cli-small']['seconds'] / bare_s:6.1f}× "
              f"(first run: {results['cli-small-cold']['seconds'] / bare_s:.1f}×; python -c pass "
              f"{bare_s * 1000:.0f} ms)")

        if args.rules:
            timing = run_worker("api", corpus["many"], "rules")["rules"]
            total = sum(timing.values())
            print(f"\n{'rule':<10} {'seconds':>8} {'share':>7}   (2000 files, one process)")
            for rid, sec in sorted(timing.items(), key=lambda x: -x[1]):
                print(f"{rid:<10} {sec:8.3f} {sec / total * 100:6.1f}%")
            results["rules"] = timing
        if args.json:
            Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
