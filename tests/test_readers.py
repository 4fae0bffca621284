"""Readers: drafts and templates, .eml, mbox, maildir and folders of message files.

Every input is written here, in the test's tmp_path. End-to-end checks run the command line
(``check --format json`` / ``inspect --format json``); a few unit checks call the readers.
"""
from __future__ import annotations

import base64
import json
import os
import quopri

import pytest

from followlint.sources.html import html_layout
from followlint.sources.templates import neutralize

CHECKIN = "Just checking in to see how things are going. Let me know if you need anything."
VALUE = "Good news: your plates have arrived. I can drop them off Thursday at 4pm if that suits you."


def check(run_cli, *args, cwd=None):
    code, out, err = run_cli("check", *args, "--format", "json", cwd=cwd)
    assert "Traceback" not in err and "internal error" not in err, err
    return code, json.loads(out), err


def inspect(run_cli, path, *args):
    code, out, err = run_cli("inspect", path, "--format", "json", *args)
    assert "Traceback" not in err and "internal error" not in err, err
    assert code == 0, err
    return json.loads(out)["conversations"]


def touches(conversations):
    return [t for c in conversations for t in c["touches"]]


def fl101(report):
    return [f for f in report["findings"] if f["code"] == "FL101"]


def line_of(text: str, needle: str, start: int = 0) -> int:
    """1-based line of the first occurrence of needle in text."""
    at = text.index(needle, start)
    return text.count("\n", 0, at) + 1


def column_of(text: str, needle: str) -> int:
    at = text.index(needle)
    return at - (text.rfind("\n", 0, at) + 1) + 1


# -- drafts and templates ---------------------------------------------------------------------

TEMPLATE_HEADS = {
    ".txt": "Hi Sam,\n\nThanks for the call last week.\n\n",
    ".md": "# Follow-up\n\nHi **Sam**,\n\n",
    ".j2": "{# outreach step 3 #}\nHi {{ first_name }},\n{% if vip %}(VIP){% endif %}\n\n",
    ".jinja": "{% set greeting = 'Hi' %}\n{{ greeting }} {{ contact.first_name | title }},\n\n\n",
    ".hbs": "{{!-- step 2 --}}\nHi {{firstName}},\n{{#if company}}Account: {{company}}{{/if}}\n\n",
    ".mustache": "Hi {{{first_name}}},\n{{#deal}}\n{{/deal}}\n\n",
    ".liquid": "Hi {{ contact.first_name }},\n{% comment %} internal note {% endcomment %}\n{% if deal %}{% endif %}\n\n",
    ".tmpl": "Hi %FIRSTNAME%,\n\n[Company Name] team here.\n\n",
}


@pytest.mark.parametrize("suffix", sorted(TEMPLATE_HEADS))
def test_checkin_on_line_5_is_reported_on_line_5(run_cli, tmp_path, suffix):
    text = TEMPLATE_HEADS[suffix] + CHECKIN + "\n\nThanks,\nPriya\n"
    assert line_of(text, "Just checking in") == 5
    (tmp_path / f"draft{suffix}").write_text(text, encoding="utf-8")
    code, report, err = check(run_cli, f"draft{suffix}")
    assert code == 1, err
    [finding] = fl101(report)
    assert (finding["path"], finding["line"], finding["column"]) == (f"draft{suffix}", 5, 1)
    assert finding["excerpt"].lower().startswith("just checking in")
    assert report["errors"] == []


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_html_draft_finding_points_into_the_html(run_cli, tmp_path, suffix):
    text = (
        "<html><head><title>Checking in</title><style>p { margin: 0 }</style></head>\n"
        "<body>\n"
        "<p>Hi {{ first_name }},</p>\n"
        "<p>Thanks for <b>the call</b> last week &amp; the notes.</p>\n"
        f"<p>{CHECKIN}</p>\n"
        "<p>Thanks,<br>Priya</p>\n"
        "</body></html>\n"
    )
    (tmp_path / f"draft{suffix}").write_text(text, encoding="utf-8")
    code, report, err = check(run_cli, f"draft{suffix}")
    assert code == 1, err
    [finding] = fl101(report)
    assert (finding["line"], finding["column"]) == (5, column_of(text, "Just checking in"))


