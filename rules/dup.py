"""DUP — duplication: doubled characters and words, clauses repeated back to back, sentences repeated in one
document, and words repeated inside one short clause.

Reduplication that is Chinese grammar (扎扎实实、常常、人人、妈妈、看看、研究研究、一对一、面对面、落实落细、关心关爱)
is never flagged: DUP001 checks only a closed list of units that never reduplicate (``data/dup.toml``).
DUP001 and DUP004 react to their listed units (engine triggers); DUP002 and DUP003 are one pass over the clauses or
``doc.sentences`` with a hash table: linear in the input.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from typing import Iterator

import regex

from lintkit import Document, Finding, Fix, Trigger, lazy_compile, lazy_re, rule

from ._common import load_data, shorten

_DATA = load_data("dup")


def _cls(chars: str) -> str:
    return "[" + regex.escape(chars, special_only=True) + "]"


# ------------------------------------------------------------------------------------------------- DUP001
_D1 = _DATA["dup001"]
_char_alts = []
for _e in _D1["chars"]:
    _c = regex.escape(_e["char"])
    _alt = ""
    if _e["not_after"]:
        _alt += "(?<!" + "|".join(regex.escape(x) for x in _e["not_after"]) + ")"
    _alt += _c + "(?P<c>" + _c + ")"  # group "c": the second copy (the regex module allows repeated names)
    if _e["not_before"]:
        _alt += "(?!" + "|".join(regex.escape(x) for x in _e["not_before"]) + ")"
    _char_alts.append(_alt)
_DOUBLE_CHAR = lazy_compile("|".join(_char_alts))
_WORDS = sorted(_D1["words"]["words"], key=len, reverse=True)
_WORD_SET = frozenset(_WORDS)
_DOUBLE_WORD = lazy_compile(r"(?P<w>" + "|".join(regex.escape(w) for w in _WORDS) + r")(?P=w)")
_PL = _D1["place"]
_DOUBLE_UNIT = lazy_compile(
    r"(?<=\p{Han}{2})(?P<u>" + _cls(_PL["units"]) + r")(?P=u)"
    r"(?=(?!" + _cls(_PL["not_next_first"]) + r")\p{Han}{1,4}?(?:"
    + "|".join(regex.escape(x) for x in _PL["next_suffix"]) + "))")
_ALL_HAN = lazy_compile(r"\p{Han}+")

# what DUP001 reacts to: a listed character, word or unit written twice, and opening marks (a word repeated across
# one: 首屆“首屆家風家訓”)
_CHAR_DOUBLES = Trigger(*(e["char"] * 2 for e in _D1["chars"]), pattern=_DOUBLE_CHAR)
_WORD_DOUBLES = Trigger(*(w + w for w in _WORDS), pattern=_DOUBLE_WORD)
_UNIT_DOUBLES = Trigger(*(u + u for u in _PL["units"]), pattern=_DOUBLE_UNIT)
_OPENING_MARKS = Trigger(chars="“‘《「『")


@rule("DUP001", "doubled-word", severity="warning", fix="safe",
      on=(_CHAR_DOUBLES, _WORD_DOUBLES, _UNIT_DOUBLES, _OPENING_MARKS))
def doubled_word(doc: Document, hits) -> Iterator[Finding]:
    """字或词重复（衍字）：从不叠用的字词连写了两遍，如“健康的的”“马田镇镇红星村”“首屆“首屆家風家訓””。

    为什么：多打、复制粘贴或修改时没删干净，会留下重复的字词，是校对中最常见的“字词重复”差错。
    错误示例：身心健康的的未成年人教育实践活动；在马田镇镇红星村建设了我县第一家村“妇女之家”；
    鎮原縣首屆“首屆家風家訓”朗誦會；进一步进一步加强
    正确写法：身心健康的未成年人教育实践活动；在马田镇红星村建设……；鎮原縣“首屆家風家訓”朗誦會；进一步加强
    依据：共产党员网公文常见差错“字词重复”；衍字。
    修复：只检查从不叠用的封闭字词表（data/dup.toml）：“的的”（“说的的确是”“目的的”除外）、“之之”、
    “以及以及”“进一步进一步”等虚词和固定词，以及地名之间重复的“镇镇、县县、乡乡”（后接村、社区等地名时；
    “县县委”“镇镇政府”“市市场”不算）——安全修复，删去重复的一份。引号前后重复的词（首屆“首屆）建议修复
    （--unsafe-fixes），删去引号外的一份。叠字、叠词（扎扎实实、常常、人人、看看、研究研究）、一对一、
    面对面、落实落细、关心关爱都是正确的汉语，不报告。
    """
    chars, words, units, marks = hits
    text = doc.text
    for m in chars:
        s, e = m.span("c")
        yield Finding(s - 1, e, f"“{text[s - 1:e]}”重复了“{m.group('c')}”",
                      Fix.replace(s, e, "", f"删去重复的“{m.group('c')}”"))
    for m in words:
        w = m.group("w")
        s, e = m.span()
        yield Finding(s, e, f"“{w}”重复了两遍", Fix.replace(s + len(w), e, "", f"删去重复的“{w}”"))
    for m in units:
        s, e = m.span()
        u = m.group("u")
        yield Finding(s, e, f"地名中“{u}{u}”重复了“{u}”", Fix.replace(s + 1, e, "", f"删去重复的“{u}”"))
    yield from _repeated_across_marks(doc, marks)


def _repeated_across_marks(doc: Document, marks) -> Iterator[Finding]:
    """The 2 to 4 Han characters right before an opening mark written again right after it (首屆“首屆), the
    longest first; a repetition never overlaps the one before it."""
    masked = doc.masked
    end = 0  # where the previous repetition ends
    for k, _ in marks:
        for n in (4, 3, 2):
            s = k - n
            if s < end or masked[s] != masked[k + 1:k + 2]:
                continue
            w = masked[s:k]
            if masked.startswith(w, k + 1) and _ALL_HAN.fullmatch(w):
                end = k + 1 + n
                yield Finding(s, end, f"“{w}”在引号前后重复",
                              Fix.replace(s, k, "", f"删去引号外的“{w}”", "unsafe"))
                break


# ------------------------------------------------------------------------------------------------- DUP002
_CLAUSE = lazy_re(r"[^，,；;、。！？!?：:\r\n]+")  # literal characters only: stdlib re is faster
_DELIMS_ONLY = lazy_compile(r"[，,；;、。！？!?：:\s\u3000]*")
_NOT_TEXT = lazy_compile(r"[^\p{Han}\dA-Za-z“”‘’《》\"'（）()]")
_HAN = lazy_compile(r"\p{Han}")
_NOT_HAN = lazy_compile(r"[^\p{Han}]")
_MIN_HAN2 = int(_DATA["dup002"]["min_han"])
# A necessary condition for a finding, checked at every place it can occur with one stdlib `re` pass: a repeated
# clause (its stripped text at least 4 characters long, see min_han) is the end of the clause before it, whose
# stripped text therefore ends with the same 4 characters. The pattern starts at the first blank or delimiter
# after a clause (group 1: its last 4 characters, the last one not blank), goes over the blanks and delimiters
# between the two clauses, takes the next clause without its surrounding blanks (group 2, atomic: no
# backtracking) and asks that it end with group 1. The clause loop then runs only if group 2 really is the end
# of the clause before it (for a clean draft: almost never).
_D = "，,；;、。！？!?：:"
_B = " \t\u3000\u00a0"
_DUP002_CAND = lazy_re(f"[{_D}{_B}](?<=([^{_D}\r\n]{{3}}[^{_D}{_B}\r\n])[{_D}{_B}])(?:(?<=[{_D}])|[{_B}]*[{_D}])"
                       f"[{_D}{_B}]*+((?>[^{_D}\r\n]*[^{_D}{_B}\r\n]))(?<=\\1)")


@rule("DUP002", "repeated-clause", severity="warning", fix="unsafe")
def repeated_clause(doc: Document) -> Iterator[Finding]:
    """同一个分句紧接着重复了一遍。

    为什么：复制粘贴或修改时多粘了一次，读者会以为是排版错误，也会怀疑其他内容的可靠性。
    错误示例：组织全县妇联干部积极参与南阳市“好爱你”杯基层妇联领头雁云比武大赛；南阳市“好爱你”杯基层妇联
    领头雁云比武大赛；开展庆“三八”女性榜样事迹线上展播活动
    正确写法：组织全县妇联干部积极参与南阳市“好爱你”杯基层妇联领头雁云比武大赛；开展庆“三八”……
    依据：共产党员网公文常见差错“字词重复”。
    修复：建议修复（--unsafe-fixes）：删去第二份（连同前面的标点）。后一分句与前一分句完全相同（至少 4 个汉字），
    或与前一分句的末尾完全相同（至少 6 个汉字）时报告；“好，好”“是的，是的”这样的短句、有意的排比
    （要……，要……）不报告。修辞上的重复也不报告：顶真（前一部分以这几个字结束，后一部分以它们开头并用逗号
    接着说下去：“促进了经济战线上的胜利；经济战线上的胜利，又进一步巩固了……”），句末为强调把不超过 5 个字的短句
    说两遍（“没有家教，没有家教。”）。
    """
    masked = doc.masked
    for m in _DUP002_CAND.finditer(masked):
        clause = m.group(2)
        p = m.start()
        if p >= len(clause) and masked[p - len(clause):p] == clause:
            yield from _repeated_clauses(doc)
            return


def _repeated_clauses(doc: Document) -> Iterator[Finding]:
    """The findings of DUP002: every clause compared with the one before it."""
    masked = doc.masked
    prev = None  # (start, end, clause text without surrounding blanks)
    for m in _CLAUSE.finditer(masked):
        s, e = m.span()
        clause = m.group().strip(" \t\u3000\u00a0")
        if not clause:
            continue
        if prev is not None:
            ps, pe, pclause = prev
            # cheap test first: same clause, or the previous clause ends with this one
            if (clause == pclause or pclause.endswith(clause)) and _same_line_delims(masked, pe, s):
                norm = _NOT_TEXT.sub("", clause)
                han = len(_HAN.findall(norm))
                if han >= _MIN_HAN2 and (clause == pclause or han >= _MIN_HAN2 + 2) and \
                        not _rhetorical(masked, pe, s, e, han):
                    cs = s + m.group().index(clause[0])
                    ce = cs + len(clause)
                    shown = shorten(doc.text[cs:ce])
                    yield Finding(cs, ce, f"分句“{shown}”紧接着重复了一遍",
                                  Fix.replace(pe, e, "", "删去重复的分句", "unsafe"))
                    continue  # compare the next clause with the first copy
        prev = (s, e, clause)


_SENTENCE_END = frozenset("。！？!?；;")


def _rhetorical(masked: str, first_end: int, start: int, end: int, han: int) -> bool:
    """Whether a clause ``masked[start:end]`` that repeats the end of the clause before it (which ends at
    ``first_end``) is a figure of speech: anadiplosis (顶真), where the repeated words close one sentence part and
    open the next, which goes on after a comma (…促进了经济战线上的胜利；经济战线上的胜利，又进一步巩固了…); or
    a short clause said twice for emphasis at the end of a sentence (没有家教，没有家教。)."""
    after = masked[end:end + 1]
    between = masked[first_end:start]
    if after in ("，", ",") and any(c in _SENTENCE_END for c in between):
        return True
    return han <= 5 and after in ("", "\n", "\r", *_SENTENCE_END) and not any(c in _SENTENCE_END for c in between)


def _same_line_delims(masked: str, start: int, end: int) -> bool:
    between = masked[start:end]
    return "\n" not in between and "\r" not in between and _DELIMS_ONLY.fullmatch(between) is not None


# ------------------------------------------------------------------------------------------------- DUP003
_D3 = _DATA["dup003"]
_MIN_HAN3 = int(_D3["min_han"])
_NORM3 = lazy_compile(r"[^\p{Han}\dA-Za-z]|" + _cls(_D3["ignore"]))
# inline section ordinals start a new sentence even when the 。 before them is missing: …荣誉称号（九）推进…
# (a bracketed numeral after a Han character or a closing quote or title mark)
_ORDINAL = lazy_re(r"[（(][一二三四五六七八九十]{1,3}[）)]")
_ORDINAL_AFTER = lazy_compile(r"\p{Han}|[”’》]")
_FINAL = lazy_compile(r"[。！？!?；;]")
# a piece that is a note in brackets, or an entry introduced by a short label and a colon (a form's field, a
# speaker in a record): the formulas of a document, repeated by design
_LABELLED = lazy_compile(r"\s*(?:[（(][^（）()]*[）)][\s。；;]*$|[\p{Han}\w]{1,8}[：:])")
_CLAUSE_DELIM = lazy_compile(r"[，,；;、：:]")


def _pieces(doc: Document) -> list[tuple[int, int]]:
    """The sentences, each split at the inline section ordinals wholly inside it (a piece is never empty)."""
    masked = doc.masked
    cuts = [m.span() for m in _ORDINAL.finditer(masked) if m.start() and _ORDINAL_AFTER.match(masked, m.start() - 1)]
    if not cuts:
        return doc.sentences
    out = []
    i = 0
    for s, e in doc.sentences:
        while i < len(cuts) and cuts[i][0] < s:
            i += 1
        start = s
        while i < len(cuts) and cuts[i][1] <= e:
            cs, ce = cuts[i]
            if cs > start:
                out.append((start, cs))
            start = ce
            i += 1
        if e > start:
            out.append((start, e))
    return out


# The characters _NORM3 keeps, below U+10000: Han characters, decimal digits, Latin letters (checked against
# `regex`'s \p{Han} and \d by the tests). A stdlib `re` class built from them tests a character several times
# faster than the `regex` module; characters beyond U+FFFF are left out of the keys (see _PIECE_KEY_SPAN).
_KEPT_BMP = (
    (0x0030, 0x0039), (0x0041, 0x005A), (0x0061, 0x007A), (0x0660, 0x0669), (0x06F0, 0x06F9), (0x07C0, 0x07C9),
    (0x0966, 0x096F), (0x09E6, 0x09EF), (0x0A66, 0x0A6F), (0x0AE6, 0x0AEF), (0x0B66, 0x0B6F), (0x0BE6, 0x0BEF),
    (0x0C66, 0x0C6F), (0x0CE6, 0x0CEF), (0x0D66, 0x0D6F), (0x0DE6, 0x0DEF), (0x0E50, 0x0E59), (0x0ED0, 0x0ED9),
    (0x0F20, 0x0F29), (0x1040, 0x1049), (0x1090, 0x1099), (0x17E0, 0x17E9), (0x1810, 0x1819), (0x1946, 0x194F),
    (0x19D0, 0x19D9), (0x1A80, 0x1A89), (0x1A90, 0x1A99), (0x1B50, 0x1B59), (0x1BB0, 0x1BB9), (0x1C40, 0x1C49),
    (0x1C50, 0x1C59), (0x2E80, 0x2E99), (0x2E9B, 0x2EF3), (0x2F00, 0x2FD5), (0x3005, 0x3005), (0x3007, 0x3007),
    (0x3021, 0x3029), (0x3038, 0x303B), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xA620, 0xA629), (0xA8D0, 0xA8D9),
    (0xA900, 0xA909), (0xA9D0, 0xA9D9), (0xA9F0, 0xA9F9), (0xAA50, 0xAA59), (0xABF0, 0xABF9), (0xF900, 0xFA6D),
    (0xFA70, 0xFAD9), (0xFF10, 0xFF19),
)


def _kept_class() -> str:
    """The class body of the characters _NORM3 keeps (below U+10000), without the ignored adverbs."""
    ignored = sorted(ord(c) for c in _D3["ignore"])
    out = []
    for lo, hi in _KEPT_BMP:
        for c in ignored:  # split a range around each ignored character in it
            if lo <= c <= hi:
                if lo < c:
                    out.append((lo, c - 1))
                lo = c + 1
        if lo <= hi:
            out.append((lo, hi))
    return "".join(f"\\u{lo:04x}" if lo == hi else f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in out)


_KEPT = _kept_class()
_KEY_CHARS = 8
# The key of a piece: its first _KEY_CHARS kept characters below U+10000. It is a function of the normalised
# sentence (every character of _KEPT is kept by _NORM3, and the characters skipped, including any beyond U+FFFF,
# are skipped whether or not _NORM3 keeps them), so equal normalised sentences have equal keys, and almost all
# pieces of a document have distinct keys. For the pieces joined with NUL, each preceded by one, this pattern
# matches at every NUL and takes (one group, so findall gives one string per piece, in order) the stretch from the
# first kept character to the _KEY_CHARS-th one, or to the last one if there are fewer; removing the characters
# that are not kept from those stretches, all at once, leaves the keys.
_PIECE_KEY_SPAN = lazy_re("\x00[^\x00" + _KEPT + "]*((?:[" + _KEPT + "][^\x00" + _KEPT + "]*){0," + str(_KEY_CHARS - 1)
                          + "}[" + _KEPT + "])?")
_NOT_KEPT = lazy_re("[^\x00" + _KEPT + "]+")


def _piece_keys(texts: list[str]) -> list[str]:
    """The key of each text (none of them holds a NUL)."""
    spans = _PIECE_KEY_SPAN.findall("\x00" + "\x00".join(texts))
    return _NOT_KEPT.sub("", "\x00".join(spans)).split("\x00")


@rule("DUP003", "repeated-sentence", severity="warning")
def repeated_sentence(doc: Document) -> Iterator[Finding]:
    """同一个句子在文稿中出现了两次。

    为什么：合并多份材料、反复修改时，同一句话常被保留两处，显得重复，也可能意味着两处原本要写不同的内容。
    错误示例：2021年12月14日，西峡县妇联还被全国妇联授予“全国维护妇女儿童权益先进集体”荣誉称号。……
    2021年12月14日，西峡县妇联被全国妇联授予“全国维护妇女儿童权益先进集体”荣誉称号
    正确写法：删去其中一处，或改写为不同的内容。
    依据：共产党员网公文常见差错“字词重复”。
    修复：无（要由作者决定保留哪一处）。比较时忽略标点、空格和“还、也、又、都”等副词；句子至少 15 个汉字；
    报告第二处并指出第一处所在的行。标题与正文重复、单独成行的小标题不报告。按设计重复的格式性内容不报告：
    整句在括号里的注（每一项后面的“（责任单位：省经济和信息化厅、省财政厅）”），以不超过 8 个字的标签和冒号
    开头的条目（“指标来源：……”、记录中的“主席：……”）；正文与附件（单独一行的“附件”“附件2”之后）之间、
    两个附件之间的重复（附件转述正文或另一附件）不报告。
    """
    masked = doc.masked
    pieces = _pieces(doc)
    if len(pieces) < 2:
        return
    if "\x00" in masked:
        candidates = range(len(pieces))  # NUL separates the pieces below: compare every piece
    else:
        # a piece shorter than _MIN_HAN3 characters normalises to fewer than _MIN_HAN3 Han characters: it is
        # skipped, and leaving it out changes nothing for the others (see _repeated_sentences)
        texts = [masked[s:e] for s, e in pieces if e - s >= _MIN_HAN3]
        if len(texts) < 2:
            return
        keys = _piece_keys(texts)
        if len(set(keys)) == len(keys):
            return  # no two pieces can normalise to the same sentence
        long = [i for i, (s, e) in enumerate(pieces) if e - s >= _MIN_HAN3]
        counts = Counter(keys)
        candidates = [i for i, k in zip(long, keys) if counts[k] > 1]
    yield from _repeated_sentences(doc, pieces, candidates)


def _repeated_sentences(doc: Document, pieces: list[tuple[int, int]], candidates) -> Iterator[Finding]:
    """The findings among ``pieces[i]`` for ``i`` in ``candidates`` (ascending): the pieces whose normalised text
    may equal another piece's. A piece left out cannot repeat (or be repeated by) another one, so its only effect
    on the others, as the previous piece of a back-to-back repetition, is nil."""
    masked = doc.masked
    first: dict[tuple[int, str], int] = {}  # (part, normalised sentence) -> where it first occurs
    attachments = _attachment_starts(doc)
    lines = doc.lines
    prev_norm = None
    prev_i = -2
    for i in candidates:
        s, e = pieces[i]
        norm = _NORM3.sub("", masked[s:e])
        back_to_back = prev_i == i - 1 and norm == prev_norm and not _CLAUSE_DELIM.search(masked, s, e - 1)
        prev_norm = norm
        prev_i = i
        if back_to_back:  # a one-clause sentence repeated right away: DUP002 reports it
            continue
        # norm holds only Han characters, digits and Latin letters: count the few that are not Han
        if len(norm) < _MIN_HAN3 or len(norm) - len(_NOT_HAN.findall(norm)) < _MIN_HAN3:
            continue
        # a heading: a whole line without a sentence-final mark
        li = doc.line_index(s)
        ls, le = lines[li]
        if not masked[ls:s].strip() and not masked[e:le].strip() and not _FINAL.search(masked, s, e):
            continue
        if _LABELLED.match(masked, s, e):
            continue  # repeated by design: （责任单位：…） after each item, 指标来源：…, a speaker's formula
        key = (bisect_right(attachments, s), norm)  # an attachment restates the body by design
        if key not in first:
            first[key] = s
            continue
        text = doc.text
        cs = s + (len(text[s:e]) - len(text[s:e].lstrip()))
        ce = e
        while ce > cs and text[ce - 1] in " \t\u3000":
            ce -= 1
        first_line = doc.line_index(first[key]) + 1
        shown = shorten(text[cs:ce])
        yield Finding(cs, ce, f"句子“{shown}”与第 {first_line} 行的句子重复")


# an attachment's heading line (GB/T 9704-2012 8.1: 附件 and its number alone on a line; the body's list of
# attachments, 附件：1.…, is not one)
_ATTACHMENT_HEADING = lazy_re(r"[ \t\u3000]*附件[ \t\u3000]*[0-9０-９一二三四五六七八九十]{0,3}[ \t\u3000]*(?:\r|\n|\Z)")


def _attachment_starts(doc: Document) -> list[int]:
    """The offsets of the lines that start an attachment, ascending."""
    masked = doc.masked
    out = []
    i = masked.find("附件")
    while i >= 0:
        ls, _ = doc.lines[doc.line_index(i)]
        if _ATTACHMENT_HEADING.match(masked, ls) and (not out or out[-1] != ls):
            out.append(ls)
        i = masked.find("附件", i + 2)
    return out


# ------------------------------------------------------------------------------------------------- DUP004
_D4 = _DATA["dup004"]
_D4_WORDS = sorted(_D4["words"], key=len, reverse=True)
_MAX_DIST = int(_D4["max_distance"])
_CLAUSE_BREAK = lazy_compile(r"[，,；;。！？!?：:\r\n]")
# a listed word and its adverbial form with 地 are the same modifier (不断地……不断)
_D4_KEY = {w: w[:-1] if w.endswith("地") and w[:-1] in _D4_WORDS else w for w in _D4_WORDS}

@rule("DUP004", "repeated-word-in-clause", severity="info", on=Trigger(*_D4_WORDS))
def repeated_word_in_clause(doc: Document, words) -> Iterator[Finding]:
    """同一个修饰词在一个短分句里用了两次，如“进一步引领……进一步听党话”。

    为什么：同一分句中重复“进一步、不断、积极、切实”等修饰语，读起来拖沓，通常删去一个或换一种说法更好。
    错误示例：进一步引领广大妇女进一步听党话
    正确写法：进一步引领广大妇女听党话、跟党走
    依据：语言简洁（修辞建议，提示级别）。
    修复：无。只检查 data/dup.toml 中的修饰词，两次出现相距不超过 25 字且中间没有逗号、分号、句号；带“地”的
    形式与原词算同一个词（“不断地……不断”）。
    “尊法学法守法用法”“落实落细”“关心关爱”这类单字重复的固定说法不在检查范围。
    """
    masked = doc.masked
    last: dict[str, int] = {}  # each word's end, at its previous occurrence
    end = 0
    # the occurrences, longest first at each offset, none overlapping the one before (不断地, not its 不断)
    for s, w in sorted(words, key=lambda h: (h[0], -len(h[1]))):
        if s < end:
            continue
        e = end = s + len(w)
        key = _D4_KEY[w]
        p = last.get(key)
        last[key] = e
        if p is None or s - p > _MAX_DIST or _CLAUSE_BREAK.search(masked, p, s):
            continue
        yield Finding(s, e, f"“{w}”在同一分句中重复使用")


# ------------------------------------------------------------------------------------------------- DUP005
_LEXICON = load_data("dup_words")  # generated from jieba's dictionary by scripts/gen_dup_data.py
_NEVER_DOUBLED = frozenset(_LEXICON["dup005"]["warning"].split())
_MAYBE_DOUBLED = frozenset(_LEXICON["dup005"]["info"].split())
# two characters written twice, at every offset (a lookahead: 晋级省级省级 holds 级省级省 and 省级省级), and a
# run of three to eight Han characters written twice, the longest first (前期工作前期工作)
_DOUBLED_PAIR = lazy_re(r"(?=(..)\1)")
_DOUBLED_RUN = lazy_re(r"([\u3400-\u4dbf\u4e00-\u9fff]{3,8})\1")
# a run that begins with a numeral or a distributive character is a distributive phrase said twice (一件事情一件
# 事情地抓, 一栋楼一栋楼地推): grammar, not a typing error
_DISTRIBUTIVE_FIRST = frozenset("一二三四五六七八九十百千万两几各每多个")
# a degree adverb and an adjective said twice is emphasis (很多很多, 很紧很紧, 太好太好)
_DEGREE = frozenset("很太真挺好蛮极超")


@rule("DUP005", "doubled-lexicon-word", severity="warning", fix="unsafe")
def doubled_lexicon_word(doc: Document) -> Iterator[Finding]:
    """一个词连写了两遍（“周边周边”“推进推进”“前期工作前期工作”），双音节词按词典中的词性判断。

    为什么：复制粘贴或修改时多留了一遍，是“字词重复”最常见的形式；DUP001 只查一张封闭的常用词表，这条规则查
    词典里的所有双音节词和任何三个字以上的词语。
    错误示例：咱们咱们要；学校周边周边环境；深入开展前期工作前期工作；推进推进乡村振兴（提示）
    正确写法：咱们要；学校周边环境；深入开展前期工作；推进乡村振兴
    依据：共产党员网公文常见差错“字词重复”；词和词性取自 jieba 词典（MIT 许可，scripts/gen_dup_data.py 生成
    data/dup_words.toml）。
    修复：代词、方位词、处所词、地名、机构名、简称、双音节量词（“公里”）等从不重叠的词连写两遍，报告为警告，
    建议修复（--unsafe-fixes）删去第二遍；三到八个汉字连写两遍（“前期工作前期工作”）也是警告。动词、形容词、
    副词、名词、介词、连词、时间词连写两遍可能是语法上的重叠（“研究研究”“商量商量”“高兴高兴”）或口语的强调
    （“可以可以”），jieba 也常把动词标成别的词类，只作提示；以数字或“各、每、个”开头的词（“一样一样地”
    “一件事情一件事情地抓”）不报告或只作提示。词典中没有的两个字连写两遍（“我县我县”“镇街镇街”）也作提示，
    除非中间两个字本身成词、是偶然相接（“新兴产业创业创新”“是不是不够”）。“很多很多”“很紧很紧”
    这样程度副词加形容词说两遍是强调，不报告。一串“研究研究、商量商量”不报告。数词、单音节量词（“一步一步”）、
    人名、拟声词、叹词不报告；AABB 式（“扎扎实实”）和“县县通”“村村有”“人人”这类单字重叠不是词的重复，
    不在本规则范围。DUP001 表中的词由 DUP001 报告。繁体文本按简体词形查词典。
    """
    masked = doc.masked
    norm = None
    runs: list[tuple[int, int]] = []  # the doubled runs reported
    for m in _DOUBLED_RUN.finditer(masked):
        s, e = m.span()
        run = m.group(1)
        if run[0] in _DISTRIBUTIVE_FIRST or len(set(run)) == 1 or run in _WORD_SET or \
                (len(run) % 2 == 0 and run[:len(run) // 2] == run[len(run) // 2:]):
            continue
        runs.append((s, e))
        shown = doc.text[s:s + len(run)]
        yield Finding(s, e, f"“{shorten(shown)}”重复了两遍",
                      Fix.replace(s + len(run), e, "", f"删去重复的“{shorten(shown)}”", "unsafe"))
    end = 0  # where the previous finding ends
    for m in _DOUBLED_PAIR.finditer(masked):
        s = m.start()
        e = s + 4
        if s < end or any(rs <= s < re_ for rs, re_ in runs):
            continue
        word = m.group(1)
        if word not in _NEVER_DOUBLED and word not in _MAYBE_DOUBLED:
            if not _ALL_HAN.fullmatch(word):
                continue
            if norm is None:
                norm = doc.norm
            word = norm[s:s + 2]  # a traditional spelling
            if word not in _NEVER_DOUBLED and word not in _MAYBE_DOUBLED and not _unknown_word_doubled(word):
                continue
        if _next_to_a_reduplication(masked, s, e) or word[0] in _DEGREE:
            continue  # 研究研究、商量商量: reduplications in a series are deliberate; 很多很多: emphasis
        end = e
        shown = doc.text[s:s + 2]
        if word in _NEVER_DOUBLED:
            yield Finding(s, e, f"“{shown}”重复了两遍",
                          Fix.replace(s + 2, e, "", f"删去重复的“{shown}”", "unsafe"))
        else:
            # a verb at the end of its phrase may be the tentative reduplication of grammar (大家商量商量。)
            yield Finding(s, e, f"“{shown}”连写了两遍；如果不是有意的重叠（如“研究研究”），删去一个",
                          severity="info")


def _unknown_word_doubled(word: str) -> bool:
    """Whether ``word`` (two Han characters, in no list) written twice is a doubled word that the dictionary does
    not know (我县我县, 镇街镇街): not two words that meet by chance (产业创业创新: 创业 is the word in the middle,
    是不是不够: 不是), nor a numeral, a distributive or a character repeated (一个一个, 十九十九, 哈哈)."""
    return word[0] != word[1] and word[0] not in _DISTRIBUTIVE_FIRST and word not in _WORD_SET and \
        word[1] + word[0] not in _NEVER_DOUBLED and word[1] + word[0] not in _MAYBE_DOUBLED and \
        word[1] + word[0] not in _WORD_SET


def _next_to_a_reduplication(masked: str, s: int, e: int) -> bool:
    """Whether the doubled word ``masked[s:e]`` is one of a series of them joined by a pause mark (ABAB、CDCD)."""
    return (s >= 5 and masked[s - 1] in "、，," and masked[s - 5:s - 3] == masked[s - 3:s - 1]) or \
        (masked[e:e + 1] in ("、", "，", ",") and masked[e + 1:e + 3] == masked[e + 3:e + 5] != "")


# ------------------------------------------------------------------------------------------------- DUP006
_PLACE = _LEXICON["place"]
_DISTRIBUTIVE_NEXT = frozenset(_PLACE["verbish"].split())  # verbs, adverbs, adjectives (one or two characters)
_UNIT_WORDS = frozenset(_PLACE["words"].split())  # 县长, 县委, 市场, 村民, 乡村, 镇政府 …
_FUNCTION_CHARS = frozenset(_PLACE["function"].split())  # 的, 在, 和, 其 …: no place name ends with one
_PLACE_NAMES = frozenset(_PLACE["names"].split())  # place names of two and three characters (吉林, 朝阳)
_UNIT_ENDING = frozenset(_PLACE["ending"].split())  # words that end in a unit (地区, 行政区, 城中村, 吉林省)
_PLACE_UNITS = "省市县区镇乡村縣鎮鄉區"  # (区区 is also the word "merely": only after a place name)


@rule("DUP006", "doubled-place-unit", severity="info", fix="unsafe",
      on=Trigger(*(u + u for u in _PLACE_UNITS)))
def doubled_place_unit(doc: Document, hits) -> Iterator[Finding]:
    """地名后的行政单位字重复：“西峡县县妇联”“推进城关镇镇妇联建设”“吉林省省近现代史展”（提示）。

    为什么：“西峡县妇联”多打一个“县”就成了“西峡县县妇联”。但“某县县长”“某市市场监督管理局”“某村村民”
    是地名加上以“县、市、村”开头的词，“县县通”“村村有”是“每个县、每个村”的意思，都是正确的汉语。
    错误示例：西峡县县妇联；推进某镇镇妇联建设
    正确写法：西峡县妇联；推进某镇妇联建设
    依据：衍字（共产党员网公文常见差错“字词重复”）；词和词性取自 jieba 词典。
    修复：提示，建议修复（--unsafe-fixes）删去第二个字。第二个字与后面的字组成词典中的词（县长、县委、市场、
    村民、乡村、镇政府）、后面是动词副词形容词（县县通、村村有、县县全覆盖）或前面是动词（实现市市通、开展村村比）
    时不报告；前面是虚词（“以乡镇为单位的村村比”）时不是地名，也不报告；前面是词典中的地名或以这个字结尾的词（“吉林省省”
    “朝阳区区”“北方地区区经济”）时，后面是什么都报告（“区区”只在这时报告：“这区区几个”是“仅仅”）；后面接地名的“镇镇红星村”由 DUP001
    报告（警告）。地名“某某县县医院”这种机构全称也会得到提示。
    """
    masked = doc.masked
    norm = doc.norm
    for s, _ in hits:
        e = s + 2
        if s < 2 or not _ALL_HAN.fullmatch(masked, s - 2, e):
            continue  # the unit follows a name of at least two Han characters
        unit = norm[s]
        if norm[s + 1:s + 3] in _UNIT_WORDS or norm[s + 1:s + 4] in _UNIT_WORDS:
            continue  # 柳河县县长, 南阳市市场, 马田镇镇政府
        if norm[s - 1] == unit:
            continue  # in 县县县 only the first pair is judged
        if not (norm[s - 2:s] in _PLACE_NAMES or norm[s - 3:s] in _PLACE_NAMES
                or any(norm[s - n:s + 1] in _UNIT_ENDING for n in (1, 2, 3))):
            # no known place name before: the doubled unit may be a distributive (县县通, 实现县县通) or 区区
            if unit in "区區" or norm[s - 2:s] in _DISTRIBUTIVE_NEXT or norm[s - 1] in _FUNCTION_CHARS:
                continue  # 实现县县通, 单位的村村比, 这区区几个
            if norm[e:e + 2] in _DISTRIBUTIVE_NEXT or norm[e:e + 1] in _DISTRIBUTIVE_NEXT:
                continue  # 县县通, 村村都有
        if _DOUBLE_UNIT.match(masked, s):
            continue  # before the next place name: DUP001's
        shown = doc.text[s:e]
        yield Finding(s, e, f"“{shown}”：地名后的“{shown[0]}”可能重复了",
                      Fix.replace(s + 1, e, "", f"删去重复的“{shown[0]}”", "unsafe"))
