"""Progress on stderr for long runs (a big mailbox, a folder tree, an IMAP fetch), drawn by
rich's progress display. Shown only when stderr is a terminal and the run asked for it; a
pipe, a CI log or -q gets nothing."""
from __future__ import annotations

import sys


class Silent:
    """What a run without a progress display advances: nothing."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def advance(self, amount: float = 1) -> None:
        pass


class Shown(Silent):
    """One task: a label, a bar, the share done, the count (or bytes) and the time left. It is
    cleared when the run ends, so what stays on the terminal is the report."""

    def __init__(self, label: str, total: float, in_bytes: bool = False):
        from rich.console import Console
        from rich.progress import (BarColumn, DownloadColumn, MofNCompleteColumn, Progress, TaskProgressColumn,
                                   TextColumn, TimeRemainingColumn)

        count = DownloadColumn() if in_bytes else MofNCompleteColumn()
        self._display = Progress(TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(), count,
                                 TimeRemainingColumn(), console=Console(file=sys.stderr), transient=True)
        self._task = self._display.add_task(label, total=total)

    def __enter__(self):
        self._display.start()
        return self

    def __exit__(self, *exc):
        self._display.stop()
        return False

    def advance(self, amount: float = 1) -> None:
        self._display.advance(self._task, amount)


def progress(label: str, total: float, wanted: bool, in_bytes: bool = False) -> Silent:
    """A progress display for ``total`` (items, or bytes with ``in_bytes``) when ``wanted`` and
    stderr is a terminal; else one that shows nothing."""
    if not wanted or total <= 0 or not sys.stderr.isatty():
        return Silent()
    return Shown(label, total, in_bytes)
