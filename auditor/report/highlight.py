"""A sentence as escaped HTML, with its source, cue, via and hedge spans marked.

The one span highlighter behind every HTML view: the HTML report
(``auditor.report.html``) and the Datasette plugin (``auditor.datasette_plugin``)
both call :func:`highlight_html`.  Article text is untrusted, so every piece of
it goes through :func:`html.escape`; the only markup in the output is ours.

Spans arrive in the JSON shape of ``auditor.report.json.sentence_to_dict`` (the
plugin rebuilds that shape from database rows), so the rule "a split cue is
marked piece by piece" lives only in :func:`sentence_marks`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape
from itertools import pairwise
from typing import Any

# Drawing order in the legend; a span may carry several roles at once.
ROLES = ("source", "cue", "via", "hedge")
# Source kinds that get the warning colour: the reader cannot check them.
UNCHECKABLE_KINDS = frozenset({"anonymous", "vague"})

HIGHLIGHT_CSS = """\
mark.hl { background: none; color: inherit; padding: 0 .08em; border-radius: .2em; }
mark.hl-source { background: #c9ecfb; box-shadow: inset 0 -2px 0 #1479a8; }
mark.hl-source.hl-uncheckable { background: #ffd3d3; box-shadow: inset 0 -2px 0 #c0262d; }
mark.hl-via { background: #e6d8ff; box-shadow: inset 0 -2px 0 #6b3fc4; }
mark.hl-cue { background: #ffee8a; font-weight: 600; }
mark.hl-hedge { text-decoration: underline wavy #d4380d; text-decoration-thickness: 2px;
                text-underline-offset: .2em; text-decoration-skip-ink: none; }
.hl-legend { line-height: 2; }
.hl-legend mark.hl { margin-right: .6em; }
"""

# (roles, source kind, label) of each legend entry.
_LEGEND = (
    (("source",), None, "source"),
    (("source",), "anonymous", "anonymous or vague source"),
    (("cue",), None, "cue"),
    (("via",), None, "via (relay)"),
    (("hedge",), None, "hedge"),
)


@dataclass(frozen=True)
class Mark:
    """One span to mark; offsets are Python ``str`` indices into the article text."""

    start: int
    end: int
    role: str  # one of ROLES
    kind: str | None = None  # source kind or hedge kind


def _marks_of(role: str, spans: Iterable[Mapping[str, Any] | None], kind: str | None = None) -> list[Mark]:
    return [Mark(span["start"], span["end"], role, kind if kind is not None else span.get("kind"))
            for span in spans if span]


def sentence_marks(sentence: Mapping[str, Any]) -> list[Mark]:
    """The marks of one sentence in the JSON shape (``attributions`` and ``hedges``)."""
    marks: list[Mark] = []
    for attribution in sentence.get("attributions") or ():
        marks += _marks_of("source", [attribution.get("source")])
        marks += _marks_of("cue", attribution.get("cue_parts") or [attribution.get("cue")])
        marks += _marks_of("via", attribution.get("via") or ())
    for hedge in sentence.get("hedges") or ():
        marks += _marks_of("hedge", hedge.get("parts") or [hedge], kind=hedge.get("kind"))
    return marks


def _css_word(value: str) -> str:
    return re.sub(r"[^a-z0-9_-]", "", value.lower())


def _mark_tag(marks: list[Mark]) -> str:
    """The opening <mark> for a stretch of text covered by ``marks``."""
    roles = [role for role in ROLES if any(m.role == role for m in marks)]
    classes = ["hl", *(f"hl-{role}" for role in roles)]
    kinds = {m.kind for m in marks if m.role == "source" and m.kind}
    if kinds & UNCHECKABLE_KINDS:
        classes.append("hl-uncheckable")
    classes += sorted(f"hl-kind-{_css_word(kind)}" for kind in kinds)
    labels = []
    for m in sorted(marks, key=lambda m: ROLES.index(m.role) if m.role in ROLES else len(ROLES)):
        label = f"{m.role} ({m.kind})" if m.kind else m.role
        if label not in labels:
            labels.append(label)
    return f'<mark class="{" ".join(classes)}" title="{escape(", ".join(labels))}">'


def highlight_html(text: str, marks: Iterable[Mark], offset: int = 0) -> str:
    """``text`` escaped, with each stretch covered by marks wrapped in one <mark>.

    ``offset`` is where ``text`` starts in the article (a sentence's ``start``).
    Marks outside the text are skipped: a carried-over source points into an
    earlier sentence.  Overlapping marks split the text at every boundary, and
    each stretch carries the classes of all marks covering it.
    """
    inside = [m for m in marks if 0 <= m.start - offset < m.end - offset <= len(text)]
    bounds = sorted({0, len(text), *(m.start - offset for m in inside), *(m.end - offset for m in inside)})
    pieces: list[str] = ['<span class="hl-text">']
    open_set: frozenset[Mark] = frozenset()
    for left, right in pairwise(bounds):
        covering = frozenset(m for m in inside if m.start - offset <= left and right <= m.end - offset)
        if covering != open_set:
            if open_set:
                pieces.append("</mark>")
            if covering:
                pieces.append(_mark_tag(sorted(covering, key=lambda m: (m.start, m.end, m.role))))
            open_set = covering
        pieces.append(escape(text[left:right]))
    if open_set:
        pieces.append("</mark>")
    pieces.append("</span>")
    return "".join(pieces)


def legend_html() -> str:
    """A legend whose entries look exactly like the marks they explain."""
    entries = " ".join(_mark_tag([Mark(0, 1, role, kind) for role in roles]) + escape(label) + "</mark>"
                       for roles, kind, label in _LEGEND)
    return f'<p class="hl-legend">Legend: {entries}</p>'
