"""Keep audit results in SQLite, shaped for Datasette.

In the manner of the "X-to-sqlite" tools: :func:`open_db` gives a ready
database, :func:`ensure_db_shape` idempotently creates what is missing (tables,
indexes, full-text search, views - all in ``db/schema.sql``), and the save
functions write whole articles at once.

Auditing an article again replaces everything stored for it: its sentences,
attributions, via links and hedges are deleted and written anew inside the
same transaction, so the database never holds a half-written article.  A
sentence whose index and text are unchanged keeps its id.

Sources are shared between articles and deduplicated by ``(normalized_key,
kind)``; see :func:`normalize_source` and ``db/README.md`` for the rule.
Sources that a re-audit leaves unused are deleted.

The full-text index ``sentences_fts`` is maintained here, in the same
transaction, not by triggers (see ``_INSERT_FTS``).  Write sentences only
through this module, or rebuild the index afterwards
(``sqlite-utils rebuild-fts audit.db sentences``).
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cache
from itertools import islice
from pathlib import Path
from sqlite3 import Connection
from typing import TYPE_CHECKING, NamedTuple, TypeVar

import sqlite_utils

from .errors import AuditorError
from .models import (
    SCHEMA_VERSION,
    Article,
    Attribution,
    AuditResult,
    HedgeCue,
    SourceSpan,
    Span,
    TaggedSentence,
)
from .resources import db_dir
from .sources import normalize_source

if TYPE_CHECKING:  # the store saves rule sets but never loads or applies rules
    from .scoring.rules import RuleSet

# --- shape ------------------------------------------------------------------


@cache
def schema_sql() -> str:
    """The DDL in ``db/schema.sql``; every statement is ``IF NOT EXISTS``."""
    return (db_dir() / "schema.sql").read_text(encoding="utf-8")


# How long a write waits for another connection's lock before it gives up (then it
# is tried once more: retry_when_busy).  Generous: a long bulk commit takes seconds.
BUSY_TIMEOUT_SECONDS = 30.0
_BUSY_CODES = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
_T = TypeVar("_T")


def open_db(path: str | Path, *, busy_timeout: float | None = None) -> sqlite_utils.Database:
    """Open (creating if needed) a database file ready for reading and writing.

    A path that cannot be one (a folder, a file that is not SQLite, a read-only
    place, a database locked too long) raises :class:`AuditorError` naming it.
    """
    path = Path(path)
    busy_timeout = BUSY_TIMEOUT_SECONDS if busy_timeout is None else busy_timeout
    if path.is_dir():
        raise AuditorError(str(path), "is a folder, not a database file")
    existing = next((parent for parent in path.parents if parent.exists()), None)
    if existing is not None and not existing.is_dir():
        raise AuditorError(str(path), f"cannot create it: {existing} is not a folder")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise AuditorError(str(path), f"cannot create the folder {path.parent}: {error.strerror or error}") from None
    try:
        db = sqlite_utils.Database(sqlite3.connect(path, timeout=busy_timeout))
        db.enable_wal()
        # In WAL mode NORMAL cannot corrupt the database; a power cut may only lose
        # the last commits.  It makes per-article commits several times faster.
        db.conn.execute("PRAGMA synchronous = NORMAL")
        # 64 MiB of page cache: a batch of 200 articles fits without spilling.
        db.conn.execute("PRAGMA cache_size = -65536")
        retry_when_busy(lambda: ensure_db_shape(db))
    except sqlite3.Error as error:
        raise database_fault(path, error, busy_timeout) from None
    return db


def is_busy(error: BaseException) -> bool:
    """A lock held by another connection for longer than the busy timeout."""
    return isinstance(error, sqlite3.OperationalError) and (
        (getattr(error, "sqlite_errorcode", 0) & 0xFF) in _BUSY_CODES or "locked" in str(error))


def retry_when_busy(write: Callable[[], _T]) -> _T:
    """``write()``, once more if the database stayed locked through the busy timeout;
    ``write`` must be a whole transaction, which a busy error has rolled back."""
    try:
        return write()
    except sqlite3.OperationalError as error:
        if not is_busy(error):
            raise
    return write()


def busy_timeout_of(db: sqlite_utils.Database) -> float:
    """The connection's busy timeout in seconds, as the busy message names it."""
    return db.conn.execute("PRAGMA busy_timeout").fetchone()[0] / 1000


