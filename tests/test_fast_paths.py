"""The speed-ups read text exactly as the slower code they replaced (issue 16: findings must
not change). Each fast path is compared with a plain reference implementation kept here: on
its own inputs, and end to end on the fixture mail, where the reports with the fast paths
and with the references swapped in must be identical."""
from __future__ import annotations

import json
import os
import random
import re
from array import array
from datetime import datetime
from pathlib import Path

import pytest

from followlint.signals import phrases
from followlint.signals.lacks import lacks
from followlint.signals.phrases import ANY, TOKEN_RE, PhraseIndex, Tokens, tokenize
from followlint.sources import messages, quoting, rfc822

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TRICKY = [
    "",
    "   \n\n  ",
    "Hi Dana,\n\nI'll call you back on Tuesday at 10:30 am. Can't wait!\n\nBest,\nSam",
    "See https://example.com/a?b=c). Or www.example.org, then 3.45pm?! 100% $5 £3 €2",
    "İstanbul ŞİRKET — don’t we’re they’d cannot CANNOT it's 'quoted' rock'n'roll",
    "trailing punctuation only at the end ------------------------------------------------- ...",
    "Nov 3rd, the 21st; 12th?? 2pm 1400h 9:05 p.m. 3:4 1.000.000\tend",
    "x" * 300 + " " + "?" * 50,
]


def _texts() -> list[str]:
    texts = list(TRICKY)
    for path in sorted(FIXTURES.glob("fl10[1-9]/*/*")) + sorted(FIXTURES.glob("ordinary/*")):
        if path.suffix in (".txt", ".eml", ".mbox"):
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return texts


class ReferenceTokens(Tokens):
    """Tokens as they were read before issue 16: one re.Match per word."""

    def __init__(self, text: str, class_of=None):
        lowered = text.lower().replace("’", "'")
        matches = list(TOKEN_RE.finditer(lowered))
        words = [m.group() for m in matches]
        starts = [m.start() for m in matches]
        ends = [m.end() for m in matches]
        class_of = class_of if class_of is not None else phrases.current_classes()
        contractions = class_of.contractions
        if "'" in lowered or any(w in lowered for w in contractions.bare):
            words, starts, ends = phrases._expand_contractions(words, starts, ends, contractions)
        self.words = words
        self.starts = array("l", starts)
        self.ends = array("l", ends)
        self.classes = {i: c for i, w in enumerate(words) if (c := class_of[w])}
        self.sentences = reference_sentences(text, class_of.abbreviations)
        self._sentence_starts = [a for a, _ in self.sentences]


# The sentence breaks as written before issue 16 had them start with one character class.
REFERENCE_SENTENCE_BREAK_RE = re.compile(r"[.!?]{1,8}[\"')\]]{0,3}(?=\s)|\n[ \t]{0,200}\n|\n(?<![^\n]{50}\n)")


def reference_sentences(text: str, abbreviations) -> list[tuple[int, int]]:
    spans, begin = [], 0
    bounds = [m.end() for m in REFERENCE_SENTENCE_BREAK_RE.finditer(text)
              if not (m.group() == "." and abbreviations.continues(text, m.start()))] + [len(text)]
    for end in bounds:
        a, b = begin, end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))
        begin = end
    return spans or [(0, len(text))]


def reference_matches(index: PhraseIndex, tokens: Tokens):
    """Every phrase occurrence, each candidate's every position tested, in the order the
    index yields them (by anchor position: words, then pairs, then classes)."""
    words, classes = tokens.words, tokens.classes
    hits = [(i, index.entries(index.index[w])) for i, w in enumerate(words) if w in index.index]
    hits += [(i, index.entries(index.pairs[f"{a} {b}"])) for i, (a, b) in enumerate(zip(words, words[1:]))
             if f"{a} {b}" in index.pairs]
    hits += [(i, index.entries(index.index[c])) for i, c in classes.items() if c in index.index]
    hits.sort(key=lambda hit: hit[0])
    for at, entries in hits:
        for entry in entries:
            first = at - entry.anchor
            last = first + len(entry.seq) - 1
            if first < 0 or last >= len(words):
                continue
            if all(want is ANY or words[first + k] in want or classes.get(first + k) in want
                   for k, want in enumerate(entry.seq)):
                yield entry, first, last


