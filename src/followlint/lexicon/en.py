"""English phrase knowledge: the one place where followlint knows what follow-ups say.

Registered as a vocabulary plugin (see ``followlint.builtin``). Keys are signal kinds, with an
optional ``/subtype``; the phrase syntax is described in ``followlint.signals.phrases``.
Kinds ``neutral`` hide what they cover and produce no signal; ``boilerplate`` and
``pleasantry`` also hide what they cover but are kept, so a rule can tell filler from content.
"""
from ..hookspecs import hookimpl

_OK = "(ok|okay|fine|good|alright|all right|well|great|going well|going smoothly|on track|in order)"

VOCABULARY: dict[str, list[str]] = {
    # -- what an empty follow-up says instead of a reason -----------------------------------
    "checkin": [
        "(just|quick|quickly|briefly|simply) (check|checking) in",
        "(wanted|want|wanting|thought|like|going|'d like|would like) to (check|checking) in",
        "(i'm|i am|we're|we are) checking in",
        "checking in (to see|on how|on things|with you|again|once more)",
        "(touch|touching|touched) base",
        "just (following|follow) up",
        "(wanted|want) to (follow|circle) up",
        "just (circling|circle|looping|loop) back",
        "just (reaching|reach) out",
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
        "(just|quick) [a] (friendly|gentle|quick) (reminder|nudge|follow up|follow-up)",
        "[just] bumping this",
        "[just] floating this",
        "(keep|keeping) (you|this) on (my|your) radar",
    ],
    # A chaser that asks about earlier mail without adding anything.
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
    ],
    # -- value: a reason for the customer to be glad the touch came ------------------------
    "value/resource": [
        "<url>",
        "(i've|i have|we've|we have|i) attached",
        "(please find|you'll find|you will find|see) (attached|enclosed|below)",
        "(attached|enclosed) (is|are|you'll find|please find)",
        "here's (a|the|our|your|my) (link|guide|checklist|template|recording|deck|slides|summary|walkthrough|article|video|report|copy|quote)",
        "here is (a|the|our|your|my) (link|guide|checklist|template|recording|deck|slides|summary|walkthrough|article|video|report|copy|quote)",
        "(case study|white paper|whitepaper|webinar|ebook|e book|how to guide|step by step guide|tutorial|cheat sheet)",
        "(you can|you'll be able to) (turn it on|switch it on|enable it|find it|download it|access it|read it|watch it|register)",
        "(sign up|register) (here|at|for)",
    ],
    "value/update": [
        "(an|quick|short|some|one) update on",
        "(update|news) (on|about|regarding) (your|the)",
        "(good|great|exciting|some) news",
        "(has|have|had) [now] [been] (shipped|arrived|approved|processed|scheduled|resolved|fixed|delivered|dispatched|confirmed|completed|signed|booked|released|cleared)",
        "(is|are|'s) [now] (available|live|ready|fixed|resolved|approved|on its way|on their way|scheduled|booked|confirmed|in stock|back in stock|done)",
        "(i|we) [have|'ve] [just] (released|launched|fixed|resolved|shipped|scheduled|booked|confirmed|processed|sent|added|rolled out|upgraded|renewed|credited|refunded)",
        "tracking number",
        "(i|we) (checked|spoke|talked|confirmed) with",
        "(i|we) (heard|got) back from",
        "(wanted|want) to let you know",
        "[just] (to|to let you) know that",
        "heads up",
        "new (feature|release|version|model|product|service|plan|option|integration)",
        "(we're|we are|i'm|i am) (launching|releasing|rolling out|introducing|opening|hosting)",
        "(price|rate|rates) (change|increase|drop)",
        "(will|should) (arrive|ship|be delivered|be ready|be installed) (on|by|this|next|tomorrow|today)",
    ],
    "value/answer": [
        "(to|in) answer [to] your question",
        "(regarding|re|about|on|as for) your (question|request|query)",
        "you asked (about|whether|if|me to)",
        "the (answer|short answer) is",
        "the reason (is|was)",
        "(i|we) found out",
        "(i|we) looked into",
    ],
    "value/offer": [
        "<num> (%|percent) off",
        "(discount|promo code|coupon|voucher|rebate|loyalty credit)",
        "free (trial|upgrade|month|months|oil change|service|shipping|consultation|installation|delivery|inspection|audit|workshop|training)",
        "(special|exclusive|limited) (offer|pricing|price|rate|deal)",
        "complimentary",
        "(we|i) (can|could|would like to|'d like to) offer",
        "on (the|our) house",
    ],
    "value/proposal": [
        "(are|would) you [be] (free|available|around) (on|at|this|next|tomorrow)",
        "(how|what) about (<weekday>|tomorrow|next week|<time>)",
        "(meet|call|chat|demo|walkthrough|session|visit|review) (on|at|this|next) (<weekday>|<time>|<num>|morning|afternoon|week)",
        "<weekday> at <time>",
        "(at|from) <time> (on|this|next|tomorrow)",
        "(agenda|calendar invite|meeting invite|invite for)",
        "(i've|i have|i) (put|pencilled|penciled|blocked|held) [in] (a|some|an) (slot|time|hold)",
        "(i've|i have) (booked|reserved|scheduled) (you|a|the|an)",
    ],
    # -- filler: what a message says around its content -----------------------------------
    "pleasantry": [
        "(hi|hello|hey|dear|greetings|good morning|good afternoon|good evening)",
        "[i] hope (you|you're|you are|all is|everything is|this finds|your|the)",
        "(have|enjoy) a (great|good|nice|lovely|wonderful|fantastic|relaxing) (day|week|weekend|evening|holiday|time)",
        "(thanks|thank you|many thanks|cheers|regards|best regards|kind regards|warm regards|all the best|best wishes|take care|talk soon|speak soon|sincerely)",
        "happy (monday|tuesday|wednesday|thursday|friday|holidays|new year)",
        "(it was|it's) (great|good|nice|a pleasure) (to|talking|speaking|meeting|chatting)",
        "(enjoy|enjoying) (the|your) *",
        "(look|looking) forward to (hearing|talking|speaking)",
    ],
    "boilerplate": [
        "(let|just let) me know (if|when|what|how)",
        "(if|should) you (have|need|want) (any|anything|more|further|other)",
        "(if|in case) (there's|there is|there are) (anything|any)",
        "(feel free|don't hesitate|do not hesitate|please) to (reach out|contact|call|get in touch|ask|email|text|ring|drop)",
        "give (me|us) a (call|ring|shout|buzz)",
        "(call|email|text|ring) (me|us) (back|anytime|any time|whenever)",
        "let me know",
        "(reach|get in touch|contact me) (anytime|any time|whenever)",
        "(i'm|i am|we're|we are) (here|around|available) (to help|if|for|whenever)",
        "(any|if any) questions",
        "(happy|glad) to help",
    ],
    # -- neutral: phrases whose words would mislead other kinds ---------------------------
    "neutral": [
        "(no|not a) problem [at all]",
        "no (issue|issues|worries|trouble)",
        "(no|without) [any] (complaints|problems|issues)",
        "check in (at|to) the (hotel|front desk|desk|airport|counter|reception)",
        "(hotel|flight|online) check in",
    ],
}


@hookimpl
def followlint_add_vocabulary():
    return VOCABULARY

_NUM = "(<num>|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|a few|couple of|few)"
_CONTACT = "(call|ring|phone|email|e-mail|text|contact|reach out to|get back to|follow up with|check in with|circle back with|touch base with|come back to|get in touch with)"
_WHEN = "(today|tonight|tomorrow|this afternoon|this evening|later today|next week|next month|<weekday>|in|on|by|at|after|before|end of|early next|first thing|this week|on the)"

