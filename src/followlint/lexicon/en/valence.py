"""How strongly English words feel: the sentiment lexicon the customer's sentences are scored
with, and the words around a feeling word that turn, raise or lower it.

The lexicon is VADER's (Hutto & Gilbert, 2014), rated by people for short informal text and
shipped in the ``vaderSentiment`` package; it is named here, not copied, and read on first use.
"""

WORDS: dict[str, list[str]] = {
    # package:file of a lexicon of "word<TAB>mean valence<TAB>..." lines, valence -4..+4.
    "valence_lexicon": ["vaderSentiment:vader_lexicon.txt"],
    # Raise the feeling word after them ("really happy", "extremely slow").
    "intensifier": """
        absolutely amazingly awfully completely deeply enormously entirely especially exceptionally
        extremely fully greatly highly hugely incredibly insanely intensely particularly really
        remarkably seriously so such super terribly thoroughly totally tremendously truly
        unbelievably utterly very
    """.split(),
    # Lower it ("slightly annoying", "somewhat better").
    "downtoner": """
        almost barely fairly hardly kinda marginally mildly moderately occasionally partly
        reasonably relatively scarcely slightly somewhat
    """.split(),
    # Turn the word right after them into its opposite, weakened ("less stressful", "fewer
    # problems" are good news; "less helpful" is not).
    "reverser": "less fewer".split(),
    # What follows outweighs what came before ("great car, but the plates never came").
    "contrast": "but however".split(),
    # Turning an offer down without a "but" or a "no" ("we'll have to decline", "I'll just split
    # my own hives instead").
    "refusal": "decline declining pass instead elsewhere".split(),
    # With a contrast or a denial, how a customer's sentence pushes back ("more than the agency we used").
    "comparison": "than cheaper pricier dearer".split(),
    # Words whose lexicon valence, in a customer's mail, is courtesy or another sense of the
    # word, not a feeling about us: "I'd like to", "please", "feel free", "kind regards",
    # "you promised", "no rush"; and business and legal senses ("the agreement", "a party",
    # "effective date", "securities", "opportunity"). Their feeling, when there is one, is in phrases.
    "valence_neutral": """
        like likes liked please thanks thank thanked thankful welcome regards best dear sure ok okay
        fine yes yeah yep yup pretty kind kindly well care careful free help helps helped helping
        interest interested want wants wanted share shared reach ready true hope hoped hopes
        hopefully hoping wish wishes wishing promise promised promises agree agreed accept accepted
        credit credited matter joke lol haha huge rush asap appreciate appreciated
        cancel cancelled canceled question questions alright clear
        agreement agreements party parties effective approval approved benefit benefits security
        securities interest value support holiday united original faith freedom heart god profit
        growth opportunity opportunities special natural energy save friend friends gift shares
        trust positive win winning award l tx luck lucky
    """.split(),
    # Make a sentence's feeling a wish or a supposition, not a judgement ("I hope it works").
    "wish": "hope hoping hopefully wish wishing expect expecting wonder wondering".split(),
}
