"""``followlint audit --cluster``: the same audit, one Dask task per account.

Why the driver alone writes the state: a task may run twice (its worker is lost mid-run and
the scheduler runs it again elsewhere) and workers may sit on machines that cannot open the
state file. So a task is a pure function of what the driver hands it:

- the driver reads the account's part of the state (its folders' UIDVALIDITY and last UID, the
  kept messages, its owners) into a ``Snapshot`` and submits a task with it;
- on the worker, the very code of the one-machine audit (``run._audit_account``) runs against a
  ``JournalState``: it reads the snapshot and records every write in order instead of making it;
- the IMAP side is read-only (EXAMINE, BODY.PEEK), so running a task again changes nothing there;
- when the driver accepts a task's result, it replays the journal into the real state, in the
  order the one-machine run would have written it, then records the findings as seen.

A lost worker's task leaves nothing behind, and each account's result is accepted once, so no
finding is lost or counted twice. The report is merged in the team file's order.

Secrets never travel: a task carries the account's password *source* (an environment variable's
name or a file's path), which the worker resolves when it logs in.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import threading
import uuid
import zlib
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime

from .. import clock
from ..config import Settings
from ..engine import Linter, parse_now
from ..model import UsageError
from ..progress import progress
from .accounts import Account
from .imap import ImapError
from .run import (INBOX, AccountAudit, AuditOptions, AuditReport, TooBig, _audit_account, add_account, add_problem,
                  finish)
from .split import audit_split
from .state import State

COMMON_SENT_NAMES = ("Sent", "Sent Items", "Sent items", "Sent Messages", "INBOX.Sent")
SPLIT_OVER = 5000  # new messages: above, an account is fetched and linted in parts over the workers
IN_FLIGHT_PER_THREAD = 2
# Scheduler and workers serve HTTP (health, metrics) beside their TCP comms: on 127.0.0.1 too, on
# free ports (the scheduler's default, 8787, may be taken by another cluster).
LOOPBACK_HTTP = {"dashboard_address": "127.0.0.1:0", "worker_dashboard_address": "127.0.0.1:0"}  # accounts submitted ahead of the merge, per worker thread


@dataclass
class Snapshot:
    """One account's part of the state, as a task needs it."""

    folders: dict[str, tuple[int, int]] = field(default_factory=dict)  # folder -> (UIDVALIDITY, last UID)
    messages: dict[tuple[str, int], tuple[bytes, str]] = field(default_factory=dict)  # (folder, uid) -> (zlib raw, received)
    owners: set[str] = field(default_factory=set)


@dataclass
class AccountTask:
    index: int  # the account's place in the team file
    account: Account
    settings: Settings = field(repr=False)
    settings_key: str
    options: AuditOptions
    now: datetime
    when: str
    snapshot: Snapshot | None = field(repr=False)  # mail: kept out of a failed task's log line
    split_over: int = 0  # more new messages than this: fetched and linted in parts (split.py)


@dataclass
class AccountResult:
    index: int
    outcome: AccountAudit | None = None
    problem: str = ""  # the one line of an account that could not be audited (ImapError, UsageError)
    warnings: list[str] = field(default_factory=list)
    journal: list[tuple] = field(default_factory=list)  # (method, args) in the order they were made
    unknown_folder: str = ""  # a folder the snapshot lacked: the driver adds it and runs the task again


class UnknownFolder(Exception):
    pass


