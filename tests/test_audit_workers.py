"""The audit's speed-ups (issue 16) give what the plain audit gave: messages parsed by worker
processes as they are fetched read as those parsed from the state afterwards, conversations
annotated and checked by forked workers give the findings of one process, and the thread that
fetches ahead asks for a batch only once the one before is stored. End to end against a real
Dovecot: tests/test_audit.py (``test_audit_with_workers_reports_as_one_process``)."""
from __future__ import annotations

import mailbox
import threading
from datetime import datetime, timezone
from pathlib import Path

import pytest

from followlint import plugins
from followlint.audit import workers
from followlint.audit.accounts import Account
from followlint.audit.run import AuditOptions, Prefetch, lint_touches, parse_messages
from followlint.config import Settings
from followlint.engine import Linter, UnitResult

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ACCOUNT = Account(host="imap.example", user="alice@acme.example")
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)

pytestmark = pytest.mark.skipif(not workers.can_fork(), reason="the audit's workers are forked")


def _rows() -> list[tuple[str, int, bytes, str]]:
    """The fixture mail as an account's stored messages: (folder, uid, raw, received)."""
    raws = [path.read_bytes() for path in sorted(FIXTURES.rglob("*.eml"))]
    for path in sorted(FIXTURES.rglob("*.mbox")):
        box = mailbox.mbox(str(path), create=False)
        raws += [box.get_bytes(key) for key in box.iterkeys()]
    raws.append(b"Content-Type: multipart/mixed\n\nno boundary, no text part\n")  # a problem to report
    raws.append(raws[0])  # the same message twice: the second is not used
    rows = []
    for n, raw in enumerate(raws):
        folder = "Sent" if n % 3 == 0 else "INBOX"
        rows.append((folder, n + 1, raw, f"2026-11-{1 + n % 28:02d}T10:00:00+00:00"))
    rows.sort(key=lambda row: (row[0], row[1]))  # the state's order
    return rows


def _linter() -> Linter:
    settings = Settings()
    settings.now = NOW.isoformat()
    return Linter(settings, plugins.load(settings))


def _outcome(parsed, result, keep) -> dict:
    return {
        "touches": [(t.id, t.order, t.text, t.time, t.party, t.quoted, t.origin.line, t.origin.key, t.references)
                    for t in parsed.touches],
        "received": parsed.received, "unusable": parsed.unusable, "owners": parsed.owners,
        "message_ids": parsed.message_ids,
        "findings": [f.to_dict() for f in result.findings], "problems": [(p.path, p.message) for p in result.problems],
        "counts": (result.conversations, result.touches, result.bulk, result.internal), "keep": keep,
    }


def _audit_lint(rows, early, jobs: int) -> dict:
    linter = _linter()
    result = UnitResult()
    parsed = parse_messages(enumerate(rows), ACCOUNT, "Sent", result, early)
    reps = sorted(parsed.owners) + [ACCOUNT.user]
    keep = lint_touches(linter, ACCOUNT, parsed, reps, NOW, AuditOptions(jobs=jobs, keep_days=3650), result)
    return _outcome(parsed, result, keep)


def test_workers_parse_and_lint_as_one_process(monkeypatch):
    rows = _rows()
    assert len(rows) > 100
    alone = _audit_lint(rows, None, jobs=1)
    assert alone["findings"] and alone["problems"] and alone["unusable"]

    monkeypatch.setattr(workers, "PARSE_MIN_MESSAGES", 1)
    monkeypatch.setattr(workers, "LINT_MIN_TOUCHES", 1)
    parser = workers.BatchParser(ACCOUNT.url, 2)
    for folder in ("Sent", "INBOX"):  # fetched as the audit fetches: Sent first, in batches of 7
        mine = [(uid, raw, received) for f, uid, raw, received in rows if f == folder]
        parser.prepare(len(mine))
        assert parser.pool is not None
        for start in range(0, len(mine), 7):
            parser.add(folder, mine[start:start + 7])
    early = parser.results()
    assert parser.pool is None and len(early) == len(rows)
    shared = _audit_lint([(f, uid, None, received) for f, uid, _, received in rows], early, jobs=2)
    assert shared == alone


def test_lint_shared_keeps_the_findings_before_an_error(monkeypatch):
    """A bug met by a worker stops the linting where it would have stopped in one process:
    the findings of the conversations before it stand, the error is raised."""
    rows = _rows()
    linter = _linter()
    result = UnitResult()
    parsed = parse_messages(enumerate(rows), ACCOUNT, "Sent", result)
    from followlint.audit.run import StoredMessages
    from followlint.engine import ReadContext
    from followlint.sources.base import SourceUnit

    unit = SourceUnit(path=ACCOUNT.url, reader=StoredMessages(parsed.touches))
    built = list(linter.conversations(unit, ReadContext(linter.settings, UnitResult()), annotate=False))
    serial = [linter.check(c, s, UnitResult()) for c, s in
              linter.conversations(SourceUnit(path=ACCOUNT.url, reader=StoredMessages(parse_messages(
                  enumerate(rows), ACCOUNT, "Sent", UnitResult()).touches)), ReadContext(linter.settings, UnitResult()))]
    broken = len(built) // 2
    original = linter.detector.annotate

    def annotate(conversation):
        if conversation is built[broken][0]:
            raise RuntimeError("a bug")
        return original(conversation)

    monkeypatch.setattr(linter.detector, "annotate", annotate)
    got = []
    with pytest.raises(RuntimeError, match="a bug"):
        for findings in workers.lint_shared(linter, built, UnitResult(), 2):
            got.append(findings)
    assert len(got) == broken
    assert [[f.to_dict() for f in fs] for fs in got] == [[f.to_dict() for f in fs] for fs in serial[:broken]]


class FakeBatches:
    """A generator's stand-in that records when each step was taken."""

    def __init__(self, count: int, fail_at: int = -1):
        self.count, self.fail_at = count, fail_at
        self.taken = 0
        self.events: list[str] = []

    def __iter__(self):
        for n in range(self.count):
            if n == self.fail_at:
                raise OSError("connection lost")
            self.taken += 1
            self.events.append(f"fetched {n}")
            yield [n]


def test_prefetch_asks_for_a_batch_only_once_the_one_before_is_stored():
    source = FakeBatches(5)
    stored = []
    with Prefetch(iter(source)) as batches:
        for batch in batches:
            assert source.taken == batch[0] + 1  # nothing fetched past the batch in hand
            source.events.append(f"stored {batch[0]}")
            stored.append(batch[0])
            batches.stored()
    assert stored == [0, 1, 2, 3, 4]
    for n in range(1, 5):
        assert source.events.index(f"stored {n - 1}") < source.events.index(f"fetched {n}")


def test_prefetch_raises_where_the_failed_batch_would_have_come():
    source = FakeBatches(5, fail_at=3)
    stored = []
    with pytest.raises(OSError, match="connection lost"):
        with Prefetch(iter(source)) as batches:
            for batch in batches:
                stored.append(batch[0])
                batches.stored()
    assert stored == [0, 1, 2]


def test_prefetch_stops_its_thread_when_the_caller_stops():
    source = FakeBatches(100)
    before = threading.active_count()
    with pytest.raises(KeyError):
        with Prefetch(iter(source)) as batches:
            for batch in batches:
                batches.stored()
                if batch[0] == 2:
                    raise KeyError("the state failed")
    assert source.taken <= 4  # the batch in hand, and at most the one asked for after it
    assert threading.active_count() == before
