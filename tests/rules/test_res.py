"""RES — residue: boilerplate, pinyin annotations, mojibake, watermarks, invisible characters."""

from __future__ import annotations

import pytest
from conftest import SEEDS, check_rule, fix, lint, seed_line
from hypothesis import given, settings
from hypothesis import strategies as st

from lintkit.engine import Linter, Options


def _ids(text, select):
    return [(d.rule, d.text) for d in lint(text, select)]


# ------------------------------------------------------------------------------------------------- RES001
def test_res001_seed_header_and_footer():
    text = (SEEDS / next(p.name for p in SEEDS.glob("003_*.txt"))).read_text(encoding="utf-8")
    found = [d for d in lint(text, ["RES001"])]
    assert [d.line for d in found] == [1, 2, 4, 76]
    assert found[0].text == "欢迎您访问郴州市妇女联合会网站!"
    assert found[2].text.startswith("发布时间:2019-11-25")
    assert "ICP备" in found[3].text


def test_res001_forum_pagination_seed():
    text = (SEEDS / next(p.name for p in SEEDS.glob("004_*.txt"))).read_text(encoding="utf-8")
    found = [(d.line, d.text) for d in lint(text, ["RES001"])]
    assert found == [(3, "页:"), (4, "[1]")]


def test_res001_positives_and_fix():
    body = "一、工作总结\n县妇联认真开展各项工作，取得明显成效。\n"
    check_rule("RES001", invalid=[
        (seed_line("003", 1) + "\n" + body, [(0, len(seed_line("003", 1)))], None),
        ("您的位置：首页 > 新闻中心 > 工作动态\n" + body, None, body),
        (body + "版权所有©2021 某某县人民政府 技术支持：某某网络", None, body),
        (body + "京ICP备12345678号", None, body),
    ], unsafe=True)


def test_res001_negatives_prose_about_websites():
    check_rule("RES001", valid=[
        "县妇联开通了门户网站，首页设置“巾帼风采”专栏，欢迎广大妇女访问。",
        "欢迎您访问县妇联网站了解更多政策信息，并通过留言板反映诉求。",
        "在网站首页开设专栏，发布各类信息100余条。",
        "联系电话：0735-2871512",
        "时间：2021年3月8日\n地点：县妇联会议室",  # one label per line: a real notice, not a page header
        "会议指出：要加强版权保护。\n作者的权益受法律保护。",
        "参考文献\n[1] 张三. 妇女工作研究[M]. 北京: 人民出版社, 2020.",
        "2.巾帼建功有突破。第1页共3页",
    ])


def test_res001_page_furniture_anywhere():
    body = "".join(f"第{i}项工作取得明显成效。\n" for i in range(1, 15))
    for line in ("扫一扫在手机打开当前页", "【打印本页】【关闭窗口】", "【微信扫一扫分享本页】"):
        text = body + line + "\n" + body
        assert [d.text for d in lint(text, ["RES001"])] == [line], line
    check_rule("RES001", valid=[body + "请群众扫一扫二维码，在手机上打开页面填写问卷。\n" + body,
                                body + "打印本页后签字\n" + body])


def test_res001_furniture_of_other_shapes_anywhere():
    body = "".join(f"第{i}项工作取得明显成效。\n" for i in range(1, 15))
    lines = {
        "[打印] 【关闭窗口】": "网页功能链接", "【字体：大 中 小】【打印此页】【关闭窗口】": "网页功能链接",
        "【收藏】【加入收藏】[关闭窗口]【大】【中】【小】": "网页功能链接",
        "网站地图 | 联系我们 | 关于我们": "网站页脚导航", "分享到：微信 微博 QQ空间": "分享栏",
        "上一篇：县妇联召开专项行动启动会": "上一篇、下一篇", "责任编辑：李华": "责任编辑",
        "用微信扫描二维码分享至好友和朋友圈": "扫码阅读提示", "手机扫一扫，阅读更方便": "扫码阅读提示",
    }
    for line, label in lines.items():
        found = lint(body + line + "\n" + body, ["RES001"])
        assert [(d.text, d.message) for d in found] == [(line, f"网页模板文字（{label}）混入正文：“{line}”")], line
    check_rule("RES001", valid=[body + line + "\n" + body for line in (
        "分享经验，共同提高。", "责任编辑部门要加强审核。", "上一篇文章中我们提到，要加强学习。",
        "主办单位：县妇联", "编辑：本报记者张三，摄影：李四。", "联系我们的群众，",
    )])


