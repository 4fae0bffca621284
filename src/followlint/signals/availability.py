"""Days, parts of the day and ways to reach: which ones a customer rules out, and which ones a
time or an ask of ours names.

"Our goods-in bay is closed on Fridays", "mornings are impossible for me", "Monday to Thursday
only": a clause with days or parts of the day and a word that rules them out (or keeps only
them) gives a ``constraint/hours`` signal whose ``slots`` are the days and parts ruled out. A
time we name ("Tuesday 5 May at 9:30am", "Thursday morning") gets the part of the day it falls
in as its ``slots``; its weekday comes from the date the timeline resolves. Likewise "the
documents cannot be sent by email" gives a ``constraint/channel`` signal, and an ask of ours
the ways to reach or send it names ("could you email the PDFs?"). FL108 compares them.
"""
from __future__ import annotations

import re

from ..lexicon.words import WEEKDAYS, Words
from ..model import Signal

HOURS = "hours"  # constraint/hours
CHANNEL = "channel"  # constraint/channel
AWAY = "away"  # constraint/away
PARTS = ("morning", "afternoon", "evening")
WEEKEND = frozenset({"saturday", "sunday"})
WORKDAYS = frozenset(WEEKDAYS) - WEEKEND
# What ends a clause between two words: a comma, a semicolon, a dash between spaces, a bracket.
CLAUSE_BREAK_RE = re.compile(r"[,;:()\u2013\u2014]|\s-\s")
CLAUSE_JOINERS = frozenset({"but", "so", "though", "although", "whereas", "however"})
CLOCK_RE = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?(am|pm|a\.m|p\.m)?\.?$")
NOON, EVENING = 12, 17
AFTERNOON_WITHOUT_PM = range(1, 7)  # "at 3" in business talk is 3pm
NAMED_TIME_REACH = 3  # "Tuesday 5 May at 9:30am": the clock time a few words after the day
CUE_REACH = 3  # "I'm not in on Mondays": the cue at most this many words from the day
CHANNEL_CUE_REACH = 7  # "our policy doesn't allow them to be sent by email": a denial reaches over its verb
DATE_REACH = 3  # "until the 20th", "till Monday 12 June": the date a few words after "until"
ORDINAL_RE = re.compile(r"\d")  # "20th", "12", "12/06": a day of the month
# Asks of ours: the ways to reach or send their sentence names ("could you email the PDFs?").
ASKS_A_WAY = frozenset({"request", "ask_online", "ask_call", "ask_visit", "ask_meeting", "ask_business", "ask_way"})


class SlotWords:
    """The loaded vocabularies' words for days and parts of the day, as look-ups."""

    def __init__(self, words: Words):
        self.slot: dict[str, frozenset[str]] = {}
        for day, found in words.members("weekday").items():
            for word in found:
                self.slot[word] = frozenset({day})
                if len(word) > 3:
                    self.slot[word + "s"] = frozenset({day})  # "Fridays"
        expand = {"weekend": WEEKEND, "weekday": WORKDAYS}
        for part, found in words.members("day_part").items():
            for word in found:
                self.slot[word] = expand.get(part, frozenset({part}))
        availability = words.members("availability")
        self.ruled_out = availability.get("ruled_out", frozenset())
        self.only = availability.get("only", frozenset())
        self.past = availability.get("past", frozenset())
        self.range = availability.get("range", frozenset())
        self.parts = {word: part for part, found in words.members("day_part").items() if part in PARTS
                      for word in found}
        self.channel = {word: channel for channel, found in words.members("channel").items() for word in found}
        self.softeners = availability.get("softener", frozenset())
        self.means = availability.get("means", frozenset())
        self.after = availability.get("after", frozenset())
        self.before = availability.get("before", frozenset())
        self.bounds = self.after | self.before
        self.until = availability.get("until", frozenset())
        self.months = frozenset().union(*words.members("month").values())
        self.negators = words["negator"]
        self.places = availability.get("place", frozenset())
        # A clause rules hours out only around a day, a part of the day or a bound ("after 2pm")
        self.hour_cues = frozenset(self.slot) | self.bounds
        self.cues = self.hour_cues | self.only | frozenset(self.channel)  # what ruled_out looks for


def ruled_out(text: str, tokens, words: Words) -> list[Signal]:
    """A ``constraint/hours`` signal for each clause of the text that rules days or parts of
    the day out, and a ``constraint/channel`` one for each that rules a way to reach or send
    out ("the documents cannot be sent by email")."""
    known = words.memo(SlotWords)
    said = known.cues.intersection(tokens.words)  # one pass over the words; then only these
    hours = not known.slot.keys().isdisjoint(said) or (not known.only.isdisjoint(said) and not known.bounds.isdisjoint(said))
    channels = not known.channel.keys().isdisjoint(said)
    if not (hours or channels):
        return []
    # A sentence with none of the cues has no clause to read.
    hour_sentences = set(tokens.sentences_with(known.hour_cues & said)) if hours else set()
    channel_sentences = set(tokens.sentences_with(known.channel.keys() & said)) if channels else set()
    out = []
    for index in sorted(hour_sentences | channel_sentences):
        first, last = tokens.word_range(index)
        hours_here, channels_here = index in hour_sentences, index in channel_sentences
        for a, b in clauses(text, tokens, first, last):
            found = [_clause_signal(text, tokens, a, b, index, known) if hours_here else None,
                     _channel_signal(text, tokens, a, b, index, known) if channels_here else None]
            out.extend(s for s in found if s is not None)
    return out


