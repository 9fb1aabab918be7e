"""The engine: lint one Document, lint many paths (optionally in parallel), apply fixes.

It knows nothing about any particular rule: rules come from the plugin manager, their selection, severity and
options from the configuration.
"""

from __future__ import annotations

import gc
import os
import stat
from bisect import bisect_right
from operator import attrgetter
from time import perf_counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from . import suppress
from .config import ConfigError, Settings, find_config, load_settings, options_for
from .output.lang import t as _t
from .document import Document, merge_spans, register_views
from .fix import FixError, apply_edits, encodable_fixes, select_fixes, write_atomic
from .model import SEVERITY_RANK, Diagnostic, Finding, Fix, Rule
from .plugins import make_manager
from .readers import ReadError, builtin_readers, read_text
from .registry import RegistryError, RuleTable, longest_match, resolve_selection
from .triggers import LiteralScanner

MAX_FIX_ROUNDS = 10
MAX_FILE_BYTES = 256 * 1024 * 1024


class UsageError(Exception):
    """Exit code 2: bad arguments, paths or configuration. The message names what is at fault."""


@dataclass(frozen=True)
class Options:
    """Run options that come from the command line (they override the configuration file)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    config: str | None = None
    no_config: bool = False
    jobs: int | None = None
    disabled_plugins: tuple[str, ...] = ()
    force_exclude: bool = False  # apply `exclude` to files named explicitly too
    want_source: bool = True  # workers send each file's text back (only formats that show source lines need it)
    fix_read_only: bool = False  # --fix rewrites files whose mode forbids writing (else LNT001, file untouched)
    cross_file: bool = False  # after linting, compare the files of the run (lintkit/crossfile.py)


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic]
    original: str | None = None  # decoded text before fixes (set when fixing or diffing)
    fixed: str | None = None  # decoded text after fixes, when it differs
    fixes_applied: int = 0
    written: bool = False
    notice: str | None = None  # one-line notice for stderr (e.g. ".docx is not rewritten")
    fail_on: str = "error"
    source: str | None = None  # the final decoded text, for formatters that show source lines
    encoding: str = "utf-8"  # how the file was decoded (stdin --fix writes the fixed text back the same way)
    bom: bytes = b""

    @property
    def changed(self) -> bool:
        return self.fixed is not None and self.fixed != self.original


@dataclass
class RuleSet:
    """The rules enabled for one file, with their effective severity and options, and for each phase and text
    view the one scanner that finds the literals of all their triggers."""

    rules: list[tuple[Rule, str, dict[str, Any]]]
    settings: Settings
    enabled_ids: frozenset[str] = field(default_factory=frozenset)
    scanners: dict[tuple[int, str], LiteralScanner] = field(default_factory=dict)
    #: for each phase and view, the triggers each literal belongs to: after a scan, the triggers with a candidate
    #: are those of the literals found, so a rule none of whose literals occurs is skipped without looking at it
    triggers_of: dict[tuple[int, str], dict[str, tuple[Any, ...]]] = field(default_factory=dict)
    #: a trigger object that several rules declare (DOC001/DOC002) -> the index in ``rules`` of the last of them:
    #: its hits are computed once and kept until that rule has run
    last_user: dict[Any, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        triggers_of: dict[tuple[int, str], dict[str, list[Any]]] = {}
        users: dict[Any, list[int]] = {}
        for i, (r, _sev, _opts) in enumerate(self.rules):
            for t in r.triggers:
                users.setdefault(t, []).append(i)
                by_literal = triggers_of.setdefault((r.phase, t.view), {})
                for lit in t.literals:
                    by_literal.setdefault(lit, []).append(t)
        self.scanners = {key: LiteralScanner(by_literal) for key, by_literal in triggers_of.items()}
        self.triggers_of = {key: {lit: tuple(ts) for lit, ts in by_literal.items()}
                            for key, by_literal in triggers_of.items()}
        self.last_user = {t: at[-1] for t, at in users.items() if len(set(at)) > 1}


# ---------------------------------------------------------------------------------------------------------------
# engine-level pseudo rules, registered like any plugin's so that `lintkit rule LNT001` documents them

def _engine_rules() -> list[Rule]:
    def unreadable_file(doc):
        """文件无法读取或解码。

        为什么：无法读取的文件没有被检查，不能当作“没有问题”。
        错误示例：二进制文件改名为 .txt；既不是 UTF-8 也不是 GB18030 的字节；没有读权限的文件。
        正确写法：把文稿另存为 UTF-8 纯文本（.txt）、Markdown（.md）或 Word（.docx）。
        依据：lintkit 输入约定（DESIGN.md §9）。
        修复：无。退出码为 2。
        """
        return ()

    def rule_crashed(doc):
        """某条规则在此文件上运行出错（其他规则照常运行）。

        为什么：规则出错说明 lintkit 或插件有缺陷；该规则的结果缺失，因此退出码为 2。
        错误示例：第三方规则包在特殊输入上抛出异常。
        正确写法：请把消息中的规则编号和异常报告给该规则的维护者。
        依据：lintkit 引擎约定（DESIGN.md §4）。
        修复：无。
        """
        return ()

    def unused_suppression(doc):
        """抑制注释没有抑制任何问题。

        为什么：多余的 `<!-- lintkit: disable … -->` 会掩盖日后真正的问题，应当删除。
        错误示例：`<!-- lintkit: ignore-next-line DAT -->` 而下一行没有 DAT 问题。
        正确写法：删除该注释，或改为确实需要抑制的规则编号。
        依据：lintkit 抑制语法（DESIGN.md §8）。
        修复：无。
        """
        return ()

    return [
        Rule("LNT001", "unreadable-file", unreadable_file, severity="error", plugin="lintkit"),
        Rule("LNT002", "rule-crashed", rule_crashed, severity="error", plugin="lintkit"),
        Rule("LNT003", "unused-suppression", unused_suppression, severity="info", plugin="lintkit"),
    ]


def _register_views(pm) -> None:
    """Make the views of every plugin readable on Documents (a clash of names is a usage error)."""
    from .document import ViewSpec

    specs = []
    for impl in pm.hook.lintkit_register_views.get_hookimpls():
        plugin_name = pm.get_name(impl.plugin) or ""
        for v in impl.function() or ():
            spec = getattr(v, "lintkit_view", v)
            if not isinstance(spec, ViewSpec):
                raise RegistryError(f"plugin {plugin_name!r} registered {v!r}, which is not a view")
            spec.plugin = spec.plugin or plugin_name
            specs.append(spec)
    try:
        register_views(specs)
    except ValueError as exc:
        raise RegistryError(str(exc)) from None


class _EnginePlugin:
    from .hookspecs import hookimpl

    @hookimpl
    def lintkit_register_rules(self):
        return _engine_rules()

    @hookimpl
    def lintkit_register_readers(self):
        return builtin_readers()


# ---------------------------------------------------------------------------------------------------------------

class Linter:
    """Holds the rule table, readers and configuration cache for one run."""

    def __init__(self, options: Options = Options(), plugins: Iterable[object] = (), *,
                 load_entry_points: bool = True, pm=None) -> None:
        self.options = options
        if pm is None:
            pm = make_manager(options.disabled_plugins, extra=[_EnginePlugin(), *plugins],
                              load_entry_points=load_entry_points)
        else:
            if not any(isinstance(p, _EnginePlugin) for p in pm.get_plugins()):
                pm.register(_EnginePlugin())
        self.pm = pm
        self.table = RuleTable.from_manager(pm)
        _register_views(pm)
        self.readers: dict[str, Callable[[bytes, str], Document]] = {}
        for mapping in reversed(pm.hook.lintkit_register_readers()):
            self.readers.update({k.lower(): v for k, v in (mapping or {}).items()})
        # validate and normalise the command-line selectors (lowercase ids work as in the config file)
        norm = lambda sels: tuple(self.table.check_selector(x) for x in sels)  # noqa: E731
        options = replace(options, select=norm(options.select) if options.select is not None else None,
                          extend_select=norm(options.extend_select), ignore=norm(options.ignore))
        self.options = options
        self._settings_by_source: dict[Path | None, Settings] = {}
        self._settings_for_dir: dict[str, Settings] = {}
        self._config_dirs: dict[str, Path | None] = {}  # directory -> nearest configuration file (find_config)
        self._rulesets: dict[tuple[int, tuple[str, ...]], RuleSet] = {}
        self._forced: Settings | None = None
        #: when a dict, lint_document adds the seconds spent in each rule to it (scripts/bench.py --rules), and
        #: under "(scan)" those of the trigger scans (with the scanned view, when no rule computed it before)
        self.rule_timings: dict[str, float] | None = None
        if options.config:
            cfg = Path(options.config)
            if not cfg.is_file():
                raise ConfigError(_t(f"{cfg}：找不到配置文件", f"{cfg}: configuration file not found"))
            self._forced = self._load(cfg)
        elif options.no_config:
            self._forced = self._load(None)

    # -------------------------------------------------------------- configuration
    def _load(self, source: Path | None) -> Settings:
        key = Path(os.path.abspath(source)) if source is not None else None
        if key not in self._settings_by_source:
            settings = load_settings(key, self.table)
            self.pm.hook.lintkit_configure(settings=settings)
            self._settings_by_source[key] = settings
        return self._settings_by_source[key]

    def use_settings(self, settings: Settings) -> None:
        """Use ``settings`` for every file (no discovery), as ``--config FILE`` does with a loaded file: e.g. the
        settings of a :class:`lintkit.Config` built in code. Plugins' ``lintkit_configure`` hooks see them."""
        self.pm.hook.lintkit_configure(settings=settings)
        self._forced = settings
        self._settings_for_dir.clear()

    def settings_for(self, path: Path, *, is_file: bool = False) -> Settings:
        """The settings that apply to ``path`` (a file: those of its directory). ``is_file=True`` when the caller
        knows ``path`` is not a directory (saves a ``stat`` per file)."""
        if self._forced is not None:
            return self._forced
        directory = os.path.dirname(path) if is_file or not os.path.isdir(path) else os.fspath(path)
        try:
            key = os.path.abspath(directory)
        except OSError:
            key = directory
        try:
            return self._settings_for_dir[key]
        except KeyError:
            settings = self._settings_for_dir[key] = self._load(find_config(Path(key), self._config_dirs))
            return settings

    def fail_on(self, settings: Settings) -> str:
        return self.options.fail_on or settings.fail_on

    def ruleset(self, settings: Settings, path: Path | None) -> RuleSet:
        extra_ignores = tuple(settings.file_ignores(path)) if path is not None else ()
        key = (id(settings), extra_ignores)
        cached = self._rulesets.get(key)
        if cached is not None:
            return cached
        o = self.options
        layers = [
            (settings.select, settings.extend_select, settings.ignore + list(extra_ignores)),
            (list(o.select) if o.select is not None else None, list(o.extend_select), list(o.ignore)),
        ]
        enabled = resolve_selection(self.table, layers)
        rules = []
        for r in self.table.rules:
            if r.id not in enabled or r.id.startswith("LNT"):
                continue
            sev = longest_match(self.table, settings.severity, r) or r.severity
            rules.append((r, sev, options_for(settings, r)))
        rs = RuleSet(rules, settings, frozenset(enabled))
        self._rulesets[key] = rs
        return rs

    # -------------------------------------------------------------- linting one document
    def lint_document(self, doc: Document, ruleset: RuleSet) -> list[Diagnostic]:
        """The diagnostics of one document, sorted. The cyclic garbage collector is paused meanwhile: linting
        allocates many short-lived objects and hardly any reference cycles, and each collection would scan all
        the live findings again (a 10 MB file, 134,000 findings: 15 % of the time). Whatever cycles the rules
        leave are collected after the document, as usual."""
        if not gc.isenabled():
            return self._lint_document(doc, ruleset)
        gc.disable()
        try:
            return self._lint_document(doc, ruleset)
        finally:
            gc.enable()

    def _lint_document(self, doc: Document, ruleset: RuleSet) -> list[Diagnostic]:
        # the findings of each rule that produced some, in the order the rules ran (one entry per rule, not a tuple
        # per finding: a 10 MB file has ~130,000 findings, held until the rules are done)
        findings: list[tuple[Rule, str, list[Finding]]] = []
        crashes: list[Diagnostic] = []
        timings = self.rule_timings
        text_len = len(doc.text)
        scanners = ruleset.scanners
        triggers_of = ruleset.triggers_of
        positions: dict[str, dict[str, list[int]]] = {}  # view -> literal -> offsets, for the current phase
        live: set[Any] = set()  # the triggers of the current phase with a candidate in a view scanned so far
        # the hits of a trigger object that several rules declare (DOC001/DOC002), computed once and shared (which
        # is why a rule must not modify what it receives), until the last of those rules has run
        last_user = ruleset.last_user
        hits_of: dict[Any, list] = {}
        current_phase = None
        t0 = 0.0
        for index, (r, sev, opts) in enumerate(ruleset.rules):
            if r.phase != current_phase:
                if current_phase is not None:
                    # entering a later phase: mask what the earlier (residue) phase found
                    doc.add_masks((f.start, f.end) for rr, _, fs in findings if rr.masks for f in fs)
                current_phase = r.phase
                positions = {}
                live = set()
                hits_of = {}  # (a trigger declared in two phases is found again in the text the later one reads)
            try:
                if r.triggers:
                    for t in r.triggers:
                        view = t.view
                        if view not in positions:  # each view is scanned once per phase, for all rules
                            if timings is not None:
                                t0 = perf_counter()
                            found = positions[view] = scanners[(r.phase, view)].scan(getattr(doc, view))
                            by_literal = triggers_of[(r.phase, view)]
                            for lit in found:
                                live.update(by_literal[lit])
                            if timings is not None:  # (the view itself included, when no rule read it before)
                                timings["(scan)"] = timings.get("(scan)", 0.0) + perf_counter() - t0
                    if live.isdisjoint(r.triggers):
                        continue
                    if timings is not None:
                        t0 = perf_counter()
                    hits = []
                    for t in r.triggers:
                        if t not in live:
                            hits.append([])
                        elif t not in last_user:
                            hits.append(t.hits(getattr(doc, t.view), positions[t.view]))
                        else:
                            h = hits_of.get(t)
                            if h is None:
                                h = hits_of[t] = t.hits(getattr(doc, t.view), positions[t.view])
                            if last_user[t] == index:
                                del hits_of[t]
                            hits.append(h)
                    if not any(hits):  # (a pattern trigger whose candidates gave no match)
                        if timings is not None:
                            timings[r.id] = timings.get(r.id, 0.0) + perf_counter() - t0
                        continue
                    arg = tuple(hits) if r.several else hits[0]
                    produced = list(r.func(doc, arg, opts) if r.options else r.func(doc, arg))
                else:
                    if timings is not None:
                        t0 = perf_counter()
                    produced = list(r.func(doc, opts) if r.options else r.func(doc))
            except Exception as exc:  # isolate a crashing rule: LNT002, the other rules still run
                crashes.append(self._diag(doc, "LNT002", "rule-crashed", "error",
                                          f"规则 {r.id}（{r.name}）运行出错：{type(exc).__name__}: {exc}", 0, 0))
                continue
            if timings is not None:
                timings[r.id] = timings.get(r.id, 0.0) + perf_counter() - t0
            for k, f in enumerate(produced):
                if not (0 <= f.start <= f.end <= text_len):
                    crashes.append(self._diag(doc, "LNT002", "rule-crashed", "error",
                                              f"规则 {r.id}（{r.name}）给出了越界位置 {f.start}–{f.end}", 0, 0))
                    del produced[k:]  # (the findings before it are kept)
                    break
            if produced:
                findings.append((r, sev, produced))
        # the candidates of the scans (an offset per occurrence of every literal) are not needed any more
        positions = hits_of = live = hits = arg = produced = None  # type: ignore[assignment]
        findings = _resolve_overlaps(findings)
        # the rules are done: drop the masked/normalised copies of the text and the other views before the
        # diagnostics are built (on a large file they are tens of MB; peak memory is views + diagnostics)
        doc.release_views()
        diags = self._to_diags(doc, findings)
        diags = self._suppress(doc, ruleset, diags)
        diags.extend(crashes)
        return _sorted_unique(diags)

    def _to_diags(self, doc: Document, findings: list[tuple[Rule, str, list[Finding]]]) -> list[Diagnostic]:
        """Diagnostics with resolved positions (the hot path: one per finding), in the order of ``findings``: for
        each rule, its effective severity and its findings."""
        starts = doc.line_starts
        lines = doc.lines
        text = doc.text
        path = doc.path
        rank = SEVERITY_RANK
        # line numbers as shared int objects (ints above 256 are allocated anew each time they are computed: on a
        # file of 100,000 findings the separate copies cost megabytes)
        numbers = list(range(1, len(lines) + 1)) if len(lines) > 256 else None

        def position(offset: int) -> tuple[int, int]:
            idx = bisect_right(starts, offset) - 1
            start, end = lines[idx]
            return (numbers[idx] if numbers else idx + 1), (offset if offset <= end else end) - start + 1

        out: list[Diagnostic] = []
        for r, sev, fs in findings:
            rid, rname = r.id, r.name
            for i, f in enumerate(fs):
                s, e = f.start, f.end
                idx = bisect_right(starts, s) - 1
                ls, le = lines[idx]
                line, col = (numbers[idx] if numbers else idx + 1), (s if s <= le else le) - ls + 1
                if e <= le:  # same line (the usual case)
                    end_line, end_col = line, e - ls + 1
                else:
                    end_line, end_col = position(e)
                fix = f.fix
                fix_positions: tuple[tuple[int, int, int, int], ...] = ()
                if fix is not None:
                    fix_positions = tuple(position(x.start) + position(x.end) for x in fix.edits)
                severity = sev
                if f.severity is not None and rank[f.severity] < rank[sev]:
                    severity = f.severity  # a rule may lower one doubtful finding, never raise it above the configured level
                # converted in place: each Finding is freed as it is used
                fs[i] = Diagnostic(path, rid, rname, severity, f.message, s, e,  # type: ignore[call-overload]
                                   line, col, end_line, end_col, text[s:e], fix, fix_positions)
            out.extend(fs)  # type: ignore[arg-type]
            fs.clear()
        return out

    def _suppress(self, doc: Document, ruleset: RuleSet, diags: list[Diagnostic]) -> list[Diagnostic]:
        entries = [e for e in ruleset.settings.ignore_entries
                   if e.path is None or _path_matches(ruleset.settings, doc.path, e.path)]
        if entries:
            kept = []
            for d in diags:
                if any(_entry_covers(doc, e, d, self.table) for e in entries):
                    continue
                kept.append(d)
            diags = kept
        sup = suppress.parse(doc)
        if not sup.directives and not sup.errors:
            return diags
        kept = [d for d in diags if not sup.suppresses(d.line - 1, d.rule, d.name)]
        if "LNT003" in ruleset.enabled_ids:
            for start, end, message in sup.problems(ruleset.enabled_ids, self.table):
                kept.append(self._diag(doc, "LNT003", "unused-suppression", "info", message, start, end))
        return kept

    def _diag(self, doc: Document, rule: str, name: str, severity: str, message: str, start: int,
              end: int) -> Diagnostic:
        line, col = doc.position(start)
        end_line, end_col = doc.position(end)
        return Diagnostic(doc.path, rule, name, severity, message, start, end, line, col,  # type: ignore[arg-type]
                          end_line, end_col, doc.text[start:end])

    # -------------------------------------------------------------- linting files
    def read(self, data: bytes, display: str, suffix: str) -> Document:
        reader = self.readers.get(suffix.lower(), read_text)
        return reader(data, display)

    def unreadable(self, display: str, message: str) -> Diagnostic:
        """An LNT001 diagnostic at 1:1; ``message`` is the whole sentence."""
        return Diagnostic(display, "LNT001", "unreadable-file", "error", message, 0, 0, 1, 1, 1, 1, "")

    def lint_bytes(self, data: bytes, display: str, path: Path | None, suffix: str | None = None,
                   write_back: Callable[[Document, str], None] | None = None) -> FileResult:
        """Lint one file's bytes; with fix/diff options, compute (and with write_back, write) the fixed text."""
        settings = self.settings_for(path, is_file=True) if path is not None else \
            (self._forced or self.settings_for(Path.cwd()))
        fail_on = self.fail_on(settings)
        suffix = suffix if suffix is not None else (path.suffix if path is not None else ".txt")
        try:
            doc = self.read(data, display, suffix)
        except ReadError as exc:
            return FileResult(display, [self.unreadable(display, f"文件 {display} {exc}")], fail_on=fail_on)
        ruleset = self.ruleset(settings, path)
        if not (self.options.fix or self.options.diff):
            diags = self.lint_document(doc, ruleset)
            return FileResult(display, diags, fail_on=fail_on, source=doc.text if diags else None)
        if not doc.fixable:
            diags = self.lint_document(doc, ruleset)
            notice = None
            if (self.options.fix or self.options.diff) and any(d.fix for d in diags):
                if doc.kind == "docx":
                    notice = f"{display}: .docx 文件不会被自动修改（--fix 只改写 .txt 和 .md）"
                else:
                    notice = (f"{display}: 按 {doc.encoding} 编码写回不能保证其余字节不变，此文件不自动修改；"
                              f"请另存为 UTF-8 后再用 --fix")
            return FileResult(display, diags, fail_on=fail_on, notice=notice, source=doc.text)
        original = doc.text
        unencodable: set[str] = set()
        text, applied, diags = self.fix_document(doc, ruleset, unencodable)
        result = FileResult(display, diags, original=original, fixed=text, fixes_applied=applied, fail_on=fail_on,
                            source=text)
        if unencodable:
            from .output.lang import t

            chars = "、".join(f"“{c}”（U+{ord(c):04X}）" for c in sorted(unencodable))
            result.notice = t(f"{display}：{chars} 无法用 {doc.encoding} 编码，含有它的修复没有应用，其余修复照常",
                              f"{display}: {chars} cannot be encoded in {doc.encoding}; the fixes that insert it "
                              f"were skipped, the others applied")
        result.encoding, result.bom = doc.encoding, doc.bom
        if self.options.fix and not self.options.diff and result.changed and write_back is not None:
            try:
                write_back(doc, text)
                result.written = True
            except FixError as exc:
                # nothing was written: report against the original text, plus one LNT001 saying why
                original_doc = self.read(data, display, suffix)
                result.diagnostics = self.lint_document(original_doc, ruleset)
                result.diagnostics.append(self.unreadable(display, f"文件 {display} 的修复没有写入：{exc}"))
                result.fixed = None
                result.fixes_applied = 0
                result.source = original
        return result

    def fix_document(self, doc: Document, ruleset: RuleSet,
                     unencodable: set[str] | None = None) -> tuple[str, int, list[Diagnostic]]:
        """Apply fixes to a fixed point (at most MAX_FIX_ROUNDS rounds). Returns (text, fixes applied,
        remaining diagnostics of the final text). A fix whose new text the file's encoding cannot hold (a Big5
        file) is left out alone; its characters are added to ``unencodable``."""
        allowed = {"safe", "unsafe"} if self.options.unsafe_fixes else {"safe"}
        applied = 0
        current = doc
        diags = self.lint_document(current, ruleset)
        for _ in range(MAX_FIX_ROUNDS):
            candidates = [d.fix for d in diags if d.fix is not None and d.fix.applicability in allowed]
            if not doc.encoding.startswith("utf"):
                candidates = encodable_fixes(candidates, doc.encoding, unencodable)
            chosen = select_fixes(candidates)
            if not chosen:
                break
            round_edits = [e for f in chosen for e in f.edits]
            new_text = apply_edits(current.text, round_edits)
            if new_text == current.text:
                break
            applied += len(chosen)
            current = Document(new_text, doc.path, encoding=doc.encoding, bom=doc.bom, kind=doc.kind,
                               masks=_reader_masks(current, new_text, round_edits), fixable=doc.fixable)
            diags = self.lint_document(current, ruleset)
        return current.text, applied, diags


