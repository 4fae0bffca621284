"""followlint audit against a real Dovecot (tests/dovecot.py): what a manager sees, and what
the mail server sees (nothing changed, nothing fetched twice)."""
from __future__ import annotations

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
import time
from email.utils import format_datetime
from datetime import datetime

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from dovecot import PASSWORD, CuttingProxy, Dovecot, DovecotMissing, dovecot_binary  # noqa: E402

PASSWORD_VAR = "FL_TEST_IMAP_PASSWORD"


@pytest.fixture(scope="session")
def dovecot():
    try:
        dovecot_binary()
    except DovecotMissing as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI needs a real Dovecot for the audit tests: {exc}")
        pytest.skip(f"no local Dovecot: {exc}")
    root = tempfile.mkdtemp(prefix="followlint-dovecot-")
    os.chmod(root, 0o755)  # the login and mail processes run as other users
    server = Dovecot(root).start()
    yield server
    server.stop()
    shutil.rmtree(root, ignore_errors=True)


def message(sender, to, subject, date, msgid, body, reply_to=None):
    headers = [f"From: {sender}", f"To: {to}", f"Subject: {subject}",
               f"Date: {format_datetime(datetime.fromisoformat(date))}", f"Message-ID: <{msgid}>"]
    if reply_to:
        headers += [f"In-Reply-To: <{reply_to}>", f"References: <{reply_to}>"]
    return ("\r\n".join(headers) + "\r\n\r\n" + body.replace("\n", "\r\n")).encode("utf-8")


ALICE = "Alice Hart <{user}>"
BOB = "Bob Stone <bob@customer.example>"
CAROL = "Carol Diaz <carol@client.example>"

PLATES_ISSUE = ("INBOX", BOB, "Plates", "2026-11-02T10:00:00+00:00", "plates-1@customer.example",
                "Hi Alice,\n\nI still have not received my plates for the new car. Can you find out where they are?\n\nBob\n")
PLATES_CHECKIN = ("Sent", "Bob Stone <bob@customer.example>", "Re: Plates", "2026-11-05T10:00:00+00:00",
                  "plates-2@acme.example", "Hi Bob,\n\nJust checking in to see how everything is going with the car!\n\nAlice\n",
                  "plates-1@customer.example")
INVOICE_ISSUE = ("INBOX", CAROL, "Invoice amount", "2026-11-10T09:00:00+00:00", "inv-1@client.example",
                 "Hi Alice,\n\nOur November invoice shows the wrong amount. Could you look into it?\n\nCarol\n")
INVOICE_PROMISE = ("Sent", "Carol Diaz <carol@client.example>", "Re: Invoice amount", "2026-11-10T11:00:00+00:00",
                   "inv-2@acme.example",
                   "Hi Carol,\n\nThanks for flagging this. I'll check the invoice with our billing team and get back to you by Friday.\n\nAlice\n",
                   "inv-1@client.example")
NEWS = ("Sent", "Dana Reyes <dana@other.example>", "Your plates", "2026-11-04T10:00:00+00:00", "news-1@acme.example",
        "Hi Dana,\n\nGood news: your plates have arrived. I can drop them off Thursday at 4pm if that suits you.\n\nAlice\n")


