"""Readers turn bytes into a :class:`~lintkit.document.Document`.

A reader is chosen by file suffix (``.txt``, ``.md``/``.markdown``, ``.docx``); plugins may add readers through
the ``lintkit_register_readers`` hook. Every failure is a :class:`ReadError` with a one-line message; the engine
turns it into an ``LNT001`` diagnostic, so one bad file never stops the others.
"""

from __future__ import annotations

import codecs
from typing import Callable

from ..document import Document

Reader = Callable[[bytes, str], Document]


class ReadError(Exception):
    """A file that cannot be read or decoded. The message is one line, in the user's terms."""


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that never occur in a text draft (tab, LF, CR, FF and ESC aside).
_BINARY_CONTROLS = bytes(c for c in range(32) if c not in (9, 10, 12, 13, 27))


def decode(data: bytes) -> tuple[str, str, bytes]:
    """Decode the bytes of a text file: ``(text, encoding, bom)``.

    UTF-8 (with or without BOM), UTF-16/UTF-32 with BOM, and GB18030 (a superset of GBK and GB2312) when the
    bytes are not valid UTF-8. Raises :class:`ReadError` for binary data and undecodable bytes.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), enc, bom
            except UnicodeDecodeError as exc:
                raise ReadError(f"以 {enc.upper()} 字节顺序标记（BOM）开头，但内容不是有效的 {enc.upper()} "
                                f"（第 {exc.start + len(bom)} 字节）") from None
    if b"\x00" in data:
        raise ReadError("看起来是二进制文件（含有 NUL 字节）；UTF-16 文本需要字节顺序标记（BOM）")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
            encoding = "gb18030"
        except UnicodeDecodeError:
            raise ReadError(f"既不是 UTF-8 也不是 GB18030/GBK 编码（第 {utf8_error.start} 字节 "
                            f"0x{data[utf8_error.start]:02x} 无效）") from None
    # Binary data that happens to decode: too many control characters.
    sample = data[:65536]
    if sample:
        controls = sum(sample.count(bytes([c])) for c in _BINARY_CONTROLS)
        if controls > max(8, len(sample) // 100):
            raise ReadError("看起来是二进制文件，不是文稿")
    return text, encoding, b""


def encode(text: str, encoding: str, bom: bytes) -> bytes:
    """Inverse of :func:`decode`: the same codec and the same BOM."""
    return bom + text.encode(encoding)


def read_text(data: bytes, path: str) -> Document:
    text, encoding, bom = decode(data)
    return Document(text, path, encoding=encoding, bom=bom, kind="txt")


def builtin_readers() -> dict[str, Reader]:
    from . import docx, md

    return {".txt": read_text, ".md": md.read_markdown, ".markdown": md.read_markdown, ".docx": docx.read_docx}