def _reader_masks(doc: Document, new_text: str, edits) -> list[tuple[int, int]]:
    """The reader's masks for the fixed text: Markdown is masked again from scratch; other readers' masks
    (e.g. a Word line break) are moved by the edits before them (a mask an edit touches is dropped)."""
    if doc.kind == "md":
        from .readers.md import markdown_masks

        return markdown_masks(new_text)
    if not doc._base_masks:
        return []
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    out = []
    i, delta = 0, 0
    for s, e in sorted(doc._base_masks):
        while i < len(ordered) and ordered[i].end <= s and not (ordered[i].start == ordered[i].end == s):
            delta += len(ordered[i].content) - (ordered[i].end - ordered[i].start)
            i += 1
        if i < len(ordered) and ordered[i].start < e and s <= ordered[i].end:
            continue  # an edit touches this mask
        out.append((s + delta, e + delta))
    return out


#: the sort key of diagnostics, least significant first: one stable sort per field gives the order of one sort by
#: (path, offset, rule, end_offset), without a key tuple per diagnostic (~15 MB on a file of 130,000 findings)
_SORT_KEYS = (attrgetter("end_offset"), attrgetter("rule"), attrgetter("offset"), attrgetter("path"))


def _sorted_unique(diags: list[Diagnostic]) -> list[Diagnostic]:
    """Sorted by (path, offset, rule, end offset), exact duplicates dropped. The sort is stable, so findings with
    the same key keep the order their rule produced them in (deterministic output)."""
    for key in _SORT_KEYS:
        diags.sort(key=key)
    out: list[Diagnostic] = []
    run_start = 0  # index in out of the first diagnostic with the current sort key
    for d in diags:
        if out:
            last = out[-1]
            if last.offset == d.offset and last.rule == d.rule and last.end_offset == d.end_offset \
                    and last.path == d.path:
                if any(x == d for x in out[run_start:]):
                    continue
            else:
                run_start = len(out)
        out.append(d)
    return out


