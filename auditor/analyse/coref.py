"""Pronouns and descriptions resolved to the people and bodies mentioned before.

One pass over an article, each sentence's tokens read once: its mentions (names,
role descriptions such as "die Anwältin" or "a spokeswoman", bodies, groups, and
the sources tagged in it) become entities that keep what is known of them: person,
body or group; gender; number. A pronoun source ("she", "er", "they", "nach eigenen
Angaben") takes the entity that fits best: gender, number and animacy filter (a
video, a time or a plan never speaks), salience ranks (subject first, a source
strong, then distance). Reportative "demnach" takes the source it points back to;
a description ("der Minister") the one named person seen with that role.

Language-neutral: the words come from the lexicon (its ``[coref]`` and ``[kinds]``
tables), first names from ``rules/first_names.toml``, and a grammar may tell the
number of an ambiguous pronoun (German "sie") through ``Grammar.pronoun_plural``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate

from ..lexicon import Lexicon, first_names
from ..models import Attribution, SourceSpan, TaggedSentence
from .grammar import Grammar
from .phrases import matches
from .tokens import Token, tokenize

PERSON, BODY, GROUP = "person", "body", "group"
# lexicon word classes of names and content words, though not named "…_nouns"
CONTENT_CLASSES = frozenset({"country_names", "unnamed_roles", "quantity_heads", "press_words",
                             "back_reference_documents", "stance_adjectives"})
# salience (after Lappin and Leass): what a mention is worth, and what a sentence of distance costs
SUBJECT, SOURCE, POSSESSOR, OBLIQUE, GENDER_FITS, DECAY = 3.0, 2.0, 1.0, -1.0, 1.0, 2.0
MAX_MODIFIERS = 3  # "the former deputy mayor": small words before the head of a description
ANTECEDENT_REACH = 1  # sentences back a definite description looks for whom it names again
MAX_UNKNOWN = 3  # words of a source named by an unknown noun that still counts as a person
MAX_CANDIDATES = 40  # entities looked at per pronoun, the most recently mentioned: linear time
SUBJECT_WINDOW = 3  # a mention within the first words of a sentence is its subject
POSSESSIVE = ("'s", "’s")
WORD = re.compile(r"\w+")
_PUNCT = "\"'„“”»«‚‘’()[]–—-,;:"
WINDOW_CHARS = 30  # text either side of a pronoun tokenised to find its verb
MEMO = 50_000  # words whose class is kept


@dataclass(frozen=True)
class Words:
    """The lexicon's word sets for resolving, derived once per lexicon."""

    compounds: bool
    determiners: frozenset[str]
    titles: dict[str, str]  # "mr" -> "m"
    person: frozenset[str]
    male: frozenset[str]
    female: frozenset[str]
    female_endings: tuple[str, ...]
    bodies: frozenset[str]
    groups: frozenset[str]
    inanimate: frozenset[str]
    singular: frozenset[str]
    plural: frozenset[str]
    definite: frozenset[str]
    plural_nouns: frozenset[str]
    det_gender: dict[str, str]
    plural_endings: tuple[str, ...]
    not_plural_endings: tuple[str, ...]
    oblique: frozenset[str]
    particles: frozenset[str]
    nouns: frozenset[str]  # person, body and group nouns: a chunk may be made of them
    function: frozenset[str]  # every grammar word: a capital at the start of a sentence is no name
    common_endings: tuple[str, ...]
    anaphoric_endings: tuple[str, ...]  # descriptions that name someone met before: "der 52-Jährige"
    pronouns: dict[str, tuple[tuple[bool, str | None], ...]]  # word -> (plural, gender) readings
    anaphors: frozenset[str]  # reportative "demnach": the source before
    names: dict[str, str]
    spans: re.Pattern[str]  # text that may name someone, found without tokenising the sentence
    pronoun_words: re.Pattern[str]  # subject pronouns in running text
    # word -> (role noun, its gender, body noun, group noun): compounds are matched by ending,
    # a dozen set lookups a word, so each word's answer is kept (up to MEMO words)
    memo: dict[str, tuple[bool, str | None, bool, bool]] = field(default_factory=dict, compare=False)