def _state(tokens: Tokens):
    return tokens.words, list(tokens.starts), list(tokens.ends), tokens.classes, tokens.sentences


def test_tokens_and_sentences_are_those_of_one_match_per_word():
    texts = _texts()
    assert len(texts) > 300
    for text in texts:
        assert _state(tokenize(text)) == _state(ReferenceTokens(text)), text[:80]


def test_sentence_breaks_are_those_of_the_plain_pattern():
    """Random text of the characters the pattern reads, lines short and long around SHORT_LINE."""
    assert phrases.SHORT_LINE == 50  # the reference spells it out
    rng = random.Random(16)
    alphabet = "ab .!?\n\t\"')]-" + "x" * 6
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 160)))
        assert ([m.span() for m in phrases.SENTENCE_BREAK_RE.finditer(text)]
                == [m.span() for m in REFERENCE_SENTENCE_BREAK_RE.finditer(text)]), repr(text)


def test_mbox_separators_and_escapes_are_read_as_the_line_start_patterns_read_them():
    """The "From " line pattern that looks back for the line start matches as "^" with re.M
    does, from any start position too (``mbox_spans`` searches a block from where it has
    counted to); a message is unescaped as by the mboxrd pattern, ">From " in it or not."""
    from followlint.sources.mail import FROM_START_RE, _unescaped

    plain = re.compile(rb"^From ", re.M)
    mboxrd = re.compile(rb"^>(>*From )", re.M)
    rng = random.Random(16)
    pieces = [b"From ", b">From ", b">>From ", b"From", b">", b"\n", b"\r\n", b"x", b" ", b"F", b"rom "]
    texts = [b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 20))) for _ in range(20_000)]
    texts += [path.read_bytes() for path in sorted(FIXTURES.glob("*/*/*.mbox"))]
    for text in texts:
        at = rng.randint(0, len(text))
        assert [m.span() for m in FROM_START_RE.finditer(text, at)] == [m.span() for m in plain.finditer(text, at)], text
        assert _unescaped(text) == mboxrd.sub(rb"\1", text), text


def test_sentences_with_cues_are_those_of_reading_every_sentence():
    """``Tokens.sentences_with`` against testing each sentence's words in turn, for cue sets
    from one word to many, the text's own words among them."""
    rng = random.Random(16)
    checked = 0
    for text in _texts():
        tokens = tokenize(text)
        own = sorted(set(tokens.words))
        for cues in ({"not", "but", "no"}, {"friday", "from", "email", "?"}, set(rng.sample(own, min(3, len(own)))),
                     set(own[::2]), set(own)):
            every = [i for i in range(len(tokens.sentences))
                     if not cues.isdisjoint(tokens.words[slice(*tokens.word_range(i))])]
            assert tokens.sentences_with(frozenset(cues)) == every, text[:80]
            checked += len(every)
    assert checked > 10_000


