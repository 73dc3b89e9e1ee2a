"""German attribution constructions, one test per construction.

Every sentence here was written for these tests (people, towns and bodies are
made up); none is taken from the evaluation corpora.
"""

from __future__ import annotations

import pytest

from auditor.pipeline import analyse_text


def _sentences(text: str):
    return analyse_text(text, "de").sentences


def _only(text: str, index: int = 0):
    """The single attribution of sentence ``index``."""
    found = _sentences(text)[index].attributions
    assert len(found) == 1, [(a.source and a.source.text, a.cue and a.cue.text) for a in found]
    return found[0]


def _cue_words(attribution) -> list[str]:
    parts = attribution.cue_parts or ((attribution.cue,) if attribution.cue else ())
    return [p.text for p in parts]


# --- cue verbs ------------------------------------------------------------------


@pytest.mark.parametrize("verb", ["betonte", "erklärte", "warnte", "räumte ein", "bestätigte"])
def test_speech_verbs_beyond_sagen(verb: str) -> None:
    if " " in verb:
        head, particle = verb.split()
        text = f"Bürgermeisterin Anna Weber {head} {particle}, die Stadt sei gut vorbereitet."
    else:
        text = f"Bürgermeisterin Anna Weber {verb}, die Stadt sei gut vorbereitet."
    a = _only(text)
    assert a.source.text == "Bürgermeisterin Anna Weber"
    assert a.source.kind == "person"
    assert a.cue.text == verb.split()[0]


def test_particle_verb_split_across_the_clause() -> None:
    a = _only("Die Feuerwehr teilte am Abend mit, dass zwei Brücken gesperrt seien.")
    assert a.source.text == "Die Feuerwehr"
    assert a.source.kind == "organization"
    assert _cue_words(a) == ["teilte", "mit"]


def test_geht_davon_aus_keeps_the_correlate() -> None:
    a = _only("Der Mieterbund geht davon aus, dass die Preise weiter steigen.")
    assert a.source.text == "Der Mieterbund"
    assert a.cue.text == "geht"
    assert " ".join(_cue_words(a)) == "geht davon aus"


def test_compound_tense_cue_holds_auxiliary_with_participle_as_head() -> None:
    a = _only("Die Ministerin hatte am Montag gesagt, die Schulen blieben geöffnet.")
    assert a.source.text == "Die Ministerin"
    assert a.cue.text == "gesagt"
    assert _cue_words(a) == ["hatte", "gesagt"]


def test_wie_x_mitteilte() -> None:
    a = _only("Wie die Polizei in Nordstadt mitteilte, wurden drei Menschen leicht verletzt.")
    assert a.source.text == "die Polizei in Nordstadt"
    assert a.cue.text == "mitteilte"
    assert _cue_words(a) == ["Wie", "mitteilte"]


def test_inverted_word_order_skips_time_and_place() -> None:
    a = _only("Am Dienstag erklärte in Brandhausen der Sprecher des Verkehrsministeriums, die Strecke bleibe gesperrt.")
    assert a.source.text == "der Sprecher des Verkehrsministeriums"


def test_dative_addressee_is_not_the_source() -> None:
    a = _only("Ein Sprecher des Vereins sagte der Nordstädter Rundschau, man prüfe den Fall.")
    assert a.source.text == "Ein Sprecher des Vereins"
    b = _only("Am Montag sagte der Nordstädtischen Rundschau ein Sprecher, man prüfe den Fall.")
    assert b.source.text == "ein Sprecher"


def test_full_source_span_with_von_attachment() -> None:
    a = _only("Mira Oltmann von der Landesanstalt für Gewässerschutz sagte, der Fluss sei sauberer geworden.")
    assert a.source.text == "Mira Oltmann von der Landesanstalt für Gewässerschutz"
    assert a.source.kind == "person"


def test_role_and_apposition_before_the_verb() -> None:
    a = _only("Der Leiter des Hafenamtes, Jonas Pehle, sagte: „Die Fähren fahren wieder.“")
    assert a.source.text == "Der Leiter des Hafenamtes, Jonas Pehle"


def test_role_and_apposition_after_the_verb() -> None:
    a = _only("„Wir sind nicht zuständig“, sagte die Sprecherin der Stadtwerke, Carla Neuhaus.")
    assert a.source.text == "die Sprecherin der Stadtwerke, Carla Neuhaus"
    assert a.mode == "direct_quote"


def test_reported_clause_may_open_with_a_preposition() -> None:
    a = _only("Stadtsprecher Ole Brand sagte, zu der Sperrung gebe es keine Alternative.")
    assert a.source.text == "Stadtsprecher Ole Brand"
    assert a.cue.text == "sagte"


def test_apposition_after_an_inverted_subject_before_a_colon() -> None:
    a = _only("Nach dem Spiel sagte Tom Lenz, Trainer des Vereins: „Wir waren zu langsam.“")
    assert a.source.text == "Tom Lenz, Trainer des Vereins"


def test_name_with_a_lower_case_particle() -> None:
    a = _only("Die Sprecherin des Verbands, Ina van Dorp, sagte dazu: „Wir warten ab.“")
    assert a.source.text == "Die Sprecherin des Verbands, Ina van Dorp"


def test_lower_case_names_after_laut() -> None:
    assert _only("Laut el-Masri sei die Grenze geschlossen.").source.text == "el-Masri"
    assert _only("Laut nordkurier.de fiel das Konzert aus.").source.text == "nordkurier.de"


def test_second_verb_speaks_for_the_subject_when_the_first_is_no_cue() -> None:
    a = _only("Auch die Ministerin Eva Kern sprach sich gegen den Plan aus und sagte, er koste zu viel.")
    assert a.source.text == "die Ministerin Eva Kern"
    assert a.cue.text == "sagte"


# --- content: a cue verb needs something said --------------------------------------


@pytest.mark.parametrize("text", [
    "Der Minister kritisierte die Pläne der Opposition.",
    "Das Unwetter forderte zwölf Todesopfer.",
    "Der Trainer sprach lange mit seiner Frau.",
    "Die Wahl wurde im Mai entschieden.",
])
def test_cue_verb_without_content_is_no_attribution(text: str) -> None:
    assert _sentences(text)[0].attributions == ()


@pytest.mark.parametrize(("text", "source"), [
    ("Die Gewerkschaft der Lokführer forderte am Freitag höhere Zuschläge.", "Die Gewerkschaft der Lokführer"),
    ("Bürgermeister Jan Olbers sprach von einem schwarzen Tag für Brandhausen.", "Bürgermeister Jan Olbers"),
    ("Die Helfer berichteten von der Bergung zweier Verletzter.", "Die Helfer"),
    ("Die Ärztekammer bezeichnete die Reform als überfällig.", "Die Ärztekammer"),
    ("Am Montag warnte der Wetterdienst vor Glätte.", "der Wetterdienst"),
])
def test_speech_act_with_a_noun_object_has_a_source_but_no_cue(text: str, source: str) -> None:
    a = _only(text)
    assert a.source.text == source
    assert a.cue is None
    assert a.mode == "reported"


@pytest.mark.parametrize("text", [
    "Der Sturm forderte über Nacht zwölf Todesopfer.",
    "Die Reform wurde von vielen als überfällig bezeichnet.",
    "Den Plan nannte Senatorin Ute Kramm einen Fehler.",
])
def test_no_reported_act_without_a_speaking_subject(text: str) -> None:
    found = _sentences(text)[0].attributions
    assert all(a.mode != "reported" or a.source.text not in ("Der Sturm", "Die Reform", "Den Plan") for a in found)


