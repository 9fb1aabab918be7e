"""RES — residue pasted in from web pages: boilerplate lines, pinyin annotations, mojibake, watermarks and
invisible characters.

Residue rules run first (phase 0) and their finding spans are masked for every later rule (DESIGN.md §2), so a
pinyin annotation ``婦聯(lián)`` is not also a halfwidth-parenthesis problem and a web footer is not linted as prose.
Patterns, site names and character lists live in ``data/res.toml``.
"""

from __future__ import annotations

import functools
import unicodedata
from bisect import bisect_left, bisect_right
from typing import Iterator

import regex

from lintkit import Document, Finding, Fix, Trigger, lazy_compile, rule

from ._common import load_data, shorten

# patterns used inside the rules (compiled once, not looked up in regex's cache on every call)
_SYLLABLE_SEP = lazy_compile(r"[ '’]")
_HAN_OR_DIGIT = lazy_compile(r"[\p{Han}\d]")

_DATA = load_data("res")

# ------------------------------------------------------------------------------------------------- RES001
_BP = _DATA["boilerplate"]
_EDGE_LINES = int(_BP["edge_lines"])
_BP_LINES = [
    (lazy_compile(r"[ \t\u3000\u00a0]*(?:" + e["pattern"] + r")[ \t\u3000\u00a0]*"), e["where"], e["label"],
     e.get("max_han"))
    for e in _BP["line"]
]
# A line can only match a pattern when it holds one of these anchors: every pattern needs one of them
# (tests/rules/test_res.py checks it on the seeds, the fixtures and the field names of the data). A colon alone is
# no anchor (most lines of a report with a heading or a list hold one): the patterns that need a colon need it
# after one of the field names of a publication line (发布时间：, 来源：, 浏览次数：; each of the names in the data
# ends in one of these) or after 页 (a forum's page bar).
_BP_LINE_ANCHORS = lazy_compile(
    r"欢迎|歡迎|首页|首頁|主页|ICP|Copyright|[Rr]ights|版权|©|打印|关闭|關閉|返回|分享|\[\d|"
    r"[:：](?<=(?:时间|時間|日期|作者|来源|來源|编辑|編輯|次数|次數|浏览|點擊|点击|阅读|閱讀|字号|字體|字体|页|頁|一篇|一条|上篇|下篇)"
    r"\s*[:：])|收藏|字号|查看完整版|扫一扫|扫描|扫码|网站地图|联系我们|关于我们|關於我們|使用帮助|网站声明|"
    r"隐私|免责声明|设为首页|网站纠错|意见建议|无障碍|长者模式")
#: every anchor starts with one of these literals
_BP_TRIGGER = Trigger("欢迎", "歡迎", "首页", "首頁", "主页", "ICP", "Copyright", "Rights", "rights", "版权", "©",
                      "打印", "关闭", "關閉", "返回", "分享", "[", ":", "：", "收藏", "字号", "查看完整版",
                      "扫一扫", "扫描", "扫码", "网站地图", "联系我们", "关于我们", "關於我們", "使用帮助", "网站声明",
                      "隐私", "免责声明", "设为首页", "网站纠错", "意见建议", "无障碍", "长者模式",
                      pattern=_BP_LINE_ANCHORS)
_HAN = lazy_compile(r"\p{Han}")
# a line that is a Chinese sentence (a fullwidth comma, ends with a fullwidth full stop, ! or ?) is prose, not a
# page header or footer (those are fragments without sentence punctuation)
_PROSE_SENTENCE = lazy_compile(r"，.*[。！？][ \t\u3000\u00a0]*$")


def _line_delete_fix(doc: Document, index: int) -> Fix:
    """Delete line ``index`` together with its line break (the last line: its content only)."""
    start, end = doc.lines[index]
    starts = doc.line_starts
    stop = starts[index + 1] if index + 1 < len(starts) else end
    return Fix.replace(start, stop, "", "删除这一行", applicability="unsafe")


def _edge_lines(masked: str, lines: list[tuple[int, int]]) -> set[int]:
    """The first and the last ``edge_lines`` non-blank lines."""
    edge: set[int] = set()
    for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        found = 0
        for i in order:
            if found == _EDGE_LINES:
                break
            s, e = lines[i]
            if masked[s:e].strip():
                edge.add(i)
                found += 1
    return edge


