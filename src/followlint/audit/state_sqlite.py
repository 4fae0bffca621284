"""The state in one local SQLite file: no server to run.

Per-mailbox locks are files in STATE.locks/ held with flock (released by the kernel when the
process ends, however it ends). WAL journaling lets one run read its mailbox's messages while
another run commits its own batches to the same file.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
from contextlib import contextmanager

from ..model import UsageError
from .state import StateError

try:
    import fcntl
except ImportError:  # no flock on this platform: SQLite's own locking still keeps the file whole
    fcntl = None


class SqliteBackend:
    types = {"int": "INTEGER", "blob": "BLOB", "serial": "INTEGER PRIMARY KEY"}

    def __init__(self, path: str):
        self.where = path
        self._locks: dict[int, object] = {}
        _create_private(path)
        try:
            self.db = sqlite3.connect(path, isolation_level=None, timeout=30)
        except sqlite3.Error as exc:
            raise UsageError(f"--state: cannot open {path}: {exc}") from None

    def prepare(self, statements: list[str], version: int) -> None:
        try:
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            found = self.db.execute("PRAGMA user_version").fetchone()[0]
            if found > version:
                raise UsageError(f"{self.where}: written by a newer followlint (state version {found})")
            with self.transaction():
                for statement in statements:
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {version}")
        except sqlite3.OperationalError as exc:  # busy, read-only, disk full: the file itself may be fine
            raise StateError(f"{self.where}: {exc}") from None
        except sqlite3.DatabaseError as exc:
            raise UsageError(f"{self.where}: not a followlint state file ({exc})") from None

    def close(self) -> None:
        for handle in self._locks.values():
            handle.close()
        self._locks.clear()
        self.db.close()

    @contextmanager
    def transaction(self):
        self._run(self.db.execute, "BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self._run(self.db.execute, "COMMIT")

    def execute(self, sql: str, rows: list[tuple]) -> None:
        self._run(self.db.executemany, sql, rows)

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        return self._run(lambda: self.db.execute(sql, params).fetchall())

    def stream(self, sql: str, params: tuple = ()):
        return self._run(self.db.execute, sql, params)

    def try_lock(self, key: int) -> bool:
        folder = self.where + ".locks"
        name = hashlib.sha256(key.to_bytes(8, "big", signed=True)).hexdigest()[:24]
        try:
            os.makedirs(folder, mode=0o700, exist_ok=True)
            handle = open(os.open(os.path.join(folder, name), os.O_RDWR | os.O_CREAT, 0o600), "r+b")
        except OSError as exc:
            raise StateError(f"--state: cannot make a lock in {folder}: {exc.strerror or exc}") from None
        if fcntl is not None:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                handle.close()
                return False
        self._locks[key] = handle
        return True

    def unlock(self, key: int) -> None:
        handle = self._locks.pop(key, None)
        if handle is not None:
            handle.close()  # closing the file releases its flock

    def _run(self, call, *args):
        try:
            return call(*args)
        except sqlite3.Error as exc:
            raise StateError(f"{self.where}: {exc}") from None


def _create_private(path: str) -> None:
    """The file exists, readable by its owner only (it holds mail), also when it was made
    before with a wider mode (by hand, or copied)."""
    try:
        os.makedirs(os.path.dirname(os.path.abspath(path)), mode=0o700, exist_ok=True)
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