class Mailbox:
    """One Dovecot account of one test, and how to run an audit of it."""

    def __init__(self, server: Dovecot, tmp_path, run_cli):
        self.server = server
        self.user = server.add_user()
        self.state = tmp_path / "audit.sqlite"
        self.state_env = {}  # what the state needs from the environment (the database password)
        self.run_cli = run_cli
        self.port = server.tls_port

    def append(self, folder, sender, subject, date, msgid, body, reply_to=None, flags=()):
        if folder == "Sent":
            sender, to = ALICE.format(user=self.user), sender
        else:
            to = ALICE.format(user=self.user)
        with self.server.client(self.user) as client:
            client.append(folder, message(sender, to, subject, date, msgid, body, reply_to), flags=flags)

    def seed(self, *messages):
        for item in messages:
            self.append(*item)

    def audit(self, *args, env=None, trust=("--ca-file",), port=None):
        base = ["audit", "127.0.0.1", "--port", str(port or self.port), "--user", self.user,
                "--password-env", PASSWORD_VAR, "--state", str(self.state)]
        if trust == ("--ca-file",):
            base += ["--ca-file", str(self.server.cert)]
        else:
            base += list(trust)
        return self.run_cli(*base, *args, env={PASSWORD_VAR: PASSWORD, **self.state_env, **(env or {})})

    def audit_json(self, *args, **kwargs):
        code, out, err = self.audit("--format", "json", *args, **kwargs)
        assert "Traceback" not in err
        assert out.strip(), f"exit {code}, no JSON on stdout; stderr: {err}"
        return code, json.loads(out), err

    def snapshot(self):
        """Every folder's message count and every message's flags, as the server has them."""
        with self.server.client(self.user) as client:
            out = {}
            for folder in ("INBOX", "Sent"):
                status = client.folder_status(folder, [b"MESSAGES", b"UNSEEN"])
                client.select_folder(folder, readonly=True)
                flags = client.get_flags(client.search("ALL"))
                out[folder] = (status, {uid: sorted(f) for uid, f in flags.items()})
            return out


@pytest.fixture
def mailbox(dovecot, tmp_path, run_cli, request):
    """A fresh account; its state in an SQLite file, or (parametrized "postgresql") in a fresh
    database of the session's PostgreSQL server."""
    box = Mailbox(dovecot, tmp_path, run_cli)
    if getattr(request, "param", "sqlite") == "postgresql":
        from postgres import PG_PASSWORD

        box.state = request.getfixturevalue("postgres").new_database()
        box.state_env = {"PGPASSWORD": PG_PASSWORD}
    return box


BOTH_STATES = pytest.mark.parametrize("mailbox", ["sqlite", "postgresql"], indirect=True)


def fetched(stderr: str) -> int:
    found = re.findall(r"(\d+) new messages? fetched", stderr)
    assert found, stderr
    return sum(int(n) for n in found)


def codes(report) -> list[str]:
    return sorted(f["code"] for f in report["findings"])


def one_line_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# -- findings -------------------------------------------------------------------------------------


def test_audit_reports_findings_across_sent_and_inbox(mailbox):
    mailbox.seed(PLATES_ISSUE, PLATES_CHECKIN)
    code, report, err = mailbox.audit_json("--now", "2026-11-06T09:00:00+00:00")
    assert code == 1, err
    assert codes(report) == ["FL101", "FL103"]
    fl103 = next(f for f in report["findings"] if f["code"] == "FL103")
    assert "/Sent/;UID=1" in fl103["path"] and fl103["touch"] == "uid 1"
    assert fl103["evidence"][0]["text"] == "I still have not received my plates for the new car."  # the whole sentence
    assert "/INBOX/;UID=1" in fl103["evidence"][0]["path"]  # the customer's side comes from INBOX
    assert report["summary"]["conversations"] == 1 and report["summary"]["touches"] == 2
    assert fetched(err) == 2


def test_audit_changes_no_flag_and_no_message(mailbox):
    mailbox.append(*PLATES_ISSUE)  # unread
    mailbox.append(*INVOICE_ISSUE, flags=[b"\\Flagged"])
    mailbox.append(*PLATES_CHECKIN, flags=[b"\\Seen"])
    before = mailbox.snapshot()
    assert before["INBOX"][0][b"UNSEEN"] == 2
    code, _, err = mailbox.audit("--now", "2026-11-20T09:00:00+00:00")
    assert code == 1, err
    assert mailbox.snapshot() == before


