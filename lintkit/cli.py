"""Command line: argument parsing and exit codes only (DESIGN.md §5–6).

Exit codes: 0 nothing at or above the failure level; 1 something is; 2 usage/configuration error, unknown rule,
missing path, no input file, an unreadable file (LNT001) or a crashed rule (LNT002).
"""

from __future__ import annotations

import argparse
import difflib
import io
import json
import os
import re
import sys
from operator import attrgetter
from pathlib import Path
from typing import Sequence

from . import __version__
from .config import ConfigError
from .model import SEVERITY_RANK
from .output.lang import fix_kind, n_, set_lang, severity, t

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors: one line on stderr, exit 2
        self.print_usage(sys.stderr)
        sys.stderr.write(f"lintkit: error: {message}\n")
        raise SystemExit(EXIT_ERROR)


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="lintkit", description="A linter for Chinese report drafts (工作总结、计划、汇报、通知).")
    p.add_argument("--version", action="version", version=f"lintkit {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    c = sub.add_parser("check", help="check files and directories (*.txt *.md *.docx)")
    c.add_argument("paths", nargs="*", metavar="PATH", help="files or directories; '-' reads standard input")
    c.add_argument("--format", choices=["text", "concise", "json", "jsonl", "sarif", "github", "html"], default=None,
                   help="output format (default: text; html: a review page for the writers)")
    c.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    c.add_argument("--select", type=_csv, action="append", help="rule ids, prefixes or names (replaces config)")
    c.add_argument("--extend-select", type=_csv, action="append", default=[], help="add rules to the selection")
    c.add_argument("--ignore", type=_csv, action="append", default=[], help="rules to ignore")
    c.add_argument("--fix", action="store_true", help="apply safe fixes and write the files")
    c.add_argument("--unsafe-fixes", action="store_true", help="with --fix/--diff: also apply unsafe fixes")
    c.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    c.add_argument("--fail-on", choices=["error", "warning", "info"], help="lowest severity that fails the run")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    c.add_argument("--exit-non-zero-on-fix", action="store_true", help="exit 1 when --fix changed a file")
    c.add_argument("--statistics", action="store_true", help="print counts per rule instead of each finding")
    c.add_argument("--config", metavar="FILE", help="use this configuration file (no discovery)")
    c.add_argument("--no-config", action="store_true", help="ignore all configuration files")
    c.add_argument("--stdin-filename", metavar="NAME", help="the name to report (and configure) stdin as")
    c.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: CPUs, for many files)")
    c.add_argument("--quiet", "-q", action="store_true",
                   help="text/concise: print only the problems (no summary; nothing at all when clean)")
    c.add_argument("--force-exclude", action="store_true",
                   help="apply the configured exclude to files named on the command line too (pre-commit)")
    c.add_argument("--disable-plugin", action="append", default=[], metavar="NAME",
                   help="do not load this plugin (e.g. 'builtin')")
    c.add_argument("--cross-file", action="store_true",
                   help="also compare the files of this run: a name or figure that differs between them (CON006)")
    c.add_argument("--no-cache", action="store_true", help="lint every file again (do not read or write the "
                   "result cache)")
    c.add_argument("--cache-dir", metavar="DIR", help="keep the result cache in DIR (default: results/ in "
                   "$LINTKIT_CACHE_DIR, $XDG_CACHE_HOME/lintkit or ~/.cache/lintkit)")
    c.add_argument("--scheduler", metavar="ADDRESS", help="run the check on a Dask distributed cluster "
                   "(pip install 'lintkit[dask]'), e.g. tcp://10.0.0.5:8786")
    c.add_argument("--baseline", metavar="FILE", help="report only findings that are not recorded in FILE")
    c.add_argument("--update-baseline", action="store_true",
                   help="with --baseline FILE: record the findings of this run in FILE (and report none of them)")
    c.add_argument("--fix-read-only", action="store_true",
                   help="with --fix: also rewrite files whose mode forbids writing (default: LNT001, untouched)")

    r = sub.add_parser("rule", help="show a rule's documentation")
    r.add_argument("rule", nargs="?", metavar="ID|NAME")
    r.add_argument("--all", action="store_true", help="all rules")
    r.add_argument("--format", choices=["text", "json"], default="text")

    rs = sub.add_parser("rules", help="list all rules")
    rs.add_argument("--format", choices=["text", "json"], default="text")

    from .review import add_subparser as add_review  # python-docx is imported only when a review runs

    add_review(sub, _csv)

    cf = sub.add_parser("config", help="show the effective configuration and where each value came from")
    cf.add_argument("path", nargs="?", default=".", metavar="PATH")
    cf.add_argument("--config", metavar="FILE")
    cf.add_argument("--no-config", action="store_true")
    cf.add_argument("--format", choices=["text", "json"], default="text")

    ls = sub.add_parser("lsp", help="run the language server on stdio (needs the extra: pip install 'lintkit[lsp]')")
    ls.add_argument("--config", metavar="FILE", help="use this configuration file (no discovery)")
    ls.add_argument("--no-config", action="store_true", help="ignore all configuration files")
    for parser in (c, r, rs, cf, ls, *(x for name, x in sub.choices.items() if name == "review")):
        parser.add_argument("--lang", choices=["zh", "en"], default=None,
                            help="language of lintkit's own output (default: zh, or en when LC_ALL/LANG is English)")
    return p


