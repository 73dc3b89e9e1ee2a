"""English subjects before a cue verb: whether a word can end one, the antecedent of a
relative pronoun ("Harlow Group, which said"), and the subject of the clause an
inheriting cue hangs on ("Trump returned the compliment, telling …")."""

from __future__ import annotations

from ....lexicon import Lexicon
from ...phrases import Range
from ...tokens import QUOTE_CHARS, Token
from .extent import MAX_PRE
from .phrases import backward
from .tables import Tables, keeper_at
from .words import is_dash


def subject_end_ok(token: Token, tables: Tables) -> bool:
    """Whether a subject can end with this word: not a function word, an object pronoun or a generic subject."""
    if not token.is_word:
        return False
    lower = token.lower
    if lower in tables.non_subjects and not token.is_cap:
        return False
    if lower in tables.intensifiers:
        return True  # "Ford itself said", "the senator herself wrote"
    return lower not in tables.object_pronouns and lower not in tables.generic


def relative_that(tokens: list[Token], j: int, lex: Lexicon, tables: Tables) -> bool:
    """"organizations that have endorsed": "that" after a noun, not after a verb."""
    before = tokens[j - 1]
    if not before.is_word or before.lower in tables.non_subjects or before.key in lex.verb_forms:
        return False
    return not before.lower.endswith(("ed", "ly"))


def drop_relative(tokens: list[Token], rng: Range, lex: Lexicon, tables: Tables) -> Range:
    """"progressive organizations that have endorsed him say": the head before the relative clause."""
    start, end = rng
    for k in range(start + 1, end):
        if tokens[k].lower in tables.relatives or tokens[k].lower == "that":
            if keeper_at(tokens, k, lex):
                return rng
            return (start, k)
    return rng


def antecedent(tokens: list[Token], r: int, lex: Lexicon) -> Range | None:
    """The noun phrase a relative pronoun at r stands for."""
    k = r - 1
    if k >= 0 and tokens[k].text == ",":
        k -= 1
    if k < 0 or not tokens[k].is_word:
        return None
    rng = backward(tokens, k, 0, lex)
    if rng is None:
        return None
    # "The contract went to Harlow Group, which …": the antecedent starts after the preposition
    for q in range(rng[1] - 1, rng[0], -1):
        if tokens[q].lower in lex.word("attachments") and tokens[q].lower != "of" and not tokens[q].is_cap:
            rng = (q + 1, rng[1]) if q + 1 < rng[1] else rng
            break
    # "keeps in place a mayor who …": the antecedent starts at its article, not at the verb's word before
    attachments, determiners = lex.word("attachments"), lex.word("determiners")
    for q in range(rng[0] + 1, rng[1]):
        before = tokens[q - 1]
        if tokens[q].lower in lex.word("indefinite_articles") and before.is_word and not before.is_cap \
                and before.lower not in attachments and before.lower not in determiners:
            rng = (q, rng[1])
            break
    return _with_named_head(tokens, rng, lex)


def _with_named_head(tokens: list[Token], rng: Range, lex: Lexicon) -> Range:
    """"the Lake Party, a local group which …": an apposition with "a" stands for the name
    before it, and the antecedent takes that name in."""
    start = rng[0]
    if start < 2 or tokens[start].lower not in lex.word("indefinite_articles") or tokens[start - 1].text != ",":
        return rng
    name = backward(tokens, start - 2, 0, lex)
    if name is None:
        return rng
    first = name[0]
    for q in range(name[1] - 1, name[0] - 1, -1):
        if tokens[q].lower in lex.word("attachments") and not tokens[q].is_cap:
            first = q + 1  # "endorsed by the Lake Party": the name after the preposition
            break
    if first >= name[1] or not any(t.is_cap for t in tokens[first + 1:name[1]]):
        return rng
    return (first, rng[1])


