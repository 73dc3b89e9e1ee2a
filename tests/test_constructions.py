"""The constructions the accuracy issue names, end to end through the pipeline,
in both languages: one test per construction, on sentences written here.

(tests/test_german.py and tests/test_english.py go deeper into each grammar.)
"""

from __future__ import annotations

from auditor.pipeline import analyse_text


def _tagged(text: str, language: str):
    result = analyse_text(text, language)
    for s in result.sentences:  # every span indexes into the article text
        for a in s.attributions:
            for span in filter(None, (a.source, a.cue, *a.via, *a.cue_parts)):
                assert result.article.text[span.start:span.end] == span.text
    return result.sentences


def _summary(sentence) -> list[tuple]:
    return [(a.source.text if a.source else None, a.source.kind if a.source else None,
             a.cue.text if a.cue else None, tuple(v.text for v in a.via), a.mode) for a in sentence.attributions]


def _cue_parts(attribution) -> list[str]:
    return [p.text for p in attribution.cue_parts] or [attribution.cue.text]


# --- English ------------------------------------------------------------------------


def test_it_is_understood_is_a_sourceless_report_and_a_weasel_hedge():
    [s] = _tagged("It is understood that the ministry will review the contract next month.", "en")
    assert _summary(s) == [(None, None, "It is understood", (), "reported")]
    assert [(h.text, h.kind) for h in s.hedges] == [("It is understood", "weasel")]


def test_purportedly_is_reportative():
    [s] = _tagged("The company purportedly hid the losses from its auditors.", "en")
    assert [(h.text, h.kind) for h in s.hedges] == [("purportedly", "reportative")]
    assert s.hedge_level == "high"


def test_a_quote_over_three_sentences_with_the_speaker_in_the_middle():
    first, second, third = _tagged(
        "“We will not back down,” said Maria Lopez, the union’s leader. "
        "“The workers deserve better. This is only the beginning.”", "en")
    assert _summary(first) == [("Maria Lopez, the union’s leader", "person", "said", (), "direct_quote")]
    for later in (second, third):
        assert [(a.source.text, a.mode) for a in later.attributions] == [
            ("Maria Lopez, the union’s leader", "carried_over")]


def test_single_quotes_with_the_speaker_after():
    [s] = _tagged("‘We did nothing wrong,’ the spokesman said.", "en")
    assert _summary(s)[0][:3] == ("the spokesman", "person", "said")


def test_he_added_continues_with_the_pronoun_resolved():
    first, second = _tagged("Mayor Tom Baker said the budget was balanced. He added that taxes would not rise.", "en")
    assert _summary(first) == [("Mayor Tom Baker", "person", "said", (), "reported_speech")]
    [added] = second.attributions
    assert (added.source.text, added.source.kind, added.source.resolved_to, added.cue.text) == \
        ("He", "pronoun", "Mayor Tom Baker", "added")


def test_told_reuters_makes_the_outlet_the_relay():
    [s] = _tagged("The plan will cost billions, officials told Reuters.", "en")
    assert _summary(s) == [("officials", "vague", "told", ("Reuters",), "reported_speech")]


def test_citing_officials_makes_the_reporter_the_relay():
    [s] = _tagged("The army has withdrawn, the newspaper reported, citing officials in Kyiv.", "en")
    [(source, kind, _, via, _)] = _summary(s)
    assert source.startswith("officials") and kind == "vague" and via == ("the newspaper",)


# --- German -------------------------------------------------------------------------


def test_split_particle_verbs_keep_both_parts_of_the_cue():
    for text, parts in [
        ("Die Polizei geht derzeit davon aus, dass der Brand absichtlich gelegt wurde.", ["geht", "davon aus"]),
        ("Der Minister räumte ein, dass Fehler gemacht worden seien.", ["räumte", "ein"]),
        ("Der Vorstand teilte am Montag mit, die Fabrik werde geschlossen.", ["teilte", "mit"]),
    ]:
        [s] = _tagged(text, "de")
        [a] = s.attributions
        assert _cue_parts(a) == parts, text
        assert a.source.kind == "organization" or a.source.text == "Der Minister"


def test_nach_angaben_von_is_an_according_to_frame():
    [s] = _tagged("Nach Angaben des Innenministeriums wurden 40 Personen festgenommen.", "de")
    [a] = s.attributions
    assert a.mode == "according_to" and "Innenministeriums" in a.source.text
    assert a.cue.text == "Nach"


def test_a_guillemet_quote_with_the_speaker_after():
    first = _tagged("»Wir werden die Brücke noch in diesem Jahr sanieren«, sagte Bürgermeisterin Anna Weber.", "de")[0]
    assert _summary(first) == [("Bürgermeisterin Anna Weber", "person", "sagte", (), "direct_quote")]


def test_sollen_haben_is_reportative_and_nicht_bestaetigt_a_negation():
    first, second = _tagged("Die Regierung soll die Pläne bereits im Sommer gebilligt haben. "
                            "Die Pläne sind nicht bestätigt.", "de")
    assert [h.kind for h in first.hedges] == ["reportative"] and first.hedge_level == "high"
    assert [h.kind for h in second.hedges] == ["negation"]


def test_a_guillemet_quote_after_the_speaker_s_sentence_goes_on_in_their_voice():
    first, second, third, *others = _tagged(
        "»Wir werden die Brücke noch in diesem Jahr sanieren«, sagte Bürgermeisterin Anna Weber. "
        "»Die Mittel sind bereitgestellt. Der Stadtrat hat zugestimmt.«\n\n"
        "»Das sehen viele Anwohner anders.« Der Bau beginnt im Mai.", "de")
    assert first.attributions[0].source.text == "Bürgermeisterin Anna Weber"
    for later in (second, third):
        assert [(a.source.text, a.mode) for a in later.attributions] == [("Bürgermeisterin Anna Weber", "carried_over")]
    assert all(s.attributions == () for s in others)  # a new paragraph: nobody's voice carries over
