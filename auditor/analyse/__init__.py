"""Analysis: a pure function of an Article, its sentences and the lexicons.

No database, no network, no printing: that keeps it fast to test and safe to
run in worker processes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from functools import cache

from ..lexicon import Lexicon
from ..models import (
    Article,
    Attribution,
    HedgeCue,
    Sentence,
    SourceSpan,
    Span,
    TaggedSentence,
)
from ..resources import rules_dir
from . import discourse
from .attribution import Found, find_attributions
from .grammar import Grammar
from .hedging import find_hedges, hedge_level
from .phrases import classify
from .registry import grammar_of, language, languages, load_lexicon, plugin_version
from .tokens import CLAUSE_PUNCT, SentenceTokens, Token, tokenize

# The analyser's code version and a digest of the data it reads: editing a
# lexicon, or installing, upgrading or removing a language plug-in, changes the
# version, so `auditor bulk` analyses stored articles again instead of skipping
# them as done (on the safe side: one version for every language).
_CODE_VERSION = "0.2.2"
_DATA_FILES = ("hedging.toml", "segment.toml", "languages.toml", "outlet_aliases.toml", "first_names.toml")


def _data_digest() -> str:
    digest = hashlib.sha256()
    root = rules_dir()
    for pattern in _DATA_FILES:
        for path in sorted(root.glob(pattern)):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for code, registered in sorted(languages().items()):  # a language's lexicon may live in its own package
        digest.update(f"{code}\0{plugin_version(code)}\0".encode() + registered.lexicon_path(root).read_bytes())
    return digest.hexdigest()[:12]


@cache
def analyser_version() -> str:
    """The version results are stored with; worked out on first use, not at import,
    so that importing the analyser loads no language plug-in."""
    return f"{_CODE_VERSION}+{_data_digest()}"

# Attributions are looked for within windows of at most this many tokens. A
# real sentence is far shorter (news sentences rarely pass 100 tokens); a
# "sentence" of a megabyte without punctuation is cut into windows, so that
# the clause scans of the grammar modules stay bounded and the time linear.
MAX_WINDOW_TOKENS = 300

# A warning about a sentence left untagged names it by its index and first words.
_OPENING_WORDS = 4
_OPENING_CHARS = 60
_ERROR_CHARS = 200


def _windows(tokens: list[Token]) -> list[list[Token]]:
    """The tokens in windows of at most MAX_WINDOW_TOKENS, cut after a clause
    break in the window's second half where there is one."""
    if len(tokens) <= MAX_WINDOW_TOKENS:
        return [tokens]
    windows = []
    begin = 0
    while begin < len(tokens):
        end = min(len(tokens), begin + MAX_WINDOW_TOKENS)
        if end < len(tokens):
            half = begin + MAX_WINDOW_TOKENS // 2
            cut = next((k + 1 for k in range(end - 1, half, -1) if tokens[k].text in CLAUSE_PUNCT), end)
            end = cut
        windows.append(tokens[begin:end])
        begin = end
    return windows


def _span(text: str, start: int, end: int) -> Span:
    return Span(text=text[start:end], start=start, end=end)


def _parts(text: str, tokens: list[Token], indices: list[int]) -> list[Span]:
    """Contiguous runs of token indices as spans ("according to", "deuten" + "hin")."""
    parts: list[Span] = []
    run: list[int] = []
    for k in sorted(indices):
        if run and k != run[-1] + 1:
            parts.append(_span(text, tokens[run[0]].start, tokens[run[-1]].end))
            run = []
        run.append(k)
    if run:
        parts.append(_span(text, tokens[run[0]].start, tokens[run[-1]].end))
    return parts


def _source(text: str, tokens: list[Token], rng: tuple[int, int], kind: str) -> SourceSpan:
    start, end = tokens[rng[0]].start, tokens[rng[1] - 1].end
    return SourceSpan(text=text[start:end], start=start, end=end, kind=kind)


def _attribution(text: str, tokens: list[Token], found: Found, lex: Lexicon) -> Attribution:
    via = tuple(_source(text, tokens, rng, classify(tokens, rng, lex)) for rng in found.via)
    source = _source(text, tokens, found.source, found.kind or classify(tokens, found.source, lex)) \
        if found.source else None
    if source is not None and found.antecedent is not None:
        start, end = tokens[found.antecedent[0]].start, tokens[found.antecedent[1] - 1].end
        source = source.model_copy(update={"resolved_to": text[start:end]})
    parts = _parts(text, tokens, found.cue) if found.cue and not found.silent else []
    if found.head is not None and len(found.cue) > 1 and not found.silent:
        # the lexical word is the cue; auxiliaries and adverbs are further parts ("has" + "said")
        parts = _parts(text, tokens, [k for k in found.cue if k != found.head])
        head = _span(text, tokens[found.head].start, tokens[found.head].end)
        pieces = sorted(parts + [head], key=lambda p: p.start)
        return Attribution(source=source, cue=head, cue_parts=tuple(pieces), via=via, mode=found.mode)
    return Attribution(source=source, cue=parts[0] if parts else None,
                       cue_parts=tuple(parts) if len(parts) > 1 else (), via=via, mode=found.mode)


