"""``auditor bulk``: audit many articles into SQLite, in parallel and resumably.

    inputs ──iter_inputs──> RawDocument | InputError | URL
      ──ConcurrentFetcher (async, global and per-host limits)──> RawDocument | FetchError
      ──chunks; inputs stored already are skipped by their raw digest, before extraction──
      ──worker processes (started at the first chunk left): extract, pipeline.audit_article
        (unless the text is analysed already), store.rows.article_rows──> ArticleRows | Failure
      ──one writer, this process: a batch at a time──> a Sink (store.sink; SQLite: one transaction a batch)

Memory stays flat however large the input: inputs are streamed, at most a
dozen chunks per worker are in flight and the writer holds one batch.

Identity (:mod:`auditor.identity`): every input is a publication; its text is
stored once however many publications share it. A rerun skips every input
whose raw digest (the bytes or record as given) is stored with the same
versions (:func:`auditor.pipeline.result_versions`), so nothing is read
twice, extracted or sent to a worker; a run with nothing new starts no
worker. A new publication of a text analysed already is stored without
analysing the text again (the workers ask the sink's lookup: for SQLite,
read-only connections of their own). An id stored already for other content is an
``identity`` error row naming both inputs; the first stays.

Resuming: a batch is one transaction, so a killed run leaves whole articles
only. A commit that finds the database locked by another connection past the
busy timeout is tried once more (by the sink, as for audit and rescore), then
the run stops with one line (``StoreBusy``), keeping the batches committed.

Failed inputs (unreadable file, failed fetch, no text, broken JSON line or
WARC record) go to the ``errors`` table and the run goes on.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager, closing, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .errors import AuditorError
from .extract import extract
from .identity import identified, raw_digest
from .inputs import (
    ConcurrentFetcher,
    FetchConfig,
    Item,
    PageCache,
    UrlInput,
    iter_inputs,
)
from .models import RawDocument
from .pipeline import audit_article, result_versions
from .store.rows import ArticleRows, article_rows, publication_rows, unanalysed_language
from .store.sink import (
    NEW_TEXT,
    SHARED_TEXT,
    STORED_ALREADY,
    ErrorRow,
    IdentityConflict,
    Outcome,
    Refused,
    Run,
    Sink,
    StoreBusy,
    StoredLookup,
)
from .workers import worker_context

if TYPE_CHECKING:
    from .scoring import Scoring


# A chunk is what one worker task gets: small enough to spread work evenly
# and keep memory flat, large enough that inter-process overhead stays small
# (~0.3 ms a task against ~4 ms an article of plain text).
CHUNK_DOCUMENTS = 16
CHUNK_BYTES = 256_000  # HTML pages are large and slow: fewer of them per chunk
# Chunks queued per worker, so none idles while the writer commits a batch (a tenth of a
# second for 200 articles): 12 is about a third of a second of work; 4 left workers waiting.
IN_FLIGHT_PER_WORKER = 12


class Failure(ErrorRow):
    """An input that could not be audited (stage: ingest, fetch, extract, analyse, store,
    identity): the sink's error row, made from the error that says so."""

    __slots__ = ()

    @classmethod
    def of(cls, error: AuditorError) -> Failure:
        return cls(error.origin, error.stage, error.message)


@dataclass(frozen=True)
class ScoringFiles:
    """The arguments of scoring.load_scoring (rule files or profiles, outlet CSVs).

    Workers get these and load the rules themselves: a loaded Scoring does not
    pickle (its rule models are generic pydantic classes). Loading is cached
    by the scoring package, so loading again in this process is cheap.
    """

    rules: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()

    def load(self) -> Scoring:
        from .scoring import load_scoring  # only scored runs need it

        return load_scoring(self.rules, self.outlets)


@dataclass(frozen=True)
class BulkOptions:
    jobs: int = 1  # worker processes; 1 analyses in this process
    language: str | None = None  # None: detect per article
    scoring: ScoringFiles | None = None  # None: not scored
    batch_size: int = 200  # articles per transaction
    commit_interval: float = 5.0  # seconds; a slow run (HTML, URLs) commits at least this often
    fetch: FetchConfig = field(default_factory=FetchConfig)
    concurrency: int = 8  # URLs fetched at once
    per_host: int = 2  # URLs fetched at once from one host
    cache_dir: Path | None = None  # fetched pages kept here, so a rerun does not fetch again

    def __post_init__(self) -> None:
        if min(self.jobs, self.batch_size, self.concurrency, self.per_host) < 1:
            raise ValueError("jobs, batch_size, concurrency and per_host must be at least 1")


