"""`followlint inspect`: the rebuilt conversations as a user sees them, with every signal."""
from __future__ import annotations

import json

from .engine import ReadContext, UnitResult
from .model import InputError, InputProblem


def inspect_units(linter, paths: list[str], fmt: str, out) -> list[InputProblem]:
    problems: list[InputProblem] = []
    data = []

    def on_error(error: InputError) -> None:
        problems.append(InputProblem(error.path, error.message))

    for unit in linter.discovery.units(paths, on_error):
        result = UnitResult()
        try:
            for conversation, _ in linter.conversations(unit, ReadContext(linter.settings, result)):
                data.append(_conversation_dict(conversation))
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


def _conversation_dict(conversation) -> dict:
    touches = []
    for t in conversation.touches:
        touches.append({
            "id": t.origin.label(),
            "path": t.origin.path,
            "line": t.origin.line,
            "kind": t.kind,
            "direction": t.direction.value,
            "party": t.party,
            "time": t.time.isoformat() if t.time else None,
            "quoted": t.quoted,
            "subject": t.subject,
            "text": t.text,
            "signals": [s.to_dict() for s in t.signals],
        })
        if t.activity:  # a CRM activity: what the export said about it
            touches[-1].update({"activity": t.activity, "due": t.due.isoformat() if t.due else None,
                                "done": t.done, "duration": t.duration})
    return {"id": conversation.id, "path": conversation.path, "subject": conversation.subject, "touches": touches}


ARROWS = {"outbound": "->", "inbound": "<-", "internal": "=="}


def _write_text(conversation: dict, out) -> None:
    out.write(f"conversation {conversation['id']} ({conversation['path']})")
    out.write(f" subject: {conversation['subject']}\n" if conversation["subject"] else "\n")
    for t in conversation["touches"]:
        arrow = ARROWS[t["direction"]]
        when = t["time"] or "undated (now)"
        quoted = " quoted" if t["quoted"] else ""
        out.write(f"  {arrow} {t['direction']} {t['kind']}{quoted} {when} {t['party'] or '(us)'}  [{t['path']}:{t['line']}]\n")
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
            out.write(f"       * {kind}{flags}: \"{' '.join(s['text'].split())[:100]}\"\n")
    out.write("\n")