def test_wiki_cross_reference_is_no_source() -> None:
    text = "Die Brücke war im Mai gesperrt worden (Wikinews berichtete), jetzt ist sie wieder offen."
    assert all(a.source is None or a.source.text != "Wikinews" for a in _sentences(text)[0].attributions)


# --- prepositional frames -------------------------------------------------------


def test_laut() -> None:
    a = _only("Laut dem Statistikamt Nordstadt stiegen die Mieten um vier Prozent.")
    assert a.source.text == "dem Statistikamt Nordstadt"
    assert a.cue.text == "Laut"
    assert a.mode == "according_to"


def test_nach_angaben_takes_the_statement_noun_into_the_source() -> None:
    a = _only("Nach Angaben des Hafenamtes Kielmünde liefen drei Schiffe auf Grund.")
    assert a.cue.text == "Nach"
    assert a.source.text == "Angaben des Hafenamtes Kielmünde"
    assert a.source.kind == "organization"  # the owner of the statement decides


def test_nach_compound_statement_noun() -> None:
    a = _only("Nach Polizeiangaben wurde niemand verletzt.")
    assert a.source.text == "Polizeiangaben"
    assert a.cue.text == "Nach"


def test_postposed_nach() -> None:
    a = _only("Der Bürgermeister sprach in Brandhausen. Seiner Meinung nach ist die Brücke sicher.", 1)
    assert a.source.text == "Seiner Meinung"
    assert a.cue.text == "nach"


@pytest.mark.parametrize(("text", "source"), [
    ("Nach dem Haushaltsentwurf der Stadt fehlen zwei Millionen Euro.", "dem Haushaltsentwurf der Stadt"),
    ("Nach der Satzung des Vereins wählt die Versammlung den Vorstand.", "der Satzung des Vereins"),
    ("Nach den bisherigen Planungen soll die Halle im Mai öffnen.", "den bisherigen Planungen"),
    ("Die ihrer Ansicht nach zu hohe Miete wollen die Mieter nicht zahlen.", "ihrer Ansicht"),
    ("Im Mai seien nach DER SPIEGEL weitere Zahlungen geflossen.", "DER SPIEGEL"),
])
def test_nach_with_rules_plans_owners_and_outlets(text: str, source: str) -> None:
    a = _only(text)
    assert a.source.text == source
    assert a.cue.text.lower() == "nach"


@pytest.mark.parametrize("text", [
    "Zwei Monate nach dem Urteil liegt die Begründung vor.",
    "Die Forderung nach einem neuen Vertrag wurde abgelehnt.",
    "Vom Turm ist die Sicht nach Süden frei.",
    "Nach dem Spiel zur Sportschau Nordstadt fuhr die Mannschaft heim.",
    "Er fuhr nach Berlin.",
])
def test_nach_of_time_or_direction_is_no_frame(text: str) -> None:
    assert _sentences(text)[0].attributions == ()


def test_zufolge_with_a_document() -> None:
    a = _only("Einem Gutachten der Prüfstelle zufolge war die Brücke marode.")
    assert a.source.text == "Einem Gutachten der Prüfstelle"
    assert a.source.kind == "document"
    assert a.cue.text == "zufolge"


def test_berichten_zufolge_is_an_attribution_and_a_hedge() -> None:
    s = _sentences("Berichten zufolge will der Verein den Trainer entlassen.")[0]
    assert [a.source.text for a in s.attributions] == ["Berichten"]
    assert s.attributions[0].source.kind in ("vague", "document")
    assert any(h.kind == "reportative" for h in s.hedges)


def test_berichten_zufolge_next_to_a_named_source_folds_into_it() -> None:
    s = _sentences("Der Verein will Berichten zufolge den Trainer entlassen, so das Fachblatt Ballwelt.")[0]
    assert [a.source.text for a in s.attributions] == ["das Fachblatt Ballwelt"]


def test_so_tail_at_the_end() -> None:
    a = _only("Die Ernte fällt schlechter aus als im Vorjahr, so der Bauernverband.")
    assert a.source.text == "der Bauernverband"
    assert a.cue.text == "so"


def test_so_tail_in_the_middle() -> None:
    a = _only("„Wir bleiben“, so Vereinschef Tom Lenz, „auch in der zweiten Liga.“")
    assert a.source.text == "Vereinschef Tom Lenz"


def test_so_dass_is_no_frame() -> None:
    assert _sentences("Es regnete stark, so dass das Spiel abgesagt wurde.")[0].attributions == ()


def test_heisst_es_with_its_source_in_front() -> None:
    a = _only("In dem Bericht der Kommission heißt es, die Schule müsse saniert werden.")
    assert a.cue.text == "heißt es"
    assert "dem Bericht der Kommission" in a.source.text


def test_heisst_es_without_source() -> None:
    a = _only("Die Schule soll im Sommer schließen, heißt es.")
    assert a.source is None
    assert a.cue.text == "heißt es"


def test_demnach_is_cue_and_source() -> None:
    a = _only("Die Behörde veröffentlichte am Montag ihren Jahresbericht. Demnach sank die Zahl der Unfälle.", 1)
    assert a.cue.text == "Demnach"
    assert a.source.text == "Demnach"


def test_wurde_bekannt_is_a_cue_without_source() -> None:
    a = _only("Am Abend wurde bekannt, dass der Intendant zurücktritt.")
    assert a.source is None
    assert "bekannt" in _cue_words(a)


# --- pronouns and quotations -----------------------------------------------------


def test_pronoun_after_the_inverted_verb_is_resolved() -> None:
    text = "Landrätin Jana Brehm besuchte am Sonntag die Unglücksstelle. „Wir helfen, wo wir können“, sagte sie."
    a = _only(text, 1)
    assert a.source.text == "sie"
    assert a.source.kind == "pronoun"
    assert "Jana Brehm" in (a.source.resolved_to or "")


def test_first_person_inside_a_quote_is_no_source() -> None:
    text = "Trainer Ole Kamp sagte: „Ich glaube, dass wir gewinnen.“"
    a = _only(text)
    assert a.source.text == "Trainer Ole Kamp"


def test_multi_sentence_quote_with_speaker_before() -> None:
    s = _sentences("Trainer Ole Kamp sagte: „Wir haben gut gespielt. Die Abwehr stand sicher.“")
    assert [a.source.text for a in s[1].attributions] == ["Trainer Ole Kamp"]
    assert s[1].attributions[0].mode == "direct_quote"


def test_multi_sentence_quote_with_speaker_after() -> None:
    s = _sentences("„Das Projekt ist gescheitert. Wir fangen neu an“, sagte Architektin Lea Sommer.")
    assert [a.source.text for a in s[1].attributions] == ["Architektin Lea Sommer"]
    assert [a.source.text for a in s[0].attributions] == ["Architektin Lea Sommer"]


def test_quote_with_speaker_in_the_middle() -> None:
    a = _only("„Wer jetzt spart“, sagte Kämmerer Paul Riedel, „spart am falschen Ende.“")
    assert a.source.text == "Kämmerer Paul Riedel"


# --- reported speech carried over --------------------------------------------------


def test_konjunktiv_carry_over_and_solle_is_not_reportative() -> None:
    s = _sentences("Der Sprecher der Stadtwerke sagte, die Leitung sei repariert. "
                   "Am Abend solle das Wasser wieder fließen.")
    carried = s[1].attributions
    assert len(carried) == 1 and carried[0].mode == "carried_over"
    assert carried[0].source.text == "Der Sprecher der Stadtwerke"
    assert not any(h.kind == "reportative" for h in s[1].hedges)


def test_indicative_sentence_ends_the_carry_over() -> None:
    s = _sentences("Der Sprecher der Stadtwerke sagte, die Leitung sei repariert. "
                   "Die Stadt liegt an der Küste. Am Abend solle das Wasser wieder fließen.")
    assert s[1].attributions == ()
    assert s[2].attributions == ()


