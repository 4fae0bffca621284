"""Proselint: ``followlint check enron-8k.mbox`` vs proselint over the same message bodies.

SPEC target: followlint at least 20x faster than proselint. Proselint has no mailbox reader,
so its side is a small script (written into the run's temp dir) that reads the mbox with the
stdlib, decodes the text/plain parts of every message (``get_payload(decode=True)``, the
part's charset, undecodable bytes replaced) and lints each non-empty body through proselint's
in-process API. Both sides are timed whole, as subprocesses: interpreter start, imports,
mailbox parse and decoding are in both figures, because followlint's figure includes its own
parsing. The script writes how its time splits (extraction vs lint) to a small JSON file,
shown in the note.

Proselint takes about a minute or more over the 8,269 bodies, so this benchmark runs at most
3 rounds whatever ``--runs`` says, and warms up with cheap runs (proselint on every 50th
message, which fills its bytecode cache and the page cache) instead of a full run of each.
"""
from __future__ import annotations

import dataclasses
import json
import subprocess

from _harness import (BenchError, Command, Context, Figure, measure, median_seconds,
                      paired_ratio_median, run_once)

NAME = "proselint"
ORDER = 15
DESCRIPTION = "check of enron-8k.mbox vs proselint over the same bodies"
CORPUS = "enron-8k.mbox"
TARGET_SPEEDUP = 20.0
MAX_ROUNDS = 3
WARMUP_STEP = 50  # the proselint warm-up lints every 50th message only
INSTALL_HINT = "pip install -e '.[bench]'"

# argv: MBOX STEP REPORT_JSON. Lints the body of every STEP-th message (1: all of them).
PROSELINT_SIDE = '''\
import json
import mailbox
import sys
import time

started = time.perf_counter()
try:
    from proselint.tools import LintFile  # proselint >= 0.16
except ImportError:
    LintFile = None
try:
    if LintFile is not None:
        from proselint.checks import __register__
        from proselint.config import load_from
        from proselint.registry import CheckRegistry

        CheckRegistry().register_many(__register__)
        CONFIG = load_from()  # what the proselint command uses: defaults + any user config

        def lint(text, n):
            return LintFile(f"message-{n}", text).lint(CONFIG)
    else:  # proselint 0.14/0.15: tools.lint(text, config=...)
        from proselint import config as pl_config
        from proselint import tools as pl_tools

        def lint(text, n):
            return pl_tools.lint(text, config=pl_config.default)
except ImportError as exc:
    sys.exit(f"proselint is not importable ({exc}): pip install -e '.[bench]'")
imported = time.perf_counter()


def body_of(message):
    """The decoded text/plain parts of a message, attachments left out."""
    texts = []
    for part in message.walk():
        if part.is_multipart() or part.get_content_type() != "text/plain":
            continue
        if part.get_content_disposition() == "attachment":
            continue
        raw = part.get_payload(decode=True) or b""
        charset = part.get_content_charset() or "utf-8"
        try:
            texts.append(raw.decode(charset, "replace"))
        except LookupError:  # an unknown charset name
            texts.append(raw.decode("utf-8", "replace"))
    return "\\n".join(texts)


mbox_path, step, report_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
messages = linted = findings = 0
extract = lint_time = 0.0
mark = time.perf_counter()
for index, message in enumerate(mailbox.mbox(mbox_path, create=False)):
    if index % step:
        continue
    messages += 1
    text = body_of(message)
    now = time.perf_counter()
    extract += now - mark
    mark = now
    if text.strip():  # proselint cannot lint an empty text
        linted += 1
        findings += len(lint(text, index))
    now = time.perf_counter()
    lint_time += now - mark
    mark = now
extract += time.perf_counter() - mark  # the mailbox's last read
with open(report_path, "w", encoding="utf-8") as out:
    json.dump({"messages": messages, "linted": linted, "findings": findings,
               "import_s": imported - started, "extract_s": extract, "lint_s": lint_time}, out)
'''


def requires(ctx: Context) -> None:
    ctx.corpus(CORPUS)


def proselint_version(ctx: Context) -> str | None:
    """The proselint the children would import, or None if there is none."""
    probe = subprocess.run(
        [ctx.python, "-c", "from importlib import metadata; import proselint; "
                           "print(metadata.version('proselint'))"],
        env=ctx.env, cwd=ctx.tmpdir, capture_output=True, text=True)
    if probe.returncode != 0:
        return None
    return probe.stdout.strip() or "?"


def run(ctx: Context) -> list[Figure]:
    name = f"vs proselint ({CORPUS})"
    version = proselint_version(ctx)
    if version is None:
        return [Figure(name, None, "", target=(">=", TARGET_SPEEDUP),
                       error=f"proselint is not installed for {ctx.python}: {INSTALL_HINT}")]
    mbox = ctx.corpus(CORPUS)
    script = ctx.tmpdir / "proselint_side.py"
    script.write_text(PROSELINT_SIDE, encoding="utf-8")
    report = ctx.tmpdir / "proselint_side.json"

    def proselint_cmd(step: int) -> Command:
        return Command("proselint", [ctx.python, str(script), str(mbox), str(step), str(report)],
                       cwd=ctx.tmpdir)

    fl = Command("followlint", ctx.followlint("check", str(mbox), "--exit-zero"), cwd=ctx.tmpdir)
    pl = proselint_cmd(1)
    rounds = min(ctx.runs, MAX_ROUNDS)
    try:
        run_once(ctx, proselint_cmd(WARMUP_STEP))  # fails fast if the script cannot run
        run_once(ctx, fl)
        samples = measure(dataclasses.replace(ctx, runs=rounds), [fl, pl], warmup=0)
    except BenchError as exc:
        return [Figure(name, None, "", target=(">=", TARGET_SPEEDUP), error=str(exc))]

    fl_s, pl_s = samples["followlint"], samples["proselint"]
    fl_med, pl_med = median_seconds(fl_s), median_seconds(pl_s)
    paired = paired_ratio_median(pl_s, fl_s)
    split = json.loads(report.read_text(encoding="utf-8"))  # from the last timed run
    note = (f"ratio = proselint time / followlint time (speed-up); median of per-round "
            f"speed-ups {paired:.1f}x; {rounds} round(s) (at most {MAX_ROUNDS}: proselint is "
            f"slow). proselint {version} over all {split['messages']} messages "
            f"({split['linted']} non-empty text/plain bodies, {split['findings']} findings); "
            f"its time includes start-up, mbox parse and decoding (last run: import "
            f"{split['import_s']:.2f} s, extraction {split['extract_s']:.1f} s, lint "
            f"{split['lint_s']:.1f} s), as followlint's includes its own parsing")
    return [Figure(name, fl_med, "s", baseline=pl_med, ratio=pl_med / fl_med,
                   target=(">=", TARGET_SPEEDUP), note=note,
                   samples={"followlint": [s.seconds for s in fl_s],
                            "proselint": [s.seconds for s in pl_s]},
                   extra={"paired_speedup_median": paired, "proselint_version": version,
                          "proselint_split_last_run": split})]
