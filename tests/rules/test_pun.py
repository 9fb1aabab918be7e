"""PUN — punctuation (GB/T 15834-2011): seed positives, look-alike negatives, fixes, properties."""

from __future__ import annotations

import regex
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import check_rule, fix, lint, seed_line

PUN_RULES = ["PUN001", "PUN002", "PUN003", "PUN004", "PUN005", "PUN006", "PUN007", "PUN008", "PUN009", "PUN011",
             "PUN012", "PUN014", "PUN015", "PUN016"]


def at(text: str, sub: str, k: int = 0) -> tuple[int, int]:
    """Span of the k-th occurrence of ``sub`` in ``text``."""
    i = -1
    for _ in range(k + 1):
        i = text.index(sub, i + 1)
    return i, i + len(sub)


def rules_of(text: str, select=("PUN",)) -> list[str]:
    return [d.rule for d in lint(text, list(select))]


# ------------------------------------------------------------------------------------------------- docs
def test_every_rule_is_documented():
    from lintkit import rules_in
    import lintkit_rules.pun as pun

    rules = {r.id: r for r in rules_in(pun)}
    assert sorted(rules) == PUN_RULES
    for r in rules.values():
        for section in ("为什么：", "错误示例：", "正确写法：", "依据：", "修复："):
            assert section in r.doc, f"{r.id} docstring lacks {section}"
        assert "GB/T 15834" in r.doc or "GB/T 15835" in r.doc, r.id


# ------------------------------------------------------------------------------------------------- PUN001
def test_pun001_stray_marks_in_fullwidth_document():
    line = seed_line("001", 12)  # …增强妇联凝聚力,提高我县…
    check_rule("PUN001", invalid=[(line, [at(line, ",")], line.replace(",", "，"))])
    line = seed_line("001", 19)  # 《…》(上禁毒办发〔2021〕28号)文件要求
    fixed = line.replace("(上禁毒办发", "（上禁毒办发").replace("28号)", "28号）")
    check_rule("PUN001", invalid=[(line, [at(line, "("), at(line, ")")], fixed)])


def test_pun001_one_finding_per_line_in_halfwidth_document():
    text = "\n".join(seed_line("002", n) for n in (1, 2, 3, 5))
    found = [d for d in lint(text, ["PUN001"]) if d.rule == "PUN001"]
    assert len(found) == 3  # line 1 has no mark; one finding for each other line
    first = found[0]
    assert "全文通篇使用半角标点" in first.message and "10个" in first.message
    assert len(first.fix.edits) == 10
    line2 = seed_line("002", 2)
    assert first.text.startswith(",") and first.text.endswith(",")
    assert (first.offset, first.end_offset) == (at(text, ",")[0], len(seed_line("002", 1)) + 1 + line2.rindex(",") + 1)
    out = fix(text, ["PUN001"])
    assert "," not in out.replace("(", "").replace(")", "")  # every comma became fullwidth
    assert "婦聯(lián)一班人" in out  # the pinyin annotation is residue, left alone (RES002)


def test_pun001_halfwidth_seed_lines_are_fixed():
    line = seed_line("003", 6)
    out = fix(line + "\n" + seed_line("003", 12) + "\n" + seed_line("003", 16), ["PUN001"]).splitlines()[0]
    assert "领导班子成员3人（其中：主席1人，副主席1人，纪检组长1人），办公地点" in out
    assert "行政性质的群团组织单位，现有在职工作人员5人，" in out


def test_pun001_line_in_halfwidth_within_fullwidth_document():
    text = ("一、工作回顾\n今年以来，我们认真落实各项工作。\n"
            "县妇联积极开展活动,组织培训3期,参训人员200多人,取得良好效果。\n")
    found = [d for d in lint(text, ["PUN001"]) if d.rule == "PUN001"]
    assert len(found) == 1 and "本行通篇使用半角标点" in found[0].message and "3个" in found[0].message


@pytest.mark.parametrize("text", [
    "全县共有1,000名妇女参加。",  # thousands separator
    "会议于16:05开始。",  # time
    "比例尺为1:500的地图。",  # ratio
    "详见http://www.example.com/a,b;c:d?x=1(2)。",  # URL
    "联系邮箱admin@example.com,或来电。",  # masked e-mail: left side is masked Latin
    "He said, hello world; see you (soon)!",  # English sentence
    "由公式y=f(x)+(1)可得。",  # formula
    "采取“线上+线下”相结合的学习方式",  # + is not punctuation
    "婦聯(lián)工作總結(jié)",  # pinyin annotation: residue, not brackets
    "世界卫生组织(WHO)发布报告。",  # Latin-only content in brackets
    "Copyright 2021 郴州妇女联合会 All rights reserved.",
    "The version 1.2, released in 2021年, works.",
    "这是什么原因？这是因为每个人的工作作风不一样。",  # already fullwidth
])
def test_pun001_negatives(text):
    check_rule("PUN001", valid=[text])


