"""Contractions are read expanded, in the text and in the phrases alike (signals.phrases)."""
from followlint.signals.phrases import PhraseIndex, tokenize


def _found(phrase: str, text: str) -> list[str]:
    index = PhraseIndex([{"checkin": [phrase]}])
    tokens = tokenize(text)
    return [text[tokens.start(a):tokens.end(b)] for _, a, b in index.matches(tokens)]


def test_a_phrase_written_either_way_matches_both_forms():
    for phrase in ("who is looking", "who's looking"):
        assert _found(phrase, "Know anyone who's looking?") == ["who's looking"]
        assert _found(phrase, "Know anyone who is looking?") == ["who is looking"]
    assert _found("i will call you", "I’ll call you Friday") == ["I’ll call you"]  # curly apostrophe
    assert _found("(i'd|we'd) love to", "We would love to help") == ["We would love to"]
    assert _found("we can not", "Sorry, we can't.") == ["we can't"]
    assert _found("we can't", "we cannot do that") == ["we cannot"]


def test_both_words_of_a_contraction_keep_the_written_word_span():
    text = "Sorry, it hasn't arrived."
    tokens = tokenize(text)
    assert tokens.words[2:4] == ["has", "not"]
    assert [text[tokens.start(i):tokens.end(i)] for i in (2, 3)] == ["hasn't", "hasn't"]
    # Evidence never starts inside a word: "not arrived" quotes "hasn't arrived".
    assert _found("not arrived", text) == ["hasn't arrived"]


def test_a_noun_with_s_stays_one_word():
    assert tokenize("the car's ready").words == ["the", "car's", "ready"]
    assert tokenize("it's ready").words == ["it", "is", "ready"]


def test_chat_shorthand_is_read_as_the_words_it_stands_for():
    assert tokenize("Pls click here").words[0] == "please"
    assert tokenize("Y cant I join?").words[:4] == ["why", "can", "not", "i"]
    assert _found("can you help", "can u help pls") == ["can u help"]
