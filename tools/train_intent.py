"""Fit the learned request/commitment model shipped as ``lexicon/en/intent_model.json``.

    PYTHONPATH=src python tools/train_intent.py [CORPUS] [--out PATH]

CORPUS defaults to ``../shared/corpora/commitments/parakweet-intent-train.tsv`` (sentences of
Enron mail labelled Yes/No). Only the TRAIN part of the fixed split of
``benchmarks/bench_intent.py`` (``held_out``: a stable hash of the sentence, 30% held out) is
read for fitting and for every choice made here; the held-out part is never looked at.

Logistic regression over the features of ``followlint.signals.intent.features`` (words, word
pairs, first words, the phrase engine's plain signal kinds, "ends in ?"), fitted by stochastic
gradient descent with L2, in plain Python. The L2 strength and the decision threshold are
chosen by 5-fold cross-validation on the train part (best F1 of the out-of-fold scores).
Seeded (SEED), so a rerun writes the same file.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_intent import held_out, read_corpus  # noqa: E402

SEED = 14
EPOCHS = 25
LEARNING_RATE = 0.1
L2_GRID = (3e-5, 1e-4, 3e-4, 1e-3)
FOLDS = 5
MIN_COUNT = 2  # a feature seen in fewer training sentences carries no weight
KEEP = 0.01  # weights smaller than this are left out of the shipped file
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "commitments" / "parakweet-intent-train.tsv"


def sentence_features(rows):
    """Each line's features, as the signal stage computes them (the model itself switched off)."""
    from followlint import plugins
    from followlint.config import Settings
    from followlint.engine import Linter
    from followlint.model import Conversation, Direction, Origin, Touch
    from followlint.signals.detect import sentence_words  # as learned_intent reads a sentence
    from followlint.signals.intent import MAX_WORDS, MIN_WORDS, features
    from followlint.signals.phrases import tokenize

    settings = Settings()
    detector = Linter(settings, plugins.load(settings)).detector
    detector.intent = None
    out = []
    for line_no, label, text in rows:
        touch = Touch(id=str(line_no), origin=Origin("train", line_no), text=text,
                      direction=Direction.OUTBOUND, kind="sentence")
        detector.annotate(Conversation(id=touch.id, touches=[touch], path="train"))
        tokens = tokenize(text, detector.classes)
        counts = tokens.words_per_sentence(text)
        kinds: dict[int, set[str]] = {}
        for s in touch.signals:
            if not (s.negated or s.hypothetical):
                kinds.setdefault(s.sentence, set()).add(s.kind)
        feats: set[str] = set()
        for index, count in enumerate(counts):
            if MIN_WORDS <= count <= MAX_WORDS:
                words = sentence_words(tokens, index)
                feats.update(features(words, kinds.get(index, set()), bool(words) and words[-1] == "?"))
        out.append((sorted(feats), 1 if label else 0))
    return out


def fit(data, l2, seed=SEED):
    rng = random.Random(seed)
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}  # Adagrad: per-feature step sizes
    bias, bias_sq = 0.0, 1e-8
    order = list(range(len(data)))
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            feats, y = data[i]
            z = bias + sum(weights.get(f, 0.0) for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - y
            bias_sq += g * g
            bias -= LEARNING_RATE * g / math.sqrt(bias_sq)
            for f in feats:
                w = weights.get(f, 0.0)
                grad = g + l2 * w
                squares[f] = squares.get(f, 1e-8) + grad * grad
                weights[f] = w - LEARNING_RATE * grad / math.sqrt(squares[f])
    return weights, bias


def score(weights, bias, feats):
    z = bias + sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def best_threshold(scored):
    best = (0.0, 0.5)
    for t in [x / 100 for x in range(20, 81)]:
        tp = sum(1 for s, y in scored if s >= t and y)
        fp = sum(1 for s, y in scored if s >= t and not y)
        fn = sum(1 for s, y in scored if s < t and y)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        best = max(best, (f1, t))
    return best


def cross_validate(data, l2):
    rng = random.Random(SEED)
    order = list(range(len(data)))
    rng.shuffle(order)
    scored = []
    for k in range(FOLDS):
        test = set(order[k::FOLDS])
        train = [data[i] for i in order if i not in test]
        weights, bias = fit(prune(train), l2)
        scored += [(score(weights, bias, data[i][0]), data[i][1]) for i in test]
    return best_threshold(scored)


def prune(data):
    counts: dict[str, int] = {}
    for feats, _ in data:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    return [([f for f in feats if counts[f] >= MIN_COUNT], y) for feats, y in data]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--out", default=str(ROOT / "src" / "followlint" / "lexicon" / "en" / "intent_model.json"))
    args = parser.parse_args()
    rows = [r for r in read_corpus(args.corpus) if not held_out(r[2])]
    data = sentence_features(rows)
    print(f"train part: {len(data)} sentences ({sum(y for _, y in data)} Yes)")
    results = {l2: cross_validate(data, l2) for l2 in L2_GRID}
    for l2, (f1, t) in results.items():
        print(f"  l2 {l2:g}: cross-validated F1 {f1:.3f} at threshold {t:.2f}")
    l2 = max(results, key=lambda k: results[k])
    f1, threshold = results[l2]
    weights, bias = fit(prune(data), l2)
    kept = {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= KEEP}
    train_scored = [(score(kept, bias, feats), y) for feats, y in data]
    tp = sum(1 for s, y in train_scored if s >= threshold and y)
    fp = sum(1 for s, y in train_scored if s >= threshold and not y)
    fn = sum(1 for s, y in train_scored if s < threshold and y)
    print(f"chosen l2 {l2:g}, threshold {threshold:.2f}; {len(kept)} weights kept; "
          f"train fit P {tp / max(1, tp + fp):.3f} R {tp / max(1, tp + fn):.3f}")
    model = {
        "about": "followlint request/commitment model: logistic regression fitted by tools/train_intent.py "
                 "on the train part of parakweet-intent-train.tsv (split: benchmarks/bench_intent.py held_out)",
        "seed": SEED, "epochs": EPOCHS, "l2": l2, "cv_f1": round(f1, 4), "train_sentences": len(data),
        "threshold": threshold, "bias": round(bias, 4), "weights": kept,
    }
    Path(args.out).write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
