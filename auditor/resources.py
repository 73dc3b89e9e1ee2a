"""Where the data files live.

In a wheel, ``rules/`` and ``db/`` are installed inside the package
(``auditor/rules``); in a source checkout they sit beside the package.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"data folder {name!r} not found beside {_PACKAGE_DIR}")


def rules_dir() -> Path:
    return data_dir("rules")


def db_dir() -> Path:
    return data_dir("db")
