"""Filler: what a message says around its content, and phrases that would mislead other kinds."""

PHRASES: dict[str, list[str]] = {
    "pleasantry": [
        # Thanks for the customer's own contact: not our check-in or chaser.
        "(thanks|thank you) [so much|very much] for (checking in|reaching out|following up|getting in touch|touching base|contacting us|writing in|getting back)",
        "(hi|hello|hey|dear|greetings|good morning|good afternoon|good evening)",
        "[i] hope (you|you're|you are|all is|everything is|this finds|your|the)",
        "(have|enjoy) a (great|good|nice|lovely|wonderful|fantastic|relaxing) (day|week|weekend|evening|holiday|time)",
        "(thanks|thank you|many thanks|cheers|regards|best regards|kind regards|warm regards|all the best|best wishes|take care|talk soon|speak soon|sincerely)",
        "happy (monday|tuesday|wednesday|thursday|friday|holidays|new year)",
        "(it was|it's) (great|good|nice|a pleasure) (to|talking|speaking|meeting|chatting)",
        "(enjoy|enjoying) (the|your) *",
        "(look|looking) forward to (hearing|talking|speaking)",
        "[i|we] (hope|trust) (you|you're|you've|you are|you have|all|everything|this|that|your|the|things|it's|it is)",
        "how are you",
        "how have you been",
        "how's your (week|day|weekend)",
        "how was your (week|day|weekend)",
        # Closing niceties: say nothing, ask nothing.
        "no need to (reply|respond|write back|call back|ring back|get back|call|ring)",
        "whenever (it suits|suits|suits you|you can|you're ready|you get a (chance|moment|minute|sec|second))",
        "(at|in) your (convenience|leisure|own time)",
        "(say hi|say hello|give my best|give my regards|my best|my regards|love) to (the|your) *",
        "(stay|keep) (safe|warm|well|dry|cool|healthy)",
        "(good luck|best of luck|all the best) with",
        "[i] hope (the|your) (family|kids|team|weekend|holiday|holidays|trip|move|garden|dog|new baby) (is|are|was|went|has been|have been)",
    ],
    # Asking for the customer's news is not giving ours ("any updates on your side?").
    "nudge/their_news": [
        "any (update|updates|news|progress|movement|developments|word) (on|from|at) (your|their) (end|side)",
        "(keen|eager|curious|excited|love|like|happy|glad|great|interested) to (hear|know|learn|find out) (how|what|where|whether|if|about|back|from you|more about how|your)",
        "(hear|hearing) back from you",
        "(would|'d) (love|like) to hear (back|from you|how|what|where|your)",
        "(let|keep) me (know|posted|updated) (how|where|what is new|whether you|if you've|if you have) ** (going|getting on|finding|settling|went|landed|stand|working out|coming along|progressing|new|decided|had a chance)",
        "(keep|kept) me (posted|updated|in the loop)",
        "where (you have|you are|you've|things have|things are|your team has|the team has) (landed|got to|gotten to|ended up)",
        "(what|what is|what's) (new|happening|the latest) (with|on|at|in) (you|your|the)",
        "(drop|send|shoot|ping) me a (line|note|reply|message|quick reply|quick note)",
    ],
    # Pointing back at what was sent or said before is not news ("as per my last email").
    "context/earlier": [
        "(as per|per|as in|as mentioned in|as i said in|further to|following) (my|our) (previous|last|earlier|recent) (note|email|message|call|voicemail|conversation|chat)",
        "(the|that|our) (pricing|price|terms|options|plan|proposal|numbers|figures) (we|i) (discussed|talked about|spoke about|mentioned|went over|covered|agreed)",
        "(in|on|to) (that|my|our|the) (previous|last|earlier|original) (email|message|note|thread)",
        "(attachment|attachments|attached|link) (on|to|in) (that|my|our|the|my last|my previous) (email|message|note)",
        "(i|we) (sent|shared|emailed|forwarded) (over|across|you) (last|earlier|on|a few|the other|before|yesterday|recently)",
    ],
    # Why we write again, without news ("I know things get hectic").
    "context/busy": [
        "(i|we) (know|understand|appreciate) (things|you|everyone|life|it|schedules|inboxes) (get|gets|can get|can be|are|is|have been) [really|very|pretty|super] (busy|hectic|crazy|full on|a lot|packed|swamped)",
        "(you're|you are|you must be|you've been|you have been) [really|very|pretty|super] (busy|swamped|snowed under|flat out)",
    ],
    # A call note reporting the customer's own "all fine": their words, not what we brought.
    "context/reported": [
        "(he|she|they|customer|client) (said|says|told me|reported|confirmed) (all|everything|things|it|it's|it is|they're|they are|he's|he is|she's|she is) ** (fine|good|ok|okay|well|great|grand|fine for now)",
        "(nothing|no) (else )?(needed|required|to report|further|needed for now|needed at the moment)",
    ],
    # How a call went, as the note records it ("No answer, left a VM"): the customer heard none of it.
    "context/call_outcome": [
        "(no answer|no reply|no pickup|no pick up|didn't pick up|did not pick up|went to voicemail|went to vm|straight to voicemail|straight to vm)",
        "left (a )?(vm|voicemail|voice mail|message|msg)",
    ],
    # A chaser's reason: the last message may have been missed.
    "nudge/buried": [
        "[didn't|hasn't|won't|doesn't|hadn't] (slip|slipped|slipping|fall|fell|falling) through the (cracks|net)",
        "[didn't|hasn't|won't|doesn't|hadn't] (get|got|getting|gets) (buried|lost) (in|under) (your|the|an|all)",
        "(you'd|you had|you have|you've) seen my (last|previous|earlier) (note|email|message|voicemail)",
        "(saw|seen|received|got) my (last|previous|earlier) (note|email|message|voicemail)",
    ],
    # Offers with nothing named: no thing, slot, price or resource ("anything I can help with").
    "boilerplate/vague_offer": [
        "(anything|any *|something) (else )?(at all )?(i|we) can (help|do|assist|support) (with|for you)?",
        "(changes|tweaks|adjustments|help|support|anything|questions) (you|that you) (might|may|could) (need|have|want)",
        "(just )?(give|drop) (me|us) a (shout|line|shout out)",
        "(always )?(here|around|on hand|available) (if|when|whenever) you need (anything|us|me|a hand|help)",
        "(always|more than|very|also|equally) (happy|glad|keen) to (jump|hop|get) on a (call|quick call|zoom|teams call|video call|chat)",
    ],
    # Check-ins in everyday wording ("wanted to circle back and see how the new line is working out").
    "checkin/plain": [
        "(wanted|want|thought i'd|thought i would|i'd like|just) to (circle|loop|come) back",
        "(see|seeing|hear|hearing|find out|check) how (the|your|that) ** (is|are|has been|have been) (going|working out|working|settling in|settling|running|treating you|getting on|coming along|holding up)",
    ],
    # Who is writing, and from where ("Carla here from Harbor & Main").
    "context/intro": [
        "(here|calling|writing|reaching out) from (the|your|our)? *",
    ],
    # Check-ins as call notes and voicemails put them ("left VM, checking all good").
    "checkin/notes": [
        "(checking|check|checked) (that|if|whether)? (everything|all|things|it) (is|are|'s)? (still )?(ok|okay|good|fine|alright|all right|going well|working)",
        "(called|rang|phoned|calling|ringing|call|ring|vm|voicemail) (just )?to (see|check|find out|ask) how",
        "(called|rang|phoned|calling|ringing|vm|voicemail|left vm|left voicemail|left a message) (just )?(checking|to check) in",
        "(make|making|be|being) sure (the|your|his|her|their) ** (is|are)? (all )?(good|ok|okay|fine|alright|all right|working|running)",
        "(make|making) sure all (good|ok|okay|fine|well)",
        "(seeing|see|find out|check) how (she|he|they) (is|are|'s|'re) (getting on|doing|finding|settling|going)",
    ],
    "boilerplate": [
        # Standing offers of contact in other words ("Shout if anything comes up", "As a Pro
        # customer you can always reach us").
        "(shout|holler|ping me|ping us|give me a shout|give us a shout|reach out|get in touch|drop me a line|drop us a line) (if|when|whenever) (anything|something|you|there|any)",
        "(you can|you may|feel free to) (always |still |of course )?(reach|contact|call|email|ring|message|text) (us|me|the team|our team|support)",
        "(let|just let) me know (if|when|what|how)",
        "(if|in case) (there's|there is|there are) (anything|any)",
        "(feel free|don't hesitate|do not hesitate|please) to (reach out|contact|call|get in touch|ask|email|text|ring|drop)",
        "give (me|us) a (call|ring|shout|buzz)",
        "(call|email|text|ring) (me|us) (back|anytime|any time|whenever)",
        "let me know",
        "(reach|get in touch|contact me) (anytime|any time|whenever)",
        "(i'm|i am|we're|we are) (here|around|available) (to help|if|for|whenever)",
        "(any|if any) questions",
        "(happy|glad) to help",
        "(we're|we are|i'm|i am|the team|the team are|and the team are|team are) (always )?(here|around|available) (if|for|to|whenever)",
        "(always|just|only) a (call|phone call|message|email|click) away",
        "(reply|respond) to this (email|message)",
        "(my|our) (door|line|inbox) is always open",
        # ... as a call note reports it.
        "(asked|asking|told|telling) (him|her|them|the customer|the client) to (call|ring|phone|get back to|give me a call|give me a ring|call me|ring me) (back|me|me back|us)?",
        "(you know|you have) where to find (me|us)",
        # Customer-service boilerplate: says thank you, answers nothing.
        "(thank you|thanks|many thanks) for (your|the) (feedback|comments|message|email|note|patience|understanding|enquiry|inquiry|query|getting in touch|reaching out|contacting us)",
        "(we're|we are|i'm|i am) always (looking|trying|working|striving) (for ways|to improve|to do better|to get better)",
        "(comments|feedback|input|messages) like yours",
        "your (feedback|comments|input|business|custom) (help|helps|is|are|means) [us|valuable|important|a lot]",
        "we (value|appreciate) your (feedback|business|custom|comments|patience|loyalty)",
        "(we|i) (have|'ve) (noted|passed on|shared) your (feedback|comments)",
    ],
    # The same formula on the other side's need: from the customer, what they ask for under it
    # is their offer ("pls let me know if you need any information from me").
    "boilerplate/need": [
        "(if|should) you (have|need|want) (any|anything|more|further|other)",
    ],
    "neutral": [
        # Asking about an order the customer placed ("What date did you place the order on?") is no sales ask.
        "(did|have|had|when) you (place|placed|make|made|submit|submitted) (the|your|an|this|that) (order|purchase|booking|payment)",
        # The customer's own contact is not our promise ("you'll be in touch in no time").
        "(you'll|you will|you'd|you can) (be|get|getting) (back )?in touch [in|on|with|by|within|after|soon]",
        "(you'll|you will|you can) (call|ring|phone|email|contact|text|reach) (us|me|them) [back|again|in|on|by|within|tomorrow|soon]",
        "(no|not a) problem [at all]",
        # A wish, not a supposition: "I'd love to" does not make what follows hypothetical.
        "would (love|like|be glad|be happy|be keen|be delighted|be interested|want) to",
        # Effort, not a promise to act ("we'll do everything we can"): not the reply "Will do".
        "(will|would|'ll|'d) do (everything|anything|whatever|all|our best|my best|what we can|what i can)",
        "no (issue|issues|worries|trouble)",
        "(no|without) [any] (complaints|problems|issues)",
        "check in (at|to) the (hotel|front desk|desk|airport|counter|reception)",
        "(hotel|flight|online) check in",
        "(i've|we've|i have|we have|i|we) [just|already|also] (tried|called|emailed|rung|reached|left|noticed|wondered|wanted|missed|enjoyed|loved|liked|realised|realized|hoped|decided|thought|checked in|followed|heard|mentioned|texted|messaged) (to|calling|a|you|your|that|how|if|in|about|up|for)",
        "(rolled|we rolled|we launched|we released) out last",
        "(to|so we can) make sure everything is (in order|ready|correct|right|set)",
        "who else (from|on|in|at) (your|the) (team|side|office|company) (should|could|shall) (i|we) (add|invite|include|cc|copy|loop|bring)",
        "(refer|referring|referred) (to|you to) (the|our|this|that|your|section|page|attached|document)",
        "(medical|doctor's|specialist|gp) referral",
        # Pointing back at something sent before is not news ("the quote I sent last week").
        "(i|we|i've|we've|i have|we have) (sent|emailed|shared|forwarded|mailed|posted|attached) [you|over|across|through] (the|my|our|a|an|that|this) ** (last|earlier|previously|a few|on|the other|before|yesterday|recently)",
        "(the|my|our|that) (quote|quotation|proposal|email|note|message|info|information|details|brochure|estimate|offer|contract|deck) (i|we) (sent|shared|emailed|forwarded|mentioned|attached|put together|prepared)",
        # "I'm away with no signal until the 12th" is a constraint, not a fault in our network.
        "(away|abroad|travelling|traveling|on holiday|on vacation|hiking|camping|trekking|at sea|on a trek|on a cruise|offshore|in the mountains) with (no|little|limited|patchy|bad|poor) (signal|reception|internet|wifi|wi fi|connection|coverage|phone)",
        "(what|what's) (happens|happen|is) next",
        "(what|what's|what are) (is )?the next (step|steps)",
        "what (do|would) you need from (me|us)",
        "what (do|should) (i|we) do next",
        "(visit|check out|see|go to|head to|browse) (our|the) (website|site|help site|help center|help centre|help page|page|faq|faqs|portal|community|forum|blog|support site|support page)",
        "(they|he|she|people|who|everyone|someone|somebody|nobody) (call|calls|called|rang|phoned|emailed) me",
    ],
}
