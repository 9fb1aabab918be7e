#!/usr/bin/env python3
"""Recall of the SCR, RES and WRD rules on injected errors (a development script, not a test).

    python scripts/recall_scr_res_wrd.py [--hosts DIR] [--per-file N] [--seed S] [--only KIND] [--misses N]
                                         [--save CASES.json | --cases CASES.json]

Each correct draft of tests/fixtures/clean (or, with ``--hosts DIR``, each document of DIR, e.g.
../shared/corpus/real: documents that are not ours, the figure that estimates unseen drafts) gets one injected
error per copy, N copies per kind; an error counts as found when a finding of the expected rule's family (any
severity, default configuration) overlaps the injected span, and the table says how many were found only as
``info``. The SCR and RES kinds inject into lines of running text (scripts/_recall_hosts.py) that hold no finding
of the family, with material that is not our data: site names of several shapes made from words of jieba's
dictionary, a pinyin annotation of any character with its reading in context (pypinyin), mojibake of any run of
one to four characters (with a mark, or with a broken last byte), web furniture lines assembled from parts,
variants from Unihan's variant fields (Debian's unicode-data) and OpenCC's variant tables. Kinds: a document-sharing site name
inside a word (RES004), a name of that shape that is in no list (RES004, a hint when it splits a word), one pinyin annotation on a common character (RES002), a word turned into mojibake by
reading its UTF-8 bytes as GBK (RES003), a web furniture line (RES001), a variant character (SCR003), a traditional
character in simplified text (SCR001), 的 for 得 before a degree complement and 地 for 的 before a noun (WRD002),
and misspelt words outside the list (WRD003). It also prints the findings of these families on the clean drafts
themselves (they should have none). ``--save`` writes the injected cases, ``--cases`` lints saved cases instead of
making new ones (to measure another version of the rules on the same cases).
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "scripts"))
from _recall_hosts import running_lines  # noqa: E402
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


# ------------------------------------------------------------------------------------------------- SCR/RES material
# Material for the SCR and RES kinds that is not our data: the rules must find it by mechanism.
SITE_TAILS = ["网", "網", "文库", "文档", "资料网", "范文网", "公文网", "文秘网", "文档网", "文摘网", "写作网",
              "学习网", "知识网", "素材网", "文档库", "资料库", "范文库", "文库网", "教育网", "办公网"]
SITE_HEADS = ["公文", "文秘", "范文", "文档", "材料", "写作", "资料", "秘书"]
SITE_ENDS = ["搜", "帮", "汇", "吧", "屋", "宝", "通", "派", "之家", "大全", "114", "118", "123", "88", "在线",
             "中心", "网", "库"]
ORGS = ["县人民政府", "县委办公室", "市妇女联合会", "区政务服务中心", "镇人民政府", "县融媒体中心"]


@functools.lru_cache(maxsize=1)
def _jieba_words() -> tuple[list[str], list[str]]:
    """(two-character nouns and adjectives of jieba's dictionary, frequency ≥ 500; its pinyin-free prefixes)."""
    import jieba
    d = Path(jieba.__file__).parent / "dict.txt"
    out = []
    for ln in d.read_text(encoding="utf-8").splitlines():
        w, f, t = ln.split()
        if len(w) == 2 and t in ("n", "nz", "a", "ns") and int(f) >= 500 and all(HAN.match(c) for c in w):
            out.append(w)
    return out


def site_name(rng: random.Random) -> str:
    """A name of a document-sharing or template site, of one of several shapes, that is not in our data."""
    listed = set(load_data("res")["watermark"]["sites"])
    while True:
        shape = rng.randrange(4)
        if shape == 0:
            name = rng.choice(_jieba_words()) + rng.choice(SITE_TAILS)
        elif shape == 1:
            name = rng.choice(SITE_HEADS) + rng.choice(SITE_ENDS)
        elif shape == 2:
            name = str(rng.choice([51, 99, 360, 163, 888, 365, 100])) + rng.choice(["范文网", "文库", "公文网", "文档"])
        else:
            from pypinyin import Style, lazy_pinyin
            w = rng.choice(_jieba_words()) + rng.choice(["文库", "范文", "公文"])
            py = "".join(x[0] for x in lazy_pinyin(w, style=Style.NORMAL)) if rng.random() < 0.5 else \
                "".join(lazy_pinyin(w))
            name = rng.choice(["www.{}.com", "{}.com", "www.{}.cn", "{}.net"]).format(py)
        if name not in listed and not any(x in name for x in listed):
            return name


def furniture_line(rng: random.Random) -> str:
    """A line of web page furniture assembled from parts (links, publication data, navigation, sharing, footer)."""
    date = f"20{rng.randrange(15, 26)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    n = rng.randrange(10, 9999)
    org = rng.choice(_jieba_words()) + rng.choice(ORGS)
    title = rng.choice(_jieba_words()) + rng.choice(_jieba_words()) + rng.choice(["工作会议召开", "专项行动启动",
                                                                                   "工作总结", "实施方案"])
    links = ["【打印】", "【关闭】", "【打印本页】", "【关闭窗口】", "【返回顶部】", "【我要打印】", "【收藏】",
             "[打印]", "[关闭]", "【字体：大 中 小】", "【字号：大 中 小】", "【加入收藏】", "【返回】",
             "【大】【中】【小】", "[关闭窗口]", "【打印此页】"]
    shapes = [
        lambda: rng.choice(["", " "]).join(rng.sample(links, rng.randrange(2, 5))),
        lambda: rng.choice(["扫一扫在手机打开当前页", "扫一扫在手机上查看当前页面", "微信扫一扫分享本页",
                            "用微信扫描二维码分享至好友和朋友圈", "扫码在手机上阅读", "手机扫一扫，阅读更方便"]),
        lambda: f"来源：{org}  发布时间：{date}  浏览次数：{n}",
        lambda: f"发布日期：{date} 作者：{rng.choice(['张明', '李华', '王芳'])} 点击：{n}",
        lambda: f"信息来源：{org} 发布时间：{date} {rng.randrange(0, 24):02d}:{rng.randrange(60):02d}",
        lambda: f"【字体：大 中 小】 发布时间：{date}",
        lambda: f"当前位置：首页 > {rng.choice(['政务公开', '新闻中心', '工作动态'])} > {rng.choice(['正文', '通知公告'])}",
        lambda: f"您现在的位置：首页 >> {rng.choice(['工作动态', '部门动态'])}",
        lambda: rng.choice(["分享到：微信 微博 QQ空间", "分享到：", "分享：微信 微博"]),
        lambda: f"{rng.choice(['上一篇', '下一篇'])}：{title}",
        lambda: f"主办单位：{org}  承办单位：{org}办公室",
        lambda: f"版权所有：{org}  技术支持：{rng.choice(_jieba_words())}科技有限公司",
        lambda: f"网站标识码：{rng.randrange(10**9, 10**10)}  吉ICP备{rng.randrange(10**7, 10**8)}号",
        lambda: rng.choice(["联系我们 | 网站地图 | 关于我们", "网站地图 | 联系我们 | 使用帮助"]),
        lambda: f"责任编辑：{rng.choice(['张明', '李华', '王芳'])}",
    ]
    return rng.choice(shapes)()


@functools.lru_cache(maxsize=1)
def _unihan_variants() -> tuple[dict[str, list[str]], set[str], set[str]]:
    """(standard character -> its variants from Unihan's variant fields and OpenCC's variant tables, the
    characters of 《通用规范汉字表》 (kTGH), the Big5 characters)."""
    import bz2

    import opencc_purepy

    def unihan(name):
        out = {}
        with bz2.open(f"/usr/share/unicode/Unihan_{name}.txt.bz2", "rt", encoding="utf-8") as f:
            for ln in f:
                if ln.startswith("#") or not ln.strip():
                    continue
                cp, field, value = ln.rstrip("\n").split("\t")
                out.setdefault(chr(int(cp[2:], 16)), {})[field] = value
        return out

    other = unihan("OtherMappings")
    tgh = {c for c, d in other.items() if "kTGH" in d}
    big5 = {c for c, d in other.items() if "kBigFive" in d}
    by_std: dict[str, set[str]] = {}
    for c, d in unihan("Variants").items():
        for field in ("kZVariant", "kSemanticVariant", "kSpecializedSemanticVariant", "kSpoofingVariant"):
            for v in d.get(field, "").split():
                v = chr(int(v.split("<")[0][2:], 16))
                by_std.setdefault(v, set()).add(c)
                by_std.setdefault(c, set()).add(v)
    dicts = Path(opencc_purepy.__file__).parent / "dicts"
    for name in ("TWVariants", "HKVariants", "JPVariants", "JPShinjitaiCharacters"):
        p = dicts / f"{name}.txt"
        if not p.exists():
            continue
        for ln in p.read_text(encoding="utf-8").splitlines():
            if "\t" not in ln:
                continue
            k, vs = ln.split("\t")[:2]
            if len(k) == 1:
                for v in vs.split():
                    if len(v) == 1:
                        by_std.setdefault(k, set()).add(v)
    return {k: sorted(v) for k, v in by_std.items()}, tgh, big5


def inject(kind: str, text: str, rng: random.Random, lines=None) -> tuple[str, int, int, str] | None:
    """(new text, start, end, expected rule) or None when the text offers no place for this kind. ``lines``:
    the (start, end) of the lines the SCR and RES kinds may inject into (default: anywhere)."""
    han = [m.start() for m in HAN.finditer(text)]
    if lines is not None:
        han = [p for p in han if any(s <= p < e for s, e in lines)]
    inner = [p for p in han if p > 0 and HAN.match(text, p - 1) and HAN.match(text, p + 1 if p + 1 < len(text) else p)]
    if not inner:
        return None
    if kind == "watermark":
        sites = load_data("res")["watermark"]["sites"]
        p = rng.choice(inner)
        name = rng.choice([s for s in sites if HAN.match(s[-1])])
        return text[:p] + name + text[p:], p, p + len(name), "RES004"
    if kind == "unlisted-site":
        name = rng.choice(["星光资料网", "晨曦范文网", "云帆文库", "海川文档", "蓝鲸公文网", "青木资料网"])
        p = rng.choice(inner)
        return text[:p] + name + text[p:], p, p + len(name), "RES004"
    if kind in ("site-in-word", "site-between-words"):
        # a site name of several shapes (not in our data) inside a word of two or more characters, or between two
        # words, of the host line
        from jieba import lcut
        s0, e0 = rng.choice(lines or [(0, len(text))])
        bounds, inside, pos = [], [], s0
        for w in lcut(text[s0:e0]):
            if HAN.match(w[0]) and pos > s0 and HAN.match(text[pos - 1]):
                bounds.append(pos)
            inside += [pos + k for k in range(1, len(w)) if all(HAN.match(c) for c in w)]
            pos += len(w)
        p = rng.choice(inside if kind == "site-in-word" else bounds)
        name = site_name(rng)
        return text[:p] + name + text[p:], p, p + len(name), "RES004"
    if kind == "pinyin":
        common = {x[0]: x[1:] for x in load_data("res_common")["common"].split()}
        cands = [p for p in inner if text[p] in common]
        p = rng.choice(cands) + 1
        ann = f"({common[text[p - 1]]})"
        return text[:p] + ann + text[p:], p, p + len(ann), "RES002"
    if kind == "pinyin-context":
        # any Han character of the line, annotated with its reading in context (pypinyin, tone marks)
        from pypinyin import Style, pinyin
        p = rng.choice(inner)
        s0 = max(0, p - 10)
        readings = pinyin(text[s0:p + 10], style=Style.TONE, errors=lambda x: [[""] for _ in x])
        reading = readings[p - s0][0]
        if not reading or not reading.isalpha():
            return None
        ann = f"({reading})"
        return text[:p + 1] + ann + text[p + 1:], p + 1, p + 1 + len(ann), "RES002"
    if kind in ("mojibake-any", "gbk-as-utf8"):
        # one to four characters (sometimes with the mark after them) whose UTF-8 bytes are read as GBK, a broken
        # last byte shown as U+FFFD; or GBK bytes read as UTF-8
        p = rng.choice(inner)
        n = rng.randrange(1, 5)
        word = text[p:p + n]
        if not all(HAN.match(c) for c in word):
            return None
        if rng.random() < 0.3 and text[p + n:p + n + 1] in ("，", "。", "、", "；"):
            word = text[p:p + n + 1]
        if kind == "gbk-as-utf8":
            moji = word.encode("gbk").decode("utf-8", errors="replace")
        else:
            moji = word.encode("utf-8").decode("gbk", errors="replace")
        return text[:p] + moji + text[p + len(word):], p, p + len(moji), "RES003"
    if kind == "furniture-varied":
        breaks = [e + 1 for s, e in (lines or [])[1:] if e < len(text)] or \
            [m.end() for m in re.finditer(r"\n", text)][2:-2]
        if not breaks:
            return None
        p = rng.choice(breaks)
        line = furniture_line(rng)
        return text[:p] + line + "\n" + text[p:], p, p + len(line), "RES001"
    if kind == "variant-unihan":
        by_std, tgh, big5 = _unihan_variants()
        trad = load_data("scr_chars")["maps"]["s2t"]
        s2t = dict(zip(trad[0::2], trad[1::2]))
        traditional_host = _traditional_host(text)
        cands = []
        for p in inner:
            c = text[p]
            vs = [v for k in {c, s2t.get(c, c)} for v in by_std.get(k, ()) if v != c and v not in tgh
                  and not (traditional_host and v in big5) and v != s2t.get(c)]
            if vs:
                cands.append((p, vs))
        if not cands:
            return None
        p, vs = rng.choice(cands)
        return text[:p] + rng.choice(vs) + text[p + 1:], p, p + 1, "SCR003"
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


KINDS = ["watermark", "unlisted-site", "site-in-word", "site-between-words", "pinyin", "pinyin-context", "mojibake",
         "mojibake-any", "gbk-as-utf8", "furniture", "furniture-varied", "variant", "variant-unihan", "traditional",
         "de-di-de", "misspelling"]
SCR_RES = {k for k in KINDS if k not in ("de-di-de", "misspelling")}


def _traditional_host(text: str) -> bool:
    classes = load_data("scr_chars")["classes"]
    t_only, s_only = set(classes["t_only"]), set(classes["s_only"])
    return sum(c in t_only for c in text) > sum(c in s_only for c in text)


def _family(kind: str) -> str:
    return "SCR" if kind in ("variant", "variant-unihan", "traditional") else "RES" if kind in SCR_RES else "WRD"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hosts", type=Path, help="directory of host documents (default tests/fixtures/clean)")
    ap.add_argument("--per-file", type=int, default=3)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--only", help="only the kinds whose name contains this")
    ap.add_argument("--save", help="write the injected cases to this JSON file")
    ap.add_argument("--cases", help="lint the cases of this JSON file instead of injecting new ones")
    ap.add_argument("--misses", type=int, default=0, help="show this many missed cases per kind")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    linter = Linter(Options(no_config=True))  # the default configuration: what a user gets
    directory = args.hosts or ROOT / "tests" / "fixtures" / "clean"
    files = sorted(p for p in directory.iterdir() if p.suffix in (".txt", ".md") and not p.name.isupper())
    kinds = [k for k in KINDS if not args.only or args.only in k]
    clean = Counter()
    cases = []
    for path in files if not args.cases else []:
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        spans: dict[str, list[tuple[int, int]]] = {}
        for d in linter.lint_bytes(text.encode("utf-8"), path.name, None, suffix=path.suffix).diagnostics:
            spans.setdefault(d.rule[:3], []).append((d.offset, d.end_offset))
            if d.severity != "info" and d.rule[:3] in ("SCR", "RES", "WRD"):
                clean[d.rule] += 1
        running = running_lines(text)
        for kind in kinds:
            if kind == "traditional" and _traditional_host(text):
                continue
            fam = spans.get(_family(kind), [])
            lines = [(s, e) for s, e in running if not any(a < e and b > s for a, b in fam)]
            if not lines and kind in SCR_RES:
                continue
            for _ in range(args.per_file):
                try:
                    case = inject(kind, text, rng, lines if kind in SCR_RES else None)
                except (IndexError, ValueError, UnicodeEncodeError):
                    case = None
                if case is not None:
                    cases.append([kind, path.name, *case])
    if args.cases:
        cases = json.loads(Path(args.cases).read_text(encoding="utf-8"))
    if args.save:
        Path(args.save).write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    found, injected, info = Counter(), Counter(), Counter()
    misses: dict[str, list[str]] = {}
    for kind, name, new, s, e, rule in cases:
        injected[kind] += 1
        diags = linter.lint_bytes(new.encode("utf-8"), name, None, suffix=Path(name).suffix).diagnostics
        sev = {d.severity for d in diags if d.rule[:3] == rule[:3] and d.offset < e and d.end_offset > s}
        if sev:
            found[kind] += 1
            info[kind] += sev == {"info"}
        else:
            misses.setdefault(kind, []).append(new[max(0, s - 8):e + 8].replace("\n", "⏎"))
    if not args.cases:
        print(f"error/warning findings of SCR, RES, WRD on the {len(files)} host documents: {dict(clean) or 0}")
    print(f"{'kind':<20}{'found':>7}{'injected':>10}{'recall':>9}{'info':>6}")
    for kind in kinds:
        n = injected[kind]
        print(f"{kind:<20}{found[kind]:>7}{n:>10}{(found[kind] / n if n else 0):>9.0%}{info[kind]:>6}")
        for x in misses.get(kind, [])[:args.misses]:
            print("      missed:", x)


if __name__ == "__main__":
    main()
