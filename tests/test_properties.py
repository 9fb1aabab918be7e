"""Hypothesis properties (DESIGN.md §11): linting never raises, fixes are idempotent and local, positions
round-trip, and a file survives read → fix → write with its encoding, BOM and line endings."""

from __future__ import annotations

import codecs
import functools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintkit.document import Document
from lintkit.engine import Linter, Options
from lintkit.fix import apply_edits, select_fixes

PIECES = list("西峡县妇联工作总结的了地得镇乡村婦聯關於2022年月日0123456789.%％ 　\u00a0\u2002\t，。、；：！？“”‘’（）《》〈〉【】〔〕…—～·,.;:!?()[]<>\"'-abcXYZ𠮷😀\u200b\ufeff")
CJK_TEXT = st.lists(st.sampled_from(PIECES + ["\n", "\r\n", "\r", "202 2年", "“巾帼心向党 巾帼建新功”",
                                               "婦聯(lián)", "http://a.b/c d", "<!-- lintkit: disable SPC -->",
                                               "\n欢迎您访问本网站!\n", "\n您的位置: 首页 > 正文\n"]),
                    max_size=120).map("".join)
ANY_TEXT = st.one_of(CJK_TEXT, st.text(max_size=80))


@functools.lru_cache(maxsize=None)
def linter(fix: bool = False, unsafe: bool = False) -> Linter:
    return Linter(Options(no_config=True, select=("ALL",), fix=fix, diff=fix, unsafe_fixes=unsafe))


def lint(text: str):
    """All rules over a Document made directly from ``text`` (no decoding step: any string at all)."""
    lt = linter()
    return lt.lint_document(Document(text, "t.txt"), lt.ruleset(lt.settings_for(__import__("pathlib").Path.cwd()),
                                                                   None))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_any_text_lints_without_a_crash(text):
    diags = lint(text)
    assert not [d for d in diags if d.rule in ("LNT001", "LNT002")], diags
    for d in diags:
        assert 0 <= d.offset <= d.end_offset <= len(text)
        assert d.text == text[d.offset:d.end_offset]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(CJK_TEXT, st.booleans())
def test_fixes_stay_in_their_spans_and_are_idempotent(text, unsafe):
    text = text.lstrip("\ufeff")  # a leading U+FEFF would be read back from bytes as a BOM
    diags = lint(text)
    allowed = {"safe", "unsafe"} if unsafe else {"safe"}
    for d in diags:
        if d.fix is None:
            continue
        doc = Document(text)
        idx = doc.line_index(d.offset)
        ls = doc.lines[idx][0]
        # a line-level finding may delete its whole line, line break included (RES001's boilerplate lines)
        le = doc.line_starts[idx + 1] if idx + 1 < len(doc.line_starts) else len(text)
        for e in d.fix.edits:  # an edit lies within its finding's span or, for line-level findings, its line
            assert (d.offset <= e.start and e.end <= d.end_offset) or (ls <= e.start and e.end <= le), (d, e)
    chosen = select_fixes([d.fix for d in diags if d.fix and d.fix.applicability in allowed])
    once = apply_edits(text, [e for f in chosen for e in f.edits])
    assert isinstance(once, str)
    result = linter(True, unsafe).lint_bytes(text.encode(), "t.txt", None)
    fixed = result.fixed if result.fixed is not None else text
    again = linter(True, unsafe).lint_bytes(fixed.encode(), "t.txt", None)
    assert (again.fixed if again.fixed is not None else fixed) == fixed
    # safe fixes never create or remove line breaks (an unsafe RES001 fix may delete a boilerplate line)
    if unsafe:
        assert len(Document(fixed).lines) <= len(Document(text).lines)
    else:
        assert len(Document(fixed).lines) == len(Document(text).lines)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab中𠮷😀\r\n\u3000 ")), max_size=60))
def test_offset_position_round_trip(text):
    doc = Document(text)
    for off in range(len(text) + 1):
        line, col = doc.position(off)
        if off < len(text) and text[off] == "\n" and off > 0 and text[off - 1] == "\r":
            continue  # the \n of a \r\n pair maps onto the end of its line, like the \r
        assert doc.offset(line, col) == off


