"""Who speaks for a German cue verb, and whether its clause says something.

Two readings of a :class:`~.clauses.Clause`, each returning a :class:`Reading`
or None (no attribution):

- :func:`verb_final`: a subordinate clause, "wie die Polizei mitteilte", ", der … angab";
- :func:`verb_second`: a main clause, its subject before the finite verb (the
  Vorfeld: "Die Polizei teilte mit") or after it ("Am Montag sagte der Minister",
  "„…“, sagte er"), or the agent of a passive ("wurde von Macron vorgeschlagen").
"""

from __future__ import annotations

from dataclasses import dataclass

from ....lexicon import Lexicon
from ...phrases import Range
from ...tokens import QUOTE_CHARS, Token
from .clauses import (
    Clause,
    Scan,
    apposition_subject,
    auxiliary_before_apposition,
    sentence_subject,
)
from .content import (
    content_follows,
    quote_content,
    skip_channel_relative,
    skip_pp_segment,
)
from .kinds import classify, names_someone
from .phrases import (
    np_clause,
    phrase_backward,
    phrase_forward,
    phrase_from,
    subject_after,
    with_apposition,
)
from .words import (
    CHANNEL_PREPS,
    STANDALONE_DETERMINERS,
    adverb_like,
    channel_follows,
    np_word,
    quoted_name,
)

_SUBJECT_RELATIVES = frozenset({"der", "die", "das", "welcher", "welche", "welches"})
_OBJECT_DETERMINERS = frozenset({"den", "dem", "einen", "einem", "diesen", "diesem", "seinen", "seinem",
                                 "ihren", "ihrem", "jenen", "jenem"})
_DEMONSTRATIVE_OBJECTS = frozenset({"dies", "das", "dieses", "diese", "es", "darauf", "daran", "dazu",
                                    "hierzu", "hierauf", "davon", "darüber", "solches", "letzteres"})
_CONTRAST_ADVERBS = frozenset({"aber", "jedoch", "allerdings", "dennoch", "trotzdem"})


@dataclass(frozen=True, slots=True)
class Reading:
    """Who speaks for a cue verb and whether it says something, before the last checks."""

    source: Range | None
    cue: list[int]  # the clause's cue with what the reading added (auxiliary, "wie", "Es")
    content: bool  # something said follows or stands in the clause
    verb_last: bool = False  # read as a verb-final clause
    finite: int = -1  # the finite verb of a verb-second clause
    compound: bool = False  # an auxiliary stands before the verb ("hatte … gefordert")
    inherit: bool = False  # a coordinated verb: the subject of the attribution before speaks
    sourceless: bool = False  # "Es wird vermutet, dass …"
    antecedent: Range | None = None  # the phrase a relative pronoun source stands for


# --- verb-final clauses ----------------------------------------------------------------


def is_verb_final(scan: Scan, clause: Clause) -> bool:
    """Does a subordinator or a relative pronoun open the clause, with the verb last?
    An auxiliary before the participle puts the verb second: "Als Begründung wurde angegeben, …"
    is a main clause with an "als" phrase first, not a verb-final clause opened by "als"."""
    tokens, lex = scan.tokens, scan.lex
    i, cs, first_word = clause.i, clause.cs, clause.first_word
    if first_word == i or first_word != cs or not clause.verb_final:
        return False
    if any(not tokens[k].is_cap and tokens[k].key in lex.verb_forms and k not in clause.cue
           and tokens[k - 1].lower not in ("zu", "und", "oder") for k in clause.words if first_word < k < i):
        return False  # a main verb between opener and cue
    opener = tokens[first_word].key
    return not clause.aux_before and (opener in lex.word("subordinators") or opener in lex.word("relative_pronouns")
                                      and cs > 0 and tokens[cs - 1].text == ",")


