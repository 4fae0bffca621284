"""The baseline: `check --baseline FILE` reports only findings not recorded in FILE,
`--update-baseline` records them, and findings that are gone are counted so the file shrinks."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import CHECKIN_DRAFT, CLEAN_DRAFT

BASELINE = ".followlint-baseline.json"
FINDING_LINE = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+):\d+: (?P<code>FL\d{3}) ", re.M)
PROMISE_DRAFT = "Hi Sam,\n\nSorry about the missed delivery. I guarantee this will never happen again.\n\nLee\n"
STALE = re.compile(r"^followlint: baseline: (\d+) entr(?:y|ies) no longer match(?:es)? \(run with --update-baseline to drop (?:it|them)\)$", re.M)


@pytest.fixture
def project(tmp_path):
    """A folder of drafts with its own (empty) config: two findings, one clean draft."""
    (tmp_path / ".followlint.toml").write_text("", encoding="utf-8")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "checkin.txt").write_text(CHECKIN_DRAFT, encoding="utf-8")
    (drafts / "promise.txt").write_text(PROMISE_DRAFT, encoding="utf-8")
    (drafts / "clean.txt").write_text(CLEAN_DRAFT, encoding="utf-8")
    return tmp_path


def flagged(out: str) -> list[tuple[str, int, str]]:
    return [(m["path"], int(m["line"]), m["code"]) for m in FINDING_LINE.finditer(out)]


def record(run_cli, *paths: str) -> None:
    code, out, err = run_cli("check", *(paths or ("drafts",)), "--baseline", BASELINE, "--update-baseline")
    assert code == 0, out + err


def test_recorded_findings_are_not_reported_again(run_cli, project):
    code, out, err = run_cli("check", "drafts", "--baseline", BASELINE, "--update-baseline")
    assert code == 0, out + err
    assert flagged(out) == []
    assert "wrote 2 findings to .followlint-baseline.json" in err

    data = json.loads((project / BASELINE).read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [(e["path"], e["code"], e["count"]) for e in data["findings"]] == [
        ("drafts/checkin.txt", "FL101", 1), ("drafts/promise.txt", "FL106", 1)]
    assert all(e["fingerprint"] and e["excerpt"] for e in data["findings"])
    assert all("line" not in e for e in data["findings"]), "a line number would break on the first edit above"

    code, out, err = run_cli("check", "drafts", "--baseline", BASELINE)
    assert (code, flagged(out), err) == (0, [], "")


def test_rewriting_an_unchanged_baseline_gives_the_same_bytes(run_cli, project):
    record(run_cli)
    first = (project / BASELINE).read_bytes()
    record(run_cli)
    assert (project / BASELINE).read_bytes() == first


def test_only_the_new_finding_is_reported(run_cli, project):
    record(run_cli)
    (project / "drafts" / "clean.txt").write_text(CHECKIN_DRAFT.replace("Sam", "Dana"), encoding="utf-8")
    code, out, err = run_cli("check", "drafts", "--baseline", BASELINE)
    assert code == 1, out + err
    assert [(path, rule) for path, _, rule in flagged(out)] == [("drafts/clean.txt", "FL101")]


def test_lines_inserted_above_a_recorded_finding_still_match(run_cli, project):
    record(run_cli)
    draft = project / "drafts" / "checkin.txt"
    draft.write_text("Subject: Your order\n\n\n" + CHECKIN_DRAFT.replace("Hi Sam,\n", "Hi Sam,\n\nHope the week went well.\n"),
                     encoding="utf-8")
    code, out, _ = run_cli("check", "drafts")
    assert ("drafts/checkin.txt", 8, "FL101") in flagged(out)  # it moved from line 3 to line 8
    code, out, err = run_cli("check", "drafts", "--baseline", BASELINE)
    assert (code, flagged(out)) == (0, []), out + err


def test_edits_elsewhere_in_the_file_still_match(run_cli, project):
    record(run_cli)
    draft = project / "drafts" / "promise.txt"
    draft.write_text(PROMISE_DRAFT.replace("Hi Sam,", "Dear Samantha,").replace("Lee\n", "Lee Jordan\nAccount manager\n"),
                     encoding="utf-8")
    code, out, err = run_cli("check", "drafts", "--baseline", BASELINE)
    assert (code, flagged(out)) == (0, []), out + err


def test_a_rewritten_sentence_is_a_new_finding(run_cli, project):
    record(run_cli)
    draft = project / "drafts" / "promise.txt"
    draft.write_text(PROMISE_DRAFT.replace("happen again.", "happen again with the new courier."), encoding="utf-8")
    code, out, err = run_cli("check", "drafts", "--baseline", BASELINE)
    assert code == 1
    assert flagged(out) == [("drafts/promise.txt", 3, "FL106")]
    assert STALE.search(err)[1] == "1"  # and the old wording's entry is gone


def _sent_mailbox(*recipients: str) -> str:
    """The same check-in sent to several customers: identical findings in one file."""
    out = []
    for n, to in enumerate(recipients, start=1):
        out.append(f"From priya@acme.example Mon Nov  2 10:0{n}:00 2026\nFrom: Priya <priya@acme.example>\nTo: {to}\n"
                   f"Subject: Your account {n}\nDate: Mon, 2 Nov 2026 10:0{n}:00 +0000\nMessage-ID: <m{n}@acme.example>\n\n"
                   "Hi,\n\nJust checking in to see how things are going. Let me know if you need anything.\n\nPriya\n\n")
    return "".join(out)


def test_identical_findings_are_counted(run_cli, project):
    mailbox = project / "sent.mbox"
    mailbox.write_text(_sent_mailbox("sam@x.example", "dana@y.example"), encoding="utf-8")
    record(run_cli, "sent.mbox", "--rep", "@acme.example")
    [entry] = json.loads((project / BASELINE).read_text(encoding="utf-8"))["findings"]
    assert (entry["path"], entry["code"], entry["count"]) == ("sent.mbox", "FL101", 2)

    mailbox.write_text(_sent_mailbox("sam@x.example", "dana@y.example", "lee@z.example"), encoding="utf-8")
    code, out, _ = run_cli("check", "sent.mbox", "--rep", "@acme.example", "--baseline", BASELINE)
    assert code == 1
    assert len(flagged(out)) == 1  # two absorbed by the count, the third is new


def test_fixed_findings_are_counted_as_stale_then_dropped(run_cli, project):
    record(run_cli)
    (project / "drafts" / "checkin.txt").write_text(CLEAN_DRAFT, encoding="utf-8")
    code, out, err = run_cli("check", "drafts", "--baseline", BASELINE, "--format", "json")
    assert code == 0, err
    assert STALE.search(err)[1] == "1", err
    assert json.loads(out)["baseline"] == {"file": BASELINE, "matched": 1, "new": 0, "stale": 1}

    record(run_cli)
    data = json.loads((project / BASELINE).read_text(encoding="utf-8"))
    assert [e["path"] for e in data["findings"]] == ["drafts/promise.txt"]
    code, _, err = run_cli("check", "drafts", "--baseline", BASELINE)
    assert code == 0 and not STALE.search(err), err


def test_entries_of_files_and_rules_not_checked_are_not_stale(run_cli, project):
    record(run_cli)
    # One file (as pre-commit passes only the changed ones), then one rule: nothing is stale.
    code, out, err = run_cli("check", "drafts/promise.txt", "--baseline", BASELINE)
    assert (code, flagged(out)) == (0, []) and not STALE.search(err), err
    code, out, err = run_cli("check", "drafts", "--select", "FL106", "--baseline", BASELINE)
    assert (code, flagged(out)) == (0, []) and not STALE.search(err), err
    # Updating from one file keeps the other file's entry.
    record(run_cli, "drafts/promise.txt")
    data = json.loads((project / BASELINE).read_text(encoding="utf-8"))
    assert [e["path"] for e in data["findings"]] == ["drafts/checkin.txt", "drafts/promise.txt"]


def test_baseline_works_from_another_folder_and_with_absolute_paths(run_cli, project):
    record(run_cli)
    code, out, err = run_cli("check", ".", "--baseline", "../" + BASELINE, cwd=project / "drafts")
    assert (code, flagged(out)) == (0, []), out + err
    code, out, err = run_cli("check", str(project / "drafts"), "--baseline", str(project / BASELINE), cwd=project.parent)
    assert (code, flagged(out)) == (0, []), out + err


def test_stdin_draft_is_matched_by_its_name(run_cli, project):
    code, _, err = run_cli("check", "-", "--stdin-filename", "drafts/draft.txt", "--baseline", BASELINE,
                           "--update-baseline", input=CHECKIN_DRAFT)
    assert code == 0, err
    code, out, err = run_cli("check", "-", "--stdin-filename", "drafts/draft.txt", "--baseline", BASELINE,
                             input=CHECKIN_DRAFT)
    assert (code, flagged(out)) == (0, []), out + err


# -- every output format reports what remains ----------------------------------------------


@pytest.fixture
def one_new_finding(run_cli, project):
    """checkin.txt and promise.txt are baselined; clean.txt gains a new FL101 finding."""
    record(run_cli)
    (project / "drafts" / "clean.txt").write_text(CHECKIN_DRAFT.replace("Sam", "Dana"), encoding="utf-8")
    return project


def _paths_json(out):
    return [f["path"] for f in json.loads(out)["findings"]]


def _paths_sarif(out):
    results = json.loads(out)["runs"][0]["results"]
    return [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]


def _paths_github(out):
    return re.findall(r"^::\w+ file=([^,]+),", out, re.M)


def _paths_junit(out):
    return [case.get("name") for case in ET.fromstring(out).iter("testcase") if case.find("failure") is not None]


def _paths_text(out):
    return [path for path, _, _ in flagged(out)]


@pytest.mark.parametrize("fmt, paths", [
    ("json", _paths_json), ("sarif", _paths_sarif), ("github", _paths_github), ("junit", _paths_junit), ("text", _paths_text),
])
def test_every_format_reports_only_new_findings(run_cli, one_new_finding, fmt, paths):
    code, out, err = run_cli("check", "drafts", "--format", fmt, "--baseline", BASELINE)
    assert code == 1, err
    assert paths(out) == ["drafts/clean.txt"], out


# -- bad baselines ------------------------------------------------------------------------


@pytest.mark.parametrize("content, says", [
    (None, "does not exist"),
    ("{ not json", "is not valid JSON"),
    ("[]", "is not a followlint baseline"),
    ('{"version": 7, "findings": []}', "version"),
    ('{"version": 1, "findings": [{"path": "a.txt"}]}', "fingerprint"),
])
def test_missing_or_broken_baseline_is_one_line_and_exit_2(run_cli, project, content, says):
    if content is not None:
        (project / BASELINE).write_text(content, encoding="utf-8")
    code, out, err = run_cli("check", "drafts", "--baseline", BASELINE)
    assert code == 2
    assert out == ""
    [line] = err.splitlines()
    assert line.startswith(f"followlint: error: baseline {BASELINE} ") and says in line, line


def test_broken_baseline_is_not_overwritten_by_update(run_cli, project):
    (project / BASELINE).write_text("{ not json", encoding="utf-8")
    code, _, err = run_cli("check", "drafts", "--baseline", BASELINE, "--update-baseline")
    assert code == 2 and "not valid JSON" in err
    assert (project / BASELINE).read_text(encoding="utf-8") == "{ not json"


def test_update_baseline_needs_a_file(run_cli, project):
    code, _, err = run_cli("check", "drafts", "--update-baseline")
    assert code == 2
    assert err.strip() == "followlint: error: --update-baseline needs --baseline FILE (the file to write)"


def test_help_describes_the_baseline_options(run_cli):
    code, out, _ = run_cli("check", "--help", env={"COLUMNS": "200"})
    assert code == 0
    assert "--baseline" in out and "--update-baseline" in out and "baseline" in out.lower()


# -- pre-commit ---------------------------------------------------------------------------


def test_pre_commit_hook_with_a_baseline(tmp_path):
    """A real pre-commit run on a template repo that adopts followlint with a baseline."""
    import subprocess
    import sys

    from test_precommit import BAD_TEMPLATE, FIXED_TEMPLATE, _git, _pre_commit_command, _run, _template_repo, working_tree_commit

    pre_commit = _pre_commit_command()
    repo = _template_repo(tmp_path / "templates-repo", working_tree_commit(tmp_path))
    config = repo / ".pre-commit-config.yaml"
    config.write_text(config.read_text(encoding="utf-8") + f"        args: [--baseline, {BASELINE}]\n", encoding="utf-8")
    made = subprocess.run([sys.executable, "-m", "followlint", "check", "templates", "--baseline", BASELINE, "--update-baseline"],
                          cwd=str(repo), capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    _git("add", "-A", cwd=repo)
    try:
        adopted = _run([*pre_commit, "run", "--all-files"], repo)
        assert adopted.returncode == 0, adopted.stdout + adopted.stderr  # the old check-in is baselined

        (repo / "templates" / "renewal.j2").write_text(BAD_TEMPLATE.replace("everything is going", "the renewal is going"),
                                                      encoding="utf-8")
        _git("add", "-A", cwd=repo)
        new = _run([*pre_commit, "run", "--all-files"], repo)
        out = new.stdout + new.stderr
        assert new.returncode == 1, out
        assert "templates/renewal.j2:3:1: FL101" in out and "day-7-check-in.j2:" not in out, out

        # pre-commit passes only the staged files: the other files' entries are not stale.
        (repo / "templates" / "renewal.j2").unlink()
        (repo / "templates" / "feature-launch.txt").write_text(FIXED_TEMPLATE, encoding="utf-8")
        _git("add", "-A", cwd=repo)
        staged = _run([*pre_commit, "run", "--verbose"], repo)
        out = staged.stdout + staged.stderr
        assert staged.returncode == 0 and "no longer match" not in out, out

        # Fixing the baselined template: the whole-repo run says its entry can go.
        (repo / "templates" / "day-7-check-in.j2").write_text(FIXED_TEMPLATE, encoding="utf-8")
        _git("add", "-A", cwd=repo)
        fixed = _run([*pre_commit, "run", "--all-files", "--verbose"], repo)
        out = fixed.stdout + fixed.stderr
        assert fixed.returncode == 0 and "followlint: baseline: 1 entry no longer matches" in out, out
    finally:
        _run([*pre_commit, "gc"], repo)
