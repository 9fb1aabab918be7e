"""SEQ — numbering of headings and lists (序次语).

GB/T 15834-2011 (appendix, 序次语) and GB/T 9704-2012 7.3.3 fix four heading levels: ``一、`` / ``（一）`` /
``1.`` / ``（1）``. Drafts write ``1、``, ``（一）、`` or halfwidth ``(一)``, skip or repeat numbers, and start
``一是…`` enumerations they never continue.

Ordinals are found once per document (the view ``doc.ordinals``) in the masked text: at the start of a line
(after indentation) or, for documents whose paragraphs were run together, right after a sentence or clause end;
a bracketed Chinese ordinal ``（一）`` is also accepted directly after a Han character (``有作为（一）落实``), unless it
stands inside a common word (``小（二）型水库``). Ordinals inside quotations are never headings. SEQ003 checks the
headings (ordinals at a line start) as one sequence and each paragraph's enumeration on its own.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterator, NamedTuple

import regex

from lintkit import Document, Finding, Fix, Trigger, lazy_compile, rule, view
from lintkit.triggers import matches_at_anchors

from ._zh import word_across

_CN = "一二三四五六七八九十"
_CN_VALUE = {c: i + 1 for i, c in enumerate("一二三四五六七八九")}


def cn_number(s: str) -> int | None:
    """Value of a Chinese numeral from 一 to 九十九 (一, 十, 十二, 二十, 二十三); None otherwise."""
    if not s or any(c not in _CN for c in s):
        return None
    if "十" not in s:
        return _CN_VALUE[s] if len(s) == 1 else None
    head, _, tail = s.partition("十")
    if "十" in tail or len(head) > 1 or len(tail) > 1:
        return None
    tens = _CN_VALUE[head] if head else 1
    return tens * 10 + (_CN_VALUE[tail] if tail else 0)


# Where a heading ordinal may stand: line start (after indentation), or after a sentence/clause end.
_AT_START = r"(?:^|(?<=^[ \t\u3000]+))"
_AFTER_END = r"(?<=[。！？；;!?：:][ \t\u3000]*)"
_ORDINAL_RE = lazy_compile(
    r"(?P<pos>" + _AT_START + r"|" + _AFTER_END + r"|(?<=(?P<han>\p{Han})))"
    r"(?:"
    # level 2 / 4: bracketed Chinese or arabic numeral, any bracket width, optional stray point after it
    # (a line may end with the opening bracket: text pasted from a web page breaks （⏎三）)
    r"(?P<bopen>[（(])(?:\r\n|\r|\n)?(?P<bnum>[一二三四五六七八九十]{1,3}|\d{1,2})(?P<bclose>[）)])(?P<bpoint>[、.．,，]?)"
    r"(?=[ \t\u3000]*(?P<bbreak>(?:\r\n|\r|\n)[ \t\u3000]*)?[\p{Han}“‘《「『\d])"
    r"|(?P<cnum>[一二三四五六七八九十]{1,3})、(?=[ \t\u3000]*(?P<cbreak>(?:\r\n|\r|\n)[ \t\u3000]*)?[\p{Han}“‘《「『\d])"  # level 1
    r"|(?P<anum>\d{1,2})(?P<apoint>[.．、])(?![\d.．])(?=[ \t\u3000]*[\p{Han}“‘《「『A-Z])"  # level 3
    r")",
    regex.M,
)
# an ordinal directly after these characters is a reference (第三条（一）项), not a heading
_REFERENCE_BEFORE = "第条款项章节目"


# A quotation or title (doc.quoted) opens with one of these marks, on the line it lies in.
_QUOTE_OPENER_RE = lazy_compile(r"[“‘《「『〈\"]")


def in_quotes_on_line(doc: Document, start: int, end: int) -> bool:
    """``doc.in_quotes(start, end)``, asked only when the line holds an opening mark before ``start`` (looking back
    at most 200 characters): without one the answer is False, and the quotation view need not be built."""
    masked = doc.masked
    line_start = doc.lines[doc.line_index(start)][0]
    if start - line_start <= 200 and _QUOTE_OPENER_RE.search(masked, line_start, start) is None:
        return False
    return doc.in_quotes(start, end)


class Ordinal(NamedTuple):
    """One heading/list ordinal (immutable)."""

    start: int
    end: int
    level: int  # 1 一、  2 （一）  3 1.  4 （1）
    value: int
    text: str
    inline_after_han: bool
    halfwidth: bool = False  # bracketed ordinal written with a halfwidth bracket
    point: str = ""  # stray mark after a bracketed ordinal, or the mark after an arabic ordinal
    at_line_start: bool = False  # only blanks before it on its line (a heading); else inside a paragraph

    @property
    def misformed(self) -> bool:
        """A bracketed ordinal with a halfwidth bracket or a stray point after it (SEQ002 reports it)."""
        return self.level in (2, 4) and (self.halfwidth or bool(self.point))


# The mark every ordinal holds, at most 3 characters after its start: its opening bracket, or the 、/point after
# the numeral run of a level-1 or level-3 ordinal (一、 十二、 3. 12、). Each alternative also checks what follows,
# as _ORDINAL_RE does, so 3.98 and （包括 are no anchors. _ORDINAL_RE starts with lookbehinds and numerals (一 and
# digits are everywhere): it is tried only from 3 characters before each anchor (matches_at_anchors: exact, because
# every match holds an anchor).
_ORDINAL_ANCHOR_RE = lazy_compile(
    r"[（(](?=(?:\r\n|\r|\n)?(?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)])"
    r"|、(?<=[一二三四五六七八九十]、)(?=[ \t\u3000]*(?:(?:\r\n|\r|\n)[ \t\u3000]*)?[\p{Han}“‘《「『\d])"
    r"|[.．、](?<=\d.)(?![\d.．])(?=[ \t\u3000]*[\p{Han}“‘《「『A-Z])"
)
_ANCHOR_BEFORE = 3


def ordinal_matches(masked: str) -> list:
    """The matches of ``_ORDINAL_RE.finditer(masked)``."""
    anchors = [a.start() for a in _ORDINAL_ANCHOR_RE.finditer(masked)]
    return matches_at_anchors(_ORDINAL_RE.match, masked, anchors, _ANCHOR_BEFORE)


@view("ordinals")
def ordinals(doc: Document) -> list[Ordinal]:
    """Heading and list ordinals (序次语) of the document, in text order: ``Ordinal(start, end, level, value, text,
    inline_after_han, halfwidth, point)`` with level 1 ``一、``, 2 ``（一）``, 3 ``1.``, 4 ``（1）``. Found in the
    masked text at a line start (after indentation), after a sentence or clause end, or (only ``（一）``) right after
    a Han character (but not inside a common word: 小（二）型水库); never inside a quotation, never after
    第/条/款/项/章/节/目 (a reference such as 第三条（一）项)."""
    masked = doc.masked
    out: list[Ordinal] = []
    for m in ordinal_matches(masked):
        s, e = m.span()
        _, han, bopen, bnum, bclose, bpoint, bbreak, cnum, cbreak, anum, apoint = m.groups()
        if han is not None and (bnum is None or bnum[0] not in _CN or masked[s - 1] in _REFERENCE_BEFORE
                                or word_across(masked[max(0, s - 3):s], masked[e:e + 3])):
            continue  # after a Han character only （一） counts, and not inside a word (小（二）型水库)
        # An ordinal with only blanks before it on its line is in no quotation: a quotation (doc.quoted) opens with
        # a mark on the same line. Asking only for the others spares most documents the quotation view.
        p = s
        while p and masked[p - 1] in " \t\u3000":
            p -= 1
        at_start = not p or masked[p - 1] in "\r\n"
        if not at_start and (bbreak or cbreak or in_quotes_on_line(doc, s, e)):
            continue  # an ordinal alone at the end of its line is a heading only at the line's start (三、⏎国家…)
        if bnum is not None:
            arabic = bnum.isdigit()
            value = int(bnum) if arabic else cn_number(bnum)
            if value is None or value == 0:
                continue
            half = bopen == "(" or bclose == ")"
            out.append(Ordinal(s, e, 4 if arabic else 2, value, m.group(), han is not None, half, bpoint, at_start))
        elif cnum is not None:
            value = cn_number(cnum)
            nxt = masked[e] if e < len(masked) else ""
            if value is None or nxt in _CN:  # 三、四年级 is not a heading
                continue
            out.append(Ordinal(s, e, 1, value, m.group(), False, at_line_start=at_start))
        else:
            value = int(anum)
            if value == 0:
                continue
            out.append(Ordinal(s, e, 3, value, m.group(), False, point=apoint, at_line_start=at_start))
    return out


def _label(o: Ordinal, value: int) -> str:
    if o.level == 1:
        return _cn(value) + "、"
    if o.level == 2:
        return "（" + _cn(value) + "）"
    if o.level == 3:
        return f"{value}."
    return f"（{value}）"


def _cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


# ------------------------------------------------------------------------------------------------- SEQ001
@rule("SEQ001", "arabic-ordinal-with-dunhao", severity="warning", fix="safe",
      on=Trigger("、", pattern=r"、(?<=\d、)"))
def arabic_ordinal_dunhao(doc: Document, _marks) -> Iterator[Finding]:
    """阿拉伯数字序号后用了顿号（“1、”），应为“1.”。

    为什么：顿号用于并列词语之间；阿拉伯数字序次语后面用下脚点“.”，汉字数字序次语后面才用顿号（“一、”）。
    错误示例：1、庆“三・八”，成功举办各类健康有益的庆祝活动；主要有：1、加强学习
    正确写法：1.庆“三・八”，成功举办各类健康有益的庆祝活动；主要有：1.加强学习
    依据：GB/T 15834-2011 附录（序次语之后的标点用法）；GB/T 9704-2012 7.3.3（结构层次序数“一、”“（一）”“1.”“（1）”）。
    修复：安全修复，把顿号换成下脚点“.”。只在行首或句末标点之后、且后面紧跟文字时报告，
    所以“1、2、3号楼”“2、3年”这样的数字并列不报告。
    """
    for o in doc.ordinals:
        if o.level == 3 and o.point == "、":
            p = o.end - 1
            yield Finding(o.start, o.end, f"阿拉伯数字序号“{o.text}”后面应用下脚点“{o.value}.”，不用顿号",
                          Fix.replace(p, o.end, ".", f"改为“{o.value}.”"))


# ------------------------------------------------------------------------------------------------- SEQ002
# No ``supersedes=("PUN001",)`` here: PUN001 summarises halfwidth documents in one finding per line, and the
# engine drops a superseded finding whenever the spans overlap, which would hide the whole line. PUN001 leaves the
# misformed ordinals of doc.ordinals alone instead.
@rule("SEQ002", "bracketed-ordinal-form", severity="error", fix="safe",
      on=(Trigger(chars="()"), Trigger("）、", "）.", "）．", "）,", "），")))
def bracketed_ordinal_form(doc: Document, _marks) -> Iterator[Finding]:
    """括号序号后又加了点号（“（一）、”），或用了半角括号（“(一)”）。

    为什么：带括号的序次语本身已起分隔作用，后面不再加顿号或下脚点；中文文稿中的括号用全角“（）”。
    错误示例：（一）、围绕中心；(一)围绕中心,开展丰富多彩的各类节日庆祝活动；(1)加强学习
    正确写法：（一）围绕中心；（一）围绕中心，开展丰富多彩的各类节日庆祝活动；（1）加强学习
    依据：GB/T 15834-2011 附录（“（一）”“（1）”后不加标点）；GB/T 9704-2012 7.3.3。
    修复：安全修复，改为全角括号并删去括号后的点号。只检查行首、句末标点之后（或紧跟在汉字之后的“(一)”）的
    序号，公式中的“(1)”、正文中“第三条(一)项”这样的引用不报告。
    """
    for o in doc.ordinals:
        if not o.misformed:
            continue
        good = _label(o, o.value) if o.level == 4 else "（" + o.text.strip("（()）、.．,，") + "）"
        what = []
        if o.halfwidth:
            what.append("用了半角括号")
        if o.point:
            what.append(f"括号后多了“{o.point}”")
        yield Finding(o.start, o.end, f"序号“{o.text}”{'、'.join(what)}，应为“{good}”",
                      Fix.replace(o.start, o.end, good, f"改为“{good}”"))


# ------------------------------------------------------------------------------------------------- SEQ003
@rule("SEQ003", "ordinal-sequence", severity="warning", on=Trigger(chars="、）).．"))
def ordinal_sequence(doc: Document, _marks) -> Iterator[Finding]:
    """同一层级的序号跳号或重复（如“（一）（二）（四）”“1. 2. 2.”）。

    为什么：序号跳号、重号多是增删段落后没有重新编号，读者会以为漏了内容。
    错误示例：（一）加强领导……（二）完善制度……（四）强化考核
    正确写法：（一）加强领导……（二）完善制度……（三）强化考核
    依据：GB/T 9704-2012 7.3.3（结构层次序数依次为“一、”“（一）”“1.”“（1）”）。
    修复：无自动修复（需要确认是漏了一段还是编号错了）。上一级标题出现后，下一级序号重新从1开始，不算跳号；
    序号重新从“一”或“1”开始视为新的列表（但紧接着的第二个“一、”“（一）”是重号），新列表结束后原来的列表可以接着
    编号（“四、”下面的“一、二、三、”之后是“五、”）；句子中的列举（“报告分六个部分：一、……六、”）只在本段内检查，
    不与行首的标题混在一起；引号内的编号列表不是标题，不检查。
    """
    # Headings (ordinals at a line start) form one sequence through the document; ordinals inside a paragraph
    # (an enumeration in a sentence: 报告分六个部分：一、…六、) form their own sequence per paragraph.
    headings = []
    inline: dict[int, list[Ordinal]] = {}
    starts = None
    for o in doc.ordinals:
        if o.at_line_start:
            headings.append(o)
        else:
            if starts is None:
                starts = [s for s, _ in doc.logical_paragraphs]
            inline.setdefault(bisect_right(starts, o.start), []).append(o)
    for group in [headings, *inline.values()]:
        yield from _sequence_findings(doc.masked, group)


def _written_otherwise(masked: str, prev: Ordinal, o: Ordinal) -> bool:
    """True when the number missing between ``prev`` and ``o`` stands at a line start between them in a form that is
    no ordinal here (20.2026年…, 21.5+2就业之家: the point reads as a decimal point)."""
    value = prev.value + 1
    num = _cn(value) if o.level in (1, 2) else str(value)
    pattern = {1: num + "、", 2: "[（(]" + num + "[）)]", 3: num + "[.．、]", 4: "[（(]" + num + "[）)]"}[o.level]
    return regex.search(r"(?m)^[ \t\u3000]*" + pattern, masked, pos=prev.end, endpos=o.start) is not None


def _next_value(ordinals: list[Ordinal], i: int) -> int | None:
    """The value of the next ordinal of the level of ``ordinals[i]`` before one of a higher level (None: none)."""
    level = ordinals[i].level
    for o in ordinals[i + 1:]:
        if o.level < level:
            return None
        if o.level == level:
            return o.value
    return None


def _sequence_findings(masked: str, ordinals: list[Ordinal]) -> Iterator[Finding]:
    # per level, the lists still open: a list that restarts at 1 inside another (一、…四、 then 一、二、三、 as
    # sub-items, then 五、) ends where the outer list goes on
    open_lists: dict[int, list[Ordinal]] = {}
    for i, o in enumerate(ordinals):
        for lvl in [k for k in open_lists if k > o.level]:
            del open_lists[lvl]  # a new parent heading restarts the numbering below it
        lists = open_lists.setdefault(o.level, [])
        if not lists:
            lists.append(o)
            continue
        prev = lists[-1]
        if o.value == prev.value + 1:
            lists[-1] = o
            continue
        if o.value == 1 and not (prev.value == 1 and (o.level <= 2 or _next_value(ordinals, i) == 3)):
            # a new list (一、 twice in a row is a repeated heading, not a list of one; so is 1. 1. 3.)
            lists.append(o)
            continue
        outer = next((k for k in range(len(lists) - 2, -1, -1) if o.value == lists[k].value + 1), None)
        if outer is not None:
            del lists[outer + 1:]  # the inner list ended; the outer one goes on
            lists[-1] = o
            continue
        lists[-1] = o
        if o.value == prev.value:
            msg = f"序号“{o.text.strip()}”与上一个同级序号重复"
        elif o.value > prev.value + 1:
            if _written_otherwise(masked, prev, o):
                continue
            missing = _label(o, prev.value + 1)
            msg = f"序号不连续：“{prev.text.strip()}”之后是“{o.text.strip()}”，缺少“{missing}”"
        else:
            msg = f"序号顺序颠倒：“{prev.text.strip()}”之后是“{o.text.strip()}”"
        yield Finding(o.start, o.end, msg)


# ------------------------------------------------------------------------------------------------- SEQ004
_YISHI_RE = lazy_compile(r"(?<![\p{Han}])一是(?![一是])")
_ERSHI_RE = lazy_compile(r"二是")


@rule("SEQ004", "orphan-enumerator", severity="info", on=Trigger("一是", pattern=_YISHI_RE))
def orphan_enumerator(doc: Document, enumerators) -> Iterator[Finding]:
    """用了“一是”却没有“二是”。

    为什么：“一是……二是……”是列举，只有“一是”说明列举没有写完，或后面的项目用了别的写法。
    错误示例：一是推进“破难”行动，拓宽组织覆盖。延伸触角拓展“四新”领域组织建设……（后文没有“二是”）
    正确写法：删去“一是”，或补全“二是……”。
    依据：共产党员网公文常见错误（序号错误）；列举的完整性。
    修复：无。“二是”在同一段或后面三段之内出现都算完整；“统一是”“第一是”“一是一，二是二”不报告。提示级别。
    """
    masked = doc.masked
    paragraphs = doc.logical_paragraphs
    starts = None
    for m in enumerators:
        s, e = m.span()
        if in_quotes_on_line(doc, s, e):
            continue
        if starts is None:
            starts = [s for s, _ in paragraphs]
        i = bisect_right(starts, s) - 1
        limit = paragraphs[min(i + 3, len(paragraphs) - 1)][1] if i >= 0 else len(masked)
        if _ERSHI_RE.search(masked, e, limit):
            continue
        yield Finding(s, e, "有“一是”而后文没有“二是”，列举不完整")