@rule("RES001", "web-boilerplate", severity="warning", fix="unsafe", phase=0, masks=True, on=_BP_TRIGGER)
def web_boilerplate(doc: Document, anchors) -> Iterator[Finding]:
    """网页或论坛的模板文字（欢迎语、导航、发布信息、备案号和版权声明、分页标记）混进了文稿。

    为什么：从网页复制材料时，页头、页脚、导航和分页标记常被一并粘贴进文稿，它们不是正文，印发前必须删除。
    错误示例：欢迎您访问郴州市妇女联合会网站!；您的位置:  首页 > 经验交流 > 正文；
    发布时间:2019-11-25 16:05   作者:管理员   来源:；联系电话:0735-2871512 湘ICP备20006897号-1 Copyright 2021
    郴州妇女联合会 All rights reserved.；扫一扫在手机打开当前页；【打印本页】【关闭窗口】；论坛帖末的“页:”和“[1]”。
    正确写法：删除这些行，只保留正文。
    依据：文稿整洁；网页残留属于“表述不规范”类差错。
    修复：建议修复（--unsafe-fixes）：删除整行。只报告整行都是模板文字的行：正文里谈到“网站”“首页”的句子、
    只有电话号码的落款、提到备案号的完整句子（有逗号、以句号结尾）都不报告；“页:”“[1]”和单独一个“打印本页”这类弱特征
    只在文稿开头或结尾几行报告，一行有两个以上网页功能链接（【打印本页】【关闭窗口】）时在哪里都报告。行的样式见
    data/res.toml。
    这些行在后续规则中被屏蔽，不再按正文检查标点和空格。
    """
    masked = doc.masked
    lines = doc.lines
    starts = doc.line_starts
    # only the lines that hold an anchor are tried
    candidates = list(dict.fromkeys(bisect_right(starts, m.start()) - 1 for m in anchors))
    edge = _edge_lines(masked, lines)
    for i in candidates:
        s, e = lines[i]
        line = masked[s:e]
        if not line.strip():
            continue
        if len(line) > 400:  # boilerplate lines are short; a paragraph of prose is not
            continue
        if _PROSE_SENTENCE.search(line):
            continue  # 网站备案号为湘ICP备…号-1，…。: a sentence of the report that talks about the site
        for pattern, where, label, max_han in _BP_LINES:
            if where == "edge" and i not in edge:
                continue
            if not pattern.fullmatch(line):
                continue
            if max_han is not None and len(_HAN.findall(line)) > max_han:
                continue
            lead = len(line) - len(line.lstrip(" \t\u3000\u00a0"))
            trail = len(line) - len(line.rstrip(" \t\u3000\u00a0"))
            shown = shorten(doc.text[s + lead:e - trail], 30)
            yield Finding(s + lead, e - trail, f"网页模板文字（{label}）混入正文：“{shown}”", _line_delete_fix(doc, i))
            break


# ------------------------------------------------------------------------------------------------- RES002
_PY = _DATA["pinyin"]
_TONES = _PY["tone_marks"]
_PINYIN_CHARS = "a-zA-Züv" + _TONES
# the parenthesis first, then the Han character before it: a pattern that starts with a lookbehind is tried at
# every position of the text
_ANNOTATION = lazy_compile(
    r"[(（](?<=\p{Han}.)([" + _PINYIN_CHARS + r"]{1,7}(?:[ '’][" + _PINYIN_CHARS + r"]{1,7}){0,3})[)）]")
_SYLLABLE = lazy_compile(_PY["initial"] + _PY["final"])
_MIN_COUNT = int(_PY["min_count"])
_HAS_TONE = lazy_compile("[" + _TONES + "]")


@functools.lru_cache(maxsize=1)
def _common_readings() -> dict[str, str]:
    """The 常用字 of 《通用规范汉字表》 and their traditional forms, each with its most common reading
    (data/res_common.toml)."""
    return {x[0]: x[1:] for x in load_data("res_common")["common"].split()}


def _strip_tones(s: str) -> str:
    out = unicodedata.normalize("NFD", s.lower())
    out = out.replace("\u0308", "\u0001")  # keep ü apart from u
    out = "".join(c for c in out if not unicodedata.combining(c))
    return out.replace("u\u0001", "ü")


@functools.lru_cache(maxsize=4096)
def _annotation_kind(inner: str) -> bool | None:
    """None when ``inner`` (the text between the parentheses) is not pinyin, else whether every syllable carries
    a tone mark. Cached: a page of annotations repeats the same few hundred syllables."""
    syllables = _SYLLABLE_SEP.split(inner)
    if not all(_SYLLABLE.fullmatch(_strip_tones(x)) for x in syllables):
        return None
    return all(_HAS_TONE.search(x) for x in syllables)


@rule("RES002", "pinyin-annotation", severity="warning", fix="safe", phase=0, masks=True,
      on=Trigger(chars="(（", pattern=_ANNOTATION))
