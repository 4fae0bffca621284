"""Cluster: ``followlint audit --team --cluster local`` of a simulated organisation in a local
Dovecot, with 1 and 2 Dask workers, and the nightly re-run with nothing new.

Issue 17's figures: 500 accounts x 200 messages (100,000 messages); accounts per minute with 1
and 2 workers, target at least 1.5x with 2 on a 2-core machine where Dovecot shares the cores.
The size is a parameter: FOLLOWLINT_BENCH_CLUSTER_ACCOUNTS and FOLLOWLINT_BENCH_CLUSTER_MESSAGES
(the row names say what ran).

The mail is generated (a fixed seed): per account, threads with customers over the 90 days before
``--now``: a customer's problem then a check-in that ignores it, a problem then a dated promise,
a question and a real answer, news with a proposal. Written as maildir files before Dovecot
starts (INBOX for the customers' messages, Sent for the rep's), read over implicit TLS.
First runs start from an empty state each time; one round (a first run of the full size takes
minutes; FOLLOWLINT_BENCH_CLUSTER_ROUNDS=N for up to ``--runs`` rounds).
"""
from __future__ import annotations

import dataclasses
import os
import random
import shutil
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

from _harness import PROJECT_ROOT, BenchError, Command, Context, Figure, measure, median_seconds, run_once

NAME = "cluster"
ORDER = 65
DESCRIPTION = "audit --cluster local of a simulated organisation: accounts/min with 1 and 2 Dask workers; re-run"
ACCOUNTS = int(os.environ.get("FOLLOWLINT_BENCH_CLUSTER_ACCOUNTS", "500"))
MESSAGES = int(os.environ.get("FOLLOWLINT_BENCH_CLUSTER_MESSAGES", "200"))
ROUNDS = int(os.environ.get("FOLLOWLINT_BENCH_CLUSTER_ROUNDS", "1"))
TARGET_SPEEDUP = 1.5
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
PASSWORD_VAR = "FL_BENCH_CLUSTER_PASSWORD"
FRESH_STATE = 'rm -f "$0" "$0.lock" "$0-journal"; exec "$@"'

FIRST_NAMES = ["Bob", "Carol", "Dana", "Erin", "Femi", "Gita", "Hugo", "Ines", "Jon", "Kai", "Lena", "Mo"]
PRODUCTS = ["plates", "invoice", "licence renewal", "delivery", "quote", "onboarding call", "contract", "upgrade"]
PROBLEMS = ["I still have not received the {p}. Can you find out where it is?",
            "The {p} shows the wrong amount. Could you look into it?",
            "We were promised the {p} last week and nothing has arrived. What is going on?"]
CHECKINS = ["Just checking in to see how everything is going!", "Touching base to see if you had any questions.",
            "Just following up on my last email. Let me know if you need anything."]
PROMISES = ["Thanks for flagging this. I'll check the {p} with our team and get back to you by {d}.",
            "Sorry about that. I will send you the corrected {p} by {d}."]
QUESTIONS = ["Could you tell me what the {p} includes?", "When can we schedule the {p}?"]
ANSWERS = ["The {p} includes setup, training and a year of support. I can walk you through it Thursday at 2pm.",
           "We can do the {p} on {d} at 10am; I have put a hold in both our calendars."]
NEWS = ["Good news: your {p} is ready. I can drop it off {d} at 4pm if that suits you."]
FILLER = ("Our team has been working on the schedule for next quarter and the new pricing sheet is attached "
          "to the portal. ")


def requires(ctx: Context) -> None:
    return None  # generated mail: no corpus


def _dovecot():
    sys.path.insert(0, str(PROJECT_ROOT / "tests"))
    import dovecot  # the test suite's real-Dovecot fixture

    return dovecot


def _message(sender: str, to: str, subject: str, when: datetime, msgid: str, body: str, reply_to: str = "") -> bytes:
    lines = [f"From: {sender}", f"To: {to}", f"Subject: {subject}", f"Date: {format_datetime(when)}",
             f"Message-ID: <{msgid}>"]
    if reply_to:
        lines += [f"In-Reply-To: <{reply_to}>", f"References: <{reply_to}>"]
    return ("\r\n".join(lines) + "\r\n\r\n" + body.replace("\n", "\r\n")).encode("utf-8")


def account_mail(rng: random.Random, rep: str, n: int, count: int):
    """``count`` messages of one rep: (folder, raw) in the order they were written."""
    out, thread = [], 0
    while len(out) < count:
        thread += 1
        name = rng.choice(FIRST_NAMES)
        customer = f"{name} Client <{name.lower()}{n}x{thread}@client{thread % 37}.example>"
        product = rng.choice(PRODUCTS)
        start = NOW - timedelta(days=rng.uniform(1, 90), hours=rng.uniform(0, 8))
        due = format_datetime(start + timedelta(days=rng.choice([2, 3, 4])))[:16]
        kind = rng.randrange(4)
        subject = f"{product.capitalize()} #{thread}"
        first_id, second_id = f"t{thread}-1.{n}@client.example", f"t{thread}-2.{n}@acme.example"
        filler = FILLER * rng.randrange(1, 4)
        sign = f"\n\nRegards,\n{name}\n"
        if kind == 3:
            body = rng.choice(NEWS).format(p=product, d=due) + "\n\n" + filler
            out.append(("Sent", _message(rep, customer, subject, start, second_id, f"Hi {name},\n\n{body}\n\nAlex\n")))
            continue
        ask = [PROBLEMS, PROBLEMS, QUESTIONS][kind]
        reply = [CHECKINS, PROMISES, ANSWERS][kind]
        body = f"Hi Alex,\n\n{rng.choice(ask).format(p=product)}\n\n{filler}{sign}"
        out.append(("INBOX", _message(customer, rep, subject, start, first_id, body)))
        if len(out) < count:
            later = start + timedelta(hours=rng.uniform(2, 72))
            text = rng.choice(reply).format(p=product, d=due)
            out.append(("Sent", _message(rep, customer, f"Re: {subject}", later, second_id,
                                         f"Hi {name},\n\n{text}\n\nAlex\n", first_id)))
    return out


