"""The audit's state in a real PostgreSQL (tests/postgres.py): what a manager running audits on
several machines relies on. The incremental cases shared with the SQLite file are parametrized
in test_audit.py; here is what only a database server brings: a session that dies mid-run,
the password kept off the command line, a server that refuses the login."""
from __future__ import annotations

import json
import os
import re
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from dovecot import PASSWORD  # noqa: E402
from postgres import PG_PASSWORD, ROLE  # noqa: E402
from test_audit import PASSWORD_VAR, PLATES_CHECKIN, Mailbox, fetched, one_line_error  # noqa: E402
from test_audit import dovecot  # noqa: E402,F401  (the fixture; the tests' parameters redefine the name: F811)

NOW = ("--now", "2026-11-06T09:00:00+00:00")


def _orders(box: Mailbox, count: int) -> None:
    for n in range(count):
        box.append("Sent", f"Customer {n} <c{n}@client{n}.example>", f"Your order {n}", "2026-11-05T10:00:00+00:00",
                   f"order-{n}@acme.example", f"Hi,\n\nJust checking in to see how everything is going with order {n}!\n\nAlice\n")


def _team(tmp_path, server, *boxes) -> str:
    team = tmp_path / "team.toml"
    team.write_text("".join(
        "[[account]]\n"
        f'host = "127.0.0.1"\nport = {server.tls_port}\nuser = "{box.user}"\npassword-env = "{PASSWORD_VAR}"\n'
        for box in boxes))
    return str(team)


def _dbname(url: str) -> str:
    return url.rsplit("/", 1)[1]


def test_session_killed_mid_run_loses_and_doubles_nothing(dovecot, postgres, tmp_path, run_cli, monkeypatch):  # noqa: F811
    """The server ends the audit's session while it commits the third batch of a mailbox: that
    mailbox stops with one line, the state keeps the two batches committed before, the next
    account is audited on a new session, and the re-run fetches exactly the rest."""
    alice, bert = Mailbox(dovecot, tmp_path, run_cli), Mailbox(dovecot, tmp_path, run_cli)
    _orders(alice, 24)
    bert.seed(PLATES_CHECKIN)
    url = postgres.new_database()
    monkeypatch.setenv("PGPASSWORD", PG_PASSWORD)
    from followlint.audit.state import State

    State(url).close()  # the tables, so the server can be told when to end the session
    with postgres.admin(_dbname(url)) as admin:
        admin.execute("""CREATE FUNCTION end_session() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.last_uid > 10 THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;
                RETURN NEW;
            END $$""")
        admin.execute("CREATE TRIGGER end_session BEFORE INSERT OR UPDATE ON folders "
                      "FOR EACH ROW EXECUTE FUNCTION end_session()")
    team = _team(tmp_path, dovecot, alice, bert)
    args = ["audit", "--team", team, "--ca-file", dovecot.cert, "--state", url, "--batch-size", "5",
            "--format", "json", *NOW]
    env = {PASSWORD_VAR: PASSWORD, "PGPASSWORD": PG_PASSWORD}

    code, out, err = run_cli(*args, env=env)
    assert code == 2 and "Traceback" not in err
    errors = [line for line in err.splitlines() if ": error: " in line]
    assert len(errors) == 1, err
    assert "lost the connection to the state database" in errors[0]
    assert "10 of 24 new messages in Sent were saved; the next run fetches the rest" in errors[0]
    assert re.search(rf"{re.escape(bert.user)} on 127\.0\.0\.1: 1 new message fetched", err)  # a new session
    assert [f["code"] for f in json.loads(out)["findings"]] == ["FL101"]  # bert's
    with postgres.admin(_dbname(url)) as admin:
        assert admin.execute("SELECT folder, last_uid FROM folders WHERE account LIKE %s ORDER BY folder",
                             (f"%{alice.user.replace('@', '%40')}%",)).fetchall() == [("Sent", 10)]
        assert admin.execute("SELECT count(*) FROM messages WHERE uid > 10").fetchone()[0] == 0
        admin.execute("DROP TRIGGER end_session ON folders")

    code, out, err = run_cli(*args, env=env)
    assert code == 1, err
    assert fetched(err) == 14  # alice's rest; bert has nothing new
    touches = sorted(int(f["touch"].split()[1]) for f in json.loads(out)["findings"] if f["subject"].startswith("Your order"))
    assert touches == list(range(1, 25))  # every message once: none lost, none twice

    code, out, err = run_cli(*args, env=env)
    assert code == 1 and fetched(err) == 0 and len(json.loads(out)["findings"]) == 25
    assert PG_PASSWORD not in out + err


@pytest.mark.parametrize("where", ["user info", "parameter"])
def test_database_password_never_taken_on_the_command_line(postgres, run_cli, where):
    url = postgres.new_database()
    if where == "user info":
        given = url.replace(f"{ROLE}@", f"{ROLE}:{PG_PASSWORD}@")
    else:
        given = f"{url}?sslmode=disable&password={PG_PASSWORD}"
    code, out, err = run_cli("audit", "127.0.0.1", "--user", "someone@acme.example", "--password-env", PASSWORD_VAR,
                             "--state", given, env={PASSWORD_VAR: PASSWORD})
    assert code == 2 and out == ""
    line = one_line_error(err)
    assert "never taken on the command line" in line and "PGPASSWORD" in line and ".pgpass" in line
    assert PG_PASSWORD not in err


def test_database_password_from_a_pgpass_file(dovecot, postgres, tmp_path, run_cli):  # noqa: F811
    box = Mailbox(dovecot, tmp_path, run_cli)
    box.seed(PLATES_CHECKIN)
    box.state = postgres.new_database()
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{postgres.port}:*:{ROLE}:{PG_PASSWORD}\n")
    passfile.chmod(0o600)
    box.state_env = {"PGPASSFILE": str(passfile), "PGPASSWORD": None}
    code, report, err = box.audit_json(*NOW)
    assert code == 1 and [f["code"] for f in report["findings"]] == ["FL101"], err


def test_wrong_database_password_is_one_line_without_secrets(dovecot, postgres, tmp_path, run_cli):  # noqa: F811
    box = Mailbox(dovecot, tmp_path, run_cli)
    box.state = postgres.new_database()
    box.state_env = {"PGPASSWORD": "not-the-db-password"}
    code, out, err = box.audit()
    assert code == 2 and out == ""
    line = one_line_error(err)
    assert line.startswith(f"followlint: error: {box.state}: cannot connect to the state database")
    assert "password authentication failed" in line and "PGPASSWORD" in line
    assert "not-the-db-password" not in line and PASSWORD not in line