@pytest.mark.skipif(not (SEEDS.parent.parent / "shared" / "corpus" / "real").is_dir(),
                    reason="../shared/corpus is absent")
def test_res001_real_share_bars():
    # public documents (read in place): a page's share bar pasted with the text (分享: / 分享到:)
    corpus = SEEDS.parent.parent / "shared" / "corpus" / "real"
    for name, line in (("prov_gwr_2026_shaanxi.txt", "分享:"), ("prov_gwr_2026_yunnan.txt", "分享到:")):
        text = (corpus / name).read_text(encoding="utf-8")
        found = [d for d in lint(text, ["RES001"]) if d.text == line]
        assert found and all(d.message == f"网页模板文字（分享栏）混入正文：“{line}”" for d in found), name
        assert found[0].offset == text.index(line + "\n")


def test_res001_weak_patterns_only_at_edges():
    middle = "\n".join(["第一段正文。"] * 8 + ["[1]"] + ["第二段正文。"] * 8)
    assert not lint(middle, ["RES001"])


# ------------------------------------------------------------------------------------------------- RES002
def test_res002_seed_count_and_fix():
    text = (SEEDS / next(p.name for p in SEEDS.glob("002_*.txt"))).read_text(encoding="utf-8")
    found = lint(text, ["RES002"])
    assert 280 <= len(found) <= 295
    assert all(d.fix is not None and d.fix.applicability == "safe" for d in found)
    assert found[0].text == "(lián)"
    assert "(耿塬村)" not in {d.text for d in found}
    # a single line has only 2 annotations, both the common readings of common characters: residue all the same
    assert fix(seed_line("002", 1), ["RES002"]) == "2020年婦聯工作總結"
    first_two = seed_line("002", 1) + "\n" + seed_line("002", 2)
    assert fix(first_two, ["RES002"]).startswith("2020年婦聯工作總結\n日月如梭,光陰似箭,轉眼間")


def test_res002_fix_examples():
    check_rule("RES002", invalid=[
        ("婦聯(lián)工作,鎮(zhèn)黨委,執(zhí)行委員會(huì)", [(2, 8), (12, 18), (22, 27), (31, 36)],
         "婦聯工作,鎮黨委,執行委員會"),
        ("中國（zhōng guó）婦女（fù nǚ）兒童（ér tóng）", None, "中國婦女兒童"),
    ])


def test_res002_negatives():
    check_rule("RES002", valid=[
        "亳(bó)州是安徽省的地级市。",  # a single gloss is left alone
        "亳(bó)州和蚌(bèng)埠",  # two glosses: still deliberate
        "创建“平安家庭”示范村1个(耿塬村),示范户2户。",
        "请登录系统(system)后填写(name)栏。",
        "使用(a)(b)(c)三种方案(plan)。",
    ])


def test_res002_single_annotation_on_a_common_character():
    # web residue even once: a toned reading on a 常用字 (《通用规范汉字表》 level 1); a rare character's gloss stays
    check_rule("RES002", invalid=[
        ("全面推進美麗鄉村建設(shè)工作。", [(10, 15)], "全面推進美麗鄉村建設工作。"),
    ])
    assert not lint("亳(bó)州是安徽省的地级市。", ["RES002"])


def test_res002_a_neutral_tone_reading_counts_once():
    # 的(de), 了(le): the common reading of the character is the neutral tone, written without a tone mark
    check_rule("RES002", invalid=[("在工作中作出更多的(de)成绩来。", [(9, 13)], "在工作中作出更多的成绩来。"),
                                  ("经济效益有了(le)很大提高。", [(6, 10)], None)])
    check_rule("RES002", valid=["比如(ru)这样。", "方案(an)和措施。"])


def test_res002_toneless_only_with_toned_majority():
    assert len(lint("婦聯(lián)鎮(zhèn)縣(xiàn)的(de)", ["RES002"])) == 4
    assert not lint("方案(an)和(en)及(ou)", ["RES002"])