def test_pun001_marks_next_to_digits_and_line_end():
    check_rule("PUN001", invalid=[
        ("截至2015年底,全县共有15人。", None, "截至2015年底，全县共有15人。"),
        ("共有委员15人,其中女性7人。", None, "共有委员15人，其中女性7人。"),
        ("占总数的9.09%,比上年提高。", None, "占总数的9.09%，比上年提高。"),
        ("主要有:\n一是加强学习。", None, "主要有：\n一是加强学习。"),
        ("为什么?因为没有落实。", None, "为什么？因为没有落实。"),
        ("工作取得了明显成效.\n", None, "工作取得了明显成效。\n"),
        ("推广APP,提高效率。", None, "推广APP，提高效率。"),
        ("日月如梭, 光阴似箭。", [(4, 6)], "日月如梭，光阴似箭。"),  # the space after the mark goes too
    ])


def test_pun001_leaves_ordinals_to_seq002():
    line = seed_line("003", 10)  # (一)围绕中心,开展…
    found = [d for d in lint(line, ["PUN001", "SEQ002"])]
    assert [d.rule for d in found] == ["SEQ002", "PUN001"]
    assert found[1].text == ","


# ------------------------------------------------------------------------------------------------- PUN002
def test_pun002_seed_lines():
    line = seed_line("003", 20)
    found = [d for d in lint(line, ["PUN002"])]
    assert [d.text for d in found] == [
        "“十佳巾帼文明岗”、“十佳创先争优女共产党员”、“十佳敬老爱亲模范”",
        "“县妇联组织如何预防和制止家庭暴力”、“如何培养选拔好妇女干部”、“关爱农村留守妇女儿童”",
        "《今日女报》、《郴州日报》",
    ]
    assert all(d.severity == "warning" and d.fix.applicability == "unsafe" for d in found)
    check_rule("PUN002", invalid=[("扎实开展免费“两筛”、“两癌”筛查民生实事工作。", None,
                                   "扎实开展免费“两筛”“两癌”筛查民生实事工作。")], unsafe=True)


@pytest.mark.parametrize("text", [
    "开展“家庭律师进社区”、“不让毒品进家庭”、“6·26”禁毒日、“12·1”防艾日等宣传活动。",  # items with own words
    "利用“三八”维权周、“6·26”国际禁毒日、“扶贫日”、“国家宪法日”等时机。",
    "开展“颂百年风华传红色基因”家庭亲子阅读分享会、“弘扬好家风传承好家训”家风故事分享汇。",
    "评选“最美家庭”（10户）、“书香家庭”（5户）。",  # parenthetical note after the quote
    "以“儿童之家”“妇女之家”、校园等为主阵地。",
])
def test_pun002_negatives(text):
    check_rule("PUN002", valid=[text])


