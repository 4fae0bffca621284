"""Days and parts of the day a customer rules out, and the part of the day a time of ours names
(``followlint.signals.availability``); FL108 compares them."""
from __future__ import annotations

import json

import pytest

from followlint.lexicon.en import VOCABULARY
from followlint.model import Direction, Origin, Touch
from followlint.signals.detect import SignalDetector


@pytest.fixture(scope="module")
def detector():
    return SignalDetector([VOCABULARY])


def annotated(detector, text: str, direction=Direction.INBOUND) -> Touch:
    touch = Touch(id="t", origin=Origin("t.txt"), text=text, direction=direction)
    return detector.annotate_touch(touch)


def ruled_out(detector, text: str) -> set[str]:
    touch = annotated(detector, text)
    return {slot for s in touch.signals if s.kind == "constraint" and s.subtype == "hours" for slot in s.slots}


@pytest.mark.parametrize("text, slots", [
    ("Note our goods-in bay is closed on Fridays for the rest of term.", {"friday"}),
    ("I work nights so mornings are impossible for me.", {"morning"}),
    ("Deliveries Monday to Thursday only, please.", {"friday", "saturday", "sunday"}),
    ("We can only take deliveries Mon-Wed.", {"thursday", "friday", "saturday", "sunday"}),
    ("Afternoons only I'm afraid.", {"morning", "evening"}),
    ("I can't do weekends.", {"saturday", "sunday"}),
    ("I'm free Monday, but Tuesdays are no good.", {"tuesday"}),
    ("Any day is fine, I'm not in on Wednesdays though.", {"wednesday"}),
])
def test_days_and_parts_of_the_day_ruled_out(detector, text, slots):
    assert ruled_out(detector, text) == slots


@pytest.mark.parametrize("text", [
    "The engineer didn't turn up on Monday.",  # what happened, not what they can do
    "After the storm on Saturday there are three tiles missing off the front.",  # the cue is elsewhere
    "The cartons arrived Friday and the green is way off.",
    "I took the morning off work for nothing.",  # "off" rules out nothing: it tells what happened
    "Friday works well for us.",
    "Mornings are best, any weekday.",
])
def test_near_misses_rule_nothing_out(detector, text):
    assert ruled_out(detector, text) == set()


@pytest.mark.parametrize("text, part", [
    ("Could you bring Isla in on Tuesday 5 May at 9:30am?", "morning"),
    ("We have a slot on Thursday at 3pm.", "afternoon"),
    ("Shall we say Friday 4 December, 14:30?", "afternoon"),
    ("Can we meet on Wednesday evening?", "evening"),
    ("Can Kev come round on Tuesday at 3?", "afternoon"),  # "at 3" in business talk
])
def test_the_part_of_the_day_a_time_names(detector, text, part):
    touch = annotated(detector, text, Direction.OUTBOUND)
    parts = {slot for s in touch.signals if s.kind == "when" or s.subtype == "proposal" for slot in s.slots}
    assert parts == {part}


def test_a_day_of_the_month_is_no_time_of_day(detector):
    touch = annotated(detector, "Your delivery is booked for 5 May.", Direction.OUTBOUND)
    assert not any(s.slots for s in touch.signals)


@pytest.mark.parametrize("text, channels", [
    ("Our policy doesn't allow them to be sent by email - we can share them through our portal.", {"email"}),
    ("Please don't ring, I can't take calls at work.", {"phone"}),
    ("I didn't get your email.", set()),  # what happened, not a way ruled out
])
def test_ways_to_reach_ruled_out(detector, text, channels):
    touch = annotated(detector, text)
    assert {c for s in touch.signals if s.kind == "constraint" and s.subtype == "channel" for c in s.slots} == channels


def test_an_imperative_that_names_a_way_is_an_ask_that_way(detector):
    touch = annotated(detector, "Just email the PDFs over to me and I'll quote today.", Direction.OUTBOUND)
    assert [(s.kind, set(s.slots)) for s in touch.signals if s.kind == "ask_way"] == [("ask_way", {"email"})]


@pytest.mark.parametrize("text", [
    "I want to reset my password because I don't receive any email from you.",
    "My email account doesn't work any more.",
])
def test_a_way_that_went_wrong_is_no_way_ruled_out(detector, text):
    touch = annotated(detector, text)
    assert not [s for s in touch.signals if s.kind == "constraint" and s.subtype == "channel"]


