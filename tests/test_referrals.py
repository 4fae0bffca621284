"""Referral asks read from the shape of a sentence (``followlint.signals.referrals``): a question
of ours, or a note saying we asked, about another party for us to reach."""
from __future__ import annotations

import pytest

from followlint.model import Direction


def shaped(read, text: str, direction=Direction.OUTBOUND) -> bool:
    touch = read(text, direction)
    return any(s.kind == "referral_ask" and s.subtype == "shape" for s in touch.signals)


@pytest.mark.parametrize("text", [
    "Also, are there other labs on your campus I should be talking to?",
    "Rang Lee to ask for an intro to the owner of his sister gym in Leeds.",
    "Is there anyone else at the trust I could speak to about the same service?",
    "Any chance you could put us in touch with your fellow practice managers?",
    # ... or who would want what we sell.
    "Asked if he knows any other families in Krakow who'd want summer places.",
    "Asked who else on the estate buys boxes and whether he'd pass our name on.",
    "Asked if anyone at his classic car club might want a restoration doing.",
    "Asked whether there are any neighbours he refers to us.",
    "Asked if any of her neighbours or friends from the garden club might be interested in a pond.",
])
def test_asking_about_another_party_for_us_to_reach(read, text):
    assert shaped(read, text)


@pytest.mark.parametrize("text", [
    "Is there another time we can talk this week?",  # another time, not another party
    "Do you have another number I can reach you on?",
    "Our other engineers will talk you through the install on Monday.",  # no ask
    "I won't ask you to introduce us to anyone else.",  # denied
    "Is there anything else you'd want us to look at?",  # anything else: no party
    "Are there any other commodities we would want covered?",  # things, not people, wanting
    "Does she want to compare it with another quote?",  # the wanting before the other
    "Is there any chance your colleagues could use the old model?",  # "any chance", not any colleagues
])
def test_near_misses(read, text):
    assert not shaped(read, text)


def test_the_customers_own_question_is_no_ask_of_ours(read):
    assert not shaped(read, "Is there anyone else I can talk to about this bill?", Direction.INBOUND)


@pytest.mark.parametrize("text, asks", [
    ("If you know any couples getting engaged, I'd be grateful if you passed my name on!", True),
    ("We passed our details on to the insurer yesterday.", False),  # a report, not an ask
])
def test_passing_our_name_on_asked_in_the_conditional(read, text, asks):
    assert any(s.kind == "referral_ask" for s in read(text).signals) is asks
