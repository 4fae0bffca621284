"""Inline suppressions in drafts and templates: honoured with a reason, refused (loudly) without."""
from __future__ import annotations

import re

import pytest

from followlint.model import Finding, Severity
from followlint.sources.templates import Suppression, find_suppressions, neutralize
from followlint.suppress import is_suppressed

CHECKIN_LINE = "Just checking in to see how things are going. Let me know if you need anything."
FINDING = re.compile(r"^(?P<path>.+):(?P<line>\d+):\d+: (?P<code>FL\d{3}) ", re.M)


def draft(*before: str, after: tuple[str, ...] = ()) -> str:
    return "\n".join([*before, "Hi Sam,", "", CHECKIN_LINE, "", "Thanks,", "Priya", *after]) + "\n"


def flagged(out: str) -> list[tuple[str, int, str]]:
    return [(m["path"], int(m["line"]), m["code"]) for m in FINDING.finditer(out)]


# -- honoured directives, end to end ---------------------------------------------------------


@pytest.mark.parametrize("name, text", [
    ("news.html", draft("<!-- followlint: disable=FL101 -- seasonal newsletter -->")),
    ("news.md", draft("<!-- followlint: disable=FL101 -- seasonal newsletter -->")),
    ("news.txt", draft("<!-- followlint: disable=no-value-reason -- seasonal newsletter -->")),
    ("news.j2", draft("{# followlint: disable=FL1 -- seasonal newsletter #}")),
    ("next.j2", "Hi {{ first_name }},\n\n{# followlint: disable-next-line=FL101 -- renewal reminder #}\n" + CHECKIN_LINE + "\n"),
    ("next.hbs", "Hi {{first_name}},\n{{!-- followlint: disable-next-line=FL101 -- reminder --}}\n\n" + CHECKIN_LINE + "\n"),
    ("file.txt", draft("followlint: disable-file=FL101 -- reviewed by the team lead")),
    ("file-end.md", draft(after=("<!-- followlint: disable-file=FL101 -- reviewed -->",))),
    ("all.liquid", draft("{% comment %} followlint: disable-file=ALL -- legal-approved copy {% endcomment %}")),
    ("next.html", "<html><body>\n<p>Hi Sam,</p>\n<!-- followlint: disable-next-line=FL101 -- seasonal -->\n"
                  "<p>" + CHECKIN_LINE + "</p>\n<p>Thanks,<br>Priya</p>\n</body></html>\n"),
    ("sub.txt", "Subject: Quick check\nTo: sam@example.com\n\nHi Sam,\n<!-- followlint: disable-next-line=FL101 -- ok -->\n" + CHECKIN_LINE + "\n"),
])
def test_directive_with_reason_suppresses(run_cli, tmp_path, name, text):
    (tmp_path / name).write_text(text)
    code, out, err = run_cli("check", name)
    assert code == 0, out + err
    assert flagged(out) == []
    assert "warning" not in err


def test_same_draft_without_directive_is_flagged(run_cli, tmp_path):
    """The control for the test above: the draft itself is a finding."""
    (tmp_path / "news.html").write_text(draft())
    (tmp_path / "next.j2").write_text("Hi {{ first_name }},\n\n" + CHECKIN_LINE + "\n")
    (tmp_path / "next.html").write_text("<html><body>\n<p>Hi Sam,</p>\n<p>" + CHECKIN_LINE + "</p>\n</body></html>\n")
    code, out, _ = run_cli("check", "news.html", "next.j2", "next.html")
    assert code == 1
    assert set(flagged(out)) == {("news.html", 3, "FL101"), ("next.j2", 3, "FL101"), ("next.html", 3, "FL101")}


@pytest.mark.parametrize("directive, kind", [
    ("<!-- followlint: disable=FL101 -->", "disable"),
    ("<!-- followlint: disable=FL101 -- -->", "disable"),
    ("{# followlint: disable-next-line=FL101 #}", "disable-next-line"),
    ("followlint: disable-file=FL101", "disable-file"),
])
def test_directive_without_reason_is_not_honoured_and_warns(run_cli, tmp_path, directive, kind):
    (tmp_path / "d.j2").write_text("Hi Sam,\n" + directive + "\n" + CHECKIN_LINE + "\n")
    code, out, err = run_cli("check", "d.j2")
    assert code == 1
    assert flagged(out) == [("d.j2", 3, "FL101")]
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert len(warnings) == 1, err
    assert "d.j2" in warnings[0] and "line 2" in warnings[0] and "reason" in warnings[0]
    assert kind in warnings[0]
    assert "Traceback" not in err


def test_unknown_directive_warns(run_cli, tmp_path):
    (tmp_path / "d.txt").write_text("Hi Sam,\n<!-- followlint: silence=FL101 -- x -->\n" + CHECKIN_LINE + "\n")
    code, out, err = run_cli("check", "d.txt")
    assert code == 1
    assert "d.txt" in err and "line 2" in err


def test_disable_covers_only_what_follows_and_enable_ends_it(run_cli, tmp_path):
    # Directive after the check-in: not covered.
    (tmp_path / "late.txt").write_text(draft(after=("<!-- followlint: disable=FL101 -- too late -->",)))
    # Disabled then re-enabled before the check-in: flagged.
    (tmp_path / "enabled.txt").write_text(draft(
        "<!-- followlint: disable=FL101 -- intro -->", "<!-- followlint: enable=FL101 -->"))
    code, out, _ = run_cli("check", "late.txt", "enabled.txt")
    assert code == 1
    assert {p for p, _, _ in flagged(out)} == {"late.txt", "enabled.txt"}


