"""The parser's view of scraped text: breaks where layout was lost, offsets that map back."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotable.repair import BREAK, Fix, repair

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def glue(text: str) -> list[tuple[str, Fix]]:
    """Each break the glue rules insert, shown as ``left|right`` (up to 12 characters each)."""
    return [
        (f"{text[max(0, i.offset - 12) : i.offset]}|{text[i.offset : i.offset + 12]}", i.fix)
        for i in repair(text).insertions
        if i.fix is not Fix.LINE
    ]


def line_breaks(text: str) -> list[int]:
    """The offsets where a single line break was made a paragraph break."""
    return [i.offset for i in repair(text).insertions if i.fix is Fix.LINE]


def sentences_of(text: str) -> list[str]:
    """The paragraphs the parser will see, mapped back to the caller's text."""
    view = repair(text)
    pieces = []
    position = 0
    for paragraph in view.text.split("\n\n"):
        start = view.text.index(paragraph, position) if paragraph else position
        end = start + len(paragraph)
        position = end
        if paragraph.strip():
            pieces.append(text[view.to_original(start) : view.to_original(end)].strip())
    return pieces


# ------------------------------------------------------------------ the seed articles
def test_seed_002_has_exactly_its_three_glue_points() -> None:
    assert glue(seed("002_f73c7dbc30e27341.txt")) == [
        (" Neonazismus|Kim betonte,", Fix.HEADING),
        (" ausführlich|Zum 80. Jahr", Fix.HEADING),
        ("gen die USA.|Der Kreml ac", Fix.SENTENCE),
    ]


def test_seed_000_has_its_dateline_glued_to_the_first_quote() -> None:
    assert glue(seed("000_4dbd1b156968bcc1.txt")) == [('ptember 2025|"Die Beziehu', Fix.DATELINE)]


def test_seed_000_headings_on_their_own_line_become_paragraphs() -> None:
    text = seed("000_4dbd1b156968bcc1.txt")
    paragraphs = sentences_of(text)
    assert "Nordkoreas Kim versichert Putin volle Unterstützung" in paragraphs
    assert "3. September 2025" in paragraphs
    assert "Kreml: Keine Verschwörung" in paragraphs
    assert "wa/fab (dpa, afp, rtr)" in paragraphs


def test_seed_002_every_line_is_a_paragraph() -> None:
    text = seed("002_f73c7dbc30e27341.txt")
    lines = [line for line in text.splitlines() if line.strip()]
    # each line ends a paragraph; glued lines add one more paragraph each
    assert len(sentences_of(text)) == len(lines) + 3
    assert sentences_of(text)[-1] == "Expansion"


@pytest.mark.parametrize("name", ["000_4dbd1b156968bcc1.txt", "002_f73c7dbc30e27341.txt"])
def test_seed_view_is_the_text_plus_breaks(name: str) -> None:
    text = seed(name)
    view = repair(text)
    assert len(view.text) == len(text) + len(BREAK) * len(view.insertions)
    assert "".join(c for i, c in enumerate(view.text) if not view.is_inserted(i)) == text


# ------------------------------------------------------------------ glue that is repaired
@pytest.mark.parametrize(
    "marked",
    [
        "Putin und Kim unterhalten sich ausführlich|Zum Jahrestag sprach er.",
        "Neue Regeln für Banken|Die Aufsicht greift durch.",
        "Die Lage in der USA.|Der Kreml achtete darauf.",
        "Er war sicher.|„Wir kommen“, sagte er.",
        "Sie ist gekommen.“|Der Minister schwieg.",
        "Berlin, 3. September 2025|„Die Lage ist ernst“, sagte sie.",
        "3. September 2025|»Die Lage ist ernst«, sagte sie.",
    ],
)
def test_glue_is_found(marked: str) -> None:
    """``|`` marks where the break belongs."""
    text = marked.replace("|", "")
    assert [i.offset for i in repair(text).insertions if i.fix is not Fix.LINE] == [marked.index("|")]


def test_a_name_glued_to_a_heading_is_found_when_the_text_uses_the_name_alone() -> None:
    text = "Treffen in Peking\nBündnis gegen NeonazismusKim betonte, dass alles gut sei. Kim lachte. Kim ging"
    assert glue(text) == [(" Neonazismus|Kim betonte,", Fix.HEADING)]


