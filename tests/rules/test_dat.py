"""DAT — dates."""

from __future__ import annotations

import pytest

from conftest import check_rule, lint, seed_line

from lintkit_rules import dat


def _rules(text, prefix="DAT"):
    return [(d.rule, d.text) for d in lint(text, [prefix])]


# ------------------------------------------------------------------------------------------------- DAT001
def test_dat001_seed_lines():
    line = seed_line("003", 24)
    assert line.startswith("2011在马田镇")
    check_rule("DAT001", invalid=[(line, [(0, 4)], None)])
    line = seed_line("002", 2)
    found = [d for d in lint(line, ["DAT001"])]
    assert [d.text for d in found] == ["2020"]


def test_dat001_fix_is_unsafe():
    check_rule("DAT001", invalid=[("2011在马田镇红星村建设了第一家村“妇女之家”。", [(0, 4)],
                                   "2011年在马田镇红星村建设了第一家村“妇女之家”。")], unsafe=True)
    check_rule("DAT001", invalid=[("转眼间2020已至岁末。", [(3, 7)], "转眼间2020已至岁末。")], unsafe=False)


def test_dat001_negatives():
    check_rule("DAT001", valid=[
        "发挥12338维权热线、信访接待等平台作用。",
        "全县共有2011名党员参加学习。",
        "2021年99公益日期间，广泛发动社会各界。",
        "认真做好（2011—2020）《西峡县妇女儿童发展两规划》的迎验工作。",
        "永兴县妇联2011-2015工作总结及今后五年工作思路",
        "一、2011至2015年工作总结",
        "投入资金2000万元，建设2020户。",
        "颁布实施2016-2020年妇女儿童发展规划；",
        "联系电话:0735-2871512 湘ICP备20006897号-1 Copyright 2021 郴州妇女联合会",
        "2021年度全县妇联系统工作总结测评会",
        "2022级新生入学教育；第2021期简报。",
    ])


def test_dat001_years_that_begin_names_and_counted_years():
    # the names of events, awards, rankings and programmes keep their bare year; years listed and then counted
    check_rule("DAT001", valid=[
        "承办2025中国民营企业500强发布会。",
        "长春队勇夺2025中国足协杯（女子）冠军。",
        "积极争取煤炭、智能电网等2030国家科技重大专项。",
        "福州获评“2025最具幸福感城市”。",
        "系统实施“2030启航计划”。",
        "“鹭引五洲 才聚八闽”2025全球创新创业大赛。",
        "1978、1979两年共增产粮食4900多万吨。",
    ])
    # a clause after the year is still a missing 年, even when a name's last word follows
    check_rule("DAT001", invalid=[("2021在全县举办巾帼创业大赛。", [(0, 4)], None),
                                  ("2021全县妇联工作会议召开。", [(0, 4)], None),
                                  ("关于做好2025元旦春节期间有关工作的通知", [(4, 8)], None)])
    check_rule("DAT001", valid=["投入2025元资金。"])


# ------------------------------------------------------------------------------------------------- DAT002
def test_dat002_short_year():
    check_rule("DAT002", invalid=[("21年3月召开换届大会。", [(0, 3)], None)])
    # a full form elsewhere in the document gives the suggestion
    check_rule("DAT002", invalid=[("2021年工作总结。21年3月召开换届大会。", [(10, 13)], "2021年工作总结。2021年3月召开换届大会。")],
               unsafe=True)


def test_dat002_short_end_year():
    check_rule("DAT002", invalid=[("2011—15年工作总结", [(5, 8)], "2011—2015年工作总结")], unsafe=True)


def test_dat002_after_a_date_or_a_bylines_dash():
    check_rule("DAT002", invalid=[("第二阶段（2023年8月—24年4月）完成登记。", [(13, 16)], None),
                                  ("——25年1月8日在县第十八届人民代表大会第五次会议上", [(2, 5)], None)])
    check_rule("DAT002", valid=["2020—21年3月完成。"])  # a range: its end year is _SHORT_END_YEAR's (same century)


