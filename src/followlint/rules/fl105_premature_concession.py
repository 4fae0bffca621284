"""FL105 premature-concession: conceding on price or terms before exploring the objection."""
from __future__ import annotations

from ..model import Direction
from ..signals.declines import COMPARISON, REFUSAL
from ..timeline import plain
from ..timeline.calls import customer_turns, ours_before_answer
from .base import Example, Rule, felt


class PrematureConcession(Rule):
    code = "FL105"
    name = "premature-concession"
    reads = ("objection", "concession", "exploration", "request", "question", "price", "decline", "value",
             "ask_business", "satisfaction", "issue", "dissatisfaction", "resolved", "sentiment")
    story = "002, 003"
    summary = "Right after an objection or decline, a concession is offered without first exploring the reason."
    what = """
        Right after the customer objects or declines, our next touch offers a concession (a
        lower price, a discount, a shorter contract, a free extra) without first asking what
        is behind the objection. An offer put as a question ("What if I knock 15% off?")
        counts; so does one in the touch after a bare "Understood", before the customer writes
        again, and one reported in call notes after the customer's objection on the call. A
        customer's answer to our price or offer that pushes back (a contrast, a denial, a
        comparison: "more than the agency we used") declines it, and a lower price than the one
        we named before is a concession, however either is worded. A concession the customer
        asked for is an answer, not a premature offer.
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
        # A lower price than ours before, after the customer turned the first down.
        Example(
            "Hi Bruno,\n\nUnderstood. I can bring it down to £0.09 a word if you confirm this week.\n\nAnna\n\n"
            "On Wed, 4 Nov 2026 at 08:40, Bruno Petit <bruno@example.com> wrote:\n"
            "> Anna, your price per word is more high than the agency we used last year.\n>\n"
            "> On Tue, 3 Nov 2026 at 14:00, Anna <anna@words.example> wrote:\n"
            "> > For the 18,000 words our quote is £0.12 a word, delivered in 10 working days.\n"
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
        'A decline not read as an objection is found only in the customer\'s answer to a touch of ours that offers (a price, an offer, a proposal) and asks them nothing, or, with our offer out of view, when it compares prices or refuses in words ("we\'ll have to decline"); a decline reported in our own call note ("said they\'re happy with their current roaster") is not.',
        'A lower price counts when it is between 40% and 100% of a price we named before: a lower price for another item in that range reads as a concession.',
    )

    def check(self, conversation, ctx):
        timeline = ctx.timeline
        for touch, objections, first, after in _objections(timeline):
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
                concessions += _lower_prices(timeline, touch, reply, start)
                if concessions:
                    objection = objections[0]
                    said = f'objection ("{objection.text}")' if objection is not None else "decline of our offer"
                    yield self.finding(
                        conversation, reply, concessions[0],
                        f'Concession ("{concessions[0].text}") right after the customer\'s {said} without exploring it',
                        suggestion="Ask what is behind the objection before offering anything.",
                        evidence=[self.evidence(touch, objection)],
                    )
                    break


def _objections(timeline):
    """The customer's objections (``customer_turns``), and their declines of an offer of ours
    where no objection was read: a message answering our price, offer or proposal that turns it
    down ("your price is more high than the agency we used", "Thanks for the proposal but we've
    decided to stay with the council") with a contrast, a denial or a comparison, and neither
    accepts nor complains (a remedy for a complaint is no concession). The objection is then None."""
    seen = set()
    for turn in customer_turns(timeline, "objection", hypothetical_ok=True):
        seen.add(id(turn[0]))
        yield turn
    for index, touch in enumerate(timeline.touches):
        if touch.direction is not Direction.INBOUND or id(touch) in seen or not _declines(touch):
            continue
        offer = next((t for t in reversed(timeline.touches[:index]) if t.direction is Direction.OUTBOUND), None)
        following = timeline.next_outbound(index)
        if following is None or following[1].quoted:
            continue
        # Our offer out of view (a draft quoting only their answer): a comparison with another
        # supplier's price ("It works out cheaper for us") or a refusal in words ("We've decided
        # against running the scheme") answers one.
        if not (_offers(offer) if offer is not None else _turns_down(touch)):
            continue
        yield touch, [None], following[1], 0


OFFERING = ("price", "concession", "ask_business")


def _offers(touch) -> bool:
    """Does our touch make an offer, and not ask the customer about their needs or reasons (their
    answer to "what does the other agency charge?" is no decline, whatever "but" it has)?"""
    if any(s.kind in ("exploration", "question") and not s.negated for s in touch.signals):
        return False
    return any((s.kind in OFFERING or (s.kind == "value" and s.subtype in ("offer", "proposal"))) and not s.negated
               for s in touch.signals)


ACCEPTING = ("satisfaction", "ask_business", "issue", "dissatisfaction", "resolved")


def _turns_down(touch) -> bool:
    return any(s.kind == "decline" and s.subtype in (COMPARISON, REFUSAL) for s in touch.signals)


def _declines(touch) -> bool:
    # A feeling in the sentence that turns us down is its tone ("it's a bit rich for me this
    # year"); warmth elsewhere may accept ("Love the design, but...").
    declining = {s.sentence for s in touch.signals if s.kind == "decline"}
    if any(s.kind in ACCEPTING and plain(s) for s in touch.signals) or any(
            felt(s, "positive") and s.sentence not in declining for s in touch.signals):
        return False
    return any(s.kind == "decline" for s in touch.signals)


# A price this much lower than one we named before is that price lowered, not another item's.
LOWEST_SHARE = 0.4


def _lower_prices(timeline, objecting, reply, start: int):
    """Prices in our reply lower than a price we named before the customer turned it down."""
    earlier = [s.amount for t in timeline.touches[:timeline.touches.index(objecting)]
               if t.direction is Direction.OUTBOUND for s in t.signals if s.kind == "price" and s.amount]
    return [s for s in reply.signals if s.kind == "price" and s.start >= start and s.amount
            and any(LOWEST_SHARE * before <= s.amount < before for before in earlier)]


def _asked_for(touch, before: int) -> bool:
    """The customer asked for the concession ("Could you do it on a 12-month term?"): giving
    it is an answer, not a premature offer."""
    asking = {s.sentence for s in touch.signals if s.kind in ("request", "question") and not s.negated}
    return any(s.kind == "concession" and s.sentence in asking and (not before or s.end <= before)
               for s in touch.signals)
