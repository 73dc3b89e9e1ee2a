"""JSON Lines: one document per record, a broken record one InputError.

A record gives its content as "text" or "html" and may give an "id" and the
metadata fields of JSONL_FIELDS; its origin is "FILE:LINE".
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from auditor.errors import InputError
from auditor.models import RawDocument

from .decode import decode_bytes, text_problem
from .files import MAX_FILE_BYTES, ContentKind, check_readable, open_input, read_lines

JSONL_FIELDS = ("title", "url", "language", "outlet", "published")
# "text" wins when a record has both: it is the exact text the user wants audited
_JSONL_CONTENT: tuple[tuple[str, ContentKind], ...] = (("text", "text"), ("html", "html"))
_SURROGATE = re.compile("[\ud800-\udfff]")


def iter_jsonl(path: Path) -> Iterator[RawDocument | InputError]:
    """One document per JSON Lines record; broken records are yielded, not raised,
    so a bulk run can report them and continue. Blank lines are skipped."""
    path = Path(path)
    check_readable(path)
    with open_input(path) as stream:
        yield from iter_jsonl_stream(stream, str(path))


def iter_jsonl_stream(stream: BinaryIO, name: str) -> Iterator[RawDocument | InputError]:
    """iter_jsonl over an open stream (standard input); origins are "NAME:LINE"."""
    records = 0
    for lineno, line in enumerate(read_lines(stream, MAX_FILE_BYTES), start=1):
        if line is not None and not line.strip():
            continue  # blank lines are allowed anywhere
        records += 1
        yield _jsonl_item(f"{name}:{lineno}", lineno, line)
    if not records:
        raise InputError(name, "contains no JSON Lines records")


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
