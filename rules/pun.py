"""PUN — punctuation (GB/T 15834-2011《标点符号用法》).

All rules read ``doc.masked`` (URLs, e-mail addresses, Markdown code and residue such as pinyin annotations are
masked) and never match across a line break. A mark is judged by its neighbours: a halfwidth ``,`` between two Han
characters is Chinese punctuation typed in the wrong width; the same mark between digits (``1,000``), in Latin
text, in a URL or in a formula is not.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from typing import Iterator

import regex

from lintkit import Document, Edit, Finding, Fix, MASK, Trigger, lazy_compile, rule, view
from lintkit.cache import compile_re

from ._common import load_data, valid_month_day
from ._zh import data_pattern, word_across

# patterns used inside the rules (compiled once, not looked up in regex's cache on every call)
_FORMULA_CHAR = lazy_compile(r"[A-Za-z_=\d]")

OPEN_FULL = "“‘《（「『〔【〈"
CLOSE_FULL = "”’》）」』〕】〉"
_HAN = lazy_compile(r"\p{Han}")
_LATIN_LETTERS = r"a-zA-Z\u00c0-\u024f\u0300-\u036f"
#: a Han character with what residue may leave after it: a masked run, or a pinyin annotation (婦聯(lián)) when the
#: residue rules are not selected
HANX = r"(?:\p{Han}(?:" + MASK + r"+|\([" + _LATIN_LETTERS + r"]{1,8}\))?)"

# ------------------------------------------------------------------------------------------------- PUN001
_FULLWIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）", ".": "。"}
_MARK_NAME = {",": "逗号", ";": "分号", ":": "冒号", "!": "叹号", "?": "问号", "(": "括号", ")": "括号", ".": "句点"}
# What may stand left of a Chinese mark: a Han character or a closing fullwidth mark; a Han character followed by
# masked text or by a pinyin annotation (婦聯(lián), when residue rules are off); a Latin word embedded in Chinese
# (推广APP,); a digit or percent sign; a halfwidth closing parenthesis (decided later).
_LEFT = (r"(?:[\p{Han}" + CLOSE_FULL + r"]|\p{Han}" + MASK + r"+|\p{Han}\([" + _LATIN_LETTERS + r"]{1,8}\)"
         r"|\p{Han}[A-Za-z]{1,10}|[\d%％)])")
# (the mark comes first and its left side is a lookbehind from just after it: the match starts at the mark, the
# trigger's literal)
_MARK_PATTERN = (
    r"(?P<mark>[,;:!?])(?<=" + _LEFT + r"[,;:!?])(?P<sp>[ \t]*)(?=(?P<r>[\p{Han}" + OPEN_FULL + r"(\d”’\r\n])|\Z)"
)
# The same matches as _MARK_PATTERN, with the commonest certain case first: , ; or : between a Han character (or a
# closing mark) and a Han character, an opening mark or a digit (the spaces after the mark are part of the match
# either way). The rule handles it without looking at the characters again.
_MARK_OR_PLAIN_RE = lazy_compile(
    r"(?P<plain>[,;:](?<=[\p{Han}" + CLOSE_FULL + r"][,;:])[ \t]*(?=[\p{Han}" + OPEN_FULL + r"\d]))|"
    + _MARK_PATTERN
)
# sentence-final halfwidth point after a Han character at the end of a line (工作取得成效.)
_EOL_POINT_RE = lazy_compile(r"\.(?<=\p{Han}[”’]?\.)(?=[”’]?[ \t]*(?:[\r\n]|\Z))"
                             r"|\.(?<=\p{Han}\.)(?=[”’][ \t]*(?:[\r\n]|\Z))")
# A bracket pair with at least one halfwidth bracket, innermost only, found from its halfwidth bracket: (…) or (…）
# from the opening one, （…) from the closing one. The content holds no bracket, so the two never overlap.
_PAREN_HALF_OPEN_RE = lazy_compile(r"\((?P<c>[^()（）\r\n]{1,200})[)）]")
_PAREN_HALF_CLOSE_RE = lazy_compile(r"\)(?<=（(?P<c>[^()（）\r\n]{1,200})\))")
_PINYIN_PAREN = lazy_compile(r"(?<=\p{Han})\([" + _LATIN_LETTERS + r"]{1,8}\)$")


def _paren_pairs(opens: list, closes: list) -> list[tuple[int, int, str]]:
    """``(start, end, content)`` of the bracket pairs with a halfwidth bracket, in order (``opens``, ``closes``:
    the matches of _PAREN_HALF_OPEN_RE and _PAREN_HALF_CLOSE_RE)."""
    pairs = [(m.start(), m.end(), m.group("c")) for m in opens]
    pairs += [(m.start("c") - 1, m.end(), m.group("c")) for m in closes]
    pairs.sort()
    return pairs


def _paren_edits(doc: Document, pairs: list[tuple[int, int, str]],
                 excluded: list[tuple[int, int]]) -> dict[int, str]:
    """Positions of halfwidth brackets that enclose Chinese text (and so must be fullwidth)."""
    masked = doc.masked
    out: dict[int, str] = {}
    for s, e, content in pairs:
        if not _HAN.search(content):
            continue  # (lián), (1), (x+y), (WHO): not Chinese text
        if s > 0 and _FORMULA_CHAR.match(masked[s - 1]) and masked[s] == "(":
            continue  # f(中文), x=(…): code or formula
        if _overlaps(excluded, s, e):
            continue
        for p in (s, e - 1):
            if masked[p] in "()":
                out[p] = _FULLWIDTH[masked[p]]
    return out


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    i = bisect_right(spans, (s, 1 << 62)) - 1
    for a, b in spans[max(i, 0): i + 2]:
        if a < e and s < b:
            return True
    return False


_MASK_RUN_BACK = lazy_compile(MASK + "+$")


def _mask_run_start(masked: str, last: int) -> int:
    """Start of the masked run that ends at ``last`` (inclusive)."""
    m = _MASK_RUN_BACK.search(masked, max(0, last - 200), last + 1)
    return m.start() if m else last


def _kind(ch: str) -> str:
    if not ch or ch in "\r\n":
        return "eol"
    if ch in OPEN_FULL or ch in CLOSE_FULL or _HAN.match(ch):
        return "han"
    if ch.isdigit() or ch in "%％":
        return "digit"
    if ch == MASK:
        return "mask"
    if "a" <= ch.lower() <= "z":
        return "latin"
    return "other"


class _KindCache(dict):
    """``_kind`` of a character, computed once per character."""

    def __missing__(self, ch: str) -> str:
        kind = self[ch] = _kind(ch)
        return kind


_KIND = _KindCache()
# (left kind, right kind) pairs for which a halfwidth , ; : (and ! ?) between them is Chinese punctuation
_OK_COMMA = frozenset([("han", "han"), ("han", "digit"), ("han", "eol"), ("digit", "han"), ("latin", "han")])
_OK_BANG = frozenset([("han", "han"), ("han", "eol"), ("han", "close")])


def _halfwidth_marks(doc: Document, marks: list, points: list, opens: list,
                     closes: list) -> list[tuple[int, int, str, str]]:
    """``(start, end, mark, replacement)`` for every halfwidth mark PUN001 is certain about, from the matches of
    its triggers."""
    masked = doc.masked
    pairs = _paren_pairs(opens, closes)
    # SEQ002 reports misformed bracketed ordinals, PUN011 the commas between quoted list items
    seq_spans = [(o.start, o.end) for o in doc.ordinals if o.misformed]
    commas = doc.list_commas
    excluded = sorted(seq_spans + [(s, s + 1) for s in commas])
    # the same spans as a set of positions: the spans are disjoint, so a mark overlaps one iff it lies in one
    excluded_at = set(commas)
    for a, b in seq_spans:
        excluded_at.update(range(a, b))
    parens = _paren_edits(doc, pairs, excluded)
    out: list[tuple[int, int, str, str]] = []
    for p, full in parens.items():
        out.append((p, p + 1, masked[p], full))
    kinds = _KIND
    fullwidth = _FULLWIDTH
    for m in marks:
        s = m.start()
        if s in excluded_at:
            continue
        plain, mark, sp, r = m.groups()
        if plain is not None:  # Han , Han: certain, and the spaces after the mark go too
            out.append((s, m.end(), plain[0], fullwidth[plain[0]]))
            continue
        lch = masked[s - 1]
        if lch == ")":
            if s - 1 in parens:
                left = "han"
            elif _PINYIN_PAREN.search(masked, max(0, s - 12), s):
                left = "han"
            else:
                continue
        else:
            left = kinds[lch]
            if left == "mask":
                # a masked pinyin annotation (婦聯(lián), masked by residue rules) is transparent; a masked URL or
                # e-mail address before the mark is not Chinese text, so stay quiet
                run = _mask_run_start(masked, s - 1)
                if doc.text[run] != "(":
                    continue
                left = "han"
        if not r:  # end of the text: a line end like any other (it used to count as a closing mark, which
            right = "eol"  # left a comma at the very end of a file unreported)
        elif r == "(":
            if s + 1 + len(sp) not in parens:
                continue
            right = "han"
        elif r in "”’":
            right = "close"
        else:
            right = kinds[r]
        if (left, right) not in (_OK_COMMA if mark in ",;:" else _OK_BANG):
            continue
        out.append((s, s + 1 if right in ("eol", "close") else s + 1 + len(sp), mark, _FULLWIDTH[mark]))
    for m in points:
        s = m.start()
        if s > 0 and masked[s - 1] == ".":
            continue
        out.append((s, s + 1, ".", "。"))
    out.sort()
    return out


@rule("PUN001", "halfwidth-punctuation", severity="error", fix="safe",
      on=(Trigger(chars=",;:!?", pattern=_MARK_OR_PLAIN_RE), Trigger(".", pattern=_EOL_POINT_RE),
          Trigger("(", pattern=_PAREN_HALF_OPEN_RE), Trigger(")", pattern=_PAREN_HALF_CLOSE_RE)))
def halfwidth_punctuation(doc: Document, found) -> Iterator[Finding]:
    """中文里用了半角标点（, ; : ! ? ( ) 和句末的 .）。

    为什么：中文标点是全角字符，占一个汉字的位置；半角逗号、冒号、括号挤在汉字中间，版面不齐，也是从网页、
    英文输入法带来的痕迹。通篇使用半角标点的文档，每行只报告一次（给出个数和整行的修复），不逐个报告。
    错误示例：增强妇联凝聚力,提高我县广大女性干部礼仪素质；领导班子成员3人(其中:主席1人,副主席1人)
    正确写法：增强妇联凝聚力，提高我县广大女性干部礼仪素质；领导班子成员3人（其中：主席1人，副主席1人）
    依据：GB/T 15834-2011《标点符号用法》第5章（标点符号的书写形式：中文标点占一个字的位置，即全角）。
    修复：安全修复，换成对应的全角标点（标点后紧跟的空格一并删去）。只在确定是中文标点时报告：标点在两个汉字
    之间、汉字与数字之间、汉字与全角引号括号之间，或在汉字后的行尾。两边都是数字（1,000、16:05、1:500）、
    英文句子、网址和电子邮件地址、括号里只有数字或字母的（公式中的(1)、拼音注音(lián)、(WHO)）都不报告；
    “线上+线下”中的“+”不是标点。行首序号“(一)”由 SEQ002 报告。
    """
    marks = _halfwidth_marks(doc, *found)
    if not marks:
        return
    # group the marks (sorted by position) by line, in line order
    by_line: dict[int, list[tuple[int, int, str, str]]] = {}
    starts = doc.line_starts
    next_start = -1
    items: list[tuple[int, int, str, str]] = []
    for item in marks:
        if item[0] >= next_start:
            idx = bisect_right(starts, item[0]) - 1
            next_start = starts[idx + 1] if idx + 1 < len(starts) else len(doc.text) + 1
            items = by_line[idx] = []
        items.append(item)
    doc_style = doc.halfwidth_style
    masked = doc.masked
    for idx, items in by_line.items():
        ls, le = doc.lines[idx]
        if doc_style or (len(items) >= _LINE_SUMMARY_MIN and not _FULL_COUNTERPART.search(masked, ls, le)):
            yield _line_finding(items, "全文通篇使用半角标点" if doc_style else "本行通篇使用半角标点")
            continue
        for s, e, mark, full in items:
            what = f"半角{_MARK_NAME[mark]}“{mark}”"
            yield Finding(s, e, f"中文里用了{what}，应为全角“{full}”", Fix.replace(s, e, full, f"改为“{full}”"))


_LINE_SUMMARY_MIN = 3
_FULL_COUNTERPART = lazy_compile(r"[，；：！？（）]")


def _line_finding(items: list[tuple[int, int, str, str]], why: str) -> Finding:
    """One finding for all halfwidth marks of a line, with one fix (one edit per mark)."""
    counts: dict[str, int] = {}
    for _, _, mark, _ in items:
        counts[mark] = counts.get(mark, 0) + 1
    detail = "、".join(f"“{k}”{v}个" for k, v in counts.items())
    edits = tuple([Edit(a, b, full) for a, b, _, full in items])
    return Finding(items[0][0], items[-1][1], f"{why}：本行有{len(items)}个半角标点（{detail}），应改为全角",
                   Fix(edits, f"本行{len(items)}个半角标点改为全角"))


# ------------------------------------------------------------------------------------------------- PUN002
_ITEM = r"(?:“[^“”\r\n]{1,60}”|《[^《》\r\n]{1,60}》)"
_QUOTED_CHAIN_RE = lazy_compile(_ITEM + r"(?:、" + _ITEM + r")+")
_TAIL_THEN_LIST = lazy_compile(HANX + r"{1,8}(?:、|[,，](?=[“《]))")
_TAILED_ITEM_BEFORE = lazy_compile(r"[”》]" + HANX + r"{1,8}、$")
# the last item is a month–day name (“6·26”“3·15”“一二·九”): it never stands alone, the name follows it
_HAN_NEXT = lazy_compile(HANX)
_MONTH_DAY_LAST = lazy_compile(r"“[\d一二三四五六七八九十]{1,4}·[\d一二三四五六七八九十]{1,4}”$")


# every chain has a 顿号 between a closing and an opening mark (”、“), its first one at most 61 characters after the
# chain's start (the first item is at most 62 characters long)
_CHAINS = Trigger("”、“", "”、《", "》、“", "》、《", pattern=_QUOTED_CHAIN_RE, before=61)


@rule("PUN002", "dunhao-between-quoted-items", severity="warning", fix="unsafe", on=_CHAINS)
def dunhao_between_quoted(doc: Document, chains) -> Iterator[Finding]:
    """引号或书名号标出的并列成分之间用了顿号（“两筛”、“两癌”）。

    为什么：引号、书名号本身已把并列的各项分开，中间通常不再用顿号。
    错误示例：扎实开展免费“两筛”、“两癌”筛查；在《今日女报》、《郴州日报》等媒体上发表
    正确写法：扎实开展免费“两筛”“两癌”筛查；在《今日女报》《郴州日报》等媒体上发表
    依据：GB/T 15834-2011 4.5.3.5（标有引号的并列成分之间、标有书名号的并列成分之间通常不用顿号；若有其他成分
    插在并列的引号或书名号之间，如引号后还有别的词语或括注，宜用顿号）。
    修复：修复建议（--unsafe-fixes），删去这些顿号。并列项中只要有一项在引号后还带别的词语（“不让毒品进家庭”、
    “6·26”禁毒日），整组都不报告。不少单位仍习惯用顿号，可在配置中关闭：ignore = ["PUN002"]，
    或降为提示：severity = {PUN002 = "info"}。
    """
    masked = doc.masked
    for m in chains:
        s, e = m.span()
        if _TAIL_THEN_LIST.match(masked, e):
            continue  # the last item has its own words and the list goes on: “A”、“B”禁毒日、…
        if _MONTH_DAY_LAST.search(masked, s, e) and _HAN_NEXT.match(masked, e):
            continue  # “A”、“6·26”禁毒日: a quoted month–day name is the modifier of the word after it
        line_start = doc.lines[doc.line_index(s)][0]
        if _TAILED_ITEM_BEFORE.search(masked, max(line_start, s - 12), s):
            continue  # an earlier item had its own words: “A”禁毒日、“B”、“C”
        edits = tuple(Edit(p, p + 1, "") for p in range(s, e)
                      if masked[p] == "、" and masked[p - 1] in "”》" and masked[p + 1] in "“《")
        if not edits:
            continue
        yield Finding(s, e, f"引号或书名号标出的并列成分之间通常不用顿号：“{_clip(doc.text[s:e])}”",
                      Fix(edits, "删去顿号", "unsafe"))


def _clip(s: str, n: int = 30) -> str:
    return s if len(s) <= n else s[:n] + "…"


# ------------------------------------------------------------------------------------------------- PUN003
_ELLIPSIS_RE = lazy_compile(
    r"(?<=[\p{Han}" + CLOSE_FULL + r"，、；：])(?:\.{3,}|。{3,}|·{3,}|．{3,}|(?<!…)…(?!…))"
)


@rule("PUN003", "ellipsis-form", severity="error", fix="safe",
      on=Trigger("...", "。。。", "···", "．．．", "…", pattern=_ELLIPSIS_RE))
def ellipsis_form(doc: Document, ellipses) -> Iterator[Finding]:
    """省略号写成了“......”“。。。”或单个“…”。

    为什么：中文省略号是两个三连点“……”，占两个字的位置；英文句点、句号、间隔号连写都不是省略号。
    错误示例：屬於收獲、屬於溫暖、屬於夢想......；还有很多。。。；等等…
    正确写法：屬於收獲、屬於溫暖、屬於夢想……；还有很多……；等等……
    依据：GB/T 15834-2011 4.11（省略号的形式为“……”）。
    修复：安全修复，换成“……”。只在汉字或中文标点之后报告，英文、代码、网址中的“...”不报告；
    “…………”（十二个点，表示省略段落）是正确的。
    """
    for m in ellipses:
        s, e = m.span()
        yield Finding(s, e, f"省略号“{m.group()}”应写作“……”", Fix.replace(s, e, "……", "改为“……”"))


# ------------------------------------------------------------------------------------------------- PUN004
_DASH_CTX_L = r"(?<=[\p{Han}" + CLOSE_FULL + OPEN_FULL + r"\d])"
_DASH_CTX_R = r"(?=[\p{Han}" + OPEN_FULL + CLOSE_FULL + r"\d])"
_BAR_RE = lazy_compile(r"―{1,2}(?=―*)|—―|―—|(?<=[\p{Han}" + CLOSE_FULL + r"])(?:--|－－)(?=[\p{Han}" + OPEN_FULL + "])")
_YEAR_RANGE_RE = lazy_compile(
    r"(?<![A-Za-z0-9_.\-/－–:：#])((?:19|20)\d{2})([-－–])((?:19|20)\d{2})(?![A-Za-z0-9_\-－–/.])(?=[\p{Han}）)”]|$)", regex.M)
_YEAR_WORD_AFTER = lazy_compile(r"年|学年|學年|财年|財年|赛季|賽季|届|屆|级|級|[）)”]")
# Han words joined by single 一字线 (a chain of related items: 研发—样品—商品—产业)
_CONNECTED_RE = lazy_compile(r"\p{Han}+(?:—\p{Han}+)+")
# a single 一字线 between Han characters
_SINGLE_DASH_RE = lazy_compile(r"—(?<=\p{Han}—)(?=\p{Han})")


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


# a numeric range before a measure word (0-2岁); the first number has at most four decimals, so its hyphen lies at
# most 9 characters after the match start
_NUMBER_RANGE_RE = data_pattern(lambda: (
    r"(?<![A-Za-z0-9_.\-/－–:：#])(\d{1,4}(?:\.\d{1,4})?)([-－–])(\d{1,4}(?:\.\d+)?)(?![\d.])(?="
    + _alternation(load_data("pun")["ranges"]["measure_words"]) + ")"))


@rule("PUN004", "dash-form", severity="error", fix="safe",
      on=(Trigger("―", "—―", "--", "－－", pattern=_BAR_RE), Trigger(chars="-－–", pattern=_YEAR_RANGE_RE, before=4),
          Trigger(chars="-－–", pattern=_NUMBER_RANGE_RE, before=9), Trigger("—", pattern=_SINGLE_DASH_RE)))
def dash_form(doc: Document, found) -> Iterator[Finding]:
    """破折号、连接号的形式不对（“――”“--”，年份范围用了连字符“2011-2015”，数值范围“0-2岁”）。

    为什么：破折号是两个一字线“——”（U+2014），U+2015“―”是另一个字符；表示起止的年份用一字线“—”，表示数值
    范围用浪纹线“～”，短横线“-”只用于电话号码、编号、代码。
    错误示例：合作社――永兴县马田镇明星村种植养殖专业合作社；永兴县妇联2011-2015工作总结；为各村0-2岁儿童发放
    营养包；“建设法治上林—巾帼在行动”
    正确写法：合作社——永兴县马田镇明星村种植养殖专业合作社；永兴县妇联2011—2015年工作总结；为各村0～2岁儿童
    发放营养包；“建设法治上林——巾帼在行动”
    依据：GB/T 15834-2011 4.10（破折号）、4.13.3.1（短横线用于电话号码、代码）、4.13.3.2（一字线表示时间、地域的
    起止）、4.13.3.3（浪纹线表示数值范围）。
    修复：“――”“--”改为“——”是安全修复；两个时间之间的“―”是连接号，改为一字线“—”（安全修复），两个数值之间的
    改为浪纹线“～”（修复建议）；年份范围、数值范围、引号内单个“—”的修改是修复建议（--unsafe-fixes）。
    电话号码“0735-2871512”、日期“2019-11-25”、标准号“GB/T 15834-2011”、备案号“湘ICP备20006897号-1”、
    型号编码都不报告；“（2011—2020）”本身正确；引号内连接相关项目的一字线是连接号（“深圳—香港—广州”
    “发现—核查—整改—反馈”“神工—智环”：三项以上，或两项都不超过四个字），不报告。
    """
    masked = doc.masked
    bars, years, ranges, dashes = found
    for m in bars:
        s, e = m.span()
        if m.group()[0] == "―" and s > 0 and e < len(masked) and masked[e].isdigit() and (
                masked[s - 1] in "年月日" or masked[s - 1].isdigit()):
            # between two numbers it is a 连接号: 一字线 for a time span, 浪纹线 for a range of values
            if masked[s - 1] in "年月日" or "年" in masked[max(0, s - 3):s] or "月" in masked[max(0, s - 3):s]:
                yield Finding(s, e, f"时间起止的连接号“{m.group()}”应写作一字线“—”", Fix.replace(s, e, "—", "改为“—”"))
            else:
                yield Finding(s, e, f"数值范围的连接号“{m.group()}”应写作浪纹线“～”",
                              Fix.replace(s, e, "～", "改为“～”", "unsafe"), severity="warning")
            continue
        yield Finding(s, e, f"破折号“{m.group()}”应写作“——”", Fix.replace(s, e, "——", "改为“——”"))
    for m in years:
        y1, y2 = int(m.group(1)), int(m.group(3))
        if not y1 < y2 <= y1 + 100:
            continue
        s, e = m.span()
        p = m.start(2)
        # 2011-2015工作总结 → 2011—2015年工作总结; but 2016-2020年, 2021-2022学年 keep their own word
        has_year = _YEAR_WORD_AFTER.match(masked, e) is not None
        edits = [Edit(p, p + 1, "—")] + ([] if has_year else [Edit(e, e, "年")])
        good = f"{y1}—{y2}" + ("" if has_year else "年")
        yield Finding(s, e, f"年份起止“{m.group()}”应使用一字线：“{good}”",
                      Fix(tuple(edits), f"改为“{good}”", "unsafe"), severity="warning")
    for m in ranges:
        a, b = float(m.group(1)), float(m.group(3))
        if not a < b or _YEAR_RANGE_RE.match(masked, m.start()):
            continue  # a year range (2016-2020年) is reported above
        s, e = m.span()
        if s > 0 and not (_HAN.match(masked[s - 1]) or masked[s - 1] in OPEN_FULL + CLOSE_FULL + "，、；：。 "):
            continue
        p = m.start(2)
        good = f"{m.group(1)}～{m.group(3)}"
        yield Finding(s, e, f"数值范围“{m.group()}”应使用浪纹线：“{good}”",
                      Fix.replace(p, p + 1, "～", f"改为“{good}”", "unsafe"), severity="warning")
    for m in dashes:
        s = m.start()
        if not doc.in_quotes(s, s + 1):
            continue  # 北京—上海: a single 一字线 between places is a 连接号
        items = next((x for x in _CONNECTED_RE.finditer(masked, max(0, s - 40), min(len(masked), s + 41))
                      if x.start() <= s < x.end()), None)
        parts = items.group().split("—") if items else []
        if len(parts) >= 3 or (len(parts) == 2 and max(map(len, parts)) <= 4):
            continue  # “深圳—香港—广州”, “发现—核查—整改—反馈”, “神工—智环”: a 连接号 between related items
        yield Finding(s, s + 1, f"引号内“{doc.text[max(0, s - 2):s + 3]}”中的破折号应为两个一字线“——”",
                      Fix.replace(s, s + 1, "——", "改为“——”", "unsafe"), severity="warning")


# ------------------------------------------------------------------------------------------------- PUN005
_PAIRS = {"“": "”", "‘": "’", "《": "》", "（": "）", "【": "】", "〔": "〕", "「": "」", "『": "』", "〈": "〉"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_BRACKET_RE = lazy_compile("[" + "".join(_PAIRS) + "".join(_CLOSERS) + "]")  # every mark (tests: the one-pass stack)
_QUOTE_KINDS = "“‘「『"
_NAMES = {"“": "引号", "‘": "单引号", "《": "书名号", "（": "括号", "【": "方头括号", "〔": "六角括号",
          "「": "直角引号", "『": "直角引号", "〈": "单书名号"}
# a bracket or book-title mark whose other half lies on a later line within this many characters (text pasted from a
# web page: 【字号：⏎加大⏎减小⏎】, （PM⏎2.5⏎）) is paired
_SPLIT_PAIR_REACH = 80
_LIST_MARKER_BEFORE = lazy_compile(r"(?:^|[\s。；;：:，,、])[\dA-Za-z一二三四五六七八九十]{1,2}$", regex.M)


@functools.lru_cache(maxsize=None)
def _all_paired_re() -> re.Pattern:
    """A text in which every mark of _PAIRS is properly paired within its line, nested at most two deep
    (“《》”, （“”）) — the common case, checked in one pass of the stdlib ``re`` (possessive quantifiers, so no
    backtracking). A text it rejects may still be fine (deeper nesting, pairs of
    different kinds crossing): it then takes the exact path."""
    marks = re.escape("".join(_PAIRS) + "".join(_CLOSERS))
    inner = f"[^{marks}\\r\\n]"
    flat = "|".join(f"{re.escape(o)}{inner}*+{re.escape(c)}" for o, c in _PAIRS.items())
    pair = "|".join(f"{re.escape(o)}(?:{inner}++|{flat})*+{re.escape(c)}" for o, c in _PAIRS.items())
    return compile_re(f"(?:[^{marks}]++|{pair})*+")


@functools.lru_cache(maxsize=None)
def _kind_patterns() -> list[tuple[str, str, re.Pattern, object]]:
    """Per kind of pair: (open, close, a stdlib-re pattern matching a line whose marks of this kind alternate
    open–close, a pattern finding both marks)."""
    out = []
    for o, c in _PAIRS.items():
        oc = re.escape(o + c)
        flat = compile_re(f"(?:[^{oc}]*+{re.escape(o)}[^{oc}]*+{re.escape(c)})*+[^{oc}]*+")
        out.append((o, c, flat, lazy_compile(f"[{regex.escape(o + c)}]")))
    return out


def _unpaired_in_line(masked: str, s: int, e: int):
    """Unmatched opening and closing marks of one line: (opens, closes) as position lists.

    The kinds are independent (one stack each), so each kind present is checked on its own, and only a kind
    whose marks do not simply alternate open–close goes through the stack."""
    find = masked.find
    opens: list[int] = []
    closes: list[int] = []
    for o, c, flat, both in _kind_patterns():
        if (find(o, s, e) < 0 and find(c, s, e) < 0) or flat.fullmatch(masked, s, e):
            continue
        stack: list[int] = []
        for m in both.finditer(masked, s, e):
            p = m.start()
            if masked[p] == o:
                stack.append(p)
                continue
            if stack:
                stack.pop()
                continue
            if c == "’" and p > s and p + 1 < e and masked[p - 1].isascii() and masked[p - 1].isalpha():
                continue  # apostrophe in English: don’t
            if c == "）" and (_LIST_MARKER_BEFORE.search(masked, max(s, p - 4, masked.rfind("\n", 0, p) + 1), p)
                             or (p > s and masked[p - 1] in ":：;；^_-")):
                continue  # list marker 1） or emoticon ：）
            closes.append(p)
        opens.extend(stack)
    opens.sort()
    closes.sort()
    return opens, closes


def _unbalanced_line_starts(doc: Document, stop: int | None = None) -> set[int]:
    """Start offsets of the lines that _all_paired_re() does not accept on their own (the others have every mark
    paired, so _unpaired_in_line finds nothing in them). The pattern's pairs lie within a line: matched from a line
    start it stops at a mark of the first line it does not accept, and every line before that one is paired; the
    search goes on from the next line. ``stop``: where the match from the text start ends, if known."""
    masked = doc.masked
    paired = _all_paired_re().match
    lines = doc.lines
    n = len(masked)
    out: set[int] = set()
    if stop is None:
        stop = paired(masked).end()
    while True:
        if stop >= n:
            return out
        idx = doc.line_index(stop)
        out.add(lines[idx][0])
        if idx + 1 >= len(lines):
            return out
        stop = paired(masked, lines[idx + 1][0]).end()


# A whole-document analysis: a quotation may span paragraphs. Its first step, one pass of _all_paired_re(), ends
# the rule on a text whose marks are all paired within their lines.
@rule("PUN005", "unpaired-marks", severity="warning")
def unpaired_marks(doc: Document) -> Iterator[Finding]:
    """段落中的引号、括号、书名号不成对。

    为什么：少了前引号或后括号，读者分不清引用、注释到哪里为止，多是删改时误删。
    错误示例：推进低保、特困“两癌患病妇女救助工程。；七一”期间，在全县开展了…；开展多方位的婦女權益保障法》、
    《未成年人保護法》等法律知識培訓
    正确写法：推进低保、特困“两癌”患病妇女救助工程。；“七一”期间…；开展多方位的《婦女權益保障法》、
    《未成年人保護法》等法律知識培訓
    依据：GB/T 15834-2011 4.8（括号）、4.9（引号）、4.15（书名号）：成对使用。
    修复：无（缺的是哪一半要人来判断）。段落按原文的自然段计（从网页、PDF 粘贴时在句子中间断开的行先接回去）；
    跨段的引文（每段开头用前引号、最后一段才用后引号）不报告；括号、书名号在后面几行（80 个字以内）闭合的
    （网页粘贴的“【字号：⏎加大⏎减小⏎】”）不报告；“1）”“a）”这样的序号、表情符号“：）”、表示年份省略的
    撇号“’99”、当作箭头的“》》”“《《”不报告；半角括号不在此规则检查范围。
    """
    masked = doc.masked
    stop = _all_paired_re().match(masked).end()  # (possessive: it ends at the end exactly when fullmatch succeeds)
    if stop == len(masked):
        return  # every line is balanced: nothing is unpaired, no quotation spans paragraphs
    pending: list[tuple[int, int]] = []  # (position, paragraph index) of quote openings not closed in their paragraph
    report: list[int] = []
    unbalanced = sorted(_unbalanced_line_starts(doc, stop))
    for idx, (s, e) in enumerate(doc.logical_paragraphs):
        lead = s
        while lead < e and masked[lead] in " \t\u3000":
            lead += 1
        scan_from = s
        if lead < e and masked[lead] in _QUOTE_KINDS and any(masked[q] == masked[lead] for q, _ in pending):
            scan_from = lead + 1  # the repeated opening quote of a quotation continued from an earlier paragraph
        u = bisect_left(unbalanced, s)
        if scan_from == s and (u == len(unbalanced) or unbalanced[u] >= e):
            opens = closes = ()  # paired lines: nothing unmatched in them
        else:
            opens, closes = _unpaired_in_line(masked, scan_from, e)
        for p in closes:
            ch = masked[p]
            op = _CLOSERS[ch]
            match = next((i for i in range(len(pending) - 1, -1, -1)
                          if masked[pending[i][0]] == op and (idx - pending[i][1] <= 5 if op in _QUOTE_KINDS
                                                              else p - pending[i][0] <= _SPLIT_PAIR_REACH)), None)
            if match is not None:
                del pending[match]  # a quotation spanning paragraphs, or a pair split over short lines
            else:
                report.append(p)
        pending.extend((p, idx) for p in opens)
        # openings older than five paragraphs are not part of a quotation; other marks pair only within reach
        for q, i in [x for x in pending if (idx - x[1] >= 5 if masked[x[0]] in _QUOTE_KINDS
                                            else e - x[0] > _SPLIT_PAIR_REACH)]:
            report.append(q)
            pending.remove((q, i))
    report.extend(q for q, _ in pending)
    for p in sorted(report):
        ch = masked[p]
        if ch in "《》" and ch in masked[p - 1:p] + masked[p + 1:p + 2]:
            continue  # 》》点击进入《《: doubled marks are arrows, not book-title marks
        if ch == "’" and masked[p + 1:p + 3].isascii() and masked[p + 1:p + 3].isdigit():
            continue  # ’99: the apostrophe of a shortened year
        kind = ch if ch in _PAIRS else _CLOSERS[ch]
        half = "前" if ch in _PAIRS else "后"
        other = "后" if ch in _PAIRS else "前"
        ctx = doc.text[max(p - 6, doc.lines[doc.line_index(p)][0]):p + 7]
        yield Finding(p, p + 1, f"{_NAMES[kind]}不成对：“{ctx}”中的{half}{_NAMES[kind]}“{ch}”没有对应的{other}"
                                f"{_NAMES[kind]}")


# ------------------------------------------------------------------------------------------------- PUN006
_TITLE_RE = lazy_compile(r"《[^《》\r\n]*》")
_ANGLE_IN_TITLE_RE = lazy_compile(r"[<＜〈〈]([^<>＜＞〈〉〈〉《》\r\n]*\p{Han}[^<>＜＞〈〉〈〉《》\r\n]*)[>＞〉〉]")
_ANGLE_OPENERS = "<＜〈〈"
_NESTED_TITLE_RE = lazy_compile(r"《[^《》\r\n]*(《[^《》\r\n]+》)[^《》\r\n]*》")


@rule("PUN006", "nested-title-marks", severity="error", fix="safe",
      on=(Trigger("《", pattern=_TITLE_RE), Trigger("《", pattern=_NESTED_TITLE_RE)))
def nested_title_marks(doc: Document, found) -> Iterator[Finding]:
    """书名号里套用的书名没有用单书名号“〈〉”（用了“<>”或又用了“《》”）。

    为什么：书名号中还要用书名号时，外层用双书名号“《》”，里层用单书名号“〈〉”；小于号、大于号是数学符号。
    错误示例：《中共西峡县委办公室关于印发<西峡县村（社区）、乡镇（街道）妇联换届工作实施方案>的通知》
    正确写法：《中共西峡县委办公室关于印发〈西峡县村（社区）、乡镇（街道）妇联换届工作实施方案〉的通知》
    依据：GB/T 15834-2011 4.15.3.2（书名号里边还要用书名号时，外面一层用双书名号，里边一层用单书名号）。
    修复：安全修复，只改书名号之内成对、且括着中文的“<>”“＜＞”“《》”；正文中的数学符号、HTML 标记不报告。
    """
    masked = doc.masked
    titles, nested = found
    angles = any(c in masked for c in _ANGLE_OPENERS)  # a title can hold an angle-bracketed title only then
    for t in (titles if angles else ()):
        for m in _ANGLE_IN_TITLE_RE.finditer(masked, t.start() + 1, t.end() - 1):
            s, e = m.span()
            if masked[s] == "〈" and masked[e - 1] == "〉":
                continue
            inner = m.group(1)
            yield Finding(s, e, f"书名号内的书名“{_clip(doc.text[s:e])}”应使用单书名号“〈{_clip(inner)}〉”",
                          Fix((Edit(s, s + 1, "〈"), Edit(e - 1, e, "〉")), "改为单书名号“〈〉”"))
    for m in nested:
        s, e = m.span(1)
        yield Finding(s, e, f"书名号内的书名“{_clip(doc.text[s:e])}”应使用单书名号“〈〉”",
                      Fix((Edit(s, s + 1, "〈"), Edit(e - 1, e, "〉")), "改为单书名号“〈〉”"))


# ------------------------------------------------------------------------------------------------- PUN007
_ODD_DOT_RE = lazy_compile(r"(?<=[\p{Han}\d" + CLOSE_FULL + r"])[・•‧∙⋅](?=[\p{Han}\d" + OPEN_FULL + r"])")
_ODD_DOTS = "・•‧∙⋅"
# (“ is matched and dropped from the match with \K: the match is found from the quotation mark)
_QUOTED_DATE_RE = lazy_compile(r"“\K(\d{1,2})[.．](\d{1,2})(?=”)")
_MEASURE_AFTER = "个個倍万萬亿億元%％人名次件项項岁歲米"


# a month–day name written with a point before an event word (11.25反家暴宣传周): the point lies at most 2 characters
# after the match start
_EVENT_DATE_RE = data_pattern(lambda: (
    r"(?<![A-Za-z0-9_.．·“第])(\d{1,2})[.．](\d{1,2})(?![\d.．%％])(?="
    + _alternation(load_data("pun")["interpunct"]["event_words"]) + ")"))


@rule("PUN007", "interpunct-form", severity="error", fix="safe",
      on=(Trigger(chars=_ODD_DOTS, pattern=_ODD_DOT_RE), Trigger("“", pattern=_QUOTED_DATE_RE),
          Trigger(chars=".．", pattern=_EVENT_DATE_RE, before=2)))
def interpunct_form(doc: Document, found) -> Iterator[Finding]:
    """间隔号写错了字符（日文“・”、项目符号“•”），或月日简称用了小数点（“6.26”）。

    为什么：间隔号是“·”（U+00B7）；日文片假名中点“・”、项目符号“•”在排版中宽度、位置都不同。以阿拉伯数字
    表示月、日的事件简称，月日之间用间隔号，并加引号（“6·26”国际禁毒日），写成“6.26”会被读成小数。
    错误示例：“贯彻十八大精神・巾帼建功比贡献”；“6・26”禁毒日；“6.26”國際禁毒日；11.25反家暴宣传周
    正确写法：“贯彻十八大精神·巾帼建功比贡献”；“6·26”禁毒日；“6·26”國際禁毒日；“11·25”反家暴宣传周
    依据：GB/T 15834-2011 4.14.3.5（月日简称用间隔号）；GB/T 15835-2011 5.1.6（含月日的专名加引号）。
    修复：“・”“•”换成“·”、引号内的“6.26”改为“6·26”是安全修复；没有引号的“11.25反家暴宣传周”加引号是修复建议
    （--unsafe-fixes），只在后面跟着节日、宣传周等词时才报告。小数“9.09%”“4.5万元”“缩小至2.12”、章节号“1.2”
    不报告，“11·2”本身正确。正文中写成小数样子的日期（“于4.29召开”）由 DAT008 报告。
    """
    masked = doc.masked
    odd_dots, quoted_dates, event_dates = found
    for m in odd_dots:
        s = m.start()
        name = {"・": "日文中点", "•": "项目符号"}.get(m.group(), "圆点")
        yield Finding(s, s + 1, f"间隔号用了{name}“{m.group()}”（“{doc.text[max(0, s - 3):s + 4]}”），应为“·”",
                      Fix.replace(s, s + 1, "·", "改为“·”"))
    for m in quoted_dates:
        if not valid_month_day(m.group(1), m.group(2)):
            continue
        e = m.end()
        nxt = masked[e + 1] if e + 1 < len(masked) else ""
        if nxt in _MEASURE_AFTER or not _HAN.match(nxt or " "):
            continue  # “1.5”倍 is a number; a quoted date names an event that follows
        p = m.end(1)
        good = f"{m.group(1)}·{m.group(2)}"
        yield Finding(m.start(), e, f"月日简称“{m.group()}”应使用间隔号：“{good}”",
                      Fix.replace(p, p + 1, "·", f"改为“{good}”"))
    for m in event_dates:
        if not valid_month_day(m.group(1), m.group(2)):
            continue
        s, e = m.span()
        good = f"“{m.group(1)}·{m.group(2)}”"
        yield Finding(s, e, f"月日简称“{m.group()}”应使用间隔号并加引号：{good}",
                      Fix.replace(s, e, good, f"改为{good}", "unsafe"), severity="warning")


# ------------------------------------------------------------------------------------------------- PUN008
_CN_MONTH_DAY_RE = lazy_compile(r"(?<=“)([二三四五六七八九十])([·・•‧.．])([一二三四五六七八九十]{1,3})(?=”)")


@rule("PUN008", "needless-interpunct", severity="warning", fix="unsafe", supersedes=("PUN007",),
      on=Trigger(chars="·・•‧.．", pattern=_CN_MONTH_DAY_RE, before=1))
def needless_interpunct(doc: Document, names) -> Iterator[Finding]:
    """用汉字表示的月日简称中多了间隔号（“三·八”“六·一”）。

    为什么：汉字数字表示的月日简称，只有一月、十一月、十二月的才用间隔号把月和日隔开（“一·二八”“一二·九”
    “十一·一”），以免误读；其他月份直接连写（“三八”“五四”“六一”“七一”）。
    错误示例：庆“三・八”，成功举办各类健康有益的庆祝活动；庆“六・一”，开展一系列困境儿童摸底活动
    正确写法：庆“三八”，成功举办各类健康有益的庆祝活动；庆“六一”，开展一系列困境儿童摸底活动
    依据：GB/T 15834-2011 4.14.3.5（月日专名中，只有涉及一月、十一月、十二月的，才用间隔号分开）。
    修复：修复建议（--unsafe-fixes），删去间隔号。“一·二八”“一二·九”“十一·一”不报告。
    """
    for m in names:
        s, e = m.span()
        good = m.group(1) + m.group(3)
        p = m.start(2)
        yield Finding(s, e, f"月日简称“{m.group()}”不需要间隔号，应为“{good}”",
                      Fix.replace(p, p + 1, "", f"改为“{good}”", "unsafe"))


# ------------------------------------------------------------------------------------------------- PUN009
_POINTS = "，。、；：,;"
_DOUBLED_RE = lazy_compile(r"(?<![，。、；：,;])([，。、；：,;])([，。、；：,;])(?![，。、；：,;])")
_STRAY_POINT_RE = lazy_compile(r"(?<=[\p{Han}" + CLOSE_FULL + r"])(?<![\d.])\.(?=\p{Han})")


@rule("PUN009", "stray-or-doubled-marks", severity="warning", fix="unsafe",
      on=(Trigger(*(a + b for a in _POINTS for b in _POINTS), pattern=_DOUBLED_RE),
          Trigger(".", pattern=_STRAY_POINT_RE)))
def stray_or_doubled(doc: Document, found) -> Iterator[Finding]:
    """标点重复（“，，”“。。”）、两个点号连用（“，。”），或汉字之间夹了一个半角点“.”。

    为什么：两个点号连在一起总有一个是多余的；汉字之间的半角点既不是句号也不是间隔号，多是误敲或转换残留。
    错误示例：工作取得成效，，下一步；聚焦贫困家庭“讀書、就醫、住房”.三件事
    正确写法：工作取得成效，下一步；聚焦贫困家庭“讀書、就醫、住房”三件事
    依据：GB/T 15834-2011 第4章（各点号的用法；点号不连用，问号叹号连用表示语气的除外）。
    修复：同一标点重复时，删去一个是修复建议（--unsafe-fixes）；不同点号连用、多余的“.”要人来判断，不自动修复。
    三个以上的“。。。”是省略号问题（PUN003）；数字中的小数点不报告。
    """
    masked = doc.masked
    doubled, stray_points = found
    for m in doubled:
        s, e = m.span()
        a, b = m.group(1), m.group(2)
        if a in ",;" and b in ",;":
            if s == 0 or not _HAN.match(masked[s - 1]):
                continue
        fix = Fix.replace(s + 1, e, "", f"删去重复的“{b}”", "unsafe") if a == b else None
        what = "标点重复" if a == b else "两个点号连用"
        yield Finding(s, e, f"{what}：“{m.group()}”", fix)
    for m in stray_points:
        s = m.start()
        ctx = doc.text[max(0, s - 4):s + 4]
        yield Finding(s, s + 1, f"汉字之间夹了半角点“.”（“{ctx}”）：应删去，或改为句号“。”、间隔号“·”")


# ------------------------------------------------------------------------------------------------- PUN011
_LIST_ITEM = r"“[^“”\r\n]{1,30}”" + HANX + r"{0,6}"
_LIST_CHAIN_RE = lazy_compile(_LIST_ITEM + r"(?:[、,，]" + _LIST_ITEM + r")+")
_LIST_SEP_RE = lazy_compile(r"[、,，](?=“)")
_HAN_RUN_RE = lazy_compile(HANX + r"*")
_HAN_RUN_BACK_RE = lazy_compile(HANX + r"*$")


@view("list_commas")
def list_commas(doc: Document) -> list[int]:
    """Positions of the commas (，or ,) between short quoted list items of a list that otherwise uses 顿号
    (“A”、“B”禁毒日,“C”防艾日): they are due to be 顿号. PUN011 reports them; PUN001 leaves the halfwidth ones to it."""
    masked = doc.masked
    if masked.find("、“") < 0:
        return []  # such a list has a 顿号 before a quotation
    out = []
    for m in _LIST_CHAIN_RE.finditer(masked):
        s, e = m.span()
        seps = [p for p in (x.start() for x in _LIST_SEP_RE.finditer(masked, s, e))
                if masked[p - 1] != "“" and not doc.in_quotes(p)]
        if not any(masked[p] == "、" for p in seps):
            continue
        for p in seps:
            if masked[p] == "、":
                continue
            # the item after the comma: a quotation, a short tail, then a list separator or 等
            close = masked.find("”", p + 2)
            tail = _HAN_RUN_RE.match(masked, close + 1).group()
            after = close + 1 + len(tail)
            nxt = masked[after] if after < len(masked) else ""
            chars = _han_count(tail)
            if not ((chars <= 6 and (nxt == "、" or (nxt in ",，" and masked[after + 1: after + 2] == "“")))
                    or "等" in _han_only(tail)[:7]):
                continue
            # the item before: a short tail after its closing quote
            back = _HAN_RUN_BACK_RE.search(masked, max(s, p - 80), p).group()
            q = p - len(back) - 1
            if q < 0 or masked[q] != "”" or _han_count(back) > 6:
                continue
            out.append(p)
    return out


def _han_only(s: str) -> str:
    return "".join(_HAN.findall(s))


def _han_count(s: str) -> int:
    return len(_HAN.findall(s))


@rule("PUN011", "comma-in-list", severity="warning", on=Trigger("，“", ",“"))
def comma_in_list(doc: Document, _commas) -> Iterator[Finding]:
    """并列的引号项之间混用了逗号，应为顿号。

    为什么：并列词语之间的停顿用顿号；同一组并列项有的用顿号、有的用逗号，会让人误以为逗号处是分句。
    错误示例：开展“不让毒品进家庭”、“6・26”禁毒日,“12・1”防艾日,“12・4”法制宣传日等宣传活动；
    利用“三八”維權周,“6.26”國際禁毒日、“扶貧日”、“國家憲法日”都能給有利時機
    正确写法：开展“不让毒品进家庭”、“6·26”禁毒日、“12·1”防艾日、“12·4”法制宣传日等宣传活动
    依据：GB/T 15834-2011 4.5.3.1（顿号用于并列词语之间）。
    修复：无自动修复。只在同一组由引号标出的并列项中已经用了顿号、而逗号两边都是短的并列项时报告；
    带有内部结构的长并列项用逗号是允许的。（半角逗号也由本规则报告，PUN001 不再重复报告。）
    """
    for p in doc.list_commas:
        ctx = doc.text[max(0, p - 6):p + 8]
        yield Finding(p, p + 1, f"并列的引号项之间应用顿号，不用逗号“{doc.text[p]}”：“{ctx}”")


# ------------------------------------------------------------------------------------------------- PUN012
_LAST_SENT_END = lazy_compile(r"[。！？；;!?：:][^。！？；;!?：:]*$")
_PARA_LAST = lazy_compile(r"[\p{Han}\d%％]")
_NOT_PARA_LAST = frozenset("。！？；：，、”’）》」』…—.!?;:,)\"'")  # common paragraph ends that _PARA_LAST rejects


def _missing_end_paragraphs(doc: Document) -> list[tuple[int, bool]]:
    """``(offset, sure)``: just after the last character of each prose paragraph (doc.logical_paragraphs) that ends
    without a final mark, unless the document is broken into lines everywhere (many such paragraphs), the
    paragraph ends in a heading, or its end is not the end of its sentence (see :func:`_sentence_goes_on`).
    ``sure`` when what follows is the end of the text, a heading or an indented paragraph; otherwise the line
    break may be one inside a sentence (text pasted from a web page)."""
    masked = doc.masked
    paragraphs = doc.logical_paragraphs
    find = masked.find
    # prose paragraphs: at least 40 characters (trailing blanks left out) with a sentence-final mark or a comma
    # (headings and titles have neither); the ones that end in a Han character, a digit or a percent sign are
    # candidates. Candidates are looked for first: most documents have none, and then prose need not be counted.
    lengths = []
    candidates: list[tuple[int, int]] = []  # (paragraph index, end)
    for i, (s, e) in enumerate(paragraphs):
        while e > s and masked[e - 1] in _BLANKS:
            e -= 1
        if e - s < 40:
            continue  # headings, titles, short lines
        lengths.append((s, e))
        if masked[e - 1] not in _NOT_PARA_LAST and _PARA_LAST.match(masked, e - 1) and _is_prose(find, s, e):
            candidates.append((i, e))
    if not candidates:
        return []
    prose = sum(1 for s, e in lengths if _is_prose(find, s, e))
    if len(candidates) > max(2, prose // 5):
        return []  # text broken into lines everywhere: lines end mid-sentence
    out = []
    for i, e in candidates:
        line_start = doc.line_bounds(e)[0]
        last_line = masked[line_start:e].lstrip(_BLANKS)
        if _ORDINAL_START.match(last_line) and not _FINAL_MARK.search(last_line):
            continue  # the paragraph ends in a heading (joined to it by the view)
        if _sentence_goes_on(doc, i, e):
            continue
        out.append((e, _new_unit_follows(doc, i)))
    return out


_FINAL_MARK = lazy_compile(r"[。！？]")
_BLANKS = " \t\u3000\u00a0\u200b\u200c\u200d\u2060\ufeff"  # white space and zero-width characters
_NO_TEXT = lazy_compile(r"[^\p{Han}\p{L}\p{N}\p{P}]*")
_SPACED_END = lazy_compile(r"\p{Han}[ \u3000]+\S{1,6}$")  # 记者 王鼎 摄: a byline or caption, not a sentence


def _is_prose(find, s: int, e: int) -> bool:
    return find("。", s, e) >= 0 or find("，", s, e) >= 0 or find("！", s, e) >= 0 or find("？", s, e) >= 0


def _next_text(doc: Document, i: int) -> tuple[int, int] | None:
    """The paragraph after paragraph ``i`` that holds text (not a line of zero-width characters), from its first
    character; None at the end of the text."""
    masked = doc.masked
    for s, e in doc.logical_paragraphs[i + 1:i + 4]:
        s = _NO_TEXT.match(masked, s, e).end()
        if s < e:
            return s, e
    return None


def _new_unit_follows(doc: Document, i: int) -> bool:
    """True when paragraph ``i`` is followed by the end of the text, a heading (一、 （一） 1.) or an indented
    paragraph: then its end is certainly the end of a sentence."""
    nxt = _next_text(doc, i)
    if nxt is None:
        return True
    s, e = nxt
    masked = doc.masked
    line_start = doc.line_bounds(s)[0]
    return bool(_ORDINAL_START.match(masked[s:s + 8])) or masked[line_start:s].count("\u3000") + \
        masked[line_start:s].count(" ") // 2 >= 2 or masked[line_start:s].startswith("\t")


def _sentence_goes_on(doc: Document, i: int, end: int) -> bool:
    """True when the end of paragraph ``i`` (at ``end``) is not the end of a sentence: the break lies inside a
    common word (合⏎作, 国内生产总⏎值), the paragraph ends in a byline or caption set off by a space (记者 王鼎 摄), or
    the next paragraph is a short fragment that ends the sentence (应使用⏎版权失效模板⏎。)."""
    masked = doc.masked
    if _SPACED_END.search(masked, max(0, end - 12), end):
        return True
    nxt = _next_text(doc, i)
    if nxt is None:
        return False
    s, e = nxt
    if word_across(masked[max(0, end - 3):end], masked[s:s + 3]):
        return True
    while e > s and masked[e - 1] in _BLANKS:
        e -= 1
    return e - s <= 20 and masked[e - 1] in "。！？" and not _ORDINAL_START.match(masked[s:e])


# a bracketed Chinese ordinal right after a Han character (有作为（一）落实): the only ordinals PUN012 reports
_INLINE_ORDINAL_RE = lazy_compile(r"[（(](?<=\p{Han}[（(])[一二三四五六七八九十]")


@rule("PUN012", "missing-final-mark", severity="warning", fix="unsafe",
      on=(Trigger(chars="（(", pattern=_INLINE_ORDINAL_RE), Trigger(chars="。！？")))
def missing_final_mark(doc: Document, found) -> Iterator[Finding]:
    """句子结尾缺少句末点号：段落末尾没有句号，或下一个序号直接接在句子后面（“荣誉称号（九）推进”）。

    为什么：陈述句末尾要用句号；段落合并或删改后，句末的句号常被一起删掉，下一个小标题就紧贴在句子后面。
    错误示例：被全国妇联授予“全国维护妇女儿童权益先进集体”荣誉称号（九）推进不同层面的家风家教示范基地建设；
    报送信息数量和采用率比往年有较大增长⏎（段末）
    正确写法：……荣誉称号。（九）推进不同层面的家风家教示范基地建设；……比往年有较大增长。
    依据：GB/T 15834-2011 4.1（句号用于句末）。
    修复：修复建议（--unsafe-fixes），补上句号。段落按原文的自然段计（折行的行先接回去）。标题、短行不报告
    （标题本来就不用句末标点）；紧接在小标题后面的下一级序号（“一、围绕中心有作为（一）落实民生实事”，段落合并
    所致）、词语中的括号数字（“小（二）型水库”）不报告；断行处在一个词中间（“合⏎作”）、段末是署名或图片说明
    （“记者 王鼎 摄”）、下一段只是补完句子的短片段时不报告，句号不会加在词中间；后面是文末、标题或缩进的新段落
    时报告为警告，否则（可能是网页粘贴时句中断行）只作提示。
    """
    masked = doc.masked
    inline, final_marks = found
    prev: dict[int, int] = {}
    ordinal_starts: set[int] | None = None  # built on the first candidate (a set: one test per candidate)
    for o in doc.ordinals if inline else ():
        for lvl in [k for k in prev if k > o.level]:
            del prev[lvl]
        before = prev.get(o.level)
        prev[o.level] = o.value
        if not o.inline_after_han or before is None or o.value != before + 1:
            continue
        line_start = doc.lines[doc.line_index(o.start)][0]
        lo = max(line_start, o.start - 2000)
        seg_m = _LAST_SENT_END.search(masked, lo, o.start)
        seg_start = seg_m.start() + 1 if seg_m else line_start
        seg = masked[seg_start:o.start].lstrip(" \t\u3000")
        if ordinal_starts is None:
            ordinal_starts = {x.start for x in doc.ordinals}
        if not seg or (o.start - len(seg)) in ordinal_starts or _starts_with_ordinal(seg):
            continue  # a run-in heading: the line breaks were lost, not the full stop
        p = o.start
        yield Finding(p - 1, p + len(o.text) - (len(o.text) - len(o.text.rstrip())),
                      f"“{doc.text[max(0, p - 6):p]}”后缺少句号，下一个序号“{o.text.strip()}”紧接在句子后面",
                      Fix((Edit(p, p, "。"),), "补上句号", "unsafe"))
    for end, sure in _missing_end_paragraphs(doc) if final_marks else ():
        yield Finding(end - 1, end, f"段落末尾缺少句末标点：“{doc.text[max(0, end - 8):end]}”",
                      Fix((Edit(end, end, "。"),), "补上句号", "unsafe"), severity=None if sure else "info")


_ORDINAL_START = lazy_compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、])")


def _starts_with_ordinal(seg: str) -> bool:
    return bool(_ORDINAL_START.match(seg))



# ------------------------------------------------------------------------------------------------- PUN014
# a pair of ASCII quotation marks around Chinese text, in Chinese text: not after a letter, digit, = or : (title="…"
# in markup, key: "…" in data) and not before a letter or digit
_ASCII_QUOTES_RE = lazy_compile(
    r'"(?<![A-Za-z0-9_=:/\\\\]")(?P<c>[^"\r\n]{0,100}\p{Han}[^"\r\n]{0,100}?)"(?![A-Za-z0-9_])')


@rule("PUN014", "ascii-quotation-marks", severity="error", fix="safe", on=Trigger('"', pattern=_ASCII_QUOTES_RE))
def ascii_quotation_marks(doc: Document, pairs) -> Iterator[Finding]:
    """中文里用了英文直引号“"”作引号（加强"三河三湖"等重点流域）。

    为什么：中文的引号是弯引号“”（全角），英文直引号"是程序、英文用的字符，左右不分，排版时也不占一个字的位置。
    错误示例：加强"三河三湖" 等重点流域水污染防治；开展"不忘初心、牢记使命"主题教育
    正确写法：加强“三河三湖”等重点流域水污染防治；开展“不忘初心、牢记使命”主题教育
    依据：GB/T 15834-2011 4.9（引号的形式为“”和‘’）、第5章（中文标点占一个字的位置）。
    修复：安全修复，前一个换成“，后一个换成”。只报告成对的、括着汉字的直引号；英文句子、代码和标记语言中的
    引号（title="标题"、key: "值"）不报告。
    """
    for m in pairs:
        s, e = m.span()
        content = m.group("c")
        yield Finding(s, e, f"中文里用了英文直引号：“{_clip(content)}”应写作中文引号",
                      Fix((Edit(s, s + 1, "“"), Edit(e - 1, e, "”")), "改为中文引号“”"))


# ------------------------------------------------------------------------------------------------- PUN015
# a time of day (18：00) or the year of an ISO/IEC or GB standard (ISO9001：2000, GB/T 19001：2016) after a
# fullwidth colon
_TIME_COLON_RE = lazy_compile(
    r"(?<![\d.．:：])(?P<h>[01]?\d|2[0-4])(?P<colon>：)(?P<m>[0-5]\d)(?![\d.．:：%％])"
    r"(?:(?<=(?:[日号午晚晨间于至到从自—～~\-－ \t\u3000]|^)\d{1,2}：\d\d)|(?=[—～~\-－至到]\d{1,2}[:：]\d\d|前|后|开始|结束|起|止))",
    regex.M)
_STANDARD_COLON_RE = lazy_compile(
    r"(?P<body>(?:ISO|IEC|ISO/IEC|GB|GB/T|GB/Z)[ \u3000]?\d{1,6}(?:[.-]\d{1,3})*)(?P<colon>：)(?P<year>(?:19|20)\d\d)"
    r"(?!\d)")


@rule("PUN015", "fullwidth-colon-in-number", severity="warning", fix="safe",
      on=(Trigger("：", pattern=_TIME_COLON_RE, before=2), Trigger("ISO", "IEC", "GB", pattern=_STANDARD_COLON_RE)))
def fullwidth_colon_in_number(doc: Document, found) -> Iterator[Finding]:
    """时刻或标准编号中用了全角冒号（“18：00”“ISO9001：2000”）。

    为什么：时刻“18:00”中的冒号是数字的一部分，用半角“:”；全角冒号是句子里的标点，占一个字的位置，把时刻拆开了。
    标准编号中国际标准的年份用半角冒号（ISO 9001:2015），国家标准的年份用一字线（GB/T 19001—2016）。
    错误示例：会议于18：00开始；9：00—12：00；通过ISO9001：2000质量管理体系认证；GB/T 19001：2016
    正确写法：会议于18:00开始；9:00—12:00；通过ISO 9001:2000质量管理体系认证；GB/T 19001—2016
    依据：GB/T 15834-2011 4.7（冒号用于提示下文，不用于数字之间）；GB/T 7408（时刻的表示法 hh:mm）；
    GB/T 1.1-2020 8.4（标准编号中的年份用一字线与顺序号隔开）。
    修复：安全修复，时刻和国际标准编号中的“：”换成“:”，国家标准编号中的“：”换成“—”。只在有时间的上下文时报告时刻
    （“于18：00”“18：00前”“9：00—12：00”），比例“1：50”、比分不报告。
    """
    times, standards = found
    for m in times:
        p = m.start("colon")
        good = f"{m.group('h')}:{m.group('m')}"
        yield Finding(m.start(), m.end(), f"时刻“{m.group()}”中的冒号应为半角“:”：“{good}”",
                      Fix.replace(p, p + 1, ":", f"改为“{good}”"))
    for m in standards:
        p = m.start("colon")
        body = m.group("body")
        sep = "—" if body.startswith("GB") else ":"
        good = f"{body}{sep}{m.group('year')}"
        yield Finding(p - len(body), m.end(), f"标准编号“{m.group()}”中的年份前应为“{sep}”：“{good}”",
                      Fix.replace(p, p + 1, sep, f"改为“{good}”"))


# ------------------------------------------------------------------------------------------------- PUN016
@rule("PUN016", "repeated-question-or-exclamation", severity="warning", fix="unsafe",
      on=Trigger("！！", "？？", pattern=r"！{2,}|？{2,}"))
def repeated_question_or_exclamation(doc: Document, matches) -> Iterator[Finding]:
    """叹号或问号叠用（“！！”“？？”）。

    为什么：叠用问号、叹号表示异常强烈的疑问或感情，工作总结、计划、通知这类文稿用不上；多半是多敲了一个。
    错误示例：让我们携起手来，共创美好明天！！；这样做真的有效吗？？
    正确写法：让我们携起手来，共创美好明天！；这样做真的有效吗？
    依据：GB/T 15834-2011 4.1.3.3、4.2.3.3（没有异常强烈的情感表达需要时不宜叠用问号、叹号）。
    修复：修复建议（--unsafe-fixes），只留一个。引号里的话（引用别人的原话、口号）可能确有强烈语气，只作提示。
    问号和叹号连用（“？！”）表示惊讶的疑问，不报告。
    """
    for m in matches:
        s, e = m.span()
        mark = m.group()[0]
        quoted = doc.in_quotes(s, e)
        yield Finding(s, e, f"{'叹号' if mark == '！' else '问号'}叠用：“{m.group()}”，文稿中用一个即可",
                      Fix.replace(s, e, mark, f"只留一个“{mark}”", "unsafe"), "info" if quoted else None)
