"""Parallelism: ``followlint check --jobs 2`` vs ``--jobs 1``.

SPEC target: ``--jobs 2`` at least 1.6x faster than ``--jobs 1`` on 2 cores. Measured on two
inputs, because followlint shares work out in two ways:

- one large mailbox, ``enron-8k.mbox``: a single source unit, so the speed-up comes only from
  sharing the batches of one mailbox out over the workers;
- many units, ``enron-maildir``: a tree of 113 users' folders; each folder of loose message
  files is one unit (360 of them, 993 files), shared out unit by unit.

Both commands write the JSON report with a fixed ``--now``, so their output can be compared:
the untimed warm-up runs keep it, and a row per input says how many findings differ between
``--jobs 2`` and ``--jobs 1`` (target: none; the output must not depend on ``--jobs``).
"""
from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from _harness import (BenchError, Command, Context, Figure, measure, median_seconds,
                      paired_ratio_median, run_once)

NAME = "jobs"
ORDER = 30
DESCRIPTION = "--jobs 2 vs --jobs 1 on one large mbox and on a tree of maildir folders"
INPUTS = ("enron-8k.mbox", "enron-maildir")
TARGET_SPEEDUP = 1.6
NOW = "2002-01-01T00:00:00+00:00"


def requires(ctx: Context) -> None:
    for corpus in INPUTS:
        ctx.corpus(corpus)


def describe(path: Path) -> str:
    if path.is_file():
        return "one mbox, one unit"
    folders, files = set(), 0
    for root, _dirs, names in os.walk(path):
        if names:
            folders.add(root)
            files += len(names)
    return f"{len(folders)} folders (units), {files} files"


def differences(one: bytes, two: bytes) -> tuple[int, str]:
    """How far two JSON reports differ: findings on one side only (0 if identical)."""
    if one == two:
        return 0, "byte-identical"
    try:
        a, b = json.loads(one), json.loads(two)
    except ValueError as exc:
        return 1, f"output is not JSON: {exc}"

    def bag(report):
        return Counter(json.dumps(f, sort_keys=True) for f in report.get("findings", []))

    fa, fb = bag(a), bag(b)
    only = sum(((fa - fb) + (fb - fa)).values())
    parts = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
    what = f"differ in {', '.join(parts) or 'formatting'}; {only} finding(s) on one side only"
    if not only and "findings" in parts:
        what += " (same findings, another order)"
    first = next(iter((fb - fa) or (fa - fb)), "")
    if first:
        what += f"; e.g. {first[:200]}"
    return max(only, 1), what


def run(ctx: Context) -> list[Figure]:
    figures: list[Figure] = []
    cpus = os.cpu_count() or 1
    for corpus in INPUTS:
        path = ctx.corpus(corpus)
        speed_name = f"--jobs 2 speed-up ({corpus})"
        same_name = f"  same JSON as --jobs 1 ({corpus})"

        def command(jobs: int) -> Command:
            return Command(f"jobs{jobs}", ctx.followlint(
                "check", str(path), "--format", "json", "--exit-zero", "--now", NOW,
                "--jobs", str(jobs)), cwd=ctx.tmpdir)

        one, two = command(1), command(2)
        outputs = {1: ctx.tmpdir / f"jobs1-{corpus}.json", 2: ctx.tmpdir / f"jobs2-{corpus}.json"}
        try:
            # Warm-up, untimed, keeping the reports to compare.
            run_once(ctx, one, stdout_path=outputs[1])
            run_once(ctx, two, stdout_path=outputs[2])
            diff, what = differences(outputs[1].read_bytes(), outputs[2].read_bytes())
            samples = measure(ctx, [one, two], warmup=0)
        except BenchError as exc:
            figures += [Figure(speed_name, None, "", target=(">=", TARGET_SPEEDUP),
                               error=str(exc)),
                        Figure(same_name, None, "differences", target=("<=", 0),
                               error="see above")]
            continue
        finally:
            for out in outputs.values():
                out.unlink(missing_ok=True)

        one_s, two_s = samples["jobs1"], samples["jobs2"]
        one_med, two_med = median_seconds(one_s), median_seconds(two_s)
        paired = paired_ratio_median(one_s, two_s)
        figures += [
            Figure(speed_name, two_med, "s", baseline=one_med, ratio=one_med / two_med,
                   target=(">=", TARGET_SPEEDUP),
                   note=f"ratio = --jobs 1 time / --jobs 2 time (speed-up); median of "
                        f"per-round speed-ups {paired:.2f}x; {describe(path)}; {cpus} CPUs; "
                        f"`check PATH --format json --exit-zero --now {NOW} --jobs N`",
                   samples={"jobs1": [s.seconds for s in one_s],
                            "jobs2": [s.seconds for s in two_s]},
                   extra={"paired_speedup_median": paired, "cpus": cpus,
                          "peak_rss_mb": {"jobs1": max(s.maxrss_kb for s in one_s) / 1024,
                                          "jobs2": max(s.maxrss_kb for s in two_s) / 1024}}),
            Figure(same_name, diff, "differences", target=("<=", 0),
                   note=f"JSON reports of the warm-up runs: {what}"),
        ]
    return figures
