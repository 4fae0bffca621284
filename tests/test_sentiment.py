"""The customer's sentiment: one verdict per sentence of theirs, from VADER's lexicon and the
praise and complaint phrases (``followlint.signals.sentiment``)."""
from __future__ import annotations

import pytest

from followlint.lexicon.en import VOCABULARY
from followlint.model import Direction, Origin, Touch
from followlint.signals.detect import SignalDetector


@pytest.fixture(scope="module")
def detector():
    return SignalDetector([VOCABULARY])


def touch_of(text: str, direction=Direction.INBOUND) -> Touch:
    return Touch(id="t", origin=Origin("t.txt"), text=text, direction=direction)


def feeling(detector, text: str, direction=Direction.INBOUND) -> list[str]:
    touch = touch_of(text, direction)
    detector.annotate_touch(touch)
    return [s.subtype for s in touch.signals if s.kind == "sentiment"]


@pytest.mark.parametrize("text", [
    "Honestly the kids haven't stopped using it.",
    "You saved our launch!",
    "It works like a dream now.",
    "The support team was very helpful.",
    "I love the new dashboard, it's so much faster.",
    "We wouldn't be without it now.",
    "Thank you so much for everything, you made the whole thing so much less stressful than we expected.",
])
def test_praise_in_the_customers_own_words(detector, text):
    assert feeling(detector, text) == ["positive"]


@pytest.mark.parametrize("text", [
    "Still nothing.",
    "This is ridiculous.",
    "Third time I've asked.",
    "The service was terrible.",
    "Great product, but the delivery was an absolute disaster.",
    "To be honest the installation day was a miserable, stressful experience.",
    "Thanks for nothing.",
])
def test_displeasure(detector, text):
    assert feeling(detector, text) == ["negative"]


@pytest.mark.parametrize("text", [
    "It's fine.",
    "ok I guess.",
    "Just fine, thanks.",
    "Perfect, thanks!",
    "Sounds great to me.",
    "Great, another week without my plates.",
    "Would be great if it worked offline.",
    "I hope the new version will be great.",
    "Is the new version any good?",
    "Happy to jump on a call on Tuesday.",
    "Good luck with the launch next week.",
    "Have a great weekend!",
    "All fitted last week. Nothing outstanding on our side.",  # outstanding: still owed, not praise
    "Please find the signed agreement attached.",
])
def test_contentment_courtesy_questions_and_wishes_are_not_feelings(detector, text):
    assert feeling(detector, text) == []


@pytest.mark.parametrize("text, felt", [
    ("Hey @Taqueria isn't this the cutest burrito you've ever seen?", ["positive"]),
    ("Who doesn't love the new entrance?", ["positive"]),
    ("Isn't it supposed to arrive today?", []),  # denied, but nothing felt: it asks
    ("Why isn't my order here yet?", []),
])
def test_a_question_that_denies_its_opening_asserts_what_follows(detector, text, felt):
    assert feeling(detector, text) == felt


def test_only_the_customers_sentences_are_the_customers_sentiment(detector):
    assert feeling(detector, "I love how fast this is. This is ridiculous.", Direction.OUTBOUND) == []


def test_a_call_note_reports_the_customers_feeling_in_their_sentences_only(detector):
    note = Touch(id="t", origin=Origin("t.csv"), direction=Direction.OUTBOUND, kind="call", activity="Call",
                 text="Called Gideon to book the service. He said the installers were brilliant and so quick. "
                      "I love how fast this install went.")
    detector.annotate_touch(note)
    assert [(s.subtype, s.sentence) for s in note.signals if s.kind == "sentiment"] == [("positive", 1)]
    assert [s.sentence for s in note.signals if s.kind == "reported"] == [1]


def test_the_lexicon_is_read_only_when_a_customer_sentence_is_scored():
    detector = SignalDetector([VOCABULARY])
    ours = touch_of("Hi Bob, just checking in. Do you know anyone else looking for a car?", Direction.OUTBOUND)
    detector.annotate_touch(ours)
    assert detector.sentiment._table is None
    detector.annotate_touch(touch_of("I love the car."))
    assert len(detector.sentiment._table) > 7000


def test_our_hand_on_is_not_an_objection(detector):
    for text in ("I'll pass that on to the team.", "We'll pass your feedback on to the designers.",
                 "I'll pass your details on to Dr Patel next door."):
        touch = touch_of(text)
        detector.annotate_touch(touch)
        assert not [s for s in touch.signals if s.kind == "objection"], text
    touch = touch_of("Thanks, but I think I'll pass.")
    detector.annotate_touch(touch)
    assert [s for s in touch.signals if s.kind == "objection"]


@pytest.mark.parametrize("text", [
    "Please tell your friends about us.",
    "Feel free to share this with anyone who might need it.",
    "Know anyone else who'd benefit?",
    "Who's the next person in your office I should talk to?",
    "If any of your neighbours are interested, please pass on my details.",
])
def test_referral_asks_worded_as_invitations_to_share(detector, text):
    touch = touch_of(text, Direction.OUTBOUND)
    detector.annotate_touch(touch)
    assert [s for s in touch.signals if s.kind == "referral_ask"], text
