"""The engine's candidate finding: one scanner for all trigger literals, patterns tried only at their anchors.

Two properties make triggers safe to use, and each is held here once for every trigger of every rule (no
per-rule fast-path tests):

1. the scanner finds every occurrence of every literal, overlapping ones included;
2. a pattern trigger's matches, tried only at its anchors, are the matches of a full ``finditer`` over the view —
   on the seeds, the fixtures, ../shared/corpus/real and random text.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lintkit import Document
from lintkit.engine import Linter, Options
from lintkit.triggers import LiteralScanner, Trigger, matches_at_anchors

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def _naive(literals, text):
    out = {}
    for lit in set(literals):
        found = [i for i in range(len(text)) if text.startswith(lit, i)]
        if found:
            out[lit] = found
    return out


def _lists(found):
    """A scan's result with its offset arrays as lists."""
    return {lit: list(offsets) for lit, offsets in found.items()}


def test_scanner_finds_overlapping_and_nested_occurrences():
    lits = ["。", "。。。", "ab", "bc", "abc", "c", "一是", "是"]
    text = "。。。。 abcbc 一是二是"
    found = LiteralScanner(lits).scan(text)
    assert all(offsets.itemsize == 4 for offsets in found.values())  # compact: C ints, not int objects
    assert _lists(LiteralScanner(lits).scan(text)) == _naive(lits, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="ab。是一", min_size=1, max_size=4), min_size=1, max_size=6),
       st.text(alphabet="ab。是一x", max_size=60))
def test_scanner_equals_a_search_for_each_literal(literals, text):
    assert _lists(LiteralScanner(literals).scan(text)) == _naive(literals, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="]^-\\[a.", min_size=1, max_size=3), min_size=1, max_size=6),
       st.text(alphabet="]^-\\[a.x", max_size=40))
def test_scanner_with_the_characters_that_are_special_in_a_character_class(literals, text):
    assert _lists(LiteralScanner(literals).scan(text)) == _naive(literals, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="12ab年月 ", max_size=80), st.integers(min_value=0, max_value=4))
def test_matches_at_anchors_equal_finditer_when_every_match_holds_an_anchor(text, before):
    # every match of the pattern holds 年 at most `before` characters after its start (digits: at most 4)
    pattern = re.compile(r"\d{0,%d}年(?:\d+月)?" % before)
    anchors = [i for i, c in enumerate(text) if c == "年"]
    found = [m.span() for m in matches_at_anchors(pattern.match, text, anchors, before)]
    assert found == [m.span() for m in pattern.finditer(text)]


def test_trigger_needs_a_literal():
    with pytest.raises(ValueError):
        Trigger()
    with pytest.raises(ValueError):
        Trigger("")


# ------------------------------------------------------------------------------------------------ built-in rules

def _texts() -> list[tuple[str, str]]:
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))
    if CORPUS.is_dir():
        paths += sorted(CORPUS.glob("*.txt"))
    out = [(p.name, p.read_text(encoding="utf-8")) for p in paths]
    rng = random.Random(15)
    pieces = "".join(t for _, t in out[:5])
    for i in range(40):  # random splices of real text with digits, spaces, marks and line breaks thrown in
        chars = [pieces[rng.randrange(len(pieces))] for _ in range(300)]
        for _ in range(60):
            chars.insert(rng.randrange(len(chars)), rng.choice("0123456789 .-—…，,。、（）()“”\"《》\n年月日号"))
        out.append((f"random{i}", "".join(chars)))
    return out


def _pattern_triggers():
    linter = Linter(Options(no_config=True, select=("ALL",)))
    out = []
    for r in linter.table.rules:
        for i, t in enumerate(r.triggers):
            if t.compiled is not None:
                out.append(pytest.param(t, id=f"{r.id}-{i}"))
    return out


@pytest.mark.parametrize("trigger", _pattern_triggers() or [pytest.param(None, marks=pytest.mark.skip)])
def test_every_pattern_trigger_finds_the_matches_of_a_full_scan(trigger):
    Linter(Options(no_config=True))  # registers the views of the built-in pack
    scanner = LiteralScanner(trigger.literals)
    for name, text in _texts():
        doc = Document(text, name)
        view = getattr(doc, trigger.view)
        got = [m.span() for m in trigger.hits(view, scanner.scan(view))]
        want = [m.span() for m in trigger.compiled.finditer(view)]
        assert got == want, name


def test_scanner_with_a_large_character_set_finds_the_same_occurrences():
    chars = [chr(0x4E00 + i) for i in range(80)]
    lits = chars + ["一丁", "丁七丁", "。。"]
    text = "".join(chars[::7]) + "一丁七丁七。。。" + chars[3] * 3
    assert _lists(LiteralScanner(lits).scan(text)) == _naive(lits, text)
