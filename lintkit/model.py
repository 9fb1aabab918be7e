"""Value types shared by the engine, the rules and the formatters.

All positions are 0-based code-point offsets into the decoded text, half-open (``start`` included, ``end``
excluded). Line/column pairs are 1-based and counted in code points; they are computed by the engine from the
Document, never by a rule.

Edit, Fix, Finding, Position and Diagnostic are values: compare and hash them by their fields, never assign to
them (build a new one, e.g. with ``dataclasses.replace``). They are not declared ``frozen`` because a frozen
dataclass sets each field through ``object.__setattr__``: building a Diagnostic took 1 µs instead of 0.13 µs,
and a run creates several of these objects per finding (80,000 findings on the 10 MB benchmark corpus).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from json.encoder import encode_basestring as _encode_string  # the C string encoder json.dumps uses
from typing import Any, Callable, Iterable, Literal, Mapping

Severity = Literal["error", "warning", "info"]
Applicability = Literal["safe", "unsafe"]

SEVERITIES: tuple[str, ...] = ("info", "warning", "error")
SEVERITY_RANK: dict[str, int] = {name: rank for rank, name in enumerate(SEVERITIES)}


@dataclass(slots=True, unsafe_hash=True)
class Edit:
    """Replace ``text[start:end]`` with ``content`` (an insertion when start == end)."""

    start: int
    end: int
    content: str = ""


@dataclass(slots=True, unsafe_hash=True)
class Fix:
    """A set of edits that together repair one finding."""

    edits: tuple[Edit, ...]
    message: str = ""
    applicability: Applicability = "safe"

    @classmethod
    def replace(cls, start: int, end: int, content: str, message: str = "",
                applicability: Applicability = "safe") -> "Fix":
        return cls((Edit(start, end, content),), message, applicability)


@dataclass(slots=True, unsafe_hash=True)
class Finding:
    """What a rule yields: a span, a message, optionally a fix.

    ``severity`` lets a rule lower (never raise above its declared level is not enforced, but documented)
    the severity of one finding, e.g. a doubtful case reported at ``info``.
    """

    start: int
    end: int
    message: str
    fix: Fix | None = None
    severity: Severity | None = None


@dataclass(slots=True, unsafe_hash=True)
class Position:
    line: int
    column: int


@dataclass(slots=True, unsafe_hash=True)
class Diagnostic:
    """One reported problem, with positions resolved. Field names follow the JSON contract (DESIGN.md §4)."""

    path: str
    rule: str
    name: str
    severity: Severity
    message: str
    offset: int
    end_offset: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    fix: Fix | None = None
    # Resolved positions of each fix edit: ((line, column, end_line, end_column), ...), same order as fix.edits.
    fix_positions: tuple[tuple[int, int, int, int], ...] = ()

    def sort_key(self) -> tuple[str, int, str, int]:
        return (self.path, self.offset, self.rule, self.end_offset)

    def to_dict(self) -> dict[str, Any]:
        fix = None
        if self.fix is not None:
            edits = []
            for edit, pos in zip(self.fix.edits, self.fix_positions):
                edits.append({
                    "offset": edit.start, "end_offset": edit.end,
                    "line": pos[0], "column": pos[1], "end_line": pos[2], "end_column": pos[3],
                    "content": edit.content,
                })
            fix = {"applicability": self.fix.applicability, "message": self.fix.message, "edits": edits}
        return {
            "path": self.path, "rule": self.rule, "name": self.name, "severity": self.severity,
            "message": self.message, "line": self.line, "column": self.column,
            "end_line": self.end_line, "end_column": self.end_column,
            "offset": self.offset, "end_offset": self.end_offset, "text": self.text, "fix": fix,
        }


    def to_json(self) -> str:
        """``to_dict()`` as one line of JSON, not ASCII-escaped: the same text as
        ``json.dumps(self.to_dict(), ensure_ascii=False)``, built directly (half the time; a report can hold
        100,000 diagnostics). tests/test_output.py holds the two to the same text."""
        es = _encode_string
        f = self.fix
        if f is None:
            fix = "null"
        else:
            edits = ", ".join(
                f'{{"offset": {e.start}, "end_offset": {e.end}, "line": {p[0]}, "column": {p[1]}, '
                f'"end_line": {p[2]}, "end_column": {p[3]}, "content": {es(e.content)}}}'
                for e, p in zip(f.edits, self.fix_positions))
            fix = (f'{{"applicability": {es(f.applicability)}, "message": {es(f.message)}, '
                   f'"edits": [{edits}]}}')
        return (f'{{"path": {es(self.path)}, "rule": {es(self.rule)}, "name": {es(self.name)}, '
                f'"severity": {es(self.severity)}, "message": {es(self.message)}, "line": {self.line}, '
                f'"column": {self.column}, "end_line": {self.end_line}, '
                f'"end_column": {self.end_column}, "offset": {self.offset}, '
                f'"end_offset": {self.end_offset}, "text": {es(self.text)}, "fix": {fix}}}')


RuleFunc = Callable[..., Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class OptionSpec:
    """A typed option of a rule, set in config under ``[rules.ID]``.

    ``validate`` (optional) checks a value of the right type further (a list's entries, a string's choices) and
    raises ``ValueError`` with a message; the configuration loader turns it into a configuration error (exit 2)
    that names the file and the key."""

    type: type | tuple[type, ...]
    default: Any
    help: str = ""
    validate: Callable[[Any], Any] | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule: a function over a Document plus its metadata. Its docstring is its documentation."""

    id: str
    name: str
    func: RuleFunc
    severity: Severity = "warning"
    fix: Literal["safe", "unsafe", "none"] = "none"
    triggers: tuple[Any, ...] = ()  # lintkit.triggers.Trigger objects; empty: the rule reads the whole document
    several: bool = False  # declared with a sequence of triggers: the function receives a tuple of hit lists
    options: Mapping[str, OptionSpec] = field(default_factory=dict)
    phase: int = 1  # 0 = residue rules that run first and mask their spans for later phases
    masks: bool = False  # the rule's findings are masked for rules of later phases
    supersedes: tuple[str, ...] = ()  # id prefixes whose overlapping findings this rule's findings replace
    default: bool = True  # selected when no --select is given
    plugin: str = ""

    @property
    def family(self) -> str:
        return self.id[:3]

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "").strip()

    @property
    def summary(self) -> str:
        return self.doc.splitlines()[0].strip() if self.doc else self.name