class DatabaseLocked(Exception):
    """Another writer held the store locked through every retry of a save (StoreBusy)."""


@dataclass
class BulkSummary:
    stored: int = 0  # publications written: new_texts + shared_texts
    new_texts: int = 0  # publications whose text was analysed and stored in this run
    shared_texts: int = 0  # publications of a text stored already (by this run or an earlier one)
    skipped: int = 0  # inputs stored already with the same versions, or twice in this run
    sentences: int = 0  # sentences of the texts analysed and written (new_texts)
    errors: Counter[str] = field(default_factory=Counter)  # failed inputs by stage
    unanalysed: Counter[str] = field(default_factory=Counter)  # stored without analysis, by language
    waiting: int = 0  # analysed, in the batch still to be committed: the progress bar counts them
    seconds: float = 0.0
    interrupted: bool = False  # by Ctrl-C or SIGTERM
    aborted: str | None = None  # why the run stopped early, if something broke

    @property
    def failed(self) -> int:
        return sum(self.errors.values())

    @property
    def done(self) -> int:
        return self.stored + self.skipped + self.failed + self.waiting


# --- the run ---------------------------------------------------------------


# A bulk process makes millions of short-lived objects (tokens, models); with
# the default thresholds the cyclic collector runs every 700 allocations and
# rescans the loaded lexicons and rules each time. Collecting less often, with
# what is loaded frozen out of its sight, saves 5-8% of the CPU time.
_GC_THRESHOLDS = (50_000, 20, 100)


def _collect_less() -> None:
    gc.freeze()
    gc.set_threshold(*_GC_THRESHOLDS)


@contextmanager
def _bulk_gc() -> Iterator[None]:
    before = gc.get_threshold()
    _collect_less()
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def run_bulk(
    inputs: Sequence[str],
    sink: Sink,
    options: BulkOptions | None = None,
    *,
    stdin: BinaryIO | None = None,
    on_progress: Callable[[BulkSummary], None] | None = None,
    on_error: Callable[[Failure], None] | None = None,
) -> BulkSummary:
    """Audit every article in ``inputs`` into ``sink``; see the module docstring.

    Ctrl-C (or SIGTERM) stops the run after committing the results at hand;
    the summary then says ``interrupted``. A worker process that dies stops
    it the same way, with the reason in ``aborted``.
    """
    options = options or BulkOptions()
    started = time.perf_counter()
    summary = BulkSummary()
    scoring = options.scoring.load() if options.scoring is not None else None  # bad rules: nothing written
    interrupts = _Interrupts()
    writer = _Writer(sink, scoring, options, summary, on_progress or (lambda _: None), on_error or (lambda _: None),
                     interrupts.held)
    cache = PageCache(options.cache_dir) if options.cache_dir else None
    fetcher = ConcurrentFetcher(
        options.fetch, concurrency=options.concurrency, per_host=options.per_host, cache=cache
    )
    items = _fetched(iter_inputs(inputs, stdin), fetcher, max_pending=2 * options.concurrency)
    analysed = _analysed(_chunks(items, writer), options, scoring, writer.stored_check(), interrupts.ignored)
    try:  # a database locked through every retry, even while ending on Ctrl-C: one line, the summary
        with interrupts.installed(), fetcher, _bulk_gc(), closing(analysed):
            try:
                for outcomes in analysed:
                    for outcome in outcomes:
                        writer.take(outcome)
                writer.flush()
            except KeyboardInterrupt:
                summary.interrupted = True
                # the run is ending: a second Ctrl-C must neither cut the workers' shutdown
                # short (a half shut-down pool hung the exit) nor roll back the last batch
                with interrupts.ignored():
                    analysed.close()  # queued chunks are dropped, running ones finish (a chunk is short)
                    writer.flush()  # the results at hand are whole articles: keep them
            except BrokenProcessPool:
                summary.aborted = "a worker process died (killed, or out of memory)"
                writer.flush()
        sink.finish()
    except DatabaseLocked as error:
        summary.aborted = str(error)
    finally:
        summary.seconds = time.perf_counter() - started
    return summary