ENCODINGS = [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("gb18030", b"")]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["并对202 2年工作进行部署 。", "推荐 上报的人选", "正常的一行。", "行尾空格  ", "",
                                 "“巾帼心向党 巾帼建新功”", "𠮷字 、"]), min_size=1, max_size=6),
       st.sampled_from(["\n", "\r\n", "\r"]), st.sampled_from(ENCODINGS), st.booleans())
def test_file_survives_fix_with_encoding_bom_and_newlines(tmp_path, lines, nl, enc_bom, final_nl):
    from lintkit.engine import lint_file

    enc, bom = enc_bom
    text = nl.join(lines) + (nl if final_nl else "")
    path = tmp_path / "draft.txt"
    original = bom + text.encode(enc)
    path.write_bytes(original)
    fixer = Linter(Options(no_config=True, fix=True))
    result = lint_file(fixer, "draft.txt", path)
    data = path.read_bytes()
    assert data.startswith(bom)
    decoded = data[len(bom):].decode(enc)
    # the same line breaks in the same order, and the same non-space characters
    assert [c for c in decoded if c in "\r\n"] == [c for c in text if c in "\r\n"]
    strip = lambda s: "".join(ch for ch in s if not ch.isspace())  # noqa: E731
    assert strip(decoded) == strip(text)
    assert result.written == (decoded != text)
    # and fixing again changes nothing
    lint_file(fixer, "draft.txt", path)
    assert path.read_bytes() == data


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(PIECES), min_size=2000, max_size=4000))
def test_long_single_lines_lint_without_a_crash(text):
    assert not [d for d in lint(text) if d.rule.startswith("LNT")]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200), st.text(alphabet=st.sampled_from(list("中文 ，。\u0301\u05d0\u05d1\u202e𠮷")), max_size=40))
def test_lone_surrogates_combining_marks_and_rtl_never_raise(data, extra):
    text = data.decode("utf-8", "surrogateescape") + extra  # lone surrogates U+DC80..U+DCFF
    diags = lint(text)
    assert not [d for d in diags if d.rule.startswith("LNT")]
    import json

    for d in diags:  # and every diagnostic can be serialised as the JSON output does
        assert d.to_json() == json.dumps(d.to_dict(), ensure_ascii=False)
        d.to_json().encode("utf-8", "replace")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(), min_size=5, max_size=5), st.lists(st.integers(0, 10**9), min_size=6, max_size=6),
       st.one_of(st.none(), st.lists(st.tuples(st.integers(0, 10**6), st.text()), min_size=1, max_size=3)),
       st.sampled_from(["error", "warning", "info"]))
def test_to_json_is_json_dumps_of_to_dict(strings, numbers, edits, severity):
    """Diagnostic.to_json builds the JSON line by hand for speed; it must be exactly what json.dumps gives."""
    import json

    from lintkit.model import Diagnostic, Edit, Fix

    path, rule, name, message, text = strings
    fix, positions = None, ()
    if edits is not None:
        fix = Fix(tuple(Edit(s, s + 1, c) for s, c in edits), message=text + message, applicability="unsafe")
        positions = tuple((s, s + 1, s + 2, s + 3) for s, _ in edits)
    d = Diagnostic(path, rule, name, severity, message, *numbers, text, fix, positions)
    assert d.to_json() == json.dumps(d.to_dict(), ensure_ascii=False)
    assert json.loads(d.to_json()) == d.to_dict()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["根据《", "》第五条。", "基础制", "度建设", "一、总则", "", "  ", "的", "，继续",
                                 "这一行写到了版心的宽度还没有写完句子就断开了", "结束了。"]), max_size=30),
       st.sampled_from(["\n", "\r\n", "\r"]))
def test_logical_paragraphs_cover_each_non_blank_line_once_in_order(lines, nl):
    text = nl.join(lines)
    doc = Document(text)
    paragraphs = doc.logical_paragraphs
    starts = {s for s, _ in doc.lines}
    covered = []
    for s, e in paragraphs:
        assert s in starts and 0 <= s < e <= len(text)
        covered.extend(i for i, (ls, le) in enumerate(doc.lines) if s <= ls and le <= e)
    non_blank = [i for i, (ls, le) in enumerate(doc.lines) if text[ls:le].strip()]
    assert covered == non_blank
    for a, b in doc.soft_breaks:
        assert text[a:b].strip(" \t\u3000") in ("\n", "\r\n", "\r")
