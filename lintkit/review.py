"""``lintkit review``: a reviewed copy of a draft as a Word file, for the people who write the drafts.

Every finding becomes a Word comment (批注) authored "lintkit" on the span it names, with the rule, the message
and the suggested fix; with ``--track-changes`` every fix that ``lintkit check --fix`` would apply becomes a tracked
change (修订: ``w:del`` + ``w:ins``) that the writer accepts or rejects in Word or WPS. The original file is never
written. ``.txt``/``.md`` drafts are reviewed into a new .docx (one paragraph per line).

How positions map onto the document: the .docx reader makes one line per paragraph (body paragraphs, then table
cell paragraphs, in document order), and a paragraph's text is the text of its runs (``w:r``, also inside
hyperlinks, tracked insertions, content controls, smart tags and simple fields: ``lintkit.readers.docx`` defines
which) as python-docx computes a run's text: ``w:t`` text, ``w:tab``/``w:ptab`` a tab, ``w:br``/``w:cr``
one character, ``w:noBreakHyphen`` a hyphen. So a (line, column) of a finding is a paragraph and a code-point
offset into the concatenated run texts. Runs are split at every boundary a comment or a change needs; a split
run is a copy of the original run (same ``w:rPr``, same attributes) holding part of its content, so formatting
is kept and runs that are not touched are left as they are. python-docx is imported only here.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
import re
import sys
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from .model import Diagnostic, Edit

AUTHOR = "lintkit"
INITIALS = "LK"
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
# characters that XML 1.0 cannot hold; replaced (one for one, so positions stay) when a text draft becomes a .docx
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_VISIBLE_WS = {" ": "␣", "\t": "⇥", "\u3000": "［全角空格］", "\u00a0": "［不换行空格］"}


class ReviewError(Exception):
    """The draft cannot be reviewed (unreadable, not a draft, no python-docx); the message is one line."""


@dataclass
class ReviewResult:
    source: str
    output: Path
    diagnostics: list[Diagnostic]
    comments: int = 0
    revisions: int = 0  # fixes written as tracked changes
    untracked_fixes: int = 0  # fixes that could not be written as tracked changes (they cross paragraphs)
    fail_on: str = "error"
    notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------------------------
# the WordprocessingML side

def _ns():
    from docx.oxml.ns import qn

    return qn


def _text_tags() -> frozenset[str]:
    from .readers.docx import _TEXT_TAGS

    return _TEXT_TAGS


def _child_text(child) -> str:
    """The text python-docx gives a run child (``CT_R.text``)."""
    return str(child) if child.tag in _text_tags() else ""


def run_text(r) -> str:
    from .readers.docx import run_text as text

    return text(r)


def paragraph_runs(p) -> list:
    """The runs whose text makes up the paragraph text, in document order (the .docx reader's definition: also
    runs in hyperlinks, tracked insertions, content controls, smart tags and simple fields)."""
    from .readers.docx import paragraph_runs as runs

    return runs(p)


def iter_paragraphs(document) -> list:
    """``w:p`` elements in the order the .docx reader reads them (one walker for both, so that line N of the
    linted text is paragraph N here, merged table cells included)."""
    from .readers.docx import paragraph_elements

    return paragraph_elements(document)


class _Para:
    """One paragraph with a map from code-point offsets to its runs."""

    def __init__(self, p) -> None:
        self.p = p
        self.pieces: list[tuple[int, int, Any]] = []  # (start, end, w:r), in order
        self._rebuild()

    def _rebuild(self) -> None:
        pos = 0
        self.pieces = []
        for r in paragraph_runs(self.p):
            n = len(run_text(r))
            self.pieces.append((pos, pos + n, r))
            pos += n
        self.length = pos
        self.starts = [p[0] for p in self.pieces]

    @property
    def text(self) -> str:
        return "".join(run_text(r) for _, _, r in self.pieces)

    def split_at(self, cuts: set[int]) -> None:
        """Split runs so that every offset in ``cuts`` falls on a run boundary."""
        cuts_sorted = sorted(c for c in cuts if 0 < c < self.length)
        if not cuts_sorted:
            return
        for start, end, r in list(self.pieces):
            inside = [c for c in cuts_sorted[bisect_right(cuts_sorted, start):bisect_left(cuts_sorted, end)]]
            done = start
            for c in inside:
                _split_run(r, c - done)
                done = c
        self._rebuild()

    def runs_in(self, start: int, end: int) -> list:
        """Runs with text lying inside ``[start, end)`` (after splitting, they cover it exactly)."""
        out = []
        for s, e, r in self.pieces[bisect_left(self.starts, start):]:  # binary search: no quadratic cost
            if s >= end:
                break
            if e > s and e <= end:
                out.append(r)
        return out

    def run_ending_at(self, pos: int):
        i = bisect_left(self.starts, pos) - 1
        while i >= 0 and self.pieces[i][0] == self.pieces[i][1]:  # skip empty runs
            i -= 1
        return self.pieces[i][2] if i >= 0 and self.pieces[i][1] == pos else None

    def run_starting_at(self, pos: int):
        for s, e, r in self.pieces[bisect_left(self.starts, pos):]:
            if s != pos:
                return None
            if e > s:
                return r
        return None


def _split_run(r, k: int) -> None:
    """Split run ``r`` after ``k`` characters of its text: a copy of ``r`` (same properties) holding the first
    ``k`` characters is inserted before it; ``r`` keeps the rest."""
    qn = _ns()
    left = copy.deepcopy(r)
    for child in list(left):
        if child.tag != qn("w:rPr"):
            left.remove(child)
    acc = 0
    for child in list(r):
        if child.tag == qn("w:rPr"):
            continue
        n = len(_child_text(child))
        if acc + n <= k and not (n == 0 and acc == k):
            left.append(child)  # moves it
            acc += n
            if acc == k and n:
                break
            continue
        if acc < k < acc + n:  # only w:t holds more than one character
            cut = k - acc
            t_left = copy.deepcopy(child)
            t_left.text = child.text[:cut]
            child.text = child.text[cut:]
            for t in (t_left, child):
                t.set(qn("xml:space"), "preserve")
            left.append(t_left)
        break
    r.addprevious(left)


def _rpr_for_insert(r):
    qn = _ns()
    if r is None:
        return None
    rpr = r.find(qn("w:rPr"))
    if rpr is None:
        return None
    rpr = copy.deepcopy(rpr)
    for tag in ("w:rStyle",):
        for el in rpr.findall(qn(tag)):
            if el.get(qn("w:val")) == "CommentReference":
                rpr.remove(el)
    return rpr


def _new_text_run(text: str, rpr):
    from docx.oxml import OxmlElement

    qn = _ns()
    r = OxmlElement("w:r")
    if rpr is not None:
        r.append(rpr)
    for i, piece in enumerate(text.split("\t")):
        if i:
            r.append(OxmlElement("w:tab"))
        if piece:
            t = OxmlElement("w:t")
            t.text = piece
            t.set(qn("xml:space"), "preserve")
            r.append(t)
    return r


# ---------------------------------------------------------------------------------------------------------------
# comments and tracked changes

def _visible(s: str) -> str:
    return "".join(_VISIBLE_WS.get(c, c) for c in s)


def _clip(s: str, limit: int = 40) -> str:
    return s if len(s) <= limit else s[: limit // 2 - 1] + "…" + s[-(limit // 2 - 1):]


def fix_before_after(text: str, d: Diagnostic) -> tuple[str, str] | None:
    """The stretch a fix changes, before and after (white space made visible, long stretches clipped)."""
    if d.fix is None or not d.fix.edits:
        return None
    lo = min(min(e.start for e in d.fix.edits), d.offset)  # the finding's span, widened to hold every edit
    hi = max(max(e.end for e in d.fix.edits), d.end_offset)
    if not (0 <= lo <= hi <= len(text)):
        return None
    parts, pos = [], lo
    for e in sorted(d.fix.edits, key=lambda e: (e.start, e.end)):
        parts.append(text[pos:e.start])
        parts.append(e.content)
        pos = e.end
    parts.append(text[pos:hi])
    before, after = text[lo:hi], "".join(parts)
    if not before or not after:  # pure insertion or deletion: show a little context
        left = text[max(0, lo - 2):lo].split("\n")[-1].split("\r")[-1]
        right = text[hi:hi + 2].split("\n")[0].split("\r")[0]
        before, after = left + before + right, left + after + right
    return _clip(_visible(before)), _clip(_visible(after))


def comment_text(d: Diagnostic, text: str, tracked: bool) -> str:
    """The comment: the message first (it is what the writer reads in a narrow margin), then the suggested fix,
    then the rule."""
    lines = [f"{d.message}（{SEVERITY_ZH.get(d.severity, d.severity)}）"]
    if d.fix is not None:
        how = "可自动修复" if d.fix.applicability == "safe" else "请人工确认"
        ba = fix_before_after(text, d)
        change = f"“{ba[0]}”→“{ba[1]}”" if ba else ""
        msg = d.fix.message
        lines.append(f"建议：{msg}{'，' if msg and change else ''}{change}（{how}）")
        if tracked:
            lines.append("已作为修订标出，可在“审阅”中接受或拒绝。")
    lines.append(f"规则：{d.rule} {d.name}（lintkit rule {d.rule} 查看说明）")
    return "\n".join(lines)


@dataclass
class _Change:
    line: int  # 0-based paragraph index
    start: int  # code-point offsets within the paragraph
    end: int
    content: str
    diag: int | None = None  # index of the diagnostic whose fix this is


def _anchor(doc, s: int, e: int) -> tuple[int, int, int, int]:
    """(start line, start col, end line, end col), 0-based, for a finding span; a span that ends just after a line
    break ends at the end of the previous line, one that starts at a line's end starts on the next line."""
    lines = doc.lines
    sl = doc.line_index(s)
    sc = min(s, lines[sl][1]) - lines[sl][0]
    if e <= s:
        return sl, sc, sl, sc
    el = doc.line_index(e)
    if el > sl and e <= lines[el][0]:
        el -= 1
        ec = lines[el][1] - lines[el][0]
    else:
        ec = min(e, lines[el][1]) - lines[el][0]
    if el > sl and sc >= lines[sl][1] - lines[sl][0]:
        sl, sc = sl + 1, 0
    return sl, sc, el, ec


