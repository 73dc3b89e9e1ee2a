"""`auditor rules check|list|features`, scores in `audit`, `auditor rescore`, and stored runs.

Rescoring is checked on a database of hand-built articles, so the expected
scores do not move with the tagger.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner
from scoring_fixtures import BASE, NUMBER, PERSON, ArticleBuilder

from auditor.cli import cli
from auditor.rescore import rescore
from auditor.scoring import load_scoring
from auditor.store.sqlite import read, runs, schema
from auditor.store.sqlite import write as sqlite_write

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "telegraph-peacekeepers-de.txt"


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def dump(db_path: Path) -> str:
    """Everything in the database, to compare before and after."""
    with sqlite3.connect(db_path) as conn:
        return "\n".join(conn.iterdump())


# --- rules check / list / features ------------------------------------------------


def test_check_shipped_profiles():
    result = run("rules", "check", ROOT / "rules" / "default.toml", ROOT / "rules" / "strict.toml",
                 ROOT / "rules" / "numbers.toml")
    assert result.exit_code == 0, result.output
    assert result.stdout.count("ok: ") == 3 and "rule set 'strict'" in result.stdout


def test_check_reports_every_problem_with_location(tmp_path):
    bad = write(tmp_path / "bad.toml", """
[[rules]]
id = "a"
description = "x"
scope = "sentence"
when = { source_kind = ["anonymus"], loudness = 2 }
weight = "5"
colour = "red"

