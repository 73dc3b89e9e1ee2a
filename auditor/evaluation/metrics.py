"""Precision, recall and F1 for attribution, cue, source, sentence and hedge decisions."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_WORD = re.compile(r"\w+")


@dataclass
class Counts:
    """True positives, predictions and gold items; adds up across documents."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0
    # precision may count matches differently from recall (attribution level)
    tp_precision: int | None = None

    def add(self, tp: int, predicted: int, gold: int, tp_precision: int | None = None) -> None:
        self.tp += tp
        self.predicted += predicted
        self.gold += gold
        if tp_precision is not None:
            self.tp_precision = (self.tp_precision or 0) + tp_precision

    @property
    def precision(self) -> float:
        tp = self.tp if self.tp_precision is None else self.tp_precision
        return tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "predicted": self.predicted, "gold": self.gold}


class WordIndex:
    """The word tokens of a text, to turn character spans into token sets."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in _WORD.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def tokens(self, spans: list[tuple[int, int]]) -> set[int]:
        """Indices of the words that lie inside any of the spans."""
        found: set[int] = set()
        for start, end in spans:
            i = bisect.bisect_left(self.ends, start + 1)
            while i < len(self.starts) and self.starts[i] < end:
                if self.starts[i] >= start and self.ends[i] <= end:
                    found.add(i)
                i += 1
        return found


def token_counts(gold: set[int], predicted: set[int]) -> tuple[int, int, int]:
    return len(gold & predicted), len(predicted), len(gold)


def overlap_counts(gold: list[set[int]], predicted: list[set[int]]) -> tuple[int, int, int, int]:
    """Attribution level: a gold item is found when some prediction shares a token with it;
    a prediction is right when it shares a token with some gold item."""
    gold = [g for g in gold if g]
    predicted = [p for p in predicted if p]
    found = sum(1 for g in gold if any(g & p for p in predicted))
    right = sum(1 for p in predicted if any(g & p for g in gold))
    return found, len(predicted), len(gold), right


def binary_counts(gold: list[bool], predicted: list[bool]) -> tuple[int, int, int]:
    tp = sum(1 for g, p in zip(gold, predicted) if g and p)
    return tp, sum(predicted), sum(gold)
