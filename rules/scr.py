"""SCR — script: simplified and traditional characters mixed in one document, and non-standard variant forms.

The script majority of a document is the view ``script`` (read as ``doc.script``): the characters that belong
to one script only, counted with two compiled character classes generated from the OpenCC dictionaries
(``data/scr_chars.toml``, made by ``scripts/gen_scr_data.py``). Characters valid in both scripts (著 乾 瞭 干 台
里 于 后 余 范 云 准 征 群 …) are in neither class, so they are never flagged character by character.

The three rules analyse the whole document (no trigger): the majority needs every script-specific character, and
their character classes (thousands of characters) are scanned as bitmaps by one stdlib ``re`` class each.

Only SCR002 needs OpenCC itself (phrase-level conversion): it imports ``opencc_purepy`` lazily, and only for
documents whose majority is traditional.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import islice
from typing import Iterable, Iterator

import regex

from lintkit import Document, Finding, Fix, MASK, lazy_compile, rule, view
from lintkit.cache import compile_re

from ._common import load_data

# patterns used inside the rules (compiled once, not looked up in regex's cache on every call)
_HAN_ONLY = lazy_compile(r"\p{Han}+")

_CFG = load_data("scr")

def _pairs(s: str) -> dict[str, str]:
    return dict(zip(s[0::2], s[1::2]))


@dataclass(frozen=True)
class _Tables:
    t_only: frozenset[str]
    s_only: frozenset[str]
    variants: dict[str, tuple[str, str]]
    unsafe_variants: frozenset[str]
    ambiguous: frozenset[str]
    simplified_only_variants: frozenset[str]  # Big5 characters: variants in simplified text only (寔, 筭)
    hints: dict[str, str]  # looser variants (SCR003 at info) -> their standard simplified forms (蕐 -> 华)
    simplified_only_hints: frozenset[str]  # of those: Big5 characters, or written by OpenCC (衞, 唅)
    maps: dict[str, str]  # "t2s" and "s2t" as strings of pairs (the mappings are built on first use)

    @functools.cached_property
    def t2s(self) -> dict[str, str]:
        return _pairs(self.maps["t2s"])

    @functools.cached_property
    def s2t(self) -> dict[str, str]:
        return _pairs(self.maps["s2t"])


@functools.lru_cache(maxsize=None)
def _tables() -> _Tables:
    """Character classes generated from OpenCC (data/scr_chars.toml), loaded on first use (the patterns built
    from them: :class:`_ScriptPatterns`)."""
    ch = load_data("scr_chars")
    t_only = ch["classes"]["t_only"]
    s_only = ch["classes"]["s_only"]
    v = ch["variants"]
    variants = {k: (t, s) for k, t, s in zip(v["chars"], v["traditional"], v["simplified"])}
    h = ch["hints"]
    return _Tables(frozenset(t_only), frozenset(s_only), variants, frozenset(v["unsafe"]),
                   frozenset(ch["scr002"]["ambiguous"]), frozenset(v["simplified_only"]),
                   dict(zip(h["chars"], h["simplified"].split())), frozenset(h["simplified_only"]), ch["maps"])


#: a majority is clear when it has at least this many script-specific characters and the minority at most 5 %
#: (or, in a short document, at most 2 characters and a quarter of the majority)
MIN_MAJORITY = 10
MAX_MINORITY_SHARE = 0.05
MAX_STRAY = 2
#: below this many script-specific characters in total, the document is too short to judge
MIN_SPECIFIC = 10


class _ScriptPatterns:
    """One-character classes (stdlib ``re``) of the traditional-only, simplified-only and variant characters, and
    runs of the first two. A class of Basic Multilingual Plane characters compiles to a bitmap that ``re`` scans
    at ~1 ns per character (a set test or ``str.translate`` costs 20–30× more); a class with characters beyond
    U+FFFF falls back to a list that is scanned member by member, so those are only used for the rare documents
    that contain such characters (``astral=True``)."""

    def __init__(self, tables: _Tables, astral: bool) -> None:
        variants = set(tables.variants)
        # the precedence of the old marker table: a variant form (説) is neither script; a character listed in
        # both generated classes counts as simplified
        s_chars = tables.s_only - variants
        t_chars = tables.t_only - tables.s_only - variants

        def members(chars: Iterable[str]) -> str:
            kept = "".join(sorted(chars))
            return re.escape(kept if astral else _ASTRAL.sub("", kept))

        t, s_, v = members(t_chars), members(s_chars), members(variants)
        self.t = compile_re(f"[{t}]")
        self.s = compile_re(f"[{s_}]")
        self.v = compile_re(f"[{v}]")
        self.h = compile_re(f"[{members(set(tables.hints) - variants - t_chars - s_chars)}]")
        self.t_runs = compile_re(f"[{t}]+")
        self.s_runs = compile_re(f"[{s_}]+")
        # at least MIN_SPECIFIC simplified-only characters, found in one call (the two classes are disjoint:
        # no backtracking)
        self.enough_s = compile_re(f"[{s_}](?:[^{s_}]*[{s_}]){{{MIN_SPECIFIC - 1}}}")


def _count(char_class, text: str, chunk: int = 1 << 14) -> int:
    """``len(char_class.findall(text))`` for a one-character class, found a chunk at a time, so that no list of
    a million one-character strings is built for a large traditional draft."""
    findall = char_class.findall
    return sum(len(findall(text, i, i + chunk)) for i in range(0, len(text), chunk))


@functools.lru_cache(maxsize=None)
def _script_patterns(astral: bool) -> _ScriptPatterns:
    return _ScriptPatterns(_tables(), astral)


_ASTRAL = compile_re("[\U00010000-\U0010ffff]")


def _majority(s: int, t: int) -> str | None:
    total = s + t
    if total < MIN_SPECIFIC:
        return None
    big, small = max(s, t), min(s, t)
    if big >= MIN_MAJORITY and (small <= MAX_MINORITY_SHARE * total or (small <= MAX_STRAY and 4 * small <= big)):
        return "simplified" if s >= t else "traditional"
    return "mixed"


class ScriptInfo:
    """Counts of script-specific characters in ``doc.masked`` and the document's script majority:
    ``"simplified"``, ``"traditional"``, ``"mixed"``, or None (too few script-specific characters)."""

    __slots__ = ("traditional", "majority", "masked", "patterns", "_simplified", "_variants")

    def __init__(self, masked: str, patterns: _ScriptPatterns, simplified: int | None, traditional: int,
                 majority: str | None) -> None:
        self.masked = masked
        self.patterns = patterns
        self._simplified = simplified
        self._variants: int | None = None
        self.traditional = traditional  # traditional-only characters
        self.majority = majority

    @property
    def simplified(self) -> int:
        """Simplified-only characters (counted on first use when the majority was decided without the full
        count)."""
        if self._simplified is None:
            self._simplified = _count(self.patterns.s, self.masked)
        return self._simplified

    @property
    def variants(self) -> int:
        """Variant forms (SCR003), counted on first use."""
        if self._variants is None:
            self._variants = _count(self.patterns.v, self.masked)
        return self._variants


def _script_info(doc: Document) -> ScriptInfo:
    masked = doc.masked
    pats = _script_patterns(_ASTRAL.search(masked) is not None)
    t = _count(pats.t, masked)
    if t == 0 and pats.enough_s.search(masked):
        return ScriptInfo(masked, pats, None, t, "simplified")  # the common case: a simplified draft
    # Simplified-only characters are counted only as far as the decision needs: the majority is "simplified" for
    # every count from `cap` up once it is for `cap` (both tests below grow with s), so a simplified draft with
    # no traditional character stops after 10 matches instead of collecting the thousands of its characters.
    cap = 20 * t + MIN_SPECIFIC
    if cap >= _COUNT_ALL_FROM:
        # a large cap (a traditional or mixed draft): counting them all in C costs less than stepping through up
        # to `cap` matches in Python, and the answer is the same (majority "simplified" from `cap` up)
        s = _count(pats.s, masked)
        return ScriptInfo(masked, pats, s, t, "simplified" if s >= cap and _majority(cap, t) == "simplified"
                          else _majority(s, t))
    s = sum(1 for _ in islice(pats.s.finditer(masked), cap))
    if s < cap:
        return ScriptInfo(masked, pats, s, t, _majority(s, t))
    if _majority(cap, t) == "simplified":
        return ScriptInfo(masked, pats, None, t, "simplified")
    s = _count(pats.s, masked)
    return ScriptInfo(masked, pats, s, t, _majority(s, t))


# from this cap up the simplified-only characters are all counted at once: one count in C costs less than
# stepping through that many matches in Python
_COUNT_ALL_FROM = 500


@view("script")
def script_view(doc: Document) -> ScriptInfo:
    """The script of ``doc.masked``: counts of the characters that belong to the simplified or the traditional
    script only, and the majority (``"simplified"``, ``"traditional"``, ``"mixed"``, or None when there are too
    few such characters to judge); a :class:`ScriptInfo`."""
    return _script_info(doc)


# ------------------------------------------------------------------------------------------------- SCR001
@rule("SCR001", "mixed-script", severity="warning", fix="safe")
def mixed_script(doc: Document) -> Iterator[Finding]:
    """简体文稿中夹杂繁体字，或繁体文稿中夹杂简体字。

    为什么：同一篇文稿应统一使用一种字形；简繁夹杂多由复制网页材料、输入法切换或转换不完整造成，
    印发的公文应使用规范简体字（《通用规范汉字表》）。
    错误示例：妇联工作總结（简体文稿中的“總”）；婦聯工作总結（繁体文稿中的“总”）
    正确写法：妇联工作总结；婦聯工作總結
    依据：《中华人民共和国国家通用语言文字法》；《通用规范汉字表》（2013）；OpenCC 简繁字表。
    修复：全文简繁比例明确（一方至少 10 字、另一方不超过 5%，短文中不超过 2 字）时，逐字报告少数一方的字；一一对应的字安全修复，
    一对多的字（如繁体“乾”）只报告。引号、书名号内的字（引用的繁体书名、题词）降为提示，不自动修复。
    简繁比例不明确（两种字形都大量出现）时，全文只报告一次，给出两种字形的字数。
    两种字形都通用的字（著 乾 瞭 干 台 里 于 后 余 范 云 准 征 群 等）不单字报告，见 SCR002。
    """
    info = doc.script
    if info.majority is None:
        return
    pats = info.patterns
    if info.majority == "mixed":
        first = (pats.t if info.traditional <= info.simplified else pats.s).search(info.masked)
        if first is None:
            return
        i = first.start()
        yield Finding(i, i + 1,
                      f"全文简繁混用：简体专用字 {info.simplified} 个，繁体专用字 {info.traditional} 个，"
                      f"请统一字形（首个少数字形的字“{doc.text[i]}”）")
        return
    if (info.traditional if info.majority == "simplified" else info.simplified) == 0:
        return  # no character of the minority script
    tables = _tables()  # (only now: a draft in one script, the usual case, needs no table)
    if info.majority == "simplified":
        runs, mapping, what, target = pats.t_runs, tables.t2s, "繁体字", "简体"
    else:
        runs, mapping, what, target = pats.s_runs, tables.s2t, "简体字", "繁体"
    majority_name = "简体" if info.majority == "simplified" else "繁体"
    for run in runs.finditer(info.masked):
        s, e = run.span()
        if e - s <= 2 and _titled_name(info.masked, s, e):
            continue
        chars = doc.text[s:e]
        converted = "".join(mapping.get(c, "") for c in chars)
        quoted = doc.in_quotes(s, e)
        fix = None
        if len(converted) == len(chars):
            fix = Fix.replace(s, e, converted, f"改为{target}“{converted}”",
                              applicability="unsafe" if quoted else "safe")
            message = f"{majority_name}文稿中出现{what}“{chars}”，应为“{converted}”"
        else:
            message = f"{majority_name}文稿中出现{what}“{chars}”"
        yield Finding(s, e, message, fix, severity="info" if quoted else None)


# ------------------------------------------------------------------------------------------------- SCR002
_MERGED: dict[str, frozenset[str]] = {}
for _group in _CFG["scr002"]["merged"]:
    for _c in _group:
        _MERGED[_c] = frozenset(_group)
_REGIONAL = frozenset(_CFG["scr002"]["regional"])
_SURNAMES = frozenset(regex.sub(r"\s", "", _CFG["scr002"]["surnames"]))
_NAME_FOLLOWERS = lazy_compile(r"(?:等|同志|家庭|女士|先生|老[师師]|主任|[书書][记記])")
# titles after a name: a surname-initial token before them is a name whatever precedes it (的范小云同志)
_NAME_TITLES = lazy_compile(r"(?:同志|女士|先生|老[师師]|[书書][记記]|主任|[议議委][员員]|主席|代表|教授|博士|"
                            r"[会會镇鎮县縣区區乡鄉局处處科院校所司][长長])")
_NAME_LEFT = set("、，,：:（(“ \u3000") | {MASK}


@functools.lru_cache(maxsize=None)
def _candidate_re() -> re.Pattern[str]:
    chars = (_tables().ambiguous | set(_MERGED)) - _REGIONAL
    return compile_re("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


_PIECES = lazy_compile(r"[^" + MASK + r"]+")
# A chain: Han runs separated only by masked spans (對(duì)于 is converted as 對于). Every key of the OpenCC
# dictionaries used by the round trip consists of Han characters (tests/rules/test_scr.py checks this), so no
# phrase spans a non-Han character, and converting each chain on its own gives exactly what converting the
# whole sentence gives.
_CHAIN_RIGHT = lazy_compile(r"\p{Han}+(?:" + MASK + r"+\p{Han}+)*")
_CHAIN_LEFT = lazy_compile(r"(?r)(?:\p{Han}+" + MASK + r"+)*\p{Han}*")  # matched backwards, ending at endpos


@functools.lru_cache(maxsize=None)
def _converter(config: str):
    from opencc_purepy import OpenCC  # heavy: imported only when a traditional document needs it

    return OpenCC(config)


def _titled_name(text: str, s: int, e: int) -> bool:
    """True when ``text[s:e]`` lies in a 2–3 character token that starts with a surname and is followed by a
    title (李慧琼議員, 陳恒鑌議員): a person's name, written as its bearer writes it."""
    for length in (3, 2):
        for start in range(max(0, e - length), s + 1):
            end = start + length
            if end <= len(text) and text[start] in _SURNAMES and _HAN_ONLY.fullmatch(text, start, end) \
                    and _NAME_TITLES.match(text, end) is not None:
                return True
    return False


