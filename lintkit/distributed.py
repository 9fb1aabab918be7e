"""``lintkit check --scheduler ADDRESS``: the check on a Dask distributed cluster (``pip install 'lintkit[dask]'``).

The client (this process) lists the files, loads the configuration and resolves, for every file, the settings
that apply to it (``per-file-ignores`` and ``[[ignore]]`` globs are decided here, so the workers need no
configuration files and no working directory of their own). Files go to the workers in batches with their size
and modification time: a worker that sees the same file at the same path (a shared file system) reads it itself;
otherwise it says so and the client sends the bytes. Results come back as the local run's results, and are
yielded in the input order, so every format and exit code is the local run's.

Faults: an unreachable scheduler is a :class:`SchedulerError` (exit 2, one line). A worker lost mid-run is
Dask's business: the scheduler runs its tasks again on the others. A batch that fails (a task error, or a worker
that died with it too often: ``KilledWorker``) is split and its files submitted one by one; a file whose own task
fails, or that raises while it is read or linted, is ``LNT001`` for that file alone. A worker whose lintkit or
rule packs differ from the client's (their files' contents are compared) is refused: exit 2.

Dask is imported only here, and this module only when ``--scheduler`` is given.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterator

from .config import IgnoreEntry, Settings
from .output.lang import t

MAX_BATCH_FILES = 64
MAX_BATCH_BYTES = 4 * 1024 * 1024
BATCHES_PER_THREAD = 4


class SchedulerError(Exception):
    """The cluster cannot do the run (unreachable scheduler, Dask missing, a mismatched worker): exit 2."""


class WorkerMismatch(Exception):
    """Raised on a worker whose lintkit or rule packs differ from the client's."""


# ---------------------------------------------------------------------------------------------------------------
# worker side

_LOCK = threading.Lock()
_LINTERS: dict[tuple, Any] = {}  # (options, settings digest) -> Linter, per worker process
_MANAGERS: dict[tuple, Any] = {}
_FINGERPRINTS: dict[tuple, str] = {}


def _worker_linter(options, digest: str, settings: Settings, fingerprint: str):
    key = (options, digest)
    linter = _LINTERS.get(key)
    if linter is not None and _FINGERPRINTS.get(options.disabled_plugins) == fingerprint:
        return linter
    from .engine import Linter
    from .resultcache import fingerprint as fingerprint_of

    with _LOCK:
        if linter is None:
            pm = _MANAGERS.get(options.disabled_plugins)
            linter = Linter(options, pm=pm)
            if pm is None:
                _MANAGERS[options.disabled_plugins] = linter.pm
        mine = _FINGERPRINTS.get(options.disabled_plugins)
        if mine is None:
            mine = _FINGERPRINTS[options.disabled_plugins] = fingerprint_of(linter, environment=False)
        if mine != fingerprint:
            import socket

            host = socket.gethostname()
            raise WorkerMismatch(t(f"{host} 上的 Dask 工作进程运行的 lintkit 或规则包与本机不同（指纹 {mine[:12]}，"
                                   f"本机 {fingerprint[:12]}）；请在每个工作进程上安装相同的版本",
                                   f"the worker on {host} runs another lintkit or other rule packs than this client "
                                   f"(fingerprint {mine[:12]}, client {fingerprint[:12]}); install the same "
                                   f"versions on every worker"))
        if key not in _LINTERS:
            linter.use_settings(settings)
            _LINTERS[key] = linter
        return linter


