"""German mood: does a sentence with no cue go on in Konjunktiv I, the mood of reported speech?"""

from __future__ import annotations

from ....lexicon import Lexicon
from ...tokens import Token
from .words import function_words

# the finite verb of a main clause stands second: it is found within the first few words
_VERB_WITHIN = 8


def carries_report(tokens: list[Token], lex: Lexicon) -> bool:
    """A listed Konjunktiv I form ("sei", "habe"), a Konjunktiv II form standing in for one
    where the two would read alike ("sie hätten"), or a Konjunktiv I made by its ending:
    "Die Bundespolizei kontrolliere alle Einreisenden", "Jeder Antrag bedeute Arbeit",
    "Man prüfe alle Varianten"."""
    subjunctive = lex.derived(_subjunctive)
    if any(t.lower in subjunctive for t in tokens):
        return True
    return any(_first_ending(tokens, k, lex) for k in range(1, min(len(tokens) - 1, _VERB_WITHIN)))


def _subjunctive(lex: Lexicon) -> frozenset[str]:
    # made once per lexicon: asked of every sentence without a cue after an attributed one
    return lex.word("subjunctive_forms") | lex.word("subjunctive_substitutes")


def _first_ending(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Is the word at k a verb in the third person of Konjunktiv I by its "-e" (not "-te")? It stands
    after a noun that is not the sentence's first word (so not "Die neue Regel"), and before
    no "ich" ("Am Montag sage ich" is the indicative)."""
    t, before, after = tokens[k], tokens[k - 1], tokens[k + 1]
    if t.is_cap or not t.is_word or not t.lower.endswith("e") or len(t.lower) < 4:
        return False
    if t.lower.endswith("te"):
        return False  # "äußerte", "sagte": the past tense; a verb whose stem ends in -t is listed
    if t.lower in function_words(lex) or t.lower in lex.word("determiners") \
            or t.lower in lex.word("not_subjunctive_endings"):
        return False
    if after.lower == "ich":
        return False
    if before.lower in lex.word("subjunctive_subject_pronouns"):
        # "Man prüfe alle Varianten", "Aber das heiße nicht, …"; not "Das gerade gebaute Haus"
        return before.lower not in lex.word("determiners") or not (
            after.is_cap or k + 2 < len(tokens) and tokens[k + 2].is_cap)
    return k - 1 > 0 and before.is_cap and before.is_word and before.lower not in lex.word("determiners")
