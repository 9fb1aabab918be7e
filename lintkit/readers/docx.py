"""Word (.docx) reader: the text of the main document, read with python-docx (imported only here).

Each paragraph becomes one line of the Document, so positions are paragraph/column. Paragraphs are taken in
reading order from the body, from table cells (nested tables too) and from block-level content controls
(``w:sdt``) and custom XML; a merged cell is read once. A paragraph's text is the text of its runs, also of the
runs inside hyperlinks, tracked insertions and moves (``w:ins``, ``w:moveTo``: the text as it stands with the
changes accepted), inline content controls, smart tags, simple fields (``w:fldSimple``: the field's shown result)
and custom XML. Text that has been deleted with tracking on (``w:del``, ``w:moveFrom``) is not part of the draft
and is not read. A manual line break inside a paragraph (Shift+Enter) becomes a space that is masked, so it never
looks like a stray space to a rule.

Not read: headers, footers, footnotes, endnotes, comments, text boxes and shapes (``w:txbxContent``), and the
field codes of complex fields (their shown results are read). ``--fix`` never rewrites a .docx file.

Size guard: a .docx is a zip archive, and a small file can expand to gigabytes of XML. Before anything is parsed,
the declared uncompressed sizes are checked (:data:`MAX_XML_BYTES` for the XML parts, :data:`MAX_UNCOMPRESSED`
for all parts; Python's zipfile never inflates a member past its declared size), then the elements and paragraphs
in the raw XML are counted (a tree is built only for a document within the caps), and the length of the text read
is capped. Over a cap the file is refused with a :class:`ReadError`
naming the cap (LNT001, exit 2); the other files are still checked.
"""

from __future__ import annotations

import io
import re
import zipfile

from ..document import Document
from . import ReadError

_BREAK = re.compile("\v")

MAX_XML_BYTES = 32 * 1024 * 1024  # all XML parts together, uncompressed (a 500-page report has ~10 MB)
MAX_UNCOMPRESSED = 256 * 1024 * 1024  # every part (images included), uncompressed
MAX_PARTS = 5000
MAX_PARAGRAPHS = 200_000
MAX_ELEMENTS = 2_000_000  # XML elements in all parts (a 300-page report has about half a million)
MAX_CHARS = 8_000_000  # characters of text read from one .docx

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _R = _W + "p", _W + "tbl", _W + "tr", _W + "tc", _W + "r"
_SDT, _SDT_CONTENT, _CUSTOM_XML = _W + "sdt", _W + "sdtContent", _W + "customXml"
# containers whose runs are part of the paragraph's current text
_INLINE_CONTAINERS = frozenset(_W + t for t in ("hyperlink", "ins", "moveTo", "smartTag", "fldSimple", "customXml",
                                                "dir", "bdo"))
# containers whose content is a row, a cell or a block (content controls and custom XML around rows or cells)
_WRAPPERS = frozenset((_CUSTOM_XML, _W + "ins", _W + "moveTo"))
_TEXT_TAGS = frozenset(_W + t for t in ("br", "cr", "noBreakHyphen", "ptab", "t", "tab"))


def run_text(r) -> str:
    """The text python-docx gives a run (``CT_R.text``): ``w:t`` text, tabs, breaks, non-breaking hyphens."""
    return "".join(str(c) for c in r if c.tag in _TEXT_TAGS)


def paragraph_runs(p) -> list:
    """The runs whose text makes up the paragraph's text, in document order (see the module docstring for the
    containers that are entered and those that are not)."""
    out: list = []

    def walk(el) -> None:
        for child in el:
            tag = child.tag
            if tag == _R:
                out.append(child)
            elif tag in _INLINE_CONTAINERS:
                walk(child)
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    walk(content)

    walk(p)
    return out


def paragraph_text(p) -> str:
    return "".join(run_text(r) for r in paragraph_runs(p))


def _children(el, wanted: str):
    """The ``wanted`` children of ``el``, also those wrapped in content controls or custom XML."""
    for child in el:
        tag = child.tag
        if tag == wanted:
            yield child
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, wanted)
        elif tag in _WRAPPERS:
            yield from _children(child, wanted)


def _vmerge_continuation(tc) -> bool:
    """A cell that continues a vertical merge: Word shows the cell above in its place."""
    pr = tc.find(_W + "tcPr")
    if pr is None:
        return False
    vm = pr.find(_W + "vMerge")
    return vm is not None and vm.get(_W + "val", "continue") == "continue"


