"""Markdown reader: the text is linted as prose with the non-prose parts masked (offsets never move).

The block structure comes from a real CommonMark parser, markdown-it-py (imported only when a Markdown file is
read), whose tokens carry source line maps: fenced and indented code blocks (also inside lists and quotes),
HTML blocks, thematic breaks, setext underlines, GFM table pipes and delimiter rows are masked by the lines the
parser says they occupy, so a fence that is never closed, a 4-space list continuation or an HTML block are
classified exactly as a CommonMark renderer would classify them.

markdown-it-py gives no source positions for inline tokens, so inside each paragraph, heading and table row
(the lines of one ``inline`` token) a small scanner that follows the CommonMark inline rules finds code spans
(backtick runs of equal length, never crossing the block), autolinks, inline HTML and comments, link and image
destinations (``[`` and ``](…)`` / ``][ref]``, only where the parser found a link or image) and backslash
escapes. Front matter (YAML ``---`` or TOML ``+++`` at the very start), reference definitions and the block
markup at the start of a line (``#``, ``>``, list bullets) are masked too, so ``- 项目`` is not a stray space.
"""

from __future__ import annotations

import regex

from ..cache import compile as _compile

from ..document import Document
from . import decode

_FRONT_MATTER = _compile(r"\A(?:---|\+\+\+)[ \t]*(?:\r\n|\r|\n).*?(?:\r\n|\r|\n)(?:---|\+\+\+|\.\.\.)[ \t]*"
                              r"(?:\r\n|\r|\n|\Z)", regex.S)
_NEWLINE = _compile(r"\r\n|\r|\n")
_NOT_NEWLINE = _compile(r"[^\r\n]")
_BLOCK_MARKUP = _compile(r"^[ \t]{0,3}(?:#{1,6}(?=[ \t\r\n]|$)[ \t]*|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)+",
                              regex.M)
_REF_DEF = _compile(r"^[ \t]{0,3}\[[^\]\r\n]+\]:[^\r\n]*", regex.M)
# inline scanner
_SPECIAL = _compile(r"[`<\[\]\\]")
_BACKTICKS = _compile(r"`+")
_AUTOLINK = _compile(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>"
                          r"|<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                          r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>")
_INLINE_HTML = _compile(
    r"<!--.*?-->|<\?.*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[.*?\]\]>"
    r"|</[A-Za-z][A-Za-z0-9-]*\s*>"
    r"|<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*"
    r"\s*/?>", regex.S)
_HTML_TAG = _compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", regex.S)
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_TABLE_PIPE = _compile(r"(?<!\\)\|")
# HTML blocks of CommonMark types 1-5 (script/pre/style/textarea, comments, processing instructions,
# declarations, CDATA) hold no prose; the others (div, p, table, …) hold prose between their tags.
_RAW_HTML_BLOCK = _compile(r"[ \t]{0,3}(?:<(?:script|pre|style|textarea)(?:\s|>|$)|<!--|<\?|<![A-Za-z]|<!\[CDATA\[)",
                                regex.I)

_PARSER = None


def _parser():
    global _PARSER
    if _PARSER is None:
        from markdown_it import MarkdownIt

        _PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return _PARSER


def _parse(text: str, fm: tuple[int, int] | None):
    """Block tokens of ``text``; front matter is blanked out for the parser (its line breaks kept, so the
    parser's line maps stay valid)."""
    if fm:
        text = _NOT_NEWLINE.sub(" ", text[:fm[1]]) + text[fm[1]:]
    return _parser().parse(text)


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _NEWLINE.finditer(text)]


def front_matter(text: str) -> tuple[int, int] | None:
    m = _FRONT_MATTER.match(text)
    return m.span() if m else None


