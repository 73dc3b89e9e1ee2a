"""HTTP: one page by URL (fetch_url), or many on one asyncio client (fetch_url_async).

Both hold the same limits (timeouts, a deadline for the whole download, redirects,
the decompressed size) and retry the same transient failures with exponential
backoff. Every failure becomes a FetchError with a one-line message.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from concurrent.futures import Future, wait
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

import httpx

from auditor import __version__
from auditor.errors import FetchError
from auditor.models import RawDocument

from .decode import bytes_problem, decode_bytes, text_problem
from .files import (
    HTML_TYPES,
    PIECE_BYTES,
    TEXT_TYPES,
    ContentKind,
    one_line,
    parse_content_type,
    sniff_kind,
)

T = TypeVar("T")

USER_AGENT = f"auditor/{__version__} (+https://github.com/auditor-project/auditor; news attribution audit)"
_RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
_DNS_HINTS = (
    "name or service not known",
    "nodename nor servname",
    "name resolution",
    "getaddrinfo failed",
    "no address associated",
)


@dataclass(frozen=True)
class FetchConfig:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0  # whole download, so a server that trickles bytes cannot hold us
    max_redirects: int = 5
    max_bytes: int = 10_000_000  # decompressed body, enforced while streaming
    retries: int = 3  # extra attempts after the first, for 408/429/5xx and timeouts
    backoff: float = 0.5  # seconds; doubles with every retry
    max_retry_after: float = 60.0  # cap on a server's Retry-After
    user_agent: str = USER_AGENT
    allowed_content_types: tuple[str, ...] = HTML_TYPES + TEXT_TYPES


class _Retryable(Exception):
    """A failure worth another attempt: 429/5xx or a transport hiccup."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after


