"""The mechanism of WRD008 (typo): data loading and scoring; the rule itself is in wrd.py.

A wrong character typed with a pinyin input method (or read wrong by OCR) usually leaves a pair of adjacent
characters that never occurs in real text (``堂务`` in ``代表大会堂务委员会``), while a character of the same
sound or a similar shape in its place gives pairs and a word that are common (``常务``, ``常务委员会``). A whole
word typed as another of the same sound (``联席悔意办公室``) leaves such pairs at its edges.

Data (rules/data/typo/, built by scripts/build_typo_data.py, loaded lazily and only in part; formats in that
script's docstring):
- ``bigrams.txt`` (and ``preceders.txt``, ``chars.txt``): counts of adjacent Han characters (official documents
  and jieba's lexicon);
- ``words.txt``: jieba's words of 1–7 characters with a frequency class; ``inner_after.txt``/``inner_before.txt``:
  the pairs inside those words;
- ``confusion.txt``: per character, the characters of the same syllable (pypinyin), of similar sound and of
  similar shape (ECSpell); ``shape.txt``: more characters of similar shape (scripts/build_shape_similar.py);
- ``homophones.txt``, ``syllables.txt``: two-character words by their syllables; the usual syllable of a character;
- ``surnames.txt``: first characters of person names.

Finding suspects (:func:`pair_status`): every pair of adjacent characters is looked up, as one 32-bit number, in
a table of the counted pairs (a short text pair by pair in its characters' records); a regular expression over the
status bytes picks the unseen pairs that are not flanked by two common pairs. Only those (a few per hundred
characters) are examined in Python.

Scoring (:func:`_examine`): each character of the pair is tried against its confusion set. A candidate must make
a seen pair with one neighbour (bit masks: one AND each) and a pair of a lexicon word across the unseen pair; the
best-scored by the character-pair model (add-α smoothed conditional probabilities) are tried against the lexicon
(the correction must make a word through the replaced character that the old text does not) and the word model
(the best segmentation into lexicon words must prefer the new text by a wide margin). :func:`_examine_word` does
the same for a two-character word and the words of the same syllables; :func:`_examine_whole` for a run of three
characters. Names, places, frames and the draft's own terms are left alone. Anything less certain is not reported.
"""

from __future__ import annotations

