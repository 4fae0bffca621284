"""What a reply of ours does with a customer's item: addresses it, reports back on it, or is
not even written back to the customer.
"""
from __future__ import annotations

from collections.abc import Sequence
import re
from functools import lru_cache
from urllib.parse import urlsplit

from ..lexicon.words import current as current_words
from ..model import Touch
from ..subjects import is_forward
from .state import STATEMENT, Item, plain
from .topics import on_topic, shared

HANDLE_RE = re.compile(r"@\w+")  # a mention ("@AskPayPal"), as support replies open
WORD_RE = re.compile(r"\w+(?:['’]\w+)*")

# Sentences that serve us, not the customer: a word they share with the customer's issue
# ("a referral bonus on your next bill") does not take the issue up.
SELF_SERVING = {"checkin", "nudge", "referral_ask", "ask_business"}


def _on_topic(reply: Touch, item: Item, skip_kinds: set[str], topic: frozenset | None = None,
              besides: set[int] = frozenset(), strict: set[int] = frozenset()) -> bool:
    """Does some sentence of the reply, other than ``besides`` and those carrying skip_kinds,
    share the item's subject (or ``topic``, a part of it)? A ``strict`` sentence must share
    more of it than one word."""
    topic = item.topic if topic is None else topic
    if not topic:
        return False
    skip_kinds = skip_kinds - item.kinds  # asked about referrals: our referral talk answers
    asks_back = _asks_back(reply)
    # A check-in about the customer's own point, by more than a word of it ("Just checking in to
    # see if you still want to cancel XFINITY services"), takes the point up.
    skip = {s.sentence for s in reply.signals if s.kind in skip_kinds and s.sentence not in asks_back
            and not (s.kind in CHASER and s.sentence < len(reply.topics)
                     and shared(topic, reply.topics[s.sentence]) >= STRICT_OVERLAP)}
    skip |= reply.title_sentences() | besides
    return any(i not in skip and shared(topic, words) >= (STRICT_OVERLAP if i in strict else 1)
               for i, words in enumerate(reply.topics))


# In a reply that pitches (a referral, sales or meeting ask), the pitching sentences do not take
# the customer's point up by a word they share with it ("Who else in your network needs
# deliveries?"), and a sentence that does nothing else we can name is the pitch's setting ("We're
# expanding our delivery route") unless it says more of the subject than one word.
STRICT_OVERLAP = 2
# A check-in, a chaser, why we write, a discount, a price or a slot of ours is as often how we
# take the customer's point up: only the asks pitch.
PITCH = {"referral_ask", "ask_business", "ask_meeting"}
BOOKING = {"ask_business", "ask_meeting"}  # "shall I book you in?", "can we meet Tuesday?"
SCHEDULE = "schedule"  # what a request to be booked or seen wants


def _answering(item: Item) -> set[str]:
    """Our asks that answer the item rather than pitch: to be booked, our offer to book."""
    return BOOKING if SCHEDULE in item.wants else set()


def _pitch_sentences(reply: Touch, item: Item) -> tuple[set[int], set[int]]:
    """The reply's pitching sentences, and the sentences that do nothing else we name (both
    empty when it pitches nothing). To a customer who asked to be booked ("Could you book me in
    for an assessment?"), our offer to book is the answer, not a pitch."""
    responding = _responding(reply)
    pitch = PITCH - _answering(item)
    selling = {s.sentence for s in reply.signals if s.kind in pitch and not _incidental(s, responding)}
    if not selling:
        return set(), set()
    named = {s.sentence for s in reply.signals if s.kind not in FILLER}
    return selling, set(range(len(reply.sentences))) - named


# A chaser's words asked about the customer's own point ("Have you had a chance to speak with your
# bank regarding the refund?") are a question back, not our chase: their subject decides.
CHASER = {"checkin", "nudge"}


def _asks_back(reply: Touch) -> set[int]:
    """The reply's questions whose only agenda is a chaser's or a check-in's words."""
    questions = {s.sentence for s in reply.signals if s.kind == "question"}
    agenda = {s.sentence for s in reply.signals if s.kind in SELF_SERVING - CHASER}
    return {s.sentence for s in reply.signals if s.kind in CHASER and s.sentence in questions} - agenda


