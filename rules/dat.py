"""DAT — dates. A year without 年, an abbreviated year, a date that does not exist, a closed period followed by
以来, a weekday that contradicts its date.

All rules read the normalised text (the view ``norm``: ``doc.masked`` with traditional characters and fullwidth
digits mapped, same offsets), so ``2020已至歲末`` and ``２０２１年`` are seen like their simplified, halfwidth forms.
Calendar facts come from the standard library's :mod:`calendar`. Split years such as ``202 2年`` are SPC001's;
DAT does not report them again.
"""

from __future__ import annotations

import calendar
import functools
from bisect import bisect_right
from typing import Iterator, NamedTuple

import regex

from lintkit import Document, Finding, Fix, Trigger, lazy_compile, rule, view
from lintkit.triggers import matches_at_anchors

from ._common import load_data, valid_month_day
from ._zh import LazyRegex, cn_int, data_pattern, literal_alternation

# patterns used inside the rules (compiled once, not looked up in regex's cache on every call)
_FULL_YEAR_RE = lazy_compile(r"(?<!\d)((?:19|20)\d\d)\s?年")

# ------------------------------------------------------------------------------------------------- shared
_CN_DIGITS = "〇○零一二三四五六七八九"
_CN_SMALL = "一二三四五六七八九十"
_WEEKDAYS = "一二三四五六日天"  # 日 and 天 are both Sunday
_WEEKDAY_NAMES = ("一", "二", "三", "四", "五", "六", "日")

# A date: optional year (4 arabic digits or 4 Chinese digits), month, day (日 or 号). Blanks are matched within
# the line only (a paragraph is one line; a date is never read across a line break).
_BL = r"[^\S\r\n]"
_DATE = LazyRegex(
    r"(?:(?<![\d.])(?P<y>\d{4})|(?<![" + _CN_DIGITS + r"十])(?P<cy>[" + _CN_DIGITS + r"]{4}))" + _BL + "?年" + _BL + "?"
    r"(?:(?P<m>\d{1,2})|(?P<cm>[" + _CN_SMALL + r"]{1,3}))" + _BL + "?月(?:份)?" + _BL + "?"
    r"(?:(?P<d>\d{1,2})|(?P<cd>[" + _CN_SMALL + r"]{1,3}))" + _BL + "?[日号]"
    r"|(?:(?<![\d.\-—~～/])(?<![\d" + _CN_DIGITS + r"]\s?年)(?P<m2>\d{1,2})|(?<![" + _CN_DIGITS + r"十年])(?P<cm2>[" + _CN_SMALL + r"]{1,3}))"
    + _BL + "?月" + _BL + "?"
    r"(?:(?P<d2>\d{1,2})|(?P<cd2>[" + _CN_SMALL + r"]{1,3}))" + _BL + "?[日号]"
    r"|(?:(?<![\d.])(?P<y3>\d{4})|(?<![" + _CN_DIGITS + r"十])(?P<cy3>[" + _CN_DIGITS + r"]{4}))" + _BL + "?年" + _BL + "?"
    r"(?:(?P<m3>\d{1,2})|(?P<cm3>[" + _CN_SMALL + r"]{1,3}))" + _BL + "?月(?!" + _BL + r"?[\d" + _CN_SMALL + r"])"
)
# The longest stretch of a date before its 月 (four digits, blank, 年, blank, three numerals, blank).
_BEFORE_YUE = 11
# The 月 of a date: its month ends right before it or one blank before it, so a numeral is among the two
# characters before it (每月, 个月, 月底 are no date's 月).
_DATE_YUE = LazyRegex(r"月(?:(?<=[\d" + _CN_SMALL + r"]月)|(?<=[\d" + _CN_SMALL + r"].月))", _stdlib=True)
_YEAR_MENTION = LazyRegex(r"(?<![\d.])(\d{4})\s?年|(?<![" + _CN_DIGITS + r"])([" + _CN_DIGITS + r"]{4})年")
# a lunar date before a date makes it lunar, unless a bracket, 为/即/是 or a comma lies between the two: then the
# date is the Gregorian one of the lunar day (腊月二十三（1月22日）, 正月初一为1月29日)
_LUNAR = LazyRegex(r"(?:农历|阴历|夏历|旧历|正月|腊月|冬月)(?=[^（(为即是，,：:]*$)")
# the weekday of a date: in brackets or right after it (12月14日（星期二）, 12月14日星期二), or set off by a comma as an
# apposition that a mark, a part of the day or the end of the clause follows (6月19日，星期四，正式开工); a weekday
# after a comma that begins a range or a list (，周一至周五) is a schedule, not the date's weekday
_WEEKDAY_AFTER = LazyRegex(
    r"\s?[（(]?\s?((?:星期|礼拜|周)([" + _WEEKDAYS + r"]))"
    r"|[，,]\s?((?:星期|礼拜)([" + _WEEKDAYS + r"])|周([" + _WEEKDAYS + r"]))"
    r"(?=\s?(?:[，,。；;：:）)！？]|上午|下午|中午|晚上|早上|凌晨|夜间|$))")