def _flat(lists: list[list[str]] | None) -> tuple[str, ...] | None:
    if lists is None:
        return None
    return tuple(x for sub in lists for x in sub)


def _err(message: str) -> None:
    """One line on stderr. A message that echoes a huge argument (a 100 KB selector) is cut in the middle."""
    message = " ".join(message.splitlines())
    if len(message) > 400:
        cut = len(message) - 300
        message = message[:240] + t(f"…（省略 {cut} 个字符）…", f"… ({cut} characters left out) …") + message[-60:]
    sys.stderr.write(f"lintkit: {message}\n")


def _clip(value: str, limit: int = 80) -> str:
    """A user's argument as echoed in an error: at most ``limit`` characters (a 100 KB selector is not repeated)."""
    return value if len(value) <= limit else value[:limit] + f"…（+{len(value) - limit}）"


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, usage errors: return the code instead of exiting
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    set_lang(getattr(args, "lang", None))
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "rule":
            return _rule(args)
        if args.command == "rules":
            return _rules(args)
        if args.command == "config":
            return _config(args)
        if args.command == "lsp":
            return _lsp(args)
        if args.command == "review":
            from .review import main as review_main

            return review_main(args)
    except KeyboardInterrupt:
        _err(t("已中断", "interrupted"))
        return 130
    except BrokenPipeError:  # `lintkit rules | head`: the reader has what it wanted
        _silence_stdout()
        return EXIT_OK
    return EXIT_ERROR


