"""A small exception hierarchy that callers can catch precisely.

Every error carries the input it is about, so the CLI can print one line:
``auditor: <input>: <problem>``.
"""

from __future__ import annotations


class AuditorError(Exception):
    """Base class for every error the auditor reports to a user."""

    stage = "audit"

    def __init__(self, origin: str, message: str) -> None:
        super().__init__(f"{origin}: {message}")
        self.origin = origin
        self.message = message


class InputError(AuditorError):
    """The input cannot be read: missing, a directory, binary, empty, too large."""

    stage = "ingest"


class FetchError(InputError):
    """A URL could not be fetched: DNS, timeout, HTTP status, size, content type."""

    stage = "fetch"


class ExtractError(AuditorError):
    """HTML was read but holds no article text."""

    stage = "extract"


class RulesError(AuditorError):
    """A lexicon or rule file is malformed."""

    stage = "rules"
