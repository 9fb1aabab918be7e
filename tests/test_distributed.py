"""``lintkit check --scheduler``: the check on a Dask cluster (a LocalCluster of two in-process workers) gives
the local run's output and exit code, byte for byte; faults (unreachable scheduler, a failing file or batch, a
worker lost mid-run, workers that cannot see the files) are handled as DESIGN'd."""

from __future__ import annotations

import json
import threading
import time

import pytest

from conftest import ROOT
from lintkit.cli import main

distributed = pytest.importorskip("distributed")

import lintkit.distributed as ld  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "real"
BAD = "并对202 2年全县妇联工作进行安排部署。推荐 上报。\n"


def _cluster():
    return distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                    dashboard_address=":0")


@pytest.fixture(scope="module")
def cluster():
    with _cluster() as c:
        yield c


def run(capsys, args):
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def local_and_cluster(capsys, cluster, args):
    local = run(capsys, [*args, "--no-cache"])
    remote = run(capsys, [*args, "--scheduler", cluster.scheduler_address])
    return local, remote


@pytest.mark.parametrize("fmt", ["json", "text", "sarif", "concise", "github"])
def test_the_cluster_gives_the_local_output(cluster, capsys, monkeypatch, fmt):
    monkeypatch.chdir(ROOT)
    local, remote = local_and_cluster(capsys, cluster, ["seeds", "tests/fixtures", "--format", fmt])
    assert remote == local and local[0] == 1 and len(local[1]) > 10_000


def test_the_cluster_gives_the_local_output_on_the_real_corpus(cluster, capsys, monkeypatch):
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus/real is absent")
    monkeypatch.chdir(ROOT)
    local, remote = local_and_cluster(capsys, cluster, [str(CORPUS), "--format", "json", "--statistics"])
    assert remote == local and local[0] in (0, 1)


def test_configuration_is_resolved_by_the_client(cluster, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "b.txt", "sub/c.md"):
        (tmp_path / name).write_text(BAD, encoding="utf-8")
    (tmp_path / "lintkit.toml").write_text(
        '[severity]\nSPC003 = "error"\n[per-file-ignores]\n"b.txt" = ["SPC001"]\n'
        '[[ignore]]\nrule = "SPC002"\ntext = "部署。推荐"\npath = "sub/*"\n', encoding="utf-8")
    (tmp_path / "sub" / "lintkit.toml").write_text('extend = "../lintkit.toml"\nignore = ["SPC003"]\n',
                                                   encoding="utf-8")
    local, remote = local_and_cluster(capsys, cluster, [".", "--format", "json"])
    assert remote == local
    assert {(d["path"], d["rule"], d["severity"]) for d in json.loads(local[1])} == {
        ("a.txt", "SPC001", "error"), ("a.txt", "SPC003", "info"), ("b.txt", "SPC003", "info"),
        ("sub/c.md", "SPC001", "error")}


