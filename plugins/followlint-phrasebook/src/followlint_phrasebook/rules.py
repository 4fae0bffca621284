"""A followlint Rule class for each phrasebook rule, and the check of its examples."""
from __future__ import annotations

from typing import NamedTuple

from followlint.model import Direction, Signal
from followlint.rules.base import Example, Rule
from followlint.timeline import reportable

from .matching import Hit, PhraseSet
from .rulefile import PhrasebookError, RuleSpec


class Flag(NamedTuple):
    hit: Hit
    message: str
    suggestion: str


def flags(spec: RuleSpec, hits: list[Hit], text: str) -> list[Flag]:
    """What one rule reports on a text, given that rule's phrase hits in it."""
    def flag(hit: Hit, suggestion: str = "") -> Flag:
        match = " ".join(text[hit.start:hit.end].split())
        message = spec.message.replace("{match}", match).replace("{suggestion}", suggestion)
        advice = f'Write "{suggestion}" instead.' if suggestion else ""
        if spec.link:
            advice = f"{advice} See {spec.link}".strip()
        return Flag(hit, message, advice)

    if spec.type == "existence":
        return [flag(hit) for hit in hits]
    if spec.type == "substitution":
        return [flag(hit, spec.swaps[int(hit.role)][1]) for hit in hits]
    triggers = [hit for hit in hits if hit.role == "if"]
    if spec.within == "message":
        return [flag(triggers[0])] if triggers and not any(hit.role == "needs" for hit in hits) else []
    covered = {hit.sentence for hit in hits if hit.role == "needs"}
    firsts = {}
    for hit in triggers:
        if hit.sentence not in covered:
            firsts.setdefault(hit.sentence, hit)
    return [flag(hit) for hit in firsts.values()]


class PhrasebookRule(Rule):
    """Base of the generated classes: each has a ``spec`` and the shared ``phrase_set``."""

    spec: RuleSpec
    phrase_set: PhraseSet

    def check(self, conversation, ctx):
        for touch in conversation.touches:
            if touch.direction is not Direction.OUTBOUND or not reportable(conversation, touch):
                continue
            hits = self.phrase_set.find_in(conversation, touch)
            for hit, message, suggestion in flags(self.spec, hits.get(self.code, []), touch.text):
                at = Signal(kind=self.code, start=hit.start, end=hit.end, text=touch.text[hit.start:hit.end])
                yield self.finding(conversation, touch, at, message, suggestion=suggestion)


def make_rule(spec: RuleSpec, phrase_set: PhraseSet) -> type[Rule]:
    what = {
        "existence": "An outbound message that uses a phrase the team has ruled out: {}.",
        "substitution": "An outbound message that uses a phrase the team words differently: {}.",
        "requires": "An outbound message that says {} without saying {}"
                    + (" in the same sentence." if spec.within == "sentence" else "."),
    }[spec.type]
    if spec.type == "substitution":
        listed = ["; ".join(f'"{p}" (write "{b}")' for p, b in spec.swaps)]
    else:
        listed = [" or ".join(f'"{p}"' for p in spec.phrases[role]) for role in ("phrase", "if", "needs") if role in spec.phrases]
    why = spec.why or f"A team rule from {spec.path}."
    return type(f"Phrasebook{spec.code}", (PhrasebookRule,), {
        "code": spec.code,
        "name": spec.name,
        "severity": spec.severity,
        "summary": spec.summary,
        "what": what.format(*listed),
        "why": why + (f" See {spec.link}" if spec.link else ""),
        "story": "",
        "bad": tuple(Example(text) for text in spec.bad),
        "good": tuple(Example(text) for text in spec.good),
        "spec": spec,
        "phrase_set": phrase_set,
    })


def check_examples(spec: RuleSpec, phrase_set: PhraseSet) -> None:
    """Each bad example must be flagged, each good one must not: else the rule does not load."""
    for kind, texts in (("bad", spec.bad), ("good", spec.good)):
        for number, text in enumerate(texts, 1):
            found = flags(spec, phrase_set.find(text).get(spec.code, []), text)
            if (kind == "bad") != bool(found):
                excerpt = " ".join(text.split())
                excerpt = excerpt if len(excerpt) <= 80 else excerpt[:77] + "..."
                verdict = "is not flagged" if kind == "bad" else f'is flagged ("{text[found[0].hit.start:found[0].hit.end]}")'
                raise PhrasebookError(f'{spec.path}: rule {spec.code}: {kind} example {number} {verdict}: "{excerpt}"')
