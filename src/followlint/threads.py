"""Which touches make one thread: Message-ID / In-Reply-To / References, then (in a mailbox)
the normalised subject among the same people.

Below both the readers (a mailbox is threaded from its headers alone, before its bodies are
read) and the conversation stage (which threads what the readers hand it).
"""
from __future__ import annotations

from hashlib import blake2b
from typing import NamedTuple

from .model import Touch
from .subjects import normalise_subject


class UnionFind:
    """Disjoint sets of string keys: ``find`` gives a key's root, ``union`` joins two sets (the
    first one's root stays the root)."""

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
    uf = UnionFind()
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