class JournalState:
    """What ``_audit_account`` sees on a worker: reads come from the snapshot, writes are
    recorded (and applied to the snapshot, so later reads in the same task see them)."""

    def __init__(self, snapshot: Snapshot):
        self.snap = snapshot
        self.journal: list[tuple] = []

    def claim(self, account: str, folders: list[str]):
        """No lock on a worker: the journal writes nothing. A cluster run does not yet take the
        per-mailbox locks of the state (docs/scaling.md says so)."""
        return nullcontext()

    def folder(self, account: str, folder: str) -> tuple[int, int]:
        if folder not in self.snap.folders:
            raise UnknownFolder(folder)
        return self.snap.folders[folder]

    def restart_folder(self, account: str, folder: str, uidvalidity: int) -> None:
        self.journal.append(("restart_folder", (folder, uidvalidity)))
        self.snap.folders[folder] = (uidvalidity, 0)
        for key in [k for k in self.snap.messages if k[0] == folder]:
            del self.snap.messages[key]

    def store_batch(self, account: str, folder: str, uidvalidity: int, batch: list[tuple[int, bytes, str]]) -> None:
        if not batch:
            return
        packed = [(uid, zlib.compress(raw, 1), received) for uid, raw, received in batch]
        self.journal.append(("store_batch", (folder, uidvalidity, packed)))
        for uid, raw, received in packed:
            self.snap.messages[(folder, uid)] = (raw, received)
        self.snap.folders[folder] = (uidvalidity, max(uid for uid, _, _ in batch))

    def messages(self, account: str, skip=()) -> Iterator[tuple[str, int, bytes | None, str]]:
        for (folder, uid) in sorted(self.snap.messages):  # the order of SQLite's ORDER BY folder, uid
            raw, received = self.snap.messages[(folder, uid)]
            yield folder, uid, None if (folder, uid) in skip else zlib.decompress(raw), received

    def forget(self, account: str, keys: list[tuple[str, int]]) -> None:
        self.journal.append(("forget", (list(keys),)))
        for key in keys:
            self.snap.messages.pop(key, None)

    def owners(self, account: str) -> list[str]:
        return sorted(self.snap.owners)

    def add_owners(self, account: str, addresses: set[str]) -> None:
        self.journal.append(("add_owners", (set(addresses),)))
        self.snap.owners.update(addresses)

    def see_findings(self, account: str, fingerprints: dict[str, str], when: str) -> set[str]:
        """Recorded; which are new is decided by the driver, against the real state."""
        self.journal.append(("see_findings", (dict(fingerprints), when)))
        return set()


def compact(journal: list[tuple]) -> list[tuple]:
    """Messages stored and then forgotten by the same task need not travel back: each folder's
    batches keep their last message (it moves the folder's last UID) and what stays stored."""
    forgotten = {key for op, args in journal if op == "forget" for key in args[0]}
    if not forgotten:
        return journal
    out = []
    for op, args in journal:
        if op == "store_batch":
            folder, uidvalidity, packed = args
            last = max(uid for uid, _, _ in packed)
            packed = [m for m in packed if m[0] == last or (folder, m[0]) not in forgotten]
            args = (folder, uidvalidity, packed)
        out.append((op, args))
    return out


# -- on a worker -----------------------------------------------------------------------------

_linters = threading.local()  # a Linter per worker thread (it is told each account's side)


def _linter(settings: Settings, key: str) -> Linter:
    cache = getattr(_linters, "by_key", None)
    if cache is None:
        cache = _linters.by_key = {}
    if key not in cache:
        from .. import plugins

        cache[key] = Linter(settings, plugins.load(settings))
        cache[key].preload()
    return cache[key]


def run_account(task: AccountTask) -> AccountResult:
    """Audit one account against its snapshot; nothing outside the worker is written."""
    linter = _linter(task.settings, task.settings_key)
    state = JournalState(task.snapshot)
    scratch = AuditReport()
    result = AccountResult(task.index)
    try:
        try:
            result.outcome = _audit_account(linter, task.account, state, task.options, task.now, task.when, scratch,
                                            split_over=task.split_over)
        except TooBig as big:
            result.outcome = audit_split(task, state, big, task.split_over)
    except UnknownFolder as exc:
        return AccountResult(task.index, unknown_folder=str(exc))
    except (ImapError, UsageError) as exc:
        result.problem = str(exc)
    result.warnings = scratch.warnings
    result.journal = compact(state.journal)
    return result


# -- on the driver ---------------------------------------------------------------------------

def snapshot(state: State, account: Account, folders: set[str]) -> Snapshot:
    snap = Snapshot(owners=set(state.owners(account.url)))
    for folder, uid, raw, received in state.messages(account.url):
        snap.messages[(folder, uid)] = (zlib.compress(raw, 1), received)
    wanted = {INBOX, *COMMON_SENT_NAMES, *(f for f, _ in snap.messages), *folders}
    if account.sent_folder:
        wanted.add(account.sent_folder)
    snap.folders = {folder: state.folder(account.url, folder) for folder in wanted}
    return snap


def replay(state: State, account: Account, result: AccountResult) -> None:
    """A task's writes into the real state, in the order it made them; the findings it saw are
    marked new or not here, where the state is."""
    url = account.url
    for op, args in result.journal:
        if op == "store_batch":
            folder, uidvalidity, packed = args
            state.store_batch(url, folder, uidvalidity, [(uid, zlib.decompress(raw), rec) for uid, raw, rec in packed])
        elif op == "see_findings":
            new = state.see_findings(url, *args)
            outcome = result.outcome
            for finding, fp in zip(outcome.result.findings, outcome.fingerprints):
                finding.new = fp in new
            outcome.new = len(new)
        else:
            getattr(state, op)(url, *args)


