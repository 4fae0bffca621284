"""Sums of money with their amounts (``followlint.signals.prices``) and the customer's pushing
back by a sentence's shape (``followlint.signals.declines``): FL105 reads both."""
from __future__ import annotations

import pytest

from followlint.lexicon.en import VOCABULARY
from followlint.model import Direction, Origin, Touch
from followlint.signals.detect import SignalDetector


@pytest.fixture(scope="module")
def detector():
    return SignalDetector([VOCABULARY], learned=False)


def signals(detector, text: str, kind: str, direction=Direction.OUTBOUND):
    touch = Touch(id="t", origin=Origin("t.txt"), text=text, direction=direction)
    detector.annotate_touch(touch)
    return [s for s in touch.signals if s.kind == kind]


@pytest.mark.parametrize("text, amounts", [
    ("Our quote is £0.12 a word, delivered in 10 working days.", [0.12]),
    ("The whole job comes to $1,200, or €1,150 if paid upfront.", [1200.0, 1150.0]),
    ("Budget is about £2.5k for the year.", [2500.0]),
    ("No prices here, just 15 boxes and 3 days.", []),
])
def test_prices_and_their_amounts(detector, text, amounts):
    assert [s.amount for s in signals(detector, text, "price")] == amounts


@pytest.mark.parametrize("text, pushes_back", [
    ("Your price per word is more high than the agency we used last year.", True),
    ("Thanks for the proposal but we've decided to stay where we are.", True),
    ("We don't need the extra licences.", True),
    ("I've discussed it with the committee and we'll have to decline.", True),  # a refusal in words
    ("It's a bit rich for me this year, I'll just split my own hives instead.", True),
    ("Great, please go ahead with the order.", False),
])
def test_the_customer_pushing_back(detector, text, pushes_back):
    assert bool(signals(detector, text, "decline", Direction.INBOUND)) is pushes_back


def test_our_own_contrasts_are_no_decline(detector):
    assert not signals(detector, "It's a good deal, but it ends Friday.", "decline")


def test_a_refusal_in_words_turns_down_an_offer_out_of_view(run_cli, tmp_path):
    # A draft quoting only the customer's answer: a refusal says our offer was turned down.
    draft = ("Hi Graham,\n\nUnderstood - what if we dropped the fleet fee to £29 a bike and waived the set-up fee?\n\n"
             "Elodie\n\nOn Mon, 28 Sep 2026 at 17:02, Graham Tully <g@example.com> wrote:\n"
             "> Thanks for the presentation. We'll have to decline the scheme this year.\n")
    path = tmp_path / "draft.txt"
    path.write_text(draft, encoding="utf-8")
    code, out, _ = run_cli("check", path, "--format", "json", "--select", "FL105", "--now", "2026-09-29T10:00:00+00:00")
    import json
    assert [f["code"] for f in json.loads(out)["findings"]] == ["FL105"]
