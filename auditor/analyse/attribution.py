"""Attributions inside one sentence: who says so, with which cue, relayed by whom.

Three kinds of cue are found, in this order, each claiming its tokens so that a
later step cannot read them again:

1. relays: "die von The Telegraph zitiert werden", "cited by Reuters";
2. frames: "laut X", "X zufolge", "according to X", ", so X.", "heißt es";
3. cue verbs: "X sagte", "sagte X", "wie X berichtete", "X told Reuters".

Then outlets that only report what someone else said become the ``via`` of
that attribution ("Experten schätzen ..., berichtet Reuters").
"""

from __future__ import annotations

from ..lexicon import Frame, Lexicon, VerbForm
from . import english, german, phrases
from .found import Found
from .phrases import Range
from .tokens import FINAL_PUNCT, QUOTE_CHARS, Token, bounds_from_breaks, find_patterns

_CLAUSE_BREAKS = frozenset(",;:()–—")
_REPORTING_LEMMAS = frozenset({"berichten", "melden", "vermelden", "schreiben", "report", "write", "publish"})
_DE_RELAY_VERBS = frozenset({"zitiert", "zitierte", "zitierten", "zitieren"})


def _clause_bounds(tokens: list[Token]) -> tuple[list[int], list[int]]:
    """For every token, the start and end (exclusive) of its clause."""
    breaks = [i for i, t in enumerate(tokens) if t.text in _CLAUSE_BREAKS or t.text in FINAL_PUNCT]
    return bounds_from_breaks(len(tokens), breaks)


def _last_word(tokens: list[Token], start: int, end: int) -> int | None:
    for k in range(end - 1, start - 1, -1):
        if tokens[k].is_word:
            return k
    return None


# --- frames -----------------------------------------------------------------


def _frame_source(tokens: list[Token], hit: list[int], frame: Frame, lex: Lexicon) -> Range | None | bool:
    """The source range of a frame, None for no source, False if the frame does not apply."""
    first, last = hit[0], hit[-1]
    n = len(tokens)
    if frame.source == "none":
        return None
    if frame.source == "before":
        return phrases.backward(tokens, first - 1, 0, lex) or False
    start = last if frame.keep_last else last + 1
    if frame.source == "optional_after":
        if start < n and tokens[start].lower in ("in", "im", "aus", "von", "vom", "bei", "beim", "seitens"):
            return phrases.forward(tokens, start + 1, n, lex)
        return None
    rng = phrases.forward(tokens, start, n, lex)
    if rng is None:
        return False
    if frame.tail:
        # ", so Intelligence Online." ends the sentence
        if first == 0 or tokens[first - 1].text not in ",":
            return False
        rest = [t for t in tokens[rng[1]:] if t.is_word]
        if rest:
            return False
    if frame.only_named and not tokens[rng[0]].is_cap:
        return False
    if frame.to_clause_end:
        end = rng[1]
        while end < min(n, rng[0] + 3 * phrases.MAX_PHRASE) and tokens[end].text not in _CLAUSE_BREAKS \
                and tokens[end].text not in FINAL_PUNCT and tokens[end].text not in QUOTE_CHARS:
            end += 1
        rng = (rng[0], _last_word(tokens, rng[0], end) + 1)
    return rng


def _frames(tokens: list[Token], lex: Lexicon, used: set[int]) -> list[Found]:
    found = []
    for frame, hit in find_patterns(tokens, lex.frame_index):
        if used.intersection(hit):
            continue
        source = _frame_source(tokens, hit, frame, lex)
        if source is False:
            continue
        if source is not None:
            words = [t.lower for t in tokens[source[0]:source[1]] if t.is_word]
            if words and words[-1] in lex.frame_non_sources and len(words) <= 2:
                continue  # "Berichten zufolge" is a hedge, not a source
            used.update(range(*source))
        used.update(hit)
        cue = hit[:-1] if frame.keep_last else hit
        found.append(Found(source=source, cue=cue, mode="reported" if frame.weasel or source is None else "according_to",
                           chain=frame.chain, via_only=frame.via_only, weasel=frame.weasel))
    return found


# --- cue verbs ------------------------------------------------------------