class ClusterError(UsageError):
    pass


@contextmanager
def connect(address: str, workers: int | None) -> Iterator[object]:
    """A Dask client: of the scheduler at ``address``, or of a LocalCluster (``local``) of
    ``workers`` single-threaded processes on 127.0.0.1 (one per CPU by default)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("--cluster needs Dask distributed: pip install 'followlint[cluster]'") from None
    quiet = not os.environ.get("FOLLOWLINT_DEBUG")
    if quiet:
        _quiet_dask()
    if address == "local":
        try:
            cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                                   host="127.0.0.1", silence_logs=logging.CRITICAL if quiet else logging.WARNING,
                                   **LOOPBACK_HTTP)
        except Exception as exc:
            raise ClusterError(f"--cluster local: cannot start the local Dask cluster: {exc}") from None
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"--cluster: cannot reach the Dask scheduler at {address}: {exc}") from None
    with client:
        yield client


def _quiet_dask() -> None:
    """Dask's own notices (a lost worker, a result gathered again) would drown the report's
    lines on stderr: what they tell is in the report. Dask's configuration gives some of its
    loggers ("distributed.client") their own level when it is imported, so each is set."""
    families = ("distributed", "tornado")
    for name in [n for n in logging.root.manager.loggerDict if n.startswith(families)] + list(families):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def audit(linter: Linter, accounts: list[Account], state: State, options: AuditOptions, client,
          split_over: int = SPLIT_OVER) -> AuditReport:
    """The audit of ``run.audit``, its accounts run as tasks on ``client``'s cluster; an account
    with more than ``split_over`` new messages is shared out in parts (split.py)."""
    from distributed import as_completed

    report = AuditReport(rules=[type(r) for r in linter.rules])
    now = parse_now(linter.settings.now)
    when = clock.current_time().isoformat(timespec="seconds")
    settings = linter.settings
    key = hashlib.sha256(pickle.dumps(settings)).hexdigest()[:16]
    task_options = AuditOptions(batch_size=options.batch_size, keep_days=options.keep_days, timeout=options.timeout)
    threads = sum(client.nthreads().values()) or 1
    window = max(2, IN_FLIGHT_PER_THREAD * threads)
    extra_folders: dict[int, set[str]] = {}

    def submit(index: int):
        account = accounts[index]
        task = AccountTask(index, account, settings, key, task_options, now, when,
                           snapshot(state, account, extra_folders.get(index, set())), split_over)
        return client.submit(run_account, task, key=f"followlint-account-{index}-{uuid.uuid4().hex[:12]}",
                             pure=False)

    queue = as_completed()
    waiting: dict[int, AccountResult] = {}  # accepted, not yet merged (an earlier account is still running)
    following, merged, done = 0, 0, 0
    with progress("accounts", len(accounts), options.progress) as bar:
        while following < len(accounts) and following < window:
            queue.add(submit(following))
            following += 1
        for future in queue:
            result = _result(future, accounts)
            future.release()
            if result.unknown_folder:
                extra_folders.setdefault(result.index, set()).add(result.unknown_folder)
                queue.add(submit(result.index))
                continue
            if result.outcome is not None or result.journal:
                replay(state, accounts[result.index], result)
            waiting[result.index] = result
            while merged in waiting:
                done += _merge(report, accounts[merged], waiting.pop(merged))
                merged += 1
                bar.advance(1)
            while following < len(accounts) and following - merged < window:
                queue.add(submit(following))
                following += 1
    finish(report, state, done, when)
    return report


def _result(future, accounts: list[Account]) -> AccountResult:
    from distributed import KilledWorker

    try:
        return future.result()
    except KilledWorker:  # the scheduler gave up: the task took down every worker it ran on
        index = int(future.key.split("-")[2])
        return AccountResult(index, problem=f"{accounts[index].url}: the audit task was lost with its worker "
                                            "several times (is a worker running out of memory?)")


def _merge(report: AuditReport, account: Account, result: AccountResult) -> int:
    report.warnings.extend(result.warnings)
    if result.outcome is None:
        add_problem(report, account, Exception(result.problem))
        return 0
    add_account(report, account, result.outcome)
    return 1
