"""How far a negator or a supposition reaches in the signal stage: over its clause, not past a
comma, a colon or a dash between spaces."""
from __future__ import annotations

import pytest

from followlint.model import Direction, Origin, Touch


def callbacks(detector, text: str) -> list[bool]:
    touch = Touch(id="t", origin=Origin("t.txt"), text=text, direction=Direction.OUTBOUND, kind="call", activity="Call")
    detector.annotate_touch(touch)
    return [s.hypothetical for s in touch.signals if s.kind == "callback"]


@pytest.mark.parametrize("text, hypothetical", [
    ("He's waiting to hear if they've won the contract - said ring me back in a fortnight.", [False]),
    ("He's waiting to hear if they've won the contract \u2013 said ring me back in a fortnight.", [False]),
    ("If they win the contract he said ring me back in a fortnight.", [True]),
])
def test_a_dash_between_spaces_ends_the_clause_a_supposition_reaches(detector, text, hypothetical):
    assert callbacks(detector, text) == hypothetical