def reference_lacks(text: str, tokens, words, theirs_only: bool = False):
    """``signals.lacks.lacks`` as it was before issue 16's audit round: every sentence's clauses,
    and at each word of a clause the person test (a slice of the words before it) first."""
    from followlint.model import Signal
    from followlint.signals.availability import CLAUSE_BREAK_RE, CLAUSE_JOINERS
    from followlint.signals.lacks import OBJECT_REACH, LackWords, _a_thing_says, _denied

    known = words.memo(LackWords)
    if known.triggers.isdisjoint(tokens.words):
        return []

    def lacked(ws, a, b):
        for j in range(a, b - 1):
            word, after = ws[j], ws[j + 1]
            if not known.person.isdisjoint(ws[a:j]) and not _a_thing_says(ws, a, j, known):
                if word in known.have and (after in known.none or (after in known.article and _denied(ws, a, j, known))):
                    return j, min(b, j + 2 + OBJECT_REACH)
                if word in known.unable or (word in known.negators and j > a and ws[j - 1] in known.can):
                    verb = j + 2 if after == "to" else j + 1
                    if verb < b and ws[verb] in known.ability:
                        return j, min(b, verb + 1 + OBJECT_REACH)
        return None

    out = []
    for index in range(len(tokens.sentences)):
        first, last = tokens.word_range(index)
        a = first
        for j in range(first, last + 1):
            if j < last and not (j > a and (tokens.words[j] in CLAUSE_JOINERS or CLAUSE_BREAK_RE.search(
                    text, tokens.ends[j - 1], tokens.starts[j]))):
                continue
            found = lacked(tokens.words, a, j)
            if found is not None and not (theirs_only and not known.writer.isdisjoint(tokens.words[a:found[0]])):
                start, end = tokens.starts[found[0]], tokens.ends[found[1] - 1]
                out.append(Signal(kind="constraint", subtype="lack", start=start, end=end, text=text[start:end],
                                  sentence=index, first_word=found[0], last_word=found[1] - 1))
            a = j
    return out


LACK_SENTENCES = [
    "I don't have a printer, so could you post it?", "She can't climb ladders for a couple of months.",
    "We have no other way to take photos", "The site says I can't log in and I don't have an account.",
    "it's saying I don't have a key", "My husband is unable to drive, but I can not walk there either.",
    "The claim has no adjuster assigned.", "I have the van, though he doesn't really have any tools",
    "we don't have a van free; they can't come", "I can't - honestly - get there (no car) until Friday",
]


def test_lacks_are_those_of_reading_every_clause(detector):
    """``lacks`` reads only the sentences with a word a lack opens with, and tests who has it
    only where a lack is said: the signals of reading every clause with the person test first."""
    rng = random.Random(16)
    texts = _texts() + LACK_SENTENCES
    texts += [" ".join(rng.sample(LACK_SENTENCES, 3)) for _ in range(500)]
    found = 0
    for text in texts:
        tokens = tokenize(text, detector.classes)
        for theirs_only in (False, True):
            want = reference_lacks(text, tokens, detector.words, theirs_only)
            assert lacks(text, tokens, detector.words, theirs_only) == want, text[:80]
            found += len(want)
    assert found > 500


def _touch(text: str, n: int, direction):
    from followlint.model import Origin, Touch

    return Touch(id=f"t{n}", origin=Origin(path="x", line=1), text=text, direction=direction,
                 time=datetime(2026, 11, 1 + n % 28), party="c@client.example")


def test_a_touch_read_before_in_its_conversation_gets_a_copy_of_that_reading(detector):
    """``annotate`` reads a text met before in the conversation (the same side, kind and
    activity) once: each touch ends as ``annotate_touch`` alone leaves it, with signals of its
    own (the timeline settles their due dates against their own touch's time)."""
    from followlint.model import Conversation, Direction

    sides = [Direction.INBOUND, Direction.OUTBOUND, Direction.INBOUND, Direction.INBOUND]
    for text in _texts()[::3] + LACK_SENTENCES:
        for several in (True, False):
            touches = [_touch(text, n, side) for n, side in enumerate(sides if several else sides[:1])]
            detector.annotate(Conversation(id="c", touches=touches))
            for touch in touches:
                alone = detector.annotate_touch(_touch(touch.text, 0, touch.direction), several)
                assert ([s.to_dict() for s in touch.signals], touch.sentences, touch.topics, touch.names) == (
                    [s.to_dict() for s in alone.signals], alone.sentences, alone.topics, alone.names), text[:80]
            if several and touches[0].signals:
                assert touches[2].signals == touches[0].signals
                assert not {id(s) for s in touches[2].signals} & {id(s) for s in touches[0].signals}


