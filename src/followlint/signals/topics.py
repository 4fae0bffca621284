"""What a sentence is about: its content words, reduced to a crude common stem.

"received my plates" and "your plates were mailed" share the stem "plate"; that overlap is how
the timeline tells whether a reply addresses an issue. Stopwords come from the vocabularies.
"""
from __future__ import annotations

import re

# A hyphenated word is its parts and the whole without hyphens: "Wi-Fi" is "wifi", "re-quote"
# both "requote" and "quote".
WORD_RE = re.compile(r"[a-z][a-z']{0,30}(?:-[a-z][a-z']{0,30}){0,3}")


def stem(word: str) -> str:
    word = word.split("'", 1)[0]
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + keep
            break
    if len(word) > 3 and word[-1] == "e":
        word = word[:-1]
    return word


class Topics:
    def __init__(self, stopwords: set[str]):
        self.stopwords = stopwords
        self._stems: dict[str, str | tuple[str, ...]] = {}  # word -> stem(s), "" for a stopword or a short word

    def of(self, text: str, start: int = 0, end: int | None = None) -> frozenset[str]:
        end = len(text) if end is None else end
        stems = self._stems
        if len(stems) > 200_000:
            stems.clear()
        out = set()
        for word in WORD_RE.findall(text[start:end].lower()):
            found = stems.get(word)
            if found is None:
                found = stems[word] = self._stem(word)
            if isinstance(found, tuple):
                out.update(found)
            elif found:
                out.add(found)
        return frozenset(out)

    def _stem(self, word: str) -> str | tuple[str, ...]:
        """The word's stem ("" for a stopword or a short word); a hyphenated word's, its whole
        and its parts'."""
        if "-" in word:
            return tuple(filter(None, map(self._stem, forms(word))))
        return "" if word in self.stopwords or len(word) <= 2 else stem(word)


def forms(word: str) -> tuple[str, ...]:
    """A hyphenated word's whole without hyphens and its parts ("wi-fi": "wifi", "wi", "fi")."""
    return (word.replace("-", ""), *word.split("-")) if "-" in word else (word,)
