"""SCR — mixed script, simplified leftovers in traditional text, variant forms."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import SEEDS, check_rule, fix, lint, seed_line
from hypothesis import given, settings
from hypothesis import strategies as st

from lintkit.document import Document
from lintkit.engine import Linter, Options


@pytest.fixture(autouse=True, scope="module")
def _views():
    Linter(Options(no_config=True))  # registers the views of the built-in pack (doc.script)

SIMPLIFIED_DRAFT = (
    "2021年度县妇联工作总结\n"
    "一年来，县妇联在县委、县政府的正确领导下，紧紧围绕中心工作，显著提升了服务妇女群众的能力。"
    "我们组织干部深入乡镇、村（社区）开展调研，著力解决妇女儿童急难愁盼问题，全年走访困难家庭300余户，"
    "发放慰问金12.5万元。今后要进一步发挥“半边天”作用，做好示范引领，在后续工作中征求群众意见，"
    "为了乾坤朗朗的社会风气，瞭望台、台风预警、公里里程等宣传材料已经准备完毕，范小云同志负责协调。\n"
)
TRADITIONAL_DRAFT = (
    "2021年度縣婦聯工作總結\n"
    "一年來，縣婦聯在縣委、縣政府的正確領導下，緊緊圍繞中心工作，顯著提升了服務婦女群眾的能力。"
    "我們組織幹部深入鄉鎮、村（社區）開展調研，著力解決婦女兒童急難愁盼問題，全年走訪困難家庭300餘戶，"
    "發放慰問金12.5萬元。今後要進一步發揮「半邊天」作用，做好示範引領，對於干涉婦女婚姻自由的行為依法處理，"
    "皇后鎮的范小云同志負責協調，收穫頗豐。\n"
)


def test_script_majority():

    assert Document(SIMPLIFIED_DRAFT).script.majority == "simplified"
    assert Document(TRADITIONAL_DRAFT).script.majority == "traditional"
    assert Document("短文").script.majority is None
    seed2 = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    info = Document(seed2).script
    assert info.majority == "traditional" and info.simplified == 0 and info.traditional > 150


# ------------------------------------------------------------------------------------------------- SCR001
def test_scr001_minority_chars_and_fix():
    body = "县妇联认真开展各项工作，组织干部深入基层调研，妇女儿童工作取得明显成效。"
    check_rule("SCR001", invalid=[
        (body + "妇联工作總结", [(len(body) + 4, len(body) + 5)], body + "妇联工作总结"),
        (body + "全县執委会议", [(len(body) + 2, len(body) + 3)], body + "全县执委会议"),
    ])
    trad = "縣婦聯認真開展各項工作，組織幹部深入基層調研，婦女兒童工作取得明顯成效。"
    check_rule("SCR001", invalid=[(trad + "婦聯工作总結", [(len(trad) + 4, len(trad) + 5)], trad + "婦聯工作總結")])


def test_scr001_quoted_minority_is_info_without_safe_fix():
    body = "县妇联认真开展各项工作，组织干部深入基层调研，妇女儿童工作取得明显成效。"
    text = body * 5 + "学习《國學經典》活动"
    found = lint(text, ["SCR001"])
    assert found and all(d.severity == "info" for d in found)
    assert fix(text, ["SCR001"]) == text


def test_scr001_mixed_document_reported_once():
    text = "县妇联认真开展各项工作组织干部深入基层调研。縣婦聯認真開展各項工作組織幹部深入基層調研。"
    found = lint(text, ["SCR001"])
    assert len(found) == 1 and "简繁混用" in found[0].message


def test_scr001_standard_simplified_characters_of_the_official_table():
    # 薰 (薰染, 薰陶) is in 《通用规范汉字表》 (Unihan kTGH) although OpenCC maps it to 熏
    check_rule("SCR001", valid=[SIMPLIFIED_DRAFT + "这些工会都受到无政府主义的薰染。"])


def test_scr001_negatives():
    check_rule("SCR001", valid=[
        SIMPLIFIED_DRAFT,  # 著 乾 瞭 干 台 里 于 后 余 范 云 准 征 群 are valid simplified characters
        TRADITIONAL_DRAFT,
        seed_line("000", 2), seed_line("001", 4),
        "著",  # too short to judge
    ])
    for prefix in ("000", "001", "003", "004", "002"):
        text = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
        assert not lint(text, ["SCR001"]), prefix


# ------------------------------------------------------------------------------------------------- SCR002
def test_scr002_seed_leftovers():
    text = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    found = lint(text, ["RES", "SCR002"])
    pairs = [(d.text, d.fix.edits[0].content) for d in found if d.rule == "SCR002"]
    assert ("干", "幹") in pairs and ("于", "於") in pairs and ("后", "後") in pairs and ("范", "範") in pairs
    assert ("余", "餘") in pairs and ("喂", "餵") in pairs and ("獲", "穫") in pairs
    assert len(pairs) == 21
    # 收獲: both characters traditional, merged by simplification: a hint only
    assert {d.severity for d in found if d.rule == "SCR002" and d.text == "獲"} == {"info"}
    texts = {d.message for d in found if d.rule == "SCR002"}
    assert not any("趙菊云" in m or "菊云" in m for m in texts)  # a name in a list of names
    assert not any("咨" in m for m in texts)  # regional preference 咨詢/諮詢


def test_scr002_examples_and_unsafe_fix():
    body = "縣婦聯認真開展各項工作，組織幹部深入基層調研，婦女兒童工作取得明顯成效。"
    check_rule("SCR002", invalid=[
        (body + "婦女干部要發揮示范作用。", [(len(body) + 2, len(body) + 3), (len(body) + 8, len(body) + 9)],
         body + "婦女幹部要發揮示範作用。"),
        (body + "屬于大家，今后繼續。", None, body + "屬於大家，今後繼續。"),
    ], unsafe=True)
    assert fix(body + "婦女干部", ["SCR002"]) == body + "婦女干部"  # unsafe: not applied by --fix alone


def test_scr002_negatives():
    check_rule("SCR002", valid=[
        TRADITIONAL_DRAFT,  # 干涉, 皇后, 范 as a surname, 收穫, 於
        SIMPLIFIED_DRAFT,  # simplified majority: never checked
        "為王應連、趙菊云等5名患者申請救助金，縣婦聯認真開展各項工作，組織幹部深入基層調研。",
        "臨涇鎮婦女信息咨詢群，縣婦聯認真開展各項工作，組織幹部深入基層調研，取得明顯成效。",
    ])


def test_scr002_silent_where_hong_kong_and_taiwan_differ_or_no_word_decides():
    # 秘書 (Hong Kong) / 祕書 (Taiwan); 准 in 我准你 and 范 in a name are character defaults of the converter, not
    # words; a name before a title keeps its characters (SCR001 too)
    body = "縣婦聯認真開展各項工作，組織幹部深入基層調研，婦女兒童工作取得明顯成效。"
    check_rule("SCR002", valid=[
        body + "秘書處已將文件送交各位議員。",
        body + "主席：我准你發言。",
        body + "范國威議員提出質詢。",
    ])
    check_rule("SCR001", valid=[body + "李慧琼議員、陳恒鑌議員發言。"])


def test_scr002_merged_traditional_pair_is_only_a_hint():
    # 盡/儘 and 製/制 are both traditional characters (simplification merged them): the text's character is no
    # simplified leftover, and usage differs by region (盡快 is Hong Kong usage): info, never a warning
    body = "縣婦聯認真開展各項工作，組織幹部深入基層調研，婦女兒童工作取得明顯成效。"
    found = lint(body + "請各部門盡快落實，避免發生沖突。", ["SCR002"])
    assert [(d.text, d.severity) for d in found] == [("盡", "info"), ("沖", "info")]
    assert lint(body + "產品製造精良。", ["SCR002"]) == []
    assert lint(body + "嚴格管製，放鬆了。", ["SCR002"]) == []  # 管制 in the dictionary: 制 is 製's simplified form
    (d,) = lint(body + "和制煙等產業。", ["SCR002"])  # 制 is the simplified form: a leftover
    assert (d.text, d.severity, d.fix.edits[0].content) == ("制", "warning", "製")


def test_scr002_does_not_import_opencc_for_simplified_documents():
    code = ("import sys\nfrom lintkit.engine import Linter, Options\n"
            "l = Linter(Options(select=('SCR',), no_config=True))\n"
            "l.lint_bytes(open(sys.argv[1], 'rb').read(), 'x.txt', None, suffix='.txt')\n"
            "print('opencc_purepy' in sys.modules)")
    seed0 = str(next(SEEDS.glob("000_*.txt")))
    out = subprocess.run([sys.executable, "-c", code, seed0], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ------------------------------------------------------------------------------------------------- SCR003
def test_scr003_seed_variant_and_fix():
    line = seed_line("000", 4)
    found = lint(line, ["SCR003"])
    assert [d.text for d in found] == ["徳"]
    assert "徳" not in fix(line, ["SCR003"]) and "德耀龙乡" in fix(line, ["SCR003"])


def test_scr003_unihan_variants():
    # 靑 and 硏 are Z-variants (one character, two glyphs) of 青 and 研 in Unihan: a safe fix; 㐅 is known only as a
    # semantic variant of 五: the fix is left to the author
    simp = "县妇联认真开展各项工作，组织干部深入基层调研，妇女儿童工作取得明显成效。"
    check_rule("SCR003", invalid=[
        (simp + "靑年干部积极参与硏究。", [(len(simp), len(simp) + 1), (len(simp) + 8, len(simp) + 9)],
         simp + "青年干部积极参与研究。"),
    ])
    (d,) = lint(simp + "第㐅项。", ["SCR003"])
    assert d.fix.edits[0].content == "五" and d.fix.applicability == "unsafe"
    # standard characters with a variant elsewhere are left alone: 踊跃 (踴 in Taiwan and Hong Kong), 喫, 峯
    check_rule("SCR003", valid=[simp + "群众踊跃参与。", simp + "喫茶。", TRADITIONAL_DRAFT + "登上高峯。"])


def test_scr003_big5_variants_only_in_simplified_text():
    # 寔 (實), 筭 (算), 旹 (時/时: two targets, one character) are Big5 characters outside the official table:
    # variants in simplified text, left alone in traditional text (where 寔 is a character of Big5)
    simp = "县妇联认真开展各项工作，组织干部深入基层调研，妇女儿童工作取得明显成效。"
    found = lint(simp + "寔现全覆盖，分别计筭占比，同旹推进。", ["SCR003"])
    n = len(simp)
    assert [(d.offset, d.message) for d in found] == [
        (n, "“寔”是异体字或日文字形，应为“实”"), (n + 9, "“筭”是异体字或日文字形，应为“算”"),
        (n + 14, "“旹”是异体字或日文字形，应为“时”")]
    assert all(d.fix.applicability == "unsafe" for d in found)  # semantic variants: the author decides
    check_rule("SCR003", valid=[TRADITIONAL_DRAFT + "寔為國家之本。", simp + "卍字纹样。"])


def test_scr003_of_several_standard_targets_the_common_one():
    # 咊 is a semantic variant of 和 (a 常用字) and of 龢 (not one): 和, with the fix left to the author;
    # characters beyond the BMP (𠮷 of 𠮷野家) may be names': a hint at most, never a warning
    simp = "县妇联认真开展各项工作，组织干部深入基层调研，妇女儿童工作取得明显成效。"
    (d,) = lint(simp + "发挥委员会咊各群众组织的作用。", ["SCR003"])
    assert (d.text, d.message, d.fix.applicability) == ("咊", "“咊”是异体字或日文字形，应为“和”", "unsafe")
    assert {d.severity for d in lint(simp + "𠮷野家的门店。", ["SCR003"])} == {"info"}


def test_scr003_examples():
    simp = "县妇联认真开展各项工作，组织干部深入基层调研，妇女儿童工作取得明显成效。"
    trad = "縣婦聯認真開展各項工作，組織幹部深入基層調研，婦女兒童工作取得明顯成效。"
    check_rule("SCR003", invalid=[
        (simp + "建设図书室", [(len(simp) + 2, len(simp) + 3)], simp + "建设图书室"),
        (trad + "建設図書室", None, trad + "建設圖書室"),
        (simp + "“徳耀龙乡”", None, simp + "“德耀龙乡”"),
        (simp + "\uf900", None, None),  # CJK compatibility ideograph
    ])
    check_rule("SCR003", valid=[
        simp + "日本の図書館を見学した。",  # Japanese text nearby: a quotation
        simp, trad, SIMPLIFIED_DRAFT,
    ])


def test_scr003_supersedes_scr001():
    simp = "县妇联认真开展各项工作，组织干部深入基层调研，妇女儿童工作取得明显成效。"
    found = lint(simp + "他説过", ["SCR"])
    assert [d.rule for d in found] == ["SCR003"]


def test_scr_docs_have_sections():
    from lintkit_rules import scr

    for f in (scr.mixed_script, scr.simplified_leftover, scr.variant_form):
        for section in ("为什么：", "错误示例：", "正确写法：", "依据：", "修复："):
            assert section in f.lintkit_rule.doc


def test_generated_data_is_up_to_date():
    """The shipped character classes and phrases match a fresh run of the generator."""
    from conftest import ROOT, assert_regenerates, load_script

    pytest.importorskip("opencc_purepy")
    gen = load_script("gen_scr_data")
    if not (gen.UNIHAN / "Unihan_Variants.txt.bz2").exists():
        pytest.skip("the Unihan files of Debian's unicode-data are not installed")
    assert_regenerates(gen.main, [ROOT / "rules" / "data" / f"{name}.toml" for name in ("scr_chars", "scr_phrases")])


# ------------------------------------------------------------------------------------------------- properties
_text = st.text(alphabet=st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),
    st.characters(min_codepoint=0xF900, max_codepoint=0xFAFF),
    st.sampled_from(list("縣婦聯總結於後範幹干于后范余云徳図の，。、；\n(lián)\ufffc")),
), max_size=160)


@settings(max_examples=120, deadline=None)
@given(_text)
def test_scr_never_raises(text):
    diags = lint(text, ["SCR", "RES"])
    assert not any(d.rule.startswith("LNT") for d in diags)
    once = fix(text, ["SCR"], unsafe=True)
    assert fix(once, ["SCR"], unsafe=True) == once


@settings(max_examples=40, deadline=None)
@given(_text)
def test_scr_never_raises_on_traditional_context(text):
    doc = TRADITIONAL_DRAFT + text + "縣婦聯總結"
    assert not any(d.rule.startswith("LNT") for d in lint(doc, ["SCR", "RES"]))


def test_scr002_surname_with_title_is_a_name():
    from conftest import lint as _lint

    text = "感謝于先生、范女士等愛心人士的捐助。會議由于會長主持，婦女幹部積極參與，屬於全縣的重點工作。" * 3
    found = [d for d in _lint(text, ["SCR002"])]
    assert not [d for d in found if d.text in "于范"], [d.message for d in found]


# ------------------------------------------------------------------------------------------------- fast paths
def _reference_counts(masked: str) -> tuple[int, int, int]:
    """Script-specific characters counted one by one (the definition the compiled classes implement)."""
    from lintkit_rules.scr import _tables

    tables = _tables()
    s = t = v = 0
    for c in masked:
        if c in tables.variants:
            v += 1
        elif c in tables.s_only:
            s += 1
        elif c in tables.t_only:
            t += 1
    return s, t, v


def _check_script_info(text: str) -> None:
    from lintkit_rules.scr import _majority

    doc = Document(text)
    info = doc.script
    s, t, v = _reference_counts(doc.masked)
    assert info.majority == _majority(s, t)
    assert (info.simplified, info.traditional, info.variants) == (s, t, v)


def test_script_info_counts_on_both_class_sets():
    # no character beyond U+FFFF: the bitmap classes; the simplified count is completed on demand
    _check_script_info(SIMPLIFIED_DRAFT)
    _check_script_info(TRADITIONAL_DRAFT + "妇联工作总结")
    _check_script_info(SIMPLIFIED_DRAFT + TRADITIONAL_DRAFT)
    # characters beyond U+FFFF (a traditional-only 𧶼-like extension character, an emoji): the full classes
    from lintkit_rules.scr import _tables

    astral_t = min(c for c in _tables().t_only if ord(c) > 0xFFFF)
    astral_s = min(c for c in _tables().s_only if ord(c) > 0xFFFF)
    _check_script_info(SIMPLIFIED_DRAFT + "😀" + astral_t)
    _check_script_info(TRADITIONAL_DRAFT + astral_s + astral_t * 3)
    found = lint(SIMPLIFIED_DRAFT + "妇联工作" + astral_t, ["SCR001"])
    assert [d.text for d in found] == [astral_t]


@settings(max_examples=80, deadline=None)
@given(_text)
def test_script_info_matches_reference(text):
    _check_script_info(text)
    _check_script_info(SIMPLIFIED_DRAFT + text)
    _check_script_info(TRADITIONAL_DRAFT + text)


def test_scr002_round_trip_dictionaries_have_han_keys_of_unchanged_length():
    """SCR002 converts each chain of Han characters on its own; that equals converting whole sentences only while
    every dictionary key is made of Han characters and every value has the key's length."""
    pytest.importorskip("opencc_purepy")
    import regex

    from lintkit_rules.scr import _converter

    han = regex.compile(r"\p{Han}+")
    for config in ("t2s", "s2tw"):
        converter = _converter(config)
        converter.convert("測試")
        refs = converter._get_dict_refs(config)
        rounds = [r for r in (refs.round_1, refs.round_2, refs.round_3) if r]
        assert rounds
        for r in rounds:
            for key, value in r.merged_map.items():
                assert han.fullmatch(key) and len(value) == len(key), (config, key, value)


