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

from ....lexicon import Lexicon
from ...found import Found
from ...phrases import MAX_PHRASE, Range
from ...readings import verb_reading
from ...tokens import FINAL_PUNCT, QUOTE_CHARS, Token
from .clauses import (
    apposition_subject, auxiliary_before_apposition, clause_bounds, quoted_tokens, sentence_subject,
    wie_apposition_subject)
from .content import (
    content_follows, object_is_content, quote_content, quoted_predicate, reported_act, skip_channel_relative,
    skip_pp_segment)
from .kinds import classify, names_someone, speaker_like
from .phrases import np_clause, phrase_backward, phrase_forward, phrase_from, subject_after, with_apposition
from .words import (
    ADJECTIVE_ENDINGS, BRACKETS, CHANNEL_PREPS, CLAUSE_BREAKS, STANDALONE_DETERMINERS, adverb_like,
    channel_follows, np_word, quoted_name)


_SUBJECT_RELATIVES = frozenset({"der", "die", "das", "welcher", "welche", "welches"})


_OBJECT_DETERMINERS = frozenset({"den", "dem", "einen", "einem", "diesen", "diesem", "seinen", "seinem",
                                 "ihren", "ihrem", "jenen", "jenem"})


_DEMONSTRATIVE_OBJECTS = frozenset({"dies", "das", "dieses", "diese", "es", "darauf", "daran", "dazu",
                                    "hierzu", "hierauf", "davon", "darüber", "solches", "letzteres"})


_CONTRAST_ADVERBS = frozenset({"aber", "jedoch", "allerdings", "dennoch", "trotzdem"})


def _adverbial_vorfeld(tokens: list[Token], vorfeld: list[int], rng: Range, lex: Lexicon) -> bool:
    """Is the first position an adverbial rather than the subject? A time noun leads it
    ("Ende Januar 2006", "Wenige Stunden nach dem Putsch") or it is "Des Weiteren"."""
    times = lex.word("time_nouns")
    first = tokens[vorfeld[0]]
    if first.lower == "des" and len(vorfeld) > 1 and tokens[vorfeld[1]].lower in ("weiteren", "öfteren"):
        return True
    if len(vorfeld) > 1 and adverb_like(tokens, vorfeld[0], lex) and tokens[vorfeld[1]].lower in lex.word("prepositions"):
        return True  # "Passend zu den Gefahren warnte die Moderatorin"
    heads = [tokens[k] for k in range(rng[0], rng[1]) if tokens[k].is_cap and tokens[k].lower not in lex.word("determiners")]
    return any(h.lower in times for h in heads[:2])


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


