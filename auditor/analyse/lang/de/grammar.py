"""German grammar for the tagger: source phrases and who speaks for a cue verb.

German puts the finite verb second in a main clause ("Die Polizei teilte mit"),
last in a subordinate one ("wie die Polizei mitteilte"), and lets the subject
follow the verb when something else comes first ("Am Montag sagte der
Minister", "„…“, sagte er"). No parser: the clause is read with the word
classes of ``rules/lexicons/de.toml``.

Conventions (from the German WikiNews gold, checked against the seed articles):

* a cue verb is an attribution only when it has content: a clause after it
  (", dass …", ", die Stadt habe …"), a colon, a quotation in or next to its
  clause, a "wie X mitteilte" frame, or a demonstrative object that points back
  ("Dies teilte X mit"). "Der Minister kritisierte die Pläne" is no attribution;
* the cue holds every piece: auxiliary and participle ("hatte … gesagt", the
  participle is the head), particle ("teilte … mit"), "wie" of "wie X
  mitteilte", a reflexive or correlate ("äußerte sich", "geht davon aus");
* "nach Angaben der Polizei": cue "nach", source "Angaben der Polizei" (the
  statement noun belongs to the source); "Seiner Meinung nach" likewise;
* "Demnach", "demzufolge" are cue and source at once; "wonach" takes the noun
  phrase before it.

Every scan is bounded by the clause or by ``MAX_PHRASE`` words.
"""

from __future__ import annotations

from ....lexicon import Lexicon
from ....models import Attribution, SourceSpan
from ...found import Found
from ...phrases import MAX_PHRASE, Range, matches
from ...phrases import classify as classify_phrase
from ...readings import verb_reading
from ...tokens import FINAL_PUNCT, QUOTE_CHARS, Token, bounds_from_breaks

_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
_BRACKETS = {"(": ")", "[": "]"}

_CLAUSE_BREAKS = frozenset(",;:–—")
_SUBJECT_RELATIVES = frozenset({"der", "die", "das", "welcher", "welche", "welches"})
_STANDALONE_DETERMINERS = frozenset({"diese", "dieser", "dieses", "jene", "jener", "beide", "beiden", "alle", "viele",
                                     "einige", "manche", "mehrere", "andere", "weitere", "zahlreiche", "der", "die",
                                     "das"})
_TAIL_PREPS = frozenset({"gegenüber", "in", "im", "am", "auf", "bei", "vor", "mit", "über", "zu", "zum", "zur",
                         "nach", "aus", "von", "vom", "für", "während", "anlässlich"})
_ATTRIBUTE_PREPS = frozenset({"am", "im", "in", "vom", "von", "seit", "vor", "bei", "beim", "aus", "auf", "nach",
                              "mit", "zum", "zur", "für"})
_BACKWARD_LINKS = frozenset({"von", "vom", "des", "in", "im", "aus", "bei", "beim", "für", "und", "sowie",
                             "zur", "zum", "eines", "einer"})
_RELAY_VERBS = frozenset({"zitiert", "zitierte", "zitierten", "zitieren"})
_OPEN_QUOTES = frozenset("„»“\"")
_OBJECT_DETERMINERS = frozenset({"den", "dem", "einen", "einem", "diesen", "diesem", "seinen", "seinem",
                                 "ihren", "ihrem", "jenen", "jenem"})
_DEMONSTRATIVE_OBJECTS = frozenset({"dies", "das", "dieses", "diese", "es", "darauf", "daran", "dazu",
                                    "hierzu", "hierauf", "davon", "darüber", "solches", "letzteres"})


def function_words(lex: Lexicon) -> frozenset[str]:
    """Words that are never an adjective inside a noun phrase ("unter", "aber", "wurden")."""
    return lex.derived(_function_words)


def _function_words(lex: Lexicon) -> frozenset[str]:
    return (lex.word("prepositions") | lex.word("non_subject_openers") | lex.word("subordinators")
            | lex.word("coordinators") | lex.word("auxiliaries") | lex.word("phrase_stoppers")
            | lex.word("subject_pronouns")) - lex.word("determiners")


_DOMAINS = (".de", ".com", ".net", ".org", ".at", ".ch", ".eu", ".info", ".uk", ".fr", ".it", ".ru")


def lower_name(token: Token) -> bool:
    """A name written in lower case: "el-Baradei", "al-Sadr", "bildblog.de", "faz.net"."""
    text = token.text
    if not token.is_word or token.is_cap:
        return False
    if "-" in text:
        return any(part[:1].isupper() for part in text.split("-")[1:])
    return text.endswith(_DOMAINS) and text.index(".") > 1


def _verb_after_noun(tokens: list[Token], k: int, lex: Lexicon, *, after_quote: bool) -> bool:
    """Is tokens[k] a lowercase word right after a noun, a closing bracket or (``after_quote``)
    a quotation mark?  Then it ends a phrase: an adjective follows a determiner, a link or
    another adjective, never the noun itself. A genitive plural without article ends in
    -er and stays ("nach Meinung politischer Beobachter")."""
    token, before = tokens[k], tokens[k - 1]
    determiners = lex.word("determiners")
    if not token.is_word or token.is_cap or token.is_number or token.lower.endswith("er") \
            or token.lower in determiners or lower_name(token):
        return False
    return before.is_word and before.is_cap and before.lower not in determiners or before.text in ")]" \
        or after_quote and before.text in QUOTE_CHARS


def _de_np_word(tokens: list[Token], k: int, end: int, lex: Lexicon) -> bool:
    """Can token k stand inside a German noun phrase?"""
    token = tokens[k]
    if not token.is_word:
        return token.text in "-/&'’."
    if token.is_cap or token.is_number or (token.text,) in lex.outlets or lower_name(token):
        return True  # "die dpa"
    lower = token.lower
    if lower in lex.word("determiners"):
        return True
    # an adjective or participle ("hochrangigen", "ehemaligen") needs a noun after it;
    # a finite cue verb is none ("… kündigten Untersuchungen an")
    if lower.endswith(_ADJECTIVE_ENDINGS) and lower not in function_words(lex) and not any(
            not f.participle for f in lex.verb_forms.get(lower, ())):
        for nxt in range(k + 1, min(k + 4, end)):
            if tokens[nxt].is_cap:
                return True
            if not tokens[nxt].is_word or not tokens[nxt].lower.endswith(_ADJECTIVE_ENDINGS):
                break
    return False


def _quoted_name(tokens: list[Token], k: int, end: int) -> int | None:
    """End (exclusive) of a short quoted name at k: „Der Spiegel“, »Bild«."""
    if tokens[k].text not in _OPEN_QUOTES:
        return None
    for j in range(k + 1, min(end, k + 7)):
        if tokens[j].text in QUOTE_CHARS:
            inner = tokens[k + 1:j]
            if inner and (inner[0].is_cap or lower_name(inner[0])) and all(t.is_word or t.text in "-.&'" for t in inner):
                return j + 1
            return None
        if not tokens[j].is_word and tokens[j].text not in "-.&'":
            return None
    return None


_CHANNEL_PREPS = frozenset({"im", "in", "bei", "beim", "zur", "zum", "gegenüber", "auf", "vor"})


def _channel_follows(tokens: list[Token], k: int, limit: int, lex: Lexicon) -> bool:
    """Does a channel noun ("Fernsehen", "Interview", "Pressekonferenz") head the phrase at k?"""
    channels = lex.word("channel_nouns")
    for j in range(k, min(limit, k + 4)):
        t = tokens[j]
        if not t.is_word:
            return False
        if t.is_cap and t.lower not in lex.word("determiners"):
            low = t.lower
            return low in channels or any(low[i:] in channels for i in range(1, len(low) - 4))
    return False


