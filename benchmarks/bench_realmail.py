"""Real-mail probe: findings per 1,000 messages, per rule, on real mail nobody here wrote.

Most of this material is ordinary business mail and support chatter that a sales trainer
would not flag, so the findings rate is a false-positive probe. SPEC/issue target: at most 3
findings per 1,000 Enron messages (checked on each Enron corpus and on both together).

- ``enron-8k.mbox`` and ``enron-maildir``: ``followlint check PATH --format json --exit-zero
  --now 2002-01-01T00:00:00+00:00`` as a subprocess; messages = the mbox's message count /
  the number of message files.
- ``support-twitter/twcs-5k.csv``: threads rebuilt from ``in_response_to_tweet_id`` /
  ``response_tweet_id`` (``inbound=True`` is the customer) and linted through the Python API
  (``Touch`` -> ``Conversation`` -> ``Linter.detector.annotate`` -> ``Linter.timeline`` ->
  each rule's ``check``),
  without writing files; ``--now`` = the latest tweet + 1 day; messages = tweets.
- ``support-twitter/ibm-care-dev.json``: each conversation's ``dialogContent`` turns plus the
  agent's reply in ``agentURL`` (its time from the tweet ID), likewise.

The API side runs in a subprocess too (this file, run as a script), with the same environment
as every measured command, so nothing is imported into the benchmark process or written
into ``src/``.

A seeded sample of findings (``--sample N``, default 50), drawn round-robin across the
corpora, is printed after the table with location, message, excerpt, evidence and the text
around it; it is in the JSON output too. To judge a finding a reader needs its whole thread:
``benchmarks/.work/realmail-sample.md`` (and ``.json``) gives each sampled finding with every
touch of its conversation, in order, marked customer or us. Verdicts go in
``benchmarks/judged/`` (see its README).
"""
from __future__ import annotations

import json
import mailbox
import random
import sys
import time
from pathlib import Path

from _harness import WORK_DIR, BenchError, Command, Context, Figure, run_once

NAME = "realmail"
ORDER = 40
DESCRIPTION = "findings per 1,000 messages on Enron mail and support tweets"
RULES = tuple(f"FL{n}" for n in range(101, 111))
ENRON_NOW = "2002-01-01T00:00:00+00:00"
TARGET = 3.0  # findings per 1,000 Enron messages, at most
SEED = 20011202  # the sample is the same on every run of the same findings
MBOX = "enron-8k.mbox"
MAILDIR = "enron-maildir"
TWITTER = "support-twitter/twcs-5k.csv"
IBM = "support-twitter/ibm-care-dev.json"
TWITTER_EPOCH_MS = 1288834974657  # snowflake IDs: (id >> 22) + this = milliseconds since 1970


def requires(ctx: Context) -> None:
    for name in (MBOX, MAILDIR, TWITTER, IBM):
        ctx.corpus(name)


def run(ctx: Context) -> list[Figure]:
    results = []  # (label, messages, findings | None, error, seconds, extra note)
    for label, path in ((MBOX, ctx.corpus(MBOX)), (MAILDIR, ctx.corpus(MAILDIR))):
        results.append(_cli_corpus(ctx, label, path))
    for label, kind in ((TWITTER, "twitter"), (IBM, "ibm")):
        results.append(_api_corpus(ctx, label, kind))

    figures: list[Figure] = []
    for res in results:
        figures.extend(_corpus_figures(res))
    enron = [r for r in results if r["label"] in (MBOX, MAILDIR)]
    name = "Enron total (mbox + maildir)"
    if all(r["findings"] is not None for r in enron):
        messages = sum(r["messages"] for r in enron)
        count = sum(len(r["findings"]) for r in enron)
        figures.append(Figure(name, _per_k(count, messages), "/1k msg", target=("<=", TARGET),
                              note=f"{count} findings in {messages:,} Enron messages",
                              extra={"messages": messages, "findings": count}))
    else:
        figures.append(Figure(name, None, "/1k msg", target=("<=", TARGET),
                              error="an Enron run failed (see above)"))

    sample = _draw_sample(results, ctx.sample)
    if sample:
        figures[-1].extra["sample"] = sample
        figures[-1].details = _render_sample(sample, results, ctx)
        _write_judge_packet(sample, ctx)
    return figures


# -- the sample with whole threads, for a person to judge ----------------------------------------