def fetch_url(
    url: str,
    config: FetchConfig = FetchConfig(),
    *,
    transport: httpx.BaseTransport | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> RawDocument:
    """GET a page, retrying transient failures with exponential backoff."""
    attempt = 0
    with _client(config, transport) as client:
        while True:
            try:
                return _fetch_once(client, url, config)
            except _Retryable as exc:
                if attempt >= config.retries:
                    raise _gave_up(url, exc, attempt) from None
                sleep(_retry_delay(attempt, exc.retry_after, config))
                attempt += 1


def _gave_up(url: str, exc: _Retryable, attempt: int) -> FetchError:
    tries = f"{attempt + 1} attempts" if attempt else "1 attempt"
    return FetchError(url, f"{exc.message} (gave up after {tries})")


def _client(config: FetchConfig, transport: httpx.BaseTransport | None) -> httpx.Client:
    return httpx.Client(transport=transport, **_client_settings(config))


def _client_settings(config: FetchConfig) -> dict[str, Any]:
    """What the sync and the async client share: redirects, timeouts, headers."""
    return {
        "follow_redirects": True,
        "max_redirects": config.max_redirects,
        "timeout": httpx.Timeout(config.read_timeout, connect=config.connect_timeout),
        "headers": {
            "User-Agent": config.user_agent,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
            # only encodings we can inflate in bounded pieces (see _Inflater)
            "Accept-Encoding": "gzip, deflate",
        },
    }


def _fetch_once(client: httpx.Client, url: str, config: FetchConfig) -> RawDocument:
    """One attempt, held to config.total_timeout from the request to the last
    byte: httpx's timeouts count per read, so a server that sends its headers a
    byte at a time would hold us for ever. The attempt runs in a daemon thread
    that we leave at the deadline (fetch_url then closes the client under it)."""
    outcome: Future[RawDocument] = Future()
    attempt = threading.Thread(target=_settle, args=(outcome, lambda: _fetch_attempt(client, url, config)),
                               name="auditor-fetch", daemon=True)
    attempt.start()
    if not wait([outcome], timeout=config.total_timeout).done:
        raise FetchError(url, _too_slow(config.total_timeout))
    return outcome.result()


def _settle(outcome: Future[T], work: Callable[[], T]) -> None:
    try:
        outcome.set_result(work())
    except BaseException as exc:  # noqa: BLE001 - handed to the waiting caller, who raises it
        outcome.set_exception(exc)


def _too_slow(total_timeout: float) -> str:
    return f"download took longer than {total_timeout:g}s"


def _fetch_attempt(client: httpx.Client, url: str, config: FetchConfig) -> RawDocument:
    with _http_errors(url, config), client.stream("GET", url) as response:
        _check_status(url, response)
        media_type, charset = _content_type(url, response, config)
        body = _read_body(url, response, config.max_bytes)
        return _fetched_document(url, response, body, media_type, charset)


@contextmanager
def _http_errors(url: str, config: FetchConfig) -> Iterator[None]:
    """httpx exceptions as FetchError, or _Retryable when another try may help."""
    try:
        yield
    except httpx.TooManyRedirects:
        raise FetchError(url, f"too many redirects (more than {config.max_redirects})") from None
    except httpx.TimeoutException as exc:
        raise _Retryable(_timeout_message(exc, config)) from None
    except (httpx.ReadError, httpx.RemoteProtocolError) as exc:
        raise _Retryable(f"connection dropped: {one_line(exc)}") from None
    except httpx.ConnectError as exc:
        raise FetchError(url, _connect_message(exc)) from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
        raise FetchError(url, f"invalid URL: {one_line(exc)}") from None
    except httpx.HTTPError as exc:
        raise FetchError(url, one_line(exc) or type(exc).__name__) from None


def _check_status(url: str, response: httpx.Response) -> None:
    if 200 <= response.status_code < 300:
        return
    message = f"HTTP {response.status_code} {response.reason_phrase}".rstrip()
    if response.status_code in _RETRY_STATUSES:
        raise _Retryable(message, _parse_retry_after(response.headers.get("retry-after")))
    raise FetchError(url, message)


def _content_type(url: str, response: httpx.Response, config: FetchConfig) -> tuple[str | None, str | None]:
    """Media type and charset from the header; refuses types we cannot read."""
    header = response.headers.get("content-type")
    if not header:
        return None, None  # sniffed from the body later
    media_type, charset = parse_content_type(header)
    if media_type not in config.allowed_content_types:
        raise FetchError(url, f"content type {media_type} is not HTML or text")
    return media_type, charset


def _read_body(url: str, response: httpx.Response, limit: int) -> bytes:
    body = _Body(url, response, limit)
    for chunk in [response.content] if response.is_stream_consumed else response.iter_raw():
        body.add(chunk)
    return body.finish()


class _Body:
    """A response body as it streams in: inflated in bounded pieces, with the
    size limit checked after every piece (the deadline covers the whole attempt:
    see _fetch_once)."""

    def __init__(self, url: str, response: httpx.Response, limit: int) -> None:
        # a transport that handed over a body httpx had already read and decoded
        # (e.g. MockTransport with content=bytes): nothing left to inflate
        encoding = "identity" if response.is_stream_consumed else response.headers.get("content-encoding", "")
        self._inflater = _Inflater(url, encoding)
        self._url, self._limit = url, limit
        self._data = bytearray()

    def add(self, chunk: bytes) -> None:
        for piece in self._inflater.inflate(chunk):
            self._append(piece)

    def finish(self) -> bytes:
        self._append(self._inflater.flush())
        return bytes(self._data)

    def _append(self, piece: bytes) -> None:
        self._data += piece
        if len(self._data) > self._limit:
            raise FetchError(self._url, f"body larger than {self._limit} bytes")


class _Inflater:
    """Decompresses gzip/deflate in bounded pieces, so the size limit applies to
    decompressed bytes before they exist (httpx would inflate whole chunks)."""

    def __init__(self, url: str, content_encoding: str) -> None:
        self._url = url
        encoding = content_encoding.strip().lower()
        if encoding in ("", "identity"):
            self._decompressor = None
        elif encoding in ("gzip", "x-gzip"):
            self._decompressor = zlib.decompressobj(zlib.MAX_WBITS | 16)
        elif encoding == "deflate":
            self._decompressor = zlib.decompressobj(zlib.MAX_WBITS)
        else:
            raise FetchError(url, f"unsupported content encoding {encoding!r}")
        self._raw_deflate_tried = encoding != "deflate"

    def inflate(self, chunk: bytes) -> Iterator[bytes]:
        return self._inflate(chunk)

    def flush(self) -> bytes:
        return self._decompressor.flush() if self._decompressor is not None else b""

    def _inflate(self, data: bytes) -> Iterator[bytes]:
        if self._decompressor is None:
            yield data
            return
        try:
            while data:
                yield self._decompressor.decompress(data, PIECE_BYTES)
                data = self._decompressor.unconsumed_tail
                self._raw_deflate_tried = True  # the header was fine: no fallback later
        except zlib.error as exc:
            if self._raw_deflate_tried:
                raise FetchError(self._url, f"corrupt compressed body: {exc}") from None
            # some servers send raw deflate without the zlib header
            self._raw_deflate_tried = True
            self._decompressor = zlib.decompressobj(-zlib.MAX_WBITS)
            yield from self._inflate(data)


def _fetched_document(
    url: str, response: httpx.Response, body: bytes, media_type: str | None, charset: str | None
) -> RawDocument:
    if problem := bytes_problem(body):
        raise FetchError(url, f"response body {problem}")
    kind: ContentKind = "html" if media_type in HTML_TYPES else "text" if media_type else sniff_kind(body)
    fields = {"origin": url, "url": str(response.url), "fetched_at": datetime.now(UTC)}
    if kind == "html":
        # keep bytes: the extractor weighs this charset against <meta charset>
        return RawDocument(content=body, content_type="html", encoding=charset, **fields)
    decoded = decode_bytes(body, [charset])
    if problem := text_problem(decoded.text):
        raise FetchError(url, f"response body {problem}")
    return RawDocument(
        content=decoded.text,
        content_type="text",
        encoding=decoded.encoding,
        warnings=decoded.warnings,
        **fields,
    )


def _retry_delay(attempt: int, retry_after: float | None, config: FetchConfig) -> float:
    if retry_after is not None:
        return min(retry_after, config.max_retry_after)
    return config.backoff * 2**attempt


def _parse_retry_after(value: str | None) -> float | None:
    """Retry-After is either delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _timeout_message(exc: httpx.TimeoutException, config: FetchConfig) -> str:
    if isinstance(exc, httpx.ConnectTimeout):
        return f"timed out after {config.connect_timeout:g}s connecting"
    if isinstance(exc, httpx.ReadTimeout):
        return f"timed out after {config.read_timeout:g}s"
    return "timed out"


def _connect_message(exc: httpx.ConnectError) -> str:
    """One wording for the sync and the async client: the async one says only
    "All connection attempts failed", with the socket's error among its causes."""
    causes = list(_causes(exc))
    texts = " ".join(str(cause).lower() for cause in causes)
    if any(isinstance(cause, socket.gaierror) for cause in causes) or any(hint in texts for hint in _DNS_HINTS):
        return "could not resolve host"
    if any(isinstance(cause, ConnectionRefusedError) for cause in causes) or "refused" in texts:
        return "connection refused"
    return f"could not connect: {one_line(exc)}"


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """The exception, what caused it, and the members of exception groups on the way."""
    seen: set[int] = set()
    pending = [exc]
    while pending:
        error = pending.pop()
        if id(error) in seen:
            continue
        seen.add(id(error))
        yield error
        pending += [e for e in (error.__cause__, error.__context__) if e is not None]
        if isinstance(error, BaseExceptionGroup):
            pending += error.exceptions


# ---------------------------------------------------------------- HTTP, many at once (bulk)


def async_client(
    config: FetchConfig = FetchConfig(),
    *,
    max_connections: int = 100,
    transport: httpx.AsyncBaseTransport | None = None,
) -> httpx.AsyncClient:
    """A client for fetch_url_async; share one between all fetches of a run so
    connections to the same host are reused."""
    limits = httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections)
    return httpx.AsyncClient(transport=transport, limits=limits, **_client_settings(config))


