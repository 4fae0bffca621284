"""Named word lists: what followlint knows about words outside phrases.

A vocabulary (``followlint_add_vocabulary``) maps signal kinds to phrases, and may also carry
the word lists named here: the words that deny a phrase, the names of the weekdays, the
prefixes of a reply's subject... Every stage reads them from the loaded vocabularies, never
from constants of its own, so a language pack adds its negators or its subject prefixes
without touching code. ``family/member`` names the words of one member of a family
("weekday/monday", "number/2"). Lists of several vocabularies are merged.
"""
from __future__ import annotations

from dataclasses import dataclass

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
NUMBERED = "<count>"  # members of a family that are whole numbers ("number/2")


@dataclass(frozen=True)
class WordList:
    name: str
    meaning: str
    members: tuple[str, ...] = ()  # the family's members; () for a single list


WORD_LISTS = {w.name: w for w in (
    # -- grammar ---------------------------------------------------------------------------
    WordList("negator", "denies a phrase a few words after it (\"not\", \"never\")"),
    WordList("hypothetical", "makes a phrase after it in its clause a supposition (\"if\", \"unless\")"),
    WordList("stopword", "says nothing about what a sentence is about (its other words are its topic); a long text "
             "with almost none is in a language no vocabulary reads, and gives no signals"),
    WordList("common", "too common to look a phrase up by (the phrase index anchors on rarer words)"),
    WordList("contraction", "a contraction and what it stands for, \"form expansion\" (\"'ll will\", "
             "\"won't will not\"): text and phrases are matched in the expanded form"),
    WordList("abbreviation", "written with a full stop that ends no sentence before a number or a lowercase word "
             "(\"Nov. 3\", \"approx. 20\"); month and weekday names count too"),
    WordList("title", "written with a full stop before a name, which ends no sentence (\"Dr. Patel\")"),
    WordList("past_participle", "a past participle that does not end in -ed: the <past> class"),
    WordList("question_word", "opens a question that a yes or a no does not answer (\"where\", \"how\")"),
    WordList("time_question", "asks for a time in a question (\"when\", \"how long\", \"what time\")"),
    WordList("contact_verb", "a verb of contact a call note puts before the person's name (\"called\", \"spoke\")"),
    WordList("auxiliary", "a verb that opens a question (\"can\", \"is\", \"do\"): a last clause that opens with one asks, whatever came before it"),
    WordList("asking_verb", "makes \"if\" or \"whether\" right after it an indirect question, which does not make an ask a supposition (\"see if she's ready to switch\")"),
    WordList("writer_subject", "in a CRM note, the note's writer (our user) as the subject of what follows (\"I'd\", \"we\")"),
    WordList("reported_subject", "in a CRM note, the customer it reports as the subject of what follows (\"she'll\", \"client\")"),
    WordList("saying_verb", "a verb of saying after the customer in a call note (\"he said\"): the rest of the "
             "sentence is the customer's, and so is its feeling"),
    WordList("sending_verb", "a verb of sending in our promise (\"I'll send you whatever turns up\"): a later touch "
             "of ours with an attachment or a link keeps it"),
    WordList("other_party_subject", "opens a promise that others keep, not us (\"They'll look into this\" of the team the customer is sent to)"),
    WordList("statement_subject", "opens a statement: a question mark after it voices disbelief and asks nothing "
             "(\"nobody can find me?\", \"so it's just a lie?\")"),
    WordList("discourse_opening", "a greeting or discourse word before a sentence's first word (\"hey\", \"so\", \"and\")"),
    WordList("back_reference", "points back to what was just said, as the subject of a question (\"is this correct?\")"),
    WordList("referral", "a referral ask by the shape of a sentence: another party (\"other\", \"sister\"), us reaching "
             "them (\"talk\", \"intro\", \"refers\") or wanting what we sell (\"who'd want\", \"buys\"), words that "
             "make a note's sentence an ask (\"asked\"), nouns after \"another\" that name no party (\"time\", "
             "\"number\"), anyone somewhere (\"anyone at his club\"), and the relative that makes the wanting a "
             "person's (\"who'd\") or the quantifier that counts people in and the words between (\"any of her neighbours\")",
             ("other_party", "contact", "prospect", "asking", "not_party", "anyone", "somewhere", "relative", "any",
              "of", "people")),
    WordList("assurance", "a promise of perfection by the shape of a sentence: an assurance (\"guarantee\", or "
             "a pledge after \"my\": \"you have my word\"), the future (\"will\") and what is denied before it "
             "(\"nothing\")", ("word", "future", "nothing", "pledge", "mine")),
    WordList("denial", "a fault denied by the shape of a clause of ours: a denial (\"not\"), a fault word "
             "(\"mistake\"), our side (\"end\", \"part\" after \"our\") and the customer's word that makes it an "
             "excuse of them (\"not your fault\")", ("not", "fault", "side", "ours", "theirs")),
    WordList("generic_subject", "a word every customer conversation has (\"team\", \"account\", \"call\"): a reply "
             "that shares only such words with the customer's point does not take it up"),
    # -- the customer's sentiment ---------------------------------------------------------
    WordList("valence_lexicon", "a sentiment lexicon for short informal text, as package:file of "
             "\"word<TAB>valence\" lines (read on first use)"),
    WordList("intensifier", "raises the feeling of the word after it (\"really happy\")"),
    WordList("downtoner", "lowers the feeling of the word after it (\"slightly annoying\")"),
    WordList("reverser", "turns the feeling word right after it into its opposite (\"less stressful\")"),
    WordList("contrast", "what follows it in a sentence outweighs what came before (\"but\")"),
    WordList("refusal", "turns an offer down in a customer's sentence without a contrast or a denial (\"we'll have "
             "to decline\", \"I'll just split my own hives instead\")"),
    WordList("comparison", "compares with something else (\"than\", \"cheaper\"): with a contrast or a denial, how a "
             "customer's sentence pushes back"),
    WordList("valence_neutral", "a word whose lexicon valence is courtesy or another sense in a "
             "customer's mail (\"like\", \"please\"): not scored"),
    WordList("wish", "makes a sentence's feeling a wish or a supposition (\"I hope it works\")"),
    # -- dates and times ----------------------------------------------------------------------
    WordList("weekday", "a weekday's names and abbreviations: the <weekday> class", WEEKDAYS),
    WordList("month", "a month's names and abbreviations: the <month> class", MONTHS),
    WordList("number", "a number said in words (\"two\")", (NUMBERED,)),
    WordList("vague_number", "a rough count that outweighs an article (\"a couple of\")", (NUMBERED,)),
    WordList("unit", "a unit of time", ("hour", "day", "week", "fortnight", "month")),
    WordList("day_part", "a part of the day or of the week a customer may rule out (\"mornings\", \"weekends\")",
             ("morning", "afternoon", "evening", "weekend", "weekday")),
    WordList("channel", "a way to reach or send a customer may rule out (\"cannot be sent by email\")",
             ("email", "post", "phone", "text", "portal", "courier")),
    WordList("availability", "in a customer's clause with days or parts of the day: words that rule them out "
             "(\"closed\", \"can't\"), that keep only them (\"only\"), that tell of the past instead "
             "(\"didn't\"), that join two days into a range (\"to\"), and that may open an imperative that tells "
             "the customer a way to send (\"just\"), that make a way a means (\"by\"), that bound a clock time "
             "an \"only\" keeps to (\"after\", \"before\"), that put a date the customer is away or will not act "
             "before (\"until\"), and that come before a place they are at until then (\"from\")",
             ("ruled_out", "only", "past", "range", "softener", "means", "after", "before", "until", "place")),
    WordList("lack", "in the customer's words, what says they lack a thing or cannot do something: verbs of having "
             "(\"have\", denied), denials of ability (\"unable\", and \"can\" before a negator), the acts such a "
             "denial rules out (\"climb\", \"drive\"), the words that open the thing lacked (\"a\", \"no\"), and the "
             "persons who have or can (\"she\")", ("have", "unable", "can", "ability", "article", "none", "person")),
    WordList("time", "words that place a time: today, tomorrow, the day after tomorrow, starts of a "
             "relative time (\"in\"), ago, business days, end of, next, following, the article "
             "of \"the 12th\"",
             ("today", "tomorrow", "day_after_tomorrow", "relative", "ago", "business", "end", "next",
              "following", "article")),
    # -- mail and CRM -----------------------------------------------------------------------------
    WordList("subject_prefix", "what a mail client puts before the subject of a reply or a forward",
             ("reply", "forward")),
    WordList("subject_separator", "what follows a subject prefix (\":\")"),
    WordList("signoff", "a closing line before the signature (\"best regards\")"),
    WordList("not_a_name", "a one-word line that is not a signature name (\"thanks\", \"ok\")"),
    WordList("role_mailbox", "a mailbox name that is a role, not a person (\"support@\")"),
    WordList("mail_folder", "a mail client's standard folder name, in any language it writes: Sent (its "
             "sender owns the mailbox) and the others (Inbox, Trash...)", ("sent", "other")),
    WordList("automated_sender", "how a machine's mailbox name starts, compared without \"-\", \"_\" and \".\" "
             "(\"noreply@\", \"mailer-daemon@\")"),
    WordList("freemail_domain", "a public mail provider's domain: two of its users are not colleagues"),
    WordList("crm_call_activity", "in a CRM activity type, marks a call (\"Phone call\")"),
    WordList("crm_call_verb", "first word of a CRM task subject that asks for a call (\"Ring Jo\")"),
)}


