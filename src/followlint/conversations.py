"""The conversation stage: decide who is "our side", thread touches, order each timeline.

Threads come from Message-ID / In-Reply-To / References (quoted history is linked to the
message that quotes it), then, in mailboxes, from the normalised subject and participants.
A quoted copy of a message that is itself in the mailbox is dropped, so nothing counts twice.
The side of a touch is decided here only when its reader could not tell; times are the
readers'. Each touch whose sender can be told apart gets its person, and each conversation
records its customer. Bulk and automated mail is threaded apart and left out of the rules, and
so is a conversation between colleagues only (``Conversation.left_out``).
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from .model import Conversation, Direction, Touch
from .people import (Owner, among_colleagues, assign_people, bulk_reason, company_domains, customer_of,
                     mailbox_owner, same_side)
from .threads import thread_groups, thread_keys

FAR_FUTURE = datetime(9999, 1, 1, tzinfo=timezone.utc)
SAME_MESSAGE = timedelta(minutes=5)


class Ours:
    """Who is our side: addresses and @domains from --rep / reps."""

    def __init__(self, reps: list[str]):
        self.addresses = {r.lower() for r in reps if not r.startswith("@")}
        self.domains = {r.lower() for r in reps if r.startswith("@")}

    def __bool__(self) -> bool:
        return bool(self.addresses or self.domains)

    def only_person(self) -> str:
        """The one address of our side when --rep / reps name exactly one person (no @domain)."""
        return next(iter(self.addresses)) if len(self.addresses) == 1 and not self.domains else ""

    def matches(self, address: str) -> bool:
        address = address.lower()
        if address in self.addresses:
            return True
        at = address.rfind("@")
        return at >= 0 and address[at:] in self.domains


def build_conversations(touches: list[Touch], path: str, ours: Ours, mailbox: bool, directed: bool = False,
                        owner: Owner | None = None, max_recipients: int = 0) -> list[Conversation]:
    """``directed``: the source set every touch's direction (a CRM export's own columns), so
    our side is known.
    ``owner``: the mailbox owner when the touches are a share of a bigger mailbox (settled over
    all of it by ``OwnerCount``); None: worked out from these touches.
    ``max_recipients``: a message to more people than this is a broadcast (0: no limit).

    Bulk and automated mail is threaded apart, into conversations left out as "bulk"; a
    conversation between colleagues only is left out as "internal"."""
    if not touches:
        return []
    chains = _chains(touches)
    bulk: list[list[Touch]] = []
    if not directed:
        for chain in chains:
            chain[0].bulk = bulk_reason(chain[0], max_recipients)
        bulk = [chain for chain in chains if chain[0].bulk]
        if bulk:
            chains = [chain for chain in chains if not chain[0].bulk]
    if mailbox and not ours and owner is None:
        owner = mailbox_owner(chain[0] for chain in chains)
    _assign_directions(chains + bulk, ours, mailbox, owner)
    colleagues = None if directed else _colleagues(ours, owner if mailbox else None)
    conversations = _threaded([t for chain in chains for t in chain], path, bool(ours) or directed, colleagues, mailbox)
    if bulk:
        for conversation in _threaded([t for chain in bulk for t in chain], path, bool(ours), None, mailbox):
            conversation.left_out = "bulk"
            conversations.append(conversation)
    conversations.sort(key=lambda c: min(t.order for t in c.touches))
    return conversations


def _threaded(touches: list[Touch], path: str, sides_known: bool, colleagues: tuple | None,
              mailbox: bool) -> list[Conversation]:
    """The touches threaded into conversations; with ``colleagues`` (our addresses and company
    domains), those between colleagues only are left out as "internal"."""
    conversations = []
    for members in thread_groups([thread_keys(t, mailbox) for t in touches]):
        members = _drop_quoted_duplicates([touches[i] for i in members])
        members.sort(key=lambda t: (t.time or FAR_FUTURE, t.order))
        assign_people(members)
        first = next((t for t in members if not t.quoted), members[0])  # ids name real messages
        conversation = Conversation(id=first.thread or first.message_id or first.id, touches=members, path=path,
                                    sides_known=sides_known, customer=customer_of(members))
        if colleagues is not None and among_colleagues(members, *colleagues):
            conversation.left_out = "internal"
        conversations.append(conversation)
    return conversations


def _colleagues(ours: Ours, owner: Owner | None) -> tuple[frozenset[str], frozenset[str]] | None:
    """Our side's addresses and company domains: from --rep / reps, else the mailbox owner's;
    None when neither says who we are."""
    if ours:
        return frozenset(ours.addresses), company_domains(ours.addresses | ours.domains)
    if owner:
        return owner.addresses, company_domains(owner.addresses)
    return None


def _chains(touches: list[Touch]) -> list[list[Touch]]:
    """Each message followed by the touches rebuilt from its quoted history, nearest first."""
    chains: list[list[Touch]] = []
    for touch in touches:
        if touch.quoted and chains:
            chains[-1].append(touch)
        else:
            chains.append([touch])
    return chains


def _assign_directions(chains: list[list[Touch]], ours: Ours, mailbox: bool, owner: Owner | None) -> None:
    """Decide the side of each touch its reader left undecided (a message's reader cannot tell
    whose it is; a draft's and a CRM export's readers can, and that stands). In a mailbox read
    without --rep, what its owner wrote is ours, also a quote that names them only."""
    if not mailbox or ours or owner is None:
        owner = Owner()
    for chain in chains:
        top = chain[0]
        if top.direction is None:
            if ours and top.party:
                top.direction = Direction.OUTBOUND if ours.matches(top.party) else Direction.INBOUND
            elif owner:
                top.direction = Direction.OUTBOUND if owner.wrote(top) else Direction.INBOUND
            else:
                top.direction = Direction.OUTBOUND  # nothing says whose it is: the one linting it wrote it
        known = [top]  # touches of this chain whose side is settled
        for touch in chain[1:]:
            if touch.direction is not None:
                pass
            elif ours and touch.party:
                touch.direction = Direction.OUTBOUND if ours.matches(touch.party) else Direction.INBOUND
            elif owner and touch.party:
                touch.direction = Direction.OUTBOUND if owner.wrote(touch) else Direction.INBOUND
            else:
                same = next((k for k in known if same_side(k, touch)), None)
                if same is not None:
                    touch.direction = same.direction
                else:
                    # Unknown author: a quote answers the message above it, so sides alternate.
                    above = known[-1].direction
                    touch.direction = Direction.INBOUND if above is Direction.OUTBOUND else Direction.OUTBOUND
            known.append(touch)


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
