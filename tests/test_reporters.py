"""The report formats: JSON v1, SARIF 2.1.0, GitHub annotations, JUnit XML, text.

Most checks render hand-built reports (exact control over paths and text); a few go through
the command line to see the formats end to end.
"""
from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timezone

import pytest

from followlint.engine import Report
from followlint.model import Evidence, Finding, InputProblem, Severity
from followlint.reporters.base import RenderOptions
from followlint.reporters.github import GithubReporter
from followlint.reporters.json import JsonReporter
from followlint.reporters.junit import JunitReporter
from followlint.reporters.sarif import SarifReporter
from followlint.reporters.text import TextReporter
from followlint.rules.fl101_no_value_reason import NoValueReason

TOP_KEYS = {"version", "tool", "findings", "errors", "warnings", "summary"}
FINDING_KEYS = {"code", "name", "severity", "message", "suggestion", "path", "conversation", "touch",
                "line", "column", "end_line", "end_column", "excerpt", "evidence", "sender", "customer",
                "subject", "message_id"}
SUMMARY_KEYS = {"files", "conversations", "touches", "findings", "by_code", "bulk", "internal"}


def make_finding(path="drafts/a.txt", line=3, column=1, *, code="FL101", name="no-value-reason",
                 severity=Severity.WARNING, message="This follow-up only checks in", excerpt="Just checking in",
                 suggestion="Give the customer a reason.", evidence=()):
    return Finding(code=code, name=name, severity=severity, message=message, path=path, line=line,
                   column=column, end_line=line, end_column=column + len(excerpt), excerpt=excerpt,
                   conversation="conv-1", touch=f"{path}", suggestion=suggestion, evidence=list(evidence))


def make_report(findings=(), problems=(), files=1):
    report = Report(rules=[NoValueReason])
    report.findings = list(findings)
    report.problems = list(problems)
    report.files, report.conversations, report.touches = files, files, files
    return report


def render(reporter, report, **options) -> str:
    out = io.StringIO()
    reporter.render(report, out, RenderOptions(**options))
    return out.getvalue()


# -- JSON ------------------------------------------------------------------------------------


def test_json_shape_version_1():
    evidence = Evidence(touch="<m1@x>", path="drafts/a.txt", line=9, text="I still have not received my plates",
                        time=datetime(2026, 11, 2, 9, 30, tzinfo=timezone.utc))
    report = make_report([make_finding(evidence=[evidence]), make_finding("b.txt", code="FL101")],
                         [InputProblem("broken.csv", "no column for the activity date")], files=3)
    data = json.loads(render(JsonReporter(), report))
    assert set(data) == TOP_KEYS
    assert data["version"] == 1
    assert data["tool"]["name"] == "followlint" and data["tool"]["version"]
    assert len(data["findings"]) == 2
    for f in data["findings"]:
        assert set(f) == FINDING_KEYS
        assert isinstance(f["line"], int) and isinstance(f["column"], int)
        assert isinstance(f["end_line"], int) and isinstance(f["end_column"], int)
        assert f["severity"] in ("info", "warning", "error")
    ev = data["findings"][0]["evidence"][0]
    assert {"touch", "path", "line", "text"} <= set(ev) <= {"touch", "path", "line", "text", "time"}
    assert ev["text"] == "I still have not received my plates"
    assert data["errors"] == [{"path": "broken.csv", "message": "no column for the activity date"}]
    assert set(data["summary"]) == SUMMARY_KEYS
    assert data["summary"]["files"] == 3
    assert data["summary"]["findings"] == 2
    assert data["summary"]["by_code"] == {"FL101": 2}


