"""English attribution grammar (auditor/analyse/lang/en/, rules/lexicons/en.toml).

Every sentence here was written for these tests. Conventions (seeds/README.md,
and the PARC/PolNeAR annotation the English tagger is tuned on):

* ``cue`` is the lexical cue word ("said"); ``cue_parts`` add the auxiliaries,
  adverbs and particles that belong to the predicate ("has repeatedly" + "said");
* the source is the whole noun phrase, with appositions ("Tom Reyes, a spokesman
  for the port authority"); a relative pronoun source keeps its antecedent in
  ``resolved_to``.
"""

from __future__ import annotations

import pytest

from auditor.models import Attribution
from auditor.pipeline import analyse_text


def _attributions(text: str) -> list[tuple[int, Attribution]]:
    result = analyse_text(text, language="en")
    return [(s.index, a) for s in result.sentences for a in s.attributions]


def _only(text: str) -> Attribution:
    found = _attributions(text)
    assert len(found) == 1, [(a.source and a.source.text, a.cue and a.cue.text) for _, a in found]
    return found[0][1]


def _cue_text(a: Attribution) -> str:
    return " ".join(p.text for p in a.cue_parts) if a.cue_parts else (a.cue.text if a.cue else "")


# --- cue verbs beyond "said" -------------------------------------------------


@pytest.mark.parametrize(("text", "source", "cue", "kind"), [
    ("The harbour master warned that the storm would close the port.", "The harbour master", "warned", "person"),
    ("Local fishermen argued the quota was far too low.", "Local fishermen", "argued", "person"),
    ("The ministry announced a review of the tender on Friday.", "The ministry", "announced", "organization"),
    ("Economists believe the slowdown will last into spring.", "Economists", "believe", "vague"),
    ("Mayor Ines Calder called the plan a betrayal of the valley.", "Mayor Ines Calder", "called", "person"),
    ("The union accused the board of hiding the losses.", "The union", "accused", "organization"),
])
def test_speech_and_cognition_verbs(text: str, source: str, cue: str, kind: str) -> None:
    a = _only(text)
    assert a.source is not None and a.source.text == source
    assert a.cue is not None and a.cue.text == cue
    assert a.source.kind == kind


def test_auxiliaries_and_adverbs_belong_to_the_cue() -> None:
    a = _only("The governor has repeatedly said the bridge is safe.")
    assert a.source is not None and a.source.text == "The governor"
    assert a.cue is not None and a.cue.text == "said"
    assert _cue_text(a) == "has repeatedly said"


def test_particle_belongs_to_the_cue() -> None:
    a = _only("Senator Alma Voss called for an inquiry into the contracts.")
    assert a.cue is not None and a.cue.text == "called"
    assert _cue_text(a) == "called for"


def test_nouns_that_look_like_verbs_are_not_cues() -> None:
    assert _attributions("Farmers in nine states face higher costs for seed.") == []
    assert _attributions("The report arrived late on Tuesday.") == []
    assert _attributions("Most voters support the new library.") == []


# --- frames ------------------------------------------------------------------


def test_according_to_takes_the_whole_phrase() -> None:
    a = _only("Rents rose by a fifth, according to a survey published by the tenants' league.")
    assert a.source is not None and a.source.text == "a survey published by the tenants' league"
    assert a.cue is not None and a.cue.text == "according to"
    assert a.source.kind == "document"


def test_as_reported_by_an_outlet() -> None:
    a = _only("The plant will close in May, as reported by the Financial Times.")
    assert a.source is not None and a.source.text == "the Financial Times"
    assert a.source.kind == "outlet"
    assert a.via == ()


def test_in_an_interview_with_an_outlet() -> None:
    a = _only("Coach Bram Oyelaran said in an interview with Reuters that he would stay.")
    assert a.source is not None and a.source.text == "Coach Bram Oyelaran"
    assert a.cue is not None and a.cue.text == "said"
    assert [v.text for v in a.via] == ["Reuters"]


# --- where the source stands -------------------------------------------------


def test_inverted_source_with_apposition() -> None:
    a = _only("“The dam is older than anyone admits,” said Lena Ortiz, an engineer at the water board.")
    assert a.source is not None and a.source.text == "Lena Ortiz, an engineer at the water board"
    assert a.cue is not None and a.cue.text == "said"
    assert a.mode == "direct_quote"


