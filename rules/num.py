"""NUM — numbers (GB/T 15835-2011). Contradictory approximations, 余/多 inside a non-round number, arabic and
Chinese digits mixed in one number, numeric abbreviations without quotation marks.

All rules read the normalised text (the view ``norm``), so traditional drafts (``1萬多條``, ``10餘次``) are checked
with the same patterns.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Iterator

from lintkit import Document, Edit, Finding, Fix, Trigger, lazy_compile, rule

from ._common import load_data
from ._zh import CN_NUM_CHARS, LazyRegex, data_pattern, literal_alternation


@functools.lru_cache(maxsize=1)
def _data() -> dict:
    return load_data("num")


@functools.lru_cache(maxsize=1)
def _measure_alt() -> str:
    return literal_alternation(w for w in _data()["measure_words"] if w not in ("余", "多", "来"))


# ------------------------------------------------------------------------------------------------- NUM001
_NUM = r"(?:\d+(?:\.\d+)?|[" + CN_NUM_CHARS + r"]+)"


def _approx_source() -> str:
    return (r"(?P<pre>将近|接近|近|大约|约|超过|逾)(?:有|为|达)?(?P<num>" + _NUM + r")\s?(?P<big>[万亿])?(?P<suf>多|余)?\s?"
            r"(?P<big2>[万亿])?(?P<mw>" + _measure_alt() + r")?(?P<post>左右|以上|上下)?")


def _approx_post_source() -> str:
    # N多/N余 … 左右/以上 without a prefix; the match is its 左右/上下/以上, the look-behind reads the number (group num)
    return (r"(?P<post>左右|上下|以上)(?<=(?<![将接近约逾过\d.])(?<![将接近约逾过][有为达])(?P<num>\d+(?:\.\d+)?|(?<![" + CN_NUM_CHARS + r"])["
            + CN_NUM_CHARS + r"]+)\s?[万亿]?(?P<suf>多|余)[万亿]?(?:" + _measure_alt() + r")(?:左右|上下|以上))")


#: an approximation marker before a number (将近, 接近 and 大约 hold 近/约 one character after their start)
_APPROX = data_pattern(_approx_source)
_APPROX_POST = data_pattern(_approx_post_source)


@functools.lru_cache(maxsize=1)
def _time_units() -> frozenset[str]:
    return frozenset(_data()["time_units"])


@rule("NUM001", "contradictory-approximation", severity="warning",
      on=(Trigger("近", "约", "超过", "逾", view="norm", pattern=_APPROX, before=1),
          Trigger("左右", "上下", "以上", view="norm", pattern=_APPROX_POST)))
def contradictory_approximation(doc: Document, found) -> Iterator[Finding]:
    """同一个数同时用了两个概数标记，意思重复或互相矛盾。

    为什么：“近600名”是不到600，“600多名”是超过600，“近600多名”自相矛盾；“超过600人以上”“600多人左右”
    则是重复。读者无法确定数字到底是多少。
    错误示例：全县共有近600多名孩子得到代理妈妈的赞助和关爱；超过300人以上参加；筛选100余家以上企业
    正确写法：近600名（或600多名）孩子；300多人参加（或超过300人）；筛选100余家企业（或100家以上）
    依据：GB/T 15835-2011《出版物上数字用法》4.2.2（概数）；表示概数的词语不叠用。
    修复：无（两种改法意思不同，由作者选择）。“近五年来”“近3个月”是时段（最近几年），不报告；
    “约……左右”很多编辑认可，只作提示。
    """
    text = doc.norm
    approximations, suffixed = found
    time_units = _time_units()
    for m in approximations:
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
        if what is None and suf and post in ("左右", "上下", "以上"):
            what = f"“{suf}”与“{post}”重复"
        if what is None:
            continue
        yield Finding(s, e, f"“{doc.text[s:e]}”：{what}", severity=severity)
    for m in suffixed:
        s, e = m.start("num"), m.end()
        yield Finding(s, e, f"“{doc.text[s:e]}”：“{m.group('suf')}”与“{m.group('post')}”重复")


# ------------------------------------------------------------------------------------------------- NUM002
def _inner_approx_source() -> str:
    # 余/多 right after a number whose last digit is not a 0 of a whole number; the match starts at 余/多
    # (group suf), the look-behind reads the number (group num)
    return (r"(?P<suf>余|多)(?<=(?<![\d.])(?P<num>\d*[1-9](?:\.\d+)?|\d+\.\d*[1-9])(?:余|多))"
            r"(?:(?P<big>[万亿])|(?=(?P<mw>" + _measure_alt() + r")))")


_INNER_APPROX = data_pattern(_inner_approx_source)


@rule("NUM002", "approximation-inside-number", severity="warning", fix="unsafe",
      on=Trigger("余", "多", view="norm", pattern=_INNER_APPROX))
def approximation_inside_number(doc: Document, found) -> Iterator[Finding]:
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
    for m in found:
        s, e = m.start("num"), m.end()
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
def _mixed_source() -> str:
    # an arabic number right before 千/百/十 that does not begin a unit word (千米, 百分点); the match starts at
    # the 千/百/十 (group unit), the look-behind reads the number (group num)
    units = literal_alternation(_data()["mixed"]["unit_words"])
    return (r"(?!" + units + r")(?P<unit>[千百十])(?<=(?<![\d.A-Za-z])(?P<num>\d+(?:\.\d+)?)[千百十])"
            r"(?P<rest>[零〇]?\d+)?")


_MIXED = data_pattern(_mixed_source)
_YEAR_DIGITS = "〇一二三四五六七八九"
# 二0二一年: the digit 0 (or the letter O) after a Chinese digit of a year (the Chinese zero of years is 〇);
# the match starts at the Chinese digit (group z: the zero)
# 百分之10: the Chinese words of a percentage before an arabic number (the match is 百分之 and the number)
_PERCENT_ARABIC = LazyRegex(r"百分之(?P<pnum>\d+(?:\.\d+)?)", _stdlib=True)
_ARABIC_ZERO = LazyRegex(r"[" + _YEAR_DIGITS + r"](?P<z>[0０Oo])(?=[" + _YEAR_DIGITS + r"0０]*年)", _stdlib=True)


@rule("NUM003", "mixed-numerals", severity="warning", fix="unsafe",
      on=(Trigger(chars="千百十", view="norm", pattern=_MIXED),
          Trigger(*(d + z for d in _YEAR_DIGITS for z in "0０Oo"), view="norm", pattern=_ARABIC_ZERO),
          Trigger("百分之", view="norm", pattern=_PERCENT_ARABIC)))
def mixed_numerals(doc: Document, found) -> Iterator[Finding]:
    """一个数里混用阿拉伯数字和汉字数字（“万”“亿”除外）。

    为什么：“4千”“1百零8”既不是阿拉伯数字写法，也不是汉字数字写法；年份“二0二一年”中的“0”是阿拉伯数字，
    汉字年份的零写作“〇”。
    错误示例：培训妇女4千人次；二0二一年十二月；报销比例达到百分之75
    正确写法：培训妇女4000人次（或四千人次）；二〇二一年十二月；报销比例达到75%（或百分之七十五）
    依据：GB/T 15835-2011《出版物上数字用法》5.3（阿拉伯数字与汉字数字不混用；“万”“亿”可以与阿拉伯数字
    连用，如“3.98万元”）、4.1.2（年份中的“〇”）。
    修复：“4千”“1.5千”“3百”建议改为“4000”“1500”“300”、“百分之75”建议改为“75%”（--unsafe-fixes）；汉字年份中的“0”改为“〇”
    （安全修复）。“3.98万元”“19.2万元”正确；“4千米”“5千克”“3665.21千吨”“3百分点”是单位或术语
    （法定计量单位加词头“千”），不报告；有两位以上小数的数（“22.838千只”）是统计表的计量值，其后的
    “千只”是单位，不报告。繁体文稿中“1,686萬4千元”这种万/亿后接“N千”的写法是台港常见写法
    （GB/T 15835 不适用），只作提示。
    """
    text = doc.norm
    mixed, zeros, percents = found
    traditional = None
    prev_end = 0
    for m in mixed:
        s, e = m.start("num"), m.end()
        if s < prev_end:
            continue  # the number is the end of the previous one (3千05百)
        prev_end = e
        if len(m.group("num").partition(".")[2]) >= 2 and not m.group("rest"):
            continue  # a measured value (22.838千只): the 千/百 begins the unit of a statistics table
        unit = m.group("unit")
        orig = doc.text[s:e]
        if m.group("rest") or unit == "十":
            yield Finding(s, e, f"“{orig}”混用了阿拉伯数字和汉字数字")
            continue
        if unit == "千" and s > 0 and text[s - 1] in "万亿":
            # 1,686萬4千元, 3萬6千餘件: the usual way of writing amounts in Taiwan and Hong Kong, where GB/T 15835
            # does not apply; in a simplified draft it is the “3亿4千5百万” form the standard rules out
            if traditional is None:
                traditional = doc.script.majority == "traditional"
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
    for m in percents:
        s, e = m.span()
        good = m.group("pnum") + "%"
        yield Finding(s, e, f"“{doc.text[s:e]}”混用了汉字“百分之”和阿拉伯数字，应写作“{good}”",
                      Fix.replace(s, e, good, f"改为“{good}”", applicability="unsafe"))
    for m in zeros:
        s, e = m.span("z")
        yield Finding(s, e, "汉字年份中的零应写作“〇”，不用阿拉伯数字“0”或字母“O”",
                      Fix.replace(s, e, "〇", "改为“〇”"))


# ------------------------------------------------------------------------------------------------- NUM004
def _abbrev_source() -> str:
    pattern = _data()["abbreviations"]["pattern"]
    return r"(?<![" + CN_NUM_CHARS + r"第])(?:" + pattern + r")(?![" + CN_NUM_CHARS + r"])"


#: 十四五 (the plans' abbreviations end with 五, at most two characters after their start)
_ABBREV = data_pattern(_abbrev_source)
_SAFE_AFTER = data_pattern(lambda: literal_alternation(_data()["abbreviations"]["safe_after"]))
_MEASURE_AFTER = data_pattern(lambda: r"\s?(?:" + _measure_alt() + r"|多|余|来)")
_OPEN_QUOTES = "“‘\"'「『《〈"
_CLOSE_QUOTES = "”’\"'」』》〉"
# white space (line breaks included: a quotation mark may be left on the line before in text pasted from a PDF)
# between the abbreviation and its quotation marks
_QUOTED_BEFORE = LazyRegex(r"(?r)[" + _OPEN_QUOTES + r"]\s*\G")
_QUOTED_AFTER = LazyRegex(r"\s*[" + _CLOSE_QUOTES + r"]")


@rule("NUM004", "unquoted-numeric-abbreviation", severity="warning", fix="safe",
      on=Trigger("五", view="norm", pattern=_ABBREV, before=2))
def unquoted_numeric_abbreviation(doc: Document, found) -> Iterator[Finding]:
    """“十四五”这类数字缩略语没有加引号。

    为什么：“十四五”是“第十四个五年规划”的缩略，不加引号时读者会读成数字“十四五”，甚至“十四、五”。
    错误示例：激励全县妇女为上林十四五高质量发展贡献巾帼力量；十四五规划
    正确写法：为上林“十四五”高质量发展贡献巾帼力量；“十四五”规划
    依据：GB/T 15835-2011《出版物上数字用法》4.2.3（含有数字的缩略语，如“十二五”规划，加引号）。
    修复：后面是“规划”“时期”“期间”“开局”等时安全修复（加引号）；其他位置建议修复（--unsafe-fixes）。
    后面是量词时是数量（“十四五岁”“十四五个人”），不报告；已加引号的（引号与缩略语之间隔着换行的也算）
    不报告。
    """
    text = doc.norm
    safe_after, measure = _SAFE_AFTER, _MEASURE_AFTER
    for m in found:
        s, e = m.span()
        if _QUOTED_BEFORE.search(text, max(0, s - 8), s) or _QUOTED_AFTER.match(text, e):
            continue
        if measure.match(text, e) and not safe_after.match(text, e):
            continue
        word = doc.text[s:e]
        applicability = "safe" if safe_after.match(text, e) else "unsafe"
        yield Finding(s, e, f"数字缩略语“{word}”应加引号：“{word}”",
                      Fix.replace(s, e, f"“{word}”", f"改为“{word}”", applicability=applicability))


# ------------------------------------------------------------------------------------------------- NUM007
# a year in Chinese numerals (four digits, then 年) that holds the geometric circle ○ (U+25CB) for the numeral 〇
# (U+3007); the match is the year, which holds its ○ at most three characters after its start
_CIRCLE_YEAR = LazyRegex(r"(?<![〇○零一二三四五六七八九十\d])(?=[〇○一二三四五六七八九]{0,3}○)"
                         r"[〇○一二三四五六七八九]{4}(?=年)", _stdlib=True)


@rule("NUM007", "circle-for-ling-in-year", severity="warning", fix="safe",
      on=Trigger("○", view="norm", pattern=_CIRCLE_YEAR, before=3))
def circle_for_ling_in_year(doc: Document, years) -> Iterator[Finding]:
    """汉字年份中的零写成了圆圈符号“○”。

    为什么：汉字数字的零是“〇”（U+3007，汉字数字），“○”（U+25CB）是几何图形符号，两者外形相近，但“○”
    不是汉字：检索“二〇〇四年”找不到“二○○四年”，转换、朗读和排版（字体、字宽）都会出错。
    错误示例：二○○四年；一九六○年八月二十二日
    正确写法：二〇〇四年；一九六〇年八月二十二日
    依据：GB/T 15835-2011《出版物上数字用法》4.1.2（年份中的“〇”，如“二〇〇八年”）；
    Unicode 标准（U+3007 IDEOGRAPHIC NUMBER ZERO 与 U+25CB WHITE CIRCLE）。
    修复：安全修复，把年份中的“○”换成“〇”。只检查后面跟“年”的四位汉字年份；列表符号、
    评分符号“○”不报告。
    """
    for m in years:
        year = doc.text[m.start():m.end()]
        for i, c in enumerate(year):
            if c == "○":
                s = m.start() + i
                yield Finding(s, s + 1, f"汉字年份“{year}年”中的零应写作“〇”，不用圆圈符号“○”",
                              Fix.replace(s, s + 1, "〇", "改为“〇”"))


# ------------------------------------------------------------------------------------------------- NUM008
_FULLWIDTH_ALNUM = "".join(chr(c) for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)))
_TO_HALF = {ord(c): chr(ord(c) - 0xFEE0) for c in _FULLWIDTH_ALNUM} | {ord("．"): ".", ord("，"): ","}
_HAN_CHAR = lazy_compile(r"\p{Han}")
_HALF_DIGIT = lazy_compile(r"[0-9]")
_STYLE_MIN = 5  # fullwidth numbers in a draft without a single halfwidth digit: its style, reported once


@rule("NUM008", "fullwidth-alphanumerics", severity="warning", fix="safe",
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
        ls, le = doc.line_bounds(s)
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


# ------------------------------------------------------------------------------------------------- NUM005
# a number with halfwidth commas: the groups after the first are checked (1,0000 12,34,567 are grouped wrongly)
_COMMA_NUMBER = LazyRegex(r"(?<![0-9.,，A-Za-z_/])[0-9]{1,4}(?:,[0-9]+)+(?![0-9,A-Za-z])", _stdlib=True)
# a number grouped with the Chinese comma (7，000万元): groups of three, then a unit or measure word
_CN_COMMA_NUMBER = data_pattern(lambda: r"(?<![0-9.,，A-Za-z_/])[0-9]{1,3}(?:，[0-9]{3})+(?![0-9，])(?=(?:\.[0-9]+)?\s?(?:%|‰|"
                                + _measure_alt() + r"))")
# a mark between the digits of a number that holds a unit right after it (51。8% 0·9025元 3．5亿 2，8亿元 5、8亿元):
# a decimal point written wrongly; the mark is the match's group p, one to twelve digits after its start. The
# number before the mark is not itself the end of a list or a grouped number (no digit, or digit and mark, before it)
_ODD_POINT = data_pattern(lambda: r"(?<![0-9０-９.．A-Za-z])(?<![0-9][，、,。·])(?P<a>[0-9]{1,12})(?P<p>[。·．，、])(?P<b>[0-9]+)"
                          r"(?=\s?(?P<u>[%％‰万亿倍]|个百分点|" + literal_alternation(_data()["number_form"]["decimal_units"]) + r"))")
# a clause that lists numbers: the words that pair them with things, or a 顿号 between things before them (the
# search runs from the clause's start to the number)
_LISTED = LazyRegex(r"[^，。；：！？\n]*(?:分别|依次|各自|[\u4e00-\u9fff]、[\u4e00-\u9fff])[^，。；：！？\n]*\Z", _stdlib=True)
# a decimal without its 0 (增长.5%): after a Han character, before a unit
_BARE_POINT = LazyRegex(r"(?<=[\u4e00-\u9fff])[.．][0-9]+(?=[%‰万亿倍元])", _stdlib=True)


@rule("NUM005", "number-form", severity="warning", fix="unsafe",
      # a grouped number's first group ends in a digit before its first comma, at most 3 (2) characters after
      # the match's start: anchored on digit and comma, a draft's hundreds of clause commas are never tried
      on=(Trigger(*(d + "," for d in "0123456789"), pattern=_COMMA_NUMBER, before=3),
          Trigger(*(d + "，" for d in "0123456789"), pattern=_CN_COMMA_NUMBER, before=2),
          Trigger(*(d + p for d in "0123456789" for p in "。·．，、"), pattern=_ODD_POINT, before=11), Trigger(chars=".．", pattern=_BARE_POINT)))
def number_form(doc: Document, found) -> Iterator[Finding]:
    """数字的分节号或小数点写错了（“1,0000”“12,34,567”“7，000万元”“51。8%”“2，8亿元”“增长.5%”）。

    为什么：阿拉伯数字从小数点起向左每三位一节，节与节之间用半角逗号“,”（或千分空）；按“万”四位一节、
    一节两位的写法，用中文逗号“，”分节，读者会读成别的数或两个数。小数点是半角“.”，写成句号“。”、间隔号“·”、
    全角“．”、逗号“，”或顿号“、”都会被读成别的符号或两个数；纯小数的整数位“0”不能省。
    错误示例：设计灌溉面积为5,7000亩；投资7，000万元；接待入境过夜游客增长51。8%；价格为4·5元/立方米；
    投资2，8亿元的物流项目；实现网络零售额5、8亿元；增长.5%
    正确写法：设计灌溉面积为57,000亩（或57000亩）；投资7000万元；增长51.8%；价格为4.5元/立方米；
    投资2.8亿元；5.8亿元（两个数并列时写作“5亿元、8亿元”）；增长0.5%
    依据：GB/T 15835-2011《出版物上数字用法》5.1.2（多位数的分节：三位一节，用千分撇“,”或千分空）、
    5.1.1（小数点用“.”，纯小数必须写出整数位“0”）；GB/T 15834-2011《标点符号用法》（相邻两数连用表示概数，
    用汉字，不用顿号：“五六倍”）。
    修复：建议修复（--unsafe-fixes）：删去分节号、改为半角小数点或补上“0”；顿号既可能是小数点也可能是并列，只报告。
    “1,2,3号”这样的数字并列、年份并列（“2019,2020”）不报告；用中文逗号分节的只在后面跟着单位或量词时报告。
    数字中间的“。”“·”“．”“，”“、”只在后面紧跟着带小数的单位（“%”“万”“亿”“倍”“个百分点”“元”“吨”“亩”
    “公里”等）时当作小数点：“6·26”禁毒日、“2，3号楼”“3，5个”（两个数）不报告；序数后面的（“居全国第4，21个
    学科”）、有“分别”“依次”或前面有顿号并列的事物的（“分别提高15、22个百分点”）是两个数，也不报告。
    """
    commas, cn_commas, odd_points, bare_points = found
    for m in commas:
        s, e = m.span()
        head, *groups = m.group().split(",")
        if max(len(g) for g in groups) < 3:
            continue  # 1,2,3: numbers listed
        if len(head) == 4 and all(len(g) == 4 for g in groups):
            continue  # 2019,2020: years listed (PUN001 reports the halfwidth comma)
        if len(head) <= 3 and all(len(g) == 3 for g in groups):
            continue  # 27,203,319: right
        plain = m.group().replace(",", "")
        yield Finding(s, e, f"“{m.group()}”的分节不对：应从小数点起向左每三位一节，或不分节写作“{plain}”",
                      Fix.replace(s, e, plain, f"改为“{plain}”", applicability="unsafe"))
    for m in cn_commas:
        s, e = m.span()
        plain = m.group().replace("，", "")
        yield Finding(s, e, f"“{m.group()}”用中文逗号“，”分节，会被读成两个数：应写作“{plain}”",
                      Fix.replace(s, e, plain, f"改为“{plain}”", applicability="unsafe"))
    text = doc.masked
    for m in odd_points:
        s, e = m.span()
        a, p, b = m.group("a"), m.group("p"), m.group("b")
        if p == "，" and len(b) == 3:
            continue  # 7，000万元: the Chinese comma as a thousands separator (above)
        if text[s - 1:s] in "第前":
            continue  # 居全国第4，21万…: an ordinal ends its clause, the next number begins another
        if p in "，、" and _LISTED.search(text, max(0, s - 24), s):
            continue  # 分别提高15、22个百分点; 粮食、棉花分别增长5，8%: numbers listed
        if p == "，" and len(b) > 3:
            plain = a + b
            yield Finding(s, e, f"“{m.group()}”用中文逗号“，”分节，会被读成两个数：应写作“{plain}”",
                          Fix.replace(s, e, plain, f"改为“{plain}”", applicability="unsafe"))
            continue
        good = f"{a}.{b}"
        if p == "、":
            unit = m.group("u")
            if len(a) == len(b) == 1 and 0 < int(b) - int(a) <= 2:
                what = (f"“{m.group()}”：相邻两数表示概数时用汉字、不加顿号（如“三五”“五六”）；"
                        f"如是小数，应为“{good}”")
            else:
                what = f"“{m.group()}”的小数点写成了“、”：应为“{good}”（如是两个数并列，各自写出单位：{a}{unit}、{b}{unit}）"
            yield Finding(s, e, what)
            continue
        yield Finding(s, e, f"“{m.group()}”的小数点写成了“{p}”：应为“{good}”",
                      Fix.replace(s, e, good, f"改为“{good}”", applicability="unsafe"))
    for m in bare_points:
        s, e = m.span()
        good = "0." + m.group()[1:]
        yield Finding(s, e, f"纯小数“{m.group()}”缺少整数位“0”：应为“{good}”",
                      Fix.replace(s, e, good, f"改为“{good}”", applicability="unsafe"))


# ------------------------------------------------------------------------------------------------- NUM009
# a range whose first number lacks the unit of the second (15～30%, 9～16亿): the match starts at the first number
_RANGE = LazyRegex(r"(?<![0-9.,A-Za-z_/\-])(?P<a>[0-9]{1,9}(?:\.[0-9]{1,4})?)\s?(?P<dash>[～~—–\-－至到])\s?(?P<b>[0-9]+(?:\.[0-9]+)?)"
                   r"(?P<unit>%|‰|万|亿)(?![0-9])", _stdlib=True)
# a range of percentages joined with a hyphen (10%-20%)
_PERCENT_HYPHEN = LazyRegex(r"(?<![0-9.])[0-9]{1,9}(?:\.[0-9]{1,4})?%(?P<dash>[\-－–])[0-9]+(?:\.[0-9]+)?%", _stdlib=True)


@rule("NUM009", "range-form", severity="warning", fix="unsafe",
      on=(Trigger(chars="～~—–-－至到", pattern=_RANGE, before=15),
          Trigger("%-", "%－", "%–", pattern=_PERCENT_HYPHEN, before=14)))
def range_form(doc: Document, found) -> Iterator[Finding]:
    """数值范围的前一个数省略了“%”“万”“亿”（“15～30%”“9～16亿”），或百分数范围用了连字符（“10%-20%”）。

    为什么：“15～30%”可以读成“15到30%”（15个什么？），前后两个数的单位不同；百分数、以“万”“亿”为单位的数值
    表示范围时，前后两个数都要写出“%”“万”“亿”。连接范围的是浪纹线“～”或一字线“—”，不用连字符“-”。
    错误示例：农民负担平均减轻30～60%；增长5.6-11.2%；约占全县总种植面积的27%-54%；达到10～20万元
    正确写法：减轻30%～60%；增长5.6%～11.2%；27%～54%；达到10万～20万元
    依据：GB/T 15835-2011《出版物上数字用法》4.x 数值范围（示例：15%～30%，不写为15～30%；9亿～16亿，
    不写为9～16亿）；GB/T 15834-2011 4.13.3.2（标示数值范围用浪纹线或一字线）。
    修复：建议修复（--unsafe-fixes）：前一个数补上单位，连字符改为“～”。以“万”“亿”为单位的范围、用连字符
    连接的百分数范围（“6.5%－7%”）很多文稿这样写，只作提示；全角数字归 NUM008；年份范围、编号（“2021-2025”“GB/T 15834-2011”）不报告。
    """
    ranges, hyphens = found
    for m in ranges:
        s, e = m.span()
        unit = m.group("unit")
        a = m.group("a")
        if unit != "%" and unit != "‰" and doc.norm[e:e + 1] in "元人":
            tail = unit + doc.norm[e]
        else:
            tail = unit
        dash = "～" if m.group("dash") in "-－–~" else m.group("dash")
        good = f"{a}{unit}{dash}{m.group('b')}{unit}"
        severity = None if unit in "%‰" else "info"
        yield Finding(s, e, f"数值范围“{m.group()}{tail[len(unit):]}”的前一个数也要写出“{unit}”：{good}",
                      Fix.replace(s, e, good, f"改为“{good}”", applicability="unsafe"), severity=severity)
    for m in hyphens:
        s, e = m.span()
        good = m.group().replace(m.group("dash"), "～")
        yield Finding(s, e, f"百分数范围“{m.group()}”应用浪纹线连接：{good}",
                      Fix.replace(s, e, good, f"改为“{good}”", applicability="unsafe"), severity="info")
