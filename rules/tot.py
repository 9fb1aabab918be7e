"""TOT — totals, parts and percentages. Parts introduced by 其中/分别 that add up to more than their total, a
part larger than its whole, a percentage impossible for the stated count, a stated count that disagrees with the
items listed.

One analysis per document (the view ``quantity_statements``), shared by the rules, on the normalised text
(the view ``norm``: traditional characters and fullwidth digits mapped, same offsets), one sentence at a time:

1. quantity tokens: an arabic (``19.2``) or Chinese (``十九``, parsed per token by ``_zh.cn_int``) number with
   万/亿, 多/余, a prefix 共/近/约/超过… and a measure word from ``data/num.toml``. Arithmetic is
   :class:`~decimal.Decimal`; money is normalised to 元 (``4800元`` = ``0.48万元``); 人/名/位 count the same things,
   ``人次`` does not; an approximate number (``近600``, ``600多``, ``20余``, ``300以上``) is an interval;
2. a total is the token right before ``其中``/``分别``; its parts are the tokens of the same unit after it, up to the
   end of the sentence (or of the bracket that ``（其中：`` opens). Parts that close their clause (``规模以上企业6家``)
   are a partition, so their sum is checked; parts followed by a predicate (``6户荣获市级……``) are subsets that may
   overlap, so only "part larger than the whole" is checked; a 其中 with one part is a subset;
3. a total that ends a sentence (``资助金额共3.98万元。``) with its details in the following sentences of the
   paragraph (``doc.logical_paragraphs``; up to the next ``二是``/``（二）``/``2.``) is checked the same way, at a
   lower severity.

Numbers that are not quantities — years (``2021年``), ordinals (``第71个``), codes (``12338``) — never become
tokens: a token needs a measure word, and 年/届 are not counted.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Iterator, NamedTuple

import regex

from lintkit import Document, Finding, Trigger, lazy_compile, rule, view

from ._common import load_data
from ._zh import CN_NUM_CHARS, LazyRegex, literal_alternation, sentences_at_each, sentences_of, to_decimal

# patterns used inside the rules (compiled once, not looked up in regex's cache on every call)
_TOTAL_WORD_BEFORE = lazy_compile(r"总(?:价值|金额|额|计|数)[^，,。；;]{0,4}$")
_DIGIT = lazy_compile(r"\d")
_NOT_A_PLAIN_LIST = lazy_compile(r"\d|等|其中|包括|含|分别|如")
_CONJUNCTION = lazy_compile(r"和|及|与|暨")
_HAN_ONLY = lazy_compile(r"\p{Han}+")
_DIGIT_OR_QIZHONG = lazy_compile(r"\d|其中")

_BIG = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
_PRE_WORDS = ("将近", "接近", "近", "大约", "约", "超过", "逾", "达到", "达")  # with _TOTAL_PRE: a token's prefix
_CN_LEADING = "零〇一二两三四五六七八九十"
_TOTAL_PRE = ("共", "共计", "合计", "总计", "累计", "总数", "共有", "总共", "一共")
_PRE_LEN = max(map(len, _TOTAL_PRE + _PRE_WORDS))
# the first character of a token's number (group num of the token pattern)
_NUMERAL = LazyRegex(r"[\d" + CN_NUM_CHARS + r"]", _stdlib=True)


class Qty(NamedTuple):  # a tuple: built several times per sentence, a frozen dataclass costs 5× more
    start: int
    end: int
    lo: Decimal
    hi: Decimal | None  # None: no upper bound ("300人以上")
    exact: bool
    unit: str  # unit class: "人" for 人/名/位, "元" for money, else the measure word
    shown: str  # the number as written, without 万/亿 ("3.5万元" -> "3.5", "600多名" -> "600多")
    factor: Decimal  # value = number * factor (in the unit class)
    pre: str
    mw: str

    @property
    def value(self) -> Decimal:
        return self.lo


@functools.lru_cache(maxsize=1)
def _tables() -> tuple["regex.Pattern[str]", frozenset[str], frozenset[str], dict[str, Decimal], frozenset[str]]:
    data = load_data("num")
    money = {k: Decimal(v) for k, v in data["money"].items()}
    counts = list(data["count_words"])
    words = set(counts) | set(money) | {"人次", "场次", "户次"}
    mw = literal_alternation(words)
    pre = literal_alternation(_TOTAL_PRE + _PRE_WORDS)
    token = lazy_compile(
        r"(?P<pre>" + pre + r")?(?<![\d.第])(?P<num>\d+(?:\.\d+)?|(?<![" + CN_NUM_CHARS + r"])[" + CN_NUM_CHARS
        + r"]+)\s?(?P<approx>多|余)?(?P<big>[万亿])?(?P<approx2>多|余)?\s?(?P<mw>" + mw + r")(?P<post>以上|左右)?"
    )
    mw_last = frozenset(w[-1] for w in words)  # the characters a token ends with
    return token, frozenset(data["person_words"]), frozenset(counts), money, mw_last


@functools.lru_cache(maxsize=1)
def _token_ends() -> frozenset[str]:
    """The characters a token of ``_tables()[0]`` ends with: the last one of a measure word or of 以上/左右."""
    return _tables()[4] | {"上", "右"}


def _interval(num: Decimal, text_num: str, factor: Decimal, approx: str | None, pre: str, post: str,
              ) -> tuple[Decimal, Decimal | None, bool]:
    v = num * factor
    if approx:
        if "." in text_num:
            step = Decimal(1).scaleb(-len(text_num.split(".")[1]))
        else:
            digits = text_num if text_num[:1].isdigit() else str(int(num))
            zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
            step = Decimal(10) ** zeros
        return v, (num + step) * factor, False
    if pre in ("近", "将近", "接近"):
        return v * Decimal("0.8"), v, False
    if pre in ("约", "大约") or post == "左右":
        return v * Decimal("0.8"), v * Decimal("1.2"), False
    if pre in ("超过", "逾") or post in ("以上", "多"):
        return v, None, False
    return v, v, True


@functools.lru_cache(maxsize=16_384)  # drafts repeat the same few quantities ("1个", "3人")
def _value(num_text: str, approx: str | None, big: str | None, mw: str, pre: str, post: str) -> tuple | None:
    """The fields of a token after its offsets (``Qty[2:]``), or None when ``num_text`` is not a numeral."""
    if not num_text[:1].isdigit() and num_text[0] not in _CN_LEADING:
        return None  # 千家万户, 万人: not a numeral
    num = to_decimal(num_text)
    if num is None:
        return None
    _token, persons, _counts, money, _last = _tables()
    factor = _BIG[big] if big else Decimal(1)
    if mw in money:
        unit = "元"
        factor *= money[mw]
    elif mw in persons:
        unit = "人"
    else:
        unit = mw
    lo, hi, exact = _interval(num, num_text, factor, approx, pre, post)
    return lo, hi, exact, unit, num_text + (approx or ""), factor, pre, mw


def tokens(doc: Document, start: int, end: int) -> list[Qty]:
    """Quantity tokens of ``doc.norm[start:end]``."""
    text = doc.norm
    out: list[Qty] = []
    # every token has a numeral (its number's first character), at most _PRE_LEN characters after its start: no
    # token starts earlier than that before the first numeral, and the pattern's look-behinds read the text
    # before the scan's start, so scanning from there finds the same tokens (the pattern starts with an
    # optional alternation: it is tried at every position it is given)
    n = _NUMERAL.search(text, start, end)
    if n is None:
        return out
    start = max(start, n.start() - _PRE_LEN)
    for m in _tables()[0].finditer(text, start, end):
        pre, num_text, approx, big, approx2, mw, post = m.groups()
        v = _value(num_text, approx or approx2, big, mw, pre or "", post or "")
        if v is not None:
            out.append(Qty(m.start(2), m.end(6), *v))
    return out


def _fmt(d: Decimal) -> str:
    return format(d.normalize(), "f")


def _in_unit(q: Qty, total: Qty) -> str:
    """The number of ``q`` expressed in the unit of ``total`` (for messages: 4800元 under a 万元 total → 0.48)."""
    if q.factor == total.factor:
        return q.shown
    return _fmt(q.lo / total.factor)


# ------------------------------------------------------------------------------------------------- analysis
@dataclass(frozen=True)
class Statement:
    kind: str  # "sum" (parts add up to more than the total), "part" (a part larger than the whole)
    start: int
    end: int
    total: Qty
    parts: tuple[Qty, ...]
    severity: str | None


_TOTAL_WINDOW = 40  # characters before 其中 in which its total is looked for
_PARTS_WINDOW = 400  # characters after 其中 in which its parts are looked for
_ANCHOR = LazyRegex(r"其中|分别(?:为|是|有)")
_BETWEEN_TOTAL_ANCHOR = LazyRegex(r"[\s，,、：:（(]*")
# _BETWEEN_TOTAL_ANCHOR read backwards from the anchor
_GAP_BEFORE = LazyRegex(r"(?r)[\s，,、：:（(]*")
_CLAUSE_SEP = LazyRegex(r"[，,、；;：:]")
_ENUMERATOR = LazyRegex(r"\s*(?:[一二三四五六七八九十]是|[（(][一二三四五六七八九十]+[）)]|(?<![\d.])\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十]+[，,、])")
_CLOSE = {"（": "）", "(": ")"}


def _clause_end(text: str, pos: int, end: int) -> int:
    m = _CLAUSE_SEP.search(text, pos, end)
    return m.start() if m else end


_QIZHONG_FENBIE = LazyRegex(r"其中|分别", _stdlib=True)


@view("quantity_statements")
def quantity_statements(doc: Document) -> list[Statement]:
    """The totals of the document checked against their parts (see the module documentation), as ``Statement``s
    of two kinds: ``sum`` (parts that add up to more than their total) and ``part`` (a part larger than its
    whole). A statement comes from a sentence with 其中/分别, or from a sentence that ends with a money total
    (``共……元。``) and the sentences after it in its paragraph."""
    text = doc.norm
    out: list[Statement] = []
    sentences = doc.sentences
    for si in sentences_of(doc, [m.start() for m in _QIZHONG_FENBIE.finditer(text)]):
        out.extend(_anchored(doc, text, *sentences[si]))
    out.extend(_cross_sentence(doc, text))
    return out


def _total_before(doc: Document, text: str, ss: int, a_start: int) -> Qty | None:
    """The total of the anchor at ``a_start``: the last token of the window before it (in the sentence starting
    at ``ss``), if only _BETWEEN_TOTAL_ANCHOR's separators lie between the two."""
    # windows around the anchor keep the cost linear on 1 MB lines without a sentence end
    lo = max(ss, a_start - _TOTAL_WINDOW)
    # No token ends with a separator, so the total ends at j, where the separators before the anchor begin, and
    # the character before j ends a token; else there is no total (tested before tokenising). A token holds no
    # punctuation of _TOKEN_BREAK_BEFORE: the tokens after the last one before j are those a scan of the whole
    # window finds there, and if the total exists it is the last of them.
    j = _GAP_BEFORE.match(text, lo, a_start).start()
    if j <= lo:
        return None
    if text[j - 1] not in _token_ends():
        return _total_with_noun(doc, text, lo, j) if text.startswith("其中", a_start) else None
    b = _TOKEN_BREAK_BEFORE.search(text, lo, j)
    before = tokens(doc, b.end() if b else lo, a_start)
    if not before:
        return None
    total = before[-1]
    if not _BETWEEN_TOTAL_ANCHOR.fullmatch(text, total.end, a_start):
        return _total_with_noun(doc, text, lo, j) if text.startswith("其中", a_start) else None
    return total


