#!/usr/bin/env python3
"""Build the data of WRD008 (typo): rules/data/typo/*.txt.

Run once when a source changes (build-time inputs only; none of them is needed to run lintkit):

    pip install -e '.[build-data]'      # jieba (dictionary), pypinyin (readings)
    python scripts/build_typo_data.py   # reads ../shared/corpus

Inputs and what is taken from each:
- jieba's ``dict.txt`` (MIT): words of Han characters with their frequencies → the word list (``words.txt``) and
  the character pairs inside words (part of ``bigrams.txt``); words tagged ``nr`` (person names) → the surname
  table (the first characters of most names).
- ECSpell's ``soundConfusion.json`` and ``shapeConfusion.json`` (MIT, ../shared/corpus/ecspell/ECSPELL_LICENSE,
  copied next to the output as ``ECSPELL_LICENSE``) and pypinyin's readings (MIT): characters of the same syllable
  (any tone), similar sound and similar shape → ``confusion.txt``.
- Counts of adjacent characters in the official documents of ../shared/corpus/real and in the corrected (``tgt``)
  sentences of ecspell-odw-train.jsonl whose id number is EVEN (the odd ones are held out for evaluation,
  scripts/eval_typo.py) → ``bigrams.txt``. Only counts are written, never the texts.

``--real-half even`` counts only the even-numbered documents of corpus/real (in sorted file order), so the
false findings can be measured honestly on the odd ones (``--out`` elsewhere; scripts/eval_typo.py --data).

File formats (UTF-8; rules/_typo.py reads a file as bytes and decodes a record only when its key is looked up):
``#total<TAB>N``, ``#keys<TAB>`` + the key characters, then one record per key in that order:
- ``bigrams.txt``: ``BCD…<TAB>bcd…<TAB>T``: the characters seen after the key, commonest first; the (combined)
  count of each pair as one character, ``chr(BUCKET0 + round(4·log2(count)))`` (about 19 % precision); T the
  sum of the counts of the key's pairs. N is the sum of all counts.
- ``preceders.txt``: ``ABC…``: the characters seen at least 3 times before the key (bigrams.txt reversed).
- ``chars.txt``: one line, every character of the pairs, those that start the most pairs first.
- ``inner_after.txt`` / ``inner_before.txt``: ``ABC…``: the characters that follow / precede the key inside a word
  of ``words.txt``.
- ``words.txt``: ``w1 f1 w2 f2 …``: words of 1–7 characters that start with the key (the rest of the word, ``_``
  for the key alone, then round(2·ln frequency)); N is the sum of the frequencies.
- ``confusion.txt``: ``same syllable<TAB>similar sound<TAB>similar shape``.
- ``homophones.txt``: ``syl1 syl2<TAB>w1 c1 w2 c2 …``: the two-character words (frequency at least
  HOMOPHONE_MIN) whose reading (pypinyin's, by phrase) is these toneless syllables, with round(2·ln frequency).
- ``syllables.txt``: the usual toneless syllable of the key (pypinyin's first reading).
- ``surnames.txt``: one line of characters.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
OUT = ROOT / "rules" / "data" / "typo"

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
HAN_WORD = re.compile(r"^[\u4e00-\u9fff]+$")
#: weight of jieba's word frequencies against corpus counts: the lexicon's pairs count as much as a corpus of
#: LEX_MASS characters
LEX_MASS = 3_000_000
#: the pairs inside a lexicon word at least this frequent count as seen
LEX_WORD_MIN = 5
#: pairs seen fewer times are not written
MIN_PAIR = 2
#: a character that begins at least this many of jieba's person names (tagged nr) is taken as a surname: enough
#: to hold the rarer surnames (覃, 郦) that a name guard needs
SURNAME_MIN = 5
#: the two-character words of at least this frequency (jieba's count) are indexed by their sound
HOMOPHONE_MIN = 50


#: the code point of count bucket 0 (a printable ASCII character; buckets stay below 90 for any count < 2**22)
BUCKET0 = 0x21


def bucket(n: int) -> int:
    return round(4 * math.log2(n))


def held_in(row_id: str) -> bool:
    """True for the ecspell sentences used to build and tune (even id numbers); odd ones are held out."""
    return int(row_id.rsplit("-", 1)[1]) % 2 == 0


def fuzzy_syllable(syllable: str) -> str:
    """``syllable`` with the distinctions of fuzzy pinyin (模糊音) dropped: zh/ch/sh → z/c/s, n → l, hu → fu as
    initials; ang/eng/ing → an/en/in as finals."""
    for retroflex in ("zh", "ch", "sh"):
        if syllable.startswith(retroflex):
            syllable = syllable[0] + syllable[2:]
            break
    if syllable.startswith("n"):
        syllable = "l" + syllable[1:]
    elif syllable.startswith("hu"):
        syllable = "f" + syllable[1:]
    if syllable.endswith(("ang", "eng", "ing")):
        syllable = syllable[:-1]
    return syllable


def extra_documents(paths: list[Path]):
    """The texts of the documents in ``paths`` (see --extra)."""
    import csv
    import sys

    csv.field_size_limit(sys.maxsize)
    for path in paths:
        if path.suffix == ".jsonl":
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        yield json.loads(line).get("content", "")
        elif path.suffix == ".csv":
            with open(path, encoding="utf-8-sig", newline="") as f:
                for row in csv.DictReader(f):
                    yield row.get("full_text", "")
        else:
            yield path.read_text(encoding="utf-8", errors="replace")


def in_corpus(doc: str, real_text: str) -> bool:
    """True when ``doc`` is (a version of) a document of corpus/real: most of ten snippets of it occur there."""
    runs = [r for r in HAN.findall(doc) if len(r) >= 16]
    if not runs:
        return False
    step = max(1, len(runs) // 10)
    snippets = [r[:16] for r in runs[::step]][:10]
    return sum(s in real_text for s in snippets) * 2 > len(snippets)


def main() -> None:
    import jieba
    from pypinyin import Style, lazy_pinyin, pinyin

    import sys
    sys.path.insert(0, str(ROOT))
    from rules._zh import to_simplified

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--real-half", choices=("all", "even"), default="all")
    ap.add_argument("--extra", type=Path, nargs="*", default=[],
                    help="more official documents to count pairs in (.txt, .sql as text; .jsonl with a 'content' "
                         "field; .csv with a 'full_text' column); a document that is one of ../shared/corpus/real is "
                         "left out")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    # ------------------------------------------------------------------ lexicon
    words: Counter[str] = Counter()
    first_of_names: Counter[str] = Counter()
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2 or not HAN_WORD.match(parts[0]):
                continue
            w, freq = parts[0], int(parts[1])
            words[w] += freq
            if len(parts) > 2 and parts[2] == "nr" and 2 <= len(w) <= 3:
                first_of_names[w[0]] += 1

    # ------------------------------------------------------------------ character pairs
    corpus_pairs: Counter[str] = Counter()

    def count(text: str) -> None:
        for run in HAN.findall(to_simplified(text)):
            for i in range(len(run) - 1):
                corpus_pairs[run[i:i + 2]] += 1

    real = sorted(p for p in (args.corpus / "real").glob("*.txt"))
    if args.real_half == "even":
        real = real[::2]
    for p in real:
        count(p.read_text(encoding="utf-8"))
    with open(args.corpus / "ecspell" / "ecspell-odw-train.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if held_in(row["id"]):
                count(row["tgt"])
    real_text = "".join(to_simplified(p.read_text(encoding="utf-8")) for p in sorted((args.corpus / "real").glob("*.txt")))
    extra_docs = extra_kept = 0
    for doc in extra_documents(args.extra):
        extra_docs += 1
        if not in_corpus(to_simplified(doc), real_text):
            extra_kept += 1
            count(doc)
    lex_pairs: Counter[str] = Counter()
    for w, freq in words.items():
        for i in range(len(w) - 1):
            lex_pairs[w[i:i + 2]] += freq
    # pairs inside a word of some frequency are kept however rare the word (jieba's rarest entries include slips)
    in_words = {w[i:i + 2] for w, freq in words.items() if freq >= LEX_WORD_MIN for i in range(len(w) - 1)}
    corpus_total = sum(corpus_pairs.values())
    scale = LEX_MASS / sum(lex_pairs.values())
    pairs: dict[str, int] = {}
    for p in set(corpus_pairs) | set(lex_pairs):
        lex = lex_pairs.get(p, 0) * scale
        pairs[p] = corpus_pairs.get(p, 0) + round(lex)
        if p in in_words:
            pairs[p] = max(pairs[p], MIN_PAIR)
    # a pair seen once is as good as unseen (a slip in the corpus, a rare word of the lexicon): left out
    pairs = {p: n for p, n in pairs.items() if n >= MIN_PAIR}
    by_first: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for p, n in pairs.items():
        by_first[p[0]].append((p[1], n))
    total = sum(pairs.values())
    with open(args.out / "bigrams.txt", "w", encoding="utf-8") as f:
        f.write(f"#total\t{total}\n#keys\t{''.join(sorted(by_first))}\n")
        for a in sorted(by_first):
            items = sorted(by_first[a], key=lambda x: (-x[1], x[0]))  # commonest first: found soonest
            f.write("".join(b for b, _ in items) + "\t" + "".join(chr(BUCKET0 + bucket(n)) for _, n in items)
                    + "\t" + str(sum(n for _, n in items)) + "\n")

    # every character of the pairs, those that start the most pairs first: the bit of a character in the rule's
    # bit masks is its index here, so the masks of common characters stay short
    starts = sorted(sorted(by_first), key=lambda a: -sum(n for _, n in by_first[a]))  # (ties in code order)
    rest = sorted({b for a in by_first for b, _ in by_first[a]} - set(by_first))
    (args.out / "chars.txt").write_text("".join(starts) + "".join(rest) + "\n", encoding="utf-8")

    # the characters seen before each character (any order): the reverse of bigrams.txt, for the candidates
    by_second: dict[str, list[str]] = defaultdict(list)
    for p, n in pairs.items():
        if n >= 3:
            by_second[p[1]].append(p[0])
    with open(args.out / "preceders.txt", "w", encoding="utf-8") as f:
        f.write(f"#total\t{len(pairs)}\n#keys\t{''.join(sorted(by_second))}\n")
        for b in sorted(by_second):
            f.write("".join(sorted(by_second[b])) + "\n")

    # the pairs inside the words of words.txt, both ways: a correction must make a word across the unseen pair,
    # so a candidate that makes no such pair with its neighbour is rejected before any word is looked up
    inner_after: dict[str, set[str]] = defaultdict(set)
    inner_before: dict[str, set[str]] = defaultdict(set)
    for w, freq in words.items():
        if len(w) > 7 or freq < 2:
            continue
        for i in range(len(w) - 1):
            inner_after[w[i]].add(w[i + 1])
            inner_before[w[i + 1]].add(w[i])
    for name, table in (("inner_after.txt", inner_after), ("inner_before.txt", inner_before)):
        with open(args.out / name, "w", encoding="utf-8") as f:
            f.write(f"#total\t{sum(map(len, table.values()))}\n#keys\t{''.join(sorted(table))}\n")
            for c in sorted(table):
                f.write("".join(sorted(table[c])) + "\n")

    # ------------------------------------------------------------------ words by their first character
    grouped: dict[str, list[str]] = defaultdict(list)
    for w, freq in sorted(words.items()):
        if len(w) > 7 or (freq < 2 and len(w) > 1):
            continue
        grouped[w[0]].append((w[1:] or "_") + " " + str(round(2 * math.log(freq))))
    total_words = sum(words.values())
    with open(args.out / "words.txt", "w", encoding="utf-8") as f:
        f.write(f"#total\t{total_words}\n#keys\t{''.join(sorted(grouped))}\n")
        for k in sorted(grouped):
            f.write(" ".join(grouped[k]) + "\n")

    # ------------------------------------------------------------------ confusion sets
    chars = {c for p in pairs for c in p}
    eco = args.corpus / "ecspell"
    sound = json.loads((eco / "soundConfusion.json").read_text(encoding="utf-8"))
    shape = json.loads((eco / "shapeConfusion.json").read_text(encoding="utf-8"))
    readings: dict[str, set[str]] = {}
    by_syllable: dict[str, set[str]] = defaultdict(set)
    for c in sorted(chars):
        r = set(pinyin(c, style=Style.NORMAL, heteronym=True)[0]) - {c}
        readings[c] = r
        for s in r:
            by_syllable[s].add(c)
    # the syllables an input method's fuzzy pinyin (模糊音) does not tell apart: z/zh, c/ch, s/sh, n/l and h/f before
    # u as initials, an/ang, en/eng, in/ing as finals; a slip between them is typed as often as a same-syllable one
    by_fuzzy: dict[str, set[str]] = defaultdict(set)
    for syllable, members in by_syllable.items():
        by_fuzzy[fuzzy_syllable(syllable)] |= members
    rows = []
    for c in sorted(chars):
        same = set().union(*(by_syllable[s] for s in readings[c])) if readings[c] else set()
        near = ({x for x in sound.get(c, ()) if x in chars}
                | set().union(*(by_fuzzy[fuzzy_syllable(s)] for s in readings[c]))) - same
        look = {x for x in shape.get(c, ()) if x in chars}
        same.discard(c)
        near.discard(c)
        look.discard(c)
        if same or near or look:
            rows.append((c, f"{''.join(sorted(same))}\t{''.join(sorted(near))}\t{''.join(sorted(look))}"))
    with open(args.out / "confusion.txt", "w", encoding="utf-8") as f:
        f.write(f"#total\t{len(rows)}\n#keys\t{''.join(c for c, _ in rows)}\n")
        for _c, line in rows:
            f.write(line + "\n")

    # ------------------------------------------------------------------ words of the same sound
    # a whole word typed as another of the same syllables (``会议`` as ``悔意``): the two-character words of some
    # frequency, by their toneless syllables (any reading of each character)
    # (the word's own reading, which pypinyin takes from its phrase table: 会议 huì yì, not kuài yì)
    homophones: dict[str, list[str]] = defaultdict(list)
    for w, freq in sorted(words.items()):
        if len(w) != 2 or freq < HOMOPHONE_MIN or not readings.get(w[0]) or not readings.get(w[1]):
            continue
        homophones[" ".join(lazy_pinyin(w))].append(f"{w} {round(2 * math.log(freq))}")
    with open(args.out / "homophones.txt", "w", encoding="utf-8") as f:
        for key in sorted(homophones):
            f.write(key + "\t" + " ".join(homophones[key]) + "\n")
    # the usual reading of each character (pypinyin's first): what a writer most likely typed for it
    usual = {c: pinyin(c, style=Style.NORMAL)[0][0] for c in sorted(readings) if readings[c]}
    with open(args.out / "syllables.txt", "w", encoding="utf-8") as f:
        f.write(f"#total\t{len(usual)}\n#keys\t{''.join(usual)}\n")
        for c in usual:
            f.write(usual[c] + "\n")

    # ------------------------------------------------------------------ surnames
    surnames = [c for c, n in first_of_names.most_common() if n >= SURNAME_MIN]
    (args.out / "surnames.txt").write_text("".join(sorted(surnames)) + "\n", encoding="utf-8")
    shutil.copyfile(eco / "ECSPELL_LICENSE", args.out / "ECSPELL_LICENSE")
    print(f"extra documents: {extra_kept} counted, {extra_docs - extra_kept} left out as documents of corpus/real")
    print(f"{len(pairs)} pairs ({corpus_total} corpus pairs), {sum(map(len, grouped.values()))} words, "
          f"{len(surnames)} surnames → {args.out}")


if __name__ == "__main__":
    main()
