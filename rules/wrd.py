"""WRD — words. 截止/截至, 的/地/得 in curated contexts, known misspellings, official formulations, transposed
characters in frequent frames.

Word lists live in ``data/wrd.toml`` (each entry with its correction and source). Matching runs on the
normalised text (the ``norm`` view: traditional characters mapped to simplified, same offsets), so one list serves
simplified and traditional drafts; a fix keeps the draft's script (``紅什字會`` → ``紅十字會``).

WRD003 and WRD004 also look for the words a user adds (option ``extra``), which a trigger declared with the rule
cannot name; they read the whole normalised text with one alternation of their words.

Users extend the lists in their configuration, e.g.::

    [rules.WRD003]
    extra = [["公务园", "公务员"], ["帐目", "账目", "《现代汉语词典》"]]
    disable = ["宣树"]

``extra`` is a list of ``[wrong, right]`` or ``[wrong, right, source]`` string lists; ``disable`` a list of
built-in wrong forms to ignore. A malformed entry stops the rule with a message naming the option.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Any, Iterator, Sequence

import regex

from lintkit import Document, Finding, Fix, OptionSpec, Trigger, lazy_compile, rule

from ._common import load_data
from ._zh import LazyRegex, literal_alternation, restore_script, to_simplified


def _data() -> dict[str, Any]:
    return load_data("wrd")


def _pairs(value: Any, rule_id: str, option: str = "extra") -> tuple[tuple[str, str, str], ...]:
    """Validate a user list of ``[wrong, right]`` / ``[wrong, right, source]`` entries."""
    out = []
    for i, item in enumerate(value or ()):
        ok = (isinstance(item, (list, tuple)) and len(item) in (2, 3) and all(isinstance(x, str) for x in item)
              and item[0] and item[0] != item[1])
        if not ok:
            where = f"[rules.{rule_id}] {option}" if rule_id else "entry"
            raise ValueError(f"{where}[{i}]: expected [\"错误写法\", \"正确写法\"] or "
                             f"[\"错误写法\", \"正确写法\", \"来源\"] (two different non-empty strings), got {item!r}")
        out.append((item[0], item[1], item[2] if len(item) == 3 else ""))
    return tuple(out)


def _strings(value: Any, rule_id: str, option: str) -> tuple[str, ...]:
    if not all(isinstance(x, str) and x for x in value or ()):
        where = f"[rules.{rule_id}] {option}: " if rule_id else ""
        raise ValueError(f"{where}expected a list of non-empty strings, got {value!r}")
    return tuple(value or ())


def _fix_text(doc: Document, text: str, s: int, e: int, right: str) -> str:
    """``right`` written in the script of ``doc.text[s:e]``."""
    return restore_script(doc.text[s:e], text[s:e], right)


# ------------------------------------------------------------------------------------------------- WRD001
_DATE_AFTER = (r"\s?(?:\d{4}\s?年|\d{1,2}\s?月|\d{1,2}\s?日|[〇○零一二三四五六七八九]{4}\s?年"
               r"|(?:十[一二]?|[一二三四五六七八九])月|\d{4}[-./]\d{1,2})")


_JIEZHI = lazy_compile(r"截止(?=(?P<t>" + _DATE_AFTER + r"|\s?(?:"
                       + literal_alternation(_data()["wrd001"]["time_words"]) + r")))")


@rule("WRD001", "jiezhi-before-time", severity="error", fix="safe",
      on=Trigger("截止", view="norm", pattern=_JIEZHI))
def jiezhi_before_time(doc: Document, found) -> Iterator[Finding]:
    """“截止”后面接时间，应为“截至”。

    为什么：“截止”是不及物动词（到某时停止：“报名截止”“截止日期”），不能带时间宾语；表示“到某时为止”
    要用“截至”（“截至目前”“截至2021年12月29日”）。
    错误示例：截止目前，全县已成立19个乡镇（街道）读书分会；截止2015年底，全县妇联系统共有……
    正确写法：截至目前，全县已成立……；截至2015年底，全县妇联系统共有……
    依据：《现代汉语词典》第7版“截止”“截至”条。
    修复：安全修复，改为“截至”。只在后面紧跟时间（年月日、“目前”“今年”“年底”等）时报告；
    “截止日期”“截止时间”“报名截止”“截止于5月1日”“截止到目前”都是正确的，不报告。
    """
    for m in found:
        s, e = m.span()
        t = doc.text[e:m.end("t")].strip()
        yield Finding(s, e, f"“截止{t}”应为“截至{t}”：“截止”后面不能接时间",
                      Fix.replace(s, e, "截至", "改为“截至”"))


# ------------------------------------------------------------------------------------------------- WRD002
# Verbs after which a following "adj的verb" is a noun phrase ("得到了认真的落实"): 的 is then right.
_NOMINALISERS = LazyRegex(r"得到|获得|受到|进行|加以|予以|有了|实现|作出|做出|给予|给以|引起|经过|通过|需要|值得|"
                          r"具有|拥有|有(?=\p{Han}{0,4}的)|(?<![可所难予加足])以(?=\p{Han}{0,4}的)")
_CLAUSE_START = LazyRegex(r"[，。；：！？、,;:!?\n\r（）()“”]")


_PARTICLES = "的地得"


@functools.lru_cache(maxsize=1)
def _particle_groups() -> list[tuple["regex.Pattern[str]", dict, frozenset[str], frozenset[str]]]:
    """Per group of data/wrd.toml: a pattern that matches the wrong particle (group ``b``: the word before it),
    and the last characters of its ``before`` words and the first characters of its ``after`` words (the group
    can only match a particle between two such characters)."""
    groups = []
    for g in _data()["wrd002"]:
        before_words = [to_simplified(w) for w in g["before"]]
        before = literal_alternation(before_words)
        after_words = [to_simplified(w) for w in g["after"]]
        # (the pattern below relies on these two properties of the data)
        assert len(g["wrong"]) == 1 and g["wrong"] in _PARTICLES, "wrd002: the wrong particle is 的, 地 or 得"
        assert not any(g["wrong"] in w for w in before_words), "wrd002: a before word contains the particle"
        lookbehind = r"(?<!所)" if g["right"] == "得" else ""
        wrong = regex.escape(g["wrong"])
        # the particle first, its word before it in a lookbehind: the same matches as
        # "(?<!所)(?:before)(wrong)(?=after)" tried at the particle: no word of a ``before`` list contains its
        # particle, and the longest word before the particle is the first alternative tried
        pattern = lazy_compile(wrong + r"(?<=" + lookbehind + r"(?P<b>" + before + r")" + wrong + r")(?="
                               + literal_alternation(after_words) + r")")
        groups.append((pattern, g, frozenset(w[-1] for w in before_words if w),
                       frozenset(w[0] for w in after_words if w)))
    return groups


@dataclass(frozen=True)
class _Lexicon:
    """Parts of speech from jieba's dictionary (data/wrd002_pos.toml, made by scripts/gen_wrd_data.py)."""

    adjectives: frozenset[str]
    verbs: frozenset[str]
    nouns: frozenset[str]
    di_words: frozenset[str]
    all: frozenset[str]  # every word of the file, whatever its part of speech
    #: words that are mostly adverbials before a verb: adverbial adjectives (认真), adverbs (逐步), statives
    #: (扎扎实实), idioms (坚定不移, 有步骤), and the modifiers before 地 of the listed collocations (data/wrd.toml)
    adverbials: frozenset[str] = frozenset()
    adverbs: frozenset[str] = frozenset()  # jieba's d
    #: adjectives and adverbial adjectives that can be a complement of degree after 得 (很好, 非常顺利)
    complements: frozenset[str] = frozenset()
    verbal_nouns: frozenset[str] = frozenset()
    #: the modifiers of scripts/gen_wrd_data.py's classes: adjectives, adverbial adjectives, adverbs, statives, idioms
    modifiers: frozenset[str] = frozenset()
    #: one-character verbs and adjectives of a complement of degree, rarer ones included (迈的更大, 走的远)
    complement_verbs: frozenset[str] = frozenset()
    complement_adjectives: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    d = load_data("wrd002_pos")
    keys = ("adjectives", "adverbial", "adverbs", "verbs", "nouns", "verbal_nouns", "statives", "idioms",
            "distinguishers", "other")
    words = {k: frozenset(d[k].split()) for k in keys}
    return _Lexicon(words["adjectives"], words["verbs"], words["nouns"], frozenset(d["di_words"].split()),
                    frozenset().union(*words.values()),
                    adverbials=words["adverbial"] | words["adverbs"] | words["statives"] | words["idioms"]
                    | frozenset(to_simplified(w) for g in _data()["wrd002"] if g["right"] == "地" for w in g["before"]),
                    complements=words["adjectives"] | words["adverbial"] | words["statives"],
                    verbal_nouns=words["verbal_nouns"], adverbs=words["adverbs"],
                    modifiers=words["adjectives"] | words["adverbial"] | words["adverbs"] | words["statives"]
                    | words["idioms"],
                    complement_verbs=frozenset(d.get("complement_verbs", "").split()),
                    complement_adjectives=frozenset(d.get("complement_adjectives", "").split()))


@dataclass(frozen=True)
class _Usage:
    """How often words stand before and after 的, 地 and 得 in correct official text (data/wrd002_stats.txt, made
    by scripts/gen_wrd_data.py --stats from public official documents segmented by jieba)."""

    after: dict[str, tuple[int, int, int]]   # word -> times followed by 的, 地, 得
    before: dict[str, tuple[int, int, int]]  # word -> times preceded by 的, 地, 得
    words: frozenset[str]  # every word of the table (with or without counts): word boundaries
    glued: frozenset[str]  # words that hold 的 or 地 as a morpheme (目的, 的确, 各地, 所在地)
    prior: tuple[float, float, float]
    #: the same counts when the word on the other side of the particle is of a class of data/wrd002_pos.toml:
    #: word -> times followed by 的, 地, 得 and a verb (``after_verb``), a noun (``after_noun``); times preceded by a
    #: modifier (``before_modifier``) or a verb (``before_verb``) and 的, 地, 得
    after_verb: dict[str, tuple[int, int, int]] = None  # type: ignore[assignment]
    after_noun: dict[str, tuple[int, int, int]] = None  # type: ignore[assignment]
    before_modifier: dict[str, tuple[int, int, int]] = None  # type: ignore[assignment]
    before_verb: dict[str, tuple[int, int, int]] = None  # type: ignore[assignment]


@functools.lru_cache(maxsize=1)
def _usage() -> _Usage:
    import os

    from lintkit.cache import load_parsed

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "wrd002_stats.txt")
    return _Usage(*load_parsed(path, _read_usage))


def _read_usage(path: str) -> tuple:
    """The fields of :class:`_Usage` from data/wrd002_stats.txt (parsed once, then cached with the data)."""
    after: dict[str, tuple[int, int, int]] = {}
    before: dict[str, tuple[int, int, int]] = {}
    # the conditioned columns (scripts/gen_wrd_data.py CONDITIONED): after + verb, after + noun, after + modifier,
    # before + modifier, before + verb; the third is not read
    cond: tuple[dict, ...] = ({}, {}, {}, {}, {})
    words, glued, totals = set(), frozenset(), (1, 1, 1)
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if line.startswith("#"):
                if parts[0] == "#total":
                    totals = tuple(int(x) for x in parts[1].split(","))
                elif parts[0] == "#glued":
                    glued = frozenset(parts[1].split())
                continue
            words.add(parts[0])
            if len(parts) > 1 and parts[1]:
                after[parts[0]] = tuple(int(x) for x in parts[1].split(","))
            if len(parts) > 2 and parts[2]:
                before[parts[0]] = tuple(int(x) for x in parts[2].split(","))
            for i, cell in enumerate(parts[3:8]):
                if cell:
                    cond[i][parts[0]] = tuple(int(x) for x in cell.split(","))
    n = sum(totals)
    return (after, before, frozenset(words), glued, tuple(t / n for t in totals), cond[0], cond[1], cond[3],
            cond[4])


def _glued(text: str, p: int, stats: _Usage, lex: "_Lexicon") -> bool:
    """True when the 的 or 地 at ``p`` is inside a word (目的, 的确, 各地, 所在地, 地方) as jieba segments it: a
    word that holds it and starts at it, or starts before it unless an adjective or adverbial of two characters
    or more ends just before it and straddles that word (重大地: 重大, not 大地)."""
    # (every word of ``stats.glued`` that holds the particle holds the two characters at p or at p - 1 of it:
    # most particles have neither pair in any such word, and the loops below are skipped)
    pairs = _glued_pairs()
    if text[p:p + 2] in pairs:
        for n in (4, 3, 2):
            if text[p:p + n] in stats.glued and len(text[p:p + n]) == n:
                return True
    if p == 0 or text[p - 1:p + 1] not in pairs:
        return False
    before = _known_ending(text, p)
    modifier = len(before) > 1 and (before in lex.adjectives or before in lex.adverbials or _reduplicated(before))
    for n in (4, 3, 2):
        for k in range(1, n):
            start = p - k
            if start >= 0 and text[start:start + n] in stats.glued and not (modifier and p - len(before) < start):
                return True
    return False


@functools.lru_cache(maxsize=1)
def _glued_pairs() -> frozenset[str]:
    """Every two characters that stand together in a word of the usage table's ``glued`` list."""
    return frozenset(w[i:i + 2] for w in _usage().glued for i in range(len(w) - 1))