# What a reply can carry that takes a customer's point up even in other words than theirs
# ("Leave it with me", "Of course", "we can send a technician to you"). News, offers and
# proposals do not: a pitch is full of them and answers nothing.
# An owned hand-off ("We've replied to your DM", "so we can follow up") takes the point up too,
# whatever news it also carries ("We have sent you a DM"). So do an assurance, however rash
# ("I can assure you the gates will never stick again" answers "is it going to keep happening?"),
# and an argument ("Per my last email, we need the bottles back" answers "can you replace
# them?"): FL106's and FL110's business, not FL103's.
ENGAGING = {"commitment", "callback", "accommodation", "exploration", "assent", "ask_visit", "ask_online", "status",
            "guarantee", "defensive", "handoff"}
# Sympathy takes a complaint up, not a question ("So sorry! Here are some other trips" does not
# say how to get the refund).
ENGAGING_ISSUE = {"apology"}
REPORTING_VALUE = {"answer"}
INVITATIONS = {"ask_visit", "ask_online"}


def _engages(reply: Touch, kinds: set[str], item: Item, elsewhere: set[int] = frozenset()) -> bool:
    responding = _responding(reply)
    skip = {s.sentence for s in reply.signals if s.kind in SELF_SERVING and not _incidental(s, responding)}
    skip |= elsewhere
    # In a reply that sells, a link or attachment is the thing asked for only when it is about it
    # (the flyer of a promotion is not the certificate the customer needs).
    # So is an invitation to come in to a sale ("30% off all frames... just pop in"): it takes up
    # nothing of the customer's.
    selling = any(_sells(s, responding) for s in reply.signals)
    off_topic: set[int] = set()  # signals that would answer the item but are about something else
    if selling and item.topic:
        skip |= {s.sentence for s in reply.signals if s.kind == "value" and s.subtype == "resource"
                 and not (s.sentence < len(reply.topics) and on_topic(item.topic, reply.topics[s.sentence]))}
        if any(s.kind == "concession" and not s.negated for s in reply.signals):
            kinds = kinds - INVITATIONS
    if not item.topic:  # nothing to match it by: any substance answers it
        values = REPORTING_VALUE | {"update", "resource", "proposal"}
    else:
        values = REPORTING_VALUE | {"update"} if item.chase else REPORTING_VALUE
        if "send" in item.wants:  # "could you send me...": what we send answers it
            values = values | {"resource"}
        # "can I be seen soon?", "let us know what's next", or what we promised to act on: a slot
        # or news answers it (news in a reply that sells is the pitch's)
        if item.wants & {SCHEDULE, "inform"}:
            values = values | {"proposal", "update"}
        elif item.implied and not _pitches(reply, responding):
            values = values | {"proposal", "update"}
            # ... by its subject: another slot of ours ("Booked her hygiene visit for Tue 17 Mar")
            # is no report on the refund we promised to chase.
            off_topic = {id(s) for s in reply.signals if s.kind == "value" and s.subtype in ("proposal", "update")
                         and not _on_promise(reply, s, item)}
    # A hand-off is owned or it is none ("Would be lovely to see you there" hands nothing on);
    # a conditional offer of help still takes the point up ("if you DM us we'll look into it").
    return any(
        not s.negated and s.sentence not in skip and id(s) not in off_topic and s.subtype != POLAR
        and (s.kind in kinds or (s.kind == "value" and s.subtype in values))
        and not (s.hypothetical and s.kind in {"handoff", "value"})
        for s in reply.signals
    )


def _on_promise(reply: Touch, signal, item: Item) -> bool:
    """Does the sentence of ``signal`` share a word with the item's message or with the promise
    we made on it?"""
    if signal.sentence >= len(reply.topics):
        return False
    subject = item.topic.union(*item.touch.topics)
    if item.commitment is not None:
        touch, promise = item.commitment
        if promise.sentence < len(touch.topics):
            subject = subject | touch.topics[promise.sentence]
    return on_topic(subject - item.names, reply.topics[signal.sentence])


POLAR = "polar"  # assent/polar: a bare yes or no ("Correct.", "Nope!")
STATUS = "status"  # what we did or where it stands ("refunded the second payment today")
OPENING_WORDS = 2  # "Hi Ryan - yes!": a greeting and a name may come before the answer


