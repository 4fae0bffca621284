"""The conversation stage: decide who is "our side", thread touches, order each timeline.

Threads come from Message-ID / In-Reply-To / References (quoted history is linked to the
message that quotes it), then, in mailboxes, from the normalised subject and participants.
A quoted copy of a message that is itself in the mailbox is dropped, so nothing counts twice.
The side of a touch is decided here only when its reader could not tell; times are the
readers'. Each touch whose sender can be told apart gets its person, and each conversation
records its customer.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from .model import Conversation, Direction, Touch
from .people import assign_people, customer_of, mailbox_owner, same_side
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

    def matches(self, address: str) -> bool:
        address = address.lower()
        if address in self.addresses:
            return True
        at = address.rfind("@")
        return at >= 0 and address[at:] in self.domains


def build_conversations(touches: list[Touch], path: str, ours: Ours, mailbox: bool, directed: bool = False,
                        owner: str | None = None) -> list[Conversation]:
    """``directed``: the source set every touch's direction (a CRM export's own columns), so
    our side is known.
    ``owner``: the mailbox owner when the touches are a share of a bigger mailbox (settled over
    all of it by ``mailbox_owner``); None: worked out from these touches."""
    if not touches:
        return []
    _assign_directions(_chains(touches), ours, mailbox, owner)
    groups = [[touches[i] for i in members] for members in thread_groups([thread_keys(t, mailbox) for t in touches])]
    conversations = []
    for members in groups:
        members = _drop_quoted_duplicates(members)
        members.sort(key=lambda t: (t.time or FAR_FUTURE, t.order))
        assign_people(members)
        first = next((t for t in members if not t.quoted), members[0])  # ids name real messages
        conversations.append(Conversation(id=first.thread or first.message_id or first.id, touches=members, path=path,
                                          sides_known=bool(ours) or directed, customer=customer_of(members)))
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
    """Decide the side of each touch its reader left undecided (a message's reader cannot tell
    whose it is; a draft's and a CRM export's readers can, and that stands)."""
    if not mailbox or ours:
        owner = ""
    elif owner is None:
        owner = mailbox_owner(chain[0] for chain in chains)
    for chain in chains:
        top = chain[0]
        if top.direction is None:
            if ours and top.party:
                top.direction = Direction.OUTBOUND if ours.matches(top.party) else Direction.INBOUND
            elif owner:
                top.direction = Direction.OUTBOUND if top.party == owner else Direction.INBOUND
            else:
                top.direction = Direction.OUTBOUND  # nothing says whose it is: the one linting it wrote it
        known = [top]  # touches of this chain whose side is settled
        for touch in chain[1:]:
            if touch.direction is not None:
                pass
            elif ours and touch.party:
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
