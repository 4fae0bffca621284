"""JSON output, version 1 (the shape in SPEC)."""
from __future__ import annotations

import json

from .. import __version__
from .base import Reporter


def report_dict(report) -> dict:
    data = {
        "version": 1,
        "tool": {"name": "followlint", "version": __version__},
        "findings": [f.to_dict() for f in report.findings],
        "errors": [p.to_dict() for p in report.problems],
        "warnings": list(report.warnings),  # additive in version 1: the "followlint: warning:" lines of stderr
        "summary": report.summary(),
    }
    if getattr(report, "baseline", None) is not None:  # --baseline: added key, same version
        data["baseline"] = report.baseline
    return data


class JsonReporter(Reporter):
    name = "json"
    description = "machine-readable JSON, version 1"

    def render(self, report, out, options):
        json.dump(report_dict(report), out, indent=2, ensure_ascii=False)
        out.write("\n")