def pinyin_annotation(doc: Document, annotations) -> Iterator[Finding]:
    """正文中残留从注音网页复制来的拼音标注，如“婦聯(lián)”。

    为什么：带拼音注音的网页（字典、注音工具）复制进文稿后，每个字后面都跟着“(lián)”这样的拼音，
    正文无法使用，半角括号还会被误当成标点问题。
    错误示例：2020年婦聯(lián)工作總結(jié)；圍繞鎮(zhèn)黨委政府的中心工作；建設(shè)美麗鄉村（只有一处也算）
    正确写法：2020年婦聯工作總結；圍繞鎮黨委政府的中心工作；建設美麗鄉村
    依据：文稿整洁；网页残留。
    修复：安全修复：删除标注。全文有 3 处及以上带声调的拼音标注时全部报告；少于 3 处时，只报告常用字（《通用规范汉字表》一级字及其繁体）
    标着它最常见读音（Unihan kMandarin）的带声调标注（“設(shè)”）；标在生僻字上的（“亳(bó)州”）或标的是少见读音的
    （“蚌(bèng)埠”）视为作者有意的注音，不报告。不带声调的括注（如“(de)”）只在全文已有 3 处带声调标注时，
    或者它就是这个常用字的轻声读音时（“的(de)”“了(le)”）才算。
    拼音标注在后续规则中被屏蔽（PUN001 不再把其中的半角括号当作标点问题）。
    """
    found = [(m.start(), m.end(), toned) for m in annotations
             if (toned := _annotation_kind(m.group(1))) is not None]
    if sum(1 for _, _, t in found if t) < _MIN_COUNT:
        # a few annotations: residue where a common character carries its common reading (設(shè)); a reading
        # given for a rare character (亳(bó)州) or a rare reading (蚌(bèng)埠) is the author's
        common = _common_readings()
        # (a toneless annotation equals a reading only where that reading is the neutral tone: 的(de), 了(le))
        found = [(s, e, t) for s, e, t in found
                 if common.get(doc.text[s - 1]) == unicodedata.normalize("NFC", doc.text[s + 1:e - 1].lower())]
    total = len(found)
    for s, e, _ in found:
        yield Finding(s, e, f"拼音标注“{doc.text[s:e]}”是网页注音残留（全文共 {total} 处）",
                      Fix.replace(s, e, "", "删除拼音标注"))


# ------------------------------------------------------------------------------------------------- RES003
_MJ = _DATA["mojibake"]
_SIGNATURES = lazy_compile("|".join(f"(?:{p})" for p in _MJ["signatures"]))
_PY_WORD = "[a-zü]*[" + _TONES + "][a-zü]*"
_DEBRIS_PIECE = r"(?:\?[;:,；：，](?=\p{Han})|\?" + _PY_WORD + r"\)?\??)"
_DEBRIS = lazy_compile(r"(?<=[\p{Han}，。、；：,.;:]|^)" + _DEBRIS_PIECE
                        + r"(?:\p{Han}{0," + str(int(_MJ["debris_gap"])) + "}" + _DEBRIS_PIECE + ")*", regex.M)
_GBK_MIN_RUN = int(_MJ["gbk_min_run"])
_GBK_SHARE = float(_MJ["gbk_min_share"])
# Every signature starts with one of these characters (a test proves it for every code point), and every piece of
# question-mark debris with its "?".
_SIGNATURE_STARTS = "\ufffd锟烫屯" + "".join(map(chr, range(0xC2, 0xF0)))
# GBK text read as UTF-8: a GBK character whose two bytes form a UTF-8 sequence comes out as one letter of
# U+0080–U+07FF (装 → װ, 业 → ҵ, 平 → ƽ). Letters only (· of 马克思·恩格斯 is punctuation), not the pinyin letters
# with tone marks and not the common Greek letters (α粒子).
_UTF8_LETTERS = "".join(c for c in map(chr, range(0xC0, 0x800))
                        if unicodedata.category(c)[0] == "L" and c not in _TONES + "üÜ"
                        and not "\u0391" <= c <= "\u03c9")
_UTF8_RUN = lazy_compile("[" + _UTF8_LETTERS + "]{1,3}")
_MOJIBAKE = (Trigger(chars=_SIGNATURE_STARTS, pattern=_SIGNATURES), Trigger("?", pattern=_DEBRIS),
             Trigger(chars=_MJ["gbk_lead"]), Trigger(chars=_UTF8_LETTERS, pattern=_UTF8_RUN))
_HAN_OR_FFFD = lazy_compile(r"[\p{Han}\ufffd]")


def _gbk_as_utf8(masked: str, runs: list) -> list[tuple[int, int, str, str]]:
    """GBK text read as UTF-8: one to three letters of U+0080–U+07FF between two Han characters (or U+FFFD)
    whose UTF-8 bytes, read as GBK, are common characters (集װ箱 → 装, 林ҵ碳汇 → 业)."""
    out = []
    common = _common_readings()
    for m in runs:
        s, e = m.span()
        if not (s > 0 and e < len(masked) and _HAN_OR_FFFD.match(masked, s - 1) and _HAN_OR_FFFD.match(masked, e)):
            continue
        try:
            recovered = m.group().encode("utf-8").decode("gbk")
        except UnicodeDecodeError:
            continue
        if all(c in common for c in recovered):
            out.append((s, e, "GBK 文字被当作 UTF-8 解码的乱码", recovered))
    return out
# the run around one position, matched forwards from it and backwards to it
_GBK_RUN_RIGHT = lazy_compile(r"[\p{Han}\ufffd]*")
_GBK_RUN_LEFT = lazy_compile(r"(?r)[\p{Han}\ufffd]*")


