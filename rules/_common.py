"""Character classes and data loading shared by the built-in rule families."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any

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
    """Load ``data/<name>.toml`` of this package once per process."""
    with resources.files(__package__).joinpath("data", f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


def shorten(text: str, limit: int = 24) -> str:
    """``text`` for a message: cut to ``limit`` characters with an ellipsis when it is longer."""
    return text if len(text) <= limit else text[:limit - 2] + "…"