class DateMention(NamedTuple):
    start: int
    end: int
    year: int | None
    year_stated: bool  # True: the year is part of the date; False: taken from earlier in its paragraph
    year_text: str
    month: int | None
    day: int | None


def _num(ar: str | None, cn: str | None) -> int | None:
    if ar is not None:
        return int(ar)
    if cn is not None:
        return cn_int(cn)
    return None


@view("dates")
def dates(doc: Document) -> list[DateMention]:
    """Every date of the normalised text (``2021年3月5日``, ``3月5号``, ``二〇二一年三月``, ``2021年3月``), in
    order, as a ``DateMention``: offsets, month, day and year — the date's own, or else the last year named
    before it in its paragraph (``doc.logical_paragraphs``: hard-wrapped lines rejoined). A date is never read
    across a line break.

    Every date holds exactly one 月, with a numeral right before it or one blank before it, at most
    ``_BEFORE_YUE`` characters after the date's start: the dates are the matches of ``_DATE`` tried only there."""
    text = doc.norm
    months = [m.start() for m in _DATE_YUE.finditer(text)]
    out: list[DateMention] = []
    if not months:
        return out
    paragraphs = None  # doc.logical_paragraphs and their starts, read for the first date without its own year
    years_by_paragraph: dict[int, tuple[list, list[int]]] = {}
    for m in matches_at_anchors(_DATE.match, text, months, _BEFORE_YUE):
        # groups: y cy m cm d cd | m2 cm2 d2 cd2 | y3 cy3 m3 cm3
        y1, cy1, m1, cm1, d1, cd1, m2, cm2, d2, cd2, y3, cy3, m3, cm3 = m.groups()
        year = _num(y1 or y3, cy1 or cy3)
        month = _num(m1 or m2 or m3, cm1 or cm2 or cm3)
        day = _num(d1 or d2, cd1 or cd2)
        if month is None:
            continue
        stated = year is not None
        year_text = ""
        if stated:
            year_text = f"{year}年"
        else:
            ms = m.start()
            if paragraphs is None:
                paragraphs = doc.logical_paragraphs
                starts = [p for p, _ in paragraphs]
            pi = bisect_right(starts, ms) - 1
            cached = years_by_paragraph.get(pi)
            if cached is None:  # the year mentions of the paragraph, once per paragraph
                ps, pe = paragraphs[pi] if pi >= 0 and ms < paragraphs[pi][1] else (0, 0)
                years = list(_YEAR_MENTION.finditer(text, ps, pe))
                cached = years_by_paragraph[pi] = (years, [ym.end() for ym in years])
            years, year_ends = cached
            i = bisect_right(year_ends, ms) - 1
            if i >= 0:
                prev = years[i]
                year = _num(prev.group(1), prev.group(2))
                year_text = prev.group()
        if year is not None and not 1000 <= year <= 2999:
            year = None
        out.append(DateMention(m.start(), m.end(), year, stated, year_text, month, day))
    return out


@functools.lru_cache(maxsize=1)
def _measure_re() -> "regex.Pattern[str]":
    words = load_data("num")["measure_words"]
    return lazy_compile(literal_alternation(words))


