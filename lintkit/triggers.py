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
list per trigger, and runs when any of them is non-empty. The lists are computed once per document and phase
and shared by every rule that declares the same Trigger object, so a rule reads them and never modifies them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from .patterns import lazy_compile


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
    """Every occurrence of a set of literals, overlapping ones included, in one pass over the text: an
    Aho–Corasick automaton (``pyahocorasick``) reads the text once whatever the number of literals.

    The automaton looks each character up among the children of its current node one by one, so its cost per
    character grows with the number of different first characters; a large set of single characters (RES003's
    hundreds of GBK lead characters) is found instead by one standard-library ``re`` character class, a bitmap
    test per character, and so is a set of literals that are all single characters (the class needs no
    automaton step per character of the text).

    Chosen by measurement on the 10 MB benchmark corpus, for the ~240 literals of the built-in masked-text
    triggers: the automaton took a third of the time of one ``re`` alternation of the literals (the alternatives
    are tried one after another at each position) and of one pass per literal; for the ~490 residue-phase literals,
    of which ~450 are single characters, the class plus the automaton took a sixth of the automaton alone.
    """

    #: single-character literals beyond this many are found by a character class
    MAX_AUTOMATON_CHARACTERS = 64

    __slots__ = ("literals", "_automaton", "_words", "_ends", "_character_class")

    def __init__(self, literals: Iterable[str]) -> None:
        lits = sorted(set(literals), key=lambda s: (-len(s), s))
        self.literals = tuple(lits)
        singles = [x for x in lits if len(x) == 1]
        self._character_class = None
        if len(singles) > self.MAX_AUTOMATON_CHARACTERS or len(singles) == len(lits):
            import re

            self._character_class = re.compile("[" + "".join(re.escape(c) for c in singles) + "]")
            lits = [x for x in lits if len(x) > 1]
        self._automaton = None
        self._words = tuple(lits)
        # a match is reported at its last character: its start is end - (length - 1)
        self._ends = tuple(len(x) - 1 for x in lits)
        if lits:
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for i, lit in enumerate(lits):
                automaton.add_word(lit, i)
            automaton.make_automaton()
            self._automaton = automaton

    def scan(self, text: str) -> dict[str, list[int]]:
        """``{literal: [offsets]}`` (ascending) for the literals that occur in ``text``."""
        out: dict[str, list[int]] = {}
        if self._automaton is not None:
            by_index: dict[int, list[int]] = {}
            for end, i in self._automaton.iter(text):
                found = by_index.get(i)
                if found is None:
                    by_index[i] = [end]
                else:
                    found.append(end)
            ends = self._ends
            words = self._words
            for i, found in by_index.items():
                k = ends[i]
                out[words[i]] = [e - k for e in found] if k else found
        if self._character_class is not None:
            for m in self._character_class.finditer(text):
                c = m.group()
                found = out.get(c)
                if found is None:
                    out[c] = [m.start()]
                else:
                    found.append(m.start())
        return out
