"""The audit's memory between nightly runs: one local SQLite file, locked while a run uses it.

- ``folders``: per account and folder, the UIDVALIDITY and the last UID stored. A batch of
  messages and the new last UID are committed together, so a run that stops midway resumes
  exactly after the last batch it stored: nothing fetched twice, nothing skipped.
- ``messages``: the raw messages (zlib) of conversations still recent enough for a time-based
  rule to change its mind (a promise falling due), re-linted on every run with what is new.
- ``owners``: the addresses the account sends from (its side in every conversation).
- ``findings``: fingerprints with first and last seen, so a report can say what is new.
- ``runs``: one row per run, for the trend in the manager's report.
"""
from __future__ import annotations

import json
import os
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from ..model import UsageError

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS folders (
    account TEXT NOT NULL, folder TEXT NOT NULL, uidvalidity INTEGER NOT NULL, last_uid INTEGER NOT NULL,
    PRIMARY KEY (account, folder));
CREATE TABLE IF NOT EXISTS messages (
    account TEXT NOT NULL, folder TEXT NOT NULL, uid INTEGER NOT NULL, received TEXT NOT NULL, raw BLOB NOT NULL,
    PRIMARY KEY (account, folder, uid));
CREATE TABLE IF NOT EXISTS owners (
    account TEXT NOT NULL, address TEXT NOT NULL, PRIMARY KEY (account, address));
CREATE TABLE IF NOT EXISTS findings (
    account TEXT NOT NULL, fingerprint TEXT NOT NULL, code TEXT NOT NULL, first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL, PRIMARY KEY (account, fingerprint));
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY, time TEXT NOT NULL, accounts INTEGER NOT NULL, fetched INTEGER NOT NULL,
    conversations INTEGER NOT NULL, findings INTEGER NOT NULL, new_findings INTEGER NOT NULL,
    errors INTEGER NOT NULL, by_code TEXT NOT NULL, by_rep TEXT NOT NULL);