def _write_judge_packet(sample: list[dict], ctx: Context) -> None:
    """Attach each sampled finding's whole conversation and write it where a judge reads it."""
    threads: dict[str, dict[str, list[dict]]] = {}
    for f in sample:
        if f.get("thread") is not None or f["corpus"] not in (MBOX, MAILDIR):
            continue
        if f["corpus"] not in threads:
            threads[f["corpus"]] = _inspect_threads(ctx, f["corpus"])
        f["thread"] = threads[f["corpus"]].get(f.get("conversation", ""), [])
    WORK_DIR.mkdir(exist_ok=True)
    (WORK_DIR / "realmail-sample.json").write_text(json.dumps(sample, indent=1), encoding="utf-8")
    out = [f"# Real-mail sample: {len(sample)} findings with their whole threads (seed {SEED})", "",
           "Judge each as a sales trainer would: is the finding defensible, reading the whole thread?", ""]
    for i, f in enumerate(sample, 1):
        out += [f"## [{i}] {f['code']} {f['name']}: {f['corpus']}", "",
                f"- conversation: `{f.get('conversation', '')}`", f"- flagged touch: `{f.get('touch', '')}`",
                f"- message: {f.get('message', '')}", ""]
        for touch in f.get("thread") or ():
            mark = " (FLAGGED)" if touch["touch"] == f.get("touch") else ""
            out += [f"**{touch['who']}** {touch.get('time') or 'undated'} `{touch['touch']}`{mark}", "",
                    *[f"> {line}" for line in (touch["text"].strip() or "(empty)").splitlines()], ""]
    (WORK_DIR / "realmail-sample.md").write_text("\n".join(out), encoding="utf-8")
    ctx.log(f"  the sample with whole threads: {WORK_DIR / 'realmail-sample.md'}")


def _inspect_threads(ctx: Context, label: str) -> dict[str, list[dict]]:
    """Every conversation of an Enron corpus as ``followlint inspect`` rebuilds it, by id."""
    out = ctx.tmpdir / f"inspect-{Path(label).name}.json"
    cmd = Command(f"inspect {label}", ctx.followlint("inspect", str(ctx.corpus(label)), "--format", "json",
                                                     "--now", ENRON_NOW), cwd=ctx.tmpdir, ok_codes=(0, 1, 2))
    try:
        run_once(ctx, cmd, stdout_path=out)
        data = json.loads(out.read_text(encoding="utf-8"))
    except (BenchError, ValueError, OSError) as exc:
        ctx.log(f"  inspect {label} failed: {exc}")
        return {}
    base = str(ctx.corpora) + "/"
    threads = {}
    for conversation in data.get("conversations", []):
        key = conversation["id"][len(base):] if conversation["id"].startswith(base) else conversation["id"]
        threads[key] = [{"touch": (t["id"][len(base):] if t["id"].startswith(base) else t["id"]),
                         "who": "customer" if t.get("direction") == "inbound" else "us",
                         "time": t.get("time"), "text": t.get("text", "")}
                        for t in conversation.get("touches", [])]
    return threads


# -- the two Enron corpora: the command line -----------------------------------------------

def _cli_corpus(ctx: Context, label: str, path: Path) -> dict:
    if path.is_dir():
        messages = sum(1 for p in path.rglob("*") if p.is_file())
    else:
        messages = len(mailbox.mbox(str(path), create=False))
    out = ctx.tmpdir / f"realmail-{path.name}.json"
    cmd = Command(f"check {label}", ctx.followlint(
        "check", str(path), "--format", "json", "--exit-zero", "--now", ENRON_NOW),
        cwd=ctx.tmpdir, ok_codes=(0, 2))  # 2: an input error on some file, the rest reported
    ctx.log(f"  {label}: {messages:,} messages: followlint check --format json ...")
    start = time.perf_counter()
    try:
        sample = run_once(ctx, cmd, stdout_path=out)
        report = json.loads(out.read_text(encoding="utf-8"))
    except (BenchError, ValueError, OSError) as exc:
        return {"label": label, "messages": messages, "findings": None, "error": str(exc)}
    seconds = time.perf_counter() - start
    base = str(ctx.corpora) + "/"
    findings = []
    for f in report.get("findings", []):
        f = dict(f)
        for key in ("path", "touch", "conversation"):
            if isinstance(f.get(key), str) and f[key].startswith(base):
                f[key] = f[key][len(base):]
        for ev in f.get("evidence", []):
            for key in ("path", "touch"):
                if isinstance(ev.get(key), str) and ev[key].startswith(base):
                    ev[key] = ev[key][len(base):]
        findings.append(f)
    errors = report.get("errors", [])
    note = f"{seconds:.1f} s; exit {sample.returncode}"
    if errors:
        note += f"; {len(errors)} input error(s), first: {errors[0].get('path', '?')}: " \
                f"{errors[0].get('message', '')}"
    return {"label": label, "messages": messages, "findings": findings, "error": "",
            "note": note, "summary": report.get("summary", {})}