# the words of the counted thing after a total, up to the end of its clause (共有12个村，其中…; 共有30家企业参加，其中…):
# Han characters only, no conjunction (12个村和部分社区: the whole is more than the count) and no word that makes the
# clause say something else of the number (占, 比, 增, 每, 各, 以上)
_NOUN_AFTER_TOTAL = LazyRegex(r"(?:(?![和及与或等占比增减每各以])\p{Han}){1,10}")
_CLAUSE_START = LazyRegex(r"(?r)[，,、；;：:（(。]")


def _total_with_noun(doc: Document, text: str, lo: int, j: int) -> Qty | None:
    """The total of a 其中 whose clause names the counted thing after the number (全县共有12个村，其中贫困村8个): the
    last token of the clause that ends at ``j``, followed by the thing's words (_NOUN_AFTER_TOTAL) only."""
    c = _CLAUSE_START.search(text, lo, j)
    cs = c.end() if c else lo
    before = tokens(doc, cs, j)
    if not before:
        return None
    total = before[-1]
    if not _NOUN_AFTER_TOTAL.fullmatch(text, total.end, j):
        return None
    return total


# a total that is an average (年均超收2040亿元) or a change (比上年增加1500亿元) is no whole of the parts after 其中
_NOT_A_WHOLE = LazyRegex(r"(?:年均|平均|人均|户均|日均|月均|每年|每月)[^，,。；;：:]{0,6}$"
                         r"|(?:增加|增长|减少|下降|提高|降低|上升)(?:了|达到|达|为|约|近|超过)?$")