[[rules]]
id = "a"
""")
    result = run("rules", "check", bad)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    for expected in ("rule 'a': weight: Input should be a valid number",
                     "rule 'a': when.source_kind.any[0]: Input should be 'person'",
                     "rule 'a': when.loudness: unknown feature 'loudness'",
                     "rule 'a': colour: unknown field 'colour'",
                     "rule 'a': id: duplicate id in this file"):
        assert any(str(bad) in line and expected in line for line in lines), (expected, lines)
    assert lines[-1] == "5 problems"


def test_check_malformed_toml_gives_the_line(tmp_path):
    bad = write(tmp_path / "broken.toml", 'name = "x"\n[[rules]\nid = "a"\n')
    result = run("rules", "check", bad)
    assert result.exit_code == 1
    assert f"{bad}:2: invalid TOML" in result.stderr


def test_check_combine_and_outlet_files(tmp_path):
    base = write(tmp_path / "base.toml", BASE)
    override = write(tmp_path / "override.toml", '[[rules]]\nid = "anon"\nweight = 9\n')
    assert run("rules", "check", override).exit_code == 1  # alone it overrides nothing
    assert run("rules", "check", "--combine", base, override).exit_code == 0
    good = write(tmp_path / "good.csv", "domain,rating\nexample.org,0.5\n")
    broken = write(tmp_path / "broken.csv", "domain,rating\nexample.org,0.5\nexample.net,lots\n")
    assert run("rules", "check", good).exit_code == 0
    result = run("rules", "check", good, broken)
    assert result.exit_code == 1
    assert f"{broken}:3: rating: rating 'lots' is not a number" in result.stderr


def test_list_shows_active_rules_and_disabled(tmp_path):
    result = run("rules", "list", "--rules", "numbers")
    assert result.exit_code == 0
    assert "unattributed-number" in result.stdout and "disabled: anonymous-source" in result.stdout
    data = json.loads(run("rules", "list", "--rules", "strict", "--format", "json").stdout)
    assert data["name"] == "strict"
    rules = {r["id"]: r for r in data["rules"]}
    assert rules["anonymous-source"]["weight"] == 10 and rules["anonymous-source"]["file"].endswith("strict.toml")
    assert rules["anonymous-source"]["when"] == {"source_kind": {"any": ["anonymous"]}}
    bad = write(tmp_path / "bad.toml", "[[rules]]\nid = 3\n")
    result = run("rules", "list", "--rules", bad)
    assert result.exit_code == 1 and "has no id" in result.stderr


def test_features_lists_both_scopes():
    out = run("rules", "features").stdout
    assert "source_kind" in out and "share_unattributed" in out and "cited_outlet_rating" in out


# --- scores in audit ----------------------------------------------------------------


def test_audit_json_has_score_and_rule_hits(tmp_path):
    result = run("audit", SEED, "--format", "json", "--no-db", "--rules", "strict")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    score = data["article"]["score"]
    assert score["rule_set"] == "strict" and 0 <= score["value"] <= 100
    assert score["value"] == max(0, 100 - sum(row["points"] for row in score["breakdown"]))
    hits = [h for s in data["sentences"] for h in s["rule_hits"]]
    assert all(set(h) == {"rule", "points", "message"} for h in hits)
    for row in score["breakdown"]:
        assert set(row) == {"rule", "description", "scope", "count", "points", "examples"}
        for example in row["examples"]:
            assert data["sentences"][example["index"]]["text"] == example["text"]
        if row["scope"] == "sentence":
            assert row["count"] == sum(1 for h in hits if h["rule"] == row["rule"])


def test_audit_text_report_shows_the_breakdown():
    out = run("audit", SEED, "--no-db").stdout
    assert "Score" in out and "(rule set default)" in out and "anonymous-source" in out


def test_audit_stores_a_run(tmp_path):
    db_path = tmp_path / "a.db"
    assert run("audit", SEED, "--db", db_path, "--format", "json").exit_code == 0
    assert run("audit", SEED, "--db", db_path, "--format", "json", "--rules", "strict").exit_code == 0
    db = sqlite_utils.Database(db_path)
    assert [r["kind"] for r in db["runs"].rows] == ["audit", "audit"]
    assert db["rule_sets"].count == 2 and db["article_scores"].count == 2  # the re-audit kept run 1's score
    assert db["rules"].count == 10 + 13
    history = list(db.query("SELECT rule_set, score FROM score_history ORDER BY run_id"))
    assert [h["rule_set"] for h in history] == ["default", "strict"]
    latest = list(db["latest_scores"].rows)
    assert len(latest) == 1 and latest[0]["rule_set"] == "strict"


@pytest.mark.parametrize("option, text, expected", [
    ("--rules", "[[rules]\n", "invalid TOML"),
    ("--rules", '[[rules]]\nid = "x"\ndescription = "d"\nscope = "sentence"\nwhen = {}\nweight = "heavy"\n',
     "weight: Input should be a valid number"),
    ("--outlets", "domain,rating\nexample.org,0.5\nexample.net,2\n", ":3: rating:"),
])
def test_bad_rules_or_outlets_leave_the_database_alone(tmp_path, option, text, expected):
    db_path = tmp_path / "a.db"
    bad = write(tmp_path / ("bad.csv" if option == "--outlets" else "bad.toml"), text)
    result = run("audit", SEED, "--db", db_path, option, bad)
    assert result.exit_code == 1 and expected in result.stderr
    assert not db_path.exists()  # checked before the database is opened
    assert run("audit", SEED, "--db", db_path, "--format", "json").exit_code == 0
    before = dump(db_path)
    assert run("audit", SEED, "--db", db_path, option, bad).exit_code == 1
    assert run("rescore", "--db", db_path, option, bad).exit_code == 1
    assert dump(db_path) == before


# --- rescoring -------------------------------------------------------------------------


ANON_TEXT = "Quellen zufolge soll der Minister zurücktreten."


@pytest.fixture
def stored(tmp_path):
    """A database with three hand-built articles scored by BASE (run 1)."""
    anon = ArticleBuilder().add(ANON_TEXT, sources=[("Quellen", "anonymous")]).add(
        PERSON, sources=[("Trump", "person")]).build("anon")
    number = ArticleBuilder().add(NUMBER).add(PERSON, sources=[("Trump", "person")]).build("number")
    clean = ArticleBuilder().add(PERSON, sources=[("Trump", "person")]).build("clean")
    base = write(tmp_path / "base.toml", BASE)
    scoring = load_scoring([base])
    db_path = tmp_path / "audit.db"
    db = schema.open_db(db_path)
    run_id = runs.start_run(db, scoring.rules, kind="audit", analyser_version="test",
                             outlets_hash=scoring.outlets.content_hash)
    for result in (anon, number, clean):
        sqlite_write.save_result(db, scoring.score(result), run_id=run_id)
    return db_path, base, db


def test_stored_scores_are_what_the_rules_say(stored):
    _, _, db = stored
    # anon: 5 (anonymous) + 10 (50% unattributed? no: 0%) ; number: 4 + 10 (50% > 10%); clean: 0
    assert read.run_scores(db, 1) == {"anon": 95.0, "number": 86.0, "clean": 100.0}
    hits = {(h["article_id"], h["sentence_idx"], h["rule_id"], h["points"]) for h in db["rule_hits"].rows}
    assert hits == {("anon", 0, "anon", 5.0), ("number", 0, "number", 4.0),
                    ("number", None, "unattributed-share", 10.0)}


def test_rescore_with_a_changed_weight_changes_exactly_the_expected_scores(stored, tmp_path):
    db_path, base, db = stored
    heavier = write(tmp_path / "heavier.toml", '[[rules]]\nid = "anon"\nweight = 8\n')
    result = run("rescore", "--db", db_path, "--rules", base, "--rules", heavier, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["run_id"] == 2
    changed = {a["article_id"]: (a["before"], a["after"]) for a in report["articles"] if a["before"] != a["after"]}
    assert changed == {"anon": (95.0, 92.0)}
    assert read.run_scores(db, 1) == {"anon": 95.0, "number": 86.0, "clean": 100.0}  # earlier run kept
    assert read.run_scores(db, 2) == {"anon": 92.0, "number": 86.0, "clean": 100.0}
    assert [r["kind"] for r in db["runs"].rows] == ["audit", "rescore"]
    points = {h["points"] for h in db["rule_hits"].rows_where("run_id = 2 AND rule_id = 'anon'")}
    assert points == {8.0}
    text = run("rescore", "--db", db_path, "--rules", base).stdout  # back to the old weight: same rule set row
    assert "92 (heavier) -> 95" in text
    assert db["rule_sets"].count == 2


def test_rescore_does_not_touch_the_analysis(stored):
    db_path, _, db = stored
    tables = ("articles", "sentences", "attributions", "hedges", "sources", "via")
    before = {t: list(db[t].rows) for t in tables}
    assert run("rescore", "--db", db_path, "--rules", "strict").exit_code == 0
    assert {t: list(db[t].rows) for t in tables} == before


def test_rescore_is_all_or_nothing(stored, monkeypatch):
    db_path, _, db = stored
    before = dump(db_path)
    calls = []

    def failing(conn, run_id, article_id, rows):
        calls.append(article_id)
        if len(calls) == 2:
            raise RuntimeError("disk on fire")

    monkeypatch.setattr(runs, "write_score", failing)
    with pytest.raises(RuntimeError):
        rescore(db, load_scoring(["strict"]))
    assert dump(db_path) == before


def test_rescore_unknown_article_changes_nothing(stored):
    db_path, _, _ = stored
    before = dump(db_path)
    result = run("rescore", "--db", db_path, "--article", "anon", "--article", "missing")
    assert result.exit_code == 1 and "no stored article with id 'missing'" in result.stderr
    assert dump(db_path) == before


def test_rescore_one_article(stored):
    db_path, _, db = stored
    assert run("rescore", "--db", db_path, "--article", "number", "--rules", "numbers").exit_code == 0
    assert read.run_scores(db, 2) == {"number": 90.0}


def test_reaudit_keeps_earlier_scores_and_deleting_needs_scores_gone(stored):
    _, _, db = stored
    result = read.load_result(db, "anon")
    sqlite_write.save_result(db, result)  # re-audit without scoring: the article row is replaced
    assert read.run_scores(db, 1)["anon"] == 95.0
    with pytest.raises(sqlite3.IntegrityError), db.conn:  # the deferred foreign key guards the history
        db.conn.execute("DELETE FROM publications WHERE id = 'clean'")


def test_saving_an_article_again_in_the_same_run_replaces_its_score_and_hits(stored, tmp_path):
    _, _, db = stored
    heavier = write(tmp_path / "heavier.toml", BASE.replace("weight = 5", "weight = 7"))
    rescored = load_scoring([heavier]).score(read.load_result(db, "anon"))
    sqlite_write.save_result(db, rescored, run_id=1)  # same run, new score: one row, the new one
    rows = list(db.query("SELECT article_id, score FROM article_scores WHERE run_id = 1 ORDER BY article_id"))
    assert rows == [{"article_id": "anon", "score": 93.0}, {"article_id": "clean", "score": 100.0},
                    {"article_id": "number", "score": 86.0}]
    hits = [(h["sentence_idx"], h["rule_id"], h["points"]) for h in db["rule_hits"].rows_where("article_id = 'anon'")]
    assert hits == [(0, "anon", 7.0)]
