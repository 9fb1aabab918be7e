"""WRD002 by the counts of usage (data/wrd002_stats.txt): where the words on both sides of a particle are, in
correct official text, nearly always next to another particle and the structure allows it, the rule reports at
``info``. Sentences are made up in the shape of the errors scripts/recall_wrd.py injects into real text."""

from __future__ import annotations

from pathlib import Path

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
