"""The terminal report of an audit (rich): the sentences with their spans styled,
what each says of its sources and hedging, the summary, sources and score."""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from auditor.models import AuditResult, TaggedSentence
from auditor.summary import summarise
from auditor.terminal import inert, inert_offsets

from .common import SUMMARY_ROWS, points_text, sentence_numbers, status_note

LEVEL_STYLE = {"none": "dim", "low": "yellow", "medium": "dark_orange", "high": "bold red"}
KIND_STYLE = {
    "person": "cyan", "organization": "blue", "outlet": "magenta", "document": "green",
    "anonymous": "bold red", "vague": "red", "pronoun": "cyan",
}
STYLE_SOURCE = "bold cyan"
STYLE_CUE = "bold yellow"
STYLE_VIA = "bold magenta"
STYLE_HEDGE = "underline red"


def hit_lines(s: TaggedSentence) -> list[Text]:
    """One dim line per rule hit under a sentence of the terminal report."""
    return [Text(inert(f"{points_text(h.points):>4}  {h.message}  [{h.rule_id}]"),
                 style="dim red" if h.points > 0 else "dim green") for h in s.rule_hits]


def score_table(result: AuditResult) -> Table:
    """The breakdown: every rule that hit, its points and the sentences (numbered as in the report)."""
    score = result.score
    numbers = sentence_numbers((s.index, s.is_heading) for s in result.sentences)
    table = Table(title=f"Score {score.value:g} / 100  (rule set {score.rule_set})", title_justify="left")
    table.add_column("rule")
    table.add_column("hits", justify="right")
    table.add_column("points", justify="right")
    table.add_column("sentences")
    for row in score.breakdown:
        where = ", ".join(numbers.get(i, str(i)) for i in row.examples) if row.scope == "sentence" else "article"
        if row.count > len(row.examples) and row.scope == "sentence":
            where += ", …"
        table.add_row(Text(inert(f"{row.rule_id}\n{row.description}")), str(row.count), points_text(row.points), where)
    for hit in score.article_hits:
        table.add_row(Text(inert(f"  {hit.message}"), style="dim"), "", "", "")
    if not score.breakdown:
        table.add_row(Text("no rule hit", style="dim"), "", "", "")
    return table


def highlighted(s: TaggedSentence) -> Text:
    """The sentence, made inert, with source, cue, via and hedge spans styled
    (rich escapes markup, not control characters)."""
    shown, where = inert_offsets(s.text)
    text = Text(shown)
    offset = s.start

    def mark(span, style: str) -> None:
        start, end = span.start - offset, span.end - offset
        if 0 <= start < end <= len(s.text):  # carried-over sources point into earlier sentences
            text.stylize(style, where[start], where[end])

    for h in s.hedges:
        for part in h.parts or (h,):
            mark(part, STYLE_HEDGE)
    for a in s.attributions:
        if a.source:
            mark(a.source, STYLE_SOURCE)
        for part in a.cue_parts or ((a.cue,) if a.cue else ()):
            mark(part, STYLE_CUE)
        for v in a.via:
            mark(v, STYLE_VIA)
    return text


def _describe(s: TaggedSentence) -> Text:
    line = Text()
    if not s.attributions:
        line.append("unattributed", style="dim italic")
    for n, a in enumerate(s.attributions):
        if n:
            line.append("  |  ")
        if a.source:
            line.append(inert(a.source.text), style=KIND_STYLE.get(a.source.kind, ""))
            line.append(f" ({a.source.kind}")
            if a.source.resolved_to:
                line.append(f" → {inert(a.source.resolved_to)}")
            line.append(")")
        else:
            line.append("no named source", style="italic")
        if a.cue:
            cue = " … ".join(p.text for p in a.cue_parts) if a.cue_parts else a.cue.text
            line.append(f'  cue "{inert(cue)}"', style="yellow")
        if a.via:
            line.append("  via " + ", ".join(inert(v.text) for v in a.via), style="magenta")
        if a.mode in ("carried_over", "direct_quote"):
            line.append(f"  [{a.mode.replace('_', ' ')}]", style="dim")
    line.append("   hedging: ")
    line.append(s.hedge_level, style=LEVEL_STYLE[s.hedge_level])
    if s.hedges:
        # a speaker's hedge (inside a quotation) is shown, marked, but not in the level
        line.append(" (" + ", ".join(f'"{inert(h.text)}{" …" if h.parts else ""}" {h.kind}'
                                     + (" [quoted]" if h.voice == "quoted" else "") for h in s.hedges) + ")")
    return line


ROWS_PER_TABLE = 100  # sentences rendered at a time: a long article is never one table in memory


def _sentence_tables(sentences: tuple[TaggedSentence, ...]) -> Iterator[Table]:
    """The numbered sentences as grids of ROWS_PER_TABLE rows, each as wide as the
    console and with the number column as wide as the largest number, so they
    print as one table would."""
    number_width = len(str(sum(not s.is_heading for s in sentences)))
    number = 0
    for first in range(0, len(sentences), ROWS_PER_TABLE):
        body = Table.grid(padding=(0, 1), expand=True)
        body.add_column(justify="right", style="bold", no_wrap=True, min_width=number_width)
        body.add_column(ratio=1)
        for s in sentences[first:first + ROWS_PER_TABLE]:
            if s.is_heading:
                body.add_row("§", Padding(Text(inert(s.text), style="bold"), (0, 0, 1, 0)))
                continue
            number += 1
            body.add_row(str(number), Padding(Group(highlighted(s), Padding(_describe(s), (0, 0, 0, 2)),
                                                    *(Padding(line, (0, 0, 0, 2)) for line in hit_lines(s))),
                                              (0, 0, 1, 0)))
        yield body


def render_text(result: AuditResult, console: Console) -> None:
    article = result.article
    title = article.title or article.origin or article.id
    console.print(Text(inert(title, one_line=True), style="bold underline"))
    meta = [f"language {article.language}"]
    if article.outlet:
        meta.append(f"outlet {article.outlet}")
    if article.published:
        meta.append(f"published {article.published}")
    if article.url:
        meta.append(article.url)
    console.print(Text(inert(" · ".join(meta), one_line=True), style="dim"))
    if note := status_note(article.status, article.language):
        console.print(Text(inert(note, one_line=True), style="bold yellow"))
    console.print(Text.assemble("legend: ", ("source", STYLE_SOURCE), "  ", ("cue", STYLE_CUE), "  ",
                                ("via", STYLE_VIA), "  ", ("hedge", STYLE_HEDGE)), style="dim")
    console.print()
    for body in _sentence_tables(result.sentences):
        console.print(body)
    summary = summarise(result)
    table = Table(title="Summary", show_header=False, box=None)
    for label, field in SUMMARY_ROWS:
        value = getattr(summary, field)
        share = f"{value / summary.sentences:.0%}" if summary.sentences and field != "sentences" else ""
        table.add_row(label, str(value), share)
    sources = Table(title="Sources", show_lines=False)
    sources.add_column("source")
    sources.add_column("kind")
    sources.add_column("sentences", justify="right")
    for src in summary.sources:
        sources.add_row(Text(inert(src.name, one_line=True)), Text(src.kind, style=KIND_STYLE.get(src.kind, "")),
                        str(src.sentences))
    console.print(Group(table, Text(), sources))
    if result.score is not None:
        console.print()
        console.print(score_table(result))
    for warning in article.warnings:
        console.print(Text(f"warning: {inert(warning, one_line=True)}", style="yellow"))
