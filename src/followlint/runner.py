"""Drive the engine over every source unit, serially or with --jobs worker processes."""
from __future__ import annotations

import os

from .collector import quiet, quieten
from .engine import Linter, ReadContext, Report, UnitResult
from .model import InputError, InputProblem
from .progress import progress
from .sources.base import Batch, Reader, SourceUnit
from .suppress import SuppressionUse

_worker: Linter | None = None
SPLIT_BYTES = 2 << 20  # a mailbox this big is shared out over the workers batch by batch
POOL_BYTES = 1 << 20  # less input than this is linted in this process: starting workers costs more
PROGRESS_BYTES = 4 << 20  # a run over this much input, or this many units, shows its progress
PROGRESS_UNITS = 50
# A run over less input than this, in no more units, decodes only the phrases its words reach;
# a bigger one decodes them all first (``Linter.preload``), as the collector's pass after each
# unit would otherwise walk them again and again.
PRELOAD_BYTES = 1 << 20
PRELOAD_UNITS = 8
AHEAD_PER_JOB = 3  # pieces of a reader's own work (``ReadContext.map``) out per worker at a time


def run(linter: Linter, paths: list[str], stdin: tuple[str, bytes] | None, jobs: int,
        show_progress: bool = False) -> Report:
    """Lint ``paths`` (and ``stdin``: its name and bytes). With ``show_progress``, a long run
    (a big mailbox, a folder tree) shows its progress on stderr when that is a terminal."""
    with quiet():
        return _run(linter, paths, stdin, jobs, show_progress)


def _run(linter: Linter, paths: list[str], stdin: tuple[str, bytes] | None, jobs: int, show_progress: bool) -> Report:
    report = Report(rules=[type(rule) for rule in linter.rules])
    units: list[SourceUnit] = []

    def on_error(error: InputError) -> None:
        report.problems.append(InputProblem(_tidy(error.path), error.message))

    if stdin is not None:
        try:
            units.append(linter.discovery.stdin_unit(*stdin))
        except InputError as exc:
            on_error(exc)
    units.extend(linter.discovery.units(paths, on_error))
    for unit in units:
        if unit.data is None:  # "./drafts/a.txt" (from "followlint check .") shows as "drafts/a.txt"
            unit.path = _tidy(unit.path)
            unit.files = [_tidy(f) for f in unit.files]
    auto = not jobs  # --jobs 0, the default: one per CPU, when the input is big enough to gain
    jobs = jobs or os.cpu_count() or 1
    sizes = [_size(unit) for unit in units]
    if sum(sizes) >= PRELOAD_BYTES or len(units) > PRELOAD_UNITS:
        linter.preload()  # before any worker is forked: they share it
    long_run = sum(sizes) >= PROGRESS_BYTES or len(units) >= PROGRESS_UNITS
    with progress("linting", sum(sizes), show_progress and long_run, in_bytes=True) as bar:
        if jobs > 1:
            results = _parallel(linter, units, sizes, jobs, auto, bar.advance)
        else:
            results = _serial(linter, units, sizes, bar.advance)
        for result in results:
            report.merge(result)
    return report


def _serial(linter: Linter, units: list[SourceUnit], sizes: list[int], advance):
    for unit, size in zip(units, sizes):
        result = linter.finish(*_lint_safely(linter, unit), unit.path)
        advance(size)
        yield result


def _tidy(path: str) -> str:
    while path.startswith(("./", "." + os.sep)) and len(path) > 2:
        path = path[2:].lstrip("/" + os.sep) or "."
    return path


def _lint_safely(linter: Linter, unit: SourceUnit, batch: Batch | None = None) -> tuple[UnitResult, SuppressionUse]:
    """Lint one unit (or batch); a bug that surfaces on one input is one error line, not a lost run."""
    try:
        return linter.lint_part(unit, batch)
    except Exception as exc:
        if os.environ.get("FOLLOWLINT_DEBUG"):
            raise
        result = UnitResult(files=max(1, len(unit.files)) if batch is None else 0)
        result.problems.append(InputProblem(
            unit.path, f"internal error while linting: {type(exc).__name__}: {exc} (set FOLLOWLINT_DEBUG=1 for details)"))
        return result, SuppressionUse()


