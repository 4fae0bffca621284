"""Signals a CRM activity carries by its structure rather than its words.

An open task with a due date is our promise to act by then, whatever its subject says:
"Plates" due Friday is as much a commitment as "I'll call you back about the plates on Friday".
A task to call or one whose subject asks for a call is a promised contact (a callback).
"""
from __future__ import annotations

from ..model import Signal, Touch


def task_signals(touch: Touch, said: list[Signal], words) -> list[Signal]:
    """``words``: the loaded word lists, for the words that mark a call
    (``crm_call_activity`` in the activity type, ``crm_call_verb`` starting the subject)."""
    if touch.kind != "task" or touch.done is not False or touch.due is None:
        return []
    first = touch.sentences[0] if touch.sentences else None
    start, end = (first.start, first.end) if first else (0, 0)
    calls = any(word in touch.activity for word in words["crm_call_activity"]) or any(
        s.kind == "callback" and s.sentence == 0 for s in said) or _asks_for_a_call(touch.text, words["crm_call_verb"])
    return [Signal(kind="callback" if calls else "commitment", subtype="task", start=start, end=end,
                   text=touch.text[start:end], sentence=0, when=touch.due.date().isoformat())]


def _asks_for_a_call(text: str, verbs: frozenset[str]) -> bool:
    """A subject that starts with a call ("Call Bea back about the invoice", "Ring Jo re: quote")."""
    words = text[:40].lower().split()
    return bool(words) and words[0].strip(":-") in verbs
