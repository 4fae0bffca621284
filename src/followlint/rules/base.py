"""What a rule is: code, name, documentation, examples, options and a check over a conversation."""
from __future__ import annotations

import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

from ..model import Conversation, Evidence, Finding, Severity, Signal, Touch


# The reference time (--now) of every example that gives none. Examples are read at a fixed
# time, never at today's: a quoted "3 Nov" must not age out of a rule's window as the calendar
# moves on (the suite went red on 2026-12-04 when FL102's praise left its 30-day lookback).
EXAMPLE_NOW = "2026-11-20T09:00:00+00:00"


@dataclass(frozen=True)
class Example:
    """A draft (optionally with quoted history) that the rule must flag (bad) or leave alone."""

    text: str
    now: str = EXAMPLE_NOW  # ISO date-time the example is linted at (--now)


@dataclass
class RuleContext:
    options: dict[str, Any]
    now: datetime
    shared: dict = field(default_factory=dict)  # per-conversation state shared by all rules

    def timeline(self, conversation: Conversation):
        """The conversation's timeline, built once and shared by every rule."""
        key = id(conversation)
        if self.shared.get("key") != key:
            from ..timeline import build

            self.shared.clear()
            self.shared["key"] = key
            self.shared["timeline"] = build(conversation, self.now)
        return self.shared["timeline"]


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str]  # one line
    what: ClassVar[str]  # what it finds
    why: ClassVar[str]  # why it matters (the story)
    story: ClassVar[str] = ""
    bad: ClassVar[tuple[Example, ...]] = ()
    good: ClassVar[tuple[Example, ...]] = ()
    options: ClassVar[dict[str, tuple[Any, str]]] = {}  # name -> (default, description)
    # The signal kinds its check reads, with those of the timeline helpers it calls: each must
    # be declared by a loaded plugin (``followlint.signals.kinds``), checked at load.
    reads: ClassVar[tuple[str, ...]] = ()

    def check(self, conversation: Conversation, ctx: RuleContext) -> Iterable[Finding]:
        raise NotImplementedError

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
        start, end = (at.start, at.end) if at else (0, min(len(touch.text), 80))
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
        )

    @staticmethod
    def evidence(touch: Touch, signal: Signal | None = None) -> Evidence:
        start = signal.start if signal else 0
        text = signal.text if signal else touch.text[:200]
        line, _ = touch.position(start)
        return Evidence(touch=touch.origin.label(), path=touch.origin.path, line=line,
                        text=" ".join(text.split())[:300], time=touch.time)

    @classmethod
    def documentation(cls) -> str:
        """The rule's page: What it finds / Why it matters / Example / Better / Options / Reads."""
        out = [f"{cls.code} {cls.name} ({cls.severity.label})", "", cls.summary, "", "## What it finds", "",
               _para(cls.what), "", "## Why it matters", "", _para(cls.why)]
        if cls.story:
            out += ["", f"From story {cls.story} in the project's sales-training seeds."]
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


def _para(text: str) -> str:
    return textwrap.dedent(text).strip()
