"""The timeline stage: one pass over an annotated conversation, in time order, opening the
customer's items, marking what addresses, reports back on or resolves them, and collecting the
agreed times for the next contact.
"""
from __future__ import annotations

import re
from datetime import datetime

from ..model import Conversation, Direction, Signal, Touch
from .due import agreed_date, resolve_times
from ..lexicon.words import current as current_words
from .calls import call_note, said_by, two_way, writer_says
from .replies import addresses, reports_back
from .state import IMPLIED, Agreement, Item, Timeline, continues, plain
from .topics import names, on_topic, span_topic

ITEM_KINDS = ("issue", "request", "question", "dissatisfaction")
# Every kind the customer's items are opened, addressed, reported on and resolved from: a rule
# that reads ``Timeline.items`` or ``open_issues`` reads these (``Rule.reads``).
ITEM_READS = (
    "issue", "request", "question", "dissatisfaction", "resolved", "satisfaction", "think_it_over",
    "callback", "commitment", "value", "checkin", "nudge", "referral_ask", "ask_business", "ask_meeting",
    "ask_visit", "ask_online", "accommodation", "exploration", "assent", "apology", "defensive",
    "pleasantry", "boilerplate", "handoff", "status", "condition", "context", "when",
)
MAX_QUESTIONS = 5  # more questions than this in one message: a quiz or a joke list
RHETORICAL_WORDS = 8  # "what would we do without you?": a question in thanks this short asks nothing
NEED = "need"  # condition/need: "if you need", on the other side's need
VOICE = "voice"  # constraint/voice: "no phone signal here", "deaf: email or text only"


def build(conversation: Conversation, now: datetime) -> Timeline:
    resolve_times(conversation, now)
    timeline = Timeline(conversation, now)
    timeline.names = names(conversation)
    touches = conversation.touches
    for index, touch in enumerate(touches):
        if touch.direction is Direction.INBOUND:
            _customer_touch(timeline, index, touch)
        else:
            _our_touch(timeline, index, touch)
            if two_way(touch) or _records_ask(touch):
                _reported_items(timeline, index, touch)
        _implied_item(timeline, index, touch)
        for signal in touch.signals:
            if signal.kind == "callback" and plain(signal) and not _held_out(touch, signal):
                timeline.agreements.append(Agreement(touch, signal, index, agreed_date(touch, signal),
                                                     by_customer=_customers(touch, signal)))
    return timeline


def _customers(touch: Touch, callback: Signal) -> bool:
    """Is an agreed time the customer's word? Theirs in their own message; in the note of a
    call they made, only what the note reports them saying, not the writer's promise."""
    if touch.direction is not Direction.INBOUND:
        return False
    return not (call_note(touch) and callback.subtype != "asked" and writer_says(touch, callback))


def _held_out(touch: Touch, callback: Signal) -> bool:
    """A contact the other side holds out as a possibility ("maybe you can call me before then",
    "I'll try calling you next week") is not agreed. Our own "I'll try to call you Friday" still
    sets the customer waiting: it stays an agreed time."""
    ours = not _customers(touch, callback) and callback.subtype != "asked"
    return not ours and any(s.kind == "tentative" and s.sentence == callback.sentence and s.start < callback.end
                            for s in touch.signals)


