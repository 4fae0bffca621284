"""A message's header block read as the stdlib's compat32 parser reads it, without its feed
machinery (a line queue, a generator step and a regular expression per line, for the body too).

``parse_head`` gives what ``BytesHeaderParser`` gives; ``parse_single`` what
``message_from_bytes`` gives for a message that is not multipart or message/*, whose body the
parser keeps whole as its payload. ``tests/test_fast_paths.py`` compares both with the stdlib.
"""
from __future__ import annotations

import re
from email import errors
from email._policybase import compat32
from email.message import Message

# The parser's test for a header line (email.feedparser.headerRE): a unix-from, a name and a
# colon, or a continuation.
HEADER_LINE_RE = re.compile(r"From |[\041-\071\073-\176]*:|[\t ]")
LINE_END_RE = re.compile(r"\r\n|\r|\n")


def _lines(text: str) -> tuple[list[str], int]:
    """The lines of the header block (each with its line end) up to the first one that is not a
    header line, and where the text after them starts. That line is included: the caller
    decides whether it is the separator or the first line of the body."""
    lines = []
    at, size = 0, len(text)
    plain_ends = "\r" not in text
    while at < size:
        if plain_ends:
            end = text.find("\n", at) + 1 or size
        else:
            found = LINE_END_RE.search(text, at)
            end = found.end() if found else size
        line = text[at:end]
        lines.append(line)
        at = end
        if not HEADER_LINE_RE.match(line):
            break
    return lines, at


def _read(data: bytes) -> tuple[Message, str]:
    """The message with its headers, unix-from and header defects set; and its body text (what
    the parser would go on reading after the header block)."""
    text = data.decode("ascii", "surrogateescape")
    msg = Message(policy=compat32)
    lines, at = _lines(text)
    pushed_back: list[str] = []
    if lines and not HEADER_LINE_RE.match(lines[-1]):
        last = lines.pop()
        if not LINE_END_RE.match(last):
            msg.defects.append(errors.MissingHeaderBodySeparatorDefect())
            pushed_back.append(last)
    pushed_back[:0] = _set_headers(msg, lines)
    body = text[at:]
    if pushed_back:
        body = "".join(pushed_back) + body
    return msg, body


def _set_headers(msg: Message, lines: list[str]) -> list[str]:
    """email.feedparser.FeedParser._parse_headers, step for step; returns the line it pushes
    back to the body (a "From " line ending the block), if any."""
    name, value = "", []
    for number, line in enumerate(lines):
        if line[0] in " \t":
            if not name:
                msg.defects.append(errors.FirstHeaderLineIsContinuationDefect(line))
                continue
            value.append(line)
            continue
        if name:
            msg.set_raw(*compat32.header_source_parse(value))
            name, value = "", []
        if line.startswith("From "):
            if number == 0:
                msg.set_unixfrom(_without_line_end(line))
                continue
            if number == len(lines) - 1:
                return [line]
            msg.defects.append(errors.MisplacedEnvelopeHeaderDefect(line))
            continue
        colon = line.find(":")
        if colon == 0:
            msg.defects.append(errors.InvalidHeaderDefect("Missing header name."))
            continue
        name, value = line[:colon], [line]
    if name:
        msg.set_raw(*compat32.header_source_parse(value))
    return []


def _without_line_end(line: str) -> str:
    if line.endswith("\r\n"):
        return line[:-2]
    return line[:-1] if line.endswith(("\r", "\n")) else line


def parse_head(data: bytes) -> Message:
    """``email.parser.BytesHeaderParser(policy=compat32).parsebytes(data)``."""
    msg, body = _read(data)
    msg.set_payload(body)
    return msg


def parse_single(data: bytes) -> Message | None:
    """``email.message_from_bytes(data, policy=compat32)`` for a message whose content type is
    neither multipart nor message/*; None for those, which the stdlib parser reads."""
    msg, body = _read(data)
    if msg.get_content_maintype() in ("multipart", "message"):
        return None
    msg.set_payload(body)
    return msg
