"""A result as the rows of the store's tables, built without a database.

Bulk workers build these, in parallel, and send them to the one writer: rows are
keyed by natural keys only - the publication's id, the text's content digest, a
sentence's index, a source's identity ``(name, key, kind)`` - never by a
database's integer ids, which only a sink hands out (the SQLite sink: texts,
sentences, attributions, hedges and sources get integer ids as it inserts).

Each row is a tuple of plain values in the order of its ``*_FIELDS``, the table's
columns in ``db/schema.sql`` but the keys and times a sink fills in (tuples of
plain values unpickle fast).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from operator import itemgetter
from typing import NamedTuple

from ..models import (
    Article,
    Attribution,
    AuditResult,
    HedgeCue,
    SourceSpan,
    Span,
    TaggedSentence,
)
from ..sources import normalize_source
from .tables import columns

# The columns a row carries: the table's, but the ids and times the sink fills in
PUBLICATION_FIELDS = columns("publications", leaving=("id", "text_id", "audited_at"))
TEXT_FIELDS = columns("texts", leaving=("id", "analysed_at"))
SENTENCE_FIELDS = columns("sentences", leaving=("id", "text_id"))
ATTRIBUTION_FIELDS = columns("attributions", leaving=("id", "sentence_id", "text_id", "source_id"))
HEDGE_FIELDS = columns("hedges", leaving=("id", "sentence_id", "text_id"))
SCORE_FIELDS = columns("article_scores", leaving=("run_id", "article_id"))
HIT_FIELDS = columns("rule_hits", leaving=("id", "run_id", "article_id"))
# a text stored with these is not analysed again
TEXT_VERSION = ("analyser_version", "language", "status")
_RAW_DIGEST = PUBLICATION_FIELDS.index("raw_digest")
_TEXT_VERSION_AT = tuple(TEXT_FIELDS.index(name) for name in TEXT_VERSION)
_STATUS, _LANGUAGE = TEXT_FIELDS.index("status"), TEXT_FIELDS.index("language")


def _ordered(fields: tuple[str, ...]) -> Callable[[Mapping[str, object]], tuple]:
    """Values by column name -> the row, in the order of ``fields``; a declared column
    nobody fills is a KeyError. (itemgetter: a worker makes one for every sentence.)"""
    if len(fields) == 1:
        return lambda values: (values[fields[0]],)
    return itemgetter(*fields)


_PUBLICATION_ROW, _TEXT_ROW, _SENTENCE_ROW = map(_ordered, (PUBLICATION_FIELDS, TEXT_FIELDS, SENTENCE_FIELDS))
_ATTRIBUTION_ROW, _HEDGE_ROW = map(_ordered, (ATTRIBUTION_FIELDS, HEDGE_FIELDS))
_SCORE_ROW, _HIT_ROW = map(_ordered, (SCORE_FIELDS, HIT_FIELDS))


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


# --- sources ----------------------------------------------------------------


def source_identity(
    span: SourceSpan, known_kinds: dict[str, str] | None = None
) -> tuple[str, str, str]:
    """Return ``(name, key, kind)`` of the ``sources`` row a span points to.

    A span with ``resolved_to`` (a pronoun, a carried-over source) is keyed on
    the name it resolves to.  A resolved pronoun takes the kind that name has
    elsewhere in the same article (``known_kinds``: key -> kind), else
    "person".  An unresolved pronoun is stored as itself, kind "pronoun".
    """
    name, key = normalize_source(span.resolved_to or span.text)
    kind = span.kind
    if kind == "pronoun" and span.resolved_to:
        kind = (known_kinds or {}).get(key, "person")
    return name, key, kind


def _known_kinds(result: AuditResult) -> dict[str, str]:
    """Key -> kind of every named (non-pronoun) source mention in the article."""
    kinds: dict[str, str] = {}
    for sentence in result.sentences:
        for attribution in sentence.attributions:
            for span in (attribution.source, *attribution.via):
                if span is not None and span.kind != "pronoun":
                    key = normalize_source(span.resolved_to or span.text)[1]
                    kinds.setdefault(key, span.kind)
    return kinds


# --- rows -------------------------------------------------------------------


def article_counts(result: AuditResult) -> dict[str, int]:
    """The n_* columns of ``texts``; each counts sentences (see schema.sql)."""
    counts = dict.fromkeys(
        ("n_attributed", "n_anonymous", "n_vague", "n_hedged", "n_unattributed"), 0
    )
    for sentence in result.sentences:
        if sentence.attributions:
            counts["n_attributed"] += 1
            kinds = {
                a.source.kind for a in sentence.attributions if a.source is not None
            }
            counts["n_anonymous"] += "anonymous" in kinds
            counts["n_vague"] += "vague" in kinds
        elif not sentence.is_heading:
            counts["n_unattributed"] += 1
        counts["n_hedged"] += sentence.hedge_level != "none"
    return {"n_sentences": len(result.sentences), **counts}


class ScoreRows(NamedTuple):
    """A scored result's ``article_scores`` row and ``rule_hits`` rows, without run and article."""

    score: tuple  # SCORE_FIELDS
    hits: list[tuple]  # HIT_FIELDS: sentence idx (None: the article), rule_id, points, message


