"""FL110 defensive-tone: arguing who is right in a reply to a complaint."""
from __future__ import annotations

from ..model import Direction, Severity
from ..timeline import plain, sent_by_us
from ..timeline.calls import call_note, said_by, writer_says
from .base import Example, Rule, felt

REPEAT = "repeat"  # defensive/repeat: "as I already told you", "per my last email"
COMPLAINTS = ("issue", "dissatisfaction", "objection")


class DefensiveTone(Rule):
    code = "FL110"
    name = "defensive-tone"
    reads = ("defensive", *COMPLAINTS, "sentiment", "satisfaction")
    severity = Severity.INFO
    story = "001"
    summary = "A reply to a complaint that argues who is right."
    what = """
        A reply to a complaint or a problem that argues who is right: "as I already told you",
        "per my last email", "that's not our fault", "you should have read the terms". Pointing
        the customer back to what we said before ("as I already told you", "per my last email")
        argues in answer to any message of theirs but praise: the same question asked again is a
        customer not being heard.
    """
    why = """
        Proving an upset customer wrong does not calm them: they stay upset, and the sale is
        lost while the rep is "dead right". Listening to the whole complaint and answering it
        turns the customer round; winning the argument loses them.
    """
    bad = (
        Example(
            "Hi Pat,\n\nAs I already told you, the delivery window was clearly stated in the terms.\n\nLou\n\n"
            "On Tue, 3 Nov 2026 at 08:10, Pat Doe <pat@example.com> wrote:\n"
            "> I'm really disappointed: the sofa still hasn't arrived and nobody called me.\n"
        ),
        # Our records against the customer's word, and the blame passed to their side.
        Example(
            "Hi Pat,\n\nActually our system shows the driver knocked at 10:05. It was up to you to be in "
            "during the booked window.\n\nLou\n\n"
            "On Tue, 3 Nov 2026 at 08:10, Pat Doe <pat@example.com> wrote:\n"
            "> I'm really disappointed: the sofa still hasn't arrived and nobody called me.\n"
        ),
        # A fault denied, in whatever words.
        Example(
            "Hi Naomi,\n\nThe scuffing isn't a binding fault, it's from handling.\n\nImran\n\n"
            "On Mon, 9 Mar 2026 at 20:14, Naomi Sterling <naomi@example.com> wrote:\n"
            "> For GBP180 I really expected better: the spine is all scuffed after two days on the shelf.\n"
        ),
        # The same question asked again is no reason to point back at the last email.
        Example(
            "Hi Pat,\n\nPer my last email, the sofa is on the van for Thursday.\n\nLou\n\n"
            "On Tue, 3 Nov 2026 at 08:10, Pat Doe <pat@example.com> wrote:\n"
            "> Hi Lou, which day is the sofa coming?\n"
        ),
    )
    good = (
        Example(
            "Hi Pat,\n\nI'm sorry the sofa hasn't arrived and that nobody called you. It is on the van for Thursday morning; I'll ring you at 8 to confirm.\n\nLou\n\n"
            "On Tue, 3 Nov 2026 at 08:10, Pat Doe <pat@example.com> wrote:\n"
            "> I'm really disappointed: the sofa still hasn't arrived and nobody called me.\n"
        ),
    )

    known_problems = (
        'Defensive wording is read from families ("as I already told you", "per my last email", "not our fault") and from a fault denied by the shape of a clause ("isn\'t a binding fault", "not something that happens at our end"); a cold but correct reply without either ("in our experience missing pieces turn up at home") is not flagged.',
        'A denial softened by a remedy in the same breath ("a kerb strike, not a fitting fault, but we replaced the tyre free") is still flagged.',
        'Blame ("not our fault") and standing on our records fire only in answer to a complaint or dispute; "as I already told you" and "per my last email" fire in answer to any message of the customer\'s but praise.',
    )

    def check(self, conversation, ctx):
        for previous, complaint, touch, defensive in _replies(conversation, ctx.timeline):
            yield self.finding(
                conversation, touch, defensive[0],
                f'Argues who is right ("{defensive[0].text}") in a reply to '
                + ("a complaint" if complaint[0] is not None else "the customer's message"),
                suggestion="Acknowledge the customer's experience and say what you will do; drop who was right.",
                evidence=[self.evidence(previous, complaint[0])],
            )


def _replies(conversation, timeline):
    """Our defensive words after a complaint: (complaining touch, its complaint, our touch,
    the defensive signals), in our next message (after any message of the customer's for "as I
    already told you": the complaint is then None), or in the note of the call where the customer
    complained ("Mr Bello rang, angry: ... Told him it wasn't our error")."""
    for index, touch in sent_by_us(conversation):
        defensive = [s for s in touch.signals if s.kind == "defensive" and not s.hypothetical]
        previous = _customers_turn(timeline, index) if defensive else None
        said = previous.signals if previous else ()
        # In our note of the call, a complaint is the customer's unless the note says it of us.
        complaint = [s for s in said if _complains(s) and (previous.direction is Direction.INBOUND
                                                           or said_by(previous, s) is not True)]
        if complaint:
            yield previous, complaint, touch, defensive
            continue
        # "As I already told you" argues whatever the customer wrote: the same question asked
        # again is as much a sign that they are not being heard.
        repeat = [s for s in defensive if s.subtype == REPEAT]
        if repeat and previous is not None and not _praises(said):
            yield previous, [None], touch, repeat
    for touch in conversation.touches:
        if touch.direction is not Direction.INBOUND or not call_note(touch):
            continue
        complaint = [s for s in touch.signals if _complains(s)]
        defensive = [s for s in touch.signals if s.kind == "defensive" and not s.hypothetical and complaint
                     and s.start > complaint[0].end and writer_says(touch, s)]
        if defensive:
            yield touch, complaint, touch, defensive


def _customers_turn(timeline, index: int):
    """What the customer said last before our touch ``index``: their message, or our note of a
    call with them just before it ("Graham unhappy: the paint is blistering"), when that note
    is the last touch before ours."""
    before = timeline.touches[index - 1] if index else None
    if before is not None and call_note(before) and before.direction is Direction.OUTBOUND:
        return before
    return timeline.previous_inbound(index)


def _praises(said) -> bool:
    return any(felt(s, "positive") or (s.kind == "satisfaction" and plain(s)) for s in said)


def _complains(signal) -> bool:
    """A problem, displeasure, an objection ("Still seems steep"), or a sentence the customer
    says with negative feeling."""
    return (signal.kind in COMPLAINTS and plain(signal)) or felt(signal, "negative")
