"""--jobs: a big mailbox is threaded from its headers, split into batches no thread crosses and
shared out over worker processes; the report must be the one a single process gives, finding for
finding and in the same order."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from followlint import plugins
from followlint.config import load_settings
from followlint.engine import Linter
from followlint.runner import SPLIT_BYTES, _pool, _split
from followlint.sources.base import SourceUnit

START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
FILLER = "The weather here has been mild and sunny all week long. " * 8


def _message(n: int, step: int, when: datetime) -> str:
    """Thread n, message step: the customer's open issue, then two check-ins from us that
    ignore it (FL103)."""
    customer, rep = f"cust{n}@example.org", "rep@dealer.example"
    sender, to = (customer, rep) if step == 0 else (rep, customer)
    subject = f"Order {n}" if step == 0 else f"Re: Order {n}"
    text = {
        0: f"Hello, I still have not received my plates for order {n}. Can you tell me when they arrive?",
        1: "Hi, just checking in to see how everything is going with the car!",
        2: "Hi again, just checking in. Would you be up for referring a friend?",
    }[step]
    references = "" if step == 0 else f"In-Reply-To: <o{n}.0@example.org>\n"
    return (f"From {sender} {when.strftime('%a %b %d %H:%M:%S %Y')}\n"
            f"From: {sender}\nTo: {to}\nSubject: {subject}\nDate: {format_datetime(when)}\n"
            f"Message-ID: <o{n}.{step}@example.org>\n{references}\n{text}\n\n{FILLER}\n\n")


@pytest.fixture(scope="module")
def big_mbox(tmp_path_factory):
    """About 3 MB: 1,500 threads whose messages are far apart in the file (all first messages,
    then all replies), so batches only work if threading happens before splitting."""
    path = tmp_path_factory.mktemp("jobs") / "team.mbox"
    threads = 1500
    parts = [_message(n, step, START + timedelta(days=step * 3, minutes=n))
             for step in range(3) for n in range(threads)]
    path.write_text("".join(parts), encoding="utf-8")
    assert path.stat().st_size > SPLIT_BYTES
    return path


def _check(run_cli, path, jobs: str):
    code, out, err = run_cli("check", path, "--format", "json", "--jobs", jobs,
                             "--now", "2026-04-01T00:00:00+00:00", timeout=600)
    assert code == 1, err
    return json.loads(out)


def test_big_mailbox_is_split_along_threads(big_mbox):
    settings = load_settings(None, str(big_mbox))
    linter = Linter(settings, plugins.load(settings))
    reader = next(r for r in linter.registry.readers if r.name == "mbox")
    whole, batches = _split(linter, SourceUnit(path=str(big_mbox), reader=reader), big_mbox.stat().st_size)
    assert whole.problems == []
    assert len(batches) > 4
    threads = [group for batch in batches for group in batch.groups]
    assert len(threads) == 1500
    assert all(len(group) == 3 for group in threads)  # each thread whole, in one batch


def test_headers_read_over_the_workers_give_the_batches_of_one_process(big_mbox):
    settings = load_settings(None, str(big_mbox))
    linter = Linter(settings, plugins.load(settings))
    reader = next(r for r in linter.registry.readers if r.name == "mbox")
    unit = SourceUnit(path=str(big_mbox), reader=reader)
    _, alone = _split(linter, unit, big_mbox.stat().st_size)
    pool = _pool(linter, 2)
    try:
        _, shared = _split(linter, unit, big_mbox.stat().st_size, lambda: pool)
    finally:
        pool.shutdown()
    assert len(alone) > 4
    assert shared == alone


def test_jobs_two_gives_the_same_findings_in_the_same_order(run_cli, big_mbox):
    one = _check(run_cli, big_mbox, "1")
    two = _check(run_cli, big_mbox, "2")
    assert one == two
    codes = one["summary"]["by_code"]
    assert one["summary"]["conversations"] == 1500
    assert codes.get("FL103") == 1500, codes  # the plates, never reported on, in every thread


def test_jobs_over_a_big_maildir_and_other_files_together(run_cli, tmp_path, big_mbox):
    maildir = tmp_path / "inbox"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    text = big_mbox.read_text(encoding="utf-8")
    for n, message in enumerate(text.split("\n\nFrom ")[:3000]):
        body = message.split("\n", 1)[1]  # drop the mbox separator line
        (maildir / "cur" / f"{n:05d}.eml").write_text(body + "\n", encoding="utf-8")
    (tmp_path / "draft.txt").write_text("Hi Sam, just checking in!\n", encoding="utf-8")
    one = _check(run_cli, ".", "1")
    two = _check(run_cli, ".", "2")
    assert one == two
    assert {f["path"].split("/")[0] for f in one["findings"]} == {"inbox", "draft.txt"}
    assert one["summary"]["conversations"] == 1501  # 1,500 threads and the draft
