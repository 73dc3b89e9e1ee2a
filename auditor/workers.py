"""How bulk worker processes start: the start method, and starting it early.

Kept apart from :mod:`auditor.bulk` so the CLI can start the fork server
before importing the pipeline itself: for a new database, where everything
needs analysing. Otherwise the pool starts it with the first chunk that needs
analysing, so a rerun with nothing new starts no process.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os

# What the fork server imports once, so that every worker forked from it has it:
# the pipeline, and the SQLite sink's lookup that each worker unpickles (sqlite-utils,
# a tenth of a second a worker otherwise).
PRELOAD = ["auditor.bulk", "auditor.store.sqlite.read"]


def default_jobs() -> int:
    """The cores this process may use (respects CPU affinity, e.g. taskset)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def worker_context() -> multiprocessing.context.BaseContext:
    """Not fork: the parent has threads (progress, fetching) and an open
    database, neither of which survives a fork safely. A fork server that
    has imported the pipeline once starts each worker in a fraction of the
    time a fresh interpreter (spawn) takes to import it."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")  # Windows
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def start_worker_server() -> None:
    """Start the fork server now rather than at the first task: it imports the
    pipeline (a quarter of a second) on one core while this process imports it
    and opens the database on the other, so the workers start that much sooner."""
    if worker_context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()
