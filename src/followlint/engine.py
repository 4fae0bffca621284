"""Run the pipeline: sources -> touches -> conversations -> signals -> timeline -> rules -> findings.

Data flows one way. Each source unit is processed on its own, which is what ``--jobs`` runs
in parallel; the results are merged in input order, so the output does not depend on jobs.
"""
from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from types import MappingProxyType

from . import clock
from .collector import free_cycles, paused
from .conversations import Ours, build_conversations
from .model import Conversation, Finding, InputError, InputProblem, RuleError, Severity, UsageError, a_type
from .plugins import Registry
from .rules.base import Rule, RuleContext, UnitEnd
from .selection import FindingFilter, for_rule, select_rules
from .signals.detect import SignalDetector
from .sources.base import Batch, SourceUnit
from .sources.discover import Discovery
from .suppress import SuppressionUse
from .timeline import Timeline, build as build_timeline


@dataclass
class UnitResult:
    findings: list[Finding] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: int = 0
    conversations: int = 0
    touches: int = 0
    bulk: int = 0  # bulk or automated messages left out of the customer rules
    internal: int = 0  # conversations between colleagues, not linted

    def merge(self, other: "UnitResult") -> None:
        self.findings.extend(other.findings)
        self.problems.extend(other.problems)
        self.warnings.extend(other.warnings)
        self.files += other.files
        self.conversations += other.conversations
        self.touches += other.touches
        self.bulk += other.bulk
        self.internal += other.internal


@dataclass
class Report(UnitResult):
    rules: list = field(default_factory=list)  # Rule classes that ran
    baseline: dict | None = None  # with --baseline: its file and the matched/new/stale counts

    def summary(self) -> dict:
        by_code: dict[str, int] = {}
        for finding in self.findings:
            by_code[finding.code] = by_code.get(finding.code, 0) + 1
        return {
            "files": self.files,
            "conversations": self.conversations,
            "touches": self.touches,
            "findings": len(self.findings),
            "by_code": dict(sorted(by_code.items())),
            "bulk": self.bulk,
            "internal": self.internal,
        }


class ReadContext:
    """What a reader may use: the settings, a way to report a bad part and go on, and ``map``
    to share out pieces of its own work (the worker pool's map when the runner has one; each
    function and item must pickle, and results come back in order)."""

    def __init__(self, settings, result: UnitResult):
        self.settings = settings
        self._result = result
        self.map = map

    def report(self, error: InputError) -> None:
        self._result.problems.append(InputProblem(error.path, error.message))

    def warn(self, message: str) -> None:
        self._result.warnings.append(message)

    def counted(self, touches: list) -> None:
        self._result.touches += len(touches)

    def counted_conversation(self, conversation: Conversation) -> None:
        """A conversation rebuilt; one left out of the rules is counted as what it is: its
        messages as bulk mail, or as an internal conversation."""
        if conversation.left_out == "bulk":
            self._result.bulk += sum(not t.quoted for t in conversation.touches)
            return
        self._result.conversations += 1
        if conversation.left_out == "internal":
            self._result.internal += 1


def parse_now(value: str) -> datetime:
    if not value:
        return clock.current_time()
    from dateutil import parser as dateparser

    try:
        when = dateparser.isoparse(value)
    except ValueError:
        try:
            when = dateparser.parse(value)
        except (ValueError, OverflowError):
            raise UsageError(f"--now: cannot read {value!r} as a date and time (use ISO 8601, e.g. 2026-11-23T09:00+01:00)") from None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def rule_options(rule, settings) -> dict:
    options = {key: default for key, (default, _) in rule.options.items()}
    given = for_rule(settings.rule_options, rule.code, rule.name) or {}
    for key, value in given.items():
        if key not in options:
            known = ", ".join(options) or "none"
            raise UsageError(f"unknown option {key!r} for rule {rule.code} (its options: {known})")
        default = options[key]
        if isinstance(default, bool) != isinstance(value, bool) or (
            isinstance(default, (int, float)) and not isinstance(value, (int, float))
        ):
            raise UsageError(f"option {key!r} of rule {rule.code} must be {a_type(type(default))}, not {value!r}")
        options[key] = value
    return options


