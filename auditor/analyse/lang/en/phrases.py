"""English source phrases: a noun phrase read forward from a token ("a senior official
who ...", "said Smith") or backward to the start of its clause ("... Smith said")."""

from __future__ import annotations

from ....lexicon import Lexicon
from ...phrases import MAX_PHRASE, Range, is_boundary
from ...tokens import Token
from .tables import keeper_at, keeper_ending_at
from .words import (
    abbreviation_dot,
    closing_paren,
    opening_paren,
    possessive_mark,
    spaced_dash,
)


def forward(tokens: list[Token], k: int, end: int, lex: Lexicon) -> Range | None:
    """``phrase_forward``, or None when k is at the end already."""
    return phrase_forward(tokens, k, end, lex) if k < end else None


def backward(tokens: list[Token], k: int, begin: int, lex: Lexicon) -> Range | None:
    """``phrase_backward``, or None when k is before the beginning."""
    return phrase_backward(tokens, k, begin, lex) if k >= begin else None


def phrase_forward(tokens: list[Token], k: int, end: int, lex: Lexicon) -> Range | None:
    """An English source phrase starting at token k ("a senior official who ...")."""
    start = k
    last_good = None
    limit = min(end, k + MAX_PHRASE)
    stoppers = lex.word("phrase_stoppers")
    while k < limit:
        keep = keeper_at(tokens, k, lex)
        if keep:
            k += keep
            last_good = k
            continue
        token = tokens[k]
        if not token.is_word:
            if token.text in "'’-&." and last_good is not None and not spaced_dash(tokens, k):
                k += 1
                continue
            if token.text == "(" and last_good is not None:
                close = closing_paren(tokens, k, limit)
                if close is not None:  # "Rep. Elijah Cummings (D-Md.)"
                    k = close + 1
                    last_good = k
                    continue
            break
        lower = token.lower
        if lower == "and" and k + 1 < limit and tokens[k + 1].is_cap and last_good is not None:
            k += 1  # "Smith and Jones"
            continue
        if lower in stoppers and k > start:
            break
        if lower in stoppers and not token.is_cap:
            break
        if lower in ("who", "which") and k > start:
            break
        k += 1
        if lower not in lex.word("determiners"):
            last_good = k
    if last_good is None:
        return None
    # trailing prepositions carry nothing ("officials in")
    while last_good > start and tokens[last_good - 1].lower in lex.word("attachments"):
        last_good -= 1
    return (start, last_good) if last_good > start else None


def phrase_backward(tokens: list[Token], k: int, begin: int, lex: Lexicon) -> Range | None:
    """An English subject ending at token k, read backward to the clause boundary."""
    end = k + 1
    start = None
    limit = max(begin, k - MAX_PHRASE)
    stops = lex.word("subordinators") | lex.word("backward_stops")
    verbs_before = lex.word("passive_auxiliaries") | lex.word("verbs_before_subject")
    while k >= limit:
        token = tokens[k]
        if token.text == ")" and start is not None or token.text == ")" and k == end - 1:
            opening = opening_paren(tokens, k, limit)
            if opening is None or opening == 0:
                break
            start = opening  # "Cummings (D-Md.)"
            k = opening - 1
            continue
        if abbreviation_dot(tokens, k) or possessive_mark(tokens, k):
            k -= 1  # "Joseph R. Biden Jr.", "Sanders’ campaign manager"
            continue
        keeper = keeper_ending_at(tokens, k, lex) if token.is_word else None
        if keeper is not None and keeper > limit:
            start, k = keeper, keeper - 1  # "an official who asked not to be named said": the keeper is part of it
            continue
        if is_boundary(token) or token.text in "()[]" or spaced_dash(tokens, k):
            break
        lower = token.lower
        if lower in stops and token.key.islower() and not keeper_at(tokens, k, lex):
            break
        if lower in verbs_before and token.key.islower():
            break
        if lower == "and" and not (k > 0 and tokens[k - 1].is_cap):
            break
        start = k
        k -= 1
    if start is None:
        return None
    while start < end and (tokens[start].lower in lex.word("coordinators") or not tokens[start].is_word
                           or tokens[start].lower in lex.word("subject_openers")):
        start += 1
    # a subject pronoun starts its own subject: "… in line with what he said" -> "he"
    pronouns = lex.kinds.get("pronoun", frozenset())
    for q in range(end - 1, start, -1):
        if tokens[q].lower in pronouns and tokens[q].lower != "it":
            start = q
            break
    return (start, end) if start < end else None
