"""German: the grammar of verb-second and verb-final clauses, registered as ``de``."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ....lexicon import Lexicon, VerbForm
from ....models import TaggedSentence
from ...found import Found
from ...phrases import Range
from ...registry import Language
from ...tokens import Token
from . import grammar, verbforms


class GermanGrammar:
    """The :class:`~auditor.analyse.grammar.Grammar` of German."""

    def verb_forms(self, verbs: Mapping[str, object]) -> dict[str, list[VerbForm]]:
        return verbforms.verb_forms(verbs)

    def phrase_forward(self, tokens: list[Token], k: int, end: int, lex: Lexicon) -> Range | None:
        return grammar.phrase_forward(tokens, k, end, lex)

    def phrase_backward(self, tokens: list[Token], k: int, begin: int, lex: Lexicon) -> Range | None:
        return grammar.phrase_backward(tokens, k, begin, lex)

    def relay_clauses(self, tokens: list[Token], lex: Lexicon, used: set[int]) -> list[tuple[int, Range]]:
        return grammar.relays(tokens, lex, used)

    def frames(self, tokens: list[Token], lex: Lexicon, used: set[int]) -> list[Found]:
        return grammar.frames(tokens, lex, used)

    def verbs(self, tokens: list[Token], lex: Lexicon, used: set[int]) -> list[Found]:
        return grammar.find_verbs(tokens, lex, used)  # its own clause bounds: brackets keep a clause together

    def settle(self, found: list[Found], tokens: list[Token], lex: Lexicon) -> list[Found]:
        return grammar.settle(found, tokens, lex)

    def relays_outlet(self, outlet: Found, target: Found, lex: Lexicon) -> bool:
        # only a trailing "…, berichtet Reuters." relays; "Wie X berichtet, …" names a source
        return outlet.lemma in lex.word("reporting_verbs") and outlet.cue[0] >= target.cue[0]

    def relay_cue_joins(self, outlet: Found) -> bool:
        return False

    def link(self, text: str, tagged: list[TaggedSentence], lex: Lexicon,
             tokens: list[list[Token]]) -> list[TaggedSentence]:
        return grammar.resolve_pronouns(text, tagged, lex, tokens)


LANGUAGE = Language(code="de", name="German", grammar=GermanGrammar(),
                    lexicon_file=Path("lexicons/de.toml"))
