"""The audit's memory between nightly runs, in a local SQLite file (the embedded default) or in
a PostgreSQL database that audits on several machines share (``--state postgresql://...``).

- ``folders``: per account and folder, the UIDVALIDITY and the last UID stored. A batch of
  messages and the new last UID are committed together, so a run that stops midway resumes
  exactly after the last batch it stored: nothing fetched twice, nothing skipped.
- ``messages``: the raw messages (zlib) of conversations still recent enough for a time-based
  rule to change its mind (a promise falling due), re-linted on every run with what is new.
- ``owners``: the addresses the account sends from (its side in every conversation).
- ``findings``: fingerprints with first and last seen, so a report can say what is new.
- ``runs``: one row per run, for the trend in the manager's report.

The schema and every query are written once, here, in the SQL both databases speak (``?``
marks the parameters); a backend (state_sqlite.py, state_postgres.py) brings the connection,
its column types, where it keeps the schema version, and the per-mailbox locks.
"""
from __future__ import annotations

import hashlib
import json
import os
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from ..model import UsageError

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS folders (
    account TEXT NOT NULL, folder TEXT NOT NULL, uidvalidity {int} NOT NULL, last_uid {int} NOT NULL,
    PRIMARY KEY (account, folder));
CREATE TABLE IF NOT EXISTS messages (
    account TEXT NOT NULL, folder TEXT NOT NULL, uid {int} NOT NULL, received TEXT NOT NULL, raw {blob} NOT NULL,
    PRIMARY KEY (account, folder, uid));
CREATE TABLE IF NOT EXISTS owners (
    account TEXT NOT NULL, address TEXT NOT NULL, PRIMARY KEY (account, address));
CREATE TABLE IF NOT EXISTS findings (
    account TEXT NOT NULL, fingerprint TEXT NOT NULL, code TEXT NOT NULL, first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL, PRIMARY KEY (account, fingerprint));
CREATE TABLE IF NOT EXISTS runs (
    id {serial}, time TEXT NOT NULL, accounts INTEGER NOT NULL, fetched INTEGER NOT NULL,
    conversations INTEGER NOT NULL, findings INTEGER NOT NULL, new_findings INTEGER NOT NULL,
    errors INTEGER NOT NULL, by_code TEXT NOT NULL, by_rep TEXT NOT NULL);
