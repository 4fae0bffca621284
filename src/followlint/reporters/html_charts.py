"""Inline SVG charts for the HTML report: a horizontal bar chart and a trend line.

Both return SVG markup to place inside an HTML page. Every label goes through ``esc``: labels
come from findings (rule codes from plugins, rep names from mail headers) and are not trusted.
"""
from __future__ import annotations

import html
import re

# C0/C1 controls (bar tab and newline) and lone surrogates: mail text sometimes holds them, and
# they cannot be encoded or shown. They become the replacement character.
UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def esc(value) -> str:
    """Text made safe for HTML and SVG content and for quoted attribute values."""
    return html.escape(UNSHOWABLE.sub("\ufffd", str(value)), quote=True)


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


BAR_HEIGHT = 22
ROW_HEIGHT = 32
LABEL_WIDTH = 300
LABEL_CHARS = 34  # what fits in LABEL_WIDTH at 13px; the full label is in the bar's tooltip
BAR_AREA = 380
CHART_WIDTH = LABEL_WIDTH + BAR_AREA + 60


NARROW_WIDTH = 360  # a phone's width: each label on its own line above its bar
NARROW_BAR_AREA = 310
NARROW_LABEL_CHARS = 48
NARROW_ROW_HEIGHT = 42


def bar_chart(rows, *, chart_id: str, title: str, narrow: bool = False) -> str:
    """Horizontal bars, one per row. ``rows``: (label, count, css class) in display order.
    ``narrow``: the phone layout, labels above the bars (the page shows one or the other)."""
    rows = list(rows)
    top = max((count for _, count, _ in rows), default=0) or 1
    width, row_height = (NARROW_WIDTH, NARROW_ROW_HEIGHT) if narrow else (CHART_WIDTH, ROW_HEIGHT)
    height = row_height * len(rows) + 8
    parts = [
        f'<svg class="chart bars {"narrow" if narrow else "wide"}" id="{esc(chart_id)}" role="img" '
        f'aria-labelledby="{esc(chart_id)}-title" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{esc(chart_id)}-title">{esc(title)}</title>',
    ]
    for index, (label, count, css_class) in enumerate(rows):
        y = 4 + index * row_height
        if narrow:
            bar_width = max(2, round(NARROW_BAR_AREA * count / top))
            label_at = f'x="0" y="{y + 13}"'
            label_text = shorten(label, NARROW_LABEL_CHARS)
            bar = f'<rect x="0" y="{y + 19}" width="{bar_width}" height="16" rx="3"></rect>'
            count_at = f'x="{bar_width + 6}" y="{y + 32}"'
        else:
            bar_width = max(2, round(BAR_AREA * count / top))
            middle = y + BAR_HEIGHT / 2 + 5
            label_at = f'x="{LABEL_WIDTH - 10}" y="{middle}" text-anchor="end"'
            label_text = shorten(label, LABEL_CHARS)
            bar = f'<rect x="{LABEL_WIDTH}" y="{y}" width="{bar_width}" height="{BAR_HEIGHT}" rx="3"></rect>'
            count_at = f'x="{LABEL_WIDTH + bar_width + 8}" y="{middle}"'
        parts.append(
            f'<g class="bar {esc(css_class)}" data-label="{esc(label)}" data-count="{int(count)}">'
            f"<title>{esc(label)}: {int(count)}</title>"
            f'<text class="label" {label_at}>{esc(label_text)}</text>{bar}'
            f'<text class="count" {count_at}>{int(count)}</text>'
            "</g>"
        )
    parts.append("</svg>")
    return "".join(parts)


TREND_WIDTH = 740
TREND_HEIGHT = 240
LEFT, RIGHT, TOP, BOTTOM = 48, 40, 24, 44
MAX_X_LABELS = 8


def trend_chart(points, *, chart_id: str, title: str) -> str:
    """A line through ``points``: (label, value) pairs, oldest first, each marked and numbered."""
    points = list(points)
    top = max((value for _, value in points), default=0) or 1
    plot_w = TREND_WIDTH - LEFT - RIGHT
    plot_h = TREND_HEIGHT - TOP - BOTTOM
    step = plot_w / (len(points) - 1) if len(points) > 1 else 0

    def x(i: int) -> float:
        return round(LEFT + (i * step if len(points) > 1 else plot_w / 2), 1)

    def y(value: int) -> float:
        return round(TOP + plot_h - plot_h * value / top, 1)

    parts = [
        f'<svg class="chart trend" id="{esc(chart_id)}" role="img" aria-labelledby="{esc(chart_id)}-title" '
        f'viewBox="0 0 {TREND_WIDTH} {TREND_HEIGHT}" width="{TREND_WIDTH}" height="{TREND_HEIGHT}" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{esc(chart_id)}-title">{esc(title)}</title>',
    ]
    for value in sorted({0, top // 2, top}):
        parts.append(
            f'<line class="grid" x1="{LEFT}" x2="{TREND_WIDTH - RIGHT}" y1="{y(value)}" y2="{y(value)}"></line>'
            f'<text class="axis" x="{LEFT - 8}" y="{y(value) + 4}" text-anchor="end">{value}</text>'
        )
    if len(points) > 1:
        line = " ".join(f"{x(i)},{y(v)}" for i, (_, v) in enumerate(points))
        parts.append(f'<polyline class="line" points="{line}"></polyline>')
    labelled = _labelled_indexes(len(points))
    for i, (label, value) in enumerate(points):
        parts.append(
            f'<g class="point" data-label="{esc(label)}" data-count="{int(value)}">'
            f"<title>{esc(label)}: {int(value)} findings</title>"
            f'<circle cx="{x(i)}" cy="{y(value)}" r="4"></circle>'
            f'<text class="value" x="{x(i)}" y="{y(value) - 9}" text-anchor="middle">{int(value)}</text>'
            "</g>"
        )
        if i in labelled:
            parts.append(
                f'<text class="axis" x="{x(i)}" y="{TREND_HEIGHT - BOTTOM + 20}" text-anchor="middle">'
                f"{esc(shorten(label, 12))}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


def _labelled_indexes(count: int) -> set[int]:
    """Which runs get a date under the axis: at most MAX_X_LABELS, evenly spread, always the
    latest, never two so close that their dates overlap."""
    if count == 0:
        return set()
    every = max(1, -(-count // MAX_X_LABELS))
    last = count - 1
    return {i for i in range(0, count, every) if last - i >= every} | {last}
