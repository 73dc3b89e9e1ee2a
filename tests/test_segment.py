"""Tests for auditor.segment.split_sentences and auditor.evaluation.boundaries.

Every example sentence here is written for these tests (news-like, made up).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from auditor.evaluation.boundaries import boundary_scores, end_scores, strip_spans
from auditor.evaluation.metrics import Counts
from auditor.models import Sentence
from auditor.resources import rules_dir
from auditor.segment import clear_cache, split_sentences

SEED = Path(__file__).parent.parent / "seeds" / "telegraph-peacekeepers-de.txt"


def texts(text: str, language: str = "de") -> list[str]:
    return [s.text for s in split_sentences(text, language)]


def check_invariants(text: str, sentences: list[Sentence]) -> None:
    previous_end = -1
    previous_paragraph = 0
    for i, s in enumerate(sentences):
        assert s.index == i
        assert text[s.start : s.end] == s.text
        assert s.text and s.text == s.text.strip()
        assert "\n" not in s.text and "\r" not in s.text
        assert s.start >= previous_end  # in order, no overlap
        assert s.paragraph >= previous_paragraph
        previous_end, previous_paragraph = s.end, s.paragraph


# --- basics -------------------------------------------------------------------


def test_empty_and_blank_input() -> None:
    assert split_sentences("") == []
    assert split_sentences("   \n\n \t \n") == []


def test_simple_sentences_and_offsets() -> None:
    text = "  Der Stadtrat tagte am Abend. Die Sitzung dauerte drei Stunden!  Wer zahlt das? "
    sentences = split_sentences(text, "de")
    check_invariants(text, sentences)
    assert [s.text for s in sentences] == [
        "Der Stadtrat tagte am Abend.",
        "Die Sitzung dauerte drei Stunden!",
        "Wer zahlt das?",
    ]
    assert sentences[0].start == 2
    assert all(s.paragraph == 0 and not s.is_heading for s in sentences)


def test_returns_sentence_models() -> None:
    (s,) = split_sentences("Die Bahn streikt.", "de")
    assert isinstance(s, Sentence)
    assert s == Sentence(index=0, start=0, end=17, text="Die Bahn streikt.", is_heading=False, paragraph=0)


# --- newlines, paragraphs, headings ------------------------------------------------


def test_newline_always_ends_a_sentence() -> None:
    text = "Der Minister kam am Morgen\nund ging am Abend.\nDanach war es still"
    assert texts(text) == ["Der Minister kam am Morgen", "und ging am Abend.", "Danach war es still"]


def test_paragraph_index_counts_non_blank_lines() -> None:
    text = "Erster Absatz. Noch ein Satz.\n\n\nZweiter Absatz.\r\nDritter Absatz.\n   \nVierter."
    sentences = split_sentences(text, "de")
    check_invariants(text, sentences)
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("Erster Absatz.", 0),
        ("Noch ein Satz.", 0),
        ("Zweiter Absatz.", 1),
        ("Dritter Absatz.", 2),
        ("Vierter.", 3),
    ]


def test_headings() -> None:
    text = (
        "Hochwasser im Süden\n"
        "Die Pegel steigen weiter. Die Feuerwehr ist im Einsatz.\n"
        "Lage am Sonntag\n"
        "Das ist keine Überschrift, weil die Zeile mit einem Doppelpunkt endet:\n"
        "Wer hilft jetzt?\n"
        "Eine sehr lange Zeile ohne Schlusspunkt die aus viel mehr als zwölf Wörtern besteht und deshalb"
        " keine Überschrift ist\n"
    )
    sentences = split_sentences(text, "de")
    check_invariants(text, sentences)
    flagged = [(s.text[:25], s.is_heading) for s in sentences]
    assert flagged == [
        ("Hochwasser im Süden", True),
        ("Die Pegel steigen weiter.", False),
        ("Die Feuerwehr ist im Eins", False),
        ("Lage am Sonntag", True),
        ("Das ist keine Überschrift", False),
        ("Wer hilft jetzt?", False),
        ("Eine sehr lange Zeile ohn", False),
    ]


def test_heading_with_abbreviation_stays_one_heading() -> None:
    sentences = split_sentences("Dr. Müller im Gespräch\nEr sprach lange.", "de")
    assert [(s.text, s.is_heading) for s in sentences] == [
        ("Dr. Müller im Gespräch", True),
        ("Er sprach lange.", False),
    ]


def test_seed_article() -> None:
    if not SEED.exists():
        pytest.skip(f"seed article missing: {SEED}")
    text = SEED.read_text(encoding="utf-8")
    sentences = split_sentences(text, "de")
    check_invariants(text, sentences)
    assert len(sentences) == 13
    heading = sentences[8]
    assert heading.text == "Europäische Beteiligung und Haltung der USA"
    assert heading.is_heading
    assert [s.index for s in sentences if s.is_heading] == [8]
    assert sentences[0].text.startswith("Der französische Präsident Emmanuel Macron")
    assert sentences[9].text.startswith("Die vorgeschlagene Friedensmission könnte eine Truppe von 40.000")
    assert sentences[12].text.startswith("Trump argumentierte")
    # the language guess finds German without being told
    assert [(s.start, s.end) for s in split_sentences(text)] == [(s.start, s.end) for s in sentences]


# --- German ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Der Krieg begann am 24. Februar 2022. Seitdem sind Millionen geflohen.",
            ["Der Krieg begann am 24. Februar 2022.", "Seitdem sind Millionen geflohen."],
        ),
        (
            "Die Messe findet vom 3. bis 5. Mai in Leipzig statt. Erwartet werden 40.000 Besucher.",
            ["Die Messe findet vom 3. bis 5. Mai in Leipzig statt.", "Erwartet werden 40.000 Besucher."],
        ),
        (
            "Das Gebäude stammt aus dem 19. Jahrhundert. Es wurde 1998 renoviert.",
            ["Das Gebäude stammt aus dem 19. Jahrhundert.", "Es wurde 1998 renoviert."],
        ),
        (
            "Der Verein belegte den 3. Platz. Im Vorjahr war es der 5. Rang.",
            ["Der Verein belegte den 3. Platz.", "Im Vorjahr war es der 5. Rang."],
        ),
        (
            "Die Mannschaft steht nun auf Platz 17. Beide Trainer zeigten sich enttäuscht.",
            ["Die Mannschaft steht nun auf Platz 17.", "Beide Trainer zeigten sich enttäuscht."],
        ),
        (
            "Die Zahl der Verletzten stieg auf 22. Im Krankenhaus werden alle versorgt.",
            ["Die Zahl der Verletzten stieg auf 22.", "Im Krankenhaus werden alle versorgt."],
        ),
        (
            "Die Inflation lag bei 3.5 Prozent. Im Vormonat waren es 3,9 Prozent.",
            ["Die Inflation lag bei 3.5 Prozent.", "Im Vormonat waren es 3,9 Prozent."],
        ),
        (
            "Papst Benedikt XVI. empfing den Gast. Das Treffen dauerte eine Stunde.",
            ["Papst Benedikt XVI. empfing den Gast.", "Das Treffen dauerte eine Stunde."],
        ),
    ],
)
def test_german_numbers_and_dates(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text, "de")
    check_invariants(text, sentences)
    assert [s.text for s in sentences] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Viele Städte, z. B. Köln und Bonn, meldeten Schäden.",
        "Betroffen sind u. a. Schulen und Kitas in der Region.",
        "Der Bus der Linie Nr. 7 fällt bis Freitag aus.",
        "Die Sanierung kostet ca. 12 Mio. Euro und dauert zwei Jahre.",
        "Die Stadt investiert 1,2 Mrd. Euro in neue Straßen.",
        "Dr. Anna Weber leitet die Klinik seit Januar.",
        "Prof. Dr. Klaus Meier hält den Festvortrag.",
        "Der Antrag wurde vertagt bzw. an den Ausschuss verwiesen.",
        "Die Frist endet morgen, d. h. am Mittwoch um Mitternacht.",
        "Gefährdet sind v. a. ältere Menschen und Kinder.",
        "Das Spiel findet in St. Pauli vor ausverkauftem Haus statt.",
        "Die Kirche wurde im 12. Jh. erbaut und später erweitert.",
        "Das Urteil (vgl. Az. 3 K 12/21) ist noch nicht rechtskräftig.",
        "Die Polizei fand Messer, Schlagstöcke usw. in dem Wagen.",
        "Zum Fest kamen Musiker, Händler, Gaukler etc. aus der ganzen Region.",
        "Laut dem Gutachten z.B. der Universität gibt es keine Gefahr.",
    ],
)
def test_german_abbreviations_do_not_split(text: str) -> None:
    assert texts(text) == [text]


def test_german_sentence_final_abbreviations() -> None:
    text = "Verkauft werden Obst, Gemüse usw. Die Preise sind gestiegen. Dazu kommen Brot, Käse etc. Das freut die Händler."
    assert texts(text) == [
        "Verkauft werden Obst, Gemüse usw.",
        "Die Preise sind gestiegen.",
        "Dazu kommen Brot, Käse etc.",
        "Das freut die Händler.",
    ]


def test_abbreviation_before_sentence_opener_splits() -> None:
    text = "Der Schaden beträgt rund 5 Mio. Die Versicherung zahlt nur einen Teil."
    assert texts(text) == ["Der Schaden beträgt rund 5 Mio.", "Die Versicherung zahlt nur einen Teil."]


@pytest.mark.parametrize(
    "text",
    [
        "Der designierte US-Präsident Donald J. Trump äußerte sich am Abend.",
        "Die Romane von J. R. R. Tolkien werden neu übersetzt.",
    ],
)
def test_initials(text: str) -> None:
    assert texts(text) == [text]


def test_german_quotes() -> None:
    text = "„Das ist gut.“ Danach verließ der Minister den Saal. Sie sagte: „Wir kommen wieder.“ Er nickte."
    assert texts(text) == [
        "„Das ist gut.“",
        "Danach verließ der Minister den Saal.",
        "Sie sagte: „Wir kommen wieder.“",
        "Er nickte.",
    ]


def test_guillemets_and_straight_quotes() -> None:
    text = '»Wir lassen niemanden allein.« Das versprach der Landrat. "Es wird teuer." Das sagte die Kämmerin.'
    assert texts(text) == [
        "»Wir lassen niemanden allein.«",
        "Das versprach der Landrat.",
        '"Es wird teuer."',
        "Das sagte die Kämmerin.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "„Wer soll das bezahlen?“, fragte die Kämmerin in der Sitzung.",
        "„Wer soll das bezahlen?“ fragte die Kämmerin in der Sitzung.",
        "„Raus hier!“, riefen die Demonstranten vor dem Rathaus.",
        "Unter dem Motto „Nie wieder!“ zogen Tausende durch die Stadt.",
        "Die Frage „Warum jetzt?“ blieb unbeantwortet.",
    ],
)
def test_question_and_exclamation_inside_quotes_do_not_split(text: str) -> None:
    assert texts(text) == [text]


def test_sentence_inside_quote_then_new_sentence() -> None:
    text = "„Warum jetzt?“ Diese Frage stellten viele Bürger."
    assert texts(text) == ["„Warum jetzt?“", "Diese Frage stellten viele Bürger."]


def test_german_colon_convention() -> None:
    # a colon that introduces a quotation after a speech verb keeps the attribution together
    quote = "Die Ministerin sagte am Montag: „Wir haben keine andere Wahl.“"
    assert texts(quote) == [quote]
    # a colon before an independent clause ends the sentence (German news convention)
    text = "Die Lage im Hafen ist seit Tagen angespannt: Die Arbeiter streiken weiter."
    assert texts(text) == ["Die Lage im Hafen ist seit Tagen angespannt:", "Die Arbeiter streiken weiter."]
    # but not before a list, a short label, inside brackets, or after a short lead-in
    for kept in (
        "Zur Wahl stehen drei Kandidaten: Anna Berg, Jonas Ritter und Lea Stein.",
        "Die Polizei fand eine weitere Substanz: Kokain.",
        "Der Verband (kurz: „BVK“) lehnt den Plan ab.",
        "Zitat: Das geht so nicht weiter.",
        "Die Sitzung beginnt um 18:30 Uhr im Rathaus.",
    ):
        assert texts(kept) == [kept]


def test_german_semicolon_convention() -> None:
    text = "Die Straße bleibt gesperrt; die Umleitung ist ausgeschildert."
    assert texts(text) == ["Die Straße bleibt gesperrt;", "die Umleitung ist ausgeschildert."]
    # English keeps semicolons and colons inside the sentence
    text = "The road stays closed; a detour is signposted. Officials said: The work is late."
    assert texts(text, "en") == ["The road stays closed; a detour is signposted.", "Officials said: The work is late."]


def test_missing_space_after_full_stop() -> None:
    text = "Der Antrag ist gescheitert.Die Opposition jubelte. Mehr unter www.Beispiel.de im Netz."
    assert texts(text) == ["Der Antrag ist gescheitert.", "Die Opposition jubelte.", "Mehr unter www.Beispiel.de im Netz."]


def test_ellipsis() -> None:
    assert texts("Er zögerte ... und ging dann. Niemand hielt ihn auf.") == [
        "Er zögerte ... und ging dann.",
        "Niemand hielt ihn auf.",
    ]
    assert texts("Man wird sehen … Die Zeit drängt.") == ["Man wird sehen …", "Die Zeit drängt."]


# --- English ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith and Mrs. Jones met Dr. Brown at the hospital.",
        "The U.S. Court of Appeals rejected the motion on Friday.",
        "The law took effect on Sept. 1 and was amended in Jan. 2020.",
        "He lives at No. 10 and works for Acme Inc. in Boston.",
        "Shares of Widget Corp. fell sharply in early trading.",
        "The meeting starts at 9 a.m. and ends at 5 p.m. on Monday.",
        "Some states, e.g. Ohio, and some cities, i.e. those with ports, objected.",
        "The case Smith vs. Jones goes to trial next week.",
        "Voters in St. Louis lined up early.",
        "Gov. Lee, Sen. Ortiz and Rep. Diaz attended the briefing.",
        "Gen. Ward and Lt. Harris inspected the troops.",
        "Donald J. Trump spoke for an hour.",
        "The bill was drafted by then-Sen. Alvarez and ex-Gov. Pratt last spring.",
        "The fair opens Sat. Nov. 8 and closes Sun. 9 November.",
    ],
)
def test_english_abbreviations_do_not_split(text: str) -> None:
    assert texts(text, "en") == [text]


def test_english_splits() -> None:
    text = (
        'The vote was delayed until 2025. "We need more time," she said. '
        "Is that enough? Critics say no! The plan moved to the U.S. The senator... The end."
    )
    assert texts(text, "en") == [
        "The vote was delayed until 2025.",
        '"We need more time," she said.',
        "Is that enough?",
        "Critics say no!",
        "The plan moved to the U.S.",
        "The senator...",
        "The end.",
    ]


def test_a_weekday_abbreviation_that_is_a_name_ends_a_sentence() -> None:
    # "Sun" is Sunday only before a date; here it is a newspaper
    text = "The merger was first reported by The Sun. Dockworkers called it a sellout on Wed. Talks resume soon."
    assert texts(text, "en") == [
        "The merger was first reported by The Sun.",
        "Dockworkers called it a sellout on Wed.",
        "Talks resume soon.",
    ]


def test_a_title_behind_a_hyphenated_prefix_does_not_split() -> None:
    assert texts("Den Antrag stellte Ex-Präs. Kowalski. Er scheiterte.", "de") == [
        "Den Antrag stellte Ex-Präs. Kowalski.",
        "Er scheiterte.",
    ]
    assert texts("The memo went to then-Rep. Dana Whitfield. She never replied.", "en") == [
        "The memo went to then-Rep. Dana Whitfield.",
        "She never replied.",
    ]


def test_english_quotes() -> None:
    text = "“We will appeal.” The lawyer left the court. “Why?” he asked later."
    assert texts(text, "en") == ["“We will appeal.”", "The lawyer left the court.", "“Why?” he asked later."]


# --- language handling -------------------------------------------------------------


def test_unknown_language_is_guessed() -> None:
    text = "Die Regierung hat die Pläne am 3. Mai vorgestellt. Die Opposition ist dagegen: Sie will klagen."
    assert texts(text, "unknown") == texts(text, "de")
    assert texts(text, "de-DE") == texts(text, "de")


# --- the rules are data ---------------------------------------------------------------


def test_rules_file_holds_the_abbreviation_lists() -> None:
    with (rules_dir() / "segment.toml").open("rb") as fh:
        table = tomllib.load(fh)
    for section in ("common", "de", "en"):
        assert section in table
    german = set(table["common"]["abbreviations"]) | set(table["de"]["abbreviations"])
    assert {"z", "Nr", "ca", "Mio", "Mrd", "Jh", "vgl", "usw"} <= german
    assert {"Mr", "Mrs", "Inc", "Corp", "Sept", "Jan"} <= set(table["en"]["abbreviations"])
    clear_cache()  # reloading works
    assert texts("Dr. Weber kommt. Er bleibt.") == ["Dr. Weber kommt.", "Er bleibt."]


# --- hostile input ---------------------------------------------------------------------


def test_megabyte_without_punctuation() -> None:
    text = "wort " * 200_000  # 1 MB, one long sentence
    sentences = split_sentences(text, "de")
    assert len(sentences) == 1
    assert sentences[0].start == 0 and sentences[0].end == len(text) - 1


@pytest.mark.parametrize(
    "text",
    [
        "." * 1_000_000,
        ". " * 500_000,
        "z. B. " * 166_666,
        "Dr. " * 250_000,
        "a." * 500_000,
        ".“ " * 333_333,
        "„" * 1_000_000,
        "12. " * 250_000,
    ],
)
def test_megabyte_of_dots_and_abbreviations(text: str) -> None:
    sentences = split_sentences(text, "de")
    check_invariants(text, sentences)
    assert len(sentences) == 1  # nothing here starts a new sentence


def test_megabyte_of_english_numbered_lines() -> None:
    text = "12. " * 250_000  # English has no "12." ordinals: every "12." is a sentence
    sentences = split_sentences(text, "en")
    check_invariants(text, sentences)
    assert len(sentences) == 250_000


def test_megabyte_of_many_short_sentences() -> None:
    text = "Das ist ein Satz. " * 55_000
    sentences = split_sentences(text, "de")
    assert len(sentences) == 55_000
    assert sentences[-1].text == "Das ist ein Satz."


def test_megabyte_of_colons_and_lines() -> None:
    text = "Kurze Zeile ohne Punkt\n" * 45_000 + "Die Lage ist sehr ernst: " * 40_000
    sentences = split_sentences(text, "de")
    check_invariants(text, sentences)
    assert sum(s.is_heading for s in sentences) == 45_000


@pytest.mark.parametrize(
    "text",
    ["Er ging. „", "Er ging weit weg: „", "Ende. (", "Was? »", "...", ":", ";", "„“", "a.B", "\u2028x.\u2029y."],
)
def test_odd_endings_do_not_crash(text: str) -> None:
    for language in ("de", "en", "unknown"):
        check_invariants(text, split_sentences(text, language))


# --- evaluation helpers ----------------------------------------------------------------


def test_boundary_scores_and_counts() -> None:
    gold = [(0, 10), (11, 20), (21, 30)]
    predicted = [(0, 10), (11, 30)]
    assert boundary_scores(gold, predicted) == (1, 2, 3)
    # sentence ends: 10 and 30 are both right
    assert end_scores(gold, predicted) == (2, 2, 3)
    counts = Counts()
    counts.add(*boundary_scores(gold, predicted))
    assert counts.precision == pytest.approx(0.5)
    assert counts.recall == pytest.approx(1 / 3)
    assert counts.f1 == pytest.approx(0.4)
    assert Counts().f1 == 0.0
    assert boundary_scores(gold, gold) == (3, 3, 3)


def test_strip_spans() -> None:
    text = " Ein Satz.  \n Noch einer. "
    assert strip_spans(text, [(0, 12), (12, 26), (12, 13)]) == [(1, 10), (14, 25)]
