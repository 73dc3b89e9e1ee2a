"""English cues without a cue verb and a subject before it: an appearance ("seemed to"),
a question put by someone unnamed ("Asked if he would run"), a noun of saying ("his call
for a ban") and an "-ing" form hanging on a clause (", adding that …")."""

from __future__ import annotations

from ....lexicon import Lexicon
from ...found import Found
from ...phrases import Range
from ...tokens import QUOTE_CHARS, Token
from .extent import pre_run
from .phrases import backward
from .subjects import clause_subject, subject_end_ok
from .tables import Tables, phrase_at


def sourceless(tokens: list[Token], i: int, lex: Lexicon, tables: Tables) -> Found | None:
    """"Trump seemed to enjoy it", "the plan appears doomed": an appearance with no source.
    "appeared on Fox News" / "appeared at a rally" is a physical appearance, not a cue."""
    token = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or not nxt.is_word or token.is_cap and i > 0:
        return None
    if nxt.lower in lex.word("attachments") and nxt.lower != "to" or nxt.lower in ("before", "alongside", "together"):
        return None
    prev = tokens[i - 1] if i > 0 else None
    if prev is not None and (prev.lower in ("to", "'s", "’s") or prev.lower in tables.determiners):
        return None  # "to appear", "his appearance"
    pre = pre_run(tokens, i, tables)
    return Found(source=None, cue=list(range(pre, i + 1)), mode="reported", head=i, appearance=True)


def asked(tokens: list[Token], i: int, tables: Tables) -> Found | None:
    """"Asked if he would run, Smith said …", "when asked about the plan": a question put to
    the speaker by someone unnamed; PolNeAR marks it as a cue with no source."""
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or nxt.lower not in tables.question_openers:
        return None
    if prev is not None and prev.text not in QUOTE_CHARS and prev.text not in ",;:(–—" \
            and prev.lower not in tables.question_before:
        return None
    cue = [i, i + 1] if nxt.lower == "about" else [i]
    return Found(source=None, cue=cue, mode="reported", head=i)


def noun_cues(tokens: list[Token], tables: Tables, used: set[int], quoted: list[bool]) -> list[Found]:
    """"Trump’s criticism of the plan", "his call for a ban", "questions about her emails":
    a noun of saying or judging with its preposition. The owner before it is the source
    ("his"); with no owner the cue stands alone."""
    index = tables.noun_cues
    found = []
    k = 0
    n = len(tokens)
    while k < n:
        length = phrase_at(tokens, k, index) if tokens[k].lower in index else 0
        if not length or quoted[k] or used.intersection(range(k, k + length)) or tokens[k].is_cap and k > 0:
            k += 1
            continue
        cue = list(range(k, k + length))
        source = None
        j = k - 1
        while j >= 0 and k - j <= 3 and tokens[j].is_word and tokens[j].lower in tables.noun_cue_modifiers:
            j -= 1  # "Trump’s sharp criticism of"
        if j >= 0 and tokens[j].is_word and j not in used:
            lower = tokens[j].lower
            if lower in tables.possessives:
                source = (j, j + 1)  # a name before "’s" is left out: mostly not marked (< 35%)
        found.append(Found(source=source, cue=cue, mode="reported"))
        used.update(cue)
        if source is not None:
            used.update(range(*source))
        k += length
    return found


def ing_adjunct(tokens: list[Token], i: int, lemma: str, cue: list[int], lex: Lexicon, tables: Tables,
                used: set[int]) -> Found | None:
    """", adding that …", "by saying …", "a statement saying …"."""
    j = cue[0] - 1
    if j < 0:
        return None
    prev = tokens[j]
    if prev.text == "," or prev.lower in tables.adjunct_openers:
        return Found(source=None, cue=cue, mode="reported_speech", lemma=lemma, inherit=True, head=i,
                     subject=clause_subject(tokens, j, lex, tables))
    if lemma in tables.ing_after_noun and prev.is_word and subject_end_ok(prev, tables) \
            and prev.lower not in lex.kinds.get("pronoun", ()):
        subject = backward(tokens, j, 0, lex)
        if subject is not None and not used.intersection(range(*subject)) and _noun_before_ing(tokens, subject, lex, tables):
            for q in range(subject[0] + 1, j):
                if tokens[q].lower in tables.issue_verbs and not tokens[q].is_cap:
                    # "The governor issued a statement saying …": the issuer is the source,
                    # "issued a statement … saying" the cue
                    return Found(source=(subject[0], q), cue=list(range(q, j + 1)) + cue, mode="reported_speech",
                                 lemma=lemma, head=i)
            return Found(source=subject, cue=cue, mode="reported_speech", lemma=lemma, head=i)
    return None


def _noun_before_ing(tokens: list[Token], subject: Range, lex: Lexicon, tables: Tables) -> bool:
    """The phrase before "-ing" is a noun phrase the form hangs on ("a statement saying"),
    not a verb after a modal ("should ring warning bells") nor the end of a clause whose
    "-ing" is a noun ("the comments came with a stern warning")."""
    start, end = subject
    if start > 0 and tokens[start - 1].lower in lex.word("verbs_before_subject"):
        return False
    ing = end + 1 if end < len(tokens) and tokens[end].text == "," else end
    nxt = tokens[ing + 1] if ing + 1 < len(tokens) else None
    if nxt is not None and nxt.is_word and nxt.lower not in tables.particles \
            and nxt.lower not in lex.word("attachments"):
        return True  # "a statement saying the plan …"
    return not any(t.lower in lex.word("indefinite_articles") for t in tokens[max(start, end - 2):end])
