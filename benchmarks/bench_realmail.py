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
import time
import tomllib
from pathlib import Path

import support_threads
from _harness import WORK_DIR, BenchError, Command, Context, Figure, run_once

NAME = "realmail"
ORDER = 40
DESCRIPTION = "findings per 1,000 messages on Enron mail and support tweets"
RULES = tuple(f"FL{n}" for n in range(101, 111))
ENRON_NOW = "2002-01-01T00:00:00+00:00"
TARGET = 3.0  # findings per 1,000 Enron messages, at most
SUPPORT_TARGET = 10.0  # findings per 1,000 posts of each support corpus, at most (issue 14)
SEED = 20011202  # the sample is the same on every run of the same findings
MBOX = "enron-8k.mbox"
MAILDIR = "enron-maildir"
TWITTER, IBM = support_threads.TWITTER, support_threads.IBM


def requires(ctx: Context) -> None:
    for name in (MBOX, MAILDIR, TWITTER, IBM):
        ctx.corpus(name)


def run(ctx: Context) -> list[Figure]:
    results = []  # (label, messages, findings | None, error, seconds, extra note)
    for label, path in ((MBOX, ctx.corpus(MBOX)), (MAILDIR, ctx.corpus(MAILDIR))):
        results.append(_cli_corpus(ctx, label, path))
    for label in (TWITTER, IBM):
        results.append(_support_corpus(ctx, label))

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
        _write_judge_packet(sample, results, ctx)
        figures[-1].extra["sample"] = sample
        figures[-1].details = _render_sample(sample, results, ctx)
    return figures


# -- the sample with whole threads, for a person to judge ----------------------------------------

def _write_judge_packet(sample: list[dict], results: list[dict], ctx: Context) -> None:
    """Attach each sampled finding's whole conversation, as followlint rebuilt it (sides
    included), and write it where a judge reads it."""
    threads: dict[str, dict[str, list[dict]]] = {}
    by_label = {r["label"]: r for r in results}
    for f in sample:
        if f["corpus"] not in threads:
            threads[f["corpus"]] = _inspect_threads(ctx, by_label[f["corpus"]])
        f["thread"] = threads[f["corpus"]].get(f.get("conversation", ""), [])
        if f["corpus"] not in (MBOX, MAILDIR):  # the flagged post's text (Enron: lines of the file)
            f["context"] = next((" ".join(t["text"].split())[:400] for t in f["thread"]
                                 if t["touch"] == f.get("touch")), "")
            texts = {t["touch"]: " ".join(t["text"].split())[:400] for t in f["thread"]}
            for ev in f.get("evidence", []):
                ev["message_text"] = texts.get(ev.get("touch", ""), "")
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


