"""What the reader sees must be the article (issue 13, item 7): the lead kept,
furniture dropped by shape, and an outlet and author that are an outlet and an author.
Every page here is a small page written for the test."""

from __future__ import annotations

import pytest

from auditor.extract import extract
from auditor.metadata import choose_author, choose_outlet, names_domain, registered_domain
from auditor.models import RawDocument
from auditor.pipeline import audit_document
from auditor.scoring.features import has_number

STORY = (
    "<p>The council approved a new bridge over the canal on Tuesday, ending years of debate in the town.</p>"
    "<p>Officials put the cost at about twelve million pounds, the planning chief said on Wednesday.</p>"
    "<p>Work is due to begin in the spring and will take two years, according to the council.</p>"
)
LEAD = "A watchdog says the bridge will cost twice what the council claims, a report found."


def page(body: str, head: str = "", url: str = "https://www.riverside-chronicle.example/news/bridge-1") -> RawDocument:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return RawDocument(origin="page.html", content=html, content_type="html", url=url)


def with_header_lead(description: str = LEAD, shown: str = LEAD) -> RawDocument:
    head = f'<meta name="description" content="{description}">'
    body = (f"<article><header><h1>Bridge approved</h1><p class='standfirst'>{shown}</p></header>"
            f"<div class='body'>{STORY}</div></article>")
    return page(body, head)


# ---------------------------------------------------------------- the lead


def test_a_lead_shown_in_the_header_is_put_before_the_story() -> None:
    text = extract(with_header_lead()).text
    assert text.count(LEAD) == 1
    assert text.index(LEAD) < text.index("The council approved a new bridge")


def test_a_description_the_page_does_not_show_is_not_added() -> None:
    head = f'<meta name="description" content="{LEAD}">'
    text = extract(page(f"<article><h1>Bridge approved</h1>{STORY}</article>", head)).text
    assert "watchdog" not in text


def test_a_lead_already_in_the_text_is_not_repeated() -> None:
    head = '<meta property="og:description" content="The council approved a new bridge over the canal on Tuesday.">'
    text = extract(page(f"<article><h1>Bridge approved</h1>{STORY}</article>", head)).text
    assert text.count("The council approved a new bridge") == 1


def test_a_cut_off_description_is_not_a_lead() -> None:
    cut = "A watchdog says the bridge will cost twice what the council…"
    text = extract(with_header_lead(cut, cut)).text
    assert "watchdog" not in text


def test_a_description_in_a_script_only_is_not_shown() -> None:
    head = f'<meta name="description" content="{LEAD}">'
    body = f"<article><script>var teaser = '{LEAD}';</script>{STORY}</article>"
    assert "watchdog" not in extract(page(body, head)).text


# ---------------------------------------------------------------- outlet


def test_a_section_name_gives_way_to_the_publisher_the_domain_confirms() -> None:
    head = ('<meta property="og:site_name" content="World">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge approved",'
            ' "publisher": {"@type": "Organization", "name": "The Riverside Chronicle"}}</script>')
    assert extract(page(STORY, head)).outlet == "The Riverside Chronicle"


def test_a_section_name_gives_way_to_the_alias_of_the_domain() -> None:
    head = '<meta property="og:site_name" content="U.S.">'
    assert extract(page(STORY, head, url="https://www.reuters.com/article/us-bridge/x")).outlet == "Reuters"


def test_a_social_media_url_is_not_an_outlet() -> None:
    head = ('<meta property="og:site_name" content="https://www.facebook.com/riversidechronicle">'
            '<meta name="publisher" content="Riverside Chronicle">')
    assert extract(page(STORY, head)).outlet == "Riverside Chronicle"


def test_a_name_made_from_the_url_gives_way_to_the_alias() -> None:
    # nothing declared: trafilatura's "Bbc" from the host is no better than the outlet's name
    article = extract(page(STORY, url="https://www.bbc.co.uk/news/bridge-1"))
    assert article.outlet == "BBC"


@pytest.mark.parametrize("title", ["Bridge approved", "Bridge approved | timesofisrael.com"])
def test_nothing_declared_gives_the_aliased_name_not_one_made_from_the_host(title: str) -> None:
    raw = page(STORY, f"<title>{title}</title>", url="https://www.timesofisrael.com/bridge-approved/")
    assert extract(raw).outlet == "The Times of Israel"  # not "Timesofisrael"


def test_a_declared_name_on_an_unknown_domain_is_kept() -> None:
    head = '<meta property="og:site_name" content="Kanalblatt">'
    assert extract(page(STORY, head, url="https://example.org/a")).outlet == "Kanalblatt"


@pytest.mark.parametrize(("name", "label", "spelled"), [
    ("The New York Times", "nytimes", True),
    ("Frankfurter Allgemeine Zeitung", "faz", True),
    ("SPIEGEL ONLINE", "spiegel", True),
    ("Süddeutsche Zeitung", "sueddeutsche", True),
    ("the Guardian", "theguardian", True),
    ("DW.COM", "dw", True),
    ("U.S.", "reuters", False),
    ("World", "bbc", False),
    ("Politics", "washingtonpost", False),
])  # fmt: skip
def test_names_domain(name: str, label: str, spelled: bool) -> None:
    assert names_domain(name, label) is spelled


@pytest.mark.parametrize(("url", "domain"), [
    ("https://edition.cnn.com/2024/x", "cnn.com"),
    ("https://news.bbc.co.uk/x", "bbc.co.uk"),
    ("https://www.heraldsun.com.au/news", "heraldsun.com.au"),
    ("not a url", None),
])  # fmt: skip
def test_registered_domain(url: str, domain: str | None) -> None:
    assert registered_domain(url) == domain


