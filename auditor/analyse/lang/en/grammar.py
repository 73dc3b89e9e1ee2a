"""English grammar for the tagger: source phrases and who speaks for a cue verb.

English subjects stand before the verb ("Officials said"), except after a
quotation ("“…,” said Smith"); appositions and relative clauses may come
between ("Smith, a spokesman for the city, said"). There is no parser: the
subject is read backward from the verb over the words that can make up a noun
phrase, and the word classes come from ``rules/lexicons/en.toml``.

Conventions (they follow the PARC/PolNeAR annotation of attribution):

* the cue of a verb is the lexical verb plus the auxiliaries, negation and
  adverbs right before it ("has repeatedly said"); ``Found.head`` marks the
  verb, so the report can still show "said";
* a relative pronoun is the source of the verb in its clause ("…, who said"),
  with the antecedent as ``Found.antecedent``;
* "saying", "adding", "noting" after a comma hang on the subject of the clause
  before them (they inherit its source);
* cue words inside a quotation are the quoted speaker's own words, not
  attributions of the article.

Every scan is bounded by ``MAX_PHRASE`` or a small constant, so the cost per
sentence is linear.
"""

from __future__ import annotations

import re

from ....lexicon import Lexicon, VerbForm
from ....models import Attribution
from ...found import Found
from ...phrases import MAX_PHRASE, Range, classify, is_boundary
from ...tokens import FINAL_PUNCT, QUOTE_CHARS, Token, bounds_from_breaks, is_numeric

_CLAUSE_BREAKS = frozenset(",;:()–—")
_OPEN_QUOTES = frozenset("“„«»\"")
_MAX_PRE = 4  # auxiliaries and adverbs before a cue verb: "has not yet publicly said"
_MAX_TAIL = 30  # an apposition after an inverted source: "said Smith, a spokesman for ..."
_APOSTROPHES = ("'", "’")

def clause_bounds(tokens: list[Token]) -> tuple[list[int], list[int]]:
    """For every token, the start and end (exclusive) of its clause."""
    breaks = [i for i, t in enumerate(tokens) if t.text in _CLAUSE_BREAKS or t.text in FINAL_PUNCT]
    return bounds_from_breaks(len(tokens), breaks)


def _forward(tokens: list[Token], k: int, end: int, lex: Lexicon) -> Range | None:
    return phrase_forward(tokens, k, end, lex) if k < end else None


def _backward(tokens: list[Token], k: int, begin: int, lex: Lexicon) -> Range | None:
    return phrase_backward(tokens, k, begin, lex) if k >= begin else None


def _tables(lex: Lexicon) -> dict[str, object]:
    """Word sets derived from the lexicon once (lemmas, -ing forms, subject words)."""
    return lex.derived(_derive_tables)


def _derive_tables(lex: Lexicon) -> dict[str, object]:
    lemmas: dict[str, str] = {}
    for form, readings in lex.verb_forms.items():
        for reading in readings:
            lemmas.setdefault(reading.lemma, reading.lemma)
    ing: dict[str, str] = {}
    for lemma in lemmas:
        stems = [lemma, lemma[:-1]] if lemma.endswith("e") and not lemma.endswith("ee") else [lemma]
        if len(lemma) >= 3 and lemma[-1] in "bdgmnprt" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
            stems.append(lemma + lemma[-1])  # "admit" -> "admitting"
        for stem in stems:
            ing[stem + "ing"] = lemma
    for form in lex.word("ing_forms_not_cues"):
        ing.pop(form, None)
    # "-ing" forms of verbs that are cues only in a fixed phrase keep that condition
    # ("making clear", not "making its announcement"; "pointing out")
    ing_needs: dict[str, frozenset[str]] = {}
    for readings in lex.verb_forms.values():
        for reading in readings:
            if reading.needs_next is not None:
                ing_needs[reading.lemma] = reading.needs_next
    tables = {
        "ing": ing,
        "ing_needs": ing_needs,
        "ing_after_noun": lex.word("ing_after_noun"),
        "noun_like": lex.word("noun_like_forms"),
        "pre": lex.word("auxiliaries"),
        "be": lex.word("passive_auxiliaries"),
        "object_pronouns": lex.word("object_pronouns"),
        "non_subjects": lex.word("non_subject_ends") | lex.word("determiners") | lex.word("attachments")
        | lex.word("subordinators") | lex.word("coordinators"),
        "relatives": lex.word("relative_pronouns"),
        "adjunct_openers": lex.word("adjunct_openers"),
        "parenthetical": lex.word("parenthetical_words"),
        "colon_not_sources": lex.word("colon_not_sources"),
        "colon_not_label_ends": lex.word("colon_not_label_ends"),
        "not_cues": lex.word("not_cue_forms"),
        "keepers": _keeper_index(lex),
        "noun_cues": _phrase_index(lex.word("noun_cues")),
        "possessives": lex.word("possessive_determiners"),
        "intensifiers": lex.word("intensifiers"),
        "quantity_subjects": lex.word("quantity_subjects"),
        "issue_verbs": lex.word("issue_verbs"),
        "phrasal": _phrase_index(lex.word("phrasal_cues")),
        "noun_cues_alone": True,
        "noun_cue_modifiers": lex.word("noun_cue_modifiers"),
        "strong": lex.word("strong_cue_forms"),
        "generic": lex.word("generic_subjects"),
        "particles": lex.word("cue_particles"),
        "say_particles": lex.word("say_particles"),
        "say_lemmas": lex.word("say_lemmas"),
        "media": lex.word("cue_media"),
        "time_words": lex.word("time_words"),
        "determiners": lex.word("determiners"),
        "passive_cues": lex.word("passive_cue_forms"),
        "sourceless": lex.word("sourceless_cue_forms"),
        "question_cues": lex.word("question_cues"),
        "question_openers": lex.word("question_openers"),
        "question_before": lex.word("question_before"),
        "opener_words": lex.word("attachments") | lex.word("subordinators") | lex.word("clause_opener_adverbs"),
        "subject_pronouns": lex.word("person_pronouns") | {"they", "we", "i"},
        "finite_auxiliaries": lex.word("verbs_before_subject") | lex.word("passive_auxiliaries") - {"be", "been", "being"},
        "irregular_past": lex.word("irregular_past_forms"),
        "not_clause_subjects": lex.word("not_clause_subjects"),
        "time_nouns": lex.word("subject_time_words"),
        "time_modifiers": lex.word("time_modifiers"),
        "document_nouns": lex.kinds.get("document", frozenset()),
        "speaker_nouns": frozenset().union(*(lex.kinds.get(k, frozenset()) for k in (
            "person", "organization", "anonymous", "vague", "outlet_words"))),
        "adverbs": lex.word("auxiliaries") - lex.word("verbs_before_subject") - lex.word("passive_auxiliaries"),
    }
    return tables


def _keeper_index(lex: Lexicon) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for keeper in sorted(lex.phrase_keepers, key=len, reverse=True):
        index.setdefault(keeper[0], []).append(keeper)
    return index


