"""auditor.scoring: condition language, features, merging rule files, validation, scores, outlets.

Results are built by hand from sentences written here (so the tests do not
move with the tagger); a few tests run the whole pipeline on the seed article
and check only what holds whatever the tagger finds.
"""

from __future__ import annotations

import csv
import math
import subprocess
import sys
from pathlib import Path

import pytest
from scoring_fixtures import BASE, PERSON, ArticleBuilder, sample

from auditor.errors import ScoringConfigError
from auditor.pipeline import analyse_text
from auditor.scoring import load_scoring
from auditor.scoring.features import article_facts, has_number, sentence_facts
from auditor.scoring.outlets import load_outlets
from auditor.scoring.rules import (
    ArticleCondition,
    SentenceCondition,
    check_rule_files,
    load_rule_set,
)
from auditor.scoring.score import score_result

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "telegraph-peacekeepers-de.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="module")
def outlets():
    return load_outlets()


@pytest.fixture(scope="module")
def facts(outlets):
    result = sample()
    return [sentence_facts(s, result.article, outlets) for s in result.sentences]


def rule_file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- features -------------------------------------------------------------------


@pytest.mark.parametrize("text, language, expected", [
    ("Eine Truppe von 40.000 Soldaten.", "de", True),
    ("Experts say up to 100,000 troops are needed.", "en", True),
    ("Soldaten aus fünf bis acht Ländern.", "de", True),
    ("Der Pegel stieg auf 7,40 Meter.", "de", True),
    ("2.3 million people voted.", "en", True),
    ("Dutzende Menschen protestierten.", "de", True),
    ("Das wurde im Februar 2024 vorgeschlagen.", "de", False),  # a year
    ("Der Rat tagt am 14. März.", "de", False),  # a date
    ("Officials met on March 14, the ministry said.", "en", False),
    ("Die Sitzung beginnt um 14.30 Uhr.", "de", False),  # a clock time
    ("Der Minister trat zurück.", "de", False),
])
def test_has_number(text, language, expected):
    assert has_number(text, language) is expected


def test_sentence_features(facts):
    anon, vague, heading, number, person, quote, outlet = (f.features for f in facts)
    assert anon.source_kind == {"anonymous"} and anon.hedge_level == "high" and anon.mode == {"according_to"}
    assert vague.via_length == 1 and vague.n_sources == 1 and vague.has_number
    assert vague.cites_outlet and vague.cited_outlet_rating == 1.0 and not vague.cites_unrated_outlet  # Reuters
    assert heading.is_heading and not heading.attributed
    assert not number.attributed and number.has_number and number.hedge_kind == {"epistemic"}
    assert person.n_sources == 1 and not person.direct_quote and not person.cites_outlet
    assert quote.direct_quote
    assert outlet.cites_outlet and outlet.cites_unrated_outlet and outlet.cited_outlet_rating is None


def test_article_features(facts, outlets):
    features = article_facts(sample(), facts, outlets).features
    assert features.claims == 6  # the heading is not a claim
    assert features.unattributed == 1 and features.share_unattributed == pytest.approx(1 / 6)
    assert features.anonymous == 1 and features.vague == 1
    assert features.numbers == 2 and features.unattributed_numbers == 1
    # named: Reuters (relay), Trump, Selenskyj, Intelligence Online
    assert features.named_sources == 4
    assert features.share_top_source == pytest.approx(1 / 6)
    assert features.share_single_source == pytest.approx(5 / 6)
    assert features.lowest_cited_outlet_rating == 1.0 and features.unrated_outlets == 1
    assert features.publisher_rating is None  # no outlet given: unrated, not 0


def test_publisher_rating_by_domain_and_by_name(outlets):
    by_domain = ArticleBuilder().add(PERSON, sources=[("Trump", "person")]).build(domain="www.bild.de")
    by_name = ArticleBuilder().add(PERSON, sources=[("Trump", "person")]).build(outlet="Der Spiegel")
    for result, rating in ((by_domain, 0.648), (by_name, 0.817)):
        facts = [sentence_facts(s, result.article, outlets) for s in result.sentences]
        assert article_facts(result, facts, outlets).features.publisher_rating == rating


# --- the condition language ------------------------------------------------------


def matches(when: dict, facts, condition=SentenceCondition) -> list[int]:
    parsed = condition.model_validate(when)
    return [f.index for f in facts if parsed.matches(f.features)]


