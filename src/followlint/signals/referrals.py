"""Referral asks read from the shape of a sentence, not from a phrase.

We ask the customer about people other than themselves and us ("other labs on your campus",
"the owner of his sister gym", "anyone else") for us to reach ("I should be talking to", "an
intro to", "put us in touch"): a question of ours, or a note that says we asked. However it
is worded, that is asking for a referral or an introduction (FL102).
"""
from __future__ import annotations

from ..lexicon.words import Words
from ..model import Signal

KIND = "referral_ask"
SUBTYPE = "shape"  # referral_ask/shape: read from the sentence's shape
REACH = 8  # the other party and the contact within this many words of each other


class ReferralWords:
    def __init__(self, words: Words):
        parts = words.members("referral")
        self.others = parts.get("other_party", frozenset())
        self.contact = parts.get("contact", frozenset())
        self.asking = parts.get("asking", frozenset())
        self.not_party = parts.get("not_party", frozenset())
        self.negators = words["negator"]


def shaped_referral_asks(text: str, tokens, words: Words) -> list[Signal]:
    """A referral_ask/shape signal on each sentence that asks about another party for us to reach."""
    known = words.memo(ReferralWords)
    if known.others.isdisjoint(tokens.words) or known.contact.isdisjoint(tokens.words):
        return []
    out = []
    for index, (begin, end) in enumerate(tokens.sentences):
        first, last = tokens.word_range(index)
        sentence = tokens.words[first:last]
        asks = text[begin:end].rstrip().endswith("?") or not known.asking.isdisjoint(sentence)
        if not asks or not known.negators.isdisjoint(sentence):
            continue
        others = [j for j, w in enumerate(sentence) if w in known.others and not (
            j + 1 < len(sentence) and sentence[j + 1] in known.not_party)]
        contacts = [j for j, w in enumerate(sentence) if w in known.contact]
        pair = next(((o, c) for o in others for c in contacts if abs(o - c) <= REACH), None)
        if pair is None:
            continue
        a, b = first + min(pair), first + max(pair)
        start, stop = tokens.starts[a], tokens.ends[b]
        out.append(Signal(kind=KIND, subtype=SUBTYPE, start=start, end=stop, text=text[start:stop],
                          sentence=index, first_word=a, last_word=b))
    return out
