"""One IMAP connection, read-only: TLS, login, the Sent folder, new UIDs, fetch in batches.

Folders are opened with EXAMINE (``select_folder(readonly=True)``) and bodies fetched with
``BODY.PEEK[]``, so no flag (\\Seen included) and no message ever changes. Every failure of
the server, the network or TLS becomes an ``ImapError`` with one line that names the account
and never the password.
"""
from __future__ import annotations

import imaplib
import socket
import ssl
from collections.abc import Iterator

from .accounts import Account

SENT_FLAG = b"\\Sent"
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

    def __init__(self, account: Account, password: str, timeout: float):
        from imapclient import IMAPClient
        from imapclient.exceptions import LoginError

        self.account = account
        context = tls_context(account)
        where = f"{account.host}:{account.real_port}"
        try:
            self.client = IMAPClient(account.host, port=account.real_port, ssl=not account.starttls,
                                     ssl_context=context, timeout=timeout)
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
        try:
            self.client.login(account.user, password)
        except LoginError:
            self.close()
            raise ImapError(f"{account.url}: login failed for {account.user} (wrong user name or password?)") from None
        except _errors() as exc:
            self.close()
            raise ImapError(f"{account.url}: connection lost while logging in: {_text(exc)}") from None

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
        return int(info.get(b"UIDVALIDITY") or 0), int(info.get(b"UIDNEXT") or 0)

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
        try:
            return call()
        except _errors() as exc:
            raise ImapError(f"{self.account.url}: connection lost while {doing}: {_text(exc)}") from None

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
