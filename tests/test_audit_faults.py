"""`auditor audit` with several documents: one document's failure is one error
line, the others are audited, and nothing printed is cut or acts on the terminal."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

import auditor.pipeline
from auditor.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "telegraph-peacekeepers-de.txt"
FIXTURES = Path(__file__).parent / "fixtures"
EN = "The mayor said on Monday that the bridge would reopen in spring, according to the city council."
DE = "Laut Polizei gab es bei dem Unfall am Sonntagabend keine Verletzten, sagte ein Sprecher."


def audit(*args: str):
    return CliRunner().invoke(cli, ["audit", *args], catch_exceptions=False)


def jsonl(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def record(id_: int, text: str) -> str:
    return json.dumps({"id": id_, "text": text})


def test_a_broken_json_line_is_one_error_line_and_the_rest_are_audited(tmp_path):
    dump = jsonl(tmp_path / "dump.jsonl", record(1, EN), '{"id": 2, "text": ', record(3, DE), "[4]")
    result = audit(str(dump), "--format", "jsonl", "--no-db")
    assert result.exit_code == 1
    assert [json.loads(line)["article"]["id"] for line in result.stdout.splitlines()] == ["1", "3"]
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"auditor: error: {dump}:2: invalid JSON")
    assert errors[1] == f"auditor: error: {dump}:4: expected a JSON object, got an array"


def test_an_unexpected_failure_of_one_document_costs_that_document_only(tmp_path, monkeypatch):
    analyse = auditor.pipeline.analyse_article

    def fragile(article, sentences):  # a tagger bug that only this text sets off
        if "Sprecher" in article.text:
            raise IndexError("list index out of range")
        return analyse(article, sentences)

    monkeypatch.setattr(auditor.pipeline, "analyse_article", fragile)
    dump = jsonl(tmp_path / "dump.jsonl", record(1, EN), record(2, DE), record(3, EN + " Really."))
    result = audit(str(dump), "--format", "jsonl", "--db", str(tmp_path / "a.db"))
    assert result.exit_code == 1
    assert [json.loads(line)["article"]["id"] for line in result.stdout.splitlines()] == ["1", "3"]
    assert result.stderr == (f"auditor: error: {dump}:2: cannot audit: IndexError: list index out of range\n")


def test_a_broken_warc_record_is_named_by_its_offset_and_the_others_are_audited(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    crawl = tmp_path / "crawl.warc"
    page = (FIXTURES / "news_en.html").read_bytes()
    with crawl.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://example.org/a", "response",
                                                      payload=io.BytesIO(page), http_headers=headers))
        cut_at = out.tell()
        http_part = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
        out.write(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/b\r\n"
                  b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
                  b"Content-Length: " + str(len(http_part)).encode() + b"\r\n\r\n" + http_part[:200])
    result = audit(str(crawl), "--format", "jsonl", "--no-db")
    assert result.exit_code == 1
    [line] = result.stdout.splitlines()
    assert json.loads(line)["article"]["url"] == "https://example.org/a"
    assert result.stderr == f"auditor: error: {crawl}@{cut_at}: WARC record is truncated\n"


def test_ctrl_c_leaves_only_whole_lines_and_exits_130(tmp_path):
    seed = SEED.read_text(encoding="utf-8")
    dump = jsonl(tmp_path / "big.jsonl", *(record(n, seed) for n in range(400)))
    process = subprocess.Popen([sys.executable, "-m", "auditor", "audit", str(dump), "--format", "jsonl", "--no-db"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    first = os.read(process.stdout.fileno(), 65536)  # running, and printing; unbuffered, as communicate() reads
    time.sleep(0.3)
    process.send_signal(signal.SIGINT)
    rest, errors = process.communicate(timeout=60)
    lines = (first + rest).decode("utf-8").splitlines()
    assert process.returncode == 130, errors
    assert 1 <= len(lines) < 400
    assert [json.loads(line)["article"]["id"] for line in lines] == [str(n) for n in range(len(lines))]
    assert errors.decode() == "auditor: error: interrupted; every report printed above is complete\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
def test_an_output_that_cannot_be_written_is_one_line(tmp_path):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "auditor", "audit", str(SEED), "--no-db", "--format", "jsonl"],
                              stdout=full, stderr=subprocess.PIPE, cwd=tmp_path, timeout=120, check=False)
    assert done.returncode == 1
    assert done.stderr.decode() == "auditor: error: <stdout>: cannot write: No space left on device\n"


# ---------------------------------------------------------------- what reaches the terminal

HOSTILE = ("Der Sprecher sagte, \x1b]52;c;cm0gLXJmIH4=\x07die Lage sei ruhig. "
           "Laut Polizei \x1b]8;;https://evil.example/\x1b\\gab es\x1b]8;;\x1b\\ keine Verletzten.\x1b[2J\x1b[8m "
           "Ein Zeuge sagte, es sei \u202eneu\u202c gewesen.\x9b31m")


def test_escapes_in_the_text_are_shown_not_obeyed(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    result = audit(str(path), "--no-db", "--lang", "de")
    assert result.exit_code == 0, result.output
    for raw in ("\x1b", "\x07", "\x9b", "\u202e", "\u202c"):
        assert raw not in result.stdout
    unwrapped = "".join(result.stdout.split())  # the report wraps long lines
    for shown in (r"\x1b]52;c;cm0gLXJmIH4=\x07", r"\x1b]8;;https://evil.example/\x1b\gabes", r"\x1b[2J\x1b[8m",
                  r"\u202eneu\u202c", r"\x9b31m"):
        assert shown in unwrapped
    assert "Polizei" in result.stdout  # the report itself is all there


def test_escapes_in_a_file_name_are_shown_in_the_error_line(tmp_path):
    name = tmp_path / "evil\x1b]52;c;eA==\x07\n.txt"
    result = audit(str(name), "--no-db")
    assert result.exit_code == 1
    assert result.stderr == f"auditor: error: {tmp_path}/evil\\x1b]52;c;eA==\\x07\\n.txt: no such file\n"


def test_json_output_keeps_the_text_exact_and_inert(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    result = audit(str(path), "--no-db", "--lang", "de", "--format", "json")
    assert json.loads(result.stdout)["article"]["text"] == HOSTILE
    for raw in ("\x1b", "\x07", "\x9b", "\u202e", "\u202c"):  # JSON escapes C0 itself; C1 and bidi we do
        assert raw not in result.stdout
    assert r"\u202eneu\u202c" in result.stdout and r"\u009b31m" in result.stdout


def test_no_third_party_warning_reaches_the_terminal(tmp_path):
    """bs4 warns (XMLParsedAsHTMLWarning, 12 lines) about a page with an XML prolog."""
    page = tmp_path / "xhtml.html"
    page.write_bytes(b'<?xml version="1.0"?>\n<!-- generated -->\n' + (FIXTURES / "news_en.html").read_bytes())
    done = subprocess.run([sys.executable, "-W", "default", "-m", "auditor", "audit", str(page), "--no-db",
                           "--format", "json", "--lang", "en"], capture_output=True, cwd=tmp_path, timeout=120, check=False)
    assert done.returncode == 0
    assert done.stderr.decode() == ""
    assert json.loads(done.stdout)["sentences"]


def test_nul_characters_past_the_first_8_kb_are_not_stored(tmp_path):
    text = (EN + " ") * 100 + "\x00" + DE
    assert text.index("\x00") > 8192
    path = tmp_path / "nul.txt"
    path.write_text(text, encoding="utf-8")
    result = audit(str(path), "--no-db", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["article"]["text"] == text.replace("\x00", "")
    assert result.stderr == f"auditor: warning: {path}: removed 1 NUL character\n"


# ---------------------------------------------------------------- installs


def test_an_install_missing_a_part_of_the_html_chain_says_so_in_one_line(tmp_path):
    """lxml >= 5.2 without lxml_html_clean: trafilatura's import of jusText fails."""
    page = tmp_path / "page.html"
    page.write_bytes((FIXTURES / "news_en.html").read_bytes())
    code = ("import sys; sys.modules['lxml_html_clean'] = None; sys.modules['lxml.html.clean'] = None; "
            "from auditor.cli import cli; cli()")
    done = subprocess.run([sys.executable, "-c", code, "audit", str(page), str(SEED), "--no-db", "--format", "jsonl"],
                          capture_output=True, cwd=tmp_path, timeout=120, env={**os.environ, "COLUMNS": "200"}, check=False)
    assert done.returncode == 1
    [line] = done.stderr.decode().splitlines()
    assert line.startswith(f"auditor: error: {page}: cannot read HTML: trafilatura does not import (")
    assert len(done.stdout.decode().splitlines()) == 1  # the seed (text) is still audited


