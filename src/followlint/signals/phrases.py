"""Phrase patterns over words, compiled for a linear-time scan.

A phrase is written as lowercase words with ``(a|b c)`` alternatives, ``[optional words]``
(or ``(optional words)?``),
``*`` (any one word), ``**`` (up to three words) and token classes ``<num> <url>
<weekday> <month> <time> <money> <past> <ordinal>`` (``<past>``: a past participle, "booked", "sent";
``<ordinal>``: "12th"). Each phrase expands into fixed-length sequences of position tests;
every sequence is indexed under one of its literal words (its anchor). Matching looks up each
word of the text in that index and checks the few sequences anchored there (an anchor with
many, such as "let me", first picks those its next word allows), so the cost is linear in the
text whatever the input: no regular-expression backtracking is involved.

Contractions are read expanded, in the text and in the phrases alike (``Contractions``, from
the ``contraction`` word list): "who's" is "who is", "I'd" is "I would", so a phrase written
either way matches both. Both words of an expanded contraction keep the span of the word as
written, so evidence still quotes the text.
"""
from __future__ import annotations

import pickle
import re
from array import array
from bisect import bisect_left, bisect_right
from itertools import accumulate, compress, count, islice, product
from operator import itemgetter
from typing import NamedTuple

from ..lexicon.words import current as current_words

# Words in the text. Apostrophes inside words are kept ("won't", "i'll"); a URL is one token.
# The URL run is bounded ({0,2000}) so a failed attempt never rescans far: linear time.
TOKEN_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"')\]]{0,2000}[^\s<>\"')\].,;:!?]"
    r"|\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?|\w+(?:['’]\w+)*|[?!%$£€]"
)
# The same tokens, captured, for ``re.split``: it gives gap, word, gap, ..., gap, so the words
# and their offsets come from the pieces' lengths, with no Match object per word.
TOKEN_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})")
WORD_RE = re.compile(r"\w+(?:['’]\w+)*")
# A sentence ends at . ! ? before a space, at a blank line, or at the end of a short line
# (a newline not preceded by SHORT_LINE other characters; longer lines are wrapped text).
SHORT_LINE = 50
# Written as one character first, then what follows it (the first character looked back at),
# so that the regular expression engine skips at C speed to the few places a break may start:
# the same matches as "[.!?]{1,8}[\"')\]]{0,3}(?=\s)|\n[ \t]{0,200}\n|\n(?<![^\n]{50}\n)", at a
# third of the cost.
SENTENCE_BREAK_RE = re.compile(
    r"[.!?\n](?:(?<=[.!?])[.!?]{0,7}[\"')\]]{0,3}(?=\s)|(?<=\n)[ \t]{0,200}\n"
    + rf"|(?<=\n)(?<![^\n]{{{SHORT_LINE}}}\n))"
)

CLASSES = ("<num>", "<ordinal>", "<url>", "<weekday>", "<month>", "<time>", "<money>", "<past>")
CLASS_SET = frozenset(CLASSES)
# Any letters (a language pack writes "möchte" or "café"), apostrophes inside, or a class.
WORD_OK = re.compile(r"\w+(?:'\w+)*|'\w+|<[a-z]+>|[?!%$£€]")
ORDINAL_RE = re.compile(r"\d{1,2}(?:st|nd|rd|th)$")
TIME_RE = re.compile(r"\d{1,2}(?:am|pm|h\d\d)?$|\d{3,4}(?:am|pm)$")


class Contractions:
    """Splits a contraction into the words it stands for ("we'll" -> "we", "will"), from the
    ``contraction`` word list: whole words first, then endings ("n't", "'ll") of any word."""

    def __init__(self, words):
        self.whole: dict[str, tuple[str, ...]] = {}
        endings = []
        for entry in words["contraction"]:
            form, *expansion = entry.replace("’", "'").split()
            if form.startswith(("'", "n'")):
                endings.append((form, tuple(expansion)))
            else:
                self.whole[form] = tuple(expansion)
        self.endings = sorted(endings, key=lambda e: -len(e[0]))
        # Whole words written without an apostrophe ("cannot"): looked for in the text too.
        self.bare = frozenset(w for w in self.whole if "'" not in w)
        self._memo: dict[str, tuple[str, ...] | None] = {}

    def split(self, word: str) -> tuple[str, ...] | None:
        """The words ``word`` stands for, or None when it is not a contraction."""
        try:
            return self._memo[word]
        except KeyError:
            pass
        parts = self.whole.get(word)
        if parts is None and "'" in word:
            for ending, expansion in self.endings:
                if word.endswith(ending) and len(word) > len(ending) and word[-len(ending) - 1] != "'":
                    parts = (word[: -len(ending)], *expansion)
                    break
        if len(self._memo) > 50_000:
            self._memo.clear()
        self._memo[word] = parts
        return parts