def _phrase_index(phrases) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted((tuple(p.split()) for p in phrases), key=len, reverse=True):
        if phrase:
            index.setdefault(phrase[0], []).append(phrase)
    return index


def _phrase_at(tokens: list[Token], k: int, index: dict[str, list[tuple[str, ...]]]) -> int:
    for phrase in index.get(tokens[k].lower, ()):
        n = len(phrase)
        if k + n <= len(tokens) and all(tokens[k + i].lower == phrase[i] for i in range(n)):
            return n
    return 0


def _keeper_at(tokens: list[Token], k: int, lex: Lexicon) -> int:
    """Length of a phrase keeper ("on condition of anonymity") at token k, or 0."""
    index = _tables(lex)["keepers"]
    for keeper in index.get(tokens[k].lower, ()):  # type: ignore[union-attr]
        n = len(keeper)
        if k + n <= len(tokens) and all(tokens[k + i].lower == keeper[i] for i in range(n)):
            return n
    return 0


def phrase_forward(tokens: list[Token], k: int, end: int, lex: Lexicon) -> Range | None:
    """An English source phrase starting at token k ("a senior official who ...")."""
    start = k
    last_good = None
    limit = min(end, k + MAX_PHRASE)
    stoppers = lex.word("phrase_stoppers")
    while k < limit:
        keep = _keeper_at(tokens, k, lex)
        if keep:
            k += keep
            last_good = k
            continue
        token = tokens[k]
        if not token.is_word:
            if token.text in "'’-&." and last_good is not None and not _spaced_dash(tokens, k):
                k += 1
                continue
            if token.text == "(" and last_good is not None:
                close = _closing_paren(tokens, k, limit)
                if close is not None:  # "Rep. Elijah Cummings (D-Md.)"
                    k = close + 1
                    last_good = k
                    continue
            break
        lower = token.lower
        if lower == "and" and k + 1 < limit and tokens[k + 1].is_cap and last_good is not None:
            k += 1  # "Smith and Jones"
            continue
        if lower in stoppers and k > start:
            break
        if lower in stoppers and not token.is_cap:
            break
        if lower in ("who", "which") and k > start:
            break
        k += 1
        if lower not in lex.word("determiners"):
            last_good = k
    if last_good is None:
        return None
    # trailing prepositions carry nothing ("officials in")
    while last_good > start and tokens[last_good - 1].lower in lex.word("attachments"):
        last_good -= 1
    return (start, last_good) if last_good > start else None


def _spaced_dash(tokens: list[Token], k: int) -> bool:
    """A hyphen used as a dash: "a change - an insurgent", "McCain -- who lost"."""
    token = tokens[k]
    if token.text != "-":
        return False
    before = k > 0 and tokens[k - 1].end == token.start and tokens[k - 1].text != "-"
    after = k + 1 < len(tokens) and tokens[k + 1].start == token.end and tokens[k + 1].text != "-"
    return not (before and after)


def _closing_paren(tokens: list[Token], k: int, limit: int) -> int | None:
    for j in range(k + 1, min(limit, k + 8)):
        if tokens[j].text == ")":
            return j
        if tokens[j].text in "(" or tokens[j].text in FINAL_PUNCT:
            return None
    return None


def _opening_paren(tokens: list[Token], k: int, limit: int) -> int | None:
    for j in range(k - 1, max(limit, k - 8) - 1, -1):
        if tokens[j].text == "(":
            return j
        if tokens[j].text == ")":
            return None
    return None


def _abbreviation_dot(tokens: list[Token], k: int) -> bool:
    """"Jr." / "R." / "Gov.": a dot stuck to a short capitalised word inside a name."""
    if tokens[k].text != "." or k == 0 or k + 1 >= len(tokens):
        return False
    before = tokens[k - 1]
    return before.end == tokens[k].start and before.is_cap and len(before.text) <= 3 \
        and (tokens[k + 1].is_word or tokens[k + 1].text == ",")  # "James B. Comey Jr., the director"


def _possessive_mark(tokens: list[Token], k: int) -> bool:
    """"Sanders’ campaign": an apostrophe stuck to a word ending in s, before a word."""
    if tokens[k].text not in ("’", "'") or k == 0 or k + 1 >= len(tokens):
        return False
    before = tokens[k - 1]
    return before.end == tokens[k].start and before.lower.endswith("s") and tokens[k + 1].is_word \
        and tokens[k + 1].start > tokens[k].end


def phrase_backward(tokens: list[Token], k: int, begin: int, lex: Lexicon) -> Range | None:
    """An English subject ending at token k, read backward to the clause boundary."""
    end = k + 1
    start = None
    limit = max(begin, k - MAX_PHRASE)
    stops = lex.word("subordinators") | lex.word("backward_stops")
    verbs_before = lex.word("passive_auxiliaries") | lex.word("verbs_before_subject")
    while k >= limit:
        token = tokens[k]
        if token.text == ")" and start is not None or token.text == ")" and k == end - 1:
            opening = _opening_paren(tokens, k, limit)
            if opening is None or opening == 0:
                break
            start = opening  # "Cummings (D-Md.)"
            k = opening - 1
            continue
        if _abbreviation_dot(tokens, k) or _possessive_mark(tokens, k):
            k -= 1  # "Joseph R. Biden Jr.", "Sanders’ campaign manager"
            continue
        if is_boundary(token) or token.text in "()[]" or _spaced_dash(tokens, k):
            break
        lower = token.lower
        if lower in stops and token.key.islower() and not _keeper_at(tokens, k, lex):
            break
        if lower in verbs_before and token.key.islower():
            break
        if lower == "and" and not (k > 0 and tokens[k - 1].is_cap):
            break
        start = k
        k -= 1
    if start is None:
        return None
    while start < end and (tokens[start].lower in lex.word("coordinators") or not tokens[start].is_word
                           or tokens[start].lower in lex.word("subject_openers")):
        start += 1
    # a subject pronoun starts its own subject: "… in line with what he said" -> "he"
    pronouns = lex.kinds.get("pronoun", frozenset())
    for q in range(end - 1, start, -1):
        if tokens[q].lower in pronouns and tokens[q].lower != "it":
            start = q
            break
    return (start, end) if start < end else None


# --- cue verbs ----------------------------------------------------------------


def _quote_marks(tokens: list[Token]) -> list[str | None]:
    """The quotation role of each token: "open", "close", "toggle" (straight quotes) or None."""
    marks: list[str | None] = [None] * len(tokens)
    for i, token in enumerate(tokens):
        text = token.text
        if text == "“" and i > 0 and tokens[i - 1].end == token.start and not tokens[i - 1].is_word \
                and (i + 1 == len(tokens) or tokens[i + 1].start > token.end):
            marks[i] = "close"  # "“It's unusual,“ said Noble": an opening mark typed as the closer
        elif text in ("“", "„", "«"):
            marks[i] = "open"
        elif text in ("”", "»"):
            marks[i] = "close"
        elif text == '"':
            marks[i] = _straight(tokens, i, i)
        elif text == "'" and i + 1 < len(tokens) and tokens[i + 1].text == "'" \
                and tokens[i + 1].start == token.end:
            marks[i] = _straight(tokens, i, i + 1)  # '' as a double quote (newspaper style)
        elif text == "‘" or text == "'" and i + 1 < len(tokens) and tokens[i + 1].is_word \
                and tokens[i + 1].start == token.end and (i == 0 or not tokens[i - 1].is_word):
            marks[i] = "open_single"
        elif text in ("’", "'") and i > 0 and not tokens[i - 1].is_word and tokens[i - 1].text not in "'":
            marks[i] = "close_single"
    return marks


