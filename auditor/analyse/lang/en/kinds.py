"""The kind of an English source as a fact-checker reads it, refining the shared
:func:`~auditor.analyse.phrases.classify`:

* a role noun followed by a name is that person ("Department of Correction spokesman
  Jason Kersten"), though the phrase opens with a body;
* a role without a name is anonymous: "a spokesperson for the union", "his spokesman";
* "a number of analysts" is the analysts (vague);
* a capitalised name ending in a word for a body ("the World Travel and Tourism
  Council") or in an acronym ("California ISO"), or a country, is an organisation;
* a document of the press ("news reports") is an outlet.

The word lists are the lexicon's ([grammar.h18] and [kinds])."""

from __future__ import annotations

from ....lexicon import Lexicon
from ...phrases import Range, classify, head_range
from ...tokens import Token

# the joints of a capitalised name: "Travel and Tourism", "Bureau of Statistics"
_NAME_JOINTS = frozenset({"and", "of", "for", "&"})


def source_kind(tokens: list[Token], rng: Range, lex: Lexicon) -> str:
    """The kind an English source is reported with."""
    rng = _after_quantity(tokens, rng, lex)
    kind = classify(tokens, rng, lex)
    if kind in ("pronoun", "anonymous"):
        return kind
    if _role_with_name(tokens, rng, lex):
        return "person"
    if kind == "document" and _press(tokens, rng, lex):
        return "outlet"
    if kind != "person":
        return kind
    if _named_body(tokens, rng, lex):
        return "organization"
    # a plural of people without a name ("Islamist politicians") is left a person: read as
    # vague it marks many plain statements of WikiWeasel uncertain ("Policy makers argue")
    return "anonymous" if _unnamed_role(tokens, rng, lex) else kind


def _after_quantity(tokens: list[Token], rng: Range, lex: Lexicon) -> Range:
    """"a number of analysts" is "analysts": the quantity says how many, the noun who."""
    start, end = rng
    quantities = lex.word("quantity_heads")
    for k in range(start, min(end - 1, start + 3)):
        if tokens[k].lower == "of" and any(t.lower in quantities for t in tokens[start:k]):
            return (k + 1, end)
    return rng


def _words(tokens: list[Token], rng: Range) -> list[Token]:
    return [t for t in tokens[rng[0]:rng[1]] if t.is_word]


def _role_with_name(tokens: list[Token], rng: Range, lex: Lexicon) -> bool:
    """A role noun and then a name of two capitalised words or more, to the end:
    "Department of Correction spokesman Jason Kersten"."""
    roles = lex.kinds.get("person", frozenset())
    words = _words(tokens, rng)
    for k in range(len(words) - 2, -1, -1):
        if not words[k].is_cap or words[k].lower in roles:
            name = words[k + 1:]
            return words[k].lower in roles and len(name) >= 2 and all(t.is_cap for t in name)
    return False


def _press(tokens: list[Token], rng: Range, lex: Lexicon) -> bool:
    """"local news reports", "media reports": the press's own reporting."""
    press = lex.word("press_words")
    return any(t.lower in press for t in _words(tokens, head_range(tokens, rng, lex)))


def _capital_run(tokens: list[Token], rng: Range) -> list[Token]:
    """The capitalised name the phrase opens with, after its article, up to a comma or a
    bracket: "World Travel and Tourism Council"; not the apposition after the name."""
    start = rng[0]
    if start < rng[1] and tokens[start].is_word and (not tokens[start].is_cap or tokens[start].lower in ("the", "a", "an")):
        start += 1
    run: list[Token] = []
    for t in tokens[start:rng[1]]:
        if not t.is_word and t.text in ",;:()–—":
            break
        if not t.is_word:
            continue
        if t.is_cap or run and t.lower in _NAME_JOINTS:
            run.append(t)
        else:
            break
    while run and not run[-1].is_cap:
        run.pop()
    return run


def _named_body(tokens: list[Token], rng: Range, lex: Lexicon) -> bool:
    """A name ending in a word for a body or an acronym, or a country."""
    run = _capital_run(tokens, rng)
    if not run:
        return False
    last = run[-1]
    if last.lower in lex.word("country_names") and not any(t.lower in lex.kinds.get("person", ()) for t in run):
        return True
    bodies = lex.kinds.get("organization", frozenset())
    acronym = len(run) >= 2 and last.text.isupper() and len(last.text) > 1 and last.text.isalpha()
    return acronym or len(run) >= 2 and last.lower in bodies


def _unnamed_role(tokens: list[Token], rng: Range, lex: Lexicon) -> bool:
    """A role without a name: "a spokesperson for the union", "an adviser", "his spokesman"."""
    start, end = head_range(tokens, rng, lex)
    words = _words(tokens, (start, end))
    if len(words) < 2 or any(t.is_cap for t in words[1:]):
        return False
    first, last = words[0].lower, words[-1].lower
    if first in lex.word("indefinite_articles"):
        return last in lex.kinds.get("person", frozenset())
    # "the spokesman" may be a description of someone named before (coref.py): kept a person
    return first in lex.word("possessive_determiners") and last in lex.word("unnamed_roles")
