"""The result cache: a file whose result is known is not linted again.

An entry is the diagnostics of one file, stored under a key that hashes everything the result depends on:

- the file's bytes, the name it is reported under and its suffix (which picks the reader);
- the effective configuration for that file: the enabled rules with their severity and options, the ``[[ignore]]``
  entries that apply to it (``per-file-ignores`` are part of the enabled rules);
- the *fingerprint* of the run: lintkit's version, the contents of every file of lintkit itself and of every
  loaded rule pack (its package directory: code and data files, whatever they are called; each file's digest is
  remembered under its size, modification and change times and inode, so it is read again only when it
  changes), the Python build,
  and the ``regex`` version and Unicode database; the libraries behind the readers and rules are represented by
  the size and modification time of their module files.

Results that say a file could not be read (``LNT001``) or that a rule crashed (``LNT002``) are never stored.
Entries hold diagnostics only: a hit reads the file again through its reader when the report needs the source
text (text, SARIF, HTML). Under ``--fix``/``--diff`` a hit is used only when none of its diagnostics has a fix
that the run would apply, so a stored result never skips a fix.

Location: ``results/`` in the start-up cache directory (:func:`lintkit.cache.cache_dir`: ``$LINTKIT_CACHE_DIR``,
``$XDG_CACHE_HOME/lintkit`` or ``~/.cache/lintkit``; ``LINTKIT_NO_CACHE=1`` disables both), or a directory given
with ``lintkit check --cache-dir``. One subdirectory per fingerprint; only the most recently used few are kept.
Files are written owner-only (a temporary file, then ``os.replace``); a directory or entry that belongs to
another user or that others may write is ignored, and so is an entry that does not load: an entry is a pickle,
and a pickle is code. The cache never changes a result; deleting it is always safe.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
from pathlib import Path
from typing import Any

FORMAT = 1
KEEP_FINGERPRINTS = 4  # fingerprint directories kept (several lintkit installations may share one cache)
# the libraries behind the engine, the readers and the rules
_DEPENDENCIES = ("ahocorasick", "markdown_it", "mdurl", "opencc_purepy", "docx", "lxml")


def default_directory() -> str | None:
    """``results`` in the start-up cache directory, or None when ``LINTKIT_NO_CACHE`` is set."""
    from .cache import cache_dir

    base = cache_dir()
    return None if base is None else os.path.join(base, "results")


def _safe_dir(path: str) -> bool:
    """An existing directory that is ours and that nobody else may write into."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & 0o022):
        return False
    return True


_MEMO_FILE = "file-digests-v1.pickle"
_MEMO_MAX = 5000


class _Digests:
    """Content digests of files, remembered in the start-up cache directory under the file's identity (size,
    modification and change times in ns, inode): a rule pack of megabytes of data is read and hashed again only
    when one of its files changes, not at every start. Without a start-up cache every file is hashed."""

    def __init__(self) -> None:
        from . import cache

        loaded = cache._read(_MEMO_FILE)
        self.memo: dict[str, tuple] = loaded if isinstance(loaded, dict) else {}
        self.dirty = False

    def of(self, path: str) -> bytes:
        try:
            st = os.stat(path)
        except OSError:
            return b"<unreadable>"
        ident = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        hit = self.memo.get(path)
        if isinstance(hit, tuple) and len(hit) == 2 and hit[0] == ident and isinstance(hit[1], bytes):
            return hit[1]
        try:
            with open(path, "rb") as f:
                digest = hashlib.blake2b(f.read(), digest_size=20).digest()
        except OSError:
            return b"<unreadable>"
        self.memo[path] = (ident, digest)
        self.dirty = True
        return digest

    def save(self) -> None:
        from . import cache

        if self.dirty:
            items = list(self.memo.items())[-_MEMO_MAX:]
            cache._write(_MEMO_FILE, dict(items))
            self.dirty = False


def _hash_tree(h: Any, root: str, digests: _Digests) -> None:
    """Every file below ``root`` (relative names and content digests), sorted; byte code and hidden entries
    skipped."""
    found: list[tuple[str, str]] = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if not x.startswith(".") and x != "__pycache__")
        for name in files:
            if name.startswith(".") or name.endswith((".pyc", ".pyo")):
                continue
            full = os.path.join(d, name)
            found.append((os.path.relpath(full, root).replace(os.sep, "/"), full))
    for rel, full in sorted(found):
        h.update(b"%d:%s\0" % (len(rel.encode()), rel.encode()))
        h.update(digests.of(full))


