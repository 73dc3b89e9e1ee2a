"""Question-and-answer interviews: every answer is a direct quotation of the interviewee.

The shape is read from the paragraphs, in any language: a paragraph whose last
sentence ends in "?" (a question, set as its own paragraph, not a heading) followed by
a paragraph that does not (the answer). An explainer with questions as headings ("Was
ist passiert?") is not an interview: the journalist answers there; nor is a commentary
asking its readers: most questions of an interview address the interviewee (the
lexicon's ``interview_address`` words, "you", and ``interview_address_capitalised``,
"Sie"; a language without them has no interviews read). The interviewee is the person the article names as a source before
the first question.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon
from ..models import Attribution, SourceSpan, TaggedSentence

# fewer pairs are rhetorical questions in a report, not an interview
MIN_PAIRS = 3
_CLOSERS = "\"'“”»«’ )"
_WORD = re.compile(r"\w+")


def _paragraphs(tagged: list[TaggedSentence]) -> list[list[int]]:
    """Sentence positions grouped by paragraph, in text order."""
    groups: list[list[int]] = []
    for i, s in enumerate(tagged):
        if groups and tagged[groups[-1][-1]].paragraph == s.paragraph:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _is_question(tagged: list[TaggedSentence], group: list[int]) -> bool:
    last = tagged[group[-1]]
    return not any(tagged[i].is_heading for i in group) and last.text.rstrip(_CLOSERS).endswith("?")


def _addresses(tagged: list[TaggedSentence], group: list[int], address: frozenset[str]) -> bool:
    """Does the question speak to someone ("Frau Weber, was raten Sie …?")? Words as written,
    but the first of a sentence ("Sie sagen …" may be "they")."""
    return any(w in address for i in group for w in _WORD.findall(tagged[i].text)[1:])


def _answers(tagged: list[TaggedSentence], groups: list[list[int]],
             address: frozenset[str]) -> tuple[int, list[int]]:
    """(the first question's position, the sentences of the answers) when the paragraphs
    have the shape of an interview, else (-1, [])."""
    first_question = -1
    answers: list[int] = []
    pairs = addressed = 0
    for g, group in enumerate(groups[:-1]):
        nxt = groups[g + 1]
        if not _is_question(tagged, group) or _is_question(tagged, nxt) or any(tagged[i].is_heading for i in nxt):
            continue
        pairs += 1
        addressed += _addresses(tagged, group, address)
        if first_question < 0:
            first_question = group[0]
        answers += nxt
    return (first_question, answers) if pairs >= MIN_PAIRS and 2 * addressed >= pairs else (-1, [])


def _interviewee(tagged: list[TaggedSentence], before: int) -> SourceSpan | None:
    """The person named last as a source before the first question (a pronoun by its referent)."""
    for s in reversed(tagged[:before]):
        for a in s.attributions:
            src = a.source
            if src is not None and (src.kind == "person" or src.kind == "pronoun" and src.resolved_to):
                return src
    return None


def answer_interviews(tagged: list[TaggedSentence], lex: Lexicon) -> list[TaggedSentence]:
    """The answers of an interview, where they have no attribution of their own, as direct
    quotations of the interviewee."""
    address = lex.derived(_address_words)
    if not address or not any(s.text.rstrip(_CLOSERS).endswith("?") for s in tagged):
        return tagged
    first_question, answers = _answers(tagged, _paragraphs(tagged), address)
    if first_question < 0:
        return tagged
    speaker = _interviewee(tagged, first_question)
    if speaker is None:
        return tagged
    out = list(tagged)
    for i in answers:
        if not out[i].attributions:
            out[i] = out[i].model_copy(update={
                "attributions": (Attribution(source=speaker, cue=None, mode="direct_quote"),), "has_quote": True})
    return out


def _address_words(lex: Lexicon) -> frozenset[str]:
    # matched as written: the lexicon lowers its word classes, so the words it lists in any case
    # ("you") come in three spellings, those only capitalised (German "Sie", not "sie" = they) in one
    anycase = lex.word("interview_address")
    capitalised = lex.word("interview_address_capitalised")
    return (anycase | frozenset(w.capitalize() for w in anycase) | frozenset(w.upper() for w in anycase)
            | frozenset(w.capitalize() for w in capitalised))
