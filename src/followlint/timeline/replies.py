"""What a reply of ours does with a customer's item: addresses it, reports back on it, or is
not even written back to the customer.
"""
from __future__ import annotations

from functools import lru_cache

from ..model import Touch
from ..subjects import is_forward
from .state import Item
from .topics import on_topic

ISSUE_KINDS = ("issue", "dissatisfaction")

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
