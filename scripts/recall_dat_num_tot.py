#!/usr/bin/env python3
"""Recall of the DAT, NUM and TOT rules on injected errors: one error per copy of a correct host document.

    python scripts/recall_dat_num_tot.py                                  # hosts: tests/fixtures/clean (ours)
    python scripts/recall_dat_num_tot.py --hosts ../shared/corpus/real    # hosts that are not ours
    python scripts/recall_dat_num_tot.py --hosts ../shared/corpus/real --show 3 --kind point

Each kind rewrites one place of a host's running text the way a writer's mistake does, in varied forms chosen with
a fixed seed; the copy is linted with the default rules and the error counts as found when a finding of the kind's
family overlaps the rewritten text (scripts/inject_hosts.py describes the sampling and counting). A date written
with a point (``4.29``) counts when a DAT rule reports it (DAT008; PUN007 reports only event names like
``11.25反家暴宣传周``). A development script: the figures go into the notes, not into tests.
"""

from __future__ import annotations

import argparse
import calendar
import random
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent))
from inject_hosts import HAN, Host, Kind, Site, add_arguments, insert_clause, load_hosts, measure, report, sites  # noqa: E402

CN = "〇一二三四五六七八九"
H = f"[{HAN}]"
NUMBER = r"(?<![\d.,，])(\d+(?:\.\d+)?)"
COUNT_WORDS = "人名个家户件项次场所条篇批座处辆台套"


def _cn_year(y: str, zero: str) -> str:
    return "".join(zero if c == "0" else CN[int(c)] for c in y)


# ------------------------------------------------------------------------------------------------------- DAT
def year_without_nian(h: Host, rng: random.Random) -> Iterator[Site]:
    return sites(r"(?<![\d.\-—–~～至到])(?:19|20)\d\d(年)(?=[\u4e00-\u9fff])(?![度底初末中以年])", h,
                 lambda m: "", group=1)


def abbreviated_year(h: Host, rng: random.Random) -> Iterator[Site]:
    return sites(r"(?<![\d.])(?:19|20)(\d\d)年(?=\d{1,2}月|[一二三四五六七八九十]{1,2}月|底|初|以来)", h,
                 lambda m: rng.choice([f"{m.group(1)}年", f"’{m.group(1)}年"]))


def impossible_date(h: Host, rng: random.Random) -> Iterator[Site]:
    def make(m):
        year = int(m.group(1)) if m.group(1) else 2023
        month = int(m.group(2))
        leap = calendar.isleap(year)
        options = [f"{month}月{calendar.monthrange(year, month)[1] + 1}日", f"{month}月32日", f"{month}月0日",
                   f"{rng.choice([13, 14, 20])}月{m.group(3)}日"]
        if not leap:
            options.append("2月29日")
        new = rng.choice(options)
        return (m.group(1) + "年" if m.group(1) else "") + new
    return sites(r"(?<![\d.])(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日", h, make)


def closed_since(h: Host, rng: random.Random) -> Iterator[Site]:
    def make(m):
        y = int(m.group(1))
        return rng.choice([f"{y - 3}至{y}年以来", f"{y - 2}年至{y}年以来", f"{y - 5}—{y}年以来", f"{y - 1}到{y}年以来"])
    return sites(r"(?<![\d.])(20\d\d)年(?=，)", h, make)


def wrong_weekday(h: Host, rng: random.Random) -> Iterator[Site]:
    def make(m):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        try:
            wd = calendar.weekday(y, mo, d)
        except ValueError:
            return None
        wrong = "一二三四五六日"[(wd + rng.choice([1, 2, 3, 4, 5, 6])) % 7]
        return m.group(0) + rng.choice([f"（星期{wrong}）", f"（周{wrong}）", f"，星期{wrong}，"])
    return sites(r"(?<![\d.])(20\d\d)年(\d{1,2})月(\d{1,2})日(?![（(星周])", h, make)


def point_date(h: Host, rng: random.Random) -> Iterator[Site]:
    # a date of the host written with points: 4月29日 -> 4.29, 2021年4月29日 -> 2021.4.29 …
    def make(m):
        y, mo, d = m.group(1), m.group(2), m.group(3)
        if y:
            return rng.choice([f"{y}.{mo}.{d}", f"{y}年{mo}.{d}", f"{y}.{mo}.{d}日"])
        return rng.choice([f"{mo}.{d}", f"{mo}.{d}", f"{mo}.{d}日", f"{mo}.{d}号"])
    return sites(r"(?<![\d.])(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?!（)", h, make)