def test_disable_of_another_rule_does_not_suppress(run_cli, tmp_path):
    (tmp_path / "d.txt").write_text(draft("<!-- followlint: disable=FL1099 -- other rule -->"))
    code, out, _ = run_cli("check", "d.txt")
    assert code == 1


def test_disable_next_line_targets_only_the_next_nonblank_line(run_cli, tmp_path):
    text = "Hi Sam,\n{# followlint: disable-next-line=FL101 -- greeting only #}\nHope you had a good weekend.\n\n" + CHECKIN_LINE + "\n"
    (tmp_path / "d.j2").write_text(text)
    code, out, _ = run_cli("check", "d.j2")
    assert code == 1
    # The check-in is flagged, and the directive, which covered nothing, is reported (FL001).
    assert flagged(out) == [("d.j2", 2, "FL001"), ("d.j2", 5, "FL101")]


def test_suppression_via_stdin(run_cli):
    text = draft("{# followlint: disable=FL101 -- template #}")
    code, out, err = run_cli("check", "-", "--stdin-filename", "t.j2", input=text)
    assert code == 0, out + err


def test_directive_text_is_not_linted(run_cli, tmp_path):
    """A bare directive's reason never becomes a finding of its own."""
    text = ("followlint: disable-file=FL102 -- just checking in with the seasonal offer\n"
            "Hi Dana,\n\nGood news: your plates have arrived. I can drop them off Thursday at 4pm.\n\nMike\n")
    (tmp_path / "d.txt").write_text(text)
    code, out, err = run_cli("check", "--select", "FL101", "d.txt")
    assert code == 0, out + err


# -- the parts, in process -------------------------------------------------------------------


def test_find_suppressions_forms():
    text = "\n".join([
        "<!-- followlint: disable=FL101 -- seasonal newsletter -->",
        "{# followlint: disable-next-line=FL102,FL103 -- reason here #}",
        "",
        "target line",
        "followlint: disable-file=no-value-reason -- reviewed",
        "<!-- followlint: enable=FL101 -->",
        "{# followlint: disable=FL104 #}",
    ])
    found, problems = find_suppressions(text)
    assert [(s.kind, s.codes, s.reason, s.line) for s in found] == [
        ("disable", ("FL101",), "seasonal newsletter", 1),
        ("disable-next-line", ("FL102", "FL103"), "reason here", 2),
        ("disable-file", ("no-value-reason",), "reviewed", 5),
        ("enable", ("FL101",), "", 6),
    ]
    assert found[1].target == 4
    assert len(problems) == 1 and problems[0].startswith("line 7:") and "reason" in problems[0]


def test_neutralize_keeps_offsets_and_lines():
    text = ("Hi {{ first_name }}, [First Name] %FIRSTNAME% {name}\n"
            "<!-- followlint: disable=FL101 -- x -->\n"
            "followlint: disable-file=FL101 -- checking in\n"
            "{% if vip %}VIP{% endif %} see {{ tracking_url }}\n")
    out = neutralize(text)
    assert len(out) == len(text)
    assert out.count("\n") == text.count("\n")
    assert "{{" not in out and "%FIRSTNAME%" not in out and "[First Name]" not in out
    assert "followlint" not in out and "checking in" not in out
    assert "https://" in out  # a link placeholder stays link-shaped
    assert "VIP" in out


def test_neutralize_keeps_comment_closer_of_a_multiline_comment():
    text = "<!--\nfollowlint: disable=FL101 -- reason -->\n<p>Hello</p>\n"
    out = neutralize(text)
    assert "<p>Hello</p>" in out and "reason" not in out
    assert out.count("<!--") == out.count("-->")  # no comment left open over the message


def _finding(line: int, code="FL101", name="no-value-reason") -> Finding:
    return Finding(code=code, name=name, severity=Severity.WARNING, message="m", path="a.txt",
                   line=line, column=1, end_line=line, end_column=2, excerpt="x")


@pytest.mark.parametrize("directives, line, expected", [
    ([Suppression("disable", ("FL101",), "r", 2)], 5, True),
    ([Suppression("disable", ("FL101",), "r", 6)], 5, False),
    ([Suppression("disable", ("FL1",), "r", 1)], 5, True),
    ([Suppression("disable", ("no-value-reason",), "r", 1)], 5, True),
    ([Suppression("disable", ("ALL",), "r", 1)], 5, True),
    ([Suppression("disable", ("FL102",), "r", 1)], 5, False),
    ([Suppression("disable", ("FL101",), "r", 1), Suppression("enable", ("FL101",), "", 3)], 5, False),
    ([Suppression("disable", ("FL101",), "r", 1), Suppression("enable", ("FL101",), "", 7)], 5, True),
    ([Suppression("disable-next-line", ("FL101",), "r", 4, 5)], 5, True),
    ([Suppression("disable-next-line", ("FL101",), "r", 2, 3)], 5, False),
    ([Suppression("disable-file", ("FL101",), "r", 99)], 5, True),
    ([], 5, False),
])
def test_is_suppressed(directives, line, expected):
    assert is_suppressed(_finding(line), directives) is expected
