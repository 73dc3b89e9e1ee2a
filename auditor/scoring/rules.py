"""Scoring rules: TOML files in, one validated and merged :class:`RuleSet` out.

A rule file (see ``rules/default.toml`` and the README, "Scoring")::

    name = "mine"
    extends = "default"            # optional: a profile in rules/, or a path relative to this file
    [[rules]]
    id = "anonymous-source"
    description = "Claim rests on an anonymous source"
    scope = "sentence"             # or "article"
    when = { source_kind = ["anonymous"], hedge_level = { at_least = "medium" } }
    weight = 5                     # points one hit takes off (negative: a bonus)
    cap = 20                       # optional: most points the rule takes off one article
    message = "anonymous source: {source}"

Conditions are data, checked by the pydantic models below; nothing is ever
evaluated as code.  A ``when`` table holds tests on the features of its scope
(:mod:`auditor.scoring.features`); all must hold.  ``any_of`` and ``none_of``
take lists of such tables.

Files combine in order: a rule whose id an earlier file defined is updated
field by field (a table such as ``when`` is replaced whole), ``enabled =
false`` switches it off.  Every problem of every file is collected and raised
together as :class:`~auditor.errors.ScoringConfigError`; then nothing is used.
"""

from __future__ import annotations

import hashlib
import json
import re
import string
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, ClassVar, Generic, Literal, TypeVar, get_args

from pydantic import (
    AllowInfNan,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic.types import Strict

from ..errors import Problem, ScoringConfigError
from ..models import HEDGE_LEVELS, AttributionMode, HedgeKind, HedgeLevel, SourceKind
from ..resources import rules_dir
from .features import (
    ARTICLE_EXTRAS,
    SENTENCE_EXTRAS,
    ArticleFeatures,
    SentenceFeatures,
    feature_names,
    placeholder_samples,
)
from .files import MAX_RULE_FILE_BYTES, UnreadableFile, read_limited

DEFAULT_PROFILE = "default"
RULE_ID = r"^[a-z0-9][a-z0-9_-]*$"
FILE_FIELDS = ("name", "description", "extends", "rules")

# a real number: not "5", not true, not nan or inf (TOML has both)
Number = Annotated[float, Strict(), AllowInfNan(False)]


class _Strict(BaseModel):
    # forbid: a misspelt key is an error.  Scalars use the Strict* types below, so "5" is not
    # a number and 1 is not true (TOML arrays still become tuples).
    model_config = ConfigDict(frozen=True, extra="forbid")


# --- tests on one feature ------------------------------------------------------


class NumberTest(_Strict):
    """``2`` (equals) or ``{ at_least = 2 }``, ``{ above = 0.5, below = 0.8 }``; an unrated value never matches."""

    equals: Number | None = None
    at_least: Number | None = None
    at_most: Number | None = None
    above: Number | None = None
    below: Number | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if isinstance(data, int | float) and not isinstance(data, bool):
            return {"equals": data}
        if not isinstance(data, dict):
            # ValueError, not TypeError: pydantic reports only the former as a validation error
            raise ValueError("expected a number or a table such as { at_least = 2 } "  # noqa: TRY004
                             "(keys: equals, at_least, at_most, above, below)")
        return data

    @model_validator(mode="after")
    def _something(self) -> NumberTest:
        if not self.model_fields_set:
            raise ValueError("give at least one of equals, at_least, at_most, above, below")
        return self

    def text(self, name: str) -> str:
        ops = (("equals", "="), ("at_least", ">="), ("at_most", "<="), ("above", ">"), ("below", "<"))
        return ", ".join(f"{name} {op} {getattr(self, key):g}" for key, op in ops if getattr(self, key) is not None)

    def test(self, value: float | None) -> bool:
        if value is None:
            return False
        return ((self.equals is None or value == self.equals)
                and (self.at_least is None or value >= self.at_least)
                and (self.at_most is None or value <= self.at_most)
                and (self.above is None or value > self.above)
                and (self.below is None or value < self.below))


class LevelTest(_Strict):
    """``"high"``, ``["medium", "high"]`` or ``{ at_least = "medium" }``: hedge levels are ordered."""

    one_of: tuple[HedgeLevel, ...] | None = None
    at_least: HedgeLevel | None = None
    at_most: HedgeLevel | None = None
    above: HedgeLevel | None = None
    below: HedgeLevel | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"one_of": [data]}
        if isinstance(data, list):
            return {"one_of": data}
        if not isinstance(data, dict):
            raise ValueError(f"expected a level ({', '.join(HEDGE_LEVELS)}), a list of levels or a table "  # noqa: TRY004
                             "such as { at_least = \"medium\" }")
        return data

    @model_validator(mode="after")
    def _something(self) -> LevelTest:
        if not self.model_fields_set:
            raise ValueError("give at least one of one_of, at_least, at_most, above, below")
        return self

    def text(self, name: str) -> str:
        ops = (("at_least", ">="), ("at_most", "<="), ("above", ">"), ("below", "<"))
        parts = [f"{name} in [{', '.join(self.one_of)}]"] if self.one_of is not None else []
        return ", ".join(parts + [f"{name} {op} {getattr(self, key)}" for key, op in ops
                                  if getattr(self, key) is not None])

    def test(self, value: str) -> bool:
        rank = HEDGE_LEVELS.index(value)

        def at(level: str | None) -> int | None:
            return None if level is None else HEDGE_LEVELS.index(level)

        return ((self.one_of is None or value in self.one_of)
                and (self.at_least is None or rank >= at(self.at_least))
                and (self.at_most is None or rank <= at(self.at_most))
                and (self.above is None or rank > at(self.above))
                and (self.below is None or rank < at(self.below)))