def _gbk_runs(masked: str, leads: list[int]) -> list[tuple[int, int]]:
    """Runs of at least ``gbk_min_run`` Han characters (or U+FFFD) with at least ``gbk_min_share`` of them GBK
    lead characters (``leads``: the ascending offsets of the lead characters in ``masked``)."""
    out = []
    run_end = -1
    for p in leads:
        # only the runs that hold a lead character can reach the share: each is found from its first lead, and
        # its share is two binary searches
        if p < run_end:
            continue
        run_end = _GBK_RUN_RIGHT.match(masked, p).end()
        if run_end == p:
            continue  # not a Han character itself: in no run
        rs = _GBK_RUN_LEFT.match(masked, 0, p).start()
        if run_end - rs >= _GBK_MIN_RUN and \
                bisect_left(leads, run_end) - bisect_left(leads, rs) >= _GBK_SHARE * (run_end - rs):
            out.append((rs, run_end))
    return out


# a run that a wrong decoding can have produced: no white space, no ASCII (a UTF-8 multi-byte sequence read as
# GBK gives two-byte characters only)
_MOJI_RUN_RIGHT = lazy_compile(r"[^\s\x00-\x7f]*")
_MOJI_RUN_LEFT = lazy_compile(r"(?r)[^\s\x00-\x7f]*")
_ORDINARY_MARKS = frozenset("，。、；：？！“”‘’（）《》〈〉【】—…·")
_MAX_RECOVERED = 200


def _ordinary(text: str) -> bool:
    """True when ``text`` is ordinary Chinese: at least two characters, all common characters (《通用规范汉字表》
    level 1 or their traditional forms), ASCII letters, digits, spaces or Chinese punctuation."""
    common = _common_readings()
    han = 0
    for c in text:
        if c in common:
            han += 1
        elif not (c in _ORDINARY_MARKS or (c.isascii() and (c.isalnum() or c == " "))):
            return False
    return han >= 2


def _as_utf8(text: str) -> str | None:
    """``text``'s GB18030 bytes read as UTF-8, or None when they are no UTF-8."""
    try:
        return text.encode("gb18030").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


def _round_trip(masked: str, p: int) -> tuple[int, int, str] | None:
    """The longest stretch around ``p`` that is UTF-8 text decoded as GBK: its GB18030 bytes, read as UTF-8, are
    ordinary text while the stretch is not (瀹屾垚 → 完成). (start, end, recovered text), or None."""
    end = _MOJI_RUN_RIGHT.match(masked, p).end()
    start = _MOJI_RUN_LEFT.match(masked, 0, p).start()
    best = None
    for s in range(max(start, p - 2), p + 1):  # the first character of the stretch may precede the lead
        seg = masked[s:min(end, s + _MAX_RECOVERED)]
        try:
            seg.encode("gb18030", errors="replace").decode("utf-8")
            used = len(seg)
        except UnicodeDecodeError as err:
            used = size = 0  # the characters of the stretch wholly within the valid prefix
            for c in seg:
                size += len(c.encode("gb18030", errors="replace"))
                if size > err.start:
                    break
                used += 1
        text = None
        while used >= 2:  # a broken last character: drop it and try the shorter stretch
            text = _as_utf8(seg[:used])
            if text is not None and _ordinary(text):
                break
            used -= 1
        if used >= 2 and not _ordinary(seg[:used]) and (best is None or used > best[1] - best[0]):
            best = (s, s + used, text)
    return best


def _mojibake_spans(masked: str, signatures: list, debris: list, leads: list[tuple[int, str]], utf8: list = ()
                    ) -> list[tuple[int, int, str, str]]:
    """(start, end, what, recovered text or "") of every piece of mojibake, overlapping pieces merged."""
    spans: list[tuple[int, int, str, str]] = _gbk_as_utf8(masked, utf8) if utf8 else []
    for m in signatures:
        spans.append((m.start(), m.end(), "乱码", ""))
    for m in debris:
        spans.append((m.start(), m.end(), "问号乱码残留", ""))
    covered = -1
    for p, _ in leads:
        if p < covered:
            continue
        found = _round_trip(masked, p)
        if found is not None:
            spans.append((found[0], found[1], "UTF-8 文字被当作 GBK 解码的乱码", found[2]))
            covered = found[1]
    for rs, re_ in _gbk_runs(masked, [p for p, _ in leads]):
        spans.append((rs, re_, "UTF-8 文字被当作 GBK 解码的乱码", ""))
    spans.sort(key=lambda x: (x[0], -x[1], x[3] == ""))
    merged: list[tuple[int, int, str, str]] = []
    for s, e, what, text in spans:
        if merged and s <= merged[-1][1]:
            ps, pe, pw, pt = merged[-1]
            merged[-1] = (ps, max(pe, e), pw, pt if e <= pe else "")
        else:
            merged.append((s, e, what, text))
    return merged


