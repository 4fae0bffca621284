"""Security properties, checked on the code and on real runs.

(a) No shell and no eval on input: an AST scan of every module of followlint and of the
    example plugins for eval/exec/compile, os.system/popen/exec*/spawn*, a subprocess with
    shell=True, and unsafe deserialisers (pickle, marshal, shelve, yaml.load without a safe
    loader). Three uses of pickle are allowed, each with its reason in ALLOWED.
(b) The audit state file is private (0600, also when it existed with a wider mode) and a batch
    of messages is stored with its last UID in one transaction; the baseline file and the HTML
    report are written whole or not at all (a temporary file, then os.replace).
(c) A password is never taken on the command line nor written anywhere: real audits against
    Dovecot (tests/dovecot.py) with a wrong and with the right password, in every output format
    and with FOLLOWLINT_DEBUG=1, and the state file, are searched for it in every spelling a
    leak could take (as is, JSON-escaped, URL-quoted, in a SASL PLAIN blob).
(d) TLS certificates and host names are verified by default, for implicit TLS and STARTTLS;
    a server that will not do STARTTLS never sees the login.
(e) The HTML report escapes what mail brings that tests/test_html_report.py does not already
    try: markup that only appears once an HTML body's entities or an RFC 2047 header are
    decoded, a file name with a single quote, CSV header cells and file names in the "could
    not be read" section, and a real audit's rep names and IMAP mail.
"""
from __future__ import annotations

import ast
import base64
import html
import json
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import threading
from email.header import Header
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest

sys.path.insert(0, os.path.dirname(__file__))
import dovecot as dovecot_module  # noqa: E402
from conftest import CHECKIN_DRAFT, _clean_env  # noqa: E402
from dovecot import Dovecot, DovecotMissing, dovecot_binary, raw_message  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


# -- (a) no shell, no eval, no unsafe deserialisation -----------------------------------------------

SCANNED = [ROOT / "src" / "followlint", *sorted((ROOT / "plugins").glob("*/src"))]
# Calls that run a shell or code, or turn bytes into arbitrary objects.
FORBIDDEN_CALLS = {
    "eval", "exec", "compile", "builtins.eval", "builtins.exec", "builtins.compile",
    "os.system", "os.popen", "os.execl", "os.execle", "os.execlp", "os.execlpe", "os.execv", "os.execve", "os.execvp",
    "os.execvpe", "os.spawnl", "os.spawnle", "os.spawnlp", "os.spawnlpe", "os.spawnv", "os.spawnve", "os.spawnvp",
    "os.spawnvpe", "os.posix_spawn", "os.posix_spawnp", "subprocess.getoutput", "subprocess.getstatusoutput",
    "asyncio.create_subprocess_shell", "pty.spawn", "code.interact",
    "pickle.load", "pickle.loads", "pickle.Unpickler", "_pickle.load", "_pickle.loads", "cPickle.load", "cPickle.loads",
    "dill.load", "dill.loads", "marshal.load", "marshal.loads", "shelve.open", "jsonpickle.decode",
    "yaml.unsafe_load", "yaml.unsafe_load_all", "yaml.full_load", "yaml.full_load_all", "yaml.load_all",
}
SUBPROCESS = {"subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output", "subprocess.Popen"}
SAFE_YAML_LOADERS = {"SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader"}
# (file relative to the project, call): why it is acceptable.
ALLOWED = {
    ("src/followlint/signals/cache.py", "pickle.loads"):
        "the compiled phrase index's key tables, read back from a file followlint itself wrote in the user's own cache folder "
        "($FOLLOWLINT_CACHE_DIR, $XDG_CACHE_HOME/followlint or ~/.cache/followlint; created 0700, files 0600); "
        "no input (mail, export, config) ever names or fills that file",
    ("src/followlint/signals/phrases.py", "pickle.loads"):
        "a block of that same index's entries, decoded when a text first reaches it: bytes held in the cache file "
        "above, which cache.py has already checked is private before loading it",
    ("src/followlint/sources/crm/spill.py", "pickle.load"):
        "rows of a large CRM export spilled to anonymous temporary files (tempfile.TemporaryFile: no name, "
        "unlinked at creation) and read back by the same process: only what followlint pickled itself",
}


