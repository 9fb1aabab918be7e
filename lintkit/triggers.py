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

from array import array
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

    def candidates(self, positions: dict[str, Sequence[int]]) -> list[tuple[int, str]]:
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

    def anchors(self, positions: dict[str, Sequence[int]]) -> Sequence[int]:
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

    def hits(self, text: str, positions: dict[str, Sequence[int]]) -> list:
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
    if before == 0:  # (most triggers: the match starts at its anchor) one try per anchor, outside a match
        for a in anchors:
            if a < tried:
                continue
            m = match(text, a)
            if m is None:
                tried = a + 1
            else:
                out.append(m)
                end = m.end()
                tried = end if end > a else a + 1
        return out
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
    """Every occurrence of a set of literals, overlapping ones included, in one pass over the text per kind of
    literal, each pass a standard-library ``re`` character class (a bitmap test per character, in C):

    - the single characters: one class of all of them; each match is an occurrence;
    - the longer literals: a character that begins one of them followed by a character that is the second
      character of one of them (``[firsts](?=[seconds])``); each such position, in text order, is checked against
      the literals that begin with those two characters. Every occurrence begins with such a pair, so none is
      missed, and each match consumes one character, so overlapping occurrences are all found.

    Chosen by measurement on the built-in pack's four scans (~600 literals, ~500 of them single characters) over
    the seed-derived benchmark corpus and corpus/real: ~0.6 of the time of an Aho–Corasick automaton
    (``pyahocorasick``), whose cost per character of text grows with the number of different first characters
    (it tries them one by one at every character) while the pair class skips the ~94 % of positions where no
    longer literal can begin at a bitmap test each.
    """

    __slots__ = ("literals", "_by_pair", "_pairs", "_character_class")

    def __init__(self, literals: Iterable[str]) -> None:
        import re

        from .cache import compile_re  # (the compiled classes are kept in the start-up cache)

        lits = sorted(set(literals), key=lambda s: (-len(s), s))
        self.literals = tuple(lits)
        singles = [x for x in lits if len(x) == 1]
        longer = [x for x in lits if len(x) > 1]
        self._character_class = compile_re("[" + "".join(map(re.escape, singles)) + "]") if singles else None
        by_pair: dict[str, list[str]] = {}
        for lit in longer:
            by_pair.setdefault(lit[:2], []).append(lit)
        self._by_pair = {pair: tuple(words) for pair, words in by_pair.items()}
        self._pairs = None
        if longer:
            firsts = "".join(map(re.escape, sorted({x[0] for x in longer})))
            seconds = "".join(map(re.escape, sorted({x[1] for x in longer})))
            self._pairs = compile_re(f"[{firsts}](?=[{seconds}])")

    def scan(self, text: str) -> dict[str, Any]:
        """``{literal: offsets}`` (ascending) for the literals that occur in ``text``. The offsets are an
        ``array`` of C ints (4 bytes each, not the 36 of an int object in a list: a 10 MB draft has ~500,000
        occurrences, held until the last rule of the phase has run)."""
        out: dict[str, Any] = {}
        code = "i" if len(text) < 2 ** 31 else "q"
        if self._pairs is not None:
            by_pair = self._by_pair
            startswith = text.startswith
            for m in self._pairs.finditer(text):
                p = m.start()
                words = by_pair.get(text[p:p + 2])
                if words is None:
                    continue
                for w in words:
                    if startswith(w, p):
                        found = out.get(w)
                        if found is None:
                            out[w] = array(code, (p,))
                        else:
                            found.append(p)
        if self._character_class is not None:
            for m in self._character_class.finditer(text):
                c = m.group()
                found = out.get(c)
                if found is None:
                    out[c] = array(code, (m.start(),))
                else:
                    found.append(m.start())
        return out