def test_konjunktiv_by_its_ending_carries_over_several_sentences() -> None:
    s = _sentences("Die Bürgermeisterin Jana Holt sagte, der Markt öffne wieder. "
                   "Die Polizei sichere den Aufbau. Jeder Händler bezahle eine Gebühr. "
                   "Die Stände stehen seit Montag.")
    for i in (1, 2):
        assert [(a.source.text, a.mode) for a in s[i].attributions] == [("Die Bürgermeisterin Jana Holt", "carried_over")]
    assert s[3].attributions == ()


def test_konjunktiv_two_standing_in_for_one_carries_over() -> None:
    s = _sentences("Der Verband der Bäcker erklärte, die Preise stiegen. "
                   "Viele Betriebe hätten kaum noch Reserven.")
    assert [a.mode for a in s[1].attributions] == ["carried_over"]
    assert s[1].attributions[0].source.text == "Der Verband der Bäcker"


def test_adjective_in_e_after_the_first_word_is_no_konjunktiv() -> None:
    for second in ("Die neue Leitung liegt tiefer.", "Am Montag kaufe ich Brot."):
        s = _sentences("Der Sprecher der Stadtwerke sagte, die Leitung sei repariert. " + second)
        assert s[1].attributions == (), second


def test_past_tense_in_te_is_no_konjunktiv() -> None:
    s = _sentences("Der Sprecher der Stadtwerke sagte, die Leitung sei repariert. "
                   "Der Bürgermeister lobte die Arbeiter.")
    assert s[1].attributions == ()


def test_quotation_after_a_colon_sentence_is_the_speakers() -> None:
    s = _sentences("Die Vorsitzende Greta Lind sagte:\n\n„Wir bleiben bei unserem Nein. "
                   "Niemand wird uns umstimmen.“")
    for i in (1, 2):
        assert [(a.source.text, a.mode) for a in s[i].attributions] == [("Die Vorsitzende Greta Lind",
                                                                         "direct_quote")]


def test_quotation_after_reported_words_goes_on_in_the_speakers_voice() -> None:
    s = _sentences("Die Fähre fahre im Winter nicht, sagt die Hafenmeisterin Nora Pick. "
                   "»Bei Sturm können wir die Überfahrt nicht sichern.«")
    assert [(a.source.text, a.mode) for a in s[1].attributions] == [("die Hafenmeisterin Nora Pick", "carried_over")]


def test_title_after_reported_words_is_no_quotation() -> None:
    s = _sentences("Die Fähre fahre im Winter nicht, sagt die Hafenmeisterin Nora Pick. "
                   "»Winter am Hafen«.")
    assert s[1].attributions == ()


def test_title_after_a_colon_is_no_quotation() -> None:
    s = _sentences("Die Autorin Lena Fuchs stellte ihr neues Buch vor:\n\n„Am Ende des Sees“.")
    assert s[1].attributions == ()


# --- chains ---------------------------------------------------------------------


def test_unter_berufung_auf() -> None:
    a = _only("Wie die Agentur dpa unter Berufung auf Ministeriumskreise berichtete, steigt die Steuer.")
    assert a.source.text == "Ministeriumskreise"
    assert a.source.kind == "anonymous"
    assert [v.text for v in a.via] == ["die Agentur dpa"]


def test_relay_clause_die_von_x_zitiert_werden() -> None:
    a = _only("Die Reform soll laut Fachleuten des Ministeriums, die von der Zeitung Nordkurier "
              "zitiert werden, im Mai beschlossen werden.")
    assert a.source.text == "Fachleuten des Ministeriums"
    assert [v.text for v in a.via] == ["der Zeitung Nordkurier"]


# --- content clauses, appositions, first position (added with the recall work) ------


def test_zu_infinitive_clause_is_content() -> None:
    a = _only("Die Gewerkschaft forderte, die Löhne um fünf Prozent zu erhöhen.")
    assert a.source.text == "Die Gewerkschaft"
    assert _cue_words(a) == ["forderte"]


def test_zu_infinitive_written_as_one_word() -> None:
    a = _only("Der Landrat kündigte an, die alte Brücke bis zum Sommer zurückzubauen.")
    assert a.source.text == "Der Landrat"
    assert _cue_words(a) == ["kündigte", "an"]


def test_infinitive_on_a_noun_object_is_no_content() -> None:
    found = _sentences("Der Landrat bezeichnete den Antrag als einen Versuch, die Wahl zu verschieben.")[0].attributions
    assert all(a.cue is None for a in found)


def test_particle_after_an_apposition() -> None:
    a = _only("Dies teilte die Sprecherin des Landratsamts, Petra Lindner, mit.")
    assert a.source.text == "die Sprecherin des Landratsamts, Petra Lindner"
    assert _cue_words(a) == ["teilte", "mit"]


def test_particle_after_an_apposition_with_content() -> None:
    a = _only("Heute gab der Leiter des Bauamts, Tobias Marx, bekannt, dass die Halle schließt.")
    assert a.source.text == "der Leiter des Bauamts, Tobias Marx"
    assert _cue_words(a) == ["gab", "bekannt"]


@pytest.mark.parametrize("particle", ["Auch", "Selbst", "Sogar"])
def test_focus_particle_before_the_subject(particle: str) -> None:
    a = _only(f"{particle} der Vorsitzende des Vereins Jonas Brenner kritisierte, die Stadt habe zu spät reagiert.")
    assert a.source.text == "der Vorsitzende des Vereins Jonas Brenner"
    assert a.cue.text == "kritisierte"


def test_sentence_initial_adverb_is_no_subject() -> None:
    a = _only("Unmissverständlich erklärte die Richterin, dass die Klage abgewiesen sei.")
    assert a.source.text == "die Richterin"


def test_prepositional_phrase_with_relative_clause_is_no_subject() -> None:
    a = _only("Im Schreiben, das er an den Rat schickte, erklärt er: „Wir bleiben in der Stadt.“")
    assert a.source.text == "er"
    assert a.source.kind == "pronoun"


def test_colon_at_the_end_of_the_sentence_is_content() -> None:
    a = _only("Der Bürgermeister beschrieb den Ablauf des Abends:")
    assert a.source.text == "Der Bürgermeister"
    assert a.cue.text == "beschrieb"


def test_passive_with_colon_at_the_end_has_no_attribution() -> None:
    assert _sentences("Folgendes wurde bei der Prüfung festgestellt:")[0].attributions == ()


def test_second_coordinated_verb_keeps_the_content() -> None:
    found = _sentences("Der Stadtrat Paul Ebert lobte den Plan und sagte, er sei gut.")[0].attributions
    assert [a.cue.text for a in found if a.cue] == ["sagte"]
    assert all(a.source.text == "Der Stadtrat Paul Ebert" for a in found)


def test_outlet_that_introduces_the_claim_is_the_source() -> None:
    found = _sentences("Wie die Zeitung Nordkurier berichtet, habe der Minister seinen Rücktritt erklärt.")[0].attributions
    sources = [a.source.text for a in found if a.source]
    assert "die Zeitung Nordkurier" in sources


def test_question_verb() -> None:
    a = _only("Die Abgeordnete Marta Roth fragte, ob die Zahlen stimmen.")
    assert a.source.text == "Die Abgeordnete Marta Roth"
    assert a.cue.text == "fragte"


def test_ist_der_ansicht_frame() -> None:
    a = _only("Der Mieterbund ist der Ansicht, dass die Mieten zu stark steigen.")
    assert a.source.text == "Der Mieterbund"
    assert " ".join(_cue_words(a)) == "ist der Ansicht"


