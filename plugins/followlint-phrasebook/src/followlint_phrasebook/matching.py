"""Every phrase of every phrasebook rule, found in one linear-time pass over a text.

Phrases use followlint's own phrase syntax and engine (``followlint.signals.phrases``): they
compile to fixed word sequences looked up word by word, so no user text ever becomes a regular
expression and matching cannot backtrack.
"""
from __future__ import annotations

from typing import NamedTuple

from followlint.signals.phrases import PhraseIndex, expand, tokenize


class Hit(NamedTuple):
    code: str  # the rule whose phrase this is
    role: str  # which of the rule's phrase lists: "phrase", "if", "needs", or a swap's number
    start: int  # character offsets into the text
    end: int
    sentence: int


def check_phrase(phrase: str) -> None:
    """Raise ValueError with the engine's explanation when a phrase cannot be compiled."""
    expand(phrase)


class PhraseSet:
    """The phrases of several rules, keyed ``CODE/role``, indexed once."""

    def __init__(self, phrases: dict[str, list[str]]):
        self.index = PhraseIndex([phrases])
        # The hits of the conversation being checked, by touch: every rule of the set asks for
        # them, and they are found once. The engine checks one conversation after another.
        self._memo: tuple[object, dict[int, dict[str, list[Hit]]]] = (None, {})

    def find_in(self, conversation, touch) -> dict[str, list[Hit]]:
        """``find`` over a touch's text, once per touch of the conversation for all the rules."""
        if self._memo[0] is not conversation:
            self._memo = (conversation, {})
        hits = self._memo[1].get(id(touch))
        if hits is None:
            hits = self._memo[1][id(touch)] = self.find(touch.text)
        return hits

    def find(self, text: str) -> dict[str, list[Hit]]:
        """Hits by rule code, in text order; a phrase inside a longer one of the same rule and
        role (both "honest" and "to be honest" listed) counts once, as the longer."""
        tokens = tokenize(text)
        found = []
        for entry, first, last in self.index.matches(tokens):
            sentence = tokens.sentence_at(first)
            if tokens.sentence_at(last) == sentence:
                found.append(Hit(entry.kind, entry.subtype, tokens.start(first), tokens.end(last), sentence))
        found.sort(key=lambda hit: (hit.start, -hit.end))
        reach: dict[tuple[str, str], int] = {}  # furthest end kept so far, per rule and role
        by_code: dict[str, list[Hit]] = {}
        for hit in found:
            key = (hit.code, hit.role)
            if hit.end <= reach.get(key, -1):
                continue
            reach[key] = hit.end
            by_code.setdefault(hit.code, []).append(hit)
        return by_code
