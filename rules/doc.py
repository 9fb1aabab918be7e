"""DOC — elements of official documents (公文), GB/T 9704-2012.

The document number (发文字号) is 机关代字 + 年份 + 发文顺序号: ``西办文〔2021〕16号``. The year is written in
full and enclosed in 六角括号 ``〔〕``; the serial number takes no 第 and no leading zeros (7.2.5).

A document number is recognised only in its complete form — Han issuing code, bracketed four-digit year, serial
number, 号 — so news tags ``【2021年度】``, reference markers ``[1]`` and prose like ``第6号文件`` never match.
"""

from __future__ import annotations

from typing import Iterator

import regex

from lintkit import Document, Edit, Finding, Fix, Trigger, lazy_compile, rule

_OPEN = "【[［（(〖﹝〘"
_CLOSE = "】]］）)〗﹞〙"
_DOCNO_RE = lazy_compile(
    r"(?<=\p{Han}{2})(?P<open>[〔" + regex.escape(_OPEN) + r"])(?P<year>(?:19|20)\d{2})"
    r"(?P<close>[〕" + regex.escape(_CLOSE) + r"])(?P<di>第?)(?P<num>\d{1,5})(?=号)"
)


#: a document number starts at its opening bracket, followed by the 1 or 2 of its year (19xx, 20xx): anchored on
#: both, the brackets of ordinary parentheses are never tried
_DOCUMENT_NUMBERS = Trigger(*(b + d for b in "〔" + _OPEN for d in "12"), pattern=_DOCNO_RE)


@rule("DOC001", "document-number-brackets", severity="error", fix="safe", on=_DOCUMENT_NUMBERS)
def document_number_brackets(doc: Document, numbers) -> Iterator[Finding]:
    """发文字号中的年份没有用六角括号“〔〕”。

    为什么：发文字号的年份规定用六角括号括入；方头括号“【】”、方括号“[]”、圆括号“（）”都不对，是最常见的公文格式错误之一。
    错误示例：（西办文【2021】16号）；西妇字【2021】15号；永创先办发[2012]6号
    正确写法：（西办文〔2021〕16号）；西妇字〔2021〕15号；永创先办发〔2012〕6号
    依据：GB/T 9704-2012《党政机关公文格式》7.2.5（年份应标全称，用六角括号“〔〕”括入）。
    修复：安全修复，把两个括号换成“〔”“〕”。只有“机关代字+括号年份+序号+号”的完整形式才报告，
    所以新闻标签“【2021年度】”、参考文献标号“[1]”不报告；“〔2021〕28号”本身正确。
    """
    for m in numbers:
        if m.group("open") == "〔" and m.group("close") == "〕":
            continue
        os_, cs = m.start("open"), m.start("close")
        good = f"〔{m.group('year')}〕"
        edits = []
        if m.group("open") != "〔":
            edits.append(Edit(os_, os_ + 1, "〔"))
        if m.group("close") != "〕":
            edits.append(Edit(cs, cs + 1, "〕"))
        yield Finding(os_, cs + 1, f"发文字号的年份“{doc.text[os_:cs + 1]}”应用六角括号：“{good}”",
                      Fix(tuple(edits), f"改为“{good}”"))


@rule("DOC002", "document-number-serial", severity="error", fix="safe", on=_DOCUMENT_NUMBERS)
def document_number_serial(doc: Document, numbers) -> Iterator[Finding]:
    """发文字号的顺序号加了“第”字或编了虚位（“第6号”“06号”）。

    为什么：发文顺序号不加“第”字，也不用0补足位数。
    错误示例：西办文〔2021〕第06号；西办文〔2021〕006号
    正确写法：西办文〔2021〕6号
    依据：GB/T 9704-2012《党政机关公文格式》7.2.5（发文顺序号不加“第”字，不编虚位）。
    修复：安全修复，删去“第”和前导0。只在括号年份之后检查，正文中的“第6号文件”不报告。
    """
    for m in numbers:
        num = m.group("num")
        if not m.group("di") and not (num.startswith("0") and len(num) > 1):
            continue
        s, e = m.start("di"), m.end("num")
        good = str(int(num)) if int(num) else num
        what = "加了“第”字" if m.group("di") else ""
        if num != good:
            what += ("并" if what else "") + "编了虚位"
        yield Finding(s, e, f"发文顺序号“{doc.text[s:e]}号”{what}，应为“{good}号”",
                      Fix.replace(s, e, good, f"改为“{good}号”"))


_SHORT_YEAR_RE = lazy_compile(r"〔(?<=\p{Han}{2}〔)(?P<y>\d{2})〕\d{1,5}号")


@rule("DOC003", "document-number-short-year", severity="info", on=Trigger("〔", pattern=_SHORT_YEAR_RE))
def document_number_short_year(doc: Document, numbers) -> Iterator[Finding]:
    """发文字号的年份没有写全（“〔21〕16号”）。

    为什么：发文字号中的年份应标全称，两位数的年份会与其他年代混淆。
    错误示例：西办文〔21〕16号
    正确写法：西办文〔2021〕16号
    依据：GB/T 9704-2012《党政机关公文格式》7.2.5（年份应标全称）。
    修复：无（不能确定世纪）。提示级别。
    """
    for m in numbers:
        s, e = m.span("y")
        yield Finding(s - 1, e + 1, f"发文字号的年份“{doc.text[s - 1:e + 1]}”应写全称（四位数）")
