"""One audit run: for each account, fetch what is new in Sent and INBOX into the state, then
lint every stored message (new ones and those of still-recent conversations) with the same
engine as ``check``, and keep only the conversations a later run may still judge differently.
"""
from __future__ import annotations

import gc
import hashlib
import os
import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

from .. import clock
from ..collector import free_cycles, quiet
from ..conversations import Ours
from ..engine import Linter, ReadContext, Report, UnitResult, parse_now
from ..model import Finding, InputError, InputProblem, Touch, UsageError
from ..progress import progress
from ..sources.base import Reader, SourceUnit
from ..sources.mail import MESSAGE_ERRORS
from ..sources.messages import message_touches
from .accounts import Account
from .imap import Connection, ImapError
from .state import State, StateError
from .workers import LINT_MIN_TOUCHES, BatchParser, can_fork, lint_shared

INBOX = "INBOX"
# An account with this many touches to lint decodes the whole phrase index first, as a long
# check does (``Linter.preload``); a run with little or nothing new (most nightly re-runs) does
# not pay for it (0.08-0.1 s, a fifth of a re-run with nothing new).
PRELOAD_TOUCHES = 1000


@dataclass
class AuditOptions:
    batch_size: int = 500
    keep_days: int = 30  # conversations with a message this recent are kept and re-linted
    timeout: float = 60.0
    jobs: int = 1  # worker processes for a big account's parsing and linting (``workers.py``)
    progress: bool = False  # a progress display on stderr (a terminal, not -q)


@dataclass
class AuditReport(Report):
    """A Report with what the audit adds: the run's counts, per account and in all."""

    rep_counts: dict[str, int] = field(default_factory=dict)  # rep -> findings
    history: list[dict] = field(default_factory=list)  # past runs for the trend (set by the caller)
    fetched: int = 0
    new_findings: int = 0
    lines: list[str] = field(default_factory=list)  # one summary line per account


@dataclass
class AccountAudit:
    fetched: dict[str, int] = field(default_factory=dict)  # folder -> new messages
    result: UnitResult = field(default_factory=UnitResult)
    new: int = 0
    fingerprints: list[str] = field(default_factory=list)  # one per finding, in the findings' order


class StoredMessages(Reader):
    """Hands the engine the touches already parsed from the state's messages."""

    name = "imap"
    mailbox = True

    def __init__(self, touches: list[Touch]):
        self.touches = touches

    def groups(self, unit, ctx) -> Iterator[list[Touch]]:
        yield self.touches


def audit(linter: Linter, accounts: list[Account], state: State, options: AuditOptions) -> AuditReport:
    report = AuditReport(rules=[type(r) for r in linter.rules])
    now = parse_now(linter.settings.now)
    when = clock.current_time().isoformat(timespec="seconds")
    done = 0
    with quiet():
        for account in accounts:
            try:
                outcome = _audit_account(linter, account, state, options, now, when, report)
            except (ImapError, UsageError) as exc:
                add_problem(report, account, exc)
                continue
            finally:
                free_cycles()  # what the account's run left in cycles
            done += 1
            add_account(report, account, outcome)
    finish(report, state, done, when)
    return report


def add_problem(report: AuditReport, account: Account, exc: Exception) -> None:
    """An account that could not be audited: one line, the others go on."""
    report.problems.append(InputProblem(account.url, str(exc).removeprefix(account.url + ": ")))


def add_account(report: AuditReport, account: Account, outcome: "AccountAudit") -> None:
    """One audited account into the run's report (in the team file's order)."""
    report.merge(outcome.result)
    report.rep_counts[account.label] = len(outcome.result.findings)
    report.fetched += sum(outcome.fetched.values())
    report.new_findings += outcome.new
    folders = ", ".join(f"{folder} {n}" for folder, n in outcome.fetched.items())
    who = f"{account.name} ({account.user})" if account.name else account.user
    report.lines.append(f"{who} on {account.host}: {_count(sum(outcome.fetched.values()), 'new message')} fetched "
                        f"({folders}), {_count(outcome.result.conversations, 'conversation')} linted, "
                        f"{_count(len(outcome.result.findings), 'finding')} ({outcome.new} new)")


def finish(report: AuditReport, state: State, done: int, when: str) -> None:
    """The run's row in the state, for the trend: only when some account was audited."""
    if done:
        summary = report.summary()
        try:
            state.add_run(when, done, report.fetched, report.conversations, len(report.findings), report.new_findings,
                          len(report.problems), summary["by_code"], report.rep_counts)
        except StateError as exc:  # the findings stand; only the trend misses this run
            report.problems.append(InputProblem(state.where, str(exc).removeprefix(state.where + ": ")))


