"""``lintkit review``: the reviewed .docx is opened again with python-docx and its comments (text, anchored text),
revision elements, formatting and accepted/rejected text are checked; LibreOffice converts it to PDF when it is
installed (skipped otherwise)."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import types
from pathlib import Path

import pytest

docx = pytest.importorskip("docx", reason="lintkit review needs python-docx (pip install -e '.[test]')")
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import RGBColor  # noqa: E402

import lintkit  # noqa: E402
from conftest import SEEDS  # noqa: E402
from lintkit import Document, Finding, Fix, hookimpl, rule, rules_in  # noqa: E402
from lintkit.cli import main  # noqa: E402
from lintkit.document import NEWLINE_RE  # noqa: E402
from lintkit.engine import Linter, Options  # noqa: E402
from lintkit.model import Edit  # noqa: E402
from lintkit.review import iter_paragraphs, review_document, run_text  # noqa: E402

SEED0 = next(SEEDS.glob("000_*.txt"))
NOW = dt.datetime(2024, 3, 1, 8, 30, tzinfo=dt.timezone.utc)


# ---------------------------------------------------------------------------------------------------------------
# reading a reviewed document back

def load(data: bytes | Path):
    return docx.Document(io.BytesIO(data) if isinstance(data, bytes) else str(data))


def resolve(document, accept: bool):
    """Accept (or reject) every tracked change in place, as Word's 'Accept All' / 'Reject All' does."""
    for el in list(document.element.body.iter(qn("w:del"), qn("w:ins"))):
        keep = (el.tag == qn("w:ins")) == accept
        if keep:
            for child in list(el):
                for t in child.iter(qn("w:delText")):
                    t.tag = qn("w:t")
                el.addprevious(child)
        el.getparent().remove(el)
    return document


def paragraph_texts(document) -> list[str]:
    return ["".join(run_text(r) for r in p.xpath("./w:r | ./w:hyperlink/w:r")) for p in iter_paragraphs(document)]


def accepted(data: bytes) -> list[str]:
    return paragraph_texts(resolve(load(data), True))


def rejected(data: bytes) -> list[str]:
    return paragraph_texts(resolve(load(data), False))


def anchored_texts(data: bytes) -> dict[int, str]:
    """Comment id -> the original text between its commentRangeStart and commentRangeEnd (inserted text left
    out, deleted text included; a paragraph break counts as a newline)."""
    from lxml import etree

    body = load(data).element.body
    open_ids: set[int] = set()
    out: dict[int, list[str]] = {}
    skip_depth = 0
    for event, el in etree.iterwalk(body, events=("start", "end")):
        tag = el.tag
        if tag == qn("w:ins"):
            skip_depth += 1 if event == "start" else -1
            continue
        if event == "start" and tag == qn("w:commentRangeStart"):
            cid = int(el.get(qn("w:id")))
            open_ids.add(cid)
            out.setdefault(cid, [])
        elif event == "start" and tag == qn("w:commentRangeEnd"):
            open_ids.discard(int(el.get(qn("w:id"))))
        elif event == "end" and not skip_depth and open_ids:
            piece = ""
            if tag in (qn("w:t"), qn("w:delText")):
                piece = el.text or ""
            elif tag in (qn("w:tab"), qn("w:ptab")) and el.getparent().tag == qn("w:r"):
                piece = "\t"
            elif tag in (qn("w:br"), qn("w:cr")):
                piece = "\n" if el.get(qn("w:type")) in (None, "textWrapping") else ""
            elif tag == qn("w:p"):
                piece = "\n"
            for cid in open_ids:
                out[cid].append(piece)
    return {k: "".join(v) for k, v in out.items()}


def comments(data: bytes) -> list:
    return list(load(data).comments)


def revisions(data: bytes) -> list:
    return list(load(data).element.body.iter(qn("w:ins"), qn("w:del")))


def lines_of(text: str) -> list[str]:
    """Paragraphs a text draft becomes: its lines, without the empty one after a final line break."""
    lines = NEWLINE_RE.split(text)
    if len(lines) > 1 and lines[-1] == "" and text:
        lines.pop()
    return lines


