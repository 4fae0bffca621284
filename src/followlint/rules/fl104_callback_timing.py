"""FL104 callback-timing: the agreed time for the next contact, broken."""
from __future__ import annotations

from datetime import timedelta

from ..model import Direction
from ..timeline import plain, reportable
from .base import Example, Rule


class CallbackTiming(Rule):
    code = "FL104"
    name = "callback-timing"
    reads = (
        "callback", "when", "acknowledgement", "early_ok", "question", "request", "issue", "dissatisfaction",
        "objection", "think_it_over", "resolved", "ask_business", "ask_meeting", "ask_visit", "ask_online",
        "nudge", "checkin", "referral_ask", "concession", "value", "tentative",
    )
    story = "002"
    summary = "An agreed time for the next contact is broken: too early without saying so, or missed."
    what = """
        An agreed time for the next contact ("I'll call you back in 3 days", "call me Friday",
        "give me till next week") is broken: our next touch comes before it without
        acknowledging it ("I know I said Thursday, but..."), or the time passes beyond a grace
        period with no touch from us. Times resolve against the promising touch's own date.
    """
    why = """
        A customer asks for a few days to think; the supervisor offers to call back in three
        days, then calls the next morning with no word about it. The customer feels pushed and
        declines. Keeping the agreed time, or saying why you break it, is what makes the next
        call welcome.
    """
    bad = (
        Example(
            "Hi Jo,\n\nAre you ready to switch today? I can process the order right away.\n\nKim\n\n"
            "On Tue, 3 Nov 2026 at 16:00, Kim <kim@telco.example> wrote:\n"
            "> No problem, I'll call you back in 3 days once you've had time to think.\n",
            now="2026-11-04T09:00:00+00:00",
        ),
        # Something promised to the customer by a day is the next contact, and it was missed.
        Example(
            "Hi Jo,\n\nAre you free for a call about the renewal next week?\n\nKim\n\n"
            "On Tue, 3 Nov 2026 at 16:00, Kim <kim@telco.example> wrote:\n"
            "> Of course. I'll have the revised quote to you by Friday.\n",
            now="2026-11-12T09:00:00+00:00",
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

    known_problems = (
        'An agreed time needs a date the tool resolves: "in April", "this month" or "Saturday 14th" (only the weekday is read) are not agreed times to it.',
        'A time held out as a possibility ("maybe you can call me before then", "I\'ll try calling you next week") is no agreed time when the other side says it; a looser wording than the tool knows ("give me a shout sometime next week") still reads as one, so personal mail between friends can be flagged.',
        'A call we made that the mailbox does not hold (logged elsewhere) is not seen: the time looks missed.',
    )

    def check(self, conversation, ctx):
        timeline = ctx.timeline
        touches = conversation.touches
        grace = timedelta(days=ctx.options["grace-days"])
        seen = set()
        for agreement in timeline.agreements:
            if agreement.due is None:
                continue
            # "Offered to call her back in 3 days" can match twice: one agreement, one finding.
            if (id(agreement.touch), agreement.due) in seen:
                continue
            seen.add((id(agreement.touch), agreement.due))
            ours, prompted = None, False
            changed = False
            for i in range(agreement.index + 1, len(touches)):
                touch = touches[i]
                if touch.direction is Direction.INTERNAL:
                    continue  # our own note or task: not a contact
                if touch.direction is Direction.INBOUND:
                    if agreement.by_customer and agreement.signal.subtype == "reply":
                        changed = True  # "I'll let you know by Friday", and the customer wrote back
                        break
                    if _changes_plan(touch, agreement, timeline.when(touch).date()):
                        changed = True  # the customer moved or dropped the plan
                        break
                    prompted = prompted or _asks_us(touch)
                    continue
                if _confirms(touch, agreement, timeline):
                    continue  # "Will do", "Of course, I'll call you on the 26th": part of the agreement
                ours = (i, touch)
                break
            task = agreement.signal.subtype == "task"  # a CRM task: a date we set ourselves
            if changed or (task and ours is not None):
                continue  # the customer never heard the task's date: only missing it matters
            # "Call me Friday, but if the price drops before then tell me": an early word is allowed.
            early_ok = agreement.touch.has("early_ok", plain=False)
            evidence = [self.evidence(agreement.touch, agreement.signal)]
            due_text = agreement.due.isoformat()
            text, when_said = agreement.signal.text, agreement.signal.when
            said = f'"{_with_time(text, when_said)}"'
            if ours is not None:
                index, touch = ours
                when = timeline.when(touch).date()
                if not reportable(conversation, touch):
                    continue
                acknowledged = any(s.kind == "acknowledgement" and not s.negated for s in touch.signals)
                named = _dates(touch, timeline)
                if when < agreement.due and not acknowledged and named and agreement.due not in named:
                    yield self.finding(
                        conversation, touch, None,
                        f"This touch names another time ({named[0].isoformat()}) than the one agreed ({due_text}, {said}) without saying it changed",
                        suggestion='Keep the agreed time, or say that it changes and why ("I know we said Wednesday, but...").',
                        evidence=evidence,
                    )
                elif when < agreement.due and agreement.due in named and not _pushes(touch):
                    pass  # the invite or reminder for the agreed time
                elif when < agreement.due and not acknowledged and not prompted and not early_ok:
                    yield self.finding(
                        conversation, touch, None,
                        f"This contact comes before the agreed time ({due_text}, {said}) without acknowledging it",
                        suggestion='Wait for the agreed time, or say why you are early ("I know I said Friday, but...").',
                        evidence=evidence,
                    )
                elif when > agreement.due + grace and not acknowledged and not _theirs_to_make(agreement):
                    yield self.finding(
                        conversation, touch, None,
                        f"This contact comes after the agreed time ({due_text}, {said}) without acknowledging the delay",
                        suggestion="Keep agreed times; when late, own it before anything else.",
                        evidence=evidence,
                    )
            elif not agreement.by_customer or _customer_asked_us(agreement):
                if ctx.now.date() > agreement.due + grace and reportable(conversation, agreement.touch):
                    what = f'Our open task "{agreement.signal.text}" fell due' if task else "The agreed contact time"
                    yield self.finding(
                        conversation, agreement.touch, agreement.signal,
                        f"{what} ({due_text}) has passed with no touch from us",
                        suggestion="Make the promised contact now, and apologise for the delay.",
                        evidence=evidence,
                    )


# What a touch of ours may carry and still be only a reply to the agreement, not the contact.
NOT_A_CONFIRMATION = {
    "question", "request", "ask_business", "nudge", "checkin", "referral_ask", "concession",
    "ask_meeting", "ask_visit", "ask_online", "value",
}
# What a customer's touch carries when it moves or drops the plan.
PLAN_CHANGES = {"callback", "ask_meeting", "objection", "think_it_over", "resolved"}


def _confirms(touch, agreement, timeline) -> bool:
    """A short reply to the agreement itself, sent within a day of it."""
    if timeline.when(touch) - timeline.when(agreement.touch) > timedelta(days=1):
        return False
    return not any(s.kind in NOT_A_CONFIRMATION and not s.negated for s in touch.signals)


def _changes_plan(touch, agreement, day) -> bool:
    """The customer set another time, asked for one, or declined; a plain "Sounds good,
    Friday" keeps the plan. Once the agreed day has passed, a day they name ("It's Wednesday,
    still nothing") is their chase, not a new time."""
    for s in touch.signals:
        if s.negated:
            continue
        if s.kind in PLAN_CHANGES:
            return True
        if s.kind == "when" and day <= agreement.due:
            due = s.due
            # "Tuesday at 3 is fine" confirms "Tuesday 10 November" even when said a week ahead.
            if due is not None and due != agreement.due and due.weekday() != agreement.due.weekday():
                return True
    return False


def _dates(touch, timeline) -> list:
    """The dates a touch names for what comes next (today's date excluded)."""
    base = timeline.when(touch)
    out = []
    for s in touch.signals:
        if s.kind == "when" and not s.negated:
            day = s.due
            if day is not None and day > base.date() and day not in out:
                out.append(day)
    return out


def _pushes(touch) -> bool:
    return any(s.kind in ("ask_business", "nudge", "concession") and not s.negated for s in touch.signals)


def _asks_us(touch) -> bool:
    """The customer wrote in with a question or a problem: our answer is not an early call."""
    return any(s.kind in ("question", "request", "issue", "dissatisfaction") and plain(s) for s in touch.signals)


def _theirs_to_make(agreement) -> bool:
    """"I'll confirm next week": the customer's own word to come back. When it lapses, our
    touch after it is a chase (FL109's business if it piles up), not a late contact of ours."""
    return agreement.by_customer and agreement.signal.subtype == "reply"


def _customer_asked_us(agreement) -> bool:
    """"Call me Friday": the customer asked us for the contact (the lexicon's callback/asked)."""
    return agreement.signal.subtype == "asked"


def _with_time(text: str, when: str) -> str:
    """The agreement's words with its time, once: "give me a ring Monday" and "Monday
    afternoon" make "give me a ring Monday afternoon"."""
    if not when or when.lower() in text.lower():
        return text
    words = text.split()
    for n in range(min(len(words), len(when.split())), 0, -1):
        if " ".join(words[-n:]).lower() == " ".join(when.split()[:n]).lower():
            return " ".join(words[:-n] + when.split())
    return f"{text} {when}"