def test_choose_outlet_falls_back_to_the_domain() -> None:
    assert choose_outlet((), "kanalblatt", "kanalblatt.example") == "kanalblatt.example"


# ---------------------------------------------------------------- author


def test_the_outlet_is_not_the_author() -> None:
    head = ('<meta property="og:site_name" content="Riverside Chronicle">'
            '<meta name="author" content="Riverside Chronicle">')
    assert extract(page(STORY, head)).author is None


def test_a_domain_is_not_an_author() -> None:
    head = '<meta name="author" content="riverside-chronicle.example">'
    assert extract(page(STORY, head)).author is None


def test_a_person_named_like_the_site_is_an_author() -> None:
    head = ('<meta property="og:site_name" content="ohlsen.example">'
            '<meta name="author" content="Tim Ohlsen">')
    assert extract(page(STORY, head, url="https://ohlsen.example/a")).author == "Tim Ohlsen"


def test_choose_author_rejects_a_rewritten_outlet_field() -> None:
    # "kanalblatt.de" rejected, then a rewritten "Kanalblatt De" of the same words
    assert choose_author(("kanalblatt.de", "Kanalblatt De"), ("Kanalblatt",)) is None
    assert choose_author(("Kanalblatt, Hamburg", "Eva Roth"), ("Kanalblatt",)) == "Eva Roth"


# ---------------------------------------------------------------- datelines


@pytest.mark.parametrize("line", [
    "| 3. März 2026 | 18:00 Uhr",
    "Stand: 03.03.2026 18:05 Uhr",
    "Posted 2026-03-03 18:05",
    "Updated 6:05 p.m., March 3, 2026",
])  # fmt: skip
def test_a_dateline_states_no_number(line: str) -> None:
    assert not has_number(line, "unknown")  # month names of every language


@pytest.mark.parametrize("sentence", [
    "Um 18:00 Uhr kamen 40 Leute zur Brücke.",
    "The match ended 2:1.",
    "Die Brücke kostet 7,40 Millionen Euro.",
])  # fmt: skip
def test_a_number_beside_a_time_still_counts(sentence: str) -> None:
    assert has_number(sentence, "unknown")


# ---------------------------------------------------------------- furniture


def test_a_copyright_line_and_closing_initials_are_dropped() -> None:
    end = "<p>© 2026 Riverside Chronicle Ltd. All rights reserved.</p>"
    last = STORY.replace("according to the council.</p>", "according to the council. (rc/ab)</p>")
    text = extract(page(f"<article>{last}{end}</article>")).text
    assert text.endswith("according to the council.")
    assert "©" not in text and "(rc/ab)" not in text


def test_a_paragraph_mentioning_copyright_is_kept() -> None:
    claim = ("<p>Copyright lawyers for the council said the design of the bridge had been copied "
             "from a competition entry, and the architect denied it.</p>")
    assert "Copyright lawyers for the council said" in extract(page(f"<article>{STORY}{claim}</article>")).text


def test_a_pull_quote_repeated_after_its_paragraph_is_dropped() -> None:
    quote = "<blockquote><p>The bridge will change how the whole town moves</p></blockquote>"
    said = ("<p>The mayor was delighted. The bridge will change how the whole town moves, "
            "she said after the vote.</p>")
    text = extract(page(f"<article>{STORY}{said}{quote}<p>The vote was nine to four.</p></article>")).text
    assert text.count("The bridge will change how the whole town moves") == 1
    assert text.endswith("The vote was nine to four.")


def test_a_pull_quote_before_its_paragraph_stays_once() -> None:
    quote = "<h2>»Die Brücke verändert, wie sich die ganze Stadt bewegt«</h2>"
    said = ("<p>Die Bürgermeisterin war erfreut. Die Brücke verändert, wie sich die ganze Stadt bewegt, "
            "sagte sie nach der Abstimmung.</p>")
    text = extract(page(f"<article>{STORY}{quote}{said}</article>")).text
    assert "»Die Brücke verändert, wie sich die ganze Stadt bewegt«" in text
    assert "sagte sie nach der Abstimmung." in text


def test_a_paragraph_printed_twice_is_read_once() -> None:
    twice = "<p>Residents of both banks had waited for a crossing since the old ferry stopped in 1998.</p>"
    text = extract(page(f"<article>{STORY}{twice}<p>The vote was nine to four.</p>{twice}</article>")).text
    assert text.count("Residents of both banks") == 1


def test_the_kept_lead_is_audited_with_its_source() -> None:
    lead = "Die Brücke wird doppelt so teuer wie geplant, sagte der Rechnungsprüfer Jan Koval."
    head = f'<meta property="og:description" content="{lead}">'
    story = ("<p>Der Stadtrat hat am Dienstag den Bau einer neuen Brücke über den Kanal beschlossen.</p>"
             "<p>Die Bauarbeiten sollen im Frühjahr beginnen und zwei Jahre dauern.</p>"
             "<p>Der Bau soll den Verkehr in der Innenstadt deutlich entlasten.</p>")
    body = f"<article><header><h1>Brücke beschlossen</h1><p class='teaser'>{lead}</p></header>{story}</article>"
    result = audit_document(page(body, head, url="https://kanalblatt.example/a"))
    [first] = [s for s in result.sentences if s.text == lead]
    assert [a.source.text for a in first.attributions if a.source] == ["der Rechnungsprüfer Jan Koval"]