def _module_of(plugin: object):
    import types

    if isinstance(plugin, types.ModuleType):
        return plugin
    return sys.modules.get(type(plugin).__module__)


def fingerprint(linter, environment: bool = True) -> str:
    """The part of every key that is the same for all files of a run (see the module docstring).
    ``environment=False`` leaves out the Python build and the installed libraries' files: what two machines must
    share to give the same results (lintkit's and the rule packs' files, the ``regex`` and Unicode versions)."""
    import importlib.util
    import unicodedata

    import regex

    from . import __version__

    h = hashlib.blake2b(digest_size=20)
    h.update(f"format {FORMAT}\0lintkit {__version__}\0regex {getattr(regex, '__version__', '?')}\0"
             f"unicode {unicodedata.unidata_version}\0".encode())
    if environment:
        h.update(f"{sys.implementation.name} {sys.version} {sys.hexversion}\0".encode())
    roots: dict[str, str] = {}  # module name -> file or package directory
    names = []
    for plugin in linter.pm.get_plugins():
        module = _module_of(plugin)
        names.append(f"{getattr(module, '__name__', '?')}:{type(plugin).__qualname__}")
        if module is None:
            continue
        paths = list(getattr(module, "__path__", ()) or ())  # a package: its whole directory
        if not paths and getattr(module, "__file__", None):
            paths = [module.__file__]
        for i, p in enumerate(paths):
            roots.setdefault(f"{module.__name__}#{i}", os.path.abspath(p))
    roots["lintkit#0"] = os.path.dirname(os.path.abspath(__file__))  # lintkit itself: engine, readers, formats
    h.update(json.dumps(sorted(names)).encode())
    seen: set[str] = set()
    digests = _Digests()
    for name in sorted(roots):
        root = roots[name]
        if root in seen:
            continue
        seen.add(root)
        h.update(f"\0root {name}\0".encode())
        if os.path.isdir(root):
            _hash_tree(h, root, digests)
        else:
            h.update(digests.of(root))
    digests.save()
    for name in _DEPENDENCIES if environment else ():
        try:
            spec = importlib.util.find_spec(name)
            origin = spec.origin if spec is not None else None
            st = os.stat(origin) if origin else None
            h.update(f"{name} {st.st_size if st else '-'} {st.st_mtime_ns if st else '-'}\0".encode())
        except (ImportError, ValueError, OSError):
            h.update(f"{name} -\0".encode())
    return h.hexdigest()