K = TypeVar("K", bound=str)


class KindsTest(_Strict, Generic[K]):
    """``["anonymous", "vague"]`` (any of them) or ``{ any = [...], all = [...], none = [...] }``."""

    any: tuple[K, ...] | None = None
    all: tuple[K, ...] | None = None
    none: tuple[K, ...] | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"any": [data]}
        if isinstance(data, list):
            return {"any": data}
        if not isinstance(data, dict):
            raise ValueError("expected a list of values or a table such as { any = [...], none = [...] }")  # noqa: TRY004
        return data

    @model_validator(mode="after")
    def _something(self) -> KindsTest:
        if not self.model_fields_set:
            raise ValueError("give at least one of any, all, none")
        return self

    def text(self, name: str) -> str:
        return ", ".join(f"{name} {key} of [{', '.join(getattr(self, key))}]" for key in ("any", "all", "none")
                         if getattr(self, key) is not None)

    def test(self, values: frozenset[str]) -> bool:
        return ((self.any is None or not values.isdisjoint(self.any))
                and (self.all is None or values.issuperset(self.all))
                and (self.none is None or values.isdisjoint(self.none)))


# --- conditions -------------------------------------------------------------------


class _Condition(_Strict):
    """All given tests must hold; ``any_of``: at least one of the tables; ``none_of``: none of them."""

    features: ClassVar[type[BaseModel]]

    def text(self) -> str:
        """The condition in words: "attributed = false, hedge_level >= medium"."""
        parts = []
        for name in (n for n in type(self).model_fields if n in self.model_fields_set):  # declaration order
            test = getattr(self, name)
            if name in ("any_of", "none_of"):
                parts.append(f"{name.replace('_', ' ')} ({' | '.join(c.text() for c in test)})")
            elif isinstance(test, bool):
                parts.append(f"{name} = {str(test).lower()}")
            else:
                parts.append(test.text(name))
        return ", ".join(parts) or "always"

    @cached_property
    def _tests(self) -> tuple[tuple[str, Any], ...]:
        """(name, test) of the fields set, worked out once: matches() runs for every sentence and rule."""
        return tuple((name, getattr(self, name)) for name in self.model_fields_set)

    def matches(self, features: BaseModel) -> bool:
        for name, test in self._tests:
            if name == "any_of":
                if not any(c.matches(features) for c in test):
                    return False
            elif name == "none_of":
                if any(c.matches(features) for c in test):
                    return False
            elif test is True or test is False:
                if getattr(features, name) is not test:
                    return False
            elif not test.test(getattr(features, name)):
                return False
        return True


class SentenceCondition(_Condition):
    features: ClassVar[type[BaseModel]] = SentenceFeatures

    is_heading: StrictBool | None = None
    attributed: StrictBool | None = None
    source_kind: KindsTest[SourceKind] | None = None
    n_sources: NumberTest | None = None
    via_length: NumberTest | None = None
    mode: KindsTest[AttributionMode] | None = None
    direct_quote: StrictBool | None = None
    hedge_level: LevelTest | None = None
    hedge_kind: KindsTest[HedgeKind] | None = None
    has_number: StrictBool | None = None
    cites_outlet: StrictBool | None = None
    cited_outlet_rating: NumberTest | None = None
    cites_unrated_outlet: StrictBool | None = None
    any_of: tuple[SentenceCondition, ...] | None = Field(default=None, min_length=1)
    none_of: tuple[SentenceCondition, ...] | None = Field(default=None, min_length=1)


