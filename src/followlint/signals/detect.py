"""The signal stage: what each touch says, with the span that says it.

One pass per touch: tokenize, look every word up in the phrase index, then qualify each match
(negated? hypothetical? masked by a longer neutral phrase such as "no problem at all" or
"if you have any questions"?). Rules read the resulting ``Touch.signals``; they never see
phrases or regular expressions.
"""
from __future__ import annotations

import re
from copy import copy

from ..lexicon.words import Words
from ..model import Conversation, Direction, Signal, Span, Touch
from .activity import task_signals
from .assurances import assurances
from .availability import ASKS_A_WAY, absences, channel_imperatives, channels_named, part_of_day, ruled_out
from .declines import declines
from .denials import denials
from .prices import prices
from .referrals import KIND as REFERRAL_KIND, shaped_referral_asks
from .cache import cached_index
from .lacks import lacks
from .intent import MAX_WORDS, MIN_WORDS, load as load_intent
from .phrases import TokenClasses, tokenize
from .sentiment import Sentiment
from .topics import Topics

# Phrases of these kinds are context, not claims: they hide shorter phrases of other kinds
# that sit inside them ("no problem" hides "problem", "if you have any questions" hides
# "questions").
MASKING_KINDS = {"neutral", "boilerplate", "pleasantry"}
NEGATION_REACH = 3
HYPOTHETICAL_REACH = 8
# A supposition only when it opens its clause ("Should you need a hand, ..."); elsewhere it is
# advice or a way of speaking ("I should say", "you should bring it in").
INVERTED = frozenset({"should"})
# Kinds whose meaning already includes a negation ("won't start", "not received"): a negator
# inside or just before them is part of the phrase, not a denial of it.
SELF_NEGATING = {"issue", "constraint", "dissatisfaction", "objection", "neutral"}


# Signals whose subject matters to the timeline (is it addressed later?) carry a topic.
TOPICAL_KINDS = {"issue", "request", "question", "constraint", "commitment", "callback", "objection", "dissatisfaction"}
# Times we name ("Tuesday 5 May at 9:30am", value/proposal): the part of the day they fall in.
NAMED_TIMES = {"when", "proposal"}
# Promises whose time is said nearby ("I'll call you back in 3 days").
TIMED_KINDS = {"callback", "commitment", "think_it_over"}
# A conditional or a "would" before one of these belongs to another clause.
CLAUSE_JOINERS = frozenset({"and", "but"})
ASK_KINDS = frozenset({"ask_business", "ask_meeting", "ask_visit", "ask_online", "referral_ask", "nudge"})
CONDITIONAL_ASKING = frozenset({"if", "would"})  # "if you know anyone", "we'd love it if you..."
POLITE_IF = ("you", frozenset({"can", "could"}))  # "if you can give me the go-ahead today": a request
# Between two words, it ends the clause a qualifier reaches over: a comma, a colon, a bracket, a
# dash between spaces ("waiting to hear if they've won it - said ring me back in a fortnight").
CLAUSE_MARK_RE = re.compile(r"[,;:(\u2013\u2014]|\s-\s")
HANDLE_RE = re.compile(r"@\w+")  # a mention ("@AskPayPal"), as support posts open
NAME_RE = re.compile(r"\b[A-Z][a-z]{1,30}\b")  # a capitalised word: maybe a name the touch mentions
WORD_RE = re.compile(r"\w+")
# A text of this many words or more in which almost none is a stopword of the loaded
# vocabularies is in a language none of them reads ("Bekomme ich mein Geld nun wieder?"): any
# phrase it seems to match is a coincidence, so it says nothing the rules can read. Telegraphic
# English (a call note) still has its "to", "the" and "re" well above this share.
UNREAD_MIN_WORDS = 12
UNREAD_STOPWORD_SHARE = 0.12
LONGEST_WORD = 20


