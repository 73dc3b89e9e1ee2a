"""The stages chained: RawDocument -> Article -> sentences -> tagged sentences -> scored.

Pure functions over the models; the CLI and bulk runner call these.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .analyse import analyse_article, analyser_version
from .extract import content_hash, extract
from .identity import identified
from .language import detect_language, supported_languages
from .models import Article, AuditResult, RawDocument
from .segment import iter_sentences

if TYPE_CHECKING:  # scoring loads rule files; only callers that score import it
    from .scoring import Scoring


def audit_article(article: Article, *, scoring: Scoring | None = None) -> AuditResult:
    """Split and tag an article; score it too when given rules (``scoring.load_scoring``)."""
    if article.language not in supported_languages():
        # no grammar reads it, so analyse() leaves it untagged: said so, and the scorer scores nothing
        article = article.model_copy(update={"status": "unsupported_language"})
    # tagged as they are split: never every sentence model and every tagged one at once
    article, tagged = analyse_article(article, iter_sentences(article.text, article.language))
    result = AuditResult(article=article, sentences=tuple(tagged), analyser_version=analyser_version())
    return scoring.score(result) if scoring is not None else result


def audit_document(raw: RawDocument, *, language: str | None = None, scoring: Scoring | None = None) -> AuditResult:
    """Extract, split and tag one ingested document (and score it, given rules); its
    id is its publication's (:func:`auditor.identity.publication_id`)."""
    return audit_article(identified(raw, extract(raw, language=language)), scoring=scoring)


def analyse_text(text: str, language: str | None = None, *, article_id: str | None = None,
                 scoring: Scoring | None = None) -> AuditResult:
    """Audit a plain text given in memory (tests, evaluation, library use)."""
    digest = content_hash(text)
    article = Article(id=article_id or digest[:16], text=text, content_hash=digest,
                      language=language or detect_language(text))
    return audit_article(article, scoring=scoring)


def result_versions(scoring: Scoring | None = None) -> dict[str, str]:
    """What results made with these settings are stored with: the analyser
    version and, when scoring, the rule set and outlet ratings hashes.

    ``auditor bulk`` skips an input whose raw digest is stored with the same
    versions (the keys are the arguments of ``auditor.store.sink.Sink.stored_raw_digests``).
    A stage that gains a version of its own adds it here and there.
    """
    versions = {"analyser_version": analyser_version()}
    if scoring is not None:
        versions |= {"rule_set_hash": scoring.rules.content_hash, "outlets_hash": scoring.outlets.content_hash}
    return versions
