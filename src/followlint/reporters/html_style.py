"""The HTML report's inline style sheet: dark text on white, calm colours, prints on A4."""

STYLE = """
:root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --paper: #fff;
  --error: #a8201a; --error-bg: #fdecea; --warning: #7a4b00; --warning-bg: #fff3d6;
  --info: #1a5591; --info-bg: #e7f0fa; --bar: #3d5a80; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .8rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.15rem; margin: 1.6rem 0 .6rem; overflow-wrap: anywhere; }
h4 { font-size: 1.05rem; margin: 0 0 .15rem; overflow-wrap: anywhere; }
h5 { font-size: 1rem; margin: 0 0 .4rem; overflow-wrap: anywhere; }
h6 { font-size: .8rem; margin: .8rem 0 .3rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.muted { color: var(--muted); }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .88em; overflow-wrap: anywhere; }
.lede { color: var(--muted); margin: 0 0 1.2rem; }
.note { color: var(--muted); margin: 0 0 .6rem; }
.totals { display: flex; flex-wrap: wrap; gap: .6rem; margin: 0; }
.total { flex: 1 1 6.5rem; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .8rem; }
.total dt { font-size: .8rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.total dd { margin: 0; font-size: 1.6rem; font-weight: 600; }
.total-error { background: var(--error-bg); border-color: var(--error); }
.total-error dd { color: var(--error); }
.total-warning { background: var(--warning-bg); border-color: var(--warning); }
.total-warning dd { color: var(--warning); }
.total-info { background: var(--info-bg); border-color: var(--info); }
.total-info dd { color: var(--info); }
.total-problems dd { color: var(--error); }
.total.zero { background: var(--paper); border-color: var(--line); }
.total.zero dd { color: var(--muted); }
figure { margin: 0 0 1rem; overflow-x: auto; }
svg.chart { max-width: 100%; height: auto; font-family: inherit; }
svg.chart.narrow { display: none; }
svg text { fill: var(--ink); font-size: 13px; }
svg text.count, svg text.value { font-weight: 600; }
svg text.axis { fill: var(--muted); font-size: 12px; }
.bar rect { fill: var(--bar); }
.bar.sev-error rect { fill: var(--error); }
.bar.sev-warning rect { fill: #b7791f; }
.bar.sev-info rect { fill: var(--info); }
.trend .grid { stroke: var(--line); stroke-width: 1; }
.trend .line { fill: none; stroke: var(--bar); stroke-width: 2.5; }
.trend circle { fill: var(--paper); stroke: var(--bar); stroke-width: 2.5; }
.table-scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; margin-top: .5rem; }
td.zero { color: var(--muted); }
.total-col { font-weight: 600; }
abbr { text-decoration: none; }
caption { text-align: left; color: var(--muted); font-size: .85rem; padding-bottom: .3rem; }
th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid var(--line); }
thead th { font-size: .85rem; color: var(--muted); }
tbody th { font-weight: 500; overflow-wrap: anywhere; }
table.reps tbody th { overflow-wrap: break-word; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.finding { border: 1px solid var(--line); border-left: 5px solid var(--muted); border-radius: 6px;
  padding: .9rem 1.1rem; margin: 0 0 1rem; break-inside: avoid; }
.finding.sev-error { border-left-color: var(--error); }
.finding.sev-warning { border-left-color: #b7791f; }
.finding.sev-info { border-left-color: var(--info); }
.badge { display: inline-block; font-size: .75rem; font-weight: 600; text-transform: uppercase;
  letter-spacing: .04em; border-radius: 4px; padding: .05rem .45rem; vertical-align: .1em; }
.badge.sev-error { background: var(--error-bg); color: var(--error); }
.badge.sev-warning { background: var(--warning-bg); color: var(--warning); }
.badge.sev-info { background: var(--info-bg); color: var(--info); }
.code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; }
.rule { color: var(--muted); font-weight: 500; }
.message { margin: .2rem 0 .5rem; overflow-wrap: anywhere; }
.meta { display: flex; flex-wrap: wrap; gap: .2rem 1.4rem; margin: 0 0 .5rem; font-size: .9rem; }
.meta dt { display: inline; color: var(--muted); }
.meta dt::after { content: ":"; }
.meta dd { display: inline; margin: 0 0 0 .3rem; overflow-wrap: anywhere; }
blockquote { margin: .4rem 0; padding: .3rem .8rem; border-left: 3px solid var(--line);
  background: #f6f8fa; color: var(--ink); }
blockquote p { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.suggestion { margin: .5rem 0 0; }
.evidence { list-style: none; padding: 0; margin: 0; }
.evidence li { margin: 0 0 .5rem; }
.source { margin: .1rem 0 0 .9rem; font-size: .85rem; color: var(--muted); }
.all-clear { font-size: 1.1rem; }
.rep-name .count { font-weight: 400; color: var(--muted); font-size: .9rem; }
.conv { border-top: 1px solid var(--line); padding: .8rem 0 0; margin: 0 0 .4rem; }
.conv-meta { margin: 0 0 .6rem; font-size: .9rem; color: var(--muted); display: flex; flex-wrap: wrap; gap: .1rem 1rem; }
.conv-meta .customer { color: var(--ink); overflow-wrap: anywhere; }
.conv-meta .where { overflow-wrap: anywhere; min-width: 0; }
.badge.new { background: #1a7f37; color: #fff; }
.finding.new { box-shadow: inset 0 0 0 1px #1a7f37; }
.total-new dd { color: #1a7f37; }
.filters { display: flex; flex-direction: column; gap: .5rem; margin: 0 0 1rem; padding: .7rem .9rem;
  border: 1px solid var(--line); border-radius: 6px; background: #f6f8fa; }
.facet { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .35rem; align-items: center; min-width: 0; }
.facet legend { float: left; font-size: .8rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em;
  margin-right: .4rem; padding: 0; }
.facet input { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
.facet label { display: inline-block; font-size: .85rem; padding: .15rem .6rem; border: 1px solid var(--line);
  border-radius: 999px; background: var(--paper); cursor: pointer; overflow-wrap: anywhere; max-width: 100%; }
.facet input:checked + label { background: var(--bar); border-color: var(--bar); color: #fff; }
.facet input:focus-visible + label { outline: 2px solid var(--info); outline-offset: 2px; }
#findings-list { display: flex; flex-direction: column; }
#findings-list .after-list { order: -1; margin: 0 0 .6rem; color: var(--muted); font-size: .9rem; }
.problems li { overflow-wrap: anywhere; }
.generated { margin-top: 2.5rem; color: var(--muted); font-size: .8rem; }
@media (max-width: 32rem) {
  main { padding: 1.2rem .8rem 2rem; }
  h1 { font-size: 1.5rem; }
  .finding { padding: .7rem .75rem; }
  .total { flex-basis: 5.5rem; }
  th, td { padding: .3rem .35rem; }
  svg.chart.wide { display: none; }
  svg.chart.narrow { display: block; }
  table.reps { font-size: .8rem; }
  /* A column per rule that fired: on a phone the rep's address breaks anywhere so they fit. */
  table.reps th, table.reps td { padding: .3rem .2rem; }
  table.reps tbody th { overflow-wrap: anywhere; }
}
@media print {
  .filters, .after-list { display: none; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  .finding, figure, tr { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
