"""lintkit: a fast, pluggable linter for Chinese-language report drafts.

Public API for editors and scripts::

    import lintkit
    diags = lintkit.check_text("并对202 2年全县妇联工作进行安排部署。")
    diags = lintkit.check_paths(["seeds"], select=["SPC"])
    diags = lintkit.check_bytes(open("报告.docx", "rb").read(), "报告.docx",
                                config=lintkit.Config(ignore=["SPC003"], severity={"SPC004": "info"}))

and for rule packs: :func:`rule`, :class:`Finding`, :class:`Fix`, :class:`Edit`, :class:`Document`,
:data:`hookimpl`, :class:`OptionSpec`, :class:`Trigger`, :func:`view`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Sequence

__version__ = "0.1.0"

from .config import Config, ConfigError  # noqa: E402
from .document import MASK, Document  # noqa: E402
from .hookspecs import hookimpl  # noqa: E402
from .model import Diagnostic, Edit, Finding, Fix, OptionSpec, Rule  # noqa: E402
from .patterns import lazy_compile, lazy_re  # noqa: E402
from .registry import rule, rules_in, view, views_in  # noqa: E402
from .triggers import Trigger  # noqa: E402

__all__ = [
    "MASK", "Config", "ConfigError", "Diagnostic", "Document", "Edit", "Finding", "Fix", "OptionSpec", "Rule",
    "Trigger", "check_bytes", "check_paths", "check_text", "fix_text", "hookimpl", "lazy_compile", "lazy_re", "rule",
    "rules_in", "view", "views_in", "__version__",
]


def _options(select, extend_select, ignore, config, no_config, fix=False, unsafe_fixes=False):
    from .engine import Options

    path = os.fspath(config) if config is not None and not isinstance(config, Config) else None
    return Options(
        select=tuple(select) if select is not None else None, extend_select=tuple(extend_select or ()),
        ignore=tuple(ignore or ()), config=path, no_config=no_config if config is None else path is None,
        fix=fix, diff=fix, unsafe_fixes=unsafe_fixes,
    )


_LINTERS: dict = {}  # (options, Config, plugins) -> Linter: made once, reused by every call with the same ones


def _linter(options, config, plugins=()):
    """A Linter for these options; one made with a :class:`Config` (or none at all) is kept and reused, since
    nothing on disk can change its settings (one with a configuration file is made anew, so edits are seen)."""
    from .engine import Linter

    plugins = tuple(plugins)
    reusable = options.config is None and options.no_config
    key = (options, config, plugins)
    if reusable and key in _LINTERS:
        return _LINTERS[key]
    linter = Linter(options, plugins)
    if isinstance(config, Config):
        linter.use_settings(config.settings(linter.table))
    if reusable:
        if len(_LINTERS) >= 16:
            _LINTERS.pop(next(iter(_LINTERS)))
        _LINTERS[key] = linter
    return linter


def check_text(text: str, path: str = "-", *, select: Sequence[str] | None = None,
               extend_select: Sequence[str] = (), ignore: Sequence[str] = (), config: str | Config | None = None,
               no_config: bool = True, kind: str | None = None, plugins: Iterable[object] = ()) -> list[Diagnostic]:
    """Lint a string. ``path`` names it in the diagnostics and picks the reader by suffix (``.md`` masks
    Markdown). By default no configuration file is read (``no_config=True``); pass ``config`` (a file's path or a
    :class:`Config`) to use one."""
    linter = _linter(_options(select, extend_select, ignore, config, no_config), config, plugins)
    suffix = "." + kind if kind else (("." + path.rsplit(".", 1)[-1]) if "." in path else ".txt")
    if suffix == ".docx":
        suffix = ".txt"
    result = linter.lint_bytes(text.encode("utf-8"), path, None, suffix=suffix)
    return result.diagnostics


def fix_text(text: str, path: str = "-", *, select: Sequence[str] | None = None, ignore: Sequence[str] = (),
             unsafe_fixes: bool = False, plugins: Iterable[object] = ()) -> tuple[str, list[Diagnostic]]:
    """Apply fixes to a string to a fixed point; returns (fixed text, remaining diagnostics)."""
    linter = _linter(_options(select, (), ignore, None, True, fix=True, unsafe_fixes=unsafe_fixes), None, plugins)
    suffix = ("." + path.rsplit(".", 1)[-1]) if "." in path else ".txt"
    result = linter.lint_bytes(text.encode("utf-8"), path, None, suffix=suffix)
    return (result.fixed if result.fixed is not None else text), result.diagnostics


def check_paths(paths: Sequence[str], *, select: Sequence[str] | None = None, extend_select: Sequence[str] = (),
                ignore: Sequence[str] = (), config: str | Config | None = None, no_config: bool = False,
                jobs: int | None = 1) -> list[Diagnostic]:
    """Lint files and directories as ``lintkit check`` does (configuration discovered per file unless
    ``no_config``; a :class:`Config` applies to every file). Missing paths raise :class:`FileNotFoundError`;
    unreadable files are LNT001 diagnostics."""
    from .engine import collect, lint_files

    linter = _linter(_options(select, extend_select, ignore, config, no_config), config)
    files, errors = collect(list(paths), linter)
    if errors:
        raise FileNotFoundError("; ".join(errors))
    results = lint_files(linter, files, jobs)
    return sorted((d for r in results for d in r.diagnostics), key=Diagnostic.sort_key)


def check_bytes(data: bytes, path: str = "-", config: str | os.PathLike | Config | None = None, *,
                select: Sequence[str] | None = None, extend_select: Sequence[str] = (), ignore: Sequence[str] = (),
                plugins: Iterable[object] = ()) -> list[Diagnostic]:
    """Lint a file's bytes exactly as ``lintkit check`` lints the file: the reader is chosen by ``path``'s suffix
    (``.txt``: UTF-8/UTF-16/UTF-32 with BOM, GB18030/GBK, Big5; ``.md``: Markdown masked; ``.docx``: Word, needs
    ``lintkit[docx]``), and ``path`` names the file in the diagnostics (and is what ``per-file-ignores`` and
    ``[[ignore]]`` globs match). ``config``: a :class:`Config`, the path of a configuration file, or None for the
    defaults (nothing is discovered on disk). Bytes that cannot be decoded give one ``LNT001`` diagnostic, a rule
    that crashes ``LNT002``, as on the command line. The linter is made once per (config, selection) and reused, so
    calling this for every file of a batch (a Spark partition, a Dask task) costs only the linting."""
    linter = _linter(_options(select, extend_select, ignore, config, True), config, plugins)
    p = os.fspath(path)
    suffix = os.path.splitext(p)[1] or ".txt"
    display = p.replace(os.sep, "/")
    result = linter.lint_bytes(bytes(data), display, None if p == "-" else Path(p), suffix=suffix)
    return result.diagnostics