def current_contractions() -> Contractions:
    return current_words().memo(Contractions)


class TokenClasses(dict):
    """word -> its token class ("" for none), filled as words are met: most words of a
    mailbox recur, so each is classified once. The calendar words and the irregular past
    participles come from the loaded vocabularies' word lists."""

    def __init__(self, words):
        super().__init__()
        self.weekdays = frozenset().union(*words.members("weekday").values())
        self.months = frozenset().union(*words.members("month").values())
        self.past = words["past_participle"]
        self.contractions = words.memo(Contractions)
        self.abbreviations = Abbreviations(words["abbreviation"], words["title"], self.months | self.weekdays)

    def __missing__(self, word: str) -> str:
        if len(self) > 200_000:
            self.clear()
        self[word] = cls = self.classify(word)
        return cls

    def classify(self, word: str) -> str:
        if word[0] in "hw" and (word.startswith(("http://", "https://", "www."))):
            return "<url>"
        if word.isdigit():
            return "<num>"
        if ORDINAL_RE.match(word):
            return "<ordinal>"
        if word in self.weekdays:
            return "<weekday>"
        if word in self.months:
            return "<month>"
        if word[0].isdigit() and (TIME_RE.match(word) or ":" in word or "." in word):
            return "<time>"
        if word in ("$", "£", "€"):
            return "<money>"
        if word in self.past or (word.endswith("ed") and len(word) > 4 and word.isalpha()):
            return "<past>"
        return ""


def current_classes() -> TokenClasses:
    """The token classes of the words loaded last (see ``followlint.lexicon.words``)."""
    return current_words().memo(TokenClasses)


class Tokens:
    """The words of a text. Per-word work is done in comprehensions; token classes and
    sentence positions are computed only for the few words a phrase is anchored on."""

    __slots__ = ("starts", "ends", "words", "classes", "sentences", "_sentence_starts")

    def __init__(self, text: str, class_of: TokenClasses | None = None):
        lowered = text.lower().replace("’", "'")
        # Offsets as integer arrays, not Match objects: millions of those kept alive made the
        # garbage collector's walks, and so a huge body's lint time, grow faster than the text.
        pieces = TOKEN_SPLIT_RE.split(lowered)
        bounds = list(accumulate(map(len, pieces)))
        words, starts, ends = pieces[1::2], bounds[0:-1:2], bounds[1::2]
        del pieces, bounds
        class_of = class_of if class_of is not None else current_classes()
        contractions = class_of.contractions
        if "'" in lowered or any(w in lowered for w in contractions.bare):
            words, starts, ends = _expand_contractions(words, starts, ends, contractions)
        self.words = words
        self.starts = array("l", starts)
        self.ends = array("l", ends)
        found = list(map(class_of.__getitem__, words))  # "" for a word of no class
        self.classes = dict(zip(compress(count(), found), filter(None, found)))
        self.sentences = split_sentences(text, class_of.abbreviations)
        self._sentence_starts = [a for a, _ in self.sentences]

    def start(self, i: int) -> int:
        return self.starts[i]

    def end(self, i: int) -> int:
        return self.ends[i]

    def sentence_at(self, i: int) -> int:
        return max(0, bisect_right(self._sentence_starts, self.starts[i]) - 1)

    def word_range(self, index: int) -> tuple[int, int]:
        """The words [first, last) of sentence ``index``."""
        begin, end = self.sentences[index]
        return bisect_left(self.starts, begin), bisect_left(self.starts, end)

    def sentences_with(self, cues) -> list[int]:
        """The sentences, in order, with a word among ``cues`` in their ``word_range``: found
        from the cue words' offsets, so a detector reads only those sentences."""
        marks = bytes(map(cues.__contains__, self.words))  # 1 at each cue word: found at C speed
        found = []
        j = marks.find(1)
        while j >= 0:
            start = self.starts[j]
            index = bisect_right(self._sentence_starts, start) - 1
            end = self.sentences[index][1] if index >= 0 else 0
            if start < end:
                found.append(index)
            j = marks.find(1, max(j + 1, bisect_left(self.starts, end)))  # on past the sentence
        return found

    def words_per_sentence(self, text: str) -> list[int]:
        return [len(WORD_RE.findall(text, a, b)) for a, b in self.sentences]


