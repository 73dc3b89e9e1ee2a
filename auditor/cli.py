"""The ``auditor`` command line: thin wrappers over the pipeline stages."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console

from . import __version__
from .errors import AuditorError

DEFAULT_DB = "audit.db"

# --rules and --outlets, shared by audit, rescore and rules list
RULES_OPTION = click.option(
    "--rules", "rule_files", multiple=True, metavar="FILE",
    help="Scoring rules: a TOML file or a profile (default, strict, numbers). Repeat to combine: "
         "later files override earlier rules by id.  [default: default]")
OUTLETS_OPTION = click.option(
    "--outlets", "outlet_files", multiple=True, metavar="FILE", type=click.Path(dir_okay=False, path_type=Path),
    help="Outlet ratings CSV (domain,rating,label,provenance[,aliases]) that adds to or overrides "
         "rules/outlets.csv. Repeatable.")
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
@RULES_OPTION
@OUTLETS_OPTION
def audit(inputs: tuple[str, ...], fmt: str, lang: str, db_path: Path, no_db: bool, timeout: float,
          rule_files: tuple[str, ...], outlet_files: tuple[Path, ...]) -> None:
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
      auditor audit seeds/telegraph-peacekeepers-de.txt --rules strict --outlets my-outlets.csv
    """
    from .html_report import render_html
    from .ingest import FetchConfig, read_source
    from .pipeline import audit_document
    from .report import render_text, result_to_dict, to_json

    config = FetchConfig(read_timeout=timeout)
    language = None if lang == "auto" else lang
    console = Console(highlight=False, soft_wrap=False)
    scoring = _load_scoring(rule_files, outlet_files)  # before the database: bad rules change nothing
    db = run_id = None
    if not no_db:
        from .store import open_db, save_result, start_run

        db = open_db(db_path)
        # Closing checkpoints the WAL: readers that ignore it (auditor serve opens
        # the file immutable) then see everything, even after an error exit.
        click.get_current_context().call_on_close(db.close)
    failures = 0
    printed_single = 0  # json and html hold one article
    stdin = sys.stdin.buffer if "-" in inputs else None
    for spec in inputs:
        try:
            for raw in read_source(spec, config=config, stdin=stdin):
                try:
                    result = audit_document(raw, language=language, scoring=scoring)
                    for warning in result.article.warnings:
                        _stderr("warning", f"{result.article.origin or spec}: {warning}")
                    if db is not None:
                        if run_id is None:  # one scoring run per invocation, recorded once something is saved
                            run_id = start_run(db, scoring.rules, kind="audit",
                                               analyser_version=result.analyser_version,
                                               outlets_hash=scoring.outlets.content_hash)
                        save_result(db, result, run_id=run_id)  # an id stored for other content: an error
                except AuditorError as error:
                    failures += 1
                    _stderr("error", str(error))
                    continue
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


# --- scoring: rules, rescore ------------------------------------------------------


def _report_problems(problems) -> None:
    for problem in problems:
        _stderr("error", str(problem))


def _load_scoring(rule_files: tuple[str, ...], outlet_files: tuple[Path, ...]):
    """Rules and outlet ratings, or exit 1 listing every problem (nothing has been touched yet)."""
    from .errors import ScoringConfigError
    from .scoring import load_scoring

    try:
        return load_scoring(rule_files, outlet_files)
    except ScoringConfigError as error:
        _report_problems(error.problems)
        sys.exit(1)


@cli.group()
def rules() -> None:
    """Scoring rules: check rule and outlet files, list the active rules and the features they test."""


@rules.command("check")
@click.argument("files", nargs=-1, required=True)
@click.option("--combine", is_flag=True,
              help="Check the TOML files as one rule set, in the order given, as repeated --rules combine them.")
def rules_check(files: tuple[str, ...], combine: bool) -> None:
    """Check rule files (TOML) and outlet rating files (CSV); exit 1 on any problem.

    Each TOML file is checked with the files it `extends`; with --combine the
    files are checked together, a later one overriding or disabling rules of
    an earlier one.  Each problem is reported with its file, line or rule id,
    and field.

    \b
    Examples:
      auditor rules check rules/default.toml rules/strict.toml
      auditor rules check --combine rules/default.toml my-rules.toml
      auditor rules check my-outlets.csv
    """
    from .errors import ScoringConfigError
    from .scoring.outlets import check_outlet_file
    from .scoring.rules import load_rule_set

    toml_files = [f for f in files if not f.endswith(".csv")]
    chains = [toml_files] if combine and toml_files else [[f] for f in toml_files]
    problems, passed = [], []
    for chain in chains:
        try:
            rule_set = load_rule_set(chain)
        except ScoringConfigError as error:
            problems += error.problems
            continue
        passed.append(f"ok: {' + '.join(chain)}: rule set {rule_set.name!r}, {len(rule_set.rules)} active rules, "
                      f"{len(rule_set.disabled)} disabled")
    for path in (f for f in files if f.endswith(".csv")):
        found = check_outlet_file(path)
        problems += found
        if not found:
            passed.append(f"ok: {path}: outlet ratings")
    for line in passed:
        click.echo(line)
    if problems:
        _report_problems(problems)
        click.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''}", err=True)
        sys.exit(1)