def point_date_clause(h: Host, rng: random.Random) -> Iterator[Site]:
    return insert_clause(h, rng, ["，全县于4.29召开推进会", "，11.22起全面开展排查", "，截至9.30共排查隐患",
                                  "，5.20在县会议中心召开", "，定于6.18开始", "，3.15当天开展宣传", "，并在12.8前上报",
                                  "，自7.1起施行", "，由县委办牵头于10.25组织验收", "，8.16至8.20集中开展培训"])


# ------------------------------------------------------------------------------------------------------- NUM
def near_and_more(h: Host, rng: random.Random) -> Iterator[Site]:
    def make(m):
        n, mw = m.group(1), m.group(2)
        return rng.choice([f"近{n}余{mw}", f"近{n}多{mw}", f"将近{n}余{mw}", f"超过{n}余{mw}", f"约{n}{mw}左右",
                           f"{n}多{mw}左右", f"{n}余{mw}以上", f"超过{n}{mw}以上", f"约有{n}{mw}左右", f"大约{n}余{mw}"])
    return sites(NUMBER.replace(r"(\d+(?:\.\d+)?)", r"([1-9]\d*0)") + rf"([{COUNT_WORDS}])(?![次])", h, make)


def inner_approx(h: Host, rng: random.Random) -> Iterator[Site]:
    def make(m):
        n, u = m.group(1), m.group(2)
        return rng.choice([f"{n}余{u}", f"{n}多{u}"])
    return sites(r"(?<![\d.])(\d*[1-9](?:\.\d+)?)(万元|万人|亿元|万|亿|人|名|个|家|户)", h, make)


def mixed_numerals(h: Host, rng: random.Random) -> Iterator[Site]:
    def make(m):
        n = int(m.group(1))
        if n % 1000 == 0 and 1000 <= n < 10000:
            return rng.choice([f"{n // 1000}千", f"{n // 1000}千"])
        if n % 100 == 0 and 100 <= n < 1000:
            return f"{n // 100}百"
        if 1000 < n < 10000 and n % 100 == 0:
            return f"{n // 1000}千{n % 1000 // 100}百"
        return None
    return sites(r"(?<![\d.,])([1-9]\d{2,3})(?=[人名个家户件项次元])", h, make)


def percent_mixed(h: Host, rng: random.Random) -> Iterator[Site]:
    return sites(r"(?<![\d.])(\d+(?:\.\d+)?)%", h, lambda m: "百分之" + m.group(1))


def arabic_zero_year(h: Host, rng: random.Random) -> Iterator[Site]:
    return sites(r"(?<![\d.])(20[0-2]\d)(?=年)", h, lambda m: _cn_year(m.group(1), rng.choice(["0", "O", "０"])))


def circle_year(h: Host, rng: random.Random) -> Iterator[Site]:
    yield from sites(r"(?<![\d.])(20[0-2]\d|19[0-9]0)(?=年)", h, lambda m: _cn_year(m.group(1), "○"))
    yield from sites(r"[一二九][〇零][〇一二三四五六七八九]{2}(?=年)", h,
                     lambda m: m.group().replace("〇", "○").replace("零", "○"), prose=False)


def unquoted_abbrev(h: Host, rng: random.Random) -> Iterator[Site]:
    return sites(r"“(十[一二三四五六七八九]五)”", h, lambda m: m.group(1))


def fullwidth_digits(h: Host, rng: random.Random) -> Iterator[Site]:
    full = str.maketrans("0123456789.%", "０１２３４５６７８９．％")
    return sites(r"(?<![\d.])\d+(?:\.\d+)?%?", h, lambda m: m.group().translate(full) if len(m.group()) > 1 else None)


def range_missing_unit(h: Host, rng: random.Random) -> Iterator[Site]:
    # 10%～20% -> 10～20% / 10-20%; 3万元～5万元 -> 3～5万元
    yield from sites(r"(?<![\d.])(\d+(?:\.\d+)?)%", h,
                     lambda m: rng.choice([f"{m.group(1)}-{Decimal(m.group(1)) * 2}%", f"{m.group(1)}～{Decimal(m.group(1)) * 2}%",
                                           f"{m.group(1)}—{Decimal(m.group(1)) * 2}%", f"{m.group(1)}%-{Decimal(m.group(1)) * 2}%"]))
    yield from sites(r"(?<![\d.])([1-9]\d?)(万|亿)(元|人)?", h,
                     lambda m: rng.choice([f"{m.group(1)}～{int(m.group(1)) * 2}{m.group(2)}{m.group(3) or ''}",
                                           f"{m.group(1)}-{int(m.group(1)) * 2}{m.group(2)}{m.group(3) or ''}"]))


