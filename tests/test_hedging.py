"""Hedge cues and hedge levels (auditor/analyse/hedging.py, [[hedges]] in rules/lexicons/*.toml).

Each test sentence is one sentence, tagged on its own: tokens -> hedge cues ->
level. The sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from auditor.analyse.hedging import find_hedges, hedge_level
from auditor.analyse.registry import load_lexicon
from auditor.analyse.tokens import tokenize
from auditor.lexicon import hedge_thresholds


def hedges(sentence: str, language: str = "en") -> tuple[list[tuple[str, str]], str]:
    """(cue text, kind) of every hedge cue in ``sentence``, and the sentence's level."""
    lex = load_lexicon(language)
    tokens = tokenize(sentence, 0, lex.case_sensitive)
    found = find_hedges(tokens, lex)
    cues = [(" ".join(tokens[k].text for k in idx), h.kind) for h, idx in found]
    return cues, hedge_level([h.weight for h, _ in found])


def kinds(sentence: str, language: str = "en") -> list[str]:
    return [kind for _, kind in hedges(sentence, language)[0]]


def level(sentence: str, language: str = "en") -> str:
    return hedges(sentence, language)[1]


# --------------------------------------------------------------------------- levels


def test_thresholds_come_from_rules():
    t = hedge_thresholds()
    assert 0 < t["low"] < t["medium"] < t["high"]
    assert (t["medium"], t["high"]) == (1.0, 2.0)


@pytest.mark.parametrize("weights, expected", [
    ([], "none"),
    ([0.5], "low"),             # one estimate or vague quantity
    ([0.5, 0.5], "medium"),
    ([1.0], "medium"),          # one epistemic or weasel cue
    ([1.5], "medium"),          # "according to reports"
    ([1.0, 0.5], "medium"),
    ([1.0, 1.0], "high"),       # several cues
    ([2.0], "high"),            # a strong reportative cue
])
def test_level_thresholds(weights, expected):
    assert hedge_level(weights) == expected


# --------------------------------------------------------------------------- reportative


@pytest.mark.parametrize("sentence, cue", [
    ("The minister reportedly resigned on Friday.", "reportedly"),
    ("The suspect allegedly moved the money to a second account.", "allegedly"),
    ("The alleged victim was not named.", "alleged"),
    ("He is said to have left the country.", "is said to"),
    ("The gang was widely believed to have bribed officials.", "was believed to"),
])
def test_reportative(sentence, cue):
    cues, lvl = hedges(sentence)
    assert (cue, "reportative") in cues
    assert lvl == "high"


def test_according_to_reports_is_weaker_than_reportedly():
    cues, lvl = hedges("According to reports, the club has made an offer.")
    assert cues == [("According to reports", "reportative")]
    assert lvl == "medium"


# --------------------------------------------------------------------------- epistemic


@pytest.mark.parametrize("sentence, cue", [
    ("The strike might last for weeks.", "might"),
    ("The company could lose the contract.", "could"),  # "could face a fine" is the law: test_hedge_constructions
    ("The attack appears to have been planned for months.", "appears to"),
    ("Hackers may have stolen the data of two million customers.", "may have"),
    ("The fire was probably caused by a cigarette.", "probably"),
    ("It is unclear whether the vote will go ahead.", "It is unclear"),
    ("It is still unknown whether the bridge can be saved.", "is unknown"),
    ("The figures suggest that the scheme is failing.", "suggest"),
    ("The talks seem to have stalled.", "seem"),
    ("Prices are likely to rise again in spring.", "likely"),
    ("It is also possible the files were deleted by mistake.", "It is also possible"),
    ("One possible explanation is a faulty valve.", "possible explanation"),
    ("The letter purports to come from the mayor's office.", "purports to"),
    ("There is only anecdotal evidence that the diet works.", "anecdotal evidence"),
    ("The stadium will in all probability be sold.", "in all probability"),
])
def test_epistemic(sentence, cue):
    cues, lvl = hedges(sentence)
    assert (cue, "epistemic") in cues
    assert lvl in ("medium", "high")


