"""``--format github``: workflow-command annotations with GitHub's escaping, and a summary (DESIGN.md §4–6)."""

from __future__ import annotations

import io
import os

import pytest

from conftest import ROOT
from intpack import SAMPLE, SAMPLE_NAME, report_for
from lintkit.cli import main
from lintkit.output import github_format

EXPECTED = ROOT / "tests" / "expected" / "github.txt"


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def render(report) -> str:
    buf = io.StringIO()
    github_format.render(report, buf)
    return buf.getvalue()


def test_matches_stored_expected_output(work):
    (work / SAMPLE_NAME).write_text(SAMPLE, encoding="utf-8")
    (work / "clean.txt").write_text("请提供账号。\n", encoding="utf-8")
    out = render(report_for([SAMPLE_NAME, "clean.txt"]))
    if os.environ.get("LINTKIT_UPDATE_EXPECTED"):
        EXPECTED.write_text(out, encoding="utf-8")
    assert out == EXPECTED.read_text(encoding="utf-8")


def test_escaping_follows_the_runner():
    assert github_format.escape_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e"
    assert github_format.escape_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce"


def test_annotation_shapes(work):
    (work / SAMPLE_NAME).write_text(SAMPLE, encoding="utf-8")
    lines = render(report_for([SAMPLE_NAME])).splitlines()
    err, warn, note, summary = lines
    # the file name's comma and colon are escaped; columns count code points (𠮷 is one column)
    assert err.startswith("::error file=报告%2C草稿%3A一.txt,line=1,col=5,endColumn=7,title=TST001::")
    # the message's newline and percent sign are escaped; commas and colons in the message are not
    assert warn.endswith("::半角“%25”：请改为全角，例如 5％,%0A或写“百分之五”")
    assert warn.startswith("::warning ")
    # info is a notice; a span over two lines has endLine and no columns
    assert note == "::notice file=报告%2C草稿%3A一.txt,line=2,endLine=3,title=TST003::书名号跨行"
    assert summary == "lintkit: 共 3 个问题（错误 1，警告 1，提示 1），检查了 1 个文件。其中 1 个可以用 --fix 自动修复。"
    for line in lines[:3]:
        assert "\n" not in line and "\r" not in line


def test_step_summary_is_appended(work, monkeypatch):
    (work / SAMPLE_NAME).write_text(SAMPLE, encoding="utf-8")
    target = work / "summary.md"
    target.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    render(report_for([SAMPLE_NAME]))
    text = target.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n### lintkit\n")
    assert "| TST001 | account-spelling | 1 | 1 |" in text


def test_cli_github_format_and_exit_codes(work, capsys):
    (work / "a.txt").write_text("并对202 2年全县妇联工作进行安排部署。\n", encoding="utf-8")
    (work / "b.txt").write_text("西峡县妇联召开2021年度工作总结测评会。\n", encoding="utf-8")
    code = main(["check", "a.txt", "--format", "github", "--select", "SPC001"])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out[0] == "::error file=a.txt,line=1,col=3,endColumn=8,title=SPC001::数字“202 2”中间有空格"
    assert out[-1].startswith("lintkit: 共 1 个问题（错误 1），检查了 1 个文件。")
    assert main(["check", "b.txt", "--format", "github"]) == 0
    assert capsys.readouterr().out == "lintkit: 没有发现问题（检查了 1 个文件）。\n"
