"""Drive the engine over every source unit, serially or with --jobs worker processes."""
from __future__ import annotations

import fnmatch
import os

from .engine import Linter, Report, UnitResult, select_rules
from .model import Finding, InputError, InputProblem
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
    for unit in units:
        if unit.data is None:  # "./drafts/a.txt" (from "followlint check .") shows as "drafts/a.txt"
            unit.path = _tidy(unit.path)
            unit.files = [_tidy(f) for f in unit.files]
    if jobs > 1 and len(units) > 1:
        results = _parallel(linter, units, jobs)
    else:
        results = (_lint_safely(linter, unit) for unit in units)
    ignores = PerFileIgnores(linter.settings)
    for result in results:
        if ignores:
            result.findings = [f for f in result.findings if not ignores.ignored(f)]
        report.merge(result)
    return report


def _tidy(path: str) -> str:
    while path.startswith(("./", "." + os.sep)) and len(path) > 2:
        path = path[2:].lstrip("/" + os.sep) or "."
    return path


def _lint_safely(linter: Linter, unit: SourceUnit) -> UnitResult:
    """Lint one unit; a bug that surfaces on one input is one error line, not a lost run."""
    try:
        return linter.lint_unit(unit)
    except Exception as exc:
        if os.environ.get("FOLLOWLINT_DEBUG"):
            raise
        result = UnitResult(files=max(1, len(unit.files)))
        result.problems.append(InputProblem(
            unit.path, f"internal error while linting: {type(exc).__name__}: {exc} (set FOLLOWLINT_DEBUG=1 for details)"))
        return result


class PerFileIgnores:
    """``per-file-ignores`` globs, matched against each finding's path relative to the folder of
    the config file (or the current folder), whatever folder followlint runs from and however
    the path was given (``.``, ``./drafts``, an absolute path)."""

    def __init__(self, settings):
        self.table = dict(getattr(settings, "per_file_ignores", None) or {})
        config = getattr(settings, "config_file", "")
        self.root = os.path.dirname(os.path.abspath(config)) if config else os.getcwd()

    def __bool__(self) -> bool:
        return bool(self.table)

    def ignored(self, finding: Finding) -> bool:
        candidates = self._candidates(finding.path)
        for pattern, codes in self.table.items():
            pattern = pattern.replace("\\", "/")
            if pattern.startswith("./"):
                pattern = pattern[2:]
            if any(fnmatch.fnmatch(c, pattern) for c in candidates):
                if any(c == "ALL" or finding.code.startswith(c) or finding.name == c for c in codes):
                    return True
        return False

    def _candidates(self, path: str) -> list[str]:
        absolute = os.path.normpath(os.path.abspath(path))
        out = [path.replace("\\", "/"), os.path.basename(path), absolute.replace("\\", "/")]
        try:
            relative = os.path.relpath(absolute, self.root)
        except ValueError:  # another drive on Windows
            relative = ""
        if relative and not relative.startswith(".."):
            out.append(relative.replace("\\", "/"))
        return out


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
    return _lint_safely(_worker, SourceUnit(path=path, reader=reader, files=files, data=data))
