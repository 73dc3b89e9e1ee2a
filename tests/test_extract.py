from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from auditor.errors import ExtractError, InputError
from auditor.extract import domain_of, extract
from auditor.inputs import read_path
from auditor.models import Article, RawDocument

FIXTURES = Path(__file__).parent / "fixtures"
PARAGRAPH = "<p>Der Sprecher der Polizei sagte am Montag, dass niemand verletzt worden sei.</p>"


def from_fixture(name: str, **overrides: object) -> Article:
    [raw] = read_path(FIXTURES / name)
    return extract(raw.model_copy(update=overrides))


def html_doc(html: str | bytes, **fields: object) -> RawDocument:
    return RawDocument(origin="page.html", content=html, content_type="html", **fields)


def text_doc(text: str | bytes, **fields: object) -> RawDocument:
    return RawDocument(origin="article.txt", content=text, content_type="text", **fields)


# ---------------------------------------------------------------- realistic pages

GERMAN_BOILERPLATE = [
    "Cookies", "Alle akzeptieren", "Jetzt abonnieren", "Startseite", "Julia Brandt und",
    "Teilen:", "Mehr zum Thema", "Stadtwerke legen Bilanz", "Leserkommentar", "Impressum",
    "Newsletter", "dataLayer", "display: flex",
]  # fmt: skip


def test_german_page_text_without_boilerplate() -> None:
    article = from_fixture("news_de.html")
    assert article.text.startswith("Der Ausbau des Fernwärmenetzes in der Innenstadt")
    assert article.text.endswith("am 28. März erneut mit dem Thema befassen.")
    assert "Ein Sprecher der Stadtwerke sagte, man prüfe derzeit „alle Optionen“" in article.text
    for junk in GERMAN_BOILERPLATE:
        assert junk not in article.text, junk


def test_german_page_paragraphs_are_separated_by_blank_lines() -> None:
    paragraphs = from_fixture("news_de.html").text.split("\n\n")
    assert len(paragraphs) == 7
    assert paragraphs[3] == "Anwohner fürchten höhere Preise"  # the subheading stays a block
    assert all(p == p.strip() and "\n" not in p for p in paragraphs)


def test_german_page_metadata() -> None:
    article = from_fixture("news_de.html")
    assert article.title == "Stadtrat streitet über Fernwärme-Ausbau"
    assert article.outlet == "Rheinische Tagespost"  # og:site_name beats JSON-LD publisher
    assert article.author == "Julia Brandt; Tobias Kern"
    assert article.published == "2024-03-14T06:30:00+01:00"
    assert article.url == "https://www.rheinische-tagespost.example/lokales/fernwaerme-ausbau-123.html"
    assert article.domain == "rheinische-tagespost.example"
    assert article.language == "de"
    assert article.warnings == ()
    assert article.origin == str(FIXTURES / "news_de.html")


def test_english_page_in_windows_1252() -> None:
    article = from_fixture("news_en.html")
    assert "could cost £12 million more" in article.text
    assert "the authority “remains committed” to the project" in article.text
    assert "construction costs – already revised twice –" in article.text
    for junk in ("Subscribe for", "Sign in", "Most read", "Sign up to our daily newsletter", "All rights reserved"):
        assert junk not in article.text, junk
    assert article.title == "Council delays flood barrier vote amid cost fears"
    assert article.outlet == "The Riverside Chronicle"
    assert article.author == "Priya Shah"  # from JSON-LD with a trailing comma
    assert article.published == "2024-05-02T17:45:00Z"
    assert article.domain == "news.riverside-chronicle.example"
    assert article.language == "en"


def test_broken_page_still_yields_text_and_metadata() -> None:
    article = from_fixture("broken.html")
    assert "Die Lokführergewerkschaft hat nach eigenen Angaben weitere Streiks" in article.text
    assert "als unerfüllbar. Nach Schätzungen von Branchenkennern" in article.text
    assert "beide Seiten & forderten eine schnelle Einigung" in article.text
    assert "Impressum" not in article.text and "Start" not in article.text
    # the og:site_name value swallowed the next tag (unclosed quote): JSON-LD wins
    assert article.outlet == "Nordkurier"
    assert article.published == "2024-01-10"
    assert article.language == "de"


def test_record_metadata_wins_over_page_metadata() -> None:
    article = from_fixture(
        "news_de.html",
        title="Eigener Titel",
        outlet="Eigene Quelle",
        published="2024-03-15",
        url="https://mirror.example/x",
        record_id="rec-1",
    )
    assert (article.title, article.outlet, article.published) == ("Eigener Titel", "Eigene Quelle", "2024-03-15")
    assert (article.url, article.domain, article.id) == ("https://mirror.example/x", "mirror.example", "rec-1")
    assert article.author == "Julia Brandt; Tobias Kern"  # not given by the record: still extracted