def test_pun002_can_be_switched_off_by_config(tmp_path):
    from lintkit import check_paths

    (tmp_path / "lintkit.toml").write_text('ignore = ["PUN002"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("扎实开展免费“两筛”、“两癌”筛查。\n", encoding="utf-8")
    assert [d for d in check_paths([str(tmp_path)]) if d.rule == "PUN002"] == []
    (tmp_path / "lintkit.toml").write_text("", encoding="utf-8")
    assert [d.rule for d in check_paths([str(tmp_path)]) if d.rule == "PUN002"] == ["PUN002"]


# ------------------------------------------------------------------------------------------------- PUN003
def test_pun003():
    line = seed_line("002", 3)
    check_rule("PUN003", invalid=[(line, [at(line, "......")], line.replace("......", "……"))])
    check_rule("PUN003", invalid=[("还有很多。。。", None, "还有很多……"), ("等等…", None, "等等……")])
    check_rule("PUN003", valid=["Wait... what?", "see https://example.com/a...b", "省略了…………", "1...10",
                                "还有很多……"])


# ------------------------------------------------------------------------------------------------- PUN004
def test_pun004_seed_lines():
    line = seed_line("003", 36)
    check_rule("PUN004", invalid=[(line, [at(line, "――")], line.replace("――", "——"))])
    line = seed_line("003", 3)  # 永兴县妇联2011-2015工作总结及今后五年工作思路
    check_rule("PUN004", invalid=[(line, [at(line, "2011-2015")], "永兴县妇联2011—2015年工作总结及今后五年工作思路")],
               unsafe=True)
    line = seed_line("003", 60)
    check_rule("PUN004", invalid=[(line, [at(line, "2016-2020")], line.replace("2016-2020", "2016—2020"))],
               unsafe=True)
    line = seed_line("001", 17)  # “建设法治上林—巾帼在行动”
    check_rule("PUN004", invalid=[(line, [at(line, "—")], line.replace("上林—巾帼", "上林——巾帼"))], unsafe=True)
    check_rule("PUN004", invalid=[("为各村0-2岁儿童发放营养包", None, "为各村0～2岁儿童发放营养包"),
                                  ("2021-2022学年度工作计划", [(0, 9)], "2021—2022学年度工作计划"),
                                  ("发展规划（2021-2025）", [(5, 14)], "发展规划（2021—2025）")], unsafe=True)
    # ranges are only suggestions: --fix alone leaves them
    assert fix("永兴县妇联2011-2015工作总结", ["PUN004"]) == "永兴县妇联2011-2015工作总结"


@pytest.mark.parametrize("text", [
    "联系电话:0735-2871512 湘ICP备20006897号-1 Copyright 2021",
    "发布时间:2019-11-25 16:05",
    "依据GB/T 15834-2011《标点符号用法》",
    "认真做好（2011—2020）《西峡县妇女儿童发展两规划》",
    "在2011～2015年间",
    "北京—上海特别旅客快车",  # a single 一字线 between places, outside quotes
    "型号XJ-2000型设备",
    "西峡县妇联稳步推进家庭和儿童工作——访县妇联主席",
])
def test_pun004_negatives(text):
    check_rule("PUN004", valid=[text])


# ------------------------------------------------------------------------------------------------- PUN005
def test_pun005_seed_lines():
    line = seed_line("003", 20)  # 。七一”期间
    i = line.index("七一”") + 2
    check_rule("PUN005", invalid=[(line, [(i, i + 1)], None)])
    line = seed_line("002", 21)  # 婦女權益保障法》 without 《
    i = line.index("法》") + 1
    check_rule("PUN005", invalid=[(line, [(i, i + 1)], None)])
    line = seed_line("004", 2)  # 特困“两癌患病妇女救助工程。
    i = line.index("“两癌患病")
    check_rule("PUN005", invalid=[(line, [(i, i + 1)], None)])


def test_pun005_negatives():
    check_rule("PUN005", valid=[
        "他说：“我们要‘把爱带回家’。”",
        "“第一段引文，没有后引号。\n“第二段引文，开头重复前引号。\n“第三段引文结束。”\n",  # quotation across paragraphs
        "主要措施：\n1）加强学习；\n2）完善制度。\n",  # list markers
        "今天真开心：）",
        "认真做好（2011—2020）《西峡县妇女儿童发展两规划》",
        "会议（第一次）召开",
        "I don’t know.",
        seed_line("001", 19),
    ])


# ------------------------------------------------------------------------------------------------- PUN006
def test_pun006():
    line = seed_line("000", 4)
    bad = "<西峡县村（社区）、乡镇（街道）妇联换届工作实施方案>"
    good = "〈西峡县村（社区）、乡镇（街道）妇联换届工作实施方案〉"
    check_rule("PUN006", invalid=[(line, [at(line, bad)], line.replace(bad, good))])
    check_rule("PUN006", invalid=[("《关于印发《实施方案》的通知》", [(5, 11)], "《关于印发〈实施方案〉的通知》")])
    check_rule("PUN006", valid=["当x<5且y>3时", "《关于印发〈实施方案〉的通知》", "<p>网页</p>", "《a<b的证明》"])


# ------------------------------------------------------------------------------------------------- PUN007
def test_pun007_seed_lines():
    line = seed_line("003", 12)  # 精神・巾帼
    got = [d for d in lint(line, ["PUN007"])]
    assert [d.text for d in got][0] == "・"
    check_rule("PUN007", invalid=[("“贯彻十八大精神・巾帼建功比贡献”演讲比赛", [(8, 9)],
                                   "“贯彻十八大精神·巾帼建功比贡献”演讲比赛")])
    line = seed_line("002", 17)  # “6.26”國(guó)際禁毒日
    check_rule("PUN007", invalid=[(line, [at(line, "6.26")], line.replace("“6.26”", "“6·26”"))])
    check_rule("PUN007", invalid=[("在三八维权周、11.25反家暴宣传周、12.4国家宪法日等重要节日", [(7, 12), (19, 23)],
                                   "在三八维权周、“11·25”反家暴宣传周、“12·4”国家宪法日等重要节日")], unsafe=True)


@pytest.mark.parametrize("text", [
    "以及“11·2”重要讲话精神",  # already right
    "占全县干部总数的9.09%。",
    "价值近4.5万元的慰问品",
    "详见第1.2节。",
    "增长“1.5”倍",
    "“大手拉小手·共建书香家庭”好书分享会",
    "• 项目符号开头的行",
    "2019.11.25发布",
])
def test_pun007_negatives(text):
    check_rule("PUN007", valid=[text])


# ------------------------------------------------------------------------------------------------- PUN008
def test_pun008():
    line = seed_line("003", 44)  # 1、庆“三・八”,成功举办…
    check_rule("PUN008", invalid=[(line, [at(line, "三・八")], line.replace("三・八", "三八"))], unsafe=True)
    check_rule("PUN008", valid=["纪念“一·二八”事变", "“一二·九”运动", "“十一·一”前后", "庆“三八”", "“六一”儿童节"])
    # one finding per problem: PUN008 replaces PUN007's finding on the same dot
    assert rules_of("庆“六・一”活动") == ["PUN008"]


# ------------------------------------------------------------------------------------------------- PUN009
def test_pun009():
    line = seed_line("002", 11)  # “讀書、就醫(yī)、住房”.三件事
    i = line.index(".三")
    check_rule("PUN009", invalid=[(line, [(i, i + 1)], None)])
    check_rule("PUN009", invalid=[("工作取得成效，，下一步", [(6, 8)], "工作取得成效，下一步"),
                                  ("全年完成任务。。", [(6, 8)], "全年完成任务。"),
                                  ("工作取得成效，。", [(6, 8)], None)], unsafe=True)
    check_rule("PUN009", valid=["还有很多。。。", "真的吗？！", "占9.09%。", "马克·吐温", "v1.2版", "他说：“好。”"])


# ------------------------------------------------------------------------------------------------- PUN011
def test_pun011():
    line = seed_line("003", 66)
    spans = [at(line, ","), at(line, ",", 1)]
    check_rule("PUN011", invalid=[(line, spans, None)])
    line = seed_line("002", 17)  # 維權(quán)周,“6.26”國際禁毒日、“扶貧日”
    i = line.index(",“6.26”")
    check_rule("PUN011", invalid=[(line, [(i, i + 1)], None)])
    check_rule("PUN011", valid=[
        "举办了“三八”节、“六一”节活动，“七一”期间又组织了党史学习。",
        "开展“巧手剪窗花,笑语迎新年”、“童心向党快乐成长”等活动",
        "评选“最美家庭”，“五好家庭”评选也取得成效。",
    ])
    # PUN001 does not report the same comma again
    assert "PUN001" not in rules_of(seed_line("003", 66).split(";")[0] + "。", ("PUN001", "PUN011"))


# ------------------------------------------------------------------------------------------------- PUN012
def test_pun012_seed_lines():
    line = seed_line("000", 4)
    found = [d for d in lint(line, ["PUN012"])]
    assert len(found) == 1 and "荣誉称号" in found[0].message
    assert "荣誉称号。（九）推进" in fix(line, ["PUN012"], unsafe=True)
    text = "\n\n".join(seed_line("003", n) for n in (16, 18, 20, 22, 24))
    found = [d for d in lint(text, ["PUN012"])]
    assert [d.text for d in found] == ["长"]


def test_pun012_negatives():
    check_rule("PUN012", valid=[
        seed_line("004", 2),  # run-in headings (一、…有作为（一）…) lost their line breaks, not their full stops
        seed_line("001", 3) + "\n" + seed_line("001", 4),  # headings take no final mark
    ])
    # hard-wrapped text: the lines are one paragraph (doc.logical_paragraphs), only its real end is reported
    wrapped = ("今年以来，县妇联围绕全面贯彻落实党的十九大精神，深入贯彻落实习近平总书记重要讲话精神和对广西工作\n"
               "的系列重要指示精神。以及妇女工作的重要论述特别是重要讲话精神，紧盯县第十五次党代会确定的各项\n"
               "目标任务，解放思想，勇于开拓，担当实干，履职尽责。切实发挥好联系、宣传、代表、服务妇女的作用\n"
               "有效开创我县妇女工作新局面，全县妇女事业取得新的进展。现将今年以来的工作总结如下，请审阅指正\n")
    check_rule("PUN012", invalid=[(wrapped, [(len(wrapped) - 2, len(wrapped) - 1)], None)])


# ------------------------------------------------------------------------------------------------- synthetic drafts
CLEAN_DRAFT = """关于2021年度妇女工作的总结

　　2021年，县妇联在县委、县政府的正确领导下，围绕“巾帼心向党 奋斗新征程”主题，扎扎实实开展各项工作，全年共组织培训12期，参训人员1,200人次，满意率达98.5%。
一、主要工作
（一）加强思想引领。举办“三八”国际妇女节座谈会、“六一”儿童节慰问活动，开展“6·26”国际禁毒日、“12·4”国家宪法日宣传。
1.组织学习。认真学习《中华人民共和国妇女权益保障法》《反家庭暴力法》，印发《关于印发〈实施方案〉的通知》（县妇发〔2021〕6号）。
2.开展宣讲。宣讲活动于16:05开始，比例为1:3，详见http://www.example.gov.cn/a,b;c。
（二）维护妇女权益。联系电话0735-2871512，于2019-11-25建立台账，依据GB/T 15834-2011执行；（2011—2020）规划已完成。
二、下一步工作
一是加强学习；二是完善制度；三是强化考核。全年资金4.5万元，占9.09%，“11·2”重要讲话精神要落实到位……
"""


def test_clean_draft_is_quiet():
    found = [d for d in lint(CLEAN_DRAFT, ["PUN", "SEQ", "DOC"])]
    assert found == [], "; ".join(f"{d.rule} {d.text!r} {d.message}" for d in found)


def test_clean_draft_in_halfwidth_is_reported_per_line():
    # the same draft with halfwidth commas: one PUN001 finding per affected line, nothing else
    text = CLEAN_DRAFT.replace("，", ",")
    found = [d for d in lint(text, ["PUN", "SEQ", "DOC"])]
    assert {d.rule for d in found} == {"PUN001"}
    lines = {d.line for d in found}
    assert len(found) == len(lines)
    out = fix(text, ["PUN"])
    assert out == CLEAN_DRAFT.replace("http://www.example.gov.cn/a，b;c", "http://www.example.gov.cn/a,b;c")


# ------------------------------------------------------------------------------------------------- properties
_PIECES = st.sampled_from([
    "妇联", "工作", "2021年", "1,000", "16:05", "1:500", "http://a.cn/x,y:z", "a@b.cn", "Hello, world", "(1)",
    "(一)", "(其中", ")", "(lián)", ",", ";", ":", "!", "?", ".", "......", "。。。", "，", "“", "”", "《", "》",
    "<", ">", "――", "-", "2011-2015", "0-2岁", "・", "6.26", "“6.26”", "9.09%", " ", "\n", "、", "“三・八”",
])
_PROTECTED = regex.compile(r"https?://[^\s<>\"'“”‘’（）()《》【】，。；！？、]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, min_size=1, max_size=30).map("".join))
def test_pun_fixes_are_idempotent_and_keep_digits_letters_urls(text):
    out = fix(text, ["PUN"], unsafe=True)
    assert fix(out, ["PUN"], unsafe=True) == out
    strip = lambda s: regex.sub(r"[^0-9A-Za-z]", "", s)  # noqa: E731
    assert strip(out) == strip(text)
    for url in _PROTECTED.findall(text):
        assert url in out


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("妇联工作年月日12,.;:!?()（）“”《》<>―-・、。， \naZ")), max_size=60))
def test_pun_rules_never_crash(text):
    for d in lint(text, ["PUN", "SEQ", "DOC"]):
        assert d.rule != "LNT002", d.message


