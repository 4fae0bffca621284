"""Configuration: where it is found, what it may say, and what a bad value does."""
from __future__ import annotations

import json
import re

import pytest

from conftest import CHECKIN_DRAFT

FINDING = re.compile(r"^(?P<path>.+):\d+:\d+: (?P<code>FL\d{3}) \[(?P<sev>\w+)\]", re.M)

# A check-in followed by a sentence with something to say: not flagged by default; flagged when
# FL101's short-sentence-words makes every sentence "too short to count as content".
CHECKIN_WITH_CONTENT = ("Hi Sam,\n\nJust checking in. Our team spent the conference week in Lisbon comparing "
                        "rollout plans with other customers.\n\nPriya\n")


@pytest.fixture
def project(tmp_path):
    """A project folder with drafts/checkin.txt; tests add the config file."""
    root = tmp_path / "project"
    (root / "drafts").mkdir(parents=True)
    (root / "drafts" / "checkin.txt").write_text(CHECKIN_DRAFT)
    return root


def findings(out: str) -> list[tuple[str, str, str]]:
    return [(m["path"], m["code"], m["sev"]) for m in FINDING.finditer(out)]


def one_error_line(err: str) -> str:
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    return lines[0]


# -- discovery -------------------------------------------------------------------------------


@pytest.mark.parametrize("name, body", [
    ("pyproject.toml", '[project]\nname = "templates"\n\n[tool.followlint]\nignore = ["FL101"]\n'),
    ("followlint.toml", 'ignore = ["FL101"]\n'),
    (".followlint.toml", 'ignore = ["FL101"]\n'),
])
def test_config_files_are_found_upward_from_the_first_path(run_cli, project, name, body):
    (project / name).write_text(body)
    code, out, err = run_cli("check", "drafts/checkin.txt", cwd=project)
    assert code == 0, out + err
    code, out, err = run_cli("check", "project/drafts/checkin.txt", cwd=project.parent)
    assert code == 0, out + err  # found from the path, not from the current folder


def test_config_found_from_first_path_not_cwd(run_cli, project, tmp_path):
    (project / "followlint.toml").write_text('ignore = ["FL101"]\n')
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code, _, _ = run_cli("check", str(project / "drafts" / "checkin.txt"), cwd=elsewhere)
    assert code == 0


def test_pyproject_without_our_section_is_skipped(run_cli, project, tmp_path):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (tmp_path / "followlint.toml").write_text('ignore = ["FL101"]\n')  # one level up
    code, out, err = run_cli("check", "project/drafts/checkin.txt")
    assert code == 0, out + err


def test_nearest_config_wins(run_cli, project):
    (project / "followlint.toml").write_text('ignore = ["FL101"]\n')
    (project / "drafts" / ".followlint.toml").write_text('fail-on = "warning"\n')
    code, out, _ = run_cli("check", "drafts/checkin.txt", cwd=project)
    assert code == 1  # the drafts/ config does not ignore FL101


def test_explicit_config_file(run_cli, project, tmp_path):
    (tmp_path / "team.toml").write_text('ignore = ["no-value-reason"]\n')
    code, _, _ = run_cli("check", "--config", str(tmp_path / "team.toml"), "drafts/checkin.txt", cwd=project)
    assert code == 0


def test_explicit_config_file_with_pyproject_style_section(run_cli, project, tmp_path):
    (tmp_path / "shared.toml").write_text('[tool.followlint]\nignore = ["FL101"]\n')
    code, out, err = run_cli("check", "--config", str(tmp_path / "shared.toml"), "drafts/checkin.txt", cwd=project)
    assert code == 0, out + err


def test_missing_explicit_config_is_usage_error(run_cli, project):
    code, _, err = run_cli("check", "--config", "nope.toml", "drafts/checkin.txt", cwd=project)
    assert code == 2
    assert "nope.toml" in one_error_line(err)


def test_config_for_stdin_found_from_stdin_filename(run_cli, project):
    (project / "followlint.toml").write_text('ignore = ["FL101"]\n')
    code, out, err = run_cli("check", "-", "--stdin-filename", str(project / "drafts" / "new.txt"), input=CHECKIN_DRAFT)
    assert code == 0, out + err


# -- bad config ------------------------------------------------------------------------------


def test_unknown_key_names_file_and_key(run_cli, project):
    (project / "pyproject.toml").write_text('[tool.followlint]\nselekt = ["FL1"]\n')
    code, out, err = run_cli("check", "drafts/checkin.txt", cwd=project)
    assert code == 2
    line = one_error_line(err)
    assert "pyproject.toml" in line and "selekt" in line
    assert out == ""


