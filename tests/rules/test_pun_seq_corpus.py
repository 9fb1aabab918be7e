"""PUN and SEQ on real official documents (../shared/corpus/real, read in place, never copied): the false-finding
patterns fixed for issue 16 stay fixed. Skipped when the corpus is absent."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "real"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/real is absent")


@pytest.fixture(scope="module")
def findings():
    from lintkit.engine import Linter, Options

    linter = Linter(Options(no_config=True, select=("PUN", "SEQ")))
    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for d in linter.lint_bytes(text.encode("utf-8"), path.name, None, suffix=".txt").diagnostics:
            out.append((path.name, text, d))
    return out


def _of(findings, rule, severities=("error", "warning")):
    return [(name, text, d) for name, text, d in findings if d.rule == rule and d.severity in severities]


def test_pun005_pairs_split_over_lines_are_paired(findings):
    # 《⏎著作权法⏎》, 【字号：⏎加大⏎减小⏎】, （PM⏎2.5⏎）: the partner lies a few short lines away
    pairs = {"《": "》", "（": "）", "【": "】", "“": "”"}
    for name, text, d in _of(findings, "PUN005"):
        mark = d.text
        if mark in pairs:
            after = text[d.end_offset:d.end_offset + 80]
            nested = after.find(mark)
            close = after.find(pairs[mark])
            assert close < 0 or "\n" not in after[:close] or 0 <= nested < close, (name, d.line, d.message)
    assert len(_of(findings, "PUN005")) <= 12


def test_pun012_warnings_never_put_a_mark_inside_a_word_or_a_sentence(findings):
    from lintkit_rules._zh import word_across

    warnings = _of(findings, "PUN012")
    for name, text, d in warnings:
        if d.message.startswith("段落末尾"):
            rest = text[d.end_offset:].lstrip(" \t\u3000\r\n\u200b")
            assert not word_across(text[d.end_offset - 3:d.end_offset], rest[:3]), (name, d.line)
            # what follows is the end of the text, a heading or an indented paragraph
            nxt = re.match(r"(?:\r?\n|\r)[\s\u200b]*", text[d.end_offset:])
            follow = text[d.end_offset + (nxt.end() if nxt else 0):][:4]
            assert not follow or re.match(r"[（(一二三四五六七八九十\d]|[\u3000 ]{2}|\t", follow) or \
                "\u3000" in text[d.end_offset:d.end_offset + (nxt.end() if nxt else 0)], (name, d.line)
    assert len(warnings) <= 10


def test_pun004_connecting_dashes_in_quotations_are_left_alone(findings):
    for name, text, d in _of(findings, "PUN004"):
        if d.text == "—":
            run = re.search(r"[\u4e00-\u9fff]+(?:—[\u4e00-\u9fff]+)+", text[max(0, d.offset - 30):d.end_offset + 30])
            parts = run.group().split("—") if run else []
            assert not (len(parts) >= 3 or (len(parts) == 2 and max(map(len, parts)) <= 4)), (name, d.line)


def test_seq003_nested_lists_and_sentence_enumerations(findings):
    # 一、…四、 with 一、二、三、 as sub-items before 五、 (the 1980s reports) is no gap
    assert len(_of(findings, "SEQ003")) <= 5
