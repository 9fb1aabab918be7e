"""SPC — spacing. Government drafts put no space between Chinese characters, digits and marks; stray spaces
come from joined paragraphs, copied web text and careless typing.

All rules read ``doc.masked`` (URLs, e-mail addresses, Markdown code and residue are masked) and never match
across a line break.
"""

from __future__ import annotations

from typing import Iterator

import regex

from lintkit import Document, Finding, Fix, OptionSpec, Trigger, lazy_compile, lazy_re, rule

from ._common import HSPACE, HSPACE_CHARS, SPACELESS_MARKS

# patterns used inside the rules (compiled once, not looked up in regex's cache on every call)
_TOKEN_SEP = lazy_compile(r"[ \u00a0]")

# Spaces that SPC002/SPC003 treat as stray: a tab is a deliberate alignment device (姓名：\t张三), not a stray space.
_SP_CHARS = " \u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f"
_SP_RUN = lazy_re("[" + _SP_CHARS + "]+")
#: SPC002 and SPC003 read the maximal runs of these spaces: each of their findings is a whole run
_SPACE_RUNS = Trigger(chars=_SP_CHARS, pattern=_SP_RUN)
# the blanks of HSPACE, spelled out
_HSPACE_CHARS = _SP_CHARS.replace(" ", " \t")


# ------------------------------------------------------------------------------------------------- SPC001
# A digit run broken by spaces (group 2, where the match starts), in a Chinese context: the digits before it (group
# 1, in the look-behind) follow a Han character, a Chinese mark or the start of a line (checked by the rule: not a
# digit, a letter, a point or another spaced group: "1 2 3" is a list), and the digits after it (group 3) are
# followed by a Han character or a percent sign (not by another spaced group).
_SPLIT_NUMBER = lazy_compile(r"(?<=(?<![\d.])(\d+))(" + HSPACE + r"{1,2})(\d+)(?=[\p{Han}%％])")
_HAN = lazy_compile(r"\p{Han}")
_PHONE_BEFORE = lazy_compile(r"(?:电话|電話|热线|熱線|手机|手機|传真|傳真|专线|專線|Tel|TEL|Fax|FAX)(?:号码|號碼)?[：:\s]{0,3}$")
_LEFT_OK = lazy_compile(r"[\p{Han}，。、；：！？“”‘’（）《》【】,;(\r\n]")


@rule("SPC001", "space-inside-number", severity="error", fix="safe",
      on=Trigger(chars=_HSPACE_CHARS, pattern=_SPLIT_NUMBER))
def space_inside_number(doc: Document, numbers) -> Iterator[Finding]:
    """数字中间出现空格。

    为什么：一个数字被空格断开（多见于合并段落、换行残留），读者会看成两个数，年份“202 2年”更是明显错误。
    错误示例：并对202 2年全县妇联工作进行安排部署；市级示范点1 5个
    正确写法：并对2022年全县妇联工作进行安排部署；市级示范点15个
    依据：GB/T 15835-2011《出版物上数字用法》5.1.7（阿拉伯数字书写的数值不应断开）。
    修复：安全修复，删除数字中间的空格。只在两边都是中文语境（左边是汉字、标点或行首，右边是汉字或%）时报告，
    所以“1 2 3”这样的列举、表格中的数列、电话号码和版本号不会报告；“电话”“热线”“传真”等之后分组书写的
    号码（“热线2835 1234”）也不报告。三位一组的分节（“1 205户”“38 562元”）
    可能是千分空，只作提示、给出修复建议（--unsafe-fixes）。
    """
    masked = doc.masked
    for m in numbers:
        s, e = m.start(1), m.end()
        if s > 0 and not _LEFT_OK.match(masked[s - 1]):
            continue
        if _PHONE_BEFORE.search(masked, max(0, s - 10), s):
            continue  # 热线2835 1234, 電話：2523 4567: phone numbers are written in spaced groups (Hong Kong style)
        sp_s, sp_e = m.span(2)
        if len(m.group(3)) == 3 and len(m.group(1)) <= 3:
            # 1 205户, 38 562元: digit groups of three may be separated by a (thin) space in GB/T 15835 5.1.1
            yield Finding(s, e, f"数字“{doc.text[s:e]}”中间有空格（如果是千分空，可以忽略）", severity="info",
                          fix=Fix.replace(sp_s, sp_e, "", f"删除空格：{m.group(1)}{m.group(3)}",
                                          applicability="unsafe"))
            continue
        yield Finding(s, e, f"数字“{doc.text[s:e]}”中间有空格",
                      Fix.replace(sp_s, sp_e, "", f"删除空格：{m.group(1)}{m.group(3)}"))