class TooBig(Exception):
    """Raised by ``_audit_account`` with ``split_over``: the account has more new messages than
    that; ``plan`` says where they are, for the caller to share out (audit --cluster)."""

    def __init__(self, sent: str, plan: dict[str, tuple[int, list[int]]]):
        super().__init__(sent)
        self.sent, self.plan = sent, plan  # plan: folder -> (UIDVALIDITY, new UIDs)


def open_connection(account: Account, options: AuditOptions) -> Connection:
    """Logged in by the account's own source: its password, or its OAuth2 token."""
    return Connection(account, None, options.timeout)


def _audit_account(linter: Linter, account: Account, state: State, options: AuditOptions, now: datetime,
                   when: str, report: AuditReport, split_over: int = 0) -> AccountAudit:
    outcome = AccountAudit()
    parser = BatchParser(account.url, options.jobs)  # each batch parsed as the next one is fetched
    with ExitStack() as held:
        held.callback(parser.close)
        connection = open_connection(account, options)
        try:
            sent = connection.sent_folder()
            folders = list(dict.fromkeys((sent, INBOX)))
            held.enter_context(state.claim(account.url, folders))  # to the end of the lint: MailboxBusy if taken
            plan = {}
            for folder in folders:
                plan[folder] = uidvalidity, uids = _plan_folder(connection, state, account, folder, report)
                if not split_over:  # fetched while the folder is open
                    parser.prepare(len(uids))
                    outcome.fetched[folder] = fetch_uids(connection, state, account, folder, uidvalidity, uids, options,
                                                         on_batch=_on_batch(parser, linter, len(uids)))
            if split_over:  # all planned first, to know the account's size
                if sum(len(uids) for _, uids in plan.values()) > split_over:
                    raise TooBig(sent, plan)
                for folder, (uidvalidity, uids) in plan.items():
                    parser.prepare(len(uids))
                    outcome.fetched[folder] = fetch_uids(connection, state, account, folder, uidvalidity, uids, options,
                                                         reopen=True, on_batch=_on_batch(parser, linter, len(uids)))
        finally:
            connection.close()
        outcome.result.files = len(outcome.fetched)
        _lint(linter, account, state, sent, now, options, when, outcome, parser.results())
    return outcome


def _on_batch(parser: BatchParser, linter: Linter, new: int) -> Callable[[str, list], None]:
    """Where each fetched batch of a folder with ``new`` messages goes: to the parser. A folder
    that brings much to lint also has the whole phrase index decoded (``Linter.preload``, once)
    while its second batch is fetched, where it was decoded once every batch was in, before
    the lint (0.07 s of that wait)."""
    def handle(folder: str, batch: list) -> None:
        parser.add(folder, batch)
        if new >= PRELOAD_TOUCHES:
            linter.preload()
    return handle


def _plan_folder(connection: Connection, state: State, account: Account, folder: str,
                 report: AuditReport) -> tuple[int, list[int]]:
    """The folder's UIDVALIDITY and the UIDs new since the state's last one."""
    uidvalidity, uidnext = connection.examine(folder)
    stored_validity, last_uid = state.folder(account.url, folder)
    if stored_validity != uidvalidity:
        if stored_validity:
            report.warnings.append(f"{account.url}/{folder}: UIDVALIDITY changed ({stored_validity} -> {uidvalidity}): "
                                   "reading the folder again")
        state.restart_folder(account.url, folder, uidvalidity)
        last_uid = 0
    if uidnext and uidnext <= last_uid + 1:
        return uidvalidity, []  # nothing new: no SEARCH, no FETCH
    return uidvalidity, connection.uids_after(folder, last_uid)


def fetch_uids(connection: Connection, state: State, account: Account, folder: str, uidvalidity: int,
               uids: list[int], options: AuditOptions, reopen: bool = False,
               on_batch: Callable[[str, list], None] | None = None) -> int:
    """Fetch ``uids`` of ``folder`` into the state, batch by batch; ``reopen``: the folder is
    opened again (another one was opened since it was planned). Each batch is stored, then
    handed to ``on_batch`` (folder, batch), which parses it while a thread fetches the next
    one: the wait for the server and the parsing overlap."""
    if not uids:
        return 0
    if reopen and connection.examine(folder)[0] != uidvalidity:
        raise ImapError(f"{account.url}: UIDVALIDITY of {folder} changed during the run; the next run reads it again")
    saved = 0
    with progress(f"{account.label} {folder}", len(uids), options.progress) as bar:
        try:
            with Prefetch(connection.fetch(folder, uids, options.batch_size)) as batches:
                for batch in batches:
                    state.store_batch(account.url, folder, uidvalidity,
                                      [(uid, raw, _iso(received)) for uid, raw, received in batch])
                    batches.stored()  # the next batch is fetched while this one is parsed
                    saved += len(batch)
                    bar.advance(len(batch))
                    if on_batch is not None:
                        on_batch(folder, batch)
        except (ImapError, StateError) as exc:  # the batch in hand was not committed: the next run fetches it
            raise type(exc)(f"{exc} ({saved} of {len(uids)} new messages in {folder} were saved; "
                            "the next run fetches the rest)") from None
    return len(uids)


