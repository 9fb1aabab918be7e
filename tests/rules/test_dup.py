"""DUP — doubled words, repeated clauses, repeated sentences, repeated modifiers."""

from __future__ import annotations

import pytest
from conftest import SEEDS, check_rule, corpus_paths, fix, lint, seed_line
from hypothesis import given, settings
from hypothesis import strategies as st

GRAMMATICAL = ["扎扎实实推进工作", "常常深入基层", "人人参与", "妈妈们", "大家看看这份材料", "研究研究再定",
               "开展一对一帮扶", "面对面交流", "落实落细各项措施", "关心关爱留守儿童", "尊法学法守法用法",
               "村村通公路", "开展村村比观摩评比活动", "实施家家幸福安康工程", "说的的确是事实", "达到目的的手段",
               "永兴县县委书记", "马田镇镇政府所在村", "西峡县县妇联", "南阳市市场监督管理局", "这区区几个村",
               "某某乡乡村振兴示范村", "县城关镇", "天天向上", "个个争先", "讨论讨论", "镇镇通硬化路"]


# ------------------------------------------------------------------------------------------------- DUP001
def test_dup001_seed_lines():
    found = lint(seed_line("004", 2), ["DUP001"])
    assert [d.text for d in found] == ["的的"]
    found = lint(seed_line("003", 36), ["DUP001"])
    assert [d.text for d in found] == ["镇镇"]
    found = lint(seed_line("002", 19), ["DUP001"])
    assert [d.text for d in found] == ["首屆“首屆"]


def test_dup001_fixes():
    check_rule("DUP001", invalid=[
        ("主题特色鲜明益智身心健康的的未成年人教育实践活动", [(12, 14)], "主题特色鲜明益智身心健康的未成年人教育实践活动"),
        ("2011在马田镇镇红星村建设了我县第一家村“妇女之家”", [(7, 9)], "2011在马田镇红星村建设了我县第一家村“妇女之家”"),
        ("进一步进一步加强组织建设", [(0, 6)], "进一步加强组织建设"),
        ("以及以及相关单位", None, "以及相关单位"),
    ])
    check_rule("DUP001", invalid=[
        ("鎮原縣首屆“首屆家風家訓”朗誦會", [(3, 8)], "鎮原縣“首屆家風家訓”朗誦會"),
    ], unsafe=True)


def test_dup001_quote_double_is_not_safe():
    from conftest import fix

    text = "鎮原縣首屆“首屆家風家訓”朗誦會"
    assert fix(text, ["DUP001"]) == text


def test_dup001_grammatical_reduplication():
    check_rule("DUP001", valid=GRAMMATICAL)


# ------------------------------------------------------------------------------------------------- DUP002
def test_dup002_seed_clause():
    found = lint(seed_line("000", 4), ["DUP002"])
    assert [d.text for d in found] == ["南阳市“好爱你”杯基层妇联领头雁云比武大赛"]


def test_dup002_fix():
    check_rule("DUP002", invalid=[
        ("积极参与南阳市“好爱你”杯比武大赛；南阳市“好爱你”杯比武大赛；开展展播活动",
         None, "积极参与南阳市“好爱你”杯比武大赛；开展展播活动"),
        ("要加强妇女儿童权益保障，加强妇女儿童权益保障。", None, "要加强妇女儿童权益保障。"),
    ], unsafe=True)


def test_dup002_negatives():
    check_rule("DUP002", valid=[
        "好，好，好。",
        "学习，学习，再学习。",
        "要抓好党建，要抓好业务，要抓好队伍。",
        "巾帼心向党，巾帼建新功，巾帼暖人心。",
        "一是加强学习。二是加强宣传。",
        "加油！加油！",
    ])



