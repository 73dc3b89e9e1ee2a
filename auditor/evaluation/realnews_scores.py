"""``auditor eval GOLD.jsonl --pages DIR``: the real-news figures, as the sample's score.py gives them.

Attribution P/R/F1; wrong-speaker share (predicted attributions in a sentence
that has gold ones, matching none); spurious share (predicted attributions in a
sentence with none); pronoun resolution accuracy; kind accuracy on matches;
attributed-sentence F1; hedged-sentence F1.  Each page is audited in process,
as ``auditor audit PAGE`` would (language detected, no scoring: scores move no tag).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import AuditorError
from ..inputs.files import read_file
from ..models import TaggedSentence
from ..pipeline import audit_document
from .metrics import Counts, binary_counts
from .realnews import NewsAttribution, NewsSentence, Predicted, align, find_page, matches, read_news_jsonl

ERROR_ORDER = ("wrong speaker", "missed", "spurious", "wrong kind")  # the worst first: a statement in the wrong mouth


@dataclass
class Tally:
    """The counts behind every figure; they add up across pages."""

    articles: int = 0
    failed: int = 0
    sentences: int = 0
    unaligned: int = 0
    # tp: gold attributions a prediction matches; tp_precision: predictions matching a gold one
    attributions: Counts = field(default_factory=lambda: Counts(tp_precision=0))
    wrong: int = 0
    spurious: int = 0
    pronouns: int = 0
    pronouns_found: int = 0
    kinds: int = 0
    kinds_right: int = 0
    attributed: Counts = field(default_factory=Counts)  # sentences
    hedged: Counts = field(default_factory=Counts)


@dataclass
class NewsEvaluation:
    corpus: str
    tally: Tally = field(default_factory=Tally)
    failures: list[str] = field(default_factory=list)
    # an analysis step that failed and was left out (the article goes on, with a warning): figures
    # measured around a bug are not the tagger's, so each is shown
    warnings: list[str] = field(default_factory=list)
    cases: list[dict[str, str]] = field(default_factory=list)
    hedge_cases: list[dict[str, str]] = field(default_factory=list)  # false and missed hedged sentences
    seconds: float = 0.0

    def as_dict(self, n_errors: int = 0) -> dict[str, Any]:
        data = {"corpus": self.corpus, "seconds": round(self.seconds, 3), **figures(self.tally),
                "failures": self.failures, "warnings": self.warnings}
        if n_errors:
            data["errors"] = sorted(self.cases, key=lambda c: ERROR_ORDER.index(c["error"]))[:n_errors]
            data["hedge_errors"] = self.hedge_cases[:n_errors]
        return data


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def figures(t: Tally) -> dict[str, Any]:
    """score.py's figures, rounded as it rounds them (None where nothing was there to count)."""
    a = t.attributions
    pronoun_acc, kind_acc = _share(t.pronouns_found, t.pronouns), _share(t.kinds_right, t.kinds)
    return {
        "articles": t.articles, "failed": t.failed, "sentences": t.sentences, "unaligned": t.unaligned,
        "gold_attributions": a.gold, "predicted": a.predicted,
        "attr_p": round(a.precision, 3), "attr_r": round(a.recall, 3), "attr_f1": round(a.f1, 3),
        "wrong_speaker": round(_share(t.wrong, a.predicted) or 0.0, 3),
        "spurious": round(_share(t.spurious, a.predicted) or 0.0, 3),
        "pronoun_acc": None if pronoun_acc is None else round(pronoun_acc, 3), "pronouns": t.pronouns,
        "kind_acc": None if kind_acc is None else round(kind_acc, 3),
        "attributed_sentence_f1": round(t.attributed.f1, 3),
        "hedged_sentence_f1": round(t.hedged.f1, 3),
    }


def _gold_shown(g: NewsAttribution) -> str:
    return f"{g.source} → {g.resolved_to}" if g.resolved_to else g.source


def _score_gold(ev: NewsEvaluation, file: str, g: NewsSentence, preds: list[Predicted]) -> int:
    """Recall side: each gold attribution found or missed, its kind, a pronoun's referent;
    returns how many were found."""
    t = ev.tally
    found = 0
    for ga in g.attributions:
        hit = [p for p in preds if matches(p, ga)]
        if hit:
            found += 1
            if ga.kind and ga.kind != "pronoun" and ga.mode != "reported":
                # a pronoun resolved to the right name counts as the right kind
                t.kinds += 1
                right_kind = ga.kind == hit[0].kind or hit[0].kind == "pronoun"
                t.kinds_right += right_kind
                if not right_kind:
                    ev.cases.append({"error": "wrong kind", "file": file, "sentence": g.text,
                                     "gold": f"{ga.source} ({ga.kind})",
                                     "predicted": f"{hit[0].text} ({hit[0].kind})"})
        else:
            ev.cases.append({"error": "missed", "file": file, "sentence": g.text, "gold": _gold_shown(ga),
                             "predicted": " | ".join(p.shown() for p in preds)})
        if ga.kind == "pronoun":
            t.pronouns += 1
            t.pronouns_found += bool(hit)
    return found


