"""followlint audit --cluster: a real Dask LocalCluster against the real Dovecot of the audit
tests. The report must be the one-machine report, byte for byte, also when a worker is killed
while it audits an account."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from dovecot import PASSWORD  # noqa: E402
from followlint.audit.cluster import LOOPBACK_HTTP, connect  # noqa: E402
from test_audit import (INVOICE_ISSUE, INVOICE_PROMISE, NEWS, PASSWORD_VAR, PLATES_CHECKIN,  # noqa: E402,F401
                        PLATES_ISSUE, Mailbox, dovecot)

NOW = "2026-11-20T09:00:00+00:00"
RERUN_NOW = "2026-11-28T09:00:00+00:00"
LATE_ISSUE = ("INBOX", "Eve Park <eve@buyer.example>", "Quote", "2026-11-18T09:00:00+00:00", "quote-1@buyer.example",
              "Hi,\n\nThe quote you sent has the wrong delivery address. Can you send a corrected one?\n\nEve\n")


@pytest.fixture
def server(request):
    """The session's real Dovecot (the audit tests' fixture)."""
    return request.getfixturevalue("dovecot")


@pytest.fixture(scope="module")
def distributed():
    try:
        import distributed
    except ImportError as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI needs Dask distributed for the cluster tests (the test extra): {exc}")
        pytest.skip(f"no Dask distributed: {exc}")
    return distributed


def _team(tmp_path, server, mailboxes, ports=None):
    """A team file of ``mailboxes`` (each its own seed); ``ports`` overrides an account's port."""
    text = ""
    for n, box in enumerate(mailboxes):
        port = (ports or {}).get(n, server.tls_port)
        text += ("[[account]]\n" f'name = "Rep {n}"\nhost = "127.0.0.1"\nport = {port}\nuser = "{box.user}"\n'
                 f'password-env = "{PASSWORD_VAR}"\n')
    path = tmp_path / "team.toml"
    path.write_text(text)
    return path


def _seeded(server, tmp_path, run_cli, count):
    seeds = [(PLATES_ISSUE, PLATES_CHECKIN), (INVOICE_ISSUE, INVOICE_PROMISE), (NEWS,), (LATE_ISSUE,),
             (PLATES_ISSUE, PLATES_CHECKIN, INVOICE_ISSUE, INVOICE_PROMISE, NEWS)]
    boxes = []
    for n in range(count):
        box = Mailbox(server, tmp_path, run_cli)
        box.seed(*seeds[n % len(seeds)])
        boxes.append(box)
    return boxes


def _audit(run_cli, team, server, state, now, *extra):
    return run_cli("audit", "--team", team, "--ca-file", server.cert, "--state", state, "--format", "json",
                   "--now", now, *extra, env={PASSWORD_VAR: PASSWORD}, timeout=300)


def test_local_cluster_of_two_workers_gives_the_one_machine_report(distributed, server, tmp_path, run_cli):
    boxes = _seeded(server, tmp_path, run_cli, 5)
    team = _team(tmp_path, server, boxes)
    one = _audit(run_cli, team, server, tmp_path / "one.sqlite", NOW)
    two = _audit(run_cli, team, server, tmp_path / "two.sqlite", NOW, "--cluster", "local", "--workers", "2")
    assert one[0] == 1 and '"findings"' in one[1], one[2]
    assert two[0] == one[0], two[2]
    assert two[1] == one[1]  # byte-identical JSON, in the team file's order
    assert two[2] == one[2]  # and the same per-account lines
    assert PASSWORD not in two[1] + two[2]
    # The state the driver wrote is the one-machine state: the re-run fetches nothing and marks
    # the same findings as seen before, with one new message for one account.
    boxes[2].seed(LATE_ISSUE)
    one = _audit(run_cli, team, server, tmp_path / "one.sqlite", RERUN_NOW)
    two = _audit(run_cli, team, server, tmp_path / "two.sqlite", RERUN_NOW, "--cluster", "local", "--workers", "2")
    assert two[1] == one[1] and two[2] == one[2]
    assert "1 new message fetched" in two[2] and two[2].count("0 new messages fetched") == 4, two[2]


