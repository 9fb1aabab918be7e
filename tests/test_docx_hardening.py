""".docx input read fully or refused clearly: text in tracked insertions, content controls (block and inline),
smart tags and simple fields is read; deleted text is not; a package that would expand beyond the caps is
refused with LNT001 (exit 2) while the other files are still checked, by `check` and by `review`."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from lintkit.cli import main

docx = pytest.importorskip("docx")
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

B = "并对202 2年全县妇联工作进行安排部署。"  # SPC001 at column 3


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _wrap_runs(p, tag: str, **attrs):
    """Move the paragraph's runs into a new inline element ``tag`` (w:ins, w:smartTag, w:fldSimple …)."""
    el = OxmlElement(tag, attrs={qn(k): v for k, v in attrs.items()})
    runs = p._p.findall(qn("w:r"))
    runs[0].addprevious(el)
    for r in runs:
        el.append(r)
    return el


def _sdt(inner):
    """Wrap ``inner`` (siblings, in order) in a content control put where the first of them was."""
    sdt = OxmlElement("w:sdt")
    sdt.append(OxmlElement("w:sdtPr"))
    content = OxmlElement("w:sdtContent")
    sdt.append(content)
    inner[0].addprevious(sdt)
    for el in inner:
        content.append(el)
    return sdt


