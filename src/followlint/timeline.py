"""Timeline state of one annotated conversation, read by the conversation rules.

In time order: the customer's issues and requests (opened, addressed by a later outbound touch
that refers to their subject, resolved by the customer), our commitments and the agreed times
for the next contact, with due dates resolved against the promising touch's own date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from .lexicon.words import current as current_words
from .model import Conversation, Direction, Signal, Touch
from .signals.times import resolve
from .signals.topics import stem
from .subjects import is_forward

ITEM_KINDS = ("issue", "request", "question", "dissatisfaction")
# Every kind the customer's items are opened, addressed, reported on and resolved from: a rule
# that reads ``Timeline.items`` or ``open_issues`` reads these (``Rule.reads``).
ITEM_READS = (
    "issue", "request", "question", "dissatisfaction", "resolved", "satisfaction", "think_it_over",
    "callback", "commitment", "value", "checkin", "nudge", "referral_ask", "ask_business", "ask_meeting",
    "ask_visit", "ask_online", "accommodation", "exploration", "assent", "apology", "defensive",
    "pleasantry", "boilerplate",
)
MAX_QUESTIONS = 5  # more questions than this in one message: a quiz or a joke list
ISSUE_KINDS = ("issue", "dissatisfaction")
NAME_RE = re.compile(r"[a-z][a-z']{1,30}")
# A question this short in content ("What's the hold-up?", "What happened?") is about what the
# sentence before it says.
SHORT_TOPIC = 2
CHASE_KINDS = {"nudge", "checkin"}
# Topic words this long that share this many leading letters are one subject ("inspector",
# "inspection"); the stemmer only strips plain suffixes.
PREFIX = 5


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
    names: frozenset = frozenset()  # the people's names in the conversation: never a subject
    # The signals of its own sentence. The builder groups a touch's signals once; scanning all
    # of them for every item made a message with thousands of questions quadratic.
    neighbours: tuple[Signal, ...] | None = None

    @property
    def _same_sentence(self) -> tuple[Signal, ...]:
        if self.neighbours is None:
            self.neighbours = tuple(s for s in self.touch.signals if s.sentence == self.signal.sentence)
        return self.neighbours

    @property
    def topic(self) -> frozenset:
        """What it is about; "Can you check on that?" borrows the subject of its message, and
        "What's the hold-up?" the subject of the sentence before it."""
        topic = self.signal.topic - self.names
        if not topic:
            return frozenset().union(*self.touch.topics) - self.names if self.touch.topics else frozenset()
        before = self.signal.sentence - 1
        if len(topic) <= SHORT_TOPIC and 0 <= before < len(self.touch.topics):
            topic = topic | (self.touch.topics[before] - self.names)
        return topic

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


def plain(signal: Signal) -> bool:
    return not (signal.negated or signal.hypothetical)


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    n = PREFIX
    return len(a) >= n and len(b) >= n and a[:n] == b[:n]


def _undouble(word: str) -> str:
    """"shipp" (from "shipped") is "ship"; "bill" and "class" stay."""
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeioulsz":
        return word[:-1]
    return word


def shared(topic: frozenset, words: frozenset) -> int:
    """How many words of ``topic`` the sentence ``words`` takes up (exactly or by a common stem)."""
    exact = topic & words
    count = len(exact)
    rest = [_undouble(w) for w in words if w not in exact]
    if rest:
        count += sum(1 for t in topic if t not in exact and any(_same_word(_undouble(t), w) for w in rest))
    return count


def on_topic(topic: frozenset, words: frozenset) -> bool:
    return bool(topic) and shared(topic, words) >= 1


# Sentences that serve us, not the customer: a word they share with the customer's issue
# ("a referral bonus on your next bill") does not take the issue up.
SELF_SERVING = {"checkin", "nudge", "referral_ask", "ask_business"}


def _on_topic(reply: Touch, item: Item, skip_kinds: set[str]) -> bool:
    """Does some sentence of the reply, other than those carrying skip_kinds, share the item's subject?"""
    topic = item.topic
    if not topic:
        return False
    skip_kinds = skip_kinds - item.kinds  # asked about referrals: our referral talk answers
    skip = {s.sentence for s in reply.signals if s.kind in skip_kinds}
    return any(i not in skip and on_topic(topic, words) for i, words in enumerate(reply.topics))


