"""``lintkit lsp`` end to end over stdio with pygls's own client: diagnostics on open/change/save, negotiated
position encoding (UTF-16 by default; an astral character before the span), quick fixes, the "disable RULE for
this line" action and ``source.fixAll.lintkit``. Every wait is bounded."""

from __future__ import annotations

import asyncio
import sys

import pytest

pytest.importorskip("pygls")
from lsprotocol import types as T  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

TIMEOUT = 20  # seconds for any one exchange; a whole session stays well under a minute

B = "𠮷并对202 2年全县妇联工作进行安排部署。"  # U+20BB7 (astral) before an SPC001 span


class Session:
    def __init__(self, tmp_path, encodings=None):
        self.tmp_path = tmp_path
        self.encodings = encodings
        self.client = LanguageClient("lintkit-test", "1")
        self.diagnostics: dict[str, list[T.Diagnostic]] = {}
        self.versions: dict[str, int | None] = {}
        self.changed = asyncio.Event()
        self.messages: list[str] = []

        @self.client.feature(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: T.PublishDiagnosticsParams):
            self.diagnostics[params.uri] = params.diagnostics
            self.versions[params.uri] = params.version
            self.changed.set()

        @self.client.feature(T.WINDOW_SHOW_MESSAGE)
        def on_message(params: T.ShowMessageParams):
            self.messages.append(params.message)

    async def start(self):
        await self.client.start_io(sys.executable, "-m", "lintkit", "lsp", cwd=str(self.tmp_path))
        general = T.GeneralClientCapabilities(position_encodings=self.encodings) if self.encodings else None
        result = await asyncio.wait_for(self.client.initialize_async(T.InitializeParams(
            capabilities=T.ClientCapabilities(general=general), root_uri=self.tmp_path.as_uri(),
            process_id=None)), TIMEOUT)
        self.client.initialized(T.InitializedParams())
        return result

    async def stop(self):
        try:
            await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
            self.client.exit(None)
            await asyncio.wait_for(self.client.stop(), TIMEOUT)
        finally:
            server = self.client._server
            if server is not None and server.returncode is None:
                server.kill()

    async def wait_for(self, uri, version):
        async def loop():
            while self.versions.get(uri, object()) != version:
                self.changed.clear()
                await self.changed.wait()
            return list(self.diagnostics[uri])

        return await asyncio.wait_for(loop(), TIMEOUT)

    async def save(self, uri, name):
        """Save ``name``; return the diagnostics of ``uri`` published after it."""
        self.versions.pop(uri, None)
        self.client.text_document_did_save(T.DidSaveTextDocumentParams(
            text_document=T.TextDocumentIdentifier(uri=self.uri(name))))
        return await self.wait_for(uri, 1)

    def uri(self, name):
        return (self.tmp_path / name).as_uri()

    async def open(self, name, text, version=1, language="plaintext"):
        uri = self.uri(name)
        self.client.text_document_did_open(T.DidOpenTextDocumentParams(
            text_document=T.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)))
        return uri, await self.wait_for(uri, version)

    async def actions(self, uri, line, only=None, character=0, diagnostics=()):
        """Code actions for a cursor at (line, character), with the diagnostics the editor shows there."""
        rng = T.Range(start=T.Position(line, character), end=T.Position(line, character))
        return await asyncio.wait_for(self.client.text_document_code_action_async(T.CodeActionParams(
            text_document=T.TextDocumentIdentifier(uri=uri), range=rng,
            context=T.CodeActionContext(diagnostics=list(diagnostics), only=only))), TIMEOUT)


def run(tmp_path, scenario, encodings=None):
    async def main():
        session = Session(tmp_path, encodings)
        try:
            init = await session.start()
            await scenario(session, init)
        finally:
            await session.stop()

    asyncio.run(asyncio.wait_for(main(), 90))


def apply(text: str, edits: list[T.TextEdit], units="utf-16") -> str:
    """Apply LSP text edits (in the given encoding) to ``text`` — what an editor does."""
    lines = text.splitlines(keepends=True) or [""]

    def offset(p: T.Position) -> int:
        before = sum(len(x) for x in lines[:p.line])
        line = lines[p.line] if p.line < len(lines) else ""
        n = 0
        for i, ch in enumerate(line):
            if n >= p.character:
                return before + i
            n += len(ch.encode("utf-16-le")) // 2 if units == "utf-16" else len(ch.encode("utf-8"))
        return before + len(line)

    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        s, t = offset(e.range.start), offset(e.range.end)
        text = text[:s] + e.new_text + text[t:]
        lines = text.splitlines(keepends=True)
    return text


