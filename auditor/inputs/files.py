"""Files and standard input: what kind a path names, reading within the size limit,
and one document from raw bytes.

Every problem becomes an InputError with a one-line message, so the CLI can
print ``auditor: <input>: <problem>`` and move on.
"""

from __future__ import annotations

import codecs
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Literal

from auditor.errors import InputError
from auditor.models import RawDocument

from .decode import bytes_problem, decode_bytes, text_problem

ContentKind = Literal["html", "text"]

# files, stdin and single JSON Lines records; an audit takes up to ~50 MB per MB of
# text (bench/memory.py): at 10 MB the largest input stays well under 1 GB
MAX_FILE_BYTES = 10_000_000
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
WARC_SUFFIXES = (".warc", ".warc.gz")
PIECE_BYTES = 1 << 16  # read and decompress in 64 KiB pieces so a zip bomb never materialises
_HTML_START = re.compile(rb"\s*<(?:[!?]|[a-zA-Z])")


# ---------------------------------------------------------------- what a name or a body is


def is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


def is_warc(path: Path | str) -> bool:
    return str(path).lower().endswith(WARC_SUFFIXES)


def is_jsonl(path: Path | str) -> bool:
    return Path(path).suffix.lower() in JSONL_SUFFIXES


def is_article_file(name: str) -> bool:
    """Whether a file found in a folder is read: articles, JSON Lines and WARC."""
    return is_warc(name) or Path(name).suffix.lower() in HTML_SUFFIXES | TEXT_SUFFIXES | JSONL_SUFFIXES


def kind_from_suffix(suffix: str) -> ContentKind | None:
    suffix = suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return None  # sniff


def sniff_kind(data: bytes) -> ContentKind:
    """HTML if it opens with a tag or mentions <html early on; text otherwise."""
    head = data[:4096].removeprefix(codecs.BOM_UTF8)
    if _HTML_START.match(head) or b"<html" in head.lower():
        return "html"
    return "text"


def parse_content_type(header: str) -> tuple[str, str | None]:
    """ "text/html; charset=UTF-8" -> ("text/html", "UTF-8")."""
    media_type, _, params = header.partition(";")
    match = re.search(r"charset\s*=\s*[\"']?([^\"';\s]+)", params, re.IGNORECASE)
    return media_type.strip().lower(), match.group(1) if match else None


def one_line(exc: BaseException) -> str:
    """An exception's message as one line of at most 300 characters."""
    return " ".join(str(exc).split())[:300]


# ---------------------------------------------------------------- reading


def read_stdin(stream: BinaryIO) -> RawDocument:
    """The whole of standard input as one document; HTML or text is sniffed."""
    return raw_document("<stdin>", read_limited(stream, "<stdin>"), None)


def read_file(path: Path) -> RawDocument:
    """A file (checked with check_readable) as one document, its kind from the suffix or sniffed."""
    with open_input(path) as stream:
        data = read_limited(stream, str(path))
    return raw_document(str(path), data, kind_from_suffix(path.suffix))


def check_readable(path: Path) -> None:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot open: {exc.strerror or exc}") from None
    if stat.S_ISDIR(mode):
        raise InputError(str(path), "is a directory")


def open_input(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as exc:
        raise InputError(str(path), f"cannot open: {exc.strerror or exc}") from None


def read_limited(stream: BinaryIO, origin: str, limit: int = MAX_FILE_BYTES) -> bytes:
    try:
        data = stream.read(limit + 1)
    except OSError as exc:
        raise InputError(origin, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise InputError(origin, f"larger than {limit} bytes")
    return data


def read_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Lines of at most `limit` bytes; None stands for an over-long line (skipped)."""
    while line := stream.readline(limit + 1):
        if len(line.rstrip(b"\r\n")) <= limit:
            yield line
            continue
        while line and not line.endswith(b"\n"):
            line = stream.readline(limit + 1)
        yield None


def raw_document(origin: str, data: bytes, kind: ContentKind | None) -> RawDocument:
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