def _qualified_names(tree: ast.AST) -> dict[str, str]:
    """Local name -> what it was imported as ('p' -> 'pickle', 'loads' -> 'pickle.loads')."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name.split(".")[0]] = alias.name if alias.asname else alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def _dotted(node: ast.AST, names: dict[str, str]) -> str:
    if isinstance(node, ast.Name):
        return names.get(node.id, node.id)
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value, names)
        return f"{base}.{node.attr}" if base else ""
    return ""


def dangerous_calls(source: str, filename: str = "<string>") -> list[tuple[int, str]]:
    """(line, call) of every forbidden call in a module's source."""
    tree = ast.parse(source, filename)
    names = _qualified_names(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        call = _dotted(node.func, names)
        keywords = {k.arg: k.value for k in node.keywords if k.arg}
        if call in FORBIDDEN_CALLS:
            found.append((node.lineno, call))
        elif call in SUBPROCESS and "shell" in keywords and not (
                isinstance(keywords["shell"], ast.Constant) and keywords["shell"].value is False):
            found.append((node.lineno, f"{call}(shell=...)"))
        elif call == "yaml.load":
            loader = keywords.get("Loader") or (node.args[1] if len(node.args) > 1 else None)
            if loader is None or _dotted(loader, names).rsplit(".", 1)[-1] not in SAFE_YAML_LOADERS:
                found.append((node.lineno, "yaml.load"))
        elif call in ("getattr", "builtins.getattr") and len(node.args) > 1 and isinstance(node.args[1], ast.Constant) \
                and node.args[1].value in ("eval", "exec", "system", "popen", "loads"):
            found.append((node.lineno, f"getattr(..., {node.args[1].value!r})"))
    return found


def test_the_scanner_finds_what_it_looks_for():
    planted = """
import os, subprocess as sp, pickle as p, yaml
from os import system
from marshal import loads
from yaml import SafeLoader
eval("1")
exec(code)
compile(text, "x", "exec")
system("ls")
os.popen("ls")
sp.run("ls", shell=True)
sp.run(["ls"], shell=flag)
p.loads(data)
loads(data)
yaml.load(text)
yaml.load(text, Loader=yaml.Loader)
getattr(os, "system")("ls")
"""
    assert [call for _, call in dangerous_calls(planted)] == [
        "eval", "exec", "compile", "os.system", "os.popen", "subprocess.run(shell=...)", "subprocess.run(shell=...)",
        "pickle.loads", "marshal.loads", "yaml.load", "yaml.load", "getattr(..., 'system')"]
    harmless = """
import re, subprocess, yaml, json
from yaml import SafeLoader
re.compile("x")
subprocess.run(["git", "status"], shell=False)
subprocess.run(["git", "status"])
yaml.safe_load(text)
yaml.load(text, Loader=SafeLoader)
json.loads(text)
"""
    assert dangerous_calls(harmless) == []


def test_no_shell_no_eval_no_unsafe_deserialisation():
    files = [path for folder in SCANNED for path in sorted(folder.rglob("*.py"))]
    assert len(files) > 40 and any("plugins" in str(p) for p in files), "the scan does not see the code"
    found, used = [], set()
    for path in files:
        relative = path.relative_to(ROOT).as_posix()
        for line, call in dangerous_calls(path.read_text(encoding="utf-8"), str(path)):
            if (relative, call) in ALLOWED:
                used.add((relative, call))
            else:
                found.append(f"{relative}:{line}: {call}")
    assert not found, "a shell, eval or unsafe deserialiser (allow it in ALLOWED with a reason, or remove it):\n" + "\n".join(found)
    assert used == set(ALLOWED), f"allowed uses that are gone (remove them from ALLOWED): {sorted(set(ALLOWED) - used)}"


def test_phrase_cache_that_is_unpickled_is_private(tmp_path, run_cli, checkin_draft):
    """The reason the phrase cache's pickle is allowed: followlint writes it itself, in a
    folder only the user can enter, in a file only the user can read."""
    cache = tmp_path / "xdg-cache"
    code, _, err = run_cli("check", checkin_draft.name, env={"XDG_CACHE_HOME": str(cache), "FOLLOWLINT_CACHE_DIR": None})
    assert code == 1, err
    folder = cache / "followlint"
    pickles = list(folder.glob("*.pickle"))
    assert pickles, "no phrase cache written"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in pickles:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_phrase_cache_in_a_folder_others_may_write_is_never_unpickled(tmp_path, run_cli, checkin_draft):
    """FOLLOWLINT_CACHE_DIR pointed at a shared folder: a file planted there under the cache's
    name must not run. The index is rebuilt in memory and the run is the same."""
    shared = tmp_path / "shared"
    shared.mkdir()
    env = {"FOLLOWLINT_CACHE_DIR": str(shared)}
    assert run_cli("check", checkin_draft.name, env=env)[0] == 1  # writes the cache file
    canary = tmp_path / "pwned"

    class Planted:
        def __reduce__(self):
            return (os.system, (f"touch {canary}",))

    for path in shared.glob("phrases-*.pickle"):
        path.write_bytes(__import__("pickle").dumps(Planted()))
    shared.chmod(0o777)
    code, out, err = run_cli("check", checkin_draft.name, env=env)
    assert code == 1 and "FL101" in out, err
    assert not canary.exists(), "a planted cache file in a shared folder was unpickled"


def test_a_newline_in_a_file_name_stays_one_error_line(tmp_path, run_cli, checkin_draft):
    (tmp_path / "bad\nname.txt").write_bytes(b"")
    code, _, err = run_cli("check", "bad\nname.txt", checkin_draft.name)
    assert code == 2
    assert err.splitlines() == ["bad\\nname.txt: error: empty file"], err

# -- (b) the state file and the baseline ----------------------------------------------------------


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def permissive_umask():
    old = os.umask(0)
    yield
    os.umask(old)


def test_state_file_is_private_whatever_the_umask(tmp_path, permissive_umask):
    from followlint.audit.state import State

    state = State(str(tmp_path / "new" / "audit.sqlite"))  # a folder that does not exist yet
    try:
        assert _mode(tmp_path / "new") == 0o700
        assert _mode(tmp_path / "new" / "audit.sqlite") == 0o600
        with state.claim("imap://a@b", ["Sent"]):  # the per-mailbox lock files
            assert _mode(tmp_path / "new" / "audit.sqlite.locks") == 0o700
            assert [_mode(p) for p in (tmp_path / "new" / "audit.sqlite.locks").iterdir()] == [0o600]
        with state.transaction():  # SQLite's journal (it holds pages of mail while it exists) is as private
            state.backend.db.execute("INSERT INTO owners VALUES ('imap://a@b', 'a@b')")
            journals = [p for p in (tmp_path / "new").iterdir() if p.name.startswith("audit.sqlite-")]
            assert journals and all(_mode(p) == 0o600 for p in journals), [(p.name, oct(_mode(p))) for p in journals]
    finally:
        state.close()


def test_state_file_made_with_a_wider_mode_is_made_private(tmp_path):
    from followlint.audit.state import State

    path = tmp_path / "audit.sqlite"
    State(str(path)).close()
    path.chmod(0o644)  # copied, restored from a backup, or made by hand
    State(str(path)).close()
    assert _mode(path) == 0o600


def test_a_batch_and_its_last_uid_are_stored_together_or_not_at_all(tmp_path):
    from followlint.audit.state import State, StateError

    state = State(str(tmp_path / "audit.sqlite"))
    db = state.backend.db
    try:
        journal = db.execute("PRAGMA journal_mode").fetchone()[0]
        assert journal in ("delete", "truncate", "persist", "wal"), f"journal_mode={journal}: commits are not atomic"
        assert db.execute("PRAGMA synchronous").fetchone()[0] >= 1
        account = "imap://rep%40acme.example@127.0.0.1"
        state.store_batch(account, "Sent", 7, [(1, b"Subject: one\n\nfirst", "2026-11-05T10:00:00+00:00")])
        # The disk fills up (or the process dies) after the messages and before the last UID.
        db.execute("CREATE TEMP TRIGGER full BEFORE UPDATE ON folders BEGIN SELECT RAISE(ABORT, 'disk full'); END")
        db.execute("CREATE TEMP TRIGGER full2 BEFORE INSERT ON folders BEGIN SELECT RAISE(ABORT, 'disk full'); END")
        with pytest.raises(StateError, match="disk full"):
            state.store_batch(account, "Sent", 7, [(2, b"Subject: two\n\nsecond", "2026-11-05T11:00:00+00:00"),
                                                   (3, b"Subject: three\n\nthird", "2026-11-05T12:00:00+00:00")])
        assert state.folder(account, "Sent") == (7, 1)
        assert [uid for _, uid, _, _ in state.messages(account)] == [1], "messages kept without their last UID"
    finally:
        state.close()


def _baseline_with(file: Path, *paths: str):
    from followlint.baseline import Baseline, Entry

    entries = {f"fp{n}": Entry(path=p, code="FL101", fingerprint=f"fp{n}", excerpt="Just checking in") for n, p in enumerate(paths)}
    return Baseline(str(file), entries)


def test_baseline_is_replaced_whole_from_a_temporary_file_beside_it(tmp_path, monkeypatch):
    from followlint import baseline

    target = tmp_path / ".followlint-baseline.json"
    baseline.save(_baseline_with(target, "drafts/v0.txt"))
    seen = []
    real_replace = os.replace

    def recorded(path: Path) -> str:
        return json.loads(path.read_text(encoding="utf-8"))["findings"][0]["path"]

    def spy(source, destination):
        source, destination = Path(source), Path(destination)
        seen.append(source)
        assert source.parent == destination.parent, "the temporary file must be on the same file system"
        assert recorded(source) == f"drafts/v{len(seen)}.txt"  # complete before it takes the name
        assert recorded(destination) == f"drafts/v{len(seen) - 1}.txt"  # readers still see the old file
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", spy)
    baseline.save(_baseline_with(target, "drafts/v1.txt"))
    baseline.save(_baseline_with(target, "drafts/v2.txt"))
    assert len(seen) == 2 and seen[0] != seen[1], "each write needs a temporary file of its own (parallel hooks)"
    assert recorded(target) == "drafts/v2.txt"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_baseline_write_that_fails_leaves_the_old_file_and_no_debris(tmp_path, monkeypatch):
    from followlint import baseline
    from followlint.model import UsageError

    target = tmp_path / "baseline.json"
    baseline.save(_baseline_with(target, "drafts/old.txt"))
    old = target.read_bytes()

    def no_space(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    with pytest.raises(UsageError, match="cannot write baseline .*No space left on device"):
        baseline.save(_baseline_with(target, "drafts/new.txt"))
    assert target.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_baseline_write_does_not_follow_a_planted_temporary_name(tmp_path):
    """A fixed temporary name (baseline.json.tmp) is a file anyone with write access to the
    folder can plant as a symlink: the write would land in its target."""
    from followlint import baseline

    target = tmp_path / "baseline.json"
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    os.symlink(victim, tmp_path / "baseline.json.tmp")
    baseline.save(_baseline_with(target, "drafts/new.txt"))
    assert victim.read_text() == "keep me\n"
    assert not target.is_symlink() and json.loads(target.read_text())["version"] == 1


def test_update_baseline_from_the_command_line_keeps_the_folder_clean(run_cli, tmp_path, checkin_draft):
    (tmp_path / ".followlint.toml").write_text("", encoding="utf-8")
    code, _, err = run_cli("check", checkin_draft.name, "--baseline", "base.json", "--update-baseline")
    assert code == 0 and "wrote 1 finding" in err, err
    assert json.loads((tmp_path / "base.json").read_text())["findings"][0]["code"] == "FL101"
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o077, 0o600)])
def test_html_report_takes_the_mode_of_any_new_file(tmp_path, mask, expected):
    """The page quotes customers' mail: under umask 077 it must not become world-readable."""
    from followlint.engine import Report
    from followlint.reporters.html import write_html

    old = os.umask(mask)
    try:
        write_html(Report(), tmp_path / "page.html")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "page.html") == expected
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]