def _expand_contractions(words: list[str], starts: list[int], ends: list[int], contractions: Contractions):
    """The words with each contraction replaced by the words it stands for; each of those
    keeps the whole written word's span (evidence never cuts "haven't" into "n't")."""
    split, bare = contractions.split, contractions.bare
    found = [(i, parts) for i, w in enumerate(words) if ("'" in w or w in bare) and (parts := split(w))]
    if not found:
        return words, starts, ends
    new_words: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    done = 0
    for i, parts in found:
        new_words += words[done:i]
        new_starts += starts[done:i]
        new_ends += ends[done:i]
        new_words += parts
        new_starts += [starts[i]] * len(parts)
        new_ends += [ends[i]] * len(parts)
        done = i + 1
    new_words += words[done:]
    new_starts += starts[done:]
    new_ends += ends[done:]
    return new_words, new_starts, new_ends


def tokenize(text: str, class_of: TokenClasses | None = None) -> Tokens:
    return Tokens(text, class_of)


# The word before a full stop, looked at only this far back ("approx", "e.g").
ABBREVIATION_LOOKBACK = 8


class Abbreviations:
    """The words whose full stop ends no sentence: titles always ("Dr. Patel"), the others
    before a number or a lowercase word ("Nov. 3 was canceled", "approx. 20 units")."""

    def __init__(self, abbreviations: frozenset[str], titles: frozenset[str], calendar: frozenset[str]):
        self.titles = titles
        self.before_lower = abbreviations | titles | calendar

    def continues(self, text: str, stop: int) -> bool:
        """Is the full stop at ``text[stop]`` part of an abbreviation the sentence goes on after?"""
        start = stop
        while start > 0 and stop - start < ABBREVIATION_LOOKBACK and (text[start - 1].isalpha() or text[start - 1] == "."):
            start -= 1
        word = text[start:stop].lower()
        if not word or (start > 0 and text[start - 1].isalnum()) or word not in self.before_lower:
            return False
        if word in self.titles:
            return True
        after = text[stop + 1:stop + 3].lstrip()
        return bool(after) and (after[0].isdigit() or after[0].islower())


def split_sentences(text: str, abbreviations: Abbreviations) -> list[tuple[int, int]]:
    spans = []
    begin = 0
    ends = [m.end() for m in SENTENCE_BREAK_RE.finditer(text)
            if m.group() != "." or not abbreviations.continues(text, m.start())]
    ends.append(len(text))
    for end in ends:
        piece = text[begin:end]
        stripped = piece.strip()
        if stripped:  # the span without its leading and trailing white space
            first = begin + len(piece) - len(piece.lstrip())
            spans.append((first, first + len(stripped)))
        begin = end
    return spans or [(0, len(text))]


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
                if close == "]" or (pos < len(pattern) and pattern[pos] == "?"):
                    if close == ")":
                        pos += 1  # "(group)?" is optional, like "[group]"
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


# A group of single-word alternatives, "(ok|okay|fine)", compiles to one position that
# accepts any of its words, so phrases do not multiply out into every combination.
_ALTS = r"[a-z0-9%$£€<>][a-z0-9'%$£€<>]*(?:\|[a-z0-9%$£€<>][a-z0-9'%$£€<>]*)"
WORD_SET_RE = re.compile(
    rf"(?<![\w'])\(({_ALTS}+)\)(?!\?)"  # (a|b): one position
    rf"|(?<![\w'])\[({_ALTS}*)\]|(?<![\w'])\(({_ALTS}*)\)\?"  # [a|b] or (a|b)?: optional position
)


_VALID: set = set()  # word sets already checked
_SLOTS: dict = {}  # each distinct word set, once


