"""``--format html``: the review page. The markup is parsed back (every line's text, every finding's highlighted
text), escaping and speed are checked in Python; the page is then driven in headless Chromium through Playwright
(skipped when either is missing)."""

from __future__ import annotations

import json
import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lintkit
from conftest import SEEDS
from lintkit.cli import main
from lintkit.document import NEWLINE_RE
from lintkit.output import Report
from lintkit.output.html_format import _render_text, render

SEED0 = next(SEEDS.glob("000_*.txt"))


class PageParser(HTMLParser):
    """Collects, per ``div.ln``, the line's text and, per finding id, the text of the marks that carry it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.covered: dict[int, list[str]] = {}
        self.carets: set[int] = set()
        self.data_json: str | None = None
        self._stack: list[list[int]] = []
        self._in_line = False
        self._in_data = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "div" and a.get("class") == "ln":
            self.lines.append("")
            self._in_line = True
        elif tag == "mark" and self._in_line:
            ids = [int(x) for x in a["data-f"].split()]
            if "z" in a["class"].split():
                self.carets.update(ids)
            self._stack.append(ids)
        elif tag == "script" and a.get("id") == "data":
            self._in_data = True

    def handle_endtag(self, tag):
        if tag == "mark" and self._stack:
            self._stack.pop()
        elif tag == "div" and self._in_line:
            self._in_line = False
        elif tag == "script":
            self._in_data = False

    def handle_data(self, data):
        if self._in_data:
            self.data_json = (self.data_json or "") + data
        if not self._in_line:
            return
        self.lines[-1] += data
        for ids in self._stack:
            for i in ids:
                self.covered.setdefault(i, []).append(data)


def parse(page: str) -> PageParser:
    p = PageParser()
    p.feed(page)
    return p


def render_text(text: str, items) -> str:
    parts: list[str] = []
    _render_text(text, items, parts)
    return "".join(parts)


def without_breaks(s: str) -> str:
    return NEWLINE_RE.sub("", s)


# ---------------------------------------------------------------------------------------------------------------
# the highlighted text

def test_overlapping_findings_split_into_segments():
    text = "并对202 2年全县妇联工作"
    out = render_text(text, [(0, 2, 7, "warning"), (1, 5, 9, "error")])
    assert out == ('<div class="ln"><span class="tx">并对<mark class="m w" data-f="0">202</mark>'
                   '<mark class="m e x" data-f="0 1"> 2</mark><mark class="m e" data-f="1">年全</mark>县妇联工作'
                   "</span></div>")


def test_findings_across_lines_zero_width_and_line_ends():
    text = "第一行\r\n第二行\n\n末行"
    items = [(0, 2, 8, "info"), (1, 3, 3, "error"), (2, 10, 10, "warning"), (3, 0, 0, "info")]
    p = parse(render_text(text, items))
    assert p.lines == ["第一行", "第二行", "", "末行"]
    assert "".join(p.covered[0]) == "行第二行"  # 2–8 spans the CRLF; the break itself is not shown
    assert p.carets == {1, 2, 3}
    out = render_text(text, items)
    # a caret at the end of a line stays on that line; one at a line start opens it
    assert '<mark class="m i" data-f="0">行</mark><mark class="m z e" data-f="1"></mark></span>' in out
    assert '<span class="tx"><mark class="m z w" data-f="2"></mark>末行</span>' in out
    assert '<span class="tx"></span>' in out  # the empty third line


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="汉字 <&>\"'\n\r\t\x0c", max_size=60), st.data())
def test_any_text_and_spans_render_every_line_and_every_span(text, data):
    n = len(text)
    items = []
    for i in range(data.draw(st.integers(0, 8))):
        s = data.draw(st.integers(0, n))
        e = data.draw(st.integers(s, n))
        items.append((i, s, e, data.draw(st.sampled_from(["error", "warning", "info"]))))
    p = parse(render_text(text, items))
    shown = [line.translate({0x240C: 0x0C}) for line in p.lines]  # form feed is shown as its control picture
    assert shown == NEWLINE_RE.split(text)
    for i, s, e, _ in items:
        if without_breaks(text[s:e]):
            assert "".join(p.covered.get(i, [])).translate({0x240C: 0x0C}) == without_breaks(text[s:e])
        elif s == e:
            assert i in p.carets


# ---------------------------------------------------------------------------------------------------------------
# the page

def seed_report(paths=(SEED0,)):
    diags, sources = [], {}
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        name = Path(path).name
        ds = lintkit.check_text(text, name)
        diags.extend(ds)
        sources[name] = text
    return Report(diagnostics=sorted(diags, key=lambda d: d.sort_key()), files_checked=len(paths), sources=sources)


def page_of(report) -> str:
    import io

    buf = io.StringIO()
    render(report, buf)
    return buf.getvalue()


def test_seed_page_highlights_every_finding_at_its_span():
    report = seed_report()
    page = page_of(report)
    assert page.startswith("<!DOCTYPE html>") and "http" not in page.replace("http-equiv", "")
    p = parse(page)
    text = SEED0.read_text(encoding="utf-8")
    assert p.lines == NEWLINE_RE.split(text)
    assert report.diagnostics
    for i, d in enumerate(report.diagnostics):
        assert "".join(p.covered[i]) == without_breaks(d.text), (d.rule, d.line, d.column)
    data = json.loads(p.data_json)
    assert [(f["r"], f["l"], f["c"], f["m"]) for f in data["findings"]] == \
        [(d.rule, d.line, d.column, d.message) for d in report.diagnostics]
    first = data["findings"][0]
    # the fix preview: the changed stretch with a little context either side
    assert first["t"] == "202 2"
    assert first["x"] == {"a": "safe", "m": "删除空格：2022", "l": "。并对202", "b": " ", "f": "", "r": "2年全县妇联"}
    # side list: one entry per finding, grouped by family, with counts
    assert page.count('<li data-f="') == len(report.diagnostics)
    assert f'data-count="SPC">{sum(1 for d in report.diagnostics if d.rule.startswith("SPC"))}<' in page


def test_draft_text_and_paths_are_escaped():
    text = '<script>window.pwned=1</script><img src=x onerror="alert(1)"> 并对202 2年 & </b>\n'
    name = "<b>报告</b>.txt"
    diags = lintkit.check_text(text, name)
    assert diags
    page = page_of(Report(diagnostics=diags, files_checked=1, sources={name: text}))
    assert "<script>window" not in page and "<img" not in page and "<b>报告" not in page and "& </b>" not in page
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page and "&lt;b&gt;报告&lt;/b&gt;.txt" in page
    data = page.split('<script type="application/json" id="data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data
    assert json.loads(data)["paths"] == [name]
    assert parse(page).lines[0] == text.rstrip("\n")


def test_a_diagnostic_without_source_is_listed():
    bad = lintkit.Diagnostic("broken.docx", "LNT001", "unreadable-file", "error", "文件 broken.docx 无法读取",
                             0, 0, 1, 1, 1, 1, "")
    page = page_of(Report(diagnostics=[bad], files_checked=1, sources={}))
    assert "文件 broken.docx 无法读取" in page and 'class="nosrc"' in page


def test_clean_run_page():
    page = page_of(Report(diagnostics=[], files_checked=3))
    assert "检查了 3 个文件，没有发现问题。" in page


def _batch(n_docs=100, size=5000):
    base = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    diags, sources = [], {}
    linter_text = []
    for i in range(n_docs):
        start = (i * 977) % (len(base) - size)
        linter_text.append((f"batch/{i:03d}.txt", base[start:start + size]))
    for name, text in linter_text:
        diags.extend(lintkit.check_text(text, name))
        sources[name] = text
    return Report(diagnostics=sorted(diags, key=lambda d: d.sort_key()), files_checked=n_docs, sources=sources)


def test_page_for_100_documents_covers_every_finding():
    # (how long the page takes is for scripts/bench.py to measure, never a timing assertion in a test)
    report = _batch()
    assert len(report.sources) == 100 and len(report.diagnostics) > 500
    p = parse(page_of(report))
    assert len(p.covered) == len(report.diagnostics)


def test_long_lines_and_short_lines_give_the_same_page_content():
    line = ("并对202 2年全县妇联工作进行安排部署 。" * 150)[:3000]
    long_text = "\n".join([line] * 30)  # 30 lines of 3,000 characters
    diags = lintkit.check_text(long_text, "long.txt")
    p = parse(page_of(Report(diagnostics=diags, files_checked=1, sources={"long.txt": long_text})))
    assert len(p.lines) == 30 and len(p.covered) == len(diags) > 1000
    short_text = "\n".join(long_text[i:i + 100] for i in range(0, len(long_text), 100))  # same text, short lines
    short_diags = lintkit.check_text(short_text, "short.txt")
    q = parse(page_of(Report(diagnostics=short_diags, files_checked=1, sources={"short.txt": short_text})))
    assert len(q.lines) == short_text.count("\n") + 1 and len(q.covered) == len(short_diags) > 1000


def test_cli_writes_html_to_output_file(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("并对202 2年全县妇联工作进行安排部署。\n", encoding="utf-8")
    assert main(["check", "a.txt", "--format", "html", "--output", "report.html", "--no-config"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err == ""
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "数字“202 2”中间有空格" in page
    assert main(["check", "a.txt", "--format", "html", "--no-config"]) == 1
    assert capsys.readouterr().out == page
    assert main(["check", "a.txt", "--format", "json", "-o", "r.json", "--no-config"]) == 1
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))[0]["rule"] == "SPC001"
    assert main(["check", "a.txt", "--format", "html", "-o", "no/such/dir/r.html", "--no-config"]) == 2
    assert "r.html" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------------------------
# in a real browser: headless Chromium driven by Playwright

CHROMIUM = os.environ.get("LINTKIT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium); browser tests skipped")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright for Python is not installed (pip install -e '.[browser]'); browser tests skipped")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def open_page(browser, tmp_path, page_html: str, name="report.html"):
    f = tmp_path / name
    f.write_text(page_html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: errors.append("network: " + r.url) if not r.url.startswith("file:") else None)
    page.goto(f.as_uri())
    return page, errors


def test_browser_highlights_are_where_the_findings_are(browser, tmp_path):
    report = seed_report()
    page, errors = open_page(browser, tmp_path, page_of(report))
    got = page.evaluate("""() => {
        const out = {};
        for (const m of document.querySelectorAll('mark.m')) {
            for (const id of m.dataset.f.split(' ')) out[id] = (out[id] || '') + m.textContent;
        }
        return out;
    }""")
    for i, d in enumerate(report.diagnostics):
        assert got[str(i)] == without_breaks(d.text)
    # every finding's first highlight is laid out (non-zero box) inside its line
    boxes = page.evaluate("""() => window.lintkitReport.first.map(m => {
        const r = m.getBoundingClientRect(), l = m.closest('.ln').getBoundingClientRect();
        return [r.width, r.height, r.top >= l.top - 1 && r.bottom <= l.bottom + 1];
    })""")
    assert len(boxes) == len(report.diagnostics)
    assert all(w > 0 and h > 0 and inside for w, h, inside in boxes)
    assert errors == []
    page.close()


def test_browser_hover_click_jump_and_filters(browser, tmp_path):
    report = seed_report()
    page, errors = open_page(browser, tmp_path, page_of(report))
    assert page.locator("#tip").is_hidden()
    page.hover("mark.m >> nth=0")
    tip = page.locator("#tip")
    assert tip.is_visible() and report.diagnostics[0].message in tip.inner_text()
    assert "修改建议" in tip.inner_text()
    # jump from the side list to a finding far down the page
    k = len(report.diagnostics) - 1
    page.mouse.move(5, 5)
    page.click(f'#list li[data-f="{k}"]')
    in_view = page.evaluate(f"""() => {{ const r = window.lintkitReport.first[{k}].getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight; }}""")
    assert in_view
    assert tip.is_visible() and report.diagnostics[k].message in tip.inner_text()
    # severity filter: hide errors
    n_err = sum(1 for d in report.diagnostics if d.severity == "error")
    page.uncheck('input[data-sev="error"]')
    hidden = page.evaluate("() => document.querySelectorAll('#list li.hidden').length")
    assert hidden == n_err
    marks = page.evaluate("""() => [...document.querySelectorAll('mark.m')].map(m =>
        [m.classList.contains('off'), m.dataset.f.split(' ').map(i => window.lintkitReport.findings[i].s)])""")
    assert any(not off for off, _ in marks)
    for off, sevs in marks:
        assert off == all(s == "error" for s in sevs)
    page.check('input[data-sev="error"]')
    # rule filter: untick one rule
    rid = report.diagnostics[0].rule
    page.uncheck(f'input[data-rule="{rid}"]')
    shown = page.evaluate(f"""() => +document.querySelector('[data-count="{rid}"]').textContent""")
    assert shown == 0
    off = page.evaluate(f"""() => [...document.querySelectorAll('mark.m')].filter(m => m.dataset.f.split(' ')
        .every(i => window.lintkitReport.findings[i].r === "{rid}")).every(m => m.classList.contains('off'))""")
    assert off
    assert errors == []
    page.screenshot(path=str(tmp_path / "seed000.png"))
    assert (tmp_path / "seed000.png").stat().st_size > 10000
    page.close()


def test_browser_runs_no_script_from_the_draft(browser, tmp_path):
    text = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> 并对202 2年\n'
    diags = lintkit.check_text(text, "x.txt")
    page, errors = open_page(browser, tmp_path, page_of(Report(diagnostics=diags, files_checked=1,
                                                               sources={"x.txt": text})))
    assert page.evaluate("() => window.pwned") is None
    assert "<script>window.pwned=1</script>" in page.inner_text(".text")
    assert [e for e in errors if not e.startswith("network: file:")] == []
    page.close()


def test_browser_long_line_and_batch_stay_usable(browser, tmp_path):
    line = ("并对202 2年全县妇联工作进行安排部署 。" * 150)[:3000]
    diags = lintkit.check_text(line, "long.txt")
    page, errors = open_page(browser, tmp_path, page_of(Report(diagnostics=diags, files_checked=1,
                                                               sources={"long.txt": line})), "long.html")
    # the line wraps inside the page: no horizontal scrolling
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    page.close()
    report = _batch()
    page, errors = open_page(browser, tmp_path, page_of(report), "batch.html")
    page.uncheck('input[data-sev="warning"]')
    page.check('input[data-sev="warning"]')
    with_findings = len({d.path for d in report.diagnostics})
    assert 90 < with_findings <= 100
    assert page.evaluate("() => document.querySelectorAll('section.doc').length") == with_findings
    assert errors == []
    page.close()