# -- a Dovecot with a recognisable password -------------------------------------------------------

# Quotes, a backslash and spaces: the password must also survive IMAP quoting and JSON escaping.
CANARY = 'Canary 7f3e9b "quoted" \\ Leak-Check'
WRONG = 'Wrong-Canary 41d2c8 "other" \\ Leak-Check'
PASSWORD_VAR = "FL_SECURITY_IMAP_PASSWORD"
NOW = "2026-11-20T09:00:00+00:00"
REPS = ("--rep", "@acme.example", "--rep", "@telco.example")  # the mailbox's owner, and the colleagues of the hand-off


@pytest.fixture(scope="module")
def imap_server():
    try:
        dovecot_binary()
    except DovecotMissing as exc:
        if IN_CI:
            pytest.fail(f"CI needs a real Dovecot for the security tests: {exc}")
        pytest.skip(f"no local Dovecot: {exc}")
    root = tempfile.mkdtemp(prefix="followlint-security-")
    os.chmod(root, 0o755)
    server = Dovecot(root, accounts=8)
    usual, dovecot_module.PASSWORD = dovecot_module.PASSWORD, CANARY  # the passwd-file gets the canary
    try:
        server.start()
    finally:
        dovecot_module.PASSWORD = usual
    yield server
    server.stop()
    shutil.rmtree(root, ignore_errors=True)