def test_apposition_between_subject_and_verb() -> None:
    a = _only("The port's lawyer, Tom Reyes, said the fine would be appealed.")
    assert a.source is not None and a.source.text == "The port's lawyer, Tom Reyes"
    assert a.source.kind == "person"


def test_parenthetical_after_subject_is_not_the_source() -> None:
    a = _only("The council, in a short statement, said the vote was valid.")
    assert a.source is not None and a.source.text == "The council"


def test_name_with_party_label() -> None:
    a = _only("Rep. Dana Whitfield (D-Ore.) told colleagues the bill was dead.")
    assert a.source is not None and a.source.text == "Rep. Dana Whitfield (D-Ore.)"
    assert a.cue is not None and a.cue.text == "told"


def test_relative_clause_of_anonymity_stays_in_the_source() -> None:
    a = _only("A senior diplomat who spoke on condition of anonymity said the talks had stalled.")
    assert a.source is not None
    assert a.source.text == "A senior diplomat who spoke on condition of anonymity"
    assert a.source.kind == "anonymous"
    assert a.cue is not None and a.cue.text == "said"


def test_relative_pronoun_source_is_resolved_to_its_antecedent() -> None:
    found = _attributions("The contract went to Harlow Group, which said it would hire locally.")
    assert len(found) == 1
    a = found[0][1]
    assert a.source is not None and a.source.text == "which"
    assert a.source.resolved_to == "Harlow Group"
    assert a.cue is not None and a.cue.text == "said"


def test_reduced_relative_inside_the_subject_is_not_a_cue() -> None:
    a = _only("A statement posted on the club's website said the coach had resigned.")
    assert a.source is not None and a.source.text == "A statement posted on the club's website"
    assert a.cue is not None and a.cue.text == "said"


def test_cue_inside_the_reported_content_is_not_a_second_attribution() -> None:
    a = _only("The minister said the audit showed no wrongdoing.")
    assert a.source is not None and a.source.text == "The minister"


# --- "-ing" adjuncts and coordinated verbs ------------------------------------


def test_adding_and_saying_take_the_subject_of_the_clause() -> None:
    found = _attributions("The mayor defended the budget, saying the cuts were fair, and urged calm.")
    cues = {a.cue.text: a.source.text for _, a in found if a.cue and a.source}
    assert cues == {"defended": "The mayor", "saying": "The mayor", "urged": "The mayor"}


def test_quote_then_adding() -> None:
    found = _attributions("“We were never told,” Ruth Amsel said, adding that she would sue.")
    assert [(a.source.text, a.cue.text) for _, a in found] == [("Ruth Amsel", "said"), ("Ruth Amsel", "adding")]


# --- pronouns and quotations over several sentences ---------------------------


def test_pronoun_source_resolves_to_the_last_named_source() -> None:
    text = ("Judge Marta Ilves opened the hearing at nine. "
            "She told reporters that the verdict would come on Friday.")
    found = _attributions(text)
    a = found[-1][1]
    assert a.source is not None and a.source.text == "She" and a.source.kind == "pronoun"
    assert a.source.resolved_to == "Judge Marta Ilves"


def test_he_added_chain() -> None:
    text = ("Felix Brandt said the mill would reopen. He added that forty jobs were safe. "
            "He also noted that the owners had agreed.")
    found = _attributions(text)
    assert [(a.source.text, a.cue.text) for _, a in found] == [
        ("Felix Brandt", "said"), ("He", "added"), ("He", "noted")]
    assert all(a.source.resolved_to == "Felix Brandt" for _, a in found[1:])


@pytest.mark.parametrize("open_q,close_q", [("“", "”"), ('"', '"')])
def test_quote_over_sentences_speaker_after(open_q: str, close_q: str) -> None:
    text = (f"{open_q}The river rose too fast. We had no time to warn anyone. "
            f"I think we did what we could,{close_q} said Paula Hurst.")
    found = _attributions(text)
    assert {i for i, _ in found} == {0, 1, 2}
    assert all(a.source is not None and a.source.text == "Paula Hurst" for _, a in found)
    # "I think" inside the quotation is the speaker's own word, not a cue
    assert [a.cue.text for _, a in found if a.cue is not None] == ["said"]