def _inspect_threads(ctx: Context, res: dict) -> dict[str, list[dict]]:
    """Every conversation of a corpus as ``followlint inspect`` rebuilds it, by id (a support
    corpus: its mbox with the same options as its check, touches named by their post)."""
    label = res["label"]
    out = ctx.tmpdir / f"inspect-{Path(label).name}.json"
    if "mbox" in res:
        args = [str(res["mbox"]), "--now", res["now"], *res["reps"]]
    else:
        args = [str(ctx.corpus(label)), "--now", ENRON_NOW]
    cmd = Command(f"inspect {label}", ctx.followlint("inspect", *args, "--format", "json"),
                  cwd=ctx.tmpdir, ok_codes=(0, 1, 2))
    try:
        run_once(ctx, cmd, stdout_path=out)
        data = json.loads(out.read_text(encoding="utf-8"))
    except (BenchError, ValueError, OSError) as exc:
        ctx.log(f"  inspect {label} failed: {exc}")
        return {}
    base = str(ctx.corpora) + "/"
    name = res.get("names") or (lambda label: label[len(base):] if label.startswith(base) else label)
    threads = {}
    for conversation in data.get("conversations", []):
        threads[name(conversation["id"])] = [{"touch": name(t["id"]),
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


# -- the two support corpora: written as one mbox each, then the command line ----------------

def _support_corpus(ctx: Context, label: str) -> dict:
    """The corpus as a user would check it: one mbox (``support_threads``), the brand accounts
    as ``--rep``, ``--now`` = the latest post + 1 day. Touches are named by their post."""
    posts = support_threads.load(ctx.corpora, label)
    WORK_DIR.mkdir(exist_ok=True)
    mbox = WORK_DIR / f"{Path(label).stem}.mbox"
    keys = support_threads.write_mbox(posts, label, mbox)
    reps = [arg for rep in support_threads.reps(posts) for arg in ("--rep", rep)]
    now = support_threads.now_after(posts)
    out = ctx.tmpdir / f"realmail-{mbox.stem}.json"
    cmd = Command(f"check {label}", ctx.followlint("check", str(mbox), "--format", "json", "--exit-zero",
                                                   "--now", now, *reps), cwd=ctx.tmpdir, ok_codes=(0, 2))
    ctx.log(f"  {label}: {len(posts):,} posts as {mbox.name}: followlint check --rep (brands) ...")
    start = time.perf_counter()
    try:
        sample = run_once(ctx, cmd, stdout_path=out)
        report = json.loads(out.read_text(encoding="utf-8"))
    except (BenchError, ValueError, OSError) as exc:
        return {"label": label, "messages": len(posts), "findings": None, "error": str(exc)}
    seconds = time.perf_counter() - start
    name = _post_names(keys, str(mbox))
    findings = []
    for f in report.get("findings", []):
        f = dict(f, path=label, touch=name(f.get("touch", "")), conversation=name(f.get("conversation", "")))
        f["evidence"] = [dict(ev, path=label, touch=name(ev.get("touch", ""))) for ev in f.get("evidence", [])]
        findings.append(f)
    summary = report.get("summary", {})
    return {"label": label, "messages": len(posts), "findings": findings, "error": "", "summary": summary,
            "mbox": mbox, "names": name, "now": now, "reps": reps,
            "note": f"{seconds:.1f} s; exit {sample.returncode}; {len(reps) // 2} brand accounts as --rep; "
                    f"{summary.get('conversations', '?')} conversations; --now {now}"}


def _post_names(keys: dict[int, str], mbox: str):
    """A touch label of the written mbox (``PATH:LINE``) or a Message-ID -> the post's key."""
    def name(label: str) -> str:
        if label.startswith("<") and "@" in label:
            return label[1:].split("@", 1)[0]
        where, _, line = label.rpartition(":")
        return keys.get(int(line), label) if where == mbox and line.isdigit() else label
    return name


# -- figures and the sample ---------------------------------------------------------------

def _per_k(count: int, messages: int) -> float | None:
    return round(1000 * count / messages, 2) if messages else None


def _corpus_figures(res: dict) -> list[Figure]:
    label, messages, findings = res["label"], res["messages"], res["findings"]
    is_enron = label in (MBOX, MAILDIR)
    target = ("<=", TARGET if is_enron else SUPPORT_TARGET)
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
                            ,
                       extra={"findings": len(findings), "by_code": by_code}))
    return rows


_RULE_NAMES = {
    "FL101": "no-value-reason", "FL102": "referral-ask-timing",
    "FL103": "unanswered-customer-issue", "FL104": "callback-timing",
    "FL105": "premature-concession", "FL106": "promise-perfection",
    "FL107": "unannounced-handoff", "FL108": "ignored-constraint",
    "FL109": "follow-up-pressure", "FL110": "defensive-tone",
}


JUDGED = Path(__file__).parent / "judged"


def _judged_threads() -> set[tuple[str, str]]:
    """(corpus, conversation) of every thread a verdict in benchmarks/judged/ was given on."""
    seen = set()
    for path in JUDGED.glob("*.toml"):
        with open(path, "rb") as handle:
            seen |= {(v["corpus"], v["conversation"]) for v in tomllib.load(handle).get("verdict", ())}
    return seen


def _draw_sample(results: list[dict], size: int) -> list[dict]:
    """Up to ``size`` findings, round-robin across corpora, each corpus shuffled with SEED.
    Threads judged before are left out: their verdicts have been read while tuning, so only a
    fresh thread measures."""
    rng = random.Random(SEED)
    judged = _judged_threads()
    pools = []
    for res in results:
        pool = [dict(f, corpus=res["label"]) for f in res["findings"] or ()
                if (res["label"], f.get("conversation")) not in judged]
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
