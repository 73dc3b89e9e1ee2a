"""German grammar for the tagger: source phrases and who speaks for a cue verb.

German puts the finite verb second in a main clause ("Die Polizei teilte mit"),
last in a subordinate one ("wie die Polizei mitteilte"), and lets the subject
follow the verb when something else comes first ("Am Montag sagte der
Minister"). No parser: the clause is read with the word classes of
``rules/lexicons/de.toml``.
"""

from __future__ import annotations

from ..lexicon import Lexicon, VerbForm
from .phrases import MAX_PHRASE, Range, _ADJECTIVE_ENDINGS, _BRACKETS, forward, backward
from .tokens import Token

_CLAUSE_BREAKS = frozenset(",;:()–—")
_RELAY_VERBS = frozenset({"zitiert", "zitierte", "zitierten", "zitieren"})


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


def phrase_forward(tokens: list[Token], k: int, end: int, lex: Lexicon) -> Range | None:
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


def phrase_backward(tokens: list[Token], k: int, begin: int, lex: Lexicon) -> Range | None:
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



def relays(tokens: list[Token], lex: Lexicon, used: set[int]) -> list[tuple[int, Range]]:
    """ "…, die von The Telegraph zitiert werden": (position of the comma, relay)."""
    found = []
    for i, token in enumerate(tokens):
        if token.key not in _RELAY_VERBS or i < 3:
            continue
        # walk back to "von"/"vom" inside this clause
        k = i - 1
        while k > 0 and tokens[k].text not in _CLAUSE_BREAKS and tokens[k].lower not in ("von", "vom"):
            k -= 1
        if tokens[k].lower not in ("von", "vom"):
            continue
        relay = forward(tokens, k + 1, i, lex)
        if relay is None:
            continue
        comma = k - 1
        while comma >= 0 and tokens[comma].text not in _CLAUSE_BREAKS:
            comma -= 1
        last = i + 1
        while last < len(tokens) and tokens[last].lower in ("werden", "wird", "wurde", "wurden", "worden"):
            last += 1
        used.update(range(max(comma, 0), last))
        found.append((max(comma, 0), relay))
    return found



def _skip_openers(tokens: list[Token], k: int, end: int, lex: Lexicon) -> int:
    """Skip adverbs and time phrases after an inverted verb ("sagte am Montag der Minister")."""
    openers = lex.word("non_subject_openers") | lex.word("auxiliaries")
    while k < end and tokens[k].is_word and not tokens[k].is_cap and tokens[k].lower in openers \
            and tokens[k].lower not in lex.word("determiners"):
        k += 1
    return k


def verb_source(tokens: list[Token], i: int, cs: int, ce: int, lex: Lexicon,
                    form: VerbForm) -> tuple[Range | None, bool] | None:
    """(source, inherit) for a German cue verb at i in clause [cs, ce); None if no attribution."""
    first = tokens[cs] if cs < len(tokens) else None
    if first is None:
        return None
    clause_words = [k for k in range(cs, ce) if tokens[k].is_word]
    last = clause_words[-1] if clause_words else i
    verb_final = i == last or all(tokens[k].lower in lex.word("auxiliaries") for k in clause_words if k > i)
    # "…, und erklärte": same subject as before
    before = [k for k in range(cs, i) if tokens[k].is_word]
    adverbs = lex.word("non_subject_openers")
    j = len(before) - 1
    while j >= 0 and tokens[before[j]].lower in adverbs and not tokens[before[j]].is_cap:
        j -= 1
    if j >= 0 and tokens[before[j]].lower in lex.word("coordinators") and j < len(before) - 0:
        return None, True
    if cs > 0 and tokens[cs - 1].text == "," and first.lower in lex.word("relative_pronouns") and verb_final:
        # the relative clause may follow the verb: "mit Selenskyj erörtert, der ..."
        k = cs - 2
        while k >= max(0, cs - 5) and tokens[k].is_word and not tokens[k].is_cap:
            k -= 1
        antecedent = backward(tokens, k, 0, lex)
        return (antecedent, False) if antecedent else None
    if first.lower in lex.word("subordinators") and verb_final:
        return forward(tokens, cs + 1, i, lex), False
    # main clause: the finite verb is the cue or an auxiliary
    finite = next((k for k in range(cs, i + 1) if k == i or tokens[k].lower in lex.word("auxiliaries")), i)
    if tokens[finite].lower in lex.word("passive_auxiliaries") and finite != i:
        # "wurde von Macron vorgeschlagen": the agent is the source
        for k in range(finite + 1, i):
            if tokens[k].lower in ("von", "vom"):
                return forward(tokens, k + 1, i, lex), False
        return None
    vorfeld = [k for k in range(cs, finite) if tokens[k].is_word or tokens[k].text in "-'’"]
    if vorfeld and tokens[vorfeld[0]].lower not in lex.word("non_subject_openers") and (
            tokens[vorfeld[-1]].is_cap or tokens[vorfeld[-1]].lower in lex.kinds.get("pronoun", ())):
        # German subjects are capitalised nouns or pronouns; "Die Polizei", "Er"
        if tokens[vorfeld[0]].lower in lex.word("coordinators"):
            vorfeld = vorfeld[1:]
        if vorfeld:
            return (vorfeld[0], vorfeld[-1] + 1), False
    start = _skip_openers(tokens, finite + 1, ce, lex)
    source = forward(tokens, start, ce, lex)
    if source is None and finite != i:
        return None
    return source, False


