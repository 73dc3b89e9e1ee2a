"""English grammar for the tagger: source phrases and who speaks for a cue verb.

English subjects stand before the verb ("Officials said"), except after a
quotation ("“…,” said Smith"); appositions and relative clauses may come
between ("Smith, a spokesman for the city, said").
"""

from __future__ import annotations

from ..lexicon import Lexicon, VerbForm
from .phrases import MAX_PHRASE, Range, _is_boundary, forward, backward
from .tokens import FINAL_PUNCT, Token

_CLAUSE_BREAKS = frozenset(",;:()–—")


def _keeper_at(tokens: list[Token], k: int, lex: Lexicon) -> int:
    """Length of a phrase keeper ("on condition of anonymity") at token k, or 0."""
    for keeper in lex.phrase_keepers:
        n = len(keeper)
        if k + n <= len(tokens) and all(tokens[k + i].lower == keeper[i] for i in range(n)):
            return n
    return 0


def phrase_forward(tokens: list[Token], k: int, end: int, lex: Lexicon) -> Range | None:
    """An English source phrase starting at token k ("a senior official who ...")."""
    start = k
    last_good = None
    limit = min(end, k + MAX_PHRASE)
    stoppers = lex.word("phrase_stoppers")
    while k < limit:
        keep = _keeper_at(tokens, k, lex)
        if keep:
            k += keep
            last_good = k
            continue
        token = tokens[k]
        if not token.is_word:
            if token.text in "'’-&." and last_good is not None:
                k += 1
                continue
            break
        lower = token.lower
        if lower == "and" and k + 1 < limit and tokens[k + 1].is_cap and last_good is not None:
            k += 1  # "Smith and Jones"
            continue
        if lower in stoppers and k > start:
            break
        if lower in stoppers and not token.is_cap:
            break
        if lower in ("who", "which") and k > start:
            break
        k += 1
        if lower not in lex.word("determiners"):
            last_good = k
    if last_good is None:
        return None
    # trailing prepositions carry nothing ("officials in")
    while last_good > start and tokens[last_good - 1].lower in lex.word("attachments"):
        last_good -= 1
    return (start, last_good) if last_good > start else None


def phrase_backward(tokens: list[Token], k: int, begin: int, lex: Lexicon) -> Range | None:
    """An English subject ending at token k, read backward to the clause boundary."""
    end = k + 1
    start = None
    limit = max(begin, k - MAX_PHRASE)
    stops = lex.word("subordinators") | {"that", "but", "because", "while", "when"}
    verbs_before = lex.word("passive_auxiliaries") | {"has", "have", "had", "will", "would", "did", "does", "do"}
    while k >= limit:
        token = tokens[k]
        if _is_boundary(token) or token.text in "()[]":
            break
        lower = token.lower
        if lower in stops and not token.is_cap:
            break
        if lower in verbs_before and not token.is_cap:
            break
        if lower == "and" and not (k > 0 and tokens[k - 1].is_cap):
            break
        start = k
        k -= 1
    if start is None:
        return None
    while start < end and tokens[start].lower in lex.word("coordinators"):
        start += 1
    return (start, end) if start < end else None



def verb_source(tokens: list[Token], i: int, cs: int, ce: int, lex: Lexicon,
                    form: VerbForm) -> tuple[Range | None, bool] | None:
    n = len(tokens)
    j = i - 1
    while j >= 0 and tokens[j].lower in lex.word("auxiliaries"):
        j -= 1
    if j >= 0 and tokens[j].lower in lex.word("coordinators"):
        return None, True
    if j >= 0 and tokens[j].lower in ("who", "which", "that") and j >= 1:
        k = j - 1
        if tokens[k].text == ",":
            k -= 1
        return (backward(tokens, k, 0, lex), False) if k >= 0 else None
    if j >= 0 and tokens[j].text == ",":
        # "Smith, a spokesman for the city, said": the apposition belongs to the source
        p = j - 1
        while p >= 0 and tokens[p].text not in _CLAUSE_BREAKS and tokens[p].text not in FINAL_PUNCT:
            p -= 1
        if p >= 0 and tokens[p].text == "," and p + 1 < j and (
                tokens[p + 1].lower in lex.word("determiners") | {"who", "whose", "which", "former", "chief"}):
            head = backward(tokens, p - 1, 0, lex)
            if head:
                return (head[0], j), False
    if j >= 0 and tokens[j].is_word:
        subject = backward(tokens, j, 0, lex)
        if subject:
            return subject, False
    # inverted: "“…,” said Smith" / ", said the mayor."
    start = i + 1
    if start < n and tokens[start].lower in ("in", "on") and form.lemma != "tell":
        return None
    source = forward(tokens, start, n, lex)
    return (source, False) if source else None