def _resolve_overlaps(findings: list[tuple[Rule, str, list[Finding]]]) -> list[tuple[Rule, str, list[Finding]]]:
    """One finding per problem: a rule that declares ``supersedes`` removes the findings of the rules it
    supersedes whose span lies inside one of its own spans (the same problem, seen more specifically). A wider
    finding that merely overlaps (a whole-line summary) is kept. Linear after sorting: the superseding spans of
    each prefix are merged into disjoint intervals, and each candidate is checked with one binary search.
    ``findings``: for each rule, its severity and its findings (a rule's list is filtered in place)."""
    by_prefix: dict[str, list[tuple[int, int]]] = {}
    for r, _, fs in findings:
        for p in r.supersedes:
            by_prefix.setdefault(p, []).extend((f.start, max(f.end, f.start + 1)) for f in fs)
    if not by_prefix:
        return findings
    merged = {p: merge_spans(spans) for p, spans in by_prefix.items()}
    starts = {p: [s for s, _ in spans] for p, spans in merged.items()}
    for r, _sev, fs in findings:
        tests = [(starts[p], spans) for p, spans in merged.items() if p not in r.supersedes and r.id.startswith(p)]
        if not tests:
            continue
        kept = []
        for f in fs:
            dropped = False
            for at, spans in tests:
                i = bisect_right(at, f.start) - 1
                if i >= 0 and spans[i][0] <= f.start and max(f.end, f.start + 1) <= spans[i][1]:
                    dropped = True
                    break
            if not dropped:
                kept.append(f)
        fs[:] = kept
    return [group for group in findings if group[2]]


