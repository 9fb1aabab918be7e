"""Shared helpers of the DAT, NUM, TOT and WRD families: a normalised text view and a Chinese-numeral parser.

The view ``norm`` is ``doc.masked`` with traditional characters mapped to simplified ones (only the characters our
word lists, measure words and date words use, see ``data/zh_t2s.toml``) and fullwidth digits and ``％`` mapped
to ASCII. It has the same length as the text, so offsets found in it are offsets into ``doc.text``: one word
list serves simplified and traditional drafts alike (``紅什字會`` is matched as ``红什字会``).

``cn_int`` parses one Chinese numeral token (``十九``, ``三百五十``, ``一千零八``, ``二〇二一``); it is applied
per token, never to whole texts (a whole-text transform rewrites ``近五年来`` and fixed terms such as ``十四五``).

``sentences_at_each`` maps offsets (a trigger's candidates) to ``doc.sentences``; ``data_pattern`` is a pattern
whose source is built from a data file on first use.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
import re
from decimal import Decimal, InvalidOperation
from typing import Callable, Iterable

import regex

from lintkit import Document, view
from lintkit.cache import compile_re
from lintkit.patterns import LazyPattern

from ._common import load_data

CN_DIGIT = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
            "八": 8, "九": 9}
CN_UNIT = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10_000, "亿": 100_000_000}
#: Characters of a Chinese numeral (simplified forms; ``norm`` maps 萬/億/兩 to these).
CN_NUM_CHARS = "零〇○一二两三四五六七八九十百千万亿"


def cn_int(token: str) -> int | None:
    """The value of a Chinese numeral, or None when ``token`` is not one.

    ``二〇二一`` (digit by digit, as in years) → 2021; ``十九`` → 19; ``两千零二十一`` → 2021;
    ``二十万零三百`` → 200300; ``一亿二千万`` → 120000000.
    """
    if not token or any(c not in CN_DIGIT and c not in CN_UNIT and c not in CN_BIG for c in token):
        return None
    if all(c in CN_DIGIT for c in token):
        if len(token) == 1:
            return CN_DIGIT[token]
        if "两" in token:
            return None
        return int("".join(str(CN_DIGIT[c]) for c in token))
    total = section = number = 0
    for c in token:
        if c in CN_DIGIT:
            number = CN_DIGIT[c]
        elif c in CN_UNIT:
            section += (number or 1) * CN_UNIT[c]
            number = 0
        elif c == "亿":
            total = (total + section + number) * CN_BIG[c]
            section = number = 0
        else:
            total += (section + number) * CN_BIG[c]
            section = number = 0
    return total + section + number


def to_decimal(token: str) -> Decimal | None:
    """An arabic (``19.2``) or Chinese (``十九``) numeral as a Decimal; None when it is neither."""
    if token[:1].isdigit():
        try:
            return Decimal(token)
        except InvalidOperation:
            return None
    value = cn_int(token)
    return None if value is None else Decimal(value)


@functools.lru_cache(maxsize=1)
def _t2s() -> tuple[dict[int, str], frozenset[str]]:
    data = load_data("zh_t2s")
    trad, simp = data["traditional"], data["simplified"]
    assert len(trad) == len(simp), "zh_t2s.toml: traditional and simplified differ in length"
    table = {ord(t): s for t, s in zip(trad, simp)}
    for i in range(10):  # fullwidth digits
        table[0xFF10 + i] = str(i)
    table[ord("％")] = "%"
    table[ord("．")] = "."
    return table, frozenset(chr(k) for k in table)


@functools.lru_cache(maxsize=1)
def _mapped_or_astral() -> "re.Pattern[str]":
    """A test for "may ``text`` hold a character that ``_t2s`` maps?": the stdlib ``re`` module matches a class of
    Basic Multilingual Plane characters with a bitmap, several times faster than ``frozenset.isdisjoint`` or
    ``str.translate``. Characters beyond the BMP (a few hundred mapped ones among them) are all
    let through as a range: a class listing them one by one is searched member by member."""
    _table, keys = _t2s()
    bmp = "".join(sorted(k for k in keys if ord(k) < 0x10000))
    return compile_re("[" + re.escape(bmp) + "\U00010000-\U0010ffff]")


@functools.lru_cache(maxsize=1)
def _bmp_table() -> tuple[tuple[int, ...], "re.Pattern[str]"]:
    """``_t2s`` for the Basic Multilingual Plane as a tuple indexed by code point (identity where nothing is
    mapped): ``str.translate`` looks a tuple up faster than a dict. Characters beyond the BMP are not in it (an
    index beyond the tuple leaves the character as it is), so a text that holds one is mapped with the dict; the
    pattern finds those texts."""
    table, _keys = _t2s()
    out = list(range(0x10000))
    for k, v in table.items():
        if k < 0x10000:
            out[k] = ord(v) if len(v) == 1 else v
    return tuple(out), compile_re("[\U00010000-\U0010ffff]")


def to_simplified(text: str) -> str:
    """Map the traditional characters known to ``zh_t2s.toml`` (and fullwidth digits) in ``text``."""
    if _mapped_or_astral().search(text) is None:
        return text
    bmp, astral = _bmp_table()
    if astral.search(text) is not None:
        return text.translate(_t2s()[0])
    return text.translate(bmp)


@view("norm")
def norm_view(doc: Document) -> str:
    """``doc.masked`` with the traditional characters of ``data/zh_t2s.toml`` mapped to simplified ones and
    fullwidth digits, ``％`` and ``．`` mapped to ASCII; same length as the text, so its offsets are the text's.
    One word list then serves simplified and traditional drafts alike (``紅什字會`` reads ``红什字会``), and a
    trigger on ``view="norm"`` finds a literal in either script."""
    return to_simplified(doc.masked)


def restore_script(original: str, normalised: str, replacement: str) -> str:
    """Write ``replacement`` (simplified, from a word list) in the script of ``original``.

    Where the replacement keeps a character of the normalised match at the same position, the original
    character is kept (``紅什字會`` → ``紅十字會``); a changed character is written in traditional form when the
    original text was traditional (``三不愁兩保障`` → ``兩不愁三保障``).
    """
    if original == normalised:
        return replacement
    back = _s2t()
    out = []
    for i, ch in enumerate(replacement):
        if i < len(normalised) and normalised[i] == ch:
            out.append(original[i])
        else:
            out.append(back.get(ch, ch))
    return "".join(out)


@functools.lru_cache(maxsize=1)
def _s2t() -> dict[str, str]:
    data = load_data("zh_t2s")
    out: dict[str, str] = {}
    for t, s in zip(data["traditional"], data["simplified"]):
        out.setdefault(s, t)
    for s, t in data.get("preferred", {}).items():
        out[s] = t
    return out


def literal_alternation(words: Iterable[str]) -> str:
    """One regex alternation of literal words, longest first (so ``人次`` wins over ``人``)."""
    uniq = sorted(set(w for w in words if w), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w) for w in uniq)


# A pattern compiled on first use (module-level patterns cost nothing when the CLI starts).
LazyRegex = LazyPattern




@view("sentence_starts")
def sentence_starts(doc: Document) -> list[int]:
    """The start offsets of ``doc.sentences``, ascending (for bisecting an offset to its sentence)."""
    return [s for s, _ in doc.sentences]


def sentences_at_each(doc: Document, positions: Iterable[int]) -> list[int]:
    """For each offset of ``positions``, the index of the sentence of ``doc`` that contains it, or -1."""
    sentences = doc.sentences
    starts = doc.sentence_starts
    out = []
    for pos in positions:
        i = bisect_right(starts, pos) - 1
        out.append(i if i >= 0 and pos < sentences[i][1] else -1)
    return out


def sentences_of(doc: Document, positions: Iterable[int]) -> list[int]:
    """The indices (ascending, each once) of the sentences that contain one of ``positions``."""
    return sorted(set(sentences_at_each(doc, positions)) - {-1})


class _BuiltPattern(LazyPattern):
    __slots__ = ("_build",)

    def __init__(self, build: Callable[[], str], stdlib: bool) -> None:
        super().__init__("", 0, _stdlib=stdlib)
        object.__setattr__(self, "_build", build)

    def _compile(self):
        object.__setattr__(self, "_args", (self._build(), 0))
        return super()._compile()

    def __repr__(self) -> str:
        return f"data_pattern({getattr(self._build, '__name__', '?')})"


def data_pattern(build: Callable[[], str], *, stdlib: bool = False) -> LazyPattern:
    """A pattern whose source ``build()`` makes from a data file (measure words …), compiled on first use, so
    that a module can declare it in a trigger without loading the data at import."""
    return _BuiltPattern(build, stdlib)


# ------------------------------------------------------------------------------------------------ common words
@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Common words of two to four Han characters (``data/pun_words.txt``, generated from jieba's dictionary by
    scripts/gen_pun_words.py); read on first use."""
    import os

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "pun_words.txt")
    with open(path, encoding="utf-8") as fh:
        lines = [line.rstrip("\n") for line in fh if not line.startswith("#")]
    out: set[str] = set()
    for n, line in zip((2, 3, 4), lines):
        out.update(line[i:i + n] for i in range(0, len(line), n))
    return frozenset(out)


def word_across(left: str, right: str) -> bool:
    """True when the boundary between ``left`` and ``right`` (the text just before and just after a break) lies
    inside a word: a common word of two to four Han characters runs across it (合|作, 小|型, 国内生产总|值), and no
    common word ends at it on the left or starts at it on the right (有创新|创新帮扶: 创新 on both sides, so the
    accidental 新创 across the boundary does not count)."""
    words = common_words()
    across = False
    for a in (1, 2, 3):
        tail = left[-a:]
        if len(tail) < a:
            break
        for b in range(1, 5 - a):
            head = right[:b]
            if len(head) < b:
                break
            if tail + head in words:
                across = True
    if not across:
        return False
    return not any(left[-n:] in words for n in (2, 3, 4) if len(left) >= n) and \
        not any(right[:n] in words for n in (2, 3, 4) if len(right) >= n)
