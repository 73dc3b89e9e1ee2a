"""Noun phrases that name a source, found by scanning from a cue.

There is no parser here: a source phrase is read forward ("laut X", "sagte X")
or backward ("X sagte", "X zufolge") from the cue over the words that can make
up a noun phrase, using the word classes of the lexicon. Every scan is bounded
(``MAX_PHRASE`` words), so the cost per cue is constant.
"""

from __future__ import annotations

from ..lexicon import Lexicon
from .tokens import FINAL_PUNCT, QUOTE_CHARS, Token

MAX_PHRASE = 18
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
_BRACKETS = {"(": ")", "[": "]"}

Range = tuple[int, int]  # token indices [start, end)


def _is_boundary(token: Token) -> bool:
    return not token.is_word and (token.text in ",;:" or token.text in QUOTE_CHARS
                                  or token.text in FINAL_PUNCT or token.text in "–—")


# --- German -----------------------------------------------------------------


def _de_np_word(tokens: list[Token], k: int, end: int, lex: Lexicon) -> bool:
    """Can token k stand inside a German noun phrase?"""
    token = tokens[k]
    if not token.is_word:
        return token.text in "-/&'’."
    if token.is_cap or token.is_number:
        return True
    lower = token.lower
    if lower in lex.word("determiners"):
        return True
    # an adjective or participle ("hochrangigen", "ehemaligen") needs a noun after it
    if lower.endswith(_ADJECTIVE_ENDINGS) and lower not in lex.word("auxiliaries"):
        for nxt in range(k + 1, min(k + 4, end)):
            if tokens[nxt].is_cap:
                return True
            if not tokens[nxt].is_word or not tokens[nxt].lower.endswith(_ADJECTIVE_ENDINGS):
                break
    return False


def de_forward(tokens: list[Token], k: int, end: int, lex: Lexicon) -> Range | None:
    """A German source phrase starting at token k ("der Sprecher des Ministeriums")."""
    start = k
    has_noun = False
    last_good = None
    limit = min(end, k + MAX_PHRASE)
    attachments = lex.word("attachments")
    while k < limit:
        token = tokens[k]
        if token.text in _BRACKETS and has_noun:  # "(NEMA)"
            close = next((j for j in range(k + 1, min(limit + 8, end)) if tokens[j].text == _BRACKETS[token.text]), None)
            if close is None:
                break
            k = close + 1
            last_good = k
            continue
        if token.is_word and token.lower in attachments and has_noun:
            # "von der Umweltbehörde", "des Ministeriums", "und Gavin Williamson"
            if k + 1 < limit and _de_np_word(tokens, k + 1, end, lex) and tokens[k + 1].is_word:
                k += 1
                continue
            break
        if not _de_np_word(tokens, k, end, lex):
            break
        if token.is_cap or token.is_number:
            has_noun = True
            last_good = k + 1
        k += 1
    if not has_noun or last_good is None:
        return None
    return (start, last_good)


def de_backward(tokens: list[Token], k: int, begin: int, lex: Lexicon) -> Range | None:
    """A German source phrase ending at token k, read backward ("Den Angaben der Polizei")."""
    end = k + 1
    start = None
    limit = max(begin, k - MAX_PHRASE)
    prepositions = lex.word("non_subject_openers")
    while k >= limit:
        token = tokens[k]
        if not token.is_word:
            if token.text in "-/&'’." and start is not None:
                k -= 1
                continue
            break
        lower = token.lower
        if token.is_cap or token.is_number or lower in lex.word("determiners"):
            if lower in prepositions and not token.is_cap:
                break
            start = k
        elif lower.endswith(_ADJECTIVE_ENDINGS) and start is not None and lower not in prepositions \
                and lower not in lex.word("auxiliaries") and lower not in lex.word("relative_pronouns"):
            start = k
        elif lower in ("von", "vom", "des") and start is not None:
            start = k
        else:
            break
        k -= 1
    if start is None or not any(t.is_cap for t in tokens[start:end]):
        return None
    # a capitalised sentence opener that is no noun ("Gestern") is not part of it
    while start < end and tokens[start].lower in prepositions:
        start += 1
    return (start, end) if start < end else None


# --- English ----------------------------------------------------------------


def _keeper_at(tokens: list[Token], k: int, lex: Lexicon) -> int:
    """Length of a phrase keeper ("on condition of anonymity") at token k, or 0."""
    for keeper in lex.phrase_keepers:
        n = len(keeper)
        if k + n <= len(tokens) and all(tokens[k + i].lower == keeper[i] for i in range(n)):
            return n
    return 0


def en_forward(tokens: list[Token], k: int, end: int, lex: Lexicon) -> Range | None:
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


def en_backward(tokens: list[Token], k: int, begin: int, lex: Lexicon) -> Range | None:
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


def forward(tokens: list[Token], k: int, end: int, lex: Lexicon) -> Range | None:
    if k >= end:
        return None
    return de_forward(tokens, k, end, lex) if lex.language == "de" else en_forward(tokens, k, end, lex)


def backward(tokens: list[Token], k: int, begin: int, lex: Lexicon) -> Range | None:
    if k < begin:
        return None
    return de_backward(tokens, k, begin, lex) if lex.language == "de" else en_backward(tokens, k, begin, lex)


# --- kinds -----------------------------------------------------------------


def _head_range(tokens: list[Token], rng: Range, lex: Lexicon) -> Range:
    """The words before the first attachment ("Sprecher" of "Sprecher des Amtes")."""
    start, end = rng
    attachments = lex.word("attachments") | lex.word("relative_pronouns")
    for k in range(start + 1, end):
        token = tokens[k]
        if token.text in ",(" or (token.lower in attachments and not token.is_cap):
            return (start, k)
    return rng


def _matches(word: str, nouns: frozenset[str], compounds: bool) -> bool:
    if word in nouns:
        return True
    if compounds and len(word) > 5:
        # German compounds: "sicherheitsexperten" ends in "experten"
        return any(len(noun) >= 4 and word.endswith(noun) for noun in nouns)
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
    if "anonym" in everything or "familiar with" in everything or "not authorized" in everything \
            or "not be named" in everything or "nicht genannt" in everything:
        return "anonymous"
    head_start, head_end = _head_range(tokens, rng, lex)
    head = [t.lower for t in tokens[head_start:head_end] if t.is_word]
    compounds = lex.language == "de"
    if outlet_at(tokens, (head_start, head_end), lex) and not any(
            _matches(w, kinds.get("person", frozenset()), compounds) for w in head):
        return "outlet"
    # the last noun of the head decides ("die Quellen", "Sicherheitsexperten"),
    # then any role noun ("Verteidigungsminister Grant Shapps")
    nouns = [w for w, t in zip(head, tokens[head_start:head_end]) if t.is_cap or not compounds]
    order = ("anonymous", "vague", "document", "outlet_words", "person", "organization")
    for word in reversed(nouns or head):
        for kind in order:
            if _matches(word, kinds.get(kind, frozenset()), compounds):
                return "outlet" if kind == "outlet_words" else kind
    for kind in order:
        if any(_matches(w, kinds.get(kind, frozenset()), compounds) for w in head):
            return "outlet" if kind == "outlet_words" else kind
    if len(head) == 1 and tokens[head_start].text.isupper() and len(tokens[head_start].text) > 1:
        return "organization"  # an acronym: "NEMA", "FBI"
    return "person"