class ArticleCondition(_Condition):
    features: ClassVar[type[BaseModel]] = ArticleFeatures

    claims: NumberTest | None = None
    attributed: NumberTest | None = None
    unattributed: NumberTest | None = None
    anonymous: NumberTest | None = None
    vague: NumberTest | None = None
    hedged: NumberTest | None = None
    numbers: NumberTest | None = None
    unattributed_numbers: NumberTest | None = None
    share_attributed: NumberTest | None = None
    share_unattributed: NumberTest | None = None
    share_anonymous: NumberTest | None = None
    share_vague: NumberTest | None = None
    share_hedged: NumberTest | None = None
    named_sources: NumberTest | None = None
    share_top_source: NumberTest | None = None
    share_single_source: NumberTest | None = None
    publisher_rating: NumberTest | None = None
    lowest_cited_outlet_rating: NumberTest | None = None
    unrated_outlets: NumberTest | None = None
    any_of: tuple[ArticleCondition, ...] | None = Field(default=None, min_length=1)
    none_of: tuple[ArticleCondition, ...] | None = Field(default=None, min_length=1)


COMBINATORS = ("any_of", "none_of")


# --- message templates ----------------------------------------------------------

# width at most two digits: "{share_unattributed:.0%}", "{count:>3}"; never "{x:>999999999}"
_FORMAT_SPEC = re.compile(r"[<>^]?\d{0,2},?(\.\d{1,2})?[%dfegs]?")


class SafeFormatter(string.Formatter):
    """``str.format`` restricted to plain names: no attribute or index access, ever.

    A format spec that does not fit the value (``{rating:.2f}`` on "unrated")
    falls back to the plain value instead of failing.
    """

    def get_field(self, field_name: str, args: Sequence[Any], kwargs: dict[str, Any]) -> tuple[Any, str]:
        if not field_name.isidentifier():
            raise ValueError(f"placeholder {{{field_name}}} is not a plain name")
        return kwargs[field_name], field_name

    def format_field(self, value: Any, format_spec: str) -> str:
        try:
            return format(value, format_spec)
        except (ValueError, TypeError):
            return str(value)


