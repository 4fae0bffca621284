"""The conversation stage: decide who is "our side", thread touches, order each timeline.

Threads come from Message-ID / In-Reply-To / References (quoted history is linked to the
message that quotes it), then, in mailboxes, from the normalised subject and participants.
A quoted copy of a message that is itself in the mailbox is dropped, so nothing counts twice.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from hashlib import blake2b
from typing import NamedTuple

from .model import Conversation, Direction, Touch
from .subjects import normalise_subject

FAR_FUTURE = datetime(9999, 1, 1, tzinfo=timezone.utc)
SAME_MESSAGE = timedelta(minutes=5)


class Ours:
    """Who is our side: addresses and @domains from --rep / reps."""

    def __init__(self, reps: list[str]):
        self.addresses = {r.lower() for r in reps if not r.startswith("@")}
        self.domains = {r.lower() for r in reps if r.startswith("@")}

    def __bool__(self) -> bool:
        return bool(self.addresses or self.domains)

    def matches(self, address: str) -> bool:
        address = address.lower()
        if address in self.addresses:
            return True
        at = address.rfind("@")
        return at >= 0 and address[at:] in self.domains


def build_conversations(touches: list[Touch], path: str, ours: Ours, mailbox: bool, directed: bool = False,
                        owner: str | None = None) -> list[Conversation]:
    """``directed``: the source set every touch's direction (a CRM export's own columns).
    ``owner``: the mailbox owner when the touches are a share of a bigger mailbox (settled over
    all of it by ``mailbox_owner``); None: worked out from these touches."""
    if not touches:
        return []
    chains = _chains(touches)
    if not directed:
        _assign_directions(chains, ours, mailbox, owner)
    _assign_times(chains)
    groups = [[touches[i] for i in members] for members in thread_groups([thread_keys(t, mailbox) for t in touches])]
    conversations = []
    for members in groups:
        members = _drop_quoted_duplicates(members)
        members.sort(key=lambda t: (t.time or FAR_FUTURE, t.order))
        first = next((t for t in members if not t.quoted), members[0])  # ids name real messages
        conversations.append(Conversation(id=first.thread or first.message_id or first.id, touches=members, path=path,
                                          sides_known=bool(ours) or directed))
    conversations.sort(key=lambda c: min(t.order for t in c.touches))
    return conversations


def _chains(touches: list[Touch]) -> list[list[Touch]]:
    """Each message followed by the touches rebuilt from its quoted history, nearest first."""
    chains: list[list[Touch]] = []
    for touch in touches:
        if touch.quoted and chains:
            chains[-1].append(touch)
        else:
            chains.append([touch])
    return chains


def _assign_directions(chains: list[list[Touch]], ours: Ours, mailbox: bool, owner: str | None) -> None:
    if not mailbox or ours:
        owner = ""
    elif owner is None:
        owner = mailbox_owner(chain[0] for chain in chains)
    for chain in chains:
        top = chain[0]
        if top.kind != "draft":
            if ours and top.party:
                top.direction = Direction.OUTBOUND if ours.matches(top.party) else Direction.INBOUND
            elif owner:
                top.direction = Direction.OUTBOUND if top.party == owner else Direction.INBOUND
        known = [top]  # touches of this chain whose side is settled
        for touch in chain[1:]:
            if ours and touch.party:
                touch.direction = Direction.OUTBOUND if ours.matches(touch.party) else Direction.INBOUND
            elif owner and touch.party:
                touch.direction = Direction.OUTBOUND if touch.party == owner else Direction.INBOUND
            else:
                same = next((k for k in known if same_side(k, touch)), None)
                if same is not None:
                    touch.direction = same.direction
                else:
                    # Unknown author: a quote answers the message above it, so sides alternate.
                    above = known[-1].direction
                    touch.direction = Direction.INBOUND if above is Direction.OUTBOUND else Direction.OUTBOUND
            known.append(touch)


FREEMAIL = {"gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com",
            "icloud.com", "aol.com", "gmx.com", "gmx.de", "proton.me", "protonmail.com", "mail.com"}


def same_person(a: Touch, b: Touch) -> bool:
    """The same sender: one address, or (when either has none) the same first name."""
    if "@" in a.party and "@" in b.party:
        if a.party == b.party:
            return True
        full_a, full_b = " ".join(a.party_name.lower().split()), " ".join(b.party_name.lower().split())
        return " " in full_a and full_a == full_b  # one person writing from a second address
    first_a, first_b = first_name(a), first_name(b)
    return bool(first_a) and first_a == first_b


def same_side(a: Touch, b: Touch) -> bool:
    """The same person, or a colleague writing from the same company domain."""
    if same_person(a, b):
        return True
    if "@" in a.party and "@" in b.party:
        domain = a.party.rsplit("@", 1)[1]
        return domain == b.party.rsplit("@", 1)[1] and domain not in FREEMAIL
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


def mailbox_owner(messages: Iterable[Touch]) -> str:
    """The address on most messages (as sender or recipient) is the mailbox's owner."""
    counts: Counter[str] = Counter()
    for top in messages:
        # dict, not set: ties go to the first seen (the sender), the same on every run
        counts.update(dict.fromkeys((a for a in (top.party, *top.recipients) if a and "@" in a), 1))
    return counts.most_common(1)[0][0] if counts else ""