def expand(pattern: str, contractions: Contractions | None = None) -> list[tuple]:
    """The fixed-length sequences of positions a phrase stands for. A position is a frozenset
    of accepted words (and classes), or ANY; ``**`` becomes 0-3 ANY positions. A contraction
    is read as the words it stands for, as in the text (``Contractions``)."""
    contractions = contractions if contractions is not None else current_contractions()
    sets: list[frozenset] = []

    def to_set(match: re.Match) -> str:
        words = match.group(1) or match.group(2) or match.group(3)
        sets.append(frozenset(words.split("|")))
        return f" #{len(sets) - 1} " if match.group(1) else f" [#{len(sets) - 1}] "

    # Hyphens split words as the tokenizer does; "how('s| is)" glues "'s" to "how" ("how's").
    skeleton = WORD_SET_RE.sub(to_set, pattern.lower().replace("’", "'").replace("-", " "))
    out = []
    for words in _parse_alternatives(skeleton):
        glued: list[str] = []
        for w in words:
            if w.startswith("'") and glued and glued[-1] not in ("*", "**") and not glued[-1].startswith("#"):
                glued[-1] += w
            else:
                glued.append(w)
        parts = []
        for w in glued:
            if w == "**":
                parts.append([(), (ANY,), (ANY, ANY), (ANY, ANY, ANY)])
            elif w == "*":
                parts.append([(ANY,)])
            elif w == "?":
                raise ValueError(f"phrase {pattern!r} has a lone '?': write an optional group as (words)? with no space")
            else:
                slot = sets[int(w[1:])] if w.startswith("#") else frozenset((w,))
                slot = _SLOTS.setdefault(slot, slot)  # one object per word set: a small cache file
                if slot not in _VALID:
                    for word in slot:
                        if not WORD_OK.fullmatch(word) or (word.startswith("<") and word not in CLASSES):
                            raise ValueError(f"phrase {pattern!r} has a word followlint cannot match: {word!r}")
                    _VALID.add(slot)
                parts.append(_expanded(slot, contractions))
        for combo in product(*parts):
            seq = tuple(x for chunk in combo for x in chunk)
            if any(x is not ANY for x in seq):
                out.append(seq)
            elif seq:
                raise ValueError(f"phrase {pattern!r} needs at least one word that is not a wildcard")
    return list(dict.fromkeys(out))  # "(i'm|i am)" gives "i am" twice


def _expanded(slot: frozenset, contractions: Contractions) -> list[tuple]:
    """The positions a word set stands for once its contractions are expanded: one chunk per
    shape ("(i'll|we'll|i)" -> "(i|we) will" and "i")."""
    groups: dict[tuple, set] = {}
    for word in slot:
        words = contractions.split(word) or (word,)
        groups.setdefault(words[1:], set()).add(words[0])
    if len(groups) == 1 and () in groups:
        return [(slot,)]
    chunks = []
    for tail, heads in groups.items():
        chunk = (frozenset(heads), *(frozenset((t,)) for t in tail))
        chunks.append(tuple(_SLOTS.setdefault(x, x) for x in chunk))
    return chunks


# Numbers and past participles are everywhere; a date, a time or a price is rarer than "the".
CLASS_SCORES = {"<num>": 1, "<past>": 1, "<ordinal>": 4, "<time>": 4, "<weekday>": 4, "<month>": 4,
                "<money>": 4, "<url>": 3}
MAX_PAIR_KEYS = 24


class _Anchoring:
    """Where to index a sequence: on its most selective word, or pair of words. Words of the
    ``common`` word list ("the", "you") are the least selective."""

    def __init__(self, common: frozenset[str]):
        self.common = common
        self.scores: dict = {}

    def score(self, slot) -> int:
        """How selective a position is as an anchor (a word set scores as its commonest word)."""
        if slot is ANY:
            return -100
        score = self.scores.get(slot)
        if score is None:
            score = self.scores[slot] = min(self.word_score(w) for w in slot)
        return score

    def word_score(self, word: str) -> int:
        return CLASS_SCORES[word] if word in CLASS_SET else (2 if word in self.common else 3 + len(word))

    def anchor(self, seq: tuple) -> tuple[int, int]:
        """The best pair of adjacent literal positions (fewest false candidates), else the best
        single position. Returns (position, width)."""
        best, best_score, width = -1, -1, 1
        score = self.score
        for i in range(len(seq) - 1):
            a, b = seq[i], seq[i + 1]
            if a is ANY or b is ANY or len(a) * len(b) > MAX_PAIR_KEYS or not CLASS_SET.isdisjoint(a) or not CLASS_SET.isdisjoint(b):
                continue
            pair = score(a) + score(b) + 100
            if pair > best_score:
                best, best_score, width = i, pair, 2
        for i, slot in enumerate(seq):
            single = score(slot)
            if single > best_score:
                best, best_score, width = i, single, 1
        return best, width