# ------------------------------------------------------------------------------------------------- clean-corpus FPs
def test_pun002_last_item_is_a_month_day_name():
    # “6·26”禁毒日: the quoted month–day name is part of an item with its own words, so the 顿号 is right
    # (GB/T 15834-2011 4.5.3.5: with other words after the quotation marks, 宜用顿号)
    check_rule("PUN002", valid=[
        "开展“不让毒品进家庭”、“6·26”禁毒日宣传活动。",
        "依托“99公益日”、“3·15”国际消费者权益日开展普法。",
    ])
    # fully quoted items, or a month–day name with nothing after it, still take no 顿号
    check_rule("PUN002", invalid=[
        ("扎实开展免费“两筛”、“两癌”筛查。", None, None),
        ("宣传日为“6·26”、“12·1”。", None, None),
    ])


# ------------------------------------------------------------------------------------------------- internals
# (the pattern triggers are held to a full scan by tests/test_triggers.py; these hold the rules' own shortcuts)
import random  # noqa: E402

from conftest import SEEDS  # noqa: E402

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def _generated(alphabet: list[str], n: int = 3000, size: int = 24, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(size))) for _ in range(n)]


def test_pun001_mark_at_end_of_text_is_reported_as_at_a_line_end():
    # the end of the text is a line end: with or without a final newline the same findings
    for end in ("", "\n"):
        assert rules_of("工作取得成效," + end, ["PUN001"]) == ["PUN001"]
        assert rules_of("工作取得成效了吗?" + end, ["PUN001"]) == ["PUN001"]
    assert lint("比分为3:2", ["PUN001"]) == []


