"""The HTML report: one self-contained page per audited article.

``auditor audit ARTICLE --format html > report.html``.  The page works from
the JSON shape (:func:`auditor.report.json.result_to_dict`), so a saved JSON audit
renders the same way, and fields added to that shape later (the article
``score``, per-sentence ``rule_hits``) show up when present and are simply
left out when not.

Everything taken from the article - text, title, outlet, URL, source names -
is escaped.  The page loads nothing from outside (styles are inline, no
scripts, no images), and its Content-Security-Policy forbids scripts, so even
a mistake in escaping could not run one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any
from urllib.parse import urlsplit

from .common import SUMMARY_ROWS, points_text, sentence_numbers, status_note
from .highlight import HIGHLIGHT_CSS, highlight_html, legend_html, sentence_marks

CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'"

PAGE_CSS = """\
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 48rem; padding: 1rem; font: 1.05rem/1.55 system-ui, sans-serif;
       color: #1d1d1f; background: #fff; overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: .2em 0; }
h2 { font-size: 1.2rem; margin: 1.6em 0 .4em; border-bottom: 1px solid #ddd; }
.meta, .describe, footer { color: #555; font-size: .9rem; }
.sentence { display: flex; gap: .6rem; margin: 0 0 1rem; }
.sentence .n { flex: 0 0 1.8rem; text-align: right; font-weight: 600; color: #777; }
.sentence .body { flex: 1; min-width: 0; }
.sentence.heading .body { font-weight: 700; }
.describe { margin: .2rem 0 0; }
.level-none { color: #777; } .level-low { color: #9a6b00; }
.level-medium { color: #c2410c; } .level-high { color: #b91c1c; font-weight: 700; }
.rule-hits { margin: .2rem 0 0; padding-left: 1.2rem; font-size: .9rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #eee; vertical-align: top; }
th, td { overflow-wrap: break-word; }  /* anywhere would squeeze columns to a letter */
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.score-total { font-size: 1.4rem; font-weight: 700; }
"""


def render_html(data: Mapping[str, Any]) -> str:
    """The whole page for one audit in the JSON shape."""
    article = data.get("article") or {}
    title = article.get("title") or article.get("origin") or article.get("id") or "Audit"
    sentences = data.get("sentences") or ()
    numbers = sentence_numbers((s["index"], bool(s.get("is_heading"))) for s in sentences)
    sections = [
        _header(article, title),
        _summary(data.get("summary") or {}),
        _score(article.get("score"), numbers),
        _sentences(sentences, numbers),
        _sources((data.get("summary") or {}).get("sources") or ()),
        _footer(data, article),
    ]
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(_lang(article.get("language")))}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
        f"<title>Audit: {escape(title)}</title>\n"
        f"<style>\n{PAGE_CSS}{HIGHLIGHT_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(section for section in sections if section)
        + "\n</body>\n</html>\n"
    )


def _lang(language: str | None) -> str:
    return language if language and language.isalpha() and len(language) <= 8 else "und"


def _link(url: str) -> str:
    """A link for http(s) URLs only: a ``javascript:`` URL from a page stays text."""
    if urlsplit(url).scheme.lower() in ("http", "https"):
        return f'<a href="{escape(url)}" rel="noreferrer">{escape(url)}</a>'
    return escape(url)


def _header(article: Mapping[str, Any], title: str) -> str:
    meta = [f"language {escape(str(article.get('language') or 'unknown'))}"]
    for label in ("outlet", "author", "published"):
        if article.get(label):
            meta.append(f"{label} {escape(str(article[label]))}")
    if article.get("url"):
        meta.append(_link(str(article["url"])))
    note = status_note(article.get("status"), article.get("language"))
    status = f'\n<p class="status"><strong>{escape(note)}</strong></p>' if note else ""
    return f'<header>\n<h1>{escape(title)}</h1>\n<p class="meta">{" · ".join(meta)}</p>{status}\n</header>'


def _summary(summary: Mapping[str, Any]) -> str:
    claims = summary.get("sentences") or 0
    rows = []
    for label, field in SUMMARY_ROWS:
        value = summary.get(field, 0)
        share = f"{value / claims:.0%}" if claims and field != "sentences" else ""
        rows.append(f'<tr><th scope="row">{escape(label)}</th><td class="num">{value}</td>'
                    f'<td class="num">{share}</td></tr>')
    return '<section id="summary">\n<h2>Summary</h2>\n<div class="scroll"><table>\n' + "\n".join(rows) + "\n</table></div>\n</section>"


def _score(score: Mapping[str, Any] | None, numbers: Mapping[int, str]) -> str:
    """The score and what each rule took off; nothing for an article that was not scored."""
    if not score:
        return ""
    value = score.get("value")
    total = f"{value:g}" if isinstance(value, (int, float)) else str(value)
    head = f'<p><span class="score-total">{escape(total)} / 100</span>'
    if score.get("rule_set"):
        head += f' <span class="meta">rule set {escape(str(score["rule_set"]))}</span>'
    head += "</p>"
    if score.get("scale"):
        head += f'\n<p class="meta">{escape(str(score["scale"]))}</p>'
    rows = [_breakdown_row(row, numbers) for row in score.get("breakdown") or ()]
    table = ('<div class="scroll"><table>\n<tr><th>rule</th><th class="num">hits</th>'
             '<th class="num">points</th><th>where</th></tr>\n' + "\n".join(rows) + "\n</table></div>"
             if rows else "<p>No rule hit.</p>")
    return f'<section id="score">\n<h2>Score</h2>\n{head}\n{table}\n{_rule_hits(score.get("article_hits"))}</section>'


def _breakdown_row(row: Mapping[str, Any], numbers: Mapping[int, str]) -> str:
    """One rule of the breakdown, its example sentences linked to where they stand."""
    examples = row.get("examples") or ()
    if row.get("scope") == "sentence":
        where = ", ".join(f'<a href="#s{int(e["index"])}">{escape(numbers.get(e["index"], str(e["index"])))}</a>'
                          for e in examples)
        if row.get("count", 0) > len(examples):
            where += ", …"
    else:
        where = "article"
    return (f'<tr><td><b>{escape(str(row.get("rule", "")))}</b><br>{escape(str(row.get("description", "")))}</td>'
            f'<td class="num">{escape(str(row.get("count", "")))}</td>'
            f'<td class="num">{escape(points_text(row.get("points", 0)))}</td><td>{where}</td></tr>')


def _sentences(sentences: Sequence[Mapping[str, Any]], numbers: Mapping[int, str]) -> str:
    items = []
    for s in sentences:
        text = highlight_html(s["text"], sentence_marks(s), offset=s["start"])
        number = numbers[s["index"]]
        if s.get("is_heading"):
            items.append(f'<div class="sentence heading"><span class="n">{number}</span><div class="body">{text}</div></div>')
            continue
        items.append(
            f'<div class="sentence" id="s{int(s["index"])}"><span class="n">{number}</span><div class="body">'
            f"{text}\n{_describe(s)}{_rule_hits(s.get('rule_hits'))}</div></div>"
        )
    return (f'<section id="audit">\n<h2>The article, sentence by sentence</h2>\n{legend_html()}\n'
            + "\n".join(items) + "\n</section>")


def _source_label(source: Mapping[str, Any]) -> str:
    name = source.get("resolved_to") or source.get("text") or ""
    return f"{escape(name)} ({escape(str(source.get('kind', '')))})"


def _describe(s: Mapping[str, Any]) -> str:
    """Who says so and how sure the sentence is, in words."""
    parts = []
    for a in s.get("attributions") or ():
        words = [_source_label(a["source"]) if a.get("source") else "<i>no named source</i>"]
        cue_parts = a.get("cue_parts") or ([a["cue"]] if a.get("cue") else [])
        if cue_parts:
            words.append("cue “" + escape(" … ".join(part["text"] for part in cue_parts)) + "”")
        if a.get("via"):
            words.append("via " + ", ".join(_source_label(v) for v in a["via"]))
        if a.get("mode") in ("carried_over", "direct_quote"):
            words.append(f"[{escape(a['mode'].replace('_', ' '))}]")
        parts.append(" ".join(words))
    who = " | ".join(parts) if parts else "<i>unattributed</i>"
    level = str(s.get("hedge_level") or "none")
    hedges = ", ".join(f"“{escape(h['text'])}{' …' if h.get('parts') else ''}” {escape(str(h.get('kind', '')))}"
                       + (" [quoted]" if h.get("voice") == "quoted" else "") for h in s.get("hedges") or ())
    how = f'hedging: <span class="level-{escape(level)}">{escape(level)}</span>' + (f" ({hedges})" if hedges else "")
    return f'<p class="describe">{who} — {how}</p>'


def _rule_hits(hits: Sequence[Mapping[str, Any]] | None) -> str:
    """Each hit as the terminal report shows it: points, message, [rule]."""
    if not hits:
        return ""
    items = "".join(f'<li><b>{escape(points_text(hit.get("points", 0)))}</b> {escape(str(hit.get("message", "")))}'
                    f' <span class="meta">[{escape(str(hit.get("rule", "")))}]</span></li>' for hit in hits)
    return f'<ul class="rule-hits">{items}</ul>'


def _sources(sources: Sequence[Mapping[str, Any]]) -> str:
    if not sources:
        return '<section id="sources">\n<h2>Sources</h2>\n<p>No source is named.</p>\n</section>'
    rows = "\n".join(
        f'<tr><td>{escape(str(src.get("name", "")))}</td><td>{escape(str(src.get("kind", "")))}</td>'
        f'<td class="num">{escape(str(src.get("sentences", "")))}</td></tr>'
        for src in sources
    )
    return ('<section id="sources">\n<h2>Sources</h2>\n<div class="scroll"><table>\n'
            '<tr><th>source</th><th>kind</th><th class="num">sentences</th></tr>\n'
            f"{rows}\n</table></div>\n</section>")


def _footer(data: Mapping[str, Any], article: Mapping[str, Any]) -> str:
    lines = [f"<p>warning: {escape(str(w))}</p>" for w in article.get("warnings") or ()]
    version = data.get("analyser_version")
    if version:
        lines.append(f"<p>auditor analyser {escape(str(version))}</p>")
    return "<footer>\n" + "\n".join(lines) + "\n</footer>" if lines else ""
