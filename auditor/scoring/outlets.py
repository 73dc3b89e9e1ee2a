"""Outlet reliability: a name as cited -> a domain -> a rating with its provenance.

Names come from ``rules/outlet_aliases.toml``, the list the tagger also uses
to recognise outlets ("berichtet Reuters"); ratings from ``rules/outlets.csv``,
built from open rating sets by ``scripts/build_outlets.py``.  Users add or
override entries with CSV files of their own (same columns, plus an optional
``aliases`` column of "|"-separated names as cited).

An outlet that no table rates is *unrated* (rating ``None``), never 0: not
knowing an outlet says nothing about its quality.
"""

from __future__ import annotations

import csv
import hashlib
import math
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict

from ..errors import Problem, ScoringConfigError
from ..resources import rules_dir
from ..sources import normalize_source
from .files import MAX_OUTLET_FILE_BYTES, UnreadableFile, read_limited

RATING_COLUMNS = ("domain", "rating", "label", "provenance")
USER_COLUMNS = (*RATING_COLUMNS, "aliases")
REQUIRED_COLUMNS = ("domain", "rating")


class OutletRating(BaseModel):
    """One row of the ratings table."""

    model_config = ConfigDict(frozen=True)

    domain: str
    rating: float | None  # 0 (lowest) .. 1 (highest); None: listed but unrated
    label: str = ""  # the rater's own verdict where it has one ("unreliable")
    provenance: str = ""  # where the rating comes from: "lin2023:pc1", "idiap:mbfc", a user file


class OutletLookup(BaseModel):
    """What is known about an outlet cited by name."""

    model_config = ConfigDict(frozen=True)

    name: str  # as cited
    domain: str | None  # None: the name is in no alias list
    rating: float | None = None
    label: str = ""
    provenance: str = ""

    @property
    def rated(self) -> bool:
        return self.rating is not None


def normalize_domain(text: str) -> str:
    """``https://www.Example.org/news/`` -> ``example.org/news``; a bare domain stays as it is, lowercased."""
    text = text.strip()
    if "://" in text:
        parts = urlsplit(text)
        text = (parts.hostname or "") + parts.path
    return text.lower().rstrip("/").removeprefix("www.")


def domain_candidates(domain_or_url: str) -> list[str]:
    """Keys to try in order: host with first path segment (Lin rates "rfi.fr/en"), host, parent domains."""
    domain = normalize_domain(domain_or_url)
    host, _, path = domain.partition("/")
    candidates = [f"{host}/{path.split('/')[0]}"] if path else []
    labels = host.split(".")
    candidates += [".".join(labels[i:]) for i in range(len(labels) - 1)]
    return candidates


@dataclass(frozen=True)
class OutletTable:
    """Ratings by domain and domains by cited name; build it with :func:`load_outlets`."""

    # domain -> (rating, label, provenance); rows are turned into models on lookup only,
    # since a run looks up a handful of the ~12,500 domains
    rows: Mapping[str, tuple[float | None, str, str]]
    aliases: Mapping[str, str]  # normalised name key (normalize_source) -> domain
    content_hash: str = ""
    files: tuple[str, ...] = field(default=())

    def domain_for(self, name: str) -> str | None:
        """The domain of an outlet named in text ("The Telegraph", "dpa"), or None."""
        domain = self.aliases.get(normalize_source(name)[1])
        if domain is None and "." in name and " " not in name.strip():
            domain = normalize_domain(name)  # cited by its domain: "bild.de"
        return domain

    def rating_for(self, domain_or_url: str) -> OutletRating | None:
        """The table row for a domain or URL (a subdomain finds its parent), or None: unrated."""
        for key in domain_candidates(domain_or_url):
            row = self.rows.get(key)
            if row is not None:
                return OutletRating(domain=key, rating=row[0], label=row[1], provenance=row[2])
        return None

    def lookup(self, name: str) -> OutletLookup:
        """Name -> domain -> rating; an outlet in no table comes back unrated, never 0."""
        domain = self.domain_for(name)
        row = self.rating_for(domain) if domain else None
        if row is None:
            return OutletLookup(name=name, domain=domain)
        return OutletLookup(name=name, domain=domain, rating=row.rating, label=row.label,
                            provenance=row.provenance)

    def knows(self, name: str) -> bool:
        """Is the name an outlet we can map to a domain?"""
        return self.domain_for(name) is not None


# --- reading -----------------------------------------------------------------


def default_ratings_path() -> Path:
    return rules_dir() / "outlets.csv"


def default_aliases_path() -> Path:
    return rules_dir() / "outlet_aliases.toml"


