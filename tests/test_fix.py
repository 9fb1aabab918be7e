"""Choosing and applying fixes: no overlaps, insertions handled conservatively, edits applied exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lintkit.fix import apply_edits, select_fixes
from lintkit.model import Edit, Fix


def test_overlapping_fixes_are_deferred():
    a, b = Fix.replace(0, 5, "x"), Fix.replace(3, 8, "y")
    ins_touching, ins_free, ins_same = Fix.replace(5, 5, "z"), Fix.replace(10, 10, "w"), Fix.replace(10, 10, "v")
    # text order; b overlaps a, the insertion at 5 touches a, the second insertion at 10 meets the first
    assert select_fixes([b, ins_same, a, ins_free, ins_touching]) == [a, ins_same]
    assert select_fixes([Fix((), "empty")]) == []


def test_multi_edit_fix_is_all_or_nothing():
    line = Fix((Edit(0, 1, "，"), Edit(5, 6, "；")), "line")
    single = Fix.replace(5, 6, "。")
    assert select_fixes([single, line]) == [line]  # the first in text order wins; the other waits a round


def test_many_fixes_on_one_line_are_all_chosen():
    fixes = [Fix.replace(i * 3, i * 3 + 1, "") for i in range(20000)]
    assert len(select_fixes(fixes)) == 20000


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 5), st.text("ab", max_size=2)), max_size=30))
def test_chosen_fixes_never_overlap_and_apply_cleanly(raw):
    text = "x" * 50
    fixes = [Fix.replace(s, s + n, c) for s, n, c in raw]
    chosen = select_fixes(fixes)
    spans = sorted((f.edits[0].start, f.edits[0].end) for f in chosen)
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        assert e1 < s2 or (e1 == s2 and s1 < e1 and s2 < e2), (spans,)
    apply_edits(text, [e for f in chosen for e in f.edits])  # raises on overlap


def test_apply_edits_rejects_overlap_and_out_of_range():
    assert apply_edits("abcdef", [Edit(4, 6, "X"), Edit(0, 1, "")]) == "bcdX"
    with pytest.raises(ValueError):
        apply_edits("abc", [Edit(0, 2, ""), Edit(1, 3, "")])
    with pytest.raises(ValueError):
        apply_edits("abc", [Edit(2, 9, "")])
