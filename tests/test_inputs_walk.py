"""auditor.inputs.walk: audit and bulk read a file the same way; only what differs is theirs."""

from __future__ import annotations

import io
from pathlib import Path

from auditor.errors import InputError
from auditor.inputs import UrlInput, count_documents, iter_inputs, iter_source
from auditor.inputs.decode import decode_bytes
from auditor.inputs.walk import iter_file
from auditor.report.common import points_text, sentence_numbers

SEED = Path(__file__).resolve().parents[1] / "seeds" / "telegraph-peacekeepers-de.txt"


def _shown(items) -> list[tuple[str, str]]:
    """What a walk yields, comparable: (origin, content) of a document, (input, message) of an error."""
    return [(item.origin, item.message) if isinstance(item, InputError) else (item.origin, item.content)
            for item in items]


def _files(tmp_path: Path) -> list[Path]:
    jsonl = tmp_path / "dump.jsonl"
    jsonl.write_text('{"id": 1, "text": "Ein Sprecher sagte das."}\nnot json\n\n{"id": 2, "html": "<p>Er sagte es.</p>"}\n')
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Die Polizei teilte mit, es sei ruhig.</p></body></html>")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    return [jsonl, page, empty, SEED, tmp_path / "missing.txt"]


def test_audit_and_bulk_read_every_kind_of_file_alike(tmp_path):
    for path in _files(tmp_path):
        by_audit = _shown(iter_source(str(path)))
        by_bulk = _shown(iter_inputs([str(path)]))
        assert by_audit == by_bulk == _shown(_guarded_file(path)), path
    assert [message for _, message in _shown(iter_source(str(tmp_path / "dump.jsonl")))][1].startswith("invalid JSON")


def _guarded_file(path: Path):
    try:
        yield from iter_file(path)
    except InputError as error:
        yield error


def test_a_file_level_problem_is_one_error_in_both(tmp_path):
    missing = tmp_path / "missing.txt"
    assert _shown(iter_source(str(missing))) == _shown(iter_inputs([str(missing)])) == [(str(missing), "no such file")]


def test_what_differs_stays_apart_stdin_and_urls(tmp_path):
    # audit: standard input is one article, a URL is fetched at once; bulk: stdin holds JSON Lines or a list
    text = b"Ein Sprecher sagte, es sei ruhig."
    (document,) = iter_source("-", stdin=io.BytesIO(text))
    assert (document.origin, document.content) == ("<stdin>", text.decode())
    listed = list(iter_inputs(["-"], stdin=io.BytesIO(b"# pages\nhttps://example.org/a\n")))
    assert listed == [UrlInput("https://example.org/a")]
    records = list(iter_inputs(["-"], stdin=io.BytesIO(b'{"id": "x", "text": "Er sagte es."}\n')))
    assert [(r.origin, r.record_id) for r in records] == [("<stdin>:1", "x")]


def test_a_folder_is_walked_in_name_order_and_counted(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Er sagte es.")
    (tmp_path / "a.txt").write_text("Sie sagte es.")
    (tmp_path / ".hidden.txt").write_text("Niemand sagte es.")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    origins = [item.origin for item in iter_inputs([str(tmp_path)])]
    assert origins == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.txt")]
    assert count_documents([str(tmp_path)]) == 2
    assert count_documents([str(tmp_path), "https://example.org/a"]) == 3
    assert count_documents(["-"]) is None


def test_a_file_is_decoded_by_inputs_decode(tmp_path):
    data = "\ufeffDer Sprecher äußerte sich: \xff".encode("utf-8")[:-2] + b"\xff"  # a BOM and one damaged byte
    path = tmp_path / "bom.txt"
    path.write_bytes(data)
    (document,) = iter_source(str(path))
    decoded = decode_bytes(data)
    assert (document.content, document.encoding, document.warnings) == (decoded.text, decoded.encoding, decoded.warnings)
    assert decoded.text == "Der Sprecher äußerte sich: \ufffd"
    assert decoded.warnings == ("invalid UTF-8, decoded with replacement characters",)


def test_every_report_numbers_sentences_and_shows_points_alike():
    assert sentence_numbers([(0, True), (1, False), (2, False), (3, True), (4, False)]) == {
        0: "§", 1: "1", 2: "2", 3: "§", 4: "3"}
    assert [points_text(p) for p in (5, 2.5, -2, 0)] == ["−5", "−2.5", "+2", "+0"]
