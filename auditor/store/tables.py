"""The tables and their columns as ``db/schema.sql`` declares them: the shape is declared once.

Every column list in the store is read from the declaration, here, by creating
the schema in an in-memory SQLite database and asking it (``PRAGMA table_info``),
so a column added to ``schema.sql`` reaches the rows and the writer without a
second list to keep in step.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from functools import cache

from ..resources import db_dir


@cache
def schema_sql() -> str:
    """The DDL in ``db/schema.sql``; every statement is ``IF NOT EXISTS``."""
    return (db_dir() / "schema.sql").read_text(encoding="utf-8")


@cache
def declared_columns() -> dict[str, tuple[str, ...]]:
    """Table -> its columns in declared order, for every table of the schema (views too)."""
    with closing(sqlite3.connect(":memory:")) as conn:
        conn.executescript(schema_sql())
        names = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'")]
        return {name: tuple(row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')) for name in names}


def columns(table: str, *, leaving: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The columns of ``table`` in declared order, but those in ``leaving``."""
    declared = declared_columns()[table]
    unknown = set(leaving) - set(declared)
    if unknown:
        raise KeyError(f"{table} has no column {', '.join(sorted(unknown))} (db/schema.sql)")
    return tuple(name for name in declared if name not in leaving)