def test_phrase_matches_are_those_of_testing_every_position():
    from followlint.config import Settings
    from followlint.engine import Linter
    from followlint.plugins import load

    detector = Linter(Settings(), load(Settings())).detector
    total = 0
    for text in _texts():
        tokens = tokenize(text, detector.classes)
        fast = list(detector.phrases.matches(tokens))
        assert fast == list(reference_matches(detector.phrases, tokens)), text[:80]
        total += len(fast)
    assert total > 1000  # the fixtures do say things


def test_phrase_matches_under_long_lists_are_those_of_testing_every_position():
    """The lists narrowed by several words in turn ("let me" + "know" + ...): a text spoken
    from every few entries of each long list, and the same text with one word changed."""
    from followlint.config import Settings
    from followlint.engine import Linter
    from followlint.plugins import load

    detector = Linter(Settings(), load(Settings())).detector
    index = detector.phrases
    index.decode_all()
    rng = random.Random(16)
    total = 0
    for table in (index.index, index.pairs):
        for entries in table.values():
            if len(entries) < 60:
                continue
            for entry in entries[::max(7, len(entries) // 12)]:
                words = [sorted(w for w in want if not w.startswith("<"))[:1] or ["thing"] if want is not ANY
                         else ["thing"] for want in entry.seq]
                said = [w[0] for w in words]
                for text in (" ".join(said), " ".join(said[:-1] + [rng.choice(["soon", "you", "it"])])):
                    tokens = tokenize(f"Well, {text} today.", detector.classes)
                    fast = list(index.matches(tokens))
                    assert fast == list(reference_matches(index, tokens)), text
                    total += len(fast)
    assert total > 1000


def _outlook_variants():
    hours = [(1, "AM"), (9, "am"), (11, "PM"), (12, "AM"), (12, "PM"), (12, "pm")]
    months = ["January", "Feb", "march", "APRIL", "May", "June", "Jul", "August", "Sept", "Sep",
              "October", "nov", "December"]
    days = ["Monday, ", "Tue ", "Wednesday,  ", "thursday, ", "Fri, ", "Saturday, ", "Sun, ", "Tues, ", ""]
    for n, month in enumerate(months):
        weekday = days[n % len(days)]
        for hour, half in hours:
            yield f"{weekday}{month} {n + 1}, {2001 + n % 2} {hour}:0{n % 10} {half}"
            yield f"{weekday}{month} {n + 15} {1999 + n} {hour}:4{n % 10}:5{n % 10} {half}"
            yield f"{weekday}{month} {n + 2}, 2002  {hour}:1{n % 10}{half}"


@pytest.mark.parametrize("text", list(_outlook_variants()) + [
    "Tuesday, January 22, 2002 3:41 PM", "Wednesday, November 21, 2001 10:06 AM",
])
def test_outlook_dates_are_read_as_dateutil_reads_them(text):
    fast = quoting._outlook_date(text)
    assert fast is not None  # the shape the fast path is for
    assert fast == quoting._dateutil_parse(text, datetime(2002, 3, 1))


@pytest.mark.parametrize("text", [
    "Tuesday, February 30, 2002 3:41 PM",  # no such day
    "Tuesday, January 22, 2002 13:41 PM",  # not a 12-hour clock
    "Tuesday, Janember 22, 2002 3:41 PM",
    "Tuesday, January 22, 02 3:41 PM",
    "Tuesday, January 22, 2002 at 3:41 PM",
    "22 January 2002 3:41 PM",
    "Tuesday, January 22, 2002 3:41 p.m.",
])
def test_other_dates_are_left_to_dateutil(text):
    assert quoting._outlook_date(text) is None


def _stdlib_head(data: bytes):
    import email.parser
    import email.policy

    return email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(data)


def _stdlib_message(data: bytes):
    import email
    import email.policy

    return email.message_from_bytes(data, policy=email.policy.compat32)


def _parsed_state(msg):
    defects = [(type(d), d.args) for d in msg.defects]
    return (type(msg), msg._headers, msg._unixfrom, defects, msg._payload, msg._default_type,
            msg._charset, msg.preamble, msg.epilogue, msg.policy)


def _raw_messages() -> list[bytes]:
    """The fixture mail, each mbox message on its own, and pieces of header blocks put together
    at random (fixed seed): separators, continuations, unix-from lines, CR and CRLF line ends,
    8-bit names, lines with no colon, multipart and message/* types."""
    from followlint.sources.mail import MBOXRD_LINE_RE, mbox_spans

    found = []
    for path in sorted(FIXTURES.glob("*/*/*")):
        if path.suffix == ".eml":
            found.append(path.read_bytes())
        elif path.suffix == ".mbox":
            data = path.read_bytes()
            with path.open("rb") as handle:
                for _, offset, length in mbox_spans(handle, str(path)):
                    found.append(MBOXRD_LINE_RE.sub(rb"\1", data[offset:offset + length]))
    pieces = [b"From ", b"From: a@b\n", b"Subject: x\r\n", b" cont\n", b"\tcont\r", b"\n", b"\r\n", b"\r",
              b":nohead\n", b"X-Y: z", b"body line\n", b"Content-Type: multipart/mixed; boundary=b\n",
              b"Content-Type: message/rfc822\n", b"Content-Type: text/plain\n", b"no colon here\n",
              b"\xff\xfe: v\n", b"Name : spaced\n", b"From x Tue 3\n", b"--b\n", b" \n", b"a"]
    rng = random.Random(16)
    for _ in range(5000):
        found.append(b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))))
    return found


