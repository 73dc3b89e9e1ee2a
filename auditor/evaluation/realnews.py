"""The real-news gold format (../shared/eval/realnews-dev/README.md) and how it is matched.

One JSON line per page: ``{"file", "lang", "sentences": [{"i", "text", "skip",
"attributions": [{"source", "kind", "cue", "resolved_to", "via", "mode"}],
"hedges": [...]}]}``.  Gold sentences are matched to the auditor's by
normalised text; an attribution matches when the sources share a content word.
Both follow the sample's ``score.py`` to the letter, so the figures are its figures.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from ..errors import InputError
from ..models import Attribution, TaggedSentence

# score.py's stop words: articles, prepositions, titles, speech verbs and possessives of
# both sample languages; a source matching only on these would match anyone
STOP_WORDS = frozenset("""der die das den dem des ein eine einer eines einem einen und von vom zu zur zum im
in am an auf für mit the a an of and to in on for with at by from mr mrs ms dr prof herr frau
sagte said says told laut according sein seine seiner seinen ihr ihre ihren his her their its
""".split())
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


class NewsAttribution(BaseModel):
    model_config = ConfigDict(extra="ignore")

    source: str = ""
    kind: str = ""
    cue: str = ""
    resolved_to: str | None = None
    mode: str = ""


class NewsSentence(BaseModel):
    model_config = ConfigDict(extra="ignore")

    i: int
    text: str
    skip: bool = False
    attributions: list[NewsAttribution] = []
    hedges: list[object] = []


class NewsPage(BaseModel):
    model_config = ConfigDict(extra="ignore")

    file: str
    lang: str = ""
    sentences: list[NewsSentence] = []


@dataclass(frozen=True)
class Predicted:
    """A predicted attribution as the matcher sees it: the source, and what a pronoun is resolved to."""

    text: str
    kind: str | None
    resolved_to: str | None
    mode: str

    @classmethod
    def of(cls, a: Attribution) -> Predicted:
        src = a.source
        return cls(src.text if src else "", src.kind if src else None, src.resolved_to if src else None, a.mode)

    def shown(self) -> str:
        return f"{self.text} → {self.resolved_to}" if self.resolved_to else self.text


def is_realnews(path: Path) -> bool:
    """Whether the first line is a real-news page (has "file" and "sentences") rather than a span corpus."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                try:
                    first = json.loads(line)
                except ValueError:
                    return False
                return isinstance(first, dict) and "file" in first and "sentences" in first and "text" not in first
    return False


def read_news_jsonl(path: Path) -> Iterator[NewsPage]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield NewsPage.model_validate_json(line)
            except ValidationError as error:
                first = error.errors()[0]
                where = ".".join(str(p) for p in first["loc"])
                raise InputError(f"{path}:{number}", f"not a real-news page: {where}: {first['msg']}") from None


def find_page(dirs: list[Path], name: str) -> Path | None:
    return next((d / name for d in dirs if (d / name).is_file()), None)


def norm(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip().lower()


def content_words(text: str | None) -> set[str]:
    return {w for w in _WORD.findall((text or "").lower()) if len(w) > 1 and w not in STOP_WORDS}


def align(gold: list[NewsSentence], predicted: tuple[TaggedSentence, ...]) -> dict[int, list[TaggedSentence]]:
    """Gold sentence number -> the predicted sentences covering it: equal, one inside the
    other (past 15 characters), or the same first 40 characters."""
    normed = [(norm(p.text), p) for p in predicted]
    out: dict[int, list[TaggedSentence]] = {}
    for g in gold:
        gt = norm(g.text)
        out[g.i] = [p for t, p in normed if t and (
            t == gt or (len(t) > 15 and t in gt) or (len(gt) > 15 and gt in t) or (len(t) >= 40 and t[:40] == gt[:40]))]
    return out


def _gold_sources(g: NewsAttribution) -> list[str]:
    if not g.resolved_to:
        return [g.source]
    return [g.resolved_to] if g.kind == "pronoun" else [g.source, g.resolved_to]


def matches(p: Predicted, g: NewsAttribution) -> bool:
    """Whether a predicted attribution names the gold source (a gold pronoun: its referent)."""
    if g.mode == "reported" and not g.source:  # "it is reported": any sourceless or vague report fits
        return p.mode == "reported" or p.kind in ("vague", "anonymous")
    gold_words = set().union(*(content_words(t) for t in _gold_sources(g)))
    if g.kind == "pronoun":  # the pronoun alone is not enough: its referent must be right
        return bool(content_words(p.resolved_to if p.resolved_to else p.text) & gold_words)
    return bool((content_words(p.text) | content_words(p.resolved_to)) & gold_words)
