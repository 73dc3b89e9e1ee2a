"""Time `auditor audit` on the seed article, as a whole process, against baselines.

Run: .venv/bin/python bench/audit_seed.py [--runs N]

Baselines measured in the same run:
- python: the bare interpreter starting and exiting (`python -c pass`);
- import: the interpreter importing the CLI and every pipeline module;
- audit: `auditor audit seeds/telegraph-peacekeepers-de.txt --no-db` (report rendered);
- audit+db: the same, storing the results in a fresh SQLite file.
Also the in-process analysis speed on the seed (sentences/s), against a
floor that only splits sentences.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "telegraph-peacekeepers-de.txt"
AUDITOR = [sys.executable, "-m", "auditor"]


def wall(cmd: list[str], runs: int, **kwargs) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def in_process(repeat: int) -> tuple[float, float, int]:
    from auditor.analyse import analyse
    from auditor.models import Article
    from auditor.segment import split_sentences

    text = SEED.read_text(encoding="utf-8")
    article = Article(id="seed", text=text, content_hash="seed", language="de")
    n = len(split_sentences(text, "de")) * repeat
    started = time.perf_counter()
    for _ in range(repeat):
        split_sentences(text, "de")
    floor = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(repeat):
        analyse(article, split_sentences(text, "de"))
    full = time.perf_counter() - started
    return n / floor, n / full, n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    python = wall([sys.executable, "-c", "pass"], args.runs)
    imports = wall([sys.executable, "-c", "import auditor.cli, auditor.pipeline, auditor.store.sqlite.sink, auditor.report.text, auditor.report.json"],
                   args.runs)
    audit = wall(AUDITOR + ["audit", str(SEED), "--no-db"], args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        audit_db = wall(AUDITOR + ["audit", str(SEED), "--db", str(Path(tmp) / "bench.db")], args.runs)
    floor_rate, full_rate, n = in_process(200)
    print(f"seed article: {SEED.name}, median of {args.runs} runs (whole process, wall clock)")
    print(f"{'python -c pass':<28}{python * 1000:>8.0f} ms   1.00x")
    print(f"{'import auditor':<28}{imports * 1000:>8.0f} ms {imports / python:>6.2f}x")
    print(f"{'auditor audit --no-db':<28}{audit * 1000:>8.0f} ms {audit / python:>6.2f}x")
    print(f"{'auditor audit (SQLite)':<28}{audit_db * 1000:>8.0f} ms {audit_db / python:>6.2f}x")
    print(f"in process, {n} sentences: split only {floor_rate:,.0f} sentences/s; "
          f"split + tag {full_rate:,.0f} sentences/s ({floor_rate / full_rate:.1f}x the floor's time)")


if __name__ == "__main__":
    main()