def test_dat002_negatives():
    check_rule("DAT002", valid=[
        "她在妇联工作21年，建党100年之际受到表彰。",
        "11个乡镇妇联主席中90后6名。",
        "工作21年3个月后调任。",
        "2011—2015年工作总结；2020—2021学年。",
        "2021年3月召开换届大会。",
        "畅谈了20 21年3月工作思路",  # a split year: SPC001 reports it, DAT does not report it again
    ])


def test_dat002_apostrophe_marks_the_elision():
    # an apostrophe before two digits and 年 marks an abbreviated year whatever follows it
    check_rule("DAT002", invalid=[
        ("土地级别调整方案公布日期为’16年12月5日，本次公布基准地价按照商服用地。", [(13, 17)], None),
        ("机场于'11年6月19日正式开工建设。", [(3, 7)], None),
        ("’99年以来，发展改革委已在国债项目中安排资金。", [(0, 4)], None),
        ("资本充足率从’07年底的8.4%提升到去年底的13.4%。", [(6, 10)], None),
    ])
    (d,) = lint("2016年以来，’16年12月5日公布。", ["DAT002"])
    assert d.message == "年份“’16年”是简写，应写全（如“2016年”）"
    # a closing quotation mark is no apostrophe: ‘三农’10年 counts ten years
    check_rule("DAT002", valid=["实施‘三农’10年以来，2010年起步的工程全部完工。", "The ’90s 年代"])


def test_dat002_point_of_a_year_named_in_full_elsewhere():
    # 20年底, 19年初, 79年以来: a year when the draft names the same year in full, and no counting word before it
    check_rule("DAT002", invalid=[
        ("2020年工作要点。到20年底，实现市场监管领域相关部门全覆盖。", [(11, 14)], None),
        ("1979年国民经济有所好转。现在，我着重报告79年以来贯彻执行调整方针的情况。", [(22, 25)], None),
        ("2019年集中采购。于19年初开始执行集中采购结果。", [(11, 14)], None),
    ])
    (d,) = lint("2020年工作要点。到20年底，实现全覆盖。", ["DAT002"])
    assert d.fix is not None and d.message == "年份“20年”是简写，应写全（如“2020年”）"
    check_rule("DAT002", valid=[
        "到20年底，实现全覆盖。",                          # no full year in the draft: 20年 may be a duration
        "2010年启动。近10年以来，城乡差距逐步缩小。",        # 近 counts years
        "2010年启动。坚守10年初心不改。",                  # 初心, not 年初
        "2011年至2022年，11年中农民收入翻番。",             # 中 is no point of a year
        "2021年，改革开放40年以来的经验。",                # no full year 1940/2040 in the draft
    ])


def test_split_year_is_spc001s_only():
    text = seed_line("000", 10) + "\n对20 21年3月的工作进行了测评。"
    rules = {d.rule for d in lint(text, ["DAT", "SPC001"])}
    assert rules == {"SPC001"}


# ------------------------------------------------------------------------------------------------- DAT003
def test_dat003_impossible_dates():
    check_rule("DAT003", invalid=[
        ("定于2021年2月29日召开会议。", [(2, 12)], None),
        ("请于4月31日前报送材料。", [(2, 7)], None),
        ("2021年13月，召开大会。", [(0, 8)], None),
        ("二〇二一年二月三十日", [(0, 10)], None),
        ("6月0日启动。", [(0, 4)], None),
    ])


def test_dat003_year_from_earlier_in_paragraph():
    text = "2021年工作安排如下：2月29日前完成摸底，3月开展培训。"
    found = lint(text, ["DAT003"])
    assert len(found) == 1 and found[0].severity == "warning"
    assert "2021年2月只有28天" in found[0].message
    # another paragraph's year is not used
    assert not lint("2021年工作总结\n2月29日前完成摸底。", ["DAT003"])