def _straight(tokens: list[Token], first: int, last: int) -> str:
    """A straight quote opens when it sticks to the word after it, closes when it sticks to the one before."""
    before = first > 0 and tokens[first - 1].end == tokens[first].start
    after = last + 1 < len(tokens) and tokens[last + 1].start == tokens[last].end
    if after and not before:
        return "open"
    if before and not after:
        return "close"
    return "toggle"


def _quoted(tokens: list[Token]) -> list[bool]:
    """For every token, whether it stands inside a quotation opened in this sentence."""
    n = len(tokens)
    inside = [False] * n
    marks = _quote_marks(tokens)
    opened_at: int | None = None
    single = False
    first = next((k for k, mark in enumerate(marks) if mark is not None), None)
    if first is not None and marks[first] == "close":
        for k in range(first):  # the sentence starts inside a quotation opened earlier
            inside[k] = True
    i = 0
    while i < n:
        mark = marks[i]
        step = 2 if mark in ("toggle", "open", "close") and tokens[i].text == "'" else 1
        if opened_at is None:
            if mark in ("open", "toggle") or mark == "open_single":
                opened_at, single = i, mark == "open_single"
        elif (mark in ("close", "toggle") and not single) or (single and mark in ("close_single", "close")):
            for k in range(opened_at, i + step):
                inside[k] = True
            opened_at = None
        i += step
    if opened_at is not None and marks[opened_at] == "toggle":
        pass  # an unclear straight quote that never closes
    elif opened_at is not None:
        # a quotation that runs on into the next sentence: everything after the opener is quoted
        for k in range(opened_at, n):
            inside[k] = True
    return inside


def _pre_run(tokens: list[Token], i: int, tables: dict, skipped: list[int] | None = None) -> int:
    """Start of the auxiliaries and adverbs before token i ("has also" said). A time
    adverbial between them and the subject is passed over and its tokens put in ``skipped``."""
    pre = tables["pre"]
    k = i
    while k > 0 and i - k < _MAX_PRE:
        if skipped is not None:
            time = _time_run(tokens, k, tables)
            if time is not None:
                skipped.extend(range(time, k))  # "The campaign on Tuesday responded"
                k = time
                continue
        token = tokens[k - 1]
        lower = token.lower
        if not token.is_word or token.is_cap:
            break
        if lower in pre or lower.endswith("ly") and len(lower) > 4 and lower not in tables["non_subjects"]:
            k -= 1
            continue
        if lower.endswith(("n't", "n’t")) and len(lower) > 3:  # "didn't", "hasn’t"
            k -= 1
            continue
        break
    return k


def _time_run(tokens: list[Token], k: int, tables: dict) -> int | None:
    """Start of a time adverbial that ends right before token k and stands between a subject
    and its verb ("Sanders on Wednesday morning", "Trump earlier Tuesday", "last month");
    PolNeAR mostly leaves it out of both the source and the cue. Not after a participle or a document
    ("a poll released Sunday showed", "a Times poll last year"), where it dates the document."""
    q = k
    named = False
    while q > 0 and k - q < 3 and tokens[q - 1].is_word and (
            tokens[q - 1].lower in tables["time_nouns"] or tokens[q - 1].lower in tables["time_modifiers"]):
        named = named or tokens[q - 1].lower in tables["time_nouns"]
        q -= 1
    if not named:
        return None
    if q > 0 and tokens[q - 1].lower in ("on", "during"):
        q -= 1
    if q == 0 or not tokens[q - 1].is_word and tokens[q - 1].text not in ",)":
        return None  # "Calder, the mayor, on Monday told", "Dahl (D-Ore.) on Monday said"
    before = tokens[q - 1].lower
    if before.endswith(("ed", "en")) or before in tables["irregular_past"] or before in tables["document_nouns"] \
            or before in tables["determiners"] or before in tables["non_subjects"]:
        return None
    return q


def _contracted_subject(token: Token) -> bool:
    """"he's", "who’ve", "they'd": a subject with its auxiliary in one token."""
    for mark in _APOSTROPHES:
        if mark in token.text:
            head, _, tail = token.lower.partition(mark)
            return tail in ("ve", "d", "ll", "s", "re") and bool(head)
    return False


def _subject_end_ok(token: Token, tables: dict) -> bool:
    if not token.is_word:
        return False
    lower = token.lower
    if lower in tables["non_subjects"] and not token.is_cap:
        return False
    if lower in tables["intensifiers"]:
        return True  # "Ford itself said", "the senator herself wrote"
    return lower not in tables["object_pronouns"] and lower not in tables["generic"]


def _antecedent(tokens: list[Token], r: int, lex: Lexicon) -> Range | None:
    k = r - 1
    if k >= 0 and tokens[k].text == ",":
        k -= 1
    if k < 0 or not tokens[k].is_word:
        return None
    rng = _backward(tokens, k, 0, lex)
    if rng is None:
        return None
    # "The contract went to Harlow Group, which …": the antecedent starts after the preposition
    for q in range(rng[1] - 1, rng[0], -1):
        if tokens[q].lower in lex.word("attachments") and tokens[q].lower != "of" and not tokens[q].is_cap:
            return (q + 1, rng[1]) if q + 1 < rng[1] else rng
    return rng


def _apposition_subject(tokens: list[Token], j: int, lex: Lexicon, tables: dict, used: set[int]
                        ) -> tuple[Range | None, bool]:
    """The subject before "..., apposition, said" (j is the comma), and whether it was found."""
    p = j - 1
    limit = max(0, j - 40)
    while p >= limit and tokens[p].text not in _CLAUSE_BREAKS and tokens[p].text not in _OPENERS + _CLOSERS \
            and not _spaced_dash(tokens, p) \
            and (tokens[p].text not in FINAL_PUNCT or _abbreviation_dot(tokens, p)):
        p -= 1
    if p < 1 or tokens[p].text != "," or p + 1 >= j:
        return None, False
    first = tokens[p + 1]
    head = _backward(tokens, p - 1, 0, lex) if tokens[p - 1].is_word or tokens[p - 1].text in ")." else None
    if head is None:
        return None, False
    if p + 1 in used or first.lower in tables["parenthetical"] or (
            not first.is_cap and first.lower in lex.word("attachments") | lex.word("subordinators")):
        # "Trump, in a statement, said" / "Council officials, cited by The Guardian, said"
        return head, True
    # "Reeve's lawyer, Tom Aldridge, said", "Sanders, whose coalition includes …, said"
    if used.intersection(range(p + 1, j)):
        return head, True  # "Kasich, a Republican who has refused to …, said": the relative clause has its own cue
    return (head[0], j), True


