"""FL103 through the command line: what addresses a customer's item, which promises are ours,
what closes an item, and the evidence it quotes (issue 14)."""
from __future__ import annotations

import json

NOW = "2026-11-20T10:00:00+00:00"
BOB = "On Tue, 3 Nov 2026 at 09:12, Bob Smith <bob@example.com> wrote:\n"
PLATES = "I still have not received my plates. Can you check on that?"


def _draft(body: str, quoted: str) -> str:
    """Our draft with the customer's message quoted below it."""
    return f"Hi Bob,\n\n{body}\n\nMike\n\n{BOB}" + "".join(f"> {line}\n" for line in quoted.splitlines())


def _fl103(run_cli, tmp_path, text: str, now: str = NOW) -> list[dict]:
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    code, out, err = run_cli("check", path, "--format", "json", "--select", "FL103", "--now", now)
    assert code in (0, 1), err
    return json.loads(out)["findings"]


def test_a_diagnostic_question_addresses_the_issue(run_cli, tmp_path):
    quoted = "The export keeps failing on my account. Can you fix it?"
    asked = _draft("Which browser are you on, and did anything change in your settings this week?", quoted)
    assert _fl103(run_cli, tmp_path, asked) == []


def test_a_question_back_in_a_chasers_words_addresses_the_issue(run_cli, tmp_path):
    # "Have you had a chance to..." about the customer's own point is a question back; the same
    # words about our proposal would leave the point untouched.
    quoted = "The refund was issued two weeks ago and it still has not reached my account."
    asked = _draft("Have you had a chance to check with your bank whether the refund is pending on their side?", quoted)
    assert _fl103(run_cli, tmp_path, asked) == []
    chased = _draft("Have you had a chance to look at the renewal proposal I sent last week?", quoted)
    assert [f["code"] for f in _fl103(run_cli, tmp_path, chased)] == ["FL103"]


def test_a_question_back_about_one_point_holds_the_others_of_the_message(run_cli, tmp_path):
    quoted = "Why am I still receiving invoices for March when I cancelled my plan on 2 February? Please explain and refund the payments."
    asked = _draft("Does the March invoice say Final Invoice?", quoted)
    assert _fl103(run_cli, tmp_path, asked) == []


def test_a_check_in_about_the_customers_own_point_takes_it_up(run_cli, tmp_path):
    quoted = "Your phone menu lets me add services but not cancel them. Please contact me to cancel my broadband."
    about = _draft("Just checking in to see if you still want to cancel your broadband service.", quoted)
    assert _fl103(run_cli, tmp_path, about) == []
    elsewhere = _draft("Just checking in to see how the new router is working for you.", quoted)
    assert [f["code"] for f in _fl103(run_cli, tmp_path, elsewhere)] == ["FL103"]


def test_a_dm_hand_off_we_own_addresses_the_issue(run_cli, tmp_path):
    quoted = "I was charged twice for my order and nobody has replied."
    handed = _draft("DM us the email on your account so we can take a closer look.", quoted)
    assert _fl103(run_cli, tmp_path, handed) == []


def test_a_bare_redirect_does_not_address_the_issue(run_cli, tmp_path):
    quoted = "My app won't start since yesterday. Can you fix it?"
    redirect = _draft("For technical help, please visit our Help site https://help.example.com/hc", quoted)
    assert [f["code"] for f in _fl103(run_cli, tmp_path, redirect)] == ["FL103"]


def test_a_pitch_does_not_address_the_issue(run_cli, tmp_path):
    pitch = _draft("Our winter service offer is on: 20% off tyres until Friday. Want me to book you in?", PLATES)
    assert [f["code"] for f in _fl103(run_cli, tmp_path, pitch)] == ["FL103"]


