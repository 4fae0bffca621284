"""Separate a message's new text from its quoted history and its signature.

Quoted history ("On Tue 3 Nov, Bob wrote:" + ``>`` lines, Outlook's "-----Original Message-----"
and "From:/Sent:" blocks, forwarded blocks, ``>`` lines with no attribution) is parsed into
earlier messages, each with its author, date and its own new text, nearest first. A reply may
sit above the quote (top-posting), below it (bottom-posting) or between quoted lines (inline
replies): the lines of each side are kept in place and the other side's lines are blanked, so
every line of a touch's text is still the line it was in the file. Only string operations on
lines and bounded patterns on short lines are used, so the cost is linear in the text.

We keep our own splitter rather than a reply-parser library because the rules need what those
libraries drop: who wrote each quoted part, when, and where it sits in the file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

from .. import clock
from ..lexicon.words import current as current_words

MAX_DEPTH = 25
ATTRIBUTION_MAX = 300  # characters an "On ... wrote:" attribution may span (over up to 3 lines)
WROTE_ENDINGS = (
    "wrote:", "writes:", "a écrit :", "a écrit:", "schrieb:", "escribió:", "scrisse:", "schreef:",
    "escreveu:", "skrev:", "kirjoitti:", "napisał:",
)
OPENERS = ("on ", "le ", "am ", "el ", "il ", "op ", "em ", "den ")
OPENER_HEADS = {o[:3] for o in OPENERS}
ORIGINAL_MARKERS = (
    "original message", "ursprüngliche nachricht", "message d'origine", "forwarded message",
    "forwarded by", "mensaje original", "messaggio originale", "oorspronkelijk bericht",
)
FORWARD_LINES = ("begin forwarded message:", "start of forwarded message:")
HEADER_KEYS = {
    "from", "sent", "date", "to", "cc", "bcc", "subject", "reply-to", "von", "gesendet", "an",
    "betreff", "datum", "de", "envoyé", "objet", "à", "para", "enviado", "asunto", "fecha",
    "importance", "attachments", "sent by", "priority", "wichtigkeit", "anlagen", "kopie", "cc/bcc",
}
FROM_KEYS = {"from", "von", "de"}
FROM_PREFIXES = tuple(k + ":" for k in FROM_KEYS)
DATE_KEYS = {"sent", "date", "gesendet", "datum", "envoyé", "enviado", "fecha"}
SUBJECT_KEYS = {"subject", "betreff", "objet", "asunto"}
DEVICE_LINES = (
    "sent from my ", "get outlook for", "sent from outlook", "sent from mail for windows",
    "sent from yahoo mail", "sent from samsung", "sent via ", "envoyé de mon ", "von meinem ",
)
SIGNATURE_TAIL_LINES = 7
NAME_BLOCK_LINES = 4  # a name line and the lines of title and company under it
NAME_BLOCK_WIDTH = 50
DELIMITER_STARTS = frozenset("-_—" + "".join(line[0] + line[0].upper() for line in DEVICE_LINES))
DELIMITER_TAIL_LINES = 12  # a bare "--" / "__" line is a signature delimiter with at most this below it
EMAIL_RE = re.compile(r"[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
DATEISH_RE = re.compile(
    r"\d|\b(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,7}\b", re.I)
TIME_OR_YEAR_RE = re.compile(
    r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?"
    r"(?:\s?(?:[A-Z]{2,5}\b|[+-]\d{2}:?\d{2}\b|\(?(?:GMT|UTC)(?:[+-]\d{1,2}(?::?\d{2})?)?\)?))?"
    r"|\b(?:19|20)\d{2}\b"
)
NAME_RE = re.compile(r"[A-ZÀ-Þ][\w'’.-]{0,24}(?: [A-ZÀ-Þ][\w'’.-]{0,24}){0,2}")
SIGNOFF_NAME_RE = re.compile(r"([A-Za-z ]{2,24}?)[,!.]?\s*(?:[-–—]\s*)?([A-ZÀ-Þ][\w'’.-]{0,24}(?: [A-ZÀ-Þ][\w'’.-]{0,24}){0,2})")
CONTACT_RE = re.compile(r"@|https?://|www\.|\+?\d[\d ().-]{6,}\d|[|·•]")
SEPARATOR_RE = re.compile(r"(?:_{8,}|-{8,}|={8,})")


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
    signature: str = ""


@dataclass(slots=True)
class Split:
    new_text: str
    signature: str = ""
    quotes: list[Quote] = field(default_factory=list)


def split_message(text: str, default_tz: tzinfo | None = None, reference: datetime | None = None,
                  author: str = "") -> Split:
    """Split ``text``; ``default_tz`` and ``reference`` (the message's own time) complete
    quoted dates that lack a zone or a year; ``author`` (the sender's display name) helps
    find where a signature starts.

    One level of quoting at a time, each level's lines replacing the last (no recursion, and
    no more than two levels' lines alive at once)."""
    split = Split(new_text=text)
    lines, line_base, depth, quote, tz = text.split("\n"), 0, 0, None, default_tz
    while True:
        if quote is not None and not (quote.author or quote.time):
            _attribution_inside(lines, quote, tz, reference)
            if quote.time is not None:
                tz, reference = quote.time.tzinfo or tz, quote.time
        boundary = _find_boundary(lines) if depth < MAX_DEPTH else None
        skip = 0
        if boundary is None:
            own_lines, body = lines, None
        elif boundary.prefixed:
            own_lines, body = _separate(lines, boundary)
            skip = _common_depth(body) if depth + 1 < MAX_DEPTH else 0
            if skip:
                # Levels with nothing of their own ("> > > text"): step over them in one pass.
                skip = min(skip, MAX_DEPTH - depth - 1)
                body = [_strip_levels(line, skip) for line in body]
        else:
            own_lines, body = lines[: boundary.start], lines[boundary.body_start:]
        own, signature = _cut_signature(own_lines, author if quote is None else quote.author_name)
        if quote is None:
            split.new_text, split.signature = own, signature
        else:
            _set_text(quote, own)
            quote.signature = signature
        if body is None or boundary.forwarded:
            return split
        inner = Quote(
            author=boundary.address or boundary.name,
            author_name=boundary.name,
            time=_parse_date(boundary.date_text, tz, reference),
            subject=boundary.subject,
            text="",
            line=line_base + boundary.body_start,
            depth=depth + 1 + skip,
        )
        split.quotes.append(inner)
        if inner.time is not None:
            tz, reference = inner.time.tzinfo or tz, inner.time
        lines, line_base, depth, quote = body, inner.line, inner.depth, inner
        own_lines = own = None


@dataclass(slots=True)
class _Boundary:
    start: int  # first line of the attribution / header block / quoted block
    body_start: int  # first line of the quoted message
    prefixed: bool = False  # its lines start with '>'
    name: str = ""
    address: str = ""
    date_text: str = ""
    subject: str = ""
    forwarded: bool = False  # a forward: reference material, not this conversation's history


def _set_text(quote: Quote, own: str) -> None:
    stripped = own.lstrip("\n \t")
    quote.line += own[: len(own) - len(stripped)].count("\n")
    quote.text = stripped


def _separate(lines: list[str], boundary: _Boundary) -> tuple[list[str], list[str]]:
    """For '>' quoted history: our lines (quoted ones blanked) and the quoted message's lines
    (ours blanked), from its first quoted line to its last."""
    n = len(lines)
    own = lines[: boundary.start] + [""] * (boundary.body_start - boundary.start)
    rest = lines[boundary.body_start:]
    stripped = [line.lstrip() for line in rest]
    quoted = [s[:1] == ">" for s in stripped]
    body = [_dequote_line(s) if q else "" for s, q in zip(stripped, quoted)]
    own.extend("" if q else line for line, q in zip(rest, quoted))
    last_quoted = len(quoted) - 1 - quoted[::-1].index(True) if True in quoted else -1
    # Our last line of text: what follows it is blank (and trimmed here, at C speed).
    ours = [bool(s) and not q for s, q in zip(stripped, quoted)]
    last_own = len(ours) - 1 - ours[::-1].index(True) if True in ours else -1
    keep = boundary.body_start + last_own + 1 if last_own >= 0 else boundary.start
    # Our lines between quoted ones may hold another attribution of quoted lines: not ours.
    base = boundary.body_start
    for j in range(last_quoted):
        line = stripped[j]
        if quoted[j] or not line:
            continue
        if line[:3].lower() in OPENER_HEADS or line.rstrip().lower().endswith(WROTE_ENDINGS):
            span = _attribution_span(lines, base + j)
            if span and _next_is_quoted(lines, base + j + span):
                for k in range(base + j, min(n, base + j + span)):
                    own[k] = ""
    return own[:keep], body[: last_quoted + 1]


QUOTE_PREFIX_RE = re.compile(r"(?:[ \t]*>)+")
_LEVELS_RE: dict[int, re.Pattern] = {}


def _common_depth(lines: list[str]) -> int:
    """Quote levels every non-blank line has (0 as soon as one line is not quoted)."""
    least = None
    for line in lines:
        if not line:
            continue
        match = QUOTE_PREFIX_RE.match(line)
        if match is None:
            if line.strip():
                return 0
            continue
        levels = match.group().count(">")
        if least is None or levels < least:
            least = levels
    return least or 0


def _strip_levels(line: str, levels: int) -> str:
    pattern = _LEVELS_RE.get(levels)
    if pattern is None:
        # The space after each marker is left to the next marker's [ \t]*: "> ?" there would give
        # every space two ways to match, 2**levels paths on a line with fewer levels.
        pattern = _LEVELS_RE.setdefault(levels, re.compile(r"(?:[ \t]*>){%d} ?" % levels))
    match = pattern.match(line) if line else None
    return line[match.end():] if match else line


def _dequote_line(stripped: str) -> str:
    return stripped[2:] if stripped[1:2] == " " else stripped[1:]


def _next_is_quoted(lines: list[str], i: int, reach: int = 3) -> bool:
    for line in lines[i: i + reach]:
        stripped = line.strip()
        if stripped:
            return stripped.startswith(">")
    return False


def _first_content(lines: list[str], start: int = 0, reach: int = 4) -> int:
    for i in range(start, min(len(lines), start + reach)):
        if lines[i].strip():
            return i
    return -1


def _find_boundary(lines: list[str]) -> _Boundary | None:
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        first = line[0]
        if first == ">":
            return _Boundary(start=i, body_start=i, prefixed=True)
        if len(line) > ATTRIBUTION_MAX:
            continue
        low = line.lower()
        if low.startswith(OPENERS) or low.endswith(WROTE_ENDINGS):
            span = _attribution_span(lines, i)
            if span:
                return _wrote_boundary(lines, i, span)
        if first in "-_*=" and low[:3] in ("---", "___", "***", "===") and "forwarded" in low:
            # Lotus Notes writes "----- Forwarded by Name/ORG on 02/11/99 09:36 AM -----" on one long line.
            boundary = _header_block(lines, i, i + 1)
            boundary.forwarded = True
            return boundary
        if len(line) > 120:
            continue
        if first in "-_*=" and low[:3] in ("---", "___", "***", "==="):
            if any(m in low for m in ORIGINAL_MARKERS):
                return _header_block(lines, i, i + 1)
            if SEPARATOR_RE.fullmatch(line):
                nxt = _first_content(lines, i + 1, 2)
                if nxt >= 0 and lines[nxt].strip().lower().startswith(FROM_PREFIXES) and _looks_like_header_block(lines, nxt):
                    return _header_block(lines, i, nxt)
        elif low in FORWARD_LINES:
            boundary = _header_block(lines, i, i + 1)
            boundary.forwarded = True
            return boundary
        elif low.startswith(FROM_PREFIXES) and _looks_like_header_block(lines, i):
            return _header_block(lines, i, i)
    return None


def _attribution_span(lines: list[str], i: int) -> int:
    """How many lines (1-3) the attribution starting at line ``i`` spans; 0 if it is not one."""
    first = lines[i].strip()
    if not first or len(first) > ATTRIBUTION_MAX:
        return 0
    low = first.lower()
    opener = low.startswith(OPENERS)
    if not opener and not low.endswith(WROTE_ENDINGS):
        return 0
    joined, span = low, 1
    while True:
        if _is_attribution(joined, opener, lines, i + span):
            return span
        if not opener or span == 3 or i + span >= len(lines):
            return 0
        nxt = lines[i + span].strip().lower()
        if not nxt or nxt.startswith(">"):
            return 0
        joined = f"{joined} {nxt}"
        span += 1
        if len(joined) > ATTRIBUTION_MAX:
            return 0


def _is_attribution(low: str, opener: bool, lines: list[str], after: int) -> bool:
    if low.startswith("am ") and " schrieb " in low and low.endswith(":"):
        return bool(DATEISH_RE.search(low))
    if not low.endswith(WROTE_ENDINGS):
        return False
    if opener:
        return bool(DATEISH_RE.search(low))
    # "Bob Stone <bob@x.com> wrote:" with no date: an address, or quoted lines right below.
    return bool(EMAIL_RE.search(low)) or _next_is_quoted(lines, after)


def _wrote_boundary(lines: list[str], i: int, span: int) -> _Boundary:
    line = " ".join(l.strip() for l in lines[i: i + span])
    name, address, date_text = _parse_attribution(line)
    body = i + span
    first = _first_content(lines, body, 3)
    prefixed = first >= 0 and lines[first].lstrip().startswith(">")
    boundary = _Boundary(start=i, body_start=first if prefixed else body, prefixed=prefixed,
                         name=name, address=address, date_text=date_text)
    return boundary


def _parse_attribution(line: str) -> tuple[str, str, str]:
    """'On Tue, 3 Nov 2026 at 09:12, Bob <bob@x.com> wrote:' -> (name, address, date text)."""
    low = line.lower()
    if low.startswith("am ") and " schrieb " in low:
        at = low.index(" schrieb ")
        date_part, who = line[3:at], line[at + 9:].rstrip(":").strip()
        name, address = _name_and_address(who)
        return name, address, date_part.replace(" um ", " ")
    inner = line[3:] if low.startswith(OPENERS) else line
    low_inner = inner.lower()
    for ending in WROTE_ENDINGS:
        if low_inner.endswith(ending):
            inner = inner[: -len(ending)]
            break
    address = ""
    match = EMAIL_RE.search(inner)
    if match:
        address = match.group().lower()
        inner = inner[: match.start()] + inner[match.end():]
        inner = re.sub(r"[<\[(]\s*(?:mailto:\s*)?[>\])]", " ", inner).replace("mailto:", "")
    date_text, name = _split_date_and_name(inner.strip().rstrip(","))
    if not low.startswith(OPENERS):
        date_text, name = "", (name or date_text)
    return name.strip(" ,\"'<>[]()"), address, date_text


def _split_date_and_name(inner: str) -> tuple[str, str]:
    """'Tue, 3 Nov 2026 at 09:12, Bob Smith' -> ('Tue, 3 Nov 2026 at 09:12', 'Bob Smith')."""
    # The name is what follows the last clock time or year; a comma often separates them.
    match = None
    for match in TIME_OR_YEAR_RE.finditer(inner):
        pass
    if match is None:
        date_text, _, name = inner.rpartition(",")
        return date_text.strip(), name.strip(" ,\"'")
    date_text = inner[: match.end()]
    name = inner[match.end():].strip(" ,\"'")
    return date_text.strip(), name


def _name_and_address(value: str) -> tuple[str, str]:
    match = EMAIL_RE.search(value)
    if not match:
        return value.strip(" \"'"), ""
    # Drop a trailing "<", "(mailto:" ... with string operations: the pattern
    # [<\[(]?\s*(?:mailto:)?\s*$ searched here was cubic in a run of spaces.
    name = value[: match.start()].rstrip()
    if name.endswith("mailto:"):
        name = name[: -len("mailto:")].rstrip()
    if name.endswith(("<", "[", "(")):
        name = name[:-1]
    name = name.strip(" \"'")
    if not name:
        rest = value[match.end():].strip(" >])")
        name = rest.strip(" \"'()") if rest and "@" not in rest else ""
    return name, match.group().lower()


def _looks_like_header_block(lines: list[str], i: int) -> bool:
    keys = set()
    for raw in lines[i: i + 8]:
        stripped = raw.strip()
        if not stripped:
            break
        key, colon, _ = stripped.partition(":")
        key = key.strip().lower()
        if colon and key in HEADER_KEYS:
            keys.add(key)
        elif keys and raw[:1] in (" ", "\t"):
            continue  # a folded header line
        else:
            break
    return bool(keys & FROM_KEYS) and bool(keys & DATE_KEYS) and len(keys) >= 2


def _header_block(lines: list[str], start: int, first_header: int) -> _Boundary:
    boundary = _Boundary(start=start, body_start=first_header)
    i = first_header
    while i < len(lines) and lines[i].strip() == "" and i < first_header + 2:
        i += 1
    limit = i + 14
    while i < len(lines) and i < limit:
        raw = lines[i]
        stripped = raw.strip()
        if not stripped:
            break
        key, colon, value = stripped.partition(":")
        key = key.strip().lower()
        if not colon or key not in HEADER_KEYS:
            if raw[:1] in (" ", "\t") and i > first_header:
                i += 1  # a folded header line
                continue
            break
        value = value.strip()
        if key in FROM_KEYS:
            boundary.name, boundary.address = _name_and_address(value)
        elif key in DATE_KEYS:
            boundary.date_text = value
        elif key in SUBJECT_KEYS:
            boundary.subject = value
        i += 1
    boundary.body_start = i
    first = _first_content(lines, i, 3)
    if first >= 0 and lines[first].lstrip().startswith(">"):
        boundary.prefixed = True
        boundary.body_start = first
    return boundary


def _attribution_inside(lines: list[str], quote: Quote, tz, reference) -> None:
    """A quoted block whose first line is its own attribution (Apple Mail puts "On ... wrote:"
    inside the <blockquote>): take it as this quote's author and date, and blank it."""
    if quote.author or quote.time:
        return
    first = _first_content(lines, 0, 3)
    if first < 0:
        return
    span = _attribution_span(lines, first)
    if span:
        boundary = _wrote_boundary(lines, first, span)
    elif lines[first].strip().lower().startswith(FROM_PREFIXES) and _looks_like_header_block(lines, first):
        boundary = _header_block(lines, first, first)
    else:
        return
    if boundary.prefixed:
        return  # the attribution of a deeper quote
    quote.author = boundary.address or boundary.name
    quote.author_name = boundary.name
    quote.time = _parse_date(boundary.date_text, tz, reference)
    quote.subject = quote.subject or boundary.subject
    for j in range(first, boundary.body_start):
        lines[j] = ""


def cut_signature(text: str, author: str = "") -> tuple[str, str]:
    """A message body's own text and its signature block (a sign-off, a name, a contact block)."""
    return _cut_signature(text.split("\n"), author)


def _cut_signature(lines: list[str], author: str = "") -> tuple[str, str]:
    """Own text and signature: a '-- ' delimiter, a device line, a sign-off with short lines
    below it, the author's name on a line of its own, a lone name line, or a contact block."""
    end = len(lines)
    while end and (not lines[end - 1].strip() or _separator_line(lines[end - 1])):
        end -= 1  # blank lines, and an Outlook "_____" rule left above the quoted message
    if not end:
        return "", _join(lines)
    first = next(i for i in range(end) if lines[i].strip())
    content = [i for i in range(max(first, end - 40), end) if lines[i].strip()]
    cut = None
    for i in range(first, end):
        raw = lines[i]
        if raw[:1] not in DELIMITER_STARTS:
            continue  # (a cheap test first: this runs on every line)
        raw = raw.rstrip("\r")
        stripped = raw.strip()
        if not stripped or len(stripped) > 80:
            continue
        if raw == "-- " or (stripped in ("--", "__", "—") and sum(1 for j in content if j > i) <= DELIMITER_TAIL_LINES):
            cut = i
            break
        if stripped.lower().startswith(DEVICE_LINES) and len(stripped) < 60:
            cut = i
            break
    if cut is not None:
        # "Thanks,\nBob\nSent from my iPhone": the sign-off above a device line starts it.
        end = cut
        while end and not lines[end - 1].strip():
            end -= 1
        content = [i for i in content if i < end]
        if end <= first:
            return "", _join(lines[cut:])
    earlier = _signoff_cut(lines, first, end, content)
    if earlier is None and author:
        earlier = _author_cut(lines, first, end, content, author)
    if earlier is not None:
        cut = earlier
    if cut is None:
        return _join(lines[:end]), _join(lines[end:])
    return _join(lines[:cut]), _join(lines[cut:])


def _separator_line(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) >= 3 and not stripped.strip("_-=*~") and len(stripped) < 120


def _author_cut(lines: list[str], first: int, end: int, content: list[int], author: str) -> int | None:
    """The author's name ("Mark Pickering", "Mark") on a line of its own near the end."""
    names = {w for w in re.split(r"[\s,.]+", author.lower()) if len(w) > 1}
    if not names:
        return None
    for i in reversed([i for i in content if i >= end - SIGNATURE_TAIL_LINES - 1]):
        if i == first:
            break
        words = [w for w in re.split(r"[\s,.]+", lines[i].strip().lower()) if w]
        if words and len(words) <= 4 and set(words) <= names:
            if all(len(lines[j]) < 70 for j in range(i + 1, end)):
                return i
    return None


def _signoff_cut(lines: list[str], first: int, end: int, content: list[int]) -> int | None:
    if len(content) < 2:
        return None
    signoffs = current_words()["signoff"]
    for i in reversed([i for i in content if i >= end - SIGNATURE_TAIL_LINES]):
        if i == first:
            break
        line = lines[i].strip()
        words = line.rstrip(",.!-–—").strip().lower()
        if _is_signoff(words, signoffs) or _signoff_with_name(line, signoffs):
            if all(len(lines[j]) < 70 for j in range(i + 1, end)):
                return i
    # A name on a line of its own after the last sentence, with at most a few short lines under
    # it that say no sentence ("Keeley" / "Pour House Candle Supplies").
    for i in reversed(content[-NAME_BLOCK_LINES:]):
        if i == first:
            break
        below = [lines[j].strip() for j in content if j > i]
        if below and (any(b[-1:] in ".!?" or len(b) >= NAME_BLOCK_WIDTH for b in below)):
            break
        if _name_line(lines[i]):
            before = lines[i - 1].strip()
            if not before or before[-1:] in ".!?:)":
                return i
    # A contact block after a blank line: a name, then short lines with a phone, mail, link or '|'.
    last = content[-1]
    start = last
    while start - 1 > first and lines[start - 1].strip() and last - start < 6:
        start -= 1
    if start > first and not lines[start - 1].strip() and last > start:
        block = [lines[j].strip() for j in range(start, last + 1)]
        if _name_line(block[0]) and all(len(b) < 60 for b in block) and any(CONTACT_RE.search(b) for b in block[1:]):
            return start
    return None


def _signoff_with_name(line: str, signoffs: frozenset[str]) -> bool:
    """'Thanks, Priya' / 'Best - Priya Patel'."""
    if len(line) > 50:
        return False
    match = SIGNOFF_NAME_RE.fullmatch(line)
    return bool(match) and _is_signoff(match.group(1).strip().lower(), signoffs)


def _is_signoff(words: str, signoffs: frozenset[str]) -> bool:
    """A sign-off, or one opened by "with" ("With kind regards", "With best wishes")."""
    return words in signoffs or words.removeprefix("with ") in signoffs


def _name_line(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > 40 or stripped[-1] in ".!?" or not NAME_RE.fullmatch(stripped):
        return False
    return stripped.lower().rstrip(".") not in current_words()["not_a_name"]


def _join(lines: list[str]) -> str:
    return "\n".join(lines).rstrip()


def _parse_date(text: str, tz, reference: datetime | None = None) -> datetime | None:
    text = text.strip()[:120]
    if not text or not any(ch.isdigit() for ch in text):
        return None
    from email.utils import parsedate_to_datetime

    value = None
    if not re.search(r"\d\s?[AaPp]\.?[Mm]\b", text):
        try:
            value = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            value = None
    if value is None:
        value = _outlook_date(text) or _dateutil_parse(text, reference)
    if value is None or not 1970 <= value.year <= 2200:
        return None
    if value.tzinfo is None and tz is not None:
        value = value.replace(tzinfo=tz)
    return value


# Month and weekday names of the attribution languages above, to their English names.
FOREIGN = {
    **dict.fromkeys(["janv", "janvier", "januar", "jän", "enero", "ene", "gennaio", "gen", "januari"], "Jan"),
    **dict.fromkeys(["févr", "fév", "février", "februar", "febrero", "febbraio", "februari"], "Feb"),
    **dict.fromkeys(["mars", "märz", "marzo", "maart"], "Mar"),
    **dict.fromkeys(["avr", "avril", "abril", "abr", "aprile"], "Apr"),
    **dict.fromkeys(["mai", "mayo", "maggio", "mei", "mag"], "May"),
    **dict.fromkeys(["juin", "juni", "junio", "giugno", "giu"], "Jun"),
    **dict.fromkeys(["juil", "juillet", "juli", "julio", "luglio", "lug"], "Jul"),
    **dict.fromkeys(["août", "aout", "agosto", "ago", "augustus"], "Aug"),
    **dict.fromkeys(["sept", "septembre", "septiembre", "settembre"], "Sep"),
    **dict.fromkeys(["oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott"], "Oct"),
    **dict.fromkeys(["nov", "novembre", "noviembre"], "Nov"),
    **dict.fromkeys(["déc", "décembre", "dezember", "dez", "diciembre", "dic", "dicembre"], "Dec"),
    **dict.fromkeys(["lun", "lundi", "montag", "lunes", "lunedì", "maandag"], "Mon"),
    **dict.fromkeys(["mardi", "dienstag", "martes", "martedì", "dinsdag"], "Tue"),
    **dict.fromkeys(["mer", "mercredi", "mittwoch", "miércoles", "mié", "mercoledì", "woensdag"], "Wed"),
    **dict.fromkeys(["jeu", "jeudi", "donnerstag", "jueves", "jue", "giovedì", "donderdag"], "Thu"),
    **dict.fromkeys(["ven", "vendredi", "freitag", "viernes", "vie", "venerdì", "vrijdag"], "Fri"),
    **dict.fromkeys(["sam", "samedi", "samstag", "sábado", "sáb", "sabato", "zaterdag"], "Sat"),
    **dict.fromkeys(["dim", "dimanche", "sonntag", "domingo", "dom", "domenica", "zondag"], "Sun"),
}
FOREIGN_RE = re.compile(r"(?<![\w])(?:" + "|".join(sorted(map(re.escape, FOREIGN), key=len, reverse=True)) + r")\.?(?![\w])", re.I)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_RE = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\b", re.I)


# Outlook's "Sent: Tuesday, January 22, 2002 3:41 PM", the commonest quoted date, read without
# dateutil (which reads it the same, about 50 times slower): English names, a 4-digit year,
# a 12-hour clock. Anything else goes to dateutil.
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
OUTLOOK_DATE_RE = re.compile(
    r"(?:(?:mon|tues|tue|wednes|wed|thurs|thu|fri|satur|sat|sun)(?:day)?,? +)?"
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
    r",? +(\d{1,2}),? +((?:19|20)\d\d),? +(\d{1,2}):(\d\d)(?::(\d\d))? *([ap])m", re.I)


def _outlook_date(text: str) -> datetime | None:
    match = OUTLOOK_DATE_RE.fullmatch(text)
    if match is None:
        return None
    month, day, year, hour, minute, second, half = match.groups()
    hour = int(hour)
    if not 1 <= hour <= 12:
        return None  # "13:05 PM": dateutil's own reading
    hour = hour % 12 + (12 if half.lower() == "p" else 0)
    try:
        return datetime(int(year), MONTHS.index(month[:3].lower()) + 1, int(day), hour, int(minute), int(second or 0))
    except ValueError:
        return None  # "February 30": dateutil decides


def _dateutil_parse(text: str, reference: datetime | None) -> datetime | None:
    import warnings

    from dateutil import parser as dateparser

    cleaned = re.sub(r"\b(?:at|um|à|a las|alle|om|de|del|le|el)\b", " ", text)
    cleaned = re.sub(r"(?i)\bmar\.?,?\s+(?=\d{1,2}\.?\s+[^\W\d])", " ", cleaned)  # French 'mar.' = mardi
    cleaned = FOREIGN_RE.sub(lambda m: FOREIGN[m.group().lower().rstrip(".")], cleaned)
    cleaned = re.sub(r"\(?\b(?:GMT|UTC)([+-]\d{1,2}(?::?\d{2})?)\)?", r"UTC\1", cleaned)
    dayfirst = bool(re.search(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b", cleaned))
    has_year = bool(re.search(r"\b(?:19|20)\d{2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b", cleaned))
    if reference is None:
        reference = clock.current_time()
    default = datetime(reference.year, reference.month, reference.day)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unknown zone names ("CST") fall back below
            value = dateparser.parse(cleaned, fuzzy=True, dayfirst=dayfirst, default=default)
    except (ValueError, OverflowError, TypeError, LookupError):
        return None
    if has_year:
        return value
    # No year: the latest year that puts the date before the message quoting it (and on the
    # weekday it names, when it names one: "Tue 3 Nov" is a Tuesday).
    weekday = WEEKDAY_RE.search(cleaned)
    wanted = WEEKDAYS.index(weekday.group(1).lower()) if weekday else None
    try:
        limit = reference.replace(tzinfo=None) + timedelta(days=2)
    except OverflowError:  # a message dated at the end of year 9999
        limit = datetime.max
    for back in range(0, 2):
        try:
            candidate = value.replace(year=reference.year - back)
        except ValueError:  # 29 February
            continue
        if candidate.replace(tzinfo=None) > limit:
            continue
        if wanted is None or candidate.weekday() == wanted:
            return candidate
    try:
        candidate = value.replace(year=reference.year)
        return candidate if candidate.replace(tzinfo=None) <= limit else value.replace(year=reference.year - 1)
    except ValueError:
        return None
