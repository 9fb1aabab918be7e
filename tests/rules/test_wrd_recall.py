"""WRD002 by parts of speech and structure, WRD003 with the non-recommended forms of 《第一批异形词整理表》 (issue 17).

Sentences are made up for these tests (the structures of the errors found by scripts/recall_wrd.py in real text);
../shared/corpus/real is read in place, never copied."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import check_rule, lint

from lintkit.engine import Linter, Options

REAL = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "real"


# ------------------------------------------------------------------------------------------------- WRD002
def test_wrd002_de_before_a_verb_with_an_object():
    # an adverbial + 的 + a verb that has an object, an aspect marker or a complement, where no verb, determiner or
    # preposition makes the phrase a noun phrase: 地
    check_rule("WRD002", invalid=[
        ("全县坚定不移的推进乡村振兴。", [(6, 7)], "全县坚定不移地推进乡村振兴。"),
        ("要更好的发挥他们的作用。", [(3, 4)], "要更好地发挥他们的作用。"),
        ("镇里广泛的采用了新技术。", [(4, 5)], "镇里广泛地采用了新技术。"),
        ("全镇逐步的组织起来。", [(4, 5)], "全镇逐步地组织起来。"),
        ("这项制度还没有认真的建立，", [(9, 10)], "这项制度还没有认真地建立，"),
    ], unsafe=True)


def test_wrd002_de_before_a_verb_in_a_noun_phrase_is_right():
    check_rule("WRD002", valid=[
        "各级妇联发挥了积极的推动作用。",  # after a verb that takes the phrase as its object
        "这是一种积极的探索。",  # after a classifier
        "在各级党委有力的领导下，",  # the verb ends the noun phrase (下)
        "两地开展更加开放、更加密切的交往合作。",  # an item of a list after 、
        "按相同的支付标准结算。",  # after a preposition
        "除此以外并没有别的出路。",  # 别的 is a word
        "群众中行之有效的增产经验要推广。",  # a prepositional phrase (…中) before the modifier
        "长期的实践证明，这条路走对了。",  # at the start of a clause, the noun phrase before a second verb
        "更好的收入前景。",
        "更重要的在于落实。",  # a copula after the 的-phrase
        "确定切实有效的适合本县特点的发展方向。",  # after a verb, adverbs skipped
        "形成稳定可持续的增收致富模式。",
        "伟大的实践需要伟大的理论。",  # an adjective, not an adverbial
        "有力的支持和帮助",
    ])


def test_wrd002_di_before_a_noun():
    check_rule("WRD002", invalid=[
        ("为群众创造良好地社会环境。", [(7, 8)], "为群众创造良好的社会环境。"),  # after a verb
        ("这是一个重大地成就。", [(6, 7)], "这是一个重大的成就。"),  # 重大 + 地, not 重 + 大地
        ("全县取得了新地成绩，", [(6, 7)], "全县取得了新的成绩，"),  # a one-character adjective after a verb
        ("全镇社会稳定地局面进一步巩固。", [(6, 7)], "全镇社会稳定的局面进一步巩固。"),  # before a predicate
        ("在就业压力很大地情况下，", [(7, 8)], "在就业压力很大的情况下，"),  # before a localiser
    ], unsafe=True)
    check_rule("WRD002", valid=[
        "各地广大地区普遍开展。",  # 地区 is a word
        "我们要最合理地和最有效地利用人力。",  # coordinated adverbials; 利用 is a noun in jieba's dictionary
        "不服从忠实地代表大多数人的组织",  # a "noun" of jieba's with an object: a verb
        "充分地利用，", "有效地利用资源。",
    ])


def test_wrd002_de_before_a_complement():
    check_rule("WRD002", invalid=[
        ("今年的工作进行的相当顺利。", [(7, 8)], "今年的工作进行的相当顺利。".replace("行的", "行得")),
        ("各项准备做的更加稳妥和周到。", [(5, 6)], "各项准备做得更加稳妥和周到。"),
        ("过去对这一点重视的很不够。", [(8, 9)], "过去对这一点重视得很不够。"),
        ("基本建设能够进行的更多、更快、更好。", [(8, 9)], "基本建设能够进行得更多、更快、更好。"),
        ("有的食堂办的还不好。", [(5, 6)], "有的食堂办得还不好。"),
    ], unsafe=True)
    check_rule("WRD002", valid=[
        "解决生活中出现的不平衡，",  # 不平衡 is one adjective: a noun phrase
        "工作中存在的不足。", "由于理解的不同，", "出现的较大变化。", "我们做的很多工作", "促进消费品生产的较快增长，",
        "对工作提出新的更高要求。",
    ])


def test_wrd002_findings_on_real_documents():
    """Every WRD002 finding on ../shared/corpus/real, judged: a known false finding of the listed collocations
    (严格 + 组织 in 严格的组织纪律性), not of the parts of speech, and a true one (又不能较快的改变: 较快地改变, info)."""
    if not REAL.is_dir():
        pytest.skip("../shared/corpus/real is not here")
    linter = Linter(Options(select=("WRD002",), no_config=True))
    found = []
    for path in sorted(REAL.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for d in linter.lint_bytes(text.encode("utf-8"), path.name, None, suffix=".txt").diagnostics:
            found.append((path.name, text[d.offset - 2:d.offset + 3]))
    assert found == [("nat_cpc_congress_12.txt", "严格的组织"), ("nat_gwr_1986.txt", "较快的改变")]


# ------------------------------------------------------------------------------------------------- WRD003 variants
def test_wrd003_non_recommended_forms_are_info_with_an_unsafe_fix():
    (d,) = lint("多种经济成份共同发展。", ["WRD003"])
    assert (d.text, d.severity) == ("成份", "info")
    assert d.message == "“成份”是非推荐词形，应为“成分”（《第一批异形词整理表》（GF 1001-2001）第32组）"
    check_rule("WRD003", invalid=[
        ("多种经济成份共同发展。", [(4, 6)], "多种经济成分共同发展。"),
        ("培养各类专门人材。", [(6, 8)], "培养各类专门人才。"),  # 门人 keeps its characters in 专门人才
        ("开展丰富多采的文化活动。", [(2, 6)], "开展丰富多彩的文化活动。"),
    ], unsafe=True)


def test_wrd003_non_recommended_forms_only_where_they_are_words():
    check_rule("WRD003", valid=[
        "超过份额的部分",  # 过份: the end of 超过 and the start of 份额
        "本人材料齐全。",  # 人材: 材料
        "做好记录相关工作。",  # 录相: 相关
        "筚路蓝缕，以启山林。",  # 蓝缕 in an idiom that holds it (jieba's dictionary)
        "成分、人才、丰富多彩",  # the recommended forms
    ])


def test_wrd003_non_recommended_forms_not_in_traditional_text():
    # the table is mainland house style: Hong Kong and Taiwan write 答覆, 成份
    assert not lint("政府在答覆問題時已經說明。", ["WRD003"])


def test_wrd003_non_recommended_forms_can_be_disabled(tmp_path):
    from lintkit import check_text

    cfg = tmp_path / "lintkit.toml"
    cfg.write_text('[rules.WRD003]\ndisable = ["成份"]\n', encoding="utf-8")
    assert not check_text("多种经济成份共同发展。", select=["WRD003"], config=str(cfg))


def test_wrd003_a_listed_misspelling_wins_over_a_variant():
    # 再接再励 is a listed misspelling (error); 再接再砺 is a non-recommended form of the table (info)
    (d,) = lint("我们要再接再励。", ["WRD003"])
    assert d.severity == "error"
    (d,) = lint("我们要再接再砺。", ["WRD003"])
    assert d.severity == "info"


def test_wrd003_variants_on_real_documents():
    """On ../shared/corpus/real every non-recommended form found is one (judged by reading all 63: documents of
    1955-1995 written before the table, and 联接 in a 2026 report); none is a warning or an error."""
    if not REAL.is_dir():
        pytest.skip("../shared/corpus/real is not here")
    linter = Linter(Options(select=("WRD003",), no_config=True))
    forms = {}
    for path in sorted(REAL.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for d in linter.lint_bytes(text.encode("utf-8"), path.name, None, suffix=".txt").diagnostics:
            if "非推荐词形" in d.message:
                assert d.severity == "info"
                forms[text[d.offset:d.end_offset]] = forms.get(text[d.offset:d.end_offset], 0) + 1
    assert set(forms) == {"成份", "定货", "那末", "人材", "丰富多采", "磨擦", "连结", "过份", "原故", "关连", "盘据",
                          "混水摸鱼", "股分", "奢糜", "联接"}


def test_generated_variants_are_up_to_date():
    """data/wrd003_variants.toml matches a fresh run of scripts/gen_wrd_data.py --variants on the source table, when
    jieba and a copy of the table (env LINTKIT_YIXINGCI_TSV) are at hand: build-time inputs only."""
    import os

    from conftest import assert_regenerates, load_script

    pytest.importorskip("jieba")
    source = os.environ.get("LINTKIT_YIXINGCI_TSV")
    if not source or not Path(source).exists():
        pytest.skip("no copy of the table (LINTKIT_YIXINGCI_TSV)")
    gen = load_script("gen_wrd_data")
    assert_regenerates(lambda: gen.main(["--variants", source]), [gen.VARIANTS_OUT, gen.OUT])
