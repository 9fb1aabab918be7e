"""DOC — document numbers (GB/T 9704-2012 7.2.5)."""

from __future__ import annotations

import pytest

from conftest import check_rule, lint, seed_line


def test_every_rule_is_documented():
    from lintkit import rules_in
    import lintkit_rules.doc as docmod

    rules = {r.id: r for r in rules_in(docmod)}
    assert sorted(rules) == ["DOC001", "DOC002", "DOC003"]
    for r in rules.values():
        for section in ("为什么：", "错误示例：", "正确写法：", "依据：", "修复："):
            assert section in r.doc, f"{r.id} docstring lacks {section}"
        assert "GB/T 9704" in r.doc
    assert rules["DOC003"].severity == "info"


def test_doc001_seed_lines():
    line = seed_line("000", 9)  # （西妇字【2021】15号）
    i = line.index("【2021】")
    check_rule("DOC001", invalid=[(line, [(i, i + 6)], line.replace("【2021】", "〔2021〕"))])
    line = seed_line("003", 24)  # 永创先办发[2012]6号
    i = line.index("[2012]")
    check_rule("DOC001", invalid=[(line, [(i, i + 6)], line.replace("[2012]", "〔2012〕"))])
    line = seed_line("000", 4)  # （西办文【2021】16号）
    assert "西办文〔2021〕16号" in __import__("conftest").fix(line, ["DOC001"])
    check_rule("DOC001", invalid=[("县妇发（2021）6号", [(3, 9)], "县妇发〔2021〕6号"),
                                  ("县妇发［2021］6号", [(3, 9)], "县妇发〔2021〕6号")])


@pytest.mark.parametrize("text", [
    seed_line("001", 19),  # (上禁毒办发〔2021〕28号) is right
    "【2021年度】全县妇联工作亮点回顾",
    "参考文献[1]第3页",
    "见附件[2021]",
    "【2021】年度总结",
    "第6号文件已下发。",
])
def test_doc001_negatives(text):
    check_rule("DOC001", valid=[text])


def test_doc002():
    check_rule("DOC002", invalid=[
        ("西办文〔2021〕第06号", [(9, 12)], "西办文〔2021〕6号"),
        ("西办文〔2021〕006号", [(9, 12)], "西办文〔2021〕6号"),
        ("西办文〔2021〕第6号", [(9, 11)], "西办文〔2021〕6号"),
    ])
    check_rule("DOC002", valid=["西办文〔2021〕16号", "第6号文件已下发。", "第06号公告", "西办文〔2021〕10号"])
    # both problems in one number: two findings, both fixed
    from conftest import fix
    assert fix("西办文【2021】第06号", ["DOC"]) == "西办文〔2021〕6号"


def test_doc003():
    check_rule("DOC003", invalid=[("西办文〔21〕16号", [(3, 7)], None)])
    check_rule("DOC003", valid=["西办文〔2021〕16号", "〔21〕"])
    assert lint("西办文〔21〕16号", ["DOC003"])[0].severity == "info"


def test_doc001_only_the_opening_bracket_wrong():
    # the pre-check used to look only at the closing bracket, so 【2021〕 was never reported
    from conftest import lint

    assert [(d.text, d.fix.edits[0].content) for d in lint("西办文【2021〕16号", ["DOC001"])] == [("【2021〕", "〔")]
