"""quotable.tokenizer: sentences and tokens of German news, by rule (examples written for these tests)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotable import tokenizer


def split(text: str) -> list[list[str]]:
    return [[text[t.start : t.end] for t in sentence] for sentence in tokenizer.sentences(text)]


def tokens(text: str) -> list[str]:
    return [text[t.start : t.end] for t in tokenizer.tokens(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Göring-Eckardt sagte, der 38-Jährige gibt's zu.",
            ["Göring-Eckardt", "sagte", ",", "der", "38-Jährige"],
        ),
        ("Bundes- und Landesregierung", ["Bundes-", "und", "Landesregierung"]),
        ("Wien - Der Kanzler", ["Wien", "-", "Der", "Kanzler"]),
        (
            "1.000,50 Euro am 11.9.2015 um 12:30 Uhr",
            ["1.000,50", "Euro", "am", "11.9.2015", "um", "12:30", "Uhr"],
        ),
        ("in den 1990er Jahren", ["in", "den", "1990er", "Jahren"]),
        ("z.B. Dr. Müller, u.a. Prof. Kahl", ["z.B.", "Dr.", "Müller", ",", "u.a.", "Prof.", "Kahl"]),
        ("z. B. bzw. ca. 20", ["z.", "B.", "bzw.", "ca.", "20"]),
        ("„Nein!“, rief sie.", ["„", "Nein", "!", "“", ",", "rief", "sie", "."]),
        ("Mehr unter https://example.org/a?b=1.", ["Mehr", "unter", "https://example.org/a?b=1", "."]),
        (
            "Mail an presse@example.de oder @quotable #Wahl",
            ["Mail", "an", "presse@example.de", "oder", "@quotable"],
        ),
        ("Und dann … nichts...", ["Und", "dann", "…", "nichts", "..."]),
        ("(APA, 11.9.2015)", ["(", "APA", ",", "11.9.2015", ")"]),
        (
            "zitiert ndr.de wie Spiegel.de den Sprecher.",
            ["zitiert", "ndr.de", "wie", "Spiegel.de", "den", "Sprecher", "."],
        ),
        ("Die Gewerkschaft ver.di streikt.", ["Die", "Gewerkschaft", "ver.di", "streikt", "."]),
        ("Er kam aus Berlin.Der Zug fuhr.", ["Er", "kam", "aus", "Berlin", ".", "Der"]),
    ],
)
def test_tokens(text: str, expected: list[str]) -> None:
    assert tokens(text)[: len(expected)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Am 3. Oktober kam er. Am 15. Juni ging er.", [6, 6]),  # ordinals keep their stop
        ("Er wurde am 13. Januars entlassen.", [7]),
        ("Der 1. FC Köln verlor. Zum 2. Mal.", [6, 4]),  # after an article or preposition
        ("Das war 2015. Die Wahl folgte.", [4, 4]),  # a year ends a sentence
        ("Sie kam auf Platz 3. Danach ging sie.", [6, 4]),
        ("John F. Kennedy sprach. Dr. Müller auch.", [5, 4]),
        ("Äpfel, Birnen usw. Die Liste ist lang.", [4, 5]),  # usw. may end a sentence
        ("„Wir kommen.“ Er sagte es.", [5, 4]),  # the closing mark stays with its sentence
        ("„Warum?“, fragte sie.", [8]),  # not before a small letter
        ("Er kam; sie ging.", [3, 3]),  # a semicolon ends a sentence (as the WikiNews gold has it)
        ("Titel ohne Punkt\n\nDer Text beginnt.", [3, 4]),  # a paragraph break always ends one
        ("Eine Zeile\nläuft weiter.", [5]),  # a single line break does not
        ("Er sagte: „Ja.“", [7]),
    ],
)
def test_sentences(text: str, expected: list[int]) -> None:
    """How many tokens each sentence has."""
    assert [len(sentence) for sentence in split(text)] == expected


def test_the_abbreviations_file_is_reviewed_data() -> None:
    known = tokenizer.abbreviations()
    assert {"Dr.", "bzw.", "z.B.", "Mag.", "usw."} <= known
    assert all(form.endswith(".") and " " not in form for form in known)


def test_contractions_come_from_the_model_dictionary() -> None:
    assert tokenizer.contracted({"im": "in dem", "Zum": "Zu dem", "z.": "zu dem"}) == {"im", "Zum"}


@given(st.text(alphabet=st.sampled_from("aZ ä.,;:!?„“\"»«-–…'\n\t1\x1f\u00a0\u2028()"), max_size=60))
def test_every_visible_character_is_in_exactly_one_token(text: str) -> None:
    found = [t for sentence in tokenizer.sentences(text) for t in sentence]
    assert all(0 <= a.start < a.end <= len(text) for a in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    covered = {i for t in found for i in range(t.start, t.end)}
    assert covered == {i for i, c in enumerate(text) if not c.isspace()}
    assert all(not text[t.start : t.end].isspace() for t in found)


def test_typewriter_quotes_are_one_token_each() -> None:
    text = "Er sagte ``Nein.'' Dann -- nichts."
    assert split(text) == [["Er", "sagte", "``", "Nein", ".", "''"], ["Dann", "--", "nichts", "."]]
