"""German source phrases: read forward from a cue ("sagte der Sprecher des
Ministeriums"), backward ("Den Angaben der Polizei zufolge"), the subject after an
inverted verb, and appositions ("Markus Hoffmann, Fraktionschef der Grünen").
Every scan is bounded by the clause or by ``MAX_PHRASE`` words."""

from __future__ import annotations

from ....lexicon import Lexicon
from ...phrases import MAX_PHRASE, Range
from ...tokens import FINAL_PUNCT, QUOTE_CHARS, Token
from .words import (
    ADJECTIVE_ENDINGS,
    BRACKETS,
    CHANNEL_PREPS,
    STANDALONE_DETERMINERS,
    abbreviation,
    channel_follows,
    function_words,
    lower_name,
    np_word,
    quoted_name,
    verb_after_noun,
)

_ATTRIBUTE_PREPS = frozenset({"am", "im", "in", "vom", "von", "seit", "vor", "bei", "beim", "aus", "auf", "nach",
                              "mit", "zum", "zur", "für"})


_BACKWARD_LINKS = frozenset({"von", "vom", "des", "in", "im", "aus", "bei", "beim", "für", "und", "sowie",
                             "zur", "zum", "eines", "einer"})


def _year_after_date_noun(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """ "ein Bericht vom November 2011", "Planungen aus dem Jahr 2005": the year belongs to the date."""
    text = tokens[k].text
    return len(text) == 4 and text.isdigit() and k > 0 and tokens[k - 1].lower in lex.word("year_heads")


def phrase_from(tokens: list[Token], k: int, end: int, lex: Lexicon) -> Range | None:
    return phrase_forward(tokens, k, end, lex) if k < end else None


def phrase_forward(tokens: list[Token], k: int, end: int, lex: Lexicon) -> Range | None:
    """A German source phrase starting at token k ("der Sprecher des Ministeriums")."""
    start = k
    has_noun = False
    last_good = None
    limit = min(end, k + MAX_PHRASE)
    determiners = lex.word("determiners")
    attribute_end = -1
    while k < limit:
        token = tokens[k]
        if token.text in BRACKETS and has_noun:  # "(NEMA)"
            close = next((j for j in range(k + 1, min(limit + 8, end)) if tokens[j].text == BRACKETS[token.text]), None)
            if close is None:
                break
            k = last_good = close + 1
            continue
        quoted = quoted_name(tokens, k, end)
        if quoted is not None and (has_noun or k > start and tokens[k - 1].lower in determiners or all(
                t.is_cap or not t.is_word or lower_name(t) for t in tokens[k + 1:quoted - 1])):
            # die Zeitung „Yemen Observer“; »Wir lassen niemanden allein« is a quotation, not a name
            k = last_good = quoted
            has_noun = True
            continue
        if k > start and token.is_word and not token.is_cap and tokens[k - 1].lower in determiners \
                and (token.lower in _ATTRIBUTE_PREPS or token.lower in lex.word("non_subject_openers")):
            participle = _attribute_participle(tokens, k, limit, lex)
            if participle is not None:
                k = attribute_end = participle
                continue
        if has_noun and token.is_word:
            at = _read_on_at(tokens, k, start, end, limit, lex)
            if at is None:
                break
            if at != k:
                k = at
                continue
        if has_noun and _year_after_date_noun(tokens, k, lex):
            last_good = k + 1
            break  # "ein Bericht vom November 2011": the year closes the date
        if has_noun and token.is_number and tokens[k - 1].is_word and tokens[k - 1].is_cap \
                and tokens[k - 1].lower not in determiners and not (k + 1 < end and tokens[k + 1].text in "/-"):
            break  # "der Polizei 20 Menschen"; not "Bündnis 90/Die Grünen"
        if token.is_word and token.is_cap and token.lower in lex.word("phrase_stoppers") and k == start:
            return None
        if not np_word(tokens, k, end, lex):
            break
        if has_noun and k > start and k != attribute_end and (token.text,) not in lex.outlets \
                and verb_after_noun(tokens, k, lex, after_quote=True):
            break  # "Angaben der Polizei umstellten Beamte das Haus" ends before the verb
        if (token.is_cap and token.lower not in determiners) or token.is_number or (token.text,) in lex.outlets \
                or lower_name(token):
            has_noun = True  # not the article that opens the sentence ("Der 84-jährige Küng")
            last_good = k + 1
        k += 1
    if not has_noun and start < len(tokens) and tokens[start].is_cap and tokens[start].lower in STANDALONE_DETERMINERS \
            and (start + 1 >= end or not tokens[start + 1].is_cap):  # start < len: a text can end on "am"
        return (start, start + 1)  # "Diese besagt, …", "Beide betonten, …"
    if not has_noun or last_good is None:
        return None
    return (start, last_good)


_PARTICIPLE_ENDINGS = ("ten", "tem", "ter", "tes", "te", "enen", "ener", "enem", "enes", "ene", "nden", "nder",
                       "ndem", "ndes", "nde")


def _attribute_participle(tokens: list[Token], k: int, limit: int, lex: Lexicon) -> int | None:
    """ "einer am Dienstag veröffentlichten Mitteilung", "einer gestern vorgestellten Studie":
    the participle that closes a PP or adverb inside a participial attribute, before its noun."""
    for m in range(k + 1, min(limit, k + 6)):
        t = tokens[m]
        if not t.is_word:
            return None
        if not t.is_cap and t.lower.endswith(_PARTICIPLE_ENDINGS) \
                and m + 1 < limit and tokens[m + 1].is_cap and t.lower not in function_words(lex):
            return m
    return None


def _read_on_at(tokens: list[Token], k: int, start: int, end: int, limit: int, lex: Lexicon) -> int | None:
    """Where a phrase that has its noun reads on from the word at k: past a link ("in Berlin",
    "als auch", "van", "des Ministeriums"), at k itself when the word is read as any other,
    None when the phrase ends before it."""
    token = tokens[k]
    lower = token.lower
    if lower == "in" and k + 1 < limit and tokens[k + 1].is_cap and tokens[k + 1].lower not in lex.word("determiners") \
            and tokens[k + 1].lower not in lex.word("phrase_stoppers"):
        return k + 1  # "die Polizei in Nordstadt", "ein Regierungssprecher in Berlin"
    if lower == "als" and k + 2 < limit and tokens[k + 1].lower == "auch" \
            and (tokens[start].lower == "sowohl" or start > 0 and tokens[start - 1].lower == "sowohl"):
        # "Sowohl die Behörde als auch das Militär"
        return k + (3 if tokens[k + 2].lower in lex.word("determiners") else 2)
    if lower in lex.word("name_particles") and tokens[k - 1].is_cap and k + 1 < limit and tokens[k + 1].is_cap:
        return k + 1  # "Heike van Laak", "Luiz Inácio da Silva"
    if token.is_cap:
        return k
    if lower in CHANNEL_PREPS and channel_follows(tokens, k + 1, limit, lex):
        return None  # "Nasrallah im libanesischen Fernsehen": where it was said, not who
    determiners = lex.word("determiners")
    if lower in lex.word("attachments"):
        # "von der Umweltbehörde", "des Ministeriums", "und Gavin Williamson"
        nxt = tokens[k + 1] if k + 1 < limit else None
        if nxt is not None and (np_word(tokens, k + 1, end, lex) and nxt.is_word
                                and not (nxt.is_number and (lower in ("von", "vom")
                                                            or lower in lex.word("prepositions")))
                                or quoted_name(tokens, k + 1, end) is not None
                                or lower in determiners and nxt.is_word and not nxt.is_cap
                                and (nxt.lower in _ATTRIBUTE_PREPS or nxt.lower in lex.word("non_subject_openers"))):
            return k + 1
        return None
    if (lower in determiners or lower in lex.word("phrase_stoppers")) \
            and not (lower in determiners and tokens[k - 1].lower in ("von", "aus", "bei", "für")):
        return None  # a new phrase begins: "des Hilfswerks mehrere Wochen"; not "für das Münsterland"
    return k


def phrase_backward(tokens: list[Token], k: int, begin: int, lex: Lexicon) -> Range | None:
    """A German source phrase ending at token k, read backward ("Den Angaben der Polizei")."""
    end = k + 1
    start = None
    limit = max(begin, k - MAX_PHRASE)
    prepositions = lex.word("non_subject_openers") | lex.word("prepositions")
    while k >= limit:
        token = tokens[k]
        if not token.is_word:
            read_on = _before_mark(tokens, k, start, end, limit)
            if read_on is None:
                break
            k, start = read_on
            continue
        lower = token.lower
        if token.is_cap or token.is_number or lower in lex.word("determiners") or lower_name(token):
            if lower in prepositions and not token.is_cap:
                break
            start = k
        elif lower.endswith(ADJECTIVE_ENDINGS) and start is not None and lower not in prepositions \
                and lower not in lex.word("auxiliaries") and lower not in lex.word("relative_pronouns") \
                and lower not in lex.word("phrase_stoppers") \
                and not any(not f.participle for f in lex.verb_forms.get(lower, ())):
            start = k  # an adjective; not a finite verb ("… sagte die Kanzlerin einigen Teilnehmern zufolge")
        elif lower in _BACKWARD_LINKS and start is not None:
            start = k  # "Den Polizeibehörden in Mombasa zufolge", "Polizei und Feuerwehr zufolge"
        else:
            break
        k -= 1
    if start is None or not any(t.is_cap for t in tokens[start:end]):
        return None
    return _backward_start(tokens, start, end, lex, prepositions)


def _before_mark(tokens: list[Token], k: int, start: int | None, end: int,
                 limit: int) -> tuple[int, int | None] | None:
    """Reading backward at the mark k: where to read on and where the phrase starts, or None
    when the phrase ends at the mark. A hyphen or slash inside the phrase, a bracket after
    its noun ("des Verbandes (VDR) zufolge") and a quoted name („Der Spiegel“ zufolge) belong to it."""
    text = tokens[k].text
    if text in "-/&'’." and start is not None:
        return k - 1, start
    if text in ")]" and (start is None or start == k + 1):
        open_at = next((j for j in range(k - 1, max(limit, k - 8) - 1, -1) if tokens[j].text in "(["), None)
        if open_at is not None and open_at > limit and tokens[open_at - 1].is_word:
            return open_at - 1, start
    if text in QUOTE_CHARS and start is None and end - 1 == k:
        open_at = next((j for j in range(k - 1, max(limit, k - 7) - 1, -1) if tokens[j].text in QUOTE_CHARS), None)
        if open_at is not None and quoted_name(tokens, open_at, end) == end:
            return open_at - 1, open_at
    return None


def _backward_start(tokens: list[Token], start: int, end: int, lex: Lexicon,
                    prepositions: frozenset[str]) -> Range | None:
    """The phrase read backward to ``start``, less a verb and what stands before it, and less
    a sentence opener that is no noun."""
    # in "Am Samstag starben behördlichen Angaben zufolge" the word after the noun is
    # the verb, and the phrase begins after it
    for j in range(start + 1, end - 1):
        if tokens[j].lower not in _BACKWARD_LINKS and verb_after_noun(tokens, j, lex, after_quote=False) \
                and not any(tokens[m].lower in lex.word("prepositions") and not tokens[m].is_cap
                            for m in range(max(0, j - 3), j - 1)):
            start = j + 1  # not a participial attribute: "die gegen die Bauern im Land gerichtete Rhetorik"
    # a capitalised sentence opener that is no noun ("Gestern") is not part of it
    while start < end and (tokens[start].lower in prepositions and tokens[start].lower not in lex.word("determiners")
                           or tokens[start].lower in ("von", "vom")):
        start += 1  # "Gestern …"; not the article of "Das Gericht"
    return (start, end) if start < end else None


def _skip_pp(tokens: list[Token], k: int, end: int, lex: Lexicon) -> int:
    """Position after a prepositional phrase starting at k ("am Montag", "in einem Interview")."""
    if k + 1 < end and tokens[k + 1].is_cap:
        j = k + 1  # a bare name: "in Brandhausen der Sprecher …" ends after the name
        while j < end and (tokens[j].is_cap or tokens[j].text == "-"):
            j += 1
        return j
    rng = phrase_forward(tokens, k + 1, end, lex)
    if rng is not None:
        return rng[1]
    j = k + 1
    while j < end and tokens[j].is_word and not tokens[j].is_cap and j < k + 4:
        j += 1
    return j


def subject_after(tokens: list[Token], k: int, end: int, lex: Lexicon) -> Range | None:
    """The subject after an inverted finite verb, skipping adverbs, prepositional
    phrases and dative objects ("sagte am Montag der Minister", "erklärte er")."""
    pronouns = lex.word("subject_pronouns")
    prepositions = lex.word("prepositions")
    adverbs = lex.word("non_subject_openers")
    times = lex.word("time_nouns")
    determiners = lex.word("determiners")
    steps = 0
    fallback: Range | None = None
    while k < end and steps < 12:
        steps += 1
        t = tokens[k]
        if not t.is_word:
            if t.text in "-/" or t.text in BRACKETS or t.text in ")]":
                k += 1
                continue
            quoted = quoted_name(tokens, k, end)
            if quoted is not None:
                return (k, quoted)  # "schrieb „Die Zeit“", "Wie „heise online“ berichtet"
            return None
        low = t.lower
        if low in pronouns:
            return (k, k + 1)
        if low in prepositions and not t.is_cap:
            k = _skip_pp(tokens, k, end, lex)
            continue
        if t.is_cap and low in times or t.is_number:
            k += 1
            continue
        if not t.is_cap and low not in determiners and not np_word(tokens, k, end, lex):
            if low in adverbs or low.endswith(("lich", "weise", "mals", "dings")) or len(low) <= 7:
                k += 1  # "gestern", "zudem", "ausdrücklich", "erneut"
                continue
            return None
        rng = phrase_forward(tokens, k, end, lex)
        if rng is None:
            return None
        if low in ("dem", "einem", "den") or (low == "der" and rng[0] + 2 < rng[1]
                                                and tokens[rng[0] + 1].lower.endswith("en")):
            # dative addressee: "sagte dem Sender", "sagte der Süddeutschen Zeitung ein Sprecher"
            if fallback is None and low == "der":
                fallback = rng
            k = rng[1]
            continue
        return rng
    return fallback


def with_apposition(tokens: list[Token], rng: Range | None, lex: Lexicon) -> Range | None:
    """ "sagte der Fraktionschef der Grünen, Markus Hoffmann." keeps the apposition."""
    if rng is None:
        return None
    n = len(tokens)
    j = rng[1]
    if j + 1 < n and tokens[j].text == "," and tokens[j + 1].text not in QUOTE_CHARS:
        appo = phrase_forward(tokens, j + 1, n, lex)
        if appo is not None and (appo[1] >= n or tokens[appo[1]].text in FINAL_PUNCT or tokens[appo[1]].text in ":,"
                                 or _closing_time_adverbial(tokens, appo[1], lex)):
            return (rng[0], appo[1])
    return rng


def _closing_time_adverbial(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Does only a time adverbial end the sentence from k ("…, Kommandeur des Einsatzes am Montag.")?
    Then the apposition ended before it, its closing comma left out."""
    n = len(tokens)
    end = min(n, k + 4)
    j = k
    while j < end and tokens[j].is_word:
        j += 1
    if j == k or j < n and tokens[j].text not in FINAL_PUNCT:
        return False
    words = [t.lower for t in tokens[k:j]]
    if len(words) == 1:
        return words[0] in ("heute", "gestern", "vorgestern", "morgens", "abends")
    return words[0] in ("am", "im", "vom", "seit") and words[-1] in lex.word("time_nouns") \
        and all(w in lex.word("determiners") for w in words[1:-1])


def np_clause(tokens: list[Token], cs: int, ce: int, lex: Lexicon) -> bool:
    """Is the clause [cs, ce) a bare noun phrase (an apposition)?"""
    if cs >= ce or tokens[cs].key in lex.word("prepositions"):
        return False  # "Im Brief, den …, erklärt er": a prepositional phrase is no subject
    if ce - cs > 1 and tokens[ce - 1].text == "." and abbreviation(tokens[ce - 2]):
        ce -= 1  # "die britische Königin Elisabeth II."
    rng = phrase_forward(tokens, cs, ce, lex)
    if rng is None or rng[1] != ce:
        return False
    return not any(tokens[k].lower in lex.word("auxiliaries") for k in range(cs, ce))
