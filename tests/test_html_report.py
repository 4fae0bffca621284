"""The manager's HTML report: built from real followlint runs over hostile mail, opened in
headless Chromium (screenshot and rendered DOM), plus escaping checked field by field."""
from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import zlib
from datetime import datetime, timezone
from html.parser import HTMLParser

import pytest

from followlint.engine import Report
from followlint.model import Evidence, Finding, InputProblem, Severity
from followlint.reporters.html import render_html, write_html
from followlint.reporters.html_page import CSP

PWN = "document.title='pwned'"
SCRIPT = f"<script>{PWN}</script>"
IMG = f'<img src=x onerror="{PWN}">'
HOSTILE_FILE = f'"><img src=x onerror="{PWN}">.txt'

# A draft that only checks in (FL101), with a script in its body, under a hostile file name.
CHECKIN_DRAFT = (
    f"Hi Sam,\n\nJust checking in to see how things are going {SCRIPT}. Let me know if you need anything.\n\n"
    "Thanks,\nPriya\n"
)
# Our reply checks in and asks for a referral while the customer's complaint is open
# (FL101, FL102, FL103); the complaint quoted below it carries an image with an onerror.
REFERRAL_REPLY = f"""\
From: "{SCRIPT} Priya" <priya@acme.example>
To: Bob <bob@customer.example>
Subject: </textarea></title>{SCRIPT} your lease
Date: Thu, 05 Nov 2026 10:00:00 +0100
Message-ID: <r1"><script>{PWN}</script>@acme.example>

Hi Bob,

Just checking in to see how everything is going with the car! Do you know anyone else looking for a car?

Priya

On Tue, 3 Nov 2026 at 09:00, Bob {SCRIPT} <bob@customer.example> wrote:
> I still have not received my plates {IMG} and I am not happy.
> Can you tell me when they arrive?
"""
# A colleague whose display name is a script steps in unannounced (FL107); the evidence is the
# first colleague's message, whose body breaks out of a textarea and runs a script.
HANDOFF = f"""\
From: "Dana {SCRIPT}" <dana@telco.example>
To: Jo Park <jo@example.com>
Subject: </textarea>{SCRIPT} your plan
Date: Wed, 04 Nov 2026 09:00:00 +0100
Message-ID: <h2"><script>{PWN}</script>@telco.example>

Hi Jo,

I'm calling to see if you are ready to sign up for the new plan today.

Dana

On Tue, 3 Nov 2026 at 11:00, Jo Park <jo@example.com> wrote:
> Thanks, I'd like to think about it over the weekend.
>
> On Tue, 3 Nov 2026 at 10:00, Sam <sam@telco.example> wrote:
> > Thanks for your time today, Jo. {SCRIPT}{IMG}</textarea> I've emailed you the details of the new plan.
"""
HANDOFF_EVIDENCE = f"Thanks for your time today, Jo. {SCRIPT}{IMG}</textarea>"

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


# -- helpers ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium():
    path = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
    if path is None:
        reason = "chromium is not installed (bash scripts/setup-test-deps.sh installs it)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"{reason}; CI must run the browser tests")
        pytest.skip(reason)
    return path


def open_page(chromium, page, tmp_path, *args) -> subprocess.CompletedProcess:
    profile = tmp_path / f"chromium-profile-{len(list(tmp_path.glob('chromium-profile-*')))}"
    profile.mkdir()
    proc = subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri()],
        capture_output=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-2000:]
    return proc


def rendered_dom(chromium, page, tmp_path) -> "Node":
    proc = open_page(chromium, page, tmp_path, "--dump-dom")
    return parse_dom(proc.stdout.decode("utf-8"))


class Node:
    def __init__(self, tag: str, attrs: dict):
        self.tag, self.attrs, self.children, self.parts = tag, attrs, [], []

    def text(self) -> str:
        return "".join(p if isinstance(p, str) else p.text() for p in self.parts)

    def all(self, tag: str = "*", **attrs) -> list["Node"]:
        """Descendants by tag and attributes (data_code= is data-code=; class_= matches one class)."""
        found = []
        for child in self.children:
            if tag in ("*", child.tag) and all(child.has(key, value) for key, value in attrs.items()):
                found.append(child)
            found.extend(child.all(tag, **attrs))
        return found

    def has(self, key: str, value: str) -> bool:
        if key == "class_":
            return value in self.attrs.get("class", "").split()
        return self.attrs.get(key.replace("_", "-")) == value

    def one(self, tag: str = "*", **attrs) -> "Node":
        found = self.all(tag, **attrs)
        assert len(found) == 1, f"expected one <{tag} {attrs}>, found {len(found)}"
        return found[0]


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        self.stack[-1].parts.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].parts.append(data)


