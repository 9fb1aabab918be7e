"""``--format jsonl``: the JSON objects of ``--format json``, one per line."""

from __future__ import annotations

import json
from typing import TextIO


def render(report, stream: TextIO) -> None:
    from . import statistics_rows

    if report.statistics:
        for row in statistics_rows(report):
            stream.write(json.dumps(row, ensure_ascii=False))
            stream.write("\n")
        return
    for d in report.diagnostics:
        stream.write(d.to_json())
        stream.write("\n")
