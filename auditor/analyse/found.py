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
