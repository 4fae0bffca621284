"""FL101 no-value-reason: the "just checking in" follow-up with nothing to offer."""
from __future__ import annotations

from ..model import Direction, Severity, Touch
from ..timeline import plain, sent_by_us
from .base import Example, Rule

# Filler, context and asks that serve us rather than the customer: none of it is a reason to call.
FILLER_KINDS = {"pleasantry", "boilerplate", "nudge", "referral_ask", "ask_business", "context"}
# A sentence with one of these is about checking in (or asking the customer), whatever its length.
CHECKIN_KINDS = {"checkin", "nudge", "question"}
# A sentence that asks ("any news on the install?", "let me know where you've landed") asks for
# news, answers or documents; it gives none. A slot or an offer is given even in a question.
ASKING_KINDS = {"nudge", "question"}
GIVEN_WHEN_ASKING = {"proposal", "offer"}
# "Our care team will follow up with you", "send us your account email so we can follow up with
# you": a promise or a hand-off of work on the customer's point, in check-in words. Whether it is
# kept is FL103's and FL104's business.
PROMISING_KINDS = {"commitment", "handoff"}
CHASE = "chase"  # checkin/chase: "just following up on the quote below"
WISH = "wish"  # checkin/wish: "hope things are going well at Acme"
OFFERED = {"offer", "proposal", "resource"}  # what a chaser presses the customer to decide on


class NoValueReason(Rule):
    code = "FL101"
    name = "no-value-reason"
    reads = ("checkin", "commitment", "handoff", "value", "nudge", "question", "pleasantry", "boilerplate",
             "referral_ask", "ask_business", "context", "reported", "price")
    severity = Severity.WARNING
    story = "003"
    summary = "A follow-up whose only purpose is to check in, with nothing of value for the customer."
    what = """
        An outbound touch that checks in, touches base, "makes sure everything is OK" or asks how
        it's going, and carries nothing else: no update on something pending, no answer, no news,
        no resource or link, no offer and no concrete proposal. A check-in that carries any of
        these is fine. Asking for the customer's news ("any updates on your side?") gives none;
        nor do an offer with nothing named ("anything I can help with, just shout"), a pointer
        back at what was sent before, a template placeholder or a closing nicety.
    """
    why = """
        A customer reads "just checking in" as a thin cover for the rep's own motive: a car
        dealer who leaves voicemail after voicemail about "making sure everything is OK with
        the car", and then asks for referrals, is heard as wanting something. Calls like that go
        unreturned. Every touch should leave the customer better off than before it: give them
        a reason to be glad you called.
    """
    bad = (
        Example("Hi Dana,\n\nJust wanted to make sure everything is OK with the car. Give me a call!\n\nMike\n"),
        Example("Hi Sam,\n\nJust checking in to see how things are going. Let me know if you need anything.\n\nThanks,\nPriya\n"),
        Example("Hello Ms Ortiz,\n\nI wanted to touch base and see how you're getting on with the new system.\n\nBest regards,\nTom\n"),
        # A voucher for each friend referred is the referral ask's bait, not something for them.
        Example("Hi Jo,\n\nJust wanted to make sure the new dryer is working well for you.\n\n"
                "You can earn a $25 credit for every friend you refer. Share your personal link: "
                "https://shop.example/r/jo42\n\nBest,\nKim\n"),
        # Asking for their news is not giving ours, and a closing nicety does not add any.
        Example("Hi Lee,\n\nJust checking in! Any updates on your side? Keen to hear where you've landed.\n\n"
                "No rush, would love to hear back whenever suits.\n\nHave a great weekend,\nAna\n"),
        # A referral ask is ours to gain, however long: no reason for the customer.
        Example("Hi Sam,\n\nJust touching base to see how you're getting on with the new frames. And if you know anyone "
                "else with artwork gathering dust in a drawer, we'd love it if you passed on our name!\n\nPriya\n"),
    )
    good = (
        Example("Hi Sam,\n\nJust checking in on the new export feature: you can turn it on here https://example.com/export\n\nThanks,\nPriya\n"),
        Example("Hi Dana,\n\nGood news: your plates have arrived. I can drop them off Thursday at 4pm if that suits you.\n\nMike\n"),
        Example("Hi Priya,\n\nThe patch for the duplicate invoices is live since this morning, so Friday's run will be clean.\n\nThanks,\nSam\n"),
        # A promise or a hand-off in check-in words: whether it is kept is FL103's business.
        Example("Hi Sam,\n\nThanks for the account details. Our billing team will follow up with you.\n\nPriya\n"),
        # Asking the customer to reach out is an offer, not our check-in.
        Example("Hi Sam,\n\nGlad the update worked. Just reach out again if you need help with it.\n\nPriya\n"),
        # Chasing a quote we sent and nobody answered: pressing for a decision is FL109's business.
        Example("Hi Sam,\n\nJust following up on the quote below. Let me know!\n\nPriya\n\n"
                "On Mon, 2 Nov 2026 at 09:00, Priya Shah <priya@frames.example> wrote:\n"
                "> Hi Sam, here is the quote for the twelve frames: £480 including fitting.\n"),
    )
    options = {
        "max-filler-words": (16, "a sentence with a pleasantry, boilerplate, context or chaser phrase and at most this many words is filler"),
        "short-sentence-words": (4, "a sentence this short (a greeting, a name) never counts as content"),
    }

    known_problems = (
        'What a message does is read from phrase families of the lexicon: a check-in worded outside them is missed, and small talk that sounds like news ("hope you\'re keeping warm now the cold snap is here") can pass for content.',
        'A wish about the product ("hope the new car is treating you well") is taken for small talk, not a check-in.',
        "Any concrete slot, price, link or attachment counts as value; whether it is worth the customer's time is not judged.",
        'A chaser ("just following up on the quote below", "circling back on this one") after an offer of ours the customer has not answered is left to FL109; the same words with nothing pending are a check-in.',
    )

    def check(self, conversation, ctx):
        for index, touch in sent_by_us(conversation):
            promising = {s.sentence for s in touch.signals if s.kind in PROMISING_KINDS and not s.negated}
            checkins = [s for s in touch.signals if s.kind == "checkin" and not (s.negated or s.hypothetical)
                        and s.sentence not in promising]
            if not checkins or _gives_value(touch) or _asks_for_the_business(touch):
                continue
            if all(s.subtype == CHASE for s in checkins) and _offer_pending(conversation.touches[:index]):
                continue  # chasing our quote: pressing for a decision is FL109's business
            if all(s.subtype == WISH for s in checkins) and any(s.kind == "referral_ask" and plain(s) for s in touch.signals):
                continue  # "Hope things are going well. Who else...?": the referral is the purpose, FL102's
            if _carries_content(touch, ctx.options):
                continue
            yield self.finding(
                conversation,
                touch,
                checkins[0],
                f'This follow-up only checks in ("{checkins[0].text}"): it carries no update, '
                "answer, news, resource, offer or proposal",
                suggestion="Give the customer a reason for the touch: an update on what is pending, "
                "an answer, news, a resource, an offer or a concrete proposal.",
                evidence=[self.evidence(touch, checkins[0])],
            )