# ------------------------------------------------------------------------------------------------- DAT001
# four digits 1900-2099, not part of a longer number, a decimal, a range or a code, followed by a Han character
# other than 年 (the match starts at its 19/20; the look-behinds read back from the end of the four digits)
_BARE_YEAR = LazyRegex(r"(?:19|20)\d\d(?![\d.年])(?=\p{Han})(?<![\d.\-—–~～/:：A-Za-z_]....)(?<!\d[ \t\u00a0]....)")
# the year begins the name of an event, award, ranking or programme: Han characters and digits (no preposition or
# adverb that would make them a clause) up to a name's last word (data/dat.toml) that ends the noun phrase (what
# follows is no Han character, or a particle or preposition: 2025争取专项债券 is a clause)
_NAME_AFTER = data_pattern(lambda: r"(?:(?![在已将把被向于从是])[\p{Han}\d]){0,14}?(?:"
                           + literal_alternation(load_data("dat")["names"]["heads"])
                           + r")(?!(?![的在于和及与等由将已是])\p{Han})")
_TIME_WORD = data_pattern(lambda: literal_alternation(load_data("dat")["time_words"]))
# 1979、1980两年: years listed and counted
_YEARS_COUNTED = LazyRegex(r"[两二三四五六七八九十几]个?年")
_NAME_OPENERS = "“‘《「『\"'"
_RANGE_AFTER = LazyRegex(r"\s?(?:至|到|—|–|-|～|~)\s?\d")


@rule("DAT001", "year-without-nian", severity="warning", fix="unsafe",
      on=Trigger("19", "20", view="norm", pattern=_BARE_YEAR))
def year_without_nian(doc: Document, years) -> Iterator[Finding]:
    """四位数年份后缺少“年”字。

    为什么：年份应写作“2011年”；“2011在马田镇”“2020已至岁末”中的数字既像年份又像数量，读者要停下来猜。
    错误示例：2011在马田镇红星村建设了我县第一家村“妇女之家”；转眼间2020已至歲末
    正确写法：2011年在马田镇红星村建设了……；转眼间2020年已至歲末
    依据：GB/T 15835-2011《出版物上数字用法》5.1.4（年份写全称，如“2011年”）。
    修复：建议修复（--unsafe-fixes），在年份后补“年”。1900—2099 之间的四位数后面紧跟量词或单位时是数量，不报告
    （“2011名”“2000万元”；但“2025元旦”中的“元旦”是时间词，照样报告）；起止时段（“2011—2020”“2011至2015年”）、号码（“12338维权热线”）、“第2011”
    都不报告。以年份开头的活动、奖项、榜单、计划的名称照原名写，不加“年”（“2025中国民营企业500强发布会”
    “2025中国足协杯”“2030国家科技重大专项”，引号或书名号里的“‘2030启航计划’”），列举后计数的年份
    （“1979、1980两年”）也不报告。
    """
    text = doc.norm
    measure = _measure_re()
    for m in years:
        s, e = m.span()
        if measure.match(text, e) and not _TIME_WORD.match(text, e):
            continue
        if _RANGE_AFTER.match(text, e):
            continue
        if s > 0 and text[s - 1] in "第共约近超逾达":
            continue
        if (s > 0 and text[s - 1] in _NAME_OPENERS) or _NAME_AFTER.match(text, e) or _YEARS_COUNTED.match(text, e):
            continue  # a name (“2030启航计划”, 2025中国足协杯) or years counted (1979、1980两年)
        yield Finding(s, e, f"年份“{doc.text[s:e]}”后缺少“年”字",
                      Fix.replace(e, e, "年", f"补为“{doc.text[s:e]}年”", applicability="unsafe"))


# ------------------------------------------------------------------------------------------------- DAT002
# two digits and 年: the match is the 年 (group yy: the digits before it, read by the look-behind). The year is
# abbreviated when a month follows (21年3月), when an apostrophe marks the elision (’16年, '98年), or when a point of
# the year follows (group pt: 20年底, 19年初, 79年以来 — checked against the draft's full years in the rule).
# (?<!\d\s): "20 21年3月" is a split year, SPC001's
# (?<!\d[-—~]): "2011—15年3月" is a range, _SHORT_END_YEAR's; after a date or at a byline's dash it is a year
_SHORT_YEAR = LazyRegex(
    r"年(?<=(?:(?<![\d.A-Za-z])(?P<ap>[’'])|(?<![\d./A-Za-z'’])(?<!\d[\-—–~～])(?<!\d[ \t\u00a0]))(?P<yy>\d{2})年)"
    r"(?:(?=\s?(?P<mo>\d{1,2})月)"
    r"|(?=(?P<pt>底(?![线色蕴气子数部层])|初(?![心衷步级期中])|末(?![端尾位期])|以来|上半年|下半年))"
    r"|(?<=[’']\d\d年))")
