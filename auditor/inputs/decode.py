"""Bytes into text: a BOM, the declared charsets, UTF-8, or a guess for damaged bytes;
and whether bytes or text can be an article at all.

Every reader of inputs (files, JSON Lines, WARC, HTTP) and the extractor decode here,
so one document decodes the same way whichever way it came.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from typing import NamedTuple

import charset_normalizer

_UTF16_32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CONTROL_BYTES = frozenset(range(0x20)) - frozenset(b"\t\n\r\f\b\x1b") | {0x7F}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


class Decoded(NamedTuple):
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


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
