"""followlint audit logging in with OAuth2 to a real Dovecot, whose oauth2 passdb checks every
token with the identity provider the test serves on 127.0.0.1 (tests/idp.py, the one stand-in).
Tokens come from a token command, a refresh-token file, google-auth (a service account with
domain-wide delegation) and msal (an Entra app's client credentials)."""
from __future__ import annotations

import json
import os
import re
import shutil
import stat
import sys
import tempfile
import textwrap

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from dovecot import CuttingProxy, Dovecot, DovecotMissing, dovecot_binary  # noqa: E402
from test_audit import (INVOICE_ISSUE, INVOICE_PROMISE, PLATES_CHECKIN, PLATES_ISSUE, Mailbox,  # noqa: E402
                        codes, fetched, one_line_error)

NOW = ("--now", "2026-11-20T09:00:00+00:00")


@pytest.fixture(scope="module")
def idp():
    try:
        from idp import IdentityProvider  # needs cryptography, as google-auth and msal do
    except ImportError as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI needs the test extra for the OAuth2 tests: {exc}")
        pytest.skip(f"the OAuth2 tests need the test extra: {exc}")

    folder = tempfile.mkdtemp(prefix="followlint-idp-")
    provider = IdentityProvider(folder)
    yield provider
    provider.close()
    shutil.rmtree(folder, ignore_errors=True)


def _server(idp, **kwargs):
    try:
        dovecot_binary()
    except DovecotMissing as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI needs a real Dovecot for the OAuth2 tests: {exc}")
        pytest.skip(f"no local Dovecot: {exc}")
    root = tempfile.mkdtemp(prefix="followlint-dovecot-oauth-")
    os.chmod(root, 0o755)
    return Dovecot(root, accounts=24, introspection_url=f"{idp.url}/introspect", **kwargs).start()


@pytest.fixture(scope="module")
def server(idp):
    """Tokens of one user: the token's username must be the login."""
    server = _server(idp)
    yield server
    server.stop()
    shutil.rmtree(server.root, ignore_errors=True)


@pytest.fixture(scope="module")
def org_server(idp):
    """Exchange-like: an organisation's app token opens every mailbox of its domain."""
    server = _server(idp, username_format="%d")
    yield server
    server.stop()
    shutil.rmtree(server.root, ignore_errors=True)


class OAuthMailbox(Mailbox):
    """A Dovecot account audited with OAuth2 options instead of a password."""

    def audit(self, *args, env=None, port=None):
        base = ["audit", "127.0.0.1", "--port", str(port or self.port), "--user", self.user,
                "--ca-file", str(self.server.cert), "--state", str(self.state)]
        return self.run_cli(*base, *args, env=env)

    def logins(self, method: str) -> int:
        log = (self.server.root / "dovecot.log").read_text(errors="replace")
        return len(re.findall(rf"Login: user=<{re.escape(self.user)}>, method={method}", log))


@pytest.fixture
def mailbox(server, tmp_path, run_cli):
    return OAuthMailbox(server, tmp_path, run_cli)


def token_command(tmp_path, tokens: dict[str, str], fail: str = "") -> str:
    """A helper that prints the token of $FOLLOWLINT_OAUTH_USER, the way a credential helper
    would (or fails with ``fail`` on stderr)."""
    script = tmp_path / "print-token.py"
    script.write_text(textwrap.dedent(f"""\
        import json, os, sys
        if {fail!r}:
            sys.exit(print({fail!r}, file=sys.stderr) or 3)
        print(json.load(open({str(tmp_path / 'tokens.json')!r}))[os.environ["FOLLOWLINT_OAUTH_USER"]])
        """))
    (tmp_path / "tokens.json").write_text(json.dumps(tokens))
    return f"{sys.executable} {script}"


SECRET_FILES = {"tokens.json", "sa.json", "refresh-token"}  # where the test put them on purpose


def leaks(secrets, outputs, folder) -> list[str]:
    """Which secret shows in an output or in a file of the folder (the state included)."""
    found = []
    for secret in secrets:
        if any(secret in text for text in outputs):
            found.append(secret)
        for path in folder.rglob("*"):
            if path.is_file() and path.name not in SECRET_FILES and secret.encode() in path.read_bytes():
                found.append(f"{secret} in {path.name}")
    return found


# -- token command -------------------------------------------------------------------------------