@pytest.mark.parametrize("between", ["；", " ；", "；\u3000", "，  ，"])
def test_dup002_pre_check_paths(between):
    # the clause's first copy ends right before the delimiter, or with blanks before it (a separate pre-check)
    clause = "南阳市“好爱你”杯基层妇联领头雁云比武大赛"
    found = lint("组织干部积极参与" + clause + between + clause + "；开展活动", ["DUP002"])
    assert [d.text for d in found] == [clause]
    assert lint("组织干部积极参与" + clause + between + "比武大赛的" + clause[:-1] + "；开展活动", ["DUP002"]) == []

def _dup002_texts():
    """Seed and fixture lines, with every clause of each line doubled (whole, or its end) across the ways two
    clauses can be joined; with the lines themselves (clean drafts, recall fixtures)."""
    import random
    import re

    rng = random.Random(2)
    betweens = ["；", "，", "、", "：", " ；", "；\u3000", "，  ，", "\u3000，", "；；", " "]
    for path in corpus_paths():
        text = path.read_text(encoding="utf-8")
        yield text
        lines = [ln for ln in text.splitlines() if len(ln) > 10]
        for line in rng.sample(lines, min(4, len(lines))):
            clauses = [m for m in re.finditer(r"[^，,；;、。！？!?：:]+", line)]
            for m in rng.sample(clauses, min(3, len(clauses))):
                for copy in (m.group(), m.group()[-rng.randint(4, 9):], m.group()[1:]):
                    yield line[:m.end()] + rng.choice(betweens) + copy + line[m.end():]


def test_dup002_candidates_imply_every_finding():
    # the candidate pass must let the clause loop run wherever the loop finds something: compare the rule with
    # the loop alone on real lines with doubled clauses (the pattern's 4 characters need min_han >= 4)
    from lintkit import Document
    from lintkit_rules import dup

    assert dup._MIN_HAN2 >= 4
    n = 0
    for text in _dup002_texts():
        doc = Document(text)
        expected = list(dup._repeated_clauses(doc))
        assert list(dup.repeated_clause(doc)) == expected, text
        n += bool(expected)
    assert n > 100  # the variants do repeat clauses


# ------------------------------------------------------------------------------------------------- DUP003
def test_dup003_seed_sentence():
    text = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    found = lint(text, ["DUP003"])
    assert len(found) == 1
    assert found[0].line == 4 and "第 3 行" in found[0].message
    assert found[0].text.startswith("2021年12月14日，西峡县妇联被全国妇联授予")


def test_dup003_negatives():
    title = "西峡县召开全县妇联系统2021年度工作总结测评会"
    check_rule("DUP003", valid=[
        title + "\n" + title + "。会议总结了全年工作。",  # title restated in the body
        "一、加强妇女思想政治引领工作的主要做法\n正文。\n一、加强妇女思想政治引领工作的主要做法\n",
        "会议要求，认真落实。\n会议要求，认真落实。",  # short
        "全县各级妇联组织要进一步提振精神提高标准。全县各级妇联组织要进一步提振精神提高效率。",
    ])
    check_rule("DUP003", invalid=[
        ("全县各级妇联组织要进一步提振精神提高标准。其他内容在这里。全县各级妇联组织也要进一步提振精神，提高标准。",
         None, None),
    ])


def test_dup003_one_megabyte_line():
    # (its cost per byte is measured by scripts/bench.py's "1 MB single line" row, not asserted here)
    sentence = "全县各级妇联组织围绕中心服务大局取得了第{}项明显成效，"
    text = "".join(sentence.format(i) for i in range(30000))  # ~1 MB, one line, no 。
    text = text.replace("，", "。", 15000)
    assert lint(text, ["DUP003"]) == []  # the sentences differ in their numbers: none repeats another
    repeated = sentence.format(7).replace("，", "。") + text  # the 8th sentence of text repeats it
    assert [d.text for d in lint(repeated, ["DUP003"])] == [sentence.format(7).replace("，", "。")]



