"""``followlint server``: the language server, driven over stdio as an editor drives it.

The server runs as a real subprocess (``python -m followlint server``); a small JSON-RPC client
here frames each message with a Content-Length header, as the protocol says. Every message both
ways is kept in a transcript, printed at the end of the test (``pytest -s`` shows it).
"""
from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from conftest import _clean_env
from followlint.lsp.buffers import WorkspaceLinter
from followlint.lsp.comments import COMMENT_SYNTAX, suppression_line

TIMEOUT = 60

DRAFT = (
    "<p>Hi Sam,</p>\n"
    "<p>Just checking in to see how things are going.</p>\n"
    "<p>As per my last email, the contract needs your signature.</p>\n"
    "<p>Priya</p>\n"
)
# A local plugin of the workspace (its config loads it): flags "as per my last email".
SNARK_PLUGIN = textwrap.dedent(
    '''
    """A workspace's own rule."""
    import followlint
    from followlint.model import Direction
    from followlint.rules.base import Rule
    from followlint.signals.kinds import Kind


    class PerMyLastEmail(Rule):
        code = "LOC001"
        name = "per-my-last-email"
        reads = ("snark",)
        summary = "Flags 'as per my last email'."
        what = "An outbound touch that reminds the customer they did not read."
        why = "Customers notice."

        def check(self, conversation, ctx):
            for touch in conversation.touches:
                if touch.quoted or touch.direction is not Direction.OUTBOUND:
                    continue
                for signal in touch.signals_of("snark"):
                    yield self.finding(conversation, touch, signal, "snark: " + signal.text)


    @followlint.hookimpl
    def followlint_add_rules():
        return [PerMyLastEmail]


    @followlint.hookimpl
    def followlint_add_kinds():
        return [Kind("snark", "what LOC001 flags")]


    @followlint.hookimpl
    def followlint_add_vocabulary():
        return {"snark": ["[as] per my last (email|message)"]}
    '''
)


class LspClient:
    """The editor's side: Content-Length framed JSON-RPC over the server's stdin and stdout."""

    def __init__(self, cwd: Path, stderr_path: Path):
        self.stderr = open(stderr_path, "wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "followlint", "server"], cwd=str(cwd),
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr,
                                     env=_clean_env(None))
        self.incoming: queue.Queue = queue.Queue()
        self.transcript: list[tuple[str, dict]] = []
        self.next_id = 0
        self.pending: list[dict] = []  # notifications read while waiting for something else
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    self.incoming.put(None)
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                key, _, value = line.partition(":")
                headers[key.strip().lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self.incoming.put(json.loads(body.decode("utf-8")))

    def send(self, message: dict) -> None:
        message = {"jsonrpc": "2.0", **message}
        self.transcript.append(("-->", message))
        body = json.dumps(message).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict | None = None) -> None:
        self.send({"method": method, **({"params": params} if params is not None else {})})

    def _receive(self) -> dict:
        try:
            message = self.incoming.get(timeout=TIMEOUT)
        except queue.Empty:
            raise AssertionError("the server said nothing for a minute") from None
        assert message is not None, "the server closed its output"
        self.transcript.append(("<--", message))
        if "method" in message and "id" in message:  # a request from the server: answer it
            self.send({"id": message["id"], "result": None})
        return message

    def request(self, method: str, params: dict | None = None):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, **({"params": params} if params is not None else {})})
        while True:
            message = self._receive()
            if message.get("id") == self.next_id and "method" not in message:
                assert "error" not in message, message
                return message.get("result")
            if "method" in message:
                self.pending.append(message)

    def diagnostics(self, uri: str) -> list[dict]:
        """The next publishDiagnostics for ``uri`` (earlier ones already read are skipped)."""
        while True:
            while self.pending:
                message = self.pending.pop(0)
                if message["method"] == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                    return message["params"]["diagnostics"]
            message = self._receive()
            if "method" in message:
                self.pending.append(message)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=TIMEOUT)
        self.stderr.close()

    def printed(self) -> str:
        return "\n".join(f"{way} {json.dumps(message)}" for way, message in self.transcript)


