#!/usr/bin/env python3
"""Findings of the default rules on ../shared/corpus/real: per rule and severity, and per 10,000 characters by
document level (the ``level`` column of MANIFEST.tsv). A development script for judging precision: it prints
every error/warning finding with its context when given ``--list RULE``.

    python scripts/corpus_report.py                 # the tables
    python scripts/corpus_report.py --list PUN012   # each error/warning finding of one rule, with context
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", metavar="RULE", help="print each error/warning finding of rules with this prefix")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"{CORPUS} not found", file=sys.stderr)
        return 2
    from lintkit.engine import Linter, Options, collect, lint_files

    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8") as fh:
        manifest = {row["file"]: row for row in csv.DictReader(fh, delimiter="\t")}
    linter = Linter(Options(no_config=True))
    files, _ = collect([str(CORPUS)], linter)
    results = lint_files(linter, files, 1)
    chars: Counter[str] = Counter()
    per_level: Counter[str] = Counter()
    per_rule: dict[str, Counter[str]] = defaultdict(Counter)
    for (display, path), result in zip(files, results):
        level = manifest.get(Path(display).name, {}).get("level", "?")
        chars[level] += len(path.read_text(encoding="utf-8"))
        text = None
        for d in result.diagnostics:
            per_rule[d.rule][d.severity] += 1
            if d.severity in ("error", "warning"):
                per_level[level] += 1
                if args.list and d.rule.startswith(args.list):
                    text = text if text is not None else path.read_text(encoding="utf-8")
                    ctx = text[max(0, d.offset - 20):d.end_offset + 20].replace("\n", "⏎")
                    print(f"{Path(display).name}:{d.line}:{d.column} {d.rule} {d.severity} {d.message} | {ctx}")
    if args.list:
        return 0
    print(f"{'rule':<8} {'error':>6} {'warning':>8} {'info':>6}")
    for rid in sorted(per_rule):
        c = per_rule[rid]
        print(f"{rid:<8} {c['error']:>6} {c['warning']:>8} {c['info']:>6}")
    print(f"\n{'level':<22} {'chars':>9} {'err+warn':>9} {'per 10k':>8}")
    for level in sorted(chars):
        print(f"{level:<22} {chars[level]:>9} {per_level[level]:>9} {per_level[level] / chars[level] * 1e4:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
