"""``--format json``: one JSON array of diagnostic objects (DESIGN.md §4), UTF-8, not ASCII-escaped."""

from __future__ import annotations

import json
from typing import TextIO


def render(report, stream: TextIO) -> None:
    json.dump([d.to_dict() for d in report.diagnostics], stream, ensure_ascii=False, indent=2)
    stream.write("\n")
