"""English: the grammar of subject-verb clauses and inverted "said X", registered as ``en``."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ....lexicon import Lexicon, VerbForm
from ....models import TaggedSentence
from ...found import Found
from ...phrases import Range
from ...registry import Language
from ...tokens import Token
from . import link, phrases, verbforms, verbs


class EnglishGrammar:
    """The :class:`~auditor.analyse.grammar.Grammar` of English."""

    def verb_forms(self, verbs: Mapping[str, object]) -> dict[str, list[VerbForm]]:
        return verbforms.verb_forms(verbs)

    def phrase_forward(self, tokens: list[Token], k: int, end: int, lex: Lexicon) -> Range | None:
        return phrases.phrase_forward(tokens, k, end, lex)

    def phrase_backward(self, tokens: list[Token], k: int, begin: int, lex: Lexicon) -> Range | None:
        return phrases.phrase_backward(tokens, k, begin, lex)

    def relay_clauses(self, tokens: list[Token], lex: Lexicon, used: set[int]) -> list[tuple[int, Range]]:
        return []  # "cited by X" is a frame of the lexicon

    def frames(self, tokens: list[Token], lex: Lexicon, used: set[int]) -> list[Found]:
        return []  # every English frame is a pattern in the lexicon

    def verbs(self, tokens: list[Token], lex: Lexicon, used: set[int]) -> list[Found]:
        return verbs.find_verbs(tokens, lex, used)

    def settle(self, found: list[Found], tokens: list[Token], lex: Lexicon) -> list[Found]:
        return found

    def relays_outlet(self, outlet: Found, target: Found, lex: Lexicon) -> bool:
        return True  # "Sanders said, according to CNN" and "…, Reuters reported" alike

    def relay_cue_joins(self, outlet: Found) -> bool:
        # "Sanders said, according to CNN": the relay's cue stays visible as a cue part
        return outlet.mode == "according_to"

    def link(self, text: str, tagged: list[TaggedSentence], lex: Lexicon,
             tokens: list[list[Token]]) -> list[TaggedSentence]:
        return link.link(text, tagged, lex)


LANGUAGE = Language(code="en", name="English", grammar=EnglishGrammar(),
                    lexicon_file=Path("lexicons/en.toml"))
