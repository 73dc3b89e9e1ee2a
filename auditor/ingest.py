"""Read inputs into RawDocuments: URLs, files, folders, JSON Lines, WARC and standard input.

This is the only module that does outside I/O. Every problem with an input
becomes an InputError (or FetchError for URLs) with a one-line message, so
the CLI can print ``auditor: <input>: <problem>`` and move on.
"""

from __future__ import annotations

import asyncio
import codecs
import hashlib
import json
import os
import re
import socket
import stat
import sys
import threading
import time
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator
from concurrent.futures import Future, wait
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, BinaryIO, Literal, NamedTuple, TypeVar

import charset_normalizer
import httpx

from auditor import __version__
from auditor.errors import FetchError, InputError
from auditor.models import RawDocument

ContentKind = Literal["html", "text"]
T = TypeVar("T")

# files, stdin and single JSON Lines records; an audit takes up to ~50 MB per MB of
# text (bench/memory.py): at 10 MB the largest input stays well under 1 GB
MAX_FILE_BYTES = 10_000_000
USER_AGENT = f"auditor/{__version__} (+https://github.com/auditor-project/auditor; news attribution audit)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
JSONL_FIELDS = ("title", "url", "language", "outlet", "published")
# "text" wins when a record has both: it is the exact text the user wants audited
_JSONL_CONTENT: tuple[tuple[str, ContentKind], ...] = (("text", "text"), ("html", "html"))

_RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
_DNS_HINTS = (
    "name or service not known",
    "nodename nor servname",
    "name resolution",
    "getaddrinfo failed",
    "no address associated",
)
_UTF16_32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CONTROL_BYTES = frozenset(range(0x20)) - frozenset(b"\t\n\r\f\b\x1b") | {0x7F}
_HTML_START = re.compile(rb"\s*<(?:[!?]|[a-zA-Z])")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_SURROGATE = re.compile("[\ud800-\udfff]")
_INFLATE_PIECE = 1 << 16  # decompress in 64 KiB pieces so a zip bomb never materialises


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


class Decoded(NamedTuple):
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


# ---------------------------------------------------------------- dispatch


