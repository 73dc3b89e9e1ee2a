"""Reported content: whether a later cue in a sentence stands inside what an earlier cue
reports ("said the poll showed") or opens a main clause of its own ("…; Smith said")."""

from __future__ import annotations

from ....lexicon import Lexicon
from ...found import Found
from ...tokens import FINAL_PUNCT, QUOTE_CHARS, Token
from .tables import Tables
from .words import spaced_dash


def in_reported_content(tokens: list[Token], start: int, i: int, item: Found, lex: Lexicon, tables: Tables) -> bool:
    """Whether the cue ``item`` of the verb at i stands inside the content that starts after token ``start``."""
    return not _clause_break_between(tokens, start, i, lex) and not _new_subject(tokens, start, item, tables) \
        and not _inverted_after_comma(tokens, item, tables)


def _inverted_after_comma(tokens: list[Token], item: Found, tables: Tables) -> bool:
    """ "The route she hoped to save is gone, said Smith.": a verb of
    saying after a comma with its source closing the sentence is the main clause; the
    earlier cue sits inside its content, not the other way round. Other verbs there are
    a list of predicates ("slams Trump, praises Clinton")."""
    if item.source is None or item.source[0] <= max(item.cue) or item.lemma not in tables.say_lemmas:
        return False
    first = min(item.cue)
    end = item.source[1]
    closes = end >= len(tokens) or tokens[end].text in FINAL_PUNCT or tokens[end].text in QUOTE_CHARS
    return closes and first > 0 and tokens[first - 1].text == ","


def _new_subject(tokens: list[Token], a: int, item: Found, tables: Tables) -> bool:
    """The later cue has a subject of its own that opens a main clause after the content of
    the cue at a: "While not everything Trump says is true, Jamieson said …", "One in three
    said … and one in four said …"."""
    if item.source is None or item.source[1] > min(item.cue) or item.lemma not in tables.say_lemmas:
        return False
    start = item.source[0]
    if start <= a + 1:
        return False
    before = tokens[start - 1]
    return before.text == "," or before.lower in ("and", "but") and not before.is_cap


def _clause_break_between(tokens: list[Token], a: int, b: int, lex: Lexicon) -> bool:
    """A new main clause starts between tokens a and b ("…; Smith said", "…, but Smith said")."""
    for k in range(a + 1, b):
        text = tokens[k].text
        if text in ";–—" or text in QUOTE_CHARS or spaced_dash(tokens, k):
            return True
        if text == "," and k + 1 < b and tokens[k + 1].lower in lex.word("clause_openers"):
            return True
    return False