def test_workers_that_cannot_see_the_files_receive_the_bytes(cluster, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    sent = []
    lint_one = ld._lint_one

    def recording(linter, display, path, size, mtime_ns, data):
        sent.append(data is not None)
        return lint_one(linter, display, path, size, mtime_ns, data)

    monkeypatch.setattr(ld, "_lint_one", recording)
    monkeypatch.setattr(ld, "_stat", lambda path: (-1, -1))  # as if the workers' file system were another one
    local, remote = local_and_cluster(capsys, cluster, ["seeds", "tests/fixtures", "--format", "json"])
    assert remote == local
    n = len(sent) // 2
    assert sent.count(True) == n and sent.count(False) == n and n >= 25


def test_an_unreachable_scheduler_is_exit_2_with_one_line(capsys, monkeypatch):
    import dask

    monkeypatch.chdir(ROOT)
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        code, out, err = run(capsys, ["seeds", "--lang", "en", "--scheduler", "tcp://127.0.0.1:9"])
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("lintkit: cannot reach the Dask scheduler at tcp://127.0.0.1:9")


def test_fix_is_refused_and_diff_is_the_local_diff(cluster, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    code, _, err = run(capsys, ["a.txt", "--fix", "--lang", "en", "--scheduler", cluster.scheduler_address])
    assert code == 2 and "--fix cannot be combined with --scheduler" in err
    local, remote = local_and_cluster(capsys, cluster, ["a.txt", "--diff"])
    assert remote == local and "+并对2022年" in local[1]
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == BAD


def _failing_files(tmp_path, monkeypatch, n=6):
    monkeypatch.chdir(tmp_path)
    for i in range(n):
        (tmp_path / f"{i}.txt").write_text(BAD, encoding="utf-8")
    return [f"{i}.txt" for i in range(n)]


def test_a_file_that_fails_is_lnt001_for_that_file_alone(cluster, capsys, tmp_path, monkeypatch):
    names = _failing_files(tmp_path, monkeypatch)
    local = run(capsys, [*names, "--format", "json", "--no-cache"])
    lint_one = ld._lint_one

    def failing(linter, display, *args):
        if display == "3.txt":
            raise MemoryError("simulated")
        return lint_one(linter, display, *args)

    monkeypatch.setattr(ld, "_lint_one", failing)
    code, out, err = run(capsys, [*names, "--format", "json", "--scheduler", cluster.scheduler_address])
    diags = json.loads(out)
    assert code == 2 and [d for d in diags if d["path"] != "3.txt"] == \
        [d for d in json.loads(local[1]) if d["path"] != "3.txt"]
    assert [(d["path"], d["rule"]) for d in diags if d["path"] == "3.txt"] == [("3.txt", "LNT001")]
    assert "MemoryError: simulated" in err


def test_a_failing_batch_is_split_and_only_the_bad_file_is_lost(cluster, capsys, tmp_path, monkeypatch):
    names = _failing_files(tmp_path, monkeypatch, n=40)
    local = run(capsys, [*names, "--format", "json", "--no-cache"])
    lint_batch = ld._lint_batch
    assert 40 // (2 * ld.BATCHES_PER_THREAD) > 1  # batches of several files: the bad file's batch has others

    def failing(options, fingerprint, settings, items):  # (sent to the workers by value: it records nothing here)
        if any(it[1] == "7.txt" for it in items):
            raise RuntimeError("the task itself failed")
        return lint_batch(options, fingerprint, settings, items)

    monkeypatch.setattr(ld, "_lint_batch", failing)
    code, out, err = run(capsys, [*names, "--format", "json", "--scheduler", cluster.scheduler_address])
    diags = json.loads(out)
    assert code == 2
    assert [d for d in diags if d["path"] != "7.txt"] == [d for d in json.loads(local[1]) if d["path"] != "7.txt"]
    assert [d["rule"] for d in diags if d["path"] == "7.txt"] == ["LNT001"]
    assert "RuntimeError: the task itself failed" in err


def test_a_worker_lost_mid_run_is_replaced_by_the_other(capsys, tmp_path, monkeypatch):
    names = _failing_files(tmp_path, monkeypatch, n=40)
    local = run(capsys, [*names, "--format", "json", "--no-cache"])
    lint_one = ld._lint_one
    lost = []

    def dying(linter, display, *args):
        if not lost:
            worker = distributed.get_worker()
            lost.append(worker.address)
            worker.loop.add_callback(worker.close)  # the worker goes away while this task runs
            time.sleep(0.5)
        return lint_one(linter, display, *args)

    monkeypatch.setattr(ld, "_lint_one", dying)
    with _cluster() as cluster:
        remote = run(capsys, [*names, "--format", "json", "--scheduler", cluster.scheduler_address])
        alive = list(cluster.scheduler.workers)
    assert remote == local and lost and lost[0] not in alive and len(alive) == 1


def test_a_worker_with_other_rule_packs_is_refused(cluster, capsys, monkeypatch):
    import lintkit.resultcache as rc

    monkeypatch.chdir(ROOT)
    real = rc.fingerprint
    monkeypatch.setattr(rc, "fingerprint", lambda linter, environment=True: "0" * 40 if threading.current_thread()
                        is threading.main_thread() else real(linter, environment))
    code, out, err = run(capsys, ["seeds", "--lang", "en", "--scheduler", cluster.scheduler_address])
    assert code == 2 and out == "" and "runs another lintkit or other rule packs" in err and err.count("\n") == 1


def test_dask_is_imported_only_with_scheduler():
    import subprocess
    import sys

    code = ("import sys, io, contextlib; from lintkit.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()): main(['check', 'seeds', '--format', 'json'])\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"
