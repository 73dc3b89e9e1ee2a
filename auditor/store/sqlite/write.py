"""Writing results into the SQLite database, whole publications at a time.

Auditing an article again replaces everything stored for its text: its sentences,
attributions, via links and hedges are deleted and written anew inside the
same transaction, so the database never holds a half-written article.  A
sentence whose index and text are unchanged keeps its id.

Rows arrive keyed by natural keys (:mod:`auditor.store.rows`); the writer hands
out the integer ids. Sources are shared between articles and deduplicated by
``(normalized_key, kind)``; see :func:`auditor.store.rows.source_identity` and
``db/README.md`` for the rule. Sources that a re-audit leaves unused are deleted.

The full-text index ``sentences_fts`` is maintained here, in the same
transaction, not by triggers (see ``_INSERT_FTS``).  Write sentences only
through this module, or rebuild the index afterwards
(``sqlite-utils rebuild-fts audit.db sentences``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from sqlite3 import Connection

import sqlite_utils

from ...errors import AuditorError
from ...models import AuditResult
from ..rows import (
    ATTRIBUTION_FIELDS,
    HEDGE_FIELDS,
    PUBLICATION_FIELDS,
    SENTENCE_FIELDS,
    TEXT_FIELDS,
    TEXT_VERSION,
    ArticleRows,
    article_rows,
)
from ..sink import NEW_TEXT, SHARED_TEXT, STORED_ALREADY, IdentityConflict
from ..tables import columns
from .runs import write_score
from .schema import now, transaction


class _Writer:
    """Writes results inside one transaction; hands out ids and source ids."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.audited_at = now()
        self.next_id = {
            table: conn.execute(
                f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}"
            ).fetchone()[0]
            for table in ("sentences", "attributions", "hedges")
        }
        self.sources: dict[tuple[str, str], int] = {}
        self.replaced_sources: set[int] = set()  # sources used by audits now replaced
        self.left_texts: set[int] = set()  # texts a publication pointed at before this transaction
        # publications migrated from version 1 have no raw digest yet (see adopted())
        self.migrated = conn.execute("SELECT 1 FROM publications WHERE raw_digest IS NULL LIMIT 1").fetchone()

    def new_id(self, table: str) -> int:
        value = self.next_id[table]
        self.next_id[table] = value + 1
        return value

    def source_id(self, name: str, key: str, kind: str) -> int:
        found = self.sources.get((key, kind))
        if found is None:
            row = self.conn.execute(
                "SELECT id FROM sources WHERE normalized_key = ? AND kind = ?",
                (key, kind),
            ).fetchone()
            if row is None:
                found = self.conn.execute(
                    "INSERT INTO sources (name, kind, normalized_key) VALUES (?, ?, ?)",
                    (name, kind, key),
                ).lastrowid
            else:
                found = row[0]
            self.sources[(key, kind)] = found
        return found

    def write(self, rows: ArticleRows) -> str | IdentityConflict:
        """Store a publication and, unless stored already with the same analysis, its text.

        Returns NEW_TEXT, SHARED_TEXT (its text was stored already), STORED_ALREADY
        (this very input was: same id, raw digest and analysis), or the conflict
        when the id is stored for other content (both raw digests known and different).
        """
        raw_digest = rows.raw_digest
        old = self.conn.execute("SELECT raw_digest, origin, text_id FROM publications WHERE id = ?",
                                (rows.article_id,)).fetchone()
        if old is not None and old[0] and raw_digest and old[0] != raw_digest:
            return IdentityConflict(rows.article_id, rows.origin, old[1] or "")
        text_id, new_text = self.write_text(rows)
        if old is not None and old[2] != text_id:
            self.left_texts.add(old[2])
        if old is not None and raw_digest and old[0] == raw_digest and old[2] == text_id and not new_text:
            return STORED_ALREADY
        # a plain INSERT for a new row: an upsert needs a statement journal, whose savepoint
        # makes FTS5 flush the search index's buffer (a third of the writer's time)
        upsert = _INSERT_PUBLICATION if old is None else _UPSERT_PUBLICATION
        self.conn.execute(upsert, (rows.article_id, text_id, *rows.publication, self.audited_at))
        return NEW_TEXT if new_text else SHARED_TEXT

    def adopted(self, rows: ArticleRows) -> ArticleRows:
        """The rows with the id of a publication migrated from version 1 (no raw digest)
        of the same input (origin) and text, if there is one: its scores point at that id."""
        if not self.migrated or not rows.raw_digest:
            return rows
        found = self.conn.execute(
            "SELECT id FROM publications WHERE raw_digest IS NULL AND origin = ?"
            " AND text_id = (SELECT id FROM texts WHERE content_hash = ?)"
            " AND NOT EXISTS (SELECT 1 FROM publications WHERE id = ?)",
            (rows.origin, rows.content_hash, rows.article_id),
        ).fetchone()
        if found is None:
            return rows
        return rows._replace(article_id=found[0])

    def write_text(self, rows: ArticleRows) -> tuple[int, bool]:
        """Write the text's analysis unless it is stored with the same version and language;
        returns its id and whether it was written. Rows without a text (a worker found
        it stored) never write."""
        stored = self.conn.execute(_SELECT_TEXT_VERSION, (rows.content_hash,)).fetchone()
        if rows.text is None:
            if stored is None:
                raise LookupError(f"text {rows.content_hash[:16]} is no longer stored; run again")
            return stored[0], False
        if stored is not None and tuple(stored[1:]) == rows.text_version:
            return stored[0], False
        old_sentences = self.delete_text_rows(stored[0]) if stored is not None else {}
        cursor = self.conn.execute(_INSERT_TEXT if stored is None else _UPSERT_TEXT, (*rows.text, self.audited_at))
        text_id = stored[0] if stored is not None else cursor.lastrowid
        sentence_ids: dict[int, int] = {}
        sentences, fts = [], []
        for row in rows.sentences:
            idx, text = row[_IDX], row[_TEXT]
            old = old_sentences.pop(idx, None)
            if old is not None and old[1] == text:
                sentence_id = old[0]  # unchanged text: keep the id and its index entry
            else:
                if old is not None:
                    old_sentences[idx] = old
                sentence_id = self.new_id("sentences")
                fts.append((sentence_id, text))
            sentence_ids[idx] = sentence_id
            sentences.append((sentence_id, text_id, *row))
        attributions, via = [], []
        for idx, source, via_sources, values in rows.attributions:
            attribution_id = self.new_id("attributions")
            source_id = None if source is None else self.source_id(*source)
            via.extend(
                (attribution_id, self.source_id(*identity), position)
                for position, identity in enumerate(via_sources)
            )
            attributions.append(
                (attribution_id, sentence_ids[idx], text_id, source_id, *values)
            )
        hedges = [
            (self.new_id("hedges"), sentence_ids[idx], text_id, *values)
            for idx, values in rows.hedges
        ]
        self.conn.executemany(_DELETE_FTS, old_sentences.values())
        self.conn.executemany(_INSERT_SENTENCE, sentences)
        self.conn.executemany(_INSERT_FTS, fts)
        self.conn.executemany(_INSERT_ATTRIBUTION, attributions)
        self.conn.executemany(_INSERT_VIA, via)
        self.conn.executemany(_INSERT_HEDGE, hedges)
        return text_id, True

    def delete_text_rows(self, text_id: int) -> dict[int, tuple[int, str]]:
        """Delete a text's analysis; return its sentences, idx -> (id, text).

        Their search-index entries are left for :meth:`write_text` to drop or keep.
        """
        params = (text_id,)
        self.replaced_sources.update(
            row[0]
            for row in self.conn.execute(
                "SELECT source_id FROM attributions WHERE text_id = ? AND source_id IS NOT NULL"
                " UNION SELECT v.source_id FROM via v JOIN attributions a ON a.id = v.attribution_id"
                " WHERE a.text_id = ?",
                (text_id, text_id),
            )
        )
        old_sentences = {
            idx: (sentence_id, text)
            for idx, sentence_id, text in self.conn.execute(
                "SELECT idx, id, text FROM sentences WHERE text_id = ?", params
            )
        }
        self.conn.execute(
            "DELETE FROM via WHERE attribution_id IN"
            " (SELECT id FROM attributions WHERE text_id = ?)",
            params,
        )
        self.conn.execute("DELETE FROM attributions WHERE text_id = ?", params)
        self.conn.execute("DELETE FROM hedges WHERE text_id = ?", params)
        self.conn.execute("DELETE FROM sentences WHERE text_id = ?", params)
        return old_sentences

    def finish(self) -> None:
        """Drop texts no publication points at any more, then sources left unreferenced."""
        for text_id in sorted(self.left_texts):
            if self.conn.execute("SELECT 1 FROM publications WHERE text_id = ?", (text_id,)).fetchone() is None:
                self.conn.executemany(_DELETE_FTS, self.delete_text_rows(text_id).values())
                self.conn.execute("DELETE FROM texts WHERE id = ?", (text_id,))
        self.left_texts.clear()
        candidates = sorted(self.replaced_sources)
        for at in range(0, len(candidates), 500):  # stay below SQLite's variable limit
            chunk = candidates[at : at + 500]
            marks = ", ".join("?" for _ in chunk)
            orphans = self.conn.execute(
                f"SELECT id FROM sources s WHERE id IN ({marks})"
                " AND NOT EXISTS (SELECT 1 FROM attributions a WHERE a.source_id = s.id)"
                " AND NOT EXISTS (SELECT 1 FROM via v WHERE v.source_id = s.id)",
                chunk,
            ).fetchall()
            self.conn.executemany("DELETE FROM sources WHERE id = ?", orphans)
        self.replaced_sources.clear()