#: the last answer of each word look-up below, (text, position, word set, word): the decisions for one particle ask
#: for the same words several times, and asking again is one identity test
_LAST_WORD: dict[str, tuple] = {}


def _remembered(kind: str, find, text: str, pos: int, words: frozenset[str]) -> str:
    """``find(text, pos, words, shortest=1)`` (the longest word ending or starting at ``pos``), remembered for the
    last place asked of this ``kind``."""
    last = _LAST_WORD.get(kind)
    if last is not None and last[1] == pos and last[0] is text and last[2] is words:
        return last[3]
    word = find(text, pos, words, shortest=1)
    _LAST_WORD[kind] = (text, pos, words, word)
    return word


def _known_ending(text: str, end: int) -> str:
    """``_word_ending(text, end, _known_words(), shortest=1)``: the word before a particle at ``end``."""
    return _remembered("known ending", _word_ending, text, end, _known_words())


def _lexicon_ending(text: str, end: int, lex: "_Lexicon") -> str:
    """``_word_ending(text, end, lex.all, shortest=1)``, remembered for the last place asked."""
    return _remembered("lexicon ending", _word_ending, text, end, lex.all)


def _known_starting(text: str, start: int) -> str:
    """``_word_starting(text, start, _known_words(), shortest=1)``, remembered for the last place asked."""
    return _remembered("known starting", _word_starting, text, start, _known_words())


def _lexicon_starting(text: str, start: int, lex: "_Lexicon", shortest: int = 1) -> str:
    """``_word_starting(text, start, lex.all, shortest)`` for ``shortest`` 1 or 2, remembered for the last place
    asked (the longest word of two characters or more is the longest word, when that has two or more)."""
    word = _remembered("lexicon starting", _word_starting, text, start, lex.all)
    return word if shortest == 1 or len(word) > 1 else ""


@functools.lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """The words of the lexicon and of the usage table: the longest of them at a place is the word there."""
    return _lexicon().all | _usage().words


_SMOOTHING = 1.0


def _by_usage(text: str, p: int, lex: "_Lexicon") -> tuple[list[float], str, str]:
    """Log-scores of 的, 地 and 得 at ``p`` from the words before and after it (the longest word of the lexicon or
    the usage table at each side) and the words themselves ("" when a side has no counts)."""
    stats = _usage()
    a = _known_ending(text, p)
    b = _known_starting(text, p + 1)
    log_prior, after_terms, before_terms = _usage_terms()
    ta = after_terms.get(a)
    if ta is None:
        ta = after_terms[a] = _terms(stats.after.get(a), stats.prior)
    tb = before_terms.get(b)
    if tb is None:
        tb = before_terms[b] = _terms(stats.before.get(b), stats.prior)
    scores = []
    for x in range(3):
        s = log_prior[x]
        for terms in (ta, tb):
            if terms:
                s += terms[x]
        scores.append(s)
    return scores, a if ta else "", b if tb else ""


@functools.lru_cache(maxsize=1)
def _usage_terms() -> tuple[tuple[float, ...], dict[str, tuple[float, ...]], dict[str, tuple[float, ...]]]:
    """For ``_by_usage``: the log of each prior, and the memos of ``_terms`` for the words after and before."""
    return tuple(math.log(prior) for prior in _usage().prior), {}, {}


def _terms(counts: tuple[int, int, int] | None, prior: tuple[float, float, float]) -> tuple[float, ...]:
    """The three terms the counts of a word add to the log-scores of 的, 地 and 得 (() when it has none)."""
    if not counts:
        return ()
    return tuple(math.log((counts[x] + _SMOOTHING * prior[x]) / (sum(counts) + _SMOOTHING)) - math.log(prior[x])
                 for x in range(3))


#: degree adverbs: after a verb and before an adjective they make a complement of degree (做得很好)
_DEGREE = ("越来越", "非常", "十分", "特别", "更加", "更为", "比较", "相当", "极其", "极为", "格外", "过于", "不够", "很",
           "太", "更", "较", "挺")
_DEGREE_FIRST = frozenset(w[0] for w in _DEGREE)
#: what may stand between a verb + 的 and the adjective of a complement: 还, 也, 都 and a negation
#: (办的还不好, 理解的不全面, 散发的很不均匀) before or instead of a degree adverb
#: (最 too: 发展的最快。)
_COMPLEMENT_DEGREE = _DEGREE + ("最",)
_COMPLEMENT_ADVERBS = LazyRegex(r"(?:还|也|都)?(?:很不|不太|不够|不很|不)?(?:" + "|".join(_COMPLEMENT_DEGREE) + r")?")
_COMPLEMENT_FIRST = _DEGREE_FIRST | frozenset("还也都不最")
#: after a complement of degree, an adverb that opens the next predicate ends it (做的不好也会被批评, 做的很好就)
_NEXT_PREDICATE = LazyRegex(r"(?:也|就|才|都|便|还)(?=\p{Han})")
#: 不 + an adjective that is a noun after 的 (存在的不足, 理解的不同): not a complement
_NOT_COMPLEMENTS = frozenset(("不足", "不同", "不便", "不利", "不良", "不当", "不满", "不适", "不安", "不快"))
#: after a listed verb, the end of a noun phrase rather than an object: 的帮助和领导, 在…的推动下
_NOUN_PHRASE_END = frozenset("和与及、的下上中")
#: words ending in 的 that the dictionary lacks (pronouns and particles)
_DE_WORDS = frozenset(("有的", "别的", "似的", "是的", "好的", "真的"))
#: the end of a clause: a mark, 了 and a mark, or the end of the text
_CLAUSE_END = LazyRegex(r"(?:了)?(?:[，。；：！？、,;:!?\n\r）)”]|$)")
#: after a verb + 的 + adjective: the clause ends, perhaps after 一些, 一点, 多了 (工作的更好一些。)
_COMPLEMENT_END = LazyRegex(r"(?:一些|一点|许多|得多|多了)?(?:了|罢了)?(?:[，。；：！？、,;:!?\n\r）)”]|$)")
#: function words after which a modifier + 的/地 begins a noun phrase (一个重大的步骤, 在新的条件下, 其有效的运行,
#: 根据统一的部署): determiners and quantifiers, prepositions, conjunctions, 是 and 有
_NOUN_PHRASE_BEFORE = frozenset((
    "一个", "一种", "一项", "一批", "一些", "一系列", "这个", "那个", "这种", "那种", "这些", "那些", "这样", "那样",
    "各种", "各项", "各类", "许多", "很多", "更多", "不少", "诸多", "每个", "其", "该", "此", "个", "种", "项", "批",
    "在", "为", "对", "对于", "以", "从", "向", "于", "给", "把", "被", "由", "按照", "根据", "依照", "通过", "经过",
    "围绕", "随着", "关于", "按", "依", "据", "凭", "比", "跟", "沿", "和", "与", "同", "及", "以及", "或", "或者", "并", "是", "有", "的", "之",
))
#: auxiliary verbs and negations: a verb phrase follows them (要认真地开展, 没有认真地建立)
_AUXILIARIES = frozenset((
    "要", "能", "会", "应", "可以", "能够", "应该", "应当", "愿意", "敢于", "善于", "得以", "没有", "没",
    "不", "未", "需", "须", "必须", "务必", "将", "要求",
))
#: adverbs of degree and aspect markers skipped when looking back for the word before a modifier
#: (发挥了更加积极的作用: the word before is 发挥)
_SKIPPED_BEFORE = frozenset(_DEGREE) | frozenset(("了", "着", "过", "最", "极", "更加", "日益", "愈加", "尤其", "进一步"))
#: a verb + 的 ... that ends a noun phrase: the verb is its head (积极的推动下, 有力的支持和帮助)
_VERB_PHRASE_NEXT = frozenset("了着过")


#: the lengths a word of ``_word_ending`` and ``_word_starting`` may have, longest first, by ``shortest``
_LENGTHS = {0: (4, 3, 2, 1), 1: (4, 3, 2, 1), 2: (4, 3, 2), 3: (4, 3), 4: (4,)}


def _word_ending(text: str, end: int, words: frozenset[str], shortest: int = 2) -> str:
    """The longest word of ``words`` that ends at ``end`` ("" when none)."""
    for n in _LENGTHS.get(shortest) or ():
        if end >= n:
            w = text[end - n:end]
            if w in words:
                return w
    return ""


def _word_starting(text: str, start: int, words: frozenset[str], shortest: int = 2) -> str:
    """The longest word of ``words`` that starts at ``start`` ("" when none)."""
    for n in _LENGTHS.get(shortest) or ():
        w = text[start:start + n]
        if len(w) == n and w in words:
            return w
    return ""


def _ends_within(text: str, start: int) -> bool:
    """True when a clause ends one to four characters after ``start`` (after one word)."""
    return any(_CLAUSE_END.match(text, start + n) for n in (1, 2, 3, 4))


def _reduplicated(word: str) -> bool:
    """AABB (扎扎实实, 认认真真): a stative that can be an adverbial."""
    return len(word) == 4 and word[0] == word[1] and word[2] == word[3] and word[0] != word[2]


def _modifier_ending(text: str, end: int, lex: _Lexicon) -> tuple[str, bool]:
    """The modifier that ends at ``end`` (the longest word) and whether it is mostly an adverbial (认真, 逐步,
    扎扎实实, 坚定不移) rather than an adjective (有效, 伟大): ("", False) when the word is neither."""
    if end >= 4 and _reduplicated(text[end - 4:end]) and _is_han(text[end - 4:end]):
        return text[end - 4:end], True
    word = _lexicon_ending(text, end, lex)
    if word in lex.adverbials:
        return word, True
    return (word, False) if word in lex.adjectives and len(word) > 1 else ("", False)


def _is_han(s: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in s)


#: a numeral or a demonstrative and a classifier (一条, 这项, 每个)
_CLASSIFIER = LazyRegex(r"[一二三四五六七八九十两几这那每各某该][个种项条批件位名支份套类次场所家座片道层级点]")
#: the start of a predicate after a subject noun phrase (…局面进一步巩固, …货币政策要灵活)
_PREDICATE_START = LazyRegex(r"要|将|已经|已|进一步|有所|越来越|更加|不断|得到|正在|必须|应当|应该")
#: localisers: a prepositional phrase ends with them (群众中, 会议上)
_LOCALISERS = frozenset("中上下里内外间")
#: conjunctions: they join adverbials as well as noun phrases (合理地和有效地利用)
_CONJUNCTIONS = frozenset(("和", "与", "同", "及", "以及", "或", "或者", "并"))
#: a verb phrase opens after these: auxiliary verbs, negations, adverbs of time and scope (要认真地开展, 将不断地完善)
_BEFORE_VERB_PHRASE = _AUXILIARIES | frozenset(("都", "也", "还", "就", "才", "又", "再", "均", "已", "已经", "正在",
                                                  "仍", "仍然", "继续", "则", "一定"))
#: what makes the word after 的 a verb with an object rather than the head of a noun phrase: an aspect marker or a
#: directional complement (not the start of a longer word: 过程), a pronoun, a determiner or a numeral
#: (正确的发挥他们的作用, 有效的促进各种矛盾的解决)
_ASPECT = LazyRegex(r"了|着|过|起来|下去|出来|好")
_OBJECT_START = LazyRegex(r"我们|他们|你们|它们|自己|大家|其|这|那|各|每|一切|所有|全部|有关|大多数|多数|少数|全体|许多|"
                          r"很多|[一二三四五六七八九十两几]|\d")
#: verbs that make the adjective + 的 before them a noun (更重要的在于, 不同的是)
_COPULAS = frozenset(("是", "在于", "就是", "乃是", "便是", "则是", "还是", "也是", "都是"))
#: the first word after 不 when 不 + a degree word is a complement (做的不够, 办的不好), not an adjective of its own
#: (出现的不平衡, 存在的不足)
_NEGATED_DEGREE = frozenset(("不够", "不好", "不太", "不很"))
#: quantities that are complements of degree like adjectives (发展的太多了, 进行的更多、更快)
_QUANTITIES = frozenset(("多", "少"))


def _in_noun_phrase(text: str, start: int, lex: _Lexicon, conjunctions: bool = True) -> bool:
    """True when a modifier starting at ``start`` opens a noun phrase: the word before it (degree adverbs and 了
    skipped) is a verb that takes it as its object (发挥了积极的作用, 创造良好的环境), a determiner, a preposition, 是,
    有 or 的. A clause start, a subject, an adverb or an auxiliary verb before it make it an adverbial."""
    p = start
    for _ in range(4):
        if p == 0 or not _is_han(text[p - 1]):
            return False
        word = _word_ending(text, p, lex.all, shortest=1) or text[p - 1]
        if word in _SKIPPED_BEFORE or (word in lex.adverbials and word not in _BEFORE_VERB_PHRASE):
            p -= len(word)
            continue  # 发挥了更加积极的作用, 确定切实有效的方向
        if word in _NOUN_PHRASE_BEFORE:
            return conjunctions or word not in _CONJUNCTIONS
        if _CLASSIFIER.match(text, p - 2):
            return True  # a numeral or demonstrative + a classifier: 一条新的路子
        if word in _AUXILIARIES or word in _BEFORE_VERB_PHRASE or (
                text[p - 1] in _AUXILIARIES and text[p - 2:p - 1] in _BEFORE_VERB_PHRASE):
            return False  # 继续较多的增加, 才能有效的促进 (才 + 能, not the noun 才能)
        return word in lex.verbs or (len(word) == 1 and text[p - 1] in "是有")
    return False