@BOTH_STATES
def test_rerun_fetches_nothing_then_finds_new_mail(mailbox):
    mailbox.seed(PLATES_ISSUE, PLATES_CHECKIN)
    now = ("--now", "2026-11-21T09:00:00+00:00")
    _, first, err = mailbox.audit_json(*now)
    assert fetched(err) == 2 and "2 findings (2 new)" in err
    log_mark = _log_size(mailbox.server)

    _, second, err = mailbox.audit_json(*now)
    assert fetched(err) == 0 and "2 findings (0 new)" in err
    assert codes(second) == codes(first)  # still reported: the conversation is recent
    assert _server_body_bytes(mailbox.server, mailbox.user, log_mark) == [0]  # the server sent no message body

    mailbox.seed(INVOICE_ISSUE, INVOICE_PROMISE)
    _, third, err = mailbox.audit_json(*now)
    assert fetched(err) == 2
    assert codes(third) == ["FL101", "FL103", "FL103", "FL104"]
    assert "4 findings (2 new)" in err


@BOTH_STATES
def test_promise_falling_due_between_runs_is_reported(mailbox):
    mailbox.seed(INVOICE_ISSUE, INVOICE_PROMISE)
    code, report, err = mailbox.audit_json("--now", "2026-11-11T09:00:00+00:00")
    assert code == 0 and report["findings"] == [], err
    code, report, err = mailbox.audit_json("--now", "2026-11-20T09:00:00+00:00")
    assert code == 1 and fetched(err) == 0
    assert codes(report) == ["FL103", "FL104"]
    fl104 = next(f for f in report["findings"] if f["code"] == "FL104")
    assert "2026-11-13" in fl104["message"] and "get back to you by Friday" in fl104["excerpt"]


@BOTH_STATES
def test_uidvalidity_change_rescans_the_folder(mailbox):
    mailbox.seed(PLATES_ISSUE, PLATES_CHECKIN)
    now = ("--now", "2026-11-21T09:00:00+00:00")
    _, first, _ = mailbox.audit_json(*now)
    with mailbox.server.client(mailbox.user) as client:  # Sent is rebuilt: new UIDVALIDITY, new UIDs
        client.delete_folder("Sent")
        client.create_folder("Sent")
    mailbox.seed(NEWS, PLATES_CHECKIN)
    code, report, err = mailbox.audit_json(*now)
    assert "UIDVALIDITY changed" in err and "reading the folder again" in err
    assert re.search(r"2 new messages fetched \(Sent 2, INBOX 0\)", err), err
    assert codes(report) == ["FL101", "FL103"]  # nothing doubled
    plates = [f for f in report["findings"] if f["conversation"] == "<plates-1@customer.example>"]
    assert {f["touch"] for f in plates} == {"uid 2"}  # the checking-in reply under its new UID
    assert "0 new)" in err  # the same findings as before, recognised across the rescan


def _log_size(server) -> int:
    path = server.root / "dovecot.log"
    return path.stat().st_size if path.exists() else 0


def _server_body_bytes(server, user, offset) -> list[int]:
    """body_bytes of the audit's IMAP session(s) logged after ``offset`` (Dovecot logs it at logout)."""
    deadline = time.monotonic() + 5
    while True:
        with open(server.root / "dovecot.log", "rb") as handle:
            handle.seek(offset)
            text = handle.read().decode("utf-8", "replace")
        found = [int(n) for n in re.findall(rf"imap\({re.escape(user)}\).*Disconnected: Logged out.*body_bytes=(\d+)", text)]
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


# -- security ------------------------------------------------------------------------------------


def test_wrong_password_is_one_clear_line(mailbox, run_cli):
    code, out, err = mailbox.audit("--format", "json", env={PASSWORD_VAR: "not-the-password"})
    assert code == 2 and json.loads(out)["findings"] == []
    line = one_line_error(err)
    assert mailbox.user in line and "login failed" in line
    assert "not-the-password" not in line