def _path_matches(settings: Settings, display: str, glob: str) -> bool:
    import fnmatch

    rel = settings.relpath(Path(display))
    return fnmatch.fnmatchcase(rel, glob) or fnmatch.fnmatchcase(display, glob) or \
        fnmatch.fnmatchcase(Path(display).name, glob)


def _entry_covers(doc: Document, entry, d: Diagnostic, table: RuleTable) -> bool:
    r = table.get(d.rule)
    if r is None or table.matches(entry.rule, r) < 0:
        return False
    text = doc.text
    needle = entry.text
    # only occurrences that could contain the finding: they start at most len(needle) before it
    start = max(0, d.end_offset - len(needle))
    stop = d.offset + len(needle)
    idx = text.find(needle, start, stop)
    while idx != -1:
        if idx <= d.offset and d.end_offset <= idx + len(needle):
            return True
        idx = text.find(needle, idx + 1, stop)
    return False


# ---------------------------------------------------------------------------------------------------------------
# paths

def collect(paths: Sequence[str], linter: Linter) -> tuple[list[tuple[str, Path]], list[str]]:
    """Expand files and directories into ``(display path, path)`` pairs; returns them and the usage errors
    (missing paths, directories without input files)."""
    suffixes = tuple(linter.readers)
    out: list[tuple[str, Path]] = []
    errors: list[str] = []
    seen: set[str] = set()
    from .output.lang import t

    for arg in paths:
        p = Path(arg)
        display_root = arg.replace(os.sep, "/")
        if not os.path.lexists(p):
            errors.append(t(f"{arg}：文件或目录不存在", f"{arg}: no such file or directory"))
            continue
        if p.is_dir():
            found = 0
            walk_errors: list[str] = []
            for file, display in _walk(p, display_root, suffixes, linter, walk_errors):
                key = _identity(file)
                if key not in seen:  # the same file twice (a symlink to a file in the tree): checked once
                    seen.add(key)
                    out.append((display, file))
                found += 1
            errors.extend(walk_errors)
            if not found and not walk_errors:
                errors.append(t(f"{arg}：没有找到可检查的文件（{', '.join('*' + s for s in suffixes)}）",
                                f"{arg}: no input file found (looked for {', '.join('*' + s for s in suffixes)})"))
            continue
        if linter.options.force_exclude and linter.settings_for(p).is_excluded(p):
            continue
        key = _identity(p)
        if key not in seen:
            seen.add(key)
            out.append((display_root, p))
    return out, errors