import functools
import math
import operator
import os
import sys
from array import array
from bisect import bisect_right
from collections import Counter
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
#: the status of a pair of adjacent characters (a byte per pair, see :func:`pair_status`)
UNSEEN, SEEN, STRONG_PAIR = 0, 1, 2
#: a run of CJK unified ideographs (the characters whose pairs are counted)
_IDEOGRAPH_RUN = re.compile(r"[\u3400-\u9fff]{2,}")
#: texts shorter than this are looked up pair by pair (until _SHORT_TOTAL characters have been): building the
#: table of all pairs costs more than looking up a few thousand pairs one by one
_SHORT_TEXT = 20_000
_SHORT_TOTAL = 200_000
#: characters of text whose pairs are looked up at a time (bounds the memory a long document needs)
_PIECE = 1 << 16
#: an unseen pair that is not flanked on both sides by strong pairs: a suspect (see :func:`find_in`)
_SUSPECT = std_re.compile(b"(?<!\x02)\x00|\x00(?!\x02)")
#: an unseen pair
_UNSEEN = std_re.compile(b"\x00")
#: the count of each bucket character of bigrams.txt (scripts/build_typo_data.py: chr(0x21 + round(4·log2 n)))
_BUCKET = [2 ** (i / 4) for i in range(128)]
#: first characters whose words stay parsed (the rest are parsed again when needed: memory stays bounded)
_WORD_CACHE = 2048
#: a count bucket below MIN_PAIR (3 = bucket 6)
_BELOW_MIN = re.compile("[\x21-\x26]")
#: characters whose sets of neighbours and confusions stay built (as bit masks of some hundred bytes each)
_SET_CACHE = 8192
#: lookups of homophones.txt answered by a search of its bytes before its lines are indexed (a search costs about
#: 1/500 of indexing)
_HOMOPHONE_SEARCHES = 500
#: pairs whose smoothed log-probability stays computed
_LOGP_CACHE = 1 << 17
#: contexts whose verdicts stay kept in each of the caches of _Data (see _Kept)
_KEPT = 1 << 16


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
    SEEN for any other pair (seen less often, or with a character that is not such an ideograph).

    A short text is looked up pair by pair in the records of its own characters. A long one (or any text once
    the table exists) is looked up in C, a piece at a time: the text as UTF-16 code units, the pairs at even and
    at odd offsets read as 32-bit numbers and looked up in one table of all counted pairs (built once, ~0.1 s);
    pairs with a unit that is not an ideograph are then set to SEEN (big-integer AND and OR over the piece)."""
    if len(text) < 2:
        return b""
    d = data()
    if not d._pairs_built and len(text) < _SHORT_TEXT:
        d.short_texts += len(text)
        if d.short_texts < _SHORT_TOTAL:
            return _pair_status_short(d, text)
    if _ASTRAL.search(text) is not None:
        text = _ASTRAL.sub("\0", text)  # (one character each: offsets stay)
    get = d.pairs.get
    out = []
    for start in range(0, len(text) - 1, _PIECE):
        piece = text[start:start + _PIECE + 1]
        n = len(piece)
        units = piece.encode("utf-16-le", "surrogatepass")  # (a lone surrogate: one unit)
        status = bytearray(n - 1)
        status[0::2] = bytes(map(get, _codes(units[:4 * (n // 2)]), repeat(0)))
        status[1::2] = bytes(map(get, _codes(units[2:2 + 4 * ((n - 1) // 2)]), repeat(0)))
        status = status.translate(_LEVEL)
        han = units[1::2].translate(_HAN_HIGH)  # 0xFF for a unit that is an ideograph, else 0
        other = (~(int.from_bytes(han[:-1], "little") & int.from_bytes(han[1:], "little"))
                 & int.from_bytes(b"\x01" * (n - 1), "little"))  # 1 where a pair is not two ideographs
        out.append((int.from_bytes(status, "little") | other).to_bytes(n - 1, "little"))
    return b"".join(out)


def _pair_status_short(d: _Data, text: str) -> bytes:
    """pair_status of a short text, from the records of its characters."""
    out = bytearray(b"\x01" * (len(text) - 1))
    record = d.record
    level = _LEVEL
    for m in _IDEOGRAPH_RUN.finditer(text):
        run = m.group()
        s = m.start()
        for i in range(len(run) - 1):
            followers, buckets, _n = record[run[i]]
            at = followers.find(run[i + 1])
            out[s + i] = level[ord(buckets[at])] if at >= 0 else UNSEEN
    return bytes(out)


class _Kept(dict):
    """Answers kept for the most recent keys: emptied when it holds _KEPT of them (memory stays bounded; the keys of
    a draft come back soon after it starts)."""

    def keep(self, key, value):
        if len(self) >= _KEPT:
            self.clear()
        self[key] = value
        return value


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
        #: characters looked up pair by pair so far (see pair_status)
        self.short_texts = 0
        self.logp_cache: dict[str, float] = {}
        #: the kept answers of _scored, _word_candidates, _verdict and _whole
        self.scored_cache = _Kept()
        self.word_cache = _Kept()
        self.verdict_cache = _Kept()
        self.whole_cache = _Kept()
        self._conf: _Table | None = None
        self._syllables: _Table | None = None
        self._shape: _Table | None = None
        self._conf_of: dict[str, tuple[str, ...]] = {}
        self._homophones: dict[bytes, bytes] | None = None
        self._homophone_bytes: bytes | None = None
        self._homophone_searches = 0
        self._surnames: str | None = None
        self.words_of = functools.lru_cache(maxsize=_WORD_CACHE)(self._words_of)
        self._preceders: _Table | None = None
        #: the characters seen after / before a character and those confusable with it, as bit masks over
        #: :attr:`chars` (an intersection is one AND of two integers), the most recent only
        self.after_bits = functools.lru_cache(maxsize=_SET_CACHE)(lambda a: self.bits(self._after(a)))
        self.before_bits = functools.lru_cache(maxsize=_SET_CACHE)(lambda b: self.bits(self._before(b)))
        self.confusable_bits = functools.lru_cache(maxsize=_SET_CACHE)(
            lambda c: self.bits("".join(self.confusions(c))))
        self._inner: dict[str, _Table] = {}
        #: the characters that follow / precede a character inside a lexicon word (strings: only a few candidates
        #: are looked up in them)
        self.inner_after = functools.partial(self._inner_chars, "inner_after.txt")
        self.inner_before = functools.partial(self._inner_chars, "inner_before.txt")

    # -------------------------------------------------------------- pairs
    def _make_record(self, a: str) -> tuple[str, str, int]:
        rec = self._bigrams.get(a)
        if not rec:
            return ("", "", 0)
        followers, buckets, total = rec.split("\t")
        return followers, buckets, int(total)

    @functools.cached_property
    def pairs(self) -> dict[int, int]:
        """The count bucket byte (``0x21 + round(4·log2 n)``, never 0) of every pair of bigrams.txt, keyed by its
        :func:`_codes` number."""
        keys = "".join(self._bigrams.keys())
        rows = [raw.split(b"\t", 2)[:2] for raw in self._bigrams.raw_records()]
        # "a" + "a".join("BCD") = "aBaCaD": the pairs aB, aC, aD at even offsets
        pairs = "".join([a + a.join(f.decode("utf-8")) for a, (f, _b) in zip(keys, rows) if f])
        return dict(zip(_codes(pairs.encode("utf-16-le")), b"".join(b for _f, b in rows)))

    @functools.cached_property
    def chars(self) -> str:
        """Every character of bigrams.txt, those that start the most pairs first (the bit of a character in a
        mask is its index: the masks of common characters stay short)."""
        with open(os.path.join(_DIR, "chars.txt"), encoding="utf-8") as f:
            return f.read().strip()

    @functools.cached_property
    def _index(self) -> dict[str, int]:
        return {c: i for i, c in enumerate(self.chars)}

    def bits(self, chars: str) -> int:
        """The bit mask of the characters of ``chars`` that are in the data (others have no bit)."""
        index = self._index
        return functools.reduce(operator.or_, [1 << index[c] for c in chars if c in index], 0)

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

    def after_set(self, a: str) -> frozenset[str]:
        """The characters seen at least MIN_PAIR times after ``a``."""
        return frozenset(self._after(a))

    def before_set(self, b: str) -> frozenset[str]:
        """The characters seen at least MIN_PAIR times before ``b``."""
        return frozenset(self._before(b))

    def _before(self, b: str) -> str:
        """The characters seen at least MIN_PAIR times before ``b``."""
        if self._preceders is None:
            self._preceders = _Table("preceders.txt")
        return self._preceders.get(b)

    def _inner_chars(self, name: str, c: str) -> str:
        table = self._inner.get(name)
        if table is None:
            table = self._inner[name] = _Table(name)
        return table.get(c)

    def count(self, a: str, b: str) -> float:
        """How often ``b`` follows ``a`` (0 when never; rounded to about 19 %)."""
        if self._pairs_built:
            if a > "\uffff" or b > "\uffff":
                return 0
            got = self.pairs.get(ord(a) | ord(b) << 16)
            return _BUCKET[got - 0x21] if got else 0
        followers, buckets, _n = self.record[a]
        i = followers.find(b)
        return _BUCKET[ord(buckets[i]) - 0x21] if i >= 0 else 0

    @property
    def _pairs_built(self) -> bool:
        return "pairs" in self.__dict__

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

    # -------------------------------------------------------------- words of the same sound
    def syllable(self, c: str) -> str:
        """The usual toneless syllable of ``c`` ("" when unknown)."""
        if self._syllables is None:
            self._syllables = _Table("syllables.txt")
        return self._syllables.get(c)

    @functools.lru_cache(maxsize=_SET_CACHE)
    def homophones(self, s0: str, s1: str) -> tuple[str, ...]:
        """The two-character words read ``s0 s1`` (most recent kept). The first lookups search the file's bytes;
        after _HOMOPHONE_SEARCHES of them its lines are indexed (a small draft needs a few hundred at most)."""
        key = f"{s0} {s1}".encode()
        if self._homophones is None:
            if self._homophone_bytes is None:
                with open(os.path.join(_DIR, "homophones.txt"), "rb") as f:
                    self._homophone_bytes = b"\n" + f.read()
            self._homophone_searches += 1
            if self._homophone_searches > _HOMOPHONE_SEARCHES:
                self._homophones = dict(line.split(b"\t", 1) for line in self._homophone_bytes[1:].splitlines())
                self._homophone_bytes = b""
        if self._homophones is not None:
            raw = self._homophones.get(key)
        else:
            data = self._homophone_bytes
            at = data.find(b"\n" + key + b"\t")
            raw = data[at + len(key) + 2:data.find(b"\n", at + 1) % (len(data) + 1)] if at >= 0 else None
        return tuple(raw.decode("utf-8").split(" ")[::2]) if raw else ()

    # -------------------------------------------------------------- confusion sets
    def confusions(self, c: str) -> tuple[str, ...]:
        """(same syllable, similar sound, similar shape) characters of ``c`` (the shape ones from ECSpell and
        from shape.txt, scripts/build_shape_similar.py)."""
        if self._conf is None:
            self._conf = _Table("confusion.txt", keep=False)
        got = self._conf_of.get(c)
        if got is None:
            rec = self._conf.get(c)
            same, near, look = rec.split("\t") if rec else ("", "", "")
            if self._shape is None:
                self._shape = _Table("shape.txt", keep=False)
            look += "".join(x for x in self._shape.get(c) if x not in same and x not in near and x not in look)
            got = self._conf_of[c] = (same, near, look) if same or near or look else ()
        return got

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
WORD_MARGIN = 6.0
#: a pair seen fewer times is weak: an unseen pair next to a weak one is a suspect
STRONG = 10
#: a count bucket byte of bigrams.txt → the status of its pair (0, no count: UNSEEN)
_LEVEL = bytes(UNSEEN if i == 0 else STRONG_PAIR if i >= 0x21 + math.ceil(4 * math.log2(STRONG)) else SEEN
               for i in range(256))
#: the shortest run of Han characters that is checked
MIN_RUN = 4
#: the shortest word the correction must make
MIN_WORD = 2
#: the shortest word the correction must make next to what may be a name
NAME_WORD = 3
#: a pair made by the correction must have been seen at least this often
MIN_PAIR = 3
#: the candidates of a character tried against the lexicon and the word model, best-scored first
TRIED = 5


def _logp(d: _Data, a: str, b: str) -> float:
    """log P(b | a), add-α smoothed with the unigram distribution (kept for the most recent pairs)."""
    pair = a + b
    got = d.logp_cache.get(pair)
    if got is None:
        p_b = (d.unigram(b) + 1) / d.total
        got = math.log((d.count(a, b) + _ALPHA * p_b) / (d.unigram(a) + _ALPHA))
        if len(d.logp_cache) >= _LOGP_CACHE:
            d.logp_cache.clear()
        d.logp_cache[pair] = got
    return got


def _best_word(d: _Data, run: str, k: int, c: str, lo: int, hi: int) -> str:
    """The lexicon word that ``run`` with ``run[k]`` replaced by ``c`` makes through ``k`` and is not a word of the
    original run: the longest that spans ``run[lo:hi]`` (the replaced character and its unseen neighbours), or
    when there is none and both neighbours are unseen, the longest across one of them; the most frequent of
    equally long ones; "" when none."""
    n = len(run)
    a, b = max(0, k - 6), min(n, k + 7)
    new = run[a:k] + c + run[k + 1:b]
    words_of = d.words_of
    # (spans run[lo:hi], length, frequency class) of the best word so far
    best, best_key = "", (False, 0, -1)
    inner_after = d.inner_after
    for s in range(a, min(k, n - 2) + 1):
        i = s - a
        if new[i + 1] not in inner_after(new[i]):
            continue  # no word has these two characters next to each other
        words = words_of(new[i])
        spans_left = s <= lo
        for e in range(min(b, s + 7), max(k + 1, s + 2) - 1, -1):
            spans = spans_left and e >= hi
            if not spans and hi - lo < 3:
                continue  # (one unseen neighbour: the word must take it in)
            cls = words.get(new[i + 1:i + e - s], -1)
            if cls < 0:
                continue
            key = (spans, e - s, cls)
            if key > best_key and d.word_class(run[s:e]) < 0:
                best, best_key = new[i:i + e - s], key
                break
    return best


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
           "经理", "董事长", "委员", "代表", "教授", "医师", "老师", "常委", "副",
           # and the words for a person's household after a name (“曹佳琦家庭”, “卢明秀夫妇”)
           "家庭", "夫妇", "夫妻", "一家", "家属")
#: nouns for people that a name follows in apposition (“居民郝丽艳”, “村民张某”)
_PERSON_NOUNS = ("居民", "村民", "农民", "市民", "牧民", "渔民", "职工", "党员", "群众", "学生", "老人", "妇女",
                 "儿童", "患者", "教师", "医生", "记者", "干部", "战士", "民警", "律师", "志愿者", "工人", "员工")
#: the last character of the names of places, roads, rivers and villages (“蒋村”, “大罗线”, “小堤河”, “新合镇”)
_PLACE_ENDS = "省市县区乡镇村屯街路巷河江湖山岭沟峪线桥港湾岛庄寨"
#: the common nouns that end the proper names of places and bodies (“瑞景街道”, “佳惠百货”, “虹叶居民区”): the
#: characters just before them are a name
_NAME_HEADS = ("街道", "社区", "小区", "居民区", "公司", "集团", "百货", "商场", "超市", "酒店", "宾馆", "饭店",
               "医院", "学校", "中学", "小学", "大学", "学院", "幼儿园", "广场", "花园", "大厦", "合作社", "有限",
               "工作室", "研究院", "研究所", "高铁", "高速", "铁路", "城际", "机场", "电厂", "电站", "水库", "生物",
               "科技", "股份", "控股", "实业", "国际")
#: the one-character short names of the provincial-level divisions (GB/T 2260) that are seldom anything else: an
#: unseen pair with one of them is mostly a coined abbreviation (“陕电入皖”, “在津拓链”, “鲁苏”), not a slip
_PROVINCE_SHORT = "津冀晋辽沪浙皖闽赣鲁豫鄂湘粤桂琼渝蜀黔滇藏陕陇"


def _in_name(d: _Data, run: str, k: int, after: str = "") -> bool:
    """True when position ``k`` may belong to a person's name (a surname and one or two given characters, with a
    title just before or after, or ending the run before a ``、`` of a list) or to the name of a place (a place
    ending within three characters that does not start a word there)."""
    surnames = d.surnames
    for s in (k - 1, k - 2, k):
        if s < 0:
            continue
        # two characters that are no word, just before a title: a name, whatever its surname (“郦波教授”)
        if s + 2 > k and run.startswith(_TITLES, s + 2) and d.word_class(run[s:s + 2]) < 0:
            return True
        # a surname and two given characters that are no word, before a title (“覃小慧同志”)
        if (s + 3 > k and run[s] in surnames and run.startswith(_TITLES, s + 3)
                and d.word_class(run[s:s + 2]) < 0 and d.word_class(run[s:s + 3]) < 0):
            return True
        if run[s] not in surnames:
            continue
        before = run[:s]
        if before.endswith(_TITLES):
            return True
        # a name that ends the run: an item of a list, or after a noun for people (“居民郝丽艳，”)
        if len(run) - s in (2, 3) and (after == "、" or (after in "，。；：" and before.endswith(_PERSON_NOUNS))):
            return True
    for m in range(k + 1, min(len(run), k + 4)):
        if run[m] in _PLACE_ENDS and d.word_class(run[m:m + 2]) < 0:
            return True
        if run.startswith(_NAME_HEADS, m):
            return True
    return False


def find(run: str) -> list[Typo]:
    """The likely typos of one run of Han characters (simplified), offsets into the run."""
    return [t for _p, t in find_in(run, [(0, len(run))])]


def find_in(text: str, runs: list[tuple[int, int]]) -> Iterator[tuple[int, Typo]]:
    """(offset in ``text``, typo) of the likely typos of ``text`` (simplified) within ``runs``, the spans of its
    runs of Han characters in ascending order."""
    status = pair_status(text)
    # a pair written more than once is the draft's own term (a slip is rarely repeated letter for letter)
    written = Counter(text[m.start():m.start() + 2] for m in _UNSEEN.finditer(status))
    found = [(t.start, t) for t in _find_all(text, runs, status, written)]
    # a run of three characters set off by marks (a list item, a short heading) with a pair never seen is too
    # short for the pair statistics, but may be a common word with one character wrong (``柴政部``); not an item
    # of a list whose items share a character in the same place (``不敢腐、不能腐``)
    for i, (rs, re_) in enumerate(runs):
        if re_ - rs != 3 or (rs and text[rs - 1].isdigit()) or UNSEEN not in status[rs:rs + 2]:
            continue
        if written[text[rs:rs + 2]] > 1 or written[text[rs + 1:re_]] > 1:
            continue  # (the draft's own term)
        siblings = [text[s:e] for s, e in runs[max(0, i - 1):i + 2:2] if e - s == 3 and abs(s - rs) <= 5]
        if any(a == b for sib in siblings for a, b in zip(sib, text[rs:re_])):
            continue
        t = _whole(data(), text[rs:re_])
        if t is not None:
            found.append((rs + t.start, t._replace(start=rs + t.start)))
    found.sort(key=lambda x: x[0])
    starts = [s for s, _e in runs]
    for p, t in found:
        rs = runs[bisect_right(starts, p) - 1][0]
        yield p, t._replace(start=p - rs)


def _find_all(text: str, runs: list[tuple[int, int]], status: bytes, written: Counter) -> Iterator[Typo]:
    """The likely typos of the runs of MIN_RUN characters or more, offsets into ``text``; ``written`` counts the
    unseen pairs of the text."""
    d = data()
    starts = [s for s, _e in runs]
    rs, re_ = -1, -1
    done_start, done_end = -2, -2  # the span last reported
    # a wrong character is usually cut off from its neighbours (``会堂|务|委``, ``持|旭|推``): an unseen pair
    # between two strong pairs is mostly a boundary between two words, and not a suspect
    for m in _SUSPECT.finditer(status):
        j = m.start()
        if j < done_end and j + 1 >= done_start:
            continue  # (a pair with a character already reported)
        if not rs <= j < re_ - 1:
            i = bisect_right(starts, j) - 1
            rs, re_ = runs[i] if i >= 0 else (-1, -1)
            if not rs <= j < re_ - 1:  # (a masked span)
                continue
        # too little context: a run of fewer than MIN_RUN characters is mostly a name, an abbreviation or a label
        # (``、马艳玉、``, ``县律协``, ``（西妇字【2021】15号）``); after a digit, the first character is a unit
        # and the pair it starts a boundary (``30名患``)
        if re_ - rs < MIN_RUN or (j == rs and rs and text[rs - 1].isdigit()) or written[text[j:j + 2]] > 1:
            continue
        if text[j] in _PROVINCE_SHORT or text[j + 1] in _PROVINCE_SHORT:
            continue
        t = _examine(d, text, rs, re_, j, status, written)
        # a whole word of the same sound, when it takes in the character the first found (``悔意`` → ``会议``
        # rather than ``悔`` → ``会``)
        w = _examine_word(d, text, rs, re_, j, status)
        if w is not None and (t is None or w.start <= t.start < w.start + 2):
            t = w
        if t is not None:
            done_start, done_end = t.start, t.start + len(t.wrong)
            yield t


#: the frequency class (round(2·ln f) in jieba's dictionary) a three-character run must reach when corrected
#: as a whole: the names of common bodies (``财政部``, ``直辖市``), not rare words
WHOLE_CLASS = 10


def _whole(d: _Data, run: str) -> Typo | None:
    """:func:`_examine_whole` of a run of three characters, offsets into the run (kept per run: list items recur)."""
    got = d.whole_cache.get(run, _MISSING)
    if got is _MISSING:
        got = _examine_whole(d, run)
        d.whole_cache.keep(run, got)
    return got


def _examine_whole(d: _Data, run: str) -> Typo | None:
    """The correction of a run of three characters (set off by punctuation: a list item, a short heading) that
    makes the whole run a common lexicon word (``才政部`` → ``财政部``); too short to judge otherwise."""
    if d.word_class(run) >= 0:
        return None
    best: Typo | None = None
    for r, wrong in enumerate(run):
        conf = d.confusions(wrong)
        if not conf:
            continue
        # the replacement makes pairs of a lexicon word with both neighbours (the cheap test first)
        after = d.inner_after(run[r - 1]) if r else None
        before = d.inner_before(run[r + 1]) if r < 2 else None
        for kind, chars in enumerate(conf):
            for c in chars:
                if (after is not None and c not in after) or (before is not None and c not in before):
                    continue
                new = run[:r] + c + run[r + 1:]
                cls = d.word_class(new)
                if cls < WHOLE_CLASS or (best is not None and cls - _PRIOR[kind] <= best.score):
                    continue
                if segment_logp(d, new) - segment_logp(d, run) - _PRIOR[kind] < WORD_MARGIN:
                    continue
                best = Typo(r, wrong, c, run, new, cls - _PRIOR[kind])
    return best


#: log-odds penalty of a whole word typed as another of the same sound (rarer than one wrong character)
_WORD_PRIOR = 2.0


def _word_candidates(d: _Data, left: str, word: str, right: str) -> tuple:
    """The words of the same syllables as the two-character ``word`` between ``left`` and ``right`` ("" at the
    edge of a run) that the pair model prefers by MARGIN: (score, word), best first (of equal scores, the commoner
    reading first). Kept for the most recent contexts, like :func:`_scored`."""
    key = (left, word, right)
    got = d.word_cache.get(key)
    if got is not None:
        return got
    got = ()
    # an input method offers whole words: what it put in place of a word is a word itself (a pair of
    # characters that is none is a name or a term the lexicon lacks: ``李佳婷``, ``聚储``)
    if word[0] != word[1] and (left or right) and d.word_class(word) >= 0:
        s0, s1 = d.syllable(word[0]), d.syllable(word[1])
        cands = [c for c in d.homophones(s0, s1) if c[0] != word[0] and c[1] != word[1]] if s0 and s1 else ()
        if cands:
            old = ((_logp(d, left, word[0]) if left else 0.0) + _logp(d, word[0], word[1])
                   + (_logp(d, word[1], right) if right else 0.0))
            scored = []
            for i, cand in enumerate(cands):
                # both edges must become pairs that occur (the unseen one is what gave the word away)
                if (left and d.count(left, cand[0]) < MIN_PAIR) or (right and d.count(cand[1], right) < MIN_PAIR):
                    continue
                new = ((_logp(d, left, cand[0]) if left else 0.0) + _logp(d, cand[0], cand[1])
                       + (_logp(d, cand[1], right) if right else 0.0))
                score = new - old - _WORD_PRIOR
                if score >= MARGIN:
                    scored.append((-score, i, cand))
            scored.sort()
            got = tuple((-neg, cand) for neg, _i, cand in scored)
    d.word_cache.keep(key, got)
    return got


def _examine_word(d: _Data, text: str, rs: int, re_: int, j: int, status: bytes) -> Typo | None:
    """The best replacement of a two-character word next to the unseen pair ``text[j:j + 2]`` by a word of the
    same syllables (``联席悔意办公室`` → ``会议``): a pinyin input method offers the homophones of a word, and
    the wrong one leaves pairs that never occur at its edges. Offsets into ``text``; None when none is sure."""
    best: Typo | None = None
    for w0 in (j + 1, j - 1):
        w1 = w0 + 2
        if w0 < rs or w1 > re_:
            continue
        word = text[w0:w1]
        left = text[w0 - 1] if w0 > rs else ""
        right = text[w1] if w1 < re_ else ""
        run = None
        base = None
        for score, cand in _word_candidates(d, left, word, right):
            if best is not None and score <= best.score:
                break
            if run is None:
                run = text[rs:re_]
            r = w0 - rs
            if _in_name(d, run, r) or _in_name(d, run, r + 1):
                continue
            lo_w, hi_w = max(0, r - 4), min(len(run), r + 6)
            if base is None:
                base = segment_logp(d, run[lo_w:hi_w])
            if segment_logp(d, run[lo_w:r] + cand + run[r + 2:hi_w]) - base - _WORD_PRIOR < WORD_MARGIN:
                continue
            best = Typo(w0, word, cand, text[min(w0, j):max(w1, j + 2)], cand, score)
            break
    return best


#: marks that separate the items of a list or the clauses of a parallel sentence
_ITEM_SEPARATORS = "、，；"
#: the longest item of a parallel list looked at
_ITEM_MAX = 24


def _frame_slots(text: str, rs: int, re_: int, p: int) -> str:
    """The characters that follow the previous item's copy of ``text[p]`` ("" when it has none) when ``text[p]``
    (in the run ``[rs, re_)``) stands at the same place in the previous item of a list or parallel sentence,
    counted from the start or from the end of the items (``实现镇镇有监控、村村有哨点``: 有 is the third character
    from the end of both; ``知难克难、知责担责``: 知 opens both). Items built on one frame share its characters and
    fill its slots with their own words, so neither the frame's character nor the character after it is a slip."""
    if rs < 2 or text[rs - 1] not in _ITEM_SEPARATORS or not rs <= p < re_:
        return ""
    prev_end = rs - 1
    prev_start = prev_end
    # (items of a parallel list are short: a longer previous run is looked at from its end only)
    while prev_start > max(0, prev_end - _ITEM_MAX) and "\u3400" <= text[prev_start - 1] <= "\u9fff":
        prev_start -= 1
    slots = ""
    o = p - rs  # from the start
    if prev_end - prev_start > o + 1 and text[prev_start + o] == text[p] and prev_end - prev_start < _ITEM_MAX:
        slots = text[prev_start + o + 1]
    o = re_ - p  # from the end
    if prev_end - prev_start > o and o > 1 and text[prev_end - o] == text[p]:
        slots += text[prev_end - o + 1]
    return slots