def wrong_grouping(h: Host, rng: random.Random) -> Iterator[Site]:
    # only groupings that are wrong: 5,700 (four digits grouped by three) and 12,345 are right, so grouping by 万
    # needs five digits (1,0000) and grouping by two needs six (1,23,456); halfwidth digits only (a fullwidth draft's
    # １６，３７１ is the fullwidth form of a right grouping, NUM008's)
    def make(m):
        n = m.group(1)
        forms = [n[:-3] + "，" + n[-3:]] * 2                                       # 12，345 (Chinese comma)
        if len(n) >= 5:
            forms.append(n[:-4] + "," + n[-4:])                                     # 1,0000 (by 万)
        if len(n) >= 6:
            forms.append(n[:-5] + "," + n[-5:-3] + "," + n[-3:])                    # 1,23,456
        return rng.choice(forms)
    return sites(r"(?<![0-9０-９.,，．])([0-9]{4,9})(?![0-9０-９.,．])(?=[万亿]?[元人名个家户件项吨亩])", h, make)


def decimal_point_form(h: Host, rng: random.Random) -> Iterator[Site]:
    return sites(r"(?<![\d.])(\d+)\.(\d+)(?=[万亿%元倍个])", h,
                 lambda m: m.group(1) + rng.choice(["。", "，", "．", "、", "·"]) + m.group(2))


def split_number(h: Host, rng: random.Random) -> Iterator[Site]:
    def make(m):
        n = m.group()
        i = rng.randrange(1, len(n))
        return n[:i] + rng.choice([" ", "  ", "\u3000"]) + n[i:]
    return sites(r"(?<![\d.])\d{3,}(?![\d.])", h, make)


# ------------------------------------------------------------------------------------------------------- TOT
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


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1) if re.fullmatch(H + H, s[i:i + 2])}


def impossible_percent(h: Host, rng: random.Random) -> Iterator[Site]:
    # only a rate of the counted things: the rate's name shares a word with the count's clause (已消除风险21户，风险消除率…;
    # not 义务教育优质均衡县23个，普通高中学位供给率…, a rate of something else)
    def make(m):
        clause = re.split(r"[，。；、：]", m.string[max(0, m.start() - 20):m.start()])[-1]
        if not _bigrams(clause + m.group(1)) & _bigrams(m.group(3)):
            return None
        return _impossible_percent(m)
    return sites(r"(?<![\d.])(\d+)([件人个户名])，([^，。%\d]{0,8}率)(?:达|为)?(\d+(?:\.\d+)?)%", h, make)


def parts_exceed(h: Host, rng: random.Random) -> Iterator[Site]:
    # only where the host's parts make up its total (a partition: 16家，其中6家、10家): then a total smaller than the
    # sum is an error. Parts are read to the end of the clause group (；or 。): a second statement after ；has its own.
    def make(m):
        rest = re.split(r"[。；;]", m.string[m.end():], 1)[0]
        parts = [int(x) for x in re.findall(r"(?<![\d.])(\d+)" + m.group(2), rest)]
        if len(parts) < 2 or sum(parts) != int(m.group(1)):
            return None
        return f"{sum(parts) - rng.choice([1, 2, 10])}{m.group(2)}，其中"
    return sites(r"(?<![\d.])(\d+)([人名个家户件项])[，,]其中", h, make)


def parts_clause(h: Host, rng: random.Random) -> Iterator[Site]:
    return insert_clause(h, rng, ["，共培训120人，其中男性70人、女性60人", "，全县共有12个村，其中贫困村8个、非贫困村5个",
                                  "，共有30家企业参加，其中规上企业35家", "，排查隐患50处，其中重大隐患12处、一般隐患40处",
                                  "，共受理案件80件，结案率达99.5%", "，共帮扶23户，脱贫率达97.5%"])


# things counted, with the two halves of a partition: (noun, measure word, part 1, part 2)
_PARTITIONS = [("村", "个", "贫困村", "非贫困村"), ("企业", "家", "规上企业", "规下企业"), ("学员", "人", "男学员", "女学员"),
               ("项目", "个", "新建项目", "续建项目"), ("案件", "件", "民事案件", "行政案件"), ("隐患", "处", "重大隐患", "一般隐患"),
               ("农户", "户", "脱贫户", "监测户"), ("党员", "名", "男党员", "女党员"), ("学校", "所", "小学", "初中")]
# a count and a rate of the same things: (verb, noun, measure word, rate)
_RATES = [("受理", "案件", "件", "结案率"), ("排查", "隐患", "处", "整改率"), ("培训", "学员", "人", "合格率"),
          ("实施", "项目", "个", "完工率"), ("走访", "农户", "户", "覆盖率"), ("办理", "诉求", "件", "办结率")]