def _polar_answer(reply: Touch, item: Item, elsewhere: set[int] = frozenset()) -> bool:
    """A yes or a no that opens a sentence of the reply answers the customer's question ("Can I
    DM you?" "Absolutely!"; "its extra?" "Nope! Still just the $3"), unless the sentence is
    about another question of the message (``elsewhere``)."""
    if not item.asks or any(s.kind in SELF_SERVING for s in reply.signals):
        return False
    if not _yes_no(item):
        return False  # "Where is my order?" is not answered by "Yes!"
    return any(s.kind == "assent" and s.subtype == POLAR and _opens(reply, s) and s.sentence not in elsewhere
               for s in reply.signals)


def _elsewhere(reply: Touch, item: Item, items: Sequence[Item]) -> set[int]:
    """The reply's sentences that take up another request of the item's message, by words that
    request does not share with the item, and none of the item's own: "Yes, we'll deliver to
    the Hall" answers "Can you deliver there?", not "Is the kitchen nut-free?", and what it
    promises or agrees there is not said of the nuts. A complaint is about the whole matter:
    help offered with any of it takes it up."""
    if item.complains or len(item.signal.topic - item.names) < DISTINCT_TOPIC or _points_back(item):
        return set()  # "Please advise", "Am I missing something?": a rider on the others
    # The others by their whole subject ("Can you deliver there?" is about the cake it follows),
    # each on a line of its own: points in one run of text (a tweet) are one matter.
    others = [i for i in _sibling_requests(item, items) if len(i.topic) >= DISTINCT_TOPIC and _lines_apart(item, i)]
    if not others:
        return set()
    mine = item.topic - frozenset().union(*(i.topic for i in others))
    return {n for n, words in enumerate(reply.topics)
            if not on_topic(mine, words) and any(on_topic(i.topic - item.topic, words) for i in others)}


def _yes_no(item: Item) -> bool:
    """Is the item a question a yes or a no answers: none of its words asks what, where, how..."""
    asks = current_words()["question_word"]
    return not any(w in asks for w in WORD_RE.findall(_sentence_text(item).lower()))


def _sentence_text(item: Item) -> str:
    if item.signal.sentence < len(item.touch.sentences):
        span = item.touch.sentences[item.signal.sentence]
        return item.touch.text[span.start:span.end]
    return item.signal.text


def _opens(reply: Touch, signal) -> bool:
    if signal.sentence >= len(reply.sentences):
        return False
    return _only_handles(reply.text[reply.sentences[signal.sentence].start:signal.start])


def _only_handles(text: str) -> bool:
    """Nothing but @handles, a greeting and a name before the word ("@116 Hi Sam, yes")."""
    words = [w for w in HANDLE_RE.sub(" ", text).split() if w.strip(",.-!:;")]
    return len(words) <= OPENING_WORDS


def addresses(reply: Touch, item: Item, items: Sequence[Item] = ()) -> bool:
    """The reply takes the item up: refers to its subject, answers, promises, agrees or
    apologises, or works on it with the customer (a question back, a hand-off it owns, steps,
    the thing asked for). It does not when it takes up another of the customer's requests of
    the same message and leaves this one out (``items``: the customer's items so far)."""
    own = _own_topic(reply, item, items)
    if _on_topic(reply, item, SELF_SERVING - _answering(item), own, *_pitch_sentences(reply, item)):
        return True
    if _hands_off(reply):
        return True
    rides_on = _rides_on(item, items)
    if rides_on is not None and addresses(reply, rides_on, items):
        return True  # "Third time my parcel was left in the rain. Why does this keep happening?"
    # A question back about one of the customer's points ("Does this bill say Final Bill?") holds
    # the others of the message until they answer: it leaves none of them out. A yes ("Of
    # course - the invoice is attached") answers the point it goes with, not this one.
    if _leaves_out(reply, item, items) and not _only_asks_back(reply, item, items):
        return False
    elsewhere = _elsewhere(reply, item, items)
    if _polar_answer(reply, item, elsewhere):
        return True
    kinds = ENGAGING | ENGAGING_ISSUE if item.complains else ENGAGING
    return (_engages(reply, kinds, item, elsewhere) or _short_answer(reply, item, elsewhere)
            or _works_on(reply, item, elsewhere))


def _hands_off(reply: Touch) -> bool:
    """An owned hand-off ("Please check your DMs", "We've followed up via email", "DM us so we
    can take a closer look") takes up everything the customer raised in the message: the rest
    goes on in the other channel, where we cannot see it."""
    skip = {s.sentence for s in reply.signals if s.kind in SELF_SERVING}
    return any(s.kind == "handoff" and plain(s) and s.sentence not in skip for s in reply.signals)


