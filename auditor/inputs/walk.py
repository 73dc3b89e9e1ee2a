"""Walking the inputs a command is given: URLs, files, folders, input lists and standard input.

``auditor audit`` walks them with :func:`iter_source` (standard input is one
document, a URL is fetched at once); ``auditor bulk`` with :func:`iter_inputs`
(folders and input lists too, standard input holds JSON Lines or a list, URLs
are left to the concurrent fetcher). A file reads the same way in both
(:func:`iter_file`): WARC, JSON Lines, or one article.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, NamedTuple

import httpx

from auditor.errors import InputError
from auditor.models import RawDocument

from .files import (
    check_readable,
    is_article_file,
    is_jsonl,
    is_url,
    is_warc,
    one_line,
    open_input,
    read_file,
    read_lines,
    read_stdin,
)
from .http import FetchConfig, fetch_url
from .jsonl import iter_jsonl, iter_jsonl_stream
from .warc import iter_warc

_LIST_SNIFF_BYTES = 65_536


class UrlInput(NamedTuple):
    """A URL still to be fetched."""

    url: str


Item = RawDocument | InputError | UrlInput


# ---------------------------------------------------------------- one input (audit)


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
        if spec == "-" or is_url(spec):
            yield from read_source(spec, config=config, transport=transport, stdin=stdin)
        else:
            yield from iter_file(Path(spec))
    except InputError as error:
        yield error
    except Exception as error:  # noqa: BLE001 - a reader's bug on one odd input: one line, and the next input
        yield InputError(spec, f"cannot read: {type(error).__name__}: {one_line(error)}")


def iter_file(path: Path) -> Iterator[RawDocument | InputError]:
    """The documents of one file: WARC records, JSON Lines records (a broken one
    yielded as its InputError), or the file as one article. A problem with the
    file itself raises."""
    if is_warc(path):
        return iter_warc(path)
    if is_jsonl(path):
        return iter_jsonl(path)
    return read_path(path)


def read_path(path: Path) -> Iterator[RawDocument]:
    """Documents in a file: one, or one per JSON Lines record.

    File-level problems raise at once; for JSON Lines the first broken record
    raises when iteration reaches it (use iter_jsonl to skip broken records).
    """
    path = Path(path)
    check_readable(path)
    if is_jsonl(path):
        return _raise_first(iter_jsonl(path))
    return iter([read_file(path)])


def _raise_first(items: Iterable[RawDocument | InputError]) -> Iterator[RawDocument]:
    for item in items:
        if isinstance(item, InputError):
            raise item
        yield item


# ---------------------------------------------------------------- many inputs (bulk)


def iter_inputs(inputs: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every document named by the command-line inputs, streamed.

    - a folder: its .html/.htm/.xhtml/.txt/.md/.text, JSON Lines and WARC files, recursively;
    - ``.jsonl``/``.ndjson``: one document per record, broken records yielded as errors;
    - ``.warc``/``.warc.gz``: one document per HTML response record;
    - a file whose first entry is a URL: a list of inputs, one URL or path per line;
    - any other file: one article (HTML or text);
    - an http(s) URL: a UrlInput, fetched later;
    - ``-``: standard input, JSON Lines if it starts with "{", else a list of inputs.
    """
    for spec in inputs:
        yield from _input(spec, stdin, listed=False)


def _input(spec: str, stdin: BinaryIO | None, *, listed: bool) -> Iterator[Item]:
    if spec == "-" and not listed:
        yield from _stdin_items(stdin)
    elif is_url(spec):
        yield UrlInput(spec)
    elif os.path.isdir(spec):
        for found in iter_folder(Path(spec)):
            if isinstance(found, InputError):
                yield found
            else:
                yield from _file(found, may_be_list=False)
    else:
        yield from _file(Path(spec), may_be_list=not listed)  # lists do not nest


def _file(path: Path, *, may_be_list: bool) -> Iterator[Item]:
    if may_be_list and not is_warc(path) and not is_jsonl(path) and looks_like_input_list(path):
        try:
            with path.open("rb") as stream:
                for entry in iter_input_list(stream):
                    yield from _input(entry, None, listed=True)
        except OSError as error:
            yield InputError(str(path), f"cannot read: {error.strerror or error}")
    else:
        yield from _guarded(lambda: iter_file(path))


def _stdin_items(stdin: BinaryIO | None) -> Iterator[Item]:
    stream = stdin if stdin is not None else sys.stdin.buffer
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)  # type: ignore[arg-type]
    if stream.peek(4096).lstrip()[:1] == b"{":  # type: ignore[attr-defined]
        yield from _guarded(lambda: iter_jsonl_stream(stream, "<stdin>"))
    else:
        for entry in iter_input_list(stream):
            yield from _input(entry, None, listed=True)


def _guarded(read: Callable[[], Iterable[Item | InputError]]) -> Iterator[Item]:
    """Items of a reader, and the InputError that ends it (if any) as an item."""
    try:
        yield from read()
    except InputError as error:
        yield error


def count_documents(inputs: Iterable[str]) -> int | None:
    """About how many documents the inputs hold, for the progress bar's time
    left; None when counting would mean reading them through (WARC, stdin).
    JSON Lines and input lists count lines, blank ones included."""
    total = 0
    for spec in inputs:
        if spec == "-":
            return None
        if is_url(spec):
            total += 1
            continue
        paths = iter_folder(Path(spec)) if os.path.isdir(spec) else [Path(spec)]
        for path in paths:
            if isinstance(path, InputError):
                continue
            if is_warc(path):
                return None
            listed = not os.path.isdir(spec) and looks_like_input_list(path)
            total += _count_lines(path) if is_jsonl(path) or listed else 1
    return total


def _count_lines(path: Path) -> int:
    lines, last = 0, b"\n"
    try:
        with path.open("rb") as stream:
            while block := stream.read(1 << 20):
                lines += block.count(b"\n")
                last = block[-1:]
    except OSError:
        return 1
    return lines + (last != b"\n")


# ---------------------------------------------------------------- folders and input lists


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
            is_article = not is_folder and is_article_file(entry.name) and entry.is_file()
        except OSError as exc:  # a symlink loop, or a link into a folder we may not enter
            yield InputError(entry.path, f"cannot read: {exc.strerror or exc}")
            continue
        if is_folder:
            yield from iter_folder(Path(entry.path))
        elif is_article:
            yield Path(entry.path)


def looks_like_input_list(path: Path) -> bool:
    """Whether a file is a list of inputs rather than an article: its first line
    that is neither blank nor a "#" comment is an http(s) URL."""
    try:
        with open_input(Path(path)) as stream:
            head = stream.read(_LIST_SNIFF_BYTES)
    except InputError:
        return False  # reading it as an article reports the problem
    entries = _list_entries(head.splitlines())
    first = next(entries, None)
    return first is not None and is_url(first) and " " not in first


def iter_input_list(stream: BinaryIO) -> Iterator[str]:
    """Entries of an input list, one per line (URLs or paths); blank lines and
    lines starting with "#" are skipped."""
    return _list_entries(line for line in read_lines(stream, 65_536) if line is not None)


def _list_entries(lines: Iterable[bytes]) -> Iterator[str]:
    for line in lines:
        entry = os.fsdecode(line.strip())  # paths need not be UTF-8
        if entry and not entry.startswith("#"):
            yield entry
