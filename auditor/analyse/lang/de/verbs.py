"""German cue verbs and who speaks for them.

German puts the finite verb second in a main clause ("Die Polizei teilte mit"),
last in a subordinate one ("wie die Polizei mitteilte"), and lets the subject
follow the verb when something else comes first ("Am Montag sagte der
Minister", "„…“, sagte er"). No parser: the clause is read with the word
classes of ``rules/lexicons/de.toml``.

Conventions (from the German WikiNews gold, checked against the seed articles):

* a cue verb is an attribution only when it has content: a clause after it
  (", dass …", ", die Stadt habe …"), a colon, a quotation in or next to its
  clause, a "wie X mitteilte" frame, or a demonstrative object that points back
  ("Dies teilte X mit"). "Der Minister kritisierte die Pläne" is no attribution;
* the cue holds every piece: auxiliary and participle ("hatte … gesagt", the
  participle is the head), particle ("teilte … mit"), "wie" of "wie X
  mitteilte", a reflexive or correlate ("äußerte sich", "geht davon aus");
* "nach Angaben der Polizei": cue "nach", source "Angaben der Polizei" (the
  statement noun belongs to the source); "Seiner Meinung nach" likewise
  (:mod:`.frames`);
* "Demnach", "demzufolge" are cue and source at once; "wonach" takes the noun
  phrase before it (:mod:`.frames`).
"""

from __future__ import annotations

from ....lexicon import Lexicon, VerbForm
from ...found import Found
from ...phrases import MAX_PHRASE, Range
from ...readings import verb_reading
from ...tokens import FINAL_PUNCT, QUOTE_CHARS, Token
from .clauses import Clause, Scan, clause_bounds, quoted_tokens, sentence_subject, wie_apposition_subject
from .content import (
    content_follows,
    object_is_content,
    quote_content,
    quoted_predicate,
    reported_act,
)
from .kinds import classify
from .phrases import np_clause
from .subjects import Reading, is_verb_final, verb_final, verb_second
from .words import ADJECTIVE_ENDINGS, BRACKETS, CLAUSE_BREAKS


def find_verbs(tokens: list[Token], lex: Lexicon, used: set[int]) -> list[Found]:
    """Cue verbs with their source, for German."""
    verb_forms = lex.verb_forms
    if not any(t.key in verb_forms or t.lower == _KNOWN for t in tokens):
        return []  # two sentences in three have no cue: spare them the clause scans
    starts, ends = clause_bounds(tokens)
    inside, _ = quoted_tokens(tokens)
    scan = Scan(tokens=tokens, lex=lex, used=used, starts=starts, ends=ends, inside=inside)
    found: list[Found] = []
    for i, token in enumerate(tokens):
        if i in used or not token.is_word or token.key not in verb_forms or i in inside:
            continue
        clause = cue_clause(scan, i)
        if clause is None:
            control = _control_infinitive(scan, i)
            if control is not None:
                found.append(control)
                used.update(control.cue + list(range(*control.source)))
            continue
        wie = wie_apposition_subject(tokens, i, clause.cs, clause.first_word, clause.verb_final, starts, lex)
        if wie is not None:
            # "wie der Bürgermeister, Peter Kunz, der Presse mitteilte": subject and apposition stand before
            finding = _wie_finding(scan, clause, *wie)
        else:
            reading = verb_final(scan, clause) if is_verb_final(scan, clause) else verb_second(scan, clause)
            finding = reading and _finding(scan, clause, reading, found[-1] if found else None)
        if finding is not None:
            found.append(finding)
            used.update(finding.cue)
            if finding.source:
                used.update(range(*finding.source))
    found += _became_known(tokens, lex, used, starts, ends, inside)
    return found