# a quantity per member (分为两组，各10名)
_EACH_BEFORE = LazyRegex(r"(?:各|每|均)\s?$")
# the first clause after 其中 (its leading separators skipped)
_FIRST_CLAUSE = LazyRegex(r"[\s，,：:]*(?P<clause>[^，,、；;。：:]*)")


def _anchored(doc: Document, text: str, ss: int, se: int) -> list[Statement]:
    out: list[Statement] = []
    for am in _ANCHOR.finditer(text, ss, se):
        a_start, a_end = am.span()
        total = _total_before(doc, text, ss, a_start)
        if total is None:
            continue
        if _NOT_A_WHOLE.search(text, max(ss, total.start - 10), total.start):
            continue
        first = _FIRST_CLAUSE.match(text, a_end, se)
        if first.group("clause") and not tokens(doc, first.start("clause"), first.end("clause")):
            continue  # 其中：蓝天供热站，供热面积…，机组4座: the clauses describe one member, they are no parts
        gap = text[total.end:a_start]
        region_end = se
        opener = next((c for c in gap if c in _CLOSE), None)
        if opener:
            close = text.find(_CLOSE[opener], a_end, se)
            region_end = close if close >= 0 else se
        nxt = _ANCHOR.search(text, a_end, region_end)
        if nxt:
            region_end = nxt.start()
        region_end = min(region_end, a_end + _PARTS_WINDOW)
        parts = []
        for t in tokens(doc, a_end, region_end):
            if t.unit != total.unit:
                continue
            if _TOTAL_WORD_BEFORE.search(text[max(a_end, t.start - 8):t.start]) or _EACH_BEFORE.search(
                    text, max(a_end, t.start - 2), t.start):
                break  # 负债总额为1727万元: a new total; 各10名: a figure per member; the parts ended before it
            parts.append(t)
        # the list of parts ends where a clause without a part comes between two of them (其中贫困村92个，非贫困村43个，
        # 坚持稳中求进……，取得“三个新的更大进展”: the last 个 belongs to another clause of the sentence)
        for i in range(1, len(parts)):
            if len(_CLAUSE_SEP.findall(text, parts[i - 1].end, parts[i].start)) > 1:
                parts = parts[:i]
                break
        if not parts:
            continue
        # one part per clause, else the structure is not a simple list
        clauses = [_clause_end(text, p.end, region_end) for p in parts]
        if len(set(clauses)) != len(clauses):
            continue
        distributive = am.group().startswith("分别")
        if not distributive:
            # a list of parts that close their clauses ends before the first part that does not (其中贫困村8个、
            # 非贫困村5个，乡党委将增强“四个意识”: the 四个 begins another statement)
            k = next((i for i, (p, c) in enumerate(zip(parts, clauses)) if not _categorical(text, [p], [c])),
                     len(parts))
            if 2 <= k < len(parts):
                parts, clauses = parts[:k], clauses[:k]
            # parts that already make up the total end the list (其中贫困村7个、非贫困村5个，新增就业岗位300个 under 12个)
            if opener is None and total.hi is not None:
                running = Decimal(0)
                exact = total.exact
                for i, p in enumerate(parts[:-1]):
                    running += p.lo
                    exact = exact and p.exact
                    if i >= 1 and exact and running == total.lo:
                        parts, clauses = parts[:i + 1], clauses[:i + 1]
                        break
        span_end = parts[-1].end
        if total.hi is not None:
            big = [p for p in parts if p.lo > total.hi]
            if big:
                out.append(Statement("part", total.start, big[0].end, total, (big[0],), None))
                continue
        if len(parts) >= 2 and total.hi is not None and (distributive or _categorical(text, parts, clauses)) \
                and _exceeds(parts, total, bracketed=opener is not None) \
                and not _cross_cutting(text, parts, clauses):
            out.append(Statement("sum", total.start, span_end, total, tuple(parts), None))
            # (inside "（其中：…）" every part belongs to the total, so _exceeds sees the whole list)
    return out