def review(data: bytes, suffix: str, *, select=None, plugins=(), track=True, unsafe=False):
    linter = Linter(Options(select=tuple(select) if select else None, no_config=True, unsafe_fixes=unsafe), plugins=list(plugins))
    return review_document(linter, data, f"draft{suffix}", None, suffix, track_changes=track, unsafe_fixes=unsafe,
                           now=NOW)


# ---------------------------------------------------------------------------------------------------------------
# a .txt draft (seed 000) reviewed into a new .docx

@pytest.fixture(scope="module")
def seed0_review():
    data = SEED0.read_bytes()
    out, result = review(data, ".txt")
    return data, out, result


def test_every_finding_is_a_comment_by_lintkit_on_its_span(seed0_review):
    data, out, result = seed0_review
    diags = lintkit.check_text(data.decode("utf-8"), "draft.txt")
    assert diags and result.comments == len(diags) == len(result.diagnostics)
    cs = comments(out)
    assert len(cs) == len(diags)
    anchors = anchored_texts(out)
    for c, d in zip(cs, diags):  # comments are added in finding order
        assert c.author == "lintkit" and c.initials == "LK"
        assert c.text.startswith(d.message + "（")
        assert f"规则：{d.rule} {d.name}" in c.text
        if d.fix is not None and d.fix.applicability == "safe":
            assert d.fix.message in c.text and "可自动修复" in c.text
            assert "已作为修订标出" in c.text
        elif d.fix is not None:  # a suggestion: named, never applied as a tracked change
            assert d.fix.message in c.text and "请人工确认" in c.text
        assert anchors[c.comment_id] == d.text, (d.rule, d.line, d.column)


def test_seed_comment_names_the_fix_with_visible_spaces(seed0_review):
    _, out, _ = seed0_review
    first = comments(out)[0]
    assert first.text.splitlines() == [
        "数字“202 2”中间有空格（错误）",
        "建议：删除空格：2022，“202␣2”→“2022”（可自动修复）",
        "已作为修订标出，可在“审阅”中接受或拒绝。",
        "规则：SPC001 space-inside-number（lintkit rule SPC001 查看说明）",
    ]


def test_revision_elements(seed0_review):
    _, out, result = seed0_review
    revs = revisions(out)
    assert result.revisions > 0 and revs
    ids = [r.get(qn("w:id")) for r in revs]
    comment_ids = {str(c.comment_id) for c in comments(out)}
    assert len(set(ids)) == len(ids) and not set(ids) & comment_ids
    for r in revs:
        assert r.get(qn("w:author")) == "lintkit"
        assert r.get(qn("w:date")) == "2024-03-01T08:30:00Z"
        assert r.getparent().tag in (qn("w:p"), qn("w:hyperlink"))
        runs = r.findall(qn("w:r"))
        assert runs, "a revision holds runs"
        if r.tag == qn("w:del"):
            assert not r.findall(f".//{qn('w:t')}") and r.findall(f".//{qn('w:delText')}")
        else:
            assert r.findall(f".//{qn('w:t')}")
    # every deletion removes exactly the text of a safe fix's edit on the seed
    data = seed0_review[0].decode("utf-8")
    safe_deleted = {data[e.start:e.end] for d in lintkit.check_text(data, "draft.txt")
                    if d.fix is not None and d.fix.applicability == "safe" for e in d.fix.edits}
    deleted = ["".join(t.text for t in r.iter(qn("w:delText"))) for r in revs if r.tag == qn("w:del")]
    assert deleted and set(deleted) <= safe_deleted


def test_accepting_all_changes_gives_check_fix_and_rejecting_gives_the_draft(seed0_review, capsys):
    data, out, _ = seed0_review
    text = data.decode("utf-8")
    assert rejected(out) == lines_of(text)
    import sys

    stdin = sys.stdin
    try:
        sys.stdin = io.TextIOWrapper(io.BytesIO(data))
        code = main(["check", "--fix", "-", "--stdin-filename", "draft.txt", "--no-config"])
    finally:
        sys.stdin = stdin
    fixed = capsys.readouterr().out
    assert code in (0, 1) and fixed != text
    assert accepted(out) == NEWLINE_RE.split(fixed)[: len(lines_of(text))]


