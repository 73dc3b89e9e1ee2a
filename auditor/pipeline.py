"""The stages chained: RawDocument -> Article -> sentences -> tagged sentences.

Pure functions over the models; the CLI and bulk runner call these.
"""

from __future__ import annotations

import hashlib

from .analyse import ANALYSER_VERSION, analyse
from .extract import extract
from .language import detect_language
from .models import Article, AuditResult, RawDocument
from .segment import split_sentences


def audit_article(article: Article) -> AuditResult:
    sentences = split_sentences(article.text, article.language)
    tagged = analyse(article, sentences)
    return AuditResult(article=article, sentences=tuple(tagged), analyser_version=ANALYSER_VERSION)


def audit_document(raw: RawDocument, *, language: str | None = None) -> AuditResult:
    """Extract, split and tag one ingested document."""
    return audit_article(extract(raw, language=language))


def analyse_text(text: str, language: str | None = None, *, article_id: str | None = None) -> AuditResult:
    """Audit a plain text given in memory (tests, evaluation, library use)."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    article = Article(id=article_id or digest[:16], text=text, content_hash=digest,
                      language=language or detect_language(text))
    return audit_article(article)