def _categorical(text: str, parts: list[Qty], clause_ends: list[int]) -> bool:
    """True when every part closes its clause (规模以上企业6家，): the parts are a partition."""
    return all(not text[p.end:c].strip(" \t，,、。；;）)") for p, c in zip(parts, clause_ends))


@functools.lru_cache(maxsize=1)
def _dimensions() -> list[tuple[str, "regex.Pattern[str]"]]:
    """One pattern per dimension of data/tot.toml: its words anywhere in a part's clause, and its one-character
    words (女, 男) only where the clause begins, after 其中 or 分别为 if any (女劳动力, 分别为男学员; the 女 of
    妇女之家 is no gender)."""
    dims = load_data("tot")["dimensions"]
    out = []
    for name, words in dims.items():
        long = [w for w in words if len(w) > 1]
        short = [w for w in words if len(w) == 1]
        alts = [literal_alternation(long)] if long else []
        if short:
            alts.append(r"^(?:其中|分别(?:为|是|有))?(?:" + literal_alternation(short) + ")")
        out.append((name, lazy_compile("|".join(alts))))
    return out


@functools.lru_cache(maxsize=1)
def _rest_words() -> "regex.Pattern[str]":
    return lazy_compile(literal_alternation(load_data("tot")["rest_words"]))


def _cross_cutting(text: str, parts: list[Qty], clause_ends: list[int]) -> bool:
    """True when the parts may overlap because they do not divide the total along one attribute dimension.

    Each part's clause has a value in a dimension when it holds one of the dimension's words (女性, 党员, 农村).
    A dimension in which every part has the same value does not divide the parts (农村妇女, 城镇妇女: all 女). The
    parts overlap when two dimensions divide them (女性…, 党员…), or when one does and some part has no value in
    it (女劳动力…, 农业劳动力…: gender against an unlisted dimension), unless that part names the rest
    (其他/其余)."""
    values: list[dict[str, str]] = []
    rest: list[bool] = []
    for p, ce in zip(parts, clause_ends):
        cs = lo = max(0, p.start - 20)
        for m in _CLAUSE_SEP.finditer(text, lo, p.start):  # clause start: the last separator before the part
            cs = m.end()
        clause = text[cs:ce].lstrip(" \t\u3000（(：:")
        found = {}
        for name, pattern in _dimensions():
            m = pattern.search(clause)
            if m:
                found[name] = m.group()
        values.append(found)
        rest.append(_rest_words().search(clause) is not None)
    dividing = [name for name, _ in _dimensions() if len({v.get(name) for v in values}) > 1]
    if len(dividing) >= 2:
        return True
    return bool(dividing) and any(dividing[0] not in v and not r for v, r in zip(values, rest))


def _exceeds(parts: list[Qty], total: Qty, bracketed: bool = False) -> bool:
    """True when the parts certainly add up to more than the total and (unless the parts are closed in a
    bracket) no leading group of them already matches it: "其中A 6家，B 10家，新发展C 20家" says more than the
    partition."""
    assert total.hi is not None
    running = Decimal(0)
    running_hi: Decimal | None = Decimal(0)
    for i, p in enumerate(parts):
        running += p.lo
        running_hi = None if running_hi is None or p.hi is None else running_hi + p.hi
        if not bracketed and i >= 1 and running <= total.hi and (running_hi is None or running_hi >= total.lo) and i < len(parts) - 1:
            return False  # the first parts already make up the total; later clauses say something else
    return running > total.hi


_MAX_DETAIL_SENTENCES = 4
# a sentence that ends with a money total: "……共3.98万元。" (tested before the sentence is tokenised)
_MONEY_TOTAL_END = LazyRegex(r"(?:共|计|总)[^，,。；;]{0,6}?[\d一二三四五六七八九十][^，,。；;]{0,8}元\s*[。.]$")


_YUAN_STOP = LazyRegex(r"元\s*[。.]")


def _paragraph_end(doc: Document, pos: int) -> int:
    """The end of the logical paragraph (hard-wrapped lines rejoined) that holds ``pos``."""
    paragraphs = doc.logical_paragraphs
    i = bisect_right(paragraphs, (pos, len(doc.text) + 1)) - 1
    return paragraphs[i][1] if i >= 0 and pos < paragraphs[i][1] else pos


