"""Links between German sentences: "er"/"sie" as a source resolved to the person
named last, and a speaker introduced before the Konjunktiv sentences that
report them."""

from __future__ import annotations

from ....lexicon import Lexicon
from ....models import Attribution, SourceSpan
from ...phrases import MAX_PHRASE
from ...phrases import classify as classify_phrase
from ...tokens import QUOTE_CHARS, Token
from .clauses import sentence_subject
from .kinds import classify, names_someone
from .mood import carries_report
from .phrases import phrase_forward


def introduce_speakers(text: str, tagged: list, lex: Lexicon, sentence_tokens: list[list[Token]]) -> list:
    """A sentence with no cue whose subject is then reported in Konjunktiv I: "Die Ministerin
    kritisierte die Pläne. Sie seien zu teuer." The gold marks the subject of the first sentence
    as the source of what follows; it becomes a source without a cue, and the following
    Konjunktiv sentences carry it over. ``sentence_tokens`` are the sentences' tokens."""
    subjunctive = lex.word("subjunctive_forms")
    out = list(tagged)

    for i in range(len(out) - 1):
        s, nxt = out[i], out[i + 1]
        if s.is_heading or s.attributions or nxt.is_heading or nxt.attributions or s.text.rstrip()[-1:] in "?:":
            continue
        if subjunctive.isdisjoint(w.strip(".,;:!?„“\"»«()") for w in nxt.text.lower().split()):
            continue  # a cheap look first
        following = sentence_tokens[i + 1]
        if not following or following[0].text in QUOTE_CHARS or not any(
                t.lower in subjunctive for t in following[:MAX_PHRASE]):
            continue
        tokens = sentence_tokens[i]
        if not tokens or tokens[0].text in QUOTE_CHARS or any(
                t.lower in subjunctive or t.lower in ("würden", "würde", "hätten", "hätte") for t in tokens):
            continue  # the first sentence is itself reported speech, with no one named for it
        if not any(t.key in lex.verb_forms and not t.is_cap for t in tokens):
            continue  # "Die Stadt liegt an der Küste." says nothing; "Die Ministerin kritisierte …" does
        rng = sentence_subject(tokens, len(tokens), lex)
        if rng is None:
            continue
        kind = classify(tokens, rng, lex)
        if kind == "document" or kind == "person" and not names_someone(tokens, rng, lex, strict=True):
            continue
        start, end = tokens[rng[0]].start, tokens[rng[1] - 1].end
        source = SourceSpan(text=text[start:end], start=start, end=end, kind=kind)
        out[i] = s.model_copy(update={"attributions": (Attribution(source=source, mode="reported"),)})
        j = i + 1
        while j < len(out) and not out[j].attributions and not out[j].is_heading \
                and carries_report(sentence_tokens[j], lex):
            out[j] = out[j].model_copy(update={"attributions": (Attribution(source=source, mode="carried_over"),)})
            j += 1
    return out


def resolve_pronouns(text: str, tagged: list, lex: Lexicon, sentence_tokens: list[list[Token]]) -> list:
    """ "er"/"sie" as a source: the person named last, as a source or as the
    subject that opens one of the three sentences before. ``sentence_tokens``
    are the sentences' tokens."""
    tagged = introduce_speakers(text, tagged, lex, sentence_tokens)

    pronouns = lex.word("subject_pronouns")
    owners = lex.word("own_account_openers")
    reportative = lex.word("self_sources") | lex.word("subjunctive_self_sources")
    last_named: str | None = None
    last_source: str | None = None
    last_at = -1
    out = list(tagged)
    for i, s in enumerate(tagged):
        changed = []
        touched = False
        for a in s.attributions:
            src = a.source
            if src is not None and src.kind == "pronoun" and src.resolved_to is None and (
                    src.text.lower() in pronouns and src.text.lower() not in ("ich", "wir")
                    or owners.intersection(src.text.lower().split())):  # "Sie ist nach eigenen Angaben …"
                name = last_named
                # a person opening a recent sentence is a closer antecedent
                for j in range(i - 1, max(-1, i - 4), -1):
                    prev = tagged[j]
                    if prev.start <= last_at:
                        break
                    toks = sentence_tokens[j]
                    rng = phrase_forward(toks, 0, len(toks), lex)
                    if rng is not None and rng[1] - rng[0] >= 2 and classify_phrase(toks, rng, lex) == "person" \
                            and toks[rng[0]].lower not in lex.word("prepositions"):  # not "Am Freitag"
                        name = text[toks[rng[0]].start:toks[rng[1] - 1].end]
                        break
                if name:
                    a = a.model_copy(update={"source": src.model_copy(update={"resolved_to": name})})
                    touched = True
            if src is not None and src.kind == "pronoun" and src.resolved_to is None \
                    and src.text.lower() in reportative and last_source:
                # reportative "demnach": the source it points back to
                a = a.model_copy(update={"source": src.model_copy(update={"resolved_to": last_source})})
                touched = True
            if src is not None and src.kind not in ("pronoun", None):
                last_source = src.text
            if src is not None and src.kind in ("person", "organization", "outlet"):
                last_named = src.text
                last_at = src.start
            elif a.source is not None and a.source.resolved_to and owners.intersection(a.source.text.lower().split()):
                last_named = a.source.resolved_to  # "Die Firma hat nach eigenen Angaben …": the firm was named
                last_at = a.source.start
            changed.append(a)
        if touched:
            out[i] = s.model_copy(update={"attributions": tuple(changed)})
    return out
