"""The signal kinds: what each one means and what produces it.

A kind is the contract between the signal stage and the rules. Vocabularies (the lexicon, a
language pack, an industry pack) fill a kind with phrases; a few kinds are also produced by
code of the signal stage. A rule declares the kinds it reads (``Rule.reads``). At load, a
vocabulary naming a kind that is not here, or a rule reading one, is one clear error; a plugin
that brings a new kind declares it with the ``followlint_add_kinds`` hook.
"""
from __future__ import annotations

from dataclasses import dataclass

VOCABULARY = "vocabulary"  # the producer of most kinds: the phrases of the loaded vocabularies


@dataclass(frozen=True)
class Kind:
    name: str
    meaning: str  # one line
    producer: str = VOCABULARY  # what makes its signals, when it is more than phrases
    plugin: str = "followlint"  # who declared it

    def __post_init__(self):
        if not isinstance(self.name, str) or not self.name or "/" in self.name or self.name != self.name.strip():
            raise ValueError(f"a kind's name is one word without '/', not {self.name!r}")
        if not isinstance(self.meaning, str) or not self.meaning.strip():
            raise ValueError(f"kind {self.name!r} needs a one-line meaning")


def _kinds(*items: tuple[str, str] | tuple[str, str, str]) -> tuple[Kind, ...]:
    return tuple(Kind(*item) for item in items)


