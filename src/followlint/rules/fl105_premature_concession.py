"""FL105 premature-concession: conceding on price or terms before exploring the objection."""
from __future__ import annotations

from ..timeline.calls import customer_turns, ours_before_answer
from .base import Example, Rule


class PrematureConcession(Rule):
    code = "FL105"
    name = "premature-concession"
    reads = ("objection", "concession", "exploration", "request", "question")
    story = "002, 003"
    summary = "Right after an objection or decline, a concession is offered without first exploring the reason."
    what = """
        Right after the customer objects or declines, our next touch offers a concession (a
        lower price, a discount, a shorter contract, a free extra) without first asking what
        is behind the objection. An offer put as a question ("What if I knock 15% off?")
        counts; so does one in the touch after a bare "Understood", before the customer writes
        again, and one reported in call notes after the customer's objection on the call. A
        concession the customer asked for is an answer, not a premature offer.
    """
    why = """
        A customer says the contract is too long and is at once offered a shorter one; he
        declines, uneasy: "what else can they compromise on?". A rep who lowers the price at
        every hesitation teaches the customer to hesitate. Conceding too fast costs margin and
        trust; asking about the reason first often finds an answer that costs nothing.
    """
    bad = (
        Example(
            "Hi Jo,\n\nUnderstood. I can offer you a 12-month contract instead, and waive the setup fee.\n\nKim\n\n"
            "On Tue, 3 Nov 2026 at 16:00, Jo Park <jo@example.com> wrote:\n"
            "> I've looked it over and the contract is too long for us.\n"
        ),
        Example(
            "Hi Sam,\n\nWhat if I matched your current supplier's price and threw in the first month free?\n\nKim\n\n"
            "On Tue, 3 Nov 2026 at 16:00, Sam Lee <sam@example.com> wrote:\n"
            "> Thanks, but we'll stay with our current supplier.\n"
        ),
    )
    good = (
        Example(
            "Hi Jo,\n\nThanks for telling me. Can I ask what makes the length a problem: the commitment itself, or something coming up next year?\n\nKim\n\n"
            "On Tue, 3 Nov 2026 at 16:00, Jo Park <jo@example.com> wrote:\n"
            "> I've looked it over and the contract is too long for us.\n"
        ),
    )

    known_problems = (
        "The objection must be in the customer's own touch or reported in our call note; an objection said on a call whose notes do not report it is invisible.",
        'Any question about the objection between it and the concession counts as exploring it, however thin.',
    )

    def check(self, conversation, ctx):
        timeline = ctx.timeline
        for touch, objections, first, after in customer_turns(timeline, "objection", hypothetical_ok=True):
            if _asked_for(touch, after):
                continue
            for reply in ours_before_answer(timeline, first):
                start = after if reply is first else 0
                # A question back explores the objection, before or after an offer in the same touch.
                if any(s.kind == "exploration" and not s.negated and s.start >= start for s in reply.signals):
                    break
                # An offer put as a question or on a condition ("What if I knock 15% off?", "25%
                # off if we sign by the 20th") is still a concession; one we say we cannot make is not.
                # In the note, the objection's own sentence names what they object to ("declined:
                # doesn't want to be locked into a 24-month contract"), not what we give.
                objected = {o.sentence for o in objections} if reply is touch else set()
                concessions = [s for s in reply.signals if s.kind == "concession" and not s.negated
                               and s.start >= start and s.sentence not in objected]
                if concessions:
                    yield self.finding(
                        conversation, reply, concessions[0],
                        f'Concession ("{concessions[0].text}") right after the customer\'s objection ("{objections[0].text}") without exploring it',
                        suggestion="Ask what is behind the objection before offering anything.",
                        evidence=[self.evidence(touch, objections[0])],
                    )
                    break


def _asked_for(touch, before: int) -> bool:
    """The customer asked for the concession ("Could you do it on a 12-month term?"): giving
    it is an answer, not a premature offer."""
    asking = {s.sentence for s in touch.signals if s.kind in ("request", "question") and not s.negated}
    return any(s.kind == "concession" and s.sentence in asking and (not before or s.end <= before)
               for s in touch.signals)