def score_sentence(ev: NewsEvaluation, file: str, g: NewsSentence, covering: list[TaggedSentence]) -> None:
    """Add one gold sentence, against the predicted sentences aligned to it, to the tally."""
    t = ev.tally
    t.sentences += 1
    t.unaligned += not covering
    preds = [Predicted.of(a) for s in covering for a in s.attributions]
    gold_shown = " | ".join(_gold_shown(ga) for ga in g.attributions)
    right = 0
    for p in preds:
        if any(matches(p, ga) for ga in g.attributions):
            right += 1
            continue
        error = "wrong speaker" if g.attributions else "spurious"
        t.wrong += bool(g.attributions)
        t.spurious += not g.attributions
        ev.cases.append({"error": error, "file": file, "sentence": g.text, "gold": gold_shown,
                         "predicted": p.shown()})
    found = _score_gold(ev, file, g, preds)
    t.attributions.add(found, len(preds), len(g.attributions), tp_precision=right)
    t.attributed.add(*binary_counts([bool(g.attributions)], [bool(preds)]))
    _score_hedged(ev, file, g, covering)


def _score_hedged(ev: NewsEvaluation, file: str, g: NewsSentence, covering: list[TaggedSentence]) -> None:
    """Hedged or not, against gold; a false or missed hedged sentence is a hedge case."""
    cues = [h.text for s in covering for h in s.hedges if h.voice == "journalist"]
    quoted = [h.text for s in covering for h in s.hedges if h.voice != "journalist"]
    hedged = any(s.hedge_level != "none" for s in covering)
    ev.tally.hedged.add(*binary_counts([bool(g.hedges)], [hedged]))
    if hedged != bool(g.hedges):
        ev.hedge_cases.append({"error": "false hedge" if hedged else "missed hedge", "file": file,
                               "sentence": g.text, "gold": " | ".join(map(str, g.hedges)),
                               "predicted": " | ".join(cues) + (f" (quoted: {' | '.join(quoted)})" if quoted else "")})


def _audit_page(ev: NewsEvaluation, dirs: list[Path], name: str) -> tuple[TaggedSentence, ...]:
    """The page's tagged sentences, or none (and a failure) when it is missing or cannot be audited."""
    path = find_page(dirs, name)
    if path is None:
        ev.failures.append(f"{name}: page missing")
        return ()
    try:
        result = audit_document(read_file(path))
        ev.warnings += [f"{name}: {w}" for w in result.article.warnings]
        return result.sentences
    except AuditorError as error:
        ev.failures.append(f"{name}: {error}")
    except Exception as error:  # noqa: BLE001 - one odd page is one failure, the others are still scored
        ev.failures.append(f"{name}: cannot audit: {type(error).__name__}: {error}")
    return ()


def evaluate_news(gold_path: Path, pages: list[Path]) -> NewsEvaluation:
    ev = NewsEvaluation(corpus=str(gold_path))
    started = time.perf_counter()
    for page in read_news_jsonl(gold_path):
        ev.tally.articles += 1
        failures = len(ev.failures)
        predicted = _audit_page(ev, pages, page.file)
        ev.tally.failed += len(ev.failures) > failures
        gold = [g for g in page.sentences if not g.skip]
        covering = align(gold, predicted)
        for g in gold:
            score_sentence(ev, page.file, g, covering[g.i])
    ev.seconds = time.perf_counter() - started
    return ev


def text_lines(data: dict[str, Any]) -> list[str]:
    """The figures of :meth:`NewsEvaluation.as_dict` for the terminal, then the error cases."""
    def pct(x: float | None) -> str:
        return "-" if x is None else f"{x:.3f}"

    lines = [f"{data['corpus']}: {data['articles']} pages ({data['failed']} failed), {data['sentences']} sentences "
             f"({data['unaligned']} unaligned), {data['gold_attributions']} gold attributions, "
             f"{data['predicted']} predicted, {data['seconds']} s",
             f"attribution             P {data['attr_p']:.3f}  R {data['attr_r']:.3f}  F1 {data['attr_f1']:.3f}",
             f"wrong speaker           {data['wrong_speaker']:.3f} of predicted",
             f"spurious                {data['spurious']:.3f} of predicted",
             f"pronoun resolution      {pct(data['pronoun_acc'])} of {data['pronouns']}",
             f"kind accuracy           {pct(data['kind_acc'])}",
             f"attributed sentences F1 {data['attributed_sentence_f1']:.3f}",
             f"hedged sentences F1     {data['hedged_sentence_f1']:.3f}"]
    lines += [f"failed: {f}" for f in data["failures"]]
    lines += [f"warning: {w}" for w in data["warnings"]]
    for case in [*data.get("errors", []), *data.get("hedge_errors", [])]:
        lines += ["", f"{case['error']} ({case['file']}): {case['sentence'][:200]}",
                  f"  gold: {case['gold'] or '-'}", f"  predicted: {case['predicted'] or '-'}"]
    return lines
