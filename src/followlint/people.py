"""Who is who: the same person, the same side, a touch's first name, a mailbox's owner, and the
person key the conversation stage gives each touch; which mail no person wrote to one other
(bulk and automated mail), and which conversations are between colleagues only.

Below the readers (a mailbox's owner is found from its headers) and the conversation stage
(which decides sides and gives each touch its person); rules read ``Touch.person``.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .lexicon.words import current as current_words
from .model import Direction, Person, Touch
from .threads import UnionFind


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


@dataclass(frozen=True, slots=True)
class Owner:
    """Whose mailbox it is: the addresses its owner writes from, and the names they go by (a
    quote header often gives only a name: "From: Kitchen, Louise")."""

    addresses: frozenset[str] = frozenset()
    names: frozenset[tuple[str, str]] = frozenset()  # (first, last), lower case

    def __bool__(self) -> bool:
        return bool(self.addresses)

    def wrote(self, touch: Touch) -> bool:
        if "@" in touch.party:
            return touch.party in self.addresses
        key = name_key(touch.party_name or touch.party)
        return key is not None and key in self.names


def name_key(name: str) -> tuple[str, str] | None:
    """(first, last) of a person's name, lower case: "Louise Kitchen", "Kitchen, Louise" and the
    address "louise.kitchen@..." give the same; middle initials are dropped. None when there
    are not two words to go by."""
    name = name.strip().strip("\"'").lower()
    if "@" in name:
        words = name.split("@", 1)[0].replace("_", ".").split(".")
    elif "," in name:  # "Kaminski, Vince J"
        last, first = name.split(",", 1)
        words = first.split() + last.split()
    else:
        words = name.split()
    words = [w for w in words if len(w) > 1 and w.replace("'", "").replace("-", "").isalpha()]
    return (words[0], words[-1]) if len(words) >= 2 else None


class OwnerCount:
    """Finds a mailbox's owner while its messages stream past (only counts are kept): the
    senders of its Sent folder when it has one, else the address its mail was delivered to
    (Delivered-To), else the address on most messages, as sender or recipient."""

    def __init__(self):
        self.on: Counter[str] = Counter()  # address -> messages it is on
        self.sent: Counter[str] = Counter()  # sender -> its messages in a Sent folder
        self.delivered: Counter[str] = Counter()  # the mailbox a message was delivered to
        self.named: set[tuple[str, str]] = set()  # (address, display name) of senders

    def saw(self, top: Touch, in_sent: bool = False, again: bool = False, delivered: Iterable[str] = ()) -> None:
        """``again``: a copy of a message already seen (counted only for the folder it is in)."""
        if not again:
            # dict, not set: ties go to the first seen (the sender), the same on every run
            self.on.update(dict.fromkeys((a for a in (top.party, *top.recipients) if a and "@" in a), 1))
            self.delivered.update(dict.fromkeys((a for a in delivered if "@" in a), 1))
        if "@" in top.party:
            if in_sent:
                self.sent[top.party] += 1
            if top.party_name:
                self.named.add((top.party, top.party_name))

    def owner(self) -> Owner:
        if self.sent:
            addresses = set(self.sent)
        elif self.delivered or self.on:
            addresses = {(self.delivered or self.on).most_common(1)[0][0]}
        else:
            return Owner()
        names = {name_key(a) for a in addresses} | {name_key(n) for a, n in self.named if a in addresses}
        names.discard(None)
        return Owner(frozenset(addresses), frozenset(names))


def mailbox_owner(messages: Iterable[Touch]) -> Owner:
    """The owner of a mailbox whose folders are not known (see ``OwnerCount``)."""
    count = OwnerCount()
    for top in messages:
        count.saw(top)
    return count.owner()


def bulk_reason(touch: Touch, max_recipients: int) -> str:
    """Why a message is bulk or automated: what its reader found in its headers (``Touch.bulk``),
    or that it went to more than ``max_recipients`` people (0: no limit). A draft is never
    bulk, and a quote is judged with the message quoting it."""
    if touch.quoted or touch.kind != "email":
        return ""
    if touch.bulk:
        return touch.bulk
    count = len(set(touch.recipients))
    return f"{count} recipients" if max_recipients and count > max_recipients else ""


def automated_sender(address: str) -> bool:
    """A machine's address, not a person's: a bounce, a mailer daemon, a no-reply mailbox."""
    local = address.rsplit("@", 1)[0].lower().replace("-", "").replace("_", "").replace(".", "")
    return local.startswith(tuple(current_words()["automated_sender"]))


def company_domains(addresses: Iterable[str]) -> frozenset[str]:
    """The domains of our side's addresses and @domains that are a company's: two people at a
    free-mail domain are not colleagues."""
    domains = {a.rsplit("@", 1)[1].lower() for a in addresses if "@" in a}
    freemail = current_words()["freemail_domain"]
    return frozenset(d for d in domains if d and d not in freemail)


def among_colleagues(touches: list[Touch], addresses: frozenset[str], domains: frozenset[str]) -> bool:
    """Is everyone on these touches on our side: one of ``addresses`` or at one of our company
    ``domains``? A message whose sender or a recipient is known only by name cannot tell; a
    name alone in a quote header ("Bob wrote:") is not counted."""
    found = False
    for touch in touches:
        if touch.quoted:
            people: tuple[str, ...] = (touch.party,) if "@" in touch.party else ()
        elif "@" not in touch.party:
            return False
        else:
            people = (touch.party, *touch.recipients)
        for address in people:
            if "@" not in address or (address not in addresses and address.rsplit("@", 1)[1] not in domains):
                return False
            found = True
    return found


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
    people = UnionFind()
    nodes = []
    for index, touch in enumerate(sure):
        first = first_name(touch)
        if "@" in touch.party:
            node = f"address:{touch.party}"
            full = _full_name(touch)
            if " " in full:
                people.union(node, f"name:{full}")
            if first in named:  # a colleague known by a first name only (a CRM owner column)
                people.union(node, f"first:{first}")
        else:
            node = f"first:{first}" if first else f"touch:{index}"
        people.find(node)
        nodes.append((touch, node, first))
    for touch, node, first in nodes:
        touch.person = Person(people.find(node), first)


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