# before the point of a year, a duration is counted, not named (近10年以来, 这20年底下): these words make it one
_DURATION_BEFORE = "近这多约满达逾超余了过第前后每"
_SHORT_END_YEAR = LazyRegex(r"(?<![\d.])((?:19|20)(\d\d))\s?年?\s?(?:至|到|—|–|-|～|~)\s?(\d{2})(年)(?!\d)")


def _closes_quote(text: str, pos: int) -> bool:
    """True when the ’ at ``pos`` closes a single quotation mark opened earlier on its line (‘三农’): no apostrophe."""
    line_start = text.rfind("\n", 0, pos) + 1
    return text.rfind("‘", line_start, pos) > text.rfind("’", line_start, pos)


@rule("DAT002", "abbreviated-year", severity="warning", fix="unsafe",
      on=(Trigger("年", view="norm", pattern=_SHORT_YEAR), Trigger("19", "20", view="norm", pattern=_SHORT_END_YEAR)))
def abbreviated_year(doc: Document, found) -> Iterator[Finding]:
    """年份简写为两位数。

    为什么：公文中的年份应写全，“21年3月”可以是2021年，也可以是1921年；起止年份的后一半也不能简写。
    错误示例：21年3月召开换届大会；’16年12月5日公布；到20年底实现全覆盖；2011—15年工作总结
    正确写法：2021年3月召开换届大会；2016年12月5日公布；到2020年底实现全覆盖；2011—2015年工作总结
    依据：GB/T 15835-2011《出版物上数字用法》5.1.4（年份不应简写，如“1990年”不写作“90年”）。
    修复：建议修复（--unsafe-fixes）：起止年份按前一年份的世纪补全；单独的“21年3月”只在文中别处写有全称
    （如“2021年”）时补全，否则只报告。两位数加“年”后面跟着月份、前面有省略撇号（“’16年”“'98年”）时一定是
    简写；后面跟“底”“初”“末”“以来”“上半年”时，只在文中别处写有这一年的全称（“79年以来”而文中有“1979年”）
    时报告，前面有“近”“这”“满”等计时长的词时不报告（“近10年以来”）。时长（“工作21年”“建党100年”）、
    “90后”、引号后的数（“‘三农’10年”）不报告。
    """
    text = doc.norm
    short_years, short_end_years = found
    full_years = None
    for m in short_years:
        month = m.group("mo")
        if month is not None and not 1 <= int(month) <= 12:
            continue
        s, e = m.span("yy")
        yy = m.group("yy")
        if full_years is None:
            full_years = {ym.group(1)[2:]: ym.group(1) for ym in _FULL_YEAR_RE.finditer(text)}
        full = full_years.get(yy)
        ap = m.start("ap") if m.group("ap") else -1
        if ap >= 0 and text[ap] == "’" and _closes_quote(text, ap):
            if month is None:
                continue  # ‘三农’10年以来: a closing quotation mark, then a duration
            ap = -1
        if month is None and ap < 0:  # 20年底, 79年以来: a year only when the draft names it in full
            if full is None or (s > 0 and text[s - 1] in _DURATION_BEFORE):
                continue
        start = ap if ap >= 0 else s
        fix = Fix.replace(start, e, full, f"写全为“{full}年”", applicability="unsafe") if full else None
        hint = f"，应写全（如“{full}年”）" if full else "，应写全四位"
        yield Finding(start, m.end(), f"年份“{doc.text[start:m.end()]}”是简写{hint}", fix)
    for m in short_end_years:
        first, first_yy, yy = m.group(1), int(m.group(2)), int(m.group(3))
        if yy <= first_yy:
            continue
        s, e = m.span(3)
        full = first[:2] + m.group(3)
        yield Finding(s, m.end(4), f"起止年份的后一个“{doc.text[s:m.end(4)]}”是简写，应写全“{full}年”",
                      Fix.replace(s, e, full, f"写全为“{full}年”", applicability="unsafe"))


