"""The rule decorator, the rule table, and selection by id prefix or name."""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence


from .cache import compile as _compile

from .document import ViewSpec
from .model import OptionSpec, Rule
from .triggers import Trigger

ID_RE = _compile(r"^[A-Z]{3}[0-9]{3}$")
NAME_RE = _compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
SELECTOR_RE = _compile(r"^(?:ALL|[A-Z]{1,3}[0-9]{0,3})$")


class RegistryError(Exception):
    """A bad rule definition or an unknown selector."""


def rule(id: str, name: str, *, severity: str = "warning", fix: str = "none",
         on: Trigger | Sequence[Trigger] | None = None, options: Mapping[str, OptionSpec] | None = None,
         phase: int = 1, masks: bool = False, supersedes: Sequence[str] = (), default: bool = True):
    """Declare a rule. The decorated function yields :class:`~lintkit.model.Finding` objects and takes

    - the Document;
    - with ``on=`` a :class:`~lintkit.triggers.Trigger`: what the engine found for it (the occurrences of its
      literals, or the matches of its pattern), and the rule runs only when that is not empty; with a tuple of
      triggers, a tuple of such lists (the rule runs when any is not empty). Without ``on``, the rule analyses
      the whole document and runs on every document;
    - when the rule declares ``options``, a mapping of option values.

    Its docstring is the rule's documentation: a one-line summary, then sections 为什么 / 错误示例 / 正确写法 /
    依据 / 修复. The function is returned unchanged, with the :class:`Rule` attached as ``func.lintkit_rule``.
    """
    if not ID_RE.match(id):
        raise RegistryError(f"rule id {id!r} must be three capital letters and three digits")
    if not NAME_RE.match(name):
        raise RegistryError(f"rule name {name!r} must be kebab-case")
    if severity not in ("error", "warning", "info"):
        raise RegistryError(f"rule {id}: severity {severity!r} must be error, warning or info")
    if fix not in ("safe", "unsafe", "none"):
        raise RegistryError(f"rule {id}: fix {fix!r} must be safe, unsafe or none")

    if on is None:
        triggers: tuple[Trigger, ...] = ()
        several = False
    elif isinstance(on, Trigger):
        triggers, several = (on,), False
    else:
        triggers, several = tuple(on), True
        if not triggers or not all(isinstance(t, Trigger) for t in triggers):
            raise RegistryError(f"rule {id}: on= takes a Trigger or a sequence of Triggers")

    def decorate(func):
        params = len(inspect.signature(func).parameters)
        expected = 1 + bool(triggers) + bool(options)
        if params != expected:
            raise RegistryError(f"rule {id}: the function takes (doc{', hits' if triggers else ''}"
                                f"{', options' if options else ''}), not {params} parameters")
        func.lintkit_rule = Rule(
            id=id, name=name, func=func, severity=severity, fix=fix, triggers=triggers, several=several,
            options=dict(options or {}), phase=phase, masks=masks, supersedes=tuple(supersedes),
            default=default,
        )
        return func

    return decorate


def view(name: str):
    """Declare a named view: ``func(doc)`` computes a shared analysis of a document (its docstring documents
    it). Registered through the ``lintkit_register_views`` hook (see :func:`views_in`), it is computed on first
    access as ``doc.NAME`` and kept for the document; views are recomputed after the residue rules add masks.
    A view whose value is a string of the text's length can be scanned by triggers (``Trigger(view=NAME)``)."""
    if not (name.isidentifier() and name.islower() and not name.startswith("_")):
        raise RegistryError(f"view name {name!r} must be a lowercase identifier")

    def decorate(func):
        func.lintkit_view = ViewSpec(name, func)
        return func

    return decorate


def views_in(*modules: Any) -> list[ViewSpec]:
    """Every view declared with :func:`view` in the given modules, in definition order."""
    return _declared(modules, "lintkit_view", ViewSpec)


def rules_in(*modules: Any) -> list[Rule]:
    """Every rule declared with :func:`rule` in the given modules, in definition order."""
    return _declared(modules, "lintkit_rule", Rule)