def test_reported_speech_act_with_a_noun_object_has_a_source_but_no_cue() -> None:
    a = _only("Die Ärztin Hanna Vogel empfahl eine längere Pause.")
    assert a.source.text == "Die Ärztin Hanna Vogel"
    assert a.cue is None


def test_speaker_and_colon_before_a_quotation() -> None:
    a = _only("Bürgermeisterin Anna Weber: „Wir bauen die Brücke neu.“")
    assert a.source.text == "Bürgermeisterin Anna Weber"
    assert a.cue is None
    assert a.mode == "direct_quote"


def test_colon_after_a_clause_with_a_verb_is_no_bare_speaker() -> None:
    a = _only("Über den Haushalt sagte Kämmerer Tim Roth: „Wir sparen.“")
    assert a.source.text == "Kämmerer Tim Roth"
    assert a.cue.text == "sagte"


def test_genitive_owner_of_a_statement_noun() -> None:
    a = _only("Die Arbeiten dauern nach Angaben eines Werftsprechers bis Mai.")
    assert a.source.text == "Angaben eines Werftsprechers"
    assert a.cue.text == "nach"


def test_apposition_after_nach_angaben() -> None:
    a = _only("Nach Angaben von Lea Brandt, der Leiterin des Amtes, bleibt die Schule zu.")
    assert a.source.text == "Angaben von Lea Brandt, der Leiterin des Amtes"


def test_zufolge_with_a_place_inside_the_source() -> None:
    a = _only("Den Behörden in Nordstadt zufolge wurden zwei Menschen verletzt.")
    assert a.source.text == "Den Behörden in Nordstadt"
    assert a.cue.text == "zufolge"


def test_laut_with_a_lower_case_quoted_outlet() -> None:
    a = _only("Laut „nordblick.de“ wurde das Werk geschlossen.")
    assert a.source.text == "„nordblick.de“"


@pytest.mark.parametrize("opener", ["Wenige Stunden nach der Wahl", "Ende Januar", "Des Weiteren"])
def test_adverbial_first_position_is_no_subject(opener: str) -> None:
    a = _only(f"{opener} erklärte der Verband, die Kasse sei leer.")
    assert a.source.text == "der Verband"


def test_second_verb_after_a_comma_keeps_the_subject() -> None:
    a = _only("Die Mieter kritisieren den Plan, beharren aber auf einem Gespräch mit der Stadt.")
    assert a.source.text == "Die Mieter"


def test_passive_von_with_an_amount_is_no_agent() -> None:
    found = _sentences("Für die Strecke wird eine Dauer von 30 Minuten angenommen.")[0].attributions
    assert all(a.source is None or a.source.text != "30" for a in found)


def test_correlate_belongs_to_the_cue() -> None:
    a = _only("Die Wetterwarte warnte davor, dass der Fluss über die Ufer treten könnte.")
    assert a.source.text == "Die Wetterwarte"
    assert _cue_words(a) == ["warnte", "davor"]


def test_mit_den_worten_belongs_to_the_cue() -> None:
    a = _only("Der Trainer lehnte das Angebot mit den Worten ab: „Ich bleibe hier.“")
    assert " ".join(_cue_words(a)) == "lehnte mit den Worten ab"


def test_es_of_es_wird_vermutet_belongs_to_the_cue() -> None:
    a = _only("Es wird vermutet, dass der Brand gelegt wurde.")
    assert a.source is None
    assert " ".join(_cue_words(a)) == "Es wird vermutet"


def test_wie_bekannt_wurde() -> None:
    a = _only("Wie heute bekannt wurde, schließt die Bäckerei am Markt.")
    assert _cue_words(a)[0] == "Wie"


def test_quoted_outlet_as_subject_after_the_verb() -> None:
    a = _only("„Das Stadion bleibt zu“, schrieb „Die Rundschau“ in einem Kommentar.")
    assert a.source.text == "„Die Rundschau“"


def test_wie_with_apposition_and_place_before_the_verb() -> None:
    a = _only("Wie Eva Roth, Sprecherin der Stadt, in Bonn mitteilte, bleibt die Halle zu.")
    assert a.source.text == "Eva Roth, Sprecherin der Stadt"
    assert _cue_words(a) == ["Wie", "mitteilte"]


def test_apposition_with_a_preposition_and_article() -> None:
    a = _only("Frank Berger, Vorsitzender der Union für das Münsterland, sagte, es sei unfassbar.")
    assert a.source.text == "Frank Berger, Vorsitzender der Union für das Münsterland"


def test_content_clause_led_by_a_prepositional_phrase() -> None:
    a = _only("Weiterhin erklärte die Ministerin, in den Ländern, in denen Gebühren gelten, sei die Zahl gestiegen.")
    assert a.source.text == "die Ministerin"
    assert a.cue.text == "erklärte"


def test_participial_attribute_with_a_prepositional_phrase() -> None:
    a = _only("Laut einer am Dienstag veröffentlichten Mitteilung des Amtes wurden 200 Menschen versorgt.")
    assert a.source.text == "einer am Dienstag veröffentlichten Mitteilung des Amtes"
    assert a.cue.text == "Laut"


def test_so_tail_with_an_attribute_and_a_title() -> None:
    a = _only("Die Mittel wirken nicht, so das Ergebnis einer gestern vorgestellten Studie mit dem Titel „Heilkunde“.")
    assert a.source.text == "das Ergebnis einer gestern vorgestellten Studie"
    assert a.cue.text == "so"


def test_comma_inside_brackets_ends_no_clause() -> None:
    a = _only("Die Ministerin Eva Rau (Grüne, Hessen) hat betont, die Schulen blieben offen.")
    assert a.source.text == "Die Ministerin Eva Rau (Grüne, Hessen)"
    assert _cue_words(a) == ["hat", "betont"]


def test_zeigte_sich_is_a_cue_only_with_sich() -> None:
    a = _only("Der Innenminister zeigte sich besorgt, dass die Fehden zunehmen.")
    assert a.source.text == "Der Innenminister"
    assert _cue_words(a) == ["zeigte", "sich"]
    assert _sentences("Die Karte zeigte, dass der Weg kürzer ist.")[0].attributions == ()


def test_hatte_es_geheissen() -> None:
    a = _only("Am Vormittag hatte es zunächst geheißen, die Partei habe die Demonstration abgesagt.")
    assert a.source is None
    assert " ".join(_cue_words(a)) == "hatte es geheißen"


def test_war_von_die_rede() -> None:
    a = _only("In dem Schreiben war von einem offenen Dialog die Rede.")
    assert " ".join(_cue_words(a)) == "war von die Rede"


def test_haelt_es_fuer_moeglich() -> None:
    a = _only("Der Forscher hält es jedoch für möglich, dass der Vorstand nichts wusste.")
    assert a.source.text == "Der Forscher"


def test_kam_zu_dem_ergebnis() -> None:
    a = _only("Das Gericht kam damit zu dem Ergebnis, dass keine Grundlage besteht.")
    assert a.source.text == "Das Gericht"
    assert _cue_words(a)[0] == "kam"


def test_particle_written_apart_before_the_verb() -> None:
    a = _only("Wie die Bank in Rom bekannt gab, tritt der Chef zurück.")
    assert a.source.text == "die Bank in Rom"
    assert _cue_words(a) == ["Wie", "bekannt", "gab"]


def test_quoted_name_in_the_subject_is_no_content() -> None:
    found = _sentences("Die Tournee „Große Nacht der Lieder“ stellte einen neuen Rekord auf.")[0].attributions
    assert all(a.cue is None for a in found)


def test_coordinated_verb_without_content_is_no_cue() -> None:
    found = _sentences("Der Präsident Karl Ospel zog die Konsequenzen und erklärte seinen Rücktritt.")[0].attributions
    assert all(a.cue is None or a.cue.text != "erklärte" for a in found)


