"""The start-up cache (lintkit/cache.py): compiled patterns and entry points survive between runs, and a bad,
foreign or stale cache file never changes a result."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys

import pluggy
import pytest

from lintkit import cache, hookspecs
from lintkit.plugins import ENTRY_POINT_GROUP, PluginError, load_entry_points_into


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(d))
    monkeypatch.delenv("LINTKIT_NO_CACHE", raising=False)
    monkeypatch.setattr(cache, "_patterns", None)
    monkeypatch.setattr(cache, "_dirty", False)
    return d


def test_patterns_round_trip_through_the_file(cache_home):
    p = cache.compile(r"(?<=\p{Han})[,;](?=\p{Han})")
    cache.save_patterns()
    files = list(cache_home.glob("patterns-*.pickle"))
    assert len(files) == 1 and files[0].stat().st_mode & 0o777 == 0o600
    stored = pickle.loads(files[0].read_bytes())
    loaded = stored[(p.pattern, 0)]
    text = "县妇联,各乡镇;村委2021,年"
    assert [m.span() for m in loaded.finditer(text)] == [m.span() for m in p.finditer(text)] == [(3, 4), (7, 8)]


def test_a_fresh_process_uses_the_stored_program(cache_home):
    code = ("import lintkit.cache as c, regex; p = c.compile(r'[零一二三]+年'); "
            "print(c._dirty, [m.group() for m in p.finditer('二零二一年和一二年')])")
    env = {**os.environ, "LINTKIT_CACHE_DIR": str(cache_home)}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert first.stdout.strip() == "True ['二零二一年', '一二年']"  # compiled, then written at exit
    assert second.stdout.strip() == "False ['二零二一年', '一二年']"  # read back: nothing compiled


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps(["a list"]), pickle.dumps({("x", 0): 42})])
def test_a_corrupt_pattern_file_is_ignored(cache_home, content):
    cache_home.mkdir()
    (cache_home / cache._pattern_file()).write_bytes(content)
    os.chmod(cache_home / cache._pattern_file(), 0o600)
    assert cache.compile("x").pattern == "x"
    assert cache.compile("x").search("axb").span() == (1, 2)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_file_others_can_write_is_not_loaded(cache_home):
    cache_home.mkdir()
    f = cache_home / cache._pattern_file()
    f.write_bytes(pickle.dumps({("y", 0): "planted"}))
    os.chmod(f, 0o666)
    assert cache._read(cache._pattern_file()) is None
    assert cache.compile("y").pattern == "y"


def test_no_cache_disables_reading_and_writing(cache_home, monkeypatch):
    monkeypatch.setenv("LINTKIT_NO_CACHE", "1")
    cache.compile("z+")
    cache.save_patterns()
    assert not cache_home.exists()


def test_an_unwritable_cache_directory_is_silent(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(blocker / "sub"))  # a directory cannot be made under a file
    monkeypatch.setattr(cache, "_patterns", None)
    cache.compile("w")
    cache.save_patterns()  # no exception


def _manager():
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    return pm


def test_entry_points_are_cached_until_sys_path_changes(cache_home, monkeypatch):
    first = cache.entry_points(ENTRY_POINT_GROUP)
    assert ("builtin", "lintkit_rules") in first
    # a cached list is used while the sys.path stamp is the same ...
    name = next(cache_home.glob("entry-points-*.pickle")).name
    data = pickle.loads((cache_home / name).read_bytes())
    data["groups"][ENTRY_POINT_GROUP] = [("builtin", "lintkit_rules"), ("extra", "lintkit_rules")]
    (cache_home / name).write_bytes(pickle.dumps(data))
    assert cache.entry_points(ENTRY_POINT_GROUP) == [("builtin", "lintkit_rules"), ("extra", "lintkit_rules")]
    # ... and read again from the installed metadata when a sys.path directory changes
    monkeypatch.setattr(cache, "_path_stamp", lambda: (("/somewhere/else", 1),))
    assert cache.entry_points(ENTRY_POINT_GROUP) == first


def test_a_stale_cached_entry_point_is_read_again(cache_home):
    cache.entry_points(ENTRY_POINT_GROUP)
    name = next(cache_home.glob("entry-points-*.pickle")).name
    data = pickle.loads((cache_home / name).read_bytes())
    data["groups"][ENTRY_POINT_GROUP] = [("builtin", "lintkit_rules_that_was_uninstalled:x")]
    (cache_home / name).write_bytes(pickle.dumps(data))
    pm = _manager()
    load_entry_points_into(pm)
    assert pm.get_plugin("builtin") is not None


def test_a_broken_pack_is_a_plugin_error(cache_home, monkeypatch):
    monkeypatch.setattr(cache, "entry_points", lambda group, fresh=False: [("broken", "no_such_module_xyz:plugin")])
    with pytest.raises(PluginError, match="no_such_module_xyz"):
        load_entry_points_into(_manager())


def test_blocked_packs_are_not_imported(cache_home, monkeypatch):
    monkeypatch.setattr(cache, "entry_points", lambda group, fresh=False: [("broken", "no_such_module_xyz:plugin")])
    pm = _manager()
    pm.set_blocked("broken")
    load_entry_points_into(pm)  # not imported, so no error
    assert pm.get_plugin("broken") is None


def test_data_files_are_parsed_again_when_they_change(cache_home, tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "_data", None)
    f = tmp_path / "words.toml"
    f.write_text('pairs = [["截止", "截至"]]\n', encoding="utf-8")
    assert cache.load_toml(str(f)) == {"pairs": [["截止", "截至"]]}
    cache.save_data()
    monkeypatch.setattr(cache, "_data", None)  # as a new process: read from the cache file
    assert cache.load_toml(str(f)) == {"pairs": [["截止", "截至"]]}
    f.write_text('pairs = [["反映", "反应"], ["权利", "权力"]]\n', encoding="utf-8")  # other size and mtime
    assert cache.load_toml(str(f)) == {"pairs": [["反映", "反应"], ["权利", "权力"]]}


def test_a_data_file_is_read_from_the_cache_only_when_asked_for(cache_home, tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "_data", None)
    small, large = tmp_path / "small.toml", tmp_path / "large.toml"
    small.write_text('words = ["截至"]\n', encoding="utf-8")
    large.write_text('words = ["反映"]\n', encoding="utf-8")
    cache.load_toml(str(small))
    cache.load_toml(str(large))
    cache.save_data()
    monkeypatch.setattr(cache, "_data", None)  # a new process
    assert cache.load_toml(str(small)) == {"words": ["截至"]}
    assert list(cache._data) == [str(small)]


def test_stdlib_programs_are_cached_and_match_as_re_compile(cache_home):
    import re

    pattern = r"(?P<num>[0-9]+)(?P<unit>[个人名])|[\u4e00-\u4e0f]{2}"
    first = cache.compile_re(pattern, re.I)
    assert cache._dirty
    cache.save_patterns()
    cache._patterns = None
    cache._dirty = False
    again = cache.compile_re(pattern, re.I)
    assert not cache._dirty  # built from the stored program, nothing compiled
    reference = re.compile(pattern, re.I)
    text = "全县12个乡镇，3000名妇女，丁丂七丄"
    for p in (first, again):
        assert (p.pattern, p.flags, p.groups, p.groupindex) == (reference.pattern, reference.flags, reference.groups,
                                                                reference.groupindex)
        assert [m.groupdict() for m in p.finditer(text)] == [m.groupdict() for m in reference.finditer(text)]


def test_a_bad_stored_program_falls_back_to_re_compile(cache_home):
    import re

    cache.compile_re("[a-c]+")
    key = next(k for k in cache._patterns if k[0] == "re" and k[2] == "[a-c]+")
    cache._patterns[key] = ("[a-c]+", 32, [1, 2, 3], 0, {}, ())  # not a valid program: _sre refuses it
    assert cache.compile_re("[a-c]+").findall("xabcx") == re.findall("[a-c]+", "xabcx") == ["abc"]


def test_lazy_re_is_a_stdlib_pattern_compiled_on_first_use(cache_home):
    from lintkit import lazy_re

    p = lazy_re(r"[，。]")
    assert "compiled" not in dir(p) or not hasattr(p, "compiled")
    assert [m.start() for m in p.finditer("一，二。")] == [1, 3]
    assert type(p.compiled).__module__ == "re"


_PATTERN_KEYS = """
import json, pathlib, lintkit, lintkit_rules
from lintkit import cache
from lintkit.patterns import LazyPattern
keys = set()
for module in lintkit_rules.family_modules():
    for value in vars(module).values():
        if isinstance(value, LazyPattern):
            keys.add(repr(value._args))
seed = sorted(pathlib.Path("seeds").glob("*.txt"))[0].read_text("utf-8")
lintkit.check_text(seed[:3000], "seed.txt", select=["ALL"])
keys.update(repr(k) for k in cache._patterns or ())
print(json.dumps(sorted(keys), ensure_ascii=False))
"""


def test_the_patterns_do_not_depend_on_the_hash_seed():
    """A pattern built from a set in set order would differ from run to run: the start-up cache would never hold
    it, and every run would compile it again and rewrite the whole cache file (one entry more each time)."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "LINTKIT_NO_CACHE": "1"}
        done = subprocess.run([sys.executable, "-c", _PATTERN_KEYS], capture_output=True, text=True, env=env,
                              cwd=root, check=True)
        runs.append(done.stdout)
    assert runs[0] == runs[1]
    assert len(runs[0]) > 1000