def _assign_times(chains: list[list[Touch]]) -> None:
    for chain in chains:
        later = None
        for touch in chain:
            when = touch.time
            if when is not None and when.tzinfo is None:
                when = when.replace(tzinfo=timezone.utc)
            if when is None:
                # Undated: just before the message that quotes it; under an undated draft, unknown.
                when = FAR_FUTURE if later is None or later == FAR_FUTURE else later - timedelta(seconds=1)
            elif later is not None and when >= later:
                when = later - timedelta(seconds=1)  # a quote cannot postdate its reply
            touch.time = None if when == FAR_FUTURE else when
            later = when


class _UnionFind:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        parent = self.parent.setdefault(key, key)
        while parent != key:
            grand = self.parent.setdefault(parent, parent)
            self.parent[key] = grand
            key, parent = parent, grand
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


class ThreadKeys(NamedTuple):
    """What threads a touch: its own id, the ids it points at, and (in a mailbox) its subject
    among the same people. A mailbox's messages are threaded from these alone, before their
    bodies are read."""

    key: str | int  # the Message-ID, or any unique value
    links: tuple[str, ...]
    subject: bytes | None  # a digest of the subject and the people: small, for big mailboxes


def thread_keys(touch: Touch, mailbox: bool) -> ThreadKeys:
    links = tuple(ref for ref in (touch.in_reply_to, *touch.references) if ref)
    if touch.thread:  # the source knows the conversation (a CRM contact)
        links = (f"thread:{touch.thread}", *links)
    subject = None
    if mailbox and not touch.quoted:
        normalised = normalise_subject(touch.subject)
        if normalised:
            people = sorted({a for a in (touch.party, *touch.recipients) if a})
            subject = blake2b("\0".join([normalised, *people]).encode("utf-8", "surrogatepass"), digest_size=16).digest()
    return ThreadKeys(touch.message_id or touch.id, links, subject)


def thread_groups(keys: list[ThreadKeys]) -> list[list[int]]:
    """Indexes of ``keys`` grouped into threads, each group in input order, groups in the order
    of their first member."""
    uf = _UnionFind()
    by_subject: dict[bytes, str] = {}
    for item in keys:
        uf.find(item.key)
        for link in item.links:
            uf.union(link, item.key)
        if item.subject is not None:
            uf.union(by_subject.setdefault(item.subject, item.key), item.key)
    groups: dict[str, list[int]] = {}
    for index, item in enumerate(keys):
        groups.setdefault(uf.find(item.key), []).append(index)
    return list(groups.values())


def _drop_quoted_duplicates(members: list[Touch]) -> list[Touch]:
    kept: list[Touch] = []
    for touch in sorted(members, key=lambda t: t.quoted):
        if touch.quoted and any(_same_message(touch, other) for other in kept):
            continue
        kept.append(touch)
    return kept


def _same_message(quoted: Touch, other: Touch) -> bool:
    same = _same_author(quoted, other)
    if same is False:
        return False
    # Close times count only between known authors: an undated quote's time is made up (just
    # before the message quoting it) and would match whatever sits next to it.
    if same and quoted.time and other.time and abs(quoted.time - other.time) <= SAME_MESSAGE:
        return True
    return _text_key(quoted.text) == _text_key(other.text) and bool(_text_key(quoted.text))


def _same_author(a: Touch, b: Touch) -> bool | None:
    """Whether two touches have the same author; None when that cannot be told. A quote's
    author is often only a name ("On ..., Bob wrote:"): names compare by their first word."""
    if not a.party or not b.party:
        return None
    if "@" in a.party and "@" in b.party:
        return a.party == b.party
    names_a = {n.lower().split()[0] for n in (a.party_name, a.party) if n.strip() and "@" not in n}
    names_b = {n.lower().split()[0] for n in (b.party_name, b.party) if n.strip() and "@" not in n}
    if not names_a or not names_b:
        return None
    return bool(names_a & names_b)


def _text_key(text: str) -> str:
    return " ".join(text.split())[:120].lower()
