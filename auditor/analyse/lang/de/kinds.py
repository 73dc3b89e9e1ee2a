"""The kind of a German source, and whether a person phrase names someone who can
speak ("Die Ministerin", "Anna Weber"; not "Das Unwetter")."""

from __future__ import annotations

from ....lexicon import Lexicon
from ...phrases import Range, matches
from ...phrases import classify as classify_phrase
from ...tokens import Token
from .words import is_statement


def classify(tokens: list[Token], rng: Range, lex: Lexicon) -> str:
    """The kind of a source; a statement noun with a named owner takes the owner's
    kind ("Angaben der Polizei" is the police)."""
    start, end = rng
    nouns = lex.word("statement_nouns")
    attachments = lex.word("attachments")
    documents = lex.kinds.get("document", frozenset())
    for k in range(start, min(end, start + 4)):
        t = tokens[k]
        if t.is_cap and is_statement(t, nouns):
            if t.lower in documents or any(t.lower[j:] in documents for j in range(1, len(t.lower) - 4)):
                return "document"  # "einer Studie des Instituts"
            if k + 1 < end and tokens[k + 1].lower in attachments and k + 2 < end:
                return classify_phrase(tokens, (k + 2, end), lex)  # "Angaben der Polizei": the police
            if own_account(tokens, (start, k + 1), lex):
                return "pronoun"  # "eigenen Angaben", "seinen Angaben": the subject's own word
            return "vague"  # "Medienberichten"
    return classify_phrase(tokens, rng, lex)


def own_account(tokens: list[Token], rng: Range, lex: Lexicon) -> bool:
    """ "eigenen Angaben", "seinen Angaben": a possessive before the statement noun makes the
    statement the clause subject's own, not a vague report."""
    openers = lex.word("own_account_openers")
    return any(tokens[k].lower in openers for k in range(rng[0], rng[1]))


def names_someone(tokens: list[Token], rng: Range, lex: Lexicon, *, strict: bool = False) -> bool:
    """A person phrase that names someone who can speak: a role noun ("Die Ministerin") or a
    name ("Anna Weber", "Weber").

    ``strict`` asks more of a name: an article is never part of it ("Die Konflikte" names no
    one), a pronoun counts ("Er"), and a capitalised word opening the phrase counts only
    after an opener ("Auch Weber …") or alone ("Weber"). Without it, any capitalised word
    after another or opening the phrase, if no article, is taken for a name."""
    roles = lex.kinds.get("person", frozenset())
    determiners = lex.word("determiners")
    start, end = rng
    for k in range(start, end):
        t = tokens[k]
        if not t.is_cap or strict and t.lower in determiners:
            continue
        if matches(t.lower, roles, True) or strict and t.lower in lex.word("subject_pronouns"):
            return True
        if k > start and tokens[k - 1].is_cap and not (strict and tokens[k - 1].lower in determiners):
            return True  # "Anna Weber"
        if k == start and (k > 0 if strict else t.lower not in determiners):
            return True  # "Weber"; strict, a name after an opener: "Auch Weber …"
    return strict and end - start == 1 and tokens[start].lower not in determiners
