"""TOT — totals, parts and percentages. RULES.md §4.1 lists every such statement in the seeds; each consistent
one is checked to be silent, and a minimally altered (inconsistent) copy of it to be reported, which shows that
the rule did recognise the structure rather than miss it."""

from __future__ import annotations

import pytest

from conftest import check_rule, lint, seed_line

from lintkit_rules import tot

TOT = ["TOT"]


def _found(text):
    return [(d.rule, d.text) for d in lint(text, TOT)]


# ------------------------------------------------------------------------------------------------- §4.1 seeds
def test_seed_000_4_only_the_percentage():
    line = seed_line("000", 4)
    found = lint(line, TOT)
    assert [(d.rule, d.text) for d in found] == [("TOT002", "80件，结案率达99.5%")]
    assert found[0].message.startswith("80件×99.5%=79.6件")


@pytest.mark.parametrize("prefix,line", [
    ("000", 2), ("000", 3), ("000", 4), ("000", 10),
    ("001", 4), ("001", 8), ("001", 11), ("001", 19), ("001", 22), ("001", 23), ("001", 24), ("001", 28), ("001", 29),
    ("002", 7), ("002", 9), ("002", 11), ("002", 21), ("002", 23),
    ("003", 6), ("003", 12), ("003", 16), ("003", 20), ("003", 24), ("003", 28), ("003", 32), ("003", 38), ("003", 40),
    ("004", 2),
])
def test_seed_statements_consistent(prefix, line):
    found = [(d.rule, d.text) for d in lint(seed_line(prefix, line), TOT)]
    if (prefix, line) == ("000", 4):
        found = [f for f in found if f[0] != "TOT002"]
    assert found == []


def test_000_4_partition_recognised():
    # 16家 = 6家 + 10家 is a partition; with 12 instead of 10 it no longer adds up
    ok = "全县共新增加代理孩子114名，新增企业代理妈妈16家，其中，规模以上企业6家，个体私营企业10家。"
    bad = ok.replace("个体私营企业10家", "个体私营企业12家")
    assert _found(ok) == []
    (d,) = lint(bad, TOT)
    assert d.rule == "TOT001" and d.message == "各部分之和6+12=18家，超过了总数“16家”"


def test_000_4_subset_recognised():
    ok = "市级示范点1 5个，县级示范点38个，其中县级精品示范点 19个。"
    assert _found(ok) == []
    assert _found(ok.replace(" 19个", " 39个")) == [("TOT005", "38个，其中县级精品示范点 39个")]


def test_000_4_enumerations_recognised():
    ok = "已建成省级“四组一队”示范点2个（黄狮村、关巷社区），市级示范点15个。"
    assert _found(ok) == []
    assert [r for r, _ in _found(ok.replace("2个", "3个"))] == ["TOT003"]
    ok = ("西峡县妇联推荐 上报的城区一小冯红丽家庭、吴柯家庭，城区四小李哲瀚家庭、张雅心家庭4 个家庭作品荣获"
          "南阳市“传承红色基因 我说我家故事”展演活动优秀节目奖。")
    assert _found(ok) == []
    (d,) = lint(ok.replace("4 个家庭", "5 个家庭"), TOT)
    assert d.rule == "TOT003" and "4个“家庭”" in d.message


def test_001_28_money_across_sentences():
    ok = ("一是实施“春蕾计划”行动，资助金额共3.98万元。落实“我为群众办实事”“春蕾计划一起捐”助学行动，捐助3名困难"
          "女童4800元；县妇联牵线得到天源公司等爱心企业资助3.5万元，资助15名困难女童。二是开展“把爱带回家”春节慰问。")
    assert _found(ok) == []
    (d,) = lint(ok.replace("共3.98万元", "共3.5万元"), TOT)
    assert d.rule == "TOT001" and d.severity == "info"
    assert d.message == "各部分之和0.48+3.5=3.98万元，超过了总数“3.5万元”"