def _by_part_of_speech(text: str, p: int, particle: str) -> tuple[str, int] | tuple[str, int, str] | None:
    """The right particle and the start of the word before it, when the parts of speech around ``particle`` at
    ``p`` call for another one. Each word is the longest dictionary word at its place.

    - a modifier + 的 + a verb that goes on with an object or 了/着/过, outside a noun phrase, wants 地
      (各村认真的开展了自查; 正确的发挥他们的作用); after a verb that takes the phrase as its object, a determiner or a
      preposition it is a noun phrase, and 的 is right (发挥了积极的推动作用, 在各方努力的推动下, 一个重要的指示);
    - an adjective + 地 + a noun wants 的 when the phrase is a noun phrase (创造良好地环境, 一个重大地步骤) or the
      clause ends after the noun (美好地环境。);
    - a verb + 的 + (还/不/a degree adverb) + an adjective that ends the clause wants 得 (工作做的很好。)."""
    lex = _lexicon()
    known = lex.all
    if particle == "地":
        before = _lexicon_ending(text, p, lex)
        if any(text[p:p + n] in lex.di_words for n in (2, 3, 4)):
            return None  # 地 opens a word: 地方, 地区 (广大地区)
        if any(text[p - k:p - k + n] in lex.di_words for n in (2, 3, 4) for k in range(1, n) if p - k >= 0) and not (
                len(before) > 1 and (before in lex.adjectives or _reduplicated(before))):
            return None  # 地 ends a word: 各地, 基地, 根据地 (not 重大地, 最大地: a two-character adjective first)
        after = _word_starting(text, p + 1, known)
        if after not in lex.nouns:
            return None
        end = p + 1 + len(after)
        if len(before) > 1 and (before in lex.adjectives or _reduplicated(before)) and _CLAUSE_END.match(text, end) \
                and not _usage().before.get(after, (0, 0, 0))[1]:
            return "的", p - len(before)  # 创造美好地环境。, 实实在在地速度。; not 老老实实地办事。 (seen after 地)
        if before not in lex.adjectives:
            return None
        # a noun phrase by what follows it: a localiser or the predicate of a subject (困难地情况下, 稳健地货币政策要),
        # after one or two nouns
        q = end
        if _word_starting(text, q, known) in lex.nouns:
            q += len(_word_starting(text, q, known))
        if len(before) > 1 and (text[q:q + 1] in "下中内" and not _word_starting(text, q, known)
                                or _PREDICATE_START.match(text, q)):
            return "的", p - len(before)
        if (before not in lex.adverbials and end < len(text) and text[end] not in "于於到在给成为向以"
                and not _OBJECT_START.match(text, end)  # a noun of jieba's that is a verb: 忠实地代表大多数人
                and _in_noun_phrase(text, p - len(before), lex, conjunctions=False)):
            return "的", p - len(before)  # an adjective after a verb, a determiner or a preposition: 创造良好地社会环境
        return None
    if particle != "的":
        return None
    if (text[p - 1:p + 1] in known or text[p - 1:p + 1] in _DE_WORDS) and not (
            text[p - 1:p + 1] in ("好的", "真的") and (text[p - 2:p] in known
                                                     or _word_ending(text, p - 1, _DEGREE_BEFORE, shortest=1))) \
            or text[p:p + 2] in known:
        return None  # 的 inside a word: 有的, 别的, 目的, 的确 (not 更好的, 认真的)
    nxt = text[p + 1]
    if nxt in _COMPLEMENT_FIRST or nxt in lex.complement_adjectives or nxt in lex.complements:
        decided = _complement(text, p, lex)
        if decided is not None:
            return decided
    return _adverbial(text, p, lex)


def _complement(text: str, p: int, lex: _Lexicon) -> tuple[str, int] | tuple[str, int, str] | None:
    """得 for the 的 at ``p`` of a verb + 的 + a complement of degree that ends the clause (做的很好。, 办的还不好。,
    建设的更加坚强有力。, 抓的很紧很紧。, 重视的很不够。, 迈的更大一些。). With less evidence, a third item "info":
    a bare one-character adjective (走的远。, 管的好、), the question form (做的好不好), a bare 不 + adjective
    (考虑的不全面。); a verb + 的 + an adjective that goes on with a noun is a noun phrase (做的好事, 取得的大成绩)."""
    known = lex.all
    verb = _lexicon_ending(text, p, lex)
    if len(verb) < 2 and text[p - 1:p] in lex.complement_verbs:
        verb = text[p - 1]  # a one-character verb the classes leave out: 迈, 擦, 管
    start = p - len(verb)
    if verb not in lex.verbs and verb not in lex.verbal_nouns and verb not in lex.complement_verbs or verb in _COPULAS \
            or text[start - 1:start] == "所" or "比" in text[max(0, start - 3):start]:
        return None  # 所做的很好; the object of a comparison: 比预想的好, 比原来设想的更好
    q, degree, joined, ended, weak = p + 1, False, False, False, False
    for i in range(6):  # adverbs + adjective, perhaps again after 和, 而, 又, 、 (更加稳妥和周到, 很紧很紧)
        m = _COMPLEMENT_ADVERBS.match(text, q)
        if i == 0 and m.end() == q:
            return _bare_complement(text, q, start, lex)  # 走的远。; not 出现的问题, 做的好事
        if "不" in m.group():
            neg = m.start() + m.group().index("不")
            if text.startswith("不够", neg) and _CLAUSE_END.match(text, neg + 2):
                return "得", start  # 做的不够。
            word = _word_starting(text, neg, known)
            if m.group() == "不" and word not in _NEGATED_DEGREE:
                if word or i > 0:
                    return ("得", start) if ended else None  # 出现的不平衡, 存在的不协调: a word of its own
                weak = True  # 考虑的不全面。: an adjective after a bare 不 (the verb's object may be the subject)
            after = _word_starting(text, neg + 1, known, shortest=1)
            if word in _NOT_COMPLEMENTS or (word and word not in _NEGATED_DEGREE
                                            and len(word) >= m.end() - neg + max(len(after), 1)):
                return ("得", start) if ended else None  # 存在的不足, 出现的不平衡: one adjective with 不
        adjective = _word_starting(text, m.end(), known, shortest=1) or text[m.end():m.end() + 1]
        degree = any(a in m.group() for a in _COMPLEMENT_DEGREE) or joined and degree
        if i == 0 and degree and "不" not in m.group() and adjective not in lex.nouns and _is_han(adjective):
            # a degree adverb + one or two characters the lexicon does not hold and the counts do not see after 的
            # (no noun: 特首办的特别助理), then the end of the clause: still a complement (制定的比较晚，,
            # 表演的更加拙劣罢了。), at info
            for n in (1, 2):
                tail = text[m.end():m.end() + n]
                if _is_han(tail) and len(tail) == n and tail not in lex.all and not (
                        _usage().before.get(tail, (0, 0, 0))[0] >= 3) and \
                        _COMPLEMENT_END.match(text, m.end() + n) and not (
                        adjective in lex.complements or adjective in lex.complement_adjectives
                        or adjective in lex.verbs or adjective in lex.complement_verbs or adjective in _QUANTITIES):
                    return "得", start, "info"
        if not (adjective in lex.complements or adjective in _QUANTITIES and not weak
                or adjective in lex.complement_adjectives
                # jieba tags some adjectives as verbs: 更加坚强, 和周到, 更亮
                or degree and (adjective in lex.verbs or adjective in lex.complement_verbs)):
            return ("得", start) if ended else None
        joined = False
        q = m.end() + len(adjective)
        nxt = text[q + 1:q + 2]
        if text.startswith("、", q) and (nxt in _COMPLEMENT_FIRST or nxt and nxt in _FIRST_OF_COMPLEMENTS()):
            q, joined, ended = q + 1, True, not weak  # a series: 进行的更多、更快、更好, 生活的更安心、更省心
            continue
        if _COMPLEMENT_END.match(text, q) or text.startswith(("一些", "一点"), q) or (
                not weak and (degree or "不" in m.group()) and _NEXT_PREDICATE.match(text, q)
                and not _word_starting(text, q, known)):
            return ("得", start, "info") if weak else ("得", start)
        if text[q:q + 1] in ("和", "而", "又"):
            q, joined = q + 1, True
        elif text[q:q + 1] not in _COMPLEMENT_FIRST and _word_starting(text, q, known, shortest=1) \
                not in lex.complements:
            return ("得", start) if ended else None  # 生产的较快增长: a noun phrase goes on
    return None


def _noun_at_clause_end(text: str, p: int, particle: str) -> tuple[str, int, float] | None:
    """的 at info for the 地 at ``p`` between a word of two characters or more that is no verb, noun or adverb and
    a noun that ends the clause (常见地事，, 腐败地社会，, 快捷地服务体系。): an adverbial + 地 needs a verb after it.
    The noun is one of the dictionary (a compound ending in one too: 服务体系), or a word of one character the counts
    see after a modifier + 的 and never + 地 (事); a noun the counts see after 地 and a noun after an auxiliary verb
    or an adverb (verbs jieba tags as nouns: 要合理地布局。) stay quiet, and so does an adverbial the counts see
    before 地 rather than 的."""
    if particle != "地":
        return None
    lex = _lexicon()
    stats = _usage()
    known = _known_words()
    a = _known_ending(text, p)
    if len(a) < 2 or a in lex.verbs or a in lex.nouns or a in lex.adverbs or a in lex.verbal_nouns \
            or a in _DEGREE_BEFORE or _before_verb_phrase(text, p - len(a), lex):
        return None  # (要合理地布局。: after an auxiliary verb the noun of the dictionary is a verb)
    odds_a = _odds(stats.after_noun.get(a) or stats.after.get(a), 0, 1)
    if odds_a is not None and odds_a < 1.0 or odds_a is None and (
            a in lex.adverbials and a not in lex.adjectives
            or not _is_modifier(a, lex) and not _word_ending(text, p - len(a), _DEGREE_BEFORE, shortest=1)):
        return None  # an adverbial (积极, 认真), or a word neither the lexicon nor the counts know as a modifier
        # and no degree adverb makes one (雄辩地证明，; but 非常痛苦地事): the noun may be a verb jieba tags as a noun
    b = max(_lexicon_starting(text, p + 1, lex), _known_starting(text, p + 1), key=len)
    if _glued(text, p, stats, lex) and not (_particle_di(text, p, a, b, stats) and not any(
            text[p - k:p - k + n] in stats.glued for n in (2, 3, 4) for k in range(1, n) if p - k >= 0)):
        return None  # 地 inside a word (各地, 所在地); 显著地主导产业: 地|主导, not 地主|导
    end = p + 1 + len(b)
    if text[end:end + 1] in _LOCALISERS and not _word_starting(text, end, known):
        end += 1  # 一般地报刊上。
    if not b or not _CLAUSE_END.match(text, end) or text[end:end + 1] == "了":
        return None
    odds_b = _odds(stats.before_modifier.get(b) or stats.before.get(b), 0, 1)
    head = b if b in lex.all or len(b) == 1 else b[-2:]
    if any(head in s for s in (lex.verbs, lex.verbal_nouns, lex.adjectives, lex.adverbials, lex.complement_verbs,
                               lex.complement_adjectives)) or odds_b is not None and odds_b < 1.0 or (
            stats.before_modifier.get(b, (0, 0, 0))[1] > 0):
        return None  # (证明: seen after a modifier + 地 too, a verb jieba tags as a noun)
    if not (head in lex.nouns or len(b) == 1 and (_odds(stats.before_modifier.get(b), 0, 1) or 0.0) >= 2.0):
        return None
    return "的", p - len(a), (odds_a or 0.0) + (odds_b or 0.0)


#: an item of a series with 得 before a 、: a verb of one or two characters, 得 and its complement (买得放心、)
_DE2_ITEM = LazyRegex(r"(?:^|[，、；：,;:])\p{Han}{1,2}得\p{Han}{1,4}、$")


def _parallel_de2(text: str, p: int, particle: str) -> tuple[str, int, str] | None:
    """得 at info for the 的 at ``p`` of the last item of a series whose earlier items are verb + 得 + complement
    (买得放心、用得安心、玩的舒心。): an item of one to two characters of verb, 的 and one to four of complement up to
    the end of the clause, right after an item with 得."""
    if particle != "的":
        return None
    for n in (1, 2):
        start = p - n
        if start < 1 or text[start - 1] != "、" or not _is_han(text[start:p]):
            continue
        if not _DE2_ITEM.search(text, max(0, start - 9), start):
            continue
        if any(_COMPLEMENT_END.match(text, p + 1 + k) and _is_han(text[p + 1:p + 1 + k]) for k in (1, 2, 3, 4)):
            return "得", start, "info"
    return None


def _bare_complement(text: str, q: int, start: int, lex: _Lexicon) -> tuple[str, int, str] | None:
    """得 at info for a verb + 的 + a one-character adjective with no adverb before it, when the adjective is a
    word of its own (not 好事, 大成绩, 远方) and ends the clause (走的远。, 管的好、) or is asked with 不 (做的好不好).
    多 and 少 stay quiet: a 的 phrase is as often their subject (说的多，做的少)."""
    adjective = text[q:q + 1]
    if not adjective or adjective in _QUANTITIES or not (
            adjective in lex.complement_adjectives or adjective in lex.complements):
        return None
    if text.startswith("不" + adjective, q + 1) and _COMPLEMENT_END.match(text, q + 3):
        return "得", start, "info"  # 做的好不好
    if _word_starting(text, q, _known_words()):
        return None  # the adjective opens a longer word: 好事, 大成绩, 远方, 好的
    if text.startswith("、", q + 1) and text[q + 3:q + 4] == "、":
        return None  # a list of one-character items: 创造的老、中、青三结合
    if _COMPLEMENT_END.match(text, q + 1):
        return "得", start, "info"
    return None


