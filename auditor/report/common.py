"""What every report format says alike: the summary rows, the note on an article
no grammar analysed, points as the score sees them, and the sentences' numbers."""

from __future__ import annotations

from collections.abc import Iterable

# (label, Summary field) of each row of the summary table, in every report format.
SUMMARY_ROWS = (
    ("claims (sentences)", "sentences"), ("attributed", "attributed"), ("anonymous sources", "anonymous"),
    ("vague sources", "vague"), ("hedged", "hedged"), ("unattributed", "unattributed"),
)


def status_note(status: str | None, language: str | None) -> str | None:
    """What every report says of an article no grammar analysed; None for an analysed one."""
    if status != "unsupported_language":
        return None
    if language in (None, "", "unknown"):
        return "could not detect the language: stored without analysis, not scored"
    return f"unsupported language {language!r}: stored without analysis, not scored"


def points_text(points: float) -> str:
    """Points as the score sees them: a penalty of 5 shows as −5, a bonus of 2 as +2."""
    return f"−{points:g}" if points > 0 else f"+{-points:g}"


def sentence_numbers(sentences: Iterable[tuple[int, bool]]) -> dict[int, str]:
    """Sentence index -> its number in the report, from (index, is_heading) in text
    order: claims count from 1, headings are "§"."""
    numbers, claims = {}, 0
    for index, is_heading in sentences:
        claims += not is_heading
        numbers[index] = "§" if is_heading else str(claims)
    return numbers
