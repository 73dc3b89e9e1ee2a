"""Text from articles and inputs made safe to print: it reaches the terminal inert.

A page's text, its title and a file's name are data. Printed raw, an escape
sequence in them would act on the reviewer's terminal (write the clipboard,
fake a link, clear the screen, hide text) instead of being shown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# What a terminal acts on instead of showing: C0 controls, DEL and C1 controls
# (ESC starts OSC 52 clipboard writes, OSC 8 links, clear-screen, conceal; U+009B
# is a one-character CSI) and the bidi embeddings, overrides and isolates that
# reorder what is shown. Tab and newline stay in the report's layout.
_C0 = "\x00-\x08\x0b-\x1f"
_PAST_C0 = "\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_UNSAFE_IN_TEXT = re.compile(f"[{_C0}{_PAST_C0}]")
_UNSAFE_IN_LINE = re.compile(f"[\t\n{_C0}{_PAST_C0}]")
_UNSAFE_IN_JSON = re.compile(f"[{_PAST_C0}]")  # json.dumps(ensure_ascii=False) escapes C0 only


def _escaped(match: re.Match[str]) -> str:
    return ascii(match.group())[1:-1]  # "\x1b", "\u202e": what Python would show


def inert(text: str, *, one_line: bool = False) -> str:
    """Text safe to print: every control, escape and bidi character shown as its
    escape (\\x1b, \\u202e); with one_line, tabs and newlines too (error lines)."""
    return (_UNSAFE_IN_LINE if one_line else _UNSAFE_IN_TEXT).sub(_escaped, text)


def inert_offsets(text: str) -> tuple[str, Sequence[int]]:
    """inert(text) and, for each index of text (and its end), the index it moved to,
    so spans of the text can be styled in the shown string."""
    if not _UNSAFE_IN_TEXT.search(text):
        return text, range(len(text) + 1)
    shown, where, at = [], [], 0
    for char in text:
        where.append(at)
        shown.append(inert(char))
        at += len(shown[-1])
    where.append(at)
    return "".join(shown), where


def json_inert(encoded: str) -> str:
    """JSON text with DEL, C1 and bidi controls written as \\u escapes: the same
    JSON value, exact when parsed, yet inert when printed. Such characters occur
    only inside strings, so every one of them can be replaced."""
    return _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", encoded)
