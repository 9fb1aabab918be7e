"""A small on-disk cache that makes start-up cheap: compiled patterns and the list of installed rule packs.

Why: ``lintkit check`` on one small file (a pre-commit hook, an editor save) would otherwise spend most of its
time before linting — the ``regex`` module parses every pattern in Python (~0.25 ms each, ~120 patterns for a
typical draft) and finding the installed packs means importing ``importlib.metadata`` and reading every
distribution's metadata. Both results are the same from run to run:

- compiled patterns are stored with ``pickle``, which for ``regex`` patterns keeps the compiled program, so
  loading them skips the parser (≈1 ms instead of ≈30 ms). The file is keyed by the ``regex`` and Python
  versions; entries are keyed by (pattern, flags), so changed rules simply add entries (the file keeps the most
  recently used ones, at most :data:`MAX_PATTERNS`).
- the entry points of the ``lintkit.plugins`` group are stored with the modification times of the ``sys.path``
  directories (installing or removing a package changes them), and read again when those change.

Location: ``$LINTKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/lintkit``, else ``~/.cache/lintkit``. Set
``LINTKIT_NO_CACHE=1`` to neither read nor write it. The cache is an optimisation only: a missing, unreadable,
corrupt or foreign file (not owned by this user, or writable by others) is ignored, and failing to write it is
silent; results never depend on it.
"""

from __future__ import annotations

import atexit
import os
import pickle
import sys
from typing import Any, Callable

import regex

MAX_PATTERNS = 4000
_TAG = f"py{sys.version_info[0]}{sys.version_info[1]}-regex{getattr(regex, '__version__', '0')}"
# the stdlib ``re`` programs depend on the exact interpreter build
_RE_TAG = f"{sys.implementation.name}-{sys.version}-{sys.hexversion}"

_patterns: dict[tuple[str, int], Any] | None = None  # loaded lazily
_dirty = False
_registered = False


def cache_dir() -> str | None:
    """The cache directory, or None when caching is disabled."""
    if os.environ.get("LINTKIT_NO_CACHE", "").strip() not in ("", "0"):
        return None
    explicit = os.environ.get("LINTKIT_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "lintkit")


def _read(name: str) -> Any:
    directory = cache_dir()
    if directory is None:
        return None
    path = os.path.join(directory, name)
    try:
        with open(path, "rb") as f:
            st = os.fstat(f.fileno())
            # only our own file, not writable by anybody else: a pickle is code
            if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & 0o022):
                return None
            return pickle.load(f)
    except Exception:  # missing, unreadable, truncated, from another version: start afresh
        return None


def _write(name: str, value: Any) -> None:
    directory = cache_dir()
    if directory is None:
        return
    tmp = None
    try:
        os.makedirs(directory, mode=0o700, exist_ok=True)
        path = os.path.join(directory, name)
        tmp = f"{path}.{os.getpid()}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:  # read-only home, full disk, a pattern that does not pickle: caching is optional
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


# ------------------------------------------------------------------------------------------------ patterns

def _pattern_file() -> str:
    return f"patterns-{_TAG}.pickle"


def compile(pattern: str, flags: int = 0, **kwargs: Any) -> Any:  # noqa: A001 - mirrors regex.compile
    """``regex.compile`` with the compiled program cached on disk between runs."""
    global _patterns, _dirty, _registered
    if kwargs:  # named lists and other keyword arguments: not cached
        return regex.compile(pattern, flags, **kwargs)
    if _patterns is None:
        loaded = _read(_pattern_file())
        _patterns = loaded if isinstance(loaded, dict) else {}
    key = (pattern, int(flags))
    compiled = _patterns.get(key)
    if compiled is None or getattr(compiled, "pattern", None) != pattern:
        compiled = regex.compile(pattern, flags)
        _patterns[key] = compiled
        _dirty = True
        if not _registered:
            _registered = True
            atexit.register(save_patterns)
    return compiled


