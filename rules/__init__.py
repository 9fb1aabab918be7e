"""The built-in rule pack of lintkit, installed as the import package ``lintkit_rules``.

It registers itself through the ``lintkit.plugins`` entry point, exactly like a third-party pack. One module per
rule family (every module of this package whose name does not start with ``_``); each rule's documentation is
its docstring, and its word lists live in ``data/*.toml``.
"""

from __future__ import annotations

import importlib
import pkgutil

from lintkit import hookimpl, rules_in, views_in


def family_modules():
    return [importlib.import_module(f"{__name__}.{info.name}")
            for info in pkgutil.iter_modules(__path__) if not info.name.startswith("_")]


@hookimpl
def lintkit_register_rules():
    return rules_in(*family_modules())


@hookimpl
def lintkit_register_views():
    from . import _zh

    return views_in(_zh, *family_modules())
