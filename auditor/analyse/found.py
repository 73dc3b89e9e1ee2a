"""An attribution as the grammar modules find it: token indices, before it becomes a model."""

from __future__ import annotations

from dataclasses import dataclass, field

from .phrases import Range


@dataclass
class Found:
    """An attribution in token indices, before it becomes a model."""

    source: Range | None
    cue: list[int]
    mode: str
    via: list[Range] = field(default_factory=list)
    kind: str | None = None
    lemma: str | None = None
    inherit: bool = False  # coordinated verb: same source as the attribution before
    subject: Range | None = None  # an inheriting cue's clause subject, when no attribution comes before it
    chain: bool = False  # "unter Berufung auf X", "citing X"
    via_only: bool = False  # "cited by X"
    weasel: bool = False
    head: int | None = None  # the lexical cue word when ``cue`` also holds auxiliaries ("has … said")
    antecedent: Range | None = None  # a relative pronoun source ("who") stands for this phrase
    silent: bool = False  # the cue words find the source but are not output ("X kritisierte die Pläne")
    appearance: bool = False  # "appears to", "seemed": a judgement with no source of its own


def fold_chains(found: list[Found], *, nearest: bool = False) -> list[Found]:
    """ "X berichtet unter Berufung auf Y", "X reported, citing Y": the attribution of Y (a
    relay) is folded into the chain of X; Y becomes its ``via``, and its cue and mode the
    chain's. Without ``nearest``, the first relay with a source, and the chain stays one.
    With ``nearest`` (German, before the language-neutral pass), the nearest relay with a
    cue that is no weasel ("heißt es"); the chain takes its head too and is a chain no more,
    so a later pass leaves it alone. Changes ``found`` in place and returns it."""
    for chain in [f for f in found if f.chain and f.source]:
        relays = [f for f in found if f is not chain and not f.chain and f.source
                  and (not nearest or f.cue and not f.weasel)]
        if not relays:
            continue
        relay = min(relays, key=lambda f: abs(f.cue[0] - chain.cue[0])) if nearest else relays[0]
        chain.via.append(relay.source)
        chain.cue = relay.cue
        chain.mode = relay.mode
        if nearest:
            chain.head = relay.head
            chain.chain = False
        found.remove(relay)
    return found