class SignalDetector:
    def __init__(self, vocabularies: list[dict[str, list[str]]], words: Words | None = None,
                 learned: bool = True):
        """``vocabularies``: phrases by signal kind, and word lists (``followlint.lexicon.words``);
        ``words``: those word lists already merged (the registry's), so they are built once;
        ``learned``: score sentences with the learned intent model (it costs time, so the
        engine asks for it only when a rule reads "intent")."""
        self.words = words if words is not None else Words(vocabularies)
        self.phrases = cached_index(vocabularies, self.words["common"])
        self.classes = TokenClasses(self.words)
        self.topics = Topics(self.words["stopword"])
        self.qualifiers = (self.words["negator"], self.words["hypothetical"])
        self.referral_qualifiers = (self.words["negator"], self.words["hypothetical"] - CONDITIONAL_ASKING)
        self.asking_verbs = self.words["asking_verb"]
        self.sentiment = Sentiment(self.words, [s for vocab in vocabularies for s in vocab.get("valence_lexicon", ())])
        self.intent = load_intent() if learned else None

    def _unread(self, text: str, tokens) -> bool:
        """Is the text in a language none of the vocabularies reads? Only its sentences of
        words count: figures, codes and a pasted base64 image are in no language. (The cheap
        count over all its words comes first: almost every text passes there.)"""
        if not self._few_stopwords(tokens.words):
            return False
        words = []
        for start, end in tokens.sentences:
            found = WORD_RE.findall(text, start, end)
            letters = [w.lower() for w in found if len(w) <= LONGEST_WORD and w.isalpha()]
            if 2 * len(letters) >= len(found):
                words += letters
        return self._few_stopwords(words)

    def _few_stopwords(self, words: list[str]) -> bool:
        return (len(words) >= UNREAD_MIN_WORDS
                and sum(map(self.topics.stopwords.__contains__, words)) < UNREAD_STOPWORD_SHARE * len(words))

    def annotate(self, conversation: Conversation) -> Conversation:
        """Each touch's signals. A touch that reads like one before it in the conversation (the
        same quoted message in several replies: a third of the text of enron-8k's audit) gets
        a copy of that one's reading instead of a second pass."""
        several = len(conversation.touches) > 1
        read: dict[tuple, Touch] = {}
        for touch in conversation.touches:
            key = _reading(touch)
            same = read.get(key)
            if same is None:
                read[key] = self.annotate_touch(touch, several)
            else:
                _copy_reading(same, touch, several)
        return conversation

    def annotate_touch(self, touch: Touch, several: bool = False) -> Touch:
        """``several``: the touch is one of a conversation of several, so its sentences' topics
        and the names it mentions are kept too (rules compare them across touches)."""
        tokens = tokenize(touch.text, self.classes)
        negators, hypothetical = self.qualifiers
        counts = tokens.words_per_sentence(touch.text)
        touch.sentences = tuple(Span(a, b, n) for (a, b), n in zip(tokens.sentences, counts))
        if self._unread(touch.text, tokens):
            touch.signals = ()
            if several:
                touch.topics = tuple(frozenset() for _ in touch.sentences)
            return touch
        found = []
        for entry, first, last in self.phrases.matches(tokens):
            sentence = tokens.sentence_at(first)
            if tokens.sentence_at(last) != sentence:
                continue
            found.append((entry, first, last, sentence))
        found = _drop_masked(found)
        masked = {j for entry, a, b, _ in found if entry.kind in MASKING_KINDS for j in range(a, b + 1)}
        sentence_starts = [a for a, _ in tokens.sentences]
        signals = []
        for entry, first, last, sentence in found:
            if entry.kind == "neutral":
                continue
            start, end = tokens.start(first), tokens.end(last)
            # A referral is asked in the conditional ("if you know anyone...", "we'd love it if
            # you passed on our name"): that is the ask, not a supposition.
            qualifiers = self.referral_qualifiers if entry.kind == REFERRAL_KIND else self.qualifiers
            before = _clause_before(tokens, touch.text, first, sentence_starts[sentence], masked, qualifiers,
                                    self.asking_verbs if entry.kind in ASK_KINDS else ())
            signals.append(
                Signal(
                    kind=entry.kind,
                    subtype=entry.subtype,
                    start=start,
                    end=end,
                    text=touch.text[start:end],
                    negated=entry.kind not in SELF_NEGATING and bool(before & negators),
                    hypothetical=bool(before & qualifiers[1]),
                    sentence=sentence,
                    first_word=first,
                    last_word=last,
                )
            )
        signals.extend(_question_signals(touch, tokens, found, counts, self.words))
        signals.extend(ruled_out(touch.text, tokens, self.words))
        if touch.direction is not Direction.OUTBOUND:
            signals.extend(absences(touch.text, tokens, self.words))
        if touch.direction is Direction.INBOUND or _notes_a_conversation(touch):
            signals.extend(lacks(touch.text, tokens, self.words, theirs_only=touch.direction is not Direction.INBOUND))
        signals.extend(prices(touch.text, tokens))
        if touch.direction is not Direction.INBOUND:
            signals.extend(shaped_referral_asks(touch.text, tokens, self.words))
        if touch.direction is not Direction.INBOUND or _notes_a_conversation(touch):
            signals.extend(assurances(touch.text, tokens, self.words))  # ours, also in the note of their call
            signals.extend(denials(touch.text, tokens, self.words))
            signals.extend(channel_imperatives(touch.text, tokens, self.words, touch.title_end()))
        for signal in signals:
            if signal.kind in NAMED_TIMES or (signal.kind == "value" and signal.subtype in NAMED_TIMES):
                signal.slots = part_of_day(tokens, signal.first_word, signal.last_word, self.words)
            elif signal.kind in ASKS_A_WAY and not signal.slots and signal.sentence < len(tokens.sentences):
                signal.slots = channels_named(tokens, signal.sentence, self.words)
        if self.intent is not None:
            signals.extend(learned_intent(touch.text, tokens, signals, counts, self.intent))
        # Only the customer's own sentences are the customer's sentiment (and their pushing back).
        if touch.direction is Direction.INBOUND:
            signals.extend(declines(touch.text, tokens, self.words))
            signals = self.sentiment.judge(touch.text, tokens, signals, masked, counts)
        elif _notes_a_conversation(touch):
            # Our note of a call reports the customer's feeling in their own sentences ("He said
            # the installers were brilliant"), not in ours.
            reported = _reported_sentences(tokens, self.words)
            signals = [s for s in signals if s.kind != "sentiment" or s.sentence in reported]
            signals = self.sentiment.judge(touch.text, tokens, signals, masked, counts, only=reported)
            for index in sorted(reported):
                start, end = tokens.sentences[index]
                signals.append(Signal(kind=REPORTED, start=start, end=end, text=touch.text[start:end], sentence=index))
        else:
            signals = [s for s in signals if s.kind != "sentiment"]
        whens = [s for s in signals if s.kind == "when"]
        sentence_topics: dict[int, frozenset] = {}

        def topic_of(index: int) -> frozenset:
            if index not in sentence_topics:
                span = touch.sentences[index]
                sentence_topics[index] = self.topics.of(touch.text, span.start, span.end)
            return sentence_topics[index]

        for signal in signals:
            if signal.kind in TOPICAL_KINDS:
                signal.topic = topic_of(signal.sentence)
            if signal.kind in TIMED_KINDS and whens:
                near = [w for w in whens if w.sentence == signal.sentence]
                if near:
                    signal.when = min(near, key=lambda w: abs(w.start - signal.end)).text
        for signal in task_signals(touch, signals, self.words):
            signal.topic = self.topics.of(touch.text, signal.start, signal.end)
            signals.append(signal)
        signals.sort(key=lambda s: (s.start, s.end, s.kind))
        touch.signals = tuple(signals)
        if several:
            touch.topics = tuple(topic_of(i) for i in range(len(touch.sentences)))
            touch.names = frozenset(w.lower() for w in NAME_RE.findall(touch.text))
        return touch


