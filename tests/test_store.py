"""auditor.store (SQLite): round trip, re-audits, source dedup, integrity, WAL, errors."""

from __future__ import annotations

import json
import sqlite3

import pytest
import sqlite_utils

from auditor.models import (
    Article,
    Attribution,
    AuditResult,
    HedgeCue,
    SourceSpan,
    Span,
    TaggedSentence,
)
from auditor.sources import normalize_source
from auditor.store.rows import article_rows
from auditor.store.sqlite import write as sqlite_write
from auditor.store.sqlite.read import load_result
from auditor.store.sqlite.schema import ensure_db_shape, open_db
from auditor.store.sqlite.write import (
    record_error,
    save_result,
    save_results,
    save_rows,
)

# --- building results by hand ----------------------------------------------


def _find(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.find(needle, after)
    assert start >= 0, f"{needle!r} not in text after {after}"
    return start, start + len(needle)


def span(text: str, needle: str, after: int = 0) -> Span:
    start, end = _find(text, needle, after)
    return Span(text=needle, start=start, end=end)


def source(
    text: str, needle: str, kind: str, after: int = 0, resolved_to: str | None = None
) -> SourceSpan:
    start, end = _find(text, needle, after)
    return SourceSpan(
        text=needle, start=start, end=end, kind=kind, resolved_to=resolved_to
    )


def hedge(
    text: str, needle: str, kind: str, weight: float = 1.0, after: int = 0
) -> HedgeCue:
    start, end = _find(text, needle, after)
    return HedgeCue(text=needle, start=start, end=end, kind=kind, weight=weight)


def sentence(text: str, index: int, sentence_text: str, **fields) -> TaggedSentence:
    start, end = _find(text, sentence_text)
    return TaggedSentence(
        index=index, start=start, end=end, text=sentence_text, **fields
    )


def article(article_id: str, text: str, **fields) -> Article:
    return Article(
        id=article_id, text=text, content_hash=f"sha256:{article_id}", **fields
    )


HEAD = "Bundesregierung plant Steuerreform"
S1 = (
    "Das Finanzministerium will die Einkommensteuer offenbar deutlich senken, "
    "wie Reuters unter Berufung auf die Quellen berichtete."
)
S2 = "Finanzminister Christian Lindner sagte, die Reform könnte bereits im Herbst kommen."
S3 = "Er wies zudem darauf hin, dass die Kosten bei rund zehn Milliarden Euro lägen."
S4 = "Die Einkommensteuer soll zuletzt 2019 gesenkt worden sein."
TEXT_DE = f"{HEAD}\n\n{S1} {S2} {S3}\n\n{S4}"
LINDNER = "Finanzminister Christian Lindner"


def steuer_result(version: str = "test-1") -> AuditResult:
    t = TEXT_DE
    s1 = t.find(S1)
    s3 = t.find(S3)
    s4 = t.find(S4)
    return AuditResult(
        article=article(
            "de-steuer",
            t,
            title=HEAD,
            url="https://example.de/steuer",
            outlet="Beispiel-Zeitung",
            domain="example.de",
            author="Erika Muster",
            published="2024-05-02",
            language="de",
            origin="https://example.de/steuer",
            warnings=("no byline date",),
        ),
        analyser_version=version,
        sentences=(
            sentence(t, 0, HEAD, is_heading=True),
            sentence(
                t,
                1,
                S1,
                paragraph=1,
                attributions=(
                    Attribution(
                        source=source(t, "die Quellen", "anonymous"),
                        cue=span(t, "berichtete"),
                        cue_parts=(span(t, "berichtete"),),
                        via=(source(t, "Reuters", "outlet", s1),),
                        mode="reported_speech",
                    ),
                ),
                hedges=(hedge(t, "offenbar", "epistemic"),),
                hedge_level="medium",
            ),
            sentence(
                t,
                2,
                S2,
                paragraph=1,
                attributions=(
                    Attribution(
                        source=source(t, LINDNER, "person"),
                        cue=span(t, "sagte"),
                        mode="reported_speech",
                    ),
                ),
                hedges=(hedge(t, "könnte", "epistemic", 0.5),),
                hedge_level="low",
            ),
            sentence(
                t,
                3,
                S3,
                paragraph=1,
                attributions=(
                    Attribution(
                        source=source(t, "Er", "pronoun", s3, resolved_to=LINDNER),
                        cue=span(t, "wies", s3),
                        cue_parts=(span(t, "wies", s3), span(t, "hin", s3)),
                        mode="reported_speech",
                    ),
                ),
                hedges=(hedge(t, "rund", "estimate", 0.5, s3),),
                hedge_level="low",
            ),
            sentence(
                t,
                4,
                S4,
                paragraph=2,
                hedges=(
                    HedgeCue(
                        **span(t, "soll", s4).model_dump(),
                        kind="reportative",
                        weight=2.0,
                        parts=(span(t, "soll", s4), span(t, "sein", s4)),
                    ),
                ),
                hedge_level="medium",
            ),
        ),
    )


B1 = "Quellen zufolge prüft die Bahn eine Preiserhöhung, meldete Reuters."
TEXT_BAHN = f"Bahn prüft höhere Preise\n\n{B1}"


def bahn_result() -> AuditResult:
    t = TEXT_BAHN
    return AuditResult(
        article=article("de-bahn", t, language="de", outlet="Beispiel-Zeitung"),
        analyser_version="test-1",
        sentences=(
            sentence(t, 0, "Bahn prüft höhere Preise", is_heading=True),
            sentence(
                t,
                1,
                B1,
                paragraph=1,
                attributions=(
                    Attribution(
                        source=source(t, "Quellen", "anonymous"),
                        cue=span(t, "zufolge"),
                        via=(source(t, "Reuters", "outlet"),),
                        mode="according_to",
                    ),
                ),
            ),
        ),
    )


E1 = "The Guardian reported on Tuesday that the talks had stalled."
E2 = "It said negotiators were expected to meet again next week."
TEXT_EN = f"{E1} {E2}"


def guardian_result() -> AuditResult:
    t = TEXT_EN
    return AuditResult(
        article=article("en-talks", t, language="en"),
        sentences=(
            sentence(
                t,
                0,
                E1,
                attributions=(
                    Attribution(
                        source=source(t, "The Guardian", "outlet"),
                        cue=span(t, "reported"),
                        mode="reported_speech",
                    ),
                ),
            ),
            sentence(
                t,
                1,
                E2,
                attributions=(
                    Attribution(
                        source=source(t, "It", "pronoun", resolved_to="The Guardian"),
                        cue=span(t, "said"),
                        mode="carried_over",
                    ),
                ),
                hedges=(hedge(t, "were expected to", "epistemic"),),
                hedge_level="low",
            ),
        ),
    )


@pytest.fixture
def db() -> sqlite_utils.Database:
    database = sqlite_utils.Database(memory=True)
    ensure_db_shape(database)
    return database


def count(
    db: sqlite_utils.Database, table: str, where: str = "1", params: tuple = ()
) -> int:
    return db.execute(f"SELECT count(*) FROM {table} WHERE {where}", params).fetchone()[
        0
    ]


def fts_hits(db: sqlite_utils.Database, query: str) -> list[str]:
    return [
        row[0]
        for row in db.execute(
            "SELECT s.text FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid"
            " WHERE sentences_fts MATCH ?",
            (query,),
        )
    ]


# --- tests -------------------------------------------------------------------


def test_round_trip(db):
    result = steuer_result()
    save_result(db, result)
    assert load_result(db, "de-steuer") == result
    assert load_result(db, "missing") is None


def test_article_row(db):
    save_result(db, steuer_result())
    row = next(db.query("SELECT * FROM articles WHERE id = 'de-steuer'"))
    assert row["text"] == TEXT_DE
    assert row["analyser_version"] == "test-1"
    assert row["audited_at"].endswith("+00:00")
    assert json.loads(row["warnings"]) == ["no byline date"]
    assert (
        row["n_sentences"],
        row["n_attributed"],
        row["n_anonymous"],
        row["n_vague"],
    ) == (5, 3, 1, 0)
    assert row["n_hedged"] == 4
    assert row["n_unattributed"] == 1  # S4 only: the heading does not count


def test_sentence_columns(db):
    save_result(db, steuer_result())
    rows = list(
        db.query("SELECT * FROM sentences WHERE text_id = (SELECT text_id FROM publications WHERE id = 'de-steuer') ORDER BY idx")
    )
    assert [r["idx"] for r in rows] == [0, 1, 2, 3, 4]
    assert [r["is_heading"] for r in rows] == [1, 0, 0, 0, 0]
    assert [r["n_attributions"] for r in rows] == [0, 1, 1, 1, 0]
    assert [r["hedge_level"] for r in rows] == [
        "none",
        "medium",
        "low",
        "low",
        "medium",
    ]
    attribution = next(
        db.query("SELECT * FROM attributions WHERE source_text = 'die Quellen'")
    )
    assert attribution["via_text"] == "Reuters"
    assert json.loads(attribution["via"]) == [
        {
            "text": "Reuters",
            "start": TEXT_DE.find("Reuters"),
            "end": TEXT_DE.find("Reuters") + 7,
            "kind": "outlet",
        }
    ]


def test_every_stored_span_points_into_the_article_text(db):
    save_results(db, [steuer_result(), bahn_result(), guardian_result()])
    texts = {
        row["id"]: row["text"] for row in db.query("SELECT id, text FROM texts")
    }
    checked = 0

    def check(article_id, start, end, expected):
        nonlocal checked
        assert texts[article_id][start:end] == expected
        checked += 1

    for r in db.query('SELECT text_id, start, "end", text FROM sentences'):
        check(r["text_id"], r["start"], r["end"], r["text"])
    for r in db.query('SELECT text_id, start, "end", text FROM hedges'):
        check(r["text_id"], r["start"], r["end"], r["text"])
    for r in db.query("SELECT * FROM attributions"):
        if r["source_start"] is not None:
            check(r["text_id"], r["source_start"], r["source_end"], r["source_text"])
        if r["cue_start"] is not None:
            check(r["text_id"], r["cue_start"], r["cue_end"], r["cue_text"])
        for item in json.loads(r["via"]):
            check(r["text_id"], item["start"], item["end"], item["text"])
        for start, end in json.loads(r["cue_parts"]):
            assert 0 <= start < end <= len(texts[r["text_id"]])
    assert checked == 9 + 5 + 6 + 6 + 2  # sentences, hedges, sources, cues, via
    parts = next(
        db.query("SELECT cue_parts FROM attributions WHERE cue_text = 'wies'")
    )["cue_parts"]
    assert [TEXT_DE[start:end] for start, end in json.loads(parts)] == ["wies", "hin"]
    parts = next(db.query("SELECT parts FROM hedges WHERE text = 'soll'"))["parts"]
    assert [TEXT_DE[start:end] for start, end in json.loads(parts)] == ["soll", "sein"]
    # the same offsets work in SQL, umlauts included (substr counts characters from 1)
    mismatched = db.execute(
        "SELECT h.text FROM hedges h JOIN texts a ON a.id = h.text_id"
        ' WHERE substr(a.text, h.start + 1, h."end" - h.start) != h.text'
    ).fetchall()
    assert mismatched == []
    assert count(db, "hedges", "text = 'könnte'") == 1


def sentence_ids(db: sqlite_utils.Database, article_id: str) -> dict[int, int]:
    rows = db.execute(
        "SELECT idx, id FROM sentences WHERE text_id = (SELECT text_id FROM publications WHERE id = ?)",
        (article_id,),
    )
    return dict(rows.fetchall())


def test_resave_replaces_rows_and_search_index(db):
    save_result(db, steuer_result())
    save_result(db, bahn_result())
    assert fts_hits(db, "Herbst") == [S2]
    ids_before = sentence_ids(db, "de-steuer")

    new_s2 = (
        "Finanzminister Christian Lindner sagte, der Haushaltsentwurf folge im Juni."
    )
    text = f"{HEAD}\n\n{new_s2}"
    changed = AuditResult(
        article=article("de-steuer", text, language="de"),
        analyser_version="test-2",
        sentences=(
            sentence(text, 0, HEAD, is_heading=True),
            sentence(
                text,
                1,
                new_s2,
                attributions=(
                    Attribution(
                        source=source(text, LINDNER, "person"), cue=span(text, "sagte")
                    ),
                ),
            ),
        ),
    )
    save_result(db, changed)
    save_result(db, changed)  # the same audit twice is still one copy

    assert load_result(db, "de-steuer") == changed
    ids_after = sentence_ids(db, "de-steuer")
    assert ids_after[0] == ids_before[0]  # the unchanged heading keeps its id
    assert ids_after[1] not in ids_before.values()  # changed text: a new row
    assert count(db, "articles") == 2
    assert count(db, "sentences", "text_id = (SELECT text_id FROM publications WHERE id = ?)", ("de-steuer",)) == 2
    assert count(db, "attributions", "text_id = (SELECT text_id FROM publications WHERE id = ?)", ("de-steuer",)) == 1
    assert count(db, "hedges", "text_id = (SELECT text_id FROM publications WHERE id = ?)", ("de-steuer",)) == 0
    assert count(db, "sentences", "text = ?", (S2,)) == 0
    assert fts_hits(db, "Herbst") == []
    assert fts_hits(db, "Haushaltsentwurf") == [new_s2]
    assert fts_hits(db, "Bahn") == [
        "Bahn prüft höhere Preise",
        B1,
    ]  # other article untouched
    # the external-content index matches the sentences table exactly
    db.execute(
        "INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)"
    )
    # "die Quellen" is still used by the Bahn article, so the source stays; none is orphaned
    assert count(db, "sources", "normalized_key = 'quellen'") == 1
    assert (
        list(
            db.query(
                "SELECT name FROM source_counts WHERE n_attributions = 0 AND n_relayed = 0"
            )
        )
        == []
    )
    assert load_result(db, "de-bahn") == bahn_result()


def test_reaudit_drops_sources_nobody_uses_any_more(db):
    save_result(db, steuer_result())
    save_result(db, guardian_result())
    t = TEXT_DE
    only_lindner = steuer_result().model_copy(
        update={
            "analyser_version": "test-1b",  # the same text is analysed again only by another version
            "sentences": (
                sentence(t, 0, HEAD, is_heading=True),
                sentence(
                    t,
                    2,
                    S2,
                    attributions=(
                        Attribution(
                            source=source(t, LINDNER, "person"), cue=span(t, "sagte")
                        ),
                    ),
                ),
            )
        }
    )
    save_result(db, only_lindner)
    keys = {r["normalized_key"] for r in db.query("SELECT normalized_key FROM sources")}
    assert keys == {"finanzminister christian lindner", "guardian"}
    assert count(db, "via") == 0
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    # a re-audit that brings them back gets them back
    save_result(db, steuer_result())
    assert count(db, "sources") == 4
    assert load_result(db, "de-steuer") == steuer_result()


def test_sources_are_deduplicated_across_articles(db):
    save_results(db, [steuer_result(), bahn_result()])
    sources = {
        (r["normalized_key"], r["kind"]): r["name"]
        for r in db.query("SELECT * FROM sources")
    }
    assert sources == {
        ("quellen", "anonymous"): "Quellen",
        ("reuters", "outlet"): "Reuters",
        ("finanzminister christian lindner", "person"): LINDNER,
    }
    # the resolved pronoun "Er" points at Lindner's row; the span keeps its own kind
    er = next(db.query("SELECT * FROM attributions WHERE source_text = 'Er'"))
    lindner = next(
        db.query("SELECT * FROM attributions WHERE source_text = ?", [LINDNER])
    )
    assert er["source_id"] == lindner["source_id"]
    assert (er["source_kind"], er["resolved_to"]) == ("pronoun", LINDNER)
    relays = list(
        db.query("SELECT relay, source, n_attributions, n_articles FROM relays")
    )
    assert relays == [
        {"relay": "Reuters", "source": "Quellen", "n_attributions": 2, "n_articles": 2}
    ]


def test_resolved_pronoun_takes_the_kind_of_its_antecedent(db):
    save_result(db, guardian_result())
    rows = list(db.query("SELECT name, kind, normalized_key FROM sources"))
    assert rows == [
        {"name": "Guardian", "kind": "outlet", "normalized_key": "guardian"}
    ]
    assert count(db, "attributions", "source_id IS NOT NULL") == 2


def test_normalize_source():
    assert normalize_source("die Quellen") == ("Quellen", "quellen")
    assert normalize_source("Quellen,") == ("Quellen", "quellen")
    assert normalize_source("  The   Guardian ") == ("Guardian", "guardian")
    assert normalize_source("Reuters.")[1] == "reuters"
    assert normalize_source("„Der Spiegel“")[1] == "spiegel"
    assert normalize_source("Die")[1] == "die"  # a lone word is never dropped
    assert normalize_source("A. Merkel")[1] == "a. merkel"


def test_foreign_keys_hold(tmp_path):
    db = open_db(tmp_path / "audit.db")
    save_results(db, [steuer_result(), bahn_result(), guardian_result()])
    save_result(db, steuer_result("test-2"))
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError), db.conn:
        db.conn.execute(
            'INSERT INTO hedges (sentence_id, text_id, text, start, "end", kind)'
            " VALUES (999999, 1, 'x', 0, 1, 'epistemic')"
        )


