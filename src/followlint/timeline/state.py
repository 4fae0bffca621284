"""What the timeline holds: the customer's items, the agreed times for the next contact, and
the questions rules ask of them (what came before, what came next, what is still open).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from datetime import date, datetime, timedelta

from ..model import Conversation, Direction, Signal, Touch
from .topics import clause_topic

# A question this short in content ("What's the hold-up?", "What happened?") is about what the
# sentence before it says.
SHORT_TOPIC = 2
CHASE_KINDS = {"nudge", "checkin"}
REPLY_BURST = timedelta(minutes=10)
COMPLAINT_KINDS = ("issue", "dissatisfaction")
STATEMENT = "statement"  # question/statement: a statement with a question mark
IMPLIED = "implied"  # request/implied, issue/implied: what our promise to act says the customer raised
# A feeling said in a word or two gives its reason in the sentence after it.
FEELINGS = {"dissatisfaction"}


@dataclass
class Item:
    """Something the customer raised: a problem or a request."""

    touch: Touch
    signal: Signal
    index: int  # position of its touch in the conversation
    addressed_by: Touch | None = None
    commitment: tuple[Touch, Signal] | None = None  # we said we'd act on it
    reported_by: Touch | None = None  # a later touch that reports back on it
    resolved_by: Touch | None = None  # the customer said it is solved
    handed_off: bool = False  # we took it to a private channel: what we owe on it is done there
    names: frozenset = frozenset()  # the people's names in the conversation: never a subject
    # The signals of its own sentence. The builder groups a touch's signals once; scanning all
    # of them for every item made a message with thousands of questions quadratic.
    neighbours: tuple[Signal, ...] | None = None
    # Its message names a price or an offer, so a price in a short reply may be the answer
    # (set once per message by the builder, for the same reason).
    priced: bool = False

    @property
    def _same_sentence(self) -> tuple[Signal, ...]:
        if self.neighbours is None:
            self.neighbours = tuple(s for s in self.touch.signals if s.sentence == self.signal.sentence)
        return self.neighbours

    @cached_property
    def topic(self) -> frozenset:
        """What it is about; "Can you check on that?" borrows the subject of its message, and
        "What's the hold-up?" the subject of the sentence before it. Asked of every reply for
        every item, it is worked out once."""
        topic = clause_topic(self.touch, self.signal) - self.names
        if not topic:
            return frozenset().union(*self.touch.topics) - self.names if self.touch.topics else frozenset()
        before = self.signal.sentence - 1
        # A feeling is about what the message said just before it ("The panel reads 1869, it
        # should be 1896. He's upset, the shop reopens on the 28th."), however long its sentence.
        if (len(topic) <= SHORT_TOPIC or self.signal.kind in FEELINGS) and 0 <= before < len(self.touch.topics):
            topic = topic | (self.touch.topics[before] - self.names)
        after = self.signal.sentence + 1
        if len(topic) <= SHORT_TOPIC and self.signal.kind in FEELINGS and after < len(self.touch.topics):
            topic = topic | (self.touch.topics[after] - self.names)  # "Maria called, upset. Her claim..."
        return topic

    @property
    def implied(self) -> bool:
        """Read from our promise to act on it, not from the customer's words (issue/implied)."""
        return self.signal.subtype == IMPLIED

    @property
    def asks(self) -> bool:
        """A request, or a question asked as one ("Where is my order?")."""
        return self.signal.kind == "request" or (self.signal.kind == "question" and self.signal.subtype != STATEMENT)

    @property
    def complains(self) -> bool:
        """A problem, or disbelief worded as a question ("I'm trying to pay and nobody can find
        me?"): it wants the problem taken up, not an answer."""
        return self.signal.kind in COMPLAINT_KINDS or (self.signal.kind == "question" and self.signal.subtype == STATEMENT)

    @property
    def kinds(self) -> set[str]:
        """The kinds of signal in the item's sentence."""
        return {s.kind for s in self._same_sentence}

    @property
    def wants(self) -> set[str]:
        """What kind of thing the customer asks for ("send", "schedule"), from the request's subtype."""
        return {s.subtype for s in self._same_sentence if s.kind == "request" and s.subtype}

    @property
    def chase(self) -> bool:
        """A chaser about something pending ("Any news on my claim?", "How are things going
        with it?"): any news from us answers it."""
        return any(s.kind in CHASE_KINDS or (s.kind == "value" and s.subtype == "update") for s in self._same_sentence)


