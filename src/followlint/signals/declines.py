"""The customer pushing back, by the shape of a sentence: a contrast ("thanks for the proposal,
but..."), a denial ("we don't need it"), a comparison ("more than the agency we used") or a
refusal ("we'll have to decline", "I'll split my own hives instead").

One ``decline`` signal per such sentence of the customer's (subtype comparison when it compares
prices: "another company came in £180 cheaper"; refusal when it turns something down in words:
"we've decided against it"). Alone it says little; FL105 reads it in the message
that answers our price, offer or proposal, where it turns that offer down; a comparison turns our
offer down even where the offer itself is not in view (a draft that quotes only their answer).
"""
from __future__ import annotations

from ..lexicon.words import Words
from ..model import Signal


COMPARISON = "comparison"  # decline/comparison: "another company came in £180 cheaper"
REFUSAL = "refusal"  # decline/refusal: "we've decided against running the scheme"
THAN = "than"  # compares anything ("an inch lower than the right"); "cheaper", "dearer" compare prices


class DeclineWords:
    def __init__(self, words: Words):
        self.comparatives = words["comparison"] - {THAN}
        self.refusals = words["refusal"]
        self.cues = words["contrast"] | words["negator"] | words["comparison"] | words["refusal"]


def declines(text: str, tokens, words: Words) -> list[Signal]:
    known = words.memo(DeclineWords)
    if known.cues.isdisjoint(tokens.words):
        return []
    out = []
    for index in tokens.sentences_with(known.cues):
        first, last = tokens.word_range(index)
        begin, end = tokens.sentences[index]
        said = tokens.words[first:last]
        subtype = (COMPARISON if not known.comparatives.isdisjoint(said)
                   else REFUSAL if not known.refusals.isdisjoint(said) else "")
        out.append(Signal(kind="decline", subtype=subtype, start=begin, end=end, text=text[begin:end],
                          sentence=index))
    return out