# -- the two support corpora: the Python API, in a child process -----------------------------

def _api_corpus(ctx: Context, label: str, kind: str) -> dict:
    out = ctx.tmpdir / f"realmail-{kind}.json"
    cmd = Command(f"lint {label}", [ctx.python, str(Path(__file__).resolve()), kind,
                                    str(ctx.corpus(label)), str(out)], cwd=ctx.tmpdir)
    ctx.log(f"  {label}: threads rebuilt and linted through the Python API ...")
    start = time.perf_counter()
    try:
        run_once(ctx, cmd)
        data = json.loads(out.read_text(encoding="utf-8"))
    except (BenchError, ValueError, OSError) as exc:
        return {"label": label, "messages": 0, "findings": None, "error": str(exc)}
    seconds = time.perf_counter() - start
    return {"label": label, "messages": data["messages"], "findings": data["findings"],
            "error": "", "summary": data["summary"],
            "note": f"{seconds:.1f} s; {data['summary']['conversations']} conversations; "
                    f"--now {data['now']}"}


# -- figures and the sample ---------------------------------------------------------------

def _per_k(count: int, messages: int) -> float | None:
    return round(1000 * count / messages, 2) if messages else None


def _corpus_figures(res: dict) -> list[Figure]:
    label, messages, findings = res["label"], res["messages"], res["findings"]
    is_enron = label in (MBOX, MAILDIR)
    target = ("<=", TARGET) if is_enron else None
    if findings is None:
        return [Figure(f"{label}: total", None, "/1k msg", target=target, error=res["error"])]
    by_code: dict[str, int] = {}
    for f in findings:
        by_code[f["code"]] = by_code.get(f["code"], 0) + 1
    rows = [Figure(f"{label}: messages", messages, "msg",
                   note=res.get("note", ""), extra={"summary": res.get("summary", {})})]
    names = {f["code"]: f["name"] for f in findings}
    for code in (*RULES, *sorted(set(by_code) - set(RULES))):
        count = by_code.get(code, 0)
        rows.append(Figure(f"  {code} {names.get(code, _RULE_NAMES.get(code, ''))}".rstrip(),
                           _per_k(count, messages), "/1k msg", extra={"findings": count}))
    counts = ", ".join(f"{c} {n}" for c, n in sorted(by_code.items())) or "none"
    rows.append(Figure(f"  total ({label})", _per_k(len(findings), messages), "/1k msg",
                       target=target,
                       note=f"{len(findings)} findings in {messages:,} messages ({counts})"
                            + ("" if is_enron else "; informational"),
                       extra={"findings": len(findings), "by_code": by_code}))
    return rows


_RULE_NAMES = {
    "FL101": "no-value-reason", "FL102": "referral-ask-timing",
    "FL103": "unanswered-customer-issue", "FL104": "callback-timing",
    "FL105": "premature-concession", "FL106": "promise-perfection",
    "FL107": "unannounced-handoff", "FL108": "ignored-constraint",
    "FL109": "follow-up-pressure", "FL110": "defensive-tone",
}


def _draw_sample(results: list[dict], size: int) -> list[dict]:
    """Up to ``size`` findings, round-robin across corpora, each corpus shuffled with SEED."""
    rng = random.Random(SEED)
    pools = []
    for res in results:
        pool = [dict(f, corpus=res["label"]) for f in res["findings"] or ()]
        pool.sort(key=lambda f: (f.get("path", ""), f.get("line", 0), f.get("column", 0),
                                 f["code"], f.get("touch", "")))
        rng.shuffle(pool)
        pools.append(pool)
    sample: list[dict] = []
    while len(sample) < size and any(pools):
        for pool in pools:
            if pool and len(sample) < size:
                sample.append(pool.pop())
    return sample