def _verb_reading(tokens: list[Token], i: int, clause_end: int, lex: Lexicon) -> tuple[VerbForm, int | None] | None:
    """The cue reading of token i, with the position of its separated particle."""
    forms = lex.verb_forms.get(tokens[i].key)
    if not forms:
        return None
    last = _last_word(tokens, i + 1, clause_end)
    particle_at = last if last is not None and tokens[last].lower in lex.particles else None
    for form in forms:
        if form.particle and particle_at is not None and tokens[particle_at].lower == form.particle:
            return form, particle_at
    for form in forms:
        if form.particle:
            continue
        if form.needs_next is not None:
            nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
            if nxt not in form.needs_next:
                continue
            return form, i + 1
        return form, None
    return None


def _verbs(tokens: list[Token], lex: Lexicon, used: set[int]) -> list[Found]:
    """Cue verbs and their sources, by the grammar of the lexicon's language
    (German or English: lexicon.SUPPORTED_LANGUAGES)."""
    if lex.language == "de":
        return german.find_verbs(tokens, lex, used)  # its own clause bounds: brackets keep a clause together
    starts, ends = _clause_bounds(tokens)
    return english.find_verbs(tokens, lex, used, starts, ends)


# --- the sentence -------------------------------------------------------------


def _fold_relays(found: list[Found], tokens: list[Token], lex: Lexicon) -> list[Found]:
    """Outlets that report someone else's claim become that claim's ``via``."""
    for item in found:
        if item.source and item.kind is None:
            item.kind = phrases.classify(tokens, item.source, lex)
    # "X berichtet unter Berufung auf Y" / "X reported, citing Y"
    chains = [f for f in found if f.chain and f.source]
    for chain in chains:
        relays = [f for f in found if f is not chain and not f.chain and f.source]
        if relays:
            relay = relays[0]
            chain.via.append(relay.source)
            chain.cue = relay.cue
            chain.mode = relay.mode
            found.remove(relay)
    # "officials, cited by The Telegraph"
    for item in [f for f in found if f.via_only]:
        found.remove(item)
        target = max((f for f in found if f.source and f.source[1] <= item.cue[0]),
                     key=lambda f: f.source[1], default=None)
        if target and item.source:
            target.via.append(item.source)
        elif item.source:
            found.append(Found(source=None, cue=item.cue, mode="reported", via=[item.source]))
    # "Experten schätzen ..., berichtet Reuters"
    outlets = [f for f in found if f.kind == "outlet" and (f.lemma in _REPORTING_LEMMAS or f.mode == "according_to")]
    others = [f for f in found if f.kind != "outlet" and f.source is not None]
    if others:
        for outlet in outlets:
            target = min(others, key=lambda f: abs(f.cue[0] - outlet.cue[0]))
            if lex.language == "de" and (outlet.lemma not in _REPORTING_LEMMAS or outlet.cue[0] < target.cue[0]):
                continue  # German: only a trailing "…, berichtet Reuters." relays; "Wie X berichtet, …" is a source
            target.via.append(outlet.source)
            if lex.language == "en" and outlet.mode == "according_to":
                # "Sanders said, according to CNN": the relay's cue stays visible as a cue part
                target.cue = sorted(set(target.cue) | set(outlet.cue))
            found.remove(outlet)
    return found


def find_attributions(tokens: list[Token], lex: Lexicon) -> list[Found]:
    used: set[int] = set()
    relays = german.relays(tokens, lex, used) if lex.language == "de" else []
    found = german.frames(tokens, lex, used) if lex.language == "de" else []
    found += _frames(tokens, lex, used)
    found += _verbs(tokens, lex, used)
    found.sort(key=lambda f: f.cue[0])
    # a relay clause belongs to the source just before it
    for comma, relay in relays:
        target = max((f for f in found if f.source and f.source[1] <= comma + 1),
                     key=lambda f: f.source[1], default=None)
        if target:
            target.via.append(relay)
    # a coordinated verb takes the subject of the attribution before it
    previous: Found | None = None
    for item in found:
        if item.inherit:
            if previous is not None and previous.source is not None:
                item.source = previous.source
                item.kind = previous.kind
            elif item.subject is not None:
                # "Trump returned the compliment, telling Reuters …": the clause before
                # has no cue of its own; its subject speaks
                item.source = item.subject
                item.inherit = False
            else:
                item.inherit = False
        if item.source is not None:
            previous = item
    found = [f for f in found if f.source is not None or not f.inherit]
    found = [f for f in found if not (f.source is None and f.inherit)]
    # "X appears to …, according to Y": the appearance is Y's hedge, not a second attribution
    if any(f.source is not None for f in found):
        found = [f for f in found if not f.appearance]
    if lex.language == "de":
        found = german.settle(found, tokens, lex)
    return _fold_relays(found, tokens, lex)
