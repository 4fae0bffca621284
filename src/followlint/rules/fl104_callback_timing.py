"""FL104 callback-timing: the agreed time for the next contact, broken."""
from __future__ import annotations

from datetime import timedelta

from ..model import Direction
from ..timeline import plain
from .base import Example, Rule


class CallbackTiming(Rule):
    code = "FL104"
    name = "callback-timing"
    story = "002"
    summary = "An agreed time for the next contact is broken: too early without saying so, or missed."
    what = """
        An agreed time for the next contact ("I'll call you back in 3 days", "call me Friday",
        "give me till next week") is broken: our next touch comes before it without
        acknowledging it ("I know I said Thursday, but..."), or the time passes beyond a grace
        period with no touch from us. Times resolve against the promising touch's own date.
    """
    why = """
        In story 002 the supervisor offered to call back in three days and called the next
        morning with no reference to it: the customer, who had asked for time to think, felt
        pushed and declined. Keeping the agreed time, or saying why you break it, is what
        makes the next call welcome.
    """
    bad = (
        Example(
            "Hi Jo,\n\nAre you ready to switch today? I can process the order right away.\n\nKim\n\n"
            "On Tue, 3 Nov 2026 at 16:00, Kim <kim@telco.example> wrote:\n"
            "> No problem, I'll call you back in 3 days once you've had time to think.\n",
            now="2026-11-04T09:00:00+00:00",
        ),
    )
    good = (
        Example(
            "Hi Jo,\n\nI know I said I'd call on Friday, but I wanted you to know the offer now includes free installation.\n\nKim\n\n"
            "On Tue, 3 Nov 2026 at 16:00, Kim <kim@telco.example> wrote:\n"
            "> No problem, I'll call you back in 3 days once you've had time to think.\n",
            now="2026-11-04T09:00:00+00:00",
        ),
        Example(
            "Hi Jo,\n\nAs agreed, here is the comparison of the two plans: https://telco.example/plans\n\nKim\n\n"
            "On Tue, 3 Nov 2026 at 16:00, Kim <kim@telco.example> wrote:\n"
            "> No problem, I'll call you back in 3 days once you've had time to think.\n",
            now="2026-11-06T09:00:00+00:00",
        ),
    )
    options = {
        "grace-days": (2, "days past the agreed date before a missed contact is reported"),
    }

    def check(self, conversation, ctx):
        timeline = ctx.timeline(conversation)
        touches = conversation.touches
        grace = timedelta(days=ctx.options["grace-days"])
        for agreement in timeline.agreements:
            if agreement.due is None:
                continue
            nxt = next(((i, t) for i, t in enumerate(touches) if i > agreement.index), None)
            ours = timeline.next_outbound(agreement.index)
            if nxt is not None and nxt[1].direction is Direction.INBOUND and nxt[0] < (ours[0] if ours else len(touches)):
                continue  # the customer spoke first: the plan may have changed
            evidence = [self.evidence(agreement.touch, agreement.signal)]
            due_text = agreement.due.isoformat()
            if ours is not None:
                index, touch = ours
                when = timeline.when(touch).date()
                if touch.quoted:
                    continue
                acknowledged = any(s.kind == "acknowledgement" and plain(s) for s in touch.signals)
                if when < agreement.due and not acknowledged:
                    yield self.finding(
                        conversation, touch, None,
                        f'This contact comes before the agreed time ({due_text}, "{agreement.signal.text} {agreement.signal.when}") without acknowledging it',
                        suggestion='Wait for the agreed time, or say why you are early ("I know I said Friday, but...").',
                        evidence=evidence,
                    )
                elif when > agreement.due + grace and not acknowledged:
                    yield self.finding(
                        conversation, touch, None,
                        f'This contact comes after the agreed time ({due_text}, "{agreement.signal.text} {agreement.signal.when}") without acknowledging the delay',
                        suggestion="Keep agreed times; when late, own it before anything else.",
                        evidence=evidence,
                    )
            elif agreement.touch.direction is Direction.OUTBOUND or _customer_asked_us(agreement):
                if ctx.now.date() > agreement.due + grace and not agreement.touch.quoted:
                    yield self.finding(
                        conversation, agreement.touch, agreement.signal,
                        f"The agreed contact time ({due_text}) has passed with no touch from us",
                        suggestion="Make the promised contact now, and apologise for the delay.",
                        evidence=evidence,
                    )


def _customer_asked_us(agreement) -> bool:
    return agreement.signal.text.lower().startswith(("call me", "ring me", "phone me", "email me", "text me", "contact me"))
