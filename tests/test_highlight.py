"""auditor.report.highlight: spans become <mark>s, everything else is escaped text."""

from __future__ import annotations

import re

from auditor.report.highlight import Mark, highlight_html, legend_html, sentence_marks


def marked(html: str) -> list[tuple[str, str]]:
    """(class, text) of every <mark> in the output."""
    return re.findall(r'<mark class="([^"]*)" title="[^"]*">(.*?)</mark>', html)


def test_marks_wrap_their_spans_and_text_is_escaped():
    text = 'Police <b>"sources"</b> said it & more.'
    html = highlight_html(text, [Mark(0, 6, "source", "anonymous"), Mark(24, 28, "cue")])
    assert marked(html) == [("hl hl-source hl-uncheckable hl-kind-anonymous", "Police"), ("hl hl-cue", "said")]
    assert "&lt;b&gt;&quot;sources&quot;&lt;/b&gt;" in html
    assert " it &amp; more." in html
    assert "<b>" not in html


def test_offsets_are_code_points_and_relative_to_the_sentence():
    article = "Intro. 🚨🇩🇪 Experts say so."
    start = article.index("🚨")
    sentence = article[start:]
    experts = article.index("Experts")
    html = highlight_html(sentence, [Mark(experts, experts + 7, "source", "vague")], offset=start)
    assert marked(html) == [("hl hl-source hl-uncheckable hl-kind-vague", "Experts")]
    assert html.startswith('<span class="hl-text">🚨🇩🇪 <mark')


def test_overlapping_marks_split_at_every_boundary():
    html = highlight_html("laut Quellen", [Mark(0, 12, "hedge", "reportative"), Mark(0, 4, "cue")])
    assert marked(html) == [("hl hl-cue hl-hedge", "laut"), ("hl hl-hedge", " Quellen")]


def test_marks_outside_the_sentence_are_skipped():
    # a carried-over source points into an earlier sentence
    html = highlight_html("He added.", [Mark(0, 5, "source", "person"), Mark(100, 102, "source", "pronoun")],
                          offset=100)
    assert marked(html) == [("hl hl-source hl-kind-pronoun", "He")]


def test_kinds_cannot_break_out_of_the_attributes():
    html = highlight_html("abc", [Mark(0, 3, "source", 'x" onmouseover="alert(1)')])
    assert "onmouseover=" not in html.replace("onmouseover=&quot;", "")
    assert 'class="hl hl-source hl-kind-xonmouseoveralert1"' in html


def test_sentence_marks_use_the_pieces_of_split_cues():
    sentence = {
        "attributions": [{
            "source": {"start": 10, "end": 17, "kind": "anonymous"},
            "cue": {"start": 0, "end": 5},
            "cue_parts": [{"start": 0, "end": 5}, {"start": 20, "end": 23}],
            "via": [{"start": 30, "end": 43, "kind": "outlet"}],
        }],
        "hedges": [{"start": 6, "end": 9, "kind": "reportative", "parts": []}],
    }
    assert sorted(sentence_marks(sentence), key=lambda m: m.start) == [
        Mark(0, 5, "cue"), Mark(6, 9, "hedge", "reportative"), Mark(10, 17, "source", "anonymous"),
        Mark(20, 23, "cue"), Mark(30, 43, "via", "outlet"),
    ]


def test_legend_shows_each_role_as_it_is_marked():
    legend = legend_html()
    for role in ("source", "cue", "via", "hedge"):
        assert f"hl-{role}" in legend
    assert "hl-uncheckable" in legend
