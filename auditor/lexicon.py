"""Load the tagger's word lists and patterns from ``rules/`` (TOML data).

The files are written for people: infinitives instead of every verb form,
alternatives with "|". This module turns one file into the sets and indexes the
tagger needs; the language's grammar inflects its verbs, and the registry
(:mod:`auditor.analyse.registry`) keeps one lexicon per language.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar

from .errors import RulesError
from .resources import rules_dir

GAP = "…"

SourceSlot = Literal["after", "before", "none", "optional_after"]


@dataclass(frozen=True)
class PhrasePattern:
    """A sequence of word positions; ``None`` marks a gap of up to ``gap`` words."""

    text: str
    positions: tuple[frozenset[str] | None, ...]
    gap: int = 0


@dataclass(frozen=True)
class Frame:
    pattern: PhrasePattern
    source: SourceSlot
    tail: bool = False  # only ", so X." at the end of a sentence
    chain: bool = False  # "unter Berufung auf X", "citing X": X is the source, the subject relays
    via_only: bool = False  # "cited by X": X relays the claim of the phrase before it
    weasel: bool = False
    keep_last: bool = False  # the last pattern word belongs to the source ("nach Angaben der Polizei")
    only_named: bool = False  # source must be capitalised ("per Reuters")
    to_clause_end: bool = False  # the source runs on to the end of its clause ("according to a poll released Monday")
    after: frozenset[str] = frozenset()  # optional_after: the words a source follows ("heißt es in einem Bericht")


@dataclass(frozen=True)
class HedgePattern:
    pattern: PhrasePattern
    kind: str
    weight: float
    only_before_number: bool = False
    # context words (lowercase) that void the cue: the word right after / right before it
    not_before: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()


@dataclass(frozen=True)
class VerbForm:
    lemma: str
    particle: str | None = None  # separable particle still expected later in the clause
    needs_next: frozenset[str] | None = None  # cue only when the next word is one of these
    participle: bool = False


@dataclass(frozen=True)
class Lexicon:
    language: str
    case_sensitive: bool
    verb_forms: dict[str, tuple[VerbForm, ...]]
    frames: tuple[Frame, ...]
    frame_index: dict[str, tuple[Frame, ...]]
    frame_non_sources: frozenset[str]
    hedges: tuple[HedgePattern, ...]
    hedge_index: dict[str, tuple[HedgePattern, ...]]
    words: dict[str, frozenset[str]]  # grammar word classes: determiners, auxiliaries, ...
    kinds: dict[str, frozenset[str]]  # source kind -> head words
    phrase_keepers: tuple[tuple[str, ...], ...]
    outlets: dict[tuple[str, ...], str]  # outlet name as words -> domain
    max_outlet_words: int
    particles: frozenset[str] = field(default_factory=frozenset)
    compounds: bool = False  # nouns compound ("Sicherheitsexperten" is a kind of "experten")
    anonymity_phrases: tuple[str, ...] = ()  # words in a source that make it anonymous ("familiar with")
    # which kind a head noun is when it is in several lists ("Sicherheitsexperten": vague, not person)
    kind_precedence: tuple[str, ...] = ("anonymous", "vague", "document", "outlet_words", "person", "organization")
    _derived: dict[Callable[[Any], Any], Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # The grammar asks for word classes hundreds of times a sentence: a
        # dict's own lookup (a missing class is empty) instead of a method call
        # halves what those lookups cost.
        words = _WordClasses(self.words)
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "word", words.__getitem__)

    def word(self, name: str) -> frozenset[str]:  # replaced per instance by __post_init__
        return self.words.get(name, frozenset())

    def derived(self, build: Callable[[Lexicon], _T]) -> _T:
        """``build(self)``, computed once and kept with this lexicon: the word sets a
        grammar module derives from it (kept here, not in a module-level table keyed
        by id(), which could outlive its lexicon and serve a new one under a reused id)."""
        try:
            return self._derived[build]
        except KeyError:
            value = self._derived[build] = build(self)
            return value


_T = TypeVar("_T")


class _WordClasses(dict[str, frozenset[str]]):
    """Word class name -> its words; a class the lexicon does not list is empty."""

    def __missing__(self, name: str) -> frozenset[str]:
        return frozenset()


def _split_alternatives(text: str) -> list[str]:
    return [alt for alt in text.split("|") if alt]


def compile_pattern(text: str, gap: int, case_sensitive: bool) -> PhrasePattern:
    positions: list[frozenset[str] | None] = []
    for piece in text.split():
        if piece == GAP:
            positions.append(None)
            continue
        alternatives = _split_alternatives(piece)
        if not case_sensitive:
            alternatives = [a.lower() for a in alternatives]
        else:  # a capitalised first word is lowered in the token key
            alternatives += [a[0].lower() + a[1:] for a in alternatives if a[:1].isupper()]
        positions.append(frozenset(alternatives))
    if not positions or positions[0] is None or positions[-1] is None:
        raise ValueError(f"pattern {text!r} must start and end with a word")
    return PhrasePattern(text=text, positions=tuple(positions), gap=gap)


def _index(items, first_words) -> dict[str, tuple]:
    index: dict[str, list] = {}
    for item in items:
        for word in first_words(item):
            index.setdefault(word, []).append(item)
    return {k: tuple(v) for k, v in index.items()}


# --- loading ---------------------------------------------------------------


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise RulesError(str(path), "no such lexicon file") from None
    except tomllib.TOMLDecodeError as error:
        raise RulesError(str(path), f"invalid TOML: {error}") from None


def load_outlet_aliases(path: Path | None = None) -> dict[str, str]:
    path = path or rules_dir() / "outlet_aliases.toml"
    return dict(_read_toml(path).get("aliases", {}))


def _patterns_of(entry: dict, default_gap: int) -> list[str]:
    listed = entry.get("patterns") or []
    if "pattern" in entry:
        listed = [entry["pattern"], *listed]
    return listed


def load_lexicon_file(path: Path, outlets: dict[str, str],
                      verb_forms: Callable[[dict], dict[str, list[VerbForm]]]) -> Lexicon:
    """The lexicon in ``path``; ``verb_forms`` inflects its ``[verbs]`` table (the grammar's ``verb_forms``)."""
    data = _read_toml(path)
    language = data.get("language") or path.stem
    # words match as written, but for a capital at the start of a sentence:
    # "Wohl" is not "wohl", "May 16" is not "may"
    case_sensitive = True
    try:
        verb_data = data.get("verbs", {})
        forms = verb_forms(verb_data)
        frames = []
        for entry in data.get("frames", []):
            options = {k: v for k, v in entry.items() if k not in ("pattern", "patterns", "source", "gap")}
            if entry["source"] == "optional_after" and not options.get("after"):
                raise ValueError(f"the frame {entry.get('pattern')!r} has source = optional_after but no after = [...]")
            if "after" in options:
                options["after"] = frozenset(options["after"])
            for text in _patterns_of(entry, 0):
                frames.append(Frame(pattern=compile_pattern(text, entry.get("gap", 0), case_sensitive),
                                    source=entry["source"], **options))
        # longest pattern first, so "nach Angaben der" wins over "nach Angaben"
        frames.sort(key=lambda f: -len(f.pattern.positions))
        hedges = []
        for entry in data.get("hedges", []):
            before_number = set(entry.get("only_before_number", []))
            for text in _patterns_of(entry, 0):
                hedges.append(HedgePattern(
                    pattern=compile_pattern(text, entry.get("gap", 0), case_sensitive),
                    kind=entry["kind"], weight=float(entry.get("weight", 1.0)),
                    only_before_number=text in before_number,
                    not_before=frozenset(w.lower() for w in entry.get("not_before", [])),
                    not_after=frozenset(w.lower() for w in entry.get("not_after", []))))
        hedges.sort(key=lambda h: -len(h.pattern.positions))
    except (KeyError, TypeError, ValueError) as error:
        raise RulesError(str(path), f"malformed entry: {error}") from None
    words = {name: frozenset(w.lower() for w in values)
             for name, values in data.get("grammar", {}).items() if isinstance(values, list)}
    # "[grammar.more]" blocks at the end of a lexicon add word classes (new keys kept apart for merges)
    for block in data.get("grammar", {}).values():
        if isinstance(block, dict):
            words.update({name: frozenset(w.lower() for w in values)
                          for name, values in block.items() if isinstance(values, list)})
    kinds = {name: frozenset(w.lower() for w in values) for name, values in data.get("kinds", {}).items()}
    keepers = tuple(tuple(k.lower().split()) for k in data.get("grammar", {}).get("phrase_keepers", []))
    outlet_words = {tuple(name.split()): domain for name, domain in outlets.items()}
    particles = frozenset(e.split("|")[0] for e in verb_data.get("particle", []))
    return Lexicon(
        language=language,
        case_sensitive=case_sensitive,
        verb_forms={k: tuple(v) for k, v in forms.items()},
        frames=tuple(frames),
        frame_index=_index(frames, lambda f: f.pattern.positions[0]),
        frame_non_sources=frozenset(w.lower() for w in data.get("frame_non_sources", [])),
        hedges=tuple(hedges),
        hedge_index=_index(hedges, lambda h: h.pattern.positions[0]),
        words=words,
        kinds=kinds,
        phrase_keepers=keepers,
        outlets=outlet_words,
        max_outlet_words=max((len(k) for k in outlet_words), default=1),
        particles=particles,
        compounds=bool(data.get("compounds", False)),
        anonymity_phrases=tuple(p.lower() for p in data.get("anonymity_phrases", [])),
        kind_precedence=tuple(data.get("kind_precedence", Lexicon.kind_precedence)),
    )


@cache
def hedge_thresholds() -> dict[str, float]:
    levels = _read_toml(rules_dir() / "hedging.toml").get("levels", {})
    return {name: float(levels[name]) for name in ("low", "medium", "high")}
