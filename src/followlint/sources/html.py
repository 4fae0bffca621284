"""HTML bodies to plain text, keeping paragraph breaks and turning <blockquote> into '>' lines."""
from __future__ import annotations

from html.parser import HTMLParser

BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "hr"}
SKIP = {"script", "style", "head", "title"}


class _TextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.quote = 0
        self.href = ""

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        elif tag == "blockquote":
            self.quote += 1
            self._newline()
        elif tag in BLOCK:
            self._newline()
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith(("http://", "https://")):
                self.href = href

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "blockquote":
            self.quote = max(0, self.quote - 1)
            self._newline()
        elif tag in BLOCK:
            self._newline()
        elif tag == "a" and self.href:
            # Keep the link itself: the visible words ("here") would lose the resource.
            if not self.parts or self.href not in self.parts[-1]:
                self.parts.append(f" ({self.href})")
            self.href = ""

    def handle_data(self, data):
        if self.skip:
            return
        data = " ".join(data.split()) if "\n" in data else data
        if not data:
            return
        if self.quote and (not self.parts or self.parts[-1].endswith("\n")):
            self.parts.append("> " * self.quote)
        self.parts.append(data)

    def _newline(self):
        if self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")


def html_to_text(html: str) -> str:
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = [line.rstrip() for line in "".join(parser.parts).split("\n")]
    out, blank = [], 0
    for line in lines:
        blank = blank + 1 if not line.strip() else 0
        if blank <= 1:
            out.append(line)
    return "\n".join(out).strip("\n")
