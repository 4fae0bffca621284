"""Inline suppressions: which ``followlint: disable...`` directive covers a finding, and which
directives covered nothing."""
from __future__ import annotations

from .model import Finding
from .selection import any_names, names


def covering(finding: Finding, suppressions):
    """The directive that suppresses this finding, or None."""
    active = None
    for directive in sorted(suppressions, key=lambda d: d.line):
        if not any_names(directive.codes, finding.code, finding.name):
            continue
        if directive.kind == "disable-file":
            return directive
        if directive.kind == "disable-next-line" and directive.target == finding.line:
            return directive
        if directive.line <= finding.line:
            if directive.kind == "disable":
                active = directive
            elif directive.kind == "enable":
                active = None
    return active


def is_suppressed(finding: Finding, suppressions) -> bool:
    return covering(finding, suppressions) is not None


class SuppressionUse:
    """One unit's directives, by file, with the codes of each that suppressed a finding: what
    is left over is an unused suppression (FL001)."""

    def __init__(self) -> None:
        self.directives: dict[str, dict] = {}  # path -> {directive: set of its codes that were used}

    def saw(self, suppressions_by_path: dict) -> None:
        for path, directives in suppressions_by_path.items():
            known = self.directives.setdefault(path, {})
            for directive in directives:
                known.setdefault(directive, set())

    def merge(self, other: "SuppressionUse") -> None:
        """Add what another part of the same unit saw and used (--jobs over a big mailbox)."""
        for path, directives in other.directives.items():
            known = self.directives.setdefault(path, {})
            for directive, used in directives.items():
                known.setdefault(directive, set()).update(used)

    def suppresses(self, finding: Finding, suppressions) -> bool:
        """Like is_suppressed, and remembers which directive (and which of its codes) did it."""
        directive = covering(finding, suppressions)
        if directive is None:
            return False
        used = self.directives.setdefault(finding.path, {}).setdefault(directive, set())
        used.update(code for code in directive.codes if names(code, finding.code, finding.name))
        return True

    def unused(self):
        """(path, directive, codes that suppressed nothing), in file and line order."""
        for path in sorted(self.directives):
            for directive, used in sorted(self.directives[path].items(), key=lambda item: item[0].line):
                left = tuple(code for code in directive.codes if code not in used)
                if directive.kind != "enable" and left:
                    yield path, directive, left