def test_dup003_kept_class_matches_regex_norm():
    # the fast key pattern's class must keep exactly what _NORM3 keeps, for every character below U+10000
    import re

    import regex
    from lintkit_rules import dup

    bmp = "".join(chr(c) for c in range(1, 0x10000) if not 0xD800 <= c < 0xE000)
    assert re.sub("[^" + dup._KEPT + "]", "", bmp) == dup._NORM3.sub("", bmp)
    assert regex.sub(r"[^\p{Han}\dA-Za-z]", "", bmp) == re.sub(
        "[^" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in dup._KEPT_BMP) + "]", "", bmp)


REPEATED = ("2021年12月14日，西峡县妇联还被全国妇联授予“全国维护妇女儿童权益先进集体”荣誉称号。其他内容在这里。"
            "2021年12月14日，西峡县妇联被全国妇联授予“全国维护妇女儿童权益先进集体”荣誉称号。")


@pytest.mark.parametrize("extra", [
    "",  # fast path: keys
    "另有𠀀字的句子。",  # a character beyond U+FFFF (left out of the keys)
    "荣誉称号（一）推进工作。",  # an inline ordinal: pieces split inside sentences
])
def test_dup003_fast_and_exact_paths(extra):
    found = lint(extra + REPEATED, ["DUP003"])
    assert len(found) == 1 and found[0].text.startswith("2021年12月14日，西峡县妇联被")
    assert lint(extra + REPEATED.replace("其他内容在这里。", "其他内容在这里。还有", 1), ["DUP003"]) == []


def test_dup003_characters_beyond_bmp_inside_the_repeated_sentences():
    # the keys skip characters beyond U+FFFF; the normalised comparison keeps Han ones (𠀀 is Han, 😀 is not)
    text = REPEATED.replace("西峡县", "西𠀀县").replace("荣誉称号", "荣誉😀称号", 1)
    found = lint(text, ["DUP003"])
    assert len(found) == 1 and found[0].text.startswith("2021年12月14日，西𠀀县妇联被")
    assert lint(text.replace("西𠀀县", "西峡县", 1), ["DUP003"]) == []


def test_dup003_pieces_of_exactly_the_minimum_length_are_compared():
    # pieces shorter than min_han characters are left out before the keys are built; one of exactly min_han
    # Han characters (no mark: the end of a line that holds another sentence) is still compared
    from lintkit_rules import dup

    body = "全县各级妇联组织要进一步提振精神提高工作标准"[:dup._MIN_HAN3]
    assert len(body) == dup._MIN_HAN3
    found = lint("开展活动。" + body + "\n其他内容在这里。\n会议指出。" + body + "\n", ["DUP003"])
    assert [(d.line, d.text) for d in found] == [(3, body)]
    assert lint("开展活动。" + body[1:] + "\n其他内容在这里。\n会议指出。" + body[1:] + "\n", ["DUP003"]) == []


def test_dup003_piece_keys():
    # the key of a piece is its first _KEY_CHARS kept characters: check on every sentence of the seeds and
    # fixtures, and on pieces with fewer kept characters, none, or kept characters beyond U+FFFF
    import re

    from lintkit import Document
    from lintkit_rules import dup

    texts = []
    for path in corpus_paths(markdown=False):
        doc = Document(path.read_text(encoding="utf-8"))
        texts += [doc.masked[s:e] for s, e in doc.sentences]
    texts += ["", "，。", "一二三", "“一”，二、三", "𠀀" * 20 + "全县各级妇联组织", "全县，各级妇联组织要进一步", "还也又"]
    expected = [re.sub("[^" + dup._KEPT + "]", "", t)[:dup._KEY_CHARS] for t in texts]
    assert dup._piece_keys(texts) == expected
    assert dup._piece_keys(["全县，各级妇联组织要进一步", "全县各级妇联还组织要"]) == ["全县各级妇联组织", "全县各级妇联组织"]


def test_dup003_nul_in_text_compares_every_piece():
    # files with NUL are refused by the readers, but a Document can be built directly (API, editors)
    from lintkit import Document
    from lintkit_rules import dup

    found = list(dup.repeated_sentence(Document("\x00" + REPEATED)))
    assert len(found) == 1 and found[0].start == REPEATED.rindex("2021") + 1


