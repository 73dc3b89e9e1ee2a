"""Peak memory of `auditor audit` and `auditor bulk` against input size, in one run.

Run: .venv/bin/python bench/memory.py [--quick] [--sizes 1 2 4]

Every figure is the peak resident set (ru_maxrss) of one child process,
read with os.wait4 for that child alone. Measured in the same run:

- baseline: `auditor audit SEED --format json --no-db` on the 2 KB seed
  article: the interpreter with the package imported and a tiny input;
- for inputs of 1, 2 and 4 MB built from real articles (German Wikinews and
  English PolNeAR texts from ../shared/eval, or the seeds when it is absent):
  a German text file (--no-db and --db, and the text report), an English text file (--no-db), one
  JSON Lines record (audit --db, and bulk --jobs 1: it analyses in its own
  process), and one HTML page (--no-db);
- the slope of each path: MB of peak per MB of input between the smallest and
  the largest size (the goal is at most 60);
- the largest inputs accepted (inputs.MAX_FILE_BYTES of German text, audit
  --db, and an HTML page of that size, the heaviest paths) and their peaks,
  which must stay under 1 GB. --quick skips them and measures the German text
  paths only.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from auditor.extract import MAX_HTML_CHARS
from auditor.inputs import MAX_FILE_BYTES

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
SEED = ROOT / "seeds" / "telegraph-peacekeepers-de.txt"
AUDITOR = [sys.executable, "-m", "auditor"]
MB = 1_000_000
GOAL_SLOPE = 60  # MB of peak per MB of input
GOAL_LARGEST = 1000  # MB


def articles(language: str) -> list[str]:
    """Real article texts of one language; the seeds when ../shared is absent."""
    corpus = EVAL / ("de-wikinews/train.jsonl" if language == "de" else "en-polnear/train.jsonl")
    if corpus.exists():
        with corpus.open(encoding="utf-8") as fh:
            return [json.loads(line)["text"] for line in fh if line.strip()]
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob(f"*-{language}.txt"))]


def article_text(texts: list[str], size: int) -> str:
    """Articles one after another, blank line between, cut to ``size`` UTF-8 bytes."""
    parts, total, i = [], 0, 0
    while total < size:
        parts.append(texts[i % len(texts)])
        total += len(parts[-1].encode()) + 2
        i += 1
    return "\n\n".join(parts).encode()[:size].decode("utf-8", "ignore")


def write_text(path: Path, texts: list[str], size: int) -> Path:
    path.write_text(article_text(texts, size), encoding="utf-8")
    return path


def write_jsonl(path: Path, texts: list[str], size: int) -> Path:
    """One record whose line is about ``size`` bytes (JSON escapes make it a little longer)."""
    record = {"id": "big", "title": "Bench", "text": article_text(texts, size)}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def write_html(path: Path, texts: list[str], size: int) -> Path:
    """A news page: the text in <p> blocks of about 1,000 characters (well under the tag limit)."""
    blocks, block = [], ""
    for line in article_text(texts, size).splitlines():
        block = f"{block} {line}".strip()
        if len(block) > 1000:
            blocks.append(block)
            block = ""
    blocks.append(block)
    body = "\n".join(f"<p>{html.escape(b, quote=False)}</p>" for b in blocks if b)
    page = (f"<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Bench</title></head>"
            f"<body><article><h1>Bench</h1>\n{body}\n</article></body></html>")
    path.write_text(page, encoding="utf-8")
    return path


def peak_mb(args: list[str]) -> tuple[float, float]:
    """Peak RSS (MB) and wall time (s) of one child process."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode not in (0,):
        sys.exit(f"bench: {' '.join(args[2:])} exited {proc.returncode}: {stderr.strip()[-500:]}")
    return usage.ru_maxrss * 1024 / MB, time.perf_counter() - started  # ru_maxrss is in KiB on Linux


def audit(*options: str) -> Callable[[Path, Path], list[str]]:
    return lambda path, tmp: AUDITOR + ["audit", str(path), "--format", "json", *options]


def audit_text_report(path: Path, tmp: Path) -> list[str]:
    return AUDITOR + ["audit", str(path), "--no-db"]  # the default format: the readable report