def seed(server, accounts: int, messages: int) -> list[str]:
    rng = random.Random(17)
    users = []
    for n in range(accounts):
        user = server.add_user()
        users.append(user)
        root = server.root / "home" / user / "Maildir"
        folders = {"INBOX": root, "Sent": root / ".Sent"}
        for path in folders.values():
            for sub in ("cur", "new", "tmp"):
                (path / sub).mkdir(parents=True, exist_ok=True)
        for k, (folder, raw) in enumerate(account_mail(rng, f"Alex Rep <{user}>", n, messages)):
            (folders[folder] / "cur" / f"{1700000000 + k}.M{k}P{n}.bench:2,S").write_bytes(raw)
    if os.geteuid() == 0:
        for dirpath, dirnames, filenames in os.walk(server.root / "home"):
            for name in [*dirnames, *filenames]:
                os.chown(os.path.join(dirpath, name), server.uid, server.gid)
            os.chown(dirpath, server.uid, server.gid)
    return users


def run(ctx: Context) -> list[Figure]:
    size = f"{ACCOUNTS} accts x {MESSAGES} msgs"
    names = (f"cluster 1 worker ({size})", f"cluster 2 workers ({size})", "cluster re-run, nothing new (2 workers)",
             f"one machine, no --cluster ({size})")
    try:
        import distributed  # noqa: F401

        dovecot = _dovecot()
        dovecot.dovecot_binary()
    except Exception as exc:  # no Dask or no Dovecot here: say so in the table
        return [Figure(n, None, "accts/min", error=str(exc)) for n in names]
    root = tempfile.mkdtemp(prefix="followlint-bench-cluster-")
    os.chmod(root, 0o755)
    server = dovecot.Dovecot(Path(root), accounts=ACCOUNTS)
    try:
        (Path(root) / "home").mkdir(parents=True, exist_ok=True)
        users = seed(server, ACCOUNTS, MESSAGES)
        ctx.log(f"  seeded {ACCOUNTS} accounts x {MESSAGES} messages")
        server.start()
        ctx.env[PASSWORD_VAR] = dovecot.PASSWORD
        try:
            return _timed(ctx, server, users, names)
        finally:
            ctx.env.pop(PASSWORD_VAR, None)
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


def _timed(ctx: Context, server, users: list[str], names) -> list[Figure]:
    team = ctx.tmpdir / "team.toml"
    team.write_text("".join(f'[[account]]\nhost = "127.0.0.1"\nport = {server.tls_port}\nuser = "{u}"\n'
                            f'password-env = "{PASSWORD_VAR}"\n' for u in users))
    common = ["audit", "--team", str(team), "--ca-file", str(server.cert), "--format", "json", "-q", "--exit-zero",
              "--now", NOW.isoformat()]

    def first(name: str, *extra: str) -> Command:
        state = ctx.tmpdir / f"{name.replace(' ', '-')}.sqlite"
        return Command(name, ["sh", "-c", FRESH_STATE, str(state), *ctx.followlint(*common, "--state", str(state),
                                                                                     *extra)], cwd=ctx.tmpdir)

    one_worker = first("1 worker", "--cluster", "local", "--workers", "1")
    two_workers = first("2 workers", "--cluster", "local", "--workers", "2")
    plain = first("one machine")
    kept = ctx.tmpdir / "kept.sqlite"
    rerun = Command("re-run", ctx.followlint(*common, "--state", str(kept), "--cluster", "local", "--workers", "2"),
                    cwd=ctx.tmpdir)
    rounds = max(1, min(ctx.runs, ROUNDS))
    try:
        run_once(ctx, rerun)  # fills the kept state: from now on nothing is new for it
        samples = measure(dataclasses.replace(ctx, runs=rounds), [one_worker, two_workers, rerun, plain], warmup=0)
    except BenchError as exc:
        return [Figure(n, None, "accts/min", error=str(exc)) for n in names]
    t1, t2, tr, tp = (median_seconds(samples[n]) for n in ("1 worker", "2 workers", "re-run", "one machine"))
    per_min = lambda seconds: ACCOUNTS / seconds * 60  # noqa: E731
    rounds_note = f"{rounds} round(s), first runs from an empty state; {ACCOUNTS * MESSAGES:,} messages"
    raw = {k: [s.seconds for s in v] for k, v in samples.items()}
    return [
        Figure(names[0], per_min(t1), "accts/min", note=f"{t1:.1f} s; LocalCluster of 1 single-threaded worker; "
                                                         f"{rounds_note}", samples=raw),
        Figure(names[1], per_min(t2), "accts/min", baseline=per_min(t1), ratio=t1 / t2, target=(">=", TARGET_SPEEDUP),
               note=f"{t2:.1f} s; ratio: speed-up over 1 worker (Dovecot shares the same cores)"),
        Figure(names[2], tr, "s", baseline=t2, ratio=tr / t2,
               note="the kept state: nothing new to fetch; conversations of the last 30 days are linted again"),
        Figure(names[3], per_min(tp), "accts/min", baseline=per_min(t2), ratio=t2 / tp,
               note=f"{tp:.1f} s; ratio: the one-machine run's time / 2 workers' (below 1: the cluster is faster)"),
    ]