def test_money_details_in_a_hard_wrapped_paragraph():
    text = ("资助金额共3.5万元。为困难女童发放助学金，\n4800元；爱心企业资助3.5万元。\n"
            "二、下一步工作。捐款2万元；资助3万元。")
    (d,) = lint(text, TOT)
    assert d.rule == "TOT001" and d.message == "各部分之和0.48+3.5=3.98万元，超过了总数“3.5万元”"
    assert lint(text.replace("助学金，\n", "助学金。\n"), TOT) == []  # a new paragraph: not its details


def test_003_6_bracketed_partition():
    line = seed_line("003", 6)
    assert "3人(其中:主席1人,副主席1人,纪检组长1人)" in line
    assert _found(line) == []
    (d,) = lint(line.replace("副主席1人", "副主席2人"), TOT)
    assert d.rule == "TOT001" and d.message == "各部分之和1+2+1=4人，超过了总数“3人”"


def test_003_16_share_of_unstated_base():
    line = seed_line("003", 16)
    assert _found(line) == []  # 7/77 = 9.09 %; 225 of some base = 14.5 %
    (d,) = lint(line.replace("9.09 %", "9.10 %"), TOT)
    assert d.rule == "TOT002" and "总数77名时为9.09%" in d.message


def test_003_32_hundred_percent():
    line = seed_line("003", 32)
    assert _found(line) == []
    assert [r for r, _ in _found(line.replace("100%", "99.9%"))] == ["TOT002"]


def test_002_9_overlapping_subsets_traditional():
    line = seed_line("002", 9)
    assert "12戶,其中6戶" in line
    assert _found(line) == []
    # subsets followed by a predicate may overlap: their sum is not checked, a part above the whole is
    assert _found(line.replace("4戶被推薦", "8戶被推薦")) == []
    assert [r for r, _ in _found(line.replace("4戶被推薦", "14戶被推薦"))] == ["TOT005"]


def test_whole_seeds(seeds_dir):
    got = []
    for path in sorted(seeds_dir.glob("*.txt")):
        got += [(path.name[:3], d.rule) for d in lint(path.read_text(encoding="utf-8"), TOT)]
    assert got == [("000", "TOT002")]


# ------------------------------------------------------------------------------------------------- TOT001
def test_tot001_units_and_intervals():
    check_rule("TOT001", invalid=[
        ("共培训妇女干部120人，其中村干部80名，乡镇干部50名。", None, None),
        ("投入资金5万元，其中省级资金3万元，县级资金25000元。", None, None),
        ("新增企业16家，分别为规模以上企业6家、个体私营企业12家。", None, None),
    ])
    check_rule("TOT001", valid=[
        "共培训120人，其中村干部80人次，乡镇干部50人次。",            # 人次 is not 人
        "投入资金5万元，其中省级资金3万元，县级资金20000元。",           # 3万 + 2万 = 5万
        "共培训600多人，其中村干部500人，乡镇干部150人。",               # 600多 may be 650
        "共有妇女干部近600人，其中村干部300人，乡镇干部280人。",
        "共有会员58人，其中企业家30人。",                                # one part: a subset
    ])


def test_tot001_cross_cutting_attributes_overlap():
    check_rule("TOT001", valid=["全县共有村干部1200人，其中女性300人，党员900人，大专以上学历500人。",
                                "共10人，其中女性6人，党员8人。"])
    check_rule("TOT001", invalid=[("共16人，其中男性6人，女性12人。", None, None)])


def test_tot001_trailing_clause_is_not_a_part():
    check_rule("TOT001", valid=["全县共有妇女干部120人，其中女性村支书20人，女村主任100人，新发展女党员100人。"])


def test_tot001_parts_of_different_dimensions_overlap():
    # one part in a dimension (gender), the others in another one (sector): not a partition
    check_rule("TOT001", valid=["全村劳动力800人，其中：女劳动力400人，农业劳动力500人，工业劳动力300人。",
                                "全村劳动力800人，其中：女性400人，党员300人，大专以上学历200人。"])
    # a dimension shared by every part does not divide them (农村妇女, 城镇妇女); 其他 completes a dimension
    check_rule("TOT001", invalid=[("共培训妇女500人，其中：农村妇女300人，城镇妇女300人。", None, None),
                                  ("共10人，其中女性6人，其他6人。", None, None),
                                  ("共10人，其中男性6人，女性6人。", None, None)])