def test_dat003_dates_found_around_each_yue():
    # dates are looked for in a window around each 月: the longest forms before and after 月, a digit just
    # before the window's start, dates close together, and a line break inside a would-be date
    check_rule("DAT003", invalid=[
        ("会上，二〇二一 年 二十一 月 召开。", [(3, 15)], None),          # 11 characters before 月
        ("二〇二一 年 二 月份 二十九 日召开", [(0, 17)], None),          # 8 characters from 月 on
        ("2021年3月4日、2021年2月29日、4月31日", [(10, 20), (21, 26)], None),
    ], valid=[
        "2021年\n2月29日前；2021年2月\n29日",                # the year of another line is not used
        "编号12021年2月29日",                               # not a year: 12021
        "2021年2月\n29日前完成",
        "3月 31日", "2020年2 月29 日",
    ])
    # a yearless date takes the last year of its own line, however far back
    text = "2021年" + "推进工作，" * 300 + "2月29日前完成。\n2月29日前完成。"
    (d,) = lint(text, ["DAT003"])
    assert d.severity == "warning" and "2021年2月只有28天" in d.message


def test_dat003_message_shows_calendar_fact():
    (d,) = lint("定于2021年2月29日召开会议。", ["DAT003"])
    assert d.message == "日期“2021年2月29日”不存在：2021年2月只有28天"


def test_dat003_gregorian_date_of_a_lunar_day():
    # a date after a lunar day in brackets or after 为 is its Gregorian date, and is checked
    check_rule("DAT003", invalid=[("今年腊月二十三（2月30日，星期三）为北方小年。", [(8, 13)], None),
                                  ("正月初一为2月30日。", [(5, 10)], None)])
    check_rule("DAT003", valid=["农历2月30日", "腊月2月30日祭灶"])


def test_dat003_negatives():
    check_rule("DAT003", valid=[
        "2020年2月29日召开会议。",           # leap year
        "2月29日前完成摸底。",                # no year: could be a leap year
        "农历二月三十，村里举办庙会。",
        "腊月三十晚上，慰问困难群众。",
        "2021年12月14日，西峡县妇联被授予荣誉称号。",
        "11月22日全面开课；3月31日前完成；12月31日。",
        "13个月来；12个月内；2021年度。",
        seed_line("000", 4), seed_line("003", 38),
    ])


# ------------------------------------------------------------------------------------------------- DAT004
def test_dat004_seed_line():
    line = seed_line("003", 6)
    found = lint(line, ["DAT004"])
    assert [d.text for d in found] == ["2011至2015年以来"]
    assert "2011年至2015年" in found[0].message


def test_dat004_forms():
    check_rule("DAT004", invalid=[
        ("2011年至2015年以来，全县累计发放贷款。", [(0, 13)], None),
        ("2016—2020年以来", [(0, 12)], None),
        ("2011至2015年以來,全縣已累計發放", [(0, 12)], None),
    ])


def test_dat004_negatives():
    check_rule("DAT004", valid=["2015年以来，县妇联开展普法宣传活动。", "近五年以来，共慰问1万余人。", "今年以来，全县妇女事业取得新进展。",
                                "2011至2015年，县妇联抢抓机遇。", "2011年以来，县妇联抢抓机遇。"])


# ------------------------------------------------------------------------------------------------- DAT006
def test_dat006_weekday():
    check_rule("DAT006", invalid=[("定于2021年12月14日（星期三）召开会议。", [(2, 17)], None)])
    (d,) = lint("定于2021年12月14日（星期三）召开会议。", ["DAT006"])
    assert d.message == "2021年12月14日是星期二，不是“星期三”"
    check_rule("DAT006", valid=["定于2021年12月14日（星期二）召开会议。", "2022年1月21日周五下午召开测评会。",
                                "2021年12月19日（星期日）", "2021年12月19日(星期天)",
                                "12月14日（星期三）召开会议。"])  # no year: not checked


def test_dat006_weekday_words():
    # 星期/礼拜 are found as literals; 周 only counts when a weekday numeral follows it
    check_rule("DAT006", invalid=[
        ("2022年1月21日周四下午召开测评会。", [(0, 12)], None),
        ("2021年12月14日礼拜三召开会议。", [(0, 14)], None),
        ("建党100周年：2021年12月14日（周三）召开会议。", [(8, 22)], None),
    ], valid=["建党100周年，2021年12月14日召开会议。", "2021年12月14日 周 三"])