def database_fault(path: str | Path, error: sqlite3.Error, busy_timeout: float = BUSY_TIMEOUT_SECONDS) -> AuditorError:
    """An SQLite error as one line about the database file: what is wrong and what is kept."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    path = Path(path)
    if is_busy(error):
        message = (f"database is busy (locked by another process for {busy_timeout:g} s); "
                   "stored so far is kept")
    elif code == sqlite3.SQLITE_NOTADB:
        message = "not an SQLite database"
    elif code == sqlite3.SQLITE_READONLY or (code == sqlite3.SQLITE_CANTOPEN and not _writable(path)):
        message = "cannot write: the database or its folder is read-only"
    elif code == sqlite3.SQLITE_CORRUPT:
        message = "the database file is damaged (malformed)"
    elif code == sqlite3.SQLITE_FULL:
        message = "the disk is full; stored so far is kept"
    else:
        message = f"database error: {error}"
    return AuditorError(str(path), message)


def _writable(path: Path) -> bool:
    return os.access(path if path.exists() else path.parent, os.W_OK) and os.access(path.parent, os.W_OK)


# Columns added to a table after it first shipped: CREATE TABLE IF NOT EXISTS
# leaves an older table as it is, so ensure_db_shape() adds these when missing.
ADDED_COLUMNS: dict[str, dict[str, str]] = {
    "errors": {"attempts": "INTEGER NOT NULL DEFAULT 1"},
}
# What a version-1 database may lack; migrate_v1 adds it before copying.
V1_ADDED_COLUMNS: dict[str, dict[str, str]] = {
    "hedges": {"parts": "TEXT"},
    "articles": {"status": "TEXT NOT NULL DEFAULT 'analysed'"},
    **ADDED_COLUMNS,
}
# The version-1 tables whose rows move (articles) or whose keys change (article_id -> text_id).
_V1_TABLES = ("articles", "sentences", "attributions", "hedges", "via", "article_scores", "rule_hits")


def _add_missing_columns(conn: Connection, added: dict[str, dict[str, str]]) -> None:
    for table, columns in added.items():
        existing = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        for name, sql_type in columns.items():
            if existing and name not in existing:
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {name} {sql_type}")


def _is_table(conn: Connection, name: str) -> bool:
    query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
    return conn.execute(query, (name,)).fetchone() is not None


def _database_name(conn: Connection) -> str:
    return next((row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"), "") or ":memory:"


def ensure_db_shape(db: sqlite_utils.Database) -> None:
    """Create missing tables, indexes, full-text search and views; safe to repeat.

    A version-1 database (an ``articles`` table) is migrated first, in one
    transaction; one newer than this code is refused with an AuditorError.
    Also switches foreign-key enforcement on for this connection.
    """
    conn = db.conn
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise AuditorError(_database_name(conn), f"database schema version {version} is newer than this"
                           f" auditor's ({SCHEMA_VERSION}); open it with a newer auditor")
    if _is_table(conn, "articles"):
        migrate_v1(db)
    conn.execute("PRAGMA foreign_keys = ON")
    db.executescript(schema_sql())
    _add_missing_columns(conn, ADDED_COLUMNS)
    if conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _statements(script: str) -> Iterator[str]:
    """The statements of an SQL script, one by one (executescript would commit first)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer
            buffer = ""