@dataclass
class Agreement:
    """An agreed time for the next contact."""

    touch: Touch
    signal: Signal
    index: int
    due: date | None
    # The customer said it ("I'll confirm next week", "call me Friday"), or our call note
    # reports what they said; our own promise in the note of a call they made is ours.
    by_customer: bool = False


@dataclass
class Timeline:
    conversation: Conversation
    now: datetime
    items: list[Item] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    names: frozenset = frozenset()

    @property
    def touches(self) -> list[Touch]:
        return self.conversation.touches

    def when(self, touch: Touch) -> datetime:
        return touch.time or self.now

    def previous_inbound(self, index: int) -> Touch | None:
        return next((t for t in reversed(self.touches[:index]) if t.direction is Direction.INBOUND), None)

    def next_outbound(self, index: int) -> tuple[int, Touch] | None:
        return next(((i, t) for i, t in enumerate(self.touches) if i > index and t.direction is Direction.OUTBOUND), None)

    def reply_parts(self, index: int) -> list[Touch]:
        """Our next touch after touch ``index`` and the parts that continue it: our touches right
        after it, with nothing from the customer between, sent within REPLY_BURST of it (a reply
        split over several posts, "1/2" and "2/2", or a note sent a minute after its mail)."""
        following = self.next_outbound(index)
        if following is None:
            return []
        first, reply = following
        parts = [reply]
        for touch in self.touches[first + 1:]:
            if not continues(touch, reply):
                break
            parts.append(touch)
        return parts

    def replies_to(self, kind: str, hypothetical_ok: bool = False):
        """Each customer touch that says ``kind``, with those signals and our next touch after
        it: (touch, signals, reply). Replies in quoted history are left out (sent long ago)."""
        for index, touch in enumerate(self.touches):
            if touch.direction is not Direction.INBOUND:
                continue
            said = [s for s in touch.signals if s.kind == kind and (plain(s) or (hypothetical_ok and not s.negated))]
            if not said:
                continue
            following = self.next_outbound(index)
            if following is not None and not following[1].quoted:
                yield touch, said, following[1]

    def open_issues(self, index: int) -> list[Item]:
        """Customer issues raised before touch ``index`` that nothing has closed by then."""
        out = []
        for item in self.items:
            if item.index >= index or item.signal.kind != "issue":
                continue
            closed = [t for t in (item.resolved_by, item.reported_by) if t is not None]
            if not any(self.touches.index(t) < index for t in closed):
                out.append(item)
        return out


def continues(part: Touch, first: Touch) -> bool:
    """Is ``part`` ours, sent within REPLY_BURST after ``first``: a part of the same reply?"""
    return (part.direction is Direction.OUTBOUND and part.time is not None and first.time is not None
            and timedelta(0) <= part.time - first.time <= REPLY_BURST)


def plain(signal: Signal) -> bool:
    return not (signal.negated or signal.hypothetical)


def sent_by_us(conversation: Conversation):
    """Our own messages a rule may report on, with their positions in the conversation (see
    ``reportable``: quoted history below a message of ours was sent, and linted, long ago; notes
    and tasks never reached the customer)."""
    for index, touch in enumerate(conversation.touches):
        if touch.direction is Direction.OUTBOUND and reportable(conversation, touch):
            yield index, touch


def reportable(conversation: Conversation, touch: Touch) -> bool:
    """May a rule report on this touch? Not on quoted history below a touch of ours (it was
    sent, and linted, long ago), but yes when the conversation holds no message of ours
    except as quoted history (a customer's mail that quotes our earlier replies) and our
    side is known from --rep / reps."""
    if not touch.quoted:
        return True
    # Whose quoted words are whose is guesswork unless our side was configured.
    return conversation.sides_known and not any(
        t.direction is Direction.OUTBOUND and not t.quoted for t in conversation.touches
    )
