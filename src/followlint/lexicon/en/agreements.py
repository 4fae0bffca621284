"""The next contact: agreed times for it, times in words, and owning a change to one."""

_NUM = "(<num>|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|a few|couple of|few)"
_CONTACT = "(call|ring|phone|email|e-mail|text|contact|reach out to|get back to|follow up with|check in with|circle back with|touch base with|come back to|get in touch with)"
_WHEN = "(today|tonight|tomorrow|this afternoon|this evening|later today|next week|next month|<weekday>|in|on|by|at|after|before|end of|early next|first thing|this week|on the)"

PHRASES: dict[str, list[str]] = {
    "callback": [
        # The time the customer set, as our call note reports it ("asked us to call Monday 23rd").
        "(asked|wants|wanted|told) (us|me) to (call|ring|phone|try) [back|again|him|her|them] (on|<weekday>|next|after|tomorrow|the|in|later|early)",
        "(i'll|i will|we'll|we will|i can|let me|i'd like to|i'm going to|i am going to|shall i|should i|i'll try to) " + _CONTACT + " (you|back)",
        "(i'll|i will|we'll|we will) " + _CONTACT + " you back",
        "give (me|us) (till|until|a|a few|some|a couple of|couple of|another) (next|<weekday>|days|weeks|week|day|couple|few|more)",
        "(talk|speak|chat) (again )?(on|next|<weekday>|tomorrow|in|after|early)",
        "(let's|let us|we can|we could|how about we) (talk|speak|reconnect|catch up|regroup|touch base|circle back) (on|next|in|<weekday>|tomorrow|after|early)",
        "get back to (me|us) (in|by|next|on|after|<weekday>|tomorrow|before)",
        "(try|reach) (me|us) (again )?(on|next|in|<weekday>|tomorrow|after)",
        "(follow up|check back|come back) (with you )?(on|next|in|<weekday>|tomorrow)",
        "(i'll|i will|we'll|we will|i can|i'd|we'd|i shall) be in touch",
        "(get|be|getting) (back )?in touch (on|in|next|after|by|<weekday>|tomorrow|early|before|around|later|this)",
        # Times the customer sets ("get back in touch with me next week", "give me 48 hours",
        # "please don't chase me before then").
        "(get|be|getting) (back )?in touch (with me|with us) (on|in|next|after|by|<weekday>|tomorrow|early|before|around|later|this|at)",
        "give (me|us) (<num>|one|two|three|a couple of|a few|another|the|till|until|a|some) (hours|hour|days|day|weeks|week|more days|weekend|couple of days|few days|bit|little while|while|next)",
        "(don't|do not|please don't|please do not) (chase|contact|call|email|ring|phone|text|nudge) (me|us) (before|until|till|again before|this week|next week)",
        "(decide|decision|answer|verdict) (by|before) (the|end of|<weekday>|next|this|tomorrow)",
        "(i'll|i will|we'll|we will|i can|let me|i'm going to|i am going to) (reach out|give you a ring|give you a call|give you a buzz|give you a bell|touch base|check back|check in|circle back|follow up|drop you a line|be back in touch) (again )?(on|in|next|this|tomorrow|<weekday>|after|by|before|early|around|at|the|once)",
        "(let's|let us|we can|we'll|we could|we will) (revisit|review|come back to|pick this up|pick it up|reconvene|regroup|reconnect|talk|speak) ** (in|on|next|after|<weekday>|tomorrow|early|once)",
        "give (me|us) (till|until) (the|end|next|<weekday>|<month>|<num>|<ordinal>|after)",
        "(let's|let us|shall we|we could|how about we) (do|say|book|meet|schedule|make it|pencil in|go for|pencil) (<weekday>|tomorrow|the <ordinal>|next|<num>|<ordinal>)",
        # A rep's CRM notes record promises in reported speech ("Promised to call back Friday",
        # "Told her we'd ring on Monday", "Said I would call back in 3 days").
        "(promised|agreed|offered|arranged|said) (to|i'd|i would|we'd|we would|i'll|we'll) " + _CONTACT + " (him|her|them|back|the customer|customer|client)",
        "told (him|her|them|the customer|customer|client|*) (i'd|i would|we'd|we would|i'll|we'll) " + _CONTACT + " (him|her|them|back)",
        "(will|to) (call|ring|phone) (him|her|them|customer|the customer|client) back",
        # ... the second verb of the promise a note reports ("told her I'd get a quote and call her back by Friday").
        "(and|then) (call|ring|phone) (him|her|them) back (on|by|before|<weekday>|tomorrow|next|this|in|at|first thing|end of|later|once)",
        "(promised|agreed|arranged|scheduled|booked) (a )?(call back|callback|follow up call)",
        # What we will send by a time is the next contact ("I'll get the quote over to you by Wednesday").
        "(i'll|i will|we'll|we will) (get|have|send|email) ** [over|across|through|back|out] to you (by|on|before|first thing|tomorrow|today|<weekday>|this|next|end of|in|within|later)",
        "(i'll|i will|we'll|we will) (send|email) (it|this|that|them|you|the *|your *) (by|on|before|first thing|tomorrow|<weekday>|end of|within)",
        # ... with the subject said once for two verbs ("I'm booking a visit and will email you the slot by tomorrow").
        "(and|then) (will|'ll) (send|email|text|call|ring|phone) you ** (by|on|before|first thing|tomorrow|today|<weekday>|end of|within|later today)",
    ],
    # The customer will answer by a time ("I'll let you know by the 20th").
    # A visit agreed for a day: the next contact, and in a note what we will do about the
    # customer's ask ("Agreed to bring the swatches on Thursday 9 April").
    "callback/visit": [
        "(agreed|arranged|promised|booked|confirmed) to (bring|drop off|drop round|show|deliver|come|come back|come round|come by|visit|pop in|pop round|pop by|call in|call round|go through|demo|walk) ** (on|at|<weekday>|tomorrow|next|this)",
    ],
    "callback/reply": [
        "(i'll|i will|we'll|we will|i should|we should|i can|we can) (let you know|get back to you|come back to you|be back in touch|revert|have an answer|have a decision|decide|confirm|give you an answer|make a decision) ** (by|on|before|after|next|in|within|<weekday>|tomorrow|this|early|end of|at the end)",
        "and (let you know|get back to you|come back to you|revert|be in touch|get back in touch|confirm) ** (by|on|before|after|next|in|within|<weekday>|tomorrow|this|early|end of|at the end)",
    ],
    # The customer asks us to contact them at a time ("call me Friday").
    "callback/asked": [
        "give (me|us) a (ring|call|bell|buzz) (on|next|tomorrow|<weekday>|in|after|this|at|around|before)",
        # ... as our call notes report it ("asked me to call her after the 20th", "wants a call
        # back on Monday", "asked to be rung after payday").
        "(asked|asks|wants|wanted|told|said|would like|'d like|prefers|preferred) (me|us) to (call|ring|phone|email|text|contact|try|get back to|follow up with|speak to) (her|him|them|back)",
        "(asked|asks|wants|wanted|would like|'d like|prefers|preferred|prefer) to be (called|rung|phoned|contacted|emailed|texted) [back]",
        "(asked|asks|wants|wanted|requested) (for )?(a )?(call back|callback|follow up call|follow-up call|ring back)",
        "said to (call|ring|phone|try) (her|him|them|back)",
        # A time the customer gives in passing ("I'm back from leave on the 3rd, call then").
        "(call|ring|phone|email|try|contact|text) (me )?(then|that day|that week|after that)",
        "(call|ring|phone|email|text|contact) me (back )?(on|in|next|tomorrow|after|before|this|later|<weekday>|around|at)",
        "(call|ring|phone|email|text|contact) me (back )?" + _WHEN,
        "(call|ring|phone|email|text|contact) me (back )?(the following|instead|later|another|after|around|nearer)",
    ],
    # A contact held out as a possibility, not agreed: a hedged suggestion ("maybe you can call
    # me before then", "perhaps we could talk next week") or an attempt promised ("I'll try
    # calling you next week", "I might give you a ring Friday").
    "tentative": [
        "(maybe|perhaps|possibly) (you|we|i) (can|could|might|may|should|will|'ll)",
        "(maybe|perhaps|possibly) (call|ring|phone|email|text|try|give|drop)",
        "(i'll|i will|we'll|we will|i'd|we'd|i might|we might|i may|we may|i can|we can) try (to|and|calling|ringing|phoning|emailing|texting|reaching|getting|giving|to give)",
        "(i|we) (might|may) (call|ring|phone|email|text|give you|drop you|reach out|get in touch|try)",
        "(i'll|i will|we'll|we will) (see if|see whether) (i|we) (can|could)",
        "if (i|we) (get|find|have) (a|the) (chance|minute|moment|spare moment)",
    ],
    "early_ok": [
        "(tell|let) me (know )?(straight away|right away|immediately|asap|at once)",
        "(in the meantime|before then|meanwhile) ** (tell me|let me know|call me|email me|text me|get in touch)",
        "(feel free|happy for you|fine for you|okay to|ok to) (to )?(call|email|contact|reach|text) (me )?(before|earlier|sooner|in the meantime)",
    ],
    "acknowledgement": [
        "(i|we) know (i|we) (said|promised|agreed|told you|mentioned)",
        # In a note's reported speech ("said I know we'd agreed Monday", "Rang early").
        "(i|we) know (we|i) ('d|had|have) (said|promised|agreed|arranged|planned)",
        "(rang|called|calling|ringing|writing|emailing|phoned) (early|ahead of time|a bit early|before the agreed)",
        "(only|just) (writing|emailing|calling|ringing|getting in touch|messaging) (now|before then|early|ahead|before)",
        "before then because",
        "(i|we) (realise|realize) (i|we|you) (said|promised|agreed|asked|wanted)",
        "(i|we) know (you|you'd|you had|you have) (wanted|asked|needed|said|wanted some|asked for)",
        "(earlier|sooner) than (we|i) (agreed|said|planned|promised|discussed)",
        "sorry (to|for) (bother|bothering|call|calling|reach|reaching|contact|contacting|email|emailing|writing) (you )?(before|early|earlier|sooner|ahead)",
        "(before|ahead of) (our|the) (agreed|planned|scheduled)",
        "(i|we) (said|promised) (i'd|i would|we'd|we would) (call|email|wait|give you)",
        "(instead of|rather than) (waiting|waiting until|waiting till)",
        "(sorry|apologies) (for|about) the (delay|late|wait)",
        "later than (i|we) (said|promised|agreed)",
        "(i|we) know you (said|asked|wanted|needed|were going to)",
        "(i|we) know it's (before|earlier than|ahead of|not yet)",
        "(before|ahead of) (the|our) (<weekday>|call|date|deadline|day|time) (we|you|i) (agreed|said|set|arranged|planned)",
        "(sorry|apologies) (for|about) (the )?(change|reschedule|rescheduling|moving|switching)",
        "(need|have) to (move|reschedule|push|change|bring forward) (our|the|your)",
        "(moving|rescheduling|pushing|changing) (our|the) (call|meeting|demo|appointment|review|visit) (to|from)",
        "(i|we) (said|told you|promised|mentioned) (<weekday>|tomorrow|today|the <ordinal>|next week|i'd|i would|we'd|we would|i'll|we'll)",
    ],
    "when": [
        "(today|tonight|tomorrow|this afternoon|this evening|this morning|later today|end of day|eod|first thing tomorrow)",
        "(day after tomorrow|the day after tomorrow)",
        "(end of day|eod|close of business|cob|end of play|close of play|first thing) [on] <weekday>",
        "<weekday> (morning|afternoon|evening|lunchtime|eod|end of day|close of business)",
        "in " + _NUM + " [more] [business|working] (days|day|weeks|week|hours|hour|months|month)",
        "(within|in the next) " + _NUM + " [business|working] (days|day|weeks|week|hours|hour)",
        "(next|this|on|by|before|after|until|till|coming) (<weekday>|week|month|weekend)",
        "<weekday>",
        "(end of|end of the|by the end of the|by the end of) (week|month|day)",
        "<month> (<num>|<ordinal>)",
        "(<num>|<ordinal>) <month>",
        "the <ordinal>",
        "(next|early next|later this|later next) (week|month)",
        "<num> (hours|days|weeks|business days|working days)",
        "(before|until|till) then",
        "the following (<weekday>|week|month|day)",
        "(in|within) (a|one|two) (fortnight|fortnights)",
    ],
}