def read_source(
    spec: str,
    *,
    config: FetchConfig = FetchConfig(),
    transport: httpx.BaseTransport | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[RawDocument]:
    """One command-line input: "-" for stdin, an http(s) URL, or a path."""
    if spec == "-":
        return iter([read_stdin(stdin if stdin is not None else sys.stdin.buffer)])
    if is_url(spec):
        return iter([fetch_url(spec, config, transport=transport)])
    return read_path(Path(spec))


def iter_source(
    spec: str,
    *,
    config: FetchConfig = FetchConfig(),
    transport: httpx.BaseTransport | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[RawDocument | InputError]:
    """read_source for an input that may hold many documents (JSON Lines, WARC):
    a document that cannot be read is yielded as its InputError and the others
    still come, so one broken record costs one record."""
    try:
        if is_jsonl(spec) and not is_url(spec):
            yield from iter_jsonl(Path(spec))
        elif is_warc(spec) and not is_url(spec):
            yield from iter_warc(Path(spec))
        else:
            yield from read_source(spec, config=config, transport=transport, stdin=stdin)
    except InputError as error:
        yield error
    except Exception as error:  # noqa: BLE001 - a reader's bug on one odd input: one line, and the next input
        yield InputError(spec, f"cannot read: {type(error).__name__}: {_one_line(error)}")


def is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


# ---------------------------------------------------------------- files and stdin


def read_path(path: Path) -> Iterator[RawDocument]:
    """Documents in a file: one, or one per JSON Lines record.

    File-level problems raise at once; for JSON Lines the first broken record
    raises when iteration reaches it (use iter_jsonl to skip broken records).
    """
    path = Path(path)
    _check_readable(path)
    if path.suffix.lower() in JSONL_SUFFIXES:
        return _raise_first(iter_jsonl(path))
    data = _read_file(path)
    return iter([_document(str(path), data, _kind_from_suffix(path.suffix))])


def read_stdin(stream: BinaryIO) -> RawDocument:
    """The whole of standard input as one document; HTML or text is sniffed."""
    return _document("<stdin>", _read_limited(stream, "<stdin>"), None)


def iter_jsonl(path: Path) -> Iterator[RawDocument | InputError]:
    """One document per JSON Lines record; broken records are yielded, not raised,
    so a bulk run can report them and continue. Blank lines are skipped."""
    path = Path(path)
    _check_readable(path)
    with _open(path) as stream:
        yield from iter_jsonl_stream(stream, str(path))


def iter_jsonl_stream(stream: BinaryIO, name: str) -> Iterator[RawDocument | InputError]:
    """iter_jsonl over an open stream (standard input); origins are "NAME:LINE"."""
    records = 0
    for lineno, line in enumerate(_lines(stream, MAX_FILE_BYTES), start=1):
        if line is not None and not line.strip():
            continue  # blank lines are allowed anywhere
        records += 1
        yield _jsonl_item(f"{name}:{lineno}", lineno, line)
    if not records:
        raise InputError(name, "contains no JSON Lines records")


def _raise_first(items: Iterable[RawDocument | InputError]) -> Iterator[RawDocument]:
    for item in items:
        if isinstance(item, InputError):
            raise item
        yield item


def _check_readable(path: Path) -> None:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot open: {exc.strerror or exc}") from None
    if stat.S_ISDIR(mode):
        raise InputError(str(path), "is a directory")


def _open(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as exc:
        raise InputError(str(path), f"cannot open: {exc.strerror or exc}") from None


def _read_file(path: Path) -> bytes:
    with _open(path) as stream:
        return _read_limited(stream, str(path))


def _read_limited(stream: BinaryIO, origin: str, limit: int = MAX_FILE_BYTES) -> bytes:
    try:
        data = stream.read(limit + 1)
    except OSError as exc:
        raise InputError(origin, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise InputError(origin, f"larger than {limit} bytes")
    return data


def _lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Lines of at most `limit` bytes; None stands for an over-long line (skipped)."""
    while line := stream.readline(limit + 1):
        if len(line.rstrip(b"\r\n")) <= limit:
            yield line
            continue
        while line and not line.endswith(b"\n"):
            line = stream.readline(limit + 1)
        yield None


def _kind_from_suffix(suffix: str) -> ContentKind | None:
    suffix = suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return None  # sniff


def _document(origin: str, data: bytes, kind: ContentKind | None) -> RawDocument:
    """Check raw bytes and wrap them: HTML stays bytes, text is decoded."""
    if problem := bytes_problem(data):
        raise InputError(origin, problem)
    kind = kind or sniff_kind(data)
    if kind == "html":
        return RawDocument(origin=origin, content=data, content_type="html")
    decoded = decode_bytes(data)
    if problem := text_problem(decoded.text):
        raise InputError(origin, problem)
    return RawDocument(
        origin=origin,
        content=decoded.text,
        content_type="text",
        encoding=decoded.encoding,
        warnings=decoded.warnings,
    )


# ---------------------------------------------------------------- JSON Lines


def _jsonl_item(origin: str, lineno: int, line: bytes | None) -> RawDocument | InputError:
    if line is None:
        return InputError(origin, f"line larger than {MAX_FILE_BYTES} bytes")
    try:
        return _jsonl_record(origin, lineno, line)
    except InputError as exc:
        return exc


def _jsonl_record(origin: str, lineno: int, line: bytes) -> RawDocument:
    decoded = decode_bytes(line.rstrip(b"\r\n"))
    try:
        record = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        raise InputError(origin, f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise InputError(origin, "invalid JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise InputError(origin, f"expected a JSON object, got {_json_type(record)}")
    kind, content = _jsonl_content(origin, record)
    content, warnings = _without_surrogates(content, decoded.warnings)
    return RawDocument(
        origin=origin,
        content=content,
        content_type=kind,
        record_id=_jsonl_id(origin, record),
        encoding=decoded.encoding,
        warnings=warnings,
        **{key: _jsonl_string(origin, record, key) for key in JSONL_FIELDS},
    )


def _jsonl_content(origin: str, record: dict[str, object]) -> tuple[ContentKind, str]:
    for key, kind in _JSONL_CONTENT:
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(origin, f'"{key}" must be a string, got {_json_type(value)}')
        if problem := text_problem(value):
            raise InputError(origin, f'"{key}" {problem}')
        return kind, value
    raise InputError(origin, 'record has neither "text" nor "html"')


def _without_surrogates(text: str, warnings: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """JSON may escape lone surrogates ("\\ud800"), which no UTF-8 store accepts."""
    if not _SURROGATE.search(text):
        return text, warnings
    return _SURROGATE.sub("\ufffd", text), (*warnings, "lone surrogates replaced by U+FFFD")


def _jsonl_id(origin: str, record: dict[str, object]) -> str:
    """The record's "id"; else a digest of the whole record (as normalised JSON:
    sorted keys), the same on any machine, in any file and at any line."""
    value = record.get("id")
    if value is None:
        canonical = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    raise InputError(origin, f'"id" must be a string or number, got {_json_type(value)}')


def _jsonl_string(origin: str, record: dict[str, object], key: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(origin, f'"{key}" must be a string, got {_json_type(value)}')
    return value


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    return names.get(type(value), "a number" if isinstance(value, (int, float)) else "null")


# ---------------------------------------------------------------- content checks


def bytes_problem(data: bytes) -> str | None:
    """Why raw bytes cannot be an article, or None if they might be."""
    if not data:
        return "is empty"
    if not data.strip():
        return "contains only whitespace"
    if _looks_binary(data):
        return "looks like a binary file, not text or HTML"
    return None


def text_problem(text: str) -> str | None:
    if not text:
        return "is empty"
    if not text.strip():
        return "contains only whitespace"
    return None


def _looks_binary(data: bytes) -> bool:
    if data.startswith(_UTF16_32_BOMS):
        return False  # UTF-16/32 text is full of NUL bytes
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return controls > len(sample) * 0.05


def sniff_kind(data: bytes) -> ContentKind:
    """HTML if it opens with a tag or mentions <html early on; text otherwise."""
    head = data[:4096].removeprefix(codecs.BOM_UTF8)
    if _HTML_START.match(head) or b"<html" in head.lower():
        return "html"
    return "text"


# ---------------------------------------------------------------- decoding


def decode_bytes(data: bytes, declared: Iterable[str | None] = ()) -> Decoded:
    """Decode exactly (no normalisation), trying in turn: a BOM, the declared
    charsets, UTF-8, then a confident guess or UTF-8 with replacement characters.
    Anything short of a clean declared/UTF-8 decode adds a warning."""
    if bom := _bom_decode(data):
        return bom
    warnings: list[str] = []
    for label in filter(None, declared):
        codec = codec_name(label)
        if codec is None:
            warnings.append(f"unknown charset {label!r} ignored")
            continue
        try:
            return Decoded(data.decode(codec), codec, tuple(warnings))
        except UnicodeDecodeError:
            warnings.append(f"content does not match declared charset {label!r}")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", tuple(warnings))
    except UnicodeDecodeError:
        return _decode_damaged(data, warnings)


def codec_name(label: str) -> str | None:
    """Python codec for a charset label; latin-1 and ASCII labels mean
    windows-1252, as browsers treat them (WHATWG Encoding Standard)."""
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in ("iso8859-1", "ascii") else name


def _bom_decode(data: bytes) -> Decoded | None:
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
        warnings = ("invalid UTF-8, decoded with replacement characters",) if "\ufffd" in text else ()
        return Decoded(text, "utf-8", warnings)
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return Decoded(data.decode(codec, errors="replace"), codec)
    return None


def _decode_damaged(data: bytes, warnings: list[str]) -> Decoded:
    """Invalid UTF-8: damaged UTF-8 keeps its good characters; a text with no
    valid multi-byte sequence at all is probably a legacy 8-bit charset."""
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    good_non_ascii = len(replaced) - len(replaced.encode("ascii", errors="ignore")) - bad
    if good_non_ascii <= bad and (guess := _confident_guess(data)):
        warnings.append(f"invalid UTF-8, decoded as {guess} (guessed)")
        return Decoded(data.decode(guess, errors="replace"), guess, tuple(warnings))
    warnings.append("invalid UTF-8, decoded with replacement characters")
    return Decoded(replaced, "utf-8", tuple(warnings))


def _confident_guess(data: bytes) -> str | None:
    """windows-1252 whenever charset-normalizer finds it plausible: its own
    first pick among equally clean Western code pages is arbitrary (often
    cp1250), while German and English legacy text is nearly always 1252.
    Otherwise its best guess, but only if it recognised a language in it."""
    matches = charset_normalizer.from_bytes(data[:200_000])
    if any("cp1252" in match.could_be_from_charset for match in matches):
        return "cp1252"
    best = matches.best()
    if best is None or best.encoding in ("utf_8", "ascii") or best.chaos > 0.1 or best.coherence < 0.3:
        return None
    return codec_name(best.encoding)


def html_meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its top."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", errors="replace") if match else None


# ---------------------------------------------------------------- HTTP


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
        raise _Retryable(f"connection dropped: {_one_line(exc)}") from None
    except httpx.ConnectError as exc:
        raise FetchError(url, _connect_message(exc)) from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
        raise FetchError(url, f"invalid URL: {_one_line(exc)}") from None
    except httpx.HTTPError as exc:
        raise FetchError(url, _one_line(exc) or type(exc).__name__) from None


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


def parse_content_type(header: str) -> tuple[str, str | None]:
    """ "text/html; charset=UTF-8" -> ("text/html", "UTF-8")."""
    media_type, _, params = header.partition(";")
    match = re.search(r"charset\s*=\s*[\"']?([^\"';\s]+)", params, re.IGNORECASE)
    return media_type.strip().lower(), match.group(1) if match else None


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
                yield self._decompressor.decompress(data, _INFLATE_PIECE)
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
    return f"could not connect: {_one_line(exc)}"


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


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300]


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


# ---------------------------------------------------------------- folders and input lists (bulk)

WARC_SUFFIXES = (".warc", ".warc.gz")
_LIST_SNIFF_BYTES = 65_536


def is_warc(path: Path | str) -> bool:
    return str(path).lower().endswith(WARC_SUFFIXES)


def is_jsonl(path: Path | str) -> bool:
    return Path(path).suffix.lower() in JSONL_SUFFIXES


def iter_folder(folder: Path) -> Iterator[Path | InputError]:
    """Files below a folder that hold articles: .html/.htm/.xhtml, .txt/.md/.text,
    JSON Lines and WARC. Depth first in name order, so runs are repeatable;
    names starting with "." are passed over, and so are symlinked folders (no
    cycles). A folder that cannot be listed, and an entry that cannot be
    looked at (a symlink loop), is yielded as an InputError."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield InputError(str(folder), f"cannot list: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_folder = entry.is_dir(follow_symlinks=False)
            is_article = not is_folder and _is_bulk_file(entry.name) and entry.is_file()
        except OSError as exc:  # a symlink loop, or a link into a folder we may not enter
            yield InputError(entry.path, f"cannot read: {exc.strerror or exc}")
            continue
        if is_folder:
            yield from iter_folder(Path(entry.path))
        elif is_article:
            yield Path(entry.path)


def _is_bulk_file(name: str) -> bool:
    return is_warc(name) or Path(name).suffix.lower() in HTML_SUFFIXES | TEXT_SUFFIXES | JSONL_SUFFIXES


def looks_like_input_list(path: Path) -> bool:
    """Whether a file is a list of inputs rather than an article: its first line
    that is neither blank nor a "#" comment is an http(s) URL."""
    try:
        with _open(Path(path)) as stream:
            head = stream.read(_LIST_SNIFF_BYTES)
    except InputError:
        return False  # reading it as an article reports the problem
    entries = _list_entries(head.splitlines())
    first = next(entries, None)
    return first is not None and is_url(first) and " " not in first


def iter_input_list(stream: BinaryIO) -> Iterator[str]:
    """Entries of an input list, one per line (URLs or paths); blank lines and
    lines starting with "#" are skipped."""
    return _list_entries(line for line in _lines(stream, 65_536) if line is not None)


def _list_entries(lines: Iterable[bytes]) -> Iterator[str]:
    for line in lines:
        entry = os.fsdecode(line.strip())  # paths need not be UTF-8
        if entry and not entry.startswith("#"):
            yield entry


# ---------------------------------------------------------------- WARC


def iter_warc(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> Iterator[RawDocument | InputError]:
    """HTML pages of a WARC file (plain or .warc.gz): one document per
    "response" record with a 2xx status and an HTML content type; every other
    record (requests, metadata, redirects, images, robots.txt) is passed over.

    Origins are "PATH@OFFSET", the record's byte offset (as `warcio index`
    shows it). A record whose payload cannot be read is yielded as an
    InputError and skipped. A record whose WARC headers are broken ends the
    file: WARC has no marker to find the next record by.
    """
    path = Path(path)
    try:  # an optional part (the bulk extra): only WARC input needs it
        from warcio.archiveiterator import WARCIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        raise InputError(str(path), "reading WARC needs warcio: pip install 'auditor[bulk]'") from None
    _check_readable(path)
    with _open(path) as stream:
        records = WARCIterator(stream)  # not ArchiveIterator: it takes any 5-word line for an ARC header
        seen = 0
        while True:
            try:
                record = next(records, None)
            except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as exc:
                message = f"broken WARC record: {_printable(_one_line(exc))[:120]}"
                yield InputError(f"{path}@{records.offset}", message)
                return
            if record is None:
                break
            seen += 1
            # records.offset is where this record starts, until it is read to the end
            if document := _warc_document(record, f"{path}@{records.offset}", max_bytes):
                yield document
    if not seen:
        yield InputError(str(path), "contains no WARC records")


def _warc_document(record: Any, origin: str, max_bytes: int) -> RawDocument | InputError | None:
    """The HTML page in a response record; None for records that hold none."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    if not status.startswith("2"):
        return None
    media_type, charset = parse_content_type(record.http_headers.get_header("Content-Type") or "")
    if media_type and media_type not in HTML_TYPES:
        return None
    try:
        body = record.content_stream().read(max_bytes + 1)
        if len(body) > max_bytes:
            return InputError(origin, f"larger than {max_bytes} bytes")
        while record.raw_stream.read(_INFLATE_PIECE):
            pass  # to the end of the record, to see whether it is all there
    except (EOFError, OSError, ValueError, zlib.error) as exc:
        return InputError(origin, f"cannot read the WARC record's payload: {_one_line(exc)}")
    if getattr(record.raw_stream, "limit", 0) > 0:  # warcio's LimitReader: bytes promised, not there
        return InputError(origin, "WARC record is truncated")
    if problem := bytes_problem(body):
        return InputError(origin, f"response body {problem}")
    if not media_type and sniff_kind(body) != "html":
        return None
    return RawDocument(
        origin=origin,
        content=body,
        content_type="html",
        url=record.rec_headers.get_header("WARC-Target-URI"),
        fetched_at=_warc_date(record.rec_headers.get_header("WARC-Date")),
        encoding=charset,
    )


def _printable(text: str) -> str:
    """warcio quotes the bytes it choked on, which may be compressed data."""
    return "".join(char if char.isprintable() else "?" for char in text)


def _warc_date(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None
