"""Typed data that flows one way through the pipeline.

source ──ingest──> RawDocument ──extract──> Article ──segment──> [Sentence]
  ──analyse──> [TaggedSentence] ──> AuditResult ──store / report

This module imports nothing else from the project.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SourceKind = Literal[
    "person", "organization", "outlet", "document", "anonymous", "vague", "pronoun"
]
HedgeKind = Literal["reportative", "epistemic", "estimate", "weasel", "negation"]
HedgeLevel = Literal["none", "low", "medium", "high"]
# whose words a hedge cue is: the journalist's, or a speaker's inside a direct quotation
# (kept for the reader, but not counted toward the sentence's hedge level)
HedgeVoice = Literal["journalist", "quoted"]
HEDGE_LEVELS: tuple[HedgeLevel, ...] = ("none", "low", "medium", "high")
# "analysed": tagged (and scored when asked); "unsupported_language": split and
# stored, but no grammar reads the language, so no tags and no score.
ArticleStatus = Literal["analysed", "unsupported_language"]
AttributionMode = Literal[
    "according_to",  # prepositional frame: "laut X", "according to X", "X zufolge"
    "reported_speech",  # verb cue with indirect content: "X said that ..."
    "direct_quote",  # quotation marks around the content
    "carried_over",  # inherits the source of an earlier sentence (Konjunktiv I, "he added")
    "reported",  # source without a cue of its own, e.g. "so X" tail, "heißt es"
]


# The version of the database schema (PRAGMA user_version) and of the JSON
# output ("schema_version"); 2: publications and texts are two things.
SCHEMA_VERSION = 2


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RawDocument(_Model):
    """What ingest hands on: bytes or text plus where they came from."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    origin: str  # URL, file path, "<stdin>" or "file.jsonl:LINE"
    content: bytes | str
    content_type: Literal["html", "text"]
    record_id: str | None = None
    url: str | None = None
    fetched_at: datetime | None = None
    encoding: str | None = None  # charset declared by the server or detected
    # metadata given by a JSON Lines record; overrides what extraction finds
    title: str | None = None
    language: str | None = None
    outlet: str | None = None
    published: str | None = None
    warnings: tuple[str, ...] = ()


class Article(_Model):
    """The text every offset points into, plus its metadata."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    domain: str | None = None
    author: str | None = None
    published: str | None = None
    language: str = "unknown"
    origin: str | None = None
    content_hash: str
    status: ArticleStatus = "analysed"
    warnings: tuple[str, ...] = ()
    # SHA-256 of the raw input (auditor.identity.raw_digest): what a rerun skips by
    raw_digest: str | None = None


class Span(_Model):
    """A stretch of the article text: text == article.text[start:end]."""

    text: str
    start: int
    end: int


class SourceSpan(Span):
    kind: SourceKind
    resolved_to: str | None = None  # for pronouns and carried-over sources: the named source


class Sentence(_Model):
    index: int
    start: int
    end: int
    text: str
    is_heading: bool = False
    paragraph: int = 0


class Attribution(_Model):
    source: SourceSpan | None = None
    cue: Span | None = None
    cue_parts: tuple[Span, ...] = ()  # every piece of a split cue ("deuten … darauf hin")
    via: tuple[SourceSpan, ...] = ()
    mode: AttributionMode = "reported_speech"


class HedgeCue(Span):
    kind: HedgeKind
    weight: float = 1.0
    parts: tuple[Span, ...] = ()  # every piece of a split cue ("sollen … haben")
    voice: HedgeVoice = "journalist"


def journalist_hedges(hedges: tuple[HedgeCue, ...]) -> list[HedgeCue]:
    """The hedges in the journalist's own voice: the ones that count toward the level and the rules."""
    return [h for h in hedges if h.voice == "journalist"]


# --- scoring (auditor.scoring) ----------------------------------------------

RuleScope = Literal["sentence", "article"]


class RuleHit(_Model):
    """One rule that matched: where, how many points, and the rule's message."""

    rule_id: str
    points: float  # points this hit takes off the score (negative: a bonus)
    message: str
    sentence: int | None = None  # Sentence.index; None for an article rule


class ScoreBreakdownRow(_Model):
    """What one rule contributed to an article's score."""

    rule_id: str
    description: str
    scope: RuleScope
    count: int  # how many hits (sentences, or 1 for an article rule)
    points: float  # points taken off in total, after the rule's cap
    examples: tuple[int, ...] = ()  # indices of the first sentences it hit


class ArticleScore(_Model):
    """0 to 100: 100 minus the points of every rule hit, clamped (see README, "Scoring")."""

    value: float
    rule_set: str  # name of the rule set (profile) that scored it
    rule_set_hash: str  # content hash of the effective rules
    outlets_hash: str = ""  # content hash of the outlet ratings used
    breakdown: tuple[ScoreBreakdownRow, ...] = ()
    article_hits: tuple[RuleHit, ...] = ()  # hits of article-scope rules


_SENTENCE_FIELDS = tuple(Sentence.model_fields)


class TaggedSentence(Sentence):
    attributions: tuple[Attribution, ...] = ()
    hedges: tuple[HedgeCue, ...] = ()
    hedge_level: HedgeLevel = "none"
    has_quote: bool = False
    rule_hits: tuple[RuleHit, ...] = ()  # filled by scoring; empty when not scored

    @classmethod
    def of(cls, sentence: Sentence, **tags: Any) -> TaggedSentence:
        """The sentence with its tags. Its fields are read from ``__dict__`` (where a model
        keeps their values, next to any cached property), not model_dump(), which
        serialises: a third of the cost."""
        values = sentence.__dict__
        return cls(**{name: values[name] for name in _SENTENCE_FIELDS}, **tags)


class AuditResult(_Model):
    article: Article
    sentences: tuple[TaggedSentence, ...] = Field(default_factory=tuple)
    analyser_version: str = ""
    score: ArticleScore | None = None  # None when the article was not scored
