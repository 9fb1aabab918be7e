#!/usr/bin/env python3
"""Compare every finding of the built-in rules before and after a change.

    python scripts/equiv.py dump before.json [PATH...]   # default: seeds, tests/fixtures, ../shared/corpus/real
                                                         # and variants of the seeds and fixtures (see make_variants)
    python scripts/equiv.py diff before.json after.json [--rule PREFIX]

``dump`` lints the paths with every rule selected (no configuration files) and writes one JSON object per
finding; ``diff`` prints the findings missing from and new in the second dump, and exits 1 when they differ.
This is a development script: tests hold the triggers to the same property (tests/test_triggers.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATHS = [ROOT / "seeds", ROOT / "tests" / "fixtures", ROOT.parent / "shared" / "corpus" / "real"]


def _key(d: dict) -> tuple:
    fix = d["fix"]
    edits = tuple((e["offset"], e["end_offset"], e["content"]) for e in fix["edits"]) if fix else None
    return (d["path"], d["offset"], d["end_offset"], d["rule"], d["severity"], d["message"], edits)


VARIANTS = Path("/tmp/lintkit-equiv-variants")


def make_variants() -> Path:
    """Variants of the seeds and fixtures that reach other code paths: halfwidth punctuation throughout,
    traditional script (OpenCC), the whole text as one line, CRLF line ends, doubled sentences."""
    import shutil

    from opencc_purepy import OpenCC

    if VARIANTS.exists():
        shutil.rmtree(VARIANTS)
    VARIANTS.mkdir(parents=True)
    to_trad = OpenCC("s2t")
    half = str.maketrans("，；：！？（）", ",;:!?()")
    sources = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))
    for i, src in enumerate(sources):
        text = src.read_text(encoding="utf-8")
        stem = f"{i:03d}_{src.stem}"
        (VARIANTS / f"{stem}_half.txt").write_text(text.translate(half), encoding="utf-8")
        (VARIANTS / f"{stem}_trad.txt").write_text(to_trad.convert(text), encoding="utf-8")
        (VARIANTS / f"{stem}_line.txt").write_text(text.replace("\n", ""), encoding="utf-8")
        (VARIANTS / f"{stem}_crlf.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
        (VARIANTS / f"{stem}_twice.md").write_text(text.replace("。", "。" * 1).replace("\n", "\n\n"),
                                                   encoding="utf-8")
    return VARIANTS


def dump(out: str, paths: list[str]) -> None:
    from lintkit.engine import Linter, Options, collect, lint_files

    linter = Linter(Options(no_config=True, select=("ALL",)))
    files, errors = collect([str(p) for p in paths], linter)
    for e in errors:
        print(e, file=sys.stderr)
    results = lint_files(linter, files, 1)
    rows = [d.to_dict() for r in results for d in r.diagnostics]
    Path(out).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    print(f"{len(rows)} findings in {len(files)} files -> {out}")


def diff(a: str, b: str, prefix: str) -> int:
    rows_a = [r for r in json.loads(Path(a).read_text(encoding="utf-8")) if r["rule"].startswith(prefix)]
    rows_b = [r for r in json.loads(Path(b).read_text(encoding="utf-8")) if r["rule"].startswith(prefix)]
    ca, cb = Counter(map(_key, rows_a)), Counter(map(_key, rows_b))
    missing, new = ca - cb, cb - ca
    for k in sorted(missing.elements()):
        print("missing", *k[:6])
    for k in sorted(new.elements()):
        print("new    ", *k[:6])
    print(f"{len(rows_a)} -> {len(rows_b)} findings: {sum(missing.values())} missing, {sum(new.values())} new")
    return 1 if missing or new else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out")
    d.add_argument("paths", nargs="*")
    f = sub.add_parser("diff")
    f.add_argument("a")
    f.add_argument("b")
    f.add_argument("--rule", default="")
    args = ap.parse_args()
    if args.cmd == "dump":
        dump(args.out, args.paths or [p for p in DEFAULT_PATHS if p.exists()] + [make_variants()])
        return 0
    return diff(args.a, args.b, args.rule)


if __name__ == "__main__":
    sys.exit(main())