def _data_lines(text: str) -> Iterable[tuple[int, str]]:
    """(line number, line) of every line that is not blank or a "#" comment."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield number, line


def _parse_rating(text: str) -> float | None:
    """Empty -> None (unrated); else a number from 0 to 1."""
    text = text.strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"rating {text!r} is not a number (0 to 1, or empty for unrated)") from None
    if not math.isfinite(value) or not 0.0 <= value <= 1.0:
        raise ValueError(f"rating {text!r} is outside 0 to 1")
    return value


def parse_ratings(text: str, origin: str, *, allowed: Sequence[str] = USER_COLUMNS
                  ) -> tuple[dict[str, tuple[float | None, str, str]], dict[str, str], list[Problem]]:
    """Rows and aliases of one ratings CSV, plus every problem found (with its line)."""
    rows: dict[str, tuple[float | None, str, str]] = {}
    aliases: dict[str, str] = {}
    problems: list[Problem] = []
    numbered = list(_data_lines(text))
    if not numbered:
        return rows, aliases, [Problem(origin, "empty file: expected a header line "
                                       f"({','.join(allowed)})")]
    # one line is one record (no field spans lines), so the reader's rows pair with the line numbers
    try:
        records = iter(list(zip((number for number, _ in numbered),
                                csv.reader(line for _, line in numbered), strict=True)))
    except (ValueError, csv.Error) as error:
        return rows, aliases, [Problem(origin, f"malformed CSV (a quoted field must not span lines): {error}")]
    header_line, header = next(records)
    header = [name.strip() for name in header]
    for name in header:
        if name not in allowed:
            problems.append(Problem(origin, f"unknown column {name!r}; columns are {', '.join(allowed)}",
                                    field=name, line=header_line))
    for name in REQUIRED_COLUMNS:
        if name not in header:
            problems.append(Problem(origin, f"missing column {name!r}", field=name, line=header_line))
    if len(set(header)) != len(header):
        problems.append(Problem(origin, "a column is named twice", line=header_line))
    if problems:
        return rows, aliases, problems
    default_provenance = Path(origin).name
    first_line: dict[str, int] = {}
    for number, values in records:
        if len(values) != len(header):
            problems.append(Problem(origin, f"{len(values)} fields, the header has {len(header)}", line=number))
            continue
        row = dict(zip(header, (v.strip() for v in values), strict=True))
        domain = normalize_domain(row["domain"])
        if not domain or " " in domain or "." not in domain:
            problems.append(Problem(origin, f"{row['domain']!r} is not a domain", field="domain", line=number))
            continue
        if domain in first_line:
            problems.append(Problem(origin, f"{domain} is listed twice (first on line {first_line[domain]})",
                                    field="domain", line=number))
            continue
        first_line[domain] = number
        try:
            rating = _parse_rating(row["rating"])
        except ValueError as error:
            problems.append(Problem(origin, str(error), field="rating", line=number))
            continue
        rows[domain] = (rating, row.get("label", ""), row.get("provenance") or default_provenance)
        for name in filter(None, (n.strip() for n in row.get("aliases", "").split("|"))):
            aliases[normalize_source(name)[1]] = domain
    return rows, aliases, problems


def parse_aliases(text: str, origin: str) -> tuple[dict[str, str], list[Problem]]:
    """``[aliases]`` name = domain pairs of a TOML file, keyed by normalised name."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return {}, [Problem(origin, f"invalid TOML: {error}")]
    table = data.get("aliases")
    if not isinstance(table, dict):
        return {}, [Problem(origin, "expected an [aliases] table of name = \"domain\"", field="aliases")]
    aliases, problems = {}, []
    for name, domain in table.items():
        if not isinstance(domain, str) or "." not in domain:
            problems.append(Problem(origin, f"{domain!r} is not a domain", field=f"aliases.{name}"))
            continue
        aliases[normalize_source(name)[1]] = normalize_domain(domain)
    return aliases, problems


def _read(path: Path, problems: list[Problem]) -> str | None:
    try:
        return read_limited(path, MAX_OUTLET_FILE_BYTES)
    except FileNotFoundError:
        problems.append(Problem(str(path), "no such file"))
    except UnreadableFile as error:
        problems.append(Problem(str(path), str(error)))
    except UnicodeDecodeError as error:
        problems.append(Problem(str(path), f"cannot read: {error}"))
    return None


def check_outlet_file(path: str | Path) -> list[Problem]:
    """Every problem in one user ratings CSV; empty when it is fine."""
    problems: list[Problem] = []
    text = _read(Path(path), problems)
    if text is not None:
        problems += parse_ratings(text, str(path))[2]
    return problems


def load_outlets(user_files: Sequence[str | Path] = (), *, ratings_path: Path | None = None,
                 aliases_path: Path | None = None) -> OutletTable:
    """The shipped ratings and aliases with the user's files applied in order.

    A user row replaces the row of the same domain; a user alias replaces the
    alias of the same name.  Raises :class:`ScoringConfigError` listing every
    problem of every file; then nothing is loaded.
    """
    ratings_path = ratings_path or default_ratings_path()
    aliases_path = aliases_path or default_aliases_path()
    if not user_files and ratings_path == default_ratings_path() and aliases_path == default_aliases_path():
        return _default_outlets()
    return _load(ratings_path, aliases_path, tuple(Path(p) for p in user_files))


@lru_cache(maxsize=1)
def _default_outlets() -> OutletTable:
    return _load(default_ratings_path(), default_aliases_path(), ())


def _load(ratings_path: Path, aliases_path: Path, user_files: tuple[Path, ...]) -> OutletTable:
    problems: list[Problem] = []
    digest = hashlib.sha256()
    texts = []
    for path in (ratings_path, aliases_path, *user_files):
        text = _read(path, problems)
        texts.append(text)
        digest.update(f"{path.name}\0{text}\0".encode())
    if problems:
        raise ScoringConfigError(problems)
    base_text, alias_text, *user_texts = texts
    rows, _, found = parse_ratings(base_text, str(ratings_path), allowed=RATING_COLUMNS)
    problems += found
    aliases, found = parse_aliases(alias_text, str(aliases_path))
    problems += found
    for path, text in zip(user_files, user_texts, strict=True):
        user_rows, user_aliases, found = parse_ratings(text, str(path))
        problems += found
        rows.update(user_rows)
        aliases.update(user_aliases)
    if problems:
        raise ScoringConfigError(problems)
    return OutletTable(rows=rows, aliases=aliases, content_hash=digest.hexdigest(),
                       files=tuple(str(p) for p in (ratings_path, aliases_path, *user_files)))
