"""The customer's sentiment: one verdict per sentence of theirs, positive or negative.

Two sources are combined. The phrase signals of the sentence: praise and complaint phrases
(satisfaction, issue, dissatisfaction) and the ``sentiment`` idioms a word lexicon cannot see
("the kids haven't stopped using it", "still nothing"); a ``sentiment/flat`` phrase ("it's
fine", "ok I guess") neutralises the words it covers. And the valence of the sentence's other
words, from a sentiment lexicon made for short informal text (named by the vocabulary's
``valence_lexicon``; VADER's in English). The valence follows VADER's published heuristics:
a negator shortly before a word turns it (and "less" just before it), an intensifier raises it, what follows "but" weighs
more than what came before, capitals and exclamation marks add emphasis, and the sum is
normalised to -1..1.

Only strong valence counts, and never in a question, a wish or a supposition ("would be great
if it worked"), in a courtesy formula the phrase engine masks ("have a great weekend"), in a
sentence-opening interjection ("Great, another week without my plates"), or in a short
acknowledgement ("Perfect, thanks!"). The lexicon is read the first time a customer's sentence
is scored: a run that lints only our own drafts never loads it.
"""
from __future__ import annotations

from itertools import compress
from math import copysign, sqrt

from ..model import Signal

POSITIVE = 0.45  # "I love the car" 0.64, "they were very helpful" 0.48; "it's fine" 0.2, "good" 0.44
NEGATIVE = -0.45  # "the service was terrible" -0.48, "not happy with it" -0.46
STRONG = 1.5  # a sentence is scored only when a word of it is this strong ("helpful", "terrible"; weaker ones add to it)
MIN_WORDS = 4  # shorter sentences are acknowledgements ("Sounds great", "Perfect, thanks!")
# VADER's constants (Hutto & Gilbert 2014): what an intensifier adds, what a negator
# multiplies by, the emphasis of capitals and of each "!", the normalisation.
STEP = 0.293
NEGATED = -0.74
CAPS = 0.733
EXCLAIM = 0.292
MAX_EXCLAIM = 4
NORMALISE = 15
NEGATION_REACH = 3
BEFORE_CONTRAST, AFTER_CONTRAST = 0.5, 1.5
INTERJECTION_MARKS = ",!.:;-\u2013\u2014"
POSITIVE_KINDS = {"satisfaction"}
NEGATIVE_KINDS = {"issue", "dissatisfaction"}
PHRASE_KINDS = POSITIVE_KINDS | NEGATIVE_KINDS | {"sentiment"}
WHO = "who"  # "Who doesn't love...?"


def load_valences(sources) -> dict[str, float]:
    """word -> mean valence, from "package:file" lexicons of "word<TAB>valence<TAB>..." lines."""
    from importlib import resources  # only when a customer's sentence is first scored

    table: dict[str, float] = {}
    for source in sorted(sources):
        package, _, name = source.partition(":")
        text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
        for line in text.splitlines():
            word, _, rest = line.partition("\t")
            value = rest.partition("\t")[0]
            word = word.lower().replace("\u2019", "'")
            if not word or not (word[0].isalpha() and word.replace("'", "").replace("-", "").isalnum()):
                continue  # emoticons: the tokenizer never yields them
            try:
                table[word] = float(value)
            except ValueError:
                continue
    return table


