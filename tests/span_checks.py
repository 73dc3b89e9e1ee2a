"""What every audit result must satisfy, whatever the text: spans that are what
they say, inside their own sentence (or, for speech carried over without a cue,
inside another sentence: an earlier one, or a later one that closes a quotation
over several sentences). Used by the totality and fuzz tests."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.models import AuditResult, Span, TaggedSentence

# what the analyser adds to an article's warnings when a sentence fails it
ANALYSER_WARNINGS = ("left untagged", "left unlinked")


def _spans(sentence: TaggedSentence) -> Iterator[tuple[str, Span, bool]]:
    """(role, span, carried): a carried source or via lies in another sentence."""
    for a in sentence.attributions:
        carried = a.cue is None
        if a.source is not None:
            yield "source", a.source, carried
        if a.cue is not None:
            yield "cue", a.cue, False
        yield from (("cue part", p, False) for p in a.cue_parts)
        yield from (("via", v, carried) for v in a.via)
    for h in sentence.hedges:
        yield "hedge", h, False
        yield from (("hedge part", p, False) for p in h.parts)


def _resolved_names(sentence: TaggedSentence) -> Iterator[str | None]:
    for a in sentence.attributions:
        yield from (s.resolved_to for s in (a.source, *a.via) if s is not None)


def _inside_one(span: Span, bounds: list[tuple[int, int]]) -> bool:
    return any(start <= span.start < span.end <= end for start, end in bounds)


def span_problems(result: AuditResult) -> list[str]:
    """Every way the result breaks the rules; empty when it keeps them."""
    text = result.article.text
    problems = [f"analyser warning: {w}" for w in result.article.warnings if any(m in w for m in ANALYSER_WARNINGS)]
    bounds = [(s.start, s.end) for s in result.sentences]
    for s in result.sentences:
        where = f"sentence {s.index} {s.text[:60]!r}"
        if text[s.start:s.end] != s.text:
            problems.append(f"{where}: sentence offsets {s.start}:{s.end} do not give its text")
        for role, span, carried in _spans(s):
            if text[span.start:span.end] != span.text or span.start >= span.end:
                problems.append(f"{where}: {role} {span.text!r} at {span.start}:{span.end} is "
                                f"{text[span.start:span.end]!r} in the text")
            elif not s.start <= span.start < span.end <= s.end and not (carried and _inside_one(span, bounds)):
                problems.append(f"{where}: {role} {span.text!r} at {span.start}:{span.end} is not inside it"
                                + (" nor carried over from another sentence" if carried else ""))
        for name in _resolved_names(s):
            # a name from the text, not a span or an empty string
            if name is not None and (not isinstance(name, str) or not name.strip() or name not in text):
                problems.append(f"{where}: resolved_to {name!r} is no name from the text")
    return problems
