"""Start-up (issue 16): a check of one draft reads only what it needs, and finds the same.

The phrase index comes from the on-disk cache packed, and a run decodes only the entries its
words reach: the entries it gives must be those of the index built from the vocabularies, and
a cache is never read for other vocabularies than its own.
"""
from __future__ import annotations

import pytest

from followlint import __version__
from followlint.lexicon.en import VOCABULARY
from followlint.lexicon.words import Words, is_word_list
from followlint.signals import cache
from followlint.signals.phrases import PhraseIndex, tokenize

PHRASES = [{kind: phrases for kind, phrases in VOCABULARY.items() if not is_word_list(kind)}]
COMMON = Words([VOCABULARY])["common"]
TEXTS = [
    "Hi Dana,\n\nJust checking in to see if you had a chance to look at my last email. Let me know!\n\nSam",
    "I'll call you back on Tuesday at 10:30 am. Sorry, the part won't arrive until next week.",
    "We can't do the 15th, but I can send you the quote and the brochure by Friday.",
]


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV, str(folder))
    return folder


def _files(folder) -> list[str]:
    return sorted(p.name for p in folder.glob("phrases-*.pickle"))


def test_an_index_read_from_the_cache_gives_the_entries_of_the_index_built(cache_dir):
    built = PhraseIndex(PHRASES, COMMON)
    cache.cached_index(PHRASES, COMMON)  # writes the file
    loaded = cache.cached_index(PHRASES, COMMON)
    assert loaded is not built and _files(cache_dir)
    assert any(isinstance(v, bytes) for v in loaded.index.values()), "not read packed from the cache"
    for text in TEXTS:  # before anything else is decoded: only what these words reach
        assert list(loaded.matches(tokenize(text))) == list(built.matches(tokenize(text)))
    for table, loaded_table in ((built.index, loaded.index), (built.pairs, loaded.pairs)):
        assert table.keys() == loaded_table.keys()
        for key, entries in table.items():
            assert loaded.entries(loaded_table[key]) == entries, key
    loaded.decode_all()
    assert all(isinstance(v, list) for table in (loaded.index, loaded.pairs) for v in table.values())
    for text in TEXTS:
        assert list(loaded.matches(tokenize(text))) == list(built.matches(tokenize(text)))


def test_a_key_met_twice_is_decoded_once(cache_dir):
    cache.cached_index(PHRASES, COMMON)
    loaded = cache.cached_index(PHRASES, COMMON)
    packed = next(iter(loaded.pairs.values()))
    assert isinstance(packed, bytes) and loaded.entries(packed) is loaded.entries(packed)


def test_the_cache_of_other_vocabularies_is_never_read(cache_dir, monkeypatch):
    """A phrase added, words made common, another followlint version: each is another file,
    and going back reads the first one again, without the other's phrases."""
    added = [{**PHRASES[0], "checkin": [*PHRASES[0]["checkin"], "just pinging you"]}]
    pinging = tokenize("Just pinging you about the pilot.")

    def kinds(index) -> set[str]:
        return {entry.kind for entry, _, _ in index.matches(pinging)}

    assert "checkin" not in kinds(cache.cached_index(PHRASES, COMMON))
    assert "checkin" in kinds(cache.cached_index(added, COMMON))
    assert len(_files(cache_dir)) == 2
    assert "checkin" not in kinds(cache.cached_index(PHRASES, COMMON))
    assert "checkin" in kinds(cache.cached_index(added, COMMON))
    assert len(_files(cache_dir)) == 2  # both read back
    cache.cached_index(PHRASES, COMMON | {"pilot"})
    monkeypatch.setattr(cache, "__version__", __version__ + ".dev1")
    cache.cached_index(PHRASES, COMMON)
    assert len(_files(cache_dir)) == 4


def test_a_cache_folder_that_cannot_be_made_still_gives_the_index(tmp_path, monkeypatch):
    """A read-only home, or a cache path through a file: the index is built in memory."""
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(cache.ENV, str(blocker / "cache"))
    index = cache.cached_index(PHRASES, COMMON)
    built = PhraseIndex(PHRASES, COMMON)
    for text in TEXTS:
        assert list(index.matches(tokenize(text))) == list(built.matches(tokenize(text)))


PINGING_PLUGIN = """\
import followlint


@followlint.hookimpl
def followlint_add_vocabulary():
    return {"checkin": ["just pinging you"]}
"""


