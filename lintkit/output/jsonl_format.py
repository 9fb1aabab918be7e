"""``--format jsonl``: the JSON objects of ``--format json``, one per line."""

from __future__ import annotations

import json
from typing import TextIO


def render(report, stream: TextIO) -> None:
    if report.statistics:  # counts per rule instead of the findings
        rows = [{"rule": r, "name": n, "count": c, "fixable": f} for r, n, c, f in report.per_rule()]
        if "jsonl" in __name__:
            for row in rows:
                stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    for d in report.diagnostics:
        stream.write(json.dumps(d.to_dict(), ensure_ascii=False))
        stream.write("\n")
