"""Names written in lower case are tagged as names before the parse."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from quotable import lowercase_names
from quotable.attributor import Attributor


def word(text: str, upos: str, xpos: str) -> SimpleNamespace:
    return SimpleNamespace(text=text, upos=upos, xpos=xpos, feats="Mood=Ind|VerbForm=Fin")


def test_lower_case_names_become_proper_nouns_and_nothing_else_changes() -> None:
    # „Die taz vermutet …“ as the tagger reads it: „taz“ a finite verb
    words = [word("Die", "DET", "ART"), word("taz", "VERB", "VVFIN"), word("vermutet", "VERB", "VVFIN")]
    assert lowercase_names.retag(words) == 1
    assert [(w.upos, w.xpos) for w in words] == [("DET", "ART"), ("PROPN", "NE"), ("VERB", "VVFIN")]
    assert words[1].feats is None  # a verb's person and tense do not belong to a name


def test_only_the_listed_forms_count_and_a_name_already_tagged_is_left_alone() -> None:
    words = [word("Taz", "NOUN", "NN"), word("tazen", "VERB", "VVFIN"), word("ver.di", "PROPN", "NE")]
    assert lowercase_names.retag(words) == 0
    assert [w.upos for w in words] == ["NOUN", "VERB", "PROPN"]


def test_the_data_file_lists_lower_case_forms_only() -> None:
    assert "taz" in lowercase_names.names() and "ver.di" in lowercase_names.names()
    assert all(name == name.lower() for name in lowercase_names.names())


@pytest.mark.model
def test_a_lower_case_newspaper_is_the_subject_that_speaks(model_attributor: Attributor) -> None:
    text = "Die taz vermutet, dass der Zugriff auf diese Daten schon heute üblich ist."
    (quote,) = model_attributor.attribute(text).quotes
    assert quote.speaker is not None and quote.speaker.text == "Die taz"


@pytest.mark.parametrize(
    "form", ["ndr.de", "worldreferee.com", "www.spiegel.de", "al-Dschasira", "el-Baradei"]
)
def test_web_addresses_and_arabic_names_with_their_article_are_names_by_their_shape(form: str) -> None:
    words = [word("Laut", "ADP", "APPR"), word(form, "ADV", "ADV")]
    assert lowercase_names.retag(words) == 1
    assert words[1].upos == "PROPN" and lowercase_names.is_name(form)


@pytest.mark.parametrize("form", ["z.B.", "u.a.", "d.h.", "bzw.", "100.000", "3.5", "al-", "Dschasira"])
def test_abbreviations_and_numbers_are_no_names(form: str) -> None:
    assert not lowercase_names.is_name(form)
    assert lowercase_names.retag([word(form, "ADV", "ADV")]) == 0


def test_only_a_web_address_names_a_site() -> None:
    assert lowercase_names.is_web_address("tagesschau.de")
    assert not lowercase_names.is_web_address("al-Arabiya") and not lowercase_names.is_web_address("taz")


@pytest.mark.model
def test_a_lower_case_name_is_the_name_of_its_speaker(model_attributor: Attributor) -> None:
    text = "Der Sender al-Arabija meldete, die Grenze sei offen."
    (quote,) = model_attributor.attribute(text).quotes
    assert quote.speaker is not None and quote.speaker.name == "al-Arabija"
