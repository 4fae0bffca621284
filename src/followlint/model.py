"""The data that flows through the pipeline, one stage to the next.

sources -> Touch -> Conversation -> (signals on each touch) -> timeline -> rules -> Finding -> reporters

Each stage fills its own fields and leaves what an earlier stage set as it was; the timeline
itself (``followlint.timeline``) is built from a conversation and handed to the rules.
"""
from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import date, datetime


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected info, warning or error)") from None


class Direction(str, enum.Enum):
    OUTBOUND = "outbound"  # from our side to the customer
    INBOUND = "inbound"  # from the customer
    INTERNAL = "internal"  # our own record, never seen by the customer: a CRM note, an open task


@dataclass(slots=True)
class Origin:
    """Where a touch came from, precise enough for a linter location."""

    path: str
    line: int = 1  # file line on which the touch's text starts
    key: str = ""  # Message-ID, mbox/maildir key, CSV row, IMAP UID...

    def label(self) -> str:
        return self.key or f"{self.path}:{self.line}"


@dataclass(slots=True)
class Span:
    start: int
    end: int
    words: int = 0


@dataclass(slots=True)
class Signal:
    """One thing a touch says, with the text that says it."""

    kind: str  # e.g. "checkin", "value", "issue", "question"
    start: int
    end: int
    text: str
    subtype: str = ""  # e.g. value -> "update", "resource", "offer"
    negated: bool = False
    hypothetical: bool = False
    sentence: int = 0  # index into Touch.sentences
    first_word: int = 0  # word indices the phrase spans, for counting what it covers
    last_word: int = 0
    topic: frozenset = frozenset()  # content-word stems of its sentence (what it is about)
    when: str = ""  # a time expression in the same sentence ("in 3 days"), for promises
    # filled by the timeline stage: the date its time expression (``when``, or a "when" signal's
    # own text) resolves to, against its touch's date; None when there is none or it cannot
    due: date | None = None
    # the days and parts of the day ("friday", "morning") a customer's constraint rules out, or
    # the part of the day a time of ours falls in (``signals.availability``)
    slots: frozenset = frozenset()
    amount: float | None = None  # the sum a price signal names ("£0.12" -> 0.12)

    def to_dict(self) -> dict:
        data = {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end}
        if self.subtype:
            data["subtype"] = self.subtype
        if self.negated:
            data["negated"] = True
        if self.hypothetical:
            data["hypothetical"] = True
        if self.when:
            data["when"] = self.when
        if self.due is not None:
            data["due"] = self.due.isoformat()
        if self.slots:
            data["slots"] = sorted(self.slots)
        if self.amount is not None:
            data["amount"] = self.amount
        return data


@dataclass(frozen=True, slots=True)
class Person:
    """Who sent a touch, as the conversation stage tells people apart: touches of one
    conversation with the same ``key`` are one person."""

    key: str
    first_name: str = ""  # lowercase, as a colleague would name them ("dana")


CONTACT_THREAD = "contact "  # a CRM contact's conversation key: this, then the contact's name or id


@dataclass(slots=True)
class Touch:
    """One contact event: an email, a call, a draft, a note..."""

    id: str
    origin: Origin
    text: str  # the new text only: quoted history and signature are separated out
    direction: Direction | None = None  # None: the reader cannot tell; the conversation stage decides
    kind: str = "email"
    party: str = ""  # address (or name when there is no address) of the sender
    party_name: str = ""
    recipients: tuple[str, ...] = ()
    time: datetime | None = None  # aware; None for an undated draft
    subject: str = ""
    quoted: bool = False  # rebuilt from quoted history inside a later touch
    message_id: str = ""
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    order: int = 0  # reading order, breaks ties between equal or missing times
    suppressions: tuple = ()  # inline "followlint: disable" directives (sources.suppressions)
    signature: str = ""  # the signature block split off the text
    # CRM activities: the contact they are about, the CRM's own type, the task's due time
    thread: str = ""  # conversation key given by the source (a CRM contact); empty: threaded by headers
    activity: str = ""  # "call", "email", "to-do"... as the export names it
    due: datetime | None = None  # when an open task falls due
    done: bool | None = None  # a task's status; None for what is not a task
    duration: float | None = None  # seconds, for calls and meetings
    # set by a mail reader from the headers (List-Unsubscribe, Auto-Submitted, a no-reply sender...),
    # or by the conversation stage for a message to many people: why it is bulk or automated mail,
    # left out of the customer rules; empty for one person writing to another
    bulk: str = ""
    # filled by the conversation stage: None when only a name in a quote header says who wrote it
    person: Person | None = None
    # filled by the signal stage
    sentences: tuple[Span, ...] = ()
    signals: tuple[Signal, ...] = ()
    topics: tuple[frozenset, ...] = ()  # per sentence, in conversations of several touches
    names: frozenset = frozenset()  # capitalised words it mentions (who it talks about), likewise

    def signals_of(self, kind: str) -> list[Signal]:
        return [s for s in self.signals if s.kind == kind]

    def has(self, kind: str, *, plain: bool = True) -> bool:
        """True when the touch carries a signal of this kind (plain: not negated, not hypothetical)."""
        return any(
            s.kind == kind and not (plain and (s.negated or s.hypothetical)) for s in self.signals
        )

    def title_end(self) -> int:
        """Where the title above a CRM activity's notes ends ("Call: leak follow-up"): what the
        activity was filed under, not what was said on it. 0 when there is none."""
        subject = self.subject
        # A title is a line of its own: notes that open with the subject's words ("Swap
        # delivered, Munich collected." filed as "Swap delivered") say them.
        if (self.activity and subject and self.text.startswith(subject)
                and self.text[len(subject):len(subject) + 1] == "\n" and self.text[len(subject):].strip()):
            return len(subject)
        return 0

    def title_sentences(self) -> set[int]:
        end = self.title_end()
        return {i for i, span in enumerate(self.sentences) if span.start < end} if end else set()

    def position(self, offset: int) -> tuple[int, int]:
        """File line and 1-based column of a character offset into ``text``."""
        offset = max(0, min(offset, len(self.text)))
        line = self.origin.line + self.text.count("\n", 0, offset)
        column = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return line, column