VOCABULARY.update({
    # -- what the customer reports -----------------------------------------------------------
    "issue": [
        "still (have not|haven't|not|hasn't|has not|didn't|did not) (received|got|gotten|heard|arrived|been|seen|come)",
        "(still|yet) (no|no sign of|haven't|have not|waiting)",
        "(hasn't|has not|haven't|have not|didn't|did not|never) (arrived|come|turned up|shown up|been delivered|been fixed|been resolved|been sorted|been refunded|been credited|been processed|been sent|received|got|gotten|heard back|worked|been installed|been repaired|been returned)",
        "(won't|doesn't|does not|will not|can't|cannot|isn't|is not|wouldn't|didn't|did not) (start|work|working|load|turn on|connect|open|charge|print|sync|boot|respond|show up|go through|ship|arrive)",
        "(is|are|was|were|'s|keeps|keep) (broken|not working|damaged|missing|late|overdue|wrong|faulty|down|leaking|stuck|delayed|cracked|dead|failing|crashing|freezing|lost)",
        "(nobody|no one|no-one|noone) (got back|called|called back|responded|replied|has called|has responded|has replied|has gotten back|came|showed up|turned up|followed up)",
        "(problem|problems|issue|issues|trouble|error|fault|bug|defect|complaint) (with|on|in|about|regarding)",
        "(wrong|incorrect|double|duplicate|extra|unexpected) (charge|charges|bill|invoice|item|order|size|amount|part|fee)",
        "(charged|billed|invoiced) (twice|incorrectly|wrongly|again|double|too much)",
        "(was|were) (promised|supposed to|meant to|told)",
        "(past|after|beyond) the (time|date|deadline) (you|they|we) (promised|agreed|said|quoted)",
        "(been|still) waiting (for|on)",
        "(i'm|i am|we're|we are) waiting (for|on) (you|your|a reply|a response|an answer|a call|a callback|a call back|the refund|my refund|a refund|the delivery|my order|our order|the engineer|the technician|the part|the parts|someone|anyone)",
        "(i'm|i am|we're|we are) still waiting",
        "(i want|i'd like|i would like|i wish) to (complain|make a complaint|file a complaint|raise a complaint)",
        "(never|didn't|did not) (arrived|received|got|showed up|turned up|called back|get back to me)",
        "(keeps|kept) (breaking|failing|crashing|happening|dropping)",
        "(stopped|quit) working",
        "(out of|no) (stock|service|signal|power|hot water|heating|internet|connection)",
    ],
    "request": [
        "(can|could|would|will) you [please] (check|look into|find out|confirm|let me know|tell me|update me|fix|help|call|sort|chase|look at|arrange|explain|advise|clarify|cancel|refund|change|update)",
        "please (check|confirm|let me know|call|advise|update|fix|cancel|refund|look into|find out|chase|arrange|explain|clarify|get back to me)",
        "(i|we) (need|would need|'d need) (you to|someone to|to know|an answer|a reply|an update)",
        "(i'd|i would|we'd|we would) (like|love|appreciate) (to know|an update|an answer|a call|a callback|a refund|a replacement|some help|help)",
        "(any|is there any) (update|news|word) on",
        "(when|where|why|how) (will|can|do|does|did|is|are|should|would) (i|we|my|our|it|they|the|you)",
        "(let me know|tell me|advise) (when|whether|if|what|how|where|why)",
    ],
    "resolved": [
        "(never mind|nevermind|all sorted|all good now|sorted it|got it sorted|figured it out|problem solved|issue solved|issue resolved|all fixed)",
        "(it's|it is|they're|they are|everything's|everything is) (working|fine|sorted|fixed|resolved) now",
        "(works|working|arrived|came|turned up|showed up) now",
        "no longer (an issue|a problem|needed|necessary)",
        "(already|finally) (received|arrived|got|came|sorted|fixed|solved|resolved|turned up)",
        "(they|it) (arrived|came|turned up|showed up) (today|yesterday|this morning|this afternoon|on <weekday>)",
        "(handled|sorted|fixed|solved|resolved|took care of) it (myself|on my own|ourselves)",
        "(disregard|ignore) my (last|previous|earlier) (email|message|note)",
    ],
    "satisfaction": [
        "(love|loving|really like|really enjoy|enjoying|adore|loved) (it|the|my|our|your|this|how)",
        "(works|working|runs|running|going|went) (great|perfectly|beautifully|brilliantly|well|smoothly|like a charm|like a dream)",
        "(very|really|so|extremely|super|incredibly|quite) (happy|pleased|satisfied|impressed|glad|delighted|grateful|thrilled)",
        "(happy|pleased|satisfied|impressed|delighted|thrilled) with",
        "(great|excellent|amazing|fantastic|outstanding|wonderful|brilliant|superb|terrific|awesome) (job|service|work|experience|product|support|team|help|car|result|results)",
        "(you|your team|you guys|the team|everyone) (were|was|have been|has been|are|is) (great|amazing|fantastic|so helpful|super helpful|very helpful|brilliant|wonderful|excellent|a pleasure)",
        "(thank you|thanks) (so much|a lot|a million|again) for",
        "(couldn't be happier|could not be happier|so far so good|exceeded (my|our) expectations|best decision|highly recommend|would recommend)",
        "(just fine|all good|all great|everything is great|everything's great|everything is perfect|no complaints)",
        "(really|so) (appreciate|appreciated)",
        "(saved|saving) (us|me) (so much|a lot|hours|time|money)",
    ],
    "dissatisfaction": [
        "(unhappy|disappointed|frustrated|annoyed|upset|angry|furious|livid|fed up|not happy|not satisfied|dissatisfied|not impressed|not pleased)",
        "(terrible|awful|horrible|poor|unacceptable|ridiculous|appalling|shocking|lousy) (service|experience|support|quality|communication|job|response)",
        "(this|that|it) is (unacceptable|ridiculous|a joke|not good enough|not acceptable|a disgrace|outrageous)",
        "(worst|very bad|really bad) (service|experience|company)",
        "(cancel|cancelling|canceling) (my|the|our) (order|account|subscription|contract|policy|service|booking)",
        "(want|would like|demand|expect) a (full )?refund",
        "(never|won't|will not) (buy|use|recommend|come back) (again|you)",
        "(waste|wasted) (of )?(my|our) time",
        "(let down|losing patience|lost patience|had enough)",
    ],
    "objection": [
        "(too|very|quite|rather|a bit|a little|way too) (expensive|pricey|costly|much|high|steep|long|complicated|complex)",
        "(can't|cannot|can not) afford",
        "(over|outside|beyond|above) (my|our|the) budget",
        "not (interested|for us|a good fit|the right fit|right for us|in (my|our) budget|the right time|convinced|sure it's worth)",
        "(don't|do not) (need|want) (it|this|that|the|a|any)",
        "(we'll|we will|i'll|i will|we're going to|i'm going to|think i'll|think we'll) (pass|hold off|stay with|stick with)",
        "(decided|going|chose|choosing|went) (to go )?with (another|a different|someone else|a competitor|the other)",
        "(no thanks|no thank you|not right now|not at this time|not at the moment)",
        "(didn't|did not|don't|do not) like the (length|price|term|terms|contract|commitment|fees|cost)",
        "(contract|term|commitment|minimum term|lock-in|lock in) (is|seems|feels) too (long|short|restrictive)",
        "found (a )?(cheaper|better|less expensive) (option|deal|offer|quote|price|provider)",
        "(i|we) (decline|am declining|are declining|have to decline|must decline|'ll decline)",
        "(isn't|is not|wouldn't be|would not be) a good fit",
        "(cheaper|better price|better deal|lower price) (elsewhere|somewhere else|from)",
    ],
    "think_it_over": [
        "(let me|i'd like to|i need to|i want to|i'll|i will|i'd prefer to|i prefer to|we need to|we'd like to|we'll|i have to|i must) (think|sleep) (about it|on it|it over|this over|about this)",
        "(need|want|like|prefer) (some|a little|a bit of|more) time to (think|decide|consider|mull|look)",
        "(talk|discuss|check) [it|this] (with|over with) (my|our) (wife|husband|partner|boss|team|manager|accountant|board)",
        "(prefer|like|want) to think (about|it|this)",
        "(i'll|i will|we'll|we will) (mull it over|consider it|review it|look it over|look over)",
    ],
    # -- what we say ----------------------------------------------------------------------
    "commitment": [
        "(i'll|i will|we'll|we will|i'm going to|i am going to|we're going to|let me) (check|look into|find out|chase|sort|fix|confirm|investigate|ask|follow up on|look at|get to the bottom of|escalate|see what|dig into|track down|get back to you|get an answer|update you|let you know|keep you posted|send|resend|arrange)",
        "(leave it with me|i'm on it|i am on it|on it now|will do)",
        "(i'll|i will|we'll|we will) (make sure|ensure) (it|they|you|this|that)",
        "(will|'ll) (get back to you|revert|report back|come back to you)",
    ],
    "callback": [
        "(i'll|i will|we'll|we will|i can|let me|i'd like to|i'm going to|i am going to|shall i|should i|i'll try to) " + _CONTACT + " (you|back)",
        "(i'll|i will|we'll|we will) " + _CONTACT + " you back",
        "(call|ring|phone|email|text|contact) me (back )?(on|in|next|tomorrow|after|before|this|later|<weekday>|around|at)",
        "(call|ring|phone|email|text|contact) me (back )?" + _WHEN,
        "give (me|us) (till|until|a|a few|some|a couple of|couple of|another) (next|<weekday>|days|weeks|week|day|couple|few|more)",
        "(talk|speak|chat) (again )?(on|next|<weekday>|tomorrow|in|after|early)",
        "(let's|let us|we can|we could|how about we) (talk|speak|reconnect|catch up|regroup|touch base|circle back) (on|next|in|<weekday>|tomorrow|after|early)",
        "get back to (me|us) (in|by|next|on|after|<weekday>|tomorrow|before)",
        "(try|reach) (me|us) (again )?(on|next|in|<weekday>|tomorrow|after)",
        "(follow up|check back|come back) (with you )?(on|next|in|<weekday>|tomorrow)",
    ],
    "when": [
        "(today|tonight|tomorrow|this afternoon|this evening|this morning|later today|end of day|eod|first thing tomorrow)",
        "(day after tomorrow|the day after tomorrow)",
        "in " + _NUM + " [more] [business|working] (days|day|weeks|week|hours|hour|months|month)",
        "(within|in the next) " + _NUM + " [business|working] (days|day|weeks|week|hours|hour)",
        "(next|this|on|by|before|after|until|till|coming) (<weekday>|week|month|weekend)",
        "<weekday>",
        "(end of|end of the|by the end of the|by the end of) (week|month|day)",
        "<month> (<num>|<ordinal>)",
        "(<num>|<ordinal>) <month>",
        "the <ordinal>",
        "(next|early next|later this|later next) (week|month)",
    ],
    "acknowledgement": [
        "(i|we) know (i|we) (said|promised|agreed|told you|mentioned)",
        "(i|we) (realise|realize) (i|we|you) (said|promised|agreed|asked|wanted)",
        "(i|we) know (you|you'd|you had|you have) (wanted|asked|needed|said|wanted some|asked for)",
        "(earlier|sooner) than (we|i) (agreed|said|planned|promised|discussed)",
        "sorry (to|for) (bother|bothering|call|calling|reach|reaching|contact|contacting|email|emailing|writing) (you )?(before|early|earlier|sooner|ahead)",
        "(before|ahead of) (our|the) (agreed|planned|scheduled)",
        "(i|we) (said|promised) (i'd|i would|we'd|we would) (call|email|wait|give you)",
        "(instead of|rather than) (waiting|waiting until|waiting till)",
        "(sorry|apologies) (for|about) the (delay|late|wait)",
        "later than (i|we) (said|promised|agreed)",
    ],
    "referral_ask": [
        "(know|knows) (of )?(anyone|anybody|someone|somebody|any friends|any colleagues|any other) (else )?(who|that|looking|interested|in the market|needing|who'd|who might)",
        "(anyone|anybody|someone|somebody) (else )?(you|you'd|you could|you might|you would) (recommend|refer|introduce|send|point)",
        "who else (should|could|might|would|do you think) (i|we)",
        "who else (in|at|on|from) (your|the) ** (should|could|might|would|do you think|ought to)",
        "(refer|recommend|introduce|send) (me|us|anyone|anybody|someone|a friend|your friends|your colleagues) (to|along|our way|my way)",
        "(would|could|will|can|might) you (refer|recommend|introduce|pass)",
        "(any|do you have any|happy to take any) (referrals|introductions|recommendations for)",
        "(friends|colleagues|family|neighbours|neighbors|contacts|peers) (who|that) (might|may|could|would|are|need)",
        "(pass|passing|share|sharing) (my|our) (name|details|number|card|contact|info|information) (on|along|with)",
        "(refer a friend|referral program|referral programme|referral bonus|referral reward|referral fee)",
        "(who|anyone) (in your network|you know)",
        "(put|putting) (me|us) in touch with",
    ],
    "concession": [
        "(lower|reduce|drop|cut|knock|bring down|take) (the )?(price|rate|cost|fee|monthly|payment|premium)",
        "<num> (%|percent) (off|discount|reduction|lower)",
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
    ],
    "guarantee": [
        "(won't|will not|will never|'ll never|shall never|never will) (happen|occur|be an issue|be a problem) again",
        "(never|won't|will not) (have|experience|see|face|run into|get) (this|that|any|another|the same) (problem|issue|trouble|again)",
        "nothing (will|can|is going to|could) (go wrong|break|fail)",
        "(guarantee|guaranteed|promise|assure you|i promise|we promise) (it|this|that|there|you) (will never|won't|will not|'ll never|is never|can't|cannot|never)",
        "(guarantee|promise) (you )?(it'll|it will|everything will|this will) (be perfect|go perfectly|never|work perfectly|be flawless)",
        "(100 %|one hundred percent|completely) (guarantee|guaranteed|problem-free|problem free|trouble-free|error-free|flawless)",
        "(never|won't ever) (break|fail|go wrong|let you down) [again]",
        "(this|it) (will|is going to) (never|not) (happen|occur) again",
        "last time (this|it|that) [ever] happens",
    ],
    "hedge": [
        "(can't|cannot|can not|won't|couldn't|could not) (guarantee|promise)",
        "(do|doing) (everything|all) (i|we) (can|possibly can)",
        "(i'll|i will|we'll|we will) be (there|right there|here) (to|for|with)",
        "(if|when) (something|anything|it) (does )?(goes|go) wrong",
    ],
    "constraint": [
        "(car|vehicle|truck|van|engine|it) (won't|will not|doesn't|does not|wouldn't|would not|didn't|did not) (start|turn over|run|drive|move)",
        "(can't|cannot|can not|unable to|not able to|won't be able to|couldn't|could not) (come|get|drive|make it|travel|leave|get to|come in|come to|bring|walk|attend|be there|get there|get out|get away|visit)",
        "(away|out of the office|out of office|travelling|traveling|on holiday|on vacation|abroad|out of town|off|overseas|offline|unavailable|in hospital) (until|till|through|for|this|next)",
        "(back|return|returning|home) (on|after|from|the) [the] (<num>|<ordinal>|<weekday>|<month>)",
        "(don't|do not|no longer) (have|own) (a|the) (car|ride|vehicle|transport|computer|laptop|printer)",
        "(no|without) (car|ride|transport|transportation|internet|computer|laptop|phone|power)",
        "(laptop|phone|computer|printer|car) (is|was|got) (broken|dead|stolen|in the shop)",
        "(can't|cannot|unable to|not able to) (access|log in|login|sign in|open|use|download|print|read|see)",
        "(recovering|housebound|bedridden|in a cast|on crutches|can't drive|cannot drive|not allowed to drive)",
        "(only|just) (available|free|around|reachable) (on|after|before|in the|from)",
        "(not|never) (available|around|reachable|free|in) (on|until|before|in the|during|this|next)",
    ],
    "ask_visit": [
        "(bring|drive|take|drop) (it|the car|the vehicle|your car|your vehicle|the truck|the device|it back) (in|to|down|over|off|back)",
        "(come|pop|stop|swing|drop|call) (in|by|into|down|over|round) [to|at|and]",
        "(visit|come to|come into|come down to|stop by) (the|our|us)",
        "(bring|drop off|return) (it|them|the) (to|at|in)",
        "(in person|at the dealership|at our office|at the branch|at the store|in store|in-store|at the clinic|at our showroom)",
        "(book|schedule|make) (an|a) (appointment|visit|service|slot) (at|in|with)",
    ],
    "ask_meeting": [
        "(can|could|shall|should) (we|you|i) (meet|chat|talk|speak|call|do|hop on|jump on|get together)",
        "(meet|meeting|call|chat|demo) (on|at|this|next|tomorrow|<weekday>|early)",
        "(are|would) you (be )?(free|available|around) (on|at|this|next|tomorrow|<weekday>)",
        "(how about|what about|does) (<weekday>|tomorrow|next week|this week)",
    ],
    "ask_online": [
        "(log|sign) (in|into|on) [to|and|at]",
        "(click|open|download|check) (the|this|your) (link|portal|app|dashboard|attachment|email)",
        "(upload|submit|fill in|fill out|complete) (the|your|this) (form|document|documents|details)",
    ],
    "accommodation": [
        "(tow|towing|tow truck|pick it up|pick up the car|collect it|collect the car|come to you|mobile (service|mechanic|technician)|send a technician|send someone|roadside|at your home|at your place|at home)",
        "(when|once|after) you('re| are) (back|home|available|free|able|recovered|feeling better)",
        "(after|once) you (get back|return|are back)",
        "(remotely|by phone|over the phone|by video|video call|online instead|by email instead|no need to come in)",
        "(no rush|whenever suits|whenever works|when it suits|when convenient|at your convenience)",
        "(courier|post|mail|ship|send) (it|them|you) (to you|out|over)",
        "(loan car|loaner|courtesy car|rental car|replacement car)",
    ],
    "introduction": [
        "(i'm|i am) (your|the|a) [new] (account manager|rep|representative|contact|manager|supervisor|colleague|team lead|specialist|advisor|adviser|consultant|agent)",
        "(i'm|i am) * ('s|sam's) (manager|colleague|supervisor|team lead|boss|partner)",
        "(taking over|picking up|stepping in|covering) (from|for)",
        "(i'll be|i will be|i'm now|i am now) (your|looking after|taking care|handling)",
        "(colleague|manager|supervisor|teammate|team lead|partner|boss) (mentioned|told me|said|passed|asked me|let me know|filled me in|handed)",
        "(mentioned|told me|said|let me know|filled me in) (that )?(you|that you)",
        "(work|working) (with|alongside) (your|my colleague)",
        "(my|your) (colleague|rep|account manager|contact)",
    ],
    "defensive": [
        "as (i|we) (already|previously|have already|have previously|clearly) (said|told you|mentioned|explained|stated|advised|informed you|pointed out)",
        "as (i|we) (said|told you|mentioned|explained|stated) (before|already|earlier|previously|in my last)",
        "per my (last|previous|earlier|prior) (email|message|note|mail|call)",
        "as (previously|already|clearly) (stated|mentioned|explained|advised|communicated|noted)",
        "(that's|that is|it's|it is|this is|this isn't|that isn't) (not )?our (fault|responsibility|problem|mistake|issue)",
        "not (my|our) (fault|problem|responsibility|mistake)",
        "you (should|would|could) have (read|checked|known|called|asked|noticed|told us)",
        "(clearly|explicitly|plainly) (stated|written|explained|mentioned) (in|on)",
        "(if you had|had you|if you'd) (read|followed|checked|called|listened)",
        "you (failed|neglected|forgot) to",
        "(we|i) (did|do|have done) nothing wrong",
        "(as|like) (i|we) (keep|have been) (saying|telling you)",
        "(you agreed|you signed|you accepted) (to|the)",
        "(read|check) the (terms|fine print|small print|contract)",
    ],
    "apology": [
        "(sorry|apologies|apologise|apologize|apologising|apologizing) (for|about|that|again)",
        "(i'm|i am|we're|we are|so|really|truly) sorry",
        "(i|we) understand (how|your|that|why|the)",
        "(that|this) (must be|must have been|sounds) (frustrating|annoying|stressful|difficult|upsetting)",
    ],
    "ask_business": [
        "(ready|want|like|decided) to (go ahead|move forward|sign|order|proceed|commit|switch)",
        "(shall|can|should|may) (we|i) (go ahead|proceed|book|process|place|lock|set up|send the contract)",
        "(sign|place|confirm) (the|your) (order|contract|agreement|paperwork)",
        "(have you|did you) (decided|made a decision|had time to decide)",
        "(any|what's your|your) (decision|verdict)",
        "(can i|could i|may i) (get|have|count on) your (order|business|signature|commitment)",
        "(get|getting) (you|this) (signed|started|booked|on board)",
        "(still|are you) (interested|keen|on board)",
    ],
})
VOCABULARY["pleasantry"] += [
    "[i|we] (hope|trust) (you|you're|you've|you are|you have|all|everything|this|that|your|the|things|it's|it is)","how are you", "how have you been", "how's your (week|day|weekend)", "how was your (week|day|weekend)"]

