"""Throwaway helper for annotating pronoun gold (issue #13): shows each gold pronoun source in context,
turns hand-written decisions into offset-only JSON Lines, and validates the result.

A case is every gold attribution whose source is a single personal pronoun (any case form; possessives
such as his/its are not pronoun sources), in the corpus file's order; two attributions sharing one pronoun
span give two rows. The decisions file stays OUTSIDE the repository (it quotes corpus words); the JSON Lines written from it
hold document ids and offsets only.

  show CORPUS FIRST LAST          print pronoun sources of documents FIRST..LAST (1-based, file order)
  apply CORPUS DECISIONS OUT      write OUT from DECISIONS (one line per case, same order as `show`)
  check CORPUS OUT                validate OUT against the corpus

A decision line is `key<TAB>decision`, key = doc:start (as printed by `show`); decision is one of
  n:<words>     named; the FIRST occurrence of <words> before the pronoun
  d:<words>     description; the LAST occurrence of <words> before the pronoun
  c:<words>     cataphora; the first occurrence of <words> after the pronoun
  none          generic, unresolvable, the writer's own I/we, no antecedent
<words> may end in `@k` to take the k-th occurrence (1-based, counted from the start of the text).
"""

from __future__ import annotations

import json
import re
import sys

PRONOUNS = {"he", "him", "she", "her", "they", "them", "it", "we", "us", "i", "me", "you",
            "er", "sie", "es", "wir", "ich", "man", "ihr"}
NAME = re.compile(r"(?:[A-ZÄÖÜ][\w’'.-]*\s+){1,4}[A-ZÄÖÜ][\w’'-]+")


def documents(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def cases(docs: list[dict], first: int = 1, last: int = 10**9):
    """(document number, document, pronoun span) for every pronoun source, in file order."""
    for number, doc in enumerate(docs, 1):
        if not first <= number <= last:
            continue
        for attribution in doc["attributions"]:
            spans = attribution["source"]
            words = " ".join(doc["text"][s:e] for s, e in spans).lower()
            if len(spans) == 1 and words in PRONOUNS:
                yield number, doc, tuple(spans[0])


def split(text: str) -> list[list[int]]:
    """Rough sentence spans for corpora that come without them."""
    starts = [0] + [m.end() for m in re.finditer(r"(?<=[.!?\u201d\"'])\s+(?=[\u201c\"A-Z])|\n+", text)]
    return [[a, b] for a, b in zip(starts, starts[1:] + [len(text)])]


def show(docs: list[dict], first: int, last: int) -> None:
    seen = set()
    for number, doc, (start, end) in cases(docs, first, last):
        text = doc["text"]
        if (doc["id"], start) in seen:
            print(f"=== #{number} {doc['id']}:{start}  (the same span again)\n")
            continue
        seen.add((doc["id"], start))
        bounds = doc["sentences"] or split(text)
        sentences = [s for s in bounds if s[0] <= start]
        begin = sentences[-5][0] if len(sentences) >= 5 else 0
        stop = next((s[1] for s in bounds if s[0] <= start < s[1]), end + 200)
        names = {}
        for match in NAME.finditer(text[:start]):
            names.setdefault(match.group(0), match.start())
        print(f"=== #{number} {doc['id']}:{start}  «{text[start:end]}»")
        print("   names:", "; ".join(names))
        print(text[begin:start] + "[[" + text[start:end] + "]]" + text[end:stop])
        print()


def locate(text: str, words: str, start: int, mode: str) -> list[int]:
    nth = None
    if re.search(r"@\d+$", words):
        words, nth = words.rsplit("@", 1)
    hits = [m.start() for m in re.finditer(re.escape(words), text)]
    if nth is not None:
        hit = hits[int(nth) - 1]
    elif mode == "n":
        hit = next(h for h in hits if h + len(words) <= start)
    elif mode == "d":
        hit = [h for h in hits if h + len(words) <= start][-1]
    else:
        hit = next(h for h in hits if h >= start)
    return [hit, hit + len(words)]


def apply(docs: list[dict], decisions_path: str, out_path: str) -> None:
    with open(decisions_path, encoding="utf-8") as handle:
        lines = [line.rstrip("\n").split("\t", 1) for line in handle if line.strip() and not line.startswith("#")]
    classes = {"n": "named", "d": "description", "c": "cataphora"}
    rows, pending = [], list(lines)
    for _number, doc, (start, end) in cases(docs):
        key = f"{doc['id']}:{start}"
        if not pending:
            break
        if pending[0][0] != key:
            continue
        decision = pending.pop(0)[1].strip()
        if decision == "none":
            rows.append({"doc": doc["id"], "pronoun": [start, end], "referent": None, "class": "none"})
            continue
        mode, words = decision.split(":", 1)
        referent = locate(doc["text"], words, start, mode)
        rows.append({"doc": doc["id"], "pronoun": [start, end], "referent": referent, "class": classes[mode]})
    if pending:
        sys.exit(f"decisions not matched: {pending[:3]}")
    with open(out_path, "w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    print(f"{len(rows)} rows -> {out_path}")


def check(docs: list[dict], out_path: str) -> None:
    by_id = {doc["id"]: doc for doc in docs}
    problems, count = [], 0
    with open(out_path, encoding="utf-8") as handle:
        for line in handle:
            row, count = json.loads(line), count + 1
            doc = by_id.get(row["doc"])
            if doc is None:
                problems.append(f"unknown doc {row['doc']}")
                continue
            sources = {tuple(a["source"][0]) for a in doc["attributions"] if len(a["source"]) == 1}
            if tuple(row["pronoun"]) not in sources:
                problems.append(f"{row['doc']}: {row['pronoun']} is no gold source span")
            referent, kind = row["referent"], row["class"]
            if (referent is None) != (kind == "none"):
                problems.append(f"{row['doc']}: class {kind} with referent {referent}")
            if referent is not None:
                inside = 0 <= referent[0] < referent[1] <= len(doc["text"])
                before = referent[1] <= row["pronoun"][0]
                if not inside or before == (kind == "cataphora"):
                    problems.append(f"{row['doc']}: referent {referent} misplaced for {kind}")
            if set(row) != {"doc", "pronoun", "referent", "class"}:
                problems.append(f"{row['doc']}: keys {sorted(row)}")
    print(f"{count} rows, {len(problems)} problems")
    print("\n".join(problems))


def main() -> None:
    command, corpus, *rest = sys.argv[1:]
    docs = documents(corpus)
    if command == "show":
        show(docs, int(rest[0]), int(rest[1]))
    elif command == "apply":
        apply(docs, rest[0], rest[1])
    else:
        check(docs, rest[0])


if __name__ == "__main__":
    main()