def _cross_sentence(doc: Document, text: str) -> list[Statement]:
    out: list[Statement] = []
    sentences = doc.sentences
    # a money total ends its sentence with 元 and 。/. (_MONEY_TOTAL_END): only the sentences where a 元 is
    # followed by them are tried
    for i in sentences_of(doc, [m.start() for m in _YUAN_STOP.finditer(text)]):
        ss, se = sentences[i]
        stripped = text[ss:se].rstrip()
        if not stripped.endswith(("。", ".")) or not _MONEY_TOTAL_END.search(stripped):
            continue
        toks = tokens(doc, ss, se)
        if not toks:
            continue
        total = toks[-1]
        if total.pre not in _TOTAL_PRE or text[total.end:se].strip(" \t。.") or total.hi is None:
            continue
        if total.unit != "元":
            continue  # money: 资金共X万元。……a元；……b万元。 Counts of people have 其中 when they are split
        pe = _paragraph_end(doc, ss)
        parts: list[Qty] = []
        for ts, te in sentences[i + 1:i + 1 + _MAX_DETAIL_SENTENCES]:
            if ts >= pe or _ENUMERATOR.match(text, ts):
                break
            for t in tokens(doc, ts, te):
                if t.unit != total.unit:
                    continue
                if t.pre in _TOTAL_PRE or _TOTAL_WORD_BEFORE.search(text[max(ts, t.start - 8):t.start]):
                    continue
                parts.append(t)
        if len(parts) < 2 or not all(p.exact and p.lo <= total.hi for p in parts):
            continue  # a detail larger than the total: not its detail, a new statement
        if _exceeds(parts, total):
            out.append(Statement("sum", total.start, parts[-1].end, total, tuple(parts), "info"))
    return out


# ------------------------------------------------------------------------------------------------- TOT001
# a money total that ends its sentence (_MONEY_TOTAL_END, loosened): the match starts at its 元
_MONEY_END = LazyRegex(r"(?s)元\s*[。.](?<=(?:共|计|总).{0,6}?[\d一二三四五六七八九十].{0,8}元\s*[。.])")
#: what a statement starts from: 其中/分别, or a sentence that ends with a money total
_STATEMENTS = (Trigger("其中", "分别", view="norm"), Trigger("元", view="norm", pattern=_MONEY_END))


@rule("TOT001", "parts-exceed-total", severity="warning", on=_STATEMENTS)
def parts_exceed_total(doc: Document, _found) -> Iterator[Finding]:
    """“其中”“分别”后列出的各部分之和超过了总数。

    为什么：总数和分项对不上，是汇报材料里最容易被领导一眼看出、也最损害可信度的差错。
    错误示例：新增企业代理妈妈16家，其中，规模以上企业6家，个体私营企业12家（6+12=18家，超过16家）
    正确写法：新增企业代理妈妈18家，其中，规模以上企业6家，个体私营企业12家（或改正分项）
    依据：算术；GB/T 15835-2011 之外的校对常规（数字前后一致，共产党员网公文常见错误“数据错误”）。
    修复：无（不知道错的是总数还是分项）。只比较单位相同的数（“人”与“名”相同，与“人次”不同；金额统一
    折算为元，“4800元”即“0.48万元”）；概数按区间计算（“600多”在600到700之间），只有肯定超过时才报告。
    “其中”后只有一项、或各项后面还有谓语（“6户荣获市级……，4户被推荐为……”，可以重叠）时是子集，
    不求和。总数在句末、分项在后面几句中（“资助金额共3.98万元。……4800元；……3.5万元”）时按提示级别报告。
    """
    for st in doc.quantity_statements:
        if st.kind != "sum":
            continue
        total = st.total
        nums = "+".join(_in_unit(p, total) for p in st.parts)
        s = sum((p.lo for p in st.parts), Decimal(0))
        approx = not all(p.exact for p in st.parts)
        total_text = doc.text[total.start:total.end]
        yield Finding(st.start, st.end,
                      f"各部分之和{'至少为' if approx else ''}{nums}={_fmt(s / total.factor)}{_unit_label(total)}，"
                      f"超过了总数“{total_text}”", severity=st.severity)


def _unit_label(total: Qty) -> str:
    if total.unit == "元":
        return {Decimal(1): "元", Decimal(10_000): "万元", Decimal(100_000_000): "亿元"}.get(total.factor, "元")
    return total.mw


# ------------------------------------------------------------------------------------------------- TOT005
@rule("TOT005", "part-exceeds-whole", severity="warning", on=_STATEMENTS)
def part_exceeds_whole(doc: Document, _found) -> Iterator[Finding]:
    """“其中”的一项比总数还大。

    为什么：部分不可能多于整体，多半是总数或分项抄错了位数。
    错误示例：共10人，其中女性12人
    正确写法：共12人，其中女性10人（按实际改正）
    依据：算术（部分不大于整体）。
    修复：无。只比较单位相同的数（“人”与“人次”不比较）；概数按区间计算，只有分项肯定大于总数时才报告
    （“近600人，其中……580人”不报告）。此时不再另报 TOT001。
    """
    for st in doc.quantity_statements:
        if st.kind != "part":
            continue
        part = st.parts[0]
        yield Finding(st.start, st.end,
                      f"其中“{doc.text[part.start:part.end]}”比总数“{doc.text[st.total.start:st.total.end]}”还多",
                      severity=st.severity)


