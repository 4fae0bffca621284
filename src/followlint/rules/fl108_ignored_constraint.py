"""FL108 ignored-constraint: asking the customer for what they just said they cannot do."""
from __future__ import annotations

from datetime import date

from ..lexicon.words import WEEKDAYS
from ..signals.availability import ASKS_A_WAY, CHANNEL, HOURS
from ..signals.lacks import LACK
from ..timeline import on_topic, plain, shared, span_topic
from ..timeline.calls import customer_turns, ours_before_answer, writer_says
from .base import Example, Rule, sentence_of

# Which asks each kind of constraint rules out (constraint subtypes are not needed: a
# customer who cannot come in, is away or cannot log in is not helped by any of these).
ASK_KINDS = ("ask_visit", "ask_meeting", "ask_online", "ask_call")
# What puts a time on our next step: a slot we offer, or something we ask for by a date.
TIMED_ASKS = (*ASK_KINDS, "request", "ask_business")
NAMING_ASKS = (*ASK_KINDS, "request")  # asks that can name the thing lacked
STRICT = 2  # words of the customer's sentence a reply shares when it takes a lack up
VOICE = "voice"  # constraint/voice: "no talking for two weeks"
CALL = "call"  # accommodation/call: "by phone"
ASKED = "asked"  # callback/asked: the customer asks to be called at a time
PHONE = "phone"  # the way to reach a customer that a voice constraint rules out
CALLS = ("call", "voicemail")  # what a customer who cannot talk or take calls cannot take


class IgnoredConstraint(Rule):
    code = "FL108"
    name = "ignored-constraint"
    reads = ("constraint", *TIMED_ASKS, "accommodation", "value", "when", "ask_way", "condition", "callback")
    story = "000"
    summary = "The customer stated a constraint and our reply asks for what it rules out."
    what = """
        The customer stated a constraint ("the car won't start", "I'm away until the 12th",
        "I can't log in") and our reply asks for what that rules out ("bring it in to the
        dealership", "can we meet on Tuesday?", "log in and check", "please call our line")
        without addressing it; or it offers or asks for a time while the customer said they
        are away or closed ("away until the 8th", and we offer the 4th), or on a day or in a
        part of the day they ruled out ("closed on Fridays", and we book Friday); or asks for
        something a way they ruled out ("cannot be sent by email", and we ask them to email
        it); or we ring a customer
        who said they cannot talk or take calls ("profoundly deaf: email or text only").
    """
    why = """
        A customer whose new car will not start is told to bring it in to the dealership. "I
        would if I could get the car started." A scripted answer that ignores what the customer
        just said shows that nobody listened.
    """
    bad = (
        Example(
            "Hi Ray,\n\nSorry to hear that. Please bring the car in to the dealership and we'll take a look.\n\nAmy\n\n"
            "On Tue, 3 Nov 2026 at 08:10, Ray Cole <ray@example.com> wrote:\n"
            "> My new car won't start. It's stuck in the supermarket car park.\n"
        ),
        Example(
            "Hi Irene,\n\nDr Shah has a slot on Friday 4 December at 10am for the crown fitting. Shall I book it?\n\nMaya\n\n"
            "On Thu, 19 Nov 2026 at 17:00, Irene Walsh <irene@example.com> wrote:\n"
            "> The crown can wait a little. I'm away until 8 December.\n"
        ),
        # A request that needs what the customer said they lack.
        Example(
            "Hi Reg,\n\nThe sale forms are attached. Could you print them, sign each page and scan them back to me by Friday?\n\nDimitra\n\n"
            "On Mon, 11 May 2026 at 16:12, Reg Ashby <reg@example.com> wrote:\n"
            "> Happy to help, though I should say I don't have a printer at home.\n"
        ),
        # A thing the customer has not got, and an ask that needs it.
        Example(
            "Hi Bernard,\n\nTo match the lettering, could you email us a couple of close-up photos of the goblet?\n\nHolly\n\n"
            "On Thu, 19 Mar 2026 at 11:25, Bernard Oakes <bernard@example.com> wrote:\n"
            "> My phone's camera packed up and I don't have any other way to take photos, I'm afraid.\n"
        ),
        # A customer who cannot talk on the phone, asked to ring.
        Example(
            "Dear Maeve,\n\nTo finalise the booking, could you give me a quick ring on 0117 496 0321?\n\nTobias\n\n"
            "On Tue, 3 Mar 2026 at 14:22, Maeve Donnelly <maeve@example.com> wrote:\n"
            "> Please note I'm Deaf, so email or text only please.\n"
        ),
        # Days or hours ruled out, and a time on one of them.
        Example(
            "Hi Dan,\n\nOrder confirmed. Your delivery is booked for Friday 4 December, 8am-12pm.\n\nSunil\n\n"
            "On Mon, 30 Nov 2026 at 10:15, Dan Ibe <dan@example.com> wrote:\n"
            "> Please deliver the gloves next week. Our goods-in bay is closed on Fridays.\n"
        ),
    )
    good = (
        # The thing lacked allowed for.
        Example(
            "Hi Bernard,\n\nIf you can't get photos, post the goblet to us and we'll match the lettering from it.\n\nHolly\n\n"
            "On Thu, 19 Mar 2026 at 11:25, Bernard Oakes <bernard@example.com> wrote:\n"
            "> My phone's camera packed up and I don't have any other way to take photos, I'm afraid.\n"
        ),
        Example(
            "Hi Ray,\n\nSorry to hear that. I've booked a tow truck to bring the car to us; it will be with you within the hour.\n\nAmy\n\n"
            "On Tue, 3 Nov 2026 at 08:10, Ray Cole <ray@example.com> wrote:\n"
            "> My new car won't start. It's stuck in the supermarket car park.\n"
        ),
        Example(
            "Hi Dan,\n\nOrder confirmed. Your delivery is booked for Thursday 3 December, 8am-12pm.\n\nSunil\n\n"
            "On Mon, 30 Nov 2026 at 10:15, Dan Ibe <dan@example.com> wrote:\n"
            "> Please deliver the gloves next week. Our goods-in bay is closed on Fridays.\n"
        ),
    )

    known_problems = (
        'A way ruled out counts when the customer says it as a means ("sent by email", "no calls"); "I don\'t receive your emails" is a problem, not a way ruled out.',
        'Days and parts of the day ruled out ("closed on Fridays", "mornings are impossible", "Monday to Thursday only") are compared with the day and part of the day of a time we offer; hours ("not before 10", "after 4pm only") are not.',
        "A constraint is read from families of wordings (can't, away until, no car, only a phone...) and matched to the kind of ask it rules out (come in, call, log in, meet, a time); a constraint said another way, or an ask of another kind, is missed.",
        'Sides decide whose constraint it is: in a mailbox of two messages with no --rep, the owner is a tie, and the customer can be taken for us.',
        'A budget is not compared with prices: "our budget is capped at 5,000" followed by a 9,800 recommendation is not found.',
        'An absence needs a day the tool resolves: "in a cast for six weeks" or "until June" gives no window, so a lesson kept "as usual" inside it is not found.',
        'A thing lacked ("I don\'t have a printer", "can\'t climb ladders") counts against an ask that names it; "lost the only key" is not read as a lack (in support mail the thing lost is the problem to solve), so "bring the original key in" is missed.',
        'Whether an ask needs what the constraint rules out is read from the kind of ask (come in, call, meet, log in, a time); "run the health check tool" to a laptop that will not turn on is missed.',
    )

    def check(self, conversation, ctx):
        for touch, constraints, reply, after in _replies(ctx.timeline):
            ignored = _ignores(ctx.timeline, touch, constraints, reply, after)
            if ignored is None:
                continue
            at, what, suggestion = ignored
            yield self.finding(
                conversation, reply, at,
                f'{what} although the customer said: "{sentence_of(touch, constraints[0])[1]}"',
                suggestion=suggestion,
                evidence=[self.evidence(touch, constraints[0])],
            )