def test_dup003_inline_ordinal_starts_a_sentence():
    body = "全县各级妇联组织要进一步提振精神提高工作标准"
    found = lint("荣誉称号（一）" + body + "。荣誉称号（二）" + body + "。", ["DUP003"])
    assert len(found) == 1 and found[0].text == body + "。"

# ------------------------------------------------------------------------------------------------- DUP004
def test_dup004_seed_and_negatives():
    found = lint(seed_line("000", 8), ["DUP004"])
    assert [(d.text, d.severity) for d in found] == [("进一步", "info")]
    check_rule("DUP004", valid=["进一步加强学习，进一步提高本领。", "落实落细，关心关爱，尊法学法守法用法。"])


def test_dup_docs_have_sections():
    from lintkit_rules import dup

    for f in (dup.doubled_word, dup.repeated_clause, dup.repeated_sentence, dup.repeated_word_in_clause):
        for section in ("为什么：", "错误示例：", "正确写法：", "依据：", "修复："):
            assert section in f.lintkit_rule.doc


# ------------------------------------------------------------------------------------------------- drafts
SIMPLIFIED_REPORT = """关于2023年度妇女儿童工作的总结

一、主要工作
今年以来，县妇联坚持以习近平新时代中国特色社会主义思想为指导，扎扎实实推进各项工作。我们常常深入基层，开展一对一帮扶、面对面宣讲，落实落细关心关爱留守儿童各项措施。
二、存在问题
一是工作创新不够。二是基层力量薄弱，人人都要增强责任意识。
三、下步打算
要研究研究新情况，看看群众需要什么，进一步加强组织建设。
"""


def test_correct_drafts_are_quiet():
    from test_scr import SIMPLIFIED_DRAFT, TRADITIONAL_DRAFT

    for text in (SIMPLIFIED_REPORT, SIMPLIFIED_DRAFT, TRADITIONAL_DRAFT):
        found = [d for d in lint(text, ["DUP", "RES", "SCR"]) if d.severity != "info"]
        assert not found, [(d.rule, d.text) for d in found]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(min_codepoint=0x4E00, max_codepoint=0x4E30),
                                  st.characters(min_codepoint=0x20000, max_codepoint=0x20010),
                                  st.sampled_from(list("的镇村，。；“”首届进一步\n"))), max_size=200))
def test_dup_never_raises(text):
    assert not any(d.rule.startswith("LNT") for d in lint(text, ["DUP"]))


@pytest.mark.slow
def test_dup_long_line_repeats_found_throughout():
    # a seed line repeated on one line: every copy after the first is reported the same way, however long the line
    # (cost per byte: scripts/bench.py, not a timing assertion here)
    line = seed_line("004", 2)
    per_copy = {}
    for n in (5, 100):
        diags = [d for d in lint(line * n, ["DUP"]) if d.rule == "DUP003"]
        per_copy[n] = len(diags) / (n - 1)
    assert per_copy[5] > 0 and per_copy[100] == pytest.approx(per_copy[5], rel=0.1)


def test_dup001_four_character_word_doubled_around_a_quote_alone():
    # found whether or not the document also has another doubled character (the rule used to be gated by a
    # pre-check that only knew two-character words before a quote)
    for text in ("开展家风家训“家风家训”活动。", "开展家风家训“家风家训”活动，扎扎实实。"):
        found = lint(text, ["DUP001"])
        assert [(d.text, d.fix.edits[0].start, d.fix.edits[0].end) for d in found] == [("家风家训“家风家训", 2, 6)]
    assert lint("开展“家风家训”活动，家风家训“传承”。", ["DUP001"]) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="首屆家a“《「，", max_size=40))
