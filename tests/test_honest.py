"""Nothing misleads: other languages are stored without a score, the progress bar
moves, `auditor serve` survives a writer, and database and rule faults are one line."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from io import StringIO
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from rich.console import Console

import auditor.bulk
from auditor import browse
from auditor.bulk_report import ProgressDisplay
from auditor.cli import cli
from auditor.language import detect_language
from auditor.pipeline import analyse_text
from auditor.report.html import render_html
from auditor.report.json import result_to_dict
from auditor.report.text import render_text
from auditor.scoring import load_scoring
from auditor.store.sqlite import schema
from auditor.store.sqlite.sink import SqliteSink

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "telegraph-peacekeepers-de.txt"

# News sentences in languages no grammar of the auditor reads.
OTHER_LANGUAGES = {
    "es": "El presidente del Gobierno anunció el martes que el país enviará más ayuda a las regiones afectadas "
          "por las inundaciones. Según fuentes del ministerio, el plan incluye mil millones de euros para "
          "reconstruir carreteras y puentes. Los alcaldes de la zona dijeron que la ayuda llega tarde, pero "
          "que es necesaria.",
    "fr": "Le président de la République a annoncé mardi que le pays enverra davantage d'aide aux régions "
          "touchées par les inondations. Selon des sources au ministère, le plan comprend un milliard d'euros "
          "pour reconstruire les routes et les ponts. Les maires de la région ont dit que cette aide arrive "
          "trop tard, mais qu'elle est nécessaire.",
    "pl": "Premier ogłosił we wtorek, że kraj wyśle więcej pomocy do regionów dotkniętych powodzią. Według "
          "źródeł w ministerstwie plan obejmuje miliard euro na odbudowę dróg i mostów. Burmistrzowie z tego "
          "regionu powiedzieli, że pomoc przychodzi za późno, ale jest potrzebna.",
    "it": "Il presidente del Consiglio ha annunciato martedì che il paese invierà più aiuti alle regioni "
          "colpite dalle alluvioni. Secondo fonti del ministero, il piano prevede un miliardo di euro per "
          "ricostruire strade e ponti. I sindaci della zona hanno detto che gli aiuti arrivano tardi, ma che "
          "sono necessari.",
    "pt": "O presidente anunciou na terça-feira que o país vai enviar mais ajuda às regiões afetadas pelas "
          "cheias. Segundo fontes do ministério, o plano inclui mil milhões de euros para reconstruir estradas "
          "e pontes. Os presidentes das câmaras da região disseram que a ajuda chega tarde, mas que é necessária.",
}
ENGLISH = ("The minister said on Tuesday that the country would send more aid to the regions hit by the floods. "
           "According to officials, the plan includes a billion euros to rebuild roads and bridges.")


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def auditor_process(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`auditor ARGS` in a process of its own: code that reads without end fails the timeout, not the suite."""
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True, text=True, timeout=60,
                          check=False, cwd=cwd)


def one_error_line(result, needle: str) -> str:
    """The run's only output line that is an error, which must hold ``needle``; no traceback."""
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.startswith("auditor: error:")]
    assert len(lines) == 1 and needle in lines[0], result.output
    return lines[0]


def sql(db: Path, query: str, params: tuple = ()) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(query, params).fetchall()


# --- other languages ------------------------------------------------------------


@pytest.mark.parametrize("language", ["pl", "pt"])  # es, fr, it were recognised already
def test_polish_and_portuguese_are_recognised(language):
    assert detect_language(OTHER_LANGUAGES[language]) == language
    assert detect_language(ENGLISH) == "en"


@pytest.mark.parametrize("language", sorted(OTHER_LANGUAGES))
def test_an_unsupported_language_is_split_but_neither_tagged_nor_scored(language):
    result = analyse_text(OTHER_LANGUAGES[language], scoring=load_scoring(["strict"]))
    assert result.article.language == language and result.article.status == "unsupported_language"
    assert len(result.sentences) >= 3
    assert all(not s.attributions and not s.hedges and not s.rule_hits for s in result.sentences)
    assert result.score is None
    data = result_to_dict(result)
    assert data["article"]["status"] == "unsupported_language" and data["article"]["score"] is None
    # German and English are analysed and scored as before
    english = analyse_text(ENGLISH, scoring=load_scoring())
    assert english.article.status == "analysed" and english.score is not None
    assert result_to_dict(english)["article"]["status"] == "analysed"


