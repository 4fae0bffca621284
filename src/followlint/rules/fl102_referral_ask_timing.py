"""FL102 referral-ask-timing: asking for referrals at the wrong moment."""
from __future__ import annotations

from datetime import timedelta

from ..model import Direction
from ..timeline import ITEM_READS, plain, sent_by_us
from ..timeline.calls import two_way
from .base import Example, Rule, felt


class ReferralAskTiming(Rule):
    code = "FL102"
    name = "referral-ask-timing"
    reads = (*ITEM_READS, "sentiment")  # the customer's praise and displeasure: sentiment
    story = "003"
    summary = "A referral ask while the customer has an open issue, just after something negative, or without recent praise."
    what = """
        An outbound ask for a referral or an introduction ("know anyone else looking for a
        car?", "who else should I talk to?") while a customer issue is still open, right after
        the customer said something negative, or when the customer has said nothing positive
        in the preceding inbound touch or within the lookback window. Praise is read from the
        customer's own sentences ("you saved our launch", "the kids haven't stopped using it");
        contentment ("it's fine", "ok I guess") is not praise.
    """
    why = """
        Asking a customer to vouch for you is asking for a favour. A rep who asks for referrals
        while the customer is still waiting for the licence plates of the car he bought sounds
        self-serving, and the customer says "not right now". The best moment to ask is just
        after the customer has told you how good you are.
    """
    bad = (
        Example(
            "Hi Bob,\n\nGlad to hear it. Do you know anyone else looking for a car?\n\nMike\n\n"
            "On Tue, 3 Nov 2026 at 09:12, Bob Smith <bob@example.com> wrote:\n"
            "> It's fine. But I still have not received my plates. Can you check on that?\n"
        ),
        Example("Hi Ana,\n\nQuick one: who else in your company should I talk to about our payroll tool?\n\nLeo\n"),
        Example(
            "Hi Martin,\n\nGood to hear. Who's the next person in your office I should talk to?\n\nCarla\n\n"
            "On Mon, 16 Nov 2026 at 11:03, Martin Greaves <martin@example.com> wrote:\n"
            "> It's ok I guess. Does what it says.\n"
        ),
    )
    good = (
        Example(
            "Hi Bob,\n\nThat's great to hear, thank you! If you know anyone else looking for a car, I'd be glad to help them too.\n\nMike\n\n"
            "On Tue, 3 Nov 2026 at 09:12, Bob Smith <bob@example.com> wrote:\n"
            "> The plates arrived yesterday and I love the car. Really happy with the service.\n"
        ),
        Example(
            "Hi Lucia,\n\nThank you, I'll pass that on to the on-call team. Is there anyone else in your "
            "network who'd benefit from a look at the platform?\n\nRavi\n\n"
            "On Thu, 12 Nov 2026 at 09:20, Lucia Ortega <lucia@example.com> wrote:\n"
            "> You saved our launch. The hotfix went in at 6am and the collection went live on time.\n"
        ),
    )
    options = {
        "lookback-days": (30, "praise from the customer this recent still makes a referral ask welcome"),
    }

    known_problems = (
        'Praise and displeasure are judged one customer sentence at a time, from VADER\'s general sentiment lexicon combined with the phrase engine: irony without a marker ("oh great another delay") can read as praise, and praise that spans several sentences without a feeling word can be missed.',
        'An open issue is one the timeline still holds open; a problem the customer raised on a call that our notes do not report is invisible.',
        'Praise a call note reports counts when it is worded as satisfaction ("said they love it"); praise quoted in the customer\'s own words inside our note ("she called the floor \'better than we imagined\'") is not scored for feeling, so a well-timed ask after it can still be flagged.',
        'Referral asks are recognised by wording families (asks for names, introductions, invitations to share) and by shape (a question of ours about another party for us to reach: "other labs I should be talking to", "an intro to his sister gym"); an ask that names no other party ("who\'s the best person at Marlowe Academy?") may be missed, and asking the customer to have their colleagues talk to someone can be taken for one.',
    )

    def check(self, conversation, ctx):
        timeline = ctx.timeline
        lookback = timedelta(days=ctx.options["lookback-days"])
        for index, touch in sent_by_us(conversation):
            asks = [s for s in touch.signals if s.kind == "referral_ask" and not s.negated]
            if not asks:
                continue
            when = timeline.when(touch)
            open_issues = timeline.open_issues(index)
            previous = timeline.previous_inbound(index)
            praise = [
                (t, s) for t in conversation.touches[:index] if when - timeline.when(t) <= lookback
                for s in t.signals if (t.direction is Direction.INBOUND and felt(s, "positive")) or _heard(t, s)
            ]
            # ... or on the call where we asked, before we asked ("He said the installers were
            # brilliant... Asked if anyone on his street might want one").
            praise += [(touch, s) for s in touch.signals if _heard(touch, s) and s.sentence < asks[0].sentence]
            # Praise the customer gave on a call after their last message ("he said they're loving
            # the boat") is the last thing they said.
            praised_since = previous is not None and any(timeline.when(t) > timeline.when(previous) for t, _ in praise)
            negative = [s for s in (previous.signals if previous and not praised_since else ()) if felt(s, "negative")]
            if open_issues:
                item = open_issues[-1]
                reason = f'the customer\'s issue is still open: "{item.signal.text}"'
                evidence = [self.evidence(item.touch, item.signal)]
            elif negative:
                reason = f'it comes right after something negative: "{negative[0].text}"'
                evidence = [self.evidence(previous, negative[0])]
            elif not praise:
                reason = "the customer has said nothing positive recently"
                evidence = []
            else:
                continue
            yield self.finding(
                conversation, touch, asks[0],
                f'Referral ask ("{asks[0].text}") at the wrong moment: {reason}',
                suggestion="Close open issues first; ask for referrals just after the customer praises you.",
                evidence=[self.evidence(touch, asks[0]), *evidence],
            )


def _heard(touch, signal) -> bool:
    """Praise the customer gave on a call, as our call note reports it ("said they love it")."""
    return two_way(touch) and ((signal.kind == "satisfaction" and plain(signal)) or felt(signal, "positive"))