def test_a_plugin_vocabulary_turned_on_and_off_between_runs_is_never_stale(tmp_path, run_cli):
    """The same cache folder for every run: what a run finds follows its own plugins."""
    draft = tmp_path / "ping.txt"
    draft.write_text("Hi Sam,\n\nJust pinging you about the pilot.\n\nPriya\n", encoding="utf-8")
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "pinging.py").write_text(PINGING_PLUGIN, encoding="utf-8")
    env = {"FOLLOWLINT_CACHE_DIR": str(tmp_path / "cache")}
    assert run_cli("check", draft.name, env=env)[0] == 0
    code, out, err = run_cli("check", draft.name, "--plugins-dir", str(plugins), env=env)
    assert code == 1 and "FL101" in out, err
    assert run_cli("check", draft.name, env=env)[0] == 0
    assert run_cli("check", draft.name, "-p", "no:pinging", "--plugins-dir", str(plugins), env=env)[0] == 0


def test_plugin_phrases_are_compiled_at_load_until_their_index_is_cached(tmp_path, cache_dir, monkeypatch):
    from followlint import plugins
    from followlint.config import Settings
    from followlint.engine import Linter
    from followlint.signals import phrases

    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "pinging.py").write_text(PINGING_PLUGIN, encoding="utf-8")
    settings = Settings(plugins_dir=str(folder))
    compiled = []
    expand = phrases.expand
    monkeypatch.setattr(phrases, "expand", lambda phrase, *rest: compiled.append(phrase) or expand(phrase, *rest))
    registry = plugins.load(settings)
    assert "just pinging you" in compiled
    Linter(settings, registry)  # builds the index of these vocabularies, and caches it
    compiled.clear()
    plugins.load(settings)
    assert compiled == []
    (folder / "pinging.py").write_text(PINGING_PLUGIN.replace("just pinging you", "just pinging you again"),
                                       encoding="utf-8")
    plugins.load(settings)
    assert "just pinging you again" in compiled


NOT_FOR_A_DRAFT = (
    "followlint.sources.crm.reader", "followlint.audit", "imapclient", "followlint.lsp", "followlint.reporters.html",
    "followlint.reporters.json", "followlint.reporters.sarif", "followlint.reporters.junit", "xml.etree", "tomllib",
    "email.policy", "dateutil", "rich",
)


def test_checking_a_draft_imports_no_reader_reporter_or_audit_it_does_not_use(tmp_path, checkin_draft):
    """What a user waits for on every save in an editor or a pre-commit hook: the modules for
    CRM exports, IMAP, other output formats and config files are not imported for one draft."""
    import json
    import subprocess
    import sys

    from conftest import _clean_env

    script = ("import json, runpy, sys\n"
              "sys.argv = ['followlint', 'check', sys.argv[1]]\n"
              "try:\n    runpy.run_module('followlint', run_name='__main__')\n"
              "except SystemExit:\n    pass\n"
              "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n")
    env = _clean_env({"FOLLOWLINT_CACHE_DIR": str(tmp_path / "cache")})
    for _ in range(2):  # the first run builds the phrase index, the second reads it
        proc = subprocess.run([sys.executable, "-c", script, str(checkin_draft)], capture_output=True, text=True,
                              cwd=str(tmp_path), env=env, timeout=120)
        assert "FL101" in proc.stdout, proc.stderr
    loaded = json.loads(proc.stderr.strip().splitlines()[-1])
    assert [m for m in loaded if m.startswith(NOT_FOR_A_DRAFT)] == []
    assert "followlint.sources.drafts" in loaded  # the scan does see what it looks for


def test_a_truncated_cache_file_is_rebuilt_not_read(cache_dir):
    """The blocks stay in the file until met: a file cut short is found out when it is opened,
    not when a text first reaches a missing block."""
    cache.cached_index(PHRASES, COMMON)
    [path] = cache_dir.glob("phrases-*.pickle")
    path.write_bytes(path.read_bytes()[:-100])
    index = cache.cached_index(PHRASES, COMMON)
    index.decode_all()
    built = PhraseIndex(PHRASES, COMMON)
    for text in TEXTS:
        assert list(index.matches(tokenize(text))) == list(built.matches(tokenize(text)))
    assert path.stat().st_size > 100 and cache.cached_index(PHRASES, COMMON).pairs.keys() == built.pairs.keys()


def test_the_collector_paused_for_start_up_runs_again_when_the_command_begins():
    import gc

    from followlint import collector

    assert gc.isenabled()
    with collector.start_up():
        assert not gc.isenabled()
        with collector.start_up():  # the console script's main() inside ``python -m``
            assert not gc.isenabled()
        assert not gc.isenabled()
        collector.begun()
        assert gc.isenabled()
    assert gc.isenabled()
    with collector.start_up():  # a run that ends before any command (--help, a usage error)
        pass
    assert gc.isenabled()
    gc.disable()
    try:  # off already (a caller's choice): left off
        with collector.start_up():
            collector.begun()
            assert not gc.isenabled()
    finally:
        gc.enable()