def audit_db(path: Path, tmp: Path) -> list[str]:
    return AUDITOR + ["audit", str(path), "--format", "json", "--db", str(tmp / f"{path.stem}-audit.db")]


def bulk(path: Path, tmp: Path) -> list[str]:
    return AUDITOR + ["bulk", str(path), "--db", str(tmp / f"{path.stem}-bulk.db"), "--jobs", "1"]


# (label, language, input writer, file suffix, command)
PATHS = [
    ("de text, audit --no-db", "de", write_text, ".txt", audit("--no-db")),
    ("de text, audit --db", "de", write_text, ".txt", audit_db),
    ("de text, text report --no-db", "de", write_text, ".txt", audit_text_report),
    ("en text, audit --no-db", "en", write_text, ".txt", audit("--no-db")),
    ("de JSONL line, audit --db", "de", write_jsonl, ".jsonl", audit_db),
    ("de JSONL line, bulk -j1", "de", write_jsonl, ".jsonl", bulk),
    ("de HTML page, audit --no-db", "de", write_html, ".html", audit("--no-db")),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 4], help="input sizes in MB")
    parser.add_argument("--quick", action="store_true", help="German text paths only; skip the largest input")
    args = parser.parse_args()
    paths = PATHS[:3] if args.quick else PATHS
    texts = {language: articles(language) for language in ("de", "en")}
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        base, base_s = peak_mb(audit("--no-db")(SEED, tmp))
        print(f"baseline: audit {SEED.name} ({SEED.stat().st_size:,} bytes) --format json --no-db: "
              f"{base:.0f} MB peak RSS, {base_s:.1f} s")
        header = "".join(f"{f'{s:g} MB':>16}" for s in args.sizes)
        print(f"{'peak RSS, MB (x baseline)':<30}{header}{'slope MB/MB':>14}")
        worst = 0.0
        for label, language, writer, suffix, command in paths:
            peaks = []
            for size in args.sizes:
                path = writer(tmp / f"in-{language}-{size:g}{suffix}", texts[language], int(size * MB))
                peaks.append(peak_mb(command(path, tmp))[0])
                path.unlink()
            slope = (peaks[-1] - peaks[0]) / (args.sizes[-1] - args.sizes[0]) if len(peaks) > 1 else 0.0
            worst = max(worst, slope)
            cells = "".join(f"{f'{p:.0f} ({p / base:.1f}x)':>16}" for p in peaks)
            print(f"{label:<30}{cells}{slope:>14.0f}")
        print(f"steepest slope: {worst:.0f} MB of peak per MB of input (goal: at most {GOAL_SLOPE})")
        print(f"limits: files, stdin and JSON Lines records {MAX_FILE_BYTES / MB:g} MB; "
              f"HTML {MAX_HTML_CHARS / MB:g} M characters")
        if not args.quick:
            for label, path, command in largest_inputs(tmp, texts):
                peak, seconds = peak_mb(command(path, tmp))
                verdict = "under" if peak < GOAL_LARGEST else "OVER"
                print(f"largest accepted input, {label} of {path.stat().st_size / MB:.1f} MB: "
                      f"{peak:.0f} MB peak RSS ({peak / base:.1f}x baseline), {seconds:.0f} s; "
                      f"{verdict} the {GOAL_LARGEST} MB goal")
                path.unlink()


def largest_inputs(tmp: Path, texts: dict[str, list[str]]) -> list[tuple[str, Path, Callable]]:
    """The heaviest paths at the size limit: text stored in SQLite, and an HTML page
    (its tags take about 1 %, so its text is a little shorter)."""
    assert MAX_HTML_CHARS >= MAX_FILE_BYTES  # a page the file limit lets in is not refused for its length
    text = write_text(tmp / "largest.txt", texts["de"], MAX_FILE_BYTES)
    page = write_html(tmp / "largest.html", texts["de"], int(MAX_FILE_BYTES * 0.985))
    assert page.stat().st_size <= MAX_FILE_BYTES
    return [("de text, audit --db", text, audit_db), ("de HTML page, audit --no-db", page, audit("--no-db"))]


if __name__ == "__main__":
    main()