def test_quote_over_sentences_speaker_before() -> None:
    text = ("Paula Hurst said: “The river rose too fast. We had no time to warn anyone.”")
    found = _attributions(text)
    assert {i for i, _ in found} == {0, 1}
    assert all(a.source.text == "Paula Hurst" for _, a in found)


def test_quote_with_speaker_in_the_middle() -> None:
    text = ("“The river rose too fast,” Paula Hurst said. “We had no time to warn anyone.”")
    found = _attributions(text)
    assert [(i, a.source.text, a.mode) for i, a in found] == [
        (0, "Paula Hurst", "direct_quote"), (1, "Paula Hurst", "carried_over")]


def test_quotation_after_reported_words_goes_on_in_the_speakers_voice() -> None:
    found = _attributions('The ferry will stop in winter, said harbour master Nora Pike. '
                          '"We cannot keep the crossing safe in the storms."')
    assert [(i, a.source.text, a.mode) for i, a in found] == [
        (0, "harbour master Nora Pike", "reported_speech"), (1, "harbour master Nora Pike", "carried_over")]


# --- chains: relays and intermediaries ----------------------------------------


def test_told_an_outlet_is_the_via() -> None:
    a = _only("People close to the club told Reuters that the deal was done.")
    assert a.source is not None and a.source.text == "People close to the club"
    assert [v.text for v in a.via] == ["Reuters"]


def test_outlet_reported_citing_officials() -> None:
    a = _only("Exports fell sharply, Reuters reported, citing customs officials.")
    assert a.source is not None and a.source.text == "customs officials"
    assert [v.text for v in a.via] == ["Reuters"]


def test_officials_cited_by_an_outlet() -> None:
    a = _only("Harbour officials, cited by The Telegraph, said the ferry was overloaded.")
    assert a.source is not None and a.source.text == "Harbour officials"
    assert a.cue is not None and a.cue.text == "said"
    assert [v.text for v in a.via] == ["The Telegraph"]


# --- second main clause, headlines, questions, phrasal cues ------------------


def test_main_clause_after_a_subordinate_cue() -> None:
    found = _attributions("While not everything the mayor says is accurate, Ortega said the budget was sound.")
    pairs = [(a.source.text if a.source else None, a.cue.text) for _, a in found]
    assert ("Ortega", "said") in pairs


def test_two_coordinated_clauses_with_their_own_subjects() -> None:
    found = _attributions("One in five said the tax was fair and one in three said it was too high.")
    sources = [a.source.text for _, a in found if a.source]
    assert "One in five" in sources and "one in three" in sources


def test_relative_clause_does_not_hide_the_main_verb() -> None:
    found = _attributions("Dana Whitlock, who says the river is rising, said residents should leave.")
    pairs = [(a.source.text if a.source else None, a.cue.text) for _, a in found]
    assert ("who", "says") in pairs
    assert any(cue == "said" and src and src.startswith("Dana Whitlock") for src, cue in pairs)


def test_title_case_headline() -> None:
    a = _only("Harbor Board Says Ferry Service Will Resume.")
    assert (a.source.text, a.cue.text) == ("Harbor Board", "Says")


def test_asked_without_an_asker() -> None:
    found = _attributions("Asked whether the bridge would reopen, the engineer shrugged.")
    a = found[0][1]
    assert a.source is None and a.cue.text == "Asked" and a.mode == "reported"


def test_when_asked_about() -> None:
    found = _attributions("The coach smiled when asked about the transfer.")
    assert any(a.source is None and _cue_text(a) == "asked about" for _, a in found)


def test_asked_as_a_plain_verb_is_not_a_question_cue() -> None:
    found = _attributions("The tenants asked the landlord for a refund.")
    assert all(not (a.source is None and a.cue and a.cue.text == "asked") for _, a in found)


@pytest.mark.parametrize(("text", "source", "cue"), [
    ("As the columnist put it, the council had lost its nerve.", "the columnist", "put it"),
    ("The governor made clear that the road would be finished.", "The governor", "made clear"),
    ("The senator weighed in on the dispute over the dam.", "The senator", "weighed in"),
    ("Marsh fired back at her critics on Tuesday.", "Marsh", "fired back"),
    ("The mayor laid out her plan for the harbor.", "The mayor", "laid out"),
    ("The banner reads: “No more tolls.”", "The banner", "reads"),
    ("Ruiz offered a different view of the vote.", "Ruiz", "offered"),
])
def test_phrasal_and_offer_cues(text: str, source: str, cue: str) -> None:
    found = _attributions(text)
    assert any(a.source is not None and a.source.text == source and _cue_text(a).endswith(cue)
               for _, a in found), [(a.source and a.source.text, _cue_text(a)) for _, a in found]