@pytest.mark.parametrize("mechanism,method", [("xoauth2", "XOAUTH2"), ("oauthbearer", "OAUTHBEARER")])
def test_token_command_logs_in(mailbox, idp, tmp_path, mechanism, method):
    mailbox.seed(PLATES_ISSUE, PLATES_CHECKIN)
    token = idp.issue(mailbox.user)
    command = token_command(tmp_path, {mailbox.user: token})
    code, out, err = mailbox.audit("--token-command", command, "--oauth-mechanism", mechanism, "--format", "json", *NOW)
    assert code == 1, err
    assert codes(json.loads(out)) == ["FL101", "FL103"] and fetched(err) == 2
    assert mailbox.logins(method) == 1
    assert token not in out + err and token.encode() not in mailbox.state.read_bytes()


def test_token_command_failure_is_its_last_stderr_line(mailbox, tmp_path):
    command = token_command(tmp_path, {}, fail="print-token: no token for this account; run `print-token login`")
    code, out, err = mailbox.audit("--token-command", command)
    assert code == 2
    line = one_line_error(err)
    assert "the token command" in line and "no token for this account; run `print-token login`" in line


def test_token_for_another_service_is_refused_in_one_line(mailbox, idp, tmp_path):
    token = idp.issue(mailbox.user, aud="https://graph.example/")
    code, _, err = mailbox.audit("--token-command", token_command(tmp_path, {mailbox.user: token}))
    assert code == 2
    line = one_line_error(err)
    assert f"the server refused the OAuth2 token for {mailbox.user}" in line and "another service" in line
    assert token not in err


def test_revoked_token_is_refused_in_one_line(mailbox, idp, tmp_path):
    token = idp.issue(mailbox.user)
    idp.revoke(token)
    code, _, err = mailbox.audit("--token-command", token_command(tmp_path, {mailbox.user: token}))
    assert code == 2
    line = one_line_error(err)
    assert "refused the OAuth2 token" in line and "revoked" in line and token not in line


# -- refresh-token file --------------------------------------------------------------------------


def refresh_options(idp, mailbox, tmp_path):
    client_id, secret = idp.add_client()
    refresh = tmp_path / "refresh-token"
    refresh.write_text(idp.add_refresh_token(mailbox.user) + "\n")
    env = {"FL_CLIENT_ID": client_id, "FL_CLIENT_SECRET": secret}
    options = ["--refresh-token-file", str(refresh), "--token-url", f"{idp.url}/token",
               "--client-id-env", "FL_CLIENT_ID", "--client-secret-env", "FL_CLIENT_SECRET"]
    return options, env, refresh, secret


def test_refresh_token_file_with_a_rotating_provider(mailbox, idp, tmp_path):
    mailbox.seed(PLATES_ISSUE, PLATES_CHECKIN)
    options, env, refresh, secret = refresh_options(idp, mailbox, tmp_path)
    first_refresh = refresh.read_text().strip()
    code, out, err = mailbox.audit(*options, "--format", "json", *NOW, env=env)
    assert code == 1 and codes(json.loads(out)) == ["FL101", "FL103"], err
    rotated = refresh.read_text().strip()
    assert rotated != first_refresh and rotated in idp.refresh_tokens  # the new one was kept
    assert stat.S_IMODE(refresh.stat().st_mode) == 0o600
    mailbox.seed(INVOICE_ISSUE, INVOICE_PROMISE)
    code, out, err = mailbox.audit(*options, "--format", "json", *NOW, env=env)
    assert code == 1 and fetched(err) == 2, err  # the rotated token works the next night
    tokens = idp.issued(mailbox.user)
    assert len(tokens) == 2
    assert leaks([secret, first_refresh, rotated, *tokens], [out, err], tmp_path) == []
    assert all(secret not in body for path, body in idp.seen if path == "/introspect")


def test_revoked_refresh_token_says_to_sign_in_again(mailbox, idp, tmp_path):
    options, env, refresh, _ = refresh_options(idp, mailbox, tmp_path)
    idp.refresh_tokens.pop(refresh.read_text().strip())
    code, out, err = mailbox.audit(*options, env=env)
    assert code == 2
    line = one_line_error(err)
    assert "invalid_grant: Token has been expired or revoked." in line
    assert f"sign in again to put a new refresh token in {refresh}" in line


