"""The values CRMs export: timestamps (ISO, epoch ms or s, Excel serials, local formats),
date-only values, durations (ms, s, "mm:ss", HH:MM), flags. A value that cannot be read
raises ValueError with what was expected; the reader reports the row and goes on."""
from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo

MAX_VALUE = 64  # longer is not a date or a duration, and is not worth parsing
EARLIEST, LATEST = 1900, 2200  # the years a CRM activity may have
EXCEL_EPOCH = datetime(1899, 12, 30)  # Excel's day 0 (it counts 1900 as a leap year)
NUMBER_RE = re.compile(r"[+-]?\d+(?:\.\d+)?")
DATE_ONLY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
CLOCK_RE = re.compile(r"(\d{1,3}):(\d{2})(?::(\d{2}))?")
TRUE = {"true", "yes", "y", "1", "done", "completed", "complete", "closed", "x"}
FALSE = {"false", "no", "n", "0", "open", "not started", "not_started", "in progress", "in_progress",
         "waiting", "deferred", "pending", "scheduled", ""}


def moment(value: str, zone: tzinfo, unit: str = "") -> datetime | date:
    """A point in time (aware), or a date when the value names only a day.

    ``unit`` reads bare numbers: "ms" (epoch milliseconds), "s", "excel" (serial days);
    without it, 13 digits are milliseconds, 10 seconds, and 5 with an optional fraction
    an Excel serial. A year outside EARLIEST..LATEST is a placeholder or a typo, not a date.
    """
    when = _moment(value, zone, unit)
    if not EARLIEST <= when.year <= LATEST:
        raise ValueError(f"not a plausible date: {value.strip()[:40]!r} (year {when.year})")
    return when


def _moment(value: str, zone: tzinfo, unit: str) -> datetime | date:
    text = value.strip()
    if len(text) > MAX_VALUE:
        raise ValueError(f"not a date or time: {text[:40]!r}...")
    if NUMBER_RE.fullmatch(text):
        return _number(text, zone, unit)
    if DATE_ONLY_RE.fullmatch(text):
        return date.fromisoformat(text)
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        when = _local(text)
        if when is None:
            raise ValueError(f"not a date or time: {value[:40]!r}") from None
        if isinstance(when, date) and not isinstance(when, datetime):
            return when
    return when if when.tzinfo else when.replace(tzinfo=zone)


def _number(text: str, zone: tzinfo, unit: str) -> datetime | date:
    try:
        return _from_number(text, zone, unit)
    except (OverflowError, OSError):  # beyond what a date can hold
        raise ValueError(f"not a date or time: {text[:40]!r} (out of range)") from None


def _from_number(text: str, zone: tzinfo, unit: str) -> datetime | date:
    number = float(text)
    digits = len(text.split(".")[0].lstrip("+-"))
    if unit == "excel" or (not unit and digits == 5):
        day = EXCEL_EPOCH + timedelta(days=number)
        return day.date() if number == int(number) else day.replace(tzinfo=zone)
    if unit == "ms" or (not unit and digits >= 12):
        number /= 1000
    elif unit != "s" and not (9 <= digits <= 10):
        raise ValueError(f"not a date or time: {text!r}")
    return datetime.fromtimestamp(number, tz=timezone.utc)


def _local(text: str) -> datetime | date | None:
    """Locale formats of UI exports ("11/05/2026 9:30 AM", "05.11.2026 09:30", "Nov 5, 2026")."""
    from dateutil import parser

    try:
        when = parser.parse(text, dayfirst="." in text.split(" ")[0])
    except (ValueError, OverflowError):
        return None
    has_clock = ":" in text
    return when if has_clock else when.date()


def as_datetime(value: datetime | date, zone: tzinfo) -> datetime:
    """A date-only value as a time for ordering: noon of that day in the export's zone, so
    no zone conversion moves it to another day."""
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, time(12), tzinfo=zone)


def duration(value: str, unit: str = "s") -> float:
    """Seconds from "312" (in ``unit``: ms or s), "05:12" (mm:ss, or HH:MM when unit is
    "hh:mm"), "1:05:12", "5m 12s"."""
    text = value.strip().lower()
    if len(text) > MAX_VALUE:
        raise ValueError(f"not a duration: {text[:40]!r}...")
    clock = CLOCK_RE.fullmatch(text)
    if clock:
        a, b, c = int(clock[1]), int(clock[2]), clock[3]
        if c is not None:
            return a * 3600 + b * 60 + int(c)
        return a * 3600 + b * 60 if unit == "hh:mm" else a * 60 + b
    if NUMBER_RE.fullmatch(text):
        number = float(text)
        return number / 1000 if unit == "ms" else number * 60 if unit == "min" else number
    # (?<!\d): a number is tried from its first digit only, not again from each later one.
    parts = re.findall(r"(?<!\d)(\d+(?:\.\d+)?)\s*(h|hr|hours?|m|min|minutes?|s|sec|seconds?)\b", text)
    if parts:
        scale = {"h": 3600, "m": 60, "s": 1}
        return sum(float(n) * scale[u[0]] for n, u in parts)
    raise ValueError(f"not a duration: {value[:40]!r}")


def flag(value: str) -> bool:
    text = value.strip().lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise ValueError(f"not a yes/no value: {value[:40]!r}")
