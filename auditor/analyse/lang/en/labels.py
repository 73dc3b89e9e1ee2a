"""Speaker labels that stand outside any clause: "Bush: “The mission is …”" before a
colon, and "“…shame.” ― Sonya Herridge" signed after a closing quote and a dash."""

from __future__ import annotations

from ...found import Found
from ...phrases import Range
from ...tokens import QUOTE_CHARS, Token
from .quotes import CLOSERS
from .tables import Tables
from .words import DASHES


def speaker_labels(tokens: list[Token], tables: Tables, used: set[int]) -> list[Found]:
    """The sentence's speaker labels as direct quotes; claims their tokens."""
    found = []
    n = len(tokens)
    colon = _colon_source(tokens, tables)
    if colon is not None and not used.intersection(range(colon[1] + 1)):
        rng, k = colon
        found.append(Found(source=rng, cue=[k], mode="direct_quote"))
        used.update(range(k + 1))
    dash = _dash_label(tokens)
    if dash is not None and not used.intersection(range(dash[1], n)):
        rng, k = dash
        found.append(Found(source=rng, cue=[k], mode="direct_quote"))
        used.update(range(k, n))
    return found


def _colon_source(tokens: list[Token], tables: Tables) -> tuple[Range, int] | None:
    """"Bush: “The mission is …”", "FALLIN: Well, …": a speaker label before a colon."""
    for k in range(1, min(len(tokens) - 1, 6)):
        if tokens[k].text == ":":
            words = tokens[:k]
            if not all(t.is_word and (t.is_cap or t.text[0].isdigit()) or t.text in "'’.-" for t in words):
                return None
            if any(t.lower in tables.colon_not_sources or t.is_number for t in words):
                return None
            shouting = all(t.text.isupper() for t in words if t.is_word)
            quote_next = tokens[k + 1].text in QUOTE_CHARS
            # a headline with a short name label: "Rush Limbaugh: Hillary Asking …"
            named = k <= 3 and tokens[k + 1].is_cap and tokens[0].lower not in tables.determiners \
                and tokens[k - 1].lower not in tables.colon_not_label_ends
            if not (shouting or quote_next or named):
                return None  # "The Ninth Circle: The Hellish View …" is a title
            return (0, k), k
        if not tokens[k].is_word and tokens[k].text not in "'’.-":
            return None
    return None


def _dash_label(tokens: list[Token]) -> tuple[Range, int] | None:
    """"“…shame.” ― Sonya Herridge": a quotation signed by a name after a dash at the end."""
    n = len(tokens)
    end = n - 1 if n and tokens[-1].text == "." else n
    for k in range(max(1, end - 7), end - 1):
        if tokens[k].text in DASHES and tokens[k - 1].text in CLOSERS + "”’":
            names = tokens[k + 1:end]
            if 1 <= len(names) <= 6 and names[0].is_cap and all(
                    t.is_word and t.is_cap or t.text == "." and t.start == names[i - 1].end
                    for i, t in enumerate(names) if i > 0 or t.is_word):
                return (k + 1, end), k
            return None
    return None
