"""Is a reply about the customer's subject? Topic words compared by a common stem or prefix,
the words inside a signal's own span, and the names of the people (never a subject).
"""
from __future__ import annotations

import re

from ..model import CONTACT_THREAD, Conversation, Signal, Touch
from ..lexicon.words import current as current_words
from ..signals.topics import WORD_RE as TOPIC_WORD_RE, forms, stem

NAME_RE = re.compile(r"[a-z][a-z']{1,30}")
# Topic words this long that share this many leading letters are one subject ("inspector",
# "inspection"); the stemmer only strips plain suffixes.
PREFIX = 5


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    n = PREFIX
    return len(a) >= n and len(b) >= n and a[:n] == b[:n]


def _undouble(word: str) -> str:
    """"shipp" (from "shipped") is "ship"; "bill" and "class" stay."""
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeioulsz":
        return word[:-1]
    return word


def shared(topic: frozenset, words: frozenset) -> int:
    """How many words of ``topic`` the sentence ``words`` takes up (exactly or by a common stem);
    none when every word they share is one all customer conversations have."""
    matched = topic & words
    rest = [_undouble(w) for w in words if w not in matched]
    if rest:
        matched = matched | {t for t in topic if t not in matched and any(_same_word(_undouble(t), w) for w in rest)}
    return 0 if matched <= _generic() else len(matched)


_GENERIC: dict[frozenset, frozenset] = {}


def _generic() -> frozenset:
    """The stems of the loaded ``generic_subject`` words (computed once per word list)."""
    words = current_words()["generic_subject"]
    stems = _GENERIC.get(words)
    if stems is None:
        _GENERIC.clear()
        stems = _GENERIC[words] = frozenset(stem(w) for w in words)
    return stems


def on_topic(topic: frozenset, words: frozenset) -> bool:
    return bool(topic) and shared(topic, words) >= 1


MIN_CLAUSE_TOPIC = 2


def clause_topic(touch: Touch, signal: Signal) -> frozenset:
    """The subject words of the clause that carries ``signal`` when its sentence turns on a
    contrast ("The car's running fine, but I'm still waiting on the second key"): the key, not
    the car. The whole sentence's words when there is no contrast or the clause says too little."""
    if signal.sentence >= len(touch.sentences):
        return signal.topic
    span = touch.sentences[signal.sentence]
    text = touch.text[span.start:span.end].lower()
    at = signal.start - span.start
    begin, end = 0, len(text)
    for match in _contrast_re().finditer(text):
        if match.end() <= at:
            begin = match.end()
        elif match.start() >= at + len(signal.text):
            end = min(end, match.start())
    if begin == 0 and end == len(text):
        return signal.topic
    topic = _topic_within(signal, text[begin:end])
    return topic if len(topic) >= MIN_CLAUSE_TOPIC else signal.topic


_CONTRAST: dict[frozenset, re.Pattern] = {}


def _contrast_re() -> re.Pattern:
    words = current_words()["contrast"]
    if words not in _CONTRAST:
        _CONTRAST.clear()
        alternatives = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
        _CONTRAST[words] = re.compile(rf"\b(?:{alternatives})\b")
    return _CONTRAST[words]


def span_topic(signal: Signal) -> frozenset:
    """The subject words inside a signal's own span ("printer" in "we don't have a printer"),
    where the whole sentence would also bring in "shop" and "phone"."""
    return _topic_within(signal, signal.text.lower())


def _topic_within(signal: Signal, text: str) -> frozenset:
    """The words of ``signal``'s topic that ``text`` (lowercase, a part of its sentence) says."""
    inside = {stem(form) for w in TOPIC_WORD_RE.findall(text) for form in forms(w) if form}
    return frozenset(w for w in signal.topic if w in inside or _undouble(w) in inside)


def names(conversation: Conversation) -> frozenset:
    """Stems of the names of everyone in the conversation ("Hi Tom", "Sofia, do we..."): a
    greeting or a signature shares them with everything. A CRM export may know the contact by an
    id only; its notes name them after a verb of contact ("Called Priyanka back")."""
    words = set()
    roles = current_words()["role_mailbox"]  # "support@", "frontdesk@": not a person's name
    contacted = _contacted_re()
    for touch in conversation.touches:
        words.update(NAME_RE.findall(touch.party_name.lower()))
        local = touch.party.lower().partition("@")[0]
        if "@" in touch.party:
            words.update(w for w in NAME_RE.findall(local) if w not in roles)
        if touch.activity:
            words.update(m.group(1).lower() for m in contacted.finditer(touch.text))
            # The contact a CRM log is kept under ("contact jun takahashi"), when it is a name.
            contact = touch.thread.removeprefix(CONTACT_THREAD)
            if contact != touch.thread and not any(c.isdigit() for c in contact):
                words.update(NAME_RE.findall(contact))
    return frozenset(stem(w) for w in words if len(w) > 2)


_CONTACTED: dict[frozenset, re.Pattern] = {}


def _contacted_re() -> re.Pattern:
    """A capitalised word right after a verb of contact ("called", "spoke with", "told")."""
    verbs = frozenset(current_words()["contact_verb"])
    if verbs not in _CONTACTED:
        alternatives = "|".join(sorted((re.escape(v) for v in verbs), key=len, reverse=True))
        _CONTACTED[verbs] = re.compile(rf"\b(?i:{alternatives})\s+(?:(?i:to|with|for)\s+)?([A-Z][a-z]{{2,30}})\b")
    return _CONTACTED[verbs]
