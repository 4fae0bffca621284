"""Sums of money, with their amounts: "£0.12 a word", "$1,200", "€45.50", "£2k".

One ``price`` signal per sum, its ``amount`` the number said. FL105 compares the prices we
name: a lower one for the same thing after the customer turned the first down is a
concession, however it is worded ("I can bring it down to £0.09 a word").
"""
from __future__ import annotations

import re

from ..model import Signal

# A currency sign, then a number with optional thousands commas, pence and a "k" ("£2.5k").
PRICE_RE = re.compile(r"[£$€]\s?(\d{1,3}(?:,\d{3})+|\d{1,9})(\.\d{1,2})?(k\b)?", re.I)
THOUSAND = 1000


def prices(text: str, tokens) -> list[Signal]:
    if not any(sign in text for sign in "£$€"):
        return []
    out = []
    for index, (begin, end) in enumerate(tokens.sentences):
        for match in PRICE_RE.finditer(text, begin, end):
            whole, cents, thousands = match.groups()
            amount = float(whole.replace(",", "") + (cents or ""))
            if thousands:
                amount *= THOUSAND
            out.append(Signal(kind="price", start=match.start(), end=match.end(), text=match.group(),
                              sentence=index, amount=amount))
    return out
