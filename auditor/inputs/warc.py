"""WARC files (plain or .warc.gz): the HTML pages of a web crawl, one document per record."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from auditor.errors import InputError
from auditor.models import RawDocument

from .decode import bytes_problem
from .files import (
    HTML_TYPES,
    MAX_FILE_BYTES,
    PIECE_BYTES,
    check_readable,
    one_line,
    open_input,
    parse_content_type,
    sniff_kind,
)


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
    check_readable(path)
    with open_input(path) as stream:
        records = WARCIterator(stream)  # not ArchiveIterator: it takes any 5-word line for an ARC header
        seen = 0
        while True:
            try:
                record = next(records, None)
            except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as exc:
                message = f"broken WARC record: {_printable(one_line(exc))[:120]}"
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
        while record.raw_stream.read(PIECE_BYTES):
            pass  # to the end of the record, to see whether it is all there
    except (EOFError, OSError, ValueError, zlib.error) as exc:
        return InputError(origin, f"cannot read the WARC record's payload: {one_line(exc)}")
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
