"""Hedge cues in a sentence and the sentence's hedge level (see rules/hedging.toml).

The cues are data (``[[hedges]]`` in rules/lexicons/<lang>.toml). Matching is
index-based: only the patterns filed under a token's key are tried at that
token, each pattern costs at most len(pattern) * gap steps, so a sentence costs
O(tokens * candidates). At each token the first pattern (longest first, then in
file order) that matches *and* passes its context checks wins; its tokens are
not used again.

Context checks of an entry:

* ``only_before_number``: the cue must be followed by a number, written as
  digits or a number word, optionally behind a currency sign or "a"/"an"
  ("about £1.2 million", "up to $5", "about a dozen");
* ``not_before``: void when the next word is one of these ("some time",
  "could not");
* ``not_after``: void when the previous word is one of these ("the most",
  "sehr wohl");
* ``not_in_gap``: void when one of these words fills a gap ("is a place
  regarded" is no passive);
* ``mood_of_reported_speech``: no cue after a cue of saying (see
  :func:`find_hedges`).

An entry of kind ``none`` is a blocker: it matches like a cue and uses up its
words, but is not reported ("fühlt sich … wohl" is well-being, so its "wohl"
is not the epistemic "wohl").
"""

from __future__ import annotations

from bisect import bisect_right

from ..lexicon import HedgePattern, Lexicon, hedge_thresholds
from ..models import HedgeLevel, TaggedSentence, journalist_hedges
from .tokens import Token, match_at

NOT_A_HEDGE = "none"
CURRENCY = frozenset("£$€¥₹₽₩")
_CURRENCY_PREFIXES = frozenset({"US", "A", "C", "HK", "NZ", "S"})


def number_follows(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """A number starts at token ``k``: "200", "£1.2", "US$ 5", "a dozen", "half"
    (the number words and articles are the lexicon's)."""
    n = len(tokens)
    if k + 1 < n and tokens[k].text in _CURRENCY_PREFIXES and tokens[k + 1].text in CURRENCY:
        k += 1  # "US$ 5"
    if k < n and (tokens[k].text in CURRENCY or tokens[k].lower in lex.word("indefinite_articles")):
        k += 1
    return k < n and (tokens[k].is_number or tokens[k].lower in lex.word("number_words")
                      or tokens[k].lower in lex.word("number_words_after_hedges"))


def _context_ok(tokens: list[Token], hit: list[int], hedge: HedgePattern, lex: Lexicon) -> bool:
    nxt = hit[-1] + 1
    if hedge.only_before_number and not number_follows(tokens, nxt, lex):
        return False
    if hedge.not_before and nxt < len(tokens) and tokens[nxt].lower in hedge.not_before:
        return False
    if hedge.not_in_gap and any(tokens[k].lower in hedge.not_in_gap for k in range(hit[0] + 1, hit[-1])):
        return False  # the pattern's own words are never in not_in_gap
    return not (hedge.not_after and hit[0] > 0 and tokens[hit[0] - 1].lower in hedge.not_after)


def find_hedges(tokens: list[Token], lex: Lexicon, skip: set[int] = frozenset(),
                reported_from: int | None = None) -> list[tuple[HedgePattern, list[int]]]:
    """Hedge patterns matched in the sentence, except on the tokens in ``skip``.

    ``skip`` holds the tokens of reported speech in Konjunktiv I, which are
    the reporter's grammar, not doubt ("solle", "könne"). ``reported_from``:
    the text offset of a cue of saying; after it, a cue that is the mood of
    reported speech (``mood_of_reported_speech``, German Konjunktiv II:
    "sagte, man könnte …") is grammar, not doubt. Before it, the modal is the
    writer's own ("Man könnte sagen, dass …").
    """
    index = lex.hedge_index
    hits: list[tuple[HedgePattern, list[int]]] = []
    used: set[int] = set()
    for i, token in enumerate(tokens):
        candidates = index.get(token.key)
        if not candidates or i in used:
            continue
        for hedge in candidates:
            if hedge.mood_of_report and reported_from is not None and token.start > reported_from:
                continue
            hit = match_at(tokens, i, hedge.pattern)
            if not hit or (used and not used.isdisjoint(hit)) or (skip and not skip.isdisjoint(hit)):
                continue
            if _context_ok(tokens, hit, hedge, lex):
                if hedge.kind != NOT_A_HEDGE:
                    hits.append((hedge, hit))
                used.update(hit)
                break
    return hits


def hedge_level(weights: list[float]) -> HedgeLevel:
    total = sum(weights)
    thresholds = hedge_thresholds()
    if total >= thresholds["high"]:
        return "high"
    if total >= thresholds["medium"]:
        return "medium"
    if total >= thresholds["low"]:
        return "low"
    return "none"


def _inside(regions: list[tuple[int, int]], starts: list[int], at: int) -> bool:
    k = bisect_right(starts, at) - 1
    return k >= 0 and at < regions[k][1]


def with_voices(tagged: list[TaggedSentence], regions: list[tuple[int, int]]) -> list[TaggedSentence]:
    """Hedges inside a direct quotation (``regions``: character ranges, in text order, not
    overlapping) are the speaker's words: kept, marked ``quoted``, and left out of the
    sentence's hedge level, which measures the journalist's distance from a claim."""
    if not regions:
        return tagged
    starts = [r[0] for r in regions]
    for i, s in enumerate(tagged):
        quoted = [_inside(regions, starts, h.start) for h in s.hedges]
        if not any(quoted):
            continue
        hedges = tuple(h.model_copy(update={"voice": "quoted"}) if q else h for h, q in zip(s.hedges, quoted))
        level = hedge_level([h.weight for h in journalist_hedges(hedges)])
        tagged[i] = s.model_copy(update={"hedges": hedges, "hedge_level": level})
    return tagged