# ------------------------------------------------------------------------------------------------- DAT003
@rule("DAT003", "impossible-date", severity="error", on=Trigger("月", view="norm"))
def impossible_date(doc: Document, _months) -> Iterator[Finding]:
    """日期不存在（月份大于12、日期超出当月天数、非闰年的2月29日）。

    为什么：“4月31日”“2021年2月29日”这样的日期不存在，多是笔误，发文后很难更正。
    错误示例：2021年2月29日召开会议；4月31日前完成；2021年13月
    正确写法：按实际日期改正，如“2021年3月1日”“4月30日”。
    依据：公历（格里历）；月份天数和闰年由 Python 标准库 calendar 计算。
    修复：无（不知道正确日期）。2月29日只在年份可知（日期本身写了年份，或同一段前文写了“××××年”）时
    判断；年份取自前文时，“平年2月29日”降为警告。农历日期（“农历二月三十”“腊月三十”）不检查。
    """
    text = doc.norm
    for dm in doc.dates:
        span_text = doc.text[dm.start:dm.end]
        if _LUNAR.search(text, max(0, dm.start - 12), dm.start):
            continue
        if not 1 <= dm.month <= 12:
            yield Finding(dm.start, dm.end, f"日期“{span_text}”不存在：月份只有1—12月")
            continue
        if dm.day is None:
            continue
        if dm.day == 0:
            yield Finding(dm.start, dm.end, f"日期“{span_text}”不存在：没有0日")
            continue
        if dm.month == 2 and dm.day == 29:
            if dm.year is None or calendar.isleap(dm.year):
                continue
            where = "" if dm.year_stated else f"（年份见前文“{dm.year_text}”）"
            yield Finding(dm.start, dm.end, f"日期“{span_text}”不存在：{dm.year}年2月只有28天{where}",
                          severity=None if dm.year_stated else "warning")
            continue
        longest = calendar.monthrange(2000 if dm.month == 2 else 2001, dm.month)[1]  # Feb: leap-year maximum
        if dm.day > longest:
            days = "最多29天" if dm.month == 2 else f"只有{longest}天"
            yield Finding(dm.start, dm.end, f"日期“{span_text}”不存在：{dm.month}月{days}")


# ------------------------------------------------------------------------------------------------- DAT004
_CLOSED_SINCE = LazyRegex(
    r"(?<![\d.])((?:19|20)\d\d)\s?年?\s?(?:至|到|—|–|-|～|~)\s?((?:19|20)\d\d)\s?年?(?:底|末)?\s?(以来)")


@rule("DAT004", "closed-period-since", severity="warning",
      on=Trigger("19", "20", view="norm", pattern=_CLOSED_SINCE))
def closed_period_since(doc: Document, periods) -> Iterator[Finding]:
    """已结束的起止时段后接“以来”。

    为什么：“以来”表示从过去某一时间到说话时为止，只能接一个起点（“2011年以来”）；“2011至2015年”已经有
    终点，再加“以来”前后矛盾。
    错误示例：2011至2015年以来，县妇联抢抓党建带妇建等有利契机
    正确写法：2011年至2015年，县妇联……；或 2011年以来，县妇联……
    依据：《现代汉语词典》第7版“以来”条（表示从过去某时直到说话时为止的一段时间）。
    修复：无（要删终点还是删“以来”由作者决定）。“2015年以来”“五年以来”“今年以来”都是正确的。
    """
    for m in periods:
        s, e = m.span()
        a, b = m.group(1), m.group(2)
        if int(b) < int(a):
            continue
        period = doc.text[s:m.start(3)].rstrip()
        yield Finding(s, e, f"“{doc.text[s:e]}”：“以来”不能接在已结束的时段“{period}”之后，"
                            f"应写作“{a}年至{b}年”或“{a}年以来”")


# ------------------------------------------------------------------------------------------------- DAT006
@rule("DAT006", "weekday-mismatch", severity="warning",
      on=Trigger("星期", "礼拜", *("周" + d for d in _WEEKDAYS), view="norm"))