def _lint_one(linter, display: str, path: str, size: int, mtime_ns: int, data: bytes | None):
    """One file on a worker: a FileResult with packed diagnostics, or None when the worker cannot see the file
    the client listed (then the client sends its bytes)."""
    from .engine import FileResult, _pack, read_file
    from .readers import ReadError

    if data is None:
        try:
            st = os.stat(path)
        except OSError:
            return None
        if (st.st_size, st.st_mtime_ns) != (size, mtime_ns):
            return None
        try:
            data = read_file(Path(path))
        except ReadError as exc:
            result = FileResult(display, [linter.unreadable(display, f"文件 {display} {exc}")],
                                fail_on=linter.fail_on(linter._forced))
            result.diagnostics = [_pack(d) for d in result.diagnostics]  # type: ignore[misc]
            return result
    result = linter.lint_bytes(data, display, Path(path))
    result.diagnostics = [_pack(d) for d in result.diagnostics]  # type: ignore[misc]
    if not linter.options.want_source:
        result.source = None
    return result


def _lint_batch(options, fingerprint: str, settings: dict[str, Settings], items: list[tuple]) -> list:
    """A Dask task: lint a batch of files. ``items``: (index, display, path, size, mtime_ns, settings digest,
    bytes or None). Returns (index, FileResult | None | error message) per item."""
    out = []
    for index, display, path, size, mtime_ns, digest, data in items:
        linter = _worker_linter(options, digest, settings[digest], fingerprint)
        try:
            out.append((index, _lint_one(linter, display, path, size, mtime_ns, data)))
        except Exception as exc:  # this file alone fails (LNT001 on the client); the batch goes on
            out.append((index, f"{type(exc).__name__}: {exc}"))
    return out


# ---------------------------------------------------------------------------------------------------------------
# client side

def _resolved(settings: Settings, display: str, path: Path) -> Settings:
    """``settings`` with everything that depends on the file's path decided for ``path``: its per-file ignores
    folded into ``ignore``, only the ``[[ignore]]`` entries that apply to it (without their glob)."""
    from .engine import _path_matches

    out = replace(settings)
    out.ignore = list(settings.ignore) + settings.file_ignores(path)
    out.per_file_ignores = {}
    out.exclude = []
    out.ignore_entries = [IgnoreEntry(e.rule, e.text, None) for e in settings.ignore_entries
                          if e.path is None or _path_matches(settings, display, e.path)]
    return out


def _connect(address: str):
    try:
        from distributed import Client
    except ImportError:
        raise SchedulerError(t("--scheduler 需要 Dask 的分布式调度器：pip install 'lintkit[dask]'",
                               "--scheduler needs Dask's distributed scheduler: pip install 'lintkit[dask]'")) from None
    try:
        return Client(address, set_as_default=False)
    except Exception as exc:  # refused, timed out, a bad address: one line, exit 2
        text = " ".join(str(exc).split()) or type(exc).__name__
        raise SchedulerError(t(f"无法连接 Dask 调度器 {address}：{text}",
                               f"cannot reach the Dask scheduler at {address}: {text}")) from None