@functools.lru_cache(maxsize=1)
def _FIRST_OF_COMPLEMENTS() -> frozenset[str]:
    return frozenset(w[0] for w in _lexicon().complements)


def _adverbial(text: str, p: int, lex: _Lexicon) -> tuple[str, int] | None:
    """地 for the 的 at ``p`` of a modifier + 的 + a verb that goes on (各村认真的开展了自查)."""
    verb = _lexicon_starting(text, p + 1, lex, shortest=2)
    if verb not in lex.verbs and verb not in lex.verbal_nouns:
        return None  # (the cheap test first: each way to a finding below needs a verb or a verbal noun after 的)
    modifier, adverbial = _modifier_ending(text, p, lex)
    after = p + 1 + len(verb)
    if text[after:after + 1] == "性":
        return None  # verb + 性 is a noun: 政务公开的集成性
    # a verb with 着, 起来, 下去 is a verb, not the head of a noun phrase (严重的威胁着, 持久的存在下去, 很好的组织起来):
    # a verbal noun too, and the modifier may be the end of a longer word (情况严重, 很好)
    verbal = (verb in lex.verbs or verb in lex.verbal_nouns) and verb not in _COPULAS and bool(
        _VERBAL_ASPECT.match(text, after))
    if not modifier and verbal:
        modifier = next((text[p - n:p] for n in (3, 2, 1) if text[p - n:p] in lex.adjectives
                         and _word_ending(text, p - n, lex.all, shortest=1) and _is_han(text[p - n - 1:p])), "")
    start = p - len(modifier)
    # by the counts: an adjective seen mostly before 地 + a verb (深刻, 坚定), a word the lexicon lacks seen so
    # (始终不渝, 有步骤), a one-character adjective or 多 after a word of degree (很好, 较快, 更多): an adverbial, at info
    weak, plain = False, (modifier, adverbial, start)
    if not adverbial:
        word, begin = _adverbial_before(text, p, lex, _usage())
        if word and (not modifier or word == modifier or p - begin > len(modifier)) and not (
                word in _QUANTITIES and verb in _COMPARING) and (
                len(word) == 1 or (_odds(_usage().after_verb.get(word) or _usage().after.get(word), 1, 0) or 0) > 1.0):
            modifier, start, adverbial, weak = word, begin, True, True
    if not modifier:
        return None
    if weak and plain[0]:
        found = _adverbial_structure(text, p, lex, *plain, verb, after, verbal)
        if found is not None:
            return found
    found = _adverbial_structure(text, p, lex, modifier, adverbial, start, verb, after, verbal)
    if found is not None and weak:
        return found[0], found[1], "info"
    if found is None and adverbial and not _in_noun_phrase(text, start, lex):
        return _verb_and_object(text, p, lex, modifier, start, verb, after)
    return found


#: the log odds (地 against 的 before a verb) from which the counts alone make a word an adverbial at the very start
#: of a clause (深刻, 有步骤)
_ADVERBIAL_ODDS_AT_START = 2.5


def _verb_and_object(text: str, p: int, lex: _Lexicon, modifier: str, start: int, verb: str,
                     after: int) -> tuple[str, int, str] | None:
    """地 at info for the 的 at ``p`` of an adverbial + 的 + a verb that ``_adverbial_structure`` leaves open:

    - the verb (jieba's v only) ends the clause after a subject and the counts do not see it after 的 (我们坚定的相信，);
    - the verb (v or vn) has a noun as its object, the two are no word of the dictionary (分析国情, 发动武装, 揭示社会主义,
      not 奋斗目标, 分析方法), and a subject, an auxiliary verb or an adverb stands before the adverbial (党正确的分析国情,
      竟敢疯狂的发动武装叛乱) — or nothing, when the counts see the modifier before 地 + a verb far more often than
      before 的 + a verb (，深刻的揭示社会主义的本质; ，有步骤的放宽外商投资领域)."""
    stats = _usage()
    if verb in _COPULAS or verb in _RELATIONAL or verb in lex.nouns or verb in lex.adjectives:
        return None
    odds_a = _odds(stats.after_verb.get(modifier) or stats.after.get(modifier), 1, 0)
    odds_b = _conditioned_or_any(stats.before_modifier.get(verb), stats.before.get(verb), 1, 0)
    if odds_b is not None and odds_b < 0:
        return None  # the counts see the verb after a modifier + 的: a noun as well (热情的支持)
    if verb in lex.verbs and verb not in lex.verbal_nouns and _CLAUSE_END.match(text, after):
        return ("地", start, "info") if _opens_clause(text, start, lex) else None
    if verb not in lex.verbs and verb not in lex.verbal_nouns:
        return None
    following = _word_starting(text, after, lex.all)
    if (not following or following not in lex.nouns or following in lex.verbs or following in lex.verbal_nouns
            or verb + following in _known_words() or verb + following[0] in _known_words()):
        return None
    if _before_verb_phrase(text, start, lex) or _opens_clause(text, start, lex) or (
            _opens_clause(text, start, lex, empty=True) and (odds_a or 0.0) >= _ADVERBIAL_ODDS_AT_START):
        return "地", start, "info"
    return None


def _adverbial_structure(text: str, p: int, lex: _Lexicon, modifier: str, adverbial: bool, start: int, verb: str,
                         after: int, verbal: bool) -> tuple[str, int] | None:
    """The structure of ``_adverbial`` once the modifier before 的 is known."""
    if verbal and not _in_noun_phrase(text, start, lex):
        return "地", start
    if (verb in lex.verbs or verb in lex.verbal_nouns) and verb not in _COPULAS and _after_adverbial(text, start, lex):
        return "地", start  # a series of adverbials: 及时地、准确的做到, 专心致志地心情愉快的进行
    if verb not in lex.verbs or verb in _COPULAS:
        return None
    if adverbial and text[after:after + 1] in ("和", "并") and _word_starting(text, after + 1, lex.all) in lex.verbs:
        after += 1 + len(_word_starting(text, after + 1, lex.all))  # two verbs: 不断的完善和巩固我们的制度
    if adverbial and text.startswith("为", after) and not text.startswith("为了", after):
        after += 1  # a complement: 更好的转化为生产力
        if not _in_noun_phrase(text, start, lex):
            return "地", start
    if adverbial and _CLAUSE_END.match(text, after) and _before_verb_phrase(text, start, lex):
        return "地", start  # 还没有认真的建立，
    if adverbial and text.startswith("“", after) and not _in_noun_phrase(text, start, lex):
        return "地", start  # a quoted object: 坚持不懈的开展“扫黄”斗争
    if after >= len(text) or not _is_han(text[after]) or text[after] in _NOUN_PHRASE_END or text[after] in "是为":
        return None  # no object, or the verb ends a noun phrase: 认真的开会，在各方努力的推动下, 有力的支持和帮助
    if _in_noun_phrase(text, start, lex):
        return None  # 发挥了积极的推动作用, 给予有力的支持, 一种积极的探索
    m = _ASPECT.match(text, after) or _OBJECT_START.match(text, after)
    if m is not None and len(_word_starting(text, after, lex.all)) <= len(m.group()) or _OBJECT_START.match(text, after):
        return "地", start  # 广泛的采用了, 正确的发挥他们的作用
    # a noun after the verb may be its object (认真的开展工作) or make a compound noun with it (坚定不移的奋斗目标):
    # an adverbial modifier after an auxiliary verb or an adverb (要认真的开展工作), or after nothing but the subject
    # of its clause (我国坚定不移的奉行), decides; a second verb after the first makes a compound (实践证明)
    following = _word_starting(text, after, lex.all, shortest=1)
    if adverbial and _before_verb_phrase(text, start, lex):
        return "地", start  # after an auxiliary verb, a second verb too (必须努力的争取实现)
    if adverbial and following not in lex.verbs and _opens_clause(text, start, lex):
        return "地", start
    # at the very start of a clause, a noun phrase is as likely (长期的实践证明，): the verb must have an object of
    # two words or more, with no verb after its first word
    if (adverbial and following and following not in lex.verbs and following not in lex.verbal_nouns
            and _opens_clause(text, start, lex, empty=True)):
        second = after + len(following)
        nxt = _word_starting(text, second, lex.all, shortest=1)
        if nxt and not _CLAUSE_END.match(text, second) and nxt not in lex.verbs and nxt not in lex.verbal_nouns:
            return "地", start
    return None


#: 着, 起来, 下去 after a verb: it is a verb (严重的威胁着), never the head of a noun phrase
_VERBAL_ASPECT = LazyRegex(r"着(?![想力手眼重])|起来|下去")


#: what joins the items of a series of modifiers: 、 and the conjunctions of one character (重要的和短缺的物资)
_SERIES_JOINERS = frozenset("、和与及或并而")


def _after_adverbial(text: str, start: int, lex: _Lexicon) -> bool:
    """True when an adverbial with the particle 地 stands right before ``start``, perhaps with 、, a conjunction or
    a degree adverb between (及时地、畅通地、准确的做到; 逐步地和大幅度的减少; 自觉地更多的牺牲; 专心致志地心情愉快的
    进行): a series of adverbials."""
    q = start
    for _ in range(2):
        word = _word_ending(text, q, lex.all, shortest=1)
        if word and word in _SKIPPED_BEFORE:
            q -= len(word)
    if text[q - 1:q] in _SERIES_JOINERS:
        q -= 1  # 及时地、准确的做到; 逐步地和大幅度的减少
    if text[q - 1:q] != "地" or q < 2 or _glued(text, q - 1, _usage(), lex):
        return False
    before, _adverbial_word = _modifier_ending(text, q - 1, lex)
    return bool(before)


def _before_verb_phrase(text: str, start: int, lex: _Lexicon) -> bool:
    """True when an auxiliary verb or an adverb of time or scope stands before ``start`` (degree adverbs skipped)."""
    q = start
    for _ in range(3):
        word = _word_ending(text, q, lex.all, shortest=1)
        if word in _BEFORE_VERB_PHRASE or (len(word) == 2 and word[1] in _AUXILIARIES and word[0] in _BEFORE_VERB_PHRASE):
            return True  # (才能清醒的观察: 才 + 能, not the noun 才能)
        if not word or word not in _SKIPPED_BEFORE:
            return False
        q -= len(word)
    return False


def _opens_clause(text: str, start: int, lex: _Lexicon, empty: bool = False) -> bool:
    """True when a subject and nothing else (nouns, pronouns, adverbs: no verb, adjective, preposition, localiser or
    的) stands between the start of the clause and ``start`` (我国坚定不移的奉行). A clause that starts at 、 is an
    item of a list, and an empty subject leaves a noun phrase possible (长期的实践证明): both are False."""
    lo = max(0, start - 12)
    cm = None
    for cm in _CLAUSE_START.finditer(text, lo, start):
        pass
    if cm is None and lo > 0 or cm is not None and cm.group() == "、":
        return False
    q, begin = start, cm.end() if cm else 0
    if q == begin:
        return empty
    while q > begin:
        word = _word_ending(text, q, lex.all, shortest=1) or text[q - 1]
        if (not _is_han(word) or word in lex.verbs or word in lex.verbal_nouns or word in lex.adjectives
                or word in _NOUN_PHRASE_BEFORE or "的" in word or q == start and word in _LOCALISERS):
            return False
        q -= len(word)
    return True


#: the margins (natural log) by which the counts must prefer the right particle: 地 for 的 before a verb, 的 for 地
#: before a noun
_USAGE_MARGIN_DI = 2.0
_USAGE_MARGIN_DE = 3.5
#: the margin for 得 after a verb, before a complement that ends its clause within a few characters (说的很对，)
_USAGE_MARGIN_DE2 = 4.0
_SHORT_CLAUSE_END = LazyRegex(r"\p{Han}{0,4}?(?:一些|一点)?(?:了|罢了)?(?:[，。；：！？、,;:!?）)”]|$)")
#: the margin for 地 before a verb + a noun (object or compound?) outside a verb phrase
_USAGE_MARGIN_OBJECT = 5.0
#: the margin for 地 before a verb that ends its clause (我们清醒的看到，)
_USAGE_MARGIN_CLAUSE_END = 6.0


