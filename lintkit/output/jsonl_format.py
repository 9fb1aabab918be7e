"""``--format jsonl``: the JSON objects of ``--format json``, one per line."""

from __future__ import annotations

import json
from typing import TextIO


def render(report, stream: TextIO) -> None:
    for d in report.diagnostics:
        stream.write(json.dumps(d.to_dict(), ensure_ascii=False))
        stream.write("\n")
