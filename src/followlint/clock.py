"""The one place followlint reads the wall clock.

A run's reference time is ``--now`` when given, else the current time from here. Everything that
needs "today" (the default ``--now``, the year of a quoted date that names none, an audit's
run stamp) asks this module, so a test can move "today" in one place and show that a verdict
given with ``--now`` never depends on the day it runs.
"""
from __future__ import annotations

from datetime import datetime, timezone


def current_time() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(timezone.utc)
