"""The article view: each quote in its speaker's colour, the text escaped, the page self-contained."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import attrs
import handmade
import pytest
from htmltree import Element, parse

import quotable
from quotable import Attributor
from quotable.cli import main
from quotable.model import Attribution, Quote, QuoteType, Span, Speaker
from quotable.view import CSP, colours, render_article, render_articles, speaker_labels

HOSTILE = (
    'Der Autor schrieb: „Achtung <script>document.body.append(Object.assign(document.createElement("p"), '
    '{id: "pwned"}))</script>und <img src=x onerror="document.title=\'pwned\'"> <b>fett</b> '
    '&amp; &lt;i&gt; ]]><!-- -->“, sagte er. Danach stand da nur noch: "><'
)


def quote_groups(tree: Element) -> dict[int, list[Element]]:
    """The highlighted pieces of each quote, by its index in the result."""
    groups: dict[int, list[Element]] = defaultdict(list)
    for element in tree.find_all(cls="q"):
        if "data-q" in element.attrs:
            groups[int(element.attrs["data-q"])].append(element)
    return groups


def quote_pieces(tree: Element) -> list[Element]:
    return [piece for pieces in quote_groups(tree).values() for piece in pieces]


def speaker_class(element: Element) -> str:
    (cls,) = [c for c in element.classes if c[0] == "s" and c[1:].isdigit()]
    return cls


def legend_classes(tree: Element) -> dict[str, tuple[str, int]]:
    """Speaker label → (class, count) as the legend lists them."""
    return {
        li.attrs["data-speaker"]: (li.attrs["class"], int(li.attrs["data-count"]))
        for li in tree.find_all("li")
        if "data-speaker" in li.attrs
    }


@pytest.fixture(scope="module")
def page() -> Element:
    return parse(render_article(handmade.TEXT, handmade.result(), title="Hafen"))


def test_every_quote_is_highlighted_with_its_speakers_class(page: Element) -> None:
    result = handmade.result()
    groups = quote_groups(page)
    legend = legend_classes(page)
    assert sorted(groups) == list(range(len(result.quotes)))
    for i, (quote, label) in enumerate(zip(result.quotes, handmade.LABELS, strict=True)):
        pieces = groups[i]
        assert "".join(p.text() for p in pieces) == "".join(s.of(handmade.TEXT) for s in quote.spans)
        expected = legend[label][0] if label else "s0"
        assert {speaker_class(p) for p in pieces} == {expected}
        assert {p.attrs.get("data-speaker") for p in pieces} == {label}


def test_the_legend_counts_each_speakers_quotes(page: Element) -> None:
    legend = legend_classes(page)
    assert {name: count for name, (_, count) in legend.items()} == {
        "Petra Lange": 1,
        "Tom Berg": 2,
        "": 1,
        "ein Ministeriumssprecher": 1,
    }
    # a number label next to each speaker and at the start of each quote: colour is not the only signal
    labels = {li.attrs["data-speaker"]: li.find_all(cls="sw")[0].text() for li in page.find_all("li")}
    assert labels["Tom Berg"].startswith("S") and labels[""] == "?"
    first_pieces = [p for p in page.find_all(cls="q") if "data-l" in p.attrs]
    assert len(first_pieces) == 5
    assert {p.attrs["data-l"] for p in first_pieces if p.attrs.get("data-speaker") == "Tom Berg"} == {
        labels["Tom Berg"]
    }


def test_direct_and_indirect_differ_by_style_and_the_partial_quote_sits_inside_its_parent(
    page: Element,
) -> None:
    groups = quote_groups(page)
    assert "qd" in groups[0][0].classes and "qi" not in groups[0][0].classes
    assert "qi" in groups[1][0].classes and "qd" not in groups[1][0].classes
    (parent,) = groups[1]
    (partial,) = groups[2]
    assert partial in list(parent.iter()) and {"qd", "qn"} <= partial.classes
    assert "qi" in groups[3][0].classes


def test_speaker_mention_cue_addressee_and_agency_roles_are_marked(page: Element) -> None:
    legend = legend_classes(page)
    (page,) = page.find_all(cls="text")  # not the legend's samples
    mentions = {m.text(): speaker_class(m) for m in page.find_all(cls="m")}
    assert mentions == {
        "Die Senatorin Petra Lange": legend["Petra Lange"][0],
        "Ihr Sprecher Tom Berg": legend["Tom Berg"][0],
        "ein Ministeriumssprecher": legend["ein Ministeriumssprecher"][0],
    }
    assert sorted(c.text() for c in page.find_all(cls="c")) == ["ergänzte", "sagte", "sagte"]
    assert [a.text() for a in page.find_all(cls="a")] == ["am Dienstag"]
    agencies = [(a.text(), a.attrs["data-role"]) for a in page.find_all(cls="ag")]
    assert agencies == [("dpa", "dateline"), ("AFP", "via"), ("dpa", "credit"), ("afp", "credit")]
    assert all(a.attrs["title"] for a in page.find_all(cls="ag"))


def test_hovering_a_quote_tells_speaker_type_cue_addressee_via_medium_confidence_rule(page: Element) -> None:
    groups = quote_groups(page)
    title = groups[1][0].attrs["title"]
    assert title.splitlines() == [
        "Tom Berg („Ihr Sprecher Tom Berg“): indirect speech",
        "cue: ergänzte",
        "addressee: am Dienstag",
        "via: –",
        "medium: speech",
        "confidence: 0.80",
        "rule: indirect.konjunktiv",
    ]
    assert "via: AFP" in groups[3][0].attrs["title"] and "unknown speaker" in groups[3][0].attrs["title"]
    assert (
        groups[2][0].attrs["title"].startswith("Tom Berg („Ihr Sprecher Tom Berg“): partial quote (nested)")
    )


def test_the_article_text_is_all_there_exactly(page: Element) -> None:
    (body,) = page.find_all(cls="text")
    assert body.text() == handmade.TEXT


def test_the_page_fetches_nothing_and_runs_nothing() -> None:
    html = render_article(handmade.TEXT, handmade.result())
    tree = parse(html)
    assert tree.find_all("script") == [] and tree.find_all("link") == [] and tree.find_all("img") == []
    for forbidden in ("src=", "href=", "@import", "url(", "http:", "https:", "@font-face"):
        assert forbidden not in html
    (csp,) = [m for m in tree.find_all("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"]
    assert csp.attrs["content"] == CSP and "script-src" not in CSP and "default-src 'none'" in CSP
    assert "@media print" in html


def test_a_hostile_article_shows_its_markup_as_text() -> None:
    start = HOSTILE.index("„")
    end = HOSTILE.index("“") + 1
    quote = Quote(
        QuoteType.DIRECT,
        (Span(start, end),),
        (Span(start + 1, end - 1),),
        HOSTILE[start + 1 : end - 1],
        speaker=Speaker(
            'er"><script>', (Span(len(HOSTILE) - 3, len(HOSTILE) - 1),), name="<b>Autor</b> & Co"
        ),
        rule='x" onmouseover="alert(1)',
    )
    result = Attribution((quote,))
    html = render_article(HOSTILE, result, title="</title><script>alert(1)</script>")
    tree = parse(html)
    assert tree.find_all("script") == [] and tree.find_all("img") == [] and tree.find_all("b") == []
    (body,) = tree.find_all(cls="text")
    assert body.text() == HOSTILE
    (piece,) = quote_groups(tree)[0]
    assert piece.attrs["data-speaker"] == "<b>Autor</b> & Co" and "onmouseover" not in piece.attrs
    assert tree.find_all("title")[0].text() == "</title><script>alert(1)</script>"
    # the same from the attributor without a parser
    plain = parse(render_article(HOSTILE, Attributor(model=None).attribute(HOSTILE)))
    assert plain.find_all(cls="text")[0].text() == HOSTILE and plain.find_all("script") == []


def test_quotes_of_two_speakers_that_cross_are_split_into_well_formed_pieces() -> None:
    text = "Anna sagte, das sei gut, und Ben meinte, es sei schlecht."
    first = Quote(QuoteType.INDIRECT, (Span(12, 39),), (Span(12, 39),), text[12:39],
                  speaker=Speaker("Anna", (Span(0, 4),), "Anna"))  # fmt: skip
    second = Quote(QuoteType.INDIRECT, (Span(25, 56),), (Span(25, 56),), text[25:56],
                   speaker=Speaker("Ben", (Span(29, 32),), "Ben"))  # fmt: skip
    tree = parse(render_article(text, Attribution((first, second))))
    groups = quote_groups(tree)
    assert "".join(p.text() for p in groups[0]) == text[12:39]
    assert "".join(p.text() for p in groups[1]) == text[25:56]
    assert len(groups[0]) + len(groups[1]) == 3
    assert speaker_class(groups[0][0]) != speaker_class(groups[1][0])
    assert tree.find_all(cls="text")[0].text() == text


def test_a_speaker_keeps_one_colour_across_the_articles_of_a_page() -> None:
    result = handmade.result()
    other = attrs.evolve(result, quotes=result.quotes[1:3])  # only Tom Berg
    tree = parse(render_articles([("eins", handmade.TEXT, result), ("zwei", handmade.TEXT, other)]))
    sections = tree.find_all("section")
    assert [s.find_all("h2")[0].text() for s in sections] == ["eins", "zwei"]
    first = {p.attrs.get("data-speaker"): speaker_class(p) for p in quote_pieces(sections[0])}
    second = {p.attrs.get("data-speaker"): speaker_class(p) for p in quote_pieces(sections[1])}
    assert second == {"Tom Berg": first["Tom Berg"]}


def test_speakers_get_distinct_colours_and_unresolved_ones_group_by_their_mention() -> None:
    assert len({colours(n) for n in range(1, 41)}) == 40
    result = handmade.result()
    quote = attrs.evolve(result.quotes[0], speaker=Speaker("sie", (Span(0, 3),)))
    assert speaker_labels(Attribution((quote, result.quotes[4], quote))) == [
        "sie",
        "ein Ministeriumssprecher",
        "sie",
    ]


def test_two_entities_of_one_name_are_told_apart() -> None:
    result = handmade.result()
    twin = attrs.evolve(result.entities[1], id="e3")
    assert result.quotes[1].speaker is not None
    speaker = attrs.evolve(result.quotes[1].speaker, entity="e3")
    quotes = (*result.quotes[:3], attrs.evolve(result.quotes[3], speaker=speaker))
    labels = speaker_labels(attrs.evolve(result, quotes=quotes, entities=(*result.entities, twin)))
    assert labels == ["Petra Lange", "Tom Berg", "Tom Berg", "Tom Berg (e3)"]


def test_jupyter_shows_a_result_as_its_quote_table_and_equality_is_unchanged() -> None:
    result = handmade.result()
    table = parse(result._repr_html_())
    rows = table.find_all("tr")
    assert len(rows) == 1 + len(result.quotes)
    assert [td.text() for td in rows[3].find_all("td")][1:4] == ["partial", "S2Tom Berg", "ergänzte"]
    assert result == handmade.result() and hash(result.quotes) == hash(handmade.result().quotes)
    page = quotable.html(handmade.TEXT, result)
    assert isinstance(page, str) and page._repr_html_() == page  # type: ignore[attr-defined]
    assert "html" in quotable.__all__


def test_the_view_of_a_result_without_a_parser(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "artikel.txt"
    article.write_text(handmade.TEXT, encoding="utf-8")
    out = tmp_path / "view.html"
    assert main(["html", "--model", "none", str(article), "-o", str(out)]) == 0
    tree = parse(out.read_text(encoding="utf-8"))
    assert tree.find_all("title")[0].text() == str(article)
    assert tree.find_all(cls="text")[0].text() == handmade.TEXT
    assert len(quote_groups(tree)) == 2  # the two direct quotes; no speakers without a parser
    assert legend_classes(tree) == {"": ("s0", 2)}
    assert main(["html", "--model", "none", str(article), str(article)]) == 0
    two = parse(capsys.readouterr().out)
    assert len(two.find_all("section")) == 2 and two.find_all("title")[0].text() == "Quotations"
    assert main(["html", "--model", "none", str(tmp_path / "fehlt.txt"), "-o", str(out)]) == 1


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_speaker_colours_keep_text_readable() -> None:
    """WCAG contrast: the page's black text on a speaker's tint (AAA, 7:1), white labels on its shade (AA)."""
    for n in range(1, 61):
        tint, shade = colours(n)
        assert contrast("#111111", tint) >= 7, (n, tint)
        assert contrast("#ffffff", shade) >= 4.5, (n, shade)


def test_a_page_carries_only_the_styles_it_uses() -> None:
    result = handmade.result()
    with_agencies = render_article(handmade.TEXT, result)
    plain = render_article(handmade.TEXT, attrs.evolve(result, agencies=()))
    assert ".quotable .ag{" in with_agencies and ".quotable .ag" not in plain
    assert ".quotable .t{" not in with_agencies and ".chart" not in with_agencies  # table and chart rules
    assert ".quotable .t{" in result._repr_html_()
    empty = render_article("", Attribution())
    assert ".quotable .q{" not in empty and parse(empty).find_all(cls="legend") == []


def test_the_page_is_smaller_than_three_times_the_json() -> None:
    """The markup the view adds stays small (docs/benchmarks.md measures it on real articles)."""
    result = handmade.result()
    assert len(render_article(handmade.TEXT, result).encode()) < 3 * len(result.to_json().encode())


def test_misuse_is_a_type_error_that_says_what_to_pass() -> None:
    with pytest.raises(TypeError, match=r"needs \(text: str, result: Attribution\), not \(bytes"):
        render_article(handmade.TEXT.encode(), handmade.result())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not \\(str, dict\\)"):
        render_article(handmade.TEXT, handmade.result().to_dict())  # type: ignore[arg-type]