def _scored(d: _Data, left: str, wrong: str, right: str, left_unseen: bool, right_unseen: bool) -> tuple:
    """The corrections of ``wrong`` between ``left`` and ``right`` ("" at the edge of a run) that the pair model
    prefers by MARGIN: (score, kind of confusion, character), best first. ``left_unseen``/``right_unseen``: whether
    the pair with that neighbour is unseen. Depends on these five values only, so it is kept for the most recent
    ones (terms, names and their slips recur within a document and across an archive)."""
    key = (left, wrong, right, left_unseen, right_unseen)
    got = d.scored_cache.get(key)
    if got is not None:
        return got
    got = ()
    # the replacements that make a seen pair with at least one neighbour (bit masks: one AND each); the pair on
    # the other side may be a boundary between two words, which the word model judges later
    mask = d.confusable_bits(wrong)
    if mask and left and right:
        mask &= d.after_bits(left) | d.before_bits(right)
    elif mask and left:
        mask &= d.after_bits(left)
    elif mask and right:
        mask &= d.before_bits(right)
    if mask:
        cands = d.chars_of(mask)
        # the word the correction must make spans the unseen pair(s) next to it (see _best_word): a candidate
        # that makes no pair of a lexicon word there cannot make one
        inner_after = d.inner_after(left) if left_unseen else None
        inner_before = d.inner_before(right) if right_unseen else None
        if inner_after is not None and inner_before is not None:
            cands = [c for c in cands if c in inner_after or c in inner_before]
        elif inner_after is not None:
            cands = [c for c in cands if c in inner_after]
        else:
            cands = [c for c in cands if c in inner_before]
        if cands:
            conf = d.confusions(wrong)
            old = (_logp(d, left, wrong) if left else 0.0) + (_logp(d, wrong, right) if right else 0.0)
            scored = []
            for c in cands:
                kind = 0 if c in conf[0] else 1 if c in conf[1] else 2
                new = (_logp(d, left, c) if left else 0.0) + (_logp(d, c, right) if right else 0.0)
                score = new - old - _PRIOR[kind]
                if score >= MARGIN:
                    scored.append((score, kind, c))
            scored.sort(reverse=True)
            got = tuple(scored)
    d.scored_cache.keep(key, got)
    return got


