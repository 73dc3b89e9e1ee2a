"""Reading inputs never crashes and never hangs: every fault is one InputError.

Servers here listen on 127.0.0.1 only; no test touches the network.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from auditor.errors import FetchError, InputError
from auditor.inputs import ConcurrentFetcher, FetchConfig, fetch_url, iter_source
from auditor.inputs.walk import iter_folder
from auditor.inputs.warc import iter_warc

SLOW = FetchConfig(total_timeout=0.5, read_timeout=3.0, retries=0)


@pytest.fixture
def dribbling_server() -> Iterator[str]:
    """Answers every request with its status line and headers at one byte per 50 ms,
    for 5 s at most: each byte comes well within the read timeout."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def dribble(conn: socket.socket) -> None:
        with conn:
            conn.recv(65536)
            for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"a" * 200:
                if stop.wait(0.05):
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return  # the client gave up, as it should

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=dribble, args=(conn,), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/slow.html"
    stop.set()
    listener.close()


def test_headers_sent_a_byte_at_a_time_meet_the_total_deadline(dribbling_server: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetch_url(dribbling_server, SLOW)
    assert caught.value.message == "download took longer than 0.5s"
    assert time.monotonic() - started < 2.5


def test_bulk_fetcher_holds_dribbled_headers_to_the_deadline_too(dribbling_server: str) -> None:
    started = time.monotonic()
    with ConcurrentFetcher(SLOW) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.submit(dribbling_server).result(timeout=10)
    assert caught.value.message == "download took longer than 0.5s"
    assert time.monotonic() - started < 2.5


def _refused_url() -> str:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/article.html"  # closed again: nobody listens


def test_a_refused_connection_is_worded_alike_by_audit_and_bulk() -> None:
    url = _refused_url()
    config = FetchConfig(retries=0)
    with pytest.raises(FetchError) as sync_error:
        fetch_url(url, config)
    with ConcurrentFetcher(config) as fetcher, pytest.raises(FetchError) as async_error:
        fetcher.submit(url).result(timeout=10)
    assert sync_error.value.message == async_error.value.message == "connection refused"


# ---------------------------------------------------------------- folders


def test_symlink_loops_in_a_folder_are_errors_and_the_walk_goes_on(tmp_path: Path) -> None:
    (tmp_path / "self.html").symlink_to("self.html")
    (tmp_path / "ping.html").symlink_to("pong.html")
    (tmp_path / "pong.html").symlink_to("ping.html")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "z.txt").write_text("Der Minister sagte, es gehe weiter.", encoding="utf-8")
    found = list(iter_folder(tmp_path))
    errors = {Path(item.origin).name: item.message for item in found if isinstance(item, InputError)}
    assert errors == dict.fromkeys(["ping.html", "pong.html", "self.html"],
                                   "cannot read: Too many levels of symbolic links")
    assert [item for item in found if isinstance(item, Path)] == [tmp_path / "sub" / "z.txt"]


class _LinkIntoLockedFolder:
    """A folder entry as os.scandir gives it for a symlink into a folder we may
    not enter: looking at it (not at the link itself) fails. Made up, because
    the tests run as root, who may enter every folder."""

    name = "link.html"

    def __init__(self, folder: Path) -> None:
        self.path = str(folder / self.name)

    def is_dir(self, *, follow_symlinks: bool = True) -> bool:
        if follow_symlinks:
            raise PermissionError(13, "Permission denied")
        return False

    def is_file(self, *, follow_symlinks: bool = True) -> bool:
        return self.is_dir(follow_symlinks=follow_symlinks)


def test_a_link_into_an_unreadable_folder_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "z.txt").write_text("Der Minister sagte, es gehe weiter.", encoding="utf-8")
    real_scandir = os.scandir

    @contextmanager
    def scandir(folder):
        with real_scandir(folder) as entries:
            yield [_LinkIntoLockedFolder(tmp_path), *entries]

    monkeypatch.setattr(os, "scandir", scandir)
    error, path = list(iter_folder(tmp_path))
    assert isinstance(error, InputError)
    assert str(error) == f"{tmp_path}/link.html: cannot read: Permission denied"
    assert path == tmp_path / "z.txt"


# ---------------------------------------------------------------- many documents in one input


def test_a_broken_json_line_costs_that_line_only(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text('{"id": 1, "text": "A man said so."}\n{"id": 2, "text": \n{"id": 3, "text": "She said so."}\n')
    items = list(iter_source(str(path)))
    assert [type(item).__name__ for item in items] == ["RawDocument", "InputError", "RawDocument"]
    assert items[1].origin == f"{path}:2"
    assert items[2].record_id == "3"


def test_without_warcio_a_warc_input_is_one_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"")
    for name in [m for m in sys.modules if m == "warcio" or m.startswith("warcio.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "warcio", None)  # what an install without the bulk extra sees
    with pytest.raises(InputError, match=r"crawl\.warc\.gz: reading WARC needs warcio: pip install 'auditor\[bulk\]'"):
        list(iter_warc(path))


def test_bulk_records_a_symlink_loop_as_an_error_row_and_prints_names_inert(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from auditor.cli import cli

    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "loop.html").symlink_to("loop.html")
    (folder / "evil\x1b[2J.txt").write_bytes(b"")
    (folder / "good.txt").write_text("Der Minister sagte, die Gespräche gingen weiter.", encoding="utf-8")
    db = tmp_path / "audit.db"
    result = CliRunner().invoke(cli, ["bulk", str(folder), "--db", str(db), "--jobs", "1", "--no-progress"])
    assert result.exit_code == 1, result.output
    assert "articles   1 stored (1 new text, 0 publications of texts stored already), 0 skipped (stored already), 2 failed" in result.stdout
    with sqlite3.connect(db) as conn:
        errors = dict(conn.execute("SELECT input, message FROM errors").fetchall())
    assert errors == {str(folder / "loop.html"): "cannot read: Too many levels of symbolic links",
                      str(folder / "evil\x1b[2J.txt"): "is empty"}
    assert "\x1b" not in result.stderr
    assert f"auditor: error: {folder}/evil\\x1b[2J.txt: is empty" in result.stderr.splitlines()


def test_a_readers_unexpected_failure_ends_that_input_with_one_error(tmp_path: Path, monkeypatch) -> None:
    import auditor.inputs.walk

    path = tmp_path / "dump.jsonl"
    path.write_text('{"id": 1, "text": "A man said so."}\n{"id": 2, "text": "She said so."}\n')
    real = auditor.inputs.walk.iter_jsonl

    def failing_after_one(source: Path):
        yield next(real(source))
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(auditor.inputs.walk, "iter_jsonl", failing_after_one)
    first, error = list(iter_source(str(path)))
    assert first.record_id == "1"
    assert isinstance(error, InputError)
    assert str(error) == f"{path}: cannot read: RecursionError: maximum recursion depth exceeded"
