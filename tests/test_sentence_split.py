"""Sentences end where a reader ends them: evidence quotes the whole sentence, and a reply's
sentence is compared with the customer's by its words (signals.phrases, signals.topics)."""
from followlint.lexicon.words import current
from followlint.signals.phrases import tokenize
from followlint.signals.topics import Topics


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in tokenize(text).sentences]


def test_an_abbreviation_before_a_number_or_a_lowercase_word_ends_no_sentence():
    text = "My flight for Nov. 3 was canceled. We need approx. 20 boxes, e.g. the double wall ones."
    assert _sentences(text) == ["My flight for Nov. 3 was canceled.",
                                "We need approx. 20 boxes, e.g. the double wall ones."]


def test_a_title_ends_no_sentence_and_a_real_stop_still_does():
    assert _sentences("Dr. Patel called. Bring forms, ID etc. Then come in.") == [
        "Dr. Patel called.", "Bring forms, ID etc.", "Then come in."]
    # A word that merely ends like an abbreviation ("piano.", "Mondo.") is no abbreviation.
    assert _sentences("I play piano. 3 lessons a week.") == ["I play piano.", "3 lessons a week."]


def test_a_hyphenated_word_shares_a_subject_with_its_other_spellings():
    topics = Topics(current()["stopword"])
    assert "wifi" in topics.of("The Wi-Fi keeps dropping")
    assert "wifi" in topics.of("We're sorry the wifi was slow")
    assert "quot" in topics.of("Can you re-quote the boxes?")  # the part still matches "quote"


def test_a_text_in_a_language_no_vocabulary_reads_gives_no_signals():
    from followlint.model import Direction, Origin, Touch
    from followlint.signals.detect import SignalDetector
    from followlint.lexicon.en import VOCABULARY

    detector = SignalDetector([VOCABULARY], learned=False)

    def kinds(text: str) -> set[str]:
        touch = Touch(id="t", origin=Origin("t"), text=text, direction=Direction.INBOUND, party="bob@example.com")
        return {s.kind for s in detector.annotate_touch(touch).signals}

    spanish = "¿Hola! Mi pedido no ha llegado todavía. ¿Podrían decirme por favor cuándo llega el paquete?"
    assert kinds(spanish) == set()
    english = "My order was marked undeliverable, what happened there? Will I get my money back now?"
    assert "question" in kinds(english)
    # Telegraphic English, as a call note writes it, is still read.
    assert kinds("Called re plates. Cust upset, still no plates from DVLA. Can you check on that for him by Fri?")