def weekday_mismatch(doc: Document, _weekdays) -> Iterator[Finding]:
    """日期与所写的星期不符。

    为什么：通知、会议安排中“12月14日（星期三）”这类写法很常见，日期和星期只要有一个写错，参会人就可能
    走错日子。
    错误示例：2021年12月14日（星期三）召开会议（2021年12月14日是星期二）
    正确写法：2021年12月14日（星期二）召开会议
    依据：公历；星期由 Python 标准库 calendar 计算。
    修复：无（不知道错的是日期还是星期）。日期本身写了年份时为警告；年份取自同一段前文时为提示；
    没有年份可依的日期不检查。星期可以在括号里、紧跟日期，或用逗号隔开作同位语（“2011年6月19日，星期日，
    正式开工”）；逗号后的“周一至周五”“周一、周三”是作息安排，不是这一天的星期，不检查。
    """
    text = doc.norm
    for dm in doc.dates:
        if dm.year is None or dm.day is None or not 1 <= dm.month <= 12:
            continue
        if not 1 <= dm.day <= calendar.monthrange(dm.year, dm.month)[1]:
            continue  # DAT003's
        wm = _WEEKDAY_AFTER.match(text, dm.end)
        if wm is None:
            continue
        if wm.group(1) is None:  # the comma form: the weekday's groups are 3 and 4 (星期/礼拜) or 5 (周)
            wstart, wend, written = wm.start(3), wm.end(3), wm.group(4) or wm.group(5)
        else:
            wstart, wend, written = wm.start(1), wm.end(1), wm.group(2)
        written_idx = 6 if written in "日天" else "一二三四五六".index(written)
        actual = calendar.weekday(dm.year, dm.month, dm.day)
        if actual == written_idx:
            continue
        where = "" if dm.year_stated else f"（年份按前文“{dm.year_text}”）"
        yield Finding(dm.start, wend,
                      f"{dm.year}年{dm.month}月{dm.day}日是星期{_WEEKDAY_NAMES[actual]}，"
                      f"不是“{doc.text[wstart:wend]}”{where}",
                      severity=None if dm.year_stated else "info")


# ------------------------------------------------------------------------------------------------- DAT008
# A date written with points in running text. The match starts at the date's first digit (at most 4 characters
# before its first point):
#   full  2017.5.5, 1996.1.8 (group y, m, d): a year of four digits, month and day;
#   md    4.14, 12.20 (group m2, d2) where its place makes it a date: right after a year (2016年12.5), after a word
#         naming a year (今年7.1), after 从 (从5.1起), or at the start of a clause (，5.20在…召开; 、5.3内蒙古); what
#         follows is read in the rule (a unit makes it a number: 今年1.5万人, ，2.5小时); anywhere else only when a
#         weekday follows it (腊月二十三（1.22，星期三）).
# Never after a letter, a digit, a point or a colon-like mark (V2019.1.2, 1.2.3 sections, 10:30.5), never followed
# by another digit, point or per cent sign (2.3.1, 5.5%).
_DATE_POINT = LazyRegex(
    r"(?<![A-Za-z0-9_.．·/\-])"
    r"(?:(?P<y>(?:19|20)\d\d)[.．](?P<m>\d{1,2})[.．](?P<d>\d{1,2})"
    r"|(?:(?<=\d{4}\s?年\s?)(?P<after_year>)|(?<=今年|明年|去年|当年|同年|次年|本年|翌年|前年|后年)(?P<after_topic>)"
    r"|(?<=从)(?P<after_from>)|(?<=[，,；;、：:])(?P<clause>)|(?P<elsewhere>))(?P<m2>\d{1,2})[.．](?P<d2>\d{1,2}))"
    r"(?![\d.．%％])(?P<ri>[日号])?")
# what follows a month–day that makes it a number: a measure word or unit (data/num.toml) or these characters and
# words (2.5公顷, 1.2兆瓦, 1.5以上, 3.2左右, 0.8的)
_NUMBER_AFTER = LazyRegex(r"[个倍万亿元人名次件项岁米分秒度克吨亩公平立千百兆毫厘英寸升斤码级成折余多的]|以上|以下|以内|之间|左右")
# what follows a month–day that makes it a date (，11.22起全面排查; ，12.8前上报; 今年1.1起)
_DATE_AFTER_CLAUSE = LazyRegex(r"起(?![草步源点伏])|前|后|以前|以后|之前|之后")
# a series of values by year (2021年8.1，2022年3.2): figures, not dates
_YEAR_SERIES = LazyRegex(r"\s?[，,、；;]\s?\d{4}\s?年\s?\d")
_SERIES_BEFORE = LazyRegex(r"\d{4}\s?年\s?\d+(?:\.\d+)?\s?[，,、；;]\s?\d{4}\s?年\s?$")
_HAN_CHAR = LazyRegex(r"\p{Han}")
_WEEKDAY_NEXT = LazyRegex(r"\s?[（(，,]?\s?(?:星期|礼拜|周)[" + _WEEKDAYS + r"]")
_PROSE_MARK = LazyRegex(r"[，。；！？]")


