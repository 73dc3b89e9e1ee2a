"""`auditor bulk` end to end: every input kind, errors, skipping, resuming, the page cache.

Real text throughout (the seed articles and small fixtures written here).
Nothing touches the network: URLs are served by a local HTTP server on
127.0.0.1 and WARC files are written by the tests with warcio.
"""

from __future__ import annotations

import html
import http.server
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

import auditor.bulk
import auditor.store.sqlite.sink
from auditor.cli import cli
from auditor.extract import content_hash
from auditor.store.sqlite.sink import SqliteSink

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FIXTURES = Path(__file__).parent / "fixtures"


def seed_text(stem: str) -> str:
    return (ROOT / "seeds" / f"{stem}.txt").read_text(encoding="utf-8")


def bulk(*args: str, input: bytes | str | None = None):
    """`auditor bulk ARGS` in this process, analysing here (--jobs 1) unless told otherwise."""
    argv = ["bulk", *args]
    if "--jobs" not in args and "-j" not in args:
        argv += ["--jobs", "1"]
    return CliRunner().invoke(cli, argv, input=input, catch_exceptions=False)


def rows(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def origins(db: Path) -> set[str]:
    return {origin for (origin,) in rows(db, "SELECT origin FROM articles")}


def errors(db: Path) -> list[tuple[str, str, str, str]]:
    return rows(db, "SELECT input, stage, message, at FROM errors ORDER BY id")


def contents(db: Path) -> Counter:
    """What is stored, independent of row ids and of the order articles were written in."""
    articles = rows(db, "SELECT id, content_hash, language, n_sentences, n_attributed, n_hedged FROM articles")
    sentences = rows(db, "SELECT t.content_hash, idx, start, \"end\", s.text, hedge_level, n_attributions, n_hedges"
                         " FROM sentences s JOIN texts t ON t.id = s.text_id")
    attributions = rows(db, "SELECT t.content_hash, s.idx, a.source_text, a.source_kind, a.cue_text, a.mode,"
                            " a.via_text FROM attributions a JOIN sentences s ON s.id = a.sentence_id"
                            " JOIN texts t ON t.id = s.text_id")
    hedges = rows(db, "SELECT t.content_hash, s.idx, h.text, h.kind FROM hedges h"
                      " JOIN sentences s ON s.id = h.sentence_id JOIN texts t ON t.id = s.text_id")
    return Counter([("article", *r) for r in articles] + [("sentence", *r) for r in sentences]
                   + [("attribution", *r) for r in attributions] + [("hedge", *r) for r in hedges])


def assert_whole_and_unique(db: Path) -> None:
    """No input stored twice, no text stored half: each has all its sentences."""
    digests = [h for (h,) in rows(db, "SELECT raw_digest FROM publications")]
    assert len(digests) == len(set(digests))
    mismatched = rows(db, "SELECT t.id, t.n_sentences, COUNT(s.id) FROM texts t"
                          " LEFT JOIN sentences s ON s.text_id = t.id GROUP BY t.id"
                          " HAVING t.n_sentences != COUNT(s.id) OR t.n_sentences = 0")
    assert mismatched == []
    duplicated = rows(db, "SELECT text_id, idx FROM sentences GROUP BY text_id, idx HAVING COUNT(*) > 1")
    assert duplicated == []
    (fts,) = rows(db, "SELECT COUNT(*) FROM sentences_fts")[0]
    (sentences,) = rows(db, "SELECT COUNT(*) FROM sentences")[0]
    assert fts == sentences


def counted(stored: int, skipped: int, shared: int = 0) -> str:
    """The summary's count of articles: publications stored (new texts, shared ones) and skipped."""
    return f"{stored} stored ({texts_counted(stored - shared, shared)}), {skipped} skipped"


def texts_counted(new: int, shared: int) -> str:
    """How the summary words new texts and publications of texts stored already."""
    return (f"{new} new text{'' if new == 1 else 's'}, "
            f"{shared} publication{'' if shared == 1 else 's'} of texts stored already")


def html_page(title: str, text: str) -> str:
    paragraphs = "\n".join(f"<p>{html.escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head>"
            f"<body><nav><a href='/'>Start</a> <a href='/politik'>Politik</a></nav><article>"
            f"<h1>{html.escape(title)}</h1>\n{paragraphs}\n</article><footer>Impressum</footer></body></html>")


def jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


# --- a local HTTP server ------------------------------------------------------------


class Site:
    """Pages served on 127.0.0.1; counts the requests for each path."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, bytes]] = {}
        self.hits: Counter[str] = Counter()
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                site.hits[self.path] += 1
                status, media_type, body = site.pages.get(self.path, (404, "text/plain", b"not here"))
                self.send_response(status)
                self.send_header("Content-Type", media_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):  # quiet
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_port}{path}"

    def add_html(self, path: str, page: str) -> str:
        self.pages[path] = (200, "text/html; charset=utf-8", page.encode("utf-8"))
        return self.url(path)


@pytest.fixture
def site(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    served = Site()
    served.thread.start()
    yield served
    served.server.shutdown()
    served.server.server_close()


@pytest.fixture
def news_site(site, tmp_path):
    """Three article pages and one URL that is gone, listed in urls.txt."""
    urls = [site.add_html(f"/news/{stem}.html", html_page(stem.replace("-", " ").title(), seed_text(stem)))
            for stem in ("court-verdict-en", "hochwasser-oberau-de", "data-leak-en")]
    gone = site.url("/news/gone.html")
    listing = tmp_path / "urls.txt"
    listing.write_text("# today's articles\n" + "\n".join(urls[:2]) + "\n\n" + gone + "\n" + urls[2] + "\n")
    return site, urls, gone, listing


# --- inputs ---------------------------------------------------------------------


def test_a_folder_is_read_recursively_by_extension(tmp_path):
    corpus = tmp_path / "articles"
    (corpus / "2024" / "03").mkdir(parents=True)
    (corpus / ".drafts").mkdir()
    (corpus / "court.txt").write_text(seed_text("court-verdict-en"), encoding="utf-8")
    (corpus / "2024" / "flood.md").write_text(seed_text("hochwasser-oberau-de"), encoding="utf-8")
    (corpus / "2024" / "03" / "fernwaerme.html").write_bytes((FIXTURES / "news_de.html").read_bytes())
    (corpus / "2024" / "03" / "notes.csv").write_text("a,b\n1,2\n")  # not an article's extension
    (corpus / "2024" / "03" / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (corpus / ".drafts" / "draft.txt").write_text(seed_text("data-leak-en"), encoding="utf-8")  # hidden
    db = tmp_path / "audit.db"

    result = bulk(str(corpus), "--db", str(db))

    assert result.exit_code == 0, result.output
    assert origins(db) == {str(corpus / "court.txt"), str(corpus / "2024" / "flood.md"),
                           str(corpus / "2024" / "03" / "fernwaerme.html")}
    assert errors(db) == []
    assert counted(3, 0) in result.output
    assert_whole_and_unique(db)
    stored = dict(rows(db, "SELECT origin, content_hash FROM articles"))
    assert stored[str(corpus / "court.txt")] == content_hash(seed_text("court-verdict-en"))  # text kept as given
    (language,) = rows(db, "SELECT language FROM articles WHERE origin LIKE '%flood.md'")[0]
    assert language == "de"


def test_a_url_list_is_fetched_and_the_missing_url_recorded(news_site, tmp_path):
    site, urls, gone, listing = news_site
    db = tmp_path / "audit.db"

    result = bulk(str(listing), "--db", str(db), "--concurrency", "4", "--per-host", "2")

    assert result.exit_code == 1, result.output
    assert rows(db, "SELECT url FROM articles ORDER BY url") == sorted((url,) for url in urls)
    [(input_, stage, message, at)] = errors(db)
    assert (input_, stage) == (gone, "fetch")
    assert "404" in message
    assert "T" in at and at.startswith("20")  # ISO 8601 time
    assert f"auditor: error: {gone}" in result.output
    assert "errors     fetch 1" in result.output
    assert_whole_and_unique(db)
    titles = {title for (title,) in rows(db, "SELECT title FROM articles")}
    assert "Court Verdict En" in titles


def test_json_lines_with_a_broken_line(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        jsonl([{"id": "court", "text": seed_text("court-verdict-en"), "outlet": "Example Courier"}])
        + '{"id": "broken", "text": "Die Polizei sagte, \n'  # cut off mid-record
        + jsonl([{"id": "flood", "text": seed_text("hochwasser-oberau-de"), "language": "de"},
                 {"id": "empty", "text": "   "},
                 {"id": "page", "html": (FIXTURES / "news_en.html").read_text(encoding="cp1252")}]),
        encoding="utf-8",
    )
    db = tmp_path / "audit.db"

    result = bulk(str(dump), "--db", str(db))

    assert result.exit_code == 1, result.output
    assert rows(db, "SELECT id, origin FROM articles ORDER BY origin") == [
        ("court", f"{dump}:1"), ("flood", f"{dump}:3"), ("page", f"{dump}:5")]
    (outlet,) = rows(db, "SELECT outlet FROM articles WHERE id = 'court'")[0]
    assert outlet == "Example Courier"  # the record's metadata is kept
    failed = {input_: (stage, message) for input_, stage, message, _ in errors(db)}
    assert set(failed) == {f"{dump}:2", f"{dump}:4"}
    assert failed[f"{dump}:2"][0] == "ingest" and "invalid JSON" in failed[f"{dump}:2"][1]
    assert_whole_and_unique(db)


def _warc(path: Path, site_pages: list[tuple[str, str]], *, truncated_tail: bool = False) -> None:
    """A WARC as a crawler writes it: request and response records, an image,
    a redirect, metadata; optionally a last record cut off mid-payload."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.suffix == ".gz")
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))

        def response(uri: str, status: str, media_type: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", media_type)], protocol="HTTP/1.1")
            request = io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            writer.write_record(writer.create_warc_record(uri, "request", payload=request))
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))

        response("https://example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
        for uri, page in site_pages:
            response(uri, "200 OK", "text/html; charset=utf-8", page.encode("utf-8"))
        response("https://example.org/old", "301 Moved Permanently", "text/html", b"<a href='/new'>moved</a>")
        writer.write_record(writer.create_warc_record("https://example.org/", "metadata",
                                                      payload=io.BytesIO(b"fetchTimeMs: 12\r\n")))
    if truncated_tail:
        body = html_page("Abgeschnitten", seed_text("transfer-geruecht-de")).encode("utf-8")
        http_part = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
        head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/cut\r\n"
                b"WARC-Date: 2024-03-01T10:00:00Z\r\n"
                b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
                b"Content-Type: application/http; msgtype=response\r\n"
                b"Content-Length: " + str(len(http_part)).encode() + b"\r\n\r\n")
        with path.open("ab") as out:
            out.write(head + http_part[: len(http_part) // 2])  # the crawl died writing it


def test_warc_html_responses_are_audited_and_a_broken_record_recorded(tmp_path):
    pages = [("https://example.org/flut", html_page("Hochwasser in Oberau", seed_text("hochwasser-oberau-de"))),
             ("https://example.org/leak", html_page("Data leak", seed_text("data-leak-en")))]
    crawl = tmp_path / "crawl.warc.gz"
    _warc(crawl, pages)
    broken = tmp_path / "broken.warc"
    _warc(broken, [("https://example.org/poll", html_page("Poll", seed_text("election-poll-en")))],
          truncated_tail=True)
    db = tmp_path / "audit.db"

    result = bulk(str(crawl), str(broken), "--db", str(db))

    assert result.exit_code == 1, result.output
    stored = rows(db, "SELECT url, origin FROM articles ORDER BY url")
    assert [url for url, _ in stored] == ["https://example.org/flut", "https://example.org/leak",
                                          "https://example.org/poll"]  # no image, redirect, request, metadata
    assert all(origin.startswith((f"{crawl}@", f"{broken}@")) for _, origin in stored)
    [(input_, stage, message, _)] = errors(db)
    assert input_.startswith(f"{broken}@") and stage == "ingest"
    assert "truncated" in message or "broken" in message
    assert_whole_and_unique(db)


def test_several_inputs_in_one_call(news_site, tmp_path):
    site, urls, _, _ = news_site
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_text(seed_text("stadtrat-haushalt-de"), encoding="utf-8")
    dump = tmp_path / "d.jsonl"
    dump.write_text(jsonl([{"id": "poll", "text": seed_text("election-poll-en")}]), encoding="utf-8")
    db = tmp_path / "audit.db"

    result = bulk(str(folder), str(dump), urls[0], str(ROOT / "seeds" / "transfer-geruecht-de.txt"), "--db", str(db))

    assert result.exit_code == 0, result.output
    assert origins(db) == {str(folder / "a.txt"), f"{dump}:1", urls[0],
                           str(ROOT / "seeds" / "transfer-geruecht-de.txt")}
    assert "4 stored" in result.output


def test_stdin_as_json_lines_and_as_a_list_of_inputs(news_site, tmp_path):
    site, urls, gone, _ = news_site
    db = tmp_path / "audit.db"

    result = bulk("-", "--db", str(db), input=jsonl([{"id": "leak", "text": seed_text("data-leak-en")},
                                                      {"id": "court", "text": seed_text("court-verdict-en")}]))
    assert result.exit_code == 0, result.output
    assert rows(db, "SELECT id, origin FROM articles ORDER BY id") == [("court", "<stdin>:2"), ("leak", "<stdin>:1")]

    listing = f"{ROOT / 'seeds' / 'election-poll-en.txt'}\n{urls[1]}\n{gone}\n"
    result = bulk("-", "--db", str(db), input=listing)
    assert result.exit_code == 1, result.output
    assert origins(db) == {"<stdin>:1", "<stdin>:2", str(ROOT / "seeds" / "election-poll-en.txt"), urls[1]}
    assert [(input_, stage) for input_, stage, _, _ in errors(db)] == [(gone, "fetch")]


# --- errors ---------------------------------------------------------------------------


def test_bad_inputs_are_recorded_and_skipped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(seed_text("court-verdict-en"), encoding="utf-8")
    (folder / "empty.txt").write_text("  \n\n ", encoding="utf-8")
    (folder / "menu.html").write_text("<html><body><nav><a href='/'>Start</a></nav><script>x()</script></body></html>")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    unreadable = folder / "locked.md"
    unreadable.write_text(seed_text("data-leak-en"), encoding="utf-8")
    unreadable.chmod(0)
    missing = tmp_path / "missing.txt"
    bad_port = "http://127.0.0.1:99999/article.html"  # fails before any connection is tried
    db = tmp_path / "audit.db"
    try:
        result = bulk(str(folder), str(missing), bad_port, "--db", str(db), "--quiet")
    finally:
        unreadable.chmod(0o644)

    assert result.exit_code == 1, result.output
    failed = {input_: (stage, message, at) for input_, stage, message, at in errors(db)}
    expected = {str(folder / "empty.txt"), str(folder / "menu.html"), str(folder / "binary.txt"), str(missing),
                bad_port}
    if os.geteuid() == 0:  # root reads files whatever their mode
        assert origins(db) == {str(folder / "good.txt"), str(unreadable)}
    else:
        assert origins(db) == {str(folder / "good.txt")}
        expected.add(str(unreadable))
    assert set(failed) == expected
    for stage, message, at in failed.values():
        assert stage in {"ingest", "extract", "fetch"} and message and at
    assert failed[bad_port][0] == "fetch"
    assert "no such file" in failed[str(missing)][1]
    assert "auditor: error:" not in result.output  # --quiet: only in the table
    assert f"{counted(len(origins(db)), 0)} (stored already), {len(expected)} failed" in result.output


def test_a_rerun_updates_a_failure_instead_of_recording_it_again_and_a_fix_clears_it(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(seed_text("court-verdict-en"), encoding="utf-8")
    late = folder / "late.txt"
    late.write_text("   ", encoding="utf-8")  # not written yet: no text
    db = tmp_path / "audit.db"
    assert bulk(str(folder), "--db", str(db), "--quiet").exit_code == 1
    assert bulk(str(folder), "--db", str(db), "--quiet").exit_code == 1
    assert rows(db, "SELECT input, stage, attempts FROM errors") == [(str(late), "ingest", 2)]

    late.write_text(seed_text("data-leak-en"), encoding="utf-8")
    result = bulk(str(folder), "--db", str(db), "--quiet")
    assert result.exit_code == 0, result.output
    assert errors(db) == []
    assert origins(db) == {str(folder / "good.txt"), str(late)}


# --- skipping and resuming ------------------------------------------------------------


def test_a_rerun_skips_what_is_stored(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in SEEDS:
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "page.html").write_bytes((FIXTURES / "news_en.html").read_bytes())
    db = tmp_path / "audit.db"
    assert bulk(str(folder), "--db", str(db)).exit_code == 0
    before = contents(db)
    n = len(SEEDS) + 1
    analysed = []
    audit_article = auditor.bulk.audit_article
    monkeypatch.setattr(auditor.bulk, "audit_article", lambda article, **kw: analysed.append(article.origin)
                        or audit_article(article, **kw))

    result = bulk(str(folder), "--db", str(db))

    assert result.exit_code == 0, result.output
    assert counted(0, n) in result.output
    assert analysed == []  # not analysed again, the HTML page (known once extracted) neither
    assert contents(db) == before
    assert rows(db, "SELECT COUNT(*) FROM articles")[0][0] == n
    assert_whole_and_unique(db)

    # a new article among the old ones: only it is audited
    (folder / "new.txt").write_text(seed_text("court-verdict-en") + "\n\nEin Nachtrag folgt.", encoding="utf-8")
    result = bulk(str(folder), "--db", str(db))
    assert counted(1, n) in result.output
    assert analysed == [str(folder / "new.txt")]
    # the same text twice in one run: two publications, one text analysed once
    dump = tmp_path / "twice.jsonl"
    same = "Laut Polizei war es ein Unfall. Zeugen sagten, der Fahrer sei zu schnell gewesen."
    dump.write_text(jsonl([{"id": "x1", "text": same}, {"id": "x2", "text": same}]))
    result = bulk(str(dump), "--db", str(db))
    assert counted(2, 0, shared=1) in result.output
    assert_whole_and_unique(db)


def _corpus(path: Path, n: int) -> Path:
    """n different articles made from the seeds (each with a line of its own)."""
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            text = (f"{texts[i % len(texts)]}\n\n"
                    f"Nachtrag {i}: Die Redaktion hat den Artikel am {i % 28 + 1}. März ergänzt.")
            out.write(json.dumps({"id": f"a{i:04d}", "text": text}, ensure_ascii=False) + "\n")
    return path


def _count_articles(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0  # not created yet


def test_resume_after_the_process_is_killed(tmp_path):
    corpus = _corpus(tmp_path / "corpus.jsonl", 240)
    db = tmp_path / "killed.db"
    command = [sys.executable, "-m", "auditor", "bulk", str(corpus), "--db", str(db), "--jobs", "1",
               "--batch-size", "10", "--no-progress"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while _count_articles(db) < 10:  # the first batch is committed
            assert process.poll() is None, process.stderr.read().decode()
            assert time.monotonic() < deadline, "no batch committed in time"
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)  # no chance to clean up
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == -signal.SIGKILL
    partial = _count_articles(db)
    assert 10 <= partial < 240, "the run ended before it was killed: make the corpus larger"
    assert_whole_and_unique(db)  # what was committed is whole articles only

    rerun = bulk(str(corpus), "--db", str(db), "--batch-size", "10")
    assert rerun.exit_code == 0, rerun.output
    assert counted(240 - partial, partial) in rerun.output

    clean = tmp_path / "clean.db"
    assert bulk(str(corpus), "--db", str(clean), "--jobs", "2").exit_code == 0
    assert_whole_and_unique(db)
    assert contents(db) == contents(clean)  # nothing lost, nothing twice, every article whole


def _interrupted_bulk(tmp_path: Path, jobs: str, articles: int, after: int, gaps: tuple[float, ...]) -> tuple[Path, str]:
    """Run `auditor bulk` on a corpus, send SIGINT once ``after`` articles are committed
    (and again after each of ``gaps`` seconds); it must exit 130 within 30 s."""
    corpus = _corpus(tmp_path / "corpus.jsonl", articles)
    db = tmp_path / "interrupted.db"
    process = subprocess.Popen([sys.executable, "-m", "auditor", "bulk", str(corpus), "--db", str(db), "--jobs", jobs,
                                "--batch-size", "10", "--no-progress"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while _count_articles(db) < after:
            assert process.poll() is None, process.stderr.read().decode()
            assert time.monotonic() < deadline, "no batch committed in time"
            time.sleep(0.01)
        process.send_signal(signal.SIGINT)
        for gap in gaps:
            time.sleep(gap)
            process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 130
    return db, out.decode()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_commits_what_is_done_and_exits_130(tmp_path, jobs):
    db, out = _interrupted_bulk(tmp_path, jobs, articles=240, after=10, gaps=())
    assert f"articles   {_count_articles(db):,} stored" in out
    assert "interrupted; every article counted above is stored" in out
    assert_whole_and_unique(db)


def test_ctrl_c_during_a_commit_waits_for_it_and_counts_it(tmp_path, monkeypatch):
    # the signal lands right after a batch is written, before it is counted: the run
    # must still stop with that batch stored *and* counted as stored (not "stored already")
    from auditor.store.sqlite.schema import open_db

    corpus = _corpus(tmp_path / "corpus.jsonl", 30)
    write_batch = auditor.store.sqlite.sink.write_batch
    commits = []

    def save_then_interrupt(*args, **kwargs):
        saved = write_batch(*args, **kwargs)
        commits.append(len(saved))
        if len(commits) == 2:
            os.kill(os.getpid(), signal.SIGINT)
        return saved

    monkeypatch.setattr(auditor.store.sqlite.sink, "write_batch", save_then_interrupt)
    db = open_db(tmp_path / "audit.db")
    summary = auditor.bulk.run_bulk([str(corpus)], SqliteSink(db), auditor.bulk.BulkOptions(batch_size=10))
    assert summary.interrupted
    assert commits == [10, 10]
    assert summary.stored == 20 == db["articles"].count
    assert summary.skipped == 0
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # the run's handler is gone


def test_a_second_ctrl_c_while_the_run_ends_neither_hangs_nor_loses_the_last_batch(tmp_path, monkeypatch):
    # the first Ctrl-C lands in the middle of an article, the second while the results
    # at hand are committed: that commit goes through, and the run ends as interrupted
    from auditor.store.sqlite.schema import open_db

    corpus = _corpus(tmp_path / "corpus.jsonl", 30)
    audit_article, write_batch = auditor.bulk.audit_article, auditor.store.sqlite.sink.write_batch
    audited, commits = [], []

    def audit_then_interrupt(article, **kwargs):
        audited.append(article.id)
        if len(audited) == 20:  # in the second chunk of 16: the first one's are taken, 10 committed
            os.kill(os.getpid(), signal.SIGINT)
        return audit_article(article, **kwargs)

    def save_with_a_second_interrupt(*args, **kwargs):
        if commits:
            os.kill(os.getpid(), signal.SIGINT)
        saved = write_batch(*args, **kwargs)
        commits.append(len(saved))
        return saved

    monkeypatch.setattr(auditor.bulk, "audit_article", audit_then_interrupt)
    monkeypatch.setattr(auditor.store.sqlite.sink, "write_batch", save_with_a_second_interrupt)
    db = open_db(tmp_path / "audit.db")
    summary = auditor.bulk.run_bulk([str(corpus)], SqliteSink(db), auditor.bulk.BulkOptions(batch_size=10))
    assert summary.interrupted
    assert commits == [10, 6]  # the second chunk was cut short: not stored, analysed again by a rerun
    assert summary.stored == 16 == db["articles"].count


def test_an_ignored_sigint_stays_ignored(tmp_path, monkeypatch):
    # "auditor bulk … &" in a script: the shell has the job ignore Ctrl-C aimed at the group
    from auditor.store.sqlite.schema import open_db

    corpus = _corpus(tmp_path / "corpus.jsonl", 12)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        db = open_db(tmp_path / "audit.db")
        summary = auditor.bulk.run_bulk([str(corpus)], SqliteSink(db), auditor.bulk.BulkOptions(batch_size=5),
                                        on_progress=lambda _: os.kill(os.getpid(), signal.SIGINT))
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)
    assert not summary.interrupted and summary.stored == 12


def test_two_quick_ctrl_c_with_workers_end_the_run(tmp_path):
    # the second one used to land in the workers' shutdown, cut it short, and the
    # process never exited
    db, out = _interrupted_bulk(tmp_path, "2", articles=400, after=30, gaps=(0.05,))
    assert f"articles   {_count_articles(db):,} stored" in out
    assert_whole_and_unique(db)


def test_jobs_2_stores_what_jobs_1_stores(tmp_path):
    corpus = _corpus(tmp_path / "corpus.jsonl", 40)
    folder = tmp_path / "html"
    folder.mkdir()
    for name in ("news_de.html", "news_en.html"):
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    one, two = tmp_path / "one.db", tmp_path / "two.db"

    assert bulk(str(corpus), str(folder), "--db", str(one), "--jobs", "1").exit_code == 0
    result = bulk(str(corpus), str(folder), "--db", str(two), "--jobs", "2", "--batch-size", "7")

    assert result.exit_code == 0, result.output
    assert "42 stored" in result.output
    assert contents(two) == contents(one)
    assert_whole_and_unique(two)


def test_the_page_cache_spares_a_second_fetch(news_site, tmp_path):
    site, urls, gone, listing = news_site
    cache = tmp_path / "pages"

    first = bulk(str(listing), "--db", str(tmp_path / "first.db"), "--cache", str(cache))
    assert first.exit_code == 1, first.output
    assert all(site.hits[f"/news/{url.rsplit('/', 1)[1]}"] == 1 for url in urls)
    assert site.hits["/news/gone.html"] == 1

    second_db = tmp_path / "second.db"
    second = bulk(str(listing), "--db", str(second_db), "--cache", str(cache))  # a fresh database

    assert second.exit_code == 1, second.output
    assert all(site.hits[f"/news/{url.rsplit('/', 1)[1]}"] == 1 for url in urls)  # served from the cache
    assert site.hits["/news/gone.html"] == 2  # a failure is not cached: tried again
    assert contents(second_db) == contents(tmp_path / "first.db")
    assert len(list(cache.rglob("*.page"))) == 3