def markdown_masks(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that are not prose (see the module docstring). Linear in the size of the text."""
    spans: list[tuple[int, int]] = []
    fm = front_matter(text)
    if fm:
        spans.append(fm)
    starts = _line_starts(text)
    n_lines = len(starts)

    def line_span(first: int, last: int) -> tuple[int, int]:
        """Offsets from the start of line ``first`` to the end of line ``last - 1`` (line break excluded)."""
        first = min(first, n_lines - 1)
        last = max(first + 1, min(last, n_lines))
        s = starts[first]
        e = starts[last] if last < n_lines else len(text)
        while e > s and text[e - 1] in "\r\n":
            e -= 1
        return s, e

    seen_inline: set[tuple[int, int]] = set()
    for tok in _parse(text, fm):
        if tok.map is None:
            continue
        first, last = tok.map
        if tok.type in ("fence", "code_block", "hr"):
            spans.append(line_span(first, last))
        elif tok.type == "html_block":
            s, e = line_span(first, last)
            if _RAW_HTML_BLOCK.match(text, s):
                spans.append((s, e))
            else:
                spans.extend((s + m.start(), s + m.end()) for m in _HTML_TAG.finditer(text[s:e]))
        elif tok.type == "heading_open" and tok.markup in ("=", "-"):
            spans.append(line_span(last - 1, last))  # setext underline
        elif tok.type == "table_open":
            for i in range(first, last):
                s, e = line_span(i, i + 1)
                if i == first + 1:  # delimiter row |---|:--:|
                    spans.append((s, e))
                else:
                    spans.extend((s + m.start(), s + m.end()) for m in _TABLE_PIPE.finditer(text[s:e]))
        elif tok.type == "inline" and (first, last) not in seen_inline:
            seen_inline.add((first, last))
            s, e = line_span(first, last)
            links = any(c.type in ("link_open", "image") and c.markup != "autolink" for c in tok.children or ())
            spans.extend(_inline_masks(text, s, e, links))
    spans.extend(m.span() for m in _BLOCK_MARKUP.finditer(text))
    spans.extend(m.span() for m in _REF_DEF.finditer(text))
    return spans


def _inline_masks(text: str, start: int, end: int, links: bool) -> list[tuple[int, int]]:
    """Code spans, autolinks, inline HTML, link syntax and escapes in ``text[start:end]`` (one inline block)."""
    out: list[tuple[int, int]] = []
    opens: list[int] = []  # positions of unmatched "[" (or "![")
    i = start
    while True:
        m = _SPECIAL.search(text, i, end)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if ch == "\\":
            if i + 1 < end and text[i + 1] in _ASCII_PUNCT:
                out.append((i, i + 1))
                i += 2
            else:
                i += 1
        elif ch == "`":
            run = _BACKTICKS.match(text, i, end)
            n = run.end() - run.start()
            j = run.end()
            close = None
            while True:
                c = _BACKTICKS.search(text, j, end)
                if c is None:
                    break
                if c.end() - c.start() == n:
                    close = c
                    break
                j = c.end()
            if close is None:
                i = run.end()  # a backtick run without a partner is literal text
            else:
                out.append((i, close.end()))
                i = close.end()
        elif ch == "<":
            h = _AUTOLINK.match(text, i, end) or _INLINE_HTML.match(text, i, end)
            if h is not None:
                out.append(h.span())
                i = h.end()
            else:
                i += 1
        elif ch == "[":
            opens.append(i - 1 if i > start and text[i - 1] == "!" else i)
            i += 1
        else:  # "]"
            tail = _link_tail(text, i + 1, end) if links and opens else None
            if tail is not None:
                o = opens.pop()
                out.append((o, o + (2 if text[o] == "!" else 1)))
                out.append((i, tail))
                i = tail
            else:
                if opens:
                    opens.pop()
                i += 1
    return out


def _link_tail(text: str, i: int, end: int) -> int | None:
    """After a ``]`` at ``i - 1``: the end of ``(destination "title")`` or ``[ref]``, or None."""
    if i >= end:
        return None
    if text[i] == "[":
        close = text.find("]", i + 1, end)
        return close + 1 if close != -1 and "[" not in text[i + 1:close] else None
    if text[i] != "(":
        return None
    depth = 0
    j = i
    quote = None
    while j < end:
        c = text[j]
        if quote:
            if c == quote:
                quote = None
        elif c == "\\":
            j += 1
        elif c in "\"'" and j > i + 1 and text[j - 1] in " \t\r\n":
            quote = c
        elif c == "<" and j == i + 1:
            gt = text.find(">", j, end)
            if gt == -1:
                return None
            j = gt
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return None


def code_spans(doc: Document) -> list[tuple[int, int]]:
    """Spans where a ``<!-- lintkit: … -->`` line is an example, not a directive: front matter, code blocks and
    raw HTML blocks (computed once per document; used by :mod:`lintkit.suppress`)."""
    cached = doc.__dict__.get("_code_spans")
    if cached is None:
        cached = doc.__dict__["_code_spans"] = _code_spans(doc.text)
    return cached


def _code_spans(text: str) -> list[tuple[int, int]]:
    out = []
    fm = front_matter(text)
    if fm:
        out.append(fm)
    starts = _line_starts(text)
    for tok in _parse(text, fm):
        if tok.map is not None and tok.type in ("fence", "code_block"):
            s = starts[tok.map[0]]
            e = starts[tok.map[1]] if tok.map[1] < len(starts) else len(text)
            out.append((s, e))
    return out


def read_markdown(data: bytes, path: str) -> Document:
    text, encoding, bom = decode(data)
    from . import round_trips

    return Document(text, path, encoding=encoding, bom=bom, kind="md", masks=markdown_masks(text),
                    fixable=round_trips(data, text, encoding, bom))