def test_audit_stores_a_spanish_page_with_its_status_and_no_score(tmp_path):
    page = tmp_path / "noticia.txt"
    page.write_text(OTHER_LANGUAGES["es"], encoding="utf-8")
    db = tmp_path / "audit.db"
    result = run("audit", str(page), "--db", str(db), "--format", "json")
    assert result.exit_code == 0, result.output
    assert f"auditor: warning: {page}: unsupported language 'es': stored without analysis, not scored" \
        in result.output
    data = json.loads(result.output[result.output.index("{"):])
    assert data["article"]["status"] == "unsupported_language" and data["article"]["score"] is None
    assert sql(db, "SELECT language, status, n_sentences FROM articles") == [("es", "unsupported_language", 3)]
    assert sql(db, "SELECT count(*) FROM article_scores") == [(0,)]
    assert sql(db, "SELECT count(*) FROM attributions") == [(0,)]


def test_text_and_html_reports_say_the_article_was_not_analysed():
    result = analyse_text(OTHER_LANGUAGES["fr"], scoring=load_scoring())
    console = Console(file=StringIO(), width=120)
    render_text(result, console)
    assert "unsupported language 'fr': stored without analysis, not scored" in console.file.getvalue()
    page = render_html(result_to_dict(result))
    assert "unsupported language &#x27;fr&#x27;: stored without analysis, not scored" in page
    assert 'id="score"' not in page
    german = render_html(result_to_dict(analyse_text(SEED.read_text(encoding="utf-8"), scoring=load_scoring())))
    assert "stored without analysis" not in german and 'id="score"' in german


def test_rescore_leaves_unsupported_articles_alone(tmp_path):
    page = tmp_path / "notizia.txt"
    page.write_text(OTHER_LANGUAGES["it"], encoding="utf-8")
    db = tmp_path / "audit.db"
    assert run("audit", str(SEED), str(page), "--db", str(db), "--format", "jsonl").exit_code == 0
    result = run("rescore", "--db", str(db), "--rules", "strict", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert [a["after"] for a in report["articles"]] == [43.0]  # the seed under strict, as in the README
    italian = sql(db, "SELECT id FROM articles WHERE language = 'it'")[0][0]
    assert sql(db, "SELECT count(*) FROM article_scores WHERE article_id = ?", (italian,)) == [(0,)]


def test_bulk_counts_what_it_stored_without_analysis_per_language(tmp_path):
    records = [{"id": f"{language}-{n}", "text": f"{text} ({n})"}
               for language, text in OTHER_LANGUAGES.items() for n in range(1 + (language == "es"))]
    records.append({"id": "de", "text": SEED.read_text(encoding="utf-8")})
    corpus = tmp_path / "mixed.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "audit.db"
    result = run("bulk", str(corpus), "--db", str(db), "--jobs", "1", "--no-progress")
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if line.startswith("languages"))
    assert "6 stored without analysis: es 2, " in line
    assert all(f"{language} 1" in line for language in ("fr", "it", "pl", "pt"))
    assert sql(db, "SELECT status, count(*) FROM articles GROUP BY status ORDER BY status") == [
        ("analysed", 1), ("unsupported_language", 6)]
    assert sql(db, "SELECT count(*) FROM article_scores") == [(1,)]


def test_datasette_facets_articles_by_status(tmp_path):
    page = tmp_path / "noticia.txt"
    page.write_text(OTHER_LANGUAGES["es"], encoding="utf-8")
    db = tmp_path / "audit.db"
    assert run("audit", str(SEED), str(page), "--db", str(db), "--format", "jsonl").exit_code == 0

    async def facets():
        response = await browse.make_datasette(db).client.get("/audit/articles.json")
        return response.json()["facet_results"]

    status = asyncio.run(facets())["status"]
    assert {item["value"]: item["count"] for item in status["results"]} == {"analysed": 1, "unsupported_language": 1}


# --- the progress bar ---------------------------------------------------------------