def _reading(touch: Touch) -> tuple:
    """All of a touch that ``annotate_touch`` reads: two touches equal in it get equal signals."""
    return (touch.text, touch.direction, touch.kind, touch.activity, touch.done, touch.due, touch.title_end())


def _copy_reading(source: Touch, touch: Touch, several: bool) -> None:
    """``touch`` as ``annotate_touch`` would leave it, from ``source``'s reading (equal by
    ``_reading``). Its signals are copies: the timeline settles each one's due date against its
    own touch's time."""
    touch.sentences = source.sentences
    touch.signals = tuple(copy(signal) for signal in source.signals)
    if several:
        touch.topics, touch.names = source.topics, source.names


def _drop_masked(found):
    """Keep the longest of overlapping matches of one kind; let masking kinds hide what they cover."""
    # Longest first; on equal spans the masking kind wins ("how are you" is small talk, not a request).
    found.sort(key=lambda f: (f[1], -(f[2] - f[1]), f[0].kind not in MASKING_KINDS))
    kept = []
    covers = []  # (first, last, kind) of kept masking / same-kind matches
    for item in found:
        entry, first, last, _ = item
        hidden = False
        for c_first, c_last, c_kind in covers:
            if c_first <= first and last <= c_last and (c_kind == entry.kind or c_kind in MASKING_KINDS):
                hidden = True
                break
        if hidden:
            continue
        kept.append(item)
        covers.append((first, last, entry.kind))
        if len(covers) > 16:
            covers = [c for c in covers if c[1] >= first]
    return kept


