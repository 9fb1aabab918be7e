"""Word (.docx) reader: paragraphs and table cells, read with python-docx (imported only here).

Each paragraph (body paragraphs and each table cell's paragraphs, in document order; nested tables too) becomes
one line of the Document, so positions are paragraph/column. A merged cell is read once, however many rows or
columns it spans (python-docx repeats it for each grid position it covers). A manual line break inside a
paragraph (Shift+Enter) becomes a space that is masked, so it never looks like a stray space to a rule.
Headers, footers, footnotes, comments and text boxes are not read. ``--fix`` never rewrites a .docx file.
"""

from __future__ import annotations

import io
import re

from ..document import Document
from . import ReadError

_BREAK = re.compile("\v")


def paragraphs(document) -> list:
    """The python-docx ``Paragraph`` objects in reading order: body paragraphs and each table cell's paragraphs
    (nested tables too), every merged cell once. ``lintkit review`` uses the same order to map lines back to
    paragraphs, so both must come from here."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out: list = []

    def walk(container) -> None:
        for block in container.iter_inner_content():
            if isinstance(block, Paragraph):
                out.append(block)
            elif isinstance(block, Table):
                # merged cells repeat, across columns and (vertically merged) across rows; the set holds the
                # elements themselves (not their ids, which lxml may reuse once a proxy is freed)
                seen: set = set()
                for row in block.rows:
                    for cell in row.cells:
                        if cell._tc in seen:
                            continue
                        seen.add(cell._tc)
                        walk(cell)

    walk(document)
    return out


def _iter_paragraph_texts(document) -> list[str]:
    return [p.text for p in paragraphs(document)]


def read_docx(data: bytes, path: str) -> Document:
    try:
        import docx  # python-docx
    except ImportError:
        raise ReadError("是 .docx 文件，但没有安装 python-docx（pip install 'lintkit[docx]'）") from None
    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = _iter_paragraph_texts(document)
    except Exception as exc:  # python-docx raises many kinds for a broken package
        raise ReadError(f"不是可读取的 .docx 文件（{type(exc).__name__}: {exc}）") from None
    text = "\n".join(p.replace("\r", " ").replace("\n", "\v") for p in paragraphs)
    masks = [(m.start(), m.end()) for m in _BREAK.finditer(text)] if "\v" in text else []
    return Document(text.replace("\v", " "), path, encoding="utf-8", kind="docx", fixable=False, masks=masks)
