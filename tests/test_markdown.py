"""Markdown masking (DESIGN.md §9): code spans and blocks, URLs, link targets, HTML comments and front matter are
masked — replaced by MASK, same length, line breaks kept — and never linted; the prose around them is."""

from __future__ import annotations

import pytest

from conftest import fix, lint
from lintkit import MASK
from lintkit.readers.md import markdown_masks, read_markdown

B = "并对202 2年全县妇联工作进行安排部署。"  # SPC001


def masked(src: str) -> str:
    return read_markdown(src.encode("utf-8"), "t.md").masked


def visible(src: str) -> str:
    """The masked view with MASK shown as '█' (for readable assertions)."""
    return masked(src).replace(MASK, "█")


def rules(src: str) -> list[tuple[str, int]]:
    return [(d.rule, d.line) for d in lint(src, ["SPC"], "t.md")]


def test_offsets_never_move():
    src = "---\ntitle: 年度 总结\n---\n# 标题\r\n\r\n见 `a b` 与 [链接](http://x.cn/a b) <!-- 注 释 -->\n"
    m = masked(src)
    assert len(m) == len(src)
    assert [i for i, c in enumerate(src) if c in "\r\n"] == [i for i, c in enumerate(m) if c in "\r\n"]


def test_front_matter_yaml_and_toml():
    assert visible("---\ntitle: 年度 总结\n---\n正文 内容\n") == "███\n" + "█" * 12 + "\n███\n正文 内容\n"
    assert visible("+++\ntitle = '年度 总结'\n+++\n正文\n").startswith("███\n")
    # a thematic break later in the document is not front matter, and the text before it is prose
    assert visible("正文 内容\n\n---\n").startswith("正文 内容")


def test_code_spans_follow_commonmark():
    assert visible("见 `a  b` 文件") == "见 ██████ 文件"
    assert visible("双 ``含 ` 号`` 完") == "双 █████████ 完"
    # an unmatched backtick run is literal text; a code span never crosses a paragraph
    assert visible("未闭合 `反引号 内容\n\n另一段 ` 结束") == "未闭合 `反引号 内容\n\n另一段 ` 结束"
    # a backslash-escaped backtick does not open a code span
    assert visible("转义 \\`不是 代码`") == "转义 █`不是 代码`"


def test_code_blocks_fenced_indented_in_lists_and_unclosed():
    src = "- 列表\n  ```\n  代码 202 2年\n  ```\n\n段落\n\n    缩进 202 2年\n\n```\n永不 闭合\n"
    v = visible(src)
    assert "代码" not in v and "缩进" not in v and "永不" not in v
    assert "列表" in v and "段落" in v
    # after a list item, text indented by 4 is the item's next paragraph (CommonMark), not an indented code block
    assert "续段" in visible("- 列表\n\n    续段 内容\n")
    # a paragraph continuation line indented by 4 spaces is prose, not code
    assert "续行" in visible("第一行\n    续行 内容\n")


def test_links_images_autolinks_html():
    v = visible("见[通知](http://a.cn/x(1).html \"标 题\")和![图 片](p.png)及[引用][r]、<https://b.cn>、<b>粗</b>\n\n"
                "[r]: http://c.cn\n")
    M = "█"
    assert v.startswith(f"见{M}通知{M * 30}和{M * 2}图 片{M * 8}及{M}引用{M * 4}、{M * 14}、{M * 3}粗{M * 4}\n\n")
    assert v.endswith("████████████████\n")
    # brackets that are not a link are prose
    assert visible("［注］见第[1]条") == "［注］见第[1]条"


def test_html_comments_and_blocks():
    v = visible("<!-- 多行\n注 释 -->\n\n<div align=\"center\">\n中文 标题\n</div>\n\n<script>\nvar a = 1 2;\n</script>\n")
    assert "注 释" not in v and "var" not in v
    assert "中文 标题" in v and "div" not in v


def test_tables_and_block_markup():
    v = visible("# 一、总体 情况\n\n> 引用 内容\n\n1. 第一\n\n| 单位 | 数量 |\n|---|---:|\n| 县 妇联 | 12 |\n")
    assert v.startswith("██一、总体 情况\n\n██引用 内容\n\n███第一\n\n█ 单位 █ 数量 █\n██████████\n█ 县 妇联 █ 12 █")
    assert visible("标题\n===\n") == "标题\n███\n"


def test_what_is_masked_is_not_linted_and_prose_is():
    src = "\n".join([
        "---", "date: 202 2年", "---",
        "```", B, "```",
        "见 `202 2年` 和 [202 2年](http://x.cn/202%202) <!-- 202 2年 -->",
        "",
        B,
    ]) + "\n"
    assert rules(src) == [("SPC001", 9)]


def test_fixes_in_markdown_keep_masked_text():
    src = "```\n" + B + "\n```\n" + B + "\n"
    out = fix(src, ["SPC001"], path="t.md")
    assert out == "```\n" + B + "\n```\n" + B.replace("202 2", "2022") + "\n"


def test_masks_on_a_long_line():
    # every code span and link destination of a 600,000-character line is masked (cost: scripts/bench.py)
    line = ("段落 `代码` [链接](http://a.cn) " * 20000)
    spans = markdown_masks(line)
    assert [line[s:e] for s, e in spans] == ["`代码`", "[", "](http://a.cn)"] * 20000


@pytest.mark.parametrize("src", ["", "\n", "`", "[", "](", "<", "---", "```", "\\", "|a|\n|-|", "> ```\n", "- [x](<y"])
def test_odd_inputs_do_not_break(src):
    m = masked(src)
    assert len(m) == len(src)
