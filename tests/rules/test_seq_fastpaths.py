"""SEQ/DOC fast paths: each must give exactly what the plain pattern it replaces gives."""

from __future__ import annotations

import random

import regex

import lintkit_rules.doc as doc_rules
import lintkit_rules.seq as seq
from conftest import SEEDS

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def _generated(alphabet: list[str], n: int = 5000, size: int = 20, seed: int = 2) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(size))) for _ in range(n)]


def _key(matches) -> list[tuple]:
    return [(m.span(), m.groups()) for m in matches]


def test_ordinal_matches_equal_a_scan_of_every_position():
    alphabet = list("（()）一二三十1203、.．,，。；：:中“ \u3000\t\n\r") + ["第三条", "十二、", "12."]
    extra = ["一、围绕中心有作为（一）落实民生实事", "第三条（一）项", "三、四年级", "五六七八、", "123.中", "年12.3万元",
             "1、2、3号楼", "“1.加强学习”", "\u3000（二）、完善制度", "(1)加强学习"]
    for text in SEED_TEXTS + _generated(alphabet) + extra:
        assert _key(seq._ordinal_matches(text)) == _key(seq._ORDINAL_RE.finditer(text)), text
    assert [m.group() for m in seq._ordinal_matches("一、总体\n（一）加强领导\n1.学习")] == ["一、", "（一）", "1."]


def test_doc_prechecks():
    cases = [
        (r"\d{4}[" + regex.escape(doc_rules._CLOSE) + r"]第?\d+号", doc_rules.document_number_brackets),
        (r"\d{4}[〕" + regex.escape(doc_rules._CLOSE) + r"](?:第|0)", doc_rules.document_number_serial),
    ]
    alphabet = list("12340〔〕【】[]（）()第号中\n") + ["2021", "西办文"]
    texts = SEED_TEXTS + _generated(alphabet, size=16) + ["西办文〔2021〕第06号", "西妇字【2021】15号", "〔2021〕0"]
    old1 = regex.compile(cases[0][0])
    req1 = cases[0][1].lintkit_rule.requires
    for text in texts:
        assert (old1.search(text) is None) == (req1.search(text) is None), text
    # DOC002's pre-check is stricter than the old one but still holds wherever the rule reports
    from conftest import lint
    req2 = cases[1][1].lintkit_rule.requires
    for text in texts:
        if any(d.rule == "DOC002" for d in lint(text, ["DOC002"])):
            assert req2.search(text), text
    assert req2.search("西办文〔2021〕第06号") and req2.search("西办文〔2021〕006号")
    assert not req2.search("西办文〔2021〕16号")


def test_line_start_is_never_inside_a_quotation():
    # _find_ordinals does not ask doc.in_quotes for an ordinal with only blanks before it on its line; this holds
    # as long as a quotation opens with a mark on the same line
    from lintkit import Document

    texts = SEED_TEXTS + _generated(list("“”‘’《》「」『』〈〉\"中1 \u3000\t\n\r"), n=3000, size=30)
    for text in texts:
        doc = Document(text)
        for m in regex.finditer(r"(?:^|(?<=[\r\n]))[ \t\u3000]*", text):
            p = m.end()
            assert not doc.in_quotes(p, min(p + 1, len(text))), (text, p)


def test_in_quotes_on_line_equals_in_quotes():
    from lintkit import Document

    alphabet = list("“”‘’《》「」『』〈〉【】〔〕（）()\"中1 \u3000\t\n\r") + ["一是", "中" * 120]
    for text in SEED_TEXTS[:2] + _generated(alphabet, n=1500, size=24):
        doc = Document(text)
        for s in range(len(text)):
            for e in (s, s + 1, s + 2):
                if e <= len(text):
                    assert seq.in_quotes_on_line(doc, s, e) == doc.in_quotes(s, e), (text, s, e)
