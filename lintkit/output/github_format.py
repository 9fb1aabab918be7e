"""``--format github``: GitHub Actions workflow commands, one annotation per finding, then a summary line.

    ::error file=报告.txt,line=3,col=41,endColumn=46,title=SPC001::数字“202 2”中间有空格

Levels: error → ``::error``, warning → ``::warning``, info → ``::notice``. Columns count code points (what the
annotation API expects for a text file). A finding that spans lines gets ``endLine`` instead of columns (GitHub
ignores columns on multi-line annotations). Escaping follows the runner: in the message ``%``, CR and LF are
written ``%25``, ``%0D``, ``%0A``; in property values ``:`` and ``,`` also become ``%3A`` and ``%2C``.

When the environment variable ``GITHUB_STEP_SUMMARY`` names a file (as it does inside a GitHub job), a Markdown
table of counts per rule is appended to it for the job's summary page.
"""

from __future__ import annotations

import os
from typing import TextIO

from . import lang

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(d) -> str:
    props = [("file", d.path), ("line", str(d.line))]
    if d.end_line == d.line:
        props += [("col", str(d.column)), ("endColumn", str(max(d.end_column, d.column)))]
    else:
        props += [("endLine", str(d.end_line))]
    props.append(("title", d.rule))
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMAND[d.severity]} {head}::{escape_data(d.message)}"


def summary_line(report) -> str:
    c = report.counts()
    total = sum(c.values())
    if not total:
        return "lintkit: " + lang.clean(report.files_checked)
    fixable = (lang.t("", " ") + lang.fixable(report.fixable)) if report.fixable else ""
    return "lintkit: " + lang.summary(total, c, report.files_checked) + fixable


def step_summary(report) -> str:
    lines = ["### lintkit", "", summary_line(report), ""]
    rows = report.per_rule()
    if rows:
        head = lang.t("| 规则 | 名称 | 数量 | 可修复 |", "| rule | name | count | fixable |")
        lines += [head, "|---|---|---:|---:|"]
        lines += [f"| {rule} | {name} | {n} | {fx} |" for rule, name, n, fx in rows]
        lines.append("")
    return "\n".join(lines) + "\n"


def render(report, stream: TextIO) -> None:
    for d in report.diagnostics:
        stream.write(annotation(d) + "\n")
    stream.write(summary_line(report) + "\n")
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        try:
            with open(target, "a", encoding="utf-8") as fh:
                fh.write(step_summary(report))
        except OSError:
            pass  # the summary page is a convenience; the annotations are what matters