def test_dup001_repetition_across_a_mark_is_the_leftmost_longest(text):
    # the definition: the leftmost, non-overlapping matches of (2 to 4 Han characters) + opening mark + the same
    import regex

    want = [m.span() for m in regex.finditer(r"(\p{Han}{2,4})[“‘《「『]\1", text)]
    assert [(d.offset, d.end_offset) for d in lint(text, ["DUP001"]) if "引号" in d.message] == want


# ------------------------------------------------------------------------------------------------- DUP002/003 by design
def test_dup002_figures_of_speech_are_not_repeats():
    check_rule("DUP002", valid=[
        # anadiplosis: the words that close one part open the next, which goes on after a comma
        "这个胜利，促进了经济战线上的胜利；经济战线上的胜利，又进一步地巩固了政治战线上的胜利。",
        "没有家教，没有家教。",  # a short clause said twice for emphasis
    ])
    check_rule("DUP002", invalid=[
        ("促进了经济战线上的胜利；经济战线上的胜利；又巩固了政治战线。", None, None),  # same delimiter: a copy
        ("认真落实各项工作任务，认真落实各项工作任务。", None, None),  # longer than an emphatic repeat
    ])


def test_dup003_formulas_repeated_by_design():
    item = "推进制造业数字化转型，培育一批智能工厂和数字化车间。"
    check_rule("DUP003", valid=[
        "（一）" + item + "（责任单位：省经济和信息化厅、省财政厅）\n（二）加快建设工业互联网平台，推动企业上云用数赋智。"
        "（责任单位：省经济和信息化厅、省财政厅）\n",
        "计算方法：医院注册医师总数除以注册护士总数。\n指标来源：国家医疗机构、医师、护士电子化注册系统。\n"
        "计算方法：医院注册护士总数除以实际开放床位数。\n指标来源：国家医疗机构、医师、护士电子化注册系统。\n",
        "主席：秘书，请响钟传召委员返回会议厅内继续开会。\n议员：谢谢主席。\n主席：秘书，请响钟传召委员返回会议厅内继续开会。\n",
    ])
    body = "专用号牌分为汽车号牌和摩托车号牌两种，汽车号牌每副两只，分别悬挂在车辆前后部。"
    check_rule("DUP003", valid=[
        "一、号牌要素\n" + body + "\n附件：号牌式样\n国务院办公厅\n附件\n号牌式样\n" + body + "\n",  # body, attachment
        "附件1\n" + body + "\n附件2\n" + body + "\n",  # two attachments
    ])
    check_rule("DUP003", invalid=[
        (item + "其他内容在这里。" + item, None, None),
        ("附件：1.号牌式样\n" + body + "\n其他内容在这里。\n" + body + "\n", None, None),  # a list of attachments
    ])


# ------------------------------------------------------------------------------------------------- DUP004
def test_dup004_adverbial_form_with_de_is_the_same_word():
    check_rule("DUP004", invalid=[("要不断地提高服务水平不断增强群众获得感。", [(10, 12)], None)])
    check_rule("DUP004", valid=["要不断地提高服务水平，不断增强群众获得感。"])


# ------------------------------------------------------------------------------------------------- DUP005
def test_dup005_recall_fixture_line():
    from conftest import ROOT

    line = (ROOT / "tests" / "fixtures" / "recall" / "r1.txt").read_text(encoding="utf-8").splitlines()[7]
    found = lint(line, ["DUP005"])
    assert [(d.text, d.severity, d.message) for d in found] == [
        ("部署部署", "info", "“部署”连写了两遍；如果不是有意的重叠（如“研究研究”），删去一个")]
    assert found[0].offset == line.index("部署部署")


def test_dup005_words_that_never_reduplicate():
    check_rule("DUP005", invalid=[
        ("进一步整治学校周边周边环境", [(7, 11)], "进一步整治学校周边环境"),
        ("咱们咱们要把工作做实", [(0, 4)], "咱们要把工作做实"),
        ("整治學校周邊周邊環境", [(4, 8)], "整治學校周邊環境"),  # traditional: looked up in simplified form
    ], unsafe=True)
    found = lint("县妇联党委党委书记主持会议", ["DUP005"])
    assert [(d.text, d.severity, d.message) for d in found] == [("党委党委", "warning", "“党委”重复了两遍")]
    assert lint("学校周边周边环境", ["DUP005"])[0].fix.applicability == "unsafe"