# Words that say nothing about what a message is about; the rest of a sentence's words are
# its topic ("plates", "invoice", "tow"), which is how a reply is matched to an issue.
VOCABULARY["stopword"] = """
a about above after again against all almost also am an and any anyone anything are aren't as at
back be because been before being below between both but by can can't cannot could couldn't did
didn't do does doesn't doing don't done down during each either else even ever every everyone
everything few for from further get gets getting got gotten had hadn't has hasn't have haven't
having he he'd he'll he's her here here's hers herself him himself his how how's however i i'd
i'll i'm i've if in into is isn't it it's its itself just let let's like make many may me might
more most much must my myself need needs no nor not now of off often on once one only or other
our ours ourselves out over own please quite rather really same see seem she she'd she'll she's
should shouldn't since so some something soon still such sure than that that's the their theirs
them themselves then there there's these they they'd they'll they're they've thing things think
this those though through to too under until up upon us very via want wanted was wasn't way we
we'd we'll we're we've well were weren't what what's when where which while who who's whom why
will with within without won't would wouldn't yet you you'd you'll you're you've your yours
yourself yourselves hi hello hey dear thanks thank regards best cheers kind know going go today
tomorrow yesterday week weeks day days time times ok okay yes yeah great good new call called
email emailed mail message wrote writes sent send said say says tell told ask asked check checking
update updates let's able via etc day's morning afternoon evening monday tuesday wednesday
thursday friday saturday sunday
""".split()