def test_every_foreign_key_column_is_indexed(db):
    for table in ("sentences", "attributions", "via", "hedges"):
        leading = {
            db.execute(f"PRAGMA index_info({db.quote(index[1])})").fetchone()[2]
            for index in db.execute(f"PRAGMA index_list({table})").fetchall()
        }
        for fk in db.execute(f"PRAGMA foreign_key_list({table})").fetchall():
            assert fk[3] in leading, f"{table}.{fk[3]} has no index"


def test_ensure_db_shape_twice_is_harmless(db):
    save_result(db, steuer_result())
    schema = sorted(
        db.execute("SELECT type, name, sql FROM sqlite_master").fetchall(), key=str
    )
    ensure_db_shape(db)
    ensure_db_shape(db)
    assert (
        sorted(
            db.execute("SELECT type, name, sql FROM sqlite_master").fetchall(), key=str
        )
        == schema
    )
    assert load_result(db, "de-steuer") == steuer_result()
    assert db["sentences"].detect_fts() == "sentences_fts"
    assert set(db.view_names()) == {
        "articles",  # publications joined with their texts
        "attribution_details", "source_counts", "relays", "sentence_audit",
        "score_history", "latest_scores", "rule_hit_details",  # scores (test_rules_cli.py)
    }  # fmt: skip
    assert {
        "publications",
        "texts",
        "sentences",
        "sources",
        "attributions",
        "via",
        "hedges",
        "errors",
    } <= set(db.table_names())


