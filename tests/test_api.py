"""The public API for archives: ``lintkit.check_bytes`` (the CLI's readers on bytes) and ``lintkit.Config`` (a
configuration built in code, validated by the configuration file's own code)."""

from __future__ import annotations

import json
import pickle

import pytest

import lintkit
from conftest import ROOT, SEEDS, corpus_paths
from lintkit.cli import main

BAD = "并对202 2年全县妇联工作进行安排部署 。推荐 上报。\n"


def _cli_json(args, capsys):
    code = main(["check", "--format", "json", "--no-cache", *args])
    out, _ = capsys.readouterr()
    return code, json.loads(out)


def test_check_bytes_equals_the_cli_on_seeds_and_fixtures(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    paths = [p.relative_to(ROOT).as_posix() for p in corpus_paths()]
    _, expected = _cli_json(["--no-config", *paths], capsys)
    got = [d.to_dict() for p in paths for d in lintkit.check_bytes((ROOT / p).read_bytes(), p)]
    assert got == expected and len(got) > 500


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_check_bytes_decodes_like_the_cli(encoding):
    diags = lintkit.check_bytes(BAD.encode(encoding), "a.txt")
    assert [d.rule for d in diags] == ["SPC001", "SPC002", "SPC003"]


def test_check_bytes_reads_markdown_and_docx(tmp_path):
    md = "# 标题\n\n`202 2` 是代码；正文202 2年。\n".encode()
    assert [(d.rule, d.text) for d in lintkit.check_bytes(md, "a.md")] == [("SPC001", "202 2")]
    assert [d.offset for d in lintkit.check_bytes(md, "a.md")] == [len("# 标题\n\n`202 2` 是代码；正文")]
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("并对202 2年全县妇联工作进行安排部署。")
    d.save(tmp_path / "a.docx")
    diags = lintkit.check_bytes((tmp_path / "a.docx").read_bytes(), "报告.docx")
    assert [(d.path, d.rule, d.line, d.column) for d in diags] == [("报告.docx", "SPC001", 1, 3)]


def test_undecodable_bytes_are_lnt001():
    diags = lintkit.check_bytes(b"\x00\x01\x02binary\xff" * 20, "x.txt")
    assert [d.rule for d in diags] == ["LNT001"]


def test_config_in_code_equals_the_same_keys_in_a_file(tmp_path):
    (tmp_path / "lintkit.toml").write_text(
        'select = ["SPC", "PUN"]\nignore = ["SPC003"]\nfail-on = "warning"\n[severity]\nSPC001 = "info"\n'
        '[rules.SPC003]\nprofile = "latin-spacing"\n[per-file-ignores]\n"b*.txt" = ["SPC002"]\n', encoding="utf-8")
    cfg = lintkit.Config(select=["SPC", "PUN"], ignore=["SPC003"], fail_on="warning", severity={"SPC001": "info"},
                         rules={"SPC003": {"profile": "latin-spacing"}}, per_file_ignores={"b*.txt": ["SPC002"]},
                         root=tmp_path)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(BAD, encoding="utf-8")
    from_file = lintkit.check_paths([str(tmp_path)], config=str(tmp_path / "lintkit.toml"))
    from_code = lintkit.check_paths([str(tmp_path)], config=cfg)
    assert from_code == from_file
    assert [(d.path[-5:], d.rule, d.severity) for d in from_code] == [
        ("a.txt", "SPC001", "info"), ("a.txt", "SPC002", "error"), ("b.txt", "SPC001", "info")]
    by_bytes = [d for name in ("a.txt", "b.txt")
                for d in lintkit.check_bytes(BAD.encode(), str(tmp_path / name), config=cfg)]
    assert by_bytes == from_file


def test_config_from_mapping_takes_the_file_spelling():
    cfg = lintkit.Config.from_mapping({"extend-select": ["SPC005"], "ignore": ["SPC001"]})
    assert cfg == lintkit.Config(extend_select=["SPC005"], ignore=["SPC001"])
    assert [d.rule for d in lintkit.check_bytes("并对202 2年 \n".encode(), "a.txt", config=cfg)] == ["SPC005"]


@pytest.mark.parametrize("keys, file_text, message", [
    ({"select": ["XYZ999"]}, 'select = ["XYZ999"]', "key 'select': unknown rule id or name 'XYZ999'"),
    ({"fail_on": "fatal"}, 'fail-on = "fatal"', "key 'fail-on': expected one of error, warning, info, got 'fatal'"),
    ({"rules": {"SPC003": {"profile": 3}}}, "[rules.SPC003]\nprofile = 3", "key 'rules.SPC003.profile': expected"),
    ({"selekt": ["SPC"]}, 'selekt = ["SPC"]', "unknown key 'selekt'"),
    ({"ignore": [{"rule": "SPC003"}]}, '[[ignore]]\nrule = "SPC003"', "key 'ignore[0]': expected string fields"),
])
def test_config_is_validated_like_a_file(tmp_path, keys, file_text, message, monkeypatch):
    from lintkit.output import lang

    monkeypatch.setattr(lang, "_current", "en")
    (tmp_path / "lintkit.toml").write_text(file_text + "\n", encoding="utf-8")
    with pytest.raises(lintkit.ConfigError) as from_file:
        lintkit.check_paths([str(SEEDS)], config=str(tmp_path / "lintkit.toml"))
    with pytest.raises(lintkit.ConfigError) as from_code:
        lintkit.Config(**keys)
    assert message in str(from_code.value)
    assert str(from_code.value).replace("lintkit.Config", "") == \
        str(from_file.value).replace(str(tmp_path / "lintkit.toml"), "")


def test_config_is_a_picklable_value():
    cfg = lintkit.Config(select=("SPC",), rules={"SPC003": {"profile": "latin-spacing"}})
    assert pickle.loads(pickle.dumps(cfg)) == cfg and hash(cfg) == hash(lintkit.Config(
        select=["SPC"], rules={"SPC003": {"profile": "latin-spacing"}}))
    assert cfg.as_dict() == {"select": ["SPC"], "rules": {"SPC003": {"profile": "latin-spacing"}}}
