"""A second language is one plugin: a tiny Spanish lexicon, loaded from a --plugins-dir, teaches
the built-in rules and stages its phrases, negators and subject prefixes. Nothing outside the
plugin file changes (followlint's own lexicon stays English)."""
from __future__ import annotations

import json

import pytest

LEXICON_ES = '''
"""Spanish, a little: phrases for two kinds and the words around them."""
import followlint


@followlint.hookimpl
def followlint_add_vocabulary():
    return {
        "checkin": [
            "(solo|sólo) (quería|queria) (saber|ver) (cómo|como) (va|van|está|están) [todo|las cosas]",
            "(paso|escribo) [solo] para saludar",
        ],
        "value/update": [
            "(buenas|grandes) noticias",
            "(está|están) (listo|lista|listos|listas|disponible|disponibles)",
        ],
        "pleasantry": ["(hola|buenos días|buenas tardes)"],
        "negator": ["nunca", "jamás", "tampoco", "nada", "sin"],
        "hypothetical": ["si", "aunque"],
        "stopword": ["el", "la", "los", "las", "un", "una", "de", "con", "que", "y", "todo", "hola"],
        "subject_prefix/forward": ["rv"],
        "signoff": ["saludos", "un saludo", "atentamente", "un abrazo"],
    }
'''

CHECKIN_ES = "Hola Ana:\n\nSolo quería saber cómo va todo con el coche nuevo.\n\nSaludos,\nMiguel\n"
NEWS_ES = ("Hola Ana:\n\nSolo quería saber cómo va todo. Buenas noticias: las placas ya están listas y "
           "puedo llevarlas el jueves.\n\nSaludos,\nMiguel\n")

# Outlook in Spanish writes "RV:" (reenviado) before a forwarded message's subject.
THREAD_ES = """From ana@example.com Mon Nov  2 09:00:00 2026
From: Ana Ruiz <ana@example.com>
To: Miguel <miguel@concesionario.example>
Subject: Pedido 4411
Date: Mon, 2 Nov 2026 09:00:00 +0000
Message-ID: <pedido@example.com>

Las placas del pedido 4411 no han llegado.

From miguel@concesionario.example Tue Nov  3 10:00:00 2026
From: Miguel <miguel@concesionario.example>
To: Ana Ruiz <ana@example.com>
Subject: RV: Pedido 4411
Date: Tue, 3 Nov 2026 10:00:00 +0000
Message-ID: <rv@concesionario.example>

Te reenvío el pedido.

"""


@pytest.fixture
def spanish(tmp_path):
    """A project folder with the Spanish lexicon in local/; returns the --plugins-dir option."""
    (tmp_path / "local").mkdir()
    (tmp_path / "local" / "lexicon_es.py").write_text(LEXICON_ES, encoding="utf-8")
    (tmp_path / "checkin.txt").write_text(CHECKIN_ES, encoding="utf-8")
    (tmp_path / "news.txt").write_text(NEWS_ES, encoding="utf-8")
    (tmp_path / "thread.mbox").write_text(THREAD_ES, encoding="utf-8")
    return ("--plugins-dir", "local")


def codes(out: str) -> list[str]:
    return [f["code"] for f in json.loads(out)["findings"]]


def test_fl101_flags_a_spanish_check_in_only_with_the_plugin(run_cli, spanish):
    code, out, err = run_cli("check", "checkin.txt", "--format", "json")
    assert code == 0 and codes(out) == [], out + err  # English knows no Spanish check-in
    code, out, err = run_cli("check", "checkin.txt", "--format", "json", *spanish)
    assert code == 1 and codes(out) == ["FL101"], out + err
    assert '"Solo quería saber cómo va todo"' in json.loads(out)["findings"][0]["message"]


def test_fl101_leaves_a_spanish_check_in_with_news_alone(run_cli, spanish):
    code, out, err = run_cli("check", "news.txt", "--format", "json", *spanish)
    assert code == 0 and codes(out) == [], out + err


def _signals(run_cli, spanish, folder, text: str) -> list[dict]:
    (folder / "draft.txt").write_text(text, encoding="utf-8")
    code, out, err = run_cli("inspect", "draft.txt", "--format", "json", *spanish)
    assert code == 0, err
    return [s for c in json.loads(out)["conversations"] for t in c["touches"] for s in t["signals"]]


def test_the_plugins_negators_deny_its_phrases(run_cli, spanish, tmp_path):
    ready = [s for s in _signals(run_cli, spanish, tmp_path, "Las placas ya están listas.") if s["kind"] == "value"]
    never = [s for s in _signals(run_cli, spanish, tmp_path, "Las placas nunca están listas.") if s["kind"] == "value"]
    assert ready and not ready[0].get("negated")
    assert never and never[0].get("negated")


def test_the_plugins_subject_prefix_threads_and_marks_a_forward(run_cli, spanish):
    def conversations(*extra):
        code, out, err = run_cli("inspect", "thread.mbox", "--format", "json", "--rep", "@concesionario.example", *extra)
        assert code == 0, err
        return json.loads(out)["conversations"]

    assert len(conversations()) == 2  # "RV: Pedido 4411" is another subject to English
    assert [len(c["touches"]) for c in conversations(*spanish)] == [2]
    # A forward is not the answer the customer is owed: FL103 waits for the real reply.
    code, out, err = run_cli("check", "thread.mbox", "--format", "json", "--rep", "@concesionario.example",
                             "--select", "FL103", "--now", "2026-11-03T12:00:00+00:00", *spanish)
    assert code == 0 and codes(out) == [], out + err