def test_self_signed_certificate_refused_unless_trusted(mailbox):
    mailbox.seed(PLATES_ISSUE, PLATES_CHECKIN)
    code, out, err = mailbox.audit("--format", "json", trust=())
    assert code == 2 and json.loads(out)["findings"] == []
    line = one_line_error(err)
    assert "certificate is not trusted" in line and "--ca-file" in line
    code, _, err = mailbox.audit("--insecure", "--exit-zero", trust=())
    assert code == 0 and fetched(err) == 2


def test_starttls_on_the_plain_port(mailbox):
    mailbox.seed(PLATES_ISSUE, PLATES_CHECKIN)
    code, report, err = mailbox.audit_json("--starttls", "--now", "2026-11-06T09:00:00+00:00", port=mailbox.server.plain_port)
    assert code == 1 and codes(report) == ["FL101", "FL103"], err


def test_password_never_shown_nor_stored(mailbox, tmp_path, run_cli):
    mailbox.seed(PLATES_ISSUE, PLATES_CHECKIN)
    report_file = tmp_path / "report.json"
    outputs = []
    for fmt in ("text", "json", "sarif"):
        outputs += mailbox.audit("--format", fmt, "--statistics")[1:]
    outputs += mailbox.audit("--format", "json", "-o", report_file, "--html", tmp_path / "report.html")[1:]
    outputs += [report_file.read_text(), (tmp_path / "report.html").read_text()]
    outputs += mailbox.audit(env={PASSWORD_VAR: PASSWORD + "x"})[1:]  # a failed login
    for text in outputs:
        assert PASSWORD not in text
    for path in tmp_path.iterdir():
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path
    assert stat.S_IMODE(os.stat(mailbox.state).st_mode) == 0o600


def test_password_on_the_command_line_is_refused(mailbox, run_cli):
    code, out, err = run_cli("audit", "127.0.0.1", "--port", mailbox.port, "--user", mailbox.user,
                             "--password", PASSWORD, "--state", mailbox.state)
    assert code == 2 and out == ""
    line = one_line_error(err)
    assert "never taken on the command line" in line and "--password-env" in line
    assert PASSWORD not in err
    assert not mailbox.state.exists()


def test_no_password_source_without_a_terminal(mailbox, run_cli):
    code, out, err = run_cli("audit", "127.0.0.1", "--port", mailbox.port, "--user", mailbox.user,
                             "--ca-file", mailbox.server.cert, "--state", mailbox.state)
    assert code == 2
    assert "no password source" in one_line_error(err)


# -- robustness ----------------------------------------------------------------------------------


@BOTH_STATES
def test_connection_cut_mid_fetch_then_rerun_loses_and_doubles_nothing(mailbox):
    customers = 24
    for n in range(customers):
        mailbox.append("Sent", f"Customer {n} <c{n}@client{n}.example>", f"Your order {n}", "2026-11-05T10:00:00+00:00",
                       f"order-{n}@acme.example", f"Hi,\n\nJust checking in to see how everything is going with order {n}!\n\nAlice\n")
    proxy = CuttingProxy(mailbox.server.tls_port, limit=6000)  # TLS + login + about two batches of five
    try:
        now = ("--now", "2026-11-06T09:00:00+00:00", "--batch-size", "5")
        code, out, err = mailbox.audit(*now, port=proxy.port)
        assert code == 2 and proxy.cuts == 1
        line = one_line_error(err)
        saved = int(re.search(r"(\d+) of 24 new messages in Sent were saved", line).group(1))
        assert "connection lost while fetching from Sent" in line and 0 < saved < customers

        proxy.limit = 10**9  # the server is back
        code, report, err = mailbox.audit_json(*now, port=proxy.port)
        assert code == 1, err
        assert fetched(err) == customers - saved
        touches = sorted(int(f["touch"].split()[1]) for f in report["findings"])
        assert touches == list(range(1, customers + 1))  # every message once: none lost, none twice
        assert codes(report) == ["FL101"] * customers

        code, report, err = mailbox.audit_json(*now, port=proxy.port)
        assert fetched(err) == 0 and len(report["findings"]) == customers
    finally:
        proxy.close()


