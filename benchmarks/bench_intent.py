"""Signal quality: does the detector see requests and commitments where people labelled them?

``commitments/parakweet-intent-train.tsv`` holds sentences from Enron mail, each labelled
``Yes`` (it contains a request or a commitment) or ``No``. Each sentence becomes one Touch
(one conversation), annotated once by the signal detector; followlint predicts ``Yes`` when
the sentence carries a plain (not negated, not hypothetical) signal of a kind in ``KINDS``,
or an interrogative question that no neutral phrase masks (the detector does not emit masked
ones). Direction plays no part in detection, so one annotation serves both readings (an
outbound commitment, an inbound request).

Reported: precision, recall and F1 of predicting ``Yes``, the confusion table, and per kind
how often it fires on ``Yes`` and on ``No`` sentences (which kinds make the false positives).
Informational: no target. The detection runs in a subprocess (this file, run as a script),
with the same environment as every measured command.
"""
from __future__ import annotations

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
QUESTION = "question"  # interrogative: a sentence ending in "?" that nothing masks
EXAMPLES = 3  # false positives / negatives shown per kind in the details


def requires(ctx: Context) -> None:
    ctx.corpus(CORPUS)


def run(ctx: Context) -> list[Figure]:
    out = ctx.tmpdir / "intent.json"
    cmd = Command("detect intent", [ctx.python, str(Path(__file__).resolve()),
                                    str(ctx.corpus(CORPUS)), str(out)], cwd=ctx.tmpdir)
    start = time.perf_counter()
    try:
        run_once(ctx, cmd)
        rows = json.loads(out.read_text(encoding="utf-8"))
    except (BenchError, ValueError, OSError) as exc:
        return [Figure("intent: precision (Yes)", None, "", error=str(exc))]
    seconds = time.perf_counter() - start

    tp = sum(1 for r in rows if r["label"] and r["kinds"])
    fp = sum(1 for r in rows if not r["label"] and r["kinds"])
    fn = sum(1 for r in rows if r["label"] and not r["kinds"])
    tn = sum(1 for r in rows if not r["label"] and not r["kinds"])
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    per_kind = {}
    for kind in (*KINDS, QUESTION):
        fired = [r for r in rows if kind in r["kinds"]]
        yes = sum(1 for r in fired if r["label"])
        no = len(fired) - yes
        alone_no = sum(1 for r in fired if not r["label"] and r["kinds"] == [kind])
        per_kind[kind] = {"fired": len(fired), "on_yes": yes, "on_no": no,
                          "fp_alone": alone_no,
                          "precision": round(yes / len(fired), 3) if fired else None,
                          "recall_share": round(yes / (tp + fn), 3) if tp + fn else None}

    label = f"{len(rows):,} sentences ({tp + fn:,} Yes, {fp + tn:,} No)"
    confusion = {"tp": tp, "fp": fp, "fn": fn, "tn": tn}
    figures = [
        Figure("intent: precision (Yes)", round(precision, 3), "",
               note=f"{label}; TP {tp}, FP {fp}, FN {fn}, TN {tn}; {seconds:.1f} s",
               extra={"confusion": confusion, "sentences": len(rows)}),
        Figure("  recall (Yes)", round(recall, 3), ""),
        Figure("  F1 (Yes)", round(f1, 3), "", extra={"per_kind": per_kind}),
    ]
    for kind in (*KINDS, QUESTION):
        k = per_kind[kind]
        if k["fired"]:
            figures.append(Figure(f"  precision of {kind}", k["precision"], "",
                                  extra=dict(k)))
    figures[0].details = _details(rows, confusion, per_kind)
    return figures


def _details(rows: list[dict], c: dict, per_kind: dict) -> str:
    w = max(len(f"{v:,}") for v in c.values())
    out = ["intent: confusion table (parakweet labels in rows, followlint's prediction in "
           "columns)",
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

def _child(path: str, out: str) -> None:
    from followlint import plugins
    from followlint.config import Settings
    from followlint.engine import Linter
    from followlint.model import Conversation, Direction, Origin, Touch

    settings = Settings()
    linter = Linter(settings, plugins.load(settings))
    name = Path(path).name
    rows = []
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line_no, line in enumerate(handle, 1):
            label, tab, text = line.rstrip("\r\n").partition("\t")
            if not tab or label.strip() not in ("Yes", "No"):
                continue
            touch = Touch(id=f"{name}:{line_no}", origin=Origin(name, line_no), text=text,
                          direction=Direction.OUTBOUND, kind="sentence")
            linter.detector.annotate(Conversation(id=touch.id, touches=[touch], path=name))
            fired = [s for s in touch.signals
                     if (s.kind in KINDS and not (s.negated or s.hypothetical))
                     or (s.kind == QUESTION and s.subtype == "interrogative")]
            rows.append({"line": line_no, "label": label.strip() == "Yes", "text": text,
                         "kinds": sorted({s.kind for s in fired}),
                         "spans": [f"{s.kind}: {s.text.strip()[:60]}" for s in fired]})
    Path(out).write_text(json.dumps(rows), encoding="utf-8")


if __name__ == "__main__":
    # python bench_intent.py CORPUS OUT.json (run by run() as a subprocess)
    if len(sys.argv) != 3:
        sys.exit("usage: bench_intent.py CORPUS OUT.json")
    _child(*sys.argv[1:])
