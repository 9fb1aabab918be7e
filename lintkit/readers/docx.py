"""Word (.docx) reader: paragraphs and table cells, read with python-docx (imported only here).

Each paragraph (body paragraphs first, then each table cell's paragraphs, in document order) becomes one line
of the Document, so positions are paragraph/column. ``--fix`` never rewrites a .docx file.
"""

from __future__ import annotations

import io

from ..document import Document
from . import ReadError


def _iter_paragraph_texts(document) -> list[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out: list[str] = []

    def walk(container) -> None:
        for block in container.iter_inner_content():
            if isinstance(block, Paragraph):
                out.append(block.text)
            elif isinstance(block, Table):
                for row in block.rows:
                    seen = set()
                    for cell in row.cells:
                        if id(cell._tc) in seen:  # merged cells repeat
                            continue
                        seen.add(id(cell._tc))
                        walk(cell)

    walk(document)
    return out


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
    text = "\n".join(p.replace("\r", " ").replace("\n", " ") for p in paragraphs)
    return Document(text, path, encoding="utf-8", kind="docx", fixable=False)