def _examine(d: _Data, text: str, rs: int, re_: int, j: int, status: bytes, written: Counter) -> Typo | None:
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
        left = text[k - 1] if k > rs else ""
        right = text[k + 1] if k + 1 < re_ else ""
        # the corrections the pair model prefers (the costlier guards below only for a character that has one)
        scored = _scored(d, left, wrong, right, k > rs and status[k - 1] == UNSEEN,
                         k + 1 < re_ and status[k] == UNSEEN)
        if not scored or (best is not None and scored[0][0] <= best.score):
            continue
        if wrong in text[max(rs, k - 2):k] or wrong in text[k + 1:min(re_, k + 3)]:
            continue  # a repeated character (``一剂剂``) or a frame that repeats one (``倾心倾力``, ``知重负重``)
        if rs < k < re_ - 1 and text[k - 1] == text[k + 1]:
            continue  # the middle of a frame around a repeated character (``应助尽助``, ``能收尽收``)
        if k - 3 >= rs and text[k - 1] in (text[k - 3], text[k - 4] if k - 4 >= rs else ""):
            continue  # the slot after a character the phrase repeats (``电竞电音``, ``治山治岸``, ``适老化适儿化``)
        # the draft's own term next to it (an unseen pair written more than once, ``参训``): its neighbour is
        # not a slip either
        if (k == j and k > rs and status[k - 1] == UNSEEN and written[text[k - 1:k + 1]] > 1) or (
                k == j + 1 and k + 1 < re_ and status[k] == UNSEEN and written[text[k:k + 2]] > 1):
            continue
        if left and k >= 4 and text[k - 2] in "、，" and text[k - 4] == left:
            continue  # parallel items that share their first character (``扶志、扶智``)
        if _frame_slots(text, rs, re_, k):
            continue  # a frame's character the previous item has too (``村村有哨点``)
        # the slot after a frame's character (``知责担责``), unless the correction is what the previous item has
        # there: then it is the same word, written wrong (``改善教育结构，提高教扭质量``)
        slots = _frame_slots(text, rs, re_, k - 1) if left else ""
        if slots:
            scored = [x for x in scored if x[2] in slots]
            if not scored:
                continue
        # the verdict depends on the characters within 6 before and 7 after (the lexicon word, a name's title, the
        # word model's window) and on where the run ends: kept for the most recent such contexts
        lu = k > rs and status[k - 1] == UNSEEN
        ru = k + 1 < re_ and status[k] == UNSEEN
        a, b = max(rs, k - 6), min(re_, k + 7)
        key = (text[a:b], k - a, lu, ru, slots, after if b == re_ else None)
        got = d.verdict_cache.get(key, _MISSING)
        if got is _MISSING:
            if run is None:
                run = text[rs:re_]
            got = _verdict(d, run, k - rs, scored, lu, ru, after)
            d.verdict_cache.keep(key, got)
        # (the best of this character, unless the other character of the pair had a better one)
        if got is not None and (best is None or got[4] > best.score):
            c, lo, hi, word, score = got
            best = Typo(k, wrong, c, text[k + lo:k + hi], word, score)
    return best


#: a key that is not in a cache
_MISSING = object()


def _verdict(d: _Data, run: str, r: int, scored, left_unseen: bool, right_unseen: bool,
             after: str) -> tuple[str, int, int, str, float] | None:
    """The first of the best-scored corrections of ``run[r]`` that makes a lexicon word the word model prefers:
    (the character, the start and end of the unseen text around it relative to r, the word, the score); None when
    none does."""
    name = None  # whether position r may belong to a name (computed once, when needed)
    # the replaced character and its neighbours across unseen pairs: the word must span them
    lo = r - 1 if left_unseen else r
    hi = r + 2 if right_unseen else r + 1
    lo_w, hi_w = max(0, r - 4), min(len(run), r + 5)
    base = None  # the word model's score of the original window (computed once, when needed)
    # the best-scored candidates first; the first that makes a word the word model prefers is the best of this
    # character, and the rest (rarely right when the likeliest are not) are not tried
    for score, kind, c in scored[:TRIED]:
        # the lexicon word the correction makes (the cheaper test first), then the word model's verdict
        word = _best_word(d, run, r, c, lo, hi)
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
        return c, lo - r, hi - r, word, score
    return None