@pytest.mark.parametrize("body, words", [
    ('select = "FL1"\nignore = 3\n', ["ignore"]),
    ("reps = [1, 2]\n", ["reps"]),
    ('reps = ["acme.example"]\n', ["followlint.toml", "reps", "acme.example"]),
    ("fail-on = 2\n", ["fail-on"]),
    ('fail-on = "sometimes"\n', ["fail-on", "sometimes"]),
    ('per-file-ignores = "x"\n', ["per-file-ignores"]),
    ("severity = 3\n", ["severity"]),
    ('[severity]\nFL101 = "fatal"\n', ["FL101", "fatal"]),
    ('[severity]\nFL101 = 1\n', ["FL101"]),
    ('[severity]\nFL999 = "error"\n', ["FL999"]),
    ('rules = {FL101 = 5}\n', ["rules"]),
    ('[rules.FL101]\nno-such-option = 3\n', ["no-such-option", "FL101"]),
    ('[rules.FL101]\nshort-sentence-words = "many"\n', ["short-sentence-words"]),
    ('[rules.FL999]\nshort-sentence-words = 3\n', ["FL999"]),
    ('[per-file-ignores]\n"*.txt" = ["FL9999"]\n', ["FL9999"]),
    ('select = ["FL999"]\n', ["FL999"]),
    ('default-timezone = "Mars/Olympus_Mons"\n', ["Mars/Olympus_Mons"]),
    ('now = "the day after tomorrow-ish"\n', ["now"]),
    ("this is not toml\n", ["TOML"]),
])
def test_bad_config_values_exit_2_with_one_line(run_cli, project, body, words):
    (project / "followlint.toml").write_text(body)
    code, out, err = run_cli("check", "drafts/checkin.txt", cwd=project)
    assert code == 2, out + err
    line = one_error_line(err)
    for word in words:
        assert word in line
    assert out == ""


def test_broken_pyproject_with_our_section_is_an_error_not_ignored(run_cli, project):
    (project / "pyproject.toml").write_text('[tool.followlint\nignore = ["FL101"]\n')
    code, _, err = run_cli("check", "drafts/checkin.txt", cwd=project)
    assert code == 2
    assert "pyproject.toml" in one_error_line(err)


def test_bad_config_for_rules_command_is_one_line(run_cli, project):
    (project / "followlint.toml").write_text("bogus = 1\n")
    code, _, err = run_cli("rules", cwd=project)
    assert code == 2
    assert "bogus" in one_error_line(err)


# -- --show-settings -------------------------------------------------------------------------


def test_show_settings_prints_the_resolved_settings(run_cli, project):
    (project / "pyproject.toml").write_text(
        '[tool.followlint]\nignore = ["FL110"]\nreps = ["@acme.example"]\nfail-on = "error"\n'
        '[tool.followlint.severity]\nFL101 = "error"\n'
        '[tool.followlint.rules.FL101]\nshort-sentence-words = 5\n'
        '[tool.followlint.per-file-ignores]\n"newsletters/*" = ["FL101"]\n'
    )
    code, out, err = run_cli("check", "--show-settings", "--extend-select", "FL1", "drafts/checkin.txt", cwd=project)
    assert code == 0, err
    settings = json.loads(out)
    assert settings["config-file"].endswith("pyproject.toml")
    assert settings["ignore"] == ["FL110"]
    assert settings["extend-select"] == ["FL1"]
    assert settings["reps"] == ["@acme.example"]
    assert settings["fail-on"] == "error"
    assert settings["severity"] == {"FL101": "error"}
    assert settings["rules"] == {"FL101": {"short-sentence-words": 5}}
    assert settings["per-file-ignores"] == {"newsletters/*": ["FL101"]}


def test_show_settings_without_config(run_cli, tmp_path):
    code, out, _ = run_cli("check", "--show-settings")
    assert code == 0
    settings = json.loads(out)
    assert settings["select"] == ["ALL"]
    assert settings["fail-on"] == "warning"


def test_command_line_overrides_config(run_cli, project):
    (project / "followlint.toml").write_text('fail-on = "error"\n')
    code, _, _ = run_cli("check", "drafts/checkin.txt", cwd=project)
    assert code == 0
    code, _, _ = run_cli("check", "--fail-on", "warning", "drafts/checkin.txt", cwd=project)
    assert code == 1


# -- what the settings do --------------------------------------------------------------------


def test_severity_override_makes_fail_on_error_fail(run_cli, project):
    code, _, _ = run_cli("check", "--fail-on", "error", "drafts/checkin.txt", cwd=project)
    assert code == 0
    (project / "pyproject.toml").write_text('[tool.followlint.severity]\nFL101 = "error"\n')
    code, out, _ = run_cli("check", "--fail-on", "error", "drafts/checkin.txt", cwd=project)
    assert code == 1
    assert findings(out) == [("drafts/checkin.txt", "FL101", "error")]


