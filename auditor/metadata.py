"""A page's metadata (JSON-LD, Open Graph, <meta>), and who is its outlet and its author.

Read from one lxml parse of the page (the tree `extract` also searches for the
lead paragraph). The outlet is the name the page declares for itself when the
URL's registered domain confirms it ("ZEIT ONLINE" on zeit.de, "The New York
Times" on nytimes.com); a declared name the domain does not back - a section
("U.S.", "World"), a profile URL - gives way to one that it does, to the
outlet's name in ``rules/outlet_aliases.toml``, or to the domain itself when
``rules/outlets.csv`` rates it. An author is a person: the outlet's own name
or a domain in the author field ("tagesschau.de", "BBC News") is no author.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from auditor.lexicon import load_outlet_aliases
from auditor.scoring.outlets import load_outlets

MAX_JSONLD_CHARS = 1_000_000
ARTICLE_TYPES = frozenset({
    "Article", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle",
    "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle",
    "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "Report",
})  # fmt: skip
DESCRIPTION_KEYS = ("og:description", "description", "twitter:description")

_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)""", re.IGNORECASE)
_MARKUP = re.compile(r"<[A-Za-z/!]")
_TRAILING_COMMA = re.compile(r",\s*([\]}])")
_HTML_COMMENT_WRAP = re.compile(r"^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$")
_NAME_PART = re.compile(r"[^\W_]+")
# "tagesschau.de", "www.dw.com" inside a name: a site, not a person ("Dr. Roth" has a space)
_DOMAIN_IN_NAME = re.compile(r"\b[^\W_][\w-]*\.[a-z]{2,}\b", re.IGNORECASE)
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e", "à": "a", "ç": "c"})
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "or", "ne", "go", "edu"})  # bbc.co.uk


@dataclass(frozen=True)
class PageMetadata:
    title: str | None = None
    author: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None  # the page's own claim (<html lang>, og:locale)
    descriptions: tuple[str, ...] = ()  # the page's summaries of itself, best first

    def or_else(self, other: PageMetadata) -> PageMetadata:
        """Field by field: ours if set, else the other's."""
        return PageMetadata(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})


@dataclass(frozen=True)
class Declared:
    """What the page and trafilatura say, before outlet and author are chosen."""

    meta: PageMetadata
    outlets: tuple[str, ...]  # outlet names, best first
    authors: tuple[str, ...]


def page_metadata(tree: etree._Element | None, html: str) -> Declared:
    """Everything the page's <meta>, <link rel=canonical> and JSON-LD say about it."""
    if tree is None:
        return Declared(PageMetadata(), (), ())
    meta = _meta_tags(tree)
    article, index = _jsonld_article(tree)
    canonical = next((link.get("href") for link in tree.iter("link")
                      if "canonical" in (link.get("rel") or "").lower().split()), None)
    lang_match = _HTML_LANG.search(html[:4096])
    found = PageMetadata(
        title=first(article.get("headline"), meta.get("og:title"), meta.get("twitter:title")),
        published=first(article.get("datePublished"), meta.get("article:published_time"), meta.get("date"),
                        meta.get("dc.date.issued"), meta.get("dc.date"), meta.get("pubdate")),
        url=absolute_url(first(meta.get("og:url"), canonical)),
        language=first(lang_match.group(1) if lang_match else None, meta.get("og:locale")),
        descriptions=tuple(dict.fromkeys(filter(None, (
            clean(article.get("description")), *(clean(meta.get(key)) for key in DESCRIPTION_KEYS))))),
    )
    outlets = (meta.get("og:site_name"), _names(article.get("publisher"), index), meta.get("publisher"))
    authors = (_names(article.get("author"), index), _not_url(clean(meta.get("author"))))
    return Declared(found, _present(outlets), _present(authors))


def choose(declared: Declared, fallback: PageMetadata, url: str | None) -> PageMetadata:
    """The page's metadata with its outlet and author chosen; trafilatura's fills the gaps."""
    url = url or declared.meta.url or fallback.url
    label = registered_label(url)
    site = fallback.outlet if not _made_from(fallback.outlet, url) else None
    outlet = choose_outlet((*declared.outlets, *_present((site,))), label, registered_domain(url))
    chosen = PageMetadata(outlet=outlet, author=choose_author((*declared.authors, *_present((fallback.author,))),
                                                              (*declared.outlets, outlet or "")))
    return chosen.or_else(declared.meta).or_else(PageMetadata(title=fallback.title, published=fallback.published,
                                                              url=fallback.url))


# ---------------------------------------------------------------- outlet and author


def choose_outlet(names: tuple[str, ...], label: str | None, domain: str | None) -> str | None:
    """The first name the domain confirms; else the domain's alias or, when it is a
    rated outlet, the domain; else the first name declared; else the domain."""
    names = tuple(name for name in names if not _is_url(name))
    if label:
        confirmed = next((name for name in names if names_domain(name, label)), None)
        if confirmed:
            return confirmed
        if domain and (alias := domain_aliases().get(domain)):
            return alias
        if domain and load_outlets().rating_for(domain) is not None:
            return domain
    return names[0] if names else domain


def names_domain(name: str, label: str) -> bool:
    """Whether the registered domain's label spells the name: each word whole, by a
    prefix or its initial, or left out ("nytimes" <- The New York Times, "faz" <-
    Frankfurter Allgemeine Zeitung, "spiegel" <- SPIEGEL ONLINE; not "reuters" <- U.S.)."""
    words = _NAME_PART.findall(name.lower().translate(_FOLD))
    reachable = {0}  # positions of the label spelled so far
    for word in words:
        reachable |= {at + size for at in reachable for size in range(1, len(word) + 1)
                      if label.startswith(word[:size], at)}
    return len(label) in reachable


