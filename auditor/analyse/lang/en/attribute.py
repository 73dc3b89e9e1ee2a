"""Who speaks for an English cue verb: the verb's cue words, the readings that make it no
cue here ("to say", "the report"), and its source by what stands right before the cue:
a quote or nothing (an inverted "said Smith"), a comma (an apposition), a dash, a name
ending in ")" or a dot, "and", a relative pronoun, or a plain subject ("Officials said")."""

from __future__ import annotations

from typing import NamedTuple

from ....lexicon import Lexicon, VerbForm
from ...found import Found
from ...phrases import Range
from ...tokens import QUOTE_CHARS, Token
from .appositions import apposition_subject, dash_apposition_subject, inverted_source
from .cues import ing_adjunct
from .extent import cue_tail, pre_run
from .kinds import source_kind
from .phrases import backward, forward
from .subjects import (
    antecedent,
    clause_subject,
    drop_relative,
    relative_that,
    subject_end_ok,
)
from .tables import Tables
from .words import abbreviation_dot, contracted_subject, spaced_dash

_PASSIVE_ENDINGS = ("ed", "told", "said", "thought", "written", "shown", "known", "seen", "found")


class _Verb(NamedTuple):
    """A cue verb and what its reading depends on."""

    i: int
    lemma: str
    form: VerbForm | None  # None: an "-ing" form
    cue: list[int]
    pre_words: set[str]  # the auxiliaries and adverbs of the cue ("has also")
    j: int  # the token right before the cue's first word (-1 at the sentence start)
    ratio: bool  # the subject is a quantity: "one in three said", "many say"
    noun_like: bool  # the verb form is also a noun ("states", "report")


def attribute(tokens: list[Token], i: int, lemma: str, form: VerbForm | None, lex: Lexicon, tables: Tables,
              used: set[int], title: bool = False) -> Found | None:
    """The attribution of the cue verb at token i (``form`` its reading, None for an "-ing"
    form), or None where the word is no cue; ``title``: the sentence is a title-case headline."""
    verb = _verb_at(tokens, i, lemma, form, tables)
    if _no_cue_here(tokens, verb, lex, tables, title):
        return None
    if form is not None and verb.pre_words & tables.be and tokens[i].lower.endswith(_PASSIVE_ENDINGS):
        return _passive(tokens, verb, lex, tables, used)
    if form is None and not verb.pre_words & tables.be:
        return ing_adjunct(tokens, i, lemma, verb.cue, lex, tables, used)
    return _speaker(tokens, verb, lex, tables, used)


def _passive(tokens: list[Token], verb: _Verb, lex: Lexicon, tables: Tables, used: set[int]) -> Found | None:
    """A passive with its agent is the agent's ("has been described as “dire” by the water
    department"); without one it is a cue with no source only as a judgement ("is expected
    to"), not "was told"."""
    token = tokens[verb.i]
    if token.lower not in tables.passive_cues or token.is_cap:
        return None
    agent = _by_agent(tokens, verb.i, lex, tables)
    if agent is not None and not used.intersection(range(*agent)):
        return _found(verb, agent)
    return Found(source=None, cue=verb.cue, mode="reported", lemma=verb.lemma, head=verb.i)


def _by_agent(tokens: list[Token], i: int, lex: Lexicon, tables: Tables) -> Range | None:
    """The phrase after "by" closing the passive at i, before the clause ends."""
    for k in range(i + 1, min(len(tokens) - 1, i + 12)):
        t = tokens[k]
        if not t.is_word and (t.text in ",;:." or t.text in "()–—"):
            return None
        if t.lower == "by":
            return forward(tokens, k + 1, len(tokens), lex)
        if t.lower in tables.clause_stops and not (k == i + 1 and t.lower == "as"):  # "described as"
            return None
    return None


def _verb_at(tokens: list[Token], i: int, lemma: str, form: VerbForm | None, tables: Tables) -> _Verb:
    """The cue verb at i with its cue words and what stands before them."""
    skipped: list[int] = []
    pre = pre_run(tokens, i, tables, skipped)
    # the time adverbial is neither source nor cue: "The campaign on Tuesday responded"
    cue = [k for k in range(pre, i + 1) if k not in skipped]
    if (form is not None and form.needs_next is not None or form is None and lemma in tables.ing_needs) \
            and i + 1 < len(tokens):
        cue.append(i + 1)  # "pointed out", "called for", "making clear"
    else:
        cue.extend(cue_tail(tokens, i, lemma, tables))
    pre_words = {tokens[k].lower for k in range(pre, i) if k not in skipped}
    j = pre - 1
    return _Verb(i, lemma, form, cue, pre_words, j, _quantity_subject(tokens, i, j, pre_words, tables),
                 tokens[i].lower in tables.noun_like)


