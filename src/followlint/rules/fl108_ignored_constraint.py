"""FL108 ignored-constraint: asking the customer for what they just said they cannot do."""
from __future__ import annotations

from ..timeline import on_topic, plain, span_topic
from .base import Example, Rule

# Which asks each kind of constraint rules out (constraint subtypes are not needed: a
# customer who cannot come in, is away or cannot log in is not helped by any of these).
ASK_KINDS = ("ask_visit", "ask_meeting", "ask_online")


class IgnoredConstraint(Rule):
    code = "FL108"
    name = "ignored-constraint"
    reads = ("constraint", *ASK_KINDS, "accommodation")
    story = "000"
    summary = "The customer stated a constraint and our reply asks for what it rules out."
    what = """
        The customer stated a constraint ("the car won't start", "I'm away until the 12th",
        "I can't log in") and our reply asks for what that rules out ("bring it in to the
        dealership", "can we meet on Tuesday?", "log in and check") without addressing it.
    """
    why = """
        In story 000 a customer whose new car would not start was told to take it in to the
        dealership. "I would if I could get the car started." A scripted answer that ignores
        what the customer just said shows that nobody listened.
    """
    bad = (
        Example(
            "Hi Ray,\n\nSorry to hear that. Please bring the car in to the dealership and we'll take a look.\n\nAmy\n\n"
            "On Tue, 3 Nov 2026 at 08:10, Ray Cole <ray@example.com> wrote:\n"
            "> My new car won't start. It's stuck in the supermarket car park.\n"
        ),
    )
    good = (
        Example(
            "Hi Ray,\n\nSorry to hear that. I've booked a tow truck to bring the car to us; it will be with you within the hour.\n\nAmy\n\n"
            "On Tue, 3 Nov 2026 at 08:10, Ray Cole <ray@example.com> wrote:\n"
            "> My new car won't start. It's stuck in the supermarket car park.\n"
        ),
    )

    def check(self, conversation, ctx):
        timeline = ctx.timeline
        for touch, constraints, reply in timeline.replies_to("constraint"):
            asks = [s for s in reply.signals if s.kind in ASK_KINDS and plain(s)]
            if not asks or any(s.kind == "accommodation" and plain(s) for s in reply.signals):
                continue
            # The constraint's own words ("printer"), not every word of its sentence ("shop").
            topic = frozenset().union(*(span_topic(c) or c.topic for c in constraints))
            ask_sentences = {a.sentence for a in asks}
            # A reply that takes the constraint up in another sentence ("since it won't start...") is fine.
            if any(i not in ask_sentences and on_topic(topic, words) for i, words in enumerate(reply.topics)):
                continue
            yield self.finding(
                conversation, reply, asks[0],
                f'Asks "{asks[0].text}" although the customer said "{constraints[0].text}"',
                suggestion="Address the constraint first (a tow, a remote session, a date after they are back).",
                evidence=[self.evidence(touch, constraints[0])],
            )
