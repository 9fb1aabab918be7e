"""The CLI under real use: one language for lintkit's own words, the text format in one pass without wrapping in
a pipe, aligned statistics, short error echoes, undented rule docs in JSON."""

from __future__ import annotations

import io
import json

import pytest

from lintkit.cli import main
from lintkit.output import lang

BAD = "并对202 2年全县妇联工作进行安排部署。推荐 上报的人选。\n"


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for key in ("LC_ALL", "LC_MESSAGES", "LANG", "COLUMNS", "FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(key, raising=False)
    yield tmp_path
    lang.set_lang("zh")


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fmt", ["text", "concise", "github"])
def test_summaries_are_chinese_by_default(work, capsys, fmt):
    (work / "a.txt").write_text(BAD, encoding="utf-8")
    code, out, _ = run(["check", "a.txt", "--format", fmt, "--select", "SPC"], capsys)
    assert code == 1 and "共 2 个问题（错误 1，警告 1），检查了 1 个文件。" in out
    assert "problem" not in out and "Found" not in out


@pytest.mark.parametrize("how", ["flag", "env"])
def test_english_with_lang_or_locale_and_correct_plurals(work, capsys, monkeypatch, how):
    (work / "a.txt").write_text(BAD, encoding="utf-8")
    args = ["check", "a.txt", "--format", "concise", "--select", "SPC"]
    if how == "flag":
        args += ["--lang", "en"]
    else:
        monkeypatch.setenv("LANG", "en_GB.UTF-8")
    code, out, _ = run(args, capsys)
    assert out.splitlines()[-1] == "Found 2 problems (1 error, 1 warning) in 1 file."
    (work / "b.txt").write_text(BAD * 2, encoding="utf-8")
    code, out, err = run(["check", "a.txt", "b.txt", "--diff", "--select", "SPC"] + args[6:], capsys)
    assert "6 fixes would change 2 files." in err


def test_diff_summary_chinese(work, capsys):
    (work / "a.txt").write_text(BAD, encoding="utf-8")
    code, out, err = run(["check", "a.txt", "--diff", "--select", "SPC"], capsys)
    assert "2 处修复将改动 1 个文件。" in err and "fix(es)" not in err


def test_unsafe_is_one_word(work, capsys):
    code, out, _ = run(["rules"], capsys)
    assert "fix=unsafe" in out and "suggest" not in out
    readme = (__import__("pathlib").Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert "| suggest |" not in readme and "| unsafe |" in readme


def test_text_format_header_is_not_wrapped_in_a_pipe(work, capsys):
    long_line = "一" * 100 + "并对202 2年全县妇联工作进行安排部署。" + "二" * 100 + "\n"
    (work / "a.txt").write_text(long_line, encoding="utf-8")
    code, out, _ = run(["check", "a.txt", "--select", "SPC"], capsys)
    header = [line for line in out.splitlines() if "SPC001 space-inside-number  数字" in line]
    assert len(header) == 1 and header[0].startswith("1:103  错误  SPC001") and "202 2" in header[0]
    assert "\x1b[" not in out


def test_text_format_colours_only_when_forced_or_a_terminal(work, capsys, monkeypatch):
    (work / "a.txt").write_text(BAD, encoding="utf-8")
    monkeypatch.setenv("FORCE_COLOR", "1")
    code, out, _ = run(["check", "a.txt", "--select", "SPC"], capsys)
    assert "\x1b[1;31m错误\x1b[0m" in out
    monkeypatch.setenv("NO_COLOR", "1")
    code, out, _ = run(["check", "a.txt", "--select", "SPC"], capsys)
    assert "\x1b[" not in out


def test_text_format_finds_each_line_from_an_index(work):
    """Every finding's source line comes from the per-file index (no search from the finding's offset): the
    same output on a file of many findings, lines with CR, LF and CRLF."""
    from lintkit.output.text_format import _LineIndex

    text = "甲\r\n乙 丙\r丁\n戊 己"
    idx = _LineIndex(text)
    assert idx.line_of(0) == ("甲", 0)
    assert idx.line_of(4) == ("乙 丙", 3)
    assert idx.line_of(7) == ("丁", 7)
    assert idx.line_of(len(text)) == ("戊 己", 9)


def test_statistics_columns_line_up_in_cells(work, capsys):
    from rich.cells import cell_len

    from lintkit.output import Report
    from lintkit.output.text_format import statistics_text
    from lintkit.model import Diagnostic, Edit, Fix

    def diag(rule, name, fix):
        f = Fix((Edit(0, 1, ""),), "x", "safe") if fix else None
        return Diagnostic("a.txt", rule, name, "error", "m", 0, 1, 1, 1, 1, 2, "x", f, ())

    report = Report([diag("SPC002", "space-around-fullwidth-punctuation", True), diag("XYZ001", "插件规则名", True),
                     diag("SPC001", "short", False)], 1)
    lines = statistics_text(report).splitlines()
    marks = [cell_len(line[:line.index("[*]")]) for line in lines if "[*]" in line]
    assert len(marks) == 2 and marks[0] == marks[1]
    assert all(line.split()[2] != "space-around-fullwidth-punctuation[*]" for line in lines)


def test_a_huge_bad_selector_is_not_echoed_in_full(work, capsys):
    (work / "a.txt").write_text(BAD, encoding="utf-8")
    code, out, err = run(["check", "a.txt", "--select", "Q" * 100_000], capsys)
    assert code == 2 and len(err) < 500 and "QQQ" in err and err.count("\n") == 1


def test_rule_json_doc_is_dedented(work, capsys):
    code, out, _ = run(["rule", "SPC001", "--format", "json"], capsys)
    doc = json.loads(out)["doc"]
    assert "\n    " not in doc and "\n为什么：" in doc


def test_rule_text_in_english(work, capsys):
    code, out, _ = run(["rule", "SPC001", "--lang", "en"], capsys)
    assert "severity: error" in out and "严重级别" not in out


# ------------------------------------------------------------------------------------------------- walking

def _deny(monkeypatch, denied: str):
    """Make directory ``denied`` unreadable for this process, as chmod 000 does for a user who is not root (the
    tests may run as root, which reads anything): listing it and looking up files inside it fail with EACCES."""
    import errno
    import os

    real_scandir, real_stat = os.scandir, os.stat
    denied = os.path.abspath(denied)

    def inside(path) -> bool:
        p = os.path.abspath(os.fspath(path))
        return p.startswith(denied + os.sep)

    def scandir(path="."):
        if os.path.abspath(os.fspath(path)) == denied:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)

    def stat(path, *a, **k):
        if not isinstance(path, int) and inside(path):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_stat(path, *a, **k)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "stat", stat)