def _render_sample(sample: list[dict], results: list[dict], ctx: Context) -> str:
    total = sum(len(r["findings"] or ()) for r in results)
    _add_file_context(sample, ctx)
    out = [f"realmail sample: {len(sample)} of {total} findings (seed {SEED}, round-robin "
           f"across corpora); read each and judge it"]
    for i, f in enumerate(sample, 1):
        where = f"{f.get('path', '?')}:{f.get('line', '?')}:{f.get('column', '?')}"
        out.append("")
        out.append(f"[{i}] {f['code']} {f['name']} ({f.get('severity', '?')})  {where}  "
                   f"touch {f.get('touch', '?')}")
        out.append(f"    message:  {f.get('message', '')}")
        out.append(f"    excerpt:  {f.get('excerpt', '')!r}")
        for ev in f.get("evidence", []):
            when = f" {ev['time']}" if ev.get("time") else ""
            out.append(f"    evidence: {ev.get('path', '?')}:{ev.get('line', '?')}{when}: "
                       f"{ev.get('text', '')!r}")
            if ev.get("message_text") and ev["message_text"] != ev.get("text"):
                out.append(f"      in:     {ev['message_text']}")
        if f.get("context"):
            label = "context: " if f["corpus"] in (MBOX, MAILDIR) else "touch:   "
            out.append(f"    {label} " + f["context"].replace("\n", "\n              "))
    return "\n".join(out)


def _add_file_context(sample: list[dict], ctx: Context) -> None:
    """The text around an Enron finding (the API side attaches its touch's text itself)."""
    files: dict[str, list[str]] = {}
    for f in sample:
        if f.get("context") or f["corpus"] not in (MBOX, MAILDIR):
            continue
        path = f.get("path", "")
        if path not in files:
            try:
                raw = (ctx.corpora / path).read_bytes()
            except OSError:
                files[path] = []
                continue
            files[path] = raw.decode("utf-8", "replace").splitlines()
        lines = files[path]
        line = int(f.get("line") or 1)
        lo, hi = max(0, line - 4), min(len(lines), line + 3)
        f["context"] = "\n".join(f"{n + 1:>6} | {lines[n][:160]}" for n in range(lo, hi))


# -- child process: rebuild the support threads and lint them through the API -----------------

def _twitter_conversations(path: str):
    import csv
    import io
    from datetime import datetime

    from followlint.model import Conversation, Direction, Origin, Touch

    def ids(value: str) -> list[str]:
        return [v.strip().split(".")[0] for v in (value or "").split(",") if v.strip()]

    touches: dict[str, Touch] = {}
    links: list[tuple[str, str]] = []
    with open(path, newline="", encoding="utf-8") as handle:
        text = handle.read()
    # A bare carriage return inside an unquoted field (two tweets have one) would end its row
    # early: read it as the space it stands for. Lines are counted on "\n" as before.
    text = text.replace("\r\n", "\n").replace("\r", " ")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    reader.fieldnames  # reads the header row
    line = reader.line_num + 1  # the physical line on which the next record starts
    for order, row in enumerate(reader):
        tweet = row["tweet_id"].strip()
        inbound = row["inbound"].strip().lower() == "true"
        touches[tweet] = Touch(
            id=f"twcs:{tweet}", origin=Origin(Path(path).name, line, key=tweet),
            text=row["text"], kind="tweet", party=row["author_id"].strip(),
            direction=Direction.INBOUND if inbound else Direction.OUTBOUND,
            time=datetime.strptime(row["created_at"].strip(), "%a %b %d %H:%M:%S %z %Y"),
            message_id=tweet, order=order)
        links += [(tweet, other) for other in ids(row["in_response_to_tweet_id"])]
        links += [(tweet, other) for other in ids(row["response_tweet_id"])]
        line = reader.line_num + 1
    parent = {t: t for t in touches}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for a, b in links:
        if b in touches:  # a link to a tweet outside the 5k subset joins nothing
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[rb] = ra
    groups: dict[str, list] = {}
    for tweet, touch in touches.items():
        groups.setdefault(find(tweet), []).append(touch)
    conversations = []
    for members in groups.values():
        members.sort(key=lambda t: (t.time, t.order))
        conversations.append(Conversation(id=f"twcs:{members[0].message_id}", touches=members,
                                          path=Path(path).name, sides_known=True))
    conversations.sort(key=lambda c: min(t.order for t in c.touches))
    return conversations, len(touches)