def _customer_touch(timeline: Timeline, index: int, touch: Touch) -> None:
    resolved = any(s.kind == "resolved" and plain(s) for s in touch.signals)
    thanks = _only_thanks(touch)
    for item in timeline.items:
        if item.resolved_by is not None or item.index >= index:
            continue
        # Thanks alone after our answer closes what we answered, not what we still owe.
        answered = item.addressed_by is not None and (item.commitment is None or item.reported_by is not None)
        if resolved or (thanks and answered):
            item.resolved_by = touch
    # A request to schedule ("can you call me Friday?") is an agreed time, FL104's business;
    # a question inside thanks or praise ("what would we do without you?") asks for nothing.
    # ... and one in the sentence that says it is solved ("please ignore, my colleague sorted it")
    # asks for nothing more.
    seen_sentences = {s.sentence for s in touch.signals if s.kind in ("callback", "think_it_over", "ask_meeting")
                      or (s.kind == "resolved" and plain(s))}
    praised = {s.sentence for s in touch.signals if s.kind == "satisfaction" or (s.kind == "sentiment" and s.subtype == "positive")}
    # What the customer asks for on our need ("DM me if you need my details") is their offer;
    # asking us to write because they cannot take calls ("no signal here so please email") is
    # how to reach them, FL108's business.
    offered = {s.sentence for s in touch.signals if plain(s) and ((s.kind in ("condition", "boilerplate") and s.subtype == NEED)
                                                                    or (s.kind == "constraint" and s.subtype == VOICE))}
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
    priced = "$" in touch.text or any(s.kind == "value" and s.subtype == "offer" for s in touch.signals)
    first_of_sentence: dict[int, Item] = {}  # a request that a second one in its sentence may split
    for signal in touch.signals:
        if signal.kind not in ITEM_KINDS or not plain(signal) or (
                signal.sentence in seen_sentences and signal.sentence not in first_of_sentence):
            continue
        # ... but a question of some length asks ("do you provide nappies and wipes or do we
        # bring our own?"), however warm the message.
        rhetorical = grateful and touch.sentences[signal.sentence].words <= RHETORICAL_WORDS
        if (rhetorical or questionnaire or signal.sentence in praised) and signal.kind == "question":
            continue
        if signal.kind == "request" and signal.sentence in offered:
            continue
        if any(p.start <= signal.start and signal.end <= p.end for p in small_talk):
            continue  # "how are you?"
        if signal.sentence in seen_sentences:  # a second request of the sentence, in a clause of its own
            first = first_of_sentence[signal.sentence]
            split = _split_requests(touch, first.signal, signal)
            if split is None:
                continue
            first.signal, signal = split
            del first_of_sentence[signal.sentence]
        seen_sentences.add(signal.sentence)
        item = Item(touch, signal, index, names=timeline.names, neighbours=tuple(by_sentence[signal.sentence]),
                    priced=priced)
        if signal.sentence not in first_of_sentence and signal.kind in ("request", "question"):
            first_of_sentence[signal.sentence] = item
        _held_to_note(item, touch)
        timeline.items.append(item)


# Between two requests of one sentence, what makes the second a request of its own: "; (2) she
# needs the invoice split", ", and also confirm your fee", ", and could you...".
NEXT_REQUEST_RE = re.compile(r";|\(\d\)|\b\d\)|,\s*(?:and|also|plus)\b|\band also\b", re.IGNORECASE)


def _split_requests(touch: Touch, first: Signal, second: Signal) -> tuple[Signal, Signal] | None:
    """Two requests of one sentence, one after a break ("Can you send over her notice period,
    and also confirm your contractor fee?"): each on its own words, the first up to the break and
    the second from it to the sentence's end. None when the second is part of the first."""
    if second.kind != "request" or second.start < first.end:
        return None
    between = NEXT_REQUEST_RE.search(touch.text, first.end, second.end)  # "and also" may open the second
    if between is None:
        return None
    span = touch.sentences[second.sentence]
    return _clause(touch, first, span.start, between.start()), _clause(touch, second, between.end(), span.end)


def _clause(touch: Touch, signal: Signal, start: int, end: int) -> Signal:
    clause = Signal(kind=signal.kind, subtype=signal.subtype, start=start, end=end, text=touch.text[start:end],
                    sentence=signal.sentence, topic=signal.topic)
    # Its own words, not the other request's, and not the asking ("also confirm").
    clause.topic = span_topic(clause) - span_topic(signal)
    return clause


def _held_to_note(item: Item, touch: Touch) -> None:
    """In the note of a call the customer made, what the writer promised after the customer's
    point ("Wants it replaced under warranty. Told him I'd log the claim") took it up on that
    call, and holds us to the promise."""
    if not call_note(touch):
        return
    after = [p for p in owned_promises(touch) if p.start > item.signal.end and writer_says(touch, p)]
    if after:
        item.addressed_by = touch
        item.commitment = (touch, after[0])