@rule("RES003", "mojibake", severity="error", fix="unsafe", phase=0, masks=True, on=_MOJIBAKE)
def mojibake(doc: Document, found) -> Iterator[Finding]:
    """文稿中有乱码（替换字符�、“锟斤拷”、编码错读产生的怪字如“瀹屾垚”、问号残渣）。

    为什么：编码转换出错时，原来的文字被替换成“�”“?”或一串生僻字，原意已经丢失，必须对照原文补回。
    错误示例：发放宣传资料180多份?;顒?dòng)既滿足了廣大婦女的需求（原文为“180多份。活動既滿足”）；
    臨涇鎮婦女信息咨詢?nèi)?,傳播最新的信息；“锟斤拷”；“鍚勭骇濡囪仈缁勭粐”（“各级妇联组织”的 UTF-8 字节被当作 GBK）；
    任务已瀹屾垚；集װ箱（GBK 的“装”被当作 UTF-8）
    正确写法：对照原始材料补回被损坏的文字：发放宣传资料180多份。活動既滿足了……；任务已完成；集装箱
    依据：文稿完整性；GB 18030 与 UTF-8 编码。
    修复：一段文字按 GB 18030 编码再按 UTF-8 解码后成为普通文字（都是常用字、字母数字或中文标点），而它本身
    不是普通文字时，它就是 UTF-8 文字被错当 GBK 解码的乱码，无论是什么词：报告并给出还原的原文（建议修复，
    --unsafe-fixes）；反过来，夹在两个汉字之间的一到三个西文字母（U+0080–U+07FF，如“װ”“ҵ”“ƽ”）按 UTF-8 编码再按
    GBK 解码后是常用字时，是 GBK 文字被错当 UTF-8 解码（“集װ箱”→“集装箱”；间隔号“·”、带声调的拼音字母和常用希腊
    字母不算）。其他乱码无法自动恢复。只在乱码特征明确时报告：英文里的问号、正文中偶尔出现的生僻字
    （人名用字）不报告；问号只有紧贴其他标点（“?;”）或紧贴带声调的拼音（“?dòng)”）时才算残渣。
    """
    for s, e, what, recovered in _mojibake_spans(doc.masked, *found):
        shown = shorten(doc.text[s:e], 20)
        if recovered:
            yield Finding(s, e, f"{what}：“{shown}”，原文应为“{shorten(recovered, 20)}”",
                          Fix.replace(s, e, recovered, f"改为“{shorten(recovered, 20)}”", applicability="unsafe"))
        else:
            yield Finding(s, e, f"{what}：“{shown}”，请对照原文补回")


# ------------------------------------------------------------------------------------------------- RES004
_WM = _DATA["watermark"]
_SITES = Trigger(*_WM["sites"])
_MENTION_BEFORE = tuple(_WM["mention_before"])
_MENTION_AFTER = tuple(_WM["mention_after"])
# the entries that only continue a name ending in 网 into a word (网络, 网站, 网民): after 人人文库 they say nothing
_NET_WORD_ENDS = frozenset("络絡站格点點页頁民友址吧")
_MENTION_AFTER_ANY = tuple(x for x in _MENTION_AFTER if x not in _NET_WORD_ENDS)
# after a name that is in no list, 的 says nothing either (公文帮的监督): a real mention has 在, 从 … before it
_TRADE_MENTION_AFTER = tuple(x for x in _MENTION_AFTER if x != "的")


#: the end of a site's name (老秘网, 某某文库); a name of this shape that splits a word is reported as a hint
_SITE_SUFFIXES = ("网", "網", "文库", "文庫", "文档", "文檔")
_SITE_SHAPE = Trigger(*_SITE_SUFFIXES)
_HAN_CHAR = lazy_compile(r"\p{Han}")
#: the trade of document-sharing and template sites (公文搜, 文秘帮, 星光资料网, 51范文网) and the endings of their
#: names: a trade word followed by an ending is a site's name wherever it stands in running text
_TRADE = tuple(_WM["trade"])
_TRADE_ENDS = tuple(sorted(_WM["trade_ends"], key=len, reverse=True))
_TRADE_NAMES = Trigger(*_TRADE)
_TRADE_END_DIGITS = lazy_compile(r"\d{2,3}(?!\d)")
_LEADING_DIGITS = lazy_compile(r"(?r)\d{2,4}")
# what follows a count (材料300份): digits before one of these end no site name
_MEASURES = frozenset("余多万千百亿份个件人项次年月日号条篇页本册套张部台户家所名元米吨亩斤公")
#: a web address squeezed between Han characters (政务服务www.abc.com体系); in the text view: the masked view
#: hides addresses
_DOMAIN = lazy_compile(r"(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]{1,40}\.(?:com|cn|net|org)(?:\.cn)?(?![A-Za-z0-9.])")
_DOMAIN_START = lazy_compile(r"(?r)(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]{1,40}")
_DOMAINS = Trigger(".com", ".cn", ".net", ".org", view="text")
_DOMAIN_MENTION_BEFORE = ("网", "網", "址", "见", "見", "号", "號", "@")
_COPULAS = ("为", "為", "是", "即")
# 为/是/即 before an address name it only after a word for an address (网址为, 网站是, 邮箱即); after an address the
# continuations of a 网 word (民, 站 …) and 的 (完备的) say nothing
_ADDRESS_WORD = lazy_compile(r"网|網|址|站|箱|号|號")
_DOMAIN_MENTION_AFTER = tuple(x for x in _MENTION_AFTER if x not in _NET_WORD_ENDS and x != "的")