def test_tot001_a_figure_per_member_ends_the_list():
    check_rule("TOT001", invalid=[("志愿服务队共19人，其中党员12人、团员8人，分为宣讲组、服务组两组，各10名。", None, None)])
    check_rule("TOT001", valid=["志愿服务队共20人，其中党员12人、团员8人，分为宣讲组、服务组两组，各10名。"])


def test_tot001_a_part_that_is_a_total_ends_the_list():
    check_rule("TOT001", valid=["林场资产总额为3.5亿元，其中：流动资产1.5亿元，林木资产1.8亿元，负债总额为2000万元，"
                                "净资产3.3亿元。"])
    check_rule("TOT001", invalid=[("林场资产总额为3.5亿元，其中：流动资产1.5亿元，林木资产2.8亿元，负债总额为2000万元。",
                                   None, None)])


def test_tot_averages_changes_and_members_are_no_wholes():
    for rid in ("TOT001", "TOT005"):
        check_rule(rid, valid=[
            "三年间年均超收1800亿元，其中去年超收2500亿元。",              # an average
            "赤字比上年增加2000亿元，其中中央财政赤字9000亿元。",          # a change
            "全镇有供水站2座，其中：东山供水站，日供水量500吨，水泵4座，另有备用泵3台。",  # one member described
        ])
    check_rule("TOT005", invalid=[("全县共有供水站2座，其中东山镇3座。", None, None)])


def test_tot001_predicates_are_subsets():
    check_rule("TOT001", valid=["评选“最美家庭”12户，其中8户获市级表彰，6户被推荐为省级“最美家庭”。"])


# ------------------------------------------------------------------------------------------------- TOT002
def test_tot002_forms():
    check_rule("TOT002", invalid=[("县妇联处理妇女信访案件80件，结案率达99.5%，下达告诫书16份。", [(11, 24)], None),
                                  ("领导班子共3人，女性占比达40%。", None, None)])
    check_rule("TOT002", valid=[
        "处理信访案件80件，结案率达98.75%。", "处理信访案件80件，结案率达98.8%。", "处理信访案件80件，结案率达100%。",
        "处理信访案件80件，结案率达99%以上。", "处理信访案件80件，结案率约99.5%。",
        "培训妇女1.2万人，满意率达99.5%。",                # large counts: any percentage
        "投入资金80万元，使用率达99.5%。",                 # money is not a count
        "会员由58人增加到85人，增长率46.6%。",             # growth rate: not k of n
        "产前超声筛查要完成全年活产数的65%。", "村委会主任中女性比例达到24.3%（目标10%）",
        "全县134个村（社区）全面实现了两个100%（村、居委行政班子100%有女性，妇联主席100%进“两委”班子）和1个10%"
        "（村委会主任中女性比例达到10%）",
    ])


def test_tot002_shares_of_other_things():
    check_rule("TOT002", valid=[
        "全市由山地、丘陵等4种类型构成，中低山地占总面积70%。",          # a share of an area, own subject
        "主要产区有三个乡镇，三个乡镇约占总量的35%。",                  # a rounded share of a quantity
        "新引进项目800个，其中12条重点产业链项目占比达84.4%。",        # the share's subject is the projects
        "占比分别提高15、22个百分点，优质鲜切花占比60%。",              # percentage points; own subject
        "群众反映问题一次性化解率达97.3%。",                            # 一次性: no count
        "推进“高效办成一件事”，企业满意率达99.11%。",                  # a count inside a name
    ])
    check_rule("TOT002", invalid=[("领导班子共3人，女干部占40%。", None, None),
                                  ("领导班子共3人，女性占比40%。", None, None)])