def absences(text: str, tokens, words: Words) -> list[Signal]:
    """A ``constraint/away`` signal on each clause that says the customer cannot, or will not
    be here, until a date: a denial before "until" ("won't be out until the 20th", "we don't
    need it till March") or a place they are at ("working from Lisbon until 12 June")."""
    known = words.memo(SlotWords)
    if known.until.isdisjoint(tokens.words):
        return []
    out = []
    for index in tokens.sentences_with(known.until):  # a clause without "until" says no date
        first, last = tokens.word_range(index)
        for a, b in clauses(text, tokens, first, last):
            words_ = tokens.words[a:b]
            at = next((j for j, w in enumerate(words_) if w in known.until and _dated(words_[j + 1:j + 1 + DATE_REACH], known)), None)
            if at is None or not known.past.isdisjoint(words_):
                continue
            before = words_[:at]
            if not known.negators.isdisjoint(before) or _at_a_place(text, tokens, a, a + at, known):
                out.append(_constraint(text, tokens, a, b, index, AWAY, frozenset()))
    return out


def _dated(words: list[str], known: SlotWords) -> bool:
    """Do the words after "until" name a day: a weekday, a month, a day of the month?"""
    return any(w in known.slot or w in known.months or ORDINAL_RE.match(w) for w in words)


def _at_a_place(text: str, tokens, a: int, b: int, known: SlotWords) -> bool:
    """A place name after "from", "in" or "at" in words [a, b) ("working from Lisbon")."""
    return any(tokens.words[j - 1] in known.places and text[tokens.starts[j]:tokens.starts[j] + 1].isupper()
               for j in range(a + 1, b))


def _channel_signal(text: str, tokens, a: int, b: int, sentence: int, known: SlotWords) -> Signal | None:
    words = tokens.words[a:b]
    # The way as a means ("sent by email", "no calls", "can't take calls"), not a thing that went
    # wrong ("I don't receive any email", "my email account doesn't work").
    named = [j for j, w in enumerate(words) if w in known.channel and (
        (j > 0 and words[j - 1] in known.means) or any(w in known.ruled_out for w in words[max(0, j - 2):j]))]
    if not named or not known.past.isdisjoint(words) or not _near(words, named, known.ruled_out, CHANNEL_CUE_REACH):
        return None
    return _constraint(text, tokens, a, b, sentence, CHANNEL, frozenset(known.channel[words[j]] for j in named))


def _constraint(text: str, tokens, a: int, b: int, sentence: int, subtype: str, slots: frozenset) -> Signal:
    """A constraint on the clause of words [a, b), ruling ``slots`` out."""
    start, end = tokens.starts[a], tokens.ends[b - 1]
    return Signal(kind="constraint", subtype=subtype, start=start, end=end, text=text[start:end],
                  sentence=sentence, first_word=a, last_word=b - 1, slots=slots)


def channel_imperatives(text: str, tokens, words: Words, after: int = 0) -> list[Signal]:
    """An ``ask_way`` signal on each sentence of ours that opens by telling the customer to use a
    way to reach or send ("Just email the PDFs over to me", "Please ring us on..."), the way it
    names as its slots. ``after``: where a CRM activity's title ("Call - Bean There") ends."""
    known = words.memo(SlotWords)
    if known.channel.keys().isdisjoint(tokens.words):
        return []
    out = []
    for index, (begin, end) in enumerate(tokens.sentences):
        if begin < after:
            continue
        first, last = tokens.word_range(index)
        j = first
        while j < last and tokens.words[j] in known.softeners:
            j += 1
        if j < last and tokens.words[j] in known.channel:
            out.append(Signal(kind="ask_way", start=tokens.starts[j], end=tokens.ends[j],
                              text=text[tokens.starts[j]:tokens.ends[j]], sentence=index, first_word=j, last_word=j,
                              slots=frozenset({known.channel[tokens.words[j]]})))
    return out


def channels_named(tokens, sentence: int, words: Words) -> frozenset[str]:
    """The ways to reach or send a sentence of ours names ("could you email the PDFs?")."""
    known = words.memo(SlotWords)
    first, last = tokens.word_range(sentence)
    return frozenset(known.channel[w] for w in tokens.words[first:last] if w in known.channel)


