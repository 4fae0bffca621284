"""The manager's report: one self-contained HTML page (inline CSS and SVG, no script, no fetch).

Sections: totals; findings per rule and per rep (SVG bar charts, a rep x rule table); the trend
across past runs (when a history is given); the findings grouped per rep, then per conversation
(subject, customer), with filters by rep, rule and severity made of radio buttons and CSS
(``html_filters``); a message stored in two places is shown once (``html_findings``).

Everything that comes from mail or from findings (messages, excerpts, evidence, paths, names,
codes from plugins) goes through ``esc``; a Content-Security-Policy forbids scripts anyway.

The rep of a finding is its ``sender`` (our rep who sent the touch, as the rules record it),
or ``"unknown"`` when the touch does not say (a draft without a From line). With ``audit``,
``Finding.new`` marks what an earlier run had not seen.

The trend plots ``history`` as given, oldest first: a list of ``{"time": ISO string,
"findings": int, "by_code": {...}, "by_rep": {...}}``; whoever passes it decides whether today's
run is in it. ``--format html`` reads it from ``report.history`` when the caller set one.
"""
from __future__ import annotations

import os

from .base import Reporter

# The page's modules load only when a page is made: ``check`` without --html starts faster.


def render_html(report, history=None, generated=None) -> str:
    from .html_page import render_html as render

    return render(report, history, generated)


def write_html(report, path, history=None) -> None:
    """Write the page to ``path`` whole or not at all (a half-written report is never left)."""
    import tempfile

    page = render_html(report, history)
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=".followlint-", suffix=".html", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(page)
        mask = os.umask(0)  # mkstemp made it 0600; give it the mode of any new file (the page quotes mail)
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


class HtmlReporter(Reporter):
    name = "html"
    description = "a self-contained HTML page for a manager: totals, charts per rule and rep, evidence"

    def render(self, report, out, options):
        out.write(render_html(report, getattr(report, "history", None)))
