""".docx input (DESIGN.md §9): paragraphs and table cells read with python-docx (imported only for .docx),
positions are paragraph/column, and --fix never rewrites a .docx (one notice for the run)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from lintkit.cli import main

docx = pytest.importorskip("docx")

B = "并对202 2年全县妇联工作进行安排部署。"  # SPC001


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def make_docx(path, paragraphs=(), table=None, vmerge=False, soft_break=None):
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    if soft_break:
        p = d.add_paragraph(soft_break[0])
        p.add_run().add_break()
        p.add_run(soft_break[1])
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for i, row in enumerate(table):
            for j, value in enumerate(row):
                if value is not None:
                    t.cell(i, j).text = value
        if vmerge:
            t.cell(1, 0).merge(t.cell(2, 0))
    d.save(path)
    return path


def check_json(capsys, *args):
    code = main(["check", *args, "--format", "json", "--select", "SPC"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def test_paragraphs_and_cells_are_lines(work, capsys):
    make_docx(work / "a.docx", ["标题", "", B], table=[["单位", "情况"], ["县妇联", B]])
    code, found, _ = check_json(capsys, "a.docx")
    assert code == 1
    # paragraph 3 of the body; then the table's cells in order: 单位, 情况, 县妇联, B → paragraph 7
    assert [(d["rule"], d["line"], d["column"], d["text"]) for d in found] == [
        ("SPC001", 3, 3, "202 2"), ("SPC001", 7, 3, "202 2")]
    assert found[0]["fix"] is not None  # the fix is reported (for editors), just never written


def test_merged_cells_are_read_once(work):
    from lintkit.readers.docx import read_docx

    make_docx(work / "m.docx", table=[["甲", "乙"], ["纵向合并", "丙"], [None, "丁"]], vmerge=True)
    doc = read_docx((work / "m.docx").read_bytes(), "m.docx")
    assert doc.text.split("\n").count("纵向合并") == 1
    assert doc.text.split("\n") == ["甲", "乙", "纵向合并", "丙", "丁"]


def test_soft_line_break_is_not_a_stray_space(work, capsys):
    make_docx(work / "b.docx", soft_break=("西峡县妇联推荐", "上报的人选。"))
    code, found, _ = check_json(capsys, "b.docx")
    assert (code, found) == (0, [])
    # the same text with a real space is reported
    make_docx(work / "c.docx", ["西峡县妇联推荐 上报的人选。"])
    code, found, _ = check_json(capsys, "c.docx")
    assert [d["rule"] for d in found] == ["SPC003"]


def test_fix_skips_docx_with_one_notice(work, capsys):
    a = make_docx(work / "a.docx", [B])
    b = make_docx(work / "b.docx", [B])
    (work / "c.txt").write_text(B + "\n", encoding="utf-8")
    before = a.read_bytes(), b.read_bytes()
    code = main(["check", ".", "--fix", "--format", "concise", "--select", "SPC"])
    out, err = capsys.readouterr()
    assert (a.read_bytes(), b.read_bytes()) == before
    assert (work / "c.txt").read_text(encoding="utf-8") == B.replace("202 2", "2022") + "\n"
    notices = [line for line in err.splitlines() if ".docx" in line]
    assert len(notices) == 1 and "a.docx, b.docx" in notices[0]
    assert code == 1  # the .docx findings remain
    assert out.count("SPC001") == 2


def test_broken_docx_is_lnt001(work, capsys):
    (work / "x.docx").write_bytes(b"PK\x03\x04 not really a zip")
    code, found, _ = check_json(capsys, "x.docx")
    assert code == 2 and [d["rule"] for d in found] == ["LNT001"]
    assert "不是可读取的 .docx 文件" in found[0]["message"]


def test_missing_python_docx_is_a_clear_lnt001(work, capsys, monkeypatch):
    make_docx(work / "a.docx", [B])
    monkeypatch.setitem(sys.modules, "docx", None)  # import docx → ImportError
    code, found, _ = check_json(capsys, "a.docx")
    assert code == 2 and "pip install 'lintkit[docx]'" in found[0]["message"]


def test_directories_include_docx_but_not_word_lock_files(work, capsys):
    (work / "d").mkdir()
    make_docx(work / "d" / "a.docx", [B])
    (work / "d" / "~$a.docx").write_bytes(b"lock")
    code, found, _ = check_json(capsys, "d")
    assert [d["path"] for d in found] == ["d/a.docx"]


def test_python_docx_is_imported_only_for_docx(work):
    (work / "a.txt").write_text(B + "\n", encoding="utf-8")
    make_docx(work / "a.docx", [B])
    probe = ("import sys; from lintkit.cli import main; main(['check', sys.argv[1], '--format', 'json']); "
             "sys.stderr.write('DOCX=%s' % ('docx' in sys.modules))")
    txt = subprocess.run([sys.executable, "-c", probe, "a.txt"], capture_output=True, text=True, cwd=work)
    assert "DOCX=False" in txt.stderr
    dx = subprocess.run([sys.executable, "-c", probe, "a.docx"], capture_output=True, text=True, cwd=work)
    assert "DOCX=True" in dx.stderr
