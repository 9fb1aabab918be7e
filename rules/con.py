"""CON — consistency within one draft (and, with ``--cross-file``, across the drafts of one run).

A careful copy editor reads the whole draft and marks what is written one way here and another way there:

- CON001: one person or organisation written two ways (``陈金锋`` … ``陈金峰``; ``女企业家协会`` … ``女企业协会``);
- CON002: the same quantity stated twice with different numbers (``培训2000人次`` … ``全年共培训1800人次``);
- CON003: a short name (``以下简称“X”``) used before its definition, defined twice, or never used;
- CON004: full dates written in different styles (``2021年3月5日``, ``2021.3.5``, ``2021-03-05``, ``二〇二一年三月五日``);
- CON005: headings of one level numbered in different styles (``一、`` and ``二．``);
- CON006: a name or figure that differs between the drafts of one run (``lintkit check --cross-file``; the
  comparison is :mod:`lintkit.crossfile`, the facts compared are :func:`crossfile_facts` below).

Every analysis reads the normalised masked text (the view ``doc.norm``: traditional characters mapped to simplified, same
offsets), so a traditional draft is checked like a simplified one. Names and figures are never certain: their
findings are warnings at most and have no fix.

How CON001 tells a name written two ways from two names (the traps: ``张三``/``张三丰``, ``省妇联``/``县妇联``):
candidates are organisation names (a Han string of 4–10 characters ending in an organisation word such as 协会,
联合会, 委员会, 局, 中心) and person names (2–3 characters right after a title such as 书记, 主任, or right before 同志).
Two candidates are one name written two ways only when both appear in the draft outside quotations, the majority
form appears at least twice and at least twice as often as the minority form, and they differ by one character
that is a known confusion of sound or shape (ECSpell's confusion sets, ``data/con_confusion.toml``), never a
numeral, a level of government (省/市/县/区/乡/镇/村) or a direction; an organisation name may also lose one
character inside it (``女企业家协会``/``女企业协会``), a person name may not (``张三``/``张三丰`` are two people). The
surname of a two-character name, the organisation word itself and the first character of an organisation name
(where the name may begin anywhere in the run of Han characters) are never compared, unless that first character
is a level of government (``县农业农村局``/``县浓业农村局``).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Collection, Iterator


from lintkit import Document, Finding, lazy_compile, lazy_re, rule, view
from lintkit.crossfile import CrossFile

from ._common import load_data

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

# numerals, levels of government and the like: when both characters of a difference are such words, the two names
# are two entities (省妇联/县妇联, 第一中学/第二中学), not one misspelt
_STOP = frozenset("〇零一二两三四五六七八九十百千万第"
                  "省市县区乡镇村街州旗盟国"
                  "东西南北中上下左右前后内外"
                  "大小新老男女正副总分")
# characters whose omission makes another entity (XX县妇联/XX妇联, 第一/一, 中小学/小学, 服务型政府/服务政府)
_STOP_OMIT = frozenset("〇零一二两三四五六七八九十百千万第省市县区乡镇村街州旗盟国正副总分中各型性式化")
_LEVELS = "省市县区乡镇"
# words in which a level character is no level: left out of 县农业农村局 or 县城市管理局 it is a misspelling
_LEVEL_IN_WORD = frozenset(("农村", "乡村", "城市", "市场", "区域", "社区", "街道", "县域", "市政"))


@functools.lru_cache(maxsize=1)
def _confusions() -> dict[str, str]:
    """Each character -> the characters after it in code-point order that it is confused with by sound or shape
    (ECSpell, data/con_confusion.toml: one group per character, so a pair is found under its smaller character)."""
    return {group[0]: group[1:] for group in load_data("con_confusion")["groups"].split()}


def confusable(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are a sound or shape confusion, unless both are numerals, levels or the like."""
    if a == b or (a in _STOP and b in _STOP):
        return False
    low, high = (a, b) if a < b else (b, a)
    return high in _confusions().get(low, "")


def _line(doc: Document, offset: int) -> int:
    return doc.position(offset)[0]


def _quoted_index(doc: Document):
    spans = doc.quoted
    starts = [s for s, _ in spans]

    def inside(start: int, end: int) -> bool:
        i = bisect_left(starts, start + 1) - 1
        return i >= 0 and spans[i][0] <= start and end <= spans[i][1]

    return inside


# ================================================================================================ entities (CON001)
_ORG_WORDS = ("联合会", "委员会", "协会", "学会", "商会", "促进会", "研究会", "基金会", "总工会", "工会", "妇联",
              "团委", "党委", "党组", "党工委", "纪委", "政府", "办公室", "办事处", "中心", "合作社", "公司",
              "集团", "医院", "卫生院", "学校", "中学", "小学", "大学", "学院", "幼儿园", "研究院", "研究所",
              "银行", "法院", "检察院", "派出所", "服务站", "工作站", "局", "委", "厅", "馆")
_ORG_MIN, _ORG_MAX = 4, 10

_TITLES = ("书记", "县长", "市长", "镇长", "乡长", "区长", "省长", "州长", "主任", "主席", "局长", "部长", "厅长",
           "处长", "科长", "所长", "校长", "院长", "会长", "组长", "队长", "站长", "经理", "董事长", "理事长",
           "秘书长", "社长", "馆长", "行长")
_TITLE_RE = "(?:" + "|".join(sorted(_TITLES, key=len, reverse=True)) + ")"
# what follows a person's name in a report: a comma or other mark, 同志, or a verb of attending and speaking
_AFTER_NAME = ("同志", "在", "出席", "主持", "讲话", "指出", "强调", "表示", "要求", "等", "一行", "带队", "参加",
               "深入", "调研", "率", "陪同", "介绍", "发言", "提出", "宣读", "部署", "作", "对", "到", "和", "与")
_AFTER_NAME_RE = "(?:[^" + _HAN + "]|" + "|".join(_AFTER_NAME) + ")"
# a person's name (2 or 3 characters) right after a title, or before 同志 after a mark or a title
# (two patterns: one that opens with a lookbehind would be tried at every position)
_PERSON_RE = lazy_re(f"{_TITLE_RE}(?P<a>[{_HAN}]{{2,3}}?)(?={_AFTER_NAME_RE})")
_COMRADE_RE = lazy_re(f"(?:^|(?<=[^{_HAN}])|(?<=[、和与及]))(?P<a>[{_HAN}]{{2,3}}?)(?=同志)", re.M)
# characters that are no part of a name: function words
_NOT_IN_NAME = frozenset("的了是在和与及这那之地得着把被将对从向于也都就而")
# organisation words of one character that also begin ordinary words (局面, 委托): not an organisation there
_ORG_WORD_NOT_BEFORE = {"局": "面势部限长", "委": "托屈婉员曲", "厅": "堂长", "馆": "藏长"}
# … and words that end in one (布局, 格局, 大局): not an organisation either
_ORG_WORD_NOT_AFTER = {"局": "布格大全当结开骗饭残僵时赌败胜终出入", "委": "原"}