def test_scr002_chain_joined_across_masked_pinyin():
    body = "縣婦聯認真開展各項工作，組織幹部深入基層調研，婦女兒童工作取得明顯成效。"
    pinyin = "婦(fù)聯(lián)工作總(zǒng)結(jié)。"
    # 屬于 with an annotation in between: the masked annotation is removed before converting, so 屬于 → 屬於
    text = body + pinyin + "這項工作屬(shǔ)于全縣的重點。"
    found = [d for d in lint(text, ["RES002", "SCR002"]) if d.rule == "SCR002"]
    assert [(d.text, d.fix.edits[0].content) for d in found] == [("于", "於")]


def test_scr002_long_chain_is_converted_without_the_cache():
    from lintkit_rules import scr

    body = "縣婦聯認真開展各項工作，組織幹部深入基層調研，婦女兒童工作取得明顯成效。"
    long_chain = "婦女干部" + "認真開展各項工作" * 30  # one run of Han characters longer than the cached length
    assert len(long_chain) > scr._CACHED_CHAIN
    for chain in (long_chain, "婦女干部認真開展各項工作"):
        found = lint(body + chain + "。", ["SCR002"])
        assert [(d.offset - len(body), d.fix.edits[0].content) for d in found] == [(2, "幹")]
    assert scr._round_trip_diffs(long_chain) == scr._compute_round_trip_diffs(long_chain) == ((2, "幹", True),)


