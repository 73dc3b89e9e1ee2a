"""Scoring: configurable rules over the tagged features, outlet ratings, explained scores.

Pure functions over the models: no database, no CLI, no network.

    scoring = load_scoring(["strict"], outlet_files=["my-outlets.csv"])
    scored = scoring.score(result)      # AuditResult with rule_hits and score

Modules: :mod:`.rules` (rule language, loading, validation, merging),
:mod:`.features` (what rules test), :mod:`.outlets` (ratings and aliases),
:mod:`.score` (applying rules).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem, ScoringConfigError
from ..models import AuditResult
from .outlets import OutletTable, load_outlets
from .rules import RuleSet, load_rule_set
from .score import MAX_SCORE, score_result


@dataclass(frozen=True)
class Scoring:
    """A rule set and the outlet ratings it looks up: everything a score depends on."""

    rules: RuleSet
    outlets: OutletTable

    def score(self, result: AuditResult) -> AuditResult:
        return score_result(result, self.rules, self.outlets)


def load_scoring(rule_files: Sequence[str | Path] = (), outlet_files: Sequence[str | Path] = ()) -> Scoring:
    """Load and check rules (default profile when none given) and outlet ratings together.

    Problems of both kinds are reported in one :class:`ScoringConfigError`.
    """
    problems: list[Problem] = []
    rules = outlets = None
    try:
        rules = load_rule_set(rule_files)
    except ScoringConfigError as error:
        problems += error.problems
    try:
        outlets = load_outlets(outlet_files)
    except ScoringConfigError as error:
        problems += error.problems
    if problems:
        raise ScoringConfigError(problems)
    return Scoring(rules=rules, outlets=outlets)


__all__ = ["MAX_SCORE", "OutletTable", "RuleSet", "Scoring", "load_outlets", "load_rule_set", "load_scoring",
           "score_result"]