def test_json_end_to_end(run_cli, checkin_draft, clean_draft):
    code, out, err = run_cli("check", "--format", "json", checkin_draft.name, clean_draft.name)
    assert code == 1
    data = json.loads(out)
    assert set(data) == TOP_KEYS
    [f] = data["findings"]
    assert set(f) == FINDING_KEYS
    assert (f["code"], f["name"], f["severity"], f["path"], f["line"], f["column"]) == (
        "FL101", "no-value-reason", "warning", "checkin.txt", 3, 1)
    assert "checking in" in f["excerpt"].lower()
    assert f["evidence"] and f["evidence"][0]["path"] == "checkin.txt"
    assert data["errors"] == []
    assert data["summary"] == {"files": 2, "conversations": 2, "touches": 2, "findings": 1, "by_code": {"FL101": 1},
                               "bulk": 0, "internal": 0}


REP_REPLY = """\
From: Priya Shah <priya@acme.example>
To: Bob Stone <bob@customer.example>
Subject: Re: your lease
Date: Thu, 05 Nov 2026 10:00:00 +0000
Message-ID: <r1@acme.example>

Hi Bob,

Just checking in to see how everything is going with the car!

Priya

On Tue, 3 Nov 2026 at 09:00, Bob Stone <bob@customer.example> wrote:
> I still have not received my plates. Can you tell me when they arrive?
"""


def test_json_findings_name_our_sender_and_the_customer(run_cli, tmp_path):
    """Additive fields of version 1: who sent the touch of ours the finding is on, and the
    customer; a draft without a From line has no known sender."""
    (tmp_path / "reply.eml").write_text(REP_REPLY, encoding="utf-8")
    (tmp_path / "draft.txt").write_text(REP_REPLY.split("\n\n", 1)[1], encoding="utf-8")
    code, out, err = run_cli("check", "--format", "json", "reply.eml", "draft.txt")
    assert code == 1, err
    data = json.loads(out)
    assert data["version"] == 1
    people = {(f["path"], f["code"]): (f["sender"], f["customer"]) for f in data["findings"]}
    assert people[("reply.eml", "FL103")] == ("priya@acme.example", "bob@customer.example")
    assert people[("reply.eml", "FL101")] == ("priya@acme.example", "bob@customer.example")
    assert people[("draft.txt", "FL103")] == (None, "bob@customer.example")


def test_json_a_finding_on_the_customers_touch_names_our_rep_before_it(run_cli, tmp_path):
    """FL104 reports a call the customer asked for ("call me Friday") on the customer's own
    message: the sender is our rep who had the conversation."""
    (tmp_path / "thread.mbox").write_text(
        "From priya@acme.example Mon Nov  2 10:00:00 2026\n"
        "From: Priya Shah <priya@acme.example>\nTo: Bob Stone <bob@customer.example>\nSubject: Plans\n"
        "Date: Mon, 02 Nov 2026 10:00:00 +0000\nMessage-ID: <p1@acme.example>\n\n"
        "Hi Bob,\n\nHere are the two plans we talked about: https://acme.example/plans\n\nPriya\n\n"
        "From bob@customer.example Tue Nov  3 09:00:00 2026\n"
        "From: Bob Stone <bob@customer.example>\nTo: Priya Shah <priya@acme.example>\nSubject: Re: Plans\n"
        "Date: Tue, 03 Nov 2026 09:00:00 +0000\nMessage-ID: <b1@customer.example>\nIn-Reply-To: <p1@acme.example>\n\n"
        "Thanks Priya. Call me Friday and we can go through them.\n\nBob\n", encoding="utf-8")
    code, out, err = run_cli("check", "--format", "json", "--rep", "@acme.example", "--now", "2026-11-20T09:00:00+00:00",
                             "thread.mbox")
    assert code == 1, err
    [finding] = [f for f in json.loads(out)["findings"] if f["code"] == "FL104"]
    assert finding["excerpt"].lower().startswith("call me friday")
    assert (finding["sender"], finding["customer"]) == ("priya@acme.example", "bob@customer.example")


def test_json_from_environment(run_cli, checkin_draft):
    code, out, _ = run_cli("check", checkin_draft.name, env={"FOLLOWLINT_FORMAT": "json"})
    assert code == 1
    assert json.loads(out)["version"] == 1