@pytest.mark.parametrize("seed", sorted(p.name[:3] for p in SEEDS.glob("*.txt")))
def test_every_seed_reviews_and_accepts_to_the_fixed_text(seed):
    path = next(SEEDS.glob(f"{seed}_*.txt"))
    data = path.read_bytes()
    out, result = review(data, ".txt")
    text = data.decode("utf-8")
    fixed, _ = lintkit.fix_text(text, "draft.txt")
    assert rejected(out) == lines_of(text)
    assert accepted(out) == NEWLINE_RE.split(fixed)[: len(lines_of(text))]
    assert result.untracked_fixes == 0
    assert len(comments(out)) == len(result.diagnostics)


def test_without_track_changes_there_are_comments_only(seed0_review):
    data, _, _ = seed0_review
    out, result = review(data, ".txt", track=False)
    assert result.revisions == 0 and not revisions(out)
    assert len(comments(out)) == result.comments > 0
    assert all("已作为修订标出" not in c.text for c in comments(out))
    assert paragraph_texts(load(out)) == lines_of(data.decode("utf-8"))


# ---------------------------------------------------------------------------------------------------------------
# a real .docx: several runs with their own formatting, a table, a tab, a line break, a hyperlink

def _hyperlink(paragraph, text: str):
    from docx.oxml import OxmlElement

    h = OxmlElement("w:hyperlink")
    h.set(qn("w:history"), "1")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    r.append(t)
    h.append(r)
    paragraph._p.append(h)


def make_docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("西峡县妇联召开2021年度工作总结测评会。")  # clean: must come back byte-identical
    p = d.add_paragraph()
    p.add_run("并对")
    b = p.add_run("202")
    b.bold = True
    i = p.add_run(" 2年")
    i.italic = True
    i.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    p.add_run("全县妇联工作进行安排部署。")
    p2 = d.add_paragraph()
    p2.add_run("一是\t推荐 上报")  # a tab (one character) before the finding
    p2.add_run().add_break()  # a line break (one character)
    p2.add_run("二是按时完成。")
    p3 = d.add_paragraph("详见")
    _hyperlink(p3, "妇联 网站")
    p3.add_run("。")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "持续推进妇女思想政治引领 、妇联组织建设"
    t.cell(0, 1).text = "无问题的单元格"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def docx_review():
    data = make_docx()
    out, result = review(data, ".docx")
    return data, out, result


def reader_text(data: bytes) -> str:
    from lintkit.readers.docx import read_docx

    return read_docx(data, "draft.docx").text


def docx_diags(data: bytes):
    from lintkit.engine import Linter, Options

    return Linter(Options(no_config=True)).lint_bytes(data, "draft.docx", None, suffix=".docx").diagnostics


def test_docx_comments_anchor_across_runs_tabs_breaks_hyperlinks_and_tables(docx_review):
    data, out, result = docx_review
    diags = docx_diags(data)
    # the space in 202 2 (over a bold and an italic run), the space after the tab (the tab itself is alignment),
    # the space inside the hyperlink, the space in the table cell; the manual line break is masked by the reader
    assert [(d.rule, d.text) for d in diags] == [("SPC001", "202 2"), ("SPC003", " "), ("SPC003", " "),
                                                 ("SPC002", " ")]
    assert [d.message[-5:] for d in diags[2:]] == ["“联 网”", "“领 、”"]
    assert "“荐 上”" in diags[1].message and diags[1].severity == "info"  # two short words: only a suggestion
    anchors = anchored_texts(out)
    cs = comments(out)
    assert [anchors[c.comment_id] for c in cs] == ["202 2", " ", " ", " "]
    assert all(c.author == "lintkit" for c in cs)


def test_docx_accept_all_equals_fix_and_reject_all_equals_original(docx_review):
    data, out, result = docx_review
    text = reader_text(data)
    from lintkit.engine import Linter, Options
    from lintkit.readers.docx import read_docx

    linter = Linter(Options(no_config=True, fix=True))
    fixed, _, _ = linter.fix_document(read_docx(data, "draft.docx"), linter.ruleset(linter.settings_for(Path.cwd()),
                                                                                    None))
    assert result.revisions == 3  # the three safe fixes; the suggestion on 推荐 上报 stays a comment
    assert "\n".join(accepted(out)).replace("\n", " ") == fixed.replace("\n", " ")
    assert [t.replace("\n", " ") for t in accepted(out)] == fixed.split("\n")
    assert [t.replace("\n", " ") for t in rejected(out)] == text.split("\n")


