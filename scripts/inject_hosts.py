"""Shared machinery of the injection scripts (inject_pun_seq.py, recall_dat_num_tot.py): host documents, running-text
paragraphs, sampling and counting. A development module, imported by the scripts only.

A *kind* of injected error is ``Kind(name, families, sites)``: ``sites(host, rng)`` yields ``(start, end, new)``
candidates in a host document (the text ``host.text[start:end]`` is replaced by ``new``); ``families`` are the rule-id
prefixes whose finding counts as finding the error (``("SEQ",)``, ``("DAT", "PUN")`` …). An injection is found when a
finding of one of those families overlaps the injected span; the table also gives the share found by any rule, and
the severities of the findings that found it.

Hosts are documents that are not ours when ``--hosts ../shared/corpus/real`` is given (the default is
tests/fixtures/clean, our own drafts, whose figures flatter). A site is skipped when the unchanged host already has a
finding of the kind's families there (a real error of the host is no injection found).
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT / "tests" / "fixtures" / "clean"
HAN = "\u4e00-\u9fff"
Site = tuple  # (start, end, new) or (start, end, new, (a, b)): a finding is expected over [a, b) of the host (the
#              injected span when not given; positions after the change are moved with it)


@dataclass
class Host:
    name: str
    text: str
    prose: list[tuple[int, int]] = field(default_factory=list)  # running-text paragraphs (line spans)

    def in_prose(self, s: int, e: int | None = None) -> bool:
        e = s if e is None else e
        return any(ps <= s and e <= pe for ps, pe in self.prose)


_RUNNING = re.compile(r"[。；，]")


def running_text(text: str) -> list[tuple[int, int]]:
    """Spans of the lines that are running text: at least 30 Han characters, a comma or full stop inside, and not a
    heading (a line that does not end with a sentence mark and holds fewer than 40 characters)."""
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        han = sum(1 for c in body if "\u4e00" <= c <= "\u9fff")
        if han >= 30 and _RUNNING.search(body) and (body.rstrip()[-1:] in "。；！？”）" or len(body) >= 40):
            out.append((pos, pos + len(body)))
        pos += len(line)
    return out


def load_hosts(directory: Path) -> list[Host]:
    hosts = []
    for p in sorted(directory.iterdir()):
        if p.suffix not in (".txt", ".md"):
            continue
        text = p.read_text(encoding="utf-8")
        hosts.append(Host(p.name, text, running_text(text)))
    return hosts


@dataclass
class Kind:
    name: str
    families: tuple[str, ...]
    sites: Callable[[Host, random.Random], Iterator[Site]]


@dataclass
class Result:
    found: int = 0
    any_rule: int = 0
    injected: int = 0
    severities: Counter = field(default_factory=Counter)
    missed: list[str] = field(default_factory=list)


def _overlaps(d, a: int, b: int) -> bool:
    return d.offset < b and a < d.end_offset


def measure(kinds: list[Kind], hosts: list[Host], *, per_doc: int = 2, per_kind: int = 60, seed: int = 17,
            select: tuple[str, ...] | None = None) -> dict[str, Result]:
    """Inject each kind at up to ``per_doc`` sites per host and ``per_kind`` sites in all (a fixed seed), lint each
    copy (default rules, no configuration unless ``select``) and count."""
    from lintkit import Document
    from lintkit.engine import Linter, Options

    linter = Linter(Options(no_config=True, select=select) if select else Options(no_config=True))
    ruleset = linter.ruleset(linter._load(None), None)
    base = {h.name: linter.lint_document(Document(h.text, h.name), ruleset) for h in hosts}
    results: dict[str, Result] = {}
    for kind in kinds:
        rng = random.Random(f"{seed}:{kind.name}")
        chosen: list[tuple[Host, Site]] = []
        for h in hosts:
            cands = []
            for site in kind.sites(h, rng):
                s, e = site[0], site[1]
                a, b = site[3] if len(site) > 3 else (s - 1, max(e, s + 1) + 1)
                if any(d.rule.startswith(kind.families) and _overlaps(d, a, b) for d in base[h.name]):
                    continue  # the host already has a finding of the family here
                cands.append(site)
            for site in rng.sample(cands, min(per_doc, len(cands))):
                chosen.append((h, site))
        if len(chosen) > per_kind:
            chosen = rng.sample(chosen, per_kind)
        res = results[kind.name] = Result()
        for h, site in chosen:
            s, e, new = site[:3]
            copy = h.text[:s] + new + h.text[e:]
            a, b = s, s + max(len(new), 1)
            if not new:  # a deletion: the characters on either side
                a, b = s - 1, s + 1
            if len(site) > 3:
                shift = len(new) - (e - s)
                a, b = (p if p <= s else p + shift for p in site[3])
            diags = linter.lint_document(Document(copy, h.name), ruleset)
            hits = [d for d in diags if _overlaps(d, a, b) and d.rule.startswith(kind.families)]
            res.injected += 1
            res.found += bool(hits)
            res.any_rule += bool(hits) or any(_overlaps(d, a, b) for d in diags)
            if hits:
                res.severities[max((d.severity for d in hits), key=["info", "warning", "error"].index)] += 1
            else:
                ctx = f"{h.name}: …{copy[max(0, s - 18):s]}【{new}】{copy[s + len(new):s + len(new) + 12]}…"
                res.missed.append(ctx.replace("\n", "⏎"))
    return results


def report(kinds: list[Kind], results: dict[str, Result], show: int = 0) -> None:
    tf = ta = tn = 0
    print(f"{'kind':44} {'families':9} {'found':>9} {'share':>7} {'any rule':>8}  severities")
    for kind in kinds:
        r = results[kind.name]
        tf, ta, tn = tf + r.found, ta + r.any_rule, tn + r.injected
        share = f"{100 * r.found / r.injected:5.1f} %" if r.injected else "    —  "
        anys = f"{100 * r.any_rule / r.injected:5.1f} %" if r.injected else "    —  "
        sev = " ".join(f"{k}:{v}" for k, v in sorted(r.severities.items()))
        print(f"{kind.name:44} {'+'.join(kind.families):9} {r.found:4}/{r.injected:<4} {share} {anys}  {sev}")
        for line in r.missed[:show]:
            print("    missed:", line)
    fams = sorted({k.families[0] for k in kinds})
    for fam in fams:
        f = sum(results[k.name].found for k in kinds if k.families[0] == fam)
        n = sum(results[k.name].injected for k in kinds if k.families[0] == fam)
        print(f"{'family ' + fam:44} {'':9} {f:4}/{n:<4} {100 * f / max(n, 1):5.1f} %")
    print(f"{'all':44} {'':9} {tf:4}/{tn:<4} {100 * tf / max(tn, 1):5.1f} % {100 * ta / max(tn, 1):5.1f} %")


def add_arguments(ap) -> None:
    ap.add_argument("--hosts", type=Path, default=CLEAN,
                    help="directory of correct host documents (default tests/fixtures/clean; e.g. ../shared/corpus/real)")
    ap.add_argument("--show", type=int, default=0, help="print up to N missed injections per kind")
    ap.add_argument("--per-doc", type=int, default=2, help="injections per host document and kind (default 2)")
    ap.add_argument("--per-kind", type=int, default=60, help="injections per kind at most (default 60)")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--kind", help="only the kinds whose name contains this")


# ----------------------------------------------------------------------------------------------- site helpers
def sites(pattern: str, host: Host, make: Callable[[re.Match], str | None], *, prose: bool = True,
          group: int = 0) -> Iterator[Site]:
    """The matches of ``pattern`` (in running text unless ``prose=False``), each replaced by ``make(m)``; the
    replaced span is group ``group``."""
    for m in re.finditer(pattern, host.text):
        s, e = m.span(group)
        if prose and not host.in_prose(s, e):
            continue
        new = make(m)
        if new is not None and new != host.text[s:e]:
            yield s, e, new


def insert_clause(host: Host, rng: random.Random, clauses: list[str]) -> Iterator[Site]:
    """After a Han character before a comma or full stop of running text: one clause of ``clauses`` (its span is
    the injected text; the clause starts with its own comma)."""
    for m in re.finditer(rf"(?<=[{HAN}])(?=[，。])", host.text):
        if host.in_prose(m.start()):
            yield m.start(), m.start(), rng.choice(clauses)
