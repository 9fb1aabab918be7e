"""Shared test helpers: ``check_rule`` keeps rule tests short (DESIGN.md §11)."""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Callable, Iterable, Sequence

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

sys.path.insert(0, str(Path(__file__).resolve().parent))


@functools.lru_cache(maxsize=None)
def _linter(select: tuple[str, ...], unsafe: bool, fix: bool):
    from lintkit.engine import Linter, Options

    return Linter(Options(select=select, no_config=True, fix=fix, diff=fix, unsafe_fixes=unsafe))


def lint(text: str, select: Sequence[str], path: str = "t.txt"):
    """Diagnostics of ``text`` with only the ``select``ed rules (no configuration file)."""
    linter = _linter(tuple(select), False, False)
    suffix = "." + path.rsplit(".", 1)[-1]
    return linter.lint_bytes(text.encode("utf-8"), path, None, suffix=suffix).diagnostics


def fix(text: str, select: Sequence[str], unsafe: bool = False, path: str = "t.txt") -> str:
    """``text`` after applying the fixes of the ``select``ed rules to a fixed point."""
    linter = _linter(tuple(select), unsafe, True)
    suffix = "." + path.rsplit(".", 1)[-1]
    result = linter.lint_bytes(text.encode("utf-8"), path, None, suffix=suffix)
    return result.fixed if result.fixed is not None else text


def seed_line(prefix: str, line: int) -> str:
    """Line ``line`` (1-based) of the seed file whose name starts with ``prefix`` (e.g. "000")."""
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8").splitlines()[line - 1]


def corpus_paths(markdown: bool = True) -> list[Path]:
    """The seeds and every text fixture (correct drafts, recall drafts, ...), sorted: the real text that tests of
    fast paths check against the plain scans."""
    fixtures = ROOT / "tests" / "fixtures"
    paths = [*SEEDS.glob("*.txt"), *fixtures.glob("**/*.txt")]
    if markdown:
        paths += fixtures.glob("**/*.md")
    return sorted(paths)


def check_rule(rule_id: str, valid: Iterable[str] = (),
               invalid: Iterable[tuple[str, Sequence[tuple[int, int]] | None, str | None]] = (),
               unsafe: bool = False, path: str = "t.txt") -> None:
    """Assert that ``rule_id`` is silent on every ``valid`` text, and that on each ``invalid`` text it reports
    exactly the given spans (None: at least one finding, spans not checked) and, when ``fixed`` is not None,
    fixes the text to ``fixed`` (with ``unsafe`` also applying unsafe fixes); the fix must be idempotent."""
    for text in valid:
        found = [d for d in lint(text, [rule_id], path) if d.rule == rule_id]
        assert not found, f"{rule_id} should be silent on {text!r}, got " + \
            "; ".join(f"{d.offset}-{d.end_offset} {d.message}" for d in found)
    for text, spans, fixed in invalid:
        found = [d for d in lint(text, [rule_id], path) if d.rule == rule_id]
        assert found, f"{rule_id} should report on {text!r}"
        if spans is not None:
            got = [(d.offset, d.end_offset) for d in found]
            assert got == list(spans), f"{rule_id} on {text!r}: spans {got}, expected {list(spans)}"
        if fixed is not None:
            out = fix(text, [rule_id], unsafe, path)
            assert out == fixed, f"{rule_id} fix of {text!r}: {out!r}, expected {fixed!r}"
            assert fix(out, [rule_id], unsafe, path) == out, f"{rule_id} fix is not idempotent on {text!r}"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory):
    """The suite never reads or writes the user's start-up cache (lintkit/cache.py): one directory of its own for
    the whole session, inherited by the `lintkit` subprocesses the tests start."""
    import os

    old = os.environ.get("LINTKIT_CACHE_DIR")
    os.environ["LINTKIT_CACHE_DIR"] = str(tmp_path_factory.mktemp("lintkit-cache"))
    yield
    if old is None:
        os.environ.pop("LINTKIT_CACHE_DIR", None)
    else:
        os.environ["LINTKIT_CACHE_DIR"] = old


def load_script(name: str):
    """``scripts/NAME.py`` imported as a module (the data generators are scripts, not package modules)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"script_{name}", ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_regenerates(generate: Callable[[], object], outputs: Sequence[Path]) -> None:
    """Run a data generator and check that it writes exactly the shipped files (which are restored either way)."""
    shipped = {p: p.read_bytes() for p in outputs}
    try:
        generate()
        for p in outputs:
            assert p.read_bytes() == shipped[p], p.name
    finally:
        for p, data in shipped.items():
            p.write_bytes(data)