def _by_usage_and_structure(text: str, p: int, particle: str) -> tuple[str, int, float] | None:
    """The right particle, the start of the word before it and the margin of the counts, when the counts of the
    usage table call for another particle than ``particle`` at ``p`` and the structure allows it:

    - 的 → 地: the counts of both neighbours prefer 地 and the word after is a verb that goes on, outside a noun
      phrase (the structure of ``_adverbial``): 清醒的看到, 有步骤的扩大对外开放;
    - 地 → 的: the counts of both neighbours prefer 的 and the word after is a noun (独特地环境), not followed
      by a verb (公正合理地政治解决);
    - 的 → 得: the counts prefer 得, the word before is a verb and the clause ends a few characters later
      (说的很对，搞的快一些。)."""
    lex = _lexicon()
    stats = _usage()
    if particle == "的" and _lexicon_ending(text, p, lex) not in lex.verbs:
        word_after = _known_starting(text, p + 1)  # the ``b`` of ``_by_usage``
        if word_after not in lex.verbs and word_after not in lex.verbal_nouns:
            return None  # (the cheap test first: 得 below needs a verb before 的, 地 a verb or verbal noun after it)
    if _glued(text, p, stats, lex):
        return None
    scores, a, b = _by_usage(text, p, lex)
    if not a or not b:
        return None  # both neighbours must have been seen next to a particle
    start = p - len(a)
    if particle == "的":
        verb = _lexicon_ending(text, p, lex)
        if (scores[2] - scores[0] > _USAGE_MARGIN_DE2 and verb in lex.verbs and text[p - len(verb) - 1:p - len(verb)] != "所"
                and _SHORT_CLAUSE_END.match(text, p + 1 + len(b))):
            return "得", p - len(verb), scores[2] - scores[0]  # 说的很对，搞的快一些。
        margin = scores[1] - scores[0]
        if margin <= _USAGE_MARGIN_DI or b not in lex.verbs and b not in lex.verbal_nouns or b in _COPULAS:
            return None
        if a in lex.nouns and a not in lex.adjectives and a not in lex.adverbials:
            return None  # a noun before 的 (收支计划的完成): its 地 counts are those of a phrase (有计划地)
        after = p + 1 + len(b)
        if after >= len(text) or not _is_han(text[after]) or text[after] in "是为" or (
                text[after] in _NOUN_PHRASE_END and len(_word_starting(text, after, lex.all, shortest=1)) < 2):
            if not (_CLAUSE_END.match(text, after) and (margin > _USAGE_MARGIN_CLAUSE_END
                                                        or _before_verb_phrase(text, start, lex))):
                return None  # the verb ends a noun phrase (在各方努力的推动下) or has no object
        if _in_noun_phrase(text, start, lex):
            return None  # 发挥了积极的推动作用, 一种积极的探索
        following = _word_starting(text, after, lex.all, shortest=1)
        nominal = following in lex.nouns or following in lex.verbal_nouns
        if (nominal or following in lex.verbs) and margin <= _USAGE_MARGIN_OBJECT and not (
                _before_verb_phrase(text, start, lex) or not following in lex.verbs and _opens_clause(text, start, lex)):
            return None  # a noun or verb after the verb: its object or a compound (稳妥的发展速度, 极大的推动作用)
        return "地", start, margin
    if particle == "地":
        margin = scores[0] - scores[1]
        if margin <= _USAGE_MARGIN_DE or b in lex.verbs or not (
                b in lex.nouns or b not in lex.all and b[-2:] in lex.nouns):  # 货币政策
            return None
        nxt = _word_starting(text, p + 1 + len(b), lex.all, shortest=1)
        if nxt in lex.verbs or nxt in lex.verbal_nouns:
            return None  # a noun used as an adverbial before a verb (主动地全部撤出, 公正合理地政治解决)
        return "的", start, margin
    return None


#: the margin (natural log of the odds) by which the conditioned counts must prefer the right particle
_CONDITIONED_MARGIN = 2.0
_CONDITIONED_SMOOTHING = 0.5
_CONDITIONED_AGAINST = 1.0
#: the margin when one side has no counts or is against (the other side alone decides)
_CONDITIONED_MARGIN_ONE = 2.5
#: 地 → 的: the noun's own conditioned log odds for 的 at least this
_CONDITIONED_NOUN = 1.0
_CONDITIONED_STRONG_NOUN = 2.5


def _odds(counts: tuple[int, int, int] | None, right: int, wrong: int) -> float | None:
    """The log odds of ``right`` against ``wrong`` in ``counts`` (None when there are none)."""
    import math

    if not counts:
        return None
    return math.log((counts[right] + _CONDITIONED_SMOOTHING) / (counts[wrong] + _CONDITIONED_SMOOTHING))


def _is_modifier(word: str, lex: _Lexicon) -> bool:
    """A modifier as scripts/gen_wrd_data.py classes it: an adjective, adverb, stative, idiom or AABB."""
    return word in lex.modifiers or _reduplicated(word)


def _by_conditioned_usage(text: str, p: int, particle: str) -> tuple[str, int, float] | None:
    """The right particle, the start of the word before it and the margin, by the counts of the words on both
    sides *given the class of the other word* (data/wrd002_stats.txt, conditioned columns):

    - modifier + 的 + verb: how often the modifier is followed by 地 rather than 的 when a verb follows (认真, 坚定,
      不断), and the verb preceded by 地 rather than 的 when a modifier precedes it (推进, 开展, 进行);
    - modifier + 地 + noun: the same with 的 and a noun (良好, 重要; 环境, 作用).
    The log odds of the two sides add up (the words taken as independent given the classes); a side without counts
    counts nothing, and the other side alone must then pass the margin. A verbal noun (发展, 建设) counts as a verb
    only with 了/着/过, a directional complement or an object that cannot be a compound's second noun after it. The
    structure of the clause must allow the other particle as in ``_by_usage_and_structure``."""
    lex = _lexicon()
    stats = _usage()
    known = _known_words()
    a = _known_ending(text, p)
    if not _is_modifier(a, lex):
        return None
    b = _lexicon_starting(text, p + 1, lex) or _known_starting(text, p + 1)
    if len(b) > 2 and b[:-1] in known and len(_word_starting(text, p + len(b), known)) > 1:
        b = b[:-1]  # 代表|人民, not 代表人|民
    if _glued(text, p, stats, lex) and not (particle == "地" and _particle_di(text, p, a, b, stats)):
        return None
    after = p + 1 + len(b)
    start = p - len(a)
    if particle == "的":
        if b in _COPULAS or b not in lex.verbs and not (
                b in lex.verbal_nouns and (_ASPECT.match(text, after) or _OBJECT_START.match(text, after))):
            return None
        margin = _combined(_odds(stats.after_verb.get(a), 1, 0), _odds(stats.before_modifier.get(b), 1, 0),
                           _odds(stats.after.get(a), 1, 0), _odds(stats.before.get(b), 1, 0),
                           math.log(stats.prior[1] / stats.prior[0]))
        if margin is None:
            return None
        if after >= len(text) or not _is_han(text[after]) or text[after] in "是为" or (
                text[after] in _NOUN_PHRASE_END and len(_word_starting(text, after, lex.all, shortest=1)) < 2):
            if not (_CLAUSE_END.match(text, after) and _before_verb_phrase(text, start, lex)):
                return None  # the verb ends a noun phrase (在各方努力的推动下) or has no object
        if _in_noun_phrase(text, start, lex):
            return None  # 发挥了积极的推动作用, 一种积极的探索
        following = _word_starting(text, after, lex.all, shortest=1)
        if (following in lex.nouns or following in lex.verbal_nouns or following in lex.verbs) and (
                margin <= _USAGE_MARGIN_OBJECT - 1.5 or following in lex.nouns
                and _CLAUSE_END.match(text, after + len(following))) and not (
                _ASPECT.match(text, after) or _OBJECT_START.match(text, after)
                or _before_verb_phrase(text, start, lex) or _opens_clause(text, start, lex)):
            return None  # a noun or verb after the verb: its object or a compound (坚定不移的奋斗目标)
        return "地", start, margin
    if particle == "地":
        if (b not in lex.nouns or b in lex.verbs or text[after:after + 1] in ("地", "的")
                or a in lex.adverbs and a not in lex.adjectives):
            return None  # (积极地创造性地参加: the word after is an adverbial of its own; 尽量地节约: an adverb)
        sb = _odds(stats.before_modifier.get(b), 0, 1)
        if sb is None or sb < _CONDITIONED_NOUN:
            return None  # the noun itself must be seen after a modifier and 的 (not 研究, 领导: verbs as often)
        margin = _combined(_odds(stats.after_noun.get(a), 0, 1), sb)
        if margin is None:
            return None
        nxt = _word_starting(text, after, lex.all, shortest=1)
        if (nxt in lex.verbs or nxt in lex.verbal_nouns) and not (
                sb > _CONDITIONED_STRONG_NOUN and _word_starting(text, after + len(nxt), lex.all) in lex.nouns):
            return None  # a noun used as an adverbial before a verb (主动地全部撤出, 公正合理地政治解决); but a
            # verb and a noun after a noun seen only after 的 go on with the noun phrase (高效地行政执法体系)
        if len(a) == 1:
            start -= len(_word_ending(text, start, _DEGREE_BEFORE, shortest=1))  # the phrase: 更大地贡献
        return "的", start, margin
    return None


#: words of degree before a one-character adjective: it is then the adjective, not the start of a word with 地
#: (更大地贡献, 这样大地成绩: not 大地)
_DEGREE_BEFORE = frozenset(_DEGREE) | frozenset(("最", "这样", "那样", "如此", "这么", "那么", "较为", "过"))


@functools.lru_cache(maxsize=2)
def _one_character_adjectives(lex: _Lexicon) -> frozenset[str]:
    """The adjectives and the complement adjectives of ``lex`` (once, not for every particle)."""
    return lex.adjectives | lex.complement_adjectives


#: degree adverbs that make a degree phrase of the adjective after them (较大, 更多, 非常痛苦)
_DEGREE_PHRASE = LazyRegex(r"(?:较为|更为|更加|非常|十分|特别|相当|极其|极为|过于|比较|最|更|较|过|很|太)$")


def _degree_phrase(text: str, p: int, particle: str) -> tuple[str, int, float] | None:
    """的 for the 地 at ``p`` after a degree adverb + an adjective (较大, 过猛, 非常痛苦) and before a noun of the
    dictionary that is no verb or verbal noun, is seen after a modifier + 的 rather than 地 (data/wrd002_stats.txt,
    at least ``_CONDITIONED_NOUN`` in log odds) and has no verb after it: the degree phrase modifies the noun (受冲击较大地行业, 增长过猛地现象); before a verb it is
    an adverbial (更好地服务, 较快地增长), and nothing is said. Info."""
    if particle != "地":
        return None
    lex = _lexicon()
    stats = _usage()
    word = _lexicon_ending(text, p, lex)
    one = _one_character_adjectives(lex)
    if len(word) == 2 and word[0] in "较更最过很太" and word[1] in one:
        a, begin = word[1], p - 2  # one word of the dictionary: 较大, 过猛
    else:
        a = _word_ending(text, p, lex.adjectives, shortest=1) or _word_ending(text, p, one, shortest=1)
        if not a or len(word) > len(a):
            return None  # the adjective ends a longer word
        degree = _DEGREE_PHRASE.search(text, max(0, p - len(a) - 2), p - len(a))
        if degree is None:
            return None
        begin = degree.start()
    b = _lexicon_starting(text, p + 1, lex)
    if len(b) > 2 and b[:-1] in lex.all and len(_word_starting(text, p + len(b), _known_words())) > 1:
        b = b[:-1]  # 代表|人民, not 代表人|民
    if len(b) < 2 or b not in lex.nouns or b in lex.verbs or b in lex.verbal_nouns:
        return None
    if _glued(text, p, stats, lex) and not _particle_di(text, p, a, b, stats):
        return None
    odds = _odds(stats.before_modifier.get(b), 0, 1)
    if odds is None or odds < _CONDITIONED_NOUN or b in lex.adverbials:
        return None  # the noun must be seen after a modifier + 的, and not + 地: jieba tags verbs as nouns
        # (很好地研究, 更好地代表, 很好地关心, 谨慎地区别)
    after = p + 1 + len(b)
    nxt = _word_starting(text, after, lex.all, shortest=1)
    if nxt in lex.verbs or nxt in lex.verbal_nouns or text[after:after + 1] in ("地", "的"):
        return None  # a noun as an adverbial before a verb (较大地程度上: no; 更多地依靠)
    return "的", begin, odds or 0.0


#: the last character of a verb with a complement of result or direction (感到, 用于, 看出, 走上, 坐在, 抓好, 建成):
#: such a verb is never the head of a noun phrase after a modifier + 的
_RESULT_ENDINGS = frozenset("到于出起上在好成")
#: complements written after a verb as a word of their own (威胁|到, 转|到, 建立|起)
_RESULT_AFTER = frozenset("到起出上")
#: verbs of being, relation and comparison that an adjective + 的 (the thing it names) may be the subject of
#: (更重要的在于, 有的属于, 更多的处于, 客观的存在): they stay quiet
_RELATIONAL = frozenset(("在于", "属于", "等于", "处于", "位于", "基于", "源于", "限于", "出于", "取决于", "来自于", "存在",
                         "实在", "所在", "现在", "好在", "善于", "勇于", "敢于", "便于", "易于", "难于", "乐于", "甘于",
                         "急于", "忙于", "过于", "终于", "对于", "关于", "由于", "至于", "鉴于"))
#: comparison verbs after which a quantity + 的 is a subject (更多的高于): the quantity must not precede them
_COMPARING = frozenset(("高于", "低于", "大于", "小于", "多于", "少于", "优于", "强于", "弱于", "快于", "慢于", "好于"))


def _adverbial_before(text: str, p: int, lex: _Lexicon, stats: _Usage) -> tuple[str, int]:
    """The modifier that ends at ``p`` and the start of its phrase, for a 的 that may be 地: a modifier of the
    lexicon (认真, 深刻, 扎扎实实), a word the counts see mostly before 地 (有步骤, 始终不渝), or a one-character
    adjective or 多/少 after a word of degree (较快, 比较快, 更多); ("", p) when none."""
    global _LAST_ADVERBIAL
    last = _LAST_ADVERBIAL
    if last[1] == p and last[0] is text and last[2] is lex and last[3] is stats:
        return last[4]
    found = _find_adverbial_before(text, p, lex, stats)
    _LAST_ADVERBIAL = (text, p, lex, stats, found)
    return found


