"""The customer's side of a two-way record: a call or meeting note of ours reports what the
customer said ("She said the contract is too long") as well as what we did.

A rep does not raise objections to their own offer or ask themselves for time to think, so a
customer's kind of signal (an objection, a request for time) in the notes of a call that
reached the customer is the customer's, said during the call. What the note reports after it
is our answer on the same call; with nothing after it, our next touch is.
"""
from __future__ import annotations

import re

from ..lexicon.words import current as current_words
from ..model import Direction, Signal, Touch
from .state import Timeline, plain

TWO_WAY = ("call", "meeting")  # a voicemail or a failed attempt reached nobody who could answer


def two_way(touch: Touch) -> bool:
    return touch.kind in TWO_WAY and touch.direction is not Direction.INTERNAL and not touch.quoted


def call_note(touch: Touch) -> bool:
    """A CRM record of a call or meeting: written by our user, whoever made the call."""
    return two_way(touch) and bool(touch.activity)


NOTE_WORD_RE = re.compile(r"\w+(?:['’]\w+)?")


def writer_says(touch: Touch, signal: Signal) -> bool:
    """In a call note, is this the note's writer's own word, ours ("Told him I'd log the claim
    and confirm within 2 days"), or the customer's it reports ("She'll talk to her partner and
    confirm by Friday")? With no subject, the writer's ("Will confirm by Fri")."""
    return said_by(touch, signal) is not False


def said_by(touch: Touch, signal: Signal) -> bool | None:
    """The last subject before the end of ``signal`` in its sentence: True for the note's
    writer ("I'd", "we"), False for the customer it reports ("she'll"), None for neither."""
    sentence = touch.sentences[signal.sentence] if signal.sentence < len(touch.sentences) else None
    start = sentence.start if sentence is not None else 0
    words = current_words()
    ours, theirs = words["writer_subject"], words["reported_subject"]
    for word in reversed(NOTE_WORD_RE.findall(touch.text[start:signal.end].lower().replace("’", "'"))):
        if word in ours:
            return True
        if word in theirs:
            return False
    return None


def customer_turns(timeline: Timeline, kind: str, hypothetical_ok: bool = False):
    """Like ``Timeline.replies_to``, with the customer's words reported in our call notes too:
    (touch, signals, reply, after) where ``after`` is the first position in the reply's text
    that answers them (0 for a reply of its own). For a call note the reply is the note itself,
    from the end of what the customer said; ``ours_before_answer`` reaches our next touch."""
    for touch, said, reply in timeline.replies_to(kind, hypothetical_ok):
        yield touch, said, reply, 0
    for touch in timeline.touches:
        if touch.direction is not Direction.OUTBOUND or not two_way(touch):
            continue
        said = [s for s in touch.signals if s.kind == kind and (plain(s) or (hypothetical_ok and not s.negated))]
        if not said:
            continue
        yield touch, said, touch, said[0].end


def ours_before_answer(timeline: Timeline, reply: Touch, limit: int = 2) -> list[Touch]:
    """``reply`` and our touches after it until the customer writes again (at most ``limit``):
    what we said before hearing back ("Understood." then, next morning, a discount)."""
    touches = timeline.touches
    at = next(i for i, t in enumerate(touches) if t is reply)
    out = [reply]
    for touch in touches[at + 1:]:
        if len(out) >= limit or touch.direction is Direction.INBOUND:
            break
        if touch.direction is Direction.OUTBOUND and not touch.quoted:
            out.append(touch)
    return out
