"""Fetch many URLs at once for a bulk run.

:class:`ConcurrentFetcher` runs :func:`auditor.inputs.http.fetch_url_async` on an
asyncio loop in a background thread, so the synchronous bulk pipeline can
hand it URLs and collect pages as they arrive. It holds two limits: at most
``concurrency`` requests in flight overall and ``per_host`` per host name, so
a list dominated by one site does not hammer it. Timeouts, size limits and
retries are those of ``auditor audit`` (:class:`auditor.inputs.http.FetchConfig`).

:class:`PageCache` keeps fetched pages on disk, one file per URL, so a rerun
does not fetch again. Only pages that were fetched successfully are kept;
a failed URL is tried again on the next run.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import tempfile
import threading
from collections.abc import AsyncIterator, Coroutine
from concurrent.futures import Future
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar
from urllib.parse import urlsplit

import httpx

from auditor.errors import AuditorError, FetchError
from auditor.models import RawDocument

from .http import FetchConfig, async_client, fetch_url_async

T = TypeVar("T")

CACHE_FORMAT = 1  # bump when the file layout changes; older files are then ignored


class PageCache:
    """Fetched pages in a folder: ``ab/abcdef….page`` named by the SHA-256 of the URL.

    A file is one JSON line (the document's fields) followed by the body.
    Files are written to a temporary name and renamed, so a crash never
    leaves half a page behind; an unreadable file counts as a miss.
    """

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)

    def path_for(self, url: str) -> Path:
        digest = hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()
        return self.folder / digest[:2] / f"{digest}.page"

    def get(self, url: str) -> RawDocument | None:
        try:
            header, _, body = self.path_for(url).read_bytes().partition(b"\n")
            fields = json.loads(header)
        except (OSError, ValueError):
            return None
        if fields.pop("format", None) != CACHE_FORMAT or fields.get("origin") != url:
            return None
        is_text = fields.pop("is_text")
        fetched_at = fields.pop("fetched_at")
        return RawDocument(
            content=body.decode("utf-8", "surrogatepass") if is_text else body,
            fetched_at=datetime.fromisoformat(fetched_at) if fetched_at else None,
            warnings=tuple(fields.pop("warnings")),
            **fields,
        )

    def put(self, raw: RawDocument) -> None:
        is_text = isinstance(raw.content, str)
        header = {
            "format": CACHE_FORMAT,
            "origin": raw.origin,
            "url": raw.url,
            "content_type": raw.content_type,
            "encoding": raw.encoding,
            "fetched_at": raw.fetched_at.isoformat() if raw.fetched_at else None,
            "warnings": list(raw.warnings),
            "is_text": is_text,
        }
        body = raw.content.encode("utf-8", "surrogatepass") if isinstance(raw.content, str) else raw.content
        path = self.path_for(raw.origin)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(json.dumps(header).encode("utf-8") + b"\n" + body)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


class _HostLimits:
    """One semaphore per host name, dropped when no fetch for that host is
    running or waiting (a crawl may name millions of hosts)."""

    def __init__(self, per_host: int) -> None:
        self._per_host = per_host
        self._hosts: dict[str, tuple[asyncio.Semaphore, int]] = {}

    @asynccontextmanager
    async def slot(self, url: str) -> AsyncIterator[None]:
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            host = ""  # the fetch reports the bad URL
        semaphore, users = self._hosts.get(host, (asyncio.Semaphore(self._per_host), 0))
        self._hosts[host] = (semaphore, users + 1)
        try:
            async with semaphore:
                yield
        finally:
            semaphore, users = self._hosts[host]
            if users == 1:
                del self._hosts[host]
            else:
                self._hosts[host] = (semaphore, users - 1)


class ConcurrentFetcher:
    """Fetches URLs concurrently in a background thread; use it as a context manager.

    ``submit(url)`` returns a :class:`concurrent.futures.Future` that resolves
    to a RawDocument or raises FetchError. The thread and its event loop
    start with the first URL, so runs without URLs pay nothing.
    """

    def __init__(
        self,
        config: FetchConfig | None = None,
        *,
        concurrency: int = 8,
        per_host: int = 2,
        cache: PageCache | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        if concurrency < 1 or per_host < 1:
            raise ValueError("concurrency and per_host must be at least 1")
        self.config = config or FetchConfig()
        self.concurrency = concurrency
        self.per_host = per_host
        self.cache = cache
        self._transport = transport
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._client: httpx.AsyncClient | None = None
        self._slots: asyncio.Semaphore | None = None
        self._hosts: _HostLimits | None = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def submit(self, url: str) -> Future[RawDocument]:
        if self.cache is not None and (cached := self.cache.get(url)) is not None:
            done: Future[RawDocument] = Future()
            done.set_result(cached)
            return done
        return self._run(self._fetch(url))

    def close(self) -> None:
        """Cancel what is still running, close the connections, stop the thread."""
        if self._loop is None:
            return
        self._run(self._shut_down()).result()
        self._loop.call_soon_threadsafe(self._loop.stop)
        assert self._thread is not None
        self._thread.join()
        self._loop.close()
        self._loop = self._thread = self._client = None

    async def _fetch(self, url: str) -> RawDocument:
        assert self._slots is not None and self._hosts is not None and self._client is not None
        async with self._slots, self._hosts.slot(url):
            try:
                raw = await fetch_url_async(url, self._client, self.config)
            except AuditorError:
                raise
            except Exception as error:  # noqa: BLE001 - one odd URL must not end a bulk run
                # e.g. port 99999: the socket's OverflowError reaches us inside an ExceptionGroup
                raise FetchError(url, _describe(error)) from None
        if self.cache is not None:
            self.cache.put(raw)
        return raw

    def _run(self, coroutine: Coroutine[Any, Any, T]) -> Future[T]:
        if self._loop is None:
            self._start()
        assert self._loop is not None
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop)

    def _start(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="auditor-fetch", daemon=True)
        self._thread.start()
        self._run(self._open()).result()

    async def _shut_down(self) -> None:
        running = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)
        if self._client is not None:
            await self._client.aclose()

    async def _open(self) -> None:
        # created on the loop that will use them
        self._slots = asyncio.Semaphore(self.concurrency)
        self._hosts = _HostLimits(self.per_host)
        self._client = async_client(self.config, max_connections=self.concurrency, transport=self._transport)


def _describe(error: BaseException) -> str:
    """The innermost error of an exception group, as one line."""
    while isinstance(error, BaseExceptionGroup) and error.exceptions:
        error = error.exceptions[0]
    message = " ".join(str(error).split())
    return f"{type(error).__name__}: {message}"[:300] if message else type(error).__name__
