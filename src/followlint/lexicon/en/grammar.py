"""Grammar words: what denies or supposes a phrase, and words that say nothing about a subject."""

WORDS: dict[str, list[str]] = {
    "negator": """
        not no never without nothing none nobody don't doesn't didn't won't can't cannot isn't
        aren't wasn't haven't hasn't neither nor hardly
    """.split(),
    "hypothetical": "if unless whether should case whenever would".split(),
    # The rest of a sentence's words are its topic ("plates", "invoice", "tow"): that is how a
    # reply is matched to an issue. Numbers and the like say nothing about a subject either.
    "stopword": """
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
        two three four five six seven eight nine ten eleven twelve twenty thirty hundred first second
        third fourth fifth last next happen happens happened honestly actually already quick quickly
        thing anyway though also
        rang rung phoned calling
        cust customer customers client clients spoke speak spoken re rn asap lvm vm voicemail
        look looks looking looked
    """.split(),
    # Everyday words a phrase is never looked up by: the index anchors each phrase on its
    # rarest-looking word, and a pair of words on the rarer of the two.
    "common": """
        a an the i you we it to of in on at for and or is are be me my your our us if so do that
        this with just any all can will have has was not no as from by please but they he she his
        her their them there here these those what which who when how now then than been were had
        did would could should may more about up out into one other also only its it's i'm i'll
        i'd we'll we're you're that's there's don't get go see know need like new time day through
        some very well let
    """.split(),
    # Contractions, as "form expansion": a form starting with an apostrophe (or "n't") is an
    # ending of any word ("we'll" is "we will"); the others are whole words. Text and phrases
    # are read in the expanded form, so a phrase written either way matches both. After a
    # noun, "'s" stays part of the word ("the car's ready": possessive or "is", unknown).
    "contraction": [
        "'ll will", "'re are", "'ve have", "'m am", "'d would", "n't not",
        "won't will not", "can't can not", "cannot can not", "shan't shall not", "ain't is not",
        "let's let us",
        "it's it is", "that's that is", "what's what is", "who's who is", "where's where is",
        "when's when is", "how's how is", "why's why is", "there's there is", "here's here is",
        "he's he is", "she's she is", "everything's everything is", "everyone's everyone is",
        "everybody's everybody is", "something's something is", "nothing's nothing is",
        "all's all is", "this's this is",
        # Chat shorthand, as support messages write it ("pls click here", "Y cant I join?").
        "pls please", "plz please", "u you", "y why", "thx thanks", "im i am", "ive i have",
        "dont do not", "cant can not", "didnt did not", "doesnt does not", "isnt is not",
        "wasnt was not", "havent have not", "hasnt has not", "wouldnt would not", "couldnt could not",
    ],
    "abbreviation": "no nos approx vs etc e.g i.e ref tel ext vol fig est min max appt dept acct incl excl".split(),
    "title": "mr mrs ms dr prof st".split(),
    # Past participles that do not end in -ed ("I've sent", "we've put"): the <past> class.
    "past_participle": """
        sent made set put found done built written paid got gotten held brought taken given sold
        bought spoken run begun won chosen drawn driven shown fixed seen heard left kept met
    """.split(),
    # Words that open a question a yes or a no cannot answer ("Where is my order?").
    "question_word": "what what's where where's when when's why how how's which who who's whom whose".split(),
    # Words that ask for a time ("When does it leave?", "how long", "what time").
    "time_question": "when when's time long soon eta".split(),
    # Verbs of contact a call note puts before the person's name ("Called Priyanka back").
    "contact_verb": "called rang phoned emailed texted messaged told asked spoke met reached updated sent".split(),
    # Subjects that open a statement; "you" is left out ("you guys open today?" asks).
    # Who speaks in a CRM note: its writer, our user ("Told him I'd confirm by Friday"), or the
    # customer it reports ("She'll talk to her partner and confirm by Friday").
    # Verbs that open a question ("..., can he move to Saturdays?").
    "auxiliary": "can could will would shall should is are was were do does did have has may might am".split(),
    # Verbs that make "if" or "whether" after them an indirect question ("to see if she's ready").
    "asking_verb": "see ask asking asked check checking checked wonder wondering wondered know out".split(),
    "writer_subject": "i we i'd we'd i'll we'll i've we've i'm we're me us".split(),
    "reported_subject": "he she they he'd she'd they'd he'll she'll they'll he's she's they're customer client cust".split(),
    # What a call note reports the customer said with ("He said the installers were brilliant").
    "sending_verb": "send resend forward email e-mail post mail share sent resent forwarded emailed posted mailed shared".split(),
    "saying_verb": "said says saying told tells mentioned mentions reckons reckoned feels felt thinks thought".split(),
    # Who keeps a promise said of others ("They'll look into this" of the team we sent the
    # customer to): not us.
    "other_party_subject": "they they'll they'd they're they've".split(),
    "statement_subject": "i we they it its this that there nobody everyone everybody someone somebody he she".split(),
    "discourse_opening": "so and but or then well oh also hey hi hello ok okay".split(),
    # Words that point back to what was just said ("Is this correct?", "Will it be canceled?").
    "back_reference": "this that it it's these those they they're".split(),
    # Words every customer conversation has ("our team", "the account", "a call this week"): a
    # reply that shares only these with the customer's point says nothing about it.
    "generic_subject": """
        team staff account service customer client company business email mail message call phone
        time week month day year thing help info information detail update today tomorrow morning
        afternoon question request issue problem people person work job site system contact number
        name date
    """.split(),
    # A referral ask by its shape: a question of ours (or a note saying we asked) about another
    # party ("other labs on your campus", "his sister gym", "anyone else") for us to reach
    # ("should be talking to", "an intro to", "put us in touch").
    "referral/other_party": ["other", "others", "another", "else", "sister", "fellow", "neighbouring", "neighboring",
                             "nearby", "friends", "colleagues", "neighbours", "neighbors", "peers", "network"],
    "referral/contact": ["intro", "intros", "introduce", "introduction", "introductions", "introducing", "touch",
                         "talk", "talking", "speak", "speaking", "refer", "refers", "referral", "referrals"],
    # ... or who would want what we sell ("any other families who'd want summer places", "who
    # else on the estate buys boxes").
    "referral/prospect": ["want", "wants", "need", "needs", "buy", "buys", "use", "interested", "benefit"],
    # "anyone at his car club", "anybody in your network": anyone somewhere is another party.
    "referral/anyone": ["anyone", "anybody", "someone", "somebody"],
    # A promise of perfection by its shape: an assurance and a future denied in one sentence
    # ("it won't ever back up again, guaranteed", "I guarantee nothing else will go wrong").
    "assurance/word": ["guarantee", "guaranteed", "guarantees", "promise", "promised", "assure", "assured",
                       "assures", "warrant", "swear"],
    "assurance/future": ["will", "shall"],
    "assurance/nothing": ["nothing", "nobody", "none"],
    "assurance/pledge": ["word"],  # "you have my word"
    "assurance/mine": ["my", "our"],
    # A fault denied ("isn't a binding fault", "not a mistake on our part", "not something that
    # happens at our end"): the denial, the fault words, our side, and the customer's word that
    # makes it an excuse of them instead ("not your fault").
    "denial/not": ["not", "never"],
    "denial/fault": ["fault", "faults", "mistake", "mistakes", "defect", "defective",
                     "faulty", "blame", "liable", "responsible", "responsibility"],
    "denial/side": ["end", "side", "part", "doing"],
    "denial/ours": ["our", "my"],
    "denial/theirs": ["your", "you", "yours", "his", "her", "their"],
    # What makes the wanting a person's: "families who'd want", "who else buys" ("other
    # commodities we would want covered" are things).
    "referral/relative": ["who", "who'd", "who's", "who'll", "whom"],
    # "Asked if any of her neighbours might be interested": the party counted in, then wanting.
    "referral/any": ["any"],
    "referral/of": ["of", "her", "his", "your", "their", "the"],
    "referral/people": ["friends", "colleagues", "neighbours", "neighbors", "peers", "relatives", "family"],
    "referral/somewhere": ["at", "in", "on", "from"],
    "referral/asking": ["ask", "asked", "asking", "wondered", "wondering"],
    # ... but "another time we can talk", "another number to reach you on" name no other party.
    "referral/not_party": ["time", "times", "day", "days", "date", "slot", "week", "weekend", "month", "number",
                           "email", "address", "phone", "way", "ways", "option", "options", "thing", "things",
                           "product", "products", "model", "version", "size", "colour", "color", "question",
                           "questions", "issue", "issues", "problem", "call", "meeting", "appointment", "visit",
                           "delivery", "order", "invoice", "account", "card", "topic", "matter", "channel", "than"],
}
