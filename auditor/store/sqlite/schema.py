"""The SQLite database's shape: opening it, creating what is missing, migrating version 1.

In the manner of the "X-to-sqlite" tools: :func:`open_db` gives a ready
database, :func:`ensure_db_shape` idempotently creates what is missing (tables,
indexes, full-text search, views - all in ``db/schema.sql``). Also what every
writer shares: the busy timeout and its one retry, one-line database faults,
and :func:`transaction` (all or nothing, the write lock taken up front).
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from sqlite3 import Connection
from typing import TypeVar

import sqlite_utils

from ...errors import AuditorError
from ...models import SCHEMA_VERSION
from ..sink import StoreBusy
from ..tables import schema_sql

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


class Locked(sqlite3.OperationalError, StoreBusy):
    """A busy error that outlasted the retry, as the sink raises it: still the
    OperationalError it was (same text and code, for database_fault), and a StoreBusy."""


def retry_or_store_busy(write: Callable[[], _T]) -> _T:
    """:func:`retry_when_busy`, a lock that outlasts it raised as :class:`Locked`."""
    try:
        return retry_when_busy(write)
    except sqlite3.OperationalError as error:
        if isinstance(error, StoreBusy) or not is_busy(error):
            raise
        locked = Locked(*error.args)
        locked.sqlite_errorcode = getattr(error, "sqlite_errorcode", sqlite3.SQLITE_BUSY)
        locked.sqlite_errorname = getattr(error, "sqlite_errorname", "SQLITE_BUSY")
        raise locked from None


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


def read_only_version(path: str | Path) -> int:
    """The schema version (user_version) of a database file opened read-only, which also
    proves it one; what cannot be read raises :class:`AuditorError` (:func:`database_fault`)."""
    uri = f"file:{urllib.parse.quote(str(path))}?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as error:
        raise database_fault(path, error) from None


def _writable(path: Path) -> bool:
    return os.access(path if path.exists() else path.parent, os.W_OK) and os.access(path.parent, os.W_OK)


# Columns added to a table after it first shipped: CREATE TABLE IF NOT EXISTS
# leaves an older table as it is, so ensure_db_shape() adds these when missing.
ADDED_COLUMNS: dict[str, dict[str, str]] = {
    "errors": {"attempts": "INTEGER NOT NULL DEFAULT 1"},
    "hedges": {"voice": "TEXT NOT NULL DEFAULT 'journalist'"},  # hedges stored before were all read as the journalist's
}
# What a version-1 database may lack; migrate_v1 adds it before copying (hedges keep
# the default voice: the copy names its columns).
V1_ADDED_COLUMNS: dict[str, dict[str, str]] = {
    **ADDED_COLUMNS,
    "hedges": {"parts": "TEXT"},
    "articles": {"status": "TEXT NOT NULL DEFAULT 'analysed'"},
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
        with transaction(conn):
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


class DatabaseBusy(AuditorError, sqlite3.OperationalError, StoreBusy):
    """The write lock stayed taken past the connection's busy timeout: one line for
    the CLI (an AuditorError), what a caller that retries catches (OperationalError),
    and what a sink's caller catches (StoreBusy)."""

    stage = "store"


@contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
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


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

