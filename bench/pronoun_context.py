"""Annotation aid for tests/data/pronoun_gold (not shipped in the package).

Show: for each gold pronoun source of a corpus split (documents FIRST-LAST in
file order), the document's multi-word names once, then per pronoun the
preceding four sentences and the pronoun's sentence with the pronoun marked,
and the gold sources before it (candidate mentions).

    python bench/pronoun_context.py show ../shared/eval/en-polnear/dev.jsonl 1 42 [--from N] [--to M]

Write: turn a decisions file (kept outside the repository: it may quote words of
the corpus) into the offsets-only gold file.  One decision a line, ``CASE CHOICE``:
``CASE "Hillary Clinton"`` (capitalised: class named, the first occurrence in the
document), ``CASE "a campaign operative"`` (lower case: class description, the
last occurrence before the pronoun), a suffix ``:n`` / ``:d`` / ``:c`` to set the
class (``:c`` cataphora: the first occurrence after the pronoun), ``@OFFSET`` to
fix the occurrence, or ``CASE none``.

    python bench/pronoun_context.py write ../shared/eval/en-polnear/dev.jsonl 1 42 DECISIONS OUT.jsonl
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

PRONOUNS = frozenset("he she they it we i you him her them us me er sie es wir ich man ihr du".split())
# sentence starts and function words that are no names when capitalised
NOT_NAMES = frozenset("""The A An But And In On At For It He She They We I This That These Those His Her Their
Its Our If When While As After Before Some Many Most No Not So Yet Or Also Still Then There Here What Who Why How
Mr Mrs Ms Dr Read Sources Officials Meanwhile However Now One Last According Asked Speaking Under With""".split())
NAME = re.compile(r"(?:[A-Z][\w'’-]*|[A-Z]\.)(?: (?:of|the|de|von|van|for|&|[A-Z][\w'’-]*|[A-Z]\.))*")
SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+|\n+")


def load(path: Path, first: int, last: int) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle if line.strip()]
    return docs[first - 1:last]


def cases(docs: list[dict]) -> list[tuple[dict, int, int]]:
    """(document, start, end) of every gold source that is one personal pronoun, in document order."""
    out = []
    for doc in docs:
        spans = sorted({tuple(a["source"][0]) for a in doc["attributions"] if len(a["source"]) == 1
                        and doc["text"][a["source"][0][0]:a["source"][0][1]].lower() in PRONOUNS})
        out.extend((doc, s, e) for s, e in spans)
    return out


def sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in SENTENCE_END.finditer(text)]


def names(text: str, end: int) -> list[tuple[int, int, str]]:
    """First occurrence of each capitalised name before ``end`` (trailing function words cut)."""
    seen: dict[str, tuple[int, int, str]] = {}
    for m in NAME.finditer(text, 0, end):
        words = re.sub(r"(?: (?:of|the|de|von|van|for|&))+$", "", m.group()).rstrip("’'")
        if words.split()[0] in NOT_NAMES and len(words.split()) == 1:
            continue
        seen.setdefault(words, (m.start(), m.start() + len(words), words))
    return sorted(seen.values())


def sources_before(doc: dict, start: int) -> list[tuple[int, int, str]]:
    text = doc["text"]
    found = {(s, e, text[s:e]) for a in doc["attributions"] for s, e in a["source"] if e <= start}
    return sorted(f for f in found if f[2].lower() not in PRONOUNS | {"who", "which", "that"})


def show(docs: list[dict], lo: int, hi: int) -> None:
    last_doc = None
    for number, (doc, start, end) in enumerate(cases(docs), 1):
        if not lo <= number <= hi:
            continue
        text = doc["text"]
        if doc["id"] != last_doc:
            last_doc = doc["id"]
            print(f"\n##### DOC {doc['id'][:70]}  NAMES: "
                  + " | ".join(w for _s, _e, w in names(text, len(text)) if " " in w))
        starts = [s for s in sentence_starts(text) if s <= start]
        here = starts[-1]
        context_from = starts[-5] if len(starts) >= 5 else 0
        stop = next((s for s in sentence_starts(text) if s > end), len(text))
        print(f"\n=== CASE {number}  {text[start:end]!r} {start}-{end}")
        print("  " + " ".join(text[context_from:here].split())[-900:])
        print("  >> " + " ".join((text[here:start] + "[[" + text[start:end] + "]]" + text[end:stop]).split()))
        print("   src: " + " | ".join(w for _s, _e, w in sources_before(doc, start)[-8:]))


def _locate(text: str, words: str, start: int, end: int, cls: str) -> int:
    """Named: the first occurrence (the full name as first given); cataphora: the first after the
    pronoun; description: the last before it."""
    if cls == "cataphora":
        return text.index(words, end)
    position = text.index(words) if cls == "named" else text.rindex(words, 0, start)
    if position + len(words) > start:
        raise ValueError(f"{words!r} does not occur before the pronoun at {start}")
    return position


def decide(doc: dict, start: int, end: int, choice: str) -> dict:
    row = {"doc": doc["id"], "pronoun": [start, end], "referent": None, "class": "none"}
    if choice == "none":
        return row
    match = re.fullmatch(r'"(.+)"(?::([dnc]))?(?:@(\d+))?', choice)
    if not match:
        raise ValueError(f"bad decision {choice!r}")
    words, flag, at = match.groups()
    cls = {"d": "description", "n": "named", "c": "cataphora"}.get(flag or "",
                                                                   "description" if words[0].islower() else "named")
    position = int(at) if at else _locate(doc["text"], words, start, end, cls)
    assert doc["text"][position:position + len(words)] == words
    row["referent"] = [position, position + len(words)]
    row["class"] = cls
    return row


def write(docs: list[dict], decisions: Path, out: Path) -> None:
    chosen = {}
    for line in decisions.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            number, choice = line.split(None, 1)
            chosen[int(number)] = choice.strip()
    rows = [decide(doc, s, e, chosen[n]) for n, (doc, s, e) in enumerate(cases(docs), 1) if n in chosen]
    missing = [n for n in range(1, len(cases(docs)) + 1) if n not in chosen]
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} written, {len(missing)} cases undecided: {missing[:20]}", file=sys.stderr)


def main(argv: list[str]) -> None:
    command, corpus, first, last, *rest = argv
    docs = load(Path(corpus), int(first), int(last))
    if command == "show":
        lo = int(rest[rest.index("--from") + 1]) if "--from" in rest else 1
        hi = int(rest[rest.index("--to") + 1]) if "--to" in rest else 10 ** 6
        show(docs, lo, hi)
    else:
        write(docs, Path(rest[0]), Path(rest[1]))


if __name__ == "__main__":
    main(sys.argv[1:])
