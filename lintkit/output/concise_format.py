"""``--format concise``: ``path:line:column: severity RULE message``, one line per finding (no rich)."""

from __future__ import annotations

from typing import TextIO

from . import lang


def render(report, stream: TextIO) -> None:
    if report.statistics:
        for rule, name, n, fixable in report.per_rule():
            stream.write(f"{n:6d}\t{rule}\t{name}\t{'[*]' if fixable else ''}\n")
        return
    for d in report.diagnostics:
        fixable = d.fix is not None and d.fix.applicability == "safe" and not d.path.lower().endswith(".docx")
        mark = " [*]" if fixable else ""  # --fix applies it (never in a .docx)
        stream.write(f"{d.path}:{d.line}:{d.column}: {d.severity} {d.rule}{mark} {d.message}\n")
    if report.quiet:
        return
    if report.fix_mode and report.fixed:
        stream.write(lang.fixed(report.fixed) + "\n")
    c = report.counts()
    total = sum(c.values())
    stream.write((lang.summary(total, c, report.files_checked) if total else lang.clean(report.files_checked))
                 + "\n")
