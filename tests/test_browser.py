"""Headless Chromium on the served database and on the HTML report.

Checks what only a browser can: the highlights are drawn (coloured, with a
size), the legend shows, and no script from the article text ran.  Uses
Debian's `chromium` (`.ci/run` installs it) driven over the DevTools protocol.
Skipped only where Chromium is missing outside CI; in CI (CI=true) it must run.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time

import httpx
import pytest
from click.testing import CliRunner
from websockets.sync.client import connect

from auditor.cli import cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and os.environ.get("CI") != "true":
    pytest.skip("chromium is not installed (apt-get install chromium); CI installs it", allow_module_level=True)

CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1280,1600", "--remote-debugging-port=0",
)
START_SECONDS = 30  # for Chromium and Datasette to come up
PAGE_SECONDS = 30  # for a page to load

# Run in the page: what a reader would see, and whether an injected script ran.
PAGE_FACTS = """(() => {
  const marks = [...document.querySelectorAll('.hl-text mark.hl')];
  const drawn = (m) => {
    const r = m.getBoundingClientRect(), s = getComputedStyle(m);
    return {text: m.textContent, cls: m.className, width: r.width, height: r.height,
            background: s.backgroundColor, decoration: s.textDecorationLine, visibility: s.visibility,
            display: s.display};
  };
  const legend = document.querySelector('.hl-legend');
  return JSON.stringify({
    title: document.title,
    pwned: window.__auditor_pwned === true,
    injected_images: document.querySelectorAll('img[src="x"], img[onerror]').length,
    injected_scripts: [...document.scripts].filter(s => s.textContent.includes('pwned')).length,
    body_text: document.body.innerText,
    marks: marks.map(drawn),
    legend: legend ? drawn(legend) : null,
  });
})()"""


class DevTools:
    """The smallest DevTools-protocol client this test needs: navigate, evaluate."""

    def __init__(self, socket) -> None:
        self.socket = socket
        self.next_id = 0

    def call(self, method: str, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        deadline = time.monotonic() + PAGE_SECONDS
        while True:
            message = json.loads(self.socket.recv(timeout=max(0.1, deadline - time.monotonic())))
            if message.get("id") == self.next_id:
                assert "error" not in message, message
                return message["result"]

    def wait_for_event(self, method: str) -> None:
        deadline = time.monotonic() + PAGE_SECONDS
        while json.loads(self.socket.recv(timeout=max(0.1, deadline - time.monotonic()))).get("method") != method:
            pass

    def facts(self, url: str) -> dict:
        self.call("Page.navigate", url=url)
        self.wait_for_event("Page.loadEventFired")
        result = self.call("Runtime.evaluate", expression=PAGE_FACTS, returnByValue=True)
        return json.loads(result["result"]["value"])


def wait_for(condition, what: str, seconds: float = START_SECONDS):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.1)
    raise TimeoutError(f"{what} not ready after {seconds} s")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    assert CHROMIUM, "chromium must be installed in CI (.ci/run installs it)"
    profile = tmp_path_factory.mktemp("chromium-profile")
    process = subprocess.Popen([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        active = profile / "DevToolsActivePort"
        port = wait_for(lambda: active.exists() and active.read_text().split("\n")[0], "Chromium DevTools")
        targets = httpx.get(f"http://127.0.0.1:{port}/json/list", timeout=10).json()
        page = next(t for t in targets if t["type"] == "page")
        with connect(page["webSocketDebuggerUrl"], max_size=None, open_timeout=START_SECONDS) as socket:
            devtools = DevTools(socket)
            devtools.call("Page.enable")
            yield devtools
    finally:
        stop(process)


@pytest.fixture(scope="module")
def served(audit_db):
    """`auditor serve` on a free port, as a user starts it; yields the base URL."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "auditor", "serve", "--db", str(audit_db), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"

    def up() -> bool:
        if process.poll() is not None:
            raise RuntimeError(f"auditor serve exited: {process.stdout.read()}")
        try:
            return httpx.get(f"{base}/-/versions.json", timeout=2).status_code == 200
        except httpx.TransportError:
            return False

    try:
        wait_for(up, "auditor serve")
        yield base
    finally:
        stop(process)


def assert_highlighted_and_harmless(facts: dict) -> None:
    assert not facts["pwned"] and facts["title"] != "pwned", "a script from the article text ran"
    assert facts["injected_images"] == 0 and facts["injected_scripts"] == 0
    # the payloads are on the page, as text
    assert "<script>document.title='pwned';window.__auditor_pwned=true</script>" in facts["body_text"]
    assert '"><img src=x onerror="document.title' in facts["body_text"]
    marks = {m["text"]: m for m in facts["marks"]}
    assert {"Police sources", "said", "may have", "According to", "officials at", "probably"} <= set(marks)
    for mark in facts["marks"]:
        assert mark["width"] > 0 and mark["height"] > 0 and mark["visibility"] == "visible", mark
        if "hl-hedge" in mark["cls"].split():
            assert "underline" in mark["decoration"], mark
        else:
            assert mark["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), mark
    assert marks["Police sources"]["background"] != marks["said"]["background"]  # source and cue look different
    assert facts["legend"] and facts["legend"]["height"] > 0


def test_served_database_shows_highlights_and_runs_no_article_script(browser, served, audit_db):
    facts = browser.facts(f"{served}/audit/article_audit?article_id=hostile")
    assert_highlighted_and_harmless(facts)
    with sqlite3.connect(audit_db) as conn:  # sentences belong to the article's text
        (text_id,) = conn.execute("SELECT text_id FROM publications WHERE id = 'hostile'").fetchone()
    table = browser.facts(f"{served}/audit/sentences?text_id={text_id}")
    assert_highlighted_and_harmless(table)
    seed = browser.facts(f"{served}/audit/sentences/1")
    assert "hochrangigen Quellen der britischen Regierung" in {m["text"] for m in seed["marks"]}


def test_html_report_shows_highlights_and_runs_no_article_script(browser, hostile_article, tmp_path):
    result = CliRunner().invoke(cli, ["audit", str(hostile_article), "--no-db", "--format", "html"])
    assert result.exit_code == 0, result.output
    report = tmp_path / "report.html"
    report.write_text(result.stdout, encoding="utf-8")
    facts = browser.facts(report.as_uri())
    assert_highlighted_and_harmless(facts)
    assert facts["title"].startswith("Audit: <script>")  # the hostile title, as text
