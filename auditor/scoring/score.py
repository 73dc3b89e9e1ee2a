"""Apply a rule set to an audited article: rule hits per sentence, a 0-100 score.

The scale: an article starts at :data:`MAX_SCORE` and every rule hit takes
its rule's ``weight`` off (a negative weight gives points back).  A rule with
a ``cap`` takes at most that many points off one article in total.  The
result is clamped to 0..100.  Every point in the score is a row of the
breakdown: rule, hits, points, example sentences.
"""

from __future__ import annotations

from ..models import ArticleScore, AuditResult, RuleHit, ScoreBreakdownRow
from .features import SentenceFacts, article_facts, placeholder_values, sentence_facts
from .outlets import OutletTable
from .rules import Rule, RuleSet

MAX_SCORE = 100.0
MIN_SCORE = 0.0
EXAMPLES_PER_RULE = 3


def _capped(rule: Rule, points: float) -> float:
    if rule.cap is None or abs(points) <= rule.cap:
        return points
    return rule.cap if points > 0 else -rule.cap


def _row(rule: Rule, hits: list[RuleHit]) -> ScoreBreakdownRow:
    return ScoreBreakdownRow(
        rule_id=rule.id, description=rule.description, scope=rule.scope, count=len(hits),
        points=_capped(rule, sum(hit.points for hit in hits)),
        examples=tuple(hit.sentence for hit in hits if hit.sentence is not None)[:EXAMPLES_PER_RULE],
    )


def score_result(result: AuditResult, rule_set: RuleSet, outlets: OutletTable) -> AuditResult:
    """The result with ``rule_hits`` on each sentence and ``score`` set; earlier hits are replaced.

    An article no grammar analysed (``status`` "unsupported_language") gets no
    hits and no score: with no tags, every rule would read "nothing found".
    """
    if result.article.status != "analysed":
        return result.model_copy(update={"score": None}) if result.score is not None else result
    facts: list[SentenceFacts] = [sentence_facts(s, result.article, outlets) for s in result.sentences]
    hits_by_rule: dict[str, list[RuleHit]] = {rule.id: [] for rule in rule_set.rules}
    sentences = []
    for sentence, fact in zip(result.sentences, facts, strict=True):
        hits = []
        values = None
        for rule in rule_set.sentence_rules_matching(fact.features):
            values = values or placeholder_values(fact.features, fact.extras)
            hits.append(RuleHit(rule_id=rule.id, points=rule.weight, message=rule.render(values),
                                sentence=sentence.index))
        for hit in hits:
            hits_by_rule[hit.rule_id].append(hit)
        # most sentences hit no rule: keep them as they are rather than copy them
        sentences.append(sentence.model_copy(update={"rule_hits": tuple(hits)})
                         if hits or sentence.rule_hits else sentence)
    article = article_facts(result, facts, outlets)
    article_hits = []
    for rule in rule_set.of_scope("article"):
        if rule.when.matches(article.features):
            hit = RuleHit(rule_id=rule.id, points=rule.weight,
                          message=rule.render(placeholder_values(article.features, article.extras)))
            article_hits.append(hit)
            hits_by_rule[rule.id].append(hit)
    breakdown = tuple(_row(rule, hits_by_rule[rule.id]) for rule in rule_set.rules if hits_by_rule[rule.id])
    total = sum(row.points for row in breakdown)
    score = ArticleScore(
        value=round(min(MAX_SCORE, max(MIN_SCORE, MAX_SCORE - total)), 1),
        rule_set=rule_set.name, rule_set_hash=rule_set.content_hash, outlets_hash=outlets.content_hash,
        breakdown=breakdown, article_hits=tuple(article_hits),
    )
    return result.model_copy(update={"sentences": tuple(sentences), "score": score})