def test_unreadable_directory_inside_the_tree_is_one_line_and_exit_2(work, capsys, monkeypatch):
    (work / "d" / "locked").mkdir(parents=True)
    (work / "d" / "locked" / "x.txt").write_text(BAD, encoding="utf-8")
    (work / "d" / "ok.txt").write_text(BAD, encoding="utf-8")
    _deny(monkeypatch, "d/locked")
    code, out, err = run(["check", "d", "--format", "concise", "--select", "SPC"], capsys)
    assert code == 2
    assert err.splitlines() == ["lintkit: d/locked：无法读取目录（Permission denied），其中的文件没有检查"]
    assert "d/ok.txt:1:3" in out  # the rest is still checked


def test_unreadable_directory_named_directly_says_why(work, capsys, monkeypatch):
    (work / "locked").mkdir()
    _deny(monkeypatch, "locked")
    code, out, err = run(["check", "locked", "--lang", "en"], capsys)
    assert code == 2 and "Permission denied" in err and "no input file" not in err
    assert "Traceback" not in err


def test_config_lookup_is_linear_in_depth(work, monkeypatch):
    """Each directory of a deep tree is examined once for configuration files, however many subdirectories
    there are below it."""
    import os

    from lintkit import config
    from lintkit.engine import Linter, Options

    d = work
    for i in range(30):
        d = d / f"d{i}"
    d.mkdir(parents=True)
    (work / "lintkit.toml").write_text('ignore = ["SPC003"]\n', encoding="utf-8")
    looked: list[str] = []
    real = config._config_in
    monkeypatch.setattr(config, "_config_in", lambda directory: looked.append(directory) or real(directory))
    linter = Linter(Options())
    p = work
    for i in range(30):
        p = p / f"d{i}"
        assert linter.settings_for(p).source == work / "lintkit.toml"
    assert len(looked) == len(set(looked)) == 31
    assert os.path.abspath(work) in looked


def test_symlinked_file_inside_a_directory_is_checked_once(work, capsys):
    (work / "d").mkdir()
    (work / "d" / "a.txt").write_text(BAD, encoding="utf-8")
    (work / "d" / "link.txt").symlink_to("a.txt")
    code, out, err = run(["check", "d", "--format", "json", "--select", "SPC001"], capsys)
    assert len(json.loads(out)) == 1


