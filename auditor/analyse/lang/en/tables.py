"""Word sets the English grammar derives from its lexicon once: verb lemmas and their
"-ing" forms, the word classes a subject or a cue is read with, and phrase indexes."""

from __future__ import annotations

from dataclasses import dataclass

from ....lexicon import Lexicon
from ...tokens import Token

PhraseIndex = dict[str, list[tuple[str, ...]]]  # first word -> phrases starting with it, longest first


@dataclass(frozen=True, slots=True)
class Tables:
    """Derived once per lexicon (``derived_tables``); read on every sentence, so plain fields."""

    ing: dict[str, str]  # "-ing" form -> lemma of a cue verb
    ing_needs: dict[str, frozenset[str]]  # lemma -> the next words it is a cue with ("making clear")
    ing_after_noun: frozenset[str]
    noun_like: frozenset[str]
    pre: frozenset[str]  # auxiliaries and adverbs that join a cue
    be: frozenset[str]
    object_pronouns: frozenset[str]
    non_subjects: frozenset[str]
    relatives: frozenset[str]
    adjunct_openers: frozenset[str]
    parenthetical: frozenset[str]
    colon_not_sources: frozenset[str]
    colon_not_label_ends: frozenset[str]
    not_cues: frozenset[str]
    keepers: PhraseIndex  # "on condition of anonymity"
    keeper_ends: frozenset[str]  # the last words of the keepers, read backward ("… not to be named")
    noun_cues: PhraseIndex
    possessives: frozenset[str]
    intensifiers: frozenset[str]
    quantity_subjects: frozenset[str]
    number_words: frozenset[str]
    issue_verbs: frozenset[str]
    phrasal: PhraseIndex
    noun_cue_modifiers: frozenset[str]
    strong: frozenset[str]
    generic: frozenset[str]
    particles: frozenset[str]
    say_particles: frozenset[str]
    say_lemmas: frozenset[str]
    media: frozenset[str]
    time_words: frozenset[str]
    determiners: frozenset[str]
    passive_cues: frozenset[str]
    sourceless: frozenset[str]
    question_cues: frozenset[str]
    question_openers: frozenset[str]
    question_before: frozenset[str]
    opener_words: frozenset[str]
    subject_pronouns: frozenset[str]
    finite_auxiliaries: frozenset[str]
    irregular_past: frozenset[str]
    not_clause_subjects: frozenset[str]
    time_nouns: frozenset[str]
    time_modifiers: frozenset[str]
    document_nouns: frozenset[str]
    speaker_nouns: frozenset[str]
    adverbs: frozenset[str]
    clause_stops: frozenset[str]  # words that open a clause of their own ("that", "whether", "when")
    stance: frozenset[str]  # "concerned", "adamant": after "be" and before a clause, a cue


def derived_tables(lex: Lexicon) -> Tables:
    """The lexicon's derived word sets, made on first use and kept with the lexicon."""
    return lex.derived(_derive)


def _derive(lex: Lexicon) -> Tables:
    word = lex.word
    return Tables(
        ing=_ing_forms(lex),
        ing_needs=_ing_needs(lex),
        ing_after_noun=word("ing_after_noun"),
        noun_like=word("noun_like_forms"),
        pre=word("auxiliaries"),
        be=word("passive_auxiliaries"),
        object_pronouns=word("object_pronouns"),
        non_subjects=word("non_subject_ends") | word("determiners") | word("attachments")
        | word("subordinators") | word("coordinators"),
        relatives=word("relative_pronouns"),
        adjunct_openers=word("adjunct_openers"),
        parenthetical=word("parenthetical_words"),
        colon_not_sources=word("colon_not_sources"),
        colon_not_label_ends=word("colon_not_label_ends"),
        not_cues=word("not_cue_forms"),
        keepers=_keeper_index(lex),
        keeper_ends=frozenset(keeper[-1] for keeper in lex.phrase_keepers),
        noun_cues=_phrase_index(word("noun_cues")),
        possessives=word("possessive_determiners"),
        intensifiers=word("intensifiers"),
        quantity_subjects=word("quantity_subjects"),
        number_words=word("number_words"),
        issue_verbs=word("issue_verbs"),
        phrasal=_phrase_index(word("phrasal_cues")),
        noun_cue_modifiers=word("noun_cue_modifiers"),
        strong=word("strong_cue_forms"),
        generic=word("generic_subjects"),
        particles=word("cue_particles"),
        say_particles=word("say_particles"),
        say_lemmas=word("say_lemmas"),
        media=word("cue_media"),
        time_words=word("time_words"),
        determiners=word("determiners"),
        passive_cues=word("passive_cue_forms"),
        sourceless=word("sourceless_cue_forms"),
        question_cues=word("question_cues"),
        question_openers=word("question_openers"),
        question_before=word("question_before"),
        opener_words=word("attachments") | word("subordinators") | word("clause_opener_adverbs"),
        subject_pronouns=word("person_pronouns") | {"they", "we", "i"},
        finite_auxiliaries=word("verbs_before_subject") | word("passive_auxiliaries") - {"be", "been", "being"},
        irregular_past=word("irregular_past_forms"),
        not_clause_subjects=word("not_clause_subjects"),
        time_nouns=word("subject_time_words"),
        time_modifiers=word("time_modifiers"),
        document_nouns=lex.kinds.get("document", frozenset()),
        speaker_nouns=frozenset().union(*(lex.kinds.get(k, frozenset()) for k in (
            "person", "organization", "anonymous", "vague", "outlet_words"))),
        adverbs=word("auxiliaries") - word("verbs_before_subject") - word("passive_auxiliaries"),
        clause_stops=word("subordinators") | word("backward_stops") | word("question_openers"),
        stance=word("stance_adjectives"),
    )