def test_the_request_a_reply_leaves_out_of_two_is_not_addressed(run_cli, tmp_path):
    quoted = ("How do I add a new admin to our workspace?\n"
              "And can you fix our invoice, which bills 12 seats for our 9 users?")
    partial = _draft("To add an admin to the workspace, go to Settings, then Members, and pick Make admin.", quoted)
    findings = _fl103(run_cli, tmp_path, partial)
    assert len(findings) == 1
    assert "invoice" in findings[0]["message"]


def test_a_yes_answers_the_question_its_sentence_goes_on_about(run_cli, tmp_path):
    quoted = ("Can you deliver the birthday cake to the village hall on Saturday?\n"
              "Also, is the birthday cake made without nuts? My nephew has a severe allergy.")
    one_yes = _draft("Yes, Saturday is fine - we will deliver to the village hall by noon.", quoted)
    findings = _fl103(run_cli, tmp_path, one_yes)
    assert len(findings) == 1
    assert "nuts" in findings[0]["message"]
    both = _draft("Yes, Saturday is fine - we will deliver to the village hall by noon. "
                  "The sponge is nut-free and baked in a nut-free kitchen.", quoted)
    assert _fl103(run_cli, tmp_path, both) == []


def _promise_then_reminder(promise: str) -> str:
    """The plates story: our reply promises (or offers), and our next touch is a reminder."""
    return ("Hi Bob,\n\nJust a reminder that your first free oil change is due next month.\n\nMike\n\n"
            "On Wed, 4 Nov 2026 at 10:00, Mike <mike@dealer.example> wrote:\n"
            f"> {promise}\n>\n> {BOB}> > {PLATES}\n")


def test_an_unconditional_promise_must_be_reported_on(run_cli, tmp_path):
    findings = _fl103(run_cli, tmp_path, _promise_then_reminder("Sure, I'll check on the plates today."))
    assert len(findings) == 1 and "We promised" in findings[0]["message"]


def test_if_you_dm_us_we_will_look_into_it_is_no_commitment(run_cli, tmp_path):
    offer = "If you DM us the registration number, we'll look into it."
    assert _fl103(run_cli, tmp_path, _promise_then_reminder(offer)) == []


def test_a_status_notice_is_no_promise_to_report_back(run_cli, tmp_path):
    status = "We are aware of a delay at the plates office and are working to resolve it."
    assert _fl103(run_cli, tmp_path, _promise_then_reminder(status)) == []


def test_passing_the_customers_word_on_owes_no_report_back(run_cli, tmp_path):
    quoted = "Your new opening hours are a nuisance for those of us who work shifts."
    relayed = _draft("Thanks for telling us - we'll pass your feedback on to the opening-hours team.", quoted)
    reminder = ("Hi Bob,\n\nJust a reminder that your first free oil change is due next month.\n\nMike\n\n"
                "On Wed, 4 Nov 2026 at 10:00, Mike <mike@dealer.example> wrote:\n" + "".join(f"> {line}\n" for line in relayed.splitlines()))
    assert _fl103(run_cli, tmp_path, reminder) == []


def _after_customer_says(said: str) -> str:
    return ("Hi Bob,\n\nHow's everything going with the car?\n\nMike\n\n"
            "On Thu, 5 Nov 2026 at 18:00, Bob Smith <bob@example.com> wrote:\n"
            f"> {said}\n>\n> {BOB}> > {PLATES}\n")


def test_thanks_all_sorted_now_closes_the_issue(run_cli, tmp_path):
    assert _fl103(run_cli, tmp_path, _after_customer_says("Thanks, all sorted now.")) == []


def test_thanks_for_the_fix_closes_the_issue(run_cli, tmp_path):
    thanked = _after_customer_says("Thank you for resolving my issue so quickly!")
    assert _fl103(run_cli, tmp_path, thanked) == []


def test_an_unrelated_message_leaves_the_issue_open(run_cli, tmp_path):
    other = _after_customer_says("By the way, the car runs beautifully on the motorway.")
    assert [f["code"] for f in _fl103(run_cli, tmp_path, other)] == ["FL103"]


