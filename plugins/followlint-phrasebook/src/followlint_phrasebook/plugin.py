"""The followlint hooks: read ``[tool.followlint.phrasebook] files`` and add one rule per entry.

Loaded at every followlint start, so the YAML machinery is imported only when a config names
phrasebook files.
"""
from __future__ import annotations

import os

import followlint

TABLE = "phrasebook"
_rules: list = []  # the rules of the current configuration (one load per process)


@followlint.hookimpl
def followlint_configure(settings):
    table = settings.plugin_table(TABLE)
    where = f"{settings.config_file or 'config'}: [{TABLE}]"
    unknown = set(table) - {"files"}
    if unknown:
        raise ValueError(f"{where}: unknown key {sorted(unknown)[0]!r} (its keys: files)")
    files = table.get("files", [])
    if isinstance(files, str):
        files = [files]
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        raise ValueError(f"{where}: 'files' must be a list of YAML file paths")
    _rules[:] = load_rules(files, os.path.dirname(os.path.abspath(settings.config_file)) if settings.config_file else ".")


def load_rules(files: list[str], base: str) -> list:
    """Rule classes for every entry of every file; a problem anywhere is one PhrasebookError."""
    if not files:
        return []
    from .matching import PhraseSet
    from .rulefile import PhrasebookError, load_file
    from .rules import check_examples, make_rule

    specs, seen = [], {}
    for name in files:
        for spec in load_file(os.path.join(base, name), name):
            for key in (spec.code, spec.name):
                if key in seen:
                    raise PhrasebookError(f"{name}: rule {spec.code}: {key!r} is already used by a rule in {seen[key]}")
                seen[key] = name
            specs.append(spec)
    phrases = {key: value for spec in specs for key, value in spec.all_phrases().items()}
    phrase_set = PhraseSet(phrases)
    for spec in specs:
        check_examples(spec, phrase_set)
    return [make_rule(spec, phrase_set) for spec in specs]


@followlint.hookimpl
def followlint_add_rules():
    return list(_rules)
