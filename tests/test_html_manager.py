"""The manager's report as a manager uses it: a real ``check`` over a team's mail, split per rep
and per conversation, filtered by clicking in headless Chromium (the page runs no script), laid
out at 1280 px and on a 390 px phone with nothing overflowing, one message stored twice shown once.

Screenshots go to the test's temporary folder, and also to $FOLLOWLINT_SCREENSHOTS when set."""
from __future__ import annotations

import json
import os
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from chromium_pipe import Browser  # noqa: E402
from test_html_report import audit_page, chromium, parse_dom, png_size  # noqa: E402,F401

ROOT = Path(__file__).resolve().parents[1]
LONG_COPY = "export/lease-copy-from-the-crm-export-of-november-2026-for-the-quarterly-review-meeting.eml"


def mail(sender, to, subject, date, msgid, body):
    return f"From: {sender}\nTo: {to}\nSubject: {subject}\nDate: {date}\nMessage-ID: <{msgid}>\n\n{body}"


LEASE = mail("Ann Lee <ann@company.example>", "Bob Stone <bob@customer.example>", "Re: Your lease",
             "Thu, 05 Nov 2026 10:00:00 +0100", "lease-2@company.example", """\
Hi Bob,

Just checking in to see how everything is going with the car! Do you know anyone else looking for a car?

Ann

On Tue, 3 Nov 2026 at 09:00, Bob Stone <bob@customer.example> wrote:
> I still have not received my plates and I am not happy.
> Can you tell me when they arrive?
""")
TEAM = {
    "deals/lease.eml": LEASE,
    LONG_COPY: LEASE,  # the same message, filed twice
    "deals/renewal.eml": mail("Ann Lee <ann@company.example>", "Eve Ward <eve@firm.example>",
                              "Renewal of your support contract", "Mon, 09 Nov 2026 09:30:00 +0100",
                              "renewal-1@company.example",
                              "Hi Eve,\n\nJust checking in on the renewal. Let me know if you need anything.\n\nAnn\n"),
    "deals/plan.eml": mail("Dana Reyes <dana@company.example>", "Jo Park <jo@example.com>", "Re: Your plan",
                           "Wed, 04 Nov 2026 09:00:00 +0100", "plan-3@company.example", """\
Hi Jo,

I'm calling to see if you are ready to sign up for the new plan today.

Dana

On Tue, 3 Nov 2026 at 11:00, Jo Park <jo@example.com> wrote:
> Thanks, I'd like to think about it over the weekend.
>
> On Tue, 3 Nov 2026 at 10:00, Sam Hill <sam@company.example> wrote:
> > Thanks for your time today, Jo. I've emailed you the details of the new plan.
"""),
    "deals/chairs.eml": mail("Ben Ito <ben@company.example>", "Cy Moss <cy@client.example>",
                             "Quote for the office chairs", "Fri, 06 Nov 2026 15:00:00 +0100", "chairs-1@company.example",
                             "Hi Cy,\n\nJust touching base to see if you had any thoughts. Let me know if you need anything.\n\nBen\n"),
    "drafts/monday.txt": "Hi Sam,\n\nJust checking in to see how things are going. Let me know if you need anything.\n\nThanks\n",
}


@pytest.fixture
def team_run(run_cli, tmp_path):
    """``check`` over the team's folder with our side given as a domain: the page and the JSON."""
    for name, text in TEAM.items():
        (tmp_path / "team" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "team" / name).write_text(text, encoding="utf-8")
    code, _, err = run_cli("check", "team", "--rep", "@company.example", "--format", "json", "-o", "result.json",
                           "--html", "report.html")
    assert code == 1, err
    result = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
    return tmp_path / "report.html", result["findings"]


def once(findings):
    """The JSON findings with the second copy of a message left out, as the page shows them."""
    seen, out = set(), []
    for f in findings:
        key = (f["message_id"], f["code"], f["excerpt"])
        if f["message_id"] and key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


@pytest.fixture
def browser(request, tmp_path):
    binary = request.getfixturevalue("chromium")  # found, or the test fails in CI (test_html_report)
    profile = tmp_path / "chromium-cdp-profile"
    profile.mkdir()
    opened = Browser(binary, str(profile))
    yield opened
    opened.close()


def keep_screenshot(path: Path) -> None:
    folder = os.environ.get("FOLLOWLINT_SCREENSHOTS")
    if folder:
        os.makedirs(folder, exist_ok=True)
        shutil.copy(path, os.path.join(folder, path.name))


# -- what the page says ------------------------------------------------------------------------


