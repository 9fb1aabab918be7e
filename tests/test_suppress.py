"""Inline suppressions (DESIGN.md §8) in .txt and .md, `[[ignore]]` entries in config, and LNT003."""

from __future__ import annotations

import json

import pytest

from conftest import lint
from lintkit.cli import main

B = "并对202 2年全县妇联工作进行安排部署。"      # SPC001 (error)
C = "西峡县妇联推荐 上报的人选。"                # SPC003 (warning)


def found(text, path="t.txt", select=("SPC", "LNT003")):
    return [(d.rule, d.line) for d in lint(text, list(select), path)]


def lines(*parts, nl="\n"):
    return nl.join(parts) + nl


# ------------------------------------------------------------------------------------------------ verbs

@pytest.mark.parametrize("path", ["t.txt", "t.md"])
def test_ignore_next_line(path):
    assert found(lines("<!-- lintkit: ignore-next-line SPC001 -->", B), path) == []
    # only the named rule, only the next line with content (blank lines skipped)
    assert found(lines("<!-- lintkit: ignore-next-line SPC001 -->", "", B + " 推荐 上报", B), path) == \
        [("SPC002", 3), ("SPC003", 3), ("SPC001", 4)]
    # names and lower-case prefixes work like on the command line
    assert found(lines("<!-- lintkit: ignore-next-line space-inside-number -->", B), path) == []
    assert found(lines("<!-- lintkit: ignore-next-line spc -->", B), path) == []


def test_ignore_next_line_directives_can_be_stacked():
    text = lines("<!-- lintkit: ignore-next-line SPC001 -->", "<!-- lintkit: ignore-next-line SPC003 -->",
                 "并对202 2年推荐 上报")
    assert found(text) == []


def test_disable_enable_ranges():
    text = lines("<!-- lintkit: disable SPC -->", B, B, "<!-- lintkit: enable -->", B)
    assert found(text) == [("SPC001", 5)]
    # without enable: to the end of the file
    assert found(lines(B, "<!-- lintkit: disable SPC001 -->", B, B)) == [("SPC001", 1)]


def test_enable_ends_only_the_selectors_it_names():
    text = lines("<!-- lintkit: disable SPC001,SPC003 -->", B, C, "<!-- lintkit: enable SPC001 -->", B, C,
                 "<!-- lintkit: enable -->", C)
    assert found(text) == [("SPC001", 5), ("SPC003", 8)]
    # a bare disable is not ended by a selective enable (which is then reported: it matches no disable)
    text = lines("<!-- lintkit: disable -->", B, "<!-- lintkit: enable SPC001 -->", B)
    assert found(text) == [("LNT003", 3)]


def test_ignore_file_all_or_some_rules():
    assert found(lines(B, C, "<!-- lintkit: ignore-file -->")) == []
    assert found(lines("<!-- lintkit: ignore-file SPC003 -->", B, C)) == [("SPC001", 2)]


@pytest.mark.parametrize("nl", ["\n", "\r\n", "\r"])
def test_every_line_ending(nl):
    text = lines("<!-- lintkit: ignore-next-line SPC001 -->", "<!--lintkit:ignore-next-line SPC003-->",
                 B + C, nl=nl)
    assert found(text) == []
    assert found(lines("<!-- lintkit: disable -->", B, "<!-- lintkit: enable -->", B, nl=nl)) == [("SPC001", 4)]


def test_directive_lines_are_never_linted():
    # trailing blanks after a directive are not SPC005, a U+3000 indent is allowed
    assert found(lines("<!-- lintkit: ignore-next-line SPC001 -->  ", B)) == []
    assert found(lines("\u3000\u3000<!-- lintkit: ignore-next-line SPC001 -->", B)) == []


def test_directive_in_the_middle_of_a_line_is_not_a_directive():
    assert found(lines(B + "<!-- lintkit: ignore-file -->")) == [("SPC001", 1), ("LNT003", 1)]


# ------------------------------------------------------------------------------------------------ Markdown

def test_markdown_directive_inside_code_is_an_example():
    text = lines("```", "<!-- lintkit: ignore-file -->", "```", B)
    assert found(text, "t.md") == [("SPC001", 4)]
    text = lines("说明：", "", "    <!-- lintkit: ignore-file -->", "", B)
    assert found(text, "t.md") == [("SPC001", 5)]
    # the same line in a .txt file is a directive
    assert found(lines("```", "<!-- lintkit: ignore-file -->", "```", B), "t.txt") == []


def test_markdown_directive_in_a_list_or_quote_is_not_on_a_line_of_its_own():
    assert found(lines("- <!-- lintkit: ignore-file -->", B), "t.md") == [("LNT003", 1), ("SPC001", 2)]


