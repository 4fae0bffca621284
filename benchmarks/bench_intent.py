"""Signal quality: does the detector see requests and commitments where people labelled them?

``commitments/parakweet-intent-train.tsv`` holds sentences from Enron mail, each labelled
``Yes`` (it contains a request or a commitment) or ``No``. Each sentence becomes one Touch
(one conversation), annotated once by the signal detector; followlint predicts ``Yes`` when
the sentence carries a plain (not negated, not hypothetical) signal of a kind in ``KINDS``,
or an interrogative question that no neutral phrase masks (the detector does not emit masked
ones). Direction plays no part in detection, so one annotation serves both readings (an
outbound commitment, an inbound request).

The learned model of the signal stage (``signals/intent.py``, an "intent" signal) is fitted on
part of this very file, so the file is split once and for all: a sentence is HELD OUT when
``held_out`` says so (the first 8 hex digits of the SHA-256 of its stripped text, modulo 100,
below 30: about 30%, the same sentence always on the same side, duplicates never straddling).
``tools/train_intent.py`` reads only the train part; tuning reads only train-part errors.
The headline precision, recall and F1 are the held-out part's (target F1 >= 0.75); the train
part's are shown apart (they flatter the model), with the confusion table, per kind how often
it fires on ``Yes`` and on ``No`` sentences, and examples, all from the train part. The detection runs in a subprocess (this file, run as a script),
with the same environment as every measured command.
"""
from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

from _harness import BenchError, Command, Context, Figure, run_once

NAME = "intent"
ORDER = 50
DESCRIPTION = "request/commitment detection on labelled Enron sentences (parakweet)"
CORPUS = "commitments/parakweet-intent-train.tsv"
KINDS = ("request", "commitment", "callback", "ask_business", "ask_meeting", "ask_visit",
         "ask_online")
LEARNED = "intent"  # the learned model's signal
QUESTION = "question"  # interrogative: a sentence ending in "?" that nothing masks
EXAMPLES = 3  # false positives / negatives shown per kind in the details
HELD_OUT_PERCENT = 30


def held_out(sentence: str) -> bool:
    """Is this sentence in the held-out part of the fixed split?"""
    digest = hashlib.sha256(sentence.strip().encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % 100 < HELD_OUT_PERCENT


def read_corpus(path) -> list[tuple[int, bool, str]]:
    """(line number, label Yes?, sentence) of each labelled line."""
    rows = []
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line_no, line in enumerate(handle, 1):
            label, tab, text = line.rstrip("\r\n").partition("\t")
            if tab and label.strip() in ("Yes", "No"):
                rows.append((line_no, label.strip() == "Yes", text))
    return rows


def _scores(rows: list[dict]) -> tuple[dict, float, float, float]:
    tp = sum(1 for r in rows if r["label"] and r["kinds"])
    fp = sum(1 for r in rows if not r["label"] and r["kinds"])
    fn = sum(1 for r in rows if r["label"] and not r["kinds"])
    tn = sum(1 for r in rows if not r["label"] and not r["kinds"])
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn}, precision, recall, f1


def requires(ctx: Context) -> None:
    ctx.corpus(CORPUS)


def run(ctx: Context) -> list[Figure]:
    out = ctx.tmpdir / "intent.json"
    cmd = Command("detect intent", [ctx.python, str(Path(__file__).resolve()),
                                    str(ctx.corpus(CORPUS)), str(out)], cwd=ctx.tmpdir)
    start = time.perf_counter()
    try:
        run_once(ctx, cmd)
        every = json.loads(out.read_text(encoding="utf-8"))
    except (BenchError, ValueError, OSError) as exc:
        return [Figure("intent: precision (Yes)", None, "", error=str(exc))]
    seconds = time.perf_counter() - start
    held = [r for r in every if r["held_out"]]
    rows = [r for r in every if not r["held_out"]]  # the train part: all the details come from it
    confusion, precision, recall, f1 = _scores(held)
    tp, fp, fn, tn = (confusion[k] for k in ("tp", "fp", "fn", "tn"))
    train_confusion, train_p, train_r, train_f1 = _scores(rows)

    per_kind = {}
    tp_train = train_confusion["tp"] + train_confusion["fn"]
    for kind in (*KINDS, LEARNED, QUESTION):
        fired = [r for r in rows if kind in r["kinds"]]
        yes = sum(1 for r in fired if r["label"])
        no = len(fired) - yes
        alone_no = sum(1 for r in fired if not r["label"] and r["kinds"] == [kind])
        per_kind[kind] = {"fired": len(fired), "on_yes": yes, "on_no": no,
                          "fp_alone": alone_no,
                          "precision": round(yes / len(fired), 3) if fired else None,
                          "recall_share": round(yes / tp_train, 3) if tp_train else None}

    label = (f"held-out part: {len(held):,} of {len(every):,} sentences ({tp + fn:,} Yes, {fp + tn:,} No); "
             f"split: sha256(sentence) mod 100 < {HELD_OUT_PERCENT}")
    figures = [
        Figure("intent: precision (Yes, held out)", round(precision, 3), "",
               note=f"{label}; TP {tp}, FP {fp}, FN {fn}, TN {tn}; {seconds:.1f} s",
               extra={"confusion": confusion, "sentences": len(held)}),
        Figure("  recall (Yes, held out)", round(recall, 3), ""),
        Figure("  F1 (Yes, held out)", round(f1, 3), ">= 0.75", extra={"per_kind": per_kind}),
        Figure("  train part: precision", round(train_p, 3), "",
               note=f"{len(rows):,} sentences the model was fitted on (flattering)",
               extra={"confusion": train_confusion}),
        Figure("  train part: recall", round(train_r, 3), ""),
        Figure("  train part: F1", round(train_f1, 3), ""),
    ]
    for kind in (*KINDS, LEARNED, QUESTION):
        k = per_kind[kind]
        if k["fired"]:
            figures.append(Figure(f"  precision of {kind}", k["precision"], "",
                                  extra=dict(k)))
    figures[0].details = _details(rows, train_confusion, per_kind)
    return figures