def verb_final(scan: Scan, clause: Clause) -> Reading | None:
    """ "wie die Polizei mitteilte", ", der … bezeichnete": the subject stands between the
    opener and the verb, or is the antecedent of the relative pronoun."""
    tokens, lex, inside = scan.tokens, scan.lex, scan.inside
    i, cs, ce, first_word = clause.i, clause.cs, clause.ce, clause.first_word
    sub = tokens[first_word].lower
    if clause.participle and not clause.aux_after and sub != "wie":
        return None
    if clause.participle and sub != "wie" and clause.form.lemma not in lex.word("passive_subject_speaks") and any(
            tokens[k].lower in lex.word("passive_auxiliaries") for k in clause.aux_after):
        return None  # "Dass die Verordnung so schnell vorgelegt wurde, …": its subject says nothing
    if sub == "wie" and clause.form.lemma in lex.word("naming_verbs"):
        return None  # "„Trap“, wie er genannt wird": a name, not a statement
    cue = clause.cue + clause.aux_after
    if sub in lex.word("relative_pronouns") and cs > 0 and tokens[cs - 1].text == ",":
        return _relative_clause(scan, clause, cue)
    source = subject_after(tokens, first_word + 1, i, lex)
    if source is None and sub == "wie" and clause.participle and tokens[first_word + 1].lower in ("von", "vom"):
        source = phrase_from(tokens, first_word + 2, i, lex)  # "Wie von der Polizei mitgeteilt wurde, …"
    if sub == "wie":
        cue.append(first_word)
        content = True
    else:
        strict = sub in lex.word("adverbial_subordinators")
        content = content_follows(tokens, ce, lex, strict) or any(k in inside for k in range(cs, ce))
    if source is None:
        return None
    return Reading(source=source, cue=cue, content=content, verb_last=True)


def _relative_clause(scan: Scan, clause: Clause, cue: list[int]) -> Reading | None:
    """ ", der … angab": the source is the phrase before the comma, or the relative pronoun
    standing for it."""
    tokens, lex = scan.tokens, scan.lex
    cs, ce = clause.cs, clause.ce
    content = any(k in scan.inside for k in range(cs, ce)) or content_follows(tokens, ce, lex)
    if tokens[cs].lower in lex.word("genitive_relatives") and cs + 1 < clause.i and tokens[cs + 1].is_cap:
        # ", dessen Chef sagt: …": the owned noun is the subject
        owned = phrase_forward(tokens, cs + 1, clause.i, lex)
        return Reading(source=(cs, owned[1]), cue=cue, content=content, verb_last=True) if owned else None
    k = cs - 2
    while k >= max(0, cs - 5) and tokens[k].is_word and not tokens[k].is_cap:
        k -= 1
    source = phrase_backward(tokens, k, 0, lex)
    if source is None:
        return None
    nxt = tokens[cs + 1] if cs + 1 < ce else None
    if tokens[cs].lower in _SUBJECT_RELATIVES and nxt is not None \
            and nxt.lower not in lex.word("subject_pronouns") and nxt.lower not in lex.word("determiners"):
        # ", der angab, …": the gold marks the relative pronoun; it stands for the phrase before
        return Reading(source=(cs, cs + 1), cue=cue, content=content, verb_last=True, antecedent=source)
    return Reading(source=source, cue=cue, content=content, verb_last=True)


# --- verb-second clauses ---------------------------------------------------------------


def verb_second(scan: Scan, clause: Clause) -> Reading | None:
    """A main clause: the subject in the Vorfeld or after the finite verb, the agent of a
    passive, or the subject of the verb before a coordinated one."""
    tokens, lex = scan.tokens, scan.lex
    finite, split_subject, aux_before = _finite_verb(scan, clause)
    if clause.participle and not aux_before:
        return None  # "die geforderte Summe", "wie erwartet"
    cue = clause.cue + [finite] if aux_before else list(clause.cue)
    vorfeld = _vorfeld(scan, clause, finite)
    inherit, source = _shared_subject(scan, clause, finite, vorfeld)
    content = sourceless = False
    if tokens[finite].lower in lex.word("passive_auxiliaries") and finite != clause.i:
        source, sourceless, extra = _passive(scan, clause, finite, vorfeld, source)
        cue += extra
        content = source is not None
    elif inherit:
        pass  # "X zog die Konsequenzen und erklärte seinen Rücktritt": content is checked below
    elif vorfeld:
        source, content, extra = _vorfeld_subject(scan, clause, finite, vorfeld)
        cue += extra
    else:
        found = _subject_after_verb(scan, clause, finite, split_subject)
        if found is None:
            return None
        source, content, extra = found
        cue += extra
    if source is None and not inherit and not sourceless:
        return None
    if not content:
        content = _content_around(scan, clause, source)
    return Reading(source=source, cue=cue, content=content, finite=finite, compound=bool(aux_before),
                   inherit=inherit, sourceless=sourceless)


