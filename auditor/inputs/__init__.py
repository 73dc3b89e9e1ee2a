"""Inputs into RawDocuments: URLs, files, folders, input lists, JSON Lines, WARC and standard input.

The only package that touches files and the network. Every problem with an
input becomes an InputError (or FetchError for URLs) with a one-line message,
so the CLI can print ``auditor: <input>: <problem>`` and move on.

    files       what a name or body is, reading within the size limit, one document from bytes
    decode      bytes -> text (BOM, charset, damaged bytes); whether content can be an article
    jsonl       JSON Lines records
    warc        WARC records
    http        one URL (sync) or many on one client (async): limits, retries, errors
    fetch_many  the concurrent fetcher and page cache of a bulk run
    walk        the inputs of a command: audit's and bulk's, one file read the same way in both
"""

from .fetch_many import ConcurrentFetcher, PageCache
from .files import MAX_FILE_BYTES
from .http import FetchConfig, fetch_url
from .jsonl import iter_jsonl
from .walk import (
    Item,
    UrlInput,
    count_documents,
    iter_inputs,
    iter_source,
    read_path,
    read_source,
)

__all__ = [
    "MAX_FILE_BYTES",
    "ConcurrentFetcher",
    "FetchConfig",
    "Item",
    "PageCache",
    "UrlInput",
    "count_documents",
    "fetch_url",
    "iter_inputs",
    "iter_jsonl",
    "iter_source",
    "read_path",
    "read_source",
]