# ------------------------------------------------------------------------------------------------- TOT003
def test_tot003_forms():
    check_rule("TOT003", invalid=[("建成示范点3个（黄狮村、关巷社区）。", [(5, 17)], None),
                                  ("建成示范点2个（黄狮村、关巷社区、红星村）。", None, None),
                                  ("吴柯家庭、李哲瀚家庭、张雅心家庭4个家庭作品获奖。", None, None)])
    check_rule("TOT003", valid=[
        "示范点3个（黄狮村、关巷社区等）。", "示范点3个（黄狮村、关巷社区和红星村）。", "获奖2人（均为女性）。",
        "示范点2个（2021年、2022年各1个）。", "涌现了马艳玉、曹外兰、曹美英等3个家庭。", "創建“平安家庭”示範村1個(耿塬村)。",
        "吴柯家庭、李哲瀚家庭、张雅心家庭3个家庭作品获奖。",
    ])


# ------------------------------------------------------------------------------------------------- TOT005
def test_tot005():
    check_rule("TOT005", invalid=[("共10人，其中女性12人。", [(1, 12)], None)])
    check_rule("TOT005", valid=["共10人次，其中女性12人。", "共10人，其中女性10人。", "近600人，其中村干部580人。",
                                "共10人，其中女性12人次。"])
    # one finding per problem: TOT001 stays quiet when TOT005 reports
    assert _found("共10人，其中女性12人，男性3人。") == [("TOT005", "10人，其中女性12人")]


def test_tot_total_followed_by_the_counted_thing():
    # 其中 after a clause that names the counted thing after its number: the clause's last quantity is the total
    check_rule("TOT001", invalid=[("全县共有12个村，其中贫困村8个、非贫困村5个。", [(4, 23)], None)])
    (d,) = lint("全县共有12个村，其中贫困村8个、非贫困村5个。", ["TOT001"])
    assert d.message == "各部分之和8+5=13个，超过了总数“12个”"
    check_rule("TOT005", invalid=[("本次共有30家企业参加，其中规上企业35家。", [(4, 21)], None)])
    check_rule("TOT001", valid=[
        "全县共有12个村，其中贫困村7个、非贫困村5个。",
        "选派骨干教师120名到乡村学校支教，其中，县城学校选派76名，镇区学校选派44名。",
        "覆盖12个村和部分社区，其中村8个、社区5个。",        # 和: the whole is more than the 12 villages
        "投入资金增加12万元用于修路，其中省级8万元、县级5万元。",  # a change is no whole
    ])
    check_rule("TOT005", valid=["共有30家企业参加，其中规上企业25家。"])


def test_tot001_the_list_of_parts_ends_with_its_clauses():
    # a clause without a part, or a part that does not close its clause, ends the list: the 个 of 三个/四个 later in
    # the sentence belongs to another statement
    check_rule("TOT001", invalid=[
        ("共有村125个，其中贫困村92个，非贫困村43个，坚持稳中求进，取得“三个新的更大进展”。", [(3, 24)], None),
        ("全县共有12个村，其中贫困村8个、非贫困村5个，乡党委将增强“四个意识”。", [(4, 23)], None),
    ])
    check_rule("TOT001", valid=[
        "共有村125个，其中贫困村82个，非贫困村43个，坚持稳中求进，取得“三个新的更大进展”。",
        "全县共有12个村，其中贫困村7个、非贫困村5个，乡党委将增强“四个意识”。",
    ])
    check_rule("TOT005", valid=["全县共有12个村，其中贫困村7个、非贫困村5个，新增就业岗位300个。"])


def test_tot001_school_levels_and_respective_genders_are_one_dimension():
    # 小学/初中 divide schools (or people's education) along one dimension; 分别为男…、女… along gender
    check_rule("TOT001", invalid=[
        ("全县共有164所学校，其中小学52所、初中113所。", [(4, 25)], None),
        ("涉及学员153人，分别为男学员85人、女学员69人。", [(4, 25)], None),
    ])
    check_rule("TOT001", valid=["全县共有165所学校，其中小学52所、初中113所。", "涉及学员154人，分别为男学员85人、女学员69人。",
                                "村干部120人，其中女性50人，初中以上学历80人。"])  # gender against education: overlap


