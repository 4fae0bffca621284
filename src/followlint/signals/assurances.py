"""Promises of perfection read from the shape of a sentence, not from a phrase.

An assurance ("I guarantee", "guaranteed", "assured him", "my personal guarantee") and, in the
same sentence, a future denied ("it won't ever back up again", "nothing else will go wrong",
"you'll never see a mouse again"): however it is worded, that promises nothing will go wrong
(FL106). An assurance denied before it ("I can't promise it'll never crack") is the honest
opposite, and no signal.
"""
from __future__ import annotations

from ..lexicon.words import Words
from ..model import Signal

KIND = "guarantee"
SUBTYPE = "shape"  # guarantee/shape: read from the sentence's shape
DENIAL_REACH = 2  # "will not", "will never", "will not ever"
NOTHING_REACH = 3  # "nothing else will", "nothing like this will"


class AssuranceWords:
    def __init__(self, words: Words):
        parts = words.members("assurance")
        self.assuring = parts.get("word", frozenset())
        self.future = parts.get("future", frozenset())
        self.nothing = parts.get("nothing", frozenset())
        self.pledge = parts.get("pledge", frozenset())  # "you have my word"
        self.mine = parts.get("mine", frozenset())
        self.negators = words["negator"]
        self.suppose = words["hypothetical"]
        self.cues = self.assuring | self.pledge  # a sentence without one assures nothing


def assurances(text: str, tokens, words: Words) -> list[Signal]:
    """A guarantee/shape signal on each sentence of ours that assures a future denied."""
    known = words.memo(AssuranceWords)
    if known.cues.isdisjoint(tokens.words) or known.future.isdisjoint(tokens.words):
        return []
    out = []
    for index in tokens.sentences_with(known.cues):
        first, last = tokens.word_range(index)
        sentence = tokens.words[first:last]
        assured = next((j for j, w in enumerate(sentence) if w in known.assuring
                        or (w in known.pledge and j and sentence[j - 1] in known.mine)), None)
        if assured is None or _hedged(sentence, assured, known):
            continue
        denied = next((j for j in range(len(sentence)) if _denied_future(sentence, j, known)), None)
        if denied is None:
            continue
        a, b = first + min(assured, denied), first + max(assured, denied)
        start, stop = tokens.starts[a], tokens.ends[b]
        out.append(Signal(kind=KIND, subtype=SUBTYPE, start=start, end=stop, text=text[start:stop],
                          sentence=index, first_word=a, last_word=b))
    return out


def _hedged(sentence: list[str], assured: int, known: AssuranceWords) -> bool:
    """Is the assurance denied ("can't promise", "no backup system can honestly promise") or
    supposed ("if I promised"): a negator before it that is not the denied future's own ("it
    won't ever..., guaranteed"), or a supposition?"""
    return any((w in known.negators and not known.future.intersection(sentence[max(0, k - DENIAL_REACH):k]))
               or w in known.suppose  # "I'd be lying if I promised it will never skip again"
               for k, w in enumerate(sentence[:assured]))


def _denied_future(sentence: list[str], j: int, known: AssuranceWords) -> bool:
    """Is word ``j`` a future denied: "will" before "not"/"never", or "nothing" before "will"?"""
    if sentence[j] in known.future:
        return not known.negators.isdisjoint(sentence[j + 1:j + 1 + DENIAL_REACH])
    return sentence[j] in known.nothing and not known.future.isdisjoint(sentence[j + 1:j + 1 + NOTHING_REACH])