def template_problems(template: str, samples: dict[str, Any]) -> list[str]:
    """What is wrong with a message template, given the placeholders it may use."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as error:
        return [f"{error} (write {{{{ and }}}} for literal braces)"]
    problems = []
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if name == "" or name.isdigit():
            problems.append("positional placeholders such as {} or {0} are not allowed; name a feature")
        elif not name.isidentifier():
            problems.append(f"{{{name}}}: attribute and index access are not allowed; use a plain name")
        elif name not in samples:
            problems.append(f"unknown placeholder {{{name}}}; known: {', '.join(sorted(samples))}")
        if conversion not in (None, "s"):
            problems.append(f"{{{name}!{conversion}}}: only !s is allowed")
        if spec and not _FORMAT_SPEC.fullmatch(spec):
            problems.append(f"{{{name}:{spec}}}: format spec not allowed (e.g. .2f, .0%, >3)")
    if not problems:
        try:
            SafeFormatter().format(template, **samples)
        except (ValueError, KeyError, IndexError) as error:
            problems.append(f"cannot be filled in: {error}")
    return problems


# --- rules ------------------------------------------------------------------------


class _Rule(_Strict):
    id: StrictStr = Field(pattern=RULE_ID, max_length=80)
    description: StrictStr = Field(min_length=1, max_length=500)
    weight: Number
    cap: Number | None = Field(default=None, gt=0)
    message: StrictStr = Field(default="", max_length=500)
    enabled: StrictBool = True

    extras: ClassVar[dict[str, str]]

    @field_validator("message")
    @classmethod
    def _template(cls, value: str) -> str:
        samples = placeholder_samples(cls.model_fields["when"].annotation.features, cls.extras)
        problems = template_problems(value, samples)
        if problems:
            raise ValueError("; ".join(problems))
        return value

    def render(self, values: dict[str, Any]) -> str:
        """The message with placeholders filled in; the description when there is no message."""
        return SafeFormatter().format(self.message, **values) if self.message else self.description


class SentenceRule(_Rule):
    scope: Literal["sentence"]
    when: SentenceCondition
    extras: ClassVar[dict[str, str]] = SENTENCE_EXTRAS


class ArticleRule(_Rule):
    scope: Literal["article"]
    when: ArticleCondition
    extras: ClassVar[dict[str, str]] = ARTICLE_EXTRAS


Rule = SentenceRule | ArticleRule
RULE_MODELS: dict[str, type[_Rule]] = {"sentence": SentenceRule, "article": ArticleRule}
REQUIRED_FIELDS = ("id", "description", "scope", "when", "weight")


class RuleSet(BaseModel):
    """The effective rules after merging files: what a score is computed from."""

    model_config = ConfigDict(frozen=True)

    name: str
    description: str = ""
    files: tuple[str, ...] = ()  # every file applied, in order (extends first)
    rules: tuple[Rule, ...] = ()  # enabled rules, in order of first definition
    disabled: tuple[str, ...] = ()  # ids switched off by a later file
    origins: dict[str, str] = Field(default_factory=dict)  # rule id -> file that last changed it

    # Both computed once per rule set (it is frozen), not once per article or sentence:
    # the hash alone was a tenth of scoring's time in a bulk run.
    @cached_property
    def content_hash(self) -> str:
        """sha256 of the effective rules: equal hashes score every article alike."""
        canonical = [rule.model_dump(mode="json") for rule in self.rules]
        return hashlib.sha256(json.dumps(canonical, sort_keys=True).encode()).hexdigest()

    @cached_property
    def _by_scope(self) -> dict[str, tuple[Rule, ...]]:
        return {scope: tuple(rule for rule in self.rules if rule.scope == scope) for scope in RULE_MODELS}

    def of_scope(self, scope: str) -> tuple[Rule, ...]:
        return self._by_scope.get(scope, ())

    @cached_property
    def _matching_sentence_rules(self) -> dict[BaseModel, tuple[Rule, ...]]:
        return {}

    def sentence_rules_matching(self, features: BaseModel) -> tuple[Rule, ...]:
        """The sentence rules whose conditions hold for these features.

        Remembered per distinct features: they are a few flags, kinds and
        levels, so a corpus has only hundreds of distinct ones, and testing
        every rule on every sentence was a fifth of scoring's time.
        """
        cache = self._matching_sentence_rules
        found = cache.get(features)
        if found is None:
            if len(cache) >= _MATCHING_CACHE_SIZE:
                cache.clear()  # outlet ratings make features open-ended: stay bounded
            found = cache[features] = tuple(rule for rule in self.of_scope("sentence") if rule.when.matches(features))
        return found


_MATCHING_CACHE_SIZE = 10_000


# --- loading --------------------------------------------------------------------------


def resolve_rules_path(spec: str | Path, relative_to: Path | None = None) -> Path:
    """A profile name ("strict": ``rules/strict.toml``) or a path (relative to the citing file)."""
    text = str(spec)
    if "/" not in text and "\\" not in text and not text.endswith(".toml"):
        return rules_dir() / f"{text}.toml"
    path = Path(text)
    if relative_to is not None and not path.is_absolute():
        path = relative_to.parent / path
    return path


def display_path(path: Path) -> str:
    """A path as messages show it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _toml_problem(path: Path, error: tomllib.TOMLDecodeError) -> Problem:
    match = re.search(r"at line (\d+)", str(error))
    return Problem(display_path(path), f"invalid TOML: {error}", line=int(match.group(1)) if match else None)