def _encoded(text: str) -> str:
    return Header(text, "utf-8").encode()  # RFC 2047: the markup only appears once decoded


HOSTILE_REP = '<script>document.title="rep"</script> Alice'
HOSTILE_BOB = '"><img src=x onerror=alert(8)> Bob'
HOSTILE_MSGID = "plates-1'\"><svg/onload=alert(12)>@customer.example"


def _seed_hostile_mailbox(server: Dovecot) -> str:
    """Bob's open complaint (hostile display name, subject, text and Message-ID) and our check-in
    reply: FL101 and FL103, the conversation named by Bob's Message-ID. And a colleague's
    unannounced HTML message (ENTITY_HANDOFF, below): FL107, whose evidence is markup once the
    HTML is made text."""
    user = server.add_user()
    with server.client(user, CANARY) as client:
        client.append("INBOX", raw_message(f"{_encoded(HOSTILE_BOB)} <bob@customer.example>", user,
                                    _encoded("Plates </title><script>alert(9)</script>"), "2026-11-02T10:00:00+00:00",
                                    HOSTILE_MSGID,
                                    "Hi,\n\nI still have not received my plates <script>alert(10)</script> for the new car. "
                                    "Can you find out where they are?\n\nBob\n"))
        client.append("Sent", raw_message(f"{_encoded(HOSTILE_REP)} <{user}>", "Bob <bob@customer.example>",
                                   _encoded("Re: Plates '\"><svg onload=alert(11)>"), "2026-11-05T10:00:00+00:00",
                                   "plates-2@acme.example",
                                   "Hi Bob,\n\nJust checking in to see how everything is going with the car!\n\nAlice\n",
                                   HOSTILE_MSGID))
        handoff = ENTITY_HANDOFF.format(sender=_encoded(DECODED_SENDER), subject=_encoded("</textarea><script>alert(21)</script> plan"))
        client.append("Sent", handoff.replace("\n", "\r\n").encode("utf-8"))
    return user