def test_html_suppression_comment_matches_the_mapped_line(run_cli, tmp_path):
    text = (
        "<div>Hi Sam,</div>\n"
        "<!-- followlint: disable-next-line=FL101 -- a scheduled courtesy touch -->\n"
        f"<div>{CHECKIN}</div>\n"
    )
    (tmp_path / "draft.html").write_text(text, encoding="utf-8")
    code, report, err = check(run_cli, "draft.html")
    assert fl101(report) == [] and code == 0, (report, err)


@pytest.mark.parametrize("placeholder", [
    "{{ first_name }}", "{first_name}", "[First Name]", "%FIRSTNAME%", "{% if vip %}gold{% endif %}",
    "{{\n   contact.first_name\n   | default('there')\n}}", "${first_name}", "{{{ unescaped }}}",
    "{% for item in items %}{{ item }}{% endfor %}", "*|FNAME|*", "{{#each items}}{{this}}{{/each}}",
])
def test_placeholders_are_neutral_text(run_cli, tmp_path, placeholder):
    text = f"Hi {placeholder},\n\n{VALUE}\n\nMike\n"
    (tmp_path / "t.j2").write_text(text, encoding="utf-8")
    code, report, err = check(run_cli, "t.j2")
    assert (code, report["findings"], report["errors"]) == (0, [], []), err
    # Only the placeholder is blanked: same length, same lines, the rest untouched.
    out = neutralize(text)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    assert VALUE in out and "Hi " in out


def test_placeholders_only_template_is_no_finding_and_no_crash(run_cli, tmp_path):
    text = "{{ greeting }} {first_name},\n{% if x %}\n[Body Text]\n{% endif %}\n%SIGNATURE%\n{{ footer\n}}\n"
    (tmp_path / "only.liquid").write_text(text, encoding="utf-8")
    code, report, err = check(run_cli, "only.liquid")
    assert (code, report["findings"], report["errors"]) == (0, [], []), err


def test_multiline_placeholder_keeps_later_lines_in_place(run_cli, tmp_path):
    text = "Hi {{\n  first_name\n}},\n\n" + CHECKIN + "\n"
    (tmp_path / "t.hbs").write_text(text, encoding="utf-8")
    _, report, _ = check(run_cli, "t.hbs")
    [finding] = fl101(report)
    assert finding["line"] == 5


def test_unclosed_template_tags_do_not_crash(run_cli, tmp_path):
    text = "Hi {{ first_name,\n{% if x \n{# never closed\n" + CHECKIN + "\n{{!-- open comment\n"
    (tmp_path / "broken.j2").write_text(text, encoding="utf-8")
    code, report, err = check(run_cli, "broken.j2")
    assert report["errors"] == [] and code in (0, 1), err


