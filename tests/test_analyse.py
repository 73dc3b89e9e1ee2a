"""auditor.analyse: the sentence-level driver (windows over very long sentences)."""

from __future__ import annotations

from auditor.analyse import MAX_WINDOW_TOKENS, _windows
from auditor.analyse.tokens import CLAUSE_PUNCT, tokenize
from auditor.pipeline import analyse_text


def test_tokens_index_the_text_across_any_whitespace():
    # offsets add up from the whitespace before each token: tabs, no-break and
    # ideographic spaces, line breaks, and trailing space of any length
    text = "\u201eWir\u00a0prüfen\u201c,\tsagte\u3000die  US-Behörde:\nKeine Angaben.   \u2003\n"
    tokens = tokenize(text, 7, True)
    assert [t.text for t in tokens] == ["\u201e", "Wir", "prüfen", "\u201c", ",", "sagte", "die", "US-Behörde", ":",
                                        "Keine", "Angaben", "."]
    assert all(text[t.start - 7:t.end - 7] == t.text for t in tokens)
    # the key lowers a capital only where a sentence, quotation or "X:" begins
    assert [t.key for t in tokens if t.is_word] == ["wir", "prüfen", "sagte", "die", "US-Behörde", "keine", "Angaben"]


def test_a_normal_sentence_is_one_window():
    tokens = tokenize("Der Minister sagte, die Lage sei ernst.", 0, True)
    assert _windows(tokens) == [tokens]


def test_windows_cover_a_long_sentence_in_order_and_cut_after_clause_breaks():
    text = ", ".join(["wort " * 37] * 40)  # 40 clauses of 37 words: ~1,500 tokens, one sentence
    tokens = tokenize(text, 0, True)
    windows = _windows(tokens)
    assert [t for w in windows for t in w] == tokens
    assert all(len(w) <= MAX_WINDOW_TOKENS for w in windows)
    assert all(w[-1].text in CLAUSE_PUNCT for w in windows[:-1])


def test_windows_without_any_punctuation_are_cut_at_the_limit():
    tokens = tokenize("wort " * 1000, 0, True)
    assert [len(w) for w in _windows(tokens)] == [300, 300, 300, 100]


def test_an_attribution_deep_inside_a_long_sentence_is_found_with_exact_offsets():
    filler = "und die Stadt plante weiter " * 200  # 1,000 tokens without punctuation
    text = filler + "laut dem Bürgermeister Karl Brenner soll die Brücke gesperrt werden."
    result = analyse_text(text, "de")
    [sentence] = result.sentences
    sources = [a.source for a in sentence.attributions if a.source is not None]
    assert [s.text for s in sources] == ["dem Bürgermeister Karl Brenner"]
    assert all(text[s.start:s.end] == s.text for s in sources)
    assert sentence.attributions[0].cue.text == "laut"


def test_the_analyser_version_changes_with_its_lexicons(tmp_path, monkeypatch):
    import shutil

    import auditor.analyse as analyse_module
    from auditor.resources import rules_dir

    copy = tmp_path / "rules"
    shutil.copytree(rules_dir(), copy)
    monkeypatch.setattr(analyse_module, "rules_dir", lambda: copy)
    before = analyse_module._data_digest()
    assert analyse_module.analyser_version().endswith("+" + before)
    (copy / "default.toml").write_text("# scoring rules are not the analyser's data\n", encoding="utf-8")
    assert analyse_module._data_digest() == before
    lexicon = copy / "lexicons" / "de.toml"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n# a journalist's edit\n", encoding="utf-8")
    assert analyse_module._data_digest() != before


def test_what_a_grammar_derives_from_a_lexicon_is_kept_with_that_lexicon():
    from auditor.analyse.registry import load_lexicon

    calls = []

    def determiners(lex):
        calls.append(lex.language)
        return lex.word("determiners")

    german, english = load_lexicon("de"), load_lexicon("en")
    assert german.derived(determiners) is german.derived(determiners)  # built once
    assert english.derived(determiners) == english.word("determiners") != german.derived(determiners)
    assert calls == ["de", "en"]
    assert german.word("no such class") == frozenset()