class ArticleRows(NamedTuple):
    """One result as the rows a sink stores: sentences named by their idx, sources by
    identity ``(name, key, kind)``; the sink puts in its own ids."""

    article_id: str  # the publication's id
    content_hash: str  # the text's id
    origin: str
    publication: tuple  # PUBLICATION_FIELDS
    text: tuple | None  # TEXT_FIELDS; None: the text is stored already (publication_rows)
    sentences: list[tuple]  # SENTENCE_FIELDS
    attributions: list[tuple]  # (idx, source identity or None, via identities, ATTRIBUTION_FIELDS)
    hedges: list[tuple]  # (idx, HEDGE_FIELDS)
    score: ScoreRows | None

    @property
    def raw_digest(self) -> str | None:
        return self.publication[_RAW_DIGEST]

    @property
    def text_version(self) -> tuple | None:
        """The text's TEXT_VERSION values; None without a text."""
        return None if self.text is None else tuple(self.text[i] for i in _TEXT_VERSION_AT)


def article_rows(result: AuditResult) -> ArticleRows:
    """Everything a sink stores for ``result``, as rows."""
    article = result.article
    known_kinds = _known_kinds(result)
    sentences, attributions, hedges = [], [], []
    for sentence in result.sentences:
        sentences.append(_sentence_row(sentence))
        for attribution in sentence.attributions:
            source = attribution.source
            identity = None if source is None else source_identity(source, known_kinds)
            via = tuple(source_identity(span, known_kinds) for span in attribution.via)
            row = _attribution_row(attribution, [name for name, _, _ in via])
            attributions.append((sentence.index, identity, via, row))
        hedges.extend((sentence.index, _hedge_row(hedge)) for hedge in sentence.hedges)
    return ArticleRows(
        article.id, article.content_hash, article.origin, _publication_row(article),
        _text_row(result), sentences, attributions, hedges, score_rows(result),
    )  # fmt: skip


def unanalysed_language(rows: ArticleRows) -> str | None:
    """The language of an article stored without analysis (no grammar for it); None when analysed."""
    if rows.text is None:  # a publication of a text stored already: counted when the text was
        return None
    return None if rows.text[_STATUS] == "analysed" else rows.text[_LANGUAGE]


def publication_rows(article: Article) -> ArticleRows:
    """The rows of a publication whose text is stored already: no analysis to carry."""
    return ArticleRows(article.id, article.content_hash, article.origin, _publication_row(article),
                       None, [], [], [], None)


def score_rows(result: AuditResult) -> ScoreRows | None:
    """The score of a scored result as rows; None when it is not scored."""
    score = result.score
    if score is None:
        return None
    breakdown = _json([row.model_dump(mode="json") for row in score.breakdown])
    hits = [h for s in result.sentences for h in s.rule_hits] + list(score.article_hits)
    values = {"content_hash": result.article.content_hash, "analyser_version": result.analyser_version,
              "score": score.value, "breakdown": breakdown}
    return ScoreRows(
        _SCORE_ROW(values),
        [_HIT_ROW({"sentence_idx": h.sentence, "rule_id": h.rule_id, "points": h.points, "message": h.message})
         for h in hits],
    )


def _publication_row(a: Article) -> tuple:
    return _PUBLICATION_ROW({
        "title": a.title, "url": a.url, "outlet": a.outlet, "domain": a.domain, "author": a.author,
        "published": a.published, "origin": a.origin, "raw_digest": a.raw_digest,
        "warnings": _json(list(a.warnings)),
    })  # fmt: skip


def _text_row(result: AuditResult) -> tuple:
    a = result.article
    return _TEXT_ROW({
        "content_hash": a.content_hash, "text": a.text, "language": a.language,
        "analyser_version": result.analyser_version, "status": a.status, **article_counts(result),
    })  # fmt: skip


def _sentence_row(s: TaggedSentence) -> tuple:
    return _SENTENCE_ROW({
        "idx": s.index, "start": s.start, "end": s.end, "text": s.text, "is_heading": int(s.is_heading),
        "paragraph": s.paragraph, "hedge_level": s.hedge_level, "has_quote": int(s.has_quote),
        "n_attributions": len(s.attributions), "n_hedges": len(s.hedges),
    })  # fmt: skip


def _via_json(via: tuple[SourceSpan, ...]) -> str:
    items = []
    for span in via:
        item = {
            "text": span.text,
            "start": span.start,
            "end": span.end,
            "kind": span.kind,
        }
        if span.resolved_to is not None:
            item["resolved_to"] = span.resolved_to
        items.append(item)
    return _json(items)


def _attribution_row(a: Attribution, via_names: list[str]) -> tuple:
    source, cue = a.source, a.cue
    return _ATTRIBUTION_ROW({
        "source_text": source.text if source else None,
        "source_start": source.start if source else None,
        "source_end": source.end if source else None,
        "source_kind": source.kind if source else None,
        "resolved_to": source.resolved_to if source else None,
        "cue_text": cue.text if cue else None,
        "cue_start": cue.start if cue else None,
        "cue_end": cue.end if cue else None,
        "cue_parts": _offsets_json(a.cue_parts),
        "mode": a.mode,
        "via": _via_json(a.via) if a.via else "[]",
        "via_text": ", ".join(via_names) or None,
    })  # fmt: skip


def _offsets_json(parts: tuple[Span, ...]) -> str:
    return _json([[p.start, p.end] for p in parts]) if parts else "[]"


def _hedge_row(h: HedgeCue) -> tuple:
    return _HEDGE_ROW({"text": h.text, "start": h.start, "end": h.end, "kind": h.kind, "weight": h.weight,
                       "parts": _offsets_json(h.parts), "voice": h.voice})