# --- statements ----------------------------------------------------------------
# The columns in the order the writer puts them: its ids first, its time last.


def _insert_sql(table: str, names: tuple[str, ...]) -> str:
    quoted = ", ".join(f'"{c}"' for c in names)
    marks = ", ".join("?" for _ in names)
    return f"INSERT INTO {table} ({quoted}) VALUES ({marks})"


def _upsert_sql(table: str, names: tuple[str, ...]) -> str:
    """Insert, or update every column but the first, the key."""
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in names[1:])
    return f"{_insert_sql(table, names)} ON CONFLICT ({names[0]}) DO UPDATE SET {updates}"


_PUBLICATION_COLUMNS = ("id", "text_id", *PUBLICATION_FIELDS, "audited_at")
_TEXT_COLUMNS = (*TEXT_FIELDS, "analysed_at")  # content_hash first: the key of the upsert
# upserts for rows stored already, not INSERT OR REPLACE: a replaced row would break
# the rows that point at it
_INSERT_PUBLICATION = _insert_sql("publications", _PUBLICATION_COLUMNS)
_UPSERT_PUBLICATION = _upsert_sql("publications", _PUBLICATION_COLUMNS)
_INSERT_TEXT = _insert_sql("texts", _TEXT_COLUMNS)
_UPSERT_TEXT = _upsert_sql("texts", _TEXT_COLUMNS)
_INSERT_SENTENCE = _insert_sql("sentences", ("id", "text_id", *SENTENCE_FIELDS))
_INSERT_ATTRIBUTION = _insert_sql("attributions", ("id", "sentence_id", "text_id", "source_id", *ATTRIBUTION_FIELDS))
_INSERT_HEDGE = _insert_sql("hedges", ("id", "sentence_id", "text_id", *HEDGE_FIELDS))
_INSERT_VIA = _insert_sql("via", columns("via"))
_SELECT_TEXT_VERSION = f"SELECT id, {', '.join(TEXT_VERSION)} FROM texts WHERE content_hash = ?"
_IDX, _TEXT = SENTENCE_FIELDS.index("idx"), SENTENCE_FIELDS.index("text")
# The search index is written here, not by triggers: FTS5 flushes its buffer at
# every trigger's savepoint, which made inserts three times slower.  A re-audit
# keeps the id (and index entry) of every sentence whose idx and text are
# unchanged, and re-indexes only the others.
_INSERT_FTS = "INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)"
_DELETE_FTS = (
    "INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', ?, ?)"
)


