"""Command line: exit codes (DESIGN.md §5), JSON shape (§4), flags (§6), fixes on disk (§9)."""

from __future__ import annotations

import codecs
import io
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS
from lintkit.cli import main

JSON_FIELDS = {"path", "rule", "name", "severity", "message", "line", "column", "end_line", "end_column",
               "offset", "end_offset", "text", "fix"}
EDIT_FIELDS = {"offset", "end_offset", "line", "column", "end_line", "end_column", "content"}
BAD = "并对202 2年全县妇联工作进行安排部署。\n"
GOOD = "西峡县妇联召开2021年度工作总结测评会。\n"


def run(args, capsys, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


# ------------------------------------------------------------------------------------------------ exit codes

def test_exit_0_on_clean_file(work, capsys):
    (work / "a.txt").write_text(GOOD, encoding="utf-8")
    code, out, _ = run(["check", "a.txt"], capsys)
    assert code == 0
    assert "没有发现问题" in out


def test_exit_1_on_error(work, capsys):
    (work / "a.txt").write_text(BAD, encoding="utf-8")
    code, out, _ = run(["check", "a.txt", "--format", "concise"], capsys)
    assert code == 1
    assert "a.txt:1:3: error SPC001" in out


def test_fail_on_and_exit_zero(work, capsys):
    (work / "a.txt").write_text("西峡县妇联推荐 上报的人选。\n", encoding="utf-8")  # SPC003 warning only
    assert run(["check", "a.txt"], capsys)[0] == 0
    assert run(["check", "a.txt", "--fail-on", "warning"], capsys)[0] == 1
    assert run(["check", "a.txt", "--fail-on", "warning", "--exit-zero"], capsys)[0] == 0
    (work / "lintkit.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    assert run(["check", "a.txt"], capsys)[0] == 1
    assert run(["check", "a.txt", "--fail-on", "error"], capsys)[0] == 0  # the flag overrides the config


def test_exit_2_cases(work, capsys):
    (work / "a.txt").write_text(BAD, encoding="utf-8")
    code, out, err = run(["check", "missing.txt"], capsys)
    assert code == 2 and "missing.txt" in err and out == ""
    (work / "empty").mkdir()
    code, _, err = run(["check", "empty"], capsys)
    assert code == 2 and "没有找到可检查的文件" in err
    code, _, err = run(["check", "a.txt", "--select", "NOPE1"], capsys)
    assert code == 2 and "NOPE1" in err
    code, _, err = run(["check", "a.txt", "--format", "xml"], capsys)
    assert code == 2
    code, _, err = run(["frobnicate"], capsys)
    assert code == 2
    (work / "lintkit.toml").write_text('select = ["SPC"]\nfail_on = "warning"\n', encoding="utf-8")
    code, _, err = run(["check", "a.txt"], capsys)
    assert code == 2 and "lintkit.toml" in err and "fail_on" in err and "fail-on" in err
    (work / "lintkit.toml").write_text('fail-on = "fatal"\n', encoding="utf-8")
    code, _, err = run(["check", "a.txt"], capsys)
    assert code == 2 and "fail-on" in err and "fatal" in err
    (work / "lintkit.toml").write_text('select = [\n', encoding="utf-8")
    code, _, err = run(["check", "a.txt"], capsys)
    assert code == 2 and "TOML 格式错误" in err and "Traceback" not in err


def test_missing_path_does_not_stop_other_files(work, capsys):
    (work / "a.txt").write_text(BAD, encoding="utf-8")
    code, out, err = run(["check", "missing.txt", "a.txt", "--format", "json"], capsys)
    assert code == 2
    assert [d["rule"] for d in json.loads(out)] == ["SPC001"]


def test_broken_file_is_lnt001_and_others_still_linted(work, capsys):
    (work / "a.txt").write_text(BAD, encoding="utf-8")
    (work / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (work / "c.txt").write_bytes("正常文本".encode("utf-8") + b"\xff\xfe\xfa")
    code, out, err = run(["check", ".", "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 2
    by_path = {d["path"]: d for d in data}
    assert by_path["b.txt"]["rule"] == "LNT001" and by_path["b.txt"]["line"] == 1
    assert by_path["c.txt"]["rule"] == "LNT001"
    assert by_path["a.txt"]["rule"] == "SPC001"
    assert "Traceback" not in err


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root can read anything")
def test_unreadable_file(work, capsys):
    p = work / "a.txt"
    p.write_text(BAD, encoding="utf-8")
    p.chmod(0)
    try:
        code, out, _ = run(["check", "a.txt", "--format", "json"], capsys)
    finally:
        p.chmod(0o644)
    assert code == 2 and json.loads(out)[0]["rule"] == "LNT001"


def test_directory_named_like_a_file(work, capsys):
    (work / "x.txt").mkdir()
    (work / "x.txt" / "inner.txt").write_text(BAD, encoding="utf-8")
    code, out, _ = run(["check", "x.txt", "--format", "json"], capsys)
    assert code == 1 and json.loads(out)[0]["path"] == "x.txt/inner.txt"


# ------------------------------------------------------------------------------------------------ JSON

def test_json_shape_on_seeds(capsys, monkeypatch):
    monkeypatch.chdir(SEEDS.parent)
    code, out, _ = run(["check", "seeds", "--format", "json", "--no-config", "--select", "SPC"], capsys)
    data = json.loads(out)
    assert code == 1 and data
    for d in data:
        assert set(d) == JSON_FIELDS
        assert d["path"].startswith("seeds/") and "\\" not in d["path"]
        assert d["severity"] in ("error", "warning", "info")
        assert d["line"] >= 1 and d["column"] >= 1
        assert d["end_offset"] >= d["offset"]
        if d["fix"] is not None:
            assert set(d["fix"]) == {"applicability", "message", "edits"}
            for e in d["fix"]["edits"]:
                assert set(e) == EDIT_FIELDS
    keys = [(d["path"], d["offset"], d["rule"]) for d in data]
    assert keys == sorted(keys)
    # text and offsets agree with the file
    first = data[0]
    text = (SEEDS.parent / first["path"]).read_text(encoding="utf-8")
    assert text[first["offset"]:first["end_offset"]] == first["text"]
    assert "\\u" not in out  # not ASCII-escaped


def test_jsonl_matches_json(work, capsys):
    (work / "a.txt").write_text(BAD + "推荐 上报。\n", encoding="utf-8")
    _, out_json, _ = run(["check", "a.txt", "--format", "json"], capsys)
    _, out_jsonl, _ = run(["check", "a.txt", "--format", "jsonl"], capsys)
    assert json.loads(out_json) == [json.loads(line) for line in out_jsonl.splitlines()]


def test_json_columns_count_code_points_with_astral_chars(work, capsys):
    (work / "a.txt").write_text("𠮷𠮷并对202 2年\n", encoding="utf-8")
    _, out, _ = run(["check", "a.txt", "--format", "json"], capsys)
    d = json.loads(out)[0]
    assert (d["line"], d["column"], d["end_column"], d["offset"]) == (1, 5, 10, 4)


def test_empty_json_array_when_clean(work, capsys):
    (work / "a.txt").write_text(GOOD, encoding="utf-8")
    code, out, _ = run(["check", "a.txt", "--format", "json"], capsys)
    assert code == 0 and json.loads(out) == []


# ------------------------------------------------------------------------------------------------ stdin

def test_stdin_with_filename(work, capsys, monkeypatch):
    code, out, _ = run(["check", "-", "--stdin-filename", "draft.txt", "--format", "json"], capsys,
                       stdin=BAD.encode(), monkeypatch=monkeypatch)
    assert code == 1 and json.loads(out)[0]["path"] == "draft.txt"


def test_stdin_default_name(work, capsys, monkeypatch):
    code, out, _ = run(["check", "-", "--format", "json"], capsys, stdin=BAD.encode("gbk"), monkeypatch=monkeypatch)
    assert code == 1 and json.loads(out)[0]["path"] == "-"


def test_stdin_fix_prints_fixed_text(work, capsys, monkeypatch):
    code, out, err = run(["check", "-", "--fix", "--format", "concise"], capsys, stdin=BAD.encode(),
                         monkeypatch=monkeypatch)
    assert out == "并对2022年全县妇联工作进行安排部署。\n"
    assert code == 0


# ------------------------------------------------------------------------------------------------ selection

def test_select_ignore_and_names(work, capsys):
    (work / "a.txt").write_text(BAD + "推荐 上报。\n", encoding="utf-8")

    def rules(*args):
        _, out, _ = run(["check", "a.txt", "--format", "json", *args], capsys)
        return sorted({d["rule"] for d in json.loads(out)})

    assert rules() == ["SPC001", "SPC003"]
    assert rules("--select", "SPC001") == ["SPC001"]
    assert rules("--select", "space-inside-number") == ["SPC001"]
    assert rules("--ignore", "SPC0") == []
    assert rules("--ignore", "SPC", "--extend-select", "SPC003") == ["SPC003"]  # longest prefix wins
    assert rules("--select", "SPC", "--ignore", "stray-space") == ["SPC001"]


def test_config_select_and_cli_override(work, capsys):
    (work / "a.txt").write_text(BAD + "推荐 上报。\n", encoding="utf-8")
    (work / "lintkit.toml").write_text('ignore = ["SPC001"]\n', encoding="utf-8")
    _, out, _ = run(["check", "a.txt", "--format", "json"], capsys)
    assert [d["rule"] for d in json.loads(out)] == ["SPC003"]
    _, out, _ = run(["check", "a.txt", "--format", "json", "--select", "SPC"], capsys)
    assert [d["rule"] for d in json.loads(out)] == ["SPC001", "SPC003"]
    _, out, _ = run(["check", "a.txt", "--format", "json", "--no-config"], capsys)
    assert [d["rule"] for d in json.loads(out)] == ["SPC001", "SPC003"]


def test_statistics(work, capsys):
    (work / "a.txt").write_text(BAD * 3, encoding="utf-8")
    code, out, _ = run(["check", "a.txt", "--statistics", "--format", "concise"], capsys)
    assert code == 1 and out.split() == ["3", "SPC001", "space-inside-number", "[*]"]


# ------------------------------------------------------------------------------------------------ fixes on disk

def test_fix_writes_and_keeps_gbk_bom_crlf_mode(work, capsys):
    gbk = work / "gbk.txt"
    gbk.write_bytes(("并对202 2年工作进行部署。\r\n第二行 。\r\n").encode("gbk"))
    bom = work / "bom.txt"
    bom.write_bytes(codecs.BOM_UTF8 + "并对202 2年工作。\r第二行\r".encode("utf-8"))
    u16 = work / "u16.txt"
    u16.write_bytes(codecs.BOM_UTF16_LE + "并对202 2年工作。\n".encode("utf-16-le"))
    gbk.chmod(0o640)
    code, _, _ = run(["check", ".", "--fix", "--format", "concise"], capsys)
    assert code == 0
    assert gbk.read_bytes() == "并对2022年工作进行部署。\r\n第二行。\r\n".encode("gbk")
    assert stat.S_IMODE(gbk.stat().st_mode) == 0o640
    assert bom.read_bytes() == codecs.BOM_UTF8 + "并对2022年工作。\r第二行\r".encode("utf-8")
    assert u16.read_bytes() == codecs.BOM_UTF16_LE + "并对2022年工作。\n".encode("utf-16-le")
    assert not [p for p in work.iterdir() if "lintkit-tmp" in p.name]


def test_fix_reports_remaining_and_exit_non_zero_on_fix(work, capsys):
    a = work / "a.txt"
    a.write_text(BAD, encoding="utf-8")
    code, out, _ = run(["check", "a.txt", "--fix", "--exit-non-zero-on-fix"], capsys)
    assert code == 1 and "已修复 1 处" in out
    code, _, _ = run(["check", "a.txt", "--fix", "--exit-non-zero-on-fix"], capsys)
    assert code == 0  # nothing left to change


def test_unsafe_fixes_only_with_flag(work, capsys):
    a = work / "a.txt"
    a.write_text("出席：张三 李四\n", encoding="utf-8")  # two short words: an unsafe fix only
    run(["check", "a.txt", "--fix"], capsys)
    assert a.read_text(encoding="utf-8") == "出席：张三 李四\n"
    run(["check", "a.txt", "--fix", "--unsafe-fixes"], capsys)
    assert a.read_text(encoding="utf-8") == "出席：张三李四\n"


def test_diff_writes_nothing(work, capsys):
    a = work / "a.txt"
    a.write_text(BAD, encoding="utf-8")
    code, out, err = run(["check", "a.txt", "--diff"], capsys)
    assert code == 1
    assert "-并对202 2年" in out and "+并对2022年" in out and out.startswith("--- a/a.txt")
    assert a.read_text(encoding="utf-8") == BAD
    a.write_text(GOOD, encoding="utf-8")
    assert run(["check", "a.txt", "--diff"], capsys)[0] == 0


def test_fix_follows_symlink_target(work, capsys):
    target = work / "real.txt"
    target.write_text(BAD, encoding="utf-8")
    link = work / "link.txt"
    link.symlink_to(target)
    run(["check", "link.txt", "--fix"], capsys)
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "并对2022年全县妇联工作进行安排部署。\n"


def test_fix_on_seed_copy_keeps_everything_but_spaces(work, capsys):
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, work / p.name)
    run(["check", ".", "--fix", "--select", "SPC", "--format", "concise"], capsys)
    for p in SEEDS.glob("*.txt"):
        before = p.read_text(encoding="utf-8")
        after = (work / p.name).read_text(encoding="utf-8")
        assert "".join(before.split()) == "".join(after.split())
        assert before.count("\n") == after.count("\n")


def test_docx_is_read_but_never_rewritten(work, capsys):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("并对202 2年全县妇联工作进行安排部署。")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "西峡县妇联推荐 上报"
    table.cell(0, 1).text = "正常"
    d.save(work / "a.docx")
    before = (work / "a.docx").read_bytes()
    code, out, err = run(["check", "a.docx", "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 1 and [(x["rule"], x["line"]) for x in data] == [("SPC001", 1), ("SPC003", 2)]
    code, out, err = run(["check", "a.docx", "--fix", "--format", "concise"], capsys)
    assert (work / "a.docx").read_bytes() == before
    assert ".docx" in err


# ------------------------------------------------------------------------------------------------ other commands

def test_rule_command_shows_docs(capsys):
    code, out, _ = run(["rule", "SPC001"], capsys)
    assert code == 0
    for section in ("为什么", "错误示例", "正确写法", "依据", "修复"):
        assert section in out
    code, out, _ = run(["rule", "space-inside-number", "--format", "json"], capsys)
    assert json.loads(out)["id"] == "SPC001"
    code, out, _ = run(["rule", "--all"], capsys)
    assert "SPC005" in out and "LNT001" in out
    code, _, err = run(["rule", "XYZ999"], capsys)
    assert code == 2 and "XYZ999" in err


def test_rules_command(capsys):
    code, out, _ = run(["rules", "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 0
    ids = [r["id"] for r in data]
    assert {"SPC001", "SPC002", "SPC003", "SPC004", "SPC005"} <= set(ids)
    assert all({"id", "name", "family", "severity", "fix"} <= set(r) for r in data)


def test_config_command(work, capsys):
    (work / "pyproject.toml").write_text('[tool.lintkit]\nignore = ["SPC005"]\n', encoding="utf-8")
    code, out, _ = run(["config", "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["ignore"] == ["SPC005"]
    assert data["origins"]["ignore"].endswith("pyproject.toml")
    assert data["origins"]["fail-on"] == "default"
    assert "SPC005" not in data["enabled_rules"]


def test_version_and_entry_point():
    out = subprocess.run([sys.executable, "-m", "lintkit", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("lintkit ")
    exe = shutil.which("lintkit", path=str(Path(sys.executable).parent))
    assert exe is not None
    res = subprocess.run([exe, "check", str(SEEDS), "--format", "json", "--select", "SPC001"],
                         capture_output=True)
    assert res.returncode == 1 and json.loads(res.stdout.decode("utf-8"))


def test_parallel_jobs_give_the_same_output(work, capsys):
    for i in range(20):
        (work / f"d{i:02d}.txt").write_text(BAD * (i % 3 + 1) + "推荐 上报的人选。\n", encoding="utf-8")
    _, serial, _ = run(["check", ".", "--format", "json", "--jobs", "1"], capsys)
    _, parallel, _ = run(["check", ".", "--format", "json", "--jobs", "2"], capsys)
    _, default, _ = run(["check", ".", "--format", "json"], capsys)
    assert serial == parallel == default
    assert len(json.loads(serial)) == sum(i % 3 + 1 for i in range(20)) + 20


def test_concise_reports_fixed_count(work, capsys):
    (work / "a.txt").write_text(BAD * 2, encoding="utf-8")
    code, out, _ = run(["check", "a.txt", "--fix", "--format", "concise"], capsys)
    assert code == 0 and "已修复 2 处。" in out
    (work / "a.txt").write_text(BAD * 2, encoding="utf-8")
    code, out, _ = run(["check", "a.txt", "--fix", "--format", "concise", "--lang", "en"], capsys)
    assert code == 0 and "Fixed 2 problems." in out


def test_quiet_and_json_statistics(work, capsys):
    (work / "a.txt").write_text(BAD * 2, encoding="utf-8")
    (work / "b.txt").write_text(GOOD, encoding="utf-8")
    code, out, _ = run(["check", "b.txt", "--quiet"], capsys)
    assert code == 0 and out == ""
    code, out, _ = run(["check", "a.txt", "--quiet", "--format", "concise"], capsys)
    assert code == 1 and len(out.splitlines()) == 2 and "Found" not in out
    code, out, _ = run(["check", "a.txt", "--quiet"], capsys)
    assert "共" not in out and "SPC001" in out
    code, out, _ = run(["check", "a.txt", "--statistics", "--format", "json"], capsys)
    assert json.loads(out) == [{"rule": "SPC001", "name": "space-inside-number", "count": 2, "fixable": 2}]


# ------------------------------------------------------------------------------------------------ review findings

def test_fix_with_diff_writes_nothing(work, capsys):
    a = work / "a.txt"
    a.write_text(BAD, encoding="utf-8")
    code, out, err = run(["check", "a.txt", "--fix", "--diff"], capsys)
    assert code == 1 and "+并对2022年" in out
    assert a.read_text(encoding="utf-8") == BAD


def test_diff_exit_codes_follow_the_contract(work, capsys):
    u = work / "u.txt"
    u.write_text("2023年2月30日召开会议。\n", encoding="utf-8")  # an error without a fix
    assert run(["check", "u.txt", "--diff"], capsys)[0] == 1
    a = work / "a.txt"
    a.write_text(BAD, encoding="utf-8")
    assert run(["check", "a.txt", "--diff", "--exit-zero"], capsys)[0] == 0
    code, _, err = run(["check", "a.txt", "--diff", "--baseline", "b.json", "--update-baseline"], capsys)
    assert code == 2 and "--diff" in err


def test_diff_is_a_valid_patch_with_form_feeds(work, capsys):
    f = work / "f.txt"
    f.write_text("第一行\x0c今年202 2年。\n第二行。\n", encoding="utf-8")
    _, out, _ = run(["check", "f.txt", "--diff"], capsys)
    assert out.count("\n-") == 1 and out.count("\n+") == 2  # one changed line (and the +++ header)
    assert "-第一行\x0c今年202 2年。\n+第一行\x0c今年2022年。\n" in out


def test_lowercase_and_empty_selectors(work, capsys):
    (work / "a.txt").write_text(BAD, encoding="utf-8")
    code, out, _ = run(["check", "a.txt", "--select", "spc001", "--format", "json"], capsys)
    assert code == 1 and [d["rule"] for d in json.loads(out)] == ["SPC001"]
    code, out, _ = run(["check", "a.txt", "--ignore", "spc", "--format", "json"], capsys)
    assert code == 0 and json.loads(out) == []
    code, _, err = run(["check", "a.txt", "--select", ""], capsys)
    assert code == 2 and "--select" in err


def test_code_2_says_why_on_stderr(work, capsys):
    (work / "bad.txt").write_bytes(b"abc\x00def")
    code, out, err = run(["check", "bad.txt", "--format", "json"], capsys)
    assert code == 2 and "bad.txt" in err and "NUL" in err


def test_force_exclude_applies_to_named_files(work, capsys):
    (work / "archive").mkdir()
    (work / "archive" / "old.txt").write_text(BAD, encoding="utf-8")
    (work / "lintkit.toml").write_text('exclude = ["archive/**"]\n', encoding="utf-8")
    assert run(["check", "archive/old.txt"], capsys)[0] == 1  # named explicitly: linted
    code, out, _ = run(["check", "archive/old.txt", "--force-exclude", "--format", "json"], capsys)
    assert code == 0 and json.loads(out) == []
    assert run(["check", "."], capsys)[0] == 2  # the directory walk excludes it: no input file


def test_output_refuses_to_overwrite_an_input(work, capsys):
    a = work / "报告.txt"
    a.write_text(BAD, encoding="utf-8")
    code, _, err = run(["check", "报告.txt", "-o", "报告.txt"], capsys)
    assert code == 2 and "拒绝覆盖" in err and a.read_text(encoding="utf-8") == BAD


def test_output_to_a_pipe_or_device_writes_into_it(work, capsys):
    # `-o /dev/null` or `-o fifo` must write into the device or pipe, never replace it with a regular file
    import threading

    (work / "a.txt").write_text(BAD, encoding="utf-8")
    fifo = work / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    code, _, _ = run(["check", "a.txt", "-o", "pipe", "--format", "json"], capsys)
    reader.join(timeout=30)
    assert code == 1 and stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert json.loads(received[0].decode("utf-8"))[0]["rule"] == "SPC001"
    assert not [p for p in work.iterdir() if p.name.startswith(".lintkit-")]  # no temporary file left


def test_output_through_a_symlink_writes_the_target(work, capsys):
    (work / "a.txt").write_text(BAD, encoding="utf-8")
    (work / "reports").mkdir()
    (work / "reports" / "r.json").write_text("old", encoding="utf-8")
    (work / "latest.json").symlink_to(work / "reports" / "r.json")
    code, _, _ = run(["check", "a.txt", "-o", "latest.json", "--format", "json"], capsys)
    assert code == 1 and (work / "latest.json").is_symlink()
    assert json.loads((work / "reports" / "r.json").read_text(encoding="utf-8"))[0]["rule"] == "SPC001"


def test_stdin_fix_keeps_encoding_and_echoes_unreadable_input(work, capsys, monkeypatch):
    gbk = "今年202 2年。\n".encode("gb18030")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(gbk)))
    out = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out, encoding="utf-8"))
    code = main(["check", "-", "--fix", "--exit-non-zero-on-fix"])
    sys.stdout.flush()
    assert out.getvalue() == "今年2022年。\n".encode("gb18030") and code == 1
    broken = b"\x81\x20\x81\x20abc\xff\xff"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(broken)))
    out2 = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out2, encoding="utf-8"))
    code = main(["check", "-", "--fix"])
    sys.stdout.flush()
    assert code == 2 and out2.getvalue() == broken  # the input is passed through, the report is on stderr


def test_ignore_entries_stay_linear(work, capsys):
    (work / "big.txt").write_text("第一行 。\n" * 20000, encoding="utf-8")
    (work / "ig.toml").write_text('[[ignore]]\nrule = "SPC002"\ntext = "不存在的文字"\n', encoding="utf-8")
    code, out, _ = run(["check", "big.txt", "--config", "ig.toml", "--statistics", "--format", "json"], capsys)
    assert json.loads(out)[0]["count"] == 20000
