"""Readers for the evaluation corpora (JSON Lines with gold attributions, WikiWeasel CSV)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from ..errors import InputError

Spans = list[tuple[int, int]]


class GoldAttribution(BaseModel):
    model_config = ConfigDict(extra="ignore")

    kind: str = ""
    cue: Spans = []
    source: Spans = []
    content: Spans = []
    frame: Spans = []


class GoldDocument(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    lang: str
    title: str | None = None
    text: str
    sentences: Spans | None = None
    attributions: list[GoldAttribution] = []


class WeaselSentence(BaseModel):
    id: str
    text: str
    uncertain: bool


def read_gold_jsonl(path: Path) -> Iterator[GoldDocument]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield GoldDocument.model_validate_json(line)
            except ValidationError as error:
                first = error.errors()[0]
                where = ".".join(str(p) for p in first["loc"])
                raise InputError(f"{path}:{number}", f"not a gold document: {where}: {first['msg']}") from None


def read_weasel_csv(path: Path) -> Iterator[WeaselSentence]:
    csv.field_size_limit(10_000_000)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or not {"text", "label"} <= set(reader.fieldnames):
            raise InputError(str(path), "expected a CSV with the columns text,label")
        for number, row in enumerate(reader, 2):
            label = (row.get("label") or "").strip()
            if label not in ("0", "1"):
                raise InputError(f"{path}:{number}", f"label must be 0 or 1, got {label!r}")
            yield WeaselSentence(id=str(number), text=row["text"].strip(), uncertain=label == "1")


def corpus_kind(path: Path) -> str:
    if path.suffix == ".csv":
        return "weasel"
    if path.suffix == ".jsonl":
        return "attribution"
    raise InputError(str(path), "unknown corpus format: expected .jsonl (gold attributions) or .csv (text,label)")


def load_json(path: Path) -> object:  # pragma: no cover - convenience for notebooks
    return json.loads(path.read_text(encoding="utf-8"))
