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
            return "vague"  # "eigenen Angaben", "Medienberichten"
    return classify_phrase(tokens, rng, lex)


def speaker_like(tokens: list[Token], source: Range, lex: Lexicon) -> bool:
    """A person source that names someone: a role noun ("Die Ministerin") or a name
    ("Anna Weber", "Weber"), not a common noun of unknown kind ("Das Unwetter")."""
    roles = lex.kinds.get("person", frozenset())
    determiners = lex.word("determiners")
    for k in range(source[0], source[1]):
        t = tokens[k]
        if not t.is_cap:
            continue
        if matches(t.lower, roles, True):
            return True
        if k > source[0] and tokens[k - 1].is_cap or k == source[0] and t.lower not in determiners:
            return True  # "Anna Weber", "Weber"
    return False


def names_someone(tokens: list[Token], rng: Range, lex: Lexicon) -> bool:
    """A person phrase with a role noun or a name ("Die Ministerin", "Anna Weber"), not a
    common noun after an article ("Die Konflikte")."""
    roles = lex.kinds.get("person", frozenset())
    determiners = lex.word("determiners")
    for k in range(*rng):
        t = tokens[k]
        if not t.is_cap or t.lower in determiners:
            continue
        if matches(t.lower, roles, True) or t.lower in lex.word("subject_pronouns"):
            return True
        if k > rng[0] and tokens[k - 1].is_cap and tokens[k - 1].lower not in determiners:
            return True  # "Anna Weber"
        if k == rng[0] and k > 0:
            return True  # a name after an opener: "Auch Weber …"
    return rng[1] - rng[0] == 1 and tokens[rng[0]].lower not in determiners