def _corpus(path: Path, n: int) -> Path:
    text = SEED.read_text(encoding="utf-8")
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            out.write(json.dumps({"id": f"a{i}", "text": f"{text}\n\nNachtrag {i}: ergänzt."}, ensure_ascii=False)
                      + "\n")
    return path


def test_progress_counts_articles_as_they_are_analysed_not_as_batches_commit(tmp_path):
    corpus = _corpus(tmp_path / "corpus.jsonl", 40)
    seen: list[tuple[int, int]] = []
    db = schema.open_db(tmp_path / "audit.db")
    summary = auditor.bulk.run_bulk([str(corpus)], SqliteSink(db), auditor.bulk.BulkOptions(batch_size=1000),
                                    on_progress=lambda s: seen.append((s.done, s.stored)))
    assert summary.stored == 40 and summary.done == 40
    before_commit = [done for done, stored in seen if stored == 0]
    # one batch of 1,000 is committed at the end: the bar must have moved long before
    assert max(before_commit) >= 32, seen
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_the_progress_bar_shows_the_rate_and_the_time_left():
    console = Console(file=StringIO(), force_terminal=True, width=160)
    summary = auditor.bulk.BulkSummary(waiting=10)
    with ProgressDisplay(console) as display:
        display.set_total(40)
        time.sleep(0.05)
        display.update(summary, force=True)
        time.sleep(0.2)
        summary.waiting = 20
        display.update(summary, force=True)
    shown = console.file.getvalue()
    assert "20/40" in shown and "articles/s" in shown
    assert "-:--:--" not in shown.rsplit("20/40", 1)[1]  # a time left, once articles move


# --- auditor serve --------------------------------------------------------------------


# pages whose queries (facets, full-text search, views) read most of the file
PAGES = ("/audit/articles.json", "/audit/sentences.json?_search=Telegraph", "/audit/sentence_audit.json",
         "/audit/attributions.json?_sort=id")


def test_serve_keeps_answering_while_bulk_writes_the_database(tmp_path):
    # immutable, as before: pages answered 500 "database disk image is malformed" once a
    # writer's checkpoint had changed the file, until a restart
    db = tmp_path / "audit.db"
    assert run("audit", str(SEED), "--db", str(db), "--format", "jsonl").exit_code == 0
    corpus = _corpus(tmp_path / "corpus.jsonl", 150)
    pages = (*PAGES, "/audit/article_audit")
    count = "/audit.json?sql=select+count(*)+as+n+from+articles&_shape=array"

    def write():
        writer = schema.open_db(db)
        auditor.bulk.run_bulk([str(corpus)], SqliteSink(writer), auditor.bulk.BulkOptions(batch_size=20))
        writer.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the file itself changes under the reader
        writer.close()

    async def serve_during_bulk() -> tuple[list[tuple[str, int]], list[int]]:
        datasette = browse.make_datasette(db)
        answers, counts = [], []

        async def read_all() -> None:
            for path in pages:
                answers.append((path, (await datasette.client.get(path)).status_code))
            response = await datasette.client.get(count)
            answers.append((count, response.status_code))
            counts.append(response.json()[0]["n"])

        await read_all()
        writer = threading.Thread(target=write)
        writer.start()
        while writer.is_alive():
            await read_all()
            await asyncio.sleep(0.01)
        writer.join()
        await read_all()
        return answers, counts

    answers, counts = asyncio.run(serve_during_bulk())
    assert [answer for answer in answers if answer[1] != 200] == []
    assert len(answers) > 2 * (len(pages) + 1)  # some were answered while the writer wrote
    assert counts[0] == 1 and counts[-1] == 151  # what the writer committed shows, without a restart
    assert counts == sorted(counts)


def test_pages_served_before_a_writer_checkpoints_are_still_served_after_it(tmp_path):
    db = tmp_path / "audit.db"
    writer = schema.open_db(db)
    auditor.bulk.run_bulk([str(_corpus(tmp_path / "first.jsonl", 5))], SqliteSink(writer))
    writer.close()
    pages = PAGES

    async def before_and_after() -> tuple[list[int], list[int]]:
        datasette = browse.make_datasette(db)
        before = [(await datasette.client.get(path)).status_code for path in pages]
        more = tmp_path / "more.jsonl"
        more.write_text("".join(json.dumps({"id": f"b{i}", "text": f"{SEED.read_text(encoding='utf-8')}\n\n{i}."})
                                + "\n" for i in range(150)), encoding="utf-8")
        writer = schema.open_db(db)
        auditor.bulk.run_bulk([str(more)], SqliteSink(writer), auditor.bulk.BulkOptions(batch_size=20))
        writer.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        writer.close()
        return before, [(await datasette.client.get(path)).status_code for path in pages]

    before, after = asyncio.run(before_and_after())
    assert before == after == [200] * len(pages)


