"""English: the grammar of subject-verb clauses and inverted "said X", registered as ``en``.

English subjects stand before the verb ("Officials said"), except after a
quotation ("“…,” said Smith"); appositions and relative clauses may come
between ("Smith, a spokesman for the city, said"). There is no parser: the
subject is read backward from the verb over the words that can make up a noun
phrase, and the word classes come from ``rules/lexicons/en.toml``.

Conventions (they follow the PARC/PolNeAR annotation of attribution):

* the cue of a verb is the lexical verb plus the auxiliaries, negation and
  adverbs right before it ("has repeatedly said"); ``Found.head`` marks the
  verb, so the report can still show "said";
* a relative pronoun is the source of the verb in its clause ("…, who said"),
  with the antecedent as ``Found.antecedent``;
* "saying", "adding", "noting" after a comma hang on the subject of the clause
  before them (they inherit its source);
* cue words inside a quotation are the quoted speaker's own words, not
  attributions of the article.

Every scan is bounded by ``MAX_PHRASE`` or a small constant, so the cost per
sentence is linear.

A sentence passes the modules in this order: ``verbs`` finds its cues (``labels``,
``cues``, ``stance``, ``attribute`` with ``extent``, ``subjects``, ``appositions`` and ``phrases``;
``content`` for cues inside reported content), ``own`` makes own-account sources ("by his own
account") pronouns for the subject, ``kinds`` gives each source its kind as a fact-checker
reads it, and ``link`` joins sentences; the word
sets they read are ``tables``, derived from the lexicon once.
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
from . import kinds, link, own, phrases, verbforms, verbs


class EnglishGrammar(GrammarBase):
    """The :class:`~auditor.analyse.grammar.Grammar` of English. Every English frame ("according
    to X", "cited by X") is a pattern of the lexicon but "by his own account"; the clean-up makes
    own-account sources pronouns standing for the subject; an outlet relays
    the claim before or after it ("Sanders said, according to CNN", "…, Reuters reported")."""

    def verb_forms(self, verbs: Mapping[str, object]) -> dict[str, list[VerbForm]]:
        return verbforms.verb_forms(verbs)

    def phrase_forward(self, tokens: list[Token], k: int, end: int, lex: Lexicon) -> Range | None:
        return phrases.phrase_forward(tokens, k, end, lex)

    def phrase_backward(self, tokens: list[Token], k: int, begin: int, lex: Lexicon) -> Range | None:
        return phrases.phrase_backward(tokens, k, begin, lex)

    def verbs(self, tokens: list[Token], lex: Lexicon, used: set[int]) -> list[Found]:
        return verbs.find_verbs(tokens, lex, used)

    def settle(self, found: list[Found], tokens: list[Token], lex: Lexicon) -> list[Found]:
        found = own.settle(found, tokens, lex)
        for item in found:
            if item.source is not None and item.kind is None:
                item.kind = kinds.source_kind(tokens, item.source, lex)
        return found

    def relay_cue_joins(self, outlet: Found) -> bool:
        # "Sanders said, according to CNN": the relay's cue stays visible as a cue part
        return outlet.mode == "according_to"

    def link(self, text: str, tagged: list[TaggedSentence], lex: Lexicon,
             tokens: list[list[Token]]) -> list[TaggedSentence]:
        return link.link(text, tagged, lex)


LANGUAGE = Language(code="en", name="English", grammar=EnglishGrammar(),
                    lexicon_file=Path("lexicons/en.toml"))
