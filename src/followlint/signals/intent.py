"""A learned second opinion on requests and commitments: a small logistic model over a
sentence's words, word pairs, first word and the phrase engine's own signals.

The weights were fitted offline (``tools/train_intent.py``) on the training part of the
labelled Enron sentences and ship as a data file of the English lexicon; nothing is
downloaded or fitted at run time. Scoring a sentence is one dictionary look-up per word and
word pair: linear in the text.
"""
from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources
from itertools import repeat

MODEL_FILE = "intent_model.json"
# Sentences longer than this are forwarded bodies, lists or legal text, not one ask or promise.
MAX_WORDS = 60
MIN_WORDS = 2


def features(words: list[str], kinds: set[str], question: bool) -> list[str]:
    """The features of one sentence, for training (``IntentModel.sum`` reads the same ones
    without building them): ``words`` its tokens lowercased in order, ``kinds`` the phrase
    engine's plain signal kinds in it, ``question``: it ends in "?"."""
    out = [f"w:{w}" for w in words]
    out += [f"b:{a} {b}" for a, b in zip(words, words[1:])]
    if words:
        out.append(f"f:{words[0]}")
        if len(words) > 1:
            out.append(f"f2:{words[0]} {words[1]}")
    out += [f"k:{k}" for k in kinds]
    if question:
        out.append("q")
    return out


class IntentModel:
    """The weights by feature family, so scoring builds no feature strings: each distinct
    feature of a sentence counts once, as in training."""

    def __init__(self, weights: dict[str, float], bias: float, threshold: float):
        self.bias = bias
        # The threshold as a sum of weights: no exp per sentence.
        self.cut = math.log(threshold / (1.0 - threshold))
        self.words: dict[str, float] = {}
        self.pairs: dict[str, float] = {}  # "a b"
        self.first: dict[str, float] = {}
        self.first_pairs: dict[str, float] = {}
        self.kinds: dict[str, float] = {}
        self.question = weights.get("q", 0.0)
        tables = {"w": self.words, "b": self.pairs, "f": self.first, "f2": self.first_pairs, "k": self.kinds}
        for name, weight in weights.items():
            family, _, rest = name.partition(":")
            if family in tables:
                tables[family][rest] = weight

    def sum(self, words: list[str], kinds: set[str], question: bool) -> float:
        z = self.bias + (self.question if question else 0.0)
        z += sum(map(self.words.get, set(words), repeat(0.0)))
        z += sum(map(self.pairs.get, set(map(" ".join, zip(words, words[1:]))), repeat(0.0)))
        if words:
            z += self.first.get(words[0], 0.0)
            if len(words) > 1:
                z += self.first_pairs.get(f"{words[0]} {words[1]}", 0.0)
        if kinds:
            z += sum(map(self.kinds.get, kinds, repeat(0.0)))
        return z

    def says(self, words: list[str], kinds: set[str], question: bool) -> bool:
        return self.sum(words, kinds, question) >= self.cut


@lru_cache(maxsize=1)
def load(package: str = "followlint.lexicon.en") -> IntentModel | None:
    import json  # here: a run whose rules read no "intent" loads no model, and imports no json

    try:
        data = json.loads(resources.files(package).joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    except (FileNotFoundError, ModuleNotFoundError, ValueError):
        return None
    return IntentModel(data["weights"], data["bias"], data["threshold"])