@pytest.mark.parametrize("when, expected", [
    ({"source_kind": ["anonymous"]}, [0]),
    ({"source_kind": "vague"}, [1]),
    ({"source_kind": ["anonymous", "vague"]}, [0, 1]),
    ({"source_kind": {"any": ["person"], "none": ["anonymous"]}}, [4, 5]),
    ({"source_kind": {"all": ["outlet"]}}, [6]),
    ({"attributed": False}, [2, 3]),
    ({"attributed": False, "is_heading": False}, [3]),
    ({"n_sources": 1}, [0, 1, 4, 5, 6]),
    ({"n_sources": {"at_least": 1, "below": 2}}, [0, 1, 4, 5, 6]),
    ({"via_length": {"above": 0}}, [1]),
    ({"hedge_level": "high"}, [0]),
    ({"hedge_level": ["low", "medium"]}, [1, 3]),
    ({"hedge_level": {"at_least": "medium"}}, [0, 1, 3]),
    ({"hedge_level": {"below": "medium"}}, [2, 4, 5, 6]),
    ({"hedge_kind": ["estimate"]}, [1]),
    ({"has_number": True, "attributed": False}, [3]),
    ({"direct_quote": True}, [5]),
    ({"mode": ["reported", "according_to"]}, [0, 6]),
    ({"cited_outlet_rating": {"above": 0.9}}, [1]),
    ({"cited_outlet_rating": {"below": 0.5}}, []),  # unrated never matches a number test
    ({"cites_unrated_outlet": True}, [6]),
    ({"any_of": [{"source_kind": ["anonymous"]}, {"direct_quote": True}]}, [0, 5]),
    ({"attributed": True, "none_of": [{"source_kind": ["person"]}, {"cites_outlet": True}]}, [0]),
    ({}, [0, 1, 2, 3, 4, 5, 6]),
])
def test_sentence_conditions(when, expected, facts):
    assert matches(when, facts) == expected


def test_article_conditions(facts, outlets):
    features = article_facts(sample(), facts, outlets).features
    assert ArticleCondition.model_validate({"share_unattributed": {"above": 0.1, "below": 0.2}}).matches(features)
    assert not ArticleCondition.model_validate({"share_unattributed": {"above": 0.5}}).matches(features)
    assert ArticleCondition.model_validate({"named_sources": 4, "claims": {"at_least": 6}}).matches(features)
    assert not ArticleCondition.model_validate({"publisher_rating": {"below": 1}}).matches(features)  # unrated


def test_condition_fields_are_the_features():
    """Every feature can be tested, and nothing else can (but the combinators)."""
    from auditor.scoring.features import ArticleFeatures, SentenceFeatures

    for condition, features in ((SentenceCondition, SentenceFeatures), (ArticleCondition, ArticleFeatures)):
        assert set(condition.model_fields) - {"any_of", "none_of"} == set(features.model_fields)


def test_condition_text():
    parsed = SentenceCondition.model_validate({"attributed": False, "hedge_level": {"at_least": "medium"},
                                               "source_kind": ["anonymous"]})
    assert parsed.text() == "attributed = false, source_kind any of [anonymous], hedge_level >= medium"


# --- rule files: loading, overriding, disabling ------------------------------------


def test_later_file_overrides_field_by_field_and_disables(tmp_path):
    base = rule_file(tmp_path, "base.toml", BASE)
    override = rule_file(tmp_path, "mine.toml", """
name = "mine"
[[rules]]
id = "anon"
weight = 8            # only the weight changes; when, cap and message stay

[[rules]]
id = "number"
enabled = false

[[rules]]
id = "quote"
description = "direct quote"
scope = "sentence"
when = { direct_quote = true }
weight = -1           # a bonus
""")
    rule_set = load_rule_set([base, override])
    assert rule_set.name == "mine"
    assert [r.id for r in rule_set.rules] == ["anon", "unattributed-share", "quote"]
    assert rule_set.disabled == ("number",)
    anon = rule_set.rules[0]
    assert (anon.weight, anon.cap, anon.message) == (8, 20, "anonymous: {source}")
    assert rule_set.origins["anon"].endswith("mine.toml")
    assert rule_set.origins["unattributed-share"].endswith("base.toml")
    assert load_rule_set([base]).content_hash != rule_set.content_hash


def test_a_table_replaces_the_earlier_one_whole(tmp_path):
    base = rule_file(tmp_path, "base.toml", BASE)
    override = rule_file(tmp_path, "o.toml", '[[rules]]\nid = "anon"\nwhen = { hedge_level = "high" }\n')
    anon = load_rule_set([base, override]).rules[0]
    assert anon.when.model_fields_set == {"hedge_level"}


