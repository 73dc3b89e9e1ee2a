"""German back-references to documents: "Darin heißt es, …" - the "darin" of a "heißt es"
stands for the mail, report or article named just before it."""

from __future__ import annotations

from ....lexicon import Lexicon
from ....models import TaggedSentence
from ...tokens import Token
from .phrases import phrase_forward
from .words import ADJECTIVE_ENDINGS

_SENTENCES_BACK = 3  # a document further back than this is not what "darin" points to


def resolve_document_adverbs(text: str, tagged: list[TaggedSentence], lex: Lexicon,
                             sentence_tokens: list[list[Token]]) -> list[TaggedSentence]:
    """A "darin"/"dort" source (kind document) becomes a pronoun resolved to the nearest
    document phrase before it, in its sentence or the few before; unresolved it stays a document."""
    adverbs = lex.word("document_adverbs")
    out = list(tagged)
    for i, s in enumerate(tagged):
        if not any(a.source is not None and a.source.kind == "document" and a.source.resolved_to is None
                   and a.source.text.lower() in adverbs for a in s.attributions):
            continue  # nearly every sentence: nothing to look back for
        changed = []
        for a in s.attributions:
            src = a.source
            if src is not None and src.kind == "document" and src.resolved_to is None \
                    and src.text.lower() in adverbs:
                name = _document_before(text, i, src.start, lex, sentence_tokens)
                if name is not None:
                    a = a.model_copy(update={"source": src.model_copy(update={"kind": "pronoun", "resolved_to": name})})
            changed.append(a)
        out[i] = s.model_copy(update={"attributions": tuple(changed)})
    return out


def _document_before(text: str, i: int, before: int, lex: Lexicon,
                     sentence_tokens: list[list[Token]]) -> str | None:
    """The nearest document phrase that ends before the character offset ``before``."""
    nouns = lex.derived(_document_nouns)
    for j in range(i, max(-1, i - _SENTENCES_BACK - 1), -1):
        tokens = sentence_tokens[j]
        for k in range(len(tokens) - 1, -1, -1):
            t = tokens[k]
            if t.start >= before or not t.is_cap or t.lower not in nouns:
                continue
            start = _article_before(tokens, k, lex)
            rng = phrase_forward(tokens, start, len(tokens), lex)
            end = rng[1] if rng is not None and rng[0] == start and rng[1] > k else k + 1
            return text[tokens[start].start:tokens[end - 1].end]
    return None


def _article_before(tokens: list[Token], k: int, lex: Lexicon) -> int:
    """Where the phrase of the noun at k starts: its article, past up to two adjectives
    ("eine kurze Mail"); the noun itself when no article stands before it."""
    for d in range(k - 1, max(-1, k - 4), -1):
        low = tokens[d].lower
        if low in lex.word("determiners"):
            return d
        if tokens[d].is_cap or not tokens[d].is_word or not low.endswith(ADJECTIVE_ENDINGS):
            break
    return k


def _document_nouns(lex: Lexicon) -> frozenset[str]:
    return lex.kinds.get("document", frozenset()) | lex.word("back_reference_documents")
