"""Plugin API: a third-party rule pack is selected, ignored, configured and isolated like a built-in one."""

from __future__ import annotations

import types

import pytest

from lintkit import Document, Finding, Fix, OptionSpec, Trigger, hookimpl, rule, rules_in
from lintkit.engine import Linter, Options
from lintkit.registry import RegistryError, RuleTable


def make_pack(name: str = "thirdparty"):
    mod = types.ModuleType(name)

    @rule("XYZ001", "no-foo", severity="error", fix="safe", on=Trigger("foo"))
    def no_foo(doc: Document, hits):
        """不要写 foo。

        为什么：示例规则。错误示例：foo。正确写法：bar。依据：无。修复：替换为 bar。
        """
        for start, _foo in hits:
            yield Finding(start, start + 3, "出现了 foo", Fix.replace(start, start + 3, "bar", "改为 bar"))

    @rule("XYZ002", "max-line", severity="warning", options={"limit": OptionSpec(int, 10, "最大长度")})
    def max_line(doc: Document, options):
        """行太长。

        为什么：示例。错误示例：长行。正确写法：短行。依据：无。修复：无。
        """
        for s, e in doc.lines:
            if e - s > options["limit"]:
                yield Finding(s, e, f"行长 {e - s} 超过 {options['limit']}")

    @rule("XYZ003", "always-crashes", severity="error")
    def crashes(doc: Document):
        """总是出错。

        为什么：测试崩溃隔离。错误示例：无。正确写法：无。依据：无。修复：无。
        """
        raise RuntimeError("boom")

    mod.no_foo, mod.max_line, mod.crashes = no_foo, max_line, crashes

    class Plugin:
        @hookimpl
        def lintkit_register_rules(self):
            return rules_in(mod)

    return Plugin()


TEXT = "foo 这是一行很长很长的文字。\n短行\n"


def lint_with(options: Options, text: str = TEXT, config_text: str | None = None, tmp_path=None):
    if config_text is not None:
        cfg = tmp_path / "lintkit.toml"
        cfg.write_text(config_text, encoding="utf-8")
        options = Options(**{**options.__dict__, "config": str(cfg), "no_config": False})
    linter = Linter(options, plugins=[make_pack()])
    return linter.lint_bytes(text.encode(), "t.txt", None).diagnostics


def test_third_party_rules_run_next_to_builtin_ones():
    diags = lint_with(Options(no_config=True, extend_select=("XYZ",)))
    rules = [d.rule for d in diags]
    assert "XYZ001" in rules and "XYZ002" in rules
    linter = Linter(Options(no_config=True), plugins=[make_pack()])
    assert linter.table.get("XYZ001").plugin  # the plugin's name is recorded
    assert linter.table.get("SPC001").plugin == "builtin"  # the built-in pack came through the entry point


def test_selection_by_prefix_name_and_ignore():
    assert {d.rule for d in lint_with(Options(no_config=True, select=("XYZ001",)))} == {"XYZ001"}
    assert {d.rule for d in lint_with(Options(no_config=True, select=("no-foo",)))} == {"XYZ001"}
    assert {d.rule for d in lint_with(Options(no_config=True, select=("XYZ",), ignore=("XYZ00",)))} == set()
    assert {d.rule for d in lint_with(Options(no_config=True, select=("XYZ",), ignore=("max-line", "XYZ003")))} \
        == {"XYZ001"}


def test_options_and_severity_from_config(tmp_path):
    diags = lint_with(Options(select=("XYZ002",)), config_text="[rules.XYZ002]\nlimit = 100\n", tmp_path=tmp_path)
    assert diags == []
    diags = lint_with(Options(select=("XYZ002",)), config_text='[severity]\nXYZ = "info"\n', tmp_path=tmp_path)
    assert [d.severity for d in diags] == ["info"]


def test_bad_option_is_a_config_error(tmp_path):
    from lintkit.config import ConfigError

    with pytest.raises(ConfigError, match=r"rules.XYZ002.limit.*integer"):
        lint_with(Options(select=("XYZ002",)), config_text='[rules.XYZ002]\nlimit = "ten"\n', tmp_path=tmp_path)
    with pytest.raises(ConfigError, match=r"rules.XYZ002.width.*没有这个选项"):
        lint_with(Options(select=("XYZ002",)), config_text='[rules.XYZ002]\nwidth = 3\n', tmp_path=tmp_path)


def test_crashing_rule_is_lnt002_and_others_still_run():
    diags = lint_with(Options(no_config=True, select=("XYZ",)))
    rules = [d.rule for d in diags]
    assert "LNT002" in rules and "XYZ001" in rules
    crash = next(d for d in diags if d.rule == "LNT002")
    assert "XYZ003" in crash.message and "boom" in crash.message


def test_third_party_fix_is_applied():
    from lintkit import fix_text

    fixed, remaining = fix_text("foo 和 foo", select=["XYZ001"], plugins=[make_pack()])
    assert fixed == "bar 和 bar" and remaining == []


def test_builtin_pack_can_be_disabled():
    linter = Linter(Options(no_config=True, disabled_plugins=("builtin",)), plugins=[make_pack()])
    assert linter.table.get("SPC001") is None and linter.table.get("XYZ001") is not None


def test_duplicate_rule_id_is_an_error():
    with pytest.raises(RegistryError, match="XYZ001"):
        Linter(Options(no_config=True), plugins=[make_pack(), make_pack("other")])


def test_bad_rule_definitions():
    with pytest.raises(RegistryError):
        rule("xy1", "bad")
    with pytest.raises(RegistryError):
        rule("XYZ009", "Not_Kebab")
    with pytest.raises(RegistryError):
        rule("XYZ009", "ok-name", options={"a": OptionSpec(int, 1)})(lambda doc: ())  # options need (doc, options)


