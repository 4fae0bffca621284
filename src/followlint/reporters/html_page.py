"""The HTML report's page: sections, each built from the report, every foreign string escaped.

See ``reporters.html`` for what the page holds, who a finding's rep is and what ``history`` is.
"""
from __future__ import annotations

from datetime import datetime, timezone

from .. import __version__, clock
from ..model import RuleError, Severity
from .html_charts import bar_chart, esc, trend_chart
from .html_filters import filter_form, filter_style
from .html_findings import UNKNOWN_REP, choices, finding_list, grouped, once_per_message, rep_of
from .html_style import STYLE

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"  # no script, no fetch

__all__ = ["CSP", "UNKNOWN_REP", "render_html", "rep_of"]


def render_html(report, history=None, generated: datetime | None = None) -> str:
    generated = generated or clock.current_time()
    items = once_per_message(sorted(report.findings, key=lambda f: (-f.severity, f.sort_key())))
    findings = [item.finding for item in items]
    groups = grouped(items)
    picks = choices(groups)
    sections = [_header(report, findings, generated, len(report.findings) - len(findings))]
    if findings:
        sections.append(_per_rule(findings))
        sections.append(_per_rep(findings))
    if history:
        sections.append(_trend(history))
    sections.append(_finding_section(findings, groups, picks))
    if report.problems:
        sections.append(_problems(report.problems))
    style = STYLE + (filter_style(picks) if findings else "")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(_title(findings, report.problems))}</title>\n<style>{style}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(sections)
        + f'\n<footer class="generated">followlint {esc(__version__)}</footer>\n</main>\n</body>\n</html>\n'
    )


# -- sections ------------------------------------------------------------------------------


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}es" if noun.endswith("ch") else f"{n} {noun}s"


def _severity_counts(findings) -> dict[Severity, int]:
    counts = {severity: 0 for severity in SEVERITIES}
    for f in findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    return counts


def _severity_heading(severity: Severity) -> str:
    return "Info" if severity is Severity.INFO else severity.label.capitalize() + "s"


def _tally(findings) -> str:
    """What the findings add up to, e.g. '5 findings (1 error, 4 warnings)', or 'all clear'."""
    if not findings:
        return "all clear"
    parts = [_plural(c, s.label) for s, c in _severity_counts(findings).items() if c]
    return f"{_plural(len(findings), 'finding')} ({', '.join(parts)})"


def _title(findings, problems) -> str:
    return f"followlint report: {_tally(findings) if findings or not problems else 'no findings'}"


def _header(report, findings, generated: datetime, copies: int) -> str:
    s = report.summary()
    totals = [("Files", s["files"], "files"), ("Conversations", s["conversations"], "conversations"),
              ("Touches", s["touches"], "touches"), ("Findings", len(findings), "findings")]
    totals += [(_severity_heading(sev), count, sev.label) for sev, count in _severity_counts(findings).items()]
    if any(f.new is not None for f in findings):
        totals.append(("New since the last run", sum(bool(f.new) for f in findings), "new"))
    if report.problems:
        totals.append(("Input errors", len(report.problems), "problems"))
    cards = "".join(
        f'<div class="total total-{key}{" zero" if not value else ""}" data-total="{key}"><dt>{label}</dt><dd>{int(value)}</dd></div>'
        for label, value, key in totals
    )
    when = generated.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    if findings:
        verdict = _tally(findings).capitalize() + "."
    else:  # not clear if an input or a rule failed
        verdict = "No findings." if report.problems else "All clear: no findings."
    if copies:
        verdict += (f" {_plural(copies, 'finding')} on a second copy of a message (stored in another folder "
                    "or file) are shown once, with the places it is stored.")
    return (
        '<header>\n<h1>Follow-up report</h1>\n'
        f'<p class="lede">{esc(verdict)} Generated <time datetime="{generated.isoformat()}">{when}</time>.</p>\n'
        f'<dl class="totals">{cards}</dl>\n</header>'
    )