def test_ensure_db_shape_adds_columns_to_an_older_table(db):
    old = sqlite_utils.Database(memory=True)
    old.execute("CREATE TABLE errors (id INTEGER PRIMARY KEY, input TEXT, stage TEXT, message TEXT, at TEXT)")
    ensure_db_shape(old)
    assert old["errors"].columns_dict == db["errors"].columns_dict
    save_result(old, steuer_result())
    assert load_result(old, "de-steuer") == steuer_result()


# Every field of the models, as the store knows them.  A new field fails this
# test until the store saves and loads it (and this list is updated).
STORED_FIELDS = {
    Article: {
        "id", "text", "title", "url", "outlet", "domain", "author", "published",
        "language", "origin", "content_hash", "warnings", "status", "raw_digest",
    },
    TaggedSentence: {
        "index", "start", "end", "text", "is_heading", "paragraph", "attributions",
        "hedges", "hedge_level", "has_quote",
        "rule_hits",  # saved per scoring run (save_result(run_id=...)); not loaded: runs differ
    },
    Attribution: {"source", "cue", "cue_parts", "via", "mode"},
    SourceSpan: {"text", "start", "end", "kind", "resolved_to"},
    Span: {"text", "start", "end"},
    HedgeCue: {"text", "start", "end", "kind", "weight", "parts", "voice"},
    AuditResult: {"article", "sentences", "analyser_version", "score"},  # score: as rule_hits
}  # fmt: skip


