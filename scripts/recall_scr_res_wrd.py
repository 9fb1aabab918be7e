#!/usr/bin/env python3
"""Recall of the SCR, RES and WRD rules on injected errors (a development script, not a test).

    python scripts/recall_scr_res_wrd.py [--per-file N] [--seed S] [--save CASES.json | --cases CASES.json]

Each correct draft of tests/fixtures/clean gets one injected error per copy, N copies per kind; an error counts
as found when a finding of the expected rule overlaps the injected span. Kinds: a document-sharing site name
inside a word (RES004), a name of that shape that is in no list (RES004, a hint when it splits a word), one pinyin annotation on a common character (RES002), a word turned into mojibake by
reading its UTF-8 bytes as GBK (RES003), a web furniture line (RES001), a variant character (SCR003), a traditional
character in simplified text (SCR001), 的 for 得 before a degree complement and 地 for 的 before a noun (WRD002),
and misspelt words outside the list (WRD003). It also prints the findings of these families on the clean drafts
themselves (they should have none). ``--save`` writes the injected cases, ``--cases`` lints saved cases instead of
making new ones (to measure another version of the rules on the same cases).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lintkit.engine import Linter, Options  # noqa: E402
from lintkit_rules._common import load_data  # noqa: E402

HAN = re.compile(r"[\u4e00-\u9fff]")
FURNITURE = ["扫一扫在手机打开当前页", "【打印本页】【关闭窗口】", "发布时间：2023-05-06 来源：本站 浏览次数：120",
             "您的位置：首页 > 工作动态 > 正文", "【微信扫一扫分享本页】"]
DE_TEMPLATES = [("这项工作做的很好。", "的", "WRD002"), ("各项任务完成的非常扎实，", "的", "WRD002"),
                ("为群众创造良好地环境。", "地", "WRD002"), ("营造浓厚地氛围。", "地", "WRD002"),
                ("我们要认真的开展工作。", "的", "WRD002")]
MISSPELT = [("贯彻", "惯彻"), ("凝聚", "凝具"), ("部署", "布署"), ("再接再厉", "再接再励"), ("诉求", "述求"),
            ("坐落", "座落"), ("迫不及待", "迫不急待"), ("按部就班", "按步就班"), ("一筹莫展", "一愁莫展"),
            ("针砭时弊", "针贬时弊")]


def inject(kind: str, text: str, rng: random.Random) -> tuple[str, int, int, str] | None:
    """(new text, start, end, expected rule) or None when the text offers no place for this kind."""
    han = [m.start() for m in HAN.finditer(text)]
    inner = [p for p in han if p > 0 and HAN.match(text, p - 1) and HAN.match(text, p + 1 if p + 1 < len(text) else p)]
    if kind == "watermark":
        sites = load_data("res")["watermark"]["sites"]
        p = rng.choice(inner)
        name = rng.choice([s for s in sites if HAN.match(s[-1])])
        return text[:p] + name + text[p:], p, p + len(name), "RES004"
    if kind == "unlisted-site":
        name = rng.choice(["星光资料网", "晨曦范文网", "云帆文库", "海川文档", "蓝鲸公文网", "青木资料网"])
        p = rng.choice(inner)
        return text[:p] + name + text[p:], p, p + len(name), "RES004"
    if kind == "pinyin":
        common = {x[0]: x[1:] for x in load_data("res_common")["common"].split()}
        cands = [p for p in inner if text[p] in common]
        p = rng.choice(cands) + 1
        ann = f"({common[text[p - 1]]})"
        return text[:p] + ann + text[p:], p, p + len(ann), "RES002"
    if kind == "mojibake":
        for _ in range(50):
            p = rng.choice(inner)
            word = text[p:p + rng.choice((2, 4))]
            if not all(HAN.match(c) for c in word):
                continue
            try:
                moji = word.encode("utf-8").decode("gbk")
            except UnicodeDecodeError:
                continue
            return text[:p] + moji + text[p + len(word):], p, p + len(moji), "RES003"
        return None
    if kind == "furniture":
        breaks = [m.end() for m in re.finditer(r"\n", text)][2:-2]
        if not breaks:
            return None
        p = rng.choice(breaks)
        line = rng.choice(FURNITURE)
        return text[:p] + line + "\n" + text[p:], p, p + len(line), "RES001"
    if kind == "variant":
        v = load_data("scr_chars")["variants"]
        by_std: dict[str, list[str]] = {}
        for c, s in zip(v["chars"], v["simplified"]):
            if len(c) == 1 and ord(c) < 0x10000:
                by_std.setdefault(s, []).append(c)
        cands = [p for p in han if text[p] in by_std]
        if not cands:
            return None
        p = rng.choice(cands)
        return text[:p] + rng.choice(by_std[text[p]]) + text[p + 1:], p, p + 1, "SCR003"
    if kind == "traditional":
        s2t = load_data("scr_chars")["maps"]["s2t"]
        pairs = dict(zip(s2t[0::2], s2t[1::2]))
        cands = [p for p in han if text[p] in pairs]
        if not cands:
            return None
        p = rng.choice(cands)
        return text[:p] + pairs[text[p]] + text[p + 1:], p, p + 1, "SCR001"
    if kind == "de-di-de":
        ends = [m.end() for m in re.finditer(r"[。！？]", text)]
        if not ends:
            return None
        p = rng.choice(ends)
        sentence, particle, rule = rng.choice(DE_TEMPLATES)
        q = p + sentence.index(particle)
        return text[:p] + sentence + text[p:], q, q + 1, rule
    if kind == "misspelling":
        found = [(m.start(), right, wrong) for right, wrong in MISSPELT for m in re.finditer(right, text)]
        ends = [m.end() for m in re.finditer(r"[。！？]", text)]
        if found:
            p, right, wrong = rng.choice(found)
            return text[:p] + wrong + text[p + len(right):], p, p + len(wrong), "WRD003"
        right, wrong = rng.choice(MISSPELT)
        p = rng.choice(ends) if ends else 0
        sentence = f"我们要{wrong}落实。"
        return text[:p] + sentence + text[p:], p + 3, p + 3 + len(wrong), "WRD003"
    raise ValueError(kind)


KINDS = ["watermark", "unlisted-site", "pinyin", "mojibake", "furniture", "variant", "traditional", "de-di-de", "misspelling"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-file", type=int, default=3)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--save", help="write the injected cases to this JSON file")
    ap.add_argument("--cases", help="lint the cases of this JSON file instead of injecting new ones")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    linter = Linter(Options(select=("SCR", "RES", "WRD"), no_config=True))
    files = sorted((ROOT / "tests" / "fixtures" / "clean").glob("*.*"))
    clean = Counter()
    for path in files:
        text = path.read_text(encoding="utf-8")
        for d in linter.lint_bytes(text.encode("utf-8"), path.name, None, suffix=path.suffix).diagnostics:
            if d.severity != "info":
                clean[d.rule] += 1
    cases = []
    if args.cases:
        cases = json.loads(Path(args.cases).read_text(encoding="utf-8"))
    else:
        for kind in KINDS:
            for path in files:
                text = path.read_text(encoding="utf-8")
                if "fanti" in path.name and kind == "traditional":
                    continue
                for _ in range(args.per_file):
                    case = inject(kind, text, rng)
                    if case is not None:
                        cases.append([kind, path.name, *case])
    if args.save:
        Path(args.save).write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    found, injected = Counter(), Counter()
    for kind, name, new, s, e, rule in cases:
        injected[kind] += 1
        diags = linter.lint_bytes(new.encode("utf-8"), name, None, suffix=Path(name).suffix).diagnostics
        if any(d.rule == rule and d.offset < e and d.end_offset > s for d in diags):
            found[kind] += 1
    print(f"error/warning findings on the {len(files)} clean drafts: {dict(clean) or 0}")
    print(f"{'kind':<14}{'found':>7}{'injected':>10}{'recall':>9}")
    for kind in KINDS:
        n = injected[kind]
        print(f"{kind:<14}{found[kind]:>7}{n:>10}{(found[kind] / n if n else 0):>9.0%}")


if __name__ == "__main__":
    main()
