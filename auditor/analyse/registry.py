"""The languages the analyser reads: the built-in packages and plug-ins.

A language is a :class:`Language`: its code, its :class:`~.grammar.Grammar`,
its lexicon file and, optionally, detection words and segmentation rules of
its own. Two ways in, as spaCy's languages have:

* a package of :mod:`auditor.analyse.lang` (``lang/de``, ``lang/en``) that
  defines ``LANGUAGE``: found by looking at the folder, so a source checkout
  needs no installed metadata;
* a package of its own, named in the ``auditor.languages`` entry-point group
  of its ``pyproject.toml`` (``xx = "auditor_xx:LANGUAGE"``); it may also
  replace a built-in language.

A plug-in that cannot be loaded (it fails to import, is not a ``Language``,
names no readable lexicon) is left out and said in :func:`problems`; the other
languages go on. Everything that needs the list of languages (``--lang``,
detection, segmentation, the analyser) asks here; nothing else compares
language codes.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
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
BUILT_IN_PACKAGE = "auditor.analyse.lang"
_CODE = re.compile(r"[a-z]{2,3}")  # ISO 639-1 or -3, as detection and --lang give it
_GRAMMAR_STEPS = tuple(name for name in vars(Grammar) if not name.startswith("_"))


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: caches key on it
class Language:
    """One language the analyser reads."""

    code: str  # ISO 639 code, lower case: "de", "en"
    name: str
    grammar: Grammar
    # a plug-in gives an absolute path (its own package's file); a relative one is
    # inside auditor's rules folder (auditor.resources.rules_dir), as the built-ins' are
    lexicon_file: Path
    # detection words on top of rules/languages.toml (a third-party language brings its own)
    stopwords: frozenset[str] = frozenset()
    # a section in the shape of rules/segment.toml's, used when that file has none for this code
    segmentation: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))

    def lexicon_path(self, rules: Path | None = None) -> Path:
        """The lexicon file; a relative one inside ``rules`` (the rules folder unless given)."""
        return self.lexicon_file if self.lexicon_file.is_absolute() else (rules or rules_dir()) / self.lexicon_file


_registered: dict[str, Language] = {}


@dataclass(frozen=True)
class _Found:
    languages: dict[str, Language]
    versions: dict[str, str]  # code -> the plug-in's distribution and version ("" for built-ins)
    problems: tuple[str, ...]


@cache
def _discovered() -> _Found:
    languages: dict[str, Language] = {}
    versions: dict[str, str] = {}
    problems: list[str] = []
    for module in pkgutil.iter_modules(importlib.import_module(BUILT_IN_PACKAGE).__path__):
        where = f"{BUILT_IN_PACKAGE}.{module.name}"
        _take(where, module.name, lambda where=where: importlib.import_module(where).LANGUAGE, "",
              languages, versions, problems)
    for point in entry_points(group=ENTRY_POINT_GROUP):
        version = f"{point.dist.name}=={point.dist.version}" if point.dist else point.value
        _take(f"{ENTRY_POINT_GROUP} {point.name} = {point.value}", point.name, point.load, version,
              languages, versions, problems)
    return _Found(languages, versions, tuple(problems))


def _take(where: str, code: str, load, version: str, languages: dict[str, Language],
          versions: dict[str, str], problems: list[str]) -> None:
    """Load one language into ``languages``, or say in ``problems`` why it is left out."""
    try:
        found = load()
        _check(found, code)
    except Exception as error:  # noqa: BLE001 - a broken plug-in costs its language, not the tool
        problems.append(f"language {code!r} ({where}) left out: {_reason(error)}")
        return
    languages[code] = found
    versions[code] = version


def _reason(error: Exception) -> str:
    return error.message if isinstance(error, RulesError) else f"{type(error).__name__}: {error}"


def _check(found: object, code: str) -> None:
    if not isinstance(found, Language):
        raise RulesError(code, f"not an auditor Language but {type(found).__name__}")
    if found.code != code or not _CODE.fullmatch(code):
        raise RulesError(code, f"registered as {code!r} with the code {found.code!r}: both must be the same "
                               "lower-case ISO 639 code")
    missing = [step for step in _GRAMMAR_STEPS if not callable(getattr(found.grammar, step, None))]
    if missing:
        raise RulesError(code, f"its grammar lacks steps of the Grammar protocol: {', '.join(missing)}")
    if not found.lexicon_path().is_file():
        raise RulesError(code, f"no lexicon file at {found.lexicon_path()}")


def languages() -> dict[str, Language]:
    """Every language by code: built-in, then plug-ins, then :func:`register` calls."""
    return {**_discovered().languages, **_registered}


def problems() -> tuple[str, ...]:
    """Why plug-ins were left out, one line each (the CLI shows them as warnings)."""
    return _discovered().problems


def plugin_version(code: str) -> str:
    """The distribution and version a plug-in language came with ("" for built-ins and
    :func:`register`): part of the analyser version, so upgrading a grammar analyses again."""
    return _discovered().versions.get(code, "") if code not in _registered else ""


def supported_languages() -> tuple[str, ...]:
    return tuple(sorted(languages()))


def language(code: str) -> Language | None:
    return languages().get(code)


def register(language_: Language) -> None:
    """Add (or replace) a language in this process only, without an entry point
    (notebooks, tests): worker processes of ``auditor bulk`` do not see it."""
    _check(language_, language_.code)
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
    path = found.lexicon_path()
    lexicon = load_lexicon_file(path, load_outlet_aliases(), found.grammar.verb_forms)
    if lexicon.language != code:
        raise RulesError(str(path), f"says language = {lexicon.language!r}, but is the lexicon of {code!r}")
    return lexicon


def _required(code: str) -> Language:
    found = language(code)
    if found is None:
        raise RulesError(code, f"no grammar for this language (registered: {', '.join(supported_languages())})")
    return found