def _finite_verb(scan: Scan, clause: Clause) -> tuple[int, Range | None, list[int]]:
    """The finite verb: the cue or the auxiliary before it -> (finite verb, a subject found
    with it, the auxiliaries before the cue). "Zuvor hatte ein Sprecher, Peter Kunz, erklärt":
    the auxiliary and the subject stand before the apposition; any participle reading counts
    ("erklärt" is also a finite form)."""
    tokens, lex = scan.tokens, scan.lex
    i, cs = clause.i, clause.cs
    aux_before = clause.aux_before
    if not aux_before and cs > 0 and tokens[cs - 1].text == "," and clause.first_word == i and any(
            f.participle for f in lex.verb_forms.get(tokens[i].key, ()) if f.lemma == clause.form.lemma):
        split = auxiliary_before_apposition(tokens, cs, scan.starts, lex)
        if split is not None:
            return split[0], split[1], [split[0]]
    return (aux_before[0] if aux_before else i), None, aux_before


def _vorfeld(scan: Scan, clause: Clause, finite: int) -> list[int]:
    """The words before the finite verb, less a leading conjunction or focus particle; none
    when the subject follows the verb or a coordinated verb shares the subject before."""
    tokens, lex = scan.tokens, scan.lex
    cs = clause.cs
    vorfeld = [k for k in range(cs, finite) if tokens[k].is_word or tokens[k].text in QUOTE_CHARS]
    coordinators = lex.word("coordinators")
    while vorfeld and tokens[vorfeld[0]].lower in coordinators:
        vorfeld = vorfeld[1:]
    while len(vorfeld) > 1 and tokens[vorfeld[0]].lower in lex.word("focus_particles") \
            and tokens[vorfeld[1]].is_word:
        vorfeld = vorfeld[1:]  # "Auch der Minister sagte", "Selbst die Zeitung hatte … kritisiert"
    if len(vorfeld) == 1 and adverb_like(tokens, vorfeld[0], lex) \
            and subject_after(tokens, finite + 1, clause.ce, lex) is not None:
        vorfeld = []  # "Unmissverständlich sagt das Gericht, …": the subject follows the verb
    if finite - 1 > cs and tokens[finite - 1].lower in ("und", "sowie") and finite not in scan.inside:
        vorfeld = []  # "X sprach sich dagegen aus und sagte": a second verb, the same subject
    return vorfeld


def _shared_subject(scan: Scan, clause: Clause, finite: int, vorfeld: list[int]) -> tuple[bool, Range | None]:
    """ "…, und erklärte": a coordinated verb with no Vorfeld speaks for the subject before
    -> (whether it inherits, the sentence's subject when the first verb is no cue: "X sprach
    sich dagegen aus und sagte, …")."""
    tokens, lex = scan.tokens, scan.lex
    cs, ce = clause.cs, clause.ce
    if vorfeld or cs >= finite or not any(tokens[k].lower in lex.word("coordinators") for k in range(cs, finite)):
        return False, None
    opening = sentence_subject(tokens, finite - 1, lex)
    if opening is not None and not scan.used.intersection(range(*opening)) and (
            content_follows(tokens, ce, lex) or any(k in scan.inside for k in range(cs, ce))):
        return True, opening
    return True, None


def _passive(scan: Scan, clause: Clause, finite: int, vorfeld: list[int],
             source: Range | None) -> tuple[Range | None, bool, list[int]]:
    """ "wurde von Macron vorgeschlagen": the agent is the source; "„…“, wird Panetta zitiert":
    the subject is; "Es wird vermutet, dass …": no one is -> (source, sourceless, cue words
    added)."""
    tokens, lex = scan.tokens, scan.lex
    i, cs, ce = clause.i, clause.cs, clause.ce
    agent_at = [vorfeld[0]] if vorfeld and tokens[vorfeld[0]].lower in ("von", "vom") else []
    for k in agent_at + list(range(finite + 1, i)):
        # "wurde von Macron vorgeschlagen", "Von den Behörden wird angenommen, dass …"
        if tokens[k].lower in ("von", "vom") and k not in scan.inside:
            source = phrase_from(tokens, k + 1, finite if k < finite else i, lex)
            if source is not None and classify(tokens, source, lex) == "person" \
                    and not names_someone(tokens, source, lex):
                source = None  # "wird eine Temperatur von 30 Grad angenommen": no agent
            break
    if source is None and clause.form.lemma in lex.word("passive_subject_speaks"):
        source = _quoted_subject(scan, clause, finite, vorfeld)
    if source is not None:
        return source, False, []
    # the gold counts "Es" of "Es wird vermutet"
    return None, True, [k for k in (finite - 1, finite + 1) if 0 <= k < ce and k >= cs and tokens[k].lower == "es"]


