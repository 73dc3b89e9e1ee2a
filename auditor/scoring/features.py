"""What scoring rules can test: features of a sentence and of an article.

Computed from an :class:`~auditor.models.AuditResult` and the outlet table,
nothing else: rescoring a stored article gives the same features as scoring
it right after analysis.  The field names of :class:`SentenceFeatures` and
:class:`ArticleFeatures` are the names a rule's ``when`` table uses; their
descriptions are what ``auditor rules features`` prints.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import Any, get_args

from pydantic import BaseModel, ConfigDict, Field

from ..errors import RulesError
from ..models import (
    HEDGE_LEVELS,
    Article,
    AuditResult,
    HedgeCue,
    HedgeLevel,
    TaggedSentence,
    journalist_hedges,
)
from ..resources import rules_dir
from ..sources import normalize_source
from ..summary import source_name, summarise
from .outlets import OutletLookup, OutletTable

NAMED_KINDS = frozenset({"person", "organization", "outlet", "document"})


class _Features(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SentenceFeatures(_Features):
    is_heading: bool = Field(description="the sentence is a heading")
    attributed: bool = Field(description="the sentence has at least one attribution")
    source_kind: frozenset[str] = Field(description="kinds of its sources: person, organization, outlet, "
                                        "document, anonymous, vague, pronoun")
    n_sources: int = Field(description="distinct sources cited (relays in a via chain not counted)")
    via_length: int = Field(description="length of the longest via chain (0: cited first-hand)")
    mode: frozenset[str] = Field(description="attribution modes: according_to, reported_speech, "
                                 "direct_quote, carried_over, reported")
    direct_quote: bool = Field(description="the sentence quotes someone directly")
    hedge_level: HedgeLevel = Field(description="hedge level: none < low < medium < high")
    hedge_kind: frozenset[str] = Field(description="kinds of its hedge cues: reportative, epistemic, "
                                       "estimate, weasel, negation")
    has_number: bool = Field(description="the sentence states a number or quantity (\"40.000 Soldaten\", "
                             "\"up to 100,000\", \"fünf bis acht\"); years and dates do not count")
    cites_outlet: bool = Field(description="a source or relay is a media outlet")
    cited_outlet_rating: float | None = Field(description="lowest rating (0..1) of the rated outlets it cites; "
                                              "unrated when none is rated")
    cites_unrated_outlet: bool = Field(description="it cites an outlet that no ratings table rates")


class ArticleFeatures(_Features):
    claims: int = Field(description="sentences that are not headings")
    attributed: int = Field(description="claims with at least one attribution")
    unattributed: int = Field(description="claims without any attribution")
    anonymous: int = Field(description="claims with an anonymous source")
    vague: int = Field(description="claims with a vague source")
    hedged: int = Field(description="claims whose hedge level is above none")
    numbers: int = Field(description="claims that state a number or quantity")
    unattributed_numbers: int = Field(description="claims that state a number or quantity and cite no one")
    share_attributed: float = Field(description="attributed / claims (0 when there are no claims)")
    share_unattributed: float = Field(description="unattributed / claims")
    share_anonymous: float = Field(description="anonymous / claims")
    share_vague: float = Field(description="vague / claims")
    share_hedged: float = Field(description="hedged / claims")
    named_sources: int = Field(description="distinct named sources (person, organization, outlet, document; "
                               "relays included), as in the report's source table")
    share_top_source: float = Field(description="share of claims resting on the one most-cited source")
    share_single_source: float = Field(description="share of claims that cite exactly one source")
    publisher_rating: float | None = Field(description="rating of the article's own outlet (its domain); "
                                           "unrated when unknown")
    lowest_cited_outlet_rating: float | None = Field(description="lowest rating among the outlets the "
                                                     "article cites; unrated when none is rated")
    unrated_outlets: int = Field(description="distinct cited outlets that no ratings table rates")


# Placeholders a rule message may use besides the features of its scope.
SENTENCE_EXTRAS = {
    "source": "the first source's name (a pronoun's antecedent)",
    "sources": "the names of all its sources",
    "outlets": "the outlets it cites, with their ratings",
    "hedges": "its hedge cues",
}
ARTICLE_EXTRAS = {
    "top_source": "the most-cited source's name",
    "publisher": "the article's outlet or domain",
}


# --- numbers and quantities ---------------------------------------------------


@dataclass(frozen=True)
class QuantityWords:
    number_words: frozenset[str]
    months: frozenset[str]

    @property
    def number_word_pattern(self) -> re.Pattern[str] | None:
        return _number_word_pattern(self.number_words)


_WORD_SHAPE = re.compile(r"[^\W\d_]+\.?")


@cache
def _number_word_pattern(number_words: frozenset[str]) -> re.Pattern[str] | None:
    """One regex finding any of the number words as a whole word (what has_number's
    word-by-word test finds, in one scan); None when a number word is not a plain word."""
    if not number_words or not all(_WORD_SHAPE.fullmatch(w) for w in number_words):
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(number_words, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{alternatives})(?![^\W\d_])")


@cache
def quantity_words(language: str) -> QuantityWords:
    """Number words and month names of a language (all languages merged for an unknown one)."""
    path = rules_dir() / "quantities.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise RulesError(str(path), f"cannot read: {error}") from None
    tables = [data[language]] if language in data else list(data.values())
    return QuantityWords(
        number_words=frozenset(w.casefold() for t in tables for w in t.get("number_words", [])),
        months=frozenset(w.casefold().rstrip(".") for t in tables for w in t.get("months", [])),
    )


# "40.000", "100,000", "7,40", "2.3", "12 %" (thin and no-break spaces as thousands separators).
# The first digit comes before the look-behind (not preceded by a word character, dot or
# comma): a pattern that starts with a digit lets the regex engine skip to the digits.
_NUMBER = re.compile(r"\d(?<![\w.,]\d)\d*(?:[.,\u00a0\u202f]\d{3})*(?:[.,]\d+)?(?![\w])")
_WORD = re.compile(r"[^\W\d_]+\.?|\S", re.UNICODE)
_TIME = re.compile(r"^\d{1,2}[:.]\d{2}$")
# a clock time with a colon ("13:00", "3:45:10") or a date in digits ("28.04.2020",
# "4/28/20", "2020-04-28"): a dateline or a timestamp, not a quantity
_DATE_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b|\b\d{1,2}([./])\d{1,2}\1(?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b")


def _is_date_or_year(text: str, match: re.Match, months: frozenset[str]) -> bool:
    token = match.group()
    if token.isdigit() and len(token) == 4 and 1800 <= int(token) <= 2199:
        return True  # a year: "im Februar 2024"
    if _TIME.match(token) and text[match.end():match.end() + 4].strip().casefold().startswith(("uhr", "h")):
        return True  # "14.30 Uhr"
    if not (token.rstrip(".").isdigit() and int(token.rstrip(".")) <= 31):
        return False
    after = text[match.end():].lstrip(". ").split(" ", 1)[0].strip(",;:.").casefold()
    before = text[:match.start()].rstrip().rsplit(" ", 1)[-1].strip(",;:.").casefold()
    return after in months or before in months  # "14. März", "14 March", "March 14"


def has_number(text: str, language: str) -> bool:
    """Does the text state a number or quantity?  Years, days of the month, dates in
    digits and clock times do not count: "| 20. April 2020 | 13:00 Uhr" is a dateline."""
    words = quantity_words(language)
    text = _DATE_TIME.sub(" ", text)
    for match in _NUMBER.finditer(text):
        if not _is_date_or_year(text, match, words.months):
            return True
    # one regex scan, not a loop over the words: that was a fifth of scoring's time
    folded = text.casefold()
    if (pattern := words.number_word_pattern) is not None:
        return pattern.search(folded) is not None
    tokens = set(_WORD.findall(folded))
    if not words.number_words.isdisjoint(tokens):
        return True
    return not words.number_words.isdisjoint(token.rstrip(".") for token in tokens if token.endswith("."))


# --- sentences -----------------------------------------------------------------


@dataclass(frozen=True)
class SentenceFacts:
    """A sentence's features plus what its rule messages may say about it."""

    index: int
    features: SentenceFeatures
    outlets: tuple[OutletLookup, ...]  # outlets it cites, in order, once each
    names: tuple[str, ...]  # its sources' names, in order, once each
    hedges: tuple[HedgeCue, ...]

    @cached_property
    def extras(self) -> dict[str, str]:
        """The message placeholders beyond the features; built only for a sentence that hits a rule."""
        return {
            "source": self.names[0] if self.names else "",
            "sources": ", ".join(self.names),
            "outlets": ", ".join(_describe_outlet(o) for o in self.outlets),
            "hedges": ", ".join('"' + (" … ".join(p.text for p in h.parts) if h.parts else h.text) + '"'
                                for h in self.hedges),
        }


