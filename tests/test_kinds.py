"""The registry of signal kinds, the word lists, and ``Rule.reads``: declared, checked at load."""
from __future__ import annotations

import ast
import inspect
import json

import pytest

from followlint.lexicon.en import VOCABULARY
from followlint.lexicon.words import WORD_LISTS, is_word_list, key_problem
from followlint.signals import detect
from followlint.signals.kinds import BUILTIN, Kind
from followlint.timeline import ITEM_READS

KINDS = {kind.name: kind for kind in BUILTIN}


def builtin_rules():
    from followlint.builtin.rules import followlint_add_rules

    return followlint_add_rules()


def test_every_kind_has_a_meaning_and_a_producer():
    assert len(KINDS) == len(BUILTIN)
    for kind in BUILTIN:
        assert kind.meaning.strip() and "\n" not in kind.meaning and kind.producer


def test_kinds_and_word_lists_do_not_share_names():
    assert not set(KINDS) & set(WORD_LISTS)


def test_the_english_lexicon_names_only_known_kinds_and_word_lists():
    for key in VOCABULARY:
        if is_word_list(key):
            assert key_problem(key) == "", key
        else:
            assert key.partition("/")[0] in KINDS, key


def test_the_signal_stage_and_the_timeline_name_only_known_kinds():
    for name in ("MASKING_KINDS", "SELF_NEGATING", "TOPICAL_KINDS", "TIMED_KINDS"):
        assert getattr(detect, name) <= set(KINDS), name
    assert set(ITEM_READS) <= set(KINDS)


def test_every_kind_is_produced_by_the_lexicon_or_by_code():
    produced = {key.partition("/")[0] for key in VOCABULARY if not is_word_list(key)}
    for kind in BUILTIN:
        assert kind.name in produced or kind.producer != "vocabulary", kind.name


@pytest.mark.parametrize("rule", builtin_rules(), ids=lambda rule: rule.code)
def test_a_builtin_rule_declares_every_kind_its_module_names(rule):
    """Every kind name written in the rule's module is in its ``reads`` (and nothing twice)."""
    assert len(set(rule.reads)) == len(rule.reads), rule.reads
    assert set(rule.reads) <= set(KINDS)
    source = inspect.getsource(inspect.getmodule(rule))
    named = {node.value for node in ast.walk(ast.parse(source))
             if isinstance(node, ast.Constant) and node.value in KINDS}
    assert named <= set(rule.reads), sorted(named - set(rule.reads))


def test_a_rule_page_lists_what_it_reads():
    rule = next(r for r in builtin_rules() if r.code == "FL106")
    page = rule.documentation()
    assert page.index("## Options") < page.index("## Reads")
    assert page.rstrip().endswith("Signal kinds: `guarantee`, `hedge`.")


def test_a_kind_needs_a_name_and_a_meaning():
    with pytest.raises(ValueError):
        Kind("a/b", "slashes are subtypes")
    with pytest.raises(ValueError):
        Kind("urgency", " ")


URGENCY_RULE = '''
import followlint
from followlint.rules.base import Rule
from followlint.signals.kinds import Kind


class Urgency(Rule):
    code = "URG001"
    name = "false-urgency"
    reads = {reads!r}
    summary = what = why = "Invented urgency."

    def check(self, conversation, ctx):
        return []


@followlint.hookimpl
def followlint_add_rules():
    return [Urgency]
'''
DECLARES = '''

@followlint.hookimpl
def followlint_add_kinds():
    return [Kind("urgency", "invented urgency (\\"act now\\")")]
'''
VOCABULARY_OF = '''

@followlint.hookimpl
def followlint_add_vocabulary():
    return {vocabulary!r}
'''


def _check(run_cli, tmp_path, **plugins) -> tuple[int, str, str]:
    (tmp_path / "local").mkdir(exist_ok=True)
    for name, source in plugins.items():
        (tmp_path / "local" / f"{name}.py").write_text(source, encoding="utf-8")
    (tmp_path / "draft.txt").write_text("Hi Sam,\n\nAct now: last chance.\n\nPriya\n", encoding="utf-8")
    return run_cli("check", "draft.txt", "--format", "json", "--plugins-dir", "local")


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_a_declared_kind_feeds_a_rule(run_cli, tmp_path):
    source = URGENCY_RULE.format(reads=("urgency",)) + DECLARES + VOCABULARY_OF.format(vocabulary={"urgency": ["act now"]})
    code, out, err = _check(run_cli, tmp_path, urgency=source)
    assert code == 0 and json.loads(out)["findings"] == [], err


def test_a_vocabulary_naming_an_unknown_kind_is_one_line_naming_plugin_and_kind(run_cli, tmp_path):
    code, out, err = _check(run_cli, tmp_path, shouty=VOCABULARY_OF.format(vocabulary={"urgency": ["act now"]})
                            .replace("\n\n@", "import followlint\n\n@", 1))
    line = _one_line(err)
    assert code == 2 and "'shouty'" in line and "'urgency'" in line and "followlint_add_kinds" in line


def test_a_word_list_with_a_bad_member_is_one_line(run_cli, tmp_path):
    code, out, err = _check(run_cli, tmp_path, days=VOCABULARY_OF.format(vocabulary={"weekday/moonday": ["lundi"]})
                            .replace("\n\n@", "import followlint\n\n@", 1))
    line = _one_line(err)
    assert code == 2 and "'days'" in line and "weekday/moonday" in line


def test_a_rule_reading_a_kind_no_plugin_produces_is_one_line_naming_the_rule(run_cli, tmp_path):
    code, out, err = _check(run_cli, tmp_path, urgency=URGENCY_RULE.format(reads=("checkin", "urgency")))
    line = _one_line(err)
    assert code == 2 and "URG001" in line and "reads signal kind 'urgency'" in line


def test_a_kind_declared_twice_is_one_line_naming_both_plugins(run_cli, tmp_path):
    declares = "import followlint\nfrom followlint.signals.kinds import Kind\n" + DECLARES
    code, out, err = _check(run_cli, tmp_path, first=declares, second=declares)
    line = _one_line(err)
    assert code == 2 and "'second'" in line and "'first'" in line and "'urgency'" in line


def test_a_builtin_kind_cannot_be_declared_again(run_cli, tmp_path):
    source = "import followlint\nfrom followlint.signals.kinds import Kind\n" + DECLARES.replace('"urgency"', '"checkin"')
    code, out, err = _check(run_cli, tmp_path, again=source)
    assert code == 2 and "'checkin'" in _one_line(err)


def test_the_plugin_guide_lists_every_kind_and_word_list():
    from pathlib import Path

    guide = (Path(__file__).resolve().parents[1] / "docs" / "plugins.md").read_text(encoding="utf-8")
    for name in [*KINDS, *WORD_LISTS]:
        assert f"\n| `{name}` |" in guide, name


def test_where_order_decides_a_tie_the_english_lexicon_keeps_it():
    """Of two phrases on the same words, the first of one kind gives the subtype, and the first
    of the hiding kinds decides whether a signal is kept (see lexicon/en/__init__.py)."""
    order = list(VOCABULARY)
    for group in (["value/resource", "value/update", "value/answer", "value/offer", "value/proposal"],
                  ["request", "request/send", "request/schedule"], ["callback", "callback/reply", "callback/asked"],
                  ["introduction", "introduction/self"], ["pleasantry", "boilerplate", "neutral"]):
        places = [order.index(key) for key in group]
        assert places == sorted(places), group