def _identity(path: Path) -> tuple[int, int] | str:
    """What makes two paths the same file: device and inode (a symlink and its target are one file)."""
    try:
        st = os.stat(path)
        return st.st_dev, st.st_ino
    except OSError:
        return os.path.abspath(path)


def _walk(root: Path, display_root: str, suffixes: tuple[str, ...], linter: Linter,
          errors: list[str] | None = None) -> Iterator[tuple[Path, str]]:
    """The input files below ``root``. A directory that cannot be listed is appended to ``errors`` with the
    system's reason (exit 2); the rest of the tree is still walked."""
    # Paths are built as strings (a pathlib.Path per entry costs more than reading a small file); a directory's
    # settings are looked up once for all of its files.
    from .output.lang import t

    prefix = "" if display_root in (".", "./") else display_root.rstrip("/") + "/"
    stack: list[tuple[str, str]] = [(os.fspath(root), "")]
    visited: set[tuple[int, int]] = set()
    while stack:
        d, rel_d = stack.pop()
        shown = (prefix + rel_d).rstrip("/") or display_root
        try:
            st = os.stat(d)
        except OSError as exc:
            if errors is not None:
                errors.append(t(f"{shown}：无法访问目录（{exc.strerror or exc}）",
                                f"{shown}: cannot open the directory ({exc.strerror or exc})"))
            continue
        ident = (st.st_dev, st.st_ino)
        if ident in visited:  # symlink loop
            continue
        visited.add(ident)
        try:
            with os.scandir(d) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            if errors is not None:
                errors.append(t(f"{shown}：无法读取目录（{exc.strerror or exc}），其中的文件没有检查",
                                f"{shown}: cannot read the directory ({exc.strerror or exc}); its files were not "
                                f"checked"))
            continue
        dir_settings = None
        subdirs = []
        for e in entries:
            name = e.name
            if name.startswith(".") or name in ("node_modules", "__pycache__"):
                continue
            try:
                is_dir = e.is_dir()
            except OSError:
                continue
            if not is_dir and (not name.lower().endswith(suffixes) or name.startswith("~$")):
                continue
            rel = rel_d + name
            if is_dir:
                settings = linter.settings_for(Path(e.path))
            else:
                if dir_settings is None:
                    dir_settings = linter.settings_for(Path(e.path), is_file=True)
                settings = dir_settings
            if settings.exclude and settings.is_excluded(Path(e.path)):
                continue
            if is_dir:
                subdirs.append((e.path, rel + "/"))
            else:
                yield Path(e.path), prefix + rel
        stack.extend(reversed(subdirs))