# -- broader check-in, value and filler knowledge (drafted against varied real-world wording) --
VOCABULARY["checkin"] += [
    "(see|check|find out|know|hear) (if|whether|that) (everything|everything's|all|all's|things|it|it's|the *|your *) ** (running|going|working|ok|okay|fine|good|well|smoothly|alright|all right|to plan|as planned)",
    "checking in",
    "check in (on|with) (you|how|things|everything)",
    "(following|follow|followed) up (on|with|about|regarding|re) (my|our|the|your|this|that|last|previous|earlier|below)",
    "(circling|circle|looping|loop|coming) back (on|to|around|about)",
    "(wanted|want|thought i'd|thought i would|i'd|just) (circle|loop|come) back",
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
    "(hope|hoping) (everything|all|things|it) (is|'s|are) (going|good|well|great|fine|ok|okay|running)",
]
VOCABULARY["nudge"] += [
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
]
VOCABULARY["boilerplate"] += [
    "(we're|we are|i'm|i am|the team|the team are|and the team are|team are) (always )?(here|around|available) (if|for|to|whenever)",
    "(always|just|only) a (call|phone call|message|email|click) away",
    "(reply|respond) to this (email|message)",
    "(my|our) (door|line|inbox) is always open",
    "(you know|you have) where to find (me|us)",
]
VOCABULARY["context"] = [
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
]
VOCABULARY["value/update"] += [
    "(i've|we've|i have|we have) [just|now|already|finally|also] <past> (you|your|it|the|a|an|them|this|that|up|in|back|out|for|to|with|our)",
    "(i|we) [just|also|finally] (booked|shipped|fixed|resolved|attached|scheduled|reserved|arranged|processed|refunded|credited|replaced|repaired|ordered|posted|mailed|upgraded|added|confirmed|reissued|extended|renewed|spoke to|spoke with|talked to|heard back)",
    "(has|have|had|was|were|is|are) [now|just|already|finally] (been )?(reissued|refunded|credited|replaced|repaired|upgraded|approved|cleared|shipped|dispatched|delivered|installed|renewed|extended|resolved|fixed|sorted|processed|released|published|scheduled|booked|confirmed|posted|mailed|sent)",
    "(new|revised|updated|corrected) (date|time|invoice|quote|price|pricing|schedule|version|estimate|delivery date|eta)",
    "(eta|estimated arrival|expected delivery|arriving|arrives|ships|shipping|due) (is|on|by|this|next|<weekday>|tomorrow|in)",
    "(usage|figures|numbers|report|results|data|stats|statistics) (show|shows|for|from)",
    "(engineer|technician|team|mechanic|courier|driver) (fixed|replaced|repaired|found|resolved|installed|will|is coming|is booked|is scheduled)",
]
VOCABULARY["value/offer"] += [
    "<money> <num>",
    "<num> (dollars|euros|pounds|usd|eur|gbp)",
    "(save|saving|saves|savings|cheaper|lower|less) (of|you|by|than|per|on)",
    "(trial|subscription|warranty|plan) (extended|extension|upgrade)",
]
VOCABULARY["value/proposal"] += [
    "<weekday> (<num>|<ordinal>) <month>",
    "(<num>|<ordinal>) <month> at <time>",
    "at <time>",
    "(held|booked|reserved|pencilled|penciled|blocked) (a|the|you|your|<weekday>|slot|time|table|room)",
]
VOCABULARY["value/resource"] += [
    "(aftercare|instructions|sheet|guide|checklist|brochure|leaflet|manual|price list|rate card|summary|recap|minutes|notes|report|invoice|quote|proposal|contract) (attached|enclosed|below|is attached|are attached|linked)",
]
VOCABULARY["neutral"] += [
    "(i've|we've|i have|we have|i|we) [just|already|also] (tried|called|emailed|rung|reached|left|noticed|wondered|wanted|missed|enjoyed|loved|liked|realised|realized|hoped|decided|thought|checked in|followed|heard|mentioned|texted|messaged) (to|calling|a|you|your|that|how|if|in|about|up|for)",
    "(rolled|we rolled|we launched|we released) out last",
    "any (update|updates|news) (on|from) (your|their) (end|side)",
    "(to|so we can) make sure everything is (in order|ready|correct|right|set)",
]

VOCABULARY["satisfaction"] += [
    "(smoothest|best|easiest|nicest|friendliest|quickest|fastest|most helpful|most professional) ** (ever|i've ever|we've ever|i have ever|we have ever|yet)",
    "(i've|we've|i have|we have) ever (had|dealt with|bought|experienced)",
    "(really|so|very|truly|absolutely|genuinely) (pleased|happy|thrilled|delighted|grateful|impressed)",
    "(you|your team|the team|your crew|the crew|your staff|the staff|everyone) (did|made|was|were|have been|has been) (a )?(great|amazing|fantastic|brilliant|wonderful|excellent|superb|fabulous|stellar|outstanding)",
    "(love|loving|loved) (the|it|our|my|how|what)",
    "(can't|cannot|couldn't) thank you enough",
    "(a|an) (pleasure|joy|dream|delight) to (work with|deal with)",
    "(made|makes) (it|everything|the whole thing|my life|our lives) (so )?(easy|easier|simple|painless|stress free|effortless)",
    "(five|5) stars",
]
VOCABULARY["dissatisfaction"] += [
    "not (thrilled|happy at all|pleased at all|satisfied at all|impressed at all|what i expected|what we expected)",
    "(pretty|quite|very|really|so|extremely|deeply|bitterly) (disappointed|frustrated|unhappy|annoyed|upset)",
    "(third|second|fourth|another) (time|estimated bill|estimate|mistake|error|delay|change)",
]
VOCABULARY["referral_ask"] += [
    "(friends|family|coworkers|co workers|colleagues|neighbours|neighbors|anyone|anybody|someone|people|others|buyers|sellers) ** (shopping for|looking for|in the market for|thinking about|thinking of|planning|who need|who needs|needing|considering)",
    "(recommend|mention|refer) (us|me|our (clinic|firm|company|team|practice|agency|shop|service)) to (your|a|any|friends|family|colleagues|others|people)",
    "(tell|let) (your )?(friends|family|colleagues|neighbours|neighbors|others) (about|know about)",
    "(send|sending|point|pointing) (them|anyone|people|friends|shoppers|buyers) (my|our) way",
    "(introduction|introductions|intro|intros) to (other|your|any|another|peers|colleagues)",
    "(other|fellow) (importers|buyers|teams|departments|schools|practices|companies|businesses|owners) (who|that) (might|may|could|would)",
    "(gift card|voucher|credit|bonus|reward) for (every|each|any) (referral|friend|neighbour|neighbor|introduction)",
]
VOCABULARY["neutral"] += [
    "who else (from|on|in|at) (your|the) (team|side|office|company) (should|could|shall) (i|we) (add|invite|include|cc|copy|loop|bring)",
    "(refer|referring|referred) (to|you to) (the|our|this|that|your|section|page|attached|document)",
    "(medical|doctor's|specialist|gp) referral",
]

