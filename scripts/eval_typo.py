#!/usr/bin/env python3
"""Measure WRD008 (typo): recall and precision on ECSpell's odw sentences, false findings on correct text.

    python scripts/eval_typo.py                 # held-out split (odd ids), corpus/real, tests/fixtures/clean
    python scripts/eval_typo.py --split even    # the development split
    python scripts/eval_typo.py --show          # also print every finding (and every missed typo with -v)

The split is fixed by the sentence id (scripts/build_typo_data.py counts only the even ones' corrected text):
even ids are for development, odd ids are held out. Figures:
- recall: typo spans (``errors``) with a finding on one of their characters / all typo spans;
- precision: findings on an erroneous sentence that lie on a typo span / all findings on erroneous sentences
  (and, in brackets, those whose correction is also right);
- false findings per 10,000 characters of the corrected sentences (``tgt``), of ../shared/corpus/real (every
  finding there is counted; read them with --show: some are real typos) and of tests/fixtures/clean.
The data under test is rules/data/typo unless ``--data DIR`` names another build (e.g. one made with
``build_typo_data.py --real-half even --out DIR``: then corpus/real is measured on its odd documents only).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("odd", "even"), default="odd")
    ap.add_argument("--data", type=Path, help="another data directory (default: rules/data/typo)")
    ap.add_argument("--real-half", choices=("all", "odd"), default="all",
                    help="measure corpus/real on all documents or only the odd ones (sorted order)")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("-v", action="store_true", help="with --show: also the missed typos")
    args = ap.parse_args()

    from lintkit_rules import _typo
    if args.data:
        _typo._DIR = str(args.data.resolve())
    t0 = time.perf_counter()
    d = _typo.data()
    d.word_class("常务")
    d.confusions("常")
    load = time.perf_counter() - t0

    from lintkit import _options
    from lintkit.engine import Linter
    linter = Linter(_options(["WRD008"], (), (), None, True), ())

    def findings(text: str):
        res = linter.lint_bytes(text.encode("utf-8"), "-", None, suffix=".txt")
        return [x for x in res.diagnostics if x.rule == "WRD008"]

    rows = [json.loads(line) for line in open(CORPUS / "ecspell" / "ecspell-odw-train.jsonl", encoding="utf-8")]
    want = 0 if args.split == "even" else 1
    rows = [r for r in rows if int(r["id"].rsplit("-", 1)[1]) % 2 == want]
    spans = found_spans = 0
    on_err = on_err_true = on_err_fixed = 0
    tgt_chars = tgt_false = 0
    for r in rows:
        errs = r["errors"]
        spans += len(errs)
        got = findings(r["src"])
        hit = set()
        for f in got:
            ok = [i for i, e in enumerate(errs) if e["start"] <= f.offset < e["end"]]
            if errs:
                on_err += 1
                if ok:
                    on_err_true += 1
                    hit.update(ok)
                    e = errs[ok[0]]
                    if f.fix and f.fix.edits[0].content == e["tgt"][f.offset - e["start"]]:
                        on_err_fixed += 1
            if args.show:
                print(("TRUE " if ok else "FALSE") + f" {r['id']} {f.message} | {r['src'][max(0, f.offset - 12):f.offset + 12]}")
        found_spans += len(hit)
        if args.show and args.v:
            for i, e in enumerate(errs):
                if i not in hit:
                    print(f"MISS  {r['id']} {e['src']}→{e['tgt']} | {r['src'][max(0, e['start'] - 10):e['end'] + 10]}")
        tgt_chars += len(r["tgt"])
        got = findings(r["tgt"])
        tgt_false += len(got)
        if args.show:
            for f in got:
                print(f"TGT   {r['id']} {f.message} | {r['tgt'][max(0, f.offset - 12):f.offset + 12]}")

    def per10k(n: int, chars: int) -> str:
        return f"{n} in {chars:,} chars = {1e4 * n / max(chars, 1):.2f} per 10k"

    def docs(paths, label):
        chars = n = 0
        sev = {}
        for p in paths:
            text = p.read_text(encoding="utf-8")
            chars += len(text)
            for f in findings(text):
                n += 1
                sev[f.severity] = sev.get(f.severity, 0) + 1
                if args.show:
                    print(f"{label:5} {p.name}:{f.line} {f.message} | {text[max(0, f.offset - 12):f.offset + 12]}")
        return n, chars, sev

    real = sorted((CORPUS / "real").glob("*.txt"))
    if args.real_half == "odd":
        real = real[1::2]
    rn, rc, rsev = docs(real, "REAL")
    cn, cc, csev = docs(sorted((ROOT / "tests" / "fixtures" / "clean").glob("*")), "CLEAN")

    print(f"split {args.split}: {len(rows)} sentences, {spans} typo spans")
    print(f"recall     {found_spans}/{spans} = {found_spans / max(spans, 1):.1%}")
    print(f"precision  {on_err_true}/{on_err} = {on_err_true / max(on_err, 1):.1%} on erroneous sentences "
          f"(correction also right: {on_err_fixed})")
    print(f"corrected sentences: {per10k(tgt_false, tgt_chars)}")
    print(f"corpus/real ({args.real_half}): {per10k(rn, rc)} {rsev}")
    print(f"fixtures/clean: {per10k(cn, cc)} {csev}")
    print(f"data load: {load * 1000:.1f} ms")


if __name__ == "__main__":
    main()
