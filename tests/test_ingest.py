"""Ingest: URLs (only through httpx.MockTransport: no test touches the network),
files, JSON Lines and stdin."""

from __future__ import annotations

import gzip
import io
import json
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import httpx
import pytest

from auditor.errors import FetchError, InputError
from auditor.inputs import FetchConfig, fetch_url, iter_jsonl, read_path, read_source
from auditor.inputs.files import read_stdin
from auditor.inputs.http import USER_AGENT
from auditor.models import RawDocument

FIXTURES = Path(__file__).parent / "fixtures"
URL = "https://news.example/politik/artikel-1.html"
HTML = "<html><body><p>Der Minister sagte, die Pläne würden geprüft.</p></body></html>"

Handler = Callable[[httpx.Request], httpx.Response]


class Server:
    """A scripted MockTransport: answers in turn (the last one repeats) and
    records every request and every pause the fetcher asked for."""

    def __init__(self, *answers: Handler | httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []
        self.sleeps: list[float] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers[min(len(self.requests), len(self.answers)) - 1]
        if isinstance(answer, Exception):
            raise answer
        return answer(request) if callable(answer) else answer

    def fetch(self, url: str = URL, config: FetchConfig = FetchConfig()) -> RawDocument:
        return fetch_url(url, config, transport=httpx.MockTransport(self.handle), sleep=self.sleeps.append)


def html_response(body: str = HTML, status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(status, headers={"content-type": "text/html; charset=utf-8", **headers}, content=body)


def fetch_error(server: Server, config: FetchConfig = FetchConfig()) -> str:
    with pytest.raises(FetchError) as caught:
        server.fetch(config=config)
    assert caught.value.origin == URL
    return caught.value.message


# ---------------------------------------------------------------- HTTP


def test_fetch_html() -> None:
    server = Server(html_response())
    raw = server.fetch()
    assert raw.content == HTML.encode()  # bytes: the extractor weighs <meta charset>
    assert raw.content_type == "html"
    assert raw.encoding == "utf-8"
    assert raw.origin == raw.url == URL
    assert raw.fetched_at is not None and raw.fetched_at.tzinfo is not None
    assert datetime.now(UTC) - raw.fetched_at < timedelta(minutes=1)
    sent = server.requests[0].headers
    assert sent["user-agent"] == USER_AGENT and USER_AGENT.startswith("auditor/")
    assert sent["accept-encoding"] == "gzip, deflate"


def test_fetch_text_with_declared_latin1_charset() -> None:
    body = "Grüße aus Köln, sagte der Bürgermeister.".encode("iso-8859-1")
    server = Server(httpx.Response(200, headers={"content-type": "text/plain; charset=iso-8859-1"}, content=body))
    raw = server.fetch()
    assert raw.content == "Grüße aus Köln, sagte der Bürgermeister."
    assert raw.content_type == "text"
    assert raw.encoding == "cp1252"  # browsers read latin-1 labels as windows-1252
    assert raw.warnings == ()


def test_fetch_without_content_type_sniffs() -> None:
    server = Server(httpx.Response(200, content=b"  <!doctype html><p>Hallo</p>"))
    assert server.fetch().content_type == "html"


def test_fetch_gzip_body_is_decompressed() -> None:
    compressed = gzip.compress(HTML.encode())
    server = Server(
        httpx.Response(
            200, headers={"content-type": "text/html", "content-encoding": "gzip"}, content=iter([compressed])
        )
    )
    assert server.fetch().content == HTML.encode()


def test_404_fails_at_once() -> None:
    server = Server(html_response(status=404))
    assert fetch_error(server) == "HTTP 404 Not Found"
    assert len(server.requests) == 1 and server.sleeps == []


def test_fetch_error_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"^https://news.example/politik/artikel-1.html: HTTP 410 Gone$"):
        Server(html_response(status=410)).fetch()


def test_500_then_200_is_retried() -> None:
    server = Server(html_response(status=500), html_response())
    assert server.fetch().content == HTML.encode()
    assert len(server.requests) == 2
    assert server.sleeps == [0.5]


def test_persistent_5xx_gives_up_with_exponential_backoff() -> None:
    server = Server(html_response(status=503))
    assert fetch_error(server) == "HTTP 503 Service Unavailable (gave up after 4 attempts)"
    assert server.sleeps == [0.5, 1.0, 2.0]


def test_no_retries_configured() -> None:
    server = Server(html_response(status=502))
    assert fetch_error(server, FetchConfig(retries=0)) == "HTTP 502 Bad Gateway (gave up after 1 attempt)"


def test_429_honours_retry_after_seconds() -> None:
    server = Server(html_response(status=429, **{"retry-after": "7"}), html_response())
    server.fetch()
    assert server.sleeps == [7.0]


def test_retry_after_is_capped() -> None:
    server = Server(html_response(status=429, **{"retry-after": "86400"}), html_response())
    server.fetch(config=FetchConfig(max_retry_after=30.0))
    assert server.sleeps == [30.0]


def test_retry_after_as_http_date() -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=20), usegmt=True)
    server = Server(html_response(status=429, **{"retry-after": when}), html_response())
    server.fetch()
    assert 15 < server.sleeps[0] <= 20


