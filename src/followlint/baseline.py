"""The baseline: findings a team has accepted for now, so a run reports only new ones.

``followlint check --baseline FILE`` drops every finding recorded in FILE; ``--update-baseline``
records this run's findings there. A finding is recorded by a fingerprint of what it is about,
never its line number, so it still matches after lines are inserted above it or the file is
edited elsewhere:

    sha256(path relative to the baseline's folder, rule code,
           the flagged text, the sentence of the file that holds the flagged text)

Identical fingerprints in one file are counted: an entry with count 2 absorbs two findings, a
third is new. Entries for files and rules this run did not check (pre-commit passes only the
changed files; ``--select`` runs some rules) are neither called stale nor dropped on update.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field

from .model import Finding, UsageError

FORMAT_VERSION = 1
SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
MAX_CONTEXT_LINES = 20


@dataclass(frozen=True)
class Entry:
    path: str  # relative to the baseline file's folder, with '/'
    code: str
    fingerprint: str
    excerpt: str  # for people reading the file; not used to match
    count: int = 1

    def to_dict(self) -> dict:
        return {"path": self.path, "code": self.code, "fingerprint": self.fingerprint,
                "excerpt": self.excerpt, "count": self.count}


@dataclass
class Baseline:
    file: str
    entries: dict[str, Entry] = field(default_factory=dict)  # fingerprint -> entry

    @property
    def root(self) -> str:
        return os.path.dirname(os.path.abspath(self.file))

    def relative(self, path: str) -> str:
        """A finding's path as the baseline records it."""
        return os.path.relpath(os.path.abspath(path), self.root).replace(os.sep, "/")


def load(file: str, *, create: bool) -> Baseline:
    """Read a baseline file; with ``create`` a missing one is an empty baseline."""
    try:
        with open(file, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        if create:
            return Baseline(file)
        raise UsageError(f"baseline {file} does not exist (write it with --update-baseline)") from None
    except json.JSONDecodeError as exc:
        raise UsageError(f"baseline {file} is not valid JSON ({exc.msg} at line {exc.lineno}); "
                         "fix it or delete it and run with --update-baseline") from None
    except (OSError, UnicodeError) as exc:
        raise UsageError(f"cannot read baseline {file}: {getattr(exc, 'strerror', None) or exc}") from None
    return Baseline(file, _entries(file, data))


def _entries(file: str, data) -> dict[str, Entry]:
    problem = f"baseline {file} is not a followlint baseline"
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise UsageError(f"{problem} (expected an object with a 'findings' list)")
    if data.get("version") != FORMAT_VERSION:
        raise UsageError(f"{problem} of version {FORMAT_VERSION} (it says version {data.get('version')!r})")
    entries = {}
    for number, item in enumerate(data["findings"], start=1):
        fields = item if isinstance(item, dict) else {}
        texts = [fields.get(key) for key in ("path", "code", "fingerprint")]
        count = fields.get("count", 1)
        if not all(isinstance(t, str) and t for t in texts) or type(count) is not int or count < 1:
            raise UsageError(f"{problem} (finding {number} needs a path, code, fingerprint and a count of at least 1)")
        entry = Entry(*texts, excerpt=str(fields.get("excerpt", "")), count=count)
        entries[entry.fingerprint] = entry
    return entries


def save(baseline: Baseline) -> None:
    entries = sorted(baseline.entries.values(), key=lambda e: (e.path, e.code, e.excerpt, e.fingerprint))
    text = json.dumps({"version": FORMAT_VERSION, "tool": "followlint", "findings": [e.to_dict() for e in entries]},
                      indent=2, ensure_ascii=False) + "\n"
    # Whole or not at all: a new temporary file beside it (O_EXCL: never an existing file or a
    # planted symlink, never another run's), flushed to disk, then renamed over the baseline.
    temporary = f"{baseline.file}.{os.getpid()}-{os.urandom(4).hex()}.tmp"
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            with open(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, baseline.file)
        finally:
            if os.path.lexists(temporary):
                os.unlink(temporary)
    except OSError as exc:
        raise UsageError(f"cannot write baseline {baseline.file}: {exc.strerror or exc}") from None


# -- fingerprints --------------------------------------------------------------------------


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


class Fingerprints:
    """Fingerprints of findings, reading each file at most once for the flagged sentences.

    Paths in ``unreadable`` (stdin) are never read from disk: a file of that name may hold
    something else."""

    def __init__(self, baseline: Baseline, unreadable=()):
        self.baseline = baseline
        self.unreadable = set(unreadable)
        self._lines: dict[str, list[str]] = {}

    def of(self, finding: Finding) -> str:
        parts = (self.baseline.relative(finding.path), finding.code, _normal(finding.excerpt), self.sentence(finding))
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]

    def sentence(self, finding: Finding) -> str:
        """The normalised sentence around the flagged text on the finding's lines; empty when
        the flagged text is not found there as written (an encoded mail body, a placeholder)."""
        excerpt = _normal(finding.excerpt)
        if not excerpt:
            return ""
        last = min(finding.end_line, finding.line + MAX_CONTEXT_LINES)
        text = _normal(" ".join(self._file_lines(finding.path)[max(0, finding.line - 1):last]))
        at = text.find(excerpt)
        if at < 0:
            return ""
        start = max((m.end() for m in SENTENCE_END.finditer(text, 0, at)), default=0)
        end = SENTENCE_END.search(text, at + len(excerpt))
        return text[start:end.end() if end else len(text)].strip()

    def _file_lines(self, path: str) -> list[str]:
        if path not in self._lines:
            lines: list[str] = []
            if path not in self.unreadable:
                try:
                    with open(path, encoding="utf-8", errors="replace") as handle:
                        lines = handle.read().splitlines()
                except OSError:
                    pass
            self._lines[path] = lines
        return self._lines[path]


