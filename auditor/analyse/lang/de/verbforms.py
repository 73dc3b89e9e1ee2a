"""German verb forms: finite forms and participles made from the lexicon's infinitives."""

from __future__ import annotations

from collections.abc import Mapping

from ....lexicon import VerbForm

_INSEPARABLE = ("be", "er", "ver", "ent", "zer", "ge", "emp", "miss", "über", "unter", "wider", "hinter")


def _regular_forms(infinitive: str) -> tuple[list[str], str]:
    """Finite forms and participle of a weak German verb."""
    stem = infinitive[:-2] if infinitive.endswith("en") else infinitive[:-1]
    # "antworten" -> "antwortet", "rechnen" -> "rechnet": an -e- before -t
    link = "e" if stem.endswith(("t", "d", "chn", "gn", "ffn", "tm", "dm")) else ""
    finite = [stem + "e", stem + link + "st", stem + link + "t", stem + link + "te",
              stem + link + "ten", stem + link + "test", infinitive]
    if infinitive.endswith("ieren") or infinitive.startswith(_INSEPARABLE):
        participle = stem + link + "t"
    else:
        participle = "ge" + stem + link + "t"
    return finite, participle


def verb_forms(data: Mapping) -> dict[str, list[VerbForm]]:
    irregular: dict[str, list[str]] = data.get("irregular", {})
    forms: dict[str, list[VerbForm]] = {}

    def stem_forms(infinitive: str) -> tuple[list[str], list[str]]:
        if infinitive in irregular:
            listed = irregular[infinitive]
            participles = [f for f in listed if f.startswith("ge") and f != infinitive and not f.startswith(("geh", "geb"))]
            if infinitive.startswith(_INSEPARABLE):
                participles = [f for f in listed if f.endswith(("en", "t")) and f != infinitive][-1:]
            finite = [f for f in listed if f not in participles] + [infinitive]
            return finite, participles
        finite, participle = _regular_forms(infinitive)
        return finite, [participle]

    def add(form: str, verb: VerbForm) -> None:
        known = forms.setdefault(form, [])
        if verb not in known:
            known.append(verb)

    # the irregular table only lists forms: a verb is a cue on its own when it is
    # in ``regular`` (the name says how its forms are made by default)
    for infinitive in dict.fromkeys(data.get("regular", [])):
        finite, participles = stem_forms(infinitive)
        for f in finite:
            add(f, VerbForm(lemma=infinitive))
        for p in participles:
            add(p, VerbForm(lemma=infinitive, participle=True))
    for entry in data.get("particle", []):
        particle, infinitive = entry.split("|")
        lemma = particle + infinitive
        finite, participles = stem_forms(infinitive)
        for f in finite:
            add(f, VerbForm(lemma=lemma, particle=particle))
            add(particle + f, VerbForm(lemma=lemma))
        for p in participles:
            add(particle + p, VerbForm(lemma=lemma, participle=True))
            # written apart: "hat in einer Stellungnahme bekannt gegeben" (the particle right before)
            add(p, VerbForm(lemma=lemma, particle=particle, participle=True))
        add(particle + "zu" + infinitive, VerbForm(lemma=lemma))
    return forms


