"""Document: the decoded text of one file plus lazily computed, cached views.

Rules read views; they never re-split the text themselves. Every view is computed at most once per document
(and recomputed only when residue rules add masks, see :meth:`Document.add_masks`).

The text is kept exactly as decoded: line breaks stay ``\\r\\n``, ``\\r`` or ``\\n`` as in the file, so offsets
map 1:1 onto the file and a fix can be written back without touching anything outside its edits.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections import Counter
from itertools import chain
from operator import methodcaller
from typing import Any, Callable, Iterable, Sequence

import regex

from .cache import compile as _compile
from .cache import compile_re as _compile_re

#: The character that replaces masked text in :attr:`Document.masked`. It is neither a space, a letter, a
#: CJK character nor punctuation, so no rule sees masked text as prose, and masking never creates the stray
#: spaces that replacing with blanks would (``见`code`文件`` must not look like ``见    文件``).
MASK = "\ufffc"

NEWLINE_RE = _compile(r"\r\n|\r|\n")
# URLs and e-mail addresses are masked in every document.
URL_RE = _compile(
    r"(?:(?:https?|ftp)://|www\.)[^\s<>\"'“”‘’（）()《》【】，。；！？、]+"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"
)
HTML_COMMENT_RE = _compile(r"<!--.*?-->", regex.S)
HAN_RUN_RE = _compile(r"\p{Han}+")
# Sentence ends: fullwidth marks always; halfwidth ones in documents written in halfwidth punctuation.
# A sentence is a run without ends or line breaks, with the ends and closing marks after it, or such ends alone;
# never empty. (The standard library's engine: 3× faster than ``regex`` here, and no ``regex`` feature is needed.)
SENTENCE_FULL_RE = _compile_re(r"[^。！？；\r\n]+(?:[。！？；]+[”’」』）)]*)?|[。！？；]+[”’」』）)]*")
SENTENCE_HALF_RE = _compile_re(r"[^。！？；!?;\r\n]+(?:[。！？；!?;]+[”’」』）)\"']*)?|[。！？；!?;]+[”’」』）)\"']*")

# Paired quotations and titles within one line: “…” ‘…’ 《…》 「…」 『…』 〈…〉, and halfwidth "…" in Chinese text.
QUOTED_RE = _compile(
    r"“[^“”\r\n]*”|‘[^‘’\r\n]*’|《[^《》\r\n]*》|「[^「」\r\n]*」|『[^『』\r\n]*』|〈[^〈〉\r\n]*〉"
    r'|(?<=\p{Han}|^)"[^"\r\n]{1,120}"(?=\p{Han}|[，。、；：！？,.;:!?]|$)',
    regex.M,
)
# the mark first: a pattern that opens with a lookbehind is tried at every position
_HALF_PUNCT_IN_CJK = _compile(r"[,;:!?](?<=\p{Han}.)(?=[\p{Han}\d“‘])")


class Spans(Sequence):
    """A read-only sequence of ``(start, end)`` pairs in ascending order, kept as two integer arrays (8 bytes a
    pair instead of a tuple and two int objects). It iterates, indexes (negative indices and slices included; a
    slice is a list) and compares equal to a list of the same pairs, so a view that was a list of tuples can
    become one without its readers noticing."""

    __slots__ = ("starts", "ends")

    def __init__(self, starts: Any = (), ends: Any = ()) -> None:
        self.starts = starts if isinstance(starts, array) else array("q", starts)
        self.ends = ends if isinstance(ends, array) else array("q", ends)
        if len(self.starts) != len(self.ends):
            raise ValueError("as many ends as starts")

    @classmethod
    def of(cls, matches: Iterable[Any], limit: int) -> "Spans":
        """The spans of an iterable of match objects (no tuple per match is kept); ``limit``: no offset is
        larger (the length of the text)."""
        flat = array("i" if limit < 2 ** 31 else "q")  # 4 bytes an offset below 2**31
        flat.extend(chain.from_iterable(map(_span, matches)))
        return cls(flat[0::2], flat[1::2])

    def __len__(self) -> int:
        return len(self.starts)

    def __iter__(self):  # type: ignore[override]
        return zip(self.starts, self.ends)

    def __getitem__(self, i):  # type: ignore[override]
        if type(i) is int:
            return (self.starts[i], self.ends[i])
        if isinstance(i, slice):
            return list(zip(self.starts[i], self.ends[i]))
        return (self.starts[i], self.ends[i])  # an index-like object (IndexError/TypeError as a list gives)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Spans):
            return self.starts == other.starts and self.ends == other.ends
        if isinstance(other, (list, tuple)):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Spans({list(self)!r})"


_span = methodcaller("span")


class _view:
    """A view computed on first access and stored in the instance's ``__dict__`` (later reads are plain attribute
    reads, which matters: rules read ``doc.masked`` tens of thousands of times per megabyte). Like
    ``functools.cached_property`` without its lock."""

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, obj: Any, cls: Any = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


#: views that do not depend on masks (kept when masks are added)
_MASK_FREE_VIEWS = frozenset({"line_starts", "lines", "newline"})
_VIEWS = frozenset({"line_starts", "lines", "newline", "masks", "masked", "paragraphs", "sentences", "quoted",
                    "han_runs", "halfwidth_style", "logical_paragraphs", "soft_breaks"})


class ViewSpec:
    """A named view registered by a rule pack: ``func(doc)`` computes it; its docstring documents it."""

    __slots__ = ("name", "func", "plugin")

    def __init__(self, name: str, func: Callable[["Document"], Any], plugin: str = "") -> None:
        self.name = name
        self.func = func
        self.plugin = plugin

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "").strip()


#: the views registered by the loaded rule packs (name -> spec), see :func:`register_views`
_REGISTERED_VIEWS: dict[str, ViewSpec] = {}


def register_views(specs: Iterable[ViewSpec]) -> None:
    """Make ``specs`` readable as ``doc.NAME`` on every Document. A name that another plugin registered already,
    or that a built-in view or attribute of Document uses, raises ValueError."""
    for spec in specs:
        if spec.name.startswith("_") or hasattr(Document, spec.name):
            raise ValueError(f"view name {spec.name!r} is taken by the Document itself")
        other = _REGISTERED_VIEWS.get(spec.name)
        if other is not None and other.func is not spec.func:
            raise ValueError(f"view {spec.name!r} is registered twice "
                             f"(by {other.plugin or 'a plugin'} and {spec.plugin or 'a plugin'})")
        _REGISTERED_VIEWS[spec.name] = spec


def registered_views() -> dict[str, ViewSpec]:
    """The registered views by name."""
    return dict(_REGISTERED_VIEWS)


class Document:
    """Decoded text of one file with cached views.

    Attributes set by readers: ``path`` (as given by the user, ``/`` separators), ``encoding`` (codec name used
    to decode, e.g. ``utf-8``, ``gb18030``, ``utf-16-le``), ``bom`` (the BOM bytes or ``b""``), ``newline``
    (dominant line-break style), ``kind`` (``txt``, ``md``, ``docx``).
    """

    def __init__(self, text: str, path: str = "-", *, encoding: str = "utf-8", bom: bytes = b"",
                 kind: str = "txt", masks: Iterable[tuple[int, int]] = (), fixable: bool = True) -> None:
        self.text = text
        self.path = path
        self.encoding = encoding
        self.bom = bom
        self.kind = kind
        self.fixable = fixable
        self._base_masks: list[tuple[int, int]] = list(masks)
        self._extra_masks: list[tuple[int, int]] = []

    # ------------------------------------------------------------------ views registered by rule packs
    def __getattr__(self, name: str) -> Any:
        """A view registered by a rule pack (:func:`lintkit.view`), computed on first access and then stored as a
        plain attribute of this document."""
        spec = _REGISTERED_VIEWS.get(name)
        if spec is None:
            raise AttributeError(f"{type(self).__name__!r} has no attribute or view {name!r}")
        value = self.__dict__[name] = spec.func(self)
        return value

    # ------------------------------------------------------------------ lines and positions
    @_view
    def line_starts(self) -> list[int]:
        """Offsets at which each line starts (line 1 starts at 0)."""
        return [s for s, _ in self.lines]

    @_view
    def lines(self) -> list[tuple[int, int]]:
        """``(start, end)`` of every line, the line break excluded."""
        text = self.text
        out = []
        if "\r" not in text:  # LF only (the usual case): one split, no regex
            pos = 0
            for part in text.split("\n"):
                end = pos + len(part)
                out.append((pos, end))
                pos = end + 1
            return out
        prev = 0
        for m in NEWLINE_RE.finditer(text):
            out.append((prev, m.start()))
            prev = m.end()
        out.append((prev, len(text)))
        return out

    @_view
    def newline(self) -> str:
        """The dominant line-break style of the file (``\\n`` when it has none)."""
        counts = Counter(m.group() for m in NEWLINE_RE.finditer(self.text))
        return counts.most_common(1)[0][0] if counts else "\n"

    def line_index(self, offset: int) -> int:
        """0-based index of the line containing ``offset``."""
        return bisect_right(self.line_starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset; columns count code points."""
        if offset < 0 or offset > len(self.text):
            raise ValueError(f"offset {offset} outside the document (length {len(self.text)})")
        idx = self.line_index(offset)
        start, end = self.lines[idx]
        if offset > end:  # inside a line break: report the end of that line
            offset = end
        return idx + 1, offset - start + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of :meth:`position`."""
        if line < 1 or line > len(self.lines):
            raise ValueError(f"line {line} outside the document")
        start, end = self.lines[line - 1]
        off = start + column - 1
        if off < start or off > end:
            raise ValueError(f"column {column} outside line {line}")
        return off

    def line_bounds(self, offset: int) -> tuple[int, int]:
        """``(start, end)`` of the line containing ``offset``, its line break excluded."""
        return self.lines[self.line_index(offset)]

    def line_text(self, index: int) -> str:
        start, end = self.lines[index]
        return self.text[start:end]

    # ------------------------------------------------------------------ masking
    @_view
    def masks(self) -> list[tuple[int, int]]:
        """All masked spans, sorted and merged: reader masks (Markdown code, front matter, comments), URLs,
        e-mail addresses, HTML comments, and spans masked by residue rules."""
        spans = list(self._base_masks)
        text = self.text
        # every URL or address contains one of these literals: skip the scan (it tries at every ASCII letter or
        # digit, the costliest view of a draft without links) when none is there
        if "://" in text or "www." in text or "@" in text:
            spans.extend(m.span() for m in URL_RE.finditer(text))
        if "<!--" in self.text:
            spans.extend(m.span() for m in HTML_COMMENT_RE.finditer(self.text))
        spans.extend(self._extra_masks)
        return merge_spans(spans)

    @_view
    def masked(self) -> str:
        """The text with every masked span replaced by :data:`MASK` (line breaks kept), same length."""
        spans = self.masks
        if not spans:
            return self.text
        text = self.text
        parts = []
        prev = 0
        for s, e in spans:
            parts.append(text[prev:s])
            chunk = text[s:e]
            parts.append(_MASK_NON_NL.sub(MASK, chunk))
            prev = e
        parts.append(text[prev:])
        return "".join(parts)

    def is_masked(self, start: int, end: int | None = None) -> bool:
        """True when any part of ``[start, end)`` is masked."""
        end = start + 1 if end is None else end
        spans = self.masks
        i = bisect_right(spans, (start, len(self.text) + 1)) - 1
        for s, e in spans[max(i, 0): i + 2]:
            if s < end and start < e:
                return True
        return False

    def add_masks(self, spans: Iterable[tuple[int, int]]) -> None:
        """Mask more spans (used by the engine after residue rules ran); drops the views derived from masks."""
        new = [(s, e) for s, e in spans if e > s]
        if not new:
            return
        self._extra_masks.extend(new)
        d = self.__dict__
        for name in _VIEWS - _MASK_FREE_VIEWS:
            d.pop(name, None)
        for name in _REGISTERED_VIEWS:
            d.pop(name, None)

    def release_views(self) -> None:
        """Forget every cached view and memo except the line tables (they are computed again if asked for).
        The engine calls this when the rules are done, so the copies of a large text are not held while its
        diagnostics are built."""
        d = self.__dict__
        for name in _VIEWS - _MASK_FREE_VIEWS:
            d.pop(name, None)
        for name in _REGISTERED_VIEWS:
            d.pop(name, None)

    # ------------------------------------------------------------------ text views over masked text
    @_view
    def paragraphs(self) -> list[tuple[int, int]]:
        """Non-blank lines, ``(start, end)``. A paragraph of a .txt draft is one line."""
        masked = self.masked
        return [(s, e) for s, e in self.lines if masked[s:e].strip(" \t\u3000" + MASK)]

    @_view
    def logical_paragraphs(self) -> list[tuple[int, int]]:
        """Paragraphs as written, with hard-wrapped lines rejoined: ``(start, end)`` from the first line's start to
        the last line's end (the line breaks between them included). Text pasted from a PDF or a web page breaks
        lines inside sentences and words (``根据《`` / ``著作权法`` / ``》第五条``; ``基础制`` / ``度``); a rule that
        reasons about paragraphs (paired marks, final marks, headings) reads these. A line is joined to the next
        non-blank line that follows it directly when

        - it ends with an opening mark (“‘《（【〔「『〈), a comma or an enumeration comma (，、), or a word that
          cannot end a paragraph (的 和 与 及 或), or the next line starts with a mark that cannot start one
          (，。、；：！？）》”’」』〉 and their halfwidth forms); or
        - the document is hard-wrapped (at least three lines, and a tenth of its lines, share the longest common
          length: the wrap width), the line is that long (within two characters) and ends without a sentence-final
          mark, and the next line is not indented.

        Blank lines (white space or masked text only) separate paragraphs and belong to none."""
        return _logical_paragraphs(self)

    @_view
    def soft_breaks(self) -> list[tuple[int, int]]:
        """``(start, end)`` of the line breaks (with the white space around them) inside
        :attr:`logical_paragraphs`: where a hard-wrapped line was rejoined, so not a paragraph end."""
        out = []
        lines = self.lines
        index = {s: i for i, (s, _) in enumerate(lines)}
        text = self.text
        for s, e in self.logical_paragraphs:
            i = index[s]
            while lines[i][1] < e:
                end = lines[i][1]
                nxt = lines[i + 1][0]
                a = end
                while a > lines[i][0] and text[a - 1] in _BLANK:
                    a -= 1
                b = nxt
                line_end = lines[i + 1][1]
                while b < line_end and text[b] in _BLANK:
                    b += 1
                out.append((a, b))
                i += 1
        return out

    @_view
    def sentences(self) -> list[tuple[int, int]]:
        """Sentences of the masked text, split on 。！？； (and on ``!?;`` in halfwidth documents) and on line
        breaks; each includes its closing mark and closing quotes. Empty pieces are dropped."""
        pattern = SENTENCE_HALF_RE if self.halfwidth_style else SENTENCE_FULL_RE
        return [m.span() for m in pattern.finditer(self.masked)]

    @_view
    def quoted(self) -> list[tuple[int, int]]:
        """Spans of paired quotations and book titles (marks included) within one line, outermost only."""
        return merge_spans([m.span() for m in QUOTED_RE.finditer(self.masked)])

    def in_quotes(self, start: int, end: int | None = None) -> bool:
        """True when ``[start, end)`` lies inside a quotation or a book title (between its marks)."""
        end = start if end is None else end
        spans = self.quoted
        i = bisect_right(spans, (start, len(self.text) + 1)) - 1
        return i >= 0 and spans[i][0] < start and end < spans[i][1]

    @_view
    def han_runs(self) -> "Spans":
        """Maximal runs of Han characters in the masked text: a sequence of ``(start, end)`` (a compact one: a
        large draft has hundreds of thousands of runs, which as a list of tuples would cost ~110 bytes each)."""
        return Spans.of(HAN_RUN_RE.finditer(self.masked), len(self.masked))

    @_view
    def halfwidth_style(self) -> bool:
        """True when the document writes its Chinese punctuation in halfwidth forms throughout (``婦聯,``):
        more halfwidth ``,;:!?`` between Han characters than their fullwidth counterparts ``，；：！？`` (``。`` and
        ``、`` are left out: such documents keep them fullwidth), and at least 5 of them."""
        masked = self.masked
        half = sum(1 for _ in _HALF_PUNCT_IN_CJK.finditer(masked))
        if half < 5:
            return False
        full = sum(masked.count(c) for c in "，；：！？")
        return half > full

    def __repr__(self) -> str:
        return f"Document(path={self.path!r}, chars={len(self.text)}, encoding={self.encoding!r})"


_MASK_NON_NL = _compile(r"[^\r\n]")
_BLANK = " \t\u3000\u00a0" + MASK
_OPENING_MARKS = "“‘《（【〔「『〈(["
_CONTINUING_ENDS = "，、,"
_NO_PARAGRAPH_END = ("的", "和", "与", "及", "或")
_NO_LINE_START = "，。、；：！？）》”’」』〉,.;:!?)]"
_FINAL_MARKS = "。！？；…”’」』）)!?;."


def _logical_paragraphs(doc: Document) -> list[tuple[int, int]]:
    masked = doc.masked
    lines = doc.lines
    contents = []  # (start, end) of each line without the white space around it, or None for a blank line
    for s, e in lines:
        a, b = s, e
        while a < b and masked[a] in _BLANK:
            a += 1
        while b > a and masked[b - 1] in _BLANK:
            b -= 1
        contents.append((a, b) if a < b else None)
    lengths = Counter(b - a for c in contents if c is not None for a, b in (c,) if b - a >= 15)
    width = None
    if lengths:
        n_lines = sum(1 for c in contents if c is not None)
        common = [length for length, count in lengths.items() if count >= 3 and count * 10 >= n_lines]
        width = max(common) if common else None
    out: list[tuple[int, int]] = []
    start = None
    for i, c in enumerate(contents):
        if c is None:
            if start is not None:
                out.append((start, lines[i - 1][1]))
                start = None
            continue
        if start is None:
            start = lines[i][0]
        nxt = contents[i + 1] if i + 1 < len(contents) else None
        if nxt is not None and _continues(masked, c, nxt, lines[i + 1][0], width):
            continue
        out.append((start, lines[i][1]))
        start = None
    return out


def _continues(masked: str, line: tuple[int, int], nxt: tuple[int, int], next_line_start: int,
               width: int | None) -> bool:
    a, b = line
    last = masked[b - 1]
    first = masked[nxt[0]]
    if last in _OPENING_MARKS or last in _CONTINUING_ENDS or first in _NO_LINE_START:
        return True
    if masked.endswith(_NO_PARAGRAPH_END, a, b) and b - a > 1:
        return True
    return (width is not None and b - a >= width - 2 and last not in _FINAL_MARKS
            and nxt[0] == next_line_start)


def merge_spans(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort spans and merge the overlapping or touching ones; empty spans are dropped."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out