def parse_dom(markup: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    return builder.root


def page_title(dom: Node) -> str:
    return dom.one("head").one("title").text()  # the charts' SVG <title>s are tooltips


def expected_title(severities: list[str]) -> str:
    """The title the page sets itself, e.g. "followlint report: 5 findings (1 error, 4 warnings)"."""
    counts = [(severities.count(s), s) for s in ("error", "warning", "info") if s in severities]
    tally = ", ".join(f"{n} {s}{'s' if n > 1 else ''}" for n, s in counts)
    return f"followlint report: {len(severities)} findings ({tally})"


def assert_nothing_injected(dom: Node, title: str) -> None:
    """What a successful injection leaves in the rendered DOM: a changed title, an element the
    mail brought, or an event-handler attribute."""
    assert page_title(dom) == title
    for tag in ("script", "img", "textarea", "iframe", "object", "embed"):
        assert not dom.all(tag), f"a <{tag}> from the mail made it into the page"
    handlers = [(n.tag, a) for n in dom.all() for a in n.attrs if a.startswith("on")]
    assert not handlers, f"event handlers in the page: {handlers}"


def write_hostile_mail(folder) -> None:
    folder.mkdir(exist_ok=True)
    (folder / HOSTILE_FILE).write_text(CHECKIN_DRAFT, encoding="utf-8")
    (folder / "referral.eml").write_text(REFERRAL_REPLY, encoding="utf-8")
    (folder / "handoff.eml").write_text(HANDOFF, encoding="utf-8")


@pytest.fixture
def hostile_run(run_cli, tmp_path):
    """One real ``check`` over the hostile mail: the HTML page and the JSON of the same run."""
    write_hostile_mail(tmp_path / "mail")
    code, out, err = run_cli("check", "mail", "--format", "json", "-o", "result.json", "--html", "report.html")
    assert code == 1, err
    result = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
    codes = {f["code"] for f in result["findings"]}
    assert {"FL101", "FL102", "FL103", "FL107"} <= codes, f"the fixtures no longer trigger the rules they are for: {codes}"
    return tmp_path / "report.html", result


def lint_in_process(folder) -> Report:
    from followlint import plugins
    from followlint.config import load_settings
    from followlint.engine import Linter
    from followlint.runner import run

    settings = load_settings(None, str(folder))
    return run(Linter(settings, plugins.load(settings)), [str(folder)], None, 1)


HISTORY = [
    {"time": f"2026-11-{day:02d}T06:00:00+00:00", "findings": count, "by_code": {}, "by_rep": {}}
    for day, count in zip(range(15, 22), [9, 12, 7, 8, 11, 6, 5])
]


@pytest.fixture
def audit_page(tmp_path):
    """The page as the audit writes it: reps are the findings' senders, with a trend."""
    write_hostile_mail(tmp_path / "mail")
    report = lint_in_process(tmp_path / "mail")
    page = tmp_path / "audit.html"
    write_html(report, page, HISTORY)
    return page, report


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR" and data[-8:-4] == b"IEND", "a truncated PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def png_pixels_bytes(data: bytes) -> int:
    """Length of the decompressed image data: proves the PNG is whole, not only its header."""
    pos, idat = 8, b""
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        if data[pos + 4:pos + 8] == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    return len(zlib.decompress(idat))


# -- in the browser --------------------------------------------------------------------------


def test_the_report_renders_in_chromium_as_a_full_page(chromium, audit_page, tmp_path):
    page, _ = audit_page
    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><html lang=en><title>blank</title></html>", encoding="utf-8")
    shots = {}
    for name, target in (("report", page), ("blank", blank)):
        shot = tmp_path / f"{name}.png"
        open_page(chromium, target, tmp_path, f"--screenshot={shot}", "--window-size=1280,2000")
        shots[name] = shot.read_bytes()
    assert png_size(shots["report"]) == (1280, 2000)
    assert png_pixels_bytes(shots["report"]) >= 1280 * 2000 * 3  # every row of pixels is there
    # Text, charts and coloured cards compress far worse than an empty white page.
    assert len(shots["report"]) > 5 * len(shots["blank"]), (len(shots["report"]), len(shots["blank"]))


def test_rendered_totals_chart_and_evidence_match_the_run(chromium, hostile_run, tmp_path):
    page, result = hostile_run
    dom = rendered_dom(chromium, page, tmp_path)
    summary = result["summary"]

    for key in ("files", "conversations", "touches", "findings"):
        assert dom.one("div", data_total=key).one("dd").text() == str(summary[key]), key
    by_severity = {"error": 0, "warning": 0, "info": 0}
    for f in result["findings"]:
        by_severity[f["severity"]] += 1
    for severity, count in by_severity.items():
        assert dom.one("div", data_total=severity).one("dd").text() == str(count), severity

    chart = dom.one("svg", id="chart-rules")
    bars = {bar.attrs["data-label"].split()[0]: int(bar.attrs["data-count"]) for bar in chart.all("g", class_="bar")}
    assert bars == summary["by_code"]
    for bar in chart.all("g", class_="bar"):
        assert bar.all("rect") and bar.one("text", class_="count").text() == bar.attrs["data-count"]

    articles = dom.all("article", class_="finding")
    assert len(articles) == summary["findings"]
    handoff = dom.one("article", data_code="FL107")
    quoted = [q.text() for q in handoff.one("ul", class_="evidence").all("blockquote")]
    assert any(text.startswith(HANDOFF_EVIDENCE) for text in quoted), quoted  # shown as text
    assert "03 Nov 2026" in handoff.one("ul", class_="evidence").one("time").text()
    unanswered = dom.one("article", data_code="FL103")
    assert "still have not received" in unanswered.one("ul", class_="evidence").text()
    assert "Report back" in unanswered.one("p", class_="suggestion").text()


def test_script_in_body_subject_sender_and_file_name_does_not_run(chromium, hostile_run, tmp_path):
    page, result = hostile_run
    title = expected_title([f["severity"] for f in result["findings"]])
    assert_nothing_injected(rendered_dom(chromium, page, tmp_path), title)

    # Escaping alone holds, without the Content-Security-Policy behind it.
    markup = page.read_text(encoding="utf-8")
    assert markup.count(CSP.replace("'", "&#x27;")) == 1
    bare = tmp_path / "no-csp.html"
    bare.write_text(markup.replace(CSP.replace("'", "&#x27;"), "default-src *"), encoding="utf-8")
    dom = rendered_dom(chromium, bare, tmp_path)
    assert_nothing_injected(dom, title)
    locations = [code.text() for code in dom.all("code")]
    assert f"mail/{HOSTILE_FILE}:3:1" in locations, "the file name is shown as text"
    assert any(f"Dana {SCRIPT}" in m.text() for m in dom.all("p", class_="message")), "the sender is shown as text"


def test_the_page_policy_stops_a_script_that_would_otherwise_run(chromium, tmp_path):
    """The check above can see a script run, and the page's policy stops one."""
    for policy, expected in (("", "pwned"), (f'<meta http-equiv="Content-Security-Policy" content="{CSP}">', "report")):
        page = tmp_path / f"control-{expected}.html"
        page.write_text(f"<!DOCTYPE html><html lang=en><head>{policy}<title>report</title></head>"
                        f"<body>{SCRIPT}</body></html>", encoding="utf-8")
        assert page_title(rendered_dom(chromium, page, tmp_path)) == expected


def test_audit_page_charts_reps_and_trend_without_running_their_names(chromium, audit_page, tmp_path):
    page, report = audit_page
    dom = rendered_dom(chromium, page, tmp_path)
    n = len(report.findings)
    assert_nothing_injected(dom, expected_title([f.severity.label for f in report.findings]))

    reps = {bar.attrs["data-label"]: int(bar.attrs["data-count"]) for bar in dom.one("svg", id="chart-reps").all("g", class_="bar")}
    # the senders of the messages the findings are on; the draft has no From line
    # Dana: FL107 (a new person) and FL109 (asks again the morning after "let me think about it")
    assert reps == {"priya@acme.example": 3, "dana@telco.example": 2, "unknown": 1}
    assert sum(reps.values()) == n
    rows = [row.one("th").text() for row in dom.one("table", class_="reps").one("tbody").all("tr")]
    assert rows == ["priya@acme.example", "dana@telco.example", "unknown"]

    points = dom.one("svg", id="chart-trend").all("g", class_="point")
    assert [int(p.attrs["data-count"]) for p in points] == [run["findings"] for run in HISTORY]
    assert points[-1].attrs["data-label"] == "21 Nov"
    assert "1 fewer than the run before" in dom.one("section", aria_labelledby="trend").text()


# -- without a browser -----------------------------------------------------------------------


def marker(field: str) -> str:
    """Markup that would become an element, or break out of an attribute, if left unescaped."""
    return f'<i data-field="{field}"></i>" onclick="{field}'


def hostile_report() -> Report:
    evidence = Evidence(touch=marker("evidence.touch"), path=marker("evidence.path"), line=4,
                        text=marker("evidence.text") + "\x00\ud800", time=datetime(2026, 11, 3, 9, tzinfo=timezone.utc))
    finding = Finding(
        code=marker("code"), name=marker("name"), severity=Severity.WARNING, message=marker("message"),
        path=marker("path"), line=3, column=1, end_line=3, end_column=9, excerpt=marker("excerpt"),
        conversation=marker("conversation"), touch="t1", suggestion=marker("suggestion"), evidence=[evidence],
        sender=marker("rep"), customer=marker("customer"),
    )
    report = Report(findings=[finding], problems=[InputProblem(marker("problem.path"), marker("problem.message"))],
                    files=1, conversations=1, touches=2)
    return report


def test_every_field_from_mail_or_findings_is_escaped():
    history = [{"time": "<i id=t>", "findings": 3}, {"time": "2026-11-20T06:00:00+00:00", "findings": 1}]
    page = render_html(hostile_report(), history)
    page.encode("utf-8")  # control characters and lone surrogates do not stop the report

    assert "<i " not in page and 'onclick="' not in page
    fields = ["code", "name", "message", "path", "excerpt", "conversation", "suggestion", "evidence.text",
              "evidence.path", "rep", "customer", "problem.path", "problem.message"]
    for field in fields:
        assert f"&lt;i data-field=&quot;{field}&quot;&gt;&lt;/i&gt;&quot; onclick=&quot;{field}" in page, field
    assert "&lt;i id=t&gt;" in page


def test_the_page_is_self_contained_and_forbids_scripts(run_cli, checkin_draft):
    code, out, err = run_cli("check", checkin_draft.name, "--format", "html")
    assert code == 1, err
    assert out.startswith("<!DOCTYPE html>") and '<html lang="en">' in out
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP.replace(chr(39), "&#x27;")}">' in out
    for external in ("<script", "<link", "src=", "href=", "@import", "url("):
        assert external not in out, external
    assert out.count("://") == out.count('xmlns="http://www.w3.org/2000/svg"')  # only SVG's namespace
    assert "FL101" in out and "Just checking in" in out


