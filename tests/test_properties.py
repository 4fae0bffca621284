"""Property-based tests (hypothesis) for every reader and for the whole pipeline.

Whatever a user feeds followlint (arbitrary bytes, hostile Unicode, truncated or nested MIME,
huge headers, CSV exports of any shape), it gives findings or clean errors: a reader raises
nothing but ``InputError`` (one line naming the file), the command line exits 0, 1 or 2 with
JSON on stdout and one ``PATH: error: ...`` line per problem on stderr, never a traceback, and
the same input always gives the same output. Where a generator knows what the right answer is
(a well-formed message, a valid CSV row, "in 3 days"), the properties also check the answer.

Every run tries the same examples (derandomized, no example database), so CI is deterministic;
FOLLOWLINT_FUZZ_SCALE=N searches N times longer with fresh examples, to look for new bugs.
Run: ``python -m pytest tests/test_properties.py -q -p no:cacheprovider``.
"""
from __future__ import annotations

import base64
import codecs
import contextlib
import csv
import functools
import hashlib
import io
import json
import os
import quopri
import re
import signal
import string
import tempfile
import time
from datetime import date, datetime, timedelta, timezone

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from followlint import plugins
from followlint.config import Settings
from followlint.engine import Linter
from followlint.model import Direction, InputError, Touch
from followlint.reporters.json import report_dict
from followlint.runner import run
from followlint.signals.times import resolve
from followlint.sources.base import SourceUnit
from followlint.sources.crm.reader import CrmReader
from followlint.sources.crm.spill import Grouper
from followlint.sources.drafts import TEMPLATE_SUFFIXES, DraftReader
from followlint.sources.html import convert, html_layout
from followlint.sources.mail import MaildirReader, MboxReader
from followlint.sources.messages import message_touches
from followlint.sources.quoting import split_message
from followlint.sources.templates import find_suppressions, neutralize
from followlint.sources.text import decode, decode_text_file

NOW = "2026-11-20T09:00:00+00:00"
_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
           HealthCheck.function_scoped_fixture, HealthCheck.large_base_example]


# FOLLOWLINT_FUZZ_SCALE=20 searches 20 times longer, with fresh random examples each run (to
# look for new bugs locally); unset, every run tries the same examples (CI is deterministic).
SCALE = float(os.environ.get("FOLLOWLINT_FUZZ_SCALE", "0") or 0)


def fuzz(examples: int):
    """Hypothesis settings: deterministic, no example database, no deadline."""
    return settings(max_examples=max(1, int(examples * (SCALE or 1))), deadline=None, derandomize=not SCALE,
                    database=None, suppress_health_check=_HEALTH, print_blob=bool(SCALE))


# -- generators: text ------------------------------------------------------------------------

SPECIALS = [
    "\u200f", "\u200e", "\u202e", "\u2066", "\u2069", "\u0301", "e\u0301\u0308\u0323", "\x00", "\ufeff",
    "\u2028", "\u2029", "\x85", "\r", "\r\n", "\t", "\x0b", "\x0c", "\ud800", "\udfff", "\udc80",
    "\U0001F600", "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\u00e9", "\uffff",
    "\U0010FFFF", "\ufb01", "\u0130", "\u00df", "\u00a0", "\u200b", "\u00ad", "\u4e2d\u6587",
]
_any_chars = st.text(st.characters(exclude_categories=()), max_size=40)  # lone surrogates too
weird_text = st.one_of(
    _any_chars,
    st.lists(st.sampled_from(SPECIALS + list("ab >:@-<\n")), max_size=16).map("".join),
    st.tuples(_any_chars, st.sampled_from(SPECIALS), _any_chars).map("".join),
)

FRAGMENTS = [
    "Hi Sam,", "Thanks,", "Priya", "Priya Patel", "Best regards,", "-- ", "--", "__", "Sent from my iPhone",
    "Just checking in to see how things are going.", "Good news: your plates have arrived.",
    "I'll call you back in 3 business days.", "Call me Friday.", "Give me till next week.",
    "Do you know anyone else who might like this?", "I still have not received my plates.",
    "As I already told you, that's not our fault.", "I can take 20% off if you sign today.",
    "I guarantee this will never happen again.", "The car won't start.", "Let me think about it.",
    "On Tue, 3 Nov 2026 at 09:12, Bob Stone <bob@client.com> wrote:", "On Tue 3 Nov, Bob wrote:",
    "On 3 Nov 2026, at 9:12 AM, Bob", "<bob@client.com> wrote:", "Bob Stone <bob@client.com> wrote:",
    "Am 03.11.2026 um 09:12 schrieb Bob <bob@x.de>:", "Le mar. 3 nov. 2026 \u00e0 09:12, Bob <b@x.fr> a \u00e9crit :",
    "-----Original Message-----", "From: Bob Stone [mailto:bob@client.com]", "Sent: Tuesday, November 03, 2026 9:12 AM",
    "To: Priya", "Subject: RE: plates", "________________________________", "---------- Forwarded message ---------",
    "Begin forwarded message:", "----- Forwarded by Bob/ORG on 02/11/99 09:36 AM -----",
    "> ", ">", "> > > deep", ">> quoted", "> On Mon, 2 Nov 2026, Ann <ann@x.com> wrote:", "> Thanks,", "> Bob",
    "{{ first_name }}", "{% if vip %}", "{% endif %}", "{# note #}", "{{!-- c --}}", "[First Name]", "%FIRSTNAME%",
    "*|FNAME|*", "{{ tracking_url }}", "{first_name}", "${name}",
    "<!-- followlint: disable=FL101 -- seasonal newsletter -->", "{# followlint: disable-next-line=FL102 #}",
    "followlint: disable-file=FL109", "followlint: enable=FL101", "followlint: disable=", "followlint: bogus",
    "{% comment %}", "{% endcomment %}", "<!--", "-->", "{{", "}}", "{%", "%}", "{#", "#}",
    "From: x", "Date: yesterday", "Subject:", " folded", "\t", "",
    "http://example.com/a?b=c", "bob@client.com", "+1 (555) 123-4567 | www.acme.com",
    "On " + "9" * 50 + " wrote:", "On Feb 30 wrote:", "On 31/02/2026 25:61 PM, X wrote:",
    "Sent: 99/99/9999", "Date: Mon, 32 Foo 99999 99:99:99 +9999", "On Mon, 1 Jan 0001 00:00 +1400, Old wrote:",
    "<p>Hello</p>", "<blockquote>", "</blockquote>", "&amp; &#0; &#x110000;",
]
# Long lines that break naive patterns; kept moderate so a run stays quick.
LONG_LINES = [("", "> ", 3000, "x"), ("On ", "1 ", 1500, "wrote:"), ("", "a.", 10000, ""), ("", "@", 5000, ""),
              ("", "{%", 3000, ""), ("From: ", "x", 20000, ""), ("", "-", 8000, "")]
long_line = st.sampled_from(LONG_LINES).map(lambda spec: spec[0] + spec[1] * spec[2] + spec[3])
QUOTE_PREFIXES = [">", "> ", ">>", " > ", "> > ", "\t"]

line = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.tuples(st.sampled_from(QUOTE_PREFIXES), st.sampled_from(FRAGMENTS)).map("".join),
    weird_text,
)
mailish_text = st.one_of(
    st.lists(line, max_size=30).map("\n".join),
    st.tuples(st.lists(line, max_size=5), long_line, st.lists(line, max_size=5)).map(
        lambda t: "\n".join([*t[0], t[1], *t[2]])),
)
any_text = st.one_of(mailish_text, weird_text)