def lint_files_on(address: str, linter, files: list[tuple[str, Path]], client=None) -> Iterator:
    """Lint ``files`` on the cluster at ``address`` (or through ``client``); FileResults in input order."""
    from .engine import FileResult, _unpack, read_file
    from .readers import ReadError
    from .resultcache import fingerprint

    from distributed import as_completed

    own = client is None
    if own:
        client = _connect(address)
    try:
        options = replace(linter.options, config=None, no_config=True, jobs=None, disabled_plugins=tuple(sorted(
            set(linter.options.disabled_plugins) | {x.strip() for x in os.environ.get(
                "LINTKIT_DISABLE_PLUGINS", "").split(",") if x.strip()})))
        print_ = fingerprint(linter, environment=False)
        # every file's settings, resolved for its path; identical ones are sent once per batch under one digest
        table: dict[str, Settings] = {}
        seen: dict[tuple, str] = {}
        items = []
        for index, (display, path) in enumerate(files):
            settings = linter.settings_for(path, is_file=True)
            entries = tuple(i for i, e in enumerate(settings.ignore_entries) if e.path is None or
                            _matches(settings, display, e.path))
            skey = (id(settings), tuple(settings.file_ignores(path)), entries)
            digest = seen.get(skey)
            if digest is None:
                resolved = _resolved(settings, display, path)
                digest = hashlib.blake2b(pickle.dumps(resolved), digest_size=16).hexdigest()
                seen[skey] = digest
                table.setdefault(digest, resolved)
            size, mtime = _stat(path)
            items.append((index, display, os.path.abspath(path), size, mtime, digest, None))

        threads = sum(client.nthreads().values()) or 1
        per_batch = max(1, min(MAX_BATCH_FILES, len(items) // (threads * BATCHES_PER_THREAD) or 1))

        def batches(pending: list[tuple]) -> Iterator[list[tuple]]:
            batch: list[tuple] = []
            nbytes = 0
            for it in pending:
                size = len(it[6]) if it[6] is not None else max(it[3], 0)
                if batch and (len(batch) >= per_batch or nbytes + size > MAX_BATCH_BYTES):
                    yield batch
                    batch, nbytes = [], 0
                batch.append(it)
                nbytes += size
            if batch:
                yield batch

        def submit(batch: list[tuple]):
            needed = {it[5]: table[it[5]] for it in batch}
            return client.submit(_lint_batch, options, print_, needed, batch, pure=False, retries=1)

        by_future: dict[Any, list[tuple]] = {}
        ac = as_completed(loop=client.loop)
        for batch in batches(items):
            f = submit(batch)
            by_future[f] = batch
            ac.add(f)

        done: dict[int, Any] = {}
        next_index = 0

        def failed(it: tuple, why: str):
            display = it[1]
            return FileResult(display, [linter.unreadable(display, f"文件 {display} 在集群上检查失败：{why}")],
                              fail_on=linter.fail_on(linter.settings_for(Path(it[2]), is_file=True)))

        for future in ac:
            batch = by_future.pop(future)
            if future.status != "finished":
                exc = future.exception()
                if isinstance(exc, WorkerMismatch):
                    raise SchedulerError(str(exc))
                if len(batch) > 1:  # split: each file gets a task of its own
                    for it in batch:
                        f = submit([it])
                        by_future[f] = [it]
                        ac.add(f)
                else:
                    done[batch[0][0]] = failed(batch[0], f"{type(exc).__name__}: {exc}")
            else:
                need_bytes = []
                by_index = {it[0]: it for it in batch}
                for index, result in future.result():
                    it = by_index[index]
                    if result is None:
                        if it[6] is not None:  # cannot happen: the bytes were sent
                            done[index] = failed(it, t("工作进程没有检查发给它的字节",
                                                       "the worker did not lint the bytes it was sent"))
                            continue
                        try:
                            data = read_file(Path(it[2]))
                        except ReadError as exc:
                            display = it[1]
                            done[index] = FileResult(display, [linter.unreadable(display, f"文件 {display} {exc}")],
                                                     fail_on=linter.fail_on(linter.settings_for(
                                                         Path(it[2]), is_file=True)))
                            continue
                        need_bytes.append((*it[:6], data))
                    elif isinstance(result, str):
                        done[index] = failed(it, result)
                    else:
                        done[index] = _unpack(result)
                for b in batches(need_bytes):
                    f = submit(b)
                    by_future[f] = b
                    ac.add(f)
            future.release()
            while next_index in done:
                yield done.pop(next_index)
                next_index += 1
        while next_index in done:  # pragma: no cover - every index is done by now
            yield done.pop(next_index)
            next_index += 1
    finally:
        if own:
            client.close()


def _stat(path: Path) -> tuple[int, int]:
    """(size, modification time) as the client sees the file; a worker that sees the same reads it itself."""
    try:
        st = os.stat(path)
    except OSError:
        return -1, -1
    return st.st_size, st.st_mtime_ns


def _matches(settings: Settings, display: str, glob: str) -> bool:
    from .engine import _path_matches

    return _path_matches(settings, display, glob)
