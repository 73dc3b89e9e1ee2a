"""The audit database in Datasette: read-only, with the project's metadata and plugin.

``auditor serve`` is a thin wrapper over :func:`make_datasette` and
:func:`run`.  Needs the ``browse`` extra (Datasette 0.65).

The file is opened read-only (``mode=ro``), not immutable: a bulk run may
write it while it is served, and an immutable reader that a writer's
checkpoint changed the file under answered every request with "database disk
image is malformed" until restarted.  Requests must name a loopback host: a
page elsewhere whose name resolves to 127.0.0.1 (DNS rebinding) is refused.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

import uvicorn
import yaml
from datasette.app import Datasette

from .datasette_plugin import register
from .errors import AuditorError
from .models import SCHEMA_VERSION
from .resources import db_dir
from .store.sqlite.schema import read_only_version

# ASGI, as far as the host check needs it
Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

HOST = "127.0.0.1"
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "[::1]"})  # what a Host header may name
# db/metadata.yaml describes the database under this name: Datasette names a
# database after its file, so it fits audit.db as it stands (for the plain
# `datasette audit.db -m db/metadata.yaml`), and load_metadata() renames it
# for any other file.
METADATA_DATABASE = "audit"


def metadata_path() -> Path:
    return db_dir() / "metadata.yaml"


def database_name(db_path: str | Path) -> str:
    """The name Datasette gives a database file: its stem."""
    return Path(db_path).stem


def load_metadata(database: str = METADATA_DATABASE) -> dict[str, Any]:
    """``db/metadata.yaml``, with its database section keyed for ``database``."""
    metadata = yaml.safe_load(metadata_path().read_text(encoding="utf-8"))
    databases = metadata.get("databases") or {}
    if database != METADATA_DATABASE and METADATA_DATABASE in databases:
        databases[database] = databases.pop(METADATA_DATABASE)
    return metadata


def check_database(db_path: str | Path) -> None:
    """Raise AuditorError naming the file when it is not an SQLite database one can read."""
    if Path(db_path).is_dir():  # as open_db words it for the commands that write
        raise AuditorError(str(db_path), "is a folder, not a database file")
    version = read_only_version(db_path)
    if version and version != SCHEMA_VERSION:  # serve only reads: it cannot migrate, and the pages need this schema
        raise AuditorError(str(db_path), f"schema version {version}, this auditor shows version {SCHEMA_VERSION}: "
                           "open it once with `auditor audit`, `bulk` or `rescore` (newer: a newer auditor)")


def make_datasette(db_path: str | Path) -> Datasette:
    """A Datasette for one audit database, opened read-only: a writer's commits show as they come."""
    register()  # before Datasette(): it collects plugin templates when built
    # files=, not immutables=: Datasette reads a mutable file with mode=ro and never writes it
    return Datasette(files=[str(db_path)], metadata=load_metadata(database_name(db_path)))


def database_url(datasette: Datasette, db_path: str | Path, port: int) -> str:
    return f"http://{HOST}:{port}{datasette.urls.database(database_name(db_path))}"


def is_loopback_host(host: str) -> bool:
    """Does a Host header name this machine's loopback ("localhost:8001", "[::1]:8001")?"""
    host = host.strip().lower()
    name = host[: host.find("]") + 1] if host.startswith("[") else host.partition(":")[0]
    return name in LOOPBACK_NAMES


def loopback_only(app: App) -> App:
    """The app, answering 403 to any HTTP request whose Host header is not a loopback name."""

    async def guarded(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = dict(scope.get("headers") or ()).get(b"host", b"").decode("latin-1")
            if not is_loopback_host(host):
                await _refuse(send, f"Host {host!r} is not served: use http://{HOST}/ or http://localhost/\n")
                return
        await app(scope, receive, send)

    return guarded


async def _refuse(send: Send, message: str) -> None:
    body = message.encode("utf-8", "replace")
    await send({"type": "http.response.start", "status": 403,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def app(datasette: Datasette) -> App:
    """What ``auditor serve`` serves: Datasette's app behind the Host check."""
    return loopback_only(datasette.app())


def server(datasette: Datasette, port: int) -> uvicorn.Server:
    """The HTTP server ``auditor serve`` runs: on 127.0.0.1 only, behind the Host check."""
    return uvicorn.Server(uvicorn.Config(app(datasette), host=HOST, port=port, log_level="warning", lifespan="on"))


def run(datasette: Datasette, port: int) -> None:  # pragma: no cover - blocks until stopped
    server(datasette, port).run()
