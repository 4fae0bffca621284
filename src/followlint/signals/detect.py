"""The signal stage: what each touch says, with the span that says it.

One pass per touch: tokenize, look every word up in the phrase index, then qualify each match
(negated? hypothetical? masked by a longer neutral phrase such as "no problem at all" or
"if you have any questions"?). Rules read the resulting ``Touch.signals``; they never see
phrases or regular expressions.
"""
from __future__ import annotations

from ..model import Conversation, Signal, Span, Touch
from .phrases import PhraseIndex, tokenize

# Phrases of these kinds are context, not claims: they hide shorter phrases of other kinds
# that sit inside them ("no problem" hides "problem", "if you have any questions" hides
# "questions").
MASKING_KINDS = {"neutral", "boilerplate", "pleasantry"}
NEGATORS = {
    "not", "no", "never", "without", "nothing", "none", "nobody", "don't", "doesn't", "didn't",
    "won't", "can't", "cannot", "isn't", "aren't", "wasn't", "haven't", "hasn't", "neither",
    "nor", "hardly",
}
HYPOTHETICAL = {"if", "unless", "whether", "should", "case", "whenever", "would"}
NEGATION_REACH = 3
HYPOTHETICAL_REACH = 8
# Kinds whose meaning already includes a negation ("won't start", "not received"): a negator
# inside or just before them is part of the phrase, not a denial of it.
SELF_NEGATING = {"issue", "constraint", "dissatisfaction", "decline", "objection", "neutral"}


class SignalDetector:
    def __init__(self, vocabularies: list[dict[str, list[str]]]):
        self.phrases = PhraseIndex(vocabularies)

    def annotate(self, conversation: Conversation) -> Conversation:
        for touch in conversation.touches:
            self.annotate_touch(touch)
        return conversation

    def annotate_touch(self, touch: Touch) -> Touch:
        tokens = tokenize(touch.text)
        counts = [0] * len(tokens.sentences)
        for index, word in zip(tokens.sentence_of, tokens.words):
            if word not in "?!":
                counts[index] += 1
        touch.sentences = tuple(Span(a, b, n) for (a, b), n in zip(tokens.sentences, counts))
        found = []
        for entry, first, last in self.phrases.matches(tokens):
            sentence = tokens.sentence_of[first]
            if tokens.sentence_of[last] != sentence:
                continue
            found.append((entry, first, last, sentence))
        found = _drop_masked(found)
        signals = []
        for entry, first, last, sentence in found:
            if entry.kind == "neutral":
                continue
            start, end = tokens.starts[first], tokens.ends[last]
            signals.append(
                Signal(
                    kind=entry.kind,
                    subtype=entry.subtype,
                    start=start,
                    end=end,
                    text=touch.text[start:end],
                    negated=entry.kind not in SELF_NEGATING
                    and _preceded_by(tokens, first, sentence, NEGATORS, NEGATION_REACH),
                    hypothetical=_preceded_by(tokens, first, sentence, HYPOTHETICAL, HYPOTHETICAL_REACH),
                    sentence=sentence,
                    first_word=first,
                    last_word=last,
                )
            )
        signals.extend(_question_signals(touch, tokens, found))
        signals.sort(key=lambda s: (s.start, s.end, s.kind))
        touch.signals = tuple(signals)
        return touch


def _drop_masked(found):
    """Keep the longest of overlapping matches of one kind; let masking kinds hide what they cover."""
    found.sort(key=lambda f: (f[1], -(f[2] - f[1])))
    kept = []
    covers = []  # (first, last, kind) of kept masking / same-kind matches
    for item in found:
        entry, first, last, _ = item
        hidden = False
        for c_first, c_last, c_kind in covers:
            if c_first <= first and last <= c_last and (c_kind == entry.kind or c_kind in MASKING_KINDS):
                hidden = True
                break
        if hidden:
            continue
        kept.append(item)
        covers.append((first, last, entry.kind))
        if len(covers) > 16:
            covers = [c for c in covers if c[1] >= first]
    return kept


def _preceded_by(tokens, first: int, sentence: int, words: set[str], reach: int) -> bool:
    for j in range(first - 1, max(-1, first - 1 - reach), -1):
        if tokens.sentence_of[j] != sentence:
            return False
        if tokens.words[j] in words:
            return True
    return False


def _question_signals(touch: Touch, tokens, found) -> list[Signal]:
    """A sentence that ends in '?' is a question unless a neutral phrase covers it."""
    masked_sentences = {s for entry, _, _, s in found if entry.kind in {"boilerplate", "neutral"}}
    out = []
    for index, (start, end) in enumerate(tokens.sentences):
        text = touch.text[start:end]
        if not text.rstrip().endswith("?") or index in masked_sentences:
            continue
        out.append(Signal(kind="question", subtype="interrogative", start=start, end=end,
                          text=text, sentence=index))
    return out