def test_possessive_meine_is_no_verb() -> None:
    assert _sentences("Das ist auch meine Meinung zu dem Plan, dass wir warten.")[0].attributions == () or all(
        a.cue is None or a.cue.text != "meine" for a in _sentences("Das ist auch meine Meinung zu dem Plan, dass wir warten.")[0].attributions)


def test_adjective_with_a_prepositional_phrase_in_first_position() -> None:
    a = _only("Passend zu dem Wetter warnte die Sprecherin des Senders: „Die Straßen sind glatt.“")
    assert a.source.text == "die Sprecherin des Senders"


def test_wie_er_genannt_wird_is_naming() -> None:
    assert _sentences("„Der Graf“, wie er im Dorf genannt wird, ist gestorben.")[0].attributions == ()


def test_relative_pronoun_is_the_source_and_resolves_to_its_antecedent() -> None:
    a = _only("Gehört wurde auch der Hausmeister der Schule, der angab, nichts bemerkt zu haben.")
    assert a.source.text == "der"
    assert a.source.resolved_to == "der Hausmeister der Schule"
    assert a.cue.text == "angab"


def test_relative_clause_with_its_own_subject_keeps_the_antecedent() -> None:
    found = _sentences("Die Pläne, die er am Montag vorstellte, sind teuer.")[0].attributions
    assert all(a.source is None or a.source.text != "die" for a in found)


def test_passive_agent_in_first_position() -> None:
    a = _only("Von den Behörden wird angenommen, dass der Brand gelegt wurde.")
    assert a.source.text == "den Behörden"


def test_subject_after_the_first_verb_speaks_for_the_coordinated_verb() -> None:
    a = _only("Im Januar legte er sein Amt nieder und verkündete, sich um Projekte kümmern zu wollen.")
    assert a.source.text == "er"
    assert a.cue.text == "verkündete"


def test_clause_final_particle_belongs_to_the_second_verb() -> None:
    a = _only("Als Beispiel führte er die Proteste an und führte aus, hier gebe es eine Entwicklung.")
    assert a.source.text == "er"
    assert _cue_words(a) == ["führte", "aus"]


def test_subject_before_konjunktiv_sentences_is_their_source() -> None:
    s = _sentences("Die Ministerin Eva Kern kritisierte die Pläne. Sie seien zu teuer und kämen zu spät.")
    first = s[0].attributions
    assert len(first) == 1 and first[0].source.text == "Die Ministerin Eva Kern" and first[0].cue is None
    assert s[1].attributions[0].mode == "carried_over"
    assert s[1].attributions[0].source.text == "Die Ministerin Eva Kern"


def test_introduced_speaker_carries_over_konjunktiv_by_its_ending() -> None:
    s = _sentences("Der Landrat Otto Brenner verteidigte den Neubau. Die Kosten seien gedeckt. "
                   "Die Gemeinde übernehme den Rest.")
    assert [(a.source.text, a.mode) for a in s[2].attributions] == [("Der Landrat Otto Brenner", "carried_over")]


def test_common_noun_before_konjunktiv_is_no_speaker() -> None:
    s = _sentences("Die Konflikte nahmen zu. Die Lage sei ernst.")
    assert s[0].attributions == ()


def test_first_sentence_in_konjunktiv_introduces_no_speaker() -> None:
    s = _sentences("Der Vorwurf gehe gegen die Kammer. Sie sei unabhängig.")
    assert s[0].attributions == ()


def test_passive_zitiert_subject_is_the_speaker() -> None:
    a = _only("„Wir bleiben in der Stadt“, wird Bürgermeister Paul Rieger zitiert.")
    assert a.source.text == "Bürgermeister Paul Rieger"
    assert _cue_words(a) == ["wird", "zitiert"]


def test_mit_den_worten_before_a_participle() -> None:
    a = _only("Die Trainerin hatte das Angebot mit den Worten abgelehnt: „Ich bleibe.“")
    assert " ".join(_cue_words(a)) == "hatte mit den Worten abgelehnt"


def test_party_name_with_a_number_in_an_apposition() -> None:
    a = _only("Die Politikerin von Bündnis 90/Die Grünen, Anja Roth, kritisierte, die Pläne seien falsch.")
    assert a.source.text == "Die Politikerin von Bündnis 90/Die Grünen, Anja Roth"


def test_monatelang_is_no_subject() -> None:
    a = _only("Monatelang haben die Stadtwerke bestritten, dass die Leitung undicht sei.")
    assert a.source.text == "die Stadtwerke"


def test_zufolge_with_a_lower_case_name_and_a_bracket() -> None:
    a = _only("Dem Sender al-Nord zufolge wird das Schiff umgeleitet.")
    assert a.source.text == "Dem Sender al-Nord"
    a = _only("Einer Mitteilung des Verbandes Deutscher Imker (VDI) zufolge sinkt die Zahl der Völker.")
    assert a.source.text == "Einer Mitteilung des Verbandes Deutscher Imker (VDI)"


def test_so_tail_with_a_demonstrative_pronoun() -> None:
    a = _sentences("Die Kammer lobte den Plan. „Das ist ein guter Tag.“, so letztere.")[1].attributions[0]
    assert a.source.text == "letztere"
    assert a.cue.text == "so"


def test_infinitive_after_a_time_phrase_is_content() -> None:
    a = _only("Der Stadtrat beschloss am Donnerstagabend, die Brücke neu zu bauen.")
    assert a.source.text == "Der Stadtrat"
    a = _only("Sie beschloss am Sonntag, der Partei beizutreten.")
    assert a.cue.text == "beschloss"


def test_quoted_name_with_a_lower_case_word_after_an_article() -> None:
    a = _only("Wie die „Aktion Nachbar hilft“ heute mitteilte, werde die Hilfe ausgeweitet.")
    assert a.source.text == "die „Aktion Nachbar hilft“"


def test_single_quoted_word_after_als_is_content() -> None:
    a = _only("Die Stadtverwaltung hatte den Bericht als „falsch“ zurückgewiesen.")
    assert _cue_words(a) == ["hatte", "zurückgewiesen"]


def test_sentence_initial_article_before_an_age() -> None:
    a = _only("Der 84-jährige Pfarrer, der als Kritiker gilt, hofft aber, dass der Bischof bleibt.")
    assert a.source.text == "Der 84-jährige Pfarrer"


def test_demonstrative_pronoun_as_subject() -> None:
    a = _only("Diese besagt, dass der Käufer den Anteil zurückgeben muss.")
    assert a.source.text == "Diese"


def test_speaker_woertlich_colon() -> None:
    a = _only("Kämmerin Roth wörtlich: „Wir sparen an allen Ecken.“")
    assert a.source.text == "Kämmerin Roth"
    assert a.cue.text == "wörtlich"


def test_number_with_a_noun_in_first_position_is_the_subject() -> None:
    a = _only("80 Prozent befürworteten, dass die Abgeordneten selbst vorsorgen.")
    assert a.source.text == "80 Prozent"
    a = _only("2005 sagte der Minister, er bleibe im Amt.")
    assert a.source.text == "der Minister"


def test_bitten_with_an_infinitive() -> None:
    a = _only("Der Präsident hatte den Minister gebeten, vorerst im Amt zu bleiben.")
    assert a.source.text == "Der Präsident"


def test_nennen_needs_a_quotation() -> None:
    found = _sentences("Der Minister nannte vier Bedingungen dafür, dass die Stadt teilnimmt.")[0].attributions
    assert all(a.cue is None for a in found)
    a = _only("Der Minister nannte den Plan „mutig und richtig“.")
    assert a.cue.text == "nannte"


