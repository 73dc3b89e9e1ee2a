"""Memory is bounded: what an audit holds beyond its result, the JSON written as it
is made, and the size limits that keep the largest accepted input under 1 GB.

Peak memory against input size is measured by bench/memory.py (whole processes);
these tests check the mechanisms with tracemalloc on the seed articles, which
counts allocations exactly and does not depend on the machine.
"""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.analyse import analyse
from auditor.analyse.tokens import SentenceTokens, tokenize
from auditor.cli import cli
from auditor.errors import ExtractError
from auditor.extract import MAX_HTML_CHARS, extract
from auditor.inputs import MAX_FILE_BYTES, read_path
from auditor.models import Article, RawDocument
from auditor.pipeline import analyse_text, audit_article
from auditor.report.json import iter_json, result_to_dict, to_json
from auditor.scoring import load_scoring
from auditor.segment import iter_sentences, split_sentences

SEEDS = Path(__file__).parent.parent / "seeds"


def seed_text(language: str, copies: int = 1) -> str:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob(f"*-{language}.txt")))
    return "\n\n".join([text] * copies)


def traced(call):
    """(result, peak bytes allocated during the call, bytes the result still holds)."""
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        value = call()
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return value, peak - before, held - before


@pytest.mark.parametrize("language", ["de", "en"])
def test_an_audit_holds_little_beyond_its_result(language: str) -> None:
    # 40 copies of the seeds: about 200 KB. Every sentence's tokens, kept for linking,
    # and the list of sentence models next to the tagged ones took 1.6 times what the
    # result holds on top of it.
    text = seed_text(language, copies=40)
    analyse_text("Aufwärmen. Warm up.", language)  # lexicons and rules loaded outside the trace
    article = Article(id="big", text=text, content_hash="big", language=language)
    result, peak, held = traced(lambda: audit_article(article))
    assert len(result.sentences) > 1000
    assert peak - held < 0.5 * held


def test_iter_sentences_yields_what_split_sentences_lists() -> None:
    text = seed_text("de")
    iterator = iter_sentences(text, "de")
    assert next(iterator) == split_sentences(text, "de")[0]  # one at a time, not a list
    assert [next(iter_sentences(text, "de")), *iterator] == split_sentences(text, "de")


def test_analyse_takes_sentences_as_they_are_split() -> None:
    text = seed_text("de")
    article = Article(id="seed", text=text, content_hash="seed", language="de")
    assert analyse(article, iter_sentences(text, "de")) == analyse(article, split_sentences(text, "de"))


def test_sentence_tokens_are_made_again_and_only_the_last_few_kept() -> None:
    text = seed_text("de")
    sentences = split_sentences(text, "de")
    tokens = SentenceTokens(sentences, case_sensitive=True, keep=2)
    assert len(tokens) == len(sentences)
    for i in (0, 1, len(sentences) - 1):
        made = [(t.text, t.start, t.end, t.key) for t in tokens[i]]
        s = sentences[i]
        assert made == [(t.text, t.start, t.end, t.key) for t in tokenize(s.text, s.start, True)]
        assert text[tokens[i][0].start:tokens[i][-1].end] == s.text.rstrip()
    first = tokens[0]
    assert tokens[0] is first  # kept while recent
    tokens[1], tokens[2]
    assert tokens[0] is not first  # made again once two others were asked for


@pytest.mark.parametrize("indent", [2, None])
@pytest.mark.parametrize(("text", "language"), [(seed_text("de"), "de"), (seed_text("en"), "en"), ("", "de"),
                                                ("Ein Satz ohne Punkt", "de"), ("Un texte français.", "fr")])
def test_iter_json_writes_exactly_what_json_dumps_would(text: str, language: str, indent: int | None) -> None:
    result = analyse_text(text, language, scoring=load_scoring())
    pieces = list(iter_json(result, indent=indent))
    assert "".join(pieces) == json.dumps(result_to_dict(result), ensure_ascii=False, indent=indent)
    assert len(pieces) == (len(result.sentences) + 2 if result.sentences else 1)  # one piece per sentence


