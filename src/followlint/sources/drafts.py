"""Drafts and templates: the text a rep is about to send, with any quoted history below it."""
from __future__ import annotations

import os
from email.utils import parseaddr
from collections.abc import Iterator

from ..model import Direction, Origin, Touch
from .base import Reader, SourceUnit
from .html import html_to_text
from .messages import with_history
from .templates import find_suppressions, neutralize
from .text import decode_text_file

TEMPLATE_SUFFIXES = (".j2", ".jinja", ".jinja2", ".hbs", ".mustache", ".liquid", ".tmpl")
HEADER_KEYS = ("subject", "to", "from")


class DraftReader(Reader):
    name = "draft"
    suffixes = (".txt", ".md", ".markdown", ".html", ".htm", *TEMPLATE_SUFFIXES)

    def read(self, unit: SourceUnit, ctx) -> Iterator[Touch]:
        text = decode_text_file(unit.path, unit.read_bytes())
        suppressions, problems = find_suppressions(text)
        for problem in problems:
            ctx.warn(f"{unit.path}: {problem}")
        text = neutralize(text)
        if _is_html(unit.path, text):
            text = html_to_text(text)
        headers, first_line, text = _strip_headers(text)
        name, address = parseaddr(headers.get("from", ""))
        touch = Touch(
            id=unit.path,
            origin=Origin(path=unit.path, line=first_line, key=unit.path),
            text="",
            direction=Direction.OUTBOUND,
            kind="draft",
            subject=headers.get("subject", ""),
            party=address.lower(),
            party_name=name,
            order=1000,
            suppressions=tuple(suppressions),
        )
        yield from with_history(touch, text)


def _is_html(path: str, text: str) -> bool:
    suffix = os.path.splitext(path)[1].lower()
    if suffix in (".html", ".htm"):
        return True
    head = text[:500].lstrip().lower()
    return suffix in TEMPLATE_SUFFIXES and head.startswith(("<html", "<!doctype", "<div", "<p", "<table", "<body"))


def _strip_headers(text: str) -> tuple[dict[str, str], int, str]:
    """A draft may start with From:/To:/Subject: lines: keep them, lint the rest."""
    headers, skipped = {}, 0
    lines = text.split("\n")
    for line in lines[:5]:
        key, colon, value = line.partition(":")
        if colon and key.strip().lower() in HEADER_KEYS:
            headers[key.strip().lower()] = value.strip()
            skipped += 1
        elif not line.strip() and skipped:
            skipped += 1
            break
        else:
            break
    if not skipped:
        return {}, 1, text
    return headers, skipped + 1, "\n".join(lines[skipped:])