@dataclass(slots=True)
class Conversation:
    """The ordered touches with one customer about one matter."""

    id: str
    touches: list[Touch]
    path: str = ""
    sides_known: bool = False  # "our side" was configured (--rep / reps), not inferred
    customer: str = ""  # the customer's address, or name when no address is known
    # why the customer rules do not run on it: "bulk" (only bulk or automated mail) or "internal"
    # (colleagues of one organisation, no customer); empty for a customer conversation
    left_out: str = ""

    @property
    def subject(self) -> str:
        return next((t.subject for t in self.touches if t.subject), "")


@dataclass(slots=True)
class Evidence:
    touch: str
    path: str
    line: int
    text: str
    time: datetime | None = None

    def to_dict(self) -> dict:
        data = {"touch": self.touch, "path": self.path, "line": self.line, "text": self.text}
        if self.time is not None:
            data["time"] = self.time.isoformat()
        return data


@dataclass(slots=True)
class Finding:
    code: str
    name: str
    severity: Severity
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    conversation: str = ""
    touch: str = ""
    suggestion: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    sender: str = ""  # our rep who sent the touch (an address, or a CRM owner), when known
    customer: str = ""  # the customer's address, or name
    subject: str = ""  # the conversation's subject, when its messages have one
    message_id: str = ""  # the Message-ID of the message it is on: one message stored twice is one
    new: bool | None = None  # audit only: not seen by an earlier run; None when no run kept count

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.touch)

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.label,
            "message": self.message,
            "suggestion": self.suggestion,
            "path": self.path,
            "conversation": self.conversation,
            "touch": self.touch,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "excerpt": self.excerpt,
            "evidence": [e.to_dict() for e in self.evidence],
            "sender": self.sender or None,
            "customer": self.customer or None,
            "subject": self.subject or None,
            "message_id": self.message_id or None,
        } | ({} if self.new is None else {"new": self.new})


@dataclass(slots=True)
class InputProblem:
    """An input that could not be read (in whole or in part)."""

    path: str
    message: str

    def to_dict(self) -> dict:
        return {"path": self.path, "message": self.message}

    def line(self) -> str:
        """One line, whatever the file name or a CSV cell holds: control characters (a newline,
        a terminal escape) are shown escaped."""
        return CONTROL_RE.sub(_escape, f"{self.path}: error: {self.message}")


@dataclass(slots=True)
class RuleError(InputProblem):
    """A rule (built-in or a plugin's) that raised on a conversation: a problem of the run, not of
    the input; the other rules' findings are kept."""

    rule: str
    plugin: str

    def to_dict(self) -> dict:
        return {"path": self.path, "message": self.message, "rule": self.rule, "plugin": self.plugin}


CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _escape(match: re.Match) -> str:
    return match.group().encode("unicode_escape").decode("ascii")


class InputError(Exception):
    """Raised by a reader for an input it cannot read; becomes one InputProblem line."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class UsageError(Exception):
    """A bad option, config value or plugin: exit code 2 with one clear line."""


TYPE_WORDS = {"int": "an int (a whole number)", "float": "a number", "bool": "true or false", "str": "a string",
              "list": "a list"}


def a_type(kind: type) -> str:
    """The type a config value must have, in words: "an int (a whole number)", "a string"."""
    return TYPE_WORDS.get(kind.__name__, f"a {kind.__name__}")
