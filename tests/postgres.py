"""A real PostgreSQL (Debian's ``postgresql`` package) for the audit state tests.

``Postgres(folder).start()`` runs initdb into ``folder`` and ``pg_ctl start`` on a free port of
127.0.0.1 with its unix socket in ``folder``. PostgreSQL refuses to run as root, so under root
the server runs as the ``postgres`` system user (or ``nobody``). The test role logs in over TCP
with a password (scram-sha-256), the way a worker on another machine would; the admin (the
tests' own hand on the server: creating databases, killing sessions) comes in by the socket.
"""
from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
from pathlib import Path

ROLE = "followlint"
PG_PASSWORD = "pg-Pa55-w0rd-xyz"  # the test role's password: tests assert it never leaks
ADMIN = "fladmin"


class PostgresMissing(Exception):
    pass


def postgres_bindir() -> str:
    candidates = [os.environ.get("FL_TEST_PG_BINDIR", "")]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True)
    for folder in candidates:
        if folder and all(os.access(os.path.join(folder, tool), os.X_OK) for tool in ("initdb", "pg_ctl", "postgres")):
            return folder
    raise PostgresMissing("no PostgreSQL server (initdb, pg_ctl) in /usr/lib/postgresql/*/bin: "
                          "run scripts/setup-test-deps.sh (apt package postgresql)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Postgres:
    def __init__(self, root: str):
        self.root = Path(root)
        self.bindir = postgres_bindir()
        self.data = self.root / "data"
        self.socket_dir = self.root / "sock"
        self.port = _free_port()
        self._names = itertools.count(1)
        self.user = None  # the system user the server runs as (None: this process's own)
        if os.geteuid() == 0:
            for name in ("postgres", "nobody"):
                try:
                    self.user = pwd.getpwnam(name)
                    break
                except KeyError:
                    continue
            else:
                raise PostgresMissing("running as root and no 'postgres' or 'nobody' user to run PostgreSQL as")

    def _run(self, *args: str) -> None:
        kwargs = {}
        if self.user is not None:
            kwargs = {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []}
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
        subprocess.run([os.path.join(self.bindir, args[0]), *args[1:]], check=True, capture_output=True,
                       cwd=str(self.root), env=env, timeout=120, **kwargs)

    def start(self) -> "Postgres":
        self.socket_dir.mkdir(parents=True)
        if self.user is not None:
            os.chmod(self.root, 0o755)
            for path in (self.root, self.socket_dir):
                os.chown(path, self.user.pw_uid, self.user.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", ADMIN, "--auth-local=trust", "--auth-host=scram-sha-256",
                  "-E", "UTF8", "--no-sync")
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.socket_dir} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=40")
        try:
            self._run("pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data), "-l", str(self.root / "server.log"),
                      "-o", options)
        except subprocess.CalledProcessError as exc:
            log = (self.root / "server.log").read_text(errors="replace") if (self.root / "server.log").exists() else ""
            raise PostgresMissing(f"PostgreSQL did not start: {exc.stderr.decode(errors='replace')} {log}") from None
        with self.admin() as conn:
            conn.execute(f"CREATE ROLE {ROLE} LOGIN PASSWORD '{PG_PASSWORD}'")
        return self

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "stop", "-m", "fast", "-w", "-D", str(self.data))
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            pass

    def admin(self, dbname: str = "postgres"):
        """A superuser session over the unix socket."""
        import psycopg

        return psycopg.connect(host=str(self.socket_dir), port=self.port, user=ADMIN, dbname=dbname, autocommit=True)

    def new_database(self) -> str:
        """A fresh database owned by the test role; its URL (no password in it)."""
        name = f"fl_{os.getpid()}_{next(self._names)}"
        with self.admin() as conn:
            conn.execute(f"CREATE DATABASE {name} OWNER {ROLE}")
        return self.url(name)

    def url(self, dbname: str) -> str:
        return f"postgresql://{ROLE}@127.0.0.1:{self.port}/{dbname}"


def remove(root: str) -> None:
    shutil.rmtree(root, ignore_errors=True)