# A reply with an agenda of its own (news, an offer, a proposal, a time of ours, a chaser, a
# referral or a sales ask, cheer about how well things go) takes the customer's point up only by
# its subject or by the engaging kinds above: the question or the link it carries is its own
# ("Could you share your Q1 volumes as we plan next year?").
AGENDA = SELF_SERVING | {"ask_meeting", "when", "satisfaction", "context"}
AGENDA_VALUES = {"update", "offer", "proposal"}
# What a reply with no agenda of its own does when it works on the customer's point with them:
# asks back, asks for the details or a private channel, gives steps, owns a hand-off.
WORKING = {"question", "exploration", "request", "ask_online", "handoff", "assent", "accommodation"}
WORKING_VALUES = {"answer", "resource"}
# A bare redirect ("For technical help, please visit our Help site <link>") sends the customer
# elsewhere and takes nothing on: it works on the point only when the reply also says something
# of its own (an explanation, an offer of help, a question) or shares a word with what the
# customer wrote.
REDIRECT = {"request", "ask_online"}
REDIRECT_VALUES = {"resource"}
FILLER = {"pleasantry", "boilerplate"}
GREETING = "greeting"  # pleasantry/greeting hides only its own words: "Hi Sam, that is the correct email." says something
SUBSTANTIVE_WORDS = 3


# A sentence that does something for the customer (promises, hands on, says how it stands,
# apologises, tells them what to do, asks about the problem, points into a page for it) is a
# response, whatever words in it also sound like an agenda: "I'll follow up with our team so..." is
# no check-in, "To see which branches are available, please visit..." no news of ours, "These steps
# may get things running smoothly: <link>" no cheer of ours.
RESPONDING = {"commitment", "handoff", "status", "apology", "request", "exploration"}
# What such a sentence turns from an agenda into a part of the response. A sales ask (a meeting,
# a referral, the sale, an offer, a proposal) stays an agenda wherever it stands.
INCIDENTAL = {"checkin", "nudge", "when", "satisfaction", "context"}
INCIDENTAL_VALUES = {"update"}


# A sales ask, an offer, a proposal, a check-in, a chaser or why we write: the agenda that makes
# news in the same reply ours ("Our spring range is in. Could we book a call?").
SALES = {"referral_ask", "ask_business", "ask_meeting", "checkin", "nudge", "context"}
SALES_VALUES = {"offer", "proposal"}


def _responding(reply: Touch) -> set[int]:
    """The reply's sentences that respond to the customer. News in a reply that asks nothing of
    its own and sells nothing is how the customer's point stands ("We've turned it off for the
    promo, it'll be back tomorrow", "It was released earlier today")."""
    said = {s.sentence for s in reply.signals if not s.negated and (
        s.kind in RESPONDING or (s.kind == "value" and s.subtype in REDIRECT_VALUES and _specific_link(s.text)))}
    if not any(_sells(s, said) for s in reply.signals):
        said |= {s.sentence for s in reply.signals
                 if s.kind == "value" and s.subtype in INCIDENTAL_VALUES and not s.negated and not s.hypothetical}
    return said


def _sells(signal, responding: set[int], values=SALES_VALUES) -> bool:
    return not signal.negated and not _incidental(signal, responding) and (
        signal.kind in SALES or (signal.kind == "value" and signal.subtype in values))


OFFER = ("offer",)


def _pitches(reply: Touch, responding: set[int]) -> bool:
    """Does the reply ask for a sale, a meeting or a referral, check in or chase, or offer? (A
    proposal of ours may be the slot we promised.)"""
    return any(_sells(s, responding, OFFER) for s in reply.signals)


def _incidental(signal, responding: set[int]) -> bool:
    return signal.sentence in responding and (
        signal.kind in INCIDENTAL or (signal.kind == "value" and signal.subtype in INCIDENTAL_VALUES))


def _agenda(signal, responding: set[int] = frozenset()) -> bool:
    # Not the hypothetical flag: a sales ask is mostly a "would you..." question.
    return not signal.negated and not _incidental(signal, responding) and (
        signal.kind in AGENDA or (signal.kind == "value" and signal.subtype in AGENDA_VALUES))


