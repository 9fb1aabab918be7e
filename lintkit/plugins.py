"""Plugin manager set-up: the built-in pack and third-party packs, both from the ``lintkit.plugins`` group."""

from __future__ import annotations

import functools
import importlib
import os
import re
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
        load_entry_points_into(pm)
    for obj in extra:
        pm.register(obj)
    return pm


# "module", "module:attr", "module:attr.sub", optionally followed by "[extras]" (the entry-point value syntax)
_EP_VALUE = re.compile(r"\s*(?P<module>[\w.]+)\s*(?::\s*(?P<attr>[\w.]+)\s*)?(?:\[.*\])?\s*$")


def load_entry_points_into(pm: pluggy.PluginManager) -> None:
    """Register every pack of the ``lintkit.plugins`` entry-point group (those not blocked). The list of entry
    points is cached (:mod:`lintkit.cache`); if a cached entry no longer imports, the installed metadata is read
    again before anything is reported."""
    from . import cache

    for attempt in (0, 1):
        loaded = []
        try:
            for name, value in cache.entry_points(ENTRY_POINT_GROUP, fresh=attempt == 1):
                if pm.get_plugin(name) is not None or pm.is_blocked(name):
                    continue
                loaded.append((name, _load(value)))
        except Exception as exc:  # a broken third-party pack must be a clear error, not a traceback
            if attempt == 0:
                continue
            raise PluginError(f"cannot load a lintkit plugin: {type(exc).__name__}: {exc}") from None
        for name, obj in loaded:
            pm.register(obj, name=name)
        return


def _load(value: str) -> object:
    m = _EP_VALUE.match(value)
    if m is None:
        raise ValueError(f"malformed entry point {value!r}")
    obj: object = importlib.import_module(m.group("module"))
    for attr in (m.group("attr") or "").split(".") if m.group("attr") else ():
        obj = getattr(obj, attr)
    return obj


@functools.lru_cache(maxsize=8)
def default_manager(disabled: tuple[str, ...] = ()) -> pluggy.PluginManager:
    return make_manager(disabled)