def _changes_from_edits(doc, edits: Sequence[tuple[Edit, int | None]]) -> tuple[list[_Change], int]:
    out, skipped = [], 0
    for edit, di in edits:
        li = doc.line_index(edit.start)
        ls, le = doc.lines[li]
        if edit.end > le or "\n" in edit.content or "\r" in edit.content:
            skipped += 1  # crosses a paragraph boundary: not expressible as a run-level change
            continue
        out.append(_Change(li, edit.start - ls, edit.end - ls, edit.content, di))
    return out, skipped


def _changes_from_diff(doc, final: str) -> list[_Change] | None:
    """Per-paragraph character diff between the text and its fixed form; None when the paragraphs differ in number."""
    import difflib

    from .document import NEWLINE_RE

    new_lines = NEWLINE_RE.split(final)
    if len(new_lines) != len(doc.lines):
        return None
    out = []
    for li, ((ls, le), new) in enumerate(zip(doc.lines, new_lines)):
        old = doc.text[ls:le]
        if old == new:
            continue
        sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op != "equal":
                out.append(_Change(li, i1, i2, new[j1:j2]))
    return out


def plan_changes(linter, doc, fresh, ruleset, diags: list[Diagnostic], unsafe: bool) -> tuple[list[_Change], int]:
    """The tracked changes whose acceptance gives the text ``lintkit check --fix`` gives (``fresh`` is an unlinted
    copy of ``doc`` for the fix rounds); returns them and the number of fixes that could not be tracked.

    The fixes of one round are used as they are (each tied to its finding) when one round reaches the fixed point;
    otherwise the changes are the per-paragraph difference between the text and its fixed form."""
    from .fix import apply_edits, select_fixes

    allowed = {"safe", "unsafe"} if unsafe else {"safe"}
    owner = {id(d.fix): i for i, d in enumerate(diags) if d.fix is not None}
    chosen = select_fixes([d.fix for d in diags if d.fix is not None and d.fix.applicability in allowed])
    if not chosen:
        return [], 0
    final, _, _ = linter.fix_document(fresh, ruleset)
    edits = [(e, owner.get(id(f))) for f in chosen for e in f.edits]
    if apply_edits(doc.text, [e for e, _ in edits]) != final:
        diffed = _changes_from_diff(doc, final)
        if diffed is not None:
            return diffed, 0
    return _changes_from_edits(doc, edits)