@functools.lru_cache(maxsize=1)
def _dictionary_words() -> frozenset[str]:
    """The words of two to four characters of jieba's dictionary kept in data/wrd002_pos.toml (made by
    scripts/gen_wrd_data.py)."""
    d = load_data("wrd002_pos")
    return frozenset(w for k in ("adjectives", "adverbial", "adverbs", "verbs", "nouns", "other")
                     for w in d[k].split() if len(w) >= 2)


def _splits_a_word(masked: str, s: int, e: int) -> bool:
    """Whether ``masked[s:e]`` splits a word: the characters on either side of it form a dictionary word of two
    to four characters (结对我[老秘网]区: 我区; 全[资料88]方位: 全方位; 建筑[大使文库]面积: 建筑面积) and, for a
    word of two characters, the one before does not begin a word with the name's first character."""
    if s <= 0 or e >= len(masked):
        return False
    words = _dictionary_words()
    a, b = masked[max(0, s - 2):s], masked[e:e + 2]
    if any(x in words for x in (a + b[:1], a[-1:] + b, a + b) if len(x) >= 3):
        return True  # a word of three or four characters: evidence enough (全资料88方位, though 全资 is a word)
    return a[-1] + b[0] in words and masked[s - 1:s + 1] not in words


def _removal_fits(masked: str, s: int, e: int) -> bool:
    """Whether ``masked[s:e]`` reads as inserted between two words: the characters on either side of it are a
    pair common in official text (adjacent-character counts of data/typo/bigrams.txt) while both pairs at its
    edges were never seen (推进[海川文档]乡村: 进乡 common, 进海 … 档乡 unseen)."""
    if s <= 0 or e >= len(masked) or not (_HAN_CHAR.match(masked, s - 1) and _HAN_CHAR.match(masked, e)):
        return False
    from ._typo import STRONG_PAIR, UNSEEN, pair_status

    status = pair_status(masked[s - 1] + masked[s] + masked[e - 1] + masked[e] + masked[s - 1] + masked[e])
    return status[0] == UNSEEN and status[2] == UNSEEN and status[4] == STRONG_PAIR


_WORD_TAIL_SITE = ("网", "網", "文库", "文庫", "文档", "文檔")


def _inserted_name(masked: str, p: int, suffix: str) -> tuple[int, int] | None:
    """A name of a dictionary word (or two) and ``suffix`` (意思学习网, 庄严文库) at ``p`` between two words
    (:func:`_removal_fits`): (start, end) or None."""
    e = p + len(suffix)
    words = _dictionary_words()
    for s in range(max(1, p - 6), p - 1):  # the longest head first, at least two characters
        head = masked[s:p]
        if not (head in words or any(head[:k] in words and head[k:] in words for k in range(2, len(head) - 1))):
            continue
        if masked[s:e] not in words and _removal_fits(masked, s, e):
            return s, e
    return None


def _site_shaped(masked: str, p: int, suffix: str) -> tuple[int, int] | None:
    """A name of one to five Han characters ending in ``suffix`` at ``p`` that splits a word: the characters
    on either side of it form a dictionary word (结对我[老秘网]区: 我区), the name starts no word with the
    character before it and ends none with the one after it (网络). (start, end) or None."""
    e = p + len(suffix)
    if e >= len(masked) or not _HAN_CHAR.match(masked, e):
        return None
    words = _dictionary_words()
    if masked[e - 1:e + 1] in words:
        return None  # 网络, 网站: the suffix begins a word
    if any(masked[e - n:e] in words for n in (2, 3, 4)):
        return _inserted_name(masked, p, suffix)  # 互联网, 全网: it ends one (but 庄严文库: 文库 is a word)
    for s in range(max(1, p - 5), p - 1):  # the longest name first, at least three characters
        name = masked[s:e]
        if not _HAN_CHAR.match(masked, s - 1) or not all(_HAN_CHAR.match(c) for c in name) \
                or suffix in name[:-len(suffix)]:
            continue
        if _splits_a_word(masked, s, e) and name not in words:
            return s, e
    return _inserted_name(masked, p, suffix)