@pytest.mark.parametrize("lifetime,expire_at_cut", [(3600, True), (120, False)], ids=["refused", "renewed-before"])
def test_token_expiring_mid_run_is_renewed_and_the_run_goes_on(mailbox, idp, tmp_path, lifetime, expire_at_cut):
    """The server ends the session when the token expires (as Exchange Online does): the audit
    logs in again, picks up where it was, and loses nothing. The kept token is renewed when
    the server refuses it ("refused"), or before it is used when it expires within minutes
    ("renewed-before": the server would still take it, yet a new one is asked for)."""
    idp.lifetime = lifetime
    customers = 24
    for n in range(customers):
        mailbox.append("Sent", f"Customer {n} <c{n}@client{n}.example>", f"Your order {n}", "2026-11-05T10:00:00+00:00",
                       f"order-{n}@acme.example", f"Hi,\n\nJust checking in to see how everything is going with order {n}!\n\nAlice\n")
    options, env, _, _ = refresh_options(idp, mailbox, tmp_path)

    def expire():
        if expire_at_cut:
            idp.expire_all()
        proxy.limit = 10**9  # the new session is not cut

    proxy = CuttingProxy(mailbox.server.tls_port, limit=6000, on_cut=expire)
    try:
        code, out, err = mailbox.audit(*options, "--batch-size", "5", "--format", "json",
                                       "--now", "2026-11-06T09:00:00+00:00", env=env, port=proxy.port)
    finally:
        proxy.close()
        idp.lifetime = 3600
    assert proxy.cuts == 1
    assert code == 1, err
    assert fetched(err) == customers
    touches = sorted(int(f["touch"].split()[1]) for f in json.loads(out)["findings"])
    assert touches == list(range(1, customers + 1))  # every message once
    assert len(idp.issued(mailbox.user)) == 2  # refused, or about to expire: replaced either way
    assert mailbox.logins("XOAUTH2") == 2


# -- Google service account (google-auth) --------------------------------------------------------


def test_google_service_account_audits_every_rep(server, idp, tmp_path, run_cli):
    alice, bert = Mailbox(server, tmp_path, run_cli), Mailbox(server, tmp_path, run_cli)
    alice.seed(PLATES_ISSUE, PLATES_CHECKIN)
    bert.seed(INVOICE_ISSUE, INVOICE_PROMISE)
    key = idp.add_service_account()
    (tmp_path / "sa.json").write_text(json.dumps(key))
    team = tmp_path / "team.toml"
    team.write_text("".join(f'[[account]]\nhost = "127.0.0.1"\nport = {server.tls_port}\nuser = "{user}"\n'
                            for user in (alice.user, bert.user)))
    code, out, err = run_cli("audit", "--team", team, "--google-service-account", "sa.json",
                             "--ca-file", server.cert, "--state", tmp_path / "team.sqlite", "--format", "json", *NOW)
    assert code == 1, err
    assert codes(json.loads(out)) == ["FL101", "FL103", "FL103", "FL104"]
    assert len(idp.issued(alice.user)) == 1 and len(idp.issued(bert.user)) == 1  # each rep impersonated
    assert leaks([key["private_key"].splitlines()[1], *idp.issued(alice.user)], [out, err], tmp_path) == []


def test_google_service_account_without_delegation_says_what_to_grant(mailbox, idp, tmp_path):
    key = idp.add_service_account(delegated=False)
    (tmp_path / "sa.json").write_text(json.dumps(key))
    code, _, err = mailbox.audit("--google-service-account", tmp_path / "sa.json")
    assert code == 2
    line = one_line_error(err)
    assert f"Google refused a token for {mailbox.user}: unauthorized_client: Client is unauthorized" in line
    assert "Domain-wide delegation" in line and key["client_id"] in line and "https://mail.google.com/" in line


# -- Microsoft Entra app (msal) ------------------------------------------------------------------


def entra(idp, org_server, tmp_path, run_cli, granted=True, secret=None):
    tenant = "acme-tenant"
    client_id, real_secret = idp.add_entra_app(tenant, "acme.example", granted=granted)
    env = {"FL_ENTRA_ID": client_id, "FL_ENTRA_SECRET": secret or real_secret, "REQUESTS_CA_BUNDLE": str(idp.cert)}
    options = ["--entra-tenant", tenant, "--entra-authority", f"{idp.https_url}/{tenant}",
               "--client-id-env", "FL_ENTRA_ID", "--client-secret-env", "FL_ENTRA_SECRET"]
    return options, env, client_id, real_secret