def test_pun001_plain_branch_is_what_the_general_branch_decides():
    # _MARK_OR_PLAIN_RE matches where the general mark pattern does; its first branch takes the certain case (a , ;
    # or : between Han text and Han text, an opening mark or a digit), which the general branch would accept with
    # the same span
    import lintkit_rules.pun as pun

    general = regex.compile(pun._MARK_PATTERN)
    texts = SEED_TEXTS + _generated(list(",;:!? \t中1a)”“（(\n\ufffc") + ["婦聯(lián)", "APP", "》"])
    plain_seen = 0
    for text in texts:
        both = list(pun._MARK_OR_PLAIN_RE.finditer(text))
        assert [m.span() for m in both] == [m.span() for m in general.finditer(text)], text
        for m in both:
            if m.group("plain") is not None:
                plain_seen += 1
                s, e = m.span()
                assert pun._kind(text[s - 1]) == "han" and text[s] in ",;:"
                assert e < len(text) and pun._kind(text[e]) in ("han", "digit")
    assert plain_seen > 100


def test_pun002_pun011_chains_on_later_lines():
    for nl in ("\n", "\r", "\r\n"):
        text = nl.join(["开展“扶贫日”活动，“宪法日”宣传。", "“两筛”“两癌”", "扎实开展免费“两筛”、“两癌”筛查"])
        assert [(d.rule, d.line) for d in lint(text, ["PUN002"])] == [("PUN002", 3)]
        text = nl.join(["“扶贫日”活动。", "开展“不让毒品进家庭”、“6·26”禁毒日,“12·1”防艾日、“12·4”法制宣传日等宣传活动"])
        assert [(d.rule, d.line) for d in lint(text, ["PUN011"])] == [("PUN011", 2)]