class StallingProxy:
    """127.0.0.1:port -> target port; the server's bytes stop after ``limit`` (``stalled`` is set)
    until ``release()``: an audit caught in the middle of a FETCH, holding its mailbox."""

    def __init__(self, target_port: int, limit: int):
        self.target_port, self.limit = target_port, limit
        self.stalled, self._go = threading.Event(), threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.target_port))
            threading.Thread(target=self._pump, args=(client, server, False), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, True), daemon=True).start()

    def _pump(self, source, sink, from_server) -> None:
        sent = 0
        try:
            while data := source.recv(16384):
                if from_server and sent < self.limit <= sent + len(data):
                    sink.sendall(data[:self.limit - sent])
                    self.stalled.set()
                    self._go.wait()
                    data = data[self.limit - sent:]
                sent += len(data)
                sink.sendall(data)
        except OSError:
            pass
        for sock in (source, sink):
            sock.close()

    def release(self) -> None:
        self._go.set()

    def close(self) -> None:
        self._go.set()
        self.listener.close()


@BOTH_STATES
def test_two_runs_on_one_mailbox(mailbox, dovecot, tmp_path, run_cli):
    """The second run on a mailbox another run is auditing skips it with one line (exit 2);
    other mailboxes of the same state are audited meanwhile; the first run ends as usual."""
    customers = 24
    for n in range(customers):
        mailbox.append("Sent", f"Customer {n} <c{n}@client{n}.example>", f"Your order {n}", "2026-11-05T10:00:00+00:00",
                       f"order-{n}@acme.example", f"Hi,\n\nJust checking in to see how everything is going with order {n}!\n\nAlice\n")
    now = ("--now", "2026-11-06T09:00:00+00:00")
    proxy = StallingProxy(dovecot.tls_port, limit=6000)  # TLS + login + about two batches of five
    from conftest import _clean_env

    first = subprocess.Popen(
        [sys.executable, "-m", "followlint", "audit", "127.0.0.1", "--port", str(proxy.port), "--user", mailbox.user,
         "--password-env", PASSWORD_VAR, "--state", str(mailbox.state), "--ca-file", str(dovecot.cert),
         "--batch-size", "5", "--format", "json", *now],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=_clean_env({PASSWORD_VAR: PASSWORD, **mailbox.state_env}))
    try:
        assert proxy.stalled.wait(60), "the first audit never reached its FETCH"
        code, out, err = mailbox.audit("--format", "json", *now, port=proxy.port)  # the same account URL
        assert code == 2, err
        line = one_line_error(err)
        assert "another audit is auditing this mailbox (Sent) right now" in line and "skipped" in line
        assert json.loads(out)["findings"] == [] and len(json.loads(out)["errors"]) == 1

        bert = Mailbox(dovecot, tmp_path, run_cli)  # another mailbox, the same state: not held up
        bert.state, bert.state_env = mailbox.state, mailbox.state_env
        bert.seed(PLATES_CHECKIN)
        code, report, err = bert.audit_json(*now)
        assert code == 1 and codes(report) == ["FL101"] and fetched(err) == 1, err

        proxy.release()
        out, err = (part.decode() for part in first.communicate(timeout=120))
        assert first.returncode == 1, err
        assert fetched(err) == customers and len(json.loads(out)["findings"]) == customers

        code, report, err = mailbox.audit_json(*now, port=proxy.port)  # the lock went with the first run
        assert code == 1 and fetched(err) == 0 and len(report["findings"]) == customers
    finally:
        proxy.close()
        if first.poll() is None:
            first.kill()
            first.wait()