def test_res002_masks_parentheses_for_later_rules():
    # after RES ran, doc.masked no longer contains the annotations
    from lintkit.document import MASK, Document

    linter = Linter(Options(select=("RES002", "SPC"), no_config=True))
    doc = Document("婦聯(lián)鎮(zhèn)縣(xiàn)工作")
    rs = linter.ruleset(linter._load(None), None)
    linter.lint_document(doc, rs)
    assert doc.masked == "婦聯" + MASK * 6 + "鎮" + MASK * 6 + "縣" + MASK * 6 + "工作"


# ------------------------------------------------------------------------------------------------- RES003
def test_res003_seed_debris():
    found = lint(seed_line("002", 21), ["RES003"])
    assert [d.text for d in found] == ["?;顒?dòng)"]
    found = lint(seed_line("002", 23), ["RES003"])
    assert [d.text for d in found] == ["?nèi)?"]


def test_res003_signatures():
    moji = "各级妇联组织围绕中心工作积极开展最美家庭活动".encode("utf-8").decode("gbk", errors="ignore")
    check_rule("RES003", invalid=[
        ("县妇联召开\ufffd\ufffd会议。", [(5, 7)], None),
        ("锟斤拷锟斤拷妇联工作", [(0, 6)], None),
        ("å¦‡è”工作总结", None, None),
        ("标题：" + moji, None, None),
    ])


def test_res003_round_trip_recovers_the_text():
    # any words: UTF-8 text read as GBK is found because its GB18030 bytes read as UTF-8 are ordinary text
    check_rule("RES003", invalid=[
        ("县妇联今年的任务已瀹屾垚，继续推进。", [(9, 12)], "县妇联今年的任务已完成，继续推进。"),
    ], unsafe=True)
    (d,) = lint("抓好" + "基层党建".encode("utf-8").decode("gbk") + "工作。", ["RES003"])
    assert d.text == "鍩哄眰鍏氬缓" and "原文应为“基层党建”" in d.message
    # names with rare characters, and text whose bytes happen to be UTF-8 but give no ordinary text, stay quiet
    check_rule("RES003", valid=["王瑜、李璐、陈楠同志参加。", "濮阳市澶渊湿地公园。"])


def test_res003_negatives():
    check_rule("RES003", valid=[
        "What is this? It is a test; OK?",
        "这是为什么?怎么办?",  # halfwidth question marks in a halfwidth document
        "王瑜、李璐、张楠、赵娴、刘瑾同志参加会议。",  # rare name characters
        "浣溪沙、瑾瑜、璀璨、濮阳、澧县",
        "Café résumé naïve",
        "烫烫的饭菜",
        "“两癌”免费检查?是的。",
    ])


# ------------------------------------------------------------------------------------------------- RES004
def test_res004_seed_watermark_and_fix():
    check_rule("RES004", invalid=[
        ("牵线搭桥市爱心人士先后结对我老秘网区42名困境儿童", [(14, 17)], "牵线搭桥市爱心人士先后结对我区42名困境儿童"),
    ], unsafe=True)
    assert [d.text for d in lint(seed_line("004", 2), ["RES004"])] == ["老秘网"]


def test_res004_listed_sites_and_their_lookalikes():
    check_rule("RES004", invalid=[("组织干部深入百度文库基层调研", [(6, 10)], None)], unsafe=True)
    check_rule("RES004", valid=["加强学科网络建设", "在百度文库下载", "电子文档网上传输", "范文网站"])


def test_res004_a_site_shaped_name_that_splits_a_word_is_a_hint():
    (d,) = lint("组织干部深入基层调星光资料网研。", ["RES004"])
    assert (d.text, d.severity) == ("星光资料网", "info") and "调研" in d.message
    check_rule("RES004", valid=["加强网络建设，完善政府网站。", "中国裁判文书网显示，", "高速互联网网络覆盖全县。",
                                "全县共建成乡村振兴网点12个。"])


def test_res004_a_listed_site_next_to_a_mark():
    """A watermark may land after or before a punctuation mark; running text on one side is enough."""
    check_rule("RES004", invalid=[
        ("扎实推进各项工作，公文搜取得了明显成效。", [(9, 12)], "扎实推进各项工作，取得了明显成效。"),
        ("取得了明显成效文秘帮。", [(7, 10)], "取得了明显成效。"),
    ], unsafe=True)
    check_rule("RES004", valid=["资料来源：百度文库。", "（文秘帮）", "可在百度文库下载。"])