class GatedProxy:
    """127.0.0.1:port -> target port; the first connection is held (nothing forwarded) until
    ``release()``, and ``arrived`` is set when it comes. Later ones pass straight through."""

    def __init__(self, target_port: int):
        self.target_port = target_port
        self.arrived, self.released = threading.Event(), threading.Event()
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.port = self.listener.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._serve, args=(client, self.connections == 1), daemon=True).start()

    def _serve(self, client, held):
        if held:
            self.arrived.set()
            self.released.wait(120)
        try:
            server = socket.create_connection(("127.0.0.1", self.target_port))
        except OSError:
            client.close()
            return
        for source, sink in ((client, server), (server, client)):
            threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        for sock in (source, sink):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def release(self):
        self.released.set()

    def close(self):
        self.listener.close()


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(distributed, server, tmp_path, run_cli, monkeypatch):
    boxes = _seeded(server, tmp_path, run_cli, 6)
    gate = GatedProxy(server.tls_port)
    team = _team(tmp_path, server, boxes, ports={2: gate.port})  # account 2 logs in through the gate
    monkeypatch.setenv(PASSWORD_VAR, PASSWORD)  # the workers inherit it: they resolve the password themselves
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       **LOOPBACK_HTTP)
    try:
        with distributed.Client(cluster) as client:
            run = subprocess.Popen(
                [sys.executable, "-m", "followlint", "audit", "--team", str(team), "--ca-file", str(server.cert),
                 "--state", str(tmp_path / "cluster.sqlite"), "--format", "json", "--now", NOW,
                 "--cluster", cluster.scheduler_address],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, cwd=tmp_path)
            try:
                assert gate.arrived.wait(120), "the gated account's task never connected"
                victim = _worker_running(client, "followlint-account-2-")
                pid = client.run(os.getpid, workers=[victim])[victim]
                os.kill(pid, signal.SIGKILL)  # the worker dies with account 2 (and maybe others) in flight
                gate.release()
                out, err = run.communicate(timeout=300)
            finally:
                if run.poll() is None:
                    run.kill()
        assert gate.connections >= 2  # account 2 was audited again, on the other worker
        one = _audit(run_cli, team, server, tmp_path / "one.sqlite", NOW)  # through the open gate: the same URLs
    finally:
        cluster.close()
        gate.close()
    assert run.returncode == one[0] == 1, err.decode()
    assert out.decode() == one[1]  # byte-identical JSON: nothing lost, nothing counted twice
    assert err.decode() == one[2]


def _worker_running(client, prefix: str) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for worker, keys in client.processing().items():
            if any(str(key).startswith(prefix) for key in keys):
                return worker
        time.sleep(0.05)
    raise AssertionError(f"no worker is processing {prefix}*")


def test_an_unreachable_scheduler_is_one_line(distributed, server, tmp_path, run_cli):
    boxes = _seeded(server, tmp_path, run_cli, 1)
    team = _team(tmp_path, server, boxes)
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code, out, err = run_cli("audit", "--team", team, "--ca-file", server.cert, "--state", tmp_path / "s.sqlite",
                             "--cluster", f"tcp://127.0.0.1:{port}", env={PASSWORD_VAR: PASSWORD}, timeout=120)
    assert code == 2 and not out
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}" in lines[0], err
    code, out, err = run_cli("audit", "--team", team, "--ca-file", server.cert, "--state", tmp_path / "s.sqlite",
                             "--workers", "2", env={PASSWORD_VAR: PASSWORD})
    assert (code, err) == (2, "followlint: error: --workers is for --cluster local (a remote cluster has the workers "
                              "it was started with)\n")


def _big_mailbox(server, tmp_path, run_cli):
    """An account with 25 messages: threads by In-Reply-To, a thread held by its subject alone,
    a message filed twice (a copy), an unreadable one."""
    box = Mailbox(server, tmp_path, run_cli)
    box.seed(PLATES_ISSUE, PLATES_CHECKIN, INVOICE_ISSUE, INVOICE_PROMISE, NEWS)
    for k in range(9):
        customer = f"Cust {k} <cust{k}@buyer{k % 3}.example>"
        issue = ("INBOX", customer, f"Order {k}", f"2026-11-{10 + k:02d}T09:00:00+00:00", f"o{k}-1@buyer.example",
                 f"Hi,\n\nOrder {k} arrived damaged. Can you send a replacement?\n\nC{k}\n")
        reply = ("Sent", customer, f"Re: Order {k}", f"2026-11-{10 + k:02d}T15:00:00+00:00", f"o{k}-2@acme.example",
                 "Hi,\n\nJust checking in to see how everything is going!\n\nAlice\n" if k % 2 else
                 f"Hi,\n\nI will ship the replacement for order {k} by Friday.\n\nAlice\n",
                 "" if k == 4 else f"o{k}-1@buyer.example")  # order 4: threaded by its subject only
        box.seed(issue, reply)
    box.seed(INVOICE_ISSUE)  # the same message filed again
    with server.client(box.user) as client:
        client.append("INBOX", b"From: \xff\xfe broken\r\nSubject: =?x-unknown?q?zz?=\r\n\r\n\x00\x01binary\r\n")
    return box