@rules.command("list")
@RULES_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules_list(rule_files: tuple[str, ...], fmt: str) -> None:
    """Show the active rules: id, scope, weight, cap, condition and the file that set them.

    \b
    Examples:
      auditor rules list
      auditor rules list --rules strict
      auditor rules list --rules default --rules my-rules.toml --format json
    """
    import json

    from rich.table import Table
    from rich.text import Text

    from .errors import ScoringConfigError
    from .scoring.rules import load_rule_set

    try:
        rule_set = load_rule_set(rule_files)
    except ScoringConfigError as error:
        _report_problems(error.problems)
        sys.exit(1)
    if fmt == "json":
        data = {"name": rule_set.name, "files": list(rule_set.files), "content_hash": rule_set.content_hash,
                "disabled": list(rule_set.disabled),
                "rules": [{**r.model_dump(mode="json", exclude_none=True, exclude={"when"}),
                           "when": r.when.model_dump(mode="json", exclude_unset=True),
                           "file": rule_set.origins[r.id]} for r in rule_set.rules]}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    table = Table(title=f"Rule set {rule_set.name} ({' + '.join(rule_set.files)})", title_justify="left")
    table.add_column("id", min_width=max((len(r.id) for r in rule_set.rules), default=2))  # never cut short
    for name, justify in (("scope", "left"), ("weight", "right"), ("cap", "right"), ("when", "left")):
        table.add_column(name, justify=justify, overflow="fold")
    for rule in rule_set.rules:  # Text(): rule files are data, never rich markup
        about = Text(f"{rule.id}\n{rule.description}\n")
        about.append(f"({Path(rule_set.origins[rule.id]).name})", style="dim")
        table.add_row(about, rule.scope, f"{rule.weight:g}", "" if rule.cap is None else f"{rule.cap:g}",
                      Text(rule.when.text()))
    console = Console(highlight=False)
    console.print(table)
    if rule_set.disabled:
        console.print(Text(f"disabled: {', '.join(rule_set.disabled)}"))


@rules.command("features")
def rules_features() -> None:
    """List what a rule's `when` table can test, per scope, with the values it takes."""
    from .scoring.features import ARTICLE_EXTRAS, SENTENCE_EXTRAS, ArticleFeatures, SentenceFeatures, feature_kind
    from .scoring.rules import COMBINATORS, known_values

    values = known_values()
    for scope, model, extras in (("sentence", SentenceFeatures, SENTENCE_EXTRAS),
                                 ("article", ArticleFeatures, ARTICLE_EXTRAS)):
        click.echo(f"{scope} features (scope = \"{scope}\"):")
        for name, info in model.model_fields.items():
            kind = feature_kind(model, name)
            allowed = f" [{', '.join(values[name])}]" if name in values else ""
            click.echo(f"  {name:<28} {kind:<7} {info.description}{allowed}")
        click.echo(f"  {' / '.join(COMBINATORS):<28} list of `when` tables: at least one / none of them holds")
        click.echo("  message placeholders: the features above and " +
                   ", ".join(f"{{{k}}} ({v})" for k, v in extras.items()))
        click.echo()
    click.echo("tests: bool: true/false; count, share, rating: 2 or { at_least, at_most, above, below, equals }"
               " (an unrated rating never matches); level: \"high\", [\"medium\", \"high\"] or { at_least = "
               "\"medium\" }; set: [\"a\", \"b\"] (any) or { any, all, none }")


@cli.command()
@click.option("--db", "db_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=DEFAULT_DB,
              show_default=True, help="Audit database whose articles to score again.")
@RULES_OPTION
@OUTLETS_OPTION
@click.option("--article", "article_ids", multiple=True, metavar="ID", help="Only this article; repeatable.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rescore(db_path: Path, rule_files: tuple[str, ...], outlet_files: tuple[Path, ...],
            article_ids: tuple[str, ...], fmt: str) -> None:
    """Score stored articles again with other rules, without analysing the text again.

    Writes a new run (all articles in one transaction) and keeps the earlier
    runs for comparison (views score_history and latest_scores).  Prints each
    article's score before and after.

    \b
    Examples:
      auditor rescore --db audit.db --rules strict
      auditor rescore --db audit.db --rules default --rules my-rules.toml --outlets my-outlets.csv
    """
    from .rescore import rescore as rescore_articles
    from .store import open_db

    scoring = _load_scoring(rule_files, outlet_files)
    db = open_db(db_path)
    try:
        report = rescore_articles(db, scoring, article_ids, origin=str(db_path))
    except AuditorError as error:
        _stderr("error", str(error))
        sys.exit(1)
    if fmt == "json":
        click.echo(report.model_dump_json(indent=2))
        return
    click.echo(f"run {report.run_id}: {len(report.articles)} articles scored with rule set {report.rule_set!r}, "
               f"{len(report.changed)} changed")
    for row in report.articles:
        before = "—" if row.before is None else f"{row.before:g} ({row.before_rule_set})"
        click.echo(f"  {row.article_id:<20} {before:>18} -> {row.after:g}  {(row.title or '')[:50]}")


