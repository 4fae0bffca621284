"""GitHub Actions workflow commands: one ::error/::warning/::notice line per finding."""
from __future__ import annotations

from ..model import Severity
from .base import Reporter

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    name = "github"
    description = "GitHub Actions annotations"

    def render(self, report, out, options):
        for f in report.findings:
            props = (f"file={_prop(f.path)},line={f.line},col={f.column},endLine={f.end_line},"
                     f"endColumn={f.end_column},title={_prop(f'followlint ({f.code})')}")
            message = f.message + (f" {f.suggestion}" if f.suggestion else "")
            out.write(f"::{COMMANDS[f.severity]} {props}::{_data(message)}\n")
        for p in report.problems:
            out.write(f"::error file={_prop(p.path)},title={_prop('followlint (input error)')}::{_data(p.message)}\n")