def _quoted_subject(scan: Scan, clause: Clause, finite: int, vorfeld: list[int]) -> Range | None:
    """ "„…“, wird Panetta zitiert", "Der Minister wird mit den Worten zitiert": the subject speaks."""
    tokens, lex = scan.tokens, scan.lex
    if vorfeld and tokens[vorfeld[0]].is_word and tokens[vorfeld[0]].key not in lex.word("prepositions") \
            and tokens[vorfeld[0]].key not in lex.word("non_subject_openers"):
        rng = phrase_forward(tokens, vorfeld[0], finite, lex)
        source = (vorfeld[0], vorfeld[-1] + 1) if rng is not None and tokens[vorfeld[-1]].is_word else rng
    else:
        source = with_apposition(tokens, subject_after(tokens, finite + 1, clause.ce, lex), lex)
    if source is not None and any(tokens[k].lower in ("von", "vom") for k in range(source[0], source[1])):
        return None
    return source


def _vorfeld_subject(scan: Scan, clause: Clause, finite: int,
                     vorfeld: list[int]) -> tuple[Range | None, bool, list[int]]:
    """The subject when something stands before the finite verb: a pronoun, a quoted name,
    the Vorfeld itself, or the subject after the verb when an adverbial, an object or a
    quotation stands first -> (source, content, cue words added)."""
    tokens, lex = scan.tokens, scan.lex
    first = tokens[vorfeld[0]]
    if first.is_word and first.lower in lex.word("subject_pronouns") and len(vorfeld) == 1:
        return (vorfeld[0], vorfeld[0] + 1), False, []
    if not first.is_word and quoted_name(tokens, vorfeld[0], finite) is not None \
            and phrase_forward(tokens, vorfeld[0], finite, lex) is not None:
        # „BBC News“ berichtet, …: a quoted name is the subject, not a quotation
        rng = phrase_forward(tokens, vorfeld[0], finite, lex)
        return ((vorfeld[0], vorfeld[-1] + 1) if rng[1] <= vorfeld[-1] + 1 else rng), False, []
    if _no_subject_first(scan, finite, vorfeld):
        found = _subject_after_first(scan, clause, finite, vorfeld)
        if found[0] is None and _particle_name(tokens, vorfeld, finite, lex):
            return (vorfeld[0], finite), False, []  # "Von der Leyen betonte, …": a name, not "von"
        if found[0] is None and clause.form.lemma in lex.word("impersonal_cues") \
                and tokens[vorfeld[0]].lower in lex.word("impersonal_cue_origins"):
            # "Aus Militärkreisen verlautete, dass …": where it came from is the source
            rng = phrase_forward(tokens, vorfeld[0] + 1, finite, lex)
            if rng is not None and rng[1] == finite:
                return (vorfeld[0], finite), True, []  # the gold keeps "Aus"
        return found
    rng = phrase_forward(tokens, vorfeld[0], finite, lex)
    if rng is None:
        return subject_after(tokens, finite + 1, clause.ce, lex), False, []
    return _vorfeld_phrase(scan, clause, finite, vorfeld, rng), False, []


def _particle_name(tokens: list[Token], vorfeld: list[int], finite: int, lex: Lexicon) -> bool:
    """Is the Vorfeld a surname with its particles right before the verb ("Von der Leyen")?"""
    first = tokens[vorfeld[0]]
    if not first.is_cap or first.lower not in lex.word("surname_particles") or vorfeld[-1] != finite - 1 \
            or len(vorfeld) > 4:
        return False
    middle = [tokens[k] for k in vorfeld[1:-1]]
    return tokens[vorfeld[-1]].is_cap and all(t.lower in lex.word("surname_particles") for t in middle)


