"""Split article text into sentences with exact character offsets.

Rule based, linear time, no third-party segmenter.  The word lists
(abbreviations, titles, sentence openers, month names, speech cues) and
the per-language switches are data in ``rules/segment.toml`` (or, for a
language plug-in, the ``segmentation`` it brings); this module holds only
the rules.

How it works:

1. The text is cut into lines: every newline ends a sentence, and every
   non-blank line is its own paragraph.
2. Inside a line, every run of ``.``, ``!``, ``?`` or ``…`` is a candidate
   boundary, together with the closing quotes or brackets right after it
   (``gut.“``).  A candidate needs whitespace after it, except for a
   glued full stop such as ``gescheitert.Die``.
3. The candidate is accepted or rejected by looking at the word before the
   punctuation (abbreviation? initial? ordinal number?) and the word after
   it (lower case? a month name? a typical sentence opener?).
4. Where the rules file says so (German news), ``;`` and ``:`` before an
   independent clause end a sentence too; a colon that introduces a
   quotation after a speech verb (``X sagte: „…“``) does not, so that the
   attribution stays in one sentence.
5. A short line without final punctuation that forms a single sentence is
   flagged as a heading.

Every step looks at a bounded window around a candidate or scans forward
once, so the run time is linear in the length of the text.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from auditor.analyse import registry
from auditor.errors import RulesError
from auditor.language import detect_language
from auditor.models import Sentence
from auditor.resources import rules_dir

__all__ = ["clear_cache", "iter_sentences", "split_sentences"]

_RULES_FILE = "segment.toml"

# A "line" is a maximal run without any line-breaking character.
_LINE_RE = re.compile(r"[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
# Candidate sentence-final punctuation (one run is one candidate).
_TERM_RE = re.compile(r"[.!?…‽]+")
_TERM_CLAUSE_RE = re.compile(r"[.!?…‽]+|[:;]")
_DOMAIN_TAIL_RE = re.compile(r"[^\s.]*\.[^\W\d_]")  # "Spiegel.de" in "www.Spiegel.de"
_SENTENCE_END_RE = re.compile(r"(?<![\d\s])[.!?…]")  # not "am 8. Juli"
_SPACE_RE = re.compile(r"\s+")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
# "z.B", "U.S", "Ph.D", "u.a", "e.g" (the final dot is not part of the token)
_DOTTED_RE = re.compile(r"(?:[^\W\d_]{1,4}\.)+[^\W\d_]{1,4}")
_LEADING_PUNCT_RE = re.compile(r"^[^\w]+")
_ROMAN_RE = re.compile(r"[IVXLC]{2,6}")
_DAY_MONTH_RE = re.compile(r"\d{1,2}\.\d{1,2}")

# Closing quotes/brackets that belong to the sentence they follow.
_CLOSERS = frozenset("\"'”“»«’‘›‹)]}")
# Opening quotes/brackets/dashes skipped to find the next word's first letter.
_OPENERS = frozenset("\"'„“”»«‚‘’›‹([{")
# A line ending in one of these is not a heading.
_FINAL_PUNCT = frozenset(".!?…:;,\"'”“»«’‘›‹‽")

_TOKEN_WINDOW = 40  # longest word looked at before a candidate
_CLAUSE_WINDOW = 120  # how far back a colon looks for words and speech cues
_CUE_WORDS = 12
_HEADING_MAX_CHARS = 100
_HEADING_MAX_WORDS = 12


@dataclass(frozen=True, slots=True)
class _Rules:
    abbreviations: frozenset[str]
    titles: frozenset[str]
    final: frozenset[str]
    openers: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    speech_cues: frozenset[str]
    ordinals: bool  # "24. Februar", "19. Jahrhundert" (German and unknown)
    split_semicolon: bool
    split_colon: bool
    colon_min_words: int


@lru_cache(maxsize=1)
def _load_table() -> dict[str, dict[str, list[str]]]:
    path = rules_dir() / _RULES_FILE
    try:
        with path.open("rb") as fh:
            table = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RulesError(str(path), f"cannot read segmentation rules: {exc}") from exc
    for section, entries in table.items():
        if not isinstance(entries, dict):
            raise RulesError(str(path), f"[{section}] must be a table")
        _checked(entries, str(path), f"[{section}] ")
    return table


def _checked(entries: Mapping[str, object], where: str, section: str = "") -> Mapping[str, object]:
    """A section of segmentation rules, its values checked: lists of words, flags, numbers."""
    for key, value in entries.items():
        if isinstance(value, list):
            ok = all(isinstance(x, str) for x in value)
        else:
            ok = isinstance(value, (bool, int))
        if not ok:
            raise RulesError(where, f"{section}{key}: expected a list of strings, a flag or a number")
    return entries


def _rules(language: str) -> _Rules:
    lang = _language_key(language)
    return _rules_of(lang, registry.language(lang))


@lru_cache(maxsize=16)
def _rules_of(lang: str, registered: registry.Language | None) -> _Rules:
    table = _load_table()
    known = lang
    if lang in table and lang != "common":
        sections = [table.get("common", {}), table[lang]]
    elif registered is not None:  # a language that brings its own rules
        sections = [table.get("common", {}), _checked(registered.segmentation, f"segmentation of {lang}")]
        table = {**table, lang: sections[1]}
    else:  # unknown language: be conservative, use every list, no clause splits
        sections = list(table.values())
        known = ""

    def gather(key: str) -> frozenset[str]:
        return frozenset(word for section in sections for word in section.get(key, ()))

    own = table.get(known, {}) if known else {}
    return _Rules(
        abbreviations=gather("abbreviations"),
        titles=gather("titles"),
        final=gather("final"),
        openers=gather("openers"),
        months=gather("months"),
        weekdays=gather("weekdays"),
        speech_cues=gather("speech_cues"),
        ordinals=bool(own.get("ordinals", True)),
        split_semicolon=bool(own.get("split_semicolon", False)),
        split_colon=bool(own.get("split_colon", False)),
        colon_min_words=int(own.get("colon_min_words", 4)),
    )


def _language_key(language: str) -> str:
    return (language or "unknown").lower().replace("_", "-").split("-")[0]


def clear_cache() -> None:
    """Forget the loaded rules (after editing ``rules/segment.toml``)."""
    _load_table.cache_clear()
    _rules_of.cache_clear()


def _next_word_start(text: str, nxt: int, end: int) -> int:
    """Skip up to three opening quotes/brackets: "„(Die" -> index of "D"."""
    j = nxt
    limit = min(end, nxt + 3)
    while j < limit and text[j] in _OPENERS:
        j += 1
    return j


def _is_boundary(text: str, rules: _Rules, sent_start: int, ps: int, pe: int, nxt: int, end: int) -> bool:
    """Decide whether the punctuation text[ps:pe] ends a sentence.

    ``nxt`` is the first non-space character after the candidate, ``end``
    the end of the line.
    """
    j = _next_word_start(text, nxt, end)
    if j >= end:
        return False  # nothing but an opening quote follows
    c = text[j]
    if c.islower():
        return False  # "?“ fragte er", "ca. drei", "... und"
    if not c.isalnum():
        return False  # "?“ – sagte er", "gut. -"

    punct = text[ps:pe]
    if punct[-1] != ".":  # "!" "?" "…" and mixtures
        return True
    if len(punct) > 1:  # ellipsis "..." before a capitalised word
        return True

    # the word right before the dot
    lo = ps - _TOKEN_WINDOW
    lo = max(lo, sent_start)
    window = text[lo:ps]
    if not window or window[-1].isspace():
        return True
    parts = window.rsplit(None, 1)
    token = parts[-1]
    if len(parts) == 1 and lo > sent_start:
        return True  # a very long token: not an abbreviation
    token = _LEADING_PUNCT_RE.sub("", token)  # "(z", "„Dr", "::R"
    if not token:
        return True

    m = _LETTERS_RE.match(text, j, min(end, j + _TOKEN_WINDOW))
    next_word = m.group() if m else ""
    if len(next_word) == 1 and m and m.end() < end and text[m.end()] == ".":
        next_word = ""  # an initial ("J. A. Smith"), not the opener "A"

    if token in rules.titles or _hyphen_tail(token) in rules.titles:
        return False  # "Dr. Müller", "Nr. 5", "Mr. Smith", "then-Rep. Meadows"
    if token in rules.weekdays:
        # "Sun. Jan. 5" is a date; "according to The Sun. Unions …" a sentence end
        return not (c.isdigit() or next_word in rules.months)
    if token in rules.final:
        return c.isupper()  # "usw. Die", "etc. The", but not "etc. 5"
    if (
        token in rules.abbreviations
        or (len(token) == 1 and token.isalpha())  # initials, "z. B.", "u. a."
        or _DOTTED_RE.fullmatch(token)  # "z.B", "U.S", "e.g"
    ):
        return next_word in rules.openers
    if rules.ordinals and (
        (token.isdigit() and len(token) <= 3 and token.isascii())
        or _ROMAN_RE.fullmatch(token)
        or _DAY_MONTH_RE.fullmatch(token)
    ):
        # "am 24. Februar", "im 19. Jahrhundert", "der 3. Platz"
        if next_word in rules.months or not c.isupper():
            return False
        if next_word in rules.openers:
            return True  # "stieg auf 22. Im Jahr …"
        # a number right after a noun is a cardinal: "auf Platz 17. Beide …",
        # "Elisabeth II. Am …"; after "am", "der", "Am" … it is an ordinal
        prev = _previous_word(text, sent_start, ps - len(token))
        return bool(prev) and prev[0].isupper() and prev not in rules.openers
    return True


def _hyphen_tail(token: str) -> str:
    """ "Rep" of "then-Rep", "Präs" of "Ex-Präs": a title keeps its role behind a prefix
    ("" when there is no hyphen or only one letter after it)."""
    tail = token.rpartition("-")[2]
    return tail if len(tail) > 1 and tail != token else ""


def _previous_word(text: str, sent_start: int, pos: int) -> str:
    """The word ending right before the whitespace at ``pos`` ("" if none)."""
    lo = max(sent_start, pos - _TOKEN_WINDOW)
    window = text[lo:pos]
    if not window or not window[-1].isspace():
        return ""
    parts = window.split()
    if not parts or (len(parts) == 1 and lo > sent_start):
        return ""
    return parts[-1]


def _split_line(text: str, rules: _Rules, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of one stripped line text[start:end] as (start, end) pairs."""
    spans: list[tuple[int, int]] = []
    sent_start = start
    term_re = _TERM_CLAUSE_RE if (rules.split_colon or rules.split_semicolon) else _TERM_RE
    for m in term_re.finditer(text, start, end):
        ps, pe = m.span()
        if ps < sent_start:
            continue
        last = text[pe - 1]
        if last == ":" or last == ";":
            if pe >= end or not text[pe].isspace():
                continue  # "13:00", "Tabak:Tödlich"
            nxt = _SPACE_RE.match(text, pe, end).end()  # type: ignore[union-attr]
            if _is_clause_boundary(text, rules, sent_start, ps, nxt, end):
                spans.append((sent_start, pe))
                sent_start = nxt
            continue
        q = pe
        while q < end and text[q] in _CLOSERS:
            q += 1
        if q >= end:
            break  # the line ends here anyway
        if text[q].isspace():
            nxt = _SPACE_RE.match(text, q, end).end()  # type: ignore[union-attr]
            if _is_boundary(text, rules, sent_start, ps, pe, nxt, end):
                spans.append((sent_start, q))
                sent_start = nxt
        elif _is_glued_boundary(text, sent_start, ps, q, end):
            spans.append((sent_start, q))
            sent_start = q
    spans.append((sent_start, end))
    return spans


