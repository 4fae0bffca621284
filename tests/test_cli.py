"""The command line as a user meets it: exit codes, text output, stdin, selection, sub-commands."""
from __future__ import annotations

import json
import re

import pytest

from conftest import CHECKIN_DRAFT, CLEAN_DRAFT

FINDING_LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<code>FL\d{3}) \[(?P<sev>info|warning|error)\] (?P<msg>.+)$")


def no_traceback(err: str) -> None:
    assert "Traceback" not in err
    assert "internal error" not in err


def finding_lines(out: str) -> list[re.Match]:
    return [m for m in map(FINDING_LINE.match, out.splitlines()) if m]


# -- exit codes ------------------------------------------------------------------------------


def test_clean_draft_exits_0_with_all_clear(run_cli, clean_draft):
    code, out, err = run_cli("check", clean_draft.name)
    assert code == 0, err
    assert finding_lines(out) == []
    assert out.splitlines()[-1] == "All clear: no findings in 1 file (1 conversation, 1 touch)."
    assert err == ""


def test_checkin_draft_exits_1(run_cli, checkin_draft):
    code, out, err = run_cli("check", checkin_draft.name)
    assert code == 1, err
    [m] = finding_lines(out)
    assert m["path"] == "checkin.txt"
    assert (m["line"], m["col"], m["code"], m["sev"]) == ("3", "1", "FL101", "warning")


@pytest.mark.parametrize("args, expected", [
    ((), 1),
    (("--fail-on", "warning"), 1),
    (("--fail-on", "info"), 1),
    (("--fail-on", "error"), 0),
    (("--exit-zero",), 0),
    (("--fail-on", "info", "--exit-zero"), 0),
])
def test_fail_on_and_exit_zero(run_cli, checkin_draft, args, expected):
    code, out, err = run_cli("check", *args, checkin_draft.name)
    assert code == expected, err
    assert len(finding_lines(out)) == 1  # the finding is reported either way


@pytest.mark.parametrize("args, words", [
    (("--format", "xml"), ["--format", "xml"]),
    (("--select", "FL999"), ["FL999"]),
    (("--ignore", "no-such-rule"), ["no-such-rule"]),
    (("--extend-select", "XY1"), ["XY1"]),
    (("--now", "not a date"), ["--now"]),
    (("--now", "2026-13-45"), ["--now"]),
    (("--fail-on", "fatal"), ["--fail-on"]),
    (("--no-such-option",), ["--no-such-option"]),
    (("-p", "someplugin"), ["no:NAME"]),
])
def test_usage_errors_exit_2_with_one_clear_line(run_cli, checkin_draft, args, words):
    code, out, err = run_cli("check", *args, checkin_draft.name)
    assert code == 2
    no_traceback(err)
    for word in words:
        assert word in err
    assert finding_lines(out) == []


def test_no_path_is_a_usage_error(run_cli):
    code, out, err = run_cli("check")
    assert code == 2
    assert "path" in err
    no_traceback(err)


def test_env_format_unknown_is_usage_error(run_cli, checkin_draft):
    code, _, err = run_cli("check", checkin_draft.name, env={"FOLLOWLINT_FORMAT": "yaml"})
    assert code == 2
    assert "yaml" in err
    no_traceback(err)


def test_input_error_exits_2_and_keeps_other_findings(run_cli, tmp_path, checkin_draft):
    (tmp_path / "empty.txt").write_text("")
    code, out, err = run_cli("check", checkin_draft.name, "missing.txt", "empty.txt")
    assert code == 2
    no_traceback(err)
    assert [m["path"] for m in finding_lines(out)] == ["checkin.txt"]
    problem_lines = [line for line in err.splitlines() if "error" in line]
    assert any(line.startswith("missing.txt:") for line in problem_lines)
    assert any(line.startswith("empty.txt:") and "empty" in line for line in problem_lines)
    assert "2 input errors" in out


def test_input_error_is_2_even_with_exit_zero(run_cli, checkin_draft):
    code, out, err = run_cli("check", "--exit-zero", checkin_draft.name, "missing.txt")
    assert code == 2
    assert "missing.txt" in err


def test_binary_file_is_one_error_line(run_cli, tmp_path, clean_draft):
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    code, out, err = run_cli("check", "blob.txt", clean_draft.name)
    assert code == 2
    no_traceback(err)
    assert [line for line in err.splitlines() if line.startswith("blob.txt:")]