def test_entra_app_audits_every_mailbox_with_one_token(org_server, idp, tmp_path, run_cli):
    alice, bert = OAuthMailbox(org_server, tmp_path, run_cli), Mailbox(org_server, tmp_path, run_cli)
    alice.seed(PLATES_ISSUE, PLATES_CHECKIN)
    bert.seed(INVOICE_ISSUE, INVOICE_PROMISE)
    options, env, client_id, secret = entra(idp, org_server, tmp_path, run_cli)
    team = tmp_path / "team.toml"
    team.write_text("".join(f'[[account]]\nhost = "127.0.0.1"\nport = {org_server.tls_port}\nuser = "{user}"\n'
                            for user in (alice.user, bert.user)))
    code, out, err = run_cli("audit", "--team", team, *options, "--ca-file", org_server.cert,
                             "--state", tmp_path / "team.sqlite", "--format", "json", *NOW, env=env)
    assert code == 1, err
    assert codes(json.loads(out)) == ["FL101", "FL103", "FL103", "FL104"]
    app_tokens = idp.issued(f"app-{client_id[:8]}@acme.example")
    assert len(app_tokens) == 1  # msal kept the app's token for the second mailbox
    assert alice.logins("XOAUTH2") == 1
    assert leaks([secret, *app_tokens], [out, err], tmp_path) == []


def test_entra_wrong_secret_is_the_providers_line(org_server, idp, tmp_path, run_cli):
    alice = OAuthMailbox(org_server, tmp_path, run_cli)
    options, env, client_id, _ = entra(idp, org_server, tmp_path, run_cli, secret="not-the-secret")
    code, _, err = alice.audit(*options, env=env)
    assert code == 2
    line = one_line_error(err)
    assert f"Microsoft Entra refused a token for the app {client_id}: invalid_client: AADSTS7000215" in line
    assert "Certificates & secrets" in line and "not-the-secret" not in line and "Trace ID" not in line


def test_entra_app_without_the_mailbox_permission_says_what_to_grant(org_server, idp, tmp_path, run_cli):
    alice = OAuthMailbox(org_server, tmp_path, run_cli)
    options, env, client_id, _ = entra(idp, org_server, tmp_path, run_cli, granted=False)
    code, _, err = alice.audit(*options, env=env)
    assert code == 2
    line = one_line_error(err)
    assert f"refused the OAuth2 token for {alice.user}" in line
    assert f"New-ServicePrincipal -AppId {client_id}" in line and f"Add-MailboxPermission -Identity {alice.user}" in line


# -- options and team file -----------------------------------------------------------------------


def test_token_command_per_account_in_the_team_file(server, idp, tmp_path, run_cli):
    alice = Mailbox(server, tmp_path, run_cli)
    alice.seed(PLATES_ISSUE, PLATES_CHECKIN)
    command = token_command(tmp_path, {alice.user: idp.issue(alice.user)})
    argv = json.dumps(command.split())  # a TOML array of strings is a JSON one
    (tmp_path / "team.toml").write_text(f'[[account]]\nhost = "127.0.0.1"\nport = {server.tls_port}\n'
                                        f'user = "{alice.user}"\ntoken-command = {argv}\noauth-mechanism = "oauthbearer"\n')
    code, out, err = run_cli("audit", "--team", "team.toml", "--ca-file", server.cert, "--state", tmp_path / "s.sqlite",
                             "--format", "json", *NOW)
    assert code == 1 and codes(json.loads(out)) == ["FL101", "FL103"], err


def test_a_password_and_a_token_source_together_are_refused(run_cli, tmp_path):
    code, out, err = run_cli("audit", "127.0.0.1", "--user", "rep@acme.example", "--password-env", "X",
                             "--token-command", "print-token", "--state", tmp_path / "s.sqlite")
    assert code == 2 and "not both" in one_line_error(err)
    code, out, err = run_cli("audit", "127.0.0.1", "--user", "rep@acme.example", "--token-command", "a",
                             "--google-service-account", "sa.json", "--state", tmp_path / "s.sqlite")
    assert code == 2 and "give one token source" in one_line_error(err)