def test_name_calling_after_a_name() -> None:
    found = _attributions("Critics piled on, with the former mayor Jon Pell calling the plan a fraud.")
    assert any(a.cue.text == "calling" and a.source is not None and "Jon Pell" in a.source.text
               for _, a in found)


# --- speaker labels, fixed -ing phrases ---------------------------------------


def test_dash_signature_after_a_quotation() -> None:
    found = _attributions("Readers wrote in about the ferry.\n\n“The ferry should never have been sold, and "
                          "everyone on the island knew it.” ― Maren Alvik")
    assert any(a.source is not None and a.source.text == "Maren Alvik" for _, a in found), found


def test_dash_inside_a_sentence_is_no_signature() -> None:
    found = _attributions("The mayor ― a cautious woman ― waited for the vote.")
    assert all(a.source is None or a.source.text != "a cautious woman" for _, a in found)


def test_headline_name_label_before_a_colon() -> None:
    found = _attributions("Tomas Berg: Harbour Tolls Will Ruin the Fishermen.\n\nThe vote is on Friday.")
    assert any(a.source is not None and a.source.text == "Tomas Berg" for _, a in found), found


def test_headline_topic_label_is_no_speaker() -> None:
    found = _attributions("The Latest: Council Votes on Harbour Tolls.\n\nThe vote is on Friday.")
    assert all(a.source is None or a.source.text != "The Latest" for _, a in found)


def test_ing_form_of_a_fixed_phrase_needs_its_word() -> None:
    found = _attributions("The council is making its announcement today.")
    assert all(a.cue is None or a.cue.text != "making" for _, a in found)
    found = _attributions("The council published a plan, making clear that tolls would rise.")
    assert any(_cue_text(a) == "making clear" for _, a in found), \
        [(a.source and a.source.text, _cue_text(a)) for _, a in found]


@pytest.mark.parametrize(("text", "source", "cue"), [
    ("The mayor balked at the price of the new bridge.", "The mayor", "balked"),
    ("The union voiced its anger over the closures.", "The union", "voiced"),
    ("The minister bemoaned that nobody read the report.", "The minister", "bemoaned"),
])
def test_stance_verbs(text: str, source: str, cue: str) -> None:
    found = _attributions(text)
    assert any(a.source is not None and a.source.text == source and a.cue is not None and a.cue.text == cue
               for _, a in found), [(a.source and a.source.text, _cue_text(a)) for _, a in found]


def test_nouns_that_are_mostly_not_cues() -> None:
    found = _attributions("The council will voice no opinion and push the vote to May.")
    assert all(a.cue is None or a.cue.text not in ("voice", "push") for _, a in found)


def test_noun_cue_with_an_owner() -> None:
    found = _attributions("The vote came a day after his call for calm in the harbour.")
    assert any(a.source is not None and a.source.text == "his" and _cue_text(a) == "call for" for _, a in found), \
        [(a.source and a.source.text, _cue_text(a)) for _, a in found]


def test_noun_cue_without_an_owner() -> None:
    found = _attributions("The plan drew questions about its cost.")
    assert any(a.source is None and _cue_text(a) == "questions about" for _, a in found)


def test_noun_cue_inside_a_quotation_is_not_an_attribution() -> None:
    found = _attributions("“We have questions about the cost,” the mayor said.")
    assert all(_cue_text(a) != "questions about" for _, a in found)


# --- subjects: intensifiers, dashes, appositions ------------------------------


def test_reflexive_intensifier_ends_a_subject() -> None:
    a = _only("The ferry company itself said the route would close.")
    assert a.source is not None and a.source.text == "The ferry company itself"


def test_participle_with_by_is_no_cue_of_the_noun_before() -> None:
    found = _attributions("The council chose a plan backed by the fishermen.")
    assert all(a.cue is None or a.cue.text != "backed" for _, a in found)


def test_name_suffix_before_an_apposition() -> None:
    found = _attributions("“We will rebuild,” Tomas Berg Jr., the harbour master, said on Monday.")
    assert any(a.source is not None and a.source.text.startswith("Tomas Berg Jr.") for _, a in found), \
        [(a.source and a.source.text, _cue_text(a)) for _, a in found]


