"""SEQ — heading and list numbering (GB/T 15834-2011 appendix, GB/T 9704-2012 7.3.3)."""

from __future__ import annotations

import pytest

from conftest import check_rule, lint, seed_line


def test_every_rule_is_documented():
    from lintkit import rules_in
    import lintkit_rules.seq as seq

    rules = {r.id: r for r in rules_in(seq)}
    assert sorted(rules) == ["SEQ001", "SEQ002", "SEQ003", "SEQ004"]
    for r in rules.values():
        for section in ("为什么：", "错误示例：", "正确写法：", "依据：", "修复："):
            assert section in r.doc, f"{r.id} docstring lacks {section}"


def test_cn_number():
    from lintkit_rules.seq import cn_number

    assert [cn_number(s) for s in ("一", "九", "十", "十一", "十二", "二十", "二十三", "九十九")] == \
        [1, 9, 10, 11, 12, 20, 23, 99]
    assert cn_number("一一") is None and cn_number("十十") is None and cn_number("") is None


# ------------------------------------------------------------------------------------------------- SEQ001
def test_seq001_seed_lines():
    text = "\n\n".join(seed_line("003", n) for n in range(44, 73, 2))  # 1、…15、
    found = lint(text, ["SEQ001"])
    assert len(found) == 15 and found[0].text == "1、" and found[-1].text == "15、"
    line = seed_line("003", 44)
    check_rule("SEQ001", invalid=[(line, [(0, 2)], "1." + line[2:])])
    check_rule("SEQ001", invalid=[("主要有：1、加强学习；2、完善制度。", [(4, 6), (11, 13)], "主要有：1.加强学习；2.完善制度。")])


@pytest.mark.parametrize("text", [
    "1、2、3号楼已完工。",
    "2、3年后再议。",
    "1.积极推进理论学习。",
    "一、主要工作",
    "全县共有12、13两个村。",
    "我们的口号是“1、2、3，齐步走”。",
])
def test_seq001_negatives(text):
    check_rule("SEQ001", valid=[text])


# ------------------------------------------------------------------------------------------------- SEQ002
def test_seq002_seed_lines():
    line = seed_line("003", 10)  # (一)围绕中心,开展…
    check_rule("SEQ002", invalid=[(line, [(0, 3)], "（一）" + line[3:])])
    line = seed_line("004", 2)  # inline (一) after a run-in heading
    found = lint(line, ["SEQ002"])
    assert len(found) == 16 and {d.text for d in found} == {"(一)", "(二)", "(三)", "(四)", "(五)", "(六)"}
    check_rule("SEQ002", invalid=[
        ("（一）、围绕中心", [(0, 4)], "（一）围绕中心"),
        ("(1)加强学习", [(0, 3)], "（1）加强学习"),
        ("（二）.完善制度", [(0, 4)], "（二）完善制度"),
        ("(三）强化考核", [(0, 3)], "（三）强化考核"),
    ])


@pytest.mark.parametrize("text", [
    "（一）守正创新，强化思想政治引领",
    "由公式(1)可得结论。",
    "按照第三条(一)项规定执行。",
    "y=f(x)+(1)",
    "（1）加强学习",
    "认真做好（2011—2020）《西峡县妇女儿童发展两规划》",
])
def test_seq002_negatives(text):
    check_rule("SEQ002", valid=[text])


# ------------------------------------------------------------------------------------------------- SEQ003
def test_seq003_seeds_are_consistent():
    for prefix in ("000", "001", "003", "004"):
        from conftest import SEEDS

        text = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
        assert lint(text, ["SEQ003"]) == [], prefix


def test_seq003_gaps_and_repeats():
    text = "一、工作回顾\n（一）加强领导。\n（二）完善制度。\n（四）强化考核。\n"
    check_rule("SEQ003", invalid=[(text, [(text.index("（四）"), text.index("（四）") + 3)], None)])
    assert "缺少“（三）”" in lint(text, ["SEQ003"])[0].message
    text = "1.组织学习。\n2.开展宣讲。\n2.强化考核。\n"
    check_rule("SEQ003", invalid=[(text, [(text.rindex("2."), text.rindex("2.") + 2)], None)])
    # inline ordinals in a one-line document
    line = "工作如下：一、加强学习。（一）学理论。（二）学党史。（三）学法律。二、完善制度。（一）建章程。（三）抓落实。"
    check_rule("SEQ003", invalid=[(line, [(line.rindex("（三）"), line.rindex("（三）") + 3)], None)])


