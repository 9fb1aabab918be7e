"""WRD002 by the counts of usage (data/wrd002_stats.txt): where the words on both sides of a particle are, in
correct official text, nearly always next to another particle and the structure allows it, the rule reports at
``info``. Sentences are made up in the shape of the errors scripts/recall_wrd.py injects into real text."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import check_rule, lint

ROOT = Path(__file__).resolve().parents[2]


def _one(text: str):
    found = [d for d in lint(text, ["WRD002"]) if d.rule == "WRD002"]
    assert len(found) == 1, f"{text!r}: {[(d.offset, d.message) for d in found]}"
    return found[0]


def test_usage_de_for_di_before_a_verb():
    # the modifier is an adjective or a phrase the parts of speech do not call adverbial (清醒, 有步骤); the counts
    # do: 地 after it and before the verb in official text
    d = _one("我们清醒的看到，困难依然不少。")
    assert (d.offset, d.end_offset, d.severity) == (4, 5, "info")
    assert d.message == "“清醒的看到”中的“的”应为“地”"
    d = _one("各村有步骤的扩大试点范围。")
    assert (d.offset, d.severity, d.message) == (5, "info", "“有步骤的扩大”中的“的”应为“地”")
    check_rule("WRD002", invalid=[
        ("全县坚定不移的走共同富裕道路。", [(6, 7)], "全县坚定不移地走共同富裕道路。"),
        ("要更加自觉的运用这个理论。", [(5, 6)], "要更加自觉地运用这个理论。"),
    ], unsafe=True)


def test_usage_di_for_de_before_a_noun():
    d = _one("实行积极的财政政策和稳健地货币政策。")
    assert (d.offset, d.end_offset, d.severity) == (12, 13, "info")
    assert d.message == "“稳健地货币”中的“地”应为“的”"


def test_usage_de_for_de2_before_a_complement():
    d = _one("他说的很对，")
    assert (d.offset, d.severity, d.message) == (2, "info", "“说的很对”中的“的”应为“得”")
    check_rule("WRD002", invalid=[("这项工作应当搞的快一些。", [(7, 8)], "这项工作应当搞得快一些。")], unsafe=True)


def test_usage_look_alikes_are_right():
    check_rule("WRD002", valid=[
        "将产生极大的推动作用。",  # a compound noun after the verb, no auxiliary before the modifier
        "力求保持积极而又稳妥的发展速度。",  # the same
        "为了公正合理地政治解决地区冲突，",  # a noun used as an adverbial before a verb
        "志愿军主动地全部撤出。",
        "都应当很好地研究生财之道。",  # 研究生 is not the word: the counts are not sure enough
        "对工作提出的更高要求，",  # no clause end after the complement
        "加强军地战略规划统筹。",  # 军地 is a word
        "极大地制约了发展。",
        "各地区要结合实际抓好落实。",
        "这是我们的目的所在。",
        "取得的成绩来之不易。",
    ])


def test_conditioned_usage_de_for_di_before_a_verb():
    # the counts given the class of the other word: 推进 and 进行 are preceded by 地 when a modifier precedes them,
    # whatever 平稳 and 紧张 are followed by in general
    d = _one("各地要尽可能平稳的推进改革。")
    assert (d.offset, d.end_offset, d.severity) == (8, 9, "info")
    assert d.message == "“平稳的推进”中的“的”应为“地”"
    d = _one("全国人民正在紧张的进行建设。")
    assert (d.offset, d.severity, d.message) == (8, "info", "“紧张的进行”中的“的”应为“地”")
    check_rule("WRD002", invalid=[("各地要尽可能平稳的推进改革。", [(8, 9)], "各地要尽可能平稳地推进改革。")],
               unsafe=True)


def test_conditioned_usage_di_for_de_before_a_noun():
    # 地 inside a word as the longest match (地基, 地区, 大地) is the particle when a word of degree stands before a
    # one-character adjective or the noun after 地 ends later than that word
    d = _one("为国家作出更大地贡献。")
    assert (d.offset, d.end_offset, d.severity) == (7, 8, "info")
    assert d.message == "“更大地贡献”中的“地”应为“的”"
    d = _one("为经济发展打下好地基础。")
    assert (d.offset, d.severity, d.message) == (8, "info", "“好地基础”中的“地”应为“的”")
    d = _one("建设一批成效明显地区域示范基地。")
    assert (d.offset, d.severity, d.message) == (8, "info", "“明显地区域”中的“地”应为“的”")
    d = _one("构建权威高效地行政执法体系。")
    assert (d.offset, d.severity, d.message) == (6, "info", "“高效地行政”中的“地”应为“的”")


def test_conditioned_usage_look_alikes_are_right():
    check_rule("WRD002", valid=[
        "使人大能够更好地代表人民。",  # 代表|人民, a verb (jieba: noun)
        "更加积极地创造性地参加建设。",  # the word after 地 is an adverbial of its own
        "说服消费者，尽量地节约粮食。",  # an adverb before 地
        "不对的就改正，不足的加以完善。",  # a phrase with 的 as the subject
        "提供更好的收入前景。",  # 收入 is seen after 的 only
        "是我们坚定不移的奋斗目标。",  # a compound noun ends the clause
        "齐鲁大地新的篇章。",
        "祖国大地发生了巨大变化。",
        "这是高地上的哨所。",
        "各地的经验值得推广。",
        "本地区的企业要加强管理。",
        "的确取得了进展。",
        "这是此行的目的地。",
        "要有的放矢地开展工作。",
        "他坐的士去开会。",
        "交流学习心得体会。",
        "获得了很好的效果。",
        "得到了认真的落实。",
    ])


def test_usage_table_is_small_and_counts_only():
    path = ROOT / "rules" / "data" / "wrd002_stats.txt"
    assert path.stat().st_size < 1_000_000
    lines = path.read_text(encoding="utf-8").splitlines()
    total = next(line for line in lines if line.startswith("#total"))
    assert all(int(x) > 0 for x in total.split("\t")[1].split(","))
    for line in lines:
        if line.startswith("#"):
            continue
        word, *cells = line.split("\t")
        assert 1 <= len(word) <= 4 and len(cells) <= 7  # any context, then the five conditioned columns
        assert all(not c or len(c.split(",")) == 3 for c in cells)
    assert (ROOT / "rules" / "data" / "wrd002_stats.LICENSE").is_file()


# ---- round 4: structure after the particle (complements, aspect, series of adverbials, degree phrases)
def _none(text: str):
    found = [d for d in lint(text, ["WRD002"]) if d.rule == "WRD002"]
    assert not found, f"{text!r}: {[(d.offset, d.message) for d in found]}"


def test_de_for_de2_with_a_rarer_one_character_verb_or_adjective():
    # 迈, 擦 are verbs of jieba's dictionary below the floor of the classes (complement_verbs of wrd002_pos.toml)
    d = _one("步子迈的更大一些。")
    assert (d.offset, d.end_offset, d.severity, d.message) == (3, 4, "warning", "“迈的更大”中的“的”应为“得”")
    d = _one("把标识擦的更亮。")
    assert (d.offset, d.severity, d.message) == (4, "warning", "“擦的更亮”中的“的”应为“得”")
    d = _one("全市经济发展的最快。")
    assert (d.offset, d.severity, d.message) == (6, "warning", "“发展的最快”中的“的”应为“得”")
    d = _one("这份材料做的不好也会被批评。")
    assert (d.offset, d.severity, d.message) == (5, "warning", "“做的不好”中的“的”应为“得”")


def test_de_for_de2_before_a_bare_one_character_adjective_is_info():
    d = _one("他们走的远。")
    assert (d.offset, d.end_offset, d.severity, d.message) == (3, 4, "info", "“走的远。”中的“的”应为“得”")
    d = _one("要让基层接得住、管的好。")
    assert (d.offset, d.severity, d.message) == (9, "info", "“管的好。”中的“的”应为“得”")
    d = _one("工作做的好不好？")
    assert (d.offset, d.severity) == (3, "info")


def test_de2_look_alikes_stay_quiet():
    for text in ("他说的话很有道理。", "多做的好事。", "取得的大成绩。", "我们的好朋友。", "这朵花是红的。", "的确很好。",
                 "到达目的地。", "各地的做法。", "学习心得。", "获得表彰。", "经济形势比预想的好。",
                 "群众创造的老、中、青三结合的经验。", "存在的不足。", "出现的不平衡。", "所做的很好。"):
        _none(text)


def test_de_for_di_before_a_verb_with_an_aspect_or_in_a_series():
    d = _one("上述情况严重的威胁着我们的安全。")
    assert (d.offset, d.end_offset, d.severity, d.message) == (6, 7, "warning", "“严重的威胁”中的“的”应为“地”")
    d = _one("互助组已经广泛的发展起来。")
    assert (d.offset, d.severity, d.message) == (7, "warning", "“广泛的发展”中的“的”应为“地”")
    d = _one("要及时地、畅通地、准确的做到下情上达。")
    assert (d.offset, d.severity, d.message) == (11, "warning", "“准确的做到”中的“的”应为“地”")
    d = _one("完整地、正确的宣传党的方针。")
    assert (d.offset, d.severity, d.message) == (6, "warning", "“正确的宣传”中的“的”应为“地”")


def test_di_look_alikes_stay_quiet():
    for text in ("新的发展起来的产业。", "各地、各部门的积极的努力。", "积极的意义。", "显著的成绩。", "当地的新的发展。",
                 "要更好地服务群众。", "使人大能够更好地代表人民。", "要很好地研究这个问题。", "较快地增长。",
                 "更多地依靠群众。"):
        _none(text)


def test_di_for_de_after_a_degree_phrase_is_info():
    d = _one("减免受冲击较大地行业和企业的税费。")
    assert (d.offset, d.end_offset, d.severity, d.message) == (7, 8, "info", "“较大地行业”中的“地”应为“的”")
    _none("对受冲击较大地行业实行减免。")  # a verb after the noun: the noun may be an adverbial (quiet)


def test_de_for_di_before_a_verb_with_a_complement_of_result():
    # a verb with a complement of result or direction (认识到, 用于, 高于, 威胁|到) is never the head of a noun phrase
    d = _one("我们深刻的认识到，形势依然严峻。")
    assert (d.offset, d.end_offset, d.severity, d.message) == (4, 5, "info", "“深刻的认识”中的“的”应为“地”")
    d = _one("资金要更多的用于农村。")
    assert (d.offset, d.severity, d.message) == (5, "info", "“更多的用于”中的“的”应为“地”")
    d = _one("各项指标都显著的高于去年。")
    assert (d.offset, d.severity, d.message) == (7, "info", "“显著的高于”中的“的”应为“地”")
    d = _one("局势严重的威胁到地区和平。")
    assert (d.offset, d.severity, d.message) == (4, "info", "“严重的威胁”中的“的”应为“地”")


def test_verbs_of_relation_and_nouns_stay_quiet():
    # an adjective + 的 is the subject of a verb of being or relation, and of a comparison after a quantity
    for text in ("更重要的在于落实。", "有的属于历史问题。", "其中更多的高于平均水平。", "他们共同的爱好是读书。",
                 "控制不合理的支出。"):
        _none(text)


def test_de_for_di_by_the_counts_of_the_modifier():
    # adjectives the counts see before 地 + a verb (深刻, 正确, 疯狂, 坚定), a degree phrase (很好): an adverbial
    # before a verb with a noun object that is no word of the dictionary, or a clause-final verb after a subject
    d = _one("党正确的分析国情，作出决策。")
    assert (d.offset, d.severity, d.message) == (3, "info", "“正确的分析”中的“的”应为“地”")
    d = _one("他们竟敢疯狂的发动武装叛乱。")
    assert (d.offset, d.severity, d.message) == (6, "info", "“疯狂的发动”中的“的”应为“地”")
    d = _one("我们坚定的相信，前途是光明的。")
    assert (d.offset, d.severity, d.message) == (4, "info", "“坚定的相信”中的“的”应为“地”")
    d = _one("要把人员很好的组织起来。")
    assert (d.offset, d.severity, d.message) == (6, "info", "“很好的组织”中的“的”应为“地”")


def test_noun_phrases_after_adjectives_stay_quiet():
    # a noun, a verb the counts see after 的, or a compound of the dictionary after the verb
    for text in ("我们坚定的信念，", "群众热情的支持，是我们的力量。", "正确的分析方法很重要。", "长期的实践证明，",
                 "坚定的奋斗目标。"):
        _none(text)


def test_de_for_di_after_a_word_never_seen_before_di():
    # 新, 特殊 stand before 的 hundreds of times in the counted text and never before 地
    d = _one("要用新地观点看待问题。")
    assert (d.offset, d.end_offset, d.severity, d.message) == (3, 4, "info", "“新地观点”中的“地”应为“的”")
    d = _one("以新地面貌迎接挑战。")  # 地|面貌, not 地面|貌
    assert (d.offset, d.severity, d.message) == (2, "info", "“新地面貌”中的“地”应为“的”")
    d = _one("这个问题具有特殊地迫切性。")
    assert (d.offset, d.severity, d.message) == (8, "info", "“特殊地迫切”中的“地”应为“的”")
    d = _one("这是常见地事。")  # a noun that ends the clause: an adverbial + 地 needs a verb
    assert (d.offset, d.severity, d.message) == (4, "info", "“常见地事。”中的“地”应为“的”")


def test_words_with_di_and_verbs_before_it_stay_quiet():
    for text in ("加快困难地区区域发展。", "通过发展地区间合作。", "事实雄辩地证明，改革是对的。", "极大地制约了发展。",
                 "对受冲击较大地行业实行减免。", "要更好地服务群众。"):
        _none(text)


def test_de_for_de2_after_a_degree_adverb_and_in_a_series():
    d = _one("计划制定的比较晚，影响了工作。")
    assert (d.offset, d.end_offset, d.severity, d.message) == (4, 5, "info", "“制定的比较”中的“的”应为“得”")
    d = _one("只是表演的更加拙劣罢了。")
    assert (d.offset, d.severity, d.message) == (4, "info", "“表演的更加”中的“的”应为“得”")
    d = _one("让游客买得放心、用得安心、玩的舒心。")
    assert (d.offset, d.severity, d.message) == (14, "info", "“玩的舒心”中的“的”应为“得”")
    for text in ("我只说特首办的特别助理。", "我们讨论的问题。", "吃的、用的、玩的东西。"):
        _none(text)


REAL = ROOT.parent / "shared" / "corpus" / "real"


@pytest.mark.parametrize("name, right, p, wrong, message", [
    ("nat_gwr_1982.txt", "很好地组织起来", 2, "的", "“很好的组织”中的“的”应为“地”"),
    ("nat_cpc_congress_13.txt", "我们坚定地相信", 4, "的", "“坚定的相信”中的“的”应为“地”"),
    ("nat_gwr_1982.txt", "显著地高于", 2, "的", "“显著的高于”中的“的”应为“地”"),
    ("nat_cpc_congress_15.txt", "用新的观点", 2, "地", "“新地观点”中的“地”应为“的”"),
    ("nat_gwr_1980.txt", "制定得比较晚", 2, "的", "“制定的比较”中的“的”应为“得”"),
    ("prov_gwr_2026_jiangxi.txt", "玩得舒心", 1, "的", "“玩的舒心”中的“的”应为“得”"),
])
def test_real_lines_with_the_particle_swapped(name, right, p, wrong, message):
    """A line of ../shared/corpus/real (read in place) with its correct particle swapped: one finding, at info, at
    the particle; the line as written has none there."""
    path = REAL / name
    if not path.is_file():
        pytest.skip("../shared/corpus/real is not here")
    line = next(x for x in path.read_text(encoding="utf-8").splitlines() if right in x)
    at = line.index(right) + p
    assert not [d for d in lint(line, ["WRD002"]) if d.offset == at]
    found = [d for d in lint(line[:at] + wrong + line[at + 1:], ["WRD002"]) if d.offset == at]
    assert [(d.end_offset, d.severity, d.message) for d in found] == [(at + 1, "info", message)]


def test_verbs_jieba_tags_as_nouns_after_di_stay_quiet():
    # a word after 地 that goes on with 了/着/过 or an object is a verb (证明, 规定, 办事 are nouns in jieba's
    # dictionary); a verb + 性 is a noun, not a verb after an adverbial
    for text in ("这就充分地证明了制度的优越性。", "才能正确地规定各种指标。", "科学态度，老老实实地办事。",
                 "政务公开的集成性不断提高。"):
        _none(text)


def test_series_of_modifiers_di_for_de():
    # an item of a series of noun phrases whose sibling has 的 (round 6: items of one series share their structure)
    d = _one("坚持严的基调、严地措施、严的氛围，以零容忍态度惩治腐败。")
    assert (d.offset, d.end_offset, d.severity) == (8, 9, "info")
    assert d.message == "“严地措施”中的“地”应为“的”"
    d = _one("除了一部分重要的和短缺地物资实行计划分配以外，")
    assert (d.offset, d.end_offset, d.severity) == (11, 12, "info")
    assert d.message == "“短缺地物资”中的“地”应为“的”"
    d = _one("这是腐朽的、落后的、残酷地制度。")  # (the parts of speech say so too: a warning)
    assert (d.offset, d.message) == (12, "“残酷地制度”中的“地”应为“的”")


def test_series_of_modifiers_look_alikes():
    # 地 inside a word (偏远地区), a verb after 地, a 的 item with a verb, and correct series stay quiet
    for text in ("在广大的、偏远地区开展义诊。", "要积极地、稳妥地推进改革。", "建设美好的、和谐的社会。",
                 "坚持严的基调、严地管理干部，", "重要的和紧迫地开展工作。"):
        assert [d for d in lint(text, ["WRD002"]) if d.rule == "WRD002"] == [], text


def test_adverbial_after_coordinated_adverbial_or_glued_auxiliary():
    # 逐步地和大幅度的减少 (an adverbial with 地 joined by 和); 才能 / 不能 before the adverbial are 才/不 + 能
    d = _one("以实际行动来逐步地和大幅度的减少向台湾出售武器。")
    assert (d.offset, d.end_offset) == (13, 14)
    assert d.message == "“大幅度的减少”中的“的”应为“地”"
    d = _one("骨干企业的技术面貌又不能较快的改变，整个国民经济的发展就会受到影响。")
    assert (d.offset, d.severity, d.message) == (14, "info", "“较快的改变”中的“的”应为“地”")
    d = _one("只有这样，才能清醒的观察和把握社会矛盾的全局。")
    assert (d.offset, d.severity, d.message) == (9, "info", "“清醒的观察”中的“的”应为“地”")
    for text in ("发挥他们的才能的作用。", "逐步地和有计划的调整结构是必要的。"):
        found = [d.message for d in lint(text, ["WRD002"]) if d.rule == "WRD002"]
        assert not any("才能" in m for m in found), (text, found)
