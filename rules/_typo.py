"""The mechanism of WRD008 (typo): data loading and scoring; the rule itself is in wrd.py.

A wrong character typed with a pinyin input method (or read wrong by OCR) usually leaves a pair of adjacent
characters that never occurs in real text (``堂务`` in ``代表大会堂务委员会``), while a character of the same
sound or a similar shape in its place gives pairs and a word that are common (``常务``, ``常务委员会``).

Data (rules/data/typo/, built by scripts/build_typo_data.py, loaded lazily and only in part):
- ``bigrams.txt``: counts of adjacent Han characters (official documents and jieba's lexicon);
- ``words.txt``: jieba's words of 2–7 characters with a frequency class;
- ``confusion.txt``: per character, the characters of the same syllable (pypinyin), of similar sound and of
  similar shape (ECSpell);
- ``surnames.txt``: first characters of person names.

Finding suspects (work in C, :func:`pair_status`): every pair of adjacent characters of the document is looked
up, as one 32-bit number, in a table of the counted pairs built once (173,528 pairs: ~40 ms, ~10 MB); a regular
expression over the resulting status bytes picks the unseen pairs that are not flanked by two common pairs. Only
those (a few per hundred characters) are examined in Python; candidate replacements are found by ANDing bit masks
(confusable with the character, seen after its left and before its right neighbour).

Scoring: a pair never seen marks a suspect. Each character of the pair is tried against its confusion set; a
replacement is kept only when every pair it makes has been seen often, the character-pair model (add-α smoothed
conditional probabilities) prefers the new text by a wide margin, and the new text holds a lexicon word through the
replaced character that the old text does not. Anything less certain is not reported.
"""

from __future__ import annotations

import functools
import math
import operator
import os
import sys
from array import array
from bisect import bisect_right
from itertools import repeat

import re as std_re

import regex as re
from typing import Iterator, NamedTuple

_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "typo")


class _Table:
    """One data file: ``#total<TAB>N``, ``#keys<TAB>`` + one character per record, then the records in that
    order. Read as bytes; a record is decoded only when its key is first looked up."""

    def __init__(self, name: str, keep: bool = True) -> None:
        self._keep = keep
        with open(os.path.join(_DIR, name), "rb") as f:
            lines = f.read().split(b"\n")
        self.total = int(lines[0].split(b"\t")[1])
        self._raw = dict(zip(lines[1].split(b"\t")[1].decode("utf-8"), lines[2:]))
        self._done: dict[str, str] = {}

    def keys(self):
        return self._raw.keys()

    def raw_records(self):
        """The undecoded records, in the order of :meth:`keys`."""
        return self._raw.values()

    def get(self, key: str) -> str:
        """The record of ``key`` ("" when there is none)."""
        got = self._done.get(key)
        if got is None:
            raw = self._raw.get(key)
            got = raw.decode("utf-8") if raw is not None else ""
            if self._keep:
                self._done[key] = got
        return got


#: a character beyond the Basic Multilingual Plane (the counted pairs are all within it)
_ASTRAL = re.compile(r"[\U00010000-\U0010FFFF]")
#: the high byte of a UTF-16 code unit of a CJK unified ideograph (U+3400–U+9FFF) → 0xFF, any other → 0
_HAN_HIGH = bytes(0xFF if 0x34 <= i <= 0x9F else 0 for i in range(256))
#: the status of a pair of adjacent characters (a byte per pair, see :meth:`_Data.status`)
UNSEEN, SEEN, STRONG_PAIR = 0, 1, 2
#: characters of text whose pairs are looked up at a time (bounds the memory a long document needs)
_PIECE = 1 << 16
#: an unseen pair that is not flanked on both sides by strong pairs: a suspect (see :func:`find_in`)
_SUSPECT = std_re.compile(b"(?<!\x02)\x00|\x00(?!\x02)")
#: the count of each bucket character of bigrams.txt (scripts/build_typo_data.py: chr(0x21 + round(4·log2 n)))
_BUCKET = [2 ** (i / 4) for i in range(128)]
#: first characters whose words stay parsed (the rest are parsed again when needed: memory stays bounded)
_WORD_CACHE = 512
#: a count bucket below MIN_PAIR (3 = bucket 6)
_BELOW_MIN = re.compile("[\x21-\x26]")
#: characters whose sets of neighbours and confusions stay built (as bit masks of some hundred bytes each)
_SET_CACHE = 2048


def _codes(b: bytes) -> array:
    """UTF-16-LE text of even length as pairs of code units, each pair one unsigned 32-bit number
    (``ord(a) | ord(b) << 16``)."""
    codes = array("I", b)
    if sys.byteorder == "big":
        codes.byteswap()
    return codes


