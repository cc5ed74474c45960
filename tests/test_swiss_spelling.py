"""Swiss German writes „ss“ for „ß“: its cue verbs and nouns are the same cues."""

from __future__ import annotations

import pytest

from quotable import cues, speakers


@pytest.mark.parametrize(
    ("form", "lemma"),
    [("begrüsste", "begrüssen"), ("äusserte", "äussern"), ("heisst", "heissen"), ("hiess", "heißen")],
)
def test_swiss_forms_of_cue_verbs_are_cue_verbs(form: str, lemma: str) -> None:
    assert cues.form_lemma(form) == lemma
    entry = cues.verb(lemma)
    assert entry is not None and "ß" in entry.lemma  # reported in the standard spelling


def test_swiss_statement_nouns_and_sentences_are_found_for_parsing() -> None:
    assert cues.noun("Äusserung") == cues.noun("Äußerung")
    assert speakers.needs_parse("Der Verband begrüsste das Paket.")
    assert speakers.needs_parse("In der Mitteilung hiess es, man werde kommen.")
    assert not speakers.needs_parse("Die Strasse ist gesperrt.")


def test_the_standard_spelling_is_unchanged() -> None:
    assert cues.form_lemma("begrüßte") == "begrüßen"
    assert cues.verb("sagen") is not None and cues.verb("sassen") is None