#: the last answer of ``_adverbial_before`` (``_adverbial`` and ``_resultative`` ask for the same particle)
_LAST_ADVERBIAL: tuple = ("", -1, None, None, ("", -1))


def _find_adverbial_before(text: str, p: int, lex: _Lexicon, stats: _Usage) -> tuple[str, int]:
    """``_adverbial_before`` computed."""
    a = _known_ending(text, p)
    if len(a) == 1:
        degree = _word_ending(text, p - 1, _DEGREE_BEFORE, shortest=1)
        if degree and (a in lex.adjectives or a in lex.complement_adjectives or a in _QUANTITIES):
            return a, p - 1 - len(degree)
        return "", p
    if _is_modifier(a, lex) and a not in lex.nouns and a not in lex.verbs:
        return a, p - len(a)
    odds = _odds(stats.after_verb.get(a) or stats.after.get(a), 1, 0)
    if odds is not None and odds > 1.0 and a not in lex.nouns and a not in lex.verbs:
        return a, p - len(a)
    return "", p


def _resultative(text: str, p: int, particle: str) -> tuple[str, int, float] | None:
    """地 for the 的 at ``p`` of a modifier + 的 + a verb with a complement of result or direction (深刻的认识到,
    比较快的走上, 显著的高于, 更多的用于, 成功的建立起, 严重的威胁到): such a verb cannot be the head of a noun
    phrase, whatever stands before the modifier. Verbs of being and relation (更重要的在于, 有的属于, 客观的存在)
    and, after a quantity, verbs of comparison (更多的高于) stay quiet, as do verbs the counts see after 的 rather
    than 地. Info."""
    if particle != "的":
        return None
    lex = _lexicon()
    stats = _usage()
    b = _lexicon_starting(text, p + 1, lex)
    if b not in lex.verbs and b not in lex.verbal_nouns and b not in lex.complement_verbs:
        return None  # (the cheap test first: both ways to a finding below need one of these)
    if _glued(text, p, stats, lex):
        return None
    a, start = _adverbial_before(text, p, lex, stats)
    if not a or text[start - 1:start] == "所":
        return None
    after = p + 1 + len(b)
    if b in _RELATIONAL or b in _COPULAS or b in lex.nouns or b in lex.adjectives:
        return None
    odds = _conditioned_or_any(stats.before_modifier.get(b), stats.before.get(b), 1, 0)
    if len(b) >= 2 and b in lex.verbs and b[-1] in _RESULT_ENDINGS and b not in lex.verbal_nouns and (
            any(b[:-1] in s for s in (lex.verbs, lex.complement_verbs, lex.verbal_nouns, lex.adjectives,
                                      lex.complement_adjectives)) or odds is not None and odds > 0.5):
        pass  # 感到, 看出, 走上, 抓好, 高于; 用于 (seen after 地); not 支出
    elif (b in lex.verbs or b in lex.verbal_nouns or b in lex.complement_verbs) and text[after:after + 1] in _RESULT_AFTER \
            and len(_word_starting(text, after, _known_words(), shortest=1)) == 1:
        pass  # 威胁|到, 转|到, 建立|起
    else:
        return None
    if b in _COMPARING and (a in _QUANTITIES or a[-1:] in _QUANTITIES):
        return None
    if odds is not None and odds < -1.0:
        return None  # the counts see the verb after 的: a noun as well
    return "地", start, odds or 0.0


def _conditioned_or_any(conditioned: tuple[int, int, int] | None, anywhere: tuple[int, int, int] | None, right: int,
                        wrong: int) -> float | None:
    """The log odds of ``right`` against ``wrong`` from the conditioned counts, or else from the counts in any
    context less the log odds of the two particles overall (的 is fifty times as frequent as 地 anywhere)."""
    if conditioned:
        return _odds(conditioned, right, wrong)
    if not anywhere:
        return None
    prior = _usage().prior
    return _odds(anywhere, right, wrong) - math.log(prior[right] / prior[wrong])


#: 地 → 的 by one side: the word before 地 is seen at least this often before 的 and never before 地
_ONE_SIDED_MIN = 5
#: ... and at least this often when a verb follows the noun after 地 (a subject and its predicate: 较大的行业实行)
_ONE_SIDED_STRONG = 20
#: ... or the noun's own log odds of 的 against 地 at least this (较短地时间取得: 时间 is seen after 地 once in 731)
_ONE_SIDED_NOUN = 3.0


def _one_sided(text: str, p: int, particle: str) -> tuple[str, int, float] | None:
    """的 for the 地 at ``p`` between a word the counts of data/wrd002_stats.txt never see before 地 but often before
    的 (新, 美好, 特殊, 较大, 困难) and a noun the counts do not see after 地 either (新地观点, 特殊地迫切性,
    美好地新世界, 暂时困难地物质基础): no adverbial + 地 can be there. A verb after the noun is its predicate only
    when the word before 地 is seen very often before 的 (较大地行业实行); otherwise the noun may be an adverbial of its
    own before a verb (公正合理地政治解决), and nothing is said. Info."""
    if particle != "地":
        return None
    lex = _lexicon()
    stats = _usage()
    known = _known_words()
    a = _known_ending(text, p)
    if len(a) == 2 and a[1] in lex.adjectives and len(_word_ending(text, p - 1, known, shortest=1)) > 1:
        a = a[1]  # 迈出|新地步伐, not 迈|出新
    if not a or a in _DEGREE_BEFORE or a in lex.verbs or a in lex.verbal_nouns or a in lex.nouns and not _is_modifier(a, lex):
        return None  # (发展地区间: a verb before a word with 地)
    ca = stats.after_noun.get(a)
    if not ca or ca[0] < _ONE_SIDED_MIN:
        ca = stats.after.get(a)  # (the counts when a noun follows: 一般 is seen before 地 + a verb only)
    if not ca or ca[1] > 0 or ca[0] < _ONE_SIDED_MIN or (len(a) == 1 and a not in lex.adjectives) or any(
            text[p - k:p + 1] in stats.glued or text[p - k:p + 1] in lex.di_words for k in (1, 2, 3)):
        return None  # (极大地, 较大地: jieba segments 极|大地 in the counted text, so 极大 is never seen before 地)
    if text[p + 1 + len(_known_starting(text, p + 1)):][:1] in _VERB_PHRASE_NEXT:
        return None  # a verb with 了, 着, 过 (极大地制约了)
    b = max(_lexicon_starting(text, p + 1, lex), _known_starting(text, p + 1), key=len)
    if len(b) > 2 and b[:-1] in known and len(_word_starting(text, p + len(b), known)) > 1:
        b = b[:-1]  # 代表|人民, not 代表人|民
    if _glued(text, p, stats, lex):
        held = _word_starting(text, p, stats.glued)
        if not _particle_di(text, p, a, b, stats) or held and _word_starting(text, p + len(held), known):
            return None  # 地 in a word, and a word after that word: 困难地区|区域, not 困难|地|区区
    if not b:
        return None
    head = b if b in lex.all or b[-1] != "性" or b[:-1] not in known else "性"  # 迫切性, 重要性: nouns
    if head not in lex.all and head != "性":
        head = b[-2:]
    odds = _odds(stats.before_modifier.get(b) or stats.before.get(b), 0, 1)
    if odds is not None and odds < 1.0:
        return None  # the noun is seen after 地 as well (a verb jieba tags as a noun)
    if len(b) < 2 or any(head in s for s in (lex.verbs, lex.verbal_nouns, lex.adverbials, lex.adjectives)) or (
            head not in lex.nouns and head != "性" and (head in lex.all or odds is None)):
        return None  # a noun of the dictionary, or a word of the counts seen after 的 only (实绩)
    after = p + 1 + len(b)
    nxt = _word_starting(text, after, lex.all, shortest=1)
    if (nxt in lex.verbs or nxt in lex.verbal_nouns or text[after:after + 1] in ("地", "的")) and ca[0] < _ONE_SIDED_STRONG \
            and (odds or 0.0) < _ONE_SIDED_NOUN:
        return None
    start = p - len(a)
    if len(a) == 1:
        start -= len(_word_ending(text, start, _DEGREE_BEFORE, shortest=1))
    return "的", start, _odds(ca, 0, 1) + (odds or 0.0)


#: the end of an item of a series or of a clause
_ITEM_END = frozenset("、，。；：！？,;:!?）)”")


def _nouns_only(text: str, i: int, j: int, lex: _Lexicon) -> bool:
    """True when ``text[i:j]`` is one or two nouns of the dictionary and nothing else (历史耐心, 基调)."""
    for _ in range(2):
        word = _word_starting(text, i, lex.all)
        if not word or word not in lex.nouns or word in lex.verbs or word in lex.verbal_nouns or i + len(word) > j:
            return False
        i += len(word)
        if i == j:
            return True
    return False


def _de_item(text: str, i: int, j: int, lex: _Lexicon) -> bool:
    """True when the item ``text[i:j]`` of a series is a modifier phrase + 的 + one or two nouns (更强的历史耐心,
    严的基调): its last 的, not inside a word, is followed by nouns only."""
    k = text.rfind("的", i, j)
    return k > i and text[k - 1:k + 1] not in _usage().glued and text[k:k + 2] not in _usage().glued \
        and _nouns_only(text, k + 1, j, lex)


def _parallel_de(text: str, p: int, particle: str) -> tuple[str, int, float] | None:
    """的 at info for the 地 at ``p`` between a modifier (perhaps a one-character adjective after a word of degree)
    and one or two nouns that end an item of a series, when a sibling item has the same shape with 的: the modifier
    before joins it with 、 or a conjunction (黑暗的、反动的、残酷地农奴制度, 重要的和短缺地物资), or the item before
    or after it is a modifier + 的 + nouns (更强的历史耐心、更大地战略定力、更实的工作; 严的基调、严地措施、严的氛围).
    Items of one series share their structure; a noun after 地 cannot be what an adverbial modifies."""
    if particle != "地":
        return None
    lex = _lexicon()
    stats = _usage()
    a = _known_ending(text, p)
    start = p - len(a)
    if len(a) == 1:
        if a not in lex.adjectives and a not in lex.complement_adjectives:
            return None
        start -= len(_word_ending(text, start, _DEGREE_BEFORE, shortest=1))
    elif not (_is_modifier(a, lex) or a in lex.adjectives) or a in lex.verbs or a in lex.verbal_nouns:
        return None
    b = _lexicon_starting(text, p + 1, lex, shortest=2)
    if any(text[p:p + n] in lex.di_words or text[p:p + n] in stats.glued for n in (2, 3, 4)) and not (
            len(a) == 1 and start < p - 1 or _particle_di(text, p, a, b, stats)):
        return None  # 地 opens a word (地区, 地方), unless a degree adverb makes the character before an adjective
        # or the noun after 地 ends later than that word (短缺地物资: 地|物资, not 地物|资)
    if not _nouns_only(text, p + 1, p + 1 + len(b), lex) or b in lex.adverbials:
        return None
    odds = _odds(stats.before_modifier.get(b) or stats.before.get(b), 0, 1)
    if odds is not None and odds < 1.0:
        return None  # the noun is seen after 地 as well (a verb jieba tags as a noun)
    if text[start - 1:start] in _SERIES_JOINERS and text[start - 2:start - 1] == "的" \
            and text[start - 3:start - 1] not in stats.glued and _modifier_ending(text, start - 2, lex)[0]:
        return "的", start, odds or 0.0  # 黑暗的、反动的、残酷地农奴制度; 重要的和短缺地物资实行
    end = p + 1
    while end < len(text) and end - p <= 9 and text[end] not in _ITEM_END:
        end += 1
    if end >= len(text) or text[end] not in _ITEM_END or not _nouns_only(text, p + 1, end, lex):
        return None  # the item must end after its nouns (the siblings below)
    if text[start - 1:start] == "、":
        lo = start - 1
        while lo > 0 and start - lo <= 12 and text[lo - 1] not in _ITEM_END:
            lo -= 1
        if lo > 0 and text[lo - 1] in _ITEM_END and _de_item(text, lo, start - 1, lex):
            return "的", start, odds or 0.0  # 更强的历史耐心、更大地战略定力
    if text[end] == "、":
        hi = end + 1
        while hi < len(text) and hi - end <= 12 and text[hi] not in _ITEM_END:
            hi += 1
        if hi < len(text) and _de_item(text, end + 1, hi, lex):
            return "的", start, odds or 0.0  # 严地措施、严的氛围
    return None


def _particle_di(text: str, p: int, a: str, b: str, stats: _Usage) -> bool:
    """True when the 地 at ``p``, inside a word of the dictionary as the longest match (大地, 地基, 地区, 地步), is
    the particle between the modifier ``a`` and the noun ``b`` all the same: a word of degree stands before a
    one-character adjective (更大地贡献), or the noun after 地 ends later than the word that holds 地 (好地基础:
    地基|础 against 地|基础; 新地步伐, 明显地区域) and no word that holds 地 starts before it."""
    if len(a) == 1 and _word_ending(text, p - 1, _DEGREE_BEFORE, shortest=1):
        return True
    if len(b) < 2 or len(a) == 1 and text[p - 1:p + 1] in stats.glued or any(text[p - k:p - k + n] in stats.glued for n in (2, 3, 4) for k in range(1, n)
                         if p - k >= 0 and p - len(a) >= p - k):
        return False
    held = _word_starting(text, p, stats.glued)
    return bool(held) and p + len(held) < p + 1 + len(b)