# What a reply can carry that takes a customer's point up even in other words than theirs
# ("Leave it with me", "Of course", "we can send a technician to you"). News, offers and
# proposals do not: a pitch is full of them and answers nothing.
ENGAGING = {"commitment", "callback", "accommodation", "exploration", "assent", "ask_visit", "ask_online"}
# Sympathy takes a complaint up, not a question ("So sorry! Here are some other trips" does not
# say how to get the refund).
ENGAGING_ISSUE = {"apology", "defensive"}
REPORTING_VALUE = {"answer"}


def _engages(reply: Touch, kinds: set[str], item: Item) -> bool:
    skip = {s.sentence for s in reply.signals if s.kind in SELF_SERVING}
    if not item.topic:  # nothing to match it by: any substance answers it
        values = REPORTING_VALUE | {"update", "resource", "proposal"}
    else:
        values = REPORTING_VALUE | {"update"} if item.chase else REPORTING_VALUE
        if "send" in item.wants:  # "could you send me...": what we send answers it
            values = values | {"resource"}
        if "schedule" in item.wants:  # "can I be seen soon?": a slot answers it
            values = values | {"proposal", "update"}
    return any(
        not s.negated and s.sentence not in skip
        and (s.kind in kinds or (s.kind == "value" and s.subtype in values))
        for s in reply.signals
    )


def addresses(reply: Touch, item: Item) -> bool:
    """The reply takes the item up: refers to its subject, answers, promises, agrees or apologises."""
    kinds = ENGAGING | ENGAGING_ISSUE if item.signal.kind in ISSUE_KINDS else ENGAGING
    return _on_topic(reply, item, SELF_SERVING) or _engages(reply, kinds, item) or _short_answer(reply)


SHORT_ANSWER_SENTENCES = 2


def _short_answer(reply: Touch) -> bool:
    """A reply of a sentence or two that brings no agenda of its own (no check-in, pitch, news,
    favour or question back) is an answer in other words ("That's what he goes by.")."""
    if any(s.kind in SELF_SERVING | {"value", "question", "request", "ask_meeting"} for s in reply.signals):
        return False
    filler = {s.sentence for s in reply.signals if s.kind in ("pleasantry", "boilerplate")}
    said = [i for i, span in enumerate(reply.sentences) if span.words > 2 and i not in filler]
    return 0 < len(said) <= SHORT_ANSWER_SENTENCES


def reports_back(reply: Touch, item: Item) -> bool:
    """The reply says something about the item that is more than a promise to act."""
    return _on_topic(reply, item, SELF_SERVING | {"commitment", "callback"}) or _engages(reply, set(), item)


def goes_back_to(reply: Touch, customer: Touch) -> bool:
    """Is the reply written back to the customer? A forward to a colleague, or a message to
    other people that happens to share the thread, is not the answer the customer is owed."""
    if is_forward(reply.subject):
        return False
    if _blank(reply.text):
        return False  # a bare forward or an empty message says nothing to anyone
    if "@" in customer.party and reply.recipients:
        return customer.party in reply.recipients
    return True


@lru_cache(maxsize=4)
def _blank(text: str) -> bool:
    """Is the text only whitespace? Asked once per customer item about the same reply; a reply
    that is megabytes of blanked quote lines made stripping it every time quadratic (the
    cache finds the same string object again in constant time)."""
    return not text.strip()


def sent_by_us(conversation: Conversation):
    """Our own messages, with their positions in the conversation (quoted history below them
    was sent, and linted, long ago; notes and tasks never reached the customer)."""
    for index, touch in enumerate(conversation.touches):
        if touch.direction is Direction.OUTBOUND and not touch.quoted:
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


def _names(conversation: Conversation) -> frozenset:
    """Stems of the names of everyone in the conversation ("Hi Tom", "Sofia, do we..."): a
    greeting or a signature shares them with everything."""
    words = set()
    roles = current_words()["role_mailbox"]  # "support@", "frontdesk@": not a person's name
    for touch in conversation.touches:
        words.update(NAME_RE.findall(touch.party_name.lower()))
        local = touch.party.lower().partition("@")[0]
        if "@" in touch.party:
            words.update(w for w in NAME_RE.findall(local) if w not in roles)
    return frozenset(stem(w) for w in words if len(w) > 2)