# ------------------------------------------------------------------------------------------------- TOT002
_RATE = LazyRegex(
    r"(?P<kw>[率]|占比|比例|比重|占)"
    r"(?P<mid>[^，,。；;！？!?\d%]{0,24}?)(?:达到|达|为|是|超过)?\s?(?P<p>\d+(?:\.\d+)?)\s?%(?P<post>以上|以下|左右|多)?"
)


_LAST_DIGIT = LazyRegex(r"(?r)\d")


@functools.lru_cache(maxsize=1)
def _count_last() -> frozenset[str]:
    """The last characters of the count words (``data/num.toml``)."""
    return frozenset(w[-1] for w in _tables()[2])


def _feasible_count(n: int, p: Decimal, d: int) -> bool:
    """Some k in 0..n gives p% of n, rounded (either way) or truncated to d decimals."""
    half = Decimal(5).scaleb(-d - 1)
    unit = Decimal(1).scaleb(-d)
    for lo_pct, hi_pct in ((p - half, p + half), (p, p + unit - Decimal("1e-12"))):
        lo = (lo_pct * n / 100).to_integral_value(ROUND_CEILING)
        hi = (hi_pct * n / 100).to_integral_value(ROUND_FLOOR)
        lo, hi = max(lo, Decimal(0)), min(hi, Decimal(n))
        if lo <= hi:
            return True
    return False


def _feasible_base(n: int, p: Decimal, d: int) -> bool:
    """Some base b >= n of which n is p% (rounded or truncated to d decimals)."""
    if p <= 0:
        return False
    half = Decimal(5).scaleb(-d - 1)
    unit = Decimal(1).scaleb(-d)
    for lo_pct, hi_pct in ((p - half, p + half), (p, p + unit - Decimal("1e-12"))):
        if hi_pct <= 0:
            continue
        lo = (Decimal(100) * n / hi_pct).to_integral_value(ROUND_CEILING)
        hi = (Decimal(100) * n / lo_pct).to_integral_value(ROUND_FLOOR) if lo_pct > 0 else lo + 1
        lo = max(lo, Decimal(n))
        if lo <= hi:
            return True
    return False


# the rate's clause names its own population before the rate word (“毕业生就业率”, “群众满意率”, “优质鲜切花占比”):
# after a clause boundary, three or more Han characters end at the keyword (a bare rate name “结案率” has two)
_OWN_SUBJECT = LazyRegex(r"[，,；;：:、]\s*\p{Han}{3,}$")
_HAN_PAIR = LazyRegex(r"(?=(\p{Han}\p{Han}))")


def _same_population(text: str, lo: int, count_start: int, name_start: int, kw: int) -> bool:
    """True when the rate's name (``text[name_start:kw]``) repeats a word of the count's clause (the text before
    the count back to its clause start): 已消除风险21户，风险消除率… is the rate of the 21 households, 专业8个，毕业生
    就业率… is not the rate of the 8 majors. A word is a pair of Han characters."""
    c = _CLAUSE_START.search(text, lo, count_start)
    clause = text[c.end() if c else lo:count_start]
    pairs = {m.group(1) for m in _HAN_PAIR.finditer(clause)}
    return any(m.group(1) in pairs for m in _HAN_PAIR.finditer(text, name_start, kw))


# a share of a measured quantity, not of a count (占总面积70%, 约占总量的35%, 占地区生产总值的)
_MEASURED_BASE = LazyRegex(r"面积|量|产值|总值|额|收入|支出|投资|GDP|规模")
# a rounded share: 约占, 近占
_APPROX_KEYWORD = LazyRegex(r"(?:约|近|大约|将近|接近)$")
# the subject of a share is a noun phrase of its own when more Han characters than a counted noun's lie between
# the count and the keyword (12条重点产业链项目占比: the share is of the projects, not of the 12 chains)
_LONG_SUBJECT = LazyRegex(r"\p{Han}{5,}$")