def test_pun012_paragraph_end_shortcut_only_skips_characters_the_pattern_rejects():
    import lintkit_rules.pun as pun

    assert not [c for c in pun._NOT_PARA_LAST if pun._PARA_LAST.match(c)]


def test_pun005_fast_check_and_exact_path():
    import lintkit_rules.pun as pun

    check = pun._all_paired_re().fullmatch
    # the fast check accepts balanced lines (nesting up to two) and the rule is silent on them
    for text in ["“两癌”筛查（含《条例》）", "（“a”）", "开展“不让毒品进家庭”活动。\n（一）“三八”节"]:
        assert check(text)
        assert not lint(text, ["PUN005"])
    # rejected but balanced (crossing kinds, three deep): the exact path decides, and stays silent
    for text in ["“甲（乙”丙）", "（“《a》”）"]:
        assert not check(text)
        assert not lint(text, ["PUN005"])
    assert rules_of("推进低保、特困“两癌患病妇女救助工程。", ["PUN005"]) == ["PUN005"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list("“”‘’《》（）【】〔〕「」『』〈〉a1：中 \n"), max_size=30))
def test_pun005_fast_check_never_accepts_a_text_with_unpaired_marks(text):
    import lintkit_rules.pun as pun

    if pun._all_paired_re().fullmatch(text):
        for m in regex.finditer(r"[^\r\n]+", text):
            assert pun._unpaired_in_line(text, m.start(), m.end()) == ([], [])


def test_pun005_unpaired_in_line_per_kind_equals_one_stack_per_kind():
    import lintkit_rules.pun as pun

    def one_pass(masked, s, e):  # the plain loop: every mark in text order, one stack per kind
        stacks = {k: [] for k in pun._PAIRS}
        closes = []
        for m in pun._BRACKET_RE.finditer(masked, s, e):
            p, ch = m.start(), m.group()
            if ch in pun._PAIRS:
                stacks[ch].append(p)
                continue
            if stacks[pun._CLOSERS[ch]]:
                stacks[pun._CLOSERS[ch]].pop()
                continue
            if ch == "’" and p > s and p + 1 < e and masked[p - 1].isascii() and masked[p - 1].isalpha():
                continue
            if ch == "）" and (pun._LIST_MARKER_BEFORE.search(masked, max(s, p - 4, masked.rfind("\n", 0, p) + 1), p)
                              or (p > s and masked[p - 1] in ":：;；^_-")):
                continue
            closes.append(p)
        return sorted(p for v in stacks.values() for p in v), closes

    texts = _generated(list("“”‘’《》（）【】〔〕「」『』〈〉a1：中 "), n=5000, size=16)
    for text in texts + [line for t in SEED_TEXTS for line in t.splitlines()]:
        assert pun._unpaired_in_line(text, 0, len(text)) == one_pass(text, 0, len(text)), text