def test_severity_override_by_name_and_to_info(run_cli, project):
    (project / "followlint.toml").write_text('[severity]\nno-value-reason = "info"\n')
    code, out, _ = run_cli("check", "drafts/checkin.txt", cwd=project)
    assert code == 0  # an info finding is below the default fail-on
    assert findings(out) == [("drafts/checkin.txt", "FL101", "info")]
    code, out, _ = run_cli("check", "--format", "json", "--fail-on", "info", "drafts/checkin.txt", cwd=project)
    assert code == 1
    assert json.loads(out)["findings"][0]["severity"] == "info"


def test_select_and_ignore_in_config(run_cli, project):
    (project / "followlint.toml").write_text('select = ["FL1"]\nignore = ["no-value-reason"]\n')
    code, out, err = run_cli("check", "drafts/checkin.txt", cwd=project)
    assert code == 0, out + err
    code, out, err = run_cli("check", "--select", "FL101,FL102", "drafts/checkin.txt", cwd=project)
    assert code == 0, out + err  # ignore from config still applies
    code, out, err = run_cli("check", "--select", "FL101", "drafts/checkin.txt", cwd=project)
    assert code == 2  # nothing left to run is a usage error
    assert "no rules" in one_error_line(err)


@pytest.mark.parametrize("pattern", ["drafts/*", "drafts/*.txt", "checkin.txt", "*.txt"])
def test_per_file_ignores(run_cli, project, pattern):
    (project / "drafts" / "other.md").write_text(CHECKIN_DRAFT)
    (project / "pyproject.toml").write_text(f'[tool.followlint.per-file-ignores]\n"{pattern}" = ["FL101"]\n')
    code, out, _ = run_cli("check", "drafts", cwd=project)
    paths = [p for p, _, _ in findings(out)]
    assert "drafts/checkin.txt" not in paths
    if pattern in ("drafts/*.txt", "checkin.txt", "*.txt"):
        assert paths == ["drafts/other.md"]


@pytest.mark.parametrize("cwd_part, target, letters_too", [
    ("", ".", True),
    ("", "./drafts", False),
    ("drafts", "checkin.txt", False),
    ("drafts", ".", False),
    ("drafts", "..", True),
    ("", "ABS", True),
])
def test_per_file_ignores_are_relative_to_the_config_folder(run_cli, project, cwd_part, target, letters_too):
    (project / "pyproject.toml").write_text('[tool.followlint.per-file-ignores]\n"drafts/*.txt" = ["no-value-reason"]\n')
    (project / "letters").mkdir()
    (project / "letters" / "checkin.txt").write_text(CHECKIN_DRAFT)  # not covered by the glob
    if target == "ABS":
        target = str(project)
    cwd = project / cwd_part
    code, out, err = run_cli("check", target, cwd=cwd)
    flagged = {(cwd / p).resolve() for p, _, _ in findings(out)}
    assert (project / "drafts" / "checkin.txt").resolve() not in flagged, out
    assert flagged == ({(project / "letters" / "checkin.txt").resolve()} if letters_too else set()), out + err
    assert code == (1 if letters_too else 0)


def test_rule_options_change_what_is_flagged(run_cli, project):
    (project / "drafts" / "topic.txt").write_text(CHECKIN_WITH_CONTENT)
    code, out, err = run_cli("check", "drafts/topic.txt", cwd=project)
    assert code == 0, out + err
    (project / "pyproject.toml").write_text('[tool.followlint.rules.FL101]\nshort-sentence-words = 100\n')
    code, out, err = run_cli("check", "drafts/topic.txt", cwd=project)
    assert code == 1, out + err
    assert findings(out) == [("drafts/topic.txt", "FL101", "warning")]


def test_rule_options_by_rule_name(run_cli, project):
    (project / "drafts" / "topic.txt").write_text(CHECKIN_WITH_CONTENT)
    (project / "followlint.toml").write_text('[rules.no-value-reason]\nshort-sentence-words = 100\n')
    code, out, err = run_cli("check", "drafts/topic.txt", cwd=project)
    assert code == 1, out + err


def test_exclude_skips_folders_when_walking(run_cli, project):
    (project / "drafts" / "archive").mkdir()
    (project / "drafts" / "archive" / "old.txt").write_text(CHECKIN_DRAFT)
    (project / "followlint.toml").write_text('exclude = ["archive"]\n')
    code, out, _ = run_cli("check", ".", cwd=project)
    assert [p for p, _, _ in findings(out)] == ["drafts/checkin.txt"]


def test_format_and_fail_on_from_config(run_cli, project):
    (project / "followlint.toml").write_text('format = "json"\nfail-on = "info"\n')
    code, out, _ = run_cli("check", "drafts/checkin.txt", cwd=project)
    assert code == 1
    assert json.loads(out)["summary"]["findings"] == 1
