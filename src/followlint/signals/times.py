"""Resolve a time expression ("in 3 business days", "Friday", "next week", "the 12th") to a date.

Relative to the date and zone of the touch that says it, with python-dateutil's relativedelta.
An expression that cannot be resolved gives None: the commitment stays, without a due date.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "couple": 2, "few": 3}
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
          "sep": 9, "oct": 10, "nov": 11, "dec": 12}
WORDS_RE = re.compile(r"[a-z]+|\d+")
ISO_DATE_RE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})\b")


def resolve(expression: str, base: datetime) -> date | None:
    try:
        return _resolve(expression, base)
    except (OverflowError, ValueError):
        return None  # past the end of the calendar ("in 99999999 days", a base in year 9999)


def _resolve(expression: str, base: datetime) -> date | None:
    from dateutil.relativedelta import relativedelta

    iso = ISO_DATE_RE.match(expression)  # a due date from a CRM task
    if iso:
        try:
            return date(*map(int, iso.groups()))
        except ValueError:
            return None
    words = WORDS_RE.findall(expression.lower())
    if not words:
        return None
    day = base.date()
    text = " ".join(words)
    if "day after tomorrow" in text:
        return day + timedelta(days=2)
    if "tomorrow" in words:
        return day + timedelta(days=1)
    if words[0] in ("today", "tonight", "eod") or text in ("this afternoon", "this evening", "this morning", "later today", "end of day"):
        return day
    counted = [w for w in words if w.isdigit() or w in NUMBERS]
    vague = [w for w in counted if w in ("couple", "few")]  # "a couple of": the "a" is not 1
    number = NUMBERS[vague[0]] if vague else (int(counted[0]) if counted and counted[0].isdigit() else (NUMBERS[counted[0]] if counted else None))
    if "fortnight" in words or "fortnights" in words:
        words = ["week" if w.startswith("fortnight") else w for w in words]
        number = 2 * (number or 1)
    unit = next((w for w in words if w.rstrip("s") in ("day", "week", "hour", "month")), None)
    relative = words[0] in ("in", "within", "give", "next") or (words[0] == counted[0] if counted else False)
    if unit and number is not None and relative and "ago" not in words:
        unit = unit.rstrip("s")
        if unit == "hour":
            return (base + timedelta(hours=number)).date()
        if unit == "day":
            return add_business_days(day, number) if ("business" in words or "working" in words) else day + timedelta(days=number)
        if unit == "week":
            return day + timedelta(weeks=number)
        return day + relativedelta(months=number)
    if "end" in words and unit:
        if unit.startswith("week"):
            return day + timedelta(days=(4 - day.weekday()) % 7)
        if unit.startswith("month"):
            return day + relativedelta(day=31)
        return day
    weekday = next((WEEKDAYS[w[:3]] for w in words if w[:3] in WEEKDAYS and _is_weekday(w)), None)
    if weekday is not None:
        ahead = (weekday - day.weekday()) % 7 or 7
        target = day + timedelta(days=ahead)
        if "next" in words and target.isocalendar()[1] == day.isocalendar()[1]:
            target += timedelta(days=7)
        elif "following" in words:
            target += timedelta(days=7)
        return target
    if ("next" in words or "following" in words) and unit:
        if unit.startswith("week"):
            return day + timedelta(days=7 - day.weekday())
        if unit.startswith("month"):
            return (day + relativedelta(months=1)).replace(day=1)
    month = next((MONTHS[w[:3]] for w in words if w[:3] in MONTHS and _is_month(w)), None)
    number_day = next((int(w) for w in words if w.isdigit() and 1 <= int(w) <= 31), None)
    if number_day is not None and (month is not None or words[0] == "the" or "the" in words):
        month = month or day.month
        try:
            target = date(day.year, month, number_day)
        except ValueError:
            return None
        if target < day:
            target = target + relativedelta(years=1) if month != day.month or words[0] != "the" else target + relativedelta(months=1)
        return target
    return None


def add_business_days(day: date, count: int) -> date:
    if count > 5:  # whole weeks at once (each has 5 business days), so a huge count is quick
        weeks = (count - 1) // 5
        day += timedelta(weeks=weeks)
        count -= 5 * weeks
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def _is_weekday(word: str) -> bool:
    return word in ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun") or word.endswith("day")


def _is_month(word: str) -> bool:
    return len(word) >= 3 and any(full.startswith(word) for full in (
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "sept"))
