"""The storage seam: a bulk run writes through the Sink protocol, rows keyed by natural keys.

A list-collecting sink, made here, stands in for the Parquet sink of a later
issue: it receives a real bulk run's batches (seed articles, a wire copy, a
broken record) and holds no database at all. Its rows name publications by
id, texts by content digest, sentences by index and sources by identity;
replayed into the SQLite sink they make the database bulk makes directly.
"""

from __future__ import annotations

import json
import pickle
import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import pytest

import auditor.bulk
from auditor.store.rows import (
    ATTRIBUTION_FIELDS,
    HEDGE_FIELDS,
    HIT_FIELDS,
    PUBLICATION_FIELDS,
    SCORE_FIELDS,
    SENTENCE_FIELDS,
    TEXT_FIELDS,
    ArticleRows,
)
from auditor.store.sink import (
    NEW_TEXT,
    SHARED_TEXT,
    ErrorRow,
    Outcome,
    Run,
    Sink,
    StoredLookup,
)
from auditor.store.sqlite.schema import open_db
from auditor.store.sqlite.sink import SqliteSink
from auditor.store.tables import columns, declared_columns

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DIGEST = re.compile(r"[0-9a-f]{64}")
# columns that hold a database's integer ids: no row a worker makes may carry one
INTEGER_IDS = {"id", "text_id", "sentence_id", "source_id", "attribution_id", "run_id", "rule_set_id"}


class StoredHashes:
    """The lookup the workers get: a frozen set of content digests (it pickles)."""

    def __init__(self, hashes: Iterable[str]) -> None:
        self.hashes = frozenset(hashes)

    def stored_texts(self, content_hashes: Iterable[str], *, analyser_version: str) -> set[str]:
        return {digest for digest in content_hashes if digest in self.hashes}


class ListSink:
    """A Sink that keeps what it is given in lists: no database, no integer ids."""

    def __init__(self) -> None:
        self.runs: list[Run | None] = []
        self.batches: list[list[ArticleRows]] = []
        self.errors: list[ErrorRow] = []
        self.finished = 0
        self.texts: set[str] = set()
        self.raw_digests: set[str] = set()

    def begin(self, run: Run | None) -> None:
        self.runs.append(run)

    def stored_raw_digests(self, raw_digests: Iterable[str], *, analyser_version: str,
                           rule_set_hash: str | None = None, outlets_hash: str | None = None) -> set[str]:
        return set(raw_digests) & self.raw_digests

    def lookup(self) -> StoredHashes:
        return StoredHashes(self.texts)

    def save(self, batch: list[ArticleRows]) -> list[Outcome]:
        self.batches.append(batch)
        outcomes = []
        for rows in batch:
            outcomes.append(SHARED_TEXT if rows.content_hash in self.texts else NEW_TEXT)
            self.texts.add(rows.content_hash)
            self.raw_digests.add(rows.raw_digest)
        return outcomes

    def save_errors(self, errors: Iterable[ErrorRow]) -> None:
        self.errors.extend(ErrorRow(*error) for error in errors)

    def finish(self) -> None:
        self.finished += 1

    @property
    def rows(self) -> list[ArticleRows]:
        return [rows for batch in self.batches for rows in batch]


def _inputs(tmp_path: Path) -> list[str]:
    wire = "Die Polizei erklärte, es gebe keine Spur vom Täter. Ein Sprecher sagte, man ermittle weiter."
    records = [{"id": "wire-a", "text": wire}, {"id": "wire-b", "text": wire}, {"id": "empty", "text": ""}]
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return [str(SEEDS), str(dump)]


def _bulk(tmp_path: Path, sink: Sink) -> auditor.bulk.BulkSummary:
    return auditor.bulk.run_bulk(_inputs(tmp_path), sink, auditor.bulk.BulkOptions(
        batch_size=4, scoring=auditor.bulk.ScoringFiles()))


def test_both_sinks_are_sinks(tmp_path):
    # what a type checker checks in full; at run time, that the protocol's methods are all there
    for sink in (ListSink(), SqliteSink(open_db(tmp_path / "audit.db"))):
        assert isinstance(sink, Sink) and isinstance(sink.lookup(), StoredLookup)
        assert isinstance(pickle.loads(pickle.dumps(sink.lookup())), StoredLookup)  # sent to the workers


def test_a_bulk_run_reaches_the_sink_in_batches_keyed_by_natural_keys(tmp_path):
    sink = ListSink()
    summary = _bulk(tmp_path, sink)
    seeds = len(list(SEEDS.glob("*.txt"))) + len(list(SEEDS.glob("*.md")))  # .json: not an input
    assert summary.stored == len(sink.rows) == seeds + 2
    assert summary.shared_texts == 1  # the wire copy: its text was saved already
    assert max(len(batch) for batch in sink.batches) <= 4 and sink.finished == 1
    [run] = sink.runs
    assert run is not None and run.kind == "audit" and run.rule_set.name and run.outlets_hash
    assert sink.errors == [ErrorRow(f"{tmp_path / 'dump.jsonl'}:3", "ingest", '"text" is empty')]
    for rows in sink.rows:
        _assert_natural(rows)
    by_id = {rows.article_id: rows for rows in sink.rows}
    assert by_id["wire-a"].content_hash == by_id["wire-b"].content_hash