def _looks_like_name(text: str, pos: int) -> bool:
    """True when ``pos`` lies in a 2–3 character token that starts with a surname and stands in a list of names
    (after 、，： or at a line start; before 、，等 同志 家庭 …): 為王應連、趙菊云等5名."""
    n = len(text)
    if text[pos] in _SURNAMES and _NAME_TITLES.match(text, pos + 1) is not None:
        return True  # a surname with a title: 于先生, 范女士, 于會長
    for length in (3, 2):
        for start in range(pos - length + 1, pos + 1):
            end = start + length
            if start < 0 or end > n or text[start] not in _SURNAMES:
                continue
            token = text[start:end]
            if not _HAN_ONLY.fullmatch(token):
                continue
            if _NAME_TITLES.match(text, end) is not None and length == 3:
                return True
            left_ok = start == 0 or text[start - 1] in _NAME_LEFT or text[start - 1] in "\r\n"
            right = text[end:end + 2]
            right_ok = (end == n or right[:1] in "、，,）)；;。" or _NAME_FOLLOWERS.match(right) is not None)
            if left_ok and right_ok:
                return True
    return False


#: chains up to this length keep their round-trip result in a cache (a draft repeats its clauses: 今後, 關於…發展)
_CACHED_CHAIN = 200


def _round_trip_diffs(compact: str) -> tuple[tuple[int, str, bool], ...] | None:
    """(index, character after the round trip, whether the original is a simplified form) of the candidates
    that the round trip changes."""
    if len(compact) <= _CACHED_CHAIN:
        return _cached_round_trip_diffs(compact)
    return _compute_round_trip_diffs(compact)