def test_a_big_account_is_split_with_threads_whole_and_gives_the_same_report(distributed, server, tmp_path,
                                                                             run_cli, monkeypatch):
    small = _seeded(server, tmp_path, run_cli, 2)
    big = _big_mailbox(server, tmp_path, run_cli)
    team = _team(tmp_path, server, [small[0], big, small[1]])
    monkeypatch.setenv(PASSWORD_VAR, PASSWORD)
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       **LOOPBACK_HTTP)
    try:
        with distributed.Client(cluster) as client:
            on_cluster = ("--cluster", cluster.scheduler_address, "--split", "4")
            one = _audit(run_cli, team, server, tmp_path / "one.sqlite", NOW)
            two = _audit(run_cli, team, server, tmp_path / "two.sqlite", NOW, *on_cluster)
            assert "25 new messages fetched" in one[2], one[2]
            assert two[0] == one[0] and two[1] == one[1] and two[2] == one[2], (one[2], two[2])
            ran = client.run_on_scheduler(lambda dask_scheduler: sorted(dask_scheduler.task_prefixes))
            assert "followlint-part" in ran, ran  # the big account was fetched and linted in parts
            # the state is the one-machine state: new mail on the big account, read with the kept messages
            big.seed(("Sent", "Cust 3 <cust3@buyer0.example>", "Re: Order 3", "2026-11-21T09:00:00+00:00",
                      "o3-3@acme.example", "Hi,\n\nJust checking in again!\n\nAlice\n", "o3-2@acme.example"))
            for n in range(5):
                big.seed(("INBOX", f"New {n} <new{n}@lead.example>", f"Demo {n}", "2026-11-21T10:00:00+00:00",
                          f"demo{n}@lead.example", "Hi,\n\nCan we book a demo next week?\n\nN\n"))
            one = _audit(run_cli, team, server, tmp_path / "one.sqlite", RERUN_NOW)
            two = _audit(run_cli, team, server, tmp_path / "two.sqlite", RERUN_NOW, *on_cluster)
            assert "6 new messages fetched" in one[2], one[2]
            assert two[0] == one[0] and two[1] == one[1] and two[2] == one[2], (one[2], two[2])
    finally:
        cluster.close()


def test_the_local_cluster_listens_on_127_0_0_1_only(distributed):
    import psutil

    with connect("local", 2) as client:
        assert len(client.nthreads()) == 2 and set(client.nthreads().values()) == {1}
        me = psutil.Process()
        listening = [conn.laddr for proc in [me, *me.children(recursive=True)]
                     for conn in proc.net_connections(kind="tcp") if conn.status == psutil.CONN_LISTEN]
    assert len(listening) >= 6 and {addr.ip for addr in listening} == {"127.0.0.1"}, listening


def test_a_task_carries_the_password_source_not_the_password(distributed, tmp_path, monkeypatch):
    import pickle

    from followlint.audit.accounts import Account
    from followlint.audit.cluster import AccountTask, Snapshot
    from followlint.audit.run import AuditOptions
    from followlint.config import Settings

    monkeypatch.setenv(PASSWORD_VAR, PASSWORD)
    secret_file = tmp_path / "pw"
    secret_file.write_text(PASSWORD + "\n")
    for account in (Account(host="h", user="u", password_env=PASSWORD_VAR),
                    Account(host="h", user="u", password_file=str(secret_file))):
        task = AccountTask(0, account, Settings(), "k", AuditOptions(), None, "w", Snapshot())
        sent = pickle.dumps(task)
        assert PASSWORD.encode() not in sent and account.password() == PASSWORD
        assert (PASSWORD_VAR.encode() in sent) or (str(secret_file).encode() in sent)


def test_dask_notices_stay_off_the_report_lines(distributed):
    # A result gathered again after a lost worker is logged by "distributed.client", a logger
    # Dask's configuration gives its own WARNING level: in the audit's process it must not
    # reach stderr, where the report's lines are.
    script = ("import logging\n"
              "from followlint.audit.cluster import connect\n"
              "with connect('local', 1):\n"
              "    logging.getLogger('distributed.client').warning('Could not gather 1 keys, rescheduling')\n"
              "    logging.getLogger('distributed.worker').error('a worker notice')\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={k: v for k, v in os.environ.items() if k != "FOLLOWLINT_DEBUG"})
    assert done.returncode == 0, done.stderr
    assert "rescheduling" not in done.stderr and "worker notice" not in done.stderr