def clause_subject(tokens: list[Token], j: int, lex: Lexicon, tables: Tables) -> Range | None:
    """The subject of the clause that an inheriting cue at j + 1 hangs on ("Trump returned
    the compliment, telling …", "Mr. Smith was forced out and said …"), when that clause
    has no cue verb of its own: a short noun phrase at the start of the sentence, or
    after one opening adverbial ("Hours later, Trump …"), right before a finite verb."""
    begin = j
    while begin > 0 and j - begin < 60 and tokens[begin - 1].text not in ";:" \
            and tokens[begin - 1].text not in QUOTE_CHARS and not is_dash(tokens, begin - 1):
        begin -= 1
    if begin > 0:
        return None  # only the sentence's own main clause
    start = begin
    if tokens[start].lower in tables.opener_words:
        # one opening adverbial before a comma: "Here in Columbia,", "On Thursday,"
        comma = next((k for k in range(start + 1, min(j, start + 9)) if tokens[k].text == ","), None)
        if comma is None:
            return None
        start = comma + 1
        if start < j and tokens[start].lower in tables.opener_words:
            return None
    return _subject_before_verb(tokens, start, j, lex, tables)


def _subject_before_verb(tokens: list[Token], s: int, j: int, lex: Lexicon, tables: Tables) -> Range | None:
    """A noun phrase of at most six words from token s, followed by a finite verb before j."""
    while s < j and (tokens[s].lower in lex.word("coordinators") or tokens[s].lower in lex.word("subject_openers")):
        s += 1
    if s >= j or not tokens[s].is_word:
        return None
    end = s + 1 if tokens[s].lower in tables.subject_pronouns else _noun_phrase_end(tokens, s, j, lex, tables)
    if end is None or not _finite_verb_follows(tokens, end, j, lex, tables):
        return None
    return (s, end)


def _noun_phrase_end(tokens: list[Token], s: int, j: int, lex: Lexicon, tables: Tables) -> int | None:
    """The end of a short noun phrase from token s that names someone who can speak:
    "The billionaire businessman", "Trump", not "The decision", "The hope"."""
    first = tokens[s]
    if not (first.is_cap or first.lower in tables.determiners) or first.lower in tables.not_clause_subjects \
            or first.lower.endswith(("ing", "ly")):
        return None
    end = s
    while end < j and end - s < 6:
        t = tokens[end]
        if t.is_word and (t.is_cap or t.lower in tables.determiners and t.lower not in ("that", "this")
                          or t.lower in ("'s", "’s")) \
                or t.text in "'’-." and end > s and tokens[end - 1].end == t.start:
            end += 1
            continue
        if t.is_word and not _finite_verb(t, tables) and t.lower not in tables.non_subjects \
                and not t.lower.endswith("ly") and t.lower not in tables.pre and end > s \
                and t.lower not in lex.word("subject_openers") and t.lower not in tables.parenthetical:
            end += 1  # a common noun: "The billionaire businessman"
            continue
        break
    if tokens[end - 1].lower in tables.determiners:
        return None
    named = any(t.is_cap for t in tokens[s + 1:end]) or first.is_cap and first.lower not in tables.determiners
    if not named and not any(t.lower in tables.speaker_nouns for t in tokens[s:end]):
        return None
    return end


def _finite_verb_follows(tokens: list[Token], end: int, j: int, lex: Lexicon, tables: Tables) -> bool:
    """An active finite verb follows the subject ending at ``end``, after a few adverbs, before j."""
    v = end
    while v < j and v - end < MAX_PRE and tokens[v].is_word and (
            tokens[v].lower in tables.adverbs or tokens[v].lower.endswith("ly") and len(tokens[v].lower) > 4):
        v += 1  # "Trump also told", "Clinton quickly"
    if v >= j or not _finite_verb(tokens[v], tables):
        return False
    # not a passive: "The decision was included", "I was told"
    return not (tokens[v].lower in tables.be and v + 1 < j
                and (_finite_verb(tokens[v + 1], tables) or tokens[v + 1].lower.endswith(("en", "wn"))))


def _finite_verb(token: Token, tables: Tables) -> bool:
    """A word that is most likely a finite verb after a subject: an auxiliary, a past
    form in -ed, or a common irregular past form ("took", "began")."""
    lower = token.lower
    if not token.is_word or token.is_cap:
        return False
    return lower in tables.finite_auxiliaries or lower in tables.irregular_past \
        or len(lower) > 4 and lower.endswith("ed") and lower not in tables.non_subjects
