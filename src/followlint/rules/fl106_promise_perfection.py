"""FL106 promise-perfection: guaranteeing that nothing will ever go wrong."""
from __future__ import annotations

from ..model import Direction
from ..timeline import plain, sent_by_us
from ..timeline.calls import call_note, writer_says
from .base import Example, Rule


TOLD = "told"  # guarantee/told: our note reports the promise made


class PromisePerfection(Rule):
    code = "FL106"
    name = "promise-perfection"
    reads = ("guarantee", "hedge")
    story = "004"
    summary = "We guarantee that a problem will never happen again or that nothing will go wrong."
    what = """
        An outbound touch that guarantees a problem will never happen again, or that nothing
        will go wrong. A promise to be there and fix it, or an honest "I can't promise it
        won't happen, but...", is fine.
    """
    why = """
        People and programmes are not perfect, so a promise of perfection is broken sooner or
        later, and with it the customer's trust. "I can't guarantee something won't go wrong,
        but I can guarantee I'll be right there to fix it" is honest and sells.
    """
    bad = (
        Example("Hi Sam,\n\nI'm so sorry about the missed delivery. I guarantee this will never happen again.\n\nLee\n"),
        Example("Hi Sam,\n\nWith our new platform nothing will go wrong, you have my word.\n\nLee\n"),
    )
    good = (
        Example("Hi Sam,\n\nI'm sorry about the missed delivery. I can't promise nothing will ever go wrong, but if it does I'll be right there to fix it.\n\nLee\n"),
    )

    known_problems = (
        'Only promises of perfection in wordings the lexicon knows are seen; one that is implied ("you won\'t have to think about it again") may be missed.',
    )

    def check(self, conversation, ctx):
        for touch in _ours(conversation):
            hedged = {s.sentence for s in touch.signals if s.kind == "hedge" and not s.negated}
            theirs = touch.direction is Direction.INBOUND  # the note of their call: our words in it
            for signal in touch.signals:
                if (signal.kind == "guarantee" and plain(signal) and signal.sentence not in hedged
                        and (not theirs or writer_says(touch, signal))):
                    yield self.finding(
                        conversation, touch, signal,
                        f'Promise of perfection: "{signal.text}"',
                        suggestion="Promise what you control: that you will be there and fix it if it happens.",
                        evidence=[self.evidence(touch, signal)],
                    )
                    break


def _ours(conversation):
    """What we said to the customer: our messages, and our CRM notes, which report it ("Told
    her it will never happen again")."""
    for _, touch in sent_by_us(conversation):
        yield touch
    for touch in conversation.touches:
        if touch.direction is Direction.INTERNAL and touch.activity and any(
                s.kind == "guarantee" and s.subtype == TOLD for s in touch.signals):
            yield touch
        elif touch.direction is Direction.INBOUND and call_note(touch):
            yield touch  # "Mrs Patel rang... Assured her nothing will go wrong"