# Pointing back at something sent before is not news ("the quote I sent last week").
VOCABULARY["neutral"] += [
    "(i|we|i've|we've|i have|we have) (sent|emailed|shared|forwarded|mailed|posted|attached) [you|over|across|through] (the|my|our|a|an|that|this) ** (last|earlier|previously|a few|on|the other|before|yesterday|recently)",
    "(the|my|our|that) (quote|quotation|proposal|email|note|message|info|information|details|brochure|estimate|offer|contract|deck) (i|we) (sent|shared|emailed|forwarded|mentioned|attached|put together|prepared)",
]

# -- customer issues in the words customers use (drafted from support and sales training) ----
VOCABULARY["issue"] += [
    # something did not happen, or happened wrongly
    "still (don't|do not|dont) (have|see|know)",
    "(haven't|have not|hasn't|has not|didn't|did not) (heard|had|received|seen|got) (anything|a thing|a word|nothing|any news|a reply|a response|an answer|a call)",
    "(heard|had) nothing (back|from|since)",
    "(is|are|was|were|'s) still (wrong|broken|not working|missing|late|incorrect|down|showing|there|pending|outstanding|unpaid|open|stuck|failing)",
    "(wasn't|was not|weren't|were not|isn't|is not|aren't|are not) (included|fitted|installed|delivered|in the box|on the invoice|done|fixed|applied|credited|refunded|paid)",
    "(paid for|ordered|bought|booked|was promised|were promised) ** (wasn't|was not|weren't|were not|isn't|is not|never|didn't|did not|hasn't|has not|is missing|are missing)",
    "(that|which|something) (i|we) (never|didn't|did not|don't|do not) (made|make|order|ordered|use|used|authorise|authorised|authorize|authorized|request|requested|sign up for|signed up for|agree to|agreed to|want|wanted|buy|bought)",
    "(charge|charges|fee|fees|bill|invoice|payment|item|line) (for|on) ** (i|we) (never|didn't|did not|said no to|declined|cancelled|canceled|returned)",
    "(i|we) said no to",
    "(created|charged|billed|sent|delivered|shipped|posted|processed|booked|imported|debited|taken|duplicated) (twice|two times|three times|double)",
    "(duplicate|duplicated|double) (invoices|entries|records|orders|payments|charges|bookings|emails|accounts)",
    "(has|have|had|keeps|kept) (failed|crashed|broken|stopped|dropped|errored) [again|twice|repeatedly|three times|every time]",
    "(fails|failed|fail) to (export|load|sync|upload|download|print|send|save|connect|open|start|work|arrive|install|update|process)",
    "(error|error message|error code) (says|saying|is|was|when|every time|each time)",
    "(get|getting|got|keep getting|see|seeing) (an|the|this) error",
    "(locked|shut|kept) out (of|by)",
    "(nobody|no one|noone|none of us|none of our|we) ** (can|could|can't|cannot|couldn't|is able to|are able to) (log in|login|sign in|access|connect|get in|open|use)",
    "(can't|cannot|can not|unable to|couldn't|could not|not able to) (log in|login|sign in|access|connect|get in)",
    "(it|it's|it has|they|they've|they have|which|that|and|has|have) (cracked|broke|snapped|chipped|split|tore|leaked|failed|died|fell apart|fell off|came off|came loose|came apart|stopped)",
    "(cracked|snapped|chipped|broke|leaking|leaked|died|failed|fell off|came off|came loose) (after|within|again|already|twice|on|overnight|last)",
    "(seems|seem|appears|appear) to be (running fast|running slow|wrong|broken|faulty|off|incorrect|overcharging|missing|stuck|down|failing|leaking)",
    "(bill|bills|usage|charges|premium|price|rate|cost|costs|invoice|payment) ** (has|have|had)? (doubled|tripled|gone up|went up|jumped|spiked|shot up|increased) ",
    "(was|were|got|has been|have been) (cancelled|canceled|lost|damaged|stolen|misplaced|overcharged|double charged|double billed|mis sold|missold|ignored|cut off|disconnected)",
    "(i|we) waited (over|more than|nearly|almost|for)? <num> (minutes|hours|days|weeks|months)",
    "(waited|waiting) (all day|all morning|all afternoon|in for|at home)",
    "(sat|stood) (idle|waiting|around)",
    "(much|far|way|a lot) (louder|noisier|slower|worse|more expensive|smaller|bigger|hotter|colder) than",
    "(too|very|really|so) (loud|noisy|slow|hot|cold|small|tight|loose) (to|for|at|and)",
    "(one|a|small|slight|minor|big|major|another|only|real|the) (problem|issue|snag|glitch|hiccup|complaint|concern) (is|with|though|here)",
    "but it should (be|say|read|show|have been|have said)",
    "(shows|says|lists|listed|has|had|gave|put) ** (wrong|incorrect|old|misspelled|misspelt)",
    "(cuts|cut|cutting) off (the|my|our|every|part|half)",
    "(not|isn't|wasn't|aren't|weren't) (what|as) (i|we) (ordered|asked for|paid for|expected|agreed|were promised|was promised|were told|was told)",
    "(still|yet to) (be|been) (paid|refunded|credited|fixed|delivered|installed|resolved|sorted|answered|returned)",
    "(no|without) (reply|response|answer|word|update|callback|call back) (from|since|yet|after)",
    "(chasing|chase) (this|you|it|up|again)",
    "(second|third|fourth|fifth) time (i've|i have|we've|we have|i am|i'm|asking|writing|calling|chasing)",
    "(out of|run out of|ran out of|down to our last|down to my last) (toner|stock|supplies|ink|paper|parts|cartridge)",
    "(down to) (our|my|the) last",
    "never (got|received|heard|showed up|turned up|arrived|came|materialised|materialized|happened)",
]
VOCABULARY["request"] += [
    "(can|could|would|will) you [please] (ask|make sure|add|remove|take|swap|exchange|replace|repair|reissue|correct|amend|credit|reverse|waive|book|reschedule|transfer|help me|tell us|let us know|chase up|look into|sort out)",
    "please (remove|take|delete|reverse|credit|waive|correct|amend|swap|exchange|replace|repair|add|reissue|sort|look|help|ask|tell|make sure|refund|book)",
    "(i|we) need (to|you to) (add|remove|change|update|cancel|switch|transfer|amend|correct|return|replace|renew|know|get|have|speak|talk|fix|sort)",
    "(i|we) need (a|an|the|my|our) (copy|refund|replacement|credit|answer|update|invoice|receipt|quote|document|documents|letter|certificate|confirmation|callback|fix|repair|technician|engineer)",
    "(is there|are there) (a|any) (fix|workaround|way|update|news|solution|refund|option|options)",
    "(how|when|where|who) (do|can|should|shall) (i|we) (get|claim|apply|send|return|cancel|change|book|pay|find|add|remove)",
    "(where|how) (does|do|is|are) (my|our|the) ** (stand|stands|going|progressing|at)",
    "(who|which) (arranges|handles|does|sorts|covers|pays|is responsible)",
    "(is|are) (it|they|this|that|the *|a *|labour|labor|parts) (covered|included|refundable|under warranty|free|extra|normal)",
]
VOCABULARY["dissatisfaction"] += [
    "(not|never) (thrilled|impressed|happy|pleased|satisfied|amused) with",
    "(looks|look|looked|feels|felt|sounds|sounded) (odd|wrong|weird|terrible|awful|bad|uneven|cheap|unfinished)",
    "(this is|it's|it is|that's|that is) (getting|becoming) (to be )?(a problem|ridiculous|frustrating|silly|absurd|beyond a joke)",
    "(really|very|quite|extremely) (inconvenient|frustrating|annoying|disappointing|stressful)",
    "(not good enough|not acceptable|unacceptable|beyond a joke|last straw|not on)",
]
# "I'm away with no signal until the 12th" is a constraint, not a fault in our network.
VOCABULARY["neutral"] += [
    "(away|abroad|travelling|traveling|on holiday|on vacation|hiking|camping|trekking|at sea|on a trek|on a cruise|offshore|in the mountains) with (no|little|limited|patchy|bad|poor) (signal|reception|internet|wifi|wi fi|connection|coverage|phone)",
    "(what|what's) (happens|happen|is) next",
    "(what|what's|what are) (is )?the next (step|steps)",
    "what (do|would) you need from (me|us)",
    "what (do|should) (i|we) do next",
]
VOCABULARY["constraint"] += [
    "(away|abroad|travelling|traveling|on holiday|on vacation|hiking|camping|trekking|at sea|offline|out of the country|out of office) ** (until|till|through|for the next|back on|back after|returning)",
]
# Saying yes to what the customer asked ("Of course", "Absolutely, please do") takes it up.
VOCABULARY["assent"] = [
    "(yes|yep|yeah|of course|certainly|absolutely|definitely|sure thing|by all means|gladly) ** (i|i'd|i'll|i've|i'm|i can|we|we'd|we'll|we've|we're|we can|we do|you can|you're|please|it's|it is|they|they're|that's|that is|there|here)",
    "(yes|of course|absolutely|certainly|by all means) please do",
    "please (do|go ahead)",
    "(happy|glad|more than happy) to (do that|do so|send|arrange|add|swap|help with|take care of|sort)",
    "(consider it done|all done)",
    "(that|it) (works|suits|is fine|sounds good|sounds great)",
    "(we|i) (certainly|definitely|absolutely) (do|can|will|are)",
    "(we|i) do (and|!)",
]
VOCABULARY["commitment"] += [
    "(will|'ll|is going to|are going to) (collect|pick up|swap|exchange|replace|refund|credit|repair|redeliver|reship|resend|waive|remove|reverse|correct|amend|update|bring|deliver|drop off|call you|contact you|email you|fix|sort|investigate|look into)",
    "(i'm|i am|we're|we are) (escalating|looking into|checking|chasing|investigating|sorting|fixing|arranging|raising|booking|sending|on to)",
    "(i've|i have|we've|we have) (escalated|raised|logged|flagged|passed) (this|it|that|your|the)",
    "(escalating|escalated|raising|raised|passing|passed) (this|it|that|your *) (to|with)",
    "(let me|i'll|i will) (ask|talk to|speak to|speak with|talk with|check with|get onto|get on to|take it up with)",
]
VOCABULARY["value/update"] += [
    "(it|they|order|parcel|package|shipment|delivery|item|items|part|parts|rolls|goods|toner|stock|refund|payment|credit) (shipped|went out|left|arrived|landed|cleared|posted|was shipped|were shipped|was sent|were sent|was dispatched|were dispatched|was delivered|were delivered|has gone out|have gone out|is on its way|are on their way)",
    "(leave|leaves|left|leaving) (our|the) (warehouse|depot|factory|plant|office|lab|workshop)",
    "tracking (number|no|code|link|reference|ref|id|details|info|information|is)",
    "(with|via|by) (ups|fedex|dhl|usps|tnt|dpd|royal mail|courier|recorded delivery|special delivery|express post|overnight)",
    "(should|will|would) (reach|get to|be with) you (on|by|in|within|tomorrow|today|this|next|<weekday>)",
    "(is|are|'s) (backordered|back ordered|on backorder|on back order|delayed until|due back|out of stock until)",
    "(i|we) (heard|got|received) (back )?from (the|our|your) (lab|manufacturer|supplier|warehouse|insurer|lender|bank|airline|seller|landlord|team|engineer|technician|underwriter)",
    "(lab|manufacturer|supplier|warehouse|insurer|lender|bank|airline|seller|landlord|underwriter|engineer|technician|adjuster) (says|said|confirmed|has confirmed|agreed|has agreed|replied|came back)",
]
VOCABULARY["value/answer"] += [
    "(yes|no) (you|it|they|that|this|we|i) (do|does|don't|doesn't|can|can't|will|won't|are|aren't|is|isn't|need|needn't)",
    "(you|they) (don't|do not|won't|will not) need (a|an|to|any)",
    "(to|you can|you'll need to|you will need to|you need to|just) (go to|head to|click|open|select|choose|fill in|log into|sign into)",
    "(go|head) to (settings|account|the settings|your account|preferences|profile|the portal|the dashboard)",
    "(it|this|that|the *) (is|are) (covered|included|refundable|free|under warranty|normal|expected|standard) (under|by|in|for|with|and|because|as)",
    "(i'd|i would|we'd|we would) (recommend|suggest|advise)",
    "(here's|here is) (what|how|why|where)",
    "(what happened|the cause) (is|was)",
]
VOCABULARY["value/resource"] += [
    "(is|are|'s) (attached|enclosed|linked below|below)",
    "(attached|enclosed) (is|are|you'll find|please find|to this email|here)",
]
VOCABULARY["referral_ask"] += [
    "(recommend|mention|refer|introduce) (us|me|our *) to (anyone|anybody|someone|somebody|your|a|friends|family|colleagues|neighbours|neighbors|others|people|peers)",
    "(for|with) (every|each|any) (friend|neighbour|neighbor|colleague|relative|family member|person|customer|client|company|business) (you|who) (refer|send|introduce|recommend|sign up|signs up|books|joins)",
    "who else (at|in) * (handles|looks after|is responsible|deals with|makes|decides|buys|would|might|should|could|needs|uses)",
    "(love|like|appreciate|welcome|grateful for) (an|any|a few|some) (introduction|intro|introductions|intros|referral|referrals)",
    "(introducing|introduce) me to (a|some|any|your|other|a couple of|a few) (peers|colleagues|contacts|friends|people|others|buyers|owners)",
    "(told|tell|telling) (your|any|all your) (friends|family|colleagues|neighbours|neighbors|network) about",
    "(word of mouth|spread the word|pass the word)",
]
# Numbers and other words that say nothing about a subject ("five years", "last week").
VOCABULARY["stopword"] += """
two three four five six seven eight nine ten eleven twelve twenty thirty hundred first second
third fourth fifth last next happen happens happened honestly actually already quick quickly
thing anyway though also
""".split()