# --- bulk -------------------------------------------------------------------------


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DB,
              show_default=True, help="SQLite database to store the results in.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes that analyse; 1 analyses in this process.  [default: all cores]")
@click.option("--lang", type=click.Choice(["de", "en", "auto"]), default="auto", show_default=True,
              help="Language of the articles; auto detects it per article.")
@RULES_OPTION
@OUTLETS_OPTION
@click.option("--concurrency", type=click.IntRange(min=1), default=8, show_default=True,
              help="URLs fetched at once.")
@click.option("--per-host", type=click.IntRange(min=1), default=2, show_default=True,
              help="URLs fetched at once from one host.")
@click.option("--timeout", type=float, default=20.0, show_default=True, help="Read timeout for URLs, in seconds.")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Keep fetched pages in this folder, so a rerun does not fetch them again.")
@click.option("--batch-size", type=click.IntRange(min=1), default=200, show_default=True,
              help="Articles committed per transaction.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar on stderr.  [default: when stderr is a terminal]")
@click.option("-q", "--quiet", is_flag=True, help="Do not print each failed input (they are in the errors table).")
def bulk(inputs: tuple[str, ...], db_path: Path, jobs: int | None, lang: str, rule_files: tuple[str, ...],
         outlet_files: tuple[Path, ...], concurrency: int, per_host: int, timeout: float, cache_dir: Path | None,
         batch_size: int, progress: bool | None, quiet: bool) -> None:
    """Audit many articles into a database: in parallel, resumable, skipping what is stored.

    INPUTS are folders (every .html/.htm/.txt/.md file, JSON Lines and WARC
    file below, recursively), .jsonl files, .warc/.warc.gz files, URLs, files
    listing one URL or path per line, or - for standard input (JSON Lines, or a
    list of URLs and paths).

    An article whose text is stored already, analysed and scored as this run
    would, is skipped: run the same command again after Ctrl-C or a crash and
    it goes on where it stopped.  Failed inputs are recorded in the errors
    table and skipped.  Exit status: 0 all inputs audited or skipped, 1 some
    input failed, 3 stopped because a worker process died, 130 interrupted
    (in both cases what was done is committed).

    \b
    Examples:
      auditor bulk articles/ --db audit.db
      auditor bulk urls.txt --db audit.db --concurrency 8 --cache pages/
      auditor bulk dump.jsonl --db audit.db --jobs 2
      auditor bulk CC-NEWS-2024.warc.gz --db audit.db
      find archive -name '*.html' | auditor bulk - --db audit.db
    """
    import threading

    from .workers import default_jobs, start_worker_server

    jobs = jobs or default_jobs()
    if jobs > 1 and not db_path.exists():  # else the pool starts it once something needs analysing
        start_worker_server()  # it imports the pipeline while this process does
    from .bulk import BulkOptions, ScoringFiles, count_documents, run_bulk
    from .bulk_report import ProgressDisplay, print_failure, summary_text
    from .ingest import FetchConfig
    from .store import open_db

    _load_scoring(rule_files, outlet_files)  # check the rules before the database: bad rules change nothing
    options = BulkOptions(
        jobs=jobs, language=None if lang == "auto" else lang,
        scoring=ScoringFiles(rule_files, tuple(map(str, outlet_files))), batch_size=batch_size,
        fetch=FetchConfig(read_timeout=timeout), concurrency=concurrency, per_host=per_host, cache_dir=cache_dir,
    )  # fmt: skip
    console = Console(stderr=True, highlight=False)
    show_progress = console.is_terminal if progress is None else progress
    stdin = sys.stdin.buffer if "-" in inputs else None
    db = open_db(db_path)
    if show_progress:
        with ProgressDisplay(console) as display:
            threading.Thread(target=lambda: display.set_total(count_documents(inputs)), daemon=True).start()
            summary = run_bulk(inputs, db, options, stdin=stdin, on_progress=display.update,
                               on_error=None if quiet else display.error)
            display.update(summary, force=True)
    else:
        summary = run_bulk(inputs, db, options, stdin=stdin,
                           on_error=None if quiet else lambda failure: print_failure(failure, console))
    click.echo(summary_text(summary))
    if summary.interrupted:
        sys.exit(130)
    if summary.aborted:
        sys.exit(3)
    if summary.failed:
        sys.exit(1)
