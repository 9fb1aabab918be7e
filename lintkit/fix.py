"""Applying fixes and writing files atomically.

A fix never touches text outside its edits; fixes whose edits overlap another chosen fix are left for the next
round (the engine re-lints until nothing changes). Writing goes to a temporary file in the same directory, then
``os.replace``; the encoding, BOM, line endings (they are part of the text) and file mode are kept, and nothing
is written when the file changed on disk after it was read.
"""

from __future__ import annotations

import contextlib
import os
import stat
from bisect import bisect_right
import tempfile
from pathlib import Path
from typing import IO, Iterable, Iterator, Sequence

from .model import Edit, Fix


TMP_SUFFIX = ".lintkit-tmp"
STALE_SECONDS = 600  # a temporary file of no known writer older than this is left over from a killed run


class FixError(Exception):
    """The fixed text could not be written; the original file is untouched."""


def select_fixes(fixes: Iterable[Fix]) -> list[Fix]:
    """Choose fixes whose edits overlap neither each other nor an already chosen fix, in text order.

    Two insertions at the same point, or an insertion inside or touching another fix's span, count as
    overlapping. The chosen spans are kept sorted, so each check looks only at the neighbours of the candidate
    (thousands of fixes on one line stay fast).
    """
    chosen: list[Fix] = []
    starts: list[int] = []
    taken: list[tuple[int, int]] = []
    candidates = [f for f in fixes if f.edits]
    for fix in sorted(candidates, key=lambda f: (min(e.start for e in f.edits), max(e.end for e in f.edits))):
        spans = [(e.start, e.end) for e in fix.edits]
        if any(_conflicts(span, starts, taken) for span in spans) or _self_conflict(spans):
            continue
        chosen.append(fix)
        for span in spans:
            i = bisect_right(starts, span[0])
            starts.insert(i, span[0])
            taken.insert(i, span)
    return chosen


def _conflicts(span: tuple[int, int], starts: list[int], taken: list[tuple[int, int]]) -> bool:
    j = bisect_right(starts, span[1]) - 1  # the last taken span starting at or before span's end
    while j >= 0:
        t = taken[j]
        if _overlaps(span, t):
            return True
        if t[1] < span[0]:  # taken spans do not overlap each other: nothing further left can reach span
            break
        j -= 1
    return False