def clauses(text: str, tokens, first: int, last: int):
    """Word ranges [a, b) of the clauses of one sentence."""
    a = first
    for j in range(first + 1, last):
        if tokens.words[j] in CLAUSE_JOINERS or CLAUSE_BREAK_RE.search(text, tokens.ends[j - 1], tokens.starts[j]):
            yield a, j
            a = j
    if a < last:
        yield a, last


def _clause_signal(text: str, tokens, a: int, b: int, sentence: int, known: SlotWords) -> Signal | None:
    words = tokens.words[a:b]
    named = [j for j, w in enumerate(words) if w in known.slot]
    if not known.past.isdisjoint(words):
        return None
    if not named:
        return _bounded(text, tokens, a, b, sentence, known)
    slots = set()
    for j in named:
        slots |= known.slot[words[j]]
        # "Monday to Thursday", "Mon-Thu": the days between count too.
        dash = j + 1 < len(words) and text[tokens.ends[a + j]:tokens.starts[a + j + 1]].strip() == "-"
        if j + 2 < len(words) and words[j + 2] in known.slot and (words[j + 1] in known.range or dash):
            slots |= _days_between(words[j], words[j + 2], known)
        elif dash and words[j + 1] in known.slot:
            slots |= _days_between(words[j], words[j + 1], known)
    if _near(words, named, known.ruled_out):
        ruled = frozenset(slots)
    elif _near(words, named, known.only):
        days, parts = slots & set(WEEKDAYS), slots & set(PARTS)
        ruled = (frozenset(WEEKDAYS) - days if days else frozenset()) | (frozenset(PARTS) - parts if parts else frozenset())
    else:
        return None
    return _constraint(text, tokens, a, b, sentence, HOURS, ruled) if ruled else None


def _bounded(text: str, tokens, a: int, b: int, sentence: int, known: SlotWords) -> Signal | None:
    """"Lessons only after 2pm": the parts of the day wholly on the wrong side of a clock time
    that an "only" bounds."""
    words = tokens.words[a:b]
    for j, word in enumerate(words[:-1]):
        if word not in known.after and word not in known.before:
            continue
        hour = _clock_hour(tokens, a + j + 1)
        if hour is None or not _near(words, [j], known.only):
            continue
        if word in known.after:
            ruled = {"morning"} if hour >= NOON else set()
            ruled |= {"afternoon"} if hour >= EVENING else set()
        else:
            ruled = {"evening"} if hour <= EVENING else set()
            ruled |= {"afternoon"} if hour <= NOON else set()
        if ruled:
            return _constraint(text, tokens, a, b, sentence, HOURS, frozenset(ruled))
    return None


def _near(words: list[str], named: list[int], cues, reach: int = 0) -> bool:
    """Is a cue within a few words of a day or part named ("closed on Fridays", "mornings are
    impossible"), not elsewhere in a long clause ("after the storm on Saturday... missing off the
    front")?"""
    reach = reach or CUE_REACH
    return any(w in cues and any(abs(i - j) <= reach for j in named) for i, w in enumerate(words))


def _days_between(first: str, last: str, known: SlotWords) -> set[str]:
    (one,), (two,) = known.slot[first], known.slot[last]
    if one not in WEEKDAYS or two not in WEEKDAYS:
        return set()
    i, j = WEEKDAYS.index(one), WEEKDAYS.index(two)
    return {WEEKDAYS[k % 7] for k in range(i, j + 1 if j >= i else j + 8)}


def part_of_day(tokens, first: int, last: int, words: Words) -> frozenset[str]:
    """The part of the day a time names: its clock time ("9:30am", "at 3") or its words
    ("Thursday morning"), in its own words or the few after them."""
    known = words.memo(SlotWords)
    for j in range(first, min(last + 1 + NAMED_TIME_REACH, len(tokens.words))):
        word = tokens.words[j]
        if word in known.parts:
            return frozenset({known.parts[word]})
        hour = _clock_hour(tokens, j)
        if hour is not None:
            return frozenset({"morning" if hour < NOON else "afternoon" if hour < EVENING else "evening"})
    return frozenset()


def _clock_hour(tokens, j: int) -> int | None:
    """The hour (0-23) of a clock time at word ``j`` ("9:30am", "2pm", "14:30", "at 3")."""
    clock = CLOCK_RE.match(tokens.words[j])
    if clock is None:
        return None
    hour, minutes, half = int(clock.group(1)), clock.group(2), clock.group(3)
    if half is None and j + 1 < len(tokens.words) and tokens.words[j + 1].rstrip(".") in ("am", "pm", "a.m", "p.m"):
        half = tokens.words[j + 1]
    if half is None and minutes is None and not (j > 0 and tokens.words[j - 1] == "at"):
        return None  # "5 May": a day of the month, not a time ("at 3" is one)
    if hour > 23:
        return None
    if half and half.startswith("p") and hour < NOON:
        hour += NOON
    elif half is None and hour in AFTERNOON_WITHOUT_PM:
        hour += NOON
    return hour