def word_class(word: str, ws: Words) -> tuple[bool, str | None, bool, bool]:
    """(is a role noun, the gender it gives, is a body, is a group) of a lower-case word."""
    found = ws.memo.get(word)
    if found is None:
        if len(ws.memo) >= MEMO:
            ws.memo.clear()
        role = is_role(word, ws)
        found = ws.memo[word] = (role, noun_gender(word, ws) if role else None,
                                 matches(word, ws.bodies, ws.compounds), matches(word, ws.groups, ws.compounds))
    return found


_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_CAP = rf"[{_UPPER}][\w'’&-]*(?:\.(?=\s+[{_UPPER}]))?"  # "Mr." only before a capital


def _alternatives(words: frozenset[str]) -> str:
    """A pattern matching any of the words, longest first, as a trie: the regular expression
    engine rejects a word by its first letters instead of trying hundreds of alternatives."""
    if not words:
        return "(?!)"
    return _trie(sorted(w for w in words if w))


def _trie(words: list[str]) -> str:
    ends = "" in words
    by_first: dict[str, list[str]] = {}
    for w in words:
        if w:
            by_first.setdefault(w[0], []).append(w[1:])
    branches = [re.escape(c) + _trie(rest) if rest != [""] else re.escape(c) for c, rest in by_first.items()]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def _spans(nouns: frozenset[str], determiners: frozenset[str], particles: frozenset[str]) -> re.Pattern[str]:
    """A coarse pattern for what may name someone: a determiner and a few words, then capitalised
    words or nouns for people, bodies and groups (:func:`chunks` then reads its tokens)."""
    part = rf"(?:{_CAP}|(?:{_alternatives(frozenset(n for n in nouns if n.islower()))})(?![\w'’-]))"
    det = rf"(?i:{_alternatives(determiners)})\s+(?:[^\W\d][\w'’-]*\s+){{0,{MAX_MODIFIERS}}}?"
    return re.compile(rf"(?<![\w'’-])(?:{det})?{part}(?:\s+(?:(?:{_alternatives(particles)})\s+)*{part})*")


def words_of(lex: Lexicon) -> Words:
    w = lex.word
    kinds = lex.kinds
    pronouns: dict[str, list[tuple[bool, str | None]]] = {}
    for cls, reading in (("masculine_pronouns", (False, "m")), ("feminine_pronouns", (False, "f")),
                         ("neuter_pronouns", (False, "n")), ("plural_pronouns", (True, None)),
                         ("neutral_pronouns", (None, None))):
        for word in w(cls):
            pronouns.setdefault(word, []).append(reading)
    genders = {**{d: "m" for d in w("masculine_determiners")}, **{d: "f" for d in w("feminine_determiners")},
               **{d: "n" for d in w("neuter_determiners")}}
    # every grammar word (a capital at a sentence's start is no name), but not the word classes
    # that hold names or nouns: countries speak as bodies ("Germany said")
    function = frozenset().union(*(v for k, v in lex.words.items()
                                   if not k.endswith(("_nouns", "_titles")) and k not in CONTENT_CLASSES))
    nouns = kinds.get("person", frozenset()) | w("male_nouns") | w("female_nouns") \
        | kinds.get("organization", frozenset()) | kinds.get("outlet_words", frozenset()) \
        | kinds.get("vague", frozenset()) | kinds.get("anonymous", frozenset())
    subject_pronouns = kinds.get("pronoun", frozenset()) & frozenset(pronouns)
    return Words(
        compounds=lex.compounds, determiners=w("determiners"),
        titles={**{t: "m" for t in w("male_titles")}, **{t: "f" for t in w("female_titles")}},
        person=kinds.get("person", frozenset()) | w("male_nouns") | w("female_nouns"),
        male=w("male_nouns"), female=w("female_nouns"), female_endings=tuple(sorted(w("female_endings"), key=len)),
        bodies=kinds.get("organization", frozenset()) | kinds.get("outlet_words", frozenset())
        | w("country_names"),
        groups=kinds.get("vague", frozenset()) | kinds.get("anonymous", frozenset()),
        inanimate=w("inanimate_nouns") | kinds.get("document", frozenset()),
        singular=w("singular_determiners"), plural=w("plural_determiners"), det_gender=genders,
        definite=w("definite_determiners"), plural_nouns=w("plural_nouns"),
        plural_endings=tuple(w("plural_endings")), not_plural_endings=tuple(w("not_plural_endings")),
        oblique=w("oblique_markers"), particles=w("name_particles"), function=function,
        nouns=nouns, spans=_spans(nouns, w("determiners"), w("name_particles")),
        pronoun_words=re.compile(rf"(?i)(?<![\w'’-])(?:{_alternatives(subject_pronouns)})(?![\w'’-])"),
        common_endings=tuple(w("common_noun_endings")), anaphoric_endings=tuple(w("anaphoric_endings")),
        pronouns={k: tuple(v) for k, v in pronouns.items()},
        anaphors=w("self_sources") | w("subjunctive_self_sources"), names=first_names())


