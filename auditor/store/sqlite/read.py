"""Reading the SQLite database: what is stored already, stored results, scores, sentences.

Everything that reads our tables goes through here: bulk's skip before extraction
and its workers' question (:class:`ReadOnlyLookup`), ``rescore``
(:func:`load_result`, :func:`latest_scores`), and the Datasette plugin's
highlighting (:func:`stored_sentence`).
"""

from __future__ import annotations

import json
import sqlite3
import urllib.parse
from collections.abc import Iterable, Iterator
from typing import Any

import sqlite_utils

from ...models import (
    Article,
    Attribution,
    AuditResult,
    HedgeCue,
    SourceSpan,
    Span,
    TaggedSentence,
)

# --- what is stored already ------------------------------------------------------


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
                voice=row["voice"],
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


# --- scores ---------------------------------------------------------------------


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



class ReadOnlyLookup:
    """Which texts are analysed already, asked of the database file on a read-only
    connection of its own, so worker processes can ask too (WAL lets them read while
    the writer writes). When it cannot tell (no file: an in-memory database; a read
    error) the answer is none: the text is analysed and the writer drops the result
    if it is stored after all."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self._db: sqlite_utils.Database | None = None

    def __getstate__(self) -> dict[str, object]:
        return {"path": self.path, "_db": None}  # connections do not pickle

    def stored_texts(self, content_hashes: Iterable[str], *, analyser_version: str) -> set[str]:
        if not self.path:
            return set()
        try:
            if self._db is None:
                uri = f"file:{urllib.parse.quote(self.path)}?mode=ro"
                self._db = sqlite_utils.Database(sqlite3.connect(uri, uri=True, timeout=5.0))
            return stored_texts(self._db, content_hashes, analyser_version=analyser_version)
        except sqlite3.Error:
            return set()


def database_path(db: sqlite_utils.Database) -> str | None:
    """The file of the database's main schema; None for an in-memory one."""
    return next((row[2] for row in db.conn.execute("PRAGMA database_list") if row[1] == "main"), None) or None


# --- sentences for highlighting (the Datasette plugin) ---------------------------

# The columns that name a row of `sentences`, and the WHERE clause they fill.
SENTENCE_KEYS = {
    ("id",): "id = ?",  # the sentences table itself
    ("sentence_id",): "id = ?",
    # sentences belong to texts; an article (publication) names its text
    ("article_id", "sentence_idx"): "text_id = (SELECT text_id FROM publications WHERE id = ?) AND idx = ?",
}


def _offsets(parts_json: str | None) -> list[dict[str, int]]:
    return [{"start": start, "end": end} for start, end in json.loads(parts_json or "[]")]


def stored_sentence(conn: sqlite3.Connection, key_columns: tuple[str, ...], key: tuple) -> dict[str, Any] | None:
    """One sentence with its attributions and hedges, in the JSON report shape.

    ``key_columns`` is a key of :data:`SENTENCE_KEYS` and ``key`` its values.
    Only the fields that highlighting needs are filled in.
    """
    row = conn.execute(f"SELECT id, start, text FROM sentences WHERE {SENTENCE_KEYS[key_columns]}", key).fetchone()
    if row is None:
        return None
    sentence_id, start, text = row
    attributions = [
        {
            "source": {"start": s_start, "end": s_end, "kind": s_kind} if s_start is not None else None,
            "cue": {"start": c_start, "end": c_end} if c_start is not None else None,
            "cue_parts": _offsets(cue_parts),
            "via": json.loads(via or "[]"),
        }
        for s_start, s_end, s_kind, c_start, c_end, cue_parts, via in conn.execute(
            "SELECT source_start, source_end, source_kind, cue_start, cue_end, cue_parts, via"
            " FROM attributions WHERE sentence_id = ? ORDER BY id",
            (sentence_id,),
        )
    ]
    hedges = [
        {"start": start, "end": end, "kind": kind, "parts": _offsets(parts), "voice": voice}
        for start, end, kind, parts, voice in conn.execute(
            'SELECT start, "end", kind, parts, voice FROM hedges WHERE sentence_id = ? ORDER BY id', (sentence_id,)
        )
    ]
    return {"start": start, "text": text, "attributions": attributions, "hedges": hedges}