def test_redirect_is_followed() -> None:
    final = "https://news.example/final.html"
    server = Server(
        lambda request: (
            httpx.Response(301, headers={"location": final}) if request.url.path != "/final.html" else html_response()
        )
    )
    raw = server.fetch()
    assert raw.url == final and raw.origin == URL


def test_redirect_loop() -> None:
    server = Server(httpx.Response(302, headers={"location": URL}))
    assert fetch_error(server) == "too many redirects (more than 5)"
    assert len(server.requests) == 6


def endless_chunks(flag: list[int] | None = None) -> Iterator[bytes]:
    chunk = b"<p>" + b"x" * (1 << 20) + b"</p>"
    while True:
        if flag is not None:
            flag.append(1)
        yield chunk


def test_body_too_large_is_cut_off_while_streaming() -> None:
    read: list[int] = []
    server = Server(httpx.Response(200, headers={"content-type": "text/html"}, content=endless_chunks(read)))
    assert fetch_error(server) == "body larger than 10000000 bytes"
    assert len(read) <= 11  # stopped right after the limit, not at the end of an endless body


def test_slow_drip_body_hits_the_total_deadline() -> None:
    def drip():
        for _ in range(1000):
            time.sleep(0.01)
            yield b"<p>x</p>"

    server = Server(httpx.Response(200, headers={"content-type": "text/html"}, content=drip()))
    assert fetch_error(server, FetchConfig(total_timeout=0.05)) == "download took longer than 0.05s"


def test_gzip_bomb_is_cut_off_after_decompression() -> None:
    bomb = gzip.compress(b"<p>" + b" " * 50_000_000 + b"</p>", compresslevel=9)
    assert len(bomb) < 100_000
    headers = {"content-type": "text/html", "content-encoding": "gzip"}
    server = Server(httpx.Response(200, headers=headers, content=iter([bomb])))
    assert fetch_error(server) == "body larger than 10000000 bytes"


def test_configurable_size_limit() -> None:
    server = Server(html_response("<p>" + "x" * 2_000 + "</p>"))
    assert fetch_error(server, FetchConfig(max_bytes=1_000)) == "body larger than 1000 bytes"


def test_wrong_content_type_is_refused_before_download() -> None:
    read: list[int] = []
    server = Server(httpx.Response(200, headers={"content-type": "application/pdf"}, content=endless_chunks(read)))
    assert fetch_error(server) == "content type application/pdf is not HTML or text"
    assert read == []


def test_unsupported_content_encoding() -> None:
    server = Server(
        httpx.Response(200, headers={"content-type": "text/html", "content-encoding": "br"}, content=iter([b"x"]))
    )
    assert fetch_error(server) == "unsupported content encoding 'br'"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "response body is empty"),
        (b" \n\t ", "response body contains only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "response body looks like a binary file, not text or HTML"),
    ],
)
def test_unusable_body(body: bytes, message: str) -> None:
    server = Server(httpx.Response(200, headers={"content-type": "text/html"}, content=body))
    assert fetch_error(server) == message


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (httpx.ConnectTimeout("timed out"), "timed out after 10s connecting (gave up after 4 attempts)"),
        (httpx.ReadTimeout("timed out"), "timed out after 20s (gave up after 4 attempts)"),
    ],
)
def test_timeouts_are_retried_then_reported(error: Exception, message: str) -> None:
    server = Server(error)
    assert fetch_error(server) == message
    assert len(server.requests) == 4


def test_timeout_then_success() -> None:
    server = Server(httpx.ReadTimeout("timed out"), html_response())
    assert server.fetch().content_type == "html"
    assert server.sleeps == [0.5]


def test_dns_failure_is_not_retried() -> None:
    server = Server(httpx.ConnectError("[Errno -2] Name or service not known"))
    assert fetch_error(server) == "could not resolve host"
    assert len(server.requests) == 1


def test_connection_refused() -> None:
    server = Server(httpx.ConnectError("[Errno 111] Connection refused"))
    assert fetch_error(server) == "connection refused"


