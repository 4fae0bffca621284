"""Inline suppressions: does a ``followlint: disable...`` directive cover this finding?"""
from __future__ import annotations

from .model import Finding


def _names(finding: Finding, codes) -> bool:
    return any(c == "ALL" or finding.code.startswith(c) or c == finding.name for c in codes)


def is_suppressed(finding: Finding, suppressions) -> bool:
    active = False
    for directive in sorted(suppressions, key=lambda d: d.line):
        if not _names(finding, directive.codes):
            continue
        if directive.kind == "disable-file":
            return True
        if directive.kind == "disable-next-line" and directive.target == finding.line:
            return True
        if directive.line <= finding.line:
            if directive.kind == "disable":
                active = True
            elif directive.kind == "enable":
                active = False
    return active