def test_check_splits_per_rep_and_per_conversation_with_subject_and_customer(team_run):
    page, findings = team_run
    shown = once(findings)
    dom = parse_dom(page.read_text(encoding="utf-8"))

    per_rep = Counter(f["sender"] or "unknown" for f in shown)
    groups = [(g.attrs["data-rep"], len(g.all("article"))) for g in dom.all("section", class_="rep-group")]
    # Dana: FL107 (a new person) and FL109 (asks again the morning after "let me think about it")
    assert groups == [("ann@company.example", 4), ("dana@company.example", 2), ("ben@company.example", 1), ("unknown", 1)]
    assert dict(groups) == per_rep
    assert "does not know who sent" not in page.read_text(encoding="utf-8")

    ann = dom.all("section", class_="rep-group")[0]
    conversations = [(c.one("h4").text(), c.one("span", class_="customer").text(), sorted(a.attrs["data-code"] for a in c.all("article")))
                     for c in ann.all("div", class_="conv")]
    assert conversations == [  # the one with an error first
        ("Re: Your lease", "Customer: bob@customer.example", ["FL101", "FL102", "FL103"]),
        ("Renewal of your support contract", "Customer: eve@firm.example", ["FL101"]),
    ]
    draft = dom.all("section", class_="rep-group")[-1].one("div", class_="conv")
    assert draft.one("h4").text() == "monday.txt" and "customer unknown" in draft.text()


def test_the_rep_by_rule_table_counts_what_the_run_found(team_run):
    page, findings = team_run
    dom = parse_dom(page.read_text(encoding="utf-8"))
    table = dom.one("table", class_="reps")
    codes = [th.text() for th in table.one("thead").all("th")][2:]
    assert codes == sorted({f["code"] for f in findings})
    counted = Counter((f["sender"] or "unknown", f["code"]) for f in once(findings))
    for row in table.one("tbody").all("tr"):
        rep = row.one("th").text()
        cells = [int(td.text()) for td in row.all("td")]
        assert cells[0] == sum(n for (r, _), n in counted.items() if r == rep), rep
        assert cells[1:] == [counted.get((rep, code), 0) for code in codes], rep


def test_a_message_stored_in_two_folders_is_shown_once(team_run):
    page, findings = team_run
    lease = [f for f in findings if f["message_id"] == "<lease-2@company.example>"]
    assert sorted({f["path"] for f in lease}) == sorted(["team/deals/lease.eml", f"team/{LONG_COPY}"])
    assert len(lease) == 6  # the run reads both files: two units, three findings each

    dom = parse_dom(page.read_text(encoding="utf-8"))
    articles = dom.all("article", class_="finding")
    assert len(articles) == len(findings) - 3
    assert dom.one("div", data_total="findings").one("dd").text() == str(len(articles))
    on_lease = [a for a in articles if "lease.eml" in a.one("dl", class_="meta").text()]
    assert len(on_lease) == 3
    for article in on_lease:
        assert f"Also stored inteam/{LONG_COPY}" in article.one("dl", class_="meta").text()
    assert "3 findings on a second copy of a message" in dom.one("p", class_="lede").text()


def test_drafts_of_one_rep_and_a_crm_owner_column_split_per_rep(run_cli, tmp_path):
    (tmp_path / "monday.txt").write_text(TEAM["drafts/monday.txt"], encoding="utf-8")
    code, _, err = run_cli("check", "monday.txt", "--rep", "priya@acme.example", "--html", "drafts.html")
    assert code == 1, err
    dom = parse_dom((tmp_path / "drafts.html").read_text(encoding="utf-8"))
    assert [g.attrs["data-rep"] for g in dom.all("section", class_="rep-group")] == ["priya@acme.example"]
    # with a whole domain on our side, anyone there may have written it: not guessed
    code, out, err = run_cli("check", "monday.txt", "--rep", "priya@acme.example", "--rep", "@acme.example",
                             "--format", "json")
    assert [f["sender"] for f in json.loads(out)["findings"]] == [None], err

    crm = ROOT / "fixtures" / "crm" / "pipedrive"
    code, _, err = run_cli("check", crm, "--format", "json", "-o", "crm.json", "--html", "crm.html")
    assert code == 1, err
    owners = Counter(f["sender"] for f in json.loads((tmp_path / "crm.json").read_text())["findings"])
    assert None not in owners and len(owners) > 1
    dom = parse_dom((tmp_path / "crm.html").read_text(encoding="utf-8"))
    groups = {g.attrs["data-rep"]: len(g.all("article")) for g in dom.all("section", class_="rep-group")}
    assert groups == dict(owners)