def test_resolve_selection_layers():
    from lintkit.registry import resolve_selection

    table = Linter(Options(no_config=True)).table
    assert isinstance(table, RuleTable)
    enabled = resolve_selection(table, [(None, [], ["SPC"]), (None, ["SPC001"], [])])
    assert "SPC001" in enabled and "SPC002" not in enabled
    enabled = resolve_selection(table, [(["SPC00"], [], ["SPC001"])])
    assert "SPC001" not in enabled and "SPC002" in enabled


def test_lazy_compile_compiles_on_first_use_only():
    from lintkit import lazy_compile

    p = lazy_compile(r"\p{Han}+")
    assert getattr(p, "lintkit_rule", None) is None  # probing unknown attributes does not compile
    assert not hasattr(p, "compiled")
    assert [m.group() for m in p.finditer("ab中文c")] == ["中文"]
    assert p.compiled.pattern == r"\p{Han}+" and p.search("x汉") is not None


def test_a_triggered_rule_runs_only_on_documents_with_its_literals_and_sees_their_occurrences():
    calls = []

    @rule("ZZZ001", "needs-a-or-b", on=Trigger(chars="ab"))
    def needs(doc, hits):
        """测试规则。"""
        calls.append((doc.text, hits))
        return [Finding(p, p + 1, lit) for p, lit in hits]

    class Pack:
        @hookimpl
        def lintkit_register_rules(self):
            return [needs]

    linter = Linter(Options(select=("ZZZ",), no_config=True), plugins=[Pack()])
    assert linter.lint_bytes("xyz".encode(), "t.txt", None).diagnostics == []
    diags = linter.lint_bytes("xbza".encode(), "t.txt", None).diagnostics
    assert [(d.offset, d.message) for d in diags] == [(1, "b"), (3, "a")]
    assert calls == [("xbza", [(1, "b"), (3, "a")])]


def test_a_rule_with_several_triggers_receives_one_list_per_trigger_and_options_last():
    seen = []

    @rule("ZZZ002", "two-triggers", on=(Trigger("甲"), Trigger("乙", pattern=r"\d+乙", before=9, view="text")),
          options={"n": OptionSpec(int, 1)})
    def two(doc, hits, options):
        """测试规则。"""
        first, second = hits
        seen.append(([p for p, _ in first], [m.group() for m in second], options["n"]))
        return ()

    class Pack:
        @hookimpl
        def lintkit_register_rules(self):
            return [two]

    linter = Linter(Options(select=("ZZZ",), no_config=True), plugins=[Pack()])
    linter.lint_bytes("甲12乙 3乙".encode(), "t.txt", None)
    linter.lint_bytes("无".encode(), "t.txt", None)
    linter.lint_bytes("只有乙".encode(), "t.txt", None)  # a literal without a match of the pattern: not called
    linter.lint_bytes("第3乙".encode(), "t.txt", None)
    assert seen == [([0], ["12乙", "3乙"], 1), ([], ["3乙"], 1)]


def test_a_rule_function_must_take_hits_when_it_declares_a_trigger():
    with pytest.raises(RegistryError, match="takes \\(doc, hits\\)"):
        @rule("ZZZ003", "no-hits", on=Trigger("x"))
        def no_hits(doc):
            """测试规则。"""


def test_a_plugin_view_is_computed_once_per_document_and_readable_by_every_rule():
    from lintkit import view

    computed = []

    @view("zzz_words")
    def zzz_words(doc):
        """测试视图：空格分隔的词。"""
        computed.append(doc.text)
        return doc.text.split()

    @rule("ZZZ004", "reads-view-a")
    def a(doc):
        """测试规则。"""
        return [Finding(0, 1, str(len(doc.zzz_words)))]

    @rule("ZZZ005", "reads-view-b")
    def b(doc):
        """测试规则。"""
        return [Finding(0, 1, doc.zzz_words[0])]

    class Pack:
        @hookimpl
        def lintkit_register_rules(self):
            return [a, b]

        @hookimpl
        def lintkit_register_views(self):
            return [zzz_words]

    linter = Linter(Options(select=("ZZZ",), no_config=True), plugins=[Pack()])
    diags = linter.lint_bytes("x y z".encode(), "t.txt", None).diagnostics
    assert sorted(d.message for d in diags) == ["3", "x"]
    assert computed == ["x y z"]


def test_a_view_may_not_shadow_a_document_attribute_or_another_plugins_view():
    from lintkit import view

    @view("masked")
    def masked(doc):
        """测试视图。"""

    class Pack:
        @hookimpl
        def lintkit_register_views(self):
            return [masked]

    with pytest.raises(RegistryError, match="masked"):
        Linter(Options(no_config=True), plugins=[Pack()])


def test_garbage_collector_state_is_restored_after_linting():
    import gc

    seen = []

    class Probe:
        @hookimpl
        def lintkit_register_rules(self):
            @rule("ZZZ009", "gc-probe")
            def probe(doc):
                """测试规则。"""
                seen.append(gc.isenabled())
                return []
            return [probe]

    linter = Linter(Options(no_config=True, select=("ZZZ", "XYZ003")), plugins=[Probe(), make_pack()])
    was = gc.isenabled()
    try:
        gc.enable()
        diags = linter.lint_bytes("foo".encode(), "t.txt", None).diagnostics
        assert [d.rule for d in diags] == ["LNT002"]  # a crashing rule does not leave the collector paused
        assert gc.isenabled() and seen == [False]
        gc.disable()
        linter.lint_bytes("foo".encode(), "t.txt", None)
        assert not gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
