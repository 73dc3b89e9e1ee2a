"""Score stored articles again with other rules, without analysing their text again.

Loads each article's stored analysis (``store.sqlite.read.load_result``), scores it with
the given rules and outlet ratings, and writes a new run in one transaction:
all articles or none.  Earlier runs stay for comparison.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlite_utils
from pydantic import BaseModel

from .errors import AuditorError
from .scoring import Scoring
from .store.sqlite.read import latest_scores, load_result, stored_article_ids
from .store.sqlite.runs import save_run


class RescoredArticle(BaseModel):
    article_id: str
    title: str | None
    before: float | None  # latest score before this run; None when never scored
    before_rule_set: str | None
    after: float


class RescoreReport(BaseModel):
    run_id: int
    rule_set: str
    rule_set_hash: str
    articles: list[RescoredArticle]

    @property
    def changed(self) -> list[RescoredArticle]:
        return [a for a in self.articles if a.before != a.after]


def rescore(db: sqlite_utils.Database, scoring: Scoring, article_ids: Sequence[str] = (), *,
            origin: str = "database") -> RescoreReport:
    """Score the given stored articles (all when none given) as a new run; returns what changed.

    Every article is loaded and scored before anything is written, so an
    unknown id or a failure leaves the database as it was.
    """
    ids = list(article_ids) or stored_article_ids(db)
    previous = latest_scores(db)
    results = []
    for article_id in ids:
        stored = load_result(db, article_id)
        if stored is None:
            raise AuditorError(origin, f"no stored article with id {article_id!r}")
        if stored.article.status == "analysed":  # an unsupported language is never scored
            results.append(scoring.score(stored))
    run_id = save_run(db, scoring.rules, results, kind="rescore", outlets_hash=scoring.outlets.content_hash)
    rows = []
    for result in results:
        before = previous.get(result.article.id)
        rows.append(RescoredArticle(
            article_id=result.article.id, title=result.article.title,
            before=before[1] if before else None, before_rule_set=before[2] if before else None,
            after=result.score.value,
        ))
    return RescoreReport(run_id=run_id, rule_set=scoring.rules.name, rule_set_hash=scoring.rules.content_hash,
                         articles=rows)
