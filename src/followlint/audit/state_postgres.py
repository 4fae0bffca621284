"""The state in a PostgreSQL database (psycopg 3), shared by audits on several machines.

The password never comes from the URL (it would show in the process list and the shell
history): libpq reads it from PGPASSWORD, ~/.pgpass or the file PGPASSFILE (or ``passfile=``)
names. Every URL this module shows has its secrets taken out.

Per-mailbox locks are session-level advisory locks: the server frees them when the session
ends, so a run that dies or loses its connection never leaves a mailbox locked.
"""
from __future__ import annotations

from contextlib import contextmanager
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..model import UsageError
from .state import StateError

SECRETS = ("password", "sslpassword")  # connection parameters that must not be on argv nor shown
SCHEMA_LOCK = 0x666C6C696E74  # a transaction lock while one run creates or checks the tables
PASSWORD_HINT = "the password comes from PGPASSWORD, ~/.pgpass or the file PGPASSFILE names"


def redact(url: str) -> str:
    """The URL without its password and secret parameters, for messages."""
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if "@" in netloc:
            userinfo, _, hostport = netloc.rpartition("@")
            netloc = f"{userinfo.partition(':')[0]}@{hostport}"
        query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in SECRETS])
        return urlunsplit((parts.scheme, netloc, parts.path, query, ""))
    except ValueError:
        return "postgresql://(unreadable URL)"


class PostgresBackend:
    types = {"int": "BIGINT", "blob": "BYTEA", "serial": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"}

    def __init__(self, url: str):
        self.where = redact(url)
        try:
            import psycopg
            from psycopg.conninfo import conninfo_to_dict
        except ImportError:
            raise UsageError("--state postgresql://... needs psycopg: pip install 'followlint[postgres]'") from None
        self.psycopg = psycopg
        try:
            given = conninfo_to_dict(url)
        except psycopg.Error as exc:
            raise UsageError(f"--state {self.where}: not a PostgreSQL URL ({_one_line(exc)})") from None
        if any(given.get(key) for key in SECRETS):
            raise UsageError("--state: the database password is never taken on the command line (it would show in "
                             f"the process list and shell history): {PASSWORD_HINT}")
        defaults = {"application_name": "followlint", "connect_timeout": "15"}
        self.params = {**{k: v for k, v in defaults.items() if k not in given}, "autocommit": True}
        self.url = url
        self._queries: dict[str, str] = {}
        self._depth = 0  # transactions open: no reconnecting inside one
        self.conn = self._connect()

    def _connect(self):
        try:
            return self.psycopg.connect(self.url, **self.params)
        except self.psycopg.Error as exc:
            message = _one_line(exc)
            hint = f" ({PASSWORD_HINT})" if "password" in message else ""
            raise StateError(f"{self.where}: cannot connect to the state database: {message}{hint}") from None

    def prepare(self, statements: list[str], version: int) -> None:
        with self.transaction():
            self.execute("SELECT pg_advisory_xact_lock(?)", [(SCHEMA_LOCK,)])
            found = 0
            if self.query("SELECT to_regclass('followlint_schema') IS NOT NULL")[0][0]:
                found = max((r[0] for r in self.query("SELECT version FROM followlint_schema")), default=0)
            if found > version:
                raise UsageError(f"{self.where}: written by a newer followlint (state version {found})")
            if found == version:
                return  # no DDL: a role without CREATE rights can use tables made before
            self.execute("CREATE TABLE IF NOT EXISTS followlint_schema (version INTEGER NOT NULL)", [()])
            for statement in statements:
                if statement.strip():
                    self.execute(statement, [()])
            self.execute("DELETE FROM followlint_schema", [()])
            self.execute("INSERT INTO followlint_schema VALUES (?)", [(version,)])

    def close(self) -> None:
        self.conn.close()  # ends the session: the server frees its advisory locks

    @contextmanager
    def transaction(self):
        if not self._depth:
            self._live()
        self._depth += 1
        try:
            with self.conn.transaction():
                yield
        except self.psycopg.Error as exc:
            raise self._error(exc) from None
        finally:
            self._depth -= 1

    def execute(self, sql: str, rows: list[tuple]) -> None:
        try:
            with self.conn.cursor() as cursor:
                cursor.executemany(self._sql(sql), rows)
        except self.psycopg.Error as exc:
            raise self._error(exc) from None

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        if not self._depth:
            self._live()
        try:
            return self.conn.execute(self._sql(sql), params).fetchall()
        except self.psycopg.Error as exc:
            raise self._error(exc) from None

    stream = query

    def try_lock(self, key: int) -> bool:
        return bool(self.query("SELECT pg_try_advisory_lock(?)", (key,))[0][0])

    def unlock(self, key: int) -> None:
        if self.conn.closed or self.conn.broken:
            return  # the session is gone, and its locks with it
        try:
            self.conn.execute("SELECT pg_advisory_unlock(%s)", (key,))
        except self.psycopg.Error:
            pass

    def _live(self) -> None:
        """A new session when the last one was lost. Its locks went with it, but whatever held them
        (an account's audit) already stopped on the error that showed the loss."""
        if self.conn.closed or self.conn.broken:
            self.conn = self._connect()

    def _sql(self, sql: str) -> str:
        if sql not in self._queries:
            self._queries[sql] = sql.replace("?", "%s")
        return self._queries[sql]

    def _error(self, exc) -> StateError:
        if self.conn.closed or self.conn.broken or isinstance(exc, self.psycopg.OperationalError):
            return StateError(f"{self.where}: lost the connection to the state database ({_one_line(exc)})")
        return StateError(f"{self.where}: {_one_line(exc)}")


def _one_line(exc) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
