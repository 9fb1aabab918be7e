#!/usr/bin/env python3
"""Screening an archive: the 2000-file corpus of scripts/bench.py checked locally, on a local Dask cluster of one
and of two worker processes (``lintkit check --scheduler``), and with a cold and a warm result cache.

    python scripts/bench_archive.py                  # builds the corpus in a temporary directory
    python scripts/bench_archive.py --corpus DIR     # a corpus kept by `scripts/bench.py --keep DIR` (uses DIR/many)

Each measurement is the wall time of one ``lintkit check DIR --format json`` run in a fresh process (best of
``--repeat``); every run's report is compared with the local run's, byte for byte. Needs the ``dask`` extra.
This is a script, not a test: no timing is ever asserted.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _bench_module():
    spec = importlib.util.spec_from_file_location("lintkit_bench", ROOT / "scripts" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def lintkit(args: list[str], out: Path, env: dict) -> tuple[float, int]:
    t0 = time.perf_counter()
    with out.open("wb") as fh:
        proc = subprocess.run([sys.executable, "-m", "lintkit", "check", *args], stdout=fh, stderr=subprocess.PIPE,
                              env=env)
    elapsed = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"lintkit {' '.join(args)} exited {proc.returncode}: {proc.stderr.decode()[-500:]}")
    return elapsed, proc.returncode


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_cluster(workers: int, env: dict) -> tuple[str, list[subprocess.Popen]]:
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                               "--port", str(port), "--dashboard-address", ":0"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)]
    procs.append(subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address, "--nworkers",
                                   str(workers), "--nthreads", "1", "--dashboard-address", ":0"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env))
    from distributed import Client

    with Client(address, timeout="30s") as client:
        client.wait_for_workers(workers, timeout=60)
        # warm each worker (imports, the rule tables) so the figure is the check, not the start-up
        client.run(lambda: __import__("lintkit.distributed") and None)
    return address, procs


def stop(procs: list[subprocess.Popen]) -> None:
    for p in reversed(procs):
        p.terminate()
    for p in procs:
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", metavar="DIR", help="a corpus built by scripts/bench.py --keep DIR")
    ap.add_argument("--repeat", type=int, default=2, help="runs per measurement (best is shown)")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="lintkit-archive-"))
    try:
        if args.corpus:
            many = Path(args.corpus) / "many"
        else:
            many = _bench_module().build_corpus(work / "corpus", 10.0)["many"]
        files = sorted(many.glob("*.txt"))
        nbytes = sum(p.stat().st_size for p in files)
        env = {**os.environ, "LINTKIT_CACHE_DIR": str(work / "startup-cache")}
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "lintkit"), str(ROOT / "rules")],
                       capture_output=True)
        base = [str(many), "--format", "json"]
        reference = work / "local.json"
        cache = work / "results"
        lintkit([*base, "--no-cache", "--jobs", "1"], reference, env)  # warms the start-up cache; the reference
        clusters = {n: start_cluster(n, env) for n in (1, 2)}
        configs = [
            ("local, --jobs 1, no result cache", ["--no-cache", "--jobs", "1"], None),
            ("local, --jobs 2, no result cache", ["--no-cache", "--jobs", "2"], None),
            ("local, --jobs 1, cold result cache (writes it)", ["--cache-dir", str(cache), "--jobs", "1"],
             lambda: shutil.rmtree(cache, ignore_errors=True)),
            ("local, --jobs 1, warm result cache", ["--cache-dir", str(cache), "--jobs", "1"], None),
            ("local, --jobs 2, warm result cache", ["--cache-dir", str(cache), "--jobs", "2"], None),
            *((f"Dask, {n} local worker process{'es' if n > 1 else ''} x 1 thread",
               ["--scheduler", clusters[n][0]], None) for n in (1, 2)),
        ]
        best: dict[str, float] = {}
        loads: list[float] = []
        try:
            # round after round over every configuration, so that a busy machine slows them all alike
            for _ in range(args.repeat):
                loads.append(os.getloadavg()[0])
                for label, extra, before in configs:
                    if before is not None:
                        before()
                    out = work / "out.json"
                    elapsed, _ = lintkit([*base, *extra], out, env)
                    if out.read_bytes() != reference.read_bytes():
                        raise SystemExit(f"{label}: the report differs from the local run's")
                    best[label] = min(best.get(label, elapsed), elapsed)
        finally:
            for _, procs in clusters.values():
                stop(procs)
        print(f"load average during the runs: {' '.join(f'{x:.1f}' for x in loads)} (1-minute, one per round)")
        for label, _, _ in configs:
            print(f"{label:<48} {best[label]:7.2f} s  {nbytes / best[label] / 1e6:6.2f} MB/s")
        print(f"\n{len(files)} files, {nbytes / 1e6:.1f} MB; Python {sys.version.split()[0]}, "
              f"{os.cpu_count()} CPUs")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
