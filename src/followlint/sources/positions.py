"""Where a character of a touch's text sits in the file it came from.

A reader hands ``with_history`` the text it lints (a draft's body, a message's decoded body,
HTML converted to text) together with a *layout*: how an offset into that text maps to a file
line and column. Plain text maps line for line; HTML and quoted-printable bodies carry an
offset map built while they were converted. Touches made here are ``MappedTouch``es, whose
``position`` asks the layout, so a finding points at the right place in the file even when the
linted text is not the file's text (tags removed, soft line breaks joined, "> " prefixes
stripped from quoted history).
"""
from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass, field

from ..model import Touch


class LineIndex:
    """Line starts of a text, computed once, for offset -> (line, column) look-ups."""

    __slots__ = ("text", "first_line", "_starts")

    def __init__(self, text: str, first_line: int = 1):
        self.text = text
        self.first_line = first_line
        self._starts: array | None = None

    @property
    def starts(self) -> array:
        if self._starts is None:
            starts = array("q", [0])
            find = self.text.find
            at = find("\n")
            while at >= 0:
                starts.append(at + 1)
                at = find("\n", at + 1)
            self._starts = starts
        return self._starts

    def line_of(self, offset: int) -> int:
        """0-based line index of an offset."""
        return bisect_right(self.starts, offset) - 1

    def line_text(self, index: int) -> str:
        starts = self.starts
        if index < 0 or index >= len(starts):
            return ""
        end = starts[index + 1] - 1 if index + 1 < len(starts) else len(self.text)
        return self.text[starts[index]:end]

    def offset(self, line_index: int, column: int) -> int:
        """Offset of a 0-based line and 0-based column (clamped to the line)."""
        starts = self.starts
        line_index = max(0, min(line_index, len(starts) - 1))
        return starts[line_index] + max(0, min(column, len(self.line_text(line_index))))

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        index = self.line_of(offset)
        return self.first_line + index, offset - self.starts[index] + 1


class Layout:
    """Text offsets -> file positions. The base maps line for line from ``first_line``."""

    def __init__(self, text: str, first_line: int = 1):
        self.index = LineIndex(text, first_line)

    @property
    def text(self) -> str:
        return self.index.text

    def position(self, offset: int) -> tuple[int, int]:
        return self.index.position(offset)

    def line_of(self, offset: int) -> int:
        return self.position(offset)[0]


class SegmentLayout(Layout):
    """For converted text (HTML, quoted-printable): runs of output characters that map one to
    one onto runs of source characters, then the source's own layout."""

    def __init__(self, text: str, out_starts: array, src_starts: array, source: "Layout | LineIndex"):
        super().__init__(text)
        self.out_starts = out_starts
        self.src_starts = src_starts
        self.source = source

    def source_offset(self, offset: int) -> int:
        if not self.out_starts:
            return 0
        i = max(0, bisect_right(self.out_starts, offset) - 1)
        return self.src_starts[i] + (offset - self.out_starts[i])

    def position(self, offset: int) -> tuple[int, int]:
        return self.source.position(self.source_offset(max(0, min(offset, len(self.text)))))


class ShiftedLayout(Layout):
    """A layout for ``text[base:]`` of another layout's text (a draft after its header lines)."""

    def __init__(self, outer: Layout, base: int):
        self.index = LineIndex(outer.text[base:])
        self.outer = outer
        self.base = base

    def position(self, offset: int) -> tuple[int, int]:
        return self.outer.position(self.base + max(0, min(offset, len(self.text))))


class FixedLayout(Layout):
    """Every offset on one line (a base64 body: the decoded text has no place in the file)."""

    def __init__(self, text: str, line: int):
        super().__init__(text, line)
        self.line = line

    def position(self, offset: int) -> tuple[int, int]:
        return self.line, 1


@dataclass(slots=True)
class MappedTouch(Touch):
    """A touch whose text offsets map to file positions through a layout.

    ``layout`` maps offsets of the whole text the reader split (the body); ``body_line`` is the
    0-based body line of the touch's first line. Each line of the touch's text is a body line,
    or its suffix once "> " prefixes are stripped (quoted history), or blanked (the other
    side's lines), so line and column carry over; ``None`` maps offsets directly.
    """

    layout: object = None
    body_line: int | None = None
    # Line starts of ``text``, for body_offset: counting newlines from the start for every
    # offset made a finding with thousands of evidence entries quadratic in the text.
    _own_lines: LineIndex | None = field(default=None, init=False, repr=False, compare=False)

    def position(self, offset: int) -> tuple[int, int]:
        if self.layout is None:
            return Touch.position(self, offset)
        offset = max(0, min(offset, len(self.text)))
        if self.body_line is None:
            return self.layout.position(offset)
        return self.layout.position(self.body_offset(offset))

    def body_offset(self, offset: int) -> int:
        """Offset in the layout's text of an offset in this (quoted) touch's text."""
        lines = self._own_lines
        if lines is None or lines.text is not self.text:
            lines = self._own_lines = LineIndex(self.text)
        line_in_touch = lines.line_of(offset)
        line_start = lines.starts[line_in_touch]
        own_line = lines.line_text(line_in_touch)
        index = self.layout.index
        body_line = self.body_line + line_in_touch
        outer = index.line_text(body_line)
        # The touch's line is the outer line with its quote prefix removed (and maybe trailing
        # blanks): find where it starts.
        own = own_line.rstrip()
        outer_stripped = outer.rstrip()
        if own and outer_stripped.endswith(own):
            prefix = len(outer_stripped) - len(own)
        else:
            prefix = max(0, len(outer) - len(own_line))
        return index.offset(body_line, prefix + (offset - line_start))
