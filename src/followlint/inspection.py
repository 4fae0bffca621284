"""`followlint inspect`: the rebuilt conversations as a user sees them, with every signal and
the timeline state the rules read (the customer's items and what became of them, our
commitments and the agreed contact times with their due dates, the customer's satisfaction)."""
from __future__ import annotations

import json

from .engine import ReadContext, UnitResult
from .model import Direction, InputError, InputProblem
from .timeline import owned_promises, plain


def inspect_units(linter, paths: list[str], fmt: str, out, stdin: tuple[str, bytes] | None = None) -> list[InputProblem]:
    """Write the conversations of ``paths`` (and of ``stdin``: its name and bytes) to ``out``;
    return the input problems met."""
    problems: list[InputProblem] = []
    data = []

    def on_error(error: InputError) -> None:
        problems.append(InputProblem(error.path, error.message))

    def units():
        if stdin is not None:
            try:
                yield linter.discovery.stdin_unit(*stdin)
            except InputError as exc:
                on_error(exc)
        yield from linter.discovery.units(paths, on_error)

    for unit in units():
        result = UnitResult()
        try:
            for conversation, _ in linter.conversations(unit, ReadContext(linter.settings, result)):
                data.append(_conversation_dict(conversation, linter.timeline(conversation)))
        except InputError as exc:
            on_error(exc)
        problems.extend(result.problems)
    if fmt == "json":
        json.dump({"version": 1, "conversations": data}, out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        for conversation in data:
            _write_text(conversation, out)
    return problems


def _conversation_dict(conversation, timeline) -> dict:
    touches = []
    for t in conversation.touches:
        touches.append({
            "id": t.origin.label(),
            "path": t.origin.path,
            "line": t.origin.line,
            "kind": t.kind,
            "direction": t.direction.value,
            "party": t.party,
            "person": t.person.key if t.person else None,
            "time": t.time.isoformat() if t.time else None,
            "quoted": t.quoted,
            "subject": t.subject,
            "text": t.text,
            "signals": [s.to_dict() for s in t.signals],
        })
        if t.bulk:  # why it is left out of the customer rules
            touches[-1]["bulk"] = t.bulk
        if t.activity:  # a CRM activity: what the export said about it
            touches[-1].update({"activity": t.activity, "due": t.due.isoformat() if t.due else None,
                                "done": t.done, "duration": t.duration})
    return {"id": conversation.id, "path": conversation.path, "subject": conversation.subject, "touches": touches,
            "timeline": _timeline_dict(timeline), "left_out": conversation.left_out or None}


def _timeline_dict(timeline) -> dict:
    def said(touch, signal) -> dict:
        return {"touch": _label(touch), "text": signal.text, "when": signal.when or None,
                "due": signal.due.isoformat() if signal.due else None}

    items = []
    for item in timeline.items:
        promise = item.commitment
        items.append({
            "touch": _label(item.touch), "kind": item.signal.kind, "text": item.signal.text,
            "state": _state(item),
            "addressed_by": _label(item.addressed_by),
            "commitment": said(*promise) if promise else None,
            "reported_by": _label(item.reported_by),
            "resolved_by": _label(item.resolved_by),
        })
    ours = [t for t in timeline.touches if t.direction is not Direction.INBOUND]
    customers = [t for t in timeline.touches if t.direction is Direction.INBOUND]
    return {
        "now": timeline.now.isoformat(),
        "items": items,
        "commitments": [said(t, s) for t in ours for s in _promises(t)],
        "agreements": [dict(said(a.touch, a.signal), due=a.due.isoformat() if a.due else None,
                            by=a.touch.direction.value) for a in timeline.agreements],
        "satisfaction": [{"touch": _label(t), "text": s.text}
                         for t in customers for s in t.signals if s.kind == "satisfaction" and plain(s)],
    }


def _promises(touch) -> list:
    """The promises the rules hold us to, each once ("I'll check" and "I'll check on" are one)."""
    out = []
    for signal in owned_promises(touch):
        if not out or signal.start >= out[-1].end:
            out.append(signal)
    return out


def _state(item) -> str:
    """What became of a customer's item, latest first."""
    if item.resolved_by is not None:
        return "resolved"  # the customer said so
    if item.reported_by is not None:
        return "reported"  # we reported back on it
    if item.commitment is not None:
        return "promised"  # we said we would act, and have not reported back
    if item.addressed_by is not None:
        return "addressed"
    return "open"


def _label(touch) -> str | None:
    return touch.origin.label() if touch is not None else None


ARROWS = {"outbound": "->", "inbound": "<-", "internal": "=="}


def _write_text(conversation: dict, out) -> None:
    out.write(f"conversation {conversation['id']} ({conversation['path']})")
    out.write(f" subject: {conversation['subject']}\n" if conversation["subject"] else "\n")
    if conversation.get("left_out"):
        why = {"bulk": "bulk or automated mail", "internal": "between colleagues only"}.get(conversation["left_out"], "")
        out.write(f"  not linted: {why}\n")
    for number, t in enumerate(conversation["touches"], 1):
        arrow = ARROWS[t["direction"]]
        when = t["time"] or "undated (now)"
        quoted = " quoted" if t["quoted"] else ""
        out.write(f"  {number} {arrow} {t['direction']} {t['kind']}{quoted} {when} {t['party'] or '(us)'}  [{t['path']}:{t['line']}]\n")
        if t.get("bulk"):
            out.write(f"       (bulk: {t['bulk']})\n")
        if t.get("activity"):
            status = {True: "done", False: "open", None: ""}[t["done"]]
            extra = [f"activity: {t['activity']}", status, f"due {t['due']}" if t["due"] else "",
                     f"{t['duration']:.0f} s" if t["duration"] else ""]
            out.write(f"       ({', '.join(x for x in extra if x)})\n")
        for line in t["text"].strip().split("\n")[:12]:
            out.write(f"       | {line}\n")
        for s in t["signals"]:
            flags = "".join(f" {flag}" for flag in ("negated", "hypothetical") if s.get(flag))
            kind = s["kind"] + (f"/{s['subtype']}" if s.get("subtype") else "")
            due = f" (due {s['due']})" if s.get("due") else ""
            out.write(f"       * {kind}{flags}: {_quote(s['text'])}{due}\n")
    _write_timeline(conversation, out)
    out.write("\n")


def _write_timeline(conversation: dict, out) -> None:
    timeline = conversation["timeline"]
    numbers = {t["id"]: str(n) for n, t in enumerate(conversation["touches"], 1)}

    def touch(label) -> str:
        return f"touch {numbers.get(label, label)}"

    def due(entry) -> str:
        return f"due {entry['due']}" if entry["due"] else "no date"

    out.write(f"  timeline (now {timeline['now']}):\n")
    if not any(timeline[key] for key in ("items", "commitments", "agreements", "satisfaction")):
        out.write("    nothing raised, promised or agreed\n")
    for item in timeline["items"]:
        fate = [f"{verb} by {touch(item[key])}" for verb, key in
                (("addressed", "addressed_by"), ("reported back", "reported_by"), ("resolved", "resolved_by")) if item[key]]
        promise = item["commitment"]
        if promise:
            fate.insert(1, f"promised by {touch(promise['touch'])} ({due(promise)})")
        out.write(f"    {item['state']} {item['kind']} from {touch(item['touch'])}: {_quote(item['text'])}"
                  + (f"; {', '.join(fate)}" if fate else "") + "\n")
    for promise in timeline["commitments"]:
        out.write(f"    commitment in {touch(promise['touch'])}: {_quote(promise['text'])}, {due(promise)}\n")
    for agreed in timeline["agreements"]:
        when = f" {_quote(agreed['when'])}" if agreed["when"] else ""
        out.write(f"    agreed contact ({agreed['by']}) in {touch(agreed['touch'])}: {_quote(agreed['text'])}{when}, {due(agreed)}\n")
    for praise in timeline["satisfaction"]:
        out.write(f"    satisfaction in {touch(praise['touch'])}: {_quote(praise['text'])}\n")


def _quote(text: str) -> str:
    return '"' + " ".join(text.split())[:100] + '"'