def test_res004_real_mentions():
    check_rule("RES004", valid=[
        "不得从豆丁网等网站下载材料照抄照搬。",
        "在道客巴巴上发布的文档。",
        "“老秘网”是一个公文写作网站。",
        "老秘网",
        "使公文易读易懂。",
    ])


def test_res004_trade_word_names_in_no_list_are_hints():
    # a trade word of such sites with an ending (公文帮, 资料88) or a web address between Han characters; with the
    # evidence of a word it splits (全方位, 经营) the message names it
    found = lint("全资料88方位深化放管服改革", ["RES004"])
    assert [(d.offset, d.end_offset, d.severity, d.message) for d in found] == [
        (1, 5, "info", "“资料88”像是插入句中的网站水印（删去后“全方”连成一词）")]
    found = lint("加强对政策落实公文帮的监督", ["RES004"])
    assert [(d.text, d.severity, d.message, d.fix) for d in found] == [
        ("公文帮", "info", "“公文帮”像是插入句中的网站名（水印），请核对", None)]
    check_rule("RES004", invalid=[
        ("政务服务www.fanwen.com体系", [(4, 18)], None),
        ("企业要依法经mywk.com营", [(6, 14)], None),  # 经 is a mention word, but 经营 is split
        ("专注于满足小365文档微企业", [(6, 11)], None),
        ("组织干部深入基层调星光文库研", [(9, 13)], None),
    ])
    check_rule("RES004", valid=[
        "编印资料汇编3册。", "建设资料库。", "报送材料30份，", "收集资料200余份，", "请登录www.gov.cn查询。",
        "中文维基文库社群认为，", "发展低空智能网联汽车。", "加强公文通报工作。", "公文写作能力提升。",
        "中国政府网www.gov.cn发布。", "大厅云帆文库月平均办件",  # (a 文库 that splits no word is a name in the text)
    ])


def test_res004_a_listed_name_ending_in_wenku_is_not_a_mention_before_min():
    # 网民 is a word: 民 after a name ending in 网 may be a mention; after 人人文库 it is the rest of 人民
    found = lint("事关各国人人文库民的根本利益。", ["RES004"])
    assert [(d.text, d.severity) for d in found] == [("人人文库", "warning")]


# ------------------------------------------------------------------------------------------------- RES005
def test_res005_invisible_and_fix():
    check_rule("RES005", invalid=[
        ("妇联\u200b工作总结", [(2, 3)], "妇联工作总结"),
        ("第一段\ufeff第二段\u00ad。", [(3, 4), (7, 8)], "第一段第二段。"),
        ("名单\u202e反向", None, "名单反向"),
    ])
    check_rule("RES005", valid=["家庭👨\u200d👩\u200d👧合影", "普通文字没有问题。"])


def test_res_docs_have_sections():
    from lintkit_rules import res

    for f in (res.web_boilerplate, res.pinyin_annotation, res.mojibake, res.watermark, res.invisible_character):
        doc = f.lintkit_rule.doc
        for section in ("为什么：", "错误示例：", "正确写法：", "依据：", "修复："):
            assert section in doc, (f.__name__, section)


# ------------------------------------------------------------------------------------------------- properties
_cjk = st.text(alphabet=st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),  # astral (CJK Ext. B)
    st.sampled_from(list("，。、；：？！()（）?;:[]页首> \n\ufffd\u200b\ufeffāáǎàlianzhè锟斤拷ICP备号欢迎访问网站老秘网")),
), max_size=200)


@settings(max_examples=150, deadline=None)
@given(_cjk)
def test_res_never_raises_and_fix_is_idempotent(text):
    diags = lint(text, ["RES"])
    assert not any(d.rule.startswith("LNT") for d in diags)
    for d in diags:
        assert 0 <= d.offset <= d.end_offset <= len(text)
    once = fix(text, ["RES"], unsafe=True)
    assert fix(once, ["RES"], unsafe=True) == once


@pytest.mark.slow
def test_res_long_line_reports_like_its_copies():
    # ~1 MB of one-line text reports what 120 copies of the line report (cost per byte: scripts/bench.py)
    one = seed_line("004", 2)
    per_copy = len(lint(one, ["RES"]))
    assert len(lint(one * 120, ["RES"])) == 120 * per_copy


