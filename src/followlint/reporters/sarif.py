"""SARIF 2.1.0, with every rule that ran described in tool.driver.rules."""
from __future__ import annotations

import json
import os
from urllib.parse import quote

from .. import __version__
from ..model import Severity
from .base import Reporter

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


class SarifReporter(Reporter):
    name = "sarif"
    description = "SARIF 2.1.0 for code-scanning dashboards"

    def render(self, report, out, options):
        rules = sorted(report.rules, key=lambda r: r.code)
        index = {rule.code: i for i, rule in enumerate(rules)}
        results = []
        for f in report.findings:
            result = {
                "ruleId": f.code,
                "level": LEVELS[f.severity],
                "message": {"text": f.message + (f" {f.suggestion}" if f.suggestion else "")},
                "locations": [_location(f.path, f.line, f.column, f.end_line, f.end_column, f.excerpt)],
                "partialFingerprints": {"conversation": f.conversation, "touch": f.touch},
            }
            if f.code in index:
                result["ruleIndex"] = index[f.code]
            if f.evidence:
                result["relatedLocations"] = [
                    {**_line_location(e.path, e.line, e.text), "id": i, "message": {"text": e.text}}
                    for i, e in enumerate(f.evidence)
                ]
            results.append(result)
        run = {
            "tool": {
                "driver": {
                    "name": "followlint",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "informationUri": "https://pypi.org/project/followlint/",
                    "rules": [_rule(r) for r in rules],
                }
            },
            "results": results,
            "invocations": [
                {
                    "executionSuccessful": not report.problems,
                    "toolExecutionNotifications": [
                        {"level": "error", "message": {"text": p.message},
                         "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(p.path)}}}]}
                        for p in report.problems
                    ] + [{"level": "warning", "message": {"text": w}} for w in report.warnings],
                }
            ],
        }
        json.dump({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, out, indent=2, ensure_ascii=False)
        out.write("\n")


def _uri(path: str) -> str:
    """A file path as a SARIF artifact URI: relative paths stay relative (to the run's folder),
    with spaces, '%', '#', '?' and ':' percent-encoded; absolute paths become file:// URIs."""
    if os.path.isabs(path):
        from pathlib import Path

        return Path(path).as_uri()
    return quote(path.replace("\\", "/"), safe="/!$&'()*+,;=@-._~")


def _location(path, line, column, end_line, end_column, snippet):
    line, column = max(line, 1), max(column, 1)
    region = {"startLine": line, "startColumn": column, "endLine": max(end_line, line), "endColumn": max(end_column, 1)}
    if region["endLine"] == line and region["endColumn"] < column:
        region["endColumn"] = column
    if snippet:
        region["snippet"] = {"text": snippet}
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(path)}, "region": region}}


def _line_location(path, line, snippet):
    """Evidence points at a whole line: SARIF reads a region with only startLine as that line."""
    region = {"startLine": max(line, 1)}
    if snippet:
        region["snippet"] = {"text": snippet}
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(path)}, "region": region}}


def _rule(rule) -> dict:
    doc = rule.documentation()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(rule.what.split())},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["follow-up"], "story": rule.story},
    }