def _field_path(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _explain(error: dict[str, Any], scope: str) -> str:
    """A pydantic error in words a rule author can act on."""
    loc = error["loc"]
    name = loc[-1] if loc else ""
    if error["type"] == "extra_forbidden":
        parent = loc[-2] if len(loc) > 1 else None
        in_condition = parent == "when" or (isinstance(parent, int) and len(loc) > 2 and loc[-3] in COMBINATORS)
        if loc[0] == "when" and in_condition:
            condition = (SentenceCondition if scope == "sentence" else ArticleCondition)
            other = "article" if scope == "sentence" else "sentence"
            other_names = feature_names(ArticleFeatures if scope == "sentence" else SentenceFeatures)
            known = ", ".join(n for n in condition.model_fields)
            if name in other_names:
                return f"{name!r} is an {other} feature; this rule's scope is {scope}. {scope} features: {known}"
            return f"unknown feature {name!r}; {scope} features: {known}"
        if len(loc) == 1:
            return f"unknown field {name!r}; rule fields: {', '.join(RULE_MODELS[scope].model_fields)}"
        return f"unknown key {name!r} (see `auditor rules features` for the tests each feature takes)"
    if error["type"] == "missing":
        return "missing (required)"
    message = error["msg"]
    return message.removeprefix("Value error, ")


# any_of / none_of within each other: real rules nest two or three levels; validating
# and matching recurse once per level, so a limit keeps both far from Python's stack limit
MAX_WHEN_DEPTH = 32


def condition_depth(when: Any) -> int:
    """How deeply ``any_of``/``none_of`` lists nest in a ``when`` table (a table alone: 1).

    Walks with a stack of its own, not recursion: the table may be nested thousands deep."""
    deepest, stack = 0, [(when, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            deepest = max(deepest, depth)
            if depth > MAX_WHEN_DEPTH:
                break  # deep enough to refuse: the rest need not be walked
            stack.extend((item, depth + 1) for key in COMBINATORS
                         if isinstance(value.get(key), list) for item in value[key])
    return deepest


@dataclass
class _Draft:
    """A rule being assembled from files: its fields, and which file gave each one."""

    fields: dict[str, Any]
    given_by: dict[str, str]
    introduced_by: str
    first_position: int
    last_changed_by: str = ""


@dataclass
class _Loader:
    problems: list[Problem] = field(default_factory=list)
    drafts: dict[str, _Draft] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    applied: set[Path] = field(default_factory=set)
    name: str = ""
    description: str = ""

    def problem(self, file: str, message: str, **where: Any) -> None:
        found = Problem(file, message, **where)
        if found not in self.problems:  # a merged rule is re-checked after every file
            self.problems.append(found)

    # files and extends

    def apply_spec(self, spec: str | Path, *, relative_to: Path | None = None, chain: tuple[Path, ...] = ()
                   ) -> None:
        path = resolve_rules_path(spec, relative_to)
        resolved = path.resolve()
        if resolved in chain:
            cycle = " -> ".join(str(p) for p in (*chain, resolved))
            self.problem(display_path(path), f"extends itself in a cycle: {cycle}", field="extends")
            return
        where = f" (extended by {display_path(relative_to)})" if relative_to else ""
        try:
            data = tomllib.loads(read_limited(path, MAX_RULE_FILE_BYTES))
        except FileNotFoundError:
            self.problem(display_path(path), f"no such rule file{where}")
            return
        except UnreadableFile as error:
            self.problem(display_path(path), f"{error}{where}", field="extends" if relative_to else None)
            return
        except UnicodeDecodeError as error:
            self.problem(display_path(path), f"cannot read: {error}")
            return
        except tomllib.TOMLDecodeError as error:
            self.problems.append(_toml_problem(path, error))
            return
        except RecursionError:  # tomllib reads nested tables and arrays recursively
            self.problem(display_path(path), f"tables or arrays nested too deeply (a `when` may nest "
                                             f"{MAX_WHEN_DEPTH} levels)")
            return
        self.apply_file(path, data, chain=(*chain, resolved), file=display_path(path))

    def apply_file(self, path: Path, data: dict[str, Any], *, chain: tuple[Path, ...], file: str) -> None:
        if "rules" not in data and "extends" not in data:
            self.problem(file, "not a rule file: it has no [[rules]] and extends nothing")
            return
        for key in data:
            if key not in FILE_FIELDS:
                self.problem(file, f"unknown field {key!r}; a rule file has {', '.join(FILE_FIELDS)}", field=key)
        for key in ("name", "description", "extends"):
            if key in data and not isinstance(data[key], str):
                self.problem(file, "expected a string", field=key)
        if isinstance(data.get("extends"), str):
            base = resolve_rules_path(data["extends"], path)
            # a base already applied stays as it was: `--rules default --rules strict` applies default once,
            # and `--rules mine --rules strict` does not undo mine's changes by applying default again
            if base.resolve() not in self.applied:
                self.apply_spec(data["extends"], relative_to=path, chain=chain)
        self.files.append(file)
        self.applied.add(path.resolve())
        self.name = data["name"] if isinstance(data.get("name"), str) else path.stem
        if isinstance(data.get("description"), str):
            self.description = data["description"]
        entries = data.get("rules", [])
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            self.problem(file, "expected an array of tables: [[rules]]", field="rules")
            return
        seen: set[str] = set()
        for position, entry in enumerate(entries):
            rule_id = entry.get("id")
            if not isinstance(rule_id, str):
                self.problem(file, f"rule #{position + 1} has no id (a string)", field="id")
                continue
            if rule_id in seen:
                self.problem(file, "duplicate id in this file", rule_id=rule_id, field="id")
                continue
            seen.add(rule_id)
            self.apply_entry(file, rule_id, entry)
        for rule_id in seen & self.drafts.keys():  # an entry that was refused has no draft
            self.check(rule_id)

    # rules

    def apply_entry(self, file: str, rule_id: str, entry: dict[str, Any]) -> None:
        draft = self.drafts.get(rule_id)
        if draft is None:
            if entry.get("enabled") is False and set(entry) <= {"id", "enabled"}:
                self.problem(file, "cannot disable: no earlier rule file defines this rule "
                             "(give that file first, or `extends` it)", rule_id=rule_id, field="enabled")
                return
            missing = [name for name in REQUIRED_FIELDS if name not in entry]
            if missing and "scope" not in entry:
                self.problem(file, f"no earlier rule file defines this rule, and it lacks {', '.join(missing)}"
                             " (to override a rule, give the file that defines it first, or `extends` it)",
                             rule_id=rule_id)
                return
            self.drafts[rule_id] = _Draft(fields=dict(entry), given_by=dict.fromkeys(entry, file),
                                          introduced_by=file, first_position=len(self.drafts),
                                          last_changed_by=file)
            return
        draft.fields.update(entry)  # field by field; a table (when) replaces the earlier one whole
        draft.given_by.update(dict.fromkeys(entry, file))
        draft.last_changed_by = file

    def check(self, rule_id: str) -> None:
        draft = self.drafts[rule_id]
        scope = draft.fields.get("scope")
        if scope not in RULE_MODELS:
            file = draft.given_by.get("scope", draft.introduced_by)
            self.problem(file, f"scope must be \"sentence\" or \"article\", not {scope!r}"
                         if scope is not None else "missing (required)", rule_id=rule_id, field="scope")
            return
        if condition_depth(draft.fields.get("when")) > MAX_WHEN_DEPTH:
            self.problem(draft.given_by.get("when", draft.introduced_by),
                         f"nested more than {MAX_WHEN_DEPTH} levels deep (any_of, none_of)",
                         rule_id=rule_id, field="when")
            return
        try:
            RULE_MODELS[scope].model_validate(draft.fields)
        except ValidationError as error:
            for item in error.errors():
                loc = item["loc"]
                file = draft.given_by.get(loc[0], draft.introduced_by) if loc else draft.introduced_by
                self.problem(file, _explain(item, scope), rule_id=rule_id, field=_field_path(loc) or None)

    def result(self) -> RuleSet:
        if self.problems:
            raise ScoringConfigError(self.problems)
        ordered = sorted(self.drafts.items(), key=lambda item: item[1].first_position)
        rules = [RULE_MODELS[d.fields["scope"]].model_validate(d.fields) for _, d in ordered]
        return RuleSet(
            name=self.name, description=self.description, files=tuple(self.files),
            rules=tuple(r for r in rules if r.enabled),
            disabled=tuple(r.id for r in rules if not r.enabled),
            origins={rule_id: d.last_changed_by for rule_id, d in ordered},
        )


def load_rule_set(specs: Sequence[str | Path] = ()) -> RuleSet:
    """Rule files (paths or profile names) merged in order; the default profile when none is given.

    Raises :class:`ScoringConfigError` listing every problem found; then no
    rule set is returned at all.
    """
    loader = _Loader()
    for spec in specs or (DEFAULT_PROFILE,):
        loader.apply_spec(spec)
    return loader.result()


def check_rule_files(specs: Sequence[str | Path]) -> list[Problem]:
    """Every problem in the rule files taken together, in order; empty when they are fine."""
    try:
        load_rule_set(specs)
    except ScoringConfigError as error:
        return error.problems
    return []


def known_values() -> dict[str, tuple[str, ...]]:
    """The values each set-valued feature can take (for docs and ``rules features``)."""
    return {"source_kind": get_args(SourceKind), "mode": get_args(AttributionMode),
            "hedge_kind": get_args(HedgeKind), "hedge_level": HEDGE_LEVELS}
