"""The whole plugin contract of followlint.

A plugin is a module or object with functions decorated ``@followlint.hookimpl`` whose names
are the hooks below. Third-party packages expose one under the entry-point group
``followlint``; local modules are loaded from ``--plugins-dir`` or the ``plugins`` config key.
The built-in rules, readers, reporters and the English vocabulary are plugins on these same
hooks (see ``followlint.builtin``).
"""
from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("followlint")
hookimpl = pluggy.HookimplMarker("followlint")


@hookspec
def followlint_add_rules():
    """Return a list of Rule subclasses (see ``followlint.rules.base.Rule``).

    Each rule has a unique code (``FL101``; plugins use their own prefix) and a kebab-case name,
    and declares the signal kinds it reads (``reads``): a kind no loaded plugin declares is a
    load error naming the rule.
    """


@hookspec
def followlint_add_readers():
    """Return a list of Reader objects (see ``followlint.sources.base.Reader``).

    A reader claims files by suffix or by sniffing their first bytes and turns each into touches.
    """


@hookspec
def followlint_add_reporters():
    """Return a list of Reporter objects (see ``followlint.reporters.base.Reporter``).

    A reporter's ``name`` becomes a value of ``--format``.
    """


@hookspec
def followlint_add_vocabulary():
    """Return what the signal layer knows about words: a dict of lists of strings.

    A key is either a signal kind, mapped to phrases, or a word list, mapped to words.

    Kinds: ``"checkin"``, ``"value/update"`` (kind/subtype), ``"issue"``... (the registry of
    kinds is ``followlint.signals.kinds``; a new kind is declared with ``followlint_add_kinds``).
    Phrases are lowercase words with ``(a|b)`` alternatives, ``[optional words]`` or
    ``(optional)?``, ``*`` for any one word, ``**`` for up to three, and ``<num>``,
    ``<ordinal>``, ``<url>``, ``<weekday>``, ``<month>``, ``<time>``, ``<money>``, ``<past>`` classes.

    Word lists (their names are in ``followlint.lexicon.words.WORD_LISTS``) hold the words
    every stage reads outside phrases: ``"negator"``, ``"hypothetical"``, ``"stopword"``,
    ``"weekday/monday"``, ``"number/2"``, ``"subject_prefix/reply"``, ``"signoff"``... The lists
    of all loaded vocabularies are merged.

    This is how a language pack or an industry vocabulary teaches every rule new phrases and
    words without touching their code. A key that is neither a known kind nor a word list is
    a load error naming the plugin.
    """


@hookspec
def followlint_add_kinds():
    """Return a list of new signal kinds (``followlint.signals.kinds.Kind``: name, one line of
    meaning) that the plugin's vocabulary fills and its rules read.

    The built-in kinds are always there; a kind is declared once, by one plugin.
    """


@hookspec
def followlint_configure(settings):
    """Receive the resolved ``Settings`` once, before any input is read.

    Called before the other hooks, once per process (with ``--jobs`` each worker process loads
    the plugins and calls it again), so a plugin can add rules or vocabulary according to its
    config: ``settings.plugin_table("NAME")`` is its ``[tool.followlint.NAME]`` table.
    """