def _ing_forms(lex: Lexicon) -> dict[str, str]:
    """The "-ing" form of every cue verb's lemma ("admit" -> "admitting"), but the lexicon's exceptions."""
    lemmas: dict[str, str] = {}
    for readings in lex.verb_forms.values():
        for reading in readings:
            lemmas.setdefault(reading.lemma, reading.lemma)
    ing: dict[str, str] = {}
    for lemma in lemmas:
        stems = [lemma, lemma[:-1]] if lemma.endswith("e") and not lemma.endswith("ee") else [lemma]
        if len(lemma) >= 3 and lemma[-1] in "bdgmnprt" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
            stems.append(lemma + lemma[-1])  # "admit" -> "admitting"
        for stem in stems:
            ing[stem + "ing"] = lemma
    for form in lex.word("ing_forms_not_cues"):
        ing.pop(form, None)
    return ing


def _ing_needs(lex: Lexicon) -> dict[str, frozenset[str]]:
    """"-ing" forms of verbs that are cues only in a fixed phrase keep that condition
    ("making clear", not "making its announcement"; "pointing out")."""
    needs: dict[str, frozenset[str]] = {}
    for readings in lex.verb_forms.values():
        for reading in readings:
            if reading.needs_next is not None:
                needs[reading.lemma] = reading.needs_next
    return needs


def _keeper_index(lex: Lexicon) -> PhraseIndex:
    index: PhraseIndex = {}
    for keeper in sorted(lex.phrase_keepers, key=len, reverse=True):
        index.setdefault(keeper[0], []).append(keeper)
    return index


def _phrase_index(phrases) -> PhraseIndex:
    index: PhraseIndex = {}
    for phrase in sorted((tuple(p.split()) for p in phrases), key=len, reverse=True):
        if phrase:
            index.setdefault(phrase[0], []).append(phrase)
    return index


def phrase_at(tokens: list[Token], k: int, index: PhraseIndex) -> int:
    """Length of the longest phrase of ``index`` that starts at token k, or 0."""
    for phrase in index.get(tokens[k].lower, ()):
        n = len(phrase)
        if k + n <= len(tokens) and all(tokens[k + i].lower == phrase[i] for i in range(n)):
            return n
    return 0


def keeper_at(tokens: list[Token], k: int, lex: Lexicon) -> int:
    """Length of a phrase keeper ("on condition of anonymity") at token k, or 0."""
    return phrase_at(tokens, k, derived_tables(lex).keepers)


def keeper_ending_at(tokens: list[Token], k: int, lex: Lexicon) -> int | None:
    """The first token of a phrase keeper that ends at token k ("who asked not to be
    named"), or None; a subject read backward takes the keeper whole."""
    tables = derived_tables(lex)
    if tokens[k].lower not in tables.keeper_ends:
        return None
    for s in range(k - 1, max(-1, k - 8), -1):
        if phrase_at(tokens, s, tables.keepers) == k - s + 1:
            return s
    return None