def _keys(seq: tuple, anchor: int, width: int) -> list[str]:
    if width == 1:
        return list(seq[anchor])
    return [f"{a} {b}" for a in seq[anchor] for b in seq[anchor + 1]]


NARROW_FROM = 8  # entries under one key from which they are also sorted by a word nearby


def _narrowing(entries: list, used: frozenset = frozenset()) -> _Narrowing | None:
    """For a long list of entries under one key: the offset from the anchor (one not ``used``
    already) of the word that tells most of them apart, the places in the list of the entries
    that want each word there, and the places of the rest (no plain word there: a wildcard, a
    class, the phrase's end). ``matches`` then tests only the entries the text's word there
    allows, narrowed again by another offset while they are many (``_Narrowing.below``)."""
    if len(entries) < NARROW_FROM:
        return None
    counts: dict[int, int] = {}
    for entry in entries:
        for offset, want in entry.checks:
            if offset not in used and CLASS_SET.isdisjoint(want):
                counts[offset] = counts.get(offset, 0) + 1
    if not counts:
        return None
    offset = max(counts, key=lambda k: (counts[k], -abs(k), k))
    by_word: dict[str, list[int]] = {}
    rest = []
    for place, entry in enumerate(entries):
        want = dict(entry.checks).get(offset)
        if want is None or not CLASS_SET.isdisjoint(want):
            rest.append(place)
        else:
            for word in want:
                by_word.setdefault(word, []).append(place)
    return _Narrowing(entries, offset, by_word, rest, used | {offset})


class _Narrowing:
    __slots__ = ("entries", "offset", "by_word", "rest", "used", "_below")

    def __init__(self, entries: list, offset: int, by_word: dict, rest: list[int], used: frozenset):
        self.entries, self.offset, self.by_word, self.rest, self.used = entries, offset, by_word, rest, used
        self._below: dict[str | None, tuple] = {}

    def below(self, word: str | None) -> tuple[list, _Narrowing | None]:
        """The entries to test when the text has ``word`` at the offset (None: past the text's
        end), in the list's order, and their own narrowing; worked out when first met ("let
        me" + "know" still leaves some 250 entries, which the next word tells apart)."""
        places = self.by_word.get(word)
        key = word if places is not None else None
        found = self._below.get(key)
        if found is None:
            chosen = [self.entries[place] for place in (sorted(self.rest + places) if places else self.rest)]
            found = self._below[key] = (chosen, _narrowing(chosen, self.used))
        return found


BLOCK = 64  # entries per block of the cached index: the unit decoded on first use


class Entry(NamedTuple):  # a tuple: tens of thousands of them, stored plain in the cache
    kind: str
    subtype: str
    pattern: str
    seq: tuple  # frozensets of accepted words, or ANY
    anchor: int
    width: int  # 1: indexed by one word, 2: by a pair of words
    # (offset from the anchor, accepted words) of the positions left to test once the anchor
    # is found: not the anchor's own words, not a wildcard
    checks: tuple = ()


def _checks(seq: tuple, anchor: int, width: int) -> tuple:
    return tuple((k - anchor, want) for k, want in enumerate(seq)
                 if want is not ANY and not anchor <= k < anchor + width)


