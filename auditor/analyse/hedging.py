"""Hedge cues in a sentence and the sentence's hedge level (see rules/hedging.toml)."""

from __future__ import annotations

from ..lexicon import HedgePattern, Lexicon, hedge_thresholds
from ..models import HedgeLevel
from .tokens import Token, find_patterns, is_numeric


def find_hedges(tokens: list[Token], lex: Lexicon, skip: set[int] = frozenset()) -> list[tuple[HedgePattern, list[int]]]:
    """Hedge patterns matched in the sentence, except on the tokens in ``skip``.

    ``skip`` holds the tokens of reported speech in Konjunktiv I, which are
    the reporter's grammar, not doubt ("solle", "könne").
    """
    hits = []
    for hedge, idx in find_patterns(tokens, lex.hedge_index):
        if skip.intersection(idx):
            continue
        if hedge.only_before_number:
            nxt = idx[-1] + 1
            if nxt >= len(tokens) or not is_numeric(tokens[nxt]):
                continue
        hits.append((hedge, idx))
    return hits


def hedge_level(weights: list[float]) -> HedgeLevel:
    total = sum(weights)
    thresholds = hedge_thresholds()
    if total >= thresholds["high"]:
        return "high"
    if total >= thresholds["medium"]:
        return "medium"
    if total >= thresholds["low"]:
        return "low"
    return "none"
