"""Measure how many injected inconsistencies the CON rules find, and that nothing else is reported.

    python scripts/con_recall.py [--seed N] [--rounds K] [--verbose]

Each correct draft of tests/fixtures/clean (simplified ones) gets, one at a time, one injected inconsistency of
each kind; the draft must then have a CON finding of the expected rule on the injected text:

- person: a name introduced in three sentences (after a title, before 同志, before a verb) and written once with
  one character replaced by a character of the same sound or a similar shape (ECSpell's full confusion sets, read
  from ../shared/corpus/ecspell, not lintkit's reduced table) -> CON001;
- org: an organisation of the draft (or, when it names none twice, one introduced three times) written once with
  a similar-sounding/looking character or with one character left out of it -> CON001 (when the draft names it
  only twice, the two forms then stand once each: found as an info hint for a replaced character, not at all
  for a left-out one);
- figure: a quantity of the draft stated again later with another number, as a total (全年共…) or with the same
  words -> CON002;
- short: a short name (以下简称“X”) used before its definition, or defined twice -> CON003;
- date: one of three full dates written in another style (2024.6.5, 2024-06-05, 二〇二四年六月五日) -> CON004.

The untouched drafts must have no CON finding at all. The script prints recall per kind and every miss with
--verbose. It reads no file outside the repository except ECSpell's confusion sets.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT / "tests" / "fixtures" / "clean"
ECSPELL = ROOT.parent / "shared" / "corpus" / "ecspell"

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "建国华明红丽军伟芳平秀英海燕玉兰志强金锋春梅晓东文杰光辉永刚宏德林云霞小勇雪峰桂珍立新国庆"
TITLES = ["县委书记", "副县长", "县妇联主席", "镇党委书记", "局长", "办公室主任"]
ORG_POOL = ["县妇女联合会", "县农业农村局", "女企业家协会", "县残疾人联合会", "县乡村振兴局", "县新时代文明实践中心",
            "县退役军人事务局", "县卫生健康委员会", "县科学技术协会", "县城市管理局"]
ORG_WORDS = ("联合会", "委员会", "协会", "中心", "局", "办公室", "政府", "学校", "医院")
QTY_RE = re.compile(r"(?P<verb>[\u4e00-\u9fff]{2,4}?)(?P<num>\d{2,5})(?P<unit>人次|人|个|场|期|户|家|万元|次|所|名)"
                    r"(?![\d以多余左])")


def load_confusion() -> dict[str, list[str]]:
    out: dict[str, set[str]] = {}
    for name in ("soundConfusion.json", "shapeConfusion.json"):
        for k, vs in json.loads((ECSPELL / name).read_text(encoding="utf-8")).items():
            for v in vs:
                if len(k) == 1 and len(v) == 1 and k != v:
                    out.setdefault(k, set()).add(v)
                    out.setdefault(v, set()).add(k)
    return {k: sorted(v) for k, v in out.items()}


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of lines that end with 。 (prose paragraphs), where sentences can be appended."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.rstrip().endswith("。") and len(line.strip()) > 20:
            out.append((pos, pos + len(line.rstrip())))
        pos += len(line) + 1
    return out


def insert_sentences(text: str, sentences: list[str], rng: random.Random) -> tuple[str, list[int]]:
    """Append each sentence to the end of a distinct prose paragraph, in order; returns the text and where each
    sentence starts."""
    paras = paragraphs(text)
    if len(paras) < len(sentences):
        raise ValueError("too few paragraphs")
    chosen = sorted(rng.sample(range(len(paras)), len(sentences)))
    ends = [paras[i][1] for i in chosen]
    out, starts, prev, shift = [], [], 0, 0
    for end, sentence in zip(ends, sentences):
        out.append(text[prev:end])
        starts.append(end + shift)
        out.append(sentence)
        shift += len(sentence)
        prev = end
    out.append(text[prev:])
    return "".join(out), starts


def variant(word: str, conf: dict[str, list[str]], rng: random.Random, positions: list[int]) -> str | None:
    rng.shuffle(positions)
    for i in positions:
        partners = [c for c in conf.get(word[i], []) if "\u4e00" <= c <= "\u9fff"]
        if partners:
            return word[:i] + rng.choice(partners) + word[i + 1:]
    return None


def inject_person(text, conf, rng):
    for _ in range(20):
        name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2))))
        bad = variant(name, conf, rng, list(range(0 if len(name) == 3 else 1, len(name))))
        if bad and bad not in text and name not in text:
            break
    else:
        return None
    title = rng.choice(TITLES)
    s = [f"{title}{name}出席会议并讲话。", f"{name}同志要求，要抓好工作落实。", f"{bad}同志强调，要压实工作责任。",
         f"会后，{name}深入基层调研。"]
    order = [0, 1, 3, 2] if rng.random() < 0.5 else [0, 2, 1, 3]
    new, starts = insert_sentences(text, [s[i] for i in order], rng)
    k = order.index(2)
    start = starts[k] + s[2].index(bad)
    return new, start, start + len(bad), "CON001"


def orgs_in(text: str) -> list[str]:
    found = {}
    for m in re.finditer("|".join(ORG_WORDS), text):
        for n in range(4, 9):
            cand = text[m.end() - n:m.end()]
            if len(cand) == n and re.fullmatch(r"[\u4e00-\u9fff]+", cand) and text.count(cand) >= 2:
                found[cand] = text.count(cand)
    # the longest names first (a name, not the tail of one)
    return sorted(found, key=lambda c: (-len(c), c))


def inject_org(text, conf, rng):
    names = [o for o in orgs_in(text) if not any(o != p and o in p for p in orgs_in(text))]
    if names and rng.random() < 0.6:
        org = rng.choice(names)
        at = [m.start() for m in re.finditer(re.escape(org), text)]
        if len(at) >= 2:
            # make sure the majority form is the right one: the draft names it at least twice; write one wrong
            word = next(w for w in ORG_WORDS if org.endswith(w))
            inner = list(range(2, len(org) - len(word)))
            if inner:
                if rng.random() < 0.5 and len(org) >= 5:
                    i = rng.choice(inner)
                    bad = org[:i] + org[i + 1:]
                else:
                    bad = variant(org, conf, rng, inner)
                if bad and bad not in text:
                    p = rng.choice(at[1:] if len(at) > 2 else at)
                    # with only two occurrences, half the time add a third correct one so that the majority is clear
                    # (otherwise the two forms stand once each: CON001 can only hint)
                    new = text[:p] + bad + text[p + len(org):]
                    if len(at) == 2 and rng.random() < 0.5:
                        new, starts = insert_sentences(new, [f"{org}积极参与。"], rng)
                        if starts[0] <= p:
                            p += len(f"{org}积极参与。")
                    return new, p, p + len(bad), "CON001"
    org = rng.choice(ORG_POOL)
    word = next(w for w in ORG_WORDS if org.endswith(w))
    inner = list(range(2, len(org) - len(word)))
    if rng.random() < 0.5 and len(org) >= 5:
        i = rng.choice(inner)
        bad = org[:i] + org[i + 1:]
    else:
        bad = variant(org, conf, rng, inner)
    if not bad or org in text:
        return None
    s = [f"{org}牵头组织了专项活动。", f"{bad}负责做好宣传动员。", f"{org}将持续跟进。"]
    new, starts = insert_sentences(text, s, rng)
    start = starts[1]
    return new, start, start + len(bad), "CON001"


CLAUSE_RE = re.compile(r"(?<=[，。；：\n])(?P<words>[\u4e00-\u9fff“”]{3,16}?)(?P<num>\d{2,5})(?P<unit>人次|人|个|场|期|户|家|万元|次|所|名|亩|公里)"
                       r"(?P<rest>[\u4e00-\u9fff“”]{0,8})(?=[，。；])")
PLAN = re.compile(r"计划|目标|力争|确保|争取|预计|拟|将|下一步|打算|安排")
NOT_A_FACT = re.compile(r"计划|力争|目标|预计|确保|争取|将|拟|要|每|其中|分别|占|同比|较|增加|减少|增长|下降|提高|降低|"
                        r"由|从|超过|近|约|达到|至少|不少于|以上|平均|人均|以|的|第|和|、")


def inject_figure(text, conf, rng):
    """A statement of fact of the draft (words + number + measure word) stated again in a later paragraph with
    another number: the same words, or as a total (全年共 + the verb) that is smaller."""
    def sentence_of(m):
        a = max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start()))
        b = min(x for x in (text.find("。", m.end()), text.find("\n", m.end()), len(text)) if x != -1)
        return text[a + 1:b]

    cands = [m for m in CLAUSE_RE.finditer(text) if not NOT_A_FACT.search(m.group("words"))
             and not PLAN.search(sentence_of(m))]
    rng.shuffle(cands)
    for m in cands:
        words, num, unit, rest = m.group("words"), int(m.group("num")), m.group("unit"), m.group("rest")
        # a restatement of a fact, not a target: never under a heading of plans (下一步打算, 2025年工作安排)
        plan = re.search(r"^[ \t\u3000]*[一二三四五六七八九十]+、[^\n]*(?:打算|安排|计划|下一步|思路|20\d\d年)", text[m.end():],
                         re.M)
        limit = m.end() + plan.start() if plan else len(text)
        paras = [p for p in paragraphs(text) if m.end() < p[0] and p[1] < limit]
        if not paras:
            continue
        if rng.random() < 0.5:
            other = num + max(1, num // 10) * rng.choice((-1, 1))
            sentence = f"{words}{other}{unit}{rest}。"
        else:
            other = num - max(1, num // 10)
            sentence = f"全年共{re.sub(r'^(?:全[县镇乡市区]|共|累计)', '', words)}{other}{unit}{rest}。"
        end = rng.choice(paras)[1]
        new = text[:end] + sentence + text[end:]
        start = end + sentence.index(str(other), len(sentence) - len(str(other)) - len(unit) - len(rest) - 1)
        return new, start, start + len(str(other)) + len(unit), "CON002"
    return None


def inject_short(text, conf, rng):
    names = orgs_in(text)
    org = names[0] if names else rng.choice(ORG_POOL)
    word = next(w for w in ORG_WORDS if org.endswith(w))
    short = (org[0] + org[1:-len(word)][:2] + word[-1:]) if len(org) > 4 else org[:2] + word[-1:]
    if short in text:
        return None
    if rng.random() < 0.5:  # used before its definition
        s = [f"{short}高度重视此项工作。", f"{org}（以下简称“{short}”）召开专题会议。", f"{short}作了具体部署。"]
        new, starts = insert_sentences(text, s, rng)
        return new, starts[0], starts[0] + len(short), "CON003"
    s = [f"{org}（以下简称“{short}”）召开专题会议。", f"{short}作了具体部署。",
         f"{org}（以下简称“{short}”）再次研究。"]
    new, starts = insert_sentences(text, s, rng)
    start = starts[2] + s[2].index(short, len(org) + 3)
    return new, start, start + len(short), "CON003"


def han_date(y: int, m: int, d: int) -> str:
    digits = "〇一二三四五六七八九"

    def small(n: int) -> str:
        if n < 10:
            return digits[n]
        return ("" if n // 10 == 1 else digits[n // 10]) + "十" + (digits[n % 10] if n % 10 else "")

    return "".join(digits[int(c)] for c in str(y)) + "年" + small(m) + "月" + small(d) + "日"


def inject_date(text, conf, rng):
    y = 2024
    dates = [(y, rng.randint(1, 12), rng.randint(1, 28)) for _ in range(3)]
    odd = rng.randrange(3)
    style = rng.choice(("dot", "dash", "han", "slash"))
    sentences = []
    for i, (yy, mm, dd) in enumerate(dates):
        if i == odd:
            d = {"dot": f"{yy}.{mm}.{dd}", "dash": f"{yy}-{mm:02d}-{dd:02d}", "slash": f"{yy}/{mm}/{dd}",
                 "han": han_date(yy, mm, dd)}[style]
        else:
            d = f"{yy}年{mm}月{dd}日"
        sentences.append(("于" if i % 2 else "") + f"{d}前完成阶段任务。")
    new, starts = insert_sentences(text, sentences, rng)
    s = sentences[odd]
    start = starts[odd] + (1 if odd % 2 else 0)
    end = start + s.index("前") - (1 if odd % 2 else 0)
    return new, start, end, "CON004"


KINDS = {"person": inject_person, "org": inject_org, "figure": inject_figure, "short": inject_short,
         "date": inject_date}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    import lintkit

    conf = load_confusion()
    rng = random.Random(args.seed)
    files = sorted(p for p in CLEAN.glob("*.txt") if "fanti" not in p.name and "xianggang" not in p.name)
    clean_findings = 0
    for path in files:
        found = lintkit.check_text(path.read_text(encoding="utf-8"), select=["CON"])
        clean_findings += len(found)
        for d in found:
            print(f"clean {path.name}:{d.line}:{d.column} {d.rule} {d.severity} {d.message}")
    hits: dict[str, list[int]] = {k: [0, 0] for k in KINDS}
    hints = {k: 0 for k in KINDS}  # found, but only as an info hint
    for _ in range(args.rounds):
        for path in files:
            text = path.read_text(encoding="utf-8")
            for kind, inject in KINDS.items():
                try:
                    got = inject(text, conf, rng)
                except ValueError:
                    got = None
                if got is None:
                    continue
                new, start, end, rule_id = got
                found = [d for d in lintkit.check_text(new, select=["CON"])]
                hit = [d for d in found if d.rule == rule_id and d.offset < end and start < d.end_offset]
                ok = bool(hit)
                hits[kind][1] += 1
                hits[kind][0] += ok
                if hit and all(d.severity == "info" for d in hit):
                    hints[kind] += 1
                if args.verbose and not ok:
                    ctx = new[max(0, start - 20):end + 10].replace("\n", "⏎")
                    print(f"miss {kind} {path.name}: {new[start:end]!r} in …{ctx}… "
                          f"found: {[(d.rule, d.text) for d in found]}")
    total_hit = sum(h for h, _ in hits.values())
    total = sum(n for _, n in hits.values())
    for kind, (h, n) in hits.items():
        print(f"{kind:7s} {h:3d}/{n:3d} = {h / n:.0%} (of them {hints[kind]} as info)" if n
              else f"{kind:7s} none injected")
    print(f"all     {total_hit:3d}/{total:3d} = {total_hit / total:.0%}; CON findings on the untouched drafts: "
          f"{clean_findings}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
