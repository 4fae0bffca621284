"""Reading a phrasebook file: YAML in, validated rule specifications out.

Every problem is one PhrasebookError naming the file and the rule, so a team sees at once
which entry to fix.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from followlint.model import Severity

from .matching import check_phrase

TYPES = {"existence": {"phrases"}, "substitution": {"swap"}, "requires": {"if", "needs", "within"}}
COMMON_KEYS = {"code", "name", "type", "message", "severity", "link", "summary", "why", "examples"}
CODE_RE = re.compile(r"[A-Z]+[0-9]{3}")
NAME_RE = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
WITHIN = ("message", "sentence")


class PhrasebookError(Exception):
    """A phrasebook file that cannot be used; the message is one line."""


@dataclass(frozen=True)
class RuleSpec:
    path: str  # the file it came from, for messages
    code: str
    name: str
    type: str
    message: str  # may hold {match} and, for substitution, {suggestion}
    severity: Severity
    link: str
    summary: str
    why: str
    phrases: dict  # role -> list of phrases: "phrase" (existence), "if" and "needs" (requires)
    swaps: tuple  # (phrase, replacement) pairs (substitution)
    within: str  # requires: "message" or "sentence"
    bad: tuple
    good: tuple

    def all_phrases(self) -> dict[str, list[str]]:
        """Every phrase keyed ``CODE/role`` for the phrase index (a swap's role is its number)."""
        keyed = {f"{self.code}/{role}": list(phrases) for role, phrases in self.phrases.items()}
        for number, (phrase, _) in enumerate(self.swaps):
            keyed[f"{self.code}/{number}"] = [phrase]
        return keyed


def load_file(path: str, shown: str) -> list[RuleSpec]:
    """The rules of one file; ``shown`` is how messages name the file."""
    import yaml

    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except OSError as exc:
        raise PhrasebookError(f"{shown}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise PhrasebookError(f"{shown}: not UTF-8 text: {exc.reason}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise PhrasebookError(f"{shown}: invalid YAML{where}: {' '.join(str(problem).split())}") from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list) or set(data) != {"rules"}:
        raise PhrasebookError(f"{shown}: expected a mapping with one key, 'rules', holding a list of rules")
    return [_rule(entry, number, shown) for number, entry in enumerate(data["rules"], 1)]


def _rule(entry, number: int, shown: str) -> RuleSpec:
    code = entry.get("code") if isinstance(entry, dict) else None
    label = f"{shown}: rule {code}" if isinstance(code, str) else f"{shown}: rule #{number}"

    def fail(problem: str):
        raise PhrasebookError(f"{label}: {problem}")

    if not isinstance(entry, dict):
        fail("must be a mapping (code: ..., type: ..., message: ...)")
    if not isinstance(code, str) or not CODE_RE.fullmatch(code):
        fail("needs a code of capital letters and three digits, such as ACME001")
    if code.startswith("FL"):
        fail("the prefix FL belongs to followlint's own rules; give your team's rules a prefix of their own")
    kind = entry.get("type")
    if kind not in TYPES:
        fail(f"type must be one of {', '.join(TYPES)}, not {kind!r}")
    unknown = set(entry) - COMMON_KEYS - TYPES[kind]
    if unknown:
        fail(f"unknown key {sorted(unknown)[0]!r} for a {kind} rule (its keys: {', '.join(sorted(COMMON_KEYS | TYPES[kind]))})")
    text = {key: _text(entry, key, fail, required=key == "message") for key in ("message", "link", "summary", "why")}
    name = _text(entry, "name", fail) or code.lower()
    if not NAME_RE.fullmatch(name):
        fail(f"name must be kebab-case (lowercase words joined by '-'), not {name!r}")
    try:
        severity = Severity.parse(_text(entry, "severity", fail) or "warning")
    except ValueError as exc:
        fail(str(exc))
    phrases, swaps = {}, ()
    if kind == "existence":
        phrases["phrase"] = _phrases(entry, "phrases", fail)
    elif kind == "requires":
        phrases["if"] = _phrases(entry, "if", fail)
        phrases["needs"] = _phrases(entry, "needs", fail)
    else:
        swaps = _swaps(entry, fail)
    within = entry.get("within", "message")
    if within not in WITHIN:
        fail(f"within must be 'message' or 'sentence', not {within!r}")
    bad, good = _examples(entry, fail)
    return RuleSpec(shown, code, name, kind, text["message"], severity, text["link"],
                    text["summary"] or _summary(kind, phrases, swaps), text["why"], phrases, swaps, within, bad, good)


def _text(entry: dict, key: str, fail, required: bool = False) -> str:
    value = entry.get(key)
    if value is None:
        if required:
            fail(f"needs a {key}")
        return ""
    if not isinstance(value, str) or not value.strip():
        fail(f"{key} must be a non-empty string")
    return " ".join(value.split())


def _check(phrase, where: str, fail) -> str:
    if not isinstance(phrase, str):
        fail(f"{where}: {phrase!r} is not a string (quote it: YAML reads yes, no, on and off as true/false)")
    try:
        check_phrase(phrase)
    except ValueError as exc:
        fail(f"{where}: {exc}")
    return phrase


def _phrases(entry: dict, key: str, fail) -> list[str]:
    value = entry.get(key)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        fail(f"needs {key!r}: a list of phrases")
    return [_check(phrase, key, fail) for phrase in value]


def _swaps(entry: dict, fail) -> tuple:
    value = entry.get("swap")
    if not isinstance(value, dict) or not value:
        fail("needs 'swap': a mapping of phrase: preferred wording")
    for phrase, better in value.items():
        _check(phrase, "swap", fail)
        if not isinstance(better, str) or not better.strip():
            fail(f"swap: {phrase!r} needs the wording to use instead")
    return tuple(value.items())


def _examples(entry: dict, fail) -> tuple[tuple, tuple]:
    value = entry.get("examples")
    if not isinstance(value, dict) or set(value) - {"bad", "good"}:
        fail("needs examples: {bad: [...], good: [...]}, drafts the rule must flag and must leave alone")
    out = []
    for key in ("bad", "good"):
        items = value.get(key)
        if isinstance(items, str):
            items = [items]
        if not isinstance(items, list) or not items or not all(isinstance(i, str) and i.strip() for i in items):
            fail(f"examples: {key} needs at least one example text")
        out.append(tuple(items))
    return out[0], out[1]


def _summary(kind: str, phrases: dict, swaps: tuple) -> str:
    def listed(items):
        shown = ", ".join(f'"{p}"' for p in items[:3])
        return shown + (", ..." if len(items) > 3 else "")

    if kind == "existence":
        return f"The team does not write {listed(phrases['phrase'])}."
    if kind == "substitution":
        return f"The team prefers other wording for {listed([p for p, _ in swaps])}."
    return f"A message that says {listed(phrases['if'])} must also say {listed(phrases['needs'])}."