def test_the_evidence_is_the_whole_sentence(run_cli, tmp_path):
    draft = _draft("How's everything going with the car?", "Please do not hesitate: my plates are still missing.")
    findings = _fl103(run_cli, tmp_path, draft)
    assert len(findings) == 1
    whole = "Please do not hesitate: my plates are still missing."
    assert f'"{whole}"' in findings[0]["message"]
    assert [e["text"] for e in findings[0]["evidence"]] == [whole]


def _thread(*posts: tuple[str, str, str]) -> str:
    """An mbox of (sender, time, body) posts, each replying to the one before."""
    out = []
    people = {sender for sender, _, _ in posts}
    for n, (sender, time, body) in enumerate(posts):
        reply = f"In-Reply-To: <p{n - 1}@desk.example>\n" if n else ""
        to = ", ".join(sorted(people - {sender}))
        out.append(f"From {sender} Mon Nov  2 00:00:00 2026\nFrom: {sender}\nTo: {to}\nSubject: leaderboard\n"
                   f"Date: {time}\nMessage-ID: <p{n}@desk.example>\n{reply}\n{body}\n\n")
    return "".join(out)


def _fl103_thread(run_cli, tmp_path, mbox: str) -> list[dict]:
    path = tmp_path / "thread.mbox"
    path.write_text(mbox, encoding="utf-8")
    code, out, err = run_cli("check", path, "--format", "json", "--select", "FL103", "--rep", "@games.example",
                             "--now", NOW)
    assert code in (0, 1), err
    return json.loads(out)["findings"]


ASKED = ("kim@player.example", "Mon, 02 Nov 2026 10:00:00 +0000",
         "How do I report a cheater who is sitting at the top of the weekly leaderboard?")
OPENER = ("help@games.example", "Mon, 02 Nov 2026 11:00:00 +0000", "Hi there Kim! (1/2)")


def test_a_reply_split_over_two_posts_is_read_whole(run_cli, tmp_path):
    rest = "Use the report button on the player's leaderboard profile and our team reviews it. (2/2)"
    split = _thread(ASKED, OPENER, ("help@games.example", "Mon, 02 Nov 2026 11:02:00 +0000", rest))
    assert _fl103_thread(run_cli, tmp_path, split) == []
    # The same second part a day later is a later touch: the opener walked past the question.
    late = _thread(ASKED, OPENER, ("help@games.example", "Tue, 03 Nov 2026 11:02:00 +0000", rest))
    assert [f["code"] for f in _fl103_thread(run_cli, tmp_path, late)] == ["FL103"]


def test_a_promise_after_an_ask_in_the_first_post_waits_on_the_customer(run_cli, tmp_path):
    stuck = ("kim@player.example", "Mon, 02 Nov 2026 10:00:00 +0000",
             "My season pass vanished from my account after the update. This is unacceptable.")
    ask = ("help@games.example", "Mon, 02 Nov 2026 11:00:00 +0000",
           "Sorry to hear that, Kim. Could you DM us your player ID and the email on the account? (1/2)")
    promise = "We'll look into it for you. (2/2)"
    split = _thread(stuck, ask, ("help@games.example", "Mon, 02 Nov 2026 11:01:00 +0000", promise))
    assert _fl103_thread(run_cli, tmp_path, split) == []
    # Without the ask, the promise is ours to keep, and nothing reports back.
    told = ("help@games.example", "Mon, 02 Nov 2026 11:00:00 +0000", "Sorry to hear that, Kim. (1/2)")
    owed = _thread(stuck, told, ("help@games.example", "Mon, 02 Nov 2026 11:01:00 +0000", promise))
    assert [f["code"] for f in _fl103_thread(run_cli, tmp_path, owed)] == ["FL103"]


