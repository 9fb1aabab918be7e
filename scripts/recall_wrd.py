#!/usr/bin/env python3
"""Recall of WRD002 (的/地/得) on errors injected into real text (a development script, not a test).

    pip install -e '.[build-data]'     # jieba, for the parts of speech of the hosts (never needed at run time)
    python scripts/recall_wrd.py [--hosts real|clean|both] [--per-kind N] [--seed S] [--show-missed K] [--real-half odd]
                                 [--save CASES.json | --cases CASES.json]

The hosts are the paragraphs (lines) of ../shared/corpus/real and of tests/fixtures/clean, texts the rules were
not written from. jieba segments and tags each paragraph; where the paragraph itself uses a particle correctly, the
particle is swapped for the wrong one, one error per copy:

- ``di>de``   an adverbial + 地 + a verb (认真地开展) gets 的 (认真的开展: 的 before a verb);
- ``de>di``   an adjective + 的 + a noun (良好的环境) gets 地 (良好地环境: 地 before a noun);
- ``de2>de``  a verb + 得 + a complement (做得很好) gets 的 (做的很好);
- ``variant`` a recommended form of 《第一批异形词整理表》 (成分, 人才) gets a non-recommended one (成份, 人材): WRD003
  reports it (info) unless the match is the end of one word and the start of the next, or part of a longer word.

An injected error counts as found when a finding of the default configuration (any rule, any severity) covers the
particle and the unchanged paragraph had no finding there. The script prints found/injected per kind and host set,
a sample of the missed cases (``--show-missed``), and the WRD002 findings on the unchanged paragraphs.
jieba's tags are not always right (a noun tagged as a verb); the missed cases are to be read, not trusted blindly.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lintkit.engine import Linter, Options  # noqa: E402


def variant_pairs() -> list[tuple[str, str]]:
    """(non-recommended, recommended) of rules/data/wrd003_variants.toml (none before that file existed)."""
    import tomllib

    path = ROOT / "rules" / "data" / "wrd003_variants.toml"
    if not path.exists():
        return []
    return [tuple(line.split()[:2]) for line in tomllib.loads(path.read_text(encoding="utf-8"))["pairs"].split("\n")
            if line]

REAL = ROOT.parent / "shared" / "corpus" / "real"
CLEAN = ROOT / "tests" / "fixtures" / "clean"
KINDS = ("di>de", "de>di", "de2>de", "variant")


def paragraphs(where: str, half: str = "all") -> list[tuple[str, str]]:
    """(source name, paragraph) of the host set; ``half="odd"``: only the odd-numbered documents of corpus/real in
    sorted order (the even ones are counted by scripts/gen_wrd_data.py --stats, --real-half even)."""
    files = sorted(REAL.glob("*.txt")) if where == "real" else sorted(CLEAN.glob("*.*"))
    if where == "real" and half == "odd":
        files = files[1::2]
    out = []
    for path in files:
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if len(line) >= 8:
                out.append((f"{path.name}:{i + 1}", line))
    return out


def places(text: str) -> dict[str, list[tuple[int, str]]]:
    """Per kind, (offset of the particle, wrong particle) where the paragraph uses a particle correctly."""
    import jieba.posseg as pseg

    toks = [(w, f) for w, f in pseg.cut(text)]
    out: dict[str, list[tuple[int, str]]] = {k: [] for k in KINDS}
    pos = 0
    starts = []
    for w, _f in toks:
        starts.append(pos)
        pos += len(w)
    for i in range(1, len(toks) - 1):
        w, f = toks[i]
        (pw, pf), (nw, nf) = toks[i - 1], toks[i + 1]
        if len(pw) < 1 or not all("\u4e00" <= c <= "\u9fff" for c in pw + nw):
            continue
        p = starts[i]
        if w == "地" and f == "uv" and pf in ("a", "ad", "d", "z", "l", "i") and nf.startswith("v"):
            out["di>de"].append((p, "的"))
        elif w == "的" and f == "uj" and pf in ("a", "an", "z") and nf in ("n", "nz", "ng"):
            out["de>di"].append((p, "地"))
        elif w == "得" and f == "ud" and pf.startswith("v") and nf in ("d", "a", "ad", "z", "l", "i"):
            out["de2>de"].append((p, "的"))
    return out


def acceptable(kind: str, text: str, p: int, wrong: str) -> str:
    """Why the injected text is no error of its kind ("" when it is one): the swapped particle reads as correct
    text or as another word. Applied to fresh and saved cases alike (the paragraph is segmented again, simplified):

    - ``di>de``  的 before a verb that ends its clause makes a noun phrase when the verb is a verbal noun or the
      phrase can be the object of a verb or 是 before it (是大幅度的下跌。, 不要冗长的发言。), and so do a verb and
      a verbal noun up to the end of the clause after an adjective (not an adverbial) that a verb governs
      (保证国民经济稳定的协调发展，); 的 before 是 makes the adjective +
      的 the subject of 是 (一般的是按照…);
    - ``de>di``  地 + the whole next word is a noun of the dictionary (成效明显地市: 地市, prefecture-level cities);
    - ``de2>de`` the character before 得 and 得 are one word of the dictionary that jieba missed in traditional
      script (覺得 → 覺的 is a misspelt word, not a complement with the wrong particle)."""
    import jieba.posseg as pseg

    from rules._zh import to_simplified

    simple = to_simplified(text)
    if kind == "de2>de":
        word = simple[p - 1:p + 1]
        return f"{word}: a word" if _dictionary().get(word, 0) >= 1000 else ""
    toks, pos = [], 0
    for w, f in pseg.cut(simple):
        toks.append((pos, w, f))
        pos += len(w)
    for i, (start, w, _f) in enumerate(toks):
        if start != p or i + 1 >= len(toks):
            continue
        nw, nf = toks[i + 1][1], toks[i + 1][2]
        after = toks[i + 2][1] if i + 2 < len(toks) else ""
        head = toks[i - 2] if i >= 2 else (0, "", "")
        if kind == "di>de" and (not after or after[0] in "，。；：！？,.;:!?") and (
                nf == "vn" or head[2].startswith("v") or head[2] == "df" or head[1] == "是"):
            return f"{head[1]}…的{nw}: a noun phrase, object or predicate"
        if kind == "di>de" and nw == "是":
            return f"…的是: the adjective + 的 is the subject of 是 (一般的是按照…)"
        governed = any(t[2].startswith("v") for t in toks[max(0, i - 3):i - 1])  # a verb before the adjective
        if kind == "di>de" and nf.startswith("v") and i + 3 < len(toks) and toks[i + 2][2] == "vn" and (
                toks[i + 3][1][0] in "，。；：！？,.;:!?") and toks[i - 1][2] == "a" and governed:
            return f"…的{nw}{toks[i + 2][1]}: a noun phrase of verbal nouns up to the end of the clause"
        if kind == "de>di" and ("地" + nw) in _dictionary() and _dictionary().get("地" + nw, 0) >= 10:
            return f"地{nw}: a word"
    return ""


def _dictionary() -> dict[str, int]:
    """jieba's dictionary: word -> frequency."""
    if not hasattr(_dictionary, "words"):
        import jieba

        path = Path(jieba.__file__).parent / "dict.txt"
        _dictionary.words = {line.split(" ")[0]: int(line.split(" ")[1])
                             for line in path.read_text(encoding="utf-8").splitlines()}
    return _dictionary.words


