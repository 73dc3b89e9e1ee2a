"""``auditor eval``: run the audit pipeline on a gold corpus and score it.

Attribution corpora (JSON Lines, see ../shared/README.md): source and cue
token P/R/F1, attribution-level P/R/F1, attributed-sentence P/R/F1 and
sentence-boundary F1 where gold sentences exist. WikiWeasel (CSV text,label):
sentence-level P/R/F1 of "uncertain".
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..models import AuditResult
from ..pipeline import analyse_text
from .boundaries import boundary_scores, end_scores, strip_spans
from .corpora import corpus_kind, read_gold_jsonl, read_weasel_csv
from .metrics import Counts, WordIndex, binary_counts, overlap_counts, token_counts
from .pronouns import GoldPronoun, PronounTally


@dataclass
class ErrorLog:
    """The most frequent misses and false alarms, each with an example sentence."""

    counts: Counter = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)

    def add(self, key: str, example: str) -> None:
        key = " ".join(key.lower().split())
        self.counts[key] += 1
        self.examples.setdefault(key, example)

    def top(self, n: int) -> list[dict[str, Any]]:
        return [{"text": k, "count": c, "example": self.examples[k]} for k, c in self.counts.most_common(n)]


@dataclass
class Evaluation:
    corpus: str
    kind: str
    documents: int = 0
    sentences: int = 0
    seconds: float = 0.0
    scores: dict[str, Counts] = field(default_factory=dict)
    errors: dict[str, ErrorLog] = field(default_factory=dict)
    pronouns: PronounTally | None = None  # with pronoun gold (``--pronouns``)
    warnings: list[str] = field(default_factory=list)  # steps left out on a document: figures around a bug

    def warn(self, doc_id: str, result: AuditResult) -> None:
        self.warnings += [f"{doc_id}: {w}" for w in result.article.warnings]

    def counts(self, name: str) -> Counts:
        return self.scores.setdefault(name, Counts())

    def log(self, name: str) -> ErrorLog:
        return self.errors.setdefault(name, ErrorLog())

    def as_dict(self, n_errors: int = 0) -> dict[str, Any]:
        data: dict[str, Any] = {
            "corpus": self.corpus, "kind": self.kind, "documents": self.documents,
            "sentences": self.sentences, "seconds": round(self.seconds, 3),
            "ms_per_1000_sentences": round(1000 * self.seconds / self.sentences * 1000, 1) if self.sentences else None,
            "scores": {name: c.as_dict() for name, c in self.scores.items()},
            "warnings": self.warnings,
        }
        if n_errors:
            data["errors"] = {name: log.top(n_errors) for name, log in sorted(self.errors.items())}
        if self.pronouns is not None:
            data["pronouns"] = self.pronouns.as_dict(n_errors)
        return data


def _sentence_at(text: str, start: int) -> str:
    """The line around a character offset, as an example for error analysis."""
    left = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start - 1) + 1, 0)
    right = min(x for x in (text.find("\n", start), text.find(". ", start), len(text)) if x != -1)
    return " ".join(text[left:right + 1].split())[:300]


def _predicted_spans(result: AuditResult) -> tuple[list[list[tuple[int, int]]], list[list[tuple[int, int]]]]:
    """Per predicted attribution: its source spans and its cue spans."""
    sources, cues = [], []
    for s in result.sentences:
        for a in s.attributions:
            sources.append([(a.source.start, a.source.end)] if a.source else [])
            parts = a.cue_parts or ((a.cue,) if a.cue else ())
            cues.append([(p.start, p.end) for p in parts])
    return sources, cues


def _log_mismatches(ev: Evaluation, role: str, text: str, words: WordIndex,
                    gold: list[list[tuple[int, int]]], predicted: list[list[tuple[int, int]]]) -> None:
    gold_chars = [sp for spans in gold for sp in spans]
    pred_chars = [sp for spans in predicted for sp in spans]
    gold_tokens, pred_tokens = words.tokens(gold_chars), words.tokens(pred_chars)

    def found(spans: list[tuple[int, int]], tokens: set[int], chars: list[tuple[int, int]]) -> bool:
        if own := words.tokens(spans):
            return bool(own & tokens)
        # no word inside ("―", ":"): no token figure counts it; matched by characters,
        # so a dash found where the gold has it is not listed as missed and spurious both
        return any(s < e2 and s2 < e for s, e in spans for s2, e2 in chars)

    for spans in gold:
        if spans and not found(spans, pred_tokens, pred_chars):
            ev.log(f"missed {role}").add(" … ".join(text[s:e] for s, e in spans), _sentence_at(text, spans[0][0]))
    for spans in predicted:
        if spans and not found(spans, gold_tokens, gold_chars):
            ev.log(f"spurious {role}").add(" … ".join(text[s:e] for s, e in spans), _sentence_at(text, spans[0][0]))


def _evaluate_attributions(path: Path, ev: Evaluation, pronoun_gold: dict[str, list[GoldPronoun]]) -> None:
    for doc in read_gold_jsonl(path):
        result = analyse_text(doc.text, doc.lang, article_id=doc.id)
        ev.warn(doc.id, result)
        ev.documents += 1
        ev.sentences += len(result.sentences)
        if ev.pronouns is not None and doc.id in pronoun_gold:
            ev.pronouns.add(doc.text, pronoun_gold[doc.id], result)
        words = WordIndex(doc.text)
        gold_sources = [[tuple(sp) for sp in a.source] for a in doc.attributions]
        gold_cues = [[tuple(sp) for sp in a.cue] for a in doc.attributions]
        pred_sources, pred_cues = _predicted_spans(result)
        for role, gold, pred in (("source", gold_sources, pred_sources), ("cue", gold_cues, pred_cues)):
            ev.counts(f"{role}_tokens").add(*token_counts(
                words.tokens([sp for spans in gold for sp in spans]),
                words.tokens([sp for spans in pred for sp in spans])))
            _log_mismatches(ev, role, doc.text, words, gold, pred)
        found, n_pred, n_gold, right = overlap_counts([words.tokens(g) for g in gold_sources],
                                                      [words.tokens(p) for p in pred_sources])
        ev.counts("attributions").add(found, n_pred, n_gold, tp_precision=right)
        if doc.sentences:
            gold_sentences = strip_spans(doc.text, doc.sentences)
            predicted_sentences = [(s.start, s.end) for s in result.sentences]
            ev.counts("sentence_boundaries").add(*end_scores(gold_sentences, predicted_sentences))
            ev.counts("sentence_spans").add(*boundary_scores(gold_sentences, predicted_sentences))
            gold_marks = [sp for spans in gold_sources + gold_cues for sp in spans]
            pred_marks = [sp for spans in pred_sources + pred_cues for sp in spans]

            def attributed(marks: list[tuple[int, int]], start: int, end: int) -> bool:
                return any(s < end and start < e for s, e in marks)

            ev.counts("attributed_sentences").add(*binary_counts(
                [attributed(gold_marks, s, e) for s, e in gold_sentences],
                [attributed(pred_marks, s, e) for s, e in gold_sentences]))


def is_uncertain(result: AuditResult) -> bool:
    """WikiWeasel's 'uncertain': hedged, or resting on a vague, anonymous or missing source."""
    for s in result.sentences:
        if s.hedge_level != "none":
            return True
        for a in s.attributions:
            if a.source is None or a.source.kind in ("vague", "anonymous"):
                return True
    return False


