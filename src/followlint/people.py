"""Who is who: the same person, the same side, a touch's first name, a mailbox's owner, and the
person key the conversation stage gives each touch.

Below the readers (a mailbox's owner is found from its headers) and the conversation stage
(which decides sides and gives each touch its person); rules read ``Touch.person``.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .lexicon.words import current as current_words
from .model import Direction, Person, Touch



def same_person(a: Touch, b: Touch) -> bool:
    """The same sender: one address, or (when either has none) the same first name."""
    if "@" in a.party and "@" in b.party:
        if a.party == b.party:
            return True
        full_a, full_b = _full_name(a), _full_name(b)
        return " " in full_a and full_a == full_b  # one person writing from a second address
    first_a, first_b = first_name(a), first_name(b)
    return bool(first_a) and first_a == first_b


def same_side(a: Touch, b: Touch) -> bool:
    """The same person, or a colleague writing from the same company domain."""
    if same_person(a, b):
        return True
    if "@" in a.party and "@" in b.party:
        domain = a.party.rsplit("@", 1)[1]
        return domain == b.party.rsplit("@", 1)[1] and domain not in current_words()["freemail_domain"]
    return False


def first_name(touch: Touch) -> str:
    if touch.party_name:
        name = touch.party_name.replace('"', "").strip()
        if "," in name:  # "Allen, Phillip K."
            name = name.split(",", 1)[1]
        words = name.split()
        return words[0].lower() if words else ""
    if "@" in touch.party:
        return touch.party.split("@", 1)[0].replace("_", ".").split(".")[0].lower()
    return ""


def _full_name(touch: Touch) -> str:
    return " ".join(touch.party_name.lower().split())


def mailbox_owner(messages: Iterable[Touch]) -> str:
    """The address on most messages (as sender or recipient) is the mailbox's owner."""
    counts: Counter[str] = Counter()
    for top in messages:
        # dict, not set: ties go to the first seen (the sender), the same on every run
        counts.update(dict.fromkeys((a for a in (top.party, *top.recipients) if a and "@" in a), 1))
    return counts.most_common(1)[0][0] if counts else ""


def told_apart(touch: Touch) -> bool:
    """Can its sender be told apart for sure: an address (with or without a name), or the owner
    column of a CRM activity? A name alone in a quote header ("Bob wrote:") cannot."""
    return "@" in touch.party or bool(touch.activity and touch.party)


def assign_people(touches: list[Touch]) -> None:
    """Give each touch of a conversation whose sender can be told apart its ``Person``: touches
    with one key are one person (``same_person``, followed from touch to touch). The others
    keep ``person`` None."""
    sure = [t for t in touches if told_apart(t)]
    named = {first_name(t) for t in sure if "@" not in t.party} - {""}
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        root = parent.setdefault(key, key)
        while root != parent[root]:
            root = parent[root]
        while parent[key] != root:  # path compression
            parent[key], key = root, parent[key]
        return root

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra

    nodes = []
    for index, touch in enumerate(sure):
        first = first_name(touch)
        if "@" in touch.party:
            node = f"address:{touch.party}"
            full = _full_name(touch)
            if " " in full:
                union(node, f"name:{full}")
            if first in named:  # a colleague known by a first name only (a CRM owner column)
                union(node, f"first:{first}")
        else:
            node = f"first:{first}" if first else f"touch:{index}"
        find(node)
        nodes.append((touch, node, first))
    for touch, node, first in nodes:
        touch.person = Person(find(node), first)


def customer_of(touches: list[Touch]) -> str:
    """The customer of a conversation: the first address the customer wrote from, else the name
    a customer's touch gives, else whom our first message was sent to."""
    theirs = [t for t in touches if t.direction is Direction.INBOUND]
    address = next((t.party for t in theirs if "@" in t.party), "")
    if address:
        return address
    named = next((t.party or t.party_name for t in theirs if t.party or t.party_name), "")
    if named:
        return named
    return next((t.recipients[0] for t in touches if t.direction is Direction.OUTBOUND and t.recipients), "")