def test_what_we_apologise_and_promise_for_is_owed_a_report(run_cli, tmp_path):
    snag = ("kim@player.example", "Mon, 02 Nov 2026 10:00:00 +0000",
            "The new desk looks lovely, thank you. One thing: the left drawer doesn't close flush and rubs on the frame.")
    sorry = ("help@games.example", "Mon, 02 Nov 2026 11:00:00 +0000",
             "Sorry about that. I'll speak to our fitter and get back to you on when he can adjust it.")
    invoice = ("help@games.example", "Tue, 10 Nov 2026 09:00:00 +0000",
               "Please find attached your final invoice; payment details are on page 2.")
    findings = _fl103_thread(run_cli, tmp_path, _thread(snag, sorry, invoice))
    assert [f["code"] for f in findings] == ["FL103"] and "drawer" in findings[0]["message"]


def test_doing_what_we_promised_reports_back_in_the_promises_words(run_cli, tmp_path):
    broke = ("kim@player.example", "Mon, 02 Nov 2026 10:00:00 +0000",
             "The lift broke down again on Sunday night with a resident inside. Very unhappy.")
    promise = ("help@games.example", "Mon, 02 Nov 2026 11:00:00 +0000",
               "Engineer booked for this afternoon. I'll send you his written summary afterwards.")
    done = ("help@games.example", "Tue, 03 Nov 2026 09:00:00 +0000",
            "Here is the written summary: worn belt and landing lock replaced, tested and back in service.")
    assert _fl103_thread(run_cli, tmp_path, _thread(broke, promise, done)) == []


def test_disbelief_worded_as_a_question_is_a_complaint(run_cli, tmp_path):
    """A statement with a question mark is the customer's problem, not a question to answer:
    an apology takes it up, and a pitch leaves the issue open."""
    said = "I pay you every month and nobody can find my account?"
    assert _fl103(run_cli, tmp_path, _draft("So sorry about all of this, Duke.", said)) == []
    pitched = _fl103(run_cli, tmp_path, _draft("Our spring range is in. Could we book a call this week?", said))
    assert [f["message"].split(" from ")[0] for f in pitched] == ["The customer's issue"]
    # "Why would I...?" asks why they would do it: they will not.
    why = "I poured them away - they were undrinkable, why would I keep them?"
    assert _fl103(run_cli, tmp_path, _draft("I'm sorry, I understand that was frustrating.", why)) == []


def test_thanks_for_checking_in_is_not_our_check_in(run_cli, tmp_path):
    quoted = "Is there a way to free up space without waiting 30 days for the bin to empty?"
    reply = _draft("Thanks for checking in! Have you tried the steps at "
                   "https://help.example.com/files/delete-permanently ?", quoted)
    assert _fl103(run_cli, tmp_path, reply) == []


def test_work_in_hand_said_in_other_words_takes_the_issue_up(run_cli, tmp_path):
    quoted = "The change-flight search on your website is broken again."
    for said in ("Our IT team is diligently working on it.", "The search fault is being looked into."):
        assert _fl103(run_cli, tmp_path, _draft(said, quoted)) == [], said


def test_news_answers_a_request_to_be_told_but_not_a_request_to_send(run_cli, tmp_path):
    told = "We've been sitting at the gate for an hour with no news. Please let us know what's next."
    news = "Sorry for the wait. The flight is now due to leave at 5:45 pm and land at 8:46 pm."
    assert _fl103(run_cli, tmp_path, _draft(news, told)) == []
    send = "Could you please send me a copy of the VAT invoice?"
    order_news = "The courier collected your parcel this morning; it should reach you on Friday."
    assert [f["code"] for f in _fl103(run_cli, tmp_path, _draft(order_news, send))] == ["FL103"]


def test_what_the_customer_asks_for_on_our_need_is_their_offer(run_cli, tmp_path):
    reply = "Our spring sale is on: 10% off every flight to Lisbon until Friday. Shall I book you one?"
    offer = "Thanks, the 5,000 miles are appreciated. Please DM me if you need my contact details."
    assert _fl103(run_cli, tmp_path, _draft(reply, offer)) == []
    formula = "Thanks for the call, pls let me know if you need any information from me."
    assert _fl103(run_cli, tmp_path, _draft(reply, formula)) == []
    ask = "Thanks, the 5,000 miles are appreciated. Please send me the booking reference for my refund."
    assert [f["code"] for f in _fl103(run_cli, tmp_path, _draft(reply, ask))] == ["FL103"]


