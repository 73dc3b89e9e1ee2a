"""Page furniture that trafilatura keeps, dropped by its shape, never by its words.

Blocks are trafilatura's (tag, text) pairs in page order. Dropped: metadata
lines ("Radio | Nachrichten | 20. April | 13:00 Uhr"), runs of promo teasers
("GUIDE: How to …", "VIDEO: …"), labels at the end that introduce nothing but
links and credits ("Read more:", "Dieses Thema im Programm:"), copyright and
credit lines ("© 2026 …", "(abc)"), and a block that only repeats what came
before (a pull quote or a paragraph printed twice). Never the whole text.
"""

from __future__ import annotations

import re

_MIN_FIELDS = 3
_MAX_FIELD_WORDS = 6
_MIN_PROMO_RUN = 4
_HEADING_WORDS = 12
_SENTENCE_END = frozenset(".!?\"'”“»«’)")
_CREDIT_WORDS = 25  # a copyright line is short; a paragraph that mentions © is not one
_COPYRIGHT = re.compile(r"(?:©|\(c\)\s|copyright\s*(?:©|\(c\)|\d{4}))", re.IGNORECASE)
_INITIALS = re.compile(r"\(\s*[^\W\d_]{1,5}(?:\s*/\s*[^\W\d_]{1,5})*\s*\)")  # "(grh)", "(dpa/ab)"
_CLOSING_INITIALS = re.compile(r"(?<=[.!?\"“”»«])\s+" + _INITIALS.pattern + r"\s*$")
_WORD = re.compile(r"\w+")
_REPEAT_GRAM = 6  # words: a block whose every run of six appeared before repeats it


def without_furniture(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The blocks of the story, without the furniture around it (see the module's doc)."""
    kept = [block for block in blocks if not (_is_metadata_line(block[1]) or _is_credit_line(block[1]))]
    kept = _without_repeats(kept)
    promo = _promo_runs(kept)
    kept = [block for i, block in enumerate(kept) if i not in promo]
    cut = _trailing_labels(kept)
    kept = kept[:cut] if cut else kept  # never the whole text
    return _without_closing_initials(kept)


def _is_metadata_line(text: str) -> bool:
    """Short fields between bars; the first may carry a label ("Im Programm: Radio | …")."""
    first, *fields = text.split(" | ")
    return (
        len(fields) >= _MIN_FIELDS - 1
        and len(first.split()) <= _HEADING_WORDS
        and all(len(field.split()) <= _MAX_FIELD_WORDS for field in fields)
    )


def _is_short_line(text: str) -> bool:
    """A label, title or credit rather than a sentence of the story."""
    return len(text.split()) <= _HEADING_WORDS and text[-1] not in _SENTENCE_END


def _promo_label(text: str) -> str | None:
    """ "VIDEO" of "VIDEO: The 20-second hand wash": an upper-case label before a short title."""
    label, colon, title = text.partition(": ")
    short = len(label.split()) <= _MAX_FIELD_WORDS and len(text.split()) <= _HEADING_WORDS
    return label if colon and title and label.isupper() and short and text[-1] != "." else None


def _promo_runs(blocks: list[tuple[str, str]]) -> set[int]:
    """Indexes of runs of teaser lines with distinct labels (an interview's
    "SPIEGEL: …" / "MÜLLER: …" repeats its labels, a promo box does not)."""
    found: set[int] = set()
    run: list[int] = []
    labels: set[str] = set()
    for i, (_, text) in enumerate([*blocks, ("p", ".")]):
        label = _promo_label(text)
        if label is not None and label not in labels:
            run.append(i)
            labels.add(label)
            continue
        if len(run) >= _MIN_PROMO_RUN:
            found.update(run)
        run, labels = ([i], {label}) if label is not None else ([], set())
    return found


def _trailing_labels(blocks: list[tuple[str, str]]) -> int:
    """Where the labels at the end begin: a block ending in ":" followed only by
    short lines (links, credits), not by the list items it would introduce."""
    cut = len(blocks)
    for i in range(len(blocks) - 1, -1, -1):
        tag, text = blocks[i]
        if text.endswith(":"):
            cut = i
        elif tag == "item" or not _is_short_line(text):
            break
    return cut




def _is_credit_line(text: str) -> bool:
    """ "© 2026 Stadtfunk. All rights reserved", "Copyright 2026 …", "(grh)": the
    copyright notice or the editor's initials, not the story."""
    if _INITIALS.fullmatch(text):
        return True
    return len(text.split()) <= _CREDIT_WORDS and _COPYRIGHT.match(text) is not None


def _without_repeats(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drops a block all of whose six-word runs were printed before: a pull quote
    repeated after its paragraph, a paragraph printed twice. A pull quote set
    before its paragraph stays (it is the first print). One pass over the words."""
    seen: set[tuple[str, ...]] = set()
    kept = []
    for tag, text in blocks:
        words = _WORD.findall(text.lower())
        grams = {tuple(words[i:i + _REPEAT_GRAM]) for i in range(len(words) - _REPEAT_GRAM + 1)}
        if not grams or not grams <= seen:
            kept.append((tag, text))
        seen |= grams
    return kept


def _without_closing_initials(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """ "… im Handel erhältlich. (grh)": the editor's initials after the last sentence."""
    if not blocks:
        return blocks
    tag, text = blocks[-1]
    trimmed = _CLOSING_INITIALS.sub("", text)
    return [*blocks[:-1], (tag, trimmed)] if trimmed else blocks
