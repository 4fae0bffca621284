"""A big account on the cluster: its new mail fetched by folder and UID range, and linted in
parts made of whole threads, the way ``check --jobs`` shares out a big mailbox.

The account's task (``cluster.run_account``) becomes the coordinator: from a worker it submits
the fetch parts, threads the account from the messages' headers alone (``threads.thread_groups``,
as the mailbox readers do), submits the lint parts (each gets the fetched parts it needs, moved
between workers by Dask, not through the driver), and returns one journal, as a small account's
task does. A part lost with its worker is run again by the scheduler; a lost coordinator is run
again whole. Nothing here writes the state.
"""
from __future__ import annotations

import uuid
import zlib
from dataclasses import dataclass, field, replace
from urllib.parse import quote

from ..engine import UnitResult
from ..model import Finding
from ..sources.mail import MESSAGE_ERRORS
from ..sources.messages import message_head, parse_head
from ..threads import ThreadKeys, thread_groups, thread_keys
from .accounts import Account
from .imap import ImapError
from .run import AccountAudit, AuditOptions, Parsed, TooBig, _fingerprint, _iso, lint_touches, open_connection, parse_messages


@dataclass
class FetchedPart:
    folder: str
    rows: dict[int, tuple[bytes, str]] = field(default_factory=dict)  # uid -> (zlib raw, received)
    heads: list[tuple[int, str, ThreadKeys | None, str]] = field(default_factory=list)  # uid, Message-ID, keys, sender
    error: str = ""
    wanted: int = 0


@dataclass
class LintedPart:
    result: UnitResult
    parse_problems: list[tuple[int, object]]  # (index, problem): reported in the account's message order
    parsed: Parsed
    keep: set[tuple[str, int]] | None


def message_path(account: Account, folder: str, uid: int) -> str:
    return f"{account.url}/{quote(folder, safe='/')}/;UID={uid}"  # as run.parse_messages names it


def head_of(account: Account, folder: str, uid: int, raw: bytes) -> tuple[int, str, ThreadKeys | None, str]:
    try:
        touch = message_head(parse_head(raw), message_path(account, folder, uid), f"uid {uid}", 1, 0)
    except MESSAGE_ERRORS:
        return uid, "", None, ""  # read again with its body in a lint part, and reported there
    return uid, touch.message_id, thread_keys(touch, mailbox=True), touch.party


def fetch_part(account: Account, folder: str, uidvalidity: int, uids: list[int], options: AuditOptions) -> FetchedPart:
    """One UID range of one folder; what was fetched before a failure is kept, with the error."""
    part = FetchedPart(folder, wanted=len(uids))
    try:
        connection = open_connection(account, options)
        try:
            if connection.examine(folder)[0] != uidvalidity:
                raise ImapError(f"{account.url}: UIDVALIDITY of {folder} changed during the run; "
                                "the next run reads it again")
            for batch in connection.fetch(folder, uids, options.batch_size):
                for uid, raw, received in batch:
                    part.rows[uid] = (zlib.compress(raw, 1), _iso(received))
                    part.heads.append(head_of(account, folder, uid, raw))
        finally:
            connection.close()
    except ImapError as exc:
        part.error = str(exc)
    return part


def heads(part: FetchedPart) -> tuple[list, str, list[int]]:
    """The small part of a fetched part, for the coordinator: its heads, error and UIDs."""
    return part.heads, part.error, sorted(part.rows)


def rows_of(part: FetchedPart, uids: set[int]) -> dict[int, tuple[bytes, str]]:
    return {uid: row for uid, row in part.rows.items() if uid in uids}


