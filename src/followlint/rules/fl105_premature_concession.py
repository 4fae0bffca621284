"""FL105 premature-concession: conceding on price or terms before exploring the objection."""
from __future__ import annotations

from ..timeline import plain
from .base import Example, Rule


class PrematureConcession(Rule):
    code = "FL105"
    name = "premature-concession"
    reads = ("objection", "concession", "exploration")
    story = "002, 003"
    summary = "Right after an objection or decline, a concession is offered without first exploring the reason."
    what = """
        Right after the customer objects or declines, our next touch offers a concession (a
        lower price, a discount, a shorter contract, a free extra) without first asking what
        is behind the objection.
    """
    why = """
        In story 002 the customer said the contract was too long and was at once offered a
        shorter one; he declined, uneasy: "what else can they compromise on?". In story 003
        the rep kept lowering his price. Conceding too fast costs margin and trust; asking
        about the reason first often finds an answer that costs nothing.
    """
    bad = (
        Example(
            "Hi Jo,\n\nUnderstood. I can offer you a 12-month contract instead, and waive the setup fee.\n\nKim\n\n"
            "On Tue, 3 Nov 2026 at 16:00, Jo Park <jo@example.com> wrote:\n"
            "> I've looked it over and the contract is too long for us.\n"
        ),
    )
    good = (
        Example(
            "Hi Jo,\n\nThanks for telling me. Can I ask what makes the length a problem: the commitment itself, or something coming up next year?\n\nKim\n\n"
            "On Tue, 3 Nov 2026 at 16:00, Jo Park <jo@example.com> wrote:\n"
            "> I've looked it over and the contract is too long for us.\n"
        ),
    )

    def check(self, conversation, ctx):
        timeline = ctx.timeline
        for touch, objections, reply in timeline.replies_to("objection", hypothetical_ok=True):
            concessions = [s for s in reply.signals if s.kind == "concession" and plain(s)]
            explores = any(s.kind == "exploration" and not s.negated for s in reply.signals)
            if concessions and not explores:
                yield self.finding(
                    conversation, reply, concessions[0],
                    f'Concession ("{concessions[0].text}") right after the customer\'s objection ("{objections[0].text}") without exploring it',
                    suggestion="Ask what is behind the objection before offering anything.",
                    evidence=[self.evidence(touch, objections[0])],
                )
