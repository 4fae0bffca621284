"""The audit of one big account over worker processes (``audit --jobs``, one per CPU by default).

Two stages of one account are shared out; everything else stays in the auditing process, in
the same order as without workers, so the report is the same:

- parsing: each batch of messages, once fetched and stored, is parsed by a worker while the
  next batch is fetched (``BatchParser``); the touches come back pickled;
- the signal stage and the rules: once the account's conversations are rebuilt (that needs all
  of its touches in one place), workers forked from the auditing process, so holding them
  already, annotate and check them in contiguous runs; the findings come back, and the
  auditing process keeps them in conversation order (``lint_shared``).

Workers are forked (never started fresh): each is a copy of the auditing process, with its
Linter, its phrase index and, for the second stage, the conversations. Where processes cannot
fork, or with ``--jobs 1``, or for an account with little to do, the same functions run in
the auditing process.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import Future

from ..collector import free_cycles, quieten
from ..engine import reported
from ..model import Finding, InputProblem, RuleError, Touch

PARSE_MIN_MESSAGES = 1000  # fewer new messages than this in a folder are parsed in the auditing process
LINT_MIN_TOUCHES = 2000  # an account with fewer touches is linted in the auditing process
RUNS_PER_JOB = 8  # runs of conversations per worker: small enough to balance, big enough to cost little

_shared: tuple | None = None  # what a forked lint worker reads: (linter, conversations)


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _pool(jobs: int):
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                               initializer=quieten)


def _nothing() -> None:
    return None


# -- parsing ----------------------------------------------------------------------------------

def parse_batch(url: str, folder: str, items: list[tuple[int, bytes]]) -> list[tuple[int, tuple[list[Touch], str]]]:
    """``parse_one`` over a batch: (uid, (touches, problem)) for each (uid, raw)."""
    from .run import message_path, parse_one

    parsed = [(uid, parse_one(raw, message_path(url, folder, uid), uid)) for uid, raw in items]
    free_cycles(0)  # the email parser's cycles: all made since the last collection, so the youngest
    return parsed


class BatchParser:
    """Parses the batches of an account as they are fetched: in worker processes when
    ``jobs`` > 1 and a folder brings at least PARSE_MIN_MESSAGES, else at once, here.
    ``results()`` gives (folder, uid) -> (touches, problem) for every batch handed in."""

    def __init__(self, url: str, jobs: int):
        self.url, self.jobs = url, jobs
        self.pool = None
        self.pending: list[Future] = []
        self.parsed: dict[tuple[str, int], tuple[list[Touch], str]] = {}

    def prepare(self, new_messages: int) -> None:
        """Before a folder's fetch starts (no fetching thread runs yet: processes are forked
        here, never beside a thread that may hold a lock)."""
        if self.pool is None and self.jobs > 1 and new_messages >= PARSE_MIN_MESSAGES and can_fork():
            self.pool = _pool(self.jobs)
            self.pool.submit(_nothing).result()  # the workers are forked now

    def add(self, folder: str, batch: list[tuple[int, bytes, object]]) -> None:
        items = [(uid, raw) for uid, raw, _ in batch]
        if self.pool is None:
            self._keep(folder, parse_batch(self.url, folder, items))
            return
        future = self.pool.submit(parse_batch, self.url, folder, items)
        future.folder = folder
        self.pending.append(future)

    def results(self) -> dict[tuple[str, int], tuple[list[Touch], str]]:
        try:
            for future in self.pending:
                self._keep(future.folder, future.result())
            self.pending = []
        finally:
            self.close()
        return self.parsed

    def _keep(self, folder: str, parsed) -> None:
        for uid, got in parsed:
            self.parsed[(folder, uid)] = got

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None


# -- the signal stage and the rules -------------------------------------------------------------

def _check_run(start: int, stop: int) -> tuple[list[list[Finding]], list[InputProblem], Exception | None]:
    """In a forked worker: annotate and check conversations[start:stop]; their findings, one
    list per conversation, the problems the rules reported, and the error that stopped the run
    (a bug: what was checked before it stands, as in one process). No collection after it:
    the signal stage and the rules leave no cycles to speak of (the 16 runs of the benchmark's
    10,000-message audit freed none, for 0.05-0.1 s of each worker's CPU), and a worker ends
    with its account's lint, freeing all it made."""
    from ..engine import UnitResult

    linter, conversations = _shared
    result = UnitResult()
    found = []
    error = None
    try:
        for conversation, suppressions in conversations[start:stop]:
            if not conversation.left_out:
                linter.detector.annotate(conversation)
            found.append(linter.check(conversation, suppressions, result))
    except Exception as exc:
        error = exc
    return found, result.problems, error


def lint_shared(linter, conversations: list[tuple], result, jobs: int) -> Iterator[list[Finding]]:
    """The findings of each of ``conversations`` ((conversation, suppressions), built and
    counted, not annotated), annotated and checked over ``jobs`` forked workers, yielded in the
    order of the conversations; the rules' problems go into ``result`` as one process would put
    them (one per rule and path, the first met). An error a worker met is raised after the
    findings of the conversations before it."""
    global _shared

    size = len(conversations)
    runs = max(1, min(size, jobs * RUNS_PER_JOB))
    bounds = [size * n // runs for n in range(runs + 1)]
    _shared = (linter, conversations)
    pool = _pool(jobs)
    try:
        futures = [pool.submit(_check_run, bounds[n], bounds[n + 1]) for n in range(runs)]
        for future in futures:
            findings, problems, error = future.result()
            for problem in problems:
                if not (isinstance(problem, RuleError) and reported(result.problems, problem.rule, problem.path)):
                    result.problems.append(problem)
            yield from findings
            if error is not None:
                raise error
    finally:
        _shared = None
        pool.shutdown(cancel_futures=True)