def _trade_name(masked: str, p: int, trade: str) -> tuple[int, int, bool] | None:
    """A site's name made of the trade word ``trade`` at ``p`` and an ending (资料网, 公文搜, 文秘114, 云帆文库)
    in running text: (start, end, whether it splits a word). The name takes the digits before it (51范文网) or
    the one to three Han characters before it whose removal with it joins a word (调[星光资料网]研); without such
    evidence it is the trade word and the ending only (an ending of digits then needs three of them and no
    measure word after them: 材料30份, 资料200余份 are counts). After two to four digits the trade word needs no
    ending (365文档, 51范文). None when a one-character ending begins a word with what follows (资料汇编,
    公文网络), the name is a dictionary word (资料库), the text after it says it is a mention (网站, 网上, 发布)
    or goes on with no Han character or digit; a name that splits a word is a watermark all the same (军政军
    [材料网]民团结)."""
    words = _dictionary_words()
    e = p + len(trade)
    end = next((x for x in _TRADE_ENDS if masked.startswith(x, e)), None)
    digits = 0
    if end is not None:
        e += len(end)
    elif (m := _TRADE_END_DIGITS.match(masked, e)) is not None:
        e = m.end()
        digits = e - m.start()
    elif not (p and masked[p - 1].isdigit()) and trade not in ("文库", "文庫", "文档", "文檔"):
        return None  # 公文写作, 资料显示: a trade word is no name by itself (365文档 is, and a 文库 that splits a word)
    if e >= len(masked) or not _HAN_OR_DIGIT.match(masked, e):
        return None
    if (m := _LEADING_DIGITS.match(masked, 0, p)) is not None and m.end() == p:
        s = m.start()
        return (s, e, _splits_a_word(masked, s, e)) if s > 0 and _HAN_CHAR.match(masked, s - 1) else None
    for s in range(max(1, p - 3), p + 1):  # the longest name first
        if all(_HAN_CHAR.match(c) for c in masked[s - 1:p]) and _splits_a_word(masked, s, e) \
                and masked[s:e] not in words:
            return s, e, True
    if end is None or len(end) > 1 or digits:
        # (海川文档, 文秘88, 云帆文库 between two words: the pairs at its edges unseen, the pair across common)
        for s in range(max(1, p - 3), p + 1):
            if all(_HAN_CHAR.match(c) for c in masked[s - 1:p]) and masked[s:e] not in words \
                    and not masked[s - 2:s].endswith(_MENTION_BEFORE) and _removal_fits(masked, s, e):
                return s, e, False
    if masked.startswith(_TRADE_MENTION_AFTER, e):
        return None  # 资料网站, 公文网上: the word, or a mention
    if end is not None and len(end) == 1 and (masked[e - 1:e + 1] in words or masked[e - 1:e + 2] in words):
        return None  # 资料汇编, 公文网络, 素材库存: the ending begins a word with what follows
    if digits and (digits != 3 or masked[e] in _MEASURES):
        return None  # 材料30份, 资料200余份: a count
    if masked[p:e] in words or (end is None and not digits and not masked[p - 1].isdigit()) \
            or not (p and _HAN_CHAR.match(masked, p - 1)):
        return None  # 资料库: a word of its own; 中文维基文库社群: a 文库 named in the text; at the start of a line
    return p, e, False


@rule("RES004", "watermark", severity="warning", fix="unsafe", phase=0, masks=True,
      on=(_SITES, _SITE_SHAPE, _TRADE_NAMES, _DOMAINS))
def watermark(doc: Document, found) -> Iterator[Finding]:
    """句子中间插入了文档分享网站的水印名称，如“结对我老秘网区42名”。

    为什么：一些文库、范文网站在复制出的文字中插入自己的站名作为水印，站名嵌在句子中间，把原句拆断。
    错误示例：牵线搭桥市爱心人士先后结对我老秘网区42名困境儿童；全面深化“放管服51范文网”改革；
    政务服务www.fanwen.com体系
    正确写法：牵线搭桥市爱心人士先后结对我区42名困境儿童
    依据：文稿整洁；网页残留。
    修复：建议修复（--unsafe-fixes）：删除站名。站名表见 data/res.toml（文库、范文、公文类网站，不含政府网站）。
    站名至少一侧紧接汉字或数字（“工作，公文搜取得”也算）。不在表中、但形如站名的，作为提示报告：以“网”“文库”“文档”结尾、插在一个词中间（删去后前后两字连成 jieba
    词典中的词，如“调星光资料网研”）的；由“范文、公文、文秘、资料、素材……”加上“网、库、吧、帮、搜、汇、之家、
    大全”或数字组成的（“公文搜”“文秘114”“晨曦范文网”，data/res.toml 的 trade 和 trade_ends）；夹在两个汉字
    之间的网址（“服务www.fanwen.com体系”）。
    站名前后是“在、通过、访问、登录”或“上、网站、平台、发布”、引号书名号时，是正文真的在谈这个网站，
    不报告；“资料汇编”“公文网络”这样后一字与后文成词的、“资料库”这样本身是词的也不报告。
    """
    masked = doc.masked
    sites, suffixes, trades, domains = found
    last = 0
    listed = []
    # leftmost-longest, without overlap: at one offset the longest name (one name can hold another)
    for s, site in sorted(sites, key=lambda h: (h[0], -len(h[1]))):
        if s < last:
            continue
        e = last = s + len(site)
        before = masked[max(0, s - 2):s]
        after = masked[e:e + 3]
        mention_after = _MENTION_AFTER if site.endswith(("网", "網")) else _MENTION_AFTER_ANY
        if (before.endswith(_MENTION_BEFORE) or after.startswith(mention_after)) and \
                not _splits_a_word(masked, s, e):
            continue  # (经老秘网济: 经济 split, not a mention)
        # a watermark sits in running text: next to Han or digits on at least one side (a site may land after a
        # mark, ``工作，公文搜取得``, or before one)
        if not ((s > 0 and _HAN_OR_DIGIT.match(masked[s - 1]))
                or (e < len(masked) and _HAN_OR_DIGIT.match(masked[e]))):
            continue
        listed.append((s, e))
        yield Finding(s, e, f"句中插入了网站水印“{site}”", Fix.replace(s, e, "", "删除水印", "unsafe"))
    for p, suffix in suffixes:
        if any(s <= p < e for s, e in listed) or masked.startswith(_MENTION_AFTER, p + len(suffix)):
            continue  # (网络, 网站, 网上: the word, read before the dictionary is loaded)
        span = _site_shaped(masked, p, suffix)
        if span is None:
            continue
        s, e = span
        if masked[max(0, s - 2):s].endswith(_MENTION_BEFORE) or masked[e:e + 3].startswith(_MENTION_AFTER):
            continue
        listed.append((s, e))
        name = doc.text[s:e]
        yield Finding(s, e, f"“{name}”像是插入句中的网站水印（删去后“{doc.text[s - 1]}{doc.text[e]}”连成一词）",
                      Fix.replace(s, e, "", "删除水印", "unsafe"), severity="info")
    for p, trade in trades:
        if any(s <= p < e for s, e in listed):
            continue
        shaped = _trade_name(masked, p, trade)
        if shaped is None:
            continue
        s, e, split = shaped
        if any(a < e and s < b for a, b in listed) or \
                (masked[max(0, s - 2):s].endswith(_MENTION_BEFORE) and not split):
            continue
        listed.append((s, e))
        name = doc.text[s:e]
        if split:
            yield Finding(s, e, f"“{name}”像是插入句中的网站水印（删去后“{doc.text[s - 1]}{doc.text[e]}”连成一词）",
                          Fix.replace(s, e, "", "删除水印", "unsafe"), severity="info")
        else:
            yield Finding(s, e, f"“{name}”像是插入句中的网站名（水印），请核对", severity="info")
    text = doc.text
    for q, _ in domains:
        start = _DOMAIN_START.match(text, 0, q)
        if start is None or start.start() == q:
            continue
        m = _DOMAIN.match(text, start.start())
        if m is None or any(a < m.end() and m.start() < b for a, b in listed):
            continue
        s, e = m.span()
        if not (s > 0 and _HAN_CHAR.match(text, s - 1) and e < len(text) and _HAN_CHAR.match(text, e)):
            continue  # an address of its own, or after a colon or a bracket
        before = text[max(0, s - 2):s]
        if (before.endswith(_MENTION_BEFORE + _DOMAIN_MENTION_BEFORE)
                or (before.endswith(_COPULAS) and _ADDRESS_WORD.search(text, max(0, s - 6), s))
                or text[e:e + 3].startswith(_DOMAIN_MENTION_AFTER)) and not _splits_a_word(text, s, e):
            continue  # 登录www.gov.cn查询, 中国政府网www.gov.cn发布 (but 经mywk.com营 splits 经营)
        listed.append((s, e))
        yield Finding(s, e, f"句中插入了网址“{shorten(text[s:e], 30)}”，像是网站水印",
                      Fix.replace(s, e, "", "删除网址", "unsafe"), severity="info")


