"""Quotation marks inside an English sentence: which marks open and close a quotation
(curly, straight, doubled and single quotes), and which tokens stand inside one."""

from __future__ import annotations

from ...tokens import Token

OPENERS = "“\"«"
CLOSERS = "”\"»"


def _quote_marks(tokens: list[Token]) -> list[str | None]:
    """The quotation role of each token: "open", "close", "toggle" (straight quotes) or None."""
    marks: list[str | None] = [None] * len(tokens)
    for i, token in enumerate(tokens):
        text = token.text
        if text == "“" and i > 0 and tokens[i - 1].end == token.start and not tokens[i - 1].is_word \
                and (i + 1 == len(tokens) or tokens[i + 1].start > token.end):
            marks[i] = "close"  # "“It's unusual,“ said Noble": an opening mark typed as the closer
        elif text in ("“", "„", "«"):
            marks[i] = "open"
        elif text in ("”", "»"):
            marks[i] = "close"
        elif text == '"':
            marks[i] = _straight(tokens, i, i)
        elif text == "'" and i + 1 < len(tokens) and tokens[i + 1].text == "'" \
                and tokens[i + 1].start == token.end:
            marks[i] = _straight(tokens, i, i + 1)  # '' as a double quote (newspaper style)
        elif text == "‘" or text == "'" and i + 1 < len(tokens) and tokens[i + 1].is_word \
                and tokens[i + 1].start == token.end and (i == 0 or not tokens[i - 1].is_word):
            marks[i] = "open_single"
        elif text in ("’", "'") and i > 0 and not tokens[i - 1].is_word and tokens[i - 1].text not in "'":
            marks[i] = "close_single"
    return marks


def _straight(tokens: list[Token], first: int, last: int) -> str:
    """A straight quote opens when it sticks to the word after it, closes when it sticks to the one before."""
    before = first > 0 and tokens[first - 1].end == tokens[first].start
    after = last + 1 < len(tokens) and tokens[last + 1].start == tokens[last].end
    if after and not before:
        return "open"
    if before and not after:
        return "close"
    return "toggle"


def inside_quotes(tokens: list[Token]) -> list[bool]:
    """For every token, whether it stands inside a quotation opened in this sentence."""
    n = len(tokens)
    inside = [False] * n
    marks = _quote_marks(tokens)
    opened_at: int | None = None
    single = False
    first = next((k for k, mark in enumerate(marks) if mark is not None), None)
    if first is not None and marks[first] == "close":
        for k in range(first):  # the sentence starts inside a quotation opened earlier
            inside[k] = True
    i = 0
    while i < n:
        mark = marks[i]
        step = 2 if mark in ("toggle", "open", "close") and tokens[i].text == "'" else 1
        if opened_at is None:
            if mark in ("open", "toggle") or mark == "open_single":
                opened_at, single = i, mark == "open_single"
        elif (mark in ("close", "toggle") and not single) or (single and mark in ("close_single", "close")):
            for k in range(opened_at, i + step):
                inside[k] = True
            opened_at = None
        i += step
    if opened_at is not None and marks[opened_at] == "toggle":
        pass  # an unclear straight quote that never closes
    elif opened_at is not None:
        # a quotation that runs on into the next sentence: everything after the opener is quoted
        for k in range(opened_at, n):
            inside[k] = True
    return inside
