"""Links between sentences: quotations over several sentences, reported speech that
carries on without a cue of its own, and (:mod:`.coref`) pronouns and descriptions.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..lexicon import Lexicon
from ..models import Attribution, TaggedSentence, journalist_hedges
from .coref import resolve as resolve_references
from .grammar import Grammar
from .hedging import with_voices
from .interviews import answer_interviews
from .tokens import Token

# opening quote -> the closing quotes that may end it
# a straight opening quote may be closed by a curly one ("Wir verbrauchen … 40 Prozent.“)
_QUOTE_PAIRS = {"„": "“”\"", "“": "”\"", "”": "”", "»": "«", "«": "»", '"': '"“”'}
_MIN_QUOTE_WORDS = 3
_NAMED = ("person", "organization", "outlet")


# a quotation closed before the full stop, with none inside, is a title ("… ihr Erstwerk: „Die Reise“.")
_TITLE_END = re.compile("[^.!?…][" + re.escape("".join(_QUOTE_PAIRS.values())) + r"]\.?\s*$")


_QUOTE_OR_LINE = re.compile("[" + re.escape("".join(_QUOTE_PAIRS) + "".join(_QUOTE_PAIRS.values())) + "\n]")


def _opens_words(text: str, at: int) -> bool:
    """A quote mark at ``at`` that opens words: after a space or the line's start, before a
    letter or digit (a stray mark inside markup, 'true">', opens nothing)."""
    return (at == 0 or text[at - 1].isspace()) and at + 1 < len(text) and text[at + 1].isalnum()


def quote_regions(text: str, run_on: bool = False) -> list[tuple[int, int]]:
    """Character ranges of quotations; a quotation never runs past its paragraph.
    ``run_on``: a quotation still open at the paragraph's end runs to it (the
    convention for a quotation over several paragraphs: no closing mark until the last)."""
    regions = []
    opener = None
    start = 0
    # only quote marks and line ends matter: a regex finds them, a Python loop over every character is slow
    for match in _QUOTE_OR_LINE.finditer(text):
        ch, i = match.group(), match.start()
        if ch == "\n" and opener is not None:
            if run_on and _opens_words(text, start) and len(text[start + 1:i].split()) >= _MIN_QUOTE_WORDS:
                regions.append((start, i))
            opener = None  # unbalanced quote: close it at the end of the line
            continue
        if opener is None:
            if ch in _QUOTE_PAIRS and not (ch == "”"):
                opener, start = ch, i
        elif ch in _QUOTE_PAIRS[opener]:
            if len(text[start + 1:i].split()) >= _MIN_QUOTE_WORDS:
                regions.append((start, i + 1))
            opener = None
    return regions


def _with(sentence: TaggedSentence, **changes) -> TaggedSentence:
    return sentence.model_copy(update=changes)


def _goes_on(before: TaggedSentence, first: TaggedSentence, q_start: int) -> bool:
    """May a quotation that opens ``first`` go on in the voice of ``before``: in the same
    paragraph, or as the whole next paragraph after a quoted speaker's paragraph
    (»…«, sagte Weber. ¶ »Der Stadtrat hat zugestimmt.«)."""
    if first.start < q_start:
        return False
    if before.paragraph == first.paragraph:
        return True
    return first.paragraph == before.paragraph + 1 and first.start == q_start and before.has_quote and any(
        a.cue is not None and a.source is not None and a.source.kind in _NAMED for a in before.attributions)


def _apply_quotes(text: str, tagged: list[TaggedSentence]) -> list[TaggedSentence]:
    # sentences are in text order and do not overlap, so the ones a quotation overlaps are a run:
    # from the first that ends after it starts to the last that starts before it ends
    starts, ends = [s.start for s in tagged], [s.end for s in tagged]
    for q_start, q_end in quote_regions(text):
        inside = list(range(bisect_right(ends, q_start), bisect_left(starts, q_end)))
        for i in inside:
            s = tagged[i]
            # a cue inside the quote is the speaker's own word ("Ich sage euch ..."),
            # unless it is the only cue there is
            outside = [a for a in s.attributions if a.cue is None or not q_start <= a.cue.start < q_end]
            # a sentence wholly inside the quotation is the speaker's own, cues and all
            # ("“… Our ancestors tell us the strandings are a sign. …”")
            keep = outside if outside or q_start <= s.start and s.end <= q_end else list(s.attributions)
            keep = [a.model_copy(update={"mode": "direct_quote"})
                    if a.mode in ("reported_speech", "according_to") and a.cue is not None
                    and not q_start <= a.cue.start < q_end else a for a in keep]
            tagged[i] = _with(s, attributions=tuple(keep), has_quote=True)
        speaker = next((a for i in inside for a in tagged[i].attributions if a.source is not None), None)
        mode = "direct_quote"
        if speaker is None and inside and inside[0] > 0:
            # a quotation right after a quoted speaker's sentence, in the same paragraph, goes on in their
            # voice: »…«, sagte Weber. »Die Mittel sind bereitgestellt. Der Stadtrat hat zugestimmt.«
            # So does one after a speaker's reported words: Sie komme später, sagt Weber. »Der Zug fällt aus.«
            # or after a named source's facts: Die Quote liegt laut Weber bei 96 Prozent. »Wir sparen Energie.«
            before, first = tagged[inside[0] - 1], tagged[inside[0]]
            if _goes_on(before, first, q_start) and not _TITLE_END.search(first.text):
                speaker = next((a for a in before.attributions if a.source is not None and (
                    before.has_quote or a.cue is not None and a.mode == "reported_speech"
                    or a.mode == "according_to" and a.source.kind in _NAMED)), None)
                mode = "carried_over"
                inside = [i for i in inside if tagged[i].start >= q_start]
        if speaker is None or len(inside) < 2 and mode == "direct_quote":
            continue
        for i in inside:
            s = tagged[i]
            if not s.attributions and s.start >= q_start and not s.is_heading:
                carried = Attribution(source=speaker.source, cue=None, via=speaker.via, mode=mode)
                tagged[i] = _with(s, attributions=(carried,))
    return tagged


def _after_colon(tagged: list[TaggedSentence]) -> list[TaggedSentence]:
    """A sentence that ends on a colon after its speaker and cue ("Die Ministerin sagte:")
    hands its speaker to a quotation that opens the next sentence, in the same or the next
    paragraph; a quotation over several sentences then goes on in that voice."""
    for i in range(len(tagged) - 1):
        s, nxt = tagged[i], tagged[i + 1]
        if not s.text.rstrip().endswith(":") or s.is_heading or nxt.is_heading or nxt.attributions \
                or nxt.paragraph - s.paragraph > 1:
            continue
        quoted = nxt.text.lstrip()[:1] in _QUOTE_PAIRS
        if not quoted and nxt.paragraph != s.paragraph:
            continue  # unquoted words in the next paragraph may be the journalist's again
        # a source named with "nach"/"laut" frames facts, not the words that follow the colon
        speaker = next((a for a in s.attributions if a.source is not None and a.cue is not None
                        and a.mode != "according_to"), None)
        if speaker is not None and not _TITLE_END.search(nxt.text):
            # "Sie sagte: Die Lage ist ernst." - the sentence after the colon, quoted or not
            mode = "direct_quote" if quoted else "carried_over"
            carried = Attribution(source=speaker.source, cue=None, via=speaker.via, mode=mode)
            tagged[i + 1] = _with(nxt, attributions=(carried,))
    return tagged


def _carry_over(tagged: list[TaggedSentence], lex: Lexicon, tokens: list[list[Token]],
                grammar: Grammar) -> list[TaggedSentence]:
    """A sentence in the mood of reported speech (German Konjunktiv I) after an attributed one
    continues its reported speech, until a sentence in another mood, a heading or a new source."""
    if not lex.word("subjunctive_forms"):
        return tagged  # a language without that mood: "reportedly" alone continues no one's speech
    previous: Attribution | None = None
    for i, s in enumerate(tagged):
        if s.is_heading:
            previous = None
            continue
        if s.attributions:
            previous = next((a for a in s.attributions if a.source is not None), None)
            continue
        if previous is None:
            continue
        reportative = any(h.kind == "reportative" for h in journalist_hedges(s.hedges))
        if reportative or grammar.carries_report(tokens[i], lex):
            source = previous.source
            carried = Attribution(source=source, cue=None, via=previous.via, mode="carried_over")
            tagged[i] = _with(s, attributions=(carried,))
        else:
            previous = None
    return tagged


def link(text: str, tagged: list[TaggedSentence], lex: Lexicon, tokens: list[list[Token]],
         grammar: Grammar) -> list[TaggedSentence]:
    """The sentences with links between them; ``tokens`` are each sentence's tokens, in the same order."""
    tagged = _apply_quotes(text, _after_colon(list(tagged)))
    # a speaker's hedges are not the journalist's
    tagged = with_voices(tagged, quote_regions(text, run_on=True))
    tagged = _carry_over(tagged, lex, tokens, grammar)
    tagged = grammar.link(text, tagged, lex, tokens)
    return answer_interviews(resolve_references(text, tagged, lex, grammar), lex)
