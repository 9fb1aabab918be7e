"""PUN fast paths: each must give exactly what the plain pattern or loop it replaces gives.

The rules use cheaper routes to the same result (a pattern tried only where a match can start, one stdlib-``re``
pass deciding that nothing can be found, pre-checks that start from a rare character). These tests run the fast
route and the plain one side by side on the seeds and on generated text built from the characters that matter.
"""

from __future__ import annotations

import random

import regex
from hypothesis import given, settings, strategies as st

import lintkit_rules.pun as pun
from conftest import SEEDS, lint

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def _generated(alphabet: list[str], n: int = 3000, size: int = 24, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(size))) for _ in range(n)]


def _spans(matches) -> list[tuple]:
    return [(m.span(),) + tuple(m.span(i) for i in range(1, len(m.groups()) + 1)) for m in matches]


# ------------------------------------------------------------------------------------------------- PUN001
PAREN_CHARS = list("()（）中文a1 \n") + ["婦聯", "(lián)"]


def test_paren_pairs_equal_the_combined_pattern():
    long_ok = "（" + "中" * 200 + ")"
    long_bad = "（" + "中" * 201 + ")"
    texts = SEED_TEXTS + _generated(PAREN_CHARS) + [long_ok, long_bad, "(中文）与（中文)", "f(中文)"]
    for text in texts:
        want = [(m.start(), m.end(), m.group("c1") if m.group("c1") is not None else m.group("c2"))
                for m in pun._PAREN_RE.finditer(text)]
        assert pun._paren_pairs(text) == want, text
    assert pun._paren_pairs(long_ok) and not pun._paren_pairs(long_bad)


def test_pun001_precheck_pattern_and_mark_pattern_on_seeds_find_marks():
    # the mark pattern starts with the mark and looks back: same findings as reading the left side first
    old = regex.compile(r"(?<=" + pun._LEFT + r")(?P<mark>[,;:!?])(?P<sp>[ \t]*)(?=(?P<r>[\p{Han}" + pun.OPEN_FULL
                        + r"(\d”’\r\n])|\Z)")
    for text in SEED_TEXTS + _generated(list(",;:!? 中1a)”（\n\ufffc") + ["婦聯(lián)", "APP"]):
        assert _spans(pun._MARK_RE.finditer(text)) == _spans(old.finditer(text)), text


def test_mark_at_end_of_text_is_reported_as_at_a_line_end():
    # the end of the text is a line end: with or without a final newline the same findings
    for end in ("", "\n"):
        assert [d.rule for d in lint("工作取得成效," + end, ["PUN001"])] == ["PUN001"]
        assert [d.rule for d in lint("工作取得成效了吗?" + end, ["PUN001"])] == ["PUN001"]
    assert lint("比分为3:2", ["PUN001"]) == []


# ------------------------------------------------------------------------------------------------- PUN005
def test_all_paired_fast_check_and_exact_path():
    check = pun._all_paired_re().fullmatch
    # the fast check accepts balanced lines (nesting up to two) and the rule is silent on them
    for text in ["“两癌”筛查（含《条例》）", "（“a”）", "开展“不让毒品进家庭”活动。\n（一）“三八”节"]:
        assert check(text)
        assert not lint(text, ["PUN005"])
    # rejected but balanced (crossing kinds, three deep): the exact path decides, and stays silent
    for text in ["“甲（乙”丙）", "（“《a》”）"]:
        assert not check(text)
        assert not lint(text, ["PUN005"])
    # rejected and unbalanced: reported
    assert [d.rule for d in lint("推进低保、特困“两癌患病妇女救助工程。", ["PUN005"])] == ["PUN005"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list("“”‘’《》（）【】〔〕「」『』〈〉a1：中 \n"), max_size=30))
def test_fast_check_never_accepts_a_text_with_unpaired_marks(text):
    if pun._all_paired_re().fullmatch(text):
        for m in regex.finditer(r"[^\r\n]+", text):
            assert pun._unpaired_in_line(text, m.start(), m.end()) == ([], [])


def test_unpaired_in_line_per_kind_equals_one_stack_per_kind():
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
            if ch == "）" and (pun._LIST_MARKER_BEFORE.search(masked, max(s, p - 4), p)
                              or (p > s and masked[p - 1] in ":：;；^_-")):
                continue
            closes.append(p)
        return sorted(p for v in stacks.values() for p in v), closes

    texts = _generated(list("“”‘’《》（）【】〔〕「」『』〈〉a1：中 "), n=5000, size=16)
    for text in texts + [line for t in SEED_TEXTS for line in t.splitlines()]:
        assert pun._unpaired_in_line(text, 0, len(text)) == one_pass(text, 0, len(text)), text