def _works_on(reply: Touch, item: Item, elsewhere: set[int] = frozenset()) -> bool:
    """Does a reply with no agenda of its own work on the customer's point (a question back, a
    request for details, steps, a link that explains, an owned hand-off)?"""
    responding = _responding(reply)
    if any(_agenda(s, responding) for s in reply.signals):
        return False
    # News tells how a problem or a question stands; it does not do what the customer asked us
    # to do ("could you also send me the VAT invoice?": news of the order is not the invoice).
    news = "request" not in item.kinds or "inform" in item.wants
    working = [s for s in reply.signals if not s.negated and s.subtype != POLAR and s.sentence not in elsewhere
               and (s.kind in WORKING or (s.kind == "value" and s.subtype in WORKING_VALUES)
                    or (s.kind == "value" and news and _incidental(s, responding)))]
    if not working:
        return False
    # An instruction with no link in its sentence is a step to take ("please get her to speak to
    # station staff"); with one, it is the pointer ("please visit our Help site <link>").
    linked = {s.sentence for s in reply.signals if s.kind == "value" and s.subtype in REDIRECT_VALUES}
    redirects = [s for s in working if (s.kind in REDIRECT and (s.kind != "request" or s.sentence in linked))
                 or (s.kind == "value" and s.subtype in REDIRECT_VALUES)]
    if len(redirects) < len(working):
        return True
    if any(s.kind == "value" and _specific_link(s.text) for s in redirects):
        return True
    redirect = {s.sentence for s in redirects}
    return _says_more(reply, redirect) or any(on_topic(words, said) for words in item.touch.topics for said in reply.topics)


# A link into a site ("help.example.com/articles/reset-password", a short link) points at a page
# for this customer's point; a site's front door ("help.example.com", "/hc/en-us", "/help") is
# the canned "please visit our Help site" that sends them off with nothing.
FRONT_DOOR_SEGMENT = 5  # "hc", "en-us", "help", "home": the words of a site's entrance


def _specific_link(text: str) -> bool:
    try:
        parts = urlsplit(text if "//" in text else "//" + text)
    except ValueError:
        return False
    if "." not in parts.netloc or any(c.isspace() for c in text.strip()):
        return False  # "the brochure", "our guide": not a link
    segments = [p for p in parts.path.split("/") if p]
    return bool(parts.query) or any(len(p) > FRONT_DOOR_SEGMENT for p in segments)


def _says_more(reply: Touch, redirect: set[int]) -> bool:
    """Has the reply a sentence of substance besides its redirect ("this pop-up comes from a
    security feature of the OS")?"""
    return bool(_substance(reply, redirect))


def _substance(reply: Touch, besides: set[int] | frozenset[int] = frozenset()) -> list[int]:
    """The reply's sentences of substance, other than ``besides``: not a courtesy formula, and
    of some length besides any greeting in them ("Hi Sam, that is the correct email." has
    substance) and the @handles that open a support reply."""
    formula = {s.sentence for s in reply.signals if s.kind in FILLER and s.subtype != GREETING}
    filler: dict[int, list] = {}
    for s in reply.signals:
        if s.kind in FILLER and s.subtype == GREETING:
            filler.setdefault(s.sentence, []).append(s)
    out = []
    for i, span in enumerate(reply.sentences):
        if span.words < SUBSTANTIVE_WORDS or i in besides or i in formula:
            continue
        if i in filler or "@" in reply.text[span.start:span.end]:
            text = reply.text[span.start:span.end]
            for s in sorted(filler.get(i, ()), key=lambda s: -s.start):
                text = text[:s.start - span.start] + " " + text[s.end - span.start:]
            if len(WORD_RE.findall(HANDLE_RE.sub(" ", text))) < SUBSTANTIVE_WORDS:
                continue
        out.append(i)
    return out


# An item's own subject this many words or more is a request of its own ("and we are billed
# for 12 seats"), not a rider on the one before ("Am I missing something?").
DISTINCT_TOPIC = 2
ISSUE = "issue"  # a problem reported; a feeling ("really unhappy") is about the whole message


def _leaves_out(reply: Touch, item: Item, items: Sequence[Item]) -> bool:
    """Of several distinct points in one message, the reply takes a request up by its subject
    and says nothing of this request or problem: answering when the bird mesh goes in leaves
    the inverter's fault light out."""
    own = item.signal.topic - item.names
    if not (item.asks or item.signal.kind == ISSUE) or len(own) < DISTINCT_TOPIC or _points_back(item):
        return False
    # The other points by their own words: a short one ("And when do you need final numbers
    # by?") borrows the sentence before it, which may be this very point.
    return any(not (other & own) and _on_topic(reply, i, SELF_SERVING, other)
               for i in _other_requests(item, items) for other in [i.signal.topic - i.names])