@BOTH_STATES
def test_a_killed_run_leaves_no_mailbox_locked(mailbox, dovecot):
    """A run killed mid-fetch (SIGKILL: no clean-up of its own) frees its mailbox with it; the
    next run resumes after the batches it committed: nothing lost, nothing twice."""
    customers = 24
    for n in range(customers):
        mailbox.append("Sent", f"Customer {n} <c{n}@client{n}.example>", f"Your order {n}", "2026-11-05T10:00:00+00:00",
                       f"order-{n}@acme.example", f"Hi,\n\nJust checking in to see how everything is going with order {n}!\n\nAlice\n")
    now = ("--now", "2026-11-06T09:00:00+00:00", "--batch-size", "5")
    proxy = StallingProxy(dovecot.tls_port, limit=6000)
    from conftest import _clean_env

    first = subprocess.Popen(
        [sys.executable, "-m", "followlint", "audit", "127.0.0.1", "--port", str(proxy.port), "--user", mailbox.user,
         "--password-env", PASSWORD_VAR, "--state", str(mailbox.state), "--ca-file", str(dovecot.cert), *now],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env=_clean_env({PASSWORD_VAR: PASSWORD, **mailbox.state_env}))
    try:
        assert proxy.stalled.wait(60), "the first audit never reached its FETCH"
        first.kill()
        first.wait()
        proxy.release()
        for _ in range(20):  # the database server ends the dead client's session within moments
            code, report, err = mailbox.audit_json(*now, port=proxy.port)
            if "another audit is auditing" not in err:
                break
            time.sleep(0.5)
        assert code == 1, err
        assert 0 < customers - fetched(err) < customers  # some batches were committed before the kill
        touches = sorted(int(f["touch"].split()[1]) for f in report["findings"])
        assert touches == list(range(1, customers + 1))
    finally:
        proxy.close()
        if first.poll() is None:
            first.kill()
            first.wait()


def test_team_file_audits_every_account(dovecot, tmp_path, run_cli):
    alice, bert = Mailbox(dovecot, tmp_path, run_cli), Mailbox(dovecot, tmp_path, run_cli)
    alice.seed(PLATES_ISSUE, PLATES_CHECKIN)
    bert.seed(INVOICE_ISSUE, INVOICE_PROMISE)
    (tmp_path / "bert.pw").write_text(PASSWORD + "\n")
    team = tmp_path / "team.toml"
    team.write_text(
        "[[account]]\n"
        f'name = "Alice"\nhost = "127.0.0.1"\nport = {dovecot.tls_port}\nuser = "{alice.user}"\npassword-env = "{PASSWORD_VAR}"\n'
        "[[account]]\n"
        f'name = "Bert"\nhost = "127.0.0.1"\nport = {dovecot.tls_port}\nuser = "{bert.user}"\npassword-file = "bert.pw"\n')
    code, out, err = run_cli("audit", "--team", team, "--ca-file", dovecot.cert, "--state", tmp_path / "team.sqlite",
                             "--format", "json", "--now", "2026-11-20T09:00:00+00:00", env={PASSWORD_VAR: PASSWORD})
    assert code == 1, err
    report = json.loads(out)
    assert codes(report) == ["FL101", "FL103", "FL103", "FL104"]
    assert alice.user in err and bert.user in err and fetched(err) == 4


def test_one_account_failing_does_not_hide_the_others(dovecot, tmp_path, run_cli):
    alice = Mailbox(dovecot, tmp_path, run_cli)
    alice.seed(PLATES_ISSUE, PLATES_CHECKIN)
    team = tmp_path / "team.toml"
    team.write_text(
        "[[account]]\n"
        f'host = "127.0.0.1"\nport = {dovecot.tls_port}\nuser = "nobody@acme.example"\npassword-env = "{PASSWORD_VAR}"\n'
        "[[account]]\n"
        f'host = "127.0.0.1"\nport = {dovecot.tls_port}\nuser = "{alice.user}"\npassword-env = "{PASSWORD_VAR}"\n')
    code, out, err = run_cli("audit", "--team", team, "--ca-file", dovecot.cert, "--state", tmp_path / "team.sqlite",
                             "--format", "json", "--now", "2026-11-06T09:00:00+00:00", env={PASSWORD_VAR: PASSWORD})
    assert code == 2
    assert codes(json.loads(out)) == ["FL101", "FL103"]
    assert re.search(r"nobody%40acme\.example.*login failed for nobody@acme\.example", err)


