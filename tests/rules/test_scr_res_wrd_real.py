"""SCR, RES and WRD on public documents that are not ours (../shared/corpus/real): the false-finding patterns
fixed by mechanism must not come back. The texts are read in place, never copied; skipped when absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from lintkit.engine import Linter, Options

REAL = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "real"

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/corpus/real is not here")


def _findings(names, select):
    linter = Linter(Options(select=tuple(select), no_config=True))
    out = []
    for name in names:
        path = REAL / name
        if not path.exists():
            pytest.skip(f"{name} is not in the corpus")
        text = path.read_text(encoding="utf-8")
        for d in linter.lint_bytes(text.encode("utf-8"), name, None, suffix=".txt").diagnostics:
            out.append((name, d, text[max(0, d.offset - 6):d.end_offset + 6]))
    return out


def _warnings(found):
    return [(n, d.rule, d.message) for n, d, _ in found if d.severity != "info"]


def test_hong_kong_records_get_no_taiwan_forms_and_names_are_kept():
    # 秘書/祕書, 盡快/儘快, 范國威議員, 我准你, 李慧琼議員: regional usage, character defaults and names
    found = _findings(["hk_legco_12-13-cm0430.txt", "hk_legco_12-13-cm0509a.txt"], ["SCR001", "SCR002"])
    assert not [w for w in _warnings(found) if w[1] == "SCR002" and "游說" not in w[2]]
    assert not [w for w in _warnings(found) if w[1] == "SCR001"]


def test_standard_simplified_character_of_the_official_table():
    found = _findings(["nat_cpc_congress_01b.txt"], ["SCR001"])
    assert not [m for _, d, m in found if "薰" in d.message]


def test_de_di_de_in_noun_phrases():
    names = ["cty_liuhe_about_government.txt", "nat_cpc_congress_13.txt", "nat_gwr_1955.txt", "nat_gwr_1958.txt",
             "nat_gwr_1982.txt", "nat_gwr_2011.txt", "nat_gwr_1988.txt"]
    found = _findings(names, ["WRD002"])
    assert _warnings(found) == []


def test_new_residue_mechanisms_are_quiet_on_real_documents():
    # single pinyin annotations, mojibake by round trip, the site names: nothing in official documents
    names = sorted(p.name for p in REAL.glob("*.txt"))
    found = _findings(names, ["RES002", "RES003", "RES004"])
    assert _warnings(found) == []