def _is_glued_boundary(text: str, sent_start: int, ps: int, q: int, end: int) -> bool:
    """A missing space after the punctuation: "gescheitert.Die Linke", "beim CFR.Beschreiben".

    Not "z.B.", "Linkspartei.PDS", "www.Spiegel.de" (needs two letters
    before the dot and an upper-case letter followed by a lower-case one).
    """
    return (
        ps - 2 >= sent_start
        and q + 1 < end
        and text[q].isupper()
        and text[q + 1].islower()
        and text[ps - 1].isalpha()
        and text[ps - 2].isalpha()
        and not _DOMAIN_TAIL_RE.match(text, q, min(end, q + _TOKEN_WINDOW))
        and "/" not in text[max(sent_start, ps - _TOKEN_WINDOW) : ps].rsplit(None, 1)[-1]
    )


def _is_clause_boundary(text: str, rules: _Rules, sent_start: int, ps: int, nxt: int, end: int) -> bool:
    """Does the ";" or ":" at ``ps`` end a sentence (German news convention)?"""
    j = _next_word_start(text, nxt, end)
    if j >= end:
        return False
    c = text[j]
    if text[ps] == ";":
        return rules.split_semicolon and c.isalnum()
    if not rules.split_colon or not c.isupper():
        return False
    lo = max(sent_start, ps - _CLAUSE_WINDOW)
    before = text[lo:ps]
    words = before.split()
    if lo == sent_start and len(words) < rules.colon_min_words:
        return False  # "Zitat: „…“", "Berlin: Die …"
    if _unclosed(before):
        return False  # "(kurz: „Fed“)", "„Tabak: Tödlich …“"
    quoted = j > nxt
    if quoted:  # a quotation follows: keep it with the speech verb
        for word in words[-_CUE_WORDS:]:
            if word.strip(",()\"'„“”»«") in rules.speech_cues:
                return False
    # what follows must look like a sentence, not a list or a short label
    after = text[j:min(end, j + _CLAUSE_WINDOW)]
    stop = _SENTENCE_END_RE.search(after)
    after_words = (after[: stop.start()] if stop else after).split()
    if stop and len(after_words) < rules.colon_min_words:
        return False  # "… eine andere Stärkevariante: Amylose."
    if not quoted and any(w.endswith(",") or w.startswith("(") for w in after_words[:3]):
        return False  # "folgende Parteien: NPD, DVU und Republikaner."
    return True


