"""Rule selection, in one place: what a selector (``ALL``, a code, a code prefix, a kebab-case
name) names, which rules run, and which findings are kept (per-rule severity, per-file-ignores,
inline suppressions)."""
from __future__ import annotations

import fnmatch
import os
from dataclasses import replace

from .model import Finding, UsageError

ALL = "ALL"


def names(selector: str, code: str, name: str) -> bool:
    """Does ``selector`` name the rule with this code and name?"""
    return selector == ALL or code.startswith(selector) or selector == name


def any_names(selectors, code: str, name: str) -> bool:
    return any(names(s, code, name) for s in selectors)


def for_rule(table: dict, code: str, name: str):
    """A per-rule table's entry (``severity``, ``rules``), keyed by the rule's code or its name."""
    return table.get(code) or table.get(name)


def is_known(selector: str, rules, prefixes: bool = True) -> bool:
    """Does ``selector`` name at least one of ``rules`` (Rule classes)? Without ``prefixes``, only
    a whole code or name counts."""
    if any(selector in (r.code, r.name) for r in rules):
        return True
    return prefixes and (selector == ALL or any(r.code.startswith(selector) for r in rules))


def select_rules(rules, settings) -> list:
    """The rule classes that run: ``select`` and ``extend-select`` minus ``ignore``, by code."""
    rules = list(rules)
    for selector in [*settings.select, *settings.extend_select, *settings.ignore]:
        if not is_known(selector, rules):
            raise UsageError(f"unknown rule selector {selector!r} (see 'followlint rules')")
    chosen = [r for r in rules if any_names([*settings.select, *settings.extend_select], r.code, r.name)
              and not any_names(settings.ignore, r.code, r.name)]
    return sorted(chosen, key=lambda r: r.code)


def check_rule_tables(settings, rules) -> None:
    """Rule codes in the config's severity, rules and per-file-ignores tables must exist: a typo
    there would otherwise be ignored without a word."""
    rules = list(rules)
    where = settings.config_file or "config"
    for table, keys in (("severity", settings.severity), ("rules", settings.rule_options)):
        for key in keys:
            if not is_known(key, rules, prefixes=False):
                raise UsageError(f"{where}: unknown rule {key!r} in '{table}' (see 'followlint rules')")
    for glob, selectors in settings.per_file_ignores.items():
        for selector in selectors:
            if not is_known(selector, rules):
                raise UsageError(f"{where}: unknown rule {selector!r} in 'per-file-ignores' for {glob!r} (see 'followlint rules')")


class PerFileIgnores:
    """``per-file-ignores`` globs, matched against a finding's path as given, its file name, its
    absolute path and its path relative to the folder of the config file (or the current
    folder), so the same glob holds whatever folder followlint runs from and however the path
    was given (``.``, ``./drafts``, an absolute path)."""

    def __init__(self, settings):
        self.table = {_tidy_glob(glob): selectors for glob, selectors in settings.per_file_ignores.items()}
        config = settings.config_file
        self.root = os.path.dirname(os.path.abspath(config)) if config else os.getcwd()

    def __bool__(self) -> bool:
        return bool(self.table)

    def ignores(self, finding: Finding) -> bool:
        if not self.table:
            return False
        candidates = self._candidates(finding.path)
        return any(any_names(selectors, finding.code, finding.name) and any(fnmatch.fnmatch(c, glob) for c in candidates)
                   for glob, selectors in self.table.items())

    def _candidates(self, path: str) -> list[str]:
        absolute = os.path.normpath(os.path.abspath(path))
        out = [path.replace("\\", "/"), os.path.basename(path), absolute.replace("\\", "/")]
        try:
            relative = os.path.relpath(absolute, self.root)
        except ValueError:  # another drive on Windows
            relative = ""
        if relative and not relative.startswith(".."):
            out.append(relative.replace("\\", "/"))
        return out


def _tidy_glob(glob: str) -> str:
    glob = glob.replace("\\", "/")
    return glob[2:] if glob.startswith("./") else glob


class FindingFilter:
    """What the settings do to a rule's finding, in order: its severity from the ``severity``
    table, then ``per-file-ignores``, then the file's inline suppressions. The engine and FL001
    both pass their findings through it."""

    def __init__(self, settings):
        self.severity = dict(settings.severity)
        self.per_file_ignores = PerFileIgnores(settings)

    def with_severity(self, finding: Finding) -> Finding:
        """The finding with the severity the config gives its rule (the same one when none)."""
        override = for_rule(self.severity, finding.code, finding.name)
        return replace(finding, severity=override) if override and override != finding.severity else finding

    def keep(self, finding: Finding, directives, use) -> Finding | None:
        """The finding as reported, or None when per-file-ignores or one of ``directives`` (the
        file's inline suppressions) drops it. ``use`` (a ``suppress.SuppressionUse``) records
        which directive suppressed it, for FL001."""
        finding = self.with_severity(finding)
        if self.per_file_ignores.ignores(finding):
            return None
        if use.suppresses(finding, directives):
            return None
        return finding
