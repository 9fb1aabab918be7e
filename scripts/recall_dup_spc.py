#!/usr/bin/env python3
"""Recall of the DUP and SPC families on injected errors: one error per copy of a host document.

    python scripts/recall_dup_spc.py [--hosts DIR] [--per-kind N] [--seed S]

Each copy of a host document (default tests/fixtures/clean, our own drafts; ``--hosts ../shared/corpus/real``
for public documents that are not ours, which is the figure that estimates unseen drafts) gets one error injected
into a line of running text that holds no finding of the family; an error counts as found when a finding of the
kind's family (any severity, default configuration) overlaps the injected text. Prints found/injected per kind and
how many were found only as ``info`` (scripts/_recall_hosts.py).

The injected material is drawn from the host, not from our data: the doubled words are the host's own words as
jieba's dictionary tags them (by part of speech, of any length, outside DUP001's closed list), the doubled place
units are the host's place names ending in any unit (省市县区镇乡村) or a place name of jieba's dictionary with any
unit before an organisation. A development script (jieba: ``pip install -e '.[build-data]'``); no test asserts
these figures.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _recall_hosts import ROOT, load_hosts, measure, report  # noqa: E402

HAN = r"\p{Han}"
UNITS = "省市县区镇乡村"
# organisations that follow a place name (the material of the inserted place-name kind)
ORGS = ["妇联", "团委", "卫生院", "中心小学", "人民医院", "农业农村局", "财政局", "教育局", "文化站", "派出所",
        "综治中心", "便民服务中心", "林业站", "供销社", "融媒体中心", "人民法院", "税务局", "民政局"]
# a word that begins with a numeral or a distributive said twice is grammar (一个一个, 两三次两三次, 各个各个):
# doubling it makes no error to find
DISTRIBUTIVE = "一二三四五六七八九十百千万两几各每多个"
POS_GROUPS = {  # jieba's ICTCLAS tags
    "verb": {"v", "vd", "vn"},
    "noun": {"n", "nr", "nz", "ng"},
    "adj/adv": {"a", "ad", "an", "d", "b", "z"},
    "place/org/pron/loc": {"ns", "nt", "r", "f", "s", "j"},
    "other (p, c, t, m, …)": {"p", "c", "t", "u", "m", "q", "l", "i"},
}


def _inject_at(text: str, i: int, j: int, new: str) -> tuple[str, int, int]:
    """``text`` with ``text[i:j]`` replaced by ``new``; the span of ``new`` in the result."""
    return text[:i] + new + text[j:], i, i + len(new)


def _in_line(pattern, host, line, flags=0):
    s, e = line
    return [m for m in regex.finditer(pattern, host.text[s:e], flags)], s


def _unit_word(text: str, k: int) -> bool:
    """Whether the unit at ``text[k]`` begins a word of jieba's dictionary with what follows (县城, 市名, 镇长)."""
    import jieba
    return any(jieba.dt.FREQ.get(text[k:k + n]) for n in (2, 3))