def test_dup005_reduplication_is_at_most_a_hint():
    for text in ["推进推进乡村振兴", "组织组织全县妇女", "一样一样地检查", "会议研究部署部署。"]:
        found = lint(text, ["DUP005"])
        assert found and all(d.severity == "info" and d.fix is None for d in found), text
    check_rule("DUP005", valid=[
        "大家坐下来研究研究、商量商量，拿出办法来。",  # tentative reduplication at the end of the verb phrase
        "一步一步地推进", "哈哈哈哈", "扎扎实实推进工作", "实现县县通、村村有", "人人参与", "谢谢谢谢",
        "进一步进一步加强",  # three characters: DUP001's list
        "工作工作", "以及以及",  # DUP001's list: reported there, not twice
        "天天向上", "常常深入基层", "方方面面",
    ])


def test_dup005_every_offset_is_tried():
    # 晋级省级省级: the pair 级省级省 (no word) comes first and overlaps the doubled word
    found = lint("2020年7月14日晋级省级省级开发区", ["DUP005"])
    assert [(d.offset, d.end_offset, d.severity) for d in found] == [(12, 16, "info")]


def test_dup005_runs_of_three_to_eight_characters():
    check_rule("DUP005", invalid=[
        ("深入开展前期工作前期工作，国家将根据东北电力需求", [(4, 12)], "深入开展前期工作，国家将根据东北电力需求"),
        ("成立景友中草药种植专业合作社专业合作社", [(9, 19)], "成立景友中草药种植专业合作社"),
    ], unsafe=True)
    found = lint("深入开展前期工作前期工作，", ["DUP005"])
    assert [(d.severity, d.message) for d in found] == [("warning", "“前期工作”重复了两遍")]
    check_rule("DUP005", valid=[
        "要一件事情一件事情地抓，一个问题一个问题地解决",  # a distributive phrase said twice
        "要一个小区一个小区地研究，一栋楼一栋楼地推进", "哈哈哈哈哈哈", "进一步进一步加强",
    ])


def test_dup005_doubled_words_the_dictionary_lacks_are_hints():
    found = lint("2016年我县我县被商务部评为“全国电子商务进农村综合示范县”", ["DUP005"])
    assert [(d.offset, d.end_offset, d.severity, d.message) for d in found] == [
        (5, 9, "info", "“我县”连写了两遍；如果不是有意的重叠（如“研究研究”），删去一个")]
    check_rule("DUP005", valid=[
        "设立新兴产业创业创新平台",  # 业创业创: 创业 is the word in the middle
        "他是不是不够认真", "粮食生产必须抓得很紧很紧", "还有很多很多小生产", "迎接党的十九十九大",
    ])


def test_dup005_tentative_reduplication_at_the_end_of_a_phrase_is_a_hint():
    found = lint("这件事大家商量商量。", ["DUP005"])
    assert [(d.text, d.severity) for d in found] == [("商量商量", "info")]


@pytest.mark.skipif(not (SEEDS.parent.parent / "shared" / "corpus" / "real").is_dir(),
                    reason="../shared/corpus is absent")
def test_dup005_real_doubled_words():
    # real errors of public documents (read in place): 通化属于属于“双廊、双带、双线”, 种植种植专业合作社
    corpus = SEEDS.parent.parent / "shared" / "corpus" / "real"
    for name, word in (("cty_liuhe_about_traffic.txt", "属于属于"), ("cty_liuhe_area_wudao.txt", "种植种植")):
        text = (corpus / name).read_text(encoding="utf-8")
        found = [d for d in lint(text, ["DUP005"]) if d.text == word]
        assert [(d.offset, d.severity) for d in found] == [(text.index(word), "info")], name


