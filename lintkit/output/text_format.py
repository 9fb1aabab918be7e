"""``--format text``: the human format, rendered in one pass and streamed (no rich console per finding).

Per file a header; per finding the position, severity, rule and message, then the source line and an underline
that sits exactly under the span on a terminal that draws CJK characters two cells wide. A long line (a whole
document pasted as one line) is shown as a window around the span. At the end a summary: counts per severity
and per rule, files checked, and how many findings ``--fix`` would fix.

A finding's header line is never wrapped (a terminal wraps it for the eye; a pipe gets it whole, so ``grep``
finds the message next to its position). Colours (ANSI) only on a terminal, never with ``NO_COLOR`` or
``TERM=dumb``; ``FORCE_COLOR`` forces them. The source window is as wide as the terminal (``COLUMNS`` when
set; 80 when the output is not a terminal). Output is written in chunks as it is rendered.
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from bisect import bisect_right
from typing import TextIO

from rich.cells import get_character_cell_size

from . import lang

_STYLES = {"error": "1;31", "warning": "33", "info": "36", "bold": "1", "rule": "1;35", "dim": "2", "gutter": "34",
           "fix": "32", "unsafe": "2;32", "path": "1;4", "ok": "1;32"}
SEVERITY_STYLE = {"error": "error", "warning": "warning", "info": "info"}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
ELLIPSIS = "…"
_NEWLINE = re.compile(r"\r\n|\r|\n")
_CHUNK = 500  # findings rendered per write


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


_CELLS: dict[str, tuple[str, int]] = {}  # character -> (as shown, cells): a draft uses a few thousand


def source_window(line: str, start: int, end: int, width: int) -> tuple[str, int, int]:
    """Cut ``line`` to at most ``width`` cells around ``[start, end)`` (code-point columns within the line).

    Returns (shown text, cells before the span, cells of the span). Expansion is outward from the span, so the
    cost is bounded by ``width``, not by the length of the line.
    """
    start = max(0, min(start, len(line)))
    end = max(start, min(end, len(line)))
    width = max(width, 10)
    cells = _CELLS

    def cell(i: int) -> tuple[str, int]:
        ch = line[i]
        got = cells.get(ch)
        if got is None:
            got = cells[ch] = _display_char(ch)
        return got

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
    # every character in [left, right) has been measured (so is in the cache)
    shown_before = "".join([cells[c][0] for c in line[left:start]])
    shown_span = "".join([cells[c][0] for c in line[start:span_end]]) + (ELLIPSIS if truncated_span else "")
    after_from = span_end if truncated_span else end
    shown_after = "".join([cells[c][0] for c in line[after_from:right]])
    suffix = ELLIPSIS if right < len(line) else ""
    before_cells = len(prefix) + left_cells
    shown = prefix + shown_before + shown_span + shown_after + suffix
    return shown, before_cells, max(1, span_cells + (1 if truncated_span else 0))


class _LineIndex:
    """Line starts and ends of one source text, built once per file (a finding's line is then one lookup, not
    a search through a text that may be one 20 MB line)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        self.ends = []
        for m in _NEWLINE.finditer(text):
            self.ends.append(m.start())
            self.starts.append(m.end())
        self.ends.append(len(text))

    def line_of(self, offset: int) -> tuple[str, int]:
        i = bisect_right(self.starts, offset) - 1
        s = self.starts[i]
        return self.text[s:self.ends[i]], s


def _use_color(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError, OSError):
        return False


def _width(stream: TextIO) -> int:
    value = os.environ.get("COLUMNS")
    if value:
        try:
            if int(value) >= 20:
                return int(value)
        except ValueError:
            pass
    try:
        if stream.isatty():
            return max(20, shutil.get_terminal_size((80, 24)).columns)
    except (AttributeError, ValueError, OSError):
        pass
    return 80


