"""German frames beyond the lexicon's patterns, found before the cue verbs:
"nach Angaben der Polizei", "Seiner Meinung nach", "Demnach", ", wonach",
", so X", "Dies geht aus dem Bericht hervor", "Weber: „…“", and relay clauses
("…, die von The Telegraph zitiert werden")."""

from __future__ import annotations

from ....lexicon import Lexicon
from ...found import Found
from ...phrases import MAX_PHRASE, Range
from ...tokens import FINAL_PUNCT, QUOTE_CHARS, Token
from .content import content_follows
from .kinds import classify, names_someone
from .phrases import (
    np_clause,
    phrase_backward,
    phrase_forward,
    phrase_from,
    with_apposition,
)
from .words import CLAUSE_BREAKS, OPEN_QUOTES, is_statement

_TAIL_PREPS = frozenset({"gegenüber", "in", "im", "am", "auf", "bei", "vor", "mit", "über", "zu", "zum", "zur",
                         "nach", "aus", "von", "vom", "für", "während", "anlässlich"})


_RELAY_VERBS = frozenset({"zitiert", "zitierte", "zitierten", "zitieren"})


def relays(tokens: list[Token], lex: Lexicon, used: set[int]) -> list[tuple[int, Range]]:
    """ "…, die von The Telegraph zitiert werden": (position of the comma, relay)."""
    found = []
    for i, token in enumerate(tokens):
        if token.key not in _RELAY_VERBS or i < 3:
            continue
        # walk back to "von"/"vom" inside this clause
        k = i - 1
        while k > 0 and tokens[k].text not in CLAUSE_BREAKS and tokens[k].lower not in ("von", "vom"):
            k -= 1
        if tokens[k].lower not in ("von", "vom"):
            continue
        comma = k - 1
        while comma >= 0 and tokens[comma].text not in CLAUSE_BREAKS:
            comma -= 1
        # only a relative clause relays: ", die von X zitiert werden"
        if comma < 0 or comma + 1 >= k or tokens[comma + 1].lower not in lex.word("relative_pronouns"):
            continue
        relay = phrase_from(tokens, k + 1, i, lex)
        if relay is None:
            continue
        last = i + 1
        while last < len(tokens) and tokens[last].lower in ("werden", "wird", "wurde", "wurden", "worden"):
            last += 1
        used.update(range(max(comma, 0), last))
        found.append((max(comma, 0), relay))
    return found


def _statement_phrase(tokens: list[Token], k: int, end: int, lex: Lexicon) -> Range | None:
    """ "Angaben der Polizei", "eigenen Angaben", "Polizeiangaben" at k, or None."""
    rng = phrase_forward(tokens, k, end, lex)
    if rng is None:
        return None
    nouns = lex.word("statement_nouns")
    exact = lex.word("statement_nouns_exact")
    attachments = lex.word("attachments")
    for j in range(rng[0], rng[1]):
        t = tokens[j]
        if t.is_word and t.lower in attachments and not t.is_cap and j > rng[0]:
            break  # "Angaben der Polizei": the owner is no statement noun itself
        if t.is_cap and is_statement(t, nouns, exact):
            return rng
    return None


def _lower_outlets(lex: Lexicon) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(w.lower() for w in name) for name in lex.outlets)


def _names_outlet(tokens: list[Token], rng: Range, lex: Lexicon) -> int | None:
    """End of the phrase up to the outlet it names ("SPIEGEL ONLINE", "einer
    Reuters-Reporterin"), or None. Only the head counts: "nach dem Spiel zur ARD"
    names no outlet as its source."""
    names = lex.derived(_lower_outlets)
    attachments = lex.word("attachments")
    end = next((k for k in range(rng[0] + 1, rng[1]) if tokens[k].lower in attachments and not tokens[k].is_cap),
               rng[1])
    for i in range(rng[0], min(end, rng[0] + 4)):
        for size in range(min(lex.max_outlet_words, end - i), 0, -1):
            if tuple(t.lower for t in tokens[i:i + size]) in names and tokens[i].is_cap:
                return end if size == 1 and i + 1 < end and "-" in tokens[i + 1].text else i + size
        word = tokens[i].lower
        if "-" in word and (word.split("-")[0],) in names and tokens[i].is_cap:
            return i + 1  # "einer Reuters-Reporterin"
    return None


def _frame_triggers(lex: Lexicon) -> frozenset[str]:
    """The words frames() looks at; any other token is passed over at the cost of one lookup."""
    return frozenset(("nach", "aus", "denen", "so")) | lex.word("self_sources") | lex.word("subjunctive_self_sources") \
        | lex.word("written_in_verbs")


