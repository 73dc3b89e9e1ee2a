"""Descriptions as sources ("Der Minister", "the former mayor") resolved to the one person
named earlier with that role noun ("Minister Hans Maier … Der Minister sagte" is Hans
Maier). Two different people with the role, or none, leave the description as it is.
The role nouns are the lexicon's person kinds, the determiners its [grammar] list."""

from __future__ import annotations

from ..lexicon import Lexicon
from ..models import TaggedSentence
from .phrases import matches
from .tokens import Token

_MAX_NAME = 3  # "Minister Hans Peter Maier"


def _role_of(text: str, lex: Lexicon) -> str | None:
    """The role noun of a description ("the former mayor" -> "mayor"): a determiner, small
    words, and a role noun last; a capitalised word inside would be a name."""
    words = text.split()
    if len(words) < 2 or len(words) > 4 or words[0].lower() not in lex.word("determiners"):
        return None
    role = words[-1].lower()
    if any(w[:1].isupper() for w in words[1:-1]) or not matches(role, lex.kinds.get("person", frozenset()), False):
        return None
    return role


def _names_after(text: str, tokens: list[Token], role: str, lex: Lexicon) -> set[str]:
    """Names right after the role noun in a sentence's tokens ("Minister Hans Maier")."""
    names = set()
    roles = lex.kinds.get("person", frozenset())
    stop = lex.word("determiners")
    for k, token in enumerate(tokens):
        if token.lower != role:
            continue
        end = k + 1
        while end < len(tokens) and end - k <= _MAX_NAME and tokens[end].is_word and tokens[end].is_cap \
                and tokens[end].lower not in roles and tokens[end].lower not in stop:
            end += 1
        if end > k + 1:
            names.add(text[tokens[k + 1].start:tokens[end - 1].end])  # as written: a line break may stand inside
    return names


def resolve_descriptions(text: str, tagged: list[TaggedSentence], lex: Lexicon,
                         sentence_tokens: list[list[Token]]) -> list[TaggedSentence]:
    """Person sources that are descriptions get ``resolved_to`` the one earlier name with their role."""
    out = list(tagged)
    for i, s in enumerate(tagged):
        changed, touched = [], False
        for a in s.attributions:
            src = a.source
            role = _role_of(src.text, lex) if src is not None and src.kind == "person" and not src.resolved_to else None
            if role is not None:
                names = set().union(*(_names_after(text, sentence_tokens[j], role, lex) for j in range(i)))
                if len(names) == 1:
                    a = a.model_copy(update={"source": src.model_copy(update={"resolved_to": names.pop()})})
                    touched = True
            changed.append(a)
        if touched:
            out[i] = s.model_copy(update={"attributions": tuple(changed)})
    return out
