"""Property: no text raises in either grammar, and every span is where it says.

Sentences are assembled from the lexicons (cue verbs and their particles,
frames, hedges, source nouns, outlets, the grammar's word classes with their
Konjunktiv and modal forms), names and titles, quotes of every kind, dashes,
spaced hyphens, brackets and colons, so that they reach the grammars' branches;
and a few characters untrusted text brings (case mappings that change length,
combining marks, odd spaces, emoji).
Each text goes through the grammar of its words and the other one.

CI runs a bounded number of examples (profile "ci"); `make fuzz` runs the
profile "fuzz" (FUZZ_EXAMPLES examples, 20,000 unless set) and prints
examples per second.
"""

from __future__ import annotations

import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from span_checks import span_problems

from auditor.analyse.registry import load_lexicon
from auditor.lexicon import GAP, Lexicon
from auditor.pipeline import analyse_text

settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "20000")), deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

LANGUAGES = ("de", "en")
NAMES = ("Anna Weber", "Peter Kunz", "Marta Ilves", "Jan de Vries", "Jane Roe", "John O'Neill", "Li Wei",
         "Karl-Heinz Maier", "Dr. Eva Roth", "Smith", "Kunz", "Weber")
QUOTES = (("„", "“"), ("»", "«"), ("«", "»"), ('"', '"'), ("'", "'"), ("‚", "‘"), ("“", "”"), ("‘", "’"))
# marks that stand between words: dashes, a spaced hyphen, brackets, colons, ends of clauses
MARKS = (",", ",", ".", ":", ";", "?", "!", "–", "—", "-", "(", ")", "[", "]", "…", "/", "'s", "’",
         # a quote mark alone: quotations that run over several sentences, or never close
         "„", "“", "»", "«", '"')
# untrusted text: case mappings that change a word's length (İ, ß, ﬁ), combining marks, odd spaces,
# Unicode hyphens and digits, emoji, right-to-left script
ODD = ("İstanbul", "Straße", "STRASSE", "ﬁnanzen", "Ǆemal", "Café", "Cafe\u0301", "a\u00a0b", "\u200b", "\t",
       "Müller‐Lüdenscheid", "１２", "٣", "🙂", "שלום", "\u202e", "ǅ", "ΣΊΣΥΦΟΣ", "\x00")


def _joined(words: tuple[str, ...]) -> str:
    return " ".join(w for w in words if w)


def _expanded(pattern: str) -> st.SearchStrategy[str]:
    """One wording of a lexicon pattern: an alternative per slot, a gap filled with up to two words."""
    slots = []
    for piece in pattern.split():
        if piece == GAP:
            slots.append(st.lists(st.sampled_from(("es", "it", "nun", "now", "der Minister", "the report")),
                                  max_size=2).map(" ".join))
        else:
            slots.append(st.sampled_from([a for a in piece.split("|") if a]))
    return st.tuples(*slots).map(_joined)


def _nouns(lex: Lexicon) -> list[str]:
    words = sorted(w for kind in lex.kinds.values() for w in kind)
    return [w[:1].upper() + w[1:] for w in words] if lex.case_sensitive else words


def _vocabulary(lex: Lexicon) -> st.SearchStrategy[str]:
    """A word or a few from this lexicon: the pieces the grammar reacts to."""
    verbs = sorted(lex.verb_forms)
    particles = sorted({f.particle for forms in lex.verb_forms.values() for f in forms if f.particle})
    classes = sorted(w for words in lex.words.values() for w in words)
    outlets = sorted(" ".join(name) for name in lex.outlets)
    return st.one_of(
        st.sampled_from(verbs),
        st.tuples(st.sampled_from(verbs), st.sampled_from(("", "es", "am Abend", "now")),
                  st.sampled_from(particles or verbs)).map(_joined),
        st.sampled_from(classes),
        st.sampled_from(_nouns(lex)),
        st.sampled_from(outlets),
        st.sampled_from([f.pattern.text for f in lex.frames]).flatmap(_expanded),
        st.sampled_from([h.pattern.text for h in lex.hedges]).flatmap(_expanded),
    )


def _source(lex: Lexicon) -> st.SearchStrategy[str]:
    """A named source with its determiner and title: "der Sprecher Peter Kunz", "Minister Smith"."""
    determiners = sorted(lex.word("determiners"))
    return st.tuples(st.sampled_from(["", *determiners]), st.sampled_from(["", *_nouns(lex)]),
                     st.sampled_from(["", *NAMES])).map(lambda words: _joined(words) or NAMES[0])


def _pieces(lex: Lexicon) -> st.SearchStrategy[str]:
    vocabulary, source = _vocabulary(lex), _source(lex)
    plain = st.one_of(vocabulary, vocabulary, source, st.sampled_from(MARKS), st.sampled_from(ODD),
                      st.sampled_from(("der", "die", "the", "a", "Haus", "Pläne", "plans", "Die", "Es", "2024",
                                       "am Montag", "on Monday", "drei", "wir", "er", "she", "I")))
    quoted = st.tuples(st.sampled_from(QUOTES), st.lists(plain, min_size=1, max_size=8)).map(
        lambda q: f"{q[0][0]}{' '.join(q[1])}{q[0][1]}")
    return st.one_of(plain, plain, plain, quoted)


