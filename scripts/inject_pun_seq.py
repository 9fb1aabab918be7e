#!/usr/bin/env python3
"""Recall of the PUN and SEQ rules on injected errors: one error per copy of a correct host document.

    python scripts/inject_pun_seq.py                                  # hosts: tests/fixtures/clean (ours)
    python scripts/inject_pun_seq.py --hosts ../shared/corpus/real    # hosts that are not ours
    python scripts/inject_pun_seq.py --hosts ../shared/corpus/real --show 3 --kind heading

Each kind changes one place of a host the way a writer's mistake does (in a paragraph of running text, or in a
heading for the numbering kinds), in varied forms chosen with a fixed seed; the copy is linted with the default rules
and the injection counts as found when a finding of the kind's family overlaps the changed span (scripts/inject_hosts.py
describes the sampling and counting). This is a development script: recall is measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent))
from inject_hosts import HAN, Host, Kind, Site, add_arguments, insert_clause, load_hosts, measure, report, sites  # noqa: E402

CN = "一二三四五六七八九十"
H = f"[{HAN}]"


# ------------------------------------------------------------------------------------------------------- PUN
def halfwidth_mark(h: Host, rng: random.Random) -> Iterator[Site]:
    full_half = {"，": ",", "；": ";", "：": ":", "！": "!", "？": "?"}
    yield from sites(rf"(?<={H})[，；：！？](?={H})", h, lambda m: full_half[m.group()])
    yield from sites(rf"(?<={H})（([{HAN}、]{{2,12}})）", h, lambda m: rng.choice(
        [f"({m.group(1)})", f"({m.group(1)}）", f"（{m.group(1)})"]))


def ascii_quotes(h: Host, rng: random.Random) -> Iterator[Site]:
    return sites(r"“([^“”\n]{2,16})”", h, lambda m: rng.choice(
        [f'"{m.group(1)}"', f'"{m.group(1)}”', f'“{m.group(1)}"']))


def time_colon(h: Host, rng: random.Random) -> Iterator[Site]:
    return insert_clause(h, rng, ["，会议定于9：30召开", "，于14：30在县政府三楼会议室召开", "，时间为上午8：00",
                                  "，下午15：00集中出发", "，活动于19：30开始", "，时间为8：30—11：30"])


def ellipsis(h: Host, rng: random.Random) -> Iterator[Site]:
    forms = ["......", "...", "。。。", "…", "．．．", "······", "。。。。。。"]
    yield from sites(rf"(?<={H})等(?={H})", h, lambda m: rng.choice(forms))
    yield from sites(r"……", h, lambda m: rng.choice(forms))


def dash_form(h: Host, rng: random.Random) -> Iterator[Site]:
    yield from sites(r"——", h, lambda m: rng.choice(["――", "--", "－－", "—", "-"]))
    yield from sites(rf"(?<![\d])(20[012]\d)年?(至|到|—|～)(20[012]\d)年", h,
                     lambda m: rng.choice([f"{m.group(1)}-{m.group(3)}年", f"{m.group(1)}－{m.group(3)}年",
                                           f"{m.group(1)}–{m.group(3)}年"]))
    yield from insert_clause(h, rng, ["，2021-2025年", "，计划在2023-2025年完成", "，2019－2021年累计投入"])


def doubled_mark(h: Host, rng: random.Random) -> Iterator[Site]:
    yield from sites(rf"(?<={H})，(?={H})", h, lambda m: rng.choice(["，，", "，。", "。，", "，、", "、，", "；，"]))
    yield from sites(rf"(?<={H})。(?={H})", h, lambda m: rng.choice(["。。", "。，", "．"]))
    yield from sites(rf"(?<={H})、(?={H})", h, lambda m: rng.choice(["、、", "，、"]))


def unpaired(h: Host, rng: random.Random) -> Iterator[Site]:
    for m in re.finditer(r"([“《（])[^“”《》（）\n]{2,20}([”》）])", h.text):
        if not h.in_prose(m.start(), m.end()):
            continue
        g = rng.choice([1, 2])
        yield m.start(g), m.end(g), "", m.span()  # reported at the mark left alone


def nested_title(h: Host, rng: random.Random) -> Iterator[Site]:
    def make(m):
        inner = m.group(1)
        return rng.choice([f"《关于印发<{inner}>的通知》", f"《关于印发《{inner}》的通知》", f"《关于转发＜{inner}＞的通知》"])
    return sites(r"《([^《》\n]{4,30})》", h, make)


def interpunct(h: Host, rng: random.Random) -> Iterator[Site]:
    yield from sites(r"(?<=[\w”])·(?=[\w“])", h, lambda m: rng.choice(["・", "•", "‧"]))
    yield from insert_clause(h, rng, ["，开展“6・26”国际禁毒日宣传", "，围绕“3.15”消费者权益日开展宣传",
                                      "，结合“12.4”国家宪法日", "，开展11.25反家暴宣传周活动", "，利用“5.12”防灾减灾日",
                                      "，做好“12•2”全国交通安全日宣传"])


def needless_interpunct(h: Host, rng: random.Random) -> Iterator[Site]:
    return insert_clause(h, rng, ["，利用“三・八”妇女节", "，庆祝“六·一”儿童节", "，结合“七·一”建党纪念日",
                                  "，开展“五．四”青年节活动", "，围绕“八·一”建军节"])


def missing_final(h: Host, rng: random.Random) -> Iterator[Site]:
    for ps, pe in h.prose:
        if h.text[pe - 1] == "。" and pe - ps >= 60 and "\u4e00" <= h.text[pe - 2] <= "\u9fff":
            yield pe - 1, pe, ""


def comma_in_list(h: Host, rng: random.Random) -> Iterator[Site]:
    return sites(r"(?<=”)、(?=“)", h, lambda m: rng.choice(["，", ","]))


def dunhao_quoted(h: Host, rng: random.Random) -> Iterator[Site]:
    return sites(r"(?<=[”》])(?=[“《])", h, lambda m: "、")


def repeated_qe(h: Host, rng: random.Random) -> Iterator[Site]:
    return sites(r"(?<=[\u4e00-\u9fff])[！？]", h, lambda m: m.group() * rng.choice([2, 3]))


# ------------------------------------------------------------------------------------------------------- SEQ
_HEADING = {1: rf"(?m)^[ \t\u3000]*([{CN}]{{1,3}})、", 2: rf"(?m)^[ \t\u3000]*（([{CN}]{{1,3}})）",
            3: r"(?m)^[ \t\u3000]*(\d{1,2})[.．](?![\d.．])", 4: r"(?m)^[ \t\u3000]*（(\d{1,2})）"}


def _cn(n: int) -> str:
    if n <= 10:
        return "一二三四五六七八九十"[n - 1]
    t, o = divmod(n, 10)
    return ("" if t == 1 else CN[t - 1]) + "十" + (CN[o - 1] if o else "")


def _value(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    for n in range(1, 100):
        if _cn(n) == s:
            return n
    return None


def _headings(h: Host, level: int) -> list[tuple[re.Match, int]]:
    out = []
    for m in re.finditer(_HEADING[level], h.text):
        v = _value(m.group(1))
        if v:
            out.append((m, v))
    return out


def _numeral(level: int, v: int) -> str:
    return str(v) if level in (3, 4) else _cn(v)


def repeated_heading(h: Host, rng: random.Random) -> Iterator[Site]:
    # heading k (k >= 2) written with the number of heading k-1 (二、 twice), every level
    for level in (1, 2, 3, 4):
        for m, v in _headings(h, level):
            if v >= 2:
                yield m.start(1), m.end(1), _numeral(level, v - 1)


def repeated_heading_next(h: Host, rng: random.Random) -> Iterator[Site]:
    # heading k written with the number of heading k+1, which follows (一、三、三、)
    for level in (1, 2, 3, 4):
        hs = _headings(h, level)
        for (m, v), (m2, v2) in zip(hs, hs[1:]):
            if v2 == v + 1:  # either of the two equal numbers may be reported
                yield m.start(1), m.end(1), _numeral(level, v + 1), (m.start(), m2.end())


def skipped_heading(h: Host, rng: random.Random) -> Iterator[Site]:
    for level in (1, 2, 3, 4):
        for m, v in _headings(h, level):
            if v >= 2:
                yield m.start(1), m.end(1), _numeral(level, v + rng.choice([1, 2]))


def arabic_dunhao(h: Host, rng: random.Random) -> Iterator[Site]:
    for m, _ in _headings(h, 3):
        yield m.end(1), m.end(1) + 1, "、"


def bracket_form(h: Host, rng: random.Random) -> Iterator[Site]:
    for level in (2, 4):
        for m, _ in _headings(h, level):
            s, e = m.start(1) - 1, m.end(1) + 1
            yield s, e, rng.choice([f"({m.group(1)})", f"({m.group(1)}）", f"（{m.group(1)}）、", f"（{m.group(1)}）."])


def orphan_enumerator(h: Host, rng: random.Random) -> Iterator[Site]:
    for m in re.finditer(r"(?<![\u4e00-\u9fff])一是[^\n]*?(?<![\u4e00-\u9fff])(二是)", h.text):
        if "二是" not in h.text[m.end():m.end() + 3000]:
            yield m.start(1), m.end(1), rng.choice(["同时", "此外", "另外"]), (m.start(), m.start() + 2)


KINDS: list[Kind] = [
    Kind("halfwidth mark , ; : ! ? ( )", ("PUN",), halfwidth_mark),
    Kind("ASCII quotation marks", ("PUN",), ascii_quotes),
    Kind("fullwidth colon in a time", ("PUN",), time_colon),
    Kind("ellipsis form", ("PUN",), ellipsis),
    Kind("dash / range form", ("PUN",), dash_form),
    Kind("doubled or stray mark", ("PUN",), doubled_mark),
    Kind("unpaired quote/title/bracket", ("PUN",), unpaired),
    Kind("nested title marks", ("PUN",), nested_title),
    Kind("interpunct form (・ • 6.26)", ("PUN",), interpunct),
    Kind("needless interpunct (三·八)", ("PUN",), needless_interpunct),
    Kind("missing final mark", ("PUN",), missing_final),
    Kind("comma between quoted items", ("PUN",), comma_in_list),
    Kind("dunhao between quoted items", ("PUN",), dunhao_quoted),
    Kind("repeated ！ ？", ("PUN",), repeated_qe),
    Kind("repeated heading number (k-1)", ("SEQ",), repeated_heading),
    Kind("repeated heading number (k+1)", ("SEQ",), repeated_heading_next),
    Kind("skipped heading number", ("SEQ",), skipped_heading),
    Kind("arabic ordinal with 、", ("SEQ",), arabic_dunhao),
    Kind("bracketed ordinal form", ("SEQ",), bracket_form),
    Kind("orphan 一是", ("SEQ",), orphan_enumerator),
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(ap)
    args = ap.parse_args()
    kinds = [k for k in KINDS if not args.kind or args.kind in k.name]
    hosts = load_hosts(args.hosts)
    results = measure(kinds, hosts, per_doc=args.per_doc, per_kind=args.per_kind, seed=args.seed)
    report(kinds, results, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