def _is_dash(tokens: list[Token], k: int) -> bool:
    return tokens[k].text in "–—" or _spaced_dash(tokens, k)


def _dash_apposition_subject(tokens: list[Token], j: int, lex: Lexicon) -> Range | None:
    """The subject before "X -- apposition -- said" (j is the closing dash)."""
    close = j
    while close > 0 and tokens[close - 1].text == "-":
        close -= 1  # "--"
    q = close - 1
    limit = max(0, close - 40)
    while q > limit and not _is_dash(tokens, q):
        if tokens[q].text in FINAL_PUNCT and not _abbreviation_dot(tokens, q) or tokens[q].text in QUOTE_CHARS \
                or tokens[q].text in ";:":
            return None
        q -= 1
    if q <= limit or q == close - 1:
        return None
    while q > 0 and tokens[q - 1].text == "-":
        q -= 1
    if q == 0 or not tokens[q - 1].is_word:
        return None
    head = _backward(tokens, q - 1, 0, lex)
    if head is None:
        return None
    last = _last_word_before(tokens, close)
    return (head[0], last + 1) if last is not None and last > head[1] else head


def _last_word_before(tokens: list[Token], k: int) -> int | None:
    for q in range(k - 1, max(-1, k - 8), -1):
        if tokens[q].is_word:
            return q
    return None


def _inverted_source(tokens: list[Token], i: int, lex: Lexicon, form: VerbForm | None) -> Range | None:
    """"“…,” said Smith, a spokesman for the city." """
    n = len(tokens)
    start = i + 1
    if start < n and tokens[start].lower in ("in", "on", "at") and (form is None or form.lemma != "tell"):
        return None
    rng = _forward(tokens, start, n, lex)
    if rng is None:
        return None
    end = rng[1]
    if end < n and tokens[end].text == "," and end + 1 < n and tokens[end + 1].is_word \
            and not _cue_relative(tokens, end, lex):
        nxt = tokens[end + 1].lower
        if nxt not in lex.word("subordinators") and nxt not in lex.word("coordinators") \
                and not nxt.endswith("ing") and nxt not in ("in", "on", "at", "during"):
            k = end + 1
            last = None
            while k < n and k - end <= _MAX_TAIL:
                t = tokens[k]
                if t.text in FINAL_PUNCT or t.text in QUOTE_CHARS or t.text in ";:–—":
                    break
                if t.text == "," and k + 1 < n and tokens[k + 1].is_word and (
                        tokens[k + 1].lower.endswith("ing") or tokens[k + 1].lower in lex.word("coordinators")
                        or _cue_relative(tokens, k, lex)):
                    break
                if t.is_word:
                    last = k
                k += 1
            if last is not None and (k >= n or tokens[k].text in FINAL_PUNCT or tokens[k].text in QUOTE_CHARS
                                     or tokens[k].text == ","):
                end = last + 1
    return (rng[0], end)


def _cue_relative(tokens: list[Token], comma: int, lex: Lexicon) -> bool:
    """", who said …", ", who added that …": a relative clause with a cue verb of its own is
    an attribution of its own (source "who"), not part of the apposition before it."""
    tables = _tables(lex)
    k = comma + 1
    if k >= len(tokens) or tokens[k].lower not in ("who", "which"):
        return False
    k += 1
    while k < len(tokens) and k - comma <= _MAX_PRE + 2 and tokens[k].lower in tables["pre"]:
        k += 1  # "who also said", "who has long argued"
    if k >= len(tokens) or not tokens[k].is_word or tokens[k].lower in tables["not_cues"]:
        return False
    forms = lex.verb_forms.get(tokens[k].key)
    return bool(forms) and _reading(tokens, k, forms) is not None and not _keeper_at(tokens, comma + 1, lex)


def _colon_source(tokens: list[Token], lex: Lexicon, tables: dict) -> tuple[Range, int] | None:
    """"Bush: “The mission is …”", "FALLIN: Well, …": a speaker label before a colon."""
    for k in range(1, min(len(tokens) - 1, 6)):
        if tokens[k].text == ":":
            words = tokens[:k]
            if not all(t.is_word and (t.is_cap or t.text[0].isdigit()) or t.text in "'’.-" for t in words):
                return None
            if any(t.lower in tables["colon_not_sources"] or t.is_number for t in words):
                return None
            shouting = all(t.text.isupper() for t in words if t.is_word)
            quote_next = tokens[k + 1].text in QUOTE_CHARS
            # a headline with a short name label: "Rush Limbaugh: Hillary Asking …"
            named = k <= 3 and tokens[k + 1].is_cap and tokens[0].lower not in tables["determiners"] \
                and tokens[k - 1].lower not in tables["colon_not_label_ends"]
            if not (shouting or quote_next or named):
                return None  # "The Ninth Circle: The Hellish View …" is a title
            return (0, k), k
        if not tokens[k].is_word and tokens[k].text not in "'’.-":
            return None
    return None


def _dash_label(tokens: list[Token]) -> tuple[Range, int] | None:
    """"“…shame.” ― Sonya Herridge": a quotation signed by a name after a dash at the end."""
    n = len(tokens)
    end = n - 1 if n and tokens[-1].text == "." else n
    for k in range(max(1, end - 7), end - 1):
        if tokens[k].text in _DASHES and tokens[k - 1].text in _CLOSERS + "”’":
            names = tokens[k + 1:end]
            if 1 <= len(names) <= 6 and names[0].is_cap and all(
                    t.is_word and t.is_cap or t.text == "." and t.start == names[i - 1].end
                    for i, t in enumerate(names) if i > 0 or t.is_word):
                return (k + 1, end), k
            return None
    return None


_DASHES = ("―", "—", "–", "--")