REPORTED_KINDS = ("issue", "request", "dissatisfaction")  # our own questions in a note are ours
RECORDS = ("task", "note")


def _records_ask(touch: Touch) -> bool:
    """A CRM task or note of ours that records what the customer asked for or reported
    ("Customer asked on the call for swatches. Told him we'd post them"): held to the promise it
    records."""
    return touch.kind in RECORDS and bool(touch.activity) and any(
        s.kind in REPORTED_KINDS and plain(s) for s in touch.signals)


def _reported_items(timeline: Timeline, index: int, touch: Touch) -> None:
    """The customer's problems and requests as our call note reports them ("spoke w/ cust re
    the delivery - 6 chairs missing. said I'd chase the warehouse"): taken up on that call, and
    held to what the note promises after them, or the visit it agrees ("Agreed to bring the
    swatches on Thursday")."""
    promises = sorted(owned_promises(touch) + [s for s in touch.signals if s.kind == "callback" and s.subtype == VISIT
                                                and plain(s)], key=lambda s: s.start)
    by_sentence: dict[int, list[Signal]] = {}
    for signal in touch.signals:
        by_sentence.setdefault(signal.sentence, []).append(signal)
    seen = set()
    for signal in touch.signals:
        if signal.kind not in REPORTED_KINDS or not plain(signal) or signal.sentence in seen:
            continue
        if signal.kind == "request" and signal.subtype != REPORTED and writer_says(touch, signal):
            continue  # the note's own words ("How's it going call"), not the customer's ask it reports
        if signal.subtype == REPORTED and said_by(touch, signal) is True:
            continue  # "I reported the fault to the maker": ours
        seen.add(signal.sentence)
        item = Item(touch, signal, index, names=timeline.names, neighbours=tuple(by_sentence[signal.sentence]),
                    addressed_by=touch)
        after = [p for p in promises if p.start > signal.end]
        if after:
            item.commitment = (touch, after[0])
        timeline.items.append(item)


THANKS_KINDS = ("pleasantry", "satisfaction", "resolved")
SHORT_SENTENCE = 3


def _only_thanks(touch: Touch) -> bool:
    """A message that is only thanks or praise ("Thanks guys!", "you were great!"): every
    sentence of some length carries one, and nothing else is said."""
    if not any(s.kind in THANKS_KINDS for s in touch.signals):
        return False
    # A bare yes or no ("No thanks!") says nothing more than the thanks.
    if any(s.kind not in THANKS_KINDS and s.kind != "when" and s.subtype != "polar" for s in touch.signals):
        return False
    carried = {s.sentence for s in touch.signals}
    return all(i in carried or span.words < SHORT_SENTENCE for i, span in enumerate(touch.sentences))


def _our_touch(timeline: Timeline, index: int, touch: Touch) -> None:
    promises = _promises(timeline, index, touch)
    # "I'll call you back" is a promise to act on an item only when it says what about
    # ("I'll call you back tomorrow with the payoff figure").
    callbacks = [s for s in touch.signals if s.kind == "callback" and plain(s)]
    # Our own records (a CRM note, an open task) never reach the customer: they can hold a
    # commitment ("call back about the plates", due Friday), never an answer.
    speaks = touch.direction is Direction.OUTBOUND
    # A promise made while moving the customer to a private channel ("I've sent you a DM, let's
    # get this fixed") is followed through in that channel, where no later touch here shows it.
    elsewhere = any(s.kind == "handoff" and s.subtype == "channel" and plain(s) for s in touch.signals)
    for item in timeline.items:
        if item.index >= index or item.resolved_by is not None:
            continue
        # Once the item went to the private channel, what we say of it later here ("our team is
        # on it") is followed through there too.
        item.handed_off = item.handed_off or (speaks and elsewhere)
        if speaks and item.addressed_by is None and addresses(touch, item, timeline.items):
            item.addressed_by = touch
        if speaks and item.reported_by is None and reports_back(touch, item):
            item.reported_by = touch
        elif item.commitment is None and item.reported_by is None and not (elsewhere or item.handed_off):
            about = [s for s in callbacks if s.sentence < len(touch.topics) and on_topic(item.topic, touch.topics[s.sentence])]
            if promises or about:
                item.commitment = (touch, (promises or about)[0])