@BOTH_STATES
def test_html_report_per_rep_with_the_trend_from_the_state(mailbox, tmp_path):
    mailbox.seed(PLATES_ISSUE, PLATES_CHECKIN)
    page = tmp_path / "audit.html"
    now = ("--now", "2026-11-06T09:00:00+00:00", "--html", page)
    mailbox.audit(*now)
    code, _, err = mailbox.audit(*now)
    assert code == 1, err
    html = page.read_text()
    assert 'id="chart-reps"' in html and mailbox.user in html  # findings per rep: the account
    assert "Findings over the last 2 runs: from 2 to 2" in html  # the trend comes from the state file


@BOTH_STATES
def test_html_report_marks_what_is_new_since_the_last_run(mailbox, tmp_path):
    mailbox.seed(PLATES_ISSUE, PLATES_CHECKIN)
    page = tmp_path / "audit.html"
    _, first, _ = mailbox.audit_json("--now", "2026-11-06T09:00:00+00:00")
    assert [f["new"] for f in first["findings"]] == [True, True]  # the first run has seen nothing before
    mailbox.seed(INVOICE_ISSUE, INVOICE_PROMISE)
    _, second, err = mailbox.audit_json("--now", "2026-11-20T09:00:00+00:00", "--html", page)
    new = {(f["code"], f["subject"]) for f in second["findings"] if f["new"]}
    old = {(f["code"], f["subject"]) for f in second["findings"] if not f["new"]}
    assert old == {("FL101", "Plates"), ("FL103", "Plates")}, err
    assert new and {subject for _, subject in new} == {"Invoice amount"}
    html = page.read_text()
    marked = re.findall(r'<article class="finding [^"]*\bnew\b[^"]*"', html)
    assert len(marked) == len(new) == html.count('<span class="badge new">new</span>')
    assert re.search(r'data-total="new"><dt>New since the last run</dt><dd>%d</dd>' % len(new), html)
    assert 'id="f-age-new"' in html  # a filter: only what is new


def test_on_a_terminal_asks_the_password_and_shows_progress(mailbox):
    """stdin and stderr on a pseudo-terminal: the password is asked for (not echoed), a progress
    bar is drawn; without a terminal (every other test) neither happens."""
    import fcntl
    import pty
    import termios

    mailbox.seed(PLATES_ISSUE, PLATES_CHECKIN)
    master, slave = pty.openpty()
    from conftest import _clean_env

    def own_terminal():
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)

    proc = subprocess.Popen(
        [sys.executable, "-m", "followlint", "audit", "127.0.0.1", "--port", str(mailbox.port), "--user", mailbox.user,
         "--ca-file", str(mailbox.server.cert), "--state", str(mailbox.state), "--format", "json"],
        stdin=slave, stdout=subprocess.PIPE, stderr=slave, env=_clean_env(None), preexec_fn=own_terminal)
    os.close(slave)
    seen = b""
    try:
        deadline = time.monotonic() + 60
        while b"Password for" not in seen and time.monotonic() < deadline:
            seen += os.read(master, 4096)
        os.write(master, PASSWORD.encode() + b"\n")
        out = proc.stdout.read()
        proc.wait(60)
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the terminal closed with the child
                break
            if not chunk:
                break
            seen += chunk
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    terminal = seen.decode("utf-8", "replace")
    assert proc.returncode == 1, terminal
    assert f"Password for {mailbox.user} on 127.0.0.1" in terminal and PASSWORD not in terminal
    assert "100%" in terminal and "Sent" in terminal  # the progress bar
    assert len(json.loads(out)["findings"]) == 2


