"""What single English tokens look like in a sentence: dashes, brackets, the dot of an
abbreviation, a possessive apostrophe, a contracted subject, a title-case headline."""

from __future__ import annotations

from ...tokens import FINAL_PUNCT, Token

DASHES = ("―", "—", "–", "--")
_APOSTROPHES = ("'", "’")


def spaced_dash(tokens: list[Token], k: int) -> bool:
    """A hyphen used as a dash: "a change - an insurgent", "McCain -- who lost"."""
    token = tokens[k]
    if token.text != "-":
        return False
    before = k > 0 and tokens[k - 1].end == token.start and tokens[k - 1].text != "-"
    after = k + 1 < len(tokens) and tokens[k + 1].start == token.end and tokens[k + 1].text != "-"
    return not (before and after)


def is_dash(tokens: list[Token], k: int) -> bool:
    return tokens[k].text in "–—" or spaced_dash(tokens, k)


def closing_paren(tokens: list[Token], k: int, limit: int) -> int | None:
    """The ")" that closes the "(" at k within a few tokens, or None."""
    for j in range(k + 1, min(limit, k + 8)):
        if tokens[j].text == ")":
            return j
        if tokens[j].text in "(" or tokens[j].text in FINAL_PUNCT:
            return None
    return None


def opening_paren(tokens: list[Token], k: int, limit: int) -> int | None:
    """The "(" that opens the ")" at k within a few tokens, or None."""
    for j in range(k - 1, max(limit, k - 8) - 1, -1):
        if tokens[j].text == "(":
            return j
        if tokens[j].text == ")":
            return None
    return None


def abbreviation_dot(tokens: list[Token], k: int) -> bool:
    """"Jr." / "R." / "Gov.": a dot stuck to a short capitalised word inside a name."""
    if tokens[k].text != "." or k == 0 or k + 1 >= len(tokens):
        return False
    before = tokens[k - 1]
    return before.end == tokens[k].start and before.is_cap and len(before.text) <= 3 \
        and (tokens[k + 1].is_word or tokens[k + 1].text == ",")  # "James B. Comey Jr., the director"


def possessive_mark(tokens: list[Token], k: int) -> bool:
    """"Sanders’ campaign": an apostrophe stuck to a word ending in s, before a word."""
    if tokens[k].text not in ("’", "'") or k == 0 or k + 1 >= len(tokens):
        return False
    before = tokens[k - 1]
    return before.end == tokens[k].start and before.lower.endswith("s") and tokens[k + 1].is_word \
        and tokens[k + 1].start > tokens[k].end


def contracted_subject(token: Token) -> bool:
    """"he's", "who’ve", "they'd": a subject with its auxiliary in one token."""
    for mark in _APOSTROPHES:
        if mark in token.text:
            head, _, tail = token.lower.partition(mark)
            return tail in ("ve", "d", "ll", "s", "re") and bool(head)
    return False



def title_case(tokens: list[Token]) -> bool:
    """A headline in title case ("Bellwether County Says Trump Should Win"): every longer
    word is capitalised, so a capital does not mark a name."""
    long_words = [t for t in tokens if t.is_word and len(t.text) > 3]
    return len(long_words) >= 3 and all(t.is_cap for t in long_words)
