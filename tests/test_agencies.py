"""News agencies: credit lines, datelines, relays, mentions, and the words that only look like agencies."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotable import agency_lexicon, lexicon
from quotable.agencies import find_agencies
from quotable.errors import LexiconError
from quotable.model import AgencyMention, AgencyRole

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

CREDIT, DATELINE, VIA, MENTION = AgencyRole.CREDIT, AgencyRole.DATELINE, AgencyRole.VIA, AgencyRole.MENTION


def found(text: str) -> list[tuple[str, AgencyRole, str]]:
    """Name, role and matched text of every mention, after checking the offset rule."""
    result = find_agencies(text)
    assert_offsets(text, result)
    return [(m.name, m.role, m.text) for m in result]


def assert_offsets(text: str, result: tuple[AgencyMention, ...]) -> None:
    assert isinstance(result, tuple)
    for m in result:
        assert 0 <= m.span.start < m.span.end <= len(text)
        assert text[m.span.start : m.span.end] == m.text
    assert all(a.span.end <= b.span.start for a, b in itertools.pairwise(result))


# ---------------------------------------------------------------- credit lines
def test_credit_line_after_editor_initials_lists_each_agency_with_exact_offsets() -> None:
    text = "Die Regierung tagte am Montag.\nwa/fab (dpa, afp, rtr)"
    result = find_agencies(text)
    assert [(m.name, m.role, m.text, m.span.to_list()) for m in result] == [
        ("dpa", CREDIT, "dpa", [39, 42]),
        ("AFP", CREDIT, "afp", [44, 47]),
        ("Reuters", CREDIT, "rtr", [49, 52]),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("(dpa)", [("dpa", CREDIT, "dpa")]),
        ("(AFP, dpa)", [("AFP", CREDIT, "AFP"), ("dpa", CREDIT, "dpa")]),
        ("(afp/rtr)", [("AFP", CREDIT, "afp"), ("Reuters", CREDIT, "rtr")]),
    ],
)
def test_credit_line_of_parenthesised_agencies_on_its_own_line(
    line: str, expected: list[tuple[str, AgencyRole, str]]
) -> None:
    assert found(f"Der Gipfel endete ohne Einigung.\n{line}\n") == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("dpa/AFP", [("dpa", CREDIT, "dpa"), ("AFP", CREDIT, "AFP")]),
        ("AFP/jbe", [("AFP", CREDIT, "AFP")]),
        ("jbe/dpa", [("dpa", CREDIT, "dpa")]),
        ("dpa/lno", [("dpa", CREDIT, "dpa")]),
        ("cst/dpa/AP", [("dpa", CREDIT, "dpa"), ("AP", CREDIT, "AP")]),
    ],
)
def test_credit_line_of_agencies_and_desk_codes_joined_by_slashes(
    line: str, expected: list[tuple[str, AgencyRole, str]]
) -> None:
    assert found(f"Die Feuerwehr war mit 40 Kräften im Einsatz.\n{line}") == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Quelle: Reuters", [("Reuters", CREDIT, "Reuters")]),
        ("Quellen: dpa, AFP", [("dpa", CREDIT, "dpa"), ("AFP", CREDIT, "AFP")]),
        ("Foto: dpa", [("dpa", CREDIT, "dpa")]),
    ],
)
def test_credit_line_after_a_source_label(line: str, expected: list[tuple[str, AgencyRole, str]]) -> None:
    assert found(f"Die Börse schloss im Plus.\n{line}") == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("mit Material von dpa", [("dpa", CREDIT, "dpa")]),
        (
            "Mit Material der Nachrichtenagenturen dpa und AFP",
            [("dpa", CREDIT, "dpa"), ("AFP", CREDIT, "AFP")],
        ),
        ("Von Anna Muster, mit Material von dpa und AP.", [("dpa", CREDIT, "dpa"), ("AP", CREDIT, "AP")]),
    ],
)
def test_credit_line_with_material_from_agencies(
    line: str, expected: list[tuple[str, AgencyRole, str]]
) -> None:
    assert found(f"Die Koalition streitet weiter.\n{line}") == expected


def test_parenthesised_agency_after_the_last_sentence_is_a_credit() -> None:
    assert found("Das Spiel endete 2:1. Der Trainer war zufrieden. (dpa)") == [("dpa", CREDIT, "dpa")]


def test_parenthesised_agency_list_ending_a_paragraph_is_a_credit() -> None:
    text = "Der Zug fiel aus.« (AFP/jbe)\nEin zweiter Absatz folgt."
    assert found(text) == [("AFP", CREDIT, "AFP")]


def test_parenthesised_agency_list_ending_the_article_without_full_stop_is_a_credit() -> None:
    assert found("Das Amt warnt vor Reisen in die Region (dpa/AP)") == [
        ("dpa", CREDIT, "dpa"),
        ("AP", CREDIT, "AP"),
    ]


def test_credit_line_in_crlf_text_keeps_exact_offsets() -> None:
    text = "Erster Absatz.\r\nZweiter Absatz.\r\nwa/fab (dpa, afp)\r\n"
    result = find_agencies(text)
    assert [(m.name, m.role, m.span.to_list()) for m in result] == [
        ("dpa", CREDIT, [41, 44]),
        ("AFP", CREDIT, [46, 49]),
    ]
    assert [text[m.span.start : m.span.end] for m in result] == ["dpa", "afp"]


def test_bare_ambiguous_abbreviation_on_its_own_line_is_a_heading_not_a_credit() -> None:
    assert found("Der Ausschuss tagte.\nAP\nDie Abgeordneten stimmten ab.") == []


def test_bare_short_form_on_the_last_line_is_a_credit() -> None:
    assert found("Der Ausschuss tagte.\nafp") == [("AFP", CREDIT, "afp")]


# ---------------------------------------------------------------- datelines
@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("Berlin (dpa) - ", [("dpa", DATELINE, "dpa")]),
        ("MOSKAU (AFP) – ", [("AFP", DATELINE, "AFP")]),
        ("Washington (dpa/AFP) — ", [("dpa", DATELINE, "dpa"), ("AFP", DATELINE, "AFP")]),
        ("Berlin/Paris (Reuters) - ", [("Reuters", DATELINE, "Reuters")]),
        ("(dpa) Berlin - ", [("dpa", DATELINE, "dpa")]),
        ("Frankfurt am Main (dpa/lhe) – ", [("dpa", DATELINE, "dpa")]),
        ("Ankara (AA) — ", [("Anadolu", DATELINE, "AA")]),
        ("BERLIN (REUTERS) -", [("Reuters", DATELINE, "REUTERS")]),
    ],
)
def test_dateline_with_place_agencies_and_dash(
    opening: str, expected: list[tuple[str, AgencyRole, str]]
) -> None:
    assert found(f"{opening}Die Regierung hat am Montag einen Haushalt beschlossen.") == expected


def test_dateline_opening_a_later_paragraph() -> None:
    text = "Streit um den Haushalt\n\nBerlin (dpa) – Die Koalition ringt um Milliarden."
    (mention,) = find_agencies(text)
    assert (mention.name, mention.role, mention.span.to_list()) == ("dpa", DATELINE, [32, 35])


def test_parentheses_at_a_paragraph_start_without_dash_are_no_dateline() -> None:
    assert found("Berlin (dpa) Die Regierung tagt.") == [("dpa", MENTION, "dpa")]


def test_dateline_in_crlf_text() -> None:
    text = "Titel\r\nMOSKAU (AFP) – Der Kreml schweigt."
    (mention,) = find_agencies(text)
    assert (mention.role, mention.span.to_list(), mention.text) == (DATELINE, [15, 18], "AFP")


# ---------------------------------------------------------------- relays (via)
@pytest.mark.parametrize(
    ("sentence", "name", "text"),
    [
        ("Das sagte Kim laut der Nachrichtenagentur Interfax.", "Interfax", "Interfax"),
        ("Laut Interfax wurde der Vertrag unterzeichnet.", "Interfax", "Interfax"),
        ("Der Test ist gescheitert, wie die Agentur Yonhap meldete.", "Yonhap", "Yonhap"),
        ("Der Agentur TASS zufolge wurde niemand verletzt.", "TASS", "TASS"),
        ("Das berichtete die staatliche Nachrichtenagentur KCNA am Morgen.", "KCNA", "KCNA"),
        ("Wir bleiben, sagte er der Deutschen Presse-Agentur.", "dpa", "Deutschen Presse-Agentur"),
        ("Das sei falsch, sagte sie der dpa.", "dpa", "dpa"),
        ("Den Rücktritt meldet Reuters.", "Reuters", "Reuters"),
        ("Nach Angaben der Nachrichtenagentur AFP gab es zwei Tote.", "AFP", "AFP"),
        ("Die Wahl wurde verschoben, wie AFP berichtet.", "AFP", "AFP"),
        ("Unter Berufung auf Xinhua hieß es, der Besuch sei erfolgreich.", "Xinhua", "Xinhua"),
        ("Er äußerte sich gegenüber der Nachrichtenagentur Reuters.", "Reuters", "Reuters"),
        ("Im Interview mit der dpa kündigte sie Reformen an.", "dpa", "dpa"),
    ],
)
def test_relay_cue_near_the_agency_makes_it_via(sentence: str, name: str, text: str) -> None:
    assert found(sentence) == [(name, VIA, text)]


def test_coordinated_agencies_share_the_relay() -> None:
    assert found("Der Damm ist gebrochen, wie dpa und AFP berichteten.") == [
        ("dpa", VIA, "dpa"),
        ("AFP", VIA, "AFP"),
    ]
    assert found("Laut Interfax und Tass ist die Brücke gesperrt.") == [
        ("Interfax", VIA, "Interfax"),
        ("TASS", VIA, "Tass"),
    ]


def test_relay_cue_in_another_clause_does_not_make_a_relay() -> None:
    assert found("Der Sprecher sagte, Reuters habe sich geirrt.") == [("Reuters", MENTION, "Reuters")]


# ---------------------------------------------------------------- mentions
def test_agency_named_without_relay_cue_is_a_mention() -> None:
    assert found("Die Nachrichtenagentur Reuters hat einen neuen Chef.") == [("Reuters", MENTION, "Reuters")]


def test_agency_as_first_part_of_a_compound_is_a_mention() -> None:
    assert found("Ein dpa-Korrespondent war vor Ort.") == [("dpa", MENTION, "dpa")]


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("Deutsche Presse-Agentur", "dpa"),
        ("Agence France-Presse", "AFP"),
        ("Associated Press", "AP"),
        ("Katholische Nachrichten-Agentur", "KNA"),
        ("Evangelische Pressedienst", "epd"),
        ("Austria Presse Agentur", "APA"),
        ("Schweizerische Depeschenagentur", "Keystone-SDA"),
        ("ITAR-TASS", "TASS"),
        ("RIA Novosti", "RIA Nowosti"),
        ("Anadolu Ajansı", "Anadolu"),
        ("Xinhua", "Xinhua"),
        ("Kyodo", "Kyodo"),
    ],
)
def test_long_and_foreign_spellings_get_the_canonical_name(alias: str, name: str) -> None:
    assert found(f"Der {alias} liegen neue Zahlen vor.") == [(name, MENTION, alias)]


def test_multi_word_name_matches_across_extra_spaces() -> None:
    text = "Die Deutsche  Presse-Agentur feiert Geburtstag."
    assert found(text) == [("dpa", MENTION, "Deutsche  Presse-Agentur")]


# ---------------------------------------------------------------- ambiguous short names
@pytest.mark.parametrize(
    ("sentence", "name", "text"),
    [
        ("Die Nachrichtenagentur AP hat ein Büro in Kiew.", "AP", "AP"),
        ("Ein Reporter der US-Nachrichtenagentur AP war dabei.", "AP", "AP"),
        ("Die Agentur AA hat Bilder veröffentlicht.", "Anadolu", "AA"),
        ("Die Staatsagentur RIA hat Bilder veröffentlicht.", "RIA Nowosti", "RIA"),
        ("Die Agentur SDA hat Bilder veröffentlicht.", "Keystone-SDA", "SDA"),
        ("Die spanische Agentur EFE hat Bilder veröffentlicht.", "EFE", "EFE"),
    ],
)
def test_ambiguous_short_name_counts_right_after_an_agency_noun(sentence: str, name: str, text: str) -> None:
    assert found(sentence) == [(name, MENTION, text)]


def test_ambiguous_short_name_coordinated_after_an_agency_noun() -> None:
    assert found("Die Nachrichtenagenturen dpa und AP haben Bilder.") == [
        ("dpa", MENTION, "dpa"),
        ("AP", MENTION, "AP"),
    ]


def test_ambiguous_short_name_glossing_the_full_name_takes_its_role() -> None:
    assert found("Das meldete die Associated Press (AP) am Abend.") == [
        ("AP", VIA, "Associated Press"),
        ("AP", VIA, "AP"),
    ]


def test_ambiguous_short_name_in_a_parenthesised_agency_list_mid_text() -> None:
    assert found("Zwei Fotografen (dpa/AP) wurden festgenommen.") == [
        ("dpa", MENTION, "dpa"),
        ("AP", MENTION, "AP"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Die AP-Werte der Klasse sind gut.",
        "Das Auswärtige Amt (AA) rät von Reisen ab.",
        "Die SDA-Fraktion und die RIA-Studie.",
        "Im ANP wurde der MTI gemessen, sagte die PTI.",
        "Der sid ist ein Fisch.",
        "Die Agentur efe meldete nichts, und EFE allein ist keine Agentur.",
        "Laut AP war es so.",
    ],
)
def test_ambiguous_short_names_without_agency_context_are_not_agencies(sentence: str) -> None:
    assert found(sentence) == []


def test_lower_case_short_forms_are_no_agencies_in_running_text() -> None:
    assert found("Die afp und rtr und ap sind hier nur Buchstaben.") == []


# ---------------------------------------------------------------- apposition-only names
def test_name_that_is_also_a_common_word_needs_an_agency_noun() -> None:
    assert found("Die Agentur Neues China meldete den Besuch.") == [("Xinhua", VIA, "Neues China")]
    assert found("Das Neues China-Restaurant hat geöffnet. Ein neues China entsteht.") == []
    assert found("Die jordanische Nachrichtenagentur Petra meldete den Besuch.") == [("Petra", VIA, "Petra")]
    assert found("Petra Müller meldete den Besuch.") == []


# ---------------------------------------------------------------- false hits
@pytest.mark.parametrize(
    "sentence",
    [
        "Im dritten Kapitel geht es um die Kapazität der Netze.",
        "Sie pflegen einen vertrauensvollen Umgang.",
        "Das Updpatch wurde eingespielt.",
        "Er trank eine Tasse Tee.",
        "Die AFPler und die Reutersche Linie.",
        "Kapa\u0308t und dpa\u0308 sind zerlegte Umlaute.",
    ],
)
def test_agency_letters_inside_a_word_are_no_hit(sentence: str) -> None:
    assert found(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Ernst Reuter war Regierender Bürgermeister.",
        "Die Demo begann am Ernst-Reuter-Platz.",
        "Ernst Reuters Rede ist berühmt.",
        "Michael Bloomberg kandidierte.",
        "Anadolu Efes gewann das Finale.",
    ],
)
def test_person_or_club_sharing_an_agency_name_is_no_hit(sentence: str) -> None:
    assert found(sentence) == []


def test_description_of_an_agency_is_not_a_name() -> None:
    text = (
        "Das berichtete die amtliche nordkoreanische Nachrichtenagentur. "
        "Das Treffen dauerte laut russischen Nachrichtenagenturen eine Stunde."
    )
    assert found(text) == []


# ---------------------------------------------------------------- the seed articles
def seed_cases() -> Iterator[dict[str, object]]:
    with (SEEDS / "seeds.gold.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


@pytest.mark.parametrize("case", list(seed_cases()), ids=lambda case: str(case["id"]))
def test_seed_article_agencies_equal_the_gold(case: dict[str, object]) -> None:
    text = case["text"]
    assert isinstance(text, str)
    got = [
        {"name": m.name, "role": m.role.value, "start": m.span.start, "end": m.span.end, "text": m.text}
        for m in find_agencies(text)
    ]
    assert got == case["agencies"]


def test_seed_credit_line_is_not_found_inside_a_word() -> None:
    (case,) = [c for c in seed_cases() if c["id"] == "seed-000"]
    text = case["text"]
    assert isinstance(text, str)
    assert all(m.span.start >= text.index("wa/fab") for m in find_agencies(text))


# ---------------------------------------------------------------- the data file
def test_every_listed_spelling_is_found_where_its_scope_allows() -> None:
    for row in lexicon.table("agencies.tsv", 3, 4):
        name, alias, scope = row[:3]
        if scope == "credit":
            text, role = f"Ende der Meldung.\nwa/fab ({alias})", CREDIT
        else:
            text, role = f"Die Nachrichtenagentur {alias} hat ein Büro.", MENTION
        assert found(text) == [(name, role, alias)], (alias, scope)


@pytest.fixture
def fresh_tables() -> Iterator[None]:
    """Forget the cached data files before and after a test that fakes them."""
    for cached in (agency_lexicon.alias_table, agency_lexicon.alias_pattern, agency_lexicon.cue_table):
        cached.cache_clear()
    yield
    for cached in (agency_lexicon.alias_table, agency_lexicon.alias_pattern, agency_lexicon.cue_table):
        cached.cache_clear()


def fake_agencies(monkeypatch: pytest.MonkeyPatch, content: str) -> None:
    """Make ``agencies.tsv`` read as ``content``; the other data files stay as they are."""
    real = lexicon.table

    def table(name: str, min_columns: int = 1, max_columns: int | None = None) -> tuple[tuple[str, ...], ...]:
        if name == "agencies.tsv":
            return lexicon.parse_table(name, content, min_columns, max_columns)
        return real(name, min_columns, max_columns)

    monkeypatch.setattr(lexicon, "table", table)


def test_unknown_scope_in_the_data_file_is_a_lexicon_error(
    monkeypatch: pytest.MonkeyPatch, fresh_tables: None
) -> None:
    fake_agencies(monkeypatch, "dpa\tdpa\tsometimes\n")
    with pytest.raises(LexiconError, match="'dpa' has scope 'sometimes'"):
        find_agencies("Berlin (dpa) - Text")


def test_malformed_exception_in_the_data_file_is_a_lexicon_error(
    monkeypatch: pytest.MonkeyPatch, fresh_tables: None
) -> None:
    fake_agencies(monkeypatch, "Reuters\tReuters\tname\tErnst\n")
    with pytest.raises(LexiconError, match="'Word _'"):
        find_agencies("Reuters")


# ---------------------------------------------------------------- robustness
def test_non_string_input_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="needs a str"):
        find_agencies(b"(dpa)")  # type: ignore[arg-type]


def test_empty_and_blank_texts_have_no_agencies() -> None:
    assert find_agencies("") == ()
    assert find_agencies(" \n\r\n\t") == ()


def test_control_characters_around_agencies_keep_offsets() -> None:
    text = "\x00dpa\x00\n\x0b(AFP)\x1c\u2028Quelle:\x85Reuters\ufeff"
    assert_offsets(text, find_agencies(text))


N = 1_000_000


@pytest.mark.parametrize(
    "text",
    [
        "(" * N,
        ")" * N,
        "dpa/" * (N // 4),
        "(dpa" * (N // 4),
        "AP (" * (N // 4),
        "(dpa)\n" * (N // 6),
        "Berlin (dpa) -\r\n" * (N // 16),
        "Deutsche" + " " * N + "Presse-Agentur",
        "laut der Agentur " * (N // 17),
        "Quelle: " * (N // 8) + "dpa",
        "\n" * N + "wa/fab (dpa, afp, rtr)",
        "x " * (N // 2) + "(dpa)",
    ],
    ids=lambda text: repr(text[:12]),
)
def test_a_megabyte_of_adversarial_text_completes(text: str) -> None:
    assert_offsets(text, find_agencies(text))


# ---------------------------------------------------------------- properties
@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises_and_keeps_the_offset_rule(text: str) -> None:
    assert_offsets(text, find_agencies(text))


FRAGMENTS = [
    "dpa", "afp", "AFP", "rtr", "Reuters", "AP", "ap", "AA", "RIA", "Tass", "Interfax", "Yonhap",
    "Deutsche Presse-Agentur", "Deutschen  Presse‑Agentur", "Neues China", "Petra", "Ernst", "Efes",
    "Anadolu", "Nachrichtenagentur", "US-Nachrichtenagentur", "Agentur", "laut", "sagte", "meldete",
    "zufolge", "der", "und", "Quelle:", "mit Material von", "wa", "fab", "Berlin", "MOSKAU",
    "Kapitel", "vertrauensvollen", "Tasse", "(", ")", "/", ",", ".", ":", " - ", " – ", " — ",
    "„", "“", "\n", "\r\n", "\u2028", "\x00",
]  # fmt: skip


@st.composite
def german_like(draw: st.DrawFn) -> str:
    """Agency names, cue words, news punctuation and junk, joined by varied spaces."""
    parts = draw(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=3)), max_size=40))
    gaps = st.sampled_from(["", " ", "  ", "\t", "\u00a0"])
    return "".join(part + draw(gaps) for part in parts)


@settings(max_examples=500, deadline=None)
@given(german_like())
def test_german_like_text_with_agencies_never_raises_and_keeps_the_offset_rule(text: str) -> None:
    result = find_agencies(text)
    assert_offsets(text, result)
    assert all(m.role in AgencyRole for m in result)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Ministerin kündigte eine Prüfung an.\n(APA, 11.9.2015)", [("APA", "credit")]),
        ("Die Ministerin kündigte eine Prüfung an.\n(red, APA, 3.4.2016)", [("APA", "credit")]),
        ("Die Börse schloss fester. (Reuters, 25.5.2016)", [("Reuters", "credit")]),
        ("Der Bundesrat entschied anders.\n(sda)", [("Keystone-SDA", "credit")]),
        ("Der Bundesrat entschied anders.\n(SDA/dpa)", [("Keystone-SDA", "credit"), ("dpa", "credit")]),
    ],
)
def test_austrian_and_swiss_credit_lines_with_a_date_are_credits(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(a.name, a.role.value) for a in find_agencies(text)] == expected


def test_a_dated_credit_in_brackets_is_a_credit_wherever_the_line_goes_on() -> None:
    text = "Die Gäste hatten nur einen Aussetzer. (APA, 18.3.2016) SV Musterstadt – FC Beispiel 1:2"
    assert [(a.name, a.role.value) for a in find_agencies(text)] == [("APA", "credit")]