# Asking us to send something: a document sent back is the answer, whatever it is called.
VOCABULARY["request/send"] = [
    "(can|could|would|will) you [please] (send|resend|forward|post|mail|share) [me|us|over|across|through|on]",
    "please (send|resend|forward|post|mail|share) [me|us|over|across|through|on]",
    "(i'd|i would|we'd|we would) (like|love|appreciate) (a copy|the copy|copies|a reminder|the documents|the paperwork|the invoice|the receipt|the quote)",
]
VOCABULARY["nudge"] += [
    "(haven't|have not|hasn't|has not) heard (anything|a thing|a word|nothing)",
    "(heard|had) nothing (back|since)",
]
VOCABULARY["callback"] += [
    "(i'll|i will|we'll|we will|i can|i'd|we'd|i shall) be in touch",
    "(get|be|getting) (back )?in touch (on|in|next|after|by|<weekday>|tomorrow|early|before|around|later|this)",
]
VOCABULARY["ask_meeting"] += [
    "(could|can|shall|should) (we|i) (view|see it|see the|visit|tour|come|bring it forward|move it|push it|do it) ** (sooner|earlier|later|instead|another day|another time|this week|next week|<weekday>|tomorrow)",
]

# Asking for a time: a slot offered is the answer.
VOCABULARY["request/schedule"] = [
    "(i|we) need (to|you to) (book|schedule|reschedule|arrange|make|set up) (a|an|the|my|our|in)",
    "(can|could|may) (i|we) (book|schedule|reschedule|get|have|make) (a|an|the|my|our|in|another|another time|an appointment|a slot)",
    "(can|could|would|will) you (book|fit|squeeze|schedule|slot|pencil) (me|us|him|her|them) in",
    "(can|could) (i|we|he|she|they) be (seen|fitted in|booked in)",
    "(when|what time|what day|which day) (can|could|is|are) (you|i|we|the|your) ** (come|be seen|available|free|fit|book|install|visit|deliver)",
]
VOCABULARY["value/resource"] += [
    "(i've|i have|we've|we have) (attached|enclosed|included) (a|an|the|your|our|my|this|that|two|three|some|both) *",
]

