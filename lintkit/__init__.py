"""lintkit: a fast, pluggable linter for Chinese-language report drafts.

Public API for editors and scripts::

    import lintkit
    diags = lintkit.check_text("并对202 2年全县妇联工作进行安排部署。")
    diags = lintkit.check_paths(["seeds"], select=["SPC"])

and for rule packs: :func:`rule`, :class:`Finding`, :class:`Fix`, :class:`Edit`, :class:`Document`,
:data:`hookimpl`, :class:`OptionSpec`, :class:`Trigger`, :func:`view`.
"""

from __future__ import annotations

from typing import Iterable, Sequence

__version__ = "0.1.0"

from .document import MASK, Document  # noqa: E402
from .hookspecs import hookimpl  # noqa: E402
from .model import Diagnostic, Edit, Finding, Fix, OptionSpec, Rule  # noqa: E402
from .patterns import lazy_compile, lazy_re  # noqa: E402
from .registry import rule, rules_in, view, views_in  # noqa: E402
from .triggers import Trigger  # noqa: E402

__all__ = [
    "MASK", "Diagnostic", "Document", "Edit", "Finding", "Fix", "OptionSpec", "Rule", "Trigger", "check_paths",
    "check_text", "fix_text", "hookimpl", "lazy_compile", "lazy_re", "rule", "rules_in", "view",
    "views_in", "__version__",
]


def _options(select, extend_select, ignore, config, no_config, fix=False, unsafe_fixes=False):
    from .engine import Options

    return Options(
        select=tuple(select) if select is not None else None, extend_select=tuple(extend_select or ()),
        ignore=tuple(ignore or ()), config=config, no_config=no_config if config is None else False,
        fix=fix, diff=fix, unsafe_fixes=unsafe_fixes,
    )


def check_text(text: str, path: str = "-", *, select: Sequence[str] | None = None,
               extend_select: Sequence[str] = (), ignore: Sequence[str] = (), config: str | None = None,
               no_config: bool = True, kind: str | None = None, plugins: Iterable[object] = ()) -> list[Diagnostic]:
    """Lint a string. ``path`` names it in the diagnostics and picks the reader by suffix (``.md`` masks
    Markdown). By default no configuration file is read (``no_config=True``); pass ``config`` to use one."""
    from .engine import Linter

    linter = Linter(_options(select, extend_select, ignore, config, no_config), plugins)
    suffix = "." + kind if kind else (("." + path.rsplit(".", 1)[-1]) if "." in path else ".txt")
    if suffix == ".docx":
        suffix = ".txt"
    result = linter.lint_bytes(text.encode("utf-8"), path, None, suffix=suffix)
    return result.diagnostics


def fix_text(text: str, path: str = "-", *, select: Sequence[str] | None = None, ignore: Sequence[str] = (),
             unsafe_fixes: bool = False, plugins: Iterable[object] = ()) -> tuple[str, list[Diagnostic]]:
    """Apply fixes to a string to a fixed point; returns (fixed text, remaining diagnostics)."""
    from .engine import Linter

    linter = Linter(_options(select, (), ignore, None, True, fix=True, unsafe_fixes=unsafe_fixes), plugins)
    suffix = ("." + path.rsplit(".", 1)[-1]) if "." in path else ".txt"
    result = linter.lint_bytes(text.encode("utf-8"), path, None, suffix=suffix)
    return (result.fixed if result.fixed is not None else text), result.diagnostics


def check_paths(paths: Sequence[str], *, select: Sequence[str] | None = None, extend_select: Sequence[str] = (),
                ignore: Sequence[str] = (), config: str | None = None, no_config: bool = False,
                jobs: int | None = 1) -> list[Diagnostic]:
    """Lint files and directories as ``lintkit check`` does (configuration discovered per file unless
    ``no_config``). Missing paths raise :class:`FileNotFoundError`; unreadable files are LNT001 diagnostics."""
    from .engine import Linter, collect, lint_files

    linter = Linter(_options(select, extend_select, ignore, config, no_config))
    files, errors = collect(list(paths), linter)
    if errors:
        raise FileNotFoundError("; ".join(errors))
    results = lint_files(linter, files, jobs)
    return sorted((d for r in results for d in r.diagnostics), key=Diagnostic.sort_key)
