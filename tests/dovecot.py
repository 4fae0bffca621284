"""A real Dovecot IMAP server on 127.0.0.1 for the audit tests and the IMAP benchmark.

``Dovecot(folder).start()`` writes a config, a passwd-file and a self-signed certificate
(openssl) into ``folder``, runs ``dovecot -F -c CONFIG`` in the foreground and waits until the
plain port greets. ``stop()`` ends it by its PID. Each test takes a fresh account
(``add_user``) from a pool written into the passwd-file before the start. Mail is seeded by
APPEND over the plain port (``client(user)``), the way a mail client files a message.

``Dovecot(folder, introspection_url=URL)`` also takes OAuth2 bearer tokens (see OAUTH_PASSDB).

``CuttingProxy`` forwards one TCP port to another and cuts every connection once the server
has sent a given number of bytes: a server that goes away in the middle of a FETCH.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import threading
import time
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path

PASSWORD = "s3cret-Pa55word"  # every test account's password: tests assert it never leaks

CONFIG = """\
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
default_login_user = {login_user}
default_internal_user = {internal_user}
first_valid_uid = {uid}
disable_plaintext_auth = no
auth_failure_delay = 0
auth_mechanisms = plain login{oauth_mechanisms}
ssl = yes
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
{oauth_passdb}userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Sent {{
    special_use = \\Sent
    auto = create
  }}
  mailbox Drafts {{
    special_use = \\Drafts
    auto = create
  }}
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {plain_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
    ssl = yes
  }}
}}
"""


# With ``Dovecot(root, introspection_url=...)``: bearer tokens (SASL XOAUTH2 and OAUTHBEARER)
# checked by Dovecot's oauth2 passdb, which POSTs each token to the identity provider's
# introspection endpoint (RFC 7662). ``active_attribute`` is the token's audience: an
# introspection answer for a revoked or expired token ({"active": false}) has none, and a token
# issued for another service has another one; Dovecot refuses both. The token's ``username``
# must be the login's; with ``username_format="%d"`` only its domain must match: an
# organisation's app token (client credentials) opens every mailbox of its domain.
OAUTH_PASSDB = """\
passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {root}/oauth2.conf
}}
"""
OAUTH_CONFIG = """\
introspection_mode = post
introspection_url = {url}
username_attribute = username
active_attribute = aud
active_value = {audience}
username_format = {username_format}
"""
IMAP_AUDIENCE = "imap://127.0.0.1"  # what a token must be issued for to open this server's mailboxes


class DovecotMissing(Exception):
    pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def dovecot_binary() -> str:
    found = shutil.which("dovecot") or ("/usr/sbin/dovecot" if os.path.exists("/usr/sbin/dovecot") else "")
    if not found:
        raise DovecotMissing("dovecot is not installed (Debian package dovecot-imapd; scripts/setup-test-deps.sh installs it)")
    if not shutil.which("openssl"):
        raise DovecotMissing("openssl is not installed (needed for the test certificate)")
    return found


class Dovecot:
    def __init__(self, root: Path, accounts: int = 64, introspection_url: str = "", username_format: str = "%Lu"):
        self.root = Path(root)
        self.introspection_url = introspection_url
        self.username_format = username_format
        self.pool = [f"rep{n:03d}@acme.example" for n in range(1, accounts + 1)]
        self.plain_port = free_port()
        self.tls_port = free_port()
        self.process: subprocess.Popen | None = None
        self.users: list[str] = []
        if os.geteuid() == 0:
            self.uid = self.gid = 65534
            self.login_user, self.internal_user = "dovenull", "dovecot"
        else:  # an unprivileged Dovecot runs everything as the current user
            self.uid, self.gid = os.getuid(), os.getgid()
            import pwd

            self.login_user = self.internal_user = pwd.getpwuid(self.uid).pw_name

    @property
    def cert(self) -> Path:
        return self.root / "cert.pem"

    def start(self) -> "Dovecot":
        binary = dovecot_binary()
        for sub in ("", "run", "state", "home"):
            (self.root / sub).mkdir(exist_ok=True)
            os.chmod(self.root / sub, 0o755)  # the login and mail processes walk through it
        if os.geteuid() == 0:
            os.chown(self.root / "home", self.uid, self.gid)
        self._make_certificate()
        (self.root / "passwd").write_text("".join(f"{user}:{{PLAIN}}{PASSWORD}::::::\n" for user in self.pool))
        os.chmod(self.root / "passwd", 0o644)
        oauth_mechanisms = oauth_passdb = ""
        if self.introspection_url:
            oauth_mechanisms, oauth_passdb = " xoauth2 oauthbearer", OAUTH_PASSDB.format(root=self.root)
            (self.root / "oauth2.conf").write_text(OAUTH_CONFIG.format(
                url=self.introspection_url, audience=IMAP_AUDIENCE, username_format=self.username_format))
        config = self.root / "dovecot.conf"
        config.write_text(CONFIG.format(root=self.root, login_user=self.login_user, internal_user=self.internal_user,
                                        uid=self.uid, gid=self.gid, plain_port=self.plain_port, tls_port=self.tls_port,
                                        oauth_mechanisms=oauth_mechanisms, oauth_passdb=oauth_passdb))
        self.process = subprocess.Popen([binary, "-F", "-c", str(config)], stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=open(self.root / "stderr.log", "wb"))
        self._wait_for_greeting()
        return self

    def _make_certificate(self) -> None:
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-keyout", str(self.root / "key.pem"), "-out", str(self.cert),
             "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
            check=True, capture_output=True)
        os.chmod(self.root / "key.pem", 0o600)

    def _wait_for_greeting(self, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"dovecot exited with {self.process.returncode}: {self.log_tail()}")
            try:
                with socket.create_connection(("127.0.0.1", self.plain_port), timeout=1) as sock:
                    if sock.recv(100).startswith(b"* OK"):
                        return
            except OSError:
                pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"dovecot did not greet on port {self.plain_port}: {self.log_tail()}")

    def log_tail(self) -> str:
        text = ""
        for name in ("stderr.log", "dovecot.log"):
            path = self.root / name
            if path.exists():
                text += path.read_text(errors="replace")[-1500:]
        return text

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None

    def add_user(self) -> str:
        """A fresh account (from the pool written before start: Dovecot re-reads a changed
        passwd-file only about once a second), with an empty maildir."""
        if len(self.users) == len(self.pool):
            raise RuntimeError(f"all {len(self.pool)} test accounts are used; raise Dovecot(accounts=...)")
        user = self.pool[len(self.users)]
        home = self.root / "home" / user
        (home / "Maildir").mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            for path in (home, home / "Maildir"):
                os.chown(path, self.uid, self.gid)
        self.users.append(user)
        return user

    def client(self, user: str, password: str = PASSWORD):
        """An imapclient connection over the plain port, logged in (for seeding and checking)."""
        from imapclient import IMAPClient

        client = IMAPClient("127.0.0.1", port=self.plain_port, ssl=False, timeout=30)
        client.login(user, password)
        return client


class CuttingProxy:
    """127.0.0.1:port -> target port; each connection is cut after ``limit`` bytes from the server."""

    def __init__(self, target_port: int, limit: int, on_cut=None):
        self.target_port = target_port
        self.limit = limit
        self.on_cut = on_cut  # called at each cut, before the client sees it
        self.cuts = 0
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(4)
        self.port = self.listener.getsockname()[1]
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.target_port))
            threading.Thread(target=self._pump, args=(client, server, None), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, [0]), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, counter) -> None:
        try:
            while True:
                data = source.recv(16384)
                if not data:
                    break
                if counter is not None:
                    room = self.limit - counter[0]
                    if len(data) >= room:
                        sink.sendall(data[:max(room, 0)])
                        self.cuts += 1
                        if self.on_cut:
                            self.on_cut()
                        break
                    counter[0] += len(data)
                sink.sendall(data)
        except OSError:
            pass
        for sock in (source, sink):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def close(self) -> None:
        self.listener.close()


def raw_message(sender: str, to: str, subject: str, when: str, msgid: str, body: str, reply_to: str = "") -> bytes:
    """A message to APPEND: CRLF lines, ``when`` in ISO 8601, ``reply_to`` a Message-ID."""
    lines = [f"From: {sender}", f"To: {to}", f"Subject: {subject}",
             f"Date: {format_datetime(datetime.fromisoformat(when))}", f"Message-ID: <{msgid}>"]
    if reply_to:
        lines += [f"In-Reply-To: <{reply_to}>", f"References: <{reply_to}>"]
    return ("\r\n".join(lines) + "\r\n\r\n" + body.replace("\n", "\r\n")).encode("utf-8")
