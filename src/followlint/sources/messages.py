"""Turn one RFC 822 message, or one draft's text, into touches: itself plus its quoted history."""
from __future__ import annotations

import binascii
import email
import email.errors
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from datetime import datetime, timedelta, timezone
from email.header import decode_header, make_header
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime

from ..lexicon.words import current as current_words
from ..model import InputError, Origin, Touch
from ..people import automated_sender
from .html import convert
from .positions import FixedLayout, Layout, LineIndex, MappedTouch, SegmentLayout
from . import rfc822
from .quoting import split_message
from .text import decode, looks_binary

MSGID_RE = re.compile(r"<[^<>\s]{1,998}>")
BODY_TYPES = ("text/plain", "text/html")
UNDATED = datetime.max.replace(tzinfo=timezone.utc)  # the time of a message nobody dated


class Headers:
    """A message's headers looked up by name in a dict. ``Message.get`` compares every header's
    name on each call, and a message's head is read some 20 times (most names it lacks)."""

    __slots__ = ("_msg", "_first")

    def __init__(self, msg: Message):
        self._msg = msg
        self._first: dict[str, tuple[str, str]] = {}
        for name, value in msg.raw_items():
            self._first.setdefault(name.lower(), (name, value))

    def get(self, name: str, failobj=None):
        """``Message.get``: the first such header, as the message's policy hands it out."""
        found = self._first.get(name.lower())
        return failobj if found is None else self._msg.policy.header_fetch_parse(*found)

    def raw_items(self):
        return self._msg.raw_items()


def header(msg: Message | Headers, name: str) -> str:
    raw = msg.get(name)
    if raw is None:
        return ""
    return decode_words(header_text(msg, name, raw))


def header_text(msg: Message | Headers, name: str, value) -> str:
    """A header's value as text. For a header with 8-bit bytes (raw UTF-8, RFC 6532, or
    Latin-1) compat32 hands back a Header that shows each byte as U+FFFD: read the bytes as a
    body is read instead (UTF-8, else Windows-1252 byte by byte)."""
    if isinstance(value, str):
        return value
    raw = next((v for k, v in msg.raw_items() if k.lower() == name.lower()), None)
    if not isinstance(raw, str):
        return str(value)
    try:
        return decode(raw.encode("utf-8", "surrogateescape"))
    except UnicodeError:
        return str(value)


def decode_words(raw: str) -> str:
    """A header value with its =?charset?q?...?= encoded words decoded; unknown charsets and
    broken encodings leave the raw text."""
    if "=?" not in raw:
        return " ".join(raw.split())
    try:
        return " ".join(str(make_header(decode_header(raw))).split())
    except (UnicodeError, LookupError, ValueError, TypeError, binascii.Error, AssertionError, email.errors.MessageError):
        return " ".join(raw.split())


# Lotus Notes gateways append their own domain to an address: "x@lmco.com@ENRON",
# "<nh@adolphus.com>@ENRON". The suffix is routing, not part of the address.
LOTUS_SUFFIX_RE = re.compile(r"(?<=[\w.>])@[A-Za-z]{2,20}(?=[\s,;]|$)")


def addresses(msg: Message | Headers, *names: str) -> list[tuple[str, str]]:
    """(display name, lower-case address) pairs. Parsed before encoded words are decoded, so a
    decoded name with a comma in it ("Stone, Bob") stays one name."""
    values = tuple(header_text(msg, n, msg.get(n)) for n in names if msg.get(n) is not None)
    if not values:
        return []
    # A mailbox repeats its From and To lines, and the stdlib parser is slow: short ones are cached.
    return list((_cached_addresses if sum(map(len, values)) < 2000 else _addresses)(values))