def test_input_error_with_json_goes_to_errors_and_findings_stay(run_cli, checkin_draft):
    code, out, err = run_cli("check", "--format", "json", checkin_draft.name, "missing.txt")
    assert code == 2
    data = json.loads(out)
    assert [f["path"] for f in data["findings"]] == ["checkin.txt"]
    assert [e["path"] for e in data["errors"]] == ["missing.txt"]
    assert data["errors"][0]["message"]


# -- text output -----------------------------------------------------------------------------


def test_text_format_lines(run_cli, checkin_draft, clean_draft):
    code, out, err = run_cli("check", checkin_draft.name, clean_draft.name)
    lines = out.splitlines()
    assert lines[0].startswith("checkin.txt:3:1: FL101 [warning] ")
    assert "checking in" in lines[0].lower()
    assert lines[1].startswith("  | ")  # the excerpt
    assert "checking in" in lines[1].lower()
    assert any(line.startswith("  = help: ") for line in lines)  # the suggestion
    assert lines[-1] == "Found 1 finding (1 warning) in 2 files."


def test_no_colour_when_not_a_tty(run_cli, checkin_draft):
    _, out, _ = run_cli("check", checkin_draft.name)
    assert "\x1b[" not in out


def test_colour_on_request_and_no_color_env(run_cli, checkin_draft):
    _, out, _ = run_cli("check", "--color", checkin_draft.name)
    assert "\x1b[" in out
    _, out, _ = run_cli("check", "--no-color", checkin_draft.name)
    assert "\x1b[" not in out


def test_quiet_prints_only_finding_lines(run_cli, checkin_draft, clean_draft):
    code, out, _ = run_cli("check", "-q", checkin_draft.name)
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 1 and FINDING_LINE.match(lines[0])
    code, out, _ = run_cli("check", "--quiet", clean_draft.name)
    assert code == 0
    assert out == ""


def test_statistics_table(run_cli, tmp_path, checkin_draft):
    (tmp_path / "second.md").write_text(CHECKIN_DRAFT.replace("Sam", "Alex"))
    code, out, _ = run_cli("check", "--statistics", checkin_draft.name, "second.md")
    assert code == 1
    assert re.search(r"^\s*2\s+FL101\s+no-value-reason\s*$", out, re.M)


def test_output_file(run_cli, tmp_path, checkin_draft):
    code, out, err = run_cli("check", "-o", "report.txt", checkin_draft.name)
    assert code == 1
    assert out == ""
    text = (tmp_path / "report.txt").read_text()
    assert text.startswith("checkin.txt:3:1: FL101 [warning]")
    assert "\x1b[" not in text
    code, out, _ = run_cli("check", "--output", "report.json", "--format", "json", checkin_draft.name)
    assert json.loads((tmp_path / "report.json").read_text())["summary"]["findings"] == 1


def test_output_file_unwritable_is_one_line(run_cli, checkin_draft):
    code, out, err = run_cli("check", "-o", "no/such/dir/report.txt", checkin_draft.name)
    assert code == 2
    assert "no/such/dir/report.txt" in err
    no_traceback(err)


def test_directory_is_walked(run_cli, tmp_path):
    drafts = tmp_path / "drafts" / "q3"
    drafts.mkdir(parents=True)
    (drafts / "a.txt").write_text(CHECKIN_DRAFT)
    (drafts / "b.md").write_text(CLEAN_DRAFT)
    (drafts / "c.j2").write_text(CHECKIN_DRAFT.replace("Sam", "{{ first_name }}"))
    code, out, _ = run_cli("check", "drafts")
    assert code == 1
    assert sorted(m["path"] for m in finding_lines(out)) == ["drafts/q3/a.txt", "drafts/q3/c.j2"]
    assert "in 3 files" in out