def _cited_outlets(sentence: TaggedSentence, outlets: OutletTable) -> tuple[OutletLookup, ...]:
    """Sources and relays that are outlets: tagged as one, or known to the alias list."""
    found: dict[str, OutletLookup] = {}
    for attribution in sentence.attributions:
        spans = ([attribution.source] if attribution.source else []) + list(attribution.via)
        for span in spans:
            name = source_name(span)
            if span.kind == "outlet" or outlets.knows(name):
                found.setdefault(normalize_source(name)[1], outlets.lookup(name))
    return tuple(found.values())


def _describe_outlet(outlet: OutletLookup) -> str:
    return f"{outlet.name} ({outlet.rating:.2f})" if outlet.rated else f"{outlet.name} (unrated)"


@lru_cache(maxsize=10_000)
def _sentence_features(**values: Any) -> SentenceFeatures:
    """One model per distinct features: a corpus has only hundreds of them (flags, kinds,
    levels), and validating a new one for every sentence was a tenth of scoring's time."""
    return SentenceFeatures(**values)


def sentence_facts(sentence: TaggedSentence, article: Article, outlets: OutletTable) -> SentenceFacts:
    sources = [a.source for a in sentence.attributions if a.source is not None]
    names = list(dict.fromkeys(normalize_source(source_name(s))[0] for s in sources))
    cited = _cited_outlets(sentence, outlets)
    ratings = [o.rating for o in cited if o.rating is not None]
    features = _sentence_features(
        is_heading=sentence.is_heading,
        attributed=bool(sentence.attributions),
        source_kind=frozenset(s.kind for s in sources),
        n_sources=len(names),
        via_length=max((len(a.via) for a in sentence.attributions), default=0),
        mode=frozenset(a.mode for a in sentence.attributions),
        direct_quote=sentence.has_quote or any(a.mode == "direct_quote" for a in sentence.attributions),
        hedge_level=sentence.hedge_level,
        hedge_kind=frozenset(h.kind for h in journalist_hedges(sentence.hedges)),
        has_number=has_number(sentence.text, article.language),
        cites_outlet=bool(cited),
        cited_outlet_rating=min(ratings) if ratings else None,
        cites_unrated_outlet=any(not o.rated for o in cited),
    )
    return SentenceFacts(index=sentence.index, features=features, outlets=cited, names=tuple(names),
                         hedges=tuple(journalist_hedges(sentence.hedges)))


