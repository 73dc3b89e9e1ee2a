"""The JSON shape of an audit, whole (result_to_dict) or written in pieces (iter_json).

The JSON shape is a contract (see README, "JSON output"): fields may be added,
the documented ones stay. The HTML report renders from it, and the Datasette
plugin rebuilds its sentences' spans from stored rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from auditor.models import SCHEMA_VERSION, AuditResult, RuleHit, TaggedSentence
from auditor.summary import summarise
from auditor.terminal import json_inert

SCORE_SCALE = "0-100: 100 minus the points of every rule hit, each rule at most its cap"


def _span(span) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"text": span.text, "start": span.start, "end": span.end}


def _source(src) -> dict[str, Any] | None:
    if src is None:
        return None
    data = {**_span(src), "kind": src.kind}
    if src.resolved_to is not None:
        data["resolved_to"] = src.resolved_to
    return data


def sentence_to_dict(s: TaggedSentence) -> dict[str, Any]:
    return {
        "index": s.index, "start": s.start, "end": s.end, "text": s.text,
        "is_heading": s.is_heading, "paragraph": s.paragraph, "has_quote": s.has_quote,
        "attributions": [
            {"source": _source(a.source), "cue": _span(a.cue),
             "cue_parts": [_span(p) for p in a.cue_parts],
             "via": [_source(v) for v in a.via], "mode": a.mode}
            for a in s.attributions
        ],
        "hedges": [{**_span(h), "kind": h.kind, "weight": h.weight,
                    "parts": [_span(p) for p in h.parts], "voice": h.voice} for h in s.hedges],
        "hedge_level": s.hedge_level,
        "rule_hits": [hit_to_dict(h) for h in s.rule_hits],
    }


def result_to_dict(result: AuditResult) -> dict[str, Any]:
    return {**_result_head(result), "sentences": [sentence_to_dict(s) for s in result.sentences]}


def _result_head(result: AuditResult) -> dict[str, Any]:
    """Everything of result_to_dict but the sentences (the last key)."""
    article = result.article
    return {
        "schema_version": SCHEMA_VERSION,
        "article": {
            "id": article.id, "title": article.title, "url": article.url, "outlet": article.outlet,
            "domain": article.domain, "author": article.author, "published": article.published,
            "language": article.language, "status": article.status, "origin": article.origin,
            "content_hash": article.content_hash, "warnings": list(article.warnings),
            "text": article.text,
            "score": score_to_dict(result),
        },
        "analyser_version": result.analyser_version,
        "summary": summarise(result).model_dump(),
    }


def to_json(result: AuditResult, *, indent: int | None = 2) -> str:
    return "".join(iter_json(result, indent=indent))


def iter_json(result: AuditResult, *, indent: int | None = 2) -> Iterator[str]:
    """The text of to_json in pieces, one per sentence, to write as they come: the
    dict of every sentence and the encoder's pieces of the whole took about 45 MB
    per MB of article text. Each sentence is encoded alone and indented to its level
    (an encoded string holds no raw newline, so every newline is the encoder's)."""
    head = json_inert(json.dumps({**_result_head(result), "sentences": []}, ensure_ascii=False, indent=indent))
    if not result.sentences:
        yield head
        return
    empty_end = "[]\n}" if indent is not None else "[]}"
    yield head[: -len(empty_end)] + "["
    inner = "\n" + " " * (2 * indent) if indent is not None else ""
    separator = "," + inner if indent is not None else ", "
    for i, s in enumerate(result.sentences):
        item = json_inert(json.dumps(sentence_to_dict(s), ensure_ascii=False, indent=indent))
        yield (separator if i else inner) + item.replace("\n", inner)
    yield "\n" + " " * indent + "]\n}" if indent is not None else "]}"


def hit_to_dict(hit: RuleHit) -> dict[str, Any]:
    return {"rule": hit.rule_id, "points": hit.points, "message": hit.message}


def score_to_dict(result: AuditResult) -> dict[str, Any] | None:
    """``article.score`` of the JSON: value, rule set, and a breakdown row per rule that hit."""
    score = result.score
    if score is None:
        return None
    texts = {s.index: s.text for s in result.sentences}
    return {
        "value": score.value, "scale": SCORE_SCALE, "rule_set": score.rule_set,
        "rule_set_hash": score.rule_set_hash, "outlets_hash": score.outlets_hash,
        "breakdown": [
            {"rule": row.rule_id, "description": row.description, "scope": row.scope, "count": row.count,
             "points": row.points, "examples": [{"index": i, "text": texts.get(i, "")} for i in row.examples]}
            for row in score.breakdown
        ],
        "article_hits": [hit_to_dict(h) for h in score.article_hits],
    }