def _year_after_date_noun(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """ "ein Bericht vom November 2011", "Planungen aus dem Jahr 2005": the year belongs to the date."""
    text = tokens[k].text
    return len(text) == 4 and text.isdigit() and k > 0 and tokens[k - 1].lower in lex.word("year_heads")


def _forward(tokens: list[Token], k: int, end: int, lex: Lexicon) -> Range | None:
    return phrase_forward(tokens, k, end, lex) if k < end else None


def phrase_forward(tokens: list[Token], k: int, end: int, lex: Lexicon) -> Range | None:
    """A German source phrase starting at token k ("der Sprecher des Ministeriums")."""
    start = k
    has_noun = False
    last_good = None
    limit = min(end, k + MAX_PHRASE)
    attachments = lex.word("attachments")
    determiners = lex.word("determiners")
    stop = lex.word("phrase_stoppers")
    attribute_end = -1
    while k < limit:
        token = tokens[k]
        if token.text in _BRACKETS and has_noun:  # "(NEMA)"
            close = next((j for j in range(k + 1, min(limit + 8, end)) if tokens[j].text == _BRACKETS[token.text]), None)
            if close is None:
                break
            k = close + 1
            last_good = k
            continue
        quoted = _quoted_name(tokens, k, end)
        if quoted is not None and not has_noun and not (k > start and tokens[k - 1].lower in determiners) \
                and not all(t.is_cap or not t.is_word or lower_name(t) for t in tokens[k + 1:quoted - 1]):
            quoted = None  # »Wir lassen niemanden allein« is a quotation, not a name
        if quoted is not None:  # die Zeitung „Yemen Observer“
            k = quoted
            has_noun = True
            last_good = k
            continue
        if k > start and token.is_word and not token.is_cap and tokens[k - 1].lower in determiners \
                and (token.lower in _ATTRIBUTE_PREPS or token.lower in lex.word("non_subject_openers")):
            # "einer am Dienstag veröffentlichten Mitteilung", "einer gestern vorgestellten Studie":
            # a PP or adverb inside a participial attribute
            j = None
            for m in range(k + 1, min(limit, k + 6)):
                t = tokens[m]
                if not t.is_word:
                    break
                if not t.is_cap and t.lower.endswith(("ten", "tem", "ter", "tes", "te", "enen", "ener", "enem", "enes",
                                                      "ene", "nden", "nder", "ndem", "ndes", "nde")) \
                        and m + 1 < limit and tokens[m + 1].is_cap and t.lower not in function_words(lex):
                    j = m
                    break
            if j is not None:
                k = attribute_end = j
                continue
        if token.is_word and token.lower == "in" and has_noun and k + 1 < limit and tokens[k + 1].is_cap \
                and tokens[k + 1].lower not in lex.word("determiners") and tokens[k + 1].lower not in stop:
            k += 1  # "die Polizei in Nordstadt", "ein Regierungssprecher in Berlin"
            continue
        if token.is_word and token.lower == "als" and has_noun and k + 2 < limit and tokens[k + 1].lower == "auch" \
                and (tokens[start].lower == "sowohl" or start > 0 and tokens[start - 1].lower == "sowohl"):
            k += 3 if tokens[k + 2].lower in determiners else 2  # "Sowohl die Behörde als auch das Militär"
            continue
        if token.is_word and token.lower in lex.word("name_particles") and has_noun and tokens[k - 1].is_cap \
                and k + 1 < limit and tokens[k + 1].is_cap:
            k += 1  # "Heike van Laak", "Luiz Inácio da Silva"
            continue
        if token.is_word and token.lower in _CHANNEL_PREPS and has_noun and not token.is_cap \
                and _channel_follows(tokens, k + 1, limit, lex):
            break  # "Nasrallah im libanesischen Fernsehen": where it was said, not who
        if token.is_word and token.lower in attachments and has_noun and not token.is_cap:
            # "von der Umweltbehörde", "des Ministeriums", "und Gavin Williamson"
            if k + 1 < limit and (_de_np_word(tokens, k + 1, end, lex) and tokens[k + 1].is_word
                                  and not (tokens[k + 1].is_number and token.lower in ("von", "vom"))
                                  or _quoted_name(tokens, k + 1, end) is not None
                                  or token.lower in determiners and tokens[k + 1].is_word and not tokens[k + 1].is_cap
                                  and (tokens[k + 1].lower in _ATTRIBUTE_PREPS
                                       or tokens[k + 1].lower in lex.word("non_subject_openers"))):
                k += 1
                continue
            break
        if has_noun and token.is_word and not token.is_cap and (
                token.lower in determiners or token.lower in stop) and not (
                token.lower in determiners and tokens[k - 1].lower in ("von", "aus", "bei", "für")):
            break  # a new phrase begins: "des Hilfswerks mehrere Wochen"; not "für das Münsterland"
        if has_noun and _year_after_date_noun(tokens, k, lex):
            last_good = k + 1
            break  # "ein Bericht vom November 2011": the year closes the date
        if has_noun and token.is_number and tokens[k - 1].is_word and tokens[k - 1].is_cap \
                and tokens[k - 1].lower not in determiners and not (k + 1 < end and tokens[k + 1].text in "/-"):
            break  # "der Polizei 20 Menschen"; not "Bündnis 90/Die Grünen"
        if token.is_word and token.is_cap and token.lower in stop and k == start:
            return None
        if not _de_np_word(tokens, k, end, lex):
            break
        if has_noun and k > start and k != attribute_end and (token.text,) not in lex.outlets \
                and _verb_after_noun(tokens, k, lex, after_quote=True):
            break  # "Angaben der Polizei umstellten Beamte das Haus" ends before the verb
        if (token.is_cap and token.lower not in determiners) or token.is_number or (token.text,) in lex.outlets \
                or lower_name(token):
            has_noun = True  # not the article that opens the sentence ("Der 84-jährige Küng")
            last_good = k + 1
        k += 1
    if not has_noun and start < len(tokens) and tokens[start].is_cap and tokens[start].lower in _STANDALONE_DETERMINERS \
            and (start + 1 >= end or not tokens[start + 1].is_cap):  # start < len: a text can end on "am"
        return (start, start + 1)  # "Diese besagt, …", "Beide betonten, …"
    if not has_noun or last_good is None:
        return None
    return (start, last_good)


def phrase_backward(tokens: list[Token], k: int, begin: int, lex: Lexicon) -> Range | None:
    """A German source phrase ending at token k, read backward ("Den Angaben der Polizei")."""
    end = k + 1
    start = None
    limit = max(begin, k - MAX_PHRASE)
    prepositions = lex.word("non_subject_openers") | lex.word("prepositions")
    while k >= limit:
        token = tokens[k]
        if not token.is_word:
            if token.text in "-/&'’." and start is not None:
                k -= 1
                continue
            if token.text in ")]" and (start is None or start == k + 1):
                # "des Verbandes (VDR) zufolge": a bracket after the noun belongs to it
                open_at = next((j for j in range(k - 1, max(limit, k - 8) - 1, -1) if tokens[j].text in "(["), None)
                if open_at is not None and open_at > limit and tokens[open_at - 1].is_word:
                    k = open_at - 1
                    continue
            if token.text in QUOTE_CHARS and start is None and end - 1 == k:
                # „Der Spiegel“ zufolge
                open_at = next((j for j in range(k - 1, max(limit, k - 7) - 1, -1)
                                if tokens[j].text in QUOTE_CHARS), None)
                if open_at is not None and _quoted_name(tokens, open_at, end) == end:
                    start = open_at
                    k = open_at - 1
                    continue
            break
        lower = token.lower
        if token.is_cap or token.is_number or lower in lex.word("determiners") or lower_name(token):
            if lower in prepositions and not token.is_cap:
                break
            start = k
        elif lower.endswith(_ADJECTIVE_ENDINGS) and start is not None and lower not in prepositions \
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
    # in "Am Samstag starben behördlichen Angaben zufolge" the word after the noun is
    # the verb, and the phrase begins after it
    for j in range(start + 1, end - 1):
        if tokens[j].lower not in _BACKWARD_LINKS and _verb_after_noun(tokens, j, lex, after_quote=False) \
                and not any(tokens[m].lower in lex.word("prepositions") and not tokens[m].is_cap
                            for m in range(max(0, j - 3), j - 1)):
            start = j + 1  # not a participial attribute: "die gegen die Bauern im Land gerichtete Rhetorik"
    # a capitalised sentence opener that is no noun ("Gestern") is not part of it
    while start < end and (tokens[start].lower in prepositions and tokens[start].lower not in lex.word("determiners")
                           or tokens[start].lower in ("von", "vom")):
        start += 1  # "Gestern …"; not the article of "Das Gericht"
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
        comma = k - 1
        while comma >= 0 and tokens[comma].text not in _CLAUSE_BREAKS:
            comma -= 1
        # only a relative clause relays: ", die von X zitiert werden"
        if comma < 0 or comma + 1 >= k or tokens[comma + 1].lower not in lex.word("relative_pronouns"):
            continue
        relay = _forward(tokens, k + 1, i, lex)
        if relay is None:
            continue
        last = i + 1
        while last < len(tokens) and tokens[last].lower in ("werden", "wird", "wurde", "wurden", "worden"):
            last += 1
        used.update(range(max(comma, 0), last))
        found.append((max(comma, 0), relay))
    return found


# --- clauses and quotations ---------------------------------------------------


def clause_bounds(tokens: list[Token]) -> tuple[list[int], list[int]]:
    """For every token, the start and end (exclusive) of its clause.

    Commas, colons, semicolons and dashes end a clause; brackets do not (a
    bracket after a noun belongs to it: "Das Gericht (BVerwG) entschied").
    """
    n = len(tokens)
    breaks = []
    depth = 0
    for i, token in enumerate(tokens):
        if token.text in _BRACKETS:
            depth += 1
        elif token.text in ")]" and depth:
            depth -= 1
        elif token.text == "," and depth:
            continue  # "(Awoda, dt. Arbeiterpartei)": a comma inside brackets ends no clause
        if token.text == "." and i > 0 and _abbreviation(tokens[i - 1]) and i + 1 < n:
            continue  # "Königin Elisabeth II., …": an abbreviation ends no clause
        if token.text in _CLAUSE_BREAKS or token.text in FINAL_PUNCT:
            breaks.append(i)
    return bounds_from_breaks(n, breaks)


def quoted_tokens(tokens: list[Token]) -> tuple[set[int], bool]:
    """Indices of the tokens inside quotation marks, and whether any quote (3+ words) is there.

    A closing mark with no opening one means the sentence began inside a
    quotation; an opening one with no closing mark runs to the end.
    """
    inside: set[int] = set()
    has_quote = False
    marks = [k for k, t in enumerate(tokens) if t.text in QUOTE_CHARS and t.text not in "'’‚‘"]
    if not marks:
        return inside, False
    # pair the marks left to right: „ opens, “ closes (German); » opens, « closes
    open_at: int | None = None
    first_close = True
    for k in marks:
        ch = tokens[k].text
        opening = ch in "„»" or (ch in "“\"" and open_at is None and not (
            k > 0 and tokens[k - 1].is_word and (k + 1 >= len(tokens) or not tokens[k + 1].is_word)))
        if ch == "”":
            opening = False
        if open_at is None and opening:
            open_at = k
        elif open_at is not None and not (ch in "„»"):
            words = sum(1 for j in range(open_at + 1, k) if tokens[j].is_word)
            if words >= 3:
                has_quote = True
            inside.update(range(open_at + 1, k))
            open_at = None
        elif open_at is None and first_close:
            # began inside a quotation that opened in an earlier sentence
            inside.update(range(0, k))
            has_quote = True
        first_close = False
    if open_at is not None:
        inside.update(range(open_at + 1, len(tokens)))
        if sum(1 for j in range(open_at + 1, len(tokens)) if tokens[j].is_word) >= 3:
            has_quote = True
    return inside, has_quote


# --- frames ---------------------------------------------------------------------


_EXACT: dict[int, frozenset[str]] = {}


def _is_statement(token: Token, nouns: frozenset[str], exact: frozenset[str] = frozenset()) -> bool:
    """A statement noun, or a compound ending in one ("Polizeiangaben"); the words in
    ``exact`` only as themselves ("Sicht", not "Voraussicht")."""
    word = token.lower
    if word in nouns:
        return True
    return token.is_cap and any(word[i:] in nouns and word[i:] not in exact for i in range(1, len(word) - 4))


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
        if t.is_cap and _is_statement(t, nouns, exact):
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
    return frozenset(("nach", "aus", "denen", "so")) | lex.word("self_sources") | lex.word("subjunctive_self_sources")


def frames(tokens: list[Token], lex: Lexicon, used: set[int]) -> list:
    """German frames beyond the lexicon patterns: "nach Angaben der Polizei",
    "Seiner Meinung nach", "Demnach", ", wonach", ", so X" (a tail that may
    also stand in the middle: "„…“, so X, „…“")."""
    found: list[Found] = []
    n = len(tokens)
    self_sources = lex.word("self_sources")
    determiners = lex.word("determiners")
    colon = _speaker_colon(tokens, lex, used)
    if colon is not None:
        found.append(colon)
    triggers = lex.derived(_frame_triggers)
    for k, token in enumerate(tokens):
        if token.lower not in triggers or k in used:
            continue
        lower = token.lower
        if lower in ("nach", "aus") and k + 1 < n:
            if lower == "aus" and tokens[k + 1].lower not in lex.word("aus_heads"):
                origin = _source_of_origin(tokens, k, lex, used)
                if origin is not None:
                    found.append(origin)
                    used.update(origin.cue)
                    used.update(range(*origin.source))
                continue
            if lower == "nach" and k > 0 and (tokens[k - 1].lower in lex.word("before_temporal_nach") or (
                    tokens[k - 1].is_cap and tokens[k - 1].lower in lex.word("nach_complement_nouns"))):
                continue  # "zwei Monate nach dem Urteil", "die Forderung nach einem Vertrag"
            rng = _statement_phrase(tokens, k + 1, n, lex)
            if rng is not None:
                rng = _apposition(tokens, rng, lex)  # "nach Angaben von Sam Maiha, dem Direktor der Behörde,"
            if rng is not None and not used.intersection(range(*rng)):
                found.append(Found(source=rng, cue=[k], mode="according_to", head=k))
                used.update(range(k, rng[1]))
                continue
            # postposition: "Seiner Meinung nach", "eigenen Angaben nach"
            nxt = tokens[k + 1]
            if lower == "nach" and k > 0 and not (nxt.is_cap or nxt.is_number or nxt.lower in determiners):
                back = phrase_backward(tokens, k - 1, 0, lex)
                if back is not None:
                    # "Seiner Meinung nach", "die ihrer Ansicht nach …", "Müllers Ansicht nach",
                    # "Dem Vernehmen nach"; not "die Sicht nach oben"
                    owner = next((j for j in range(back[0], k - 1) if tokens[j].lower in lex.word(
                        "postposed_nach_openers") or tokens[j].is_cap and tokens[j].text.endswith("s")
                        and tokens[j].lower not in determiners), None)
                    if owner is not None:
                        back = (owner, back[1])
                    elif tokens[k - 1].lower not in lex.word("postposed_nach_nouns"):
                        back = None
                if back is not None and not used.intersection(range(*back)) and \
                        _is_statement(tokens[back[1] - 1], lex.word("statement_nouns"),
                                      lex.word("statement_nouns_exact")):
                    found.append(Found(source=back, cue=[k], mode="according_to", head=k))
                    used.update(range(back[0], k + 1))
                    continue
            if lower == "nach":
                # "nach SPIEGEL ONLINE", "nach einer Reuters-Reporterin": an outlet by name
                rng = phrase_forward(tokens, k + 1, n, lex)
                end = _names_outlet(tokens, rng, lex) if rng is not None else None
                if end is not None and not used.intersection(range(rng[0], end)):
                    found.append(Found(source=(rng[0], end), cue=[k], mode="according_to", head=k))
                    used.update(range(k, end))
            continue
        if lower in lex.word("subjunctive_self_sources") and k == 0 and any(
                t.lower in lex.word("subjunctive_forms") or t.lower in ("hätte", "hätten", "wäre", "wären")
                for t in tokens[1:MAX_PHRASE]):
            # "Danach sei die Zahl gestiegen": "danach" cites what was named before only in Konjunktiv
            found.append(Found(source=(k, k + 1), cue=[k], mode="according_to", head=k))
            used.add(k)
            continue
        if lower in self_sources:
            if lower == "wonach" and k > 1 and tokens[k - 1].text == ",":
                back = phrase_backward(tokens, k - 2, 0, lex)
                if back is not None and not used.intersection(range(*back)):
                    found.append(Found(source=back, cue=[k], mode="according_to", head=k))
                    used.update(range(*back))
                    used.add(k)
                    continue
            found.append(Found(source=(k, k + 1), cue=[k], mode="according_to", head=k))
            used.add(k)
            continue
        if lower == "denen" and k > 0:
            # "Studien, nach denen …", "Grundsätze, denen zufolge …": the relative pronoun stands for the source
            if k + 1 < n and tokens[k + 1].lower == "zufolge" and k + 1 not in used:
                found.append(Found(source=(k, k + 1), cue=[k + 1], mode="according_to", head=k + 1))
                used.update((k, k + 1))
            elif tokens[k - 1].lower == "nach" and k > 1 and tokens[k - 2].text == "," and k - 1 not in used:
                found.append(Found(source=(k, k + 1), cue=[k - 1], mode="according_to", head=k - 1))
                used.update((k - 1, k))
            continue
        if lower == "so" and k > 0 and tokens[k - 1].text in ",–—" and k + 1 < n:
            tail = _so_tail(tokens, k, lex)
            if tail is not None and not used.intersection(range(*tail)):
                found.append(Found(source=tail, cue=[k], mode="reported", head=k))
                used.update(range(k, tail[1]))
    return found


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
    if k is None or k == 0 or k + 1 >= n or tokens[k + 1].text not in _OPEN_QUOTES:
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
    if rng[1] != end or used.intersection(range(*rng)) or not _speaker_like(tokens, rng, lex) \
            or rng[1] - rng[0] < 2 and adverb is None or classify(tokens, rng, lex) not in ("person", "organization"):
        return None
    used.update(range(0, k + 1))
    if adverb is not None:  # "Koppelin wörtlich: „…“": the adverb is the cue
        return Found(source=rng, cue=[adverb], mode="direct_quote", head=adverb)
    return Found(source=rng, cue=[k], mode="direct_quote", head=k, silent=True)


def _np_clause_or_apposition(tokens: list[Token], rng: Range, end: int, lex: Lexicon) -> bool:
    """ "Erkki Tuomioja, Präsident des Rats" up to ``end``: a name with its apposition."""
    j = rng[1]
    return j < end and tokens[j].text == "," and _np_clause(tokens, j + 1, end, lex)


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
    j = rng[1]
    # words that may follow the source: "so Elshorst weiter", "so X gegenüber der Zeitung"
    while j < n and tokens[j].is_word and tokens[j].lower in lex.word("tail_adverbs"):
        j += 1
    for _ in range(3):
        # "so X gegenüber der Zeitung", "so das Ergebnis einer Studie mit dem Titel „…“"
        if j < n and tokens[j].lower in _TAIL_PREPS:
            after = phrase_forward(tokens, j + 1, n, lex)
            if after is None:
                break
            j = after[1]
            while j < n and tokens[j].is_word and tokens[j].lower in lex.word("tail_adverbs"):
                j += 1
        else:
            break
    if j >= n or tokens[j].text in FINAL_PUNCT or tokens[j].text in ":–—":
        # the sentence ends: a relative clause or apposition may hang on the source
        return rng
    if tokens[j].text == ",":
        rest = [t for t in tokens[j + 1:] if t.is_word]
        if not rest:
            return rng
        if tokens[j + 1].lower in lex.word("relative_pronouns") and all(
                t.text not in _CLAUSE_BREAKS for t in tokens[j + 1:] if not t.is_word and t.text not in FINAL_PUNCT):
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


# --- cue verbs ------------------------------------------------------------------


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
            if t.text in "-/" or t.text in _BRACKETS or t.text in ")]":
                k += 1
                continue
            quoted = _quoted_name(tokens, k, end)
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
        if not t.is_cap and low not in determiners and not _de_np_word(tokens, k, end, lex):
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


def _apposition(tokens: list[Token], rng: Range | None, lex: Lexicon) -> Range | None:
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


_CONTRAST_ADVERBS = frozenset({"aber", "jedoch", "allerdings", "dennoch", "trotzdem"})


def _adverbial_vorfeld(tokens: list[Token], vorfeld: list[int], rng: Range, lex: Lexicon) -> bool:
    """Is the first position an adverbial rather than the subject? A time noun leads it
    ("Ende Januar 2006", "Wenige Stunden nach dem Putsch") or it is "Des Weiteren"."""
    times = lex.word("time_nouns")
    first = tokens[vorfeld[0]]
    if first.lower == "des" and len(vorfeld) > 1 and tokens[vorfeld[1]].lower in ("weiteren", "öfteren"):
        return True
    if len(vorfeld) > 1 and _adverb_like(tokens, vorfeld[0], lex) and tokens[vorfeld[1]].lower in lex.word("prepositions"):
        return True  # "Passend zu den Gefahren warnte die Moderatorin"
    heads = [tokens[k] for k in range(rng[0], rng[1]) if tokens[k].is_cap and tokens[k].lower not in lex.word("determiners")]
    return any(h.lower in times for h in heads[:2])


def _quote_content(tokens: list[Token], inside: set[int], cs: int, ce: int, source: Range | None) -> bool:
    """A quotation in the clause that is what was said: two or more quoted words outside the
    source ("Die Tour „A Bigger Bang“ stellte … auf" quotes a name, not a statement)."""
    skip = range(*source) if source is not None else range(0)
    quoted = [k for k in range(cs, ce) if k in inside and k not in skip and tokens[k].is_word]
    # two or more words, or one after "als": "wies den Bericht als „falsch“ zurück"
    return len(quoted) >= 2 or len(quoted) == 1 and quoted[0] >= 2 and tokens[quoted[0] - 2].lower == "als"


def _quoted_predicate(tokens: list[Token], inside: set[int], i: int, ce: int, source: Range) -> bool:
    """One quoted word that ends the clause after the verb at i (or ends it before "und"):
    what the object was called ("nannte den Plan „mutig“", "nannte ihn einen „Verräter“")."""
    quoted = [k for k in range(i + 1, ce) if k in inside and tokens[k].is_word and not source[0] <= k < source[1]]
    if len(quoted) != 1:
        return False
    k = quoted[0] + 1
    while k < ce and not tokens[k].is_word:
        k += 1
    return k == ce or tokens[k].lower in ("und", "sowie")


def _adverb_like(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """A sentence-initial adverb or adjective standing alone before the verb
    ("Unmissverständlich", "Bezüglich", "Besorgt"): capitalised only by position."""
    t = tokens[k]
    if k > 0 and any(tokens[j].is_word for j in range(k)) or not t.is_word:
        return False
    low = t.lower
    if low in lex.word("determiners") or low in lex.word("subject_pronouns"):
        return False
    return len(low) > 5 and low.endswith(tuple(lex.word("adverb_endings"))) \
        and low not in lex.word("non_subject_openers") and low not in lex.word("prepositions")


def _np_clause(tokens: list[Token], cs: int, ce: int, lex: Lexicon) -> bool:
    """Is the clause [cs, ce) a bare noun phrase (an apposition)?"""
    if cs >= ce or tokens[cs].key in lex.word("prepositions"):
        return False  # "Im Brief, den …, erklärt er": a prepositional phrase is no subject
    if ce - cs > 1 and tokens[ce - 1].text == "." and _abbreviation(tokens[ce - 2]):
        ce -= 1  # "die britische Königin Elisabeth II."
    rng = phrase_forward(tokens, cs, ce, lex)
    if rng is None or rng[1] != ce:
        return False
    return not any(tokens[k].lower in lex.word("auxiliaries") for k in range(cs, ce))


def apposition_subject(tokens: list[Token], cs: int, starts: list[int], lex: Lexicon,
                       wie: list[int] | None = None) -> Range | None:
    """The subject before a comma in "Der Leiter der WHO, Klaus Stöhr, sagte" or
    "Hubert Primus, der … ist, wies … zurück"; "wie X, Chef von Y, mitteilte"
    (the position of "wie" is put into ``wie``)."""
    j = cs - 1
    first = last = None
    relatives = lex.word("relative_pronouns")
    while j > 0 and tokens[j].text == "," and j - 1 >= 0:
        ps = starts[j - 1]
        if wie is not None and tokens[ps].key == "wie" and _np_clause(tokens, ps + 1, j, lex):
            wie.append(ps)
            return (ps + 1, last or j)
        if _np_clause(tokens, ps, j, lex):
            first = ps
            if last is None:
                last = j
            j = ps - 1
            continue
        if last is None and tokens[ps].lower in relatives and ps > 0 and tokens[ps - 1].text == ",":
            j = ps - 1  # skip the relative clause; its antecedent is the source
            continue
        break
    if first is None:
        return None
    if first > 0 and tokens[first - 1].text not in ":;" and tokens[first - 1].text not in QUOTE_CHARS:
        return None
    if last is not None and last < cs - 1 and first is not None:
        # a relative clause stood between the antecedent and the verb: keep the antecedent
        pass
    return (first, last)


def _wie_apposition_subject(tokens: list[Token], i: int, cs: int, first_word: int, verb_final: bool,
                            starts: list[int], lex: Lexicon) -> tuple[int, Range] | None:
    """ "wie der Bürgermeister, Peter Kunz, der Presse mitteilte": a verb-final clause after an
    apposition, with an addressee or adverbial before its verb -> (position of "wie", subject).
    A verb opening its clause ("wie X, Chef von Y, mitteilte") is read elsewhere."""
    if first_word == i or not verb_final or cs < 2 or tokens[cs - 1].text != ",":
        return None
    opener = tokens[first_word].lower
    if opener in lex.word("subordinators") or opener in lex.word("relative_pronouns") and not (
            first_word + 1 < i and tokens[first_word + 1].is_cap):
        return None  # ", der … mitteilte" is a relative clause; "der Presse mitteilte" has an article
    if any(tokens[k].key in lex.verb_forms and not tokens[k].is_cap for k in range(first_word, i)):
        return None  # a verb of its own before the cue
    wie: list[int] = []
    subject = apposition_subject(tokens, cs, starts, lex, wie)
    return (wie[0], subject) if subject is not None and wie else None


def auxiliary_before_apposition(tokens: list[Token], cs: int, starts: list[int],
                                lex: Lexicon) -> tuple[int, Range] | None:
    """ "Zuvor hatte ein Sprecher, Peter Kunz, erklärt, …": the participle opens its clause after
    an apposition, its auxiliary and subject stand in the clause before that
    -> (position of the auxiliary, subject with its apposition)."""
    j = cs - 1
    last = None
    for _ in range(2):  # one or two appositions: "der Leiter, Karl Brenner, ein Jurist,"
        if j <= 0 or tokens[j].text != "," or not _np_clause(tokens, starts[j - 1], j, lex):
            break
        last = last or j
        j = starts[j - 1] - 1
    if last is None or j <= 0 or tokens[j].text != ",":
        return None
    ps = starts[j - 1]
    aux = next((k for k in range(ps, j) if tokens[k].lower in lex.word("auxiliaries")), None)
    if aux is None or aux == ps:
        return None
    subject = subject_after(tokens, aux + 1, j, lex)
    if subject is None or subject[1] != j:
        return None  # the apposition must follow the subject directly
    return aux, (subject[0], last)


def _infinitive_end(tokens: list[Token], k: int) -> bool:
    """Token k is a lower-case verb that closes its clause ("… zu machen." / "… zu sein,")."""
    t = tokens[k]
    if not t.is_word or t.is_cap or not t.lower.endswith("n"):
        return False
    return k + 1 >= len(tokens) or not tokens[k + 1].is_word or tokens[k + 1].lower in ("sein", "haben", "werden")


def _zu_infinitive(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """An infinitive with "zu" at k: "zu machen", "zu sein", "anzusprechen", "zurückzuziehen"."""
    t = tokens[k]
    if t.is_cap:
        return False
    if t.lower == "zu":
        return k + 1 < len(tokens) and _infinitive_end(tokens, k + 1)
    word = t.lower
    at = word.find("zu", 2)
    if at < 2 or len(word) < at + 5 or word[:at] not in lex.word("infinitive_prefixes"):
        return False
    return _infinitive_end(tokens, k)


_ROMAN = frozenset("I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split())


def _abbreviation(token: Token) -> bool:
    """A token a period may follow inside a sentence: a Roman numeral or an initial."""
    return token.text in _ROMAN or len(token.text) == 1 and token.text.isupper()


def _skip_pp_segment(tokens: list[Token], at: int, lex: Lexicon) -> int:
    """After the comma at ``at``: the comma that ends a short prepositional phrase with no verb
    (", gegenüber der BBC, dass …"), else ``at``."""
    n = len(tokens)
    if at >= n or tokens[at].text != "," or at + 1 >= n or tokens[at + 1].lower not in lex.word("prepositions"):
        return at
    for k in range(at + 2, min(n, at + 10)):
        t = tokens[k]
        if t.text == ",":
            return k
        if not t.is_word and t.text not in "-/.'’" or t.key in lex.verb_forms or t.lower in lex.word("auxiliaries"):
            return at
    return at


def _skip_channel_relative(tokens: list[Token], i: int, at: int, lex: Lexicon) -> int:
    """After the cue at i and the comma at ``at``: the comma that ends a relative clause on a
    prepositional phrase closing the cue's clause ("schrieb in einer Erklärung, die am Montag
    veröffentlicht wurde, sie …"), else ``at``. A relative clause on an object is not skipped."""
    n = len(tokens)
    if at >= n or tokens[at].text != "," or at + 1 >= n or tokens[at + 1].lower not in lex.word("relative_pronouns"):
        return at
    prep = next((k for k in range(at - 1, max(i, at - MAX_PHRASE), -1) if tokens[k].lower in lex.word("prepositions")
                 and not tokens[k].is_cap), None)
    if prep is None:
        return at
    rng = phrase_forward(tokens, prep + 1, at, lex)
    if rng is None or rng[1] != at:
        return at
    for k in range(at + 2, min(n, at + 25)):
        t = tokens[k]
        if t.text == ",":
            return k if tokens[k - 1].is_word and not tokens[k - 1].is_cap else at
        if not t.is_word and (t.text in FINAL_PUNCT or t.text in ";:" or t.text in QUOTE_CHARS):
            return at
    return at


def _noun_object_before(tokens: list[Token], ce: int, lex: Lexicon) -> bool:
    """Does a noun phrase that is no prepositional phrase end the clause before ``ce``
    ("als einen Versuch, …"; not "am Sonntag, …", "in Berlin, …")?"""
    k = ce - 1
    if k < 0 or not tokens[k].is_cap:
        return False
    j = k
    while j > 0 and j > k - 5 and tokens[j - 1].is_word and (
            tokens[j - 1].is_cap or tokens[j - 1].lower.endswith(_ADJECTIVE_ENDINGS)) \
            and tokens[j - 1].lower not in lex.word("prepositions"):
        j -= 1
    before = tokens[j - 1].lower if j > 0 else ""
    if before in lex.word("determiners"):
        before = tokens[j - 2].lower if j > 1 else ""
    if before in lex.word("prepositions"):
        return False
    # a person asked or urged: "bat Premierminister Key, …", "forderte die Ministerin auf, …"
    return not (j < ce and _named(tokens, (j, ce), lex) and classify(tokens, (j, ce), lex) == "person")


def _infinitive_clause(tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """Does the clause from j end in a zu-infinitive ("der Partei beizutreten", "…, die Stadt zu verlassen")?"""
    for k in range(j, min(len(tokens), j + 25)):
        t = tokens[k]
        if not t.is_word:
            if t.text in FINAL_PUNCT or t.text in ",;:":
                return False
            continue
        if _zu_infinitive(tokens, k, lex):
            return True
    return False


def _content_follows(tokens: list[Token], ce: int, lex: Lexicon, strict: bool = False) -> bool:
    """Does the clause after position ``ce`` carry what was said? ``strict`` after an adverbial
    clause ("Nachdem sie den Fehler bemerkt hatten, …"): the main clause follows there, so only
    a subjunctive, a quotation or "dass" mark reported speech, not any finite verb."""
    n = len(tokens)
    if ce >= n:
        return False
    mark = tokens[ce].text
    if mark == ":":
        return True  # "…, beschrieb der Zeuge den Hergang:" — the quotation may follow in the next sentence
    if mark not in ",–—":
        return False
    j = ce + 1
    while j < n and not tokens[j].is_word and tokens[j].text in QUOTE_CHARS:
        return True  # ", „…“"
    if j >= n:
        return False
    nxt = tokens[j]
    low = nxt.lower
    if low in lex.word("content_openers") and low not in lex.word("relative_pronouns"):
        return True
    if low == "zu" and j + 1 < n and (tokens[j + 1].is_cap or tokens[j + 1].lower in lex.word("determiners")):
        pass  # ", zu der Maßnahme gebe es …": a preposition opens the reported clause
    elif low in ("um", "zu") or low in lex.word("subordinators"):
        return low == "um"
    if low in lex.word("relative_pronouns") and j + 1 < n and not tokens[j + 1].is_cap \
            and tokens[ce - 1].is_cap and not _de_np_word(tokens, j + 1, n, lex) and not (
                _infinitive_clause(tokens, j, lex) and not _noun_object_before(tokens, ce, lex)):
        return False  # a relative clause on an object: "die Pläne, die …"; not ", der Partei beizutreten"
    if strict and (low in lex.word("auxiliaries") or low in lex.word("subjunctive_forms")):
        return False  # "Nachdem er … gemeldet hatte, habe er …": the main clause opens with its verb
    if (low in lex.word("subject_pronouns") or low in ("es", "man")) and not strict:
        return True  # ", er fühle sich …"
    # a main clause of reported speech: ", die Stadt habe …", ", er sei …"
    limit = min(n, j + 25)
    subjunctive = lex.word("subjunctive_forms")
    finite = lex.word("auxiliaries")
    pp_led = low in lex.word("prepositions") and not nxt.is_cap
    for k in range(j, limit):
        t = tokens[k]
        if not t.is_word:
            if t.text == "." and k > j and _abbreviation(tokens[k - 1]):
                continue  # "Benedikt XVI. „ist …“", "Jürgen R. Thumann"
            if t.text in FINAL_PUNCT or t.text in ";:":
                break
            if t.text == ",":
                if pp_led:
                    continue  # ", in den Ländern, in denen …, sei die Zahl gestiegen": the PP leads the clause
                break
            continue
        if t.lower in subjunctive or t.lower in finite and not strict:
            return True
        if _zu_infinitive(tokens, k, lex):
            # "…, die Firma haftbar zu machen"; not "… als einen Versuch, die Wahl zu verschieben"
            # (an infinitive on the noun before the comma)
            return not _noun_object_before(tokens, ce, lex)  # ", die Firma haftbar zu machen", ", die Frage anzusprechen"
        if strict:
            continue  # the word-ending guesses below would take the main clause's verb for speech
        if k > j and not t.is_cap and t.lower.endswith("e") and k - j <= 6 and len(t.lower) > 3 \
                and t.lower not in lex.word("determiners") and t.lower not in function_words(lex) \
                and tokens[k - 1].lower not in lex.word("determiners") and k + 1 < n and (
                    tokens[k - 1].is_cap or tokens[k + 1].is_cap
                    or tokens[k + 1].lower in ("es", "er", "sie", "man", "sich", "der", "die", "das", "ein",
                                               "eine", "nicht", "auch", "noch", "nur", "kein", "keine")):
            return True  # Konjunktiv I: ", der Kreis habe …", ", sehr wahrscheinlich handele es sich …"
        if k > j and not t.is_cap and t.lower.endswith(("t", "te", "ten", "en")) and k - j <= 6 \
                and t.lower not in lex.word("determiners") and t.lower not in lex.word("prepositions"):
            return True
    return False


def _object_is_content(tokens: list[Token], i: int, cs: int, ce: int, source: Range, compound: bool,
                       lemma: str, lex: Lexicon) -> bool:
    """A noun object as what was said: a person's demand in a compound tense ("Die Minister
    hatten eine Friedensmission gefordert"), an estimate with an amount ("Versicherer
    schätzen die Schäden auf bis zu 300 Millionen Euro")."""
    if lemma in lex.word("np_content_compound"):
        return compound and classify(tokens, source, lex) == "person" and any(
            tokens[k].is_cap for k in range(cs, ce) if not source[0] <= k < source[1] and k != i)
    if lemma in lex.word("np_content_amount"):
        return any(tokens[k].lower == "auf" and k + 1 < ce and (tokens[k + 1].is_number or tokens[k + 1].lower in (
            "bis", "rund", "etwa", "mehr", "über", "knapp", "mindestens", "insgesamt"))
            for k in range(i + 1, ce))
    return False


_SENTENCE_OPENERS = frozenset({"auch", "und", "aber", "doch", "zudem", "außerdem", "dann", "nun", "jetzt"})


def _sentence_subject(tokens: list[Token], end: int, lex: Lexicon) -> Range | None:
    """The subject that opens the sentence before ``end`` ("Auch der Minister sprach …"),
    if it names someone who can speak."""
    k = 0
    while k < end and (not tokens[k].is_word and tokens[k].text in QUOTE_CHARS or tokens[k].lower in _SENTENCE_OPENERS):
        k += 1
    if k < end and tokens[k].is_word and (tokens[k].lower in lex.word("prepositions") or tokens[k].lower == "als"
                                          or tokens[k].lower in lex.word("non_subject_openers")):
        # "Im Januar legte er … nieder und verkündete, …": the subject follows the first finite verb
        verb = next((j for j in range(k + 1, min(end, k + MAX_PHRASE)) if not tokens[j].is_cap and tokens[j].is_word
                     and (tokens[j].key in lex.verb_forms or tokens[j].lower in lex.word("auxiliaries"))), None)
        if verb is None:
            return None
        after = subject_after(tokens, verb + 1, end, lex)
        if after is not None and (tokens[after[0]].lower in lex.word("subject_pronouns")
                                  or _speaker_like(tokens, after, lex)):
            return after
        return None
    if k >= end or not tokens[k].is_word:
        return None
    rng = phrase_forward(tokens, k, end, lex)
    if rng is None or rng[1] >= end:
        return None
    rng = _apposition(tokens, rng, lex) or rng
    nxt = tokens[rng[1]] if rng[1] < end else None
    if nxt is None or not nxt.is_word or nxt.is_cap:
        return None  # the finite verb must follow
    if rng[1] - rng[0] == 1 and tokens[rng[0]].lower in lex.word("non_sources"):
        return None
    if classify(tokens, rng, lex) == "person" and not _speaker_like(tokens, rng, lex):
        return None
    return rng


def _speaker_like(tokens: list[Token], source: Range, lex: Lexicon) -> bool:
    """A person source that names someone: a role noun ("Die Ministerin") or a name
    ("Anna Weber", "Weber"), not a common noun of unknown kind ("Das Unwetter")."""
    roles = lex.kinds.get("person", frozenset())
    determiners = lex.word("determiners")
    for k in range(source[0], source[1]):
        t = tokens[k]
        if not t.is_cap:
            continue
        if matches(t.lower, roles, True):
            return True
        if k > source[0] and tokens[k - 1].is_cap or k == source[0] and t.lower not in determiners:
            return True  # "Anna Weber", "Weber"
    return False


def _reported_act(tokens: list[Token], i: int, finite: int, ce: int, source: Range, lemma: str,
                  lex: Lexicon) -> bool:
    """A speech act whose object is what was said, in active voice with a named subject:
    "Die Gewerkschaft forderte höhere Löhne", "Der Minister sprach von einem Erfolg",
    "Die Ärztin bezeichnete den Eingriff als Routine". The gold marks the source, not the verb."""
    if lemma not in lex.word("np_reported"):
        return False
    needs = lex.word("np_reported_needs:" + lemma)
    if needs and not any(tokens[k].lower in needs and not tokens[k].is_cap for k in range(i + 1, ce)):
        return False
    if tokens[finite].lower in lex.word("passive_auxiliaries") and finite != i:
        return False
    if source[1] - source[0] == 1 and tokens[source[0]].lower in lex.word("non_sources"):
        return False
    if any(tokens[k].lower in lex.word("np_reported_not_objects") for k in range(i + 1, ce)):
        return False  # "Der Sturm forderte zwölf Todesopfer"
    if classify(tokens, source, lex) == "person" and not _speaker_like(tokens, source, lex) and not needs:
        return False  # "Das Unwetter", "Die Ernte": no one who speaks; "Die Brauer warnen vor …" speak
    if source[0] < finite:
        # an object may stand first: "Den Plan nannte Weber einen Fehler"
        nxt = finite + 1
        if nxt < ce and tokens[nxt].is_cap and tokens[nxt].lower not in lex.word("determiners") \
                and tokens[nxt].lower not in lex.word("time_nouns") \
                and not tokens[nxt].lower.endswith(tuple(lex.word("common_noun_endings"))):
            return False  # "Den Plan nannte Weber …"; not "… kündigten Untersuchungen an"
        first = tokens[source[0]]
        if not first.is_cap and first.lower not in lex.word("subject_pronouns") and not (
                source[0] > 0 and tokens[source[0] - 1].lower in lex.word("focus_particles")):
            return False  # "Auch sie forderten den Rücktritt", "Sowohl die Behörde als auch …" are fine
    return True


def _companions(tokens: list[Token], i: int, ce: int, lemma: str, lex: Lexicon, cs: int | None = None) -> list[int]:
    """Words that belong to the cue: "äußerte sich", "geht davon aus", "wies darauf hin"."""
    wanted = lex.word("companions:" + lemma)
    found: list[int] = []
    if wanted:
        for k in range(i + 1, min(ce, i + 6)):
            if tokens[k].lower in wanted and not tokens[k].is_cap:
                found.append(k)
                break
    correlates = lex.word("correlates")
    about_words = lex.word("correlates_only_with")
    frames = lex.word("manner_frames")
    for k in range(i + 1, min(ce, i + 10)):
        t = tokens[k]
        if t.is_cap or not t.is_word or k in found:
            continue
        if t.lower in correlates and ce < len(tokens) and tokens[ce].text in ",:" and not (
                t.lower in about_words and lemma not in lex.word("correlate_verbs:" + t.lower)):
            # the correlate of the content clause: "warnte davor, …", "verwies darauf, dass …"
            found.append(k)
            break
        if t.lower == "mit" and k + 2 < ce and tokens[k + 1].lower in ("den", "der", "dem") \
                and tokens[k + 2].lower in frames:
            found += [k, k + 1, k + 2]  # "lehnte mit den Worten ab: …", "mit der Begründung, …"
            break
    if cs is not None and not any(tokens[k].lower == "mit" for k in found):
        for k in range(max(cs, i - 8), i - 2):
            if tokens[k].lower == "mit" and tokens[k + 1].lower in ("den", "der", "dem") \
                    and tokens[k + 2].lower in frames:
                found += [k, k + 1, k + 2]  # "hatte den Plan mit den Worten abgelehnt"
                break
    return found


def _particle_after_apposition(tokens: list[Token], i: int, ce: int, lex: Lexicon):
    """The separated particle of the verb at i when one or two appositions stand between:
    "teilte der Leiter des Amtes, Karl Brenner, mit" -> (form, particle position, new clause end)."""
    forms = [f for f in lex.verb_forms.get(tokens[i].key, ()) if f.particle]
    if not forms:
        return None
    n = len(tokens)
    j = ce
    for _ in range(2):
        if j >= n or tokens[j].text != ",":
            return None
        k = j + 1
        limit = min(n, k + MAX_PHRASE)
        while k < limit and tokens[k].text not in _CLAUSE_BREAKS and tokens[k].text not in FINAL_PUNCT:
            k += 1
        if k >= n or tokens[k].text not in _CLAUSE_BREAKS and tokens[k].text not in FINAL_PUNCT:
            return None
        words = [t for t in tokens[j + 1:k] if t.is_word]
        last = words[-1] if words else None
        minor = lex.word("prepositions") | lex.word("non_subject_openers") | lex.word("determiners")
        if last is not None and len(words) <= 4 and not last.is_cap \
                and all(t.is_cap or t.lower in minor for t in words[:-1]):
            # the tail of the clause: "mit", "in Luxemburg mit", "bekannt"
            form = next((f for f in forms if f.particle == last.lower), None)
            if form is not None and tokens[k - 1] is last:
                return form, k - 1, k
        if not _np_clause(tokens, j + 1, k, lex):
            return None
        j = k
    return None


def _verb_words(lex: Lexicon) -> dict[str, frozenset[str]]:
    """The word lists find_verbs reads for every token."""
    return {name: lex.word(name) for name in ("not_cues", "reflexive_not_cues", "sein_participle_homographs",
                                              "sein_forms")}


def find_verbs(tokens: list[Token], lex: Lexicon, used: set[int]) -> list:
    """Cue verbs with their source, for German."""
    verb_forms = lex.verb_forms
    if not any(t.key in verb_forms or t.lower == _KNOWN for t in tokens):
        return []  # two sentences in three have no cue: spare them the clause scans
    starts, ends = clause_bounds(tokens)
    inside, _ = quoted_tokens(tokens)
    found: list[Found] = []
    auxiliaries = lex.word("auxiliaries")
    passive = lex.word("passive_auxiliaries")
    subordinators = lex.word("subordinators")
    relatives = lex.word("relative_pronouns")
    coordinators = lex.word("coordinators")
    adverbs = lex.word("non_subject_openers")
    prepositions = lex.word("prepositions")
    words_of = lex.derived(_verb_words)
    for i, token in enumerate(tokens):
        if i in used or not token.is_word or token.key not in lex.verb_forms or i in inside:
            continue
        if token.is_cap and i > 0 or i > 0 and tokens[i - 1].lower in ("zu", "zum"):
            continue
        if token.lower in lex.word("determiner_homographs") and i + 1 < len(tokens) and tokens[i + 1].is_word \
                and (tokens[i + 1].is_cap or tokens[i + 1].lower.endswith(_ADJECTIVE_ENDINGS)
                     and i + 2 < len(tokens) and tokens[i + 2].is_cap):
            continue  # "meine Plattform": a possessive, not the verb "meinen"
        cs, ce = starts[i], ends[i]
        reading = verb_reading(tokens, i, ce, lex)
        if (reading is None or reading[1] is None) and ce < len(tokens) and tokens[ce].text == ",":
            # "Dies teilte der Leiter des Amtes, Karl Brenner, mit.": the particle follows an apposition
            late = _particle_after_apposition(tokens, i, ce, lex)
            if late is not None:
                reading = late[:2]
                ce = late[2]
        if reading is None and i > 0 and not tokens[i - 1].is_cap:
            # the particle written apart before the verb: "wie die Bank bekannt gab", "bekannt gegeben"
            form = next((f for f in lex.verb_forms.get(token.key, ()) if f.particle == tokens[i - 1].lower), None)
            if form is not None:
                reading = (form, i - 1)
        if reading is not None and reading[1] is not None and reading[1] > i + 1:
            # "führte X an und führte aus, …": the clause-final particle belongs to the second verb
            coord = next((k for k in range(i + 1, reading[1]) if tokens[k].lower in ("und", "oder", "sowie", "aber")
                          and k + 1 < len(tokens) and tokens[k + 1].key in lex.verb_forms), None)
            if coord is not None:
                form = next((f for f in lex.verb_forms.get(token.key, ()) if f.particle
                             and f.particle == tokens[coord - 1].lower), None)
                reading = (form, coord - 1) if form is not None else None
        if reading is None:
            continue
        form, extra = reading
        if form.lemma in words_of["not_cues"]:
            continue
        if form.lemma in words_of["reflexive_not_cues"] and i + 1 < len(tokens) and tokens[i + 1].lower == "sich" \
                or i > 0 and tokens[i - 1].lower == "sich" and form.lemma in words_of["reflexive_not_cues"]:
            continue  # "Damit bestätigt sich die Befürchtung": it turns out, no one says so
        if form.participle and form.lemma in words_of["sein_participle_homographs"] and any(
                tokens[k].lower in words_of["sein_forms"] for k in range(cs, ce)):
            continue  # "sind in Brand geraten": got into, not advised
        cue = [i] if extra is None else [i, extra]
        companions = _companions(tokens, i, ce, form.lemma, lex, cs)
        if form.lemma in lex.word("companion_required") and not any(
                tokens[k].lower in lex.word("companions:" + form.lemma) for k in companions):
            continue  # "zeigte sich zufrieden" is a cue, "zeigte ein Bild" is not
        cue += companions
        participle = form.participle or (
            all(f.participle for f in lex.verb_forms.get(token.key, ()) if f.lemma == form.lemma))
        words = [k for k in range(cs, ce) if tokens[k].is_word and k not in inside]
        # the finite verb: the cue itself or an auxiliary before it
        aux_before = [k for k in words if k < i and tokens[k].lower in auxiliaries]
        aux_after = [k for k in words if k > i and tokens[k].lower in auxiliaries]
        first_word = words[0] if words else i
        source: Range | None = None
        antecedent: Range | None = None
        inherit = False
        content = False
        sourceless = False
        opener = tokens[first_word].key
        verb_final = not any(k > i and k not in aux_after and tokens[k].lower not in lex.particles
                             and k not in cue for k in words)
        main_verb_between = any(not tokens[k].is_cap and tokens[k].key in lex.verb_forms and k not in cue
                                and tokens[k - 1].lower not in ("zu", "und", "oder") for k in words if first_word < k < i)
        wie_subject = _wie_apposition_subject(tokens, i, cs, first_word, verb_final, starts, lex)
        if wie_subject is not None:
            # "wie der Bürgermeister, Peter Kunz, der Presse mitteilte": subject and apposition stand before
            wie_at, source = wie_subject
            if used.intersection(range(*source)):
                continue
            cue = sorted(set(cue + aux_after + [wie_at]))
            found.append(Found(source=source, cue=cue, mode="reported_speech", lemma=form.lemma, head=i))
            used.update(cue)
            used.update(range(*source))
            continue
        # an auxiliary before the participle puts the verb second: "Als Begründung wurde angegeben, …"
        # is a main clause with an "als" phrase first, not a verb-final clause opened by "als"
        if first_word != i and first_word == cs and verb_final and not main_verb_between and not aux_before and (
                opener in subordinators or opener in relatives and cs > 0 and tokens[cs - 1].text == ","):
            # verb-final clause: "wie die Polizei mitteilte", ", der … bezeichnete"
            verb_last = True
            sub = tokens[first_word].lower
            if participle and not aux_after and not aux_before and sub != "wie":
                continue
            if sub == "wie" and form.lemma in lex.word("naming_verbs"):
                continue  # "„Trap“, wie er genannt wird": a name, not a statement
            cue += aux_after
            if sub in relatives and cs > 0 and tokens[cs - 1].text == ",":
                k = cs - 2
                while k >= max(0, cs - 5) and tokens[k].is_word and not tokens[k].is_cap:
                    k -= 1
                source = phrase_backward(tokens, k, 0, lex)
                content = any(k in inside for k in range(cs, ce)) or _content_follows(tokens, ce, lex)
                nxt = tokens[cs + 1] if cs + 1 < ce else None
                if source is not None and tokens[cs].lower in _SUBJECT_RELATIVES and nxt is not None \
                        and nxt.lower not in lex.word("subject_pronouns") and nxt.lower not in lex.word("determiners"):
                    # ", der angab, …": the gold marks the relative pronoun; it stands for the phrase before
                    antecedent = source
                    source = (cs, cs + 1)
            else:
                source = subject_after(tokens, first_word + 1, i, lex)
                if sub == "wie":
                    cue.append(first_word)
                    content = True
                else:
                    strict = sub in lex.word("adverbial_subordinators")
                    content = _content_follows(tokens, ce, lex, strict) or any(k in inside for k in range(cs, ce))
                if source is None and sub in passive:
                    continue
            if source is None:
                continue
        else:
            verb_last = False
            finite = aux_before[0] if aux_before else i
            split_subject = None
            if not aux_before and cs > 0 and tokens[cs - 1].text == "," and first_word == i and any(
                    f.participle for f in lex.verb_forms.get(token.key, ()) if f.lemma == form.lemma):
                # "Zuvor hatte ein Sprecher, Peter Kunz, erklärt": the auxiliary stands before the apposition;
                # any participle reading counts ("erklärt" is also a finite form)
                split = auxiliary_before_apposition(tokens, cs, starts, lex)
                if split is not None:
                    finite, split_subject = split
                    aux_before = [finite]
            if participle and not aux_before:
                continue  # "die geforderte Summe", "wie erwartet"
            if aux_before:
                cue.append(finite)
            vorfeld = [k for k in range(cs, finite) if tokens[k].is_word or tokens[k].text in QUOTE_CHARS]
            while vorfeld and tokens[vorfeld[0]].lower in coordinators:
                vorfeld = vorfeld[1:]
            while len(vorfeld) > 1 and tokens[vorfeld[0]].lower in lex.word("focus_particles") \
                    and tokens[vorfeld[1]].is_word:
                vorfeld = vorfeld[1:]  # "Auch der Minister sagte", "Selbst die Zeitung hatte … kritisiert"
            if len(vorfeld) == 1 and _adverb_like(tokens, vorfeld[0], lex) \
                    and subject_after(tokens, finite + 1, ce, lex) is not None:
                vorfeld = []  # "Unmissverständlich sagt das Gericht, …": the subject follows the verb
            if finite - 1 > cs and tokens[finite - 1].lower in ("und", "sowie") and finite not in inside:
                vorfeld = []  # "X sprach sich dagegen aus und sagte": a second verb, the same subject
            # "…, und erklärte": same subject as before
            if not vorfeld and cs < finite and any(tokens[k].lower in coordinators for k in range(cs, finite)):
                inherit = True
                # "X sprach sich dagegen aus und sagte, …": when the first verb is no cue,
                # the subject of the sentence speaks
                opening = _sentence_subject(tokens, finite - 1, lex)
                if opening is not None and not used.intersection(range(*opening)) and (
                        _content_follows(tokens, ce, lex) or any(k in inside for k in range(cs, ce))):
                    source = opening
            if tokens[finite].lower in passive and finite != i:
                # "wurde von Macron vorgeschlagen": the agent is the source
                agent_at = [vorfeld[0]] if vorfeld and tokens[vorfeld[0]].lower in ("von", "vom") else []
                for k in agent_at + list(range(finite + 1, i)):
                    # "wurde von Macron vorgeschlagen", "Von den Behörden wird angenommen, dass …"
                    if tokens[k].lower in ("von", "vom") and k not in inside:
                        source = _forward(tokens, k + 1, finite if k < finite else i, lex)
                        if source is not None and classify(tokens, source, lex) == "person" \
                                and not _speaker_like(tokens, source, lex):
                            source = None  # "wird eine Temperatur von 30 Grad angenommen": no agent
                        break
                if source is None and form.lemma in lex.word("passive_subject_speaks"):
                    # "„…“, wird Panetta zitiert", "Der Minister wird mit den Worten zitiert": the subject speaks
                    if vorfeld and tokens[vorfeld[0]].is_word and tokens[vorfeld[0]].key not in prepositions \
                            and tokens[vorfeld[0]].key not in adverbs:
                        rng = phrase_forward(tokens, vorfeld[0], finite, lex)
                        source = (vorfeld[0], vorfeld[-1] + 1) if rng is not None and tokens[vorfeld[-1]].is_word else rng
                    else:
                        source = _apposition(tokens, subject_after(tokens, finite + 1, ce, lex), lex)
                    if source is not None and any(tokens[k].lower in ("von", "vom") for k in range(source[0], source[1])):
                        source = None
                    if source is not None:
                        content = content or _quote_content(tokens, inside, 0, len(tokens), source) \
                            or _content_follows(tokens, ce, lex) \
                            or cs > 0 and (tokens[cs - 1].text in QUOTE_CHARS or tokens[cs - 1].text == ",")
                if source is None:
                    # "Es wird vermutet, dass …", "Ihm wird vorgeworfen, …": a cue without a source
                    sourceless = True
                    for k in (finite - 1, finite + 1):
                        if 0 <= k < ce and k >= cs and tokens[k].lower == "es":
                            cue.append(k)  # the gold counts "Es" of "Es wird vermutet"
                else:
                    content = True
            elif inherit:
                pass  # "X zog die Konsequenzen und erklärte seinen Rücktritt": content is checked below
            elif vorfeld:
                first = tokens[vorfeld[0]]
                low = first.lower
                key = first.key  # lowered only at the start of the sentence: "Gegenüber", "Weiter"
                if first.is_word and low in lex.word("subject_pronouns") and len(vorfeld) == 1:
                    source = (vorfeld[0], vorfeld[0] + 1)
                elif not first.is_word and _quoted_name(tokens, vorfeld[0], finite) is not None \
                        and phrase_forward(tokens, vorfeld[0], finite, lex) is not None:
                    # „BBC News“ berichtet, …: a quoted name is the subject, not a quotation
                    rng = phrase_forward(tokens, vorfeld[0], finite, lex)
                    source = (vorfeld[0], vorfeld[-1] + 1) if rng[1] <= vorfeld[-1] + 1 else rng
                elif not first.is_word or (key in prepositions or key in adverbs or key in subordinators) and not (
                        key in lex.word("determiners") and len(vorfeld) > 1) \
                        or (low in _DEMONSTRATIVE_OBJECTS and len(vorfeld) == 1) \
                        or low in _OBJECT_DETERMINERS or first.is_number and not (
                            len(vorfeld) > 1 and tokens[vorfeld[1]].is_cap
                            and tokens[vorfeld[1]].lower not in lex.word("time_nouns")) or (
                        not first.is_cap and low not in lex.word("determiners")
                        and not _de_np_word(tokens, vorfeld[0], finite, lex)):
                    source = _apposition(tokens, subject_after(tokens, finite + 1, ce, lex), lex)
                    if source is None and verb_final and cs > 1 and tokens[cs - 1].text == ",":
                        # "Wie Eva Roth, Sprecherin der Stadt, in Bonn mitteilte, …"
                        wie: list[int] = []
                        source = apposition_subject(tokens, cs, starts, lex, wie)
                        if wie:
                            cue.append(wie[0])
                            content = True
                        else:
                            source = None
                    if low in _DEMONSTRATIVE_OBJECTS and len(vorfeld) == 1:
                        content = True  # "Dies teilte der Sprecher mit"
                        if source is None and low in _STANDALONE_DETERMINERS and _content_follows(tokens, ce, lex):
                            source = (vorfeld[0], vorfeld[0] + 1)  # "Diese besagt, dass …": the pronoun is the subject
                    if not first.is_word:
                        content = True  # a quotation stands first
                else:
                    rng = phrase_forward(tokens, vorfeld[0], finite, lex)
                    if rng is not None:
                        # the Vorfeld is one constituent: the whole of it is the subject
                        # ("Ken Rice vom Institut für Astronomie in Edinburgh")
                        source = (vorfeld[0], vorfeld[-1] + 1) if tokens[vorfeld[-1]].is_word else rng
                        if rng[1] < source[1] and tokens[rng[1]].lower in _CHANNEL_PREPS \
                                and _channel_follows(tokens, rng[1] + 1, finite, lex):
                            source = rng  # "Haddad im staatlichen Fernsehen erklärte"
                        while source[1] - source[0] > 1 and not tokens[source[1] - 1].is_cap and (
                                tokens[source[1] - 1].lower in adverbs
                                or tokens[source[1] - 1].lower in lex.word("focus_particles")
                                or tokens[source[1] - 1].lower in _CONTRAST_ADVERBS):
                            source = (source[0], source[1] - 1)  # "Die Kanadier hingegen"
                        # an object stands first and the subject follows: "Die Pläne lobte er"
                        after = finite + 1
                        if after < ce and tokens[after].lower in ("er", "ich", "wir"):
                            source = (after, after + 1)
                        elif after < ce and tokens[after].is_cap and tokens[after].lower not in lex.word("determiners") \
                                and tokens[after].lower not in lex.word("time_nouns") \
                                and classify(tokens, source, lex) == "person" and not _named(tokens, source, lex):
                            # "Eine Verschiebung bezeichnete Conze als fatal": the object stands first
                            named = phrase_forward(tokens, after, ce, lex)
                            if named is not None and _speaker_like(tokens, named, lex):
                                source = named
                        elif _adverbial_vorfeld(tokens, vorfeld, rng, lex):
                            # "Wenige Stunden nach dem Putsch erklärte der Rat", "Ende Januar verkündete X"
                            source = _apposition(tokens, subject_after(tokens, finite + 1, ce, lex), lex) or source
                        elif source[0] == vorfeld[0] and cs > 1 and tokens[cs - 1].text == "," \
                                and starts[cs - 2] == 0 and _np_clause(tokens, 0, cs - 1, lex) \
                                and _speaker_like(tokens, (0, cs - 1), lex):
                            # the closing comma of an apposition left out: "Anna Weber, Sprecherin
                            # der Stadt sagte, …" — the name and its apposition are the subject
                            source = (0, source[1])
                    else:
                        source = subject_after(tokens, finite + 1, ce, lex)
            else:
                # the verb opens its clause: "„…“, sagte er", "Der Leiter, X, sagte:"
                source = split_subject
                if source is None and cs > 0 and tokens[cs - 1].text == ",":
                    wie: list[int] = []
                    source = apposition_subject(tokens, cs, starts, lex, wie)
                    if source is None:
                        content = True  # the clause before is what was said
                    elif wie:
                        cue.append(wie[0])  # "wie Burt Rutan, Chef von Scaled, mitteilte"
                        content = True
                if source is None and cs > 0 and tokens[cs - 1].text == "," and finite + 1 < ce \
                        and tokens[finite + 1].lower in _CONTRAST_ADVERBS and tokens[cs - 2].text not in QUOTE_CHARS:
                    # "Die Rebellen bestreiten den Vorwurf, beharren aber auf …": a second verb of the same subject
                    source = _sentence_subject(tokens, cs - 1, lex)
                    if source is None:
                        continue
                elif source is None:
                    source = _apposition(tokens, subject_after(tokens, finite + 1, ce, lex), lex)
                if cs > 0 and tokens[cs - 1].text in QUOTE_CHARS:
                    content = True
            if source is None and not inherit and not sourceless:
                continue
            if not content:
                # an apposition on the subject may run past the clause: "sagte X, Chef von Y: …"
                after = ce if source is None or source[1] <= ce else source[1]
                after = _skip_pp_segment(tokens, after, lex)  # "sagte X, Chef von Y, gegenüber der BBC, dass …"
                after = _skip_channel_relative(tokens, i, after, lex)  # "schrieb in einem Brief, der …, sie …"
                content = _quote_content(tokens, inside, cs, ce, source) or _content_follows(tokens, after, lex) \
                    or (cs > 0 and (tokens[cs - 1].text in QUOTE_CHARS
                                    or tokens[cs - 2].text in QUOTE_CHARS if cs > 1 else False))
                if not content and tokens[ce - 1].text in QUOTE_CHARS if ce - 1 > cs else False:
                    content = True
        second = next((k for k in range(i + 1, ce - 1) if tokens[k].lower in ("und", "sowie", "aber")
                       and tokens[k + 1].key in lex.verb_forms and k not in inside), None)
        if content and second is not None and not verb_last and not (cs > 0 and tokens[cs - 1].text in QUOTE_CHARS):
            # "X sprach sich gegen den Plan aus und sagte, …": what follows belongs to the second verb
            content = any(k in inside for k in range(cs, second))
        predicate = form.lemma in lex.word("quote_only_verbs") and source is not None \
            and _quoted_predicate(tokens, inside, i, ce, source)
        if predicate:
            content = True  # "nannte den Plan „mutig“", "nannte den Bericht eine „Zeitungsente“"
        if content and form.lemma in lex.word("quote_only_verbs") and not predicate and not (
                _quote_content(tokens, inside, cs, ce, source) or ce < len(tokens) and tokens[ce].text == ":"
                or cs > 0 and tokens[cs - 1].text in QUOTE_CHARS):
            content = False  # "nannte vier Bedingungen dafür, dass …" names things; "nannte den Plan „mutig“" quotes
        if content and sourceless and ce + 1 == len(tokens) and tokens[ce].text == ":":
            content = False  # "Folgendes wurde festgestellt:" — no one says it in this sentence
        if not content and not sourceless and source is not None:
            content = _object_is_content(tokens, i, cs, ce, source, bool(aux_before), form.lemma, lex)
        silent = False
        if not content:
            if source is None or sourceless or inherit or verb_last or not _reported_act(
                    tokens, i, finite, ce, source, form.lemma, lex):
                continue
            silent = True  # "Die Gewerkschaft forderte höhere Löhne": a source, but no cue in the gold
        if source is not None and used.intersection(range(*source)) and not (
                found and found[-1].source == source and found[-1].head is not None and any(
                    tokens[k].lower in ("und", "sowie") for k in range(found[-1].head + 1, i))):
            continue  # a source already taken; unless a coordinated verb shares it ("… ausgesprochen und behauptet")
        if source is not None and tokens[source[0]].lower in lex.word("non_sources") | {"es", "man"} \
                and source[1] - source[0] == 1:
            continue
        if source is not None and any(tokens[k].lower in lex.word("non_source_names") for k in range(*source)):
            continue
        cue = sorted(set(cue))
        if source is not None and source[1] < len(tokens) and tokens[source[1]].text in ")]" \
                and any(tokens[k].text in _BRACKETS for k in range(*source)):
            source = (source[0], source[1] + 1)  # "Karl Wulf (CDU)" keeps its closing bracket
        if source is not None and source[0] > 0 and tokens[source[0] - 1].lower == "sowohl" \
                and any(tokens[k].lower == "als" for k in range(*source)):
            source = (source[0] - 1, source[1])  # "Sowohl die Behörde als auch das Militär"
        found.append(Found(source=source, cue=cue, mode="reported" if silent else "reported_speech",
                           lemma=form.lemma, inherit=inherit, head=i, silent=silent, antecedent=antecedent,
                           kind=classify(tokens, antecedent, lex) if antecedent is not None else None))
        used.update(cue)
        if source:
            used.update(range(*source))
    found += _became_known(tokens, lex, used, starts, ends, inside)
    return found


_KNOWN = "bekannt"


def _became_known(tokens: list[Token], lex: Lexicon, used: set[int], starts: list[int], ends: list[int],
                  inside: set[int]) -> list:
    """ "Im April wurde bekannt, dass …", "nachdem bekannt geworden war, dass …": a cue with no source."""
    found = []
    becoming = lex.word("becoming_forms")
    for k, token in enumerate(tokens):
        if token.lower != _KNOWN or token.is_cap or k in used or k in inside:
            continue
        cs, ce = starts[k], ends[k]
        aux = [j for j in range(cs, ce) if tokens[j].lower in becoming and j not in used]
        wie = tokens[cs].key == "wie" and ce < len(tokens) and tokens[ce].text == ","
        if not aux or not (wie or _content_follows(tokens, ce, lex)) or ce + 1 == len(tokens):
            continue
        cue = sorted(set(aux + [k]))
        if tokens[cs].key == "wie":
            cue.insert(0, cs)  # "Wie heute bekannt wurde, …"
        found.append(Found(source=None, cue=cue, mode="reported_speech", head=k))
        used.update(cue)
    return found


# --- after the frames and verbs -------------------------------------------------


def classify(tokens: list[Token], rng: Range, lex: Lexicon) -> str:
    """The kind of a source; a statement noun with a named owner takes the owner's
    kind ("Angaben der Polizei" is the police)."""
    start, end = rng
    nouns = lex.word("statement_nouns")
    attachments = lex.word("attachments")
    documents = lex.kinds.get("document", frozenset())
    for k in range(start, min(end, start + 4)):
        t = tokens[k]
        if t.is_cap and _is_statement(t, nouns):
            if t.lower in documents or any(t.lower[j:] in documents for j in range(1, len(t.lower) - 4)):
                return "document"  # "einer Studie des Instituts"
            if k + 1 < end and tokens[k + 1].lower in attachments and k + 2 < end:
                return classify_phrase(tokens, (k + 2, end), lex)  # "Angaben der Polizei": the police
            return "vague"  # "eigenen Angaben", "Medienberichten"
    return classify_phrase(tokens, rng, lex)


def settle(found: list, tokens: list[Token], lex: Lexicon) -> list:
    """German clean-up before relays are folded: kinds, "unter Berufung auf",
    generic report nouns next to a named source, "heißt es" with its source in front."""
    generic = lex.word("generic_reports")
    # a source without a cue next to a cue of the same source says the same: keep the cue
    # ("X sprach sich gegen den Plan aus und sagte, …")
    spoken = {f.source for f in found if f.source is not None and not f.silent}
    found = [f for f in found if not (f.silent and f.source in spoken)]
    for item in found:
        if item.source and item.kind is None:
            item.kind = classify(tokens, item.source, lex)
    named = [f for f in found if f.source is not None and not (
        f.source[1] - f.source[0] <= 2 and tokens[f.source[1] - 1].lower in generic)]
    kept = []
    for item in found:
        src = item.source
        if src is not None and src[1] - src[0] <= 2 and tokens[src[1] - 1].lower in generic and \
                any(f is not item for f in named):
            continue  # "Berichten zufolge …, so Intelligence Online": the reports are that outlet's
        if item.weasel and src is None:
            # "Aus Regierungskreisen heißt es", "In dem Bericht heißt es"
            first = item.cue[0]
            if first >= 2 and tokens[0].lower in ("aus", "in", "im", "auf", "bei", "beim", "laut"):
                rng = phrase_forward(tokens, 1, first, lex)
                if rng is not None and rng[1] == first:
                    item.source = rng
                    item.kind = classify(tokens, rng, lex)
        kept.append(item)
    # "X berichtet unter Berufung auf Y": Y is the source, X relays it
    for chain in [f for f in kept if f.chain and f.source]:
        relays_ = [f for f in kept if f is not chain and not f.chain and f.source and f.cue and not f.weasel]
        if relays_:
            relay = min(relays_, key=lambda f: abs(f.cue[0] - chain.cue[0]))
            chain.via.append(relay.source)
            chain.cue = relay.cue
            chain.head = relay.head
            chain.mode = relay.mode
            chain.chain = False
            kept.remove(relay)
    return kept


# --- pronouns -------------------------------------------------------------------


def introduce_speakers(text: str, tagged: list, lex: Lexicon, sentence_tokens: list[list[Token]]) -> list:
    """A sentence with no cue whose subject is then reported in Konjunktiv I: "Die Ministerin
    kritisierte die Pläne. Sie seien zu teuer." The gold marks the subject of the first sentence
    as the source of what follows; it becomes a source without a cue, and the following
    Konjunktiv sentences carry it over. ``sentence_tokens`` are the sentences' tokens."""
    subjunctive = lex.word("subjunctive_forms")
    out = list(tagged)

    for i in range(len(out) - 1):
        s, nxt = out[i], out[i + 1]
        if s.is_heading or s.attributions or nxt.is_heading or nxt.attributions or s.text.rstrip()[-1:] in "?:":
            continue
        if subjunctive.isdisjoint(w.strip(".,;:!?„“\"»«()") for w in nxt.text.lower().split()):
            continue  # a cheap look first
        following = sentence_tokens[i + 1]
        if not following or following[0].text in QUOTE_CHARS or not any(
                t.lower in subjunctive for t in following[:MAX_PHRASE]):
            continue
        tokens = sentence_tokens[i]
        if not tokens or tokens[0].text in QUOTE_CHARS or any(
                t.lower in subjunctive or t.lower in ("würden", "würde", "hätten", "hätte") for t in tokens):
            continue  # the first sentence is itself reported speech, with no one named for it
        if not any(t.key in lex.verb_forms and not t.is_cap for t in tokens):
            continue  # "Die Stadt liegt an der Küste." says nothing; "Die Ministerin kritisierte …" does
        rng = _sentence_subject(tokens, len(tokens), lex)
        if rng is None:
            continue
        kind = classify(tokens, rng, lex)
        if kind == "document" or kind == "person" and not _named(tokens, rng, lex):
            continue
        start, end = tokens[rng[0]].start, tokens[rng[1] - 1].end
        source = SourceSpan(text=text[start:end], start=start, end=end, kind=kind)
        out[i] = s.model_copy(update={"attributions": (Attribution(source=source, mode="reported"),)})
        j = i + 1
        while j < len(out) and not out[j].attributions and not out[j].is_heading and any(
                t.lower in subjunctive for t in sentence_tokens[j]):
            out[j] = out[j].model_copy(update={"attributions": (Attribution(source=source, mode="carried_over"),)})
            j += 1
    return out


def _named(tokens: list[Token], rng: Range, lex: Lexicon) -> bool:
    """A person phrase with a role noun or a name ("Die Ministerin", "Anna Weber"), not a
    common noun after an article ("Die Konflikte")."""
    roles = lex.kinds.get("person", frozenset())
    determiners = lex.word("determiners")
    for k in range(*rng):
        t = tokens[k]
        if not t.is_cap or t.lower in determiners:
            continue
        if matches(t.lower, roles, True) or t.lower in lex.word("subject_pronouns"):
            return True
        if k > rng[0] and tokens[k - 1].is_cap and tokens[k - 1].lower not in determiners:
            return True  # "Anna Weber"
        if k == rng[0] and k > 0:
            return True  # a name after an opener: "Auch Weber …"
    return rng[1] - rng[0] == 1 and tokens[rng[0]].lower not in determiners


def resolve_pronouns(text: str, tagged: list, lex: Lexicon, sentence_tokens: list[list[Token]]) -> list:
    """ "er"/"sie" as a source: the person named last, as a source or as the
    subject that opens one of the three sentences before. ``sentence_tokens``
    are the sentences' tokens."""
    tagged = introduce_speakers(text, tagged, lex, sentence_tokens)

    pronouns = lex.word("subject_pronouns")
    last_named: str | None = None
    last_at = -1
    out = list(tagged)
    for i, s in enumerate(tagged):
        changed = []
        touched = False
        for a in s.attributions:
            src = a.source
            if src is not None and src.kind == "pronoun" and src.resolved_to is None \
                    and src.text.lower() in pronouns and src.text.lower() not in ("ich", "wir"):
                name = last_named
                # a person opening a recent sentence is a closer antecedent
                for j in range(i - 1, max(-1, i - 4), -1):
                    prev = tagged[j]
                    if prev.start <= last_at:
                        break
                    toks = sentence_tokens[j]
                    rng = phrase_forward(toks, 0, len(toks), lex)
                    if rng is not None and rng[1] - rng[0] >= 2 and classify_phrase(toks, rng, lex) == "person":
                        name = text[toks[rng[0]].start:toks[rng[1] - 1].end]
                        break
                if name:
                    a = a.model_copy(update={"source": src.model_copy(update={"resolved_to": name})})
                    touched = True
            if src is not None and src.kind in ("person", "organization", "outlet"):
                last_named = src.text
                last_at = src.start
            changed.append(a)
        if touched:
            out[i] = s.model_copy(update={"attributions": tuple(changed)})
    return out
