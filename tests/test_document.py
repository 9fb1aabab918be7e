"""Document: decoding, line breaks, positions, masks and views."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lintkit.document import MASK, Document
from lintkit.readers import ReadError, decode, encode
from lintkit.readers.md import read_markdown

TEXT = "西峡县妇联召开会议。\n会议严格按照要求执行！"


@pytest.mark.parametrize("data,encoding,bom", [
    (TEXT.encode("utf-8"), "utf-8", b""),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", codecs.BOM_UTF8),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le", codecs.BOM_UTF16_LE),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be", codecs.BOM_UTF16_BE),
    (TEXT.encode("gbk"), "gb18030", b""),
    (TEXT.encode("gb18030"), "gb18030", b""),
])
def test_decode_round_trip(data, encoding, bom):
    text, enc, b = decode(data)
    assert text == TEXT and enc == encoding and b == bom
    assert encode(text, enc, b) == data


def test_decode_errors_are_one_line():
    with pytest.raises(ReadError, match="NUL"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ReadError, match="UTF-8"):
        decode(b"abc\xff\xfe\xfd\x80\x80")
    with pytest.raises(ReadError, match="BOM"):
        decode(codecs.BOM_UTF8 + b"\xff\xfe")
    with pytest.raises(ReadError, match="二进制"):
        decode(bytes(range(1, 9)) * 50)


def test_decode_empty_and_bom_only():
    assert decode(b"") == ("", "utf-8", b"")
    assert decode(codecs.BOM_UTF8) == ("", "utf-8", codecs.BOM_UTF8)


@pytest.mark.parametrize("nl", ["\n", "\r\n", "\r"])
def test_lines_and_positions_for_each_newline(nl):
    text = f"第一行{nl}第二行𠮷字{nl}{nl}末行"
    doc = Document(text)
    assert doc.newline == nl
    assert [doc.text[s:e] for s, e in doc.lines] == ["第一行", "第二行𠮷字", "", "末行"]
    off = text.index("字")
    assert doc.position(off) == (2, 5)  # 𠮷 is one code point
    assert doc.offset(2, 5) == off
    assert doc.position(len(text)) == (4, 3)


def test_position_round_trip_every_offset():
    text = "a𠮷\r\nb\u3000c\rd\n\n😀e"
    doc = Document(text)
    for off in range(len(text) + 1):
        line, col = doc.position(off)
        if text[off:off + 1] in ("\r", "\n") and off > 0 and text[off - 1] == "\r" and text[off] == "\n":
            continue  # the \n of \r\n has no column of its own
        assert doc.offset(line, col) == off


def test_dominant_newline_with_mixed_endings():
    assert Document("a\r\nb\r\nc\nd").newline == "\r\n"
    assert Document("no breaks").newline == "\n"


def test_masked_keeps_length_and_line_breaks():
    text = "请访问 https://example.com/a?b=1 了解。\n邮件 someone@example.org 联系。<!-- note -->"
    doc = Document(text)
    assert len(doc.masked) == len(text)
    assert "example" not in doc.masked and "note" not in doc.masked
    assert doc.masked.count("\n") == 1
    assert MASK in doc.masked
    assert doc.is_masked(text.index("https"))
    assert not doc.is_masked(0)


def test_add_masks_drops_derived_views():
    doc = Document("婦聯(lián)工作總結(jié)")
    assert len(doc.han_runs) == 2
    doc.add_masks([(2, 8)])
    assert doc.masked[2:8] == MASK * 6
    assert [doc.text[s:e] for s, e in doc.han_runs] == ["婦聯", "工作總結"]


def test_sentences_fullwidth_and_halfwidth():
    doc = Document("第一句。第二句！“第三句？”\n第四句")
    assert [doc.text[s:e] for s, e in doc.sentences] == ["第一句。", "第二句！", "“第三句？”", "第四句"]
    half = Document("這一年,婦聯一班人攜手同行,銳意進取;貼心守護婦女群眾,勇立潮頭,迎難而上,譜寫榮耀!新的一年,再接再厲")
    assert half.halfwidth_style
    assert [half.text[s:e] for s, e in half.sentences][1] == "貼心守護婦女群眾,勇立潮頭,迎難而上,譜寫榮耀!"
    assert not Document("完成了1,000份问卷，时间16:05。").halfwidth_style


def test_quoted_spans():
    doc = Document("围绕“巾帼心向党 巾帼建新功”三大行动，学习《标点符号用法》。")
    assert doc.in_quotes(doc.text.index(" "))
    assert not doc.in_quotes(0)
    assert len(doc.quoted) == 2


def test_markdown_masks_code_links_front_matter():
    md = ("---\ntitle: 测试 ，\n---\n# 标题\n\n正文见 `a ，b` 和 [链接](http://x.y/a b) 。\n\n"
          "```\n代码 ，块\n```\n- 列表项\n")
    doc = read_markdown(md.encode(), "t.md")
    assert len(doc.masked) == len(md)
    assert "title" not in doc.masked and "代码" not in doc.masked and "x.y" not in doc.masked
    assert "正文见" in doc.masked and "列表项" in doc.masked
    assert doc.masked[doc.text.index("# ")] == MASK


_SENTENCE_ENDS = st.text(alphabet=st.sampled_from(list("文字。！？；!?;”’」』）)\"'\r\n ，")), max_size=60)


@settings(max_examples=300, deadline=None)
@given(_SENTENCE_ENDS)
def test_sentences_match_the_reference_split(text):
    """The sentence patterns never match empty; they give exactly the non-empty matches of the plain split
    (any run, then its ends and closing marks, or an empty match at a line break or the end)."""
    import regex

    for half, ends, closers in ((False, "。！？；", "”’」』）)"), (True, "。！？；!?;", "”’」』）)\"'")):
        reference = regex.compile(f"[^{ends}\\r\\n]*(?:[{ends}]+[{closers}]*|(?=[\\r\\n])|$)")
        expected = [m.span() for m in reference.finditer(text) if m.end() > m.start()]
        doc = Document(text, "t.txt")
        doc.__dict__["halfwidth_style"] = half  # the view is cached in the instance: set it directly
        assert doc.sentences == expected


def _logical(text):
    doc = Document(text)
    return [text[s:e] for s, e in doc.logical_paragraphs]


def test_logical_paragraphs_rejoin_lines_broken_inside_marks_and_clauses():
    text = "根据《\n著作权法\n》第五条，本件不受保护。\n\n一、总则\n二、分则，\n适用于全县。\n"
    assert _logical(text) == ["根据《\n著作权法\n》第五条，本件不受保护。", "一、总则", "二、分则，\n适用于全县。"]
    doc = Document(text)
    assert [text[s:e] for s, e in doc.soft_breaks] == ["\n", "\n", "\n"]


def test_logical_paragraphs_rejoin_a_hard_wrapped_text_at_its_wrap_width_only():
    wrapped = "这是一份从版式文件复制出来的文稿每行二十字左右就断开基础制\n度建设要求各单位认真落实并及时上报相关的材料和数据不得延误\n这是一份从版式文件复制出来的文稿每行二十字左右就断开了吧。\n下一段。\n"
    assert _logical(wrapped) == [wrapped.rstrip("\n").rsplit("\n", 1)[0], "下一段。"]
    # the same lines in a document without a wrap width stay apart: a heading ends without a mark
    assert _logical("工作总结\n今年以来，我们做了很多工作。\n") == ["工作总结", "今年以来，我们做了很多工作。"]


def test_logical_paragraphs_keep_an_indented_line_and_a_title_split_after_a_particle():
    title = "国务院关于授权实施管辖的\n口岸区范围和\n土地使用期限的批复\n国函〔2006〕132号\n"
    assert _logical(title) == ["国务院关于授权实施管辖的\n口岸区范围和\n土地使用期限的批复", "国函〔2006〕132号"]
    crlf = "见《\r\n通知》。\r\n　　下一段。"
    assert _logical(crlf) == ["见《\r\n通知》。", "　　下一段。"]


def test_line_bounds_for_every_line_ending():
    text = "第一行\r\n第二行\r第三行\n"
    doc = Document(text)
    assert [text[slice(*doc.line_bounds(text.index(c)))] for c in "一二三"] == ["第一行", "第二行", "第三行"]
    assert doc.line_bounds(len(text)) == (len(text), len(text))


def test_han_runs_is_a_compact_sequence_of_pairs():
    import bisect

    from lintkit.document import Spans

    doc = Document("ab中文cd三个字e，再来")
    runs = doc.han_runs
    assert isinstance(runs, Spans)
    pairs = [(2, 4), (6, 9), (11, 13)]
    assert runs == pairs and list(runs) == pairs and len(runs) == 3
    assert runs[0] == (2, 4) and runs[-1] == (11, 13) and runs[0:3:2] == [(2, 4), (11, 13)]
    assert runs[5:] == [] and bisect.bisect_right(runs, (6, 0)) == 1
    assert [s for s, _e in runs] == [2, 6, 11]
    with pytest.raises(IndexError):
        runs[3]
    assert Document("abc").han_runs == [] and len(Document("").han_runs) == 0