def is_word_list(key: str) -> bool:
    return key.partition("/")[0] in WORD_LISTS


def key_problem(key: str) -> str:
    """Why a word-list key is malformed ("" when it is fine)."""
    family, slash, member = key.partition("/")
    members = WORD_LISTS[family].members
    if not members:
        return f"word list {family!r} has no members, so not {key!r}" if slash else ""
    if members == (NUMBERED,):
        return "" if member.isdigit() and int(member) > 0 else f"word list {key!r}: the member must be a whole number"
    if member not in members:
        return f"word list {key!r}: the member must be one of {', '.join(members)}"
    return ""


class Words:
    """The word lists of some vocabularies, merged (lowercase), with what stages build from
    them kept once (``memo``)."""

    def __init__(self, vocabularies: list[dict[str, list[str]]]):
        lists: dict[str, set[str]] = {}
        for vocabulary in vocabularies:
            for key, words in vocabulary.items():
                if is_word_list(key):
                    lists.setdefault(key, set()).update(w.lower() for w in words)
        self._lists = {key: frozenset(words) for key, words in lists.items()}
        self._memo: dict = {}

    def __getitem__(self, name: str) -> frozenset[str]:
        return self._lists.get(name, frozenset())

    def members(self, family: str) -> dict[str, frozenset[str]]:
        """member -> words, for a family of lists ("weekday" -> {"monday": {"monday", "mon"}, ...})."""
        prefix = family + "/"
        return {key[len(prefix):]: words for key, words in self._lists.items() if key.startswith(prefix)}

    def memo(self, build):
        """``build(self)``, made once per Words (a compiled pattern, a lookup table)."""
        if build not in self._memo:
            self._memo[build] = build(self)
        return self._memo[build]


_loaded: list[Words] = []


def install(words: Words) -> None:
    """Make ``words`` the ones every stage reads (done when the plugins are loaded)."""
    _loaded[:] = [words]


def current() -> Words:
    """The words of the plugins loaded last; before any load, the built-in English lexicon's."""
    if not _loaded:
        from .en import VOCABULARY

        install(Words([VOCABULARY]))
    return _loaded[0]
