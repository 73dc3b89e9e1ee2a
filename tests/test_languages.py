"""A language is a plug-in: a package of its own, found through the
``auditor.languages`` entry-point group, audited end to end by the CLI
without a line of auditor's code knowing it (tests/fixtures/toy_language)."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.analyse import registry
from auditor.cli import cli
from auditor.language import detect_language, supported_languages

TOY = Path(__file__).parent / "fixtures" / "toy_language" / "auditor_toy"
SEED = Path(__file__).resolve().parents[1] / "seeds" / "telegraph-peacekeepers-de.txt"

# the lexicon is made here: a journalist's whole word list for a new language
ZEDISH_LEXICON = """
language = "zz"

[verbs]
regular = ["sez", "skribis"]

[[frames]]
pattern = "per"
source = "after"

[grammar]
reporting_verbs = ["skribis"]

[kinds]
pronoun = ["il", "el"]
anonymous = ["fonto", "fonti"]
outlet_words = ["radio"]

[[hedges]]
pattern = "forsan"
kind = "epistemic"
weight = 1.0
"""

ARTICLE = ("Mira Vok sez ka ponto esas rupta. Per Radio Zed, ka urbo esas forsan kalma.\n"
           "Dr. Tem Olo sez ol vu tem nu esas; Fonti sez ka urbo esas kalma.")


def _install(site: Path, name: str, entry: str) -> None:
    info = site / f"{name}-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[auditor.languages]\n{entry}\n", encoding="utf-8")


def _on_path(site: Path, monkeypatch: pytest.MonkeyPatch, module: str):
    """The distributions in ``site`` installed while a test runs, and gone after it."""
    monkeypatch.syspath_prepend(str(site))
    registry.refresh()
    yield site.parent
    monkeypatch.undo()
    sys.modules.pop(module, None)
    registry.refresh()


@pytest.fixture
def zedish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Zedish installed as a distribution: its package and a dist-info naming its entry point."""
    site = tmp_path / "site"
    shutil.copytree(TOY, site / "auditor_toy", ignore=shutil.ignore_patterns("__pycache__"))
    (site / "auditor_toy" / "zedish.toml").write_text(ZEDISH_LEXICON, encoding="utf-8")
    _install(site, "auditor_toy", "zz = auditor_toy:LANGUAGE")
    yield from _on_path(site, monkeypatch, "auditor_toy")


def _audit(*args: str) -> dict:
    result = CliRunner().invoke(cli, ["audit", *args, "--format", "json", "--no-db"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _attributions(report: dict) -> list[tuple[str, str, str]]:
    return [(a["source"]["text"], a["source"]["kind"], a["cue"]["text"])
            for s in report["sentences"] for a in s["attributions"]]


def test_an_installed_language_is_registered_and_offered(zedish: Path) -> None:
    assert supported_languages() == ("de", "en", "zz")
    assert "zz" in CliRunner().invoke(cli, ["audit", "--help"]).output


def test_a_toy_language_is_audited_end_to_end_through_the_cli(zedish: Path) -> None:
    article = zedish / "zedish.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    report = _audit(str(article), "--lang", "zz")
    assert report["article"]["language"] == "zz" and report["article"]["status"] == "analysed"
    assert _attributions(report) == [("Mira Vok", "person", "sez"), ("Radio Zed", "outlet", "Per"),
                                     ("Tem Olo", "person", "sez"), ("Fonti", "anonymous", "sez")]
    # its segmentation rules: "Dr." ends no sentence, ";" does
    assert [s["text"] for s in report["sentences"]][2:] == ["Dr. Tem Olo sez ol vu tem nu esas;",
                                                            "Fonti sez ka urbo esas kalma."]
    hedged = [h["text"] for s in report["sentences"] for h in s["hedges"]]
    assert hedged == ["forsan"]
    assert (report["summary"]["attributed"], report["summary"]["anonymous"], report["summary"]["hedged"]) == (4, 1, 1)


def test_a_toy_language_is_detected_by_its_own_words(zedish: Path) -> None:
    assert detect_language(ARTICLE) == "zz"
    article = zedish / "zedish.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert _audit(str(article))["article"]["language"] == "zz"


def test_without_the_package_the_language_is_neither_offered_nor_analysed(tmp_path: Path) -> None:
    article = tmp_path / "zedish.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    refused = CliRunner().invoke(cli, ["audit", str(article), "--lang", "zz", "--no-db"])
    assert refused.exit_code == 2 and "'zz' is not one of" in refused.output
    assert "zz" not in supported_languages()


@pytest.fixture
def broken_plug_ins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    site = tmp_path / "site"
    _install(site, "not_a_language", "qq = json:dumps")
    _install(site, "missing_module", "qr = auditor_no_such_module:LANGUAGE")
    (site / "half_grammar.py").write_text(
        "from pathlib import Path\n"
        "from auditor.analyse.plugin import Language\n"
        "class Half:\n"
        "    def verbs(self, tokens, lex, used):\n"
        "        return []\n"
        "LANGUAGE = Language(code='qs', name='Half', grammar=Half(), lexicon_file=Path('lexicons/en.toml'))\n",
        encoding="utf-8")
    _install(site, "half_grammar", "qs = half_grammar:LANGUAGE")
    yield from _on_path(site, monkeypatch, "half_grammar")


def test_a_broken_plug_in_is_left_out_with_one_warning_and_the_others_go_on(broken_plug_ins: Path) -> None:
    assert supported_languages() == ("de", "en")
    problems = registry.problems()
    assert len(problems) == 3
    assert "language 'qq' (auditor.languages qq = json:dumps) left out: not an auditor Language but function" \
        in problems
    assert any("'qr'" in p and "ModuleNotFoundError" in p for p in problems)
    assert any("'qs'" in p and "lacks steps of the Grammar protocol: verb_forms, phrase_forward" in p
               for p in problems)
    result = CliRunner().invoke(cli, ["audit", str(SEED), "--format", "json", "--no-db"])
    assert result.exit_code == 0
    assert result.stderr.count("auditor: warning: language ") == 3
    report = json.loads(result.stdout)
    assert report["article"]["language"] == "de" and report["summary"]["attributed"] > 5


def test_a_lexicon_that_names_another_language_is_one_clear_error(zedish: Path) -> None:
    lexicon = zedish / "site" / "auditor_toy" / "zedish.toml"
    lexicon.write_text(ZEDISH_LEXICON.replace('language = "zz"', 'language = "en"'), encoding="utf-8")
    registry.refresh()
    with pytest.raises(Exception, match="says language = 'en', but is the lexicon of 'zz'"):
        registry.load_lexicon("zz")