# --- one mention ------------------------------------------------------------------


@dataclass(slots=True)
class Mention:
    """What one phrase says of whom it names."""

    start: int  # character offsets in the article
    end: int
    text: str
    kind: str | None  # PERSON, BODY, GROUP; None: a bare name, known only if met before
    gender: str | None = None
    plural: bool = False
    proper: str | None = None  # the name alone ("Hans Maier" of "Minister Hans Maier")
    surname: str | None = None
    roles: frozenset[str] = frozenset()
    salience: float = 0.0
    definite: bool = False  # "der Mann", "the four-term congressman": someone named before


def is_role(word: str, ws: Words) -> bool:
    if matches(word, ws.person, ws.compounds):
        return True
    return any(word.endswith(e) and matches(word[:-len(e)], ws.person, ws.compounds) for e in ws.female_endings)


def noun_gender(word: str, ws: Words) -> str | None:
    """The gender of a noun for a person: "Sprecherin", "spokeswoman" f; "Anwalt", "chairman" m."""
    if matches(word, ws.female, ws.compounds):
        return "f"
    if any(word.endswith(e) for e in ws.female_endings) and is_role(word, ws):
        return "f"
    return "m" if matches(word, ws.male, ws.compounds) else None


def _plural_group(head: str, det: str | None, ws: Words) -> bool:
    """Whether a group noun is plural: "Energy experts", "die Experten"; not "a senior official",
    "die Expertin"."""
    if det in ws.singular:
        return False
    if det in ws.plural:
        return True
    if ws.plural_endings:
        return head.endswith(ws.plural_endings) and not head.endswith(ws.not_plural_endings)
    # a language whose plurals have no one ending (German): a group noun is plural unless
    # it is a woman's ("Expertin"; "Expertinnen" is plural)
    return not any(head.endswith(e) for e in ws.female_endings if len(e) <= 2)


def _gender(*found: str | None) -> str | None:
    """One gender from several clues; clues that disagree say nothing."""
    known = {g for g in found if g}
    return known.pop() if len(known) == 1 else None


def read_mention(text: str, tokens: list[Token], a: int, b: int, ws: Words) -> Mention | None:
    """The mention of tokens[a:b] (a determiner, then words), or None when it names no one."""
    det = tokens[a].lower if tokens[a].lower in ws.determiners else None
    body = [t for t in tokens[a + (det is not None):b] if t.is_word]
    if not body:
        return None
    titled, role_gender, body_word = None, None, False
    roles: list[str] = []
    names: list[Token] = []
    lead: Token | None = None  # the first title, role or name: words before it are no part of a name
    for t in body:
        w = t.lower
        role, gender, is_body, _ = word_class(w, ws)
        body_word = body_word or is_body
        if w in ws.titles:
            titled = ws.titles[w]
        elif role:
            roles.append(w)
            role_gender = role_gender or gender
            names = []  # the name comes after the role: "Minister Hans Maier"
        elif t.is_cap and (t is not tokens[0] or w not in ws.function):
            names.append(t)
        else:
            continue
        lead = lead or t
    head = body[-1].lower
    # a known first name starts the name; capitalised words before it are a role the lexicon
    # does not list ("Die Virologin Anna Weber")
    at = next((i for i, n in enumerate(names) if n.lower in ws.names), 0)
    roles += [n.lower for n in names[:at]]
    names = names[at:]
    first = ws.names.get(names[0].lower) if names else None
    mention = Mention(tokens[a].start, tokens[b - 1].end, text[tokens[a].start:tokens[b - 1].end], None,
                      roles=frozenset(roles), definite=det in ws.definite)
    if names and lead is not None and lead is not body[0]:
        # "The talks stalled after Angela Merkel": the name is "Angela Merkel"
        mention.text = text[lead.start:tokens[b - 1].end]
    if names:
        cut = 2 if names[-1].lower.endswith(POSSESSIVE) else 0  # "Bennett's bid": Bennett
        mention.proper = text[names[0].start:names[-1].end - cut]
        mention.surname = names[-1].lower[:len(names[-1].lower) - cut]
        mention.text = mention.text[:len(mention.text) - cut]
    if head in ws.plural_nouns:  # "women", "die Leute": a group whatever the determiner
        mention.kind, mention.plural = GROUP, True
    elif titled or first or roles and names:
        mention.kind, mention.gender = PERSON, _gender(titled, first, role_gender, ws.det_gender.get(det))
    elif body_word and not roles:
        mention.kind, mention.gender = BODY, ws.det_gender.get(det)
    elif word_class(head, ws)[3]:
        mention.plural = _plural_group(head, det, ws)
        mention.kind = GROUP if mention.plural else PERSON
        mention.gender = None if mention.plural else _gender(noun_gender(head, ws), ws.det_gender.get(det))
    elif roles:
        mention.kind, mention.gender = PERSON, _gender(role_gender, ws.det_gender.get(det))
    elif len(names) >= 2 and det is None and not any(
            n.lower in ws.inanimate or n.lower.endswith(ws.common_endings or ("\0",)) for n in names):
        mention.kind = PERSON
    elif not (len(names) == 1 and det is None):
        return None  # "Ein Video", "die Szene": no one; a bare name ("Bennett") is kept to look up
    return mention