def test_dat006_weekday_set_off_by_commas():
    # the weekday as an apposition after a comma, followed by a mark, a part of the day or the clause's end
    check_rule("DAT006", invalid=[
        ("机场于2011年6月19日，星期四，正式开工建设。", [(3, 17)], None),
        ("普查标准时点为2023年12月31日，星期二。", [(7, 22)], None),
        ("定于2021年12月14日，周三上午召开会议。", [(2, 16)], None),
    ])
    (d,) = lint("机场于2011年6月19日，星期四，正式开工建设。", ["DAT006"])
    assert d.message == "2011年6月19日是星期日，不是“星期四”"
    check_rule("DAT006", valid=[
        "机场于2011年6月19日，星期日，正式开工建设。",
        "自2021年7月1日，周一至周五正常开放。",            # a schedule, not the date's weekday
        "2021年7月1日，周一、周三开放。",
        "2021年12月14日，周边群众纷纷前来。",
        "2021年12月14日，星期三的会议改期。",              # 的: the weekday names another day's meeting
    ])


def test_dat006_year_from_paragraph_is_info():
    (d,) = lint("2021年工作安排：12月14日（星期三）召开总结会。", ["DAT006"])
    assert d.severity == "info"
    # a hard-wrapped paragraph: the year is on the line before (a line ending with a comma continues)
    (d,) = lint("2021年工作安排如下，\n12月14日（星期三）召开总结会。", ["DAT006"])
    assert d.severity == "info" and "年份按前文“2021年”" in d.message
    assert lint("2021年工作安排如下。\n12月14日（星期三）召开总结会。", ["DAT006"]) == []


# ------------------------------------------------------------------------------------------------- DAT008
def _spans(cases):
    """(text, date, fixed) -> (text, [span of the date's first occurrence], fixed)"""
    return [(t, [(t.index(x), t.index(x) + len(x))], f) for t, x, f in cases]


def test_dat007_full_dates_with_points():
    check_rule("DAT008", invalid=_spans([
        ("，2017.5.5日，阿里研究院基于农产品销售数据发布报告。", "2017.5.5日", "，2017年5月5日，阿里研究院基于农产品销售数据发布报告。"),
        ("与往年不同。1996.1.8至12日召开的会议研究了防御工作。", "1996.1.8", "与往年不同。1996年1月8日至12日召开的会议研究了防御工作。"),
        ("辽宁省人民政府：\n2004.4.16至18日，副总理率有关部门负责同志考察。", "2004.4.16", None),
        ("到１９９７.７.１我国对香港恢复行使主权，这是大势所趋。", "１９９７.７.１", None),
        ("土地使用期限至2047.06.30止。", "2047.06.30", "土地使用期限至2047年6月30日止。"),
    ]), unsafe=True)
    (d,) = lint("，2017.5.5日，阿里研究院发布报告。", ["DAT008"])
    assert d.message == "正文中的日期“2017.5.5日”写成了带小数点的数字，应写作“2017年5月5日”"
    check_rule("DAT008", valid=[
        "发布时间：2019.11.25",                    # a date line, no running text
        "2019.11.25",
        "请下载V2019.1.2版本的客户端，安装后登录。",    # a version number
        "见第2021.3.2.1条，按规定执行。",             # four numbers: a section number
        "全年增长2021.5万元，同比提高。",              # no day
    ])


def test_dat007_month_day_where_its_place_makes_it_a_date():
    check_rule("DAT008", invalid=_spans([
        ("公布日期为2016年12.5，本次公布基准地价按照商服用地执行。", "12.5", None),
        ("这部作品在1931年1.1以前以匿名发表，版权已过期。", "1.1", None),
        ("专家于2004年4.14—15日对马鬃山村进行了调查。", "4.14", None),
        ("今年12.20，澳门将回到祖国怀抱。", "12.20", "今年12月20日，澳门将回到祖国怀抱。"),
        ("三是从今年1.1起，再连续三年提高标准。", "1.1", None),
        ("一是全面实施营改增，从5.1起，将试点范围扩大到建筑业。", "5.1", None),
        ("在国际风云变幻的形势下，11.22起全面开展排查，外交工作进一步开创新局面。", "11.22", None),
        ("我代表县政府，5.20在县会议中心召开，向全县干部群众致以问候。", "5.20", None),
        ("3月19日新疆阿图什6.9级、5.3内蒙古包头西6.4级地震。", "5.3", None),
        ("今年腊月二十三（1.22，星期三）为北方小年。", "1.22", None),
    ]), unsafe=True)
    check_rule("DAT008", valid=[
        "今年1.5万人参加培训，比上年增长。",
        "增长率由2021年的1.5提高到2.3。",
        "人均GDP增速：2021年8.1，2022年3.2。",       # values by year
        "，2.5小时内到达现场，1.5倍于去年。",
        "，0.5个百分点，3.5平方公里，1.2兆瓦。",
        "比例为：1.5，高于全省。",
        "1.2 加强组织领导，确保落实。",               # a heading number
        "专家组4.14实地调查了灾情。",                  # no date place (a miss, not a guess)
        "平均办理时间压缩至1.5个工作日，增长1.22，周边地区同步。",
        "，3.45在合理区间，1.05为基准。",              # no such month–day
    ])


