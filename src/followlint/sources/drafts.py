"""Drafts and templates: the text a rep is about to send, with any quoted history below it."""
from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime, timezone
from email.utils import parseaddr, parsedate_to_datetime

from ..model import Direction, Origin, Touch
from .base import Reader, SourceUnit
from .html import html_layout
from .messages import decode_words, with_history
from .positions import Layout, LineIndex, MappedTouch, ShiftedLayout
from .templates import find_suppressions, neutralize
from .text import decode_text_file

TEMPLATE_SUFFIXES = (".j2", ".jinja", ".jinja2", ".hbs", ".mustache", ".liquid", ".tmpl")
HEADER_KEYS = ("subject", "to", "from", "cc", "bcc", "date", "sent", "reply-to")
MAX_HEADER_LINES = 10
HTML_STARTS = ("<html", "<!doctype", "<div", "<p", "<table", "<body", "<head", "<meta", "<span",
               "<center", "<style", "<br", "<h1", "<h2", "<h3", "<ul", "<ol", "<b>", "<strong", "<font",
               "<blockquote", "<a ", "<!--")


class DraftReader(Reader):
    name = "draft"
    suffixes = (".txt", ".md", ".markdown", ".html", ".htm", *TEMPLATE_SUFFIXES)

    def read(self, unit: SourceUnit, ctx) -> Iterator[Touch]:
        text = decode_text_file(unit.path, unit.read_bytes())
        suppressions, problems = find_suppressions(text)
        for problem in problems:
            ctx.warn(f"{unit.path}: {problem}")
        text = neutralize(text)  # same length: offsets still point into the file
        if _is_html(unit.path, text):
            layout: Layout = html_layout(text, LineIndex(text))
        else:
            layout = Layout(text)
        headers, base = _strip_headers(layout.text)
        if base:
            layout = ShiftedLayout(layout, base)
        name, address = parseaddr(decode_words(headers.get("from", "")))
        touch = MappedTouch(
            id=unit.path,
            origin=Origin(path=unit.path, line=1, key=unit.path),
            text="",
            direction=Direction.OUTBOUND,
            kind="draft",
            subject=decode_words(headers.get("subject", "")),
            party=address.lower(),
            party_name=name,
            time=_header_time(headers.get("date") or headers.get("sent") or ""),
            order=1000,
            suppressions=tuple(suppressions),
        )
        yield from with_history(touch, layout.text, layout, reference=_reference(ctx))


def _is_html(path: str, text: str) -> bool:
    suffix = os.path.splitext(path)[1].lower()
    if suffix in (".html", ".htm"):
        return True
    if suffix not in TEMPLATE_SUFFIXES:
        return False
    head = text[:2000].lstrip().lower()
    return head.startswith(HTML_STARTS)


def _strip_headers(text: str) -> tuple[dict[str, str], int]:
    """A draft may start with From:/To:/Subject: lines: keep them, lint the rest.

    Returns the headers and the offset where the body starts (0: no header lines)."""
    headers: dict[str, str] = {}
    offset, last_key, seen = 0, "", 0
    while seen <= MAX_HEADER_LINES:
        end = text.find("\n", offset)
        line = text[offset:] if end < 0 else text[offset:end]
        following = len(text) if end < 0 else end + 1
        key, colon, value = line.partition(":")
        key = key.strip().strip("*_").lower()  # Markdown drafts write "**Subject:** ..."
        if line[:1] not in (" ", "\t") and colon and key in HEADER_KEYS:
            headers[key] = value.strip().lstrip("*_").strip()
            last_key = key
            seen += 1
        elif last_key and line[:1] in (" ", "\t") and line.strip():
            headers[last_key] += " " + line.strip()  # a folded header line
        elif last_key and not line.strip():
            return headers, following
        else:
            break
        offset = following
        if end < 0:
            break
    return (headers, offset) if headers else ({}, 0)


def _header_time(value: str) -> datetime | None:
    if not value:
        return None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        try:
            from dateutil import parser as dateparser

            when = dateparser.parse(value, fuzzy=True)
        except (ValueError, OverflowError, TypeError, LookupError):
            return None
    if when is None or not 1970 <= when.year <= 2200:  # as for mail: not a date the draft was written
        return None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def _reference(ctx) -> datetime | None:
    """The run's --now, to give quoted dates without a year one ("On Tue 3 Nov, Bob wrote")."""
    value = getattr(getattr(ctx, "settings", None), "now", "") or ""
    if not value:
        return None
    try:
        from dateutil import parser as dateparser

        when = dateparser.parse(value)
    except (ValueError, OverflowError, TypeError, LookupError):
        return None
    return when
