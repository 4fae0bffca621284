"""Promises of perfection read from the shape of a sentence (``followlint.signals.assurances``):
an assurance and a future denied, in one sentence of ours."""
from __future__ import annotations

import pytest

from followlint.model import Direction


def shaped(read, text: str, direction=Direction.OUTBOUND) -> bool:
    touch = read(text, direction)
    return any(s.kind == "guarantee" and s.subtype == "shape" for s in touch.signals)


@pytest.mark.parametrize("text", [
    "Once the new valve is in, it won't ever flood again, guaranteed.",
    "I guarantee nothing else will go wrong on the day.",
    "Assured him the boiler won't cut out again - gave him my word and my personal guarantee.",
    "You'll never see another wasp in that loft, I promise.",
    "And you have my word you'll never see another chipped edge from us, full stop.",
])
def test_an_assurance_of_a_future_denied(read, text):
    assert shaped(read, text)


@pytest.mark.parametrize("text", [
    "I can't promise it'll never crack, but I can promise we'll be out the same week.",
    "No installer can honestly promise you'll never have a leak.",
    "I won't be in the office again until Monday.",  # no assurance
    "We guarantee a visit within four hours.",  # nothing denied
    "I'd be lying if I promised it will never skip again.",  # a supposition
    "In other words, it will never be cheaper than this.",  # "words", and no pledge of ours
])
def test_near_misses(read, text):
    assert not shaped(read, text)


def test_the_customers_words_are_no_promise_of_ours(read):
    assert not shaped(read, "You promised it would never leak again!", Direction.INBOUND)


def test_our_words_in_the_note_of_the_customers_call_are_read(read):
    note = read("Mrs Patel rang, still unhappy about the late delivery. I promised her nothing will go wrong "
                "with the September order.", Direction.INBOUND, kind="call", activity="Call")
    assert [s.sentence for s in note.signals if s.kind == "guarantee" and s.subtype == "shape"] == [1]