@pytest.mark.parametrize("sentence", [
    "He could not attend the meeting because of the snow.",   # past inability
    "She couldn't find the file.",
    "Players may bid two to four points.",                     # permission: bare "may" is no cue
    "Symptoms may include fever and a cough.",
    "May 16 is the deadline for applications.",                # the month, sentence-initial
    "The council met in May to discuss the budget.",
    "Older voters are more likely to vote by post.",           # a comparison of rates
    "Clinton leads among likely voters.",
    "You can renew the permit online.",
])
def test_not_epistemic(sentence):
    assert level(sentence) == "none", hedges(sentence)


def test_may_have_with_a_noun_is_possession():
    assert level("Some houses may have a garden at the back.") == "low"   # only "Some"
    assert ("may have", "epistemic") in hedges("The driver may have fallen asleep.")[0]


# --------------------------------------------------------------------------- estimates


@pytest.mark.parametrize("sentence, cue", [
    ("He diverted about £1.2 million from council accounts.", "about"),
    ("About 200 people attended the rally.", "About"),
    ("The breach affected up to 2.3 million customers.", "up to"),
    ("Some 300 homes were flooded.", "Some"),
    ("The repairs will cost around $5 billion.", "around"),
    ("An estimated 40,000 customers closed their accounts.", "An estimated"),
    ("Roughly a third of the staff left.", "Roughly"),
    ("About a dozen cars were damaged.", "About"),
])
def test_estimate_before_a_number(sentence, cue):
    cues, lvl = hedges(sentence)
    assert cues == [(cue, "estimate")]
    assert lvl == "low"


@pytest.mark.parametrize("sentence", [
    "They talked about the budget for an hour.",         # "about" without a number
    "Protesters gathered around the town hall.",
    "More than 300 people signed the letter.",           # a bound, not an approximation
    "Fewer than 20 seats changed hands.",
    "At least 12 people were injured.",                 # a bound too (issue 13: the real-news conventions)
    "Turnout reached 78 percent.",
])
def test_no_estimate_without_a_number(sentence):
    assert level(sentence) == "none", hedges(sentence)


def test_estimate_and_epistemic_add_up():
    cues, lvl = hedges("Turnout could rise to an estimated 78 percent.")
    assert sorted(kind for _, kind in cues) == ["epistemic", "estimate"]
    assert lvl == "medium"
    assert level("It is believed that up to three ministers could lose their posts.") == "high"


# --------------------------------------------------------------------------- weasel


@pytest.mark.parametrize("sentence", [
    "Some say the auditors should have noticed the missing money.",
    "Many experts believe the race will remain close.",
    "It is believed that the company knew about the flaw.",
    "It has been suggested that the plan was never realistic.",
    "The painting is widely regarded as his best work.",
    "The bridge is considered unsafe.",
    "Others have argued that the tax is unfair.",
    "The policy has been criticized for its cost.",
    "The treaty was seen by many as a betrayal.",
    "It could be argued that the fine was too low.",
    "It can not be claimed that the council was warned.",
    "Critics have long argued that the scheme is too costly.",
    "Sceptics point out that the pilot was never evaluated.",
    "Contrary to popular belief, the tunnel is not flooded.",
    "Conventional wisdom holds that turnout favours the incumbent.",
    "Legend has it that the bell was cast from melted cannons.",
])
def test_weasel(sentence):
    cues, lvl = hedges(sentence)
    assert "weasel" in [k for _, k in cues], cues
    assert lvl in ("medium", "high")


def test_weasel_phrase_is_one_cue():
    cues, _ = hedges("Some say the council acted too late.")
    assert cues == [("Some say", "weasel")]