# -- in Chromium -------------------------------------------------------------------------------

VISIBLE = """[...document.querySelectorAll('article.finding')].filter(a => a.getClientRects().length)
  .map(a => [a.closest('.rep-group').dataset.rep, a.dataset.code, a.className.includes('sev-error') ? 'error' : 'warning'])"""
VISIBLE_GROUPS = """[...document.querySelectorAll('.rep-group, .conv')].filter(g => g.getClientRects().length)
  .map(g => g.matches('.rep-group') ? g.dataset.rep : g.querySelector('h4').textContent)"""


def label_for(browser, facet: str, text: str) -> str:
    ident = browser.evaluate(f"[...document.querySelectorAll('.facet-{facet} label')]"
                             f".find(l => l.textContent.startsWith({json.dumps(text)})).htmlFor")
    return f'label[for="{ident}"]'


def test_filters_by_rep_rule_and_severity_work_by_clicking_with_scripts_forbidden(browser, team_run):
    page, findings = team_run
    browser.open(page.resolve().as_uri(), 1280)
    assert browser.evaluate("document.scripts.length") == 0
    policy = browser.evaluate("document.querySelector('meta[http-equiv=Content-Security-Policy]').content")
    assert "default-src 'none'" in policy and "script-src" not in policy
    everything = sorted(map(tuple, browser.evaluate(VISIBLE)))
    assert len(everything) == len(once(findings))

    browser.click(label_for(browser, "rep", "ben@company.example"))
    assert browser.evaluate(VISIBLE) == [["ben@company.example", "FL101", "warning"]]
    assert browser.evaluate(VISIBLE_GROUPS) == ["ben@company.example", "Quote for the office chairs"]

    browser.click(label_for(browser, "rep", "all"))
    browser.click(label_for(browser, "rule", "FL103"))
    assert browser.evaluate(VISIBLE) == [["ann@company.example", "FL103", "error"]]
    assert browser.evaluate(VISIBLE_GROUPS) == ["ann@company.example", "Re: Your lease"]  # the others have none

    browser.click(label_for(browser, "sev", "warning"))  # FL103 and warning: nothing
    assert browser.evaluate(VISIBLE) == [] and browser.evaluate(VISIBLE_GROUPS) == []

    browser.click(label_for(browser, "rule", "all"))
    warnings = sorted(map(tuple, browser.evaluate(VISIBLE)))
    assert warnings == [f for f in everything if f[2] == "warning"] and len(warnings) == len(everything) - 1
    assert browser.evaluate("document.querySelector('#f-sev-sev-warning').checked") is True


def overflow(browser) -> dict:
    return browser.evaluate("""(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('body *')].filter(e => {
        const r = e.getBoundingClientRect();
        return r.width && (r.right > width + 0.5 || r.left < -0.5);
      }).map(e => e.tagName.toLowerCase() + '.' + (e.getAttribute('class') || ''));
      return {width, innerWidth, scrollWidth: document.documentElement.scrollWidth, wide};
    })()""")


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_at_desktop_and_phone_width_with_nothing_overflowing(browser, team_run, tmp_path, width):
    page, findings = team_run
    browser.open(page.resolve().as_uri(), width, 900, mobile=width < 500)
    measured = overflow(browser)
    assert measured["innerWidth"] == width
    assert measured["scrollWidth"] <= measured["width"], measured
    assert measured["wide"] == [], measured
    # the page reads in one column on a phone: a finding is nearly as wide as the screen
    finding = browser.evaluate("document.querySelector('article.finding').getBoundingClientRect().width")
    assert (width - 40 <= finding <= width) if width < 500 else finding < width - 200

    shot = tmp_path / f"report-{width}px.png"
    data = browser.screenshot(str(shot))
    keep_screenshot(shot)
    shot_width, shot_height = png_size(data)
    assert shot_width == width
    assert shot_height >= browser.evaluate("document.documentElement.scrollHeight") - 1  # the whole page


def test_the_audit_page_of_hostile_mail_fits_a_phone_too(browser, request, tmp_path):
    """Unbroken hostile strings (file names, Message-IDs, markup), the trend, the charts."""
    page, report = request.getfixturevalue("audit_page")
    browser.open(page.resolve().as_uri(), 390, 900, mobile=True)
    measured = overflow(browser)
    assert measured["scrollWidth"] <= measured["width"] and measured["wide"] == [], measured
    assert browser.evaluate("document.querySelectorAll('article.finding').length") == len(report.findings)
    shot = tmp_path / "audit-hostile-390px.png"
    browser.screenshot(str(shot))
    keep_screenshot(shot)