def lint_part(task, sent: str, reps: list[str], items: list[tuple], *fetched: FetchedPart) -> LintedPart:
    """Parse and lint whole threads: ``items`` are (index, folder, uid, zlib raw or None,
    received or None), None when the message is in one of the ``fetched`` parts."""
    from .cluster import _linter

    found = {(part.folder, uid): row for part in fetched for uid, row in part.rows.items()}
    linter = _linter(task.settings, task.settings_key)
    result, parsed, problems = UnitResult(), Parsed(), []
    for index, folder, uid, zraw, received in items:
        if zraw is None:
            zraw, received = found[(folder, uid)]
        one = UnitResult()
        got = parse_messages([(index, (folder, uid, zlib.decompress(zraw), received))], task.account, sent, one)
        problems.extend((index, problem) for problem in one.problems)
        parsed.touches.extend(got.touches)
        parsed.rows.update(got.rows)
        parsed.message_ids.update(got.message_ids)
        parsed.received.update(got.received)
        parsed.unusable.extend(got.unusable)
    keep = lint_touches(linter, task.account, parsed, reps, task.now, task.options, result)
    parsed.touches, parsed.rows = [], {}  # not sent back: the findings carry what the report needs
    return LintedPart(result, problems, parsed, keep)


def audit_split(task, state, too_big: TooBig, split_over: int) -> AccountAudit:
    """The coordinator: the account's outcome, its state writes made on ``state`` (a journal)."""
    from distributed import worker_client

    account, options, sent = task.account, task.options, too_big.sent
    outcome = AccountAudit()
    with worker_client() as client:
        def submit(function, *args):
            return client.submit(function, *args, key=f"followlint-part-{task.index}-{uuid.uuid4().hex[:12]}", pure=False)

        parts = []  # (folder, uidvalidity, future)
        for folder, (uidvalidity, uids) in too_big.plan.items():
            outcome.fetched[folder] = len(uids)
            for start in range(0, len(uids), split_over):
                parts.append((folder, uidvalidity, submit(fetch_part, account, folder, uidvalidity,
                                                          uids[start:start + split_over], options)))
        summaries = client.gather([submit(heads, future) for _, _, future in parts])
        errors = [error for _, error, _ in summaries if error]
        if errors:
            _store_fetched_prefix(client, state, account, parts, summaries)
            raise ImapError(f"{errors[0]} (the account's other new messages fetched before it were saved; "
                            "the next run fetches the rest)")
        outcome.result.files = len(outcome.fetched)
        items, keys, where, unusable, owners = _plan_threads(task, state, sent, parts, summaries)
        if owners:
            state.add_owners(account.url, owners)
        reps = list(task.settings.reps) + list(account.reps)
        if not reps:
            reps = state.owners(account.url) + ([account.user.lower()] if "@" in account.user else [])
        slim = replace(task, snapshot=None)  # a lint part gets its own messages only
        linted = []
        for group_items, needed in _lint_parts(items, keys, where, split_over):
            linted.append(submit(lint_part, slim, sent, reps, group_items, *[parts[n][2] for n in sorted(needed)]))
        linted = client.gather(linted)
        _merge_parts(task, state, client, outcome, parts, summaries, linted, unusable)
    return outcome


def _plan_threads(task, state, sent: str, parts, summaries):
    """Every message the lint reads (the kept ones and the new ones), in the account's order,
    threaded from its headers; copies of a message already seen are left out (unusable)."""
    account = task.account
    heads_by_key, where = {}, {}
    for n, (head_list, _, _) in enumerate(summaries):
        folder = parts[n][0]
        for uid, message_id, keys, party in head_list:
            heads_by_key[(folder, uid)] = (message_id, keys, party)
            where[(folder, uid)] = n
    stored = state.snap.messages
    for (folder, uid), (zraw, _) in stored.items():
        if (folder, uid) not in heads_by_key:
            _, message_id, keys, party = head_of(account, folder, uid, zlib.decompress(zraw))
            heads_by_key[(folder, uid)] = (message_id, keys, party)
    items, keys, unusable, owners, seen = [], [], [], set(), set()
    for index, (folder, uid) in enumerate(sorted(heads_by_key)):  # the state's ORDER BY folder, uid
        message_id, thread, party = heads_by_key[(folder, uid)]
        if message_id and message_id in seen:
            unusable.append((folder, uid))
            continue
        if thread is None:  # unreadable headers: a thread of its own
            thread = ThreadKeys(f"unreadable:{folder}:{uid}", (), None)
        if message_id:
            seen.add(message_id)
        if folder == sent and "@" in party:
            owners.add(party)
        zraw, received = stored.get((folder, uid), (None, None))
        items.append((index, folder, uid, zraw, received))
        keys.append(thread)
    return items, keys, where, unusable, owners


