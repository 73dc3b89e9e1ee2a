"""Word tokens with character offsets, and phrase-pattern matching over them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..lexicon import PhrasePattern
from ..models import Sentence

# Words keep inner hyphens, apostrophes and dots ("US-Präsident", "Clinton's",
# "U.S."); everything else is one punctuation token. Each match also takes the
# whitespace before the token, so offsets add up without a match object per
# token (findall's tuples: a sixth faster). No nested quantifiers, and \s and
# the token cannot overlap; tokenize() strips trailing whitespace first, since a
# match would fail there at every position of the run (quadratic): linear time.
_SPACE_AND_TOKEN = re.compile(r"(\s*)(\w+(?:[-'’.&]\w+)*|\S)")
_NUMBER = re.compile(r"\d")
QUOTE_CHARS = frozenset("\"„“”»«‚‘’'")
CLAUSE_PUNCT = frozenset(",;:()[]–—-")
# marks that end a clause for the cue scans: brackets too, but not a hyphen (German keeps brackets: its own set)
CLAUSE_BREAKS = frozenset(",;:()–—")
FINAL_PUNCT = frozenset(".!?")


# Not frozen: a frozen dataclass sets every field through object.__setattr__,
# which doubles the cost of tokenising, the analyser's hottest loop. Tokens are
# never changed after tokenize() builds them; eq=False keeps identity hashing.
@dataclass(slots=True, eq=False)
class Token:
    text: str
    start: int  # offset into the article text
    end: int
    key: str  # lookup form: lowercased, or (case-sensitive languages) as written
    lower: str
    is_word: bool
    is_cap: bool

    @property
    def is_number(self) -> bool:
        return bool(_NUMBER.match(self.text))


def tokenize(text: str, offset: int, case_sensitive: bool) -> list[Token]:
    """Tokens of ``text``; offsets are shifted by ``offset`` into the article.

    ``key`` is what lexicon lookups use: the lowercased word, or, for a
    case-sensitive language (German nouns are capitalised), the word as written
    with only a sentence-initial capital lowered.
    """
    tokens: list[Token] = []
    append = tokens.append
    at_start = True  # a sentence, quotation or "X: …" begins here
    end = offset
    for space, word in _SPACE_AND_TOKEN.findall(text.rstrip()):
        start = end + len(space)
        end = start + len(word)
        first = word[0]
        is_word = first.isalnum() or first == "_"
        lower = word.lower()
        if not case_sensitive:
            key = lower
        elif at_start and is_word:
            key = first.lower() + word[1:]
        else:
            key = word
        if word == "-" and space and text[end - offset:end - offset + 1].isspace():
            word = lower = key = "–"  # a hyphen with a space on each side is a dash: "gerade - das hat X gesagt -"
        append(Token(word, start, end, key, lower, is_word, is_word and first.isupper()))
        if is_word:
            at_start = False
        elif word in QUOTE_CHARS or word == ":":
            at_start = True
    return tokens


class SentenceTokens:
    """Each sentence's tokens, made again when asked for instead of kept.

    Keeping every sentence's tokens for the links between sentences took about
    40 MB per MB of text; linking looks again at a fifth of the German sentences
    (none of the English), mostly the few before or after the one it is at, so
    the last ``keep`` lists asked for are kept.
    """

    def __init__(self, sentences: Sequence[Sentence], case_sensitive: bool, keep: int = 8) -> None:
        self._sentences = sentences
        self._case_sensitive = case_sensitive
        self._keep = keep
        self._recent: dict[int, list[Token]] = {}

    def __len__(self) -> int:
        return len(self._sentences)

    def __getitem__(self, i: int) -> list[Token]:
        tokens = self._recent.get(i)
        if tokens is None:
            s = self._sentences[i]
            tokens = tokenize(s.text, s.start, self._case_sensitive)
            if len(self._recent) >= self._keep:
                del self._recent[next(iter(self._recent))]  # the oldest
            self._recent[i] = tokens
        return tokens


def match_at(tokens: list[Token], i: int, pattern: PhrasePattern) -> list[int] | None:
    """Token indices matched by ``pattern`` starting at ``i``, or None.

    A gap matches up to ``pattern.gap`` tokens lazily; each position is tried
    once per gap step, so the cost is bounded by len(pattern) * gap.
    """
    matched: list[int] = []
    j = i
    positions = pattern.positions
    p = 0
    while p < len(positions):
        words = positions[p]
        if words is None:  # gap: find the next position's word within the gap
            following = positions[p + 1]
            limit = min(len(tokens), j + pattern.gap + 1)
            k = j
            while k < limit and tokens[k].key not in following and tokens[k].text not in FINAL_PUNCT:
                k += 1
            if k >= limit or tokens[k].key not in following:
                return None
            matched.append(k)
            j = k + 1
            p += 2
            continue
        if j >= len(tokens) or tokens[j].key not in words:
            return None
        matched.append(j)
        j += 1
        p += 1
    return matched


def bounds_from_breaks(n: int, breaks: list[int]) -> tuple[list[int], list[int]]:
    """For each of ``n`` tokens, the start and end (exclusive) of its clause, given
    the indices of the tokens that end a clause (in order; each ends its own clause)."""
    starts, ends = [0] * n, [n] * n
    begin = 0
    for i in breaks:
        for j in range(begin, i + 1):
            starts[j] = begin
            ends[j] = i
        begin = i + 1
    for j in range(begin, n):
        starts[j] = begin
    return starts, ends


def find_patterns(tokens: list[Token], index: dict[str, tuple]) -> list[tuple[object, list[int]]]:
    """Every non-overlapping match of the indexed patterns, longest first at each token."""
    found = []
    used: set[int] = set()
    for i, token in enumerate(tokens):
        if i in used:
            continue
        for item in index.get(token.key, ()):
            hit = match_at(tokens, i, item.pattern)
            if hit and not used.intersection(hit):
                found.append((item, hit))
                used.update(hit)
                break
    return found