def test_prepositional_phrase_between_apposition_and_content() -> None:
    a = _only("So sagte der Leiter des Amtes, Tom Rau, gegenüber der Zeitung, dass die Halle zu bleibe.")
    assert a.source.text == "der Leiter des Amtes, Tom Rau"
    assert a.cue.text == "sagte"


def test_roman_numeral_inside_the_content() -> None:
    a = _only("Später sagte Bürgermeisterin Anna Roth vor der Presse, Ludwig II. „war ein Träumer“.")
    assert a.cue.text == "sagte"


def test_sowohl_als_auch_subject() -> None:
    a = _only("Sowohl die Stadtverwaltung als auch die Polizei kündigten Untersuchungen an.")
    assert a.source.text == "Sowohl die Stadtverwaltung als auch die Polizei"
    assert a.cue is None


def test_object_first_with_a_name_after_the_verb() -> None:
    a = _only("Eine Verschiebung der Wahl bezeichnete Kern als fatal.")
    assert a.source.text == "Kern"


def test_einigten_sich_is_a_cue() -> None:
    a = _only("Betriebsrat und Vorstand einigten sich darauf, das Werk zu verkaufen.")
    assert a.source.text == "Betriebsrat und Vorstand"
    assert " ".join(_cue_words(a)).startswith("einigten sich")


def test_pronoun_subject_of_a_reported_act() -> None:
    a = _only("Auch sie forderten den Rücktritt der Regierung.")
    assert a.source.text == "sie"


def test_channel_after_the_source_is_no_part_of_it() -> None:
    a = _only("Parteichef Omar Haddad im staatlichen Fernsehen erklärte, die Wahl werde verschoben.")
    assert a.source.text == "Parteichef Omar Haddad"


def test_trailing_adverb_is_no_part_of_the_source() -> None:
    a = _only("Die Kanadier hingegen betonten, die Regeln seien klar.")
    assert a.source.text == "Die Kanadier"


def test_coordinated_participles_share_the_subject_and_auxiliary() -> None:
    found = _sentences("Die Vorsitzende des Verbands, Karin Brost, hat sich gegen die Schule ausgesprochen "
                       "und behauptet, die Oberstufen kämen nicht.")[0].attributions
    cued = [a for a in found if a.cue is not None]
    assert len(cued) == 1
    assert cued[0].source.text == "Die Vorsitzende des Verbands, Karin Brost"
    assert _cue_words(cued[0]) == ["hat", "behauptet"]


def test_roman_numeral_in_an_apposition_and_a_person_asked() -> None:
    a = _only("Das Staatsoberhaupt, Königin Elisabeth II., bat Premierminister Key, ihre Anteilnahme zu übermitteln.")
    assert a.source.text == "Das Staatsoberhaupt, Königin Elisabeth II."
    assert a.cue.text == "bat"


def test_speech_act_with_its_preposition_has_a_source() -> None:
    a = _only("Die Brauer warnen vor der umstrittenen Förderung.")
    assert a.source.text == "Die Brauer"
    assert a.cue is None


def test_danach_in_konjunktiv_cites_the_source_before() -> None:
    a = _sentences("Die Studie liegt vor. Danach sei die Zahl der Unfälle gestiegen.")[1].attributions[0]
    assert a.source.text == "Danach"
    assert _sentences("Die Sitzung endete. Danach ging der Minister nach Hause.")[1].attributions == ()


def test_reflexive_turn_out_is_no_cue() -> None:
    assert not _sentences("Damit bestätigt sich die Sorge, dass der Damm zu niedrig ist.")[0].attributions
    assert not _sentences("Am Abend hatte sich herausgestellt, dass die Brücke sicher ist.")[0].attributions


def test_geraten_with_sein_is_no_advice() -> None:
    assert not _sentences("Die Lagerhalle ist in Brand geraten, weil ein Kabel schmorte.")[0].attributions
    a = _only("Die Ärztin hat den Eltern geraten, das Kind impfen zu lassen.")
    assert a.source.text == "Die Ärztin"


def test_quoted_name_before_the_verb_is_the_subject() -> None:
    a = _only("„Nordstädter Bote“ berichtet, der Bürgermeister habe den Plan gestoppt.")
    assert a.source.text == "„Nordstädter Bote“"
    assert _cue_words(a) == ["berichtet"]


def test_outlet_citing_someone_is_the_relay() -> None:
    a = _only("„Nordstädter Bote“ berichtet unter Berufung auf einen Wachmann, dass das Tor offen stand.")
    assert a.source.text == "einen Wachmann"
    assert [v.text for v in a.via] == ["„Nordstädter Bote“"]
    assert _cue_words(a) == ["berichtet"]


def test_dazu_is_about_it_after_sagen_but_a_correlate_after_auffordern() -> None:
    a = _only("Die Sprecherin des Vereins, Lena Brandt, sagte dazu: „Wir bleiben bei unserem Urteil.“")
    assert "dazu" not in _cue_words(a)
    b = _only("Der Bürgermeister forderte die Bürger dazu auf, Wasser zu sparen.")
    assert " ".join(_cue_words(b)).split() == ["forderte", "dazu", "auf"]


# --- source phrase boundaries, apposition, "hervorgehen", naming, relative clauses -----


def test_source_phrase_ends_before_the_finite_verb() -> None:
    a = _only("Nach Angaben der Feuerwehr umstellten Beamte das Haus.")
    assert a.source.text == "Angaben der Feuerwehr"
    b = _only("Laut „Radio Nord“ liefen hunderte Menschen zum Markt.")
    assert b.source.text == "„Radio Nord“"


def test_genitive_plural_without_article_stays_in_the_phrase() -> None:
    a = _only("Nach Meinung unabhängiger Beobachter wird die Wahl verschoben.")
    assert a.source.text == "Meinung unabhängiger Beobachter"


def test_zufolge_phrase_begins_after_the_finite_verb() -> None:
    a = _only("Am Montag starben offiziellen Angaben zufolge zwei Wanderer in den Bergen.")
    assert a.source.text == "offiziellen Angaben"


def test_apposition_with_its_closing_comma_left_out() -> None:
    a = _only("Anna Weber, Sprecherin der Stadtwerke Brandhausen erklärte, die Leitung sei repariert.")
    assert a.source.text == "Anna Weber, Sprecherin der Stadtwerke Brandhausen"
    assert a.cue.text == "erklärte"


def test_nennen_with_one_quoted_word_is_a_quotation() -> None:
    a = _only("Der Bürgermeister nannte den Plan der Opposition „unbezahlbar“.")
    assert a.source.text == "Der Bürgermeister"
    assert _cue_words(a) == ["nannte"]
    b = _only("Der Landrat nannte den Bericht einen „Skandal“ und verließ den Saal.")
    assert _cue_words(b) == ["nannte"]


@pytest.mark.parametrize("text, source, cue", [
    ("Dies geht aus einem Bericht der Wasserbehörde hervor.", "einem Bericht der Wasserbehörde", ["geht", "hervor"]),
    ("Aus dem Gutachten des Bauamts geht hervor, dass die Brücke marode ist.", "dem Gutachten des Bauamts",
     ["geht", "hervor"]),
])
def test_hervorgehen_aus_names_the_source(text: str, source: str, cue: list[str]) -> None:
    a = _only(text)
    assert a.source.text == source
    assert _cue_words(a) == cue


def test_hervorgehen_with_its_subject_between_is_no_cue() -> None:
    assert not _sentences("Aus dem Verein gingen zwei Meister hervor.")[0].attributions


def test_content_after_a_relative_clause_on_the_channel() -> None:
    a = _only("Die Ärztin schrieb in einem Brief, der am Montag veröffentlicht wurde, sie wolle die Praxis schließen.")
    assert a.source.text == "Die Ärztin"
    assert a.cue.text == "schrieb"