def test_pun005_lines_outside_the_unbalanced_set_have_nothing_unpaired(monkeypatch):
    import lintkit_rules.pun as pun
    from lintkit.document import Document

    chars = list("“”‘’《》（）【】「」a1：中 \t\u3000\n") + ["\r\n", "“两癌”", "（一）", "1）"]
    texts = SEED_TEXTS + _generated(chars, n=3000, size=30, seed=5) + ["“甲（乙”丙）\n“第二段。”", "（“《a》”）"]
    skipped = 0
    for text in texts:
        doc = Document(text)
        bad = pun._unbalanced_line_starts(doc)
        assert (not bad) == bool(pun._all_paired_re().fullmatch(doc.masked)), repr(text)
        for s, e in doc.lines:
            if s not in bad:
                skipped += 1
                assert pun._unpaired_in_line(doc.masked, s, e) == ([], []), repr(text)
    assert skipped > 1000
    # the rule with every line sent through _unpaired_in_line (the slow branch) gives the same findings
    want = [[(f.start, f.end, f.message) for f in pun.unpaired_marks(Document(t))] for t in texts]
    monkeypatch.setattr(pun, "_unbalanced_line_starts", lambda doc, stop=None: {s for s, _ in doc.lines})
    got = [[(f.start, f.end, f.message) for f in pun.unpaired_marks(Document(t))] for t in texts]
    assert got == want
    assert sum(map(len, want)) > 100


# ------------------------------------------------------------------------------------------------- issue 16: paragraphs
def test_pun005_marks_paired_over_broken_lines():
    # text pasted from a web page breaks lines inside titles and brackets: doc.logical_paragraphs rejoins what it can,
    # and a bracket closed a few short lines later is paired
    check_rule("PUN005", valid=[
        "根据《\n中华人民共和国著作权法\n》第五条，本作品属于公有领域。",
        "以细颗粒物（PM\n2.5\n）和可吸入颗粒物（PM\n10\n）治理为突破口。",
        "收藏\n【字号：\n加大\n还原\n减小\n】\n2026年政府工作报告",
        "》》点击图片进入专题《《",  # arrows, not book-title marks
        "办好“中国’99昆明世界园艺博览会”。",  # the apostrophe of a shortened year
    ])
    # a mark with no partner within reach is still reported
    far = "开展（调研" + "，" + "走访群众" * 30 + "。\n\n" + "）完成。"
    assert rules_of(far, ["PUN005"]) == ["PUN005", "PUN005"]
    check_rule("PUN005", invalid=[("其中：水田面积960亩、旱田面积6518亩）、果园320亩。", [(21, 22)], None)])


def test_pun012_never_puts_a_mark_inside_a_word():
    long = "全社会研发经费支出占全年财政支出的比例逐年提高，各项科技创新工作扎实推进。全社会研发经费支出与国内生产总"
    check_rule("PUN012", valid=[long + "\n值之比达到2.08%。\n", long + "\n\u200b\n值之比达到2.08%。\n"])
    # the break is not inside a word: reported
    text = long + "值有较大增长\n\n（四）点面结合\n"
    check_rule("PUN012", invalid=[(text, [(text.index("长"), text.index("长") + 1)], None)])


def test_pun012_byline_and_fragment_are_no_sentence_ends():
    check_rule("PUN012", valid=[
        "1月25日，省十四届人大四次会议开幕，省长作政府工作报告。湖南日报全媒体记者 刘尚文 摄\n各位代表：\n",
        "根据本院的有关规定，中国共产党中央组织制定的其他中国共产党文件，应使用\n版权失效模板\n。\n",
    ])


def test_pun012_unclear_continuation_is_info():
    # the next paragraph neither is a heading nor indented nor the end of the text: the break may lie inside a
    # sentence (links of a web page on lines of their own), so the finding is a hint only
    text = "面对香港局势动荡变化。我们坚持一国两制方针，推动香港局势实现由乱到治的重大转折，我们依照\n宪法\n和基本法有效实施全面管治。\n"
    found = lint(text, ["PUN012"])
    assert [(d.text, d.severity) for d in found] == [("照", "info")]
    # before a heading or at the end of the text: a warning
    text = "面对香港局势动荡变化。我们坚持一国两制方针，推动香港局势实现由乱到治的重大转折，工作取得新进展\n二、下一步工作\n"
    assert [(d.text, d.severity) for d in lint(text, ["PUN012"])] == [("展", "warning")]


def test_pun012_parenthesised_numeral_inside_a_word():
    text = "全县共有中型水库2座。（一）型水库和小（二）型水库分别建成3座和12座，完成除险加固。"
    check_rule("PUN012", valid=[text, "全县共有中型水库2座，小（一）型水库5座，小（二）型水库12座。"])