def test_extends_and_reenabling(tmp_path):
    rule_file(tmp_path, "base.toml", BASE)
    off = rule_file(tmp_path, "off.toml", 'extends = "base.toml"\n[[rules]]\nid = "anon"\nenabled = false\n')
    on = rule_file(tmp_path, "on.toml", '[[rules]]\nid = "anon"\nenabled = true\n')
    assert "anon" in load_rule_set([off]).disabled
    assert "anon" in [r.id for r in load_rule_set([off, on]).rules]


def test_shipped_profiles():
    default, strict, numbers = (load_rule_set([name]) for name in ("default", "strict", "numbers"))
    ids = {r.id for r in default.rules}
    assert ids <= {r.id for r in strict.rules}
    assert strict.files[0].endswith("default.toml")  # strict extends default
    assert [r.id for r in numbers.rules] == ["unattributed-number"] and len(numbers.disabled) == len(ids) - 1
    weights = {r.id: r.weight for r in strict.rules}
    assert weights["anonymous-source"] > {r.id: r.weight for r in default.rules}["anonymous-source"]
    assert load_rule_set([]).content_hash == default.content_hash  # no file: the default profile
    assert load_rule_set(["default", "strict"]).content_hash == strict.content_hash  # default applied once


def test_extends_cycle_is_an_error(tmp_path):
    rule_file(tmp_path, "a.toml", 'extends = "b.toml"\n[[rules]]\nid="x"\nenabled=false\n')
    rule_file(tmp_path, "b.toml", 'extends = "a.toml"\nrules = []\n')
    problems = check_rule_files([tmp_path / "a.toml"])
    assert any("cycle" in p.message for p in problems)


# --- validation: every problem, with its location ----------------------------------


def problems_of(tmp_path: Path, text: str, *before: str) -> list[str]:
    files = [rule_file(tmp_path, f"before{i}.toml", t) for i, t in enumerate(before)]
    files.append(rule_file(tmp_path, "bad.toml", text))
    return [str(p) for p in check_rule_files(files)]


def one_rule(**fields: str) -> str:
    rule = {"id": '"r"', "description": '"d"', "scope": '"sentence"', "when": "{ attributed = false }",
            "weight": "1"}
    rule.update(fields)
    return "[[rules]]\n" + "".join(f"{k} = {v}\n" for k, v in rule.items() if v is not None)


@pytest.mark.parametrize("text, expected", [
    ("[[rules]\nid = 1", "bad.toml:1: invalid TOML"),
    (one_rule(colour='"red"'), "bad.toml: rule 'r': colour: unknown field 'colour'"),
    (one_rule(weight='"5"'), "bad.toml: rule 'r': weight: Input should be a valid number"),
    (one_rule(weight="true"), "bad.toml: rule 'r': weight: Input should be a valid number"),
    (one_rule(weight="nan"), "bad.toml: rule 'r': weight: Input should be a finite number"),
    (one_rule(weight=None), "bad.toml: rule 'r': weight: missing (required)"),
    (one_rule(when="{ loudness = 3 }"), "bad.toml: rule 'r': when.loudness: unknown feature 'loudness'"),
    (one_rule(when="{ share_unattributed = { above = 0.5 } }"),
     "when.share_unattributed: 'share_unattributed' is an article feature; this rule's scope is sentence"),
    (one_rule(when='{ source_kind = ["anonymus"] }'), "bad.toml: rule 'r': when.source_kind.any[0]: Input should be"),
    (one_rule(when='{ hedge_level = { at_least = "very" } }'), "when.hedge_level.at_least: Input should be"),
    (one_rule(when='{ n_sources = "two" }'), "when.n_sources: expected a number or a table"),
    (one_rule(when="{ n_sources = { about = 2 } }"), "when.n_sources.about: unknown key 'about'"),
    (one_rule(when="{ attributed = 0 }"), "when.attributed: Input should be a valid boolean"),
    (one_rule(scope='"paragraph"'), "bad.toml: rule 'r': scope: scope must be \"sentence\" or \"article\""),
    (one_rule(id='"Bad Id"'), "bad.toml: rule 'Bad Id': id: String should match pattern"),
    (one_rule(message='"{source.__class__}"'), "message: {source.__class__}: attribute and index access"),
    (one_rule(message='"{sources[0]}"'), "message: {sources[0]}: attribute and index access"),
    (one_rule(message='"{nonsense}"'), "message: unknown placeholder {nonsense}"),
    (one_rule(message='"{}"'), "message: positional placeholders"),
    (one_rule(message='"{source:>99999}"'), "format spec not allowed"),
    (one_rule(message='"{source"'), "message: expected '}'"),
    (one_rule(cap="-1"), "cap: Input should be greater than 0"),
    (one_rule() + one_rule(), "bad.toml: rule 'r': id: duplicate id in this file"),
    ('[[rules]]\nid = "anonymous-source"\nweight = 8\n', "no earlier rule file defines this rule"),
    ('[[rules]]\nid = "ghost"\nenabled = false\n', "bad.toml: rule 'ghost': enabled: cannot disable"),
    ('rules = 3\n', "bad.toml: rules: expected an array of tables"),
    ('nmae = "x"\nrules = []\n', "bad.toml: nmae: unknown field 'nmae'"),
    ('extends = "nowhere.toml"\nrules = []\n', "nowhere.toml: no such rule file (extended by"),
])
def test_validation_problem_and_location(tmp_path, text, expected):
    problems = problems_of(tmp_path, text)
    assert any(expected in p for p in problems), problems


