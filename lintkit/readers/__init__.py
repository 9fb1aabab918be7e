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

    UTF-8 (with or without BOM), UTF-16/UTF-32 with BOM, UTF-16 without BOM (recognised by its NUL bytes), and
    GB18030 (a superset of GBK and GB2312) when the bytes are not valid UTF-8 — or Big5 when the bytes are
    clearly Big5 rather than GBK. Raises :class:`ReadError` for binary data and undecodable bytes.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), enc, bom
            except UnicodeDecodeError as exc:
                raise ReadError(f"以 {enc.upper()} 字节顺序标记（BOM）开头，但内容不是有效的 {enc.upper()} "
                                f"（第 {exc.start + len(bom)} 字节）") from None
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise ReadError("看起来是二进制文件（含有 NUL 字节）")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
            encoding = "gb18030"
        except UnicodeDecodeError:
            text = None
        big5 = _big5_if_better(data, text)
        if big5 is not None:
            text, encoding = big5, "big5"
        if text is None:
            raise ReadError(f"既不是 UTF-8 也不是 GB18030/GBK 编码（第 {utf8_error.start} 字节 "
                            f"0x{data[utf8_error.start]:02x} 无效）") from None
    # Binary data that happens to decode: too many control characters.
    sample = data[:65536]
    if sample:
        controls = len(sample) - len(sample.translate(None, _BINARY_CONTROLS))
        if controls > max(8, len(sample) // 100):
            raise ReadError("看起来是二进制文件，不是文稿")
    return text, encoding, b""


def _plausible(text: str) -> float:
    """Share of characters that are Han, printable ASCII or ordinary white space (over a sample)."""
    sample = text[:4096]
    if not sample:
        return 0.0
    good = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff" or " " <= c <= "~" or c in "\r\n\t\u3000"
               or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef")
    return good / len(sample)


def _utf16_without_bom(data: bytes) -> tuple[str, str, bytes] | None:
    """UTF-16 text saved without a byte-order mark: its line breaks and ASCII characters contain NUL bytes."""
    if len(data) % 2:
        return None
    best = None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            continue
        score = _plausible(text)
        if score >= 0.9 and (best is None or score > best[0]):
            best = (score, text, enc)
    return (best[1], best[2], b"") if best else None


def _common_share(text: str, codec: str, lead_lo: int, lead_hi: int) -> float:
    """Share of the Han characters of ``text`` (a sample) that are common characters of ``codec``: their
    double-byte code has a lead byte in [lead_lo, lead_hi] (GB2312 level 1: 0xB0–0xD7; Big5 frequent
    characters: 0xA4–0xC6)."""
    han = [c for c in text[:8192] if "\u4e00" <= c <= "\u9fff"]
    if not han:
        return 0.0
    common = 0
    for c in han:
        try:
            b = c.encode(codec)
        except UnicodeEncodeError:
            continue
        if len(b) == 2 and lead_lo <= b[0] <= lead_hi:
            common += 1
    return common / len(han)


def _big5_if_better(data: bytes, gb_text: str | None) -> str | None:
    """Big5 (traditional Chinese, Taiwan/Hong Kong) text also decodes as GB18030 — into nonsense made of rare
    characters and kana. Prefer Big5 when it decodes cleanly and its characters are clearly more common."""
    try:
        big5 = data.decode("big5")
    except UnicodeDecodeError:
        return None
    if gb_text is None:
        return big5 if _plausible(big5) >= 0.9 else None
    if sum(1 for c in big5[:8192] if "\u4e00" <= c <= "\u9fff") < 10:
        return None
    gb_score = _common_share(gb_text, "gb2312", 0xB0, 0xD7)
    big5_score = _common_share(big5, "big5", 0xA4, 0xC6)
    return big5 if big5_score - gb_score > 0.3 else None


def encode(text: str, encoding: str, bom: bytes) -> bytes:
    """Inverse of :func:`decode`: the same codec and the same BOM."""
    return bom + text.encode(encoding)


def round_trips(data: bytes, text: str, encoding: str, bom: bytes) -> bool:
    """True when writing ``text`` back gives exactly ``data`` (so a fix changes nothing outside its edits).
    Not so for a few Big5 codes that several byte sequences decode to, for instance."""
    if encoding.startswith("utf"):
        return True
    try:
        return encode(text, encoding, bom) == data
    except UnicodeEncodeError:
        return False


def read_text(data: bytes, path: str) -> Document:
    text, encoding, bom = decode(data)
    return Document(text, path, encoding=encoding, bom=bom, kind="txt",
                    fixable=round_trips(data, text, encoding, bom))


def read_markdown(data: bytes, path: str) -> Document:
    from .md import read_markdown as read  # imported on the first Markdown file (markdown-it-py is not cheap)

    return read(data, path)


def read_docx(data: bytes, path: str) -> Document:
    from .docx import read_docx as read  # imported on the first Word file

    return read(data, path)


def builtin_readers() -> dict[str, Reader]:
    return {".txt": read_text, ".md": read_markdown, ".markdown": read_markdown, ".docx": read_docx}
