"""Whose hedge it is: the journalist's, or a speaker's inside a direct quotation
(auditor/analyse/hedging.py ``with_voices``), and how the voice is stored and shown.

The sentences are written for these tests.
"""

from __future__ import annotations

import json

import sqlite_utils

from auditor.models import HedgeCue, TaggedSentence
from auditor.pipeline import analyse_text
from auditor.report.json import result_to_dict
from auditor.store.sqlite.read import load_result
from auditor.store.sqlite.schema import ensure_db_shape
from auditor.store.sqlite.write import save_result


def tagged(text: str, language: str = "en") -> tuple[TaggedSentence, ...]:
    return analyse_text(text, language).sentences


def voices(sentence: TaggedSentence) -> list[tuple[str, str]]:
    return [(h.text, h.voice) for h in sentence.hedges]


def test_a_hedge_inside_a_quotation_is_the_speakers():
    [s] = tagged('"The bridge could close before the winter," the mayor said.')
    assert voices(s) == [("could", "quoted")]
    assert s.hedge_level == "none"  # the journalist hedges nothing


def test_the_journalists_hedge_next_to_a_quotation_still_counts():
    [s] = tagged('The plan might fail, the mayor said: "We could run out of money by June."')
    assert voices(s) == [("might", "journalist"), ("could", "quoted")]
    assert s.hedge_level == "medium"


def test_a_quotation_over_several_sentences_keeps_its_voice():
    text = ('The minister spoke for an hour. "Prices will fall next year. The mines could reopen by spring. '
            'We are sure of it," she said.')
    s = next(s for s in tagged(text) if "mines" in s.text)
    assert voices(s) == [("could", "quoted")]
    assert s.hedge_level == "none"


def test_a_german_quotation_is_the_speakers_too():
    [s] = tagged("„Die Brücke könnte im Winter gesperrt werden“, sagte die Bürgermeisterin.", "de")
    assert voices(s) == [("könnte", "quoted")]
    assert s.hedge_level == "none"


def test_scare_quotes_around_a_word_are_not_a_speaker():
    # two words in quotation marks are a title or a scare quote, not someone's speech
    [s] = tagged('The council is "possibly bankrupt" after the vote.')
    assert voices(s) == [("possibly", "journalist")]
    assert s.hedge_level == "medium"


def test_the_json_report_gives_the_voice():
    result = analyse_text('"Sales may well drop," the owner said. Sales may well drop.', "en")
    data = result_to_dict(result)
    assert [[h["voice"] for h in s["hedges"]] for s in data["sentences"]] == [["quoted"], ["journalist"]]
    json.dumps(data)


def test_a_cue_without_a_voice_is_the_journalists():
    # older stored results have no voice: they were all counted as the journalist's
    assert HedgeCue(text="might", start=0, end=5, kind="epistemic").voice == "journalist"


def test_the_voice_is_stored_and_read_back():
    result = analyse_text('"Sales may well drop," the owner said. Sales may well drop.', "en", article_id="shop")
    db = sqlite_utils.Database(memory=True)
    ensure_db_shape(db)
    save_result(db, result)
    assert [row["voice"] for row in db["hedges"].rows] == ["quoted", "journalist"]
    assert load_result(db, "shop").sentences == result.sentences
    # the sentence_audit view (Datasette) marks the speaker's cue
    shown = [row["hedges"] for row in db.query("SELECT hedges FROM sentence_audit ORDER BY idx")]
    assert shown == ["may well (epistemic, quoted)", "may well (epistemic)"]


def test_an_older_hedges_table_gets_the_voice_column_on_open():
    old = sqlite_utils.Database(memory=True)
    old.execute("CREATE TABLE hedges (id INTEGER PRIMARY KEY, sentence_id INTEGER, text_id INTEGER, text TEXT,"
                ' start INTEGER, "end" INTEGER, kind TEXT, weight REAL, parts TEXT)')
    old.execute("INSERT INTO hedges VALUES (1, 1, 1, 'might', 0, 5, 'epistemic', 1.0, '[]')")
    ensure_db_shape(old)
    assert [row["voice"] for row in old["hedges"].rows] == ["journalist"]
    ensure_db_shape(old)  # idempotent


def test_a_quotation_running_on_into_the_next_paragraph_is_the_speakers():
    # the convention for a quotation over several paragraphs: no closing mark until the last one
    text = ('The minister spoke for an hour. "The mines are safe. The pits could reopen by spring.\n\n'
            '"We are sure of it," she said.')
    s = next(s for s in tagged(text) if "pits" in s.text)
    assert voices(s) == [("could", "quoted")]
    assert s.hedge_level == "none"


def test_a_stray_quote_mark_opens_no_quotation():
    # an inch mark is no opening quote: the rest of the paragraph is still the journalist's
    [s] = tagged('The old sign is 40" wide, and the shop will probably close in May.')
    assert voices(s) == [("probably", "journalist")]
    assert s.hedge_level == "medium"
