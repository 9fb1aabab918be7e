"""``--format text``: the human format, printed with rich (imported only here).

Per file a header; per finding the position, severity, rule and message, then the source line and an underline
that sits exactly under the span on a terminal that draws CJK characters two cells wide. A long line (a whole
document pasted as one line) is shown as a window around the span. At the end a summary: counts per severity
and per rule, files checked, and how many findings ``--fix`` would fix.
"""

from __future__ import annotations

import os
import unicodedata
from typing import TextIO

from rich.cells import get_character_cell_size
from rich.console import Console
from rich.text import Text

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
ELLIPSIS = "…"


def _display_char(ch: str) -> tuple[str, int]:
    """The character as shown and its cell width: tabs become a space, invisible and control characters a
    visible middle dot (so an underline has something to sit under)."""
    if ch == "\t":
        return " ", 1
    cat = unicodedata.category(ch)
    if cat in ("Cc", "Cf", "Zl", "Zp") or ch == "\ufffc":
        return "·", 1
    w = get_character_cell_size(ch)
    if w == 0:  # combining mark: keep it on its base character
        return ch, 0
    return ch, w


def source_window(line: str, start: int, end: int, width: int) -> tuple[str, int, int]:
    """Cut ``line`` to at most ``width`` cells around ``[start, end)`` (code-point columns within the line).

    Returns (shown text, cells before the span, cells of the span). Expansion is outward from the span, so the
    cost is bounded by ``width``, not by the length of the line.
    """
    start = max(0, min(start, len(line)))
    end = max(start, min(end, len(line)))
    width = max(width, 10)
    chars: dict[int, tuple[str, int]] = {}

    def cell(i: int) -> tuple[str, int]:
        if i not in chars:
            chars[i] = _display_char(line[i])
        return chars[i]

    # the span itself, truncated if it alone is wider than the budget
    span_budget = max(1, width - 4)
    span_cells = 0
    span_end = start
    while span_end < end and span_cells + cell(span_end)[1] <= span_budget:
        span_cells += cell(span_end)[1]
        span_end += 1
    truncated_span = span_end < end
    budget = width - span_cells - (1 if truncated_span else 0)
    left, right = start, span_end if truncated_span else end
    left_cells = right_cells = 0
    # keep about a third of the context before the span, the rest after it
    while budget > 2:
        grew = False
        if left > 0 and (left_cells <= (width - span_cells) // 3 or right >= len(line)):
            w = cell(left - 1)[1]
            if w <= budget - 2:
                left -= 1
                left_cells += w
                budget -= w
                grew = True
        if right < len(line) and budget > 2:
            w = cell(right)[1]
            if w <= budget - 2:
                right += 1
                right_cells += w
                budget -= w
                grew = True
        if not grew:
            break
    prefix = ELLIPSIS if left > 0 else ""
    shown_before = "".join(cell(i)[0] for i in range(left, start))
    shown_span = "".join(cell(i)[0] for i in range(start, span_end)) + (ELLIPSIS if truncated_span else "")
    after_from = span_end if truncated_span else end
    shown_after = "".join(cell(i)[0] for i in range(after_from, right))
    suffix = ELLIPSIS if right < len(line) else ""
    before_cells = len(prefix) + left_cells
    shown = prefix + shown_before + shown_span + shown_after + suffix
    return shown, before_cells, max(1, span_cells + (1 if truncated_span else 0))


def _line_of(text: str, offset: int) -> tuple[str, int]:
    """The line containing ``offset`` and the offset of its start (any of \\r\\n, \\r, \\n ends a line)."""
    ls = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    le_n = text.find("\n", offset)
    le_r = text.find("\r", offset)
    ends = [x for x in (le_n, le_r) if x != -1]
    le = min(ends) if ends else len(text)
    return text[ls:le], ls


def render(report, stream: TextIO) -> None:
    width = None
    if "COLUMNS" in os.environ:
        try:
            width = int(os.environ["COLUMNS"])
        except ValueError:
            width = None
        if width is not None and width < 20:  # COLUMNS=0 or nonsense: let rich decide
            width = None
    console = Console(file=stream, highlight=False, soft_wrap=False, emoji=False, markup=False,
                      width=width)
    width = console.width
    if report.statistics:
        _statistics(console, report)
        return
    current = None
    for d in report.diagnostics:
        if d.path != current:
            if current is not None:
                console.print()
            console.print(Text(d.path, style="bold underline"))
            current = d.path
        head = Text()
        head.append(f"{d.line}:{d.column}", style="bold")
        head.append("  ")
        head.append(f"{SEVERITY_ZH[d.severity]}", style=SEVERITY_STYLE[d.severity])
        head.append("  ")
        head.append(d.rule, style="bold magenta")
        head.append(f" {d.name}", style="dim")
        head.append("  ")
        head.append(d.message)
        console.print(head, overflow="fold")
        source = report.sources.get(d.path)
        if source is not None and d.offset <= len(source) and d.rule not in ("LNT001", "LNT002"):
            line, line_start = _line_of(source, d.offset)
            gutter = f"{d.line:>5} │ "
            pad = " " * (len(gutter) - 2) + "│ "
            span_end = min(d.end_offset, line_start + len(line))
            shown, before, span_cells = source_window(line, d.offset - line_start, span_end - line_start,
                                                      width - len(gutter) - 1)
            src = Text(gutter, style="blue")
            src.append(shown)
            console.print(src, overflow="crop", no_wrap=True)
            marker = Text(pad, style="blue")
            marker.append(" " * before)
            marker.append("^" * span_cells, style=SEVERITY_STYLE[d.severity])
            hint = None
            if d.fix is not None:
                fix_msg = d.fix.message or "可自动修复"
                tag = "--fix" if d.fix.applicability == "safe" else "--unsafe-fixes"
                hint = Text(f" {fix_msg}（{tag}）", style="green" if tag == "--fix" else "dim green")
                if marker.cell_len + hint.cell_len <= width:
                    marker.append_text(hint)
                    hint = None
            console.print(marker, overflow="crop", no_wrap=True)
            if hint is not None:  # a wide underline leaves no room: the fix goes on a line of its own
                console.print(Text(pad, style="blue") + hint, overflow="fold")
    if report.quiet:
        return
    if report.diagnostics:
        console.print()
    _summary(console, report)


def _summary(console: Console, report) -> None:
    c = report.counts()
    total = sum(c.values())
    files = report.files_checked
    if report.fix_mode and report.fixed:
        console.print(Text(f"已修复 {report.fixed} 处。", style="green"))
    if total == 0:
        console.print(Text(f"✓ 没有发现问题（检查了 {files} 个文件）。", style="bold green"))
        return
    line = Text()
    line.append(f"共 {total} 个问题", style="bold")
    line.append("（")
    parts = []
    for sev in ("error", "warning", "info"):
        if c[sev]:
            parts.append((f"{SEVERITY_ZH[sev]} {c[sev]}", SEVERITY_STYLE[sev]))
    for i, (label, style) in enumerate(parts):
        if i:
            line.append("，")
        line.append(label, style=style)
    line.append(f"），检查了 {files} 个文件。")
    console.print(line)
    for rule, name, n, fixable in report.per_rule():
        row = Text("  ")
        row.append(f"{rule:<7}", style="bold magenta")
        row.append(f"{name:<34}", style="dim")
        row.append(f"{n:>5}")
        if fixable:
            row.append(f"  （可修复 {fixable}）", style="green")
        console.print(row)
    if report.fixable:
        console.print(Text(f"其中 {report.fixable} 个可以用 --fix 自动修复。", style="green"))
    if report.unsafe_fixable:
        console.print(Text(f"另有 {report.unsafe_fixable} 个可以用 --unsafe-fixes 修复（修复建议，请人工确认）。",
                           style="dim green"))


def _statistics(console: Console, report) -> None:
    for rule, name, n, fixable in report.per_rule():
        row = Text()
        row.append(f"{n:>6}  ")
        row.append(f"{rule:<7}", style="bold magenta")
        row.append(f"{name:<34}")
        row.append("[*]" if fixable else "", style="green")
        console.print(row)