@pytest.mark.parametrize(("host", "status"), [
    ("127.0.0.1:8001", 200), ("localhost:8001", 200), ("[::1]:8001", 200), ("localhost", 200),
    ("evil.example:8001", 403), ("127.0.0.1.evil.example", 403), ("localhost.evil.example:8001", 403),
    ("", 403),
])
def test_serve_answers_only_requests_addressed_to_a_loopback_name(audit_db, host, status):
    async def get() -> httpx.Response:
        transport = httpx.ASGITransport(app=browse.app(browse.make_datasette(audit_db)))
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8001") as client:
            return await client.get("/audit/articles", headers={"Host": host})

    response = asyncio.run(get())
    assert response.status_code == status
    if status == 403:
        assert "Host" in response.text and "articles" not in response.text


def test_the_real_server_on_127_0_0_1_checks_the_host_header(audit_db):
    with socket.socket() as probe:  # a free port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = browse.server(browse.make_datasette(audit_db), port)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started:
            assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
            time.sleep(0.05)
        url = f"http://127.0.0.1:{port}/audit/articles.json"
        with httpx.Client(trust_env=False) as client:  # no proxy from the environment
            assert client.get(url).status_code == 200
            assert client.get(url, headers={"Host": f"localhost:{port}"}).status_code == 200
            assert client.get(url, headers={"Host": f"rebound.example:{port}"}).status_code == 403
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def test_serve_refuses_a_folder_in_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path)])
    assert result.exit_code == 1
    assert one_error_line(result, str(tmp_path)).endswith("is a folder, not a database file")


