"""``--format sarif``: one SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), e.g. for GitHub
code scanning (``github/codeql-action/upload-sarif``).

- ``tool.driver.rules``: one descriptor per rule that has a result, with id, name, short description (the rule's
  summary line), full description and help (its documentation: 为什么/错误示例/正确写法/依据/修复) and default level.
- ``columnKind: unicodeCodePoints``: columns and ``charOffset``/``charLength`` count code points, like the JSON
  format.
- Results: level (error/warning/note), message, region with snippet, fixes (the edits, with their
  applicability in ``properties``) and ``partialFingerprints["lintkit/v1"]``: a hash of the rule id, the
  offending text and up to 8 characters of context on its line (see :mod:`lintkit.baseline`), plus ``:N`` for
  the N-th identical finding in a file, so the fingerprint does not change when lines move.
- ``.docx``: lines are paragraphs; regions carry no character offsets and results no fixes (the file's bytes are
  not text and it is never rewritten).
"""

from __future__ import annotations

import json
import os
import textwrap
from collections import Counter
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from .. import __version__
from ..baseline import diagnostic_fingerprint

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"


SECTIONS = ("为什么：", "错误示例：", "正确写法：", "依据：", "修复：")


def _doc_body(doc: str) -> str:
    """The documentation without its summary line: one paragraph per section (为什么/错误示例/…), the lines a
    docstring wraps joined again (without a space between CJK characters)."""
    lines = doc.splitlines()
    if len(lines) <= 1:
        return ""
    paragraphs: list[str] = []
    for raw in textwrap.dedent("\n".join(lines[1:])).splitlines():
        line = raw.strip()
        if not line:
            continue
        if not paragraphs or line.startswith(SECTIONS):
            paragraphs.append(line)
        else:
            prev = paragraphs[-1]
            sep = " " if prev[-1].isascii() and line[0].isascii() else ""
            paragraphs[-1] = prev + sep + line
    return "\n".join(paragraphs)


def rule_descriptor(rule) -> dict:
    doc = rule.doc
    body = _doc_body(doc) or rule.summary
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": body},
        "help": {"text": f"{rule.summary}\n\n{body}" if body != rule.summary else rule.summary},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"family": rule.family, "fix": rule.fix, "tags": [rule.family]},
    }


def _fallback_descriptor(rule_id: str, name: str) -> dict:
    return {"id": rule_id, "name": name, "shortDescription": {"text": name}}


def artifact_location(path: str) -> dict:
    """A relative path is a URI reference against ``%SRCROOT%`` (the working directory); an absolute path is a
    ``file:`` URI. Non-ASCII file names are percent-encoded (UTF-8), as RFC 3986 requires."""
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path, safe="/-._~"), "uriBaseId": SRCROOT}


def _is_docx(path: str) -> bool:
    return path.lower().endswith(".docx")


def _region(line: int, col: int, end_line: int, end_col: int, offset: int, end_offset: int, docx: bool) -> dict:
    region = {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}
    if not docx:
        region["charOffset"] = offset
        region["charLength"] = end_offset - offset
    return region


def _fix(d) -> dict:
    replacements = []
    for edit, (line, col, end_line, end_col) in zip(d.fix.edits, d.fix_positions):
        replacements.append({
            "deletedRegion": _region(line, col, end_line, end_col, edit.start, edit.end, False),
            "insertedContent": {"text": edit.content},
        })
    return {
        "description": {"text": d.fix.message or f"修复 {d.rule}"},
        "artifactChanges": [{"artifactLocation": artifact_location(d.path), "replacements": replacements}],
        "properties": {"applicability": d.fix.applicability},
    }


def _results(report, index: dict[str, int]):
    """The result objects, one at a time (a 20 MB draft has hundreds of thousands)."""
    seen: Counter = Counter()
    for d in report.diagnostics:
        docx = _is_docx(d.path)
        region = _region(d.line, d.column, d.end_line, d.end_column, d.offset, d.end_offset, docx)
        region["snippet"] = {"text": d.text}
        fp = diagnostic_fingerprint(d, report.sources.get(d.path))
        seen[(d.path, fp)] += 1
        result = {
            "ruleId": d.rule,
            "ruleIndex": index[d.rule],
            "level": LEVEL[d.severity],
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(d.path), "region": region}}],
            "partialFingerprints": {"lintkit/v1": f"{fp}:{seen[(d.path, fp)]}"},
        }
        if d.fix is not None and not docx:
            result["fixes"] = [_fix(d)]
        yield result


def _log(report, root_uri: str | None, results) -> tuple[dict, dict[str, int]]:
    rules_by_id = getattr(report, "rules", None) or {}
    used = sorted({d.rule for d in report.diagnostics})
    index = {rid: i for i, rid in enumerate(used)}
    names = {d.rule: d.name for d in report.diagnostics}
    descriptors = [rule_descriptor(rules_by_id[rid]) if rid in rules_by_id else _fallback_descriptor(rid, names[rid])
                   for rid in used]
    failed = any(d.rule in ("LNT001", "LNT002") for d in report.diagnostics)
    run = {
        "tool": {"driver": {
            "name": "lintkit",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": descriptors,
        }},
        "originalUriBaseIds": {SRCROOT: {"uri": root_uri or (Path.cwd().as_uri().rstrip("/") + "/")}},
        "invocations": [{"executionSuccessful": not failed}],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, index


def build(report, root_uri: str | None = None) -> dict:
    """The SARIF log as a dict (``root_uri``: the ``file:`` URI of ``%SRCROOT%``, default the working
    directory)."""
    log, index = _log(report, root_uri, [])
    log["runs"][0]["results"] = list(_results(report, index))
    return log


_HOLE = "\x00results\x00"


def render(report, stream: TextIO) -> None:
    """The same log as :func:`build`, streamed: the frame indented, each result on one line, written as it is
    made (json's indenting encoder is pure Python; the compact one is C)."""
    log, index = _log(report, None, _HOLE)
    head, tail = json.dumps(log, ensure_ascii=False, indent=2).split(json.dumps(_HOLE), 1)
    stream.write(head)
    sep = "[\n"
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    n = 0
    for n, result in enumerate(_results(report, index), 1):
        stream.write(sep)
        stream.write(dumps(result))
        sep = ",\n"
    stream.write("\n]" if n else "[]")
    stream.write(tail)
    stream.write("\n")
