"""The result cache (lintkit/resultcache.py): an unchanged file is not linted again; any change to what its result
depends on (bytes, name, lintkit version, rule pack code or data, configuration) lints it again; a corrupt or
foreign cache is ignored; a stored result never skips a fix and never changes a report."""

from __future__ import annotations

import json
import os
import sys
import textwrap

import pytest

import lintkit
import lintkit.cli as cli
from conftest import SEEDS
from lintkit.cli import main
from lintkit.engine import Linter

BAD = "并对202 2年全县妇联工作进行安排部署。推荐 上报。\n"


@pytest.fixture
def linted(monkeypatch):
    """The names of the files actually linted (not answered from the cache), in order."""
    calls: list[str] = []
    original = Linter.lint_bytes

    def counting(self, data, display, *args, **kwargs):
        calls.append(display.rsplit("/", 1)[-1])
        return original(self, data, display, *args, **kwargs)

    monkeypatch.setattr(Linter, "lint_bytes", counting)
    return calls


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "b.md").write_text("# 标题\n\n推荐 上报的人选，共 5 个。\n", encoding="utf-8")
    return tmp_path


def check(capsys, *args, cache="cache"):
    code = main(["check", "a.txt", "b.md", "--jobs", "1", "--format", "json", "--cache-dir", cache, *args])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip() else None, err


def test_an_unchanged_file_is_not_linted_again(work, capsys, linted):
    first = check(capsys)
    assert linted == ["a.txt", "b.md"]
    second = check(capsys)
    assert linted == ["a.txt", "b.md"] and second == first and first[0] == 1
    assert oct((work / "cache").stat().st_mode & 0o777) == "0o700"
    entries = [p for p in (work / "cache").rglob("*") if p.is_file()]
    assert len(entries) == 2 and all(p.stat().st_mode & 0o777 == 0o600 for p in entries)


def test_no_cache_lints_every_time_and_writes_nothing(work, capsys, linted):
    check(capsys, "--no-cache")
    check(capsys, "--no-cache")
    assert linted == ["a.txt", "b.md"] * 2 and not (work / "cache").exists()


def test_lintkit_no_cache_disables_the_default_directory(work, capsys, linted, monkeypatch):
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(work / "home"))
    monkeypatch.setenv("LINTKIT_NO_CACHE", "1")
    for _ in range(2):
        assert main(["check", "a.txt", "--jobs", "1", "--format", "json"]) == 1
    assert linted == ["a.txt", "a.txt"] and not (work / "home").exists()
    monkeypatch.delenv("LINTKIT_NO_CACHE")
    for _ in range(2):
        assert main(["check", "a.txt", "--jobs", "1", "--format", "json"]) == 1
    assert linted == ["a.txt"] * 3 and list((work / "home" / "results").iterdir())


def test_changed_bytes_are_linted_again(work, capsys, linted):
    check(capsys)
    (work / "a.txt").write_text(BAD.replace("202 2", "2022"), encoding="utf-8")
    _, diags, _ = check(capsys)
    assert linted == ["a.txt", "b.md", "a.txt"]
    assert "SPC001" not in [d["rule"] for d in diags]


def test_the_same_bytes_under_another_name_are_linted_again(work, capsys, linted):
    check(capsys)
    (work / "c.txt").write_bytes((work / "a.txt").read_bytes())
    main(["check", "c.txt", "--jobs", "1", "--format", "json", "--cache-dir", "cache"])
    out = json.loads(capsys.readouterr()[0])
    assert linted[-1] == "c.txt" and {d["path"] for d in out} == {"c.txt"}


def test_another_lintkit_version_lints_again(work, capsys, linted, monkeypatch):
    check(capsys)
    monkeypatch.setattr(lintkit, "__version__", "99.0")
    check(capsys)
    assert linted == ["a.txt", "b.md"] * 2


def test_another_regex_build_lints_again(work, capsys, linted, monkeypatch):
    import regex

    check(capsys)
    monkeypatch.setattr(regex, "__version__", "0.0.0", raising=False)
    check(capsys)
    assert linted == ["a.txt", "b.md"] * 2


