"""`followlint inspect`: the rebuilt conversations as a user sees them, with every signal."""
from __future__ import annotations

import json

from .conversations import build_conversations
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
            touches = list(unit.reader.read(unit, ReadContext(linter.settings, result)))
        except InputError as exc:
            on_error(exc)
            continue
        problems.extend(result.problems)
        for conversation in build_conversations(touches, unit.path, linter.ours, unit.reader.mailbox):
            linter.detector.annotate(conversation)
            data.append(_conversation_dict(conversation))
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
    return {"id": conversation.id, "path": conversation.path, "subject": conversation.subject, "touches": touches}


def _write_text(conversation: dict, out) -> None:
    out.write(f"conversation {conversation['id']} ({conversation['path']})")
    out.write(f" subject: {conversation['subject']}\n" if conversation["subject"] else "\n")
    for t in conversation["touches"]:
        arrow = "->" if t["direction"] == "outbound" else "<-"
        when = t["time"] or "undated (now)"
        quoted = " quoted" if t["quoted"] else ""
        out.write(f"  {arrow} {t['direction']} {t['kind']}{quoted} {when} {t['party'] or '(us)'}  [{t['path']}:{t['line']}]\n")
        for line in t["text"].strip().split("\n")[:12]:
            out.write(f"       | {line}\n")
        for s in t["signals"]:
            flags = "".join(f" {flag}" for flag in ("negated", "hypothetical") if s.get(flag))
            kind = s["kind"] + (f"/{s['subtype']}" if s.get("subtype") else "")
            out.write(f"       * {kind}{flags}: \"{' '.join(s['text'].split())[:100]}\"\n")
    out.write("\n")
