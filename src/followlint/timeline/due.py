"""Due dates: each time expression resolved once, onto the signal that carries it.

A "when" signal ("Friday", "in 3 business days") and a promise that names a time ("I'll call
you back in 3 days") get the date they mean, relative to the date and zone of the touch that
says them (--now for an undated draft). Rules read ``Signal.due``; they never resolve.
"""
from __future__ import annotations

from datetime import date, datetime

from ..model import Conversation, Signal, Touch
from ..signals.times import resolve


def resolve_times(conversation: Conversation, now: datetime) -> None:
    for touch in conversation.touches:
        base = touch.time or now
        for signal in touch.signals:
            expression = signal.text if signal.kind == "when" else signal.when
            if expression:
                signal.due = resolve(expression, base)


def agreed_date(touch: Touch, signal: Signal) -> date | None:
    """When a promised contact is due. A date said in full in the same sentence wins over the
    nearest time word ("Thursday the 26th" is the 26th, "Monday the 16th" the 16th)."""
    if not signal.when:
        return None
    if signal.subtype == "task":
        return signal.due  # the task's own due date, not a date its subject mentions
    for other in touch.signals:
        if (other.kind == "when" and other.sentence == signal.sentence and any(c.isdigit() for c in other.text)
                and other.due is not None):
            return other.due
    return signal.due