@pytest.mark.parametrize("args", [
    ["--select", "SPC"], ["--ignore", "SPC003"], ["--ignore", "SPC", "--extend-select", "SPC001"],
])
def test_another_selection_lints_again(work, capsys, linted, args):
    check(capsys)
    check(capsys, *args)
    assert linted == ["a.txt", "b.md"] * 2
    check(capsys, *args)
    assert len(linted) == 4


@pytest.mark.parametrize("toml", [
    '[severity]\nSPC003 = "info"\n',
    '[rules.SPC003]\nprofile = "latin-spacing"\n',
    '[[ignore]]\nrule = "SPC003"\ntext = "推荐 上报"\n',
    '[per-file-ignores]\n"a.txt" = ["SPC001"]\n',
])
def test_another_configuration_lints_again(work, capsys, linted, toml):
    first = check(capsys)
    (work / "lintkit.toml").write_text(toml, encoding="utf-8")
    second = check(capsys)
    assert "a.txt" in linted[2:]
    assert second == check(capsys, "--no-cache") != first


def test_the_key_is_the_effective_selection_not_its_spelling(work, capsys, linted):
    first = check(capsys)
    assert check(capsys, "--extend-select", "SPC005") == first  # enabled anyway
    defaults = ",".join(r.id for r in Linter().table.rules if r.default)
    assert check(capsys, "--select", defaults) == first  # the default set, spelled out
    assert linted == ["a.txt", "b.md"]


def test_fail_on_is_not_part_of_the_key_but_still_decides(work, capsys, linted):
    (work / "a.txt").write_text("推荐 上报的人选。\n", encoding="utf-8")  # a warning only
    assert check(capsys)[0] == 0
    assert check(capsys, "--fail-on", "warning")[0] == 1
    assert linted == ["a.txt", "b.md"]


PACK = '''
from lintkit import Finding, hookimpl, rule
import os, sys

WORDS = open(os.path.join(os.path.dirname(__file__), "data", "words.txt"), encoding="utf-8").read().split()

@rule("XYZ001", "bad-word", severity="warning")
def bad_word(doc):
    """坏词。"""
    for w in WORDS:
        i = doc.text.find(w)
        if i != -1:
            yield Finding(i, i + len(w), "坏词：" + w + MARK)

@hookimpl
def lintkit_register_rules():
    return [bad_word.lintkit_rule]
'''