def test_cue_verb_in_an_adverbial_clause_before_the_main_clause() -> None:
    # the main clause after "Nachdem …," is not what was said
    assert not _sentences("Die Fahrer hatten, nachdem sie den Schaden bemerkt hatten, den Zug gestoppt.")[0].attributions
    assert not _sentences("Nachdem er den Vorfall gemeldet hatte, habe er das Gebäude verlassen.")[0].attributions


def test_als_phrase_before_a_passive_cue_is_no_source() -> None:
    a = _only("Als Begründung wurde angegeben, die Kosten für den Winterdienst seien gestiegen.")
    assert a.source is None
    assert _cue_words(a) == ["wurde", "angegeben"]


def test_auxiliary_and_subject_before_an_apposition() -> None:
    a = _only("Zuvor hatte ein Sprecher der Stadtwerke, Paul Kranich, erklärt, die Leitung sei dicht.")
    assert a.source.text == "ein Sprecher der Stadtwerke, Paul Kranich"
    assert _cue_words(a) == ["hatte", "erklärt"]


def test_wie_with_an_apposition_and_an_addressee_before_the_verb() -> None:
    a = _only("Die Brücke bleibt gesperrt, wie die Landrätin, Jutta Berger, der Presse mitteilte.")
    assert a.source.text == "die Landrätin, Jutta Berger"
    assert _cue_words(a) == ["wie", "mitteilte"]


def test_a_year_closes_the_date_in_a_source() -> None:
    a = _only("Laut einem Bericht des Umweltamts vom März 2019 ist der See belastet.")
    assert a.source.text == "einem Bericht des Umweltamts vom März 2019"


def test_apposition_before_a_closing_time_adverbial() -> None:
    a = _only("Die Straße sei wieder frei, sagte Otto Lenz, Leiter des Bauhofs am Dienstag.")
    assert a.source.text == "Otto Lenz, Leiter des Bauhofs"


def test_own_account_resolves_to_the_clause_subject():
    """ "nach eigenen Angaben" is the subject's own word: a pronoun standing for the subject."""
    a = _only("Die Baufirma Kessler hat nach eigenen Angaben zwanzig Mitarbeiter entlassen.")
    assert (a.source.text, a.source.kind, a.source.resolved_to) == ("eigenen Angaben", "pronoun", "Die Baufirma Kessler")


def test_own_account_with_the_owner_before_zufolge():
    a = _only("Am Freitag meldete der Verein Grünspecht seinen Angaben zufolge einen neuen Rekord.")
    assert (a.source.text, a.source.kind, a.source.resolved_to) == ("seinen Angaben", "pronoun", "der Verein Grünspecht")


def test_own_account_after_a_pronoun_subject_takes_the_one_named_before():
    text = "Die Zeitung Nordbote hat nach eigenen Angaben viele Leser. Sie ist nach eigenen Angaben die größte."
    a = _only(text, 1)
    assert (a.source.kind, a.source.resolved_to) == ("pronoun", "Die Zeitung Nordbote")


def test_a_description_resolves_to_the_one_person_named_with_that_role():
    a = _only("Minister Hans Maier besuchte die Schule. Der Minister sagte, sie sei zu klein.", 1)
    assert (a.source.text, a.source.resolved_to) == ("Der Minister", "Hans Maier")


def test_a_description_with_two_people_of_that_role_stays_unresolved():
    text = "Minister Karl Roth und Minister Hans Maier kamen. Der Minister sagte, das sei gut."
    assert _only(text, 1).source.resolved_to is None


# --- kinds ----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "source", "kind"), [
    # a person without a name cannot be checked: anonymous
    ("Ein Sprecher der Stadtwerke sagte, die Leitung sei repariert.", "Ein Sprecher der Stadtwerke", "anonymous"),
    ("Der junge Feuerwehrmann sagte, der Brand sei gelöscht.", "Der junge Feuerwehrmann", "anonymous"),
    ("Ein Schreiner in Lindenau erklärte, das Holz sei teurer geworden.", "Ein Schreiner in Lindenau", "anonymous"),
    ("Nach Aussage des Hausmeisters war die Tür verschlossen.", "des Hausmeisters", "anonymous"),
    # an office with "der", or an age, stands for someone named before; a name makes a person
    ("Der Minister sagte, die Brücke werde saniert.", "Der Minister", "person"),
    ("Der 52-Jährige sagte, er habe von nichts gewusst.", "Der 52-Jährige", "person"),
    ("Der Bürgermeister Karl Brenner sagte, die Brücke werde saniert.", "Karl Brenner", "person"),
    ("Der Sprecher des Vereins, Jan Ott, sagte, das Fest falle aus.", "Jan Ott", "person"),
    # a body of auditors, and an outlet's own research
    ("Laut dem Bayerischen Rechnungshof sind die Kosten gestiegen.", "Rechnungshof", "organization"),
    ("Laut der Handwerkskammer fehlen im Kreis viele Lehrlinge.", "Handwerkskammer", "organization"),
    ("Nach WDR-Recherchen hat die Firma die Frist versäumt.", "WDR-Recherchen", "outlet"),
])
def test_source_kinds(text: str, source: str, kind: str) -> None:
    a = _only(text)
    assert source in a.source.text
    assert a.source.kind == kind


def test_a_name_met_after_a_noun_for_a_body_is_that_body() -> None:
    text = ("Der Werkzeugkonzern Brandt streicht zweihundert Stellen. "
            "Brandt erklärte am Montag, die Nachfrage sei eingebrochen.")
    a = _only(text, 1)
    assert a.source.text == "Brandt"
    assert a.source.kind == "organization"


def test_a_name_alone_stays_a_person() -> None:
    text = "Der Tischler kam zu spät. Brandt erklärte am Montag, die Nachfrage sei eingebrochen."
    assert _only(text, 1).source.kind == "person"


# --- real-news recall (issue 13, item 4) ---------------------------------------------


@pytest.mark.parametrize("opener", ["wo die Firma ihren Sitz hat", "bei der die Akten liegen"])
def test_relative_clause_between_subject_and_verb(opener: str) -> None:
    a = _only(f"Die Aufsichtsbehörde, {opener}, sagte auf Anfrage, dass sie nichts gewusst habe.")
    assert a.source.text == "Die Aufsichtsbehörde"
    assert a.cue.text == "sagte"


def test_relative_clause_inside_the_reported_clause() -> None:
    # "vertreten sind" is "represented", and the relative clause does not end what was claimed
    a = _only("Der Redner behauptete, alle Fraktionen, die im Landtag vertreten sind, hätten versagt.")
    assert a.source.text == "Der Redner"
    assert a.cue.text == "behauptete"


def test_darin_heisst_es_points_back_to_the_document() -> None:
    sentences = _sentences("Am Montag kam eine kurze Mail aus der Zentrale. Darin heißt es, die Brücke sei marode.")
    a = sentences[1].attributions[0]
    assert a.source.text == "Darin"
    assert a.source.kind == "pronoun"
    assert a.source.resolved_to == "eine kurze Mail aus der Zentrale"


def test_darin_with_nothing_to_point_to_stays_a_document() -> None:
    sentences = _sentences("Die Ministerin Anna Kurz sprach lange. \"Die Brücke ist marode\", heißt es darin.")
    a = sentences[1].attributions[0]
    assert (a.source.text, a.source.kind, a.source.resolved_to) == ("darin", "document", None)


def test_heisst_es_with_adverbs_before_the_place() -> None:
    a = _only("\"Die Brücke ist marode\", hieß es etwa beiläufig im Bericht der Stadt.")
    assert a.source.text == "Bericht der Stadt"
    assert a.cue.text == "hieß es"