def pair_status(text: str) -> bytes:
    """One byte per pair of adjacent characters of ``text`` (``len(text) - 1`` bytes): UNSEEN for two CJK
    unified ideographs never seen next to each other in the data, STRONG_PAIR for two seen at least STRONG times,
    SEEN for any other pair (seen less often, or with a character that is not such an ideograph). Work in C, a
    piece of the text at a time: the text as UTF-16 code units, the pairs at even and at odd offsets read as
    32-bit numbers and looked up in one table; pairs with a unit that is not an ideograph are then set to SEEN
    (big-integer AND and OR over the piece)."""
    if len(text) < 2:
        return b""
    if _ASTRAL.search(text) is not None:
        text = _ASTRAL.sub("\0", text)  # (one character each: offsets stay)
    get = data().status.get
    out = []
    for start in range(0, len(text) - 1, _PIECE):
        piece = text[start:start + _PIECE + 1]
        n = len(piece)
        units = piece.encode("utf-16-le", "surrogatepass")  # (a lone surrogate: one unit)
        status = bytearray(n - 1)
        status[0::2] = bytes(map(get, _codes(units[:4 * (n // 2)]), repeat(UNSEEN)))
        status[1::2] = bytes(map(get, _codes(units[2:2 + 4 * ((n - 1) // 2)]), repeat(UNSEEN)))
        han = units[1::2].translate(_HAN_HIGH)  # 0xFF for a unit that is an ideograph, else 0
        other = (~(int.from_bytes(han[:-1], "little") & int.from_bytes(han[1:], "little"))
                 & int.from_bytes(b"\x01" * (n - 1), "little"))  # 1 where a pair is not two ideographs
        out.append((int.from_bytes(status, "little") | other).to_bytes(n - 1, "little"))
    return b"".join(out)


class _Lazy(dict):
    """A dict whose missing entries are computed by ``make`` (and kept)."""

    def __init__(self, make) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: str):
        got = self[key] = self._make(key)
        return got


class _Data:
    """The tables, each loaded when first needed."""

    def __init__(self) -> None:
        self._bigrams = _Table("bigrams.txt")
        self.total = self._bigrams.total
        #: (characters seen after a character, commonest first; their count buckets; the sum of their counts)
        self.record: dict[str, tuple[str, str, int]] = _Lazy(self._make_record)
        self._word_table: _Table | None = None
        self.log_words = 0.0
        self._conf: _Table | None = None
        self._surnames: str | None = None
        self.words_of = functools.lru_cache(maxsize=_WORD_CACHE)(self._words_of)
        self._preceders: _Table | None = None
        #: the characters seen after / before a character and the characters confusable with it, as bit masks over
        #: :attr:`chars` (an intersection is one AND of two integers), the most recent only
        self.after_bits = functools.lru_cache(maxsize=_SET_CACHE)(lambda a: self.bits(self._after(a)))
        self.before_bits = functools.lru_cache(maxsize=_SET_CACHE)(lambda b: self.bits(self._before(b)))
        self.confusable_bits = functools.lru_cache(maxsize=_SET_CACHE)(
            lambda c: self.bits("".join(self.confusions(c))))

    # -------------------------------------------------------------- pairs
    def _make_record(self, a: str) -> tuple[str, str, int]:
        rec = self._bigrams.get(a)
        if not rec:
            return ("", "", 0)
        followers, buckets, total = rec.split("\t")
        return followers, buckets, int(total)

    @functools.cached_property
    def status(self) -> dict[int, int]:
        """SEEN or STRONG_PAIR for every pair of bigrams.txt, as :func:`_codes` numbers."""
        keys = "".join(self._bigrams.keys())
        rows = [raw.split(b"\t", 2)[:2] for raw in self._bigrams.raw_records()]
        # "a" + "a".join("BCD") = "aBaCaD": the pairs aB, aC, aD at even offsets
        pairs = "".join([a + a.join(f.decode("utf-8")) for a, (f, _b) in zip(keys, rows) if f])
        # a count bucket at or above that of STRONG → STRONG_PAIR
        strong = bytes(STRONG_PAIR if i >= 0x21 + math.ceil(4 * math.log2(STRONG)) else SEEN for i in range(256))
        levels = b"".join(b for _f, b in rows).translate(strong)
        return dict(zip(_codes(pairs.encode("utf-16-le")), levels))

    @functools.cached_property
    def chars(self) -> str:
        """Every character of bigrams.txt, those that start the most pairs first (the bit of a character in a
        mask is its index: the masks of common characters stay short)."""
        keys = list(self._bigrams.keys())
        raws = list(self._bigrams.raw_records())
        totals = [int(raw.rsplit(b"\t", 1)[1]) for raw in raws]
        first = [c for _t, c in sorted(zip(totals, keys), key=lambda x: -x[0])]
        rest = set().union(*(raw.split(b"\t", 1)[0].decode("utf-8") for raw in raws)) - set(keys)
        return "".join(first) + "".join(sorted(rest))

    @functools.cached_property
    def _index(self) -> dict[str, int]:
        return {c: i for i, c in enumerate(self.chars)}

    def bits(self, chars: str) -> int:
        """The bit mask of ``chars`` (characters of the data)."""
        return functools.reduce(operator.or_, map((1).__lshift__, map(self._index.__getitem__, chars)), 0)

    def chars_of(self, mask: int) -> list[str]:
        """The characters of bit mask ``mask``."""
        out = []
        chars = self.chars
        while mask:
            low = mask & -mask
            out.append(chars[low.bit_length() - 1])
            mask ^= low
        return out

    def _after(self, a: str) -> str:
        """The characters seen at least MIN_PAIR times after ``a`` (a prefix: commonest first)."""
        followers, buckets, _n = self.record[a]
        m = _BELOW_MIN.search(buckets)
        return followers[:m.start()] if m else followers

    def _before(self, b: str) -> str:
        """The characters seen at least MIN_PAIR times before ``b``."""
        if self._preceders is None:
            self._preceders = _Table("preceders.txt")
        return self._preceders.get(b)

    def after_set(self, a: str) -> frozenset[str]:
        return frozenset(self._after(a))

    def before_set(self, b: str) -> frozenset[str]:
        return frozenset(self._before(b))

    def count(self, a: str, b: str) -> float:
        """How often ``b`` follows ``a`` (0 when never; rounded to about 19 %)."""
        followers, buckets, _n = self.record[a]
        i = followers.find(b)
        return _BUCKET[ord(buckets[i]) - 0x21] if i >= 0 else 0

    def unigram(self, a: str) -> int:
        return self.record[a][2]

    # -------------------------------------------------------------- words
    def _words_of(self, first: str) -> dict[str, int]:
        if self._word_table is None:
            self._word_table = _Table("words.txt", keep=False)  # (parsed and kept by words_of)
            self.log_words = math.log(self._word_table.total)
        items = self._word_table.get(first).split(" ")
        return dict(zip(items[::2], map(int, items[1::2]))) if len(items) > 1 else {}

    def word_class(self, w: str) -> int:
        """round(2·ln frequency) of word ``w`` (1–7 characters), -1 when it is not in the lexicon."""
        return self.words_of(w[0]).get(w[1:] or "_", -1)

    # -------------------------------------------------------------- confusion sets
    def confusions(self, c: str) -> tuple[str, ...]:
        """(same syllable, similar sound, similar shape) characters of ``c``."""
        if self._conf is None:
            self._conf = _Table("confusion.txt")
        rec = self._conf.get(c)
        return tuple(rec.split("\t")) if rec else ()

    @property
    def surnames(self) -> str:
        if self._surnames is None:
            with open(os.path.join(_DIR, "surnames.txt"), encoding="utf-8") as f:
                self._surnames = f.read().strip()
        return self._surnames


@functools.lru_cache(maxsize=1)
def data() -> _Data:
    return _Data()


class Typo(NamedTuple):
    start: int          # offset of the wrong character in the run
    wrong: str
    right: str
    bad: str            # the unseen text around it (``堂务``)
    word: str           # the lexicon word the correction makes (``常务委员会``)
    score: float


#: log-odds penalty of each kind of confusion (a same-syllable slip of a pinyin input method is the commonest)
_PRIOR = (0.0, 1.5, 1.5)
_ALPHA = 2.0
#: the margin (natural log) by which the pair model must prefer the correction
MARGIN = 7.0
#: the margin (natural log) by which the word model must prefer the correction
WORD_MARGIN = 7.0
#: a pair seen fewer times is weak: an unseen pair next to a weak one is a suspect
STRONG = 10
#: the shortest run of Han characters that is checked
MIN_RUN = 4
#: the shortest word the correction must make
MIN_WORD = 2
#: the shortest word the correction must make next to what may be a name
NAME_WORD = 3
#: a pair made by the correction must have been seen at least this often
MIN_PAIR = 3


def _logp(d: _Data, a: str, b: str) -> float:
    """log P(b | a), add-α smoothed with the unigram distribution."""
    p_b = (d.unigram(b) + 1) / d.total
    return math.log((d.count(a, b) + _ALPHA * p_b) / (d.unigram(a) + _ALPHA))


def _best_word(d: _Data, run: str, k: int, c: str, lo: int, hi: int) -> tuple[str, int]:
    """The longest lexicon word of ``run`` with ``run[k]`` replaced by ``c`` that spans ``run[lo:hi]`` (the
    replaced character and its unseen neighbours) and is not a word of the original run; ("", -1) when none."""
    n = len(run)
    for length in range(7, hi - lo - 1 if hi - lo > 2 else 1, -1):
        best = ("", -1)
        for s in range(max(0, hi - length), min(lo, n - length) + 1):
            new = run[s:k] + c + run[k + 1:s + length]
            cls = d.word_class(new)
            if cls > best[1] and d.word_class(run[s:s + length]) < 0:
                best = (new, cls)
        if best[1] >= 0:
            return best
    return ("", -1)


#: log-probability of a character that is no word of the lexicon (relative to the rarest words)
_OOV = -1.0


def segment_logp(d: _Data, text: str) -> float:
    """The log-probability of the best segmentation of ``text`` into lexicon words (a unigram word model)."""
    n = len(text)
    best = [0.0] + [-math.inf] * n
    words_of = d.words_of
    words_of(text[0])  # (loads the word list and its total)
    oov = _OOV - d.log_words
    half = 0.5
    for i in range(n):
        b = best[i]
        if b == -math.inf:
            continue
        words = words_of(text[i])
        cls = words.get("_", -1)
        v = b + (cls * half - d.log_words if cls >= 0 else oov)
        if v > best[i + 1]:
            best[i + 1] = v
        for j in range(i + 2, min(n, i + 7) + 1):
            cls = words.get(text[i + 1:j], -1)
            if cls >= 0:
                v = b + cls * half - d.log_words
                if v > best[j]:
                    best[j] = v
    return best[n]


#: titles and forms of address next to a person's name (“主任高雨”, “李明同志”): grammar of Chinese, not data
_TITLES = ("同志", "先生", "女士", "书记", "主任", "主席", "局长", "县长", "市长", "省长", "部长", "处长", "科长",
           "所长", "院长", "校长", "镇长", "乡长", "村长", "区长", "厅长", "司长", "组长", "队长", "站长", "馆长",
           "经理", "董事长", "委员", "代表", "教授", "医师", "老师", "常委", "副")
#: the last character of the names of places, roads, rivers and villages (“蒋村”, “大罗线”, “小堤河”, “新合镇”)
_PLACE_ENDS = "省市县区乡镇村屯街路巷河江湖山岭沟峪线桥港湾岛庄寨"


def _in_name(d: _Data, run: str, k: int, after: str = "") -> bool:
    """True when position ``k`` may belong to a person's name (a surname and one or two given characters, with a
    title just before or after, or ending the run before a ``、`` of a list) or to the name of a place (a place
    ending within three characters that does not start a word there)."""
    surnames = d.surnames
    for s in (k - 1, k - 2, k):
        if s < 0 or run[s] not in surnames:
            continue
        before = run[:s]
        if before.endswith(_TITLES) or (after == "、" and len(run) - s in (2, 3)):
            return True
        for end in (s + 2, s + 3):
            if end > k and run.startswith(_TITLES, end):
                return True
    for m in range(k + 1, min(len(run), k + 4)):
        if run[m] in _PLACE_ENDS and d.word_class(run[m:m + 2]) < 0:
            return True
    return False


def find(run: str) -> list[Typo]:
    """The likely typos of one run of Han characters (simplified), offsets into the run."""
    return [t for _p, t in find_in(run, [(0, len(run))])]


def find_in(text: str, runs: list[tuple[int, int]]) -> Iterator[tuple[int, Typo]]:
    """(offset in ``text``, typo) of the likely typos of ``text`` (simplified) within ``runs``, the spans of its
    runs of Han characters in ascending order."""
    status = pair_status(text)
    d = data()
    starts = [s for s, _e in runs]
    rs, re_ = -1, -1
    last = -2  # the last character reported
    # a wrong character is usually cut off from its neighbours (``会堂|务|委``, ``持|旭|推``): an unseen pair
    # between two strong pairs is mostly a boundary between two words, and not a suspect
    for m in _SUSPECT.finditer(status):
        j = m.start()
        if j == last or j + 1 == last:
            continue
        if not rs <= j < re_ - 1:
            i = bisect_right(starts, j) - 1
            rs, re_ = runs[i] if i >= 0 else (-1, -1)
            if not rs <= j < re_ - 1:  # (a masked span)
                continue
        # too little context: a run of fewer than MIN_RUN characters is mostly a name, an abbreviation or a label
        # (``、马艳玉、``, ``县律协``, ``（西妇字【2021】15号）``); after a digit, the first character is a unit
        # and the pair it starts a boundary (``30名患``)
        if re_ - rs < MIN_RUN or (j == rs and rs and text[rs - 1].isdigit()):
            continue
        t = _examine(d, text, rs, re_, j, status)
        if t is not None:
            last = t.start
            yield t.start, t._replace(start=t.start - rs)


#: a pair seen elsewhere within this many characters on either side is the draft's own term
_WINDOW = 5000


def _examine(d: _Data, text: str, rs: int, re_: int, j: int, status: bytes) -> Typo | None:
    """The best correction of either character of the unseen pair ``text[j:j + 2]`` in the run ``[rs, re_)``
    (offsets into ``text``), or None."""
    best: Typo | None = None
    before = text[rs - 1] if rs else ""
    after = text[re_] if re_ < len(text) else ""
    run = None
    for k in (j, j + 1):
        if (k == rs and before.isalnum()) or (k == re_ - 1 and after.isalnum()):
            continue  # next to a digit or a letter: a unit or part of a code
        wrong = text[k]
        if wrong in text[max(rs, k - 2):k] or wrong in text[k + 1:min(re_, k + 3)]:
            continue  # a repeated character (``一剂剂``) or a frame that repeats one (``倾心倾力``, ``知重负重``)
        left = text[k - 1] if k > rs else ""
        right = text[k + 1] if k + 1 < re_ else ""
        if left and k >= 4 and text[k - 2] in "、，" and text[k - 4] == left:
            continue  # parallel items that share their first character (``扶志、扶智``)
        # the replacements that make seen pairs on both sides (bit masks: one AND each)
        mask = d.confusable_bits(wrong)
        if left and mask:
            mask &= d.after_bits(left)
        if right and mask:
            mask &= d.before_bits(right)
        if not mask:
            continue
        conf = d.confusions(wrong)
        cands = d.chars_of(mask)
        if run is None:
            # a pair written again nearby is the draft's own term (a slip is rarely repeated letter for letter)
            if text.count(text[j:j + 2], max(0, j - _WINDOW), j + _WINDOW) > 1:
                return None
            run = text[rs:re_]
        r = k - rs
        name = None  # whether position r may belong to a name (computed once, when needed)
        old = (_logp(d, left, wrong) if left else 0.0) + (_logp(d, wrong, right) if right else 0.0)
        # the replaced character and its neighbours across unseen pairs: the word must span them
        lo = r - 1 if k > rs and status[k - 1] == UNSEEN else r
        hi = r + 2 if k + 1 < re_ and status[k] == UNSEEN else r + 1
        lo_w, hi_w = max(0, r - 4), min(len(run), r + 5)
        base = None  # the word model's score of the original window (computed once, when needed)
        for c in cands:
            if (left and d.count(left, c) < MIN_PAIR) or (right and d.count(c, right) < MIN_PAIR):
                continue
            kind = 0 if c in conf[0] else 1 if c in conf[1] else 2
            new = (_logp(d, left, c) if left else 0.0) + (_logp(d, c, right) if right else 0.0)
            score = new - old - _PRIOR[kind]
            if score < MARGIN or (best is not None and score <= best.score):
                continue
            # the lexicon word the correction makes (the cheaper test first), then the word model's verdict
            word, _cls = _best_word(d, run, r, c, lo, hi)
            if not word and hi - lo == 3:  # unseen on both sides: a word across one of them
                word = max(_best_word(d, run, r, c, lo, r + 1), _best_word(d, run, r, c, r, hi),
                           key=lambda x: (len(x[0]), x[1]))[0]
            if not word or len(word) < MIN_WORD:
                continue
            # a name is left alone unless the correction makes a word of three or more characters that the
            # lexicon knows and that is not itself the name of a place (``海关总宿、`` → ``海关总署``, but not
            # ``丹水镇`` → ``淡水镇``)
            if len(word) < NAME_WORD or word[-1] in _PLACE_ENDS:
                if name is None:
                    name = _in_name(d, run, r, after)
                if name:
                    continue
            if base is None:
                base = segment_logp(d, run[lo_w:hi_w])
            if segment_logp(d, run[lo_w:r] + c + run[r + 1:hi_w]) - base - _PRIOR[kind] < WORD_MARGIN:
                continue
            best = Typo(k, wrong, c, run[lo:hi], word, score)
    return best
