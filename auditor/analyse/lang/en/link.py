"""Links between English sentences: cues inside a quotation of several sentences are the
speaker's own words, and a quotation after an attributed quote goes on in that voice
(pronouns are resolved by the language-neutral :mod:`auditor.analyse.coref`)."""

from __future__ import annotations

from ....lexicon import Lexicon
from ....models import Attribution, TaggedSentence
from ...discourse import quote_regions
from .quotes import CLOSERS, OPENERS

def link(text: str, tagged: list[TaggedSentence], lex: Lexicon) -> list[TaggedSentence]:
    """Cues inside a quotation of several sentences are the speaker's own words;
    a quotation right after an attributed quote continues it."""
    regions = sorted(quote_regions(text) + _open_paragraph_quotes(text))
    r = 0
    speaker = None  # the attribution of the last attributed quote in this paragraph
    paragraph = None
    for i, s in enumerate(tagged):
        if s.paragraph != paragraph:
            paragraph, speaker = s.paragraph, None
        while r < len(regions) and regions[r][1] <= s.start:
            r += 1
        inside = r < len(regions) and regions[r][0] <= s.start and s.end <= regions[r][1] + 1
        attributions = s.attributions
        if inside and any(a.cue is not None for a in attributions):
            attributions = tuple(a for a in attributions if a.cue is None)
            s = s.model_copy(update={"attributions": attributions})
        starts_quote = s.text[:1] in OPENERS or s.text[:2] == "''"
        if not attributions and not s.is_heading and speaker is not None and (inside or starts_quote):
            carried = Attribution(source=speaker.source, cue=None, via=speaker.via, mode="carried_over")
            s = s.model_copy(update={"attributions": (carried,), "has_quote": True})
        tagged[i] = s
        named = next((a for a in s.attributions if a.source is not None and a.cue is not None), None)
        if named is not None:
            speaker = named if s.has_quote or any(c in s.text for c in "“”\"") else None
    return tagged


def _open_paragraph_quotes(text: str) -> list[tuple[int, int]]:
    """Paragraphs that open a quotation and never close it: a quote that runs on
    into the next paragraph (the closing mark only comes at its very end)."""
    regions = []
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        line = text[start:end]
        stripped = line.lstrip()
        curly = stripped[:1] in OPENERS and not any(c in CLOSERS for c in stripped[1:]) and "''" not in stripped[2:]
        doubled = stripped[:2] == "''" and "''" not in stripped[2:]
        if curly or doubled:
            regions.append((start + len(line) - len(stripped), end))
        start = end + 1
    return regions