def test_a_state_file_that_is_not_one_is_one_clear_line(mailbox):
    mailbox.state.write_bytes(b"this is a shopping list, not a database\n" * 100)
    code, out, err = mailbox.audit()
    assert code == 2 and out == ""
    assert f"{mailbox.state}: not a followlint state file" in one_line_error(err)


def test_sent_folder_by_name(mailbox):
    mailbox.seed(PLATES_ISSUE, PLATES_CHECKIN)
    code, report, err = mailbox.audit_json("--sent-folder", "Drafts", "--exit-zero")
    assert code == 0 and re.search(r"1 new message fetched \(Drafts 0, INBOX 1\)", err), err
    code, report, err = mailbox.audit_json("--sent-folder", "Outbox")
    assert code == 2
    assert "cannot open the folder 'Outbox'" in one_line_error(err)


def test_audit_with_workers_reports_as_one_process(mailbox, tmp_path, monkeypatch):
    """``--jobs``: batches parsed by worker processes as they are fetched, conversations linted
    by forked workers; the report is the one a single process makes, on a first run and on a
    run that adds new mail to the messages kept from the first (issue 16). In process, so that
    the workers take even a small mailbox."""
    from followlint import plugins
    from followlint.audit import workers
    from followlint.audit.accounts import Account
    from followlint.audit.run import AuditOptions, audit
    from followlint.audit.state import State
    from followlint.config import Settings
    from followlint.engine import Linter

    if not workers.can_fork():
        pytest.skip("the audit's workers are forked")
    first_mail = [PLATES_ISSUE, PLATES_CHECKIN, NEWS]
    for n in range(12):
        first_mail.append(("INBOX", f"Customer {n} <c{n}@client{n}.example>", f"Order {n}", "2026-11-03T10:00:00+00:00",
                           f"ask-{n}@client{n}.example", f"Hi Alice,\n\nWhere is my order {n}? It has not arrived.\n\nC{n}\n"))
        first_mail.append(("Sent", f"Customer {n} <c{n}@client{n}.example>", f"Re: Order {n}", "2026-11-04T10:00:00+00:00",
                           f"re-{n}@acme.example", "Hi,\n\nJust checking in to see how everything is going!\n\nAlice\n",
                           f"ask-{n}@client{n}.example"))
    mailbox.seed(*first_mail)
    monkeypatch.setenv(PASSWORD_VAR, PASSWORD)
    account = Account(host="127.0.0.1", port=mailbox.port, user=mailbox.user, password_env=PASSWORD_VAR,
                      ca_file=str(mailbox.server.cert))

    def run(jobs: int, state: State):
        settings = Settings()
        settings.now = "2026-11-21T09:00:00+00:00"
        report = audit(Linter(settings, plugins.load(settings)), [account], state, AuditOptions(batch_size=5, jobs=jobs))
        return ([f.to_dict() for f in report.findings], [(p.path, p.message) for p in report.problems],
                report.lines, report.summary())

    states = {jobs: State(str(tmp_path / f"jobs{jobs}.sqlite")) for jobs in (1, 2)}
    try:
        alone = run(1, states[1])
        monkeypatch.setattr(workers, "PARSE_MIN_MESSAGES", 1)
        monkeypatch.setattr(workers, "LINT_MIN_TOUCHES", 1)
        shared = run(2, states[2])
        assert shared == alone and len(alone[0]) > 12
        mailbox.seed(INVOICE_ISSUE, INVOICE_PROMISE)  # new mail beside the kept conversations
        monkeypatch.setattr(workers, "PARSE_MIN_MESSAGES", 1000)
        monkeypatch.setattr(workers, "LINT_MIN_TOUCHES", 2000)
        alone = run(1, states[1])
        monkeypatch.setattr(workers, "PARSE_MIN_MESSAGES", 1)
        monkeypatch.setattr(workers, "LINT_MIN_TOUCHES", 1)
        shared = run(2, states[2])
        assert shared == alone and "2 new messages fetched" in alone[2][0]
    finally:
        for state in states.values():
            state.close()