@pytest.fixture
def workspace(tmp_path):
    """A template repository: its config raises FL101 to an error and loads a local plugin."""
    (tmp_path / "local").mkdir()
    (tmp_path / "local" / "snark.py").write_text(SNARK_PLUGIN, encoding="utf-8")
    (tmp_path / ".followlint.toml").write_text(
        'plugins = ["local/snark.py"]\n\n[severity]\nFL101 = "error"\n', encoding="utf-8")
    (tmp_path / "welcome.html").write_text(DRAFT, encoding="utf-8")
    return tmp_path


@pytest.fixture
def client(workspace):
    client = LspClient(workspace, workspace / "server-stderr.txt")
    yield client
    print(client.printed())
    (workspace / "lsp-transcript.txt").write_text(client.printed(), encoding="utf-8")
    client.close()


def uri_of(path: Path) -> str:
    return path.as_uri()


def by_code(diagnostics: list[dict]) -> dict[str, dict]:
    return {d.get("code"): d for d in diagnostics}


def text_at(text: str, rng: dict) -> str:
    lines = text.splitlines(True)
    start, end = rng["start"], rng["end"]
    assert start["line"] == end["line"]
    return lines[start["line"]][start["character"]:end["character"]]


def apply_edits(text: str, edits: list[dict]) -> str:
    lines = text.splitlines(True)
    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]), reverse=True):
        start, end = edit["range"]["start"], edit["range"]["end"]
        assert start == end, "the quick fix only inserts"
        line = lines[start["line"]]
        lines[start["line"]] = line[:start["character"]] + edit["newText"] + line[start["character"]:]
    return "".join(lines)


def rule_page(code: str, cwd: Path) -> str:
    proc = subprocess.run([sys.executable, "-m", "followlint", "rule", code], cwd=str(cwd), capture_output=True,
                          env=_clean_env(None), timeout=TIMEOUT)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.decode("utf-8")


def test_an_editor_session_over_stdio(client, workspace):
    draft = workspace / "welcome.html"
    uri = uri_of(draft)
    result = client.request("initialize", {"processId": os.getpid(), "rootUri": uri_of(workspace),
                                           "capabilities": {}, "clientInfo": {"name": "test_lsp"}})
    capabilities = result["capabilities"]
    assert result["serverInfo"]["name"] == "followlint"
    assert capabilities["hoverProvider"] and capabilities["codeActionProvider"]
    assert capabilities["textDocumentSync"]["openClose"] and capabilities["textDocumentSync"]["save"] is not None
    client.notify("initialized", {})

    # Open: the findings, with the workspace's config (FL101 raised to an error) and plugin (LOC001).
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "html", "version": 1, "text": DRAFT}})
    found = by_code(client.diagnostics(uri))
    assert set(found) == {"FL101", "LOC001"}
    assert found["FL101"]["severity"] == 1 and found["FL101"]["source"] == "followlint"
    assert text_at(DRAFT, found["FL101"]["range"]) == "Just checking in"
    assert found["LOC001"]["severity"] == 2 and text_at(DRAFT, found["LOC001"]["range"]) == "As per my last email"

    # Change (incremental, unsaved): the check-in gives way to news; FL101 is gone.
    line = DRAFT.splitlines()[1]
    news = "<p>Good news: your plates arrived, and I can bring them Thursday at 4pm.</p>"
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": len(line)}},
                            "text": news}]})
    assert set(by_code(client.diagnostics(uri))) == {"LOC001"}

    # Change back, whole text this time: FL101 again.
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": DRAFT}]})
    assert set(by_code(client.diagnostics(uri))) == {"FL101", "LOC001"}

    # Save the config with FL101 as info: saving it lints the open buffer again with the new config;
    # saving the draft lints it too.
    config = workspace / ".followlint.toml"
    config.write_text('plugins = ["local/snark.py"]\n\n[severity]\nFL101 = "info"\n', encoding="utf-8")
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri_of(config)}})
    assert by_code(client.diagnostics(uri))["FL101"]["severity"] == 3
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    found = by_code(client.diagnostics(uri))
    assert set(found) == {"FL101", "LOC001"}

    # Hover on the finding: its rule page, as `followlint rule FL101` prints it.
    fl101 = found["FL101"]
    middle = {"line": fl101["range"]["start"]["line"], "character": fl101["range"]["start"]["character"] + 5}
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": middle})
    assert hover["contents"]["kind"] == "markdown"
    assert hover["contents"]["value"] == rule_page("FL101", workspace)
    assert client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 2}}) is None

    # Code action: an inline suppression in HTML comment syntax, with a reason to fill in.
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": fl101["range"], "context": {"diagnostics": [fl101]}})
    assert [a["title"] for a in actions] == ["Suppress FL101 on this line (a reason is needed)"]
    assert actions[0]["kind"] == "quickfix"
    edits = actions[0]["edit"]["changes"][uri]
    fixed = apply_edits(DRAFT, edits)
    inserted = fixed.splitlines()[1]
    assert inserted.startswith("<!-- followlint: disable-next-line=FL101 -- ") and inserted.endswith(" -->")
    assert fixed.splitlines()[2] == DRAFT.splitlines()[1]
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": fixed}]})
    after = client.diagnostics(uri)
    assert [d.get("code") for d in after] == ["LOC001"], after  # suppressed, and no warning about the directive
    # The command line honours the same directive in the saved file.
    draft.write_text(fixed, encoding="utf-8")
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert [d.get("code") for d in client.diagnostics(uri)] == ["LOC001"]
    check = subprocess.run([sys.executable, "-m", "followlint", "check", "welcome.html", "--format", "json"],
                           cwd=str(workspace), capture_output=True, env=_clean_env(None), timeout=TIMEOUT)
    assert [f["code"] for f in json.loads(check.stdout)["findings"]] == ["LOC001"], check.stderr

    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []
    assert client.request("shutdown") is None
    client.notify("exit")
    assert client.proc.wait(timeout=TIMEOUT) == 0