CALLBACK_REACH = 2  # characters: "I'll ring her Tuesday" is the callback's own words
IMPLIED_OVERLAP = 2  # subject words the promise and the customer's sentence share: one can be chance
PUSHBACK = ("decline", "sentiment")  # a sentence of the customer's that pushes back or says a feeling


def _implied_item(timeline: Timeline, index: int, touch: Touch) -> None:
    """Our promise to act on what the customer's message just said ("I'll check with the porting
    team why your 0161 numbers haven't moved across"), where no problem or request of theirs was
    read in it: our promise says they raised one. The item is the customer's sentence that shares
    most of the promise's subject; we owe a report back on it. In the note of a call, the item is
    the promise the writer made on it ("Told her I'd get our tech to look at the burr alignment")."""
    if call_note(touch):
        _promised_on_call(timeline, touch)
        return
    if touch.direction is not Direction.OUTBOUND:
        return
    customer = timeline.previous_inbound(index)
    if customer is None or not customer.topics or any(item.touch is customer for item in timeline.items):
        return
    if any(t.direction is Direction.OUTBOUND for t in timeline.touches[timeline.touches.index(customer) + 1:index]):
        return  # not our answer to that message: another came first
    promises = [p for p in _promises(timeline, index, touch) if p.sentence < len(touch.topics)]
    if not promises:
        return
    promise = promises[0]
    said = touch.topics[promise.sentence] - timeline.names
    overlap, sentence = max((len(said & words), i) for i, words in enumerate(customer.topics))
    if overlap < IMPLIED_OVERLAP:
        # "Sorry about that door. I'll speak to Mick": the customer's one sentence that pushes
        # back or feels bad ("the cabinet door doesn't close flush") is what we apologise for.
        felt = {s.sentence for s in customer.signals if s.kind in PUSHBACK and plain(s)}
        if len(felt) != 1 or not any(s.kind == "apology" and plain(s) for s in touch.signals):
            return
        sentence = felt.pop()
    timeline.items.append(_item_of_sentence(timeline, customer, sentence, "issue", touch, promise))


def _promised_on_call(timeline: Timeline, touch: Touch) -> None:
    if any(item.touch is touch for item in timeline.items):
        return  # the note's own items hold its promise (_held_to_note, _reported_items)
    # A promise only to ring back ("I'll ring her Tuesday") is an agreed time, FL104's; one in the
    # sentence that reports the customer putting the decision off ("He said let me think about it,
    # will come back to you") is theirs.
    # A promise with a day ("our technician will replace it on Tuesday") is a booked act, which
    # the record of its day shows; "I'll look into the rota", or "check the warehouse and ring
    # back Thursday", wants a report back.
    promise = next((p for p in owned_promises(touch) if p.sentence > 0 and writer_says(touch, p)
                    and (p.due is None or _reports_by_call(touch, p)) and not _only_calls_back(touch, p)), None)
    if promise is None:
        return
    timeline.items.append(_item_of_sentence(timeline, touch, promise.sentence, "request", touch, promise))


def _item_of_sentence(timeline: Timeline, said: Touch, sentence: int, kind: str, ours: Touch, promise: Signal) -> Item:
    """An item (issue/implied, request/implied) on a whole sentence of ``said``, taken up and
    promised by ``ours``."""
    span = said.sentences[sentence]
    topic = said.topics[sentence] if sentence < len(said.topics) else frozenset()
    signal = Signal(kind=kind, subtype=IMPLIED, start=span.start, end=span.end, text=said.text[span.start:span.end],
                    sentence=sentence, topic=topic)
    return Item(said, signal, timeline.touches.index(said), names=timeline.names, addressed_by=ours,
                commitment=(ours, promise))


