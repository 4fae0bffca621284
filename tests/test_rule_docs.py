"""Every registered rule is documented, and its documented examples are true.

The rules come from the plugin registry, so a rule added later (built in or by an installed
plugin) is covered without touching this file: its ``bad`` examples must each draw a finding of
that rule, its ``good`` examples none.
"""
from __future__ import annotations

import json
import os
import re
from datetime import timedelta

import pytest
from typer.testing import CliRunner

from followlint import clock, plugins
from followlint.cli import app
from followlint.config import Settings
from followlint.rules.base import EXAMPLE_NOW

RULES = sorted(plugins.load(Settings()).rules.values(), key=lambda rule: rule.code)
SECTIONS = ("## What it finds", "## Why it matters", "## Example", "## Better", "## Options")
KEBAB = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def _examples():
    for rule in RULES:
        for kind in ("bad", "good"):
            for i, example in enumerate(getattr(rule, kind)):
                yield pytest.param(rule, kind, example, id=f"{rule.code}-{kind}-{i}")


def _lint_draft(tmp_path, rule, example) -> list[dict]:
    """Lint the example as a draft file, only this rule selected; return its findings."""
    (tmp_path / ".followlint.toml").write_text("", encoding="utf-8")  # no config from above
    draft = tmp_path / "example.txt"
    draft.write_text(example.text, encoding="utf-8")
    args = ["check", str(draft), "--format", "json", "--select", rule.code, "--config", str(tmp_path / ".followlint.toml"),
            "--now", example.now]
    unset = {k: None for k in os.environ if k.startswith("FOLLOWLINT_")}
    result = CliRunner().invoke(app, args, env=unset)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code in (0, 1), f"exit {result.exit_code}: {result.stderr}"
    report = json.loads(result.stdout)
    assert report["errors"] == [], report["errors"]
    return [f for f in report["findings"] if f["code"] == rule.code]


def test_there_are_rules():
    assert "FL101" in {rule.code for rule in RULES}


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_rule_identity(rule):
    assert re.fullmatch(r"[A-Z]+\d{3}", rule.code), rule.code
    assert KEBAB.fullmatch(rule.name), rule.name
    assert rule.summary.strip() and "\n" not in rule.summary.strip()


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_rule_documentation_has_every_section(rule):
    doc = rule.documentation()
    assert doc.startswith(f"{rule.code} {rule.name} ({rule.severity.label})\n")
    lines = doc.splitlines()
    positions = []
    for section in SECTIONS:
        assert section in lines, f"{rule.code} documentation lacks {section!r}"
        positions.append(lines.index(section))
    assert positions == sorted(positions), f"{rule.code}: sections out of order"
    # each section has content, not just a title
    for start, end in zip(positions, positions[1:] + [len(lines)]):
        assert any(line.strip() for line in lines[start + 1 : end]), f"{rule.code}: {lines[start]!r} is empty"
    assert rule.bad and rule.good, f"{rule.code} needs at least one bad and one good example"
    if rule.code.startswith("FL1"):  # the customer rules guess at people's meaning: say where they fail
        assert "## Known problems" in lines, f"{rule.code} documentation lacks its known problems"
        assert lines.index("## Known problems") > lines.index("## Options")
    for key, (default, description) in rule.options.items():
        assert KEBAB.fullmatch(key) and description.strip(), f"{rule.code} option {key!r}"
        assert f"- `{key}` (default `{default}`)" in doc


@pytest.mark.parametrize("rule, kind, example", list(_examples()))
def test_rule_examples_are_true(tmp_path, rule, kind, example):
    findings = _lint_draft(tmp_path, rule, example)
    if kind == "bad":
        assert findings, f"{rule.code} does not flag its own bad example:\n{example.text}"
    else:
        assert not findings, f"{rule.code} flags its own good example:\n{example.text}\n{findings}"


def test_every_example_has_a_fixed_reference_time():
    undated = [f"{rule.code}-{kind}-{i}" for rule in RULES for kind in ("bad", "good")
               for i, example in enumerate(getattr(rule, kind)) if not example.now]
    assert not undated, f"examples without a reference time (give them EXAMPLE_NOW): {undated}"
    assert EXAMPLE_NOW.startswith("2026-")


@pytest.mark.parametrize("shift_days", [-400, 400], ids=["a-year-ago", "a-year-ahead"])
def test_example_verdicts_do_not_depend_on_today(tmp_path, monkeypatch, shift_days):
    """Move "today" a year either way: every example keeps its verdict, because it is read at
    its own reference time and nothing in the pipeline reads the wall clock past --now."""
    real = clock.current_time
    monkeypatch.setattr(clock, "current_time", lambda: real() + timedelta(days=shift_days))
    wrong = []
    for param in _examples():
        rule, kind, example = param.values
        folder = tmp_path / param.id
        folder.mkdir()
        if bool(_lint_draft(folder, rule, example)) != (kind == "bad"):
            wrong.append(param.id)
    assert not wrong, f"verdicts that change when today moves {shift_days} days: {wrong}"


# Words only the project's own people understand: a rule page tells the situation itself.
PROJECT_WORDS = re.compile(r"\bstory \d|\bstories\b|\bseeds?\b|blind batch|\bfixtures?\b", re.IGNORECASE)


OWN_RULES = [rule for rule in RULES if rule.code.startswith("FL")]  # not an installed plugin's


@pytest.mark.parametrize("rule", OWN_RULES, ids=[rule.code for rule in OWN_RULES])
def test_rule_pages_are_in_the_users_words(rule, run_cli):
    code, shown, err = run_cli("rule", rule.code)
    assert code == 0, err
    page = os.path.join(os.path.dirname(__file__), "..", "docs", "rules", f"{rule.code}.md")
    for text, where in ((shown, "followlint rule"), (open(page, encoding="utf-8").read(), page)):
        assert not PROJECT_WORDS.search(text), f"{where}: {PROJECT_WORDS.search(text).group(0)!r}"
        if rule.code.startswith("FL1"):
            assert "## Known problems" in text, where
