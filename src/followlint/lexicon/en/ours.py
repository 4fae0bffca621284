"""What we say: check-ins and chasers, promises, asks, introductions and the tone of a reply."""

# The verbs of doing that make a reported promise ("told her I'd chase it").
_DOING = ("(check|look into|find out|chase|follow up|call|ring|phone|email|send|resend|confirm|get back|come back|sort|"
          "fix|arrange|ask|speak|talk|request|order|raise|log|book|get|organise|organize|escalate|investigate|"
          "update|forward|post|pass|text|bring|collect|refund|credit|replace|swap|look at|dig into)")
_OK = "(ok|okay|fine|good|alright|all right|well|great|going well|going smoothly|on track|in order)"

PHRASES: dict[str, list[str]] = {
    "checkin": [
        # What an empty follow-up says instead of a reason.
        "(just|quick|quickly|briefly|simply) (check|checking) in",
        "(wanted|want|wanting|thought|like|going|'d like|would like) to (check|checking) in",
        "(i'm|i am|we're|we are) checking in",
        "checking in (to see|on how|on things|with you|again|once more)",
        "(touch|touching|touched) base",
        # ... "just reach out again if you need help" is the imperative: an offer, no check-in.
        "just reaching out",
        "(wanted|want) to reach out",
        "(make|making) sure (everything|everything's|all|things) (is|are|'s) " + _OK,
        "(be|being) sure (everything|everything's|all|things) (is|are|'s) " + _OK,
        "(make|making) sure (you're|you are) (happy|satisfied|doing well|all set|ok|okay)",
        "(see|seeing|find out|check) (if|whether) (everything|all|things) (is|are) " + _OK,
        "(see|seeing|find out|check|know) how (everything|things|it|you) (is|are|'s|was|were) (going|doing|getting on|coming along|working out)",
        "(see|seeing) how (you're|you are) (doing|getting on|finding)",
        "how('s| is| are) (everything|things|it|life) (going|working out|coming along)",
        "how('s| is) (it|everything) going",
        "how('s| is| are) the * (going|working out|treating you)",
        "how are you (getting on|finding) ",
        "(just|quickly) (wanted|want) to (say hi|say hello|touch base|see how)",
        # Drafted against varied real-world wording.
        "(see|check|find out|know|hear) (if|whether|that) (everything|everything's|all|all's|things|it|it's|the *|your *) ** (running|going|working|ok|okay|fine|good|well|smoothly|alright|all right|to plan|as planned)",
        "checking in",
        "check in (on|with) (you|how|things|everything)",
        "(reaching|reach) out to (see|check|ask|find out|say)",
        "thought i'd (reach out|check in|touch base|drop you a line|say hi|say hello|see how|follow up|get in touch)",
        "(drop|dropping) (you )?a (line|note|quick note|quick line)",
        "(say|saying) (hi|hello|hey)",
        "(popping|pop|stopping|stop) (in|by) to",
        "see how (you're|you are|things are|everything is|everything's|it's|it is|you've been|you have been|you both are|you all are|the family is)",
        "(seeing|see|hear|hearing|find out) how (you|things|everything|it|the *|your *) (is|are|'s|was|were|has been|have been) (going|doing|settling|getting on|holding up|working out|working|treating you|running)",
        "how (are|is|'s) (things|everything|it all|life|the * |your * ) (going|working|treating you|holding up|with you|on your end|on your side|working out|coming along|settling)",
        "how('s| is) (everything|it|things|life) (with|on|at|over)",
        "how('s| is| are) (the|your) ** (treating you|working out|going|holding up|behaving|settling in)",
        "how (have|are) you (been|getting on|getting along|finding|settling|liking)",
        "(you're|you are|you've|you have) (settling|settled|getting on|getting along|finding your feet)",
        "(is|are) (everything|things|it all|all) (still )?(going|ok|okay|good|fine|working|running|well|alright|all right) ",
        "(is|was) everything (still )?(ok|okay|good|fine|to your liking|as expected|working|alright)",
        "(everything|all|things|it's all|it is all) (running|going|working) (smoothly|well|ok|okay|fine|as expected)",
        "(make|making|be|being) sure (it's|everything's|all's|it is|you're|you are) (all )?(running|going|working|good|ok|okay|happy|set|fine)",
        "(make|making) sure (my|the|our) (last|previous|earlier)? (note|email|message) (didn't|did not|hasn't|has not) (get|got) (buried|lost)",
        "(reconnect|catch up|stay in touch|keep in touch|touching base)",
        "(gentle|friendly|quick|little) (nudge|reminder|ping|poke|note) (on|about|regarding|re)",
        "(hear|see|find out) what's new",
        "(wanted|want|thought i'd) to see (if|whether) you (had|have) any questions",
        "(any|have you any|do you have any) questions about anything",
        "(keep|keeping) (it|this|me|us) on your radar",
        "(top|front) of your inbox",
        "in case (it|this|my email|my note) (slipped|got lost|got buried|fell)",
        "(bumping|bump) (this|my|up)",
        "just seeing how",
    ],
    # A wish that things go well ("hope things are going well at Acme"): a check-in when it is all
    # the touch says, the opening courtesy when the touch asks for a referral.
    "checkin/wish": [
        "(hope|hoping) (everything|all|things|it) (is|'s|are) (going|good|well|great|fine|ok|okay|running)",
    ],
    # Chasing what we sent ("just following up on the quote below", "circling back on this one"):
    # a check-in in words, but the purpose is our pending ask.
    "checkin/chase": [
        "just (following|follow) up",
        "(wanted|want) to (follow|circle) up",
        "just (circling|circle|looping|loop) back",
        "(just|quick) [a] (friendly|gentle|quick) (reminder|nudge|follow up|follow-up)",
        "[just] bumping this",
        "[just] floating this",
        "(keep|keeping) (you|this) on (my|your) radar",
        "(following|follow|followed) up (on|about|regarding|re) (my|our|the|your|this|that|last|previous|earlier|below)",
        # "follow up with the warehouse" is a promise about a third party, not a chaser.
        "(following|follow|followed) up with (you|my|our|your|this|that)",
        "(circling|circle|looping|loop|coming) back (on|to|around|about)",
        "(wanted|want|thought i'd|thought i would|i'd|just) (circle|loop|come) back",
    ],
    "nudge": [
        "(did|have) you (get|got|had|have) (a|the) chance to",
        "(any|any further) (thoughts|feedback|news|update|updates)",
        "any update (on your end|from your side)",
        "what do you think",
        "(did|have) you (receive|received|see|seen|get|got) my [last|previous|earlier] (email|message|note|voicemail|call|proposal)",
        "(haven't|have not|didn't|did not) (hear|heard) back",
        "(are|is) (you|this) still (interested|a priority|on your radar)",
        "still (interested|thinking about it)",
        "where (do|did) (we|things) (stand|land)",
        "is (now|this|it) a (good|bad|better) time",
        "(did|have) you (get|got|had|have) (a|the) chance",
        "(you'd|you had) (had )?a chance to",
        "(hadn't|had not|haven't|have not|didn't|did not) (heard|hear) (back|from you)",
        "where (things|we|this|it) (landed|stand|stands|are at)",
        "(any|some) (feedback|thoughts|reaction|word)",
        "(any|what are your) (thoughts|news)",
        "is (the team|everyone|your team|the family) (happy|pleased|ok|okay|enjoying)",
        "(anything|is there anything) (i|we) can (help|do) (with|for you)",
        "(anything|is there anything) (else )?(you need|i can do|we can do|i can help)",
        "(still|are you still) (on|keen|interested)",
        "(haven't|have not|hasn't|has not) heard (anything|a thing|a word|nothing)",
        "(heard|had) nothing (back|since)",
    ],
    "context": [
        "(it's|it has|it is|it's now|it has now) been * (days|weeks|months|week|month|year|while|little while|bit)",
        "(it's|it has|it is) been (a|about|almost|nearly|over|just over) **",
        "since (you|your|we|the) ** (drove|moved|signed|started|joined|switched|install|installed|visit|visited|picked|bought|came|got|opened|went|took)",
        "(now that|since) (you|your|you've|you have|the team has|your team has) ** (been|had|used|got|moved|settled)",
        "(you've|you have) been (a|with|our|using|on) *",
        "(this is|it's|it is|my name is|here's) * (from|with|at)",
        "(a|just a) (quick|short|brief) (note|message|line|email) (from|to)",
        "(i|we) know (things|you|everyone|life) (are|is|'re|'s) (busy|hectic|crazy|full on)",
        "(i'll|i will) keep (this|it) (short|brief|quick)",
        "(voicemail|call|phone) script",
        "(owner|customer|client|patient|member) (call|check|follow up|survey)",
    ],
    "commitment": [
        "(i'll|i will|we'll|we will|i'm going to|i am going to|we're going to|let me) (check|look into|find out|chase|sort|fix|confirm|investigate|ask|follow up on|look at|get to the bottom of|escalate|see what|dig into|track down|get back to you|get an answer|update you|let you know|keep you posted|send|resend|arrange)",
        "(leave it with me|i'm on it|i am on it|on it now|will do)",
        "(i'll|i will|we'll|we will|i'm going to|we're going to|let me) (have|take) a [quick|closer|proper|good] look",
        # Through someone else ("I'll get our broker to send it over").
        "(i'll|i will|we'll|we will) (get|have|ask) [our|my|the] * to (send|resend|call|check|look|email|fix|sort|arrange|contact|confirm|issue)",
        "(i'll|i will|we'll|we will) (make sure|ensure) (it|they|you|this|that)",
        # Diagnosis promised ("I'll pull the firewall logs", "we'll test the unit").
        "(i'll|i will|we'll|we will|i'm going to|we're going to) (pull|review|test|trace|examine|inspect|analyse|analyze|diagnose|audit|go through|look over|go over|run) (the|your|our|a|an|it|this|that|them|some|all)",
        "(will|'ll) (get back to you|revert|report back|come back to you)",
        # Done first, then told ("I'll request his service dossier from the National Archives
        # and let you know what's in it").
        "(i'll|i will|we'll|we will|i'm going to|we're going to) ** ** ** and (let you know|get back to you|come back to you|report back|update you|keep you posted|be back in touch)",
        "(will|'ll|is going to|are going to) (collect|pick up|swap|exchange|replace|refund|credit|repair|redeliver|reship|resend|waive|remove|reverse|correct|amend|update|bring|deliver|drop off|call you|contact you|email you|fix|sort|investigate|look into)",
        "(i'm|i am|we're|we are) (arranging|raising|booking|sending|on to)",
        # Done by us, in everyday words ("I'll get that sorted today", "I'll email the certificate
        # over tonight", "I'll put a call in to the factory", "I'll make some enquiries").
        "(i'll|i will|we'll|we will) (get|have) (it|that|this|them|everything|the *|your *) (sorted|fixed|done|booked|arranged|ordered|replaced|refunded|redone)",
        "(i'll|i will|we'll|we will) (email|post|courier|text|dig out) (it|that|this|them|the|your|over)",
        "(i'll|i will|we'll|we will|let me) (put a call in|make some enquiries|make enquiries|make a few calls|ask around)",
        "(i've|i have|we've|we have) (escalated|raised|logged|flagged|passed) (this|it|that|your|the)",
        "(escalating|escalated|raising|raised|passing|passed) (this|it|that|your *) (to|with)",
        "(let me|i'll|i will) (ask|talk to|speak to|speak with|talk with|check with|get onto|get on to|take it up with)",
        # Our own promise reported in a call note or a CRM log ("said I'd follow up with the
        # warehouse", "told her I would request the certificate", "promised to send the quote
        # Friday", "will check with accounts and call back").
        "(said|told (him|her|them|the customer|the client|*)|promised|agreed|assured (him|her|them)) (i'd|we'd|i would|we would|i'll|we'll|i will|we will) " + _DOING,
        "(promised|undertook|committed|agreed) (to|that i'd|that we'd|that i would|that we would) " + _DOING,
        "will (check|chase|confirm|find out|ask|speak|talk|follow up|look into|raise|escalate) (with|on|about|into|if|whether|the|her|his|their|it|that|this)",
        "(will|and) (get back to|come back to|call|ring|phone|email) (her|him|them) [back]",
        "(will|and) (call|ring|phone) back",
        # Sending it over by a time is a promise too ("I'll get the revised quote over to you").
        "(i'll|i will|we'll|we will|let me) (get|have|send) ** (over|across|through|back|out) to you",
        "(let's|let us|let me|allow me to) (take a look|look into|get this sorted|get this fixed|help|see what)",
        "(we'll|we will|i'll|i will) (get this|get it|have this|have it) (sorted|fixed|looked at|resolved|checked)",
        "(no|not yet an|no update on the) (eta|estimate|timeline) (yet|for|on)",
        "(escalated|reported|raised|logged) (this|it|your|the) [on|along|up] (to|with) (our|the)",
    ],
    # Passing the customer's word on ("we'll pass your feedback on to our Ads team", "I've fed
    # this back", "We'll get this reported"): done once passed on; nothing is owed back.
    # A visit to put it right ("our restorer can come out Thursday to fix it, on us"): with its
    # day, a booked act that the visit itself keeps, not a report we owe.
    "commitment/visit": [
        "(can|could|will|'ll|is going to|are going to) (come out|come round|come over|come by|pop round|pop over|pop by|call round|call out|come back|be out|be round|be over) ** (to|and) (fix|repair|replace|sort|look at|redo|swap|collect|take a look|touch up|refit|reinstall)",
    ],
    "commitment/relay": [
        "(i've|i have|we've|we have|i|we) (fed|passed|sent) (this|it|that|your *) (back|on) (to|for|with)",
        "(i'll|i will|we'll|we will) (pass|feed|send) (this|it|that|your *) (on|back|along)",
        "(we'll|we will|i'll|i will) (get this|get it|have this|have it) reported",
        "(passed|forwarded) (this|it|your|the) [on|along|up] (to|with) (our|the)",
    ],
    # An offer in the conditional ("We'd be glad to help", "I'd love to take a look"): it takes
    # the point up, and leaves the next step to the customer; nothing is owed back.
    "commitment/offer": [
        "(we'd|we would|i'd|i would) (like|love|be happy|be glad|be more than happy|be delighted|be pleased) to (help|look into|take a look|have a look|sort|fix|get this sorted|assist|check|go over|go through|walk you through|talk you through|explain)",
    ],
    "assent": [
        "(yes|yep|yeah|of course|certainly|absolutely|definitely|sure thing|by all means|gladly) ** (i|i'd|i'll|i've|i'm|i can|we|we'd|we'll|we've|we're|we can|we do|you can|you're|please|it's|it is|they|they're|that's|that is|there|here)",
        "(yes|of course|absolutely|certainly|by all means) please do",
        "please (do|go ahead)",
        "(happy|glad|more than happy) to (do that|do so|send|arrange|add|swap|help with|take care of|sort)",
        "(consider it done|all done)",
        "(that|it) (works|suits|is fine|sounds good|sounds great)",
        "(we|i) (certainly|definitely|absolutely) (do|can|will|are)",
        "(we|i) do (and|!)",
        "sounds (good|great|perfect|fine|like a plan)",
    ],
    "referral_ask": [
        # Asking who they know, whoever stands between ("know any other physio practices that...").
        "(know|knows) (of )?(any|anyone|anybody|someone|somebody) ** (who|that|looking|interested|in the market|needing|planning|shopping|thinking|still)",
        "(or|anyone|someone|people|others|who) in your (network|circle)",
        "(know|knows) (of )?(anyone|anybody|someone|somebody|any friends|any colleagues|any other) (else )?(who|that|looking|interested|in the market|needing|who'd|who might)",
        "(anyone|anybody|someone|somebody) (else )?(you|you'd|you could|you might|you would) (recommend|refer|introduce|send|point)",
        "who else (should|could|might|would|do you think) (i|we)",
        "who else (in|at|on|from) (your|the) ** (should|could|might|would|do you think|ought to)",
        "(refer|recommend|introduce) (me|us|anyone|anybody|someone|a friend|your friends|your colleagues) (to|along|our way|my way)",
        # "send someone to fix it" is a visit; sending people our way is the ask.
        "send (anyone|anybody|a friend|your friends|your colleagues|people|them) (along|our way|my way)",
        "(would|could|will|can|might) you (refer|recommend|introduce|pass)",
        "(any|do you have any|happy to take any) (referrals|introductions|recommendations for)",
        "(friends|colleagues|family|neighbours|neighbors|contacts|peers) (who|that) (might|may|could|would|are|need)",
        "(pass|passing|share|sharing) (my|our) (name|details|number|card|contact|info|information) (on|along|with)",
        "(pass|passing) on (my|our) (name|details|number|card|contact|info|information)",
        # ... in the past tense only as the polite conditional: "we'd love it if you passed our
        # name on" asks; "we passed our details on to the insurer" reports.
        "if you passed (on )?(my|our) (name|details|number|card|contact)",
        "(refer a friend|referral program|referral programme|referral bonus|referral reward|referral fee|referral scheme)",
        # ... as a call note reports it ("asked if any of her neighbours might want a quote").
        "(asked|asking) (if|whether) (any of )?(her|his|their|your) (neighbours|neighbors|friends|colleagues|family|contacts|peers) (might|would|could|may|need|want|are)",
        "(who|anyone) (in your network|you know)",
        "(put|putting) (me|us) in touch with",
        "(friends|family|coworkers|co workers|colleagues|neighbours|neighbors|anyone|anybody|someone|people|others|buyers|sellers) ** (shopping for|looking for|in the market for|thinking about|thinking of|planning|who need|who needs|needing|considering)",
        "(recommend|mention|refer) (us|me|our (clinic|firm|company|team|practice|agency|shop|service)) to (your|a|any|friends|family|colleagues|others|people)",
        "(tell|let) (your )?(friends|family|colleagues|neighbours|neighbors|others) (about|know about)",
        "(send|sending|point|pointing) (them|anyone|people|friends|shoppers|buyers) (my|our) way",
        "(introduction|introductions|intro|intros) to (other|your|any|another|peers|colleagues)",
        "(other|fellow) (importers|buyers|teams|departments|schools|practices|companies|businesses|owners) (who|that) (might|may|could|would)",
        "(gift card|voucher|credit|bonus|reward) for (every|each|any) (referral|friend|neighbour|neighbor|introduction)",
        "(recommend|mention|refer|introduce) (us|me|our *) to (anyone|anybody|someone|somebody|your|a|friends|family|colleagues|neighbours|neighbors|others|people|peers)",
        "(for|with) (every|each|any) (friend|neighbour|neighbor|colleague|relative|family member|person|customer|client|company|business) (you|who) (refer|send|introduce|recommend|sign up|signs up|books|joins)",
        "who else (at|in) * (handles|looks after|is responsible|deals with|makes|decides|buys|would|might|should|could|needs|uses)",
        "(love|like|appreciate|welcome|grateful for|happy to have|happy to get|glad to have|glad to get|open to) (an|any|a few|some) (introduction|intro|introductions|intros|referral|referrals)",
        # A referral programme's own link or code, handed over to be passed on.
        "(share|send|forward|pass on) (your|this) (personal|unique|referral|invite|invitation|friend) (link|code|url)",
        "(introducing|introduce) me to (a|some|any|your|other|a couple of|a few) (peers|colleagues|contacts|friends|people|others|buyers|owners)",
        "(told|tell|telling) (your|any|all your) (friends|family|colleagues|neighbours|neighbors|network) about",
        "(word of mouth|spread the word|pass the word)",
        # An invitation to share: the customer passes us on rather than naming someone.
        "(pass|passing|give|giving|hand|handing) (on|along|out) (my|our) (name|details|number|card|cards|contact|contact details|info|information|link|website)",
        "(share|sharing|forward|forwarding|pass|passing|send|sending) (this|it|us|our *|my *) [on|along] (with|to) (anyone|anybody|someone|somebody|others|other people|people) [else] (who|that|you) (might|may|could|would|know|think|needs|need)",
        "(share|sharing|forward|forwarding|pass|passing|recommend|recommending|mention|mentioning) (this|it|us|our *|my *) [on|along] (with|to) (your|any|a) (friends|friend|family|network|contacts|circle|neighbours|neighbors|community)",
        "(tell|telling|let) (your|all your|any|a|any of your) (friends|friend|family|neighbours|neighbors|network|contacts|peers|circle) (about|know about) (us|me|our|it|this)",
        "(anyone|anybody|someone|somebody|others|friends|colleagues|peers|people) (else )?(who'd|who would|who might|who could|that would|that might|that could|who may) (benefit|need|use|like|enjoy|want|be interested|find (it|this|us) useful|get value)",
        "who (is|'s|are|'re|would be|might be) the next (person|people|contact|colleague|one|team|department|office) ** (i|we) (should|could|might|ought to|can) (talk|speak|reach|contact|call|meet|show|demo|visit)",
        "(who|which) (other|else) (person|people|colleagues|teams|departments|offices|branches|managers|friends|businesses|companies) ** (might|could|would|may) (benefit|need|use|like|want|be interested)",
    ],
    "ask_business": [
        "(ready|want|wants|like|decided) to (go ahead|move forward|sign|order|proceed|commit|switch|book)",
        "(give|gives|giving) (me|us) the (go ahead|go-ahead|green light|nod|thumbs up)",
        "(get|getting|push for|pushing for) (a|her|his|their) (decision|go ahead|go-ahead|yes|commitment|signature)",
        "(shall|can|should|may) (we|i) (go ahead|proceed|book|process|place|lock|set up|send the contract)",
        "(shall|can|should|may) (we|i) (set|get|put|sort|book|lock) (it|you|this|that|everything|the policy|the order|the plan) (up|in|through|going|started|sorted|covered|booked|live|on)",
        "(i|we) (just|only) need (a|your) (yes|go-ahead|go ahead|signature|ok|okay|decision|sign off|sign-off|say so|green light)",
        "(sign|place|confirm) (the|your) (order|contract|agreement|paperwork)",
        "(have you|did you) (decided|made a decision|had time to decide)",
        "(any|what's your|your) (decision|verdict)",
        "(can i|could i|may i) (get|have|count on) your (order|business|signature|commitment)",
        "(get|getting) (you|this) (signed|started|booked|on board)",
        "(still|are you) (interested|keen|on board)",
        "(shall|can|should|may) (we|i) (switch|sign|enrol|enroll|register|order|upgrade|move|put|write up|draw up|get) (you|your|it|the|an|this)",
        "(get|put|send) (your|an|the) (offer|order|application|deposit|signature|paperwork|booking) (in|over|through|across)",
        "(make|submit|place|put in) (an|your|the) (offer|order|bid|deposit|booking)",
        "(want|like) (me )?to (switch|sign|book|order|reserve|lock|secure) (you|it|your|the)",
        # The ask as a call note reports it ("called to ask if she wants to switch today").
        "(to|and) ask (if|whether) (she|he|they|the customer|the client) (wants|want|is ready|are ready|would like|'d like|will|would) to (switch|sign|order|go ahead|proceed|buy|book|commit|move forward|take it|decide)",
        "(to|and) ask (her|him|them)? (for|about) (the|a|her|his|their) (order|decision|business|signature|go ahead|sale)",
        "(asked|asking|pushed|pushing|push|pressed|pressing) (her|him|them)? (for|about) (the|a|her|his|their) (order|decision|business|signature|go ahead|sale|answer)",
        # Asking for the decision itself ("Can you confirm acceptance today?", "Reply YES and...").
        "(can|could|will|would) you (confirm|give me|let me have|send me) (your )?(acceptance|decision|answer|approval|go ahead|sign off|signature)",
        "(reply|respond|text|answer) (yes|y|ok|okay|go) (and|to)",
        # Closing now ("Can we finalise your policy today?", "called to see if they'd made a decision").
        "(shall|can|could|should|may) (we|i) (finalise|finalize|close|wrap up|seal|complete|sign off|firm up) (your|the|this|it|things|everything)",
        "(made|make|reached|come to|came to) (a|their|her|his|your|any) decision",
        "(see|ask|check|find out) (if|whether) (she|he|they|you|the customer|the client) ** (decide|decided|made a decision|reached a decision|come to a decision|make a decision|made their decision|made up (her|his|their|your) mind)",
    ],
    "concession": [
        "(lower|reduce|drop|cut|knock|bring down|take) (the )?(price|rate|cost|fee|monthly|payment|premium)",
        "<num> (%|percent) (off|discount|reduction|lower|knocked off|taken off)",
        # A lower price said another way ("I can bring the price down to £1,250", "How about 10
        # hours for £320? That's just £32 an hour").
        "(bring|get|knock|take) (the|your|our|my) (price|cost|rate|fee|quote|total) down",
        "(how about|what about|what if i|what if we|let's say|call it) ** (for|at) <money> <num>",
        "(that's|that is|it's|it is|works out at) (just|only) <money> <num>",
        "<num> (month|year) (term|contract|plan|commitment|agreement|lease)",
        "(knocked|knock|taken|take|shaved|shave) <num> (%|percent)? off",
        "(a|an|extra|additional|further|special) (discount|reduction|price cut|markdown|rebate)",
        "(shorter|12 month|12-month|6 month|6-month|month to month|month-to-month|one year|1 year|24 month|no) (contract|term|commitment|agreement|plan|lock-in)",
        "(waive|waived|waiving|drop|dropping|skip) (the )?(fee|fees|setup|set-up|installation|deposit|cancellation fee|charge)",
        "(throw|throwing) in",
        "(at no|no) (extra|additional) (cost|charge)",
        "(match|matching|beat|beating) (their|the|that|any|your|a competitor's) (price|offer|quote|deal)",
        "(price match|price-match|better price|better deal|special price|special rate|best price)",
        "(i|we) (can|could|'ll|will) (do|offer|go down to|come down|go lower|give you|include)",
        "(come|coming|go|going) down (on|in|to) (the )?(price|cost)",
        "(free|complimentary) (month|months|upgrade|installation|extra|service|add-on|addon|year|trial)",
        "(free|complimentary) for (the first|a|one|two|three|six|twelve|<num>) ** (month|months|weeks|year|years)",
        "(what if|how about if|suppose) (i|we) (include|add|give|throw|waive|drop|knock|cut|take)",
        # An extra thrown in ("and a free nail trim", "plus onboarding free").
        "(and|plus|with|also) (a|an) (free|complimentary) *",
        "(plus|and|with) (onboarding|setup|set-up|installation|delivery|fitting|training|support) (free|thrown in|included free|at no cost)",
        "(knock|take|shave) ** off (the|your|our|it|that)",
        "<money> <num> off",
        "<num> off",
        "(free|complimentary) (delivery|shipping|tyres|tires|set|extras|extra|installation|fitting|months|month|upgrade|service|accessories|mats|cleaning|whitening|night|nights)",
        "(waive|waiving|waived) (the|your|our)? *",
        "(first|a|one|two|three|<num>) (month|months|week|weeks|box|boxes) (free|for free|on us|on the house)",
        "(at|for) half (price|the price|off)",
        "half (price|off)",
        "free ** (setup|set-up|set up|installation|tooling|onboarding|delivery)",
        "(month to month|monthly rolling|rolling monthly|no minimum term|cancel anytime|cancel any time)",
        "(cut|drop|lower|reduce|reducing|lowering|dropping) (your|the|our) (rate|rates|premium|price|fee|tariff|cost)",
        "(match|matching|beat|beating) (it|their|your current|your existing)",
        "(same|annual|the annual) price (on|for|with) (a|the) (monthly|shorter|month)",
        # The price brought down with words between ("drop the unit rate", "cut your monthly fee").
        "(lower|reduce|drop|cut|bring down|knock down|trim) (the|your|our) ** (rate|rates|price|premium|fee|fees|tariff|cost|charge)",
        "(threw|throw|throwing|chuck|chucking|add|adding|include|including) in (a|an|the|your|some|two|free) ** (free|at no|for free|on the house|no charge|complimentary)",
        "(threw|throw|throwing|chuck|chucking) in (a|an|the|some|two|free|your)",
        "(beats|beat|beating|undercut|undercuts|undercutting) (what|the price|the quote|their) (you're|you are|you|they|their) ** (paying|pay|quoted|charge|charging|offered|offering)?",
        "(on the house|free of charge|for free|at cost)",
    ],
    "exploration": [
        "(what|which) (part|aspect|bit|element) (of|about)",
        "(can|could|may|might) (i|you) ask (what|why|which)",
        "what('s| is| was) (behind|driving|making|holding|causing)",
        "(tell|help) me (more|understand|what)",
        "(what|which) (would|could|might) (make|need|change)",
        "(is it|was it|is that|was that) the (price|length|term|contract|cost|timing|commitment)",
        "what (concerns|worries|bothers|put you off|puts you off)",
        "what (didn't|did not|don't|do not) you like",
        "(why|how come) (is|was|do|does|did)",
        "(understand|hear) (your|the) (concern|concerns|hesitation|reservations)",
        "(what|where) (specifically|exactly)",
        # How support teams take a problem up in a short reply: asking for the details they need,
        # moving to a private channel, saying they are on it. Each of these engages with the issue.
        "(dm|direct message|private message|pm|message|email|send|text) us [with|your|the|a|more|over|a dm|a note]",
        "(can|could|would) you (send|dm|share|tell|give|confirm|provide|pass) (us|me) (your|the|a|an|more|some|which|what|when|where)",
        "(please|kindly) (send|dm|share|confirm|provide|follow|reach out|contact|reply with|tell us)",
        "(what|which) (is|was) (your|the) (order|booking|account|confirmation|reference|ticket|case|claim|policy|tracking|flight|serial|model) (number|id|no|code)",
        "(what|which) (device|version|browser|platform|plan|model|app|operating system|os) (are|is|do) you",
        "(follow|following) (us|back) so (we|i) can",
        "(could|can) you (try|check|restart|reinstall|update|clear|log out)",
    ],
    "guarantee": [
        # Never again with words between ("it won't ever happen again", "nothing like this will ever
        # happen to you again"), no more of the trouble, not a single hitch.
        "(won't|will not|will never|'ll never|shall never|never will) [ever] (happen|occur|recur|be an issue|be a problem) [again|to you]",
        "nothing ** (will|'ll|is going to|shall) [ever] (happen|go wrong|get|be) ** (again|lost|broken|damaged|scratched|missed)",
        "(there will be|there'll be|you'll have|you will have|you'll see|you will see) no more (downtime|outages|outage|problems|issues|errors|delays|mistakes|breakdowns|leaks|glitches|failures)",
        "(there will be|there'll be|you'll have|you will have|there won't be|there will not be) (no|any) (problems|issues|hiccups|hitches|dropouts|glitches|faults|failures|outages|delays|mistakes) (at all|whatsoever|this time|ever|guaranteed|again)",
        "without (a|any) [single] (hitch|hiccup|problem|issue|scratch|glitch)",
        "(won't|will not|will never|'ll never|shall never|never will) (happen|occur|be an issue|be a problem) again",
        "(never|won't|will not) (have|experience|see|face|run into|get) (this|that|any|another|the same) (problem|issue|trouble|again)",
        "nothing (will|can|is going to|could) [ever] (go wrong|break|fail)",
        "(that|this|it) (simply|just|literally) never happens",
        # A product that can never fail ("they will never corrode or fail, guaranteed for life").
        "(will|'ll|shall|is going to|are going to) (never|not ever) (corrode|rust|crack|leak|fade|fail|break|wear out|warp|peel|rot|tarnish|go wrong|break down|let you down|stain|chip)",
        "(guarantee|guaranteed|promise|assure you|i promise|we promise) (it|this|that|there|you) (will never|won't|will not|'ll never|is never|can't|cannot|never)",
        "(guarantee|promise) (you )?(it'll|it will|everything will|this will) (be perfect|go perfectly|never|work perfectly|be flawless)",
        "(100 %|one hundred percent|completely) (guarantee|guaranteed|problem-free|problem free|trouble-free|error-free|flawless)",
        "(never|won't ever) (break|fail|go wrong|let you down) [again]",
        "(this|it) (will|is going to) (never|not) (happen|occur) again",
        "last time (this|it|that) [ever] happens",
        # Perfection promised in other words: never again, flawless, every time.
        "(will|'ll|shall|is going to|are going to) never ** again",
        "(will|'ll|shall|is going to|are going to) (be|go|run|arrive) (flawless|flawlessly|perfect|perfectly|faultless|faultlessly|seamless|seamlessly|without a hitch|without a single problem)",
        "(every|each|all|all your|all future|any future) (order|orders|delivery|deliveries|shipment|shipments|trip|trips|job|jobs|visit|visits|booking|bookings|statement|statements|invoice|invoices) ** (will|'ll) (arrive|be|go|run|turn up|show up) ** (perfect|perfectly|flawless|complete and correct|on time|error free|correct|spot on)",
        "never (leak|leaks|be late|break down|fail|go wrong|let you down|miss|crack|drip) ** again",
        # No more of the trouble, for good ("You won't have another leak from that roof").
        "(won't|will not|will never|'ll never|never) (have|get|see|experience|face) (another|a single|one more|any more|any other) (leak|problem|issue|fault|breakdown|outage|delay|complaint|drip|failure)",
        "(fixed|sorted|solved|resolved|gone|cured) for good",
        "(promise|guarantee|assure) (you )?(that )?** (won't|will not|will never|'ll never) (leak|break|fail|crack|drip|trip|happen|go wrong|stop working|let you down|come loose|lift) again",
    ],
    # The same promise as our note reports telling it ("Told her it will never happen again").
    "guarantee/told": [
        "(told|assured|promised|reassured) (her|him|them|the customer|the client|cust|the member|*|mr *|mrs *|ms *|dr *) (that )?(it|this|that|there|nothing) (will never|won't|'ll never|will not|would never|wouldn't|'d never) ** (happen|again|go wrong|fail|break)",
    ],
    "hedge": [
        "(can't|cannot|can not|won't|couldn't|could not) [honestly|really|truly|in good conscience] (guarantee|promise)",
        # Wishing one could say it is not saying it ("I'd love to tell you it will never happen again, but").
        "(i'd|i would|we'd|we would) (love|like) to (tell|say|promise|guarantee)",
        # Refusing to say it ("I'm not going to tell you that roof can never leak again").
        "(not going to|won't|will not|can't|cannot|can not|couldn't|could not|wouldn't|would not) [honestly|really|truly] (tell you|say|claim|pretend|swear)",
        # ... or choosing a remedy over saying it ("I'd rather pay up than tell you it'll never happen").
        "(than|instead of) (tell|telling|say|saying|promise|promising|claim|claiming|pretend|pretending|swear|swearing)",
        "(do|doing) (everything|all) (i|we) (can|possibly can)",
        "(i'll|i will|we'll|we will) be (there|right there|here) (to|for|with)",
        "(if|when) (something|anything|it) (does )?(goes|go) wrong",
    ],
    "accommodation": [
        "(tow|towing|tow truck|come to you|mobile (service|mechanic|technician)|send a technician|send someone|roadside|at your home|at your place|to your home)",
        # We fetch it; "you can collect it from the counter" is the opposite.
        "(we'll|we will|we can|we could|i'll|i will|i can|i could|happy to|glad to|we'd|i'd|to) (pick it up|pick them up|pick up the car|collect it|collect them|collect the car)",
        "(when|once|after) you('re| are) (back|home|available|free|able|recovered|feeling better)",
        "(after|once) you (get back|return|are back)",
        "(remotely|online instead|by email instead|no need to come in)",
        "no (site visit|visit|site meeting|meeting|call|trip) (is )?(needed|necessary|required)",
        "(reply|respond|answer|get back to me|send questions|any questions) (by|via|over) (email|e-mail)",
        "(no rush|whenever suits|whenever works|when it suits|when convenient|at your convenience)",
        "(courier|post|mail|ship|send) (it|them|you) (to you|out|over)",
        "(loan car|loaner|courtesy car|rental car|replacement car)",
        # Done without them there ("the surveyor can do the roof from the tower without him",
        # "his neighbour holds a key").
        "(can|could|will|'ll) (do|carry out|complete|survey|fit|install|inspect|check|read|deliver) ** without (him|her|them|you) (being|there|present|home|in|needing)?",
        "(neighbour|neighbor|friend|agent|concierge|landlord|caretaker|key holder|keyholder) ** (holds|has|keeps|can let|will let) (a|the|us|our) (key|keys|spare key|in)",
    ],
    # Done by call: works round a customer who cannot come in, not one who cannot talk.
    "accommodation/call": [
        "(by phone|over the phone|by video|video call|phone call instead)",
    ],
    "ask_visit": [
        "(bring|drive|take|drop|wheel|ride|tow|haul|carry|pop) (it|them|him|her|the *|your *) [back] (in|into|to|down|over|round|along)",
        "(bring|drive|take|drop) (it|the car|the vehicle|your car|your vehicle|the truck|the device|it back) (in|to|down|over|off|back)",
        "(come|pop|stop|swing|drop|call) (in|by|into|down|over|round)",
        "(visit|come to|come into|come down to|stop by) (the|our|us)",
        "(bring|drop off|return) (it|them|the) (to|at|in)",
        "(in person|at the dealership|at our office|at the branch|at the store|in store|in-store|at the clinic|at our showroom)",
        # The customer fetching it ("she can collect it from the counter").
        "(you|she|he|they) (can|could|may|will need to|need to|should|must) (collect|pick up) (it|them|the *|your *|her *|his *|their *) (from|at|in)",
        "(collect|pick up) (it|them) from (the|our) (counter|desk|shop|store|branch|office|depot|reception|pharmacy|warehouse)",
        "(book|schedule|make) (an|a) (appointment|visit|service|slot) (at|in|with)",
        # The customer's presence asked for ("asked her to be at home on Tuesday", "you'll need to be present").
        "(to be|need to be|needs to be|must be|should be|be) (at home|home|in|there|present|at the property|at the house|at the flat|on site|around) (on|at|for|to|between|from)",
        "(need|needs|will need|'ll need) to be (present|there|in|at home|home|on site)",
        "(drop|bring|deliver|take|leave) ** (at|to) (our|the) (depot|warehouse|shop|office|store|branch|yard|workshop|clinic|counter|pontoon|premises|reception|site)",
        "book (her|him|them|it|*) in (for|at|to|with)",
        "(bring|take) (her|him|them|it|*) (in|down|along|over) (to|for)",
        # The thing named at some length ("bring the old hinges in to the forge", "drop the
        # original key into our Parramatta shop").
        "(bring|drop|wheel|tow|haul) (the|your|those|these|both) * * ** (in|into) [to] (our|the|us)",
    ],
    "ask_meeting": [
        "(can|could|shall|should) (we|you|i) (meet|chat|talk|speak|call|do|hop on|jump on|get together)",
        "(meet|meeting|call|chat|demo) (on|at|this|next|tomorrow|<weekday>|early)",
        "(are|would) you (be )?(free|available|around) (on|at|this|next|tomorrow|<weekday>)",
        "(how about|what about|does) (<weekday>|tomorrow|next week|this week)",
        "(could|can|shall|should) (we|i) (view|see it|see the|visit|tour|come|bring it forward|move it|push it|do it) ** (sooner|earlier|later|instead|another day|another time|this week|next week|<weekday>|tomorrow)",
        "(best|good) (number|time) to (reach|call|ring|phone) you",
        "(can|could|shall|may) (i|we) (call|ring|phone) you",
        "(your|a) (phone|mobile|contact) number",
    ],
    "ask_online": [
        "(run|complete|do|use|go through|finish) (the|an|our) online",
        "(online|web) (activation|form|portal|setup|set up|registration|booking|check in|wizard)",
        "(log|sign) (in|into|on) [to|and|at]",
        "(click|open|download|check) (the|this|your) (link|portal|app|dashboard|attachment|email)",
        "(upload|submit|fill in|fill out|complete) (the|your|this) (form|document|documents|details)",
        "(print|sign|scan) (it|and|the|this|out|off)",
        "(send|email|upload) (me|us)? (a )?(scan|copy|photo|picture) of (your|the)",
    ],
    # A phone call the customer must make: the one thing a customer without a signal, or who
    # cannot hear well, cannot do.
    "ask_call": [
        "(please|just|simply|you'll need to|you will need to|you need to|you'd need to|you have to|you can) (call|ring|phone) (us|me|our|the|this)",
        "(give|drop) (us|me) a (call|ring|bell)",
        "give (our|the|your|him|her|them) ** a (call|ring|bell|buzz)",
        "(asking|asked) (her|him|them) to (ring|call|phone) (back|us|me|our|the)",
        "(call|ring|phone) (us|me|our) (on|at|back)",
    ],
    # A status notice: the problem is known and in hand. It takes an issue up, and promises no
    # report back ("we are aware of an issue with our email and are working to resolve it").
    "status": [
        "(we're|we are|i'm|i am|the team is|our team is|our teams are|our engineers are|the engineers are|everyone is) (already )?aware (of|that)",
        "(a|an) (known|ongoing|wider|widespread|reported) (issue|problem|outage|fault|bug)",
        "(we're|we are|we've been|we have been) (currently )?(experiencing|seeing) (an|some|a|longer|higher|intermittent|technical)",
    ],
    # Work in hand, said in the present ("our team is looking into this", "we're checking with
    # the warehouse"): a status, not a promise to report back.
    "status/progress": [
        # The team named by its trade ("our IT team is diligently working on it"), hard work in hand
        # ("we are working very hard to remove these listings") and the passive ("it is being looked into").
        "(our|the) * (team|teams|engineers|staff|department|developers|specialists|technicians) (is|are) [currently|still|already|actively|now|diligently|busy] (looking into|investigating|working on|checking|fixing|reviewing|looking at)",
        "(we're|we are|i'm|i am|the team is|our team is) [currently|still|all] working [very] (hard|diligently|around the clock|urgently) (to|on)",
        "(is|are) [currently|now|still] being (looked into|investigated|reviewed|worked on|fixed|addressed|escalated|handled|processed|looked at)",
        "(we're|we are|i'm|i am|the team is|our team is|our teams are|our engineers are|the engineers are|someone is|a member of our team is|a member of the team is) [currently|still|already|actively|now] (looking into|investigating|working on|checking|checking on|escalating|chasing|sorting|fixing|reviewing|looking at)",
    ],
    # Work done on the customer's point, said or noted ("Booked a free re-treatment for Thu",
    # "we've refunded the delivery fee"): where it stands, not a promise.
    "status/done": [
        "[i've|i have|we've|we have] (booked|rebooked|re-booked|rescheduled|arranged|scheduled|organised|organized) (a|an|for|the|her|him|them|his|their|your|you|another|free|new|replacement|it) *",
        "[i've|i have|we've|we have] (refunded|credited|reissued|replaced|reversed|waived|cancelled|canceled|voided) (the|her|his|their|your|it|them|a|an|that|this)",
    ],
    # A condition on events, not on the customer ("if anything changes", "should there be any
    # news"): a promise under it is owed only if the event comes.
    "condition/event": [
        "(if|should|in case|in the event) (anything|something|things|that|this|it|the situation|the plan|the policy|any of this|the date|the timing) (changes|change|changed|develops|develop|comes up|come up|happens|happen|moves|shifts)",
        "(if|should|in case|in the event) (there is|there are|there be|there's|we have|we get|we hear|we receive|we learn|we find|we see) (any|more|further|anything|an|news|updates|something)",
        "(if|should|in case|in the event) (it|that|this|one|a|an|any|the) * (becomes|become|comes|come|opens|open|frees|free|turns|turn) (available|possible|free|up|back)",
        "(if|should|in case|in the event) (it|that|this|one|anything|something) (becomes|become|comes|come|opens|open|frees|free|turns|turn) (available|possible|free|up|back)",
    ],
    # A condition the customer must meet first: a promise after it is an offer, not a commitment
    # ("if you DM us we'll look into it", "once you send the photos").
    "condition": [
        "(if|once|when|as soon as|after|unless) (you|you've|you have|you're|you are|you can|you could|you'd) *",
        "(should|in case) you *",
    ],
    # On the other side's need: what the customer asks for under it is an offer of theirs ("Please
    # DM me if you need my contact details").
    "condition/need": [
        "(if|should|in case) (you|you still) (need|want|require|would like|'d like) *",
    ],
    # Taking the customer's point on without a promise to report back: the purpose of a hand-off
    # ("create a ticket so we can assist you"), an offer of our help ("we can help with that").
    "handoff": [
        "(we'd|we would|i'd|i would) like to (see what|look into|take a look|dig into|help|assist|sort)",
        "(let us|let me) (guide|walk|point|help|show) you",
        "so (we|i|our team|the team) (can|may|could) (assist|help|look|take a look|take a closer look|check|investigate|review|sort|dig|find out|get|gather|continue|follow up)",
        "(we|i) (can|could|would like to|'d like to|want to) (help|assist) (you|with|further|out|turn)",
        "(we'll|i'll|we will|i will|we'd|i'd|we would|i would) (be happy to |be glad to )?(help|assist) (you|with|further|out)",
        "(we|i) can help",
        "(let's|let us|lets) (work together|figure out|get to the bottom|see what|take a look|look into|get this)",
        # The team named as who takes it on next ("Our team will give it a look and reach out shortly").
        "(our|the|my) (team|engineers|specialists|colleagues|experts|staff) (will|'ll|is going to|are going to) (look|check|review|investigate|reach out|contact you|get back to you|be in touch|follow up|give it a look|take a look|have a look|call you)",
        "(our|the|my) * (team|engineers|specialists|colleagues|experts|staff) (will|'ll|is going to|are going to) (look|check|review|investigate|reach out|contact you|get back to you|be in touch|follow up|give it a look|take a look|have a look|call you)",
        "(we'll|we will|we can|we'd) (continue|carry on|pick this up|take it) from there",
        "so [that] (we|i) (can|may|could) (chat|talk|discuss|connect|dive in|advise|look|take a look|take a closer look|get this|look into|follow up|assist further|help further|pull up|locate|find|access|verify|check|review)",
    ],
    # A pointer to the private channel where the answer waits or the work goes on: the reply
    # owns the next step there ("Please check your DMs", "We've followed up via DM", "Shoot me a
    # DM and I'll dive right in", "a member of our team will be in touch via email"). What we
    # promise there is followed through there, out of this thread's sight.
    "handoff/channel": [
        # Whatever the verb (or its spelling), something we did by the private channel ("We've followed up via DM").
        "(we've|we have|i've|i have) * [up|back] (via|over|through|by) (dm|dms|direct message|private message|pm)",
        # The answer went by the private channel ("We've responded to your DM", "see you there").
        "(we've|we have|i've|i have|we|i) (received|responded to|replied to|answered|resent|resend|sent) (your|you a|you the|the) (dm|dms|direct message|private message|pm)",
        "(responded|replied|answered|sent) (you )?(via|by|in|through) (dm|dms|direct message|private message|pm)",
        "(continue|see you|talk|chat|speak) (there|in dm|in dms|via dm|in direct message|in private message)",
        "(check|see|open|look at|look in) (your|the) (dm|dms|dm's|direct message|direct messages|private message|private messages|inbox|in app messages)",
        "(we've|we have|i've|i have|we|i) [just|already] (followed up|responded|replied|reached out|written|gotten back to you|got back to you) (to you )?(via|by|in|through|over) (dm|dms|direct message|private message|pm|email|e mail|in app|the app|phone)",
        "(we've|we have|i've|i have|we|i) [just|already] (responded to|replied to|answered|got|received|seen|see|read) your (dm|dms|direct message|private message|pm|message)",
        "(we've|we have|i've|i have|we|i) [just|already] (sent|dropped|shot) you (a|an|the) (dm|direct message|private message|pm|reply|email)",
        "(shoot|send|drop) (me|us) a (dm|direct message|private message|pm|note) [and|so]",
        "(please|kindly|pls|just) (dm|pm|direct message) (us|me|your|the)",
        "(dm|pm) (us|me) (your|the|with|so|and)",
        "(meet|join|find|see) (me|us) [back] (in|via|over) (dm|dms|direct message|direct messages|private message)",
        "(let's|let us|lets) (work together|chat|talk|continue|connect|take this|sort this|discuss this) (in|via|over|through|to) (dm|dms|direct message|direct messages|private message|email)",
        "(a member of|someone from|someone on|one of) (our|the) (team|specialists|experts|agents|support team) (will|is going to|'ll) (be in touch|be in contact|contact you|reach out|follow up|get back to you|be following up|connect)",
        "(will be|'ll be|are|is) (following up|in touch|reaching out|in contact) (with you )?(via|by|through|over|in) (dm|email|e mail|in app|the app|phone|direct message|private message)",
        "(we'd|we would|i'd|i would) (be happy|be glad|love|like) to (give you a call|call you|chat with you|talk with you|speak with you)",
        "(here|there) (we can|to) (help|chat|talk) ** (dm|direct message)",
    ],
    # Working on it with the customer: asking for the details we need to act ("May I have your
    # confirmation number?", "please provide the flights you've booked and your full name"), or
    # giving the steps to try ("Please power cycle your network devices and try again").
    "handoff/details": [
        "(may|can|could) (i|we) (have|get|grab|ask for|take) (your|the) ** (number|reference|ref|code|id|details|name|email|address|gamertag|username|platform|version|screenshot)",
        "(provide|send|give|share|confirm|tell us|tell me|let us know|let me know|dm|dm us|dm me) ** (your|the) ** (number|reference|ref|code|id|details|full name|email address|gamertag|username|platform|version|browser|device|model|zip code|postcode|postal code)",
        "(provide|send|give|share|confirm|tell us|let us know|let me know) (the|which) (flight|flights|order|booking|device|version|platform|browser|error) ** (you|you've|you're)",
        "(provide|send|give|share|confirm|dm|tell us|let us know) ** (your|the) (confirmation|booking|order|account|tracking|case|ticket|claim|policy|serial|membership|loyalty) (number|no|code|id|reference|details|info|email)",
        "(provide|send|give|share|confirm) (your|the) (confirmation|booking|order|tracking|case|ticket|claim|reference)",
    ],
    "handoff/steps": [
        "(please|kindly|try|could you|can you|you can|you could|you may) [please] [try] (restart|restarting|reboot|rebooting|power cycle|power cycling|reset|resetting|clear|clearing|update|updating|reinstall|reinstalling|uninstall|log out|sign out|unplug|import|re import|delete and reinstall|force close|force quit|turn off|switch off|start your|back up)",
        "(have you tried|did you try|have you had a chance to) (restarting|rebooting|resetting|clearing|updating|reinstalling|logging out|signing out|power cycling|running|turning)",
    ],
    # Honest news that there is nothing to tell yet answers a "when" or "will you" question:
    # a status of its own ("we don't have any information on that yet", "no ETA as of now").
    "status/unknown": [
        "(don't|do not|doesn't|does not) have (any )?(information|info|details|news|timeline|eta|update|updates|word) (on|about|regarding|for|to share|as yet|yet|at the moment|at this time|right now)",
        "(have|has|there is|there's) no (information|info|details|news|timeline|eta|update|updates|word) (on|about|regarding|for|to share|as yet|yet|at the moment|at this time|right now|as of now)",
        "(there is|there's|we have|we've got) (no|nothing) (information|info|news|more|further) to share",
        "no (eta|timeline|release date|date) (to share|to be shared|as of now|as yet|yet|at the moment|at this time|right now)",
        "(not|nothing) (announced|confirmed|available) (yet|as yet|at the moment|at this time)",
    ],
    # A greeting hides only its own words: "Hi Sam, that is the correct email." still answers.
    "pleasantry/greeting": [
        "(hi|hello|hey|hiya|dear|greetings|good morning|good afternoon|good evening|hey there|hi there|hello there)",
    ],
    # A plain yes or no to the customer's question ("Correct.", "Nope! Still just the $3",
    # "Absolutely!", "I'm afraid not"): the answer itself, when it opens the reply.
    "assent/polar": [
        "(yes|yep|yup|yeah|correct|that's correct|that is correct|that's right|that is right|absolutely|certainly|definitely|of course|sure|indeed)",
        "(no|nope|unfortunately not|sadly not|i'm afraid not|i am afraid not|afraid not|not at the moment|not yet|not currently|no thank you|no thanks)",
    ],
    "introduction": [
        "(i'm|i am) (your|the|a) [new] (account manager|rep|representative|contact|manager|supervisor|colleague|team lead|specialist|advisor|adviser|consultant|agent)",
        "(i'm|i am) * ('s|sam's) (manager|colleague|supervisor|team lead|boss|partner)",
        "(taking over|picking up|stepping in|covering) (from|for)",
        "(i'll be|i will be|i'm now|i am now) (your|looking after|taking care|handling)",
        "(colleague|manager|supervisor|teammate|team lead|partner|boss) (mentioned|told me|said|passed|asked me|let me know|filled me in|handed)",
        "(mentioned|told me|said|let me know|filled me in) (that )?(you|that you)",
        "(work|working) (with|alongside) (your|my colleague)",
        # The colleague named: the link said in the writer's own words ("I work alongside Theo",
        # "he asked me to look after your proposal while he's away", "he filled me in on your call").
        "(i|we) (work|worked) (with|alongside|for) *",
        "(he|she|they) (asked|has asked|had asked) me to (look after|take over|pick up|handle|cover|help with|look at|take care of)",
        "(he|she|they) (filled|has filled|'s filled|had filled) me in (on|about)",
        "(while|as) (he's|she's|they're|he is|she is|they are) (away|out|off|on leave|on holiday|on vacation|out of office)",
        "(my|your) (colleague|rep|account manager|contact)",
        "(i'm|i am|this is|my name is) ** (manager|colleague|supervisor|team lead|team leader|lead|boss|partner|director|head|assistant|deputy)",
        "(i'm|i am) (joining|replacing|taking over|picking this up|helping)",
        "(asked|asks|wanted|has asked|had asked) me to (reach out|contact you|get in touch|follow up|pick this up|pick up|take over|help|look after|handle|cover|take care of)",
        # The link said after the name ("I'm Jordan. I run memberships and work alongside Alba",
        # "Introduced myself as Aisha's manager covering her leave").
        "(and|who|also) (work|works|worked) (with|alongside|for) *",
        "(as|being) * 's (manager|colleague|supervisor|team lead|boss|assistant|deputy|cover|partner)",
        "covering (her|his|their|for) ** (leave|holiday|absence|accounts|calls|patch|territory|clients)",
        "(pass|passed|passing|hand|handed|handing) (you|this|your account|your file|your case) (over|on) to",
        "(introduce|introducing) (you to )?(my|our) (colleague|manager|teammate|specialist|engineer)",
        # Taking an account over, in the ways people say it ("I've taken over your account from Tom").
        "(taken|took|take|taking|picked|picking) over (your|the|this) (account|file|case|project|renewal|pilot|order|portfolio|contract) (from|for)",
        "(taken|took) over (from|for)",
        "(read|gone through|been through|went through|looked through|caught up on|reviewed) (his|her|their|the) (notes|file|history|handover|hand over|emails|thread)",
        "(has|have|had) (moved|transferred|been moved|gone|left|switched) (to|on to|onto) (our|the|another|a new|a different) ** (team|role|department|office|region|position)",
    ],
    "introduction/self": [
        "(my name is|introduce myself|introducing myself|let me introduce myself)",
        "(i'm|i am|this is|it's) * (from|with|at|here at|over at)",
    ],
    # "I told you": pointing the customer back to what we said before is arguing whatever they
    # wrote (a complaint, or the same question asked again).
    "defensive/repeat": [
        "(as|like) (i'd|i had|i've|i have|we'd|we had|we've|we have) (already )?(told|said to|explained to|warned|reminded) (her|him|them|you)",
        "as (i|we) (already|have already|clearly) (said|told you|mentioned|explained|stated|advised|informed you|pointed out)",
        "as (i|we) (said|told you) (before|already|earlier|previously|in my last)",
        "per my (last|previous|earlier|prior) (email|message|note|mail|call)",
        "as (already|clearly) (stated|mentioned|explained|advised|communicated|noted)",
        "as (i|we|i've|we've|i have|we have) (already|clearly) (told|said to|explained to|informed|reminded) (you|your|her|him|them|the)",
        "(as|like) (i|we) (keep|have been) (saying|telling you)",
        "(i've|i have|we've|we have) (told|explained|said|mentioned|written) (you|this|it|that|you this|you that)? (to you)? (three times|twice|several times|many times|multiple times|repeatedly|more than once|a number of times)",
    ],
    "defensive": [
        # "We are right", as a reply or a call note puts it ("I'm not sure what else to tell you").
        # Pointing back to what we said, in words that can be friendly ("as I mentioned earlier"):
        # arguing only in answer to a complaint.
        "as (i|we) (previously|have previously) (said|told you|mentioned|explained|stated|advised|informed you|pointed out)",
        "as (i|we) (mentioned|explained|stated) (before|already|earlier|previously|in my last)",
        "as previously (stated|mentioned|explained|advised|communicated|noted)",
        "as (i|we|i've|we've|i have|we have) previously (told|said to|explained to|informed|reminded) (you|your|her|him|them|the)",
        "(not sure|don't know|do not know) what else (to tell|i can tell|we can tell|to say|i can say) (you)?",
        "with (all due )?respect",
        "(clearly|explicitly|plainly) (stated|states|said|says|showed|shows)",
        "(simply|only|just) following (policy|procedure|the policy|our policy|the rules|instructions)",
        # Contradicting the customer's account with our records ("Actually our system shows the
        # engineer rang you").
        "(actually|in fact) (our|the) (system|records|record|logs|log|notes|tracking|gps|data) (shows|show|says|say|confirms|confirm|indicates|indicate|proves|prove)",
        "(our|the) (system|records|logs|tracking|gps|data) (proves|prove|clearly shows|clearly show)",
        "(clearly|explicitly|plainly) (stated|written|explained|mentioned) (in|on)",
        "(read|check) the (terms|fine print|small print|contract)",
        # Story 001's "being right" block, in the ways reps actually write it.
        "as (stated|explained|mentioned|outlined|set out|noted|written|advised) (clearly|in|on|at|before|previously|earlier)",
        "as (clearly|plainly|explicitly) (stated|explained|mentioned|outlined|set out|written)",
        "please (read|re read|check|refer to) (our|my|the) (emails|email|messages|terms|policy|instructions|previous|earlier|contract|confirmation)",
        "(we|i) (clearly|explicitly|already|did) (explained|stated|told you|said|mentioned|informed you|advised|warned)",
        "(this|it|that) is (documented|in the terms|in the contract|in the policy|in our terms|on our website|in the manual|in the guide)",
        "(it's|it is|this is|that is) (clearly )?(on|in) (page|section|clause|the terms|the contract|our website|the website)",
        "(decision|bill|charge|fee|invoice|ruling|reading|amount|price) (stands|still stands|applies|is final|will stand)",
        "(our|the) (reading|bill|charge|invoice|figure|figures|records|system|calculation|decision|meter) (is|was|are|were) (correct|right|accurate|valid|fair)",
        "(it's|it is|this is) a (valid|legitimate|correct|fair) (charge|fee|bill|decision)",
        "(was|were) (right|correct|within their rights|entitled) to (deny|refuse|decline|charge|cancel)",
        "(like|as) (we|i) (advised|told you|warned|recommended|said)",
        "(which|as) the (setup guide|guide|manual|instructions|terms|website|contract|policy) (warns|says|states|explains|makes clear)",
        # Blame put on the customer or taken off us ("that's not our fault", "if you had read the
        # terms").
        "(it was|it's|it is|that's|that was|this is|this was) (her|his|their|your|the customer's|the client's) (own )?fault",
        # ... not owning it ("that's our mistake, and I'm sorry").
        "(that's|that is|it's|it is|this is) not our (fault|responsibility|problem|mistake|issue)",
        "(this isn't|that isn't|it isn't) our (fault|responsibility|problem|mistake|issue)",
        "not (my|our) (fault|problem|responsibility|mistake|error|doing)",
        "(wasn't|was not|isn't|is not) our (error|doing|fault|mistake)",
        "(you|he|she|they) (should|could) have (checked|read|looked|noticed|spotted|told us|called|asked|said|proofread)",
        # "No way you could have known" excuses the customer: only "could have" a thing to do blames.
        "you (should|would) have (read|checked|known|called|asked|noticed|told us)",
        "you could have (read|checked|called|asked|noticed|told us)",
        # Blame put on the customer's side or people ("your building manager didn't leave the key").
        # ... not deference ("it's up to you to decide what fits you best").
        "(it was|it's|it is|it was always) up to you to (check|make sure|ensure|tell|let us know|inform|notify|arrange|read|cancel|keep|provide|be|have|remember)",
        "(isn't|is not|wasn't|was not|'s not) on (us|me)",
        "(was|were) (caused by|down to|due to) your",
        "(that's|that is|it's|it is|this is|this was|that was) not on (our|my) (side|end|part)",
        "not something (we|i|our team|our driver|our staff) (can|could|should) be blamed for",
        "(we|i) (can't|cannot|can not) be blamed",
        "your (own )?* (didn't|did not|failed to|forgot to|neglected to)",
        "(if you had|had you|if you'd) (read|followed|checked|called|listened)",
        "you (failed|neglected|forgot) to",
        "(we|i) (did|do|have done) nothing wrong",
        "(you agreed|you signed|you accepted) (to|the|those|these|our|this|that)",
        "(booklet|contract|agreement|form|terms|document|paperwork|waiver|policy|quote) you (signed|agreed to|accepted|initialled|read)",
        "the (problem|issue|mistake|error|fault) (is|was) that you",
        "(mistake|error|fault|problem|issue) (is|was|lies|lay) (on|with) (your|you)",
        "(you|your team|your staff|your side) (didn't|did not|failed to|forgot to|neglected to) (read|check|cancel|follow|tell|call|notify|inform|ask|pay|reply|update|re authorise|reauthorise|enter|send)",
        "(there is|there's|there was) nothing wrong with (our|the|my)",
        # Pointing back to what someone of ours set out ("as Tom has already explained", "as I'd
        # already pointed out"), and the responsibility put elsewhere ("this isn't down to us",
        # "his mistake, not ours", "that's on her", "not something we're liable for").
        "as (i|we|i'd|we'd|i've|we've|i had|we had|he|she|they|*) [already|previously|has already|have already|had already|has|have|had] (pointed out|set out|made clear|made it clear)",
        "as * (has|had|have) (already )?(explained|said|told you|mentioned|advised)",
        "(not|isn't|is not|wasn't|was not|'s not) down to (us|me|our)",
        "(mistake|fault|error|problem|doing|responsibility|lock|part|product|equipment|kit) not ours",
        "not (something|anything) (we're|we are|we|i'm|i am|we can be|i can be|we could be) (liable|responsible|accountable|to blame)",
        "not (something|anything) (we|i) (can|could) (control|help|be held responsible for)",
        "(that's|that is|it's|it is|that was|it was) [really|entirely|all|squarely|firmly] on (her|him|them|you|your side|their side)",
        "(is|was|are|were|'s) [all|entirely|really] down to (him|her|them|you|your|his|their)",
        "(nothing|not) (further|more|else) to (discuss|add|say)",
        "(this|that|it) (wouldn't|would not|would never) have happened (if|had)",
    ],
    "apology": [
        "(i|we) [sincerely|truly|deeply|really|do|again] (apologize|apologise)",
        "(my|our) [sincere|sincerest|deepest|humble|humblest] apologies",
        "(sorry|apologies|apologise|apologize|apologising|apologizing) (for|about|that|again)",
        "(i'm|i am|we're|we are|so|really|truly) [so|very|really|truly|terribly|deeply|extremely|genuinely] sorry",
        "(i|we) understand (how|your|that|why|the)",
        "(that|this) (must be|must have been|sounds) (frustrating|annoying|stressful|difficult|upsetting)",
    ],
}