def render(report, stream: TextIO) -> None:
    color = _use_color(stream)

    def st(text: str, style: str) -> str:
        return f"\x1b[{_STYLES[style]}m{text}\x1b[0m" if color and text else text

    width = _width(stream)
    if report.statistics:
        stream.write(statistics_text(report, st))
        return
    sev_word = lang.SEVERITY[lang.current()]
    fix_default = lang.t("可自动修复", "fixable")
    out: list[str] = []
    current = None
    index: _LineIndex | None = None
    for n, d in enumerate(report.diagnostics, 1):
        if d.path != current:
            if current is not None:
                out.append("\n")
            out.append(st(d.path, "path") + "\n")
            current = d.path
            source = report.sources.get(d.path)
            index = _LineIndex(source) if source is not None else None
        out.append(f"{st(f'{d.line}:{d.column}', 'bold')}  {st(sev_word[d.severity], d.severity)}  "
                   f"{st(d.rule, 'rule')} {st(d.name, 'dim')}  {d.message}\n")
        if index is not None and d.offset <= len(index.text) and d.rule not in ("LNT001", "LNT002"):
            line, line_start = index.line_of(d.offset)
            gutter = f"{d.line:>5} │ "
            pad = " " * (len(gutter) - 2) + "│ "
            span_end = min(d.end_offset, line_start + len(line))
            shown, before, span_cells = source_window(line, d.offset - line_start, span_end - line_start,
                                                      width - len(gutter) - 1)
            out.append(st(gutter, "gutter") + shown + "\n")
            marker = st(pad, "gutter") + " " * before + st("^" * span_cells, d.severity)
            if d.fix is not None:
                safe = d.fix.applicability == "safe"
                tag = "--fix" if safe else "--unsafe-fixes"
                hint = f" {d.fix.message or fix_default}（{tag}）"
                if len(pad) + before + span_cells + lang.cell_len(hint) <= width:
                    marker += st(hint, "fix" if safe else "unsafe")
                else:  # a wide underline leaves no room: the fix goes on a line of its own
                    marker += "\n" + st(pad, "gutter") + st(hint, "fix" if safe else "unsafe")
            out.append(marker + "\n")
        if n % _CHUNK == 0:
            stream.write("".join(out))
            out.clear()
    stream.write("".join(out))
    if report.quiet:
        return
    if report.diagnostics:
        stream.write("\n")
    stream.write(summary_text(report, st))


def summary_text(report, st) -> str:
    c = report.counts()
    total = sum(c.values())
    files = report.files_checked
    out = []
    if report.fix_mode and report.fixed:
        out.append(st(lang.fixed(report.fixed), "fix"))
    if total == 0:
        out.append(st("✓ " + lang.clean(files), "ok"))
        return "\n".join(out) + "\n"
    line = lang.summary(total, c, files)
    for sev in ("error", "warning", "info"):  # colour the counts
        word = lang.severity(sev)
        for plain in (f"{word} {c[sev]}", f"{c[sev]} {word}s", f"{c[sev]} {word}"):
            if c[sev] and plain in line:
                line = line.replace(plain, st(plain, sev), 1)
                break
    out.append(line)
    rows = report.per_rule()
    name_w = max((lang.cell_len(name) for _, name, _, _ in rows), default=0)
    for rule, name, n, fixable in rows:
        row = "  " + st(f"{rule:<7}", "rule") + st(lang.ljust(name, name_w + 2), "dim") + f"{n:>5}"
        if fixable:
            row += st(lang.t(f"  （可修复 {fixable}）", f"  ({fixable} fixable)"), "fix")
        out.append(row)
    if report.fixable:
        out.append(st(lang.fixable(report.fixable), "fix"))
    if report.unsafe_fixable:
        out.append(st(lang.unsafe_fixable(report.unsafe_fixable), "unsafe"))
    return "\n".join(out) + "\n"


def statistics_text(report, st=lambda text, style: text) -> str:
    """``--statistics``: count, rule, name (padded by terminal cells, so a long or CJK name never runs into the
    next column), and ``[*]`` when some are fixable with --fix."""
    rows = report.per_rule()
    name_w = max((lang.cell_len(name) for _, name, _, _ in rows), default=0)
    out = []
    for rule, name, n, fixable in rows:
        out.append(f"{n:>6}  " + st(f"{rule:<7}", "rule") + (lang.ljust(name, name_w + 2) + st("[*]", "fix")
                                                             if fixable else name))
    return "".join(line + "\n" for line in out)
