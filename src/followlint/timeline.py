"""Timeline state of one annotated conversation, read by the conversation rules.

In time order: the customer's issues and requests (opened, addressed by a later outbound touch
that refers to their subject, resolved by the customer), our commitments and the agreed times
for the next contact, with due dates resolved against the promising touch's own date.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from .model import Conversation, Direction, Signal, Touch
from .signals.times import resolve

ITEM_KINDS = ("issue", "request", "question")


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

    @property
    def topic(self) -> frozenset:
        """What it is about; "Can you check on that?" borrows the subject of its message."""
        if self.signal.topic:
            return self.signal.topic
        return frozenset().union(*self.touch.topics) if self.touch.topics else frozenset()


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

    @property
    def touches(self) -> list[Touch]:
        return self.conversation.touches

    def when(self, touch: Touch) -> datetime:
        return touch.time or self.now

    def previous_inbound(self, index: int) -> Touch | None:
        return next((t for t in reversed(self.touches[:index]) if t.direction is Direction.INBOUND), None)

    def next_outbound(self, index: int) -> tuple[int, Touch] | None:
        return next(((i, t) for i, t in enumerate(self.touches) if i > index and t.direction is Direction.OUTBOUND), None)

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


def _on_topic(reply: Touch, item: Item, skip_kinds: set[str]) -> bool:
    """Does some sentence of the reply, other than those carrying skip_kinds, share the item's subject?"""
    if not item.topic:
        return False
    skip = {s.sentence for s in reply.signals if s.kind in skip_kinds}
    return any(i not in skip and item.topic & words for i, words in enumerate(reply.topics))


# What a reply can carry that takes a customer's point up even in other words than theirs
# ("your plates went out by courier on Tuesday" answers "I still have no plates").
ENGAGING = {"commitment", "apology", "accommodation", "ask_visit", "exploration"}
REPORTING_VALUE = {"update", "answer", "resource", "proposal"}


def _engages(reply: Touch, kinds: set[str]) -> bool:
    return any(
        plain(s) and (s.kind in kinds or (s.kind == "value" and s.subtype in REPORTING_VALUE))
        for s in reply.signals
    )


def addresses(reply: Touch, item: Item) -> bool:
    """The reply takes the item up: refers to its subject, reports, answers, promises or apologises."""
    return _on_topic(reply, item, {"checkin", "nudge"}) or _engages(reply, ENGAGING)


def reports_back(reply: Touch, item: Item) -> bool:
    """The reply says something about the item that is more than a promise to act."""
    return _on_topic(reply, item, {"checkin", "nudge", "commitment", "callback"}) or _engages(reply, set())


def build(conversation: Conversation, now: datetime) -> Timeline:
    timeline = Timeline(conversation, now)
    touches = conversation.touches
    for index, touch in enumerate(touches):
        if touch.direction is Direction.INBOUND:
            _customer_touch(timeline, index, touch)
        else:
            _our_touch(timeline, index, touch)
        for signal in touch.signals:
            if signal.kind == "callback" and plain(signal):
                due = resolve(signal.when, timeline.when(touch)) if signal.when else None
                timeline.agreements.append(Agreement(touch, signal, index, due))
    return timeline


def _customer_touch(timeline: Timeline, index: int, touch: Touch) -> None:
    resolved = any(s.kind == "resolved" and plain(s) for s in touch.signals)
    for item in timeline.items:
        if item.resolved_by is None and resolved and (item.index < index):
            item.resolved_by = touch
    # A request to schedule ("can you call me Friday?") is an agreed time, FL104's business;
    # a question inside thanks or praise ("what would we do without you?") asks for nothing.
    seen_sentences = {s.sentence for s in touch.signals if s.kind in ("callback", "satisfaction", "think_it_over")}
    for signal in touch.signals:
        if signal.kind not in ITEM_KINDS or not plain(signal) or signal.sentence in seen_sentences:
            continue
        seen_sentences.add(signal.sentence)
        timeline.items.append(Item(touch, signal, index))


def _our_touch(timeline: Timeline, index: int, touch: Touch) -> None:
    commitments = [s for s in touch.signals if s.kind in ("commitment", "callback") and plain(s)]
    for item in timeline.items:
        if item.index >= index or item.resolved_by is not None:
            continue
        if item.addressed_by is None and addresses(touch, item):
            item.addressed_by = touch
        if item.reported_by is None and reports_back(touch, item):
            item.reported_by = touch
        elif item.commitment is None and commitments and item.reported_by is None:
            item.commitment = (touch, commitments[0])
