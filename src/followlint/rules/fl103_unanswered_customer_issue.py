"""FL103 unanswered-customer-issue: the customer's problem or request nobody took up."""
from __future__ import annotations

from datetime import timedelta

from ..model import Direction, Severity
from ..signals.times import add_business_days
from ..timeline import ITEM_READS, addresses, goes_back_to, reportable
from .base import Example, Rule, sentence_of


class UnansweredCustomerIssue(Rule):
    code = "FL103"
    name = "unanswered-customer-issue"
    reads = ITEM_READS  # "when" among them
    severity = Severity.ERROR
    story = "003, 001"
    summary = "The customer raised a problem or a request, and our follow-up ignores it or never reports back."
    what = """
        The customer raised a problem or asked for something, and (a) our next touch does not
        address it, or (b) we committed to act ("I'll check on that") and no later touch of
        ours reports back within the follow-through window (by our next touch, or by --now).
        A reply addresses an item when it takes up its subject, answers it in other words,
        asks the customer a question back about it, asks for the details or a private channel
        while owning the next step ("DM us your account email so we can take a closer look"),
        or sends what was asked for. It does not when it turns to something else (a pitch, a
        referral ask, a check-in, news of ours), when it only redirects ("please visit our Help
        site"), or when it answers one of several requests in the message and leaves another
        out. Our promise to act on what the customer just said holds us to it even where their
        words were not read as a problem or a request. Only our own unconditional promises count for (b): not the customer's, not an
        offer that waits on them ("if you DM us we'll look into it"), not a status notice ("we
        are aware of the outage"). An item is closed by a touch of ours that reports back, or
        by the customer saying it is solved or thanking us for the fix. The message and the
        evidence quote the customer's whole sentence.
    """
    why = """
        A customer tells the rep he still has no licence plates for his new car; the rep says
        he'll check, never gets back to him, and the next call is another "how's it going". A
        follow-up that walks past an open problem tells the customer nobody is listening. The
        other way round works: listening to the whole complaint and answering it is what
        turns an angry customer round.
    """
    bad = (
        Example(
            "Hi Bob,\n\nHow's everything going with the car?\n\nMike\n\n"
            "On Tue, 3 Nov 2026 at 09:12, Bob Smith <bob@example.com> wrote:\n"
            "> I still have not received my plates. Can you check on that?\n"
        ),
        Example(
            "Hi Bob,\n\nJust a reminder that your first free oil change is due next month.\n\nMike\n\n"
            "On Wed, 4 Nov 2026 at 10:00, Mike <mike@dealer.example> wrote:\n"
            "> Sure, I'll check on the plates today and get back to you.\n>\n"
            "> On Tue, 3 Nov 2026 at 09:12, Bob Smith <bob@example.com> wrote:\n"
            "> > I still have not received my plates. Can you check on that?\n",
            now="2026-11-20T10:00:00+00:00",
        ),
        # A pitch that shares one word with the complaint ("delivery") does not take it up.
        Example(
            "Hi Ana,\n\nWe're adding a second delivery van on Saturdays. Do you know any other cafes nearby "
            "who might want a trial box?\n\nLuis\n\n"
            "On Mon, 9 Nov 2026 at 07:40, Ana Ruiz <ana@cafe.example> wrote:\n"
            "> Monday's delivery was short two bags of flour. Can you credit them on the invoice?\n"
        ),
        # Our promise says the customer raised something, however they worded it.
        Example(
            "Hi Sandra,\n\nGood news: your building is now enabled for full fibre. If you'd like to go ahead, "
            "the earliest install date is 12 May.\n\nNadia\n\n"
            "On Thu, 16 Apr 2026 at 10:31, Nadia <nadia@comms.example> wrote:\n"
            "> Hi Sandra, sorry about this. I'll check with the porting team why your 0161 numbers haven't "
            "moved across and come back to you.\n>\n"
            "> On Thu, 16 Apr 2026 at 09:12, Sandra Mills <sandra@freight.example> wrote:\n"
            "> > Our 0161 numbers still aren't ported across. Callers get the old provider's message.\n",
            now="2026-04-27T10:00:00+01:00",
        ),
    )
    good = (
        Example(
            "Hi Bob,\n\nYour plates were posted this morning by recorded delivery; you should have them by Thursday.\n\nMike\n\n"
            "On Tue, 3 Nov 2026 at 09:12, Bob Smith <bob@example.com> wrote:\n"
            "> I still have not received my plates. Can you check on that?\n"
        ),
        Example(
            "Hi Bob,\n\nSorry about that. Did the DVLA letter come to your old address or the new one?\n\nMike\n\n"
            "On Tue, 3 Nov 2026 at 09:12, Bob Smith <bob@example.com> wrote:\n"
            "> I still have not received my plates. Can you check on that?\n"
        ),
        Example(
            "Hi Bob,\n\nGlad that's sorted. Enjoy the car!\n\nMike\n\n"
            "On Thu, 5 Nov 2026 at 18:00, Bob Smith <bob@example.com> wrote:\n"
            "> Never mind, the plates arrived this morning.\n>\n"
            "> On Tue, 3 Nov 2026 at 09:12, Bob Smith <bob@example.com> wrote:\n"
            "> > I still have not received my plates. Can you check on that?\n"
        ),
        # A question about the complaint ("Why does this keep happening?") is answered with it.
        Example(
            "Hi Ana,\n\nI'm sorry. The driver left the order at the side door as your account says; "
            "I've changed it to the front desk from today.\n\nLuis\n\n"
            "On Mon, 9 Nov 2026 at 07:40, Ana Ruiz <ana@cafe.example> wrote:\n"
            "> The flour was left out in the rain again. Why does this keep happening?\n"
        ),
    )
    options = {
        "follow-through-days": (3, "business days to report back on a commitment that names no time"),
        "grace-days": (1, "days allowed past a named due date before it counts as missed"),
    }

    known_problems = (
        'Whether a reply addresses a point is read from shared subject words and from what the reply does (answers, says how it stands, promises, apologises with an action, asks back, takes it to a private channel, sends the thing). A sentence that does one of these is a response even when words in it sound like a check-in or news ("I\'ll follow up with our team so..."). Replies that answer in plain words with a news-like phrase ("It was released earlier today") or that mix a response with a sales ask are still often misread: on real support threads this is the main source of false findings (of 21 FL103 findings on fresh real threads judged on 2026-12-07, 4 held up; 12 of the others had been answered).',
        'A customer\'s rhetorical question ("Why not AA?", "I\'m sorry, what?") is read as a request unless it is worded as a statement ("nobody can find me?", "why would I keep them?"), which is read as a complaint, or denies its opening to praise ("isn\'t this the cutest...?"). An expression of effort ("our staff will do their best") can still be read as a promise to report back.',
        'Two requests in one sentence are told apart only when a break joins them ("send her notice period, and also confirm your contractor fee", "...by Monday; (2) she needs the invoice split"); "can you check the order and refund the postage?" is one item. Requests on separate lines are told apart; in one run of text (a tweet) they are one matter.',
        'A link counts as taking the point up when it goes into a page of a site (an article, a status page, a short link); a link to a site\'s front door ("help.example.com/hc/en-us") with nothing else only redirects. A short link can hide a front door, and a deep link can still be the wrong page.',
        'News in a reply that sells and asks nothing (no offer, proposal, meeting or referral ask, check-in or chaser) is read as how the customer\'s problem or question stands ("It went out yesterday and arrives Friday"); an announcement of ours sent with no ask at all to a customer with an open problem can therefore pass. News does not answer a request to do or send something.',
        'A canned pointer that happens to name the subject ("see our help page on login problems") counts as addressing it.',
        'In a Salesforce export the contact is known only by its id, so a name or call title can pass for a shared subject.',
        'Closure is read from the customer\'s words (thanks for the fix, "sorted it"); a problem solved off the record stays open.',
        'A short request takes its subject from the sentence before it, word for word: "Before your crew can start, we need your certificate. Can you send it over?" is taken up by "the crew arrives Monday". Subject words every conversation has ("team", "account") do not count, but a commonplace one of the trade ("order", "report") still can.',
        'A discount in the reply can be a remedy for the complaint or a pitch beside it; the tool takes it as neither, so "here\'s 10% off your next order" can pass for taking up a wrong-size order by the shared word "order".',
    )

    def check(self, conversation, ctx):
        """One finding per follow-up, citing every item of the customer's it leaves open."""
        timeline = ctx.timeline
        touches = conversation.touches
        ignored: dict[int, list] = {}  # index of our touch -> items it does not address
        unreported: dict[int, list] = {}  # index of our touch -> (item, promise touch, promise)
        overdue = []
        for item in timeline.items:
            if item.resolved_by is not None:
                continue
            # A problem our own call note reports was taken up on that call; what the note
            # promised about it is all we owe.
            reported_on_call = item.addressed_by is item.touch
            following = timeline.next_outbound(item.index)
            if following is None:
                # Only our own record answers it (a CRM task "call back about the plates", or the
                # call note's own promise): the task's due date is the promise's time.
                promise = item.commitment
                if (promise is not None and (promise[0].direction is Direction.INTERNAL or reported_on_call)
                        and ctx.now.date() > self._due(promise[1], timeline.when(promise[0]), ctx.options)):
                    overdue.append((item, *promise))
                continue
            index, reply = following
            if not reported_on_call and not any(addresses(part, item, timeline.items)
                                                for part in timeline.reply_parts(item.index)):
                if goes_back_to(reply, item.touch):
                    ignored.setdefault(index, []).append(item)
                continue
            if item.commitment is None:
                continue
            promise_touch, promise = item.commitment
            start = touches.index(promise_touch)
            # No later touch of ours reported back: the first one we may report on is the finding
            # (quoted history below a newer draft was sent long ago; the draft carries it). A
            # report that comes only after another follow-up of ours is late for that one.
            reported = touches.index(item.reported_by) if item.reported_by is not None else len(touches)
            later = [i for i, t in enumerate(touches) if start < i < reported and t.direction is Direction.OUTBOUND]
            if item.reported_by is not None and not later:
                continue
            target = next((i for i in later if reportable(conversation, touches[i])), None)
            if target is not None:
                unreported.setdefault(target, []).append((item, promise_touch, promise))
            elif not later and ctx.now.date() > self._due(promise, timeline.when(promise_touch), ctx.options):
                overdue.append((item, promise_touch, promise))
        for index, items in ignored.items():
            reply = touches[index]
            if not reportable(conversation, reply):
                continue  # history: that reply was sent long ago
            first = items[0]
            yield self._finding(
                conversation, reply, items,
                f'The customer\'s {_what(first)} from {_date(first.touch)} is not addressed: "{_sentence(first)}"',
            )
        for index, entries in unreported.items():
            target = touches[index]
            item, promise_touch, promise = entries[0]
            yield self._finding(
                conversation, target, [e[0] for e in entries],
                f'We promised to act on the customer\'s {_what(item)} ("{promise.text}", {_date(promise_touch)}) '
                f'and this follow-up does not report back: "{_sentence(item)}"',
                promise_touch, promise,
            )
        for item, promise_touch, promise in overdue[:1]:
            if not reportable(conversation, promise_touch):
                continue
            yield self._finding(
                conversation, promise_touch, [item],
                f'We promised to act ("{promise.text}") on the customer\'s {_what(item)} and have not '
                f'reported back since {_date(promise_touch)}: "{_sentence(item)}"',
                promise_touch, promise,
            )

    def _due(self, promise, base, options):
        due = promise.due
        if due is None:
            return add_business_days(base.date(), options["follow-through-days"])
        return due + timedelta(days=options["grace-days"])

    def _finding(self, conversation, touch, items, message, promise_touch=None, promise=None):
        item = items[0]
        evidence = [self.evidence(i.touch, i.signal) for i in items]
        if promise_touch is not None:
            evidence.append(self.evidence(promise_touch, promise))
        at = promise if touch is promise_touch else next((s for s in touch.signals if s.kind == "checkin"), None)
        return self.finding(
            conversation, touch, at, message,
            suggestion=f"Report back on the customer's {_what(item)} before asking for anything else.",
            evidence=evidence,
        )


def _sentence(item) -> str:
    return sentence_of(item.touch, item.signal)[1]


def _what(item) -> str:
    return "issue" if item.complains else "request"


def _date(touch) -> str:
    return touch.time.date().isoformat() if touch.time else "this draft"
