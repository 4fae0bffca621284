"""Shared machinery for the benchmarks: timing subprocesses, interleaving, figures.

Every benchmark module (``bench_*.py`` next to this file) uses these helpers so that all
figures are measured the same way:

- each command runs in its own subprocess, stdin from /dev/null, stdout to /dev/null (unless
  captured for a warm-up), stderr to a temporary file that is shown if the command fails;
- wall time is ``time.perf_counter()`` around spawn + ``os.wait4``; ``os.wait4`` also returns
  the resource usage of that one child, so peak RSS (``ru_maxrss``, which on Linux includes
  the child's own reaped children) is exact per run without ``/usr/bin/time`` or a delta of
  ``getrusage(RUSAGE_CHILDREN)`` (whose ``ru_maxrss`` is a running maximum, not a sum);
- compared commands are interleaved, one of each per round, and the order inside a round
  alternates (A B, B A, A B, ...) so slow drifts of a noisy machine hit both sides alike;
- each command runs once untimed first (warm-up: page cache, bytecode cache);
- figures are medians over the rounds.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Sequence

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BENCH_DIR.parent
WORK_DIR = BENCH_DIR / ".work"  # git-ignored scratch (bytecode cache)


class BenchError(Exception):
    """A command under measurement failed; the figure is reported as ERROR."""


class CorpusMissing(Exception):
    """A required input corpus is absent; run.py exits 2."""


@dataclass
class Sample:
    seconds: float
    maxrss_kb: int
    returncode: int


@dataclass
class Command:
    """One command to time. ``ok_codes``: exit codes that count as success."""

    name: str
    argv: list[str]
    cwd: Optional[Path] = None
    ok_codes: tuple[int, ...] = (0,)


@dataclass
class Figure:
    """One row of the table.

    ``value`` is the followlint figure, ``baseline`` the compared one (or None), ``ratio``
    value/baseline when both are times. ``target`` is ``("<=", 3.0)`` style, applied to
    ``ratio`` if there is one, else to ``value``; None means informational.
    """

    name: str
    value: Optional[float]
    unit: str  # "s", "msg/s", "MB", ...
    baseline: Optional[float] = None
    ratio: Optional[float] = None
    target: Optional[tuple[str, float]] = None
    note: str = ""
    error: str = ""
    samples: dict[str, list[float]] = field(default_factory=dict)
    extra: dict[str, object] = field(default_factory=dict)
    details: str = ""  # free text printed after the table (e.g. a findings sample to read)

    @property
    def status(self) -> str:
        if self.error:
            return "ERROR"
        if self.target is None:
            return "info"
        op, limit = self.target
        measured = self.ratio if self.ratio is not None else self.value
        if measured is None:
            return "ERROR"
        ok = {"<=": measured <= limit, ">=": measured >= limit,
              "<": measured < limit, ">": measured > limit}[op]
        return "PASS" if ok else "FAIL"

    def to_json(self) -> dict:
        return {
            "name": self.name, "value": self.value, "unit": self.unit,
            "baseline": self.baseline, "ratio": self.ratio,
            "target": None if self.target is None else {"op": self.target[0],
                                                         "limit": self.target[1]},
            "status": self.status, "note": self.note, "error": self.error,
            "samples": self.samples, **({"extra": self.extra} if self.extra else {}),
        }


@dataclass
class Context:
    """What every benchmark gets: where things are, how to run followlint, how many runs."""

    runs: int
    corpora: Path
    tmpdir: Path
    python: str
    followlint_argv: list[str]  # prefix: [python, -m, followlint] or [console script]
    followlint_via: str  # human description of the above
    env: dict[str, str]
    log: Callable[[str], None]
    sample: int = 50  # findings to draw for a person to read (benchmarks that lint real text)

    def corpus(self, relpath: str) -> Path:
        path = self.corpora / relpath
        if not path.exists():
            raise CorpusMissing(
                f"corpus not found: {path} (set FOLLOWLINT_CORPORA to the corpora folder)")
        return path

    def followlint(self, *args: str) -> list[str]:
        return [*self.followlint_argv, *args]


def run_once(ctx: Context, cmd: Command, stdout_path: Optional[Path] = None) -> Sample:
    """Run ``cmd`` once; return its wall time, peak RSS and exit code."""
    out = open(stdout_path, "wb") if stdout_path else open(os.devnull, "wb")
    with out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd.argv, cwd=cmd.cwd, env=ctx.env,
                                stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in cmd.ok_codes:
            err.seek(0)
            lines = [ln for ln in err.read().decode("utf-8", "replace").splitlines()
                     if ln.strip()]
            tail = lines[-1] if lines else "(no stderr)"
            raise BenchError(f"{cmd.name} exited {code}: {tail}")
    return Sample(elapsed, int(usage.ru_maxrss), code)


def measure(ctx: Context, commands: Sequence[Command], warmup: int = 1
            ) -> dict[str, list[Sample]]:
    """Time ``commands`` ``ctx.runs`` times each, interleaved, order alternating per round."""
    for _ in range(warmup):
        for cmd in commands:
            run_once(ctx, cmd)
    results: dict[str, list[Sample]] = {cmd.name: [] for cmd in commands}
    for i in range(ctx.runs):
        order = list(commands) if i % 2 == 0 else list(reversed(commands))
        for cmd in order:
            results[cmd.name].append(run_once(ctx, cmd))
        ctx.log(f"  round {i + 1}/{ctx.runs}: " + ", ".join(
            f"{c.name} {fmt_seconds(results[c.name][-1].seconds)}" for c in commands))
    return results


def median_seconds(samples: list[Sample]) -> float:
    return statistics.median(s.seconds for s in samples)


def paired_ratio_median(a: list[Sample], b: list[Sample]) -> float:
    """Median of the per-round ratios a/b (each pair ran back to back)."""
    return statistics.median(x.seconds / y.seconds for x, y in zip(a, b))


def fmt_seconds(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.3f} s"


def fmt_value(value: Optional[float], unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return fmt_seconds(value)
    if unit == "msg/s":
        return f"{value:,.0f} msg/s"
    if unit == "MB":
        return f"{value:.1f} MB"
    return f"{value:g} {unit}".strip()