# ------------------------------------------------------------------------------------------------- clean-corpus FPs
def test_res001_sentence_about_the_site_is_prose():
    # a report on the county website quotes its own ICP number / copyright line inside a sentence
    check_rule("RES001", valid=[
        "　　网站已完成IPv6改造，网站备案号为湘ICP备12345678号-1，标识码为4310000001。\n",
        "　　页面底部统一标注“Copyright © 2024 ××县人民政府 版权所有”，并公示网站标识码。\n",
        "　　欢迎您访问县政府门户网站，了解更多政策信息。\n",
    ])
    # the real footer and welcome lines are still boilerplate
    check_rule("RES001", invalid=[
        ("正文。\n联系电话:0735-2871512 湘ICP备20006897号-1 Copyright 2021 郴州妇女联合会 All rights reserved.\n",
         None, None),
        ("欢迎您访问郴州市妇女联合会网站!\n正文。\n", None, None),
    ])


# ------------------------------------------------------------------------------------------------- RES003 GBK runs
def _reference_gbk_runs(text: str) -> list[tuple[int, int]]:
    """Every maximal run of Han characters (or U+FFFD) of the minimum length, with the share counted directly."""
    import regex

    from lintkit_rules.res import _MJ

    lead = set(_MJ["gbk_lead"])
    out = []
    for m in regex.finditer(r"[\p{Han}\ufffd]{" + str(int(_MJ["gbk_min_run"])) + ",}", text):
        leads = sum(1 for c in m.group() if c in lead)
        if leads >= float(_MJ["gbk_min_share"]) * len(m.group()):
            out.append(m.span())
    return out


_GBK_TEXT = st.text(alphabet=st.sampled_from(list("鍚勭骇濡囪仈缁勭粐锛銆瑜濮妇联工作总结\ufffd，。 a1")), max_size=120)


def _leads(text: str) -> list[int]:
    from lintkit_rules.res import _MJ

    return [i for i, c in enumerate(text) if c in _MJ["gbk_lead"]]


def test_res003_gbk_runs_found_from_their_lead_characters():
    from lintkit_rules.res import _gbk_runs

    moji = "各级妇联组织围绕中心工作".encode("utf-8").decode("gbk", errors="ignore")
    for text in (moji, "妇联工作" + moji + "总结。", "王瑜、李璐同志", "妇联工作总结妇联" + "鍚勭" + "工作总结妇联工作",
                 "鍚勭骇濡囪", moji + "，" + moji):
        assert _gbk_runs(text, _leads(text)) == _reference_gbk_runs(text), text
    assert _gbk_runs("妇联" + moji, _leads("妇联" + moji))  # the run starts before its first lead character


@settings(max_examples=150, deadline=None)
@given(_GBK_TEXT)
def test_res003_gbk_runs_match_reference(text):
    from lintkit_rules.res import _gbk_runs

    assert _gbk_runs(text, _leads(text)) == _reference_gbk_runs(text)


def test_res001_a_web_function_line_alone_is_found():
    # 收藏本页 / 字号 / 查看完整版 lines were missed when the draft had no other anchor (no colon, no 首页 …)
    from conftest import lint

    assert [d.text for d in lint("县妇联认真开展各项工作。\n收藏本页\n", ["RES001"])] == ["收藏本页"]
    assert lint("县妇联认真开展各项工作。\n请收藏本页面的通知链接。\n", ["RES001"]) == []


def test_res001_anchors_find_every_line_a_pattern_matches():
    """The line anchors are a hand-kept necessary condition of the data patterns: every line of the seeds and
    fixtures (and typical publication/page-bar lines) that a pattern matches must hold an anchor."""
    from conftest import corpus_paths
    from lintkit_rules.res import _BP_LINE_ANCHORS, _BP_LINES

    lines = ["发布时间：2019-11-25 16:05  作者：管理员  来源：", "作者: 张三  编辑: 李四", "浏览次数：120  字体：大 中 小",
             "點擊：35  來源：本站", "页: [1] 2 3", "頁：1", "位置：首页 > 正文", "日期：2020-01-02 阅读：30"]
    for path in corpus_paths():
        lines.extend(path.read_text(encoding="utf-8", errors="replace").splitlines())
    matched = 0
    for line in lines:
        if any(p.fullmatch(line.strip()) for p, *_ in _BP_LINES):
            matched += 1
            assert _BP_LINE_ANCHORS.search(line), line
    assert matched >= 8