class _Ids:
    def __init__(self, start: int) -> None:
        self.next = start

    def __call__(self) -> str:
        self.next += 1
        return str(self.next)


def _apply_change(para: _Para, ch: _Change, ids: _Ids, date: str) -> bool:
    from docx.oxml import OxmlElement

    qn = _ns()
    attrs = {qn("w:author"): AUTHOR, qn("w:date"): date}
    deleted = para.runs_in(ch.start, ch.end) if ch.end > ch.start else []
    last = None
    if deleted:
        groups: list[list] = []
        for r in deleted:
            if groups and groups[-1][-1].getnext() is r:
                groups[-1].append(r)
            else:
                groups.append([r])
        for g in groups:
            d = OxmlElement("w:del", attrs={qn("w:id"): ids(), **attrs})
            g[0].addprevious(d)
            for r in g:
                for t in r.findall(qn("w:t")):
                    t.tag = qn("w:delText")
                for t in r.findall(qn("w:instrText")):
                    t.tag = qn("w:delInstrText")
                d.append(r)
            last = d
    if ch.content:
        ref = deleted[0] if deleted else para.run_ending_at(ch.start)
        if ref is None:
            ref = para.run_starting_at(ch.start)
        ins = OxmlElement("w:ins", attrs={qn("w:id"): ids(), **attrs})
        ins.append(_new_text_run(ch.content, _rpr_for_insert(ref)))
        if last is not None:
            last.addnext(ins)
        elif (r := para.run_ending_at(ch.start)) is not None:
            r.addnext(ins)
        elif (r := para.run_starting_at(ch.start)) is not None:
            r.addprevious(ins)
        else:
            para.p.append(ins)
    return bool(deleted or ch.content)


