"""Plugin manager set-up: the built-in pack and third-party packs, both from the ``lintkit.plugins`` group."""

from __future__ import annotations

import functools
import os
from typing import Iterable

import pluggy

from . import hookspecs

ENTRY_POINT_GROUP = "lintkit.plugins"


class PluginError(Exception):
    """A plugin that cannot be loaded or that registers a bad rule."""


def make_manager(disabled: Iterable[str] = (), extra: Iterable[object] = (),
                 load_entry_points: bool = True) -> pluggy.PluginManager:
    """A plugin manager with every installed pack loaded, except those named in ``disabled``
    (e.g. ``builtin``) and those listed in the environment variable ``LINTKIT_DISABLE_PLUGINS`` (comma-separated).
    ``extra`` plugin objects (modules or instances) are registered too — tests use it for ad-hoc packs."""
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    blocked = set(disabled)
    blocked.update(x.strip() for x in os.environ.get("LINTKIT_DISABLE_PLUGINS", "").split(",") if x.strip())
    for name in blocked:
        pm.set_blocked(name)
    if load_entry_points:
        try:
            pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
        except Exception as exc:  # a broken third-party pack must be a clear error, not a traceback
            raise PluginError(f"cannot load a lintkit plugin: {type(exc).__name__}: {exc}") from None
    for obj in extra:
        pm.register(obj)
    return pm


@functools.lru_cache(maxsize=8)
def default_manager(disabled: tuple[str, ...] = ()) -> pluggy.PluginManager:
    return make_manager(disabled)
