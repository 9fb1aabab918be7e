"""Baseline (DESIGN.md §8): ``--baseline FILE`` reports only new findings; ``--update-baseline`` writes FILE; the
key (path, rule, hash of the text and its in-line context) survives moved lines."""

from __future__ import annotations

import json

import pytest

from lintkit.baseline import Baseline, context, fingerprint
from lintkit.cli import main

A = "并对202 2年全县妇联工作进行安排部署。\n西峡县妇联推荐 上报的人选。\n"


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(capsys, *args):
    code = main(["check", *args, "--format", "json", "--select", "SPC"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def test_update_then_check_reports_nothing(work, capsys):
    (work / "a.txt").write_text(A, encoding="utf-8")
    code, found, _ = check(capsys, "a.txt")
    assert code == 1 and {d["rule"] for d in found} == {"SPC001", "SPC003"}
    code, found, err = check(capsys, "a.txt", "--baseline", "b.json", "--update-baseline")
    assert code == 0 and found == []
    assert "记录了 1 个文件的 2 个问题" in err
    data = json.loads((work / "b.json").read_text(encoding="utf-8"))
    assert data["lintkit-baseline"] == 1
    assert [(f["path"], f["rule"], f["count"], f["text"]) for f in data["findings"]] == [
        ("a.txt", "SPC001", 1, "202 2"), ("a.txt", "SPC003", 1, " ")]
    code, found, err = check(capsys, "a.txt", "--baseline", "b.json")
    assert code == 0 and found == []
    assert "2 个已知问题未显示" in err


def test_survives_moved_and_inserted_lines_but_reports_new_ones(work, capsys):
    (work / "a.txt").write_text(A, encoding="utf-8")
    check(capsys, "a.txt", "--baseline", "b.json", "--update-baseline")
    first, second = A.splitlines()
    # lines swapped, text inserted above and between, line endings changed to CRLF
    moved = "标题\r\n\r\n" + second + "\r\n另起一段，内容不同。\r\n" + first + "\r\n"
    (work / "a.txt").write_bytes(moved.encode("utf-8"))
    code, found, _ = check(capsys, "a.txt", "--baseline", "b.json")
    assert (code, found) == (0, [])
    # a new finding, and a second copy of a baselined one, are reported
    (work / "a.txt").write_text(A + "共有1 5个单位参加。\n" + first + "\n", encoding="utf-8")
    code, found, _ = check(capsys, "a.txt", "--baseline", "b.json")
    assert code == 1
    assert [(d["rule"], d["line"], d["text"]) for d in found] == [("SPC001", 3, "1 5"), ("SPC001", 4, "202 2")]


def test_changed_context_is_a_new_finding(work, capsys):
    (work / "a.txt").write_text(A, encoding="utf-8")
    check(capsys, "a.txt", "--baseline", "b.json", "--update-baseline")
    (work / "a.txt").write_text(A.replace("并对", "并且对"), encoding="utf-8")  # within 8 characters of the span
    code, found, err = check(capsys, "a.txt", "--baseline", "b.json")
    assert code == 1 and [d["text"] for d in found] == ["202 2"]
    assert "记录的 1 个问题已不再出现" in err


def test_fixed_findings_are_stale_and_update_drops_them(work, capsys):
    (work / "a.txt").write_text(A, encoding="utf-8")
    check(capsys, "a.txt", "--baseline", "b.json", "--update-baseline")
    (work / "a.txt").write_text(A.replace("202 2", "2022"), encoding="utf-8")
    code, found, err = check(capsys, "a.txt", "--baseline", "b.json")
    assert code == 0 and found == []
    assert "记录的 1 个问题已不再出现" in err
    check(capsys, "a.txt", "--baseline", "b.json", "--update-baseline")
    rules = [f["rule"] for f in json.loads((work / "b.json").read_text(encoding="utf-8"))["findings"]]
    assert rules == ["SPC003"]


def test_update_keeps_entries_of_files_not_checked(work, capsys):
    (work / "a.txt").write_text(A, encoding="utf-8")
    (work / "b.txt").write_text(A, encoding="utf-8")
    check(capsys, "a.txt", "b.txt", "--baseline", "base.json", "--update-baseline")
    (work / "a.txt").write_text("干净的一行。\n", encoding="utf-8")
    check(capsys, "a.txt", "--baseline", "base.json", "--update-baseline")
    paths = [f["path"] for f in json.loads((work / "base.json").read_text(encoding="utf-8"))["findings"]]
    assert paths == ["b.txt", "b.txt"]


def test_paths_are_relative_to_the_baseline_file(work, capsys, monkeypatch):
    (work / "docs").mkdir()
    (work / "docs" / "a.txt").write_text(A, encoding="utf-8")
    check(capsys, "docs", "--baseline", "lintkit-baseline.json", "--update-baseline")
    monkeypatch.chdir(work / "docs")  # the same files, seen from another directory
    code, found, _ = check(capsys, "a.txt", "--baseline", "../lintkit-baseline.json")
    assert (code, found) == (0, [])


def test_usage_errors_exit_2(work, capsys):
    (work / "a.txt").write_text(A, encoding="utf-8")
    assert main(["check", "a.txt", "--baseline", "missing.json"]) == 2
    assert "missing.json: baseline file not found" in capsys.readouterr().err
    assert main(["check", "a.txt", "--update-baseline"]) == 2
    assert "--update-baseline 需要 --baseline" in capsys.readouterr().err
    (work / "bad.json").write_text("[1, 2]", encoding="utf-8")
    assert main(["check", "a.txt", "--baseline", "bad.json"]) == 2
    assert "bad.json: not a lintkit baseline" in capsys.readouterr().err
    (work / "bad.json").write_text('{"lintkit-baseline": 1, "findings": [{"path": "a.txt"}]}', encoding="utf-8")
    assert main(["check", "a.txt", "--baseline", "bad.json"]) == 2
    assert "findings[0]" in capsys.readouterr().err


def test_unreadable_files_are_never_baselined(work, capsys):
    (work / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    code = main(["check", "bad.txt", "--baseline", "b.json", "--update-baseline", "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 2 and [d["rule"] for d in out] == ["LNT001"]
    assert json.loads((work / "b.json").read_text(encoding="utf-8"))["findings"] == []


def test_context_is_clipped_to_the_line_and_bounded():
    text = "第一行结尾\n开头错误在这里\n下一行"
    start = text.index("开头")
    assert context(text, start, start + 2) == ("", "错误在这里")
    long = "字" * 1_000_000
    assert context(long, 500_000, 500_001) == ("字" * 8, "字" * 8)
    assert fingerprint("R", "x", "a\r\n", "") == fingerprint("R", "x", "a\n", "")


def test_baseline_api_multiset_counts(tmp_path):
    b = Baseline(tmp_path / "b.json")
    assert b.counts == {}
    b.save()
    assert Baseline.load(tmp_path / "b.json").counts == {}