CONVERSATIONS = ("call", "meeting")  # a note of one reports what the customer said
REPORTED = "reported"  # a sentence of our call note that reports the customer's words
REPORTED_OPENING = 3  # "He said", "Customer said that", "Then she says": the subject comes first


def _notes_a_conversation(touch: Touch) -> bool:
    """A CRM note of a call or meeting: our user wrote it, and it reports what the customer said."""
    return bool(touch.activity) and touch.kind in CONVERSATIONS


def _reported_sentences(tokens, words) -> set[int]:
    """A note's sentences that report the customer: they open with the customer as the subject
    and a verb of saying ("He said the installers were brilliant", "Client says it's perfect")."""
    subjects, saying = words["reported_subject"], words["saying_verb"]
    out = set()
    for index in range(len(tokens.sentences)):
        first, last = tokens.word_range(index)
        opening = tokens.words[first:min(last, first + REPORTED_OPENING + 1)]
        at = next((j for j, w in enumerate(opening) if w in subjects), None)
        if at is not None and at < REPORTED_OPENING and not saying.isdisjoint(opening[at + 1:]):
            out.add(index)
    return out


def _clause_before(tokens, text: str, first: int, sentence_start: int, masked, qualifiers,
                   asking_verbs=()) -> set[str]:
    """The words shortly before a phrase that can qualify it: in its sentence and clause, not
    inside a neutral phrase ("No problem, I'll call you back" is not a negated promise). A
    negator counts within NEGATION_REACH words, a hypothetical within HYPOTHETICAL_REACH. For
    an ask, "if" after a verb of asking is an indirect question, the ask itself ("called to see
    if she's ready to switch"), and "if you can" a polite one ("if you can give me the go-ahead
    today")."""
    negators, hypothetical = qualifiers
    found = set()
    starts, ends, words = tokens.starts, tokens.ends, tokens.words
    if words[first] in CLAUSE_JOINERS:
        hypothetical = ()
    for j in range(first - 1, max(-1, first - 1 - HYPOTHETICAL_REACH), -1):
        if starts[j] < sentence_start or CLAUSE_MARK_RE.search(text, ends[j], starts[j + 1]):
            break
        if j not in masked:
            word = words[j]
            if word in CLAUSE_JOINERS:
                hypothetical = ()  # "she would like to think about it and asked me to call back"
                continue
            if word in hypothetical and asking_verbs and (
                    (j > 0 and words[j - 1] in asking_verbs)
                    or (j + 2 < first and words[j + 1] == POLITE_IF[0] and words[j + 2] in POLITE_IF[1])):
                continue
            if word in INVERTED and not _opens_clause(tokens, text, j, sentence_start):
                continue  # "I should say I don't have a printer", "you should bring it in"
            if word in hypothetical or (word in negators and first - j <= NEGATION_REACH):
                found.add(word)
    return found