def _ibm_conversations(path: str):
    from datetime import datetime, timezone

    from followlint.model import Conversation, Direction, Origin, Touch

    def when(value: str) -> datetime:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))

    with open(path, encoding="utf-8") as handle:
        raw = handle.read()
    data = json.loads(raw)
    # The file is pretty-printed: each turn's location is the line of its "message" (or the
    # agent reply's "url_utterance") key, in document order.
    lines = {"message": [], "url_utterance": []}
    for number, text in enumerate(raw.splitlines(), 1):
        key = text.lstrip()[1:].partition('"')[0] if text.lstrip().startswith('"') else ""
        if key in lines:
            lines[key].append(number)
    expected = {"message": sum(len(i.get("dialogContent", [])) for i in data),
                "url_utterance": sum(1 for i in data if "url_utterance" in (i.get("agentURL") or {}))}
    if any(len(lines[k]) != n for k, n in expected.items()):
        lines = {k: [1] * n for k, n in expected.items()}  # not as expected: no line numbers
    at = {k: iter(v) for k, v in lines.items()}
    name = Path(path).name
    conversations, messages, order = [], 0, 0
    for number, item in enumerate(data):
        header = item.get("dialogHeader", {})
        company = header.get("company", "agent")
        members = []
        turns = list(item.get("dialogContent", []))
        reply = item.get("agentURL") or {}
        if reply.get("url_utterance") and reply.get("tweet_ID"):
            stamp = ((int(reply["tweet_ID"]) >> 22) + TWITTER_EPOCH_MS) / 1000
            turns.append({"agent": company, "message": reply["url_utterance"],
                          "tweet_ID": reply["tweet_ID"], "reply": True,
                          "datetime": datetime.fromtimestamp(stamp, timezone.utc).isoformat()})
        for turn in item.get("dialogContent", []):
            turn["line"] = next(at["message"], 1)
        if "url_utterance" in reply:
            line = next(at["url_utterance"], 1)
            if turns and turns[-1].get("reply"):
                turns[-1]["line"] = line
        for turn_no, turn in enumerate(turns):
            author = next((turn[k] for k in turn if k.startswith(("client", "agent"))), "")
            outbound = any(k.startswith("agent") for k in turn)
            tweet = str(turn.get("tweet_ID", f"{number}.{turn_no}"))
            members.append(Touch(
                id=f"ibm:{tweet}", origin=Origin(name, turn.get("line", 1),
                                                 key=f"dialog {number} turn {turn_no} "
                                                     f"(tweet {tweet})"),
                text=turn.get("message", ""), kind="tweet", party=str(author),
                direction=Direction.OUTBOUND if outbound else Direction.INBOUND,
                time=when(turn["datetime"]), message_id=tweet, order=order))
            order += 1
        messages += len(members)
        members.sort(key=lambda t: (t.time, t.order))
        conversations.append(Conversation(id=f"ibm:{header.get('sessionID', number)}",
                                          touches=members, path=name, sides_known=True))
    return conversations, messages


def _child(kind: str, path: str, out: str) -> None:
    from datetime import timedelta

    from followlint import plugins
    from followlint.config import Settings
    from followlint.engine import Linter
    from followlint.model import Direction

    conversations, messages = (_twitter_conversations if kind == "twitter"
                               else _ibm_conversations)(path)
    latest = max(t.time for c in conversations for t in c.touches)
    now = (latest + timedelta(days=1)).isoformat()
    settings = Settings(now=now)
    linter = Linter(settings, plugins.load(settings))
    findings = []
    for conversation in conversations:  # as engine.Linter.lint_part does, without a reader
        linter.detector.annotate(conversation)
        timeline = linter.timeline(conversation)
        texts = {t.origin.label(): t.text for t in conversation.touches}
        thread = [{"touch": t.origin.label(), "who": "customer" if t.direction is Direction.INBOUND else "us",
                   "time": t.time.isoformat() if t.time else None, "text": t.text} for t in conversation.touches]
        for rule in linter.rules:
            for finding in rule.check(conversation, linter.context(rule, timeline)):
                data = finding.to_dict()
                data["context"] = " ".join(texts.get(finding.touch, "").split())[:400]
                for ev in data["evidence"]:  # the whole message each piece of evidence is from
                    ev["message_text"] = " ".join(texts.get(ev["touch"], "").split())[:400]
                data["thread"] = thread
                findings.append(data)
    touches = sum(len(c.touches) for c in conversations)
    summary = {"conversations": len(conversations), "touches": touches,
               "findings": len(findings)}
    Path(out).write_text(json.dumps({"messages": messages, "now": now, "summary": summary,
                                     "findings": findings}), encoding="utf-8")


if __name__ == "__main__":
    # python bench_realmail.py twitter|ibm CORPUS OUT.json (run by run() as a subprocess)
    if len(sys.argv) != 4 or sys.argv[1] not in ("twitter", "ibm"):
        sys.exit("usage: bench_realmail.py twitter|ibm CORPUS OUT.json")
    _child(*sys.argv[1:])
