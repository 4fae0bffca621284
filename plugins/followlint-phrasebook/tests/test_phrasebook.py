"""followlint-phrasebook, as a team uses it: YAML rule files named in the config, `followlint
check` on drafts. Needs the plugin installed (scripts/test.sh installs it)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from followlint.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"
CONFIG = '[tool.followlint.phrasebook]\nfiles = ["team-rules.yml"]\n'
HONEST = """
  - code: ACME001
    name: no-to-be-honest
    type: existence
    message: 'Drop "{match}".'
    link: https://wiki.acme.example/writing#honesty
    phrases: ["to be honest", "(honestly|frankly) speaking"]
    examples:
      bad: ["To be honest, this is the best rate we have."]
      good: ["This is the best rate we have."]
"""


def readme_rules() -> str:
    """The rule file shown in the README."""
    return re.search(r"```yaml\n(.*?)```", README.read_text(encoding="utf-8"), re.S).group(1)


def run(*args, cwd: Path):
    """followlint in this process (the installed plugin is loaded from its entry point)."""
    unset = {k: None for k in os.environ if k.startswith("FOLLOWLINT_")}
    before = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, [str(a) for a in args], env=unset)
    finally:
        os.chdir(before)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def findings(out: str) -> list[dict]:
    return json.loads(out)["findings"]


def one_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("followlint: error: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def team(tmp_path):
    """A project whose config names team-rules.yml; write(rules, draft) fills it in."""
    (tmp_path / "pyproject.toml").write_text(CONFIG, encoding="utf-8")

    def write(rules: str, draft: str = "") -> Path:
        (tmp_path / "team-rules.yml").write_text("rules:\n" + textwrap.dedent(rules), encoding="utf-8")
        (tmp_path / "draft.txt").write_text(draft, encoding="utf-8")
        return tmp_path

    return write


def test_readme_rule_file_loads_and_flags_a_draft(tmp_path):
    rules = readme_rules()
    (tmp_path / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "team-rules.yml").write_text(rules, encoding="utf-8")
    (tmp_path / "draft.txt").write_text(
        "Hi Sam,\n\nTo be honest, the lease comes to $299 a month.\n\nNo worries about Friday.\n\nPriya\n",
        encoding="utf-8")
    code, out, err = run("check", "draft.txt", "--format", "json", cwd=tmp_path)
    assert code == 1, err
    got = [(f["code"], f["line"], f["column"], f["excerpt"], f["severity"]) for f in findings(out)]
    assert got == [("ACME001", 3, 1, "To be honest", "warning"), ("ACME003", 3, 34, "$299", "error"),
                   ("ACME002", 5, 1, "No worries", "warning")]
    swap = findings(out)[2]
    assert swap["message"] == 'Write "my pleasure" rather than "No worries".'
    assert swap["suggestion"] == 'Write "my pleasure" instead.'
    assert findings(out)[0]["suggestion"] == "See https://wiki.acme.example/writing#honesty"


def test_every_example_of_the_readme_holds_through_the_real_linter(tmp_path):
    """The load-time check reads example texts directly; linting them as drafts agrees."""
    rules = readme_rules()
    (tmp_path / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "team-rules.yml").write_text(rules, encoding="utf-8")
    for rule in yaml.safe_load(rules)["rules"]:
        for kind in ("bad", "good"):
            for text in rule["examples"][kind]:
                (tmp_path / "example.txt").write_text(text, encoding="utf-8")
                code, out, err = run("check", "example.txt", "--select", rule["code"], "--format", "json", cwd=tmp_path)
                assert code in (0, 1), err
                assert bool(findings(out)) == (kind == "bad"), (rule["code"], kind, text)


def test_existence_flags_only_our_new_text(team):
    project = team(HONEST, "Hi Bob,\n\nThe rate is 4.9% until Friday.\n\nMike\n\n"
                           "On Tue, 3 Nov 2026 at 09:12, Bob <bob@example.com> wrote:\n"
                           "> To be honest, I expected a lower rate.\n")
    code, out, err = run("check", "draft.txt", "--format", "json", cwd=project)
    assert code == 0 and findings(out) == [], out + err  # the customer's quoted words are not ours
    (project / "draft.txt").write_text("Hi Bob,\n\nFrankly speaking, 4.9% is our floor.\n", encoding="utf-8")
    code, out, err = run("check", "draft.txt", "--format", "json", cwd=project)
    assert code == 1 and [f["excerpt"] for f in findings(out)] == ["Frankly speaking"]
    assert findings(out)[0]["message"] == 'Drop "Frankly speaking".'


def test_substitution_works_on_phrases_the_english_lexicon_treats_as_filler(team):
    # "no worries" and "let me know" are neutral or boilerplate to the built-in vocabulary,
    # which hides them from other phrases; a team rule still sees them.
    project = team("""
      - code: ACME002
        type: substitution
        message: 'Write "{suggestion}", not "{match}".'
        swap: {"no worries": "my pleasure", "let me know": "reply by Friday"}
        examples: {bad: ["No worries."], good: ["My pleasure."]}
    """, "Hi Ann,\n\nNo worries at all. Let me know what you decide.\n")
    code, out, err = run("check", "draft.txt", "--format", "json", cwd=project)
    assert code == 1, err
    assert [(f["excerpt"], f["message"]) for f in findings(out)] == [
        ("No worries", 'Write "my pleasure", not "No worries".'),
        ("Let me know", 'Write "reply by Friday", not "Let me know".'),
    ]


REQUIRES = """
  - code: ACME003
    type: requires
    message: "A price needs the date it holds until."
    if: ["<money> <num>"]
    needs: ["valid (until|till|through)"]
    within: {within}
    examples: {{bad: ["It is $10."], good: ["It is $10, valid until May."]}}