# ------------------------------------------------------------------------------------------------ LNT003

def test_unused_directives_are_lnt003():
    assert found(lines("<!-- lintkit: ignore-next-line SPC003 -->", B)) == [("LNT003", 1), ("SPC001", 2)]
    assert found(lines("<!-- lintkit: ignore-file -->", "干净。")) == [("LNT003", 1)]
    d = [x for x in lint(lines("<!-- lintkit: disable SPC003 -->", B), ["SPC", "LNT003"]) if x.rule == "LNT003"][0]
    assert (d.severity, d.column, d.end_column) == ("info", 1, 33)
    assert d.message == "抑制注释（disable SPC003）没有抑制任何问题"


def test_lnt003_only_when_the_named_rules_ran():
    # SPC003 is not selected in this run: its directive may be needed in another run, so it is not "unused"
    assert found(lines("<!-- lintkit: ignore-next-line SPC003 -->", B), select=("SPC001", "LNT003")) == \
        [("SPC001", 2)]
    # the suppressed finding is still suppressed when LNT003 itself is not selected
    assert found(lines("<!-- lintkit: ignore-next-line SPC001 -->", B), select=("SPC001",)) == []


def test_unknown_rule_and_malformed_directive_are_lnt003():
    got = lint(lines("<!-- lintkit: ignore-next-line SCP001 -->", B), ["SPC", "LNT003"])
    assert [(d.rule, d.message) for d in got][0] == ("LNT003", "抑制注释中有未知的规则：SCP001")
    got = lint(lines("<!-- lintkit: disabel SPC001 -->", B), ["SPC", "LNT003"])
    assert got[0].rule == "LNT003" and got[0].message.startswith("无法识别的抑制注释：<!-- lintkit: disabel SPC001 -->")
    assert [d.rule for d in got] == ["LNT003", "SPC001"]
    assert found(lines("<!-- lintkit: enable -->", B)) == [("LNT003", 1), ("SPC001", 2)]


def test_lnt003_can_be_ignored(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(lines("<!-- lintkit: ignore-next-line SPC003 -->", "干净。"), encoding="utf-8")
    assert main(["check", "a.txt", "--format", "concise", "--fail-on", "info"]) == 1
    assert "LNT003" in capsys.readouterr().out
    assert main(["check", "a.txt", "--format", "concise", "--fail-on", "info", "--ignore", "LNT003"]) == 0


# ------------------------------------------------------------------------------------------------ [[ignore]]

def test_config_ignore_entries(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes").mkdir()
    text = lines(B, C, "主持人 张三")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "notes" / "b.txt").write_text(text, encoding="utf-8")
    (tmp_path / "lintkit.toml").write_text(
        '[[ignore]]\nrule = "SPC003"\ntext = "主持人 张三"\n\n'
        '[[ignore]]\nrule = "space-inside-number"\ntext = "对202 2年"\npath = "notes/*.txt"\n', encoding="utf-8")
    assert main(["check", ".", "--format", "json", "--select", "SPC"]) == 1
    got = [(d["path"], d["rule"], d["text"]) for d in json.loads(capsys.readouterr().out)]
    assert got == [("a.txt", "SPC001", "202 2"), ("a.txt", "SPC003", " "),
                   ("notes/b.txt", "SPC003", " ")]


def test_config_ignore_entry_errors(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(B, encoding="utf-8")
    (tmp_path / "lintkit.toml").write_text('[[ignore]]\nrule = "SPC003"\n', encoding="utf-8")
    assert main(["check", "a.txt"]) == 2
    assert "ignore[0]" in capsys.readouterr().err
    (tmp_path / "lintkit.toml").write_text('[[ignore]]\nrule = "NOPE9"\ntext = "x"\n', encoding="utf-8")
    assert main(["check", "a.txt"]) == 2
    assert "NOPE9" in capsys.readouterr().err


@pytest.mark.parametrize("path", ["t.txt", "t.md"])
def test_directive_after_text_is_lnt003_and_suppresses_nothing(path):
    out = lint(lines(B + "<!-- lintkit: disable SPC001 -->", C), ["SPC", "LNT003"], path)
    assert [(d.rule, d.line) for d in out] == [("SPC001", 1), ("LNT003", 1), ("SPC003", 2)]
    lnt = [d for d in out if d.rule == "LNT003"][0]
    assert "单独占一行" in lnt.message and lnt.text.startswith("<!-- lintkit")
    # in a Markdown code span it is an example
    assert found(lines("写法：`文字<!-- lintkit: disable SPC001 -->`。"), "t.md") == []