def _quantity_subject(tokens: list[Token], i: int, j: int, pre_words: set[str], tables: Tables) -> bool:
    """A quantity as the whole subject of a verb of saying: "one in three said", "43 said",
    "all but two said", "many say"."""
    if j < 0:
        return False
    prev = tokens[j]
    if j >= 2 and tokens[j - 1].lower in ("in", "of") and (prev.is_number or prev.lower in tables.number_words):
        return True
    return not pre_words and tokens[i].lower in tables.strong \
        and (prev.is_number or prev.lower in tables.quantity_subjects)


def _no_cue_here(tokens: list[Token], verb: _Verb, lex: Lexicon, tables: Tables, title: bool) -> bool:
    """The word at i reads as something else here: a name, an infinitive, a noun, a participle."""
    i, j = verb.i, verb.j
    token = tokens[i]
    # a capitalised verb inside a sentence is a name or a title word ("United States")
    if token.is_cap and i > 0 and tokens[i - 1].text not in QUOTE_CHARS and not title:
        return True
    if verb.pre_words:
        return False
    if j >= 0 and tokens[j].lower in ("to", "'s", "’s"):
        return True  # "to say", "Trump's claims"
    if j >= 0 and _owner(tokens[j], lex) and token.lower.endswith("ed") and not verb.noun_like:
        return True  # "the state's confirmed caseload": a participle before a noun, not "has confirmed"
    if j >= 0 and tokens[j].lower in lex.word("determiners") and not verb.ratio:
        return True  # "the report", "his email"
    if token.lower in ("called", "named", "dubbed", "labeled") and j >= 1 and tokens[j - 1].lower in ("a", "an"):
        return True  # "a program called Sandy Hook Promise"
    if verb.form is None or token.lower in tables.strong:
        return False
    if _inside_subject(tokens, i, tables) or _reduced_relative(tokens, verb, lex, tables):
        return True  # "A statement posted on the website said", "Patients admitted to the ward rose"
    # "a favourite backed by the party": a participle, its subject is not before it
    return i + 2 < len(tokens) and tokens[i + 1].lower == "by" and j >= 0 and tokens[j].is_word \
        and token.lower.endswith(("ed", "en", "wn")) and not tokens[i + 2].lower.endswith("ing")


def _reduced_relative(tokens: list[Token], verb: _Verb, lex: Lexicon, tables: Tables) -> bool:
    """"Patients admitted to the ward rose to 40": a participle after a noun, then a
    preposition, and the clause's own finite verb after its phrase; not "Smith admitted to
    the affair", nor "officials admitted to reporters that …"."""
    i, j = verb.i, verb.j
    subject = tokens[j] if j >= 0 else None
    if subject is None or verb.form is None or verb.form.needs_next is not None or not subject.is_word or subject.lower in lex.kinds.get("pronoun", ()) \
            or subject.lower in tables.non_subjects or not tokens[i].lower.endswith("ed") \
            or i + 1 >= len(tokens) or tokens[i + 1].lower not in lex.word("attachments"):
        return False
    for k in range(i + 2, min(len(tokens), i + 10)):
        t = tokens[k]
        if not t.is_word or t.lower in tables.clause_stops or t.lower in lex.kinds.get("pronoun", ()):
            return False
        if not t.is_cap and (t.lower in tables.finite_auxiliaries or t.lower in tables.irregular_past):
            return tokens[k - 1].is_word and tokens[k - 1].lower not in tables.non_subjects
    return False


def _owner(token: Token, lex: Lexicon) -> bool:
    """A noun with a possessive "'s" ("state's"), not a pronoun with "is"/"has" ("he's", "who's")."""
    lower = token.lower
    if not lower.endswith(("'s", "’s")) or len(lower) < 3:
        return False
    head = lower[:-2]
    return head not in lex.kinds.get("pronoun", ()) and head not in lex.word("relative_pronouns") \
        and head not in lex.word("contracted_heads")


def _inside_subject(tokens: list[Token], i: int, tables: Tables) -> bool:
    """A strong cue ("said") follows in the same clause with no "that" or quote between:
    the word at i belongs to its subject ("The report released Monday said")."""
    strong = tables.strong
    for k in range(i + 1, min(len(tokens), i + 12)):
        t = tokens[k]
        if not t.is_word:
            if t.text in ".":
                continue
            return False
        if t.lower in ("that", "who", "which") or t.lower in tables.object_pronouns:
            return False
        if t.lower in strong:
            return tokens[k - 1].is_word and tokens[k - 1].lower not in tables.non_subjects
    return False