def _bounded(text: str, p: int, n: int) -> bool:
    """True when the name of length ``n`` at ``p`` stands as a name: after a mark, a title or 、和与及, and before a
    mark, 同志 or a verb of attending and speaking."""
    before = text[p - 1] if p else ""
    if before and _is_han(before) and before not in "、和与及":
        if not any(text.endswith(t, 0, p) for t in _TITLES):
            return False
    after = text[p + n:p + n + 2]
    return not after or not _is_han(after[0]) or after.startswith(_AFTER_NAME)


# the longest organisation word at each position
_ORG_WORD_RE = lazy_re("|".join(sorted(_ORG_WORDS, key=len, reverse=True)))
# the Han characters that end where the search ends (\p{Han}, as doc.han_runs)
_HAN_TAIL_RE = lazy_compile(r"\p{Han}+\Z")
# for each organisation word, the other words that may start inside it or be a prefix of it, with their offset
# (妇联 -> 联合会 at 1; 委员会 -> 委 at 0): the leftmost-longest match of _ORG_WORD_RE skips them
_ORG_WORDS_WITHIN = {w: tuple((k, o) for k in range(len(w)) for o in _ORG_WORDS
                               if (o[0] == w[k] if k else o != w and w.startswith(o)))
                     for w in _ORG_WORDS}


def _org_words_at(text: str) -> Iterator[tuple[int, str]]:
    """Every occurrence of every organisation word, overlapping ones included (县妇联合会: 妇联 and 联合会)."""
    for m in _ORG_WORD_RE.finditer(text):
        i, w = m.start(), m.group()
        yield i, w
        for k, other in _ORG_WORDS_WITHIN[w]:
            if text.startswith(other, i + k):
                yield i + k, other


@dataclass(frozen=True)
class Entities:
    # (the Han characters before the end of an organisation word, at most _ORG_MAX, the length of the word) -> the
    # ends where they stand outside quotations; the candidate organisation names are their tails of _ORG_MIN or more
    # characters and at least two more than the word
    runs: dict[tuple[str, int], list[int]]
    org_word: dict[str, int]  # candidate -> length of its organisation word
    persons: set[str]  # candidate person names (seen in a person context)
    grams: Counter  # every 2- and 3-character Han string outside quotations -> count

    def org_starts(self, cand: str) -> list[int]:
        """The starts of the occurrences of a candidate organisation name, in text order."""
        n = len(cand)
        return sorted(e - n for (run, word), ends in self.runs.items()
                      if run.endswith(cand) and n >= max(_ORG_MIN, word + 2) for e in ends)

    @functools.cached_property
    def orgs(self) -> dict[str, list[int]]:
        """Every candidate organisation name -> the starts of its occurrences, in text order."""
        orgs: dict[str, list[int]] = defaultdict(list)
        for (run, word), ends in self.runs.items():
            for length in range(max(_ORG_MIN, word + 2), len(run) + 1):
                orgs[run[-length:]].extend(e - length for e in ends)
        for at in orgs.values():
            at.sort()
        return dict(orgs)


@view("con_entities")
def _entities(doc: Document) -> Entities:
    """CON001's candidates: organisation names (4–10 characters ending in an organisation word) with where they
    stand outside quotations, person names (after a title, before 同志), and the 2–3-character strings that begin
    like a candidate person name, with their counts."""
    text = doc.norm
    inside = _quoted_index(doc)
    org_word: dict[str, int] = {}
    # where an organisation word ends, with the length of the longest one ending there (overlapping words count:
    # 县妇联合会 ends with 联合会 although 妇联 starts earlier)
    ends: dict[int, int] = {}
    for i, w in _org_words_at(text):
        e = i + len(w)
        nxt = text[e:e + 1]
        prev = text[i - 1:i]
        if not (nxt and nxt in _ORG_WORD_NOT_BEFORE.get(w, "")) and not (prev and prev in _ORG_WORD_NOT_AFTER.get(w, "")) \
                and ends.get(e, 0) < len(w):
            ends[e] = len(w)
    # the Han characters before each end (up to _ORG_MAX): a name repeated many times is expanded once
    # (Han as in doc.han_runs: read on the masked text)
    masked = doc.masked
    runs: dict[tuple[str, int], list[int]] = defaultdict(list)
    for e, word in sorted(ends.items()):
        if inside(e - word, e):
            continue
        m = _HAN_TAIL_RE.search(masked, max(0, e - _ORG_MAX), e)
        runs[(text[m.start() if m else e:e], word)].append(e)
    for run, word in runs:
        for length in range(max(_ORG_MIN, word + 2), len(run) + 1):
            org_word[run[-length:]] = word
    persons: set[str] = set()
    found = list(_PERSON_RE.finditer(text))
    i = text.find("同志")
    while i != -1:  # the name before 同志: tried only there
        m = _COMRADE_RE.match(text, max(0, i - 3)) or _COMRADE_RE.match(text, max(0, i - 2))
        if m is not None and m.end() == i:
            found.append(m)
        i = text.find("同志", i + 2)
    for m in found:
        name = m.group("a")
        if not _NOT_IN_NAME.intersection(name) and not inside(m.start("a"), m.end("a")):
            persons.add(name)
    # the 2- and 3-character strings that could be a variant of a candidate name: those that begin like one, and
    # the 3-character ones that end like one (another surname)
    starts: set[int] = set()
    for first in {p[0] for p in persons}:
        i = text.find(first)
        while i != -1:
            starts.add(i)
            i = text.find(first, i + 1)
    for tail in {p[1:] for p in persons if len(p) == 3}:
        i = text.find(tail, 1)
        while i != -1:
            if _is_han(text[i - 1]):
                starts.add(i - 1)
            i = text.find(tail, i + 1)
    grams: Counter = Counter()
    for i in starts:
        for n in (2, 3):
            g = text[i:i + n]
            if len(g) == n and _is_han(g[-1]) and (n == 2 or _is_han(g[1])):
                grams[g] += 1
    return Entities(dict(runs), org_word, persons, grams)