def test_html_option_writes_the_page_besides_the_usual_output(run_cli, checkin_draft, tmp_path):
    code, out, err = run_cli("check", checkin_draft.name, "--html", "morning.html")
    assert code == 1, err
    assert "checkin.txt:3:1: FL101" in out  # the terminal report is unchanged
    page = (tmp_path / "morning.html").read_text(encoding="utf-8")
    assert "<title>followlint report: 1 finding (1 warning)</title>" in page
    assert 'data-code="FL101"' in page
    assert "does not know who sent each message" in page  # check has no reps: said, not charted
    assert "chart-reps" not in page


def test_html_option_reports_an_unwritable_file_in_one_line(run_cli, checkin_draft):
    code, out, err = run_cli("check", checkin_draft.name, "--html", "no/such/folder/report.html")
    assert code == 2
    assert "checkin.txt:3:1: FL101" in out  # the findings still reach the terminal
    assert err.strip().count("\n") == 0 and "cannot write the HTML report no/such/folder/report.html" in err
    assert "Traceback" not in err


def test_an_empty_run_says_all_clear(run_cli, clean_draft, tmp_path):
    code, out, err = run_cli("check", clean_draft.name, "--html", "clear.html")
    assert code == 0, err
    page = (tmp_path / "clear.html").read_text(encoding="utf-8")
    assert "<title>followlint report: all clear</title>" in page and "No findings." in page
    assert "chart-rules" not in page


def test_a_damaged_or_one_run_history_still_gives_a_page():
    report = hostile_report()
    one = render_html(report, [{"time": "2026-11-20T06:00:00+00:00", "findings": 4}])
    assert one.count('class="point"') == 1 and "<polyline" not in one
    damaged = render_html(report, ["not a run", {"time": None, "findings": "many"}, {"findings": 2}])
    assert damaged.count('class="point"') == 2 and 'data-count="2"' in damaged