def _speaker(tokens: list[Token], verb: _Verb, lex: Lexicon, tables: Tables, used: set[int]) -> Found | None:
    """The attribution by what stands right before the cue."""
    j = verb.j
    prev = tokens[j] if j >= 0 else None
    if prev is None or prev.text in QUOTE_CHARS or prev.text == "," and j > 0 and tokens[j - 1].text in QUOTE_CHARS:
        if verb.noun_like:
            return None
        return _unless_used(verb, inverted_source(tokens, verb.i, lex, verb.form), used)  # "“…,” said Smith"
    if prev.text == ",":
        return _after_comma(tokens, verb, lex, tables, used)
    if prev.text in "–—" or spaced_dash(tokens, j):
        # "A former rival -- John McCain -- said"
        return _unless_used(verb, dash_apposition_subject(tokens, j, lex), used)
    if prev.text == ")" or abbreviation_dot(tokens, j):
        return _marked_name(tokens, j, verb, lex, used)  # "Sen. Chuck Grassley (R-Iowa) told"
    if not prev.is_word:
        return None
    return _after_word(tokens, verb, lex, tables, used)


def _after_comma(tokens: list[Token], verb: _Verb, lex: Lexicon, tables: Tables, used: set[int]) -> Found | None:
    """"Gov. John Kasich (R-OH), said", "Smith, a spokesman for the city, said", "…, said Smith"."""
    j = verb.j
    if j > 0 and tokens[j - 1].text == ")":
        found = _marked_name(tokens, j - 1, verb, lex, used)
        if found is not None:
            return found
    source, ok = apposition_subject(tokens, j, lex, tables, used)
    if not ok:
        if verb.noun_like:
            return None
        source = inverted_source(tokens, verb.i, lex, verb.form)
    return _unless_used(verb, source, used)


def _marked_name(tokens: list[Token], k: int, verb: _Verb, lex: Lexicon, used: set[int]) -> Found | None:
    """A subject of two words or more ending at k in ")" or an abbreviation's dot."""
    subject = backward(tokens, k, 0, lex)
    if subject is None or subject[1] - subject[0] < 2:
        return None
    return _unless_used(verb, subject, used)


def _after_word(tokens: list[Token], verb: _Verb, lex: Lexicon, tables: Tables, used: set[int]) -> Found | None:
    """"… and said", "…, who said", "he's said", "Officials said"."""
    j = verb.j
    prev = tokens[j]
    lower = prev.lower
    if lower in lex.word("coordinators") and not prev.is_cap:
        if verb.noun_like:
            return None
        return _found(verb, None, inherit=True, subject=clause_subject(tokens, j, lex, tables))
    if lower in tables.relatives or lower == "that" and j > 0 and relative_that(tokens, j, lex, tables):
        return _relative(tokens, verb, lex)
    if contracted_subject(prev):
        head, _, _ = lower.partition("’" if "’" in prev.text else "'")
        return _relative(tokens, verb, lex) if head in tables.relatives else _found(verb, (j, j + 1))
    if not verb.ratio and not subject_end_ok(prev, tables):
        return None
    if prev.is_number and not verb.ratio:
        return None  # "758 pledged delegates", but "4 in 10 say"
    if verb.noun_like and not _clear_verb(tokens, verb.i, j, lex, tables):
        return None
    subject = backward(tokens, j, 0, lex)
    if subject is None:
        return None
    return _unless_used(verb, drop_relative(tokens, subject, lex, tables), used)


def _relative(tokens: list[Token], verb: _Verb, lex: Lexicon) -> Found | None:
    """A relative pronoun at j ("…, who said", "who's said") as the source, standing for its antecedent."""
    j = verb.j
    stands_for = antecedent(tokens, j, lex)
    if stands_for is None or tokens[j].lower == "that" and verb.noun_like:
        return None
    return _found(verb, (j, j + 1), antecedent=stands_for, kind=source_kind(tokens, stands_for, lex))


def _clear_verb(tokens: list[Token], i: int, j: int, lex: Lexicon, tables: Tables) -> bool:
    """A word that is also a noun ("states", "report") is a verb only in clear contexts."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    subject = tokens[j]
    if nxt is not None and (nxt.lower == "that" or nxt.text in QUOTE_CHARS or nxt.text == ":"):
        return subject.lower not in lex.word("attachments")
    return subject.lower in lex.kinds.get("pronoun", ()) or subject.lower in tables.relatives


def _unless_used(verb: _Verb, source: Range | None, used: set[int]) -> Found | None:
    """The attribution to ``source``, unless there is none or a word of it belongs to another cue."""
    if source is None or used.intersection(range(*source)):
        return None
    return _found(verb, source)


def _found(verb: _Verb, source: Range | None, **more) -> Found:
    return Found(source=source, cue=verb.cue, mode="reported_speech", lemma=verb.lemma, head=verb.i, **more)
