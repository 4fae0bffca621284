"""Phrase patterns over words, compiled for a linear-time scan.

A phrase is written as lowercase words with ``(a|b c)`` alternatives, ``[optional words]``,
``*`` (any one word), ``**`` (up to three words) and token classes ``<num> <url> <email>
<weekday> <month> <time>``. Each phrase expands into fixed-length sequences of position tests;
every sequence is indexed under one of its literal words (its anchor). Matching looks up each
word of the text in that index and checks the few sequences anchored there, so the cost is
linear in the text whatever the input: no regular-expression backtracking is involved.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product

# Words in the text. Apostrophes inside words are kept ("won't", "i'll"); URLs and addresses
# are single tokens. Runs that can fail after a long scan are bounded ({1,64}), so the scan
# stays linear even on a multi-megabyte line of dots or letters.
TOKEN_RE = re.compile(
    r"https?://[^\s<>\"')\]]+|www\.[^\s<>\"')\]]+"
    r"|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}|\w+(?:['’]\w+)*|[?!%]"
)
# A sentence ends at . ! ? followed by space, a blank line, or a line break after a short line.
SENTENCE_BREAK_RE = re.compile(r"[.!?]{1,8}[\"')\]]{0,3}(?=\s)|\n[ \t]{0,200}\n|\n")
SHORT_LINE = 50

WEEKDAYS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
}
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}
# Words too common to anchor a phrase on: a phrase is indexed under its rarest-looking word.
COMMON = {
    "a", "an", "the", "i", "you", "we", "it", "to", "of", "in", "on", "at", "for", "and", "or",
    "is", "are", "be", "me", "my", "your", "our", "us", "if", "so", "do", "that", "this",
    "with", "just", "any", "all", "can", "will", "have", "has", "was", "not", "no",
}
CLASSES = ("<num>", "<url>", "<email>", "<weekday>", "<month>", "<time>")
WORD_OK = re.compile(r"[a-z0-9'%.@-]+|<[a-z]+>|[?!]")
TIME_RE = re.compile(r"\d{1,2}(?:am|pm|h\d\d)?$|\d{3,4}(?:am|pm)$")


def token_class(word: str) -> str:
    if word[0] in "hw" and (word.startswith(("http://", "https://", "www."))):
        return "<url>"
    if "@" in word:
        return "<email>"
    if word.isdigit():
        return "<num>"
    if word in WEEKDAYS:
        return "<weekday>"
    if word in MONTHS:
        return "<month>"
    if word[0].isdigit() and TIME_RE.match(word):
        return "<time>"
    return ""


@dataclass(slots=True)
class Tokens:
    words: list[str]  # lowercase, curly apostrophes straightened
    classes: list[str]
    starts: list[int]
    ends: list[int]
    sentence_of: list[int]  # sentence index of each token
    sentences: list[tuple[int, int]]  # character spans


def tokenize(text: str) -> Tokens:
    words, classes, starts, ends = [], [], [], []
    lowered = text.lower().replace("’", "'")
    for m in TOKEN_RE.finditer(lowered):
        word = m.group()
        words.append(word)
        classes.append(token_class(word) if not word.isalpha() or word in WEEKDAYS or word in MONTHS else "")
        starts.append(m.start())
        ends.append(m.end())
    sentences = split_sentences(text)
    sentence_of = []
    index = 0
    for start in starts:
        while index + 1 < len(sentences) and start >= sentences[index][1]:
            index += 1
        sentence_of.append(index)
    return Tokens(words, classes, starts, ends, sentence_of, sentences)


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    begin = 0
    for m in SENTENCE_BREAK_RE.finditer(text):
        if m.group() == "\n":
            line_start = text.rfind("\n", 0, m.start()) + 1
            if m.start() - line_start >= SHORT_LINE:
                continue  # a wrapped line, the sentence goes on
        end = m.end()
        if text[begin:end].strip():
            spans.append(_strip_span(text, begin, end))
        begin = end
    if text[begin:].strip():
        spans.append(_strip_span(text, begin, len(text)))
    return spans or [(0, len(text))]


def _strip_span(text: str, begin: int, end: int) -> tuple[int, int]:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    return begin, end


# --- compiling phrases -------------------------------------------------------------------

ANY = None  # a position that matches any word


def _parse_alternatives(pattern: str) -> list[list[str]]:
    """Expand ( | ) and [ ] groups (nesting allowed) into plain word-sequence alternatives."""
    pos = 0

    def sequence(stop: str) -> list[list[str]]:
        nonlocal pos
        results: list[list[str]] = [[]]
        while pos < len(pattern):
            ch = pattern[pos]
            if ch in stop:
                return results
            if ch in "([":
                close = ")" if ch == "(" else "]"
                pos += 1
                options = []
                while True:
                    options.extend(sequence("|" + close))
                    if pos >= len(pattern):
                        raise ValueError(f"unclosed group in phrase {pattern!r}")
                    if pattern[pos] == close:
                        pos += 1
                        break
                    pos += 1  # skip |
                if close == "]":
                    options.append([])
                results = [r + o for r in results for o in options]
            elif ch.isspace():
                pos += 1
            else:
                end = pos
                while end < len(pattern) and not pattern[end].isspace() and pattern[end] not in "()[]|":
                    end += 1
                word = pattern[pos:end]
                pos = end
                results = [r + [word] for r in results]
        return results

    return sequence("")


def expand(pattern: str) -> list[tuple]:
    """The fixed-length sequences a phrase stands for; ``**`` becomes 0-3 wildcards."""
    out = []
    for words in _parse_alternatives(pattern.lower().replace("’", "'")):
        parts = []
        for w in words:
            if w == "**":
                parts.append([(), (ANY,), (ANY, ANY), (ANY, ANY, ANY)])
            elif w == "*":
                parts.append([(ANY,)])
            elif not WORD_OK.fullmatch(w) or (w.startswith("<") and w not in CLASSES):
                raise ValueError(f"phrase {pattern!r} has a word followlint cannot match: {w!r}")
            else:
                parts.append([(w,)])
        for combo in product(*parts):
            seq = tuple(x for chunk in combo for x in chunk)
            if any(x is not ANY for x in seq):
                out.append(seq)
            elif seq:
                raise ValueError(f"phrase {pattern!r} needs at least one word that is not a wildcard")
    return out


def _anchor(seq: tuple) -> int:
    best, best_score = -1, -1
    for i, word in enumerate(seq):
        if word is ANY:
            continue
        score = 1 if word in CLASSES else (2 if word in COMMON else 3 + len(word))
        if score > best_score:
            best, best_score = i, score
    return best


@dataclass(slots=True, frozen=True)
class Entry:
    kind: str
    subtype: str
    pattern: str
    seq: tuple
    anchor: int


class PhraseIndex:
    """Every phrase of every vocabulary, indexed for one pass over a text."""

    def __init__(self, vocabularies: list[dict[str, list[str]]]):
        self.index: dict[str, list[Entry]] = {}
        self.size = 0
        for vocabulary in vocabularies:
            for key, phrases in vocabulary.items():
                kind, _, subtype = key.partition("/")
                for phrase in phrases:
                    for seq in expand(phrase):
                        anchor = _anchor(seq)
                        entry = Entry(kind, subtype, phrase, seq, anchor)
                        self.index.setdefault(seq[anchor], []).append(entry)
                        self.size += 1

    def matches(self, tokens: Tokens):
        """Yield (entry, first_token, last_token) for every phrase occurrence."""
        index = self.index
        words, classes = tokens.words, tokens.classes
        n = len(words)
        for i in range(n):
            candidates = index.get(words[i])
            cls = classes[i]
            if cls:
                extra = index.get(cls)
                if extra:
                    candidates = (candidates or []) + extra
            if not candidates:
                continue
            for entry in candidates:
                first = i - entry.anchor
                last = first + len(entry.seq) - 1
                if first < 0 or last >= n:
                    continue
                for k, want in enumerate(entry.seq):
                    if want is ANY:
                        continue
                    j = first + k
                    if want != words[j] and want != classes[j]:
                        break
                else:
                    yield entry, first, last
