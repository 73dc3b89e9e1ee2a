"""German clean-up of a sentence's attributions before relays are folded."""

from __future__ import annotations

from ....lexicon import Lexicon
from ...found import Found, fold_chains_nearest
from ...tokens import Token
from .clauses import clause_bounds, sentence_subject
from .content import content_follows
from .kinds import classify, own_account, source_kind
from .phrases import phrase_forward


def settle(found: list[Found], tokens: list[Token], lex: Lexicon) -> list[Found]:
    """German clean-up before relays are folded: kinds, "unter Berufung auf",
    generic report nouns next to a named source, "heißt es" with its source in front."""
    generic = lex.word("generic_reports")
    # a source without a cue next to a cue of the same source says the same: keep the cue
    # ("X sprach sich gegen den Plan aus und sagte, …")
    spoken = {f.source for f in found if f.source is not None and not f.silent}
    found = [f for f in found if not (f.silent and f.source in spoken)]
    for item in found:
        if item.source and item.kind is None:
            item.kind = source_kind(tokens, item.source, lex)
    for item in found:
        _own_account_subject(item, tokens, lex)
    named = [f for f in found if f.source is not None and not (
        f.source[1] - f.source[0] <= 2 and tokens[f.source[1] - 1].lower in generic)]
    kept = []
    for item in found:
        src = item.source
        if src is not None and src[1] - src[0] <= 2 and tokens[src[1] - 1].lower in generic and \
                any(f is not item for f in named):
            continue  # "Berichten zufolge …, so Intelligence Online": the reports are that outlet's
        if item.weasel and src is None:
            # "Aus Regierungskreisen heißt es", "In dem Bericht heißt es"
            first = item.cue[0]
            if first >= 2 and tokens[0].lower in lex.word("weasel_places_before"):
                rng = phrase_forward(tokens, 1, first, lex)
                if rng is not None and rng[1] == first:
                    item.source = rng
                    item.kind = source_kind(tokens, rng, lex)
            if item.source is None:
                _weasel_place(item, tokens, lex)
        kept.append(item)
    kept = [f for f in _without_declines(kept, tokens, lex) if not _particle_verb_frame(f, tokens, lex)]
    return fold_chains_nearest(kept)  # "X berichtet unter Berufung auf Y": Y is the source, X relays it


def _own_account_subject(item: Found, tokens: list[Token], lex: Lexicon) -> None:
    """ "Die Firma hat nach eigenen Angaben …": the own-account source stands for the clause
    subject; a subject pronoun ("Sie ist – nach eigenen Angaben – …") is left to the links
    between sentences."""
    src = item.source
    if src is None or item.antecedent is not None or not own_account(tokens, src, lex):
        return
    owners = lex.word("own_account_openers")
    opener = next(k for k in range(*src) if tokens[k].lower in owners)
    if opener > src[0] and classify(tokens, (opener, src[1]), lex) == "pronoun":
        # "der Verein Grünspecht seinen Angaben zufolge": the owner is named in the phrase
        item.source, item.kind, item.antecedent = (opener, src[1]), "pronoun", (src[0], opener)
        return
    if item.kind != "pronoun":
        return
    subject = sentence_subject(tokens, len(tokens), lex)
    if subject is None or subject[0] < src[1] and src[0] < subject[1]:
        return
    if subject[1] - subject[0] == 1 and tokens[subject[0]].lower in lex.word("subject_pronouns"):
        return
    item.antecedent = subject


def _weasel_place(item: Found, tokens: list[Token], lex: Lexicon) -> None:
    """ "Darin heißt es", "heißt es darin", "hieß es etwa im Beitrag": the place it is said is
    the source; "darin" points back to a document named before (resolved between sentences)."""
    adverbs = lex.word("document_adverbs")
    first, last = item.cue[0], item.cue[-1]
    if first > 0 and tokens[first - 1].lower in adverbs:
        item.source, item.kind = (first - 1, first), "document"
        return
    places = lex.word("weasel_place_prepositions")
    for k in range(last + 1, min(len(tokens), last + 5)):
        t = tokens[k]
        if t.lower in adverbs:
            item.source, item.kind = (k, k + 1), "document"
            return
        if t.lower in places and k + 1 < len(tokens):
            rng = phrase_forward(tokens, k + 1, len(tokens), lex)
            if rng is not None:
                item.source, item.kind = rng, source_kind(tokens, rng, lex)
            return
        if not t.is_word or t.is_cap:
            return  # only adverbs stand between: "hieß es etwa verharmlosend im Beitrag"


def _without_declines(found: list[Found], tokens: list[Token], lex: Lexicon) -> list[Found]:
    """ "Dazu äußerte sich Rheinmetall nicht", "wollte der Sprecher nicht mitteilen, ob …": a
    negated cue with nothing said after it is a refusal to speak, no attribution."""
    negations = lex.word("decline_negations")
    heads = [f for f in found if f.head is not None and f.lemma in lex.word("decline_verbs")]
    if not heads or not any(t.lower in negations for t in tokens):
        return found  # nearly every sentence: no refusal to look for
    starts, ends = clause_bounds(tokens)
    declined = []
    for f in heads:
        cs, ce = starts[f.head], ends[f.head]
        if any(tokens[k].lower in negations for k in range(cs, ce)) and (
                not content_follows(tokens, ce, lex) or _question_follows(tokens, ce, lex)):
            declined.append(f)
    return [f for f in found if not any(f is d for d in declined)]


def _question_follows(tokens: list[Token], ce: int, lex: Lexicon) -> bool:
    """Does an indirect question follow the clause ending at ``ce`` (", ob …", ", wer …")?"""
    return ce + 1 < len(tokens) and tokens[ce].text == "," and tokens[ce + 1].lower in lex.word("decline_questions")


def _particle_verb_frame(item: Found, tokens: list[Token], lex: Lexicon) -> bool:
    """ "hält sie für zwei Stunden fest": the "hält … für" of a judgement was a particle verb;
    its particle closes the clause."""
    if item.lemma is not None or not item.cue or tokens[item.cue[-1]].lower != "für":
        return False
    k = item.cue[-1] + 1
    while k < len(tokens) and tokens[k].is_word:
        k += 1
    return tokens[k - 1].lower in lex.particles and not tokens[k - 1].is_cap