def _combined(sa: float | None, sb: float | None, ua: float | None = None, ub: float | None = None,
              prior: float = 0.0) -> float | None:
    """The summed log odds of the two sides when they pass ``_CONDITIONED_MARGIN`` and neither side is against
    by more than ``_CONDITIONED_AGAINST`` (None otherwise). A side without conditioned counts stands in with its
    counts in any context (``ua``, ``ub``) less the log odds of the particles in any context (``prior``), when
    these are against and never for (更好的收入前景: 收入 is seen after 的 only, whatever stands before it)."""
    if sa is None and sb is None:
        return None
    if sa is None and ua is not None:
        sa = min(0.0, ua - prior)
    if sb is None and ub is not None:
        sb = min(0.0, ub - prior)
    if sa is not None and sa < -_CONDITIONED_AGAINST or sb is not None and sb < -_CONDITIONED_AGAINST:
        return None
    margin = (sa or 0.0) + (sb or 0.0)
    one_sided = sa is None or sb is None or sa <= 0 or sb <= 0
    return margin if margin > (_CONDITIONED_MARGIN_ONE if one_sided else _CONDITIONED_MARGIN) else None


def _usage_disagrees(text: str, p: int, particle: str, right: str) -> bool:
    """True when the counts of both neighbours prefer the particle written at ``p`` to ``right`` by the margin of
    a finding: the parts of speech alone then make the finding doubtful."""
    lex = _lexicon()
    scores, a, b = _by_usage(text, p, lex)
    return bool(a and b) and scores[_PARTICLES.index(particle)] - scores[_PARTICLES.index(right)] > _USAGE_MARGIN_DE


def _particle_pairs(value: Any, rule_id: str = "") -> tuple[tuple[str, str, str], ...]:
    """``_pairs`` whose wrong forms each hold 的, 地 or 得 (the rule runs where one of them occurs)."""
    out = _pairs(value, rule_id)
    for i, (wrong, _right, _src) in enumerate(out):
        if not any(c in to_simplified(wrong) for c in _PARTICLES):
            where = f"[rules.{rule_id}] extra" if rule_id else "entry"
            raise ValueError(f"{where}[{i}]: the wrong form {wrong!r} holds no “的”, “地” or “得”")
    return out


@functools.lru_cache(maxsize=8)
def _particle_extras(extra: tuple[tuple[str, str, str], ...]) -> tuple[dict, "regex.Pattern[str] | None"]:
    extras = {to_simplified(w): (r, src) for w, r, src in extra}
    return extras, (lazy_compile(literal_alternation(extras)) if extras else None)


def _verb_after_di(text: str, s: int) -> bool:
    """True when the word after the 地 at ``s`` goes on as a verb: with 了, 着, 过 (充分地证明了) or an object that
    begins with a pronoun, a determiner or a numeral (正确地规定各种指标): jieba tags such verbs as nouns (证明, 规定),
    and 地 is right."""
    lex = _lexicon()
    word = _word_starting(text, s + 1, _known_words(), shortest=1)
    if not word:
        return False
    after = s + 1 + len(word)
    m = _ASPECT.match(text, after)
    if m is not None and len(_word_starting(text, after, lex.all, shortest=1)) <= len(m.group()):
        return True
    return _OBJECT_START.match(text, after) is not None and len(_word_starting(text, after, lex.all)) <= 2 and not (
        text[after:after + 1].isdigit())


def _nominalised(text: str, s: int) -> bool:
    """True when a verb that takes a noun phrase (得到, 进行, 受到 …) stands earlier in the clause of ``s``: then
    "认真的落实" is that noun phrase, and 的 is right."""
    lo = max(0, s - 30)
    cm = None
    for cm in _CLAUSE_START.finditer(text, lo, s):
        pass
    return _NOMINALISERS.search(text, cm.end() if cm else lo, s) is not None


@rule("WRD002", "de-di-de", severity="warning", fix="unsafe", on=Trigger(chars=_PARTICLES, view="norm"),
      options={"extra": OptionSpec(list, [], "补充的错误搭配（含“的”“地”或“得”）：[[\"错误写法\", \"正确写法\"], …]，"
                                              "如 [[\"认真的学习了\", \"认真地学习了\"]]",
                                   validate=lambda v: _particle_pairs(v))})
def de_di_de(doc: Document, particles, options) -> Iterator[Finding]:
    """“的”“地”“得”用错。

    为什么：形容词修饰名词用“的”（积极的作用），修饰动词用“地”（认真地开展），动词带补语用“得”
    （做得很好）。用错了读起来别扭，也显得不严谨。
    错误示例：引导更多地妇女和家庭学习模范；起到的積極地作用；认真的开展活动；工作做的很好；
    为妇女儿童创造美好地环境。
    正确写法：引导更多的妇女和家庭学习模范；起到的積極的作用；认真地开展活动；工作做得很好；
    为妇女儿童创造美好的环境。
    依据：《现代汉语词典》第7版“的”“地”“得”条；吕叔湘《现代汉语八百词》；词性取自 jieba 词典（MIT 许可，
    scripts/gen_wrd_data.py 生成 data/wrd002_pos.toml）；用法统计取自公开的法律法规、政府工作报告和党代会报告
    （只存词频，scripts/gen_wrd_data.py --stats 生成 data/wrd002_stats.txt，见 wrd002_stats.LICENSE）。
    修复：建议修复（--unsafe-fixes）。两种依据：data/wrd.toml 中列出的常见搭配（前后词都在表中）；按两边的词性
    和句子结构判断（每处取词典中最长的词；“的”“地”在词内——有的、别的、目的、各地、基地、地区——不算）：
    状语性的词（副词、副形词、成语、AABB 叠词：认真、逐步、坚定不移、扎扎实实）+ 的 + 动词，动词后有宾语、
    “了/着/过”或趋向补语，并且前面是助动词、副词（要、将、没有、都）或只有主语时，应为“地”（要更好的发挥他们的
    作用）；形容词 + 地 + 名词，在动词、数量词、介词之后（创造良好地社会环境，一个重大地成就）、方位词或谓语
    之前（困难地情况下，稳定地局面进一步巩固）或到此分句结束时，
    应为“的”；动词 + 的 +（还/不/程度副词）+ 形容词，到此分句结束（可有“一些”“、”并列）时应为“得”（工作做的
    很好。重视的很不够。进行的更多、更快）。名词短语中不报告：前面有动词把整个短语当宾语（发挥了积极的推动
    作用，得到了认真的落实），有数量词、介词（一种积极的探索，按相同的支付标准），或动词后是“下”“和”“是”
    （在各方努力的推动下）；“出现的不平衡”“存在的不足”“所做的很好”“出现的较大变化”也不报告。词典的词性
    一词一类（“利用”“代表”“关心”标为名词），所以“地 + 这类词”只在名词短语的位置上才判断。动词带“着”“起来”
    “下去”时不会是名词短语的中心（严重的威胁着，广泛的发展起来），前面已有“X地、”的并列状语时也应为“地”
    （及时地、准确的做到）；动词（含词典中较少用的单字动词：迈、擦、管）+ 的 + 单字形容词到此分句结束时报告为
    info（走的远。管的好、），“比预想的好”这类比较的对象不报告；程度副词 + 形容词 + 地 + 名词（统计中该名词
    前多用“的”、后面不是动词）报告为 info（受冲击较大地行业和企业）。
    用法统计：两边的词在正式公文中前后多用哪个助词（“清醒”后多用“地”，“看到”前多用“地”；“环境”前几乎
    只用“的”；“很对”前多用“得”），两边合起来明显指向另一个助词、句子结构也允许时（“的”后的动词带宾语或
    到此分句结束，不在名词短语中；“地”后的名词后面不是动词；“的”前是动词、几个字内分句结束），报告为 info
    （清醒的看到，有步骤的扩大试点范围，说的很对，稳健地货币政策）；另计在另一边是动词、名词或修饰语时的用法
    （修饰语后接动词时“推进”前几乎只用“地”，“贡献”前只用“的”），据此也报告为 info（紧张的进行建设，
    更大地贡献，打下好地基础）；按词性判断的报告维持 warning，统计明显
    相反时降为 info。
    以下也报告为 info：修饰语 + 的 + 带结果或趋向补语的动词（深刻的认识到，更多的用于，显著的高于，严重的
    威胁到；“更重要的在于”“有的属于”“更多的高于”不报告）；统计中多用“地”的形容词或程度短语（深刻、坚定、
    很好、较快）+ 的 + 动词，动词带不与它成词的名词宾语，或在主语之后到此分句结束（党正确的分析国情，我们
    坚定的相信，）；统计中只用“的”、从不用“地”的词 + 地 + 名词（新地观点，特殊地迫切性）；形容词 + 地 +
    名词到此分句结束（这是常见地事。）；动词 + 的 + 程度副词 + 词典未收的词到此分句结束（制定的比较晚，）；
    “V得X、V得Y、V的Z”并列中的“的”（玩的舒心）。
    选项 extra：补充整段的错误写法和正确写法（须含“的”“地”或“得”），如 [["积极地意义", "积极的意义"]]。
    """
    extra = _particle_pairs(options["extra"], "WRD002") if options["extra"] else ()
    text = doc.norm
    groups = _particle_groups()
    found: list[list] = [[] for _ in groups]
    n = len(text)
    by_particle = {c: [(i, g) for i, g in enumerate(groups) if g[1]["wrong"] == c] for c in _PARTICLES}
    pos_candidates = []  # where the parts of speech may decide: 地 and 的 between two Han characters
    for p, particle in particles:
        if p == 0 or p + 1 >= n:
            continue
        prev, nxt = text[p - 1], text[p + 1]
        for i, (pattern, _g, lasts, firsts) in by_particle[particle]:
            if prev in lasts and nxt in firsts:
                m = pattern.match(text, p)
                if m is not None:
                    found[i].append(m)
        if particle != "得" and _is_han(prev + nxt):
            pos_candidates.append((p, particle))
    # (position, right particle, start of the word before it): the listed collocations, then parts of speech
    wrong: dict[int, tuple[str, int]] = {}
    lex = _lexicon() if any(found) else None
    for matches, (_pattern, g, _lasts, _firsts) in zip(found, groups):
        for m in matches:
            after = m.end()  # the listed word after the particle starts here
            word = _word_starting(text, after, lex.all, shortest=1)
            follows = text[after + len(word):after + len(word) + 1]
            if g["right"] == "地" and (not follows or _CLAUSE_END.match(text, after + len(word))
                                       or follows in _NOUN_PHRASE_END or _in_noun_phrase(text, m.start("b"), lex)):
                continue  # no object after the verb, or after a verb that takes the phrase as its object: a noun
                # phrase (有进一步的提高，在努力的推动下，发挥了积极的推动作用)
            if g["right"] == "的" and word in lex.verbs and not _CLAUSE_END.match(text, after + len(word)):
                continue  # a verb that goes on (有力地保障和改善了民生): the adverb's 地 is right
            wrong.setdefault(m.start(), (g["right"], m.start("b")))
    listed = set(wrong)  # the listed collocations: no second look
    doubtful: set[int] = set()  # reported at info: the counts of usage alone decide, or they disagree
    for p, particle in pos_candidates:
        if p not in wrong:
            decided = _by_part_of_speech(text, p, particle)
            if decided is not None:
                wrong[p] = decided[:2]
                if len(decided) > 2 or _usage_disagrees(text, p, particle, decided[0]):
                    doubtful.add(p)
                continue
            # (the same order as ever; each of the others answers None for this particle)
            if particle == "的":
                decided_by_usage = (_by_usage_and_structure(text, p, particle)
                                    or _by_conditioned_usage(text, p, particle) or _resultative(text, p, particle)
                                    or _parallel_de2(text, p, particle))
            else:
                decided_by_usage = (_by_usage_and_structure(text, p, particle)
                                    or _by_conditioned_usage(text, p, particle) or _degree_phrase(text, p, particle)
                                    or _one_sided(text, p, particle) or _noun_at_clause_end(text, p, particle)
                                    or _parallel_de(text, p, particle))
            if decided_by_usage is not None:
                wrong[p] = decided_by_usage[:2]
                doubtful.add(p)
    for s in sorted(wrong):
        right, b = wrong[s]
        if right == "地" and _nominalised(text, s):
            continue
        if right == "的" and s not in listed and _verb_after_di(text, s):
            continue
        phrase = doc.text[b:min(len(text), s + 3)]
        yield Finding(s, s + 1, f"“{phrase}”中的“{doc.text[s]}”应为“{right}”",
                      Fix.replace(s, s + 1, right, f"改为“{right}”", applicability="unsafe"),
                      severity="info" if s in doubtful else None)
    if extra:
        extras, extras_pattern = _particle_extras(extra)
        for m in extras_pattern.finditer(text):
            s, e = m.span()
            if any(s <= w < e for w in wrong):
                continue  # the particle is reported already
            right, _src = extras[m.group()]
            fixed = _fix_text(doc, text, s, e, right)
            yield Finding(s, e, f"“{doc.text[s:e]}”应为“{fixed}”",
                          Fix.replace(s, e, fixed, f"改为“{fixed}”", applicability="unsafe"))