def _no_subject_first(scan: Scan, finite: int, vorfeld: list[int]) -> bool:
    """Does a quotation, a preposition, an adverb, a subordinator, an object or a number
    stand first, so that the subject follows the verb?"""
    tokens, lex = scan.tokens, scan.lex
    first = tokens[vorfeld[0]]
    low = first.lower
    key = first.key  # lowered only at the start of the sentence: "Gegenüber", "Weiter"
    return not first.is_word or (key in lex.word("prepositions") or key in lex.word("non_subject_openers")
                                 or key in lex.word("subordinators")) and not (
        key in lex.word("determiners") and len(vorfeld) > 1) \
        or (low in _DEMONSTRATIVE_OBJECTS and len(vorfeld) == 1) \
        or low in _OBJECT_DETERMINERS or first.is_number and not (
            len(vorfeld) > 1 and tokens[vorfeld[1]].is_cap
            and tokens[vorfeld[1]].lower not in lex.word("time_nouns")) or (
        not first.is_cap and low not in lex.word("determiners")
        and not np_word(tokens, vorfeld[0], finite, lex))


def _subject_after_first(scan: Scan, clause: Clause, finite: int,
                         vorfeld: list[int]) -> tuple[Range | None, bool, list[int]]:
    """ "Am Montag sagte der Minister", "Dies teilte der Sprecher mit", "„…“ sagte er": the
    subject after the verb -> (source, content, cue words added)."""
    tokens, lex = scan.tokens, scan.lex
    cs, ce = clause.cs, clause.ce
    first = tokens[vorfeld[0]]
    low = first.lower
    content = False
    extra: list[int] = []
    source = with_apposition(tokens, subject_after(tokens, finite + 1, ce, lex), lex)
    if source is None and clause.verb_final and cs > 1 and tokens[cs - 1].text == ",":
        # "Wie Eva Roth, Sprecherin der Stadt, in Bonn mitteilte, …"
        wie: list[int] = []
        source = apposition_subject(tokens, cs, scan.starts, lex, wie)
        if wie:
            extra.append(wie[0])
            content = True
        else:
            source = None
    if low == "so" and len(vorfeld) == 1 and finite + 1 < ce and tokens[finite + 1].lower == "es":
        content = True  # "So verlangt es die Regierung": "so … es" points back to what was said
    if low in _DEMONSTRATIVE_OBJECTS and len(vorfeld) == 1:
        content = True  # "Dies teilte der Sprecher mit"
        if source is None and low in STANDALONE_DETERMINERS and content_follows(tokens, ce, lex):
            source = (vorfeld[0], vorfeld[0] + 1)  # "Diese besagt, dass …": the pronoun is the subject
    if not first.is_word:
        content = True  # a quotation stands first
    return source, content, extra


def _vorfeld_phrase(scan: Scan, clause: Clause, finite: int, vorfeld: list[int], rng: Range) -> Range | None:
    """The Vorfeld is one constituent, the phrase ``rng`` at its start: the whole of it is the
    subject ("Ken Rice vom Institut für Astronomie in Edinburgh"), unless an object stands
    first ("Die Pläne lobte er") or an adverbial ("Ende Januar verkündete X")."""
    tokens, lex = scan.tokens, scan.lex
    cs, ce = clause.cs, clause.ce
    source = (vorfeld[0], vorfeld[-1] + 1) if tokens[vorfeld[-1]].is_word else rng
    if rng[1] < source[1] and tokens[rng[1]].lower in CHANNEL_PREPS \
            and channel_follows(tokens, rng[1] + 1, finite, lex):
        source = rng  # "Haddad im staatlichen Fernsehen erklärte"
    adverbs = lex.word("non_subject_openers")
    while source[1] - source[0] > 1 and not tokens[source[1] - 1].is_cap and (
            tokens[source[1] - 1].lower in adverbs
            or tokens[source[1] - 1].lower in lex.word("focus_particles")
            or tokens[source[1] - 1].lower in _CONTRAST_ADVERBS):
        source = (source[0], source[1] - 1)  # "Die Kanadier hingegen"
    after = finite + 1
    if after < ce and tokens[after].lower in ("er", "ich", "wir"):
        return (after, after + 1)  # an object stands first and the subject follows: "Die Pläne lobte er"
    if after < ce and tokens[after].is_cap and tokens[after].lower not in lex.word("determiners") \
            and tokens[after].lower not in lex.word("time_nouns") \
            and classify(tokens, source, lex) == "person" and not names_someone(tokens, source, lex, strict=True):
        # "Eine Verschiebung bezeichnete Conze als fatal": the object stands first
        named = phrase_forward(tokens, after, ce, lex)
        return named if named is not None and names_someone(tokens, named, lex) else source
    if _adverbial_vorfeld(tokens, vorfeld, rng, lex):
        # "Wenige Stunden nach dem Putsch erklärte der Rat", "Ende Januar verkündete X"
        return with_apposition(tokens, subject_after(tokens, finite + 1, ce, lex), lex) or source
    if source[0] == vorfeld[0] and cs > 1 and tokens[cs - 1].text == "," \
            and scan.starts[cs - 2] == 0 and np_clause(tokens, 0, cs - 1, lex) \
            and names_someone(tokens, (0, cs - 1), lex):
        # the closing comma of an apposition left out: "Anna Weber, Sprecherin
        # der Stadt sagte, …" — the name and its apposition are the subject
        return (0, source[1])
    return source