def _audit(run_cli, server: Dovecot, user: str, tmp_path: Path, *args, password: str | None = CANARY, env=None, team_name=""):
    """followlint audit of one account (as a one-account team when it has a name)."""
    if team_name:
        team = tmp_path / "team.toml"
        team.write_text(f"[[account]]\nname = '{team_name}'\nhost = \"127.0.0.1\"\nport = {server.tls_port}\n"
                        f'user = "{user}"\npassword-env = "{PASSWORD_VAR}"\n', encoding="utf-8")
        where = ["--team", team]
    else:
        where = ["127.0.0.1", "--port", server.tls_port, "--user", user]
        if "--password-file" not in args:
            where += ["--password-env", PASSWORD_VAR]
    extra = {PASSWORD_VAR: password} if password is not None else {}
    return run_cli("audit", *where, "--ca-file", server.cert, "--state", tmp_path / "audit.sqlite", *REPS, *args,
                   env={**extra, **(env or {})}, timeout=120)


def _spellings(password: str, user: str) -> list[str]:
    """Every form in which a leaked password could show: as is, escaped for JSON or HTML, URL-
    quoted, its repr, and base64 of it and of a SASL PLAIN response."""
    sasl = base64.b64encode(f"\0{user}\0{password}".encode()).decode()
    return sorted({password, json.dumps(password)[1:-1], quote(password), quote(password, safe=""), repr(password)[1:-1],
                   html.escape(password), base64.b64encode(password.encode()).decode(),
                   sasl, "Canary 7f3e9b" if password == CANARY else "Wrong-Canary 41d2c8"})


def _assert_nowhere(texts: dict[str, str | bytes], password: str, user: str) -> None:
    for name, text in texts.items():
        data = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
        for form in _spellings(password, user):
            assert form not in data, f"the password ({form!r}) shows in {name}"


def _files(folder: Path, skip: set[str] = frozenset()) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in folder.rglob("*") if p.is_file() and p.name not in skip}


def _one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


# -- (c) passwords ---------------------------------------------------------------------------------


