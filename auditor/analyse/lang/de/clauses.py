"""German clauses: their bounds, the quoted tokens of a sentence, and subjects that
stand in the clause before the verb's own ("Der Leiter der WHO, Klaus Stöhr,
sagte"; "Auch der Minister sprach …")."""

from __future__ import annotations

from dataclasses import dataclass

from ....lexicon import Lexicon, VerbForm
from ...phrases import MAX_PHRASE, Range
from ...tokens import FINAL_PUNCT, QUOTE_CHARS, Token, bounds_from_breaks
from .kinds import classify, names_someone
from .phrases import np_clause, phrase_forward, subject_after, with_apposition
from .words import BRACKETS, CLAUSE_BREAKS, abbreviation


@dataclass(frozen=True, slots=True)
class Scan:
    """One sentence as the cue-verb readings see it, made once per sentence."""

    tokens: list[Token]
    lex: Lexicon
    used: set[int]  # tokens claimed by an attribution; grows as cue verbs are found
    starts: list[int]  # clause start of every token
    ends: list[int]  # clause end (exclusive) of every token
    inside: set[int]  # tokens inside quotation marks


@dataclass(frozen=True, slots=True)
class Clause:
    """A cue verb in its clause, as read before its subject is looked for; made once per
    candidate verb. The lists are not changed after it is made."""

    i: int  # the cue verb
    form: VerbForm  # its reading
    cs: int  # clause start
    ce: int  # clause end (exclusive); past an apposition when the particle follows one
    cue: list[int]  # the verb, its separated particle, its companions ("äußerte sich")
    words: list[int]  # the clause's words outside quotations
    aux_before: list[int]  # auxiliaries before the verb: it is a participle or infinitive
    aux_after: list[int]  # auxiliaries after it ("mitgeteilt hatte")
    first_word: int
    participle: bool  # the verb reads only as a participle: it needs an auxiliary
    verb_final: bool  # nothing but auxiliaries and particles follows the verb


def clause_bounds(tokens: list[Token]) -> tuple[list[int], list[int]]:
    """For every token, the start and end (exclusive) of its clause.

    Commas, colons, semicolons and dashes end a clause; brackets do not (a
    bracket after a noun belongs to it: "Das Gericht (BVerwG) entschied").
    """
    n = len(tokens)
    breaks = []
    depth = 0
    for i, token in enumerate(tokens):
        if token.text in BRACKETS:
            depth += 1
        elif token.text in ")]" and depth:
            depth -= 1
        elif token.text == "," and depth:
            continue  # "(Awoda, dt. Arbeiterpartei)": a comma inside brackets ends no clause
        if token.text == "." and i > 0 and abbreviation(tokens[i - 1]) and i + 1 < n:
            continue  # "Königin Elisabeth II., …": an abbreviation ends no clause
        if token.text in CLAUSE_BREAKS or token.text in FINAL_PUNCT:
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
            inside.update(range(k))
            has_quote = True
        first_close = False
    if open_at is not None:
        inside.update(range(open_at + 1, len(tokens)))
        if sum(1 for j in range(open_at + 1, len(tokens)) if tokens[j].is_word) >= 3:
            has_quote = True
    return inside, has_quote


_SENTENCE_OPENERS = frozenset({"auch", "und", "aber", "doch", "zudem", "außerdem", "dann", "nun", "jetzt"})


def sentence_subject(tokens: list[Token], end: int, lex: Lexicon) -> Range | None:
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
                                  or names_someone(tokens, after, lex)):
            return after
        return None
    if k >= end or not tokens[k].is_word:
        return None
    rng = phrase_forward(tokens, k, end, lex)
    if rng is None or rng[1] >= end:
        return None
    rng = with_apposition(tokens, rng, lex) or rng
    nxt = tokens[rng[1]] if rng[1] < end else None
    if nxt is None or not nxt.is_word or nxt.is_cap:
        return None  # the finite verb must follow
    if rng[1] - rng[0] == 1 and tokens[rng[0]].lower in lex.word("non_sources"):
        return None
    if classify(tokens, rng, lex) == "person" and not names_someone(tokens, rng, lex):
        return None
    return rng


def apposition_subject(tokens: list[Token], cs: int, starts: list[int], lex: Lexicon,
                       wie: list[int] | None = None) -> Range | None:
    """The subject before a comma in "Der Leiter der WHO, Klaus Stöhr, sagte" or
    "Hubert Primus, der … ist, wies … zurück"; "wie X, Chef von Y, mitteilte"
    (the position of "wie" is put into ``wie``)."""
    j = cs - 1
    first = last = None
    while j > 0 and tokens[j].text == "," and j - 1 >= 0:
        ps = starts[j - 1]
        if wie is not None and tokens[ps].key == "wie" and np_clause(tokens, ps + 1, j, lex):
            wie.append(ps)
            return (ps + 1, last or j)
        if np_clause(tokens, ps, j, lex):
            first = ps
            if last is None:
                last = j
            j = ps - 1
            continue
        if last is None and opens_relative(tokens, ps, j, lex) and ps > 0 and tokens[ps - 1].text == ",":
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


def opens_relative(tokens: list[Token], ps: int, end: int, lex: Lexicon) -> bool:
    """Does a relative clause open at ps: "die …", "wo …" ("Die Behörde, wo der Konzern seinen
    Sitz hat, sagte …"), or a preposition with its relative pronoun ("…, in der …")?"""
    low = tokens[ps].lower
    if low in lex.word("relative_pronouns") or low in lex.word("relative_adverbs"):
        return True
    return low in lex.word("prepositions") and ps + 1 < end and tokens[ps + 1].lower in lex.word("relative_pronouns")


def wie_apposition_subject(tokens: list[Token], i: int, cs: int, first_word: int, verb_final: bool,
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
        if j <= 0 or tokens[j].text != "," or not np_clause(tokens, starts[j - 1], j, lex):
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