def find_verbs(tokens: list[Token], lex: Lexicon, used: set[int], starts: list[int], ends: list[int]) -> list:
    """Attributions with a cue verb ("Officials said", "said Smith", ", adding …")."""
    tables = _tables(lex)
    n = len(tokens)
    found: list = []
    quoted = _quoted(tokens)
    # words inside a phrase keeper are never cues ("who spoke on condition of anonymity")
    blocked: set[int] = set()
    for k in range(n):
        keep = _keeper_at(tokens, k, lex) if tokens[k].lower in ("who", "on", "familiar", "briefed") else 0
        if keep:
            blocked.update(range(k, k + keep))
    colon = _colon_source(tokens, lex, tables)
    if colon is not None and not used.intersection(range(colon[1] + 1)):
        rng, k = colon
        found.append(Found(source=rng, cue=[k], mode="direct_quote"))
        used.update(range(k + 1))
    dash = _dash_label(tokens)
    if dash is not None and not used.intersection(range(dash[1], n)):
        rng, k = dash
        found.append(Found(source=rng, cue=[k], mode="direct_quote"))
        used.update(range(k, n))
    ing: dict[str, str] = tables["ing"]  # type: ignore[assignment]
    title = _title_case(tokens)
    content_from = n  # cues after this point are inside reported content ("said the poll showed")
    for i, token in enumerate(tokens):
        if i in used or i in blocked or not token.is_word or quoted[i] or token.lower in tables["not_cues"]:
            continue
        if token.lower in tables["sourceless"]:
            item = _sourceless(tokens, i, lex, tables)
            if item is not None:
                found.append(item)
                used.update(item.cue)
            continue
        if token.lower in tables["question_cues"]:
            item = _asked(tokens, i, tables)
            if item is not None:
                found.append(item)
                used.update(item.cue)
                continue
        key = token.lower if title else token.key
        forms = lex.verb_forms.get(key)
        lemma = None
        form = None
        phrasal = _phrase_at(tokens, i, tables["phrasal"]) if token.lower in tables["phrasal"] else 0
        if phrasal:
            if tokens[i + phrasal - 1].lower == "to" and i + phrasal < n and tokens[i + phrasal].is_word:
                phrasal += 1  # "went on to say", "was quick to point"
            lemma = token.lower
            form = VerbForm(lemma=lemma)
        elif forms:
            form = _reading(tokens, i, forms)
            if form is None:
                continue
            lemma = form.lemma
        elif key in ing:
            lemma = ing[key]
            needs = tables["ing_needs"].get(lemma)
            if needs is not None and (i + 1 >= n or tokens[i + 1].lower not in needs):
                continue
        else:
            continue
        item = _attribute(tokens, i, lemma, form, lex, tables, used, title)
        if item is not None and phrasal:
            item.cue = sorted(set(item.cue) | set(range(i, i + phrasal)))
        if item is None:
            continue
        if i > content_from and not (item.inherit or item.antecedent is not None):
            if not _clause_break_between(tokens, content_from, i, lex) \
                    and not _new_subject(tokens, content_from, item, lex, tables) \
                    and not _inverted_after_comma(tokens, item, tables):
                continue  # a cue inside the reported content: "said the poll showed"
            content_from = n
        found.append(item)
        used.update(item.cue)
        if item.source is not None:
            used.update(range(*item.source))
        if item.lemma == "tell" and (item.source is None or item.source[1] <= i) \
                or tokens[max(item.cue)].lower == "with":
            _listener(tokens, item, lex)
        last = max(item.cue)
        if (item.source is None or item.source[1] <= i) and last + 1 < n and tokens[last + 1].is_word \
                and item.antecedent is None:
            content_from = min(content_from, last)
    found.extend(_noun_cues(tokens, lex, tables, used, quoted))
    return found


def _noun_cues(tokens: list[Token], lex: Lexicon, tables: dict, used: set[int], quoted: list[bool]) -> list:
    """"Trump’s criticism of the plan", "his call for a ban", "questions about her emails":
    a noun of saying or judging with its preposition. The owner before it is the source
    ("his"); with no owner the cue stands alone."""
    index = tables["noun_cues"]
    found = []
    k = 0
    n = len(tokens)
    while k < n:
        length = _phrase_at(tokens, k, index) if tokens[k].lower in index else 0
        if not length or quoted[k] or used.intersection(range(k, k + length)) or tokens[k].is_cap and k > 0:
            k += 1
            continue
        cue = list(range(k, k + length))
        source = None
        j = k - 1
        while j >= 0 and k - j <= 3 and tokens[j].is_word and tokens[j].lower in tables["noun_cue_modifiers"]:
            j -= 1  # "Trump’s sharp criticism of"
        if j >= 0 and tokens[j].is_word and j not in used:
            lower = tokens[j].lower
            if lower in tables["possessives"]:
                source = (j, j + 1)  # a name before "’s" is left out: mostly not marked (< 35%)
        if source is not None or tables["noun_cues_alone"]:
            found.append(Found(source=source, cue=cue, mode="reported"))
            used.update(cue)
            if source is not None:
                used.update(range(*source))
        k += length
    return found


def _inverted_after_comma(tokens: list[Token], item: Found, tables: dict) -> bool:
    """ "The route she hoped to save is gone, said Smith.": a verb of
    saying after a comma with its source closing the sentence is the main clause; the
    earlier cue sits inside its content, not the other way round. Other verbs there are
    a list of predicates ("slams Trump, praises Clinton")."""
    if item.source is None or item.source[0] <= max(item.cue) or item.lemma not in tables["say_lemmas"]:
        return False
    first = min(item.cue)
    end = item.source[1]
    closes = end >= len(tokens) or tokens[end].text in FINAL_PUNCT or tokens[end].text in QUOTE_CHARS
    return closes and first > 0 and tokens[first - 1].text == ","


def _new_subject(tokens: list[Token], a: int, item, lex: Lexicon, tables: dict) -> bool:
    """The later cue has a subject of its own that opens a main clause after the content of
    the cue at a: "While not everything Trump says is true, Jamieson said …", "One in three
    said … and one in four said …"."""
    if item.source is None or item.source[1] > min(item.cue) or item.lemma not in tables["say_lemmas"]:
        return False
    start = item.source[0]
    if start <= a + 1:
        return False
    before = tokens[start - 1]
    return before.text == "," or before.lower in ("and", "but") and not before.is_cap


def _asked(tokens: list[Token], i: int, tables: dict) -> Found | None:
    """"Asked if he would run, Smith said …", "when asked about the plan": a question put to
    the speaker by someone unnamed; PolNeAR marks it as a cue with no source."""
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or nxt.lower not in tables["question_openers"]:
        return None
    if prev is not None and prev.text not in QUOTE_CHARS and prev.text not in ",;:(–—" \
            and prev.lower not in tables["question_before"]:
        return None
    cue = [i, i + 1] if nxt.lower == "about" else [i]
    return Found(source=None, cue=cue, mode="reported", head=i)


def _title_case(tokens: list[Token]) -> bool:
    """A headline in title case ("Bellwether County Says Trump Should Win"): every longer
    word is capitalised, so a capital does not mark a name."""
    long_words = [t for t in tokens if t.is_word and len(t.text) > 3]
    return len(long_words) >= 3 and all(t.is_cap for t in long_words)


def _clause_break_between(tokens: list[Token], a: int, b: int, lex: Lexicon) -> bool:
    """A new main clause starts between tokens a and b ("…; Smith said", "…, but Smith said")."""
    for k in range(a + 1, b):
        text = tokens[k].text
        if text in ";–—" or text in QUOTE_CHARS or _spaced_dash(tokens, k):
            return True
        if text == "," and k + 1 < b and tokens[k + 1].lower in lex.word("clause_openers"):
            return True
    return False


def _listener(tokens: list[Token], item, lex: Lexicon) -> None:
    """"told Reuters": an outlet told is the relay of the claim."""
    k = max(item.cue) + 1
    rng = _forward(tokens, k, len(tokens), lex)
    if rng is not None and classify(tokens, rng, lex) == "outlet":
        item.via.append(rng)


def _reading(tokens: list[Token], i: int, forms: tuple[VerbForm, ...]) -> VerbForm | None:
    for form in forms:
        if form.particle:
            continue
        if form.needs_next is not None:
            nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
            if nxt not in form.needs_next:
                continue
        return form
    return None


