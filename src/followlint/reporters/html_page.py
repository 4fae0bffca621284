"""The HTML report's page: sections, each built from the report, every foreign string escaped.

See ``reporters.html`` for what the page holds, who a finding's rep is and what ``history`` is.
"""
from __future__ import annotations

from datetime import datetime, timezone

from .. import __version__, clock
from ..model import RuleError, Severity
from .html_charts import bar_chart, esc, trend_chart
from .html_style import STYLE

UNKNOWN_REP = "unknown"
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"  # no script, no fetch


def rep_of(finding) -> str:
    return finding.sender or UNKNOWN_REP


def render_html(report, history=None, generated: datetime | None = None) -> str:
    generated = generated or clock.current_time()
    findings = sorted(report.findings, key=lambda f: (-f.severity, f.sort_key()))
    sections = [_header(report, generated)]
    if findings:
        sections.append(_per_rule(findings))
        sections.append(_per_rep(findings))
    if history:
        sections.append(_trend(history))
    sections.append(_finding_list(findings))
    if report.problems:
        sections.append(_problems(report.problems))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(_title(report))}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
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


def _title(report) -> str:
    return f"followlint report: {_tally(report.findings) if report.findings or not report.problems else 'no findings'}"


def _header(report, generated: datetime) -> str:
    s = report.summary()
    totals = [("Files", s["files"], "files"), ("Conversations", s["conversations"], "conversations"),
              ("Touches", s["touches"], "touches"), ("Findings", s["findings"], "findings")]
    totals += [(_severity_heading(sev), count, sev.label) for sev, count in _severity_counts(report.findings).items()]
    if report.problems:
        totals.append(("Input errors", len(report.problems), "problems"))
    cards = "".join(
        f'<div class="total total-{key}{" zero" if not value else ""}" data-total="{key}"><dt>{label}</dt><dd>{int(value)}</dd></div>'
        for label, value, key in totals
    )
    when = generated.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    if report.findings:
        verdict = _tally(report.findings).capitalize() + "."
    else:  # not clear if an input or a rule failed
        verdict = "No findings." if report.problems else "All clear: no findings."
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
    chart = bar_chart(
        [(f"{code} {name}", len(sevs), f"sev-{max(sevs).label}") for (code, name), sevs in rows],
        chart_id="chart-rules", title="Findings per rule",
    )
    return f'<section aria-labelledby="per-rule">\n<h2 id="per-rule">Findings per rule</h2>\n<figure>{chart}</figure>\n</section>'


def _per_rep(findings) -> str:
    table: dict[str, dict[Severity, int]] = {}
    for f in findings:
        row = table.setdefault(rep_of(f), {s: 0 for s in SEVERITIES})
        row[f.severity] = row.get(f.severity, 0) + 1
    ordered = sorted(table.items(), key=lambda kv: (kv[0] == UNKNOWN_REP, -sum(kv[1].values()), kv[0]))
    if list(table) == [UNKNOWN_REP]:
        return (
            '<section aria-labelledby="per-rep">\n<h2 id="per-rep">Findings per rep</h2>\n'
            '<p class="note">This run does not know who sent each message (a draft without a From '
            "line, a CRM export without an owner), so findings are not split per rep.</p>\n</section>"
        )
    chart = bar_chart([(rep, sum(row.values()), "rep") for rep, row in ordered],
                      chart_id="chart-reps", title="Findings per rep")
    head = "".join(f'<th scope="col" class="num">{_severity_heading(s)}</th>' for s in SEVERITIES)
    body = "".join(
        f'<tr><th scope="row">{esc(rep)}</th><td class="num">{sum(row.values())}</td>'
        + "".join(f'<td class="num">{row.get(s, 0)}</td>' for s in SEVERITIES) + "</tr>"
        for rep, row in ordered
    )
    return (
        '<section aria-labelledby="per-rep">\n<h2 id="per-rep">Findings per rep</h2>\n'
        f"<figure>{chart}</figure>\n"
        f'<table class="reps"><caption>Findings per rep and severity</caption><thead><tr><th scope="col">Rep</th>'
        f'<th scope="col" class="num">Findings</th>{head}</tr></thead><tbody>{body}</tbody></table>\n</section>'
    )


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


def _finding_list(findings) -> str:
    if not findings:
        return '<section aria-labelledby="findings">\n<h2 id="findings">Findings</h2>\n<p class="all-clear">No findings.</p>\n</section>'
    items = "\n".join(_finding(number, f) for number, f in enumerate(findings, 1))
    return f'<section aria-labelledby="findings">\n<h2 id="findings">Findings</h2>\n{items}\n</section>'


def _finding(number: int, f) -> str:
    where = f"{f.path}:{f.line}:{f.column}"
    meta = [("Where", f"<code>{esc(where)}</code>")]
    rep = rep_of(f)
    if rep != UNKNOWN_REP:
        meta.append(("Rep", esc(rep)))
    if f.customer:
        meta.append(("Customer", esc(f.customer)))
    if f.conversation and f.conversation != f.path:
        meta.append(("Conversation", f"<code>{esc(f.conversation)}</code>"))
    parts = [
        f'<article class="finding sev-{f.severity.label}" id="finding-{number}" data-code="{esc(f.code)}">',
        f'<h3><span class="badge sev-{f.severity.label}">{f.severity.label}</span> '
        f'<span class="code">{esc(f.code)}</span> <span class="rule">{esc(f.name)}</span></h3>',
        f'<p class="message">{esc(f.message)}</p>',
        '<dl class="meta">' + "".join(f"<div><dt>{k}</dt><dd>{v}</dd></div>" for k, v in meta) + "</dl>",
    ]
    if f.excerpt:
        parts.append(f'<blockquote class="excerpt"><p>{esc(f.excerpt)}</p></blockquote>')
    if f.suggestion:
        parts.append(f'<p class="suggestion"><strong>Better:</strong> {esc(f.suggestion)}</p>')
    evidence = [e for e in f.evidence if not (e.path == f.path and e.line == f.line and e.text == f.excerpt)]
    if evidence:
        parts.append('<h4>Evidence</h4><ul class="evidence">' + "".join(_evidence(e) for e in evidence) + "</ul>")
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


def _problems(problems) -> str:
    items = "".join(f"<li><code>{esc(p.path)}</code>: {esc(p.message)}</li>" for p in problems)
    title = "Inputs that could not be read"
    if any(isinstance(p, RuleError) for p in problems):
        title += " and rules that failed"
    return (
        f'<section aria-labelledby="problems">\n<h2 id="problems">{title}</h2>\n'
        f'<ul class="problems">{items}</ul>\n</section>'
    )
