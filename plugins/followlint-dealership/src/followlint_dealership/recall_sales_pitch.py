"""DL201 recall-sales-pitch: selling to a customer in a message about a safety recall."""
from __future__ import annotations

from followlint.model import Direction
from followlint.rules.base import Example, Rule
from followlint.timeline import plain, reportable


class RecallSalesPitch(Rule):
    code = "DL201"
    name = "recall-sales-pitch"
    summary = "A message about a safety recall also pitches a sale: a trade-in, a new model, a finance deal."
    what = """
        An outbound message that talks about a recall on the customer's car (or answers a
        customer who just asked about one) and, in the same message, pitches a sale: a
        trade-in, an upgrade to a new model, a finance or lease deal, a test drive, an
        extended warranty or a service plan.
    """
    why = """
        A recall is the maker's fault, and the customer is worried about the safety of the car
        they already bought from you. Turning the recall letter into a sales call tells them
        the repair is bait. Make the repair easy first (a date, a loan car, how long it takes);
        sell when the car is fixed and the customer is happy with how you handled it: the
        moment a customer is glad of you is the moment to ask for a referral or a sale.
    """
    story = "003"
    reads = ("recall", "sales_pitch")
    bad = (
        Example(
            "Hi Dana,\n\nYour car is affected by the airbag recall, so please book the recall repair with us. "
            "While you're here, ask about our trade-in offer on the new 2027 models.\n\nMike\n"
        ),
        Example(
            "Hi Dana,\n\nThe parts are in: we can do it Tuesday at 9am. It's a good time to look at our 0% finance deals too.\n\nMike\n\n"
            "On Mon, 2 Nov 2026 at 10:00, Dana Reid <dana@example.com> wrote:\n"
            "> I got a recall letter about the brakes. When can you fix it?\n"
        ),
    )
    good = (
        Example(
            "Hi Dana,\n\nYour car is affected by the airbag recall. The repair takes about two hours and costs you nothing; "
            "I've held Tuesday 3 November at 9am for you, with a loan car.\n\nMike\n"
        ),
        Example(
            "Hi Dana,\n\nOur 0% finance deals run until the end of the month if you are thinking of a second car.\n\nMike\n"
        ),
    )
    options = {
        "customer-mentions": (True, "also flag a pitch in our reply to a customer message that mentions a recall"),
    }

    def check(self, conversation, ctx):
        last_inbound = None
        for touch in conversation.touches:
            if touch.direction is Direction.INBOUND:
                last_inbound = touch
                continue
            if not reportable(conversation, touch):
                continue
            pitch = next((s for s in touch.signals if s.kind == "sales_pitch" and plain(s)), None)
            if pitch is None:
                continue
            where, recall = touch, _recall(touch)
            if recall is None and ctx.options["customer-mentions"] and last_inbound is not None:
                where, recall = last_inbound, _recall(last_inbound)
            if recall is None:
                continue
            yield self.finding(
                conversation, touch, pitch,
                f'Sales pitch in a message about a recall: "{pitch.text}"',
                suggestion="Keep the recall message about the repair: a date, a loan car, how long it takes. Sell later.",
                evidence=[self.evidence(where, recall)],
            )


def _recall(touch):
    return next((s for s in touch.signals if s.kind == "recall" and plain(s)), None)
