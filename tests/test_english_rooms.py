"""The rooms of the English grammar (auditor/analyse/lang/en/) taken one at a time:
the derived tables, a cue verb's reading, who speaks for it, reported content, speaker
labels and quotations. Sentences written for these tests; the lexicon is the real one."""

from __future__ import annotations

import dataclasses

import pytest

from auditor.analyse.discourse import quote_regions
from auditor.analyse.lang.en.attribute import attribute
from auditor.analyse.lang.en.labels import speaker_labels
from auditor.analyse.lang.en.quotes import inside_quotes
from auditor.analyse.lang.en.tables import Tables, derived_tables
from auditor.analyse.lang.en.verbs import find_verbs
from auditor.analyse.readings import plain_reading, verb_reading
from auditor.analyse.registry import load_lexicon
from auditor.analyse.tokens import Token, tokenize


@pytest.fixture(scope="module")
def lex():
    return load_lexicon("en")


def _tokens(text: str, lex) -> list[Token]:
    return tokenize(text, 0, lex.case_sensitive)


def _at(tokens: list[Token], word: str) -> int:
    return next(k for k, t in enumerate(tokens) if t.text == word)


def _words(text: str, tokens: list[Token], rng: tuple[int, int] | None) -> str | None:
    """The words of a token range as the text has them (each text here is one sentence)."""
    return None if rng is None else text[tokens[rng[0]].start:tokens[rng[1] - 1].end]


def test_tables_are_derived_once_per_lexicon_and_frozen(lex):
    tables = derived_tables(lex)
    assert isinstance(tables, Tables)
    assert derived_tables(lex) is tables  # kept with the lexicon, not made per sentence
    with pytest.raises(dataclasses.FrozenInstanceError):
        tables.strong = frozenset()  # type: ignore[misc]
    assert tables.say_lemmas == lex.word("say_lemmas")
    assert tables.ing["saying"] == "say"
    assert tables.ing["admitting"] == "admit"  # the consonant doubled
    assert "making" in tables.ing and tables.ing_needs[tables.ing["making"]]  # "making clear" only


def test_plain_reading_is_the_shared_verb_reading_for_english(lex):
    # English verb forms have no separated particle: both readings agree
    tokens = _tokens("The mayor pointed out that the bridge said nothing.", lex)
    for word in ("pointed", "said"):
        i = _at(tokens, word)
        forms = lex.verb_forms[tokens[i].key]
        assert plain_reading(tokens, i, forms) == verb_reading(tokens, i, len(tokens), lex)
    pointed = _at(tokens, "pointed")
    form, needed = plain_reading(tokens, pointed, lex.verb_forms["pointed"])
    assert form.lemma == "point" and needed == pointed + 1  # "pointed out"


@pytest.mark.parametrize(("text", "verb", "source", "mode"), [
    ("Officials said the plan would fail.", "said", "Officials", "reported_speech"),
    ("“The plan will fail,” said Tom Reyes, a spokesman for the port.", "said",
     "Tom Reyes, a spokesman for the port", "reported_speech"),
    ("Tom Reyes, a spokesman for the port, said the plan would fail.", "said",
     "Tom Reyes, a spokesman for the port", "reported_speech"),
    ("The council, which said the plan would fail, met on Monday.", "said", "which", "reported_speech"),
    ("The plan is expected to fail.", "expected", None, "reported"),
])
def test_attribute_reads_the_source_by_what_stands_before_the_cue(lex, text, verb, source, mode):
    tokens = _tokens(text, lex)
    i = _at(tokens, verb)
    form = lex.verb_forms[tokens[i].key][0]
    item = attribute(tokens, i, form.lemma, form, lex, derived_tables(lex), set())
    assert item is not None and item.head == i and item.mode == mode
    assert _words(text, tokens, item.source) == source


@pytest.mark.parametrize(("text", "verb"), [
    ("The report was released on Monday.", "report"),  # a noun after a determiner
    ("She wants to say more.", "say"),  # an infinitive
    ("He was told to leave.", "told"),  # a passive that is no cue
])
def test_attribute_refuses_a_word_that_is_no_cue_there(lex, text, verb):
    tokens = _tokens(text, lex)
    i = _at(tokens, verb)
    forms = lex.verb_forms.get(tokens[i].key)
    if not forms:
        pytest.skip(f"{verb!r} is no verb form of the lexicon")
    assert attribute(tokens, i, forms[0].lemma, forms[0], lex, derived_tables(lex), set()) is None


def test_find_verbs_leaves_a_cue_inside_reported_content(lex):
    text = "Smith said the poll showed a lead."
    tokens = _tokens(text, lex)
    used: set[int] = set()
    found = find_verbs(tokens, lex, used)
    assert [tokens[f.head].text for f in found] == ["said"]
    assert _words(text, tokens, found[0].source) == "Smith"
    assert set(range(*found[0].source)) <= used and found[0].head in used  # claimed


def test_find_verbs_keeps_a_main_clause_after_the_content(lex):
    text = "Smith said the plan would fail; Jones said it would work."
    tokens = _tokens(text, lex)
    found = find_verbs(tokens, lex, set())
    assert [_words(text, tokens, f.source) for f in found] == ["Smith", "Jones"]


def test_speaker_labels_before_a_colon_and_after_a_dash(lex):
    tables = derived_tables(lex)
    text = "FALLIN: Well, we will see."
    tokens = _tokens(text, lex)
    used: set[int] = set()
    (label,) = speaker_labels(tokens, tables, used)
    assert _words(text, tokens, label.source) == "FALLIN" and label.mode == "direct_quote" and used == {0, 1}
    text = "“It is a shame.” ― Sonya Herridge"
    tokens = _tokens(text, lex)
    (label,) = speaker_labels(tokens, tables, set())
    assert _words(text, tokens, label.source) == "Sonya Herridge"


def test_inside_quotes_marks_the_quoted_tokens(lex):
    tokens = _tokens("“We said no,” he said, and 'nothing' changed.", lex)
    quoted = inside_quotes(tokens)
    assert [t.text for t, q in zip(tokens, quoted) if q] == ["“", "We", "said", "no", ",", "”"]


def test_quote_regions_english_and_german_marks():
    # one function for both grammars: quotations of three words or more, closed at the paragraph's end
    text = "He said “this is the end” today.\n„Das ist gut“, sagte sie. \"Too short\" and “never closed\nnext"
    assert [text[a:b] for a, b in quote_regions(text)] == ["“this is the end”", "„Das ist gut“"]