@pytest.mark.parametrize("spelling", [["--password", CANARY], [f"--password={CANARY}"]], ids=["separate", "equals"])
def test_password_on_the_command_line_is_refused_and_not_echoed(run_cli, tmp_path, spelling):
    code, out, err = run_cli("audit", "127.0.0.1", "--user", "rep@acme.example", *spelling, "--state", tmp_path / "s.sqlite")
    assert code == 2 and out == ""
    assert "never taken on the command line" in err and "Traceback" not in err
    _assert_nowhere({"stderr": err}, CANARY, "rep@acme.example")
    assert not (tmp_path / "s.sqlite").exists()


def test_password_in_a_team_file_is_refused_and_not_echoed(run_cli, tmp_path):
    team = tmp_path / "team.toml"
    team.write_text(f'[[account]]\nhost = "127.0.0.1"\nuser = "rep@acme.example"\npassword = {json.dumps(CANARY)}\n')
    code, out, err = run_cli("audit", "--team", team, "--state", tmp_path / "s.sqlite")
    assert code == 2 and "never written in the team file" in err
    _assert_nowhere({"stdout": out, "stderr": err}, CANARY, "rep@acme.example")


def test_wrong_password_shows_nowhere(imap_server, run_cli, tmp_path):
    """One failed login (Dovecot delays each later login from the same address by seconds
    more), read from a file, with FOLLOWLINT_DEBUG=1, reported as JSON, to a file and as HTML."""
    user = _seed_hostile_mailbox(imap_server)
    secret = tmp_path / "pw.txt"
    secret.write_text(WRONG + "\n")
    code, out, err = _audit(run_cli, imap_server, user, tmp_path, "--password-file", secret, "--format", "json",
                            "-o", tmp_path / "r.json", "--html", tmp_path / "r.html", password=None,
                            env={"FOLLOWLINT_DEBUG": "1"})
    assert code == 2, err
    assert f"login failed for {user}" in _one_line(err)
    assert json.loads((tmp_path / "r.json").read_text())["errors"][0]["path"].startswith("imap://")
    outputs = {"stdout": out, "stderr": err, **_files(tmp_path, skip={"pw.txt"})}
    assert any(name.endswith("audit.sqlite") for name in outputs) and any(name.endswith("r.html") for name in outputs)
    _assert_nowhere(outputs, WRONG, user)
    _assert_nowhere(outputs, CANARY, user)


@pytest.fixture(scope="module")
def audited(imap_server, tmp_path_factory):
    """A real audit of a hostile mailbox with the right password, in every format."""
    folder = tmp_path_factory.mktemp("audited")
    user = _seed_hostile_mailbox(imap_server)

    def run(*args, env=None, timeout=120):  # run_cli, for a module-scoped fixture
        proc = subprocess.run([sys.executable, "-m", "followlint", *map(str, args)], capture_output=True, cwd=folder,
                              env=_clean_env(env), timeout=timeout, stdin=subprocess.DEVNULL)
        return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")

    outputs: dict[str, str | bytes] = {}
    runs = [("json", "-o", folder / "report.json", "--html", folder / "report.html"), ("text", "--statistics")]
    for number, (fmt, *more) in enumerate(runs):
        code, out, err = _audit(run, imap_server, user, folder, "--format", fmt, "--now", NOW, *more,
                                env={"FOLLOWLINT_DEBUG": "1"} if number == 1 else None, team_name=HOSTILE_REP)
        assert code == 1, err
        outputs[f"stdout ({fmt})"], outputs[f"stderr ({fmt})"] = out, err
    outputs.update(_files(folder))
    return folder, user, outputs


def test_right_password_shows_nowhere_and_the_state_is_private(audited):
    folder, user, outputs = audited
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert {"FL101", "FL103", "FL107"} <= {f["code"] for f in report["findings"]}, report["findings"]
    assert _mode(folder / "audit.sqlite") == 0o600
    _assert_nowhere(outputs, CANARY, user)


# -- (d) TLS ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["implicit", "starttls"])
def test_self_signed_certificate_is_refused_by_default(imap_server, run_cli, tmp_path, mode):
    user = imap_server.add_user()
    port = imap_server.tls_port if mode == "implicit" else imap_server.plain_port
    code, out, err = run_cli("audit", "127.0.0.1", "--port", port, "--user", user, "--password-env", PASSWORD_VAR,
                             *(["--starttls"] if mode == "starttls" else []), "--state", tmp_path / "s.sqlite",
                             "--format", "json", env={PASSWORD_VAR: CANARY})
    assert code == 2 and json.loads(out)["findings"] == []
    line = _one_line(err)
    assert "certificate is not trusted" in line and "--ca-file" in line, line


