"""Hand-built audit results and a small rule file, shared by the scoring tests.

Not a test module: ``tests/`` is on ``sys.path`` under pytest's default import mode.
"""

from __future__ import annotations

from auditor.models import (
    Article,
    Attribution,
    AuditResult,
    HedgeCue,
    SourceSpan,
    Span,
    TaggedSentence,
)

# --- building results by hand ------------------------------------------------


def _span(sentence: str, offset: int, needle: str, cls=Span, **extra):
    """The span of ``needle`` in a sentence that starts at ``offset`` in the article."""
    start = offset + sentence.index(needle)
    return cls(text=needle, start=start, end=start + len(needle), **extra)


class ArticleBuilder:
    """Sentences appended one by one; tags are given as substrings of the sentence."""

    def __init__(self, language: str = "de") -> None:
        self.language = language
        self.parts: list[tuple[str, dict]] = []

    def add(self, text: str, *, sources=(), via=(), hedges=(), level="none", heading=False,
            quote=False, mode="reported_speech") -> ArticleBuilder:
        self.parts.append((text, {"sources": sources, "via": via, "hedges": hedges, "level": level,
                                  "heading": heading, "quote": quote, "mode": mode}))
        return self

    def build(self, article_id: str = "a1", **article_fields) -> AuditResult:
        text = "\n".join(t for t, _ in self.parts)
        sentences, offset = [], 0
        for index, (sentence, tags) in enumerate(self.parts):
            via = tuple(_span(sentence, offset, n, SourceSpan, kind=k) for n, k in tags["via"])
            attributions = tuple(
                Attribution(source=_span(sentence, offset, n, SourceSpan, kind=k), via=via, mode=tags["mode"])
                for n, k in tags["sources"])
            hedges = tuple(_span(sentence, offset, n, HedgeCue, kind=k, weight=w) for n, k, w in tags["hedges"])
            sentences.append(TaggedSentence(
                index=index, start=offset, end=offset + len(sentence), text=sentence,
                is_heading=tags["heading"], has_quote=tags["quote"], attributions=attributions,
                hedges=hedges, hedge_level=tags["level"]))
            offset += len(sentence) + 1
        article = Article(id=article_id, text=text, content_hash=f"hash-{article_id}", language=self.language,
                          **article_fields)
        return AuditResult(article=article, sentences=tuple(sentences), analyser_version="test")


ANON = "Quellen zufolge soll der Minister zurücktreten."
VAGUE_VIA = "Experten schätzen laut Reuters, dass bis zu 100.000 Soldaten nötig sind."
NUMBER = "Die Mission könnte 40.000 Soldaten umfassen."
PERSON = "Trump sagte, Europa müsse führen."
QUOTE = "Selenskyj nannte die Mission „eines der besten Mittel“."
OUTLET = "Frankreich hat geübt, so Intelligence Online."
HEADING = "Europäische Beteiligung"


def sample() -> AuditResult:
    return (ArticleBuilder()
            .add(ANON, sources=[("Quellen", "anonymous")], hedges=[("soll", "reportative", 2.0)], level="high",
                 mode="according_to")
            .add(VAGUE_VIA, sources=[("Experten", "vague")], via=[("Reuters", "outlet")],
                 hedges=[("schätzen", "estimate", 0.5), ("bis zu", "estimate", 0.5)], level="medium")
            .add(HEADING, heading=True)
            .add(NUMBER, hedges=[("könnte", "epistemic", 1.0)], level="medium")
            .add(PERSON, sources=[("Trump", "person")])
            .add(QUOTE, sources=[("Selenskyj", "person")], quote=True, mode="direct_quote")
            .add(OUTLET, sources=[("Intelligence Online", "outlet")], mode="reported")
            .build())


BASE = """
name = "base"
[[rules]]
id = "anon"
description = "anonymous source"
scope = "sentence"
when = { source_kind = ["anonymous"] }
weight = 5
cap = 20
message = "anonymous: {source}"

[[rules]]
id = "number"
description = "unattributed number"
scope = "sentence"
when = { attributed = false, has_number = true }
weight = 4

[[rules]]
id = "unattributed-share"
description = "many unattributed claims"
scope = "article"
when = { share_unattributed = { above = 0.1 } }
weight = 10
message = "{share_unattributed:.0%} unattributed"
"""