@pytest.mark.parametrize("text, slots", [
    ("He's on nights so lessons only after 2pm, any weekday.", {"morning"}),
    ("We can only take calls before 11am.", {"afternoon", "evening"}),
    ("The bay opens after 2pm.", set()),  # no "only": a fact, not a limit
])
def test_an_only_bounded_by_a_clock_time(detector, text, slots):
    assert ruled_out(detector, text) == slots


def away(detector, text: str) -> bool:
    return any(s.kind == "constraint" and s.subtype == "away" for s in annotated(detector, text).signals)


@pytest.mark.parametrize("text, expected", [
    ("I've been taken into hospital and won't be out until the 20th at the earliest.", True),
    ("Quick heads-up that I'm working from Lisbon until 12 June.", True),
    ("We don't need the stands till March.", True),
    ("I won't pay until it's fixed.", False),  # a condition, not a date
    ("I didn't hear from you until Monday 4 May.", False),  # what happened
    ("The offer runs until Friday.", False),  # nothing denied, no place
])
def test_an_absence_until_a_date(detector, text, expected):
    assert away(detector, text) is expected


def lacked(detector, text: str, direction=Direction.INBOUND, activity: str = "") -> list[str]:
    touch = Touch(id="t", origin=Origin("t.txt"), text=text, direction=direction, kind="call" if activity else "email",
                  activity=activity)
    return [s.text for s in detector.annotate_touch(touch).signals if s.kind == "constraint" and s.subtype == "lack"]


@pytest.mark.parametrize("text, span", [
    ("My camera packed up and I don't have any other way to take photos, I'm afraid.", "have any other way to take photos"),
    ("She had knee surgery in January and can't climb ladders for a couple of months.", "can't climb ladders for a couple of"),
    ("I have no printer at home.", "have no printer at home"),
    ("He is unable to drive since the operation.", "unable to drive since the operation"),
])
def test_a_thing_lacked_or_an_act_the_customer_cannot_do(detector, text, span):
    assert lacked(detector, text) == [span]


@pytest.mark.parametrize("text", [
    "The claim has no loss adjuster assigned yet.",  # a thing's problem, not a person's lack
    "I updated my email but it's saying I don't have an account registered.",  # what the site says
    "I can't thank you enough for the quick fix.",  # not an act ruled out
    "I don't have the invoice number to hand but it was in May.",  # a definite thing: no lack of a kind
])
def test_near_misses_lack_nothing(detector, text):
    assert lacked(detector, text) == []


def test_our_note_of_a_call_reports_the_customers_lack_not_ours(detector):
    note = "Spoke to Dorothy. She doesn't have a computer. We don't have a van free this week."
    assert lacked(detector, note, Direction.OUTBOUND, activity="call") == ["have a computer"]
    assert lacked(detector, "We don't have a van free this week.", Direction.OUTBOUND) == []  # our own mail


def test_fl108_leaves_a_time_to_call_back_and_holding_off_to_other_rules(run_cli, tmp_path):
    def fl108(quoted: str, reply: str) -> list[dict]:
        path = tmp_path / "draft.txt"
        path.write_text(f"Hi Omar,\n\n{reply}\n\nLorna\n\nOn Mon, 2 Mar 2026 at 09:00, Omar Hale <omar@example.com> wrote:\n> {quoted}\n",
                        encoding="utf-8")
        code, out, err = run_cli("check", path, "--format", "json", "--select", "FL108", "--now", "2026-03-03T10:00:00+00:00")
        return json.loads(out)["findings"]

    # The customer set the time ("Thursday afternoon, not before"): calling early is FL104's.
    assert fl108("Please call me back Thursday afternoon, not before, as I'm away till then.",
                 "Could we have a quick call this morning about the master key system?") == []
    # Holding off is an objection, not a constraint on where or when.
    assert fl108("I think I'll have to hold off for now.", "I can drop the deposit to £50 if that helps.") == []


@pytest.mark.parametrize("text", [
    "There's no signal at the farm so please email.",
    "The van's in for its MOT all week.",
    "The car's off the road until Friday.",
    "My hands are bad with arthritis so I can't write much.",
])
def test_constraints_in_ordinary_words(detector, text):
    touch = annotated(detector, text)
    assert any(s.kind == "constraint" for s in touch.signals)


def test_a_possessive_is_no_constraint(detector):
    assert not any(s.kind == "constraint" for s in annotated(detector, "The car's engine light is on.").signals)