def test_dot_paths_are_shown_without_leading_dot_slash(run_cli, tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text(CHECKIN_DRAFT)
    _, out, _ = run_cli("check", ".")
    assert [m["path"] for m in finding_lines(out)] == ["drafts/a.txt"]


def test_jobs_gives_the_same_report(run_cli, tmp_path):
    for n in range(6):
        (tmp_path / f"d{n}.txt").write_text(CHECKIN_DRAFT if n % 2 else CLEAN_DRAFT)
    names = [f"d{n}.txt" for n in range(6)]
    serial = run_cli("check", "--format", "json", *names)
    parallel = run_cli("check", "--format", "json", "--jobs", "2", *names)
    assert serial[0] == parallel[0] == 1
    assert json.loads(serial[1]) == json.loads(parallel[1])


# -- stdin -----------------------------------------------------------------------------------


def test_stdin_with_stdin_filename(run_cli):
    code, out, _ = run_cli("check", "-", "--stdin-filename", "drafts/renewal.txt", input=CHECKIN_DRAFT)
    assert code == 1
    [m] = finding_lines(out)
    assert m["path"] == "drafts/renewal.txt"
    assert m["line"] == "3"


def test_stdin_json_path(run_cli):
    code, out, _ = run_cli("check", "-", "--stdin-filename", "x.md", "--format", "json", input=CHECKIN_DRAFT)
    assert json.loads(out)["findings"][0]["path"] == "x.md"


def test_stdin_clean(run_cli):
    code, out, _ = run_cli("check", "-", input=CLEAN_DRAFT)
    assert code == 0


def test_stdin_filename_alone_reads_stdin(run_cli):
    code, out, _ = run_cli("check", "--stdin-filename", "draft.txt", input=CHECKIN_DRAFT)
    assert code == 1
    assert finding_lines(out)[0]["path"] == "draft.txt"


def test_stdin_template_name_neutralises_placeholders(run_cli):
    text = "Hi {{ first_name }},\n\nGood news: your {{ product }} order shipped today, tracking here {{ tracking_url }}.\n\n{{ rep_name }}\n"
    code, out, err = run_cli("check", "-", "--stdin-filename", "t.j2", input=text)
    assert code == 0, out + err


def test_stdin_with_undecidable_name_is_input_error(run_cli):
    code, out, err = run_cli("check", "-", "--stdin-filename", "export.csv", input=CHECKIN_DRAFT)
    assert code == 2
    assert "export.csv" in err
    no_traceback(err)


# -- selection -------------------------------------------------------------------------------


@pytest.mark.parametrize("args, flagged", [
    (("--select", "FL101"), True),
    (("--select", "FL1"), True),
    (("--select", "no-value-reason"), True),
    (("--select", "FL1,no-value-reason"), True),
    (("--ignore", "FL101"), False),
    (("--ignore", "FL10"), False),  # a prefix: FL101-FL109
    (("--ignore", "no-value-reason"), False),
    (("--select", "ALL", "--ignore", "FL101,FL10"), False),
    (("--ignore", "FL101", "--extend-select", "no-value-reason"), False),
    (("--select", "ALL", "--extend-select", "FL101"), True),
])
def test_select_ignore_take_codes_prefixes_names_and_lists(run_cli, checkin_draft, args, flagged):
    code, out, err = run_cli("check", *args, checkin_draft.name)
    assert code == (1 if flagged else 0), err
    assert bool(finding_lines(out)) == flagged


def test_select_repeated_option(run_cli, checkin_draft):
    code, out, err = run_cli("check", "--ignore", "FL10", "--ignore", "no-value-reason", checkin_draft.name)
    assert code == 0, out + err


def test_selection_that_leaves_no_rule_is_usage_error(run_cli, checkin_draft):
    code, out, err = run_cli("check", "--ignore", "ALL", checkin_draft.name)  # FL1 would leave FL001 (and plugins' rules)
    assert code == 2
    no_traceback(err)


# -- rules / rule ----------------------------------------------------------------------------


def test_rules_list(run_cli):
    code, out, err = run_cli("rules")
    assert code == 0, err
    line = next(line for line in out.splitlines() if line.startswith("FL101"))
    assert "no-value-reason" in line and "warning" in line


def test_rules_json(run_cli):
    code, out, _ = run_cli("rules", "--format", "json")
    assert code == 0
    rules = json.loads(out)
    fl101 = next(r for r in rules if r["code"] == "FL101")
    assert fl101["name"] == "no-value-reason"
    assert fl101["severity"] == "warning"
    assert fl101["summary"]
    assert isinstance(fl101["options"], dict)
    assert [r["code"] for r in rules] == sorted(r["code"] for r in rules)


def test_rules_unknown_format(run_cli):
    code, _, err = run_cli("rules", "--format", "xml")
    assert code == 2
    no_traceback(err)


@pytest.mark.parametrize("name", ["FL101", "no-value-reason", "fl101"])
def test_rule_documentation(run_cli, name):
    code, out, err = run_cli("rule", name)
    assert code == 0, err
    assert out.startswith("FL101 no-value-reason")
    for section in ("## What it finds", "## Why it matters", "## Example", "## Better", "## Options"):
        assert section in out
    assert out.index("## Example") < out.index("## Better") < out.index("## Options")
    options = out[out.index("## Options"):]
    assert re.search(r"^- `[a-z-]+` \(default `[^`]+`\): \S", options, re.M)  # options with defaults


def test_rule_unknown(run_cli):
    code, out, err = run_cli("rule", "FL999")
    assert code == 2
    assert "FL999" in err
    no_traceback(err)


# -- inspect ---------------------------------------------------------------------------------


def test_inspect_text(run_cli, checkin_draft):
    code, out, err = run_cli("inspect", checkin_draft.name)
    assert code == 0, err
    assert "outbound" in out
    assert "checkin" in out
    assert "Just checking in" in out
    assert "checkin.txt" in out


def test_inspect_json_touches(run_cli, tmp_path):
    draft = (
        "Hi Bob,\n\nI'm sorry to hear that. I'll check on the plates today and call you back.\n\nMike\n\n"
        "On Tue, 3 Nov 2026 at 10:15, Bob Smith <bob@example.com> wrote:\n"
        "> I still have not received my plates. Can you check?\n"
    )
    (tmp_path / "reply.txt").write_text(draft)
    code, out, err = run_cli("inspect", "--format", "json", "reply.txt")
    assert code == 0, err
    data = json.loads(out)
    touches = [t for c in data["conversations"] for t in c["touches"]]
    assert len(touches) >= 2
    for touch in touches:
        assert touch["direction"] in ("outbound", "inbound")
        assert "time" in touch and "signals" in touch
        for signal in touch["signals"]:
            assert {"kind", "text", "start", "end"} <= set(signal)
    ours = [t for t in touches if not t["quoted"]]
    quoted = [t for t in touches if t["quoted"]]
    assert ours[0]["direction"] == "outbound" and ours[0]["time"] is None
    assert quoted[0]["direction"] == "inbound"
    assert quoted[0]["time"].startswith("2026-11-03")


PROMISED_PLATES = (
    "Hi Bob,\n\nYour first free oil change is due next month.\n\nMike\n\n"
    "On Thu, 5 Nov 2026 at 18:00, Bob Smith <bob@example.com> wrote:\n"
    "> Thanks, the car is great, I love it.\n>\n"
    "> On Wed, 4 Nov 2026 at 10:00, Mike <mike@dealer.example> wrote:\n"
    "> > Sure, I'll check on the plates today. I'll call you back on Friday.\n> >\n"
    "> > On Tue, 3 Nov 2026 at 09:12, Bob Smith <bob@example.com> wrote:\n"
    "> > > I still have not received my plates.\n"
)


def test_inspect_shows_the_timeline_state(run_cli, tmp_path):
    """What the rules read: the customer's item and what became of it, our commitment and the
    agreed call with their due dates (resolved against the promising touch's own date)."""
    (tmp_path / "reply.txt").write_text(PROMISED_PLATES)
    now = ("--now", "2026-11-20T10:00:00+00:00")
    code, out, err = run_cli("inspect", "--format", "json", "reply.txt", *now)
    assert code == 0, err
    [conversation] = json.loads(out)["conversations"]
    labels = {t["text"].split(".")[0].strip(): t["id"] for t in conversation["touches"]}
    promise_touch = labels["Sure, I'll check on the plates today"]
    timeline = conversation["timeline"]
    assert timeline["now"] == "2026-11-20T10:00:00+00:00"
    [item] = timeline["items"]
    assert (item["kind"], item["text"], item["state"]) == ("issue", "still have not received", "promised")
    assert item["touch"] == labels["I still have not received my plates"]
    assert item["addressed_by"] == promise_touch and item["reported_by"] is None and item["resolved_by"] is None
    assert item["commitment"] == {"touch": promise_touch, "text": "I'll check", "when": "today", "due": "2026-11-04"}
    assert timeline["commitments"] == [item["commitment"]]
    assert timeline["agreements"] == [{"touch": promise_touch, "text": "I'll call you back", "when": "on Friday",
                                       "due": "2026-11-06", "by": "outbound"}]
    assert timeline["satisfaction"] == [{"touch": labels["Thanks, the car is great, I love it"], "text": "love it"}]
    callback = next(s for t in conversation["touches"] for s in t["signals"] if s["kind"] == "callback")
    assert (callback["when"], callback["due"]) == ("on Friday", "2026-11-06")
    assert {t["person"] for t in conversation["touches"] if t["quoted"]} == {"address:bob@example.com",
                                                                            "address:mike@dealer.example"}

    code, out, err = run_cli("inspect", "reply.txt", *now)
    assert code == 0, err
    assert "timeline (now 2026-11-20T10:00:00+00:00):" in out
    assert 'promised issue from touch 1: "still have not received"; addressed by touch 2, promised by touch 2 (due 2026-11-04)' in out
    assert 'agreed contact (outbound) in touch 2: "I\'ll call you back" "on Friday", due 2026-11-06' in out
    assert 'satisfaction in touch 3: "love it"' in out


def test_inspect_missing_file(run_cli):
    code, out, err = run_cli("inspect", "missing.txt")
    assert code == 2
    assert "missing.txt" in err
    no_traceback(err)


def test_inspect_bad_format(run_cli, checkin_draft):
    code, _, err = run_cli("inspect", "--format", "xml", checkin_draft.name)
    assert code == 2
    no_traceback(err)


def test_help_works(run_cli):
    code, out, _ = run_cli("--help")
    assert code == 0
    for command in ("check", "inspect", "rules", "rule"):
        assert command in out


# -- error severity, --rep -------------------------------------------------------------------


def test_error_finding_fails_with_fail_on_error(run_cli, tmp_path):
    draft = (
        "Hi Bob,\n\nHow's everything going with the car?\n\nMike\n\n"
        "On Tue, 3 Nov 2026 at 10:15, Bob Smith <bob@example.com> wrote:\n"
        "> I still have not received my plates. Can you check on them?\n"
    )
    (tmp_path / "reply.txt").write_text(draft)
    code, out, _ = run_cli("check", "--fail-on", "error", "reply.txt")
    assert code == 1
    assert any(m["sev"] == "error" for m in finding_lines(out))


@pytest.mark.parametrize("rep", ["acme.example", "mike@", "@", "Mike Jones"])
def test_bad_rep_is_usage_error(run_cli, clean_draft, rep):
    code, _, err = run_cli("check", "--rep", rep, clean_draft.name)
    assert code == 2
    assert "--rep" in err and rep in err
    no_traceback(err)


def test_rep_decides_direction(run_cli, tmp_path):
    (tmp_path / "in.eml").write_text(
        "From: Bob Smith <bob@customer.example>\nTo: Mike <mike@acme.example>\nSubject: plates\n"
        "Date: Tue, 3 Nov 2026 10:15:00 +0000\nMessage-ID: <b1@customer.example>\n\n"
        "I still have not received my plates.\n")
    for rep, direction in (("@acme.example", "inbound"), ("bob@customer.example", "outbound")):
        code, out, err = run_cli("inspect", "--rep", rep, "--format", "json", "in.eml")
        assert code == 0, err
        [touch] = [t for c in json.loads(out)["conversations"] for t in c["touches"]]
        assert touch["direction"] == direction
        assert touch["time"] == "2026-11-03T10:15:00+00:00"


def test_output_survives_a_terminal_that_cannot_encode(run_cli, tmp_path):
    (tmp_path / "zoë.txt").write_text("Hi Zoë,\n\nJust checking in 😊 to see how things are going.\n\nPriya\n")
    code, out, err = run_cli("check", "zoë.txt", env={"PYTHONIOENCODING": "ascii"})
    assert code == 1, err
    no_traceback(err)
    assert finding_lines(out)
    code, out, err = run_cli("inspect", "zoë.txt", env={"PYTHONIOENCODING": "ascii"})
    assert code == 0, err
    assert "Zo\\xeb" in out