def _parts_over(rng: random.Random, n: int) -> tuple[int, int]:
    a = rng.randint(max(1, n // 4), max(2, 3 * n // 4))
    return a, n - a + rng.choice([1, 2, 3, 5, 10])


def _clause_total(rng: random.Random) -> str:
    """A clause whose parts add up to more than its total (or a part larger than the whole), in one of the forms
    drafts use: the thing named before or after the total, 其中 with commas or 顿号, （其中：…）, 分别为."""
    noun, mw, p1, p2 = rng.choice(_PARTITIONS)
    n = rng.randint(8, 400)
    a, b = _parts_over(rng, n)
    form = rng.randrange(6)
    if form == 0:
        return f"，共有{noun}{n}{mw}，其中{p1}{a}{mw}，{p2}{b}{mw}"
    if form == 1:
        return f"，全县共有{n}{mw}{noun}，其中{p1}{a}{mw}、{p2}{b}{mw}"
    if form == 2:
        return f"，{noun}共计{n}{mw}（其中：{p1}{a}{mw}，{p2}{b}{mw}）"
    if form == 3:
        return f"，涉及{noun}{n}{mw}，分别为{p1}{a}{mw}、{p2}{b}{mw}"
    if form == 4:
        return f"，共{n}{mw}{noun}参加，其中{p1}{n + rng.choice([1, 3, 10])}{mw}"
    return f"，合计{n}{mw}，其中{p1}{a}{mw}、{p2}{b}{mw}"


def _clause_rate(rng: random.Random) -> str:
    """A count and a rate of the same things that no whole number of them gives (80件, 99.5%)."""
    from lintkit_rules.tot import _feasible_base, _feasible_count

    verb, noun, mw, rate = rng.choice(_RATES)
    while True:
        n = rng.randint(7, 400)
        p = Decimal(rng.randint(500, 999)) / 10
        if not _feasible_count(n, p, 1) and not _feasible_base(n, p, 1):
            break
    return rng.choice([f"，共{verb}{noun}{n}{mw}，{rate}达{p}%", f"，{verb}{noun}{n}{mw}，{rate}为{p}%",
                       f"，全年{verb}{noun}{n}{mw}，{rate}{p}%"])


def totals_generated(h: Host, rng: random.Random) -> Iterator[Site]:
    for m in re.finditer(rf"(?<=[{HAN}])(?=[，。])", h.text):
        if h.in_prose(m.start()):
            yield m.start(), m.start(), _clause_total(rng) if rng.random() < 0.7 else _clause_rate(rng)


KINDS: list[Kind] = [
    Kind("year without 年 (2021全县)", ("DAT",), year_without_nian),
    Kind("abbreviated year (21年3月)", ("DAT",), abbreviated_year),
    Kind("impossible date (4月31日 13月)", ("DAT",), impossible_date),
    Kind("closed period 以来", ("DAT",), closed_since),
    Kind("wrong weekday", ("DAT",), wrong_weekday),
    Kind("date with a point (4.29, 2021.4.29)", ("DAT",), point_date),
    Kind("date with a point, clause (于4.29召开)", ("DAT",), point_date_clause),
    Kind("contradictory approximation (近…余)", ("NUM",), near_and_more),
    Kind("余/多 inside a number (35余万元)", ("NUM",), inner_approx),
    Kind("arabic with 千/百 (3千人)", ("NUM",), mixed_numerals),
    Kind("百分之 with arabic (百分之10)", ("NUM",), percent_mixed),
    Kind("arabic 0 in a Chinese year (二0二一年)", ("NUM",), arabic_zero_year),
    Kind("○ in a Chinese year (二○二一年)", ("NUM",), circle_year),
    Kind("unquoted abbreviation (十四五)", ("NUM",), unquoted_abbrev),
    Kind("fullwidth digits (２０２１)", ("NUM",), fullwidth_digits),
    Kind("range without the unit (10～20%)", ("NUM",), range_missing_unit),
    Kind("wrong thousands separator (1,0000)", ("NUM",), wrong_grouping),
    Kind("decimal point form (3。5亿)", ("NUM",), decimal_point_form),
    Kind("number split by a space (20 21)", ("NUM", "SPC"), split_number),
    Kind("parts exceed the total", ("TOT",), parts_exceed),
    Kind("impossible percentage", ("TOT",), impossible_percent),
    Kind("totals clause (parts/percent)", ("TOT",), parts_clause),
    Kind("totals clause, generated forms", ("TOT",), totals_generated),
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(ap)
    ap.add_argument("--show-missed", action="store_true", help="same as --show 1000")
    args = ap.parse_args()
    kinds = [k for k in KINDS if not args.kind or args.kind in k.name]
    hosts = load_hosts(args.hosts)
    results = measure(kinds, hosts, per_doc=args.per_doc, per_kind=args.per_kind, seed=args.seed)
    report(kinds, results, 1000 if args.show_missed else args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