def _lint_parts(items, keys, where, size: int):
    """Whole threads, in the order of their first message, packed into parts of about ``size``
    messages; with each part, the fetched parts holding its new messages."""
    part, needed = [], set()
    for group in thread_groups(keys):
        for i in group:
            part.append(items[i])
            key = (items[i][1], items[i][2])
            if items[i][3] is None:
                needed.add(where[key])
        if len(part) >= size:
            yield sorted(part), needed
            part, needed = [], set()
    if part:
        yield sorted(part), needed


def _merge_parts(task, state, client, outcome: AccountAudit, parts, summaries, linted: list[LintedPart],
                 unusable) -> None:
    """The parts' results as one account's, and the state writes the one-machine run makes."""
    account, result = task.account, outcome.result
    result.problems.extend(problem for _, problem in sorted(
        (item for part in linted for item in part.parse_problems), key=lambda item: item[0]))
    keep, received, message_ids = set(), [], {}
    for part in linted:
        result.merge(part.result)
        keep |= part.keep or set()
        received.extend(part.parsed.received)
        message_ids.update(part.parsed.message_ids)
        unusable = unusable + part.parsed.unusable
    _store_new(client, state, account, parts, summaries, keep if all(p.keep is not None for p in linted) else None)
    if any(part.keep is None for part in linted):
        return  # a bug stopped a part: as the one-machine run, everything stays for the next run
    result.findings.sort(key=Finding.sort_key)
    state.forget(account.url, [k for k in received if k not in keep] + unusable)
    prints = [(_fingerprint(account, f, message_ids), f) for f in result.findings]
    outcome.fingerprints = [fp for fp, _ in prints]
    state.see_findings(account.url, {fp: f.code for fp, f in prints}, task.when)


def _store_new(client, state, account: Account, parts, summaries, keep) -> None:
    """Each folder's new messages that stay (all of them when ``keep`` is None), and its last
    UID, which moves the folder's mark."""
    by_folder: dict[str, list[int]] = {}
    for n, (folder, _, _) in enumerate(parts):
        by_folder.setdefault(folder, []).append(n)
    for folder, numbers in by_folder.items():
        uidvalidity = parts[numbers[0]][1]
        fetched = [summaries[n] for n in numbers]
        last = max((max(uids) for _, _, uids in fetched if uids), default=0)
        wanted = [{uid for uid in uids if keep is None or (folder, uid) in keep or uid == last}
                  for _, _, uids in fetched]
        rows = client.gather([client.submit(rows_of, parts[n][2], w, pure=False) for n, w in zip(numbers, wanted)])
        batch = sorted((uid, zlib.decompress(z), rec) for got in rows for uid, (z, rec) in got.items())
        state.store_batch(account.url, folder, uidvalidity, batch)


def _store_fetched_prefix(client, state, account: Account, parts, summaries) -> None:
    """After a failed fetch part: per folder, the parts before the first failure are stored,
    so the folder's mark never passes a message that was not saved."""
    stop: set[str] = set()
    for n, (folder, uidvalidity, future) in enumerate(parts):
        if folder in stop:
            continue
        _, error, uids = summaries[n]
        rows = client.gather(client.submit(rows_of, future, set(uids), pure=False))
        batch = sorted((uid, zlib.decompress(z), rec) for uid, (z, rec) in rows.items())
        if batch:
            state.store_batch(account.url, folder, uidvalidity, batch)
        if error:
            stop.add(folder)
