"""RawDocument -> Article: the text every later offset points into, plus metadata.

Plain text is taken exactly as given. For HTML, trafilatura finds the main
text (favor_precision: on our pages it kept every article paragraph and let
less boilerplate through than the default or favor_recall); `metadata` reads
JSON-LD, Open Graph and <meta> from one lxml parse; BeautifulSoup is the
fallback when trafilatura finds nothing or fails on hostile markup. The text is what a browser
shows: a newline in the page source is a space, only <br> breaks a line;
furniture that trafilatura keeps is dropped by its shape (`furniture`), and
the lead it drops is put back (`lead`).
"""

from __future__ import annotations

import hashlib
import logging
import re
from itertools import islice
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit
from warnings import WarningMessage, catch_warnings, simplefilter

from bs4 import BeautifulSoup, NavigableString, Tag
from lxml import etree

from auditor.errors import ExtractError, InputError
from auditor.inputs.decode import decode_bytes, html_meta_charset, text_problem
from auditor.furniture import without_furniture
from auditor.lead import with_lead
from auditor.language import UNKNOWN, detect_language, supported_languages
from auditor.metadata import PageMetadata, absolute_url, choose, clean, page_metadata
from auditor.models import Article, RawDocument

# trafilatura logs "empty HTML tree" and the like at ERROR; we report the same
# through ExtractError and Article.warnings. A NullHandler keeps Python's
# last-resort handler from printing them, yet an application that configures
# logging still receives them.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
_log = logging.getLogger(__name__)

MAX_HTML_CHARS = 10_000_000  # as inputs.MAX_FILE_BYTES: the memory of a page's text
# trafilatura spends ~50 µs per element; news pages have a few thousand, so a
# page beyond this is hostile (or not an article) and would stall a bulk run
MAX_HTML_TAGS = 50_000
# elements of trafilatura's output tree that hold running text
_TEXT_BLOCKS = ("head", "p", "item", "quote", "code", "cell")
_LINE_BREAK = "lb"  # trafilatura's <br>
# the bs4 fallback reads these, after dropping page furniture
_FALLBACK_BLOCKS = frozenset({"p", "h1", "h2", "h3", "li", "blockquote"})
_FURNITURE = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form"]
_MAX_BLOCK_SEARCH = 32  # ancestors walked to find a string's block; bounded for deep trees

_TAG = re.compile(r"<[A-Za-z]")
_LANGUAGE_CODE = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*")
_SPACES = re.compile(r"[ \t\r\f\v]+")


def extract(raw: RawDocument, *, language: str | None = None) -> Article:
    """Text and metadata of one document; `language` overrides everything else."""
    # bs4, trafilatura, htmldate and lxml warn through `warnings`, which would print
    # a dozen lines into the reviewer's terminal (and through bulk's progress bar);
    # "default" records each warning once per place, however often a page sets it off
    with catch_warnings(record=True) as caught:
        simplefilter("default")
        text, meta, found = _from_text(raw) if raw.content_type == "text" else _from_html(raw)
    _log_third_party(caught)
    text, nul_warnings = _without_nul(text)
    if problem := text_problem(text):  # nothing but NUL characters
        raise InputError(raw.origin, problem)
    lang, lang_warnings = _choose_language(text, language, raw.language, meta.language)
    digest = content_hash(text)
    url = raw.url or meta.url
    return Article(
        id=raw.record_id or digest[:16],
        text=text,
        title=raw.title or meta.title,
        url=url,
        outlet=raw.outlet or meta.outlet,
        domain=domain_of(url),
        author=meta.author,
        published=raw.published or meta.published,
        language=lang,
        origin=raw.origin,
        content_hash=digest,
        warnings=(*raw.warnings, *found, *nul_warnings, *lang_warnings),
    )


def _log_third_party(caught: list[WarningMessage]) -> None:
    """None of them tells the reviewer anything about the article: bs4's
    XMLParsedAsHTMLWarning, for one, fires on every XHTML page with an <?xml?>
    prolog, which lxml's HTML parser reads correctly. Kept for debugging only."""
    for warning in caught:
        _log.debug("%s: %s", warning.category.__name__, warning.message)