def _attribute(tokens: list[Token], i: int, lemma: str, form: VerbForm | None, lex: Lexicon, tables: dict,
               used: set[int], title: bool = False) -> Found | None:
    n = len(tokens)
    token = tokens[i]
    is_ing = form is None
    skipped: list[int] = []
    pre = _pre_run(tokens, i, tables, skipped)
    # the time adverbial is neither source nor cue: "The campaign on Tuesday responded"
    cue = [k for k in range(pre, i + 1) if k not in skipped]
    if (form is not None and form.needs_next is not None or form is None and lemma in tables["ing_needs"]) \
            and i + 1 < n:
        cue.append(i + 1)  # "pointed out", "called for", "making clear"
    else:
        cue.extend(_cue_tail(tokens, i, lemma, lex, tables))
    pre_words = {tokens[k].lower for k in range(pre, i) if k not in skipped}
    j = pre - 1
    prev = tokens[j] if j >= 0 else None
    # a capitalised verb inside a sentence is a name or a title word ("United States")
    if token.is_cap and i > 0 and tokens[i - 1].text not in QUOTE_CHARS and not title:
        return None
    if prev is not None and prev.lower in ("to", "'s", "’s") and not pre_words:
        return None  # "to say", "Trump's claims"
    ratio = j >= 2 and tokens[j - 1].lower in ("in", "of") and is_numeric(prev)  # "one in three said"
    # a quantity as the whole subject of a verb of saying: "43 said", "all but two said", "many say"
    ratio = ratio or prev is not None and not pre_words and token.lower in tables["strong"] \
        and (prev.is_number or prev.lower in tables["quantity_subjects"])
    if prev is not None and prev.lower in lex.word("determiners") and not pre_words and not ratio:
        return None  # "the report", "his email"
    passive = bool(pre_words & tables["be"]) and token.lower.endswith(("ed", "told", "said", "thought", "written",
                                                                      "shown", "known", "seen", "found"))
    if passive and not is_ing:
        if token.lower in tables["passive_cues"] and not token.is_cap:
            return Found(source=None, cue=cue, mode="reported", lemma=lemma, head=i)  # "is expected to"
        return None  # "was told"
    if token.lower in ("called", "named", "dubbed", "labeled") and j >= 1 and tokens[j - 1].lower in ("a", "an") \
            and not pre_words:
        return None  # "a program called Sandy Hook Promise"
    if is_ing and not (pre_words & tables["be"]):
        return _ing_adjunct(tokens, i, lemma, cue, lex, tables, used)
    if not is_ing and not pre_words and token.lower not in tables["strong"] and _inside_subject(tokens, i, tables):
        return None  # "A statement posted on the website said"
    noun_like = token.lower in tables["noun_like"]
    if not is_ing and not pre_words and i + 2 < n and tokens[i + 1].lower == "by" and prev is not None \
            and prev.is_word and token.lower.endswith(("ed", "en", "wn")) and token.lower not in tables["strong"] \
            and not tokens[i + 2].lower.endswith("ing"):
        return None  # "a favourite backed by the party": a participle, its subject is not before it
    # the subject
    if prev is None or prev.text in QUOTE_CHARS or prev.text == "," and j > 0 and tokens[j - 1].text in QUOTE_CHARS:
        if noun_like:
            return None
        source = _inverted_source(tokens, i, lex, form)
        if source is None or used.intersection(range(*source)):
            return None
        return Found(source=source, cue=cue, mode="reported_speech", lemma=lemma, head=i)
    if prev.text == "," and j > 0 and tokens[j - 1].text == ")":
        subject = _backward(tokens, j - 1, 0, lex)  # "Gov. John Kasich (R-OH), said"
        if subject is not None and subject[1] - subject[0] >= 2 and not used.intersection(range(*subject)):
            return Found(source=subject, cue=cue, mode="reported_speech", lemma=lemma, head=i)
    if prev.text == ",":
        source, ok = _apposition_subject(tokens, j, lex, tables, used)
        if not ok:
            if noun_like:
                return None
            source = _inverted_source(tokens, i, lex, form)
        if source is None or used.intersection(range(*source)):
            return None
        return Found(source=source, cue=cue, mode="reported_speech", lemma=lemma, head=i)
    if prev.text in "–—" or _spaced_dash(tokens, j):
        source = _dash_apposition_subject(tokens, j, lex)  # "A former rival -- John McCain -- said"
        if source is None or used.intersection(range(*source)):
            return None
        return Found(source=source, cue=cue, mode="reported_speech", lemma=lemma, head=i)
    if prev.text == ")" or _abbreviation_dot(tokens, j):
        subject = _backward(tokens, j, 0, lex)  # "Sen. Chuck Grassley (R-Iowa) told"
        if subject is None or subject[1] - subject[0] < 2 or used.intersection(range(*subject)):
            return None
        return Found(source=subject, cue=cue, mode="reported_speech", lemma=lemma, head=i)
    if not prev.is_word:
        return None
    lower = prev.lower
    if lower in lex.word("coordinators") and not prev.is_cap:
        if noun_like:
            return None
        return Found(source=None, cue=cue, mode="reported_speech", lemma=lemma, inherit=True, head=i,
                     subject=_clause_subject(tokens, j, lex, tables))
    if lower in tables["relatives"] or lower == "that" and j > 0 and _relative_that(tokens, j, lex, tables):
        antecedent = _antecedent(tokens, j, lex)
        if antecedent is None or lower == "that" and noun_like:
            return None
        kind = classify(tokens, antecedent, lex)
        return Found(source=(j, j + 1), cue=cue, mode="reported_speech", lemma=lemma, head=i,
                     antecedent=antecedent, kind=kind)
    if _contracted_subject(prev):
        head, _, _ = prev.lower.partition("’" if "’" in prev.text else "'")
        if head in tables["relatives"]:
            antecedent = _antecedent(tokens, j, lex)
            if antecedent is None:
                return None
            return Found(source=(j, j + 1), cue=cue, mode="reported_speech", lemma=lemma, head=i,
                         antecedent=antecedent, kind=classify(tokens, antecedent, lex))
        return Found(source=(j, j + 1), cue=cue, mode="reported_speech", lemma=lemma, head=i)
    if not ratio and not _subject_end_ok(prev, tables):
        return None
    if prev.is_number and not ratio:
        return None  # "758 pledged delegates", but "4 in 10 say"
    if noun_like and not _clear_verb(tokens, i, j, lex, tables):
        return None
    subject = _backward(tokens, j, 0, lex)
    if subject is None:
        return None
    subject = _drop_relative(tokens, subject, lex, tables)
    if used.intersection(range(*subject)):
        return None
    return Found(source=subject, cue=cue, mode="reported_speech", lemma=lemma, head=i)