def _silence_stdout() -> None:
    """After a broken pipe: send whatever is still buffered for stdout (and its flush at exit) to /dev/null, so
    Python prints no 'Exception ignored … BrokenPipeError' at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
    try:
        sys.stdout = io.TextIOWrapper(open(os.devnull, "wb"), encoding="utf-8")
    except OSError:
        pass


def _linter(options):
    from .engine import Linter
    from .plugins import PluginError
    from .registry import RegistryError

    try:
        return Linter(options)
    except (ConfigError, RegistryError, PluginError) as exc:
        _err(str(exc))
        return None


def _stdout() -> io.TextIOBase:
    # always UTF-8, whatever the locale: the output contains Chinese text
    if hasattr(sys.stdout, "reconfigure"):
        try:
            sys.stdout.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
        except (ValueError, OSError):
            pass
    return sys.stdout


def _tune_gc() -> None:
    """A check run keeps every diagnostic until the report is written and makes few reference cycles, so with the
    default thresholds the cyclic collector scanned the growing heap again and again (12–15 % of the time on the
    10 MB benchmark, 80,000 findings). What is loaded before the run (modules, rules, word lists) is frozen out of
    its scans, and it runs after 100,000 new objects instead of 700; workers inherit both by fork."""
    import gc

    gc.freeze()
    gc.set_threshold(100_000, 50, 100)


def _check(args) -> int:
    from .engine import Options, collect, lint_files
    from .output import Report, render

    if args.stdin_filename and args.paths not in (["-"], []):
        if "-" not in args.paths:
            _err(t("--stdin-filename 需要路径 '-'（标准输入）", "--stdin-filename needs PATH '-' (standard input)"))
            return EXIT_ERROR
    if args.jobs is not None and args.jobs < 1:
        _err(t("--jobs 至少为 1", "--jobs must be at least 1"))
        return EXIT_ERROR
    if args.config and args.no_config:
        _err(t("--config 与 --no-config 不能同时使用", "--config and --no-config exclude each other"))
        return EXIT_ERROR
    if args.scheduler and args.fix and not args.diff:
        _err(t("--fix 不能与 --scheduler 同用（集群不写文件）；请用 --diff",
               "--fix cannot be combined with --scheduler (the cluster does not write files); use --diff"))
        return EXIT_ERROR
    if args.update_baseline and not args.baseline:
        _err(t("--update-baseline 需要 --baseline FILE（要写入的文件）",
               "--update-baseline needs --baseline FILE (the file to write)"))
        return EXIT_ERROR
    if args.update_baseline and args.diff:
        _err(t("--update-baseline 不能与 --diff 同用（预览不记录任何结果）",
               "--update-baseline cannot be combined with --diff (nothing is recorded from a preview)"))
        return EXIT_ERROR
    for flag, lists in (("--select", args.select), ("--extend-select", args.extend_select or None),
                        ("--ignore", args.ignore or None)):
        if lists is not None and not _flat(lists):
            _err(t(f"{flag} 至少需要一个规则编号、前缀或名称", f"{flag} needs at least one rule id, prefix or name"))
            return EXIT_ERROR
    baseline = None
    if args.baseline:
        from .baseline import Baseline, BaselineError

        try:
            baseline = Baseline.load(args.baseline) if not (args.update_baseline and
                                                             not os.path.exists(args.baseline)) \
                else Baseline(Path(args.baseline))
        except BaselineError as exc:
            _err(str(exc))
            return EXIT_ERROR
    paths = args.paths or (["-"] if args.stdin_filename else ["."])
    options = Options(
        select=_flat(args.select), extend_select=_flat(args.extend_select) or (), ignore=_flat(args.ignore) or (),
        fail_on=args.fail_on, fix=args.fix, unsafe_fixes=args.unsafe_fixes, diff=args.diff, config=args.config,
        no_config=args.no_config, jobs=args.jobs, disabled_plugins=tuple(args.disable_plugin),
        force_exclude=args.force_exclude, fix_read_only=args.fix_read_only,
        # source text: for the formats that show it, and for the baseline's context of each finding
        want_source=(args.format or "text") in ("text", "sarif", "html") or bool(args.baseline),
        cross_file=args.cross_file,
    )
    linter = _linter(options)
    if linter is None:
        return EXIT_ERROR
    _tune_gc()
    exit_code = EXIT_OK
    results = []
    stdin_result = None
    stdin_data = b""
    try:
        file_paths = [p for p in paths if p != "-"]
        files, errors = collect(file_paths, linter)
        for e in errors:
            _err(e)
            exit_code = EXIT_ERROR
        if "-" in paths:
            data = sys.stdin.buffer.read() if sys.stdin is not None else b""
            stdin_data = data
            display = args.stdin_filename or "-"
            cfg_path = Path(args.stdin_filename) if args.stdin_filename else None
            suffix = Path(args.stdin_filename).suffix if args.stdin_filename else ".txt"
            stdin_result = linter.lint_bytes(data, display, cfg_path, suffix=suffix)
            results.append(stdin_result)
        if args.output and any(_same_file(args.output, str(p)) for _, p in files):
            _err(t(f"{args.output}：--output 指向了一个输入文件，拒绝覆盖",
                   f"{args.output}: --output names one of the input files; refusing to overwrite it"))
            return EXIT_ERROR
        if files and args.scheduler:
            from .distributed import SchedulerError, lint_files_on

            try:
                on_cluster = list(lint_files_on(args.scheduler, linter, files))
            except SchedulerError as exc:
                _err(str(exc))
                return EXIT_ERROR
            if options.cross_file:
                from .crossfile import cross_file_pass

                cross_file_pass(linter, files, on_cluster)
            results.extend(on_cluster)
        elif files:
            results.extend(lint_files(linter, files, args.jobs, cache=_result_cache(args, linter)))
    except ConfigError as exc:
        _err(str(exc))
        return EXIT_ERROR

    _notices(results)

    diff_changed = 0
    diagnostics: list = []
    fmt = args.format or "text"
    report_stream = sys.stdout
    try:  # a reader that stops early (| head) ends the output, not the run: the exit code is still computed
        out = _stdout()
        if args.diff:
            fixes = 0
            for r in results:
                if r.changed:
                    diff_changed += 1
                    fixes += r.fixes_applied
                    out.writelines(difflib.unified_diff(_split_lines(r.original), _split_lines(r.fixed),
                                                        fromfile=f"a/{r.path}", tofile=f"b/{r.path}"))
                    if not r.fixed.endswith(("\n", "\r")):
                        out.write("\n\\ No newline at end of file\n")
            _err(t(f"{fixes} 处修复将改动 {diff_changed} 个文件。",
                   f"{n_(fixes, 'fix', 'fixes')} would change {n_(diff_changed, 'file')}."))

        report_stream = out
        if stdin_result is not None and args.fix and not args.diff:
            # fixing stdin: the fixed text (or, when it could not be read, the input unchanged) goes to stdout in the
            # input's own encoding; the report goes to stderr
            out.flush()
            if stdin_result.fixed is not None:
                sys.stdout.buffer.write(stdin_result.bom + stdin_result.fixed.encode(stdin_result.encoding))
            else:
                sys.stdout.buffer.write(stdin_data)
            sys.stdout.buffer.flush()
            report_stream = sys.stderr

        if baseline is not None:
            code = _apply_baseline(baseline, results, args.update_baseline, quiet=args.diff)
            if code is not None:
                return code
        # files in path order, each already sorted: the global sort then only confirms runs (Timsort), with a C key
        diagnostics = sorted((d for r in sorted(results, key=attrgetter("path")) for d in r.diagnostics),
                             key=attrgetter("path", "offset", "rule", "end_offset"))
        fmt = args.format or "text"
        report = Report(
            diagnostics=diagnostics, files_checked=len(results),
            sources={r.path: r.source for r in results if r.source is not None}
            if fmt in ("text", "sarif", "html") else {},
            rules={r.id: r for r in linter.table.rules} if fmt == "sarif" else {},
            fixed=sum(r.fixes_applied for r in results if (r.written or (r is stdin_result and args.fix))),
            fixable=sum(1 for d in diagnostics if d.fix is not None and d.fix.applicability == "safe"),
            unsafe_fixable=sum(1 for d in diagnostics if d.fix is not None and d.fix.applicability == "unsafe"),
            fix_mode=args.fix, statistics=args.statistics, quiet=args.quiet,
        )
        nothing_checked = not results and fmt in ("text", "concise")
        if args.diff:
            pass  # the diff is the output
        elif args.output:  # the report goes to a file (written whole, then moved into place)
            try:
                _write_report(args.output, fmt, report)
            except OSError as exc:
                _err(t(f"{args.output}：无法写入报告（{exc.strerror or exc}）",
                       f"{args.output}: cannot write the report ({exc.strerror or exc})"))
                return EXIT_ERROR
        elif not (args.quiet and fmt in ("text", "concise") and not diagnostics) and not nothing_checked:
            render(fmt, report, report_stream)
        report_stream.flush()
    except BrokenPipeError:
        _silence_stdout()
        if not diagnostics:
            diagnostics = [d for r in results for d in r.diagnostics]

    failures = [d for d in diagnostics if d.rule in ("LNT001", "LNT002")]
    if failures:
        # code 2: say why on stderr too (unless a human already reads the report on this terminal)
        shown = fmt in ("text", "concise") and not args.diff and report_stream.isatty()
        if not shown:
            for d in failures:
                _err(f"{d.path}: {d.message}")
        return EXIT_ERROR
    if exit_code:
        return exit_code
    if args.exit_zero:
        return EXIT_OK
    if args.diff and diff_changed:
        return EXIT_FINDINGS
    changed_files = any(r.written for r in results) or (
        stdin_result is not None and args.fix and stdin_result.changed)
    if args.fix and args.exit_non_zero_on_fix and changed_files:
        return EXIT_FINDINGS
    for r in results:
        threshold = SEVERITY_RANK[r.fail_on]
        if any(SEVERITY_RANK[d.severity] >= threshold for d in r.diagnostics):
            return EXIT_FINDINGS
    return EXIT_OK


def _result_cache(args, linter):
    """The result cache of this run (None with --no-cache or LINTKIT_NO_CACHE, unless --cache-dir names one)."""
    if args.no_cache:
        return None
    from .resultcache import ResultCache

    cache = ResultCache(linter, args.cache_dir)
    return cache if cache.directory is not None else None


def _split_lines(text: str) -> list[str]:
    """Lines with their own break kept (\\r\\n, \\r or \\n only: not form feeds or U+2028, which
    str.splitlines would split on and so produce a malformed patch)."""
    return [x for x in re.split(r"(?<=\n)|(?<=\r)(?!\n)", text) if x]


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.exists(a) and os.path.samefile(a, b)
    except OSError:
        return False


def _notices(results) -> None:
    """Notices for stderr; the one about .docx files under --fix is printed once for the whole run."""
    docx = [r.path for r in results if r.notice and r.path.lower().endswith(".docx")]
    for r in results:
        if r.notice and r.path not in docx:
            _err(r.notice)
    if docx:
        shown = ", ".join(docx[:3]) + (t(f" …（共 {len(docx)} 个）", f" … ({len(docx)} in all)") if len(docx) > 3 else "")
        _err(t(f".docx 文件不会被自动修改（--fix 只改写 .txt 和 .md），请在 Word 中修改：{shown}",
               f".docx files are never rewritten (--fix rewrites .txt and .md only); edit them in Word: {shown}"))


def _apply_baseline(baseline, results, update: bool, quiet: bool = False) -> int | None:
    """Drop baselined findings from ``results`` (or record them with --update-baseline); a code to exit with
    when the baseline file cannot be written, else None."""
    from .baseline import BaselineError

    if update:
        recorded = baseline.update(results)
        try:
            baseline.save()
        except BaselineError as exc:
            _err(str(exc))
            return EXIT_ERROR
        _err(t(f"基线 {baseline.path}：记录了 {len(results)} 个文件的 {recorded} 个问题",
               f"baseline {baseline.path}: recorded {n_(recorded, 'finding')} of {n_(len(results), 'file')}"))
    dropped, stale = baseline.filter(results)
    if not update and not quiet:
        if dropped:
            _err(t(f"基线 {baseline.path}：{dropped} 个已知问题未显示",
                   f"baseline {baseline.path}: {n_(dropped, 'known finding')} not shown"))
        if stale:
            _err(t(f"基线 {baseline.path}：记录的 {stale} 个问题已不再出现（已修复？用 --update-baseline 删去）",
                   f"baseline {baseline.path}: {n_(stale, 'recorded finding')} no longer "
                   f"{'occurs' if stale == 1 else 'occur'} (fixed? run with --update-baseline to drop them)"))
    return None


def _lsp(args) -> int:
    try:
        from .lsp import serve
    except ImportError as exc:
        _err(t(f"语言服务器需要 pygls：pip install 'lintkit[lsp]'（{exc}）",
               f"the language server needs pygls: pip install 'lintkit[lsp]' ({exc})"))
        return EXIT_ERROR
    if args.config and args.no_config:
        _err(t("--config 与 --no-config 不能同时使用", "--config and --no-config exclude each other"))
        return EXIT_ERROR
    return serve(config=args.config, no_config=args.no_config)
def _write_report(target: str, fmt: str, report) -> None:
    from .fix import open_new
    from .output import render

    with open_new(target, text=True) as fh:  # streamed: a report of 100,000 findings is not built in memory
        render(fmt, report, fh)


# ---------------------------------------------------------------------------------------------------------------

def _rule_json(r) -> dict:
    return {"id": r.id, "name": r.name, "family": r.family, "severity": r.severity, "fix": r.fix,
            "default": r.default, "plugin": r.plugin, "summary": r.summary, "doc": _dedent_doc(r.doc),
            "options": {k: {"type": _type_label(v.type), "default": v.default, "help": v.help}
                        for k, v in r.options.items()}}


def _type_label(t) -> str:
    types = t if isinstance(t, tuple) else (t,)
    return "|".join(x.__name__ for x in types)


def _rule(args) -> int:
    from .engine import Options

    linter = _linter(Options())
    if linter is None:
        return EXIT_ERROR
    table = linter.table
    if args.all:
        chosen = list(table.rules)
    elif args.rule:
        r = table.get(args.rule)
        if r is None:
            _err(t(f"未知的规则编号或名称 {_clip(args.rule)!r}（见 lintkit rules）",
                   f"unknown rule id or name {_clip(args.rule)!r} (see 'lintkit rules')"))
            return EXIT_ERROR
        chosen = [r]
    else:
        _err(t("rule：请给出规则编号或名称，或用 --all", "rule: give a rule id or name, or --all"))
        return EXIT_ERROR
    out = _stdout()
    if args.format == "json":
        data = [_rule_json(r) for r in chosen]
        json.dump(data if args.all else data[0], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    for i, r in enumerate(chosen):
        if i:
            out.write("\n" + "─" * 60 + "\n\n")
        out.write(f"{r.id}  {r.name}\n")
        flag = {"safe": "（--fix）", "unsafe": "（--unsafe-fixes）", "none": ""}[r.fix]
        out.write(t(f"严重级别：{severity(r.severity)}    修复：{r.fix} {fix_kind(r.fix)}{flag}    "
                    f"默认启用：{'是' if r.default else '否'}    来源：{r.plugin or '?'}\n\n",
                    f"severity: {r.severity}    fix: {r.fix}{flag.replace('（', ' (').replace('）', ')')}    "
                    f"default: {'yes' if r.default else 'no'}    plugin: {r.plugin or '?'}\n\n"))
        out.write(_dedent_doc(r.doc) + "\n")
        if r.options:
            out.write(t(f"\n选项（[rules.{r.id}]）：\n", f"\noptions ([rules.{r.id}]):\n"))
            for k, v in r.options.items():
                out.write(f"  {k} = {v.default!r}  ({_type_label(v.type)})  {v.help}\n")
    return EXIT_OK


def _dedent_doc(doc: str) -> str:
    import textwrap

    lines = doc.splitlines()
    if len(lines) <= 1:
        return doc
    return lines[0] + "\n" + textwrap.dedent("\n".join(lines[1:]))


def _rules(args) -> int:
    from .engine import Options

    linter = _linter(Options())
    if linter is None:
        return EXIT_ERROR
    out = _stdout()
    if args.format == "json":
        json.dump([{k: v for k, v in _rule_json(r).items() if k != "doc"} for r in linter.table.rules], out,
                  ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    rows = sorted(linter.table.rules, key=lambda r: r.id)
    for r in rows:
        out.write(f"{r.id}  {r.name:<34} {r.family}  {r.severity:<7}  fix={r.fix:<6}  {r.summary}\n")
    return EXIT_OK


def _origin(where: str) -> str:
    return "默认值" if where == "default" else where


def _config(args) -> int:
    from .engine import Options

    linter = _linter(Options(config=args.config, no_config=args.no_config))
    if linter is None:
        return EXIT_ERROR
    target = Path(args.path)
    try:
        settings = linter.settings_for(target if target.exists() else Path.cwd())
    except ConfigError as exc:
        _err(str(exc))
        return EXIT_ERROR
    rs = linter.ruleset(settings, None)
    data = {
        "config_file": str(settings.source) if settings.source else None,
        "select": settings.select, "extend-select": settings.extend_select, "ignore": settings.ignore,
        "ignore-entries": [vars(e) for e in settings.ignore_entries],
        "fail-on": settings.fail_on, "exclude": settings.exclude, "per-file-ignores": settings.per_file_ignores,
        "severity": settings.severity, "rules": settings.rule_options,
        "enabled_rules": sorted(r.id for r, _, _ in rs.rules),
        "origins": {k: settings.origins.get(k, "default") for k in
                    ("select", "extend-select", "ignore", "fail-on", "exclude", "per-file-ignores", "severity",
                     "rules")},
    }
    out = _stdout()
    if args.format == "json":
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    out.write(t(f"配置文件：{data['config_file'] or '（无：默认设置）'}\n",
                f"configuration file: {data['config_file'] or '(none: defaults)'}\n"))
    for key in ("select", "extend-select", "ignore", "fail-on", "exclude", "per-file-ignores", "severity", "rules"):
        value = data[key] if key != "select" else (settings.select if settings.select is not None
                                                   else t("（默认规则集）", "(default rule set)"))
        out.write(f"{key:<17} = {json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value}"
                  + t(f"    # 来自 {_origin(data['origins'][key])}\n", f"    # from {data['origins'][key]}\n"))
    if settings.ignore_entries:
        out.write(f"ignore entries    = {json.dumps(data['ignore-entries'], ensure_ascii=False)}\n")
    out.write(t(f"启用的规则（{len(data['enabled_rules'])} 条）：", f"enabled rules ({len(data['enabled_rules'])}): ")
              + f"{', '.join(data['enabled_rules'])}\n")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