def test_docx_formatting_is_kept(docx_review):
    data, out, _ = docx_review
    before = load(data)
    after = resolve(load(out), True)
    # untouched paragraphs are left exactly as they were
    from lxml import etree

    assert etree.tostring(after.paragraphs[0]._p) == etree.tostring(before.paragraphs[0]._p)
    # the finding "202 2" spans a bold and an italic red run; split runs keep their formatting
    runs = [r for r in after.paragraphs[1].runs if r.text]
    assert "".join(r.text for r in runs) == "并对2022年全县妇联工作进行安排部署。"
    fmt = [(ch, bool(r.bold), bool(r.italic), r.font.color.rgb) for r in runs for ch in r.text]
    red = RGBColor(0xC0, 0x00, 0x00)
    assert fmt[:7] == [("并", False, False, None), ("对", False, False, None), ("2", True, False, None),
                       ("0", True, False, None), ("2", True, False, None), ("2", False, True, red),
                       ("年", False, True, red)]
    assert all(f[1:] == (False, False, None) for f in fmt[7:])
    # the deleted space was in the italic run: the deletion keeps that run's properties
    dels = list(load(out).element.body.iter(qn("w:del")))
    first_del_run = dels[0].find(qn("w:r"))
    assert first_del_run.find(qn("w:rPr")).find(qn("w:i")) is not None
    # the tab (alignment) and the manual line break (masked by the reader) are not findings: no tracked change
    # touches them, and they survive both accepting and rejecting
    p2 = load(out).paragraphs[2]._p
    assert [el.tag for d in p2.iter(qn("w:del")) for el in d.iter(qn("w:tab"), qn("w:br"))] == []
    p2 = resolve(load(out), True).paragraphs[2]._p
    assert len(p2.findall(f".//{qn('w:tab')}")) == 1 and len(p2.findall(f".//{qn('w:br')}")) == 1
    p2 = resolve(load(out), False).paragraphs[2]._p
    assert len(p2.findall(f".//{qn('w:tab')}")) == 1 and len(p2.findall(f".//{qn('w:br')}")) == 1
    hl = after.paragraphs[3]._p.find(qn("w:hyperlink"))
    assert "".join(run_text(r) for r in hl.findall(qn("w:r"))) == "妇联网站"
    assert load(out).paragraphs[3]._p.find(qn("w:hyperlink")).findall(qn("w:del"))  # the deletion sits inside it