def test_seq003_restarts_and_quotes():
    check_rule("SEQ003", valid=[
        # numbering restarts under a new parent heading
        "一、工作回顾\n（一）加强领导。\n（二）完善制度。\n二、工作计划\n（一）强化考核。\n（二）加强督查。\n",
        "（一）学习\n1.学理论。\n2.学党史。\n（二）宣传\n1.进社区。\n2.进学校。\n",
        # a quoted numbered list is not a heading
        "他说：“（一）要学习；（三）要落实。”然后散会。\n",
        # a new list that starts again from 1
        "1.甲。\n2.乙。\n\n说明如下：\n1.丙。\n",
    ])


# ------------------------------------------------------------------------------------------------- SEQ004
def test_seq004():
    line = seed_line("004", 2)  # 一是推进“破难”行动… and no 二是
    found = lint(line, ["SEQ004"])
    assert len(found) == 1 and found[0].text == "一是" and found[0].severity == "info"
    text = "\n".join(seed_line("000", n) for n in range(1, 11))
    assert lint(text, ["SEQ004"]) == []  # 一是…二是 in the next paragraph, inline 一是…二是…三是
    check_rule("SEQ004", valid=[
        "要做到一是一，二是二。",
        "全县统一是前提。",
        "工作中：一是加强学习；\n二是完善制度。",
    ])


# ------------------------------------------------------------------------------------------------- clean-corpus FPs
def test_seq003_heading_followed_by_corner_quote():
    # Taiwan/Hong Kong drafts quote with 「」: a heading that opens with a quotation is still a heading, so the
    # numbering （一）（二）（三） is complete (it used to skip （二）「…」 and report a gap)
    text = ("（一）本年度共舉辦活動36項。\n\n（二）「離島區節慶嘉年華」於10月12日舉行。\n\n"
            "（三）為配合「全民國家安全教育日」，舉辦專題講座。\n\n二、工程\n\n1.『綠在區區』計劃。\n\n2.完成工程。")
    check_rule("SEQ003", valid=[text])
    # and a real gap is still found when the missing item opens with a corner quote
    check_rule("SEQ003", invalid=[("（一）甲。\n（三）「乙」丙。\n", None, None),
                                  ("（一）「甲」。\n（二）「乙」。\n（四）「丙」。\n", None, None)])


# ------------------------------------------------------------------------------------------------- the ordinals view
def test_ordinal_matches_equal_a_full_scan():
    # the view tries its pattern only before the anchors; every ordinal holds one (not covered by the generic trigger
    # test: the view is no rule trigger)
    import random

    import lintkit_rules.seq as seq
    from conftest import corpus_paths

    rng = random.Random(2)
    alphabet = list("（()）一二三十1203、.．,，。；：:中“ \u3000\t\n\r") + ["第三条", "十二、", "12."]
    texts = [p.read_text(encoding="utf-8") for p in corpus_paths()]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(20))) for _ in range(5000)]
    texts += ["一、围绕中心有作为（一）落实民生实事", "第三条（一）项", "三、四年级", "五六七八、", "123.中", "年12.3万元",
              "1、2、3号楼", "“1.加强学习”", "\u3000（二）、完善制度", "(1)加强学习", "二十三、中", "１、中"]
    for text in texts:
        got = [(m.span(), m.groups()) for m in seq.ordinal_matches(text)]
        assert got == [(m.span(), m.groups()) for m in seq._ORDINAL_RE.finditer(text)], text


def test_ordinals_view():
    from lintkit import Document

    doc = Document("一、总体\n（一）加强领导\n1.学习\n(2)、落实\n")
    assert [(o.text, o.level, o.value, o.misformed) for o in doc.ordinals] == [
        ("一、", 1, 1, False), ("（一）", 2, 1, False), ("1.", 3, 1, False), ("(2)、", 4, 2, True)]


def test_in_quotes_on_line_equals_in_quotes():
    import random

    import lintkit_rules.seq as seq
    from lintkit import Document

    rng = random.Random(2)
    alphabet = list("“”‘’《》「」『』〈〉【】〔〕（）()\"中1 \u3000\t\n\r") + ["一是", "中" * 120]
    for text in ["".join(rng.choice(alphabet) for _ in range(rng.randrange(24))) for _ in range(1500)]:
        doc = Document(text)
        for s in range(len(text)):
            for e in (s, s + 1, s + 2):
                if e <= len(text):
                    assert seq.in_quotes_on_line(doc, s, e) == doc.in_quotes(s, e), (text, s, e)


