"""The SQLite sink: a run's batches written into one database file, one transaction each.

The only place rows keyed by natural keys meet integer ids (see
:mod:`auditor.store.sqlite.write`). Every write is tried once more when another
connection held the lock through the busy timeout; still locked, it raises
:class:`auditor.store.sink.StoreBusy` (as :class:`auditor.store.sqlite.schema.Locked`,
an sqlite3.OperationalError too, so a command's one line about the database stays as it was).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

import sqlite_utils

from ..rows import ArticleRows
from ..sink import ErrorRow, Outcome, Refused, Run
from .read import ReadOnlyLookup, database_path, stored_raw_digests
from .runs import start_run
from .schema import retry_or_store_busy
from .write import record_error, write_batch


class SqliteSink:
    """:class:`auditor.store.sink.Sink` over an open database (:func:`auditor.store.sqlite.schema.open_db`)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.run: Run | None = None
        self.run_id: int | None = None  # recorded with the first batch saved, not before

    def begin(self, run: Run | None) -> None:
        self.run, self.run_id = run, None

    def stored_raw_digests(self, raw_digests: Iterable[str], *, analyser_version: str,
                           rule_set_hash: str | None = None, outlets_hash: str | None = None) -> set[str]:
        return stored_raw_digests(self.db, raw_digests, analyser_version=analyser_version,
                                  rule_set_hash=rule_set_hash, outlets_hash=outlets_hash)

    def lookup(self) -> ReadOnlyLookup:
        return ReadOnlyLookup(database_path(self.db))

    def save(self, batch: list[ArticleRows]) -> list[Outcome]:
        """The batch in one transaction; if the store refuses one of its rows (not the database
        itself: locked, full, read-only), each row alone, the refused ones as :class:`Refused`."""
        run = self.run
        if run is not None and self.run_id is None:
            self.run_id = retry_or_store_busy(lambda: start_run(
                self.db, run.rule_set, kind=run.kind, analyser_version=run.analyser_version,
                outlets_hash=run.outlets_hash))
        try:
            return list(retry_or_store_busy(lambda: write_batch(self.db, batch, run_id=self.run_id)))
        except sqlite3.OperationalError:
            raise  # the database itself: nothing to skip past
        except Exception as error:  # noqa: BLE001 - one row the store refuses must not sink its batch
            if len(batch) == 1:
                return [Refused(batch[0].article_id, batch[0].origin, error)]
            return [self._save_alone(rows) for rows in batch]

    def _save_alone(self, rows: ArticleRows) -> Outcome:
        try:
            return retry_or_store_busy(lambda: write_batch(self.db, [rows], run_id=self.run_id))[0]
        except sqlite3.OperationalError:
            raise
        except Exception as error:  # noqa: BLE001 - reported, as any failed input
            return Refused(rows.article_id, rows.origin, error)

    def save_errors(self, errors: Iterable[ErrorRow]) -> None:
        for error in errors:  # one transaction each: an error row is kept however the run ends
            retry_or_store_busy(lambda error=error: record_error(self.db, error.input, error.stage, error.message))

    def finish(self) -> None:
        """Nothing left to do: every batch was committed as it was saved."""