ENCODINGS = [("utf-8", "surrogatepass"), ("utf-8", "replace"), ("utf-8-sig", "replace"), ("utf-16", "replace"),
             ("utf-16-le", "replace"), ("latin-1", "replace"), ("cp1252", "replace"), ("koi8-r", "replace"),
             ("shift_jis", "replace"), ("utf-7", "replace")]


@st.composite
def encoded(draw, text_strategy=any_text):
    """Text as the bytes of a file: some encoding, maybe CRLF line ends, maybe cut short."""
    text = draw(text_strategy)
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    encoding, errors = draw(st.sampled_from(ENCODINGS))
    data = text.encode(encoding, errors)
    if draw(st.integers(0, 4)) == 0:
        data = data[: draw(st.integers(0, len(data)))]
    return data


file_bytes = st.one_of(st.binary(max_size=600), encoded())


# -- generators: MIME --------------------------------------------------------------------------

CHARSETS = ["utf-8", "UTF-8", "iso-8859-1", "windows-1252", "us-ascii", "koi8-r", "shift_jis", "utf-16", "gb2312",
            "iso-2022-jp", "big5", "utf-7", "x-unknown", "x-no-such-charset", '"utf-8"', "idna", "rot13", "base64",
            "utf-32", "cp65001", ""]
CTES = ["7bit", "8bit", "binary", "quoted-printable", "base64", "Base64", "x-uuencode", "bogus", ""]
LEAF_TYPES = ["text/plain", "text/plain", "text/html", "text/enriched", "text/calendar", "application/pdf", "image/png",
              "message/rfc822", "application/octet-stream", "text/x-unknown"]
DISPOSITIONS = [None, None, "inline", "attachment", 'attachment; filename="notes.txt"', 'inline; filename="x.html"',
                "attachment; filename*=utf-8''%E2%82%AC.txt", "bogus;;;="]
BOUNDARY_CHARS = string.ascii_letters + string.digits + "'()+_,-./:=? "


def _encode_body(text: str, charset: str) -> bytes:
    name = charset.strip('"') or "utf-8"
    try:
        codecs.lookup(name)
        return text.encode(name, "replace")
    except (LookupError, TypeError, ValueError, UnicodeError):
        return text.encode("utf-8", "surrogatepass")


