"""FL001 unused-suppression: an inline ``followlint: disable...`` directive that suppressed nothing.

A meta rule: it reads no conversation. The engine tracks, per file, which directives
suppressed a finding in this run; once a unit is checked, this rule reports the others at the
directive.
"""
from __future__ import annotations

from ..model import Finding
from ..selection import is_known
from .base import Example, Rule, UnitEnd

DIRECTIVE_WORD = "followlint:"


class UnusedSuppression(Rule):
    code = "FL001"
    name = "unused-suppression"
    summary = "An inline suppression that suppressed nothing in this run, or that names an unknown rule."
    what = """
        A `followlint: disable=...`, `disable-next-line=...` or `disable-file=...` directive,
        reported at its own line, when a rule it names ran and found nothing it covers (the
        text it excused was rewritten, or the rule no longer flags it), or when it names a
        rule that no installed rule or plugin has (a typo, a plugin that is gone). A
        directive that lists several rules is reported for the ones that suppressed nothing.

        Not reported: a directive for a rule that did not run (`--select`, `--ignore`,
        config), since nothing can be said about it; a directive that only names FL001
        itself. Turn FL001 off like any rule (`--ignore FL001`), or silence one report with
        another directive: `followlint: disable-file=FL001 -- reason`.
    """
    why = """
        A suppression is a promise that the text under it was reviewed. Once the text
        changes, the old directive keeps hiding whatever the rule would find there later,
        and nobody reviews that. Stale and misspelt directives pile up where no one looks:
        reporting them keeps each suppression tied to a finding that still exists.
    """
    bad = (
        Example(
            "Hi Sam,\n\n<!-- followlint: disable=FL016 -- wording agreed with legal -->\n"
            "Your renewal is due on 1 March. The new price sheet is here: https://example.com/prices\n\nLee\n"
        ),
        Example(
            "Hi {{ first_name }},\n\n{# followlint: disable-next-line=ACME201 -- plugin rule, reviewed #}\n"
            "Good news: the invoice export you asked about is live.\n\nLee\n"
        ),
    )
    good = (
        Example(
            "Hi Sam,\n\n<!-- followlint: disable-next-line=FL106 -- the warranty's own wording, approved by legal -->\n"
            "I guarantee this will never happen again.\n\nLee\n"
        ),
    )

    def check(self, conversation, ctx):
        return ()

    def after_unit(self, unit: UnitEnd, ctx) -> list[Finding]:
        """Findings for the directives the unit's conversations left unused: those naming a rule
        that ran (and failed on none of them), or a rule no plugin installs."""
        found = []
        use = unit.suppressions
        others_ran = [rule for rule in unit.ran if rule.code != self.code]
        for path, directive, codes in list(use.unused()):
            unknown = [c for c in codes if not is_known(c, unit.registered)]
            idle = [c for c in codes if c not in unknown and is_known(c, others_ran)]
            if not unknown and not idle:
                continue
            finding = self._at_directive(path, directive, idle, unknown)
            others = [d for d in use.directives.get(path, ()) if d != directive]
            kept = unit.keep(finding, others)
            if kept is not None:
                found.append(kept)
        return found

    def _at_directive(self, path: str, directive, idle: list[str], unknown: list[str]) -> Finding:
        messages, suggestions = [], []
        if idle:
            where = {"disable-next-line": f"on line {directive.target}", "disable-file": "in this file"}.get(
                directive.kind, f"after line {directive.line}")
            messages.append(f"Unused suppression: no {', '.join(idle)} finding {where} to suppress")
            suggestions.append("Remove the directive (or the codes it no longer needs): the text it excused is no longer flagged.")
        if unknown:
            rules = "an unknown rule" if len(unknown) == 1 else "unknown rules"
            messages.append(f"Suppression names {rules}: {', '.join(unknown)}")
            suggestions.append("Correct the code ('followlint rules' lists them) or install the plugin that provides it.")
        column = getattr(directive, "column", 1)
        excerpt = f"{DIRECTIVE_WORD} {directive.kind}={','.join(directive.codes)}"
        if directive.reason:
            excerpt += f" -- {directive.reason}"
        return Finding(
            code=self.code, name=self.name, severity=self.severity, message="; ".join(messages),
            suggestion=" ".join(suggestions), path=path, line=directive.line, column=column,
            end_line=directive.line, end_column=column + len(DIRECTIVE_WORD), excerpt=excerpt[:200], touch=path,
        )