def test_dat008_leaves_event_names_to_pun007():
    # DAT008 reports the dates (after 于/在/截至, before time words, full dates after 于); PUN007 the event names
    found = [(d.rule, d.text) for d in lint("全县于4.29召开推进会，11.25反家暴宣传周期间，定于2021.4.29举行。", ["DAT", "PUN"])]
    assert found == [("DAT008", "4.29"), ("PUN007", "11.25"), ("DAT008", "2021.4.29")]


def test_seeds_dates_are_silent_where_correct(seeds_dir):
    # every DAT finding on the seeds is one of the known problems
    texts = []
    for path in sorted(seeds_dir.glob("*.txt")):
        texts += [(path.name[:3], d.rule, d.text) for d in lint(path.read_text(encoding="utf-8"), ["DAT"])]
    assert texts == [("002", "DAT001", "2020"), ("003", "DAT004", "2011至2015年以来"),
                     ("003", "DAT004", "2011至2015年以来"), ("003", "DAT001", "2011")]


def test_synthetic_notice_is_clean():
    draft = (
        "关于召开2022年全县妇联工作会议的通知\n"
        "各乡镇（街道）妇联：\n"
        "经研究，定于2022年1月21日（星期五）上午9:00在县会议中心召开2022年全县妇联工作会议。"
        "请于1月19日前将参会人员名单报县妇联办公室。2021年以来，各级妇联组织围绕中心、服务大局。"
        "2016—2020年，全县累计培训妇女3.2万人次。2月28日前完成“两癌”筛查摸底，3月8日召开表彰会。\n"
        "二〇二二年一月十日\n"
    )
    assert lint(draft, ["DAT"]) == []


@pytest.mark.parametrize("rid", ["DAT001", "DAT002", "DAT003", "DAT004", "DAT006", "DAT008"])
def test_docstring_sections(rid):
    from lintkit import rules_in

    (r,) = [r for r in rules_in(dat) if r.id == rid]
    for section in ("为什么：", "错误示例：", "正确写法：", "依据：", "修复："):
        assert section in r.doc, (rid, section)


def test_fullwidth_year_and_traditional_weekday_are_read_normalised():
    from conftest import lint

    assert [d.text for d in lint("转眼间２０２０已至岁末。", ["DAT001"])] == ["２０２０"]
    assert [d.rule for d in lint("2021年12月14日（禮拜三）召開會議。", ["DAT006"])] == ["DAT006"]
    assert lint("2021年12月14日（禮拜二）召開會議。", ["DAT006"]) == []
    assert lint("转眼间２０２０年已至岁末。", ["DAT001"]) == []