def _transfer(raw: bytes, cte: str, damage: int) -> bytes:
    cte = cte.lower()
    if cte == "base64":
        out = base64.encodebytes(raw)
        if damage == 1:
            out = out[:-3] + b"!!\n"  # bad padding and characters
    elif cte == "quoted-printable":
        out = quopri.encodestring(raw)
        if damage == 1:
            out += b"=\n=Z9=\n=" * 3  # broken escapes, soft breaks at the end
    else:
        out = raw
    if damage == 2:
        out = out[: len(out) // 2]
    return out


@st.composite
def mime_leaf(draw):
    ctype = draw(st.sampled_from(LEAF_TYPES))
    charset = draw(st.sampled_from(CHARSETS))
    cte = draw(st.sampled_from(CTES))
    if ctype == "message/rfc822":
        body = draw(header_block()) + b"\n" + _encode_body(draw(mailish_text), "utf-8")
    elif ctype.startswith("text/"):
        text = draw(any_text)
        if ctype == "text/html":
            text = "<html><body><p>" + text.replace("\n", "<br>\n") + "</p></body></html>"
        body = _transfer(_encode_body(text, charset), cte, draw(st.integers(0, 5)))
    else:
        body = _transfer(draw(st.binary(max_size=200)), cte, draw(st.integers(0, 5)))
    head = [f"Content-Type: {ctype}" + (f"; charset={charset}" if charset and draw(st.booleans()) else "")]
    if cte and draw(st.integers(0, 3)):
        head.append(f"Content-Transfer-Encoding: {cte}")
    disposition = draw(st.sampled_from(DISPOSITIONS))
    if disposition:
        head.append(f"Content-Disposition: {disposition}")
    return "\n".join(head).encode("ascii") + b"\n\n" + body


def mime_multipart(children):
    @st.composite
    def build(draw):
        boundary = draw(st.text(alphabet=BOUNDARY_CHARS, min_size=1, max_size=70)).rstrip() or "b"
        declared = boundary if draw(st.integers(0, 7)) else draw(st.sampled_from(["", boundary + "X", '"', "\u00e9"]))
        subtype = draw(st.sampled_from(["mixed", "alternative", "related", "signed", "report", "digest"]))
        parts = draw(st.lists(children, max_size=4))
        quote = '"' if draw(st.booleans()) else ""
        head = f"Content-Type: multipart/{subtype}; boundary={quote}{declared}{quote}".encode("utf-8", "surrogatepass")
        out = [head, b"\n\n"]
        if draw(st.booleans()):
            out.append(b"This is a multi-part message in MIME format.\n")
        for part in parts:
            out += [b"--", boundary.encode(), b"\n", part, b"\n"]
        ending = draw(st.sampled_from(["close", "close", "none", "open", "close-epilogue"]))
        if ending.startswith("close"):
            out += [b"--", boundary.encode(), b"--\n"]
        elif ending == "open":
            out += [b"--", boundary.encode(), b"\n"]
        if ending == "close-epilogue":
            out.append(b"epilogue text\n")
        return b"".join(out)

    return build()


mime_entity = st.recursive(mime_leaf(), mime_multipart, max_leaves=6)

ADDRESSES = ["Priya Patel <priya@acme.com>", "sam@client.com", '"Stone, Bob" <bob@client.com>', "<nh@adolphus.com>@ENRON",
             "undisclosed-recipients:;", "@routing.example", "=?utf-8?q?Zo=C3=AB?= <zoe@client.com>", "a@b@c", "<>",
             "=?x-unknown?b?!!!?= <x@y.z>", "\u00e9l\u00e8ve <\u00e9@\u00e9.fr>", ""]
SUBJECTS = ["Your order", "Re: Re: Fwd: plates", "=?utf-8?b?w7xiZXI=?=", "=?iso-8859-1?q?caf=E9?= update",
            "=?bogus?q?x?=", "=?utf-8?q?broken", "=?utf-8?b?###?=", "\u05e9\u05dc\u05d5\u05dd \u202e gnp.exe", ""]
DATES = ["Tue, 10 Nov 2026 09:00:00 +0100", "10 Nov 2026 09:00", "Mon, 1 Jan 0001 00:00:00 +1400",
         "Fri, 31 Dec 9999 23:59:59 -1200", "yesterday", "Tue, 31 Feb 2026 25:61:61 +9999", "", "1793631600"]


@st.composite
def huge(draw):
    """A 100 KB header value (Subject or References), now and then."""
    kind = draw(st.sampled_from(["subject", "references", "folded"]))
    if kind == "subject":
        return "Re: " * 25_000
    if kind == "references":
        return " ".join(f"<m{i}@acme.com>" for i in range(7_000))
    return "\n ".join("word" * 20 for _ in range(1_200))


@st.composite
def header_block(draw):
    """Message headers (bytes, ending with a newline; the caller adds the blank line)."""
    fields = []
    for name, values in (("From", ADDRESSES), ("To", ADDRESSES), ("Cc", ADDRESSES), ("Subject", SUBJECTS),
                         ("Date", DATES)):
        if draw(st.integers(0, 4)):
            value = draw(st.one_of(st.sampled_from(values), weird_text.map(lambda t: t.replace("\n", " "))))
            fields.append(f"{name}: {value}")
    if draw(st.booleans()):
        fields.append(f"Message-ID: <{draw(st.integers(0, 10**6))}@acme.com>")
    if draw(st.booleans()):
        fields.append("In-Reply-To: <1@acme.com>")
    if draw(st.integers(0, 9)) == 0:
        fields.append(f"{draw(st.sampled_from(['Subject', 'References']))}: {draw(huge())}")
    fields.append("MIME-Version: 1.0")
    fields = draw(st.permutations(fields))
    return "\n".join(fields).encode("utf-8", "surrogatepass") + b"\n"


@st.composite
def mail_message(draw):
    """A whole message: headers, a MIME entity (maybe nested), maybe CRLF, maybe cut short."""
    data = draw(header_block()) + draw(mime_entity)
    if draw(st.booleans()):
        data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    if draw(st.integers(0, 3)) == 0:
        data = data[: draw(st.integers(0, len(data)))]
    return data


# -- harness -------------------------------------------------------------------------------------


class Ctx:
    """What a reader is handed: the settings, and report/warn that collect what it says."""

    def __init__(self, zone: str = "UTC"):
        self.settings = Settings(now=NOW, default_timezone=zone)
        self.problems: list[tuple[str, str]] = []
        self.warnings: list[str] = []

    def report(self, error: InputError) -> None:
        assert isinstance(error, InputError), error
        self.problems.append((error.path, error.message))

    def warn(self, message: str) -> None:
        self.warnings.append(message)


# A Python exception's name in a message means a crash was caught and shown as an input error.
CRASH_RE = re.compile(r"Traceback|internal error|\b[A-Z][A-Za-z]*(?:Error|Exception)\b")


def assert_clean_message(message: str) -> None:
    assert message and "\n" not in message and "\r" not in message, f"not one line: {message!r}"
    assert not CRASH_RE.search(message), f"a crash shown as an input error: {message!r}"


def read_groups(reader, unit: SourceUnit, ctx: Ctx):
    """The reader's touch groups, or the InputError it raised (nothing else may escape)."""
    try:
        return [list(group) for group in reader.groups(unit, ctx)], None
    except InputError as exc:
        assert exc.path == unit.path or exc.path in unit.files, (exc.path, unit.path)
        assert_clean_message(exc.message)
        return None, exc


def summary(touch: Touch) -> tuple:
    return (touch.id, touch.origin.path, touch.origin.line, touch.origin.key, touch.text, touch.direction,
            touch.kind, touch.party, touch.time, touch.subject, touch.quoted, touch.references, touch.thread)


def assert_points_into_file(touch: Touch, lines: int) -> None:
    """The touch and every position in its text are on a line the file has."""
    assert 1 <= touch.origin.line <= lines, (touch.origin.line, lines)
    for offset in {0, len(touch.text) // 2, len(touch.text)}:
        at_line, column = touch.position(offset)
        assert 1 <= at_line <= lines and column >= 1, (offset, at_line, column, lines)


def file_lines(data: bytes) -> int:
    return len(data.splitlines()) + 1


@functools.lru_cache(maxsize=None)
def linter(reps: tuple[str, ...] = ()) -> Linter:
    config = Settings(now=NOW, reps=list(reps))
    return Linter(config, plugins.load(config))


@contextlib.contextmanager
def debug_mode():
    """FOLLOWLINT_DEBUG=1: the runner lets an unexpected exception through instead of turning
    it into an "internal error" line, so a property sees the crash itself."""
    old = os.environ.get("FOLLOWLINT_DEBUG")
    os.environ["FOLLOWLINT_DEBUG"] = "1"
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("FOLLOWLINT_DEBUG", None)
        else:
            os.environ["FOLLOWLINT_DEBUG"] = old


def lint(paths: list[str], stdin: tuple[str, bytes] | None = None, reps: tuple[str, ...] = ()) -> dict:
    """The whole pipeline in-process, as ``check --format json`` would print it."""
    with debug_mode():
        report = run(linter(reps), paths, stdin, 1)
    data = report_dict(report)
    text = json.dumps(data, ensure_ascii=False)
    text.encode("utf-8")  # a report with a lone surrogate cannot be written to a UTF-8 file
    return json.loads(text)


@contextlib.contextmanager
def time_limit(seconds: float):
    """Fail (instead of hanging) when the block runs longer than ``seconds``."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum, frame):
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# -- templates, HTML, quoting, dates: the pieces readers are built from ------------------------


@fuzz(200)
@given(text=any_text)
def test_neutralize_keeps_length_and_line_breaks(text):
    # Offsets of findings in a template point into the file only if placeholders are replaced
    # by filler of the same length with the line breaks where they were.
    out = neutralize(text)
    assert len(out) == len(text)
    assert [i for i, ch in enumerate(out) if ch == "\n"] == [i for i, ch in enumerate(text) if ch == "\n"]
    found, problems = find_suppressions(text)
    lines = text.count("\n") + 1
    for directive in found:
        assert 1 <= directive.line <= lines and directive.codes and directive.column >= 1
        assert directive.kind != "disable-next-line" or directive.line < directive.target <= lines + 1
    assert all(p.startswith("line ") and "\n" not in p for p in problems)


HTML_TOKENS = ["<p>", "</p>", "<br>", "<br/>", "<blockquote>", "</blockquote>", "<pre>", "</pre>", "<div>", "</div",
               "<a href='https://x.example/a'>", "<a href=\"javascript:x\">", "</a>", "<!--", "-->", "<script>",
               "</script>", "<style>", "<head>", "<title>", "</head>", "<body>", "&amp;", "&#x110000;", "&#99999999;",
               "&nbsp;", "&zwnj;", "&", "<", ">", "<td>", "<th>", "<img src=x>", "<!doctype html>", "<?xml?>", "\n",
               "<li>", "<table>", "<h1>", "</", "<a", "< b", "&#0;", "&#xD800;"]
html_text = st.lists(st.one_of(st.sampled_from(HTML_TOKENS), weird_text, st.sampled_from(FRAGMENTS)), max_size=40).map("".join)


@fuzz(200)
@given(html=html_text)
def test_html_conversion_maps_back_into_the_source(html):
    text, out_starts, src_starts = convert(html)
    assert list(out_starts) == sorted(out_starts) and all(o >= 0 for o in out_starts)
    assert all(0 <= s <= len(html) for s in src_starts)
    lines = html.count("\n") + 1
    layout = html_layout(html)
    for offset in range(0, len(text) + 1, max(1, len(text) // 7)):
        at_line, column = layout.position(offset)
        assert 1 <= at_line <= lines and column >= 1
    assert convert(html)[0] == text


@fuzz(250)
@given(text=any_text, zone=st.sampled_from([None, timezone.utc, timezone(timedelta(hours=14)), timezone(timedelta(hours=-12))]),
       reference=st.one_of(st.none(), st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59))),
       author=st.sampled_from(["", "Priya Patel", "Bob", "\u202e", "a b c d e"]))
@example(text="On Mon, 1 Jan 0001 00:00 +1400, Old wrote:\n> hi", zone=None, reference=None, author="")
@example(text="On Tue 3 Nov, Bob wrote:\n> hi", zone=None, reference=datetime(1, 1, 3), author="")
@example(text="On Fri, 31 Dec at 22:00, Bob <b@x.com> wrote:\n> hi", zone=None, reference=datetime(9999, 12, 31, 23),
         author="")
def test_split_message_keeps_every_line_where_it_was(text, zone, reference, author):
    # The new text and each quoted message keep their lines in place (other lines blanked,
    # "> " prefixes stripped): that is how findings in quoted history point at the file.
    split = split_message(text, zone, reference, author=author)
    lines = text.split("\n")
    for number, own in enumerate(split.new_text.split("\n")):
        assert not own.strip() or lines[number].rstrip() == own.rstrip(), (number, own)
    depth = 0
    for quote in split.quotes:
        assert 0 <= quote.line <= len(lines) and quote.depth > depth
        depth = quote.depth
        for number, quoted in enumerate(quote.text.split("\n"), start=quote.line):
            assert not quoted.strip() or lines[number].rstrip().endswith(quoted.rstrip()), (number, quoted)
        assert quote.time is None or 1970 <= quote.time.year <= 2200
        assert quote.time is None or zone is None or quote.time.tzinfo is not None
    again = split_message(text, zone, reference, author=author)
    assert (again.new_text, again.signature, [(q.text, q.line, q.time, q.author) for q in again.quotes]) == (
        split.new_text, split.signature, [(q.text, q.line, q.time, q.author) for q in split.quotes])


TIME_WORDS = ["in", "within", "give", "me", "till", "next", "following", "the", "end", "of", "this", "by", "a", "an",
              "couple", "few", "one", "two", "ten", "day", "days", "business", "working", "week", "weeks", "fortnight",
              "hour", "hours", "month", "months", "ago", "tomorrow", "today", "tonight", "eod", "day after tomorrow",
              "monday", "fri", "tues", "thursday", "sunday", "jan", "february", "sept", "may", "dec", "31st", "29", "0",
              "31", "32", "9999999999999999999999", "2026-02-30", "2026-11-02", "0000-00-00", "9999-12-31", "-5", "1e9"]
time_expression = st.one_of(
    st.lists(st.one_of(st.sampled_from(TIME_WORDS), st.integers(-10, 10**25).map(str)), max_size=7).map(" ".join),
    weird_text,
)
any_base = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59),
                        timezones=st.sampled_from([timezone.utc, timezone(timedelta(hours=14)), timezone(timedelta(hours=-12))]))


@fuzz(300)
@given(expression=time_expression, base=any_base)
@example(expression="tomorrow", base=datetime(9999, 12, 31, tzinfo=timezone.utc))
@example(expression="in 5 months", base=datetime(9999, 10, 1, tzinfo=timezone.utc))
@example(expression="in 99999999 days", base=datetime(2026, 1, 1, tzinfo=timezone.utc))
@example(expression="in 99999999999 business days", base=datetime(2026, 1, 1, tzinfo=timezone.utc))
@example(expression="next week", base=datetime(9999, 12, 31, tzinfo=timezone.utc))
def test_time_expressions_resolve_to_a_date_or_none(expression, base):
    # An agreed callback time that cannot be resolved leaves the promise without a due date;
    # it never stops the run, and never takes long.
    start = time.perf_counter()
    with time_limit(5):
        due = resolve(expression, base)
    assert time.perf_counter() - start < 1.0, expression
    assert due is None or type(due) is date


weekday_names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
usual_base = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.just(timezone.utc))


@fuzz(150)
@given(base=usual_base, days=st.integers(0, 3650), weekday=st.integers(0, 6), business=st.integers(1, 400))
def test_time_expressions_resolve_to_the_right_day(base, days, weekday, business):
    today = base.date()
    assert resolve(f"in {days} days", base) == today + timedelta(days=days)
    assert resolve("tomorrow", base) == today + timedelta(days=1)
    assert resolve(f"give me {days // 7 or 1} weeks", base) == today + timedelta(weeks=days // 7 or 1)
    friday = resolve(weekday_names[weekday], base)
    assert friday.weekday() == weekday and 1 <= (friday - today).days <= 7
    due = resolve(f"in {business} business days", base)
    assert due.weekday() < 5 and due > today
    workdays = sum(1 for n in range(1, (due - today).days + 1) if (today + timedelta(days=n)).weekday() < 5)
    assert workdays == business


CHARSET_NAMES = CHARSETS + ["undefined", "hex", "zlib", "bz2", "uu", "punycode", "unicode-escape", "utf-8\x00", "../x",
                            "cp037", "utf_16_be", "utf-32-le", "mac-roman", "tis-620", "x" * 300, "\u00e9", "\ud800"]


@fuzz(200)
@given(data=st.one_of(st.binary(max_size=300), encoded()), declared=st.one_of(st.sampled_from(CHARSET_NAMES), weird_text))
def test_decoding_never_fails_and_gives_writable_text(data, declared):
    # Any bytes under any declared charset become text that a report can be written in.
    text = decode(data, declared)
    text.encode("utf-8")  # no lone surrogates


@fuzz(100)
@given(text=st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), min_size=1, max_size=80),
       encoding=st.sampled_from(["utf-16", "utf-8-sig", "utf-8"]))
@example(text="\u041f\u0440\u0438\u0432\u0435\u0442, \u0421\u044d\u043c", encoding="utf-16")  # Notepad's "Unicode"
def test_unicode_drafts_are_text_not_binary(text, encoding):
    # A draft saved as UTF-16 with a BOM (Windows Notepad's "Unicode") is text in any script.
    if not text.strip():
        return
    got = decode_text_file("draft.txt", text.encode(encoding))
    assert got == text.replace("\r\n", "\n").replace("\r", "\n")


@fuzz(60)
@given(items=st.lists(st.tuples(st.sampled_from(["contact a", "contact b", "\ud800", "", "contact \u00e9"]),
                                st.integers()), max_size=40),
       limit=st.integers(0, 10), buckets=st.integers(1, 4))
def test_crm_grouping_keeps_every_row_in_order_when_it_spills_to_disk(items, limit, buckets):
    # A big export is grouped by contact on disk: no row lost, none moved to another contact.
    grouper = Grouper(limit=limit, buckets=buckets)
    for key, item in items:
        grouper.add(key, (key, item))
    groups = list(grouper)
    assert all(len({key for key, _ in group}) == 1 for group in groups)
    assert sorted(len(g) for g in groups) == sorted(
        [sum(1 for k, _ in items if k == key) for key in dict.fromkeys(k for k, _ in items)])
    for group in groups:
        key = group[0][0]
        assert group == [(k, i) for k, i in items if k == key]


# -- drafts and templates ------------------------------------------------------------------------

DRAFT_SUFFIXES = [".txt", ".md", ".markdown", ".html", ".htm", *TEMPLATE_SUFFIXES]


@fuzz(150)
@given(suffix=st.sampled_from(DRAFT_SUFFIXES), data=st.one_of(file_bytes, encoded(html_text)))
@example(suffix=".txt", data=b"Date: Fri, 31 Dec 9999 23:59:59 -1200\n\nI'll call you back tomorrow.\n")
@example(suffix=".txt", data=b"Date: 31 Dec 9999 23:00\n\nI'll get back to you next week.\n\n"
                              b"On Fri, 31 Dec 9999 at 22:00, Bob <b@x.com> wrote:\n> I still have not received my plates\n")
def test_draft_reader_gives_touches_or_one_clean_error(suffix, data):
    reader, name = DraftReader(), f"draft{suffix}"
    ctx = Ctx()
    groups, error = read_groups(reader, SourceUnit(path=name, reader=reader, data=data), ctx)
    if groups is None:
        return
    text = decode_text_file(name, data)
    lines = text.count("\n") + 1
    touches = [t for g in groups for t in g]
    assert touches and touches[0].kind == "draft" and touches[0].direction is Direction.OUTBOUND
    for touch in touches:
        assert touch.origin.path == name
        assert_points_into_file(touch, lines)
        assert touch.time is None or 1970 <= touch.time.year <= 2200, touch.time  # as for mail
    assert all(w.startswith(f"{name}: line ") for w in ctx.warnings)
    again, _ = read_groups(reader, SourceUnit(path=name, reader=reader, data=data), Ctx())
    assert [summary(t) for g in again for t in g] == [summary(t) for t in touches]


# -- .eml ---------------------------------------------------------------------------------------


@fuzz(200)
@given(data=st.one_of(mail_message(), st.binary(max_size=400), encoded()))
def test_any_message_gives_touches_or_one_clean_error(data):
    try:
        touches = list(message_touches(data, "m.eml", "", 1, 1000))
    except InputError as exc:
        assert exc.path == "m.eml"
        assert_clean_message(exc.message)
        return
    lines = file_lines(data)
    assert touches and not touches[0].quoted
    for touch in touches:
        assert isinstance(touch.text, str)
        assert_points_into_file(touch, lines)
        assert touch.time is None or 1970 <= touch.time.year <= 2200
    again = list(message_touches(data, "m.eml", "", 1, 1000))  # (a touch's references grow as its quotes are read)
    assert [summary(t) for t in again] == [summary(t) for t in touches]


MARKER = "Good news: your plates arrived this morning."
SAFE_CHARSETS = ["utf-8", "iso-8859-1", "windows-1252", "us-ascii", "koi8-r", "x-unknown", ""]


@st.composite
def marked_leaf(draw):
    """(entity, readable): a text part whose first line is MARKER (HTML or plain), or an
    attachment (not readable)."""
    if draw(st.integers(0, 3)) == 0:
        payload = base64.encodebytes(draw(st.binary(max_size=120)))
        name, ctype = draw(st.sampled_from([("a.pdf", "application/pdf"), ("plates.txt", "text/plain"),
                                            ("page.html", "text/html")]))
        return (f"Content-Type: {ctype}\nContent-Transfer-Encoding: base64\n"
                f'Content-Disposition: attachment; filename="{name}"\n\n').encode() + payload, False
    html = draw(st.booleans())
    charset = draw(st.sampled_from(SAFE_CHARSETS))
    cte = draw(st.sampled_from(["7bit", "8bit", "quoted-printable", "base64", ""]))
    rest = draw(st.lists(st.sampled_from(FRAGMENTS[:40]), max_size=8))
    text = "\n".join([MARKER, "", *rest]) + "\n"
    if html:
        text = "<html><body>\n<p>" + text.replace("\n", "<br>\n") + "</p></body></html>\n"
    body = _transfer(_encode_body(text, charset), cte, 0)
    head = f"Content-Type: text/{'html' if html else 'plain'}" + (f"; charset={charset}" if charset else "") + "\n"
    if cte:
        head += f"Content-Transfer-Encoding: {cte}\n"
    return head.encode() + b"\n" + body, True


def marked_multipart(children):
    @st.composite
    def build(draw):
        subtype = draw(st.sampled_from(["mixed", "alternative", "related"]))
        parts = draw(st.lists(children, min_size=1, max_size=3))
        # unlike the inner parts' boundaries (a nested part reusing one is not well-formed)
        inner = hashlib.sha1(b"".join(part for part, _ in parts)).hexdigest()[:12]
        boundary = "=_" + draw(st.text(alphabet=string.ascii_letters + string.digits, min_size=4, max_size=20)) + inner + "_="
        body = b"".join(b"--" + boundary.encode() + b"\n" + part + b"\n" for part, _ in parts)
        entity = (f'Content-Type: multipart/{subtype}; boundary="{boundary}"\n\n').encode() + body + (
            b"--" + boundary.encode() + b"--\n")
        return entity, any(readable for _, readable in parts)

    return build()


@st.composite
def marked_message(draw):
    entity, readable = draw(st.recursive(marked_leaf(), marked_multipart, max_leaves=4))
    number = draw(st.integers(0, 10**6))
    subject = draw(st.sampled_from(["Your plates", "Re: plates", "x"]).map(lambda s: s * 100_000 if s == "x" else s))
    head = (f"From: Priya Patel <priya@acme.com>\nTo: sam@client.com\nSubject: {subject}\n"
            f"Date: Tue, 10 Nov 2026 09:00:00 +0100\nMessage-ID: <{number}@acme.com>\nMIME-Version: 1.0\n").encode()
    data = head + entity
    if draw(st.booleans()):
        data = data.replace(b"\n", b"\r\n")
    return data, readable, f"<{number}@acme.com>", subject


@fuzz(80)
@given(case=marked_message())
def test_well_formed_message_is_read_and_located(case):
    # Any nesting, charset or transfer encoding: the body's text is found, and a finding in it
    # would point at the line of the file where that text is.
    data, readable, message_id, subject = case
    touches = list(message_touches(data, "m.eml", "", 1, 1000))
    top = touches[0]
    assert (top.message_id, top.subject, top.party) == (message_id, subject, "priya@acme.com")
    assert top.time == datetime(2026, 11, 10, 8, 0, tzinfo=timezone.utc)
    if not readable:
        assert MARKER not in top.text
        return
    assert MARKER in top.text, top.text
    lines = data.replace(b"\r\n", b"\n").split(b"\n")
    at_line = top.position(top.text.index(MARKER))[0]
    assert 1 <= at_line <= len(lines)
    located = lines[at_line - 1]
    # base64 text has no place in the file: the part's first line stands for all of it
    assert MARKER.encode() in located or re.fullmatch(rb"[A-Za-z0-9+/=]+", located), (at_line, located)


header_words = st.text(st.characters(categories=["L", "N", "Zs"], exclude_characters="\x85\u2028\u2029"), min_size=1,
                       max_size=30).map(lambda s: " ".join(s.split())).filter(bool)


@fuzz(60)
@given(name=header_words, subject=header_words, encoding=st.sampled_from(["utf-8", "cp1252"]))
@example(name="Zo\u00eb M\u00fcller", subject="caf\u00e9 \u00fcber", encoding="utf-8")
def test_unencoded_8bit_headers_are_read_as_text(name, subject, encoding):
    # Many mailers write UTF-8 (RFC 6532) or Latin-1 in headers without encoded words: the
    # sender's name and the subject must not turn into U+FFFD replacement characters.
    try:
        head = f"From: {name} <zoe@client.com>\nSubject: {subject}\n".encode(encoding)
    except UnicodeEncodeError:
        return
    data = head + b"Date: Tue, 10 Nov 2026 09:00:00 +0100\n\nThe plates arrived this morning.\n"
    top = list(message_touches(data, "m.eml", "", 1, 1000))[0]
    assert (top.party_name, top.subject, top.party) == (name, subject, "zoe@client.com")


# -- mbox and maildir ---------------------------------------------------------------------------

FROM_LINES = ["From priya@acme.com Tue Nov 10 09:00:00 2026", "From MAILER-DAEMON Thu Jan  1 00:00:00 1970",
              "From - Mon Nov 02 10:00:00 2026", "From x 2026-11-02", "From ", "From nobody"]


@st.composite
def mbox_file(draw):
    pieces = []
    if draw(st.integers(0, 5)) == 0:
        pieces.append(draw(st.sampled_from([b"\n", b"junk before\n", b"\x00\x01", b"From: a@b.c\n"])))
    for _ in range(draw(st.integers(0, 5))):
        pieces.append(draw(st.sampled_from(FROM_LINES)).encode() + b"\n")
        body = draw(st.one_of(mail_message(), encoded(mailish_text)))
        pieces.append(body.replace(b"\nFrom ", b"\n>From ") + b"\n\n")
    data = b"".join(pieces)
    if draw(st.integers(0, 4)) == 0:
        data = data[: draw(st.integers(0, len(data)))]
    return data


@fuzz(50)
@given(data=mbox_file())
def test_mbox_reader_gives_touches_and_one_line_per_bad_message(data):
    reader, ctx = MboxReader(), Ctx()
    groups, error = read_groups(reader, SourceUnit(path="box.mbox", reader=reader, data=data), ctx)
    separators = {number for number, raw in enumerate(data.split(b"\n"), start=1) if raw.startswith(b"From ")}
    for path, message in ctx.problems:
        assert path == "box.mbox"
        assert_clean_message(message)
        assert int(re.match(r"message at line (\d+): ", message).group(1)) in separators, message
    if groups is None:
        return
    lines = file_lines(data)
    for touch in (t for g in groups for t in g):
        assert touch.origin.path == "box.mbox"
        assert_points_into_file(touch, lines)
    again, _ = read_groups(reader, SourceUnit(path="box.mbox", reader=reader, data=data), Ctx())
    assert [summary(t) for g in again for t in g] == [summary(t) for g in groups for t in g]


@fuzz(20)
@given(messages=st.lists(st.one_of(mail_message(), st.binary(max_size=100), encoded()), min_size=1, max_size=4))
def test_maildir_reader_reads_each_file_or_names_it(messages):
    reader = MaildirReader()
    with tempfile.TemporaryDirectory() as root:
        for sub in ("cur", "new", "tmp"):
            os.mkdir(os.path.join(root, sub))
        for number, data in enumerate(messages):
            sub = "cur" if number % 2 else "new"
            with open(os.path.join(root, sub, f"{number}.host:2,S"), "wb") as handle:
                handle.write(data)
        files = reader.maildir_files(root)
        ctx = Ctx()
        groups, error = read_groups(reader, SourceUnit(path=root, reader=reader, files=files), ctx)
        assert error is None
        named = [path for path, _ in ctx.problems]
        assert len(set(named)) == len(named) and set(named) <= set(files)
        for _, message in ctx.problems:
            assert_clean_message(message)
        read = {t.origin.path for g in groups for t in g}
        assert read <= set(files) and not (read & set(named))


# -- CRM exports ----------------------------------------------------------------------------------

LAYOUT_HEADERS = {
    "hubspot-ui": ["Activity ID", "Activity date", "Activity type", "Call direction", "Call outcome", "Call duration",
                   "Call notes", "Email subject", "Email body", "Email direction", "Task title", "Task type", "Task status",
                   "Associated contact", "Associated contact email", "Activity assigned to", "Note body",
                   "Call duration (HH:mm:ss)", "Create date"],
    "salesforce-task": ["Id", "WhoId", "OwnerId", "Subject", "TaskSubtype", "Type", "Status", "Priority", "ActivityDate",
                        "CompletedDateTime", "CreatedDate", "CallType", "CallDurationInSeconds", "CallDisposition",
                        "Description"],
    "salesforce-event": ["Id", "WhoId", "OwnerId", "Subject", "EventSubtype", "Type", "StartDateTime", "EndDateTime",
                         "DurationInMinutes", "Location", "Description"],
    "pipedrive": ["Activity - ID", "Activity - Subject", "Activity - Type", "Activity - Due date", "Activity - Due time",
                  "Activity - Duration", "Activity - Done", "Activity - Marked as done time", "Activity - Add time",
                  "Activity - Note", "Activity - Contact person", "Activity - Organization", "Activity - Assigned to user"],
    "zoho": ["Id", "Subject", "Call_Type", "Call_Start_Time", "Call_Duration", "Call_Result", "Description", "Who_Id",
             "Owner", "Due_Date", "Status", "Closed_Time"],
}
DATE_CELLS = ["2026-11-02T10:05:00.000+0000", "2026-11-02 10:15", "2026-11-02", "02.11.2026 17:30", "11/05/2026 9:30 AM",
              "Nov 5, 2026", "1793631600000", "1793631600", "46328", "46328.5", "0", "-1", "0001-01-01",
              "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "99999999999999999999", "99999999999",
              "2026-02-30", "2026-13-45T99:99", "yesterday", "nan", "inf", "1e400", "+-1", "08:30", "25:99", "",
              "2026-11-02T10:05:00Z", "\u0662\u0660\u0662\u0666-11-02"]
VALUE_CELLS = ["Call", "Email", "Task", "Meeting", "Note", "LEFT_VOICEMAIL", "INCOMING_EMAIL", "EMAIL", "Inbound",
               "Outbound", "Missed", "Completed", "Not Started", "Done", "true", "0", "No answer", "Connected",
               "b2cf5968-551e-4856-9783-52b3da59a7d0", "00:06:40", "5m 12s", "999:99", "312", "1:05:12", "9" * 70,
               "Carla Mendes", "carla@example.com", "0035g00000JoPk1", "Tom Becker", ""]
cell = st.one_of(st.sampled_from(DATE_CELLS), st.sampled_from(VALUE_CELLS), st.sampled_from(FRAGMENTS), weird_text)
DELIMITERS = [",", ";", "\t", "|"]


@st.composite
def csv_export(draw):
    """A CSV of a random subset of a CRM's columns (plus strangers), any delimiter, quoting,
    encoding and line ending, maybe with a BOM, maybe cut short."""
    header = list(draw(st.sampled_from(sorted(LAYOUT_HEADERS.values()))))
    columns = draw(st.lists(st.sampled_from(header), min_size=1, unique=True))
    if draw(st.booleans()):
        columns += draw(st.lists(st.sampled_from(["Extra", "", "Activity date", "x;y", 'q"uote', "\ufeffId"]), max_size=2))
    rows = draw(st.lists(st.lists(cell, min_size=0, max_size=len(columns) + 1), max_size=8))
    delimiter = draw(st.sampled_from(DELIMITERS))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    buffer = io.StringIO()
    if draw(st.integers(0, 4)):
        quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]))
        writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator=newline)
        writer.writerow(columns)
        writer.writerows(rows)
    else:  # no quoting at all: cells with delimiters, quotes and newlines break the rows
        buffer.write(newline.join(delimiter.join(r) for r in [columns, *rows]))
    text = buffer.getvalue()
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-8-surrogates"]))
    data = text.encode("utf-8", "surrogatepass") if encoding == "utf-8-surrogates" else text.encode(encoding, "replace")
    if draw(st.integers(0, 4)) == 0:
        data = data[: draw(st.integers(0, len(data)))]
    return data


json_scalar = st.one_of(st.none(), st.booleans(), st.integers(-(10**30), 10**30), st.floats(allow_nan=False),
                        st.sampled_from(DATE_CELLS + VALUE_CELLS), weird_text)
json_key = st.one_of(st.sampled_from(["id", "type", "results", "0", "", "\n", "a.b", "properties"]), st.text(max_size=4))
json_value = st.recursive(json_scalar, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                               st.dictionaries(json_key, inner, max_size=3)),
                          max_leaves=4)
JSON_KEYS = ["hs_timestamp", "hs_call_direction", "hs_call_body", "hs_email_direction", "hs_email_text", "hs_email_html",
             "hs_email_from_email", "hs_email_to_email", "hs_task_status", "hs_task_subject", "hs_note_body",
             "hubspot_owner_id", "hs_call_duration", "hs_call_disposition", "Id", "WhoId", "TaskSubtype", "ActivityDate",
             "MessageDate", "Incoming", "FromAddress", "ToAddress", "TextBody", "Due_Date", "Call_Start_Time", "Who_Id",
             "marked_as_done_time", "due_date", "person_name", "type", "id"]


@st.composite
def json_export(draw):
    """HubSpot v3 objects, Salesforce records, Zoho/Pipedrive data, a bare array or JSON Lines."""
    objects = []
    for _ in range(draw(st.integers(0, 4))):
        props = draw(st.dictionaries(st.sampled_from(JSON_KEYS), json_value, max_size=6))
        shape = draw(st.sampled_from(["flat", "properties", "engagement"]))
        if shape == "properties":
            obj = {"id": draw(json_scalar), "properties": props,
                   "associations": {"contacts": {"results": [{"id": draw(json_scalar)}]}}}
        elif shape == "engagement":
            obj = {"engagement": {"id": draw(json_scalar), "type": draw(json_scalar), "timestamp": draw(json_scalar)},
                   "associations": {"contactIds": draw(st.lists(json_scalar, max_size=2))}, "metadata": props}
        else:
            obj = props
        objects.append(obj)
    envelope = draw(st.sampled_from(["results", "records", "data", "array", "lines", "scalar", "nested"]))
    if envelope == "array":
        text = json.dumps(objects, indent=draw(st.sampled_from([None, 1])))
    elif envelope == "lines":
        text = "\n".join(json.dumps(o) for o in objects)
    elif envelope == "scalar":
        text = json.dumps(draw(json_value))
    elif envelope == "nested":
        depth = draw(st.sampled_from([50, 900, 5000]))
        text = '{"results": [{"hs_timestamp": 1, "a": ' + "[" * depth + "]" * depth + "}]}"
    else:
        text = json.dumps({"total": len(objects), envelope: objects}, indent=draw(st.sampled_from([None, 2])))
    data = text.encode("utf-8")
    if draw(st.integers(0, 4)) == 0:
        data = data[: draw(st.integers(0, len(data)))]
    return data


def assert_crm_read(name: str, data: bytes, reader: CrmReader | None = None, zone: str = "UTC"):
    """Read an export; check the touches and the problems; return (touches, problems) or None."""
    if reader is None:
        reader = CrmReader()
        reader.configure("", None)
    ctx = Ctx(zone)
    groups, error = read_groups(reader, SourceUnit(path=name, reader=reader, data=data), ctx)
    for path, message in ctx.problems:
        assert path == name
        assert_clean_message(message)
    if groups is None:
        return None
    lines = file_lines(data)
    touches = [t for g in groups for t in g]
    for group in groups:
        assert len({t.thread for t in group}) == 1  # one conversation per contact
    for touch in touches:
        assert touch.thread.startswith("contact ") and touch.direction in tuple(Direction)
        assert touch.time is not None and touch.time.tzinfo is not None
        assert 1900 <= touch.time.year <= 2200, touch.time
        assert_points_into_file(touch, lines)
    again, _ = read_groups(reader, SourceUnit(path=name, reader=reader, data=data), Ctx(zone))
    assert [summary(t) for g in again for t in g] == [summary(t) for t in touches]
    return touches, ctx.problems


HUBSPOT_HEAD = "Activity ID,Activity date,Activity type,Associated contact,Call notes\n"


@fuzz(150)
@given(data=csv_export(), suffix=st.sampled_from([".csv", ".tsv", ".csv"]),
       zone=st.sampled_from(["UTC", "Europe/Berlin", "Pacific/Kiritimati", "America/St_Johns"]))
@example(data=(HUBSPOT_HEAD + "1,99999999999999999999,Call,Bob,hi\n2,2026-11-02,Call,Bob,x\n").encode(), suffix=".csv", zone="UTC")
@example(data=(HUBSPOT_HEAD + "1,0001-01-01T00:00:00+14:00,Call,Bob,hi\n").encode(), suffix=".csv", zone="UTC")
@example(data=(HUBSPOT_HEAD + "1,9999-12-31T23:59:59-12:00,Call,Bob,I'll call tomorrow\n").encode(), suffix=".csv", zone="UTC")
@example(data=b"Activity - Subject,Activity - Due date,Activity - Person\nx,99999999999,Bob\n", suffix=".csv", zone="UTC")
def test_any_csv_export_gives_touches_or_clean_errors(data, suffix, zone):
    result = assert_crm_read(f"export{suffix}", data, zone=zone)
    if result is not None:
        touches, problems = result
        rows = max(0, len(data.splitlines()) - 1)
        assert len(touches) <= rows


@fuzz(100)
@given(data=json_export(), suffix=st.sampled_from([".json", ".jsonl", ".ndjson"]))
@example(data=b"[" * 5000 + b"]" * 5000, suffix=".json")
@example(data=b'[{"hs_timestamp": 1e400, "hs_call_body": "x", "associations": {"contactIds": [1]}}]', suffix=".json")
@example(data=b'{"\\n": false}', suffix=".json")  # a line break in a column name, shown in the error
@example(data=b'[{"id": "\\r", "properties": {}, "associations": {"contacts": {"results": [{"id": 1}]}}}]', suffix=".json")
def test_any_json_export_gives_touches_or_clean_errors(data, suffix):
    assert_crm_read(f"export{suffix}", data)


# Per layout: the columns a minimal export needs (date, contact, text).
MINIMAL = {
    "hubspot": ("Activity date", "Associated contact", "Call notes", "hubspot-ui"),
    "salesforce": ("CompletedDateTime", "WhoId", "Description", "salesforce-task"),
    "pipedrive": ("Activity - Marked as done time", "Activity - Person", "Activity - Note", "pipedrive"),
    "zoho": ("Call_Start_Time", "Who_Id", "Description", "zoho"),
    "generic": ("When", "Customer", "Notes", None),
}
contact_name = st.text(alphabet=string.ascii_letters + " .'-", min_size=1, max_size=20).filter(lambda s: s.strip())
body_cell = st.one_of(st.sampled_from(FRAGMENTS[:40]), st.text(alphabet=string.printable + "\u00e9\u2014\u200f", max_size=80))
moments = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1),
                       timezones=st.sampled_from([timezone.utc, timezone(timedelta(hours=5, minutes=30)),
                                                  timezone(timedelta(hours=-8))]))


@fuzz(100)
@given(layout=st.sampled_from(sorted(MINIMAL)), delimiter=st.sampled_from(DELIMITERS),
       bom=st.booleans(), newline=st.sampled_from(["\n", "\r\n"]), extra=st.integers(0, 3),
       rows=st.lists(st.tuples(moments, contact_name, body_cell), min_size=1, max_size=6),
       quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
def test_valid_csv_rows_are_all_read_whatever_the_dialect(layout, delimiter, bom, newline, extra, rows, quoting):
    # Whatever the delimiter, quoting, BOM and line ends, and with cells holding delimiters,
    # quotes and line breaks, every row with a date and a contact is one touch at that time.
    time_column, contact_column, body_column, full = MINIMAL[layout]
    columns = [time_column, contact_column, body_column]
    others = [c for c in LAYOUT_HEADERS[full] if c not in columns][:extra] if full else []
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator=newline)
    writer.writerow(columns + others)
    for when, contact, body in rows:
        # (the csv module leaves a lone CR unquoted: that file would be ambiguous, not valid)
        writer.writerow([when.isoformat(), contact, body.replace("\r", "")] + [""] * len(others))
    data = (codecs.BOM_UTF8 if bom else b"") + buffer.getvalue().encode("utf-8")
    reader = CrmReader()
    if layout == "generic":
        reader.configure("generic", {"time": time_column, "contact": contact_column, "body": body_column})
    else:
        reader.configure("", None)
    touches, problems = assert_crm_read("export.csv", data, reader)
    assert problems == []
    assert sorted((t.time, t.thread) for t in touches) == sorted((w, f"contact {c.strip().lower()}") for w, c, _ in rows)
    assert sorted(t.origin.key for t in touches) == sorted(f"row {n}" for n in range(1, len(rows) + 1))


@fuzz(50)
@given(rows=st.lists(st.tuples(moments, st.integers(1, 10**9), body_cell,
                               st.sampled_from(["INCOMING_EMAIL", "EMAIL", "FORWARDED_EMAIL"])), min_size=1, max_size=5),
       envelope=st.sampled_from(["results", "array", "lines"]))
def test_valid_hubspot_api_objects_are_all_read(rows, envelope):
    objects = [{"id": str(n), "properties": {"hs_timestamp": str(int(when.timestamp() * 1000)), "hs_email_direction": kind,
                                             "hs_email_text": body, "hs_email_subject": "Plates"},
                "associations": {"contacts": {"results": [{"id": str(contact), "type": "email_to_contact"}]}}}
               for n, (when, contact, body, kind) in enumerate(rows)]
    text = {"results": lambda: json.dumps({"results": objects}, indent=2), "array": lambda: json.dumps(objects),
            "lines": lambda: "\n".join(json.dumps(o) for o in objects)}[envelope]()
    touches, problems = assert_crm_read("export.json", text.encode())
    assert problems == []
    want = sorted((when.replace(microsecond=when.microsecond // 1000 * 1000), f"contact {contact}",
                   Direction.INBOUND if kind == "INCOMING_EMAIL" else Direction.OUTBOUND) for when, contact, _, kind in rows)
    assert sorted((t.time, t.thread, t.direction) for t in touches) == want


GENERIC_FIELDS = ["id", "type", "time", "due", "created", "completed", "status", "direction", "outcome", "duration",
                  "subject", "body", "contact", "contact_email", "owner", "owner_email", "from", "to"]


@fuzz(50)
@given(header=st.lists(st.sampled_from(["When", "Customer", "Notes", "Channel", "Dir", "Minutes", "Result", "Agent",
                                        "Due (ms)", "Length mins"]), min_size=1, max_size=6, unique=True),
       mapping=st.dictionaries(st.sampled_from(GENERIC_FIELDS),
                               st.sampled_from(["When", "Customer", "Notes", "Channel", "Dir", "Minutes", "Result",
                                                "Agent", "Due (ms)", "Length mins", "Missing"]), min_size=1),
       rows=st.lists(st.lists(cell, max_size=7), max_size=6), delimiter=st.sampled_from(DELIMITERS))
def test_generic_mapping_gives_touches_or_clean_errors(header, mapping, rows, delimiter):
    reader = CrmReader()
    reader.configure("generic", mapping)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    assert_crm_read("export.csv", buffer.getvalue().encode("utf-8", "surrogatepass"), reader, zone="Europe/Berlin")


# -- the whole pipeline, in process ----------------------------------------------------------------

STDIN_NAMES = ["draft.txt", "draft.md", "page.html", "step.j2", "step.hbs", "reply.eml", "box.mbox", "export.csv",
               "export.json", "export.jsonl", "notes.xyz", "noext"]


@st.composite
def any_input(draw):
    """A file name and content of any kind followlint reads (or cannot)."""
    name = draw(st.sampled_from(STDIN_NAMES))
    makers = {
        ".eml": mail_message(), ".mbox": mbox_file(), ".csv": csv_export(), ".json": json_export(),
        ".jsonl": json_export(),
    }
    suffix = os.path.splitext(name)[1]
    content = draw(st.one_of(makers.get(suffix, encoded()), file_bytes, mail_message(), csv_export()))
    return name, content


def assert_report_is_clean(report: dict, names: set[str]) -> None:
    for error in report["errors"]:
        assert error["path"] in names or any(error["path"].startswith(n + os.sep) for n in names), error
        assert_clean_message(error["message"])
    for finding in report["findings"]:
        assert finding["line"] >= 1 and finding["column"] >= 1 and finding["code"].startswith("FL")
    assert report["summary"]["findings"] == len(report["findings"])


@fuzz(100)
@given(case=any_input(), reps=st.sampled_from([(), ("@acme.com",)]))
def test_pipeline_in_process_gives_findings_or_clean_errors_the_same_each_time(case, reps):
    name, data = case
    first = lint([], (name, data), reps)
    assert_report_is_clean(first, {name})
    assert lint([], (name, data), reps) == first


# -- the command line ----------------------------------------------------------------------------


@st.composite
def input_folder(draw):
    """One to four files of any kind (names unique), as the user would pass them."""
    cases = draw(st.lists(any_input(), min_size=1, max_size=4, unique_by=lambda c: c[0]))
    return cases


CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def assert_cli_contract(code: int, out: str, err: str, names: list[str]) -> dict:
    assert "Traceback" not in out + err and "internal error" not in err, err
    assert code in (0, 1, 2), (code, err)
    report = json.loads(out)
    assert_report_is_clean(report, set(names))
    problems = [line for line in err.split("\n") if line.strip() and not line.startswith("followlint: warning: ")]
    assert len(problems) == len(report["errors"]), (problems, report["errors"])
    for line_, error in zip(problems, report["errors"]):
        # (on a terminal, control characters a file name or a cell holds are shown escaped)
        assert line_ in (f"{error['path']}: error: {error['message']}",
                         CONTROL_RE.sub(lambda m: m.group().encode("unicode_escape").decode(),
                                        f"{error['path']}: error: {error['message']}"))
    assert (code == 2) == bool(report["errors"])
    if code != 2:
        assert code == (1 if any(f["severity"] in ("warning", "error") for f in report["findings"]) else 0)
    return report


@fuzz(4)
@given(cases=input_folder())
@example(cases=[("draft.txt", b""), ("export.json", b'{"results": [{"engagement": {"id": "\\u200f\\u001b", "timestamp": false}, '
                                                   b'"associations": {"contactIds": [1]}}]}')])
def test_cli_check_gives_json_and_one_line_per_problem_the_same_each_time(run_cli, tmp_path, cases):
    folder = tempfile.mkdtemp(dir=tmp_path)
    for name, data in cases:
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(data)
    names = [name for name, _ in cases]
    code, out, err = run_cli("check", *names, "--format", "json", "--now", NOW, cwd=folder)
    assert_cli_contract(code, out, err, names)
    assert run_cli("check", *names, "--format", "json", "--now", NOW, cwd=folder) == (code, out, err)


@fuzz(3)
@given(case=any_input())
def test_cli_stdin_gives_json_and_names_the_stdin_file(run_cli, tmp_path, case):
    name, data = case
    code, out, err = run_cli("check", "-", "--stdin-filename", name, "--format", "json", "--now", NOW, input=data)
    assert_cli_contract(code, out, err, [name])
    assert run_cli("check", "-", "--stdin-filename", name, "--format", "json", "--now", NOW, input=data) == (code, out, err)