def _details(rows: list[dict], c: dict, per_kind: dict) -> str:
    w = max(len(f"{v:,}") for v in c.values())
    out = ["intent: TRAIN part only (the held-out part is never shown): confusion table "
           "(parakweet labels in rows, followlint's prediction in columns)",
           f"    {'':10} {'pred Yes':>{w + 4}} {'pred No':>{w + 4}}",
           f"    {'label Yes':10} {c['tp']:>{w + 4},} {c['fn']:>{w + 4},}",
           f"    {'label No':10} {c['fp']:>{w + 4},} {c['tn']:>{w + 4},}",
           "",
           "intent: per signal kind (fired = sentences where the kind fires plainly; on No = "
           "false positives it takes part in; alone = false positives it makes on its own)",
           f"    {'kind':14} {'fired':>6} {'on Yes':>7} {'on No':>6} {'alone':>6} "
           f"{'precision':>9} {'share of Yes':>12}"]
    for kind, k in per_kind.items():
        prec = "-" if k["precision"] is None else f"{k['precision']:.3f}"
        share = "-" if k["recall_share"] is None else f"{k['recall_share']:.3f}"
        out.append(f"    {kind:14} {k['fired']:>6} {k['on_yes']:>7} {k['on_no']:>6} "
                   f"{k['fp_alone']:>6} {prec:>9} {share:>12}")
    out += ["", f"intent: examples (up to {EXAMPLES} per kind, first in file order)"]
    for kind in per_kind:
        fps = [r for r in rows if not r["label"] and kind in r["kinds"]][:EXAMPLES]
        for r in fps:
            out.append(f"    FP {kind:12} line {r['line']}: {r['text'][:110]!r}  "
                       f"[{', '.join(r['spans'])}]")
    fns = [r for r in rows if r["label"] and not r["kinds"]][:EXAMPLES * 3]
    for r in fns:
        out.append(f"    FN {'':12} line {r['line']}: {r['text'][:110]!r}")
    return "\n".join(out)


# -- child process: annotate every sentence once ------------------------------------------

def _predicts(signal) -> bool:
    """Does this signal make followlint say "Yes"?"""
    if signal.kind == LEARNED:
        return True
    if signal.kind == QUESTION:
        return signal.subtype == "interrogative"
    return signal.kind in KINDS and not (signal.negated or signal.hypothetical)


def _child(path: str, out: str) -> None:
    from followlint import plugins
    from followlint.config import Settings
    from followlint.model import Conversation, Direction, Origin, Touch
    from followlint.signals.detect import SignalDetector

    settings = Settings()
    registry = plugins.load(settings)
    detector = SignalDetector(registry.vocabularies, registry.words, learned=True)
    name = Path(path).name
    rows = []
    for line_no, label, text in read_corpus(path):
        touch = Touch(id=f"{name}:{line_no}", origin=Origin(name, line_no), text=text,
                      direction=Direction.OUTBOUND, kind="sentence")
        detector.annotate(Conversation(id=touch.id, touches=[touch], path=name))
        fired = [s for s in touch.signals if _predicts(s)]
        rows.append({"line": line_no, "label": label, "text": text, "held_out": held_out(text),
                     "kinds": sorted({s.kind for s in fired}),
                     "spans": [f"{s.kind}: {s.text.strip()[:60]}" for s in fired]})
    Path(out).write_text(json.dumps(rows), encoding="utf-8")


if __name__ == "__main__":
    # python bench_intent.py CORPUS OUT.json (run by run() as a subprocess)
    if len(sys.argv) != 3:
        sys.exit("usage: bench_intent.py CORPUS OUT.json")
    _child(*sys.argv[1:])