def test_certificate_for_another_host_is_refused(imap_server, run_cli, tmp_path):
    """The right CA, but the certificate names 127.0.0.1 and localhost, and we asked for 127.1."""
    user = imap_server.add_user()
    code, out, err = run_cli("audit", "127.1", "--port", imap_server.tls_port, "--user", user, "--password-env", PASSWORD_VAR,
                             "--ca-file", imap_server.cert, "--state", tmp_path / "s.sqlite", env={PASSWORD_VAR: CANARY})
    assert code == 2, err
    line = _one_line(err)
    assert "certificate is not trusted" in line and "not valid for '127.1'" in line, line
    assert "connect by a name the certificate is for" in line, line  # not "give its CA": it was given


def test_certificate_of_another_ca_is_refused(imap_server, run_cli, tmp_path):
    other = tmp_path / "other-ca.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-keyout", str(tmp_path / "k.pem"),
                    "-out", str(other), "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    user = imap_server.add_user()
    code, out, err = run_cli("audit", "127.0.0.1", "--port", imap_server.tls_port, "--user", user, "--password-env", PASSWORD_VAR,
                             "--ca-file", other, "--state", tmp_path / "s.sqlite", env={PASSWORD_VAR: CANARY})
    assert code == 2 and "certificate is not trusted" in _one_line(err)


class PlainOnlyServer:
    """An IMAP server (or a man in the middle) that will not do STARTTLS: it says so, or it
    answers the command with an error. It records everything the client sends."""

    def __init__(self, offers_starttls: bool):
        self.offers = offers_starttls
        self.received = b""
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(1)
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        try:
            conn, _ = self.listener.accept()
        except OSError:
            return
        caps = b"IMAP4rev1 AUTH=PLAIN LOGIN" + (b" STARTTLS" if self.offers else b"")
        with conn:
            conn.settimeout(20)
            conn.sendall(b"* OK IMAP server ready\r\n")
            buffer = b""
            try:
                while True:
                    data = conn.recv(4096)
                    if not data:
                        return
                    self.received += data
                    buffer += data
                    while b"\r\n" in buffer:
                        line, buffer = buffer.split(b"\r\n", 1)
                        tag, _, command = line.partition(b" ")
                        verb = command.split(b" ", 1)[0].upper()
                        if verb == b"CAPABILITY":
                            conn.sendall(b"* CAPABILITY " + caps + b"\r\n" + tag + b" OK done\r\n")
                        elif verb == b"LOGOUT":
                            conn.sendall(b"* BYE\r\n" + tag + b" OK bye\r\n")
                            return
                        else:  # STARTTLS refused; anything else is not expected before TLS
                            conn.sendall(tag + b" BAD not now\r\n")
            except OSError:
                return

    def close(self) -> None:
        self.listener.close()
        self.thread.join(5)


@pytest.mark.parametrize("offers", [False, True], ids=["not-offered", "refused"])
def test_starttls_that_fails_never_sends_the_login(run_cli, tmp_path, offers):
    server = PlainOnlyServer(offers)
    try:
        code, out, err = run_cli("audit", "127.0.0.1", "--port", server.port, "--user", "rep@acme.example", "--starttls",
                                 "--password-env", PASSWORD_VAR, "--state", tmp_path / "s.sqlite", "--timeout", "20",
                                 env={PASSWORD_VAR: CANARY})
    finally:
        server.close()
    assert code == 2, err
    line = _one_line(err)
    assert line.startswith("imap://rep%40acme.example@127.0.0.1:") and "STARTTLS" in line.upper(), line
    sent = server.received.upper()
    assert b"LOGIN" not in sent and b"AUTHENTICATE" not in sent, server.received
    _assert_nowhere({"what the server received": server.received, "stderr": err}, CANARY, "rep@acme.example")


# -- (e) the HTML report escapes what mail brings ---------------------------------------------------

