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

from ..lexicon import Frame, Lexicon
from . import phrases, speakers
from .found import Found, fold_chains
from .grammar import Grammar
from .phrases import Range
from .readings import last_word
from .tokens import CLAUSE_BREAKS, FINAL_PUNCT, QUOTE_CHARS, Token, find_patterns

# --- frames -----------------------------------------------------------------


def _frame_source(tokens: list[Token], hit: list[int], frame: Frame, lex: Lexicon,
                  grammar: Grammar) -> Range | None | bool:
    """The source range of a frame, None for no source, False if the frame does not apply."""
    first, last = hit[0], hit[-1]
    n = len(tokens)
    if frame.source == "none":
        return None
    if frame.source == "before":
        return (first >= 1 and grammar.phrase_backward(tokens, first - 1, 0, lex)) or False
    start = last if frame.keep_last else last + 1
    if frame.source == "optional_after":
        if start < n and tokens[start].lower in frame.after:
            return grammar.phrase_forward(tokens, start + 1, n, lex) if start + 1 < n else None
        return None
    rng = grammar.phrase_forward(tokens, start, n, lex) if start < n else None
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
        while end < min(n, rng[0] + 3 * phrases.MAX_PHRASE) and tokens[end].text not in CLAUSE_BREAKS \
                and tokens[end].text not in FINAL_PUNCT and tokens[end].text not in QUOTE_CHARS:
            end += 1
        rng = (rng[0], last_word(tokens, rng[0], end) + 1)
    return rng


def _frames(tokens: list[Token], lex: Lexicon, used: set[int], grammar: Grammar) -> list[Found]:
    found = []
    for frame, hit in find_patterns(tokens, lex.frame_index):
        if used.intersection(hit):
            continue
        source = _frame_source(tokens, hit, frame, lex, grammar)
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


# --- the sentence -------------------------------------------------------------


def _fold_relays(found: list[Found], tokens: list[Token], lex: Lexicon, grammar: Grammar) -> list[Found]:
    """Outlets that report someone else's claim become that claim's ``via``."""
    for item in found:
        if item.source and item.kind is None:
            item.kind = phrases.classify(tokens, item.source, lex)
    fold_chains(found)  # "X berichtet unter Berufung auf Y" / "X reported, citing Y"
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
    reporting = lex.word("reporting_verbs")
    outlets = [f for f in found if f.kind == "outlet" and (f.lemma in reporting or f.mode == "according_to")]
    others = [f for f in found if f.kind != "outlet" and f.source is not None]
    if others:
        for outlet in outlets:
            target = min(others, key=lambda f: abs(f.cue[0] - outlet.cue[0]))
            if not grammar.relays_outlet(outlet, target, lex):
                continue
            target.via.append(outlet.source)
            if grammar.relay_cue_joins(outlet):
                target.cue = sorted(set(target.cue) | set(outlet.cue))
            found.remove(outlet)
    return found


def find_attributions(tokens: list[Token], lex: Lexicon, grammar: Grammar) -> list[Found]:
    """The attributions of one sentence (or window): the grammar's relay clauses and
    frames, the lexicon's frames, the grammar's cue verbs, in that order, each claiming
    its tokens; then coordination, the grammar's clean-up and relays folded."""
    used: set[int] = set()
    relays = grammar.relay_clauses(tokens, lex, used)
    found = grammar.frames(tokens, lex, used)
    found += _frames(tokens, lex, used, grammar)
    found += grammar.verbs(tokens, lex, used)
    found.sort(key=lambda f: f.cue[0])
    # a relay clause belongs to the source just before it
    for comma, relay in relays:
        target = max((f for f in found if f.source and f.source[1] <= comma + 1),
                     key=lambda f: f.source[1], default=None)
        if target:
            target.via.append(relay)
    # a coordinated verb takes the subject of the attribution before it
    previous: Found | None = None
    for n, item in enumerate(found):
        if item.inherit and previous is None and item.subject is None:
            # an adjunct opening the sentence hangs on the clause after it: "In announcing
            # his retirement, Ames said …" is Ames's
            after = next((f for f in found[n + 1:] if f.source is not None and not f.inherit), None)
            if after is not None:
                item.source, item.kind, item.inherit = after.source, after.kind, False
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
    found = grammar.settle(found, tokens, lex)
    found = speakers.screen(found, tokens, lex)
    return _fold_relays(found, tokens, lex, grammar)