def read_file(path: Path) -> bytes:
    """Read a file's bytes; raises ReadError with a one-line reason."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise ReadError(f"无法打开（{exc.strerror or exc}）") from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadError("是目录，不是文件")
    if not stat.S_ISREG(st.st_mode):
        raise ReadError("不是普通文件")
    if st.st_size > MAX_FILE_BYTES:
        raise ReadError(f"太大（{st.st_size // (1024 * 1024)} MiB，上限 {MAX_FILE_BYTES // (1024 * 1024)} MiB）")
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as exc:
        raise ReadError(f"无法读取（{exc.strerror or exc}）") from None


def lint_file(linter: Linter, display: str, path: Path, cache=None) -> FileResult:
    """Read and lint one file; ``cache`` (a :class:`lintkit.resultcache.ResultCache`): reuse a stored result."""
    try:
        data = read_file(path)
    except ReadError as exc:
        settings = linter.settings_for(path)
        return FileResult(display, [linter.unreadable(display, f"文件 {display} {exc}")],
                          fail_on=linter.fail_on(settings))

    def write_back(doc: Document, text: str) -> None:
        write_atomic(path, data, doc, text, allow_read_only=linter.options.fix_read_only)

    if cache is not None:
        return cache.lint(display, path, data, write_back)
    return linter.lint_bytes(data, display, path, write_back=write_back)


# -------------------------------------------------------------- parallel
_WORKER: Linter | None = None
_WORKER_CACHE = None


def _worker_init() -> None:
    """Workers ignore SIGINT: Ctrl-C reaches the whole process group, and only the main process reports it
    (one line, exit 130) and ends the pool (a worker would print its own traceback)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _worker_lint(item: tuple[str, str]) -> FileResult:
    assert _WORKER is not None
    display, path = item
    result = lint_file(_WORKER, display, Path(path), _WORKER_CACHE)
    # diagnostics travel back as plain tuples: pickling slotted frozen dataclasses field by field costs the main
    # process more than building them again
    result.diagnostics = [_pack(d) for d in result.diagnostics]  # type: ignore[misc]
    if not _WORKER.options.want_source:
        result.source = None
    return result


