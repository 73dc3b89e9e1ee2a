"""Hostile input takes linear time: each input family at 1x, 2x and 4x its size.

Run: .venv/bin/python bench/hostile.py [--size BYTES]

For each family the whole in-process pipeline (extract, split, tag, score)
runs on the input at three sizes; the table prints the seconds, the rate
(MB/s) and the ratio of each time to the one before it. Linear time doubles
with the size (ratio about 2); a quadratic pattern shows as about 4, and
worse as worse. The baseline in the same run is plain prose with ordinary
punctuation of the same size.

Families:
- prose: ordinary German sentences (the baseline);
- no-punctuation: one paragraph of ordinary words, no punctuation at all;
- cue-dense: one paragraph of nothing but cue words ("sagte laut Quellen
  sollen berichtet ..."): every token starts a cue or a source scan;
- cue-dense-en: the same in English;
- quotes: unbalanced quotation marks and dots ("„ z. B. » ...");
- whitespace: words apart by long runs of mixed whitespace (tabs, no-break and
  ideographic spaces), ending in one;
- deep-html: nested <div>s (just under the tag limit), then text;
- broken-html: unclosed tags and attributes, stray "<" and "&".
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from auditor.models import RawDocument
from auditor.pipeline import audit_document
from auditor.scoring import load_scoring

_DE_WORDS = ["der", "die", "das", "Regierung", "hat", "am", "Montag", "in", "Berlin", "neue", "Pläne", "für", "die", "Wirtschaft", "vorgestellt", "und", "damit", "viele", "Beobachter", "überrascht"]
_DE_CUES = ["Minister", "sagte", "laut", "Quellen", "sollen", "die", "Truppe", "berichtet", "Reuters", "und", "es", "heißt", "könnte"]
_EN_CUES = ["officials", "said", "according", "to", "sources", "reportedly", "the", "minister", "told", "Reuters", "may", "have", "he", "added", "experts"]


def _words(vocabulary: list[str], size: int, seed: int) -> str:
    rng = random.Random(seed)
    out, length = [], 0
    while length < size:
        word = rng.choice(vocabulary)
        out.append(word)
        length += len(word) + 1
    return " ".join(out)


def prose(size: int) -> tuple[str, str]:
    rng = random.Random(1)
    sentences, length = [], 0
    while length < size:
        words = [rng.choice(_DE_WORDS) for _ in range(rng.randint(8, 20))]
        sentence = " ".join(words).capitalize() + ", sagte der Sprecher."
        sentences.append(sentence)
        length += len(sentence) + 1
    return "text", " ".join(sentences)


def no_punctuation(size: int) -> tuple[str, str]:
    return "text", _words(_DE_WORDS, size, 2)


def cue_dense(size: int) -> tuple[str, str]:
    return "text", _words(_DE_CUES, size, 3)


def cue_dense_en(size: int) -> tuple[str, str]:
    return "text", _words(_EN_CUES, size, 4)


def quotes(size: int) -> tuple[str, str]:
    return "text", _words(["„", "»", "z. B.", "Dr.", "12.", "“", "sagte", "er", "«", "\""], size, 5)


def whitespace(size: int) -> tuple[str, str]:
    rng = random.Random(8)
    pieces, length = [], 0
    while length < size:
        piece = rng.choice(_DE_WORDS) + "".join(rng.choice(" \t\u00a0\u3000\u2003") for _ in range(rng.randint(1, 400)))
        pieces.append(piece)
        length += len(piece)
    return "text", "".join(pieces) + " " * (size // 10)


def deep_html(size: int) -> tuple[str, str]:
    depth = size // 100  # 10,000 nested divs at 1 MB: under the extractor's 50,000-tag limit
    body = _words(_DE_WORDS, size - depth * 11, 6)
    return "html", "<html><body>" + "<div>" * depth + f"<p>{body}</p>" + "</div>" * depth + "</body></html>"


def broken_html(size: int) -> tuple[str, str]:
    rng = random.Random(7)
    pieces, length = [], 0
    while length < size:
        piece = rng.choice(["<p>", "<div class='a", "<b>", "&amp", "< ", "&", "</i>", "<!-- note -->", "<p class=x",
                            " ".join(rng.choice(_DE_WORDS) for _ in range(12)) + ". "])
        pieces.append(piece)
        length += len(piece)
    return "html", "<html><body>" + "".join(pieces)


FAMILIES: dict[str, Callable[[int], tuple[str, str]]] = {
    "prose": prose,
    "no-punctuation": no_punctuation,
    "cue-dense": cue_dense,
    "cue-dense-en": cue_dense_en,
    "quotes": quotes,
    "whitespace": whitespace,
    "deep-html": deep_html,
    "broken-html": broken_html,
}


def run(kind: str, content: str, scoring, language: str = "de") -> float:
    raw = RawDocument(origin="bench", content=content.encode() if kind == "html" else content, content_type=kind)
    started = time.perf_counter()
    audit_document(raw, language=language, scoring=scoring)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=250_000, help="bytes at 1x (default 250,000: 1 MB at 4x)")
    args = parser.parse_args()
    scoring = load_scoring(["default"])
    run("text", "Warm-up. Der Minister sagte, alles sei gut.", scoring)
    print(f"{'family':<16}{'1x s':>8}{'2x s':>8}{'4x s':>8}{'MB/s at 4x':>12}{'2x/1x':>8}{'4x/2x':>8}")
    worst = 0.0
    for name, make in FAMILIES.items():
        times = []
        for factor in (1, 2, 4):
            kind, content = make(args.size * factor)
            times.append(run(kind, content, scoring, "en" if name.endswith("-en") else "de"))
        ratios = [times[1] / times[0], times[2] / times[1]]
        worst = max(worst, *ratios)
        rate = args.size * 4 / 1e6 / times[2]
        print(f"{name:<16}{times[0]:>8.2f}{times[1]:>8.2f}{times[2]:>8.2f}{rate:>12.2f}"
              f"{ratios[0]:>8.2f}{ratios[1]:>8.2f}")
    print(f"worst doubling ratio {worst:.2f} (linear: about 2; quadratic: about 4)")


if __name__ == "__main__":
    main()