def _ignores(timeline, touch, constraints, reply, after):
    """How our reply ignores the constraints, as (the signal to point at, what it does, the
    suggestion), or None when it does not."""
    said = [s for s in reply.signals if s.start >= after]
    # Worked around ("once you're back" is a condition by nature); a call does not work round a
    # customer who cannot talk.
    voice = all(c.subtype == VOICE for c in constraints)
    if any(s.kind == "accommodation" and not s.negated and not (voice and s.subtype == CALL) for s in said):
        return None
    clash = _on_ruled_out_hours(constraints, said)
    if clash is not None:
        return (clash, f'Proposes "{clash.text}"',
                "Offer a day and time the customer said they can do.")
    clash = _by_ruled_out_channel(constraints, said)
    if clash is not None:
        return (clash, f'Asks "{clash.text}"', "Ask for it the way the customer said they can do.")
    clash = _inside_window(timeline, touch, constraints, said)
    if clash is not None:
        return (clash, f'Proposes "{clash.text}"',
                "Offer a time after the customer is back or available, or say how it can be done meanwhile.")
    # Days, hours or ways ruled out are broken only by a time on them or an ask that way.
    constraints = [c for c in constraints if c.subtype not in (HOURS, CHANNEL)]
    if not constraints:
        return None
    if reply is not touch and reply.kind in CALLS and any(c.subtype == VOICE for c in constraints):
        return None, "Calls the customer", "Write instead: email or text, as the customer asked."
    # A request of ours names what the customer said they lack or cannot do ("I don't have a
    # printer": "could you print these and scan them back?"; "staff can't install anything":
    # "please install our client").
    # A thing lacked ("no way to take photos") rules out only the asks that name it ("could you
    # email us photos?"), and not in a sentence that allows for it ("if you don't have them,
    # contact support"); a body or a car that cannot get about rules out every visit.
    lacked = frozenset().union(*(span_topic(c) for c in constraints))
    any_ask = any(c.subtype != LACK for c in constraints)
    conditional = {s.sentence for s in said if s.kind == "condition" and not s.negated}
    asks = [s for s in said if plain(s) and ((s.kind in ASK_KINDS and any_ask) or (
        s.kind in NAMING_ASKS and s.sentence < len(reply.topics) and shared(lacked, reply.topics[s.sentence])
        and (any_ask or s.sentence not in conditional)))]
    if not asks:
        return None
    # The constraint's own words ("printer"), not every word of its sentence ("shop").
    topic = frozenset().union(*(span_topic(c) or c.topic for c in constraints))
    ask_sentences = {a.sentence for a in asks}
    first = said[0].sentence if reply is touch else 0  # a note: what it says after the constraint
    # A reply that takes the constraint up in another sentence ("since it won't start...") is fine;
    # one that only names the thing lacked ("cut a new key rather than change the lock") says
    # more of the customer's sentence if it does.
    strict = 1 if any_ask else STRICT
    skip = ask_sentences | reply.title_sentences()
    if any(i >= first and i not in skip and shared(topic if any_ask else _said(constraints), words) >= strict
           for i, words in enumerate(reply.topics)):
        return None
    return (asks[0], f'Asks "{asks[0].text}"',
            "Address the constraint first (a tow, a remote session, a date after they are back).")


