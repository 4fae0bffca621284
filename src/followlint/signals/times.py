"""Resolve a time expression ("in 3 business days", "Friday", "next week", "the 12th") to a date.

Relative to the date and zone of the touch that says it, with python-dateutil's relativedelta.
An expression that cannot be resolved gives None: the commitment stays, without a due date.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from ..lexicon.words import MONTHS, WEEKDAYS, current as current_words

WORDS_RE = re.compile(r"[^\W\d_]+|\d+")
ISO_DATE_RE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})\b")


class TimeWords:
    """The calendar words of the loaded vocabularies (``followlint.lexicon.words``), as lookups."""

    def __init__(self, words):
        members = words.members
        self.numbers = {w: int(n) for n, found in members("number").items() for w in found}
        vague = {w: int(n) for n, found in members("vague_number").items() for w in found}
        self.numbers.update(vague)
        self.vague = frozenset(vague)
        self.weekdays = {w: WEEKDAYS.index(day) for day, found in members("weekday").items() for w in found}
        self.months = {w: MONTHS.index(month) + 1 for month, found in members("month").items() for w in found}
        self.units = {w: unit for unit, found in members("unit").items() for w in found}
        time = members("time")
        for role in ("today", "tomorrow", "day_after_tomorrow", "relative", "ago", "business", "end", "next",
                     "following", "article"):
            setattr(self, role, time.get(role, frozenset()))


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
    known = current_words().memo(TimeWords)
    day = base.date()
    text = " ".join(words)
    if any(said in text for said in known.day_after_tomorrow):
        return day + timedelta(days=2)
    if not known.tomorrow.isdisjoint(words):
        return day + timedelta(days=1)
    weekday = next((known.weekdays[w] for w in words if w in known.weekdays), None)
    if (words[0] in known.today or text in known.today) and weekday is None:  # not "eod Friday"
        return day
    numbers = known.numbers
    counted = [w for w in words if w.isdigit() or w in numbers]
    vague = [w for w in counted if w in known.vague]  # "a couple of": the "a" is not 1
    number = numbers[vague[0]] if vague else (int(counted[0]) if counted and counted[0].isdigit() else (numbers[counted[0]] if counted else None))
    units = [known.units[w] for w in words if w in known.units]
    if "fortnight" in units:
        units = ["week" if u == "fortnight" else u for u in units]
        number = 2 * (number or 1)
    unit = units[0] if units else None
    relative = words[0] in known.relative or (words[0] == counted[0] if counted else False)
    if unit and number is not None and relative and known.ago.isdisjoint(words):
        if unit == "hour":
            return (base + timedelta(hours=number)).date()
        if unit == "day":
            return add_business_days(day, number) if not known.business.isdisjoint(words) else day + timedelta(days=number)
        if unit == "week":
            return day + timedelta(weeks=number)
        return day + relativedelta(months=number)
    says_following = not known.following.isdisjoint(words)
    says_next = not known.next.isdisjoint(words)
    if not known.end.isdisjoint(words) and unit and not (unit == "day" and weekday is not None):
        if unit == "week":
            return day + timedelta(days=(4 - day.weekday()) % 7)
        if unit == "month":
            return day + relativedelta(day=31)
        return day
    if weekday is not None:
        ahead = (weekday - day.weekday()) % 7 or 7
        target = day + timedelta(days=ahead)
        if says_next and target.isocalendar()[1] == day.isocalendar()[1]:
            target += timedelta(days=7)
        elif says_following:
            target += timedelta(days=7)
        return target
    if (says_next or says_following) and unit:
        if unit == "week":
            return day + timedelta(days=7 - day.weekday())
        if unit == "month":
            return (day + relativedelta(months=1)).replace(day=1)
    month = next((known.months[w] for w in words if w in known.months), None)
    number_day = next((int(w) for w in words if w.isdigit() and 1 <= int(w) <= 31), None)
    if number_day is not None and (month is not None or not known.article.isdisjoint(words)):
        month = month or day.month
        try:
            target = date(day.year, month, number_day)
        except ValueError:
            return None
        if target < day:
            target = target + relativedelta(years=1) if month != day.month or words[0] not in known.article else target + relativedelta(months=1)
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