def _is_han(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"


@dataclass(frozen=True)
class Variant:
    minor: str
    major: str
    kind: str  # "org" or "person"
    how: str  # "sub" (one character replaced) or "omit" (one character left out of the minor form)


def org_variants(orgs: Collection[str], org_word: dict[str, int]) -> list[Variant]:
    """Pairs of candidate organisation names that are one name written two ways (counts not yet checked)."""
    out = []
    # both names of a pair have their first and last characters in common (the character replaced or left out
    # stands after the first one and before the organisation word): only candidates that share these and a length
    # (or a length one less, for a character left out) with another candidate can be one of a pair
    shapes = Counter((len(c), c[0], c[-1]) for c in orgs)
    by_key: dict[tuple[int, str, str], list[str]] = defaultdict(list)
    for cand in orgs:
        if shapes[(len(cand), cand[0], cand[-1])] < 2:
            continue
        word = org_word[cand]
        for i in range(1 if cand[0] in _LEVELS else 2, len(cand) - word):
            by_key[(i, cand[:i], cand[i + 1:])].append(cand)
    for (i, _, _), cands in by_key.items():
        if len(cands) < 2:
            continue
        for a in cands:
            for b in cands:
                if a < b and confusable(a[i], b[i]):
                    out.append(Variant(a, b, "org", "sub"))
                    out.append(Variant(b, a, "org", "sub"))
    for cand in orgs:
        word = org_word[cand]
        if len(cand) < _ORG_MIN + 1 or (len(cand) - 1, cand[0], cand[-1]) not in shapes:
            continue
        for i in range(2, len(cand) - word):
            if cand[i] in _NOT_IN_NAME or (cand[i] in _STOP_OMIT and cand[i - 1:i + 1] not in _LEVEL_IN_WORD
                                           and cand[i:i + 2] not in _LEVEL_IN_WORD):
                continue
            shorter = cand[:i] + cand[i + 1:]
            if shorter in orgs and cand[i] != cand[i - 1]:
                out.append(Variant(shorter, cand, "org", "omit"))
    return out


def person_variants(persons: set[str], grams: Counter) -> list[Variant]:
    """Pairs of a candidate person name and a string of the draft that differs from it by one confusable
    character (the surname of a two-character name excepted)."""
    out = []
    differing_at: dict[tuple[int, str, str], list[str]] = defaultdict(list)
    for g in grams:
        for i in range(len(g)):
            differing_at[(i, g[:i], g[i + 1:])].append(g)
    for cand in persons:
        for i in range(0 if len(cand) == 3 else 1, len(cand)):
            c = cand[i]
            for other in differing_at.get((i, cand[:i], cand[i + 1:]), ()):
                if len(other) == len(cand) and confusable(c, other[i]):
                    out.append(Variant(cand, other, "person", "sub"))
                    out.append(Variant(other, cand, "person", "sub"))
    return out


def _majority(major: int, minor: int) -> bool:
    return major >= 2 and major >= 2 * minor and minor >= 1


@rule("CON001", "name-variant", severity="warning")
def name_variant(doc: Document) -> Iterator[Finding]:
    """同一个人名或机构名称在文中有两种写法。

    为什么：同一篇文稿里，同一个人、同一个单位的名称应当一字不差；“陈金锋”与“陈金峰”、“女企业家协会”与“女企业协会”
    并存，读者无法判断哪个是对的，多半是少数那一处写错了（音近字、形近字、漏字）。
    错误示例：县委书记陈金锋……陈金锋同志指出……陈金峰同志强调；组织女企业家协会……突破我县女企业协会团队管理瓶颈。
    正确写法：全文统一为正确的写法（以正式名称为准）。
    依据：公文校对的“事实性差错”与“音近字、形近字、多字少字”（共产党员网列举的常见差错）；字音、字形相近的字对取自
    ECSpell 的混淆字表（MIT 许可）。两个名称只差一个音近或形近的字（或机构名称中间少一个字），多数写法至少出现两次且
    不少于少数写法的两倍，才报告少数写法；数字、行政层级（省市县区乡镇村）、方位字不同的是不同的单位（“省妇联”与
    “县妇联”），人名多一个字的是不同的人（“张三”与“张三丰”），引号、书名号里的内容不比较。两种写法各出现一次
    （只差一个音近或形近的字）时没有多数可依，两处都只作提示。
    修复：无（哪种写法对，需要人工核实）。
    """
    ents = doc.con_entities
    text = doc.norm
    variants = org_variants(ents.org_word, ents.org_word)
    if ents.persons:
        variants += person_variants(ents.persons, ents.grams)
    found = []
    for v in variants:
        if v.kind == "org":
            major_at, minor_at = ents.org_starts(v.major), ents.org_starts(v.minor)
            n_major, n_minor = len(major_at), len(minor_at)
        else:
            major_at = [p for p in _find_all(text, v.major) if _bounded(text, p, len(v.major))]
            minor_at = [p for p in _find_all(text, v.minor) if _bounded(text, p, len(v.minor))]
            n_major, n_minor = len(major_at), len(minor_at)
        tie = False
        if not _majority(n_major, n_minor):
            if not (n_major == n_minor == 1 and v.how == "sub"):
                continue
            # once each, one character replaced by a similar one: no majority to go by; the later form is reported,
            # as a hint (a character left out once is as often another phrase: 坚持以经济建设为中心)
            tie = True
            if major_at[0] > minor_at[0]:
                v = Variant(v.major, v.minor, v.kind, v.how)
                major_at, minor_at = minor_at, major_at
        found.append((len(v.minor), tie, v, major_at, minor_at))
    found.sort(key=lambda t: (-t[0], t[1], t[2].minor, t[2].major))
    inside = _quoted_index(doc)
    taken: set[int] = set()  # the characters already reported (a longer form first)
    for _, tie, v, major_at, minor_at in found:
        first = major_at[0]
        where = f"第{_line(doc, first)}行等{len(major_at)}处" if len(major_at) > 1 else f"第{_line(doc, first)}行"
        what = "机构名称" if v.kind == "org" else "人名"
        if tie:  # both places, each naming the other
            for (s, form), (o, other) in (((minor_at[0], v.minor), (first, v.major)),
                                          ((first, v.major), (minor_at[0], v.minor))):
                e = s + len(form)
                if inside(s, e) or not taken.isdisjoint(range(s, e)):
                    continue
                taken.update(range(s, e))
                yield Finding(s, e, f"{what}“{doc.text[s:e]}”与第{_line(doc, o)}行的“{other}”只差一个字，"
                                    f"如果是同一个名称，请统一写法", severity="info")
            continue
        for s in minor_at:
            e = s + len(v.minor)
            if inside(s, e) or not taken.isdisjoint(range(s, e)):
                continue
            taken.update(range(s, e))
            shown = doc.text[s:e]
            yield Finding(s, e, f"{what}“{shown}”与文中的“{v.major}”（{where}）写法不一致，请核实哪一种是对的")


def _find_all(text: str, needle: str) -> list[int]:
    out = []
    i = text.find(needle)
    while i != -1:
        out.append(i)
        i = text.find(needle, i + len(needle))
    return out


# ================================================================================================ figures (CON002)
_NUM_TABLES = load_data("num")
_UNITS = sorted({*_NUM_TABLES["count_words"], "万元", "亿元", "元", "亩", "公顷", "吨", "公里", "千米",
                 "平方米", "立方米"}, key=lambda u: (-len(u), u))  # a fixed order: the pattern is a cache key
# a figure: number, 万/亿 and measure word, not followed by words of approximation, rate or range; nor may it
# continue a number, a range or an ordinal (_NOT_BEFORE_FIGURE, checked on the character before a match: a digit
# inside a match follows a digit or a point, so a match that fails the check hides no other)
_QTY_RE = lazy_re(
    r"(?P<num>\d+(?:\.\d+)?)(?P<big>万|亿)?(?P<unit>"
    + "|".join(map(re.escape, _UNITS)) + r")(?!以上|以下|左右|多|余|以内|次以上|百分|[\d/／每])")
_NOT_BEFORE_FIGURE = lazy_re(r"[\d.．～~—\-至到第]")
_CLAUSE_END_RE = lazy_re("[" + re.escape("，,；;。！？!?：:\r\n（）()") + "]")
_TOTAL_WORDS = ("共计", "合计", "总计", "累计", "一共", "共有", "共", "全年")
# 共 is a total only before a short verb (共培训, 共发放), not in words such as 共建, 共享
_GONG_NOT_BEFORE = "建享同商治担性识青产办用有"
# a sentence or paragraph about another period or about plans: its figures are not restatements of the others
_PLAN_RE = lazy_re(r"目标|预期|计划|力争|确保|争取|明年|去年|上年")
# 今年以来/年初以来 is the period of the draft itself
_PERIOD_RE = lazy_re(r"过去|(?<!今年)(?<!年初)以来|[两三四五六七八九十]年(?!级)|十[一二三四五六七八九]五")
_SCOPE_WORDS_RE = lazy_re(r"全[省市县区镇乡村州]|[省市县区镇乡村]级|上半年|下半年|[一二三四第]+季度|\d{1,2}月份?"
                             r"|本月|当月|去年|上年|明年")
# a year, when the character before it is no digit (checked on the match: a match after a digit hides no other)
_YEAR_RE = lazy_re(r"(?:19|20)\d{2}(?=年)")
_SKIP_CLAUSE_RE = lazy_re(r"计划|力争|目标|预计|确保|争取|拟|将|(?<![主重需纲只想首])要(?![求素点闻])|每|其中|分别|包括|占|同比|比上年|较|增加|"
                             r"减少|增长|下降|提高|降低|提升|扩大|由|从|超过|近|约|达到|至少|最少|最多|不少于|以上|平均|人均|户均|"
                             r"任务|指标")
_KEY_STRIP = ("的", "了", "为", "是", "有", "达", "计", "共", "等")
_APPROX_BEFORE = ("近", "约", "超", "逾", "余", "多", "计划", "预计")


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: Decimal
    unit: str
    key: str  # the Han words right before the number (scope and total words removed)
    run: str  # the whole Han run before the number (up to 12 characters)
    total: bool
    year: str  # the nearest year stated before it in its paragraph, or ""
    scope: tuple[str, ...]  # scope words of its clause (全县, 上半年, …)
    para: int = 0  # index of its line
    period: bool = False  # its sentence or paragraph speaks of plans or of another period (目标, 过去五年, 今年)
    section: str = ""  # period and plan words of the top-level heading it stands under (2026年, 安排)
    obj: str = ""  # the Han words right after the measure word (个“儿童之家”: 儿童之家)
    entity: str = ""  # the nearest heading above it that names a unit or a place (柳河县人民医院)
    part: bool = False  # listed after 其中/分别/包括 or in brackets: one part of a total stated before it


_TOP_HEADING_RE = lazy_re(r"^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}部分)(?P<h>[^\r\n。]{0,40})$",
                             re.M)
_SECTION_WORDS_RE = lazy_re(r"(?:19|20)\d{2}年|安排|打算|计划|展望|下一步|明年|今后|十[一二三四五六七八九]五")
_OBJ_RE = lazy_re(f"[“《]?([{_HAN}]{{1,12}})")


_NAME_HEADING_RE = lazy_re(r"^[ \t\u3000]*(?:[一二三四五六七八九十\d]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)])?"
                              f"(?P<h>[{_HAN}]{{2,28}}?(?:" + "|".join(_ORG_WORDS) + r"|[院所站队处科室部社厂场镇乡村县区市省]|街道|社区))"
                              r"[ \t\u3000]*$", re.M)


def _after_digit(text: str, p: int) -> bool:
    return p > 0 and text[p - 1].isdecimal()


def _name_headings(text: str) -> list[tuple[int, str]]:
    """(offset, name) of each line that is only the name of a unit or a place: the heading of a part about it."""
    return [(m.start(), m.group("h")) for m in _NAME_HEADING_RE.finditer(text)]


def _sections(doc: Document, text: str) -> list[tuple[int, str]]:
    """(offset, period and plan words) of each top-level heading (一、…), in text order."""
    return [(m.start(), " ".join(_SECTION_WORDS_RE.findall(m.group("h")))) for m in _TOP_HEADING_RE.finditer(text)]


@view("con_quantities")
def _quantities(doc: Document) -> list[Quantity]:
    """CON002's statements of quantities: number and measure word, the words before it (scope and total words
    removed), whether it is a total or a part, its year, scope, section, the unit named by the heading above it;
    plans, changes, rates and approximations are left out."""
    text = doc.norm
    figures = [m for m in _QTY_RE.finditer(text) if not (m.start() and _NOT_BEFORE_FIGURE.match(text, m.start() - 1))]
    if not figures:
        return []
    inside = _quoted_index(doc)
    out: list[Quantity] = []
    sections = _sections(doc, text)
    section_starts = [o for o, _ in sections]
    names = _name_headings(text)
    name_starts = [o for o, _ in names]
    year_at = [(m.start(), m.group()) for m in _YEAR_RE.finditer(text) if not _after_digit(text, m.start())]
    year_starts = [p for p, _ in year_at]
    para_period: dict[int, bool] = {}
    sentences = doc.sentences
    sentence_starts = [a for a, _ in sentences]
    # the figures of each sentence: a sentence starts after a line break or a sentence mark and ends before a line
    # break or after its marks, where no figure begins or ends and which none of _QTY_RE's lookarounds reject, so
    # the matches in the whole text are those in each sentence alone
    by_sentence: dict[int, list[re.Match]] = defaultdict(list)
    for m in figures:
        by_sentence[bisect_right(sentence_starts, m.start()) - 1].append(m)
    for si, in_sentence in by_sentence.items():
        if si < 0:
            continue
        s_start, s_end = sentences[si]
        sentence = text[s_start:s_end]
        para = doc.line_index(s_start)
        ls, le = doc.lines[para]
        if para not in para_period:
            para_period[para] = _PERIOD_RE.search(text, ls, le) is not None
        period = para_period[para] or _PLAN_RE.search(sentence) is not None
        parts_at = min((i for i in (sentence.find("其中"), sentence.find("分别"), sentence.find("包括"),
                                    sentence.find("（")) if i != -1), default=-1)
        parts_follow = False
        # the clause holding a number: from after the clause mark before it to the clause mark after it
        marks = [c.start() for c in _CLAUSE_END_RE.finditer(sentence)]
        for m in in_sentence:
            s, e = m.start() - s_start, m.end() - s_start
            k = bisect_left(marks, s)
            cs = marks[k - 1] + 1 if k else 0
            k = bisect_left(marks, e, k)
            ce = marks[k] if k < len(marks) else len(sentence)
            if parts_at != -1 and parts_at < cs:
                parts_follow = True
            clause = sentence[cs:ce]
            if _SKIP_CLAUSE_RE.search(clause) or inside(s_start + s, s_start + e):
                continue
            run_start = s
            while run_start > cs and _is_han(sentence[run_start - 1]) and s - run_start < 12:
                run_start -= 1
            run = sentence[run_start:s]
            if run.endswith(_APPROX_BEFORE) or (not run and (s == 0 or sentence[s - 1] in "、 \t\u3000")):
                continue
            om = _OBJ_RE.match(sentence, e)
            obj = om.group(1) if om else ""
            key = run
            total = False
            for w in _TOTAL_WORDS:
                i = key.rfind(w)
                if i == -1:
                    continue
                rest = key[i + len(w):]
                if w == "共" and rest[:1] in _GONG_NOT_BEFORE and rest:
                    continue
                total = not parts_follow
                key = rest
            key = _SCOPE_WORDS_RE.sub("", key)
            while key and key.endswith(_KEY_STRIP):
                key = key[:-1]
            if len(key) < 2 and len(obj) < 3:
                continue
            yi = bisect_left(year_starts, s_start + s) - 1
            years = [year_at[yi][1]] if yi >= 0 and year_at[yi][0] >= ls else []
            value = Decimal(m.group("num"))
            if m.group("big") == "万":
                value *= 10000
            elif m.group("big") == "亿":
                value *= 100000000
            unit = m.group("unit")
            if unit in ("万元", "亿元"):
                value *= 10000 if unit == "万元" else 100000000
                unit = "元"
            elif unit in ("千米",):
                unit = "公里"
            scope = tuple(sorted(set(_SCOPE_WORDS_RE.findall(clause))))
            si = bisect_left(section_starts, s_start + s) - 1
            ni = bisect_left(name_starts, s_start + s) - 1
            out.append(Quantity(m.start("num"), s_start + e, value, unit, key, run, total,
                                years[-1] if years else "", scope, para, period,
                                sections[si][1] if si >= 0 else "", obj, names[ni][1] if ni >= 0 else "",
                                parts_follow))
    return out


def same_quantity(a: Quantity, b: Quantity) -> bool:
    """Two statements of one quantity: same unit, same year and scope, and one key the end of the other."""
    # a figure without a year is about the year of the draft: it may restate one that names it
    if a.unit != b.unit or (a.year != b.year and a.year and b.year) or a.scope != b.scope or a.section != b.section \
            or a.entity != b.entity:
        return False
    short, long = (a.key, b.key) if len(a.key) <= len(b.key) else (b.key, a.key)
    if a.obj and b.obj:  # what is counted is named after the measure word: 15个“儿童之家”, 13个“儿童之家”
        short_obj, long_obj = (a.obj, b.obj) if len(a.obj) <= len(b.obj) else (b.obj, a.obj)
        if not long_obj.startswith(short_obj):
            return False
        if len(short_obj) >= 3 and (not short or long.endswith(short)):
            return True
    return len(short) >= 2 and long.endswith(short)


def figure_conflict(first: Quantity, later: Quantity, group: int) -> bool:
    """True when ``later`` contradicts ``first``: two totals that differ, a total smaller than a figure it
    includes, or the same words (3 or more characters, or what is counted) restated with another number in another
    paragraph (not two parts listed after 其中: they may belong to two totals).
    ``group`` is how many figures of the document are statements of this quantity: a series of three or more
    (the beds of each hospital, the land prices of each grade) is a table, not a restatement."""
    if first.value == later.value or not same_quantity(first, later):
        return False
    if first.total and later.total:
        return group <= 3
    if first.total != later.total:
        total, part = (first, later) if first.total else (later, first)
        return total.value < part.value and group <= 3
    same_words = (first.key == later.key and len(first.key) >= 3) or (first.obj == later.obj and len(first.obj) >= 3)
    # two parts (其中…) may be parts of two different totals: 其中女性2923人 / 其中女性19329人
    return (group == 2 and same_words and first.para != later.para and not first.period and not later.period
            and not (first.part and later.part))


def _shown(q: Quantity, doc: Document) -> str:
    return doc.text[q.start:q.end]


_SERIES = 24


@rule("CON002", "figure-mismatch", severity="warning")
def figure_mismatch(doc: Document) -> Iterator[Finding]:
    """同一个数量在文中前后说法不一致。

    为什么：同一项工作的数字在一篇文稿中出现两次（正文与小结、分项与全年合计），两处的数必须一致；“培训2000人次”
    与“全年共培训1800人次”并存，至少有一处是错的，而且合计比分项还小。
    错误示例：开展技能培训2000人次……全年共培训1800人次。
    正确写法：核实后两处写成同一个数。
    依据：公文校对的“事实性差错”。只比较量词相同、所说的事相同（数字前面的词一个是另一个的结尾，或数字后面
    所数的东西相同）、年份和范围（上半年、全县……）相同、在同一个一级标题的时期之下（“2025年工作打算”之下的数是
    目标）、在同一个单位的小标题之下的两处，并且：两处都是合计（共、累计、全年……）而数不同；或合计小于它所包含的
    一项；或在不同段落里用三个字以上完全相同的说法（或数同一种东西）而数不同。计划、目标、增减、比较、比率、
    概数、同一说法出现三次以上的系列（各医院的床位数）都不比较；“其中”之后的两个分项可能属于两个总数，也不比较。
    不同年份的同一件事（“2021年培训2000人次，2022年培训1800人次”）不是矛盾。
    修复：无（哪个数对，需要人工核实）。
    """
    qs = doc.con_quantities
    # two statements of one quantity share the last two characters of their words or the first three of what
    # they count: only figures in one bucket are compared; a bucket of more than _SERIES figures is a series
    buckets: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, q in enumerate(qs):
        if len(q.key) >= 2:
            buckets[("key", q.unit, q.key[-2:])].append(i)
        if len(q.obj) >= 3:
            buckets[("obj", q.unit, q.obj[:3])].append(i)
    near: dict[int, set[int]] = defaultdict(set)
    for members in buckets.values():
        if 1 < len(members) <= _SERIES:
            for i in members:
                near[i].update(members)
    reported: set[int] = set()
    for j, later in enumerate(qs):
        if j not in near:
            continue
        for i in sorted(near[j]):
            if i >= j:
                break
            first = qs[i]
            if later.start in reported or not same_quantity(first, later):
                continue
            group = sum(1 for k in near[j] if same_quantity(qs[k], later) and same_quantity(qs[k], first))
            if not figure_conflict(first, later, group):
                continue
            reported.add(later.start)
            yield Finding(later.start, later.end,
                          f"“{later.run}{_shown(later, doc)}”与第{_line(doc, first.start)}行的“{first.run}{_shown(first, doc)}”"
                          f"说的是同一个数量，数字却不同，请核实")
            break


# ================================================================================================ short names (CON003)
_SHORT_DEF_RE = lazy_re(r"(?:以下简称|以下称|下称|以下统称|简称)[为作：:]?\s*(?:“(?P<q>[^“”\r\n]{1,16})”"
                           r"|《(?P<t>[^《》\r\n]{1,30})》|\"(?P<h>[^\"\r\n]{1,16})\")")


@dataclass(frozen=True)
class ShortName:
    name: str
    start: int  # of the definition phrase (以下简称…)
    end: int
    name_start: int
    name_end: int


def _definitions(doc: Document) -> list[ShortName]:
    text = doc.norm
    out = []
    for m in _SHORT_DEF_RE.finditer(text):
        g = "q" if m.group("q") is not None else "t" if m.group("t") is not None else "h"
        name = m.group(g)
        lead = len(name) - len(name.lstrip())
        name = name.strip()
        if name:
            out.append(ShortName(name, m.start(), m.end(), m.start(g) + lead, m.start(g) + lead + len(name)))
    return out


def _sentence_of(doc: Document, offset: int) -> tuple[int, int]:
    sents = doc.sentences
    i = bisect_left(sents, (offset + 1,)) - 1
    if i >= 0 and sents[i][0] <= offset < sents[i][1]:
        return sents[i]
    return offset, offset


def _part_of_full_name(text: str, p: int, name: str, full: str) -> bool:
    """True when the occurrence of ``name`` at ``p`` is part of the full name ``full`` written out."""
    n = len(name)
    for a in range(0, 9):
        for b in range(0, 9):
            if a + b and p - a >= 0 and text[p - a:p + n + b] in full:
                return True
    return False


@rule("CON003", "short-name-use", severity="warning")
def short_name_use(doc: Document) -> Iterator[Finding]:
    """简称在定义之前就用了、定义了两次，或者定义了却没有用。

    为什么：“（以下简称“X”）”告诉读者后文用 X 代替全称。在定义之前出现的 X 读者还不知道指什么；同一个简称定义两次
    是重复；定义了却从不使用，这个定义就是多余的（往往是改稿时删掉了后文）。
    错误示例：市妇联将协调推进……（第一次出现“市妇联”）……市妇女联合会（以下简称“市妇联”）。
    正确写法：第一次出现时写全称并定义简称，此后只用简称；简称只定义一次。
    依据：公文写作的通行要求：使用简称（尤其是新创、少用的简称），应当先用全称并注明简称（原《国家行政机关公文
    处理办法》的规定）。只比较“以下简称”“简称”“下称”后用引号或书名号标出的简称；写出全称时其中含有简称的
    部分（《中华人民共和国妇女权益保障法》中的“妇女权益保障法”）不算先用。
    修复：无。在定义之前使用为警告；重复定义、定义后没有使用为提示。
    """
    defs = _definitions(doc)
    if not defs:
        return
    text = doc.norm
    def_names = {x.name_start for x in defs}  # the short names inside the definitions themselves
    seen: dict[str, ShortName] = {}
    for d in defs:
        name = d.name
        if name in seen:
            first = seen[name]
            yield Finding(d.name_start, d.name_end,
                          f"简称“{doc.text[d.name_start:d.name_end]}”在第{_line(doc, first.start)}行已经定义过，这里又定义了一次",
                          severity="info")
            continue
        seen[name] = d
        s_start, _ = _sentence_of(doc, d.start)
        full = text[max(s_start, d.start - 40):d.start]
        before, after = [], []
        for p in _find_all(text, name):
            if p in def_names:
                continue
            if p < d.start:
                if p >= s_start or _part_of_full_name(text, p, name, full):
                    continue
                before.append(p)
            elif p >= d.end:
                after.append(p)
        if before:
            p = before[0]
            yield Finding(p, p + len(name),
                          f"简称“{doc.text[p:p + len(name)]}”在第{_line(doc, d.start)}行才定义，这里已经先用了")
        elif not after:
            yield Finding(d.name_start, d.name_end, f"定义了简称“{name}”，但后文没有使用", severity="info")


# ================================================================================================ date styles (CON004)
_DATE_RE = lazy_re(
    r"(?P<cn>(?<!\d)(?:19|20)\d{2}年(?:0?[1-9]|1[0-2])月(?:0?[1-9]|[12]\d|3[01])日)"
    r"|(?P<dot>(?<![\d.．])(?:19|20)\d{2}[.．](?:0?[1-9]|1[0-2])[.．](?:0?[1-9]|[12]\d|3[01])(?![\d.．]))"
    r"|(?P<dash>(?<![\d\-])(?:19|20)\d{2}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])(?![\d\-:]))"
    r"|(?P<slash>(?<![\d/])(?:19|20)\d{2}/(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?![\d/]))"
    r"|(?P<han>[一二〇零]{1}[〇零一二三四五六七八九]{3}年(?:十[一二]?|[一二三四五六七八九])月"
    r"(?:三十[一]?|二?十[一二三四五六七八九]?|[一二三四五六七八九])日)")
# where a full date can start: _DATE_RE (whose alternatives open with lookbehinds) is tried only there
_DATE_START_RE = lazy_re(r"(?:19|20)\d\d(?=[年.．\-/])|[一二〇零][〇零一二三四五六七八九]{3}(?=年)")
_STYLE_NAMES = {"cn": "“2021年3月5日”", "dot": "“2021.3.5”", "dash": "“2021-03-05”", "slash": "“2021/3/5”",
                "han": "“二〇二一年三月五日”"}


# a date stamp of a web page or a file (时间：2026-02-03, 2026-02-03 09:02): metadata, not a date of the text
_STAMP_BEFORE_RE = lazy_re(r"(?:时间|日期)[：:]\s*$")
_STAMP_AFTER_RE = lazy_re(r"\s*\d{1,2}:\d{2}")


def _dates(doc: Document) -> list[tuple[int, int, str]]:
    text = doc.norm
    if not any(c in text for c in "年.-/．"):
        return []
    out = []
    for a in _DATE_START_RE.finditer(text):
        m = _DATE_RE.match(text, a.start())
        if m is None:
            continue
        s, e, style = m.start(), m.end(), m.lastgroup
        if style != "han" and (_STAMP_BEFORE_RE.search(text, max(0, s - 12), s) or _STAMP_AFTER_RE.match(text, e)):
            continue
        out.append((s, e, style))
    return out


def _alone_on_line(doc: Document, s: int, e: int) -> bool:
    ls, le = doc.lines[doc.line_index(s)]
    return not doc.masked[ls:s].strip() and not doc.masked[e:le].strip()


@rule("CON004", "mixed-date-style", severity="warning")
def mixed_date_style(doc: Document) -> Iterator[Finding]:
    """同一篇文稿中的日期写法不统一。

    为什么：日期是同一种东西，一篇文稿里应当用同一种写法；“2021年3月5日”“2021.3.5”“2021-03-05”“二〇二一年三月五日”
    混用，显得粗糙，也容易看错。
    错误示例：2021年3月5日召开动员会……2021.4.10完成验收……2021-05-20前报送。
    正确写法：正文统一写作“2021年3月5日”。
    依据：GB/T 15835-2011《出版物上数字用法》5.1.4（年月日的写法；“2021-03-05”这类扩展格式用于表格、注释等）；
    GB/T 9704-2012《党政机关公文格式》7.3.5.3（成文日期用阿拉伯数字将年、月、日标全）。只报告少数写法，多数写法
    至少出现两次并且不少于少数写法的两倍时为警告，否则为提示；单独成行的汉字成文日期（旧格式）为提示。
    修复：无（请统一为多数写法）。
    """
    dates = _dates(doc)
    styles = Counter(style for _, _, style in dates)
    if len(styles) < 2:
        return
    # the majority style; a tie goes to the style of running text (2021年3月5日)
    major = max(styles, key=lambda st: (styles[st], st == "cn"))
    n_major = styles[major]
    for s, e, style in dates:
        if style == major:
            continue
        sure = n_major >= 2 and n_major >= 2 * styles[style]
        # 汉字 dates are an older convention (speeches, signature dates of GB/T 9704-1999): against them, or alone on
        # a signature line, only a hint
        info = not sure or major == "han" or (style == "han" and _alone_on_line(doc, s, e))
        yield Finding(s, e, f"日期“{doc.text[s:e]}”的写法与文中多数日期（{_STYLE_NAMES[major]}式，{n_major}处）不同",
                      severity="info" if info else None)


# ================================================================================================ numbering (CON005)
_HEADING_RE = lazy_re(r"^[ \t\u3000]*(?:(?P<cn>[一二三四五六七八九十]{1,3})(?P<cnsep>[、.．，,]|[ \t\u3000]+)"
                         r"|(?P<ar>\d{1,2})(?P<arsep>[.．]|[ \t\u3000]+)(?!\d))"
                         f"(?=[{_HAN}“《])", re.M)
_SEP_NAMES = {"、": "顿号“、”", ".": "半角点“.”", "．": "全角点“．”", "，": "逗号“，”", ",": "半角逗号“,”", " ": "空格"}


@rule("CON005", "mixed-heading-numbering", severity="warning")
def mixed_heading_numbering(doc: Document) -> Iterator[Finding]:
    """同一层级的标题序号用了不同的写法（“一、”与“二．”，“1.”与“2．”）。

    为什么：同一层级的标题应当用同一种序号格式，读者靠序号的样式辨认层级；混用会让人以为是不同的层级。
    错误示例：一、主要工作⏎二．存在问题⏎三、下一步打算。
    正确写法：一、主要工作⏎二、存在问题⏎三、下一步打算。
    依据：GB/T 9704-2012《党政机关公文格式》7.3.3（结构层次序数依次为“一、”“（一）”“1.”“（1）”）。
    同一层级（行首的汉字数字序号，或行首的阿拉伯数字序号）至少有两处用了同一种写法，而且不少于其他写法的两倍时，
    报告少数写法。“1、”由 SEQ001 报告，括号序号由 SEQ002 报告，这里不重复。
    修复：无。
    """
    masked = doc.masked
    seps: dict[str, list[tuple[int, int, str]]] = {"cn": [], "ar": []}
    for m in _HEADING_RE.finditer(masked):
        level = "cn" if m.group("cn") is not None else "ar"
        sep = m.group(level + "sep")
        if sep.strip(" \t\u3000") == "":
            sep = " "
        seps[level].append((m.start(level), m.end(level + "sep"), sep))
    for level, items in seps.items():
        counts = Counter(sep for _, _, sep in items)
        if len(counts) < 2:
            continue
        major, n_major = counts.most_common(1)[0]
        for s, e, sep in items:
            if sep == major or not (n_major >= 2 and n_major >= 2 * counts[sep]):
                continue
            kind = "汉字数字" if level == "cn" else "阿拉伯数字"
            yield Finding(s, e, f"{kind}标题序号“{doc.text[s:e].strip()}”用了{_SEP_NAMES[sep]}，"
                                f"同一层级的其他{n_major}个序号用的是{_SEP_NAMES[major]}")


# ================================================================================================ cross-file (CON006)
@rule("CON006", "cross-file-mismatch", severity="warning")
def cross_file_mismatch(doc: Document) -> Iterator[Finding]:
    """同一批文稿之间，同一个名称或数字的写法不一致（只在 `lintkit check --cross-file` 时检查）。

    为什么：一个单位的一批材料（总结、简报、汇报）讲的是同样的人、同样的单位、同样的数字；这一份写“陈金锋”，
    那一份写“陈金峰”，或者一份说“2021年全县共培训2000人次”，另一份说“2021年全县共培训1800人次”，至少有一份是错的。
    错误示例：总结.txt：2021年全县共培训2000人次……简报.txt：2021年全县共培训1800人次。
    正确写法：核实后各份材料写成同一个名称、同一个数。
    依据：公文校对的“事实性差错”。名称的判断与 CON001 相同（只差一个音近或形近的字，或机构名称中间少一个字；
    在这一批文稿中，多数写法出现的次数至少是少数写法的两倍）；数字只比较写明了同一年份的合计（共、累计、全年……）。
    报告在按路径排序靠后的文件上，与 --jobs 无关。
    修复：无。
    """
    return ()


def crossfile_facts(doc: Document) -> dict:
    """What CON006 compares between the files of one run: name candidates with their counts and occurrences, and
    the totals that state their year. Plain data (picklable)."""
    ents = doc.con_entities
    text = doc.norm
    # across files only whole names are compared: a candidate that begins with a level of government (县妇女联合会)
    # or stands after a mark somewhere in the draft, not the tail of a phrase (…积极推进政府)
    names = {c: at for c, at in ents.orgs.items()
             if c[0] in _LEVELS or any(p == 0 or not _is_han(text[p - 1]) for p in at)}
    org_word = {c: ents.org_word[c] for c in names}
    persons = {}
    for p in ents.persons:
        at = _find_all(text, p)
        if at:
            persons[p] = at
    figures = [(q.start, q.end, str(q.value), q.unit, q.key, q.run, q.year, q.scope, doc.text[q.start:q.end])
               for q in doc.con_quantities if q.total and q.year and not q.part]
    # what CON001 reports in this draft is not reported again across files
    local = [(x.start, x.end) for x in name_variant(doc)]
    local_forms = sorted({text[a:b] for a, b in local})
    return {"orgs": names, "org_word": org_word, "persons": persons, "figures": figures, "local": local,
            "local_forms": local_forms}


def crossfile_compare(facts: list[tuple[str, dict]]) -> list[tuple[str, int, int, str]]:
    """Compare the facts of the files of one run, in the given order (sorted by path). Returns
    ``(path, start, end, message)`` for each finding, always on the later file."""
    out: list[tuple[str, int, int, str]] = []
    org_total: Counter = Counter()
    person_total: Counter = Counter()
    first_file: dict[str, str] = {}
    org_word: dict[str, int] = {}
    for path, f in facts:
        for c, at in f["orgs"].items():
            org_total[c] += len(at)
            first_file.setdefault(c, path)
        for c, at in f["persons"].items():
            person_total[c] += len(at)
            first_file.setdefault(c, path)
        org_word.update(f["org_word"])
    orgs = {c: [0] * n for c, n in org_total.items()}
    variants = org_variants(orgs, org_word)
    persons = set(person_total)
    variants += person_variants(persons, person_total)
    # each form -> the forms it is a variant of, when one of the two is the clear majority of the batch
    pairs: dict[str, list[tuple[str, str, str]]] = defaultdict(list)  # form -> (other, majority form, kind)
    for v in variants:
        total = org_total if v.kind == "org" else person_total
        if _majority(total[v.major], total[v.minor]):
            pairs[v.minor].append((v.major, v.major, v.kind))
            pairs[v.major].append((v.minor, v.major, v.kind))
    earlier: dict[str, str] = {}  # form -> the first file it appears in, among the files already compared
    # a form CON001 already reports inside its own draft is not compared again across files
    local_forms = {x for _, f in facts for x in f.get("local_forms", ())}
    seen_figures: list[tuple[str, tuple]] = []
    for path, f in facts:
        taken: set[int] = {p for a, b in f.get("local", ()) for p in range(a, b)}
        for kind in ("orgs", "persons"):
            for c in sorted(f[kind], key=lambda x: (-len(x), x)):
                for other, major, v_kind in pairs.get(c, ()):
                    # only across files, reported on the later one: the other form is in an earlier file, not here
                    if other in f[kind] or other not in earlier or any(x in c or x in other for x in local_forms):
                        continue
                    what = "机构名称" if v_kind == "org" else "人名"
                    hint = f"，这一批文稿中多数写作“{major}”" if major != c else ""
                    # the minority form is reported wherever it stands; the majority form once per file
                    for s in f[kind][c] if major != c else f[kind][c][:1]:
                        e = s + len(c)
                        if not taken.isdisjoint(range(s, e)):
                            continue
                        taken.update(range(s, e))
                        out.append((path, s, e, f"{what}“{c}”在{earlier[other]}中写作“{other}”{hint}，"
                                                f"请核实哪一种是对的"))
                    break
        for kind in ("orgs", "persons"):
            for c in f[kind]:
                earlier.setdefault(c, path)
        for fig in f["figures"]:
            q = _figure(fig)
            for other_path, other in seen_figures:
                oq = _figure(other)
                if other_path != path and oq.value != q.value and same_quantity(oq, q) and oq.key == q.key:
                    out.append((path, q.start, q.end, f"{q.year}年“{q.run}{fig[8]}”与{other_path}中的“{oq.run}{other[8]}”"
                                                      f"说的是同一个数量，数字却不同，请核实"))
                    break
        seen_figures.extend((path, fig) for fig in f["figures"])
    return out


def _figure(fact: tuple) -> Quantity:
    s, e, value, unit, key, run, year, scope, _ = fact
    return Quantity(s, e, Decimal(value), unit, key, run, True, year, tuple(scope))


cross_file_mismatch.lintkit_crossfile = CrossFile(crossfile_facts, crossfile_compare)  # type: ignore[attr-defined]