def frames(tokens: list[Token], lex: Lexicon, used: set[int]) -> list[Found]:
    """German frames beyond the lexicon patterns: "nach Angaben der Polizei",
    "Seiner Meinung nach", "Demnach", ", wonach", ", so X" (a tail that may
    also stand in the middle: "„…“, so X, „…“")."""
    found: list[Found] = []
    colon = _speaker_colon(tokens, lex, used)
    if colon is not None:
        found.append(colon)
    triggers = lex.derived(_frame_triggers)
    for k, token in enumerate(tokens):
        if token.lower not in triggers or k in used:
            continue
        frame = _frame_at(tokens, k, lex, used)
        if frame is not None:
            found.append(frame)
            used.update(frame.cue)
            used.update(range(*frame.source))
    return found


def _frame_at(tokens: list[Token], k: int, lex: Lexicon, used: set[int]) -> Found | None:
    """The frame the trigger word at k opens, if any."""
    lower = tokens[k].lower
    n = len(tokens)
    if lower in ("nach", "aus") and k + 1 < n:
        if lower == "aus" and tokens[k + 1].lower not in lex.word("aus_heads"):
            return _source_of_origin(tokens, k, lex, used)
        return _according_to(tokens, k, lex, used)
    if lower in lex.word("subjunctive_self_sources") and k == 0 and any(
            t.lower in lex.word("subjunctive_forms") or t.lower in ("hätte", "hätten", "wäre", "wären")
            for t in tokens[1:MAX_PHRASE]):
        # "Danach sei die Zahl gestiegen": "danach" cites what was named before only in Konjunktiv
        return _according(k, (k, k + 1))
    if lower in lex.word("self_sources"):
        if lower == "wonach" and k > 1 and tokens[k - 1].text == ",":
            back = phrase_backward(tokens, k - 2, 0, lex)
            if back is not None and not used.intersection(range(*back)):
                return _according(k, back)
        return _according(k, (k, k + 1))
    if lower == "denen" and k > 0:
        # "Studien, nach denen …", "Grundsätze, denen zufolge …": the relative pronoun stands for the source
        if k + 1 < n and tokens[k + 1].lower == "zufolge" and k + 1 not in used:
            return _according(k + 1, (k, k + 1))
        if tokens[k - 1].lower == "nach" and k > 1 and tokens[k - 2].text == "," and k - 1 not in used:
            return _according(k - 1, (k, k + 1))
        return None
    if lower in lex.word("written_in_verbs"):
        return _written_in(tokens, k, lex, used)
    if lower == "so" and k > 0 and tokens[k - 1].text in ",–—" and k + 1 < n:
        tail = _so_tail(tokens, k, lex)
        if tail is not None and not used.intersection(range(*tail)):
            return Found(source=tail, cue=[k], mode="reported", head=k)
    return None


def _written_in(tokens: list[Token], k: int, lex: Lexicon, used: set[int]) -> Found | None:
    """ "In der Mail stand, dass …" and "So steht es in der Geschichte": what a text says;
    "stehen" cites only with something said after it or "so … es" pointing back."""
    places = lex.word("weasel_place_prepositions")
    n = len(tokens)
    if k + 1 < n and (tokens[k + 1].text == ":" or content_follows(tokens, k + 1, lex)):
        for p in range(k - 2, max(-1, k - MAX_PHRASE - 1), -1):
            if tokens[p].lower in places:
                rng = phrase_forward(tokens, p + 1, k, lex)
                if rng is not None and rng[1] == k and not used.intersection(range(*rng)):
                    return Found(source=rng, cue=[k], mode="reported_speech", head=k, kind="document")
                return None
        return None
    if k == 0 or tokens[k - 1].lower != "so" or k + 1 >= n or tokens[k + 1].lower != "es":
        return None
    for p in range(k + 2, min(n, k + 5)):
        if tokens[p].lower in places:
            rng = phrase_forward(tokens, p + 1, n, lex)
            if rng is None or used.intersection(range(*rng)):
                return None
            return Found(source=rng, cue=[k - 1, k, k + 1], mode="reported", head=k, kind="document")
        if tokens[p].is_cap or not tokens[p].is_word:
            return None
    return None


def _according(cue: int, source: Range) -> Found:
    return Found(source=source, cue=[cue], mode="according_to", head=cue)


