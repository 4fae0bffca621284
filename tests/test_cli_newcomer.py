"""What a new user meets on the command line: --version, inspect taking check's inputs, honest
summaries, a folder with nothing to lint, dangling links in a folder, and the help text. Every
run is a real ``python -m followlint`` subprocess."""
from __future__ import annotations

import json
import os
import re
import sys
from importlib.metadata import version

import pytest

from conftest import CHECKIN_DRAFT, CLEAN_DRAFT
from test_plugins import rule_plugin

CUSTOMER_MAIL = (
    "From: Bob Smith <bob@customer.example>\nTo: Mike <mike@acme.example>\nSubject: plates\n"
    "Date: Tue, 3 Nov 2026 10:15:00 +0000\nMessage-ID: <b1@customer.example>\n\n"
    "I still have not received my plates.\n"
)


def _conversations(out: str) -> list[dict]:
    return json.loads(out)["conversations"]


# -- 1. --version ------------------------------------------------------------------------------


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_flag_prints_the_installed_version(run_cli, flag):
    code, out, err = run_cli(flag)
    assert (code, err) == (0, "")
    assert out == f"followlint {version('followlint')}\n"


# -- 2. inspect takes check's inputs -----------------------------------------------------------


def test_inspect_reads_several_paths(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(CHECKIN_DRAFT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(CLEAN_DRAFT, encoding="utf-8")
    code, out, err = run_cli("inspect", "a.txt", "b.txt", "--format", "json")
    assert code == 0, err
    assert [c["path"] for c in _conversations(out)] == ["a.txt", "b.txt"]


def test_inspect_reads_stdin_named_by_stdin_filename(run_cli):
    code, out, err = run_cli("inspect", "-", "--stdin-filename", "reply.eml", "--format", "json",
                             input=CUSTOMER_MAIL)
    assert code == 0, err
    [conversation] = _conversations(out)
    assert conversation["path"] == "reply.eml" and conversation["subject"] == "plates"
    # --stdin-filename alone means stdin, as with check
    code, out, err = run_cli("inspect", "--stdin-filename", "draft.txt", input=CHECKIN_DRAFT)
    assert code == 0, err
    assert "conversation draft.txt" in out and "Just checking in" in out


def test_inspect_now_sets_the_reference_time(run_cli, checkin_draft):
    code, out, err = run_cli("inspect", checkin_draft.name, "--now", "2026-11-20T10:00:00+00:00", "--format", "json")
    assert code == 0, err
    assert _conversations(out)[0]["timeline"]["now"] == "2026-11-20T10:00:00+00:00"
    code, _, err = run_cli("inspect", checkin_draft.name, "--now", "next blue moon")
    assert code == 2 and "--now" in err


def test_inspect_finds_the_config_upward_and_takes_its_reps(run_cli, tmp_path):
    (tmp_path / "followlint.toml").write_text('reps = ["bob@customer.example"]\n', encoding="utf-8")
    (tmp_path / "mail").mkdir()
    (tmp_path / "mail" / "in.eml").write_text(CUSTOMER_MAIL, encoding="utf-8")
    code, out, err = run_cli("inspect", "in.eml", "--format", "json", cwd=tmp_path / "mail")
    assert code == 0, err
    [touch] = _conversations(out)[0]["touches"]
    assert touch["direction"] == "outbound"  # the config says Bob is our side


def test_inspect_takes_crm(run_cli, tmp_path):
    # No column marks a CRM: unreadable without --crm, HubSpot's labels with --crm hubspot.
    (tmp_path / "log.csv").write_text("Type,Date,Contact,Notes\nCall,2026-11-02 10:00,Ana Ruiz,"
                                      "Just checking in to see how the printer is doing.\n", encoding="utf-8")
    code, _, err = run_cli("inspect", "log.csv")
    assert code == 2 and "--crm generic" in err
    code, out, err = run_cli("inspect", "log.csv", "--crm", "hubspot", "--format", "json")
    assert code == 0, err
    [touch] = _conversations(out)[0]["touches"]
    assert (touch["kind"], touch["time"][:10]) == ("call", "2026-11-02")


def test_inspect_loads_plugins_and_turns_them_off(run_cli, tmp_path):
    (tmp_path / "local").mkdir()
    (tmp_path / "local" / "snark.py").write_text(
        rule_plugin("LOC001", "per-my-last-email", "snark", ["[as] per my last (email|message)"]), encoding="utf-8")
    (tmp_path / "snark.txt").write_text("Hi Sam,\n\nAs per my last email, please sign.\n\nPriya\n", encoding="utf-8")

    def kinds(*extra):
        code, out, err = run_cli("inspect", "snark.txt", "--format", "json", "--plugins-dir", "local", *extra)
        assert code == 0, err
        return {s["kind"] for t in _conversations(out)[0]["touches"] for s in t["signals"]}

    assert "snark" in kinds()
    assert "snark" not in kinds("--plugin", "no:snark")


# -- 3. and 4. honest summaries, a folder with nothing to lint ---------------------------------


def test_missing_input_is_never_all_clear(run_cli, clean_draft):
    code, out, err = run_cli("check", "missing.txt")
    assert code == 2
    assert err == "missing.txt: error: no such file or directory\n"
    assert out.splitlines()[-1] == "1 input error. No findings in the 0 files that were read (0 conversations, 0 touches)."
    code, out, _ = run_cli("check", "missing.txt", clean_draft.name)
    assert code == 2
    assert out.splitlines()[-1] == "1 input error. No findings in the 1 file that was read (1 conversation, 1 touch)."


def test_an_unreadable_file_is_not_counted_as_read(run_cli, tmp_path, checkin_draft):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    code, out, _ = run_cli("check", "empty.txt", checkin_draft.name)
    assert code == 2
    assert out.splitlines()[-1] == "1 input error. Found 1 finding (1 warning) in the 1 file that was read."
    code, out, _ = run_cli("check", "empty.txt", checkin_draft.name, "--format", "json")
    assert json.loads(out)["summary"]["files"] == 1


@pytest.mark.parametrize("command", ["check", "inspect"])
def test_a_folder_with_nothing_to_lint_is_an_error(run_cli, tmp_path, command):
    (tmp_path / "exports").mkdir()
    (tmp_path / "exports" / "notes.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "exports" / ".hidden.txt").write_text(CHECKIN_DRAFT, encoding="utf-8")
    code, out, err = run_cli(command, "exports")
    assert code == 2
    assert err == "exports: error: nothing to lint: no drafts, templates, mail or CRM exports in this folder\n"
    assert "All clear" not in out


def test_a_folder_with_nothing_to_lint_is_in_json_errors(run_cli, tmp_path):
    (tmp_path / "empty").mkdir()
    code, out, _ = run_cli("check", "empty", "--format", "json")
    assert code == 2
    assert json.loads(out)["errors"] == [
        {"path": "empty", "message": "nothing to lint: no drafts, templates, mail or CRM exports in this folder"}]


# -- 9. a dangling symlink inside a folder -----------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_dangling_symlink_inside_a_folder_is_an_input_error(run_cli, tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "ok.txt").write_text(CHECKIN_DRAFT, encoding="utf-8")
    os.symlink("gone.txt", drafts / "link.txt")
    os.symlink("gone.png", drafts / "picture.png")  # not something followlint reads anyway
    code, out, err = run_cli("check", "drafts", "--format", "json")
    assert code == 2
    data = json.loads(out)
    assert data["errors"] == [{"path": os.path.join("drafts", "link.txt"),
                               "message": "broken symbolic link (its target gone.txt does not exist)"}]
    assert [f["path"] for f in data["findings"]] == [os.path.join("drafts", "ok.txt")]
    assert err == f"{os.path.join('drafts', 'link.txt')}: error: broken symbolic link (its target gone.txt does not exist)\n"
    code, out, err = run_cli("check", ".", "--format", "json", cwd=drafts)
    assert [e["path"] for e in json.loads(out)["errors"]] == ["link.txt"]


# -- 6. help text ------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "inspect", "audit", "rules", "plugins"])
def test_help_has_no_type_labels_on_flags(run_cli, command):
    code, out, err = run_cli(command, "--help", env={"COLUMNS": "100"})
    assert code == 0, err
    assert "<bool>" not in out
    assert not re.search(r"<(str|int|float|list\[str\])", out)  # arguments included ("PATH <list[str]>")
    if command in ("check", "inspect"):
        assert re.search(r"Arguments:\n\s+PATH\s+Drafts, templates", out)


def test_help_shows_the_team_files_tables_and_a_long_name_for_p(run_cli):
    _, audit_help, _ = run_cli("audit", "--help", env={"COLUMNS": "100"})
    assert "[[account]]" in audit_help and "([])" not in audit_help
    for command in ("check", "inspect", "audit", "plugins"):
        _, out, _ = run_cli(command, "--help", env={"COLUMNS": "100"})
        assert re.search(r"-p, --plugin no:NAME", out), command


def test_plugin_long_name_turns_a_plugin_off(run_cli, checkin_draft):
    for flag in ("-p", "--plugin"):
        code, _, err = run_cli("check", checkin_draft.name, flag, "snark")
        assert (code, err) == (2, "followlint: error: -p/--plugin takes no:NAME to turn a plugin off, not 'snark'\n")


def test_format_error_from_the_environment_names_the_variable(run_cli, checkin_draft):
    code, _, err = run_cli("check", checkin_draft.name, env={"FOLLOWLINT_FORMAT": "yaml"})
    assert code == 2
    assert err.startswith("followlint: error: FOLLOWLINT_FORMAT: unknown output format 'yaml'")
    code, _, err = run_cli("check", checkin_draft.name, "--format", "yaml")
    assert err.startswith("followlint: error: --format: unknown output format 'yaml'")


def test_wrong_option_type_says_an_int(run_cli, tmp_path, checkin_draft):
    (tmp_path / "followlint.toml").write_text('[rules.FL109]\nunanswered-touches = "three"\n', encoding="utf-8")
    code, _, err = run_cli("check", checkin_draft.name)
    assert code == 2
    assert "must be an int" in err and "a int" not in err


def test_team_file_wrong_type_says_an_int(run_cli, tmp_path):
    (tmp_path / "team.toml").write_text('[[account]]\nhost = "imap.example"\nuser = "a@acme.example"\nport = "993"\n',
                                        encoding="utf-8")
    code, _, err = run_cli("audit", "--team", "team.toml", "--state", str(tmp_path / "s.sqlite"))
    assert code == 2
    assert "'port' must be an int" in err, err


if sys.platform == "win32":  # pragma: no cover
    pytestmark = pytest.mark.skip("symlinks and pipes behave differently")