@functools.lru_cache(maxsize=None)
def _phrases() -> tuple[frozenset[str], int]:
    """The OpenCC phrases (simplified) that hold a checked character (data/scr_phrases.toml), and the longest."""
    words = frozenset(load_data("scr_phrases")["phrases"].split())
    return words, max(map(len, words))


def _in_phrase(simp: str, i: int) -> bool:
    """True when an OpenCC phrase covers ``simp[i]``: the conversion there comes from a word."""
    words, longest = _phrases()
    n = len(simp)
    for length in range(2, min(longest, n) + 1):
        for start in range(max(0, i - length + 1), min(i, n - length) + 1):
            if simp[start:start + length] in words:
                return True
    return False


def _compute_round_trip_diffs(compact: str) -> tuple[tuple[int, str, bool], ...] | None:
    simp = _converter("t2s").convert(compact)
    tw = _converter("s2tw").convert(simp)
    hk = _converter("s2hk").convert(simp)
    if not (len(tw) == len(hk) == len(compact) == len(simp)):
        return None
    out = []
    ambiguous = _tables().ambiguous
    for m in _candidate_re().finditer(compact):
        i = m.start()
        a, b = compact[i], tw[i]
        if a == b or a in _REGIONAL or b in _REGIONAL:
            continue
        if hk[i] != b:
            continue  # Taiwan and Hong Kong write it differently (秘書/祕書): a regional choice, not an error
        if not (a in ambiguous or (a in _MERGED and b in _MERGED[a])):
            continue
        if b == simp[i] != a:
            continue  # the dictionary's character is the simplified form of the text's (製 → 制, 鬆 → 松)
        if not _in_phrase(simp, i):
            continue  # only a character default (我准你, 范國威): no word says which character is meant
        out.append((i, b, simp[i] == a))
    return tuple(out)