async def fetch_url_async(
    url: str,
    client: httpx.AsyncClient,
    config: FetchConfig = FetchConfig(),
    *,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> RawDocument:
    """fetch_url for asyncio: the same checks, limits and retries."""
    attempt = 0
    while True:
        try:
            return await _fetch_once_async(client, url, config)
        except _Retryable as exc:
            if attempt >= config.retries:
                raise _gave_up(url, exc, attempt) from None
            await sleep(_retry_delay(attempt, exc.retry_after, config))
            attempt += 1


async def _fetch_once_async(client: httpx.AsyncClient, url: str, config: FetchConfig) -> RawDocument:
    """One attempt, held to config.total_timeout headers included (see _fetch_once)."""
    deadline = asyncio.timeout(config.total_timeout)
    try:
        async with deadline:
            return await _fetch_attempt_async(client, url, config)
    except TimeoutError:
        if not deadline.expired():
            raise
        raise FetchError(url, _too_slow(config.total_timeout)) from None


async def _fetch_attempt_async(client: httpx.AsyncClient, url: str, config: FetchConfig) -> RawDocument:
    with _http_errors(url, config):
        async with client.stream("GET", url) as response:
            _check_status(url, response)
            media_type, charset = _content_type(url, response, config)
            body = _Body(url, response, config.max_bytes)
            async for chunk in _async_raw(response):
                body.add(chunk)
            return _fetched_document(url, response, body.finish(), media_type, charset)


async def _async_raw(response: httpx.Response) -> AsyncIterator[bytes]:
    if response.is_stream_consumed:  # see _Body
        yield response.content
        return
    async for chunk in response.aiter_raw():
        yield chunk
