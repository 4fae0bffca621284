"""IMAP: ``followlint audit`` of 10,000 messages in a local Dovecot vs a bare imapclient FETCH.

SPEC targets: the first audit (empty state) takes at most 2x a bare imapclient FETCH of the
same messages (same TLS, same batch size, BODY.PEEK[]); a re-run with nothing new takes at
most 10% of the first audit.

The messages are the 8,269 of ``enron-8k.mbox`` (read in place) plus copies of the first ones
under new Message-IDs up to 10,000, written as maildir files before Dovecot starts (the
messages from the corpus's most frequent sender go to Sent, the rest to INBOX). Dovecot is the
real one of tests/dovecot.py, on 127.0.0.1 with implicit TLS.
"""
from __future__ import annotations

import mailbox
import os
import re
import shutil
import sys
import tempfile
from collections import Counter
from email.utils import parseaddr

from _harness import (PROJECT_ROOT, BenchError, Command, Context, Figure, measure, median_seconds,
                      paired_ratio_median, run_once)

NAME = "imap"
ORDER = 60
DESCRIPTION = "audit of 10,000 messages from a local Dovecot vs a bare imapclient FETCH; re-run with nothing new"
CORPUS = "enron-8k.mbox"
MESSAGES = 10_000
BATCH = 500
TARGET_FIRST = 2.0
TARGET_RERUN = 0.10
PASSWORD_VAR = "FL_BENCH_IMAP_PASSWORD"
MSGID_RE = re.compile(rb"^Message-ID:[^\n]*\n", re.I | re.M)

BARE_FETCH = '''\
import os, ssl, sys
from imapclient import IMAPClient

port, user, cafile, batch = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
client = IMAPClient("127.0.0.1", port=port, ssl_context=ssl.create_default_context(cafile=cafile), timeout=120)
client.login(user, os.environ["FL_BENCH_IMAP_PASSWORD"])
count = 0
for folder in ("Sent", "INBOX"):
    client.select_folder(folder, readonly=True)
    uids = client.search("ALL")
    for start in range(0, len(uids), batch):
        for uid, data in client.fetch(uids[start:start + batch], ["BODY.PEEK[]", "INTERNALDATE"]).items():
            count += len(data[b"BODY[]"]) > 0
client.logout()
print(count)
'''

# A fresh state for every timed first run: remove it, then run the audit.
FRESH_STATE = 'rm -rf "$0" "$0.locks" "$0-journal" "$0-wal" "$0-shm"; exec "$@"'


def requires(ctx: Context) -> None:
    ctx.corpus(CORPUS)


def _dovecot():
    sys.path.insert(0, str(PROJECT_ROOT / "tests"))
    import dovecot  # the test suite's real-Dovecot fixture

    return dovecot


def seed(maildir_root, corpus, uid: int, gid: int) -> tuple[int, int]:
    """Write MESSAGES maildir files (Sent: the top sender's messages); return (sent, inbox)."""
    raws = [mbox.get_bytes(key) for mbox in [mailbox.mbox(str(corpus), create=False)] for key in mbox.iterkeys()]
    senders = Counter()
    for raw in raws:
        head = raw.split(b"\n\n", 1)[0]
        found = re.search(rb"^From:([^\n]*)", head, re.M | re.I)
        senders[parseaddr(found.group(1).decode("latin-1"))[1].lower() if found else ""] += 1
    owner = senders.most_common(1)[0][0]
    folders = {"Sent": maildir_root / ".Sent", "INBOX": maildir_root}
    for path in folders.values():
        for sub in ("cur", "new", "tmp"):
            (path / sub).mkdir(parents=True, exist_ok=True)
    counts = Counter()
    for n in range(MESSAGES):
        raw = raws[n % len(raws)]
        if n >= len(raws):  # a copy: a message of its own
            raw = MSGID_RE.sub(b"", raw, count=1)
            raw = f"Message-ID: <bench-copy-{n}@followlint.invalid>\n".encode() + raw
        head = raw.split(b"\n\n", 1)[0]
        found = re.search(rb"^From:([^\n]*)", head, re.M | re.I)
        sender = parseaddr(found.group(1).decode("latin-1"))[1].lower() if found else ""
        folder = "Sent" if sender == owner else "INBOX"
        counts[folder] += 1
        (folders[folder] / "cur" / f"{1700000000 + n}.M{n}P1.bench:2,S").write_bytes(raw)
    if os.geteuid() == 0:
        for dirpath, dirnames, filenames in os.walk(maildir_root.parent):
            for name in [*dirnames, *filenames]:
                os.chown(os.path.join(dirpath, name), uid, gid)
            os.chown(dirpath, uid, gid)
    return counts["Sent"], counts["INBOX"]


