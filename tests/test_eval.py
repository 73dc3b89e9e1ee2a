"""`auditor eval` on small gold corpora written here, in the formats of ../shared/eval.

The figures are worked out by hand from the gold spans below and what the
tagger finds in these sentences; the real corpora stay outside the repository.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.analyse import discourse
from auditor.cli import cli
from auditor.evaluation.evaluate import Evaluation, _log_mismatches, evaluate
from auditor.evaluation.metrics import Counts, WordIndex, overlap_counts

GERMAN = "Der Minister sagte, die Lage sei ernst. Das Wetter war schön."
ENGLISH = "Officials said the bridge would close. The weather was fine."


def _span(text: str, words: str) -> list[int]:
    start = text.index(words)
    return [start, start + len(words)]


def _sentences(text: str) -> list[list[int]]:
    first = text.index(". ") + 1
    return [[0, first], [first + 1, len(text)]]


def _document(doc_id: str, lang: str, text: str, sentences: bool) -> dict:
    """One found attribution (the speaker and "said"), one the tagger cannot find
    (the weather "says" nothing: a gold item made up to be missed)."""
    speaker, cue = ("Der Minister", "sagte") if lang == "de" else ("Officials", "said")
    weather = "Das Wetter" if lang == "de" else "The weather"
    verb = "war" if lang == "de" else "was"
    return {
        "id": doc_id, "lang": lang, "title": None, "text": text,
        "sentences": _sentences(text) if sentences else None,
        "attributions": [
            {"kind": "Indirect", "cue": [_span(text, cue)], "source": [_span(text, speaker)], "content": [], "frame": []},
            {"kind": "Indirect", "cue": [_span(text, verb)], "source": [_span(text, weather)], "content": [], "frame": []},
        ],
    }


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    lines = [_document("de-1", "de", GERMAN, sentences=True), _document("en-1", "en", ENGLISH, sentences=False)]
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def weasel(tmp_path: Path) -> Path:
    path = tmp_path / "weasel.csv"
    path.write_text(
        "text,label\n"
        "The company reportedly lost money last year.,1\n"
        "\"Some critics say the plan will fail, but others disagree.\",1\n"
        "The bridge opened in 1999.,0\n"
        "It may well be the largest lake in the region.,0\n"
        "The river flows into the sea.,1\n",
        encoding="utf-8")
    return path


def test_attribution_figures(corpus):
    scores = evaluate(corpus).scores
    # sources: gold "Der Minister", "Das Wetter", "Officials", "The weather" = 7 words; found the 3 speaker words
    assert (scores["source_tokens"].tp, scores["source_tokens"].predicted, scores["source_tokens"].gold) == (3, 3, 7)
    assert (scores["cue_tokens"].tp, scores["cue_tokens"].predicted, scores["cue_tokens"].gold) == (2, 2, 4)
    assert scores["attributions"].recall == 0.5 and scores["attributions"].precision == 1.0
    # only the German document has gold sentences
    assert (scores["sentence_boundaries"].tp, scores["sentence_boundaries"].gold) == (2, 2)
    attributed = scores["attributed_sentences"]
    assert (attributed.tp, attributed.predicted, attributed.gold) == (1, 1, 2)


def test_weasel_figures(weasel):
    counts = evaluate(weasel).scores["uncertain_sentences"]
    # reportedly and "some critics say" are found; "may well" is a hedge the gold calls certain; the river is missed
    assert (counts.tp, counts.predicted, counts.gold) == (2, 3, 3)


def test_the_cli_prints_the_table_json_and_errors(corpus):
    runner = CliRunner()
    text = runner.invoke(cli, ["eval", str(corpus), "--errors", "5"])
    assert text.exit_code == 0, text.output
    assert "2 documents" in text.output and "source_tokens" in text.output
    assert "missed source:" in text.output and "das wetter" in text.output
    data = json.loads(runner.invoke(cli, ["eval", str(corpus), "--format", "json"]).output)
    assert data["scores"]["cue_tokens"]["f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert data["ms_per_1000_sentences"] > 0


def test_a_dash_cue_found_where_the_gold_has_it_is_neither_missed_nor_spurious():
    # "―" and ":" hold no word, so no token figure counts them; the error lists match them by characters
    text = "“He represents our greatest shame.” ― Sonya Herridge\n“He was rude.” ― Pamela Padilla"
    first, second = _span(text, "―"), [text.rindex("―"), text.rindex("―") + 1]
    ev = Evaluation("gold", "attributions")
    _log_mismatches(ev, "cue", text, WordIndex(text), [[tuple(first)], [tuple(second)]], [[tuple(first)]])
    assert "spurious cue" not in ev.errors
    assert dict(ev.errors["missed cue"].counts) == {"―": 1}
    assert "Pamela Padilla" in ev.errors["missed cue"].examples["―"]


@pytest.mark.parametrize("name, body, message", [
    ("gold.txt", "whatever", "unknown corpus format"),
    ("gold.jsonl", '{"id": "1", "lang": "de"}\n', "gold.jsonl:1: not a gold document: text"),
    ("weasel.csv", "sentence,gold\nx,1\n", "expected a CSV with the columns text,label"),
    ("weasel.csv", "text,label\nx,yes\n", "weasel.csv:2: label must be 0 or 1"),
])
def test_a_bad_corpus_is_one_clear_line(tmp_path, name, body, message):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(path)])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def test_token_and_overlap_metrics():
    words = WordIndex("Der Minister sagte gestern")
    assert words.tokens([(0, 12)]) == {0, 1}
    assert words.tokens([(1, 12)]) == {1}  # a word counts only when it lies wholly inside the span
    found, predicted, gold, right = overlap_counts([{0, 1}, {3}], [{1}, {2}])
    assert (found, predicted, gold, right) == (1, 2, 2, 1)
    counts = Counts()
    counts.add(1, 2, 4)
    assert (counts.precision, counts.recall) == (0.5, 0.25) and counts.f1 == pytest.approx(1 / 3)


def test_a_linking_step_that_fails_is_a_warning_line(corpus, monkeypatch):
    def broken(*args, **kwargs):
        raise NameError("name '_X' is not defined")

    monkeypatch.setattr(discourse, "link", broken)
    result = CliRunner().invoke(cli, ["eval", str(corpus)])
    assert result.exit_code == 0, result.output
    assert "warning: " in result.output and "sentences left unlinked" in result.output
