"""The reading view: line breaks, Unicode forms, markup and invisible characters folded,
every offset mapped back into the caller's string."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotable import Attributor, Span
from quotable.model import check_offsets
from quotable.normalize import normalize, restore

ARTICLE = (
    "Streit um Radwege\n"
    "Die Bürgermeisterin sagte am Montag: „Wir bauen die Wege, ob es Ärger gibt oder nicht.“\n"
    "Der Stadtrat Jürgen Weiß entgegnete: „Das ist übereilt.“\n"
    "wa/fab (dpa, afp)"
)


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb\u2028c\u2029d\x0be\x0cf\x1cg\x85h", "a\nb\nc\nd\ne\nf\ng\nh"),
        ("Cafe\u0301 und A\u0308rger", "Café und Ärger"),
        ("<p>Eins.</p>\n<p>Zwei.</p>", "Eins.\nZwei."),
        ("<div><p>Eins.</p></div><p>Zwei.<br/>Drei.</p>", "Eins.\nZwei.\nDrei."),
        ('Laut <b>Putin</b> und <a href="x.html">Kim</a>', "Laut Putin und Kim"),
        (
            "&bdquo;Ja&ldquo;, sagte er &amp; sie &#8222;x&#x201C; &quot;y&quot;",
            '„Ja“, sagte er & sie „x“ "y"',
        ),
        ("Put\u00adin\u200b sagte\u202c \u2066Nein\u2069\ufeff", "Putin sagte Nein"),
        ("zwölf\u00a0Uhr\u202fzehn", "zwölf Uhr zehn"),
        ("Vor<!-- Kommentar <p> -->her <script>alert('x')</script>da", "Vorher da"),
        ("1 < 2 und 3 > 2, <Ironie> aus", "1 < 2 und 3 > 2, <Ironie> aus"),
        ("&unbekannt; &amp", "&unbekannt; &amp"),
    ],
)
def test_the_view_folds_what_it_should_and_nothing_else(text: str, view: str) -> None:
    assert normalize(text).text == view


def test_plain_text_is_its_own_view() -> None:
    view = normalize(ARTICLE)
    assert view.identity and view.text == ARTICLE


def test_a_view_span_maps_to_the_same_characters_in_the_callers_text() -> None:
    text = "<p><b>Putin</b> sagte: &bdquo;Nein.&ldquo;</p>"
    view = normalize(text)
    assert view.text == "Putin sagte: „Nein.“"
    assert view.span(Span(0, 5)).of(text) == "Putin"  # neither <b> nor </b>
    quote = view.text.index("„")
    assert view.span(Span(quote, len(view.text))).of(text) == "&bdquo;Nein.&ldquo;"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Er",
                " ",
                "sagte",
                "\r\n",
                "\r",
                "\u2029",
                "<p>",
                "</p>",
                "<b>",
                "&bdquo;",
                "&amp;",
                "&x;",
                "e\u0301",
                "\u200b",
                "\u00ad",
                "<!--",
                "-->",
                "<script>",
                "</script>",
                "„",
                "“",
                ".",
                "\n",
                "<",
                ">",
                "&",
            ]
        ),
        max_size=40,
    ),
    st.data(),
)
def test_every_view_offset_maps_into_the_text_in_order(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    view = normalize(text)
    assert unicodedata.is_normalized("NFC", view.text) or "\u0301" in view.text
    starts = [view.start(i) for i in range(len(view.text) + 1)]
    ends = [view.end(i) for i in range(len(view.text) + 1)]
    assert all(0 <= o <= len(text) for o in starts + ends)
    assert starts == sorted(starts) and ends == sorted(ends)
    start = data.draw(st.integers(0, len(view.text)))
    end = data.draw(st.integers(start, len(view.text)))
    span = view.span(Span(start, end))
    assert 0 <= span.start <= span.end <= len(text)


def test_restore_rewrites_every_mention_text_from_the_callers_string() -> None:
    text = "<p>„Wir bleiben&nbsp;hier“, sagte die <b>Bürgermeisterin</b>.</p>\n<p>wa (dpa)</p>"
    result = Attributor(model=None).attribute(text)
    assert [q.text for q in result.quotes] == ["Wir bleiben&nbsp;hier"]
    assert [a.text for a in result.agencies] == ["dpa"]
    assert check_offsets(text, result) == []


def test_restore_of_an_identity_view_is_the_result_itself() -> None:
    result = Attributor(model=None).attribute(ARTICLE)
    assert restore(result, normalize(ARTICLE)) is result


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.replace("\n", "\r\n"),
        lambda t: t.replace("\n", "\r"),
        lambda t: t.replace("\n", "\u2029"),
        lambda t: unicodedata.normalize("NFD", t),
        lambda t: "\n".join(f"<p>{line}</p>" for line in t.split("\n")),
        lambda t: t.replace("„", "&bdquo;").replace("“", "&ldquo;"),
    ],
    ids=["crlf", "cr", "u2029", "nfd", "p-tags", "entities"],
)
def test_without_a_model_every_encoding_gives_the_same_quotes(encode: object) -> None:
    assert callable(encode)
    encoded = encode(ARTICLE)
    attributor = Attributor(model=None)
    expected = restore(attributor.attribute(ARTICLE), normalize(encoded))
    assert normalize(encoded).text == ARTICLE
    assert attributor.attribute(encoded) == expected
    assert check_offsets(encoded, expected) == []
