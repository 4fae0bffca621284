"""Quoted history and signatures: each quoted message becomes an earlier touch with its author,
date and its own text; signatures are split off. Checked through ``inspect --format json`` and
through ``split_message`` itself."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from followlint.sources.quoting import split_message

REPLY = "Thanks for letting me know. I will check with the warehouse today."
ISSUE = "I still have not received my plates."


def inspect(run_cli, tmp_path, name: str, text: str, *args) -> list[dict]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    code, out, err = run_cli("inspect", name, "--format", "json", *args)
    assert code == 0 and "Traceback" not in err, err
    return [t for c in json.loads(out)["conversations"] for t in c["touches"]]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def split_touches(touches: list[dict]) -> tuple[dict, list[dict]]:
    """Our touch, and the quoted ones nearest first."""
    [ours] = [t for t in touches if not t["quoted"]]
    quoted = sorted((t for t in touches if t["quoted"]), key=lambda t: t["line"])
    return ours, quoted


# -- attributions -----------------------------------------------------------------------------

ATTRIBUTIONS = {
    "gmail": "On Tue, Nov 3, 2026 at 9:12 AM Bob Stone <bob@client.com> wrote:",
    "gmail-wrapped": "On Tue, Nov 3, 2026 at 9:12 AM Bob Stone with a long display name <bob@client.com>\nwrote:",
    "apple": "On 3 Nov 2026, at 09:12, Bob Stone <bob@client.com> wrote:",
    "thunderbird": "On 11/3/26 9:12 AM, Bob Stone wrote:",
    "french": "Le mar. 3 nov. 2026 à 09:12, Bob Stone <bob@client.com> a écrit :",
    "german": "Am 03.11.2026 um 09:12 schrieb Bob Stone <bob@client.com>:",
}


@pytest.mark.parametrize("style", sorted(ATTRIBUTIONS))
def test_wrote_attribution_becomes_an_earlier_touch(run_cli, tmp_path, style):
    text = f"Hi Bob,\n\n{REPLY}\n\nPriya\n\n{ATTRIBUTIONS[style]}\n> {ISSUE}\n>\n> Bob\n"
    ours, [bob] = split_touches(inspect(run_cli, tmp_path, "reply.txt", text))
    assert ours["text"] == f"Hi Bob,\n\n{REPLY}"  # the lone name "Priya" is the signature
    assert ours["direction"] == "outbound"
    assert bob["text"] == ISSUE  # his own text: the "Bob" sign-off is his signature
    assert bob["direction"] == "inbound"
    assert bob["party"] in ("bob@client.com", "Bob Stone")
    assert bob["time"].startswith("2026-11-03T09:12")
    assert bob["line"] == line_of(text, "> " + ISSUE)


def test_outlook_original_message_block(run_cli, tmp_path):
    text = (
        f"Hi Bob, {REPLY}\n\nKind regards,\nPriya Patel\nAccount Manager | Acme\n+1 555 0100\n\n"
        "-----Original Message-----\nFrom: Bob Stone <bob@client.com>\nSent: Tuesday, November 3, 2026 9:12 PM\n"
        "To: Priya Patel <priya@acme.com>\nSubject: RE: plates\n\n" + ISSUE + "\n\nBob\n"
    )
    ours, [bob] = split_touches(inspect(run_cli, tmp_path, "o.txt", text))
    assert ours["text"] == f"Hi Bob, {REPLY}"
    assert (bob["party"], bob["text"], bob["direction"]) == ("bob@client.com", ISSUE, "inbound")
    assert bob["time"].startswith("2026-11-03T21:12")  # PM kept
    assert bob["subject"] == "RE: plates"
    assert bob["line"] == line_of(text, ISSUE)


def test_bare_from_sent_block_with_separator_and_chain(run_cli, tmp_path):
    text = (
        f"Hi Bob, {REPLY}\n\n________________________________\n"
        "From: Bob Stone [mailto:bob@client.com]\nSent: Tuesday, November 3, 2026 9:12 AM\nTo: Priya\nSubject: plates\n\n"
        + ISSUE + "\n\n"
        "From: Priya Patel <priya@acme.com>\nDate: Mon, 2 Nov 2026 10:00:00 +0100\nSubject: plates\n\n"
        "Your plates are on their way.\n"
    )
    ours, quoted = split_touches(inspect(run_cli, tmp_path, "b.txt", text))
    assert ours["text"] == f"Hi Bob, {REPLY}"  # the separator line is not our text
    assert [(q["party"], q["text"], q["direction"]) for q in quoted] == [
        ("bob@client.com", ISSUE, "inbound"),
        ("priya@acme.com", "Your plates are on their way.", "outbound"),
    ]
    assert quoted[1]["time"] == "2026-11-02T10:00:00+01:00"


def test_forwarded_message_block(run_cli, tmp_path):
    text = (
        "Looping in our logistics team.\n\n---------- Forwarded message ---------\n"
        "From: Bob Stone <bob@client.com>\nDate: Tue, Nov 3, 2026 at 9:12 AM\nSubject: plates\nTo: <priya@acme.com>\n\n"
        + ISSUE + "\n"
    )
    # A forward goes to a colleague: the forwarded mail is reference material, not earlier
    # turns of this conversation (else the forward would read as a reply ignoring the customer).
    ours, quoted = split_touches(inspect(run_cli, tmp_path, "f.txt", text))
    assert ours["text"] == "Looping in our logistics team."
    assert quoted == []


@pytest.mark.parametrize("depth", [2, 3])
def test_nested_quotes(run_cli, tmp_path, depth):
    levels = [
        ("On Thu, Nov 5, 2026 at 10:00 AM Bob Stone <bob@client.com> wrote:", "Yes, they arrived today, thanks!"),
        ("On Wed, Nov 4, 2026 at 3:00 PM Priya Patel <priya@acme.com> wrote:", "Your plates shipped this morning."),
        ("On Tue, Nov 3, 2026 at 9:12 AM Bob Stone <bob@client.com> wrote:", ISSUE),
    ][:depth]
    lines = ["Great, glad that's sorted. Would you know anyone else who needs a lease?", ""]
    for n, (attribution, said) in enumerate(levels):
        prefix = "> " * n
        lines += [(prefix + attribution).rstrip(), ("> " * (n + 1)) + said, ("> " * (n + 1)).rstrip()]
    text = "\n".join(lines) + "\n"
    ours, quoted = split_touches(inspect(run_cli, tmp_path, "n.txt", text))
    assert ours["text"].startswith("Great, glad")
    assert [q["text"] for q in quoted] == [said for _, said in levels]
    assert [q["party"] for q in quoted] == ["bob@client.com", "priya@acme.com", "bob@client.com"][:depth]
    assert [q["direction"] for q in quoted] == ["inbound", "outbound", "inbound"][:depth]
    assert [q["time"][:16] for q in quoted] == ["2026-11-05T10:00", "2026-11-04T15:00", "2026-11-03T09:12"][:depth]
    assert [q["line"] for q in quoted] == [line_of(text, said) for _, said in levels]


def test_quote_lines_without_attribution(run_cli, tmp_path):
    text = f"{REPLY}\n\n> {ISSUE}\n> It has been three weeks.\n>\n> > Your plates shipped.\n"
    ours, quoted = split_touches(inspect(run_cli, tmp_path, "q.txt", text))
    assert ours["text"] == REPLY
    assert [q["text"] for q in quoted] == [f"{ISSUE}\nIt has been three weeks.", "Your plates shipped."]
    assert [q["direction"] for q in quoted] == ["inbound", "outbound"]
    assert [q["party"] for q in quoted] == ["", ""] and quoted[0]["time"] is None


def test_bottom_posted_reply_keeps_our_text(run_cli, tmp_path):
    text = f"On Tue, Nov 3, 2026 at 9:12 AM Bob <bob@client.com> wrote:\n> {ISSUE}\n\n{REPLY}\n\nPriya\n"
    ours, [bob] = split_touches(inspect(run_cli, tmp_path, "bottom.txt", text))
    assert ours["text"].strip() == REPLY
    assert ours["line"] == line_of(text, REPLY)
    assert bob["text"] == ISSUE


def test_inline_replies_stay_ours(run_cli, tmp_path):
    text = "Answers below.\n\n> Can you send the invoice?\nSure, it is attached.\n\n> And the contract?\nBy Friday.\n"
    ours, [customer] = split_touches(inspect(run_cli, tmp_path, "inline.txt", text))
    assert [l for l in ours["text"].split("\n") if l] == ["Answers below.", "Sure, it is attached.", "By Friday."]
    assert [l for l in customer["text"].split("\n") if l] == ["Can you send the invoice?", "And the contract?"]


def test_apple_html_attribution_inside_blockquote(run_cli, tmp_path):
    html = (
        "<div>Thanks Bob, I will check with the warehouse today.</div>\n"
        "<div><br><blockquote type=\"cite\"><div>On 3 Nov 2026, at 09:12, Bob Stone &lt;bob@client.com&gt; wrote:</div>"
        f"<br><div>{ISSUE}</div></blockquote></div>\n"
    )
    ours, [bob] = split_touches(inspect(run_cli, tmp_path, "apple.html", html))
    assert (bob["party"], bob["text"], bob["direction"]) == ("bob@client.com", ISSUE, "inbound")
    assert bob["time"].startswith("2026-11-03T09:12")
    assert bob["line"] == 2


def test_a_sentence_ending_in_wrote_is_not_an_attribution(run_cli, tmp_path):
    text = "On second thought, here is what my manager wrote:\nthe plan stays the same and we can talk Friday.\n"
    [touch] = inspect(run_cli, tmp_path, "x.txt", text)
    assert touch["text"] == text.strip()


def test_quoted_date_without_a_year_takes_the_year_before_the_reply():
    reply_time = datetime(2027, 1, 12, 9, 0, tzinfo=timezone.utc)
    split = split_message(f"{REPLY}\n\nOn Tue 3 Nov, Bob wrote:\n> {ISSUE}\n", reply_time.tzinfo, reply_time)
    [quote] = split.quotes
    assert quote.time.date() == datetime(2026, 11, 3).date()  # a Tuesday in 2026
    assert (quote.author, quote.text) == ("Bob", ISSUE)


# -- signatures ---------------------------------------------------------------------------------

@pytest.mark.parametrize("tail,signature_start", [
    ("\n-- \nPriya Patel\nAcme Leasing\n", "-- "),
    ("\n\nSent from my iPhone\n", "Sent from my iPhone"),
    ("\n\nThanks,\nPriya\nAcme Leasing | +1 555 0100\n", "Thanks,"),
    ("\n\nBest regards,\n\nPriya Patel\nAccount Manager\n", "Best regards,"),
    ("\n\nThanks, Priya\n", "Thanks, Priya"),
    ("\n\nPriya\n", "Priya"),
    ("\n\nPriya Patel\nAccount Manager | Acme Leasing\npriya@acme.com | +1 555 0100\n", "Priya Patel"),
    ("\n\nGet Outlook for iOS\n", "Get Outlook for iOS"),
    ("\n\nRafa Oyelowo\nAccount Manager\nCorrugo Ltd · Unit 9, Slate Park\n", "Rafa Oyelowo"),
    ("\n\nxx Jade\nWillow Spa\n", "xx Jade"),
    ("\n\nWith kind regards,\nEleanor Hollins\nHollins & Daughter\n", "With kind regards,"),
    ("\n\nKeeley\nPour House Candle Supplies\n", "Keeley"),  # a name, then the company it works for
])
def test_signatures_are_split_off(tail, signature_start):
    split = split_message(REPLY + tail)
    assert split.new_text == REPLY
    assert split.signature.startswith(signature_start)


@pytest.mark.parametrize("text", [
    "Thanks!",  # the whole message: a customer's thanks is content, not a signature
    "Thank you so much, the car runs great now.",
    f"{REPLY}\n\nThanks,\n{'and one more thing about the invoice that is too long to be a signature line ' * 2}",
    f"{REPLY}\nsee you then",
    f"{REPLY}\n\nTuesday\nBring the forms. We start at nine.",  # a line under the word says a sentence
])
def test_content_is_not_mistaken_for_a_signature(text):
    assert split_message(text).new_text == text.strip()


def test_signature_lines_do_not_leak_into_a_quote():
    text = f"{REPLY}\n\nOn Tue, Nov 3, 2026 at 9:12 AM Bob <bob@client.com> wrote:\n> {ISSUE}\n>\n> Thanks,\n> Bob\n> Sent from my iPhone\n"
    [quote] = split_message(text).quotes
    assert quote.text == ISSUE and quote.signature.startswith("Thanks,")


# -- cost ------------------------------------------------------------------------------------------

def test_splitting_is_linear_on_pathological_quoting():
    import time

    def timed(n: int) -> float:
        blocks = [
            "> " * 40 + "a.\n",
            "On Tue, Nov 3, 2026 at 9:12 AM Bob <bob@x.com> wrote:\n",
            "From: a\nSent: b\n",
            "-" * 200 + "\n",
            "On " + "x " * 150 + "wrote:\n",
            ">" * 300 + "\n",
        ]
        text = "".join(blocks) * n
        start = time.process_time()
        split_message(text)
        return time.process_time() - start

    timed(100)  # warm up
    small = min(timed(3300) for _ in range(3))  # about 1 MB
    large = min(timed(33000) for _ in range(3))  # about 10 MB
    # Ten times the text takes 10.2-11x the time on an idle machine (a 10 MB text strains the
    # caches), 12.2x once under CI's load; quadratic splitting would take about 100x.
    assert large <= 20 * max(small, 0.01), (small, large)