ENTITY_DRAFT = "Hi Sam,\n\n<p>Just&nbsp;checking&nbsp;in to see how things are going.</p>\n\nPriya\n"


def test_unsaved_buffers_are_linted_as_their_language(client, workspace):
    client.request("initialize", {"processId": None, "rootUri": uri_of(workspace), "capabilities": {}})
    client.notify("initialized", {})
    # The same unsaved text, once as HTML and once as plain text: HTML decodes &nbsp;, text does not.
    as_html, as_text, as_jinja = "untitled:Untitled-1", "untitled:Untitled-2", "untitled:Untitled-3"
    client.notify("textDocument/didOpen", {"textDocument": {"uri": as_html, "languageId": "html", "version": 1, "text": ENTITY_DRAFT}})
    html = by_code(client.diagnostics(as_html))["FL101"]
    client.notify("textDocument/didOpen", {"textDocument": {"uri": as_text, "languageId": "plaintext", "version": 1, "text": ENTITY_DRAFT}})
    text = by_code(client.diagnostics(as_text))["FL101"]
    assert text_at(ENTITY_DRAFT, html["range"]) == "Just&nbsp;checking&nbsp;in"
    assert text_at(ENTITY_DRAFT, text["range"]) == "see how things are going"

    # Each gets the suppression in its own comment syntax; each is honoured.
    jinja_draft = "Hi {{ first_name }},\n\nJust checking in to see how things are going.\n\nPriya\n"
    client.notify("textDocument/didOpen", {"textDocument": {"uri": as_jinja, "languageId": "jinja", "version": 1, "text": jinja_draft}})
    jinja = by_code(client.diagnostics(as_jinja))["FL101"]
    for uri, source, diagnostic, opener in ((as_html, ENTITY_DRAFT, html, "<!-- "), (as_text, ENTITY_DRAFT, text, ""),
                                            (as_jinja, jinja_draft, jinja, "{# ")):
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": diagnostic["range"], "context": {"diagnostics": [diagnostic]}})
        fixed = apply_edits(source, actions[0]["edit"]["changes"][uri])
        assert fixed.splitlines()[diagnostic["range"]["start"]["line"]].startswith(opener + "followlint: disable-next-line=FL101 -- ")
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]})
        assert "FL101" not in by_code(client.diagnostics(uri)), fixed
    assert client.request("shutdown") is None
    client.notify("exit")
    assert client.proc.wait(timeout=TIMEOUT) == 0


