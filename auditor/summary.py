"""Counts over an audited article: how much rests on whom."""

from __future__ import annotations

from pydantic import BaseModel

from .models import AuditResult, TaggedSentence
from .sources import normalize_source


class SourceCount(BaseModel):
    name: str
    kind: str
    sentences: int


class Summary(BaseModel):
    sentences: int  # claims: sentences that are not headings
    headings: int
    attributed: int
    anonymous: int  # sentences with at least one anonymous source
    vague: int
    hedged: int  # hedge level above "none"
    unattributed: int
    sources: list[SourceCount]


def source_name(sentence_source) -> str:
    """The name a source goes by: a pronoun's antecedent, else its own text."""
    return sentence_source.resolved_to or sentence_source.text


def _kinds(sentence: TaggedSentence) -> set[str]:
    return {a.source.kind for a in sentence.attributions if a.source is not None}


def summarise(result: AuditResult) -> Summary:
    claims = [s for s in result.sentences if not s.is_heading]
    counts: dict[tuple[str, str], int] = {}
    names: dict[tuple[str, str], str] = {}
    for s in claims:
        seen = set()
        for a in s.attributions:
            for src in ([a.source] if a.source else []) + list(a.via):
                name, key = normalize_source(source_name(src))
                ident = (key, src.kind if not src.resolved_to else "person")
                names.setdefault(ident, name)
                if ident not in seen:
                    seen.add(ident)
                    counts[ident] = counts.get(ident, 0) + 1
    return Summary(
        sentences=len(claims),
        headings=len(result.sentences) - len(claims),
        attributed=sum(1 for s in claims if s.attributions),
        anonymous=sum(1 for s in claims if "anonymous" in _kinds(s)),
        vague=sum(1 for s in claims if "vague" in _kinds(s)),
        hedged=sum(1 for s in claims if s.hedge_level != "none"),
        unattributed=sum(1 for s in claims if not s.attributions),
        sources=[SourceCount(name=names[ident], kind=ident[1], sentences=n)
                 for ident, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))],
    )
