"""The lead paragraph (standfirst, teaser) that trafilatura leaves out.

Many pages set their lead apart from the story - in the article header, in a
box of its own - and trafilatura's precision mode drops it with the furniture,
though it often carries the core claim and its source. A page also states its
lead as its description (og:description, <meta name=description>, JSON-LD).
A description is put back in front of the story when the page shows it as
text (so it is part of what the reader sees, not a search-engine blurb), it is
not cut off ("…"), and the extracted text does not already hold it.
"""

from __future__ import annotations

import re

from lxml import etree

_WORD = re.compile(r"\w+")
_INVISIBLE = ("script", "style", "noscript", "template", "head")
_SENTENCE_END = (".", "!", "?", '"', "“", "”", "»", "«", "’", "'")
_MIN_WORDS = 6  # shorter descriptions are taglines, not leads
_PROBE_WORDS = 8  # a description whose first words the text holds is there already
_HEADING_WORDS = 12


def with_lead(blocks: list[tuple[str, str]], descriptions: tuple[str, ...],
              tree: etree._Element | None) -> list[tuple[str, str]]:
    """The blocks with the page's lead put before the first paragraph of the story."""
    candidates = [d for d in descriptions if _is_lead_shaped(d)]
    if not candidates or tree is None:
        return blocks
    text = _words(" ".join(text for _, text in blocks))
    missing = [d for d in candidates if _words(d, _PROBE_WORDS) not in text]
    if len(missing) < len(candidates):
        return blocks  # one of the page's descriptions is in the text: its lead was kept
    visible = _visible_words(tree)
    lead = next((d for d in missing if _words(d) in visible), None)
    if lead is None:
        return blocks
    at = next((i for i, (_, text) in enumerate(blocks) if not _is_heading(text)), 0)
    return [*blocks[:at], ("p", lead), *blocks[at:]]


def _is_lead_shaped(text: str) -> bool:
    return len(text.split()) >= _MIN_WORDS and not text.endswith(("...", "…"))


def _is_heading(text: str) -> bool:
    return len(text.split()) <= _HEADING_WORDS and not text.endswith(_SENTENCE_END)


def _words(text: str, limit: int | None = None) -> str:
    """Lower-case words between single spaces, with a space at both ends (so a
    search matches whole words only)."""
    words = _WORD.findall(text.lower())
    return f" {' '.join(words[:limit])} "


def _visible_words(tree: etree._Element) -> str:
    """The words of what the page shows, in order: no scripts, styles or <head>."""
    parts: list[str] = []
    walker = etree.iterwalk(tree, events=("start", "end"))
    for event, element in walker:
        if event == "start":
            if element.tag in _INVISIBLE:
                walker.skip_subtree()
            elif element.text:
                parts.append(element.text)
        elif element.tail:
            parts.append(element.tail)
    return _words(" ".join(parts))
