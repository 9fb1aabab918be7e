"""Inline suppression directives (DESIGN.md §8), one syntax for .md and .txt, each on a line of its own::

    <!-- lintkit: disable SPC001,PUN -->   …   <!-- lintkit: enable -->
    <!-- lintkit: ignore-next-line DAT -->
    <!-- lintkit: ignore-file -->            (optionally with rule ids: ignore-file SCR)

Selectors are rule ids, id prefixes or rule names (as on the command line); none means every rule.

- ``disable`` lasts until an ``enable`` naming one of its selectors (that selector only: ``disable SPC,PUN`` …
  ``enable PUN`` keeps SPC disabled) or a bare ``enable`` (which ends every open ``disable``), or to the end of
  the file. A bare ``disable`` is ended only by a bare ``enable``.
- ``ignore-next-line`` applies to the next line with content, skipping blank lines and other directives (so
  directives can be stacked).
- Directive lines are never linted. In Markdown, a directive inside a code block or front matter is an example,
  not a directive. Line endings LF, CRLF and CR are all accepted.

A directive written after text on the same line is not a directive (it would be easy to misread which line it
covers); ``LNT003`` reports it.

``LNT003`` (info) reports a directive that suppressed nothing — but only when every rule it names was run (a
``disable PUN`` is not "unused" in a run with ``--select SPC``) — and a line that looks like a directive but is
not one (``<!-- lintkit: disabel SPC -->``, an unknown rule id).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .cache import compile as _compile

_BOL = r"(?<![^\r\n])"  # start of a line after LF, CRLF or CR (regex's ^ knows only LF)
_EOL = r"(?=\r\n|\r|\n|\Z)"
DIRECTIVE_RE = _compile(
    _BOL + r"[ \t\u3000]*<!--[ \t]*lintkit:[ \t]*(?P<verb>disable|enable|ignore-next-line|ignore-file)"
    r"(?:[ \t]+(?P<rules>[^\s>][^>]*?))?[ \t]*-->[ \t\u3000]*" + _EOL,
)
# anything that starts like a directive (to report the ones that are not)
CANDIDATE_RE = _compile(_BOL + r"[ \t\u3000]*<!--[ \t]*lintkit\b[^\r\n]*", regex.I)
# a directive-like comment anywhere (one after text on its line suppresses nothing: reported)
ANYWHERE_RE = _compile(r"<!--[ \t]*lintkit\b[^\r\n]*?(?:-->|(?=[\r\n]|\Z))", regex.I)
_SPLIT = _compile(r"[,，\s]+")


@dataclass(eq=False)
class Directive:
    verb: str
    selectors: tuple[str, ...]  # empty = all rules
    start: int
    end: int
    line: int  # 0-based line index of the directive
    used: bool = False


@dataclass
class Suppressions:
    directives: list[Directive] = field(default_factory=list)
    # (first line, last line inclusive, directive, selectors of that directive in force there; () = all)
    ranges: list[tuple[int, int, Directive, tuple[str, ...]]] = field(default_factory=list)
    # (start, end, message) of lines that look like directives but are not
    errors: list[tuple[int, int, str]] = field(default_factory=list)
    directive_lines: set[int] = field(default_factory=set)
    unmatched_enables: list[Directive] = field(default_factory=list)

    def suppresses(self, line: int, rule_id: str, name: str) -> bool:
        """True when a finding of ``rule_id`` starting on 0-based ``line`` is suppressed (marks the directives
        that suppress it as used). Findings on directive lines themselves are always dropped."""
        if line in self.directive_lines:
            return True
        hit = False
        for first, last, d, selectors in self.ranges:
            if first <= line <= last and (not selectors or any(_match(s, rule_id, name) for s in selectors)):
                d.used = True
                hit = True
        return hit

    def unused(self) -> list[Directive]:
        return [d for d in self.directives if d.verb != "enable" and not d.used]

    def problems(self, enabled_ids, table) -> list[tuple[int, int, str]]:
        """``(start, end, message)`` for LNT003: directives that suppressed nothing although every rule they
        name was run, directives naming unknown rules, unmatched ``enable``s, and malformed directive lines."""
        out = list(self.errors)
        for d in self.directives:
            unknown = [s for s in d.selectors if not _known(s, table)]
            if unknown:
                out.append((d.start, d.end, f"抑制注释中有未知的规则：{', '.join(unknown)}"))
            elif d in self.unmatched_enables:
                out.append((d.start, d.end, f"抑制注释（enable {','.join(d.selectors) or '所有规则'}）"
                                            f"前面没有对应的 disable"))
            elif d.verb != "enable" and not d.used and all(_ran(s, enabled_ids, table) for s in d.selectors):
                what = ",".join(d.selectors) or "所有规则"
                out.append((d.start, d.end, f"抑制注释（{d.verb} {what}）没有抑制任何问题"))
        return sorted(out)


def _match(selector: str, rule_id: str, name: str) -> bool:
    return selector == name or selector.upper() == "ALL" or rule_id.startswith(selector.upper())


def _known(selector: str, table) -> bool:
    if table is None:
        return True
    try:
        table.check_selector(selector)
        return True
    except Exception:
        return False


def _ran(selector: str, enabled_ids, table) -> bool:
    """True when at least one rule that ``selector`` names was run on this file."""
    if table is None:
        return True
    return any(_match(selector, r.id, r.name) for r in table.rules if r.id in enabled_ids and
               not r.id.startswith("LNT"))


def _example_spans(doc) -> list[tuple[int, int]]:
    if getattr(doc, "kind", None) != "md":
        return []
    from .readers.md import code_spans

    return code_spans(doc)


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)


def parse(doc) -> Suppressions:
    text = doc.text
    sup = Suppressions()
    if "lintkit" not in text:
        return sup
    examples = _example_spans(doc)
    last_line = len(doc.lines) - 1
    found: dict[int, regex.Match] = {}
    for m in DIRECTIVE_RE.finditer(text):
        if not _inside(examples, m.start()):
            found[doc.line_index(m.start())] = m
    for m in CANDIDATE_RE.finditer(text):
        line = doc.line_index(m.start())
        if line not in found and not _inside(examples, m.start()):
            sup.errors.append((m.start(), m.end(), f"无法识别的抑制注释：{m.group().strip()[:60]}"
                                                   f"（应为 disable、enable、ignore-next-line 或 ignore-file）"))
            sup.directive_lines.add(line)
    for m in ANYWHERE_RE.finditer(text):
        line = doc.line_index(m.start())
        if line in found or line in sup.directive_lines or _inside(examples, m.start()):
            continue
        if getattr(doc, "kind", None) == "md" and text.count("`", doc.lines[line][0], m.start()) % 2:
            continue  # inside an inline code span: an example
        sup.errors.append((m.start(), m.end(), f"抑制注释必须单独占一行，写在文字后面不起作用：{m.group()[:60]}"))
    sup.directive_lines.update(found)
    # open disables: [directive, selectors still disabled (() = all), first line of the current range]
    open_disables: list[list] = []
    for line, m in sorted(found.items()):
        raw = (m.group("rules") or "").strip()
        selectors = tuple(s for s in _SPLIT.split(raw) if s)
        d = Directive(m.group("verb"), selectors, m.start(), m.end(), line)
        sup.directives.append(d)
        if d.verb == "ignore-file":
            sup.ranges.append((0, last_line, d, selectors))
        elif d.verb == "ignore-next-line":
            nxt = line + 1
            while nxt <= last_line and (nxt in sup.directive_lines or not doc.line_text(nxt).strip(" \t\u3000")):
                nxt += 1
            sup.ranges.append((nxt, nxt, d, selectors))
        elif d.verb == "disable":
            open_disables.append([d, selectors, line + 1])
        else:  # enable
            d.used = True
            closed_any = False
            wanted = {x.upper() for x in selectors}
            for item in list(open_disables):
                o, remaining, begin = item
                if not selectors:
                    ending, rest = remaining, None
                elif not remaining:  # a bare disable is ended only by a bare enable
                    continue
                else:
                    ending = tuple(x for x in remaining if x.upper() in wanted)
                    rest = tuple(x for x in remaining if x.upper() not in wanted)
                    if not ending:
                        continue
                closed_any = True
                sup.ranges.append((begin, line - 1, o, ending))
                if rest:
                    sup.ranges.append((begin, line - 1, o, rest))
                    item[1], item[2] = rest, line + 1  # the rest stays disabled after this line
                else:
                    open_disables.remove(item)
            if not closed_any:
                sup.unmatched_enables.append(d)
    for o, remaining, begin in open_disables:
        sup.ranges.append((begin, last_line, o, remaining))
    return sup
