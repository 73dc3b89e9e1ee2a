"""`auditor audit --format html`: one self-contained, escaped page."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from auditor.cli import cli
from auditor.report.html import render_html


def audit_json(*inputs: str) -> list[dict]:
    result = CliRunner().invoke(cli, ["audit", *inputs, "--no-db", "--format", "jsonl"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def seed_data(seed_article) -> dict:
    return audit_json(str(seed_article))[0]


@pytest.fixture(scope="module")
def hostile_data(hostile_article) -> dict:
    return audit_json(str(hostile_article))[0]


def marks(page: str) -> list[tuple[str, str]]:
    """(class, text) of every highlight in the article body (not the legend)."""
    body = page[page.index('<div class="sentence'):]
    return re.findall(r'<mark class="([^"]*)" title="[^"]*">(.*?)</mark>', body)


def test_the_cli_writes_one_page(seed_article, hostile_article):
    result = CliRunner().invoke(cli, ["audit", str(seed_article), "--no-db", "--format", "html"])
    assert result.exit_code == 0, result.output
    page = result.stdout
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    assert page.count("<html") == 1
    again = CliRunner().invoke(cli, ["audit", str(seed_article), str(hostile_article), "--no-db", "--format", "html"])
    assert again.exit_code != 0 and "prints one article" in again.output


def test_the_seed_is_highlighted(seed_data):
    page = render_html(seed_data)
    found = marks(page)
    assert ("hl hl-cue", "laut") in found
    assert ("hl hl-source hl-uncheckable hl-kind-anonymous", "hochrangigen Quellen der britischen Regierung") in found
    assert ("hl hl-via", "The Telegraph") in found
    assert ("hl hl-hedge", "sollen") in found and ("hl hl-hedge", "haben") in found  # a split hedge, piece by piece
    assert 'class="hl-legend"' in page
    # every sentence is there, in order, as escaped text
    plain = re.sub(r"<[^>]+>", "", page)
    positions = [plain.index(s["text"].replace('"', "&quot;")[:40]) for s in seed_data["sentences"]]
    assert positions == sorted(positions)


def test_summary_and_sources_are_listed(seed_data):
    page = render_html(seed_data)
    assert '<section id="summary">' in page and '<section id="sources">' in page
    for source in seed_data["summary"]["sources"]:
        assert f"<td>{source['name']}</td><td>{source['kind']}</td>" in page


def test_the_page_is_self_contained_and_fits_a_phone(seed_data):
    page = render_html(seed_data)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "default-src 'none'" in page  # Content-Security-Policy: nothing loads, no script runs
    assert not re.search(r"<(script|link|img|iframe|object)\b", page, re.IGNORECASE)
    assert not re.search(r"(src|href)=\"(https?:)?//", page) and "@import" not in page and "url(" not in page


def test_article_text_and_metadata_are_escaped(hostile_data):
    page = render_html(hostile_data)
    assert not re.search(r"<(script|img)\b", page, re.IGNORECASE)
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;" in page
    assert "&quot;&gt;&lt;img src=x onerror=&quot;" in page
    assert "<title>Audit: &lt;script&gt;" in page
    assert "&lt;b&gt;Evil&lt;/b&gt; Times" in page
    assert 'href="javascript:' not in page  # a non-http URL stays text
    assert ("hl hl-source hl-uncheckable hl-kind-anonymous", "Police sources") in marks(page)


def test_the_score_breakdown_is_shown(seed_data):
    score = seed_data["article"]["score"]
    page = render_html(seed_data)
    assert f'<span class="score-total">{score["value"]:g} / 100</span>' in page
    for row in score["breakdown"]:
        assert f"<b>{row['rule']}</b>" in page
    first = score["breakdown"][0]["examples"][0]["index"]
    assert f'href="#s{first}"' in page and f'id="s{first}"' in page  # the breakdown links to its sentences
    hit = next(h for s in seed_data["sentences"] for h in s["rule_hits"])
    assert f"[{hit['rule']}]" in page


def test_a_missing_score_is_left_out_and_hits_are_escaped(seed_data):
    data = json.loads(json.dumps(seed_data))
    data["article"]["score"] = None
    for sentence in data["sentences"]:
        sentence["rule_hits"] = []
    page = render_html(data)
    assert 'id="score"' not in page and '<ul class="rule-hits">' not in page
    data["article"].pop("score")
    assert 'id="score"' not in render_html(data)
    data["sentences"][0]["rule_hits"] = [{"rule": "<r>", "points": 5.0, "message": "rests on <i>sources</i>"}]
    data["article"]["score"] = {"value": 95, "breakdown": [], "article_hits": [{"rule": "x", "points": -2, "message": "<b>"}]}
    page = render_html(data)
    assert "<li><b>−5</b> rests on &lt;i&gt;sources&lt;/i&gt; <span class=\"meta\">[&lt;r&gt;]</span></li>" in page
    assert "<b>+2</b> &lt;b&gt;" in page and '<span class="score-total">95 / 100</span>' in page
