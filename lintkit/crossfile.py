"""Checks across the files of one run (``lintkit check --cross-file``): a post-pass over the per-file results.

A rule takes part by carrying a :class:`CrossFile` as ``lintkit_crossfile`` on its function (the built-in CON006
does). After every file has been linted (in worker processes or not), the parent process reads each file's final
text once more (the fixed text when fixes were applied), asks the rule for its facts about that file, hands the
facts of all files to the rule's ``compare`` in path order, and adds the findings it returns to the files they
name, with the severity, selection, per-file ignores and suppressions of those files. The pass runs in the parent
process over files in path order, so its result does not depend on ``--jobs``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Sequence

from .model import Finding, Rule

if TYPE_CHECKING:
    from .document import Document
    from .engine import FileResult, Linter


@dataclass(frozen=True)
class CrossFile:
    """What a rule compares across files.

    ``facts(doc)`` returns plain data about one document; ``compare([(path, facts), …])`` gets them for every file
    of the run, sorted by path, and returns ``(path, start, end, message)`` findings (offsets into that file's
    text)."""

    facts: Callable[["Document"], Any]
    compare: Callable[[list[tuple[str, Any]]], list[tuple[str, int, int, str]]]


def cross_file_rules(linter: "Linter") -> list[Rule]:
    return [r for r in linter.table.rules if isinstance(getattr(r.func, "lintkit_crossfile", None), CrossFile)]


def cross_file_pass(linter: "Linter", files: Sequence[tuple[str, Path]], results: Sequence["FileResult"]) -> None:
    """Run the cross-file checks over ``files`` (display path, path) and add their findings to ``results`` (the
    per-file results in the same order)."""
    from .engine import ReadError, _sorted_unique, read_file

    rules = cross_file_rules(linter)
    if not rules or len(files) < 2:
        return
    entries = []  # (display, document, result, ruleset)
    for (display, path), result in sorted(zip(files, results), key=lambda t: t[0][0]):
        if any(d.rule == "LNT001" for d in result.diagnostics):
            continue
        try:
            data = result.fixed.encode("utf-8") if result.fixed is not None else read_file(path)
            doc = linter.read(data, display, path.suffix)
        except (ReadError, OSError):
            continue
        ruleset = linter.ruleset(linter.settings_for(path, is_file=True), path)
        entries.append((display, doc, result, ruleset))
    for r in rules:
        check: CrossFile = r.func.lintkit_crossfile
        enabled = [(display, doc, result, rs) for display, doc, result, rs in entries if r.id in rs.enabled_ids]
        if len(enabled) < 2:
            continue
        facts = [(display, check.facts(doc)) for display, doc, _, _ in enabled]
        by_path = {display: (doc, result, rs) for display, doc, result, rs in enabled}
        found: dict[str, list[Finding]] = {}
        for path, start, end, message in check.compare(facts):
            if path in by_path:
                found.setdefault(path, []).append(Finding(start, end, message))
        for path, findings in found.items():
            doc, result, rs = by_path[path]
            sev = next((s for rr, s, _ in rs.rules if rr.id == r.id), r.severity)
            diags = linter._to_diags(doc, [(r, sev, findings)])
            # suppressions and [[ignore]] entries apply; LNT003 was decided by the per-file pass
            diags = [d for d in linter._suppress(doc, rs, diags) if d.rule == r.id]
            if diags:
                result.diagnostics = _sorted_unique([*result.diagnostics, *diags])
                if result.source is None and linter.options.want_source:
                    result.source = doc.text
