"""What the customer says they lack or cannot do, and the thing it is about.

"I don't have a printer", "can't climb ladders for a couple of months", "no other way to take
photos": a clause that denies a person has a thing, or denies a bodily or practical ability,
gives a ``constraint/lack`` signal whose span is the lacked thing or act ("have a printer",
"climb ladders"). FL108 holds it against an ask of ours that names the same thing ("could you
email us photos?"), not against every ask: no printer does not rule out a visit. "Lost my
password" is not read as a lack: in support mail the thing lost is the problem to solve.
"""
from __future__ import annotations

from ..lexicon.words import Words
from ..model import Signal
from .availability import clauses

LACK = "lack"  # constraint/lack
OBJECT_REACH = 5  # "have any other way to take photos": the words of the thing lacked
DENIAL_REACH = 2  # "don't have", "doesn't really have": the denial just before the verb


class LackWords:
    def __init__(self, words: Words):
        lack = words.members("lack")
        self.have = lack.get("have", frozenset())
        self.unable = lack.get("unable", frozenset())
        self.can = lack.get("can", frozenset())
        self.ability = lack.get("ability", frozenset())
        self.article = lack.get("article", frozenset())
        self.none = lack.get("none", frozenset())
        self.person = lack.get("person", frozenset())
        self.negators = words["negator"]
        self.writer = words["writer_subject"]
        self.saying = words["saying_verb"]
        self.auxiliary = words["auxiliary"]
        self.triggers = self.have | self.unable | self.can
        # A clause says a lack only at one of these words ("have", "unable", the "not" of "can not")
        self.cues = self.have | self.unable | self.negators


def lacks(text: str, tokens, words: Words, theirs_only: bool = False) -> list[Signal]:
    """A ``constraint/lack`` signal on each clause that says the customer lacks a thing or
    cannot do something. ``theirs_only``: in our note of a call, a clause with our own subject
    ("we don't have a van free") is ours, not the customer's."""
    known = words.memo(LackWords)
    if known.triggers.isdisjoint(tokens.words):
        return []
    out = []
    for index in tokens.sentences_with(known.cues):
        for a, b in clauses(text, tokens, *tokens.word_range(index)):
            found = _lacked(tokens.words, a, b, known)
            if found is not None and not (theirs_only and not known.writer.isdisjoint(tokens.words[a:found[0]])):
                start, end = tokens.starts[found[0]], tokens.ends[found[1] - 1]
                out.append(Signal(kind="constraint", subtype=LACK, start=start, end=end, text=text[start:end],
                                  sentence=index, first_word=found[0], last_word=found[1] - 1))
    return out


def _lacked(words: list[str], a: int, b: int, known: LackWords) -> tuple[int, int] | None:
    """The word range [start, end) in clause [a, b) of what it says is lacked, or None."""
    for j in range(a, b - 1):
        word, after = words[j], words[j + 1]
        if word in known.have and (after in known.none or (after in known.article and _denied(words, a, j, known))):
            found = j, min(b, j + 2 + OBJECT_REACH)  # "don't have a printer", "have no way to"
        # "can't climb ladders", "unable to drive" (a contraction is read expanded: "can not")
        elif word in known.unable or (word in known.negators and j > a and words[j - 1] in known.can):
            verb = j + 2 if after == "to" else j + 1
            if not (verb < b and words[verb] in known.ability):
                continue
            found = j, min(b, verb + 1 + OBJECT_REACH)
        else:
            continue
        # A person has it or cannot do it ("I don't have a printer", "she can't climb"); "the
        # claim has no adjuster assigned" is a problem with the claim.
        if not known.person.isdisjoint(words[a:j]) and not _a_thing_says(words, a, j, known):
            return found
    return None


def _a_thing_says(words: list[str], a: int, j: int, known: LackWords) -> bool:
    """Is the lack what a thing says ("it's saying I don't have an account", "the site says I
    can't..."), not the customer? The subject of a verb of saying before it is not a person."""
    for k in range(j - 1, a - 1, -1):
        if words[k] in known.saying:
            subject = k - 2 if k - 2 >= a and words[k - 1] in known.auxiliary else k - 1
            return subject >= a and words[subject] not in known.person
    return False


def _denied(words: list[str], a: int, j: int, known: LackWords) -> bool:
    return not known.negators.isdisjoint(words[max(a, j - DENIAL_REACH):j])
