"""A small exception hierarchy that callers can catch precisely.

Every error carries the input it is about, so the CLI can print one line:
``auditor: <input>: <problem>``.
"""

from __future__ import annotations

from dataclasses import dataclass


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


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a rule or outlet file, with where it is."""

    file: str
    message: str
    rule_id: str | None = None
    field: str | None = None  # dotted path inside the rule: "when.hedge_level.at_least"
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        if self.rule_id is not None:
            where += f": rule {self.rule_id!r}"
        if self.field:
            where += f": {self.field}"
        return f"{where}: {self.message}"


class ScoringConfigError(RulesError):
    """Rule or outlet files with problems; every problem is listed, nothing is applied."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        origin = problems[0].file if problems else "<rules>"
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        super().__init__(origin, count + ":\n" + "\n".join(f"  {p}" for p in problems))