def build(kind: str) -> bytes:
    d = docx.Document()
    d.add_paragraph("前言。")
    p = d.add_paragraph(B)
    if kind == "ins":
        _wrap_runs(p, "w:ins", **{"w:id": "1", "w:author": "张三", "w:date": "2024-01-01T00:00:00Z"})
    elif kind == "smartTag":
        _wrap_runs(p, "w:smartTag", **{"w:uri": "urn:x", "w:element": "date"})
    elif kind == "fldSimple":
        _wrap_runs(p, "w:fldSimple", **{"w:instr": "DOCPROPERTY 标题"})
    elif kind == "sdt-inline":
        runs = p._p.findall(qn("w:r"))
        _sdt(runs)
    elif kind == "sdt-block":
        _sdt([p._p])
    elif kind == "nested":  # an insertion inside a hyperlink inside a content control
        h = _wrap_runs(p, "w:ins", **{"w:id": "2", "w:author": "李四", "w:date": "2024-01-01T00:00:00Z"})
        link = OxmlElement("w:hyperlink")
        h.addprevious(link)
        link.append(h)
        _sdt([link])
    elif kind == "del":  # deleted text is not read
        el = _wrap_runs(p, "w:del", **{"w:id": "3", "w:author": "张三", "w:date": "2024-01-01T00:00:00Z"})
        for t in el.iter(qn("w:t")):
            t.tag = qn("w:delText")
    elif kind == "table-sdt-row":
        t = d.add_table(rows=1, cols=1)
        t.cell(0, 0).text = B
        tr = t._tbl.findall(qn("w:tr"))[0]
        _sdt([tr])
        p.text = "正文。"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def check_json(capsys, *args):
    code = main(["check", *args, "--format", "json", "--select", "SPC"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


@pytest.mark.parametrize("kind", ["ins", "smartTag", "fldSimple", "sdt-inline", "sdt-block", "nested",
                                  "table-sdt-row"])
def test_text_inside_containers_is_read(work, capsys, kind):
    (work / "a.docx").write_bytes(build(kind))
    code, found, _ = check_json(capsys, "a.docx")
    assert code == 1
    assert [(d["rule"], d["line"], d["column"], d["text"]) for d in found][-1:] == [("SPC001", 2 if kind !=
                                                                                     "table-sdt-row" else 3, 3,
                                                                                     "202 2")]


def test_deleted_text_is_not_read(work, capsys):
    (work / "a.docx").write_bytes(build("del"))
    code, found, _ = check_json(capsys, "a.docx")
    assert (code, found) == (0, [])


def test_review_comments_text_in_a_tracked_insertion(work, capsys):
    from lintkit.review import iter_paragraphs, run_text, paragraph_runs

    (work / "a.docx").write_bytes(build("ins"))
    code = main(["review", "a.docx", "--track-changes", "--select", "SPC", "--quiet"])
    assert code == 1
    out = docx.Document(str(work / "a.reviewed.docx"))
    assert len(list(out.comments)) == 1
    # the tracked fix inside the writer's insertion: accepting everything gives the fixed paragraph
    body = out.element.body
    for el in list(body.iter(qn("w:del"))):
        el.getparent().remove(el)
    texts = ["".join(run_text(r) for r in paragraph_runs(p)) for p in iter_paragraphs(out)]
    assert texts[1] == B.replace("202 2", "2022")


# ------------------------------------------------------------------------------------------------- size guard

def bomb(xml_bytes: int) -> bytes:
    """A valid .docx whose document.xml is padded (inside a comment-free run of empty paragraphs) to about
    ``xml_bytes`` uncompressed: a few hundred KB on disk."""
    good = io.BytesIO()
    d = docx.Document()
    d.add_paragraph(B)
    d.save(good)
    src = zipfile.ZipFile(io.BytesIO(good.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                pad = b"<w:p/>" * (xml_bytes // 6)
                data = data.replace(b"<w:body>", b"<w:body>" + pad, 1)
            z.writestr(info.filename, data)
    return out.getvalue()


def test_a_docx_bomb_is_refused_and_the_other_files_checked(work, capsys):
    from lintkit.readers import docx as reader

    data = bomb(reader.MAX_XML_BYTES + 1024)
    assert len(data) < reader.MAX_XML_BYTES // 50
    (work / "bomb.docx").write_bytes(data)
    (work / "ok.txt").write_text(B + "\n", encoding="utf-8")
    code, found, err = check_json(capsys, "bomb.docx", "ok.txt")
    assert code == 2
    assert [(d["path"], d["rule"]) for d in found] == [("bomb.docx", "LNT001"), ("ok.txt", "SPC001")]
    assert "MiB" in found[0]["message"] and "上限" in found[0]["message"]
    assert "bomb.docx" in err


def test_too_many_paragraphs_is_refused(work, capsys, monkeypatch):
    from lintkit.readers import docx as reader

    monkeypatch.setattr(reader, "MAX_PARAGRAPHS", 100)
    (work / "many.docx").write_bytes(bomb(6 * 200))
    code, found, _ = check_json(capsys, "many.docx")
    assert code == 2 and found[0]["rule"] == "LNT001" and "段落太多" in found[0]["message"]


def test_too_much_text_is_refused(work, capsys, monkeypatch):
    from lintkit.readers import docx as reader

    monkeypatch.setattr(reader, "MAX_CHARS", 10)
    (work / "long.docx").write_bytes(build("ins"))
    code, found, _ = check_json(capsys, "long.docx")
    assert code == 2 and found[0]["rule"] == "LNT001" and "字符" in found[0]["message"]


def test_review_refuses_a_bomb_and_reviews_the_rest(work, capsys):
    from lintkit.readers import docx as reader

    (work / "bomb.docx").write_bytes(bomb(reader.MAX_XML_BYTES + 1024))
    (work / "ok.docx").write_bytes(build("ins"))
    code = main(["review", "bomb.docx", "ok.docx", "--select", "SPC"])
    out, err = capsys.readouterr()
    assert code == 2
    assert "bomb.docx" in err and "上限" in err
    assert (work / "ok.reviewed.docx").exists() and not (work / "bomb.reviewed.docx").exists()


def test_vertically_merged_cells_inside_content_controls_read_once(work):
    from lintkit.readers.docx import read_docx

    d = docx.Document()
    t = d.add_table(rows=3, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "甲", "乙"
    t.cell(1, 0).text, t.cell(1, 1).text, t.cell(2, 1).text = "纵向合并", "丙", "丁"
    t.cell(1, 0).merge(t.cell(2, 0))
    _sdt([t._tbl])
    buf = io.BytesIO()
    d.save(buf)
    assert read_docx(buf.getvalue(), "m.docx").text.split("\n") == ["甲", "乙", "纵向合并", "丙", "丁"]


def test_too_many_elements_is_refused_before_parsing(work, capsys, monkeypatch):
    from lintkit.readers import docx as reader

    monkeypatch.setattr(reader, "MAX_ELEMENTS", 50)
    (work / "e.docx").write_bytes(bomb(6 * 100))
    parsed = []
    monkeypatch.setattr(docx, "Document", lambda *a, **k: parsed.append(1))
    code, found, _ = check_json(capsys, "e.docx")
    assert code == 2 and "XML 元素太多" in found[0]["message"] and not parsed
