"""Lint an editor's buffer as ``followlint check - --stdin-filename PATH`` would: the config
found upward from the file (or the workspace folder, for a buffer never saved), its plugins,
and the reader its file type calls for."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from ..config import load_settings
from ..engine import Linter, parse_now
from ..model import Finding, UsageError
from ..runner import run

# The editors' language ids for the file types followlint reads, and the suffix that makes the
# same reader claim an unsaved buffer.
LANGUAGE_SUFFIXES = {
    "plaintext": ".txt",
    "text": ".txt",
    "markdown": ".md",
    "html": ".html",
    "jinja": ".j2",
    "jinja2": ".j2",
    "jinja-html": ".j2",
    "django-html": ".j2",
    "htmldjango": ".j2",
    "handlebars": ".hbs",
    "mustache": ".mustache",
    "liquid": ".liquid",
    "gotmpl": ".tmpl",
    "go-template": ".tmpl",
    "email": ".eml",
    "eml": ".eml",
    "mail": ".eml",
}
WARNING_LINE_RE = re.compile(r":\s*line (\d+): ")


@dataclass
class Note:
    """Something about the buffer that is not a rule's finding: a suppression without a reason,
    a config error, a part that could not be read. ``line`` is 1-based, 0 when it has none."""

    message: str
    line: int = 0
    error: bool = False


@dataclass
class BufferReport:
    name: str  # the path the buffer was linted as
    findings: list[Finding] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


class WorkspaceLinter:
    """One Linter per config file, rebuilt when the file or one of its local plugin modules
    changes: loading the plugins and the phrase index takes most of a second, linting a draft a
    few milliseconds."""

    def __init__(self, root: str):
        self.root = root
        self._linters: dict[tuple, Linter] = {}

    def linter_for(self, path: str) -> Linter:
        """The linter for a file at ``path`` (UsageError for a broken config or plugin)."""
        from .. import plugins
        from ..selection import check_rule_tables

        settings = load_settings(None, path)
        key = (_file_key(settings.config_file), *map(_file_key, _local_plugins(settings)))
        linter = self._linters.get(key)
        if linter is None:
            registry = plugins.load(settings)
            check_rule_tables(settings, registry.rules.values())
            linter = Linter(settings, registry)
            self._linters = {k: v for k, v in self._linters.items() if k[0][0] != settings.config_file}
            self._linters[key] = linter
        linter.now = parse_now(linter.settings.now)  # a server runs for days: "now" moves on
        return linter

    def buffer_name(self, path: str | None, title: str, language_id: str, suffixes) -> str:
        """The path a buffer is linted as. A file keeps its name when a reader claims its suffix;
        otherwise, and for an unsaved buffer (``title``: the last part of its uri), the
        editor's language id picks the suffix, so the buffer is read as what it will be."""
        base = path or os.path.join(self.root, title or "untitled")
        if os.path.splitext(base)[1].lower() in suffixes:
            return base
        return base + LANGUAGE_SUFFIXES.get((language_id or "").lower(), ".txt")

    def lint(self, path: str | None, title: str, language_id: str, text: str) -> BufferReport:
        try:
            linter = self.linter_for(path or os.path.join(self.root, title or "untitled"))
        except UsageError as exc:
            return BufferReport(path or title, notes=[Note(f"followlint: {exc}", error=True)])
        name = self.buffer_name(path, title, language_id, linter.discovery.by_suffix)
        report = run(linter, [], (name, text.encode("utf-8")), jobs=1)
        result = BufferReport(name, [f for f in report.findings if f.path == name])
        for warning in report.warnings:
            found = WARNING_LINE_RE.search(warning)
            result.notes.append(Note(warning.removeprefix(f"{name}: "), int(found.group(1)) if found else 0))
        for problem in report.problems:
            result.notes.append(Note(problem.message, error=True))
        return result

    def rule(self, code: str, path: str):
        """The rule class with this code, as the file's plugins define it; None if unknown."""
        try:
            return self.linter_for(path).registry.rules.get(code)
        except UsageError:
            return None


def _local_plugins(settings) -> list[str]:
    paths = list(settings.plugins)
    folder = settings.plugins_dir
    if folder and os.path.isdir(folder):
        paths += sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".py"))
    return paths


def _file_key(path: str | None) -> tuple:
    if not path:
        return (None,)
    try:
        info = os.stat(path)
    except OSError:
        return (path,)
    return (path, info.st_mtime_ns, info.st_size)