# -- what a customer says --------------------------------------------------------------------
CUSTOMER = _kinds(
    ("issue", "a problem, complaint or unmet promise (\"my plates still haven't arrived\"); subtype implied: "
     "the customer's sentence our promise to act takes up, where nothing of theirs was read (made by the timeline, "
     "never in a touch's signals)"),
    ("request", "asks us to do or tell something; subtypes send (a document) and schedule (a time); subtype "
     "implied: the promise our note of a call records, what we owe a report back on (made by the timeline, never "
     "in a touch's signals)"),
    ("question", "a sentence that ends in '?'", "signal stage: punctuation"),
    ("intent", "a sentence that makes a request or a commitment, by the learned model (either side; "
     "computed only when a loaded rule reads it)", "signal stage: a logistic model fitted on labelled sentences"),
    ("resolved", "the customer says the problem is solved (\"never mind, it arrived\")"),
    ("satisfaction", "praise or contentment (\"really happy with the car\")"),
    ("dissatisfaction", "displeasure short of a specific problem (\"very disappointed\")"),
    ("sentiment", "the feeling of one of the customer's sentences: subtype positive (praise, \"you saved our "
     "launch\"), negative (displeasure or an open complaint); flat (\"it's fine\") gives none",
     "vocabulary (idioms); signal stage: a sentiment lexicon's valence of the customer's sentences, "
     "with their praise and complaint phrases"),
    ("objection", "a reason not to buy, or a decline (\"too expensive\", \"not interested\")"),
    ("decline", "a sentence of the customer's that pushes back by its shape: a contrast, a denial or a comparison "
     "(\"thanks, but we'll stay with...\", \"more than the agency we used\"); a decline where it answers our offer; "
     "subtype comparison: it compares prices (\"another company came in £180 cheaper\"); subtype refusal: it turns "
     "something down in words (\"we'll have to decline\", \"I'll split my own hives instead\")",
     "signal stage: contrast, negator, comparison and refusal words"),
    ("think_it_over", "asks for time to decide (\"let me think about it\")"),
    ("constraint", "something that rules options out (\"the car won't start\", \"away until the 12th\"); subtype voice (cannot talk or take calls); subtype hours (days or parts of the day ruled out: \"closed on Fridays\", \"mornings are impossible\", \"Monday to Thursday only\"; the signal's slots name them); subtype away (a denial or a place before \"until\" a date: \"won't be out until the 20th\", \"working from Lisbon until 12 June\"); subtype lack (a thing the customer has not got, or an act they cannot do: \"I don't have a printer\", \"can't climb ladders\"; the span is what is lacked)"),
    ("early_ok", "allows an earlier contact on a condition (\"if the price drops, tell me straight away\")"),
)
# -- what we say -----------------------------------------------------------------------------
OURS = _kinds(
    ("checkin", "checking in or touching base as the stated purpose of the touch; subtype chase: chasing what we "
     "sent (\"just following up on the quote below\", \"circling back on this one\"); subtype wish: a wish that things "
     "go well (\"hope things are going well at Acme\")"),
    ("nudge", "a chaser about earlier mail (\"did you get a chance to...\")"),
    ("context", "why we write, without news (\"it's been a few weeks since...\")"),
    ("value", "something of value; subtypes update, answer, resource, offer, proposal"),
    ("commitment", "a promise to act (\"I'll check on that\"); subtype task: an open CRM task; subtype offer: an "
     "offer in the conditional (\"we'd be glad to help\"), nothing owed back; subtype relay: passing the "
     "customer's word on (\"we'll pass your feedback on to our Ads team\"), done once passed on; subtype visit: "
     "a visit to put it right (\"I'll come round at 2pm today and replace it\"), kept by the visit when it has a day",
     "vocabulary; signal stage: open CRM tasks"),
    ("assent", "yes to what the customer asked (\"of course, please do\"); subtype polar: a bare yes or no "
     "(\"Correct.\", \"Nope!\"), an answer where it opens a reply to a question"),
    ("referral_ask", "asks for a referral or an introduction; subtype shape: read from the sentence's shape, a question "
     "of ours (or a note saying we asked) about another party for us to reach (\"other labs I should be talking to\")"),
    ("ask_business", "asks for the sale (\"shall I send the contract?\")"),
    ("concession", "a lower price, a discount, a shorter term, a free extra"),
    ("price", "a sum of money (\"£0.12 a word\", \"$1,200\"), its amount read", "signal stage: currency and number"),
    ("exploration", "asks about the reason behind an objection or a problem"),
    ("reported", "a sentence of our call note that reports the customer's words (\"He said the installers were "
     "brilliant\"): theirs, not ours", "signal stage: call notes"),
    ("guarantee", "promises that nothing will ever go wrong; subtype shape: an assurance and a future denied in "
     "one sentence (\"it won't ever back up again, guaranteed\"); subtype told: a note that we said so",
     "vocabulary; signal stage: assurances by shape"),
    ("hedge", "promises to be there rather than perfection (\"we can't guarantee, but...\")"),
    ("accommodation", "works around a constraint (a tow truck, remotely, when you're back); subtype call (by phone, by video: no help to one who cannot talk)"),
    ("ask_visit", "asks the customer to come in or bring something in"),
    ("ask_meeting", "asks for a meeting or a call at a time"),
    ("ask_online", "asks the customer to log in, click or fill in something"),
    ("ask_call", "asks the customer to phone us (\"please call our line\")"),
    ("ask_way", "opens by telling the customer a way to reach or send (\"Just email the PDFs over to me\"); "
     "the way it names in its slots", "signal stage: an imperative of a channel word"),
    ("status", "says the problem is known and in hand (\"we are aware of the outage\"): an answer, no promise; "
     "subtype unknown: nothing to tell yet (\"we don't have any information on that\"); subtype progress: work in hand "
     "(\"our team is looking into this\")"),
    ("condition", "a condition the customer must meet first (\"if you DM us\"): a promise after it is an offer; "
     "subtype event: a condition on events (\"if anything changes\"): a promise under it is owed only if they come"),
    ("handoff", "takes the customer's point on, here or in another channel (\"so we can take a closer look\", \"we can help with that\"); "
     "subtypes channel (\"please check your DMs\"), details (\"may I have your booking reference?\"), steps (\"please restart the router\")"),
    ("introduction", "a new person links to the earlier contact; subtype self: says who they are"),
    ("defensive", "argues who is right (\"that's not our fault\"); subtype repeat: points the customer back to "
     "what we said before (\"as I already told you\", \"per my last email\"), arguing whatever they wrote; "
     "subtype denial: a fault denied by the shape of a clause (\"isn't a binding fault\", \"not a mistake on our part\")"),
    ("apology", "says sorry or shows understanding"),
    ("acknowledgement", "owns a change to an agreed time (\"I know I said Thursday, but...\")"),
)
# -- the next contact --------------------------------------------------------------------------
NEXT_CONTACT = _kinds(
    ("callback", "an agreed time for the next contact; subtypes asked (the customer asks us), reply "
     "(the customer will answer), visit (a visit agreed for a day), task (an open CRM task)", "vocabulary; signal stage: open CRM tasks"),
    ("when", "a time expression (\"in 3 days\", \"Friday\"); also the due time of a promise near it"),
    ("tentative", "holds a contact out as a possibility, not an agreement (\"maybe you can call me\", \"I'll try calling\")"),
)
# -- filler: hides what it covers ------------------------------------------------------------------
FILLER = _kinds(
    ("pleasantry", "greetings, thanks and small talk; hides shorter phrases inside it; subtype greeting: "
     "\"hi\", \"hello\" (says nothing, but leaves the rest of its sentence its meaning)"),
    ("boilerplate", "courtesy formulas (\"let me know if you have any questions\"); hides what it covers; "
     "subtype need: on the other side's need (\"if you need anything\"), so the customer's ask under it is their offer"),
    ("neutral", "phrases whose words would mislead other kinds; hides them and gives no signal"),
)

BUILTIN: tuple[Kind, ...] = CUSTOMER + OURS + NEXT_CONTACT + FILLER
