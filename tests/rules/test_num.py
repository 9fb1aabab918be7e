"""NUM — numbers; and the Chinese-numeral parser shared by NUM/TOT/DAT."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from conftest import check_rule, fix, lint, seed_line

from lintkit_rules import num
from lintkit_rules._zh import cn_int, restore_script, to_decimal, to_simplified


# ------------------------------------------------------------------------------------------------- parser
@pytest.mark.parametrize("token,value", [
    ("十九", 19), ("两", 2), ("三百五十", 350), ("一千零八", 1008), ("一万零五", 10005), ("十万", 100000),
    ("二十万零三百", 200300), ("一亿二千万", 120000000), ("两千零二十一", 2021), ("一百零八", 108), ("十一", 11),
    ("零", 0), ("〇", 0), ("二〇二一", 2021), ("五千零五十", 5050), ("三万四千五百六十七", 34567),
    ("一千一百", 1100), ("一百十", 110), ("十", 10), ("四十", 40),
])
def test_cn_int(token, value):
    # values cross-checked against cn2an 0.5.24 ("smart" mode) when the parser was written
    assert cn_int(token) == value


@pytest.mark.parametrize("token", ["", "abc", "三八节", "两两"])
def test_cn_int_rejects(token):
    assert cn_int(token) is None


def test_to_decimal():
    assert to_decimal("19.2") == Decimal("19.2") and to_decimal("十九") == Decimal(19)


def test_normalisation_keeps_length_and_maps_traditional():
    text = "紅什字會1萬多條１０餘次三不愁兩保障"
    out = to_simplified(text)
    assert len(out) == len(text)
    assert out == "红什字会1万多条10余次三不愁两保障"
    assert restore_script("紅什字會", "红什字会", "红十字会") == "紅十字會"
    assert restore_script("三不愁兩保障", "三不愁两保障", "两不愁三保障") == "兩不愁三保障"


def test_normalisation_tuple_table_equals_the_mapping():
    # to_simplified maps BMP-only texts through a tuple indexed by code point, texts with a character beyond the
    # BMP through the dict: both give the dict's translation, for every mapped character
    from lintkit_rules._zh import _t2s

    table = _t2s()[0]
    bmp = "".join(chr(k) for k in sorted(table) if k < 0x10000)
    astral = "".join(chr(k) for k in sorted(table) if k >= 0x10000)
    for text in (bmp, "县妇联" + bmp + "工作", bmp + astral, astral[:5] + "婦聯１０％"):
        assert to_simplified(text) == text.translate(table)


def test_num001_suffix_and_post_without_a_prefix():
    # N多/N余 … 左右 is found from its 左右/上下, with the number read back before it (longest measure words,
    # 万/亿 after the suffix, traditional text)
    from lintkit_rules.num import _data

    longest = max((w for w in _data()["measure_words"] if w not in ("余", "多", "来")), key=len)
    assert [d.text for d in lint(f"共有3多万{longest}左右", ["NUM001"])] == [f"3多万{longest}左右"]
    assert [d.text for d in lint("参加一千多萬平方米左右。", ["NUM001"])] == ["一千多萬平方米左右"]
    assert [d.text for d in lint("共有12.5余吨上下，", ["NUM001"])] == ["12.5余吨上下"]
    assert [d.text for d in lint("约有12.5余吨上下，", ["NUM001"])] == ["约有12.5余吨上下"]
    assert lint("300人左右，上下联动，多人左右", ["NUM001"]) == []


# ------------------------------------------------------------------------------------------------- NUM001
def test_num001_seed():
    line = seed_line("000", 4)
    assert [d.text for d in lint(line, ["NUM001"])] == ["近600多名"]


def test_num001_forms():
    check_rule("NUM001", invalid=[
        ("全县共有近600多名孩子得到关爱。", [(4, 10)], None),
        ("超过300人以上参加活动。", [(0, 8)], None),
        ("逾200余人参加。", [(0, 6)], None),
        ("共有600多人左右参加。", [(2, 9)], None),
        ("近1萬多條信息", [(0, 5)], None),
    ])
    (d,) = lint("约300人左右参加。", ["NUM001"])
    assert d.severity == "info"


def test_num001_negatives():
    check_rule("NUM001", valid=[
        "近五年来，县妇联利用节点开展活动。", "近年来，西峡县妇联作为牵头单位。", "近期将召开会议。", "最近3年多来",
        "近3个月，全县新增就业600多人。", "近十多年来，全县妇女事业快速发展。", "县级线上读书群近500人每天坚持诵读。",
        "附近600多名群众", "签约300多家企业", "约300人参加。", "超过300人参加。", "300人以上参加。",
        seed_line("001", 8), seed_line("003", 12),
    ])


# ------------------------------------------------------------------------------------------------- NUM002
def test_num002_seed_and_fix():
    line = seed_line("003", 32)
    found = lint(line, ["NUM002"])
    assert [d.text for d in found] == ["1186余万"]
    check_rule("NUM002", invalid=[("为受助妇女儿童避免经济损失1186余万元。", [(13, 19)], "为受助妇女儿童避免经济损失1186万余元。"),
                                  ("共筹集2.5多亿元", [(3, 8)], "共筹集2.5亿多元")], unsafe=True)
    check_rule("NUM002", invalid=[("共有186余人参加。", [(2, 6)], None)])


def test_num002_negatives():
    check_rule("NUM002", valid=[
        "发放慰问金36万余元，1000余万元，十余万元，420余名，280余人，10余次，20多人，1万多条。",
        "2000多万元", "共慰问妇女儿童1万余人", seed_line("003", 12), seed_line("000", 4),
        "2013余姚市考察",
    ])


# ------------------------------------------------------------------------------------------------- NUM003
def test_num003_mixed():
    check_rule("NUM003", invalid=[
        ("培训妇女4千人次。", [(4, 6)], "培训妇女4000人次。"),
        ("投入资金1.5千元", [(4, 8)], "投入资金1500元"),
        ("覆盖4千万人", [(2, 4)], "覆盖4000万人"),
    ], unsafe=True)
    check_rule("NUM003", invalid=[("1百零8将", [(0, 4)], None)])


def test_num003_numbers_read_back_from_the_unit_are_the_numbers_read_forward():
    # the rule finds 千/百/十 and reads the arabic number before it in a look-behind; the findings are the
    # matches of the forward pattern (number, then unit), on seed lines and on numbers that run into each other
    # (decimals, a second unit inside the first match, letters and dots before the digits), except the measured
    # values of two or more decimals
    import random
    from pathlib import Path

    import regex

    from lintkit_rules._zh import literal_alternation
    from lintkit_rules.num import _data

    units = literal_alternation(_data()["mixed"]["unit_words"])
    forward = regex.compile(r"(?<![\d.A-Za-z])(?P<num>\d+(?:\.\d+)?)(?!" + units + r")(?P<unit>[千百十])"
                            r"(?P<rest>[零〇]?\d+)?")
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    texts = [line for f in sorted(seeds.glob("*.txt")) for line in f.read_text(encoding="utf-8").splitlines()]
    texts += ["4千人次", "3千5百", "1.5千元", "1.2.5千", "a12千", "x.5百", "3万4千元", "4千米", "12.千", "1百零8将",
              "٣千", "1百1百1百", "3千05百"]
    rng = random.Random(7)
    alphabet = "0123456789.千百十万零〇a中米 ٣"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 16))) for _ in range(3000)]
    found = 0
    for text in texts:
        want = [m.span() for m in forward.finditer(text)
                 if m.group("rest") or len(m.group("num").partition(".")[2]) < 2]  # 22.838千只: a unit
        got = [(d.offset, d.end_offset) for d in lint(text, ["NUM003"]) if d.rule == "NUM003"]
        assert got == want, text
        found += len(want)
    assert found > 100


def test_num003_units_that_begin_with_a_numeral_character():
    # legal units with the prefix 千 (千吨, 千瓦时, 千公顷), and a measured value of two or more decimals before a
    # statistics table's unit (22.838千只)
    check_rule("NUM003", valid=["原煤产量3665.21千吨。", "发电量12.5千瓦时。", "播种面积3.5千公顷。",
                                "家禽散养饲养量22.838千只。", "线路电压10千伏。"])
    check_rule("NUM003", invalid=[("培训妇女1.5千人次。", [(4, 8)], "培训妇女1500人次。"),
                                  ("饲养家禽22.8千只。", [(4, 9)], "饲养家禽22800只。")], unsafe=True)


def test_num003_chinese_year_zero_is_safe_fix():
    check_rule("NUM003", invalid=[("二0二一年十二月十日", [(1, 2)], "二〇二一年十二月十日"),
                                  ("二O二二年一月", [(1, 2)], "二〇二二年一月")])


def test_num003_negatives():
    check_rule("NUM003", valid=[
        "资助金额共3.98万元，19.2万元的善款，共计0.63万元，1万多条，2.5亿元。",
        "全程5千米，重5千克，提高3百分点。", "二〇二一年十二月", "评选出三个“十佳”各10名", "4000人次", "四千人次",
        seed_line("001", 28),
    ])


# ------------------------------------------------------------------------------------------------- NUM004
def test_num004_seed():
    line = seed_line("001", 8)
    (d,) = lint(line, ["NUM004"])
    assert d.text == "十四五" and d.fix.applicability == "unsafe"
    check_rule("NUM004", invalid=[("为上林十四五高质量发展贡献力量", [(3, 6)], "为上林“十四五”高质量发展贡献力量")], unsafe=True)


def test_num004_safe_fix_before_plan():
    check_rule("NUM004", invalid=[("对标十四五规划，谋划十五五时期发展", [(2, 5), (10, 13)],
                                   "对标“十四五”规划，谋划“十五五”时期发展")])


def test_num004_quotes_left_on_the_lines_around_it():
    # text pasted from a PDF leaves the quotation marks on the lines before and after the abbreviation
    check_rule("NUM004", valid=["全年工作圆满完成，“\n十三五\n”实现了良好开局。", "“十三五 ”规划"])
    check_rule("NUM004", invalid=[("“全面\n十三五\n规划", [(4, 7)], None)])


def test_num004_negatives():
    check_rule("NUM004", valid=[
        "对标“十四五”规划", "也是“十四五”规划实施的关键之年", "十四五岁的青少年", "来了十四五个人", "二十四五岁",
        "第十四五", "《“十四五”妇女发展规划》", seed_line("001", 37), seed_line("000", 8),
    ])


@pytest.mark.parametrize("rid", ["NUM001", "NUM002", "NUM003", "NUM004", "NUM005", "NUM007", "NUM008", "NUM009"])
def test_docstring_sections(rid):
    from lintkit import rules_in

    (r,) = [r for r in rules_in(num) if r.id == rid]
    for section in ("为什么：", "错误示例：", "正确写法：", "依据：", "修复："):
        assert section in r.doc, (rid, section)


def test_seeds(seeds_dir):
    got = []
    for path in sorted(seeds_dir.glob("*.txt")):
        got += [(path.name[:3], d.rule, d.text) for d in lint(path.read_text(encoding="utf-8"), ["NUM"])]
    assert got == [("000", "NUM001", "近600多名"), ("001", "NUM004", "十四五"), ("003", "NUM002", "1186余万")]


# ------------------------------------------------------------------------------------------------- clean-corpus FPs
def test_num003_wan_qian_in_traditional_drafts_is_info():
    # Taiwan/Hong Kong amounts “1,686萬4千元” are the usual local form (GB/T 15835 governs mainland publications):
    # only a hint in a traditional draft
    trad = "本所發放重陽敬老禮金，受惠長者計8,432人，發放金額新臺幣1,686萬4千元，服務民眾達3萬6千餘件。"
    found = [d for d in lint(trad, ["NUM003"]) if d.rule == "NUM003"]
    assert [d.text for d in found] == ["4千", "6千"] and {d.severity for d in found} == {"info"}
    # the same form in a simplified draft is the “3亿4千5百万” the standard rules out; a bare “4千” stays a warning
    simp = "全年发放补助资金1686万4千元，惠及群众3万6千余人，其中培训妇女4千人次。"
    found = [d for d in lint(simp, ["NUM003"]) if d.rule == "NUM003"]
    assert [d.text for d in found] == ["4千", "6千", "4千"] and {d.severity for d in found} == {"warning"}
    found = [d for d in lint("本區培訓婦女4千人次，發放資料2千份，成效顯著。", ["NUM003"]) if d.rule == "NUM003"]
    assert [d.severity for d in found] == ["warning", "warning"]


def test_inner_approximation_after_a_zero():
    # a whole number ending in 0 is skipped before the pattern runs; a decimal ending in 0 is not
    found = lint("避免经济损失1.50余万元，共有20余万人，3.0余万元，100余万元。", ["NUM002"])
    assert [d.text for d in found] == ["1.50余万", "3.0余万"]


def test_traditional_spellings_are_read_normalised():
    # the rules read the normalised text
    from conftest import lint

    assert [d.rule for d in lint("超過300人以上參加。", ["NUM001"])] == ["NUM001"]
    assert [d.rule for d in lint("約600多名婦女參加。", ["NUM001"])] == ["NUM001"]
    assert [d.rule for d in lint("培訓婦女4韆人次。", ["NUM003"])] == ["NUM003"]
    assert lint("約有三成婦女參加。", ["NUM001"]) == []


# ------------------------------------------------------------------------------------------------- NUM007
def test_num007_circle_in_chinese_numeral_years():
    check_rule("NUM007", invalid=[
        ("二○○四年全县妇联工作总结", [(1, 2), (2, 3)], "二〇〇四年全县妇联工作总结"),
        ("早在一九六○年八月二十二日。", [(5, 6)], "早在一九六〇年八月二十二日。"),
        ("確保到二○二○年。", [(4, 5), (6, 7)], "確保到二〇二〇年。"),
    ])
    (d, _) = lint("二○○四年", ["NUM007"])
    assert d.message == "汉字年份“二○○四年”中的零应写作“〇”，不用圆圈符号“○”" and d.fix.applicability == "safe"


# ------------------------------------------------------------------------------------------------ NUM008

def test_num008_fullwidth_digits_and_letters():
    check_rule("NUM008", invalid=[
        ("２０２２年全县妇联工作要点", [(0, 4)], "2022年全县妇联工作要点"),
        ("完成率达到１５％。", [(5, 7)], "完成率达到15％。"),
        ("即增长３．６８％。", [(3, 7)], "即增长3.68％。"),
        ("收入２７，２０３，３１９元，增长2%。", [(2, 12)], "收入27,203,319元，增长2%。"),
        ("组织收看ＣＣＴＶ新闻", [(4, 8)], "组织收看CCTV新闻"),
    ])
    d = lint("完成率达到１５％。", ["NUM008"])[0]
    assert (d.severity, d.message) == ("warning", "全角字符“１５”：数字和字母应使用半角“15”")


def test_num008_a_draft_written_in_fullwidth_digits_is_one_hint():
    half = "".join(f"第{n}项完成1{n}0万元。\n" for n in range(6))
    text = half.translate({ord(c): chr(ord(c) + 0xFEE0) for c in "0123456789"})
    found = lint(text, ["NUM008"])
    assert len(found) == 1 and found[0].severity == "info" and "12处" in found[0].message
    assert fix(text, ["NUM008"]) == half
    # one halfwidth digit anywhere: the draft mixes both, and each fullwidth number is reported
    assert len(lint(text + "共6项。\n", ["NUM008"])) == 12


def test_num007_negatives():
    check_rule("NUM007", valid=[
        "二〇〇四年全县妇联工作总结",            # the right numeral
        "○ 完成情况良好；○ 基本完成",           # list bullets
        "评分：○○○●●",                         # rating marks
        "一九七九、八○两年合计",                 # not a four-digit year
        "编号一○○二三年",                       # a longer number before 年
    ])


def test_num008_negatives():
    check_rule("NUM008", valid=[
        "2022年全县妇联工作要点",
        "ＡＢＣ",               # no Chinese on the line
        "完成率达到15％。",     # the percent sign is not this rule's
        "第一、二季度",
    ])


# ------------------------------------------------------------------------------------------------ issue 17
def test_num001_approximation_with_you_and_yishang():
    d = lint("引进培育约有100家左右首店。", ["NUM001"])
    assert [(x.offset, x.end_offset, x.severity, x.message) for x in d] == [
        (4, 12, "info", "“约有100家左右”：“约”与“左右”重复")]
    check_rule("NUM001", invalid=[("筛选100余家以上优质企业。", [(2, 9)], None),
                                  ("共有300多人以上参加。", [(2, 9)], None)],
               valid=["年满18岁以上的公民。", "共有300人以上参加。", "近年来为300人服务。"])


def test_num003_percent_words_with_arabic():
    d = lint("住院患者报销比例分别达到百分之75和70%。", ["NUM003"])[0]
    assert (d.offset, d.end_offset) == (12, 17)
    assert d.message == "“百分之75”混用了汉字“百分之”和阿拉伯数字，应写作“75%”"
    assert fix("达到百分之75。", ["NUM003"], unsafe=True) == "达到75%。"
    check_rule("NUM003", valid=["增长百分之十二点五。", "增长75%。"])


def test_num005_number_form():
    check_rule("NUM005", invalid=[
        ("水库设计灌溉面积为5,7000亩。", [(9, 15)], None),
        ("共计12,34,567元。", [(2, 11)], None),
        ("投资7，000万元，2021年进行井下改造。", [(2, 7)], "投资7000万元，2021年进行井下改造。"),
        ("接待入境过夜游客增长51。8%。", [(10, 14)], "接待入境过夜游客增长51.8%。"),
        ("价格为4·5元/立方米。", [(3, 6)], None),
        ("新增公路通车里程1．2万公里。", [(8, 11)], None),
        ("同比增长.5%。", [(4, 6)], "同比增长0.5%。"),
    ], unsafe=True, valid=[
        "收入27,203,319元。", "1,2,3号楼已完工。", "2019,2020两年。", "“6·26”国际禁毒日。",
        "２，４５０万元。", "从2019年起，2，3号楼开工。", "1.2万公里。",
    ])
    d = lint("投资7，000万元。", ["NUM005"])[0]
    assert d.message == "“7，000”用中文逗号“，”分节，会被读成两个数：应写作“7000”"


def test_num005_decimal_point_written_as_comma_or_enumeration_comma():
    # a Chinese comma or 顿号 between the digits of a number with a decimal unit after it is the decimal point
    check_rule("NUM005", invalid=[
        ("投资2，8亿元的京东物流项目。", [(2, 5)], "投资2.8亿元的京东物流项目。"),
        ("居民消费价格涨幅控制在3，3%，城镇新增就业1168万人。", [(11, 14)], "居民消费价格涨幅控制在3.3%，城镇新增就业1168万人。"),
        ("科技进步贡献率上升到56，2%。", [(10, 14)], "科技进步贡献率上升到56.2%。"),
        ("税收1，99亿元。", [(2, 6)], "税收1.99亿元。"),
        ("占地面积15，7万平方米。", [(4, 8)], "占地面积15.7万平方米。"),
        ("城区日供水量0，6万吨。", [(6, 9)], "城区日供水量0.6万吨。"),
        ("实现网络零售额5、8亿元，同比增长11.9%。", [(7, 10)], None),
        ("地表水径流年均总量11、07亿立方米。", [(9, 14)], None),
        ("耕地面积8，8公顷。", [(4, 7)], "耕地面积8.8公顷。"),
        ("比上年增长19·5％。", [(5, 9)], "比上年增长19.5％。"),
        ("平均办理时间由5个工作日压缩至1·5个工作日。", [(15, 18)], "平均办理时间由5个工作日压缩至1.5个工作日。"),
        ("安排补助资金1，0000万元。", [(6, 12)], "安排补助资金10000万元。"),
        ("收入12，345，678元。", [(2, 12)], "收入12345678元。"),  # one number, one finding
    ], unsafe=True, valid=[
        # two numbers: an ordinal ends its clause, counted things, numbers listed with 分别 or after listed things
        "出口通关效率稳居中部地区第1，7家企业上榜。", "科技创新指数居全国第4，21个学科进入ESI前1%。",
        "设施产量占比分别提高15、22个百分点。", "粮食、棉花产量增长5、8%。", "分别增长6，8%。",
        "从2019年起，2，3号楼开工。", "全年共举办3，5个批次。", "1、2、3%三档。",
        # a fullwidth draft's own decimal point and grouping (NUM008's)
        "增长６．３％，达到２，４５０万元。",
        # a sentence that ends on a number, the next one without a unit
        "全县共有村民小组12。3个社区完成改造。",
        # years listed (年 takes no decimals)
        "1998、1999年连续遭受特大洪涝灾害。",
    ])
    d = lint("实现网络零售额5、8亿元。", ["NUM005"])[0]
    assert d.message == "“5、8”的小数点写成了“、”：应为“5.8”（如是两个数并列，各自写出单位：5亿、8亿）"
    assert d.fix is None
    d = lint("投资2，8亿元。", ["NUM005"])[0]
    assert d.message == "“2，8”的小数点写成了“，”：应为“2.8”"
    # two adjacent single digits with a 顿号: an approximation written with arabic digits, or a decimal point
    d = lint("内河港口吞吐量增长5、6倍。", ["NUM005"])[0]
    assert (d.text, d.message) == ("5、6", "“5、6”：相邻两数表示概数时用汉字、不加顿号（如“三五”“五六”）；如是小数，应为“5.6”")


def test_num005_on_the_corpus_is_the_old_reports_house_style():
    from pathlib import Path

    real = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "real"
    if not real.is_dir():
        pytest.skip("../shared/corpus/real is not there")
    got = {}
    for path in sorted(real.glob("*.txt")):
        found = [d for d in lint(path.read_text(encoding="utf-8"), ["NUM005"]) if d.rule == "NUM005"]
        if found:
            got[path.name] = len(found)
    # all true against the standard, the house style of old reports or of their transcription: 1980 writes 33，212万吨
    # (the Chinese comma as a thousands separator), 1999 19·5％ (four of five decimals), 2000 77．7％ and 1．2万公里
    # (every decimal); no look-alike (第1，7家企业, 分别提高15、22个百分点) is reported
    assert got == {"nat_gwr_1980.txt": 27, "nat_gwr_1999.txt": 4, "nat_gwr_2000.txt": 6}


def test_num009_range_form():
    check_rule("NUM009", invalid=[
        ("试点地区农民负担平均减轻30～60%。", [(12, 18)], "试点地区农民负担平均减轻30%～60%。"),
        ("增长5.6-11.2%。", [(2, 11)], "增长5.6%～11.2%。"),
        ("约占全县总种植面积的27%-54%。", [(10, 17)], "约占全县总种植面积的27%～54%。"),
    ], unsafe=True, valid=[
        "减轻30%～60%。", "2021-2025年规划。", "GB/T 15834-2011。", "9月1日至10月1日。", "增长3%至5%。",
    ])
    d = lint("达到10～20万元以上。", ["NUM009"])[0]
    assert (d.severity, d.message) == ("info", "数值范围“10～20万元”的前一个数也要写出“万”：10万～20万")
    assert lint("国内生产总值增长6.5%－7%。", ["NUM009"])[0].severity == "info"


def test_num009_on_real_lines():
    """Real lines of ../shared/corpus/real (read in place): a range whose first number lacks 万, and a percent range
    joined by a dash; both are hints (many drafts write ranges so)."""
    real = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "real"
    if not real.is_dir():
        pytest.skip("../shared/corpus/real is not there")
    line = (real / "cty_liuhe_about_traffic.txt").read_text(encoding="utf-8").splitlines()[14]
    (d,) = lint(line, ["NUM009"])
    assert (d.offset, d.text, d.severity, d.message) == (
        172, "9至12万", "info", "数值范围“9至12万”的前一个数也要写出“万”：9万至12万")
    line = (real / "nat_gwr_2019.txt").read_text(encoding="utf-8").splitlines()[66]
    (d,) = lint(line, ["NUM009"])
    assert (d.offset, d.text, d.message) == (25, "6%－6.5%", "百分数范围“6%－6.5%”应用浪纹线连接：6%～6.5%")
