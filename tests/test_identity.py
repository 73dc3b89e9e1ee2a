"""Nothing lost or merged silently: publications and texts, record ids, identity
conflicts, reruns that skip before extraction, a locked database, schema versions.

Real text throughout: the seed articles, the HTML fixtures and the v1 database
in tests/fixtures/audit-v1.db, made by the code before schema version 2 (see
tests/fixtures/make_audit_v1_db.py.txt).
"""

from __future__ import annotations

import json
import multiprocessing.forkserver
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_bulk import bulk, counted, html_page, jsonl, rows, seed_text, texts_counted

import auditor.bulk
import auditor.store.sqlite.schema
import auditor.store.sqlite.sink
from auditor.analyse import analyser_version
from auditor.cli import cli
from auditor.errors import AuditorError
from auditor.inputs import read_path
from auditor.models import SCHEMA_VERSION
from auditor.store.sqlite.read import load_result
from auditor.store.sqlite.schema import open_db
from auditor.store.sqlite.sink import SqliteSink

FIXTURES = Path(__file__).parent / "fixtures"
COURT = seed_text("court-verdict-en")
POLL = seed_text("election-poll-en")


def count(db: Path, table: str) -> int:
    return rows(db, f"SELECT COUNT(*) FROM {table}")[0][0]


def summary_counts_equal_the_database(output: str, db: Path, new_texts: int, shared: int) -> None:
    stored = new_texts + shared
    assert f"{stored} stored ({texts_counted(new_texts, shared)})" in output


# --- record ids --------------------------------------------------------------


def test_a_record_without_id_gets_a_digest_of_the_record_the_same_in_any_file_and_line(tmp_path):
    one, two = tmp_path / "a" / "split-1.jsonl", tmp_path / "b" / "split-2.jsonl"
    one.parent.mkdir()
    two.parent.mkdir()
    one.write_text(jsonl([{"text": COURT, "title": "Verdict"}, {"text": POLL}]))
    two.write_text(jsonl([{"text": "Laut Polizei war es ein Unfall."}, {"title": "Verdict", "text": COURT}]))
    first, second = read_path(one)
    third, fourth = read_path(two)
    assert first.record_id == fourth.record_id  # the same record (keys in another order) in another file and line
    assert len({first.record_id, second.record_id, third.record_id}) == 3
    assert first.record_id not in {"1", "2"}


def test_splits_without_ids_keep_every_record(tmp_path):
    # two files of records without "id": line numbers made the second overwrite the first
    one, two = tmp_path / "train.jsonl", tmp_path / "test.jsonl"
    one.write_text(jsonl([{"text": f"{COURT}\n\nNachtrag {i}."} for i in range(3)]))
    two.write_text(jsonl([{"text": f"{POLL}\n\nNachtrag {i}."} for i in range(3)]))
    db = tmp_path / "audit.db"
    result = bulk(str(one), str(two), "--db", str(db))
    assert result.exit_code == 0, result.output
    summary_counts_equal_the_database(result.output, db, new_texts=6, shared=0)
    assert count(db, "publications") == 6 == count(db, "texts")


# --- identity conflicts ----------------------------------------------------------