# -- what this run checked ---------------------------------------------------------------------


class Scope:
    """The files and rules a run checked: only their entries can be matched, stale or replaced."""

    def __init__(self, baseline: Baseline, paths, codes, failed_paths=()):
        self.baseline = baseline
        self.roots = [os.path.abspath(p) for p in paths]
        self.codes = set(codes)
        self.failed = {os.path.abspath(p) for p in failed_paths}

    def covers(self, entry: Entry) -> bool:
        if entry.code not in self.codes:
            return False
        path = os.path.normpath(os.path.join(self.baseline.root, entry.path))
        if path in self.failed:  # not read (in full): its findings are unknown
            return False
        return any(path == root or path.startswith(root.rstrip(os.sep) + os.sep) for root in self.roots)


# -- applying and updating --------------------------------------------------------------------


@dataclass
class Outcome:
    matched: int  # findings the baseline absorbed
    new: int  # findings left to report
    stale: int  # baselined findings of checked files and rules that no longer occur

    def to_dict(self, file: str) -> dict:
        return {"file": file, "matched": self.matched, "new": self.new, "stale": self.stale}


def apply(baseline: Baseline, findings: list[Finding], fingerprints: Fingerprints, scope: Scope) -> tuple[list[Finding], Outcome]:
    """The findings the baseline does not absorb, in their order, and the counts."""
    left = Counter({fp: entry.count for fp, entry in baseline.entries.items()})
    new = []
    for finding in findings:
        fp = fingerprints.of(finding)
        if left[fp] > 0:
            left[fp] -= 1
        else:
            new.append(finding)
    stale = sum(n for fp, n in left.items() if n > 0 and scope.covers(baseline.entries[fp]))
    return new, Outcome(matched=len(findings) - len(new), new=len(new), stale=stale)


def updated(baseline: Baseline, findings: list[Finding], fingerprints: Fingerprints, scope: Scope) -> Baseline:
    """The baseline with this run's findings in place of the entries of what it checked."""
    entries = {fp: e for fp, e in baseline.entries.items() if not scope.covers(e)}
    counts: Counter = Counter()
    first: dict[str, Finding] = {}
    for finding in findings:
        fp = fingerprints.of(finding)
        counts[fp] += 1
        first.setdefault(fp, finding)
    for fp, finding in first.items():
        entries[fp] = Entry(path=baseline.relative(finding.path), code=finding.code, fingerprint=fp,
                            excerpt=finding.excerpt, count=counts[fp])
    return Baseline(baseline.file, entries)


# -- one `check` run ------------------------------------------------------------------------


class BaselineRun:
    """``--baseline FILE`` (and ``--update-baseline``) for one run of ``check``: the file is
    read before linting, so a missing or broken one stops the run at once (exit 2)."""

    def __init__(self, file: str, update: bool):
        self.update = update
        self.baseline = load(file, create=update)

    def finish(self, report, paths: list[str], stdin_name: str | None, quiet: bool) -> list[str]:
        """Filter ``report`` (and first rewrite the file when updating); the lines for stderr."""
        stdin = [stdin_name] if stdin_name else []
        scope = Scope(self.baseline, [*paths, *stdin], {rule.code for rule in report.rules},
                      [problem.path for problem in report.problems])
        fingerprints = Fingerprints(self.baseline, stdin)
        lines = []
        if self.update:
            self.baseline = updated(self.baseline, report.findings, fingerprints, scope)
            save(self.baseline)
            if not quiet:
                total = sum(e.count for e in self.baseline.entries.values())
                lines.append(f"followlint: baseline: wrote {total} finding{'s' * (total != 1)} to {self.baseline.file}")
        report.findings, outcome = apply(self.baseline, report.findings, fingerprints, scope)
        report.baseline = outcome.to_dict(self.baseline.file)
        if outcome.stale:
            what = "1 entry no longer matches" if outcome.stale == 1 else f"{outcome.stale} entries no longer match"
            lines.append(f"followlint: baseline: {what} (run with --update-baseline to drop {'it' if outcome.stale == 1 else 'them'})")
        return lines
