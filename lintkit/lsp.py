"""``lintkit lsp``: a language server on stdio, built on pygls (``pip install 'lintkit[lsp]'``).

- Diagnostics on open, change and save, from the same engine and configuration as ``lintkit check`` (found by
  walking up from the file; saving a ``lintkit.toml``, ``.lintkit.toml`` or ``pyproject.toml`` reloads it).
- Positions in the negotiated encoding: the client's first choice among UTF-8, UTF-16 and UTF-32
  (``general.positionEncodings``), UTF-16 when it states none — so 𠮷 (U+20BB7) counts 2 in UTF-16, 4 in UTF-8.
- Code actions: a quick fix per diagnostic with a fix (safe fixes are preferred; unsafe ones say so), a
  "disable RULE for this line" action that inserts ``<!-- lintkit: ignore-next-line RULE -->`` above the line,
  and ``source.fixAll.lintkit`` (every safe fix, to a fixed point, as one edit).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

import regex
from lsprotocol import types as T
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from . import __version__
from .config import CONFIG_NAMES
from .document import Document
from .engine import Linter, Options

FIX_ALL_KIND = "source.fixAll.lintkit"
SEVERITY = {"error": T.DiagnosticSeverity.Error, "warning": T.DiagnosticSeverity.Warning,
            "info": T.DiagnosticSeverity.Information}
_ASTRAL = regex.compile(r"[\U00010000-\U0010FFFF]")
log = logging.getLogger("lintkit.lsp")


@dataclass
class Linted:
    """The last lint of one open document: its text, a position converter and the diagnostics."""

    version: int | None
    text: str
    positions: "Positions"
    diagnostics: list  # lintkit.model.Diagnostic, offsets into ``text``
    lsp: list  # the matching T.Diagnostic, same order
    path: Path | None
    display: str
    suffix: str


class Positions:
    """Code-point offsets of one text ↔ LSP positions in the negotiated encoding (utf-8, utf-16 or utf-32)."""

    def __init__(self, text: str, encoding: str) -> None:
        self.doc = Document(text)
        self.encoding = str(encoding)
        self._astral_lines: dict[int, bool] = {}

    def _units(self, s: str) -> int:
        if self.encoding == T.PositionEncodingKind.Utf8:
            return len(s.encode("utf-8"))
        if self.encoding == T.PositionEncodingKind.Utf32:
            return len(s)
        return len(s) + len(_ASTRAL.findall(s))  # UTF-16: astral characters are surrogate pairs

    def position(self, offset: int) -> T.Position:
        idx = self.doc.line_index(offset)
        start, end = self.doc.lines[idx]
        offset = min(offset, end)
        if self.encoding != T.PositionEncodingKind.Utf32 and not self._line_has_non_unit(idx, start, end):
            return T.Position(line=idx, character=offset - start)
        return T.Position(line=idx, character=self._units(self.doc.text[start:offset]))

    def _line_has_non_unit(self, idx: int, start: int, end: int) -> bool:
        """Whether code points and code units differ on this line (cached per line)."""
        if idx not in self._astral_lines:
            line = self.doc.text[start:end]
            if self.encoding == T.PositionEncodingKind.Utf8:
                self._astral_lines[idx] = not line.isascii()
            else:
                self._astral_lines[idx] = _ASTRAL.search(line) is not None
        return self._astral_lines[idx]

    def range(self, start: int, end: int) -> T.Range:
        return T.Range(start=self.position(start), end=self.position(end))


class LintkitServer(LanguageServer):
    def __init__(self, options: Options) -> None:
        super().__init__("lintkit", __version__, text_document_sync_kind=T.TextDocumentSyncKind.Incremental)
        self.options = options
        self._linters: dict[bool, Linter] = {}
        self.linted: dict[str, Linted] = {}

    # ------------------------------------------------------------------ engine
    def linter(self, fix: bool = False) -> Linter:
        if fix not in self._linters:
            o = self.options
            self._linters[fix] = Linter(Options(config=o.config, no_config=o.no_config, fix=fix, diff=fix))
        return self._linters[fix]

    def reload(self) -> None:
        self._linters.clear()

    def report_server_error(self, error: Exception, source) -> None:
        """An error outside a request (e.g. ``didChange`` for a document that was never opened, which pygls itself
        cannot apply): logged and ignored, never shown to the user as a Python exception."""
        log.warning("ignored %s: %s: %s", getattr(source, "__name__", source), type(error).__name__, error)

    def is_open(self, uri: str) -> bool:
        from urllib.parse import unquote

        try:
            return unquote(uri) in self.workspace.text_documents
        except Exception:
            return False

    def encoding(self) -> str:
        try:
            return str(self.workspace.position_encoding or T.PositionEncodingKind.Utf16)
        except Exception:
            return T.PositionEncodingKind.Utf16

    def lint(self, uri: str) -> Linted | None:
        document = self.workspace.get_text_document(uri)
        text = document.source
        path_str = to_fs_path(uri) if uri.startswith("file:") else None
        path = Path(path_str) if path_str else None
        suffix = path.suffix.lower() if path is not None else ""
        if suffix not in (".txt", ".md", ".markdown"):
            suffix = ".md" if document.language_id == "markdown" else ".txt"
        display = _display(path) if path is not None else uri
        linter = self.linter()
        result = linter.lint_bytes(text.encode("utf-8"), display, path, suffix=suffix)
        positions = Positions(text, self.encoding())
        shift = 1 if text.startswith("\ufeff") else 0  # the reader drops a BOM character
        lsp = []
        for d in result.diagnostics:
            lsp.append(T.Diagnostic(
                range=positions.range(d.offset + shift, d.end_offset + shift) if d.rule != "LNT001"
                else T.Range(start=T.Position(0, 0), end=T.Position(0, 0)),
                message=d.message,
                severity=SEVERITY[d.severity],
                code=d.rule,
                source="lintkit",
                data={"name": d.name, "offset": d.offset + shift},
            ))
        linted = Linted(document.version, text, positions, list(result.diagnostics), lsp, path, display, suffix)
        if shift:
            linted.diagnostics = [_shifted(d, shift) for d in linted.diagnostics]
        self.linted[uri] = linted
        return linted

    def publish(self, uri: str) -> None:
        try:
            linted = self.lint(uri)
        except Exception as exc:  # a configuration error, a crashing plugin: tell the user, keep serving
            self.window_show_message(T.ShowMessageParams(type=T.MessageType.Error, message=f"lintkit: {exc}"))
            log.exception("lint failed")
            return
        if linted is not None:
            self.text_document_publish_diagnostics(T.PublishDiagnosticsParams(
                uri=uri, diagnostics=linted.lsp, version=linted.version))

    # ------------------------------------------------------------------ code actions
    def code_actions(self, params: T.CodeActionParams) -> list[T.CodeAction]:
        uri = params.text_document.uri
        if not self.is_open(uri):  # the client asks about a document it never opened: nothing to offer
            log.info("code action for %s, which is not open: ignored", uri)
            return []
        linted = self.linted.get(uri)
        document = self.workspace.get_text_document(uri)
        if linted is None or linted.text != document.source:
            linted = self.lint(uri)
        if linted is None:
            return []
        only = list(params.context.only or [])

        def wanted(kind: str) -> bool:
            return not only or any(kind == o or kind.startswith(o + ".") for o in only)

        actions: list[T.CodeAction] = []
        lo, hi = params.range.start, params.range.end
        asked = {(str(x.code), _key(x.range.start), _key(x.range.end)) for x in params.context.diagnostics or ()}
        if wanted(T.CodeActionKind.QuickFix):
            for d, ld in zip(linted.diagnostics, linted.lsp):
                if d.rule.startswith("LNT"):
                    continue
                if not _touches(ld.range, lo, hi) and \
                        (d.rule, _key(ld.range.start), _key(ld.range.end)) not in asked:
                    continue
                if d.fix is not None:
                    safe = d.fix.applicability == "safe"
                    title = (d.fix.message or f"修复 {d.rule}") + ("" if safe else "（不安全修复，请确认）")
                    edits = [T.TextEdit(range=linted.positions.range(e.start, e.end), new_text=e.content)
                             for e in d.fix.edits]
                    actions.append(T.CodeAction(title=f"{title} [{d.rule}]", kind=T.CodeActionKind.QuickFix,
                                                diagnostics=[ld], is_preferred=safe,
                                                edit=T.WorkspaceEdit(changes={uri: edits})))
                actions.append(self._disable_action(uri, linted, d, ld))
        if wanted(FIX_ALL_KIND) and (only or any(d.fix is not None for d in linted.diagnostics)):
            action = self._fix_all(uri, linted)
            if action is not None:
                actions.append(action)
        return actions

    def _disable_action(self, uri: str, linted: Linted, d, ld: T.Diagnostic) -> T.CodeAction:
        line = ld.range.start.line
        newline = linted.positions.doc.newline
        directive = f"<!-- lintkit: ignore-next-line {d.rule} -->{newline}"
        at = T.Position(line=line, character=0)
        return T.CodeAction(title=f"在这一行禁用 {d.rule}（{d.name}）", kind=T.CodeActionKind.QuickFix,
                            diagnostics=[ld],
                            edit=T.WorkspaceEdit(changes={uri: [T.TextEdit(range=T.Range(start=at, end=at),
                                                                           new_text=directive)]}))

    def _fix_all(self, uri: str, linted: Linted) -> T.CodeAction | None:
        linter = self.linter(fix=True)
        text = linted.text
        result = linter.lint_bytes(text.encode("utf-8"), linted.display, linted.path, suffix=linted.suffix)
        fixed = result.fixed
        if fixed is None or fixed == text or text.startswith("\ufeff"):
            return None
        # one edit covering only what changed (common prefix and suffix kept)
        p = 0
        n = min(len(text), len(fixed))
        while p < n and text[p] == fixed[p]:
            p += 1
        s = 0
        while s < n - p and text[len(text) - 1 - s] == fixed[len(fixed) - 1 - s]:
            s += 1
        edit = T.TextEdit(range=linted.positions.range(p, len(text) - s), new_text=fixed[p:len(fixed) - s])
        return T.CodeAction(title=f"lintkit：应用全部安全修复（{result.fixes_applied} 处）", kind=FIX_ALL_KIND,
                            edit=T.WorkspaceEdit(changes={uri: [edit]}))


def _shifted(d, shift: int):
    from dataclasses import replace

    from .model import Edit, Fix

    fix = d.fix
    if fix is not None:
        fix = Fix(tuple(Edit(e.start + shift, e.end + shift, e.content) for e in fix.edits), fix.message,
                  fix.applicability)
    return replace(d, offset=d.offset + shift, end_offset=d.end_offset + shift, fix=fix)


def _key(p: T.Position) -> tuple[int, int]:
    return (p.line, p.character)


def _touches(r: T.Range, lo: T.Position, hi: T.Position) -> bool:
    """Whether diagnostic range ``r`` overlaps or touches the requested range [lo, hi] (a cursor inside it)."""
    return _key(r.start) <= _key(hi) and _key(lo) <= _key(r.end)


def _display(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path.as_posix()
    return Path(rel).as_posix() if not rel.startswith("..") else path.as_posix()


def build_server(options: Options = Options()) -> LintkitServer:
    server = LintkitServer(options)

    @server.feature(T.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: LintkitServer, params: T.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(T.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: LintkitServer, params: T.DidChangeTextDocumentParams) -> None:
        if ls.is_open(params.text_document.uri):
            ls.publish(params.text_document.uri)

    @server.feature(T.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: LintkitServer, params: T.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri.rsplit("/", 1)[-1] in CONFIG_NAMES:
            ls.reload()
            for open_uri in list(ls.linted):
                ls.publish(open_uri)
        if uri in ls.linted or uri.endswith((".txt", ".md", ".markdown")):
            ls.publish(uri)

    @server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: LintkitServer, params: T.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.linted.pop(uri, None)
        ls.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(T.TEXT_DOCUMENT_CODE_ACTION,
                    T.CodeActionOptions(code_action_kinds=[T.CodeActionKind.QuickFix, FIX_ALL_KIND]))
    def code_action(ls: LintkitServer, params: T.CodeActionParams) -> list[T.CodeAction]:
        try:
            return ls.code_actions(params)
        except Exception:  # never a traceback in the client's error response: log it, offer nothing
            log.exception("code action failed for %s", params.text_document.uri)
            return []

    return server


def serve(config: str | None = None, no_config: bool = False) -> int:
    """Run the server on stdin/stdout until the client says exit."""
    server = build_server(Options(config=config, no_config=no_config))
    server.start_io()
    return 0
