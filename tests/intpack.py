"""A small, fixed rule pack for the integration tests (formats, baseline): its messages and docs never change
with the built-in rules, so stored expected outputs stay valid while rule families evolve."""

from __future__ import annotations


from lintkit import Document, Edit, Finding, Fix, Trigger, hookimpl, rule
from lintkit.engine import Linter, Options, collect, lint_files
from lintkit.output import Report


@rule("TST001", "account-spelling", severity="error", fix="safe",
      on=Trigger("帐", pattern=r"帐(?=号|户)"))
def account_spelling(doc: Document, matches):
    """“帐号”应写作“账号”。

    为什么：测试用规则。与钱财、记载有关的义项用“账”。
    错误示例：请提供帐号
    正确写法：请提供账号
    依据：测试。
    修复：安全修复，把“帐”改为“账”。
    """
    for m in matches:
        yield Finding(m.start(), m.end() + 1, f"“{doc.text[m.start():m.end() + 1]}”应写作“账{doc.text[m.end()]}”",
                      Fix.replace(m.start(), m.end(), "账", "改为“账”"))


@rule("TST002", "percent-sign", severity="warning", fix="unsafe", on=Trigger("%"))
def percent_sign(doc: Document, percents):
    """百分号用了半角。

    为什么：测试用规则（消息里有 %、冒号和逗号，用来测试转义）。
    错误示例：增长 5%
    正确写法：增长 5％
    依据：测试。
    修复：不安全修复，改为全角。
    """
    for start, _ in percents:
        yield Finding(start, start + 1, "半角“%”：请改为全角，例如 5％,\n或写“百分之五”",
                      Fix((Edit(start, start + 1, "％"),), "改为全角％", "unsafe"))


@rule("TST003", "split-title", severity="info", on=Trigger("《", pattern=r"《[^》\n]*\n[^》]*》"))
def split_title(doc: Document, titles):
    """书名号跨行。

    为什么：测试用规则（跨行的范围）。
    错误示例：《关于\\n通知》
    正确写法：《关于通知》
    依据：测试。
    修复：无。
    """
    for m in titles:
        yield Finding(m.start(), m.end(), "书名号跨行")


class Pack:
    @hookimpl
    def lintkit_register_rules(self):
        return [account_spelling, percent_sign, split_title]


def linter(**options) -> Linter:
    options.setdefault("no_config", True)
    return Linter(Options(**options), plugins=[Pack()], load_entry_points=False)


def report_for(paths, **options) -> Report:
    """Lint ``paths`` with the pack and build the Report the CLI would build for any format."""
    lt = linter(**options)
    files, errors = collect(list(paths), lt)
    assert not errors, errors
    results = lint_files(lt, files, 1)
    diags = sorted((d for r in results for d in r.diagnostics), key=lambda d: d.sort_key())
    return Report(diagnostics=diags, files_checked=len(results),
                  sources={r.path: r.source for r in results if r.source is not None},
                  fixable=sum(1 for d in diags if d.fix is not None and d.fix.applicability == "safe"),
                  unsafe_fixable=sum(1 for d in diags if d.fix is not None and d.fix.applicability == "unsafe"),
                  rules={r.id: r for r in lt.table.rules})


SAMPLE = "𠮷请提供帐号，增长 5%。\n见《关于\n通知》。\n"
SAMPLE_NAME = "报告,草稿:一.txt"
