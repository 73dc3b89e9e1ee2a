"""Links between German sentences: a speaker introduced before the Konjunktiv
sentences that report them; and whether "sie" is plural, by its verb (the
pronouns themselves are resolved by :mod:`auditor.analyse.coref`)."""

from __future__ import annotations

from ....lexicon import Lexicon
from ....models import Attribution, SourceSpan
from ...phrases import MAX_PHRASE
from ...tokens import QUOTE_CHARS, Token
from .clauses import sentence_subject
from .kinds import classify, names_someone
from .mood import carries_report


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


def plural_sie(tokens: list[Token], k: int, lex: Lexicon) -> bool | None:
    """Whether "sie"/"Sie" at k is plural, by the finite verb next to it: "Sie sagte" and
    "sagte sie" are one woman, "Sie sagten" and "seien sie" several; None without a verb."""
    if tokens[k].lower != "sie":
        return None
    for j in (k + 1, k - 1):
        if not 0 <= j < len(tokens) or not tokens[j].is_word or tokens[j].is_cap and j > 0:
            continue
        plural = finite_plural(tokens[j].lower, lex)
        if plural is not None:
            return plural
    return None


def finite_plural(word: str, lex: Lexicon) -> bool | None:
    """Whether a lower-case word next to a subject is a plural finite verb ("sagten", "seien",
    "konnten"), a singular one ("sagt", "betonte"), or no verb that says (None)."""
    if word in lex.word("singular_finite_verbs") or word in lex.word("plural_finite_verbs"):
        return word in lex.word("plural_finite_verbs")
    if word.endswith("en") and word not in lex.word("determiners"):
        return True  # "sagten", "fordern"; Konjunktiv plural "seien"
    if word.endswith(("t", "te")):
        return False  # "sagt", "sagte", "betonte"
    return None