def _only_asks_back(reply: Touch, item: Item, items: Sequence[Item]) -> bool:
    """Is the reply, besides courtesies, only a question about another point of the item's message?"""
    questions = {s.sentence for s in reply.signals if s.kind == "question" and s.subtype != STATEMENT}
    if not questions or any(_agenda(s) for s in reply.signals if s.kind != "question"):
        return False
    others = _other_requests(item, items)
    return set(_substance(reply)) <= questions and any(
        on_topic(i.topic, reply.topics[q]) for i in others for q in questions if q < len(reply.topics))


def _lines_apart(item: Item, other: Item) -> bool:
    """Are two items of one message on different lines, or split as two requests of a sentence?"""
    if item.signal.sentence == other.signal.sentence:
        return _clauses_apart(item, other)
    spans = item.touch.sentences
    first, last = sorted((item.signal.sentence, other.signal.sentence))
    if last >= len(spans):
        return False
    return "\n" in item.touch.text[spans[first].end:spans[last].start]


def _other_requests(item: Item, items: Sequence[Item]) -> list[Item]:
    """The other distinct requests of the item's message, each in a sentence of its own."""
    return [i for i in _sibling_requests(item, items) if len(i.signal.topic - i.names) >= DISTINCT_TOPIC]


def _sibling_requests(item: Item, items: Sequence[Item]) -> list[Item]:
    """The other requests of the item's message, in sentences other than its own or in a clause
    of its own ("...by Monday; (2) she needs the invoice split")."""
    return [i for i in items if i is not item and i.touch is item.touch and i.asks
            and (i.signal.sentence != item.signal.sentence or _clauses_apart(item, i))]


def _clauses_apart(item: Item, other: Item) -> bool:
    return other.signal.end <= item.signal.start or item.signal.end <= other.signal.start


OPENING = 3  # "Is this correct...?", "Will it be...?": the subject comes first


def _points_back(item: Item) -> bool:
    """A question about what was just said ("Is this correct or a pure scam?", "Will it be
    canceled?") rides on the sentence before it, whatever words of its own it has."""
    words = WORD_RE.findall(HANDLE_RE.sub(" ", _sentence_text(item)).lower())[:OPENING]
    return bool(set(words) & current_words()["back_reference"])


def _rides_on(item: Item, items: Sequence[Item]) -> Item | None:
    """The customer's point that a question about it rides on: the nearest one before it in its
    message, when the question points back ("Why does this keep happening?")."""
    if not _points_back(item):
        return None
    earlier = [i for i in items if i.touch is item.touch and i.signal.sentence < item.signal.sentence]
    return earlier[-1] if earlier else None


def _own_topic(reply: Touch, item: Item, items: Sequence[Item]) -> frozenset:
    """What only this request of its message is about, when the reply takes up another one.
    Of two requests in one message ("where is order 4417, and can you refund the shipping?") a
    reply answers this one by its own words: a word the other requests share (the order
    number, the product) does not answer both."""
    topic = item.topic
    if not item.asks or len(topic) < DISTINCT_TOPIC:
        return topic
    others = _other_requests(item, items)
    # A request that borrows the subject of the request before ("And if so, can you arrange
    # them?") rides on it: answered with it. One that borrows it from what the customer told
    # ("The gloves were the powdered ones. Can you swap them?") has a subject of its own.
    if topic != item.signal.topic - item.names and any(i.signal.sentence == item.signal.sentence - 1 for i in others):
        return topic
    others_say = frozenset().union(*(i.signal.topic for i in others))
    own = topic - others_say
    # Words borrowed from a sentence that goes with another request ("Does the contract include
    # parking? The hospital car park is £9 a day. And can my interview be moved?") are that
    # request's, not this one's.
    borrowed = topic - item.signal.topic
    if borrowed & others_say and own - borrowed:
        own = own - borrowed
    if not own or own == topic or not any(_on_topic(reply, i, SELF_SERVING) for i in others):
        return topic
    return own


SHORT_ANSWER_SENTENCES = 2
SHORT_REPLY_SENTENCES = 12  # with greeting, thanks and name around them, at most: longer is no short answer