def _adverbial_vorfeld(tokens: list[Token], vorfeld: list[int], rng: Range, lex: Lexicon) -> bool:
    """Is the first position an adverbial rather than the subject? A time noun leads it
    ("Ende Januar 2006", "Wenige Stunden nach dem Putsch") or it is "Des Weiteren"."""
    times = lex.word("time_nouns")
    first = tokens[vorfeld[0]]
    if first.lower == "des" and len(vorfeld) > 1 and tokens[vorfeld[1]].lower in ("weiteren", "öfteren"):
        return True
    if len(vorfeld) > 1 and adverb_like(tokens, vorfeld[0], lex) and tokens[vorfeld[1]].lower in lex.word("prepositions"):
        return True  # "Passend zu den Gefahren warnte die Moderatorin"
    heads = [tokens[k] for k in range(rng[0], rng[1]) if tokens[k].is_cap and tokens[k].lower not in lex.word("determiners")]
    return any(h.lower in times for h in heads[:2])


def _subject_after_verb(scan: Scan, clause: Clause, finite: int,
                        split_subject: Range | None) -> tuple[Range | None, bool, list[int]] | None:
    """The verb opens its clause: "„…“, sagte er", "Der Leiter, X, sagte:", "…, beharren aber
    auf …" -> (source, content, cue words added), or None when no subject is found where
    one must be."""
    tokens, lex = scan.tokens, scan.lex
    cs, ce = clause.cs, clause.ce
    source = split_subject
    content = False
    extra: list[int] = []
    if source is None and cs > 0 and tokens[cs - 1].text == ",":
        wie: list[int] = []
        source = apposition_subject(tokens, cs, scan.starts, lex, wie)
        if source is None:
            content = True  # the clause before is what was said
        elif wie:
            extra.append(wie[0])  # "wie Burt Rutan, Chef von Scaled, mitteilte"
            content = True
    if source is None and cs > 0 and tokens[cs - 1].text == "," and finite + 1 < ce \
            and tokens[finite + 1].lower in _CONTRAST_ADVERBS and tokens[cs - 2].text not in QUOTE_CHARS:
        # "Die Rebellen bestreiten den Vorwurf, beharren aber auf …": a second verb of the same subject
        source = sentence_subject(tokens, cs - 1, lex)
        if source is None:
            return None
    elif source is None:
        source = with_apposition(tokens, subject_after(tokens, finite + 1, ce, lex), lex)
    if cs > 0 and tokens[cs - 1].text in QUOTE_CHARS:
        content = True
    return source, content, extra


def _content_around(scan: Scan, clause: Clause, source: Range | None) -> bool:
    """Something said in, after or before the clause of a main-clause verb. An apposition on
    the subject may run past the clause: "sagte X, Chef von Y: …"."""
    tokens, lex = scan.tokens, scan.lex
    i, cs, ce = clause.i, clause.cs, clause.ce
    after = ce if source is None or source[1] <= ce else source[1]
    after = skip_pp_segment(tokens, after, lex)  # "sagte X, Chef von Y, gegenüber der BBC, dass …"
    after = skip_channel_relative(tokens, i, after, lex)  # "schrieb in einem Brief, der …, sie …"
    content = quote_content(tokens, scan.inside, cs, ce, source) or content_follows(tokens, after, lex) \
        or (cs > 0 and (tokens[cs - 1].text in QUOTE_CHARS
                        or tokens[cs - 2].text in QUOTE_CHARS if cs > 1 else False))
    if not content and tokens[ce - 1].text in QUOTE_CHARS if ce - 1 > cs else False:
        content = True
    return content
