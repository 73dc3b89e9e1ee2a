"""The ``auditor`` command line: thin wrappers over the pipeline stages."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console

from . import __version__
from .errors import AuditorError

DEFAULT_DB = "audit.db"
DEFAULT_PORT = 8001  # Datasette's own default


def _stderr(kind: str, message: str) -> None:
    click.echo(f"auditor: {kind}: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="auditor")
def cli() -> None:
    """Audit news articles: who says so, and how sure is the text?

    Each sentence is tagged with its cited source (person, organisation,
    outlet, document, anonymous, vague, pronoun), the cue that attributes it,
    the outlets that relay it, and its hedging level.
    """


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl", "html"]), default="text",
              show_default=True,
              help="text: a readable report; json: one object; jsonl: one object per article per line; "
                   "html: one self-contained page.")
@click.option("--lang", type=click.Choice(["de", "en", "auto"]), default="auto", show_default=True,
              help="Language of the article(s); auto detects it.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DB,
              show_default=True, help="SQLite database to store the results in.")
@click.option("--no-db", is_flag=True, help="Do not store the results.")
@click.option("--timeout", type=float, default=20.0, show_default=True, help="Read timeout for URLs, in seconds.")
def audit(inputs: tuple[str, ...], fmt: str, lang: str, db_path: Path, no_db: bool, timeout: float) -> None:
    """Audit articles and print a report.

    INPUTS are URLs, .html/.htm/.txt/.md files, .jsonl files (one article per
    line) or - for standard input.

    \b
    Examples:
      auditor audit https://example.org/news/article.html
      auditor audit seeds/telegraph-peacekeepers-de.txt
      auditor audit page.html --format json
      auditor audit seeds/telegraph-peacekeepers-de.txt --format html > report.html
      cat article.txt | auditor audit - --lang de
    """
    from .ingest import FetchConfig, read_source
    from .pipeline import audit_document
    from .html_report import render_html
    from .report import render_text, result_to_dict, to_json

    config = FetchConfig(read_timeout=timeout)
    language = None if lang == "auto" else lang
    console = Console(highlight=False, soft_wrap=False)
    db = None
    if not no_db:
        from .store import open_db, save_result

        db = open_db(db_path)
    failures = 0
    printed_single = 0  # json and html hold one article
    stdin = sys.stdin.buffer if "-" in inputs else None
    for spec in inputs:
        try:
            for raw in read_source(spec, config=config, stdin=stdin):
                try:
                    result = audit_document(raw, language=language)
                except AuditorError as error:
                    failures += 1
                    _stderr("error", str(error))
                    continue
                for warning in result.article.warnings:
                    _stderr("warning", f"{result.article.origin or spec}: {warning}")
                if db is not None:
                    save_result(db, result)
                if fmt == "text":
                    render_text(result, console)
                elif fmt == "jsonl":
                    click.echo(to_json(result, indent=None))
                else:
                    if printed_single:
                        raise click.UsageError(f"--format {fmt} prints one article; use --format jsonl for several")
                    if fmt == "html":
                        click.echo(render_html(result_to_dict(result)), nl=False)
                    else:
                        click.echo(to_json(result))
                    printed_single += 1
        except AuditorError as error:
            failures += 1
            _stderr("error", str(error))
    if failures:
        sys.exit(1)


def main() -> None:  # pragma: no cover - console entry point
    cli()


@cli.command("eval")
@click.argument("corpus", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--errors", "n_errors", type=int, default=0, show_default=True,
              help="Show the N most frequent missed and spurious cues and sources.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def eval_command(corpus: Path, n_errors: int, fmt: str) -> None:
    """Score the tagger on a gold corpus.

    CORPUS is a JSON Lines file with gold attributions (de-wikinews,
    en-polnear format) or a WikiWeasel CSV (text,label).

    \b
    Example:
      auditor eval ../shared/eval/de-wikinews/dev.jsonl --errors 10
    """
    import json

    from .evaluation.evaluate import evaluate

    try:
        result = evaluate(corpus)
    except AuditorError as error:
        _stderr("error", str(error))
        sys.exit(1)
    data = result.as_dict(n_errors)
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"{data['corpus']}: {data['documents']} documents, {data['sentences']} sentences, "
               f"{data['seconds']} s ({data['ms_per_1000_sentences']} ms per 1,000 sentences)")
    click.echo(f"{'figure':<24}{'precision':>10}{'recall':>10}{'F1':>10}{'gold':>8}{'predicted':>11}")
    for name, s in data["scores"].items():
        click.echo(f"{name:<24}{s['precision']:>10.3f}{s['recall']:>10.3f}{s['f1']:>10.3f}{s['gold']:>8}{s['predicted']:>11}")
    for name, rows in data.get("errors", {}).items():
        click.echo(f"\n{name}:")
        for row in rows:
            click.echo(f"  {row['count']:>4}  {row['text'][:50]:<50}  e.g. {row['example'][:140]}")


@cli.command()
@click.option("--db", "db_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=DEFAULT_DB,
              show_default=True, help="Audit database to browse.")
@click.option("--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, show_default=True,
              help="Port on 127.0.0.1.")
def serve(db_path: Path, port: int) -> None:
    """Browse an audit database in Datasette, read-only.

    Opens the database immutable with the project's metadata (db/metadata.yaml),
    canned queries and highlighting plugin. Needs the browse extra:
    pip install 'auditor[browse]'.

    \b
    Example:
      auditor serve --db audit.db
    """
    import importlib.util

    if importlib.util.find_spec("datasette") is None:
        _stderr("error", "Datasette is not installed; install the browse extra: pip install 'auditor[browse]'")
        sys.exit(1)
    from .browse import database_url, make_datasette, run, unflushed_wal

    if unflushed_wal(db_path):
        _stderr("warning", f"{db_path}-wal holds changes a writer has not checkpointed yet; "
                           "they show once it finishes")
    datasette = make_datasette(db_path)
    click.echo(f"Serving {db_path} read-only at {database_url(datasette, db_path, port)}  (Ctrl-C stops)")
    run(datasette, port)
