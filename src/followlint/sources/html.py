"""HTML bodies to plain text, keeping paragraph breaks and turning <blockquote> into '>' lines.

A small single-pass converter rather than ``html.parser``: it is linear on any input (the
stdlib parser rescans unclosed constructs such as a run of ``<!--`` and slows down
quadratically), and it records where each run of output characters came from, so a finding
in converted text points at its line and column in the HTML file.
"""
from __future__ import annotations

import re
from array import array

from .positions import Layout, LineIndex, SegmentLayout

# Tags that end a line, and tags that end a paragraph (a blank line: a sentence break).
LINE = {"div", "br", "tr", "dt", "dd", "section", "article", "header", "footer", "center",
        "address", "form", "fieldset", "figure", "main", "nav", "aside", "details", "summary", "caption"}
PARAGRAPH = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "hr", "pre", "dl", "blockquote"}
CELL = {"td", "th"}
RAW_TEXT = {"script", "style", "template"}
SKIP = {"head", "title"}

TAG_NAME_RE = re.compile(r"[A-Za-z][A-Za-z0-9:_-]{0,63}")
PIECE_RE = re.compile(r"[^\s]+(?: [^\s]+)*")  # words joined by single spaces: one run each
ENTITY_RE = re.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
HREF_RE = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_END_RAW = {name: re.compile(rf"</{name}\s*>", re.I) for name in RAW_TEXT}


class _Emitter:
    def __init__(self):
        self.parts: list[str] = []
        self.length = 0
        self.out_starts = array("q")
        self.src_starts = array("q")
        self._next_src = -1
        self.newlines = 2  # trailing newlines so far: none emitted at the start
        self.space = False  # whitespace seen since the last word
        self.quote = 0

    def _put(self, text: str, src: int) -> None:
        if not text:
            return
        if src != self._next_src or not self.out_starts:
            self.out_starts.append(self.length)
            self.src_starts.append(src)
        self.parts.append(text)
        self.length += len(text)
        self._next_src = src + len(text)

    def word(self, text: str, src: int) -> None:
        """Visible text without line breaks (it may hold single spaces)."""
        if not text:
            return
        if self.newlines:
            if self.quote:
                self._put("> " * self.quote, src)
                self._next_src = -1
        elif self.space:
            self._put(" ", src - 1)
        self._put(text, src)
        self.newlines = 0
        self.space = False

    def newline(self, src: int, count: int = 1, hard: bool = False) -> None:
        """End the line (and leave ``count - 1`` blank lines): at most one blank line in a row."""
        want = min(2, self.newlines + 1) if hard else min(2, max(self.newlines, count))
        while self.newlines < want and self.length:
            self._put("\n", src)
            self._next_src = -1
            self.newlines += 1
        self.space = False

    def text(self) -> str:
        text = "".join(self.parts)
        return text.rstrip("\n")


def _data(out: _Emitter, html: str, start: int, end: int, pre: bool) -> None:
    if start >= end:
        return
    if pre:
        at = start
        while at < end:
            nl = html.find("\n", at, end)
            stop = end if nl < 0 else nl
            _entities(out, html, at, stop, keep_spaces=True)
            if nl < 0:
                break
            out.newline(nl, hard=True)
            at = nl + 1
        return
    if html[start].isspace():
        out.space = True
    for match in PIECE_RE.finditer(html, start, end):
        if match.start() > start and html[match.start() - 1].isspace():
            out.space = True
        _entities(out, html, match.start(), match.end(), keep_spaces=False)
    if html[end - 1].isspace():
        out.space = True