class Prefetch:
    """The items of ``batches`` (a generator that fetches a batch from the server at each
    step), produced by a thread: each step is taken once the caller says the item before is
    ``stored()``, and runs while the caller goes on with that item (parsing it). So a batch is
    asked for only once the one before is committed, as when fetching and storing took turns:
    a run that stops midway has committed all but the batch in hand. What the producer raises
    is raised to the caller where the item it failed on would have come; a caller that stops
    early stops the producer and waits for it (the connection it uses is not to be touched by
    two threads at once)."""

    _END = object()

    def __init__(self, batches: Iterator):
        self.batches = batches
        self.handed: queue.Queue = queue.Queue(maxsize=1)
        self.turn = threading.Semaphore(1)  # the producer may take its next step
        self.stop = False
        self.thread = threading.Thread(target=self._produce, name="followlint-fetch", daemon=True)

    def __enter__(self) -> "Prefetch":
        self.thread.start()
        return self

    def __iter__(self):
        while True:
            item, error = self.handed.get()
            if error is not None:
                raise error
            if item is self._END:
                return
            yield item

    def stored(self) -> None:
        self.turn.release()

    def _produce(self) -> None:
        try:
            while True:
                self.turn.acquire()
                if self.stop:
                    return
                item = next(self.batches, self._END)
                self.handed.put((item, None))
                if item is self._END:
                    return
        except BaseException as exc:  # raised in the caller
            self.handed.put((self._END, exc))

    def __exit__(self, *exc_info) -> None:
        self.stop = True
        self.turn.release()
        while self.thread.is_alive():  # a producer waiting for room in the queue: let it finish
            try:
                self.handed.get(timeout=0.05)
            except queue.Empty:
                pass
        self.thread.join()


@dataclass
class Parsed:
    """The stored messages of one account as touches, and where each touch came from."""

    touches: list[Touch] = field(default_factory=list)
    rows: dict[int, tuple[str, int]] = field(default_factory=dict)  # id(touch) -> (folder, uid)
    message_ids: dict[tuple[str, str], str] = field(default_factory=dict)  # (path, touch label) -> Message-ID
    received: dict[tuple[str, int], datetime] = field(default_factory=dict)  # (folder, uid) -> INTERNALDATE
    unusable: list[tuple[str, int]] = field(default_factory=list)  # unreadable, or a copy from another folder
    owners: set[str] = field(default_factory=set)  # senders of the Sent folder


def message_path(url: str, folder: str, uid: int) -> str:
    """Where a message of the account at ``url`` is: an RFC 5092 IMAP URL."""
    return f"{url}/{quote(folder, safe='/')}/;UID={uid}"


def parse_one(raw: bytes, path: str, uid: int) -> tuple[list[Touch], str]:
    """The touches of one raw message, ordered from 0 (``parse_messages`` puts them in their
    place among the account's messages), or none and the problem that stopped it."""
    try:
        return list(message_touches(raw, path, f"uid {uid}", 1, 0)), ""
    except InputError as exc:
        return [], exc.message
    except MESSAGE_ERRORS as exc:
        return [], f"cannot parse the message: {type(exc).__name__}: {exc}"


def _parse_stored(state: State, account: Account, sent: str, result: UnitResult,
                  early: dict | None = None) -> Parsed:
    rows = state.messages(account.url, skip=set(early) if early else ())
    return parse_messages(enumerate(rows), account, sent, result, early)