def test_a_broken_config_is_a_diagnostic_not_a_dead_server(client, workspace):
    (workspace / ".followlint.toml").write_text("select = [\n", encoding="utf-8")
    client.request("initialize", {"processId": None, "rootUri": uri_of(workspace), "capabilities": {}})
    client.notify("initialized", {})
    uri = uri_of(workspace / "welcome.html")
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "html", "version": 1, "text": DRAFT}})
    [diagnostic] = client.diagnostics(uri)
    assert diagnostic["severity"] == 1 and ".followlint.toml" in diagnostic["message"] and "invalid TOML" in diagnostic["message"]
    # Fixed and saved: the findings come back.
    (workspace / ".followlint.toml").write_text('plugins = ["local/snark.py"]\n', encoding="utf-8")
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri_of(workspace / ".followlint.toml")}})
    assert set(by_code(client.diagnostics(uri))) == {"FL101", "LOC001"}
    assert client.request("shutdown") is None
    client.notify("exit")


def test_server_without_pygls_says_what_to_install(tmp_path):
    blocked = "import sys; sys.modules['pygls'] = None; sys.argv = ['followlint', 'server']; from followlint.cli import main; main()"
    proc = subprocess.run([sys.executable, "-c", blocked], cwd=str(tmp_path), capture_output=True, input=b"",
                          env=_clean_env(None), timeout=TIMEOUT)
    assert proc.returncode == 2 and proc.stdout == b""
    assert proc.stderr.decode().splitlines() == ["followlint: error: the language server needs pygls: pip install 'followlint[lsp]'"]


@pytest.mark.parametrize("suffix", [*COMMENT_SYNTAX, ".txt"])
def test_every_comment_syntax_is_one_the_linter_honours(tmp_path, suffix):
    draft = "Hi Sam,\n\n  Just checking in to see how things are going.\n\nPriya\n"
    linter = WorkspaceLinter(str(tmp_path))
    path = str(tmp_path / f"draft{suffix}")
    [finding] = linter.lint(path, "", "", draft).findings
    lines = draft.splitlines(True)
    lines.insert(finding.line - 1, suppression_line(path, finding.code, "  "))
    report = linter.lint(path, "", "", "".join(lines))
    assert report.findings == [] and report.notes == [], "".join(lines)
    # The comment ends where it should: naming another rule, the text below it is still linted,
    # and the directive is read (FL001: it suppressed nothing).
    lines[finding.line - 1] = suppression_line(path, "FL106", "  ")
    report = linter.lint(path, "", "", "".join(lines))
    assert [(f.code, f.line) for f in report.findings] == [("FL001", finding.line), ("FL101", finding.line + 1)]


def test_config_and_local_plugins_are_read_again_when_they_change(workspace):
    linter = WorkspaceLinter(str(workspace))
    path = str(workspace / "welcome.html")
    assert [f.code for f in linter.lint(path, "", "html", DRAFT).findings] == ["FL101", "LOC001"]
    plugin = workspace / "local" / "snark.py"
    plugin.write_text(SNARK_PLUGIN.replace("[as] per my last (email|message)", "the contract needs your signature"),
                      encoding="utf-8")
    [snark] = [f for f in linter.lint(path, "", "html", DRAFT).findings if f.code == "LOC001"]
    assert snark.excerpt == "the contract needs your signature"
    (workspace / ".followlint.toml").write_text('plugins = ["local/snark.py"]\nignore = ["FL101"]\n', encoding="utf-8")
    assert [f.code for f in linter.lint(path, "", "html", DRAFT).findings] == ["LOC001"]


def test_a_directive_without_a_reason_is_a_note_on_its_line(tmp_path):
    draft = "Hi Sam,\n\n<!-- followlint: disable-next-line=FL101 -->\nJust checking in to see how things are going.\n"
    report = WorkspaceLinter(str(tmp_path)).lint(str(tmp_path / "a.html"), "", "html", draft)
    assert [f.code for f in report.findings] == ["FL101"]
    [note] = report.notes
    assert note.line == 3 and not note.error and "has no reason" in note.message


def test_stdio_flag_is_accepted_and_end_of_input_ends_the_server(run_cli):
    code, out, err = run_cli("server", "--stdio", input=b"")
    assert code == 0 and out == "", err
