"""``--format json``: one JSON array of diagnostic objects (DESIGN.md §4), UTF-8, not ASCII-escaped.

One object per line inside the array: still one JSON document, and readable. Each object is
``Diagnostic.to_json()`` (the text ``json.dumps(d.to_dict(), ensure_ascii=False)`` gives, built in half its time;
``indent=`` would fall back to the pure-Python encoder, ten times slower on 100,000 findings).
"""

from __future__ import annotations

import json
from typing import TextIO


def render(report, stream: TextIO) -> None:
    if report.statistics:  # counts per rule instead of the findings
        from . import statistics_rows

        stream.write(json.dumps(statistics_rows(report), ensure_ascii=False, indent=2) + "\n")
        return
    if not report.diagnostics:
        stream.write("[]\n")
        return
    write = stream.write
    sep = "[\n"
    for d in report.diagnostics:
        write(sep)
        write(d.to_json())
        sep = ",\n"
    write("\n]\n")