def _valid_md(m: str, d: str) -> bool:
    return 1 <= int(m) <= 12 and 1 <= int(d) <= 31 and not (len(d) > 1 and d[0] == "0") and m[0] != "0"


# a month–day date written with a point in prose (于4.29召开, 11.22上午): a time word after it, or 截至/于 before it
# and 前/后/起/止 or the end of a clause after it (截至11.22，); never a number before it (2021.4.29 is a full date)
# or a unit after it
# A Han character after the date that is no unit or measure word, and no 以上/之间/的 (在1.2以上, 低于1.2的 are numbers)
_NOT_UNIT = r"(?=\p{Han})(?![个個倍万萬亿億元人名次件项項岁歲米分秒度克吨噸亩畝公平立千百以之左上下的])"
_PROSE_DATE_RE = lazy_compile(
    r"(?<![A-Za-z0-9_.．·“第])(\d{1,2})[.．](\d{1,2})(?![\d.．%％])"
    r"(?:(?P<ri>[日号])|(?=上午|下午|晚上|凌晨|当天|当日|召开|举行|举办|开幕|闭幕|启动|期间|以来)"
    r"|(?<=(?:截至|截止|于|自|在)\d{1,2}[.．]\d{1,2})(?=前|后|之前|之后|起|止)"
    r"|(?<=(?:截至|截止)\d{1,2}[.．]\d{1,2})(?=[，,；;。])"
    # a year right before it (2014年6.18正式通航), or a date preposition (于, 自, 截至, 在; not 高于/低于…)
    r"|(?<=(?:\d{4}\s?年|(?<![高低大小等多少优劣快慢早晚强弱好差])于|自|截至|截止|定于|在)\d{1,2}[.．]\d{1,2})" + _NOT_UNIT +
    # the first of two month–day dates joined at a clause start (，8.16至8.20集中培训)
    r"|(?<=(?:^|[，。；：、\s])\d{1,2}[.．]\d{1,2})(?=\s?[至到—\-～~]\s?\d{1,2}[.．]\d{1,2}(?![\d.．%％])" + _NOT_UNIT + r"))")
# a full date written with points in running text after a date preposition (于2021.4.29召开): a Han character that
# is no unit after it (a line that starts 2019.11.25发布 is a web page's date line)
_PROSE_FULL_DATE_RE = lazy_compile(
    r"(?<=(?:(?<![高低大小等多少优劣快慢早晚强弱好差])于|自|截至|截止|定于|在)(?=\d))"
    r"((?:19|20)\d\d)[.．](\d{1,2})[.．](\d{1,2})(?![\d.．%％])(?P<ri>[日号])?" + _NOT_UNIT)




@functools.lru_cache(maxsize=1)
def _pun007_event_date():
    """PUN007's pattern of a month–day name written with a point before an event word (11.25反家暴宣传周): a name,
    which PUN007 reports, not a date."""
    from . import pun

    return pun._EVENT_DATE_RE


@rule("DAT008", "date-with-points", severity="warning", fix="unsafe",
      on=(Trigger(chars=".．", view="norm", pattern=_DATE_POINT, before=4),
          Trigger(chars=".．", pattern=_PROSE_DATE_RE, before=2),
          Trigger(chars=".．", pattern=_PROSE_FULL_DATE_RE, before=4)))