# ---------------------------------------------------------------- metadata details


def test_jsonld_graph_reference_and_canonical_link() -> None:
    head = """
      <link rel="canonical" href="https://www.example.org/story">
      <script type="application/ld+json">{"@graph": [
        {"@type": "WebSite", "name": "Not this"},
        {"@type": ["ReportageNewsArticle"], "headline": "Die Schlagzeile",
         "author": [{"@id": "#a1"}, {"name": "https://example.org/staff/x"}],
         "publisher": {"@id": "#org"}, "datePublished": "2024-02-01"},
        {"@id": "#org", "@type": "Organization", "name": "Beispiel-Verlag"},
        {"@id": "#a1", "@type": "Person", "name": "Eva  Roth"}]}</script>"""
    html = f"<html><head>{head}</head><body>{PARAGRAPH * 3}</body></html>"
    article = extract(html_doc(html))
    assert article.title == "Die Schlagzeile"
    assert article.outlet == "Beispiel-Verlag"
    assert article.author == "Eva Roth"  # profile URLs are not names
    assert article.published == "2024-02-01"
    assert article.domain == "example.org"


def test_unparseable_jsonld_is_ignored() -> None:
    html = '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
    html += (
        '<script type="application/ld+json">' + "[" * 50_000 + "</script></head><body>" + PARAGRAPH + "</body></html>"
    )
    assert extract(html_doc(html)).text.startswith("Der Sprecher der Polizei")


def test_http_charset_beats_meta_charset() -> None:
    html = '<html><head><meta charset="utf-8"></head><body>' + PARAGRAPH * 2 + "</body></html>"
    article = extract(html_doc(html.encode("cp1252"), encoding="windows-1252"))
    assert "Der Sprecher der Polizei sagte am Montag" in article.text
    assert article.warnings == ()


def test_line_breaks_inside_a_paragraph_are_kept() -> None:
    html = "<html><body><article><p>Erste Zeile des Absatzes, die lang genug ist.<br>Zweite Zeile.</p>"
    html += PARAGRAPH + "</article></body></html>"
    assert extract(html_doc(html)).text.startswith("Erste Zeile des Absatzes, die lang genug ist.\nZweite Zeile.\n\n")


def test_source_line_breaks_inside_a_paragraph_are_spaces() -> None:
    # the page source wraps its lines; a browser shows one paragraph, and so must we
    html = (
        "<html><body><article><p>Seit\ndie Gemeinde ihre Bäder schließt,\nschwimmen viele Kinder im See."
        ' Bürgermeisterin <a href="/x">Anna Roth</a> sagte dazu:\n"Was\nsollen wir machen, wenn\n'
        'das Geld fehlt?", und ging.<br>\n</p>' + PARAGRAPH + "</article></body></html>"
    )
    article = extract(html_doc(html))
    first, second = article.text.split("\n\n")
    assert first == (
        "Seit die Gemeinde ihre Bäder schließt, schwimmen viele Kinder im See. Bürgermeisterin Anna Roth"
        ' sagte dazu: "Was sollen wir machen, wenn das Geld fehlt?", und ging.'
    )
    assert second == PARAGRAPH.removeprefix("<p>").removesuffix("</p>")


def test_source_line_breaks_in_a_heading_and_a_list_item_are_spaces() -> None:
    html = (
        "<html><body><article><h2>Neue\nRegeln für\n  den Hafen</h2>" + PARAGRAPH
        + "<ul><li>Der Hafen öffnet\nim Mai wieder.</li><li>Die Fähre fährt\nstündlich.</li></ul>"
        + PARAGRAPH + "</article></body></html>"
    )  # fmt: skip
    text = extract(html_doc(html)).text
    assert "Neue Regeln für den Hafen" in text
    assert "Der Hafen öffnet im Mai wieder." in text
    assert "Die Fähre fährt stündlich." in text


STORY = (
    "<p>Der Stadtrat hat am Dienstag den Bau einer neuen Brücke über den Kanal beschlossen.</p>"
    "<p>Die Kosten schätzt die Verwaltung auf rund zwölf Millionen Euro, sagte Baudezernent Tim Ohlsen.</p>"
    "<p>Die Bauarbeiten sollen im Frühjahr beginnen und zwei Jahre dauern.</p>"
)


