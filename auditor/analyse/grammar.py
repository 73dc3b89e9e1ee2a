"""The Grammar protocol: what the language-neutral steps ask of a language.

A language package (``auditor.analyse.lang.de``, a third-party package) gives
one object with these methods; :mod:`.attribution` and :mod:`.discourse` call
them in a fixed order and never ask which language they read. The steps within
a sentence take its tokens, the language's lexicon and the set of token indices
claimed so far, and return token indices of that sentence. :class:`GrammarBase`
gives the optional steps a default, so a new language writes only what it needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol, runtime_checkable

from ..lexicon import Lexicon, VerbForm
from ..models import TaggedSentence
from .found import Found
from .phrases import Range
from .tokens import Token


@runtime_checkable
class Grammar(Protocol):
    def verb_forms(self, verbs: Mapping[str, object]) -> dict[str, list[VerbForm]]:
        """Every inflected form of the lexicon's ``[verbs]`` table, with its reading
        (lemma, separable particle, participle): inflection is the language's."""
        ...

    def phrase_forward(self, tokens: list[Token], k: int, end: int, lex: Lexicon) -> Range | None:
        """The source phrase that starts at token k (``k < end``), read forward."""
        ...

    def phrase_backward(self, tokens: list[Token], k: int, begin: int, lex: Lexicon) -> Range | None:
        """The source phrase that ends at token k (``k >= begin``), read backward."""
        ...

    def relay_clauses(self, tokens: list[Token], lex: Lexicon, used: set[int]) -> list[tuple[int, Range]]:
        """Relay clauses ("…, die von The Telegraph zitiert werden") as (comma, outlet);
        they become the ``via`` of the source before the comma. Claims their tokens."""
        ...

    def frames(self, tokens: list[Token], lex: Lexicon, used: set[int]) -> list[Found]:
        """Frames the lexicon's patterns cannot say, found before them; claims their tokens."""
        ...

    def verbs(self, tokens: list[Token], lex: Lexicon, used: set[int]) -> list[Found]:
        """Cue verbs and who speaks for them; claims their tokens."""
        ...

    def settle(self, found: list[Found], tokens: list[Token], lex: Lexicon) -> list[Found]:
        """The sentence's attributions cleaned up before relays are folded."""
        ...

    def relays_outlet(self, outlet: Found, target: Found, lex: Lexicon) -> bool:
        """Whether an outlet's attribution relays ``target`` ("…, berichtet Reuters")."""
        ...

    def relay_cue_joins(self, outlet: Found) -> bool:
        """Whether a relaying outlet's cue stays a part of the cue it relays
        ("Sanders said, according to CNN")."""
        ...

    def carries_report(self, tokens: list[Token], lex: Lexicon) -> bool:
        """Whether a sentence with no cue of its own, by its mood, goes on reporting the
        speech of the sentence before (German Konjunktiv I: "Sie sei …")."""
        ...

    def pronoun_plural(self, tokens: list[Token], k: int, lex: Lexicon) -> bool | None:
        """Whether the pronoun at k, one the lexicon lists as both singular and plural
        (German "sie"), is plural here; None when the sentence does not say."""
        ...

    def verb_plural(self, word: str, lex: Lexicon) -> bool | None:
        """Whether ``word``, the word after a subject, is a plural finite verb ("konnten"),
        a singular one (False), or says nothing (None)."""
        ...

    def link(self, text: str, tagged: list[TaggedSentence], lex: Lexicon,
             tokens: list[list[Token]]) -> list[TaggedSentence]:
        """Links between sentences the language needs (pronouns, speakers introduced
        before their reported speech); ``tokens`` holds each sentence's tokens."""
        ...


class GrammarBase:
    """The optional steps of a :class:`Grammar` for a language that needs none of them:
    no relay clauses or frames beyond the lexicon's patterns, no clean-up, no links
    between sentences; a relaying outlet ("…, Reuters reported") folds into the claim
    before or after it and its cue is not kept. A language subclasses this and writes
    ``verb_forms``, ``phrase_forward``, ``phrase_backward`` and ``verbs``."""

    def relay_clauses(self, tokens: list[Token], lex: Lexicon, used: set[int]) -> list[tuple[int, Range]]:
        return []

    def frames(self, tokens: list[Token], lex: Lexicon, used: set[int]) -> list[Found]:
        return []

    def settle(self, found: list[Found], tokens: list[Token], lex: Lexicon) -> list[Found]:
        return found

    def relays_outlet(self, outlet: Found, target: Found, lex: Lexicon) -> bool:
        return True

    def relay_cue_joins(self, outlet: Found) -> bool:
        return False

    def carries_report(self, tokens: list[Token], lex: Lexicon) -> bool:
        # a language with a mood of reported speech lists its forms; without the list nothing carries
        subjunctive = lex.word("subjunctive_forms")
        return bool(subjunctive) and any(t.lower in subjunctive for t in tokens)

    def pronoun_plural(self, tokens: list[Token], k: int, lex: Lexicon) -> bool | None:
        return None

    def verb_plural(self, word: str, lex: Lexicon) -> bool | None:
        return None

    def link(self, text: str, tagged: list[TaggedSentence], lex: Lexicon,
             tokens: list[list[Token]]) -> list[TaggedSentence]:
        return tagged
