"""Source names: one normal form, so that "die Quellen" and "Quellen," are one source.

Used by the report's source list and by the store's deduplicated ``sources``
table; it knows nothing of either.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

DETERMINERS = frozenset(
    {
        "der", "die", "das", "den", "dem", "des",
        "ein", "eine", "einen", "einem", "einer", "eines",
        "the", "a", "an",
    }
)  # fmt: skip


def _strip_punctuation(text: str) -> str:
    start, end = 0, len(text)
    while start < end and unicodedata.category(text[start]).startswith("P"):
        start += 1
    while end > start and unicodedata.category(text[end - 1]).startswith("P"):
        end -= 1
    return text[start:end].strip()


@lru_cache(maxsize=65536)
def normalize_source(text: str) -> tuple[str, str]:
    """Return ``(name, key)`` for a source mention.

    Whitespace is collapsed, punctuation is stripped from both ends and one
    leading determiner is dropped; ``name`` keeps the case, ``key`` is the
    casefolded name.  "die Quellen", "Quellen" and "Quellen," all give the key
    "quellen"; "The Guardian" gives "guardian".
    """
    name = _strip_punctuation(" ".join(text.split()))
    words = name.split(" ")
    if len(words) > 1 and words[0].casefold() in DETERMINERS:
        name = _strip_punctuation(" ".join(words[1:]))
    if not name:  # nothing but punctuation: keep what there was
        name = " ".join(text.split())
    return name, name.casefold()
