"""Template placeholders and inline suppression comments in drafts and templates.

Placeholders ({{ first_name }}, {first_name}, [First Name], %FIRSTNAME%, {% if %} blocks) are
replaced by neutral filler of the same length, so offsets still point into the file. A
placeholder that stands for a link ({{ tracking_url }}) becomes a link-shaped token: the
message will carry a link there. Suppression comments are parsed, then blanked the same way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Every pattern stops at the next opening brace / '<' / '%', so a run of unclosed openers
# ("{% {% {% ...") costs one short scan each: linear on any input.
PLACEHOLDER_RE = re.compile(
    r"\{\{\{?[^{}]{0,400}\}\}\}?"  # {{ x }} {{{ x }}}, also over several lines
    r"|\{%[^{}]{0,400}?%\}"  # {% if %}, {% endif %}
    r"|\{#[^{}]{0,400}?#\}"  # {# comment #}
    r"|<!--(?:[^<]|<(?!!--)){0,400}?-->"  # a short HTML comment
    r"|\$?\{[A-Za-z_][\w .|-]{0,60}\}"  # {first_name} ${name}
    r"|\[[A-Z][^\[\]\n]{0,120}\](?!\()"  # [First Name], [Add a line about their news] (not a Markdown link)
    r"|%[A-Z][A-Z0-9_]{1,40}%"  # %FIRSTNAME%
    r"|\*\|[A-Z][A-Z0-9_:]{0,40}\|\*"  # *|FNAME|* (Mailchimp merge tags)
)
# Blocks whose whole content is not message text: template comments and raw blocks.
BLOCKS = (
    (re.compile(r"\{%-?\s*comment\s*-?%\}"), re.compile(r"\{%-?\s*endcomment\s*-?%\}")),
    (re.compile(r"\{\{!--"), re.compile(r"--\}\}")),
    (re.compile(r"(?<!\{)\{#"), re.compile(r"#\}")),
)
LINKISH = ("url", "link", "href")
DIRECTIVE = "followlint:"
# A directive outside a template comment (plain text, a Markdown "# ..." or "// ..." line): the
# rest of the line from the directive on is blanked, so its reason is never linted as text.
BARE_DIRECTIVE_RE = re.compile(r"(?:(?:<!--|\{#|\{\{!|/\*|#|//|%)[ \t]*)?followlint:[ \t]*(?:disable|enable)[^\n]*")
KINDS = ("disable-next-line", "disable-file", "disable", "enable")


@dataclass(slots=True, frozen=True)
class Suppression:
    kind: str  # disable | disable-next-line | disable-file | enable
    codes: tuple[str, ...]
    reason: str
    line: int  # 1-based line of the directive
    target: int = 0  # for disable-next-line: the next non-blank line
    column: int = 1  # 1-based column of 'followlint:' on its line


def neutralize(text: str) -> str:
    def filler(match: re.Match) -> str:
        raw = match.group()
        if any(word in raw.lower() for word in LINKISH) and len(raw) >= 12 and "\n" not in raw:
            return "https://" + "x" * (len(raw) - 8)
        return "".join("\n" if ch == "\n" else " " for ch in raw)

    text = _blank_blocks(text)
    text = PLACEHOLDER_RE.sub(filler, text)
    if DIRECTIVE in text:
        text = BARE_DIRECTIVE_RE.sub(_blank_directive, text)
    return text


def _blank(raw: str) -> str:
    return "".join("\n" if ch == "\n" else " " for ch in raw)


def _blank_blocks(text: str) -> str:
    """Blank comment blocks that may be long and span lines ({% comment %}...{% endcomment %},
    {{!-- ... --}}, {# ... #}). One pass per kind, each search starting where the last ended."""
    for opener, closer in BLOCKS:
        if opener.search(text) is None:
            continue
        pieces, at, copied = [], 0, 0
        while True:
            start = opener.search(text, at)
            if start is None:
                break
            end = closer.search(text, start.end())
            if end is None:
                break  # unclosed: leave the rest (and every later opener) as it is
            at = end.end()
            if DIRECTIVE in text[start.start():end.end()]:
                continue  # a suppression directive: blanked with its own rules below
            pieces.append(text[copied:start.start()])
            pieces.append(_blank(text[start.start():end.end()]))
            copied = end.end()
        if pieces:
            pieces.append(text[copied:])
            text = "".join(pieces)
    return text


def _blank_directive(match: re.Match) -> str:
    raw = match.group()
    keep = len(raw)
    for opener, closer in (("<!--", "-->"), ("{#", "#}"), ("/*", "*/"), ("{{!", "}}")):
        # The comment opened on an earlier line: keep its closer, or the rest of the file
        # would read as inside the comment.
        at = raw.find(closer)
        if at >= 0 and not raw.startswith(opener):
            keep = min(keep, at)
    return " " * keep + raw[keep:]


def find_suppressions(text: str, first_line: int = 1) -> tuple[list[Suppression], list[str]]:
    """Directives in the text, and a message for each that has no reason or a bad form."""
    found, problems = [], []
    lines = text.split("\n")
    for number, line in enumerate(lines, start=first_line):
        at = line.find(DIRECTIVE)
        if at < 0:
            continue
        rest = line[at + len(DIRECTIVE):].strip()
        kind = next((k for k in KINDS if rest.startswith(k + "=")), None)
        if kind is None:
            problems.append(f"line {number}: unknown followlint directive (use disable=, disable-next-line=, disable-file= or enable=)")
            continue
        body = rest[len(kind) + 1:]
        for closer in ("-->", "#}", "*/", "%}", "}}", "{%"):
            body = body.split(closer, 1)[0]
        codes_part, sep, reason = body.partition("--")
        reason = reason.strip().rstrip("-").strip()  # "{{!-- ... --}}"
        codes = tuple(c.strip() for c in codes_part.replace(" ", ",").split(",") if c.strip())
        if not codes:
            problems.append(f"line {number}: followlint {kind} names no rule")
            continue
        if kind != "enable" and not reason:
            problems.append(f"line {number}: followlint {kind}={','.join(codes)} has no reason (add ' -- why')")
            continue
        target = 0
        if kind == "disable-next-line":
            target = next((n for n in range(number + 1, first_line + len(lines)) if lines[n - first_line].strip()), number + 1)
        found.append(Suppression(kind, codes, reason, number, target, at + 1))
    return found, problems
