"""quotable.inflection: names of bodies in their citation form (examples written for these tests)."""

from __future__ import annotations

import pytest

from quotable.inflection import citation_form, citation_tokens
from quotable.syntax import Word


def words(*tagged: tuple[str, str, str]) -> list[Word]:
    """(form, upos, feats) → words; the lemma is left as the form (as in an unparsed sentence)."""
    out, start = [], 0
    for i, (form, upos, feats) in enumerate(tagged, start=1):
        pairs = tuple(tuple(f.split("=")) for f in feats.split("|") if f)
        out.append(Word(i, form, form, upos, "", pairs, 0, "dep", start, start + len(form)))  # type: ignore[arg-type]
        start += len(form) + 1
    return out


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        # the ending decides the gender, whatever the tagger said
        (
            (("Statistischen", "ADJ", ""), ("Bundesamts", "NOUN", "Gender=Masc|Case=Gen")),
            "Statistisches Bundesamt",
        ),
        ((("Statistischem", "ADJ", ""), ("Bundesamt", "NOUN", "Gender=Fem")), "Statistisches Bundesamt"),
        ((("Deutschen", "ADJ", ""), ("Wetterdienstes", "NOUN", "")), "Deutscher Wetterdienst"),
        ((("Auswärtige", "ADJ", ""), ("Amt", "NOUN", "")), "Auswärtiges Amt"),
        ((("Europäischen", "ADJ", ""), ("Zentralbank", "NOUN", "")), "Europäische Zentralbank"),
        ((("Vereinten", "ADJ", ""), ("Nationen", "NOUN", "Number=Plur")), "Vereinte Nationen"),
        # the tagger's gender where no listed ending matches
        (
            (("Vereinigten", "ADJ", ""), ("Generalstabs", "NOUN", "Gender=Masc|Case=Gen")),
            "Vereinigter Generalstab",
        ),
        # names without a capitalised adjective stay as they are
        ((("Robert", "PROPN", ""), ("Koch-Institut", "PROPN", "")), "Robert Koch-Institut"),
        ((("Angela", "PROPN", "Gender=Fem"), ("Merkel", "PROPN", "")), "Angela Merkel"),
        ((("Polizei", "NOUN", "Gender=Fem"),), "Polizei"),
    ],
)
def test_citation_form(tagged: tuple[tuple[str, str, str], ...], expected: str) -> None:
    assert " ".join(citation_form(words(*tagged))) == expected


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["Deutsche", "Wetterdienst"], "Deutscher Wetterdienst"),
        (["Statistische", "Bundesamt"], "Statistisches Bundesamt"),
        (["Deutsche", "Bank"], "Deutsche Bank"),
        (["Robert", "Koch-Institut"], "Robert Koch-Institut"),  # no adjective before it
        (["Deutsche", "Bahnhofsmission", "Nord"], "Deutsche Bahnhofsmission Nord"),  # ending unknown
    ],
)
def test_citation_tokens_without_tags(tokens: list[str], expected: str) -> None:
    assert " ".join(citation_tokens(tokens)) == expected