def analyse_sentence(text: str, sentence: Sentence, lex: Lexicon, tokens: list[Token],
                     grammar: Grammar) -> TaggedSentence:
    """Attributions and hedges of one sentence; ``text`` is the whole article text,
    ``tokens`` the sentence's tokens (:func:`~.tokens.tokenize`)."""
    # token indices in a Found are relative to its window
    attributions = () if sentence.is_heading else tuple(
        _attribution(text, window, f, lex) for window in _windows(tokens) for f in find_attributions(window, lex, grammar))
    hedges = []
    # where someone's reported words begin: after the first cue of saying
    reported_from = min((a.cue.start for a in attributions if a.mode == "reported_speech" and a.cue is not None),
                        default=None)
    hits = find_hedges(tokens, lex, reported_from=reported_from)
    if reported_from is None and any(h.mood_of_report for h, _ in hits) and grammar.carries_report(tokens, lex):
        # a sentence in the mood of reported speech (Konjunktiv I: "Die Händler seien froh, dass sie
        # öffnen dürften") reports throughout; asked only where such a cue was found
        hits = [(h, idx) for h, idx in hits if not h.mood_of_report]
    for hedge, idx in hits:
        parts = _parts(text, tokens, idx)
        hedges.append(HedgeCue(text=parts[0].text, start=parts[0].start, end=parts[0].end, kind=hedge.kind,
                               weight=hedge.weight, parts=tuple(parts) if len(parts) > 1 else ()))
    return TaggedSentence.of(sentence, attributions=attributions, hedges=tuple(hedges),
                             hedge_level=hedge_level([h.weight for h in hedges]))


def _opening(text: str) -> str:
    """The first words of a sentence, quoted and escaped for a one-line warning."""
    words = text.split()
    opening = " ".join(words[:_OPENING_WORDS]) + (" …" if len(words) > _OPENING_WORDS else "")
    return json.dumps(opening[:_OPENING_CHARS], ensure_ascii=False)


def _error_text(error: Exception) -> str:
    # a message can quote a whole (hostile) sentence: one escaped, bounded line
    return f"{type(error).__name__}: {json.dumps(str(error), ensure_ascii=False)[1:-1][:_ERROR_CHARS]}"


def _tag_or_leave_untagged(text: str, sentence: Sentence, lex: Lexicon, tokens: list[Token],
                           grammar: Grammar, warnings: list[str]) -> TaggedSentence:
    """The sentence tagged; untagged, with a warning naming it, when the grammar fails on it."""
    try:
        return analyse_sentence(text, sentence, lex, tokens, grammar)
    except Exception as error:  # noqa: BLE001 - a grammar bug must cost one sentence, not the article
        warnings.append(f"sentence {sentence.index} ({_opening(sentence.text)}) left untagged: {_error_text(error)}")
        return TaggedSentence.of(sentence)


def _link_or_leave_unlinked(text: str, tagged: list[TaggedSentence], lex: Lexicon, tokens: SentenceTokens,
                            grammar: Grammar, warnings: list[str]) -> list[TaggedSentence]:
    """Sentences linked (pronouns, carried-over speech); as tagged, with a warning, when linking fails."""
    try:
        return discourse.link(text, list(tagged), lex, tokens, grammar)
    except Exception as error:  # noqa: BLE001 - the same: keep every sentence's own tags
        warnings.append(f"sentences left unlinked (pronouns unresolved): {_error_text(error)}")
        return tagged


def analyse_article(article: Article, sentences: Iterable[Sentence]) -> tuple[Article, list[TaggedSentence]]:
    """Tag every sentence of an article, then link sentences (pronouns, quotes, carried-over speech).
    ``sentences`` may be an iterator (``segment.iter_sentences``): each is dropped once tagged.

    Total: a sentence the grammar fails on is left untagged and the article,
    returned with a warning naming that sentence, goes on."""
    if language(article.language) is None:
        return article, [TaggedSentence.of(s) for s in sentences]
    lex, grammar = load_lexicon(article.language), grammar_of(article.language)
    case = lex.case_sensitive
    warnings: list[str] = []
    tagged = [_tag_or_leave_untagged(article.text, s, lex, tokenize(s.text, s.start, case), grammar, warnings)
              for s in sentences]
    # tokenised again when linking asks, not kept: it looks at the tokens of a few sentences again
    tagged = _link_or_leave_unlinked(article.text, tagged, lex, SentenceTokens(tagged, case), grammar, warnings)
    if warnings:
        article = article.model_copy(update={"warnings": (*article.warnings, *warnings)})
    return article, tagged


def analyse(article: Article, sentences: Iterable[Sentence]) -> list[TaggedSentence]:
    """The tagged sentences of :func:`analyse_article`, without its warnings (benchmarks, library use)."""
    return analyse_article(article, sentences)[1]
