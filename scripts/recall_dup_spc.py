#!/usr/bin/env python3
"""Recall of the DUP and SPC families on injected errors: one error per copy of a correct draft.

    python scripts/recall_dup_spc.py [--per-file N] [--seed S]

Each correct draft in tests/fixtures/clean gets, for each kind below, N copies with one error injected at a random
eligible place; an error counts as found when a finding of the kind's family (any severity) overlaps the injected
text. Prints found/injected per kind. A development script (jieba is used to pick two-character words for the
doubled-word kind: ``pip install -e '.[build-data]'``); no test asserts these figures.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT / "tests" / "fixtures" / "clean"
HAN = r"\p{Han}"


def _inject_at(text: str, i: int, j: int, new: str) -> tuple[str, int, int]:
    """``text`` with ``text[i:j]`` replaced by ``new``; the span of ``new`` in the result."""
    return text[:i] + new + text[j:], i, i + len(new)


def kinds(listed_words, modifiers):
    import jieba
    from jieba import posseg

    def doubled_char(text, rng):
        cands = [m.start() for m in regex.finditer(r"(?<=\p{Han})的(?=\p{Han})", text)]
        i = rng.choice(cands)
        return _inject_at(text, i, i + 1, "的的")

    def listed_word(text, rng):
        cands = [(m.start(), m.group()) for m in regex.finditer("|".join(listed_words), text)]
        i, w = rng.choice(cands)
        return _inject_at(text, i, i + len(w), w + w)

    def lexicon_word(text, rng):
        lines = [ln for ln in text.splitlines() if len(ln) > 20]
        line = rng.choice(lines)
        start = text.index(line)
        words, pos = [], 0
        for w in jieba.lcut(line):
            if len(w) == 2 and regex.fullmatch(r"\p{Han}{2}", w) and w not in listed_words:
                words.append((start + pos, w))
            pos += len(w)
        i, w = rng.choice(words)
        return _inject_at(text, i, i + 2, w + w)

    def place_unit(text, rng):
        # a place name (jieba's tag ns) that ends with a unit and is followed by a Han character: 西峡县妇联
        cands, pos = [], 0
        for w in posseg.cut(text):
            pos += len(w.word)
            if w.flag == "ns" and len(w.word) >= 3 and w.word[-1] in "省市县镇乡村縣鎮鄉" and \
                    regex.match(HAN, text[pos:pos + 1]):
                cands.append(pos - 1)
        k = rng.choice(cands)
        return _inject_at(text, k, k + 1, text[k] * 2)

    def clause(text, rng):
        cands = [m for m in regex.finditer(r"(?<=[，；])[^，；。！？：、\n]{6,30}(?=[，；])", text)
                 if len(regex.findall(HAN, m.group())) >= 6]
        m = rng.choice(cands)
        new = m.group() + text[m.end()] + m.group()
        return _inject_at(text, m.start(), m.end(), new)

    def sentence(text, rng):
        sents = [m for m in regex.finditer(r"(?<=[。\n])[^。\n]{20,80}。", text)
                 if len(regex.findall(HAN, m.group())) >= 20 and "：" not in m.group()]
        m = rng.choice(sents[:-1])
        later = [x for x in sents if x.start() > m.end() + 30]
        if not later:
            raise IndexError
        at = rng.choice(later).end()
        return _inject_at(text, at, at, m.group())

    def modifier(text, rng):
        cands = [m for m in regex.finditer("(" + "|".join(modifiers) + r")(?=\p{Han}{6})", text)]
        m = rng.choice(cands)
        k = m.end() + 4
        if not regex.fullmatch(r"\p{Han}{2}", text[k - 1:k + 1]):
            raise IndexError
        return _inject_at(text, k, k, m.group())

    def space_in_number(text, rng):
        cands = [m for m in regex.finditer(r"(?<=[\p{Han}，。、])\d{2,4}(?=[\p{Han}])", text)]
        m = rng.choice(cands)
        k = m.start() + rng.randrange(1, len(m.group()))
        return text[:k] + " " + text[k:], k - 1, k + 2

    def space_by_mark(text, rng):
        cands = [m.start() for m in regex.finditer(r"(?<=\p{Han})[，、；](?=\p{Han})", text)]
        k = rng.choice(cands) + rng.choice((0, 1))
        return _inject_at(text, k, k, " ")

    def space_between_han(text, rng, n=1):
        cands = [m.start() for m in regex.finditer(r"(?<=[，。；][^，。；\n“”《》]{4,})(?<=\p{Han})(?=\p{Han}{4})",
                                                    text)]
        k = rng.choice(cands)
        return _inject_at(text, k, k, " " * n)

    def double_space(text, rng):
        return space_between_han(text, rng, 2)

    def space_before_measure(text, rng):
        cands = [m.end() for m in regex.finditer(r"(?<=\p{Han})\d+(?=[个人名家户件项次元万%])", text)]
        k = rng.choice(cands)
        return _inject_at(text, k, k, " ")

    def nbsp(text, rng):
        cands = [m.start() for m in regex.finditer(r"(?<=\p{Han}{3})(?=\p{Han}{3})", text)]
        k = rng.choice(cands)
        return _inject_at(text, k, k, "\u00a0")

    def trailing(text, rng):
        cands = [m.start() for m in re.finditer(r"(?<=\S)\n", text)]
        k = rng.choice(cands)
        return _inject_at(text, k, k, " ")

    return {
        "DUP": [("doubled 的", doubled_char), ("doubled listed word", listed_word),
                ("doubled lexicon word", lexicon_word), ("doubled place unit", place_unit),
                ("repeated clause", clause), ("repeated sentence", sentence), ("repeated modifier", modifier)],
        "SPC": [("space inside a number", space_in_number), ("space by a mark", space_by_mark),
                ("space between Han", space_between_han), ("two spaces between Han", double_space),
                ("space before a measure word", space_before_measure), ("no-break space", nbsp),
                ("trailing space", trailing)],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--per-file", type=int, default=3)
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from lintkit.engine import Linter, Options
    from lintkit_rules import dup

    linter = Linter(Options(no_config=True, select=("DUP", "SPC")))
    rng = random.Random(args.seed)
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(CLEAN.glob("*.txt"))]
    table = kinds([regex.escape(w) for w in dup._WORDS], [regex.escape(w) for w in dup._D4_WORDS])
    total = [0, 0]
    for family, ks in table.items():
        for name, make in ks:
            found = injected = 0
            misses = []
            for fname, text in texts:
                for _ in range(args.per_file):
                    try:
                        new, s, e = make(text, rng)
                    except (IndexError, ValueError):
                        continue  # nothing eligible in this draft
                    injected += 1
                    diags = linter.lint_bytes(new.encode("utf-8"), fname, None).diagnostics
                    if any(d.rule.startswith(family) and d.offset < e + 1 and d.end_offset > s - 1 for d in diags):
                        found += 1
                    else:
                        misses.append(new[max(0, s - 8):e + 8].replace("\n", "⏎"))
            total[0] += found
            total[1] += injected
            print(f"{family} {name:28s} {found:3d}/{injected:<3d} {100 * found / max(injected, 1):5.1f} %")
            for x in misses[:3]:
                print("      missed:", x)
    print(f"all {total[0]}/{total[1]} {100 * total[0] / max(total[1], 1):.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
