"""`auditor eval GOLD.jsonl --pages DIR`: the real-news format, its matching and its figures.

Two made-up pages and their gold are written here; every figure is worked out
by hand below.  The last test checks the figures against the sample's own
score.py on the real dev pages, when ../shared is there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.analyse import discourse
from auditor.cli import cli
from auditor.evaluation.realnews import NewsAttribution, Predicted, matches
from auditor.evaluation.realnews_scores import evaluate_news

HARBOUR = """<!DOCTYPE html><html lang="en"><head><title>Harbour bridge delayed again</title></head><body><article>
<h1>Harbour bridge delayed again</h1>
<p>Maria Jensen, the city engineer, said on Monday that the new harbour bridge would open in May.</p>
<p>She said the costs had doubled since the spring.</p>
<p>The river was unusually high last week. The ferry ran twice a day.</p>
<p>The mayor announced that the budget might be raised again, the clerk said.</p>
<p>He added that the works would last two years.</p>
<p>Critics say the project is probably too expensive.</p>
</article></body></html>
"""
BAKERY = """<!DOCTYPE html><html lang="de"><head><title>Bäckerei schließt nach vierzig Jahren</title></head><body><article>
<h1>Bäckerei schließt nach vierzig Jahren</h1>
<p>Der Bäcker Karl Hummel sagte am Dienstag, er werde die Bäckerei im Herbst schließen.</p>
<p>Laut der Innung fehlen in der Region viele Lehrlinge.</p>
<p>Die Kunden kamen jeden Morgen vor sieben Uhr. Der Laden liegt am Marktplatz.</p>
</article></body></html>
"""


def _att(source: str, kind: str, mode: str = "reported_speech", resolved_to: str | None = None) -> dict:
    return {"source": source, "kind": kind, "cue": "", "resolved_to": resolved_to, "via": [], "mode": mode}


def _sentence(i: int, text: str, attributions=(), hedges=(), skip: bool = False) -> dict:
    return {"i": i, "text": text, "skip": skip, "attributions": list(attributions), "hedges": list(hedges)}


# What the tagger finds, sentence by sentence, and what each gold sentence adds up to:
# pred = predicted attributions, right/wrong/spurious their verdicts; found/missed the gold ones.
HARBOUR_GOLD = {"file": "harbour.html", "lang": "en", "url": None, "sentences": [
    _sentence(0, "Harbour bridge delayed again"),
    # "Maria Jensen, the city engineer" (person): right, found, kind right
    _sentence(1, "Maria Jensen, the city engineer, said on Monday that the new harbour bridge would open in May.",
              [_att("Maria Jensen", "person")]),
    # "She" resolved to "Maria Jensen, the city engineer": right, found, pronoun found
    _sentence(2, "She said the costs had doubled since the spring.",
              [_att("She", "pronoun", resolved_to="Maria Jensen")]),
    _sentence(3, "The river was unusually high last week."),
    _sentence(4, "The ferry ran twice a day.", skip=True),
    # "The mayor" (wrong speaker) and "the clerk" (right, found, kind right); hedged on both sides
    _sentence(5, "The mayor announced that the budget might be raised again, the clerk said.",
              [_att("the clerk", "person")], hedges=["might"]),
    # "He" resolved to "the clerk": wrong speaker; the gold pronoun is missed
    _sentence(6, "He added that the works would last two years.",
              [_att("He", "pronoun", resolved_to="The mayor")]),
    # "Critics" (vague) where the gold has none: spurious; hedged only by the tagger
    _sentence(7, "Critics say the project is probably too expensive."),
    # not on the page: unaligned, both missed
    _sentence(8, "The harbour master and his deputy declined to comment.",
              [_att("The harbour master", "person"), _att("his deputy", "person")]),
]}
BAKERY_GOLD = {"file": "bakery.html", "lang": "de", "url": None, "sentences": [
    _sentence(0, "Bäckerei schließt nach vierzig Jahren"),
    # right, found, kind right
    _sentence(1, "Der Bäcker Karl Hummel sagte am Dienstag, er werde die Bäckerei im Herbst schließen.",
              [_att("Der Bäcker Karl Hummel", "person")]),
    # "der Innung" comes out a person: right, found, kind wrong
    _sentence(2, "Laut der Innung fehlen in der Region viele Lehrlinge.",
              [_att("der Innung", "organization", mode="according_to")]),
    # a sourceless report the tagger does not see: missed
    _sentence(3, "Die Kunden kamen jeden Morgen vor sieben Uhr.", [_att("", "vague", mode="reported")]),
    # a hedge made up to be missed
    _sentence(4, "Der Laden liegt am Marktplatz.", hedges=["liegt"]),
]}
# 13 sentences (1 skipped, not counted), 1 unaligned; gold 9, predicted 8: right 5, wrong 2, spurious 1;
# found 5; pronouns 1 of 2; kinds 3 of 4; attributed sentences tp 6 fp 1 fn 2; hedged tp 1 fp 1 fn 1.
EXPECTED = {
    "articles": 2, "failed": 0, "sentences": 13, "unaligned": 1, "gold_attributions": 9, "predicted": 8,
    "attr_p": round(5 / 8, 3), "attr_r": round(5 / 9, 3), "attr_f1": round(10 / 17, 3),
    "wrong_speaker": 0.25, "spurious": 0.125, "pronoun_acc": 0.5, "pronouns": 2, "kind_acc": 0.75,
    "attributed_sentence_f1": round(12 / 15, 3), "hedged_sentence_f1": 0.5, "failures": [],
}


@pytest.fixture
def news(tmp_path: Path) -> tuple[Path, Path]:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "harbour.html").write_text(HARBOUR, encoding="utf-8")
    (pages / "bakery.html").write_text(BAKERY, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in (HARBOUR_GOLD, BAKERY_GOLD)),
                    encoding="utf-8")
    return gold, pages


def test_every_figure_by_hand(news):
    gold, pages = news
    data = evaluate_news(gold, [pages]).as_dict()
    assert {k: data[k] for k in EXPECTED} == EXPECTED


def test_errors_list_wrong_speakers_first_then_missed_then_spurious_then_wrong_kinds(news):
    gold, pages = news
    cases = evaluate_news(gold, [pages]).as_dict(n_errors=10)["errors"]
    assert [(c["error"], c["predicted"]) for c in cases] == [
        ("wrong speaker", "The mayor"), ("wrong speaker", "He → the clerk"),
        ("missed", "He → the clerk"), ("missed", ""), ("missed", ""), ("missed", ""),
        ("spurious", "Critics"), ("wrong kind", "der Innung (person)")]
    assert cases[7]["gold"] == "der Innung (organization)"
    assert cases[1]["sentence"] == "He added that the works would last two years."
    assert cases[1]["gold"] == "He → The mayor"
    assert [c["gold"] for c in cases[3:6]] == ["The harbour master", "his deputy", ""]
    assert cases[6]["gold"] == ""


def test_errors_list_false_and_missed_hedged_sentences(news):
    gold, pages = news
    data = evaluate_news(gold, [pages]).as_dict(n_errors=10)
    assert [(c["error"], c["gold"], c["predicted"]) for c in data["hedge_errors"]] == [
        ("false hedge", "", "Critics say | probably"), ("missed hedge", "liegt", "")]
    assert data["hedge_errors"][0]["sentence"] == "Critics say the project is probably too expensive."


def test_the_cli_prints_the_figures_as_text_and_json(news):
    gold, pages = news
    runner = CliRunner()
    shown = runner.invoke(cli, ["eval", str(gold), "--pages", str(pages), "--format", "json", "--errors", "2"])
    assert shown.exit_code == 0, shown.output
    data = json.loads(shown.output)
    assert {k: data[k] for k in EXPECTED} == EXPECTED
    assert [c["error"] for c in data["errors"]] == ["wrong speaker", "wrong speaker"]
    text = runner.invoke(cli, ["eval", str(gold), "--pages", str(pages), "--errors", "1"])
    assert text.exit_code == 0, text.output
    assert "P 0.625  R 0.556  F1 0.588" in text.output
    assert "wrong speaker (harbour.html): The mayor announced" in text.output
    assert "pronoun resolution      0.500 of 2" in text.output


def test_real_news_gold_without_pages_is_a_usage_error(news):
    gold, _ = news
    result = CliRunner().invoke(cli, ["eval", str(gold)])
    assert result.exit_code == 2
    assert "--pages DIR" in result.output


def test_a_missing_page_is_a_failure_and_its_sentences_unaligned(news, tmp_path):
    gold, pages = news
    (pages / "bakery.html").unlink()
    data = evaluate_news(gold, [pages]).as_dict()
    assert data["failed"] == 1 and data["failures"] == ["bakery.html: page missing"]
    assert data["unaligned"] == 1 + 5


@pytest.mark.parametrize(("gold", "predicted", "expected"), [
    # a pronoun counts by its referent, not by the pronoun itself
    (_att("she", "pronoun", resolved_to="Lena Vogt"), Predicted("she", "pronoun", "Lena Vogt, the judge", "reported_speech"), True),
    (_att("she", "pronoun", resolved_to="Lena Vogt"), Predicted("she", "pronoun", None, "reported_speech"), False),
    # a named source matches on its resolved name too
    (_att("Lena Vogt", "person"), Predicted("the judge", "person", "Lena Vogt", "carried_over"), True),
    # stop words alone ("the", "said") match nothing
    (_att("the minister", "person"), Predicted("the council", "organization", None, "reported_speech"), False),
    # a sourceless report is matched by any vague or anonymous source, or a cue-less report
    (_att("", "vague", mode="reported"), Predicted("observers", "vague", None, "reported_speech"), True),
    (_att("", "vague", mode="reported"), Predicted("Lena Vogt", "person", None, "reported"), True),
    (_att("", "vague", mode="reported"), Predicted("Lena Vogt", "person", None, "reported_speech"), False),
])
def test_matching(gold, predicted, expected):
    assert matches(predicted, NewsAttribution.model_validate(gold)) is expected


def _shared() -> Path | None:
    here = Path(__file__).resolve().parent.parent
    for shared in (Path("/work/wt/shared"), here.parent / "shared"):
        if (shared / "eval" / "realnews-dev" / "score.py").is_file():
            return shared / "eval" / "realnews-dev"
    return None


@pytest.mark.skipif(_shared() is None, reason="the real-news dev sample (../shared) is not here")
@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_figures_are_score_py_figures_on_the_dev_sample(lang):
    sample = _shared()
    auditor = Path(sys.executable).parent / "auditor"
    printed = subprocess.run(
        [sys.executable, str(sample / "score.py"), str(sample / f"{lang}.jsonl"), str(sample / "pages"),
         "--auditor", str(auditor), "--json"],
        capture_output=True, text=True, check=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    theirs = json.loads(printed.stdout)
    ours = evaluate_news(sample / f"{lang}.jsonl", [sample / "pages"]).as_dict()
    del theirs["failures"], ours["failures"]
    assert {k: ours[k] for k in theirs} == theirs


def test_a_linking_step_that_fails_is_shown_not_hidden(news, monkeypatch):
    # the article goes on without the links (total), but figures measured around a bug must say so
    def broken(*args, **kwargs):
        raise NameError("name '_X' is not defined")

    monkeypatch.setattr(discourse, "link", broken)
    gold, pages = news
    data = evaluate_news(gold, [pages]).as_dict()
    assert data["warnings"] and all("_X" in w for w in data["warnings"])
    assert data["warnings"][0].startswith("harbour.html: ")
    text = CliRunner().invoke(cli, ["eval", str(gold), "--pages", str(pages)])
    assert "warning: harbour.html: sentences left unlinked" in text.output
