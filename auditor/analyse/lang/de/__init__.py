"""German: the grammar of verb-second and verb-final clauses, registered as ``de``.

Its rooms, each importing only those listed before it:

- :mod:`.words`     word classes and tests on single tokens;
- :mod:`.phrases`   source phrases read forward and backward, subjects, appositions;
- :mod:`.kinds`     the kind of a source, and whether a phrase names someone;
- :mod:`.clauses`   clause bounds, quoted tokens, subjects in the clause before;
- :mod:`.content`   whether a cue verb says something;
- :mod:`.frames`    frames the lexicon cannot say ("nach Angaben", ", so X") and relay clauses;
- :mod:`.subjects`  who speaks for a cue verb: the verb-final and verb-second readings of its clause;
- :mod:`.verbs`     cue verbs: each read in its clause, then the last checks of its reading;
- :mod:`.settle`    the clean-up before relays are folded;
- :mod:`.mood`      whether a sentence goes on in the mood of reported speech;
- :mod:`.pronouns`  speakers introduced before their Konjunktiv; the number of "sie";
- :mod:`.backrefs`  "darin"/"dort" sources resolved to the document named before;
- :mod:`.verbforms` the inflected forms of the lexicon's verbs.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ....lexicon import Lexicon, VerbForm
from ....models import TaggedSentence
from ...found import Found
from ...grammar import GrammarBase
from ...phrases import Range
from ...registry import Language
from ...tokens import Token
from . import backrefs, frames, kinds, mood, phrases, pronouns, settle, verbforms, verbs


class GermanGrammar(GrammarBase):
    """The :class:`~auditor.analyse.grammar.Grammar` of German."""

    def verb_forms(self, verbs: Mapping[str, object]) -> dict[str, list[VerbForm]]:
        return verbforms.verb_forms(verbs)

    def phrase_forward(self, tokens: list[Token], k: int, end: int, lex: Lexicon) -> Range | None:
        return phrases.phrase_forward(tokens, k, end, lex)

    def phrase_backward(self, tokens: list[Token], k: int, begin: int, lex: Lexicon) -> Range | None:
        return phrases.phrase_backward(tokens, k, begin, lex)

    def relay_clauses(self, tokens: list[Token], lex: Lexicon, used: set[int]) -> list[tuple[int, Range]]:
        return frames.relays(tokens, lex, used)

    def frames(self, tokens: list[Token], lex: Lexicon, used: set[int]) -> list[Found]:
        return frames.frames(tokens, lex, used)

    def verbs(self, tokens: list[Token], lex: Lexicon, used: set[int]) -> list[Found]:
        return verbs.find_verbs(tokens, lex, used)  # its own clause bounds: brackets keep a clause together

    def settle(self, found: list[Found], tokens: list[Token], lex: Lexicon) -> list[Found]:
        return settle.settle(found, tokens, lex)

    def relays_outlet(self, outlet: Found, target: Found, lex: Lexicon) -> bool:
        # only a trailing "…, berichtet Reuters." relays; "Wie X berichtet, …" names a source
        return outlet.lemma in lex.word("reporting_verbs") and outlet.cue[0] >= target.cue[0]

    def carries_report(self, tokens: list[Token], lex: Lexicon) -> bool:
        return mood.carries_report(tokens, lex)

    def link(self, text: str, tagged: list[TaggedSentence], lex: Lexicon,
             tokens: list[list[Token]]) -> list[TaggedSentence]:
        tagged = backrefs.resolve_document_adverbs(text, tagged, lex, tokens)
        return kinds.bodies_by_mention(pronouns.introduce_speakers(text, tagged, lex, tokens), lex, tokens)

    def pronoun_plural(self, tokens: list[Token], k: int, lex: Lexicon) -> bool | None:
        return pronouns.plural_sie(tokens, k, lex)

    def verb_plural(self, word: str, lex: Lexicon) -> bool | None:
        return pronouns.finite_plural(word, lex)


LANGUAGE = Language(code="de", name="German", grammar=GermanGrammar(),
                    lexicon_file=Path("lexicons/de.toml"))