class _Interrupts:
    """Ctrl-C and SIGTERM (kill, a batch scheduler) end the run as KeyboardInterrupt,
    committing first; but not in the middle of a commit: one that arrives while a
    batch is committed and counted waits until it is done (else the summary could
    miss a batch that is stored, and a rerun found it "stored already")."""

    def __init__(self) -> None:
        self.holding = False
        self.pending = False

    def _signalled(self, signum: int, frame: object) -> None:
        if self.holding:
            self.pending = True
            return
        raise KeyboardInterrupt

    @contextmanager
    def installed(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield  # signal handlers can only be set from the main thread
            return
        # a signal the caller ignores stays ignored ("auditor bulk … &" in a script, trap '' INT)
        previous = {signum: signal.signal(signum, self._signalled) for signum in (signal.SIGINT, signal.SIGTERM)
                    if signal.getsignal(signum) is not signal.SIG_IGN}
        try:
            yield
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    @contextmanager
    def ignored(self) -> Iterator[None]:
        """Hold interrupts back and drop them: for what a run does once it is ending."""
        holding = self.holding
        self.holding = True
        try:
            yield
        finally:
            self.holding = holding
            self.pending = False

    @contextmanager
    def held(self) -> Iterator[None]:
        if self.holding:  # nested: the outer one decides
            yield
            return
        self.holding = True
        try:
            yield
        finally:
            self.holding = False
        if self.pending:
            self.pending = False
            raise KeyboardInterrupt


# --- inputs (walked by auditor.inputs) ------------------------------------


def _fetched(items: Iterator[Item], fetcher: ConcurrentFetcher, max_pending: int) -> Iterator[RawDocument | AuditorError]:
    """URLs fetched while the other items pass straight on; pages are yielded
    as they arrive, and at most ``max_pending`` fetches wait at any time."""
    pending: set[Future[RawDocument]] = set()

    def finished(block: bool) -> Iterator[RawDocument | AuditorError]:
        nonlocal pending
        if not pending:
            return
        done, pending = wait(pending, timeout=None if block else 0, return_when=FIRST_COMPLETED)
        for future in done:
            try:
                yield future.result()
            except AuditorError as error:
                yield error

    for item in items:
        if isinstance(item, UrlInput):
            pending.add(fetcher.submit(item.url))
            while len(pending) >= max_pending:
                yield from finished(block=True)
        else:
            yield item
        yield from finished(block=False)
    while pending:
        yield from finished(block=True)


def _chunks(items: Iterator[RawDocument | AuditorError], writer: _Writer) -> Iterator[list[RawDocument]]:
    """Documents grouped for the workers. Failed inputs go to the writer, and
    inputs stored already are skipped here by their raw digest, one query per chunk."""
    chunk: list[RawDocument] = []
    size = 0
    for item in items:
        if isinstance(item, AuditorError):
            writer.fail(Failure.of(item))
            continue
        chunk.append(_with_storable_origin(item))
        size += len(item.content)
        if len(chunk) >= CHUNK_DOCUMENTS or size >= CHUNK_BYTES:
            if chunk := writer.not_stored(chunk):
                yield chunk
            chunk, size = [], 0
    if chunk := writer.not_stored(chunk):
        yield chunk


# --- analysis ----------------------------------------------------------------


def audit_chunk(
    documents: list[RawDocument],
    language: str | None = None,
    scoring: Scoring | None = None,
    stored: Callable[[str], bool] | None = None,
) -> list[ArticleRows | Failure]:
    """What a worker does with a chunk; a pure function of its arguments and,
    given ``stored`` (content hash -> text analysed already?), of what the database holds.
    Results come as the rows to store: built here, in parallel, they leave the
    one writer only the inserts (and tuples of plain values unpickle fast)."""
    return [_audit_one(raw, language, scoring, stored) for raw in documents]


def _audit_one(
    raw: RawDocument, language: str | None, scoring: Scoring | None, stored: Callable[[str], bool] | None
) -> ArticleRows | Failure:
    try:
        article = identified(raw, extract(raw, language=language))
        # a new publication of a text analysed already: store the publication only
        # (scored runs analyse again: the score of a publication needs the analysis)
        if stored is not None and scoring is None and stored(article.content_hash):
            return publication_rows(article)
        return article_rows(audit_article(article, scoring=scoring))
    except AuditorError as error:
        return Failure.of(error)
    except Exception as error:  # noqa: BLE001 - a tagger bug on one odd article must not end a run of thousands
        return Failure(raw.origin, "analyse", f"{type(error).__name__}: {error}")


class StoredCheck:
    """Is a text (by content hash) analysed already with this analyser? Asked of the sink's
    lookup, which worker processes can ask too; when it cannot tell the answer is no: the
    document is analysed and the writer drops the result if it is stored after all."""

    def __init__(self, lookup: StoredLookup, versions: dict[str, str]) -> None:
        self.lookup = lookup
        self.versions = versions

    def __call__(self, digest: str) -> bool:
        return bool(self.lookup.stored_texts([digest], analyser_version=self.versions["analyser_version"]))


def _analysed(
    chunks: Iterator[list[RawDocument]], options: BulkOptions, scoring: Scoring | None, stored: StoredCheck,
    uninterrupted: Callable[[], AbstractContextManager[None]] = nullcontext,
) -> Iterator[list[ArticleRows | Failure]]:
    """audit_chunk over the chunks: here when jobs is 1, else in worker processes,
    results in the order they finish. The workers start with the first chunk: a
    rerun with nothing left to analyse starts none. Their shutdown runs ``uninterrupted``:
    a Ctrl-C that cut it short left a pool the process then waited for at exit, forever."""
    if options.jobs == 1:
        for chunk in chunks:
            yield audit_chunk(chunk, options.language, scoring, stored)
        return
    first = next(chunks, None)
    if first is None:
        return
    pool = ProcessPoolExecutor(
        options.jobs, mp_context=worker_context(), initializer=_init_worker,
        initargs=(options.language, options.scoring, stored),
    )  # fmt: skip
    pending: set[Future[list[ArticleRows | Failure]]] = set()
    chunks = itertools.chain([first], chunks)
    try:
        for chunk in chunks:
            pending.add(pool.submit(_audit_chunk_in_worker, chunk))
            block = len(pending) >= IN_FLIGHT_PER_WORKER * options.jobs
            done, pending = wait(pending, timeout=None if block else 0, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
    finally:
        # on an interrupt, drop the queued chunks; running ones finish (a chunk is short)
        with uninterrupted():
            pool.shutdown(wait=True, cancel_futures=True)


# A worker's settings, sent once when it starts rather than with every chunk
# (the outlet ratings alone are thousands of rows).
_worker_settings: tuple[str | None, Scoring | None, StoredCheck | None] = (None, None, None)


def _audit_chunk_in_worker(documents: list[RawDocument]) -> list[ArticleRows | Failure]:
    return audit_chunk(documents, *_worker_settings)


def _init_worker(language: str | None, scoring: ScoringFiles | None, stored: StoredCheck | None = None) -> None:
    # Ctrl-C reaches the whole process group; the parent decides what to do
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # a parent killed outright (SIGKILL, out of memory) cannot stop its
    # workers; they stop themselves when it is gone
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()
    global _worker_settings
    _worker_settings = (language, scoring.load() if scoring is not None else None, stored)
    _collect_less()  # the worker lives for the run: nothing to restore


def _exit_with(parent_sentinel: int) -> None:
    multiprocessing.connection.wait([parent_sentinel])
    os._exit(1)


# --- the writer ----------------------------------------------------------------


class _Writer:
    """The one process that writes: batches of results, through the sink."""

    def __init__(
        self,
        sink: Sink,
        scoring: Scoring | None,
        options: BulkOptions,
        summary: BulkSummary,
        on_progress: Callable[[BulkSummary], None],
        on_error: Callable[[Failure], None],
        held: Callable[[], AbstractContextManager[None]] = nullcontext,
    ) -> None:
        self.sink = sink
        self.held = held  # a commit and its counting are not interrupted in between
        self.options = options
        self.summary = summary
        self.on_progress = on_progress
        self.on_error = on_error
        self.versions = result_versions(scoring)
        self.batch: dict[str, ArticleRows] = {}  # publication id -> result, in arrival order
        self.last_commit = time.monotonic()
        # the scoring run: the sink records it once something is saved
        sink.begin(None if scoring is None else Run(
            scoring.rules, kind="audit", analyser_version=self.versions["analyser_version"],
            outlets_hash=scoring.outlets.content_hash))

    def not_stored(self, documents: list[RawDocument]) -> list[RawDocument]:
        """Drop documents whose raw input is stored already with the same versions."""
        digests = [raw_digest(raw) for raw in documents]
        stored = self.sink.stored_raw_digests(digests, **self.versions)
        if not stored:
            return documents
        self.summary.skipped += sum(1 for digest in digests if digest in stored)
        self.on_progress(self.summary)
        return [raw for raw, digest in zip(documents, digests, strict=True) if digest not in stored]

    def stored_check(self) -> StoredCheck:
        """For the analysis: is a text (its content hash known once extracted) analysed already?"""
        return StoredCheck(self.sink.lookup(), self.versions)

    def take(self, outcome: ArticleRows | Failure) -> None:
        if isinstance(outcome, Failure):
            self.fail(outcome)
            return
        first = self.batch.get(outcome.article_id)
        if first is None:
            self.batch[outcome.article_id] = outcome
            self.summary.waiting = len(self.batch)
        elif first.raw_digest == outcome.raw_digest:
            self.summary.skipped += 1  # the same input twice in this run
        else:
            conflict = IdentityConflict(outcome.article_id, outcome.origin, first.origin)
            self.fail(Failure(outcome.origin or outcome.article_id, "identity", conflict.message))
        if len(self.batch) >= self.options.batch_size or time.monotonic() - self.last_commit >= self.options.commit_interval:
            self.flush()
        self.on_progress(self.summary)

    def fail(self, failure: Failure) -> None:
        failure = Failure(*(_storable(text) for text in failure))
        with self._unlocked():
            self.sink.save_errors([failure])
        self.summary.errors[failure.stage] += 1
        self.on_error(failure)
        self.on_progress(self.summary)

    def flush(self) -> None:
        """Save the batch; the sink decides (for SQLite: under the write lock) what is new."""
        self.last_commit = time.monotonic()
        if not self.batch:
            return
        with self.held():
            self._commit()

    def _commit(self) -> None:
        results = list(self.batch.values())
        with self._unlocked():
            outcomes = self.sink.save(results)
        self.batch.clear()
        self.summary.waiting = 0
        for outcome in outcomes:  # the refused first, as they were when the sink said so
            if isinstance(outcome, Refused):
                self.fail(Failure(outcome.origin or outcome.article_id, "store", outcome.message))
        for rows, outcome in zip(results, outcomes, strict=True):
            self._count(rows, outcome)

    def _count(self, rows: ArticleRows, outcome: Outcome) -> None:
        """Count what the sink did with one publication (Refused: recorded already)."""
        if isinstance(outcome, IdentityConflict):
            self.fail(Failure(outcome.origin or outcome.article_id, "identity", outcome.message))
        elif outcome == STORED_ALREADY:
            self.summary.skipped += 1
        elif outcome in (NEW_TEXT, SHARED_TEXT):
            self.summary.stored += 1
            if outcome == NEW_TEXT:
                self.summary.new_texts += 1
                self.summary.sentences += len(rows.sentences)
                if language := unanalysed_language(rows):
                    self.summary.unanalysed[language] += 1
            else:
                self.summary.shared_texts += 1

    @contextmanager
    def _unlocked(self) -> Iterator[None]:
        """A store locked by another writer through the sink's retry stops the run."""
        try:
            yield
        except StoreBusy as error:
            raise DatabaseLocked(f"the database is locked by another connection ({error});"
                                 f" the {self.summary.stored:,} articles stored so far are kept") from None


def _storable(text: str) -> str:
    """Paths may hold undecodable bytes (os.fsdecode's surrogates); SQLite takes UTF-8 only."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return text


def _with_storable_origin(raw: RawDocument) -> RawDocument:
    origin = _storable(raw.origin)
    return raw if origin is raw.origin else raw.model_copy(update={"origin": origin})
