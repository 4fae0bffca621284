"""What a rule is: code, name, documentation, examples, options and a check over a conversation."""
from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from ..model import Conversation, Direction, Evidence, Finding, Severity, Signal, Touch
from ..timeline import Timeline


# The reference time (--now) of every example that gives none. Examples are read at a fixed
# time, never at today's: a quoted "3 Nov" must not age out of a rule's window as the calendar
# moves on (the suite went red on 2026-12-04 when FL102's praise left its 30-day lookback).
EXAMPLE_NOW = "2026-11-20T09:00:00+00:00"


@dataclass(frozen=True)
class Example:
    """A draft (optionally with quoted history) that the rule must flag (bad) or leave alone."""

    text: str
    now: str = EXAMPLE_NOW  # ISO date-time the example is linted at (--now)


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What a rule is handed with each conversation, read-only: its options (from the config),
    the reference time (--now) and the conversation's timeline, built once by the engine for
    every rule."""

    options: Mapping[str, Any]
    now: datetime
    timeline: Timeline | None  # None only in ``after_unit``, which sees no one conversation


@dataclass
class UnitEnd:
    """What a rule may look at once every conversation of a source unit has been checked."""

    suppressions: Any  # suppress.SuppressionUse: the unit's inline directives and what each suppressed
    registered: list  # every installed rule class
    ran: list  # the rule classes that ran over the whole unit (selected, and none failed)
    keep: Callable[[Finding, Any], Finding | None]  # (finding, the file's directives) -> as reported, or None


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str]  # one line
    what: ClassVar[str]  # what it finds
    why: ClassVar[str]  # why it matters: the situation, told as it happens to a customer
    story: ClassVar[str] = ""
    bad: ClassVar[tuple[Example, ...]] = ()
    good: ClassVar[tuple[Example, ...]] = ()
    options: ClassVar[dict[str, tuple[Any, str]]] = {}  # name -> (default, description)
    # The signal kinds its check reads, with those of the timeline helpers it calls: each must
    # be declared by a loaded plugin (``followlint.signals.kinds``), checked at load.
    reads: ClassVar[tuple[str, ...]] = ()
    # What the rule gets wrong, said plainly (its page's "Known problems"): one entry a limit.
    known_problems: ClassVar[tuple[str, ...]] = ()

    def check(self, conversation: Conversation, ctx: RuleContext) -> Iterable[Finding]:
        raise NotImplementedError

    def after_unit(self, unit: UnitEnd, ctx: RuleContext) -> Iterable[Finding]:
        """Findings about a source unit as a whole, once all its conversations are checked
        (FL001 reports unused suppressions here). Most rules have none."""
        return ()

    # -- helpers for subclasses ------------------------------------------------------------

    def finding(
        self,
        conversation: Conversation,
        touch: Touch,
        at: Signal | None,
        message: str,
        suggestion: str = "",
        evidence: Iterable[Evidence] = (),
        severity: Severity | None = None,
    ) -> Finding:
        start, end = (at.start, at.end) if at else (0, _opening(touch.text))
        line, column = touch.position(start)
        end_line, end_column = touch.position(end)
        excerpt = (at.text if at else touch.text[start:end]).strip()
        return Finding(
            code=self.code,
            name=self.name,
            severity=severity or self.severity,
            message=message,
            suggestion=suggestion,
            path=touch.origin.path,
            conversation=conversation.id,
            touch=touch.origin.label(),
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            excerpt=" ".join(excerpt.split())[:200],
            evidence=list(evidence),
            sender=_sender(conversation, touch),
            customer=conversation.customer,
            subject=conversation.subject,
            message_id=touch.message_id,
        )

    @staticmethod
    def evidence(touch: Touch, signal: Signal | None = None) -> Evidence:
        """Evidence quotes the whole sentence that carries the signal, from the line it starts
        on: never a fragment ("call me today" out of "They call me today")."""
        start, text = sentence_of(touch, signal) if signal else (0, touch.text[:200])
        line, _ = touch.position(start)
        return Evidence(touch=touch.origin.label(), path=touch.origin.path, line=line,
                        text=text, time=touch.time)

    @classmethod
    def documentation(cls) -> str:
        """The rule's page: What it finds / Why it matters / Example / Better / Options / Known problems / Reads."""
        out = [f"{cls.code} {cls.name} ({cls.severity.label})", "", cls.summary, "", "## What it finds", "",
               _para(cls.what), "", "## Why it matters", "", _para(cls.why)]
        for title, examples in (("## Example", cls.bad), ("## Better", cls.good)):
            if examples:
                out += ["", title, ""]
                for example in examples:
                    out += ["```", example.text.strip("\n"), "```", ""]
                out.pop()
        out += ["", "## Options", ""]
        if cls.options:
            for key, (default, description) in cls.options.items():
                out.append(f"- `{key}` (default `{default}`): {description}")
        else:
            out.append("None.")
        if cls.known_problems:
            out += ["", "## Known problems", ""] + [f"- {_para(problem)}" for problem in cls.known_problems]
        if cls.reads:
            out += ["", "## Reads", "", "Signal kinds: " + ", ".join(f"`{kind}`" for kind in cls.reads) + "."]
        return "\n".join(out) + "\n"

    @classmethod
    def metadata(cls) -> dict:
        return {
            "code": cls.code,
            "name": cls.name,
            "severity": cls.severity.label,
            "summary": cls.summary,
            "options": {k: v[0] for k, v in cls.options.items()},
        }


def felt(signal: Signal, feeling: str) -> bool:
    """The customer's sentence says ``feeling`` ("positive", "negative"): the signal stage's
    verdict, sentence by sentence."""
    return signal.kind == "sentiment" and signal.subtype == feeling


def sentence_of(touch: Touch, signal: Signal) -> tuple[int, str]:
    """Where the sentence carrying ``signal`` starts, and its text on one line."""
    if signal.sentence < len(touch.sentences):
        span = touch.sentences[signal.sentence]
        start, text = span.start, touch.text[span.start:span.end]
    else:
        start, text = signal.start, signal.text
    return start, " ".join(text.split())[:300]


def _sender(conversation: Conversation, touch: Touch) -> str:
    """Our rep on the touch: its sender when it is ours and the conversation stage told them
    apart; on a customer's touch, the last of ours before it (else the first after)."""
    if touch.direction is not Direction.INBOUND:
        return touch.party if touch.person is not None else ""
    touches = conversation.touches
    at = next((i for i, t in enumerate(touches) if t is touch), len(touches))
    ours = [t for t in (*reversed(touches[:at]), *touches[at + 1:])
            if t.direction is not Direction.INBOUND and t.person is not None]
    return ours[0].party if ours else ""


def _para(text: str) -> str:
    return textwrap.dedent(text).strip()


def _opening(text: str, limit: int = 80) -> int:
    """Where a touch's opening ends when no signal marks the place: about ``limit``
    characters, at a word's end rather than inside it."""
    if len(text) <= limit:
        return len(text)
    cut = text.rfind(" ", 0, limit + 1)
    return cut if cut > 0 else limit