def _without_nul(text: str) -> tuple[str, list[str]]:
    """NUL characters past the binary check's first 8 KB: no article holds them,
    and SQLite's C API and terminals cut strings at them."""
    if "\x00" not in text:
        return text, []
    count = text.count("\x00")
    return text.replace("\x00", ""), [f"removed {count} NUL character{'s' if count != 1 else ''}"]


def content_hash(text: str) -> str:
    """Article.content_hash: SHA-256 of the text, what a bulk run skips stored articles by."""
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def domain_of(url: str | None) -> str | None:
    """Host name without a leading "www.", lower case."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


# ---------------------------------------------------------------- text


def _from_text(raw: RawDocument) -> tuple[str, PageMetadata, list[str]]:
    warnings: list[str] = []
    if isinstance(raw.content, str):
        text = raw.content  # exactly as given: offsets point into it
    else:
        decoded = decode_bytes(raw.content, [raw.encoding])
        text, warnings = decoded.text, list(decoded.warnings)
    if problem := text_problem(text):
        raise InputError(raw.origin, problem)
    return text, PageMetadata(), warnings


# ---------------------------------------------------------------- HTML


def _from_html(raw: RawDocument) -> tuple[str, PageMetadata, list[str]]:
    html, warnings = _html_string(raw)
    _check_html_limits(raw.origin, html)
    tree = _parse(html)
    declared = page_metadata(tree, html)
    document = _run_trafilatura(_trafilatura(raw.origin), html, raw.url, warnings)
    blocks = _body_blocks(document.body) if document is not None and document.body is not None else []
    if blocks:
        blocks = with_lead(blocks, declared.meta.descriptions, tree)
    text = "\n\n".join(text for _, text in blocks)
    if not text:
        text = _fallback_text(raw.origin, html)
        if text:
            warnings.append("main text not found by trafilatura; used every paragraph of the page")
    if not text:
        raise ExtractError(raw.origin, "no article text found in HTML")
    meta = choose(declared, _trafilatura_metadata(document), raw.url)
    return text, meta, warnings


def _parse(html: str) -> etree._Element | None:
    """The page as lxml reads it (the parser trafilatura and bs4 use too), for its
    metadata and its visible text; None when nothing can be read."""
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        return etree.fromstring(html.encode("utf-8", errors="replace"), parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def _trafilatura_metadata(document: Any) -> PageMetadata:
    if document is None:
        return PageMetadata()
    return PageMetadata(
        title=clean(document.title),
        author=clean(document.author),
        published=clean(document.date),
        outlet=clean(document.sitename),
        url=absolute_url(document.url),
    )


def _html_string(raw: RawDocument) -> tuple[str, list[str]]:
    if isinstance(raw.content, str):
        return raw.content, []
    # the server's charset outranks the page's own <meta charset>
    decoded = decode_bytes(raw.content, [raw.encoding, html_meta_charset(raw.content)])
    return decoded.text, list(decoded.warnings)


def _check_html_limits(origin: str, html: str) -> None:
    if len(html) > MAX_HTML_CHARS:
        raise ExtractError(origin, f"HTML larger than {MAX_HTML_CHARS} characters")
    tags = sum(1 for _ in islice(_TAG.finditer(html), MAX_HTML_TAGS + 1))
    if tags > MAX_HTML_TAGS:
        raise ExtractError(origin, f"HTML has more than {MAX_HTML_TAGS} tags; too complex to extract")


def _trafilatura(origin: str) -> ModuleType:
    """trafilatura, imported on the first HTML page: it takes a third of a second
    and text input never needs it. An install that lacks a part of its import
    chain (lxml >= 5.2 without lxml_html_clean) cannot read HTML: one line, not a traceback."""
    try:
        import trafilatura
    except ImportError as exc:
        raise ExtractError(origin, f"cannot read HTML: trafilatura does not import ({exc}); "
                                   "reinstall auditor to get its dependencies") from None
    return trafilatura


def _run_trafilatura(trafilatura: ModuleType, html: str, url: str | None, warnings: list[str]) -> Any:
    try:
        return trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            # dates from markup only: searching the body text is slow (dateparser)
            # and tends to return a date the story merely mentions
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception as exc:  # noqa: BLE001 - heuristics on hostile markup: any failure means "use the fallback"
        warnings.append(f"trafilatura failed ({type(exc).__name__})")
        return None


def _body_blocks(body: etree._Element) -> list[tuple[str, str]]:
    """trafilatura's output tree as (tag, text) blocks, <lb/> as a newline, furniture dropped."""
    blocks: list[tuple[str, str]] = []  # (tag, text)
    for block in body.iter(*_TEXT_BLOCKS):
        if next(block.iterdescendants(*_TEXT_BLOCKS), None) is not None:
            continue  # e.g. <quote><p>: the inner blocks are taken themselves
        lines = _block_lines(block)
        if block.tag != "code":  # a browser shows a newline in the source as a space
            lines = [" ".join(line.split()) for line in lines]
        if text := _clean_block("\n".join(lines)):
            blocks.append((block.tag, text))
    return without_furniture(blocks)