@rule("TOT002", "impossible-percentage", severity="warning", on=Trigger("%", view="norm"))
def impossible_percentage(doc: Document, percents) -> Iterator[Finding]:
    """百分比与所说的件数、人数不可能对得上。

    为什么：80件案件，结案数只能是整数件，结案率只能是98.75%（79件）或100%（80件），写成99.5%就说明
    某个数字错了。
    错误示例：县妇联处理妇女信访案件80件，结案率达99.5%
    正确写法：处理妇女信访案件80件，结案率达98.75%（或改正件数）
    依据：算术：件数、人数是整数，百分比=整数÷件数，按所写的小数位四舍五入（或截断）后应当能得到所写的值。
    修复：无。只看同一句中、百分比前20个字以内的一个整数件数（量词为“件”“人”“户”“个”等，不含金额和
    带“万”“多”“余”的数），并且只有在这个数既不可能作分母（80件中的k件）、也不可能作分子（7名占某个
    总数的9.09%，总数77时成立）时才报告；带“以上”“左右”的百分比、“约占”、占面积或产量等计量值的比重
    （“占总面积70%”）不检查；比率在新的分句里有自己的主语（“毕业生就业率”“优质鲜切花占比”），
    或比重的主语是另一个名词短语（“12条重点产业链项目占比”）时不检查；“一次性”“一件事”中的“一”、
    引号里的数、“22个百分点”都不是件数。
    """
    text = doc.norm
    _token, _persons, counts, _money, _last = _tables()
    count_last = _count_last()
    sentences = doc.sentences
    for si in sentences_of(doc, [p for p, _ in percents]):
        ss, se = sentences[si]
        for m in _RATE.finditer(text, ss, se):
            if m.group("post"):
                continue
            ps = m.start("p")
            if ps > 0 and text[ps - 1] in "约近逾":
                continue
            kw = m.start("kw")
            lo = max(ss, kw - 30)
            # the count is the window's last token, exact (no 以上/左右 after it) with a count word, ending at most
            # 20 characters before the keyword and with no digit between: the last character of a count word
            # lies after the window's last digit in those 20 characters, or there is nothing to check
            ld = _LAST_DIGIT.search(text, lo, kw)
            if count_last.isdisjoint(text[max(lo, kw - 21, ld.end() if ld else lo):kw]):
                continue
            cands = tokens(doc, lo, kw)
            if not cands:
                continue
            t = cands[-1]
            if kw - t.end > 20 or _DIGIT.search(text[t.end:kw]) or _GROWTH.search(text, t.end, m.end("mid")):
                continue
            if not t.exact or t.mw not in counts or t.factor != 1 or t.lo != t.lo.to_integral_value():
                continue
            own = _OWN_SUBJECT.search(text, t.end, kw)
            if own and m.group("kw") != "占" and not _same_population(text, max(ss, t.start - 20), t.start,
                                                                        own.start(), kw):
                continue  # 专业8个，毕业生就业率97.5%: the rate names its own population in a new clause
            if m.group("kw") != "率" and (_MEASURED_BASE.search(m.group("mid")) or _LONG_SUBJECT.search(text, t.end, kw)):
                continue  # 占总面积70%; 12条重点产业链项目占比: a share of something else than the count
            if _APPROX_KEYWORD.search(text, max(lo, kw - 2), kw):
                continue  # 三个乡镇约占35%: a rounded share
            if (text[t.start] == "一" and t.lo == 1) or text.startswith("百分点", t.end) or doc.in_quotes(t.start, t.end):
                continue  # 一次性化解率, “高效办成一件事”, 22个百分点: no count of things
            n = int(t.lo)
            if n <= 0 or n > 100_000:
                continue
            p_text = m.group("p")
            p = Decimal(p_text)
            if p > 100:
                continue
            d = len(p_text.split(".")[1]) if "." in p_text else 0
            if _feasible_count(n, p, d) or _feasible_base(n, p, d):
                continue
            mw = t.mw
            if m.group("kw") == "占":
                b = (Decimal(100) * n / p)
                b_lo = int(b.to_integral_value(ROUND_FLOOR))
                near = [f"总数{k}{mw}时为{_pct(n, k)}%" for k in (b_lo, b_lo + 1) if k >= n and k > 0]
                msg = f"{n}{mw}占总数的{p_text}%不可能：" + "、".join(near)
            else:
                exact = p * n / 100
                k_lo = int(exact.to_integral_value(ROUND_FLOOR))
                near = [f"{k}{mw}为{_pct(k, n)}%" for k in (k_lo, k_lo + 1) if 0 <= k <= n]
                msg = (f"{n}{mw}×{p_text}%={_fmt(exact)}{mw}，不是整数：{n}{mw}中" + "、".join(near)
                       + f"，得不出{p_text}%")
            yield Finding(t.start, m.end(), msg)


def _pct(k: int, n: int) -> str:
    return _fmt((Decimal(100) * k / n).quantize(Decimal("0.01")))


# ------------------------------------------------------------------------------------------------- TOT003
_PAREN_LIST = LazyRegex(r"[（(](?P<items>[^（）()\r\n]{1,120})[）)]")
_COUNT_BEFORE_PAREN = LazyRegex(r"[\d一二两三四五六七八九十]\s?\p{Han}{1,2}[（(]")
_ITEM_SEP = LazyRegex(r"[、，,；;]")
# "N个": the match is the 个, the look-behind reads the number, a whole run of digits (group d) or of Chinese
# digits (group c) that ends right before 个 or one space before it
_COUNT_NOUN_AT = LazyRegex(r"个(?<=(?<![\d.])(?P<d>\d+)\s?个|(?<![一二两三四五六七八九十])(?P<c>[一二两三四五六七八九十]+)\s?个)")
_GROWTH = LazyRegex(r"增|提高|提升|下降|降低|上升|减少|同比|环比|超过|高于|低于")


# characters that no quantity token contains (punctuation): a token scan that starts right after one of them
# finds the same tokens there as a scan of the whole sentence
_TOKEN_BREAK_BEFORE = LazyRegex(r"(?r)[，、；：,;:（）()“”《》]")


def _brackets_after_token_ends(doc: Document, text: str, brackets) -> dict[int, list[int]]:
    """Sentence index -> the brackets ``（``/``(`` of ``brackets`` (a trigger's candidates) in it, ascending, right
    after a character that ends a measure word: the only places where a token of ``tokens(doc, ss, se)`` can end
    right before a bracket."""
    mw_last = _tables()[4]
    qs = [q for q, _ in brackets if q and text[q - 1] in mw_last]
    if not qs:
        return {}
    sentences = doc.sentences
    out: dict[int, list[int]] = {}
    for si, q in zip(sentences_at_each(doc, qs), qs):
        if si >= 0 and sentences[si][0] < q:  # the measure word before it in the same sentence
            out.setdefault(si, []).append(q)
    return out


