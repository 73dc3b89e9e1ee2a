"""Whether a German cue verb says something: a clause of reported speech after it
(", dass …", ", die Stadt habe …"), a quotation in its clause, or an object that
is what was said ("Die Gewerkschaft forderte höhere Löhne")."""

from __future__ import annotations

from ....lexicon import Lexicon
from ...phrases import MAX_PHRASE, Range
from ...tokens import FINAL_PUNCT, QUOTE_CHARS, Token
from .clauses import opens_relative
from .kinds import classify, names_someone
from .phrases import phrase_forward
from .words import ADJECTIVE_ENDINGS, abbreviation, function_words, np_word


def quote_content(tokens: list[Token], inside: set[int], cs: int, ce: int, source: Range | None) -> bool:
    """A quotation in the clause that is what was said: two or more quoted words outside the
    source ("Die Tour „A Bigger Bang“ stellte … auf" quotes a name, not a statement)."""
    skip = range(*source) if source is not None else range(0)
    quoted = [k for k in range(cs, ce) if k in inside and k not in skip and tokens[k].is_word]
    # two or more words, or one after "als": "wies den Bericht als „falsch“ zurück"
    return len(quoted) >= 2 or len(quoted) == 1 and quoted[0] >= 2 and tokens[quoted[0] - 2].lower == "als"


def quoted_predicate(tokens: list[Token], inside: set[int], i: int, ce: int, source: Range) -> bool:
    """One quoted word that ends the clause after the verb at i (or ends it before "und"):
    what the object was called ("nannte den Plan „mutig“", "nannte ihn einen „Verräter“")."""
    quoted = [k for k in range(i + 1, ce) if k in inside and tokens[k].is_word and not source[0] <= k < source[1]]
    if len(quoted) != 1:
        return False
    k = quoted[0] + 1
    while k < ce and not tokens[k].is_word:
        k += 1
    return k == ce or tokens[k].lower in ("und", "sowie")


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


def _noun_object_before(tokens: list[Token], ce: int, lex: Lexicon) -> bool:
    """Does a noun phrase that is no prepositional phrase end the clause before ``ce``
    ("als einen Versuch, …"; not "am Sonntag, …", "in Berlin, …")?"""
    k = ce - 1
    if k < 0 or not tokens[k].is_cap:
        return False
    j = k
    while j > 0 and j > k - 5 and tokens[j - 1].is_word and (
            tokens[j - 1].is_cap or tokens[j - 1].lower.endswith(ADJECTIVE_ENDINGS)) \
            and tokens[j - 1].lower not in lex.word("prepositions"):
        j -= 1
    before = tokens[j - 1].lower if j > 0 else ""
    if before in lex.word("determiners"):
        before = tokens[j - 2].lower if j > 1 else ""
    if before in lex.word("prepositions"):
        return False
    # a person asked or urged: "bat Premierminister Key, …", "forderte die Ministerin auf, …"
    return not (j < ce and names_someone(tokens, (j, ce), lex, strict=True)
                and classify(tokens, (j, ce), lex) == "person")


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


def content_follows(tokens: list[Token], ce: int, lex: Lexicon, strict: bool = False) -> bool:
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
            and tokens[ce - 1].is_cap and not np_word(tokens, j + 1, n, lex) and not (
                _infinitive_clause(tokens, j, lex) and not _noun_object_before(tokens, ce, lex)):
        return False  # a relative clause on an object: "die Pläne, die …"; not ", der Partei beizutreten"
    if strict and (low in lex.word("auxiliaries") or low in lex.word("subjunctive_forms")):
        return False  # "Nachdem er … gemeldet hatte, habe er …": the main clause opens with its verb
    if (low in lex.word("subject_pronouns") or low in ("es", "man")) and not strict:
        return True  # ", er fühle sich …"
    # a main clause of reported speech: ", die Stadt habe …", ", er sei …"
    return _reported_clause(tokens, ce, j, lex, strict)


def _reported_clause(tokens: list[Token], ce: int, j: int, lex: Lexicon, strict: bool) -> bool:
    """Does the clause from j, after the comma at ``ce``, have a verb of reported speech: a
    subjunctive, an auxiliary or (unless ``strict``) a word that ends like a finite verb;
    or a zu-infinitive that is no infinitive on the noun before the comma?"""
    n = len(tokens)
    nxt = tokens[j]
    limit = min(n, j + 25)
    subjunctive = lex.word("subjunctive_forms")
    finite = lex.word("auxiliaries")
    pp_led = nxt.lower in lex.word("prepositions") and not nxt.is_cap
    skip_to = j
    for k in range(j, limit):
        t = tokens[k]
        if k < skip_to:
            continue
        if not t.is_word:
            if t.text == "." and k > j and abbreviation(tokens[k - 1]):
                continue  # "Benedikt XVI. „ist …“", "Jürgen R. Thumann"
            if t.text in FINAL_PUNCT or t.text in ";:":
                break
            if t.text == ",":
                if pp_led:
                    continue  # ", in den Ländern, in denen …, sei die Zahl gestiegen": the PP leads the clause
                if k + 1 < limit and opens_relative(tokens, k + 1, limit, lex):
                    # ", alle Parteien, die im Landtag sitzen, hätten …": past the relative clause
                    skip_to = next((m + 1 for m in range(k + 2, limit) if tokens[m].text == ","), limit)
                    continue
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
        if _finite_by_ending(tokens, k, j, lex):
            return True
    return False


def _finite_by_ending(tokens: list[Token], k: int, j: int, lex: Lexicon) -> bool:
    """Is the word at k, early in the clause from j, a finite verb by its ending: Konjunktiv I
    (", der Kreis habe …", ", sehr wahrscheinlich handele es sich …") or -t/-te/-en?"""
    n = len(tokens)
    t = tokens[k]
    if k > j and not t.is_cap and t.lower.endswith("e") and k - j <= 6 and len(t.lower) > 3 \
            and t.lower not in lex.word("determiners") and t.lower not in function_words(lex) \
            and tokens[k - 1].lower not in lex.word("determiners") and k + 1 < n and (
                tokens[k - 1].is_cap or tokens[k + 1].is_cap
                or tokens[k + 1].lower in ("es", "er", "sie", "man", "sich", "der", "die", "das", "ein",
                                           "eine", "nicht", "auch", "noch", "nur", "kein", "keine")):
        return True
    return k > j and not t.is_cap and t.lower.endswith(("t", "te", "ten", "en")) and k - j <= 6 \
        and t.lower not in lex.word("determiners") and t.lower not in lex.word("prepositions")


def object_is_content(tokens: list[Token], i: int, cs: int, ce: int, source: Range, compound: bool,
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


def reported_act(tokens: list[Token], i: int, finite: int, ce: int, source: Range, lemma: str,
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
    if classify(tokens, source, lex) == "person" and not names_someone(tokens, source, lex) and not needs:
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


def skip_pp_segment(tokens: list[Token], at: int, lex: Lexicon) -> int:
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


def skip_channel_relative(tokens: list[Token], i: int, at: int, lex: Lexicon) -> int:
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
