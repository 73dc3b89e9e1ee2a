"""The seam between a run and where its results go: the ``Sink`` protocol.

A run (``auditor bulk``, ``auditor audit``) talks to its sink only through this:
begin a run, ask what is stored already, save batches of rows (:mod:`.rows`)
and error rows, finish. Rows arrive keyed by natural keys (publication ids,
content digests), never by a sink's own ids, so a sink that many workers
write at once (Parquet parts, one per worker and batch, and a manifest of the
finished ones written by ``finish``) fits the same seam as the SQLite one
(:class:`auditor.store.sqlite.sink.SqliteSink`), which maps them to integer ids.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple, Protocol, runtime_checkable

if TYPE_CHECKING:  # a sink stores rule sets but never loads or applies rules
    from ..scoring.rules import RuleSet
    from .rows import ArticleRows


@dataclass(frozen=True)
class Run:
    """A scoring run: the rules every score of it was made with."""

    rule_set: RuleSet
    kind: str = "audit"  # or "rescore"
    analyser_version: str = ""
    outlets_hash: str = ""


class ErrorRow(NamedTuple):
    """A failed input: one row per input and stage."""

    input: str
    stage: str
    message: str


# What saving one publication did (see Sink.save)
NEW_TEXT, SHARED_TEXT, STORED_ALREADY = "new text", "shared text", "stored already"


class IdentityConflict(NamedTuple):
    """A publication id stored already for other content: the first stays."""

    article_id: str
    origin: str  # of the input refused
    stored_origin: str  # of the publication kept

    @property
    def message(self) -> str:
        return (f"id {self.article_id!r} is stored already for other content (from {self.stored_origin});"
                " kept that one: give this input another id")


class Refused(NamedTuple):
    """A publication the sink could not store (the others of its batch are stored)."""

    article_id: str
    origin: str
    error: Exception

    @property
    def message(self) -> str:
        return f"{type(self.error).__name__}: {self.error}"


Outcome = str | IdentityConflict | Refused  # str: NEW_TEXT, SHARED_TEXT or STORED_ALREADY


class StoreBusy(Exception):
    """The store stayed locked by another writer through the sink's retries; what was
    saved before is kept. (The SQLite sink's is an sqlite3.OperationalError as well.)"""


@runtime_checkable
class StoredLookup(Protocol):
    """What a worker process asks of a sink: it must pickle (it is sent to the workers)
    and answer with the empty set when it cannot tell (the text is then analysed again)."""

    def stored_texts(self, content_hashes: Iterable[str], *, analyser_version: str) -> set[str]:
        """Those of the texts (by content digest) analysed by ``analyser_version`` already."""
        ...


@runtime_checkable
class Sink(Protocol):
    """Where a run's results go. Saves may raise :class:`StoreBusy`."""

    def begin(self, run: Run | None) -> None:
        """Start a run; with a Run, the scores saved from now on belong to it."""
        ...

    def stored_raw_digests(self, raw_digests: Iterable[str], *, analyser_version: str,
                           rule_set_hash: str | None = None, outlets_hash: str | None = None) -> set[str]:
        """Those of the raw inputs stored as these versions would store them (skipped by a rerun)."""
        ...

    def lookup(self) -> StoredLookup:
        """What workers ask whether a text is analysed already."""
        ...

    def save(self, batch: list[ArticleRows]) -> list[Outcome]:
        """Store a batch (all of it or, failing that, row by row); what each row did."""
        ...

    def save_errors(self, errors: Iterable[ErrorRow]) -> None:
        """Record failed inputs; an input stored later has its error rows removed by ``save``."""
        ...

    def finish(self) -> None:
        """End the run: everything saved is kept."""
        ...