def test_the_html_import_chain_is_declared():
    """pip 23.2.1, as bundled with Python 3.11, does not resolve lxml's html_clean extra
    through jusText's requirement; naming the package ourselves makes every pip install it."""
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    names = {dep.split(">")[0].split("=")[0].split("[")[0].strip().lower().replace("_", "-") for dep in declared}
    assert "lxml-html-clean" in names


def test_rescore_prints_stored_titles_inert(tmp_path):
    dump = jsonl(tmp_path / "dump.jsonl", json.dumps({"id": "t", "text": DE, "title": "\x1b]52;c;eA==\x07Brücke"}))
    db = tmp_path / "a.db"
    assert audit(str(dump), "--db", str(db), "--format", "jsonl").exit_code == 0
    result = CliRunner().invoke(cli, ["rescore", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and r"\x1b]52;c;eA==\x07Brücke" in result.stdout


def test_a_character_the_output_encoding_lacks_is_escaped_not_a_traceback(tmp_path):
    path = tmp_path / "emoji.txt"
    path.write_text("Der Sprecher sagte, die Lage sei 🙂 ruhig.", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "auditor", "audit", str(path), "--no-db", "--format", "jsonl"],
                          capture_output=True, cwd=tmp_path, timeout=120, check=False,
                          env={**os.environ, "PYTHONIOENCODING": "latin-1"})
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    assert json.loads(done.stdout)["article"]["text"] == path.read_text(encoding="utf-8")  # JSON is UTF-8 always
    report = subprocess.run([sys.executable, "-m", "auditor", "audit", str(path), "--no-db"],
                            capture_output=True, cwd=tmp_path, timeout=120, check=False,
                            env={**os.environ, "PYTHONIOENCODING": "latin-1"})
    assert report.returncode == 0, report.stderr
    assert b"\\U0001f642" in report.stdout  # the readable report, in the terminal's encoding
