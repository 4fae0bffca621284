"""Turn one RFC 822 message, or one draft's text, into touches: itself plus its quoted history."""
from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from datetime import datetime, timezone
from email.header import decode_header, make_header
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime

from ..model import Direction, InputError, Origin, Touch
from .html import html_to_text
from .quoting import split_message
from .text import decode


def header(msg: Message, name: str) -> str:
    raw = msg.get(name)
    if raw is None:
        return ""
    try:
        return str(make_header(decode_header(str(raw)))).strip()
    except (UnicodeError, LookupError, ValueError, TypeError):
        return str(raw).strip()


def addresses(msg: Message, *names: str) -> list[tuple[str, str]]:
    values = [header(msg, n) for n in names]
    try:
        pairs = getaddresses([v for v in values if v])
    except (TypeError, ValueError, IndexError):
        return []
    return [(name, addr.lower() or name.lower()) for name, addr in pairs if addr or name]


def message_time(msg: Message) -> datetime | None:
    value = header(msg, "Date")
    if not value:
        return None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when


def body_text(msg: Message) -> tuple[str, bool]:
    """The first readable text part (plain preferred, HTML converted); attachments skipped.

    Returns the text and whether any text part was found.
    """
    plain, html = None, None
    for part in msg.walk() if msg.is_multipart() else [msg]:
        if part.is_multipart():
            continue
        disposition = (part.get("Content-Disposition") or "").lower()
        if disposition.startswith("attachment"):
            continue
        ctype = part.get_content_type()
        if ctype not in ("text/plain", "text/html"):
            continue
        try:
            payload = part.get_payload(decode=True)
        except (ValueError, AssertionError, LookupError):
            payload = None
        if payload is None:
            payload = str(part.get_payload() or "").encode("utf-8", "replace")
        try:
            charset = part.get_content_charset()
        except (ValueError, LookupError):
            charset = None
        text = decode(payload, charset)
        if ctype == "text/plain" and plain is None:
            plain = text
        elif ctype == "text/html" and html is None:
            html = text
        if plain is not None:
            break
    if plain is not None:
        return plain.replace("\r\n", "\n").replace("\r", "\n"), True
    if html is not None:
        return html_to_text(html), True
    return "", False


def parse_message(data: bytes) -> Message:
    return email.message_from_bytes(data, policy=email.policy.compat32)


def header_lines(data: bytes) -> int:
    """Lines before the body (the header block and its blank line)."""
    end = data.find(b"\n\n")
    crlf = data.find(b"\r\n\r\n")
    if crlf >= 0 and (end < 0 or crlf < end):
        return data.count(b"\n", 0, crlf) + 2
    return data.count(b"\n", 0, end) + 2 if end >= 0 else data.count(b"\n") + 1


def locate_line(data: bytes, text: str, after_line: int) -> int:
    """File line (relative to data) of the body text's first non-blank line, by search."""
    stripped = text.lstrip()
    if not stripped:
        return after_line
    snippet = stripped.split("\n", 1)[0][:60].encode("utf-8", "replace")
    at = data.find(snippet) if snippet else -1
    if at < 0:
        return after_line
    leading = text[: len(text) - len(stripped)].count("\n")
    return max(1, data.count(b"\n", 0, at) + 1 - leading)


def message_touches(data: bytes, path: str, key: str, first_line: int, order: int) -> Iterator[Touch]:
    """Touches of one raw message: the message's own new text, then its quoted history."""
    msg = parse_message(data)
    text, found = body_text(msg)
    if not found and msg.defects:
        raise InputError(path, f"malformed MIME in {key or 'message'}: no readable text part")
    senders = addresses(msg, "From") or addresses(msg, "Sender")
    name, party = senders[0] if senders else ("", "")
    recipients = tuple(addr for _, addr in addresses(msg, "To", "Cc"))
    message_id = header(msg, "Message-ID").strip()
    body_line = first_line - 1 + locate_line(data, text, header_lines(data))
    touch = Touch(
        id=message_id or f"{path}:{body_line}",
        origin=Origin(path=path, line=body_line, key=key or message_id),
        text="",
        direction=Direction.OUTBOUND,
        kind="email",
        party=party,
        party_name=name,
        recipients=recipients,
        time=message_time(msg),
        subject=header(msg, "Subject"),
        message_id=message_id,
        in_reply_to=header(msg, "In-Reply-To").strip(),
        references=tuple(header(msg, "References").split()),
        order=order,
    )
    yield from with_history(touch, text)


def with_history(touch: Touch, text: str) -> Iterator[Touch]:
    """Yield the touch with its new text, then one touch per quoted earlier message."""
    tz = touch.time.tzinfo if touch.time else None
    split = split_message(text, tz)
    touch.text = split.new_text
    touch.signature = split.signature
    if not touch.party_name:
        touch.party_name = signer(split.new_text, split.signature)
    yield touch
    later = touch
    for n, quote in enumerate(split.quotes, start=1):
        inbound = quote.depth % 2 == 1
        earlier = Touch(
            id=f"{touch.id}#q{n}",
            origin=Origin(path=touch.origin.path, line=touch.origin.line + quote.line, key=f"{touch.origin.key or touch.id}#q{n}"),
            text=quote.text,
            direction=Direction.INBOUND if inbound else Direction.OUTBOUND,
            kind="email",
            party=quote.author,
            party_name=quote.author_name,
            time=quote.time,
            subject=quote.subject or touch.subject,
            quoted=True,
            order=touch.order - n,
        )
        later.references = (*later.references, earlier.id)
        later = earlier
        yield earlier


def signer(text: str, signature: str) -> str:
    """The name a message is signed with: the line after a sign-off, or a lone name at the end."""
    for block in (signature, text):
        lines = [l.strip() for l in block.strip().split("\n") if l.strip()]
        if not lines:
            continue
        candidates = lines[1:2] if block is signature else lines[-1:]
        for line in candidates:
            words = line.rstrip(",.").split()
            if 1 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words):
                return " ".join(words)
    return ""