def test_what_a_text_says_with_stehen() -> None:
    a = _only("Und in der zweiten Fassung des Briefes stand, dass der Reporter nie dort war.")
    assert (a.source.text, a.source.kind, a.cue.text) == ("der zweiten Fassung des Briefes", "document", "stand")
    a = _only("So steht es zumindest in der Chronik des Vereins.")
    assert (a.source.text, a.source.kind) == ("der Chronik des Vereins", "document")


@pytest.mark.parametrize("text", ["Fest steht, dass die Brücke marode ist.", "Die Stadt steht vor einem Problem.",
                                  "Es steht in der Verantwortung der Stadt, die Brücke zu sanieren."])
def test_stehen_that_cites_no_text(text: str) -> None:
    assert not _sentences(text)[0].attributions


def test_konjunktiv_after_a_pronoun_subject_carries_on() -> None:
    sentences = _sentences("Die Ärztin Petra Lang sagte, die Lage sei ernst. Man prüfe alle Betten. "
                           "Aber das heiße nicht viel. Das frisch renovierte Haus ist groß.")
    assert [s.attributions[0].source.text if s.attributions else None for s in sentences] == [
        "Die Ärztin Petra Lang", "Die Ärztin Petra Lang", "Die Ärztin Petra Lang", None]


def test_parenthetical_between_spaced_hyphens() -> None:
    a = _only("Die Schüler erleben gerade - das hat die Lehrerin Meier gesagt - einen Crashkurs in Chemie.")
    assert (a.source.text, a.cue.text) == ("die Lehrerin Meier", "gesagt")


def test_hyphen_inside_words_is_no_dash() -> None:
    a = _only("Nord- und Süddeutschland seien gleich stark betroffen, sagte der Minister.")
    assert a.source.text == "der Minister"


def test_so_es_points_back_to_what_was_said() -> None:
    a = _only("So verlangt es die Landesregierung.")
    assert (a.source.text, a.cue.text, a.mode) == ("die Landesregierung", "verlangt", "reported_speech")


@pytest.mark.parametrize("text", ["Das ist, meine Damen und Herren, ein Skandal, den niemand wollte.",
                                  "Nach Artikel 12 ist das Parken dort verboten.",
                                  "Das Ganze verlangt eine Entschuldigung der Regierung."])
def test_no_speaker_in_vocatives_laws_or_objects(text: str) -> None:
    assert not _sentences(text)[0].attributions


def test_quotation_after_a_laut_source_is_theirs() -> None:
    sentences = _sentences("Die Quote liegt laut Werksleiter Jonas Brandt bei 90 Prozent. "
                           "\"Wir sparen so viel Energie wie nie zuvor und brauchen kaum Wasser.“")
    a = sentences[1].attributions[0]
    assert (a.source.text, a.mode) == ("Werksleiter Jonas Brandt", "carried_over")


def test_quotation_paragraph_after_a_quoted_speaker_goes_on() -> None:
    text = ("„Die Brücke ist marode“, sagte Bürgermeisterin Eva Roth.\n\n"
            "„Wir haben keine Wahl. Wir müssen sie bald sperren.“\n\n"
            "Die Stadt hat 20.000 Einwohner.")
    sentences = _sentences(text)
    assert [s.attributions[0].source.text if s.attributions else None for s in sentences] == [
        "Bürgermeisterin Eva Roth", "Bürgermeisterin Eva Roth", "Bürgermeisterin Eva Roth", None]


@pytest.mark.parametrize("text", ["Dazu äußerte sich die Reederei nicht.",
                                  "Welche Schiffe betroffen sind, wollte die Sprecherin nicht mitteilen.",
                                  "Die Reederei wollte sich nicht dazu äußern, ob der Hafen informiert wurde."])
def test_a_refusal_to_speak_is_no_attribution(text: str) -> None:
    assert not _sentences(text)[0].attributions


def test_a_negated_cue_with_content_is_kept() -> None:
    a = _only("Die Sprecherin sagte nicht, dass die Reederei zahle, sondern dass sie prüfe.")
    assert a.source.text == "Die Sprecherin"


def test_halten_fuer_on_a_pronoun_object_is_a_judgement() -> None:
    a = _only("Kaum ein Statiker hält sie heute noch für sicher.")
    assert a.source.text == "Kaum ein Statiker"


def test_halten_fuer_with_a_particle_is_no_judgement() -> None:
    assert not _sentences("Die Polizei hält sie für drei Stunden fest.")[0].attributions


def test_passive_in_a_verb_final_clause_has_no_speaking_subject() -> None:
    found = _sentences("Dass der Fahrplan so schnell vorgelegt wurde, sei erfreulich, so Müller.")[0].attributions
    assert [a.source.text for a in found] == ["Müller"]
    assert not _sentences("Die Satzung, die vom Vorstand vorgelegt wurde, ist streng.")[0].attributions


def test_wie_with_a_passive_agent() -> None:
    a = _only("Wie von der Feuerwehr mitgeteilt wurde, ist die Brücke gesperrt.")
    assert a.source.text == "der Feuerwehr"


def test_genitive_relative_owns_the_speaker() -> None:
    a = _only("Der Verein hat 900 Mitglieder, ein großer Apparat, dessen Vorsitzende sagt: »Wir prüfen alles.«")
    assert a.source.text == "dessen Vorsitzende"


def test_surname_with_particles_opens_the_sentence() -> None:
    a = _only("Von der Heide betonte, die Lage sei ernst.")
    assert a.source.text == "Von der Heide"


def test_von_place_of_heisst_es() -> None:
    a = _only("Von der Feuerwehr hieß es, die Lage sei ernst.")
    assert a.source.text == "der Feuerwehr"


def test_verlauten_cites_where_it_came_from() -> None:
    a = _only("Aus Regierungskreisen verlautete am Abend, der Minister trete zurück.")
    assert (a.source.text, a.cue.text) == ("Aus Regierungskreisen", "verlautete")


def test_wissen_lassen_is_a_cue() -> None:
    a = _only("„Der Fahrplan steht“, ließ die Sprecherin der Bahn wissen.")
    assert a.source.text == "die Sprecherin der Bahn"
    assert _cue_words(a)[:1] == ["ließ"]
    assert not _sentences("Die Polizei ließ die Fans gehen.")[0].attributions


@pytest.mark.parametrize("text", ["Viele Ärzte sind der gegenteiligen Auffassung, dass alles gut sei.",
                                  "Viele Ärzte teilen die Meinung, die Klinik sei zu klein."])
def test_opinion_frames_with_adjective_or_shared(text: str) -> None:
    assert _only(text).source.text == "Viele Ärzte"


def test_cue_in_a_zu_infinitive_after_a_verb_of_hurrying() -> None:
    a = _only("Die Sprecherin beeilte sich, gegenüber der Presse zu erklären, dass niemand verletzt sei.")
    assert a.source.text == "Die Sprecherin"
    assert "erklären" in [t.text for t in (a.cue_parts or (a.cue,))]


def test_particle_written_apart_before_the_participle() -> None:
    a = _only("Die Stadtwerke haben in einer Stellungnahme bekannt gegeben, dass das Wasser sauber sei.")
    assert a.source.text == "Die Stadtwerke"
    assert not _sentences("Er hat ihr das Buch gegeben, das sie wollte.")[0].attributions


def test_unquoted_sentence_after_a_speakers_colon() -> None:
    sentences = _sentences("Die Rektorin erklärte am Montag: Die Schulen bleiben zu. Das Wetter war gut.")
    assert [s.attributions[0].source.text if s.attributions else None for s in sentences] == [
        "Die Rektorin", "Die Rektorin", None]
    assert sentences[1].attributions[0].mode == "carried_over"
