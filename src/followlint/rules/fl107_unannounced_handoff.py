"""FL107 unannounced-handoff: a new person from our side who does not introduce themselves."""
from __future__ import annotations

from ..model import Direction
from .base import Example, Rule


class UnannouncedHandoff(Rule):
    code = "FL107"
    name = "unannounced-handoff"
    reads = ("introduction",)
    story = "002"
    summary = "A different person from our side contacts the customer mid-conversation without introducing themselves."
    what = """
        A person from our side who has not contacted the customer before writes or calls in
        the middle of a conversation without introducing themselves, their link to the
        earlier contact and what was agreed.
    """
    why = """
        A "supervisor" calls an hour after the first rep, asks for the order and is read as the
        closer: the customer feels handled. A hand-off that is announced and carries the
        context ("I'm Dana, Sam's manager; Sam said you wanted until Friday") keeps the trust
        the first person built.
    """
    bad = (
        Example(
            "From: Dana Reyes <dana@telco.example>\n\nHi Jo,\n\nAre you ready to place the order today?\n\nDana\n\n"
            "On Tue, 3 Nov 2026 at 11:00, Jo Park <jo@example.com> wrote:\n"
            "> Thanks, I'd like to think about it over the weekend.\n>\n"
            "> On Tue, 3 Nov 2026 at 10:00, Sam <sam@telco.example> wrote:\n"
            "> > Thanks for your time today, Jo. I've emailed you the details of the new plan.\n",
        ),
    )
    good = (
        Example(
            "From: Dana Reyes <dana@telco.example>\n\nHi Jo,\n\nI'm Dana, Sam's manager. Sam told me you'd like until Friday to look at the plan, so no rush; "
            "I only wanted to add that installation is free this month.\n\nDana\n\n"
            "On Tue, 3 Nov 2026 at 11:00, Jo Park <jo@example.com> wrote:\n"
            "> Thanks, I'd like to think about it over the weekend.\n>\n"
            "> On Tue, 3 Nov 2026 at 10:00, Sam <sam@telco.example> wrote:\n"
            "> > Thanks for your time today, Jo. I've emailed you the details of the new plan.\n",
        ),
    )

    known_problems = (
        'A new person is seen when the sender (or the CRM owner) of a touch changes; a colleague writing from a shared mailbox is not a new person to it.',
        'A brand that posts from two accounts (a main one and a help one) looks like two people.',
    )

    def check(self, conversation, ctx):
        # Only senders the conversation stage told apart (an address, or a name given with one,
        # or the owner column of a CRM activity) have a person.
        ours = [t for t in conversation.touches if t.direction is Direction.OUTBOUND and t.person is not None]
        for position, touch in enumerate(ours):
            earlier = ours[:position]
            if touch.quoted or not earlier or any(e.person.key == touch.person.key for e in earlier):
                continue
            # Introduced: says how they link to the earlier contact (not only "I'm X from Y").
            if any(s.kind == "introduction" and s.subtype != "self" and not s.negated for s in touch.signals):
                continue
            if _announced(conversation, touch):
                continue
            first = earlier[0]
            yield self.finding(
                conversation, touch, None,
                f"A new person from our side ({_who(touch)}) contacts the customer without "
                f"introducing themselves or their link to {_who(first)}",
                suggestion="Introduce yourself, your link to the earlier contact and what was agreed.",
                evidence=[self.evidence(first)],
            )


def _announced(conversation, newcomer) -> bool:
    """Someone earlier brought them in: they were written to or copied, or named by a colleague."""
    name = newcomer.person.first_name
    for touch in conversation.touches:
        if touch is newcomer:
            return False
        if newcomer.party in touch.recipients:
            return True
        if name and touch.direction is Direction.OUTBOUND and name in touch.names:
            return True
    return False


def _who(touch) -> str:
    return touch.party_name or touch.party