def _per_rule(findings) -> str:
    counts: dict[tuple[str, str], list] = {}
    for f in findings:
        counts.setdefault((f.code, f.name), []).append(f.severity)
    rows = sorted(counts.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    chart = _charts([(f"{code} {name}", len(sevs), f"sev-{max(sevs).label}") for (code, name), sevs in rows],
                    "chart-rules", "Findings per rule")
    return f'<section aria-labelledby="per-rule">\n<h2 id="per-rule">Findings per rule</h2>\n<figure>{chart}</figure>\n</section>'


def _charts(rows, chart_id: str, title: str) -> str:
    """The chart twice: for a screen and for a phone (the style sheet shows one)."""
    return (bar_chart(rows, chart_id=chart_id, title=title)
            + bar_chart(rows, chart_id=f"{chart_id}-narrow", title=title, narrow=True))


def _per_rep(findings) -> str:
    table: dict[str, dict[str, int]] = {}
    for f in findings:
        row = table.setdefault(rep_of(f), {})
        row[f.code] = row.get(f.code, 0) + 1
    ordered = sorted(table.items(), key=lambda kv: (kv[0] == UNKNOWN_REP, -sum(kv[1].values()), kv[0]))
    if list(table) == [UNKNOWN_REP]:
        return (
            '<section aria-labelledby="per-rep">\n<h2 id="per-rep">Findings per rep</h2>\n'
            '<p class="note">This run does not know who sent each message (a draft without a From '
            "line, a CRM export without an owner), so findings are not split per rep. When the drafts "
            "are all one rep's, <code>--rep ADDRESS</code> says whose they are.</p>\n</section>"
        )
    chart = _charts([(rep, sum(row.values()), "rep") for rep, row in ordered], "chart-reps", "Findings per rep")
    codes = sorted({f.code for f in findings})
    head = "".join(f'<th scope="col" class="num"><abbr title="{esc(_name(findings, c))}">{esc(c)}</abbr></th>'
                   for c in codes)
    body = "".join(
        f'<tr><th scope="row">{_breakable(rep)}</th><td class="num total-col">{sum(row.values())}</td>'
        + "".join(f'<td class="num{"" if row.get(c) else " zero"}">{row.get(c, 0)}</td>' for c in codes) + "</tr>"
        for rep, row in ordered
    )
    return (
        '<section aria-labelledby="per-rep">\n<h2 id="per-rep">Findings per rep</h2>\n'
        f"<figure>{chart}</figure>\n"
        f'<div class="table-scroll"><table class="reps"><caption>Findings per rep and rule</caption><thead><tr>'
        f'<th scope="col">Rep</th><th scope="col" class="num">All</th>{head}</tr></thead><tbody>{body}</tbody>'
        "</table></div>\n</section>"
    )


def _breakable(rep: str) -> str:
    """A rep's address that may wrap before its "@" and the dots of its domain on a narrow
    screen, and nowhere else."""
    local, at, domain = rep.rpartition("@")
    return f"{esc(local)}<wbr>@" + "<wbr>.".join(esc(part) for part in domain.split(".")) if at and local else esc(rep)


def _name(findings, code: str) -> str:
    return next(f.name for f in findings if f.code == code)


def _trend(history) -> str:
    points = []
    for run in history:
        if not isinstance(run, dict):
            continue
        try:
            count = max(0, int(run.get("findings", 0)))
        except (TypeError, ValueError):
            count = 0
        points.append((_day(run.get("time")), count))
    if not points:
        return ""
    change = ""
    if len(points) > 1:
        delta = points[-1][1] - points[-2][1]
        change = f" {abs(delta)} {'more' if delta > 0 else 'fewer'} than the run before." if delta else " Same as the run before."
    title = f"Findings over the last {_plural(len(points), 'run')}: from {points[0][1]} to {points[-1][1]}"
    chart = trend_chart(points, chart_id="chart-trend", title=title)
    return (
        '<section aria-labelledby="trend">\n<h2 id="trend">Trend</h2>\n'
        f'<p class="note">{esc(title)}.{esc(change)}</p>\n<figure>{chart}</figure>\n</section>'
    )


def _day(value) -> str:
    """A run's date as a manager reads it on an axis: "08 Nov"."""
    try:
        return datetime.fromisoformat(str(value)).strftime("%d %b")
    except ValueError:
        return str(value or "?")[:12]


def _finding_section(findings, groups, picks) -> str:
    if not findings:
        return '<section aria-labelledby="findings">\n<h2 id="findings">Findings</h2>\n<p class="all-clear">No findings.</p>\n</section>'
    return (
        '<section aria-labelledby="findings">\n<h2 id="findings">Findings</h2>\n'
        '<p class="note">Per rep, then per conversation, the most serious first.</p>\n'
        f"{filter_form(picks)}\n"
        f'<div id="findings-list">\n{finding_list(groups, picks)}\n'
        f'<p class="after-list" data-total="{len(findings)}"></p>\n</div>\n</section>'
    )


def _problems(problems) -> str:
    items = "".join(f"<li><code>{esc(p.path)}</code>: {esc(p.message)}</li>" for p in problems)
    title = "Inputs that could not be read"
    if any(isinstance(p, RuleError) for p in problems):
        title += " and rules that failed"
    return (
        f'<section aria-labelledby="problems">\n<h2 id="problems">{title}</h2>\n'
        f'<ul class="problems">{items}</ul>\n</section>'
    )
