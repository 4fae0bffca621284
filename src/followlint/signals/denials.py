"""Fault denied, read from the shape of a clause, not from a phrase.

A denial and a fault word in one clause of ours ("the scuffing isn't a binding fault", "it's
not a mistake on our part", "not something that happens at our end"): however it is worded,
that argues we are not to blame (FL110, in a reply to a complaint). Excusing the customer
("it's not your fault") and owning it ("no excuse, that was our mistake") are not denials.
"""
from __future__ import annotations

from ..lexicon.words import Words
from ..model import Signal
from .availability import clauses

KIND = "defensive"
SUBTYPE = "denial"  # defensive/denial: read from the clause's shape
REACH = 6  # "isn't a binding fault", "not something that happens at our end"


class DenialWords:
    def __init__(self, words: Words):
        parts = words.members("denial")
        self.fault = parts.get("fault", frozenset())
        self.side = parts.get("side", frozenset())  # "our end", "our part"
        self.ours = parts.get("ours", frozenset())
        self.theirs = parts.get("theirs", frozenset())
        self.negators = parts.get("not", frozenset())
        self.cues = self.fault | self.side


def denials(text: str, tokens, words: Words) -> list[Signal]:
    """A defensive/denial signal on each clause of ours that denies a fault."""
    known = words.memo(DenialWords)
    if known.cues.isdisjoint(tokens.words) or known.negators.isdisjoint(tokens.words):
        return []
    out = []
    for index in tokens.sentences_with(known.cues):
        for a, b in clauses(text, tokens, *tokens.word_range(index)):
            found = _denied(tokens.words, a, b, known)
            if found is not None:
                start, stop = tokens.starts[found[0]], tokens.ends[found[1]]
                out.append(Signal(kind=KIND, subtype=SUBTYPE, start=start, end=stop, text=text[start:stop],
                                  sentence=index, first_word=found[0], last_word=found[1]))
    return out


def _denied(words: list[str], a: int, b: int, known: DenialWords) -> tuple[int, int] | None:
    """The word range [denial, fault] of a fault denied in the clause [a, b), or None: a fault
    word a few words after a "not", not the customer's ("not your fault") and, for a side
    ("end", "part"), ours ("at our end")."""
    for j in range(a, b):
        if words[j] not in known.negators:
            continue
        for k in range(j + 1, min(b, j + 1 + REACH)):
            word = words[k]
            if known.theirs.intersection(words[max(j, k - 2):k]):
                break  # "it's not your fault": the customer excused
            if word in known.fault or (word in known.side and words[k - 1] in known.ours):
                return j, k
    return None
