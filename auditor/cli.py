"""The ``auditor`` command line: thin wrappers over the pipeline stages."""

from __future__ import annotations

import errno
import io
import os
import signal
import sqlite3
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console

from . import __version__
from .errors import AuditorError
from .terminal import inert

if TYPE_CHECKING:  # the commands import these when they run: `auditor --help` stays quick
    from sqlite_utils import Database

    from .models import AuditResult, RawDocument
    from .scoring import Scoring
    from .store.sqlite.sink import SqliteSink

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


class LanguageChoice(click.Choice):
    """``--lang``: "auto" or a registered language, asked of the registry when the
    option is read, so a language installed as a package of its own is offered too."""

    def __init__(self) -> None:
        super().__init__(["auto"])

    @property
    def choices(self) -> tuple[str, ...]:
        from .analyse.registry import (
            supported_languages,  # read when used: `auditor --help` stays quick
        )

        return (*supported_languages(), "auto")

    @choices.setter
    def choices(self, value: Sequence[str]) -> None:
        pass  # click sets the choices once; they are the registry's

    def convert(self, value, param, ctx):
        # the default needs no language loaded: `auditor bulk` starts its workers first
        return value if value == "auto" else super().convert(value, param, ctx)


def _say_language_problems() -> None:
    """A warning for each language plug-in that could not be loaded; the others go on."""
    from .analyse.registry import (
        problems,  # read when used: `auditor --help` stays quick
    )

    for problem in problems():
        _stderr("warning", problem)


def _stderr(kind: str, message: str) -> None:
    """One line, whatever the message holds: inputs' names and texts are data."""
    click.echo(f"auditor: {kind}: {inert(message, one_line=True)}", err=True)


def _open_db(db_path: Path):
    """The database, or exit 1 with one line saying why it cannot be one."""
    from .store.sqlite.schema import open_db

    try:
        return open_db(db_path)
    except AuditorError as error:
        _stderr("error", str(error))
        sys.exit(1)


@contextmanager
def _database_faults(db_path: Path, db) -> Iterator[None]:
    """A database that fails while written (locked too long, disk full) ends the command in one line."""
    from .store.sqlite.schema import busy_timeout_of, database_fault

    try:
        yield
    except sqlite3.Error as error:
        _stderr("error", str(database_fault(db_path, error, busy_timeout_of(db))))
        sys.exit(1)


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
@click.option("--lang", type=LanguageChoice(), default="auto", show_default=True,
              help="Language of the article(s); auto detects it.")
@click.option("--db", "db_path", type=click.Path(path_type=Path), default=DEFAULT_DB,
              show_default=True, help="SQLite database to store the results in.")
@click.option("--no-db", is_flag=True, help="Do not store the results.")
@click.option("--timeout", type=float, default=20.0, show_default=True, help="Read timeout for URLs, in seconds.")
@RULES_OPTION
@OUTLETS_OPTION
def audit(inputs: tuple[str, ...], fmt: str, lang: str, db_path: Path, no_db: bool, timeout: float,
          rule_files: tuple[str, ...], outlet_files: tuple[Path, ...]) -> None:
    """Audit articles and print a report.

    INPUTS are URLs, .html/.htm/.txt/.md files, .jsonl files (one article per
    line), .warc/.warc.gz files (their HTML responses) or - for standard input.

    A document that fails is one error line (FILE:LINE for JSON Lines,
    FILE@OFFSET for WARC) and the others are still audited.  Exit status: 0
    all audited, 1 some input or document failed, 130 interrupted (every
    report printed is whole).

    \b
    Examples:
      auditor audit https://example.org/news/article.html
      auditor audit seeds/telegraph-peacekeepers-de.txt
      auditor audit page.html --format json
      auditor audit seeds/telegraph-peacekeepers-de.txt --format html > report.html
      cat article.txt | auditor audit - --lang de
      auditor audit seeds/telegraph-peacekeepers-de.txt --rules strict --outlets my-outlets.csv
    """
    from .inputs import FetchConfig, iter_source

    config = FetchConfig(read_timeout=timeout)
    scoring = _load_scoring(rule_files, outlet_files)  # before the database: bad rules change nothing
    _say_language_problems()
    db = None
    if not no_db:
        db = _open_db(db_path)
        # Closing checkpoints the WAL, so the file alone holds everything, even after an error exit.
        click.get_current_context().call_on_close(db.close)
    run = _AuditRun(fmt, None if lang == "auto" else lang, scoring, db, db_path)
    stdin = sys.stdin.buffer if "-" in inputs else None
    try:
        for spec in inputs:
            for item in iter_source(spec, config=config, stdin=stdin):
                run.take(item, spec)
    except KeyboardInterrupt:
        _stderr("error", "interrupted; every report printed above is complete")
        sys.exit(130)
    except AuditorError as error:  # only writing the output raises: no document is lost, no later one can be shown
        _stderr("error", str(error))
        sys.exit(1)
    if run.failures:
        sys.exit(1)


