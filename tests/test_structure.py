"""Conversation structure before phrases: who is the customer, which mail is a conversation.

Bulk and automated mail (newsletters, auto-replies, broadcasts) is left out of the customer
rules and counted; mail between colleagues of one organisation is not a customer conversation;
in a mailbox, what its owner wrote is ours, also where a quote names them only; a message
stored in several folders is read once. Every input is written here, in tmp_path, and checked
through the command line.
"""
from __future__ import annotations

import json
import os

import pytest

NOW = "2026-12-01T09:00:00+00:00"
CHECKIN = "Just checking in to see how everything is going with the car!"
PLATES = "Hello, I still have not received my plates for the new car. Can you tell me when they arrive?"


def message(sender: str, to: str, subject: str, date: str, msgid: str, body: str, extra: str = "") -> str:
    ids = f"Message-ID: {msgid}\n" if msgid else ""
    return f"From: {sender}\nTo: {to}\nSubject: {subject}\nDate: {date}\n{ids}{extra}\n{body}\n"


def write(path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def check(run_cli, *args, cwd=None):
    code, out, err = run_cli("check", *args, "--format", "json", "--now", NOW, cwd=cwd)
    assert "Traceback" not in err and "internal error" not in err, err
    report = json.loads(out)
    assert report["errors"] == [], report["errors"]
    return report


def codes(report) -> list[str]:
    return sorted(f["code"] for f in report["findings"])


def conversations(run_cli, *args):
    code, out, err = run_cli("inspect", *args, "--format", "json", "--now", NOW)
    assert code == 0 and "Traceback" not in err, err
    return json.loads(out)["conversations"]


def plates_thread(root, first_extra: str = "", customer: str = "bob@client.com", rep: str = "priya@acme.com"):
    """A mailbox: the customer's open question in its inbox, then our check-in that ignores it
    in its Sent folder (FL103, FL101)."""
    write(root / "inbox" / "1.", message(customer, rep, "Plates", "Tue, 3 Nov 2026 09:12:00 +0000", "<b1@client.com>",
                                         PLATES, extra=first_extra))
    write(root / "sent" / "2.", message(rep, customer, "Re: Plates", "Wed, 4 Nov 2026 10:00:00 +0000", "<p1@acme.com>",
                                        f"Hi Bob,\n\n{CHECKIN}\n\nPriya", extra="In-Reply-To: <b1@client.com>\n"))


# -- bulk and automated mail ---------------------------------------------------------------------

NEWSLETTER = message(
    "Ledgerly <news@ledgerly.example>", "marco@example.org", "Checking in: how's your month going?",
    "Tue, 17 Nov 2026 07:00:00 +0000", "<nl-1117@mailer.ledgerly.example>",
    "Hi there,\n\nJust checking in to see how things are going with Ledgerly this month!\n\n"
    "Know someone who'd love Ledgerly too? Share your referral link and you both get a month free.\n",
    extra="List-Unsubscribe: <https://ledgerly.example/u/83311>\nPrecedence: bulk\n")


def test_newsletter_that_just_checks_in_raises_nothing_and_is_counted(run_cli, tmp_path):
    write(tmp_path / "box" / "1.", NEWSLETTER)
    report = check(run_cli, "box")
    assert report["findings"] == []
    assert report["summary"]["bulk"] == 1 and report["summary"]["conversations"] == 0
    code, out, _ = run_cli("check", "box", "--now", NOW)
    assert code == 0 and "1 bulk or automated message left out" in out, out
    # A newsletter saved as one .eml is bulk too; the same text as a draft is ours and linted.
    write(tmp_path / "news.eml", NEWSLETTER)
    assert check(run_cli, "news.eml")["summary"]["bulk"] == 1
    write(tmp_path / "draft.txt", NEWSLETTER.split("\n\n", 1)[1])
    assert check(run_cli, "draft.txt")["findings"]


@pytest.mark.parametrize("extra", [
    "Auto-Submitted: auto-replied\n",
    "X-Autoreply: yes\n",
    "Precedence: junk\n",
    "Return-Path: <>\n",
    "List-Id: <owners.lists.client.com>\n",
])
def test_automated_message_is_left_out_of_the_customer_rules(run_cli, tmp_path, extra):
    plates_thread(tmp_path / "control")
    assert "FL103" in codes(check(run_cli, "control"))  # the same thread from a person: flagged
    plates_thread(tmp_path / "auto", first_extra=extra)
    report = check(run_cli, "auto")
    assert "FL103" not in codes(report)
    assert "FL101" in codes(report)  # our own check-in is still linted
    assert report["summary"]["bulk"] == 1


def test_auto_reply_from_a_no_reply_sender(run_cli, tmp_path):
    write(tmp_path / "box" / "1.", message(
        "Client Support <no-reply@client.com>", "priya@acme.com", "Automatic reply: Plates",
        "Tue, 3 Nov 2026 09:12:00 +0000", "<ar1@client.com>",
        "I am out of the office until 12 November. Could you please resend your message to my colleague?"))
    write(tmp_path / "box" / "2.", message(
        "priya@acme.com", "bob@client.com", "Re: Automatic reply: Plates", "Wed, 4 Nov 2026 10:00:00 +0000",
        "<p1@acme.com>", "Hi Bob,\n\nThe plates arrive on Friday; I will bring them over at 4pm.\n\nPriya",
        extra="In-Reply-To: <ar1@client.com>\n"))
    report = check(run_cli, "box")
    assert report["findings"] == [] and report["summary"]["bulk"] == 1


def _announcement(recipients: int) -> str:
    to = ", ".join(f"c{n}@customer{n}.example" for n in range(recipients))
    return message("priya@acme.com", to, "Our new opening hours", "Tue, 3 Nov 2026 09:12:00 +0000", "<ann@acme.com>",
                   "Hi all,\n\nJust checking in to see how everything is going with your cars!\n\nPriya")


def test_announcement_to_thirty_people_is_bulk(run_cli, tmp_path):
    write(tmp_path / "sent" / "1.", _announcement(30))
    report = check(run_cli, "sent")
    assert report["findings"] == [] and report["summary"]["bulk"] == 1
    # Ten recipients is still a conversation; the threshold is an option (0: no limit).
    write(tmp_path / "ten" / "1.", _announcement(10))
    assert codes(check(run_cli, "ten")) == ["FL101"]
    write(tmp_path / "followlint.toml", "bulk-recipients = 0\n")
    report = check(run_cli, "sent")
    assert codes(report) == ["FL101"] and report["summary"]["bulk"] == 0


def test_bulk_recipients_must_be_a_count(run_cli, tmp_path):
    write(tmp_path / "followlint.toml", 'bulk-recipients = "many"\n')
    write(tmp_path / "d.txt", CHECKIN + "\n")
    code, _, err = run_cli("check", "d.txt")
    assert code == 2 and "bulk-recipients" in err


# -- colleagues of one organisation ------------------------------------------------------------

def test_colleagues_asking_each_other_are_internal(run_cli, tmp_path):
    plates_thread(tmp_path / "priya", customer="sam@acme.com")  # a colleague asks, Priya checks in
    report = check(run_cli, "priya")
    assert "FL103" not in codes(report)
    assert report["summary"]["internal"] == 1
    code, out, _ = run_cli("check", "priya", "--now", NOW)
    assert "1 conversation between colleagues not linted" in out, out
    # The same with --rep: colleagues at our domain.
    assert check(run_cli, "priya", "--rep", "@acme.com")["summary"]["internal"] == 1
    # A customer at another domain asking the same: a customer conversation.
    plates_thread(tmp_path / "customer", customer="sam@client.com")
    for args in ((), ("--rep", "@acme.com")):
        report = check(run_cli, "customer", *args)
        assert "FL103" in codes(report) and report["summary"]["internal"] == 0


def test_two_gmail_users_are_not_colleagues(run_cli, tmp_path):
    plates_thread(tmp_path / "box", customer="bob.smith@gmail.com", rep="priya.rep@gmail.com")
    for args in (("--rep", "priya.rep@gmail.com"), ()):  # without --rep: the owner, from her Sent folder
        report = check(run_cli, "box", *args)
        assert "FL103" in codes(report) and report["summary"]["internal"] == 0


# -- the mailbox owner's own messages ------------------------------------------------------------

OWNER = "louise.kitchen@ourco.example"


def test_owner_question_quoted_by_name_is_ours_not_the_customers(run_cli, tmp_path):
    box = tmp_path / "kitchen-l"
    # The owner asked a question; the customer answered; the owner's last word quotes both,
    # Outlook-style, naming the owner only as "Kitchen, Louise".
    body = ("Thanks Mark, that settles it.\n\nLouise\n\n"
            "-----Original Message-----\nFrom: Pickering, Mark\nSent: Thursday, October 18, 2001 11:21 AM\n"
            "To: Kitchen, Louise\nSubject: RE: screens\n\nWe reuse the old screens from the trading floor.\n\n"
            "-----Original Message-----\nFrom: Kitchen, Louise\nSent: Wednesday, October 17, 2001 12:40 PM\n"
            "To: Pickering, Mark\nSubject: screens\n\n"
            "What is happening behind the scenes on this issue - do you buy new screens or is someone "
            "substituting ones that are now redundant?\n")
    write(box / "sent_items" / "1.", message(OWNER, "mark.pickering@vendor.example", "RE: screens",
                                             "Thu, 18 Oct 2001 17:01:05 -0700", "<lk1@ourco.example>", body))
    # Her inbox: more mail from others than from her, so only the Sent folder names her.
    for n in range(3):
        write(box / "inbox" / f"{n}.", message("news@vendor.example", "it-list@ourco.example", f"Update {n}",
                                               f"Mon, 1 Oct 2001 0{n}:00:00 -0700", f"<u{n}@vendor.example>", "Weekly note."))
    report = check(run_cli, "kitchen-l")
    assert "FL103" not in codes(report), report["findings"]
    [thread] = [c for c in conversations(run_cli, "kitchen-l") if len(c["touches"]) == 3]
    assert [t["direction"] for t in thread["touches"]] == ["outbound", "inbound", "outbound"]


def test_owner_is_the_sender_of_the_sent_folder(run_cli, tmp_path):
    box = tmp_path / "priya"
    # Bob writes more than anyone in her inbox; she only appears in her Sent folder.
    for n in range(3):
        write(box / "inbox" / f"0{n}.", message("bob@client.com", "support@acme.com", f"Question {n}",
                                                f"Mon, 2 Nov 2026 0{n}:00:00 +0000", f"<q{n}@client.com>",
                                                "Thanks for the update on the order."))
    plates_thread(box)
    [finding] = [f for f in check(run_cli, "priya")["findings"] if f["code"] == "FL103"]
    assert finding["sender"] == "priya@acme.com" and finding["customer"] == "bob@client.com"


def test_owner_is_whom_the_mail_was_delivered_to(run_cli, tmp_path):
    # One folder, no Sent folder: Bob and Priya are on as many messages; delivery names her.
    plates_thread(tmp_path / "plain", first_extra="Delivered-To: priya@acme.com\n")
    for path in (tmp_path / "plain").rglob("*."):
        os.replace(path, tmp_path / path.name)
    [finding] = [f for f in check(run_cli, str(tmp_path))["findings"] if f["code"] == "FL103"]
    assert finding["sender"] == "priya@acme.com"


# -- one message in several folders ----------------------------------------------------------------

def _duplicated_reply_mailbox(root, same_id: bool = True):
    write(root / "inbox" / "1.", message("bob@client.com", "priya@acme.com", "Plates", "Tue, 3 Nov 2026 09:12:00 +0000",
                                         "<b1@client.com>", PLATES))
    for folder, msgid in (("sent_items", "<p1@acme.com>"), ("all_documents", "<p1@acme.com>" if same_id else "<copy@acme.com>")):
        write(root / folder / "1.", message("priya@acme.com", "bob@client.com", "Re: Plates",
                                            "Wed, 4 Nov 2026 10:00:00 +0000", msgid, f"Hi Bob,\n\n{CHECKIN}\n\nPriya",
                                            extra="In-Reply-To: <b1@client.com>\n"))


@pytest.mark.parametrize("same_id", [True, False], ids=["same Message-ID", "an id per copy"])
def test_same_message_in_two_folders_gives_one_finding(run_cli, tmp_path, same_id):
    _duplicated_reply_mailbox(tmp_path / "priya", same_id)
    report = check(run_cli, "priya")
    assert codes(report) == ["FL101", "FL103"]
    assert report["summary"]["files"] == 3 and report["summary"]["touches"] == 2


def test_same_message_twice_in_an_mbox_without_message_ids(run_cli, tmp_path):
    one = message("priya@acme.com", "bob@client.com", "Plates", "Wed, 4 Nov 2026 10:00:00 +0000", "",
                  f"Hi Bob,\n\n{CHECKIN}\n\nPriya")
    other = one.replace("Wed, 4 Nov", "Thu, 5 Nov")  # another message: another date
    separator = "From priya@acme.com Wed Nov  4 10:00:00 2026\n"
    write(tmp_path / "box.mbox", "".join(separator + m + "\n" for m in (one, one, other)))
    report = check(run_cli, "box.mbox")
    assert report["summary"]["touches"] == 2


def test_maildir_plus_plus_folders_are_one_mailbox(run_cli, tmp_path):
    plates_thread(tmp_path / "plain")
    root = tmp_path / "Maildir"
    for folder in (root, root / ".Sent", root / ".Archive"):
        for sub in ("cur", "new", "tmp"):
            (folder / sub).mkdir(parents=True)
    os.replace(tmp_path / "plain" / "inbox" / "1.", root / "cur" / "1.")
    reply = (tmp_path / "plain" / "sent" / "2.").read_text(encoding="utf-8")
    write(root / ".Sent" / "cur" / "2.", reply)
    write(root / ".Archive" / "cur" / "2.", reply)
    report = check(run_cli, "Maildir")
    assert codes(report) == ["FL101", "FL103"]
    [finding] = [f for f in report["findings"] if f["code"] == "FL103"]
    assert finding["sender"] == "priya@acme.com"


# -- --jobs ------------------------------------------------------------------------------------------

FILLER = "The weather here has been mild and sunny all week long. " * 12


def test_jobs_two_gives_the_same_json_as_one(run_cli, tmp_path):
    """A mailbox big enough to be shared out batch by batch: threads with customers, copies in
    a second folder, newsletters and colleagues' threads."""
    root = tmp_path / "priya"
    for n in range(450):
        customer = f"cust{n}@client{n % 7}.example" if n % 5 else f"sam{n}@acme.com"
        day = f"{n % 27 + 1} Nov 2026"
        write(root / "inbox" / f"{n}.", message(customer, "priya@acme.com", f"Order {n}", f"Mon, {day} 09:00:00 +0000",
                                                f"<c{n}@x.example>", f"{PLATES}\n\n{FILLER}"))
        reply = message("priya@acme.com", customer, f"Re: Order {n}", f"Mon, {day} 15:00:00 +0000", f"<p{n}@acme.com>",
                        f"Hi,\n\n{CHECKIN}\n\n{FILLER}\n\nPriya", extra=f"In-Reply-To: <c{n}@x.example>\n")
        write(root / "sent" / f"{n}.", reply)
        if n % 3 == 0:
            write(root / "all_documents" / f"{n}.", reply)
        if n % 4 == 0:
            write(root / "inbox" / f"n{n}", NEWSLETTER.replace("nl-1117", f"nl-{n}").replace("Hi there", f"Issue {n}"))
    runs = []
    for jobs in ("1", "2"):
        code, out, err = run_cli("check", "priya", "--format", "json", "--jobs", jobs, "--now", NOW, timeout=600)
        assert code == 1 and "Traceback" not in err, err
        runs.append(out)
    assert runs[0] == runs[1]
    summary = json.loads(runs[0])["summary"]
    assert summary["bulk"] == 113 and summary["internal"] == 90
    assert summary["touches"] == 450 * 2 + 113
