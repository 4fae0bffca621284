"""Human-readable output, ruff-style: path:line:col: CODE [severity] message."""
from __future__ import annotations

import re

from ..model import RuleError, Severity
from .base import Reporter

COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
# Message-derived text must not drive the terminal (an ESC in a customer's email) nor break a
# finding over several lines.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _plain(text: str) -> str:
    return CONTROL.sub("\ufffd", text.replace("\t", " ").replace("\n", " "))


def _paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text


class TextReporter(Reporter):
    name = "text"
    description = "one line per finding with excerpt, suggestion and evidence, then a summary"

    def render(self, report, out, options):
        color = options.color
        for f in report.findings:
            location = _paint(f"{_plain(f.path)}:{f.line}:{f.column}:", "1", color)
            label = _paint(f"{f.code} [{f.severity.label}]", COLORS[f.severity], color)
            out.write(f"{location} {label} {_plain(f.message)}\n")
            if options.quiet:
                continue
            if f.excerpt:
                out.write(f"  | {_plain(f.excerpt)}\n")
            for ev in f.evidence:
                if ev.path == f.path and ev.line == f.line and ev.text == f.excerpt:
                    continue
                when = f" ({ev.time.date().isoformat()})" if ev.time else ""
                out.write(f"  evidence: {_plain(ev.path)}:{ev.line}{when}: {_plain(ev.text)}\n")
            if f.suggestion:
                out.write(f"  = {_paint('help', '32', color)}: {_plain(f.suggestion)}\n")
        if options.statistics and report.findings:
            counts: dict[tuple[str, str], int] = {}
            for f in report.findings:
                counts[(f.code, f.name)] = counts.get((f.code, f.name), 0) + 1
            out.write("\n")
            for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
                out.write(f"{n:>5}  {code}  {name}\n")
        if not options.quiet:  # -q: only the finding lines (and the table when asked)
            out.write(_summary(report) + "\n")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 'es' if noun.endswith('ch') else 's'}"


def _summary(report) -> str:
    """The last line. When an input could not be read it says so first, and counts only the
    files that were read: never "All clear"."""
    s = report.summary()
    rule_errors = sum(isinstance(p, RuleError) for p in report.problems)
    input_errors = len(report.problems) - rule_errors
    files = f"{s['files']} file{'s' if s['files'] != 1 else ''}"
    if input_errors:
        files = f"the {files} that {'was' if s['files'] == 1 else 'were'} read"
    if not report.findings:
        lead = "No findings" if report.problems else "All clear: no findings"  # not clear if something failed
        text = f"{lead} in {files} ({_count(s['conversations'], 'conversation')}, {_count(s['touches'], 'touch')})."
    else:
        by_sev = {}
        for f in report.findings:
            by_sev[f.severity.label] = by_sev.get(f.severity.label, 0) + 1
        parts = ", ".join(f"{n} {label}{'s' if n != 1 else ''}" for label, n in sorted(by_sev.items()))
        n = len(report.findings)
        text = f"Found {n} finding{'s' if n != 1 else ''} ({parts}) in {files}."
    if input_errors:
        text = f"{_count(input_errors, 'input error')}. {text}"
    left_out = []
    if s.get("bulk"):
        left_out.append(f"{s['bulk']} bulk or automated message{'s' if s['bulk'] != 1 else ''} left out")
    if s.get("internal"):
        n = s["internal"]
        left_out.append(f"{_count(n, 'conversation')} between colleagues not linted")
    if left_out:
        text += f" {', '.join(left_out)}."
    if rule_errors:
        text += f" {_count(rule_errors, 'rule error')}."
    return text