def _addresses(values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    try:
        pairs = getaddresses([v for v in (LOTUS_SUFFIX_RE.sub("", v) for v in values) if v])
    except (TypeError, ValueError, IndexError, AttributeError):
        return ()
    out = []
    for name, addr in pairs:
        name = decode_words(name).strip().strip('"')
        if addr and "@" not in addr and not name:
            name, addr = addr, ""
        if addr.startswith("@"):
            addr = ""  # a bare routing domain, not a person
        if addr or name:
            out.append((name, addr.lower() or name.lower()))
    return tuple(out)


_cached_addresses = lru_cache(maxsize=4096)(_addresses)


def message_ids(value: str) -> list[str]:
    found = MSGID_RE.findall(value)
    if found:
        return found
    return [token for token in value.split() if "@" in token][:50]


def message_time(msg: Message | Headers) -> datetime | None:
    value = header(msg, "Date")
    if not value:
        return None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None or not 1970 <= when.year <= 2200:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when


@dataclass(slots=True)
class Body:
    text: str
    layout: Layout
    found: bool  # a text part was found


def _parts(msg: Message) -> Iterator[Message]:
    """Leaf parts that may be the body: attachments and attached messages are skipped."""
    stack = [msg]
    while stack:
        part = stack.pop()
        if part is not msg and _is_attachment(part):
            continue
        if part.is_multipart():
            payload = part.get_payload()
            if isinstance(payload, list):
                stack.extend(reversed(payload))
            continue
        if content_type(part) == "message/rfc822":
            continue
        yield part


# A part's content type and charset, by its Content-Type header as stored: Message parses the
# header anew at each look-up (four a message), and a mailbox repeats a few dozen of them.
_CONTENT: dict[tuple, tuple[str, str | None]] = {}
CONTENT_KEPT = 1000


def content_type(part: Message) -> str:
    """``part.get_content_type()``."""
    return _content(part)[0]


def _content(part: Message) -> tuple[str, str | None]:
    """``get_content_type()`` and ``get_content_charset()`` (None where it fails) of ``part``,
    which depend on nothing but its first Content-Type header (the default type for none)."""
    stored = next((item for item in part.raw_items() if item[0].lower() == "content-type"), None)
    if stored is not None and not isinstance(stored[1], str):
        return _read_content(part)  # a Header object set by hand: not a key
    key = (stored, part.get_default_type(), part.policy)
    found = _CONTENT.get(key)
    if found is None:
        if len(_CONTENT) >= CONTENT_KEPT:
            _CONTENT.clear()
        found = _CONTENT[key] = _read_content(part)
    return found


def _read_content(part: Message) -> tuple[str, str | None]:
    try:
        charset = part.get_content_charset()
    except (ValueError, LookupError, TypeError, AttributeError):
        charset = None
    return part.get_content_type(), charset


def _is_attachment(part: Message) -> bool:
    disposition = str(part.get("Content-Disposition") or "").strip().lower()
    if disposition.startswith("attachment"):
        return True
    if content_type(part).split("/")[0] == "message":
        return True
    try:
        named = part.get_param("filename", header="content-disposition") or part.get_param("name")
    except (ValueError, TypeError, AttributeError):
        named = None
    return bool(named) and content_type(part) in BODY_TYPES


def body_text(msg: Message) -> tuple[str, bool]:
    """The first readable text part (plain preferred, HTML converted); attachments skipped.

    Returns the text and whether any text part was found.
    """
    body = message_body(msg, b"", 0)
    return body.text, body.found


def message_body(msg: Message, data: bytes, line_offset: int) -> Body:
    """The message's body text (plain preferred, HTML converted) and where it sits in ``data``
    (whose first line is file line ``line_offset + 1``)."""
    plain = html = None
    for part in _parts(msg):
        ctype = content_type(part)
        if ctype == "text/plain" and plain is None:
            plain = part
            break
        if ctype == "text/html" and html is None:
            html = part
        elif ctype not in BODY_TYPES and not msg.is_multipart() and ctype.startswith("text/"):
            plain = part  # text/enriched, text/x-... on its own: read it as text
            break
    part = plain if plain is not None else html
    if part is None:
        return Body("", FixedLayout("", line_offset + header_lines(data) if data else 1), False)
    text, layout = _decode_part(part, data, line_offset)
    if part is html:
        converted, out_starts, src_starts = convert(text)
        return Body(converted, SegmentLayout(converted, out_starts, src_starts, layout), True)
    return Body(text, layout, True)


def _decode_part(part: Message, data: bytes, line_offset: int) -> tuple[str, Layout]:
    charset = _content(part)[1]
    cte = str(part.get("Content-Transfer-Encoding") or "").strip().lower()
    raw_bytes = _raw_payload(part)
    at = data.find(raw_bytes) if data and raw_bytes.strip() else -1
    if at >= 0:
        first_line = line_offset + data.count(b"\n", 0, at) + 1
    else:
        first_line = line_offset + (header_lines(data) if data else 1)
    if cte == "quoted-printable":
        return qp_layout(raw_bytes, charset, first_line)
    if cte != "base64" and "uu" not in cte:  # 7bit, 8bit, binary, none or unknown: as is
        text = _normalise(decode(raw_bytes, charset))
        if at < 0 and data:
            first_line = line_offset + locate_line(data, text, header_lines(data))
        return text, Layout(text, first_line)
    try:
        payload = part.get_payload(decode=True)
    except (ValueError, AssertionError, LookupError, TypeError, binascii.Error):
        payload = None
    if payload is None:
        payload = raw_bytes
    text = _normalise(decode(payload, charset))
    return text, FixedLayout(text, first_line)


def _raw_payload(part: Message) -> bytes:
    """The part's body as it is in the file (still transfer-encoded). ``get_payload()`` would
    decode 8-bit text with the declared charset; the parser keeps the bytes (as surrogate
    escapes) in ``_payload``."""
    raw = getattr(part, "_payload", None)
    if isinstance(raw, str):
        try:
            return raw.encode("ascii", "surrogateescape")
        except UnicodeEncodeError:
            return raw.encode("utf-8", "surrogateescape")
    if isinstance(raw, bytes):
        return raw
    try:
        payload = part.get_payload(decode=True)
    except (ValueError, AssertionError, LookupError, TypeError):
        payload = None
    return payload if isinstance(payload, bytes) else b""


def _normalise(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


class QPLayout(Layout):
    """Quoted-printable: decoded text offsets back to the encoded lines (soft breaks joined)."""

    def __init__(self, text: str, charset: str, raw_lines: list[bytes], lengths: list[int], starts: list[int], first_line: int):
        super().__init__(text, first_line)
        self.charset = charset
        self.raw_lines = raw_lines
        self.lengths = lengths  # decoded bytes of each raw line (without its hard line break)
        self.starts = starts  # raw line where each decoded line starts
        self.first_line = first_line

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        index = self.index.line_of(offset)
        line_start = self.index.starts[index]
        try:
            want = len(self.text[line_start:offset].encode(self.charset or "utf-8", "replace"))
        except LookupError:
            want = len(self.text[line_start:offset].encode("utf-8", "replace"))
        last = len(self.raw_lines) - 1
        if last < 0:
            return self.first_line, 1
        if index >= len(self.starts) or self.starts[index] > last:
            # An encoded line break ("=0D=0A") made more lines than the file has: stay in it.
            return self.first_line + last, 1
        raw = self.starts[index]
        while raw < last and want >= self.lengths[raw] and self.raw_lines[raw].rstrip(b" \t\r").endswith(b"="):
            want -= self.lengths[raw]
            raw += 1
        return self.first_line + raw, _qp_column(self.raw_lines[raw], want) + 1


def _qp_column(raw: bytes, decoded: int) -> int:
    column = i = 0
    while i < len(raw) and column < decoded:
        i += 3 if raw[i:i + 1] == b"=" else 1
        column += 1
    return i


def qp_layout(raw: bytes, charset: str | None, first_line: int) -> tuple[str, QPLayout]:
    raw_lines = raw.split(b"\n")
    if raw_lines and raw_lines[-1] == b"" and len(raw_lines) > 1:
        raw_lines.pop()
    chunks, lengths, starts = [], [], [0]
    for number, line in enumerate(raw_lines):
        line = line.rstrip(b"\r")
        body = line.rstrip(b" \t")
        soft = body.endswith(b"=")
        if soft:
            body = body[:-1]
        try:
            decoded = binascii.a2b_qp(body)
        except (binascii.Error, ValueError):
            decoded = body
        chunks.append(decoded)
        lengths.append(len(decoded))
        if not soft:
            chunks.append(b"\n")
            starts.append(number + 1)
    data = b"".join(chunks)
    if data.endswith(b"\n"):
        data = data[:-1]
    text = _normalise(decode(data, charset))
    return text, QPLayout(text, charset or "utf-8", raw_lines, lengths, starts, first_line)


def parse_message(data: bytes) -> Message:
    msg = rfc822.parse_single(data)  # most mail is one text part, whose body needs no parsing
    if msg is not None:
        return msg
    import email.policy  # here, not above: a draft is read without the parser and its policies

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
    start = 0
    for _ in range(after_line - 1):
        start = data.find(b"\n", start) + 1
        if start <= 0:
            return after_line
    at = data.find(snippet, start) if snippet else -1
    if at < 0:
        return after_line
    leading = text[: len(text) - len(stripped)].count("\n")
    return max(1, data.count(b"\n", 0, at) + 1 - leading)


def _malformed(msg: Message) -> str:
    names = {type(d).__name__ for d in msg.defects}
    if "CloseBoundaryNotFoundDefect" in names:
        return "truncated MIME: the multipart body has no closing boundary and no readable text part"
    if "StartBoundaryNotFoundDefect" in names:
        return "malformed MIME: the multipart boundary never appears, so there is no readable text part"
    if "NoBoundaryInMultipartDefect" in names:
        return "malformed MIME: a multipart message without a boundary parameter and no readable text part"
    return "malformed MIME: no readable text part"


def message_touches(data: bytes, path: str, key: str, first_line: int, order: int) -> Iterator[Touch]:
    """Touches of one raw message: the message's own new text, then its quoted history."""
    msg = parse_message(data)
    body = message_body(msg, data, first_line - 1)
    if not body.found and msg.defects:
        raise InputError(path, _malformed(msg))
    yield from with_history(message_head(msg, path, key, first_line, order), body.text, body.layout)


def message_head(msg: Message, path: str, key: str, first_line: int, order: int) -> MappedTouch:
    """The touch of a message as its headers describe it (sender, recipients, time, ids), with
    no text yet. Threading a mailbox needs only this (``parse_head``)."""
    head = Headers(msg)
    senders = addresses(head, "From") or addresses(head, "Sender")
    name, party = senders[0] if senders else ("", "")
    ids = message_ids(header(head, "Message-ID"))
    message_id = ids[0] if ids else ""
    in_reply_to = message_ids(header(head, "In-Reply-To"))
    return MappedTouch(
        id=message_id or f"{path}:{first_line}",
        origin=Origin(path=path, line=first_line, key=key or message_id),
        text="",
        direction=None,  # whose it is, the conversation stage decides (--rep, the mailbox owner)
        kind="email",
        party=party,
        party_name=name,
        recipients=tuple(addr for _, addr in addresses(head, "To", "Cc")),
        time=message_time(head),
        subject=header(head, "Subject"),
        message_id=message_id,
        in_reply_to=in_reply_to[0] if in_reply_to else "",
        references=tuple(message_ids(header(head, "References"))),
        order=order,
        bulk=automated(head, party),
    )


# Auto-responders' own flags. Not X-Auto-Response-Suppress: Exchange puts it on ordinary
# mail to ask others not to auto-reply, so it does not mark a message as automated.
AUTOMATIC_FLAGS = ("X-Autoreply", "X-Autorespond")


def automated(msg: Message | Headers, sender: str) -> str:
    """Why a message is bulk or automated mail, as its headers say (a list's headers,
    ``Precedence``, ``Auto-Submitted``, an auto-responder's flags, a null or no-reply sender);
    empty for a message one person wrote."""
    for name in ("List-Unsubscribe", "List-Id"):
        if msg.get(name) is not None:
            return name
    precedence = header(msg, "Precedence").lower()
    if precedence in ("bulk", "list", "junk", "auto_reply"):
        return f"Precedence: {precedence}"
    submitted = header(msg, "Auto-Submitted").lower()
    if submitted and submitted.split(";")[0].strip() != "no":
        return f"Auto-Submitted: {submitted}"
    for name in AUTOMATIC_FLAGS:
        value = header(msg, name).lower()
        if value and value not in ("no", "false", "0"):
            return name
    if header(msg, "Return-Path").strip() == "<>" or (sender and automated_sender(sender)):
        return "automated sender"
    return ""


def parse_head(data: bytes) -> Message:
    """Only the header block of a raw message, as ``parse_message`` reads it
    (``email.parser.BytesHeaderParser``, read by ``rfc822``)."""
    return rfc822.parse_head(data)


def with_history(touch: Touch, text: str, layout: Layout | None = None, reference: datetime | None = None) -> Iterator[Touch]:
    """Yield the touch with its new text, then one touch per quoted earlier message, with its
    time settled here (``_quote_time``) and its side left to the conversation stage.

    ``layout`` maps offsets of ``text`` to file positions (default: line for line from the
    touch's ``origin.line``)."""
    if layout is None:
        layout = Layout(text, touch.origin.line)
    tz = touch.time.tzinfo if touch.time else None
    split = split_message(text, tz, touch.time or reference, author=touch.party_name)
    touch.text = split.new_text
    touch.signature = split.signature
    if not touch.party_name:
        touch.party_name = signer(split.new_text, split.signature)
    if isinstance(touch, MappedTouch):
        touch.layout = layout
        touch.body_line = 0  # its lines are the body's lines (quoted ones blanked)
        touch.origin.line = touch.position(_first_char(touch.text))[0]
    yield touch
    later = touch
    before = touch.time or UNDATED
    for n, quote in enumerate(split.quotes, start=1):
        before = _quote_time(quote.time, before)
        earlier = MappedTouch(
            id=f"{touch.id}#q{n}",
            origin=Origin(path=touch.origin.path, line=touch.origin.line, key=f"{touch.origin.key or touch.id}#q{n}"),
            text=quote.text,
            direction=None,  # whose it is, the conversation stage decides
            kind="email",
            party=quote.author,
            party_name=quote.author_name,
            time=None if before is UNDATED else before,
            subject=quote.subject or touch.subject,
            quoted=True,
            order=touch.order - n,
            signature=quote.signature,
            layout=layout,
            body_line=quote.line,
        )
        earlier.origin.line = earlier.position(_first_char(earlier.text))[0]
        later.references = (*later.references, earlier.id)
        later = earlier
        yield earlier


def _quote_time(said: datetime | None, later: datetime) -> datetime:
    """When a quoted message was sent, given the message that quotes it (``later``; UNDATED for
    an undated draft): a quote cannot postdate its reply, an undated one is put just before it,
    and a date quoted without a zone is read as UTC."""
    if said is not None and said.tzinfo is None:
        said = said.replace(tzinfo=timezone.utc)
    if later is UNDATED:
        return UNDATED if said is None else said
    if said is None or said >= later:
        return later - timedelta(seconds=1)
    return said


def signer(text: str, signature: str) -> str:
    """The name a message is signed with: the line after a sign-off, a lone name ending the
    signature or the text."""
    for block in (signature, text):
        lines = [l.strip() for l in block.strip().split("\n") if l.strip(" -_—\t")]
        if not lines:
            continue
        if block is signature:
            first = lines[0].rstrip(",.!-–— ").lower()
            signoff = first in current_words()["signoff"]
            candidates = lines[1:2] if signoff else lines[:1]
            if not signoff and "," in lines[0]:
                candidates = [lines[0].split(",", 1)[1]] + candidates  # "Thanks, Priya"
        else:
            candidates = lines[-1:]
        for line in candidates:
            words = line.strip().rstrip(",.").split()
            if 1 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words):
                return " ".join(words)
    return ""


def _first_char(text: str) -> int:
    return len(text) - len(text.lstrip())


__all__ = [
    "Body", "LineIndex", "addresses", "body_text", "decode_words", "header", "header_lines",
    "locate_line", "looks_binary", "message_body", "message_head", "message_ids", "message_time",
    "message_touches", "parse_head", "parse_message", "qp_layout", "signer", "with_history",
]
