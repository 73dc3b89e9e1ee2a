"""Readings of single tokens that every grammar needs: the last word of a
span, and the cue-verb reading of a word with or without its separated particle."""

from __future__ import annotations

from collections.abc import Sequence

from ..lexicon import Lexicon, VerbForm
from .tokens import Token


def last_word(tokens: list[Token], start: int, end: int) -> int | None:
    """The index of the last word (not punctuation) in tokens[start:end]."""
    for k in range(end - 1, start - 1, -1):
        if tokens[k].is_word:
            return k
    return None


def verb_reading(tokens: list[Token], i: int, clause_end: int, lex: Lexicon) -> tuple[VerbForm, int | None] | None:
    """The cue reading of token i, with the position of its separated particle."""
    forms = lex.verb_forms.get(tokens[i].key)
    if not forms:
        return None
    last = last_word(tokens, i + 1, clause_end)
    particle_at = last if last is not None and tokens[last].lower in lex.particles else None
    for form in forms:
        if form.particle and particle_at is not None and tokens[particle_at].lower == form.particle:
            return form, particle_at
    return plain_reading(tokens, i, forms)


def plain_reading(tokens: list[Token], i: int, forms: Sequence[VerbForm]) -> tuple[VerbForm, int | None] | None:
    """The first of ``forms`` (token i's readings) that needs no separated particle, with the
    position of the next word when the form is a cue only before it ("pointed out")."""
    for form in forms:
        if form.particle:
            continue
        if form.needs_next is not None:
            nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
            if nxt not in form.needs_next:
                continue
            return form, i + 1
        return form, None
    return None
