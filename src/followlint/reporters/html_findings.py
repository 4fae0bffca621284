"""The HTML report's findings: one message stored in several places counted once, then grouped
per rep and per conversation, each finding marked with what the filters (``html_filters``) match.

Filters match classes the page makes itself (``rep-3``, ``rule-2``, ``sev-error``, ``new``):
a rep's name or a plugin's rule code never reaches a selector.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..model import Severity
from .html_charts import esc

UNKNOWN_REP = "unknown"


def rep_of(finding) -> str:
    return finding.sender or UNKNOWN_REP


@dataclass
class Shown:
    """A finding as the page shows it, with the other places its message is stored."""

    finding: object
    copies: list[str] = field(default_factory=list)


def once_per_message(findings) -> list[Shown]:
    """The findings with a copy of the same message (same Message-ID, rule and words) folded
    into the first: a message filed in two folders, or exported twice, is one thing to act on."""
    shown: dict[tuple, Shown] = {}
    kept: list[Shown] = []
    for f in findings:
        key = (f.message_id, f.code, f.excerpt, f.message) if f.message_id else None
        first = shown.get(key) if key else None
        if first is not None:
            if f.path != first.finding.path and f.path not in first.copies:
                first.copies.append(f.path)
            continue
        item = Shown(f)
        kept.append(item)
        if key:
            shown[key] = item
    return kept


@dataclass
class Conversation:
    key: tuple[str, str]  # (conversation id, customer)
    subject: str
    customer: str
    path: str
    items: list[Shown] = field(default_factory=list)


@dataclass
class RepGroup:
    rep: str
    conversations: dict[tuple[str, str], Conversation] = field(default_factory=dict)

    def items(self) -> list[Shown]:
        return [item for c in self.conversations.values() for item in c.items]


def grouped(items: list[Shown]) -> list[RepGroup]:
    """Per rep (most findings first, "unknown" last), then per conversation (the worst first)."""
    reps: dict[str, RepGroup] = {}
    for item in items:
        f = item.finding
        group = reps.setdefault(rep_of(f), RepGroup(rep_of(f)))
        key = (f.conversation or f.path, f.customer)
        conversation = group.conversations.get(key)
        if conversation is None:
            conversation = group.conversations[key] = Conversation(key, f.subject, f.customer, f.path)
        conversation.items.append(item)
    for group in reps.values():
        ordered = sorted(group.conversations.values(),
                         key=lambda c: (-max(i.finding.severity for i in c.items), -len(c.items), c.path, c.key))
        group.conversations = {c.key: c for c in ordered}
    return sorted(reps.values(), key=lambda g: (g.rep == UNKNOWN_REP, -len(g.items()), g.rep))


@dataclass
class Choices:
    """What the filters offer, each with the class the page gives to what it matches."""

    reps: dict[str, str]  # rep -> "rep-N"
    rules: dict[str, str]  # code -> "rule-N"
    rule_names: dict[str, str]  # code -> name
    severities: list[Severity]  # those present, worst first
    new: bool  # an audit that kept count of what it saw before


def choices(groups: list[RepGroup]) -> Choices:
    items = [item for g in groups for item in g.items()]
    codes = sorted({i.finding.code for i in items})
    return Choices(
        reps={g.rep: f"rep-{n}" for n, g in enumerate(groups, 1)},
        rules={code: f"rule-{n}" for n, code in enumerate(codes, 1)},
        rule_names={i.finding.code: i.finding.name for i in items},
        severities=sorted({i.finding.severity for i in items}, reverse=True),
        new=any(i.finding.new is not None for i in items),
    )


def finding_list(groups: list[RepGroup], picks: Choices) -> str:
    out = []
    number = 0
    for group in groups:
        count = len(group.items())
        out.append(f'<section class="rep-group {picks.reps[group.rep]}" data-rep="{esc(group.rep)}">'
                   f'<h3 class="rep-name">{esc(group.rep)} <span class="count">{_findings(count)}</span></h3>')
        for conversation in group.conversations.values():
            out.append(_conversation_head(conversation))
            for item in conversation.items:
                number += 1
                out.append(_finding(number, item, picks))
            out.append("</div>")
        out.append("</section>")
    return "\n".join(out)


def _findings(n: int) -> str:
    return f"{n} finding" if n == 1 else f"{n} findings"


def _conversation_head(c: Conversation) -> str:
    subject = c.subject or (os.path.basename(c.path) if c.key[0] == c.path else "") or "(no subject)"
    customer = esc(c.customer) if c.customer else '<span class="muted">customer unknown</span>'
    where = [f"<code>{esc(c.path)}</code>"]
    if c.key[0] and c.key[0] != c.path:
        where.append(f"<code>{esc(c.key[0])}</code>")
    return (f'<div class="conv"><h4 class="subject">{esc(subject)}</h4>'
            f'<p class="conv-meta"><span class="customer">Customer: {customer}</span> '
            f'<span class="where">{" · ".join(where)}</span></p>')


def _finding(number: int, item: Shown, picks: Choices) -> str:
    f = item.finding
    classes = f"finding sev-{f.severity.label} {picks.rules[f.code]}" + (" new" if f.new else "")
    meta = [("Where", f"<code>{esc(f'{f.path}:{f.line}:{f.column}')}</code>")]
    if item.copies:
        meta.append(("Also stored in", ", ".join(f"<code>{esc(p)}</code>" for p in item.copies)))
    new = ' <span class="badge new">new</span>' if f.new else ""
    parts = [
        f'<article class="{classes}" id="finding-{number}" data-code="{esc(f.code)}">',
        f'<h5><span class="badge sev-{f.severity.label}">{f.severity.label}</span>{new} '
        f'<span class="code">{esc(f.code)}</span> <span class="rule">{esc(f.name)}</span></h5>',
        f'<p class="message">{esc(f.message)}</p>',
        '<dl class="meta">' + "".join(f"<div><dt>{k}</dt><dd>{v}</dd></div>" for k, v in meta) + "</dl>",
    ]
    if f.excerpt:
        parts.append(f'<blockquote class="excerpt"><p>{esc(f.excerpt)}</p></blockquote>')
    if f.suggestion:
        parts.append(f'<p class="suggestion"><strong>Better:</strong> {esc(f.suggestion)}</p>')
    evidence = [e for e in f.evidence if not (e.path == f.path and e.line == f.line and e.text == f.excerpt)]
    if evidence:
        parts.append('<h6>Evidence</h6><ul class="evidence">' + "".join(_evidence(e) for e in evidence) + "</ul>")
    parts.append("</article>")
    return "\n".join(parts)


def _evidence(e) -> str:
    when = ""
    if e.time is not None:
        shown = e.time.strftime("%a %d %b %Y, %H:%M") + (e.time.strftime(" %z") if e.time.tzinfo else "")
        when = f'<time datetime="{esc(e.time.isoformat())}">{esc(shown)}</time> · '
    return (
        f'<li><blockquote><p>{esc(e.text)}</p></blockquote>'
        f'<p class="source">{when}<code>{esc(e.path)}:{esc(e.line)}</code></p></li>'
    )
