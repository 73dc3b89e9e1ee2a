"""English sources with an apposition around them: before the verb (", a spokesman for
the city, said", "-- John McCain -- said") and after an inverted verb ("said Smith, a
spokesman for the city")."""

from __future__ import annotations

from ....lexicon import Lexicon, VerbForm
from ...phrases import Range
from ...readings import last_word, plain_reading
from ...tokens import CLAUSE_BREAKS, FINAL_PUNCT, QUOTE_CHARS, Token
from .extent import MAX_PRE
from .phrases import backward, forward
from .quotes import CLOSERS, OPENERS
from .tables import Tables, derived_tables, keeper_at
from .words import abbreviation_dot, is_dash, spaced_dash

_MAX_TAIL = 30  # an apposition after an inverted source: "said Smith, a spokesman for ..."


def apposition_subject(tokens: list[Token], j: int, lex: Lexicon, tables: Tables, used: set[int]
                       ) -> tuple[Range | None, bool]:
    """The subject before "..., apposition, said" (j is the comma), and whether it was found."""
    p = j - 1
    limit = max(0, j - 40)
    while p >= limit and tokens[p].text not in CLAUSE_BREAKS and tokens[p].text not in OPENERS + CLOSERS \
            and not spaced_dash(tokens, p) \
            and (tokens[p].text not in FINAL_PUNCT or abbreviation_dot(tokens, p)):
        p -= 1
    if p < 1 or tokens[p].text != "," or p + 1 >= j:
        return None, False
    first = tokens[p + 1]
    head = backward(tokens, p - 1, 0, lex) if tokens[p - 1].is_word or tokens[p - 1].text in ")." else None
    if head is None or head[0] > 0 and tokens[head[0] - 1].lower in lex.word("auxiliaries") \
            and not tokens[head[0]].is_cap:
        # "repairs have grown to four days a week, with …, said X": a verb's complement, no subject
        return None, False
    if p + 1 in used or first.lower in tables.parenthetical or (
            not first.is_cap and first.lower in lex.word("attachments") | lex.word("subordinators")):
        # "Trump, in a statement, said" / "Council officials, cited by The Guardian, said"
        return head, True
    # "Reeve's lawyer, Tom Aldridge, said", "Sanders, whose coalition includes …, said"
    if used.intersection(range(p + 1, j)):
        return head, True  # "Kasich, a Republican who has refused to …, said": the relative clause has its own cue
    return (head[0], j), True


def dash_apposition_subject(tokens: list[Token], j: int, lex: Lexicon) -> Range | None:
    """The subject before "X -- apposition -- said" (j is the closing dash)."""
    close = j
    while close > 0 and tokens[close - 1].text == "-":
        close -= 1  # "--"
    q = close - 1
    limit = max(0, close - 40)
    while q > limit and not is_dash(tokens, q):
        if tokens[q].text in FINAL_PUNCT and not abbreviation_dot(tokens, q) or tokens[q].text in QUOTE_CHARS \
                or tokens[q].text in ";:":
            return None
        q -= 1
    if q <= limit or q == close - 1:
        return None
    while q > 0 and tokens[q - 1].text == "-":
        q -= 1
    if q == 0 or not tokens[q - 1].is_word:
        return None
    head = backward(tokens, q - 1, 0, lex)
    if head is None:
        return None
    last = last_word(tokens, max(0, close - 7), close)
    return (head[0], last + 1) if last is not None and last > head[1] else head


def inverted_source(tokens: list[Token], i: int, lex: Lexicon, form: VerbForm | None) -> Range | None:
    """"“…,” said Smith, a spokesman for the city." """
    n = len(tokens)
    start = i + 1
    if start < n and tokens[start].lower in ("in", "on", "at") and (form is None or form.lemma != "tell"):
        return None
    rng = forward(tokens, start, n, lex)
    if rng is None:
        return None
    end = rng[1]
    if end < n and tokens[end].text == "," and end + 1 < n and tokens[end + 1].is_word \
            and not _cue_relative(tokens, end, lex):
        nxt = tokens[end + 1].lower
        if nxt not in lex.word("subordinators") and nxt not in lex.word("coordinators") \
                and not nxt.endswith("ing") and nxt not in ("in", "on", "at", "during"):
            end = _apposition_end(tokens, end, lex)
    return (rng[0], end)


def _apposition_end(tokens: list[Token], end: int, lex: Lexicon) -> int:
    """The end of the source ending at ``end`` (a comma) with the apposition after it, when
    the apposition runs to the end of the sentence, a quote or a comma; else ``end``."""
    n = len(tokens)
    k = end + 1
    last = None
    while k < n and k - end <= _MAX_TAIL:
        t = tokens[k]
        if t.text in FINAL_PUNCT or t.text in QUOTE_CHARS or t.text in ";:–—":
            break
        if t.text == "," and k + 1 < n and tokens[k + 1].is_word and (
                tokens[k + 1].lower.endswith("ing") or tokens[k + 1].lower in lex.word("coordinators")
                or _cue_relative(tokens, k, lex)):
            break
        if t.is_word:
            last = k
        k += 1
    if last is not None and (k >= n or tokens[k].text in FINAL_PUNCT or tokens[k].text in QUOTE_CHARS
                             or tokens[k].text == ","):
        return last + 1
    return end


def _cue_relative(tokens: list[Token], comma: int, lex: Lexicon) -> bool:
    """", who said …", ", who added that …": a relative clause with a cue verb of its own is
    an attribution of its own (source "who"), not part of the apposition before it."""
    tables = derived_tables(lex)
    k = comma + 1
    if k >= len(tokens) or tokens[k].lower not in ("who", "which"):
        return False
    k += 1
    while k < len(tokens) and k - comma <= MAX_PRE + 2 and tokens[k].lower in tables.pre:
        k += 1  # "who also said", "who has long argued"
    if k >= len(tokens) or not tokens[k].is_word or tokens[k].lower in tables.not_cues:
        return False
    forms = lex.verb_forms.get(tokens[k].key)
    return bool(forms) and plain_reading(tokens, k, forms) is not None and not keeper_at(tokens, comma + 1, lex)
