"""German clean-up of a sentence's attributions before relays are folded."""

from __future__ import annotations

from ....lexicon import Lexicon
from ...found import Found, fold_chains_nearest
from ...tokens import Token
from .kinds import source_kind
from .phrases import phrase_forward


def settle(found: list[Found], tokens: list[Token], lex: Lexicon) -> list[Found]:
    """German clean-up before relays are folded: kinds, "unter Berufung auf",
    generic report nouns next to a named source, "heißt es" with its source in front."""
    generic = lex.word("generic_reports")
    # a source without a cue next to a cue of the same source says the same: keep the cue
    # ("X sprach sich gegen den Plan aus und sagte, …")
    spoken = {f.source for f in found if f.source is not None and not f.silent}
    found = [f for f in found if not (f.silent and f.source in spoken)]
    for item in found:
        if item.source and item.kind is None:
            item.kind = source_kind(tokens, item.source, lex)
    named = [f for f in found if f.source is not None and not (
        f.source[1] - f.source[0] <= 2 and tokens[f.source[1] - 1].lower in generic)]
    kept = []
    for item in found:
        src = item.source
        if src is not None and src[1] - src[0] <= 2 and tokens[src[1] - 1].lower in generic and \
                any(f is not item for f in named):
            continue  # "Berichten zufolge …, so Intelligence Online": the reports are that outlet's
        if item.weasel and src is None:
            # "Aus Regierungskreisen heißt es", "In dem Bericht heißt es"
            first = item.cue[0]
            if first >= 2 and tokens[0].lower in ("aus", "in", "im", "auf", "bei", "beim", "laut"):
                rng = phrase_forward(tokens, 1, first, lex)
                if rng is not None and rng[1] == first:
                    item.source = rng
                    item.kind = source_kind(tokens, rng, lex)
        kept.append(item)
    return fold_chains_nearest(kept)  # "X berichtet unter Berufung auf Y": Y is the source, X relays it
