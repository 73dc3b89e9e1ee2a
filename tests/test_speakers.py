"""Only a phrase that can speak is a source (auditor/analyse/speakers.py and the
grammars): times, scenes, legal references, verb objects and things are none.

Every sentence here was written for these tests (people, towns and bodies are
made up); none is taken from the evaluation corpora or the real-news pages.
"""

from __future__ import annotations

import pytest

from auditor.pipeline import analyse_text


def _sources(text: str, lang: str) -> list[tuple[str | None, str | None]]:
    """(source text, cue text) of every attribution in the text."""
    result = analyse_text(text, lang)
    return [(a.source.text if a.source else None, a.cue.text if a.cue else None)
            for s in result.sentences for a in s.attributions]


def _attributions(text: str, lang: str):
    return [a for s in analyse_text(text, lang).sentences for a in s.attributions]


# --- a title keeps its name ---------------------------------------------------------


@pytest.mark.parametrize(("text", "source"), [
    ("Die Lage sei ernst, sagt Dr. Klaus Brenner, Leiter des Landesamts.",
     "Dr. Klaus Brenner, Leiter des Landesamts"),
    ("Die Brücke sei sicher, sagte Prof. Dr. Ina Lorenz, Leiterin des Instituts.",
     "Prof. Dr. Ina Lorenz, Leiterin des Instituts"),
])
def test_german_title_keeps_its_name(text: str, source: str) -> None:
    assert _sources(text, "de") == [(source, text.split(", ")[1].split()[0])]


# --- time phrases and scenes ------------------------------------------------------


def test_german_time_phrase_before_an_inverted_subject_is_cut_off() -> None:
    text = "Die Stadt sei vorbereitet, sagte letzten Sonntag der Bürgermeister."
    assert _sources(text, "de") == [("der Bürgermeister", "sagte")]


def test_english_time_phrase_opening_the_subject_is_cut_off() -> None:
    assert _sources("Last Sunday the mayor said the bridge would reopen.", "en") == [("the mayor", "said")]


def test_english_scene_opening_the_subject_is_cut_off() -> None:
    text = "At a press conference the mayor announced that the bridge would reopen."
    assert _sources(text, "en") == [("the mayor", "announced")]


def test_english_scene_alone_is_no_source() -> None:
    text = "\"We will reopen the bridge,\" at a press conference said the mayor."
    assert all(source is None or "conference" not in source for source, _ in _sources(text, "en"))


# --- legal references ---------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Nach Artikel 12 sei die Versammlung erlaubt.",
    "Gemäß Paragraf 4 sei die Gebühr zu zahlen.",
    "Nach § 7 der Satzung dürfe der Vorstand das entscheiden.",
])
def test_german_legal_reference_is_no_source(text: str) -> None:
    assert _sources(text, "de") == []


def test_german_legal_reference_beside_a_speaker_leaves_the_speaker() -> None:
    text = "Die Versammlung ist nach Artikel 12 erlaubt, erklärte die Richterin."
    assert _sources(text, "de") == [("die Richterin", "erklärte")]


def test_english_legal_reference_is_no_source() -> None:
    assert _sources("According to Article 9, the fee must be paid by March.", "en") == []


# --- verb objects and things -----------------------------------------------------------


def test_german_verb_object_is_no_source() -> None:
    text = "Niemand widerspricht dem Landrat, verlangt eine Entschuldigung für den Satz."
    assert _sources(text, "de") == []


def test_german_das_ganze_is_no_source() -> None:
    text = "Das Ganze nimmt inzwischen derart seltsame Formen an, dass man sich wundert."
    assert _sources(text, "de") == []


def test_english_thing_as_subject_is_no_source() -> None:
    text = "The district is shrinking, but the seat still heavily favors the incumbent party."
    assert _sources(text, "en") == []


# --- the source is not the reported content --------------------------------------------


def test_english_inverted_speaker_after_a_with_clause() -> None:
    text = ("But repairs have grown from two days a month to four days a week, with around 30 crews "
            "each night, said Department of Transport spokeswoman Carla Diaz.")
    assert _sources(text, "en") == [("Department of Transport spokeswoman Carla Diaz", "said")]


def test_english_apposition_subject_still_read() -> None:
    assert _sources("The mayor, in a statement, said the bridge would reopen.", "en") == [("The mayor", "said")]


# --- reportative "demnach" ---------------------------------------------------------------


def test_demnach_yields_to_the_named_source_of_its_sentence() -> None:
    text = "Die Kosten seien demnach gestiegen, so ein Sprecher."
    assert _sources(text, "de") == [("ein Sprecher", "so")]


def test_demnach_points_back_to_the_source_before() -> None:
    text = "Der Rechnungshof hat die Zahlen geprüft, sagte ein Sprecher. Demnach seien die Kosten gestiegen."
    found = _attributions(text, "de")
    assert [a.source.text for a in found] == ["ein Sprecher", "Demnach"]
    assert found[1].source.kind == "pronoun"
    assert found[1].source.resolved_to == "ein Sprecher"


# --- a finite verb ends the source ------------------------------------------------------


def test_german_modal_verb_is_not_part_of_the_source() -> None:
    found = _attributions("Man könnte zynisch sagen, dass die Brücke zu spät kam.", "de")
    assert [a.source.text for a in found if a.source] == ["Man"]
    assert found[0].source.kind == "pronoun"