def _evaluate_weasel(path: Path, ev: Evaluation) -> None:
    gold, predicted = [], []
    for row in read_weasel_csv(path):
        result = analyse_text(row.text, "en", article_id=row.id)
        ev.warn(row.id, result)
        ev.documents += 1
        ev.sentences += len(result.sentences)
        guess = is_uncertain(result)
        gold.append(row.uncertain)
        predicted.append(guess)
        if row.uncertain and not guess:
            ev.log("missed uncertain").add(row.text[:80], row.text[:300])
        elif guess and not row.uncertain:
            cues = [h.text for s in result.sentences for h in s.hedges] or \
                   [a.source.text if a.source else (a.cue.text if a.cue else "?") for s in result.sentences
                    for a in s.attributions]
            ev.log("spurious uncertain (by cue)").add(cues[0] if cues else "?", row.text[:300])
    ev.counts("uncertain_sentences").add(*binary_counts(gold, predicted))


def evaluate(path: Path, pronoun_gold: dict[str, list[GoldPronoun]] | None = None) -> Evaluation:
    """Score a corpus; with pronoun gold (document id -> gold pronouns) also pronoun resolution."""
    kind = corpus_kind(path)
    ev = Evaluation(corpus=str(path), kind=kind)
    started = time.perf_counter()
    if kind == "weasel":
        _evaluate_weasel(path, ev)
    else:
        if pronoun_gold is not None:
            ev.pronouns = PronounTally()
        _evaluate_attributions(path, ev, pronoun_gold or {})
    ev.seconds = time.perf_counter() - started
    return ev
