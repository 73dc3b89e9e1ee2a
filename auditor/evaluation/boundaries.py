"""Sentence-boundary scoring: sentence ends, and exact spans, of gold against prediction.

A predicted sentence counts as correct when its (start, end) equals the
(start, end) of a gold sentence.  Both sides should already be stripped
of surrounding whitespace; use :func:`strip_spans` when they are not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

__all__ = ["boundary_scores", "end_scores", "strip_spans"]


def strip_spans(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Shrink each span so that it neither starts nor ends with whitespace.

    Spans that hold only whitespace are dropped.
    """
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((start, end))
    return out


def boundary_scores(
    gold: list[tuple[int, int]], predicted: list[tuple[int, int]]
) -> tuple[int, int, int]:
    """Return (true_pos, n_pred, n_gold) for exact (start, end) span matches.

    Duplicated spans are matched at most as often as they occur on both sides.
    """
    gold_counts = Counter((int(s), int(e)) for s, e in gold)
    pred_counts = Counter((int(s), int(e)) for s, e in predicted)
    true_pos = sum(min(n, gold_counts[span]) for span, n in pred_counts.items())
    return true_pos, len(predicted), len(gold)


def end_scores(
    gold: list[tuple[int, int]], predicted: list[tuple[int, int]]
) -> tuple[int, int, int]:
    """Return (true_pos, n_pred, n_gold) for sentence-end positions.

    This is the usual "sentence boundary" figure: a boundary is right when a
    predicted sentence ends where a gold sentence ends.
    """
    gold_ends = {int(e) for _, e in gold}
    pred_ends = {int(e) for _, e in predicted}
    return len(gold_ends & pred_ends), len(pred_ends), len(gold_ends)