def test_jobs_are_capped_at_the_cpu_count(monkeypatch):
    from lintkit import engine

    monkeypatch.setattr(engine, "cpu_count", lambda: 2)
    assert engine.effective_jobs(100, 500) == 2
    assert engine.effective_jobs(None, 500) == 2
    assert engine.effective_jobs(None, 3) == 1
    assert engine.effective_jobs(100, 1) == 1


# ------------------------------------------------------------------------------------------------- --fix

def test_fix_respects_a_read_only_mode(work, capsys):
    import os
    import stat

    p = work / "a.txt"
    p.write_text(BAD, encoding="utf-8")
    os.chmod(p, 0o444)
    code, out, err = run(["check", "a.txt", "--fix", "--format", "json", "--select", "SPC"], capsys)
    assert code == 2 and p.read_text(encoding="utf-8") == BAD
    found = json.loads(out)
    lnt = [d for d in found if d["rule"] == "LNT001"]
    assert len(lnt) == 1 and "只读" in lnt[0]["message"] and "--fix-read-only" in lnt[0]["message"]
    code, out, err = run(["check", "a.txt", "--fix", "--fix-read-only", "--format", "json", "--select", "SPC"],
                         capsys)
    assert code == 0 and "202 2" not in p.read_text(encoding="utf-8")
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o444  # the mode is kept


def test_stale_temp_files_are_removed_by_the_next_write(work, capsys):
    import os
    import time

    p = work / "a.txt"
    p.write_text(BAD, encoding="utf-8")
    dead = work / ".a.txt.999999999.abcd1234.lintkit-tmp"  # no such process
    dead.write_text("half", encoding="utf-8")
    old = work / ".a.txt.x8k2m1.lintkit-tmp"  # an older run's name, ten hours old
    old.write_text("half", encoding="utf-8")
    os.utime(old, (time.time() - 36000, time.time() - 36000))
    live = work / f".a.txt.{os.getppid()}.zzzz.lintkit-tmp"  # a live writer's file is kept
    live.write_text("writing", encoding="utf-8")
    other = work / ".b.txt.999999999.abcd.lintkit-tmp"  # another file's: not this write's business
    other.write_text("x", encoding="utf-8")
    run(["check", "a.txt", "--fix", "--select", "SPC"], capsys)
    left = sorted(x.name for x in work.iterdir() if x.name.endswith(".lintkit-tmp"))
    assert left == sorted([live.name, other.name])


# ------------------------------------------------------------------------------------------------- signals, pipes

def test_ctrl_c_is_exit_130_with_one_line(work, capsys, monkeypatch):
    from lintkit import engine

    (work / "a.txt").write_text(BAD, encoding="utf-8")

    def interrupted(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(engine, "lint_file", interrupted)
    code, out, err = run(["check", "a.txt"], capsys)
    assert code == 130 and err == "lintkit: 已中断\n"


def test_workers_leave_ctrl_c_to_the_main_process():
    import signal

    from lintkit.engine import _worker_init

    old = signal.getsignal(signal.SIGINT)
    try:
        _worker_init()
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, old)


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "jsonl", "github", "sarif", "html"])
def test_broken_pipe_keeps_the_exit_code_in_every_format(work, fmt):
    import subprocess
    import sys

    (work / "a.txt").write_text(BAD * 3000, encoding="utf-8")
    p = subprocess.Popen([sys.executable, "-m", "lintkit", "check", "a.txt", "--format", fmt, "--select", "SPC"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=work)
    p.stdout.read(10)
    p.stdout.close()  # the reader goes away, as `| head -c 10` does
    err = p.stderr.read().decode()
    assert p.wait() == 1 and err == ""


def test_sarif_streamed_is_the_same_log_as_built(work):
    from lintkit.engine import Linter, Options
    from lintkit.output import Report
    from lintkit.output import sarif_format

    linter = Linter(Options(no_config=True))
    result = linter.lint_bytes((BAD * 20).encode(), "a.txt", None)
    report = Report(result.diagnostics, 1, sources={"a.txt": BAD * 20},
                    rules={r.id: r for r in linter.table.rules})
    out = io.StringIO()
    sarif_format.render(report, out)
    assert json.loads(out.getvalue()) == sarif_format.build(report)
    empty = io.StringIO()
    sarif_format.render(Report([], 1), empty)
    assert json.loads(empty.getvalue())["runs"][0]["results"] == []
