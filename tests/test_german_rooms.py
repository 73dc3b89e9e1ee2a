"""The seams of the German grammar's rooms (auditor/analyse/lang/de/): a cue verb's
clause and its readings, names, relay chains, and which room may import which.

The sentences were written for these tests (people and bodies are made up).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from auditor.analyse.found import Found, fold_chains, fold_chains_nearest
from auditor.analyse.lang.de import verbs
from auditor.analyse.lang.de.clauses import Clause, Scan, clause_bounds, quoted_tokens
from auditor.analyse.lang.de.kinds import names_someone
from auditor.analyse.lang.de.subjects import is_verb_final, verb_final, verb_second
from auditor.analyse.registry import load_lexicon
from auditor.analyse.tokens import tokenize

LEX = load_lexicon("de")
ROOMS = Path(verbs.__file__).parent


def _tokens(text: str):
    return tokenize(text, 0, True)


def _scan(text: str) -> Scan:
    tokens = _tokens(text)
    starts, ends = clause_bounds(tokens)
    inside, _ = quoted_tokens(tokens)
    return Scan(tokens=tokens, lex=LEX, used=set(), starts=starts, ends=ends, inside=inside)


def _clause(scan: Scan, word: str) -> Clause:
    i = next(k for k, t in enumerate(scan.tokens) if t.text == word)
    clause = verbs.cue_clause(scan, i)
    assert clause is not None
    return clause


def _text(scan: Scan, rng) -> str:
    return " ".join(t.text for t in scan.tokens[rng[0]:rng[1]])


def test_a_verb_final_clause_reads_its_subject_between_opener_and_verb() -> None:
    scan = _scan("Die Straße bleibt gesperrt, wie die Polizei am Montag mitteilte.")
    clause = _clause(scan, "mitteilte")
    assert clause.verb_final and is_verb_final(scan, clause)
    reading = verb_final(scan, clause)
    assert reading is not None and reading.verb_last and reading.content
    assert _text(scan, reading.source) == "die Polizei"
    assert scan.tokens[clause.first_word].text in [scan.tokens[k].text for k in reading.cue]  # "wie" joins the cue


def test_a_relative_pronoun_speaks_for_the_phrase_before_it() -> None:
    scan = _scan("Er traf den Sprecher der Stadt, der angab, die Straße bleibe gesperrt.")
    clause = _clause(scan, "angab")
    assert is_verb_final(scan, clause)
    reading = verb_final(scan, clause)
    assert reading is not None
    assert _text(scan, reading.source) == "der"
    assert _text(scan, reading.antecedent) == "den Sprecher der Stadt"


def test_a_main_clause_reads_the_vorfeld_or_the_subject_after_the_verb() -> None:
    scan = _scan("Die Ministerin sagte, die Lage sei ernst.")
    clause = _clause(scan, "sagte")
    assert not is_verb_final(scan, clause)
    reading = verb_second(scan, clause)
    assert reading is not None and _text(scan, reading.source) == "Die Ministerin" and reading.content
    scan = _scan("Am Montag sagte der Minister, die Lage sei ernst.")
    reading = verb_second(scan, _clause(scan, "sagte"))
    assert reading is not None and _text(scan, reading.source) == "der Minister"


def test_a_participle_takes_its_auxiliary_into_the_cue() -> None:
    scan = _scan("Der Minister hatte gesagt, die Lage sei ernst.")
    clause = _clause(scan, "gesagt")
    reading = verb_second(scan, clause)
    assert reading is not None and reading.compound
    assert sorted(scan.tokens[k].text for k in reading.cue) == ["gesagt", "hatte"]


def test_a_passive_with_no_agent_is_a_cue_without_a_source() -> None:
    scan = _scan("Es wird vermutet, dass der Damm bricht.")
    reading = verb_second(scan, _clause(scan, "vermutet"))
    assert reading is not None and reading.sourceless and reading.source is None
    assert "Es" in [scan.tokens[k].text for k in reading.cue]


def test_find_verbs_claims_cue_and_source() -> None:
    scan = _scan("Die Ministerin sagte, die Lage sei ernst.")
    used: set[int] = set()
    found = verbs.find_verbs(scan.tokens, LEX, used)
    assert len(found) == 1 and found[0].source == (0, 2)
    assert {0, 1, 2} <= used


@pytest.mark.parametrize(("phrase", "loose", "strict"), [
    ("Anna Weber", True, True),
    ("Die Ministerin", True, True),
    ("Die Konflikte", True, False),  # an article is part of no name when strict
])
def test_names_someone(phrase: str, loose: bool, strict: bool) -> None:
    tokens = _tokens(phrase)
    rng = (0, len(tokens))
    assert names_someone(tokens, rng, LEX) is loose
    assert names_someone(tokens, rng, LEX, strict=True) is strict


def _found(source, cue, **more) -> Found:
    return Found(source=source, cue=cue, mode="reported_speech", **more)


def test_fold_chains_takes_the_first_relay_and_keeps_the_chain() -> None:
    chain = _found((0, 1), [1], chain=True)
    far, near = _found((10, 11), [12], head=12), _found((3, 4), [2], head=2)
    found = fold_chains([chain, far, near])
    assert found == [chain, near]
    assert chain.via == [(10, 11)] and chain.cue == [12] and chain.chain and chain.head is None


def test_fold_chains_nearest_takes_the_nearest_relay_with_a_cue_that_is_no_weasel() -> None:
    chain = _found((0, 1), [1], chain=True)
    weasel = _found((2, 3), [1], weasel=True)
    far, near = _found((10, 11), [12], head=12), _found((3, 4), [2], head=2)
    found = fold_chains_nearest([chain, weasel, far, near])
    assert found == [chain, weasel, far]
    assert chain.via == [(3, 4)] and chain.cue == [2] and chain.head == 2 and not chain.chain
    assert fold_chains(found) == [chain, weasel, far]  # no chain left for a later pass


def _german_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.module for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module}


def test_each_room_imports_only_the_rooms_listed_before_it() -> None:
    import auditor.analyse.lang.de as package

    order = [line.split(":mod:`.")[1].split("`")[0] for line in package.__doc__.splitlines() if ":mod:`." in line]
    assert sorted(order) == sorted(p.stem for p in ROOMS.glob("*.py") if p.stem != "__init__")
    for at, room in enumerate(order):
        assert _german_imports(ROOMS / f"{room}.py") <= set(order[:at]), room
