"""Character classes and data loading shared by the built-in rule families."""

from __future__ import annotations

import functools
import os
from typing import Any

from lintkit.cache import load_toml

#: Horizontal white space other than U+3000 (the CJK ideographic space is handled on its own).
HSPACE_CHARS = r" \t\u00a0\u2000-\u200a\u202f\u205f"
HSPACE = "[" + HSPACE_CHARS + "]"
#: Fullwidth Chinese punctuation marks (GB/T 15834-2011).
FULL_PUNCT = "，。、；：！？“”‘’（）《》〈〉【】〔〕「」『』…—～·"
#: Fullwidth marks that take no space on either side (GB/T 15834-2011 §5: a mark fills its own cell).
SPACELESS_MARKS = "，。、；：！？“”‘’（）《》〈〉【】〔〕「」『』"
#: Line break characters.
NL = "\r\n"


@functools.lru_cache(maxsize=None)
def load_data(name: str) -> dict[str, Any]:
    """Load ``data/<name>.toml`` of this package once per process (the parse is cached between runs)."""
    return load_toml(os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", f"{name}.toml"))


def shorten(text: str, limit: int = 24) -> str:
    """``text`` for a message: cut to ``limit`` characters with an ellipsis when it is longer."""
    return text if len(text) <= limit else text[:limit - 2] + "…"


def valid_month_day(month: str, day: str) -> bool:
    """Whether ``month``.``day`` (digits written with a point: 4.29, 11.22) can be a date: a month of 1–12 and a day
    of 1–31, the day not padded with a zero (1.05 is a decimal)."""
    return 1 <= int(month) <= 12 and 1 <= int(day) <= 31 and not (len(day) > 1 and day[0] == "0")
