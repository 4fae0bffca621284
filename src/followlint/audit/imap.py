"""One IMAP connection, read-only: TLS, login, the Sent folder, new UIDs, fetch in batches.

Folders are opened with EXAMINE (``select_folder(readonly=True)``) and bodies fetched with
``BODY.PEEK[]``, so no flag (\\Seen included) and no message ever changes. Every failure of
the server, the network or TLS becomes an ``ImapError`` with one line that names the account
and never the password.

An OAuth2 account logs in with SASL XOAUTH2 or OAUTHBEARER. A token the server refuses is
renewed once; a session that ends mid-run (providers end them when the token expires) is
opened again with a valid token, and the call that was cut is made again (fetching is
read-only, so repeating it changes nothing).
"""
from __future__ import annotations

import imaplib
import socket
import ssl
from collections.abc import Iterator

from .accounts import Account
from .oauth import TokenError, TokenSource, token_source

SENT_FLAG = b"\\Sent"
RECONNECTS = 3  # sessions an OAuth2 account may open again in one run
FETCH_ITEMS = [b"BODY.PEEK[]", b"INTERNALDATE"]


class ImapError(Exception):
    """One line for the user: what failed on which account."""


def _errors():
    from imapclient.exceptions import IMAPClientError

    return (OSError, ssl.SSLError, imaplib.IMAP4.error, imaplib.IMAP4.abort, IMAPClientError, EOFError)


def tls_context(account: Account) -> ssl.SSLContext:
    if account.insecure:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return context
    try:
        return ssl.create_default_context(cafile=account.ca_file or None)
    except (OSError, ssl.SSLError) as exc:
        raise ImapError(f"{account.url}: cannot load the CA file {account.ca_file}: {getattr(exc, 'strerror', None) or exc}") from None


