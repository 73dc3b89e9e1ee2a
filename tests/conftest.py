"""Fixtures shared by several test modules."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "telegraph-peacekeepers-de.txt"
# Script and onerror payloads in the text and in the title, outlet and URL;
# a payload that runs sets document.title to "pwned" and window.__auditor_pwned.
HOSTILE = Path(__file__).parent / "fixtures" / "hostile.jsonl"


@pytest.fixture(scope="session")
def seed_article() -> Path:
    return SEED


@pytest.fixture(scope="session")
def hostile_article() -> Path:
    return HOSTILE


@pytest.fixture(scope="session")
def audit_db(tmp_path_factory) -> Path:
    """audit.db as `auditor audit` writes it: the seed article and the hostile one."""
    path = tmp_path_factory.mktemp("browse") / "audit.db"
    result = CliRunner().invoke(cli, ["audit", str(SEED), str(HOSTILE), "--db", str(path), "--format", "jsonl"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return path