# --- writing ----------------------------------------------------------------


def _batches(items: Iterable[ArticleRows], size: int) -> Iterator[list[ArticleRows]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def save_results(
    db: sqlite_utils.Database,
    results: Iterable[AuditResult],
    batch_size: int = 200,
    *,
    run_id: int | None = None,
) -> int:
    """Save many results, one transaction per batch; returns how many were saved.

    A publication stored again with the same content is skipped; one whose id is
    stored for other content is refused (see :func:`save_rows`).  If a batch fails, that batch is rolled back and earlier batches stay.
    With ``run_id`` (see :func:`auditor.store.sqlite.runs.start_run`) the scores of scored results are
    saved for that run in the same transaction.
    """
    return save_rows(db, map(article_rows, results), batch_size, run_id=run_id)


def save_rows(
    db: sqlite_utils.Database,
    articles: Iterable[ArticleRows],
    batch_size: int = 200,
    *,
    run_id: int | None = None,
) -> int:
    """:func:`save_results` for results already turned into rows (:func:`article_rows`).

    Counts the publications written; one whose id is stored for other content
    is neither written nor counted (:func:`write_batch` says which).
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    count = 0
    for batch in _batches(articles, batch_size):
        outcomes = write_batch(db, batch, run_id=run_id)
        count += sum(outcome in (NEW_TEXT, SHARED_TEXT) for outcome in outcomes)
    return count


def write_batch(
    db: sqlite_utils.Database, batch: list[ArticleRows], *, run_id: int | None = None
) -> list[str | IdentityConflict]:
    """Write a batch in one transaction; what each row did (see ``_Writer.write``).
    With ``run_id`` (see :func:`auditor.store.sqlite.runs.start_run`) scored rows have
    their score saved for that run.

    Decided under the write lock, so two runs at once never both count a publication.
    """
    outcomes: list[str | IdentityConflict] = []
    with transaction(db.conn) as conn:
        writer = _Writer(conn)
        for rows in map(writer.adopted, batch):
            outcome = writer.write(rows)
            outcomes.append(outcome)
            if isinstance(outcome, IdentityConflict):
                continue
            if run_id is not None and rows.score is not None:
                write_score(conn, run_id, rows.article_id, rows.score)
        writer.finish()
        # an input that failed in an earlier run and is stored now has no error left
        stored = [(r.origin,) for r, o in zip(batch, outcomes, strict=True) if r.origin and isinstance(o, str)]
        conn.executemany("DELETE FROM errors WHERE input = ?", stored)
    return outcomes


def save_result(
    db: sqlite_utils.Database, result: AuditResult, *, run_id: int | None = None
) -> str:
    """Save one result in one transaction, replacing what was stored for the article;
    returns NEW_TEXT, SHARED_TEXT or STORED_ALREADY. An id stored already for other
    content (another raw digest) is refused with an AuditorError: the first stays."""
    (outcome,) = write_batch(db, [article_rows(result)], run_id=run_id)
    if isinstance(outcome, IdentityConflict):
        raise AuditorError(outcome.origin or outcome.article_id, outcome.message)
    return outcome


def record_error(
    db: sqlite_utils.Database,
    input: str,
    stage: str,
    message: str,
) -> int:
    """Log a failed input (bulk runs); returns its ``errors.id``.

    An input has one row per stage that failed: a rerun that fails it again
    updates the message and time and counts the attempt, so a rerun stores
    nothing twice. Saving the input's article later removes the row.
    """
    with transaction(db.conn) as conn:
        row = conn.execute("SELECT id FROM errors WHERE input = ? AND stage = ?", (input, stage)).fetchone()
        if row is not None:
            conn.execute("UPDATE errors SET message = ?, at = ?, attempts = attempts + 1 WHERE id = ?",
                         (message, now(), row[0]))
            return row[0]
        cursor = conn.execute(
            "INSERT INTO errors (input, stage, message, at) VALUES (?, ?, ?, ?)",
            (input, stage, message, now()),
        )
    return cursor.lastrowid

