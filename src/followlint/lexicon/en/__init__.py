"""English: the one place where followlint knows what follow-ups say, and the words around it.

Registered as a vocabulary plugin (see ``followlint.builtin``). Phrases are grouped by who says
them (``ours``, ``customer``), the next contact (``agreements``) and filler; each signal kind is
one list, the kinds are described in ``followlint.signals.kinds`` and the phrase syntax in
``followlint.signals.phrases``. Word lists (``grammar``, ``dates``, ``mail``) are described in
``followlint.lexicon.words``.
"""
from ...hookspecs import hookimpl
from . import agreements, customer, dates, filler, grammar, mail, ours

# Where two phrases of one kind match the same words, the one listed first gives the signal's
# subtype; so "value/resource" stays before "value/update", "pleasantry" before "neutral".
VOCABULARY: dict[str, list[str]] = {
    **ours.PHRASES, **filler.PHRASES, **customer.PHRASES, **agreements.PHRASES,
    **grammar.WORDS, **dates.WORDS, **mail.WORDS,
}


@hookimpl
def followlint_add_vocabulary():
    return VOCABULARY