def _parallel(linter: Linter, units: list[SourceUnit], sizes: list[int], jobs: int, auto: bool, advance):
    """Units, and the batches of big mailboxes, shared out over worker processes; results are
    merged back unit by unit in input order, so the report is the one --jobs 1 gives. With a
    single piece of work (one draft, one small mailbox), or ``auto`` and little input, no
    process is started. ``advance`` is told the bytes done as each part finishes."""
    names = {id(r): r.name for r in linter.registry.readers}
    worth_it = not auto or sum(sizes) >= POOL_BYTES  # below that, workers cost more than they save
    pool = None
    submitted = []

    def started_pool():
        nonlocal pool
        if pool is None and worth_it:
            pool = _pool(linter, jobs)
        return pool

    try:
        for unit, size in zip(units, sizes):
            whole, batches = _split(linter, unit, size, started_pool, jobs)
            parts = [None] if batches is None else batches
            if len(units) > 1 or len(parts) > 1:
                started_pool()
            share = size / max(1, len(parts))  # the bytes each part stands for
            if pool is None:
                futures = []
                for batch in parts:
                    futures.append(_Done(_lint_safely(linter, unit, batch)))
                    advance(share)
            else:
                item = (unit.path, names[id(unit.reader)], unit.files, unit.data)
                futures = [pool.submit(_lint_in_worker, item, batch) for batch in parts]
                for future in futures:
                    future.add_done_callback(lambda _, share=share: advance(share))
            submitted.append((unit.path, whole, batches, futures))
        for path, whole, batches, futures in submitted:
            yield _merged(linter, path, whole, batches, (f.result() for f in futures))
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


class _Done:
    """A part linted in this process, read back as a worker's future is (concurrent.futures,
    and the logging it imports, cost a one-draft run some 2 ms)."""

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


def _split(linter: Linter, unit: SourceUnit, size: int, started_pool=lambda: None, jobs: int = 2) -> tuple[UnitResult, list | None]:
    """A big mailbox's batches, read from its headers, so that the workers share it out; None
    for anything else, which a worker lints whole. ``started_pool`` gives the worker pool (or
    None): the reader shares out reading the headers over it too, which was a serial second
    or so of a big mailbox while the workers waited; ``jobs`` workers."""
    whole = UnitResult(files=max(1, len(unit.files)))
    if unit.data is not None or type(unit.reader).batches is Reader.batches or size < SPLIT_BYTES:
        return whole, None
    ctx = ReadContext(linter.settings, whole)
    pool = started_pool()
    if pool is not None:
        ctx.map = lambda function, items: _map_ahead(pool, function, items, AHEAD_PER_JOB * jobs)
    try:
        return whole, unit.reader.batches(unit, ctx)
    except InputError as exc:
        whole.problems.append(InputProblem(exc.path, exc.message))
        return whole, []


def _map_ahead(pool, function, items, ahead: int):
    """``pool.map``, with at most ``ahead`` items handed out and not yet taken back:
    Executor.map would hand out a whole 100,000-message mailbox's chunks at once, and hold
    their results until the reader takes them."""
    from collections import deque

    pending = deque()
    for item in items:
        pending.append(pool.submit(function, item))
        if len(pending) >= ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _size(unit: SourceUnit) -> int:
    if unit.data is not None:
        return len(unit.data)
    total = 0
    for path in unit.files or [unit.path]:
        try:
            total += os.path.getsize(path)
        except OSError:
            pass
    return total


def _merged(linter: Linter, path: str, whole: UnitResult, batches, parts) -> UnitResult:
    """One unit's (``path``) result from its parts: the whole unit's, or each batch's."""
    use = SuppressionUse()
    for result, part_use in parts:
        if batches is None:
            whole = result
        else:
            whole.merge(result)
        use.merge(part_use)
    return linter.finish(whole, use, path)


def _pool(linter: Linter, jobs: int):
    """Worker processes. Where processes fork, each starts as a copy of this one, Linter and
    phrase index included; elsewhere each builds its own from the settings."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _worker
    if "fork" in multiprocessing.get_all_start_methods():
        _worker = linter
        return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                                   initializer=quieten)
    return ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(linter.settings,))


def _init_worker(settings) -> None:
    global _worker
    from . import plugins

    _worker = Linter(settings, plugins.load(settings))
    _worker.preload()  # as the parent does for a long run
    quieten()


def _lint_in_worker(item, batch: Batch | None) -> tuple[UnitResult, SuppressionUse]:
    path, reader_name, files, data = item
    reader = next(r for r in _worker.registry.readers if r.name == reader_name)
    return _lint_safely(_worker, SourceUnit(path=path, reader=reader, files=files, data=data), batch)
