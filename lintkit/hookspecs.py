"""The plugin API: pluggy hook specifications.

A rule pack is a module (or object) with functions marked ``@lintkit.hookimpl`` named like the specs below,
registered through the entry point group ``lintkit.plugins`` in its ``pyproject.toml``::

    [project.entry-points."lintkit.plugins"]
    mypack = "mypack"

The built-in pack ``lintkit_rules`` registers itself exactly this way, so a third-party pack is a first-class
citizen: its rules are selected, ignored, configured and documented like the built-in ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Mapping

import pluggy

if TYPE_CHECKING:  # for the annotations only
    import lintkit.config
    import lintkit.document
    import lintkit.model
    import lintkit.readers

PROJECT = "lintkit"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def lintkit_register_rules() -> Iterable["lintkit.model.Rule"]:
    """Return the rules this plugin provides (objects made by the :func:`lintkit.rule` decorator).

    Called once per process. Rule ids must be unique across all plugins: three capital letters (the family)
    and three digits. A clash is reported as a usage error naming both plugins.
    """


@hookspec
def lintkit_register_views() -> Iterable["lintkit.document.ViewSpec"]:
    """Return the named views this plugin provides (functions made by the :func:`lintkit.view` decorator, or
    their ``ViewSpec``): shared analyses of a document that any rule reads as ``doc.NAME``.

    Called once per process. View names are unique across plugins and may not shadow a Document attribute.
    """


@hookspec
def lintkit_register_readers() -> Mapping[str, "lintkit.readers.Reader"]:
    """Return a mapping of file suffix (``".rst"``) to a reader ``(data: bytes, path: str) -> Document``.

    A reader raises :class:`lintkit.readers.ReadError` with a one-line message for input it cannot read.
    Suffixes registered here are also collected when a directory is checked. Later plugins override earlier
    ones for the same suffix.
    """


@hookspec
def lintkit_configure(settings: "lintkit.config.Settings") -> None:
    """Called once per configuration after it is loaded and validated, before any file is linted.

    A plugin may read its rules' options here (``settings.rule_options``) to precompute tables. It must not
    print to stdout.
    """
