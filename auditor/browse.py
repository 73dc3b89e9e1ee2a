"""The audit database in Datasette: read-only, with the project's metadata and plugin.

``auditor serve`` is a thin wrapper over :func:`make_datasette` and
:func:`run`.  Needs the ``browse`` extra (Datasette 0.65).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import uvicorn
import yaml
from datasette.app import Datasette

from .datasette_plugin import register
from .resources import db_dir

HOST = "127.0.0.1"
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


def make_datasette(db_path: str | Path) -> Datasette:
    """A Datasette for one audit database, opened immutable (read-only, no locks)."""
    register()  # before Datasette(): it collects plugin templates when built
    return Datasette(immutables=[str(db_path)], metadata=load_metadata(database_name(db_path)))


def database_url(datasette: Datasette, db_path: str | Path, port: int) -> str:
    return f"http://{HOST}:{port}{datasette.urls.database(database_name(db_path))}"


def unflushed_wal(db_path: str | Path) -> bool:
    """True when a writer still holds changes in the -wal file, which immutable mode ignores."""
    wal = Path(f"{db_path}-wal")
    return wal.exists() and wal.stat().st_size > 0


def run(datasette: Datasette, port: int) -> None:  # pragma: no cover - blocks until stopped
    uvicorn.run(datasette.app(), host=HOST, port=port, log_level="warning", lifespan="on")