def test_header_blocks_are_read_as_the_stdlib_parser_reads_them():
    single = 0
    for data in _raw_messages():
        assert _parsed_state(rfc822.parse_head(data)) == _parsed_state(_stdlib_head(data)), data[:200]
        msg = rfc822.parse_single(data)
        if msg is not None:
            assert _parsed_state(msg) == _parsed_state(_stdlib_message(data)), data[:200]
            single += 1
    assert single > 3000


CONTENT_TYPES = [
    None, "text/plain", "TEXT/HTML; charset=UTF-8", 'text/plain; charset="iso-8859-1"', "text/plain; charset=",
    "text/plain; charset*=us-ascii'en'utf-8", "text/plain; charset*=bogus''x", "text/plain;charset=ut\xe9f-8",
    "text/plain; format=flowed; charset=windows-1252; delsp=yes", "multipart/alternative; boundary=x",
    "multipart/digest; boundary=x", "message/rfc822", "text", "text/plain/extra", "; charset=utf-8",
    "application/octet-stream; name=a.txt", 'text/plain; charset="\xff\xfe"', "text/plain; charset=UTF-8 (comment)",
]


def test_content_types_and_charsets_are_those_of_message():
    """``messages.content_type`` and the charset ``_decode_part`` reads, remembered by the
    stored Content-Type header: those of ``Message.get_content_type`` and ``get_content_charset``
    (None where it fails), on every part of the fixture mail and on headers made for it, read
    twice (the second time from what was remembered)."""
    import email
    import email.header
    import email.message
    import email.policy

    parts = []
    for raw in _raw_messages():
        parts.extend(_stdlib_message(raw).walk())
        single = rfc822.parse_single(raw)
        if single is not None:
            parts.append(single)
    for value in CONTENT_TYPES:
        for default in ("text/plain", "message/rfc822"):
            head = b"" if value is None else b"Content-Type: " + value.encode("latin-1") + b"\n"
            part = email.message_from_bytes(head + b"\nbody\n", policy=email.policy.compat32)
            part.set_default_type(default)
            parts.append(part)
    by_hand = email.message.Message()
    by_hand["Content-Type"] = email.header.Header("text/plain; charset=utf-8")
    parts.append(by_hand)
    assert len(parts) > 500
    for _ in range(2):
        for part in parts:
            try:
                charset = part.get_content_charset()
            except (ValueError, LookupError, TypeError, AttributeError):
                charset = None
            assert messages._content(part) == (part.get_content_type(), charset), part.get("Content-Type")
            assert messages.content_type(part) == part.get_content_type()