def _opens_clause(tokens, text: str, j: int, sentence_start: int) -> bool:
    return tokens.starts[j] <= sentence_start or bool(CLAUSE_MARK_RE.search(text, tokens.ends[j - 1], tokens.starts[j]))


def _question_signals(touch: Touch, tokens, found, counts: list[int], words: Words) -> list[Signal]:
    """A sentence that ends in '?' is a question unless a neutral phrase covers it."""
    masked_sentences = {s for entry, _, _, s in found if entry.kind in {"boilerplate", "neutral"}}
    masked_sentences |= {s for entry, _, _, s in found if entry.kind == "pleasantry" and counts[s] <= 6}
    out = []
    for index, (start, end) in enumerate(tokens.sentences):
        text = touch.text[start:end]
        if not text.rstrip().endswith("?") or index in masked_sentences:
            continue
        subtype = "statement" if _statement(text, words) else "interrogative"
        out.append(Signal(kind="question", subtype=subtype, start=start, end=end, text=text, sentence=index))
    return out


LAST_CLAUSE_RE = re.compile(r"[,;:–—]\s|\s-\s")
OPENING_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _statement(text: str, words) -> bool:
    """Is the question worded as a statement: after any @handles, greeting and discourse word,
    does it open with a subject ("I'm", "nobody", "it's", "they")? "You guys open today?" and
    "Any update?" ask; "Nobody can find my account?" does not. A last clause that opens as a
    question asks ("He has football on Wednesdays now, can he move to Saturdays?")."""
    clauses = LAST_CLAUSE_RE.split(text.lower())
    if _rhetorical(OPENING_RE.findall(clauses[-1])):
        return True
    if len(clauses) > 1:
        opening = OPENING_RE.findall(clauses[-1])[:1]
        if opening and (opening[0] in words["auxiliary"] or opening[0] in words["question_word"]):
            return False
    for word in OPENING_RE.findall(HANDLE_RE.sub(" ", text.lower())):
        if word in words["discourse_opening"]:
            continue
        return re.split("['’]", word)[0] in words["statement_subject"]
    return False


RHETORICAL_WHY = ("why", frozenset({"would", "should"}), frozenset({"i", "we"}))


def _rhetorical(opening: list[str]) -> bool:
    """"Why would I keep them?", "why should we pay twice?": the speaker asks why they would do
    it, which says they will not (disbelief, not a question)."""
    why, modals, speakers = RHETORICAL_WHY
    return len(opening) >= 3 and opening[0] == why and opening[1] in modals and opening[2] in speakers


def sentence_words(tokens, index: int) -> list[str]:
    """The tokens of one sentence, lowercased, punctuation marks such as "?" among them."""
    first, last = tokens.word_range(index)
    return tokens.words[first:last]


def learned_intent(text: str, tokens, signals, counts: list[int], model) -> list[Signal]:
    """An "intent" signal on each sentence the learned model reads as a request or a
    commitment (``signals.intent``); the phrase engine's own plain signals are among its inputs."""
    kinds: dict[int, set[str]] = {}
    for s in signals:
        if not (s.negated or s.hypothetical):
            kinds.setdefault(s.sentence, set()).add(s.kind)
    out = []
    for index, count in enumerate(counts):
        if not MIN_WORDS <= count <= MAX_WORDS:
            continue
        words = sentence_words(tokens, index)
        if model.says(words, kinds.get(index, ()), bool(words) and words[-1] == "?"):
            start, end = tokens.sentences[index]
            out.append(Signal(kind="intent", subtype="learned", start=start, end=end,
                              text=text[start:end], sentence=index))
    return out
