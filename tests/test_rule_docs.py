"""Every built-in rule documents itself: `lintkit rule ID` shows what, why, a bad and a good example, the
source and the fix safety (DESIGN.md §3)."""

from __future__ import annotations

import pytest

from lintkit.engine import Linter, Options

TABLE = Linter(Options(no_config=True)).table
SECTIONS = ("为什么", "错误示例", "正确写法", "依据", "修复")


@pytest.mark.parametrize("rule", [r for r in TABLE.rules], ids=lambda r: r.id)
def test_rule_docstring_has_every_section(rule):
    doc = rule.doc
    assert doc.splitlines()[0].strip(), f"{rule.id} has no one-line summary"
    missing = [s for s in SECTIONS if s not in doc]
    assert not missing, f"{rule.id} docstring lacks {missing}"


def test_ids_and_names_are_unique_and_families_known():
    families = {"SPC", "PUN", "NUM", "DAT", "TOT", "DUP", "SCR", "SEQ", "DOC", "WRD", "RES", "CON", "LNT"}
    assert {r.family for r in TABLE.rules} <= families
    assert len({r.id for r in TABLE.rules}) == len({r.name for r in TABLE.rules}) == len(TABLE.rules)
