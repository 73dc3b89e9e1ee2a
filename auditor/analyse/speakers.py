"""Whether a source phrase can speak, checked before an attribution is emitted.

The grammars read a source as the noun phrase next to a cue; sometimes that
phrase is a time ("letzten Sonntag der Bürgermeister"), a legal reference
("nach Artikel 19"), a verb's object or a thing ("eine Entschuldigung", "the
seat"). The word lists are the lexicon's ([grammar]):

- ``source_scene_prepositions``: a scene opening a source is cut off ("At a
  press conference the mayor"); a source that is nothing but a scene is none;
- ``source_time_modifiers`` and ``source_time_words``: a time phrase opening a
  source is cut off; a source that is nothing but a time is no source;
- ``finite_verbs``: a noun phrase holds none in its head; the source ends before
  one ("Man könnte zynisch sagen" is said by "Man"), and before one that no relative
  pronoun introduces anywhere in it ("Ames, 75, has now overseen …" is no source);
- ``legal_references``: such a word before a number ("Artikel 19", "§ 3",
  "Section 5") names a rule, not a speaker;
- ``non_speaker_heads``: head nouns that cannot speak ("Entschuldigung", "Ganze");
- ``negative_determiners``: a source opened by one names nobody who spoke ("no group
  claimed responsibility" says that none did).

A self-source ("demnach": cue and source are one word) yields to a named source
of the same sentence ("Es handle sich demnach um …, so ein Sprecher").
"""

from __future__ import annotations

from ..lexicon import Lexicon
from .found import Found
from .phrases import Range, head_range
from .tokens import Token


def _time_prefix_end(tokens: list[Token], rng: Range, lex: Lexicon) -> int:
    """The first token after a time phrase that opens the range ("letzten Sonntag"), or its start."""
    modifiers, times = lex.word("source_time_modifiers"), lex.word("source_time_words")
    k = rng[0]
    while k < rng[1] and tokens[k].lower in modifiers:
        k += 1
    if k >= rng[1] or tokens[k].lower not in times or k == rng[0] and tokens[k].is_cap:
        return rng[0]  # no modifier: "Sonntag" alone may begin a name; "day the mayor" (after "that") not
    while k < rng[1] and (tokens[k].lower in times or not tokens[k].is_word and tokens[k].text == ","):
        k += 1
    return k


def _scene_prefix_end(tokens: list[Token], rng: Range, lex: Lexicon) -> int | None:
    """After a scene opening the range ("At a press conference the mayor"): where the
    speaker begins, None if nothing follows the scene; the start if there is no scene."""
    start, end = rng
    if tokens[start].lower not in lex.word("source_scene_prepositions"):
        return start
    determiners = lex.word("determiners")
    for k in range(start + 2, end):
        t, before = tokens[k], tokens[k - 1]
        if before.is_word and before.lower not in determiners and (
                t.lower in determiners or t.is_cap and not before.is_cap):
            return k
    return None


def _verb_cut(tokens: list[Token], rng: Range, lex: Lexicon) -> int:
    """The end of the range before a finite verb in its head ("Man könnte zynisch"
    is "Man"): a noun phrase holds none; a relative clause after the head may."""
    verbs = lex.word("finite_verbs")
    start, end = head_range(tokens, rng, lex)
    for k in range(start + 1, end):
        if tokens[k].lower in verbs and not tokens[k].is_cap:
            return k
    return rng[1]


def _clause_cut(tokens: list[Token], rng: Range, lex: Lexicon) -> int:
    """The end of the range before a finite verb that no relative pronoun introduces: a
    source read over a clause ("Ames, 75, has now overseen … the leading expert") is the
    words before it; "Smith, who has led the group" keeps its relative clause."""
    verbs, relatives = lex.word("finite_verbs"), lex.word("relative_pronouns") | lex.word("relative_that")
    for k in range(rng[0] + 1, rng[1]):
        t = tokens[k]
        if t.lower in relatives:
            return rng[1]
        if t.lower in verbs and not t.is_cap:
            return k
    return rng[1]


def _legal_reference(tokens: list[Token], rng: Range, lex: Lexicon) -> bool:
    legal = lex.word("legal_references")
    return any(tokens[k].lower in legal and k + 1 < len(tokens) and tokens[k + 1].is_number
               for k in range(rng[0], rng[1]))


def _thing(tokens: list[Token], rng: Range, lex: Lexicon) -> bool:
    """The head's last word is a noun that cannot speak."""
    start, end = head_range(tokens, rng, lex)
    words = [t.lower for t in tokens[start:end] if t.is_word]
    return bool(words) and words[-1] in lex.word("non_speaker_heads")


def speaking(tokens: list[Token], rng: Range, lex: Lexicon) -> Range | None:
    """The part of a source range that can speak, or None if none can."""
    start = _scene_prefix_end(tokens, rng, lex)
    if start is None or tokens[start].lower in lex.word("negative_determiners"):
        return None
    start = _time_prefix_end(tokens, (start, rng[1]), lex)
    if start >= rng[1] or not any(t.is_word for t in tokens[start:rng[1]]):
        return None
    cut = _clause_cut(tokens, (start, rng[1]), lex)
    while cut < rng[1] and cut > start and not tokens[cut - 1].is_word:
        cut -= 1  # "75," before the cut verb
    if cut < rng[1] and not any(t.is_word and not t.is_number for t in tokens[start:cut]):
        return None  # a number cut off a clause ("75, has now overseen …") names nobody
    rng = (start, min(_verb_cut(tokens, (start, rng[1]), lex), cut))
    if _legal_reference(tokens, rng, lex) or _thing(tokens, rng, lex):
        return None
    return rng


def _self_source(item: Found) -> bool:
    return item.source is not None and list(range(*item.source)) == item.cue


def screen(found: list[Found], tokens: list[Token], lex: Lexicon) -> list[Found]:
    """The attributions whose sources can speak, their sources trimmed; an
    attribution without a source (a weasel, "heißt es") stays as it is."""
    kept = []
    for item in found:
        if item.source is not None:
            rng = speaking(tokens, item.source, lex)
            if rng is None:
                continue
            if rng != item.source:
                item.source, item.kind = rng, None  # the kind of what is left, classified later
        kept.append(item)
    if any(f.source is not None and not _self_source(f) for f in kept):
        kept = [f for f in kept if not _self_source(f)]
    return kept
