"""English stance adjectives after "be" as cues: "The union is concerned the laws would
crush the press", "Aides were adamant that she would run". The adjective and the verb
before it are the cue, the subject before them the source; the clause after is what is
held. Without a clause after it ("is concerned about", "was sure of") the adjective is
no cue."""

from __future__ import annotations

from ....lexicon import Lexicon
from ...found import Found
from ...tokens import Token
from .extent import pre_run
from .phrases import backward
from .subjects import drop_relative, subject_end_ok
from .tables import Tables


def stance_cue(tokens: list[Token], i: int, lex: Lexicon, tables: Tables, used: set[int]) -> Found | None:
    """The attribution of the stance adjective at token i, or None."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or not nxt.is_word or nxt.lower in tables.particles or nxt.lower in lex.word("attachments") \
            or nxt.lower in lex.word("stance_not_before"):
        return None  # "concerned about", "confident enough": no clause held
    pre = pre_run(tokens, i, tables)
    if not any(tokens[k].lower in tables.be for k in range(pre, i)) or pre == 0:
        return None  # "a concerned parent": no "be" before it
    prev = tokens[pre - 1]
    if not subject_end_ok(prev, tables):
        return None
    subject = backward(tokens, pre - 1, 0, lex)
    if subject is None or used.intersection(range(*subject)):
        return None
    return Found(source=drop_relative(tokens, subject, lex, tables), cue=list(range(pre, i + 1)),
                 mode="reported_speech", lemma=tokens[i].lower, head=i)