def test_tot002_rate_named_after_the_counts_clause():
    # the rate's name repeats a word of the count's clause: the rate of the counted things
    check_rule("TOT002", invalid=[("识别监测对象26户78人，已消除风险21户，风险消除率95.3%。", [(18, 32)], None)])
    check_rule("TOT002", valid=["识别监测对象26户78人，已消除风险21户，风险消除率80.8%。"])  # 21 of 26


def test_synthetic_summary_is_clean():
    draft = (
        "2021年，全县妇联系统共受理群众来信来访42件，其中婚姻家庭纠纷30件，权益侵害12件，办结率100%。"
        "全年投入资金共计12.5万元，其中省级专项资金8万元，县级配套资金4.5万元。培训农村妇女1200人次，"
        "其中电商培训400人次，家政培训800人次。评选“最美家庭”20户，其中10户获市级表彰，8户获省级表彰。"
        "全县女干部占干部总数的31.2%。新建“儿童之家”5所（东坪村、黄坪村、杜店村、回车社区、丹水社区）。\n"
        "全县现有村（社区）妇联主席299人，副主席598人；执委委员共477人。299个村（社区）妇联执委委员3248人。\n"
    )
    assert lint(draft, TOT) == []


@pytest.mark.parametrize("rid", ["TOT001", "TOT002", "TOT003", "TOT005"])
def test_docstring_sections(rid):
    from lintkit import rules_in

    (r,) = [r for r in rules_in(tot) if r.id == rid]
    for section in ("为什么：", "错误示例：", "正确写法：", "依据：", "修复："):
        assert section in r.doc, (rid, section)


# ------------------------------------------------------------------------------------------------- clean-corpus FPs
def test_tot002_rate_with_its_own_population():
    # the rate's clause names a different population than the count before it: 8 majors, graduates' employment
    # rate; 10 projects, residents' satisfaction rate — no arithmetic relation between the two numbers
    check_rule("TOT002", valid=[
        "开设现代农业、电子商务、汽车维修等专业8个，毕业生就业率达到97.5%。",
        "全年办理民生实事10件，群众满意率达98.5%。",
        "全县共有小学23所，适龄儿童入学率达99.8%。",
    ])
    # a bare rate name right after the count still refers to it (seed 000)
    check_rule("TOT002", invalid=[
        ("县妇联处理妇女信访案件80件，结案率达99.5%。", None, None),
        ("建设项目12个，完工率达95%。", None, None),
    ])


# ------------------------------------------------------------------------------------------------- candidates
# The rules start from their triggers' candidates (个 and brackets, tokens only before brackets that can end one,
# 其中/分别 and a money total ending its sentence); these cases exercise each kind.
@pytest.mark.parametrize("text,expected", [
    ("冯红丽家庭、吴柯家庭、李哲瀚家庭 4个家庭参加评选。", [("TOT003", "4个家庭")]),   # a space before the number
    ("冯红丽家庭、吴柯家庭、李哲瀚家庭4\n个家庭参加评选。", []),                        # number and 个 on two lines
    ("马艳玉家庭、曹外兰家庭、曹美英家庭 十个家庭获评。", [("TOT003", "十个家庭")]),   # a Chinese numeral
    ("建成示范点，共3个（黄狮村、关巷社区），效果良好。", [("TOT003", "3个（黄狮村、关巷社区）")]),
    ("培训一百人（张三、李四）。", [("TOT003", "一百人（张三、李四）")]),
    ("全县妇联建成示范点3 个（黄狮村、关巷社区）。", [("TOT003", "3 个（黄狮村、关巷社区）")]),
    ("建成示范点3个 （黄狮村、关巷社区）。", []),                                      # a space before the bracket
    ("（黄狮村、关巷社区）示范点3个。", []),                                          # a bracket at the start
])
def test_count_mismatch_candidates(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # 分別 (traditional 别) is read normalised
    ("全縣共有代理媽媽16家，分別為規模以上企業6家、個體私營企業12家。",
     [("TOT001", "16家，分別為規模以上企業6家、個體私營企業12家")]),
    ("全县共有代理妈妈16家，分別为规模以上企业6家、个体私营企业12家。",
     [("TOT001", "16家，分別为规模以上企业6家、个体私营企业12家")]),
    ("全县有代理妈妈16家，规模以上企业6家、个体私营企业12家。", []),                 # neither 其中 nor 分别
])
def test_statements_from_qizhong_fenbie(text, expected):
    assert _found(text) == expected