def _clause_subject(tokens: list[Token], j: int, lex: Lexicon, tables: dict) -> Range | None:
    """The subject of the clause that an inheriting cue at j + 1 hangs on ("Trump returned
    the compliment, telling …", "Mr. Smith was forced out and said …"), when that clause
    has no cue verb of its own: a short noun phrase at the start of the sentence, or
    after one opening adverbial ("Hours later, Trump …"), right before a finite verb."""
    begin = j
    while begin > 0 and j - begin < 60 and tokens[begin - 1].text not in ";:" \
            and tokens[begin - 1].text not in QUOTE_CHARS and not _is_dash(tokens, begin - 1):
        begin -= 1
    if begin > 0:
        return None  # only the sentence's own main clause
    start = begin
    if tokens[start].lower in tables["opener_words"]:
        # one opening adverbial before a comma: "Here in Columbia,", "On Thursday,"
        comma = next((k for k in range(start + 1, min(j, start + 9)) if tokens[k].text == ","), None)
        if comma is None:
            return None
        start = comma + 1
        if start < j and tokens[start].lower in tables["opener_words"]:
            return None
    return _subject_before_verb(tokens, start, j, lex, tables)


def _subject_before_verb(tokens: list[Token], s: int, j: int, lex: Lexicon, tables: dict) -> Range | None:
    """A noun phrase of at most six words from token s, followed by a finite verb before j."""
    while s < j and (tokens[s].lower in lex.word("coordinators") or tokens[s].lower in lex.word("subject_openers")):
        s += 1
    if s >= j or not tokens[s].is_word:
        return None
    first = tokens[s]
    pronouns = tables["subject_pronouns"]
    if first.lower in pronouns:
        end = s + 1
    elif (first.is_cap or first.lower in tables["determiners"]) and first.lower not in tables["not_clause_subjects"] \
            and not first.lower.endswith(("ing", "ly")):
        end = s
        while end < j and end - s < 6:
            t = tokens[end]
            if t.is_word and (t.is_cap or t.lower in tables["determiners"] and t.lower not in ("that", "this")
                              or t.lower in ("'s", "’s")) \
                    or t.text in "'’-." and end > s and tokens[end - 1].end == t.start:
                end += 1
                continue
            if t.is_word and not _finite_verb(t, lex, tables) and t.lower not in tables["non_subjects"] \
                    and not t.lower.endswith("ly") and t.lower not in tables["pre"] and end > s \
                    and t.lower not in lex.word("subject_openers") and t.lower not in tables["parenthetical"]:
                end += 1  # a common noun: "The billionaire businessman"
                continue
            break
        if tokens[end - 1].lower in tables["determiners"]:
            return None
        # a name, or a noun for someone who can speak: not "The decision", "The hope"
        named = any(t.is_cap for t in tokens[s + 1:end]) or first.is_cap and first.lower not in tables["determiners"]
        if not named and not any(t.lower in tables["speaker_nouns"] for t in tokens[s:end]):
            return None
    else:
        return None
    v = end
    while v < j and v - end < _MAX_PRE and tokens[v].is_word and (
            tokens[v].lower in tables["adverbs"] or tokens[v].lower.endswith("ly") and len(tokens[v].lower) > 4):
        v += 1  # "Trump also told", "Clinton quickly"
    if v >= j or not _finite_verb(tokens[v], lex, tables):
        return None
    if tokens[v].lower in tables["be"] and v + 1 < j and (_finite_verb(tokens[v + 1], lex, tables)
                                                          or tokens[v + 1].lower.endswith(("en", "wn"))):
        return None  # a passive: "The decision was included", "I was told"
    return (s, end)


def _finite_verb(token: Token, lex: Lexicon, tables: dict) -> bool:
    """A word that is most likely a finite verb after a subject: an auxiliary, a past
    form in -ed, or a common irregular past form ("took", "began")."""
    lower = token.lower
    if not token.is_word or token.is_cap:
        return False
    return lower in tables["finite_auxiliaries"] or lower in tables["irregular_past"] \
        or len(lower) > 4 and lower.endswith("ed") and lower not in tables["non_subjects"]


def _sourceless(tokens: list[Token], i: int, lex: Lexicon, tables: dict) -> Found | None:
    """"Trump seemed to enjoy it", "the plan appears doomed": an appearance with no source.
    "appeared on Fox News" / "appeared at a rally" is a physical appearance, not a cue."""
    token = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or not nxt.is_word or token.is_cap and i > 0:
        return None
    if nxt.lower in lex.word("attachments") and nxt.lower != "to" or nxt.lower in ("before", "alongside", "together"):
        return None
    prev = tokens[i - 1] if i > 0 else None
    if prev is not None and (prev.lower in ("to", "'s", "’s") or prev.lower in tables["determiners"]):
        return None  # "to appear", "his appearance"
    pre = _pre_run(tokens, i, tables)
    return Found(source=None, cue=list(range(pre, i + 1)), mode="reported", head=i, appearance=True)


def _cue_tail(tokens: list[Token], i: int, lemma: str, lex: Lexicon, tables: dict) -> list[int]:
    """Words after the verb that belong to the cue: a particle ("called for", "talked about")
    or a medium ("said in a statement", "told … in an interview")."""
    n = len(tokens)
    k = i + 1
    if k >= n or not tokens[k].is_word:
        return []
    lower = tokens[k].lower
    after = tokens[k + 1] if k + 1 < n else None
    if lower in ("in", "during") and after is not None and after.lower in ("a", "an", "the", "his", "her", "their") \
            and k + 2 < n and tokens[k + 2].lower in tables["media"]:
        if k + 3 < n and tokens[k + 3].lower == "with":
            return [k, k + 1, k + 2, k + 3]  # "in an interview with Reuters": the outlet is a via
        return [k, k + 1, k + 2]
    particles = tables["say_particles"] if lemma in tables["say_lemmas"] else tables["particles"]
    if lower == "to" and after is not None and after.is_word and not _nominal_start(after, tables):
        return []  # "declined to comment": an infinitive marker, not a particle ("referred to the law")
    if lower in particles and after is not None and (after.is_word or after.text in QUOTE_CHARS) \
            and after.lower not in tables["time_words"] and not after.is_number:
        return [k]
    return []


def _nominal_start(token: Token, tables: dict) -> bool:
    """A word that can open a noun phrase: a name, number, determiner, pronoun or "-ing" form."""
    lower = token.lower
    return token.is_cap or token.is_number or lower in tables["determiners"] or lower in tables["object_pronouns"] \
        or lower.endswith("ing")


def _inside_subject(tokens: list[Token], i: int, tables: dict) -> bool:
    """A strong cue ("said") follows in the same clause with no "that" or quote between:
    the word at i belongs to its subject ("The report released Monday said")."""
    strong = tables["strong"]
    for k in range(i + 1, min(len(tokens), i + 12)):
        t = tokens[k]
        if not t.is_word:
            if t.text in ".": 
                continue
            return False
        if t.lower in ("that", "who", "which") or t.lower in tables["object_pronouns"]:
            return False
        if t.lower in strong:
            return tokens[k - 1].is_word and tokens[k - 1].lower not in tables["non_subjects"]
    return False