def _control_infinitive(scan: Scan, i: int) -> Found | None:
    """ "Die Sprecher beeilten sich, gegenüber Journalisten zu erklären, dass …": a cue as a
    zu-infinitive after a verb of trying or hurrying speaks for that verb's subject."""
    tokens, lex = scan.tokens, scan.lex
    if i < 3 or tokens[i - 1].lower != "zu" or scan.used.intersection((i - 1, i)):
        return None
    form = next((f for f in lex.verb_forms.get(tokens[i].key, ()) if f.particle is None), None)
    cs = scan.starts[i]
    if form is None or cs < 2 or tokens[cs - 1].text != "," or not content_follows(tokens, scan.ends[i], lex):
        return None
    controls = lex.word("control_verb_forms")
    verb = next((k for k in range(scan.starts[cs - 1], cs - 1) if tokens[k].lower in controls), None)
    if verb is None:
        return None
    subject = sentence_subject(tokens, verb + 1, lex)
    if subject is None or subject[1] > verb or scan.used.intersection(range(*subject)):
        return None
    return Found(source=subject, cue=[verb, i - 1, i], mode="reported_speech", lemma=form.lemma, head=i)


# --- the cue verb in its clause ------------------------------------------------------


def cue_clause(scan: Scan, i: int) -> Clause | None:
    """The verb at i read as a cue in its clause, or None when it is none there."""
    tokens, lex = scan.tokens, scan.lex
    token = tokens[i]
    if token.is_cap and i > 0 or i > 0 and tokens[i - 1].lower in ("zu", "zum"):
        return None
    if token.lower in lex.word("determiner_homographs") and i + 1 < len(tokens) and tokens[i + 1].is_word \
            and (tokens[i + 1].is_cap or tokens[i + 1].lower.endswith(ADJECTIVE_ENDINGS)
                 and i + 2 < len(tokens) and tokens[i + 2].is_cap):
        return None  # "meine Plattform": a possessive, not the verb "meinen"
    cs = scan.starts[i]
    reading, ce = _reading(tokens, i, scan.ends[i], lex)
    if reading is None:
        return None
    form, extra = reading
    if _no_cue_here(tokens, i, cs, ce, form, lex):
        return None
    cue = [i] if extra is None else [i, extra]
    companions = _companions(tokens, i, ce, form.lemma, lex, cs)
    if form.lemma in lex.word("companion_required") and not any(
            tokens[k].lower in lex.word("companions:" + form.lemma) for k in companions):
        return None  # "zeigte sich zufrieden" is a cue, "zeigte ein Bild" is not
    cue += companions
    participle = form.participle or (
        all(f.participle for f in lex.verb_forms.get(token.key, ()) if f.lemma == form.lemma))
    words = [k for k in range(cs, ce) if tokens[k].is_word and k not in scan.inside]
    # the finite verb: the cue itself or an auxiliary before it
    auxiliaries = lex.word("auxiliaries")
    aux_before = [k for k in words if k < i and tokens[k].lower in auxiliaries]
    aux_after = [k for k in words if k > i and tokens[k].lower in auxiliaries]
    verb_final = not any(k > i and k not in aux_after and tokens[k].lower not in lex.particles
                         and k not in cue for k in words)
    return Clause(i=i, form=form, cs=cs, ce=ce, cue=cue, words=words, aux_before=aux_before, aux_after=aux_after,
                  first_word=words[0] if words else i, participle=participle, verb_final=verb_final)


