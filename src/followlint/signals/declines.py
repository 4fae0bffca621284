"""The customer pushing back, by the shape of a sentence: a contrast ("thanks for the proposal,
but..."), a denial ("we don't need it") or a comparison ("more than the agency we used").

One ``decline`` signal per such sentence of the customer's. Alone it says little; FL105 reads it
in the message that answers our price, offer or proposal, where it turns that offer down.
"""
from __future__ import annotations

from ..lexicon.words import Words
from ..model import Signal


class DeclineWords:
    def __init__(self, words: Words):
        self.cues = words["contrast"] | words["negator"] | words["comparison"]


def declines(text: str, tokens, words: Words) -> list[Signal]:
    cues = words.memo(DeclineWords).cues
    if cues.isdisjoint(tokens.words):
        return []
    out = []
    for index, (begin, end) in enumerate(tokens.sentences):
        first, last = tokens.word_range(index)
        if not cues.isdisjoint(tokens.words[first:last]):
            out.append(Signal(kind="decline", start=begin, end=end, text=text[begin:end], sentence=index))
    return out