def paragraph_elements(document) -> list:
    """The ``w:p`` elements in reading order: body paragraphs, table cells' paragraphs (nested tables too), and
    the paragraphs in block-level content controls; every merged cell once. ``lintkit review`` uses the same
    order to map lines back to paragraphs, so both must come from here."""
    out: list = []

    def walk(container) -> None:
        for child in container:
            tag = child.tag
            if tag == _P:
                out.append(child)
                if len(out) > MAX_PARAGRAPHS:
                    raise ReadError(f"段落太多（超过 {MAX_PARAGRAPHS:,} 段），不予检查")
            elif tag == _TBL:
                for tr in _children(child, _TR):
                    for tc in _children(tr, _TC):
                        if not _vmerge_continuation(tc):
                            walk(tc)
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    walk(content)
            elif tag in _WRAPPERS:
                walk(child)

    walk(document.element.body)
    return out


def check_package(data: bytes) -> None:
    """Refuse (ReadError) a package whose parts would expand beyond the caps, before anything is inflated."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise ReadError(f"不是可读取的 .docx 文件（{type(exc).__name__}: {exc}）") from None
    if len(infos) > MAX_PARTS:
        raise ReadError(f"不予检查：压缩包内有 {len(infos):,} 个部件（上限 {MAX_PARTS:,}）")
    mib = 1024 * 1024
    xml = sum(i.file_size for i in infos if i.filename.lower().endswith((".xml", ".rels")))
    if xml > MAX_XML_BYTES:
        raise ReadError(f"不予检查：解压后的 XML 共 {xml / mib:.0f} MiB（上限 {MAX_XML_BYTES // mib} MiB），"
                        f"可能是压缩炸弹")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise ReadError(f"不予检查：解压后共 {total / mib:.0f} MiB（上限 {MAX_UNCOMPRESSED // mib} MiB），"
                        f"可能是压缩炸弹")
    # the XML itself, before python-docx builds a tree of it (a few hundred bytes per element: millions of tiny
    # elements in a few MB of XML exhaust memory): count elements and paragraphs in the raw bytes
    elements = paragraphs = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for i in infos:
                if i.filename.lower().endswith(".xml"):
                    raw = z.read(i)
                    elements += raw.count(b"<") - raw.count(b"</") - raw.count(b"<?")
                    paragraphs += raw.count(b"<w:p>") + raw.count(b"<w:p ") + raw.count(b"<w:p/>")
    except Exception as exc:  # a damaged member: python-docx would fail on it too
        raise ReadError(f"不是可读取的 .docx 文件（{type(exc).__name__}: {exc}）") from None
    if elements > MAX_ELEMENTS:
        raise ReadError(f"不予检查：XML 元素太多（{elements:,} 个，上限 {MAX_ELEMENTS:,}）")
    if paragraphs > MAX_PARAGRAPHS:
        raise ReadError(f"段落太多（{paragraphs:,} 段，上限 {MAX_PARAGRAPHS:,}），不予检查")


def load(data: bytes):
    """The python-docx Document of ``data``, after the size guard (ReadError with one line on any failure)."""
    try:
        import docx  # python-docx
    except ImportError:
        raise ReadError("是 .docx 文件，但没有安装 python-docx（pip install 'lintkit[docx]'）") from None
    check_package(data)
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for a broken package
        raise ReadError(f"不是可读取的 .docx 文件（{type(exc).__name__}: {exc}）") from None


def read_docx(data: bytes, path: str) -> Document:
    document = load(data)
    try:
        elements = paragraph_elements(document)
        paragraphs = []
        size = 0
        for p in elements:
            t = paragraph_text(p)
            size += len(t) + 1
            if size > MAX_CHARS:
                raise ReadError(f"不予检查：文字超过 {MAX_CHARS:,} 个字符")
            paragraphs.append(t)
    except ReadError:
        raise
    except Exception as exc:
        raise ReadError(f"不是可读取的 .docx 文件（{type(exc).__name__}: {exc}）") from None
    text = "\n".join(p.replace("\r", " ").replace("\n", "\v") for p in paragraphs)
    masks = [(m.start(), m.end()) for m in _BREAK.finditer(text)] if "\v" in text else []
    return Document(text.replace("\v", " "), path, encoding="utf-8", kind="docx", fixable=False, masks=masks)