def _reading(tokens: list[Token], i: int, ce: int,
             lex: Lexicon) -> tuple[tuple[VerbForm, int | None] | None, int]:
    """The cue reading of the verb at i with the position of its particle, and the clause end
    (past an apposition when the particle follows one)."""
    token = tokens[i]
    reading = verb_reading(tokens, i, ce, lex)
    if (reading is None or reading[1] is None) and ce < len(tokens) and tokens[ce].text == ",":
        # "Dies teilte der Leiter des Amtes, Karl Brenner, mit.": the particle follows an apposition
        late = _particle_after_apposition(tokens, i, ce, lex)
        if late is not None:
            reading = late[:2]
            ce = late[2]
    if reading is None and i > 0 and not tokens[i - 1].is_cap:
        # the particle written apart before the verb: "wie die Bank bekannt gab", "bekannt gegeben"
        form = next((f for f in lex.verb_forms.get(token.key, ()) if f.particle == tokens[i - 1].lower), None)
        if form is not None:
            reading = (form, i - 1)
    if reading is not None and reading[1] is not None and reading[1] > i + 1:
        # "führte X an und führte aus, …": the clause-final particle belongs to the second verb
        coord = next((k for k in range(i + 1, reading[1]) if tokens[k].lower in ("und", "oder", "sowie", "aber")
                      and k + 1 < len(tokens) and tokens[k + 1].key in lex.verb_forms), None)
        if coord is not None:
            form = next((f for f in lex.verb_forms.get(token.key, ()) if f.particle
                         and f.particle == tokens[coord - 1].lower), None)
            reading = (form, coord - 1) if form is not None else None
    return reading, ce


def _no_cue_here(tokens: list[Token], i: int, cs: int, ce: int, form: VerbForm, lex: Lexicon) -> bool:
    """A verb of the lexicon read in a sense that says nothing."""
    words_of = lex.derived(_verb_words)
    if form.lemma in words_of["not_cues"]:
        return True
    if form.lemma in words_of["reflexive_not_cues"] and i + 1 < len(tokens) and tokens[i + 1].lower == "sich" \
            or i > 0 and tokens[i - 1].lower == "sich" and form.lemma in words_of["reflexive_not_cues"]:
        return True  # "Damit bestätigt sich die Befürchtung": it turns out, no one says so
    if form.lemma not in words_of["sein_participle_homographs"]:
        return False
    # a form that may be the participle ("vertreten" is also the plural) with "sein":
    # "sind in Brand geraten" (got into), "die im Bundestag vertreten sind" (represented)
    may_be_participle = form.participle or tokens[i].lower == form.lemma
    return may_be_participle and any(tokens[k].lower in words_of["sein_forms"] for k in range(cs, ce))


def _companions(tokens: list[Token], i: int, ce: int, lemma: str, lex: Lexicon, cs: int | None = None) -> list[int]:
    """Words that belong to the cue: "äußerte sich", "geht davon aus", "wies darauf hin"."""
    wanted = lex.word("companions:" + lemma)
    found: list[int] = []
    if wanted:
        for k in range(i + 1, min(ce, i + 6)):
            if tokens[k].lower in wanted and not tokens[k].is_cap:
                found.append(k)
                break
    correlates = lex.word("correlates")
    about_words = lex.word("correlates_only_with")
    frames = lex.word("manner_frames")
    for k in range(i + 1, min(ce, i + 10)):
        t = tokens[k]
        if t.is_cap or not t.is_word or k in found:
            continue
        if t.lower in correlates and ce < len(tokens) and tokens[ce].text in ",:" and not (
                t.lower in about_words and lemma not in lex.word("correlate_verbs:" + t.lower)):
            # the correlate of the content clause: "warnte davor, …", "verwies darauf, dass …"
            found.append(k)
            break
        if t.lower == "mit" and k + 2 < ce and tokens[k + 1].lower in ("den", "der", "dem") \
                and tokens[k + 2].lower in frames:
            found += [k, k + 1, k + 2]  # "lehnte mit den Worten ab: …", "mit der Begründung, …"
            break
    if cs is not None and not any(tokens[k].lower == "mit" for k in found):
        for k in range(max(cs, i - 8), i - 2):
            if tokens[k].lower == "mit" and tokens[k + 1].lower in ("den", "der", "dem") \
                    and tokens[k + 2].lower in frames:
                found += [k, k + 1, k + 2]  # "hatte den Plan mit den Worten abgelehnt"
                break
    return found