"""


def default_path() -> str:
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return os.path.join(base, "followlint", "audit.sqlite")


class StateLocked(UsageError):
    pass


class State:
    def __init__(self, path: str):
        self.path = path
        self._lock = _lock(path)
        _create_private(path)
        try:
            self.db = sqlite3.connect(path, isolation_level=None, timeout=5)
            self.db.execute("PRAGMA synchronous = NORMAL")
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise UsageError(f"{path}: written by a newer followlint (state version {version})")
            with self.transaction():
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as exc:
            self._lock.close()
            raise UsageError(f"{path}: not a followlint state file ({exc})") from None
        except BaseException:
            self._lock.close()
            raise

    def close(self) -> None:
        self.db.close()
        self._lock.close()

    @contextmanager
    def transaction(self):
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- folders and messages ----------------------------------------------------------------

    def folder(self, account: str, folder: str) -> tuple[int, int]:
        row = self.db.execute("SELECT uidvalidity, last_uid FROM folders WHERE account = ? AND folder = ?",
                              (account, folder)).fetchone()
        return (row[0], row[1]) if row else (0, 0)

    def restart_folder(self, account: str, folder: str, uidvalidity: int) -> None:
        """A new UIDVALIDITY: the stored UIDs mean nothing now; read the folder again."""
        with self.transaction() as db:
            db.execute("DELETE FROM messages WHERE account = ? AND folder = ?", (account, folder))
            db.execute("INSERT OR REPLACE INTO folders VALUES (?, ?, ?, 0)", (account, folder, uidvalidity))

    def store_batch(self, account: str, folder: str, uidvalidity: int, batch: list[tuple[int, bytes, str]]) -> None:
        """Messages (uid, raw, received) and the folder's new last UID, in one commit."""
        if not batch:
            return
        with self.transaction() as db:
            db.executemany("INSERT OR REPLACE INTO messages VALUES (?, ?, ?, ?, ?)",
                           [(account, folder, uid, received, zlib.compress(raw, 1)) for uid, raw, received in batch])
            db.execute("INSERT OR REPLACE INTO folders VALUES (?, ?, ?, ?)",
                       (account, folder, uidvalidity, max(uid for uid, _, _ in batch)))

    def messages(self, account: str) -> Iterator[tuple[str, int, bytes, str]]:
        rows = self.db.execute("SELECT folder, uid, raw, received FROM messages WHERE account = ? ORDER BY folder, uid",
                               (account,))
        for folder, uid, raw, received in rows:
            yield folder, uid, zlib.decompress(raw), received

    def forget(self, account: str, keys: list[tuple[str, int]]) -> None:
        with self.transaction() as db:
            db.executemany("DELETE FROM messages WHERE account = ? AND folder = ? AND uid = ?",
                           [(account, folder, uid) for folder, uid in keys])

    # -- owners, findings, runs --------------------------------------------------------------

    def owners(self, account: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT address FROM owners WHERE account = ? ORDER BY address", (account,))]

    def add_owners(self, account: str, addresses: set[str]) -> None:
        with self.transaction() as db:
            db.executemany("INSERT OR IGNORE INTO owners VALUES (?, ?)", [(account, a) for a in sorted(addresses)])

    def see_findings(self, account: str, fingerprints: dict[str, str], when: str) -> set[str]:
        """Record fingerprint -> code as seen now; return the fingerprints seen for the first time."""
        known = set()
        for chunk in _chunks(list(fingerprints), 500):
            marks = ",".join("?" * len(chunk))
            known.update(r[0] for r in self.db.execute(
                f"SELECT fingerprint FROM findings WHERE account = ? AND fingerprint IN ({marks})", (account, *chunk)))
        with self.transaction() as db:
            db.executemany("INSERT INTO findings VALUES (?, ?, ?, ?, ?) ON CONFLICT (account, fingerprint) "
                           "DO UPDATE SET last_seen = excluded.last_seen",
                           [(account, fp, code, when, when) for fp, code in fingerprints.items()])
        return set(fingerprints) - known

    def add_run(self, when: str, accounts: int, fetched: int, conversations: int, findings: int, new_findings: int,
                errors: int, by_code: dict, by_rep: dict) -> None:
        with self.transaction() as db:
            db.execute("INSERT INTO runs (time, accounts, fetched, conversations, findings, new_findings, errors, by_code, by_rep)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (when, accounts, fetched, conversations, findings, new_findings, errors,
                        json.dumps(by_code, sort_keys=True), json.dumps(by_rep, sort_keys=True)))

    def history(self, limit: int = 90) -> list[dict]:
        """The last runs, oldest first, as the HTML report's trend wants them."""
        rows = self.db.execute("SELECT time, findings, new_findings, fetched, by_code, by_rep FROM runs "
                               "ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [{"time": t, "findings": n, "new_findings": new, "fetched": fetched,
                 "by_code": json.loads(codes), "by_rep": json.loads(reps)}
                for t, n, new, fetched, codes, reps in reversed(rows)]


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _create_private(path: str) -> None:
    """The file exists, readable by its owner only (it holds mail), also when it was made
    before with a wider mode (by hand, or copied)."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise UsageError(f"--state: cannot open {path}: {exc.strerror or exc}") from None
    try:
        if os.fstat(fd).st_mode & 0o077:
            os.fchmod(fd, 0o600)
    except OSError:
        pass  # not ours to change (another owner): SQLite still reads it
    finally:
        os.close(fd)


def _lock(path: str):
    """An exclusive lock on STATE.lock for the whole run: a second audit stops with one line."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        handle = open(os.open(path + ".lock", os.O_RDWR | os.O_CREAT, 0o600), "r+b")
    except OSError as exc:
        raise UsageError(f"--state: cannot open {path}: {exc.strerror or exc}") from None
    try:
        import fcntl
    except ImportError:  # no flock on this platform: SQLite's own locking still keeps the file whole
        return handle
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise StateLocked(f"another audit is using {path}; try again when it has finished") from None
    return handle
