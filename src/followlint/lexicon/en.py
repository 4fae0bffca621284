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