def _particle_after_apposition(tokens: list[Token], i: int, ce: int, lex: Lexicon):
    """The separated particle of the verb at i when one or two appositions stand between:
    "teilte der Leiter des Amtes, Karl Brenner, mit" -> (form, particle position, new clause end)."""
    forms = [f for f in lex.verb_forms.get(tokens[i].key, ()) if f.particle]
    if not forms:
        return None
    n = len(tokens)
    j = ce
    for _ in range(2):
        if j >= n or tokens[j].text != ",":
            return None
        k = j + 1
        limit = min(n, k + MAX_PHRASE)
        while k < limit and tokens[k].text not in CLAUSE_BREAKS and tokens[k].text not in FINAL_PUNCT:
            k += 1
        if k >= n or tokens[k].text not in CLAUSE_BREAKS and tokens[k].text not in FINAL_PUNCT:
            return None
        words = [t for t in tokens[j + 1:k] if t.is_word]
        last = words[-1] if words else None
        minor = lex.word("prepositions") | lex.word("non_subject_openers") | lex.word("determiners")
        if last is not None and len(words) <= 4 and not last.is_cap \
                and all(t.is_cap or t.lower in minor for t in words[:-1]):
            # the tail of the clause: "mit", "in Luxemburg mit", "bekannt"
            form = next((f for f in forms if f.particle == last.lower), None)
            if form is not None and tokens[k - 1] is last:
                return form, k - 1, k
        if not np_clause(tokens, j + 1, k, lex):
            return None
        j = k
    return None


def _verb_words(lex: Lexicon) -> dict[str, frozenset[str]]:
    """The word lists find_verbs reads for every token."""
    return {name: lex.word(name) for name in ("not_cues", "reflexive_not_cues", "sein_participle_homographs",
                                              "sein_forms")}



# --- the attribution -------------------------------------------------------------------


def _wie_finding(scan: Scan, clause: Clause, wie_at: int, source: Range) -> Found | None:
    """ "wie der Bürgermeister, Peter Kunz, der Presse mitteilte": "wie" joins the cue."""
    if scan.used.intersection(range(*source)):
        return None
    cue = sorted(set(clause.cue + clause.aux_after + [wie_at]))
    return Found(source=source, cue=cue, mode="reported_speech", lemma=clause.form.lemma, head=clause.i)


def _finding(scan: Scan, clause: Clause, reading: Reading, previous: Found | None) -> Found | None:
    """The attribution of a reading once it says something and its source may speak; a source
    with no content is kept without a cue when the verb's object is what was said."""
    tokens, lex = scan.tokens, scan.lex
    source = reading.source
    silent = False
    if not _says_something(scan, clause, reading):
        if source is None or reading.sourceless or reading.inherit or reading.verb_last or not reported_act(
                tokens, clause.i, reading.finite, clause.ce, source, clause.form.lemma, lex):
            return None
        silent = True  # "Die Gewerkschaft forderte höhere Löhne": a source, but no cue in the gold
    if source is not None:
        if _no_source(scan, clause.i, source, previous):
            return None
        source = _source_bounds(tokens, source)
    antecedent = reading.antecedent
    return Found(source=source, cue=sorted(set(reading.cue)), mode="reported" if silent else "reported_speech",
                 lemma=clause.form.lemma, inherit=reading.inherit, head=clause.i, silent=silent,
                 antecedent=antecedent, kind=classify(tokens, antecedent, lex) if antecedent is not None else None)


