"""FL001 unused-suppression: an inline directive that suppressed nothing is reported at its own
line, so suppressions do not outlive the text they excused."""
from __future__ import annotations

import json
import re

import pytest

CHECKIN_LINE = "Just checking in to see how things are going. Let me know if you need anything."
VALUE_LINE = "Good news: your plates have arrived. I can drop them off Thursday at 4pm if that suits you."
FINDING_LINE = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+):(?P<column>\d+): (?P<code>FL\d{3}) \[\w+\] (?P<message>.*)$", re.M)


def flagged(out: str) -> list[tuple[str, int, str]]:
    return [(m["path"], int(m["line"]), m["code"]) for m in FINDING_LINE.finditer(out)]


def messages(out: str, code: str = "FL001") -> list[str]:
    return [m["message"] for m in FINDING_LINE.finditer(out) if m["code"] == code]


@pytest.fixture(autouse=True)
def no_config_from_above(tmp_path):
    (tmp_path / ".followlint.toml").write_text("", encoding="utf-8")


def write(tmp_path, name: str, *lines: str) -> str:
    (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return name


def test_directive_that_suppresses_nothing_is_reported_at_its_line(run_cli, tmp_path):
    write(tmp_path, "news.j2", "Hi {{ first_name }},", "",
          "{# followlint: disable-next-line=FL101 -- courtesy touch #}", VALUE_LINE)
    code, out, err = run_cli("check", "news.j2")
    assert code == 1, out + err
    assert flagged(out) == [("news.j2", 3, "FL001")]
    assert messages(out) == ["Unused suppression: no FL101 finding on line 4 to suppress"]

    code, out, _ = run_cli("check", "news.j2", "--format", "json")
    [finding] = json.loads(out)["findings"]
    assert (finding["name"], finding["severity"], finding["line"], finding["column"]) == ("unused-suppression", "warning", 3, 4)
    assert finding["excerpt"] == "followlint: disable-next-line=FL101 -- courtesy touch"


@pytest.mark.parametrize("directive", [
    "<!-- followlint: disable=FL101 -- seasonal newsletter -->",
    "followlint: disable-file=no-value-reason -- reviewed by the team lead",
    "<!-- followlint: disable=FL1 -- seasonal newsletter -->",
    "<!-- followlint: disable-file=ALL -- legal-approved copy -->",
])
def test_directive_that_suppresses_a_finding_is_not_reported(run_cli, tmp_path, directive):
    write(tmp_path, "news.txt", directive, "Hi Sam,", "", CHECKIN_LINE)
    code, out, err = run_cli("check", "news.txt")
    assert (code, flagged(out)) == (0, []), out + err


def test_only_the_unused_codes_of_a_directive_are_reported(run_cli, tmp_path):
    write(tmp_path, "d.txt", "Hi Sam,", "<!-- followlint: disable=FL101,FL106 -- newsletter -->", CHECKIN_LINE)
    code, out, _ = run_cli("check", "d.txt")
    assert code == 1
    assert flagged(out) == [("d.txt", 2, "FL001")]
    assert messages(out) == ["Unused suppression: no FL106 finding after line 2 to suppress"]


def test_unknown_rule_in_a_directive_is_reported_as_unknown(run_cli, tmp_path):
    write(tmp_path, "d.txt", "followlint: disable-file=FL1O1,ACME201 -- newsletter", "Hi Sam,", "", VALUE_LINE)
    code, out, _ = run_cli("check", "d.txt")
    assert code == 1
    assert flagged(out) == [("d.txt", 1, "FL001")]
    assert messages(out) == ["Suppression names unknown rules: FL1O1, ACME201"]


def test_directive_for_a_rule_that_did_not_run_is_not_reported(run_cli, tmp_path):
    write(tmp_path, "d.txt", "followlint: disable-file=FL109 -- part of a sequence", "Hi Sam,", "", CHECKIN_LINE)
    code, out, _ = run_cli("check", "d.txt", "--select", "FL001,FL101")
    assert flagged(out) == [("d.txt", 4, "FL101")]
    code, out, _ = run_cli("check", "d.txt", "--ignore", "FL109")
    assert flagged(out) == [("d.txt", 4, "FL101")]


def test_enable_directives_are_never_reported(run_cli, tmp_path):
    write(tmp_path, "d.txt", "<!-- followlint: disable=FL101 -- intro -->", "Hi Sam,", "", CHECKIN_LINE,
          "<!-- followlint: enable=FL101 -->", "", "Thanks,", "Priya")
    code, out, err = run_cli("check", "d.txt")
    assert (code, flagged(out)) == (0, []), out + err


def test_fl001_is_a_rule_like_any_other(run_cli, tmp_path):
    write(tmp_path, "d.txt", "Hi Sam,", "<!-- followlint: disable-next-line=FL101 -- courtesy -->", VALUE_LINE)
    code, out, _ = run_cli("check", "d.txt", "--ignore", "FL001")
    assert (code, flagged(out)) == (0, [])
    code, out, _ = run_cli("check", "d.txt", "--ignore", "unused-suppression")
    assert (code, flagged(out)) == (0, [])
    # Another directive may silence it (and is itself used then).
    write(tmp_path, "e.txt", "followlint: disable-file=FL001 -- kept for the spring campaign", "Hi Sam,",
          "<!-- followlint: disable-next-line=FL101 -- courtesy -->", VALUE_LINE)
    code, out, err = run_cli("check", "e.txt")
    assert (code, flagged(out)) == (0, []), out + err
    code, out, _ = run_cli("rule", "FL001")
    assert code == 0 and out.startswith("FL001 unused-suppression (warning)")


@pytest.mark.parametrize("fmt, expect", [
    ("github", "::warning file=d.txt,line=2,"),
    ("sarif", '"ruleId": "FL001"'),
    ("junit", 'type="FL001 unused-suppression"'),
])
def test_reported_in_every_format(run_cli, tmp_path, fmt, expect):
    write(tmp_path, "d.txt", "Hi Sam,", "<!-- followlint: disable-next-line=FL101 -- courtesy -->", VALUE_LINE)
    code, out, _ = run_cli("check", "d.txt", "--format", fmt)
    assert code == 1
    assert expect in out


def test_jobs_gives_the_same_report(run_cli, tmp_path):
    names = []
    for n in range(6):
        names.append(write(tmp_path, f"d{n}.txt", "Hi Sam,", f"<!-- followlint: disable-next-line=FL10{n % 3 + 1} -- x -->",
                           CHECKIN_LINE if n % 2 else VALUE_LINE))
    serial = run_cli("check", *names, "--format", "json")
    parallel = run_cli("check", *names, "--format", "json", "--jobs", "2")
    assert serial == parallel
    assert any(f["code"] == "FL001" for f in json.loads(serial[1])["findings"])