def article_page(body: str) -> str:
    return f"<html><body><article><h1>Neue Brücke beschlossen</h1>{body}</article></body></html>"


def test_labels_at_the_end_and_a_metadata_line_are_dropped() -> None:
    end = (
        "<p>Mehr zum Thema Verkehr:</p><p>Quelle: Stadtfunk/kr</p>"
        "<p><b>Im Programm:</b>\nStadtfunk - Das Magazin | Aktuell | 3. März 2026 | 18:00 Uhr</p>"
    )
    text = extract(html_doc(article_page(STORY + end))).text
    assert text.endswith("Die Bauarbeiten sollen im Frühjahr beginnen und zwei Jahre dauern.")
    assert "Aktuell | 3. März" not in text


def test_a_metadata_line_in_the_middle_is_dropped() -> None:
    middle = "<p>Stadtfunk | Nachrichten | 3. März 2026 | 18:00 Uhr</p>"
    text = extract(html_doc(article_page(STORY + middle + STORY.replace("Brücke", "Fähre")))).text
    assert "|" not in text
    assert "Der Stadtrat hat am Dienstag den Bau einer neuen Fähre" in text


def test_a_list_after_a_final_colon_is_kept() -> None:
    end = "<p>Die Gegner nennen drei Gründe:</p><ul><li>zu teuer</li><li>zu laut</li><li>zu spät</li></ul>"
    text = extract(html_doc(article_page(STORY + end))).text
    assert text.endswith("Die Gegner nennen drei Gründe:\n\nzu teuer\n\nzu laut\n\nzu spät")


def test_a_run_of_promo_teasers_is_dropped() -> None:
    promo = "<ul>" + "".join(
        f"<li>{label}: <a href='/{i}'>{title}</a></li>"
        for i, (label, title) in enumerate([
            ("QUICK GUIDE", "How do I renew my permit?"),
            ("MAP", "Where the bridges are"),
            ("VIDEO", "The crossing in 60 seconds"),
            ("YOUR VIEWS", "Readers on the plan"),
        ])
    ) + "</ul>"  # fmt: skip
    english = (
        "<p>The council approved a new bridge over the canal on Tuesday, ending years of debate.</p>"
        "<p>Officials put the cost at about twelve million euros, the planning chief said.</p>"
    )
    text = extract(html_doc(article_page(english + promo + english.replace("bridge", "ferry")))).text
    for junk in ("QUICK GUIDE", "MAP:", "VIDEO:", "YOUR VIEWS"):
        assert junk not in text
    assert "The council approved a new ferry" in text


def test_an_interview_with_upper_case_speaker_labels_is_kept() -> None:
    interview = "".join(
        f"<p>{who}: {line}</p>"
        for who, line in [
            ("BLATT", "Wann fährt die Fähre?"),
            ("OHLSEN", "Ab Mai, stündlich"),
            ("BLATT", "Und nachts?"),
            ("OHLSEN", "Nur am Wochenende"),
        ]
    )
    text = extract(html_doc(article_page(STORY + interview + STORY.replace("Brücke", "Fähre")))).text
    assert "BLATT: Wann fährt die Fähre?" in text
    assert "OHLSEN: Nur am Wochenende" in text


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.Spiegel.de/politik/a.html", "spiegel.de"),
        ("http://news.bbc.co.uk:8080/x", "news.bbc.co.uk"),
        ("not a url", None),
        ("http://[::1", None),
        (None, None),
    ],
)
def test_domain_of(url: str | None, domain: str | None) -> None:
    assert domain_of(url) == domain


# ---------------------------------------------------------------- hostile HTML


def test_no_article_text() -> None:
    html = "<html><head><title>Nur Navigation</title></head><body><nav><a href='/'>Start</a></nav></body></html>"
    with pytest.raises(ExtractError) as caught:
        extract(html_doc(html))
    assert caught.value.origin == "page.html"
    assert caught.value.message == "no article text found in HTML"


def test_100k_nested_divs_fail_cleanly() -> None:
    html = "<html><body>" + "<div>" * 100_000 + PARAGRAPH + "</div>" * 100_000 + "</body></html>"
    with pytest.raises(ExtractError, match="more than 50000 tags; too complex to extract"):
        extract(html_doc(html))


@pytest.mark.parametrize("closed", [True, False])
def test_deep_nesting_within_limits_is_read(closed: bool) -> None:
    html = "<html><body>" + "<div>" * 20_000 + PARAGRAPH + ("</div>" * 20_000 if closed else "")
    article = extract(html_doc(html))
    assert article.text == "Der Sprecher der Polizei sagte am Montag, dass niemand verletzt worden sei."