def test_problems_in_an_override_point_at_the_override_file(tmp_path):
    problems = problems_of(tmp_path, '[[rules]]\nid = "anon"\nweight = "heavy"\n', BASE)
    assert problems == [f"{tmp_path / 'bad.toml'}: rule 'anon': weight: Input should be a valid number"]


def test_all_problems_are_reported_together_and_nothing_is_loaded(tmp_path):
    text = one_rule(weight='"5"', when="{ loudness = 1 }") + one_rule(id='"s"', message='"{x.y}"')
    path = rule_file(tmp_path, "bad.toml", text)
    with pytest.raises(ScoringConfigError) as caught:
        load_rule_set([path])
    fields = {(p.rule_id, p.field) for p in caught.value.problems}
    assert {("r", "weight"), ("r", "when.loudness"), ("s", "message")} <= fields


# --- scores ---------------------------------------------------------------------------


def test_score_breakdown_and_hits(tmp_path, outlets):
    rule_set = load_rule_set([rule_file(tmp_path, "base.toml", BASE)])
    scored = score_result(sample(), rule_set, outlets)
    assert [h.rule_id for h in scored.sentences[0].rule_hits] == ["anon"]
    assert scored.sentences[0].rule_hits[0].message == "anonymous: Quellen"
    assert [h.rule_id for h in scored.sentences[3].rule_hits] == ["number"]
    rows = {row.rule_id: row for row in scored.score.breakdown}
    assert (rows["anon"].count, rows["anon"].points, rows["anon"].examples) == (1, 5, (0,))
    assert (rows["number"].count, rows["number"].points, rows["number"].examples) == (1, 4, (3,))
    assert rows["unattributed-share"].scope == "article" and rows["unattributed-share"].examples == ()
    assert scored.score.article_hits[0].message == "17% unattributed"
    assert scored.score.value == 100 - 5 - 4 - 10
    assert scored.score.rule_set == "base" and scored.score.rule_set_hash == rule_set.content_hash


def test_cap_bonus_and_clamp(tmp_path, outlets):
    text = """
[[rules]]
id = "claim"
description = "every claim"
scope = "sentence"
when = { is_heading = false }
weight = 30
cap = 45
[[rules]]
id = "quote"
description = "direct quote"
scope = "sentence"
when = { direct_quote = true }
weight = -2
"""
    scored = score_result(sample(), load_rule_set([rule_file(tmp_path, "r.toml", text)]), outlets)
    rows = {row.rule_id: row for row in scored.score.breakdown}
    assert rows["claim"].count == 6 and rows["claim"].points == 45  # 6 x 30, capped
    assert rows["quote"].points == -2
    assert scored.score.value == 100 - 45 + 2
    harsh = text.replace("cap = 45\n", "")
    assert score_result(sample(), load_rule_set([rule_file(tmp_path, "h.toml", harsh)]), outlets).score.value == 0


def test_unrated_placeholder_falls_back_to_text(tmp_path, outlets):
    text = one_rule(when="{ cites_outlet = true }", message='"{cited_outlet_rating:.2f} {outlets}"')
    scored = score_result(sample(), load_rule_set([rule_file(tmp_path, "r.toml", text)]), outlets)
    messages = [h.message for s in scored.sentences for h in s.rule_hits]
    assert messages == ["1.00 Reuters (1.00)", "unrated Intelligence Online (unrated)"]