def run(ctx: Context) -> list[Figure]:
    names = (f"audit first run ({MESSAGES:,} msgs)", "audit re-run, nothing new")
    try:
        dovecot = _dovecot()
        dovecot.dovecot_binary()
    except Exception as exc:  # no Dovecot here: say so in the table
        return [Figure(n, None, "s", error=str(exc)) for n in names]
    root = tempfile.mkdtemp(prefix="followlint-bench-dovecot-")
    os.chmod(root, 0o755)
    server = dovecot.Dovecot(root)
    try:
        user = server.add_user()
        from pathlib import Path

        sent, inbox = seed(Path(root) / "home" / user / "Maildir", ctx.corpus(CORPUS), server.uid, server.gid)
        ctx.log(f"  seeded {sent} messages in Sent, {inbox} in INBOX")
        server.start()
        return _measure(ctx, server, user)
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


def _measure(ctx: Context, server, user: str) -> list[Figure]:
    ctx.env[PASSWORD_VAR] = _dovecot().PASSWORD  # the commands read it from the environment
    try:
        return _timed(ctx, server, user)
    finally:
        ctx.env.pop(PASSWORD_VAR, None)


def _timed(ctx: Context, server, user: str) -> list[Figure]:
    script = ctx.tmpdir / "bare_fetch.py"
    script.write_text(BARE_FETCH, encoding="utf-8")
    bare = Command("bare FETCH", [ctx.python, str(script), str(server.tls_port), user, str(server.cert), str(BATCH)],
                   cwd=ctx.tmpdir)
    common = ["audit", "127.0.0.1", "--port", str(server.tls_port), "--user", user, "--password-env", PASSWORD_VAR,
              "--ca-file", str(server.cert), "--batch-size", str(BATCH), "--format", "json", "-q", "--exit-zero"]
    fresh_state, kept_state = ctx.tmpdir / "fresh.sqlite", ctx.tmpdir / "kept.sqlite"
    first = Command("audit first", ["sh", "-c", FRESH_STATE, str(fresh_state),
                                    *ctx.followlint(*common, "--state", str(fresh_state))], cwd=ctx.tmpdir)
    rerun = Command("audit re-run", ctx.followlint(*common, "--state", str(kept_state)), cwd=ctx.tmpdir)
    count_file = ctx.tmpdir / "fetched.txt"
    run_once(ctx, bare, stdout_path=count_file)
    ctx.log(f"  bare FETCH reads {count_file.read_text().strip()} messages")
    run_once(ctx, rerun)  # fills the kept state: from now on nothing is new for it
    try:
        samples = measure(ctx, [first, bare, rerun])
    except BenchError as exc:
        return [Figure(f"audit first run ({MESSAGES:,} msgs)", None, "s", target=("<=", TARGET_FIRST), error=str(exc)),
                Figure("audit re-run, nothing new", None, "s", target=("<=", TARGET_RERUN), error="see above")]
    t_first, t_bare, t_rerun = (median_seconds(samples[n]) for n in ("audit first", "bare FETCH", "audit re-run"))
    return [
        Figure(f"audit first run ({MESSAGES:,} msgs)", t_first, "s", baseline=t_bare, ratio=t_first / t_bare,
               target=("<=", TARGET_FIRST),
               note=f"baseline: bare imapclient FETCH (TLS, BODY.PEEK[], batches of {BATCH}); "
                    f"median of per-round ratios {paired_ratio_median(samples['audit first'], samples['bare FETCH']):.2f}x",
               samples={k: [s.seconds for s in v] for k, v in samples.items()}),
        Figure("audit re-run, nothing new", t_rerun, "s", baseline=t_first, ratio=t_rerun / t_first,
               target=("<=", TARGET_RERUN),
               note="baseline: the first run; the corpus is from 2000-2002, so with the real clock no conversation "
                    "is recent enough to be kept and re-linted (--keep-days)"),
    ]