def _block_lines(block: etree._Element) -> list[str]:
    """The block's text cut at its <lb/> elements (the page's <br>), and only there."""
    lines: list[str] = []
    parts: list[str] = []
    for event, element in etree.iterwalk(block, events=("start", "end")):
        if event == "start":
            if element.tag == _LINE_BREAK:
                lines.append("".join(parts))
                parts = []
            elif element.text:
                parts.append(element.text)
        elif element is not block and element.tail:
            parts.append(element.tail)
    lines.append("".join(parts))
    return lines


def _clean_block(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _fallback_text(origin: str, html: str) -> str:
    """Every paragraph and heading outside page furniture, in document order."""
    try:
        soup = BeautifulSoup(html, "lxml")
        for tag in soup.find_all(_FURNITURE):
            if not tag.decomposed:
                tag.decompose()
        blocks: dict[int, list[str]] = {}  # block element id -> its strings, in order
        for string in soup.find_all(string=True):
            if type(string) is NavigableString and (block := _enclosing_block(string)) is not None:
                blocks.setdefault(id(block), []).append(str(string))
    except RecursionError:
        raise ExtractError(origin, "HTML is nested too deeply to extract") from None
    texts = (" ".join("".join(parts).split()) for parts in blocks.values())
    return "\n\n".join(text for text in texts if text)


def _enclosing_block(string: NavigableString) -> Tag | None:
    for parent in islice(string.parents, _MAX_BLOCK_SEARCH):
        if parent.name in _FALLBACK_BLOCKS:
            return parent
    return None


# ---------------------------------------------------------------- language


def _choose_language(
    text: str, override: str | None, given: str | None, page_claim: str | None
) -> tuple[str, list[str]]:
    """Explicit choice first (argument, then the record's), else detection, else
    what the page says about itself; warns when the result is not analysable."""
    warnings: list[str] = []
    language = None
    for candidate in filter(None, (override, given)):
        if language := _language_code(candidate):
            break
        warnings.append(f"ignored invalid language code {candidate!r}")
    if language is None:
        language = detect_language(text)
    if language == UNKNOWN and page_claim:
        language = _language_code(page_claim) or UNKNOWN
    if language == UNKNOWN:
        warnings.append("could not detect the language: stored without analysis, not scored")
    elif language not in supported_languages():
        warnings.append(f"unsupported language {language!r}: stored without analysis, not scored")
    return language, warnings


def _language_code(value: str) -> str | None:
    """ "de", "DE", "de-AT", "de_DE" -> "de"; anything else -> None."""
    value = value.strip()
    if value.lower() == UNKNOWN:
        return UNKNOWN
    match = _LANGUAGE_CODE.fullmatch(value)
    return match.group(1).lower() if match else None