def test_an_attachment_keeps_our_promise_to_send(run_cli, tmp_path):
    asked = ("kim@player.example", "Mon, 02 Nov 2026 10:00:00 +0000",
             "I've paid for the season pass. How long before the replays of my matches turn up?")
    promised = ("help@games.example", "Mon, 02 Nov 2026 11:00:00 +0000",
                "Thanks Kim, payment received. The first batch usually takes a week; I'll send you whatever is ready.")
    sent = ("help@games.example", "Tue, 10 Nov 2026 09:00:00 +0000",
            "Hi Kim, here you go: three ranked games from October are attached.")
    pitched = ("help@games.example", "Tue, 10 Nov 2026 09:00:00 +0000",
               "Hi Kim, our winter tournament opens next week. Would you like us to enter you?")
    assert _fl103_thread(run_cli, tmp_path, _thread(asked, promised, sent)) == []
    assert [f["code"] for f in _fl103_thread(run_cli, tmp_path, _thread(asked, promised, pitched))] == ["FL103"]


def test_a_look_we_promised_is_owed_back(run_cli, tmp_path):
    asked = ("kim@player.example", "Mon, 02 Nov 2026 10:00:00 +0000",
             "There's a crack in the rim of the trophy you sent. Is that meant to be there?")
    looked = ("help@games.example", "Mon, 02 Nov 2026 11:00:00 +0000",
              "Thanks for the photos - I'll have a look at them with our engraver, who made it.")
    checkin = ("help@games.example", "Mon, 16 Nov 2026 09:00:00 +0000",
               "Hope you're well, just checking in to see how you're getting on!")
    assert [f["code"] for f in _fl103_thread(run_cli, tmp_path, _thread(asked, looked, checkin))] == ["FL103"]


def test_a_promise_to_do_something_and_tell_the_customer_is_owed_back(run_cli, tmp_path):
    asked = ("kim@player.example", "Mon, 02 Nov 2026 10:00:00 +0000",
             "Could you find out whether my old 2019 season stats can still be restored?")
    promised = ("help@games.example", "Mon, 02 Nov 2026 11:00:00 +0000",
                "Good question. I'll request the archive from our data team and let you know what's in it.")
    assert [f["code"] for f in _fl103_thread(run_cli, tmp_path, _thread(asked, promised))] == ["FL103"]


def test_a_feeling_is_about_what_the_customer_said_before_it(run_cli, tmp_path):
    quoted = "The plaque you made reads 1869 but it should say 1896. I'm really upset, the gallery reopens with the new sign on the 28th."
    remedy = _draft("We'll etch a new plaque free of charge and fit it ourselves on Tuesday 24 November.", quoted)
    assert _fl103(run_cli, tmp_path, remedy) == []
    elsewhere = _draft("Our winter catalogue is out: twenty new frame styles from Tuesday 24 November.", quoted)
    assert [f["code"] for f in _fl103(run_cli, tmp_path, elsewhere)] == ["FL103"]


def test_the_customer_taking_the_point_back_closes_it(run_cli, tmp_path):
    asked = ("kim@player.example", "Mon, 02 Nov 2026 10:00:00 +0000", "My new controller drifts to the left. Is this a faulty batch?")
    promised = ("help@games.example", "Mon, 02 Nov 2026 11:00:00 +0000", "Thanks for flagging - I'll ask the factory for the batch report and let you know.")
    retracted = ("kim@player.example", "Tue, 03 Nov 2026 08:00:00 +0000", "Ignore me! I'd paired my old controller by mistake. Sorry for the bother.")
    moved_on = ("help@games.example", "Tue, 10 Nov 2026 09:00:00 +0000", "No bother at all. Our winter skins are out on Friday, by the way.")
    assert _fl103_thread(run_cli, tmp_path, _thread(asked, promised, retracted, moved_on)) == []
    assert {f["code"] for f in _fl103_thread(run_cli, tmp_path, _thread(asked, promised, moved_on))} == {"FL103"}