class Sentiment:
    def __init__(self, words, sources=()):
        """``sources``: the vocabularies' ``valence_lexicon`` entries as written (a package's name
        keeps its capitals; ``words`` has them lowercased)."""
        self.sources = tuple(sources) or tuple(words["valence_lexicon"])
        self.negators = words["negator"]
        self.intensifiers = words["intensifier"]
        self.downtoners = words["downtoner"]
        self.reversers = words["reverser"]
        self.contrast = words["contrast"]
        self.ignored = words["valence_neutral"] | words["negator"]
        self.supposing = words["hypothetical"] | words["wish"]
        self.auxiliaries = words["auxiliary"]
        self.openings = words["discourse_opening"]
        self._table: dict[str, float] | None = None
        self._watched: frozenset[str] = frozenset()  # the words a sentence is scored by, and "if"
        self._strong: frozenset[str] = frozenset()
        self._modifiers = self.intensifiers | self.downtoners | self.reversers | self.negators

    @property
    def table(self) -> dict[str, float]:
        if self._table is None:
            self._table = load_valences(self.sources) if self.sources else {}
            valued = frozenset(self._table) - self.ignored
            self._strong = frozenset(w for w in valued if abs(self._table[w]) >= STRONG)
            self._watched = valued | self.supposing | self.contrast
        return self._table

    def judge(self, text: str, tokens, signals: list[Signal], masked: set[int], counts: list[int],
              only: set[int] | None = None) -> list[Signal]:
        """``signals`` of a customer's touch, its ``sentiment`` phrases replaced by one verdict
        per sentence that carries a feeling. ``counts``: the words of each sentence; ``only``:
        the sentences that are the customer's, when not all are (a call note)."""
        said = [s for s in signals if s.kind in PHRASE_KINDS]
        by_sentence: dict[int, list[Signal]] = {}
        for signal in said:
            by_sentence.setdefault(signal.sentence, []).append(signal)
        table = self.table
        words = tokens.words
        scored = set(by_sentence)
        if not self._strong.isdisjoint(words):  # one pass, at C speed where it can
            for at in compress(range(len(words)), map(self._strong.__contains__, words)):
                scored.add(tokens.sentence_at(at))
        out = [s for s in signals if s.kind != "sentiment"] if said else signals
        if only is not None:
            scored &= only
        for index in sorted(scored):
            first, last = tokens.word_range(index)
            watched = [i for i in range(first, last) if words[i] in self._watched]
            verdict = self._verdict(text, tokens, index, by_sentence.get(index, ()), watched,
                                    masked, counts[index], table)
            if verdict:
                start, end = tokens.sentences[index]
                out.append(Signal(kind="sentiment", subtype=verdict, start=start, end=end,
                                  text=text[start:end], sentence=index))
        return out

    def _verdict(self, text, tokens, index, said, watched, masked, count, table) -> str:
        plain = [s for s in said if not (s.negated or s.hypothetical)]
        flat = {i for s in plain if s.kind == "sentiment" and s.subtype == "flat" for i in range(s.first_word, s.last_word + 1)}

        def inside_flat(s: Signal) -> bool:
            return s.first_word in flat and s.last_word in flat

        if plain and any(s.kind in NEGATIVE_KINDS or (s.kind == "sentiment" and s.subtype == "negative") for s in plain):
            return "negative"
        words = tokens.words
        start, end = tokens.sentences[index]
        first, last = tokens.word_range(index)
        praise = [s for s in plain if (s.kind in POSITIVE_KINDS or (s.kind == "sentiment" and s.subtype == "positive"))
                  and not inside_flat(s)]
        if praise:
            # A praise phrase outweighs the valence of its words ("so much less stressful"), not
            # what a "but" after it says ("great product, but the delivery was a disaster").
            turn = any(words[i] in self.contrast and i > praise[0].last_word for i in watched)
            if turn and self._valence(text, tokens, watched, first, masked, table) <= NEGATIVE:
                return "negative"
            return "positive"
        if not watched:
            return ""
        skip = {i for i in watched if i in masked or i in flat}
        if text[start:end].rstrip().endswith("?"):
            # "Isn't this the cutest burrito?", "Who doesn't love the new entrance?": a question
            # that denies its own opening asserts what follows; any other asks, and feels nothing.
            opener = self._rhetorical_opener(text, tokens, first, last)
            if opener is None:
                return ""
            valence = self._valence(text, tokens, [i for i in watched if i > opener], opener + 1, skip, table)
            return "positive" if valence >= POSITIVE else "negative" if valence <= NEGATIVE else ""
        # A sentence with "if", "would" or "hope" supposes or wishes: its words are not felt.
        if any(words[i] in self.supposing for i in watched):
            return ""
        if _interjection(text, tokens, first, end):
            skip.add(first)
        valence = self._valence(text, tokens, watched, first, skip, table)
        if valence <= NEGATIVE:
            return "negative"
        if valence >= POSITIVE and count >= MIN_WORDS:
            return "positive"
        return ""

    def _rhetorical_opener(self, text: str, tokens, first: int, last: int) -> int | None:
        """Where the denied opening of a rhetorical question ends ("isn't", "who doesn't"), after
        any greeting and @handles; None when the question opens otherwise."""
        words, starts = tokens.words, tokens.starts
        i = first
        while i < last and (words[i] in self.openings or (starts[i] and text[starts[i] - 1] == "@")):
            i += 1
        if i < last and words[i] == WHO:
            i += 1
        if i + 1 < last and words[i] in self.auxiliaries and words[i + 1] in self.negators:
            return i + 1
        return None

    def _modified(self, value: float, before: list[str]) -> float:
        """``value`` raised, lowered or turned by the words just before it (nearest first)."""
        for distance, (word, scale) in enumerate(zip(before, (1.0, 0.95, 0.9))):
            if distance == 0 and word in self.reversers:
                value *= NEGATED
            elif word in self.intensifiers:
                value += copysign(STEP * scale, value)
            elif word in self.downtoners:
                value -= copysign(STEP * scale, value)
        if any(word in self.negators or word.endswith("n't") for word in before):
            value *= NEGATED
        return value

    def _valence(self, text, tokens, watched: list[int], first: int, skip: set[int], table) -> float:
        words, starts, ends = tokens.words, tokens.starts, tokens.ends
        pivot = next((i for i in watched if words[i] in self.contrast), None)
        shouting = None  # the whole sentence in capitals: then capitals are no emphasis
        total = 0.0
        for i in watched:
            value = table.get(words[i])
            if value is None or i in skip or words[i] in self.ignored:
                continue
            before = words[max(first, i - NEGATION_REACH):i]
            if not self._modifiers.isdisjoint(before) or any(w.endswith("n't") for w in before):
                value = self._modified(value, before[::-1])
            if text[starts[i]].isupper():
                raw = text[starts[i]:ends[i]]
                if len(raw) > 1 and raw.isupper():
                    if shouting is None:
                        shouting = _shouting(text, starts[first], ends[watched[-1]])
                    if not shouting:
                        value += copysign(CAPS, value)
            if pivot is not None:
                value *= BEFORE_CONTRAST if i < pivot else AFTER_CONTRAST if i > pivot else 1.0
            total += value
        if total:
            bangs = text.count("!", starts[watched[0]], ends[watched[-1]] + MAX_EXCLAIM)
            total += copysign(min(bangs, MAX_EXCLAIM) * EXCLAIM, total)
        return total / sqrt(total * total + NORMALISE)


def _shouting(text: str, start: int, end: int) -> bool:
    """The whole sentence is in capitals: then capitals are no emphasis."""
    letters = [c for c in text[start:end] if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _interjection(text: str, tokens, first: int, end: int) -> bool:
    """The sentence's first word is set off by punctuation ("Great, ..."): a tone, not a judgement."""
    if first + 1 >= len(tokens.words) or tokens.starts[first + 1] >= end:
        return False
    after = text[tokens.ends[first]:tokens.starts[first + 1]].strip()
    return bool(after) and after[0] in INTERJECTION_MARKS
