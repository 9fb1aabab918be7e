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


def test_every_data_file_is_installed_with_the_package():
    """A regular (not editable) install ships only what pyproject's package-data names: every file under
    rules/data must match one of its patterns, or the rule reading it crashes after `pip install .`."""
    import fnmatch
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    patterns = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"]["lintkit_rules"]
    data = root / "rules" / "data"
    missing = [str(p.relative_to(root / "rules")) for p in data.rglob("*") if p.is_file()
               and "__pycache__" not in p.parts
               and not any(fnmatch.fnmatch(str(p.relative_to(root / "rules")), pat) for pat in patterns)]
    assert missing == []
