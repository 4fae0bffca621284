"""FL109 follow-up-pressure: chasing without a reply, or re-asking right after "let me think"."""
from __future__ import annotations

from datetime import timedelta

from ..model import Direction
from ..timeline import plain
from ..timeline.calls import customer_turns, ours_before_answer, two_way
from .base import Example, Rule


# What makes a touch a chaser rather than a memo that happens to follow another.
CHASING = {"checkin", "nudge", "ask_business", "question", "referral_ask", "request"}
ATTEMPT = "attempt"  # a call of ours that reached nobody (CRM outcome "No answer", "Busy")
RINGING = {ATTEMPT, "voicemail"}
# What asks the customer again for what they asked time for: the order, a meeting, a chaser.
PRESSING = ("ask_business", "nudge", "ask_meeting")
CALLS = RINGING | {"call"}
# Touches this close together from one sender are the parts of one message, split by a length
# limit ("2/4", "3/4", "4/4" within seconds): one touch, not a run of chasers.
PARTS_WITHIN = timedelta(minutes=2)
WRITTEN = "email"  # calls are never split; redialling is ringing again


def _part_of(touch, before, timeline) -> bool:
    """Is ``touch`` a further part of ``before``: written by the same sender moments later?
    Equal times are left apart: a log that keeps only the day gives its entries one time."""
    return (before is not None and touch.kind == WRITTEN and before.kind == WRITTEN and touch.party == before.party
            and timedelta(0) < timeline.when(touch) - timeline.when(before) <= PARTS_WITHIN)


def _same_customer(a, b) -> bool:
    """Written to the same person, as far as the recipients say: a brand answering three
    shoppers in one public thread is not chasing one of them."""
    return not a.recipients or not b.recipients or bool(set(a.recipients) & set(b.recipients))


def _values(touch) -> set[str]:
    """Value the touch names, leaving out what a check-in, a chaser or a question only points
    back at ("following up on the proposal below", "are you happy to proceed with the proposal
    below?")."""
    pointing = {s.sentence for s in touch.signals if s.kind in ("checkin", "nudge", "ask_business")
                or (s.kind == "question" and s.subtype != "statement")}
    return {
        " ".join(s.text.lower().split())
        for s in touch.signals
        if s.kind == "value" and plain(s) and s.sentence not in pointing
    }


class FollowUpPressure(Rule):
    code = "FL109"
    name = "follow-up-pressure"
    reads = ("checkin", "nudge", "value", "ask_business", "question", "referral_ask", "request", "think_it_over",
             "acknowledgement", "ask_meeting")
    story = "002, 003"
    summary = "Several unanswered follow-ups in a row with nothing new, or a repeat ask soon after \"let me think about it\"."
    what = """
        Three or more outbound touches in a row, within the window, with no reply from the
        customer and none carrying anything of value; or a repeat ask for the business, or
        another call, within hours of the customer saying "let me think about it".
    """
    why = """
        A rep leaves voicemail after voicemail saying the same thing until the customer answers
        out of weariness; a customer who asked for time to think is called back the next
        morning for the order. Persistence without substance reads as pressure.
    """
    bad = (
        Example(
            "Hi Jo,\n\nHave you made a decision? I can get you signed up today.\n\nKim\n\n"
            "On Tue, 3 Nov 2026 at 14:00, Jo Park <jo@example.com> wrote:\n"
            "> Thanks for the details. Let me think about it and I'll get back to you.\n",
            now="2026-11-03T17:00:00+00:00",
        ),
    )
    good = (
        Example(
            "Hi Jo,\n\nThe price comparison you asked about is attached; take your time.\n\nKim\n\n"
            "On Tue, 3 Nov 2026 at 14:00, Jo Park <jo@example.com> wrote:\n"
            "> Thanks for the details. Let me think about it and I'll get back to you.\n",
            now="2026-11-03T17:00:00+00:00",
        ),
    )
    options = {
        "unanswered-touches": (3, "outbound touches in a row without a reply that count as pressure"),
        "window-days": (21, "the run of unanswered touches must fall within this many days (three weekly chasers are pressure)"),
        "think-hours": (24, "a repeat ask this soon after \"let me think about it\" is pressure"),
    }

    known_problems = (
        'It misses most runs of pressure in real mail (fewer than a third were found in mail it was not tuned on): "nothing new" is read from value signals, so the same offer reworded counts as new, and a run spread over more days than the window is not seen.',
        'Unanswered calls count only when the export says so (a voicemail or an outcome); a CRM log that leaves the outcome blank reads as connected calls.',
    )

    def check(self, conversation, ctx):
        timeline = ctx.timeline
        yield from self._runs(conversation, timeline, ctx.options)
        yield from self._repeat_asks(conversation, timeline, ctx.options)

    def _runs(self, conversation, timeline, options):
        run, before = [], None
        window = timedelta(days=options["window-days"])
        offered: set[str] = set()  # value either side has already named: repeating it is nothing new
        for touch in conversation.touches:
            # A note or task of ours: the customer never saw it. An unanswered call did ring
            # their phone, and a call that reached them is an answer, whoever rang.
            if touch.direction is Direction.INTERNAL and touch.kind != ATTEMPT:
                continue
            values = _values(touch)
            fresh = values - offered
            offered |= values
            if touch.direction is Direction.INBOUND or fresh or two_way(touch):
                run, before = [], None
                continue
            if _part_of(touch, before, timeline):
                before = touch
                continue
            before = touch
            run.append(touch)
            # Counted in days: weekly calls on 2 and 16 March fall within a window of 14 days.
            run = [t for t in run if timeline.when(touch).date() - timeline.when(t).date() <= window
                   and _same_customer(t, touch)]
            # Ringing again, or leaving another voicemail, is chasing whatever the note says.
            chasing = touch.kind in RINGING or any(s.kind in CHASING and not s.negated for s in touch.signals)
            if len(run) >= options["unanswered-touches"] and chasing and not touch.quoted:
                yield self.finding(
                    conversation, touch, None,
                    f"{len(run)} follow-ups in a row since {timeline.when(run[0]).date().isoformat()} with no reply and nothing new",
                    suggestion="Stop chasing; come back when you have something of value, or ask one clear question.",
                    evidence=[self.evidence(t) for t in run[:-1]],
                )

    def _repeat_asks(self, conversation, timeline, options):
        hours = timedelta(hours=options["think-hours"])
        for touch, pauses, first, after in customer_turns(timeline, "think_it_over"):
            # On a call note, our next touch is the repeat ask (asking again on the same call is not).
            replies = ours_before_answer(timeline, first)
            reply = replies[-1] if first is touch else first
            if reply is touch:
                continue
            if timeline.when(reply) - timeline.when(touch) > hours or reply.has("acknowledgement"):
                continue
            asks = [s for s in reply.signals if s.kind in PRESSING and plain(s)]
            # Ringing them again is asking again, whatever the note says it was for ("Rang Shane
            # back to see if he'd spoken to the FD").
            if asks or (reply.kind in CALLS and reply.direction is Direction.OUTBOUND):
                said = f'Asks again ("{asks[0].text}")' if asks else "Calls again"
                yield self.finding(
                    conversation, reply, asks[0] if asks else None,
                    f'{said} within hours of the customer asking for time ("{pauses[0].text}")',
                    suggestion="Give the customer the time they asked for; agree when you will talk next.",
                    evidence=[self.evidence(touch, pauses[0])],
                )
