"""Formatters: one module per output format. Each exposes ``render(report, stream)``.

Formatters print only the report on stdout; notices and errors go to stderr (printed by the CLI).
"""

from __future__ import annotations

import importlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, TextIO

from ..model import Diagnostic

FORMATS = ("text", "concise", "json", "jsonl", "sarif", "github", "html")


@dataclass
class Report:
    """Everything a formatter may show."""

    diagnostics: list[Diagnostic]
    files_checked: int
    sources: dict[str, str] = field(default_factory=dict)  # path -> decoded text (for source lines)
    fixed: int = 0  # findings fixed by --fix in this run
    fixable: int = 0  # remaining findings with a safe fix
    unsafe_fixable: int = 0  # remaining findings with an unsafe fix
    fix_mode: bool = False
    statistics: bool = False
    quiet: bool = False  # text format: the findings only, no summary
    rule_names: dict[str, str] = field(default_factory=dict)
    rules: dict[str, Any] = field(default_factory=dict)  # rule id -> Rule (for formats that describe rules: sarif)

    def counts(self) -> Counter:
        return Counter(d.severity for d in self.diagnostics)

    def per_rule(self) -> list[tuple[str, str, int, int]]:
        """(rule, name, count, fixable count), most frequent first."""
        c = Counter(d.rule for d in self.diagnostics)
        fx = Counter(d.rule for d in self.diagnostics if d.fix is not None and d.fix.applicability == "safe")
        names = {d.rule: d.name for d in self.diagnostics}
        return [(r, names[r], n, fx.get(r, 0)) for r, n in sorted(c.items(), key=lambda x: (-x[1], x[0]))]


def statistics_rows(report: "Report") -> list[dict]:
    """``--statistics`` as data: one row per rule, most frequent first."""
    return [{"rule": r, "name": n, "count": c, "fixable": f} for r, n, c, f in report.per_rule()]


def render(fmt: str, report: Report, stream: TextIO) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    module = importlib.import_module(f"{__name__}.{fmt}_format")
    module.render(report, stream)