def test_read_source_dispatches_urls() -> None:
    server = Server(html_response())
    [raw] = read_source(URL, transport=httpx.MockTransport(server.handle))
    assert raw.url == URL


# ---------------------------------------------------------------- files


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_path(tmp_path / "nope.txt")
    assert caught.value.message == "no such file"
    assert caught.value.origin == str(tmp_path / "nope.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"is a directory$"):
        read_path(tmp_path)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("empty.html", b"", "is empty"),
        ("blank.txt", b" \n\t\r\n  ", "contains only whitespace"),
        ("nbsp.txt", "\u00a0\u2003\n".encode(), "contains only whitespace"),
        ("bom-only.txt", b"\xef\xbb\xbf", "is empty"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "looks like a binary file, not text or HTML"),
        ("fake.txt", bytes(range(1, 32)) * 20, "looks like a binary file, not text or HTML"),
    ],
)
def test_unusable_files(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_path(path)
    assert caught.value.message == message


def test_file_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * 10_000_001)
    with pytest.raises(InputError, match=r"larger than 10000000 bytes$"):
        read_path(path)


def test_html_file_keeps_bytes() -> None:
    [raw] = read_path(FIXTURES / "news_en.html")
    assert raw.content_type == "html"
    assert isinstance(raw.content, bytes)  # windows-1252: decoded by the extractor
    assert raw.origin == str(FIXTURES / "news_en.html")


def test_text_file_is_exactly_as_given(tmp_path: Path) -> None:
    text = "Zeile eins  mit\tTab\r\nZeile zwei „zitiert“ \u00a0\n\n  eingerückt \n"
    path = tmp_path / "article.md"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    [raw] = read_path(path)
    assert raw.content == text  # only the BOM is gone
    assert raw.content_type == "text" and raw.encoding == "utf-8" and raw.warnings == ()


def test_invalid_utf8_is_replaced_with_warning(tmp_path: Path) -> None:
    path = tmp_path / "damaged.txt"
    path.write_bytes("Grüße aus Köln, sagte der Bürgermeister.".encode() + b" \xff\xfe Ende.")
    [raw] = read_path(path)
    assert raw.content == "Grüße aus Köln, sagte der Bürgermeister. \ufffd\ufffd Ende."
    assert raw.warnings == ("invalid UTF-8, decoded with replacement characters",)


def test_legacy_charset_is_guessed_with_warning(tmp_path: Path) -> None:
    text = "Die Bürgermeisterin äußerte sich am Montag über die Straßenbahn – „überfällig“."
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    [raw] = read_path(path)
    assert raw.content == text
    assert raw.encoding == "cp1252"
    assert raw.warnings == ("invalid UTF-8, decoded as cp1252 (guessed)",)


def test_utf16_with_bom_is_text_not_binary(tmp_path: Path) -> None:
    path = tmp_path / "notepad.txt"
    path.write_bytes("Hallo Welt, sagte sie.".encode("utf-16"))
    [raw] = read_path(path)
    assert raw.content == "Hallo Welt, sagte sie."


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\n  <!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        (b"<div><p>fragment</p></div>", "html"),
        (b"Some notes first\n<html><body>late start</body></html>", "html"),
        (b"The minister said on Tuesday that x < y.", "text"),
        (b"< not a tag at all", "text"),
    ],
)
def test_unknown_extension_is_sniffed(tmp_path: Path, data: bytes, kind: str) -> None:
    path = tmp_path / "page.dat"
    path.write_bytes(data)
    [raw] = read_path(path)
    assert raw.content_type == kind


# ---------------------------------------------------------------- JSON Lines


def write_jsonl(path: Path, *lines: str | dict[str, object]) -> Path:
    path.write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines) + "\n",
        encoding="utf-8",
    )
    return path


GOOD_RECORD = {
    "id": 17,
    "text": "Der Minister sagte,  die Pläne würden geprüft.\n",
    "url": "https://news.example/a",
    "title": "Pläne werden geprüft",
    "language": "de",
    "outlet": "Beispielzeitung",
    "published": "2024-03-14",
    "extra": "ignored",
}


def test_jsonl_records(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "batch.jsonl", GOOD_RECORD, "", {"html": HTML})
    first, second = read_path(path)
    assert first.origin == f"{path}:1"
    assert first.record_id == "17"
    assert first.content == GOOD_RECORD["text"] and first.content_type == "text"
    assert (first.url, first.title, first.language, first.outlet, first.published) == (
        "https://news.example/a", "Pläne werden geprüft", "de", "Beispielzeitung", "2024-03-14",
    )  # fmt: skip
    assert second.origin == f"{path}:3"  # blank line 2 is skipped, numbering is not
    assert len(second.record_id) == 16 and second.record_id != "3"  # no id: a digest of the record (test_identity.py)
    assert second.content == HTML and second.content_type == "html"