# -- arguing who is right (story 001's "being right" block), in the ways reps actually write it --
VOCABULARY["defensive"] += [
    "as (stated|explained|mentioned|outlined|set out|noted|written|advised) (clearly|in|on|at|before|previously|earlier)",
    "as (clearly|plainly|explicitly) (stated|explained|mentioned|outlined|set out|written)",
    "please (read|re read|check|refer to) (our|my|the) (emails|email|messages|terms|policy|instructions|previous|earlier|contract|confirmation)",
    "(we|i) (clearly|explicitly|already|did) (explained|stated|told you|said|mentioned|informed you|advised|warned)",
    "(booklet|contract|agreement|form|terms|document|paperwork|waiver|policy|quote) you (signed|agreed to|accepted|initialled|read)",
    "the (problem|issue|mistake|error|fault) (is|was) that you",
    "(mistake|error|fault|problem|issue) (is|was|lies|lay) (on|with) (your|you)",
    "(you|your team|your staff|your side) (didn't|did not|failed to|forgot to|neglected to) (read|check|cancel|follow|tell|call|notify|inform|ask|pay|reply|update|re authorise|reauthorise|enter|send)",
    "(i've|i have|we've|we have) (told|explained|said|mentioned|written) (you|this|it|that|you this|you that)? (to you)? (three times|twice|several times|many times|multiple times|repeatedly|more than once|a number of times)",
    "(there is|there's|there was) nothing wrong with (our|the|my)",
    "(this|it|that) is (documented|in the terms|in the contract|in the policy|in our terms|on our website|in the manual|in the guide)",
    "(it's|it is|this is|that is) (clearly )?(on|in) (page|section|clause|the terms|the contract|our website|the website)",
    "(decision|bill|charge|fee|invoice|ruling|reading|amount|price) (stands|still stands|applies|is final|will stand)",
    "(our|the) (reading|bill|charge|invoice|figure|figures|records|system|calculation|decision|meter) (is|was|are|were) (correct|right|accurate|valid|fair)",
    "(it's|it is|this is) a (valid|legitimate|correct|fair) (charge|fee|bill|decision)",
    "(was|were) (right|correct|within their rights|entitled) to (deny|refuse|decline|charge|cancel)",
    "(this|that|it) (wouldn't|would not|would never) have happened (if|had)",
    "(like|as) (we|i) (advised|told you|warned|recommended|said)",
    "(which|as) the (setup guide|guide|manual|instructions|terms|website|contract|policy) (warns|says|states|explains|makes clear)",
]
VOCABULARY["dissatisfaction"] += [
    "(that's|that is|it's|it is|this is|seems) (unfair|not fair|unreasonable|wrong|a disgrace|outrageous|absurd)",
    "(costing|cost|costs|losing|lost) (us|me) (money|time|customers|business|sales|a fortune|a day)",
    "(is|was|are|were|been) (ruined|wasted|spoiled|a disaster|a nightmare)",
    "(i'm|i am|we're|we are) (furious|fuming|livid|gutted|devastated|appalled|shocked|disgusted)",
]
VOCABULARY["issue"] += [
    "(nobody|no one|noone) ** (told|warned|informed|mentioned|said|explained)",
    "(double|twice|triple|three times) what (it|they|we|i) (should|expected|were told|was told)",
    "(you've|you have|you) (ignored|lost|forgot|forgotten|missed) (it|me|my|us|our|the)",
    "(turned|sent) away (at|from)",
    "(denied|refused) (boarding|entry|service|access)",
    "(instead of|rather than) (the|my|our)? <money>",
    "(charged|billed) (me|us)? <money> (for|instead|when|but)",
]

# -- times the customer sets for the next contact ("get back in touch with me next week",
# "I'll let you know by the 20th", "give me 48 hours", "please don't chase me before then") --
VOCABULARY["callback"] += [
    "(get|be|getting) (back )?in touch (with me|with us) (on|in|next|after|by|<weekday>|tomorrow|early|before|around|later|this|at)",
    "(i'll|i will|we'll|we will|i should|we should|i can|we can) (let you know|get back to you|come back to you|be back in touch|revert|have an answer|have a decision|decide|confirm|give you an answer|make a decision) ** (by|on|before|after|next|in|within|<weekday>|tomorrow|this|early|end of|at the end)",
    "give (me|us) (<num>|one|two|three|a couple of|a few|another|the|till|until|a|some) (hours|hour|days|day|weeks|week|more days|weekend|couple of days|few days|bit|little while|while|next)",
    "(don't|do not|please don't|please do not) (chase|contact|call|email|ring|phone|text|nudge) (me|us) (before|until|till|again before|this week|next week)",
    "(decide|decision|answer|verdict) (by|before) (the|end of|<weekday>|next|this|tomorrow)",
]
VOCABULARY["when"] += [
    "<num> (hours|days|weeks|business days|working days)",
    "(before|until|till) then",
]
VOCABULARY["assent"] += [
    "sounds (good|great|perfect|fine|like a plan)",
]
VOCABULARY["acknowledgement"] += [
    "(i|we) know you (said|asked|wanted|needed|were going to)",
    "(i|we) know it's (before|earlier than|ahead of|not yet)",
    "(before|ahead of) (the|our) (<weekday>|call|date|deadline|day|time) (we|you|i) (agreed|said|set|arranged|planned)",
    "(sorry|apologies) (for|about) (the )?(change|reschedule|rescheduling|moving|switching)",
    "(need|have) to (move|reschedule|push|change|bring forward) (our|the|your)",
    "(moving|rescheduling|pushing|changing) (our|the) (call|meeting|demo|appointment|review|visit) (to|from)",
]
VOCABULARY["callback/reply"] = [
    "(i'll|i will|we'll|we will|i should|we should|i can|we can) (let you know|get back to you|come back to you|be back in touch|revert|have an answer|have a decision|decide|confirm|give you an answer|make a decision) ** (by|on|before|after|next|in|within|<weekday>|tomorrow|this|early|end of|at the end)",
]
VOCABULARY["callback"] = [p for p in VOCABULARY["callback"] if not p.startswith("(i'll|i will|we'll|we will|i should|we should|i can|we can) (let you know")]
VOCABULARY["callback"] += [
    "(call|ring|phone|email|text|contact) me (back )?(the following|instead|later|another|after|around|nearer)",
]
VOCABULARY["when"] += [
    "the following (<weekday>|week|month|day)",
]
# The customer allows an earlier contact on a condition ("if the price drops before then, tell me").
VOCABULARY["early_ok"] = [
    "(tell|let) me (know )?(straight away|right away|immediately|asap|at once)",
    "(in the meantime|before then|meanwhile) ** (tell me|let me know|call me|email me|text me|get in touch)",
    "(feel free|happy for you|fine for you|okay to|ok to) (to )?(call|email|contact|reach|text) (me )?(before|earlier|sooner|in the meantime)",
]
VOCABULARY["acknowledgement"] += [
    "(i|we) (said|told you|promised|mentioned) (<weekday>|tomorrow|today|the <ordinal>|next week|i'd|i would|we'd|we would|i'll|we'll)",
]
VOCABULARY["callback/reply"] += [
    "and (let you know|get back to you|come back to you|revert|be in touch|get back in touch|confirm) ** (by|on|before|after|next|in|within|<weekday>|tomorrow|this|early|end of|at the end)",
]
VOCABULARY["callback"] += [
    "(i'll|i will|we'll|we will|i can|let me|i'm going to|i am going to) (reach out|give you a ring|give you a call|give you a buzz|give you a bell|touch base|check back|check in|circle back|follow up|drop you a line|be back in touch) (again )?(on|in|next|this|tomorrow|<weekday>|after|by|before|early|around|at|the|once)",
    "(let's|let us|we can|we'll|we could|we will) (revisit|review|come back to|pick this up|pick it up|reconvene|regroup|reconnect|talk|speak) ** (in|on|next|after|<weekday>|tomorrow|early|once)",
    "give (me|us) (till|until) (the|end|next|<weekday>|<month>|<num>|<ordinal>|after)",
    "(let's|let us|shall we|we could|how about we) (do|say|book|meet|schedule|make it|pencil in|go for|pencil) (<weekday>|tomorrow|the <ordinal>|next|<num>|<ordinal>)",
]
VOCABULARY["when"] += [
    "(in|within) (a|one|two) (fortnight|fortnights)",
]

# -- objections and concessions as sales trainers list them ------------------------------------
VOCABULARY["objection"] += [
    "(more|higher) than (i|we) (wanted|want|planned|hoped|expected|budgeted|can) (to )?(spend|pay|afford)?",
    "(out of|outside|beyond|over) (my|our) (price range|range|budget)",
    "(too|a bit|a little|rather|quite) (pricey|dear|rich for us|much for us)",
    "(rates|rate|price|prices|quote|premium|cost|costs|fees) (is|are|seem|seems) (higher|too high|more|steep|a lot) ",
    "(higher|more expensive|dearer) than (our|my|the|what) (current|existing|other|we pay|i pay)",
    "(staying|stay|sticking|stick|going to stay|'ll stay) with (our|my|the) (current|existing|present)",
    "(can't|cannot|can not|won't|not ready to|unable to) (commit|sign up|sign) (to|for) (a|an|the) (year|annual|long|12 month|two year|24 month|multi year)",
    "(term|contract|commitment|agreement) is (longer|too long|more) than (we|i)",
    "(not|isn't|is not) (right|suitable|the right fit) for (us|me|our)",
    "(not|won't be|we're not|we are not|i'm not|i am not) (going ahead|proceeding|moving forward|taking it)",
    "(hard|difficult|tough) to justify",
    "(can't|cannot) justify",
    "(cost|price|fee) (is|was) (the|a) (problem|issue|sticking point|concern)",
]
VOCABULARY["concession"] += [
    "(knock|take|shave) ** off (the|your|our|it|that)",
    "<money> <num> off",
    "<num> off",
    "(free|complimentary) (delivery|shipping|tyres|tires|set|extras|extra|installation|fitting|months|month|upgrade|service|accessories|mats|cleaning|whitening|night|nights)",
    "(waive|waiving|waived) (the|your|our)? *",
    "(month to month|monthly rolling|rolling monthly|no minimum term|cancel anytime|cancel any time)",
    "(cut|drop|lower|reduce|reducing|lowering|dropping) (your|the|our) (rate|rates|premium|price|fee|tariff|cost)",
    "(match|matching|beat|beating) (it|their|your current|your existing)",
    "(same|annual|the annual) price (on|for|with) (a|the) (monthly|shorter|month)",
]