class ResultCache:
    """Lookups and stores for one run (one linter). Every failure to read or write is silent."""

    def __init__(self, linter, directory: str | None = None) -> None:
        self.linter = linter
        base = directory if directory is not None else default_directory()
        self.fingerprint = fingerprint(linter)
        self.directory = os.path.join(base, self.fingerprint[:24]) if base else None
        self.base = base
        self._usable: bool | None = None
        self._config_keys: dict[int, tuple[Any, bytes]] = {}
        self.hits = 0
        self.misses = 0
        self.lookups = True  # False: store results, never look them up (files already looked up and missed)

    def for_misses(self) -> "ResultCache":
        """This cache for files already looked up and missed: their results are stored, not looked up again."""
        import copy

        other = copy.copy(self)
        other.lookups = False
        return other

    # ---------------------------------------------------------------- keys
    def _ruleset_key(self, ruleset) -> bytes:
        cached = self._config_keys.get(id(ruleset))
        if cached is not None and cached[0] is ruleset:
            return cached[1]
        rules = [(r.id, sev, sorted((k, repr(v)) for k, v in opts.items())) for r, sev, opts in ruleset.rules]
        data = json.dumps([rules, sorted(ruleset.enabled_ids)], ensure_ascii=False).encode()
        key = hashlib.blake2b(data, digest_size=20).digest()
        self._config_keys[id(ruleset)] = (ruleset, key)  # the ruleset is kept alive, so its id stays its own
        return key

    def key(self, data: bytes, display: str, path: Path) -> str | None:
        """The entry name for this file's bytes under this run's configuration (None: not cacheable)."""
        from .engine import _path_matches

        linter = self.linter
        settings = linter.settings_for(path, is_file=True)
        ruleset = linter.ruleset(settings, path)
        entries = [(e.rule, e.text) for e in settings.ignore_entries
                   if e.path is None or _path_matches(settings, display, e.path)]
        h = hashlib.blake2b(digest_size=24)
        h.update(self._ruleset_key(ruleset))
        h.update(json.dumps([display, path.suffix.lower(), entries], ensure_ascii=False).encode())
        h.update(b"\0")
        h.update(data)
        return h.hexdigest()

    # ---------------------------------------------------------------- storage
    def _ready(self, create: bool) -> bool:
        if self.directory is None:
            return False
        if self._usable is None or (create and not self._usable):
            if create:
                try:
                    fresh = not os.path.isdir(self.directory)
                    for d in (os.path.dirname(self.base.rstrip(os.sep)), self.base, self.directory):
                        if d and not os.path.isdir(d):
                            os.makedirs(d, mode=0o700, exist_ok=True)
                    if fresh:
                        self._prune()
                except OSError:
                    self._usable = False
                    return False
            self._usable = _safe_dir(self.base) and _safe_dir(self.directory)  # type: ignore[arg-type]
        return self._usable

    def _prune(self) -> None:
        """Keep the most recently used fingerprint directories only."""
        import shutil

        try:
            dirs = [e for e in os.scandir(self.base) if e.is_dir(follow_symlinks=False)]  # type: ignore[arg-type]
            dirs.sort(key=lambda e: e.stat(follow_symlinks=False).st_mtime_ns, reverse=True)
        except OSError:
            return
        for e in dirs[KEEP_FINGERPRINTS:]:
            shutil.rmtree(e.path, ignore_errors=True)

    def load(self, key: str) -> list[tuple] | None:
        if not self._ready(create=False):
            return None
        try:
            with open(os.path.join(self.directory, key), "rb") as f:  # type: ignore[arg-type]
                st = os.fstat(f.fileno())
                if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & 0o022):
                    return None
                value = pickle.load(f)
        except Exception:  # missing, truncated, corrupt: lint the file
            return None
        if not (isinstance(value, tuple) and len(value) == 3 and value[0] == FORMAT and value[1] == key
                and isinstance(value[2], list)):
            return None
        return value[2]

    def store(self, key: str, packed: list[tuple]) -> None:
        if not self._ready(create=True):
            return
        path = os.path.join(self.directory, key)  # type: ignore[arg-type]
        tmp = f"{path}.{os.getpid()}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as f:
                pickle.dump((FORMAT, key, packed), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except Exception:  # a full disk, a read-only directory: the cache is optional
            try:
                os.unlink(tmp)
            except OSError:
                pass

    # ---------------------------------------------------------------- one file
    def lint(self, display: str, path: Path, data: bytes, write_back) -> Any:
        """The FileResult of one file: from the cache when it holds a usable entry, else linted (and stored)."""
        from .engine import _pack

        key, result = self.lookup(display, path, data)
        if result is not None:
            return result
        result = self.linter.lint_bytes(data, display, path, write_back=write_back)
        if key is not None and not result.changed and not any(
                d.rule in ("LNT001", "LNT002") for d in result.diagnostics):
            self.store(key, [_pack(d) for d in result.diagnostics])
        return result

    def lookup(self, display: str, path: Path, data: bytes) -> tuple[str | None, Any]:
        """(key, the stored FileResult or None when the file must be linted)."""
        from .engine import FileResult, _unpack
        from .readers import ReadError

        linter = self.linter
        options = linter.options
        try:
            key = self.key(data, display, path)
        except Exception:  # e.g. a configuration error: let the linter report it
            key = None
        packed = self.load(key) if key is not None and self.lookups else None
        if packed is not None:
            try:
                result = _unpack(FileResult(display, packed))  # type: ignore[arg-type]
                diags = result.diagnostics
                settings = linter.settings_for(path, is_file=True)
                result.fail_on = linter.fail_on(settings)
                doc = None
                fixing = options.fix or options.diff
                if fixing or (diags and options.want_source):
                    doc = linter.read(data, display, path.suffix)
                if fixing:
                    allowed = ("safe", "unsafe") if options.unsafe_fixes else ("safe",)
                    blocked = any(d.fix is not None for d in diags) if not doc.fixable else \
                        any(d.fix is not None and d.fix.applicability in allowed for d in diags)
                    if blocked:  # there is something to fix (or to say about fixing): lint for real
                        raise LookupError
                    if doc.fixable:
                        result.original = result.fixed = doc.text
                        result.encoding, result.bom = doc.encoding, doc.bom
                    result.source = doc.text
                elif doc is not None:
                    result.source = doc.text
                self.hits += 1
                return key, result
            except (LookupError, ReadError):
                pass
            except Exception:  # an entry that does not fit this lintkit: lint the file
                pass
        self.misses += 1
        return key, None