def test_headers_are_looked_up_as_message_get_does():
    names = ["From", "from", "TO", "Cc", "Subject", "Date", "Message-ID", "X-Missing", "Received", "Content-Type"]
    for data in _raw_messages():
        msg = _stdlib_head(data)
        head = messages.Headers(msg)
        for name in names + [k for k, _ in msg.raw_items()]:
            for default in (None, 1):
                fast, slow = head.get(name, default), msg.get(name, default)
                assert (type(fast), str(fast)) == (type(slow), str(slow)), (name, data[:200])


def _excluded_by_fnmatch(exclude: list[str], path: str) -> bool:
    import fnmatch

    norm = path.replace(os.sep, "/")
    base = os.path.basename(norm)
    return any(fnmatch.fnmatch(norm, p) or fnmatch.fnmatch(base, p) or fnmatch.fnmatch(norm, f"*/{p}") for p in exclude)


@pytest.mark.parametrize("exclude", [
    [], [".git", "node_modules", "__pycache__"], ["*.bak", "drafts/old", "[ab]*", "x?z", "a/*/c", "*"],
    ["[!.]*.txt", "**/deep", "we[ird]", "(a|b)", "a+b", "\\"],
])
def test_exclusions_are_those_of_fnmatch(exclude):
    from followlint.sources.discover import Discovery

    discovery = Discovery([], exclude)
    paths = ["a", ".git", "src/.git", "src/.git/x", "node_modules", "x/node_modules", "b.bak", "drafts/old",
             "team/drafts/old", "drafts/old/new", "xyz", "xaz", "a/b/c", "a/b/b/c", "notes.txt", ".hidden.txt",
             "deep", "x/deep", "weird", "wei", "(a|b)", "a+b", "aab", "\\", "", "/abs/path/b.bak", "./a"]
    for path in paths:
        assert discovery.excluded(path) == _excluded_by_fnmatch(exclude, path), (exclude, path)


def _reports(tmp_path, monkeypatch) -> list[str]:
    from typer.testing import CliRunner

    from followlint.cli import app

    mail = sorted(p for p in FIXTURES.glob("*/*/*") if p.suffix in (".mbox", ".eml") and "blind" not in p.parts)
    assert len(mail) > 200
    for k in [k for k in os.environ if k.startswith("FOLLOWLINT_")]:
        monkeypatch.delenv(k)
    monkeypatch.setenv("FOLLOWLINT_CACHE_DIR", str(tmp_path / "cache"))
    out = []
    for command in (["check", "--format", "json", "--exit-zero", "--jobs", "1"], ["inspect", "--format", "json"]):
        result = CliRunner().invoke(app, [*command, "--now", "2026-12-01T00:00:00+00:00", *map(str, mail)])
        assert result.exit_code == 0, result.output
        out.append(result.stdout)
    return out


def reference_annotate(self, conversation):
    """``SignalDetector.annotate`` before issue 16's audit round: every touch read."""
    for touch in conversation.touches:
        self.annotate_touch(touch, len(conversation.touches) > 1)
    return conversation


def test_reports_on_the_fixture_mail_are_those_of_the_reference_paths(tmp_path, monkeypatch):
    fast = _reports(tmp_path, monkeypatch)
    findings = json.loads(fast[0])["findings"]
    assert len(findings) > 50
    monkeypatch.setattr(phrases, "tokenize", lambda text, class_of=None: ReferenceTokens(text, class_of))
    monkeypatch.setattr("followlint.signals.detect.tokenize", phrases.tokenize)
    monkeypatch.setattr(PhraseIndex, "matches", reference_matches)
    monkeypatch.setattr("followlint.signals.detect.lacks", reference_lacks)
    monkeypatch.setattr("followlint.signals.detect.SignalDetector.annotate", reference_annotate)
    monkeypatch.setattr(quoting, "_outlook_date", lambda text: None)
    monkeypatch.setattr(rfc822, "parse_single", lambda data: None)
    monkeypatch.setattr(rfc822, "parse_head", _stdlib_head)
    monkeypatch.setattr(messages, "Headers", lambda msg: msg)
    assert _reports(tmp_path, monkeypatch) == fast
