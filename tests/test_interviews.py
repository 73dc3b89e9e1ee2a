"""Question-and-answer interviews: the answers are the interviewee's (any language).

Every text here was written for these tests."""

from __future__ import annotations

from auditor.analyse.interviews import answer_interviews
from auditor.analyse.registry import load_lexicon
from auditor.models import TaggedSentence
from auditor.pipeline import analyse_text

_GERMAN = """Die Virologin Anna Weber leitet das Institut in Kassel. Sie sagte am Montag, die Lage sei ernst.

Frau Weber, wie gefährlich ist die neue Variante aus Ihrer Sicht?

Das wissen wir noch nicht genau. Die Zahlen steigen aber.

Müssen die Schulen schließen, was meinen Sie?

Nein. Das wäre falsch.

Was raten Sie den Eltern?

Ruhe bewahren und die Kinder testen lassen.
"""

_ENGLISH = """Harbour master Tom Reed said on Monday that the port would reopen.

Mr Reed, when will you let the first ships in?

On Thursday, if the weather holds.

Do you think the channel is safe?

We dredged it twice this spring.

What about the fishermen?

They get their berths back first.
"""


def _sources(text: str, lang: str) -> list[tuple[str, str | None]]:
    return [(s.text, s.attributions[0].source.resolved_to or s.attributions[0].source.text)
            for s in analyse_text(text, lang).sentences if s.attributions]


def test_german_interview_answers_are_the_interviewees() -> None:
    found = dict(_sources(_GERMAN, "de"))
    for answer in ("Das wissen wir noch nicht genau.", "Die Zahlen steigen aber.", "Nein.",
                   "Ruhe bewahren und die Kinder testen lassen."):
        assert found[answer] == "Die Virologin Anna Weber"
    assert "Müssen die Schulen schließen, was meinen Sie?" not in found


def test_english_interview_answers_are_the_interviewees() -> None:
    found = dict(_sources(_ENGLISH, "en"))
    assert found["On Thursday, if the weather holds."] == "Harbour master Tom Reed"
    assert found["They get their berths back first."] == "Harbour master Tom Reed"
    assert "Do you think the channel is safe?" not in found


def test_questions_to_the_reader_are_no_interview() -> None:
    # a commentary asks and answers itself: no question addresses anyone
    text = _GERMAN.replace(" aus Ihrer Sicht", "").replace(", was meinen Sie", "").replace(
        "Was raten Sie den Eltern?", "Was bleibt den Eltern?")
    assert "Nein." not in dict(_sources(text, "de"))


def test_two_questions_are_no_interview() -> None:
    text = _GERMAN.split("Was raten")[0]
    found = dict(_sources(text, "de"))
    assert "Nein." not in found


def _sentence(i: int, paragraph: int, text: str, heading: bool = False, **tags) -> TaggedSentence:
    return TaggedSentence(index=i, start=i * 100, end=i * 100 + len(text), text=text, paragraph=paragraph,
                          is_heading=heading, **tags)


def test_questions_as_headings_are_an_explainer() -> None:
    speaker = analyse_text("Die Ministerin Eva Roth sagte, das Gesetz komme.", "de").sentences[0]
    tagged = [speaker.model_copy(update={"paragraph": 0})]
    for k in range(3):
        tagged.append(_sentence(2 * k + 1, 2 * k + 1, "Was ändert sich für Sie?", heading=True))
        tagged.append(_sentence(2 * k + 2, 2 * k + 2, "Die Steuer steigt im Mai."))
    assert not any(s.attributions for s in answer_interviews(tagged, load_lexicon("de"))[1:])
    # the same questions as paragraphs of their own are an interview
    asked = [s.model_copy(update={"is_heading": False}) for s in tagged]
    assert all(s.attributions for s in answer_interviews(asked, load_lexicon("de"))[2::2])
