"""How bulk worker processes start: the start method and how many.

The fork server starts with the first chunk that needs analysing (when
:mod:`auditor.bulk` makes its pool), not with the command: started early it
overlapped its imports with the parent's, a quarter of a second on a first
run, but made a rerun with nothing to analyse start a process and take
half as long again as with ``--jobs 1``.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os

# What the fork server imports once, so that every worker forked from it has it.
PRELOAD = ["auditor.bulk"]


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