def test_the_original_docx_is_never_written(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "草稿.docx"
    src.write_bytes(make_docx())
    before = src.read_bytes()
    code = main(["review", "草稿.docx", "--track-changes", "--no-config"])
    out, err = capsys.readouterr()
    assert code == 1  # findings at error level, like `lintkit check`
    assert src.read_bytes() == before
    target = tmp_path / "草稿.reviewed.docx"
    assert target.is_file() and "4 条批注，3 处修订" in out
    assert main(["review", "草稿.docx", "-o", "草稿.docx", "--no-config"]) == 2
    assert "不能覆盖文稿本身" in capsys.readouterr().err
    assert src.read_bytes() == before


# ---------------------------------------------------------------------------------------------------------------
# command line

def test_cli_review_txt_md_and_errors(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("并对202 2年全县妇联工作进行安排部署。\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# 标题\n\n`202 2` 是代码；并对202 2年全县妇联工作进行安排部署。\n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("西峡县妇联召开2021年度工作总结测评会。\n", encoding="utf-8")
    assert main(["review", "a.txt", "-o", "out/a.docx", "--no-config"]) == 2  # directory does not exist
    capsys.readouterr()
    (tmp_path / "out").mkdir()
    assert main(["review", "a.txt", "-o", "out/a.docx", "--no-config", "--track-changes"]) == 1
    assert accepted((tmp_path / "out/a.docx").read_bytes()) == ["并对2022年全县妇联工作进行安排部署。"]
    assert main(["review", "b.md", "--no-config", "--track-changes"]) == 1
    md = (tmp_path / "b.reviewed.docx").read_bytes()
    assert len(comments(md)) == 1  # the code span is masked, as in `lintkit check`
    assert accepted(md) == ["# 标题", "", "`202 2` 是代码；并对2022年全县妇联工作进行安排部署。"]
    assert main(["review", "ok.txt", "--no-config"]) == 0
    assert comments((tmp_path / "ok.reviewed.docx").read_bytes()) == []
    capsys.readouterr()
    assert main(["review", "a.txt", "--no-config", "--exit-zero", "-q"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["review", "a.txt", "ok.txt", "-o", "x.docx"]) == 2
    assert main(["review", "a.txt", "-o", "x.pdf"]) == 2
    assert main(["review", "missing.txt"]) == 2
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    assert main(["review", "bin.txt", "--no-config"]) == 2
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["review", "broken.docx", "--no-config"]) == 2
    err = capsys.readouterr().err
    assert "missing.txt" in err and "bin.txt" in err and "broken.docx" in err
    assert main(["review", "a.txt", "--select", "NOPE999"]) == 2


def test_select_and_ignore_apply_to_review(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("并对202 2年全县妇联工作进行安排部署 。\n", encoding="utf-8")
    assert main(["review", "a.txt", "--no-config", "--select", "SPC001"]) == 1
    assert [re.search(r"规则：(\w+)", c.text)[1] for c in comments((tmp_path / "a.reviewed.docx").read_bytes())] \
        == ["SPC001"]
    assert main(["review", "a.txt", "--no-config", "--ignore", "SPC"]) == 0
    assert comments((tmp_path / "a.reviewed.docx").read_bytes()) == []


# ---------------------------------------------------------------------------------------------------------------
# awkward findings from a rule pack: zero width, several lines, several edits, an edit across lines, unsafe fixes

def make_pack():
    mod = types.ModuleType("reviewpack")

    @rule("ZZZ001", "missing-full-stop", severity="warning", fix="safe")
    def missing_stop(doc: Document):
        """句末缺少句号。

        为什么：测试。错误示例：无。正确写法：无。依据：无。修复：补句号。
        """
        for s, e in doc.lines:
            line = doc.text[s:e]
            if line.endswith("工作") and e > s:
                yield Finding(e, e, "句末缺少句号", Fix.replace(e, e, "。", "补上句号"))

    @rule("ZZZ002", "split-paragraph", severity="info")
    def split_paragraph(doc: Document):
        """段落被拆开。

        为什么：测试。错误示例：无。正确写法：无。依据：无。修复：无。
        """
        i = doc.text.find("拆\n开")
        if i != -1:
            yield Finding(i, i + 3, "段落在“拆开”之间断开")

    @rule("ZZZ003", "bracket-pair", severity="error", fix="safe")
    def brackets(doc: Document):
        """半角括号。

        为什么：测试。错误示例：无。正确写法：无。依据：无。修复：两处替换。
        """
        for m in __import__("re").finditer(r"\(([^()\n]*)\)", doc.text):
            yield Finding(m.start(), m.end(), f"半角括号：“{m.group()}”",
                          Fix((Edit(m.start(), m.start() + 1, "（"), Edit(m.end() - 1, m.end(), "）")), "改为全角括号"))

    @rule("ZZZ004", "join-lines", severity="info", fix="safe")
    def join(doc: Document):
        """不该断行。

        为什么：测试。错误示例：无。正确写法：无。依据：无。修复：合并（跨行）。
        """
        i = doc.text.find("合\n并")
        if i != -1:
            yield Finding(i, i + 3, "不该断行", Fix.replace(i + 1, i + 2, "", "合并两行"))

    @rule("ZZZ005", "maybe", severity="warning", fix="unsafe")
    def maybe(doc: Document):
        """也许。

        为什么：测试。错误示例：无。正确写法：无。依据：无。修复：不安全。
        """
        i = doc.text.find("做好")
        if i != -1:
            yield Finding(i, i + 2, "也许应当写“抓好”", Fix.replace(i, i + 2, "抓好", "改为抓好", "unsafe"))

    mod.missing_stop, mod.split_paragraph, mod.brackets, mod.join, mod.maybe = (
        missing_stop, split_paragraph, brackets, join, maybe)

    class Plugin:
        @hookimpl
        def lintkit_register_rules(self):
            return rules_in(mod)

    return Plugin()


PACK_TEXT = "全面推进妇联工作\n被拆\n开的段落(附件)\n\n做好宣传\n要合\n并\n"


def test_zero_width_multi_line_and_multi_edit_findings():
    out, result = review(PACK_TEXT.encode(), ".txt", select=["ZZZ"], plugins=[make_pack()])
    cs = comments(out)
    anchors = anchored_texts(out)
    got = {re.search(r"规则：(\w+)", c.text)[1]: anchors[c.comment_id] for c in cs}
    assert got == {
        "ZZZ001": "作",  # a zero-width finding at the end of a line is anchored on the character before it
        "ZZZ002": "拆\n开",  # a finding over two paragraphs spans both
        "ZZZ003": "(附件)",
        "ZZZ004": "合\n并",
        "ZZZ005": "做好",
    }
    unsafe_comment = next(c for c in cs if "ZZZ005" in c.text)
    assert "请人工确认" in unsafe_comment.text and "已作为修订标出" not in unsafe_comment.text
    # the join fix removes a line break: it cannot be a run-level change and is reported, not silently dropped
    assert result.untracked_fixes == 1 and result.notes
    assert accepted(out) == ["全面推进妇联工作。", "被拆", "开的段落（附件）", "", "做好宣传", "要合", "并"]
    assert rejected(out) == lines_of(PACK_TEXT)
    ins = [r for r in revisions(out) if r.tag == qn("w:ins")]
    assert sorted("".join(t.text for t in r.iter(qn("w:t"))) for r in ins) == ["。", "（", "）"]


def test_unsafe_fixes_are_tracked_only_when_asked():
    out, result = review(PACK_TEXT.encode(), ".txt", select=["ZZZ005"], plugins=[make_pack()], unsafe=True)
    assert accepted(out)[4] == "抓好宣传"
    out, result = review(PACK_TEXT.encode(), ".txt", select=["ZZZ005"], plugins=[make_pack()], unsafe=False)
    assert result.revisions == 0 and accepted(out)[4] == "做好宣传"


def test_control_characters_in_a_text_draft_do_not_break_the_docx():
    text = "并对202 2年\x0c全县妇联工作\x1b进行安排部署。\n"
    out, result = review(text.encode(), ".txt")
    assert rejected(out) == ["并对202 2年\ufffd全县妇联工作\ufffd进行安排部署。"]
    assert accepted(out) == ["并对2022年\ufffd全县妇联工作\ufffd进行安排部署。"]


# ---------------------------------------------------------------------------------------------------------------
# LibreOffice: the reviewed document converts to PDF (skipped where LibreOffice is not installed)

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: "
                    "apt-get install libreoffice-writer to run this test")
def test_libreoffice_converts_the_reviewed_docx_to_pdf(tmp_path, docx_review, seed0_review):
    files = []
    for name, (_, out, _) in (("docx", docx_review), ("seed", seed0_review)):
        p = tmp_path / f"{name}.reviewed.docx"
        p.write_bytes(out)
        files.append(p)
    proc = subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, files)],
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    for p in files:
        pdf = p.with_suffix(".pdf")
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), proc.stdout + proc.stderr
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
            assert "全县妇联工作" in text.replace(" ", "")


def test_vertically_merged_cell_is_read_once_and_comments_land_on_the_right_paragraph():
    import docx

    d = docx.Document()
    t = d.add_table(rows=3, cols=2)
    merged = t.cell(0, 0).merge(t.cell(2, 0))  # one cell spanning three rows
    merged.text = "合并单元格里推荐 上报了人选。"
    t.cell(0, 1).text = "第一行"
    t.cell(1, 1).text = "并对202 2年工作进行部署。"
    t.cell(2, 1).text = "第三行"
    buf = io.BytesIO()
    d.save(buf)
    data = buf.getvalue()
    assert reader_text(data).split("\n") == ["合并单元格里推荐 上报了人选。", "第一行", "并对202 2年工作进行部署。", "第三行"]
    out, result = review(data, ".docx")
    anchors = anchored_texts(out)
    cs = comments(out)
    by_text = {c.text.split("（")[0]: anchors[c.comment_id] for c in cs}
    assert by_text["数字“202 2”中间有空格"] == "202 2"
    assert any("荐 上" in k for k in by_text) and " " in by_text.values()