# -- constraints customers state, and the asks they rule out -------------------------------------
VOCABULARY["constraint"] += [
    "(no|don't have a|do not have a|haven't got a|without a|no access to a) (printer|scanner|fax|computer|laptop|smartphone|internet connection|home internet|car)",
    "(only|just) (do|manage|make|work for me|suit|suits) (mornings|afternoons|evenings|weekends|weekdays|before|after)",
    "(mornings|afternoons|evenings|weekends|weekdays) only",
    "(can only|can't do|cannot do) (do )?(mornings|afternoons|evenings|weekends|weekdays|before|after)",
    "(can't|cannot|can not|unable to|not able to) (leave|get out of) (the house|home|bed|the flat)",
    "(broken|sprained|fractured) (ankle|leg|hip|arm|wrist|foot)",
    "(hard of hearing|partially deaf|i'm deaf|i am deaf|can't hear well|cannot hear well)",
    "(email|text|write|in writing) (only|rather than|instead of)",
    "(closed|shut) (from|until|till|between|over|for)",
    "(budget|budgets|spending|funds|funding|purchasing) (is|are)? (frozen|on hold|locked|paused) (until|till|through|for)",
    "(passport|documents|visa) (is|are) (at|with) the (embassy|consulate|passport office)",
    "(abroad|away|overseas|out of the country|travelling|traveling) (until|till|through|for|from)",
]
VOCABULARY["ask_online"] += [
    "(print|sign|scan) (it|and|the|this|out|off)",
    "(send|email|upload) (me|us)? (a )?(scan|copy|photo|picture) of (your|the)",
]
VOCABULARY["ask_meeting"] += [
    "(best|good) (number|time) to (reach|call|ring|phone) you",
    "(can|could|shall|may) (i|we) (call|ring|phone) you",
    "(your|a) (phone|mobile|contact) number",
]
VOCABULARY["constraint"] += [
    "(won't|will not|wouldn't|would not|doesn't|does not) (start|turn over|turn on|power on|move|drive)",
    "(it's|it is|is|car is|battery is) (dead|stranded|stuck) (in|at|on)",
]
VOCABULARY["satisfaction"] += [
    "(ten|10) out of (ten|10)",
    "would (definitely |happily |gladly )?(buy|book|use|come|order|go) ** again",
    "best (dental|buying|customer|service|car|travel|shopping)? experience",
]

VOCABULARY["think_it_over"] += [
    "(i'll|i will|we'll|we will|let me|i'd like to|i want to|i need to|we need to|i'm going to|i am going to) (think|sleep|reflect|mull) (about|on|over|it over|this over|things over|it through)",
    "(have|take|need) a (think|little think|proper think|moment to think|day or two|few days|couple of days)",
    "(i'll|i will|we'll|we will) (get back to you|come back to you|be in touch|let you know|revert)",
    "(not|haven't|have not) (decided|made up my mind|made a decision) (yet)?",
    "(run|check) (it|this) (by|past) (my|our) (wife|husband|partner|boss|team|manager|accountant|board|finance)",
]
# Who a new person from our side is ("self"), and how they link to the earlier contact (the rest).
VOCABULARY["introduction/self"] = [
    "(my name is|introduce myself|introducing myself|let me introduce myself)",
    "(i'm|i am|this is|it's) * (from|with|at|here at|over at)",
]
VOCABULARY["introduction"] += [
    "(i'm|i am|this is|my name is) ** (manager|colleague|supervisor|team lead|team leader|lead|boss|partner|director|head|assistant|deputy)",
    "(i'm|i am) (joining|replacing|taking over|picking this up|helping)",
    "(asked|asks|wanted) me to (reach out|contact you|get in touch|follow up|pick this up|take over|help)",
    "(pass|passed|passing|hand|handed|handing) (you|this|your account|your file|your case) (over|on) to",
    "(introduce|introducing) (you to )?(my|our) (colleague|manager|teammate|specialist|engineer)",
]

VOCABULARY["ask_business"] += [
    "(shall|can|should|may) (we|i) (switch|sign|enrol|enroll|register|order|upgrade|move|put|write up|draw up|get) (you|your|it|the|an|this)",
    "(get|put|send) (your|an|the) (offer|order|application|deposit|signature|paperwork|booking) (in|over|through|across)",
    "(make|submit|place|put in) (an|your|the) (offer|order|bid|deposit|booking)",
    "(want|like) (me )?to (switch|sign|book|order|reserve|lock|secure) (you|it|your|the)",
]

# How support teams take a problem up in a short reply: asking for the details they need,
# moving to a private channel, saying they are on it. Each of these engages with the issue.
VOCABULARY["exploration"] += [
    "(dm|direct message|private message|pm|message|email|send|text) us [with|your|the|a|more|over|a dm|a note]",
    "(can|could|would) you (send|dm|share|tell|give|confirm|provide|pass) (us|me) (your|the|a|an|more|some|which|what|when|where)",
    "(please|kindly) (send|dm|share|confirm|provide|follow|reach out|contact|reply with|tell us)",
    "(what|which) (is|was) (your|the) (order|booking|account|confirmation|reference|ticket|case|claim|policy|tracking|flight|serial|model) (number|id|no|code)",
    "(what|which) (device|version|browser|platform|plan|model|app|operating system|os) (are|is|do) you",
    "(follow|following) (us|back) so (we|i) can",
    "(could|can) you (try|check|restart|reinstall|update|clear|log out)",
]
VOCABULARY["commitment"] += [
    "(we're|we are|i'm|i am|the team is|our team is) (looking into|investigating|aware of|working on|on|checking|escalating|chasing)",
    "(we'd|we would|i'd|i would) (like|love|be happy|be glad) to (help|look into|take a look|sort|fix|get this sorted)",
    "(let's|let us|let me|allow me to) (take a look|look into|get this sorted|get this fixed|help|see what)",
    "(we'll|we will|i'll|i will) (get this|get it|have this|have it) (sorted|fixed|looked at|reported|resolved|checked)",
    "(no|not yet an|no update on the) (eta|estimate|timeline) (yet|for|on)",
    "(passed|forwarded|escalated|reported|raised|logged) (this|it|your|the) [on|along|up] (to|with) (our|the)",
]
VOCABULARY["neutral"] += [
    "(visit|check out|see|go to|head to|browse) (our|the) (website|site|help site|help center|help centre|help page|page|faq|faqs|portal|community|forum|blog|support site|support page)",
    "(they|he|she|people|who|everyone|someone|somebody|nobody) (call|calls|called|rang|phoned|emailed) me",
]

# Customer-service boilerplate: says thank you, answers nothing.
VOCABULARY["boilerplate"] += [
    "(thank you|thanks|many thanks) for (your|the) (feedback|comments|message|email|note|patience|understanding|enquiry|inquiry|query|getting in touch|reaching out|contacting us)",
    "(we're|we are|i'm|i am) always (looking|trying|working|striving) (for ways|to improve|to do better|to get better)",
    "(comments|feedback|input|messages) like yours",
    "your (feedback|comments|input|business|custom) (help|helps|is|are|means) [us|valuable|important|a lot]",
    "we (value|appreciate) your (feedback|business|custom|comments|patience|loyalty)",
    "(we|i) (have|'ve) (noted|passed on|shared) your (feedback|comments)",
]

# Requests by their form: "please ..." and "can/could/would you ..." ask for something
# whatever the verb ("please review", "could you forward"). Courtesy forms are masked by
# boilerplate ("please don't hesitate", "please find attached").
VOCABULARY["request"] += [
    "please *",
    "(can|could|would|will) you (please|kindly)? *",
    "(give|send|forward|get|email|mail|fax|bring) me *",
    "i (need|want) (you|someone|somebody) to *",
    "(let me know|tell me|advise me) (by|before|asap|as soon as|today|tomorrow)",
]

# A rep's CRM notes record promises in reported speech ("Promised to call back Friday",
# "Told her we'd ring on Monday", "Said I would call back in 3 days").
VOCABULARY["callback"] += [
    "(promised|agreed|offered|arranged|said) (to|i'd|i would|we'd|we would|i'll|we'll) " + _CONTACT + " (him|her|them|back|the customer|customer|client)",
    "told (him|her|them|the customer|customer|client) (i'd|i would|we'd|we would|i'll|we'll) " + _CONTACT + " (him|her|them|back)",
    "(will|to) (call|ring|phone) (him|her|them|customer|the customer|client) back",
    "(promised|agreed|arranged|scheduled|booked) (a )?(call back|callback|follow up call)",
]
