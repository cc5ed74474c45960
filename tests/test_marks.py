"""Quote-mark pairing: every German style, nesting, paragraphs, apostrophes, junk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotable.mark_kinds import MarkKind
from quotable.marks import MarkedQuote, find_quotes

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def quotes(text: str, depth: int | None = 0) -> list[MarkedQuote]:
    return [q for q in find_quotes(text) if depth is None or q.depth == depth]


def texts(text: str, depth: int | None = 0) -> list[str]:
    return [q.text for q in quotes(text, depth)]


def assert_offsets(text: str, found: tuple[MarkedQuote, ...]) -> None:
    for q in found:
        assert q.spans and len(q.spans) == len(q.content)
        for span, content in zip(q.spans, q.content, strict=False):
            assert 0 <= span.start <= content.start <= content.end <= span.end <= len(text)
        assert " ".join(c.of(text) for c in q.content) == q.text
        assert list(q.spans) == sorted(q.spans)


# ---------------------------------------------------------------- styles
def test_german_low_high_quotes() -> None:
    text = "„Wir bleiben hier“, sagte die Bürgermeisterin."
    (q,) = quotes(text)
    assert q.text == "Wir bleiben hier"
    assert q.spans[0].of(text) == "„Wir bleiben hier“"
    assert q.style == "german"
    assert q.kind is MarkKind.SPEECH


def test_german_opening_with_english_right_double_quote() -> None:
    text = "Sie sagte: „Das reicht nicht”."
    assert texts(text) == ["Das reicht nicht"]


def test_guillemets_point_inwards_in_germany() -> None:
    text = "»Das Gesetz kommt zu spät«, kritisierte der Verband."
    (q,) = quotes(text)
    assert q.text == "Das Gesetz kommt zu spät"
    assert q.style == "guillemets"


def test_guillemets_point_outwards_in_switzerland() -> None:
    text = "«Wir prüfen alle Optionen», sagte die Bundesrätin in Bern."
    (q,) = quotes(text)
    assert q.text == "Wir prüfen alle Optionen"
    assert q.style == "swiss"


def test_ascii_quotes_take_direction_from_neighbours() -> None:
    text = 'Er sagte: "Wir kommen morgen." Dann ging er. "Und heute?" fragte sie.'
    assert texts(text) == ["Wir kommen morgen.", "Und heute?"]


def test_ascii_quote_glued_to_a_date_opens() -> None:
    text = '3. September 2025"Die Lage ist ernst", sagte der Minister.'
    (q,) = quotes(text)
    assert q.text == "Die Lage ist ernst"
    assert q.start == text.index('"')


def test_two_commas_typed_for_low_quote() -> None:
    text = ",,Das war knapp“, sagte der Trainer."
    (q,) = quotes(text)
    assert q.text == "Das war knapp"
    assert q.spans[0].of(text) == ",,Das war knapp“"


def test_english_curly_quotes() -> None:
    text = "Der Sprecher sagte: “We will not comment.”"
    assert texts(text) == ["We will not comment."]


def test_closing_mark_glued_to_the_next_sentence() -> None:
    text = "„Das ist vorbei.“Der Kanzler ging."
    assert texts(text) == ["Das ist vorbei."]


# ---------------------------------------------------------------- nesting
def test_single_quotes_nest_inside_german_quotes() -> None:
    text = "„Er nannte den Plan ‚verantwortungslos‘ und ging“, berichtete sie."
    outer = quotes(text)
    inner = quotes(text, depth=1)
    assert [q.text for q in outer] == ["Er nannte den Plan ‚verantwortungslos‘ und ging"]
    assert [q.text for q in inner] == ["verantwortungslos"]
    assert inner[0].style == "german-single"


def test_single_guillemets_nest_inside_guillemets() -> None:
    text = "»Wir sagen ›Nein‹ zu diesem Vertrag«, erklärte die Partei."
    assert texts(text) == ["Wir sagen ›Nein‹ zu diesem Vertrag"]
    assert texts(text, depth=1) == ["Nein"]


def test_ascii_quotes_nest_inside_german_quotes() -> None:
    text = '„Das Wort "Krise" fiel nicht“, sagte er.'
    assert texts(text) == ['Das Wort "Krise" fiel nicht']
    assert texts(text, depth=1) == ["Krise"]


def test_single_quotes_outside_a_quote_are_not_marks() -> None:
    assert find_quotes("Die ‚Ampel‘ regiert.") == ()


# ---------------------------------------------------------------- paragraphs
def test_quote_over_two_paragraphs_is_one_quote() -> None:
    text = (
        "Die Ministerin erklärte:\n"
        "„Wir haben lange verhandelt. Es war nicht leicht.\n"
        "„Am Ende steht ein Kompromiss, den alle tragen können.“\n"
        "Danach war Schluss."
    )
    (q,) = quotes(text)
    assert len(q.spans) == 2
    assert q.spans[0].of(text) == "„Wir haben lange verhandelt. Es war nicht leicht."
    assert q.spans[1].of(text) == "„Am Ende steht ein Kompromiss, den alle tragen können.“"
    assert q.text == (
        "Wir haben lange verhandelt. Es war nicht leicht. "
        "Am Ende steht ein Kompromiss, den alle tragen können."
    )
    assert q.closed


def test_quote_over_three_paragraphs_with_blank_lines() -> None:
    text = "»Erstens.\n\n»Zweitens.\n\n»Drittens.«\n"
    (q,) = quotes(text)
    assert [s.of(text) for s in q.content] == ["Erstens.", "Zweitens.", "Drittens."]


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "Er rief: „Wir geben nicht auf\nDie Polizei griff ein."
    (q,) = quotes(text)
    assert q.text == "Wir geben nicht auf"
    assert not q.closed


# ---------------------------------------------------------------- apostrophes
@pytest.mark.parametrize(
    "text",
    [
        "Wie geht’s dir? Merz’ Plan ist gescheitert.",
        "Das war’s. Hans'sche Formel. Grass' Roman.",
        "Wir feiern die '90er und ’s ist gut.",
        "So ’n Quatsch, sagte er.",
    ],
)
def test_apostrophes_are_not_quote_marks(text: str) -> None:
    assert find_quotes(text) == ()


def test_apostrophe_inside_a_quote_does_not_close_it() -> None:
    text = "„Geht’s noch? Merz’ Plan ist tot“, sagte sie."
    assert texts(text) == ["Geht’s noch? Merz’ Plan ist tot"]


# ---------------------------------------------------------------- junk
@pytest.mark.parametrize(
    "text",
    [
        "Ein einzelnes „ ohne Gegenstück.",
        "Nur ein schließendes“ hier.",
        'Zoll-Angabe: 12" Felge.',
        "« » „ “",
        '""',
        "„“",
    ],
)
def test_unbalanced_or_empty_marks_give_nothing(text: str) -> None:
    assert find_quotes(text) == ()


def test_stray_closing_mark_does_not_spoil_the_next_quote() -> None:
    text = "Ein verirrtes“ Zeichen. „Danach geht es weiter“, sagte er."
    assert texts(text) == ["Danach geht es weiter"]


def test_hundred_thousand_unbalanced_marks() -> None:
    text = "„" * 50_000 + "»" * 25_000 + "«" * 25_000
    found = find_quotes(text)
    assert_offsets(text, found)


def test_rejects_non_str() -> None:
    with pytest.raises(TypeError, match="str"):
        find_quotes(b"bytes")  # type: ignore[arg-type]


# ---------------------------------------------------------------- kinds
@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Der Film „Das Boot“ lief gestern.", "Das Boot"),
        ("die sogenannte „Brandmauer“ zur AfD", "Brandmauer"),
        ("Die Operation „Wüstensturm“ begann 1991.", "Wüstensturm"),
        ("Die Mondlandefähre „Eagle“ setzte auf.", "Eagle"),
        ("Er las den Roman »Der Zauberberg« zweimal.", "Der Zauberberg"),
        ("Das Bündnis „Aufstehen gegen Rassismus“ rief zur Demo auf.", "Aufstehen gegen Rassismus"),
        ("Sie schreibt für die „Süddeutsche Zeitung“.", "Süddeutsche Zeitung"),
        # a comma after the name opens an apposition or a relative clause, not a frame
        ("Ein Flugzeug des Typs „Condor“, einer kleinen Maschine, stürzte ab.", "Condor"),
        ("Der Versorger „Stadtstrom“, an dem die Stadt beteiligt ist, erhöht die Preise.", "Stadtstrom"),
        ("Der Verband „Deutscher Skibund“, kurz DSB, tagte.", "Deutscher Skibund"),
        # genre nouns as the end of a compound: Fachblatt, Nachrichtenagentur
        ("Er wird im Fachblatt „La Voce dello Stadio“ zitiert.", "La Voce dello Stadio"),
        ("Das meldete die Nachrichtenagentur „Nowaja wremja“ am Abend.", "Nowaja wremja"),
        ("In seiner Enzyklika „Lumen veritatis“ schreibt der Papst über die Armut.", "Lumen veritatis"),
        ("Die Geräte unterstützen das Profil „Quick share“ noch nicht.", "Quick share"),
        ("Die Ärzte fanden das Bakterium „Listeria monocytogenes“ im Käse.", "Listeria monocytogenes"),
    ],
)
def test_titles_and_names_are_not_speech(text: str, title: str) -> None:
    (q,) = quotes(text)
    assert q.text == title
    assert q.kind is MarkKind.TITLE


@pytest.mark.parametrize(
    "text",
    [
        "Das meldete die Deutsche Presse-Agentur. „Wir bleiben hier.“",
        "Sie drehen einen neuen Film. »Das wird großartig«, sagte die Regisseurin.",
    ],
)
def test_a_title_cue_that_ends_the_sentence_before_announces_nothing(text: str) -> None:
    (q,) = quotes(text)
    assert q.kind is MarkKind.SPEECH


def test_short_lowercase_fragment_is_a_fragment() -> None:
    (q,) = quotes("Er nannte die Gespräche „sehr konstruktiv“.")
    assert q.kind is MarkKind.FRAGMENT


@pytest.mark.parametrize(
    "text",
    [
        "Der Dezernent sprach von einer „Gefahr für Leib und Leben“.",
        "Die Opposition nannte den Beschluss einen „Skandal“.",
        "Er sah darin keine „Lösung für die Stadt“.",
        "Ein „Neuanfang“ sei das nicht.",
    ],
)
def test_capitalised_words_after_an_indefinite_article_are_a_fragment(text: str) -> None:
    # German capitalises nouns: after „ein“/„kein“ the capitals quote words, not a name
    (q,) = quotes(text)
    assert q.kind is MarkKind.FRAGMENT


@pytest.mark.parametrize(
    "text",
    [
        "Die Ministerin sieht in dem Gesetz „kein Hindernis für den Handel“.",
        "Er nannte den Titel „einen Witz“.",
        "Sie zogen mit der Parole „Wir bleiben hier“ durch die Stadt.",
    ],
)
def test_words_opening_with_an_indefinite_article_or_a_slogan_are_not_a_title(text: str) -> None:
    # no name or title opens with a lowercase „ein“/„kein“, whatever word announces it
    # („Gesetz“, „Titel“); a slogan is chanted, so the corpus counts it as speech
    (q,) = quotes(text)
    assert q.kind is not MarkKind.TITLE


@pytest.mark.parametrize(
    "text",
    [
        "Sie sagte: „Nein.“",
        "„Wir schaffen das“, sagte die Kanzlerin.",
        "„Das ist ein Skandal und muss aufgeklärt werden“ – so die Opposition.",
    ],
)
def test_statements_are_speech(text: str) -> None:
    (q,) = quotes(text)
    assert q.kind is MarkKind.SPEECH


# ---------------------------------------------------------------- seeds
def test_seed_quotes_are_found_with_exact_content_offsets() -> None:
    for line in (SEEDS / "seeds.gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        text = gold["text"]
        found = find_quotes(text)
        assert_offsets(text, found)
        content = {(q.content[0].start, q.content[-1].end) for q in found if q.kind is not MarkKind.TITLE}
        for quote in gold["quotes"]:
            if quote["kind"] in ("direct", "partial"):
                assert (quote["start"], quote["end"]) in content, quote["text"]
        assert not [q for q in found if q.kind is MarkKind.TITLE]


# ---------------------------------------------------------------- properties
MARKS = [*list("„“”»«‚‘’›‹\"'"), ",,"]
german_like = st.lists(
    st.one_of(
        st.sampled_from(MARKS),
        st.sampled_from(["Er", "sagte", "Wir", "kommen", "nicht", "Plan", "geht’s", "Merz’", ",", ".", ":"]),
        st.sampled_from([" ", " ", " ", "\n", "\n\n", "\r\n"]),
    ),
    max_size=60,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_never_raises_and_offsets_hold_on_any_text(text: str) -> None:
    assert_offsets(text, find_quotes(text))


@settings(max_examples=400, deadline=None)
@given(german_like)
def test_offsets_hold_on_german_like_text(text: str) -> None:
    found = find_quotes(text)
    assert_offsets(text, found)
    for q in found:
        assert q.text.strip()