# --- articles --------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleFacts:
    features: ArticleFeatures
    extras: dict[str, str]


def _publisher(article: Article, outlets: OutletTable) -> tuple[str, float | None]:
    """The article's own outlet and its rating: by domain or URL first, else by the outlet's name."""
    for where in (article.domain, article.url):
        if where:
            row = outlets.rating_for(where)
            if row is not None:
                return article.outlet or row.domain, row.rating
    if article.outlet:
        lookup = outlets.lookup(article.outlet)
        return article.outlet, lookup.rating
    return article.domain or "", None


def article_facts(result: AuditResult, sentences: Sequence[SentenceFacts], outlets: OutletTable) -> ArticleFacts:
    summary = summarise(result)
    claims = [f.features for f in sentences if not f.features.is_heading]
    n = len(claims)

    def share(count: int) -> float:
        return count / n if n else 0.0

    numbers = sum(1 for f in claims if f.has_number)
    unattributed_numbers = sum(1 for f in claims if f.has_number and not f.attributed)
    top = summary.sources[0] if summary.sources else None
    cited: dict[str, OutletLookup] = {}
    for facts in sentences:
        for outlet in facts.outlets:
            cited.setdefault(normalize_source(outlet.name)[1], outlet)
    ratings = [o.rating for o in cited.values() if o.rating is not None]
    publisher, publisher_rating = _publisher(result.article, outlets)
    features = ArticleFeatures(
        claims=n,
        attributed=summary.attributed,
        unattributed=summary.unattributed,
        anonymous=summary.anonymous,
        vague=summary.vague,
        hedged=summary.hedged,
        numbers=numbers,
        unattributed_numbers=unattributed_numbers,
        share_attributed=share(summary.attributed),
        share_unattributed=share(summary.unattributed),
        share_anonymous=share(summary.anonymous),
        share_vague=share(summary.vague),
        share_hedged=share(summary.hedged),
        named_sources=sum(1 for s in summary.sources if s.kind in NAMED_KINDS),
        share_top_source=share(top.sentences) if top else 0.0,
        share_single_source=share(sum(1 for f in claims if f.n_sources == 1)),
        publisher_rating=publisher_rating,
        lowest_cited_outlet_rating=min(ratings) if ratings else None,
        unrated_outlets=sum(1 for o in cited.values() if not o.rated),
    )
    extras = {"top_source": top.name if top else "", "publisher": publisher}
    return ArticleFacts(features=features, extras=extras)


# --- what rules may name --------------------------------------------------------


def feature_names(model: type[_Features]) -> tuple[str, ...]:
    return tuple(model.model_fields)


def feature_kind(model: type[_Features], name: str) -> str:
    """"bool", "count", "share", "rating", "level" or "set": decides which tests a condition allows."""
    annotation = model.model_fields[name].annotation
    if annotation is bool:
        return "bool"
    if annotation is int:
        return "count"
    if annotation is float:
        return "share"
    if annotation == float | None:
        return "rating"
    if set(get_args(annotation)) == set(HEDGE_LEVELS):
        return "level"
    return "set"


_SAMPLES: dict[str, Any] = {"bool": True, "count": 2, "share": 0.5, "rating": 0.5, "level": "medium",
                            "set": "anonymous, vague"}


def placeholder_samples(model: type[_Features], extras: dict[str, str]) -> dict[str, Any]:
    """A value of the right type for every placeholder, to try a message template on."""
    samples = {name: _SAMPLES[feature_kind(model, name)] for name in model.model_fields}
    samples.update(dict.fromkeys(extras, "text"))
    return samples


def placeholder_values(features: _Features, extras: dict[str, str]) -> dict[str, Any]:
    """Feature values as a message shows them: sets joined, an unrated rating as "unrated"."""
    values: dict[str, Any] = {}
    for name in type(features).model_fields:
        value = getattr(features, name)
        if isinstance(value, frozenset):
            value = ", ".join(sorted(value))
        elif value is None:
            value = "unrated"
        values[name] = value
    values.update(extras)
    return values
