"""German word classes and tests on single tokens (or a few at one position):
is this word a name, an adjective inside a noun phrase, a statement noun, an
abbreviation, the start of a short quoted name?"""

from __future__ import annotations

from ....lexicon import Lexicon
from ...tokens import QUOTE_CHARS, Token

ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


BRACKETS = {"(": ")", "[": "]"}


CLAUSE_BREAKS = frozenset(",;:–—")


OPEN_QUOTES = frozenset("„»“\"")


STANDALONE_DETERMINERS = frozenset({"diese", "dieser", "dieses", "jene", "jener", "beide", "beiden", "alle", "viele",
                                     "einige", "manche", "mehrere", "andere", "weitere", "zahlreiche", "der", "die",
                                     "das"})


CHANNEL_PREPS = frozenset({"im", "in", "bei", "beim", "zur", "zum", "gegenüber", "auf", "vor"})


def function_words(lex: Lexicon) -> frozenset[str]:
    """Words that are never an adjective inside a noun phrase ("unter", "aber", "wurden")."""
    return lex.derived(_function_words)


def _function_words(lex: Lexicon) -> frozenset[str]:
    return (lex.word("prepositions") | lex.word("non_subject_openers") | lex.word("subordinators")
            | lex.word("coordinators") | lex.word("auxiliaries") | lex.word("phrase_stoppers")
            | lex.word("subject_pronouns")) - lex.word("determiners")


_DOMAINS = (".de", ".com", ".net", ".org", ".at", ".ch", ".eu", ".info", ".uk", ".fr", ".it", ".ru")


def lower_name(token: Token) -> bool:
    """A name written in lower case: "el-Baradei", "al-Sadr", "bildblog.de", "faz.net"."""
    text = token.text
    if not token.is_word or token.is_cap:
        return False
    if "-" in text:
        return any(part[:1].isupper() for part in text.split("-")[1:])
    return text.endswith(_DOMAINS) and text.index(".") > 1


def verb_after_noun(tokens: list[Token], k: int, lex: Lexicon, *, after_quote: bool) -> bool:
    """Is tokens[k] a lowercase word right after a noun, a closing bracket or (``after_quote``)
    a quotation mark?  Then it ends a phrase: an adjective follows a determiner, a link or
    another adjective, never the noun itself. A genitive plural without article ends in
    -er and stays ("nach Meinung politischer Beobachter")."""
    token, before = tokens[k], tokens[k - 1]
    determiners = lex.word("determiners")
    if not token.is_word or token.is_cap or token.is_number or token.lower.endswith("er") \
            or token.lower in determiners or lower_name(token):
        return False
    return before.is_word and before.is_cap and before.lower not in determiners or before.text in ")]" \
        or after_quote and before.text in QUOTE_CHARS


def np_word(tokens: list[Token], k: int, end: int, lex: Lexicon) -> bool:
    """Can token k stand inside a German noun phrase?"""
    token = tokens[k]
    if not token.is_word:
        return token.text in "-/&'’."
    if token.is_cap or token.is_number or (token.text,) in lex.outlets or lower_name(token):
        return True  # "die dpa"
    lower = token.lower
    if lower in lex.word("determiners"):
        return True
    # an adjective or participle ("hochrangigen", "ehemaligen") needs a noun after it;
    # a finite cue verb is none ("… kündigten Untersuchungen an")
    if lower.endswith(ADJECTIVE_ENDINGS) and lower not in function_words(lex) and not any(
            not f.participle for f in lex.verb_forms.get(lower, ())):
        for nxt in range(k + 1, min(k + 4, end)):
            if tokens[nxt].is_cap:
                return True
            if not tokens[nxt].is_word or not tokens[nxt].lower.endswith(ADJECTIVE_ENDINGS):
                break
    return False


def quoted_name(tokens: list[Token], k: int, end: int) -> int | None:
    """End (exclusive) of a short quoted name at k: „Der Spiegel“, »Bild«."""
    if tokens[k].text not in OPEN_QUOTES:
        return None
    for j in range(k + 1, min(end, k + 7)):
        if tokens[j].text in QUOTE_CHARS:
            inner = tokens[k + 1:j]
            if inner and (inner[0].is_cap or lower_name(inner[0])) and all(t.is_word or t.text in "-.&'" for t in inner):
                return j + 1
            return None
        if not tokens[j].is_word and tokens[j].text not in "-.&'":
            return None
    return None


def channel_follows(tokens: list[Token], k: int, limit: int, lex: Lexicon) -> bool:
    """Does a channel noun ("Fernsehen", "Interview", "Pressekonferenz") head the phrase at k?"""
    channels = lex.word("channel_nouns")
    for j in range(k, min(limit, k + 4)):
        t = tokens[j]
        if not t.is_word:
            return False
        if t.is_cap and t.lower not in lex.word("determiners"):
            low = t.lower
            return low in channels or any(low[i:] in channels for i in range(1, len(low) - 4))
    return False


def is_statement(token: Token, nouns: frozenset[str], exact: frozenset[str] = frozenset()) -> bool:
    """A statement noun, or a compound ending in one ("Polizeiangaben"); the words in
    ``exact`` only as themselves ("Sicht", not "Voraussicht")."""
    word = token.lower
    if word in nouns:
        return True
    return token.is_cap and any(word[i:] in nouns and word[i:] not in exact for i in range(1, len(word) - 4))


_ROMAN = frozenset(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
                    "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"])


# titles and degrees before a name: "Dr. Klaus Brenner", "Prof. Dr. med. Ina Lorenz"
_TITLES = frozenset(["Dr", "Prof", "Dipl", "Ing", "med", "jur", "phil", "rer", "nat", "habil", "St"])


def abbreviation(token: Token) -> bool:
    """A token a period may follow inside a sentence: a Roman numeral, an initial or a title."""
    return token.text in _ROMAN or token.text in _TITLES or len(token.text) == 1 and token.text.isupper()


def adverb_like(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """A sentence-initial adverb or adjective standing alone before the verb
    ("Unmissverständlich", "Bezüglich", "Besorgt"): capitalised only by position."""
    t = tokens[k]
    if k > 0 and any(tokens[j].is_word for j in range(k)) or not t.is_word:
        return False
    low = t.lower
    if low in lex.word("determiners") or low in lex.word("subject_pronouns"):
        return False
    return len(low) > 5 and low.endswith(tuple(lex.word("adverb_endings"))) \
        and low not in lex.word("non_subject_openers") and low not in lex.word("prepositions")