def _pack(d: Diagnostic) -> tuple:
    f = d.fix
    return (d.path, d.rule, d.name, d.severity, d.message, d.offset, d.end_offset, d.line, d.column, d.end_line,
            d.end_column, d.text, None if f is None else
            (tuple((e.start, e.end, e.content) for e in f.edits), f.message, f.applicability), d.fix_positions)


def _unpack(result: FileResult) -> FileResult:
    from .model import Edit

    out = []
    for t in result.diagnostics:
        f = t[12]  # type: ignore[index]
        fix = None if f is None else Fix(tuple(Edit(*e) for e in f[0]), f[1], f[2])
        out.append(Diagnostic(*t[:12], fix, t[13]))  # type: ignore[misc]
    result.diagnostics = out
    return result


def cpu_count() -> int:
    """The CPUs this process may run on (its affinity mask, where the system has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def effective_jobs(jobs: int | None, n_files: int) -> int:
    """Worker processes for ``n_files`` files: ``jobs`` (default: every CPU when there are 16 files or more), never
    more than the CPUs (each worker holds a copy of the rules' tables; more than the CPUs only costs memory) nor
    the files."""
    cpus = cpu_count()
    if jobs is None:
        jobs = cpus if n_files >= 16 else 1
    return max(1, min(jobs, cpus, n_files))


def lint_files(linter: Linter, files: list[tuple[str, Path]], jobs: int | None = None,
               cache=None) -> list[FileResult]:
    """Lint files, in worker processes when there are many; results come back in input order. ``cache``: a
    :class:`lintkit.resultcache.ResultCache` (files whose result it holds are not linted again). With
    ``Options.cross_file``, the cross-file checks then run over all of them (in this process, in path order)."""
    results = _lint_files(linter, files, jobs, cache)
    if linter.options.cross_file:
        from .crossfile import cross_file_pass

        cross_file_pass(linter, files, results)
    return results


def _lint_files(linter: Linter, files: list[tuple[str, Path]], jobs: int | None = None,
                cache=None) -> list[FileResult]:
    if cache is not None and cache.lookups and effective_jobs(jobs, len(files)) > 1:
        # the stored results are looked up here; only the files that must be linted go to the workers
        results: list[FileResult | None] = []
        todo: list[int] = []
        for i, (d, p) in enumerate(files):
            hit = None
            try:
                hit = cache.lookup(d, p, read_file(p))[1]
            except ReadError:
                pass
            results.append(hit)
            if hit is None:
                todo.append(i)
        if todo:
            for i, r in zip(todo, _lint_files(linter, [files[i] for i in todo], jobs, cache=cache.for_misses())):
                results[i] = r
        return results  # type: ignore[return-value]
    jobs = effective_jobs(jobs, len(files))
    if jobs == 1:
        return [lint_file(linter, d, p, cache) for d, p in files]
    import multiprocessing

    global _WORKER, _WORKER_CACHE
    try:
        ctx = multiprocessing.get_context("fork")
    except ValueError:  # platforms without fork: lint in-process
        return [lint_file(linter, d, p, cache) for d, p in files]
    # Warm the per-directory configuration cache so every worker inherits it.
    for _, p in files:
        linter.settings_for(p)
    # Lint the first file here, before the fork: the patterns, word lists and tables the rules build on first
    # use are then built once and shared by every worker (copy-on-write), not once per worker.
    first = lint_file(linter, *files[0], cache)
    rest = files[1:]
    _WORKER, _WORKER_CACHE = linter, cache
    try:
        with ctx.Pool(jobs, initializer=_worker_init) as pool:
            chunk = max(1, len(rest) // (jobs * 8))
            # imap: results are unpacked here while the workers go on with later files
            return [first, *(_unpack(r) for r in pool.imap(_worker_lint, [(d, str(p)) for d, p in rest],
                                                            chunksize=chunk))]
    finally:
        _WORKER = _WORKER_CACHE = None