def _says_something(scan: Scan, clause: Clause, reading: Reading) -> bool:
    """The reading's content, checked against what follows a second verb, quote-only verbs
    ("nennen"), a colon ending the text, and objects that are what was said."""
    tokens, lex, inside = scan.tokens, scan.lex, scan.inside
    i, cs, ce, lemma = clause.i, clause.cs, clause.ce, clause.form.lemma
    source, content = reading.source, reading.content
    second = next((k for k in range(i + 1, ce - 1) if tokens[k].lower in ("und", "sowie", "aber")
                   and tokens[k + 1].key in lex.verb_forms and k not in inside), None)
    if content and second is not None and not reading.verb_last \
            and not (cs > 0 and tokens[cs - 1].text in QUOTE_CHARS):
        # "X sprach sich gegen den Plan aus und sagte, …": what follows belongs to the second verb
        content = any(k in inside for k in range(cs, second))
    predicate = lemma in lex.word("quote_only_verbs") and source is not None \
        and quoted_predicate(tokens, inside, i, ce, source)
    if predicate:
        content = True  # "nannte den Plan „mutig“", "nannte den Bericht eine „Zeitungsente“"
    if content and lemma in lex.word("quote_only_verbs") and not predicate and not (
            quote_content(tokens, inside, cs, ce, source) or ce < len(tokens) and tokens[ce].text == ":"
            or cs > 0 and tokens[cs - 1].text in QUOTE_CHARS):
        content = False  # "nannte vier Bedingungen dafür, dass …" names things; "nannte den Plan „mutig“" quotes
    if content and reading.sourceless and ce + 1 == len(tokens) and tokens[ce].text == ":":
        content = False  # "Folgendes wurde festgestellt:" — no one says it in this sentence
    if not content and not reading.sourceless and source is not None:
        content = object_is_content(tokens, i, cs, ce, source, reading.compound, lemma, lex)
    return content


def _no_source(scan: Scan, i: int, source: Range, previous: Found | None) -> bool:
    """A source already taken (unless a coordinated verb shares it: "… ausgesprochen und
    behauptet"), or one that names no one ("es", "man")."""
    tokens, lex = scan.tokens, scan.lex
    if scan.used.intersection(range(*source)) and not (
            previous is not None and previous.source == source and previous.head is not None and any(
                tokens[k].lower in ("und", "sowie") for k in range(previous.head + 1, i))):
        return True
    if tokens[source[0]].lower in lex.word("non_sources") | {"es", "man"} and source[1] - source[0] == 1:
        return True
    return any(tokens[k].lower in lex.word("non_source_names") for k in range(*source))


def _source_bounds(tokens: list[Token], source: Range) -> Range:
    """ "Karl Wulf (CDU)" keeps its closing bracket; "Sowohl die Behörde als auch das Militär"
    its "Sowohl"."""
    if source[1] < len(tokens) and tokens[source[1]].text in ")]" \
            and any(tokens[k].text in BRACKETS for k in range(*source)):
        source = (source[0], source[1] + 1)
    if source[0] > 0 and tokens[source[0] - 1].lower == "sowohl" \
            and any(tokens[k].lower == "als" for k in range(*source)):
        source = (source[0] - 1, source[1])
    return source


_KNOWN = "bekannt"


def _became_known(tokens: list[Token], lex: Lexicon, used: set[int], starts: list[int], ends: list[int],
                  inside: set[int]) -> list:
    """ "Im April wurde bekannt, dass …", "nachdem bekannt geworden war, dass …": a cue with no source."""
    found = []
    becoming = lex.word("becoming_forms")
    for k, token in enumerate(tokens):
        if token.lower != _KNOWN or token.is_cap or k in used or k in inside:
            continue
        cs, ce = starts[k], ends[k]
        aux = [j for j in range(cs, ce) if tokens[j].lower in becoming and j not in used]
        wie = tokens[cs].key == "wie" and ce < len(tokens) and tokens[ce].text == ","
        if not aux or not (wie or content_follows(tokens, ce, lex)) or ce + 1 == len(tokens):
            continue
        cue = sorted(set(aux + [k]))
        if tokens[cs].key == "wie":
            cue.insert(0, cs)  # "Wie heute bekannt wurde, …"
        found.append(Found(source=None, cue=cue, mode="reported_speech", head=k))
        used.update(cue)
    return found