def test_dates_view_finds_every_date_and_takes_the_year_from_its_paragraph():
    # the dates view tries _DATE only before a 月 with a numeral among the two characters before it: every date
    # of the plain pattern is found, and the year of a date without its own is the last year mention before it
    # in its logical paragraph (\n, \r\n, \r breaks)
    import random
    from bisect import bisect_right

    from lintkit import Document
    from lintkit_rules.dat import _DATE, _YEAR_MENTION, _num

    rng = random.Random(13)
    pieces = ["2021年", "二〇二〇年", "3月", "12月5日", "十二月三十一日", "2月29日", "每月", "个月", "月底", " ", "\n",
              "\r\n", "\r", "召开会议，", "2022年1月", "4 月 31 日", "五月", "年", "月"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30))) for _ in range(3000)]
    texts.append("2021年工作\r\n3月5日召开\r12月1日\n2020年1月\n5月6日" * 50)
    n_from_line = 0
    for text in texts:
        doc = Document(text)
        got = doc.dates
        t = doc.norm
        assert [(x.start, x.end) for x in got] == [m.span() for m in _DATE.finditer(t) if m.group("m") or
                                                      m.group("cm") or m.group("m2") or m.group("cm2") or
                                                      m.group("m3") or m.group("cm3")], text
        starts = [s for s, _ in doc.logical_paragraphs]
        for dm in got:
            if dm.year_stated:
                continue
            ls, le = doc.logical_paragraphs[bisect_right(starts, dm.start) - 1]
            prev = [ym for ym in _YEAR_MENTION.finditer(t, ls, le) if ym.end() <= dm.start]
            want = _num(prev[-1].group(1), prev[-1].group(2)) if prev else None
            if want is not None and not 1000 <= want <= 2999:
                want = None
            assert (dm.year, dm.year_text) == (want, prev[-1].group() if prev else ""), (text, dm)
            n_from_line += want is not None
    assert n_from_line > 100


# ------------------------------------------------------------------------------------------------ issue 17
def test_dat003_month_after_a_year_word():
    # 今年/去年/每年 before the month: the date is read without a year
    check_rule("DAT003", invalid=[("地方各级行政执法机关应当于每年1月32日前公开。", [(15, 20)], None),
                                  ("从去年13月1日起，国家较大幅度增加了收入。", [(3, 8)], None)],
               valid=["今年4月30日召开。", "2021年4月5日召开。", "每年12月31日前报送。"])
    d = lint("今年12月32日，澳门将回到祖国怀抱。", ["DAT003"])[0]
    assert d.message == "日期“12月32日”不存在：12月只有31天"


# ------------------------------------------------------------------------------------------------ DAT008 (dates after a date word)
def test_dat008_month_day_after_a_date_word_or_before_a_time_word():
    check_rule("DAT008", invalid=[
        ("全县动员大会于4.29召开。", [(7, 11)], "全县动员大会于4月29日召开。"),
        ("11.22上午召开座谈会。", [(0, 5)], "11月22日上午召开座谈会。"),
        ("截至11.30前完成。", [(2, 7)], "截至11月30日前完成。"),
        ("4.29日召开。", [(0, 5)], "4月29日召开。"),
    ], unsafe=True)
    check_rule("DAT008", valid=[
        "城乡收入比缩小至2.12，新改建农村公路。",
        "同比增长4.29%。",
        "投入4.29万元。",
        "计划从今年预计的1.03比1改为1比1。",
        "“4·29”召开。",
    ])



def test_dat008_point_dates_after_a_date_preposition():
    check_rule("DAT008", invalid=[
        ("机场于2011年6月19日正式开工建设，2014年6.18正式通航。", [(25, 29)], None),
        ("请各乡镇于12.8前上报。", [(5, 9)], None),
        ("本条例自7.1起施行。", [(4, 7)], "本条例自7月1日起施行。"),
        ("全县于8.16至8.20集中开展培训。", [(3, 7)], None),
        ("截至9.30共排查隐患12处。", [(2, 6)], None),
        ("截至11.22，全镇完成排查。", [(2, 7)], "截至11月22日，全镇完成排查。"),
        ("会议于2021.4.29召开。", [(3, 12)], "会议于2021年4月29日召开。"),
    ], unsafe=True, valid=[
        "快于2024年1.8个百分点。", "耕地面积保持在18.2亿亩以上。", "不低于1.2的比值。", "系数为1.2至1.5之间。", "截至11.22万元，",
        "从1.2提高到1.5。", "震级均小于2.0级。", "比上年提高1.5，达到3.2。", "编号2021.4.29", "1.1　编制目的",
    ])
    d = lint("会议于2021.4.29召开。", ["DAT008"])[0]
    assert (d.severity, d.message) == ("warning", "正文中的日期“2021.4.29”写成了带小数点的数字，应写作“2021年4月29日”")
