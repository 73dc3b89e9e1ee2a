"""`auditor eval --pronouns`: pronoun gold (offsets only) on a tiny corpus written here.

The figures are worked out by hand: "She" is found and resolved to Maria Lopez
(right), "It" is found but resolved to the state agency, not the council (wrong), "We" is the writer's (class
none, left out), and "They" is no source the auditor finds (gold, not found).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import cli
from auditor.errors import InputError
from auditor.evaluation.evaluate import evaluate
from auditor.evaluation.pronouns import read_pronoun_gold

TEXT = ("Maria Lopez runs the clinic in Dayton. She said the funding would end in March. "
        "The city council met on Tuesday. The state agency sent a letter. It said the budget was tight. We said nothing. They met again in May.")


def _span(words: str, after: int = 0) -> list[int]:
    start = TEXT.index(words, after)
    return [start, start + len(words)]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    doc = {"id": "doc-1", "lang": "en", "title": None, "text": TEXT, "sentences": None, "attributions": []}
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def pronouns(tmp_path: Path) -> Path:
    path = tmp_path / "pronouns.jsonl"
    rows = [
        {"doc": "doc-1", "pronoun": _span("She"), "referent": _span("Maria Lopez"), "class": "named"},
        {"doc": "doc-1", "pronoun": _span("It"), "referent": _span("The city council"), "class": "description"},
        {"doc": "doc-1", "pronoun": _span("We"), "referent": None, "class": "none"},
        {"doc": "doc-1", "pronoun": _span("They"), "referent": _span("The city council"), "class": "description"},
        {"doc": "other", "pronoun": [0, 2], "referent": [5, 9], "class": "named"},  # a document not in the corpus
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_resolution_counted_on_pronouns_found(corpus: Path, pronouns: Path) -> None:
    ev = evaluate(corpus, read_pronoun_gold([pronouns]))
    assert ev.as_dict()["pronouns"] == {"accuracy": 0.5, "right": 1, "found": 2, "gold": 3, "excluded_none": 1}


def test_without_pronoun_gold_no_pronoun_figures(corpus: Path) -> None:
    assert "pronouns" not in evaluate(corpus).as_dict()


def test_cli_line_json_and_several_files(corpus: Path, pronouns: Path, tmp_path: Path) -> None:
    lines = pronouns.read_text(encoding="utf-8").splitlines(keepends=True)
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("".join(lines[:2]), encoding="utf-8")
    second.write_text("".join(lines[2:]), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["eval", str(corpus), "--pronouns", str(first), "--pronouns", str(second)])
    assert result.exit_code == 0, result.output
    assert ("pronoun resolution  0.500 of 2 (2 of 3 gold pronouns found as pronoun sources; none-class excluded)"
            in result.output)
    result = runner.invoke(cli, ["eval", str(corpus), "--pronouns", str(pronouns), "--format", "json", "--errors", "5"])
    figures = json.loads(result.output)["pronouns"]
    assert (figures["right"], figures["found"]) == (1, 2)
    # "It" goes to the body named last as a subject, the agency (the gold has the council)
    assert figures["wrong"] == [{"doc": "doc-1", "pronoun": "It", "resolved_to": "The state agency",
                                 "referent": "The city council"}]


@pytest.mark.parametrize("row, message", [
    ({"doc": "d", "pronoun": [0, 2], "referent": [3, 5], "class": "named", "note": "x"}, "note"),
    ({"doc": "d", "pronoun": [0, 2], "referent": None, "class": "named"}, "null exactly when"),
    ({"doc": "d", "pronoun": [0, 2], "referent": [3, 5], "class": "none"}, "null exactly when"),
    ({"doc": "d", "pronoun": [0, 2], "referent": [3, 5], "class": "someone"}, "class"),
])
def test_bad_rows_are_refused(tmp_path: Path, row: dict, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_pronoun_gold([path])


def test_a_pronoun_given_twice_counts_once(corpus: Path, pronouns: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.jsonl"
    again.write_text(pronouns.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    figures = evaluate(corpus, read_pronoun_gold([pronouns, again])).as_dict()["pronouns"]
    assert (figures["right"], figures["found"], figures["gold"]) == (1, 2, 3)
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"doc": "doc-1", "pronoun": _span("She"), "referent": _span("Dayton"),
                                 "class": "named"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="another referent"):
        read_pronoun_gold([pronouns, other])


def test_cli_bad_gold_is_one_line_error(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"doc": "d"}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(corpus), "--pronouns", str(path)])
    assert result.exit_code == 1
    assert "not a gold pronoun" in result.output