def _token_before(doc: Document, text: str, ss: int, q: int) -> Qty | None:
    """The token of ``tokens(doc, ss, se)`` that ends at ``q``, if any, found by scanning only from the
    punctuation before ``q``."""
    b = _TOKEN_BREAK_BEFORE.search(text, ss, q)
    toks = tokens(doc, b.end() if b else ss, q)
    return toks[-1] if toks and toks[-1].end == q else None


@rule("TOT003", "count-mismatch", severity="warning",
      on=(Trigger(chars="（(", view="norm"), Trigger("个", view="norm", pattern=_COUNT_NOUN_AT)))
def count_mismatch(doc: Document, found) -> Iterator[Finding]:
    """所说的个数与列出的项目数不一致。

    为什么：“示范点3个（黄狮村、关巷社区）”只列了两个，读者会怀疑漏了一个还是数字写错了。
    错误示例：已建成省级“四组一队”示范点3个（黄狮村、关巷社区）；冯红丽家庭、吴柯家庭、李哲瀚家庭4个家庭
    正确写法：示范点2个（黄狮村、关巷社区）；冯红丽家庭、吴柯家庭、李哲瀚家庭3个家庭
    依据：算术（前后一致）。
    修复：无。只查两种结构：数量后紧跟括号列举（至少两项，用顿号或逗号分隔），以及“……A家庭、B家庭4个
    家庭”这种列举项都以同一名词结尾、数量紧接在最后一项之后的写法。列举中有“等”、括号中有数字或
    “其中”“包括”时不查；项数少于所说个数而某项含“和”“及”“与”时（可能是两项）不报告。
    """
    text = doc.norm
    sentences = doc.sentences
    brackets, counts = found
    # a count before a bracket: a token ends right before a bracket, in a sentence where _COUNT_BEFORE_PAREN
    # finds something (checked only for the sentences with such brackets)
    paren = _brackets_after_token_ends(doc, text, brackets) if brackets else {}
    ge: dict[int, list[tuple[int, int, str]]] = {}  # sentence -> (start, end, number) of its "N个"
    if counts:
        starts = doc.sentence_starts
        for m in counts:
            g = m.start()
            n_text = m.group("d")
            ms = m.start("d") if n_text is not None else m.start("c")
            # the cheap rejection below (the noun after 个 ends with the last character of the list), done early
            j = ms - 1
            while j >= 0 and text[j].isspace():
                j -= 1
            if j < 0 or text[j] not in text[g + 2:g + 5]:
                continue
            if n_text is None:
                n_text = m.group("c")
            si = bisect_right(starts, g) - 1
            if si >= 0 and g < sentences[si][1] and ms >= sentences[si][0]:  # within one sentence
                ge.setdefault(si, []).append((ms, g + 1, n_text))
    if not paren and not ge:
        return
    for si in sorted(paren.keys() | ge.keys()):
        ss, se = sentences[si]
        if si in paren and _COUNT_BEFORE_PAREN.search(text[ss:se]):
            for q in paren[si]:
                t = _token_before(doc, text, ss, q)
                if t is None:
                    continue
                m = _PAREN_LIST.match(text, t.end)
                if m is None or not t.exact or t.factor != 1 or t.unit == "元":
                    continue
                items_text = m.group("items")
                if _NOT_A_PLAIN_LIST.search(items_text):
                    continue
                items = [x.strip() for x in _ITEM_SEP.split(items_text)]
                if len(items) < 2 or any(not x or len(x) > 20 for x in items):
                    continue
                n = int(t.lo)
                if len(items) == n:
                    continue
                if len(items) < n and any(_CONJUNCTION.search(x) for x in items):
                    continue
                yield Finding(t.start, m.end(),
                              f"“{doc.text[t.start:t.end]}”与括号中列出的{len(items)}项"
                              f"（{'、'.join(items)}）不一致")
        for ms, me, n_text in ge.get(si, ()):
            # cheap rejection: the noun after 个 (2 to 4 characters) ends with the last character of the list
            lo = max(ss, ms - 300)
            j = ms - 1
            while j >= lo and text[j].isspace():
                j -= 1
            if j < lo or text[j] not in text[me + 1:me + 4]:
                continue
            head = text[lo:ms].rstrip()
            noun = next((text[me:me + k] for k in (2, 3, 4)
                         if head.endswith(text[me:me + k]) and len(text[me:me + k]) == k
                         and _HAN_ONLY.fullmatch(text[me:me + k])), None)
            if noun is None:
                continue
            n = int(n_text) if n_text.isdigit() else to_decimal(n_text)
            if n is None:
                continue
            n = int(n)
            segs = _ITEM_SEP.split(head)
            count = 0
            skip = False
            for seg in reversed(segs):
                seg = seg.strip()
                if "等" in seg:
                    skip = True
                    break
                if not seg.endswith(noun) or _DIGIT_OR_QIZHONG.search(seg) or len(seg) > 24:
                    break
                count += 1
            if skip or count < 2 or count == n:
                continue
            end = me + len(noun)
            yield Finding(ms, end, f"“{doc.text[ms:end]}”与前面列出的{count}个“{noun}”不一致")
