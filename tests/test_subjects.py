"""One subject normaliser: reply and forward prefixes (from the lexicon) with their separators.

A reply titled "Truck delivery", "Trade-in" or "Training" is written back to the customer, so
FL103 judges whether it answers them; a "Fwd:" to a colleague is not the answer they are owed.
"""
from __future__ import annotations

import json

import pytest

from followlint.model import Origin, Touch
from followlint.subjects import is_forward, normalise_subject
from followlint.timeline import goes_back_to

WORDS_THAT_LOOK_LIKE_PREFIXES = ["Truck delivery", "Trade-in", "Training", "Fwdr update", "WGA invoice", "Reminder"]


@pytest.mark.parametrize("subject, normalised", [
    ("Re: AW: Fwd: Plates", "plates"),
    ("RE[2]:  Your   plates", "your plates"),
    ("  SV : TR: Devis", "devis"),
    ("Truck delivery", "truck delivery"),
    ("Trade-in", "trade-in"),
    ("Re:Training", "training"),
])
def test_prefixes_are_stripped_with_their_separators(subject, normalised):
    assert normalise_subject(subject) == normalised


@pytest.mark.parametrize("subject", ["Fwd: Plates", "FW: Plates", "WG: Kennzeichen", "TR: Plaques", " fwd : x"])
def test_a_forward_prefix_is_a_forward(subject):
    assert is_forward(subject)


@pytest.mark.parametrize("subject", [*WORDS_THAT_LOOK_LIKE_PREFIXES, "Re: Fwd: Plates", "FW Plates", ""])
def test_a_word_that_starts_like_a_prefix_is_not_a_forward(subject):
    assert not is_forward(subject)


def _touch(subject: str, text: str, recipients=("dana@example.com",)) -> Touch:
    return Touch(id=subject, origin=Origin("x.eml", 1, subject), text=text, party="mike@dealer.example",
                 recipients=tuple(recipients), subject=subject)


@pytest.mark.parametrize("subject", WORDS_THAT_LOOK_LIKE_PREFIXES)
def test_a_reply_titled_like_a_prefix_goes_back_to_the_customer(subject):
    customer = Touch(id="c", origin=Origin("x.eml", 1, "c"), text="My plates never arrived.", party="dana@example.com")
    assert goes_back_to(_touch(subject, "Hi Dana, the truck comes Friday."), customer)
    assert not goes_back_to(_touch("Fwd: " + subject, "Hi Dana, the truck comes Friday."), customer)


MBOX = """From dana@example.com Mon Nov  2 09:00:00 2026
From: Dana Reid <dana@example.com>
To: Mike <mike@dealer.example>
Subject: Plates
Date: Mon, 2 Nov 2026 09:00:00 +0000
Message-ID: <ask@example.com>

My plates still have not arrived. Can you check on them?

From mike@dealer.example Tue Nov  3 10:00:00 2026
From: Mike <mike@dealer.example>
To: {to}
Subject: {subject}
Date: Tue, 3 Nov 2026 10:00:00 +0000
Message-ID: <reply@dealer.example>
In-Reply-To: <ask@example.com>

The truck with the new models comes in on Friday. Would you like a test drive?

"""


def _fl103(run_cli, tmp_path, subject: str, to: str) -> list:
    (tmp_path / "thread.mbox").write_text(MBOX.format(subject=subject, to=to), encoding="utf-8")
    code, out, err = run_cli("check", "thread.mbox", "--format", "json", "--rep", "@dealer.example",
                             "--select", "FL103", "--now", "2026-11-04T09:00:00+00:00")
    assert code in (0, 1), err
    return [f for f in json.loads(out)["findings"] if f["code"] == "FL103"]


@pytest.mark.parametrize("subject", ["Truck delivery", "Trade-in", "Training"])
def test_fl103_judges_a_reply_titled_like_a_prefix(run_cli, tmp_path, subject):
    # Written back to the customer, and it ignores her plates: that is the finding FL103 exists for.
    findings = _fl103(run_cli, tmp_path, subject, "Dana Reid <dana@example.com>")
    assert len(findings) == 1 and "is not addressed" in findings[0]["message"]


def test_fl103_leaves_a_forward_to_a_colleague_alone(run_cli, tmp_path):
    assert _fl103(run_cli, tmp_path, "Fwd: Plates", "Sales <sales@dealer.example>") == []
