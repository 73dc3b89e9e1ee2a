"""English verb forms: -s and -ed forms made from the lexicon's base forms."""

from __future__ import annotations

from collections.abc import Mapping

from ....lexicon import VerbForm


def _regular_forms(base: str) -> list[str]:
    if base.endswith("e"):
        return [base, base + "s", base + "d"]
    if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        return [base, base[:-1] + "ies", base[:-1] + "ied"]
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return [base, base + "es", base + "ed"]
    return [base, base + "s", base + "ed"]


def verb_forms(data: Mapping) -> dict[str, list[VerbForm]]:
    irregular: dict[str, list[str]] = data.get("irregular", {})
    needs_next: dict[str, list[str]] = data.get("needs_next", {})
    forms: dict[str, list[VerbForm]] = {}
    for base in dict.fromkeys(data.get("regular", []) + list(irregular)):
        listed = [base] + irregular[base] if base in irregular else _regular_forms(base)
        if base in needs_next and not needs_next[base]:
            continue  # handled by a frame ("citing", "quoted by")
        nxt = frozenset(needs_next[base]) if base in needs_next else None
        for form in listed:
            if form.endswith("ing"):
                continue  # "saying" hangs on the main clause's subject
            forms.setdefault(form, []).append(VerbForm(lemma=base, needs_next=nxt))
    return forms


