"""`auditor audit` end to end: inputs, outputs, the database, and bad input."""

from __future__ import annotations

import http.server
import json
import threading
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from auditor.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "telegraph-peacekeepers-de.txt"
FIXTURES = Path(__file__).parent / "fixtures"


def run(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def seed_json(tmp_path):
    result = run("audit", str(SEED), "--format", "json", "--db", str(tmp_path / "a.db"))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), tmp_path / "a.db"


def test_json_contract_on_the_seed(seed_json):
    data, _ = seed_json
    text = SEED.read_text(encoding="utf-8")
    article = data["article"]
    assert article["text"] == text  # text input is kept exactly as given
    assert article["language"] == "de"
    assert {"id", "title", "url", "outlet", "language", "text"} <= set(article)
    sentences = data["sentences"]
    assert len(sentences) == 13
    for s in sentences:
        assert text[s["start"]:s["end"]] == s["text"]
        for a in s["attributions"]:
            for span in [a["source"], a["cue"], *a["via"]]:
                if span:
                    assert text[span["start"]:span["end"]] == span["text"]
        for h in s["hedges"]:
            assert text[h["start"]:h["end"]] == h["text"]
        assert s["hedge_level"] in ("none", "low", "medium", "high")
    first = sentences[0]["attributions"][0]
    assert first["source"]["kind"] == "anonymous"
    assert first["cue"]["text"] == "laut"
    assert [v["text"] for v in first["via"]] == ["The Telegraph"]
    assert first["mode"] == "according_to"
    assert sentences[8]["is_heading"] is True


def test_the_database_holds_the_audit_once(seed_json, tmp_path):
    data, db_path = seed_json
    db = sqlite_utils.Database(db_path)
    assert db["articles"].count == 1
    assert db["sentences"].count == 13
    before = {t: db[t].count for t in ("sentences", "attributions", "hedges", "sources")}
    again = run("audit", str(SEED), "--format", "json", "--db", str(db_path))
    assert again.exit_code == 0
    assert {t: db[t].count for t in before} == before  # re-audit replaces, never duplicates
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_text_report_names_sources_and_levels():
    result = run("audit", str(SEED), "--no-db")
    assert result.exit_code == 0
    out = result.stdout
    assert "hochrangigen Quellen der britischen Regierung" in out
    assert "anonymous" in out and "The Telegraph" in out
    assert "Summary" in out and "Sources" in out


def test_stdin_with_language(tmp_path):
    text = "Laut der Polizei wurden drei Menschen verletzt. Der Sprecher sagte, die Lage sei ruhig."
    result = run("audit", "-", "--lang", "de", "--format", "json", "--no-db", input=text.encode())
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["article"]["text"] == text
    assert data["sentences"][0]["attributions"][0]["source"]["text"] == "der Polizei"


def test_jsonl_input_gives_one_line_per_article(tmp_path):
    path = tmp_path / "two.jsonl"
    rows = [{"id": 7, "text": "The mayor said the bridge would reopen.", "language": "en"},
            {"id": "b", "text": "Laut dpa ist die Brücke gesperrt.", "language": "de", "outlet": "Test"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = run("audit", str(path), "--format", "jsonl", "--no-db")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["article"]["id"] for d in lines] == ["7", "b"]
    assert lines[1]["article"]["outlet"] == "Test"


def test_json_refuses_several_articles(tmp_path):
    path = tmp_path / "two.jsonl"
    path.write_text('{"id": 1, "text": "A man said so."}\n{"id": 2, "text": "A woman said so."}\n')
    result = CliRunner().invoke(cli, ["audit", str(path), "--format", "json", "--no-db"])
    assert result.exit_code != 0
    assert "jsonl" in result.output


@pytest.mark.parametrize("make, problem", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: d, "is a directory"),
    (lambda d: _write(d / "empty.txt", b""), "empty"),
    (lambda d: _write(d / "blank.txt", b"  \n\t \n"), "whitespace"),
    (lambda d: _write(d / "blob.txt", bytes(range(256)) * 4), "binary"),
    (lambda d: _write(d / "nav.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>"), "no article text"),
])
def test_bad_input_gives_one_line_and_exit_code(tmp_path, make, problem):
    path = make(tmp_path)
    result = CliRunner().invoke(cli, ["audit", str(path), "--no-db"])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0] and problem in lines[0]
    assert "Traceback" not in result.output


def test_invalid_utf8_is_decoded_with_a_warning(tmp_path):
    path = _write(tmp_path / "latin.txt", "Der Sprecher sagte, es gebe keine Gefahr für die Bürger. \xff\xfe".encode() + b"\xff")
    result = CliRunner().invoke(cli, ["audit", str(path), "--no-db", "--format", "json"])
    assert result.exit_code == 0
    assert "warning" in result.stderr and "UTF-8" in result.stderr


def test_unsupported_language_warns_but_stores(tmp_path):
    path = _write(tmp_path / "fr.txt", "Le maire a dit que le pont sera fermé. Les travaux dureront trois mois.".encode())
    db_path = tmp_path / "fr.db"
    result = CliRunner().invoke(cli, ["audit", str(path), "--db", str(db_path), "--format", "json"])
    assert result.exit_code == 0
    assert "warning" in result.stderr and "language" in result.stderr
    assert sqlite_utils.Database(db_path)["sentences"].count == 2


def test_one_bad_input_does_not_stop_the_others(tmp_path):
    good = _write(tmp_path / "good.txt", b"The minister said the talks would go on.")
    result = CliRunner().invoke(cli, ["audit", str(tmp_path / "nope.txt"), str(good), "--format", "jsonl",
                                      "--db", str(tmp_path / "m.db")])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    assert sqlite_utils.Database(tmp_path / "m.db")["articles"].count == 1


# --- URLs, served from 127.0.0.1 ------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/article.html":
            body = (FIXTURES / "news_en.html").read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
        elif self.path == "/report.pdf":
            body = b"%PDF-1.4"
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
        else:
            body = b"not here"
            self.send_response(404)
            self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_url_is_fetched_and_audited(server, tmp_path):
    result = run("audit", f"{server}/article.html", "--format", "json", "--db", str(tmp_path / "u.db"))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["article"]["url"] == f"{server}/article.html"
    assert data["article"]["language"] == "en"
    assert data["article"]["title"]
    assert any(s["attributions"] for s in data["sentences"])


@pytest.mark.parametrize("path, problem", [("/gone.html", "404"), ("/report.pdf", "application/pdf")])
def test_url_errors_are_one_line(server, path, problem):
    result = CliRunner().invoke(cli, ["audit", f"{server}{path}", "--no-db"])
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert "\n" not in line and f"{server}{path}" in line and problem in line


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