# ------------------------------------------------------------------------------------------------- PUN007
def test_event_dates_equal_the_plain_scan():
    alphabet = list("“”1234.．中日a·第_ \n") + ["12", "6.26", "国际", "宣传周", "反家暴", "11.25"]
    for text in SEED_TEXTS + _generated(alphabet) + ["11.25反家暴宣传周", "第6.26国际", "a6.26国际", "12.4国家宪法日"]:
        assert _spans(pun._event_dates(text)) == _spans(pun._event_date_re().finditer(text)), text
    assert len(pun._event_dates("11.25反家暴宣传周，12.4国家宪法日")) == 2


def test_quoted_date_pattern_from_the_quote():
    old = regex.compile(r"(?<=“)(\d{1,2})[.．](\d{1,2})(?=”)")
    for text in SEED_TEXTS + _generated(list("“”1234.．中a\n") + ["6.26", "“6.26”"]):
        assert _spans(pun._QUOTED_DATE_RE.finditer(text)) == _spans(old.finditer(text)), text


# ------------------------------------------------------------------------------------------------- pre-checks
def _same_verdict(old_pattern: str, precheck, alphabet: list[str], extra: list[str]) -> None:
    old = regex.compile(old_pattern)
    for text in SEED_TEXTS + _generated(alphabet, n=5000, size=14) + extra:
        assert (old.search(text) is None) == (precheck.search(text) is None), repr(text)


def test_pun012_precheck():
    rule = pun.missing_final_mark.lintkit_rule
    _same_verdict(r"[\p{Han}\d%％][ \t\u3000]*(?:[\r\n]|$)|\p{Han}[（(][一二三四五六七八九十]", rule.requires,
                  list("中1% \u3000\t\n\r（(一。a"), ["", "中", "中 \u3000", "。\n", "a\r\n中\r\n", "中（一"])


def test_pun009_precheck():
    rule = pun.stray_or_doubled.lintkit_rule
    _same_verdict(r"[，。、；：,;]{2}|(?<=[\p{Han}”’》）])\.\p{Han}", rule.requires,
                  list("，。、；：,;中.”a1\n"), ["", "，，", "中.中", "1.中", "”.中"])


def test_pun007_precheck():
    _same_verdict(r"[・•‧∙⋅]|\d[.．]\d", pun.interpunct_form.lintkit_rule.requires, list("1.．・•a中\n"), ["6.26"])


def test_pun002_precheck_finds_every_chain():
    req = pun.dunhao_between_quoted.lintkit_rule.requires
    for text in SEED_TEXTS + _generated(list("“”《》、中a\n") + ["“两筛”", "《报》"]):
        if pun._QUOTED_CHAIN_RE.search(text):
            assert req.search(text), text


def test_plain_mark_branch_is_what_the_general_branch_decides():
    # _MARK_OR_PLAIN_RE matches where _MARK_RE does; its first branch takes the certain case (a , ; or : between
    # Han text and Han text, an opening mark or a digit), which the general branch would accept with the same span
    texts = SEED_TEXTS + _generated(list(",;:!? \t中1a)”“（(\n\ufffc") + ["婦聯(lián)", "APP", "》"])
    plain_seen = 0
    for text in texts:
        both = list(pun._MARK_OR_PLAIN_RE.finditer(text))
        assert [m.span() for m in both] == [m.span() for m in pun._MARK_RE.finditer(text)], text
        for m in both:
            if m.group("plain") is not None:
                plain_seen += 1
                s, e = m.span()
                assert pun._kind(text[s - 1]) == "han" and text[s] in ",;:"
                assert e < len(text) and pun._kind(text[e]) in ("han", "digit")
    assert plain_seen > 100


def test_paragraph_end_shortcut_only_skips_characters_the_pattern_rejects():
    assert not [c for c in pun._NOT_PARA_LAST if pun._PARA_LAST.match(c)]


def test_pun001_precheck():
    _same_verdict(r"(?<=[\p{Han}”’》）])[,;:!?().]|[,;:!?()](?=[\p{Han}“‘《（])",
                  pun.halfwidth_punctuation.lintkit_rule.requires, list(",;:!?().中”“）（a1\n"),
                  ["", "中.", "1.5", "中,", ",中", "a(b)", "”.", "(“"])