_cached_round_trip_diffs = functools.lru_cache(maxsize=4096)(_compute_round_trip_diffs)


@rule("SCR002", "simplified-leftover", severity="warning", fix="unsafe")
def simplified_leftover(doc: Document) -> Iterator[Finding]:
    """繁体文稿中残留了简繁转换时没有转对的字（婦女干部、屬于、今后、示范）。

    为什么：“干、于、后、范、余、云”等简体字对应多个繁体字（幹/乾/干、於/于、後/后、範/范……），
    机器转换或手工输入时常常留下简体字。这些字本身在繁体中也存在（干涉、皇后、姓范），所以只能按词判断，
    不能逐字报告。
    错误示例：婦女干部；屬于溫暖；為今后工作；示范村；10余次；科學喂養
    正确写法：婦女幹部；屬於溫暖；為今後工作；示範村；10餘次；科學餵養
    依据：OpenCC 词组级简繁转换（STPhrases，台湾 s2tw 与香港 s2hk 两套标准）；《通用规范汉字表》附件
    《规范字与繁体字、异体字对照表》。
    修复：建议修复（--unsafe-fixes）。只在全文以繁体为主时检查：把句子先转成简体再按词转回繁体，只报告
    转回后改变了的、有歧义的字，并且要同时满足：OpenCC 的词组表中有覆盖这个字的词（“我准你”“范國威”只是
    单字的默认转换，不报告）；台湾标准和香港标准转回的结果相同（秘書/祕書 这类地区差异不报告）；人名
    （名单中的“趙菊云”、职衔前的“于先生”“范國威議員”）不报告。原字本身是繁体字、只是与另一个繁体字在简化时
    合并（收獲/收穫、盡快/儘快、沖突/衝突）时，各地用法不一，只作提示；原字是繁体字而词典给的是它的简化字形
    （製→制、鬆→松）时不报告。地区用字差异（咨詢/諮詢、群/羣、台/臺、裡/裏）也不报告。需要 opencc-purepy
    （lintkit 的依赖，按需导入）。
    """
    info = doc.script
    if info.majority != "traditional":
        return
    masked = doc.masked
    # one compact string per chain of Han characters that has a candidate, masked spans (pinyin annotations)
    # removed: only these few clauses go through the (pure Python) converter, not whole sentences
    units: list[tuple[str, list[int], list[int]]] = []
    chain_end = -1
    for c in _candidate_re().finditer(masked):
        p = c.start()
        if p < chain_end:
            continue  # in the chain of an earlier candidate
        right = _CHAIN_RIGHT.match(masked, p)
        if right is None:
            continue  # not a Han character: the converter never changes it
        s = _CHAIN_LEFT.match(masked, 0, p).start()
        e = chain_end = right.end()
        compact_starts: list[int] = []
        orig_starts: list[int] = []
        parts = []
        pos = 0
        for m in _PIECES.finditer(masked, s, e):
            compact_starts.append(pos)
            orig_starts.append(m.start())
            parts.append(m.group())
            pos += len(m.group())
        units.append(("".join(parts), compact_starts, orig_starts))
    if not units:
        return
    found: list[tuple[int, str, bool]] = []
    for compact, cstarts, ostarts in units:
        diffs = _round_trip_diffs(compact)
        if not diffs:
            continue
        for i, b, leftover in diffs:
            k = bisect_right(cstarts, i) - 1
            found.append((ostarts[k] + i - cstarts[k], b, leftover))
    for pos, b, leftover in found:
        if _looks_like_name(masked, pos):
            continue
        a = doc.text[pos]
        left = masked[pos - 1] if pos > 0 and masked[pos - 1] != MASK else ""
        right = masked[pos + 1] if pos + 1 < len(masked) and masked[pos + 1] != MASK else ""
        word = f"{left}{a}{right}"
        if leftover:
            yield Finding(pos, pos + 1, f"繁体文稿中“{word}”的“{a}”应为“{b}”",
                          Fix.replace(pos, pos + 1, b, f"改为“{b}”", applicability="unsafe"))
        else:  # two traditional characters that simplification merged (收獲/收穫, 製/制): usage varies by region
            yield Finding(pos, pos + 1, f"繁体文稿中“{word}”的“{a}”按词典宜为“{b}”（两字简化后合并为一字，请核对）",
                          Fix.replace(pos, pos + 1, b, f"改为“{b}”", applicability="unsafe"), severity="info")