def date_with_points(doc: Document, found) -> Iterator[Finding]:
    """正文中的日期写成了带小数点的数字形式。

    为什么：“2017.5.5”“2016年12.5”“今年7.1”在正文里既不像日期也不像数，读者要停下来猜；公文正文中的日期
    按“2008年8月8日”写。
    错误示例：2017.5.5日，阿里研究院发布了报告；公布日期为2016年12.5；从今年1.1起，再连续三年提高标准；
    ，11.22起全面开展排查；会议于4.29召开；截至11.22，全镇完成排查
    正确写法：2017年5月5日，阿里研究院发布了报告；公布日期为2016年12月5日；从今年1月1日起……；，11月22日起
    全面开展排查；会议于4月29日召开；截至11月22日，全镇完成排查
    依据：GB/T 15835-2011《出版物上数字用法》5.1.4（年月日按口语顺序写作“2008年8月8日”；“年”“月”只可按
    GB/T 7408 的扩展格式用“-”替代，且年月日不完整时不能替代，不用小数点）。
    修复：建议修复（--unsafe-fixes），改为“××××年×月×日”或“×月×日”。四位年份带月、日的写法都报告；只有
    月、日的“4.14”只在位置说明它是日期时报告：紧跟在“××××年”“今年”“明年”之后、在“从……起”之中、在
    “于”“自”“截至”“定于”之后、后面跟着“召开”“上午”“期间”等时间词或“日”“号”、在分句开头（逗号、顿号之后）
    且后面不是单位，或后面跟着星期（“（1.22，星期三）”）。后面跟单位或“以上”“左右”的是数（“今年1.5万人”
    “，2.5小时”“高于1.2的”）；按年份列出的一串数值（“2021年8.1，2022年3.2”）、月份或日期不成立的数（“3.45”
    “1.05”）、版本号、章节号都不报告。“11.25反家暴宣传周”这样的事件简称由 PUN007 报告（应为“11·25”），这里
    不重复。没有句读的行（网页的“发布时间：2019.11.25”）不是正文，不报告。
    """
    text = doc.norm
    masked = doc.masked
    own, prose_dates, full_dates = found
    event = _pun007_event_date()
    reported = set()
    # a date after a date preposition or before a time word (于4.29召开, 截至11.22，, 于2021.4.29召开)
    for m in full_dates:
        y, mo, d = m.group(1), m.group(2), m.group(3)
        if valid_month_day(mo, d):
            reported.add(m.start())
            yield _point_date(doc, m.start(), m.end(), y, mo, d)
    for m in prose_dates:
        if m.start() in reported or event.match(masked, m.start()):
            continue
        if valid_month_day(m.group(1), m.group(2)):
            reported.add(m.start())
            yield _point_date(doc, m.start(), m.end(), None, m.group(1), m.group(2))
    for m in own:
        s, e = m.span()
        if s in reported or event.match(masked, s):
            continue
        if m.group("y") is not None:
            y, mo, d = m.group("y"), m.group("m"), m.group("d")
        else:
            y, mo, d = None, m.group("m2"), m.group("d2")
        if not (1 <= int(mo) <= 12 and 1 <= int(d) <= 31) if y else not _valid_md(mo, d):
            continue  # a full date may pad with zeros (2021.05.06); a month–day with a zero is a decimal (1.05)
        if not m.group("ri"):
            if m.group("y") is None and not _dated_by_what_follows(m, text, e):
                continue
            if m.group("y") is not None and (_NUMBER_AFTER.match(text, e) or _YEAR_SERIES.match(text, e)):
                continue
        line_start = text.rfind("\n", 0, s) + 1
        line_end = text.find("\n", e)
        line_end = len(text) if line_end < 0 else line_end
        if not _PROSE_MARK.search(text, line_start, line_end):
            continue  # a line without a sentence mark (发布时间：2019.11.25): a date line, not running text
        yield _point_date(doc, s, e, y, mo, d)


def _point_date(doc: Document, s: int, e: int, y: str | None, mo: str, d: str) -> Finding:
    good = (f"{y}年" if y else "") + f"{int(mo)}月{int(d)}日"
    return Finding(s, e, f"正文中的日期“{doc.text[s:e]}”写成了带小数点的数字，应写作“{good}”",
                   Fix.replace(s, e, good, f"改为“{good}”", applicability="unsafe"))


def _dated_by_what_follows(m, text: str, e: int) -> bool:
    """True when what follows a month–day (no 日/号) makes its place a date (see _DATE_POINT)."""
    if m.group("elsewhere") is not None:
        return _WEEKDAY_NEXT.match(text, e) is not None
    if m.group("after_from") is not None:
        return text.startswith(("起", "开始", "以来"), e)
    if _DATE_AFTER_CLAUSE.match(text, e):
        return True
    if m.group("clause") is not None:
        if _NUMBER_AFTER.match(text, e) or not _HAN_CHAR.match(text, e):
            return False
        return not _measure_re().match(text, e)
    # after a year or a word naming a year: anything but a unit or a series of values by year
    if _NUMBER_AFTER.match(text, e) or _YEAR_SERIES.match(text, e) or (
            m.group("after_year") is not None and _SERIES_BEFORE.search(text, max(0, m.start() - 40), m.start())):
        return False
    return not (_HAN_CHAR.match(text, e) and _measure_re().match(text, e))
