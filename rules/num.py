"""NUM — numbers (GB/T 15835-2011). Contradictory approximations, 余/多 inside a non-round number, arabic and
Chinese digits mixed in one number, numeric abbreviations without quotation marks.

All rules read the normalised text (``_zh.norm``), so traditional drafts (``1萬多條``, ``10餘次``) are checked
with the same patterns.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Iterator

import regex

if TYPE_CHECKING:
    import re

from lintkit import Document, Edit, Finding, Fix, Trigger, lazy_compile, rule
from lintkit.cache import compile_re

from ._common import load_data
from ._zh import CN_NUM_CHARS, LazyRegex, any_of, literal_alternation, norm


@functools.lru_cache(maxsize=1)
def _data() -> dict:
    return load_data("num")


@functools.lru_cache(maxsize=1)
def _measure_alt() -> str:
    return literal_alternation(w for w in _data()["measure_words"] if w not in ("余", "多", "来"))


# ------------------------------------------------------------------------------------------------- NUM001
_NUM = r"(?:\d+(?:\.\d+)?|[" + CN_NUM_CHARS + r"]+)"


@functools.lru_cache(maxsize=1)
def _approx_re() -> "regex.Pattern[str]":
    mw = _measure_alt()
    return lazy_compile(
        r"(?P<pre>将近|接近|近|大约|约|超过|逾)(?P<num>" + _NUM + r")\s?(?P<big>[万亿])?(?P<suf>多|余)?\s?"
        r"(?P<big2>[万亿])?(?P<mw>" + mw + r")?(?P<post>左右|以上|上下)?"
    )


_TIME_UNITS = None


def _time_units() -> set[str]:
    global _TIME_UNITS
    if _TIME_UNITS is None:
        _TIME_UNITS = set(_data()["time_units"])
    return _TIME_UNITS


@rule("NUM001", "contradictory-approximation", severity="warning", requires=any_of("近", "约", "超过", "逾", "左右"))
def contradictory_approximation(doc: Document) -> Iterator[Finding]:
    """同一个数同时用了两个概数标记，意思重复或互相矛盾。

    为什么：“近600名”是不到600，“600多名”是超过600，“近600多名”自相矛盾；“超过600人以上”“600多人左右”
    则是重复。读者无法确定数字到底是多少。
    错误示例：全县共有近600多名孩子得到代理妈妈的赞助和关爱；超过300人以上参加
    正确写法：近600名（或600多名）孩子；300多人参加（或超过300人）
    依据：GB/T 15835-2011《出版物上数字用法》4.2.2（概数）；表示概数的词语不叠用。
    修复：无（两种改法意思不同，由作者选择）。“近五年来”“近3个月”是时段（最近几年），不报告；
    “约……左右”很多编辑认可，只作提示。
    """
    text = norm(doc)
    time_units = _time_units()
    for m in _approx_re().finditer(text):
        pre, suf, post, mw = m.group("pre"), m.group("suf"), m.group("post"), m.group("mw")
        s = m.start()
        if pre == "近" and s > 0 and text[s - 1] in "最附亲接靠临邻":
            continue
        if pre == "约" and s > 0 and text[s - 1] in "签预公条制节规契邀相":
            continue
        if mw in time_units and pre in ("近", "将近", "接近"):
            continue  # 近五年, 近3个月: a recent period
        num = m.group("num")
        if not num[:1].isdigit() and len(num) == 1 and num in "一两" and not suf:
            continue
        e = m.end()
        what = None
        severity = None
        if pre in ("近", "将近", "接近"):
            if suf:
                what = f"“{pre}”表示不到，“{suf}”表示超过，互相矛盾"
            elif post == "以上":
                what = f"“{pre}”表示不到，“以上”表示超过，互相矛盾"
        elif pre in ("超过", "逾"):
            if suf or post == "以上":
                what = f"“{pre}”与“{suf or post}”重复"
        elif pre in ("约", "大约"):
            if post in ("左右", "上下"):
                what, severity = f"“{pre}”与“{post}”重复", "info"
            elif suf:
                what, severity = f"“{pre}”与“{suf}”重复", "info"
        if what is None and suf and post in ("左右", "上下"):
            what = f"“{suf}”与“{post}”重复"
        if what is None:
            continue
        yield Finding(s, e, f"“{doc.text[s:e]}”：{what}", severity=severity)
    # N多/N余 … 左右 without a prefix (the pattern starts with a lookbehind: scanned only when its end is there)
    if ("左右" not in text and "上下" not in text) or not _suffix_before_post(text):
        return
    for m in _approx_post_re().finditer(text):
        s, e = m.span()
        yield Finding(s, e, f"“{doc.text[s:e]}”：“{m.group('suf')}”与“{m.group('post')}”重复")


@functools.lru_cache(maxsize=1)
def _post_reach() -> int:
    """How far before its 左右/上下 a match of ``_approx_post_re`` may have its 多/余: the 多/余 itself, 万/亿,
    the longest measure word."""
    return 2 + max(len(w) for w in _data()["measure_words"] if w not in ("余", "多", "来"))


def _suffix_before_post(text: str) -> bool:
    """False when no 左右/上下 of ``text`` has 多 or 余 within ``_post_reach()`` characters before it: then
    ``_approx_post_re`` (which starts with a look-behind: tried at every position) finds nothing."""
    reach = _post_reach()
    for post in ("左右", "上下"):
        p = text.find(post)
        while p >= 0:
            before = text[max(0, p - reach):p]
            if "多" in before or "余" in before:
                return True
            p = text.find(post, p + 2)
    return False


@functools.lru_cache(maxsize=1)
def _approx_post_re() -> "regex.Pattern[str]":
    return lazy_compile(
        r"(?<![将接近约逾过\d.])(?:\d+(?:\.\d+)?|(?<![" + CN_NUM_CHARS + r"])[" + CN_NUM_CHARS + r"]+)"
        r"\s?[万亿]?(?P<suf>多|余)[万亿]?(?:" + _measure_alt() + r")(?P<post>左右|上下)"
    )


# ------------------------------------------------------------------------------------------------- NUM002
@functools.lru_cache(maxsize=1)
def _inner_approx_re() -> "regex.Pattern[str]":
    return lazy_compile(
        r"(?<![\d.])(?P<num>\d*[1-9](?:\.\d+)?|\d+\.\d*[1-9])(?P<suf>余|多)"
        r"(?:(?P<big>[万亿])|(?=(?P<mw>" + _measure_alt() + r")))"
    )


# 余/多 after a digit; the match is 余/多 (a literal class is scanned fast, a pattern starting with \d is not)
_APPROX_AFTER_DIGIT = LazyRegex(r"[余多](?<=\d.)")


# The rule used to require r"\d[余多餘]" in the text. Its own scan below (a digit, then 余/多, in the normalised
# text, where 余 may come from 餘 and fullwidth digits are mapped) only finds places where that holds, so the
# pre-check keeps to the three characters and the document is scanned once.
@rule("NUM002", "approximation-inside-number", severity="warning", fix="unsafe", requires=any_of("余", "多", "餘"))
def approximation_inside_number(doc: Document) -> Iterator[Finding]:
    """“余”“多”放在了不是整数位的数字后面。

    为什么：“余”“多”表示零头，只能跟在以0结尾的整数或“万”“亿”之后。“1186余万元”把零头放在了“万”
    前面，意思成了“一千一百八十六万多万元”；“186余人”则已经精确到个位，不会再有零头。
    错误示例：为受助妇女儿童避免经济损失1186余万元；共有186余人参加
    正确写法：1186万余元；180余人（或186人）
    依据：GB/T 15835-2011《出版物上数字用法》4.2.2（概数）；《现代汉语词典》第7版“余”条（用在数词或
    数量词后，表示大数或度量单位后的零头）。
    修复：“N余万”“N多亿”建议改为“N万余”“N亿多”（--unsafe-fixes）；“186余人”不知道作者想写哪一个
    数，只报告。以0结尾的数（“1000余万元”“420余名”“十余万”）正确，不报告。
    """
    text = norm(doc)
    pattern = _inner_approx_re()
    for c in _APPROX_AFTER_DIGIT.finditer(text):
        start = c.start() - 1  # the digit before 余/多
        floor = max(0, start - 24)
        while start > floor and (text[start - 1].isdigit() or text[start - 1] == "."):
            start -= 1
        if text[c.start() - 1] == "0" and "." not in text[start:c.start()]:
            continue  # a whole number ending in 0 ("20余人") is right; the pattern below would not match
        m = pattern.match(text, start)
        if m is None:
            continue
        s, e = m.span()
        num, suf, big = m.group("num"), m.group("suf"), m.group("big")
        orig = doc.text[s:e]
        if big:
            fixed = num + doc.text[m.start("big"):m.end("big")] + doc.text[m.start("suf"):m.end("suf")]
            yield Finding(s, e, f"“{orig}”中的“{suf}”应放在“{big}”后面：{fixed}",
                          Fix.replace(s, e, fixed, f"改为“{fixed}”", applicability="unsafe"))
        else:
            mw = m.group("mw")
            yield Finding(s, e, f"“{orig}{mw}”：“{suf}”表示零头，不能跟在个位不是0的数“{num}”后面")


# ------------------------------------------------------------------------------------------------- NUM003
@functools.lru_cache(maxsize=1)
def _mixed_re() -> tuple["regex.Pattern[str]", "re.Pattern[str]"]:
    units = literal_alternation(_data()["mixed"]["unit_words"])
    mixed = lazy_compile(r"(?<![\d.A-Za-z])(?P<num>\d+(?:\.\d+)?)(?!" + units + r")(?P<unit>[千百十])"
                          r"(?P<rest>[零〇]?\d+)?")
    # 二0二一年: the digit 0 between Chinese digits of a year (the Chinese zero of years is 〇)
    # (no feature of ``regex`` needed: the standard engine scans it faster, 17 -> 12 ms on 10 MB)
    zero = compile_re(r"[0０Oo](?<=[〇一二三四五六七八九].)(?=[〇一二三四五六七八九0０]*年)")
    return mixed, zero


# a digit right before 千/百/十, which every match of the mixed pattern has (the character class first: fast)
_DIGIT_UNIT = LazyRegex(r"[千百十](?<=\d.)")


def _mixed_matches(text: str, mixed: "regex.Pattern[str]") -> Iterator["regex.Match[str]"]:
    r"""The matches of ``mixed.finditer(text)``, found from the places where a digit precedes 千/百/十
    (``_DIGIT_UNIT``, a character class first: scanned fast) instead of trying the pattern, which starts with a
    lookbehind, at every position. A match holds exactly one 千/百/十 (its unit, right after its number), and its
    number can start only at the beginning of the run ``\d+`` or ``\d+.\d+`` that ends at the unit (anywhere
    else the lookbehind ``(?<![\d.])`` fails); so the pattern is tried there, and a match that starts inside the
    previous one is dropped as ``finditer`` would never find it."""
    prev_end = 0
    for c in _DIGIT_UNIT.finditer(text):
        u = c.start()
        k = u - 1  # a digit
        while k > 0 and text[k - 1].isdecimal():
            k -= 1
        if k >= 2 and text[k - 1] == "." and text[k - 2].isdecimal():
            k -= 1
            while k > 0 and text[k - 1].isdecimal():
                k -= 1
        if k < prev_end:
            continue
        m = mixed.match(text, k)
        if m is not None:
            prev_end = m.end()
            yield m


@rule("NUM003", "mixed-numerals", severity="warning", fix="unsafe",
      requires=LazyRegex(r"[千百十韆](?<=\d.)|[0０Oo](?<=[〇一二三四五六七八九].)"))
def mixed_numerals(doc: Document) -> Iterator[Finding]:
    """一个数里混用阿拉伯数字和汉字数字（“万”“亿”除外）。

    为什么：“4千”“1百零8”既不是阿拉伯数字写法，也不是汉字数字写法；年份“二0二一年”中的“0”是阿拉伯数字，
    汉字年份的零写作“〇”。
    错误示例：培训妇女4千人次；二0二一年十二月
    正确写法：培训妇女4000人次（或四千人次）；二〇二一年十二月
    依据：GB/T 15835-2011《出版物上数字用法》5.3（阿拉伯数字与汉字数字不混用；“万”“亿”可以与阿拉伯数字
    连用，如“3.98万元”）、4.1.2（年份中的“〇”）。
    修复：“4千”“1.5千”“3百”建议改为“4000”“1500”“300”（--unsafe-fixes）；汉字年份中的“0”改为“〇”
    （安全修复）。“3.98万元”“19.2万元”正确；“4千米”“5千克”“3百分点”是单位或术语，不报告。繁体文稿中
    “1,686萬4千元”这种万/亿后接“N千”的写法是台港常见写法（GB/T 15835 不适用），只作提示。
    """
    from decimal import Decimal

    text = norm(doc)
    mixed, zero = _mixed_re()
    traditional = None
    for m in _mixed_matches(text, mixed):
        s, e = m.span()
        unit = m.group("unit")
        orig = doc.text[s:e]
        if m.group("rest") or unit == "十":
            yield Finding(s, e, f"“{orig}”混用了阿拉伯数字和汉字数字")
            continue
        if unit == "千" and s > 0 and text[s - 1] in "万亿":
            # 1,686萬4千元, 3萬6千餘件: the usual way of writing amounts in Taiwan and Hong Kong, where GB/T 15835
            # does not apply; in a simplified draft it is the “3亿4千5百万” form the standard rules out
            if traditional is None:
                from .scr import script_info
                traditional = script_info(doc).majority == "traditional"
            if traditional:
                yield Finding(s, e, f"“{orig}”混用了阿拉伯数字和汉字数字（繁体文稿的常见写法，请按所用规范确认）",
                              severity="info")
                continue
        value = Decimal(m.group("num")) * (1000 if unit == "千" else 100)
        if value != value.to_integral_value():
            yield Finding(s, e, f"“{orig}”混用了阿拉伯数字和汉字数字")
            continue
        digits = str(int(value))
        yield Finding(s, e, f"“{orig}”混用了阿拉伯数字和汉字数字，应写作“{digits}”",
                      Fix.replace(s, e, digits, f"改为“{digits}”", applicability="unsafe"))
    for m in zero.finditer(text):
        s, e = m.span()
        yield Finding(s, e, "汉字年份中的零应写作“〇”，不用阿拉伯数字“0”或字母“O”",
                      Fix.replace(s, e, "〇", "改为“〇”"))


# ------------------------------------------------------------------------------------------------- NUM004
@functools.lru_cache(maxsize=1)
def _abbrev_re() -> tuple["regex.Pattern[str]", "regex.Pattern[str]", "regex.Pattern[str]"]:
    data = _data()["abbreviations"]
    abbrev = lazy_compile(r"(?<![" + CN_NUM_CHARS + r"第])(?:" + data["pattern"] + r")(?![" + CN_NUM_CHARS + r"])")
    safe_after = lazy_compile(literal_alternation(data["safe_after"]))
    measure = lazy_compile(r"\s?(?:" + _measure_alt() + r"|多|余|来)")
    return abbrev, safe_after, measure


_OPEN_QUOTES = "“‘\"'「『《〈"
_CLOSE_QUOTES = "”’\"'」』》〉"


@rule("NUM004", "unquoted-numeric-abbreviation", severity="warning", fix="safe", requires="五")
def unquoted_numeric_abbreviation(doc: Document) -> Iterator[Finding]:
    """“十四五”这类数字缩略语没有加引号。

    为什么：“十四五”是“第十四个五年规划”的缩略，不加引号时读者会读成数字“十四五”，甚至“十四、五”。
    错误示例：激励全县妇女为上林十四五高质量发展贡献巾帼力量；十四五规划
    正确写法：为上林“十四五”高质量发展贡献巾帼力量；“十四五”规划
    依据：GB/T 15835-2011《出版物上数字用法》4.2.3（含有数字的缩略语，如“十二五”规划，加引号）。
    修复：后面是“规划”“时期”“期间”“开局”等时安全修复（加引号）；其他位置建议修复（--unsafe-fixes）。
    后面是量词时是数量（“十四五岁”“十四五个人”），不报告；已加引号的不报告。
    """
    text = norm(doc)
    abbrev, safe_after, measure = _abbrev_re()
    for m in abbrev.finditer(text):
        s, e = m.span()
        if (s > 0 and text[s - 1] in _OPEN_QUOTES) or (e < len(text) and text[e] in _CLOSE_QUOTES):
            continue
        if measure.match(text, e) and not safe_after.match(text, e):
            continue
        word = doc.text[s:e]
        applicability = "safe" if safe_after.match(text, e) else "unsafe"
        yield Finding(s, e, f"数字缩略语“{word}”应加引号：“{word}”",
                      Fix.replace(s, e, f"“{word}”", f"改为“{word}”", applicability=applicability))


# ------------------------------------------------------------------------------------------------- NUM007
_FULLWIDTH_ALNUM = "".join(chr(c) for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)))
_TO_HALF = {ord(c): chr(ord(c) - 0xFEE0) for c in _FULLWIDTH_ALNUM} | {ord("．"): ".", ord("，"): ","}
_HAN_CHAR = lazy_compile(r"\p{Han}")
_HALF_DIGIT = lazy_compile(r"[0-9]")
_STYLE_MIN = 5  # fullwidth numbers in a draft without a single halfwidth digit: its style, reported once


@rule("NUM007", "fullwidth-alphanumerics", severity="warning", fix="safe",
      on=Trigger(chars=_FULLWIDTH_ALNUM, pattern="[" + _FULLWIDTH_ALNUM + "]+(?<=[０-９])(?:，[０-９]{3}(?![０-９]))*(?:．[０-９]+)?"
                 "|[" + _FULLWIDTH_ALNUM + "]+"))
def fullwidth_alphanumerics(doc: Document, matches) -> Iterator[Finding]:
    """中文里的阿拉伯数字或拉丁字母用了全角字符（“２０２２年”“１５％”“ＣＣＴＶ”）。

    为什么：全角数字、字母和半角的是不同的字符：排版宽窄不一，检索“2022”找不到“２０２２”，统计、核对数字时也会
    漏掉。多见于旧文稿、从表格或网页复制的文字和全角输入状态下的误敲。
    错误示例：２０２２年全县妇联工作要点；完成率达到１５％；收入２７，２０３，３１９元；收看ＣＣＴＶ新闻
    正确写法：2022年全县妇联工作要点；完成率达到15％；收入27,203,319元；收看CCTV新闻
    依据：GB/T 15835-2011《出版物上数字用法》的阿拉伯数字均为半角形式；通行的中文排版规范要求阿拉伯数字和
    拉丁字母使用半角字符。
    修复：安全修复，换成对应的半角字符；全角数字里的小数点“．”和三位分节的逗号“，”一并换成半角（一个数一处
    报告）；数字后的百分号等标点不动。只在含有汉字的行里报告。通篇都用全角数字、没有一个半角数字的文稿
    （旧出版物的体例）只报告一次（提示），修复一并改全文。
    """
    text = doc.text
    runs = []
    for m in matches:
        s, e = m.span()
        ls = max(text.rfind("\n", 0, s), text.rfind("\r", 0, s)) + 1
        le = min((x for x in (text.find("\n", e), text.find("\r", e)) if x != -1), default=len(text))
        if _HAN_CHAR.search(text, ls, le) is not None:
            runs.append(m)
    if len(runs) >= _STYLE_MIN and _HALF_DIGIT.search(doc.masked) is None:
        # the whole draft writes its numbers in fullwidth digits (older publications did): one finding, one fix
        first = runs[0]
        edits = tuple(Edit(m.start(), m.end(), m.group().translate(_TO_HALF)) for m in runs)
        yield Finding(first.start(), first.end(),
                      f"全文的数字都用了全角字符（{len(runs)}处，首个“{first.group()}”）：应使用半角",
                      Fix(edits, f"全文{len(runs)}处全角数字、字母改为半角"), "info")
        return
    for m in runs:
        s, e = m.span()
        run = m.group()
        half = run.translate(_TO_HALF)
        yield Finding(s, e, f"全角字符“{run}”：数字和字母应使用半角“{half}”", Fix.replace(s, e, half, f"改为“{half}”"))
