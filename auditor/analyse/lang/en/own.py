"""English "by his own account", "according to its own figures": the statement is the
clause subject's own, so its source is a pronoun standing for that subject."""

from __future__ import annotations

from ....lexicon import Lexicon
from ...found import Found
from ...phrases import Range
from ...tokens import Token
from .phrases import phrase_forward
from .tables import derived_tables


def _own_at(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """ "his own" at k."""
    return k + 1 < len(tokens) and tokens[k].lower in lex.word("possessive_determiners") \
        and tokens[k + 1].lower == "own"


def _owner(tokens: list[Token], src: Range, lex: Lexicon) -> Range | None:
    """The subject the own-account phrase stands for: the phrase opening the sentence, or
    after an opening "By its own account," the one after the comma; not a lone pronoun,
    which the links between sentences resolve."""
    n = len(tokens)
    start = 0
    if src[0] <= 2:
        start = src[1] + 1 if src[1] < n and tokens[src[1]].text == "," else src[1]
    rng = phrase_forward(tokens, start, n, lex) if start < n else None
    rng = _before_verb(tokens, rng, lex) if rng is not None else None
    if rng is None or rng[0] < src[1] and src[0] < rng[1]:
        return None
    if rng[1] - rng[0] == 1 and tokens[rng[0]].lower in lex.kinds.get("pronoun", ()):
        return None
    return rng


def _before_verb(tokens: list[Token], rng: Range, lex: Lexicon) -> Range:
    """The phrase up to a finite verb: "Jane Ruskin forgot the key" is "Jane Ruskin"."""
    tables = derived_tables(lex)
    for k in range(rng[0] + 1, rng[1]):
        lower = tokens[k].lower
        if tokens[k].is_word and not tokens[k].is_cap and (
                lower in tables.finite_auxiliaries or lower in tables.irregular_past
                or len(lower) > 4 and lower.endswith("ed") or lower in lex.word("finite_verbs")):
            return (rng[0], k)
    return rng


def _by_own(tokens: list[Token], lex: Lexicon, taken: set[int]) -> list[Found]:
    """ "by his own account": "by" is the cue, "his own account" the source."""
    nouns = lex.word("own_account_nouns")
    found = []
    for k, token in enumerate(tokens[:-3]):
        if token.lower == "by" and _own_at(tokens, k + 1, lex) and tokens[k + 3].lower in nouns \
                and taken.isdisjoint(range(k, k + 4)):
            found.append(Found(source=(k + 1, k + 4), cue=[k], mode="according_to", head=k))
    return found


def settle(found: list[Found], tokens: list[Token], lex: Lexicon) -> list[Found]:
    """Own-account sources become pronouns standing for the clause subject."""
    taken = {k for f in found for k in f.cue}
    taken.update(k for f in found if f.source is not None for k in range(*f.source))
    found = found + _by_own(tokens, lex, taken)
    for item in found:
        if item.source is not None and _own_at(tokens, item.source[0], lex):
            item.kind = "pronoun"
            item.antecedent = item.antecedent or _owner(tokens, item.source, lex)
    return found