def test_money_total_allows_space_before_the_full_stop():
    text = ("一是实施“春蕾计划”行动，资助金额共3.5万元 。落实“我为群众办实事”“春蕾计划一起捐”助学行动，捐助3名困难"
            "女童4800元；县妇联牵线得到天源公司等爱心企业资助3.5万元，资助15名困难女童。")
    (d,) = lint(text, TOT)
    assert d.rule == "TOT001" and d.severity == "info"
    assert lint(text.replace("元 。", "元，"), TOT) == []
    (d,) = lint(text.replace("共", "合計").replace("3.5万元 。", "3.5萬元。"), TOT)  # 計 and 萬 are normalised
    assert d.rule == "TOT001" and d.severity == "info"


def test_sentences_at_each_and_sentences_of():
    from lintkit import Document
    from lintkit_rules._zh import sentences_at_each, sentences_of

    text = "其中甲。其\n中乙；分别为丙。元。其中其中。\n\n其中"
    doc = Document(text)
    each = sentences_at_each(doc, range(len(text)))
    assert each == [next((i for i, (s, e) in enumerate(doc.sentences) if s <= p < e), -1) for p in range(len(text))]
    positions = [len(text) - 1, 0, 1, 4, 5, 6]
    assert sentences_of(doc, positions) == sorted({each[p] for p in positions} - {-1})


def test_tot001_traditional_total_word_is_read_normalised():
    from conftest import lint

    text = "县妇联开展救助活动，资助金额總計3.5萬元。为张三发放救助金4800元；为李四发放救助金3.5萬元。"
    assert [(d.rule, d.severity) for d in lint(text, ["TOT001"])] == [("TOT001", "info")]


# ------------------------------------------------------------------------------------------------- shortcuts
# Inside a sentence the rules take shortcuts (a token scan from the first numeral, a total looked for from the
# punctuation before its anchor, a rate checked only when a count word ends before it); each gives what the
# plain analysis gives.
def _tot_texts():
    import random
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    files = sorted((root / "seeds").glob("*.txt")) + sorted((root / "tests/fixtures").rglob("*.txt"))
    texts = [line for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(5)
    pieces = ["共", "共计", "近", "约", "一共", "16", "6", "3.5", "十二", "两", "万", "多", "余", "家", "人", "名",
              "万元", "元", "人次", "以上", "左右", "，", "、", "（", "）", "：", " ", "其中", "分别为", "企业", "第",
              "。", "资金", "8"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(2, 24))) for _ in range(3000)]
    return texts


def test_tot_tokens_scan_from_the_first_numeral_finds_every_token():
    # tokens() starts its scan a prefix's length before the first numeral of the window: the same tokens as the
    # token pattern over the whole window, for every window start on seed and fixture lines
    from lintkit import Document
    from lintkit_rules import tot

    pattern = tot._tables()[0]
    n = 0
    for text in _tot_texts():
        doc = Document(text)
        norm = doc.norm
        for start in range(0, len(norm), 7):
            want = [(m.start(2), m.end(6)) for m in pattern.finditer(norm, start)
                    if tot._value(*(m.group(2), m.group(3) or m.group(5), m.group(4), m.group(6),
                                    m.group(1) or "", m.group(7) or "")) is not None]
            assert [(t.start, t.end) for t in tot.tokens(doc, start, len(norm))] == want, (text, start)
            n += len(want)
    assert n > 1000


