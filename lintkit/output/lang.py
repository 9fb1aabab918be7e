"""The language of everything lintkit itself says (summaries, notices, errors): Chinese by default, English with
``--lang en`` or an English locale (``LC_ALL``, ``LC_MESSAGES`` or ``LANG`` starting with ``en``, the first of
them that is set). Findings' messages are about Chinese text and stay Chinese.

One word for a fix that needs a human's confirmation everywhere: ``unsafe`` (the JSON field ``applicability``,
``lintkit rules``, the README's rule table, the flag ``--unsafe-fixes``), in Chinese prose 修复建议.
"""

from __future__ import annotations

import os

LANGS = ("zh", "en")
_current = "zh"


def from_environment(environ=os.environ) -> str:
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(key)
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


def set_lang(lang: str | None) -> str:
    global _current
    _current = lang if lang in LANGS else from_environment()
    return _current


def current() -> str:
    return _current


def t(zh: str, en: str) -> str:
    """``zh`` or ``en``, whichever the current language is."""
    return en if _current == "en" else zh


def n_(count: int, one: str, many: str | None = None) -> str:
    """English count with a correct plural: ``n_(1, "file")`` → "1 file", ``n_(2, "file")`` → "2 files"."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


SEVERITY = {"zh": {"error": "错误", "warning": "警告", "info": "提示"},
            "en": {"error": "error", "warning": "warning", "info": "info"}}
FIX_KIND = {"zh": {"safe": "安全修复", "unsafe": "修复建议", "none": "无"},
            "en": {"safe": "safe fix", "unsafe": "unsafe fix", "none": "none"}}


def severity(sev: str) -> str:
    return SEVERITY[_current].get(sev, sev)


def fix_kind(kind: str) -> str:
    return FIX_KIND[_current].get(kind, kind)


def summary(total: int, counts, files: int) -> str:
    """"共 3 个问题（错误 1，警告 1，提示 1），检查了 1 个文件。" / "Found 3 problems (1 error, 1 warning, 1 info)
    in 1 file." (zero counts left out)."""
    if _current == "en":
        parts = ", ".join(n_(counts[s], s, s if s == "info" else None) for s in ("error", "warning", "info")
                          if counts[s])
        return f"Found {n_(total, 'problem')} ({parts}) in {n_(files, 'file')}."
    parts = "，".join(f"{SEVERITY['zh'][s]} {counts[s]}" for s in ("error", "warning", "info") if counts[s])
    return f"共 {total} 个问题（{parts}），检查了 {files} 个文件。"


def clean(files: int) -> str:
    return t(f"没有发现问题（检查了 {files} 个文件）。", f"All checks passed ({n_(files, 'file')} checked).")


def fixed(n: int) -> str:
    return t(f"已修复 {n} 处。", f"Fixed {n_(n, 'problem')}.")


def fixable(n: int) -> str:
    return t(f"其中 {n} 个可以用 --fix 自动修复。", f"{n} fixable with --fix.")


def unsafe_fixable(n: int) -> str:
    return t(f"另有 {n} 个可以用 --unsafe-fixes 修复（修复建议，请人工确认）。",
             f"{n} more with --unsafe-fixes (unsafe fixes: check each one).")


def cell_len(s: str) -> int:
    from rich.cells import cell_len as cells

    return cells(s)


def ljust(s: str, width: int) -> str:
    """``s`` padded with spaces to ``width`` terminal cells (a CJK character takes two)."""
    return s + " " * max(0, width - cell_len(s))