def test_json_option_beats_environment(run_cli, checkin_draft):
    _, out, _ = run_cli("check", "--format", "text", checkin_draft.name, env={"FOLLOWLINT_FORMAT": "json"})
    assert out.startswith("checkin.txt:3:1:")


def test_json_clean_run(run_cli, clean_draft):
    code, out, _ = run_cli("check", "--format", "json", clean_draft.name)
    assert code == 0
    data = json.loads(out)
    assert data["findings"] == [] and data["errors"] == []
    assert data["summary"]["findings"] == 0 and data["summary"]["by_code"] == {}


def test_json_keeps_unicode():
    report = make_report([make_finding(excerpt="Grüße, just checking in — ça va?")])
    text = render(JsonReporter(), report)
    assert "Grüße" in text
    assert json.loads(text)["findings"][0]["excerpt"] == "Grüße, just checking in — ça va?"


# -- SARIF -----------------------------------------------------------------------------------


def _check_sarif_structure(data: dict) -> None:
    assert data["version"] == "2.1.0"
    assert "sarif" in data["$schema"] and "2.1.0" in data["$schema"]
    assert isinstance(data["runs"], list) and len(data["runs"]) == 1
    run = data["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "followlint" and driver["version"]
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids))
    for rule in driver["rules"]:
        assert re.fullmatch(r"[A-Z]+\d{3}", rule["id"])  # built-in FL codes and installed plugins' own
        assert rule["name"]
        for key in ("shortDescription", "fullDescription", "help"):
            assert isinstance(rule[key]["text"], str) and rule[key]["text"].strip()
    for result in run["results"]:
        assert result["ruleId"] in ids
        if "ruleIndex" in result:
            assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("none", "note", "warning", "error")
        assert result["message"]["text"]
        for location in result["locations"]:
            physical = location["physicalLocation"]
            assert isinstance(physical["artifactLocation"]["uri"], str)
            region = physical["region"]
            assert region["startLine"] >= 1 and region["startColumn"] >= 1
            if "endLine" in region:
                assert region["endLine"] >= region["startLine"]
        for related in result.get("relatedLocations", []):
            assert related["physicalLocation"]["region"]["startLine"] >= 1


def test_sarif_end_to_end(run_cli, checkin_draft):
    code, out, err = run_cli("check", "--format", "sarif", checkin_draft.name)
    assert code == 1
    data = json.loads(out)
    _check_sarif_structure(data)
    _, rules_out, _ = run_cli("rules", "--format", "json")
    every_rule = {r["code"] for r in json.loads(rules_out)}
    driver = data["runs"][0]["tool"]["driver"]
    assert {r["id"] for r in driver["rules"]} == every_rule
    fl101 = next(r for r in driver["rules"] if r["id"] == "FL101")
    assert fl101["name"] == "no-value-reason"
    assert "## Why it matters" in fl101["help"]["text"]
    [result] = data["runs"][0]["results"]
    assert result["ruleId"] == "FL101" and result["level"] == "warning"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (3, 1)
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "checkin.txt"


def test_sarif_rules_follow_the_selection(run_cli, checkin_draft):
    _, out, _ = run_cli("check", "--format", "sarif", "--ignore", "FL101", checkin_draft.name)
    data = json.loads(out)
    _check_sarif_structure(data)
    assert "FL101" not in {r["id"] for r in data["runs"][0]["tool"]["driver"]["rules"]}
    assert data["runs"][0]["results"] == []