# ------------------------------------------------------------------------------------------------- SCR003
_KANA = lazy_compile(r"[\p{Hiragana}\p{Katakana}]")
_KANA_WINDOW = 20


@rule("SCR003", "variant-form", severity="warning", fix="safe")
def variant_form(doc: Document) -> Iterator[Finding]:
    """使用了异体字、日文新字体或兼容区汉字，如“徳耀龙乡”的“徳”、“靑年”的“靑”。

    为什么：异体字（靑 硏 眞 敎）、日文新字体（徳 説 図 戦）、康熙部首与兼容区汉字看上去与规范字相似，却是
    不同的字符，检索、排版和校对都会出错，也不符合规范用字。
    错误示例：“徳耀龙乡”家风建设；図书室；作戦；靑年干部；硏究制定
    正确写法：“德耀龙乡”家风建设；图书室；作战；青年干部；研究制定
    依据：《通用规范汉字表》（2013，Unihan kTGH）；Unicode Unihan 异体字数据（kZVariant、kSpoofingVariant、
    kSemanticVariant、kEACC）；OpenCC 日文新字体表（JPShinjitaiCharacters）与港台异体字表；Unicode 兼容汉字的规范
    分解。字表由 scripts/gen_scr_data.py 生成：既不在《通用规范汉字表》也不在 Big5 字集、OpenCC 也不使用的字，
    只有一个规范字与之对应时才收入；在 Big5 字集中、不在《通用规范汉字表》中、对应的规范字有简化字形的
    （寔→实、筭→算、旹→时），只在简体文稿中报告。
    修复：按全文字形改为规范简体字或规范繁体字（全文简繁不明时，只在两者相同时修复）；同一字形的异体（Z 变体、
    EACC 同码）安全修复，只知是语义异体的（如“㐅”与“五”）只给建议修复（--unsafe-fixes）。附近有日文假名
    （引用日文原名）时不报告。
    关系较松的异体字（Unihan 的 kSpecializedSemanticVariant、反向的异体关系、OpenCC 港台日异体字表，含扩展 B 区
    以后的字，如“蕐”“㓟”“胷”“𠮷”）只作提示（info）：它们也可能是人名、地名用字。不在《通用规范汉字表》和
    GB 2312 中的字才提示，且只在全文简繁明确时提示；Big5 字集中的字（“唅”“衞”）只在简体文稿中提示；姓氏加职衔
    （“X同志”“X主任”）中的字不提示。
    """
    info = doc.script
    masked = doc.masked
    variants = _tables().variants
    unsafe = _tables().unsafe_variants
    simplified_only = _tables().simplified_only_variants
    for found in info.patterns.v.finditer(info.masked):
        s = found.start()
        char = doc.text[s]
        if char not in variants:
            continue
        if char in simplified_only and not (info.majority == "simplified" or (
                info.majority is None and info.traditional <= info.simplified)):
            continue  # a Big5 character (寔): standard in traditional text
        if _KANA.search(masked, max(0, s - _KANA_WINDOW), min(len(masked), s + 1 + _KANA_WINDOW)):
            continue
        trad, simp = variants[char]
        if info.majority == "traditional":
            target: str | None = trad
        elif info.majority == "simplified":
            target = simp
        elif info.majority is None:  # a short text: the side with more specific characters, else simplified
            target = trad if info.traditional > info.simplified else simp
        else:
            target = simp if trad == simp else None
        if target is None:
            yield Finding(s, s + 1, f"“{char}”是异体字或日文字形，规范字为“{simp}”（简体）或“{trad}”（繁体）")
            continue
        yield Finding(s, s + 1, f"“{char}”是异体字或日文字形，应为“{target}”",
                      Fix.replace(s, s + 1, target, f"改为“{target}”",
                                  applicability="unsafe" if char in unsafe else "safe"))
    yield from _variant_hints(doc, info)