def test_script_info_both_sides_of_the_count_all_cap():
    # below _COUNT_ALL_FROM the simplified-only characters are counted up to the cap, from it they are all counted
    from lintkit_rules.scr import _COUNT_ALL_FROM, MIN_SPECIFIC

    for t in (1, (_COUNT_ALL_FROM - MIN_SPECIFIC) // 20 - 1, (_COUNT_ALL_FROM - MIN_SPECIFIC) // 20 + 1, 40):
        for k in (1, 3, 30):
            _check_script_info(SIMPLIFIED_DRAFT * k + "國" * t)
    info = Document(SIMPLIFIED_DRAFT * 30 + "國" * 30).script
    assert info.majority == "simplified" and info.traditional == 30


def test_script_counts_by_chunks_equal_findall():
    from lintkit_rules.scr import _count, _script_patterns

    pats = _script_patterns(False)
    text = "婦聯工作总结，會議紀要说明。説" * 50
    for pattern in (pats.s, pats.t, pats.v):
        expected = len(pattern.findall(text))
        assert expected
        for chunk in (1, 7, 64, 1 << 14):
            assert _count(pattern, text, chunk) == expected
    assert _count(pats.s, "") == 0


def test_scr003_looser_variants_are_hints():
    text = "县妇联围绕中心工作，显著提升了服务妇女群众的能力，全年走访困难家庭300余户，发放慰问金12.5万元，蕐夏儿女胷怀天下。"
    found = [(d.offset, d.end_offset, d.severity, d.message) for d in lint(text, ["SCR003"])]
    assert found == [(51, 52, "info", "“蕐”是生僻的异体字，规范字为“华”（人名、地名用字除外，请核对）"),
                     (55, 56, "info", "“胷”是生僻的异体字，规范字为“匈”或“胸”（人名、地名用字除外，请核对）")]
    astral = text.replace("蕐夏儿女胷怀天下", "\U00020BB7祥如意")
    assert [(d.offset, d.severity) for d in lint(astral, ["SCR003"])] == [(51, "info")]
    # Hong Kong's standard forms (衞生, 敍述) are no variants in traditional text; a GB 2312 character (揞) is standard
    check_rule("SCR003", valid=[TRADITIONAL_DRAFT.replace("發放慰問金", "食物及衞生局敍述發放慰問金"),
                                SIMPLIFIED_DRAFT.replace("发放慰问金", "用手揞住发放慰问金")])