def _offer_pending(earlier) -> bool:
    """Did we make an offer (a price, a quote, a proposal) that the customer has not answered?"""
    for touch in reversed(earlier):
        if touch.direction is Direction.INBOUND:
            return False
        if touch.direction is Direction.OUTBOUND and any(
                (s.kind == "price" or (s.kind == "value" and s.subtype in OFFERED)) and plain(s) for s in touch.signals):
            return True
    return False


def _asks_for_the_business(touch: Touch) -> bool:
    """An explicit ask for the order ("Can we get your first appointment booked this week?") is
    the touch's purpose: pushing is FL109's business, not an empty check-in."""
    return any(s.kind == "ask_business" and plain(s) for s in touch.signals)


def _gives_value(touch: Touch) -> bool:
    asking = {s.sentence for s in touch.signals if s.kind in ASKING_KINDS and not s.negated}
    # A voucher for every friend referred, a personal referral link: the ask's bait, ours to gain.
    referring = {s.sentence for s in touch.signals if s.kind == "referral_ask" and not s.negated}
    return any(
        s.kind == "value" and not (s.negated or s.hypothetical) and s.sentence not in referring
        and (s.sentence not in asking or s.subtype in GIVEN_WHEN_ASKING or _is_link(s))
        for s in touch.signals
    )


def _is_link(signal) -> bool:
    return signal.subtype == "resource" and signal.text.lower().startswith(("http://", "https://", "www."))


def _carries_content(touch: Touch, options) -> bool:
    """True when some sentence says something that check-in talk and filler do not cover.

    A sentence that checks in, chases or asks the customer a question is check-in talk
    whatever its length; value anywhere in the touch has already cleared it.
    """
    kinds_of: dict[int, set[str]] = {}
    filler_words: dict[int, set[int]] = {}  # the words filler phrases cover, per sentence
    for signal in touch.signals:
        if not signal.negated:
            kinds_of.setdefault(signal.sentence, set()).add(signal.kind)
            if signal.kind in FILLER_KINDS:
                filler_words.setdefault(signal.sentence, set()).update(range(signal.first_word, signal.last_word + 1))
    for index, sentence in enumerate(touch.sentences):
        kinds = kinds_of.get(index, set())
        # The customer's words our call note reports ("He said 'apart from the brakes, fine'") are
        # theirs, not something we brought; a referral ask, however long, is ours to gain.
        if sentence.words <= options["short-sentence-words"] or kinds & (CHECKIN_KINDS | {"reported", "referral_ask"}):
            continue
        # A long sentence is filler too when filler phrases make up most of it.
        if kinds & FILLER_KINDS and (sentence.words <= options["max-filler-words"]
                                     or 2 * len(filler_words[index]) >= sentence.words):
            continue
        return True
    return False
