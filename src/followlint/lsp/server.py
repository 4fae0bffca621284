"""The language server: diagnostics on open, change and save; the rule page on hover; a quick
fix that inserts an inline suppression. Needs pygls (``pip install 'followlint[lsp]'``)."""
from __future__ import annotations

import os
from dataclasses import dataclass

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import ServerTextPosition, ServerTextRange, TextDocument

from .. import __version__
from ..config import CONFIG_FILES
from ..model import Finding, Severity
from .buffers import Note, WorkspaceLinter
from .comments import suppression_line

SOURCE = "followlint"
SEVERITIES = {Severity.INFO: lsp.DiagnosticSeverity.Information, Severity.WARNING: lsp.DiagnosticSeverity.Warning,
              Severity.ERROR: lsp.DiagnosticSeverity.Error}


@dataclass
class Linted:
    """An open buffer's last run: the name it was linted as, each finding with its diagnostic."""

    name: str
    path: str  # where its config is looked for
    findings: list[tuple[Finding, lsp.Diagnostic]]


class FollowlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(SOURCE, __version__)
        self.linter = WorkspaceLinter(os.getcwd())
        self.linted: dict[str, Linted] = {}

    def lint(self, uri: str) -> None:
        """Lint the buffer as the editor holds it (saved or not) and publish its diagnostics."""
        doc = self.workspace.get_text_document(uri)
        self.linter.root = self.workspace.root_path or os.getcwd()
        path = to_fs_path(uri)
        title = os.path.basename(doc.path or "") or "untitled"
        report = self.linter.lint(path, title, doc.language_id or "", doc.source)
        found = [(finding, _diagnostic(doc, finding)) for finding in report.findings]
        self.linted[uri] = Linted(report.name, path or os.path.join(self.linter.root, title), found)
        diagnostics = [d for _, d in found] + [_note_diagnostic(doc, note) for note in report.notes]
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, version=doc.version, diagnostics=diagnostics))

    def at(self, uri: str, where: lsp.Range) -> list[tuple[Finding, lsp.Diagnostic]]:
        """The findings of the buffer whose range meets ``where`` (client units)."""
        linted = self.linted.get(uri)
        if linted is None:
            return []
        return [(f, d) for f, d in linted.findings if _meets(d.range, where)]


server = FollowlintServer()


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: FollowlintServer, params: lsp.DidOpenTextDocumentParams) -> None:
    ls.lint(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: FollowlintServer, params: lsp.DidChangeTextDocumentParams) -> None:
    ls.lint(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: FollowlintServer, params: lsp.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    if os.path.basename(to_fs_path(uri) or "") in CONFIG_FILES:
        for open_uri in list(ls.linted):  # a new config: every open buffer again
            ls.lint(open_uri)
    if uri in ls.workspace.text_documents:
        ls.lint(uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: FollowlintServer, params: lsp.DidCloseTextDocumentParams) -> None:
    ls.linted.pop(params.text_document.uri, None)
    ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
def hover(ls: FollowlintServer, params: lsp.HoverParams) -> lsp.Hover | None:
    """The rule page of each finding under the cursor, as ``followlint rule CODE`` prints it."""
    where = lsp.Range(start=params.position, end=params.position)
    found = ls.at(params.text_document.uri, where)
    if not found:
        return None
    linted = ls.linted[params.text_document.uri]
    pages, codes = [], []
    for finding, _ in found:
        rule = ls.linter.rule(finding.code, linted.path)
        if rule is not None and finding.code not in codes:
            codes.append(finding.code)
            pages.append(rule.documentation())
    if not pages:
        return None
    return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value="\n---\n\n".join(pages)),
                     range=found[0][1].range)


@server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
def code_action(ls: FollowlintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
    """For each finding in the range: insert ``followlint: disable-next-line=CODE -- reason``
    above its line, in the file type's comment syntax, with a reason left to fill in."""
    uri = params.text_document.uri
    linted = ls.linted.get(uri)
    if linted is None:
        return []
    doc = ls.workspace.get_text_document(uri)
    lines = doc.lines
    actions, done = [], set()
    for finding, diagnostic in ls.at(uri, params.range):
        line = diagnostic.range.start.line
        if (finding.code, line) in done:
            continue
        done.add((finding.code, line))
        text = lines[line] if line < len(lines) else ""
        indent = text[:len(text) - len(text.lstrip(" \t"))]
        start = lsp.Position(line=line, character=0)
        edit = lsp.TextEdit(range=lsp.Range(start=start, end=start),
                            new_text=suppression_line(linted.name, finding.code, indent))
        actions.append(lsp.CodeAction(
            title=f"Suppress {finding.code} on this line (a reason is needed)",
            kind=lsp.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            edit=lsp.WorkspaceEdit(changes={uri: [edit]}),
        ))
    return actions


def _diagnostic(doc: TextDocument, finding: Finding) -> lsp.Diagnostic:
    message = finding.message + (f"\n{finding.suggestion}" if finding.suggestion else "")
    return lsp.Diagnostic(range=_range(doc, finding.line, finding.column, finding.end_line, finding.end_column),
                          message=message, severity=SEVERITIES[finding.severity], code=finding.code,
                          source=SOURCE)


def _note_diagnostic(doc: TextDocument, note: Note) -> lsp.Diagnostic:
    line = max(note.line, 1)
    return lsp.Diagnostic(range=_range(doc, line, 1, line + 1, 1), message=note.message, source=SOURCE,
                          severity=lsp.DiagnosticSeverity.Error if note.error else lsp.DiagnosticSeverity.Warning)


def _range(doc: TextDocument, line: int, column: int, end_line: int, end_column: int) -> lsp.Range:
    """followlint's 1-based lines and code-point columns (end exclusive) as the client's range."""
    lines = doc.lines
    last = max(len(lines) - 1, 0)
    start_line = min(max(line - 1, 0), last)
    stop_line = min(max(end_line - 1, start_line), len(lines))
    start = ServerTextPosition(start_line, max(column - 1, 0))
    stop = ServerTextPosition(stop_line, max(end_column - 1, 0) if stop_line < len(lines) else 0)
    if (stop.line, stop.character) < (start.line, start.character):
        stop = start
    return doc.range_to_client_units(ServerTextRange(start, stop))


def _meets(outer: lsp.Range, inner: lsp.Range) -> bool:
    def key(position: lsp.Position) -> tuple[int, int]:
        return position.line, position.character

    return key(outer.start) <= key(inner.end) and key(inner.start) <= key(outer.end)


def serve() -> None:
    server.start_io()