# ------------------------------------------------------------------------------------------------- issue 16: PUN004
def test_pun004_connecting_dash_between_related_items():
    # GB/T 15834 4.13: a 连接号 joins related items; in a chain or between two short items it is no 破折号
    check_rule("PUN004", valid=[
        "打造“深圳—香港—广州”创新集群。",
        "建立“发现—核查—整改—反馈”工作闭环。",
        "坚守“龙头企业—产业链—产业集群—产业生态”培育之道。",
        "推出“神工—智环”等科技成果。",
    ])
    # a single dash between longer parts in a quotation is a 破折号 written short
    check_rule("PUN004", invalid=[("开展“建设法治上林—巾帼在行动”活动", [(9, 10)], None)])


def test_pun004_horizontal_bar_between_numbers_is_a_connector():
    text = "清理整顿时限是1997年4月―1998年2月，1997年4―6月自查。"
    check_rule("PUN004", invalid=[(text, [(14, 15), (29, 30)], text.replace("―", "—"))])
    found = lint("今后几年发生多次5―6级地震的可能性较大。", ["PUN004"])
    assert [(d.text, d.severity) for d in found] == [("―", "warning")] and "浪纹线" in found[0].message
    assert [d.message for d in lint("合作社――永兴县马田镇", ["PUN004"])] == ["破折号“――”应写作“——”"]


# ------------------------------------------------------------------------------------------------- issue 16: new checks
def test_pun014_ascii_quotation_marks():
    line = '积4.8万平方公里。加强"三河三湖" 等重点流域水污染防治。'
    check_rule("PUN014", invalid=[
        (line, [at(line, '"三河三湖"')], line.replace('"三河三湖"', "“三河三湖”")),
        ('开展"不忘初心、牢记使命"主题教育', [(2, 13)], "开展“不忘初心、牢记使命”主题教育"),
    ])
    check_rule("PUN014", valid=[
        'He said "hello" to me.',
        '<a title="中文标题">链接</a>',
        "引号用“”。",
        '英文直引号"单独一个。',
    ])


def test_pun015_fullwidth_colon_in_times_and_standards():
    check_rule("PUN015", invalid=[
        ("会议于18：00开始。", [(3, 8)], "会议于18:00开始。"),
        ("办公时间9：00—12：00。", [(4, 8), (9, 14)], "办公时间9:00—12:00。"),
        ("请于18：00前报送。", [(2, 7)], "请于18:00前报送。"),
        ("通过ISO9001：2000质量管理体系认证", [(2, 14)], "通过ISO9001:2000质量管理体系认证"),
        ("依据GB/T 19001：2016执行", [(2, 17)], "依据GB/T 19001—2016执行"),
    ])
    check_rule("PUN015", valid=[
        "比例尺为1：50。",
        "比分3：15。",
        "时间：2021年5月。",
        "会议于18:00开始。",
        "依据GB/T 19001—2016执行。",
    ])


# ------------------------------------------------------------------------------------------------ PUN016

def test_pun016_doubled_question_and_exclamation_marks():
    check_rule("PUN016", unsafe=True, invalid=[
        ("让我们携起手来，共创美好明天！！", [(14, 16)], "让我们携起手来，共创美好明天！"),
        ("这样做真的有效吗？？", [(8, 10)], "这样做真的有效吗？"),
        ("大家齐声高喊“冲啊！！！”", [(9, 12)], "大家齐声高喊“冲啊！”"),
    ])
    plain, quoted = lint("共创美好明天！！", ["PUN016"])[0], lint("高喊“冲啊！！！”", ["PUN016"])[0]
    assert (plain.severity, plain.message) == ("warning", "叹号叠用：“！！”，文稿中用一个即可")
    assert quoted.severity == "info" and plain.fix.applicability == "unsafe"


def test_pun016_negatives():
    check_rule("PUN016", valid=[
        "真的是这样吗？！",   # 问叹连用: surprise, allowed
        "好！我们出发！",
        "What?? Really!!",    # no Chinese mark
    ])


# ------------------------------------------------------------------------------------------------ issue 17
def test_pun007_leaves_point_dates_in_prose_to_dat008():
    """A date in prose written with a point is DAT008's (a date form); PUN007 keeps the month–day names."""
    assert not lint("全县动员大会于4.29召开。", ["PUN007"])
    assert [d.rule for d in lint("全县动员大会于4.29召开，开展11.25反家暴宣传周活动。", ["PUN007", "DAT008"])
            if d.rule in ("PUN007", "DAT008")] == ["DAT008", "PUN007"]
