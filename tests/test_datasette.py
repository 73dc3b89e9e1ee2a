"""The audit database in Datasette: metadata, canned queries, facets, highlighting, `auditor serve`.

Through Datasette's own test client, on a database written by the real
pipeline (the seed article and a hostile one, see conftest.py).
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import sqlite3
from pathlib import Path

import httpx
import pytest
import yaml
from click.testing import CliRunner
from markupsafe import escape

from auditor import browse
from auditor.browse import load_metadata, make_datasette, metadata_path
from auditor.cli import cli
from auditor.datasette_plugin import CSS_PATH

QUERIES = load_metadata()["databases"]["audit"]["queries"]
TABLES = load_metadata()["databases"]["audit"]["tables"]
SEED_FIRST_SOURCE = "hochrangigen Quellen der britischen Regierung"


def fetch(db_path, *paths: str) -> list[httpx.Response]:
    """GET each path from a fresh Datasette for ``db_path``, as `auditor serve` builds it."""

    async def get_all():
        datasette = make_datasette(db_path)
        return [await datasette.client.get(path) for path in paths]

    return asyncio.run(get_all())


def get(db_path, path: str) -> httpx.Response:
    response = fetch(db_path, path)[0]
    assert response.status_code == 200, (path, response.text[:2000])
    return response


def mark_texts(html: str) -> list[tuple[str, str]]:
    """(class, text) of each highlight inside a table cell (not the legend)."""
    cells = "".join(re.findall(r'<td class="col-[^"]*">(.*?)</td>', html, re.DOTALL))
    return re.findall(r'<mark class="([^"]*)" title="[^"]*">(.*?)</mark>', cells)


# --- metadata ---------------------------------------------------------------


def test_metadata_describes_the_database(audit_db):
    metadata = get(audit_db, "/-/metadata.json").json()
    assert metadata["title"] and metadata["license"] and metadata["source"]
    assert "Lin et al." in metadata["description_html"] and "Apache" in metadata["description_html"]
    page = get(audit_db, "/audit").text
    assert "News source audit" in page
    for name, query in QUERIES.items():
        assert str(escape(query["title"])) in page, name


def test_every_table_view_and_column_has_a_description(audit_db):
    conn = sqlite3.connect(f"file:{audit_db}?immutable=1", uri=True)
    names = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
        " AND name NOT LIKE 'sentences_fts_%' AND name NOT LIKE 'sqlite_%'")]
    for name in names:
        assert TABLES.get(name, {}).get("description"), f"{name}: no description in db/metadata.yaml"
        if name == "sentences_fts":
            continue
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({name})")]
        missing = set(columns) - set(TABLES[name].get("columns", {}))
        assert not missing, f"{name}: columns without a description: {sorted(missing)}"


def test_the_plain_datasette_command_reads_the_same_file():
    # `datasette -i audit.db -m db/metadata.yaml` uses the file as it is
    assert yaml.safe_load(metadata_path().read_text(encoding="utf-8")) == load_metadata("audit")
    renamed = load_metadata("demo")
    assert "demo" in renamed["databases"] and "audit" not in renamed["databases"]


def test_foreign_keys_show_labels(audit_db):
    rows = get(audit_db, "/audit/attributions.json?_labels=on&_shape=objects&source_kind=anonymous").json()["rows"]
    assert rows[0]["source_id"]["label"] == SEED_FIRST_SOURCE
    assert rows[0]["sentence_id"]["label"].startswith("Der französische Präsident")
    hostile = get(audit_db, "/audit/article_scores.json?_labels=on&_shape=objects&article_id=hostile").json()["rows"]
    assert hostile[0]["article_id"]["label"].startswith("<script>")  # JSON carries the raw title
    page = get(audit_db, "/audit/article_scores?article_id=hostile").text
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;Bridge" in page


def test_default_sort_orders(audit_db):
    assert get(audit_db, "/audit/source_counts.json").json()["human_description_en"] == "sorted by n_articles descending"
    assert get(audit_db, "/audit/articles.json").json()["human_description_en"] == "sorted by audited_at descending"
    ids = [row[0] for row in get(audit_db, "/audit/sentences.json").json()["rows"]]
    assert ids == sorted(ids)


# --- facets -----------------------------------------------------------------

CONFIGURED_FACETS = [
    (table, facet if isinstance(facet, str) else next(iter(facet.values())))
    for table, config in TABLES.items()
    for facet in config.get("facets", ())
]


@pytest.mark.parametrize(("table", "column"), CONFIGURED_FACETS)
def test_configured_facets_show(audit_db, table, column):
    facets = get(audit_db, f"/audit/{table}.json").json()["facet_results"]
    assert column in facets, sorted(facets)


@pytest.mark.parametrize(("table", "column", "value"), [
    ("sources", "kind", "anonymous"),
    ("sentences", "hedge_level", "high"),
    ("articles", "outlet", "<b>Evil</b> Times"),
    ("articles", "language", "de"),
    ("attributions", "source_kind", "vague"),
    ("sentence_audit", "source_kinds", "anonymous"),
])
def test_facets_count_the_values_the_issue_names(audit_db, table, column, value):
    facets = get(audit_db, f"/audit/{table}.json").json()["facet_results"]
    assert value in {result["value"] for result in facets[column]["results"]}


def test_rule_facet(audit_db):
    facets = get(audit_db, "/audit/rule_hits.json").json()["facet_results"]
    conn = sqlite3.connect(f"file:{audit_db}?immutable=1", uri=True)
    counts = dict(conn.execute("SELECT rule_id, count(*) FROM rule_hits GROUP BY rule_id"))
    # the seed's two anonymous sentences, the hostile article's "Police sources" ("officials" is vague)
    assert counts["anonymous-source"] >= 3
    assert {r["value"]: r["count"] for r in facets["rule_id"]["results"]} == counts


def test_facet_values_are_escaped(audit_db):
    page = get(audit_db, "/audit/articles").text
    assert "&lt;b&gt;Evil&lt;/b&gt; Times" in page and "<b>Evil</b>" not in page


# --- canned queries -----------------------------------------------------------

EXPECTED_QUERIES = {
    "article_audit", "unattributed_claims", "anonymous_or_vague_claims", "hedged_claims",
    "sources_by_articles", "outlets_by_anonymous_share", "rule_hits_by_rule", "search_sentences",
}
QUERY_ARGS = {"search_sentences": "?q=Ukraine", "hedged_claims": "?topic=", "article_audit": "?article_id="}


def query_rows(db_path, name: str, args: str = "") -> list[dict]:
    args = args or QUERY_ARGS.get(name, "")
    response = get(db_path, f"/audit/{name}.json{args}{'&' if args else '?'}_shape=objects")
    data = response.json()
    assert data.get("ok", True), data
    return data["rows"]


def test_the_issue_s_queries_are_all_there():
    assert EXPECTED_QUERIES <= set(QUERIES)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_canned_query_runs_and_its_page_renders(audit_db, name):
    assert query_rows(audit_db, name), f"{name} returned no rows on the seed database"
    page = get(audit_db, f"/audit/{name}{QUERY_ARGS.get(name, '')}").text
    assert str(escape(QUERIES[name]["title"])) in page


@pytest.fixture(scope="module")
def bulk_db(tmp_path_factory, seed_article, hostile_article) -> Path:
    """A database as `auditor bulk` writes it (workers' rows through the SQLite sink):
    every seed article, the hostile one, and a wire copy (two publications, one text)."""
    folder = tmp_path_factory.mktemp("bulk")
    wire = folder / "wire.jsonl"
    text = seed_article.read_text(encoding="utf-8")
    wire.write_text("".join(json.dumps({"id": f"wire-{n}", "text": text}) + "\n" for n in "ab"), encoding="utf-8")
    path = folder / "audit.db"
    result = CliRunner().invoke(cli, ["bulk", str(seed_article.parent), str(hostile_article), str(wire),
                                      "--db", str(path), "--jobs", "1", "--no-progress"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_canned_query_runs_on_a_database_bulk_made(bulk_db, name):
    # db/metadata.yaml keeps its SQL (Datasette runs it): it must fit what the bulk writer stores
    assert query_rows(bulk_db, name), f"{name} returned no rows on a bulk-made database"
    page = get(bulk_db, f"/audit/{name}{QUERY_ARGS.get(name, '')}").text
    assert str(escape(QUERIES[name]["title"])) in page


def test_article_audit_lists_the_article_in_reading_order(audit_db):
    seed = query_rows(audit_db, "article_audit", "?article_id=d3f4aa15a101153c")
    assert [row["idx"] for row in seed] == list(range(13))
    assert seed[0]["sources"] == f"{SEED_FIRST_SOURCE} (anonymous)"
    assert seed[0]["via"] == "Telegraph" and seed[0]["hedge_level"] == "high"
    hostile = query_rows(audit_db, "article_audit", "?article_id=hostile")
    assert [row["sentence_id"] for row in hostile] == sorted(row["sentence_id"] for row in hostile)
    assert len(hostile) == 3


def test_unattributed_claims(audit_db):
    rows = query_rows(audit_db, "unattributed_claims")
    assert {row["sentence"] for row in rows} >= {"The council approved the budget on Tuesday."}
    assert all("Europäische Beteiligung" not in row["sentence"] for row in rows)  # a heading is no claim


def test_anonymous_or_vague_claims(audit_db):
    rows = query_rows(audit_db, "anonymous_or_vague_claims")
    assert {row["source_kind"] for row in rows} == {"anonymous", "vague"}
    assert any(row["source"] == "Sicherheitsexperten" and row["via"] == "Reuters" for row in rows)


def test_hedged_claims_with_cues_and_topic(audit_db):
    rows = query_rows(audit_db, "hedged_claims")
    assert rows[0]["hedge_level"] == "high" and all(row["hedge_level"] != "none" for row in rows)
    assert any("bis zu (estimate)" in (row["hedge_cues"] or "") for row in rows)
    bridge = query_rows(audit_db, "hedged_claims", "?topic=bridge")
    assert [row["article_id"] for row in bridge] == ["hostile"]
    assert query_rows(audit_db, "hedged_claims", '?topic="unbalanced') == []  # quotes are escaped, not an error


def test_sources_by_articles_counts_relays(audit_db):
    rows = {row["source"]: row for row in query_rows(audit_db, "sources_by_articles")}
    assert rows["Telegraph"]["n_relayed"] == 1 and rows["Telegraph"]["n_articles"] == 1
    assert rows[SEED_FIRST_SOURCE]["n_cited"] == 1


def test_outlets_by_anonymous_share(audit_db):
    rows = query_rows(audit_db, "outlets_by_anonymous_share")
    # "Police sources said" is anonymous, "According to officials at …" vague
    assert rows[0] == {"outlet": "<b>Evil</b> Times", "n_articles": 1, "attributed_sentences": 2,
                       "anonymous_sentences": 1, "vague_sentences": 1, "anonymous_pct": 50.0,
                       "anonymous_or_vague_pct": 100.0}


def test_rule_hits_by_rule(audit_db):
    rows = {row["rule_id"]: row for row in query_rows(audit_db, "rule_hits_by_rule")}
    anonymous = rows["anonymous-source"]
    assert anonymous["articles"] == 2 and anonymous["hits"] >= 3 and anonymous["points"] > 0
    assert anonymous["description"] and anonymous["example_message"].startswith("anonymous source")
    hits = [row["hits"] for row in rows.values()]
    assert hits == sorted(hits, reverse=True)


def test_a_query_on_a_missing_table_explains_instead_of_failing(audit_db, tmp_path):
    old = tmp_path / "audit.db"
    shutil.copy(audit_db, old)
    with sqlite3.connect(old) as conn:  # as a database written before scoring existed
        conn.executescript("DROP VIEW rule_hit_details; DROP TABLE rule_hits;")
    conn.close()
    rows = query_rows(old, "rule_hits_by_rule")
    assert rows == [{"note": "This database has no rule_hits table yet: it was written by an older auditor."
                              " Audit the articles again to fill it."}]


def test_search(audit_db):
    rows = query_rows(audit_db, "search_sentences", "?q=Telegraph")
    assert len(rows) == 1 and SEED_FIRST_SOURCE in rows[0]["sentence"]
    table = get(audit_db, "/audit/sentences.json?_search=Reuters&_shape=objects").json()["rows"]
    assert [row["idx"] for row in table] == [10]


# --- highlighting -------------------------------------------------------------


def test_sentences_are_highlighted_in_the_table(audit_db):
    page = get(audit_db, "/audit/sentences?text_id=1").text  # the seed, audited first
    found = mark_texts(page)
    assert ("hl hl-source hl-uncheckable hl-kind-anonymous", SEED_FIRST_SOURCE) in found
    assert ("hl hl-cue", "laut") in found and ("hl hl-via", "The Telegraph") in found
    assert ("hl hl-hedge", "sollen") in found and ("hl hl-hedge", "haben") in found
    assert 'class="hl-legend"' in page
    assert CSS_PATH in page


@pytest.mark.parametrize("path", [
    "/audit/sentences?_search=suspect",
    "/audit/sentences/14",
    "/audit/sentence_audit?article_id=hostile",
    "/audit/article_audit?article_id=hostile",
    "/audit/search_sentences?q=suspect",
    "/audit/sentences?_search=officials",
    "/audit/attribution_details?article_id=hostile",  # found by article_id and sentence_idx
    "/audit/rule_hit_details?article_id=hostile",
])
def test_hostile_text_is_shown_as_text(audit_db, path):
    page = get(audit_db, path).text
    assert "window.__auditor_pwned" in page
    assert not re.search(r"<script>document|<img src=x|onerror=\"document", page)
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;" in page or "&lt;img src=x onerror=" in page
    found = mark_texts(page)
    assert found and all("<" not in text for _, text in found)
    assert 'class="hl-legend"' in page


def test_highlights_count_code_points(audit_db):
    # the hostile article starts with an emoji (two UTF-16 units, one code point)
    page = get(audit_db, "/audit/sentences/14").text
    assert ("hl hl-source hl-uncheckable hl-kind-anonymous", "Police sources") in mark_texts(page)


def test_other_pages_have_no_legend(audit_db):
    assert 'class="hl-legend"' not in get(audit_db, "/audit/sources").text


def test_a_query_naming_its_sentence_by_article_and_index_is_highlighted(audit_db):
    # sentences belong to texts now; an article id and a sentence index still find the spans
    sql = "select+article_id,+sentence_idx,+sentence+from+attribution_details+where+article_id='hostile'"
    page = get(audit_db, f"/audit?sql={sql}").text
    assert ("hl hl-source hl-uncheckable hl-kind-anonymous", "Police sources") in mark_texts(page)


def test_a_query_that_changes_the_text_is_not_highlighted(audit_db):
    page = get(audit_db, "/audit?sql=select+id+as+sentence_id,+upper(text)+as+sentence+from+sentences").text
    assert "<mark" not in page.split('<table class="rows-and-columns">')[1]


def test_the_highlight_css_is_served(audit_db):
    response = get(audit_db, CSS_PATH)
    assert response.headers["content-type"].startswith("text/css")
    assert "mark.hl-source" in response.text


# --- auditor serve --------------------------------------------------------------


def test_serve_builds_a_read_only_datasette_and_prints_its_url(audit_db, tmp_path, monkeypatch):
    demo = tmp_path / "demo.db"
    shutil.copy(audit_db, demo)
    started = {}
    monkeypatch.setattr(browse, "run", lambda datasette, port: started.update(datasette=datasette, port=port))
    result = CliRunner().invoke(cli, ["serve", "--db", str(demo), "--port", "8123"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:8123/demo" in result.output
    datasette = started["datasette"]
    assert started["port"] == 8123
    database = datasette.get_database("demo")
    assert database.is_mutable is True  # read with mode=ro: a writer's commits show
    assert datasette.metadata("title", database="demo") == "News source audit"
    assert "article_audit" in datasette.metadata("queries", database="demo")
    assert "auditor" in {plugin["name"] for plugin in fetch(demo, "/-/plugins.json")[0].json()}




def test_serve_needs_an_existing_database(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code != 0 and "does not exist" in result.output
