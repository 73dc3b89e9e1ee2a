"""What a language plug-in imports: one place, so that a third-party language
depends on these names only, not on where they live inside the analyser.

    from auditor.analyse.plugin import Found, GrammarBase, Language, Lexicon, Range, Token, VerbForm

See the README's "Adding a language" and ``tests/fixtures/toy_language``.
"""

from ..lexicon import Lexicon, VerbForm
from ..models import TaggedSentence
from .found import Found
from .grammar import Grammar, GrammarBase
from .phrases import MAX_PHRASE, Range, classify, is_boundary
from .readings import last_word, verb_reading
from .registry import Language
from .tokens import Token

__all__ = ["MAX_PHRASE", "Found", "Grammar", "GrammarBase", "Language", "Lexicon", "Range", "TaggedSentence",
           "Token", "VerbForm", "classify", "is_boundary", "last_word", "verb_reading"]