def _entities(out: _Emitter, html: str, start: int, end: int, keep_spaces: bool) -> None:
    if html.find("&", start, end) < 0:
        out.word(html[start:end], start)
        return
    import html as _html  # here: its table of entities is only needed for text that has some

    at = start
    for match in ENTITY_RE.finditer(html, start, end):
        if match.start() > at:
            out.word(html[at:match.start()], at)
        decoded = _html.unescape(match.group()).translate(INVISIBLE)
        if decoded and not decoded.strip():
            if keep_spaces:
                out.word(" " * len(decoded), match.start())
            else:
                out.space = True
        elif decoded:
            out.word(decoded.replace("\xa0", " "), match.start())
        at = match.end()
    if at < end:
        out.word(html[at:end], at)


def convert(html: str) -> tuple[str, array, array]:
    """Text, and the output offsets where runs start with the source offsets they map to."""
    out = _Emitter()
    n = len(html)
    pos = 0
    skip = 0  # inside <head>/<title>
    pre = 0
    href = ""
    link_text_start = 0
    while pos < n:
        lt = html.find("<", pos)
        if lt < 0:
            if not skip:
                _data(out, html, pos, n, pre > 0)
            break
        if lt > pos and not skip:
            _data(out, html, pos, lt, pre > 0)
        nxt = html[lt + 1: lt + 2]
        if html.startswith("<!--", lt):
            close = html.find("-->", lt + 4)
            pos = n if close < 0 else close + 3
            continue
        if nxt in ("!", "?"):
            close = html.find(">", lt + 2)
            pos = n if close < 0 else close + 1
            continue
        closing = nxt == "/"
        name_match = TAG_NAME_RE.match(html, lt + (2 if closing else 1))
        if name_match is None:
            # A lone '<' ("a < b"): plain text.
            if not skip:
                out.word("<", lt)
            pos = lt + 1
            continue
        close = html.find(">", name_match.end())
        if close < 0:
            # An unterminated tag: what follows is text.
            if not skip:
                _data(out, html, lt, n, pre > 0)
            break
        name = name_match.group().lower()
        pos = close + 1
        if closing:
            if name in SKIP:
                skip = max(0, skip - 1)
            elif skip:
                continue
            elif name == "blockquote":
                out.quote = max(0, out.quote - 1)
                out.newline(lt, 2)
            elif name == "pre":
                pre = max(0, pre - 1)
                out.newline(lt, 2)
            elif name == "a" and href:
                if href not in "".join(out.parts[link_text_start:]):
                    out.space = True
                    out.word(f"({href})", lt)
                href = ""
            elif name in PARAGRAPH:
                out.newline(lt, 2)
            elif name in LINE and name != "br":
                out.newline(lt)
            elif name in CELL:
                out.space = True
            continue
        if name in RAW_TEXT:
            end = _END_RAW[name].search(html, pos)
            pos = n if end is None else end.end()
            continue
        if name in SKIP:
            if not html.startswith("/>", close - 1):
                skip += 1
            continue
        if name == "body":
            skip = 0  # an unclosed <head> ends where the body starts
            continue
        if skip:
            continue
        if name == "br":
            out.newline(lt, hard=True)
        elif name == "blockquote":
            out.newline(lt, 2)
            out.quote += 1
        elif name == "pre":
            out.newline(lt, 2)
            pre += 1
        elif name in PARAGRAPH:
            out.newline(lt, 2)
        elif name in LINE:
            out.newline(lt)
        elif name in CELL:
            out.space = True
        elif name == "a":
            import html as _html

            match = HREF_RE.search(html, name_match.end(), close)
            value = _html.unescape(next((g for g in match.groups() if g is not None), "")) if match else ""
            href = value.strip() if value.strip().lower().startswith(("http://", "https://")) else ""
            link_text_start = len(out.parts)
        elif name == "img":
            out.space = True
    return out.text(), out.out_starts, out.src_starts


def html_to_text(html: str) -> str:
    return convert(html)[0]


def html_layout(html: str, source: "Layout | LineIndex | None" = None) -> SegmentLayout:
    """Converted text with a layout mapping it back into ``html`` (or through ``source``)."""
    text, out_starts, src_starts = convert(html)
    return SegmentLayout(text, out_starts, src_starts, source or LineIndex(html))
