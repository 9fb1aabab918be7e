"""Markdown reader: the text is linted as prose with the non-prose parts masked (offsets never move).

Masked: YAML/TOML front matter, fenced and indented code blocks, code spans, HTML comments and tags, link and
image targets (``](…)`` and reference definitions), autolinks, and the block markup at the start of a line
(``#`` headings, ``>`` quotes, list bullets) so that ``- 项目`` is not a stray space.
"""

from __future__ import annotations

import regex

from ..document import Document
from . import decode

_FRONT_MATTER = regex.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?\r?\n(?:---|\+\+\+)[ \t]*(?:\r?\n|\Z)", regex.S)
_FENCE = regex.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\r\n]*\r?\n.*?(?:^[ \t]{0,3}\1[ \t]*(?:\r?\n|\Z)|\Z)",
                       regex.S | regex.M)
_CODE_SPAN = regex.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", regex.S)
_LINK_TARGET = regex.compile(r"\]\([^)\r\n]*\)|^[ \t]{0,3}\[[^\]\r\n]+\]:[^\r\n]*", regex.M)
_AUTOLINK = regex.compile(r"<(?:https?|ftp|mailto):[^>\s]*>")
_HTML_TAG = regex.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_BLOCK_MARKUP = regex.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)+", regex.M)
_INDENTED_CODE = regex.compile(r"(?:^(?:    |\t)[^\r\n]*(?:\r?\n|\Z))+", regex.M)


def markdown_masks(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    m = _FRONT_MATTER.match(text)
    if m:
        spans.append(m.span())
    for pattern in (_FENCE, _CODE_SPAN, _LINK_TARGET, _AUTOLINK, _HTML_TAG, _BLOCK_MARKUP):
        spans.extend(x.span() for x in pattern.finditer(text))
    # Indented code only after a blank line (a paragraph continuation indented by 4 is not code); CJK drafts
    # often indent paragraphs with U+3000, which is not matched here.
    for x in _INDENTED_CODE.finditer(text):
        before = text[:x.start()]
        if x.start() == 0 or before.endswith(("\n\n", "\r\n\r\n", "\r\r")):
            spans.append(x.span())
    return spans


def read_markdown(data: bytes, path: str) -> Document:
    text, encoding, bom = decode(data)
    return Document(text, path, encoding=encoding, bom=bom, kind="md", masks=markdown_masks(text))