def _according_to(tokens: list[Token], k: int, lex: Lexicon, used: set[int]) -> Found | None:
    """ "nach Angaben der Polizei", "aus Regierungskreisen", "Seiner Meinung nach", "nach SPIEGEL ONLINE"."""
    lower = tokens[k].lower
    if lower == "nach" and k > 0 and (tokens[k - 1].lower in lex.word("before_temporal_nach") or (
            tokens[k - 1].is_cap and tokens[k - 1].lower in lex.word("nach_complement_nouns"))):
        return None  # "zwei Monate nach dem Urteil", "die Forderung nach einem Vertrag"
    rng = _statement_phrase(tokens, k + 1, len(tokens), lex)
    if rng is not None:
        rng = with_apposition(tokens, rng, lex)  # "nach Angaben von Sam Maiha, dem Direktor der Behörde,"
    if rng is not None and not used.intersection(range(*rng)):
        return _according(k, rng)
    if lower != "nach":
        return None
    back = _postposed_owner(tokens, k, lex)
    if back is not None and not used.intersection(range(*back)):
        return _according(k, back)
    # "nach SPIEGEL ONLINE", "nach einer Reuters-Reporterin": an outlet by name
    rng = phrase_forward(tokens, k + 1, len(tokens), lex)
    end = _names_outlet(tokens, rng, lex) if rng is not None else None
    if end is None or used.intersection(range(rng[0], end)):
        return None
    return _according(k, (rng[0], end))


def _postposed_owner(tokens: list[Token], k: int, lex: Lexicon) -> Range | None:
    """ "Seiner Meinung nach", "die ihrer Ansicht nach …", "Müllers Ansicht nach", "Dem
    Vernehmen nach", "eigenen Angaben nach": the statement before a postposed "nach" at k;
    not "die Sicht nach oben"."""
    nxt = tokens[k + 1]
    determiners = lex.word("determiners")
    if k == 0 or nxt.is_cap or nxt.is_number or nxt.lower in determiners:
        return None
    back = phrase_backward(tokens, k - 1, 0, lex)
    if back is None:
        return None
    owner = next((j for j in range(back[0], k - 1) if tokens[j].lower in lex.word(
        "postposed_nach_openers") or tokens[j].is_cap and tokens[j].text.endswith("s")
        and tokens[j].lower not in determiners), None)
    if owner is not None:
        back = (owner, back[1])
    elif tokens[k - 1].lower not in lex.word("postposed_nach_nouns"):
        return None
    if not is_statement(tokens[back[1] - 1], lex.word("statement_nouns"), lex.word("statement_nouns_exact")):
        return None
    return back


def _source_of_origin(tokens: list[Token], k: int, lex: Lexicon, used: set[int]):
    """ "Dies geht aus einem Bericht der Polizei hervor", "Aus dem Urteil geht hervor, dass …":
    the phrase after "aus" is the source, the verb and its particle the cue (not "wie aus …
    hervorgeht", a frame of the lexicon)."""
    n = len(tokens)
    if k > 0 and tokens[k - 1].lower == "wie":
        return None
    lemmas = lex.word("aus_source_verbs")

    def reading(j: int) -> bool:
        return any(f.lemma in lemmas for f in lex.verb_forms.get(tokens[j].key, ()))

    rng = phrase_forward(tokens, k + 1, n, lex)
    if rng is None or used.intersection(range(k, rng[1])):
        return None
    end = rng[1]
    if end < n and tokens[end].text == ",":
        # "aus einer Meldung der dpa, die … verbreitet wurde, hervor": a relative clause on the source
        close = next((j for j in range(end + 1, min(n, end + 2 * MAX_PHRASE)) if tokens[j].text in ",;:"
                      or tokens[j].text in FINAL_PUNCT), None)
        if close is not None and tokens[close].text == "," and end + 1 < n \
                and tokens[end + 1].lower in lex.word("relative_pronouns"):
            end = close + 1
    if end >= n:
        return None
    if k > 0 and reading(k - 1) and tokens[k - 1].key in lex.verb_forms and tokens[end].lower == "hervor" \
            and k - 1 not in used:
        cue = [k - 1, end]  # "Dies geht aus … hervor"
    elif end + 1 < n and reading(end) and tokens[end + 1].lower == "hervor" and end not in used:
        cue = [end, end + 1]  # "Aus dem Bericht geht hervor, dass …"
    elif reading(end) and tokens[end].lower.startswith("hervor") and end not in used:
        cue = [end]  # ", dass aus dem Bericht hervorgeht, …"
    else:
        return None
    return Found(source=rng, cue=cue, mode="according_to", head=cue[0])


