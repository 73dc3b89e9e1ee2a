"""Scoring runs in the SQLite database: rule sets, runs, scores and rule hits.

A rule set is stored once per content hash; a run is one scoring pass with
one rule set (kind "audit" or "rescore"); every run keeps its own scores and
rule hits, so runs can be compared (views score_history, latest_scores).
"""

from __future__ import annotations

from collections.abc import Iterable
from sqlite3 import Connection
from typing import TYPE_CHECKING

import sqlite_utils

from ...models import AuditResult
from ..rows import HIT_FIELDS, SCORE_FIELDS, ScoreRows, score_rows
from .schema import now, transaction

if TYPE_CHECKING:  # the store saves rule sets but never loads or applies rules
    from ...scoring.rules import RuleSet

_UPSERT_SCORE = (
    f"INSERT INTO article_scores (run_id, article_id, {', '.join(SCORE_FIELDS)})"
    f" VALUES (?, ?, {', '.join('?' for _ in SCORE_FIELDS)})"
    # an upsert, not INSERT OR REPLACE: with foreign keys on, REPLACE's
    # delete-then-insert cost ten times as much (a tenth of a bulk writer's time)
    " ON CONFLICT (run_id, article_id) DO UPDATE SET "
    + ", ".join(f"{name} = excluded.{name}" for name in SCORE_FIELDS)
)
_INSERT_HIT = (f"INSERT INTO rule_hits (run_id, article_id, {', '.join(HIT_FIELDS)})"
               f" VALUES (?, ?, {', '.join('?' for _ in HIT_FIELDS)})")



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
        (rule_set.name, rule_set.description, " + ".join(rule_set.files), content_hash, now()),
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
        (_rule_set_id(conn, rule_set), kind, now(), analyser_version, outlets_hash),
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

    Pass the id to :func:`auditor.store.sqlite.write.write_batch` (or save_result) to store scores.
    """
    with transaction(db.conn) as conn:
        return _insert_run(conn, rule_set, kind, analyser_version, outlets_hash)


def write_score(conn: Connection, run_id: int, article_id: str, rows: ScoreRows) -> None:
    """The score and rule hits of one article in this run (replacing the run's earlier ones)."""
    conn.execute("DELETE FROM rule_hits WHERE run_id = ? AND article_id = ?", (run_id, article_id))
    conn.execute(_UPSERT_SCORE, (run_id, article_id, *rows.score))
    conn.executemany(_INSERT_HIT, [(run_id, article_id, *hit) for hit in rows.hits])


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
    with transaction(db.conn) as conn:
        run_id = _insert_run(conn, rule_set, kind, versions, outlets_hash)
        for result in results:
            if (rows := score_rows(result)) is not None:
                write_score(conn, run_id, result.article.id, rows)
    return run_id