def test_writing_json_piece_by_piece_never_holds_the_whole() -> None:
    result = analyse_text(seed_text("de", copies=40), "de")
    _, whole, _ = traced(lambda: json.dumps(result_to_dict(result), ensure_ascii=False, indent=2))
    _, streamed, _ = traced(lambda: sum(len(piece) for piece in iter_json(result)))
    assert streamed < whole / 5


def test_cli_json_and_jsonl_are_the_documents_to_json_makes(tmp_path: Path) -> None:
    path = tmp_path / "artikel.txt"
    path.write_text(seed_text("de"), encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(cli, ["audit", str(path), "--format", "json", "--no-db", "--lang", "de"])
    lines = runner.invoke(cli, ["audit", str(path), "--format", "jsonl", "--no-db", "--lang", "de"])
    assert out.exit_code == lines.exit_code == 0
    data = json.loads(out.stdout)
    assert out.stdout.endswith("}\n") and out.stdout.count("\n") > 100  # indented
    assert lines.stdout.count("\n") == 1 and json.loads(lines.stdout) == data
    assert data["article"]["text"] == seed_text("de") and len(data["sentences"]) > 10
    # the same document the library's to_json makes (ids and origin aside)
    result = analyse_text(seed_text("de"), "de", article_id=data["article"]["id"], scoring=load_scoring())
    expected = json.loads(to_json(result))
    expected["article"]["origin"] = data["article"]["origin"]
    assert data == expected


# --- size limits ------------------------------------------------------------------


def write_size(path: Path, size: int, line: bytes = b"Der Minister sagte, es gebe keine Pause. ") -> Path:
    """A file of exactly ``size`` bytes written in pieces (never all in memory)."""
    with path.open("wb") as fh:
        whole, rest = divmod(size, len(line))
        for _ in range(whole // 1000):
            fh.write(line * 1000)
        fh.write(line * (whole % 1000) + b"." * rest)
    assert path.stat().st_size == size
    return path


def test_a_file_just_over_10_mb_is_refused_in_one_line_and_the_rest_goes_on(tmp_path: Path) -> None:
    # 20 MB took 2.4 GB to audit; 10 MB stays well under 1 GB (bench/memory.py)
    big = write_size(tmp_path / "big.txt", 10_000_001)
    small = tmp_path / "small.txt"
    small.write_text(seed_text("de"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["audit", str(big), str(small), "--format", "jsonl", "--no-db"])
    assert result.exit_code == 1
    assert result.stderr == f"auditor: error: {big}: larger than 10000000 bytes\n"
    assert json.loads(result.stdout)["article"]["origin"] == str(small)


def test_a_jsonl_line_just_over_10_mb_is_refused_in_one_line_after_the_others(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    big = json.dumps({"id": "big", "text": ""})
    big = big.replace('""', '"' + "x" * (10_000_001 - len(big)) + '"')
    assert len(big) == 10_000_001
    with path.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "seed", "text": seed_text("de")}) + "\n")
        fh.write(big + "\n")
    result = CliRunner().invoke(cli, ["audit", str(path), "--format", "jsonl", "--no-db"])
    assert result.stderr == f"auditor: error: {path}:2: line larger than 10000000 bytes\n"
    assert result.exit_code == 1
    assert json.loads(result.stdout)["article"]["id"] == "seed"


def test_a_file_at_the_limit_is_accepted(tmp_path: Path) -> None:
    path = write_size(tmp_path / "limit.txt", MAX_FILE_BYTES)
    [raw] = read_path(path)
    assert len(raw.content) == MAX_FILE_BYTES


def test_html_just_over_10_million_characters_is_refused() -> None:
    page = "<p>" + "x" * (10_000_001 - 7) + "</p>"
    raw = RawDocument(origin="page.html", content=page, content_type="html")
    with pytest.raises(ExtractError) as caught:
        extract(raw)
    assert str(caught.value) == "page.html: HTML larger than 10000000 characters"
    assert MAX_HTML_CHARS == 10_000_000
