"""Inline suppression directives (DESIGN.md §8), one syntax for .md and .txt, each on a line of its own::

    <!-- lintkit: disable SPC001,PUN -->   …   <!-- lintkit: enable -->
    <!-- lintkit: ignore-next-line DAT -->
    <!-- lintkit: ignore-file -->            (optionally with rule ids: ignore-file SCR)

Directive lines are HTML comments, so they are masked and never linted. A directive that suppresses nothing
yields LNT003 (info).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

DIRECTIVE_RE = regex.compile(
    r"^[ \t\u3000]*<!--[ \t]*lintkit:[ \t]*(?P<verb>disable|enable|ignore-next-line|ignore-file)"
    r"(?:[ \t]+(?P<rules>[^\s>][^>]*?))?[ \t]*-->[ \t]*$",
    regex.M,
)


@dataclass
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
    # (first line, last line inclusive, directive) ranges, 0-based line indices
    ranges: list[tuple[int, int, Directive]] = field(default_factory=list)
    errors: list[tuple[int, int, str]] = field(default_factory=list)

    def suppresses(self, line: int, rule_id: str, name: str) -> bool:
        hit = False
        for first, last, d in self.ranges:
            if first <= line <= last and (not d.selectors or any(_match(s, rule_id, name) for s in d.selectors)):
                d.used = True
                hit = True
        return hit

    def unused(self) -> list[Directive]:
        return [d for d in self.directives if d.verb != "enable" and not d.used]


def _match(selector: str, rule_id: str, name: str) -> bool:
    return selector == name or selector == "ALL" or rule_id.startswith(selector.upper())


def parse(doc) -> Suppressions:
    text = doc.text
    sup = Suppressions()
    if "lintkit:" not in text:
        return sup
    last_line = len(doc.lines) - 1
    open_disables: list[Directive] = []
    for m in DIRECTIVE_RE.finditer(text):
        line = doc.line_index(m.start())
        raw = (m.group("rules") or "").strip()
        selectors = tuple(s.strip() for s in regex.split(r"[,\s]+", raw) if s.strip())
        d = Directive(m.group("verb"), selectors, m.start(), m.end(), line)
        sup.directives.append(d)
        if d.verb == "ignore-file":
            sup.ranges.append((0, last_line, d))
        elif d.verb == "ignore-next-line":
            nxt = line + 1
            # skip blank lines up to the next line with content
            while nxt <= last_line and not doc.line_text(nxt).strip():
                nxt += 1
            sup.ranges.append((nxt, nxt, d))
        elif d.verb == "disable":
            open_disables.append(d)
        else:  # enable
            d.used = True
            closing = [o for o in open_disables
                       if not selectors or set(o.selectors) & set(selectors) or not o.selectors]
            for o in closing:
                sup.ranges.append((o.line + 1, line - 1, o))
                open_disables.remove(o)
    for o in open_disables:
        sup.ranges.append((o.line + 1, last_line, o))
    return sup