def kinds(listed_words, modifiers):
    from jieba import posseg

    listed = set(listed_words)
    cut_cache: dict[tuple[str, int], list] = {}

    def tokens(host, line):
        key = (host.name, line[0])
        if key not in cut_cache:
            s, e = line
            out, pos = [], s
            for w in posseg.cut(host.text[s:e]):
                out.append((pos, w.word, w.flag))
                pos += len(w.word)
            cut_cache[key] = out
        return cut_cache[key]

    def doubled_char(host, line, rng):
        ms, s = _in_line(r"(?<=\p{Han})的(?=\p{Han})", host, line)
        i = s + rng.choice(ms).start()
        return _inject_at(host.text, i, i + 1, "的的")

    def listed_word(host, line, rng):
        ms, s = _in_line("|".join(regex.escape(w) for w in listed_words), host, line)
        m = rng.choice(ms)
        return _inject_at(host.text, s + m.start(), s + m.end(), m.group() * 2)

    def lexicon_word(group, lengths=(2,)):
        def make(host, line, rng):
            words = [(p, w) for p, w, f in tokens(host, line)
                     if len(w) in lengths and regex.fullmatch(r"\p{Han}+", w) and w not in listed
                     and f in POS_GROUPS[group] and w[0] not in DISTRIBUTIVE]
            i, w = rng.choice(words)
            return _inject_at(host.text, i, i + len(w), w + w)
        return make

    def long_word(host, line, rng):
        words = [(p, w) for p, w, f in tokens(host, line)
                 if len(w) in (3, 4) and regex.fullmatch(r"\p{Han}+", w) and w not in listed
                 and w[0] not in DISTRIBUTIVE]
        i, w = rng.choice(words)
        return _inject_at(host.text, i, i + len(w), w + w)

    def place_unit(host, line, rng):
        # a place name of the host that ends in a unit and is followed by a Han character: 西峡县妇联
        cands = []
        toks = tokens(host, line)
        for k, (p, w, f) in enumerate(toks):
            end = p + len(w)
            if w[-1] not in UNITS or not regex.match(HAN, host.text[end:end + 1]):
                continue
            if _unit_word(host.text, end - 1):
                continue  # 柳河县县城, 深圳市市名: doubling the unit makes a correct text
            if (len(w) >= 3 and f in ("ns", "nt", "nz")) or \
                    (len(w) == 1 and k and toks[k - 1][2] == "ns" and len(toks[k - 1][1]) >= 2):
                cands.append(end - 1)
        k = rng.choice(cands)
        return _inject_at(host.text, k, k + 1, host.text[k] * 2)

    place_names: list[str] = []

    def inserted_place(host, line, rng):
        # a place name of jieba's dictionary, any unit written twice, an organisation, at a word boundary
        if not place_names:
            import jieba
            d = Path(jieba.__file__).parent / "dict.txt"
            for ln in d.read_text(encoding="utf-8").splitlines():
                w, freq, tag = ln.split()
                if tag == "ns" and len(w) == 2 and int(freq) >= 50 and w[-1] not in UNITS:
                    place_names.append(w)
        bounds = [p for p, w, f in tokens(host, line) if p > line[0] and f in ("v", "p")]
        p = rng.choice(bounds)
        # after a verb or preposition: 推进西峡县县妇联建设, 在马田镇镇卫生院
        p += len(next(w for q, w, f in tokens(host, line) if q == p))
        u = rng.choice(UNITS)
        name = rng.choice(place_names)
        org = rng.choice(ORGS)
        if _unit_word(u + org, 0):
            raise IndexError
        phrase = name + u + u + org
        new = host.text[:p] + phrase + host.text[p:]
        return new, p + len(name), p + len(name) + 2

    def clause(host, line, rng):
        ms, s = _in_line(r"(?<=[，；])[^，；。！？：、\n]{6,30}(?=[，；])", host, line)
        ms = [m for m in ms if len(regex.findall(HAN, m.group())) >= 6]
        m = rng.choice(ms)
        new = m.group() + host.text[s + m.end()] + m.group()
        return _inject_at(host.text, s + m.start(), s + m.end(), new)

    def sentence(host, line, rng):
        ms, s = _in_line(r"(?<=^|[。！？])[^。！？\n]{20,80}。", host, line)
        ms = [m for m in ms if len(regex.findall(HAN, m.group())) >= 20 and "：" not in m.group()]
        m = rng.choice(ms)
        text = host.text
        later = [x for x in re.finditer(r"\n", text) if x.start() > s + m.end() + 30]
        at = rng.choice(later).start() if later else len(text)
        if text[at - 1:at] not in "。！？；":
            raise IndexError
        return _inject_at(text, at, at, m.group())

    def modifier(host, line, rng):
        ms, s = _in_line("(" + "|".join(regex.escape(w) for w in modifiers) + r")(?=\p{Han}{6})", host, line)
        m = rng.choice(ms)
        k = s + m.end() + 4
        if not regex.fullmatch(r"\p{Han}{2}", host.text[k - 1:k + 1]):
            raise IndexError
        return _inject_at(host.text, k, k, m.group())

    def space_in_number(host, line, rng):
        ms, s = _in_line(r"(?<=[\p{Han}，。、])\d{2,4}(?=[\p{Han}])", host, line)
        m = rng.choice(ms)
        k = s + m.start() + rng.randrange(1, len(m.group()))
        return host.text[:k] + " " + host.text[k:], k - 1, k + 2

    def space_by_mark(host, line, rng):
        ms, s = _in_line(r"(?<=\p{Han})[，、；](?=\p{Han})", host, line)
        k = s + rng.choice(ms).start() + rng.choice((0, 1))
        return _inject_at(host.text, k, k, " ")

    def space_between_han(n=1, blank=" "):
        def make(host, line, rng):
            ms, s = _in_line(r"(?<=[，。；][^，。；“”《》]{4,})(?<=\p{Han})(?=\p{Han}{4})", host, line)
            k = s + rng.choice(ms).start()
            return _inject_at(host.text, k, k, blank * n)
        return make

    def space_before_measure(host, line, rng):
        ms, s = _in_line(r"(?<=\p{Han})\d+(?=[个人名家户件项次元万%])", host, line)
        k = s + rng.choice(ms).end()
        return _inject_at(host.text, k, k, " ")

    def nbsp(host, line, rng):
        ms, s = _in_line(r"(?<=\p{Han}{3})(?=\p{Han}{3})", host, line)
        k = s + rng.choice(ms).start()
        return _inject_at(host.text, k, k, "\u00a0")

    def trailing(host, line, rng):
        k = line[1]
        return _inject_at(host.text, k, k, " ")

    return [
        ("DUP", "doubled 的", doubled_char), ("DUP", "doubled listed word", listed_word),
        *(("DUP", f"doubled 2-char {g}", lexicon_word(g)) for g in POS_GROUPS),
        ("DUP", "doubled 3-4 char word", long_word),
        ("DUP", "doubled place unit (host)", place_unit), ("DUP", "doubled place unit (inserted)", inserted_place),
        ("DUP", "repeated clause", clause), ("DUP", "repeated sentence", sentence),
        ("DUP", "repeated modifier", modifier),
        ("SPC", "space inside a number", space_in_number), ("SPC", "space by a mark", space_by_mark),
        ("SPC", "space between Han", space_between_han()), ("SPC", "two spaces between Han", space_between_han(2)),
        ("SPC", "three spaces between Han", space_between_han(3)),
        ("SPC", "ideographic space between Han", space_between_han(1, "\u3000")),
        ("SPC", "space before a measure word", space_before_measure), ("SPC", "no-break space", nbsp),
        ("SPC", "trailing space", trailing),
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--hosts", type=Path, help="directory of host documents (default tests/fixtures/clean)")
    ap.add_argument("--per-kind", type=int, default=40)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--only", help="only the kinds whose name contains this")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from lintkit_rules import dup

    import jieba
    jieba.setLogLevel(60)
    hosts = load_hosts(args.hosts, ("DUP", "SPC"))
    table = kinds(dup._WORDS, dup._D4_WORDS)
    if args.only:
        table = [k for k in table if args.only in k[1]]
    report(measure(table, hosts, args.per_kind, random.Random(args.seed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
