"""``--format jsonl``: the JSON objects of ``--format json``, one per line."""

from __future__ import annotations

import json
from typing import TextIO


def render(report, stream: TextIO) -> None:
    from . import statistics_rows

    rows = statistics_rows(report) if report.statistics else (d.to_dict() for d in report.diagnostics)
    for row in rows:
        stream.write(json.dumps(row, ensure_ascii=False))
        stream.write("\n")
