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


def _fold(chain: Found, relay: Found, found: list[Found]) -> None:
    """The relay becomes the chain's ``via``; its cue and mode the chain's."""
    chain.via.append(relay.source)
    chain.cue = relay.cue
    chain.mode = relay.mode
    found.remove(relay)


def fold_chains(found: list[Found]) -> list[Found]:
    """ "X reported, citing Y", "X berichtet unter Berufung auf Y": the first other
    attribution with a source (Y's, the relay) is folded into the chain of X, which
    stays a chain. Changes ``found`` in place and returns it."""
    for chain in [f for f in found if f.chain and f.source]:
        relays = [f for f in found if f is not chain and not f.chain and f.source]
        if relays:
            _fold(chain, relays[0], found)
    return found


def fold_chains_nearest(found: list[Found]) -> list[Found]:
    """As :func:`fold_chains`, with the relay nearest the chain's cue that has a cue and is
    no weasel ("heißt es"); the chain takes the relay's head too and is a chain no more,
    so that a later :func:`fold_chains` leaves it alone (German's reading)."""
    for chain in [f for f in found if f.chain and f.source]:
        relays = [f for f in found if f is not chain and not f.chain and f.source and f.cue and not f.weasel]
        if relays:
            relay = min(relays, key=lambda f: abs(f.cue[0] - chain.cue[0]))
            chain.head = relay.head
            chain.chain = False
            _fold(chain, relay, found)
    return found