def _unclosed(segment: str) -> bool:
    """Is a bracket or quotation opened in ``segment`` still open at its end?"""
    if segment.rfind("(") > segment.rfind(")") or segment.rfind("[") > segment.rfind("]"):
        return True
    if segment.rfind("„") > segment.rfind("“") or segment.rfind("»") > segment.rfind("«"):
        return True
    return segment.count('"') % 2 == 1


def _is_heading(line: str) -> bool:
    return (
        len(line) < _HEADING_MAX_CHARS
        and line[-1] not in _FINAL_PUNCT
        and len(line.split()) <= _HEADING_MAX_WORDS
    )


def split_sentences(text: str, language: str = "unknown") -> list[Sentence]:
    """Split ``text`` into sentences; ``text[s.start:s.end] == s.text``.

    Sentences are stripped of surrounding whitespace, in order and do not
    overlap.  Every non-blank line is a paragraph (``paragraph`` counts
    them from 0); a newline always ends a sentence.  A short line without
    final punctuation is a heading (``is_heading=True``).
    """
    return list(iter_sentences(text, language))


def iter_sentences(text: str, language: str = "unknown") -> Iterator[Sentence]:
    """The sentences of :func:`split_sentences` one at a time, for a caller that
    keeps what it makes of each (tags) and not the sentence: a list of every
    sentence model took about 10 MB per MB of text."""
    if _language_key(language) not in _load_table() and registry.language(_language_key(language)) is None:
        language = detect_language(text)
    rules = _rules(language)
    index = 0
    paragraph = 0
    for line_match in _LINE_RE.finditer(text):
        ls, le = line_match.span()
        line = text[ls:le]
        stripped = line.strip()
        if not stripped:
            continue
        ls += len(line) - len(line.lstrip())
        le = ls + len(stripped)
        spans = _split_line(text, rules, ls, le)
        heading = len(spans) == 1 and _is_heading(stripped)
        for s, e in spans:
            yield Sentence(index=index, start=s, end=e, text=text[s:e], is_heading=heading, paragraph=paragraph)
            index += 1
        paragraph += 1
