"""A rule that raises is reported as that rule's failure (its code and its plugin), not as an
unreadable input: the file's other findings are still reported, the exit code is 2, the summary
is not "All clear", and FOLLOWLINT_DEBUG=1 prints the traceback."""
from __future__ import annotations

import json
import re
import textwrap

import pytest

from conftest import CHECKIN_DRAFT, CLEAN_DRAFT

FINDING_LINE = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+):\d+: (?P<code>FL\d{3}) \[\w+\]", re.M)
FAILURE = "d.txt: error: rule FL901 (plugin brittle) failed: IndexError: list index out of range"

# A local plugin whose rule raises IndexError on every conversation with a check-in in it.
BRITTLE = textwrap.dedent('''
    import followlint
    from followlint.rules.base import Rule


    class Brittle(Rule):
        code = "FL901"
        name = "brittle"
        summary = "Fails on check-ins."
        what = "Nothing: it raises."
        why = "To see a failing rule reported as one."

        def check(self, conversation, ctx):
            for touch in conversation.touches:
                if touch.signals_of("checkin"):
                    return [][0]
            return ()


    @followlint.hookimpl
    def followlint_add_rules():
        return [Brittle]
''')


@pytest.fixture
def drafts(tmp_path):
    """d.txt (a check-in: FL101 flags it, FL901 fails on it), ok.txt (clean) and the plugin."""
    (tmp_path / ".followlint.toml").write_text("", encoding="utf-8")
    (tmp_path / "plugins").mkdir()
    (tmp_path / "plugins" / "brittle.py").write_text(BRITTLE, encoding="utf-8")
    (tmp_path / "d.txt").write_text(CHECKIN_DRAFT, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(CLEAN_DRAFT, encoding="utf-8")
    return tmp_path


def problem_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if ": error: " in line]


def test_failing_rule_is_named_with_its_plugin_and_the_other_findings_stay(run_cli, drafts):
    code, out, err = run_cli("check", "d.txt", "ok.txt", "--plugins-dir", "plugins")
    assert code == 2, out + err
    assert "Traceback" not in err and "cannot read" not in err
    assert problem_lines(err) == [FAILURE + " (set FOLLOWLINT_DEBUG=1 for the traceback)"]
    assert [(m["path"], m["code"]) for m in FINDING_LINE.finditer(out)] == [("d.txt", "FL101")]
    assert "All clear" not in out
    assert out.splitlines()[-1] == "Found 1 finding (1 warning) in 2 files. 1 rule error."


def test_json_errors_carry_the_rule_and_plugin(run_cli, drafts):
    code, out, err = run_cli("check", "d.txt", "--plugins-dir", "plugins", "--format", "json")
    assert code == 2, err
    report = json.loads(out)
    [error] = report["errors"]
    assert (error["path"], error["rule"], error["plugin"]) == ("d.txt", "FL901", "brittle")
    assert error["message"].startswith("rule FL901 (plugin brittle) failed: IndexError: ")
    assert [f["code"] for f in report["findings"]] == ["FL101"]


def test_no_findings_beside_a_failed_rule_is_not_all_clear(run_cli, drafts):
    code, out, err = run_cli("check", "d.txt", "--plugins-dir", "plugins", "--select", "FL901")
    assert code == 2, out + err
    assert "All clear" not in out
    assert out.splitlines()[-1] == "No findings in 1 file (1 conversation, 1 touch). 1 rule error."
    code, out, err = run_cli("check", "ok.txt", "--plugins-dir", "plugins")
    assert (code, out.splitlines()[-1]) == (0, "All clear: no findings in 1 file (1 conversation, 1 touch).")


def test_debug_prints_the_traceback_and_still_reports(run_cli, drafts):
    code, out, err = run_cli("check", "d.txt", "--plugins-dir", "plugins", env={"FOLLOWLINT_DEBUG": "1"})
    assert code == 2, out + err
    assert "Traceback (most recent call last):" in err
    assert 'brittle.py", line' in err and "return [][0]" in err
    assert FAILURE in problem_lines(err)
    assert [m["code"] for m in FINDING_LINE.finditer(out)] == ["FL101"]


def test_one_line_per_rule_and_file_and_the_same_with_jobs(run_cli, drafts):
    threads = "".join(
        f"From priya@acme.example Mon Nov  2 10:0{n}:00 2026\nFrom: Priya <priya@acme.example>\n"
        f"To: sam{n}@customer.example\nSubject: Checking in {n}\nMessage-ID: <m{n}@acme.example>\n"
        f"Date: Mon, 2 Nov 2026 10:0{n}:00 +0000\n\n{CHECKIN_DRAFT}\n"
        for n in range(3)
    )
    (drafts / "sent.mbox").write_text(threads, encoding="utf-8")
    args = ("check", "sent.mbox", "d.txt", "--plugins-dir", "plugins", "--rep", "@acme.example", "--format", "json")
    code, out, err = run_cli(*args, "--jobs", "1")
    assert code == 2, err
    serial = json.loads(out)
    assert [(e["path"], e["rule"]) for e in serial["errors"]] == [("sent.mbox", "FL901"), ("d.txt", "FL901")]
    assert len(problem_lines(err)) == 2
    assert serial["summary"]["conversations"] == 4 and serial["findings"]
    code, out, _ = run_cli(*args, "--jobs", "2")
    assert (code, json.loads(out)) == (2, serial)


def test_directives_for_a_failed_rule_are_not_reported_unused(run_cli, drafts):
    (drafts / "d.txt").write_text(
        "Hi Sam,\n<!-- followlint: disable=FL901,FL106 -- reviewed -->\n" + CHECKIN_DRAFT.split("\n", 2)[2],
        encoding="utf-8")
    code, out, err = run_cli("check", "d.txt", "--plugins-dir", "plugins")
    assert code == 2, out + err
    # FL901 failed here, so nothing can be said about its directive; FL106 ran and found nothing.
    assert [(m["line"], m["code"]) for m in FINDING_LINE.finditer(out)] == [("2", "FL001"), ("3", "FL101")]
    assert "no FL106 finding after line 2" in out and "FL901 finding" not in out


def test_unreadable_input_is_still_an_input_error(run_cli, drafts):
    (drafts / "empty.txt").write_text("", encoding="utf-8")
    code, out, err = run_cli("check", "empty.txt", "ok.txt", "--plugins-dir", "plugins")
    assert code == 2
    assert [line.split(": error: ")[0] for line in problem_lines(err)] == ["empty.txt"]
    assert "rule" not in problem_lines(err)[0]
    assert out.splitlines()[-1] == "1 input error. No findings in the 1 file that was read (1 conversation, 1 touch)."