# ------------------------------------------------------------------------------------------------- WRD003/4
class _WordList:
    """A compiled word list: one alternation for plain entries, one pattern per entry with context."""

    def __init__(self, entries: Sequence[dict], extra: tuple[tuple[str, str, str], ...],
                 disable: tuple[str, ...]) -> None:
        off = {to_simplified(w) for w in disable}
        self.plain: dict[str, dict] = {}
        self.context: list[tuple[str, "regex.Pattern[str]", dict]] = []
        for entry in entries:
            wrong = to_simplified(entry["wrong"])
            if wrong in off:
                continue
            if "after" in entry:
                self.context.append((wrong, lazy_compile(regex.escape(wrong) + r"(?=" + entry["after"] + r")"), entry))
            else:
                self.plain[wrong] = entry
        for wrong, right, source in extra:
            self.plain[to_simplified(wrong)] = {"wrong": wrong, "right": right, "source": source, "user": True}
        # literal words only: an Aho–Corasick automaton reads the text once whatever the number of words (the
        # hundreds of non-recommended forms made an alternation of ``re`` several times slower)
        self.automaton = None
        if self.plain:
            import ahocorasick

            self.automaton = ahocorasick.Automaton()
            for word in self.plain:
                self.automaton.add_word(word, word)
            self.automaton.make_automaton()

    def finditer(self, text: str) -> list[tuple[int, int, dict]]:
        """(start, end, entry) of the matches: the plain words' first, then each context entry's."""
        out = []
        if self.automaton is not None:
            plain = self.plain
            # leftmost-longest, non-overlapping: the matches of an alternation of the words, longest first
            out = [(end + 1 - len(word), end + 1, plain[word]) for end, word in self.automaton.iter_long(text)]
        for wrong, pattern, entry in self.context:
            # the matches of pattern.finditer(text): each starts with the word, found by str.find
            i = text.find(wrong)
            while i >= 0:
                m = pattern.match(text, i)
                if m is not None:
                    out.append((m.start(), m.end(), entry))
                i = text.find(wrong, m.end() if m is not None and m.end() > i else i + 1)
        return out


@functools.lru_cache(maxsize=16)
def _wordlist(section: str, extra: tuple[tuple[str, str, str], ...], disable: tuple[str, ...]) -> _WordList:
    entries = _data()[section]
    if section == "wrd003":
        entries = _variants() + list(entries)  # a listed misspelling wins over a variant of the same form
    return _WordList(entries, extra, disable)


@functools.lru_cache(maxsize=1)
def _variants() -> list[dict]:
    """The non-recommended forms of 《第一批异形词整理表》 (data/wrd003_variants.toml, made by
    scripts/gen_wrd_data.py --variants; source and status in wrd003_variants.LICENSE)."""
    out = []
    for line in load_data("wrd003_variants")["pairs"].split("\n"):
        if line:
            wrong, right, number, *holders = line.split()
            out.append({"wrong": wrong, "right": right, "variant": True,
                        "holders": tuple(holders[0].split(",")) if holders else (),
                        "source": f"《第一批异形词整理表》（GF 1001-2001）第{number}组"})
    return out


def _held(text: str, s: int, e: int, entry: dict) -> bool:
    """True when ``text[s:e]`` is part of a word that holds the form rightly (筚路蓝缕 holds 蓝缕)."""
    wrong = entry["wrong"]
    for word in entry["holders"]:
        i = word.find(wrong)
        while i >= 0:
            if text.startswith(word, s - i):
                return True
            i = word.find(wrong, i + 1)
    return False


def _straddles(text: str, s: int, e: int, words: frozenset[str], right: str = "") -> bool:
    """True when a word of ``words`` crosses a boundary of ``text[s:e]`` without holding all of it, and holds a
    character that the correction ``right`` would change: the match is the end of one word and the start of the
    next (超过份额 holds 过份, 记录相关 holds 录相, 个人材料 holds 人材; not 创新人材, where 新人 keeps its
    characters in 创新人才)."""
    changed = [s + i for i, c in enumerate(text[s:e]) if i >= len(right) or right[i] != c] if right else [s, e - 1]
    for n in (2, 3, 4):
        for start in range(max(0, s - n + 1), e):
            end = start + n
            if ((start < s < end < e or s < start < e < end) and any(start <= c < end for c in changed)
                    and text[start:end] in words):
                return True
    return False


_LIST_OPTIONS = {
    "extra": OptionSpec(list, [], "补充的词表：[[\"错误写法\", \"正确写法\"], …] 或 [[\"错误写法\", \"正确写法\", "
                                  "\"来源\"], …]", validate=lambda v: _pairs(v, "")),
    "disable": OptionSpec(list, [], "不检查的内置条目（错误写法），如 [\"宣树\"]",
                          validate=lambda v: _strings(v, "", "disable")),
}


@rule("WRD003", "misspelling", severity="error", fix="safe", options=_LIST_OPTIONS)
def misspelling(doc: Document, options) -> Iterator[Finding]:
    """常见错别字（按词表）。

    为什么：“布署”“再接再励”“红什字会”这类别字是公文校对最常见的差错，一经印发就很难更正。
    错误示例：合理表达述求；省紅什字會的专家；养殖牲猪；二是宣树典型；收到社会各界的一致好评
    正确写法：合理表达诉求；省紅十字會的专家；养殖生猪；二是选树典型；受到社会各界的一致好评
    依据：《现代汉语词典》第7版；各条目的来源见 data/wrd.toml；异形词见 data/wrd003_variants.toml（来源与
    状态见 wrd003_variants.LICENSE）。
    修复：从不成词的写法（布署、再接再励、红什字会、述求……）安全修复；在别的语境中可能成立的写法（宣树、
    牲猪、收到……好评、既使）降为警告，只给建议修复（--unsafe-fixes）。繁体文稿按简体词表匹配，修复后
    保持繁体。另报《第一批异形词整理表》（GF 1001-2001）的非推荐词形（成份→成分，人材→人才，丰富多采→
    丰富多彩，那末→那么），只作提示（info），建议修复：只查简体文稿；前后的字与它组成别的词时（超过份额、
    个人材料、记录相关）、它在成语里时（筚路蓝缕）不报告。
    选项 extra：补充词表 [["错误写法", "正确写法"], …] 或 [["错误写法", "正确写法", "来源"], …]，按确定的
    错误报告（错误级别、安全修复）；选项 disable：不检查的内置条目，如 ["宣树"]。
    """
    extra = _pairs(options["extra"], "WRD003") if options["extra"] else ()
    disable = _strings(options["disable"], "WRD003", "disable") if options["disable"] else ()
    text = doc.norm
    for s, e, entry in _wordlist("wrd003", extra, disable).finditer(text):
        right = _fix_text(doc, text, s, e, entry["right"])
        if entry.get("variant"):
            # a non-recommended form: mainland house style, so only in simplified text (no traditional character
            # within 20 characters, no traditional majority), and only where it is a
            # word (not the end of one word and the start of the next)
            lo, hi = max(0, s - 20), e + 20
            if (any(a != b and _is_han(a) for a, b in zip(doc.text[lo:hi], text[lo:hi]))
                    or doc.script.majority == "traditional"
                    or _straddles(text, s, e, _lexicon().all, entry["right"]) or _held(text, s, e, entry)):
                continue
            yield Finding(s, e, f"“{doc.text[s:e]}”是非推荐词形，应为“{right}”（{entry['source']}）",
                          Fix.replace(s, e, right, f"改为“{right}”", applicability="unsafe"), severity="info")
            continue
        doubtful = entry.get("doubtful", False)
        yield Finding(s, e, f"“{doc.text[s:e]}”应为“{right}”",
                      Fix.replace(s, e, right, f"改为“{right}”", applicability="unsafe" if doubtful else "safe"),
                      severity="warning" if doubtful else None)


@rule("WRD004", "official-formulation", severity="error", fix="unsafe", options=_LIST_OPTIONS)
def official_formulation(doc: Document, options) -> Iterator[Finding]:
    """规范提法写错（按词表）。

    为什么：“两不愁三保障”“习近平新时代中国特色社会主义思想”这类提法有固定的表述，写错属于政治性差错，
    是公文审核的重点。
    错误示例：瞄准困难群众“三不愁兩保障”；深入学习习近平中国特色社会主义新时代思想
    正确写法：瞄准困难群众“兩不愁三保障”；深入学习习近平新时代中国特色社会主义思想
    依据：各条目的来源见 data/wrd.toml（中央文件、党的代表大会报告、党章）。
    修复：建议修复（--unsafe-fixes）：文稿可能有意引用错误写法（如批评某种说法），由作者确认。
    选项 extra / disable：同 WRD003，如 extra = [["四个全面战略", "“四个全面”战略布局"]]。
    """
    extra = _pairs(options["extra"], "WRD004") if options["extra"] else ()
    disable = _strings(options["disable"], "WRD004", "disable") if options["disable"] else ()
    text = doc.norm
    for s, e, entry in _wordlist("wrd004", extra, disable).finditer(text):
        right = _fix_text(doc, text, s, e, entry["right"])
        yield Finding(s, e, f"规范提法“{doc.text[s:e]}”应为“{right}”",
                      Fix.replace(s, e, right, f"改为“{right}”", applicability="unsafe"))


# ------------------------------------------------------------------------------------------------- WRD005
#: one trigger per frame of data/wrd.toml, found from its anchor
_FRAMES = tuple((Trigger(f["anchor"], view="norm", pattern=f["pattern"], before=int(f.get("before", 0))), f)
                for f in _data()["wrd005"])


@rule("WRD005", "transposed-characters", severity="warning", fix="unsafe", on=tuple(t for t, _ in _FRAMES))
def transposed_characters(doc: Document, found) -> Iterator[Finding]:
    """常见框架中的语序颠倒或多字（“更的高”“达到在”“作了的发言”）。

    为什么：改稿时挪动或删改文字留下的残迹，读者一眼就能看出不通顺。
    错误示例：以更的高标准，更快的效率；女性比例达到在47.4%；我会作了的典型发言
    正确写法：以更高的标准；女性比例达到47.4%；我会作了典型发言
    依据：语序颠倒、多字（共产党员网公文常见错误类型）。
    修复：建议修复（--unsafe-fixes）。只查 data/wrd.toml 中的几个固定框架，召回率低但几乎没有误报；
    “变更的高度”“打更的”中的“更”不是副词，不报告。
    """
    text = doc.norm
    for matches, (_trigger, frame) in zip(found, _FRAMES):
        for m in matches:
            s, e = m.span()
            fixed = m.expand(frame["replace"])
            fixed = _fix_text(doc, text, s, e, fixed)
            yield Finding(s, e, f"“{doc.text[s:e]}”：{frame['what']}，应为“{fixed}”",
                          Fix.replace(s, e, fixed, f"改为“{fixed}”", applicability="unsafe"))


# ------------------------------------------------------------------------------------------------- WRD008
@rule("WRD008", "typo", severity="info", fix="unsafe")
def typo(doc: Document) -> Iterator[Finding]:
    """错别字（同音字、形近字、同音词）：相邻两字在语料中从未连用，换成音同、音近或形近的字（或同音的词）就成为常见的词。

    为什么：用拼音输入法打字，最常见的差错是选错同音字或同音词（“环境”打成“环竟”，“会议”打成“悔意”），
    字字都对，拼写检查看不出来，读者却一眼就能看出。
    错误示例：持续优化营商环竟；加快完善基础设师建设；联席悔意办公室设在民政部
    正确写法：持续优化营商环境；加快完善基础设施建设；联席会议办公室设在民政部
    依据：字的相邻统计（公文语料和 jieba 词典，MIT）；同音、近音、形近字表（ECSpell，MIT；pypinyin，MIT）；
    省级行政区简称（GB/T 2260）。
    修复：建议修复（--unsafe-fixes），改为建议的字或词。只在把握很大时报告，而且只是提示：改前的两字从未连用，
    改后成为词典中的词，字的相邻统计和词的统计都明显倾向于改后的写法；整词替换只换词典中的词，且只换成读音
    相同、更常见的词。不查的情形：人名（职务、称谓前后，列举中的姓名）、地名和机构名（后接村、路、河、街道、
    公司、高铁等）、省级简称组成的缩略语（“陕电入皖”）、引号和书名号中的文字、数字后的量词、不足四个汉字的片段
    （除非改后整段是常见词，如“柴政部”→“财政部”）、叠字和“倾心倾力”“应助尽助”“电竞电音”一类框架、首字相同或
    与前一项同位同字的并列项（“扶志、扶智”“知难克难、知责担责”）、文中出现两次以上的写法及与之相邻的字、
    繁体文稿。近音包括拼音输入法“模糊音”分不开的音（z/zh、n/l、in/ing 等）。新词、简称和专名仍可能误报，故为提示。
    """
    from . import _typo

    text = doc.norm
    runs = doc.han_runs
    # a draft in traditional script follows the usage of Taiwan or Hong Kong (於, 計畫, 志工), which the
    # mainland lexicon and counts do not know: not checked
    script = doc.script
    if script.majority == "traditional" or (script.majority is None and script.traditional > script.simplified):
        return
    for p, t in _typo.find_in(text, runs):
        # quoted text and book titles may be cited as written; a pair written twice is the draft's own term
        # (a slip is rarely repeated letter for letter)
        if doc.in_quotes(p) or text.count(t.bad) > 1:
            continue
        end = p + len(t.wrong)
        right = _fix_text(doc, text, p, end, t.right)
        yield Finding(p, end, f"“{t.bad}”不成词；常见为“{t.word}”，“{doc.text[p:end]}”应为“{right}”",
                      Fix.replace(p, end, right, f"改为“{right}”", applicability="unsafe"))
