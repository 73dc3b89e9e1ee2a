"""The kind of a German source, and whether a person phrase names someone who can
speak ("Die Ministerin", "Anna Weber"; not "Das Unwetter"): a person without a name is
anonymous, and a name met after a noun for a body is that body."""

from __future__ import annotations

from itertools import pairwise

from ....lexicon import Lexicon
from ....models import TaggedSentence
from ...phrases import Range, head_range, matches
from ...phrases import classify as classify_phrase
from ...tokens import Token
from .words import is_statement

DEFINITE = frozenset({"der", "die", "das", "den", "dem", "des"})


def classify(tokens: list[Token], rng: Range, lex: Lexicon) -> str:
    """The kind of a source; a statement noun with a named owner takes the owner's
    kind ("Angaben der Polizei" is the police)."""
    kind, _owner = _statement_kind(tokens, rng, lex)
    return kind


def source_kind(tokens: list[Token], rng: Range, lex: Lexicon) -> str:
    """The kind a source is reported with: a person phrase without a name ("ein Sprecher",
    "der junge Polizist", "Aussage des Aktivisten") is anonymous, as a reader cannot check it."""
    kind, owner = _statement_kind(tokens, rng, lex)
    return "anonymous" if kind == "person" and unnamed(tokens, owner, lex) else kind


def unnamed(tokens: list[Token], rng: Range, lex: Lexicon) -> bool:
    """A determiner, adjectives and one noun for a person, and no name: "Ein BMW-Händler",
    "dessen Chef", "der Konzern-Sprecher"; not an office with "der" ("der Minister").
    An age ("der 48-Jährige") stands for someone named before; "kein" makes it vague, not anonymous."""
    start, end = head_range(tokens, rng, lex)
    first = tokens[start].lower
    if end - start < 2 or first not in lex.word("determiners") or first in ("kein", "keine"):
        return False
    if any(t.text in ",(" for t in tokens[end:rng[1]]):
        return False  # the name follows in apposition: "der Sprecher des Amtes, Jan Ott"
    capitals: list[str] = []
    for t in tokens[start + 1:end]:
        if capitals and not t.is_cap:
            break  # where the person is, not who: "Ein Händler in Weimar"
        if t.is_cap:
            capitals.append(t.lower)
    if len(capitals) != 1 or capitals[0].endswith(("jährige", "jähriger")):
        return False
    noun, roles = capitals[0], lex.kinds.get("person", frozenset())
    if first in DEFINITE and noun in roles:
        return False  # "der Minister": an office, a description of someone named before
    return matches(noun, roles, True) or noun.endswith(tuple(lex.kinds.get("person_endings", ())))


def _statement_kind(tokens: list[Token], rng: Range, lex: Lexicon) -> tuple[str, Range]:
    """The kind, and the phrase that decided it (the owner of "Angaben der Polizei")."""
    start, end = rng
    nouns = lex.word("statement_nouns")
    attachments = lex.word("attachments")
    documents = lex.kinds.get("document", frozenset())
    for k in range(start, min(end, start + 4)):
        t = tokens[k]
        if t.is_cap and is_statement(t, nouns):
            if "-" in t.text and (t.text.split("-")[0],) in lex.outlets:
                return "outlet", rng  # an outlet's own research: "NDR-Recherchen"
            if t.lower in documents or any(t.lower[j:] in documents for j in range(1, len(t.lower) - 4)):
                return "document", rng  # "einer Studie des Instituts"
            if k + 1 < end and tokens[k + 1].lower in attachments and k + 2 < end:
                # "Angaben der Polizei": the police; the owner keeps its article ("des Aktivisten")
                return classify_phrase(tokens, (k + 2, end), lex), (k + 1, end)
            if own_account(tokens, (start, k + 1), lex):
                return "pronoun", rng  # "eigenen Angaben", "seinen Angaben": the subject's own word
            return "vague", rng  # "Medienberichten"
    return classify_phrase(tokens, rng, lex), rng


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


def bodies_by_mention(tagged: list[TaggedSentence], lex: Lexicon,
                      sentence_tokens: list[list[Token]]) -> list[TaggedSentence]:
    """A bare name met before after a noun for a body is that body: "Der Rüstungskonzern
    Brandt … Brandt erklärte" is a company, though "Brandt" alone reads as a person."""
    titles = lex.kinds.get("body_titles", frozenset())
    # only one-word names of person sources can turn out to be bodies ("Brandt"): an article with
    # none is not read again
    names = {a.source.text for s in tagged for a in s.attributions
             if a.source is not None and a.source.kind == "person" and " " not in a.source.text}
    if not names:
        return tagged
    known: set[str] = set()
    out = list(tagged)
    for i, s in enumerate(out):
        toks = sentence_tokens[i]
        known.update(b.text for a, b in pairwise(toks)
                     if b.text in names and a.is_cap and b.is_word and matches(a.lower, titles, True))
        if not known or not any(a.source is not None and a.source.kind == "person" and a.source.text in known
                                for a in s.attributions):
            continue
        attributions = tuple(
            a.model_copy(update={"source": a.source.model_copy(update={"kind": "organization"})})
            if a.source is not None and a.source.kind == "person" and a.source.text in known else a
            for a in s.attributions)
        out[i] = s.model_copy(update={"attributions": attributions})
    return out
