"""Datasette plugin: audited sentences shown with their spans highlighted.

Registered through the ``datasette`` entry point in pyproject.toml, so a plain
``datasette audit.db`` in an environment with auditor installed loads it;
``auditor serve`` registers it itself as well (:func:`register`).

- ``render_cell``: a sentence cell becomes escaped HTML with the source, cue,
  via and hedge spans marked (``auditor.report.highlight``).  A cell is a sentence
  when it is ``sentences.text``, or a column called ``sentence`` in a row that
  also has ``sentence_id``, or ``article_id`` and ``sentence_idx`` (the views
  in db/schema.sql and the canned queries in db/metadata.yaml follow that
  convention; see :data:`SENTENCE_KEYS`).  The spans are read through the
  store's read side (``auditor.store.sqlite.read.stored_sentence``); offsets are
  Python ``str`` indices, so they are applied in Python, never with SQLite's ``substr``.
- ``extra_css_urls`` / ``register_routes``: the highlight colours.
- ``extra_template_vars`` + ``templates/``: a legend above such tables.
- ``canned_queries``: a canned query that names a table this database does
  not have (``rule_hits`` in a database written before scoring existed) is
  replaced by one that says so, instead of failing with an SQL error.

It reads the database only, through the store's read module, and never imports the analysis code.
"""

from __future__ import annotations

import re
import sqlite3

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.utils.asgi import Response
from markupsafe import Markup

from ..report.highlight import (
    HIGHLIGHT_CSS,
    highlight_html,
    legend_html,
    sentence_marks,
)
from ..store.sqlite.read import SENTENCE_KEYS as read_keys
from ..store.sqlite.read import stored_sentence

CSS_PATH = "/-/auditor/highlight.css"


def register() -> None:
    """Register this plugin with Datasette unless the entry point already did."""
    import sys

    from datasette.plugins import pm

    module = sys.modules[__name__]
    if not pm.is_registered(module):
        pm.register(module, name="auditor")


# The columns of a view or query that name the row of `sentences` its `sentence` column shows:
# the store's keys but the sentences table's own id (its column is "text", see sentence_columns).
SENTENCE_KEYS = tuple(key for key in read_keys if key != ("id",))


def sentence_columns(table: str | None, columns) -> tuple[str, tuple[str, ...]] | None:
    """The sentence column of a table or query and the columns naming its row.

    None when the table or query shows no sentence.
    """
    columns = set(columns or ())
    if table == "sentences" and {"text", "id"} <= columns:
        return "text", ("id",)
    if "sentence" in columns:
        for key in SENTENCE_KEYS:
            if set(key) <= columns:
                return "sentence", key
    return None


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if not isinstance(value, str):
        return None
    found = sentence_columns(table, row.keys())
    if found is None or column != found[0]:
        return None
    _, key_columns = found
    key = tuple(row[name] for name in key_columns)
    if None in key:
        return None

    async def highlighted():
        try:
            sentence = await datasette.get_database(database).execute_fn(
                lambda conn: stored_sentence(conn, key_columns, key)
            )
        except (sqlite3.Error, QueryInterrupted, ValueError, TypeError, KeyError):
            return None  # not an audit database, or damaged spans: Datasette shows the plain text
        if sentence is None or sentence["text"] != value:
            return None  # a query that changed the text: the offsets no longer fit
        return Markup(highlight_html(value, sentence_marks(sentence), offset=sentence["start"]))

    return highlighted


@hookimpl
def extra_template_vars(table, columns):
    if sentence_columns(table, columns):
        return {"auditor_legend": Markup(legend_html())}
    return {}


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.path(CSS_PATH)]


async def _highlight_css(request):
    return Response(HIGHLIGHT_CSS, content_type="text/css; charset=utf-8",
                    headers={"cache-control": "max-age=3600"})


@hookimpl
def register_routes():
    return [(rf"^{re.escape(CSS_PATH)}$", _highlight_css)]


_MISSING_TABLE = re.compile(r"no such table: (?:main\.)?(\S+)")


def _missing_table(conn: sqlite3.Connection, sql: str) -> str | None:
    """The table ``sql`` names that this database lacks, found by compiling it."""
    try:
        conn.execute("EXPLAIN " + sql, dict.fromkeys(re.findall(r":(\w+)", sql)))
    except sqlite3.OperationalError as error:
        if match := _MISSING_TABLE.search(str(error)):
            return match.group(1)
    return None


@hookimpl
def canned_queries(datasette, database):
    configured = datasette.metadata("queries", database=database, fallback=False) or {}
    queries = {name: q if isinstance(q, dict) else {"sql": q} for name, q in configured.items()}

    async def guarded():
        if not queries:
            return {}
        missing = await datasette.get_database(database).execute_fn(
            lambda conn: {name: _missing_table(conn, q["sql"]) for name, q in queries.items()}
        )
        return {
            name: {**queries[name], "sql": "select '{}' as note".format(_missing_note(table).replace("'", "''"))}
            for name, table in missing.items() if table
        }

    return guarded


def _missing_note(table: str) -> str:
    return (f"This database has no {table} table yet: it was written by an older auditor."
            " Audit the articles again to fill it.")