def test_tot_total_before_an_anchor_is_the_last_token_of_the_window():
    # _total_before rejects an anchor when the character before its separators ends no measure word and scans
    # only from the punctuation before them: the same total as the last token of the whole 40-character window
    # followed by separators only, or (其中 only) the last token of the clause before them followed by the words
    # of the counted thing
    from lintkit import Document
    from lintkit_rules import tot

    found = rejected = 0
    for text in _tot_texts():
        doc = Document(text)
        norm = doc.norm
        for ss, se in doc.sentences:
            for am in tot._ANCHOR.finditer(norm, ss, se):
                a = am.start()
                before = tot.tokens(doc, max(ss, a - tot._TOTAL_WINDOW), a)
                want = before[-1] if before and tot._BETWEEN_TOTAL_ANCHOR.fullmatch(norm[before[-1].end:a]) else None
                if want is None and am.group() == "其中":
                    # the counted thing's words after the total, to the clause's end (共有12个村，其中…)
                    j = a - len(norm[:a]) + len(norm[:a].rstrip(" \t\u3000，,、：:（("))
                    cs = max(ss, a - tot._TOTAL_WINDOW)
                    for k in range(j - 1, cs - 1, -1):
                        if norm[k] in "，,、；;：:（(。":
                            cs = k + 1
                            break
                    clause = tot.tokens(doc, cs, j)
                    if clause and tot._NOUN_AFTER_TOTAL.fullmatch(norm, clause[-1].end, j):
                        want = clause[-1]
                got = tot._total_before(doc, norm, ss, a)
                assert got == want, (text, a)
                found += want is not None
                rejected += want is None
    assert found > 50 and rejected > 50


def test_tot_money_total_sentences_hold_yuan_and_a_stop():
    # _cross_sentence tries only sentences where 元 is followed by 。/.: every sentence that _MONEY_TOTAL_END
    # accepts has one
    from lintkit import Document
    from lintkit_rules import tot

    n = 0
    for text in _tot_texts() + ["资助金额共3.98万元 。其中4800元。", "共计十二万元."]:
        doc = Document(text)
        norm = doc.norm
        for ss, se in doc.sentences:
            stripped = norm[ss:se].rstrip()
            if stripped.endswith(("。", ".")) and tot._MONEY_TOTAL_END.search(stripped):
                assert tot._YUAN_STOP.search(norm, ss, se), stripped
                n += 1
    assert n > 10


def test_tot002_count_before_the_rate_ends_after_the_last_digit():
    # TOT002 tokenises the window before a rate keyword only when a count word's last character lies after the
    # window's last digit within 20 characters of the keyword: every count the rule goes on to check has one
    from lintkit import Document
    from lintkit_rules import tot

    counts = tot._tables()[2]
    texts = _tot_texts() + ["处理妇女信访案件80件，结案率达99.5%", "专业8个，毕业生就业率97.5%", "7名占9.09%",
                            "培训3期，参训率100%", "全县80件中，结案率为98.75%"]
    import random

    rng = random.Random(17)
    words = sorted(counts)
    texts += [f"{rng.randrange(1, 300)}{rng.choice(words)}{rng.choice(['', '，', '中', '2', '以上', '，其中办结'])}"
              f"{'的' * rng.randrange(0, 22)}{rng.choice(['率', '占比', '占'])}{rng.choice(['', '达'])}"
              f"{rng.randrange(1, 100)}.{rng.randrange(10)}%" for _ in range(1000)]
    n = 0
    for text in texts:
        doc = Document(text + "。结案率达99.5%")
        norm = doc.norm
        for ss, se in doc.sentences:
            for m in tot._RATE.finditer(norm, ss, se):
                kw = m.start("kw")
                lo = max(ss, kw - 30)
                cands = tot.tokens(doc, lo, kw)
                if not cands:
                    continue
                t = cands[-1]
                if kw - t.end > 20 or tot._DIGIT.search(norm[t.end:kw]) or not t.exact or t.mw not in counts:
                    continue
                ld = tot._LAST_DIGIT.search(norm, lo, kw)
                assert not tot._count_last().isdisjoint(norm[max(lo, kw - 21, ld.end() if ld else lo):kw]), text
                n += 1
    assert n > 200
    assert [d.text for d in lint("处理妇女信访案件80件，结案率达99.5%。", ["TOT002"])] == ["80件，结案率达99.5%"]