def _name_word(t: Token, ws: Words) -> bool:
    """A word of a name or of a noun for someone; a capitalised grammar word ("Wenn", "But") is none."""
    return t.is_word and (t.lower in ws.nouns or t.is_cap and t.lower not in ws.function)


def chunks(tokens: list[Token], ws: Words) -> list[tuple[int, int]]:
    """Token ranges that may name someone: an optional determiner, at most a few small words,
    then a run of capitalised words or nouns for people, bodies and groups."""
    found = []
    n, k = len(tokens), 0
    while k < n:
        t = tokens[k]
        if not t.is_word:
            k += 1
            continue
        j = k + 1 if t.lower in ws.determiners and not (t.is_cap and k > 0) else k
        m = j
        while m < n and m - j < MAX_MODIFIERS and tokens[m].is_word and not _name_word(tokens[m], ws) \
                and tokens[m].lower not in ws.determiners and j > k:
            m += 1
        e = m
        while e < n and (_name_word(tokens[e], ws) or tokens[e].lower in ws.particles and e + 1 < n
                         and tokens[e + 1].is_cap or tokens[e].text == "." and e > m and e + 1 < n
                         and len(tokens[e - 1].text) <= 3 and tokens[e + 1].is_cap):
            e += 1
        if e > m:
            found.append((k if j > k else m, e))
            k = e
        else:
            k += 1
    return found


# --- the entities of an article --------------------------------------------------


@dataclass(slots=True, eq=False)
class Entity:
    name: str  # as first written in full
    kind: str
    gender: str | None
    plural: bool
    proper: str | None
    roles: set[str] = field(default_factory=set)
    base: float = float("-inf")  # best salience of a mention, plus DECAY for each sentence it came later