class Connection:
    """A logged-in, read-only session with one account."""

    def __init__(self, account: Account, password: str | None, timeout: float):
        """``password`` is None for an OAuth2 account (or to ask the account's source)."""
        self.account = account
        self.timeout = timeout
        self.tokens: TokenSource | None = None
        self.folder, self.uidvalidity = "", 0  # the folder open now, to open again after a reconnect
        self.reconnects = 0
        if account.oauth:
            try:
                self.tokens = token_source(account.oauth, account.user, account.host)
            except TokenError as exc:
                raise ImapError(f"{account.url}: {exc}") from None
            self._open()
            self._token_login()
        else:
            self._open()
            self._password_login(account.password() if password is None else password)

    def _open(self) -> None:
        from imapclient import IMAPClient

        account = self.account
        context = tls_context(account)
        where = f"{account.host}:{account.real_port}"
        try:
            self.client = IMAPClient(account.host, port=account.real_port, ssl=not account.starttls,
                                     ssl_context=context, timeout=self.timeout)
            if account.starttls:
                self.client.starttls(context)
        except ssl.SSLCertVerificationError as exc:
            wrong_name = exc.verify_code in (62, 64)  # X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH
            hint = "connect by a name the certificate is for" if wrong_name else "give its CA with --ca-file"
            raise ImapError(f"{account.url}: the server's TLS certificate is not trusted ({exc.verify_message}); "
                            f"{hint}, or --insecure to skip the check") from None
        except ssl.SSLError as exc:
            raise ImapError(f"{account.url}: TLS handshake with {where} failed: {exc.reason or exc}") from None
        except socket.gaierror as exc:
            raise ImapError(f"{account.url}: cannot resolve {account.host}: {exc.strerror or exc}") from None
        except (socket.timeout, TimeoutError):
            raise ImapError(f"{account.url}: no answer from {where} (timed out)") from None
        except OSError as exc:
            raise ImapError(f"{account.url}: cannot connect to {where}: {exc.strerror or exc}") from None
        except _errors() as exc:
            raise ImapError(f"{account.url}: {where} refused the connection: {_text(exc)}") from None

    def _password_login(self, password: str) -> None:
        from imapclient.exceptions import LoginError

        account = self.account
        try:
            self.client.login(account.user, password)
        except LoginError:
            self.close()
            raise ImapError(f"{account.url}: login failed for {account.user} (wrong user name or password?)") from None
        except _errors() as exc:
            self.close()
            raise ImapError(f"{account.url}: connection lost while logging in: {_text(exc)}") from None

    def _token_login(self) -> None:
        """Log in with the source's token; a refused token that may have been a kept one is
        renewed once, on a new connection."""
        from imapclient.exceptions import LoginError

        account, tokens = self.account, self.tokens
        fresh = False
        while True:
            try:
                token = tokens.token(fresh=fresh)
            except TokenError as exc:
                self.close()
                raise ImapError(f"{account.url}: {exc}") from None
            try:
                if account.oauth.mechanism == "oauthbearer":
                    self.client.oauthbearer_login(account.user, token)
                else:
                    self.client.oauth2_login(account.user, token)
                return
            except LoginError as exc:
                self.close()
                if not fresh and tokens.cached:
                    fresh = True
                    self._open()
                    continue
                said = tokens.clean(_text(exc))
                raise ImapError(f"{account.url}: the server refused the OAuth2 token for {account.user} ({said}); "
                                f"a token that expired, was revoked or is for another service or mailbox is refused: "
                                f"{tokens.refused_hint}") from None
            except _errors() as exc:
                self.close()
                raise ImapError(f"{account.url}: connection lost while logging in: {tokens.clean(_text(exc))}") from None

    def sent_folder(self) -> str:
        """The folder named by --sent-folder, else the one flagged \\Sent (special-use), else
        a folder with a usual name (imapclient's fallback)."""
        if self.account.sent_folder:
            return self.account.sent_folder
        name = self._guard("looking for the Sent folder", lambda: self.client.find_special_folder(SENT_FLAG))
        if not name:
            raise ImapError(f"{self.account.url}: no Sent folder (none flagged \\Sent, none with a usual name); "
                            "name it with --sent-folder")
        return name

    def examine(self, folder: str) -> tuple[int, int]:
        """Open a folder read-only: (UIDVALIDITY, UIDNEXT or 0 when the server does not say)."""
        from imapclient.exceptions import IMAPClientError

        try:
            info = self.client.select_folder(folder, readonly=True)
        except imaplib.IMAP4.abort as exc:
            raise ImapError(f"{self.account.url}: connection lost while opening {folder}: {_text(exc)}") from None
        except (imaplib.IMAP4.error, IMAPClientError) as exc:
            raise ImapError(f"{self.account.url}: cannot open the folder {folder!r}: {_text(exc)}") from None
        except _errors() as exc:
            raise ImapError(f"{self.account.url}: connection lost while opening {folder}: {_text(exc)}") from None
        self.folder, self.uidvalidity = folder, int(info.get(b"UIDVALIDITY") or 0)
        return self.uidvalidity, int(info.get(b"UIDNEXT") or 0)

    def uids_after(self, folder: str, last_uid: int) -> list[int]:
        uids = self._guard(f"searching {folder}", lambda: self.client.search(["UID", f"{last_uid + 1}:*"]))
        return sorted(uid for uid in uids if uid > last_uid)  # "n:*" matches the last message even below n

    def fetch(self, folder: str, uids: list[int], batch_size: int) -> Iterator[list[tuple[int, bytes, object]]]:
        """(uid, raw message, internal date) in batches, in UID order."""
        for start in range(0, len(uids), batch_size):
            chunk = uids[start:start + batch_size]
            response = self._guard(f"fetching from {folder}", lambda: self.client.fetch(chunk, FETCH_ITEMS))
            batch = []
            for uid in chunk:
                data = response.get(uid)
                if data is None:
                    continue  # expunged meanwhile
                raw = data.get(b"BODY[]") or b""
                batch.append((uid, bytes(raw), data.get(b"INTERNALDATE")))
            yield batch

    def _guard(self, doing: str, call):
        while True:
            try:
                return call()
            except _errors() as exc:
                if not self._may_reconnect(exc):
                    raise ImapError(f"{self.account.url}: connection lost while {doing}: {_text(exc)}") from None
                self._reconnect(doing)

    def _may_reconnect(self, exc: BaseException) -> bool:
        from imapclient.exceptions import IMAPClientAbortError

        lost = isinstance(exc, (OSError, EOFError, imaplib.IMAP4.abort, IMAPClientAbortError))
        return self.tokens is not None and lost and self.reconnects < RECONNECTS

    def _reconnect(self, doing: str) -> None:
        """A new session where the last one was: same folder, same UIDVALIDITY, else the UIDs
        asked for would mean other messages."""
        self.reconnects += 1
        self.close()
        self._open()
        self._token_login()
        if self.folder:
            folder, before = self.folder, self.uidvalidity
            validity, _ = self.examine(folder)
            if validity != before:
                raise ImapError(f"{self.account.url}: {folder} changed (UIDVALIDITY) while reconnecting during {doing}; "
                                "the next run reads it again")

    def close(self) -> None:
        try:
            self.client.logout()
        except Exception:  # the connection may already be gone; nothing to tell the user
            try:
                self.client.shutdown()
            except Exception:
                pass


def _text(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return " ".join(text.split())[:200]
