#!/usr/bin/env python3
"""Recall of the PUN and SEQ rules on injected errors: one error per copy of each correct draft.

    python scripts/inject_pun_seq.py            # table: kind, rule, found/injected
    python scripts/inject_pun_seq.py --show 3   # also print up to 3 missed injections per kind

Each kind takes a correct draft of tests/fixtures/clean, changes one place the way a writer's mistake does (a few
places per draft, chosen with a fixed seed), lints the copy with the PUN and SEQ rules and counts the injection as
found when a finding of the expected rule overlaps the changed span. This is a development script: recall is
measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT / "tests" / "fixtures" / "clean"
PER_DOC = 3  # injections per draft and kind
CN = "一二三四五六七八九十"

# A kind: name, expected rule, and a function giving (start, end, replacement) candidates in a text; the replacement
# is applied and the span of the injected text is where a finding is expected.
Site = tuple[int, int, str]


def _sites(pattern: str, text: str, make: Callable[[re.Match], str | None], flags: int = 0) -> Iterator[Site]:
    for m in re.finditer(pattern, text, flags):
        new = make(m)
        if new is not None:
            yield m.start(), m.end(), new


def halfwidth_comma(text: str) -> Iterator[Site]:
    return _sites(r"(?<=[\u4e00-\u9fff])，(?=[\u4e00-\u9fff])", text, lambda m: ",")


def ascii_quotes(text: str) -> Iterator[Site]:
    return _sites(r"“([\u4e00-\u9fff]{2,12})”", text, lambda m: f'"{m.group(1)}"')


def time_colon(text: str) -> Iterator[Site]:
    return _sites(r"(?<=[\u4e00-\u9fff])。", text, lambda m: "，会议定于9：30召开。")


def point_date(text: str) -> Iterator[Site]:
    return _sites(r"(?<=[\u4e00-\u9fff])。", text, lambda m: "，于4.29召开推进会。")


def ellipsis(text: str) -> Iterator[Site]:
    return _sites(r"(?<=[\u4e00-\u9fff])等(?=[\u4e00-\u9fff])", text, lambda m: "......")


def doubled_mark(text: str) -> Iterator[Site]:
    return _sites(r"(?<=[\u4e00-\u9fff])，(?=[\u4e00-\u9fff])", text, lambda m: "，，")


def unpaired_quote(text: str) -> Iterator[Site]:
    return ((m.start(), m.end(), m.group()[:-1]) for m in re.finditer(r"“[\u4e00-\u9fff]{2,12}”", text))


def bar_dash(text: str) -> Iterator[Site]:
    return _sites(r"(?<=[\u4e00-\u9fff])，(?=[\u4e00-\u9fff])", text, lambda m: "――")


def connector_quote_dash(text: str) -> Iterator[Site]:
    # a 破折号 written short inside a quotation: “A—B” with long parts
    return _sites(r"“([\u4e00-\u9fff]{6,12})”", text,
                  lambda m: f"“{m.group(1)[:5]}—{m.group(1)[5:]}”" if len(m.group(1)) >= 10 else None)


def _headings(text: str, level: int) -> list[re.Match]:
    pattern = {1: rf"(?m)^[ \t\u3000]*([{CN}]{{1,2}})、", 2: rf"(?m)^[ \t\u3000]*（([{CN}]{{1,2}})）",
               3: r"(?m)^[ \t\u3000]*(\d{1,2})[.．](?!\d)"}[level]
    return list(re.finditer(pattern, text))


def _cn(n: int) -> str:
    return CN[n - 1] if n <= 10 else "十" + CN[n - 11]


def _value(s: str) -> int:
    return int(s) if s.isdigit() else (CN.index(s) + 1 if len(s) == 1 else 10 + (CN.index(s[1]) + 1))


def repeated_heading(text: str) -> Iterator[Site]:
    # heading k (k >= 2) written with the number of heading k-1: 二、 twice
    for level in (1, 2, 3):
        for m in _headings(text, level):
            v = _value(m.group(1))
            if v >= 2:
                new = str(v - 1) if level == 3 else _cn(v - 1)
                yield m.start(1), m.end(1), new


def skipped_heading(text: str) -> Iterator[Site]:
    for level in (1, 2, 3):
        for m in _headings(text, level):
            v = _value(m.group(1))
            if v >= 2:
                yield m.start(1), m.end(1), str(v + 1) if level == 3 else _cn(v + 1)


def arabic_dunhao(text: str) -> Iterator[Site]:
    return ((m.end(1), m.end(), "、") for m in _headings(text, 3))


def halfwidth_bracket(text: str) -> Iterator[Site]:
    return ((m.start(), m.end(), "(" + m.group(1) + ")") for m in _headings(text, 2)
            if not text[m.start()].isspace())


def missing_final_mark(text: str) -> Iterator[Site]:
    # the 。 that ends a long paragraph followed by a blank line or a heading
    return _sites(r"(?<=[\u4e00-\u9fff])。(?=\n)", text,
                  lambda m: "" if m.start() - max(text.rfind("\n", 0, m.start()), 0) >= 60 else None)


KINDS: list[tuple[str, str, Callable[[str], Iterator[Site]]]] = [
    ("halfwidth comma", "PUN001", halfwidth_comma),
    ("ASCII quotation marks", "PUN014", ascii_quotes),
    ("fullwidth colon in a time", "PUN015", time_colon),
    ("date with a point in prose", "PUN007", point_date),
    ("ellipsis ......", "PUN003", ellipsis),
    ("doubled comma", "PUN009", doubled_mark),
    ("unpaired quotation mark", "PUN005", unpaired_quote),
    ("horizontal bar as dash", "PUN004", bar_dash),
    ("short dash in a quotation", "PUN004", connector_quote_dash),
    ("missing final mark", "PUN012", missing_final_mark),
    ("repeated heading number", "SEQ003", repeated_heading),
    ("skipped heading number", "SEQ003", skipped_heading),
    ("arabic ordinal with 、", "SEQ001", arabic_dunhao),
    ("halfwidth bracketed ordinal", "SEQ002", halfwidth_bracket),
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=0, help="print up to N missed injections per kind")
    args = ap.parse_args()
    from lintkit.engine import Linter, Options

    linter = Linter(Options(no_config=True, select=("PUN", "SEQ")))
    drafts = sorted(CLEAN.glob("*.txt"))
    rng = random.Random(17)
    total_found = total = 0
    for name, rule, sites in KINDS:
        found = injected = 0
        missed = []
        for path in drafts:
            text = path.read_text(encoding="utf-8")
            candidates = list(sites(text))
            for s, e, new in rng.sample(candidates, min(PER_DOC, len(candidates))):
                copy = text[:s] + new + text[e:]
                a, b = s, s + max(len(new), 1)
                diags = linter.lint_bytes(copy.encode("utf-8"), path.name, None, suffix=".txt").diagnostics
                hit = any(d.rule == rule and d.offset <= b and a <= d.end_offset for d in diags)
                injected += 1
                found += hit
                if not hit:
                    missed.append(f"{path.name}: …{copy[max(0, s - 15):s + len(new) + 10]}…".replace("\n", "⏎"))
        total_found += found
        total += injected
        share = f"{100 * found / injected:5.1f} %" if injected else "    —"
        print(f"{name:30s} {rule}  {found:3d}/{injected:<3d} {share}")
        for line in missed[:args.show]:
            print("    missed:", line)
    print(f"{'all':30s}         {total_found:3d}/{total:<3d} {100 * total_found / max(total, 1):5.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