def _self_conflict(spans: list[tuple[int, int]]) -> bool:
    ordered = sorted(spans)
    return any(_overlaps(a, b) for a, b in zip(ordered, ordered[1:]) if a[1] > b[0] or a == b)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Conservative: an insertion conflicts with any span that contains or touches its point."""
    if a[0] == a[1]:
        return b[0] <= a[0] <= b[1]
    if b[0] == b[1]:
        return a[0] <= b[0] <= a[1]
    return a[0] < b[1] and b[0] < a[1]


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-overlapping edits (checked) from the end of the text backwards."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    for prev, cur in zip(ordered, ordered[1:]):
        if cur.start < prev.end:
            raise ValueError(f"overlapping edits {prev} and {cur}")
    parts = []
    pos = len(text)
    for e in reversed(ordered):
        if not (0 <= e.start <= e.end <= len(text)):
            raise ValueError(f"edit {e} outside the text")
        parts.append(text[e.end:pos])
        parts.append(e.content)
        pos = e.start
    parts.append(text[:pos])
    return "".join(reversed(parts))


def encodable_fixes(fixes: Iterable[Fix], encoding: str, unencodable: set[str] | None = None) -> list[Fix]:
    """The fixes whose new text ``encoding`` can hold; the characters it cannot are added to ``unencodable``."""
    out = []
    for f in fixes:
        bad = set()
        for e in f.edits:
            if e.content:
                try:
                    e.content.encode(encoding)
                except UnicodeEncodeError:
                    bad.update(c for c in e.content if not _encodes(c, encoding))
        if bad:
            if unencodable is not None:
                unencodable.update(bad)
        else:
            out.append(f)
    return out


def _encodes(c: str, encoding: str) -> bool:
    try:
        c.encode(encoding)
        return True
    except UnicodeEncodeError:
        return False


def write_atomic(path: Path, original_bytes: bytes, doc, new_text: str, allow_read_only: bool = False) -> None:
    """Write ``new_text`` to ``path`` with the document's encoding and BOM, atomically.

    Refuses (FixError) when the file changed since it was read, when its mode forbids this user to write it
    (unless ``allow_read_only``: ``--fix-read-only``), or when the text cannot be encoded. A symlink is not
    replaced by a regular file: the link's target is written instead.
    """
    from .readers import encode

    target = Path(os.path.realpath(path))
    try:
        data = encode(new_text, doc.encoding, doc.bom)
    except UnicodeEncodeError as exc:
        raise FixError(f"修复后的文本无法用 {doc.encoding} 编码（{exc.reason}）") from None
    try:
        st = target.stat()
        current = target.read_bytes()
    except OSError as exc:
        raise FixError(f"无法重新读取文件（{exc.strerror or exc}）") from None
    if current != original_bytes:
        raise FixError("文件在读取之后被其他程序修改过，未覆盖")
    if not allow_read_only and not _writable(target, st):
        raise FixError(f"文件是只读的（权限 {stat.S_IMODE(st.st_mode):04o}），未改写；"
                       f"确需改写请加 --fix-read-only")
    fd = None
    tmp = None
    try:
        remove_stale_temps(target)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=TMP_SUFFIX, dir=target.parent)
        with os.fdopen(fd, "wb") as fh:
            fd = None
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        try:
            os.chown(tmp, st.st_uid, st.st_gid)
        except (OSError, AttributeError):
            pass
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise FixError(f"无法写入（{exc.strerror or exc}）") from None
    finally:
        if fd is not None:
            os.close(fd)
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _writable(target: Path, st: os.stat_result) -> bool:
    """Whether the file's mode lets this user write it (the owner's write bit for the owner, else what the system
    says: for root, who may write anything, the owner's bit decides too)."""
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    if uid is None:
        return bool(st.st_mode & stat.S_IWRITE)
    if uid == st.st_uid or uid == 0:
        return bool(st.st_mode & stat.S_IWUSR)
    return os.access(target, os.W_OK)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def remove_stale_temps(target: Path) -> int:
    """Remove the temporary files ``.NAME.PID.XXXX.lintkit-tmp`` that a killed ``--fix`` left next to ``target``:
    those whose writer (PID) is gone, and any older than STALE_SECONDS. A concurrent run's file is kept. Returns
    how many were removed; errors are ignored (the write itself reports what matters)."""
    import time

    head = f".{target.name}."
    removed = 0
    try:
        entries = [e for e in os.scandir(target.parent) if e.name.startswith(head) and e.name.endswith(TMP_SUFFIX)]
    except OSError:
        return 0
    now = time.time()
    for e in entries:
        middle = e.name[len(head):-len(TMP_SUFFIX)]
        pid_text = middle.split(".", 1)[0]
        try:
            old = now - e.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
            if not e.is_file(follow_symlinks=False):
                continue
        except OSError:
            continue
        writer_gone = pid_text.isdigit() and "." in middle and int(pid_text) != os.getpid() and \
            not _alive(int(pid_text))
        if writer_gone or old:
            try:
                os.unlink(e.path)
                removed += 1
            except OSError:
                pass
    return removed


def write_new(target: Path | str, data: bytes) -> None:
    """Write a new output file (a report, a reviewed copy) atomically: a temporary file in the same directory,
    then ``os.replace``; permissions as a newly created file would get (umask). Nothing is left on failure.
    A target that exists and is not a regular file (``/dev/null``, a named pipe, ``/dev/stdout``) is written
    directly — replacing it would put a regular file where the device or pipe was."""
    with open_new(target) as fh:
        fh.write(data)


@contextlib.contextmanager
def open_new(target: Path | str, text: bool = False) -> Iterator[IO]:
    """A stream for a new output file, written as :func:`write_new` writes (``text=True``: UTF-8 text, unknown
    characters replaced, newlines untranslated). Reports are streamed into it rather than built in memory."""
    target = Path(target)
    try:
        st = os.stat(target)
    except OSError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        with (open(target, "w", encoding="utf-8", errors="replace", newline="") if text else open(target, "wb")) as fh:
            yield fh
        return
    fd, tmp = tempfile.mkstemp(prefix=".lintkit-", suffix=".tmp", dir=target.resolve().parent)
    try:
        with (os.fdopen(fd, "w", encoding="utf-8", errors="replace", newline="") if text
              else os.fdopen(fd, "wb")) as fh:
            yield fh
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target.resolve())
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