def test_huge_attribute() -> None:
    html = "<html><body><div data-x='" + "a" * 9_000_000 + "'>" + PARAGRAPH * 3 + "</div></body></html>"
    assert "niemand verletzt" in extract(html_doc(html)).text


def test_garbage_markup() -> None:
    html = "<p>Unclosed <b>bold <i>italic</td></tr><<<>>> &bogus; </span></p></p>" + PARAGRAPH * 2 + "<!-- unclosed"
    assert "Der Sprecher der Polizei" in extract(html_doc(html)).text


def test_fallback_when_trafilatura_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    article = from_fixture("news_de.html")
    assert "Laut einem internen Papier der Stadtwerke" in article.text
    assert "Anwohner fürchten höhere Preise" in article.text
    for junk in ("Jetzt abonnieren", "Impressum", "Mehr zum Thema", "dataLayer"):
        assert junk not in article.text
    assert article.warnings == (
        "trafilatura failed (RecursionError)",
        "main text not found by trafilatura; used every paragraph of the page",
    )
    assert article.outlet == "Rheinische Tagespost"  # metadata does not depend on trafilatura


# ---------------------------------------------------------------- plain text


def test_text_is_kept_exactly() -> None:
    text = "  Erste Zeile\r\nZweite  Zeile\t\n\n\u00a0Dritte „Zeile“ \n"
    article = extract(text_doc(text))
    assert article.text == text
    digest = hashlib.sha256(text.encode()).hexdigest()
    assert article.content_hash == digest
    assert article.id == digest[:16]


def test_text_record_id_and_metadata() -> None:
    raw = text_doc(
        "The minister said the plan would be reviewed, according to officials.",
        record_id="42", title="Plan", url="https://www.example.com/a", outlet="Example", published="2024-01-01",
    )  # fmt: skip
    article = extract(raw)
    assert (article.id, article.title, article.outlet, article.published) == ("42", "Plan", "Example", "2024-01-01")
    assert article.domain == "example.com"
    assert article.author is None


def test_text_bytes_are_decoded_with_warning() -> None:
    article = extract(text_doc("Grüße aus Köln".encode() + b"\xff"))
    assert article.text == "Grüße aus Köln\ufffd"
    assert "invalid UTF-8, decoded with replacement characters" in article.warnings


@pytest.mark.parametrize(("text", "message"), [("", "is empty"), ("  \n\t", "contains only whitespace")])
def test_empty_text(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        extract(text_doc(text))
    assert caught.value.message == message


def test_raw_warnings_are_carried_over() -> None:
    raw = text_doc("Der Minister sagte, die Pläne würden geprüft, und es sei nicht zu spät.", warnings=("w1",))
    assert extract(raw).warnings == ("w1",)


# ---------------------------------------------------------------- language


def test_unsupported_language_warns_but_goes_on() -> None:
    article = extract(text_doc("Le gouvernement a annoncé mardi que les prix vont augmenter selon le ministre."))
    assert article.language == "fr"
    assert article.warnings == ("unsupported language 'fr': stored without analysis, not scored",)


def test_undetectable_language_warns() -> None:
    article = extract(text_doc("12:30 — 14:45 — 16:00"))
    assert article.language == "unknown"
    assert article.warnings == ("could not detect the language: stored without analysis, not scored",)


def test_language_argument_overrides_record_and_detection() -> None:
    raw = text_doc("Der Minister sagte, die Pläne würden geprüft.", language="fr")
    assert extract(raw, language="EN").language == "en"
    assert extract(raw).language == "fr"


@pytest.mark.parametrize(("given", "expected"), [("de-DE", "de"), ("EN_gb", "en"), (" de ", "de")])
def test_record_language_is_normalised(given: str, expected: str) -> None:
    assert extract(text_doc("Hallo.", language=given)).language == expected


def test_invalid_language_code_is_ignored_with_warning() -> None:
    article = extract(
        text_doc("Der Minister sagte, die Pläne würden geprüft, und es sei nicht zu spät."), language="deutsch!"
    )
    assert article.language == "de"
    assert article.warnings == ("ignored invalid language code 'deutsch!'",)


def test_page_language_is_used_when_detection_fails() -> None:
    table = "<p>Wien: 12 : 3 — 45 / 67 — Tabelle 2024 Ergebnis.</p>"  # no stopwords to count
    html = f'<html lang="de-AT"><body><article>{table}</article></body></html>'
    assert extract(html_doc(html)).language == "de"