def test_rescoring_replaces_earlier_hits(tmp_path, outlets):
    first = load_rule_set([rule_file(tmp_path, "base.toml", BASE)])
    second = load_rule_set(["numbers"])
    twice = score_result(score_result(sample(), first, outlets), second, outlets)
    assert {h.rule_id for s in twice.sentences for h in s.rule_hits} == {"unattributed-number"}


def test_matching_sentence_rules_are_remembered_per_features_and_stay_right(monkeypatch, outlets):
    """The per-features memory of which rules match gives what testing every rule gives, and stays bounded."""
    from auditor.scoring import rules as rules_module

    monkeypatch.setattr(rules_module, "_MATCHING_CACHE_SIZE", 3)
    rule_set = load_rule_set(["strict"])
    result = analyse_text(SEED.read_text(encoding="utf-8"), "de")
    facts = [sentence_facts(s, result.article, outlets) for s in result.sentences]
    assert len({f.features for f in facts}) > 3  # the cache is cleared on the way
    for fact in facts * 2:
        expected = tuple(r for r in rule_set.of_scope("sentence") if r.when.matches(fact.features))
        assert rule_set.sentence_rules_matching(fact.features) == expected
        assert len(rule_set._matching_sentence_rules) <= 3
    assert any(rule_set.sentence_rules_matching(f.features) for f in facts)  # some sentence hits a rule


def test_seed_article_scores_add_up():
    """Whatever the tagger finds: the breakdown explains every point, strict is not kinder than default."""
    text = SEED.read_text(encoding="utf-8")
    values = {}
    for profile in ("default", "strict"):
        result = analyse_text(text, "de", scoring=load_scoring([profile]))
        score = result.score
        assert 0 <= score.value <= 100
        assert score.value == max(0, 100 - sum(row.points for row in score.breakdown))
        sentence_hits = [h for s in result.sentences for h in s.rule_hits]
        for row in score.breakdown:
            if row.scope == "sentence":
                assert row.count == sum(1 for h in sentence_hits if h.rule_id == row.rule_id)
        values[profile] = score.value
    assert values["strict"] <= values["default"] < 100


def _readme_worked_example() -> dict[str, dict[str, float]]:
    """The README's table "the seed article under both profiles": rule -> profile -> points taken off."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("**The worked example**", 1)[1].split("\n\n", 2)[1]
    points: dict[str, dict[str, float]] = {"default": {}, "strict": {}}
    for line in table.splitlines()[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        rule = cells[0].strip("*").split(" (")[0]
        for profile, cell in zip(("default", "strict"), cells[1:3]):
            if cell:
                points[profile][rule] = float(cell.strip("*").replace("−", ""))
    return points


def test_readme_worked_example_is_what_the_auditor_says():
    """The README documents the seed's score breakdown under both profiles; keep it true."""
    documented = _readme_worked_example()
    text = SEED.read_text(encoding="utf-8")
    for profile in ("default", "strict"):
        score = analyse_text(text, "de", scoring=load_scoring([profile])).score
        expected = dict(documented[profile])
        assert score.value == expected.pop("score")
        assert {row.rule_id: row.points for row in score.breakdown} == expected


def test_pipeline_without_rules_does_not_score():
    assert analyse_text("Der Minister sagte, alles sei gut.", "de").score is None


# --- outlets -------------------------------------------------------------------------


@pytest.mark.parametrize("name, domain, rating", [
    ("Reuters", "reuters.com", 1.0),
    ("The Telegraph", "telegraph.co.uk", 0.612),
    ("Telegraph", "telegraph.co.uk", 0.612),
    ("dpa", "dpa.com", 0.746),
    ("AFP", "afp.com", 0.955),
    ("AP", "apnews.com", 0.998),
    ("Der Spiegel", "spiegel.de", 0.817),
    ("Bild", "bild.de", 0.648),
    ("BBC", "bbc.co.uk", 0.718),
    ("Intelligence Online", "intelligenceonline.com", None),  # known name, no rating: unrated
    ("bild.de", "bild.de", 0.648),  # cited by its domain
    ("Kleinstadtbote", None, None),  # unknown: unrated, never 0
])
def test_outlet_lookup(outlets, name, domain, rating):
    found = outlets.lookup(name)
    assert (found.domain, found.rating) == (domain, rating)
    assert found.rated is (rating is not None)
    if rating is not None:
        assert found.provenance == "lin2023:pc1"