def parse_messages(rows, account: Account, sent: str, result: UnitResult, early: dict | None = None) -> Parsed:
    """Touches of ``rows``: (index in the account's messages, (folder, uid, raw, received));
    ``early``: (folder, uid) -> what ``parse_one`` made of a message already (its raw may then
    be None)."""
    out, seen = Parsed(), set()
    for index, (folder, uid, raw, stored_received) in rows:
        path = message_path(account.url, folder, uid)
        got = early.pop((folder, uid), None) if early else None
        parsed, problem = got if got is not None else parse_one(raw, path, uid)
        if problem:
            result.problems.append(InputProblem(path, problem))
        base = (index + 1) * 1000
        for touch in parsed:  # the message's touches ordered from 0: put in their place
            touch.order += base
        if not parsed or (parsed[0].message_id and parsed[0].message_id in seen):
            out.unusable.append((folder, uid))
            continue
        top = parsed[0]
        seen.add(top.message_id)
        out.received[(folder, uid)] = _parse_iso(stored_received)
        if top.time is None:
            top.time = out.received[(folder, uid)]
        if folder == sent and "@" in top.party:
            out.owners.add(top.party)
        for touch in parsed:
            out.rows[id(touch)] = (folder, uid)
            label = touch.origin.label()
            part = label.partition("#")[2]  # "q1": the first quoted message inside it
            out.message_ids[(path, label)] = (top.message_id or label.partition("#")[0]) + (f"#{part}" if part else "")
        out.touches.extend(parsed)
    return out


def _lint(linter: Linter, account: Account, state: State, sent: str, now: datetime, options: AuditOptions,
          when: str, outcome: AccountAudit, early: dict | None = None) -> None:
    result = outcome.result
    stored = _parse_stored(state, account, sent, result, early)
    if stored.owners:
        state.add_owners(account.url, stored.owners)
    reps = list(linter.settings.reps) + list(account.reps)
    if not reps:
        reps = state.owners(account.url) + ([account.user.lower()] if "@" in account.user else [])
    keep = lint_touches(linter, account, stored, reps, now, options, result)
    if keep is None:
        return
    result.findings.sort(key=Finding.sort_key)
    state.forget(account.url, [k for k in stored.received if k not in keep] + stored.unusable)
    prints = [(_fingerprint(account, f, stored.message_ids), f) for f in result.findings]
    outcome.fingerprints = [fp for fp, _ in prints]
    new = state.see_findings(account.url, {fp: f.code for fp, f in prints}, when)
    for fp, finding in prints:  # what the report marks: not seen by an earlier run
        finding.new = fp in new
    outcome.new = len(new)


def lint_touches(linter: Linter, account: Account, stored: Parsed, reps: list[str], now: datetime,
                 options: AuditOptions, result: UnitResult) -> set[tuple[str, int]] | None:
    """Lint the touches of ``stored`` into ``result``; the (folder, uid) of the messages to keep
    for the next run, or None when a bug stopped the linting (everything is kept)."""
    rows, received = stored.rows, stored.received
    if len(stored.touches) >= PRELOAD_TOUCHES:
        linter.preload()  # before any worker is forked: they share it (a big folder's was, while fetching)
        gc.freeze()  # the touches last as long as the lint: out of the collector's walks (free_cycles)
    linter.ours = Ours(reps)
    unit = SourceUnit(path=account.url, reader=StoredMessages(stored.touches))
    ctx = ReadContext(linter.settings, result)
    cutoff = now - timedelta(days=options.keep_days)
    keep: set[tuple[str, int]] = set()
    try:
        if options.jobs > 1 and len(stored.touches) >= LINT_MIN_TOUCHES and can_fork():
            built = list(linter.conversations(unit, ctx, annotate=False))
            checked = zip((c for c, _ in built), lint_shared(linter, built, result, options.jobs))
        else:
            checked = ((c, linter.check(c, s, result)) for c, s in linter.conversations(unit, ctx))
        for conversation, findings in checked:
            result.findings.extend(findings)
            sources = {rows[id(t)] for t in conversation.touches if id(t) in rows}
            latest = max((t.time for t in conversation.touches if t.time and not t.quoted),
                         default=max((received[k] for k in sources), default=None))
            if latest is None or latest >= cutoff:
                keep.update(sources)
    except Exception as exc:  # a bug met on some message: one line; the messages stay for the next run
        if os.environ.get("FOLLOWLINT_DEBUG"):
            raise
        result.problems.append(InputProblem(account.url, f"internal error while linting: {type(exc).__name__}: {exc} "
                                                         "(set FOLLOWLINT_DEBUG=1 for details)"))
        return None
    return keep


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _fingerprint(account: Account, finding: Finding, message_ids: dict) -> str:
    """Stable across runs and rescans: the message's Message-ID, not its UID."""
    touch = message_ids.get((finding.path, finding.touch), finding.touch)
    key = "\x1f".join((account.url, finding.code, finding.conversation, touch, finding.excerpt))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _iso(value) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.astimezone()  # imapclient gives the server's time in local time
        return value.astimezone(timezone.utc).isoformat(timespec="seconds")
    return clock.current_time().isoformat(timespec="seconds")


def _parse_iso(value: str) -> datetime:
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return clock.current_time()
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)