def _only_calls_back(touch: Touch, promise: Signal) -> bool:
    if _calls(promise) and all(_calls(s) for s in touch.signals if s.kind == "commitment" and s.sentence == promise.sentence):
        return True  # "I'll ring her Tuesday 17th"
    return any(s.sentence == promise.sentence and (s.kind == "think_it_over" or (
        s.kind == "callback" and s.start <= promise.start < s.end + CALLBACK_REACH)) for s in touch.signals)


def _reports_by_call(touch: Touch, promise: Signal) -> bool:
    return any(s.sentence == promise.sentence and (s.kind == "callback" or (s.kind == "commitment" and _calls(s)))
               for s in touch.signals)


def _calls(promise: Signal) -> bool:
    return not current_words()["crm_call_verb"].isdisjoint(promise.text.lower().split())


# What we ask of the customer: a promise in the same sentence or next to it waits on their
# answer ("Can you tell us which device? We'll see what we can suggest", "We'd be happy to look
# into this. Could you DM us your name?").
ASKS_OF_CUSTOMER = ("condition", "exploration", "request", "question")
EVENT = "event"  # condition/event: on what happens, not on the customer; it holds its own sentence only
OFFER = "offer"  # commitment/offer: "we'd be glad to help"
RELAY = "relay"  # commitment/relay: "we'll pass your feedback on to our Ads team"
VISIT = "visit"  # callback/visit: "agreed to bring the samples on Thursday"; commitment/visit: "we'll come out Thursday to fix it"
REPORTED = "reported"  # request/reported: the customer's ask as our note records it, not ours of them


ASK_AT_END = 2  # the first post's ask is in its last sentences (a "(1/2)" may follow it)
PART_MARK_RE = re.compile(r"\(?1\s*/\s*\d\)?\W*$")  # "1/2", "(1/3)" closing the first post of a split reply


def _promises(timeline: Timeline, index: int, touch: Touch) -> list[Signal]:
    """Our promises in touch ``index``; none in the second part of a reply split over two posts
    ("... 1/2") whose first part asks the customer for something ("Please can you DM your
    booking reference... 1/2", "...We'll look at it for you. 2/2"): they wait on it."""
    before = timeline.touches[index - 1] if index else None
    if (before is not None and before.direction is Direction.OUTBOUND and continues(touch, before)
            and PART_MARK_RE.search(before.text)
            and any(s.sentence + ASK_AT_END >= len(before.sentences) for s in _asks_of_customer(before))):
        return []
    return owned_promises(touch)


def _asks_of_customer(touch: Touch) -> list[Signal]:
    return [s for s in touch.signals if s.kind in ASKS_OF_CUSTOMER and not s.negated and s.subtype not in (EVENT, REPORTED)]


def owned_promises(touch: Touch) -> list[Signal]:
    """Our own unconditional promises to act: not one inside a condition on the customer ("if
    you DM us we'll look into it") or next to an ask of them, not one under a condition on
    events ("if anything changes, we'll keep you posted"), not an offer ("we'd be glad to help"),
    not a visit booked for a day (the visit keeps it)."""
    waits_on = {s.sentence + step for s in _asks_of_customer(touch) for step in (-1, 0, 1)}
    waits_on |= {s.sentence for s in touch.signals if s.kind == "condition" and s.subtype == EVENT and not s.negated}
    # "I'll call you" inside "I'll call you back in 3 days" is that callback, not a promise to act.
    callbacks = [(s.start, s.end) for s in touch.signals if s.kind == "callback"]
    return [s for s in touch.signals if s.kind == "commitment" and s.subtype not in (OFFER, RELAY) and plain(s) and s.sentence not in waits_on
            and not any(a <= s.start and s.end <= b for a, b in callbacks) and not _someone_elses(s)
            and not (s.subtype == VISIT and s.due is not None)]  # "I'll come round at 2pm today and replace it"


def _someone_elses(promise: Signal) -> bool:
    """"They'll look into this" of the team we sent the customer to: theirs to keep, not ours."""
    first = promise.text.split(maxsplit=1)[0].lower().replace("’", "'") if promise.text.strip() else ""
    return first in current_words()["other_party_subject"]