def test_sarif_levels_and_uris():
    findings = [
        make_finding("dir with space/a#1.txt", severity=Severity.ERROR),
        make_finding("b.txt", severity=Severity.INFO, line=7, column=4),
    ]
    data = json.loads(render(SarifReporter(), make_report(findings)))
    _check_sarif_structure(data)
    results = data["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "note"]
    uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert " " not in uri and "#" not in uri
    assert uri == "dir%20with%20space/a%231.txt"
    region = results[1]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (7, 4)


def test_sarif_input_errors_are_notifications():
    report = make_report([], [InputProblem("broken.csv", "no column for the date")])
    data = json.loads(render(SarifReporter(), report))
    invocation = data["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "no column for the date"


def test_sarif_evidence_as_related_locations():
    evidence = Evidence(touch="t0", path="a.txt", line=12, text="I still have not received my plates")
    data = json.loads(render(SarifReporter(), make_report([make_finding("a.txt", evidence=[evidence])])))
    _check_sarif_structure(data)
    [related] = data["runs"][0]["results"][0]["relatedLocations"]
    assert related["physicalLocation"]["region"]["startLine"] == 12
    assert related["message"]["text"] == "I still have not received my plates"


# -- GitHub ----------------------------------------------------------------------------------


GITHUB_LINE = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def _props(line: str) -> dict:
    m = GITHUB_LINE.match(line)
    assert m, line
    return dict(p.split("=", 1) for p in m["props"].split(","))


def test_github_annotation_line(run_cli, checkin_draft):
    code, out, _ = run_cli("check", "--format", "github", checkin_draft.name)
    assert code == 1
    [line] = out.splitlines()
    assert line.startswith("::warning file=checkin.txt,line=3,col=1,")
    props = _props(line)
    assert props["title"] == "followlint (FL101)"
    assert GITHUB_LINE.match(line)["message"]


def test_github_severity_commands():
    findings = [make_finding(severity=Severity.ERROR), make_finding(severity=Severity.WARNING),
                make_finding(severity=Severity.INFO)]
    lines = render(GithubReporter(), make_report(findings)).splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::warning", "::notice"]


def test_github_escaping_of_properties_and_message():
    finding = make_finding("weird, name: 100%.txt", message="50% off?\r\nsecond line: a, b",
                           suggestion="")
    [line] = render(GithubReporter(), make_report([finding])).splitlines()
    props = _props(line)
    assert props["file"] == "weird%2C name%3A 100%25.txt"
    assert GITHUB_LINE.match(line)["message"] == "50%25 off?%0D%0Asecond line: a, b"


def test_github_file_name_with_comma_and_colon_end_to_end(run_cli, tmp_path):
    (tmp_path / "renewal, Q3: v2.txt").write_text("Hi Sam,\n\nJust checking in to see how things are going.\n\nPriya\n")
    code, out, _ = run_cli("check", "--format", "github", "renewal, Q3: v2.txt")
    assert code == 1
    [line] = out.splitlines()
    assert _props(line)["file"] == "renewal%2C Q3%3A v2.txt"


def test_github_input_error_line():
    out = render(GithubReporter(), make_report([], [InputProblem("bad,file.csv", "no date column")]))
    assert out.startswith("::error file=bad%2Cfile.csv,")
    assert out.rstrip().endswith("::no date column")


# -- JUnit -----------------------------------------------------------------------------------


def test_junit_end_to_end(run_cli, checkin_draft, clean_draft, tmp_path):
    (tmp_path / "b.md").write_text("Hi Alex,\n\nJust checking in to see how things are going.\n\nPriya\n")
    code, out, _ = run_cli("check", "--format", "junit", checkin_draft.name, clean_draft.name, "b.md")
    assert code == 1
    root = ET.fromstring(out.encode("utf-8"))
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    cases = [c for s in suites for c in s.findall("testcase")]
    failing = {c.get("name") for c in cases if c.find("failure") is not None}
    assert failing == {"checkin.txt", "b.md"}
    assert sum(int(s.get("failures")) for s in suites) == 2
    for case in cases:
        for failure in case.findall("failure"):
            assert "FL101" in failure.get("type") + failure.get("message")


def test_junit_one_testcase_per_file_with_several_failures():
    findings = [make_finding("a.txt", line=3), make_finding("a.txt", line=9), make_finding("b.txt")]
    root = ET.fromstring(render(JunitReporter(), make_report(findings)))
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    assert sorted(c.get("name") for c in cases) == ["a.txt", "b.txt"]
    a = next(c for c in cases if c.get("name") == "a.txt")
    assert len(a.findall("failure")) == 2
    assert suite.get("failures") == "2"
    assert suite.get("tests") == "2"


def test_junit_control_characters_do_not_break_xml():
    evil = "Just checking in\x00\x01\x08\x0b\x0c\x1b[31m <b>&</b> \"quoted\" \ud800"
    evidence = Evidence(touch="t", path="a.txt", line=1, text="bell\x07 and form\x0cfeed")
    finding = make_finding("odd\x01name.txt", message=evil, excerpt=evil, suggestion="ok\x02", evidence=[evidence])
    text = render(JunitReporter(), make_report([finding], [InputProblem("b\x03.csv", "bad\x04 date")]))
    root = ET.fromstring(text.encode("utf-8", "surrogatepass").decode("utf-8", "replace"))
    failure = root.find(".//failure")
    assert "<b>&</b>" in failure.get("message")
    assert "Just checking in" in failure.text
    assert root.find(".//error") is not None


def test_junit_input_errors_are_errors():
    root = ET.fromstring(render(JunitReporter(), make_report([], [InputProblem("x.csv", "bad")])))
    suite = root.find("testsuite")
    assert suite.get("errors") == "1"
    assert root.find(".//testcase/error").get("message") == "bad"


# -- text (rendering details) ----------------------------------------------------------------


def test_text_evidence_and_summary():
    evidence = Evidence(touch="q1", path="a.txt", line=9, text="I still have not received my plates",
                        time=datetime(2026, 11, 2, tzinfo=timezone.utc))
    finding = make_finding("a.txt", code="FL101", evidence=[evidence])
    out = render(TextReporter(), make_report([finding], [InputProblem("x.csv", "bad")]))
    lines = out.splitlines()
    assert lines[0] == "a.txt:3:1: FL101 [warning] This follow-up only checks in"
    assert "  | Just checking in" in lines
    assert "  evidence: a.txt:9 (2026-11-02): I still have not received my plates" in lines
    assert "  = help: Give the customer a reason." in lines
    assert lines[-1] == "1 input error. Found 1 finding (1 warning) in the 1 file that was read."


def test_text_does_not_pass_terminal_escapes_through():
    finding = make_finding(excerpt="checking in \x1b[2J\x1b]0;pwned\x07 now", message="line one\nline two")
    out = render(TextReporter(), make_report([finding]))
    assert "\x1b" not in out and "\x07" not in out
    assert out.splitlines()[0].endswith("line one line two")


def test_text_colour_only_when_asked():
    report = make_report([make_finding()])
    assert "\x1b[" not in render(TextReporter(), report)
    assert "\x1b[" in render(TextReporter(), report, color=True)


def test_text_statistics_sorted_by_count():
    findings = [make_finding("a.txt"), make_finding("b.txt"),
                make_finding("c.txt", code="FL110", name="defensive-tone", severity=Severity.INFO)]
    out = render(TextReporter(), make_report(findings, files=3), statistics=True)
    table = [line.split() for line in out.splitlines() if re.match(r"^\s+\d+\s+FL\d{3}", line)]
    assert table == [["2", "FL101", "no-value-reason"], ["1", "FL110", "defensive-tone"]]
    assert out.splitlines()[-1] == "Found 3 findings (1 info, 2 warnings) in 3 files."


@pytest.mark.parametrize("reporter", [TextReporter(), JsonReporter(), SarifReporter(), GithubReporter(), JunitReporter()])
def test_every_reporter_handles_an_empty_report(reporter):
    out = render(reporter, make_report([], files=0))
    if reporter.name in ("json", "sarif"):
        json.loads(out)
    elif reporter.name == "junit":
        ET.fromstring(out)
    elif reporter.name == "github":
        assert out == ""