def _relative_that(tokens: list[Token], j: int, lex: Lexicon, tables: dict) -> bool:
    """"organizations that have endorsed": "that" after a noun, not after a verb."""
    before = tokens[j - 1]
    if not before.is_word or before.lower in tables["non_subjects"] or before.key in lex.verb_forms:
        return False
    return not before.lower.endswith(("ed", "ly"))


def _clear_verb(tokens: list[Token], i: int, j: int, lex: Lexicon, tables: dict) -> bool:
    """A word that is also a noun ("states", "report") is a verb only in clear contexts."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    subject = tokens[j]
    if nxt is not None and (nxt.lower == "that" or nxt.text in QUOTE_CHARS or nxt.text == ":"):
        return subject.lower not in lex.word("attachments")
    return subject.lower in lex.kinds.get("pronoun", ()) or subject.lower in tables["relatives"]


def _drop_relative(tokens: list[Token], rng: Range, lex: Lexicon, tables: dict) -> Range:
    """"progressive organizations that have endorsed him say": the head before the relative clause."""
    start, end = rng
    for k in range(start + 1, end):
        if tokens[k].lower in tables["relatives"] or tokens[k].lower == "that":
            if _keeper_at(tokens, k, lex):
                return rng
            return (start, k)
    return rng


def _ing_adjunct(tokens: list[Token], i: int, lemma: str, cue: list[int], lex: Lexicon, tables: dict,
                 used: set[int]) -> Found | None:
    """", adding that …", "by saying …", "a statement saying …"."""
    j = cue[0] - 1
    if j < 0:
        return None
    prev = tokens[j]
    if prev.text == "," or prev.lower in tables["adjunct_openers"]:
        return Found(source=None, cue=cue, mode="reported_speech", lemma=lemma, inherit=True, head=i,
                     subject=_clause_subject(tokens, j, lex, tables))
    if lemma in tables["ing_after_noun"] and prev.is_word and _subject_end_ok(prev, tables) \
            and prev.lower not in lex.kinds.get("pronoun", ()):
        subject = _backward(tokens, j, 0, lex)
        if subject is not None and not used.intersection(range(*subject)):
            for q in range(subject[0] + 1, j):
                if tokens[q].lower in tables["issue_verbs"] and not tokens[q].is_cap:
                    # "The governor issued a statement saying …": the issuer is the source,
                    # "issued a statement … saying" the cue
                    return Found(source=(subject[0], q), cue=list(range(q, j + 1)) + cue, mode="reported_speech",
                                 lemma=lemma, head=i)
            return Found(source=subject, cue=cue, mode="reported_speech", lemma=lemma, head=i)
    return None


# --- between sentences ----------------------------------------------------------

_OPENERS = "“\"«"
_CLOSERS = "”\"»"


def _open_paragraph_quotes(text: str) -> list[tuple[int, int]]:
    """Paragraphs that open a quotation and never close it: a quote that runs on
    into the next paragraph (the closing mark only comes at its very end)."""
    regions = []
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        line = text[start:end]
        stripped = line.lstrip()
        curly = stripped[:1] in _OPENERS and not any(c in _CLOSERS for c in stripped[1:]) and "''" not in stripped[2:]
        doubled = stripped[:2] == "''" and "''" not in stripped[2:]
        if curly or doubled:
            regions.append((start + len(line) - len(stripped), end))
        start = end + 1
    return regions


_QUOTE_OR_LINE = re.compile("[„“”»«\"\n]")
_QUOTE_PAIRS = {"„": "“”\"", "“": "”\"", "»": "«", "«": "»", '"': '"'}


def _quote_regions(text: str) -> list[tuple[int, int]]:
    """``discourse.quote_regions`` (quotations of three words or more inside a paragraph),
    visiting only the quote marks and line ends instead of every character."""
    regions = []
    opener = None
    start = 0
    for match in _QUOTE_OR_LINE.finditer(text):
        ch, i = match.group(), match.start()
        if ch == "\n":
            opener = None
            continue
        if opener is None:
            if ch != "”":
                opener, start = ch, i
        elif ch in _QUOTE_PAIRS[opener]:
            if len(text[start + 1:i].split()) >= 3:
                regions.append((start, i + 1))
            opener = None
    return regions


def link(text: str, tagged: list, lex: Lexicon) -> list:
    """Cues inside a quotation of several sentences are the speaker's own words;
    a quotation right after an attributed quote continues it."""
    regions = sorted(_quote_regions(text) + _open_paragraph_quotes(text))
    r = 0
    speaker = None  # the attribution of the last attributed quote in this paragraph
    paragraph = None
    for i, s in enumerate(tagged):
        if s.paragraph != paragraph:
            paragraph, speaker = s.paragraph, None
        while r < len(regions) and regions[r][1] <= s.start:
            r += 1
        inside = r < len(regions) and regions[r][0] <= s.start and s.end <= regions[r][1] + 1
        attributions = s.attributions
        if inside and any(a.cue is not None for a in attributions):
            attributions = tuple(a for a in attributions if a.cue is None)
            s = s.model_copy(update={"attributions": attributions})
        starts_quote = s.text[:1] in _OPENERS or s.text[:2] == "''"
        if not attributions and not s.is_heading and speaker is not None and (inside or starts_quote):
            carried = Attribution(source=speaker.source, cue=None, via=speaker.via, mode="carried_over")
            s = s.model_copy(update={"attributions": (carried,), "has_quote": True})
        tagged[i] = s
        named = next((a for a in s.attributions if a.source is not None and a.cue is not None), None)
        if named is not None:
            speaker = named if s.has_quote or any(c in s.text for c in "“”\"") else None
    return _resolve_persons(tagged, lex)


_NAME = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)+")


def _name_mentions(text: str, lex: Lexicon) -> list[str]:
    """Personal names in a sentence: two or more capitalised words in a row ("Judge Marta Ilves")."""
    organizations = lex.kinds.get("organization", frozenset()) | lex.kinds.get("outlet_words", frozenset())
    names = []
    for match in _NAME.finditer(text):
        words = match.group().split()
        if not any(w.lower().strip(".") in organizations for w in words):
            names.append(match.group())
    return names


def _resolve_persons(tagged: list, lex: Lexicon) -> list:
    """"he" and "she" stand for the last person quoted, or else the last person named."""
    persons = lex.word("person_pronouns")
    last_person: str | None = None
    last_mention: str | None = None
    for i, s in enumerate(tagged):
        changed = []
        for a in s.attributions:
            src = a.source
            if src is not None and src.kind == "pronoun" and src.resolved_to is None \
                    and src.text.lower() in persons and (last_person or last_mention):
                a = a.model_copy(update={"source": src.model_copy(update={"resolved_to": last_person or last_mention})})
            if a.source is not None and a.source.kind == "person":
                last_person = a.source.resolved_to or a.source.text
            changed.append(a)
        if changed != list(s.attributions):
            tagged[i] = s.model_copy(update={"attributions": tuple(changed)})
        if last_person is None and not s.is_heading:
            mentions = _name_mentions(s.text, lex)
            if mentions:
                last_mention = mentions[-1]
    return tagged