def test_apposition_with_its_own_relative_cue() -> None:
    found = _attributions("Mayor Ines Dahl, a councillor who has refused to back the plan, said the vote was rushed.")
    said = [a for _, a in found if a.cue is not None and a.cue.text == "said"]
    assert said and said[0].source is not None and said[0].source.text == "Mayor Ines Dahl"


def test_dash_apposition_before_the_verb() -> None:
    found = _attributions("A former rival -- Tomas Berg, who lost the race in 2012 -- said the result was fair.")
    said = [a for _, a in found if a.cue is not None and a.cue.text == "said"]
    assert said and said[0].source is not None and said[0].source.text.startswith("A former rival")
    assert said[0].source.text.endswith("in 2012")


def test_spaced_hyphen_ends_a_subject() -> None:
    found = _attributions("The port lost money - the harbour master said that was expected.")
    said = [a for _, a in found if a.cue is not None and a.cue.text == "said"]
    assert said and said[0].source is not None and said[0].source.text == "the harbour master"


def test_according_to_an_outlet_stays_a_cue_part_of_the_relayed_claim() -> None:
    found = _attributions("The mayor said the tolls would go, according to Reuters.")
    said = [a for _, a in found if a.cue is not None and a.cue.text == "said"]
    assert said and [v.text for v in said[0].via] == ["Reuters"]
    assert "according to" in [p.text for p in said[0].cue_parts]


def test_opening_mark_typed_as_the_closer() -> None:
    found = _attributions("The port is quiet. “It is unusual,“ said Lena Roos, a lawyer for the union.")
    assert any(a.source is not None and a.source.text.startswith("Lena Roos") for _, a in found), \
        [(a.source and a.source.text, _cue_text(a)) for _, a in found]


@pytest.mark.parametrize(("text", "source"), [
    ("Of the fishermen asked, 43 said the tolls were too high.", "43"),
    ("The tenants were split on the rent, and several said it was fair.", "several"),
])
def test_a_quantity_as_the_subject_of_said(text: str, source: str) -> None:
    found = _attributions(text)
    assert any(a.source is not None and a.source.text == source for _, a in found), \
        [(a.source and a.source.text, _cue_text(a)) for _, a in found]


def test_party_label_and_comma_before_said() -> None:
    found = _attributions("After the vote, Sen. Ines Dahl (D-Ore.), said the bridge would be built.")
    assert any(a.source is not None and a.source.text.startswith("Sen. Ines Dahl") and a.cue.text == "said"
               for _, a in found), [(a.source and a.source.text, _cue_text(a)) for _, a in found]


@pytest.mark.parametrize(("text", "source", "cue"), [
    ("The senator went on to criticize the harbour board.", "The senator", "went on to criticize"),
    ("The mayor made it clear that the tolls would stay.", "The mayor", "made it clear"),
    ("The union took issue with the new rota.", "The union", "took issue with"),
    ("Dahl was quick to point out that the ferry was late.", "Dahl", "was quick to point"),
    ("The minister declined to comment on the report.", "The minister", "declined to comment"),
])
def test_multi_word_predicates(text: str, source: str, cue: str) -> None:
    found = _attributions(text)
    assert any(a.source is not None and a.source.text == source and _cue_text(a).startswith(cue)
               for _, a in found), [(a.source and a.source.text, _cue_text(a)) for _, a in found]


def test_rarely_marked_forms_are_no_cues() -> None:
    found = _attributions("The board advised the tenants to seek a new lawyer.")
    assert all(a.cue is None or a.cue.text not in ("advised", "seek") for _, a in found)


def test_issued_a_statement_saying() -> None:
    found = _attributions("The harbour board issued a statement saying the ferry would run again.")
    assert any(a.source is not None and a.source.text == "The harbour board"
               and _cue_text(a) == "issued a statement saying" for _, a in found), \
        [(a.source and a.source.text, _cue_text(a)) for _, a in found]


# --- an inheriting cue whose clause has no cue verb ------------------------------