class _AuditRun:
    """The documents of one `audit`: each is audited, stored and printed whole, or
    is one error line; either way the next one follows."""

    def __init__(self, fmt: str, language: str | None, scoring: Scoring, db: Database | None,
                 db_path: Path) -> None:
        self.fmt, self.language, self.scoring, self.db, self.db_path = fmt, language, scoring, db, db_path
        self.console = Console(highlight=False, soft_wrap=False)
        self.failures = 0
        self.printed = 0
        self.sink: SqliteSink | None = None  # made at the first result stored

    def take(self, item: RawDocument | AuditorError, spec: str) -> None:
        from .pipeline import audit_document

        if isinstance(item, AuditorError):
            return self._fail(str(item))
        try:
            result = audit_document(item, language=self.language, scoring=self.scoring)
        except AuditorError as error:
            return self._fail(str(error))
        except Exception as error:  # noqa: BLE001 - a bug on one odd document must not cost the others
            return self._fail(f"{item.origin}: cannot audit: {type(error).__name__}: {error}")
        for warning in result.article.warnings:
            _stderr("warning", f"{result.article.origin or spec}: {warning}")
        if self.printed and self.fmt in ("json", "html"):
            raise click.UsageError(f"--format {self.fmt} prints one article; use --format jsonl for several")
        try:  # rendered before it is stored: a report that fails stores nothing
            output = self._render(result)
            self._store(result)
        except AuditorError as error:  # an id stored already for other content
            return self._fail(str(error))
        except Exception as error:  # noqa: BLE001 - as above: one document, one line
            return self._fail(f"{item.origin}: cannot report or store: {type(error).__name__}: {error}")
        write_whole(output, for_terminal=self.fmt == "text")
        self.printed += 1

    def _fail(self, line: str) -> None:
        self.failures += 1
        _stderr("error", line)

    def _store(self, result: AuditResult) -> None:
        if self.db is None:
            return
        from .store.rows import article_rows
        from .store.sink import IdentityConflict, Refused, Run
        from .store.sqlite.sink import SqliteSink

        if self.sink is None:  # one scoring run per invocation, recorded once something is saved
            self.sink = SqliteSink(self.db)
            self.sink.begin(Run(self.scoring.rules, kind="audit", analyser_version=result.analyser_version,
                                outlets_hash=self.scoring.outlets.content_hash))
        # a database locked too long or full ends the command in one line (stored so far is kept)
        with _database_faults(self.db_path, self.db):
            (outcome,) = self.sink.save([article_rows(result)])
            if isinstance(outcome, Refused):
                raise outcome.error
        if isinstance(outcome, IdentityConflict):  # the first stays
            raise AuditorError(outcome.origin or outcome.article_id, outcome.message)

    def _render(self, result: AuditResult) -> list[str]:
        """The document's whole output, in pieces, to write at once (see write_whole)."""
        from .report.html import render_html
        from .report.json import iter_json, result_to_dict

        if self.fmt == "text":
            return [self._text_report(result)]
        if self.fmt == "html":
            return [render_html(result_to_dict(result))]
        return [*iter_json(result, indent=None if self.fmt == "jsonl" else 2), "\n"]

    def _text_report(self, result: AuditResult) -> str:
        """The report as the terminal would show it, rendered into a string as it goes:
        Console.capture() kept every rendered segment of a long article until the end."""
        from .report.text import render_text

        real = self.console
        shown = io.StringIO()
        render_text(result, Console(file=shown, width=real.width, force_terminal=real.is_terminal,
                                    color_system=real.color_system, highlight=False, soft_wrap=False))
        return shown.getvalue()


def write_whole(pieces: Sequence[str], *, for_terminal: bool = True) -> None:
    """One document's output written to the end, with Ctrl-C held until it is out:
    a reader of the JSON Lines never gets a cut line. JSON and HTML are UTF-8 files,
    whatever the terminal's encoding; a report for the terminal is in its encoding."""
    interrupted: list[int] = []
    # only where Ctrl-C would raise KeyboardInterrupt: an ignored SIGINT stays ignored
    holding = (threading.current_thread() is threading.main_thread()
               and signal.getsignal(signal.SIGINT) is signal.default_int_handler)
    previous = signal.signal(signal.SIGINT, lambda signum, frame: interrupted.append(signum)) if holding else None
    try:
        _write_all(pieces, for_terminal)
    except OSError as error:
        if error.errno == errno.EPIPE:
            raise  # the reader has gone (| head): click ends quietly
        raise AuditorError("<stdout>", f"cannot write: {error.strerror or error}") from None
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    if interrupted:
        raise KeyboardInterrupt