def test_rating_lookup_by_url_and_subdomain(outlets):
    assert outlets.rating_for("https://www.reuters.com/world/some-story").domain == "reuters.com"
    assert outlets.rating_for("news.bbc.co.uk").domain == "bbc.co.uk"
    assert outlets.rating_for("https://www.theguardian.com/observer/x").domain == "theguardian.com/observer"
    assert outlets.rating_for("example.invalid") is None


def test_idiap_fills_in_where_lin_has_none(outlets):
    rows = [row for row in outlets.rows.values() if row[2].startswith("idiap:")]
    assert rows and all(row[1] in {"reliable", "mixed", "unreliable", "very unreliable"} for row in rows)
    assert all(row[0] is not None and 0 <= row[0] <= 1 for row in outlets.rows.values())


def test_user_outlet_file_adds_and_overrides(tmp_path):
    mine = rule_file(tmp_path, "mine.csv", """# our desk's ratings
domain,rating,label,provenance,aliases
intelligenceonline.com,0.7,trusted,desk 2024,
kleinstadtbote.de,0.4,,,"Kleinstadtbote|Der Kleinstadtbote"
reuters.com,,,desk 2024,
""")
    table = load_outlets([mine])
    assert table.lookup("Intelligence Online").rating == 0.7
    assert table.lookup("Der Kleinstadtbote").domain == "kleinstadtbote.de"
    assert table.lookup("Kleinstadtbote").provenance == "mine.csv"  # default provenance: the file
    assert table.lookup("Reuters").rating is None  # overridden to unrated
    assert table.content_hash != load_outlets().content_hash


@pytest.mark.parametrize("body, expected", [
    ("domain,rating\nexample.org,high\n", "bad.csv:2: rating: rating 'high' is not a number"),
    ("domain,rating\nexample.org,1.5\n", "bad.csv:2: rating: rating '1.5' is outside 0 to 1"),
    ("domain,rating\nexample.org,nan\n", "bad.csv:2: rating: rating 'nan' is outside 0 to 1"),
    ("domain,rating\nexample.org,0.5,extra\n", "bad.csv:2: 3 fields, the header has 2"),
    ("domain,rating\nnot a domain,0.5\n", "bad.csv:2: domain: 'not a domain' is not a domain"),
    ("domain,rating\na.org,0.5\n# note\na.org,0.6\n", "bad.csv:4: domain: a.org is listed twice (first on line 2)"),
    ("domain,score\na.org,0.5\n", "bad.csv:1: score: unknown column 'score'"),
    ("domain\na.org\n", "bad.csv:1: rating: missing column 'rating'"),
    ("# only a comment\n", "bad.csv: empty file"),
])
def test_broken_outlet_file(tmp_path, body, expected):
    bad = rule_file(tmp_path, "bad.csv", body)
    with pytest.raises(ScoringConfigError) as caught:
        load_outlets([bad])
    assert any(expected in str(p) for p in caught.value.problems), caught.value.problems


def test_load_scoring_reports_rule_and_outlet_problems_together(tmp_path):
    bad_rules = rule_file(tmp_path, "bad.toml", one_rule(weight='"x"'))
    bad_outlets = rule_file(tmp_path, "bad.csv", "domain,rating\na.org,2\n")
    with pytest.raises(ScoringConfigError) as caught:
        load_scoring([bad_rules], [bad_outlets])
    assert {Path(p.file).name for p in caught.value.problems} == {"bad.toml", "bad.csv"}


def test_every_alias_maps_to_a_domain(outlets):
    import tomllib

    aliases = tomllib.loads((ROOT / "rules" / "outlet_aliases.toml").read_text(encoding="utf-8"))["aliases"]
    for name in aliases:
        assert outlets.domain_for(name) is not None, name


@pytest.mark.skipif(not (SHARED / "reliability").is_dir(), reason="../shared/reliability not present")
def test_outlet_table_is_reproducible(tmp_path):
    out = tmp_path / "outlets.csv"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_outlets.py"), "--shared", str(SHARED),
                    "--out", str(out)], check=True, capture_output=True)
    assert out.read_text(encoding="utf-8") == (ROOT / "rules" / "outlets.csv").read_text(encoding="utf-8")
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.reader(line for line in handle if not line.startswith("#")))
    assert rows[0] == ["domain", "rating", "label", "provenance"]
    assert all(math.isfinite(float(r[1])) for r in rows[1:])
