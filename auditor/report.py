"""Reports of an audit: a readable terminal view, JSON and JSON Lines.

The JSON shape is a contract (see README, "JSON output"): fields may be added,
the documented ones stay.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from .models import SCHEMA_VERSION, AuditResult, RuleHit, TaggedSentence
from .summary import source_name, summarise
from .terminal import inert, inert_offsets, json_inert

LEVEL_STYLE = {"none": "dim", "low": "yellow", "medium": "dark_orange", "high": "bold red"}
KIND_STYLE = {
    "person": "cyan", "organization": "blue", "outlet": "magenta", "document": "green",
    "anonymous": "bold red", "vague": "red", "pronoun": "cyan",
}
STYLE_SOURCE = "bold cyan"
STYLE_CUE = "bold yellow"
STYLE_VIA = "bold magenta"
STYLE_HEDGE = "underline red"
# (label, Summary field) of each row of the summary table, in every report format.
SUMMARY_ROWS = (
    ("claims (sentences)", "sentences"), ("attributed", "attributed"), ("anonymous sources", "anonymous"),
    ("vague sources", "vague"), ("hedged", "hedged"), ("unattributed", "unattributed"),
)


def status_note(status: str | None, language: str | None) -> str | None:
    """What every report says of an article no grammar analysed; None for an analysed one."""
    if status != "unsupported_language":
        return None
    if language in (None, "", "unknown"):
        return "could not detect the language: stored without analysis, not scored"
    return f"unsupported language {language!r}: stored without analysis, not scored"


# --- JSON -----------------------------------------------------------------


def _span(span) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"text": span.text, "start": span.start, "end": span.end}


def _source(src) -> dict[str, Any] | None:
    if src is None:
        return None
    data = {**_span(src), "kind": src.kind}
    if src.resolved_to is not None:
        data["resolved_to"] = src.resolved_to
    return data


def sentence_to_dict(s: TaggedSentence) -> dict[str, Any]:
    return {
        "index": s.index, "start": s.start, "end": s.end, "text": s.text,
        "is_heading": s.is_heading, "paragraph": s.paragraph, "has_quote": s.has_quote,
        "attributions": [
            {"source": _source(a.source), "cue": _span(a.cue),
             "cue_parts": [_span(p) for p in a.cue_parts],
             "via": [_source(v) for v in a.via], "mode": a.mode}
            for a in s.attributions
        ],
        "hedges": [{**_span(h), "kind": h.kind, "weight": h.weight,
                    "parts": [_span(p) for p in h.parts]} for h in s.hedges],
        "hedge_level": s.hedge_level,
        "rule_hits": [hit_to_dict(h) for h in s.rule_hits],
    }


def result_to_dict(result: AuditResult) -> dict[str, Any]:
    return {**_result_head(result), "sentences": [sentence_to_dict(s) for s in result.sentences]}


def _result_head(result: AuditResult) -> dict[str, Any]:
    """Everything of result_to_dict but the sentences (the last key)."""
    article = result.article
    return {
        "schema_version": SCHEMA_VERSION,
        "article": {
            "id": article.id, "title": article.title, "url": article.url, "outlet": article.outlet,
            "domain": article.domain, "author": article.author, "published": article.published,
            "language": article.language, "status": article.status, "origin": article.origin,
            "content_hash": article.content_hash, "warnings": list(article.warnings),
            "text": article.text,
            "score": score_to_dict(result),
        },
        "analyser_version": result.analyser_version,
        "summary": summarise(result).model_dump(),
    }


def to_json(result: AuditResult, *, indent: int | None = 2) -> str:
    return "".join(iter_json(result, indent=indent))


def iter_json(result: AuditResult, *, indent: int | None = 2) -> Iterator[str]:
    """The text of to_json in pieces, one per sentence, to write as they come: the
    dict of every sentence and the encoder's pieces of the whole took about 45 MB
    per MB of article text. Each sentence is encoded alone and indented to its level
    (an encoded string holds no raw newline, so every newline is the encoder's)."""
    head = json_inert(json.dumps({**_result_head(result), "sentences": []}, ensure_ascii=False, indent=indent))
    if not result.sentences:
        yield head
        return
    empty_end = "[]\n}" if indent is not None else "[]}"
    yield head[: -len(empty_end)] + "["
    inner = "\n" + " " * (2 * indent) if indent is not None else ""
    separator = "," + inner if indent is not None else ", "
    for i, s in enumerate(result.sentences):
        item = json_inert(json.dumps(sentence_to_dict(s), ensure_ascii=False, indent=indent))
        yield (separator if i else inner) + item.replace("\n", inner)
    yield "\n" + " " * indent + "]\n}" if indent is not None else "]}"


# --- scores (auditor.scoring) -------------------------------------------------

SCORE_SCALE = "0-100: 100 minus the points of every rule hit, each rule at most its cap"


def hit_to_dict(hit: RuleHit) -> dict[str, Any]:
    return {"rule": hit.rule_id, "points": hit.points, "message": hit.message}


def score_to_dict(result: AuditResult) -> dict[str, Any] | None:
    """``article.score`` of the JSON: value, rule set, and a breakdown row per rule that hit."""
    score = result.score
    if score is None:
        return None
    texts = {s.index: s.text for s in result.sentences}
    return {
        "value": score.value, "scale": SCORE_SCALE, "rule_set": score.rule_set,
        "rule_set_hash": score.rule_set_hash, "outlets_hash": score.outlets_hash,
        "breakdown": [
            {"rule": row.rule_id, "description": row.description, "scope": row.scope, "count": row.count,
             "points": row.points, "examples": [{"index": i, "text": texts.get(i, "")} for i in row.examples]}
            for row in score.breakdown
        ],
        "article_hits": [hit_to_dict(h) for h in score.article_hits],
    }


def _points(points: float) -> str:
    """Points as the score sees them: a penalty of 5 shows as −5, a bonus of 2 as +2."""
    return f"−{points:g}" if points > 0 else f"+{-points:g}"


def hit_lines(s: TaggedSentence) -> list[Text]:
    """One dim line per rule hit under a sentence of the terminal report."""
    return [Text(inert(f"{_points(h.points):>4}  {h.message}  [{h.rule_id}]"),
                 style="dim red" if h.points > 0 else "dim green") for h in s.rule_hits]


def score_table(result: AuditResult) -> Table:
    """The breakdown: every rule that hit, its points and the sentences (numbered as in the report)."""
    score = result.score
    numbers: dict[int, str] = {}  # Sentence.index -> its number in the report (headings are "§")
    claims = 0
    for s in result.sentences:
        claims += not s.is_heading
        numbers[s.index] = "§" if s.is_heading else str(claims)
    table = Table(title=f"Score {score.value:g} / 100  (rule set {score.rule_set})", title_justify="left")
    table.add_column("rule")
    table.add_column("hits", justify="right")
    table.add_column("points", justify="right")
    table.add_column("sentences")
    for row in score.breakdown:
        where = ", ".join(numbers.get(i, str(i)) for i in row.examples) if row.scope == "sentence" else "article"
        if row.count > len(row.examples) and row.scope == "sentence":
            where += ", …"
        table.add_row(Text(inert(f"{row.rule_id}\n{row.description}")), str(row.count), _points(row.points), where)
    for hit in score.article_hits:
        table.add_row(Text(inert(f"  {hit.message}"), style="dim"), "", "", "")
    if not score.breakdown:
        table.add_row(Text("no rule hit", style="dim"), "", "", "")
    return table


# --- terminal ---------------------------------------------------------------


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
        line.append(" (" + ", ".join(f'"{inert(h.text)}{" …" if h.parts else ""}" {h.kind}' for h in s.hedges) + ")")
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


__all__ = [
    "highlighted",
    "hit_to_dict",
    "render_text",
    "result_to_dict",
    "score_table",
    "score_to_dict",
    "sentence_to_dict",
    "source_name",
    "to_json",
    "iter_json",
]
