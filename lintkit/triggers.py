"""Triggers: what a rule reacts to, and the scanner that finds it.

A rule declares ``on=Trigger(...)``; the engine collects the literals of every enabled rule's triggers, scans each
text view once for all of them with one :class:`LiteralScanner`, and calls each rule with its candidates only. A
rule whose literals do not occur in a document is not called at all.

A trigger names

- ``literals``: strings (or, with ``chars=``, single characters) whose every occurrence is a candidate;
- ``view``: the text it is found in: ``"text"`` (as decoded), ``"masked"`` (Markdown code, URLs and residue
  masked; the default) or any registered view whose value is a string of the text's length (``"norm"`` of the
  built-in pack: traditional characters and fullwidth digits mapped);
- optionally ``pattern`` with ``before``: the rule then receives the leftmost, non-overlapping matches of the
  pattern — the same matches as ``pattern.finditer(view)`` — found by trying the pattern only from ``before``
  characters before each occurrence of a literal up to the occurrence itself. That is exact when every match of
  the pattern contains an occurrence of one of the literals at most ``before`` characters after its start (the
  rule's *anchor*); tests/test_triggers.py holds every built-in trigger to it on the seeds, the fixtures, the
  corpus and random text.

What the rule function receives: without a pattern, the sorted list of ``(offset, literal)`` occurrences; with a
pattern, the list of match objects. A rule with several triggers (``on=(t1, t2)``) receives a tuple with one such
list per trigger, and runs when any of them is non-empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from .patterns import LazyPattern, lazy_compile


@dataclass(frozen=True, eq=False)
class Trigger:
    """What a rule reacts to (see the module documentation)."""

    literals: tuple[str, ...] = ()
    pattern: Any = None  # None, a pattern string (compiled with ``regex``), or a compiled/lazy pattern
    view: str = "masked"
    before: int = 0
    compiled: Any = field(default=None, repr=False)

    def __init__(self, *literals: str, chars: str = "", pattern: Any = None, view: str = "masked",
                 before: int = 0) -> None:
        lits = tuple(dict.fromkeys([*literals, *chars]))
        if not lits:
            raise ValueError("a trigger needs at least one literal (or chars=)")
        if any(not isinstance(x, str) or not x for x in lits):
            raise ValueError("trigger literals must be non-empty strings")
        if before < 0:
            raise ValueError("before must be >= 0")
        object.__setattr__(self, "literals", lits)
        object.__setattr__(self, "view", view)
        object.__setattr__(self, "before", before)
        object.__setattr__(self, "pattern", pattern)
        compiled = lazy_compile(pattern) if isinstance(pattern, str) else pattern
        object.__setattr__(self, "compiled", compiled)

    def candidates(self, positions: dict[str, list[int]]) -> list[tuple[int, str]]:
        """``(offset, literal)`` of every occurrence of this trigger's literals, sorted (``positions`` is a
        :meth:`LiteralScanner.scan` result)."""
        lits = self.literals
        if len(lits) == 1:
            lit = lits[0]
            found = positions.get(lit)
            return [(p, lit) for p in found] if found else []
        out: list[tuple[int, str]] = []
        for lit in lits:
            found = positions.get(lit)
            if found:
                out.extend([(p, lit) for p in found])
        out.sort()
        return out

    def anchors(self, positions: dict[str, list[int]]) -> list[int]:
        """The sorted offsets of every occurrence of this trigger's literals."""
        lits = self.literals
        if len(lits) == 1:
            return positions.get(lits[0]) or []
        out: list[int] = []
        for lit in lits:
            found = positions.get(lit)
            if found:
                out.extend(found)
        out.sort()
        return out

    def hits(self, text: str, positions: dict[str, list[int]]) -> list:
        """What the rule receives for this trigger on ``text`` (see the module documentation)."""
        if self.compiled is None:
            return self.candidates(positions)
        anchors = self.anchors(positions)
        if not anchors:
            return []
        return matches_at_anchors(self.compiled.match, text, anchors, self.before)


def matches_at_anchors(match, text: str, anchors: Sequence[int], before: int) -> list:
    """The leftmost, non-overlapping matches of a pattern (``match`` is its ``.match``) tried only from ``before``
    characters before each anchor up to the anchor; each position is tried at most once. When every position
    where the pattern matches lies at most ``before`` characters before an anchor, this is the list of
    ``pattern.finditer(text)`` (for a pattern that never matches the empty string)."""
    out = []
    tried = 0  # every position below this was tried already (or lies inside a match)
    for a in anchors:
        p = a - before
        if p < tried:
            p = tried
        stop = a + 1
        while p < stop:
            m = match(text, p)
            if m is None:
                p += 1
                continue
            out.append(m)
            end = m.end()
            p = end if end > p else p + 1
        if p > tried:
            tried = p
    return out


class LiteralScanner:
    """Every occurrence of a set of literals in one pass of a standard-library ``re`` alternation.

    The alternation is ordered longest first, so at each position it matches the longest literal that starts
    there; the shorter literals that start at the same position are its prefixes, and the literals that start
    inside a match are found from the matched literal alone (wholly inside it: known in advance; running past its
    end: one ``startswith`` each). So the result holds every occurrence, overlapping ones included, in ascending
    order per literal.

    (Chosen by measurement over 10 MB of drafts against ``pyahocorasick`` and one pass per literal: the single
    alternation is as fast as the per-literal passes, faster than the automaton, and needs no extension.)
    """

    __slots__ = ("literals", "_pattern", "_also")

    def __init__(self, literals: Iterable[str]) -> None:
        lits = sorted(set(literals), key=lambda s: (-len(s), s))
        self.literals = tuple(lits)
        self._pattern = re.compile("|".join(re.escape(x) for x in lits)) if lits else None
        # for each literal M: the other occurrences implied by a match of M at p: (offset from p, literal, sure)
        # where sure=False means "check with startswith" (the literal runs past M's end)
        also: dict[str, tuple[tuple[int, str, bool], ...]] = {}
        for m in lits:
            extra: list[tuple[int, str, bool]] = []
            for k in range(len(m)):
                for lit in lits:
                    if k == 0 and lit == m:
                        continue
                    if k + len(lit) <= len(m):
                        if m.startswith(lit, k):
                            extra.append((k, lit, True))
                    elif k > 0 and lit.startswith(m[k:]):
                        extra.append((k, lit, False))
            if extra:
                also[m] = tuple(extra)
        self._also = also

    def scan(self, text: str) -> dict[str, list[int]]:
        """``{literal: [offsets]}`` for the literals that occur in ``text``."""
        out: dict[str, list[int]] = {}
        if self._pattern is None:
            return out
        also = self._also
        if not also:
            for m in self._pattern.finditer(text):
                lit = m.group()
                found = out.get(lit)
                if found is None:
                    out[lit] = [m.start()]
                else:
                    found.append(m.start())
            return out
        for m in self._pattern.finditer(text):
            lit = m.group()
            p = m.start()
            found = out.get(lit)
            if found is None:
                out[lit] = [p]
            else:
                found.append(p)
            extra = also.get(lit)
            if extra is not None:
                for k, other, sure in extra:
                    if sure or text.startswith(other, p + k):
                        found = out.get(other)
                        if found is None:
                            out[other] = [p + k]
                        elif found[-1] != p + k:
                            found.append(p + k)
        return out