def build(conversation: Conversation, now: datetime) -> Timeline:
    timeline = Timeline(conversation, now)
    timeline.names = _names(conversation)
    touches = conversation.touches
    for index, touch in enumerate(touches):
        if touch.direction is Direction.INBOUND:
            _customer_touch(timeline, index, touch)
        else:
            _our_touch(timeline, index, touch)
        for signal in touch.signals:
            if signal.kind == "callback" and plain(signal):
                due = _due(touch, signal, timeline.when(touch))
                timeline.agreements.append(Agreement(touch, signal, index, due))
    return timeline


def _due(touch: Touch, signal: Signal, base: datetime) -> date | None:
    """When a promised contact is due. A date said in full in the same sentence wins over the
    nearest time word ("Thursday the 26th" is the 26th, "Monday the 16th" the 16th)."""
    if not signal.when:
        return None
    due = resolve(signal.when, base)
    if signal.subtype == "task":
        return due  # the task's own due date, not a date its subject mentions
    for other in touch.signals:
        if other.kind == "when" and other.sentence == signal.sentence and any(c.isdigit() for c in other.text):
            explicit = resolve(other.text, base)
            if explicit is not None:
                return explicit
    return due


def _customer_touch(timeline: Timeline, index: int, touch: Touch) -> None:
    resolved = any(s.kind == "resolved" and plain(s) for s in touch.signals)
    for item in timeline.items:
        if item.resolved_by is None and resolved and (item.index < index):
            item.resolved_by = touch
    # A request to schedule ("can you call me Friday?") is an agreed time, FL104's business;
    # a question inside thanks or praise ("what would we do without you?") asks for nothing.
    seen_sentences = {s.sentence for s in touch.signals if s.kind in ("callback", "satisfaction", "think_it_over", "ask_meeting")}
    small_talk = [s for s in touch.signals if s.kind == "pleasantry"]
    # A bare question in a thank-you note ("what would we do without you?") is rhetorical.
    grateful = any(s.kind == "satisfaction" and plain(s) for s in touch.signals) and not any(
        s.kind in ("issue", "request", "dissatisfaction") and plain(s) for s in touch.signals
    )
    # A long run of questions is a quiz, a joke list or a questionnaire, not a customer's asks.
    questionnaire = sum(1 for s in touch.signals if s.kind == "question") > MAX_QUESTIONS
    by_sentence: dict[int, list[Signal]] = {}
    for signal in touch.signals:
        by_sentence.setdefault(signal.sentence, []).append(signal)
    for signal in touch.signals:
        if signal.kind not in ITEM_KINDS or not plain(signal) or signal.sentence in seen_sentences:
            continue
        if (grateful or questionnaire) and signal.kind == "question":
            continue
        if any(p.start <= signal.start and signal.end <= p.end for p in small_talk):
            continue  # "how are you?"
        seen_sentences.add(signal.sentence)
        timeline.items.append(Item(touch, signal, index, names=timeline.names,
                                   neighbours=tuple(by_sentence[signal.sentence])))


def _our_touch(timeline: Timeline, index: int, touch: Touch) -> None:
    promises = [s for s in touch.signals if s.kind == "commitment" and plain(s)]
    # "I'll call you back" is a promise to act on an item only when it says what about
    # ("I'll call you back tomorrow with the payoff figure").
    callbacks = [s for s in touch.signals if s.kind == "callback" and plain(s)]
    # Our own records (a CRM note, an open task) never reach the customer: they can hold a
    # commitment ("call back about the plates", due Friday), never an answer.
    speaks = touch.direction is Direction.OUTBOUND
    for item in timeline.items:
        if item.index >= index or item.resolved_by is not None:
            continue
        if speaks and item.addressed_by is None and addresses(touch, item):
            item.addressed_by = touch
        if speaks and item.reported_by is None and reports_back(touch, item):
            item.reported_by = touch
        elif item.commitment is None and item.reported_by is None:
            about = [s for s in callbacks if s.sentence < len(touch.topics) and on_topic(item.topic, touch.topics[s.sentence])]
            if promises or about:
                item.commitment = (touch, (promises or about)[0])


def span_topic(signal: Signal) -> frozenset:
    """The subject words inside a signal's own span ("printer" in "we don't have a printer"),
    where the whole sentence would also bring in "shop" and "phone"."""
    inside = {stem(w) for w in NAME_RE.findall(signal.text.lower())}
    return frozenset(w for w in signal.topic if w in inside or _undouble(w) in inside)
