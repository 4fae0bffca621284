"""English: the one place where followlint knows what follow-ups say, and the words around it.

Registered as a vocabulary plugin (see ``followlint.builtin``). Phrases are grouped by who says
them (``ours``, ``customer``), what carries value (``value``), the next contact (``agreements``)
and filler; each signal kind is one list. The kinds are described in ``followlint.signals.kinds``
and the phrase syntax in ``followlint.signals.phrases``; the word lists (``grammar``, ``dates``,
``mail``) in ``followlint.lexicon.words``.
"""
from ...hookspecs import hookimpl
from . import agreements, customer, dates, filler, grammar, mail, ours, valence, value

# Order matters where two phrases match the same words and only one may give a signal: of one
# kind, the one listed first gives the subtype (value/resource before value/update, request
# before request/send); of the kinds that hide, pleasantry before boilerplate before neutral.
VOCABULARY: dict[str, list[str]] = {
    **ours.PHRASES, **value.PHRASES, **filler.PHRASES, **customer.PHRASES, **agreements.PHRASES,
    **grammar.WORDS, **dates.WORDS, **mail.WORDS, **valence.WORDS,
}


@hookimpl
def followlint_add_vocabulary():
    return VOCABULARY