def test_res001_a_colon_alone_does_not_make_a_candidate():
    from lintkit_rules.res import _BP_LINE_ANCHORS

    assert _BP_LINE_ANCHORS.search("一、主要工作：全年完成培训120人次") is None
    assert _BP_LINE_ANCHORS.search("联系人：王瑜  电话：0735-2871512") is None
    assert _BP_LINE_ANCHORS.search("发布时间 ：2019-11-25") is not None


def test_res001_anchors_cover_every_field_name_of_a_publication_line():
    import regex

    from lintkit_rules.res import _BP, _BP_LINE_ANCHORS, _BP_LINES

    entry = next(e for e in _BP["line"] if "发布时间" in e["pattern"])
    names = regex.search(r"\(\?:([^()]*发布时间[^()]*)\)", entry["pattern"]).group(1).split("|")
    assert len(names) > 10
    for name in names:
        line = f"{name}：2019-11-25 {name}: 本站"
        assert any(p.fullmatch(line) for p, *_ in _BP_LINES), line
        assert _BP_LINE_ANCHORS.search(line), name


# ------------------------------------------------------------------------------------------------- RES003 signatures
def test_res003_every_signature_starts_with_a_listed_character():
    # a partial match of one character succeeds exactly when a match can start with it: checked for every code
    # point, so the trigger (the signatures tried only at _SIGNATURE_STARTS) finds every match in any text
    import regex

    from lintkit_rules.res import _MJ, _SIGNATURE_STARTS

    starts = set(_SIGNATURE_STARTS)
    for p in _MJ["signatures"]:
        assert not regex.compile(p).match(""), p  # none matches the empty string
        match = regex.compile(p).match
        can_start = {chr(c) for c in range(0x110000) if match(chr(c), partial=True)}
        assert can_start <= starts, (p, sorted(can_start - starts)[:10])


def test_generated_common_characters_are_up_to_date():
    """data/res_common.toml matches a fresh run of scripts/gen_res_data.py (when its sources are installed)."""
    from conftest import assert_regenerates, load_script

    pytest.importorskip("opencc_purepy")
    gen = load_script("gen_res_data")
    if not (gen.UNIHAN.exists() and gen.READINGS.exists()):
        pytest.skip("the Unihan files of Debian's unicode-data are not installed")
    assert_regenerates(gen.main, [gen.OUT])


def _findings(text: str, rule: str):
    return [(d.offset, d.end_offset, d.severity, d.message) for d in lint(text, [rule]) if d.rule == rule]


def test_res003_gbk_read_as_utf8():
    # one GBK character whose two bytes form a UTF-8 sequence comes out as one letter of U+0080–U+07FF
    assert _findings("码头起重能力40吨，集װ箱可运载20英尺。", "RES003") == [
        (11, 12, "error", "GBK 文字被当作 UTF-8 解码的乱码：“װ”，原文应为“装”")]
    assert _findings("大力发展光伏、抽水蓄能、林ҵ碳汇等全域清洁能源。", "RES003")[0][:2] == (13, 14)
    check_rule("RES003", valid=["马克思·恩格斯的著作", "研究α粒子的散射", "拼音zhōng的声调", "Café咖啡馆", "的é字"])


def test_res004_name_between_two_words():
    # a trade word with 文档/文库 and a word with 网/文库 between two words: the pair across common, its edges unseen
    assert _findings("推动战略性新兴云帆文库产业发展，", "RES004") == [
        (7, 11, "info", "“云帆文库”像是插入句中的网站名（水印），请核对")]
    # correct look-alikes: terms ending in 网/文档 that belong to the sentence
    check_rule("RES004", valid=["加强电子文档管理，", "构建高速公路交通网，", "国家电网公司负责，", "推进互联网发展，",
                                "建立工作文档，", "在百度文库上发布，"])


def test_res004_address_between_han_characters():
    assert [f[:3] for f in _findings("全县www.jzfw.cn民营医院1所，", "RES004")] == [(2, 13, "info")]
    assert [f[:2] for f in _findings("完备www.caitaofanwen.cn的组织架构，", "RES004")] == [(2, 21)]
    check_rule("RES004", valid=["网址为www.gov.cn的网站，", "登录www.gov.cn查询，", "网站是www.abc.com。"])
