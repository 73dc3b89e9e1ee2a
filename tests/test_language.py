from __future__ import annotations

import time
import tomllib
from pathlib import Path

import pytest

from auditor.errors import RulesError
from auditor.language import _load_stopwords, detect_language, supported_languages
from auditor.resources import rules_dir

GERMAN = (
    "Laut einem internen Papier der Stadtwerke könnten die Kosten um bis zu 40 Prozent "
    "steigen. Ein Sprecher sagte, man prüfe derzeit alle Optionen, wolle aber keine "
    "Zahlen nennen. Die Oberbürgermeisterin erklärte, die Verzögerung sei ärgerlich."
)
ENGLISH = (
    "According to a report seen by the Chronicle, the Environment Agency has warned that "
    "construction costs may rise further. A council spokesperson said the authority "
    "remains committed to the project but needed more time to review the figures."
)


def test_supported_languages() -> None:
    assert supported_languages() == ("de", "en")


@pytest.mark.parametrize(("text", "expected"), [(GERMAN, "de"), (ENGLISH, "en")])
def test_detects_german_and_english(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_words_shared_by_german_and_english_do_not_decide() -> None:
    # "war", "in", "was", "also", "so", "man", "will" are in neither list
    assert detect_language("The war in the east was the main topic, so the man said he will go.") == "en"
    assert detect_language("Die Regierung hat angekündigt, dass die Preise steigen werden.") == "de"


def test_english_article_quoting_german_stays_english() -> None:
    text = ENGLISH + ' The mayor called it "ärgerlich, aber beherrschbar", which means annoying.'
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le gouvernement a annoncé mardi que les prix de l'énergie vont augmenter selon le ministre.", "fr"),
        ("El gobierno anunció el martes que los precios de la energía subirán, según el ministro.", "es"),
        ("De regering heeft dinsdag aangekondigd dat de prijzen volgens de minister zullen stijgen.", "nl"),
    ],
)
def test_detects_other_languages_cheaply(text: str, expected: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n ",
        "12345 67 890 !!!",
        "Der Hund bellt.",  # too few stopwords to be sure
        "Wojna w Ukrainie była głównym tematem rozmów prezydenta z premierem.",
        "https://example.com/path/to/page?id=42",
    ],
)
def test_unknown_without_evidence(text: str) -> None:
    assert detect_language(text) == "unknown"


def test_only_the_opening_is_read() -> None:
    text = GERMAN * 40 + ENGLISH * 200  # the German part alone is > 5,000 chars
    assert len(GERMAN * 40) > 5_000
    assert detect_language(text) == "de"


def test_fast_on_long_text() -> None:
    text = ENGLISH * 2_000
    start = time.perf_counter()
    for _ in range(100):
        detect_language(text)
    # ~0.3 ms per call here; the bound only catches accidental whole-text scans
    assert (time.perf_counter() - start) / 100 < 0.02


def test_stopword_file_is_clean() -> None:
    data = tomllib.loads((rules_dir() / "languages.toml").read_text(encoding="utf-8"))
    assert set(supported_languages()) <= set(data)
    for table in data.values():
        words = table["stopwords"]
        assert words == [w.lower() for w in words]
        assert len(words) == len(set(words))
    # German and English must never be confused, so they share no stopword
    assert not set(data["de"]["stopwords"]) & set(data["en"]["stopwords"])


def test_malformed_stopword_file(tmp_path: Path) -> None:
    broken = tmp_path / "languages.toml"
    broken.write_text('[de]\nstopwords = "der die das"\n', encoding="utf-8")
    with pytest.raises(RulesError, match=r"\[de\] needs stopwords"):
        _load_stopwords(broken)
    broken.write_text("[de\n", encoding="utf-8")
    with pytest.raises(RulesError, match="cannot read stopword lists"):
        _load_stopwords(broken)
