#!/usr/bin/env python3
"""Recall of WRD008 (typo) on slips injected into real documents: the figure of issue 17's "confusable words".

    python scripts/inject_typos.py                      # 400 slips into the odd documents of corpus/real
    python scripts/inject_typos.py --data DIR --n 600   # another build (e.g. --real-half even), more slips
    python scripts/inject_typos.py --kind shape --show 20

A slip is made the way a pinyin input method makes it: in a running-text sentence of a host document, one
character of a lexicon word of two to four characters (jieba's frequency class 10 or more, so a word a draft
really uses) is replaced by another character of the same syllable (``--kind sound``, the default) or of
similar shape (``--kind shape``, from the rule's shape table), such that the word becomes no lexicon word. One
slip per copy of the sentence; it counts as found when a WRD008 finding (any severity, default configuration)
covers the replaced character. The hosts are ../shared/corpus/real's odd documents in sorted order (with
``--data`` built by ``build_typo_data.py --real-half even`` they were never counted), simplified script only.
Also prints the findings on the same sentences without a slip (false findings per 10,000 characters).
A development script: no test asserts these figures.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))

SENTENCE = re.compile(r"[^。！？；\n]{12,120}[。！？；]")
HAN = re.compile(r"[\u4e00-\u9fff]")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, help="another data directory (default: rules/data/typo)")
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kind", choices=("sound", "shape"), default="sound")
    ap.add_argument("--show", type=int, default=0, help="print this many missed slips")
    args = ap.parse_args()

    from lintkit_rules import _typo
    if args.data:
        _typo._DIR = str(args.data.resolve())
    d = _typo.data()
    from lintkit import check_text

    hosts = [p for p in sorted((CORPUS / "real").glob("*.txt"))[1::2]
             if "hk_" not in p.name and "congress_03" not in p.name]
    sentences = [m.group().strip() for p in hosts for m in SENTENCE.finditer(p.read_text(encoding="utf-8"))]
    sentences = [s for s in sentences if len(HAN.findall(s)) * 10 >= len(s) * 8]
    rng = random.Random(args.seed)
    found = made = tries = 0
    missed = []
    clean_chars = clean_findings = 0
    while made < args.n and tries < args.n * 50:
        tries += 1
        s = rng.choice(sentences)
        i = rng.randrange(len(s) - 4)
        length = rng.choice((2, 2, 3, 4))
        word = s[i:i + length]
        if not all(HAN.match(c) for c in word) or d.word_class(word) < 10:
            continue
        k = rng.randrange(length)
        conf = d.confusions(word[k])
        pool = conf[0] if conf and args.kind == "sound" else conf[2] if conf else ""
        pool = [c for c in pool if d.word_class(word[:k] + c + word[k + 1:]) < 0]
        if not pool:
            continue
        slip = rng.choice(pool)
        text = s[:i + k] + slip + s[i + k + 1:]
        made += 1
        got = [x for x in check_text(text) if x.rule == "WRD008" and x.offset <= i + k < x.end_offset]
        if got:
            found += 1
        elif len(missed) < args.show:
            missed.append(f"{word}→{word[:k] + slip + word[k + 1:]} | {text}")
        clean_chars += len(s)
        clean_findings += sum(1 for x in check_text(s) if x.rule == "WRD008")
    print(f"{args.kind} slips found: {found}/{made} = {found / max(made, 1):.1%}")
    print(f"on the same sentences without a slip: {clean_findings} findings in {clean_chars:,} characters "
          f"= {1e4 * clean_findings / max(clean_chars, 1):.2f} per 10k")
    for m in missed:
        print("MISS", m)


if __name__ == "__main__":
    main()