def _variant_hints(doc: Document, info: ScriptInfo) -> Iterator[Finding]:
    """SCR003's hints: the looser variants (data/scr_chars.toml [hints]), at info."""
    tables = _tables()
    masked = doc.masked
    if info.majority not in ("simplified", "traditional"):
        return  # a fragment or a mixed draft: no script to hold a rare character against
    simplified_side = info.majority == "simplified"
    for found in info.patterns.h.finditer(info.masked):
        s = found.start()
        char = doc.text[s]
        forms = tables.hints.get(char)
        if forms is None or (char in tables.simplified_only_hints and not simplified_side):
            continue
        if _KANA.search(masked, max(0, s - _KANA_WINDOW), min(len(masked), s + 1 + _KANA_WINDOW)) \
                or _titled_name(masked, s, s + 1):
            continue  # a Japanese name; a person's name before a title (X同志)
        if info.majority == "traditional":
            forms = "".join(tables.s2t.get(c, c) for c in forms)
        shown = "”或“".join(forms)
        fix = Fix.replace(s, s + 1, forms, f"改为“{forms}”", applicability="unsafe") if len(forms) == 1 else None
        yield Finding(s, s + 1, f"“{char}”是生僻的异体字，规范字为“{shown}”（人名、地名用字除外，请核对）", fix,
                      severity="info")
