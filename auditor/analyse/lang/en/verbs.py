"""The cue verbs of an English sentence, in order: speaker labels first, then each word
that reads as a cue (an appearance, "asked", a stance adjective after "be", a phrasal cue,
a verb form of the lexicon or an "-ing" form) with who speaks for it, and last the nouns
of saying."""

from __future__ import annotations

from ....lexicon import Lexicon, VerbForm
from ...found import Found
from ...phrases import classify
from ...readings import plain_reading
from ...tokens import Token
from .attribute import attribute
from .content import in_reported_content
from .cues import asked, noun_cues, sourceless
from .labels import speaker_labels
from .phrases import forward
from .quotes import inside_quotes
from .stance import stance_cue
from .tables import Tables, derived_tables, keeper_at, phrase_at
from .words import title_case


def find_verbs(tokens: list[Token], lex: Lexicon, used: set[int]) -> list[Found]:
    """Attributions with a cue verb ("Officials said", "said Smith", ", adding …"); claims their tokens."""
    tables = derived_tables(lex)
    quoted = inside_quotes(tokens)
    blocked = _kept_words(tokens, lex)
    found = speaker_labels(tokens, tables, used)
    title = title_case(tokens)
    n = len(tokens)
    content_from = n  # cues after this point are inside reported content ("said the poll showed")
    for i, token in enumerate(tokens):
        if i in used or i in blocked or not token.is_word or quoted[i] or token.lower in tables.not_cues:
            continue
        if token.lower in tables.sourceless:
            _claim_cue(found, used, sourceless(tokens, i, lex, tables))
            continue
        if token.lower in tables.question_cues and _claim_cue(found, used, asked(tokens, i, tables)):
            continue
        item = _verb_cue(tokens, i, lex, tables, used, title)
        if item is None:
            continue
        if i > content_from and not (item.inherit or item.antecedent is not None):
            if in_reported_content(tokens, content_from, i, item, lex, tables):
                continue  # a cue inside the reported content: "said the poll showed"
            content_from = n
        _claim(tokens, i, item, found, used, lex)
        content_from = _content_start(tokens, i, item, content_from)
    found.extend(noun_cues(tokens, tables, used, quoted))
    return found


def _kept_words(tokens: list[Token], lex: Lexicon) -> set[int]:
    """Words inside a phrase keeper are never cues ("who spoke on condition of anonymity")."""
    blocked: set[int] = set()
    for k in range(len(tokens)):
        keep = keeper_at(tokens, k, lex) if tokens[k].lower in ("who", "on", "familiar", "briefed") else 0
        if keep:
            blocked.update(range(k, k + keep))
    return blocked


def _verb_cue(tokens: list[Token], i: int, lex: Lexicon, tables: Tables, used: set[int],
              title: bool) -> Found | None:
    """The attribution of the cue verb at token i, or None where it is no cue verb."""
    token = tokens[i]
    if token.lower in tables.stance:
        return stance_cue(tokens, i, lex, tables, used)  # "The union is concerned the laws …"
    if token.lower in tables.phrasal:
        length = phrase_at(tokens, i, tables.phrasal)
        if length:
            return _phrasal_cue(tokens, i, length, lex, tables, used, title)
    # in a title-case headline a capital is no sign of a name ("Bellwether County Says")
    reading = _cue_reading(tokens, i, token.lower if title else token.key, lex, tables)
    if reading is None:
        return None
    lemma, form = reading
    return attribute(tokens, i, lemma, form, lex, tables, used, title)


def _phrasal_cue(tokens: list[Token], i: int, length: int, lex: Lexicon, tables: Tables, used: set[int],
                 title: bool) -> Found | None:
    """A cue of several words at token i ("went on to say", "was quick to point"), all of them in the cue."""
    if tokens[i + length - 1].lower == "to" and i + length < len(tokens) and tokens[i + length].is_word:
        length += 1  # the verb after "to" belongs to it
    lemma = tokens[i].lower
    item = attribute(tokens, i, lemma, VerbForm(lemma=lemma), lex, tables, used, title)
    if item is not None:
        item.cue = sorted(set(item.cue) | set(range(i, i + length)))
    return item


def _cue_reading(tokens: list[Token], i: int, key: str, lex: Lexicon, tables: Tables
                 ) -> tuple[str, VerbForm | None] | None:
    """The lemma and reading of a cue verb form, or of an "-ing" form (reading None)."""
    forms = lex.verb_forms.get(key)
    if forms:
        reading = plain_reading(tokens, i, forms)
        return None if reading is None else (reading[0].lemma, reading[0])
    lemma = tables.ing.get(key)
    if lemma is None:
        return None
    needs = tables.ing_needs.get(lemma)
    if needs is not None and (i + 1 >= len(tokens) or tokens[i + 1].lower not in needs):
        return None
    return lemma, None


def _claim_cue(found: list[Found], used: set[int], item: Found | None) -> bool:
    """Keeps a cue with no source of its own and claims its words; False when there is none."""
    if item is None:
        return False
    found.append(item)
    used.update(item.cue)
    return True


def _claim(tokens: list[Token], i: int, item: Found, found: list[Found], used: set[int], lex: Lexicon) -> None:
    """Keeps the cue verb's attribution, claims its words and adds the outlet it was told to."""
    found.append(item)
    used.update(item.cue)
    if item.source is not None:
        used.update(range(*item.source))
    if item.lemma == "tell" and (item.source is None or item.source[1] <= i) \
            or tokens[max(item.cue)].lower == "with":
        _listener(tokens, item, lex)


def _listener(tokens: list[Token], item: Found, lex: Lexicon) -> None:
    """"told Reuters": an outlet told is the relay of the claim."""
    k = max(item.cue) + 1
    rng = forward(tokens, k, len(tokens), lex)
    if rng is not None and classify(tokens, rng, lex) == "outlet":
        item.via.append(rng)


def _content_start(tokens: list[Token], i: int, item: Found, content_from: int) -> int:
    """Where reported content starts after this cue: right after a cue whose source stands
    before it (or that has none) and that a word follows ("said the poll showed")."""
    last = max(item.cue)
    if (item.source is None or item.source[1] <= i) and last + 1 < len(tokens) and tokens[last + 1].is_word \
            and item.antecedent is None:
        return min(content_from, last)
    return content_from