def _said(constraints) -> frozenset:
    """The subject words of the customer's sentences that state the constraints."""
    return frozenset().union(*(c.topic for c in constraints))


def _replies(timeline):
    """The customer's constraints and our reply to each, from where it answers them: the next
    touch of ours; for a constraint our call note reports ("She's on leave until Feb 1"), what
    the note says after it ("Asked her to drop them at the depot tomorrow"), or our next touch."""
    for touch, constraints, first, after in customer_turns(timeline, "constraint"):
        # A constraint given as the reason for a time to call back ("call him Thursday afternoon,
        # not before, as she's away") set that time: keeping it is FL104's business.
        timed = {s.sentence for s in touch.signals if s.kind == "callback" and s.subtype == ASKED}
        constraints = [c for c in constraints if c.sentence not in timed or c.subtype in (VOICE, CHANNEL, LACK)]
        if not constraints:
            continue
        if first is not touch:
            yield touch, constraints, first, 0
            continue
        # Our ask the note reports after it; "She still has to sign off herself" is hers.
        constraint_end = max(c.sentence for c in constraints)
        if any(s.sentence > constraint_end and s.kind in ASK_KINDS and writer_says(touch, s) for s in touch.signals):
            yield touch, constraints, touch, after
            continue
        following = ours_before_answer(timeline, touch)[1:2]
        if following:
            yield touch, constraints, following[0], 0


def _on_ruled_out_hours(constraints, said):
    """A time our reply offers or asks for on a day or in a part of the day the customer ruled
    out ("closed on Fridays", and we book Friday 1 May; "mornings are impossible", and we ask
    for 9:30am)."""
    ruled_out = _slots(constraints, HOURS)
    if not ruled_out:
        return None
    for signal in _offered_times(said):
        day = {WEEKDAYS[signal.due.weekday()]} if signal.due is not None else set()
        if ruled_out & (signal.slots | day):
            return signal
    return None


def _by_ruled_out_channel(constraints, said):
    """An ask of ours that names a way to reach or send the customer ruled out ("cannot be sent
    by email", and we ask them to email the PDFs; "I'm Deaf", and we ask for a ring)."""
    ruled_out = _slots(constraints, CHANNEL)
    if any(c.subtype == VOICE for c in constraints):
        ruled_out |= {PHONE}  # Deaf, no signal: "could you give me a ring?"
    return next((s for s in said if s.slots & ruled_out and s.kind in ASKS_A_WAY and plain(s)), None) if ruled_out else None


def _slots(constraints, subtype: str) -> frozenset:
    """The days, parts of the day or ways the constraints of ``subtype`` rule out."""
    return frozenset().union(*(c.slots for c in constraints if c.subtype == subtype))


def _offered_times(said):
    """The times named in the sentences where our reply offers or asks for a time."""
    asking = {s.sentence for s in said
              if (s.kind in TIMED_ASKS or (s.kind == "value" and s.subtype == "proposal")) and not s.negated}
    return [s for s in said if s.sentence in asking and not s.negated
            and (s.kind == "when" or (s.kind == "value" and s.subtype == "proposal"))]


def _window(timeline, touch, constraints) -> tuple[date, date] | None:
    """When the customer is unavailable, from the dates said with the constraint: "closed from
    23 December to 4 January" (both), "away until the 12th" (from the message's own date)."""
    sentences = {c.sentence for c in constraints}
    days = sorted(s.due for s in touch.signals if s.kind == "when" and s.sentence in sentences and s.due is not None)
    if not days:
        return None
    start = days[0] if len(days) > 1 else timeline.when(touch).date()
    return (start, days[-1]) if start < days[-1] else None


def _inside_window(timeline, touch, constraints, said):
    """A time our reply offers or asks for that falls while the customer said they cannot."""
    window = _window(timeline, touch, constraints)
    if window is None:
        return None
    if any(s.kind == "when" and s.due == window[1] for s in said):
        return None  # the reply names the day they are back ("since you're back on the 12th"): it knows
    return next((s for s in _offered_times(said)
                 if s.kind == "when" and s.due is not None and window[0] <= s.due < window[1]), None)