@pytest.mark.parametrize("sentence", [
    "Some residents were evacuated overnight.",
    "Many shops stayed closed.",
    "Several bridges were damaged.",
])
def test_vague_quantity_is_low(sentence):
    assert hedges(sentence) == ([(sentence.split()[0], "weasel")], "low")


@pytest.mark.parametrize("sentence", [
    "Experts warned that stolen card data is often sold on within days.",   # frequency, not doubt
    "The bus usually arrives late on Sundays.",
    "The attackers had access to the systems several weeks before the breach was detected.",
    "The factory has been closed for some time.",
    "She worked there for many years.",
    "The policy was criticized by the Court of Auditors.",     # the critic is named
    "The street is known as Park Avenue.",                     # a name, not a claim
    "It is possible to renew the permit online.",              # ability
    "It was possible for residents to vote by post.",
    "She was accepted into the police academy.",               # admission, not opinion
    "The offer was accepted on Monday.",
    "How many people were there?",
])
def test_not_weasel(sentence):
    assert level(sentence) == "none", hedges(sentence)


# --------------------------------------------------------------------------- negation


@pytest.mark.parametrize("sentence, cue", [
    ("The claim has not been confirmed.", "not confirmed"),
    ("The figures could not be verified.", "could not be verified"),
    ("The police did not confirm the name of the victim.", "did not confirm"),
    ("The video is unverified.", "unverified"),
])
def test_negation_of_confirmation(sentence, cue):
    cues, lvl = hedges(sentence)
    assert (cue, "negation") in cues, cues
    assert lvl == "medium"


def test_could_not_be_confirmed_is_negation_not_epistemic():
    assert kinds("The report could not be confirmed independently.") == ["negation"]


# --------------------------------------------------------------------------- German


@pytest.mark.parametrize("sentence", [
    "Der Minister sagte, der Plan solle bis Mai fertig sein.",    # Konjunktiv I: reported speech
    "Er sagte, man könne nichts mehr tun.",
    "Sie betonte, es gebe keine Alternative.",
    "Kjær hatte im Januar gesagt, er fühle sich in Dänemark wohl.",  # well-being, not doubt
    "Er fühlt sich wohl in der Stadt.",
    "Das ist sehr wohl richtig.",
    "Der Pegel stieg auf 7,40 Meter.",
])
def test_german_no_hedge(sentence):
    assert level(sentence, "de") == "none", hedges(sentence, "de")


@pytest.mark.parametrize("sentence, cue, kind", [
    ("Der Trainer könnte schon bald entlassen werden.", "könnte", "epistemic"),
    ("Der Fahrer ist wohl eingeschlafen.", "wohl", "epistemic"),
    ("Der Täter hat angeblich Geld genommen.", "angeblich", "reportative"),
    ("Rund 200 Menschen mussten ihre Häuser verlassen.", "Rund", "estimate"),
    ("Die Meldung ist nicht bestätigt.", "nicht bestätigt", "negation"),
    ("Es heißt, der Vertrag sei unterschrieben.", "Es heißt", "weasel"),
])
def test_german_hedges(sentence, cue, kind):
    assert (cue, kind) in hedges(sentence, "de")[0]


def test_german_sollen_haben_is_reportative():
    cues, lvl = hedges("Der Klub soll bereits Gespräche aufgenommen haben.", "de")
    assert [k for _, k in cues] == ["reportative"]
    assert lvl == "high"


# --------------------------------------------------------------------------- cost


def test_matching_is_bounded():
    """A long sentence full of cue starts: every cue is found, none twice.
    (That the time is linear is measured by bench/hostile.py, not here.)"""
    sentence = " ".join(["it is some many may could widely the"] * 2000) + "."
    cues, _ = hedges(sentence)
    assert cues == [("many", "weasel"), ("could", "epistemic")] * 2000

def test_the_hedge_levels_file_is_read_once_not_per_sentence():
    # hedge_level runs for every sentence; reading hedging.toml each time tripled the analyser's time
    assert hedge_thresholds() is hedge_thresholds()