# ------------------------------------------------------------------ what is not glue
@pytest.mark.parametrize(
    "text",
    [
        "Der Konzern McDonald's eröffnet eine Filiale.",
        "Das neue iPhone kostet mehr.",
        "Ein Video auf YouTube zeigt den Vorfall.",
        "Der Impfstoff von BioNTech wirkt.",
        "Die Rakete von SpaceX startet heute.",
        "Die Muster GmbH meldet Insolvenz an.",
        "In der DDR-Zeit war vieles anders.",
        "Der Stahlkonzern ThyssenKrupp streicht Stellen. ThyssenKrupp sagt, Krupp sei Geschichte. Krupp!",
        "Sony stellt die PlayStation vor und verkauft sie ab Montag.",
        "Das gilt z.B.Die Regel ist alt.",
        "Ein Besuch in den U.S.A.Das war schön.",
        "Termin bei Dr.Müller am Montag.",
        "Mehr unter www.Spiegel.de und bei Max.Mustermann@firma.de nachlesen.",
        "Am 3.Oktober wird gefeiert.",
        "Siehe https://example.org/NeonazismusKim/Die.Seite für mehr.",
        "Die Firma GlaxoSmithKline forscht.",
        "Der Elektronikhändler MediaMarkt wächst.",
    ],
)
def test_camel_case_names_and_abbreviations_are_not_glue(text: str) -> None:
    assert glue(text) == []


def test_a_sentence_glued_after_a_year_without_quote_mark_is_left_alone() -> None:
    assert glue("Seit 2025Die Zahlen steigen.") == []


# ------------------------------------------------------------------ line breaks
def test_a_heading_line_without_punctuation_becomes_its_own_paragraph() -> None:
    text = "Kreml: Keine Verschwörung\nDer Kreml wies das zurück."
    assert line_breaks(text) == [text.index("Der")]


def test_a_line_ending_a_sentence_is_a_paragraph_even_before_lowercase() -> None:
    text = "Das sagte Trump.\nwa/fab (dpa, afp, rtr)"
    assert line_breaks(text) == [text.index("wa/fab")]


@pytest.mark.parametrize(
    "text",
    [
        "Kim erklärte:\n„Wir kommen.“",
        "Die Bundes-\nregierung schweigt.",
        "Er sagte, dass die Lage\nernst sei.",
        "Erster Absatz.\n\nZweiter Absatz.",
        "Erster Absatz.\n  \nZweiter Absatz.",
    ],
)
def test_continued_sentences_and_blank_lines_get_no_break(text: str) -> None:
    assert line_breaks(text) == []


def test_hard_wrapped_text_is_left_to_the_sentence_splitter() -> None:
    text = (
        "Die Regierung hat am Montag beschlossen, dass die\n"
        "Steuern im kommenden Jahr sinken sollen. Der Minister\n"
        "sagte, dies sei ein wichtiger Schritt für die\n"
        "Wirtschaft des Landes, die unter der Krise\n"
        "leidet.\n"
    )
    assert line_breaks(text) == []


def test_windows_line_ends_are_breaks_too() -> None:
    text = "Überschrift\r\nDer Text beginnt.\r\nDer Text geht weiter."
    assert line_breaks(text) == [text.index("Der Text b"), text.index("Der Text g")]


# ------------------------------------------------------------------ offsets
def test_offsets_map_back_around_an_inserted_break() -> None:
    text = "USA.Der Kreml"
    view = repair(text)
    assert view.text == "USA.\n\nDer Kreml"
    assert [view.to_original(i) for i in range(len(view.text) + 1)] == [*range(5), 4, 4, *range(5, 14)]
    assert [view.is_inserted(i) for i in range(len(view.text))] == [False] * 4 + [True] * 2 + [False] * 9


def test_offsets_outside_the_view_are_an_error() -> None:
    with pytest.raises(ValueError, match="outside the view"):
        repair("abc").to_original(4)


def test_text_without_anything_to_repair_is_its_own_view() -> None:
    text = "Die Sonne scheint. Es ist warm."
    view = repair(text)
    assert view.text == text
    assert view.insertions == ()
    assert all(view.to_original(i) == i for i in range(len(text) + 1))


_PIECES = st.sampled_from(
    [
        "Der Kreml",
        "USA.",
        "Der",
        "NeonazismusKim",
        "Kim",
        "ausführlichZum",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "2025",
        '"',
        "„",
        "“",
        "z.B.",
        "iPhone",
        ",",
        ":",
        "-",
        ".",
        "wa/fab",
        "www.",
        "Überschrift",
    ]
)


@given(st.lists(_PIECES | st.text(max_size=5), max_size=40).map("".join))
def test_the_view_is_the_text_plus_breaks_and_maps_back_exactly(text: str) -> None:
    view = repair(text)
    offsets = [i.offset for i in view.insertions]
    assert offsets == sorted(set(offsets))
    assert all(0 <= o <= len(text) for o in offsets)
    assert len(view.text) == len(text) + len(BREAK) * len(offsets)
    mapped = [view.to_original(i) for i in range(len(view.text) + 1)]
    assert mapped[0] == 0
    assert mapped[-1] == len(text)
    assert all(a <= b for a, b in itertools.pairwise(mapped))
    for i, char in enumerate(view.text):
        if view.is_inserted(i):
            assert char in BREAK
        else:
            assert text[mapped[i]] == char
            assert mapped[i + 1] == mapped[i] + 1 or view.is_inserted(i + 1)