def _write_all(pieces: Sequence[str], for_terminal: bool) -> None:
    """Write to standard output's file descriptor directly, to the last byte: through
    the text stream a line longer than its 8 KiB buffer went out in two writes, and a
    process ended between them left a cut line."""
    stream = sys.stdout
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):  # not a file (tests capture it): the stream will do
        for piece in pieces:
            click.echo(piece, nl=False)
        return
    stream.flush()
    for piece in pieces:
        # in the terminal, a character its codec lacks is shown as its escape, never a traceback
        encoded = piece.encode(stream.encoding or "utf-8", "backslashreplace") if for_terminal else piece.encode()
        data = memoryview(encoded)
        while data:
            data = data[os.write(fd, data):]  # a signal between two writes is held by write_whole


def main() -> None:  # pragma: no cover - console entry point
    cli()


@cli.command("eval")
@click.argument("corpus", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--errors", "n_errors", type=int, default=0, show_default=True,
              help="Show the N most frequent missed and spurious cues and sources.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--pages", "pages", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of the HTML pages of a real-news gold file (repeatable).")
@click.option("--pronouns", "pronoun_files", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Pronoun gold for the corpus (tests/data/pronoun_gold/*.jsonl; repeatable): "
                   "also score pronoun resolution.")
def eval_command(corpus: Path, n_errors: int, fmt: str, pages: tuple[Path, ...],
                 pronoun_files: tuple[Path, ...]) -> None:
    """Score the tagger on a gold corpus.

    CORPUS is a JSON Lines file with gold attributions (de-wikinews,
    en-polnear format), a WikiWeasel CSV (text,label), or, with --pages,
    real-news gold (one page a line, sentence by sentence).  For real news,
    --errors N lists wrong-speaker cases first, then missed, then spurious, then wrong kinds,
    then up to N false and missed hedged sentences.

    \b
    Examples:
      auditor eval ../shared/eval/de-wikinews/dev.jsonl --errors 10
      auditor eval ../shared/eval/realnews-dev/de.jsonl --pages ../shared/eval/realnews-dev/pages
      auditor eval ../shared/eval/en-polnear/dev.jsonl --pronouns tests/data/pronoun_gold/en-polnear-dev.a.jsonl
    """
    import json

    from .evaluation.evaluate import evaluate
    from .evaluation.pronouns import pronoun_line, read_pronoun_gold
    from .evaluation.realnews import is_realnews

    if pages or is_realnews(corpus):
        if pronoun_files:
            raise click.UsageError("--pronouns scores a span corpus (JSON Lines with gold attributions), not real news")
        _eval_news(corpus, list(pages), n_errors, fmt)
        return
    try:
        pronoun_gold = read_pronoun_gold(pronoun_files) if pronoun_files else None
    except AuditorError as error:
        _stderr("error", str(error))
        sys.exit(1)
    data = _figures(partial(evaluate, corpus, pronoun_gold), n_errors)
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"{data['corpus']}: {data['documents']} documents, {data['sentences']} sentences, "
               f"{data['seconds']} s ({data['ms_per_1000_sentences']} ms per 1,000 sentences)")
    click.echo(f"{'figure':<24}{'precision':>10}{'recall':>10}{'F1':>10}{'gold':>8}{'predicted':>11}")
    for name, s in data["scores"].items():
        click.echo(f"{name:<24}{s['precision']:>10.3f}{s['recall']:>10.3f}{s['f1']:>10.3f}{s['gold']:>8}{s['predicted']:>11}")
    if "pronouns" in data:
        click.echo(pronoun_line(data["pronouns"]))
    for warning in data["warnings"]:
        click.echo(f"warning: {warning}")
    for name, rows in data.get("errors", {}).items():
        click.echo(f"\n{name}:")
        for row in rows:
            click.echo(f"  {row['count']:>4}  {row['text'][:50]:<50}  e.g. {row['example'][:140]}")
    for row in data.get("pronouns", {}).get("wrong", []):
        click.echo(f"  pronoun {row['pronoun']!r} in {row['doc']}: resolved to {row['resolved_to']!r}, "
                   f"gold {row['referent']!r}")


def _figures(evaluate_corpus, n_errors: int) -> dict:
    """An evaluation's figures, or exit 1 with one line saying why it could not run."""
    try:
        return evaluate_corpus().as_dict(n_errors)
    except AuditorError as error:
        _stderr("error", str(error))
        sys.exit(1)


def _eval_news(corpus: Path, pages: list[Path], n_errors: int, fmt: str) -> None:
    import json

    from .evaluation.realnews_scores import evaluate_news, text_lines

    if not pages:
        raise click.UsageError(f"{corpus} is real-news gold: give the folder of its pages with --pages DIR")
    data = _figures(partial(evaluate_news, corpus, pages), n_errors)
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(text_lines(data)))


@cli.command()
@click.option("--db", "db_path", type=click.Path(exists=True, path_type=Path), default=DEFAULT_DB,
              show_default=True, help="Audit database to browse.")
@click.option("--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, show_default=True,
              help="Port on 127.0.0.1.")
def serve(db_path: Path, port: int) -> None:
    """Browse an audit database in Datasette, read-only.

    Opens the database read-only with the project's metadata (db/metadata.yaml),
    canned queries and highlighting plugin; what a writer (auditor bulk) commits
    meanwhile shows on the next page.  Answers only requests addressed to
    127.0.0.1 or localhost.  Needs the browse extra: pip install 'auditor[browse]'.

    \b
    Example:
      auditor serve --db audit.db
    """
    import importlib.util

    if importlib.util.find_spec("datasette") is None:
        _stderr("error", "Datasette is not installed; install the browse extra: pip install 'auditor[browse]'")
        sys.exit(1)
    from .browse import check_database, database_url, make_datasette, run

    try:
        check_database(db_path)
    except AuditorError as error:
        _stderr("error", str(error))
        sys.exit(1)
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
    from .scoring.features import (
        ARTICLE_EXTRAS,
        SENTENCE_EXTRAS,
        ArticleFeatures,
        SentenceFeatures,
        feature_kind,
    )
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
@click.option("--db", "db_path", type=click.Path(exists=True, path_type=Path), default=DEFAULT_DB,
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
    from .store.sqlite.schema import retry_when_busy

    scoring = _load_scoring(rule_files, outlet_files)
    db = _open_db(db_path)
    try:
        with _database_faults(db_path, db):
            report = retry_when_busy(partial(rescore_articles, db, scoring, article_ids, origin=str(db_path)))
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
        click.echo(f"  {row.article_id:<20} {before:>18} -> {row.after:g}  {inert((row.title or '')[:50], one_line=True)}")


# --- bulk -------------------------------------------------------------------------


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", "db_path", type=click.Path(path_type=Path), default=DEFAULT_DB,
              show_default=True, help="SQLite database to store the results in.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes that analyse; 1 analyses in this process.  [default: all cores]")
@click.option("--lang", type=LanguageChoice(), default="auto", show_default=True,
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
    input failed, 3 stopped because a worker process died or the database
    stayed locked, 130 interrupted
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
    from .bulk import BulkOptions, ScoringFiles, run_bulk
    from .bulk_report import ProgressDisplay, print_failure, summary_text
    from .inputs import FetchConfig, count_documents
    from .store.sqlite.sink import SqliteSink

    _load_scoring(rule_files, outlet_files)  # check the rules before the database: bad rules change nothing
    _say_language_problems()
    options = BulkOptions(
        jobs=jobs, language=None if lang == "auto" else lang,
        scoring=ScoringFiles(rule_files, tuple(map(str, outlet_files))), batch_size=batch_size,
        fetch=FetchConfig(read_timeout=timeout), concurrency=concurrency, per_host=per_host, cache_dir=cache_dir,
    )  # fmt: skip
    console = Console(stderr=True, highlight=False)
    show_progress = console.is_terminal if progress is None else progress
    stdin = sys.stdin.buffer if "-" in inputs else None
    db = _open_db(db_path)
    sink = SqliteSink(db)
    with _database_faults(db_path, db):
        if show_progress:
            with ProgressDisplay(console) as display:
                threading.Thread(target=lambda: display.set_total(count_documents(inputs)), daemon=True).start()
                summary = run_bulk(inputs, sink, options, stdin=stdin, on_progress=display.update,
                                   on_error=None if quiet else display.error)
                display.update(summary, force=True)
        else:
            summary = run_bulk(inputs, sink, options, stdin=stdin,
                               on_error=None if quiet else lambda failure: print_failure(failure, console))
    click.echo(summary_text(summary))
    if summary.interrupted:
        sys.exit(130)
    if summary.aborted:
        sys.exit(3)
    if summary.failed:
        sys.exit(1)