"""


@pytest.mark.parametrize("within, flagged", [("message", []), ("sentence", ["$299"])])
def test_requires_looks_in_the_message_or_in_the_sentence(team, within, flagged):
    project = team(REQUIRES.format(within=within),
                   "Hi Ann,\n\nThe lease is $299 a month. Insurance adds $40, valid until 1 May.\n")
    code, out, err = run("check", "draft.txt", "--format", "json", cwd=project)
    assert code == (1 if flagged else 0), out + err
    assert [f["excerpt"] for f in findings(out)] == flagged


@pytest.mark.parametrize(
    "rules, expected",
    [
        (HONEST.replace('bad: ["To be honest, this is the best rate we have."]', 'bad: ["Honest to goodness."]'),
         'rule ACME001: bad example 1 is not flagged: "Honest to goodness."'),
        (HONEST.replace('good: ["This is the best rate we have."]', 'good: ["OK", "Frankly speaking, no."]'),
         'rule ACME001: good example 2 is flagged ("Frankly speaking"): "Frankly speaking, no."'),
        (HONEST.replace("ACME001", "FL201"), "rule FL201: the prefix FL belongs to followlint"),
        (HONEST.replace("type: existence", "type: existance"), "type must be one of existence, substitution, requires"),
        (HONEST.replace("phrases:", "phrase:"), "unknown key 'phrase' for a existence rule"),
        (HONEST.replace('"to be honest"', '"(to be honest"'), "unclosed group"),
        (HONEST.replace('"to be honest"', '"honest.*$"'), "a word followlint cannot match"),
        (HONEST.replace('"to be honest"', "no"), "False is not a string (quote it"),
        (HONEST.replace("  - code: ACME001", "  - code: ACME001\n    severity: loud"), "unknown severity 'loud'"),
        (HONEST.replace("    examples:", "    x: 1\n    examples:"), "rule ACME001: unknown key 'x'"),
        (HONEST.split("    examples:")[0], "rule ACME001: needs examples: {bad: [...], good: [...]}"),
        (HONEST + HONEST.replace("no-to-be-honest", "other-name"), "'ACME001' is already used by a rule in team-rules.yml"),
        ("  - code: [oops\n", "team-rules.yml: invalid YAML (line 3)"),
    ],
    ids=["bad-example-missed", "good-example-flagged", "fl-prefix", "unknown-type", "typo-key", "bad-phrase",
         "regex-is-not-a-phrase", "yaml-boolean", "bad-severity", "unknown-key", "missing-examples", "duplicate-code", "bad-yaml"],
)
def test_a_broken_rule_file_is_one_error_naming_the_file_and_the_rule(team, rules, expected):
    project = team(rules, "Hi,\n\nFine.\n")
    code, out, err = run("check", "draft.txt", cwd=project)
    assert code == 2 and out == ""
    line = one_error(err)
    assert "'phrasebook'" in line and "team-rules.yml" in line and expected in line, line


def test_a_code_taken_by_another_loaded_plugin_is_an_error(team):
    project = team(HONEST.replace("ACME001", "LOC001"), "Hi,\n\nFine.\n")
    (project / "local").mkdir()
    (project / "local" / "mine.py").write_text(textwrap.dedent("""
        import followlint
        from followlint.rules.base import Rule

        class Mine(Rule):
            code, name, summary, what, why = "LOC001", "mine", "Mine.", "Mine.", "Mine."
            def check(self, conversation, ctx):
                return []

        @followlint.hookimpl
        def followlint_add_rules():
            return [Mine]
    """), encoding="utf-8")
    code, _, err = run("check", "draft.txt", "--plugins-dir", "local", cwd=project)
    line = one_error(err)
    assert code == 2 and "LOC001" in line and "'phrasebook'" in line and "'mine'" in line


def test_a_missing_rule_file_is_one_error(tmp_path):
    (tmp_path / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "draft.txt").write_text("Hi\n", encoding="utf-8")
    code, _, err = run("check", "draft.txt", cwd=tmp_path)
    assert code == 2 and "team-rules.yml: cannot read: No such file" in one_error(err)


def test_a_misspelt_table_is_an_error_and_turning_the_plugin_off_silences_it(team):
    project = team(HONEST, "To be honest, fine.\n")
    (project / "pyproject.toml").write_text(CONFIG.replace("phrasebook", "phrasbook"), encoding="utf-8")
    code, _, err = run("check", "draft.txt", cwd=project)
    assert code == 2 and "unknown key 'phrasbook'" in one_error(err)
    (project / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    code, out, err = run("check", "draft.txt", "--format", "json", "-p", "no:phrasebook", cwd=project)
    assert code == 0 and findings(out) == [], out + err


def test_rules_are_listed_documented_and_selectable(team):
    project = team(HONEST, "Hi,\n\nTo be honest, we are fully booked. Please don't hesitate to reach out.\n")
    code, out, _ = run("rules", cwd=project)
    assert code == 0
    assert re.search(r"^ACME001  no-to-be-honest +warning +The team does not write \"to be honest\"", out, re.M), out
    code, out, _ = run("rule", "ACME001", cwd=project)
    assert code == 0 and out.startswith("ACME001 no-to-be-honest (warning)\n")
    for part in ('"to be honest" or "(honestly|frankly) speaking"', "See https://wiki.acme.example/writing#honesty",
                 "## Example\n\n```\nTo be honest, this is the best rate we have.\n```"):
        assert part in out, out
    code, out, _ = run("plugins", cwd=project)
    assert "phrasebook 0.1.0 (entry point of followlint-phrasebook)\n    rules: ACME001\n" in out
    code, out, _ = run("check", "draft.txt", "--format", "json", "--ignore", "ACME", cwd=project)
    assert "ACME001" not in {f["code"] for f in findings(out)}
    (project / "pyproject.toml").write_text(CONFIG + '[tool.followlint.severity]\nACME001 = "error"\n', encoding="utf-8")
    code, out, _ = run("check", "draft.txt", "--format", "json", "--select", "ACME001", cwd=project)
    assert [(f["code"], f["severity"]) for f in findings(out)] == [("ACME001", "error")]


def test_worker_processes_load_the_rule_files_too(team):
    project = team(HONEST, "To be honest, fine.\n")
    (project / "second.txt").write_text("Frankly speaking, fine.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOLLOWLINT_")}
    proc = subprocess.run([sys.executable, "-m", "followlint", "check", "draft.txt", "second.txt", "--jobs", "2",
                           "--format", "json", "--select", "ACME"], capture_output=True, text=True, cwd=project,
                          env=env, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert sorted(f["excerpt"] for f in findings(proc.stdout)) == ["Frankly speaking", "To be honest"]