@pytest.mark.parametrize(("text", "source", "cue"), [
    ("Hours later, the mayor returned to the podium, telling reporters the bridge would reopen.",
     "the mayor", "telling"),
    ("Mayor Ines Calder took the stage in Kessel, warning that the bridge was unsafe.", "Mayor Ines Calder", "warning"),
    ("The spokesman stayed in his office all day and said the port would stay shut.", "The spokesman", "said"),
])
def test_inheriting_cue_takes_the_subject_of_its_clause(text: str, source: str, cue: str) -> None:
    a = _only(text)
    assert a.source is not None and a.source.text == source
    assert a.cue is not None and a.cue.text == cue


@pytest.mark.parametrize("text", [
    "The decision surprised investors, adding to doubts about the merger.",  # not someone who speaks
    "There was no vote at the meeting, adding to the delay.",
])
def test_inheriting_cue_needs_a_speaker_as_subject(text: str) -> None:
    assert all(a.source is None for _, a in _attributions(text))


# --- a time adverbial between subject and verb ------------------------------------


@pytest.mark.parametrize(("text", "source"), [
    ("The port authority on Tuesday rejected the tender.", "The port authority"),
    ("Ines Calder, the mayor, on Monday morning told the council the bridge was unsafe.", "Ines Calder, the mayor"),
    ("Sen. Ines Dahl (D-Ore.) last week said the bridge was unsafe.", "Sen. Ines Dahl (D-Ore.)"),
])
def test_time_between_subject_and_verb_is_neither_source_nor_cue(text: str, source: str) -> None:
    a = _only(text)
    assert a.source is not None and a.source.text == source
    assert not any(w in _cue_text(a).lower() for w in ("tuesday", "monday", "week"))


def test_time_after_a_participle_dates_the_document() -> None:
    a = _only("A survey released Sunday showed the ferry losing riders.")
    assert a.source is not None and a.source.text == "A survey released Sunday"


# --- a relative clause with its own cue after an inverted source -------------------


def test_relative_clause_with_its_own_cue_is_a_second_attribution() -> None:
    found = _attributions("“The quota is too low,” said Marta Ilves, a fisherman from Kessel, "
                          "who added that the boats would stay in port.")
    pairs = [(a.source and a.source.text, a.cue and a.cue.text) for _, a in found]
    assert ("Marta Ilves, a fisherman from Kessel", "said") in pairs
    assert ("who", "added") in pairs


def test_relative_clause_without_a_cue_stays_in_the_source() -> None:
    a = _only("“The quota is too low,” said Marta Ilves, a fisherman from Kessel, who has worked the coast for years.")
    assert a.source is not None and a.source.text.endswith("who has worked the coast for years")


def test_cited_is_a_cue_but_cited_by_is_a_relay() -> None:
    a = _only("The harbour master cited a survey showing that traffic had doubled.")
    assert a.source.text == "The harbour master" and _cue_text(a) == "cited"
    b = _only("Port officials, cited by The Coastal Herald, said the ferry would stop.")
    assert b.source.text == "Port officials" and _cue_text(b) == "said"


def test_inverted_said_after_an_earlier_cue_in_its_content() -> None:
    found = _attributions("The route she hoped to save is gone, said Ada Brill, a councillor in Eastport.")
    said = [a for _, a in found if _cue_text(a) == "said"]
    assert said and said[0].source.text == "Ada Brill, a councillor in Eastport"


# --- own-account sources ------------------------------------------------------


@pytest.mark.parametrize(("text", "source", "owner"), [
    ("By her own admission, Jane Ruskin lost the key.", "her own admission", "Jane Ruskin"),
    ("According to its own figures, the club Greenfield United lost money.", "its own figures",
     "the club Greenfield United"),
    ("By his own account the mayor was asleep.", "his own account", "the mayor"),
])
def test_own_account_is_a_pronoun_for_the_subject(text, source, owner):
    a = _only(text)
    assert (a.source.text, a.source.kind, a.source.resolved_to) == (source, "pronoun", owner)


def test_own_account_after_a_pronoun_subject_takes_the_person_named_before():
    found = _attributions("Judge Marta Ilves spoke on Monday. She was, by her own account, surprised.")
    own = [a for i, a in found if i == 1]
    assert len(own) == 1 and (own[0].source.text, own[0].source.resolved_to) == ("her own account", "Judge Marta Ilves")


def test_a_description_resolves_to_the_one_person_named_with_that_role():
    found = _attributions("Former Mayor Tom Hendry visited the plant. The former mayor said the plant was too small.")
    assert [(a.source.text, a.source.resolved_to) for _, a in found] == [("The former mayor", "Tom Hendry")]