def variant_places(text: str, recommended: dict[str, str]) -> list[tuple[int, str]]:
    """(offset, non-recommended form) where the paragraph has a recommended form of the variants table."""
    import re

    if not hasattr(variant_places, "pattern"):
        variant_places.pattern = re.compile("|".join(sorted(map(re.escape, recommended), key=len, reverse=True)))
    return [(m.start(), recommended[m.group()]) for m in variant_places.pattern.finditer(text)]


def make_cases(where: str, per_kind: int, rng: random.Random, half: str = "all") -> list[list]:
    import jieba

    jieba.setLogLevel(60)
    recommended = {}
    for wrong, right in variant_pairs():
        recommended.setdefault(right, wrong)
    recommended_of = {w: r for r, w in recommended.items()}
    pool: dict[str, list[tuple[str, str, int, str]]] = {k: [] for k in KINDS}
    for name, text in paragraphs(where, half):
        for kind, found in places(text).items():
            pool[kind].extend((name, text, p, wrong) for p, wrong in found)
        if not name.startswith("hk_"):  # the variants table is mainland house style
            pool["variant"].extend((name, text, p, f"{wrong}:{recommended_of[wrong]}")
                                   for p, wrong in variant_places(text, recommended))
    cases = []
    for kind in KINDS:
        chosen = rng.sample(pool[kind], min(per_kind, len(pool[kind])))
        for name, text, p, wrong in chosen:
            cases.append([where, kind, name, text, p, wrong])
    return cases


