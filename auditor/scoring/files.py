"""Reading rule and outlet files: regular files of bounded size only.

A path given as ``--rules``, ``--outlets`` or ``extends`` is untrusted:
``/dev/zero`` never ends, a FIFO blocks whoever opens it, and a rule file of
gigabytes would be read whole before a single problem is reported.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_RULE_FILE_BYTES = 1_000_000  # the shipped profiles are under 4 KB
MAX_OUTLET_FILE_BYTES = 20_000_000  # the shipped ratings are 0.5 MB


class UnreadableFile(Exception):
    """A rule or outlet file that is refused before or while reading; the message says why."""


def read_limited(path: Path, max_bytes: int) -> str:
    """The file's text (UTF-8), if it is a regular file of at most ``max_bytes``.

    Raises FileNotFoundError for a missing file, UnreadableFile for anything
    else that is wrong with it, UnicodeDecodeError for text that is not UTF-8.
    """
    try:
        mode = os.stat(path).st_mode  # stat, not open: opening a FIFO blocks
    except FileNotFoundError:
        raise
    except OSError as error:
        raise UnreadableFile(f"cannot read: {error.strerror or error}") from None
    if stat.S_ISDIR(mode):
        raise UnreadableFile("is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise UnreadableFile("not a regular file (a device, pipe or socket)")
    try:
        with open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)  # the size may have changed since the stat
    except OSError as error:
        raise UnreadableFile(f"cannot read: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise UnreadableFile(f"too large (over {max_bytes:,} bytes)")
    return data.decode("utf-8")
