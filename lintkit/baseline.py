"""Baseline (DESIGN.md §8): remember today's findings so that a run reports only new ones.

``lintkit check --baseline FILE`` drops every finding recorded in FILE; ``--update-baseline`` (re)writes FILE
with the findings of this run. A finding is keyed by (path, rule, fingerprint), where the fingerprint is a hash
of the rule id, the offending text and up to 8 characters on either side of it *within its own line*. The key
holds no line or column, so a finding survives lines moved, inserted or deleted elsewhere in the file; clipping
the context at line breaks keeps it stable when the line itself moves (its neighbours change, it does not) and
when line endings change (CRLF is hashed as LF). Identical findings in one file are counted, so a second copy of
a baselined mistake is still reported.

Paths are stored relative to the baseline file's directory, so the baseline works from any working directory.
The file is JSON, sorted, one entry per key, meant to be committed and reviewed.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterable

CONTEXT = 8
FORMAT_VERSION = 1
#: findings that are never baselined: they are not findings in the text but failures of the run
NEVER_BASELINED = ("LNT001", "LNT002")


class BaselineError(Exception):
    """The baseline file is missing, unreadable or malformed (exit code 2); the message names the file."""


def context(source: str, offset: int, end_offset: int, width: int = CONTEXT) -> tuple[str, str]:
    """Up to ``width`` characters before and after ``[offset, end_offset)``, not crossing a line break.

    Only a window of ``width`` characters is searched, so the cost does not depend on the length of the line.
    """
    lo = max(0, offset - width)
    before = source[lo:offset]
    cut = max(before.rfind("\n"), before.rfind("\r"))
    if cut != -1:
        before = before[cut + 1:]
    after = source[end_offset:end_offset + width]
    ends = [i for i in (after.find("\n"), after.find("\r")) if i != -1]
    if ends:
        after = after[:min(ends)]
    return before, after


def fingerprint(rule: str, text: str, before: str, after: str) -> str:
    """A stable hash of a finding: rule id, offending text and its in-line context (CRLF hashed as LF)."""
    norm = "\x00".join((rule, before, text, after)).replace("\r\n", "\n").replace("\r", "\n")
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:20]


def diagnostic_fingerprint(diag, source: str | None) -> str:
    """The fingerprint of a :class:`~lintkit.model.Diagnostic`, given the text it was found in."""
    if source is None or diag.end_offset > len(source):
        return fingerprint(diag.rule, diag.text, "", "")
    before, after = context(source, diag.offset, diag.end_offset)
    return fingerprint(diag.rule, diag.text, before, after)


@dataclass(frozen=True)
class Entry:
    path: str
    rule: str
    hash: str


def _key_path(display: str, base: Path) -> str:
    """The path of a checked file as stored in a baseline at directory ``base`` (``/`` separators)."""
    if display == "-":
        return "-"
    try:
        rel = os.path.relpath(os.path.abspath(display), base)
    except ValueError:  # another drive (Windows)
        rel = os.path.abspath(display)
    return PurePosixPath(*Path(rel).parts).as_posix()


class Baseline:
    """The findings recorded in a baseline file, as a multiset of entries."""

    def __init__(self, path: Path, counts: Counter | None = None, texts: dict[Entry, str] | None = None) -> None:
        self.path = Path(path)
        self.base = Path(os.path.abspath(self.path)).parent
        self.counts: Counter = counts if counts is not None else Counter()
        self.texts: dict[Entry, str] = texts if texts is not None else {}

    # ------------------------------------------------------------------ file
    @classmethod
    def load(cls, path: str | Path) -> "Baseline":
        path = Path(path)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise BaselineError(f"{path}: baseline file not found (create it with --update-baseline)") from None
        except OSError as exc:
            raise BaselineError(f"{path}: cannot read the baseline file: {exc.strerror or exc}") from None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BaselineError(f"{path}: not a lintkit baseline (invalid JSON: {exc})") from None
        if not isinstance(data, dict) or data.get("lintkit-baseline") != FORMAT_VERSION or \
                not isinstance(data.get("findings"), list):
            raise BaselineError(f"{path}: not a lintkit baseline (expected an object with "
                                f"\"lintkit-baseline\": {FORMAT_VERSION} and a \"findings\" list)")
        counts: Counter = Counter()
        texts: dict[Entry, str] = {}
        for i, item in enumerate(data["findings"]):
            try:
                entry = Entry(str(item["path"]), str(item["rule"]), str(item["hash"]))
                n = int(item.get("count", 1))
            except (KeyError, TypeError, ValueError):
                raise BaselineError(f"{path}: findings[{i}]: expected path, rule, hash and count") from None
            if n < 1:
                raise BaselineError(f"{path}: findings[{i}]: count must be at least 1")
            counts[entry] += n
            texts[entry] = str(item.get("text", ""))
        return cls(path, counts, texts)

    def save(self) -> None:
        """Write the baseline atomically (temporary file in the same directory, then ``os.replace``)."""
        findings = []
        for e in sorted(self.counts, key=lambda e: (e.path, e.rule, e.hash)):
            findings.append({"path": e.path, "rule": e.rule, "hash": e.hash, "count": self.counts[e],
                             "text": self.texts.get(e, "")})
        data = json.dumps({"lintkit-baseline": FORMAT_VERSION, "findings": findings}, ensure_ascii=False, indent=1)
        target = Path(os.path.abspath(self.path))
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(data + "\n")
            os.replace(tmp, target)
        except OSError as exc:
            raise BaselineError(f"{self.path}: cannot write the baseline file: {exc.strerror or exc}") from None

    # ------------------------------------------------------------------ use
    def entries_of(self, display: str, diagnostics: Iterable, source: str | None) -> list[tuple[Entry, object]]:
        path = _key_path(display, self.base)
        return [(Entry(path, d.rule, diagnostic_fingerprint(d, source)), d) for d in diagnostics
                if d.rule not in NEVER_BASELINED]

    def filter(self, results) -> tuple[int, int]:
        """Drop baselined diagnostics from each :class:`~lintkit.engine.FileResult` (in place).

        Returns (number of findings dropped, number of baseline entries of the checked files that matched
        nothing any more — fixed since the baseline was written)."""
        remaining = Counter(self.counts)
        dropped = 0
        checked: set[str] = set()
        for r in results:
            checked.add(_key_path(r.path, self.base))
            keep_ids = set()
            for entry, d in self.entries_of(r.path, r.diagnostics, r.source):
                if remaining[entry] > 0:
                    remaining[entry] -= 1
                    dropped += 1
                else:
                    keep_ids.add(id(d))
            r.diagnostics = [d for d in r.diagnostics if d.rule in NEVER_BASELINED or id(d) in keep_ids]
        stale = sum(n for e, n in remaining.items() if n > 0 and e.path in checked)
        return dropped, stale

    def update(self, results) -> int:
        """Replace the entries of the files checked in this run by their current findings (entries of files not
        checked in this run are kept). Returns the number of findings recorded for the checked files."""
        checked = {_key_path(r.path, self.base) for r in results}
        counts: Counter = Counter({e: n for e, n in self.counts.items() if e.path not in checked})
        texts = {e: t for e, t in self.texts.items() if e.path not in checked}
        recorded = 0
        for r in results:
            for entry, d in self.entries_of(r.path, r.diagnostics, r.source):
                counts[entry] += 1
                texts[entry] = d.text if len(d.text) <= 40 else d.text[:39] + "…"
                recorded += 1
        self.counts, self.texts = counts, texts
        return recorded