# ------------------------------------------------------------------------------------------------- DUP006
def test_dup006_seed_line_with_a_doubled_unit():
    line = seed_line("000", 3).replace("西峡县妇联", "西峡县县妇联", 1)
    found = lint(line, ["DUP006"])
    s = line.index("县县")
    assert [(d.offset, d.end_offset, d.severity, d.message) for d in found] == [
        (s, s + 2, "info", "“县县”：地名后的“县”可能重复了")]
    assert fix(line, ["DUP006"], unsafe=True) == seed_line("000", 3)


def test_dup006_words_distributives_and_dup001_places_are_silent():
    check_rule("DUP006", valid=[
        "北京市市长主持会议", "南阳市市场监督管理局", "永兴县县委书记", "某村村民委员会", "马田镇镇政府所在村",
        "某某乡乡村振兴示范村", "实现县县通、乡乡有", "推动全省县县全覆盖", "实现市市通高铁",
        "以乡镇为单位的村村比观摩评比活动", "在马田镇镇红星村建设",  # (the last one: DUP001's warning)
        "这区区几个村", "县县通公路",
    ])
    check_rule("DUP006", invalid=[("推进城关镇镇妇联建设", [(4, 6)], None), ("西峽縣縣婦聯", [(2, 4)], None)])


def test_dup006_after_a_place_name_whatever_follows():
    # a place name of the dictionary (吉林) or a word that ends in the unit (地区, 城中村) before the doubled unit:
    # no distributive reading is possible, so a following adjective or verb does not silence it; 区区 only here
    check_rule("DUP006", invalid=[
        ("吉林省省近现代史展等一批展览焕新亮相", [(2, 4)], None),
        ("北方地区区经济重要增长极作用更加凸显", [(3, 5)], None),
        ("推进保障性住房、城中村村改造等项目建设", [(10, 12)], None),
        ("朝阳区区妇联开展活动", [(2, 4)], None),
    ])
    found = lint("北方地区区经济重要增长极", ["DUP006"])
    assert [(d.severity, d.message) for d in found] == [("info", "“区区”：地名后的“区”可能重复了")]
    check_rule("DUP006", valid=["朝阳区区委书记", "这区区几个村", "农村村民", "实现县县通", "仅区区数人"])


# ------------------------------------------------------------------------------------------------- real documents
CORPUS = SEEDS.parent.parent / "shared" / "corpus" / "real"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
def test_real_documents_formulas_figures_and_reduplication_stay_quiet():
    # public documents (read from ../shared/corpus, never copied here): the repeats there that are by design
    # (bracketed notes, labelled entries, a speaker's formulas, an attachment restating the body) or figures of
    # speech (anadiplosis, emphasis) are
    # not reported, and a doubled word of the lexicon is at most a hint there
    import re

    checked = 0
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for d in lint(text, ["DUP002", "DUP003", "DUP005", "DUP006"]):
            where = f"{path.name}:{d.line} {d.message}"
            assert d.rule != "DUP002", where
            if d.rule == "DUP003":
                assert not re.match(r"\s*(?:[（(]|[\w]{1,8}[：:])", d.text), where
                first = int(re.search(r"第 (\d+) 行", d.message).group(1))
                between = text.splitlines()[first - 1:d.line]
                assert not any(re.fullmatch(r"\s*附件\s*\d{0,2}\s*", ln) for ln in between), where
                checked += 1
            if d.rule in ("DUP005", "DUP006"):
                assert d.severity == "info", where
    assert checked > 0  # the true repeats there are still found


def test_generated_lexicon_is_up_to_date():
    """data/dup_words.toml matches a fresh run of scripts/gen_dup_data.py (when jieba is installed: a build-time
    input only)."""
    from conftest import ROOT, load_script

    pytest.importorskip("jieba")
    gen = load_script("gen_dup_data")
    assert gen.build() == (ROOT / "rules" / "data" / "dup_words.toml").read_text(encoding="utf-8")
