"""Our promises to act in everyday words, and what is no promise of ours: the commitments FL103
holds us to (``followlint.lexicon.en``'s commitment phrases)."""
from __future__ import annotations

import pytest


def promised(read, text: str) -> bool:
    return any(s.kind == "commitment" and s.subtype in ("", "visit") for s in read(text).signals)


@pytest.mark.parametrize("text", [
    "I'll have a look at your photos with Jonas, who blew it.",
    "I'll request his service dossier from the National Archives and let you know what's in it.",
    "Told Gus I'd ring him Friday with a price.",
    "I'll get that sorted today.",
    "I'll email the certificate over tonight.",
    "I'll put a call in to the factory.",
    "I'll make some enquiries.",
])
def test_promises_in_everyday_words(read, text):
    assert promised(read, text)


@pytest.mark.parametrize("text", [
    "Let's take a closer look here: https://example.com/help/reset",  # a hand-off to a page
    "We'll get that sent over to the store team.",  # passing feedback on: a relay
    "We'll forward your comments to the product team.",
    "We'd be glad to take a look.",  # an offer in the conditional
])
def test_no_promise_of_ours_to_report_back(read, text):
    assert not promised(read, text)
