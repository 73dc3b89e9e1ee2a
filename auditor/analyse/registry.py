"""The languages the analyser reads, found through one entry-point group.

A language is a :class:`Language`: its code, its :class:`~.grammar.Grammar`,
its lexicon file and, optionally, detection words and segmentation rules of
its own. The built-in German and English register in ``pyproject.toml``
exactly as a third-party package would (as spaCy's languages do)::

    [project.entry-points."auditor.languages"]
    de = "auditor.analyse.lang.de:LANGUAGE"

Everything that needs the list of languages (``--lang``, language detection,
segmentation, the analyser) asks here; nothing else compares language codes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import entry_points
from pathlib import Path
from types import MappingProxyType

from ..errors import RulesError
from ..lexicon import Lexicon, load_lexicon_file, load_outlet_aliases
from ..resources import rules_dir
from .grammar import Grammar

ENTRY_POINT_GROUP = "auditor.languages"


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: caches key on it
class Language:
    """One language the analyser reads."""

    code: str  # ISO 639-1, as detected and as given to --lang
    name: str
    grammar: Grammar
    lexicon_file: Path  # relative: inside the rules folder (auditor.resources.rules_dir)
    # detection words on top of rules/languages.toml (a third-party language brings its own)
    stopwords: frozenset[str] = frozenset()
    # a section of rules/segment.toml's shape, used when that file has none for this code
    segmentation: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))


    def lexicon_path(self, rules: Path | None = None) -> Path:
        """The lexicon file; a relative one inside ``rules`` (the rules folder unless given)."""
        return self.lexicon_file if self.lexicon_file.is_absolute() else (rules or rules_dir()) / self.lexicon_file


_registered: dict[str, Language] = {}


@cache
def _discovered() -> dict[str, Language]:
    found: dict[str, Language] = {}
    for point in entry_points(group=ENTRY_POINT_GROUP):
        language = point.load()
        if not isinstance(language, Language) or language.code != point.name:
            raise RulesError(f"entry point {point.name} = {point.value}",
                             f"not an auditor Language with code {point.name!r}")
        found[point.name] = language
    return found


def languages() -> dict[str, Language]:
    """Every registered language by code: entry points, then :func:`register` calls."""
    return {**_discovered(), **_registered}


def supported_languages() -> tuple[str, ...]:
    return tuple(sorted(languages()))


def language(code: str) -> Language | None:
    return languages().get(code)


def register(language_: Language) -> None:
    """Add (or replace) a language in this process, without an entry point
    (notebooks, tests); forgets lexicons loaded before."""
    _registered[language_.code] = language_
    load_lexicon.cache_clear()


def unregister(code: str) -> None:
    _registered.pop(code, None)
    load_lexicon.cache_clear()


def refresh() -> None:
    """Look for languages again (a package installed into a running process) and
    forget the lexicons loaded before."""
    _discovered.cache_clear()
    load_lexicon.cache_clear()


def grammar_of(code: str) -> Grammar:
    return _required(code).grammar


@cache
def load_lexicon(code: str) -> Lexicon:
    """The lexicon of a registered language, its verb forms made by its grammar."""
    found = _required(code)
    return load_lexicon_file(found.lexicon_path(), load_outlet_aliases(), found.grammar.verb_forms)


def _required(code: str) -> Language:
    found = language(code)
    if found is None:
        raise RulesError(code, f"no grammar for this language (registered: {', '.join(supported_languages())})")
    return found
