"""Rule selection in one place: selectors (ALL, codes, prefixes, names), select/ignore, the
severity table and per-file-ignores mean the same to the engine, to FL001 and to the command
line, whatever folder followlint runs from and however the path is given."""
from __future__ import annotations

import re

import pytest

from conftest import CHECKIN_DRAFT
from followlint import plugins
from followlint.config import Settings
from followlint.model import Finding, Severity, UsageError
from followlint.selection import FindingFilter, PerFileIgnores, check_rule_tables, names, select_rules
from followlint.suppress import SuppressionUse

FINDING_LINE = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+):\d+: (?P<code>FL\d{3}) \[(?P<sev>\w+)\] (?P<message>.*)$", re.M)
DIRECTIVE = "<!-- followlint: disable=FL101 -- reviewed with the team lead -->"


@pytest.fixture(scope="module")
def rules():
    return list(plugins.load(Settings()).rules.values())


def _finding(path="drafts/checkin.txt", code="FL101", name="no-value-reason") -> Finding:
    return Finding(code=code, name=name, severity=Severity.WARNING, message="m", path=path,
                   line=3, column=1, end_line=3, end_column=2, excerpt="x")


# -- in process ------------------------------------------------------------------------------


@pytest.mark.parametrize("selector, expected", [
    ("ALL", True), ("FL101", True), ("FL1", True), ("FL", True), ("no-value-reason", True),
    ("FL102", False), ("FL11", False), ("no-value", False), ("fl101", False),
])
def test_what_a_selector_names(selector, expected):
    assert names(selector, "FL101", "no-value-reason") is expected


def test_select_extend_select_and_ignore(rules):
    def chosen(**kwargs):
        return [r.code for r in select_rules(rules, Settings(**kwargs))]

    assert chosen() == sorted(r.code for r in rules)
    assert chosen(select=["FL10"]) == [f"FL10{n}" for n in range(1, 10)]
    assert chosen(select=["FL101"], extend_select=["defensive-tone"]) == ["FL101", "FL110"]
    assert chosen(select=["FL1"], ignore=["FL10", "FL110"]) == []
    with pytest.raises(UsageError, match="unknown rule selector 'FL999'"):
        chosen(ignore=["FL999"])


def test_rule_tables_take_whole_codes_or_names_and_per_file_ignores_take_any_selector(rules):
    check_rule_tables(Settings(severity={"FL101": Severity.ERROR, "defensive-tone": Severity.INFO},
                               per_file_ignores={"*.txt": ["ALL", "FL1", "no-value-reason"]}), rules)
    with pytest.raises(UsageError, match="unknown rule 'FL1' in 'severity'"):
        check_rule_tables(Settings(severity={"FL1": Severity.ERROR}), rules)
    with pytest.raises(UsageError, match="unknown rule 'FL9' in 'per-file-ignores' for '\\*.txt'"):
        check_rule_tables(Settings(per_file_ignores={"*.txt": ["FL9"]}), rules)


def test_severity_is_a_step_that_returns_the_finding_with_its_new_severity():
    original = _finding()
    changed = FindingFilter(Settings(severity={"no-value-reason": Severity.ERROR})).with_severity(original)
    assert (changed.severity, original.severity) == (Severity.ERROR, Severity.WARNING)
    assert FindingFilter(Settings()).with_severity(original) is original


@pytest.mark.parametrize("glob, selectors, path, ignored", [
    ("drafts/*.txt", ["ALL"], "drafts/checkin.txt", True),
    ("./drafts/*.txt", ["FL1"], "drafts/checkin.txt", True),
    ("drafts\\*.txt", ["no-value-reason"], "drafts/checkin.txt", True),
    ("checkin.txt", ["FL101"], "drafts/checkin.txt", True),  # a file name matches in any folder
    ("drafts/*.txt", ["FL102"], "drafts/checkin.txt", False),
    ("letters/*", ["ALL"], "drafts/checkin.txt", False),
])
def test_per_file_ignores_globs_and_selectors(tmp_path, glob, selectors, path, ignored):
    config = tmp_path / "followlint.toml"
    settings = Settings(per_file_ignores={glob: selectors}, config_file=str(config))
    absolute = str(tmp_path / path)
    assert PerFileIgnores(settings).ignores(_finding(absolute)) is ignored
    kept = FindingFilter(settings).keep(_finding(absolute), (), SuppressionUse())
    assert (kept is None) is ignored


# -- the command line ------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path):
    """project/drafts/checkin.txt: a check-in under an inline suppression of FL101."""
    root = tmp_path / "project"
    (root / "drafts").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    body = CHECKIN_DRAFT.split("\n", 2)
    (root / "drafts" / "checkin.txt").write_text(f"{body[0]}\n{DIRECTIVE}\n{body[2]}", encoding="utf-8")
    return root


# (folder run from, path given); "ABS" is the draft's absolute path, run from another folder.
PLACES = [("", "."), ("", "drafts/checkin.txt"), ("", "./drafts"), ("drafts", "checkin.txt"), ("drafts", "."),
          ("../elsewhere", "ABS")]


def _run_everywhere(run_cli, project, *args):
    outcomes = set()
    for folder, target in PLACES:
        if target == "ABS":
            target = str(project / "drafts" / "checkin.txt")
        code, out, err = run_cli("check", target, *args, cwd=(project / folder).resolve())
        assert "error" not in err, err
        outcomes.add((code, tuple((m["code"], m["line"], m["sev"], m["message"]) for m in FINDING_LINE.finditer(out))))
    assert len(outcomes) == 1, outcomes  # the same verdict wherever it runs from
    return outcomes.pop()


def test_directive_for_a_finding_per_file_ignores_drops_is_unused_wherever_followlint_runs(run_cli, project):
    # per-file-ignores comes before inline suppressions: the FL101 finding never reaches the
    # directive, which FL001 then reports as suppressing nothing.
    (project / "pyproject.toml").write_text('[tool.followlint.per-file-ignores]\n"drafts/*.txt" = ["FL101"]\n')
    assert _run_everywhere(run_cli, project) == (
        1, (("FL001", "2", "warning", "Unused suppression: no FL101 finding after line 2 to suppress"),))


def test_per_file_ignores_all_drops_every_rule_wherever_followlint_runs(run_cli, project):
    (project / "pyproject.toml").write_text('[tool.followlint.per-file-ignores]\n"drafts/*.txt" = ["ALL"]\n')
    assert _run_everywhere(run_cli, project) == (0, ())


def test_fl001_findings_go_through_the_same_filter(run_cli, project):
    (project / "pyproject.toml").write_text(
        '[tool.followlint]\nseverity = {unused-suppression = "error"}\n'
        '[tool.followlint.per-file-ignores]\n"drafts/*.txt" = ["no-value-reason"]\n')
    assert _run_everywhere(run_cli, project) == (
        1, (("FL001", "2", "error", "Unused suppression: no FL101 finding after line 2 to suppress"),))
    (project / "pyproject.toml").write_text('[tool.followlint.per-file-ignores]\n"drafts/*.txt" = ["FL101", "FL001"]\n')
    assert _run_everywhere(run_cli, project) == (0, ())


def test_without_per_file_ignores_the_directive_suppresses_and_is_used(run_cli, project):
    (project / "pyproject.toml").write_text('[tool.followlint.per-file-ignores]\n"letters/*" = ["ALL"]\n')
    assert _run_everywhere(run_cli, project) == (0, ())
