"""Filters for the HTML report that need no script (the page's policy forbids scripts): one
group of radio buttons per facet, and a style sheet in which ``main:has(#id:checked)`` hides
what the checked button does not match. A conversation or rep left with nothing to show is
hidden too, for every pair of rule and severity picked.

Every id and class here is the page's own (``rep-3``, ``rule-2``, ``sev-error``): nothing from
mail or from a plugin reaches a selector.
"""
from __future__ import annotations

from .html_charts import esc
from .html_findings import Choices

ALL = "all"


def filter_form(picks: Choices) -> str:
    """The filter bar, or "" when there is nothing to choose between."""
    facets = []
    if len(picks.reps) > 1:
        facets.append(_facet("rep", "Rep", [(cls, rep) for rep, cls in picks.reps.items()]))
    if len(picks.rules) > 1:
        facets.append(_facet("rule", "Rule", [(cls, f"{code} {picks.rule_names[code]}")
                                              for code, cls in picks.rules.items()]))
    if len(picks.severities) > 1:
        facets.append(_facet("sev", "Severity", [(f"sev-{s.label}", s.label) for s in picks.severities]))
    if picks.new:
        facets.append(_facet("age", "Since the last run", [("new", "new only")]))
    if not facets:
        return ""
    return ('<form class="filters" aria-label="Filter the findings">' + "".join(facets) + "</form>")


def _facet(name: str, legend: str, options: list[tuple[str, str]]) -> str:
    buttons = [_button(name, ALL, "all", checked=True)] + [_button(name, cls, label) for cls, label in options]
    return f'<fieldset class="facet facet-{name}"><legend>{legend}</legend>{"".join(buttons)}</fieldset>'


def _button(name: str, cls: str, label: str, checked: bool = False) -> str:
    ident = f"f-{name}-{cls}"
    return (f'<input type="radio" name="{name}" id="{ident}" value="{esc(cls)}"{" checked" if checked else ""}>'
            f'<label for="{ident}">{esc(label)}</label>')


def filter_style(picks: Choices) -> str:
    """The rules that make the buttons work."""
    on = "main:has(#f-{}-{}:checked)".format
    rules = [f"{on('rep', cls)} .rep-group:not(.{cls})" for cls in picks.reps.values()]
    # rule, severity and age pick findings; a group is hidden when none of its findings is picked
    finding_facets = [("rule", list(picks.rules.values())), ("sev", [f"sev-{s.label}" for s in picks.severities])]
    if picks.new:
        finding_facets.append(("age", ["new"]))
    for name, classes in finding_facets:
        rules += [f"{on(name, cls)} .finding:not(.{cls})" for cls in classes]
    for combination in _combinations(finding_facets):
        picked = [(name, cls) for name, cls in combination if cls != ALL]
        if not picked:
            continue
        when = "".join(f":has(#f-{name}-{cls}:checked)" for name, cls in picked)
        match = ".finding" + "".join(f".{cls}" for _, cls in picked)
        rules.append(f"main{when} :is(.conv, .rep-group):not(:has({match}))")
    hide = ",\n".join(rules)
    return (f"{hide} {{ display: none; }}\n" if rules else "") + (
        "#findings-list { counter-reset: shown; }\n"
        "#findings-list .finding { counter-increment: shown; }\n"
        '#findings-list .after-list::before { content: "Showing " counter(shown) " of " attr(data-total) " findings"; }\n'
    )


def _combinations(facets: list[tuple[str, list[str]]]) -> list[list[tuple[str, str]]]:
    combos: list[list[tuple[str, str]]] = [[]]
    for name, classes in facets:
        combos = [combo + [(name, cls)] for combo in combos for cls in [ALL, *classes]]
    return combos