def test_jsonl_prefers_text_over_html(tmp_path: Path) -> None:
    [raw] = read_path(write_jsonl(tmp_path / "b.jsonl", {"text": "exact text", "html": HTML}))
    assert raw.content == "exact text" and raw.content_type == "text"


BROKEN_LINES = [
    ('{"id": 1, "text": "abgebrochen', "invalid JSON: Unterminated string starting at (column 19)"),
    ('["not", "an", "object"]', "expected a JSON object, got an array"),
    ('{"id": 3, "title": "no body"}', 'record has neither "text" nor "html"'),
    ('{"text": 42}', '"text" must be a string, got a number'),
    ('{"text": "   "}', '"text" contains only whitespace'),
    ('{"text": "ok", "title": ["x"]}', '"title" must be a string, got an array'),
    ('{"text": "ok", "id": {"a": 1}}', '"id" must be a string or number, got an object'),
]


@pytest.mark.parametrize(("line", "message"), BROKEN_LINES)
def test_jsonl_broken_line_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = write_jsonl(tmp_path / "batch.jsonl", GOOD_RECORD, line, GOOD_RECORD)
    documents = read_path(path)
    assert next(documents).record_id == "17"  # records before the broken one still arrive
    with pytest.raises(InputError) as caught:
        next(documents)
    assert caught.value.origin == f"{path}:2"
    assert caught.value.message == message


def test_iter_jsonl_continues_past_broken_lines(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "batch.jsonl", *(line for line, _ in BROKEN_LINES), GOOD_RECORD)
    items = list(iter_jsonl(path))
    errors = [item for item in items if isinstance(item, InputError)]
    assert [error.message for error in errors] == [message for _, message in BROKEN_LINES]
    assert isinstance(items[-1], RawDocument) and items[-1].record_id == "17"


def test_jsonl_invalid_utf8_line_is_replaced_with_warning(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    path.write_bytes(b'{"text": "Gr\xc3\xbc\xc3\x9fe \xff Welt"}\n')
    [raw] = read_path(path)
    assert raw.content == "Grüße \ufffd Welt"
    assert raw.warnings == ("invalid UTF-8, decoded with replacement characters",)


def test_jsonl_lone_surrogate_is_replaced_with_warning(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    path.write_text('{"text": "kaputt \\ud800 hier"}\n', encoding="utf-8")
    [raw] = read_path(path)
    assert raw.content == "kaputt \ufffd hier"
    assert raw.warnings == ("lone surrogates replaced by U+FFFD",)


def test_jsonl_overlong_line_is_skipped(tmp_path: Path) -> None:
    huge = json.dumps({"text": "x" * 10_000_001})
    path = write_jsonl(tmp_path / "batch.jsonl", GOOD_RECORD, huge, {**GOOD_RECORD, "id": "after"})
    first, error, last = iter_jsonl(path)
    assert isinstance(first, RawDocument) and first.record_id == "17"
    assert isinstance(error, InputError)
    assert (error.origin, error.message) == (f"{path}:2", "line larger than 10000000 bytes")
    assert isinstance(last, RawDocument) and last.record_id == "after" and last.origin == f"{path}:3"


def test_jsonl_without_records(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n  \n", encoding="utf-8")
    with pytest.raises(InputError, match=r"contains no JSON Lines records$"):
        list(read_path(path))


def test_missing_jsonl_raises_at_once(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"no such file$"):
        read_path(tmp_path / "missing.jsonl")


# ---------------------------------------------------------------- stdin and dispatch


def test_stdin_html_is_sniffed() -> None:
    raw = read_stdin(io.BytesIO(HTML.encode()))
    assert raw.origin == "<stdin>" and raw.content_type == "html"


def test_stdin_text() -> None:
    raw = read_stdin(io.BytesIO("Er sagte: „Nein.“\n".encode()))
    assert raw.content == "Er sagte: „Nein.“\n" and raw.content_type == "text"


def test_stdin_empty() -> None:
    with pytest.raises(InputError, match=r"^<stdin>: is empty$"):
        read_stdin(io.BytesIO(b""))


def test_read_source_dispatch(tmp_path: Path) -> None:
    [from_stdin] = read_source("-", stdin=io.BytesIO(b"Hallo Welt"))
    assert from_stdin.origin == "<stdin>"
    path = tmp_path / "a.txt"
    path.write_text("Hallo Welt", encoding="utf-8")
    [from_file] = read_source(str(path))
    assert from_file.content == "Hallo Welt"
