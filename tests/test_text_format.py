"""The rich text format: underline under wide CJK characters, windows on long lines, summary."""

from __future__ import annotations

import io

from rich.cells import cell_len

from lintkit.engine import Linter, Options
from lintkit.output import Report, render
from lintkit.output.text_format import source_window


def render_text(text: str, width: int = 100, select=("SPC",)) -> str:
    linter = Linter(Options(no_config=True, select=select))
    result = linter.lint_bytes(text.encode(), "draft.txt", None)
    report = Report(diagnostics=result.diagnostics, files_checked=1, sources={"draft.txt": text},
                    fixable=sum(1 for d in result.diagnostics if d.fix))
    out = io.StringIO()
    import os

    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(width)
    try:
        render("text", report, out)
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old
    return out.getvalue()


def underline_under(output: str, needle: str) -> None:
    """The caret line right after the source line containing ``needle`` starts under ``needle``'s first cell."""
    lines = output.splitlines()
    for i, line in enumerate(lines):
        if "│" in line and needle in line and i + 1 < len(lines) and "^" in lines[i + 1]:
            col_src = cell_len(line[:line.index(needle)])
            col_caret = cell_len(lines[i + 1][:lines[i + 1].index("^")])
            assert col_caret == col_src, (line, lines[i + 1])
            return
    raise AssertionError(f"no source line with {needle!r} in\n{output}")


def test_underline_sits_under_the_span_with_wide_characters():
    out = render_text("西峡县妇联召开会议。并对202 2年全县妇联工作进行安排部署。\n")
    assert "SPC001" in out and "space-inside-number" in out
    underline_under(out, "202 2")


def test_window_on_a_very_long_line():
    text = "一" * 3000 + "推荐 上报" + "二" * 3000 + "\n"
    out = render_text(text, width=80)
    src = [line for line in out.splitlines() if "│" in line and "推荐" in line][0]
    assert cell_len(src) <= 80
    assert src.count("…") == 2
    underline_under(out, " 上报")


def test_source_window_bounds_and_cells():
    line = "ab中文" * 1000
    shown, before, span = source_window(line, 2000, 2002, 40)
    assert cell_len(shown) <= 40
    assert span == 2 or span == 4
    shown, before, span = source_window("中文 测试", 2, 3, 40)
    assert (shown, before, span) == ("中文 测试", 4, 1)


def test_invisible_and_tab_characters_get_a_visible_cell():
    shown, before, span = source_window("文\t字\u200b末", 3, 4, 40)
    assert span == 1 and "\u200b" not in shown and "\t" not in shown


def test_summary_counts_and_fixable():
    out = render_text("并对202 2年工作。推荐 上报的人选。\n")
    assert "共 2 个问题" in out
    assert "SPC001" in out and "SPC003" in out
    assert "--fix" in out


def test_clean_summary():
    out = render_text("西峡县妇联召开会议。\n")
    assert "没有发现问题" in out


def test_no_color_codes_when_not_a_terminal():
    out = render_text("并对202 2年工作。\n")
    assert "\x1b[" not in out