def test_draft_headers_are_kept_and_lines_still_point_into_the_file(run_cli, tmp_path):
    text = "Subject: =?utf-8?q?Caf=C3=A9?= order\nTo: sam@client.com\nFrom: Priya <priya@acme.com>\n\n" + CHECKIN + "\n"
    (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    _, report, _ = check(run_cli, "d.txt")
    [finding] = fl101(report)
    assert finding["line"] == 5
    [touch] = touches(inspect(run_cli, "d.txt"))
    assert touch["subject"] == "Café order" and touch["party"] == "priya@acme.com"
    assert "Subject" not in touch["text"]


def test_html_to_text_blocks_links_and_entities():
    html = (
        "<p>Hi&nbsp;Sam,</p><p>The <a href=\"https://example.com/x?a=1&amp;b=2\">guide</a> is "
        "ready.</p><table><tr><td>a</td><td>b</td></tr></table><script>var x = '<p>no</p>'</script>"
        "check<b>ing</b> a &lt; b &#8212; done<!-- hidden -->"
    )
    layout = html_layout(html)
    assert layout.text.split("\n\n") == [
        "Hi Sam,", "The guide (https://example.com/x?a=1&b=2) is ready.", "a b", "checking a < b \u2014 done",
    ]
    # Every word maps back to where it is in the HTML.
    for word in ("Sam", "guide", "ready", "done"):
        assert layout.position(layout.text.index(word)) == (1, html.index(word) + 1)


# -- .eml ---------------------------------------------------------------------------------------

HEADERS = (
    "From: Priya Patel <priya@acme.com>\nTo: Sam Reed <sam@client.com>\nSubject: Your order\n"
    "Date: Tue, 10 Nov 2026 09:00:00 +0100\nMessage-ID: <m1@acme.com>\nMIME-Version: 1.0\n"
)


def write_eml(tmp_path, name: str, text: str | bytes) -> str:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return name


def test_eml_multipart_alternative_prefers_plain(run_cli, tmp_path):
    plain_checkin = (HEADERS + 'Content-Type: multipart/alternative; boundary="XX"\n\n--XX\n'
                     "Content-Type: text/plain; charset=utf-8\n\nHi Sam,\n\n" + CHECKIN + "\n\n--XX\n"
                     f"Content-Type: text/html; charset=utf-8\n\n<p>{VALUE}</p>\n--XX--\n")
    html_checkin = plain_checkin.replace(CHECKIN, "@@").replace(VALUE, CHECKIN).replace("@@", VALUE)
    write_eml(tmp_path, "plain.eml", plain_checkin)
    write_eml(tmp_path, "html.eml", html_checkin)
    code, report, err = check(run_cli, "plain.eml", "html.eml")
    [finding] = fl101(report)
    assert finding["path"] == "plain.eml"
    assert finding["line"] == line_of(plain_checkin, "Just checking in")


def test_eml_html_only_is_converted_and_blockquote_is_history(run_cli, tmp_path):
    text = (HEADERS + "Content-Type: text/html; charset=utf-8\n\n"
            f"<div>{CHECKIN}</div>\n"
            "<div>On Mon, Nov 9, 2026 at 8:00 AM Sam Reed &lt;sam@client.com&gt; wrote:</div>\n"
            "<blockquote><div>I still have not received my plates.</div></blockquote>\n")
    write_eml(tmp_path, "h.eml", text)
    _, report, _ = check(run_cli, "h.eml")
    [finding] = fl101(report)
    assert (finding["line"], finding["column"]) == (line_of(text, CHECKIN), column_of(text, CHECKIN))
    ours, quoted = sorted(touches(inspect(run_cli, "h.eml")), key=lambda t: t["quoted"])
    assert not ours["quoted"] and "<div>" not in ours["text"] and ours["text"].startswith("Just checking in")
    assert quoted["quoted"] and quoted["direction"] == "inbound" and quoted["party"] == "sam@client.com"
    assert quoted["text"] == "I still have not received my plates."
    assert quoted["time"].startswith("2026-11-09T08:00")
    assert quoted["line"] == line_of(text, "I still have")


def test_eml_quoted_printable_lines_follow_soft_breaks(run_cli, tmp_path):
    long = ("Thanks again for walking me through the renewal yesterday, it was very helpful for the "
            "whole team and for the caf\u00e9 budget as well, and the slides were great.")
    plain = (f"Hi Sam,\n\n{CHECKIN}\n\nOn Mon, Nov 9, 2026 at 8:00 AM Sam Reed <sam@client.com> wrote:\n"
             f"> {long}\n> I still have not received my plates.\n")
    body = quopri.encodestring(plain.encode("utf-8")).decode("ascii")
    assert body.count("=\n") >= 2  # the long line is wrapped with soft breaks
    text = HEADERS + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n" + body
    write_eml(tmp_path, "qp.eml", text)
    _, report, _ = check(run_cli, "qp.eml")
    [finding] = fl101(report)
    assert finding["line"] == line_of(text, "Just checking in")
    ours, quoted = sorted(touches(inspect(run_cli, "qp.eml")), key=lambda t: t["quoted"])
    assert quoted["text"] == f"{long}\nI still have not received my plates."
    assert quoted["line"] == line_of(text, "> Thanks again")
    # Evidence inside the quote, after the soft breaks, points at its own encoded line.
    evidence = [e for f in report["findings"] if f["code"] == "FL103" for e in f["evidence"]]
    assert evidence and all(e["line"] == line_of(text, "> I still have not") for e in evidence)


def test_eml_base64_body(run_cli, tmp_path):
    body = base64.encodebytes(f"Hi Sam,\n\n{CHECKIN}\n".encode("utf-8")).decode("ascii")
    text = HEADERS + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n" + body
    write_eml(tmp_path, "b64.eml", text)
    code, report, err = check(run_cli, "b64.eml")
    [finding] = fl101(report)
    assert finding["line"] == line_of(text, body[:20])  # the body's first line: no better place


@pytest.mark.parametrize("charset,encoding,word", [
    ("iso-8859-1", "latin-1", "Zo\u00eb"),
    ("windows-1252", "cp1252", "\u201cthe pilot\u201d \u2014 Zo\u00eb"),
    ("utf-8", "utf-8", "Zo\u00eb \u2713"),
])
def test_eml_declared_charsets(run_cli, tmp_path, charset, encoding, word):
    data = (HEADERS + f"Content-Type: text/plain; charset={charset}\nContent-Transfer-Encoding: 8bit\n\n").encode("ascii")
    data += f"Hi {word},\n\n{CHECKIN}\n".encode(encoding)
    write_eml(tmp_path, "c.eml", data)
    code, report, err = check(run_cli, "c.eml")
    assert report["errors"] == [] and len(fl101(report)) == 1, err
    [touch] = touches(inspect(run_cli, "c.eml"))
    assert f"Hi {word}," in touch["text"]


def test_eml_unknown_charset_is_not_an_error(run_cli, tmp_path):
    data = (HEADERS + "Content-Type: text/plain; charset=x-unknown\nContent-Transfer-Encoding: 8bit\n\n").encode()
    data += f"Hi Zo\u00eb,\n\n{CHECKIN}\n".encode("utf-8")
    write_eml(tmp_path, "u.eml", data)
    code, report, err = check(run_cli, "u.eml")
    assert (code, report["errors"], err) == (1, [], "")
    [touch] = touches(inspect(run_cli, "u.eml"))
    assert "Hi Zo\u00eb," in touch["text"]


def test_eml_no_charset_with_non_utf8_bytes(run_cli, tmp_path):
    data = HEADERS.replace("MIME-Version: 1.0\n", "").encode() + b"\n"
    data += f"Hi Zo\u00eb \u2014 quick one.\n\n{CHECKIN}\n".encode("cp1252")
    write_eml(tmp_path, "n.eml", data)
    code, report, err = check(run_cli, "n.eml")
    assert (code, report["errors"]) == (1, []), err
    [touch] = touches(inspect(run_cli, "n.eml"))
    assert "Zo\u00eb \u2014 quick one" in touch["text"]


def test_eml_attachments_are_not_linted(run_cli, tmp_path):
    text = (HEADERS + 'Content-Type: multipart/mixed; boundary="MM"\n\n'
            f"--MM\nContent-Type: text/plain; charset=utf-8\n\nHi Sam,\n\n{VALUE}\n\n"
            '--MM\nContent-Type: text/plain; name="notes.txt"\nContent-Disposition: attachment; filename="notes.txt"\n\n'
            f"{CHECKIN}\n"
            '--MM\nContent-Type: text/plain; name="more.txt"\nContent-Disposition: inline; filename="more.txt"\n\n'
            f"{CHECKIN}\n--MM--\n")
    write_eml(tmp_path, "a.eml", text)
    code, report, err = check(run_cli, "a.eml")
    assert (code, report["findings"], report["errors"]) == (0, [], []), err


def test_eml_html_body_is_preferred_to_an_attached_message(run_cli, tmp_path):
    text = (HEADERS + 'Content-Type: multipart/mixed; boundary="MM"\n\n'
            f"--MM\nContent-Type: text/html; charset=utf-8\n\n<p>{VALUE}</p>\n"
            "--MM\nContent-Type: message/rfc822\n\nFrom: someone@else.com\nSubject: old\n\n"
            f"{CHECKIN}\n--MM--\n")
    write_eml(tmp_path, "f.eml", text)
    code, report, err = check(run_cli, "f.eml")
    assert (code, report["findings"]) == (0, []), err
    [touch] = touches(inspect(run_cli, "f.eml"))
    assert touch["text"] == VALUE


def test_eml_encoded_word_headers(run_cli, tmp_path):
    text = (
        "From: =?utf-8?q?Stone=2C_Zo=C3=AB?= <zoe@client.com>\nTo: =?iso-8859-1?q?Priya_P=E9rez?= <priya@acme.com>\n"
        "Subject: =?utf-8?q?R=C3=A9union?= =?utf-8?b?IGRlIHN1aXZp?=\nDate: Tue, 10 Nov 2026 09:00:00 +0100\n"
        "Message-ID: <e1@client.com>\n\nHello, the invoice is still wrong.\n"
    )
    write_eml(tmp_path, "w.eml", text)
    [touch] = touches(inspect(run_cli, "w.eml", "--rep", "@acme.com"))
    assert touch["subject"] == "R\u00e9union de suivi"
    assert touch["party"] == "zoe@client.com" and touch["direction"] == "inbound"


def test_eml_crlf_line_endings(run_cli, tmp_path):
    text = HEADERS + "Content-Type: text/plain\n\nHi Sam,\n\n" + CHECKIN + "\n"
    write_eml(tmp_path, "crlf.eml", text.replace("\n", "\r\n"))
    _, report, _ = check(run_cli, "crlf.eml")
    [finding] = fl101(report)
    assert (finding["line"], finding["column"]) == (line_of(text, CHECKIN), 1)


def test_eml_from_stdin(run_cli, tmp_path):
    text = HEADERS + "\nHi Sam,\n\n" + CHECKIN + "\n"
    code, out, err = run_cli("check", "-", "--stdin-filename", "draft.eml", "--format", "json", input=text)
    report = json.loads(out)
    [finding] = fl101(report)
    assert (finding["path"], finding["line"]) == ("draft.eml", line_of(text, CHECKIN))


# -- mbox ----------------------------------------------------------------------------------------


def mbox_message(sender: str, to: str, subject: str, date: str, msgid: str, body: str, extra: str = "") -> str:
    return (f"From {sender} Tue Nov 10 09:00:00 2026\nFrom: {sender}\nTo: {to}\nSubject: {subject}\n"
            f"Date: {date}\nMessage-ID: {msgid}\n{extra}\n{body}\n\n")


def test_mbox_threads_by_ids_then_subject_and_participants(run_cli, tmp_path):
    mbox = (
        mbox_message("bob@client.com", "priya@acme.com", "Plates", "Tue, 3 Nov 2026 09:12:00 +0000", "<b1@client.com>",
                     "I still have not received my plates.\n>From the dealer I heard nothing.")
        + mbox_message("carol@other.com", "priya@acme.com", "Invoice", "Tue, 3 Nov 2026 10:00:00 +0000", "<c1@other.com>",
                       "Can you send me the October invoice?")
        + mbox_message("priya@acme.com", "bob@client.com", "Re: Plates", "Wed, 4 Nov 2026 10:00:00 +0000", "<p1@acme.com>",
                       CHECKIN + "\n\nOn Tue, Nov 3, 2026 at 9:12 AM Bob <bob@client.com> wrote:\n"
                       "> I still have not received my plates.\n> From the dealer I heard nothing.",
                       extra="In-Reply-To: <b1@client.com> (Bob's message)\nReferences: <b1@client.com>\n")
        # No In-Reply-To: grouped by normalised subject and the same two people.
        + mbox_message("priya@acme.com", "carol@other.com", "Re[2]: FWD:  invoice", "Wed, 4 Nov 2026 11:00:00 +0000",
                       "<p2@acme.com>", "Here is the October invoice: https://example.com/inv/10")
    )
    (tmp_path / "box.mbox").write_text(mbox, encoding="utf-8")
    conversations = inspect(run_cli, "box.mbox")
    by_subject = {c["touches"][0]["subject"]: c for c in conversations}
    assert len(conversations) == 2
    plates = by_subject["Plates"]["touches"]
    # The quoted copy of Bob's message is not counted twice.
    assert [(t["party"], t["quoted"]) for t in plates] == [("bob@client.com", False), ("priya@acme.com", False)]
    assert plates[0]["text"] == "I still have not received my plates.\nFrom the dealer I heard nothing."
    assert [t["party"] for t in by_subject["Invoice"]["touches"]] == ["carol@other.com", "priya@acme.com"]
    # Findings point at lines of the mbox file.
    _, report, _ = check(run_cli, "box.mbox")
    [finding] = fl101(report)
    assert (finding["path"], finding["line"]) == ("box.mbox", line_of(mbox, CHECKIN))
    evidence = [e for f in report["findings"] if f["code"] == "FL103" for e in f["evidence"]]
    assert all(e["line"] == line_of(mbox, "I still have not") for e in evidence if "received" in e["text"])


def test_mbox_body_line_starting_with_from_does_not_split_a_message(run_cli, tmp_path):
    body = "Hi Sam,\n\nFrom all of us at Acme: thank you.\n\n" + CHECKIN
    mbox = mbox_message("priya@acme.com", "sam@client.com", "Hello", "Tue, 3 Nov 2026 09:12:00 +0000", "<a@acme.com>", body)
    (tmp_path / "one.mbox").write_text(mbox, encoding="utf-8")
    [touch] = touches(inspect(run_cli, "one.mbox"))
    assert "From all of us" in touch["text"] and "Just checking in" in touch["text"]


def test_mbox_same_message_twice_counts_once(run_cli, tmp_path):
    one = mbox_message("priya@acme.com", "sam@client.com", "Hello", "Tue, 3 Nov 2026 09:12:00 +0000", "<a@acme.com>", CHECKIN)
    (tmp_path / "twice.mbox").write_text(one + one, encoding="utf-8")
    _, report, _ = check(run_cli, "twice.mbox", "--rep", "@acme.com")
    assert report["summary"]["touches"] == 1 and len(fl101(report)) == 1


def test_mbox_without_suffix_is_found_in_a_folder(run_cli, tmp_path):
    export = tmp_path / "export" / "Sent.mbox"
    export.mkdir(parents=True)
    (export / "mbox").write_text(
        mbox_message("priya@acme.com", "sam@client.com", "Hello", "Tue, 3 Nov 2026 09:12:00 +0000", "<a@acme.com>", CHECKIN),
        encoding="utf-8")
    (export / "Info.plist").write_text("<plist></plist>\n", encoding="utf-8")
    _, report, _ = check(run_cli, "export", "--rep", "@acme.com")
    [finding] = fl101(report)
    assert finding["path"] == os.path.join("export", "Sent.mbox", "mbox")


# -- maildir and folders of message files ----------------------------------------------------------


def message(sender: str, to: str, subject: str, date: str, msgid: str, body: str, extra: str = "") -> str:
    return f"From: {sender}\nTo: {to}\nSubject: {subject}\nDate: {date}\nMessage-ID: {msgid}\n{extra}\n{body}\n"


def test_maildir_cur_and_new_thread_together(run_cli, tmp_path):
    box = tmp_path / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (box / sub).mkdir(parents=True)
    complaint = message("bob@client.com", "priya@acme.com", "Plates", "Tue, 3 Nov 2026 09:12:00 +0000",
                        "<b1@client.com>", "I still have not received my plates.")
    reply = message("priya@acme.com", "bob@client.com", "Re: Plates", "Wed, 4 Nov 2026 10:00:00 +0000",
                    "<p1@acme.com>", "Hi Bob,\n\n" + CHECKIN, extra="In-Reply-To: <b1@client.com>\n")
    (box / "cur" / "1700000000.M1P1.host:2,S").write_text(complaint, encoding="utf-8")
    (box / "new" / "1700000001.M2P2.host").write_text(reply, encoding="utf-8")
    (box / "tmp" / "partial").write_text("From: half", encoding="utf-8")
    [conversation] = inspect(run_cli, "Maildir", "--rep", "@acme.com")
    assert [t["party"] for t in conversation["touches"]] == ["bob@client.com", "priya@acme.com"]
    assert [t["direction"] for t in conversation["touches"]] == ["inbound", "outbound"]
    _, report, _ = check(run_cli, "Maildir", "--rep", "@acme.com")
    [finding] = fl101(report)
    assert finding["path"] == os.path.join("Maildir", "new", "1700000001.M2P2.host")
    assert finding["line"] == line_of(reply, CHECKIN)
    assert report["errors"] == []


def test_folder_of_numbered_message_files_recursively(run_cli, tmp_path):
    folder = tmp_path / "mail" / "priya" / "sent"
    folder.mkdir(parents=True)
    (folder / "1.").write_text(message("bob@client.com", "priya@acme.com", "Plates", "Tue, 3 Nov 2026 09:12:00 +0000",
                                       "<b1@client.com>", "I still have not received my plates."), encoding="utf-8")
    (folder / "2.").write_text(message("priya@acme.com", "bob@client.com", "RE: Plates", "Wed, 4 Nov 2026 10:00:00 +0000",
                                       "<p1@acme.com>", CHECKIN), encoding="utf-8")
    (folder / "notes").write_text("not a message, just notes\n", encoding="utf-8")
    (tmp_path / "mail" / "drafts").mkdir()
    (tmp_path / "mail" / "drafts" / "d.txt").write_text(CHECKIN + "\n", encoding="utf-8")
    code, report, err = check(run_cli, "mail", "--rep", "@acme.com")
    assert report["errors"] == [], err
    paths = sorted(f["path"] for f in fl101(report))
    assert paths == [os.path.join("mail", "drafts", "d.txt"), os.path.join("mail", "priya", "sent", "2.")]
    [conversation] = [c for c in inspect(run_cli, "mail", "--rep", "@acme.com") if len(c["touches"]) > 1]
    assert [t["party"] for t in conversation["touches"]] == ["bob@client.com", "priya@acme.com"]


def test_exclude_globs_from_config(run_cli, tmp_path):
    (tmp_path / "followlint.toml").write_text('exclude = ["archive", "*.tmpl", "drafts/old-*"]\n', encoding="utf-8")
    for rel in ("drafts/keep.txt", "drafts/old-1.txt", "archive/a.txt", "drafts/x.tmpl"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(CHECKIN + "\n", encoding="utf-8")
    code, report, err = check(run_cli, ".")
    assert sorted(f["path"] for f in fl101(report)) == [os.path.join("drafts", "keep.txt")], err
