#!/usr/bin/env python3
"""Recall of the DAT, NUM and TOT rules on injected errors.

    python scripts/recall_dat_num_tot.py [--show-missed]

Each kind of error is injected at every place of tests/fixtures/clean where it fits, one error per copy of a
document (the injection rewrites one match of the kind's pattern); the copy is linted with the DAT, NUM and TOT
families and the error counts as found when a finding of the expected rule overlaps the rewritten text. Prints
found/injected per kind. A development script: the figures go into the notes, not into tests.
"""

from __future__ import annotations

import argparse
import calendar
import re
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT / "tests" / "fixtures" / "clean"
CN = "〇一二三四五六七八九"


def _cn_year(y: str, zero: str) -> str:
    return "".join(zero if c == "0" else CN[int(c)] for c in y)


def _impossible_day(m: re.Match) -> str | None:
    month = int(m.group(1))
    if month in (4, 6, 9, 11):
        return f"{month}月31日"
    return "2月30日"


def _closed_since(m: re.Match) -> str:
    y = int(m.group(1))
    return f"{y - 3}至{y}年以来"


def _wrong_weekday(m: re.Match) -> str | None:
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        wd = calendar.weekday(y, mo, d)
    except ValueError:
        return None
    wrong = "一二三四五六日"[(wd + 2) % 7]
    return f"{m.group(0)}（星期{wrong}）"


def _impossible_percent(m: re.Match) -> str | None:
    from lintkit_rules.tot import _feasible_base, _feasible_count

    n = int(m.group(1))
    if not 3 <= n <= 5000:
        return None
    for k in range(n - 1, 0, -1):  # a percentage with one decimal that no count of n gives
        p = (Decimal(100) * k / n + Decimal("0.05")).quantize(Decimal("0.1"))
        if not _feasible_count(n, p, 1) and not _feasible_base(n, p, 1):
            return m.group(0)[:m.start(4) - m.start(0)] + f"{p}%"
    return None


def _smaller_total(m: re.Match) -> str | None:
    # the total made one less than the sum of the parts of its unit listed after 其中 in its sentence
    rest = m.string[m.end():].split("。", 1)[0]
    parts = [int(x) for x in re.findall(r"(?<![\d.])(\d+)" + m.group(2), rest)]
    if len(parts) < 2 or sum(parts) - 1 < max(parts):
        return None
    return f"{sum(parts) - 1}{m.group(2)}，其中"


# kind -> (expected rule, pattern, replacement: a string template or a function of the match, None to skip)
KINDS = {
    "year without 年 (2021全县)": ("DAT001", r"(?<![\d.\-—–~～至到])(20\d\d)年(?=[\u4e00-\u9fff])(?![度底初末中以年])", r"\1"),
    "abbreviated year (21年3月)": ("DAT002", r"(?<![\d.])20(\d\d)年(?=\d{1,2}月)", r"\1年"),
    "impossible date (4月31日)": ("DAT003", r"(?<![\d.])(\d{1,2})月(\d{1,2})日", _impossible_day),
    "closed period 以来 (2018至2021年以来)": ("DAT004", r"(?<![\d.])(20\d\d)年(?=，)", _closed_since),
    "wrong weekday": ("DAT006", r"(?<![\d.])(20\d\d)年(\d{1,2})月(\d{1,2})日(?![（(])", _wrong_weekday),
    "近…余 (近20余人)": ("NUM001", r"(?<![近约\d.])(\d+)余(?=[人名个次家户项件])", r"近\1余"),
    "余 inside a number (35余万元)": ("NUM002", r"(?<![\d.])(\d*[1-9])万(?=元|人)", r"\1余万"),
    "arabic with 千/百 (12百人)": ("NUM003", r"(?<![\d.])([1-9]\d?)00(?=[人名个次家户件])", r"\1百"),
    "arabic 0 in a Chinese year (二0二一年)": ("NUM003", r"(?<![\d.])(20\d\d)(?=年)",
                                           lambda m: _cn_year(m.group(1), "0")),
    "○ in a Chinese year (二○二一年)": ("NUM007", r"(?<![\d.])(20\d\d)(?=年)", lambda m: _cn_year(m.group(1), "○")),
    "unquoted abbreviation (十四五)": ("NUM004", r"“(十[一二三四五六七八九]五)”", r"\1"),
    "parts exceed the total": ("TOT001 TOT005", r"(?<![\d.])(\d+)([人名个家户件项])[，,]其中", _smaller_total),
    "impossible percentage": ("TOT002", r"(?<![\d.])(\d+)([件人个户名])，([^，。%\d]{0,8}率)(?:达|为)?(\d+(?:\.\d+)?)%",
                              _impossible_percent),
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show-missed", action="store_true")
    args = ap.parse_args()
    from lintkit import Document
    from lintkit.engine import Linter, Options

    linter = Linter(Options(no_config=True, select=("DAT", "NUM", "TOT")))
    ruleset = linter.ruleset(linter._load(None), None)
    docs = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(CLEAN.iterdir()) if p.suffix in (".txt", ".md")]
    total_found = total = 0
    for kind, (rid, pattern, repl) in KINDS.items():
        found = n = 0
        for name, text in docs:
            for m in re.finditer(pattern, text):
                new = repl(m) if callable(repl) else m.expand(repl)
                if new is None or new == m.group(0):
                    continue
                injected = text[:m.start()] + new + text[m.end():]
                s, e = m.start(), m.start() + len(new)
                diags = linter.lint_document(Document(injected, name), ruleset)
                hit = any(d.rule in rid.split() and d.offset < max(e, s + 1) and d.end_offset > s for d in diags)
                n += 1
                found += hit
                if not hit and args.show_missed:
                    print(f"  missed {rid} {name}: …{injected[max(0, s - 20):e + 20]}…".replace("\n", "⏎"))
        total_found += found
        total += n
        print(f"{rid:13} {kind:42} {found:3}/{n:<3} {100 * found / n if n else 0:5.1f} %")
    print(f"{'all':13} {'':42} {total_found:3}/{total:<3} {100 * total_found / total if total else 0:5.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
