"""How far an English cue reaches around its verb: the auxiliaries and adverbs before it
("has repeatedly said"), a time adverbial passed over on the way ("The campaign on Tuesday
responded"), and a particle or medium after it ("called for", "said in a statement")."""

from __future__ import annotations

from ...tokens import QUOTE_CHARS, Token
from .tables import Tables

MAX_PRE = 4  # auxiliaries and adverbs before a cue verb: "has not yet publicly said"


def pre_run(tokens: list[Token], i: int, tables: Tables, skipped: list[int] | None = None) -> int:
    """Start of the auxiliaries and adverbs before token i ("has also" said). A time
    adverbial between them and the subject is passed over and its tokens put in ``skipped``."""
    pre = tables.pre
    k = i
    while k > 0 and i - k < MAX_PRE:
        if skipped is not None:
            time = _time_run(tokens, k, tables)
            if time is not None:
                skipped.extend(range(time, k))  # "The campaign on Tuesday responded"
                k = time
                continue
        token = tokens[k - 1]
        lower = token.lower
        if not token.is_word or token.is_cap:
            break
        if lower in pre or lower.endswith("ly") and len(lower) > 4 and lower not in tables.non_subjects:
            k -= 1
            continue
        if lower.endswith(("n't", "n’t")) and len(lower) > 3:  # "didn't", "hasn’t"
            k -= 1
            continue
        break
    return k


def _time_run(tokens: list[Token], k: int, tables: Tables) -> int | None:
    """Start of a time adverbial that ends right before token k and stands between a subject
    and its verb ("Sanders on Wednesday morning", "Trump earlier Tuesday", "last month");
    PolNeAR mostly leaves it out of both the source and the cue. Not after a participle or a document
    ("a poll released Sunday showed", "a Times poll last year"), where it dates the document."""
    q = k
    named = False
    while q > 0 and k - q < 3 and tokens[q - 1].is_word and (
            tokens[q - 1].lower in tables.time_nouns or tokens[q - 1].lower in tables.time_modifiers):
        named = named or tokens[q - 1].lower in tables.time_nouns
        q -= 1
    if not named:
        return None
    if q > 0 and tokens[q - 1].lower in ("on", "during"):
        q -= 1
    if q == 0 or not tokens[q - 1].is_word and tokens[q - 1].text not in ",)":
        return None  # "Calder, the mayor, on Monday told", "Dahl (D-Ore.) on Monday said"
    before = tokens[q - 1].lower
    if before.endswith(("ed", "en")) or before in tables.irregular_past or before in tables.document_nouns \
            or before in tables.determiners or before in tables.non_subjects:
        return None
    return q


def cue_tail(tokens: list[Token], i: int, lemma: str, tables: Tables) -> list[int]:
    """Words after the verb that belong to the cue: a particle ("called for", "talked about")
    or a medium ("said in a statement", "told … in an interview")."""
    n = len(tokens)
    k = i + 1
    if k >= n or not tokens[k].is_word:
        return []
    lower = tokens[k].lower
    after = tokens[k + 1] if k + 1 < n else None
    if lower in ("in", "during") and after is not None and after.lower in ("a", "an", "the", "his", "her", "their") \
            and k + 2 < n and tokens[k + 2].lower in tables.media:
        if k + 3 < n and tokens[k + 3].lower == "with":
            return [k, k + 1, k + 2, k + 3]  # "in an interview with Reuters": the outlet is a via
        return [k, k + 1, k + 2]
    particles = tables.say_particles if lemma in tables.say_lemmas else tables.particles
    if lower == "to" and after is not None and after.is_word and not _nominal_start(after, tables):
        return []  # "declined to comment": an infinitive marker, not a particle ("referred to the law")
    if lower in particles and after is not None and (after.is_word or after.text in QUOTE_CHARS) \
            and after.lower not in tables.time_words and not after.is_number:
        return [k]
    return []


def _nominal_start(token: Token, tables: Tables) -> bool:
    """A word that can open a noun phrase: a name, number, determiner, pronoun or "-ing" form."""
    lower = token.lower
    return token.is_cap or token.is_number or lower in tables.determiners or lower in tables.object_pronouns \
        or lower.endswith("ing")
