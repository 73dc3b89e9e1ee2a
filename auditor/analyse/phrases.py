"""Noun phrases that name a source, found by scanning from a cue.

There is no parser here: each language's grammar reads a source phrase forward
("laut X", "sagte X") or backward ("X sagte", "X zufolge") from the cue over the
words that can make up a noun phrase, using the word classes of the lexicon.
Every scan is bounded (``MAX_PHRASE`` words), so the cost per cue is constant.
This module holds what is shared: phrase bounds and the kind of a source.
"""

from __future__ import annotations

from ..lexicon import Lexicon
from .tokens import FINAL_PUNCT, QUOTE_CHARS, Token

MAX_PHRASE = 18

Range = tuple[int, int]  # token indices [start, end)


def is_boundary(token: Token) -> bool:
    """A punctuation mark no source phrase reads across."""
    return not token.is_word and (token.text in ",;:" or token.text in QUOTE_CHARS
                                  or token.text in FINAL_PUNCT or token.text in "–—")


# --- kinds -----------------------------------------------------------------


def head_range(tokens: list[Token], rng: Range, lex: Lexicon) -> Range:
    """The words before the first attachment ("Sprecher" of "Sprecher des Amtes")."""
    start, end = rng
    attachments = lex.word("attachments") | lex.word("relative_pronouns")
    for k in range(start + 1, end):
        token = tokens[k]
        if token.text in ",(" or (token.lower in attachments and not token.is_cap):
            return (start, k)
    return rng


def matches(word: str, nouns: frozenset[str], compounds: bool) -> bool:
    """Whether a word is one of the nouns, or (compounding languages) ends in one."""
    if word in nouns:
        return True
    if compounds:
        # German compounds: "sicherheitsexperten" ends in "experten"; one set
        # lookup per possible ending keeps this independent of the list size
        return any(word[i:] in nouns for i in range(1, len(word) - 3))
    return False


def outlet_at(tokens: list[Token], rng: Range, lex: Lexicon) -> str | None:
    """The outlet name inside the phrase, if any ("The Telegraph", "Reuters")."""
    start, end = rng
    for i in range(start, end):
        for n in range(min(lex.max_outlet_words, end - i), 0, -1):
            name = tuple(t.text for t in tokens[i:i + n])
            if name in lex.outlets:
                return " ".join(name)
    return None


def classify(tokens: list[Token], rng: Range, lex: Lexicon) -> str:
    start, end = rng
    words = [t.lower for t in tokens[start:end] if t.is_word]
    kinds = lex.kinds
    if len(words) == 1 and words[0] in kinds.get("pronoun", ()):
        return "pronoun"
    everything = " ".join(words)
    if any(phrase in everything for phrase in lex.anonymity_phrases):
        return "anonymous"
    head_start, head_end = head_range(tokens, rng, lex)
    head = [t.lower for t in tokens[head_start:head_end] if t.is_word]
    compounds = lex.compounds
    if outlet_at(tokens, (head_start, head_end), lex) and not any(
            matches(w, kinds.get("person", frozenset()), compounds) for w in head):
        return "outlet"
    # the last noun of the head decides ("die Quellen", "Sicherheitsexperten"),
    # then any role noun ("Verteidigungsminister Grant Shapps")
    nouns = [w for w, t in zip(head, tokens[head_start:head_end]) if t.is_cap or not compounds]
    order = lex.kind_precedence
    for word in reversed(nouns or head):
        for kind in order:
            if matches(word, kinds.get(kind, frozenset()), compounds):
                return "outlet" if kind == "outlet_words" else kind
    for kind in order:
        if any(matches(w, kinds.get(kind, frozenset()), compounds) for w in head):
            return "outlet" if kind == "outlet_words" else kind
    if len(head) == 1 and tokens[head_start].text.isupper() and len(tokens[head_start].text) > 1:
        return "organization"  # an acronym: "NEMA", "FBI"
    return "person"