def test_utf16_default_diagnostics_and_code_actions(tmp_path):
    text = "第一行。\n" + B + "\n"

    async def scenario(s: Session, init):
        assert init.capabilities.position_encoding == T.PositionEncodingKind.Utf16
        uri, diags = await s.open("a.txt", text)
        d = next(x for x in diags if x.code == "SPC001")
        # 𠮷 is 2 UTF-16 code units: "𠮷并对" = 4 units before "202 2"
        assert (d.range.start.line, d.range.start.character, d.range.end.character) == (1, 4, 9)
        assert d.severity == T.DiagnosticSeverity.Error and d.source == "lintkit"
        assert d.message == "数字“202 2”中间有空格"

        # the cursor is not on the span: no quick fix, only the whole-document source action
        assert [a.kind for a in await s.actions(uri, 1, character=0)] == ["source.fixAll.lintkit"]
        actions = await s.actions(uri, 1, character=6)  # inside "202 2"
        assert [a.title for a in await s.actions(uri, 1, diagnostics=[d])] == [a.title for a in actions]
        titles = [a.title for a in actions]
        quick = next(a for a in actions if a.title.endswith("[SPC001]"))
        assert quick.kind == T.CodeActionKind.QuickFix and quick.is_preferred
        assert apply(text, quick.edit.changes[uri]) == "第一行。\n" + B.replace("202 2", "2022") + "\n"
        disable = next(a for a in actions if a.title.startswith("在这一行禁用 SPC001"))
        disabled = apply(text, disable.edit.changes[uri])
        assert disabled == "第一行。\n<!-- lintkit: ignore-next-line SPC001 -->\n" + B + "\n"
        fix_all = next(a for a in actions if a.kind == "source.fixAll.lintkit")
        assert "fixAll" in fix_all.kind and len(titles) == 3

        # the disable action really silences the finding (and leaves no LNT003)
        s.client.text_document_did_change(T.DidChangeTextDocumentParams(
            text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[T.TextDocumentContentChangeWholeDocument(text=disabled)]))
        assert await s.wait_for(uri, 2) == []

        # an incremental change re-introduces a problem on line 0
        s.client.text_document_did_change(T.DidChangeTextDocumentParams(
            text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=3),
            content_changes=[T.TextDocumentContentChangePartial(
                range=T.Range(start=T.Position(0, 3), end=T.Position(0, 3)), text="共1 5个")]))
        diags = await s.wait_for(uri, 3)
        assert [(x.code, x.range.start.line, x.range.start.character) for x in diags] == [("SPC001", 0, 4)]

        # source.fixAll.lintkit on request: all safe fixes as one edit
        only = await s.actions(uri, 0, only=["source.fixAll"])
        assert [a.kind for a in only] == ["source.fixAll.lintkit"]
        current = "第一行共1 5个。\n<!-- lintkit: ignore-next-line SPC001 -->\n" + B + "\n"
        assert apply(current, only[0].edit.changes[uri]) == current.replace("1 5", "15")

    run(tmp_path, scenario)


def test_utf8_negotiated_and_save_and_markdown(tmp_path):
    async def scenario(s: Session, init):
        assert init.capabilities.position_encoding == T.PositionEncodingKind.Utf8
        uri, diags = await s.open("b.md", "`202 2年` " + B + "\n", language="markdown")
        # only the prose is linted (the code span is masked); UTF-8: 11 bytes for "`202 2年` ", 4 for 𠮷, 6 for 并对
        d = [x for x in diags if x.code == "SPC001"]
        assert [(x.range.start.character, x.range.end.character) for x in d] == [(21, 26)]

        # a configuration file is honoured, and saving it reloads it
        (tmp_path / "lintkit.toml").write_text('ignore = ["SPC001"]\n', encoding="utf-8")
        assert [x.code for x in await s.save(uri, "lintkit.toml")] == []
        # saving the document itself re-lints it too
        (tmp_path / "lintkit.toml").write_text("", encoding="utf-8")
        await s.save(uri, "lintkit.toml")
        assert [x.code for x in await s.save(uri, "b.md")] == ["SPC001"]

        # a broken configuration is shown to the user; the server keeps running
        (tmp_path / "lintkit.toml").write_text("select = 3\n", encoding="utf-8")
        s.client.text_document_did_save(T.DidSaveTextDocumentParams(
            text_document=T.TextDocumentIdentifier(uri=s.uri("lintkit.toml"))))
        for _ in range(100):
            if s.messages:
                break
            await asyncio.sleep(0.05)
        assert s.messages and "select" in s.messages[0]

    run(tmp_path, scenario, encodings=[T.PositionEncodingKind.Utf8, T.PositionEncodingKind.Utf16])


def test_close_clears_diagnostics(tmp_path):
    async def scenario(s: Session, init):
        uri, diags = await s.open("c.txt", B + "\n")
        assert diags
        s.client.text_document_did_close(T.DidCloseTextDocumentParams(
            text_document=T.TextDocumentIdentifier(uri=uri)))
        await s.wait_for(uri, None)
        assert list(s.diagnostics[uri]) == []

    run(tmp_path, scenario)


def test_missing_pygls_is_a_clear_usage_error(monkeypatch, capsys):
    from lintkit.cli import main

    monkeypatch.setitem(sys.modules, "lintkit.lsp", None)
    assert main(["lsp"]) == 2
    assert "pip install 'lintkit[lsp]'" in capsys.readouterr().err


def test_unknown_documents_are_ignored_without_a_traceback(tmp_path):
    (tmp_path / "never.txt").write_text(B + "\n", encoding="utf-8")

    async def scenario(s: Session, init):
        # a code action for a document the client never opened (and one that does not even exist)
        assert not await s.actions(s.uri("never.txt"), 0)
        assert not await s.actions(s.uri("missing.txt"), 0)
        # a change to a document that was never opened
        s.client.text_document_did_change(T.DidChangeTextDocumentParams(
            text_document=T.VersionedTextDocumentIdentifier(uri=s.uri("ghost.txt"), version=2),
            content_changes=[T.TextDocumentContentChangePartial(
                range=T.Range(start=T.Position(0, 0), end=T.Position(0, 0)), text="x")]))
        # the server carries on, and nothing was shown to the user
        uri, diags = await s.open("a.txt", B + "\n")
        assert [d.code for d in diags] == ["SPC001"]
        assert s.messages == []

    run(tmp_path, scenario)