class PhraseIndex:
    """Every phrase of every vocabulary, indexed for one pass over a text."""

    FORMAT = 12  # part of the on-disk cache key: bump when the index or its anchoring changes

    def __init__(self, vocabularies: list[dict[str, list[str]]], common: frozenset[str] | None = None,
                 contractions: Contractions | None = None):
        """``common``: the words not to anchor on; by default the ``common`` word list of the
        words loaded last; ``contractions`` likewise."""
        anchoring = _Anchoring(current_words()["common"] if common is None else common)
        contractions = contractions if contractions is not None else current_contractions()
        self.index: dict[str, list[Entry]] = {}  # anchored on one word (or class)
        self.pairs: dict[str, list[Entry]] = {}  # anchored on two words, "first second"
        for vocabulary in vocabularies:
            for key, phrases in vocabulary.items():
                kind, _, subtype = key.partition("/")
                for phrase in phrases:
                    for seq in expand(phrase, contractions):
                        anchor, width = anchoring.anchor(seq)
                        entry = Entry(kind, subtype, phrase, seq, anchor, width, _checks(seq, anchor, width))
                        table = self.pairs if width == 2 else self.index
                        for key in _keys(seq, anchor, width):
                            table.setdefault(key, []).append(entry)
        self._narrowed: dict[int, _Narrowing | None] = {}

    def __getstate__(self):
        # The entries go in small pickled blocks and each key's list as packed entry numbers:
        # loading is then a few thousand bytes objects, and a run decodes only the blocks its
        # words reach (one draft: a few dozen of some 900). Each entry is stored once.
        entries: list[Entry] = []
        numbers: dict[int, int] = {}  # id(entry) -> its place in entries

        def number(entry: Entry) -> int:
            if id(entry) not in numbers:
                numbers[id(entry)] = len(entries)
                entries.append(entry)
            return numbers[id(entry)]

        index, pairs = ({key: array("I", map(number, self.entries(found))).tobytes() for key, found in table.items()}
                        for table in (self.index, self.pairs))
        blocks = [pickle.dumps([tuple(e) for e in entries[i:i + BLOCK]], protocol=pickle.HIGHEST_PROTOCOL)
                  for i in range(0, len(entries), BLOCK)]
        return blocks, index, pairs

    def __setstate__(self, state):
        self._blocks, self.index, self.pairs = state  # a table's value stays packed (bytes) until met
        self._decoded = [None] * (len(self._blocks) * BLOCK)  # entries by number, once their block is
        self._lists: dict[bytes, list[Entry]] = {}  # packed value -> its entries, once decoded
        self._narrowed = {}

    def entries(self, found) -> list[Entry]:
        """A table's value as its list of entries: decoded on first use when it came packed
        from the cache (and kept, so it is the same list each time)."""
        if found.__class__ is not bytes:
            return found
        entries = self._lists.get(found)
        if entries is None:
            numbers = array("I", found)
            entries = list(map(self._decoded.__getitem__, numbers))
            if None in entries:
                for block in {number // BLOCK for number in numbers}:
                    self._decode(block)
                entries = list(map(self._decoded.__getitem__, numbers))
            self._lists[found] = entries
        return entries

    def _decode(self, block: int) -> None:
        start = block * BLOCK
        if self._decoded[start] is None:
            entries = pickle.loads(self._blocks[block])
            self._decoded[start:start + len(entries)] = map(Entry._make, entries)

    def decode_all(self) -> None:
        """Decode every entry now: a long run meets most of them, and decoded before it starts
        they are frozen out of the garbage collector's walks with the rest (``Linter.preload``)."""
        self.index, self.pairs = ({key: self.entries(found) for key, found in table.items()}
                                  for table in (self.index, self.pairs))

    def matches(self, tokens: Tokens):
        """Yield (entry, first_word, last_word) for every phrase occurrence."""
        index, pairs = self.index, self.pairs
        words, classes = tokens.words, tokens.classes
        n = len(words)
        # Where an anchor sits, found by look-ups mapped over the words (no Python code per
        # word): single words, then pairs, then token classes; sorted by position, stably.
        found = list(map(index.get, words))
        hits = list(zip(compress(count(), found), filter(None, found)))
        found = list(map(pairs.get, map(" ".join, zip(words, islice(words, 1, None)))))
        hits += zip(compress(count(), found), filter(None, found))
        hits += [(i, index[c]) for i, c in classes.items() if c in index]
        hits.sort(key=itemgetter(0))
        get_class = classes.get
        narrowed = self._narrowed
        for at, entries in hits:
            if entries.__class__ is bytes:  # as loaded from the cache: decoded when first met
                entries = self.entries(entries)
            if len(entries) >= NARROW_FROM:  # a long list: only the entries the word nearby allows
                try:
                    narrow = narrowed[id(entries)]
                except KeyError:  # worked out when first met (the lists live as long as the index)
                    narrow = narrowed[id(entries)] = _narrowing(entries)
                while narrow is not None:
                    j = at + narrow.offset
                    entries, narrow = narrow.below(words[j] if 0 <= j < n else None)
            for entry in entries:
                # The anchor's words are in place already: only the other positions are tested.
                _, _, _, seq, anchor, _, checks = entry
                first = at - anchor
                last = first + len(seq) - 1
                if first < 0 or last >= n:
                    continue
                for k, want in checks:
                    j = at + k
                    if words[j] not in want and get_class(j) not in want:
                        break
                else:
                    yield entry, first, last