# ------------------------------------------------------------------------------------------------- SPC002
# A run of spaces (SP+) is stray when it follows a fullwidth mark and is not the end of its line (white space to the
# line break, a masked span or the end of the text), or when it follows a visible character and precedes a
# fullwidth mark. As one pattern, equivalent to the code of the rule:
#   (?<=[MARKS])SP+(?![HSPACE]*(?:[\r\n\ufffc]|$)) | (?<=[^\s\ufffc])SP+(?=[MARKS])      (regex.M)
# Such a match is always a whole run of spaces (every space is \s; SP is part of HSPACE).
_MARKS = frozenset(SPACELESS_MARKS)
_LINE_END_AFTER = lazy_re(r"[" + HSPACE_CHARS + r"]*(?:[\r\n\ufffc]|\Z)")
# regex's \s (Unicode White_Space) and the mask: the characters a stray space before a mark may not follow
_WHITE_OR_MASK = frozenset("\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                           "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufffc")


@rule("SPC002", "space-around-fullwidth-punctuation", severity="error", fix="safe", on=_SPACE_RUNS,
      supersedes=("SPC004",))
def space_around_punctuation(doc: Document, runs) -> Iterator[Finding]:
    """全角标点前后出现空格。

    为什么：全角标点本身占一个汉字的位置，标点前后再加空格会使版面出现明显空洞，多为段落合并或复制残留。
    错误示例：持续推进妇女思想政治引领 、妇联组织建设；圆满完成全年各项工作任务。 县妇联先后荣获；“ 书香西峡
    正确写法：持续推进妇女思想政治引领、妇联组织建设；圆满完成全年各项工作任务。县妇联先后荣获；“书香西峡
    依据：GB/T 15834-2011《标点符号用法》第5章（标点符号的位置和书写形式：占一个字位置，不另加空格）。
    修复：安全修复，删除空格。行首缩进（包括两个全角空格“　　”）和行尾空白不在此规则范围（行尾空白见 SPC005）。
    """
    masked = doc.masked
    n = len(masked)
    marks = _MARKS
    for m in runs:
        s, e = m.span()
        if s == 0:
            continue
        before = masked[s - 1]
        if before in marks:
            if _LINE_END_AFTER.match(masked, e):
                continue  # white space to the end of the line: SPC005's (and the other form needs a visible mark after)
        elif before in _WHITE_OR_MASK or e == n or masked[e] not in marks:
            continue
        # context for the message: the mark next to the space
        before = doc.text[s - 1] if s > 0 else ""
        after = doc.text[e] if e < len(doc.text) else ""
        yield Finding(s, e, f"全角标点旁有多余的空格：“{before}{doc.text[s:e]}{after}”",
                      Fix.replace(s, e, "", "删除空格"))


# ------------------------------------------------------------------------------------------------- SPC003
_MEASURE = (r"[个人名位家户件项次场期所支条篇份元万亿千百岁年月日天周届批类种座辆台套张本册部处村镇乡县区市省"
            r"%％]")
# SPC003 reads the runs of spaces (_SPACE_RUNS); its three patterns, as written for a whole-text scan, were
#   \p{Han}(SP)(?=\p{Han})                                 one space between two Han characters
#   (?<![\d.])\d+(?:\.\d+)?(SP{1,3})(?=MEASURE)             a number, spaces, a measure word, unit or percent sign
#   \p{Han}(SP{1,3})(?=\d+(?:\.\d+)?(?:[\p{Han}%％]))       a Han character, spaces, a number used in Chinese
# and each of their matches is a whole run of spaces (at most three for the last two). Checked at a run:
_HAN_AT = lazy_compile(r"\p{Han}")
_MEASURE_CHARS = frozenset(_MEASURE[1:-1])
# the number before a run of spaces (group 1), which no digit or point precedes
_NUMBER_BEFORE = lazy_compile(r"(?<=(?<![\d.])(\d+(?:\.\d+)?))")
# a number used in Chinese after a run of spaces
_NUMBER_AFTER = lazy_compile(r"\d+(?:\.\d+)?(?:[\p{Han}%％])")
_HAN_MIN = "\u2e80"  # no Han character (regex's \p{Han}) comes before U+2E80: a cheap first test


# a CJK unified ideograph and a digit after it, group 1 the space between them if any (a count, not a rule's match)
_HAN_THEN_DIGIT = lazy_re(r"[\u3400-\u4dbf\u4e00-\u9fff]( ?)\d")


def _numbers_spaced_by_convention(masked: str) -> bool:
    """Whether the text writes a space between a Han character and the number after it as its convention: at
    least two thirds of at least 10 such places (typeset records such as Hong Kong's: 2013年 4月 30日)."""
    gaps = _HAN_THEN_DIGIT.findall(masked)
    spaced = gaps.count(" ")
    return spaced >= 10 and spaced * 3 >= len(gaps) * 2


def _choice(value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ValueError(f"expected one of {', '.join(choices)}, got {value!r}")


def _short_token_run(doc: Document, pos: int) -> int:
    """How many short Han tokens (≤ 3 characters) the space at ``pos`` separates, when the run of Han
    characters and single spaces around it consists of short tokens only (张三 李四 王五); 0 otherwise."""
    masked = doc.masked
    m_left = _LEFT_RUN.match(masked, max(0, pos - 200), pos)
    m_right = _RIGHT_RUN.match(masked, pos, min(len(masked), pos + 200))
    left = m_left.group() if m_left else ""
    right = m_right.group() if m_right else ""
    tokens = [t for t in _TOKEN_SEP.split(left + right) if t]
    if len(tokens) >= 2 and all(len(t) <= 3 for t in tokens):
        ls, le = doc.lines[doc.line_index(pos)]
        if not masked[ls:pos - len(left)].strip() and not masked[pos + len(right):le].strip():
            return 99  # the whole line is short words separated by spaces: a form field (主持人 张三), a list
        return len(tokens)
    return 0


# A byline at the end of a line: a title (省长, 主席, 记者 …) and a person's name of one to three characters, with
# 摄 for a photo credit, written with conventional spaces (北京市市长 殷勇; 本报记者 韩卿立 摄; 本报记者 林 君摄). It
# starts the line or follows a blank or a sentence mark; the blank before it is conventional too (…会议上 某省省长 赵刚).
_TITLES = ("长", "主席", "书记", "记者", "主任", "委员", "代表", "总理", "秘书", "编辑", "摄影", "通讯员", "作者",
           "主持人", "发言人", "理事", "干事")
_BYLINE = lazy_compile(r"(?<![^\s。！？；：:])\p{Han}{0,12}(?:" + "|".join(_TITLES) + r")[ \u00a0\u3000]{1,3}"
                       r"\p{Han}(?:[ \u00a0]?\p{Han}){0,2}(?:[ \u00a0]?摄)?(?=[ \t\u3000]{0,8}(?:\r|\n|\Z))")
_BYLINE_MAX = 40  # characters from a byline's start to its line's end, at most: 12 + 3 + 3 + 5 + 2 + 8


def _in_byline(doc: Document, pos: int) -> bool:
    """Whether the space at ``pos`` is inside a byline or right before one (see _BYLINE)."""
    ls, le = doc.lines[doc.line_index(pos)]
    if le - pos > _BYLINE_MAX:
        return False
    m = _BYLINE.search(doc.masked, max(ls, pos - _BYLINE_MAX), le)
    return m is not None and m.start() - 1 <= pos < m.end()


_LEFT_RUN = lazy_compile(r"[\p{Han} \u00a0]*", regex.REVERSE)
_RIGHT_RUN = lazy_compile(r"[\p{Han} \u00a0]*")


@rule("SPC003", "stray-space", severity="warning", fix="safe", on=_SPACE_RUNS, supersedes=("SPC004",),
      options={"profile": OptionSpec(str, "government",
                                     "government（汉字、数字之间都不加空格）或 latin-spacing（汉字与数字之间"
                                     "加空格的排版风格，只检查汉字之间的空格）",
                                     validate=lambda v: _choice(v, ("government", "latin-spacing")))})
def stray_space(doc: Document, runs, options) -> Iterator[Finding]:
    """汉字之间、数字与量词或百分号之间出现多余空格。

    为什么：公文和工作总结中汉字、数字、量词连续书写，不加空格；句中的空格多是排版或复制残留，读起来像断句。
    错误示例：积极 深入推动“美丽庭院”创建；西峡县妇联推荐 上报；张雅心家庭4 个家庭；占全县干部总数的9.09 %
    正确写法：积极深入推动“美丽庭院”创建；西峡县妇联推荐上报；张雅心家庭4个家庭；占全县干部总数的9.09%
    依据：公文书写惯例（GB/T 9704-2012 正文不加字间空格）；GB/T 15835-2011 数值与单位连写。
    修复：安全修复，删除空格。引号、书名号内的空格不报告（“巾帼心向党 巾帼建新功”、“感党恩 跟党走”这类口号用空格
    分隔是惯例）；制表符是对齐手段，不报告；只由短词组成的“张三 李四 王五”名单和“主持人 张三”这样整行只有短词的行不报告；
    行末的署名（职务或“记者”加一到三个字的人名，图片署名加“摄”：“北京市市长 殷勇”“本报记者 韩卿立 摄”“本报记者
    林 君摄”）中的空格和署名前的空格是惯例，不报告；只有两个短词时（“推荐 上报”，也可能是“张三 李四”）
    降为提示级别，只给修复建议（--unsafe-fixes）。汉字之间两到三个连续空格在有句读标点的正文行里报告（“形  成”），
    在没有句读标点的排版行（名单、署名、表格式的对齐）里是对齐，不报告；四个及以上连续空格不报告。
    选项 profile = "latin-spacing" 时，汉字与数字之间的空格视为正确；文稿本身在汉字后的数字前一贯加空格（至少 10 处中
    占三分之二，如香港排印的记录“2013年 4月 30日”）时，汉字与其后数字之间的空格也视为该文稿的体例，不报告。
    """
    latin = options["profile"] == "latin-spacing"
    masked = doc.masked
    n = len(masked)
    han_at = _HAN_AT.match
    han_min = _HAN_MIN
    # the findings of the three checks, reported in this order, as when each was a pass over the text; a run
    # reported by one check is not reported again by a later one
    between_han: list[Finding] = []
    before_measure: list[Finding] = []
    han_number: list[Finding] = []
    spaced_numbers = None  # whether the text spaces numbers after Han characters by convention (computed once)
    for m in runs:
        s, e = m.span()
        if s == 0 or e - s > 3:
            continue
        before = masked[s - 1]
        after = masked[e] if e < n else ""
        han_before = before >= han_min and han_at(masked, s - 1) is not None
        if han_before and e - s > 1 and after >= han_min and han_at(masked, e) is not None:
            # two or three spaces between Han characters: alignment in a layout line, a stray gap in running text
            # (a line with clause punctuation): 形  成
            ls, le = doc.lines[doc.line_index(s)]
            if _PROSE_MARK.search(masked, ls, le) and not doc.in_quotes(s, e) and \
                    _short_token_run(doc, s) < 2 and not _in_byline(doc, s):
                between_han.append(Finding(s, e, f"汉字之间有多余的空格：“{doc.text[s - 1:e + 1]}”",
                                           Fix.replace(s, e, "", "删除空格")))
                continue
        if han_before and e - s == 1 and after >= han_min and han_at(masked, e) is not None:
            if not doc.in_quotes(s, e):
                short = _short_token_run(doc, s)
                if short < 3 and not _in_byline(doc, s):  # else a list of names or terms, or a byline
                    message = f"汉字之间有多余的空格：“{doc.text[s - 1:e + 1]}”"
                    if short == 2:  # two short words: a stray space, or two names side by side — unsure
                        between_han.append(Finding(s, e, message + "（如果是两个并列的名称，请改用顿号）",
                                                   severity="info",
                                                   fix=Fix.replace(s, e, "", "删除空格", applicability="unsafe")))
                    else:
                        between_han.append(Finding(s, e, message, Fix.replace(s, e, "", "删除空格")))
                    continue
        if after in _MEASURE_CHARS:
            m = _NUMBER_BEFORE.match(masked, s)
            if m is not None:
                i = m.start(1)
                if (i == 0 or _LEFT_OK.match(masked[i - 1]) or
                        (i >= 2 and masked[i - 1] in " \u00a0" and _HAN.match(masked[i - 2]))) and \
                        not (latin and after not in "%％"):
                    what = "百分号" if after in "%％" else "量词或单位"
                    before_measure.append(Finding(s, e, f"数字与{what}之间有多余的空格：“"
                                                        f"{doc.text[max(0, s - 4):e + 1].lstrip()}”",
                                                  Fix.replace(s, e, "", "删除空格")))
                    continue
        if latin or not han_before or _NUMBER_AFTER.match(masked, e) is None or doc.in_quotes(s, e):
            continue
        if spaced_numbers is None:
            spaced_numbers = _numbers_spaced_by_convention(masked)
        if spaced_numbers:
            continue
        han_number.append(Finding(s, e, f"汉字与数字之间有多余的空格：“{doc.text[s - 1:e + 4]}”",
                                  Fix.replace(s, e, "", "删除空格")))
    yield from between_han
    yield from before_measure
    yield from han_number


# ------------------------------------------------------------------------------------------------- SPC004
_ODD_SPACE_CHARS = "\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
_ODD_SPACE_CLASS = "[" + _ODD_SPACE_CHARS + "]"
# the runs of these spaces, except those at the start of a line (the indentation of nearly every paragraph: “　　”),
# which the rule skips; the run's first character is found first and then looks back at the one before it
_ODD_SPACE_NOT_AT_LINE_START = lazy_re(_ODD_SPACE_CLASS + r"(?<=[^\r\n" + _ODD_SPACE_CLASS[1:-1] + "]"
                                       + _ODD_SPACE_CLASS + ")" + _ODD_SPACE_CLASS + "*")
# the horizontal blanks, spelled out for str.strip (which knows no ranges)
_BLANKS = " \t\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
_ODD_NAMES = {
    "\u00a0": "不间断空格 U+00A0", "\u3000": "全角空格 U+3000", "\u2002": "半角空格 U+2002",
    "\u2003": "全角空格 U+2003", "\u2009": "窄空格 U+2009", "\u202f": "窄不间断空格 U+202F",
}


# clause or sentence punctuation: a line with one of these is running prose, not a layout line
_PROSE_MARK = lazy_compile(r"[。！？；，、!?;]")
# a heading line (一、 （一） 1. 第一): a space inside a heading is not alignment
_HEADING_START = lazy_compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|第[一二三四五六七八九十]+)")


@rule("SPC004", "nonstandard-space", severity="warning", fix="safe",
      on=Trigger(chars=_ODD_SPACE_CHARS, pattern=_ODD_SPACE_NOT_AT_LINE_START))
def nonstandard_space(doc: Document, runs) -> Iterator[Finding]:
    """行中出现特殊空白字符（不间断空格、U+2002 等排版空格、行中的全角空格）。

    为什么：这些字符看起来像普通空格，却不会被查找替换和排版软件当作空格处理，多是从网页或排版软件复制带来的。
    错误示例：区为民办实事项目\u2002“儿童之家”创建（U+2002）；网页标题中的不间断空格 U+00A0
    正确写法：区为民办实事项目“儿童之家”创建
    依据：文本规范化；空格本身是否应当存在，由 SPC002/SPC003 判断。
    修复：U+00A0、U+2000–U+200A 等换成普通空格（安全修复，之后 SPC002/SPC003 再决定是否删除）；行中的全角空格
    U+3000 可能是有意对齐，只作提示、不自动修复。行首缩进（如“　　”两个全角空格）和行尾空白不报告；没有句读
    标点的排版行（署名“主席　黄志明”、名单“组　长：刘　伟”、版记和日期行）中的全角空格是“空一字”对齐，不报告。
    """
    masked = doc.masked
    lines = doc.lines
    line_index = doc.line_index
    current = -1
    layout = False
    for m in runs:  # (a run that starts a line is leading indentation)
        s, e = m.span()
        idx = line_index(s)
        if idx != current:  # the line's facts, once per line (a layout line holds several runs)
            current = idx
            line_start, line_end = lines[idx]
            layout = None
            # where the line's text begins and ends (blanks around it): one copy of the line per line, not two
            # slices per run (a 1 MB line with 100,000 runs would be quadratic)
            line = masked[line_start:line_end]
            text_start = line_start + len(line) - len(line.lstrip(_BLANKS))
            text_end = line_start + len(line.rstrip(_BLANKS))
        if s <= text_start:
            continue  # leading indentation: only blanks before the run
        if e >= text_end:
            continue  # trailing white space (only blanks after the run): SPC005
        chars = m.group()
        if "\u3000" in chars:
            if layout is None:
                layout = not _PROSE_MARK.search(masked, line_start, line_end) and \
                    not _HEADING_START.match(masked, line_start)
            if layout:
                # a layout line (signature, list of names, 版记, date line): U+3000 is the 公文 “空一字” used for
                # alignment (组　长：刘　伟　县人民政府副县长; 主席　黃志明; 办公室　　　　2024年3月15日印发)
                continue
            names = "、".join(dict.fromkeys(_ODD_NAMES.get(c, f"U+{ord(c):04X}") for c in chars))
            # an ideographic space in mid-line is often deliberate alignment: no automatic fix
            yield Finding(s, e, f"行中有特殊空白字符（{names}）；如用于对齐，请改用排版格式", severity="info")
        else:
            names = "、".join(dict.fromkeys(_ODD_NAMES.get(c, f"U+{ord(c):04X}") for c in chars))
            yield Finding(s, e, f"行中有特殊空白字符（{names}）", Fix.replace(s, e, " ", "换成普通空格"))


# ------------------------------------------------------------------------------------------------- SPC005
_TRAILING = lazy_re("[" + _BLANKS + r"]+(?=\r\n|\r|\n|\Z)")


@rule("SPC005", "trailing-whitespace", severity="info", fix="safe", on=Trigger(chars=_BLANKS, pattern=_TRAILING))
def trailing_whitespace(doc: Document, runs) -> Iterator[Finding]:
    """行尾有空白，或整行只有空白。

    为什么：行尾空白看不见，却会让“查找”“比对修订”出现无意义的差异；只有空白的行看似空行，实际不是。
    错误示例：作进行了测评。⏎␣（下一行只有一个空格）；主要有：\u2002⏎
    正确写法：删除行尾空白。
    依据：文本整洁（不影响印刷效果，故为提示级别）。
    修复：安全修复，删除行尾空白。Markdown 中行尾两个及以上空格（后面还有文字）是硬换行，不报告。
    """
    for m in runs:
        s, e = m.span()
        if doc.is_masked(s, e):
            continue
        idx = doc.line_index(s)
        line_start = doc.lines[idx][0]
        if doc.kind == "md" and s > line_start and e - s >= 2 and not doc.text[s:e].strip(" ") and \
                idx + 1 < len(doc.lines) and doc.line_text(idx + 1).strip():
            continue  # two trailing spaces in Markdown are a hard line break
        what = "整行只有空白" if s == line_start else "行尾有空白"
        yield Finding(s, e, what, Fix.replace(s, e, "", "删除行尾空白"))


# ------------------------------------------------------------------------------------------------- SPC006
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_SPACED_BEFORE_LATIN = lazy_compile(r"[ \u00a0][,;][ \u00a0]+[A-Za-z]")


@rule("SPC006", "space-before-halfwidth-mark", severity="error", fix="safe",
      on=Trigger(*(space + mark for space in " \u00a0\u3000" for mark in ",;:!?"),
                 pattern=r"(?<=\p{Han})[ \u00a0\u3000]{1,8}[,;:!?][ \u00a0]*(?=\p{Han})", before=7))
def space_before_halfwidth_mark(doc: Document, matches) -> Iterator[Finding]:
    """汉字之间的半角逗号、分号、冒号、问号、叹号前面有空格（“开会 ,讨论”）。

    为什么：这是英文输入法的打字习惯（标点前敲了空格）带进中文里的：标点本应是全角，又多了空格。标点前有空格时，
    PUN001（半角标点）和 SPC002（全角标点旁的空格）都看不到它，所以单独报告。
    错误示例：下午开会 ,讨论明年的工作；时间 : 上午九时
    正确写法：下午开会，讨论明年的工作；时间：上午九时
    依据：GB/T 15834-2011 第5章（中文标点占一个字的位置，前后不加空格）。
    修复：安全修复，空格连同半角标点（和它后面的空格）换成对应的全角标点。只在两边都是汉字时报告；
    句点“.”不报告（可能是缩写或小数点）。同一行里也用“ , ”隔开拉丁字母写的项（“某某议员 , 大紫荆勋贤 ,
    G.B.S.”这样的名衔列表）时，这是该行的排列格式，不报告。
    """
    text = doc.masked
    for m in matches:
        s, e = m.span()
        mark = m.group().strip(" \u00a0\u3000")
        full = _HALF_TO_FULL[mark]
        ls, le = doc.line_bounds(s)
        if _SPACED_BEFORE_LATIN.search(text, ls, le) is not None and mark in ",;":
            continue  # a list whose items are separated by " , " and include Latin ones: the line's own layout
        yield Finding(s, e, f"半角“{mark}”前面有空格：“{m.group()}”应为全角“{full}”",
                      Fix.replace(s, e, full, f"改为“{full}”"))