def compile_re(pattern: str, flags: int = 0) -> Any:
    """``re.compile`` (the standard library's engine: much faster than ``regex`` for large character classes and
    literal alternations) with the compiled program cached on disk between runs.

    ``re`` patterns pickle as their source, so the program is kept instead: the arguments that ``re`` itself
    passes to ``_sre.compile``. That is CPython's internal interface, so it is used defensively: the cache key
    includes the exact Python build and the ``re`` program version (``MAGIC``), a program is stored only after a
    pattern built from it was checked against ``re.compile``'s own, and anything unexpected falls back to
    ``re.compile`` (``_sre`` validates every program it is given)."""
    global _patterns, _dirty, _registered
    import re

    if _patterns is None:
        loaded = _read(_pattern_file())
        _patterns = loaded if isinstance(loaded, dict) else {}
    flags = int(flags)
    key = ("re", _RE_TAG, pattern, flags)
    args = _patterns.get(key)
    if args is not None:
        try:
            import _sre

            compiled = _sre.compile(*args)
            if compiled.pattern == pattern:
                return compiled
        except Exception:
            pass
    compiled = re.compile(pattern, flags)
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern, flags)
        code = [int(x) for x in _compiler._code(parsed, flags)]  # plain ints (the named opcodes do not pickle)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        args = (pattern, flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        rebuilt = _sre.compile(*args)
        if (rebuilt.flags, rebuilt.groups, rebuilt.groupindex) == (compiled.flags, compiled.groups,
                                                                   compiled.groupindex):
            _patterns[key] = args
            _dirty = True
            if not _registered:
                _registered = True
                atexit.register(save_patterns)
    except Exception:  # another Python: no caching, the compiled pattern is used as it is
        pass
    return compiled


def save_patterns() -> None:
    """Write the pattern cache if this process compiled something new (called at exit)."""
    global _dirty
    if not _dirty or _patterns is None or os.getpid() != _owner_pid:
        return
    _dirty = False
    items = list(_patterns.items())[-MAX_PATTERNS:]
    _write(_pattern_file(), dict(items))


# ------------------------------------------------------------------------------------------------ data files

#: parsed data files of this process: path -> (mtime_ns, size, value)
_data: dict[str, tuple[int, int, Any]] | None = None
#: paths parsed by this process, to be written to the cache at exit
_data_new: list[str] = []


def _data_file(path: str) -> str:
    """One cache file per data file (named by a digest of its path): a run reads only the data files its rules
    ask for, and the data of other installations or checkouts is never loaded."""
    import hashlib

    return f"data-{_TAG}-{hashlib.sha1(path.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}.pickle"


def load_toml(path: str) -> Any:
    """A TOML data file, parsed (the parse is cached, keyed by path, modification time and size)."""

    def parse(path: str) -> Any:
        import tomllib

        with open(path, "rb") as fh:
            return tomllib.load(fh)

    return load_parsed(path, parse)


def load_parsed(path: str, parse: Callable[[str], Any]) -> Any:
    """``parse(path)`` of a data file, cached like a TOML file (keyed by path, modification time and size): for
    data whose parse in Python costs more than unpickling the result. The value is shared: do not change it."""
    global _data
    st = os.stat(path)
    if _data is None:
        _data = {}
    hit = _data.get(path)
    if hit is None:
        loaded = _read(_data_file(path))
        if isinstance(loaded, tuple) and len(loaded) == 3:
            hit = _data[path] = loaded
    if isinstance(hit, tuple) and len(hit) == 3 and hit[0] == st.st_mtime_ns and hit[1] == st.st_size:
        return hit[2]
    value = parse(path)
    _data[path] = (st.st_mtime_ns, st.st_size, value)
    if not _data_new:
        atexit.register(save_data)
    _data_new.append(path)
    return value


def save_data() -> None:
    """Write the data files this process parsed (called at exit)."""
    if _data is None or os.getpid() != _owner_pid:
        _data_new.clear()
        return
    while _data_new:
        path = _data_new.pop()
        if path in _data:
            _write(_data_file(path), _data[path])


_owner_pid = os.getpid()  # forked workers leave the writing to the parent


# ------------------------------------------------------------------------------------------------ entry points

def _path_stamp() -> tuple:
    stamp = []
    for p in sys.path:
        try:
            st = os.stat(p or ".")
        except OSError:
            continue
        stamp.append((p, st.st_mtime_ns))
    return tuple(stamp)


def entry_points(group: str, *, fresh: bool = False) -> list[tuple[str, str]]:
    """``(name, "module:attr")`` of the entry points in ``group``, cached until ``sys.path`` directories change
    (``fresh=True``: read the installed metadata whatever the cache says)."""
    name = f"entry-points-{_TAG}.pickle"
    stamp = _path_stamp()
    cached = _read(name)
    if not fresh and isinstance(cached, dict) and cached.get("stamp") == stamp and group in cached.get("groups", {}):
        return list(cached["groups"][group])
    from importlib import metadata

    seen: set[str] = set()
    found: list[tuple[str, str]] = []
    for ep in metadata.entry_points(group=group):
        if ep.name in seen:  # the same distribution on sys.path twice
            continue
        seen.add(ep.name)
        found.append((ep.name, ep.value))
    groups = dict(cached.get("groups", {})) if isinstance(cached, dict) and cached.get("stamp") == stamp else {}
    groups[group] = found
    _write(name, {"stamp": stamp, "groups": groups})
    return found