def _declared(modules: Sequence[Any], attribute: str, kind: type) -> list:
    out: list = []
    for module in modules:
        for value in vars(module).values():
            declared = getattr(value, attribute, None)
            if isinstance(declared, kind) and declared not in out:
                out.append(declared)
    return out


@dataclass
class RuleTable:
    """All registered rules, with lookup by id and by name."""

    rules: list[Rule] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_id: dict[str, Rule] = {}
        self.by_name: dict[str, Rule] = {}
        for r in self.rules:
            if r.id in self.by_id:
                other = self.by_id[r.id]
                raise RegistryError(f"rule id {r.id} is registered twice "
                                    f"(by {other.plugin or 'a plugin'} and {r.plugin or 'a plugin'})")
            if r.name in self.by_name:
                raise RegistryError(f"rule name {r.name} is registered twice")
            self.by_id[r.id] = r
            self.by_name[r.name] = r
        self.rules.sort(key=lambda r: (r.phase, r.id))

    @classmethod
    def from_manager(cls, pm) -> "RuleTable":
        rules: list[Rule] = []
        for impl in pm.hook.lintkit_register_rules.get_hookimpls():
            plugin_name = pm.get_name(impl.plugin) or ""
            for r in impl.function() or ():
                if not isinstance(r, Rule):
                    r = getattr(r, "lintkit_rule", r)
                if not isinstance(r, Rule):
                    raise RegistryError(f"plugin {plugin_name!r} registered {r!r}, which is not a rule")
                rules.append(_with_plugin(r, plugin_name))
        return cls(rules)

    def get(self, key: str) -> Rule | None:
        return self.by_id.get(key.upper()) if ID_RE.match(key.upper()) else self.by_name.get(key)

    def check_selector(self, selector: str) -> str:
        """Normalise a selector and make sure it matches something; raises RegistryError naming it."""
        sel = selector.strip()
        if sel in self.by_name:
            return sel
        up = sel.upper()
        if SELECTOR_RE.match(up) and (up == "ALL" or any(r.id.startswith(up) for r in self.rules)):
            return up
        raise RegistryError(f"unknown rule id or name {selector!r}")

    def matches(self, selector: str, r: Rule) -> int:
        """Specificity of ``selector`` for rule ``r`` (-1: no match). A name is as specific as a full id."""
        if selector == r.name:
            return 6
        if selector == "ALL":
            return 0
        return len(selector) if r.id.startswith(selector) else -1


def _with_plugin(r: Rule, plugin: str) -> Rule:
    if r.plugin == plugin:
        return r
    from dataclasses import replace

    return replace(r, plugin=plugin)


def resolve_selection(table: RuleTable, layers: Iterable[tuple[Sequence[str] | None, Sequence[str],
                                                             Sequence[str]]]) -> set[str]:
    """Apply selection layers in order (config file, then command line); return the enabled rule ids.

    Each layer is ``(select, extend_select, ignore)``. A layer's ``select`` (when not None) resets the set to
    exactly what it selects; then, for each rule, the longest matching selector of the layer decides
    (extend-select enables, ignore disables; on a tie, ignore wins). Rules a layer does not mention keep the
    state the earlier layers gave them.
    """
    enabled = {r.id for r in table.rules if r.default}
    for select, extend, ignore in layers:
        if select is not None:
            enabled = set()
            positives = list(select) + list(extend)
        else:
            positives = list(extend)
        for r in table.rules:
            best_pos = max((table.matches(s, r) for s in positives), default=-1)
            best_neg = max((table.matches(s, r) for s in ignore), default=-1)
            if best_neg >= 0 and best_neg >= best_pos:
                enabled.discard(r.id)
            elif best_pos >= 0:
                enabled.add(r.id)
    return enabled


def longest_match(table: RuleTable, mapping: Mapping[str, Any], r: Rule) -> Any:
    """The value of the most specific key of ``mapping`` (selectors) that matches rule ``r``, or None."""
    best, value = -1, None
    for key, v in mapping.items():
        m = table.matches(key, r)
        if m > best:
            best, value = m, v
    return value