def _assert_natural(rows: ArticleRows) -> None:
    """Keyed by the publication's id, the text's digest, sentence indexes and source identities."""
    assert isinstance(rows.article_id, str) and DIGEST.fullmatch(rows.content_hash)
    assert DIGEST.fullmatch(rows.raw_digest)
    assert len(rows.publication) == len(PUBLICATION_FIELDS)
    assert rows.text is not None and len(rows.text) == len(TEXT_FIELDS)
    assert rows.text[TEXT_FIELDS.index("content_hash")] == rows.content_hash
    indexes = [row[SENTENCE_FIELDS.index("idx")] for row in rows.sentences]
    assert indexes == list(range(len(rows.sentences))) and all(len(r) == len(SENTENCE_FIELDS) for r in rows.sentences)
    for idx, source, via, row in rows.attributions:
        assert idx in indexes and len(row) == len(ATTRIBUTION_FIELDS)
        for identity in (source, *via) if source else via:
            assert len(identity) == 3 and all(isinstance(part, str) for part in identity)  # name, key, kind
    assert all(idx in indexes and len(row) == len(HEDGE_FIELDS) for idx, row in rows.hedges)
    assert rows.score is not None and len(rows.score.score) == len(SCORE_FIELDS)
    assert all(len(hit) == len(HIT_FIELDS) for hit in rows.score.hits)
    for fields in (PUBLICATION_FIELDS, TEXT_FIELDS, SENTENCE_FIELDS, ATTRIBUTION_FIELDS, HEDGE_FIELDS,
                   SCORE_FIELDS, HIT_FIELDS):
        assert not INTEGER_IDS & set(fields), fields


def test_a_rerun_asks_the_sink_what_is_stored_and_sends_nothing_again(tmp_path):
    sink = ListSink()
    first = _bulk(tmp_path, sink)
    batches = len(sink.batches)
    again = _bulk(tmp_path, sink)
    assert again.stored == 0 and again.skipped == first.stored
    assert len(sink.batches) == batches and sink.finished == 2


def test_a_text_the_lookup_knows_is_sent_as_a_publication_only(tmp_path):
    sink = ListSink()
    wire = "Die Polizei erklärte, es gebe keine Spur vom Täter. Ein Sprecher sagte, man ermittle weiter."
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "first", "text": wire}) + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "second", "text": wire}) + "\n", encoding="utf-8")
    auditor.bulk.run_bulk([str(tmp_path / "a.jsonl")], sink)
    auditor.bulk.run_bulk([str(tmp_path / "b.jsonl")], sink)  # unscored: the stored text is not analysed again
    first, second = sink.rows
    assert first.text is not None and second.text is None and second.content_hash == first.content_hash
    assert pickle.loads(pickle.dumps(sink.lookup())).stored_texts([first.content_hash], analyser_version="") == {
        first.content_hash}


def test_rows_the_list_sink_received_make_the_database_bulk_makes(tmp_path):
    sink = ListSink()
    _bulk(tmp_path, sink)
    direct = open_db(tmp_path / "direct.db")
    _bulk(tmp_path, SqliteSink(direct))
    replayed = open_db(tmp_path / "replayed.db")
    replay = SqliteSink(replayed)
    replay.begin(sink.runs[0])
    replay.save_errors(sink.errors)
    for batch in sink.batches:
        replay.save(batch)
    replay.finish()
    for table in ("publications", "texts", "sentences", "attributions", "via", "hedges", "sources",
                  "article_scores", "rule_hits", "errors"):
        assert _table(direct, table) == _table(replayed, table), table


def _table(db, table: str) -> list[tuple]:
    """The rows of a table but the times a sink stamps."""
    keep = [c for c in columns(table) if c not in ("audited_at", "analysed_at", "at")]
    quoted = ", ".join(f'"{c}"' for c in keep)
    return db.conn.execute(f"SELECT {quoted} FROM {table} ORDER BY rowid").fetchall()


# --- the schema, declared once ------------------------------------------------------------


def test_the_column_lists_are_the_declared_schema(tmp_path):
    db = open_db(tmp_path / "audit.db")
    for table, declared in declared_columns().items():
        assert declared == tuple(row[1] for row in db.conn.execute(f'PRAGMA table_info("{table}")')), table
    # a row carries every column of its table but the ids and times the sink fills in
    assert set(columns("publications")) - set(PUBLICATION_FIELDS) == {"id", "text_id", "audited_at"}
    assert set(columns("texts")) - set(TEXT_FIELDS) == {"id", "analysed_at"}
    assert set(columns("sentences")) - set(SENTENCE_FIELDS) == {"id", "text_id"}
    assert set(columns("hedges")) - set(HEDGE_FIELDS) == {"id", "sentence_id", "text_id"}
    with pytest.raises(KeyError, match="no column"):
        columns("texts", leaving=("no_such_column",))


def test_a_version_1_database_is_read_through_the_same_lists(tmp_path):
    # the migration adds what v1 lacked, so the declared lists fit a migrated database too
    path = tmp_path / "v1.db"
    path.write_bytes((ROOT / "tests" / "fixtures" / "audit-v1.db").read_bytes())
    open_db(path).close()
    with sqlite3.connect(path) as conn:
        for table in ("publications", "texts", "sentences", "attributions", "hedges", "errors"):
            assert tuple(row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')) == columns(table)