def _speaker_colon(tokens: list[Token], lex: Lexicon, used: set[int]):
    """ "Bürgermeisterin Weber: „Wir bauen neu.“": a name and a colon before a quotation,
    with no verb. The gold marks the speaker as the source, with no cue."""
    n = len(tokens)
    k = next((j for j in range(min(n, MAX_PHRASE + 2)) if tokens[j].text == ":"), None)
    if k is None or k == 0 or k + 1 >= n or tokens[k + 1].text not in OPEN_QUOTES:
        return None
    if tokens[0].key in lex.word("prepositions") or any(
            t.key in lex.verb_forms or t.lower in lex.word("auxiliaries") for t in tokens[:k]):
        return None  # "Über den Plan sagte Weber: …" has a verb of its own
    adverb = k - 1 if tokens[k - 1].lower in lex.word("colon_adverbs") and not tokens[k - 1].is_cap else None
    end = adverb if adverb is not None else k
    rng = phrase_forward(tokens, 0, end, lex)
    if rng is None or rng[0] != 0:
        return None
    rng = (0, end) if _np_clause_or_apposition(tokens, rng, end, lex) else rng
    if rng[1] != end or used.intersection(range(*rng)) or not names_someone(tokens, rng, lex) \
            or rng[1] - rng[0] < 2 and adverb is None or classify(tokens, rng, lex) not in ("person", "organization"):
        return None
    used.update(range(k + 1))
    if adverb is not None:  # "Koppelin wörtlich: „…“": the adverb is the cue
        return Found(source=rng, cue=[adverb], mode="direct_quote", head=adverb)
    return Found(source=rng, cue=[k], mode="direct_quote", head=k, silent=True)


def _np_clause_or_apposition(tokens: list[Token], rng: Range, end: int, lex: Lexicon) -> bool:
    """ "Erkki Tuomioja, Präsident des Rats" up to ``end``: a name with its apposition."""
    j = rng[1]
    return j < end and tokens[j].text == "," and np_clause(tokens, j + 1, end, lex)


def _so_tail(tokens: list[Token], k: int, lex: Lexicon) -> Range | None:
    """ ", so der Minister." / ", so X, der …" / ", so X weiter: „…“" / ", so X, „…“"."""
    n = len(tokens)
    nxt = tokens[k + 1]
    if nxt.lower in ("dass", "daß", "wie", "in", "im", "etwa", "zum", "zu", "auch", "viel", "weit", "lange"):
        return None
    rng = phrase_forward(tokens, k + 1, n, lex)
    if rng is None and nxt.lower in lex.word("so_pronouns"):
        rng = (k + 1, k + 2)  # "„…“, so letztere."
    if rng is None:
        return None
    j = _past_tail_words(tokens, rng[1], lex)
    return _tail_end(tokens, rng, j, lex)


def _past_tail_words(tokens: list[Token], j: int, lex: Lexicon) -> int:
    """Past the words that may follow the source of ", so X" from j: "so Elshorst weiter",
    "so X gegenüber der Zeitung", "so das Ergebnis einer Studie mit dem Titel „…“"."""
    n = len(tokens)
    while j < n and tokens[j].is_word and tokens[j].lower in lex.word("tail_adverbs"):
        j += 1
    for _ in range(3):
        if j >= n or tokens[j].lower not in _TAIL_PREPS:
            break
        after = phrase_forward(tokens, j + 1, n, lex)
        if after is None:
            break
        j = after[1]
        while j < n and tokens[j].is_word and tokens[j].lower in lex.word("tail_adverbs"):
            j += 1
    return j


def _tail_end(tokens: list[Token], rng: Range, j: int, lex: Lexicon) -> Range | None:
    """The source ``rng`` of ", so X" as what follows it at j allows: the sentence ends, with
    a relative clause or apposition that may hang on the source, or a quotation goes on."""
    n = len(tokens)
    if j >= n or tokens[j].text in FINAL_PUNCT or tokens[j].text in ":–—":
        # the sentence ends: a relative clause or apposition may hang on the source
        return rng
    if tokens[j].text == ",":
        rest = [t for t in tokens[j + 1:] if t.is_word]
        if not rest:
            return rng
        if tokens[j + 1].lower in lex.word("relative_pronouns") and all(
                t.text not in CLAUSE_BREAKS for t in tokens[j + 1:] if not t.is_word and t.text not in FINAL_PUNCT):
            # ", so ein Mitarbeiter, der nicht genannt werden wollte."
            end = n
            while end > j and not tokens[end - 1].is_word:
                end -= 1
            return (rng[0], end)
        # ", so X, wird VW …" / ", so X, Leiter der Abteilung."
        appo = phrase_forward(tokens, j + 1, n, lex)
        if appo is not None and (appo[1] >= n or tokens[appo[1]].text in FINAL_PUNCT):
            return (rng[0], appo[1])
        return rng
    if tokens[j].text in QUOTE_CHARS:
        return rng
    return None