def covers(diags, p: int) -> list:
    return [d for d in diags if d.offset <= p < max(d.end_offset, d.offset + 1)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hosts", choices=("real", "clean", "both"), default="both")
    ap.add_argument("--per-kind", type=int, default=150, help="injected copies per kind and host set")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--real-half", choices=("all", "odd"), default="all",
                    help="odd: hosts from the odd-numbered documents of corpus/real only (held out from the counts "
                         "of data/wrd002_stats.txt when it was built with --real-half even)")
    ap.add_argument("--show-missed", type=int, default=0, help="print this many missed cases per kind")
    ap.add_argument("--save", help="write the injected cases to this JSON file")
    ap.add_argument("--cases", help="lint the cases of this JSON file instead of injecting new ones")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    linter = Linter(Options(no_config=True))

    def lint(text: str):
        return linter.lint_bytes(text.encode("utf-8"), "host.txt", None, suffix=".txt").diagnostics

    if args.cases:
        cases = json.loads(Path(args.cases).read_text(encoding="utf-8"))
    else:
        cases = []
        for where in (("real", "clean") if args.hosts == "both" else (args.hosts,)):
            cases += make_cases(where, args.per_kind, rng, args.real_half)
    if args.save:
        Path(args.save).write_text(json.dumps(cases, ensure_ascii=False, indent=0), encoding="utf-8")
    found, injected, missed = Counter(), Counter(), {}
    by_rule = Counter()
    excluded = []
    for where, kind, name, text, p, wrong in cases:
        if covers(lint(text), p):
            continue  # the host already has a finding there
        why = acceptable(kind, text, p, wrong) if kind != "variant" else ""
        if why:
            excluded.append((kind, name, why))
            continue
        if kind == "variant":
            wrong, right = wrong.split(":")
            new = text[:p] + wrong + text[p + len(right):]
        else:
            new = text[:p] + wrong + text[p + 1:]
        hits = covers(lint(new), p)
        injected[where, kind] += 1
        if hits:
            found[where, kind] += 1
            by_rule.update({d.rule for d in hits})
        else:
            missed.setdefault(kind, []).append((name, new[max(0, p - 12):p + 10]))
    print(f"{'hosts':<7}{'kind':<8}{'found':>7}{'injected':>10}{'recall':>8}")
    for where in ("real", "clean"):
        for kind in KINDS:
            n = injected[where, kind]
            if n:
                print(f"{where:<7}{kind:<8}{found[where, kind]:>7}{n:>10}{found[where, kind] / n:>8.0%}")
    total_f, total_n = sum(found.values()), sum(injected.values())
    if total_n:
        print(f"{'all':<15}{total_f:>7}{total_n:>10}{total_f / total_n:>8.0%}   (rules that found them: "
              f"{dict(by_rule)})")
    if excluded:
        print(f"\nleft out as no error of their kind: {len(excluded)}")
        for kind, name, why in excluded:
            print(f"  {kind:<8}{name}  {why}")
    if args.show_missed:
        for kind, items in missed.items():
            print(f"\nmissed {kind}:")
            for name, ctx in items[:args.show_missed]:
                print(f"  {name}  {ctx}")


if __name__ == "__main__":
    main()
