"""SPC — spacing rules: real seed lines as positives, correct look-alikes as negatives, fixes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import check_rule, fix, lint, seed_line

SLOGANS = [
    "全县各级妇联组织围绕“巾帼心向党 巾帼建新功 巾帼暖人心”三大行动，取得成效。",
    "开展“感党恩 跟党走”主题系列活动。",
    "开展《深化家庭文明创建 关心关爱儿童成长——家庭教育》专题讲座。",
]
INDENTED = "　　1月21日下午，西峡县召开2021年度全县妇联系统工作总结测评会。"
LATIN = "We use lintkit to check drafts. Version 1.2 3 times a day."
PHONE = "联系电话:0735-2871512，传真 0735 2871513"


# ------------------------------------------------------------------------------------------------ SPC001

def test_spc001_seed_split_years_and_counts():
    line = seed_line("000", 3)
    found = [d for d in lint(line, ["SPC001"])]
    assert [d.text for d in found] == ["202 2"]
    line4 = seed_line("000", 4)
    assert [d.text for d in lint(line4, ["SPC001"])] == ["1 5"]
    line10 = seed_line("000", 10)
    assert [d.text for d in lint(line10, ["SPC001"])] == ["202 2", "20 21"]


def test_spc001_positive_and_fix():
    check_rule("SPC001", invalid=[
        ("并对202 2年全县妇联工作进行安排部署。", [(2, 7)], "并对2022年全县妇联工作进行安排部署。"),
        ("市级示范点1 5个，县级示范点38个。", [(5, 8)], "市级示范点15个，县级示范点38个。"),
        ("对20 21年各乡镇工作进行了测评。", [(1, 6)], "对2021年各乡镇工作进行了测评。"),
        ("占比达到1 5%。", [(4, 7)], "占比达到15%。"),
    ])


def test_spc001_negatives():
    check_rule("SPC001", valid=[
        "1 2 3",
        "序号 1 2 3 分别代表三个等级。",
        "表格：12 15 18人",
        PHONE,
        "版本 2.1 3",
        "9.09%",
        "3.98万元",
        LATIN,
        "（2011—2020）",
        "2021年 12月",  # a date with a space between year and month is SPC003's business, not a broken number
    ])


# ------------------------------------------------------------------------------------------------ SPC002

def test_spc002_seed_lines():
    found = lint(seed_line("000", 3), ["SPC002"])
    texts = [(d.text, d.message) for d in found]
    assert any("领 、" in m for _, m in texts)
    assert any("。 县" in m for _, m in texts)
    assert all(t.strip() == "" for t, _ in texts)  # every span is only the space


def test_spc002_positive_and_fix():
    check_rule("SPC002", invalid=[
        ("持续推进妇女思想政治引领 、妇联组织建设", [(12, 13)], "持续推进妇女思想政治引领、妇联组织建设"),
        ("圆满完成全年各项工作任务。 县妇联先后荣获", [(13, 14)], "圆满完成全年各项工作任务。县妇联先后荣获"),
        ("西峡县第一届“ 书香西峡", [(7, 8)], "西峡县第一届“书香西峡"),
        ("领头雁云比武大赛 ；南阳市", [(8, 9)], "领头雁云比武大赛；南阳市"),
        ("乡镇的7个村、社区 “妇女之家”示范点", [(9, 10)], "乡镇的7个村、社区“妇女之家”示范点"),
        ("“书香家庭” “美丽庭院” 的典型带动作用", [(6, 7), (13, 14)], "“书香家庭”“美丽庭院”的典型带动作用"),
        ("区为民办实事项目\u2002“儿童之家”创建", [(8, 9)], "区为民办实事项目“儿童之家”创建"),
    ])


def test_spc002_negatives():
    check_rule("SPC002", valid=[
        INDENTED,
        "　　（一）加强组织建设。",
        "工作任务。\n县妇联先后荣获",
        "- 项目一：完成。\n- 项目二：完成。",
        "见《标点符号用法》。",
        LATIN,
        "完成了任务。 ",  # trailing space: SPC005, not SPC002
    ] + SLOGANS)


def test_spc002_markdown_list_and_code_are_masked():
    text = "- “妇女之家”建设\n\n`a ，b` 代码里的空格不检查。\n"
    assert lint(text, ["SPC002"], path="t.md") == []


# ------------------------------------------------------------------------------------------------ SPC003

def test_spc003_seed_lines():
    msgs = [d.message for d in lint(seed_line("000", 4), ["SPC003"])]
    assert any("荐 上" in m for m in msgs)
    assert any("心家庭4 个" in m for m in msgs)
    assert any("极 深" in m for m in msgs)
    pct = lint(seed_line("003", 16), ["SPC003"])
    assert ["9.09 %" in d.message or "50 人" in d.message for d in pct] == [True, True]


def test_spc003_positive_and_fix():
    check_rule("SPC003", invalid=[
        ("的牵头单位，积极 深入推动“美丽庭院”创建", [(8, 9)], "的牵头单位，积极深入推动“美丽庭院”创建"),
        ("西峡县妇联推荐 上报的城区一小", [(7, 8)], "西峡县妇联推荐上报的城区一小"),
        ("张雅心家庭4 个家庭作品荣获", [(6, 7)], "张雅心家庭4个家庭作品荣获"),
        ("占现有县级领导班子成员总数的9.09 %。", [(18, 19)], "占现有县级领导班子成员总数的9.09%。"),
        ("正科级以上女干部50 人,副科级", [(10, 11)], "正科级以上女干部50人,副科级"),
        ("等市级以上荣誉 30多项。", [(7, 8)], "等市级以上荣誉30多项。"),
    ])


def test_spc003_negatives():
    check_rule("SPC003", valid=SLOGANS + [
        INDENTED,
        "出席人员：张三 李四 王五",
        "主持人 张三",
        "西峡县妇联    2022年1月",  # alignment with several spaces
        LATIN,
        "Copyright 2021 郴州妇女联合会",
        PHONE,
        "1 2 3",
        "占比9.09%，人数50人。",
        "“做时代女性  展巾帼风姿”专栏",
    ])


def test_spc003_latin_profile_keeps_han_digit_spaces(tmp_path):
    from lintkit.engine import Linter, Options

    cfg = tmp_path / "lintkit.toml"
    cfg.write_text('[rules.SPC003]\nprofile = "latin-spacing"\n', encoding="utf-8")
    linter = Linter(Options(select=("SPC003",), config=str(cfg)))
    text = "共有 30 个村完成创建，占 9.09 %，积极 深入推动。"
    diags = linter.lint_bytes(text.encode(), "t.txt", tmp_path / "t.txt").diagnostics
    assert [d.text for d in diags] == [" ", " "]  # "9.09 %" and "积极 深入"; not "有 30" or "30 个"
    assert "%" in diags[0].message or "百分号" in diags[0].message


# ------------------------------------------------------------------------------------------------ SPC004

def test_spc004_positive_and_fix():
    check_rule("SPC004", invalid=[
        ("Copyright\u00a02021 All rights reserved", [(9, 10)], "Copyright 2021 All rights reserved"),
        ("欢迎您访问 首页\u00a0> 经验交流", [(8, 9)], None),
    ])
    # U+3000 in mid-line of prose may still be deliberate alignment: a hint without any fix
    text = "填报单位：县妇联\u3000\u3000日期：2022年，请核实。"
    check_rule("SPC004", invalid=[(text, [(8, 10)], text)], unsafe=True)
    assert [(d.severity, d.fix) for d in lint(text, ["SPC004"])] == [("info", None)]
    # the same alignment on a layout line (no clause punctuation) is the 公文 “空一字”: not reported
    check_rule("SPC004", valid=["单位：县妇联\u3000\u3000日期：2022年"])


def test_spc004_negatives():
    check_rule("SPC004", valid=[
        INDENTED,
        "\u3000\u3000（一）加强组织建设。",
        "\u00a0\u00a0\u00a0 积极畅通妇联信访渠道",  # leading indentation
        "主要有：\u2002",  # trailing: SPC005
        "普通的 ASCII 空格",
    ])


def test_spc004_not_reported_where_spc002_deletes_the_space():
    diags = lint("区为民办实事项目\u2002“儿童之家”创建", ["SPC"])
    assert [d.rule for d in diags] == ["SPC002"]


# ------------------------------------------------------------------------------------------------ SPC005

def test_spc005_positive_and_fix():
    check_rule("SPC005", invalid=[
        ("作进行了测评。\n \n", [(8, 9)], "作进行了测评。\n\n"),
        ("主要有：\u2002\r\n（一）", [(4, 5)], "主要有：\r\n（一）"),
        ("末行有空格  ", [(5, 7)], "末行有空格"),
    ])
    diags = lint("第一行\n   \n", ["SPC005"])
    assert diags[0].severity == "info" and diags[0].message == "整行只有空白"


def test_spc005_negatives():
    check_rule("SPC005", valid=["没有行尾空白。\n第二行。\n", "\n\n", INDENTED])


# ------------------------------------------------------------------------------------------------ family

def test_spc_fix_whole_seed_000_is_idempotent_and_local():
    text = (next(__import__("conftest").SEEDS.glob("000_*.txt"))).read_text(encoding="utf-8")
    fixed = fix(text, ["SPC"])
    assert fix(fixed, ["SPC"]) == fixed
    assert "2022年全县妇联工作进行安排部署" in fixed
    assert "“巾帼心向党 巾帼建新功 巾帼暖人心”" in fixed  # slogan untouched
    assert [d.rule for d in lint(fixed, ["SPC"]) if d.fix and d.fix.applicability == "safe"] == []
    # only white space was removed: the non-space characters are identical and in order
    strip = lambda s: "".join(c for c in s if not c.isspace())  # noqa: E731
    assert strip(fixed) == strip(text)


def test_tabs_are_alignment_not_stray_spaces():
    check_rule("SPC003", valid=["一是\t推荐上报", "姓名\t张三"])
    check_rule("SPC002", valid=["姓名：\t张三", "联系人：\t\t李四"])


def test_spc001_three_digit_groups_are_only_a_hint():
    for text in ["全年惠及1 205户，人均38 562元。", "新增学位4 500个"]:
        diags = lint(text, ["SPC001"])
        assert diags and all(d.severity == "info" and d.fix.applicability == "unsafe" for d in diags)
    assert fix("惠及1 205户", ["SPC001"]) == "惠及1 205户"  # not a safe fix


def test_markdown_tables_and_hard_breaks_are_not_spacing_errors():
    table = "| 项目 | 说明 |\n|---|---|\n| “一网通办” | 见附件（一） |\n"
    assert lint(table, ["SPC"], path="t.md") == []
    hard_break = "# 标题\n\n第一行内容。  \n第二行内容。\n"
    assert lint(hard_break, ["SPC005"], path="t.md") == []
    assert lint(hard_break, ["SPC005"], path="t.txt")  # in a .txt it is trailing white space


# ------------------------------------------------------------------------------------------------- clean-corpus FPs
def test_spc004_ideographic_space_in_layout_lines():
    # 公文 layout uses U+3000 as “空一字”: names padded to two cells, title–name separators, 版记 and date lines
    check_rule("SPC004", valid=[
        "　　组　长：陈建华　县人民政府县长\n　　副组长：刘　伟　县人民政府副县长\n　　　　　　王晓东　县统计局局长\n",
        "县财政局局长　张建国\n",
        "××县人力资源和社会保障局办公室　　　　　　2024年3月15日印发\n",
        "××县妇女联合会办公室　　　　　　　　　　　　2024年3月8日\n",
        "　　主席　黃志明\n",
    ])
    # in running prose and in headings it is still reported (as a hint)
    found = lint("全面推进　乡村振兴，取得明显成效。\n（一）加强组织　领导\n", ["SPC004"])
    assert [(d.text, d.severity) for d in found] == [("\u3000", "info"), ("\u3000", "info")]


def test_spc001_spaced_phone_numbers():
    # Hong Kong numbers are written in two groups of four; after 电话/热线/传真 a spaced digit run is a phone number
    check_rule("SPC001", valid=[
        "請致電查詢熱線2835 1234查詢詳情。",
        "联系电话：2523 4567（办公室）。",
        "傳真：2810 0000，電郵另附。",
    ])
    # a broken number elsewhere is still an error (seed 000 “市级1 5个”, “202 2年”)
    check_rule("SPC001", invalid=[("市级1 5个，县级38个。", [(2, 5)], "市级15个，县级38个。"),
                                  ("电话会议将于202 2年召开。", None, None)])


def test_spc002_spc003_read_whole_runs_of_spaces():
    # both rules look at maximal runs of spaces: a number with a decimal point before a run, runs longer than
    # three, a tab after the run, spaces at both ends of a quotation
    check_rule("SPC003", invalid=[
        ("完成1.5 个，增长2.5  %", [(5, 6), (13, 15)], "完成1.5个，增长2.5%"),
        ("共有   15人", [(2, 5)], "共有15人"),
    ], valid=["完成1.2.3 个", "开展    工作", "人数12    个"])
    check_rule("SPC002", invalid=[("“ 书香 ”", [(1, 2), (4, 5)], "“书香”")],
               valid=["工作 \t，完成", "工作。 \t\n下一行"])


def test_spc004_a_list_dash_is_not_indentation():
    from conftest import lint

    assert [d.rule for d in lint("-\u00a0项目进展，顺利。", ["SPC004"])] == ["SPC004"]
    assert lint("\u2005\u00a0项目进展，顺利。", ["SPC004"]) == []  # leading blanks only: indentation


def test_spc004_runs_not_at_a_line_start_equal_the_plain_runs():
    import random
    import re

    from conftest import SEEDS
    from lintkit_rules.spc import _ODD_SPACE_CLASS, _ODD_SPACE_NOT_AT_LINE_START

    _ODD_SPACE = re.compile(_ODD_SPACE_CLASS + "+")

    rng = random.Random(4)
    alphabet = list("\u3000\u00a0\u2002\u2009\u202f \t\r\n中，a")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(16))) for _ in range(4000)]
    texts += ["\u3000\u3000正文\u3000内容\r\n\u3000\u3000下一行", "\u00a0\u3000首", "中\u3000\u00a0文"]
    kept = 0
    for text in texts:
        want = [m.span() for m in _ODD_SPACE.finditer(text) if m.start() > 0 and text[m.start() - 1] not in "\r\n"]
        assert [m.span() for m in _ODD_SPACE_NOT_AT_LINE_START.finditer(text)] == want, repr(text)
        kept += len(want)
    assert kept > 500


def test_spc004_leading_and_trailing_runs_decided_per_line():
    # blanks of any kind before the first character or after the last one are indentation / SPC005's business;
    # the line's text bounds are computed once per line (a 1 MB line with a run every few characters was quadratic)
    from conftest import lint

    text = "\u00a0 \u3000正文\u2002内容，对齐\u00a0完成。 \u00a0\n\u2002\u3000\n结束\u2002"
    assert [(d.text, d.fix is not None) for d in lint(text, ["SPC004"])] == [("\u2002", True), ("\u00a0", True)]
    long_line = "工作开展\u3000顺利，" * 3000
    assert len(lint(long_line, ["SPC004"])) == 3000


# ------------------------------------------------------------------------------------------------ SPC003 conventions
def test_spc003_bylines_are_conventional():
    check_rule("SPC003", valid=[
        "北京市市长 殷勇\n各位代表：",
        "某某省人民政府省长 王清宪\n各位代表：",
        "省长作政府工作报告。本报记者 霍艳恩摄\n各位代表：",
        "省长作政府工作报告。湖南日报全媒体记者 刘尚文 摄\n",
        "省长作政府工作报告。本报全媒体记者 林 君摄\n",
        "——2026年1月27日在某省第十四届人民代表大会第四次会议上 某省省长 赵刚\n",
    ])
    # look-alikes: a title word in running text, a long token after it
    check_rule("SPC003", invalid=[
        ("全年经济增长 明显加快，", [(6, 7)], "全年经济增长明显加快，"),
        ("县妇联主席 主持会议并讲话。", [(5, 6)], "县妇联主席主持会议并讲话。"),
    ])


def test_spc003_numbers_spaced_by_the_texts_convention():
    spaced = "".join(f"第 {i}項修正案已於 {i}月提交。" for i in range(1, 7))  # 12 of 12 Han-number places spaced
    assert [d for d in lint(spaced, ["SPC003"]) if "数字" in d.message] == []
    mixed = "".join(f"第{i}項修正案已於{i}月提交。" for i in range(1, 7)) + "另有 5項。"
    assert [d.text for d in lint(mixed, ["SPC003"])] == [" "]


def test_spc003_two_spaces_between_han_in_running_text():
    line = seed_line("000", 3)
    i = line.index("总结") + 1
    text = line[:i] + "  " + line[i:]
    found = lint(text, ["SPC003"])
    assert [(d.offset, d.end_offset, d.severity) for d in found if d.offset == i] == [(i, i + 2, "warning")]
    check_rule("SPC003", invalid=[("逐步形  成了工作合力，", [(3, 5)], "逐步形成了工作合力，")])
    check_rule("SPC003", valid=[
        "组  长  张三\n副组长  李四\n",  # a layout line: no clause punctuation
        "参会人员：张三  李四  王五。",  # a list of names
        "“巾帼心向党  巾帼建新功”，",
    ])


# ------------------------------------------------------------------------------------------------ real documents
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "real"  # ../shared/corpus/real


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
def test_real_documents_bylines_and_spaced_numbers_stay_quiet():
    # public documents (read from ../shared/corpus, never copied here): bylines (省长 王某, 记者 某某 摄) and the
    # spaces before numbers of a record typeset that way throughout are not reported; stray spaces still are
    import re

    byline = re.compile(r"(?:长|主席|记者)[ \u3000]+\S(?: ?\S){0,2}(?: ?摄)?\s*$")
    found = 0
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for d in lint(text, ["SPC003"]):
            if d.severity == "info":
                continue
            found += 1
            assert not byline.search(lines[d.line - 1]), f"{path.name}:{d.line} {d.message}"
            assert not (path.name.startswith("hk_") and "数字" in d.message), f"{path.name}:{d.line} {d.message}"
    assert found > 0


# ------------------------------------------------------------------------------------------------ SPC006

def test_spc006_space_before_a_halfwidth_mark():
    check_rule("SPC006", invalid=[
        ("下午开会 ,讨论明年的工作。", [(4, 6)], "下午开会，讨论明年的工作。"),
        ("时间 : 上午九时", [(2, 5)], "时间：上午九时"),
        ("这样做对吗 ?请大家讨论", [(5, 7)], "这样做对吗？请大家讨论"),
        ("会议强调\u00a0;各单位要抓好落实。", [(4, 6)], "会议强调；各单位要抓好落实。"),
    ])
    found = lint("下午开会 ,讨论明年的工作。", ["SPC006"])
    assert found[0].message == "半角“,”前面有空格：“ ,”应为全角“，”" and found[0].severity == "error"


def test_spc006_negatives():
    check_rule("SPC006", valid=[
        "下午开会，讨论明年的工作。",          # already right
        "下午开会,讨论明年的工作。",            # no space: PUN001's
        "We met , then we left.",              # English
        "人数 , 12",                            # a digit after the mark
        "比例为 1 : 500",                       # a ratio
        "陈议员 , 大紫荆勋贤 , G.B.S., J.P.",   # a name-and-honours list laid out with spaced commas
        "说明 .后面",                           # a point may be an abbreviation
    ])
