"""CON — consistency: names written two ways, figures stated twice, short names, date styles, heading numbering,
and (with --cross-file) names and figures across the files of one run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, check_rule, lint, seed_line

CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def found(text, rule_id, path="t.txt"):
    return [d for d in lint(text, [rule_id], path) if d.rule == rule_id]


# ------------------------------------------------------------------------------------------------- CON001
def test_con001_seed_organisation_written_two_ways():
    line = seed_line("001", 22)
    got = found(line, "CON001")
    assert [(d.offset, d.end_offset, d.text) for d in got] == [(24, 29, "女企业协会")]
    assert got[0].severity == "warning" and got[0].fix is None
    assert got[0].message == "机构名称“女企业协会”与文中的“女企业家协会”（第1行等4处）写法不一致，请核实哪一种是对的"


def test_con001_person_written_two_ways():
    text = ("县委书记陈金锋出席会议。陈金锋同志指出，要抓好落实。陈金锋同志强调，要再接再厉。"
            "会后，陈金峰同志看望了群众。")
    got = found(text, "CON001")
    assert [d.text for d in got] == ["陈金峰"]
    assert "“陈金锋”（第1行等3处）" in got[0].message


def test_con001_organisation_one_character_replaced():
    text = "县农业农村局牵头。县农业农村局负责。县农业农材局配合。"
    assert [d.text for d in found(text, "CON001")] == ["县农业农材局"]


def test_con001_surname_and_second_character_after_a_level():
    text = "县委书记陈金锋出席会议。陈金锋同志指出，要抓好落实。陈金锋同志强调。会后，程金锋同志看望了群众。"
    assert [d.text for d in found(text, "CON001")] == ["程金锋"]
    text = "县农业农村局牵头。县农业农村局负责。县浓业农村局配合。"
    assert [d.text for d in found(text, "CON001")] == ["县浓业农村局"]
    # a level character inside a word (农村) may be left out by mistake; a level of its own (XX县妇联) may not
    text = "县农业农村局牵头。县农业农村局负责。县农业农局配合。"
    assert [d.text for d in found(text, "CON001")] == ["县农业农局"]
    check_rule("CON001", valid=["西峡县妇女联合会成立。西峡县妇女联合会换届。西峡妇女联合会讲话。"])
    # 政局 is also a word (the political situation), but 财政局 is an organisation
    text = "县财政局牵头。县财政局负责。县财侦局配合。"
    assert [d.text for d in found(text, "CON001")] == ["县财侦局"]


def test_con001_traps_stay_silent():
    check_rule("CON001", valid=[
        # two different people: one name is the other plus a character
        "张三同志和张三丰同志参加了会议。张三同志发言。张三同志总结。",
        # different organisations of one kind: the levels differ
        "省妇联主席出席。省妇联和县妇联联合举办活动。县妇联负责组织。县妇联承办。县妇联协办。",
        "南阳市妇女联合会、南阳市妇女联合会和南阳县妇女联合会联合举办活动。",
        "第一中学、第一中学、第一中学和第二中学参加比赛。",
        "县教育局、县教育局、县体育局分别发言。",
        # a character left out once is as often another phrase
        "坚持以经济建设为中心的政府。要求坚持经济建设为中心的政府。",
        # slogans quoted in two forms on purpose are not compared
        "开展“巾帼文明岗协会”创建。“巾帼文明岗协会”“巾帼文明岗协会”和“巾帼文明港协会”两种写法都出现在标语中。",
        # ordinary words that end in an organisation word
        "形成新的发展格局。构建新发展格局。构建新发展格局。优化生产布局。",
        # a title, not an organisation: 局长 / 副局长
        "民航总局局长出席。民航总局副局长、民航总局副局长陪同。",
    ])


def test_con001_once_each_is_only_a_hint_at_both_places():
    got = found("县委书记陈金锋出席会议。陈金峰同志强调。", "CON001")
    assert [(d.text, d.severity) for d in got] == [("陈金锋", "info"), ("陈金峰", "info")]
    assert got[1].message == "人名“陈金峰”与第1行的“陈金锋”只差一个字，如果是同一个名称，请统一写法"


def test_con001_confusion_table_is_symmetric_and_skips_levels():
    from lintkit_rules.con import confusable

    assert confusable("锋", "峰") and confusable("峰", "锋")
    assert not confusable("省", "县") and not confusable("锋", "锋")


# ------------------------------------------------------------------------------------------------- CON002
def test_con002_total_smaller_than_a_figure_it_includes():
    text = "开展技能培训2000人次，覆盖全县各乡镇。\n其他工作有序推进。\n全年共培训1800人次。"
    got = found(text, "CON002")
    assert [(d.line, d.text) for d in got] == [(3, "1800人次")]
    assert got[0].message == "“全年共培训1800人次”与第1行的“开展技能培训2000人次”说的是同一个数量，数字却不同，请核实"
    assert got[0].severity == "warning" and got[0].fix is None


def test_con002_same_words_restated():
    text = "一、主要工作\n全县建成15个“儿童之家”，覆盖所有乡镇。\n各乡镇依托全县建成的13个“儿童之家”开展活动。"
    assert [d.text for d in found(text, "CON002")] == ["13个"]


def test_con002_part_restated():
    text = "全县共有学校156所，其中，幼儿园62所，小学71所。\n全县学前教育稳步发展，幼儿园56所全部达标。"
    assert [d.text for d in found(text, "CON002")] == ["56所"]


def test_con002_traps_stay_silent():
    check_rule("CON002", valid=[
        # the same noun for different years
        "2021年培训2000人次，2022年培训1800人次。",
        "2021年，全县共培训2000人次。\n2022年，全县共培训1800人次。",
        # different scopes
        "全县共培训2000人次。全市共培训18000人次。",
        # a total larger than its part, and the parts after 其中
        "全年共培训2000人次，其中，培训妇女1800人次。",
        # plans and targets are not restatements of facts
        "今年开展技能培训2000人次。\n明年计划培训2500人次。",
        "一、工作开展情况\n全年共培训2000人次。\n二、2025年工作打算\n全年共培训2500人次。",
        # two parts of two different totals
        "全县共有专业技术人才4917人，其中：高级职称人员320人。\n县卫生系统共有职工2100人，其中：高级职称人员85人。",
        # a series (the beds of each hospital) is a table, not a restatement
        "（一）县中心医院\n编制床位308张。\n（二）县人民医院\n编制床位600张。\n（三）妇幼保健院\n编制床位60张。",
        # different units, approximations, rates
        "培训2000人次。全年共培训1800人。", "全年共培训近1800人次。培训2000人次。",
        "水价6.50元/吨（含污水处理费0.85元/吨）。特种行业含污水处理费2.5元/吨。",
    ])


# ------------------------------------------------------------------------------------------------- CON003
def test_con003_short_name_used_before_definition():
    text = "市妇联召开会议。\n市妇女联合会（以下简称“市妇联”）成立于1950年。市妇联下设五个部门。"
    got = found(text, "CON003")
    assert [(d.line, d.column, d.text, d.severity) for d in got] == [(1, 1, "市妇联", "warning")]
    assert got[0].message == "简称“市妇联”在第2行才定义，这里已经先用了"


def test_con003_defined_twice_and_never_used():
    text = "市妇女联合会（以下简称“市妇联”）召开会议。市妇联主席讲话。市妇女联合会（以下简称“市妇联”）成立于1950年。"
    got = found(text, "CON003")
    assert [(d.text, d.severity) for d in got] == [("市妇联", "info")]
    assert "已经定义过" in got[0].message
    got = found("县残疾人联合会（以下简称“县残联”）召开会议。会议很好。", "CON003")
    assert [(d.text, d.severity, d.message) for d in got] == [("县残联", "info", "定义了简称“县残联”，但后文没有使用")]


def test_con003_traps_stay_silent():
    check_rule("CON003", valid=[
        "市妇女联合会（以下简称“市妇联”）召开会议。市妇联主席讲话。",
        # the full name written out before its definition contains the short name
        "认真贯彻《中华人民共和国妇女权益保障法》。《中华人民共和国妇女权益保障法》（以下简称《妇女权益保障法》）"
        "明确规定。《妇女权益保障法》第二条。",
    ])


# ------------------------------------------------------------------------------------------------- CON004
def test_con004_mixed_date_styles():
    text = "2021年3月5日召开动员会。2021年4月10日完成验收。2021-05-20前报送。2021.6.1前总结。"
    got = found(text, "CON004")
    assert [(d.text, d.severity) for d in got] == [("2021-05-20", "warning"), ("2021.6.1", "warning")]
    assert got[0].message == "日期“2021-05-20”的写法与文中多数日期（“2021年3月5日”式，2处）不同"


def test_con004_hints_only():
    # a signature date in 汉字 alone on its line (the older 公文 format), and no clear majority
    got = found("2004年9月1日开会。2004年10月8日验收。\n国务院办公厅\n二〇〇四年十月十日\n", "CON004")
    assert [(d.text, d.severity) for d in got] == [("二〇〇四年十月十日", "info")]
    got = found("2021年3月5日开会。2021-05-20前报送。", "CON004")
    assert [d.severity for d in got] == ["info"]


def test_con004_traps_stay_silent():
    check_rule("CON004", valid=[
        "2021年3月5日召开动员会。2021年4月10日完成验收。",
        # a web page's date stamp is metadata, not a date of the text
        "来源：某某日报\n时间：2026-02-03\n2026年1月5日召开会议。2026年2月1日闭幕。",
        "发布于2026-02-03 09:02:33\n2026年1月5日召开会议。2026年2月1日闭幕。",
        # decimals and version numbers are no dates
        "增长2021.35万元。2021年3月5日开会。2021年4月5日验收。",
    ])


# ------------------------------------------------------------------------------------------------- CON005
def test_con005_mixed_heading_numbering():
    text = "一、主要工作\n内容。\n二、存在问题\n内容。\n三．下一步打算\n内容。"
    got = found(text, "CON005")
    assert [(d.line, d.text) for d in got] == [(5, "三．")]
    assert got[0].message == "汉字数字标题序号“三．”用了全角点“．”，同一层级的其他2个序号用的是顿号“、”"


def test_con005_traps_stay_silent():
    check_rule("CON005", valid=[
        "一、主要工作\n内容。\n二、存在问题\n内容。\n三、下一步打算\n内容。",
        "一、主要工作\n1.抓党建\n2.抓业务\n二、存在问题",
        # one of each: no majority
        "一、主要工作\n二．存在问题",
    ])


# ------------------------------------------------------------------------------------------------- CON006
def _cross(tmp_path: Path, files: dict[str, str], *extra: str):
    from lintkit.cli import main

    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out.json"
    main(["check", str(tmp_path), "--no-config", "--format", "json", "-o", str(out), *extra])
    return [d for d in json.loads(out.read_text(encoding="utf-8")) if d["rule"] == "CON006"]


BATCH = {
    "a_总结.txt": "县委书记陈金锋出席会议。\n陈金锋同志指出，要抓好落实。\n2021年，全县共培训妇女2000人次。\n",
    "b_简报.txt": "县委书记陈金锋主持会议。\n2021年，全县共培训妇女1800人次。\n",
    "c_信息.txt": "陈金峰同志强调，要压实责任。\n",
}


def test_con006_cross_file_names_and_figures(tmp_path):
    got = _cross(tmp_path, BATCH, "--cross-file")
    assert [(Path(d["path"]).name, d["line"], d["text"]) for d in got] == [
        ("b_简报.txt", 2, "1800人次"), ("c_信息.txt", 1, "陈金峰")]
    assert got[1]["message"].startswith("人名“陈金峰”在") and "a_总结.txt中写作“陈金锋”" in got[1]["message"]


def test_con006_off_without_the_flag_and_the_same_with_jobs(tmp_path):
    assert _cross(tmp_path, BATCH) == []
    one = _cross(tmp_path, BATCH, "--cross-file", "--jobs", "1")
    two = _cross(tmp_path, BATCH, "--cross-file", "--jobs", "2")
    assert one == two and len(one) == 2


def test_con006_respects_ignore_and_inline_suppression(tmp_path):
    batch = dict(BATCH)
    batch["c_信息.txt"] = "<!-- lintkit: disable CON006 -->\n" + BATCH["c_信息.txt"]
    got = _cross(tmp_path, batch, "--cross-file")
    assert [Path(d["path"]).name for d in got] == ["b_简报.txt"]
    assert _cross(tmp_path, BATCH, "--cross-file", "--ignore", "CON006") == []


def test_con006_traps_stay_silent(tmp_path):
    batch = {
        "a.txt": "县委书记张三出席会议。张三同志指出。省妇联主席讲话。\n2021年，全县共培训2000人次。\n",
        "b.txt": "张三丰同志强调。张三丰同志要求。县妇联主席讲话。县妇联负责。\n2022年，全县共培训1800人次。\n",
    }
    assert _cross(tmp_path, batch, "--cross-file") == []


# ------------------------------------------------------------------------------------------------- real text
@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not there")
def test_no_con_warning_on_real_documents():
    """Precision on 131 real official documents (judged: every finding left is an info hint)."""
    from lintkit.engine import Linter, Options

    linter = Linter(Options(select=("CON",), no_config=True))
    serious = []
    for path in sorted(CORPUS.glob("*.txt")):
        for d in linter.lint_bytes(path.read_bytes(), path.name, path).diagnostics:
            if d.severity != "info":
                serious.append(f"{path.name}:{d.line}:{d.column} {d.rule} {d.message}")
    assert not serious, "\n".join(serious)
