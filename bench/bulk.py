"""Throughput of `auditor bulk` against a floor, at two corpus sizes, in one run.

Run: .venv/bin/python bench/bulk.py [--scale 10] [--quick]

The corpus repeats the texts of ../shared/eval/de-wikinews/train.jsonl (or
generated German news text when that folder is absent) as JSON Lines; every
copy differs from the others by trailing newlines only, so each has its own
content hash but the same sentences. Measured in the same run, each as a
whole process (wall clock), with the peak memory of its process tree:

- floor: read the JSON Lines, extract (decode, language, hash), split into
  sentences and insert articles and sentences (with the full-text index) into
  a fresh SQLite database: everything bulk does except tagging and scoring;
  memory is the peak of the process tree's PSS (its parts' shared pages split),
  polled from /proc;
- bulk -j1 / bulk -j2: `auditor bulk corpus.jsonl --db fresh.db --jobs N`;
- rerun: the same bulk command again on the database it filled (all skipped);
- HTML: `auditor bulk -j2` on real news pages (../shared/eval/realnews-dev/pages
  and tests/fixtures, each copy varied by a line of its own), at 200 pages and
  at --html-pages (1,000), then the rerun of each (all stored: skipped by the
  raw digest, before extraction), and -j1 at 200 pages for pages/s per core.

Ratio b/a is the time per sentence of bulk against the floor's; "per proc"
scales it by the number of worker processes (the floor uses one core).
An in-process breakdown (one process, 1x corpus) says where the time goes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "eval" / "de-wikinews" / "train.jsonl"
REAL_PAGES = [*sorted((ROOT.parent / "shared" / "eval" / "realnews-dev" / "pages").glob("*.html")),
              *sorted((ROOT / "tests" / "fixtures").glob("news_*.html"))]
AUDITOR = [sys.executable, "-m", "auditor"]
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")

# --- the corpus ----------------------------------------------------------------------


def base_texts(limit: int | None, generated: bool = False) -> tuple[list[str], str]:
    if TRAIN.exists() and not generated:
        texts = [json.loads(line)["text"] for line in TRAIN.open(encoding="utf-8") if line.strip()]
        return texts[:limit] if limit else texts, str(TRAIN.relative_to(ROOT.parent))
    return generated_texts(limit or 700), "generated text"


_WHO = ["Innenminister Peter Berger", "die Polizei", "ein Sprecher des Ministeriums", "Experten",
        "hochrangige Quellen aus Regierungskreisen", "die Nachrichtenagentur dpa", "Bürgermeisterin Anna Keller",
        "Kritiker", "der Verband", "Reuters"]
_AFTER_LAUT = ["Innenminister Peter Berger", "Angaben der Polizei", "einem Sprecher des Ministeriums",
               "hochrangigen Quellen aus Regierungskreisen", "der Nachrichtenagentur dpa", "Reuters"]
_WHAT = ["die Verhandlungen seien weit fortgeschritten", "der Haushalt müsse gekürzt werden",
         "bis zu 300 Menschen seien betroffen", "die Entscheidung falle noch in dieser Woche",
         "man habe keine Kenntnis von den Plänen", "die Kosten lägen bei etwa 40 Millionen Euro"]


def generated_texts(n: int, seed: int = 7) -> list[str]:
    """German news-like articles: attributed, hedged and plain sentences, in paragraphs."""
    rng = random.Random(seed)
    patterns = [
        lambda: f"Laut {rng.choice(_AFTER_LAUT)} sollen {rng.randint(2, 900)} Menschen evakuiert worden sein.",
        lambda: f"{rng.choice(_WHO).capitalize()} sagte, {rng.choice(_WHAT)}.",
        lambda: f"Wie {rng.choice(_WHO)} berichtet, {rng.choice(_WHAT)}.",
        lambda: f"Die Stadt Oberau hat am {rng.randint(1, 28)}. März einen neuen Plan vorgestellt.",
        lambda: "Möglicherweise wird die Entscheidung erst im Herbst fallen, heißt es.",
        lambda: "Der Rat tagt am Dienstag erneut, die Sitzung ist öffentlich.",
        lambda: f"„Wir werden das prüfen“, erklärte {rng.choice(_WHO)}.",
    ]
    texts = []
    for i in range(n):
        paragraphs = [" ".join(rng.choice(patterns)() for _ in range(rng.randint(1, 4)))
                      for _ in range(rng.randint(3, 6))]
        texts.append(f"Meldung {i}: Neue Entwicklungen in Oberau\n\n" + "\n\n".join(paragraphs))
    return texts


def write_corpus(path: Path, texts: list[str], copies: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for i, text in enumerate(texts):
                record = {"id": f"{copy}-{i}", "text": text + "\n" * copy}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_real_pages(folder: Path, n: int) -> None:
    """n pages made from the real ones: copy i adds a line of its own to the first paragraph
    (and to the title), so texts and raw digests differ while the markup stays real."""
    folder.mkdir(parents=True, exist_ok=True)
    pages = [path.read_text(encoding="utf-8", errors="replace") for path in REAL_PAGES]
    for i in range(n):
        page = pages[i % len(pages)]
        page = page.replace("</title>", f" ({i})</title>", 1).replace("<p>", f"<p>Fassung {i}. ", 1)
        (folder / f"{i // 100:03d}").mkdir(exist_ok=True)
        (folder / f"{i // 100:03d}" / f"page-{i:05d}.html").write_text(page, encoding="utf-8")


# --- measuring a process tree ------------------------------------------------------------


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", "rb") as stat:
                    fields = stat.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            tree.setdefault(int(fields[1]), []).append(int(name))
    return tree


def _tree(pid: int) -> list[int]:
    tree, found, todo = _children(), [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(tree.get(current, ()))
    return found


def _memory(pid: int) -> int:
    """Proportional set size (shared pages split between the processes sharing them:
    workers forked from one server share most of theirs); resident size where the
    kernel has no smaps_rollup."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as rollup:
            for line in rollup:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            return int(statm.read().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0


def _cpu(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


@dataclass
class Measured:
    seconds: float
    peak_rss: int  # bytes, the sum of PSS over the process tree at its highest
    cpu: float  # seconds of CPU of the tree (as last seen by polling)
    output: str


def measure(cmd: list[str]) -> Measured:
    started = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak, cpu_seen, output = 0, {}, []
    reader = threading.Thread(target=lambda: output.append(process.stdout.read()), daemon=True)
    reader.start()
    while process.poll() is None:
        pids = _tree(process.pid)
        peak = max(peak, sum(_memory(pid) for pid in pids))
        for pid in pids:
            cpu_seen[pid] = max(cpu_seen.get(pid, 0.0), _cpu(pid))
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    reader.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({process.returncode}):\n{''.join(output)}")
    return Measured(seconds, peak, sum(cpu_seen.values()), "".join(output))


# --- the floor -----------------------------------------------------------------------------


def floor(corpus: Path, db_path: Path) -> None:
    """Read, extract, split and insert articles and sentences, no tagging (run in a child process)."""
    from auditor.extract import extract
    from auditor.inputs import iter_jsonl
    from auditor.segment import split_sentences
    from auditor.store.sqlite.schema import open_db

    db = open_db(db_path)
    conn = db.conn
    articles = sentences = 0
    next_id = 1

    def commit(batch: list[tuple], rows: list[tuple], fts: list[tuple]) -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO texts (id, content_hash, text, language, n_sentences) VALUES (?, ?, ?, ?, ?)",
                         [(text_id, digest, text, language, n) for text_id, _, _, digest, text, language, n in batch])
        conn.executemany("INSERT INTO publications (id, text_id, origin) VALUES (?, ?, ?)",
                         [(article_id, text_id, origin) for text_id, article_id, origin, *_ in batch])
        conn.executemany('INSERT INTO sentences (id, text_id, idx, start, "end", text, is_heading, paragraph)'
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.executemany("INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)", fts)
        conn.commit()

    batch, rows, fts = [], [], []
    for raw in iter_jsonl(corpus):
        article = extract(raw)
        split = split_sentences(article.text, article.language)
        text_id = articles + 1
        batch.append((text_id, article.id, article.origin, article.content_hash, article.text, article.language,
                      len(split)))
        for s in split:
            rows.append((next_id, text_id, s.index, s.start, s.end, s.text, int(s.is_heading), s.paragraph))
            fts.append((next_id, s.text))
            next_id += 1
        articles += 1
        sentences += len(split)
        if len(batch) >= 200:
            commit(batch, rows, fts)
            batch, rows, fts = [], [], []
    if batch:
        commit(batch, rows, fts)
    print(f"articles {articles} sentences {sentences}")


# --- in process: where the time goes ------------------------------------------------------


def breakdown(corpus: Path, db_path: Path) -> None:
    """Per-stage time per sentence of one process, on the given corpus (run in a child process)."""
    from auditor.analyse import analyse, analyser_version
    from auditor.bulk import ScoringFiles, _collect_less
    from auditor.extract import extract
    from auditor.inputs import iter_jsonl
    from auditor.models import AuditResult
    from auditor.segment import split_sentences
    from auditor.store.sqlite.schema import open_db
    from auditor.store.sqlite.write import save_results

    scoring = ScoringFiles().load()
    _collect_less()  # the garbage-collector settings of a bulk run, so the stages cost what they cost there
    times = dict.fromkeys(("read", "extract", "split", "analyse", "score", "store"), 0.0)
    clock = time.perf_counter
    t = clock()
    raws = list(iter_jsonl(corpus))
    times["read"] = clock() - t
    results, n = [], 0
    for raw in raws:
        t0 = clock()
        article = extract(raw)
        t1 = clock()
        sentences = split_sentences(article.text, article.language)
        t2 = clock()
        tagged = analyse(article, sentences)
        t3 = clock()
        result = scoring.score(AuditResult(article=article, sentences=tuple(tagged), analyser_version=analyser_version()))
        t4 = clock()
        times["extract"] += t1 - t0
        times["split"] += t2 - t1
        times["analyse"] += t3 - t2
        times["score"] += t4 - t3
        results.append(result)
        n += len(sentences)
    db = open_db(db_path)
    t = clock()
    save_results(db, results, batch_size=200)
    times["store"] = clock() - t
    total = sum(times.values())
    print(json.dumps({"sentences": n, "articles": len(raws), "times": times, "total": total}))


# --- the run --------------------------------------------------------------------------------


def sentences_of(output: str) -> tuple[int, int]:
    """(articles, sentences) from a floor line or a bulk summary."""
    for line in output.splitlines():
        if line.startswith("articles ") and " sentences " in line:  # the floor
            words = line.split()
            return int(words[1]), int(words[3])
    articles = sentences = 0
    for line in output.splitlines():
        if line.startswith("articles "):
            articles = int(line.split()[1].replace(",", ""))
        elif line.startswith("sentences "):
            sentences = int(line.split()[1].replace(",", ""))
    return articles, sentences


def html_runs(tmp_path: Path, n_pages: int) -> float:
    """First runs and reruns on real pages; returns the rerun ratio at n_pages."""
    ratio = 0.0
    for n in dict.fromkeys((min(200, n_pages), n_pages)):
        pages = tmp_path / f"pages-{n}"
        write_real_pages(pages, n)
        size = sum(p.stat().st_size for p in pages.rglob("*.html")) / n / 1024
        print(f"\nHTML: {n} real pages ({len(REAL_PAGES)} pages varied, {size:.0f} KB each)", flush=True)
        jobs_list = (1, 2) if n == min(200, n_pages) else (2,)
        for jobs in jobs_list:
            db = tmp_path / f"html-{n}-{jobs}.db"
            command = AUDITOR + ["bulk", str(pages), "--db", str(db), "--jobs", str(jobs), "--no-progress", "--quiet"]
            first = measure(command)
            articles, sentences = sentences_of(first.output)
            print(f"  bulk -j{jobs}: {articles} pages in {first.seconds:.1f} s: {articles / first.seconds:.1f} "
                  f"pages/s, {articles / first.seconds / jobs:.1f} pages/s per core, "
                  f"{articles / first.cpu:.1f} pages per CPU s, "
                  f"{sentences / first.seconds:,.0f} sentences/s, peak PSS {first.peak_rss / 2**20:.0f} MB")
            if jobs == 2:
                rerun = measure(command)
                ratio = first.seconds / rerun.seconds
                print(f"  rerun -j2 (all stored): {rerun.seconds:.1f} s against {first.seconds:.1f} s: "
                      f"{ratio:.1f}x faster", flush=True)
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10, help="the larger corpus is this many times the base")
    parser.add_argument("--quick", action="store_true", help="a 200-article base and --scale 3 unless given")
    parser.add_argument("--generated", action="store_true", help="generated text even when the corpus is there")
    parser.add_argument("--html-pages", type=int, default=None, help="real HTML pages (default 1000, quick 200)")
    parser.add_argument("--html-only", action="store_true", help="only the HTML runs")
    parser.add_argument("--floor", nargs=2, metavar=("CORPUS", "DB"), help=argparse.SUPPRESS)
    parser.add_argument("--breakdown", nargs=2, metavar=("CORPUS", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor:
        return floor(Path(args.floor[0]), Path(args.floor[1]))
    if args.breakdown:
        return breakdown(Path(args.breakdown[0]), Path(args.breakdown[1]))
    scale = args.scale if not (args.quick and "--scale" not in sys.argv) else 3
    texts, origin = base_texts(200 if args.quick else None, args.generated)
    html_pages = args.html_pages or (200 if args.quick else 1000)

    with tempfile.TemporaryDirectory(prefix="bench-bulk-") as tmp:
        tmp_path = Path(tmp)
        if args.html_only:
            html_runs(tmp_path, html_pages)
            return
        print(f"corpus: {len(texts)} articles of {origin}, at 1x and {scale}x; {os.cpu_count()} cores; "
              f"load average {os.getloadavg()[0]:.1f}", flush=True)
        rows = []
        runs: dict[tuple[str, int], tuple[Measured, int, int]] = {}
        for size in (1, scale):
            corpus = tmp_path / f"corpus-{size}x.jsonl"
            write_corpus(corpus, texts, size)
            cases = [("floor", [sys.executable, __file__, "--floor", str(corpus), str(tmp_path / f"floor-{size}.db")])]
            for jobs in (1, 2):
                db = tmp_path / f"bulk-{size}-{jobs}.db"
                cases.append((f"bulk -j{jobs}", AUDITOR + ["bulk", str(corpus), "--db", str(db), "--jobs", str(jobs),
                                                          "--no-progress", "--quiet"]))
            cases.append(("rerun -j2", cases[-1][1]))  # the same command again: everything stored
            for name, cmd in cases:
                measured = measure(cmd)
                articles, sentences = sentences_of(measured.output)
                if name.startswith("rerun"):
                    articles, sentences = runs[("bulk -j2", size)][1:]  # all skipped; rate as of the corpus
                runs[(name, size)] = (measured, articles, sentences)
                rows.append((name, size))
                print(f"  {name:<10} {size:>3}x  {measured.seconds:7.1f} s", flush=True)

        print()
        print(f"{'run':<11}{'size':>5}{'articles':>10}{'sentences':>11}{'wall s':>9}{'sent/s':>10}{'art/s':>9}"
              f"{'peak PSS':>10}{'CPU s':>8}{'sent/CPU s':>12}{'b/a':>7}{'per proc':>10}{'CPU b/a':>9}")
        for name, size in rows:
            measured, articles, sentences = runs[(name, size)]
            floor_run, _, floor_sentences = runs[("floor", size)]
            jobs = 2 if name.endswith("j2") else 1
            ratio = (measured.seconds / sentences) / (floor_run.seconds / floor_sentences)
            cpu_ratio = (measured.cpu / sentences) / (floor_run.cpu / floor_sentences)
            per_process = f"{ratio * jobs:.2f}" if name.startswith("bulk") else ""
            print(f"{name:<11}{size:>4}x{articles:>10,}{sentences:>11,}{measured.seconds:>9.1f}"
                  f"{sentences / measured.seconds:>10,.0f}{articles / measured.seconds:>9,.0f}"
                  f"{measured.peak_rss / 2**20:>8.0f}MB{measured.cpu:>8.1f}{sentences / measured.cpu:>12,.0f}"
                  f"{'' if name == 'floor' else f'{ratio:.2f}':>7}{per_process:>10}"
                  f"{'' if name == 'floor' else f'{cpu_ratio:.2f}':>9}")
        for size in (1, scale):
            first, rerun = runs[("bulk -j2", size)][0], runs[("rerun -j2", size)][0]
            print(f"rerun at {size}x (all stored): {rerun.seconds:.1f} s against {first.seconds:.1f} s: "
                  f"{first.seconds / rerun.seconds:.1f}x faster")
        for name in ("floor", "bulk -j1", "bulk -j2"):
            small, large = runs[(name, 1)][0], runs[(name, scale)][0]
            print(f"memory, {name}: {small.peak_rss / 2**20:.0f} MB at 1x, {large.peak_rss / 2**20:.0f} MB at {scale}x")
        sizes = {size: (tmp_path / f"bulk-{size}-2.db").stat().st_size for size in (1, scale)}
        print(f"(database {sizes[1] / 2**20:.0f} MB at 1x, {sizes[scale] / 2**20:.0f} MB at {scale}x; the writer's "
              "SQLite page cache grows with it up to 64 MiB, store.sqlite.schema.open_db's cache_size)")
        print("CPU b/a: CPU time per sentence of the whole process tree against the floor's; sent/CPU s: "
              "throughput per busy core, what a run gets per core on an otherwise idle machine")

        text_rerun = runs[("bulk -j2", scale)][0].seconds / runs[("rerun -j2", scale)][0].seconds
        html_rerun = html_runs(tmp_path, html_pages)
        print(f"rerun ratio, all stored: text {text_rerun:.1f}x at {scale}x, HTML {html_rerun:.1f}x at "
              f"{html_pages} pages")

        result = subprocess.run([sys.executable, __file__, "--breakdown", str(tmp_path / "corpus-1x.jsonl"),
                                 str(tmp_path / "breakdown.db")], capture_output=True, text=True, check=True)
        data = json.loads(result.stdout)
        n = data["sentences"]
        print(f"\nin one process, 1x corpus ({n:,} sentences): time per sentence by stage")
        for stage, seconds in data["times"].items():
            print(f"  {stage:<8} {seconds / n * 1e6:8.0f} µs  {seconds / data['total']:6.1%}")
        print(f"  {'total':<8} {data['total'] / n * 1e6:8.0f} µs  = {n / data['total']:,.0f} sentences/s")


if __name__ == "__main__":
    main()