def test_an_id_repeated_with_other_content_is_an_error_row_and_the_first_stays(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(jsonl([{"id": "7", "text": COURT, "outlet": "First"},
                           {"id": "7", "text": POLL, "outlet": "Second"},
                           {"id": "7", "text": COURT, "outlet": "First"}]))  # the same again: skipped
    db = tmp_path / "audit.db"
    result = bulk(str(dump), "--db", str(db))
    assert result.exit_code == 1
    assert rows(db, "SELECT id, outlet, origin FROM articles") == [("7", "First", f"{dump}:1")]
    [(input_, stage, message)] = rows(db, "SELECT input, stage, message FROM errors")
    assert (input_, stage) == (f"{dump}:2", "identity")
    assert f"{dump}:1" in message and "'7'" in message
    assert counted(1, 1) in result.output

    # across runs: another file repeating the id with other text is refused too
    later = tmp_path / "later.jsonl"
    later.write_text(jsonl([{"id": "7", "text": POLL, "outlet": "Later"}]))
    result = bulk(str(later), "--db", str(db))
    assert result.exit_code == 1
    assert rows(db, "SELECT outlet FROM articles") == [("First",)]
    assert ("identity",) in rows(db, "SELECT stage FROM errors WHERE input = ?", (f"{later}:1",))


def test_audit_refuses_an_id_stored_for_other_content_and_goes_on(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(jsonl([{"id": "7", "text": COURT}, {"id": "7", "text": POLL}, {"id": "8", "text": POLL}]))
    db = tmp_path / "audit.db"
    result = CliRunner().invoke(cli, ["audit", str(dump), "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if "error" in line] == [(
        f"auditor: error: {dump}:2: id '7' is stored already for other content (from {dump}:1);"
        " kept that one: give this input another id"
    )]
    assert sorted(rows(db, "SELECT id, content_hash = ? FROM articles", (load_result(open_db(db), "7")
                                                                           .article.content_hash,))) == [
        ("7", 1), ("8", 0)]


# --- publications and texts ----------------------------------------------------


def wire_pages(folder: Path) -> list[Path]:
    """One wire story as three outlets publish it: other page, same text."""
    folder.mkdir()
    paths = []
    for outlet in ("Riverside Chronicle", "Valley Post", "Harbour Times"):
        page = html_page("Court rules on data leak", COURT).replace(
            "<title>", f"<meta property='og:site_name' content='{outlet}'><title>{outlet}: ")
        path = folder / f"{outlet.split()[0].lower()}.html"
        path.write_text(page, encoding="utf-8")
        paths.append(path)
    return paths


def test_a_wire_story_in_three_outlets_is_three_publications_of_one_text(tmp_path):
    wire_pages(tmp_path / "wire")
    db = tmp_path / "audit.db"
    result = bulk(str(tmp_path / "wire"), "--db", str(db))
    assert result.exit_code == 0, result.output
    summary_counts_equal_the_database(result.output, db, new_texts=1, shared=2)
    assert count(db, "publications") == 3 and count(db, "texts") == 1
    assert sorted(o for (o,) in rows(db, "SELECT outlet FROM articles")) == [
        "Harbour Times", "Riverside Chronicle", "Valley Post"]
    (n_sentences,) = rows(db, "SELECT n_sentences FROM texts")[0]
    assert count(db, "sentences") == n_sentences  # analysed and stored once
    # every publication reads its sentences through the views
    per_article = rows(db, "SELECT article_id, COUNT(*) FROM sentence_audit GROUP BY article_id")
    assert sorted(n for _, n in per_article) == [n_sentences] * 3

    rerun = bulk(str(tmp_path / "wire"), "--db", str(db))
    assert counted(0, 3) in rerun.output


def test_audit_stores_two_files_with_the_same_text_as_two_publications(tmp_path):
    paths = wire_pages(tmp_path / "wire")[:2]
    db = tmp_path / "audit.db"
    result = CliRunner().invoke(cli, ["audit", *map(str, paths), "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["article"]["id"] for line in result.stdout.splitlines()]
    assert len(set(ids)) == 2
    assert sorted(rows(db, "SELECT id, outlet FROM articles")) == sorted(
        zip(ids, ["Riverside Chronicle", "Valley Post"], strict=True))
    assert count(db, "texts") == 1
    assert load_result(open_db(db), ids[1]).article.outlet == "Valley Post"


# --- reruns skip before extraction ----------------------------------------------


def rerun_watching_extraction(folder: Path, db: Path, monkeypatch) -> tuple[list[str], object]:
    """Bulk the folder into db, then again with extraction watched: what the rerun extracted, and its result."""
    assert bulk(str(folder), "--db", str(db)).exit_code == 0
    extracted: list[str] = []
    extract = auditor.bulk.extract
    monkeypatch.setattr(auditor.bulk, "extract", lambda raw, **kw: extracted.append(raw.origin) or extract(raw, **kw))
    return extracted, bulk(str(folder), "--db", str(db))


def test_a_rerun_of_stored_html_extracts_nothing(tmp_path, monkeypatch):
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in ("news_en.html", "news_de.html"):
        shutil.copy(FIXTURES / name, folder / name)
    extracted, result = rerun_watching_extraction(folder, tmp_path / "audit.db", monkeypatch)
    assert extracted == []  # the code before extracted every stored page again to learn its text's hash
    assert counted(0, 2) in result.output


def test_a_run_with_nothing_to_analyse_starts_no_worker(tmp_path, monkeypatch):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(jsonl([{"id": "a", "text": COURT}, {"id": "b", "text": POLL}]))
    db = tmp_path / "audit.db"
    assert bulk(str(dump), "--db", str(db)).exit_code == 0
    started = []
    monkeypatch.setattr(auditor.bulk, "ProcessPoolExecutor", lambda *a, **kw: started.append(a) or 1 / 0)
    monkeypatch.setattr(multiprocessing.forkserver, "ensure_running", lambda: started.append("fork server"))
    result = bulk(str(dump), "--db", str(db), "--jobs", "2")
    assert started == []  # neither a pool nor the fork server it would fork workers from
    assert result.exit_code == 0, result.output
    assert counted(0, 2) in result.output


def test_two_runs_at_once_count_only_what_each_inserted(tmp_path, monkeypatch):
    # both runs found the input unstored before either committed: the second one's
    # writer finds it stored under the write lock and counts it as skipped
    dump = tmp_path / "dump.jsonl"
    dump.write_text(jsonl([{"id": "a", "text": COURT}, {"id": "b", "text": POLL}]))
    db = tmp_path / "audit.db"
    assert counted(2, 0) in bulk(str(dump), "--db", str(db)).output
    monkeypatch.setattr(auditor.store.sqlite.sink, "stored_raw_digests", lambda *args, **kwargs: set())
    result = bulk(str(dump), "--db", str(db))
    assert counted(0, 2) in result.output
    assert count(db, "publications") == 2


# --- a locked database ---------------------------------------------------------------


def _corpus(path: Path, n: int) -> Path:
    path.write_text(jsonl([{"id": f"a{i}", "text": f"{COURT}\n\nNachtrag {i}."} for i in range(n)]))
    return path


def test_a_commit_waits_for_a_lock_released_meanwhile(tmp_path, monkeypatch):
    db = open_db(tmp_path / "audit.db")
    db.conn.execute("PRAGMA busy_timeout = 300")
    other = sqlite3.connect(tmp_path / "audit.db", isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another connection holds the write lock ...
    threading.Timer(0.45, other.execute, ("COMMIT",)).start()  # ... longer than one timeout, shorter than two
    summary = auditor.bulk.run_bulk([str(_corpus(tmp_path / "c.jsonl", 3))], SqliteSink(db))
    assert summary.aborted is None
    assert summary.stored == 3 == db["publications"].count


def test_a_lock_held_through_every_retry_stops_the_run_in_one_line_keeping_committed_batches(tmp_path, monkeypatch):
    path = tmp_path / "audit.db"
    other = sqlite3.connect(path, isolation_level=None)
    write_batch = auditor.store.sqlite.sink.write_batch

    def lock_after_the_first_batch(*args, **kwargs):
        written = write_batch(*args, **kwargs)
        if not other.in_transaction:
            other.execute("PRAGMA busy_timeout = 0")
            other.execute("BEGIN IMMEDIATE")
        return written

    monkeypatch.setattr(auditor.store.sqlite.sink, "write_batch", lock_after_the_first_batch)
    monkeypatch.setattr(auditor.store.sqlite.schema.sqlite_utils.Database, "__init__", _short_busy_timeout(
        auditor.store.sqlite.schema.sqlite_utils.Database.__init__))
    result = bulk(str(_corpus(tmp_path / "c.jsonl", 12)), "--db", str(path), "--batch-size", "5")
    other.rollback()
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    [line] = [line for line in result.output.splitlines() if "locked" in line]
    assert line.startswith("stopped: the database is locked by another connection")
    assert counted(5, 0) in result.output
    assert count(path, "publications") == 5


def _short_busy_timeout(init):
    def patched(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self.conn.execute("PRAGMA busy_timeout = 50")
    return patched


# --- versions ------------------------------------------------------------------------


def test_json_output_has_the_schema_version(tmp_path):
    result = CliRunner().invoke(cli, ["audit", str(FIXTURES / "news_en.html"), "--no-db", "--format", "json"])
    assert json.loads(result.stdout)["schema_version"] == SCHEMA_VERSION == 2


def v1_copy(tmp_path: Path) -> Path:
    path = tmp_path / "audit.db"
    shutil.copy(FIXTURES / "audit-v1.db", path)
    return path


def test_a_version_1_database_is_migrated(tmp_path):
    path = v1_copy(tmp_path)
    with sqlite3.connect(path) as conn:
        before = {row[0]: row[1:] for row in conn.execute(
            "SELECT id, title, outlet, origin, content_hash, n_sentences, n_attributed FROM articles")}
        scores = conn.execute("SELECT * FROM article_scores ORDER BY run_id, article_id").fetchall()
        errors = conn.execute("SELECT * FROM errors").fetchall()
        seed_sentences = conn.execute("SELECT id, idx, text FROM sentences WHERE article_id = 'seed'").fetchall()
    db = open_db(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 2
    after = {row[0]: row[1:] for row in db.execute(
        "SELECT id, title, outlet, origin, content_hash, n_sentences, n_attributed FROM articles")}
    assert after == before  # four publications, wire-a and wire-b sharing one text
    assert db["texts"].count == 3
    assert db.execute("SELECT * FROM article_scores ORDER BY run_id, article_id").fetchall() == scores
    assert db.execute("SELECT * FROM errors").fetchall() == errors
    assert db.execute("SELECT id, idx, text FROM sentences WHERE text_id = (SELECT id FROM texts"
                      " WHERE content_hash = ?)", (before["seed"][3],)).fetchall() == seed_sentences  # ids kept
    assert db["sentences"].count == 36  # the second copy of the wire text is gone
    assert db.execute("SELECT COUNT(*) FROM sentences_fts").fetchone()[0] == 36
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    wire_a, wire_b = load_result(db, "wire-a"), load_result(db, "wire-b")
    assert wire_b.sentences == wire_a.sentences and wire_b.article.outlet == "Outlet B"
    assert [r["sentence_id"] for r in db.query("SELECT * FROM sentence_audit WHERE article_id = 'wire-b'")]
    db.close()
    assert open_db(path)["publications"].count == 4  # opening again changes nothing


def test_a_failed_migration_leaves_the_version_1_database_as_it_was(tmp_path, monkeypatch):
    path = v1_copy(tmp_path)
    original = path.read_bytes()
    monkeypatch.setattr(auditor.store.sqlite.schema, "_MIGRATE_V1_SQL", auditor.store.sqlite.schema._MIGRATE_V1_SQL + "SELECT nonsense;\n")
    with pytest.raises(AuditorError, match="no such column: nonsense"):  # one line, not a traceback
        open_db(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 4
        assert conn.execute("SELECT type FROM sqlite_master WHERE name = 'articles'").fetchone()[0] == "table"
    assert path.read_bytes() == original


def test_a_database_newer_than_the_code_is_refused_in_one_line(tmp_path):
    path = tmp_path / "audit.db"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 3")
    with pytest.raises(AuditorError, match="schema version 3 is newer than this auditor's \\(2\\)"):
        open_db(path)


def test_a_rerun_after_the_migration_adopts_the_publications_of_version_1(tmp_path, monkeypatch):
    path = v1_copy(tmp_path)
    with sqlite3.connect(path) as conn:  # as if version 1 was written by today's analyser
        conn.execute("UPDATE articles SET analyser_version = ?", (analyser_version(),))
    monkeypatch.chdir(FIXTURES.parents[1])  # the v1 run was given tests/fixtures/news_en.html
    result = bulk("tests/fixtures/news_en.html", "--db", str(path))
    assert result.exit_code == 0, result.output
    assert counted(1, 0, shared=1) in result.output  # not analysed again: its text is current
    assert rows(path, "SELECT id, raw_digest IS NOT NULL FROM publications WHERE origin LIKE '%news_en.html'") == [
        ("a766eb6d151adb36", 1)]  # the id version 1 gave it, which its scores point at
    assert counted(0, 1) in bulk("tests/fixtures/news_en.html", "--db", str(path)).output


FRENCH = ("Le gouvernement a annoncé hier que les nouvelles mesures entreront en vigueur le mois prochain, "
          "selon des sources officielles. Les experts pensent que l'économie pourrait croître.\n")


def test_a_rerun_skips_a_stored_text_no_grammar_reads_before_extraction(tmp_path, monkeypatch):
    # such a text is never scored, so "scored with these rules" cannot be what marks it stored
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "article-fr.txt").write_text(FRENCH, encoding="utf-8")
    shutil.copy(FIXTURES / "news_en.html", folder / "news_en.html")
    extracted, result = rerun_watching_extraction(folder, tmp_path / "audit.db", monkeypatch)
    assert extracted == []
    assert counted(0, 2) in result.output


def test_serve_refuses_a_version_1_database_it_cannot_migrate(tmp_path):
    path = v1_copy(tmp_path)
    result = CliRunner().invoke(cli, ["serve", "--db", str(path)])
    assert result.exit_code == 1
    [line] = result.output.splitlines()
    assert line.startswith(f"auditor: error: {path}: schema version 1, this auditor shows version {SCHEMA_VERSION}")
    with sqlite3.connect(path) as conn:  # read only: still version 1
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1


def test_a_lock_met_while_ending_on_ctrl_c_is_one_line_not_a_traceback(tmp_path, monkeypatch):
    def locked(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    take = auditor.bulk._Writer.take

    def take_then_ctrl_c(self, outcome):
        take(self, outcome)
        raise KeyboardInterrupt  # the run ends, and its last commit finds the database locked

    monkeypatch.setattr(auditor.store.sqlite.sink, "write_batch", locked)
    monkeypatch.setattr(auditor.bulk._Writer, "take", take_then_ctrl_c)
    dump = tmp_path / "dump.jsonl"
    dump.write_text(jsonl([{"id": "a", "text": COURT}, {"id": "b", "text": POLL}]))
    result = bulk(str(dump), "--db", str(tmp_path / "audit.db"), "--jobs", "1")
    assert result.exit_code == 130, result.output  # interrupted, as asked
    assert "Traceback" not in result.output
    assert [line for line in result.output.splitlines() if "locked" in line][0].startswith(
        "interrupted; stopped: the database is locked by another connection")
