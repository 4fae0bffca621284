"""Referral asks read from the shape of a sentence, not from a phrase.

We ask the customer about people other than themselves and us ("other labs on your campus",
"the owner of his sister gym", "anyone else", "anyone at his car club") for us to reach ("I
should be talking to", "an intro to", "put us in touch", "any neighbours he refers") or who
would want what we sell ("who'd want summer places", "who else buys boxes"): a question of
ours, or a note that says we asked. However it is worded, that is asking for a referral or an
introduction (FL102).
"""
from __future__ import annotations

from ..lexicon.words import Words
from ..model import Signal

KIND = "referral_ask"
SUBTYPE = "shape"  # referral_ask/shape: read from the sentence's shape
REACH = 8  # the other party and the contact within this many words of each other
ELSE = "else"
THINGS = frozenset({"anything", "something", "nothing", "everything", "what", "where", "how", "when"})


class ReferralWords:
    def __init__(self, words: Words):
        parts = words.members("referral")
        self.others = parts.get("other_party", frozenset())
        self.contact = parts.get("contact", frozenset())
        self.prospect = parts.get("prospect", frozenset())
        self.asking = parts.get("asking", frozenset())
        self.not_party = parts.get("not_party", frozenset())
        self.anyone = parts.get("anyone", frozenset())
        self.somewhere = parts.get("somewhere", frozenset())
        self.relative = parts.get("relative", frozenset())
        self.any = parts.get("any", frozenset())
        self.of = parts.get("of", frozenset())
        self.people = parts.get("people", frozenset())
        self.negators = words["negator"]
        self.parties = self.others | self.anyone  # a sentence without one names no other party


def shaped_referral_asks(text: str, tokens, words: Words) -> list[Signal]:
    """A referral_ask/shape signal on each sentence that asks about another party for us to reach."""
    known = words.memo(ReferralWords)
    if known.parties.isdisjoint(tokens.words) or (
            known.contact.isdisjoint(tokens.words) and known.prospect.isdisjoint(tokens.words)):
        return []
    out = []
    for index in tokens.sentences_with(known.parties):
        begin, end = tokens.sentences[index]
        first, last = tokens.word_range(index)
        sentence = tokens.words[first:last]
        asks = text[begin:end].rstrip().endswith("?") or not known.asking.isdisjoint(sentence)
        if not asks or not known.negators.isdisjoint(sentence):
            continue
        others = [j for j, w in enumerate(sentence) if _another_party(sentence, j, known)]
        pair = next((p for o in others for p in _reach(sentence, o, known)), None)
        if pair is None:
            continue
        a, b = first + min(pair), first + max(pair)
        start, stop = tokens.starts[a], tokens.ends[b]
        out.append(Signal(kind=KIND, subtype=SUBTYPE, start=start, end=stop, text=text[start:stop],
                          sentence=index, first_word=a, last_word=b))
    return out


def _another_party(sentence: list[str], j: int, known: ReferralWords) -> bool:
    """Is word ``j`` another party: "other families", "anyone at his club" (not "another time")?"""
    after = sentence[j + 1] if j + 1 < len(sentence) else ""
    if sentence[j] in known.anyone:
        return after in known.somewhere
    if sentence[j] == ELSE and j and sentence[j - 1] in THINGS:
        return False  # "anything else you'd want": no party
    return sentence[j] in known.others and after not in known.not_party


def _reach(sentence: list[str], o: int, known: ReferralWords):
    """(o, c) for each word c near the party at ``o`` that has us reach them ("an intro to") or
    them want what we sell: the party, then the wanting ("other families who'd want", "who else
    buys", "anyone at his club might want"; not "wants another", "other commodities we'd want").
    Only the words within REACH are looked at, so a sentence is read in linear time."""
    for c in range(max(0, o - REACH), min(len(sentence), o + REACH + 1)):
        word = sentence[c]
        if word in known.contact:
            yield o, c
        elif word in known.prospect and c > o and (
                sentence[o] in known.anyone or not known.relative.isdisjoint(sentence[max(0, o - 1):c])
                or any(_counted(sentence, q, known) for q in range(max(0, o - REACH), o + 1))):
            yield o, c  # "any of her neighbours or friends... might be interested"


def _counted(sentence: list[str], q: int, known: ReferralWords) -> bool:
    """Is word ``q`` a party counted in by "any" ("any neighbours", "any of her friends"), not
    "any chance your colleagues"?"""
    if sentence[q] not in known.people:
        return False  # "any other commodities": things, not people
    before = sentence[max(0, q - 3):q]
    return bool(before) and (before[-1] in known.any or (
        len(before) >= 2 and before[-2] in known.any and before[-1] in known.of) or (
        len(before) == 3 and before[0] in known.any and before[1] in known.of and before[2] in known.of))
