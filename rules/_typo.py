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

Scoring: a pair never seen marks a suspect. Each character of the pair is tried against its confusion set; a
replacement is kept only when every pair it makes has been seen often, the character-pair model (add-α smoothed
conditional probabilities) prefers the new text by a wide margin, and the new text holds a lexicon word through the
replaced character that the old text does not. Anything less certain is not reported.
"""

from __future__ import annotations

import functools
import math
import os
from typing import Iterator, NamedTuple

_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "typo")


class _Table:
    """One data file: ``#total<TAB>N``, ``#keys<TAB>`` + one character per record, then the records in that
    order. Read as bytes; a record is decoded only when its key is first looked up."""

    def __init__(self, name: str) -> None:
        with open(os.path.join(_DIR, name), "rb") as f:
            lines = f.read().split(b"\n")
        self.total = int(lines[0].split(b"\t")[1])
        self._raw = dict(zip(lines[1].split(b"\t")[1].decode("utf-8"), lines[2:]))
        self._done: dict[str, str] = {}

    def get(self, key: str) -> str | None:
        got = self._done.get(key)
        if got is None:
            raw = self._raw.get(key)
            if raw is None:
                return None
            got = self._done[key] = raw.decode("utf-8")
        return got


class _Data:
    """The tables, each loaded when first needed."""

    def __init__(self) -> None:
        self._bigrams = _Table("bigrams.txt")
        self.total = self._bigrams.total
        self._followers: dict[str, str] = {}
        self._pairs: dict[str, tuple[dict[str, int], int]] = {}
        self._word_table: _Table | None = None
        self._words: dict[str, dict[str, int]] = {}
        self.log_words = 0.0
        self._conf: _Table | None = None
        self._surnames: str | None = None

    # -------------------------------------------------------------- pairs
    def followers(self, a: str) -> str:
        """The characters seen after ``a``."""
        got = self._followers.get(a)
        if got is None:
            rec = self._bigrams.get(a)
            got = self._followers[a] = rec.partition("\t")[0] if rec else ""
        return got

    def pairs(self, a: str) -> tuple[dict[str, int], int]:
        """(counts of the characters after ``a``, their sum)."""
        got = self._pairs.get(a)
        if got is None:
            rec = self._bigrams.get(a)
            if rec:
                followers, _, counts = rec.partition("\t")
                n = [int(x, 36) for x in counts.split(",")]
                got = (dict(zip(followers, n)), sum(n))
            else:
                got = ({}, 0)
            self._pairs[a] = got
        return got

    def count(self, a: str, b: str) -> int:
        return self.pairs(a)[0].get(b, 0)

    def unigram(self, a: str) -> int:
        return self.pairs(a)[1]

    # -------------------------------------------------------------- words
    def word_class(self, w: str) -> int:
        """round(2·ln frequency) of word ``w`` (1–7 characters), -1 when it is not in the lexicon."""
        key = w[0]
        got = self._words.get(key)
        if got is None:
            if self._word_table is None:
                self._word_table = _Table("words.txt")
                self.log_words = math.log(self._word_table.total)
            rec = self._word_table.get(key)
            got = {}
            if rec:
                items = rec.split(" ")
                got = dict(zip(items[::2], map(int, items[1::2])))
            self._words[key] = got
        return got.get(w[1:] or "_", -1)

    # -------------------------------------------------------------- confusion sets
    def confusions(self, c: str) -> tuple[str, ...]:
        """(same syllable, similar sound, similar shape) characters of ``c``."""
        if self._conf is None:
            self._conf = _Table("confusion.txt")
        rec = self._conf.get(c)
        return tuple(rec.split("\t")) if rec else ("", "", "")

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
MARGIN = 9.0
#: the margin (natural log) by which the word model must prefer the correction
WORD_MARGIN = 5.0
#: a pair made by the correction must have been seen at least this often
MIN_PAIR = 3


def _logp(d: _Data, a: str, b: str) -> float:
    """log P(b | a), add-α smoothed with the unigram distribution."""
    counts, n_a = d.pairs(a)
    p_b = (d.unigram(b) + 1) / d.total
    return math.log((counts.get(b, 0) + _ALPHA * p_b) / (n_a + _ALPHA))


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
    d.word_class(text[:2])  # (loads the word list and its total)
    base = d.log_words
    for i in range(n):
        if best[i] == -math.inf:
            continue
        for j in range(i + 1, min(n, i + 7) + 1):
            cls = d.word_class(text[i:j])
            if cls < 0:
                if j > i + 1:
                    continue
                lp = _OOV - base
            else:
                lp = cls / 2 - base
            v = best[i] + lp
            if v > best[j]:
                best[j] = v
    return best[n]


def _covered(d: _Data, run: str, k: int) -> bool:
    """True when a lexicon word of the run (two characters or more) covers position k."""
    n = len(run)
    for length in range(2, 5):
        for s in range(max(0, k - length + 1), min(k, n - length) + 1):
            if d.word_class(run[s:s + length]) >= 0:
                return True
    return False


#: titles and forms of address next to a person's name (“主任高雨”, “李明同志”): grammar of Chinese, not data
_TITLES = ("同志", "先生", "女士", "书记", "主任", "主席", "局长", "县长", "市长", "省长", "部长", "处长", "科长",
           "所长", "院长", "校长", "镇长", "乡长", "村长", "区长", "厅长", "司长", "组长", "队长", "站长", "馆长",
           "经理", "董事长", "委员", "代表", "教授", "医师", "老师", "常委", "副")
#: the last character of the names of places, roads, rivers and villages (“蒋村”, “大罗线”, “小堤河”, “新合镇”)
_PLACE_ENDS = "省市县区乡镇村屯街路巷河江湖山岭沟峪线桥港湾岛庄寨"


def _in_name(d: _Data, run: str, k: int) -> bool:
    """True when position ``k`` may belong to a person's name (a surname, one or two given characters, and a
    title just before or after) or to the name of a place (a place ending within three characters that does not
    start a word there)."""
    surnames = d.surnames
    for s in (k - 1, k - 2, k):
        if s < 0 or run[s] not in surnames:
            continue
        before = run[:s]
        if before.endswith(_TITLES):
            return True
        for end in (s + 2, s + 3):
            if end > k and run.startswith(_TITLES, end):
                return True
    for m in range(k + 1, min(len(run), k + 4)):
        if run[m] in _PLACE_ENDS and d.word_class(run[m:m + 2]) < 0:
            return True
    return False


def find(run: str, before: str = "", after: str = "") -> Iterator[Typo]:
    """The likely typos of one run of Han characters (simplified); ``before`` and ``after`` are the characters
    next to the run in the text (a digit or a letter there: the edge character may be a unit or a code)."""
    d = data()
    followers = d.followers
    n = len(run)
    if n < 2:
        return
    unseen = [i for i in range(n - 1) if run[i + 1] not in followers(run[i])]
    if not unseen:
        return
    bad = set(unseen)
    fixed = -2
    for j in unseen:
        if j == fixed or j + 1 == fixed:
            continue  # the pair of a character already reported
        best: Typo | None = None
        for k in (j, j + 1):
            if (k == 0 and before.isalnum()) or (k == n - 1 and after.isalnum()) or _in_name(d, run, k):
                continue
            wrong = run[k]
            left = run[k - 1] if k > 0 else ""
            right = run[k + 1] if k + 1 < n else ""
            # the replaced character and its neighbours across unseen pairs: the word must span them
            lo = k - 1 if k - 1 in bad else k
            hi = k + 2 if k in bad else k + 1
            old = (_logp(d, left, wrong) if left else 0.0) + (_logp(d, wrong, right) if right else 0.0)
            for kind, cands in enumerate(d.confusions(wrong)):
                for c in cands:
                    if left and d.count(left, c) < MIN_PAIR:
                        continue
                    if right and d.count(c, right) < MIN_PAIR:
                        continue
                    new = (_logp(d, left, c) if left else 0.0) + (_logp(d, c, right) if right else 0.0)
                    score = new - old - _PRIOR[kind]
                    if score < MARGIN or (best is not None and score <= best.score):
                        continue
                    word, _cls = _best_word(d, run, k, c, lo, hi)
                    if not word and hi - lo == 3:  # unseen on both sides: a word across one of them
                        word = max(_best_word(d, run, k, c, lo, k + 1), _best_word(d, run, k, c, k, hi),
                                   key=lambda x: (len(x[0]), x[1]))[0]
                    if not word:
                        continue
                    lo_w, hi_w = max(0, k - 4), min(n, k + 5)
                    gain = (segment_logp(d, run[lo_w:k] + c + run[k + 1:hi_w]) - segment_logp(d, run[lo_w:hi_w])
                            - _PRIOR[kind])
                    if gain < WORD_MARGIN:
                        continue
                    best = Typo(k, wrong, c, run[lo:hi], word, score)
        if best is not None:
            fixed = best.start
            yield best