def test_serve_refuses_a_file_that_is_not_a_database_in_one_line(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are notes, not SQLite\n" * 100, encoding="utf-8")
    result = CliRunner().invoke(cli, ["serve", "--db", str(bogus)])
    assert result.exit_code == 1
    assert one_error_line(result, str(bogus)).endswith("not an SQLite database")


# --- a busy database ------------------------------------------------------------------


def _hold_write_lock(db: Path) -> sqlite3.Connection:
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    return holder


def test_a_lock_released_during_the_retry_is_waited_for(tmp_path, monkeypatch):
    monkeypatch.setattr(schema, "BUSY_TIMEOUT_SECONDS", 0.3)
    db = tmp_path / "audit.db"
    schema.open_db(db).close()
    holder = _hold_write_lock(db)
    threading.Timer(0.45, holder.rollback).start()  # longer than one timeout, shorter than two
    result = run("audit", str(SEED), "--db", str(db), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert sql(db, "SELECT count(*) FROM articles") == [(1,)]


def test_audit_and_rescore_report_a_lock_held_too_long_in_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(schema, "BUSY_TIMEOUT_SECONDS", 0.1)
    db = tmp_path / "audit.db"
    assert run("audit", str(SEED), "--db", str(db), "--format", "jsonl").exit_code == 0
    holder = _hold_write_lock(db)
    try:
        for args in (["audit", str(SEED), "--format", "jsonl"], ["rescore", "--rules", "strict"]):
            result = run(*args, "--db", str(db))
            assert result.exit_code == 1
            one_error_line(result, f"{db}: database is busy (locked by another process for 0.1 s)")
    finally:
        holder.rollback()
    assert sql(db, "SELECT count(*) FROM runs") == [(1,)]


# --- bad --db -------------------------------------------------------------------------


def _bad_databases(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    notes = tmp_path / "notes.db"
    notes.write_text("not a database\n" * 200, encoding="utf-8")
    folder = tmp_path / "folder.db"
    folder.mkdir()
    return {
        "not sqlite": (notes, "not an SQLite database"),
        "under a device": (Path("/dev/null/x.db"), "/dev/null is not a folder"),
        "a folder": (folder, "is a folder, not a database file"),
    }


@pytest.mark.parametrize("command", ["audit", "bulk", "rescore"])
def test_a_bad_db_path_is_one_line(tmp_path, command):
    for bad, problem in _bad_databases(tmp_path).values():
        if command == "rescore" and not bad.exists():
            continue  # rescore needs an existing file: click says so
        args = {"audit": ["audit", str(SEED), "--format", "jsonl"],
                "bulk": ["bulk", str(SEED), "--jobs", "1", "--no-progress"],
                "rescore": ["rescore"]}[command]
        result = run(*args, "--db", str(bad))
        assert result.exit_code == 1, result.output
        assert one_error_line(result, problem).startswith(f"auditor: error: {bad}: ")
    notes = tmp_path / "notes.db"
    assert notes.read_text(encoding="utf-8") == "not a database\n" * 200  # left as it was


def test_a_read_only_database_is_named_as_such(tmp_path):
    # a write refused by SQLite itself (a read-only file or folder; root ignores file modes)
    path = tmp_path / "audit.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    reader = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as raised:
        reader.execute("INSERT INTO t VALUES (1)")
    reader.close()
    fault = schema.database_fault("audit.db", raised.value)
    assert str(fault) == "audit.db: cannot write: the database or its folder is read-only"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_one_line(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = run("audit", str(SEED), "--db", str(folder / "audit.db"), "--format", "jsonl")
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 1
    one_error_line(result, "read-only")


# --- rule files ---------------------------------------------------------------------------


def _nested_rule(path: Path, depth: int) -> Path:
    when = "{ is_heading = false }"
    for _ in range(depth - 1):
        when = "{ any_of = [" + when + "] }"
    path.write_text(f'[[rules]]\nid = "deep"\ndescription = "d"\nscope = "sentence"\nweight = 1\nwhen = {when}\n',
                    encoding="utf-8")
    return path


def test_a_when_nested_too_deep_is_a_problem_with_file_rule_and_field(tmp_path):
    assert run("rules", "check", str(_nested_rule(tmp_path / "ok.toml", 32))).exit_code == 0
    result = run("rules", "check", str(_nested_rule(tmp_path / "deep.toml", 33)))
    assert result.exit_code == 1
    one_error_line(result, "deep.toml: rule 'deep': when: nested more than 32 levels deep")


def test_a_when_nested_hundreds_deep_is_one_line_not_a_recursion_error(tmp_path):
    result = run("rules", "check", str(_nested_rule(tmp_path / "deeper.toml", 200)))
    assert result.exit_code == 1
    one_error_line(result, "deeper.toml: tables or arrays nested too deeply")


def test_extends_dev_zero_is_refused_not_read_forever(tmp_path):
    rules = tmp_path / "zero.toml"
    rules.write_text('extends = "/dev/zero"\n[[rules]]\nid = "x"\ndescription = "x"\nscope = "sentence"\n'
                     'weight = 1\nwhen = { is_heading = false }\n', encoding="utf-8")
    db = tmp_path / "audit.db"
    # a subprocess: the old code read /dev/zero until killed
    done = auditor_process("audit", str(SEED), "--rules", str(rules), "--db", str(db))
    assert done.returncode == 1
    assert "auditor: error: /dev/zero: extends: not a regular file" in done.stderr
    assert "Traceback" not in done.stderr
    assert not db.exists()  # bad rules stop the command before anything is written


def test_a_fifo_or_huge_rule_file_is_refused(tmp_path):
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)  # opening it would block until a writer came
    huge = tmp_path / "huge.toml"
    huge.write_text("# padding\n" * 110_000, encoding="utf-8")
    done = auditor_process("rules", "check", str(fifo), str(huge), cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines() == ["auditor: error: pipe.toml: not a regular file (a device, pipe or socket)",
                                        "auditor: error: huge.toml: too large (over 1,000,000 bytes)", "2 problems"]


def test_outlets_from_dev_zero_are_refused_not_read_forever():
    done = auditor_process("audit", str(SEED), "--outlets", "/dev/zero", "--no-db")
    assert done.returncode == 1
    assert done.stderr.strip() == "auditor: error: /dev/zero: not a regular file (a device, pipe or socket)"