def _max_id(document) -> int:
    qn = _ns()
    best = 0
    for el in document.element.body.iter():
        v = el.get(qn("w:id"))
        if v is not None and v.lstrip("-").isdigit():
            best = max(best, int(v))
    return best


# ---------------------------------------------------------------------------------------------------------------
# building the reviewed document

def _new_document(lines: list[str]):
    import docx
    from docx.oxml import OxmlElement
    from docx.shared import Mm, Pt

    qn = _ns()
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.size = Pt(12)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), "宋体")
    for section in document.sections:  # A4, as Chinese offices print
        section.page_width, section.page_height = Mm(210), Mm(297)
    body = document.element.body
    for el in list(body):  # the template's empty body (keep the section properties)
        if el.tag != qn("w:sectPr"):
            body.remove(el)
    for line in lines:
        document.add_paragraph(_XML_INVALID.sub("\ufffd", line))
    return document


def review_document(linter, data: bytes, display: str, path: Path | None, suffix: str, *,
                    track_changes: bool = False, unsafe_fixes: bool = False,
                    now: dt.datetime | None = None) -> tuple[bytes, ReviewResult]:
    """Review one draft's bytes; returns the reviewed .docx bytes and what was done."""
    from .readers import ReadError

    try:
        import docx  # noqa: F401
        from docx.text.paragraph import Paragraph
        from docx.text.run import Run
    except ImportError:
        raise ReviewError("lintkit review 需要 python-docx（pip install 'lintkit[docx]'）") from None
    if not hasattr(docx.document.Document, "add_comment"):
        raise ReviewError("lintkit review 需要 python-docx 1.2 或更高版本（批注支持）：pip install -U python-docx")
    settings = linter.settings_for(path) if path is not None else linter.settings_for(Path.cwd())
    try:
        doc = linter.read(data, display, suffix)
    except ReadError as exc:
        raise ReviewError(f"文件 {display} {exc}") from None
    ruleset = linter.ruleset(settings, path)
    diags = linter.lint_document(doc, ruleset)
    result = ReviewResult(display, Path(), diags, fail_on=linter.fail_on(settings))

    if suffix.lower() == ".docx":
        from .readers.docx import load

        document = load(data)
        elements = iter_paragraphs(document)
        line_texts = [doc.text[s:e] for s, e in doc.lines]
    else:
        line_texts = [doc.text[s:e] for s, e in doc.lines]
        if len(line_texts) > 1 and line_texts[-1] == "":  # the file ends with a line break: no empty last paragraph
            line_texts.pop()
        document = _new_document(line_texts)
        elements = iter_paragraphs(document)
    paras = [_Para(p) for p in elements]
    got = [p.text.replace("\r", " ").replace("\n", " ") for p in paras]
    if suffix.lower() != ".docx":
        line_texts = [_XML_INVALID.sub("\ufffd", t) for t in line_texts]
    if got != line_texts:
        raise ReviewError(f"{display}: 段落与读取的文本对不上，无法定位批注（请报告此问题）")

    changes: list[_Change] = []
    if track_changes:
        fresh = linter.read(data, display, suffix)
        changes, result.untracked_fixes = plan_changes(linter, doc, fresh, ruleset, diags, unsafe_fixes)
    tracked_diags = {c.diag for c in changes if c.diag is not None}

    # 1. split runs at every boundary
    anchors = []
    cuts: dict[int, set[int]] = {}
    last = len(paras) - 1
    for i, d in enumerate(diags):
        sl, sc, el, ec = _anchor(doc, d.offset, d.end_offset)
        if sl > last:  # on the empty line after the final line break: the end of the last paragraph
            sl, sc = last, paras[last].length
        if el > last:
            el, ec = last, paras[last].length
        if (sl, sc) == (el, ec):  # zero width: anchor on the character before (or after) the point
            n = paras[sl].length
            if n == 0:
                pass
            elif sc < n:
                ec = sc + 1
            else:
                sc = n - 1
        anchors.append((sl, sc, el, ec))
        cuts.setdefault(sl, set()).add(sc)
        cuts.setdefault(el, set()).add(ec)
    changes = [ch for ch in changes if ch.line <= last]
    for ch in changes:
        cuts.setdefault(ch.line, set()).update((ch.start, ch.end))
    for li, cs in cuts.items():
        paras[li].split_at(cs)

    # 2. comments (python-docx: comment part, range start/end and reference run)
    for i, d in enumerate(diags):
        sl, sc, el, ec = anchors[i]
        runs = []
        for li in range(sl, el + 1):
            runs += paras[li].runs_in(sc if li == sl else 0, ec if li == el else paras[li].length)
        if runs:
            first, last = runs[0], runs[-1]
        else:  # an empty paragraph (or a span with no text): anchor on an empty run at its end
            from docx.oxml import OxmlElement

            first = last = OxmlElement("w:r")
            paras[el].p.append(first)
        first_run = Run(first, Paragraph(first.getparent(), None))
        last_run = Run(last, Paragraph(last.getparent(), None))
        document.add_comment([first_run, last_run], text=comment_text(d, doc.text, i in tracked_diags),
                             author=AUTHOR, initials=INITIALS)
        result.comments += 1

    # 3. tracked changes
    if changes:
        ids = _Ids(max(_max_id(document), len(diags)) + 1000)
        when = (now or dt.datetime.now(dt.timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
        for ch in changes:
            if _apply_change(paras[ch.line], ch, ids, when):
                result.revisions += 1
        if result.untracked_fixes:
            result.notes.append(f"{display}: {result.untracked_fixes} 处修复跨越段落，只写了批注，没有标为修订")

    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue(), result


def default_output(source: Path) -> Path:
    return source.with_name(source.stem + ".reviewed.docx")


def write_output(target: Path, data: bytes) -> None:
    from .fix import write_new

    write_new(target, data)


# ---------------------------------------------------------------------------------------------------------------
# command line

def add_subparser(sub, csv) -> None:
    rv = sub.add_parser("review", help="write a reviewed .docx: Word comments, and tracked changes for the fixes")
    rv.add_argument("paths", nargs="+", metavar="DRAFT", help=".docx, .txt or .md drafts (never modified)")
    rv.add_argument("--output", "-o", metavar="OUT.docx",
                    help="where to write the reviewed copy (one draft only; default: DRAFT.reviewed.docx)")
    rv.add_argument("--track-changes", action="store_true",
                    help="also write each fix that --fix would apply as a tracked change (修订)")
    rv.add_argument("--unsafe-fixes", action="store_true", help="with --track-changes: include unsafe fixes")
    rv.add_argument("--select", type=csv, action="append", help="rule ids, prefixes or names (replaces config)")
    rv.add_argument("--extend-select", type=csv, action="append", default=[], help="add rules to the selection")
    rv.add_argument("--ignore", type=csv, action="append", default=[], help="rules to ignore")
    rv.add_argument("--fail-on", choices=["error", "warning", "info"], help="lowest severity that fails the run")
    rv.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    rv.add_argument("--config", metavar="FILE", help="use this configuration file (no discovery)")
    rv.add_argument("--no-config", action="store_true", help="ignore all configuration files")
    rv.add_argument("--quiet", "-q", action="store_true", help="print nothing on success")


def main(args) -> int:
    from .config import ConfigError
    from .engine import Linter, Options, read_file
    from .model import SEVERITY_RANK
    from .plugins import PluginError
    from .readers import ReadError
    from .registry import RegistryError

    from .output import lang
    from .output.lang import t

    def err(message: str) -> None:
        sys.stderr.write(f"lintkit: {message}\n")

    if args.output and len(args.paths) != 1:
        err(t("review：--output 只能配一个文稿", "review: --output needs exactly one DRAFT"))
        return 2
    if args.config and args.no_config:
        err(t("--config 与 --no-config 不能同时使用", "--config and --no-config exclude each other"))
        return 2
    flat = lambda lists: tuple(x for sub in lists for x in sub) if lists is not None else None  # noqa: E731
    options = Options(select=flat(args.select), extend_select=flat(args.extend_select) or (),
                      ignore=flat(args.ignore) or (), fail_on=args.fail_on,
                      unsafe_fixes=args.unsafe_fixes, config=args.config, no_config=args.no_config)
    try:
        linter = Linter(options)
    except (ConfigError, RegistryError, PluginError) as exc:
        err(str(exc))
        return 2
    code = 0
    out = sys.stdout
    for arg in args.paths:
        src = Path(arg)
        target = Path(args.output) if args.output else default_output(src)
        if src.suffix.lower() not in (".docx", ".txt", ".md", ".markdown"):
            err(t(f"{arg}：review 只读 .docx、.txt 和 .md 文稿", f"{arg}: review reads .docx, .txt and .md drafts"))
            code = 2
            continue
        if target.suffix.lower() != ".docx":
            err(t(f"{target}：审阅稿必须是 .docx 文件", f"{target}: the reviewed copy must be a .docx file"))
            code = 2
            continue
        try:
            if target.exists() and src.exists() and os.path.samefile(src, target):
                err(t(f"{target}：不能覆盖文稿本身（请换一个 -o）",
                      f"{target}: refusing to overwrite the draft itself (choose another -o)"))
                code = 2
                continue
        except OSError:
            pass
        try:
            data = read_file(src)
            reviewed, result = review_document(linter, data, arg.replace(os.sep, "/"), src, src.suffix,
                                               track_changes=args.track_changes, unsafe_fixes=args.unsafe_fixes)
            write_output(target, reviewed)
        except ReadError as exc:
            err(f"{arg} {exc}")
            code = 2
            continue
        except (ReviewError, ConfigError) as exc:
            err(str(exc))
            code = 2
            continue
        except OSError as exc:
            err(t(f"{target}：无法写入审阅稿（{exc.strerror or exc}）",
                  f"{target}: cannot write the reviewed copy ({exc.strerror or exc})"))
            code = 2
            continue
        for note in result.notes:
            err(note)
        if not args.quiet:
            if lang.current() == "en":
                what = lang.n_(result.comments, "comment")
                if args.track_changes:
                    what += ", " + lang.n_(result.revisions, "tracked change")
                out.write(f"{target}: {what} ({arg})\n")
            else:
                what = f"{result.comments} 条批注"
                if args.track_changes:
                    what += f"，{result.revisions} 处修订"
                out.write(f"{target}: {what}（{arg}）\n")
        if any(d.rule in ("LNT001", "LNT002") for d in result.diagnostics):
            code = 2
        elif code == 0 and not args.exit_zero:
            threshold = SEVERITY_RANK[result.fail_on]
            if any(SEVERITY_RANK[d.severity] >= threshold for d in result.diagnostics):
                code = 1
    out.flush()
    return code