def find_verbs(tokens: list[Token], lex: Lexicon, used: set[int]) -> list:
    """Cue verbs with their source, for German."""
    verb_forms = lex.verb_forms
    if not any(t.key in verb_forms or t.lower == _KNOWN for t in tokens):
        return []  # two sentences in three have no cue: spare them the clause scans
    starts, ends = clause_bounds(tokens)
    inside, _ = quoted_tokens(tokens)
    found: list[Found] = []
    auxiliaries = lex.word("auxiliaries")
    passive = lex.word("passive_auxiliaries")
    subordinators = lex.word("subordinators")
    relatives = lex.word("relative_pronouns")
    coordinators = lex.word("coordinators")
    adverbs = lex.word("non_subject_openers")
    prepositions = lex.word("prepositions")
    words_of = lex.derived(_verb_words)
    for i, token in enumerate(tokens):
        if i in used or not token.is_word or token.key not in lex.verb_forms or i in inside:
            continue
        if token.is_cap and i > 0 or i > 0 and tokens[i - 1].lower in ("zu", "zum"):
            continue
        if token.lower in lex.word("determiner_homographs") and i + 1 < len(tokens) and tokens[i + 1].is_word \
                and (tokens[i + 1].is_cap or tokens[i + 1].lower.endswith(ADJECTIVE_ENDINGS)
                     and i + 2 < len(tokens) and tokens[i + 2].is_cap):
            continue  # "meine Plattform": a possessive, not the verb "meinen"
        cs, ce = starts[i], ends[i]
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
        if reading is None:
            continue
        form, extra = reading
        if form.lemma in words_of["not_cues"]:
            continue
        if form.lemma in words_of["reflexive_not_cues"] and i + 1 < len(tokens) and tokens[i + 1].lower == "sich" \
                or i > 0 and tokens[i - 1].lower == "sich" and form.lemma in words_of["reflexive_not_cues"]:
            continue  # "Damit bestätigt sich die Befürchtung": it turns out, no one says so
        if form.participle and form.lemma in words_of["sein_participle_homographs"] and any(
                tokens[k].lower in words_of["sein_forms"] for k in range(cs, ce)):
            continue  # "sind in Brand geraten": got into, not advised
        cue = [i] if extra is None else [i, extra]
        companions = _companions(tokens, i, ce, form.lemma, lex, cs)
        if form.lemma in lex.word("companion_required") and not any(
                tokens[k].lower in lex.word("companions:" + form.lemma) for k in companions):
            continue  # "zeigte sich zufrieden" is a cue, "zeigte ein Bild" is not
        cue += companions
        participle = form.participle or (
            all(f.participle for f in lex.verb_forms.get(token.key, ()) if f.lemma == form.lemma))
        words = [k for k in range(cs, ce) if tokens[k].is_word and k not in inside]
        # the finite verb: the cue itself or an auxiliary before it
        aux_before = [k for k in words if k < i and tokens[k].lower in auxiliaries]
        aux_after = [k for k in words if k > i and tokens[k].lower in auxiliaries]
        first_word = words[0] if words else i
        source: Range | None = None
        antecedent: Range | None = None
        inherit = False
        content = False
        sourceless = False
        opener = tokens[first_word].key
        verb_final = not any(k > i and k not in aux_after and tokens[k].lower not in lex.particles
                             and k not in cue for k in words)
        main_verb_between = any(not tokens[k].is_cap and tokens[k].key in lex.verb_forms and k not in cue
                                and tokens[k - 1].lower not in ("zu", "und", "oder") for k in words if first_word < k < i)
        wie_subject = wie_apposition_subject(tokens, i, cs, first_word, verb_final, starts, lex)
        if wie_subject is not None:
            # "wie der Bürgermeister, Peter Kunz, der Presse mitteilte": subject and apposition stand before
            wie_at, source = wie_subject
            if used.intersection(range(*source)):
                continue
            cue = sorted(set(cue + aux_after + [wie_at]))
            found.append(Found(source=source, cue=cue, mode="reported_speech", lemma=form.lemma, head=i))
            used.update(cue)
            used.update(range(*source))
            continue
        # an auxiliary before the participle puts the verb second: "Als Begründung wurde angegeben, …"
        # is a main clause with an "als" phrase first, not a verb-final clause opened by "als"
        if first_word != i and first_word == cs and verb_final and not main_verb_between and not aux_before and (
                opener in subordinators or opener in relatives and cs > 0 and tokens[cs - 1].text == ","):
            # verb-final clause: "wie die Polizei mitteilte", ", der … bezeichnete"
            verb_last = True
            sub = tokens[first_word].lower
            if participle and not aux_after and not aux_before and sub != "wie":
                continue
            if sub == "wie" and form.lemma in lex.word("naming_verbs"):
                continue  # "„Trap“, wie er genannt wird": a name, not a statement
            cue += aux_after
            if sub in relatives and cs > 0 and tokens[cs - 1].text == ",":
                k = cs - 2
                while k >= max(0, cs - 5) and tokens[k].is_word and not tokens[k].is_cap:
                    k -= 1
                source = phrase_backward(tokens, k, 0, lex)
                content = any(k in inside for k in range(cs, ce)) or content_follows(tokens, ce, lex)
                nxt = tokens[cs + 1] if cs + 1 < ce else None
                if source is not None and tokens[cs].lower in _SUBJECT_RELATIVES and nxt is not None \
                        and nxt.lower not in lex.word("subject_pronouns") and nxt.lower not in lex.word("determiners"):
                    # ", der angab, …": the gold marks the relative pronoun; it stands for the phrase before
                    antecedent = source
                    source = (cs, cs + 1)
            else:
                source = subject_after(tokens, first_word + 1, i, lex)
                if sub == "wie":
                    cue.append(first_word)
                    content = True
                else:
                    strict = sub in lex.word("adverbial_subordinators")
                    content = content_follows(tokens, ce, lex, strict) or any(k in inside for k in range(cs, ce))
                if source is None and sub in passive:
                    continue
            if source is None:
                continue
        else:
            verb_last = False
            finite = aux_before[0] if aux_before else i
            split_subject = None
            if not aux_before and cs > 0 and tokens[cs - 1].text == "," and first_word == i and any(
                    f.participle for f in lex.verb_forms.get(token.key, ()) if f.lemma == form.lemma):
                # "Zuvor hatte ein Sprecher, Peter Kunz, erklärt": the auxiliary stands before the apposition;
                # any participle reading counts ("erklärt" is also a finite form)
                split = auxiliary_before_apposition(tokens, cs, starts, lex)
                if split is not None:
                    finite, split_subject = split
                    aux_before = [finite]
            if participle and not aux_before:
                continue  # "die geforderte Summe", "wie erwartet"
            if aux_before:
                cue.append(finite)
            vorfeld = [k for k in range(cs, finite) if tokens[k].is_word or tokens[k].text in QUOTE_CHARS]
            while vorfeld and tokens[vorfeld[0]].lower in coordinators:
                vorfeld = vorfeld[1:]
            while len(vorfeld) > 1 and tokens[vorfeld[0]].lower in lex.word("focus_particles") \
                    and tokens[vorfeld[1]].is_word:
                vorfeld = vorfeld[1:]  # "Auch der Minister sagte", "Selbst die Zeitung hatte … kritisiert"
            if len(vorfeld) == 1 and adverb_like(tokens, vorfeld[0], lex) \
                    and subject_after(tokens, finite + 1, ce, lex) is not None:
                vorfeld = []  # "Unmissverständlich sagt das Gericht, …": the subject follows the verb
            if finite - 1 > cs and tokens[finite - 1].lower in ("und", "sowie") and finite not in inside:
                vorfeld = []  # "X sprach sich dagegen aus und sagte": a second verb, the same subject
            # "…, und erklärte": same subject as before
            if not vorfeld and cs < finite and any(tokens[k].lower in coordinators for k in range(cs, finite)):
                inherit = True
                # "X sprach sich dagegen aus und sagte, …": when the first verb is no cue,
                # the subject of the sentence speaks
                opening = sentence_subject(tokens, finite - 1, lex)
                if opening is not None and not used.intersection(range(*opening)) and (
                        content_follows(tokens, ce, lex) or any(k in inside for k in range(cs, ce))):
                    source = opening
            if tokens[finite].lower in passive and finite != i:
                # "wurde von Macron vorgeschlagen": the agent is the source
                agent_at = [vorfeld[0]] if vorfeld and tokens[vorfeld[0]].lower in ("von", "vom") else []
                for k in agent_at + list(range(finite + 1, i)):
                    # "wurde von Macron vorgeschlagen", "Von den Behörden wird angenommen, dass …"
                    if tokens[k].lower in ("von", "vom") and k not in inside:
                        source = phrase_from(tokens, k + 1, finite if k < finite else i, lex)
                        if source is not None and classify(tokens, source, lex) == "person" \
                                and not speaker_like(tokens, source, lex):
                            source = None  # "wird eine Temperatur von 30 Grad angenommen": no agent
                        break
                if source is None and form.lemma in lex.word("passive_subject_speaks"):
                    # "„…“, wird Panetta zitiert", "Der Minister wird mit den Worten zitiert": the subject speaks
                    if vorfeld and tokens[vorfeld[0]].is_word and tokens[vorfeld[0]].key not in prepositions \
                            and tokens[vorfeld[0]].key not in adverbs:
                        rng = phrase_forward(tokens, vorfeld[0], finite, lex)
                        source = (vorfeld[0], vorfeld[-1] + 1) if rng is not None and tokens[vorfeld[-1]].is_word else rng
                    else:
                        source = with_apposition(tokens, subject_after(tokens, finite + 1, ce, lex), lex)
                    if source is not None and any(tokens[k].lower in ("von", "vom") for k in range(source[0], source[1])):
                        source = None
                    if source is not None:
                        content = content or quote_content(tokens, inside, 0, len(tokens), source) \
                            or content_follows(tokens, ce, lex) \
                            or cs > 0 and (tokens[cs - 1].text in QUOTE_CHARS or tokens[cs - 1].text == ",")
                if source is None:
                    # "Es wird vermutet, dass …", "Ihm wird vorgeworfen, …": a cue without a source
                    sourceless = True
                    for k in (finite - 1, finite + 1):
                        if 0 <= k < ce and k >= cs and tokens[k].lower == "es":
                            cue.append(k)  # the gold counts "Es" of "Es wird vermutet"
                else:
                    content = True
            elif inherit:
                pass  # "X zog die Konsequenzen und erklärte seinen Rücktritt": content is checked below
            elif vorfeld:
                first = tokens[vorfeld[0]]
                low = first.lower
                key = first.key  # lowered only at the start of the sentence: "Gegenüber", "Weiter"
                if first.is_word and low in lex.word("subject_pronouns") and len(vorfeld) == 1:
                    source = (vorfeld[0], vorfeld[0] + 1)
                elif not first.is_word and quoted_name(tokens, vorfeld[0], finite) is not None \
                        and phrase_forward(tokens, vorfeld[0], finite, lex) is not None:
                    # „BBC News“ berichtet, …: a quoted name is the subject, not a quotation
                    rng = phrase_forward(tokens, vorfeld[0], finite, lex)
                    source = (vorfeld[0], vorfeld[-1] + 1) if rng[1] <= vorfeld[-1] + 1 else rng
                elif not first.is_word or (key in prepositions or key in adverbs or key in subordinators) and not (
                        key in lex.word("determiners") and len(vorfeld) > 1) \
                        or (low in _DEMONSTRATIVE_OBJECTS and len(vorfeld) == 1) \
                        or low in _OBJECT_DETERMINERS or first.is_number and not (
                            len(vorfeld) > 1 and tokens[vorfeld[1]].is_cap
                            and tokens[vorfeld[1]].lower not in lex.word("time_nouns")) or (
                        not first.is_cap and low not in lex.word("determiners")
                        and not np_word(tokens, vorfeld[0], finite, lex)):
                    source = with_apposition(tokens, subject_after(tokens, finite + 1, ce, lex), lex)
                    if source is None and verb_final and cs > 1 and tokens[cs - 1].text == ",":
                        # "Wie Eva Roth, Sprecherin der Stadt, in Bonn mitteilte, …"
                        wie: list[int] = []
                        source = apposition_subject(tokens, cs, starts, lex, wie)
                        if wie:
                            cue.append(wie[0])
                            content = True
                        else:
                            source = None
                    if low in _DEMONSTRATIVE_OBJECTS and len(vorfeld) == 1:
                        content = True  # "Dies teilte der Sprecher mit"
                        if source is None and low in STANDALONE_DETERMINERS and content_follows(tokens, ce, lex):
                            source = (vorfeld[0], vorfeld[0] + 1)  # "Diese besagt, dass …": the pronoun is the subject
                    if not first.is_word:
                        content = True  # a quotation stands first
                else:
                    rng = phrase_forward(tokens, vorfeld[0], finite, lex)
                    if rng is not None:
                        # the Vorfeld is one constituent: the whole of it is the subject
                        # ("Ken Rice vom Institut für Astronomie in Edinburgh")
                        source = (vorfeld[0], vorfeld[-1] + 1) if tokens[vorfeld[-1]].is_word else rng
                        if rng[1] < source[1] and tokens[rng[1]].lower in CHANNEL_PREPS \
                                and channel_follows(tokens, rng[1] + 1, finite, lex):
                            source = rng  # "Haddad im staatlichen Fernsehen erklärte"
                        while source[1] - source[0] > 1 and not tokens[source[1] - 1].is_cap and (
                                tokens[source[1] - 1].lower in adverbs
                                or tokens[source[1] - 1].lower in lex.word("focus_particles")
                                or tokens[source[1] - 1].lower in _CONTRAST_ADVERBS):
                            source = (source[0], source[1] - 1)  # "Die Kanadier hingegen"
                        # an object stands first and the subject follows: "Die Pläne lobte er"
                        after = finite + 1
                        if after < ce and tokens[after].lower in ("er", "ich", "wir"):
                            source = (after, after + 1)
                        elif after < ce and tokens[after].is_cap and tokens[after].lower not in lex.word("determiners") \
                                and tokens[after].lower not in lex.word("time_nouns") \
                                and classify(tokens, source, lex) == "person" and not names_someone(tokens, source, lex):
                            # "Eine Verschiebung bezeichnete Conze als fatal": the object stands first
                            named = phrase_forward(tokens, after, ce, lex)
                            if named is not None and speaker_like(tokens, named, lex):
                                source = named
                        elif _adverbial_vorfeld(tokens, vorfeld, rng, lex):
                            # "Wenige Stunden nach dem Putsch erklärte der Rat", "Ende Januar verkündete X"
                            source = with_apposition(tokens, subject_after(tokens, finite + 1, ce, lex), lex) or source
                        elif source[0] == vorfeld[0] and cs > 1 and tokens[cs - 1].text == "," \
                                and starts[cs - 2] == 0 and np_clause(tokens, 0, cs - 1, lex) \
                                and speaker_like(tokens, (0, cs - 1), lex):
                            # the closing comma of an apposition left out: "Anna Weber, Sprecherin
                            # der Stadt sagte, …" — the name and its apposition are the subject
                            source = (0, source[1])
                    else:
                        source = subject_after(tokens, finite + 1, ce, lex)
            else:
                # the verb opens its clause: "„…“, sagte er", "Der Leiter, X, sagte:"
                source = split_subject
                if source is None and cs > 0 and tokens[cs - 1].text == ",":
                    wie: list[int] = []
                    source = apposition_subject(tokens, cs, starts, lex, wie)
                    if source is None:
                        content = True  # the clause before is what was said
                    elif wie:
                        cue.append(wie[0])  # "wie Burt Rutan, Chef von Scaled, mitteilte"
                        content = True
                if source is None and cs > 0 and tokens[cs - 1].text == "," and finite + 1 < ce \
                        and tokens[finite + 1].lower in _CONTRAST_ADVERBS and tokens[cs - 2].text not in QUOTE_CHARS:
                    # "Die Rebellen bestreiten den Vorwurf, beharren aber auf …": a second verb of the same subject
                    source = sentence_subject(tokens, cs - 1, lex)
                    if source is None:
                        continue
                elif source is None:
                    source = with_apposition(tokens, subject_after(tokens, finite + 1, ce, lex), lex)
                if cs > 0 and tokens[cs - 1].text in QUOTE_CHARS:
                    content = True
            if source is None and not inherit and not sourceless:
                continue
            if not content:
                # an apposition on the subject may run past the clause: "sagte X, Chef von Y: …"
                after = ce if source is None or source[1] <= ce else source[1]
                after = skip_pp_segment(tokens, after, lex)  # "sagte X, Chef von Y, gegenüber der BBC, dass …"
                after = skip_channel_relative(tokens, i, after, lex)  # "schrieb in einem Brief, der …, sie …"
                content = quote_content(tokens, inside, cs, ce, source) or content_follows(tokens, after, lex) \
                    or (cs > 0 and (tokens[cs - 1].text in QUOTE_CHARS
                                    or tokens[cs - 2].text in QUOTE_CHARS if cs > 1 else False))
                if not content and tokens[ce - 1].text in QUOTE_CHARS if ce - 1 > cs else False:
                    content = True
        second = next((k for k in range(i + 1, ce - 1) if tokens[k].lower in ("und", "sowie", "aber")
                       and tokens[k + 1].key in lex.verb_forms and k not in inside), None)
        if content and second is not None and not verb_last and not (cs > 0 and tokens[cs - 1].text in QUOTE_CHARS):
            # "X sprach sich gegen den Plan aus und sagte, …": what follows belongs to the second verb
            content = any(k in inside for k in range(cs, second))
        predicate = form.lemma in lex.word("quote_only_verbs") and source is not None \
            and quoted_predicate(tokens, inside, i, ce, source)
        if predicate:
            content = True  # "nannte den Plan „mutig“", "nannte den Bericht eine „Zeitungsente“"
        if content and form.lemma in lex.word("quote_only_verbs") and not predicate and not (
                quote_content(tokens, inside, cs, ce, source) or ce < len(tokens) and tokens[ce].text == ":"
                or cs > 0 and tokens[cs - 1].text in QUOTE_CHARS):
            content = False  # "nannte vier Bedingungen dafür, dass …" names things; "nannte den Plan „mutig“" quotes
        if content and sourceless and ce + 1 == len(tokens) and tokens[ce].text == ":":
            content = False  # "Folgendes wurde festgestellt:" — no one says it in this sentence
        if not content and not sourceless and source is not None:
            content = object_is_content(tokens, i, cs, ce, source, bool(aux_before), form.lemma, lex)
        silent = False
        if not content:
            if source is None or sourceless or inherit or verb_last or not reported_act(
                    tokens, i, finite, ce, source, form.lemma, lex):
                continue
            silent = True  # "Die Gewerkschaft forderte höhere Löhne": a source, but no cue in the gold
        if source is not None and used.intersection(range(*source)) and not (
                found and found[-1].source == source and found[-1].head is not None and any(
                    tokens[k].lower in ("und", "sowie") for k in range(found[-1].head + 1, i))):
            continue  # a source already taken; unless a coordinated verb shares it ("… ausgesprochen und behauptet")
        if source is not None and tokens[source[0]].lower in lex.word("non_sources") | {"es", "man"} \
                and source[1] - source[0] == 1:
            continue
        if source is not None and any(tokens[k].lower in lex.word("non_source_names") for k in range(*source)):
            continue
        cue = sorted(set(cue))
        if source is not None and source[1] < len(tokens) and tokens[source[1]].text in ")]" \
                and any(tokens[k].text in BRACKETS for k in range(*source)):
            source = (source[0], source[1] + 1)  # "Karl Wulf (CDU)" keeps its closing bracket
        if source is not None and source[0] > 0 and tokens[source[0] - 1].lower == "sowohl" \
                and any(tokens[k].lower == "als" for k in range(*source)):
            source = (source[0] - 1, source[1])  # "Sowohl die Behörde als auch das Militär"
        found.append(Found(source=source, cue=cue, mode="reported" if silent else "reported_speech",
                           lemma=form.lemma, inherit=inherit, head=i, silent=silent, antecedent=antecedent,
                           kind=classify(tokens, antecedent, lex) if antecedent is not None else None))
        used.update(cue)
        if source:
            used.update(range(*source))
    found += _became_known(tokens, lex, used, starts, ends, inside)
    return found


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
