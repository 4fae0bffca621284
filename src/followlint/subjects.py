"""Mail subjects: the one normaliser of reply and forward prefixes ("Re:", "AW:", "Fwd:", "TR:").

The prefixes and their separators are word lists of the loaded vocabularies
(``subject_prefix/reply``, ``subject_prefix/forward``, ``subject_separator``), so a language
pack adds its own. A prefix counts only with its separator: "Truck delivery" and "Training"
start with no prefix, "TR: Training" with a forward.
"""
from __future__ import annotations

import re

from .lexicon.words import current as current_words


class SubjectPrefixes:
    def __init__(self, words):
        self.forward = words["subject_prefix/forward"]
        prefixes = words["subject_prefix/reply"] | self.forward
        separators = words["subject_separator"]
        self.first = self.chain = None
        if prefixes and separators:
            # Longest first, and every part bounded: linear time on any subject.
            names = "|".join(map(re.escape, sorted(prefixes, key=lambda p: (-len(p), p))))
            marks = "|".join(map(re.escape, sorted(separators, key=lambda s: (-len(s), s))))
            one = rf"\s{{0,5}}({names})\s{{0,3}}(?:\[\d{{1,4}}\])?\s{{0,3}}(?:{marks})"
            self.first = re.compile(one, re.I)
            self.chain = re.compile(rf"(?:{one})+", re.I)

    def strip(self, subject: str) -> str:
        """The subject without its leading prefixes ("Re: AW: Plates" -> " Plates")."""
        found = self.chain.match(subject) if self.chain else None
        return subject[found.end():] if found else subject

    def is_forward(self, subject: str) -> bool:
        """Does the subject start with a forward prefix ("Fwd:", "WG:", "TR:")?"""
        found = self.first.match(subject) if self.first else None
        return bool(found) and found.group(1).lower() in self.forward


def normalise_subject(subject: str) -> str:
    """The subject that threads a message: prefixes stripped, lowercase, spaces collapsed."""
    return " ".join(current_words().memo(SubjectPrefixes).strip(subject).lower().split())


def is_forward(subject: str) -> bool:
    return current_words().memo(SubjectPrefixes).is_forward(subject)