def _facts_asked(item: Item) -> set[str]:
    """What a short reply may give as the very fact asked for: a time to a question about when
    ("It leaves at 7:45"), a price to a question about the price ("Nope! Still just the $3").
    Any other offer, time or news in a short reply is an agenda of ours."""
    if not item.asks:
        return set()
    facts = set()
    words = set(WORD_RE.findall(_sentence_text(item).lower()))
    if words & current_words()["time_question"]:
        facts.add("proposal")
    if item.priced:
        facts.add("offer")
    return facts


def _short_answer(reply: Touch, item: Item, elsewhere: set[int] = frozenset()) -> bool:
    """A reply of a sentence or two that brings no agenda of its own (no check-in, pitch,
    favour or question back) is an answer in other words ("That's what he goes by."). To a
    question about a time or a price, that time or price is the answer, not a pitch."""
    if len(reply.sentences) > SHORT_REPLY_SENTENCES:  # checked first: the rest reads the whole reply
        return False
    facts = _facts_asked(item)
    if any(s.kind in SELF_SERVING | {"question", "request", "ask_meeting"}
           or (s.kind == "value" and s.subtype not in facts) for s in reply.signals):
        return False
    if reply.activity and not any(on_topic(item.topic, words) for words in reply.topics):
        return False  # a CRM log of something else we sent ("Sent next year's engagement letter")
    substance = _substance(reply)
    return 0 < len(substance) <= SHORT_ANSWER_SENTENCES and not set(substance) <= elsewhere


def reports_back(reply: Touch, item: Item) -> bool:
    """The reply says something about the item that is more than a promise to act."""
    # In a CRM log, an offer that shares a word with a problem ("Emailed our flea offer, 3
    # months' supply", "Sent our window cleaning offer") is no report on "she has 4 days' supply
    # left" or "keys went missing after our night clean". In mail an offer is often the remedy,
    # and to a request for a quote it is the answer.
    offers = set()
    if reply.activity and item.complains:
        offers = {s.sentence for s in reply.signals if not s.negated and (
            s.kind == "concession" or (s.kind == "value" and s.subtype == "offer"))}
    skip = SELF_SERVING | {"commitment", "callback"}
    return (_on_topic(reply, item, skip, besides=offers) or _engages(reply, set(), item)
            or _does_what_we_promised(reply, item, skip | PITCH) or _sends_what_we_promised(reply, item)
            or _says_it_is_done(reply, item))


def _says_it_is_done(reply: Touch, item: Item) -> bool:
    """Does the reply say done what we promised, in the words of the point or the promise
    ("I'd get accounts onto it": "accounts refunded the second payment today")?"""
    return item.commitment is not None and any(
        s.kind == STATUS and plain(s) and _on_promise(reply, s, item) for s in reply.signals)


def _sends_what_we_promised(reply: Touch, item: Item) -> bool:
    """Does a reply that asks for no business attach or link what we promised to send ("I'll send you
    whatever turns up in the registers": "Scans and transcriptions are attached"), or record
    sending it ("Told Anand I'd email the results": "Water test results - Sent Anand the water
    test...", where the logged mail's subject says what it was)?"""
    if item.commitment is None or any(s.kind in PITCH and plain(s) for s in reply.signals):
        return False
    touch, promise = item.commitment
    sending = current_words()["sending_verb"]
    if sending.isdisjoint(promise.text.lower().split()):
        return False
    if any(s.kind == "value" and s.subtype == "resource" and plain(s) for s in reply.signals):
        return True
    if not reply.activity or promise.sentence >= len(touch.topics):
        return False
    subject = (touch.topics[promise.sentence] | item.topic) - item.names
    opening = ((reply.text[span.start:span.end].split(maxsplit=1) or [""])[0].lower() for span in reply.sentences)
    return any(word in sending for word in opening) and any(shared(subject, words) for words in reply.topics)


def _does_what_we_promised(reply: Touch, item: Item, skip: set[str]) -> bool:
    """Does a reply that sells nothing do what we promised on the item, in the promise's words
    ("I'll send him the engineer's report": "Sent report: worn belt replaced...")? In a reply
    that sells, a word it shares with the promise is the pitch's ("We can move you to fibre"
    is no word on why the numbers have not moved across)."""
    if item.commitment is None:
        return False
    responding = _responding(reply)
    if any(_sells(s, responding) for s in reply.signals):
        return False
    touch, promise = item.commitment
    if promise.sentence >= len(touch.topics):
        return False
    return _on_topic(reply, item, skip, touch.topics[promise.sentence] - item.names)


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