@pytest.mark.parametrize("model", STORED_FIELDS, ids=lambda m: m.__name__)
def test_store_knows_every_model_field(model):
    assert set(model.model_fields) == STORED_FIELDS[model]


def test_file_database_uses_wal_and_persists(tmp_path):
    path = tmp_path / "sub" / "audit.db"
    db = open_db(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    save_result(db, bahn_result())
    db.close()
    again = open_db(path)
    assert load_result(again, "de-bahn") == bahn_result()
    assert [r["text"] for r in again["sentences"].search("Preiserhöhung")] == [B1]


def test_interrupted_save_leaves_previous_audit(db, monkeypatch):
    save_result(db, steuer_result())

    def boom(*args):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(sqlite_write._Writer, "finish", boom)  # every row written, not committed
    with pytest.raises(RuntimeError):
        save_result(db, steuer_result("test-2"))
    assert not db.conn.in_transaction
    assert load_result(db, "de-steuer") == steuer_result()
    assert next(db.query("SELECT * FROM articles WHERE id = 'de-steuer'"))["analyser_version"] == "test-1"
    db.execute(
        "INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)"
    )


def test_save_results_batches_and_counts(db, monkeypatch):
    results = [
        steuer_result("v1"),
        bahn_result(),
        guardian_result(),
        steuer_result("v2"),
    ]
    assert save_results(db, results, batch_size=3) == 4
    assert count(db, "articles") == 3
    assert count(db, "sentences") == 5 + 2 + 2
    assert (
        load_result(db, "de-steuer").analyser_version == "v2"
    )  # later wins, across batches

    # a failing batch is rolled back; the batches before it stay
    real = sqlite_write._Writer.write

    def failing(self, rows):
        if rows.article_id == "en-fail":
            raise ValueError("bad result")
        real(self, rows)

    monkeypatch.setattr(sqlite_write._Writer, "write", failing)
    fail = guardian_result().model_copy(update={"article": article("en-fail", TEXT_EN)})
    other = bahn_result().model_copy(update={"article": article("de-other", TEXT_BAHN)})
    with pytest.raises(ValueError):
        save_results(db, [other, fail], batch_size=1)
    assert count(db, "articles", "id = 'de-other'") == 1
    assert count(db, "articles", "id = 'en-fail'") == 0
    assert save_results(db, [], batch_size=5) == 0
    with pytest.raises(ValueError):
        save_results(db, [bahn_result()], batch_size=0)


def test_rows_built_apart_from_the_database_store_the_same_audit(db, tmp_path):
    # what a bulk worker does: build the rows, send them pickled to the writer
    import pickle

    rows = pickle.loads(pickle.dumps([article_rows(r) for r in (steuer_result(), bahn_result())]))
    assert save_rows(db, rows) == 2
    assert load_result(db, "de-steuer") == steuer_result()
    assert load_result(db, "de-bahn") == bahn_result()
    other = open_db(tmp_path / "other.db")
    save_results(other, [steuer_result(), bahn_result()])
    for table in ("sentences", "attributions", "via", "hedges", "sources"):
        assert list(db[table].rows) == list(other[table].rows)
    # a re-audit from rows keeps the ids of unchanged sentences, as save_result does
    ids = [r["id"] for r in db.query("SELECT id FROM sentences WHERE text_id = (SELECT text_id FROM publications WHERE id = 'de-steuer') ORDER BY idx")]
    save_rows(db, [article_rows(steuer_result("test-2"))])
    assert [r["id"] for r in db.query("SELECT id FROM sentences WHERE text_id = (SELECT text_id FROM publications WHERE id = 'de-steuer') ORDER BY idx")] == ids
    assert load_result(db, "de-steuer") == steuer_result("test-2")


def test_save_inside_an_open_transaction_uses_a_savepoint(db):
    db.conn.execute("BEGIN")
    save_result(db, bahn_result())
    db.conn.rollback()
    assert count(db, "articles") == 0


def test_record_error(db):
    first = record_error(db, "https://example.de/kaputt", "fetch", "HTTP 404")
    second = record_error(db, "feed.jsonl:7", "extract", "no article text")
    rows = list(db.query("SELECT * FROM errors ORDER BY id"))
    assert [r["id"] for r in rows] == [first, second]
    assert (rows[0]["input"], rows[0]["stage"], rows[0]["message"]) == (
        "https://example.de/kaputt",
        "fetch",
        "HTTP 404",
    )
    assert rows[1]["at"].endswith("+00:00")