def choose_author(names: tuple[str, ...], outlets: tuple[str, ...]) -> str | None:
    """The first name that is a person's. Trafilatura rewrites a rejected field
    ("mdr.de" -> "Mdr De"): a name made only of the words of outlets and of names
    rejected before it is rejected too."""
    not_people = {outlet.lower() for outlet in outlets if outlet}
    rejected = set().union(*(_name_words(outlet) for outlet in not_people))
    for name in names:
        if is_person_name(name, not_people) and not _name_words(name) <= rejected:
            return name
        rejected |= _name_words(name)
    return None


def is_person_name(name: str, outlet_names: set[str]) -> bool:
    """Not a URL, not a domain, not the outlet ("SPIEGEL ONLINE, Hamburg, Germany")."""
    lower = name.lower()
    return not (_is_url(name) or _DOMAIN_IN_NAME.search(name)
                or any(lower == outlet or lower.startswith(f"{outlet},") for outlet in outlet_names))


def _name_words(name: str) -> set[str]:
    return set(_NAME_PART.findall(name.lower()))


def _made_from(name: str | None, url: str | None) -> bool:
    """A site name trafilatura made from the URL ("Timesofisrael", "example.org"), not one the page declares."""
    domain, label = registered_domain(url), registered_label(url)
    if not (name and domain and label):
        return False
    return name.lower().removeprefix("www.") in (label, domain) and name in (label.capitalize(), name.lower())


def registered_domain(url: str | None) -> str | None:
    """ "https://edition.cnn.com/x" -> "cnn.com"; "news.bbc.co.uk" -> "bbc.co.uk"."""
    if not url:
        return None
    try:
        host = urlsplit(url if "://" in url else f"http://{url}").hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def registered_label(url: str | None) -> str | None:
    """The name part of the registered domain, without hyphens: "riverside-chronicle.example" -> "riversidechronicle"."""
    domain = registered_domain(url)
    return domain.split(".")[0].replace("-", "") if domain else None


@lru_cache(maxsize=1)
def domain_aliases() -> dict[str, str]:
    """Domain -> the first name ``rules/outlet_aliases.toml`` lists for it (read as the tagger reads it)."""
    found: dict[str, str] = {}
    for name, domain in load_outlet_aliases().items():
        if isinstance(domain, str):
            found.setdefault(domain.lower().removeprefix("www."), name)
    return found


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://", "/", "www."))


def _present(values: tuple[str | None, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value for value in (clean(v) for v in values) if value))


# ---------------------------------------------------------------- <meta> and JSON-LD


def _meta_tags(tree: etree._Element) -> dict[str, str]:
    """<meta property|name|itemprop=... content=...>, keys lower case, first one wins."""
    found: dict[str, str] = {}
    for tag in tree.iter("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        content = tag.get("content")
        if key and content and content.strip():
            found.setdefault(key.strip().lower(), content.strip())
    return found


def _jsonld_article(tree: etree._Element) -> tuple[dict[str, Any], dict[str, Any]]:
    """The first schema.org article node ({} if none) and every node by "@id",
    to resolve references such as "publisher": {"@id": "#org"}."""
    nodes = [
        node
        for script in tree.iter("script")
        if "ld+json" in (script.get("type") or "").lower()
        for node in _jsonld_nodes(_loads_lenient(script.text or ""))
    ]
    index = {node["@id"]: node for node in nodes if isinstance(node.get("@id"), str)}
    article = next((node for node in nodes if _jsonld_types(node) & ARTICLE_TYPES), {})
    return article, index


def _loads_lenient(text: str) -> Any:
    """JSON-LD as found in the wild: wrapped in comments, with trailing commas."""
    text = _HTML_COMMENT_WRAP.sub("", text.strip())
    if not text or len(text) > MAX_JSONLD_CHARS:
        return None
    for candidate in (text, _TRAILING_COMMA.sub(r"\1", text)):
        try:
            return json.loads(candidate, strict=False)
        except (ValueError, RecursionError):
            continue
    return None


def _jsonld_nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Top-level objects and the members of an "@graph"."""
    for item in data if isinstance(data, list) else [data]:
        if isinstance(item, dict):
            yield item
            graph = item.get("@graph")
            if isinstance(graph, list):
                yield from (node for node in graph if isinstance(node, dict))


def _jsonld_types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    if isinstance(kind, str):
        return {kind}
    return {k for k in kind if isinstance(k, str)} if isinstance(kind, list) else set()


def _names(value: Any, index: dict[str, Any]) -> str | None:
    """ "name" of a person/organisation, a reference to one, or a list of them."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("@id"), str) and "name" not in item:
            item = index.get(item["@id"], item)
        name = item.get("name") if isinstance(item, dict) else item
        if (name := _not_url(clean(name))) and name not in names:
            names.append(name)
    return "; ".join(names) or None


def first(*values: Any) -> str | None:
    return next((value for value in (clean(v) for v in values) if value), None)


def clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    # an unclosed attribute quote swallows the following tags into the value
    return value if value and not _MARKUP.search(value) else None


def _not_url(value: str | None) -> str | None:
    """article:author and friends often hold a profile URL rather than a name."""
    return None if value is None or _is_url(value) else value


def absolute_url(value: str | None) -> str | None:
    value = clean(value)
    return value if value and value.lower().startswith(("http://", "https://")) else None
