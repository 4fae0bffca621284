"""A fault denied, read from the shape of a clause of ours (``followlint.signals.denials``):
a "not" and, a few words on, a fault word or our side; FL110 reads it in a reply to a complaint."""
from __future__ import annotations

import json

import pytest

from followlint.model import Direction


def denied(read, text: str, direction=Direction.OUTBOUND) -> list[str]:
    return [s.text for s in read(text, direction).signals if s.kind == "defensive" and s.subtype == "denial"]


@pytest.mark.parametrize("text, span", [
    ("The scuffing isn't a binding fault, it's from handling.", "isn't a binding fault"),
    ("It's not something that happens at our end.", "not something that happens at our end"),
    ("So it not running on your layout is not a mistake on our part.", "not a mistake"),
    ("The cracking was never our responsibility.", "never our responsibility"),
])
def test_a_fault_denied(read, text, span):
    assert denied(read, text) == [span]


@pytest.mark.parametrize("text", [
    "Don't worry, it's not your fault at all.",  # the customer excused
    "No excuse, that was our mistake and we'll put it right.",  # owned
    "We haven't had any reported errors lately - which browser are you on?",  # a diagnosis
    "It isn't ready yet, the part arrives Tuesday.",  # no fault word
])
def test_near_misses(read, text):
    assert denied(read, text) == []


def test_fl110_reads_a_denial_in_a_reply_to_a_complaint(run_cli, tmp_path):
    quoted = "> For GBP180 I really expected better: the spine is all scuffed after two days.\n"
    draft = ("Hi Naomi,\n\nThe scuffing isn't a binding fault, it's from handling.\n\nImran\n\n"
             "On Mon, 9 Mar 2026 at 20:14, Naomi Sterling <naomi@example.com> wrote:\n" + quoted)
    path = tmp_path / "draft.txt"
    path.write_text(draft, encoding="utf-8")
    code, out, _ = run_cli("check", path, "--format", "json", "--select", "FL110", "--now", "2026-03-10T10:00:00+00:00")
    assert [f["code"] for f in json.loads(out)["findings"]] == ["FL110"]
