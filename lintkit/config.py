"""Configuration: discovery, loading (with ``extend``), and strict validation.

Found by walking up from each file: ``lintkit.toml``, ``.lintkit.toml`` or ``[tool.lintkit]`` in
``pyproject.toml`` (in that order within one directory; the nearest directory wins). ``--config FILE`` overrides
discovery, ``--no-config`` disables it. Every error names the file, the key and what was expected.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from .model import SEVERITIES
from .output.lang import t
from .registry import RegistryError, RuleTable

CONFIG_NAMES = ("lintkit.toml", ".lintkit.toml", "pyproject.toml")

KNOWN_KEYS = {
    "select": "a list of rule ids, prefixes or names",
    "extend-select": "a list of rule ids, prefixes or names",
    "ignore": "a list of rule ids, prefixes or names, and/or {path, rule, text} tables",
    "fail-on": "one of error, warning, info",
    "exclude": "a list of glob patterns",
    "per-file-ignores": "a table of glob = [rule ids, prefixes or names]",
    "severity": "a table of rule id/prefix/name = error|warning|info",
    "rules": "a table of [rules.ID] option tables",
    "extend": "a path to another configuration file",
}


class ConfigError(Exception):
    """A configuration problem; the message names the file and the key."""


def _expected(path, key: str, what: str, got: str | None) -> str:
    """"PATH: key 'K': expected WHAT, got GOT" in the current language (WHAT and GOT stay as written: they are
    TOML values and type names)."""
    tail_zh = f"，实际是 {got}" if got is not None else ""
    tail_en = f", got {got}" if got is not None else ""
    return t(f"{path}：键 '{key}'：应为 {what}{tail_zh}", f"{path}: key '{key}': expected {what}{tail_en}")


@dataclass
class IgnoreEntry:
    """Silence one rule on one exact piece of text, optionally only in files matching ``path`` (a glob)."""

    rule: str
    text: str
    path: str | None = None


@dataclass
class Settings:
    source: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    ignore_entries: list[IgnoreEntry] = field(default_factory=list)
    fail_on: str = "error"
    exclude: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)

    def relpath(self, path: Path) -> str:
        """``path`` relative to the config root, ``/``-separated (for glob matching)."""
        try:
            rel = os.path.relpath(os.path.abspath(path), self.root)
        except ValueError:  # other drive on Windows
            rel = str(path)
        return PurePosixPath(*Path(rel).parts).as_posix() if rel != "." else ""

    def is_excluded(self, path: Path) -> bool:
        return bool(self.exclude) and _glob_any(self.exclude, self.relpath(path), path)

    def file_ignores(self, path: Path) -> list[str]:
        if not self.per_file_ignores:
            return []
        rel = self.relpath(path)
        out: list[str] = []
        for pattern, selectors in self.per_file_ignores.items():
            if _glob_any([pattern], rel, path):
                out.extend(selectors)
        return out


def _glob_any(patterns: list[str], rel: str, path: Path) -> bool:
    name = path.name
    for pat in patterns:
        p = pat.rstrip("/")
        if fnmatch.fnmatchcase(rel, p) or fnmatch.fnmatchcase(name, p):
            return True
        # "dir" or "dir/**" excludes everything below dir
        if rel == p or rel.startswith(p + "/") or fnmatch.fnmatchcase(rel, p + "/*"):
            return True
        if "/" not in p and any(fnmatch.fnmatchcase(part, p) for part in PurePosixPath(rel).parts[:-1]):
            return True
    return False


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(t(f"{path}：无法读取配置文件：{exc.strerror or exc}",
                            f"{path}: cannot read the configuration file: {exc.strerror or exc}")) from None
    import tomllib  # only when there is a configuration file to read

    try:
        return tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ConfigError(t(f"{path}：配置文件不是 UTF-8 编码", f"{path}: the configuration file is not UTF-8")) from None
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        if "end of document" in msg:
            lines = raw.decode("utf-8-sig", "replace").splitlines() or [""]
            msg = msg.replace("at end of document", f"at end of document, line {len(lines)}")
        raise ConfigError(t(f"{path}：TOML 格式错误：{msg}", f"{path}: invalid TOML: {msg}")) from None


def _section(path: Path, data: dict[str, Any]) -> dict[str, Any] | None:
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        if not isinstance(tool, dict) or "lintkit" not in tool:
            return None
        section = tool["lintkit"]
        if not isinstance(section, dict):
            raise ConfigError(t(f"{path}：[tool.lintkit] 必须是表", f"{path}: [tool.lintkit] must be a table"))
        return section
    return data


def find_config(start: Path, cache: dict[str, Path | None] | None = None) -> Path | None:
    """The nearest configuration file at or above directory ``start``.

    ``cache`` (directory → its answer) makes a walk linear: a directory's answer is its own file or its parent's
    answer, so each directory is looked at once however deep the tree. A directory whose entries cannot be
    examined (no search permission) is passed over: its files cannot be read either, and the walk reports it."""
    # the directory's own ancestors as written (not resolved through symlinks: resolving costs a system call per
    # path component, quadratic in the depth over a walk)
    directory = os.path.abspath(start)
    pending: list[str] = []
    found: Path | None = None
    d = directory
    while True:
        if cache is not None and d in cache:
            found = cache[d]
            break
        pending.append(d)
        here = _config_in(d)
        if here is not None:
            found = here
            break
        parent = os.path.dirname(d)
        if parent == d:
            break
        d = parent
    if cache is not None:
        for p in pending:
            cache[p] = found
    return found


def _config_in(directory: str) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = os.path.join(directory, name)
        try:
            st = os.stat(candidate)
        except OSError:  # absent, or the directory cannot be searched
            continue
        if not stat.S_ISREG(st.st_mode):
            continue
        if name == "pyproject.toml" and _section(Path(candidate), _read_toml(Path(candidate))) is None:
            continue
        return Path(candidate)
    return None


def load_settings(path: Path | None, table: RuleTable, *, _seen: tuple[Path, ...] = ()) -> Settings:
    """Load and validate one configuration file (``None``: the defaults)."""
    if path is None:
        return Settings(origins={k: "default" for k in ("select", "fail-on")})
    path = Path(os.path.abspath(path))
    if path in _seen:
        raise ConfigError(t(f"{path}：'extend' 形成了循环", f"{path}: 'extend' forms a cycle"))
    data = _read_toml(path)
    section = _section(path, data)
    if section is None:
        raise ConfigError(t(f"{path}：没有 [tool.lintkit] 表", f"{path}: no [tool.lintkit] table"))
    settings: Settings
    if "extend" in section:
        ext = section["extend"]
        if not isinstance(ext, str):
            raise ConfigError(_expected(path, "extend", KNOWN_KEYS["extend"], type(ext).__name__))
        base_path = (path.parent / os.path.expanduser(ext))
        if not base_path.is_file():
            raise ConfigError(t(f"{path}：键 'extend'：文件 {base_path} 不存在",
                                  f"{path}: key 'extend': no such file {base_path}"))
        settings = load_settings(base_path, table, _seen=_seen + (path,))
    else:
        settings = Settings()
    settings.source = path
    settings.root = path.parent
    _apply(settings, section, path, table)
    return settings


def _expect_list_of_str(value: Any, path: Path, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(_expected(path, key, "a list of strings", repr(value)))
    return list(value)


def _selectors(values: list[str], path: Path, key: str, table: RuleTable) -> list[str]:
    out = []
    for v in values:
        try:
            out.append(table.check_selector(v))
        except RegistryError as exc:
            raise ConfigError(t(f"{path}：键 '{key}'：{exc}", f"{path}: key '{key}': {exc}")) from None
    return out


def _apply(s: Settings, section: dict[str, Any], path: Path, table: RuleTable) -> None:
    where = str(path)
    for key, value in section.items():
        if key not in KNOWN_KEYS:
            hint = ""
            alt = key.replace("_", "-")
            if alt in KNOWN_KEYS:
                hint = t(f"（是不是 '{alt}'？）", f" (did you mean '{alt}'?)")
            raise ConfigError(t(f"{path}：未知的键 '{key}'{hint}；可用的键：{', '.join(sorted(KNOWN_KEYS))}",
                                f"{path}: unknown key '{key}'{hint}; known keys: {', '.join(sorted(KNOWN_KEYS))}"))
        if key == "extend":
            continue
        if key == "select":
            s.select = _selectors(_expect_list_of_str(value, path, key), path, key, table)
        elif key == "extend-select":
            s.extend_select = s.extend_select + _selectors(_expect_list_of_str(value, path, key), path, key, table)
        elif key == "ignore":
            if not isinstance(value, list):
                raise ConfigError(_expected(path, "ignore", KNOWN_KEYS["ignore"], repr(value)))
            for i, item in enumerate(value):
                if isinstance(item, str):
                    s.ignore.append(_selectors([item], path, key, table)[0])
                elif isinstance(item, dict):
                    s.ignore_entries.append(_ignore_entry(item, path, i, table))
                else:
                    raise ConfigError(_expected(path, f"ignore[{i}]", "a rule id or a table {rule, text, path}",
                                                     repr(item)))
        elif key == "fail-on":
            if value not in SEVERITIES:
                raise ConfigError(_expected(path, "fail-on", KNOWN_KEYS["fail-on"], repr(value)))
            s.fail_on = value
        elif key == "exclude":
            s.exclude = s.exclude + _expect_list_of_str(value, path, key)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(_expected(path, key, KNOWN_KEYS[key], repr(value)))
            for glob, sels in value.items():
                s.per_file_ignores[glob] = _selectors(
                    _expect_list_of_str(sels, path, f"per-file-ignores.{glob}"), path, f"per-file-ignores.{glob}",
                    table)
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(_expected(path, key, KNOWN_KEYS[key], repr(value)))
            for sel, sev in value.items():
                if sev not in SEVERITIES:
                    raise ConfigError(_expected(path, f"severity.{sel}", "error, warning or info", repr(sev)))
                s.severity[_selectors([sel], path, f"severity.{sel}", table)[0]] = sev
        elif key == "rules":
            if not isinstance(value, dict):
                raise ConfigError(_expected(path, key, KNOWN_KEYS[key], repr(value)))
            for rid, opts in value.items():
                r = table.get(rid)
                if r is None:
                    raise ConfigError(t(f"{path}：键 'rules.{rid}'：未知的规则编号或名称 {rid!r}",
                                        f"{path}: key 'rules.{rid}': unknown rule id or name {rid!r}"))
                if not isinstance(opts, dict):
                    raise ConfigError(_expected(path, f"rules.{rid}", "a table of options", repr(opts)))
                merged = dict(s.rule_options.get(r.id, {}))
                for opt, val in opts.items():
                    spec = r.options.get(opt)
                    if spec is None:
                        known = ", ".join(sorted(r.options)) or "none"
                        raise ConfigError(t(f"{path}：键 'rules.{rid}.{opt}'：{r.id} 没有这个选项（可用的选项：{known}）",
                                              f"{path}: key 'rules.{rid}.{opt}': unknown option of {r.id} "
                                              f"(known options: {known})"))
                    if not _type_ok(val, spec.type):
                        raise ConfigError(_expected(path, f"rules.{rid}.{opt}", _type_name(spec.type), repr(val)))
                    if spec.validate is not None:
                        try:
                            spec.validate(val)
                        except ValueError as exc:
                            raise ConfigError(t(f"{path}：键 'rules.{rid}.{opt}'：{exc}", f"{path}: key 'rules.{rid}.{opt}': {exc}")) from None
                    merged[opt] = val
                s.rule_options[r.id] = merged
        s.origins[key] = where


def _ignore_entry(item: dict[str, Any], path: Path, i: int, table: RuleTable) -> IgnoreEntry:
    unknown = set(item) - {"rule", "text", "path"}
    if unknown:
        raise ConfigError(t(f"{path}：键 'ignore[{i}]'：未知的字段 {', '.join(sorted(unknown))}；应为 rule、text，可选 path",
                            f"{path}: key 'ignore[{i}]': unknown field(s) {', '.join(sorted(unknown))}; "
                            f"expected rule, text and optionally path"))
    if not isinstance(item.get("rule"), str) or not isinstance(item.get("text"), str) or not item["text"]:
        raise ConfigError(_expected(path, f"ignore[{i}]", "string fields 'rule' and 'text' (non-empty)", None))
    if "path" in item and not isinstance(item["path"], str):
        raise ConfigError(_expected(path, f"ignore[{i}].path", "a glob string", None))
    rule = _selectors([item["rule"]], path, f"ignore[{i}].rule", table)[0]
    return IgnoreEntry(rule=rule, text=item["text"], path=item.get("path"))


def _type_ok(value: Any, typ: type | tuple[type, ...]) -> bool:
    types = typ if isinstance(typ, tuple) else (typ,)
    if isinstance(value, bool) and bool not in types:
        return False
    if list in types and isinstance(value, list):
        return True
    return isinstance(value, types)


def _type_name(typ: type | tuple[type, ...]) -> str:
    types = typ if isinstance(typ, tuple) else (typ,)
    names = {str: "a string", int: "an integer", float: "a number", bool: "true or false", list: "a list"}
    return " or ".join(names.get(t, t.__name__) for t in types)


def options_for(settings: Settings, rule) -> dict[str, Any]:
    """The option values of ``rule``: declared defaults overridden by the configuration."""
    values = {name: spec.default for name, spec in rule.options.items()}
    values.update(settings.rule_options.get(rule.id, {}))
    return values


# ---------------------------------------------------------------------------------------------------------------
# configuration built in code

CONFIG_LABEL = "lintkit.Config"
_PY_KEYS = {k.replace("-", "_"): k for k in KNOWN_KEYS}


def settings_from_mapping(section: dict[str, Any], table: RuleTable, *, root: Path | None = None,
                          label: str = CONFIG_LABEL) -> Settings:
    """Settings from a mapping with the keys of a configuration file (``extend-select``, ``[rules.ID]`` tables
    …), validated by the same code as a file; errors name ``label`` where a file's errors name the file.
    ``root``: the directory that ``exclude``, ``per-file-ignores`` and ``extend`` are relative to (default: the
    working directory)."""
    base = Path(os.path.abspath(root if root is not None else Path.cwd()))
    if "extend" in section:
        ext = section["extend"]
        if not isinstance(ext, (str, os.PathLike)):
            raise ConfigError(_expected(label, "extend", KNOWN_KEYS["extend"], type(ext).__name__))
        base_path = base / os.path.expanduser(os.fspath(ext))
        if not base_path.is_file():
            raise ConfigError(t(f"{label}：键 'extend'：文件 {base_path} 不存在",
                                f"{label}: key 'extend': no such file {base_path}"))
        settings = load_settings(base_path, table)
    else:
        settings = Settings()
    settings.source = None
    settings.root = base
    _apply(settings, section, label, table)  # type: ignore[arg-type]  # a label names the source in messages
    return settings


def _plain(value: Any) -> Any:
    """Tuples as lists (the TOML reader's types), recursively, so that ``select=("SPC",)`` is accepted."""
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class Config:
    """A configuration built in code, without a file: the keys of ``lintkit.toml`` as keyword arguments
    (``-`` spelled ``_``)::

        cfg = lintkit.Config(select=["SPC", "PUN"], ignore=["SPC003"], severity={"SPC004": "info"},
                             rules={"SPC003": {"profile": "latin-spacing"}})

    It is validated when it is made, by the same code that validates a configuration file, against the installed
    rule packs (an unknown key, rule id, option or a wrong type raises :class:`ConfigError`).
    ``Config.from_mapping({...})`` takes the file's own key spelling (``"extend-select"``). ``root`` is the
    directory that ``exclude``/``per-file-ignores`` globs and ``extend`` are relative to (default: the working
    directory when the configuration is used). Instances are values: equal when their keys are equal, hashable,
    and picklable (for Spark or Dask tasks)."""

    def __init__(self, *, root: str | os.PathLike | None = None, validate: bool = True, **keys: Any) -> None:
        section: dict[str, Any] = {}
        for name, value in keys.items():
            if value is None:
                continue
            key = _PY_KEYS.get(name, name)
            section[key] = _plain(value)
        self._section = section
        self.root = os.fspath(root) if root is not None else None
        if validate:
            from .plugins import default_manager

            self.settings(RuleTable.from_manager(default_manager()))

    @classmethod
    def from_mapping(cls, mapping: dict[str, Any], *, root: str | os.PathLike | None = None,
                     validate: bool = True) -> "Config":
        """A configuration from a mapping spelled like the file (``{"extend-select": [...], "rules": {...}}``)."""
        if not isinstance(mapping, dict):
            raise ConfigError(t(f"{CONFIG_LABEL}：应为键的表，实际是 {type(mapping).__name__}",
                                f"{CONFIG_LABEL}: expected a table of keys, got {type(mapping).__name__}"))
        obj = cls.__new__(cls)
        obj._section = _plain(dict(mapping))
        obj.root = os.fspath(root) if root is not None else None
        if validate:
            from .plugins import default_manager

            obj.settings(RuleTable.from_manager(default_manager()))
        return obj

    def settings(self, table: RuleTable) -> Settings:
        """The validated settings against ``table`` (a linter's rules)."""
        return settings_from_mapping(self._section, table, root=Path(self.root) if self.root else None)

    def as_dict(self) -> dict[str, Any]:
        """The keys as a configuration file spells them."""
        return _plain(dict(self._section))

    def _key(self) -> str:
        import json

        return json.dumps([self._section, self.root], sort_keys=True, ensure_ascii=False, default=repr)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Config) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        args = ", ".join(f"{k.replace('-', '_')}={v!r}" for k, v in self._section.items())
        return f"Config({args}{', root=' + repr(self.root) if self.root else ''})"
