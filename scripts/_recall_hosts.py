"""Host documents and the counting loop shared by the recall scripts (recall_dup_spc.py, recall_scr_res_wrd.py).

A recall figure measured on our own drafts (tests/fixtures/clean) flatters the rules, which were written with
them in view. ``--hosts DIR`` injects into other documents instead (e.g. ../shared/corpus/real, public documents
that are not ours): each injection goes into a line of running text (see ``running_lines``) that holds no finding
of the family in the unmodified document, so a finding overlapping the injected span is the injection's.

An injection counts as found when a finding of the kind's family (any severity, default configuration) overlaps
the injected span; the severity of the strongest such finding is recorded, so the report can say how many were
found only as ``info``.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT / "tests" / "fixtures" / "clean"
_RUNNING = regex.compile(r"[，,].*[。！？；]")
_HAN = regex.compile(r"\p{Han}")
_SEVERITY = {"error": 3, "warning": 2, "info": 1}


@dataclass
class Host:
    name: str
    text: str
    lines: list[tuple[int, int]]  # the running-text lines, (start, end)
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # family -> finding spans
    traditional: bool = False

    def free_lines(self, family: str) -> list[tuple[int, int]]:
        """The running-text lines that hold no finding of ``family`` in the unmodified document."""
        spans = self.spans.get(family, [])
        return [(s, e) for s, e in self.lines if not any(a < e and b > s for a, b in spans)]


def running_lines(text: str, min_len: int = 30) -> list[tuple[int, int]]:
    """Lines of running text: at least ``min_len`` characters, mostly Han, with a comma and a sentence mark."""
    out = []
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        if len(line) >= min_len and len(_HAN.findall(line)) >= 0.6 * len(line) and _RUNNING.search(line):
            out.append((s, e))
    return out


def linter():
    sys.path.insert(0, str(ROOT))
    from lintkit.engine import Linter, Options
    return Linter(Options(no_config=True))  # the default configuration: what a user gets


def lint(lin, text: str, name: str):
    return lin.lint_bytes(text.encode("utf-8"), name, None, suffix=Path(name).suffix or ".txt").diagnostics


def load_hosts(directory: Path | None, families: tuple[str, ...], lin=None) -> list[Host]:
    """The .txt/.md documents of ``directory`` (default: tests/fixtures/clean) with their running-text lines and
    the spans of their findings per family."""
    directory = directory or CLEAN
    lin = lin or linter()
    hosts = []
    for p in sorted(directory.iterdir()):
        if p.suffix not in (".txt", ".md") or p.name.isupper():
            continue
        text = p.read_text(encoding="utf-8").replace("\r\n", "\n")
        lines = running_lines(text)
        if not lines:
            continue
        spans: dict[str, list[tuple[int, int]]] = {}
        for d in lint(lin, text, p.name):
            spans.setdefault(d.rule[:3], []).append((d.offset, d.end_offset))
        hosts.append(Host(p.name, text, lines, spans, traditional=_traditional(text)))
    return hosts


def _traditional(text: str) -> bool:
    sys.path.insert(0, str(ROOT))
    from lintkit_rules._common import load_data
    t_only = set(load_data("scr_chars")["classes"]["t_only"])
    s_only = set(load_data("scr_chars")["classes"]["s_only"])
    t = sum(1 for c in text if c in t_only)
    s = sum(1 for c in text if c in s_only)
    return t > s


@dataclass
class Tally:
    found: int = 0
    injected: int = 0
    severities: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)


def measure(kinds, hosts: list[Host], per_kind: int, rng: random.Random, lin=None, tries: int = 20,
            show_misses: int = 3) -> dict[str, Tally]:
    """``kinds``: (family, name, make) where ``make(host, line, rng)`` returns (new text, start, end) for an
    injection into ``host.text`` inside ``line`` = (start, end), or raises IndexError/ValueError when the line
    offers no place for it. ``per_kind`` injections per kind, each into a random host and line."""
    lin = lin or linter()
    out: dict[str, Tally] = {}
    for family, name, make in kinds:
        t = out[f"{family} {name}"] = Tally()
        attempts = 0
        while t.injected < per_kind and attempts < per_kind * tries:
            attempts += 1
            host = rng.choice(hosts)
            lines = host.free_lines(family)
            if not lines:
                continue
            try:
                new, s, e = make(host, rng.choice(lines), rng)
            except (IndexError, ValueError, KeyError):
                continue
            t.injected += 1
            sev = [d.severity for d in lint(lin, new, host.name)
                   if d.rule.startswith(family) and d.offset < e and d.end_offset > s]
            if sev:
                t.found += 1
                t.severities[max(sev, key=_SEVERITY.get)] += 1
            else:
                t.misses.append(host.name[:24] + ": " + new[max(0, s - 10):e + 10].replace("\n", "⏎"))
    return out


def report(tallies: dict[str, Tally], show_misses: int = 3) -> None:
    total = [0, 0, 0]
    print(f"{'kind':40s} {'found':>5s}/{'inj':<4s} {'recall':>7s}  {'info':>4s}")
    for name, t in tallies.items():
        info = t.severities.get("info", 0)
        total[0] += t.found
        total[1] += t.injected
        total[2] += info
        print(f"{name:40s} {t.found:5d}/{t.injected:<4d} {100 * t.found / max(t.injected, 1):6.1f} %  {info:4d}")
        for x in t.misses[:show_misses]:
            print("      missed:", x)
    print(f"{'all':40s} {total[0]:5d}/{total[1]:<4d} {100 * total[0] / max(total[1], 1):6.1f} %  {total[2]:4d}")