def test_a_request_does_not_borrow_the_words_of_another_requests_reason(run_cli, tmp_path):
    quoted = ("Two quick things: does the contract include parking? The hospital car park is £9 a day. "
              "And can my interview be moved from Tuesday to Wednesday morning?")
    one = _draft("Good news - parking is included, you'll get a permit for the staff car park on your first day.", quoted)
    assert [f["code"] for f in _fl103(run_cli, tmp_path, one)] == ["FL103"]
    both = _draft("Parking is included, with a permit for the staff car park. And yes, I've moved your interview to Wednesday at 9.", quoted)
    assert _fl103(run_cli, tmp_path, both) == []


def test_two_requests_joined_in_one_sentence_are_two(run_cli, tmp_path):
    quoted = "She looks good. Can you send over her notice period, and also confirm your fee if we took her on as a contractor?"
    one = _draft("Her notice period is one month, so she could start mid-August.", quoted)
    assert [f["code"] for f in _fl103(run_cli, tmp_path, one)] == ["FL103"]
    both = _draft("Her notice period is one month. As a contractor our fee would be 12% of the day rate.", quoted)
    assert _fl103(run_cli, tmp_path, both) == []


def test_praise_for_how_we_put_it_right_closes_the_point(run_cli, tmp_path):
    # The scratch is closed by the customer's praise for the repair, so a referral ask after it
    # is well timed; praise of something else ("the table looks lovely") closes nothing.
    scratched = ("kim@player.example", "Mon, 02 Nov 2026 10:00:00 +0000", "My oak table has a scratch on the top since the move.")
    promised = ("help@games.example", "Mon, 02 Nov 2026 11:00:00 +0000", "Sorry Kim - our restorer can come out Thursday to fix it, on us.")
    praised = ("kim@player.example", "Thu, 05 Nov 2026 14:00:00 +0000",
               "He's been - you can't even see where it was. Really impressed with how you handled it, thank you!")
    elsewhere = ("kim@player.example", "Thu, 05 Nov 2026 14:00:00 +0000", "The new sideboard looks lovely, thank you!")
    asked = ("help@games.example", "Thu, 05 Nov 2026 15:00:00 +0000", "So glad! If you hear of anyone moving, we'd be grateful if you passed our name on.")
    path = tmp_path / "thread.mbox"

    def findings(*posts):
        path.write_text(_thread(*posts), encoding="utf-8")
        code, out, err = run_cli("check", path, "--format", "json", "--select", "FL102,FL103", "--rep", "@games.example", "--now", NOW)
        return [f["code"] for f in json.loads(out)["findings"]]

    assert findings(scratched, promised, praised, asked) == []
    assert findings(scratched, promised, elsewhere, asked) == ["FL102"]



def test_a_visit_booked_for_a_day_is_kept_by_the_visit(run_cli, tmp_path):
    failed = ("kim@player.example", "Mon, 02 Nov 2026 10:00:00 +0000",
              "The new key you cut for my back door doesn't work again. Really not good enough.")
    booked = ("help@games.example", "Mon, 02 Nov 2026 11:00:00 +0000",
              "Sorry about that. I'll come round at 2pm today and replace the cylinder.")
    looking = ("help@games.example", "Mon, 02 Nov 2026 11:00:00 +0000",
               "Sorry about that. I'll look into why the copies keep failing.")
    assert _fl103_thread(run_cli, tmp_path, _thread(failed, booked)) == []
    assert [f["code"] for f in _fl103_thread(run_cli, tmp_path, _thread(failed, looking))] == ["FL103"]