# The page's own vocabulary: every tag its templates write (a tag from mail would not be here).
OWN_TAGS = set(re.findall(r"<([a-z][a-z0-9]*)\b", "".join(
    (ROOT / "src" / "followlint" / "reporters" / name).read_text(encoding="utf-8")
    for name in ("html.py", "html_page.py", "html_charts.py", "html_style.py", "html_findings.py", "html_filters.py"))))


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def assert_page_is_inert(page: str, hostile: list[str]) -> None:
    """Only the page's own tags, no event handler or script URL, no script at all (the page
    has none of its own), and every hostile string shown, escaped, as text."""
    parser = _Tags()
    parser.feed(page)
    parser.close()
    foreign = sorted({tag for tag, _ in parser.tags} - OWN_TAGS)
    assert not foreign, f"tags the page does not write itself: {foreign}"
    for tag, attrs in parser.tags:
        for name, value in attrs:
            assert not name.startswith("on"), f"<{tag} {name}=...>"
            assert not (value or "").strip().lower().startswith(("javascript:", "data:text/html")), f"<{tag} {name}={value!r}>"
    assert "<script" not in page.lower() and "<img" not in page.lower() and "<svg onload" not in page.lower()
    for text in hostile:
        assert any(form in page for form in (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                                             .replace('"', "&quot;").replace("'", "&#x27;"),)), f"not shown as text: {text!r}"


ENTITY_HANDOFF = """\
From: {sender} <dana@telco.example>
To: Jo Park <jo@example.com>
Subject: {subject}
Date: Wed, 04 Nov 2026 09:00:00 +0100
Message-ID: <h2'"><svg/onload=alert(13)>@telco.example>
MIME-Version: 1.0
Content-Type: text/html; charset=utf-8

<html><body><p>Hi Jo,</p>
<p>I'm calling to see if you are ready to sign up for the new plan today.</p>
<p>Dana</p>
<p>On Tue, 3 Nov 2026 at 11:00, Jo Park &lt;jo@example.com&gt; wrote:</p>
<blockquote><p>Thanks, I'd like to think about it over the weekend.</p>
<p>On Tue, 3 Nov 2026 at 10:00, Sam &lt;sam@telco.example&gt; wrote:</p>
<blockquote><p>Thanks for your time today, Jo. &lt;script&gt;alert(14)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(15)&gt; I've emailed you the details of the new plan.</p></blockquote>
</blockquote></body></html>
"""
DECODED_SENDER = "Dana <script>alert(16)</script>"
DECODED_BODY = '<script>alert(14)</script>"><img src=x onerror=alert(15)>'
QUOTE_FILE = "x'><svg onload=alert(17)>.html"
SCRIPT_FILE = "<script src=data:,alert(18)>.eml"
CSV_HEADER = '<script>alert(19)</script>,"""><img src=x onerror=alert(20)>"'


def test_markup_that_decoding_reveals_is_escaped(run_cli, tmp_path):
    mail = tmp_path / "mail"
    mail.mkdir()
    (mail / "handoff.eml").write_text(ENTITY_HANDOFF.format(sender=_encoded(DECODED_SENDER),
                                                            subject=_encoded("</textarea><script>alert(21)</script> plan")),
                                      encoding="utf-8")
    (mail / QUOTE_FILE).write_text(f"<p>Hi Sam,</p><p>{CHECKIN_DRAFT.splitlines()[2]}</p>", encoding="utf-8")
    (mail / SCRIPT_FILE).write_bytes(b"")
    (tmp_path / "columns.csv").write_text(CSV_HEADER + "\n1,2\n", encoding="utf-8")
    code, out, err = run_cli("check", "mail", "columns.csv", "--format", "json", "--html", "page.html")
    assert code == 2, err
    report = json.loads(out)
    assert {"FL101", "FL107"} <= {f["code"] for f in report["findings"]}, report["findings"]
    assert len(report["errors"]) == 2, report["errors"]
    assert any(DECODED_BODY in e["text"] for f in report["findings"] for e in f["evidence"]), \
        "the fixture no longer puts the decoded markup into the evidence"
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert_page_is_inert(page, [DECODED_SENDER, DECODED_BODY, f"mail/{QUOTE_FILE}", f"mail/{SCRIPT_FILE}",
                                "<script>alert(19)</script>", '"><img src=x onerror=alert(20)>'])


def test_real_audit_page_escapes_rep_names_and_imap_mail(audited):
    folder, user, _ = audited
    page = (folder / "report.html").read_text(encoding="utf-8")
    # Reps are the findings' senders (the account's address), never the hostile team or display name.
    assert 'id="chart-reps"' in page and f'data-label="{user}"' in page
    # A Message-ID ends at its first '>': the conversation shows as <plates-1'">, quotes and all.
    assert_page_is_inert(page, ["<plates-1'\">", DECODED_SENDER, DECODED_BODY])