def test_line_start_is_never_inside_a_quotation():
    # the ordinals view does not ask doc.in_quotes for an ordinal with only blanks before it on its line; this holds
    # as long as a quotation opens with a mark on the same line
    import random

    import regex

    from lintkit import Document

    rng = random.Random(2)
    alphabet = list("“”‘’《》「」『』〈〉\"中1 \u3000\t\n\r")
    for text in ["".join(rng.choice(alphabet) for _ in range(rng.randrange(30))) for _ in range(3000)]:
        doc = Document(text)
        for m in regex.finditer(r"(?:^|(?<=[\r\n]))[ \t\u3000]*", text):
            p = m.end()
            assert not doc.in_quotes(p, min(p + 1, len(text))), (text, p)


# ------------------------------------------------------------------------------------------------- issues 16, 17
def test_seq003_outer_list_goes_on_after_a_nested_restart():
    # sub-items numbered like the outer list (一、二、三、 under 四、) end where the outer list goes on with 五、
    text = "一、甲\n二、乙\n三、丙\n四、丁\n一、子\n二、丑\n三、寅\n五、戊\n六、己\n"
    check_rule("SEQ003", valid=[text])
    check_rule("SEQ003", invalid=[(text.replace("五、戊", "七、戊"), None, None)])


def test_seq003_enumeration_inside_a_sentence_is_its_own_list():
    text = ("一、总体情况\n报告分三个部分：一、回顾过去；二、分析形势；三、部署任务。\n二、主要工作\n三、下一步打算\n")
    check_rule("SEQ003", valid=[text])
    # within its paragraph it is still checked
    check_rule("SEQ003", invalid=[("报告分三个部分：一、回顾过去；二、分析形势；四、部署任务。\n", [(22, 24)], None)])


def test_seq003_repeated_first_heading():
    # a list does not restart right after its first item: 一、 twice in a row is a repeated number (issue 17)
    text = "一、工作回顾\n今年以来成效明显。\n一、存在问题\n二、下一步打算\n"
    check_rule("SEQ003", invalid=[(text, [(text.index("一、存在"), text.index("一、存在") + 2)], None)])
    check_rule("SEQ003", invalid=[("（一）甲。\n（一）乙。\n（二）丙。\n", [(6, 9)], None)])
    assert "重复" in lint("一、甲\n二、乙\n二、丙\n三、丁\n", ["SEQ003"])[0].message


def test_seq003_missing_number_written_in_another_form():
    # 20.2026年… and 21.5+2… read as decimals, but the numbers are there
    text = "19.帮扶政策体系。\n20.2026年10件民生实事。\n21.5+2就业之家。\n22.百羽争锋。\n"
    check_rule("SEQ003", valid=[text])


def test_ordinals_split_over_a_line_break_and_before_latin():
    text = "（一）甲。\n（二）乙。\n（\n三）丙。\n（四）丁。\n8.手术率。\n9. I类切口感染率。\n10.质量控制。\n"
    check_rule("SEQ003", valid=[text])


# ------------------------------------------------------------------------------------------------ issue 17
def test_seq003_heading_number_alone_on_its_line():
    # a heading number with its title on the next line (text pasted from a web page): 三、⏎国家机关…
    text = "一、\n总体要求\n二、\n主要任务\n二、\n保障措施\n"
    d = [x for x in lint(text, ["SEQ003"])]
    assert [(x.offset, x.end_offset, x.message) for x in d] == [(16, 18, "序号“二、”与上一个同级序号重复")]
    # inside a paragraph an ordinal at the end of a line is no heading
    check_rule("SEQ003", valid=["一、总体要求\n报告共分三类：一、\n二、主要任务\n"])


def test_seq003_repeated_one_before_three():
    text = "四、组织实施\n1.建立协调机制。\n1.有规范的名称。\n3.有固定的场所。\n"
    d = lint(text, ["SEQ003"])
    assert [(x.offset, x.end_offset, x.message) for x in d] == [(17, 19, "序号“1.”与上一个同级序号重复"),
                                                                (27, 29, "序号不连续：“1.”之后是“3.”，缺少“2.”")]
    # 1. 1. 2.: two lists (the first of one item), not reported
    check_rule("SEQ003", valid=["四、组织实施\n1.建立协调机制。\n1.有规范的名称。\n2.有固定的场所。\n"])
