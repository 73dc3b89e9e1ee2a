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


def _names_by_role(text: str, tokens: list[Token], lex: Lexicon, seen: dict[str, set[str]]) -> None:
    """Add to ``seen`` the names right after a role noun in a sentence ("Minister Hans Maier")."""
    roles = lex.kinds.get("person", frozenset())
    stop = lex.word("determiners")
    for k, token in enumerate(tokens):
        if token.lower not in roles:
            continue
        end = k + 1
        while end < len(tokens) and end - k <= _MAX_NAME and tokens[end].is_word and tokens[end].is_cap \
                and tokens[end].lower not in roles and tokens[end].lower not in stop:
            end += 1
        if end > k + 1:  # the name as written: a line break may stand inside
            seen.setdefault(token.lower, set()).add(text[tokens[k + 1].start:tokens[end - 1].end])


def _resolved(s: TaggedSentence, lex: Lexicon, seen: dict[str, set[str]]) -> TaggedSentence:
    changed, touched = [], False
    for a in s.attributions:
        src = a.source
        role = _role_of(src.text, lex) if src is not None and src.kind == "person" and not src.resolved_to else None
        names = seen.get(role, set()) if role is not None else set()
        if len(names) == 1:
            a = a.model_copy(update={"source": src.model_copy(update={"resolved_to": next(iter(names))})})
            touched = True
        changed.append(a)
    return s.model_copy(update={"attributions": tuple(changed)}) if touched else s


def resolve_descriptions(text: str, tagged: list[TaggedSentence], lex: Lexicon,
                         sentence_tokens: list[list[Token]]) -> list[TaggedSentence]:
    """Person sources that are descriptions get ``resolved_to`` the one earlier name with their role.
    One pass, each sentence read once (an article of many descriptions stays linear); an article
    with no description is not read at all."""
    if not any(a.source is not None and a.source.kind == "person" and _role_of(a.source.text, lex)
               for s in tagged for a in s.attributions):
        return tagged
    out, seen = [], {}
    for i, s in enumerate(tagged):
        out.append(_resolved(s, lex, seen) if s.attributions else s)
        _names_by_role(text, sentence_tokens[i], lex, seen)
    return out
