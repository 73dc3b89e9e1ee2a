"""Pronoun gold (tests/data/pronoun_gold/README.md) and how resolution is scored against it.

One JSON line per gold pronoun source: ``{"doc", "pronoun": [start, end],
"referent": [start, end] | null, "class": "named" | "description" | "none" |
"cataphora"}``, offsets into the corpus document's text (no corpus text in the
file).  A gold pronoun counts when the auditor found the same offsets as a
pronoun source; it is right when ``resolved_to`` shares a content word with the
referent, matched as the real-news scorer matches (``realnews.content_words``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import InputError
from ..models import AuditResult
from .realnews import content_words

PronounClass = Literal["named", "description", "none", "cataphora"]


class GoldPronoun(BaseModel):
    # no field for notes: corpus text must stay out of the file
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    doc: str
    pronoun: tuple[int, int]
    referent: tuple[int, int] | None
    cls: PronounClass = Field(alias="class")


def read_pronoun_gold(paths: Iterable[Path]) -> dict[str, list[GoldPronoun]]:
    """Document id -> its gold pronouns, from one or more files.  A pronoun that is the source of
    two gold attributions may have two (equal) lines; it counts once."""
    by_doc: dict[str, list[GoldPronoun]] = defaultdict(list)
    seen: dict[tuple[str, tuple[int, int]], GoldPronoun] = {}
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    gold = GoldPronoun.model_validate_json(line)
                except ValidationError as error:
                    first = error.errors()[0]
                    where = ".".join(str(p) for p in first["loc"])
                    raise InputError(f"{path}:{number}", f"not a gold pronoun: {where}: {first['msg']}") from None
                if (gold.referent is None) != (gold.cls == "none"):
                    raise InputError(f"{path}:{number}", "the referent is null exactly when the class is none")
                key = (gold.doc, gold.pronoun)
                if key in seen:
                    if seen[key] != gold:
                        raise InputError(f"{path}:{number}", "the same pronoun was given another referent before")
                    continue
                seen[key] = gold
                by_doc[gold.doc].append(gold)
    return dict(by_doc)


@dataclass
class PronounTally:
    """Gold pronouns (none-class left out), those the auditor found as pronoun sources, and those resolved right."""

    gold: int = 0
    found: int = 0
    right: int = 0
    excluded_none: int = 0
    wrong: list[dict[str, Any]] = field(default_factory=list)

    def add(self, text: str, golds: list[GoldPronoun], result: AuditResult) -> None:
        resolved = {(a.source.start, a.source.end): a.source.resolved_to
                    for s in result.sentences for a in s.attributions
                    if a.source is not None and a.source.kind == "pronoun"}
        for g in golds:
            if g.cls == "none" or g.referent is None:
                self.excluded_none += 1
                continue
            self.gold += 1
            if tuple(g.pronoun) not in resolved:
                continue
            self.found += 1
            got = resolved[tuple(g.pronoun)]
            referent = text[g.referent[0]:g.referent[1]]
            if content_words(got) & content_words(referent):
                self.right += 1
            else:
                self.wrong.append({"doc": g.doc, "pronoun": text[g.pronoun[0]:g.pronoun[1]],
                                   "resolved_to": got, "referent": referent})

    @property
    def accuracy(self) -> float:
        return self.right / self.found if self.found else 0.0

    def as_dict(self, n_errors: int = 0) -> dict[str, Any]:
        data: dict[str, Any] = {"accuracy": round(self.accuracy, 3), "right": self.right, "found": self.found,
                                "gold": self.gold, "excluded_none": self.excluded_none}
        if n_errors:
            data["wrong"] = self.wrong[:n_errors]
        return data



def pronoun_line(figures: dict[str, Any]) -> str:
    """The text line of ``auditor eval --pronouns``, from the figures as ``as_dict`` gives them."""
    return (f"pronoun resolution  {figures['accuracy']:.3f} of {figures['found']} ({figures['found']} of "
            f"{figures['gold']} gold pronouns found as pronoun sources; none-class excluded)")
