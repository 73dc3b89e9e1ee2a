"""Hedge constructions of issue #13 (item 6), each on a sentence written for this test:
the mood of reported speech, permission, verb-final "soll", comparative bounds,
legal consequences.
"""

from __future__ import annotations

import pytest

from auditor.pipeline import analyse_text


def cues(text: str, language: str) -> tuple[list[tuple[str, str]], str]:
    """(cue, kind) of the journalist's hedges in a one-sentence text, and its level."""
    [s] = analyse_text(text, language).sentences
    return [(h.text, h.kind) for h in s.hedges if h.voice == "journalist"], s.hedge_level


# --- German: Konjunktiv II as the mood of reported speech --------------------


@pytest.mark.parametrize("sentence", [
    "Die Ministerin sagte, man könnte die Steuer im Herbst senken.",
    # "dürften" of permission, in the mood of the speaker's words
    "Der Händler sagte am Montag, die Läden seien froh, dass sie wieder öffnen dürften.",
    "Der Verband erklärte, die Preise dürften im Winter steigen.",
    # a sentence in Konjunktiv I goes on reporting, with no cue of its own
    "Die Händler seien froh, dass sie wieder öffnen dürften.",
])
def test_konjunktiv_ii_in_reported_speech_is_no_hedge(sentence):
    assert cues(sentence, "de") == ([], "none")


@pytest.mark.parametrize("sentence, cue", [
    ("Die Brücke könnte im Winter gesperrt werden.", "könnte"),
    ("Die Preise dürften im Winter steigen.", "dürften"),
    # "laut" frames a claim; the writer's modal is doubt again
    ("Laut dem Verband könnten die Preise im Winter steigen.", "könnten"),
])
def test_konjunktiv_ii_in_the_writers_own_sentence_is_a_hedge(sentence, cue):
    assert cues(sentence, "de") == ([(cue, "epistemic")], "medium")


# --- German: verb-final "soll" with a perfect infinitive ----------------------


@pytest.mark.parametrize("sentence, cue", [
    ("Gesucht wird ein Mann, der früher in der Armee gedient haben soll.", "haben soll"),
    ("Die Akten, die im Mai gelöscht worden sein sollen, fehlen bis heute.", "worden sein sollen"),
    ("Der Trainer, der dort gewesen sein soll, schweigt.", "gewesen sein soll"),
])
def test_verb_final_soll_with_a_perfect_infinitive_is_reportative(sentence, cue):
    assert cues(sentence, "de") == ([(cue, "reportative")], "high")


def test_a_plan_with_verb_final_soll_is_no_hedge():
    assert cues("Das Museum, das im Jahr 2030 fertig sein soll, kostet viel Geld.", "de") == ([], "none")


# --- German: comparative bounds state a fact about the number -----------------


@pytest.mark.parametrize("sentence", [
    "Mehr als 300 Briefe liegen im Archiv der Gemeinde.",
    "Der Verein hat über 50 Mitglieder.",
    "Mindestens zwölf Busse fahren jeden Tag in die Stadt.",
])
def test_german_comparative_bounds_are_no_hedge(sentence):
    assert cues(sentence, "de") == ([], "none")


def test_german_approximation_is_still_an_estimate():
    assert cues("Der Verein hat rund 50 Mitglieder.", "de") == ([("rund", "estimate")], "low")


# --- English: a legal consequence is a fact about the law ---------------------


@pytest.mark.parametrize("sentence", [
    "Drivers who ignore the ban could face a fine of 200 pounds.",
    "If convicted, the clerk could face up to five years in prison.",
    "The shop could face a fine of up to 3 percent of its sales.",
    "The farmer faces up to ten years in jail.",
    "Landlords may be fined up to 5,000 dollars for each flat.",
])
def test_a_legal_consequence_is_no_speculation(sentence):
    assert cues(sentence, "en") == ([], "none")


@pytest.mark.parametrize("sentence", [
    "The bakery could face bankruptcy next year.",
    "It could be years before the bridge reopens.",
])
def test_could_of_a_possible_event_is_still_a_hedge(sentence):
    assert cues(sentence, "en") == ([("could", "epistemic")], "medium")


# --- English: ability or permission, bounds and named figures -----------------


@pytest.mark.parametrize("sentence", [
    "The coach asked if the players could train in the hall.",
    "At least 12 people were injured in the crash.",
    "The upper estimate for the repairs was published on Friday.",
])
def test_english_no_hedge(sentence):
    assert cues(sentence, "en") == ([], "none")


# --- German: "heißt es" with a document or after a quotation ------------------


@pytest.mark.parametrize("sentence", [
    "„Wir prüfen das alles noch einmal genau“, hieß es am Abend.",
    "Darin heißt es, der Bau sei zu teuer.",
    "Der Bau sei zu teuer, heißt es in dem Gutachten.",
])
def test_heisst_es_with_a_document_or_a_quotation_is_no_weasel(sentence):
    assert cues(sentence, "de") == ([], "none")


def test_heisst_es_of_nobody_in_particular_is_a_weasel():
    assert cues("Der Bau sei zu teuer, heißt es.", "de") == ([("heißt es", "weasel")], "medium")


# --- the writer's own modal, and comparisons with an expectation --------------


def test_a_modal_before_the_cue_of_saying_is_the_writers():
    # "Man könnte sagen": the writer's own Konjunktiv II, not the mood of someone's words
    assert cues("Man könnte nüchtern sagen, dass der Plan gescheitert ist.", "de") == (
        [("könnte", "epistemic")], "medium")


@pytest.mark.parametrize("sentence, language", [
    ("Die Stadt ist näher, als man zunächst denken könnte.", "de"),
    ("Das Ziel ist nicht so weit entfernt, wie man denken könnte.", "de"),
    ("The lake is deeper than you might think.", "en"),
    ("The vote, as one might expect, was close.", "en"),
])
def test_a_comparison_with_an_expectation_is_no_hedge(sentence, language):
    assert cues(sentence, language) == ([], "none")


@pytest.mark.parametrize("sentence, expected", [
    ("Der Fehler war so offensichtlich, dass ihn jeder sah.", ([], "none")),
    ("Der Plan ist offensichtlich gescheitert.", ([("offensichtlich", "epistemic")], "medium")),
])
def test_offensichtlich_obvious_or_apparently(sentence, expected):
    assert cues(sentence, "de") == expected


# --- English: passives, agendas, attributive doubt ------------------------------


@pytest.mark.parametrize("sentence", [
    "The old mill is a place regarded with affection.",       # "is a place …": no passive
    "The budget will be debated in parliament this week.",    # a date on the agenda
    "It soon became apparent that the pump had failed.",      # "apparent": obvious
])
def test_english_not_weasel_or_doubt(sentence):
    assert cues(sentence, "en") == ([], "none")


@pytest.mark.parametrize("sentence, cue, kind", [
    ("The vote was delayed by an apparent glitch in the software.", "an apparent", "epistemic"),
    ("Her reputed fortune drew the attention of the tax office.", "reputed", "reportative"),
    ("The painting is widely regarded as his best work.", "is", "weasel"),
])
def test_english_attributive_doubt_and_passives(sentence, cue, kind):
    assert (cue, kind) in cues(sentence, "en")[0]
