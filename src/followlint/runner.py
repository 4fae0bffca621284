"""Drive the engine over every source unit, serially or with --jobs worker processes."""
from __future__ import annotations

from .engine import Linter, Report, UnitResult, select_rules
from .model import InputError, InputProblem
from .sources.base import SourceUnit

_worker: Linter | None = None


def run(linter: Linter, paths: list[str], stdin: tuple[str, bytes] | None, jobs: int) -> Report:
    report = Report(rules=select_rules(linter.registry, linter.settings))
    units: list[SourceUnit] = []

    def on_error(error: InputError) -> None:
        report.problems.append(InputProblem(error.path, error.message))

    if stdin is not None:
        try:
            units.append(linter.discovery.stdin_unit(*stdin))
        except InputError as exc:
            on_error(exc)
    units.extend(linter.discovery.units(paths, on_error))
    if jobs > 1 and len(units) > 1:
        results = _parallel(linter, units, jobs)
    else:
        results = map(linter.lint_unit, units)
    for result in results:
        report.merge(result)
    return report


def _parallel(linter: Linter, units: list[SourceUnit], jobs: int):
    from concurrent.futures import ProcessPoolExecutor

    names = {id(r): r.name for r in linter.registry.readers}
    work = [(u.path, names[id(u.reader)], u.files, u.data) for u in units]
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(linter.settings,)) as pool:
        yield from pool.map(_lint_in_worker, work, chunksize=max(1, len(work) // (jobs * 8)))


def _init_worker(settings) -> None:
    global _worker
    from . import plugins

    _worker = Linter(settings, plugins.load(settings))


def _lint_in_worker(item) -> UnitResult:
    path, reader_name, files, data = item
    reader = next(r for r in _worker.registry.readers if r.name == reader_name)
    return _worker.lint_unit(SourceUnit(path=path, reader=reader, files=files, data=data))
