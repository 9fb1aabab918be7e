"""A reviewed snapshot of ``lintkit check seeds --format json``: any change in what the default rules report on
the seeds shows up here and must be reviewed. Regenerate with ``LINTKIT_UPDATE_SNAPSHOT=1 pytest
tests/test_snapshot.py`` and read the diff before committing it."""

from __future__ import annotations

import json
import os

from conftest import ROOT
from lintkit.cli import main

SNAPSHOT = ROOT / "tests" / "snapshots" / "seeds.json"


def test_seeds_snapshot(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code = main(["check", "seeds", "--format", "json", "--no-config"])
    out = capsys.readouterr().out
    data = json.loads(out)
    assert code == (1 if any(d["severity"] == "error" for d in data) else 0)
    if os.environ.get("LINTKIT_UPDATE_SNAPSHOT"):
        SNAPSHOT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert data == expected, "the findings on seeds/ changed: review and regenerate the snapshot"
