"""Separate a message's new text from its quoted history and its signature.

Quoted history ("On Tue 3 Nov, Bob wrote:" + ``>`` lines, Outlook's "-----Original Message-----"
and "From:/Sent:" blocks, forwarded blocks) is parsed into earlier messages, each with its
author, date and its own new text, nearest first. Only string operations on lines are used, so
the cost is linear in the text.

We keep our own splitter rather than a reply-parser library because the rules need what those
libraries drop: who wrote each quoted part, when, and where it sits in the file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

MAX_DEPTH = 25
ATTRIBUTION_MAX = 300  # characters an "On ... wrote:" line may span
WROTE_ENDINGS = ("wrote:", "writes:", "a écrit :", "a écrit:", "schrieb:", "escribió:", "scrisse:", "schreef:")
ORIGINAL_MARKERS = ("original message", "ursprüngliche nachricht", "message d'origine", "forwarded message", "forwarded by")
HEADER_KEYS = {"from", "sent", "date", "to", "cc", "subject", "von", "gesendet", "an", "betreff", "de", "envoyé", "objet", "à"}
SIGNOFFS = {
    "thanks", "thank you", "thanks again", "many thanks", "best", "best regards", "kind regards",
    "warm regards", "regards", "cheers", "sincerely", "talk soon", "speak soon", "all the best",
    "best wishes", "warmly", "thx", "ta", "yours", "yours truly", "with thanks", "take care",
}
SIGNATURE_TAIL_LINES = 7
EMAIL_RE = re.compile(r"[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")


@dataclass(slots=True)
class Quote:
    """An earlier message rebuilt from quoted history."""

    author: str  # address when known, else the name
    author_name: str
    time: datetime | None
    subject: str
    text: str  # its own new text (its quotes and signature removed)
    line: int  # 0-based line of ``text`` within the outermost message text
    depth: int


@dataclass(slots=True)
class Split:
    new_text: str
    signature: str = ""
    quotes: list[Quote] = field(default_factory=list)


def split_message(text: str, default_tz: tzinfo | None = None) -> Split:
    split = Split(new_text=text)
    _split_into(text, 0, 0, split, default_tz, top=True)
    return split


def _split_into(text: str, line_base: int, depth: int, split: Split, tz, top: bool) -> str:
    lines = text.split("\n")
    boundary = _find_boundary(lines)
    head_lines = lines if boundary is None else lines[: boundary.start]
    own, signature = _cut_signature("\n".join(head_lines))
    if top:
        split.new_text = own
        split.signature = signature
    if boundary is None or depth >= MAX_DEPTH:
        return own
    quote = Quote(
        author=boundary.address or boundary.name,
        author_name=boundary.name,
        time=_parse_date(boundary.date_text, tz),
        subject=boundary.subject,
        text="",
        line=line_base + boundary.body_start,
        depth=depth + 1,
    )
    split.quotes.append(quote)
    body_lines = lines[boundary.body_start :]
    if boundary.dequote:
        body_lines = _dequote(body_lines)
    inner_tz = quote.time.tzinfo if quote.time else tz
    text = _split_into("\n".join(body_lines), quote.line, depth + 1, split, inner_tz, top=False)
    stripped = text.lstrip("\n \t")
    quote.line += text[: len(text) - len(stripped)].count("\n")
    quote.text = stripped
    return own


@dataclass(slots=True)
class _Boundary:
    start: int  # first line of the attribution / header block
    body_start: int
    name: str = ""
    address: str = ""
    date_text: str = ""
    subject: str = ""
    dequote: bool = False


def _find_boundary(lines: list[str]) -> _Boundary | None:
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        low = line.lower()
        if line.startswith(">"):
            return _Boundary(start=i, body_start=i, dequote=True)
        if _is_wrote_line(lines, i):
            return _wrote_boundary(lines, i)
        if line.startswith("---") and any(m in low for m in ORIGINAL_MARKERS):
            return _header_block(lines, i, i + 1)
        if low.startswith("from:") and _looks_like_header_block(lines, i):
            return _header_block(lines, i, i)
    return None


def _is_wrote_line(lines: list[str], i: int) -> bool:
    line = lines[i].strip()
    if not (line[:3].lower() in ("on ", "le ", "am ", "el ", "il ", "op ")):
        return False
    joined = line if i + 1 >= len(lines) else line + " " + lines[i + 1].strip()
    if len(joined) > ATTRIBUTION_MAX:
        joined = joined[:ATTRIBUTION_MAX]
    low = line.lower().rstrip()
    return low.endswith(WROTE_ENDINGS) or joined.lower().rstrip().endswith(WROTE_ENDINGS)


def _wrote_boundary(lines: list[str], i: int) -> _Boundary:
    line = lines[i].strip()
    end = i
    if not line.lower().endswith(WROTE_ENDINGS):
        end = i + 1
        line = line + " " + lines[i + 1].strip()
    inner = line[3:]
    for ending in WROTE_ENDINGS:
        if inner.lower().endswith(ending):
            inner = inner[: -len(ending)]
            break
    address = ""
    match = EMAIL_RE.search(inner)
    if match:
        address = match.group().lower()
        inner = (inner[: match.start()] + inner[match.end():]).replace("<>", " ").replace("mailto:", "")
    date_text, name = _split_date_and_name(inner.strip().rstrip(","))
    body = end + 1
    dequote = any(l.lstrip().startswith(">") for l in lines[body : body + 3])
    return _Boundary(start=i, body_start=body, name=name, address=address, date_text=date_text, dequote=dequote)


def _split_date_and_name(inner: str) -> tuple[str, str]:
    """'Tue, 3 Nov 2026 at 09:12, Bob Smith' -> ('Tue, 3 Nov 2026 at 09:12', 'Bob Smith')."""
    # The name is what follows the last clock time or year; a comma often separates them.
    match = None
    for match in re.finditer(r"\d{1,2}[:.]\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?|\b(?:19|20)\d{2}\b", inner):
        pass
    if match is None:
        date_text, _, name = inner.rpartition(",")
        return date_text.strip(), name.strip(" ,\"'")
    date_text = inner[: match.end()]
    name = inner[match.end():].strip(" ,\"'")
    return date_text.strip(), name


def _looks_like_header_block(lines: list[str], i: int) -> bool:
    keys = set()
    for raw in lines[i : i + 6]:
        key, colon, _ = raw.strip().partition(":")
        if colon and key.strip().lower() in HEADER_KEYS:
            keys.add(key.strip().lower())
        elif not raw.strip():
            break
    return "from" in keys and len(keys & {"sent", "date", "gesendet", "envoyé"}) > 0 and len(keys) >= 2


def _header_block(lines: list[str], start: int, first_header: int) -> _Boundary:
    boundary = _Boundary(start=start, body_start=first_header)
    i = first_header
    while i < len(lines) and i < first_header + 12:
        raw = lines[i].strip()
        if not raw:
            if i > first_header:
                break
            i += 1
            continue
        key, colon, value = raw.partition(":")
        key = key.strip().lower()
        if not colon or key not in HEADER_KEYS:
            break
        value = value.strip()
        if key in ("from", "von", "de"):
            match = EMAIL_RE.search(value)
            boundary.address = match.group().lower() if match else ""
            boundary.name = value[: match.start()].strip(" <\"'") if match else value.strip("\"'")
        elif key in ("sent", "date", "gesendet", "envoyé"):
            boundary.date_text = value
        elif key in ("subject", "betreff", "objet"):
            boundary.subject = value
        i += 1
    boundary.body_start = i
    boundary.dequote = any(l.lstrip().startswith(">") for l in lines[i : i + 3])
    return boundary


def _dequote(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        stripped = line.lstrip()
        if stripped.startswith(">"):
            stripped = stripped[1:]
            if stripped.startswith(" "):
                stripped = stripped[1:]
            out.append(stripped)
        else:
            out.append(line)
    return out


def _cut_signature(text: str) -> tuple[str, str]:
    lines = text.rstrip().split("\n")
    for i, line in enumerate(lines):
        stripped = line.rstrip()
        if stripped in ("--", "-- ", "__") or stripped.lower().startswith(("sent from my ", "get outlook for")):
            return "\n".join(lines[:i]).rstrip(), "\n".join(lines[i:])
    tail_start = max(0, len(lines) - SIGNATURE_TAIL_LINES)
    for i in range(len(lines) - 1, tail_start - 1, -1):
        words = lines[i].strip().rstrip(",.!-").strip().lower()
        if words in SIGNOFFS and i > 0:
            after = lines[i + 1 :]
            if all(len(l) < 70 for l in after):
                return "\n".join(lines[:i]).rstrip(), "\n".join(lines[i:])
    return "\n".join(lines).rstrip(), ""


def _parse_date(text: str, tz) -> datetime | None:
    text = text.strip()[:120]
    if not text:
        return None
    from email.utils import parsedate_to_datetime

    value = None
    # RFC 2822 dates parse exactly; "Monday, November 16, 2026 4:45 PM" (Outlook) would lose
    # its PM there, so anything with AM/PM goes to dateutil.
    if not re.search(r"\d\s?[AaPp]\.?[Mm]\b", text):
        try:
            value = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            value = None
    if value is None:
        import warnings

        from dateutil import parser as dateparser

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # unknown zone names ("CST") fall back below
                value = dateparser.parse(text.replace(" at ", " "), fuzzy=True)
        except (ValueError, OverflowError, TypeError):
            return None
    if value.tzinfo is None and tz is not None:
        value = value.replace(tzinfo=tz)
    return value