def test_chains_searched_from_the_line_of_the_first_junction():
    # lines without a chain before the chain's line, with \r, \n and \r\n breaks
    for nl in ("\n", "\r", "\r\n"):
        text = nl.join(["开展“扶贫日”活动，“宪法日”宣传。", "“两筛”“两癌”", "扎实开展免费“两筛”、“两癌”筛查"])
        found = lint(text, ["PUN002"])
        assert [(d.rule, d.line) for d in found] == [("PUN002", 3)]
        text = nl.join(["“扶贫日”活动。", "开展“不让毒品进家庭”、“6·26”禁毒日,“12·1”防艾日、“12·4”法制宣传日等宣传活动"])
        assert [(d.rule, d.line) for d in lint(text, ["PUN011"])] == [("PUN011", 2)]


def test_pun012_inline_ordinals_imply_the_bracket_condition():
    # the ordinal loop runs only when _inline_ordinal_possible(masked): every ordinal after a Han character holds it
    from lintkit.document import Document
    from lintkit_rules.seq import ordinals

    texts = SEED_TEXTS + _generated(list("中（(一二十）)1、。\n ") + ["有作为（一）落实", "第三条（一）项"], n=4000)
    inline_seen = 0
    for text in texts:
        doc = Document(text)
        inline = [o for o in ordinals(doc) if o.inline_after_han]
        inline_seen += len(inline)
        if inline:
            assert pun._inline_ordinal_possible(doc.masked), text
        for o in inline:
            assert pun._PUN012_FULL_BRACKET_RE.match(doc.masked, o.start) or \
                pun._PUN012_HALF_BRACKET_RE.match(doc.masked, o.start), text
    assert inline_seen > 50
    # both branches on real text: the run-in ordinal is found, a draft without one is not asked for its ordinals
    line = "被全国妇联授予“全国维护妇女儿童权益先进集体”荣誉称号（九）推进不同层面的家风家教示范基地建设；"
    assert pun._inline_ordinal_possible(line) and [d.rule for d in lint("（八）开展活动。\n" + line, ["PUN012"])]
    assert not pun._inline_ordinal_possible("一、围绕中心有作为\n（一）落实民生实事。\n")


# ------------------------------------------------------------------------------------------------- PUN004
RANGE_CHARS = list("0129.-－–/:#a中年岁个 \n") + ["１", "٣", "2011", "2015", "19", "20", "学年", "—", "2-3", "1.5-2", "2011-2015", "岁", "个"]


def test_range_matches_equal_scanning_the_text():
    # year and number ranges are tried only before the hyphens that have a digit on both sides
    old_single = regex.compile(r"(?<=\p{Han})(?<!—)—(?!—)(?=\p{Han})")
    texts = SEED_TEXTS + _generated(RANGE_CHARS, n=6000, size=16) + [
        "永兴县妇联2011-2015工作总结", "为各村0-2岁儿童", "电话0735-2871512", "2019-11-25", "１２３４５6-7岁",
        "1.5-2.5米", "12345-6岁", "GB/T 15834-2011", "建设法治上林—巾帼在行动", "合作社——永兴县"]
    seen = 0
    for text in texts:
        hyphens = [m.start() for m in pun._RANGE_HYPHEN_RE.finditer(text)]
        for pattern in (pun._YEAR_RANGE_RE, pun._range_re()):
            got = _spans(pun._range_matches(pattern, text, hyphens))
            assert got == _spans(pattern.finditer(text)), (text, pattern.pattern[:30])
            seen += len(got)
        assert _spans(pun._SINGLE_DASH_RE.finditer(text)) == _spans(old_single.finditer(text)), text
    assert seen > 100


PAIR_CHARS = list("“”‘’《》（）【】「」a1：中 \t\u3000\n") + ["\r\n", "“两癌”", "（一）", "1）"]


def test_pun005_lines_outside_the_unbalanced_set_have_nothing_unpaired(monkeypatch):
    from lintkit.document import Document

    texts = SEED_TEXTS + _generated(PAIR_CHARS, n=3000, size=30, seed=5) + ["“甲（乙”丙）\n“第二段。”", "（“《a》”）"]
    skipped = 0
    for text in texts:
        doc = Document(text)
        bad = pun._unbalanced_line_starts(doc)
        assert bad == pun._unbalanced_line_starts(doc, pun._all_paired_re().match(doc.masked).end())
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