class Entities:
    """The people, bodies and groups met so far, most recently mentioned last."""

    def __init__(self) -> None:
        self.recent: dict[Entity, None] = {}  # insertion order = recency
        self.by_surname: dict[str, Entity] = {}
        self.by_name: dict[str, Entity] = {}
        self.by_role: dict[str, set[Entity]] = {}  # named persons by the role nouns met with their name
        self.last_source: str | None = None
        self.resolved: dict[int, tuple[str, Entity | None]] = {}  # a pronoun source's offset -> its referent

    def find(self, m: Mention) -> Entity | None:
        """The entity a mention names again: the same text, or the same surname (a bare
        "Bennett" after "Lynda Bennett"; "Debbie Meadows" is not "Mark Meadows")."""
        same = self.by_name.get(m.text.lower())
        if same is not None or m.surname is None:
            return same
        known = self.by_surname.get(m.surname)
        if known is None or known.proper is None or m.kind not in (None, PERSON) or known.kind != PERSON:
            return None
        mine, theirs = (m.proper or "").split(), known.proper.split()
        if len(mine) >= 2 and len(theirs) >= 2 and mine[0] != theirs[0]:
            return None
        return known if _gender(known.gender, m.gender) or not (known.gender and m.gender) else None

    def add(self, m: Mention, sentence: int, entity: Entity | None = None) -> Entity | None:
        entity = entity or self.find(m)
        if entity is None:
            if m.kind is None:
                return None  # a bare capitalised word never met with a first name or role
            entity = Entity(m.text, m.kind, m.gender, m.plural, m.proper)
        elif entity.gender is None and entity.kind == PERSON and m.kind == PERSON:
            entity.gender = m.gender
        entity.roles.update(m.roles)
        if entity.proper and entity.kind == PERSON:
            for role in m.roles:
                self.by_role.setdefault(role, set()).add(entity)
        self.mention(entity, m.salience, sentence)
        self.by_name.setdefault(m.text.lower(), entity)
        if m.surname and entity.kind == PERSON and entity.proper:
            self.by_surname[m.surname] = entity
        return entity

    def mention(self, entity: Entity, salience: float, sentence: int) -> None:
        """A pronoun or carried-over speech names the entity again."""
        entity.base = max(entity.base, salience + DECAY * sentence)
        self.recent.pop(entity, None)
        self.recent[entity] = None

    def antecedent(self, m: Mention, sentence: int, unique: bool) -> Entity | None:
        """The person a definite description names again ("Der Anwalt Michael Moreno … der Mann"):
        one of its gender who was the subject of this or the last sentences, the most salient;
        with ``unique`` (a source to be resolved) only if they are the only one."""
        genders = (m.gender,) if m.gender else ("m", "f")
        floor = -ANTECEDENT_REACH * DECAY + DECAY * sentence  # named in the sentence before, a subject up to three back
        found = [e for n, e in zip(range(MAX_CANDIDATES), reversed(self.recent))
                 if e.kind == PERSON and e.base >= floor and any(fits(e, False, g) for g in genders)]
        if not found or unique and len(found) > 1:
            return None
        return max(found, key=lambda e: e.base)  # the first found of the best: the most recent

    def best(self, readings: tuple[tuple[bool | None, str | None], ...], sentence: int) -> Entity | None:
        """The most salient entity that fits one of the readings (plural, gender) of a pronoun."""
        best, best_score = None, float("-inf")
        for n, entity in enumerate(reversed(self.recent)):
            if n >= MAX_CANDIDATES:
                break
            for plural, gender in readings:
                if fits(entity, plural, gender):
                    score = entity.base - DECAY * sentence + (GENDER_FITS if gender and entity.gender == gender else 0)
                    if score > best_score:
                        best, best_score = entity, score
        return best

    def described(self, roles: frozenset[str]) -> set[Entity]:
        """The named persons seen with one of these roles ("Minister Hans Maier" for "der Minister")."""
        return set().union(*(self.by_role.get(r, ()) for r in roles))


def fits(entity: Entity, plural: bool | None, gender: str | None) -> bool:
    """Whether an entity can be what a pronoun of this number and gender stands for."""
    if plural is None:  # "nach eigenen Angaben": whoever it is
        return True
    if plural:  # "they", plural "sie": a group, or a body ("the company … they")
        return entity.plural or entity.kind == BODY
    if entity.plural:
        return False
    if entity.kind == PERSON:
        return gender in ("m", "f") and entity.gender in (None, gender)
    if entity.kind == BODY:  # "it"; German "er"/"sie" by the noun's gender ("der Konzern … er")
        return entity.gender == gender or gender == "n" and entity.gender is None
    return False


# --- the pass over an article ----------------------------------------------------


def _window(text: str, s: TaggedSentence, start: int, end: int, lex: Lexicon) -> tuple[list[Token], int]:
    """The tokens around text[start:end] (a word or two either side) and the index of its first:
    what the grammar needs to read a pronoun's verb, without tokenising the whole sentence."""
    begin, stop = max(s.start, start - WINDOW_CHARS), min(s.end, end + WINDOW_CHARS)
    tokens = tokenize(text[begin:stop], begin, lex.case_sensitive)
    return tokens, next((k for k, t in enumerate(tokens) if t.start >= start), 0)


def _readings(text: str, s: TaggedSentence, start: int, end: int, lex: Lexicon, grammar: Grammar,
              ws: Words) -> tuple[tuple[bool | None, str | None], ...]:
    """The (plural, gender) readings of a pronoun in text[start:end]: its first word with pronoun
    features ("she"; "her" of "her own account"; "eigenen" of "nach eigenen Angaben")."""
    for match in WORD.finditer(text, start, end):
        readings = ws.pronouns.get(match.group().lower())
        if readings is None:
            continue
        if len({r[0] for r in readings}) > 1:  # German "sie": its verb tells the number
            tokens, k = _window(text, s, match.start(), match.end(), lex)
            return narrowed(readings, grammar.pronoun_plural(tokens, k, lex))
        return readings
    return ()