def test_rule_pack_code_and_data_are_part_of_the_key(work, capsys, linted, monkeypatch):
    pack = work / "plug" / "xyzpack"
    (pack / "data").mkdir(parents=True)
    (pack / "__init__.py").write_text(textwrap.dedent(PACK) + 'MARK = "。"\n', encoding="utf-8")
    (pack / "data" / "words.txt").write_text("全县\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(work / "plug"))

    def run():
        for name in [m for m in sys.modules if m.startswith("xyzpack")]:
            del sys.modules[name]
        import xyzpack

        monkeypatch.setattr(cli, "_linter", lambda options: Linter(options, plugins=[xyzpack]))
        _, diags, _ = check(capsys, "--select", "XYZ")
        return [d["message"] for d in diags]

    assert run() == ["坏词：全县。"]
    assert run() == ["坏词：全县。"] and linted == ["a.txt", "b.md"]
    (pack / "data" / "words.txt").write_text("部署\n", encoding="utf-8")  # a data file
    assert run() == ["坏词：部署。"] and linted[2:] == ["a.txt", "b.md"]
    (pack / "__init__.py").write_text(textwrap.dedent(PACK) + 'MARK = "！"\n', encoding="utf-8")  # the code
    assert run() == ["坏词：部署！"] and linted[4:] == ["a.txt", "b.md"]
    (pack / "data" / "README").write_text("any new file of the pack counts\n", encoding="utf-8")
    assert run() == ["坏词：部署！"] and linted[6:] == ["a.txt", "b.md"]
    words = pack / "data" / "words.txt"  # same size, modification time put back: the content still counts
    st = words.stat()
    words.write_text("安排\n", encoding="utf-8")
    os.utime(words, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert words.stat().st_size == st.st_size and words.stat().st_mtime_ns == st.st_mtime_ns
    assert run() == ["坏词：安排！"] and linted[8:] == ["a.txt", "b.md"]


def _entries(work):
    return [p for p in (work / "cache").rglob("*") if p.is_file()]


@pytest.mark.parametrize("content", [b"", b"garbage", b"\x80\x04\x95", None])
def test_a_corrupt_entry_is_ignored_and_rewritten(work, capsys, linted, content):
    import pickle

    first = check(capsys)
    for p in _entries(work):
        if content is None:  # a well-formed pickle of something else
            p.write_bytes(pickle.dumps((1, p.name, [("not", "a", "diagnostic")])))
        else:
            p.write_bytes(content)
    assert check(capsys) == first
    assert linted == ["a.txt", "b.md"] * 2
    assert check(capsys) == first and len(linted) == 4  # rewritten


def test_an_entry_of_another_key_is_not_used(work, capsys, linted):
    first = check(capsys)
    a, b = sorted(_entries(work))
    a_bytes, b_bytes = a.read_bytes(), b.read_bytes()
    a.write_bytes(b_bytes)
    b.write_bytes(a_bytes)
    assert check(capsys) == first and len(linted) == 4


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_entries_others_can_write_are_ignored(work, capsys, linted):
    first = check(capsys)
    for p in _entries(work):
        p.chmod(0o666)
    assert check(capsys) == first and len(linted) == 4


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_world_writable_cache_directory_is_ignored(work, capsys, linted):
    first = check(capsys)
    (work / "cache").chmod(0o777)
    assert check(capsys) == first and check(capsys) == first
    assert len(linted) == 6  # neither read nor written


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX ownership")
def test_a_cache_of_another_user_is_ignored(work, capsys, linted, monkeypatch):
    first = check(capsys)
    monkeypatch.setattr(os, "getuid", lambda: os.stat(work / "cache").st_uid + 1)
    assert check(capsys) == first and len(linted) == 4


def test_an_unwritable_cache_directory_is_silent(work, capsys, linted):
    (work / "cache").write_text("a file, not a directory", encoding="utf-8")
    first = check(capsys)
    assert check(capsys) == first and first[0] == 1 and len(linted) == 4 and "cache" not in first[2]


def test_unreadable_results_are_not_stored(work, capsys, linted):
    (work / "a.txt").write_bytes(b"\x00\x01\x02\xff\xfe binary" * 50)
    assert check(capsys)[0] == 2
    assert check(capsys)[0] == 2 and linted == ["a.txt", "b.md", "a.txt"]


def test_a_stored_result_never_skips_a_fix(work, capsys, linted):
    check(capsys)
    assert main(["check", "a.txt", "--jobs", "1", "--fix", "--cache-dir", "cache", "--format", "json"]) == 0
    capsys.readouterr()
    assert (work / "a.txt").read_text(encoding="utf-8") == "并对2022年全县妇联工作进行安排部署。推荐 上报。\n"


def test_a_stored_result_never_skips_a_diff(work, capsys, linted):
    check(capsys)
    assert main(["check", "a.txt", "--jobs", "1", "--diff", "--cache-dir", "cache"]) == 1
    assert "+并对2022年" in capsys.readouterr()[0]


def test_fix_uses_a_stored_result_with_nothing_to_fix(work, capsys, linted):
    (work / "a.txt").write_text("更的高标准。\n", encoding="utf-8")  # WRD005: an unsafe fix only
    check(capsys, "--select", "WRD005")
    args = ["check", "a.txt", "--jobs", "1", "--fix", "--select", "WRD005", "--format", "json"]
    assert main([*args, "--cache-dir", "cache"]) == 0
    cached = capsys.readouterr()
    assert main([*args, "--no-cache"]) == 0
    assert capsys.readouterr() == cached and linted == ["a.txt", "b.md", "a.txt"]
    assert main([*args, "--unsafe-fixes", "--cache-dir", "cache"]) == 0  # now there is something to fix
    capsys.readouterr()
    assert (work / "a.txt").read_text(encoding="utf-8") == "更高的标准。\n"


@pytest.mark.parametrize("fmt", ["text", "concise", "sarif", "html", "github", "jsonl"])
def test_every_format_is_the_same_from_the_cache(fmt, tmp_path, capsys, monkeypatch, linted):
    monkeypatch.chdir(SEEDS.parent)
    args = ["check", "seeds", "tests/fixtures", "--jobs", "1", "--format", fmt, "--statistics"][
        :None if fmt == "concise" else -1]
    reports = []
    for extra in (["--no-cache"], ["--cache-dir", str(tmp_path)], ["--cache-dir", str(tmp_path)]):
        code = main([*args, *extra])
        reports.append((code, capsys.readouterr()))
    n = len(linted) // 2
    assert linted[:n] == linted[n:] and n > 20  # the third run linted nothing
    assert reports[0] == reports[1] == reports[2]


def test_parallel_workers_use_and_fill_the_cache(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(SEEDS.parent)
    args = ["check", "seeds", "tests/fixtures", "--jobs", "2", "--format", "json", "--cache-dir", str(tmp_path)]
    assert main(args) == 1
    first = capsys.readouterr()
    n = len([p for p in tmp_path.rglob("*") if p.is_file()])
    assert n >= 25
    assert main(args) == 1 and capsys.readouterr() == first


def test_with_jobs_only_the_files_not_in_the_cache_are_linted(tmp_path, capsys, monkeypatch, linted):
    monkeypatch.chdir(tmp_path)
    for i in range(20):
        (tmp_path / f"{i:02d}.txt").write_text(BAD.replace("全县", f"第{i}县"), encoding="utf-8")
    args = ["check", ".", "--jobs", "2", "--format", "json", "--cache-dir", str(tmp_path / ".cache")]
    assert main(args) == 1
    first = capsys.readouterr()
    (tmp_path / "07.txt").write_text(BAD, encoding="utf-8")
    del linted[:]
    assert main(args) == 1
    second = capsys.readouterr()
    assert linted == ["07.txt"]  # the other 19 came from the cache, looked up here; no worker was started
    assert main([*args[:-2], "--no-cache"]) == 1
    assert capsys.readouterr() == second and second != first


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_baseline_is_the_same_from_the_cache_and_from_workers(tmp_path, capsys, monkeypatch, jobs):
    monkeypatch.chdir(tmp_path)
    for i in range(20):
        (tmp_path / f"{i:02d}.txt").write_text(BAD.replace("全县", f"第{i}县"), encoding="utf-8")
    base = ["check", ".", "--format", "json", "--baseline", "b.json"]
    main([*base, "--update-baseline", "--no-cache", "--jobs", "1"])
    expected = (tmp_path / "b.json").read_bytes()
    for _ in range(2):  # cold, then warm
        (tmp_path / "b.json").unlink()
        main([*base, "--update-baseline", "--jobs", jobs, "--cache-dir", str(tmp_path / ".cache")])
        assert (tmp_path / "b.json").read_bytes() == expected
    capsys.readouterr()
    assert main([*base, "--jobs", jobs, "--cache-dir", str(tmp_path / ".cache")]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_a_fresh_process_finds_the_results_of_the_last(work):
    import subprocess

    cmd = [sys.executable, "-m", "lintkit", "check", "a.txt", "b.md", "--format", "json", "--cache-dir", "cache"]
    first = subprocess.run(cmd, capture_output=True, cwd=work)
    entries = {p: p.stat().st_mtime_ns for p in _entries(work)}
    second = subprocess.run(cmd, capture_output=True, cwd=work)
    assert second.stdout == first.stdout and first.returncode == 1 and len(entries) == 2
    assert {p: p.stat().st_mtime_ns for p in _entries(work)} == entries  # the same fingerprint, nothing rewritten