# Shapes of reported speech, one letter a slot: S source, V cue verb, A auxiliary, X passive auxiliary,
# p participle of a cue verb, W subordinator or relative, F frame, C content, Q quoted content,
# P preposition; any other character stands for itself.
SHAPES = ("S V , C", "S A C V", "Q , V S", "Q , A S V", "C , A S V", "W S V , C", "F S , C", "C , F S",
          "S V : Q", "S V , W C", "P S V C", "C ( S )", "C – V S – C", "S , S , V , C", "S V P S , C",
          "W S C V , V S C", "Q V S", "C , V S P S", "S - C - V", "C , X S p", "Q , X S P S p",
          "S X p , C", "S X P S p : Q")


def _slots(lex: Lexicon) -> dict[str, st.SearchStrategy[str]]:
    def words(*classes: str) -> st.SearchStrategy[str]:
        return st.sampled_from(sorted(w for c in classes for w in lex.word(c)) or ["und"])

    # a lemma first, then one of its forms: every cue verb is as likely as "sagen" with its many forms
    forms: dict[str, set[str]] = {}
    participles: dict[str, set[str]] = {}
    for form, readings in lex.verb_forms.items():
        for reading in readings:
            forms.setdefault(reading.lemma, set()).add(form)
            if reading.participle:
                participles.setdefault(reading.lemma, set()).add(form)
    cue = st.sampled_from(sorted(forms)).flatmap(lambda lemma: st.sampled_from(sorted(forms[lemma])))
    participles = participles or forms  # English lists no participles apart
    participle = st.sampled_from(sorted(participles)).flatmap(lambda lemma: st.sampled_from(sorted(participles[lemma])))
    clause = st.lists(st.one_of(_pieces(lex), words("subjunctive_forms", "auxiliaries"), words("subject_pronouns")),
                      min_size=1, max_size=8).map(" ".join)
    return {
        "S": _source(lex), "V": st.one_of(cue, st.tuples(cue, st.sampled_from(sorted(lex.particles) or ["up"])).map(_joined)),
        "A": words("auxiliaries", "passive_auxiliaries"), "W": words("subordinators", "relative_pronouns"),
        "F": st.sampled_from([f.pattern.text for f in lex.frames]).flatmap(_expanded), "C": clause,
        "Q": st.tuples(st.sampled_from(QUOTES), clause).map(lambda q: f"{q[0][0]}{q[1]}{q[0][1]}"),
        "P": words("prepositions", "attachments"), "X": words("passive_auxiliaries"), "p": participle,
    }


def _shaped(lex: Lexicon) -> st.SearchStrategy[str]:
    slots = _slots(lex)
    return st.sampled_from(SHAPES).flatmap(
        lambda shape: st.tuples(*(slots.get(c, st.just(c)) for c in shape.split())).map(" ".join))


def _sentence(lex: Lexicon) -> st.SearchStrategy[str]:
    body = st.one_of(_shaped(lex), _shaped(lex), st.lists(_pieces(lex), min_size=1, max_size=25).map(" ".join))
    # now and then a run-on "sentence" longer than the analyser's window of tokens
    body = st.tuples(body, st.sampled_from((1,) * 19 + (60,))).map(lambda b: " ".join([b[0]] * b[1]))
    return st.tuples(body, st.sampled_from((".", ".", "?", "!", "", "“", "\n"))).map(
        lambda s: s[0][:1].upper() + s[0][1:] + s[1] if s[0][:1].islower() and len(s[0]) % 2 else s[0] + s[1])


def _text(lex: Lexicon) -> st.SearchStrategy[str]:
    return st.lists(_sentence(lex), min_size=1, max_size=4).flatmap(
        lambda sentences: st.sampled_from((" ", "\n\n", " ")).map(lambda gap: gap.join(sentences)))


TEXTS = {language: _text(load_lexicon(language)) for language in LANGUAGES}


@pytest.fixture(scope="module")
def pace():
    """Examples and seconds of the run, printed at its end (`make fuzz` shows them)."""
    counts = {"examples": 0, "start": time.perf_counter()}
    yield counts
    seconds = time.perf_counter() - counts["start"]
    print(f"\nfuzz: {counts['examples']} examples in {seconds:.1f} s, {counts['examples'] / seconds:.1f} examples/s")


@pytest.mark.parametrize("language", LANGUAGES)
def test_sentences_from_the_lexicon_never_raise_and_keep_their_spans(language: str, pace) -> None:
    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(text=TEXTS[language])
    def check(text: str) -> None:
        pace["examples"] += 1
        for grammar in LANGUAGES:  # its own grammar, and the other one
            assert span_problems(analyse_text(text, grammar)) == [], (grammar, text)

    check()