# ------------------------------------------------------------------------------------------------- RES005
_INVISIBLE = dict(_DATA["invisible"]["chars"])
_INVISIBLE_RE = lazy_compile("[" + "".join(_INVISIBLE) + "]+")
_JOINER_CONTEXT = lazy_compile(r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Emoji_Component}"
                                r"\p{Arabic}\p{Syriac}\p{Devanagari}\p{Bengali}\p{Gurmukhi}\p{Gujarati}"
                                r"\p{Oriya}\p{Tamil}\p{Telugu}\p{Kannada}\p{Malayalam}\p{Sinhala}\p{Mongolian}"
                                r"\p{Hebrew}\uFE0F]")


@rule("RES005", "invisible-character", severity="warning", fix="safe", phase=0, masks=True,
      on=Trigger(chars="".join(_INVISIBLE), view="text", pattern=_INVISIBLE_RE))
def invisible_character(doc: Document, runs) -> Iterator[Finding]:
    """文稿中有看不见的字符（零宽空格、文中的 BOM、软连字符、双向控制符等）。

    为什么：这些字符不显示，却会让查找替换、字数统计和比对出错，双向控制符还会让文字显示顺序与实际不同；
    它们多是从网页或即时通信软件复制带来的。
    错误示例：妇联\u200b工作总结（中间夹着零宽空格 U+200B）；段落中间的 U+FEFF。
    正确写法：妇联工作总结
    依据：文本规范化。
    修复：安全修复：删除这些字符。表情符号组合（👨‍👩‍👧）和阿拉伯文、印度诸文字中作为连字控制的
    U+200C/U+200D 不报告。
    """
    text = doc.text
    n = len(text)
    for m in runs:
        s, e = m.span()
        if doc.is_masked(s, e):
            continue
        chars = m.group()
        if set(chars) <= {"\u200c", "\u200d"}:
            prev = text[s - 1] if s > 0 else ""
            nxt = text[e] if e < n else ""
            if (prev and _JOINER_CONTEXT.match(prev)) or (nxt and _JOINER_CONTEXT.match(nxt)):
                continue
        names = "、".join(dict.fromkeys(_INVISIBLE[c] for c in chars))
        yield Finding(s, e, f"看不见的字符：{names}", Fix.replace(s, e, "", "删除看不见的字符"))
