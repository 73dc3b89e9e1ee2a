"""What ``auditor bulk`` shows: a progress bar while it runs, a summary at the end."""

from __future__ import annotations

import time
from types import TracebackType
from typing import Self

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from .bulk import BulkSummary, Failure
from .terminal import inert

_REFRESH_SECONDS = 0.1  # the bar redraws ten times a second; updating more often is waste


class ProgressDisplay:
    """Articles done (of the total, once counted), rate, errors, time elapsed and left.

    An article counts once analysed, before its batch is committed: counting
    commits left the bar at 0 until the first batch of 200 was written."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("articles"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TextColumn("{task.fields[errors]}"),
            TimeElapsedColumn(),
            TextColumn("left"),
            TimeRemainingColumn(),
            console=console,
        )
        self._task = self._progress.add_task("bulk", total=None, rate="", errors="0 errors")
        self._started = time.monotonic()
        self._last_update = 0.0

    def __enter__(self) -> Self:
        self._progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self._progress.stop()

    def set_total(self, total: int | None) -> None:
        """Called from the thread that counts the inputs."""
        if total is not None:
            self._progress.update(self._task, total=total)

    def update(self, summary: BulkSummary, *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last_update < _REFRESH_SECONDS:
            return
        self._last_update = now
        seconds = max(now - self._started, 1e-9)
        self._progress.update(
            self._task,
            completed=summary.done,
            rate=f"{summary.done / seconds:,.1f} articles/s",
            errors=f"{summary.failed:,} error{'s' if summary.failed != 1 else ''}",
        )

    def error(self, failure: Failure) -> None:
        print_failure(failure, self.console)


def print_failure(failure: Failure, console: Console) -> None:
    console.print(escape(f"auditor: error: {inert(f'{failure.input}: {failure.message}', one_line=True)}"),
                  highlight=False, soft_wrap=True)


def _counted(n: int, thing: str) -> str:
    return f"{n:,} {thing}{'' if n == 1 else 's'}"


def summary_text(summary: BulkSummary) -> str:
    """A few lines: articles, sentences, errors by stage, time and rate."""
    seconds = max(summary.seconds, 1e-9)
    texts = f"{_counted(summary.new_texts, 'new text')}, {_counted(summary.shared_texts, 'publication')} of texts stored already"
    articles = (f"{summary.stored:,} stored ({texts}), {summary.skipped:,} skipped (stored already),"
                f" {summary.failed:,} failed")
    lines = [f"articles   {articles}", f"sentences  {summary.sentences:,}"]
    if summary.unanalysed:
        by_language = ", ".join(f"{language} {count:,}" for language, count in summary.unanalysed.most_common())
        lines.append(f"languages  {summary.unanalysed.total():,} stored without analysis: {by_language} "
                     "(no grammar for them: not tagged, not scored)")
    if summary.errors:
        by_stage = ", ".join(f"{stage} {count:,}" for stage, count in summary.errors.most_common())
        lines.append(f"errors     {by_stage} (see the errors table)")
    lines.append(
        f"time       {summary.seconds:,.1f} s: {summary.done / seconds:,.1f} articles/s, "
        f"{summary.sentences / seconds:,.0f} sentences/s"
    )
    if summary.interrupted or summary.aborted:
        stopped = f"stopped: {summary.aborted}" if summary.aborted else ""
        why = "; ".join(filter(None, ("interrupted" if summary.interrupted else "", stopped)))
        lines.append(f"{why}; every article counted above is stored: run the same command again to go on")
    return "\n".join(lines)