class Linter:
    """Everything a run needs, built once (also once per worker process with --jobs)."""

    def __init__(self, settings, registry: Registry):
        self.settings = settings
        self.registry = registry
        self.rules = [rule() for rule in select_rules(registry.rules.values(), settings)]
        if not self.rules:
            raise UsageError("no rules to run: the selection (or -p no:...) leaves none; 'followlint rules' lists them")
        self.now = parse_now(settings.now)
        self.options = {rule.code: MappingProxyType(rule_options(type(rule), settings)) for rule in self.rules}
        self.filter = FindingFilter(settings)
        self.plugin_of = {code: info.name for info in registry.plugins for code in info.rules}
        self.detector = SignalDetector(registry.vocabularies, registry.words,
                                       learned=any("intent" in rule.reads for rule in self.rules))
        self.discovery = Discovery(registry.readers, settings.exclude)
        self.ours = Ours(settings.reps)
        self._preloaded = False

    def preload(self) -> None:
        """Get ready for a long run: decode the whole phrase index (a short one decodes only the
        entries its words reach), some 250,000 objects that last as long as the process. Once:
        an audit asks again for each big account."""
        if self._preloaded:
            return
        with paused():
            self.detector.phrases.decode_all()
        self._preloaded = True

    def lint_part(self, unit: SourceUnit, batch: Batch | None = None) -> tuple[UnitResult, SuppressionUse]:
        """Lint a unit, or one batch of it (with --jobs, the batches of a big mailbox are shared
        out); ``finish`` completes the unit once all its parts are merged."""
        result = UnitResult(files=max(1, len(unit.files)) if batch is None else 0)
        ctx = ReadContext(self.settings, result)
        use = SuppressionUse()
        try:
            for conversation, suppressions in self.conversations(unit, ctx, batch):
                use.saw(suppressions)
                result.findings.extend(self.check(conversation, suppressions, result, use))
        except InputError as exc:
            ctx.report(exc)
            _unread(result)
        except (UnicodeError, ValueError, LookupError, OSError, RecursionError, MemoryError) as exc:
            ctx.report(InputError(unit.path, f"cannot read: {type(exc).__name__}: {exc}"))
            _unread(result)
        return result, use

    def finish(self, result: UnitResult, use: SuppressionUse, path: str) -> UnitResult:
        """Complete a unit (``path``) once all its parts are merged: the rules' findings about
        the unit as a whole, and one error line per rule that failed on it."""
        failures = _first_per_rule([p for p in result.problems if isinstance(p, RuleError)])
        read_in_part = any(not isinstance(p, RuleError) for p in result.problems)
        if not read_in_part:  # else its directives may cover what was not read
            failed = {f.rule for f in failures}
            end = UnitEnd(suppressions=use, registered=list(self.registry.rules.values()),
                          ran=[type(r) for r in self.rules if r.code not in failed],
                          keep=lambda finding, directives: self.filter.keep(finding, directives, use))
            for rule in self.rules:
                try:
                    result.findings.extend(rule.after_unit(end, self.context(rule, None)))
                except Exception as exc:
                    self._rule_failed(rule, path, exc, failures)
        result.problems = [p for p in result.problems if not isinstance(p, RuleError)] + failures
        result.findings.sort(key=Finding.sort_key)
        return result

    def check(self, conversation: Conversation, suppressions: dict, result: UnitResult,
              use: SuppressionUse | None = None) -> list[Finding]:
        """Run the rules over one annotated conversation (from ``conversations``); keep what
        the severity, per-file-ignores and inline suppressions settings let through. A rule
        that raises loses its own findings, not the others': it becomes an error in ``result``."""
        use = use if use is not None else SuppressionUse()
        if conversation.left_out:  # bulk mail, colleagues: no customer to be fair to
            return []
        timeline = self.timeline(conversation)
        kept = []
        for rule in self.rules:
            try:
                found = list(rule.check(conversation, self.context(rule, timeline)))
            except Exception as exc:
                self._rule_failed(rule, conversation.path, exc, result.problems)
                continue
            for finding in found:
                finding = self.filter.keep(finding, suppressions.get(finding.path, ()), use)
                if finding is not None:
                    kept.append(finding)
        only = self.ours.only_person()
        if only:  # a draft names no sender: when our side is one person, they wrote it
            for finding in kept:
                finding.sender = finding.sender or only
        return kept

    def _rule_failed(self, rule, path: str, exc: Exception, problems: list) -> None:
        """One error line per rule and unit (a rule that fails on one conversation often fails on
        all); FOLLOWLINT_DEBUG=1 prints the traceback on stderr."""
        if reported(problems, rule.code, path):
            return
        plugin = self.plugin_of.get(rule.code, "?")
        debug = bool(os.environ.get("FOLLOWLINT_DEBUG"))
        cause = " ".join(f"{type(exc).__name__}: {exc}".split())
        message = f"rule {rule.code} (plugin {plugin}) failed: {cause}"
        problems.append(RuleError(path, message if debug else f"{message} (set FOLLOWLINT_DEBUG=1 for the traceback)",
                                  rule.code, plugin))
        if debug:
            print(f"followlint: {path}: {message}", file=sys.stderr)
            traceback.print_exception(exc, file=sys.stderr)

    def timeline(self, conversation: Conversation) -> Timeline:
        """The timeline stage, after the signal stage: built once per conversation, read by every rule."""
        return build_timeline(conversation, self.now)

    def context(self, rule: Rule, timeline: Timeline | None) -> RuleContext:
        return RuleContext(options=self.options[rule.code], now=self.now, timeline=timeline)

    def conversations(self, unit: SourceUnit, ctx: ReadContext, batch: Batch | None = None,
                      annotate: bool = True) -> Iterator[tuple[Conversation, dict]]:
        """Read a unit (or one batch of it) and yield its annotated conversations, one group of
        touches at a time (a CRM export streams contact by contact, a mailbox thread by
        thread), each with the inline suppressions of its group's files. ``annotate=False``:
        the signal stage is left to the caller (``detector.annotate`` on each conversation not
        left out), who may run it elsewhere."""
        reader = unit.reader
        batches = [batch] if batch is not None else reader.batches(unit, ctx)
        if batches is None:
            parts = [(reader.groups(unit, ctx), None)]
        else:
            parts = ((reader.batch_groups(unit, ctx, b), b.owner) for b in batches)
        for groups, owner in parts:
            for touches in groups:
                ctx.counted(touches)
                suppressions: dict[str, list] = {}
                for touch in touches:
                    if touch.suppressions:
                        suppressions.setdefault(touch.origin.path, []).extend(touch.suppressions)
                for conversation in build_conversations(touches, unit.path, self.ours, reader.mailbox,
                                                        reader.directed, owner, self.settings.bulk_recipients):
                    ctx.counted_conversation(conversation)
                    if annotate and not conversation.left_out:
                        self.detector.annotate(conversation)
                    yield conversation, suppressions
            free_cycles()

def _unread(result: UnitResult) -> None:
    """A unit that failed before giving a single touch was not read: the summary counts the
    files actually read."""
    if not result.touches:
        result.files = 0


def reported(problems: list, rule: str, path: str) -> bool:
    """Has a failure of ``rule`` on ``path`` been reported already (one line per rule and unit)?"""
    return any(isinstance(p, RuleError) and p.rule == rule and p.path == path for p in problems)


def _first_per_rule(failures: list[RuleError]) -> list[RuleError]:
    """The first failure of each rule on each path (the parts of a unit each report their own)."""
    seen: dict[tuple[str, str], RuleError] = {}
    for failure in failures:
        seen.setdefault((failure.path, failure.rule), failure)
    return list(seen.values())


def exit_code(report: Report, fail_on: Severity, exit_zero: bool) -> int:
    if report.problems:
        return 2
    if exit_zero:
        return 0
    return 1 if any(f.severity >= fail_on for f in report.findings) else 0
