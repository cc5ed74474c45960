"""A name that opens a sentence is tagged as the name the text uses elsewhere."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from quotable import initial_names
from quotable.attributor import Attributor


def sentence(*tagged: str) -> list[SimpleNamespace]:
    """Words from ``text/UPOS`` pairs."""
    words = []
    for item in tagged:
        text, upos = item.rsplit("/", 1)
        words.append(SimpleNamespace(text=text, upos=upos, xpos="ADV" if upos == "ADV" else "_", feats="x"))
    return words


def test_an_opening_adverb_the_text_uses_as_a_name_becomes_that_name() -> None:
    first = sentence("Der/DET", "Abgeordnete/NOUN", "Bernd/PROPN", "Lenz/PROPN", "schwieg/VERB", "./PUNCT")
    second = sentence("Lenz/ADV", "bestritt/VERB", "die/DET", "Vorwürfe/NOUN", "./PUNCT")
    assert initial_names.retag([first, second]) == 1
    assert (second[0].upos, second[0].xpos, second[0].feats) == ("PROPN", "NE", None)
    assert [w.upos for w in second[1:]] == ["VERB", "DET", "NOUN", "PUNCT"]


def test_a_word_after_an_opening_quotation_mark_is_read_as_the_opening_word() -> None:
    first = sentence("Die/DET", "Helfer/NOUN", "kamen/VERB", "./PUNCT")
    second = sentence("„/PUNCT", "Helfer/ADV", "fehlen/VERB", "“/PUNCT")
    assert initial_names.retag([first, second]) == 1
    assert second[1].upos == "NOUN"


def test_real_adverbs_and_capitals_after_a_colon_or_quotation_mark_do_not_count() -> None:
    # „Dort“ is capitalised inside the first sentence only after a colon and a quotation mark
    first = sentence("Er/PRON", "sagte/VERB", ":/PUNCT", "Dort/PROPN", "nicht/PART", "./PUNCT")
    quoted = sentence("Sie/PRON", "rief/VERB", "„/PUNCT", "Heute/NOUN", "“/PUNCT")
    second = sentence("Dort/ADV", "blieb/VERB", "er/PRON", "./PUNCT")
    third = sentence("Heute/ADV", "kam/VERB", "sie/PRON", "./PUNCT")
    assert initial_names.retag([first, quoted, second, third]) == 0
    assert second[0].upos == "ADV" and third[0].upos == "ADV"


def test_a_word_inside_a_sentence_is_never_changed() -> None:
    first = sentence("Die/DET", "Firma/NOUN", "Acme/PROPN", "wuchs/VERB", "./PUNCT")
    second = sentence("Auch/ADV", "Acme/ADV", "wuchs/VERB", "./PUNCT")
    assert initial_names.retag([first, second]) == 0
    assert second[1].upos == "ADV"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the tagger reads both surnames as adverbs when they open the sentence
        ("Der Abgeordnete Tobias Lenz trat zurück. Lenz bestreitet, dass er Geld nahm.", "Tobias Lenz"),
        ("Man nahm Rüdiger Pötsch fest. Pötsch bestreitet die Tat, er sei unschuldig.", "Rüdiger Pötsch"),
    ],
)
def test_a_surname_opening_a_sentence_is_the_subject_that_speaks(
    model_attributor: Attributor, text: str, name: str
) -> None:
    quote = model_attributor.attribute(text).quotes[-1]
    assert quote.speaker is not None
    assert quote.speaker.name == name