def migrate_v1(db: sqlite_utils.Database) -> None:
    """Turn a version-1 database (one ``articles`` table) into version 2, all or nothing.

    Every article becomes a publication; articles with the same text share one
    text, whose analysis is the most recently audited one. Sentences,
    attributions and hedges move to their text (ids kept), scores and errors
    stay. The old tables are renamed out of the way (legacy_alter_table keeps
    other tables' references by name), the v2 schema is created, rows copied.
    """
    conn = db.conn
    conn.execute("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction: set before it
    conn.execute("PRAGMA legacy_alter_table = ON")
    try:
        with _transaction(conn):
            _add_missing_columns(conn, V1_ADDED_COLUMNS)
            for (view,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'").fetchall():
                conn.execute(f'DROP VIEW "{view}"')
            old = [table for table in _V1_TABLES if _is_table(conn, table)]
            marks = ", ".join("?" for _ in old)
            indexes = conn.execute(f"SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                                   f" AND tbl_name IN ({marks})", old).fetchall()
            for (index,) in indexes:
                conn.execute(f'DROP INDEX "{index}"')
            for table in old:
                conn.execute(f"ALTER TABLE {table} RENAME TO v1_{table}")
            for statement in _statements(schema_sql()):
                conn.execute(statement)
            for statement in _statements(_MIGRATE_V1_SQL):
                if not any(f"v1_{table}" in statement for table in set(_V1_TABLES) - set(old)):
                    conn.execute(statement)
            for table in old:
                conn.execute(f"DROP TABLE v1_{table}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    finally:
        conn.execute("PRAGMA legacy_alter_table = OFF")
        conn.execute("PRAGMA foreign_keys = ON")


# One text per content hash, analysed as its most recently audited article was.
_MIGRATE_V1_SQL = """
CREATE TEMP TABLE v1_keepers AS
SELECT id AS article_id, content_hash FROM (
    SELECT id, coalesce(content_hash, id) AS content_hash, row_number() OVER (
        PARTITION BY coalesce(content_hash, id) ORDER BY audited_at DESC, id) AS rank
    FROM v1_articles)
WHERE rank = 1;
INSERT INTO texts (content_hash, text, language, analyser_version, analysed_at, n_sentences, n_attributed,
    n_anonymous, n_vague, n_hedged, n_unattributed, status)
SELECT k.content_hash, a.text, a.language, a.analyser_version, a.audited_at, a.n_sentences, a.n_attributed,
    a.n_anonymous, a.n_vague, a.n_hedged, a.n_unattributed, a.status
FROM v1_keepers k JOIN v1_articles a ON a.id = k.article_id ORDER BY a.audited_at, a.id;
CREATE TEMP TABLE v1_text_ids AS
SELECT k.article_id, t.id AS text_id FROM v1_keepers k JOIN texts t ON t.content_hash = k.content_hash;
INSERT INTO publications (id, text_id, title, url, outlet, domain, author, published, origin,
    raw_digest, warnings, audited_at)
SELECT a.id, t.id, a.title, a.url, a.outlet, a.domain, a.author, a.published, a.origin,
    NULL, a.warnings, a.audited_at
FROM v1_articles a JOIN texts t ON t.content_hash = coalesce(a.content_hash, a.id);
INSERT INTO sentences (id, text_id, idx, start, "end", text, is_heading, paragraph, hedge_level,
    has_quote, n_attributions, n_hedges)
SELECT s.id, k.text_id, s.idx, s.start, s."end", s.text, s.is_heading, s.paragraph, s.hedge_level,
    s.has_quote, s.n_attributions, s.n_hedges
FROM v1_sentences s JOIN v1_text_ids k ON k.article_id = s.article_id;
INSERT INTO attributions (id, sentence_id, text_id, source_id, source_text, source_start, source_end,
    source_kind, resolved_to, cue_text, cue_start, cue_end, cue_parts, mode, via, via_text)
SELECT a.id, a.sentence_id, k.text_id, a.source_id, a.source_text, a.source_start, a.source_end,
    a.source_kind, a.resolved_to, a.cue_text, a.cue_start, a.cue_end, a.cue_parts, a.mode, a.via, a.via_text
FROM v1_attributions a JOIN v1_text_ids k ON k.article_id = a.article_id;
INSERT INTO hedges (id, sentence_id, text_id, text, start, "end", kind, weight, parts)
SELECT h.id, h.sentence_id, k.text_id, h.text, h.start, h."end", h.kind, h.weight, h.parts
FROM v1_hedges h JOIN v1_text_ids k ON k.article_id = h.article_id;
INSERT INTO via (attribution_id, source_id, position)
SELECT v.attribution_id, v.source_id, v.position FROM v1_via v
WHERE v.attribution_id IN (SELECT id FROM attributions);
INSERT INTO article_scores (run_id, article_id, content_hash, analyser_version, score, breakdown)
SELECT run_id, article_id, content_hash, analyser_version, score, breakdown FROM v1_article_scores;
INSERT INTO rule_hits (id, run_id, article_id, sentence_idx, rule_id, points, message)
SELECT id, run_id, article_id, sentence_idx, rule_id, points, message FROM v1_rule_hits;
DROP TABLE v1_keepers;
DROP TABLE v1_text_ids;
DELETE FROM sources WHERE id NOT IN (SELECT source_id FROM attributions WHERE source_id IS NOT NULL)
    AND id NOT IN (SELECT source_id FROM via);
INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild');
"""


class DatabaseBusy(AuditorError, sqlite3.OperationalError):
    """The write lock stayed taken past the connection's busy timeout: one line for
    the CLI (an AuditorError), and what a caller that retries catches (OperationalError)."""

    stage = "store"


@contextmanager
def _transaction(conn: Connection) -> Iterator[Connection]:
    """All or nothing: BEGIN IMMEDIATE ... COMMIT, or a savepoint when nested.

    IMMEDIATE takes the write lock up front, so ids read with MAX(id) inside
    the block stay free until the commit; a lock held elsewhere past the busy
    timeout raises DatabaseBusy.
    """
    if conn.in_transaction:
        name = f"auditor_{secrets.token_hex(8)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield conn
        except BaseException:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
            raise
        conn.execute(f"RELEASE {name}")
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        if not is_busy(error):
            raise
        raise DatabaseBusy(_database_name(conn), f"{error}: another connection holds the write lock;"
                           " what was stored before is kept") from None
    try:
        yield conn
        conn.commit()
    except BaseException:
        conn.rollback()
        raise


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# --- sources ----------------------------------------------------------------


def source_identity(
    span: SourceSpan, known_kinds: dict[str, str] | None = None
) -> tuple[str, str, str]:
    """Return ``(name, key, kind)`` of the ``sources`` row a span points to.

    A span with ``resolved_to`` (a pronoun, a carried-over source) is keyed on
    the name it resolves to.  A resolved pronoun takes the kind that name has
    elsewhere in the same article (``known_kinds``: key -> kind), else
    "person".  An unresolved pronoun is stored as itself, kind "pronoun".
    """
    name, key = normalize_source(span.resolved_to or span.text)
    kind = span.kind
    if kind == "pronoun" and span.resolved_to:
        kind = (known_kinds or {}).get(key, "person")
    return name, key, kind


def _known_kinds(result: AuditResult) -> dict[str, str]:
    """Key -> kind of every named (non-pronoun) source mention in the article."""
    kinds: dict[str, str] = {}
    for sentence in result.sentences:
        for attribution in sentence.attributions:
            for span in (attribution.source, *attribution.via):
                if span is not None and span.kind != "pronoun":
                    key = normalize_source(span.resolved_to or span.text)[1]
                    kinds.setdefault(key, span.kind)
    return kinds


class IdentityConflict(NamedTuple):
    """A publication id stored already for other content: the first stays."""

    article_id: str
    origin: str  # of the input refused
    stored_origin: str  # of the publication kept

    @property
    def message(self) -> str:
        return (f"id {self.article_id!r} is stored already for other content (from {self.stored_origin});"
                " kept that one: give this input another id")


# What writing one result did (see _Writer.write)
NEW_TEXT, SHARED_TEXT, STORED_ALREADY = "new text", "shared text", "stored already"


class _Writer:
    """Writes results inside one transaction; hands out ids and source ids."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.audited_at = _now()
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
        stored = self.conn.execute("SELECT id, analyser_version, language, status FROM texts"
                                   " WHERE content_hash = ?", (rows.content_hash,)).fetchone()
        if rows.text is None:
            if stored is None:
                raise LookupError(f"text {rows.content_hash[:16]} is no longer stored; run again")
            return stored[0], False
        if stored is not None and tuple(stored[1:]) == tuple(rows.text[i] for i in _TEXT_VERSION):
            return stored[0], False
        old_sentences = self.delete_text_rows(stored[0]) if stored is not None else {}
        cursor = self.conn.execute(_INSERT_TEXT if stored is None else _UPSERT_TEXT, (*rows.text, self.audited_at))
        text_id = stored[0] if stored is not None else cursor.lastrowid
        sentence_ids: dict[int, int] = {}
        sentences, fts = [], []
        for row in rows.sentences:
            idx, text = row[0], row[3]
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
        for idx, source, via_sources, columns in rows.attributions:
            attribution_id = self.new_id("attributions")
            source_id = None if source is None else self.source_id(*source)
            via.extend(
                (attribution_id, self.source_id(*identity), position)
                for position, identity in enumerate(via_sources)
            )
            attributions.append(
                (attribution_id, sentence_ids[idx], text_id, source_id, *columns)
            )
        hedges = [
            (self.new_id("hedges"), sentence_ids[idx], text_id, *columns)
            for idx, columns in rows.hedges
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


# --- rows -------------------------------------------------------------------

# audited_at / analysed_at last: the writer adds it to the row when it writes
# id and text_id first: the writer puts them in (an adopted id, the text's row id)
_PUBLICATION_COLUMNS = (
    "id", "text_id", "title", "url", "outlet", "domain", "author", "published",
    "origin", "raw_digest", "warnings", "audited_at",
)  # fmt: skip
_RAW_DIGEST = _PUBLICATION_COLUMNS.index("raw_digest") - 2
_TEXT_COLUMNS = (
    "content_hash", "text", "language", "analyser_version",
    "n_sentences", "n_attributed", "n_anonymous", "n_vague", "n_hedged",
    "n_unattributed", "status", "analysed_at",
)  # fmt: skip
# a text stored with these is not analysed again
_TEXT_VERSION = tuple(_TEXT_COLUMNS.index(c) for c in ("analyser_version", "language", "status"))
_SENTENCE_COLUMNS = (
    "id", "text_id", "idx", "start", "end", "text", "is_heading", "paragraph",
    "hedge_level", "has_quote", "n_attributions", "n_hedges",
)  # fmt: skip
_ATTRIBUTION_COLUMNS = (
    "id", "sentence_id", "text_id", "source_id", "source_text", "source_start",
    "source_end", "source_kind", "resolved_to", "cue_text", "cue_start", "cue_end",
    "cue_parts", "mode", "via", "via_text",
)  # fmt: skip
_HEDGE_COLUMNS = (
    "id",
    "sentence_id",
    "text_id",
    "text",
    "start",
    "end",
    "kind",
    "weight",
    "parts",
)
_VIA_COLUMNS = ("attribution_id", "source_id", "position")


def _insert_sql(table: str, columns: tuple[str, ...], verb: str = "INSERT") -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    return f"{verb} INTO {table} ({names}) VALUES ({marks})"


def _upsert_sql(table: str, columns: tuple[str, ...]) -> str:
    """Insert, or update every column but the first, the key."""
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns[1:])
    return f"{_insert_sql(table, columns)} ON CONFLICT ({columns[0]}) DO UPDATE SET {updates}"


# upserts for rows stored already, not INSERT OR REPLACE: a replaced row would break
# the rows that point at it
_INSERT_PUBLICATION = _insert_sql("publications", _PUBLICATION_COLUMNS)
_UPSERT_PUBLICATION = _upsert_sql("publications", _PUBLICATION_COLUMNS)
_INSERT_TEXT = _insert_sql("texts", _TEXT_COLUMNS)
_UPSERT_TEXT = _upsert_sql("texts", _TEXT_COLUMNS)
_INSERT_SENTENCE = _insert_sql("sentences", _SENTENCE_COLUMNS)
_INSERT_ATTRIBUTION = _insert_sql("attributions", _ATTRIBUTION_COLUMNS)
_INSERT_HEDGE = _insert_sql("hedges", _HEDGE_COLUMNS)
_INSERT_VIA = _insert_sql("via", _VIA_COLUMNS)
# The search index is written here, not by triggers: FTS5 flushes its buffer at
# every trigger's savepoint, which made inserts three times slower.  A re-audit
# keeps the id (and index entry) of every sentence whose idx and text are
# unchanged, and re-indexes only the others.
_INSERT_FTS = "INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)"
_DELETE_FTS = (
    "INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', ?, ?)"
)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def article_counts(result: AuditResult) -> dict[str, int]:
    """The n_* columns of ``articles``; each counts sentences (see schema.sql)."""
    counts = dict.fromkeys(
        ("n_attributed", "n_anonymous", "n_vague", "n_hedged", "n_unattributed"), 0
    )
    for sentence in result.sentences:
        if sentence.attributions:
            counts["n_attributed"] += 1
            kinds = {
                a.source.kind for a in sentence.attributions if a.source is not None
            }
            counts["n_anonymous"] += "anonymous" in kinds
            counts["n_vague"] += "vague" in kinds
        elif not sentence.is_heading:
            counts["n_unattributed"] += 1
        counts["n_hedged"] += sentence.hedge_level != "none"
    return {"n_sentences": len(result.sentences), **counts}


class ScoreRows(NamedTuple):
    """A scored result's ``article_scores`` row and ``rule_hits`` rows, without run and article."""

    score: tuple  # content_hash, analyser_version, score, breakdown (JSON)
    hits: list[tuple]  # sentence idx (None: the article), rule_id, points, message


class ArticleRows(NamedTuple):
    """One result as the rows the store inserts, built without a database.

    Bulk workers build these, so the one writer process only hands out ids
    and inserts: rows name their sentence by its idx and their sources by
    identity ``(name, key, kind)``, and the writer puts in the ids.
    """

    article_id: str  # the publication's id
    content_hash: str  # the text's id
    origin: str
    publication: tuple  # _PUBLICATION_COLUMNS but id, text_id and audited_at
    text: tuple | None  # _TEXT_COLUMNS but analysed_at; None: the text is stored already (text_rows)
    sentences: list[tuple]  # _SENTENCE_COLUMNS after id and text_id: idx first, text fourth
    attributions: list[tuple]  # (idx, source identity or None, via identities, _ATTRIBUTION_COLUMNS after source_id)
    hedges: list[tuple]  # (idx, _HEDGE_COLUMNS after text_id)
    score: ScoreRows | None

    @property
    def raw_digest(self) -> str | None:
        return self.publication[_RAW_DIGEST]


def article_rows(result: AuditResult) -> ArticleRows:
    """Everything :func:`save_results` writes for ``result``, as rows."""
    article = result.article
    known_kinds = _known_kinds(result)
    sentences, attributions, hedges = [], [], []
    for sentence in result.sentences:
        sentences.append(_sentence_columns(sentence))
        for attribution in sentence.attributions:
            source = attribution.source
            identity = None if source is None else source_identity(source, known_kinds)
            via = tuple(source_identity(span, known_kinds) for span in attribution.via)
            columns = _attribution_columns(attribution, [name for name, _, _ in via])
            attributions.append((sentence.index, identity, via, columns))
        hedges.extend((sentence.index, _hedge_columns(hedge)) for hedge in sentence.hedges)
    return ArticleRows(
        article.id, article.content_hash, article.origin, _publication_columns(article),
        _text_columns(result), sentences, attributions, hedges, score_rows(result),
    )  # fmt: skip


def unanalysed_language(rows: ArticleRows) -> str | None:
    """The language of an article stored without analysis (no grammar for it); None when analysed."""
    if rows.text is None:  # a publication of a text stored already: counted when the text was
        return None
    values = dict(zip(_TEXT_COLUMNS, rows.text, strict=False))
    return None if values["status"] == "analysed" else values["language"]


def publication_rows(article: Article) -> ArticleRows:
    """The rows of a publication whose text is stored already: no analysis to carry."""
    return ArticleRows(article.id, article.content_hash, article.origin, _publication_columns(article),
                       None, [], [], [], None)


def score_rows(result: AuditResult) -> ScoreRows | None:
    """The score of a scored result as rows; None when it is not scored."""
    score = result.score
    if score is None:
        return None
    breakdown = _json([row.model_dump(mode="json") for row in score.breakdown])
    hits = [h for s in result.sentences for h in s.rule_hits] + list(score.article_hits)
    return ScoreRows(
        (result.article.content_hash, result.analyser_version, score.value, breakdown),
        [(h.sentence, h.rule_id, h.points, h.message) for h in hits],
    )


def _publication_columns(a: Article) -> tuple:
    return (
        a.title, a.url, a.outlet, a.domain, a.author, a.published,
        a.origin, a.raw_digest, _json(list(a.warnings)),
    )  # fmt: skip


def _text_columns(result: AuditResult) -> tuple:
    a = result.article
    counts = article_counts(result)
    return (
        a.content_hash, a.text, a.language, result.analyser_version,
        counts["n_sentences"], counts["n_attributed"], counts["n_anonymous"],
        counts["n_vague"], counts["n_hedged"], counts["n_unattributed"], a.status,
    )  # fmt: skip


def _sentence_columns(s: TaggedSentence) -> tuple:
    return (
        s.index, s.start, s.end, s.text, int(s.is_heading), s.paragraph,
        s.hedge_level, int(s.has_quote), len(s.attributions), len(s.hedges),
    )  # fmt: skip


def _via_json(via: tuple[SourceSpan, ...]) -> str:
    items = []
    for span in via:
        item = {
            "text": span.text,
            "start": span.start,
            "end": span.end,
            "kind": span.kind,
        }
        if span.resolved_to is not None:
            item["resolved_to"] = span.resolved_to
        items.append(item)
    return _json(items)


def _attribution_columns(a: Attribution, via_names: list[str]) -> tuple:
    source, cue = a.source, a.cue
    return (
        source.text if source else None,
        source.start if source else None,
        source.end if source else None,
        source.kind if source else None,
        source.resolved_to if source else None,
        cue.text if cue else None,
        cue.start if cue else None,
        cue.end if cue else None,
        _offsets_json(a.cue_parts),
        a.mode,
        _via_json(a.via) if a.via else "[]",
        ", ".join(via_names) or None,
    )  # fmt: skip


def _offsets_json(parts: tuple[Span, ...]) -> str:
    return _json([[p.start, p.end] for p in parts]) if parts else "[]"


def _hedge_columns(h: HedgeCue) -> tuple:
    return (h.text, h.start, h.end, h.kind, h.weight, _offsets_json(h.parts))


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
    With ``run_id`` (see :func:`start_run`) the scores of scored results are
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
    """Write a batch in one transaction; what each rows did (see ``_Writer.write``).

    Decided under the write lock, so two runs at once never both count a publication.
    """
    outcomes: list[str | IdentityConflict] = []
    with _transaction(db.conn) as conn:
        writer = _Writer(conn)
        for rows in map(writer.adopted, batch):
            outcome = writer.write(rows)
            outcomes.append(outcome)
            if isinstance(outcome, IdentityConflict):
                continue
            if run_id is not None and rows.score is not None:
                _write_score(conn, run_id, rows.article_id, rows.score)
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
    with _transaction(db.conn) as conn:
        row = conn.execute("SELECT id FROM errors WHERE input = ? AND stage = ?", (input, stage)).fetchone()
        if row is not None:
            conn.execute("UPDATE errors SET message = ?, at = ?, attempts = attempts + 1 WHERE id = ?",
                         (message, _now(), row[0]))
            return row[0]
        cursor = conn.execute(
            "INSERT INTO errors (input, stage, message, at) VALUES (?, ?, ?, ?)",
            (input, stage, message, _now()),
        )
    return cursor.lastrowid


# --- bulk runs: what is stored already ---------------------------------------


def stored_raw_digests(
    db: sqlite_utils.Database,
    raw_digests: Iterable[str],
    *,
    analyser_version: str,
    rule_set_hash: str | None = None,
    outlets_hash: str | None = None,
) -> set[str]:
    """Those of the raw digests whose publication is stored as these versions
    would store it: its text analysed by ``analyser_version`` and, when a rule
    set hash is given, scored with that rule set and those outlet ratings.

    ``auditor bulk`` skips these before extraction (see
    :func:`auditor.pipeline.result_versions` and :mod:`auditor.identity`).
    """
    condition = " AND t.analyser_version = ?"
    params: list[str] = [analyser_version]
    if rule_set_hash is not None:
        condition += (  # a text no grammar reads is never scored: stored is enough
            " AND (t.status <> 'analysed' OR EXISTS (SELECT 1 FROM article_scores sc JOIN runs r ON r.id = sc.run_id"
            " JOIN rule_sets rs ON rs.id = r.rule_set_id WHERE sc.article_id = p.id"
            " AND sc.content_hash = t.content_hash AND sc.analyser_version = t.analyser_version"
            " AND rs.content_hash = ? AND r.outlets_hash IS ?))"
        )
        params += [rule_set_hash, outlets_hash]
    query = ("SELECT p.raw_digest FROM publications p JOIN texts t ON t.id = p.text_id"
             " WHERE p.raw_digest IN ({marks})" + condition)
    return _found(db, query, raw_digests, params)


def stored_texts(db: sqlite_utils.Database, content_hashes: Iterable[str], *, analyser_version: str) -> set[str]:
    """Those of the texts (by content hash) analysed by ``analyser_version`` already."""
    query = "SELECT content_hash FROM texts WHERE content_hash IN ({marks}) AND analyser_version = ?"
    return _found(db, query, content_hashes, [analyser_version])


def _found(db: sqlite_utils.Database, query: str, keys: Iterable[str], params: list[str]) -> set[str]:
    keys = list(dict.fromkeys(keys))
    found: set[str] = set()
    for at in range(0, len(keys), 500):  # stay below SQLite's variable limit
        chunk = keys[at : at + 500]
        marks = ", ".join("?" for _ in chunk)
        found.update(row[0] for row in db.conn.execute(query.format(marks=marks), [*chunk, *params]))
    return found


# --- reading ----------------------------------------------------------------


def _span(text: str, start: int | None, end: int | None) -> Span | None:
    if start is None or end is None:
        return None
    return Span(text=text, start=start, end=end)


def _spans_from_json(offsets: str | None, article_text: str) -> tuple[Span, ...]:
    """Spans from a JSON ``[[start, end], ...]`` column; text comes from the article."""
    return tuple(
        Span(text=article_text[start:end], start=start, end=end)
        for start, end in json.loads(offsets or "[]")
    )


def _attribution_from_row(row: dict, article_text: str) -> Attribution:
    source = None
    if row["source_start"] is not None:
        source = SourceSpan(
            text=row["source_text"],
            start=row["source_start"],
            end=row["source_end"],
            kind=row["source_kind"],
            resolved_to=row["resolved_to"],
        )
    cue_parts = _spans_from_json(row["cue_parts"], article_text)
    via = tuple(SourceSpan(**item) for item in json.loads(row["via"] or "[]"))
    return Attribution(
        source=source,
        cue=_span(row["cue_text"], row["cue_start"], row["cue_end"]),
        cue_parts=cue_parts,
        via=via,
        mode=row["mode"],
    )


def _rows(
    db: sqlite_utils.Database, table: str, text_id: str, order_by: str = "id"
) -> Iterator[dict]:
    return db.query(
        f"SELECT * FROM {table} WHERE text_id = ? ORDER BY {order_by}", [text_id]
    )


def load_result(db: sqlite_utils.Database, article_id: str) -> AuditResult | None:
    """Rebuild the stored :class:`AuditResult` of an article, or None."""
    rows = list(db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
    if not rows:
        return None
    a = rows[0]
    article = Article(
        id=a["id"], text=a["text"], title=a["title"], url=a["url"], outlet=a["outlet"],
        domain=a["domain"], author=a["author"], published=a["published"],
        language=a["language"], origin=a["origin"], content_hash=a["content_hash"],
        warnings=tuple(json.loads(a["warnings"] or "[]")),
        status=a.get("status") or "analysed", raw_digest=a["raw_digest"],
    )  # fmt: skip
    text_id = a["text_id"]
    attributions: dict[int, list[Attribution]] = {}
    for row in _rows(db, "attributions", text_id):
        attributions.setdefault(row["sentence_id"], []).append(
            _attribution_from_row(row, a["text"])
        )
    hedges: dict[int, list[HedgeCue]] = {}
    for row in _rows(db, "hedges", text_id):
        hedges.setdefault(row["sentence_id"], []).append(
            HedgeCue(
                text=row["text"],
                start=row["start"],
                end=row["end"],
                kind=row["kind"],
                weight=row["weight"],
                parts=_spans_from_json(row["parts"], a["text"]),
            )
        )
    sentences = tuple(
        TaggedSentence(
            index=s["idx"],
            start=s["start"],
            end=s["end"],
            text=s["text"],
            is_heading=bool(s["is_heading"]),
            paragraph=s["paragraph"],
            attributions=tuple(attributions.get(s["id"], ())),
            hedges=tuple(hedges.get(s["id"], ())),
            hedge_level=s["hedge_level"],
            has_quote=bool(s["has_quote"]),
        )
        for s in _rows(db, "sentences", text_id, order_by="idx")
    )
    return AuditResult(
        article=article,
        sentences=sentences,
        analyser_version=a["analyser_version"] or "",
    )


# --- scores (auditor.scoring) -------------------------------------------------
#
# A rule set is stored once per content hash; a run is one scoring pass with
# one rule set (kind "audit" or "rescore"); every run keeps its own scores and
# rule hits, so runs can be compared (views score_history, latest_scores).


def _rule_set_id(conn: Connection, rule_set: RuleSet) -> int:
    """The id of the stored rule set with these effective rules, storing it first if new."""
    content_hash = rule_set.content_hash
    row = conn.execute(
        "SELECT id FROM rule_sets WHERE content_hash = ?", (content_hash,)
    ).fetchone()
    if row is not None:
        return row[0]
    cursor = conn.execute(
        "INSERT INTO rule_sets (name, description, path, content_hash, created_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (rule_set.name, rule_set.description, " + ".join(rule_set.files), content_hash, _now()),
    )
    rule_set_id = cursor.lastrowid
    conn.executemany(
        "INSERT INTO rules (rule_set_id, rule_id, scope, weight, cap, description, json)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (rule_set_id, r.id, r.scope, r.weight, r.cap, r.description, r.model_dump_json())
            for r in rule_set.rules
        ],
    )
    return rule_set_id


def _insert_run(
    conn: Connection, rule_set: RuleSet, kind: str, analyser_version: str, outlets_hash: str
) -> int:
    cursor = conn.execute(
        "INSERT INTO runs (rule_set_id, kind, started_at, analyser_version, outlets_hash)"
        " VALUES (?, ?, ?, ?, ?)",
        (_rule_set_id(conn, rule_set), kind, _now(), analyser_version, outlets_hash),
    )
    return cursor.lastrowid


def start_run(
    db: sqlite_utils.Database,
    rule_set: RuleSet,
    *,
    kind: str = "audit",
    analyser_version: str = "",
    outlets_hash: str = "",
) -> int:
    """Record a scoring run (and its rule set, if new); returns ``runs.id``.

    Pass the id to :func:`save_results` / :func:`save_result` to store scores.
    """
    with _transaction(db.conn) as conn:
        return _insert_run(conn, rule_set, kind, analyser_version, outlets_hash)


def _write_score(conn: Connection, run_id: int, article_id: str, rows: ScoreRows) -> None:
    """The score and rule hits of one article in this run (replacing the run's earlier ones)."""
    conn.execute("DELETE FROM rule_hits WHERE run_id = ? AND article_id = ?", (run_id, article_id))
    # an upsert, not INSERT OR REPLACE: with foreign keys on, REPLACE's
    # delete-then-insert cost ten times as much (a tenth of a bulk writer's time)
    conn.execute(
        "INSERT INTO article_scores"
        " (run_id, article_id, content_hash, analyser_version, score, breakdown)"
        " VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (run_id, article_id) DO UPDATE SET content_hash = excluded.content_hash,"
        " analyser_version = excluded.analyser_version, score = excluded.score, breakdown = excluded.breakdown",
        (run_id, article_id, *rows.score),
    )
    conn.executemany(
        "INSERT INTO rule_hits (run_id, article_id, sentence_idx, rule_id, points, message)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(run_id, article_id, *hit) for hit in rows.hits],
    )


def save_run(
    db: sqlite_utils.Database,
    rule_set: RuleSet,
    results: Iterable[AuditResult],
    *,
    kind: str = "rescore",
    outlets_hash: str = "",
) -> int:
    """A whole run in one transaction: the run, then every result's score and hits.

    The articles themselves are not touched.  On any error nothing is written.
    Returns ``runs.id``.
    """
    results = list(results)
    versions = ", ".join(sorted({r.analyser_version for r in results if r.analyser_version}))
    with _transaction(db.conn) as conn:
        run_id = _insert_run(conn, rule_set, kind, versions, outlets_hash)
        for result in results:
            if (rows := score_rows(result)) is not None:
                _write_score(conn, run_id, result.article.id, rows)
    return run_id


def stored_article_ids(db: sqlite_utils.Database) -> list[str]:
    """Ids of every stored article, in id order."""
    return [row[0] for row in db.conn.execute("SELECT id FROM publications ORDER BY id")]


def latest_scores(
    db: sqlite_utils.Database, before_run: int | None = None
) -> dict[str, tuple[int, float, str]]:
    """article id -> (run id, score, rule set name) of its newest score (before a run, if given)."""
    limit = before_run if before_run is not None else -1
    rows = db.conn.execute(
        "SELECT sc.article_id, sc.run_id, sc.score, rs.name FROM article_scores sc"
        " JOIN runs r ON r.id = sc.run_id JOIN rule_sets rs ON rs.id = r.rule_set_id"
        " WHERE (? < 0 OR sc.run_id < ?)"
        " AND sc.run_id = (SELECT max(x.run_id) FROM article_scores x"
        "                  WHERE x.article_id = sc.article_id AND (? < 0 OR x.run_id < ?))",
        (limit, limit, limit, limit),
    )
    return {article_id: (run_id, score, name) for article_id, run_id, score, name in rows}


def run_scores(db: sqlite_utils.Database, run_id: int) -> dict[str, float]:
    """article id -> score of one run."""
    return dict(
        db.conn.execute("SELECT article_id, score FROM article_scores WHERE run_id = ?", (run_id,))
    )