"""

SET_FOLDER = ("INSERT INTO folders VALUES (?, ?, ?, ?) ON CONFLICT (account, folder) "
              "DO UPDATE SET uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid")
PUT_MESSAGE = ("INSERT INTO messages VALUES (?, ?, ?, ?, ?) ON CONFLICT (account, folder, uid) "
               "DO UPDATE SET received = excluded.received, raw = excluded.raw")


def default_path() -> str:
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return os.path.join(base, "followlint", "audit.sqlite")


def is_database_url(location: str) -> bool:
    return location.startswith(("postgresql://", "postgres://"))


class StateError(UsageError):
    """The state could not be read or written (a lost database connection, a full disk)."""


class MailboxBusy(UsageError):
    """Another audit holds this mailbox now."""


class State:
    """The state at ``location``: a file path, or a ``postgresql://`` URL."""

    def __init__(self, location: str):
        if is_database_url(location):
            from .state_postgres import PostgresBackend as backend
        else:
            from .state_sqlite import SqliteBackend as backend
        self.backend = backend(location)
        self.where = self.backend.where  # what a message may name: a path, or the URL without secrets
        try:
            self.backend.prepare(SCHEMA.format(**self.backend.types).split(";"), SCHEMA_VERSION)
        except BaseException:
            self.backend.close()
            raise

    def close(self) -> None:
        self.backend.close()

    def transaction(self):
        return self.backend.transaction()

    # -- locks --------------------------------------------------------------------------------

    @contextmanager
    def claim(self, account: str, folders: list[str]):
        """Hold every folder of this account for this run, or raise MailboxBusy at once
        (never wait: the other run is auditing it, this one goes on with the next account)."""
        held = []
        try:
            for folder in folders:
                key = _lock_key(account, folder)
                if not self.backend.try_lock(key):
                    raise MailboxBusy(f"skipped: another audit is auditing this mailbox ({folder}) right now; "
                                      "a later run will audit it")
                held.append(key)
            yield
        finally:
            for key in reversed(held):
                self.backend.unlock(key)

    # -- folders and messages ----------------------------------------------------------------

    def folder(self, account: str, folder: str) -> tuple[int, int]:
        rows = self.backend.query("SELECT uidvalidity, last_uid FROM folders WHERE account = ? AND folder = ?",
                                  (account, folder))
        return (rows[0][0], rows[0][1]) if rows else (0, 0)

    def restart_folder(self, account: str, folder: str, uidvalidity: int) -> None:
        """A new UIDVALIDITY: the stored UIDs mean nothing now; read the folder again."""
        with self.transaction():
            self.backend.execute("DELETE FROM messages WHERE account = ? AND folder = ?", [(account, folder)])
            self.backend.execute(SET_FOLDER, [(account, folder, uidvalidity, 0)])

    def store_batch(self, account: str, folder: str, uidvalidity: int, batch: list[tuple[int, bytes, str]]) -> None:
        """Messages (uid, raw, received) and the folder's new last UID, in one commit."""
        if not batch:
            return
        with self.transaction():
            self.backend.execute(PUT_MESSAGE, [(account, folder, uid, received, zlib.compress(raw, 1))
                                               for uid, raw, received in batch])
            self.backend.execute(SET_FOLDER, [(account, folder, uidvalidity, max(uid for uid, _, _ in batch))])

    def messages(self, account: str, skip=()) -> Iterator[tuple[str, int, bytes | None, str]]:
        """(folder, uid, raw, received) in the order of the folder's name, then UID; raw is None
        for the (folder, uid) in ``skip`` (messages the caller has in hand already)."""
        rows = self.backend.stream("SELECT folder, uid, raw, received FROM messages WHERE account = ? "
                                   "ORDER BY folder, uid", (account,))
        for folder, uid, raw, received in rows:
            yield folder, uid, None if (folder, uid) in skip else zlib.decompress(raw), received

    def forget(self, account: str, keys: list[tuple[str, int]]) -> None:
        with self.transaction():
            self.backend.execute("DELETE FROM messages WHERE account = ? AND folder = ? AND uid = ?",
                                 [(account, folder, uid) for folder, uid in keys])

    # -- owners, findings, runs --------------------------------------------------------------

    def owners(self, account: str) -> list[str]:
        return [r[0] for r in self.backend.query("SELECT address FROM owners WHERE account = ? ORDER BY address",
                                                 (account,))]

    def add_owners(self, account: str, addresses: set[str]) -> None:
        with self.transaction():
            self.backend.execute("INSERT INTO owners VALUES (?, ?) ON CONFLICT DO NOTHING",
                                 [(account, a) for a in sorted(addresses)])

    def see_findings(self, account: str, fingerprints: dict[str, str], when: str) -> set[str]:
        """Record fingerprint -> code as seen now; return the fingerprints seen for the first time."""
        known = set()
        for chunk in _chunks(list(fingerprints), 500):
            marks = ",".join("?" * len(chunk))
            known.update(r[0] for r in self.backend.query(
                f"SELECT fingerprint FROM findings WHERE account = ? AND fingerprint IN ({marks})", (account, *chunk)))
        with self.transaction():
            self.backend.execute("INSERT INTO findings VALUES (?, ?, ?, ?, ?) ON CONFLICT (account, fingerprint) "
                                 "DO UPDATE SET last_seen = excluded.last_seen",
                                 [(account, fp, code, when, when) for fp, code in fingerprints.items()])
        return set(fingerprints) - known

    def add_run(self, when: str, accounts: int, fetched: int, conversations: int, findings: int, new_findings: int,
                errors: int, by_code: dict, by_rep: dict) -> None:
        with self.transaction():
            self.backend.execute(
                "INSERT INTO runs (time, accounts, fetched, conversations, findings, new_findings, errors, by_code, "
                "by_rep) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(when, accounts, fetched, conversations, findings, new_findings, errors,
                  json.dumps(by_code, sort_keys=True), json.dumps(by_rep, sort_keys=True))])

    def history(self, limit: int = 90) -> list[dict]:
        """The last runs, oldest first, as the HTML report's trend wants them."""
        rows = self.backend.query("SELECT time, findings, new_findings, fetched, by_code, by_rep FROM runs "
                                  "ORDER BY id DESC LIMIT ?", (limit,))
        return [{"time": t, "findings": n, "new_findings": new, "fetched": fetched,
                 "by_code": json.loads(codes), "by_rep": json.loads(reps)}
                for t, n, new, fetched, codes, reps in reversed(rows)]


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _lock_key(account: str, folder: str) -> int:
    """A signed 64-bit number per (account, folder): what PostgreSQL's advisory locks take."""
    digest = hashlib.sha256(f"{account}\x00{folder}".encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big", signed=True)