def narrowed(readings: tuple[tuple[bool | None, str | None], ...],
             plural: bool | None) -> tuple[tuple[bool | None, str | None], ...]:
    """The readings left once the grammar knows the number (German "Sie sagten" is plural)."""
    if plural is None:
        return readings
    return tuple(r for r in readings if r[0] is None or r[0] == plural) or readings


def _wanted(src: SourceSpan | None, ws: Words) -> bool:
    return src is not None and src.resolved_to is None and (
        src.kind == "pronoun" or src.kind == "person" and len(src.text.split()) <= 4
        and src.text.split()[0].lower() in ws.determiners)


def source_mention(text: str, src: SourceSpan, lex: Lexicon, ws: Words) -> Mention | None:
    """The mention a source makes: its words up to a comma ("Mr. Reeves, a senior fellow …")."""
    tokens = tokenize(src.text, src.start, lex.case_sensitive)
    inside = list(range(len(tokens)))
    words = [t.lower for t in tokens if t.is_word]
    if len(words) == 1 and (words[0] in ws.function or words[0] in ws.pronouns):
        return None  # "which", "his", "that": a word of grammar the tagger took for a source
    end = next((k for k in inside if tokens[k].text in ",(" and k > inside[0]), inside[-1] + 1)
    m = read_mention(text, tokens, inside[0], end, ws)
    head = tokens[end - 1].lower
    if m is None and src.kind in ("organization", "outlet"):
        m = Mention(tokens[inside[0]].start, tokens[end - 1].end, "", BODY)
    elif m is None and src.kind == "person" and end - inside[0] <= MAX_UNKNOWN and tokens[0].lower in ws.determiners \
            and all(t.is_word for t in tokens[:end]) and not matches(head, ws.inanimate, ws.compounds):
        # a short speaker the grammar found, named by a noun the lexicon does not know ("the
        # clerk"); not "Ein Video zeigt …", nor "an invitation obtained by …", nor "for some"
        det = tokens[inside[0]].lower
        m = Mention(tokens[inside[0]].start, tokens[end - 1].end, "", PERSON, gender=ws.det_gender.get(det),
                    definite=det in ws.definite)
    if m is not None:
        m.text = text[tokens[inside[0]].start:tokens[end - 1].end]
    m = _with_apposition(text, tokens, end, m, ws)
    if m is not None:
        m.salience = SUBJECT + SOURCE
    return m


def _with_apposition(text: str, tokens: list[Token], comma: int, m: Mention | None, ws: Words) -> Mention | None:
    """A source with an apposition is one person: "Reeve's lawyer, Tom Aldridge" is Tom Aldridge,
    a lawyer; "Anne Gonzales, a spokeswoman" a woman."""
    if comma >= len(tokens) - 1 or tokens[comma].text != ",":
        return m
    stop = next((k for k in range(comma + 1, len(tokens)) if tokens[k].text in ",("), len(tokens))
    other = read_mention(text, tokens, comma + 1, stop, ws) if stop > comma + 1 else None
    if other is None or other.kind != PERSON or m is not None and m.kind != PERSON:
        return m
    named, described = (other, m) if other.proper and (m is None or not m.proper) else (m, other)
    if named is None or described is None:
        return named or described
    named.roles = named.roles | described.roles
    named.gender = _gender(named.gender, described.gender)
    return named


def _opens(text: str, begin: int, at: int, ws: Words) -> bool:
    """Whether what starts at ``at`` opens its sentence (``begin``), but for a word or two of
    grammar ("But", "Und", a quotation mark): the subject's place, "Workers cheered X" is not."""
    if at - begin > 30:
        return False
    before = [w.strip(_PUNCT).lower() for w in text[begin:at].split()]
    return len(before) < SUBJECT_WINDOW and all(not w or w in ws.function for w in before)


def _idle(word: str, ws: Words, entities: Entities) -> bool:
    """Whether one capitalised word alone names no one: "The", "He", "Montag", a name never met."""
    lower = word.lower()
    if lower.endswith(POSSESSIVE):
        lower = lower[:-2]
    return lower not in ws.titles and lower not in ws.names and lower not in entities.by_surname \
        and not any(word_class(lower, ws))


