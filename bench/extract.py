"""Body extraction on the real-news dev pages: the auditor's against trafilatura alone.

Run: .venv/bin/python bench/extract.py [--rounds 5] [--pages DIR] [--per-page]

The reference body of a page is the text of its gold sentences
(../shared/eval/realnews-dev/{de,en}.jsonl), those marked "skip" included: a
heading or a byline is part of what the page shows as its article. Recall,
precision and F1 are token-level: lower-case word tokens counted as a multiset
(a token found twice in the output but once in the reference counts once),
summed over all pages (micro average). A second line scores against the
sentences not marked "skip" only (the claims a fact-checker reads).

Speed is pages per second on one core, best of --rounds, both extractors timed
in the same run on the same pages (HTML already in memory; decoding included).
The baseline is `trafilatura.extract` with the options the auditor passes to
`bare_extraction` (favor_precision, no comments, no tables, dates from markup
only); ratios are auditor / trafilatura.

The gold sentences were cut from an earlier auditor's extraction, so they
lean towards it: read the ratios as "did the auditor's own steps (kept lead,
dropped furniture) cost body text", not as an absolute comparison.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

from auditor.evaluation.metrics import Counts
from auditor.extract import extract
from auditor.inputs.files import read_file

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "realnews-dev"
WORD = re.compile(r"\w+")


def add(score: Counts, predicted: Counter[str], reference: Counter[str]) -> None:
    """Multiset token overlap: a token found twice but once in the reference counts once."""
    score.add(sum((predicted & reference).values()), sum(predicted.values()), sum(reference.values()))


def prf(score: Counts) -> tuple[float, float, float]:
    return score.precision, score.recall, score.f1


def tokens(text: str) -> Counter[str]:
    return Counter(WORD.findall(text.lower()))


def gold_pages(dev: Path) -> list[tuple[str, str, str]]:
    """(file, reference body with every sentence, reference body without the skipped ones)."""
    pages = []
    for name in ("de.jsonl", "en.jsonl"):
        for line in (dev / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                page = json.loads(line)
                every = " ".join(s["text"] for s in page["sentences"])
                claims = " ".join(s["text"] for s in page["sentences"] if not s.get("skip"))
                pages.append((page["file"], every, claims))
    return pages


def trafilatura_alone(raw_html: bytes, url: str | None) -> str:
    return trafilatura.extract(
        raw_html, url=url, include_comments=False, include_tables=False, favor_precision=True,
        date_extraction_params={"original_date": True, "extensive_search": False},
    ) or ""


def run(extractors: dict, docs: list, rounds: int) -> dict[str, tuple[list[str], float]]:
    """Each extractor's texts and its best time over the rounds; the extractors take
    turns within a round, so a load on the machine weighs on both alike."""
    best = dict.fromkeys(extractors, float("inf"))
    texts: dict[str, list[str]] = {}
    for _ in range(rounds):
        for name, fn in extractors.items():
            start = time.perf_counter()
            texts[name] = [fn(raw) for raw in docs]
            best[name] = min(best[name], time.perf_counter() - start)
    return {name: (texts[name], best[name]) for name in extractors}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=DEV / "pages")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--per-page", action="store_true", help="print each page's F1 too")
    args = parser.parse_args()
    gold = gold_pages(DEV)
    docs = [read_file(args.pages / name) for name, _, _ in gold]
    extractors = {
        "auditor": lambda raw: extract(raw).text,
        "trafilatura": lambda raw: trafilatura_alone(raw.content, raw.url),
    }
    extract(docs[0])  # imports and lexicons loaded before the clock runs
    results = run(extractors, docs, args.rounds)
    figures = {}
    for name, (texts, seconds) in results.items():
        every, claims = Counts(), Counts()
        for (file, ref_every, ref_claims), text in zip(gold, texts, strict=True):
            page = Counts()
            add(page, tokens(text), tokens(ref_every))
            add(every, tokens(text), tokens(ref_every))
            add(claims, tokens(text), tokens(ref_claims))
            if args.per_page:
                print(f"  {name:12} {file:45} P {page.precision:.3f} R {page.recall:.3f} F1 {page.f1:.3f}")
        figures[name] = (prf(every), prf(claims), len(docs) / seconds)
    print(f"{len(docs)} real-news dev pages, best of {args.rounds} rounds")
    for name, ((p, r, f), (cp, cr, cf), speed) in figures.items():
        print(f"{name:12} body P {p:.3f} R {r:.3f} F1 {f:.3f} | claims-only P {cp:.3f} R {cr:.3f} "
              f"F1 {cf:.3f} | {speed:.1f} pages/s")
    (a, ac, asp), (t, tc, tsp) = figures["auditor"], figures["trafilatura"]
    print(f"ratio auditor/trafilatura: body F1 {a[2] / t[2]:.3f}, recall {a[1] / t[1]:.3f}, "
          f"precision {a[0] / t[0]:.3f}, claims-only F1 {ac[2] / tc[2]:.3f}, speed {asp / tsp:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