class _Taken:
    """The sources' spans of a sentence, asked whether a chunk overlaps one in log time: a
    sentence of thousands of sources and chunks (hostile text) must stay linear, not quadratic."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [x for x, _ in spans]
        self.reach = list(accumulate((y for _, y in spans), max))  # furthest end of the spans so far

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_left(self.starts, end)  # the spans that start before the chunk ends
        return k > 0 and self.reach[k - 1] > start


def _chunk_mentions(text: str, s: TaggedSentence, taken: list[tuple[int, int]], lex: Lexicon,
                    grammar: Grammar, ws: Words, entities: Entities) -> list[Mention]:
    """The mentions of a sentence outside its sources; the first near the start is its subject.
    A coarse pattern finds the places; only their words are tokenised."""
    found = []
    inside_source = _Taken(taken)
    for span in ws.spans.finditer(text, s.start, s.end):
        if " " not in span.group() and _idle(span.group(), ws, entities):
            continue
        tokens = tokenize(span.group(), span.start(), lex.case_sensitive)
        for a, b in chunks(tokens, ws):
            start, end = tokens[a].start, tokens[b - 1].end
            if inside_source.overlaps(start, end):
                continue
            m = read_mention(text, tokens, a, b, ws)
            if m is None:
                continue
            before = text[max(s.start, start - 20):start].split()
            if tokens[b - 1].lower.endswith(POSSESSIVE) or text[end:end + 1] in ("'", "’"):
                m.salience = POSSESSOR  # "Meadows' plans were kept secret": Meadows is no subject
            elif before and before[-1].lower() in ws.oblique or len(before) >= 2 \
                    and before[-2].lower() in ws.oblique and before[-1].lower() in ws.pronouns:
                # after a preposition (and a possessive: "von seinem Wohnort Barcelona") an
                # unknown name is a place more often than a person: "of North Carolina"
                if m.kind == PERSON and not m.roles and m.gender is None:
                    continue
                m.salience = OBLIQUE
            elif not found and _opens(text, s.start, start, ws):
                m.salience = SUBJECT
                _number_by_verb(m, text[end:s.end], lex, grammar)
            if m.kind == BODY and m.salience < SUBJECT and m.gender == "m":
                m.gender = None  # "der" is masculine only as a subject: "Chef der EnBW AG" is no "er"
            found.append(m)
    return found


_NEXT_WORD = re.compile(r"\s*([a-zäöüß]+)\b")


def _number_by_verb(m: Mention, after: str, lex: Lexicon, grammar: Grammar) -> None:
    """An unnamed subject whose verb is plural is a group: "NDR-Reporter konnten …" (the role
    noun alone reads as one man)."""
    if m.kind != PERSON or m.proper or m.plural:
        return
    verb = _NEXT_WORD.match(after)
    if verb is not None and grammar.verb_plural(verb.group(1), lex):
        m.kind, m.plural, m.gender = GROUP, True, None


@dataclass(slots=True)
class _Event:
    at: int  # where in the text: mentions and pronouns are taken in text order
    mention: Mention | None = None
    attribution: int | None = None  # the index of a pronoun or description source
    readings: tuple[tuple[bool | None, str | None], ...] = ()
    salience: float = 0.0
    carried: bool = False
    names: str | None = None  # a source that is no mention: what "demnach" would point back to


def _events(text: str, s: TaggedSentence, lex: Lexicon, grammar: Grammar, ws: Words,
            entities: Entities) -> list[_Event]:
    """What a sentence mentions and resolves, in text order."""
    events, taken = [], []
    for i, a in enumerate(s.attributions):
        src = a.source
        if src is None:
            continue
        taken.append((src.start, src.end))
        if src.start < s.start:  # carried over from a sentence before: resolved there
            events.append(_Event(s.start, attribution=i, carried=True))
        elif src.kind == "pronoun" and src.resolved_to is None:
            readings = _readings(text, s, src.start, src.end, lex, grammar, ws)
            own = all(r[0] is None for r in readings)  # "nach eigenen Angaben": after the subject "er"
            events.append(_Event(s.end if own else src.start, attribution=i, readings=readings,
                                 salience=SUBJECT + SOURCE))
        else:
            m = source_mention(text, src, lex, ws) if src.kind not in ("pronoun", "document") else None
            # a document, or a source resolved already ("darin" → the report), is no one to refer
            # to as "er", but reportative "demnach" may point back to it
            events.append(_Event(src.start, mention=m, attribution=i) if m is not None
                          else _Event(src.start, attribution=i, names=src.resolved_to or src.text))
    inside_source = _Taken(taken)
    for match in ws.pronoun_words.finditer(text, s.start, s.end):
        if not inside_source.overlaps(match.start(), match.start() + 1):
            readings = _readings(text, s, match.start(), match.end(), lex, grammar, ws)
            subject = _opens(text, s.start, match.start(), ws)
            events.append(_Event(match.start(), readings=readings, salience=SUBJECT if subject else 0.0))
    events.extend(_Event(m.start, mention=m) for m in _chunk_mentions(text, s, taken, lex, grammar, ws, entities))
    events.sort(key=lambda e: e.at)
    return events


def _resolved(a: Attribution, name: str) -> Attribution:
    return a.model_copy(update={"source": a.source.model_copy(update={"resolved_to": name.rstrip(".,;:")})})


def _sentence(i: int, text: str, s: TaggedSentence, entities: Entities,
              lex: Lexicon, grammar: Grammar, ws: Words) -> TaggedSentence:
    """Take one sentence's mentions in text order, resolving its pronoun and description sources."""
    changed = list(s.attributions)
    touched = False
    subject: Entity | None | bool = False  # the referent of a subject pronoun of this sentence
    for event in _events(text, s, lex, grammar, ws, entities):
        src = s.attributions[event.attribution].source if event.attribution is not None else None
        if event.names is not None:
            entities.last_source = event.names
        elif event.carried:
            name, entity = entities.resolved.get(src.start, (None, None))
            if name is not None and src.resolved_to is None:
                touched = changed[event.attribution] = _resolved(changed[event.attribution], name)
            if entity is not None:  # the speaker goes on: still the one talked about
                entities.mention(entity, SUBJECT + SOURCE, i)
        elif event.mention is not None:
            m = event.mention
            entity = None
            # "der 52-Jährige" can only mean someone met before; "the clerk" may be someone new
            anaphoric = src is not None and src.text.lower().endswith(ws.anaphoric_endings)
            if m.kind == PERSON and not m.proper and (m.roles or anaphoric):
                described = entities.described(m.roles)  # "Der Minister" after "Minister Hans Maier"
                entity = next(iter(described)) if len(described) == 1 else None
                shown = entity is not None
                if not described and m.definite:  # linked for the pronouns after it
                    entity = entities.antecedent(m, i, unique=src is not None)
                    shown = anaphoric and entity is not None and entity.proper is not None
                if shown and src is not None and _wanted(src, ws):
                    touched = changed[event.attribution] = _resolved(changed[event.attribution], entity.proper)
            entities.add(m, i, entity)
            if src is not None:
                entities.last_source = src.text
        elif src is not None and src.text.lower() in ws.anaphors:
            if entities.last_source:  # reportative "demnach": the source it points back to
                touched = changed[event.attribution] = _resolved(changed[event.attribution], entities.last_source)
                entities.resolved[src.start] = (entities.last_source, None)
        elif event.readings:
            own = all(r[0] is None for r in event.readings)
            # "Nach eigenen Angaben kaufte er …": the subject pronoun's referent, or no one
            entity = subject if own and subject is not False else entities.best(event.readings, i)
            if event.attribution is None and event.salience >= SUBJECT:
                subject = entity
            if entity is None:
                continue
            if event.attribution is not None:
                touched = changed[event.attribution] = _resolved(changed[event.attribution], entity.name)
                entities.resolved[src.start] = (entity.name, entity)
            entities.mention(entity, event.salience, i)
    if not touched:  # most sentences: nothing to copy
        return s
    return s.model_copy(update={"attributions": tuple(changed)})


def resolve(text: str, tagged: list[TaggedSentence], lex: Lexicon, grammar: Grammar) -> list[TaggedSentence]:
    """Pronoun and description sources resolved, in one pass up to the last of them; an article
    with none is not read. No sentence is tokenised again: a pattern finds the few places that
    may name someone, and only those words (and a pronoun's neighbours) are tokenised."""
    ws = lex.derived(words_of)
    last = max((i for i, s in enumerate(tagged) for a in s.attributions if _wanted(a.source, ws)), default=-1)
    entities = Entities()
    out = list(tagged)
    for i in range(last + 1):
        out[i] = _sentence(i, text, tagged[i], entities, lex, grammar, ws)
    return out
