"""Inline markup from spans: text escaped, elements properly nested however the spans lie."""

from __future__ import annotations

from htmltree import MarkupError, parse
from hypothesis import given
from hypothesis import strategies as st

from quotable.markup import Layer, escape, render


def layer(start: int, end: int, name: str, rank: int = 0) -> Layer:
    return Layer(start, end, attributes=(("class", name),), rank=rank, first=(("data-first", name),))


def names(markup: str) -> list[tuple[str, str]]:
    """Each element's class and text, in document order."""
    return [(e.attrs["class"], e.text()) for e in parse(markup).iter() if "class" in e.attrs]


def test_text_is_escaped_and_reads_back_unchanged() -> None:
    text = "Er schrieb: <script>alert(1)</script> <img src=x onerror=alert(2)> \"><b> &amp; 'x'"
    markup = render(text, [layer(11, 38, "q")])
    assert "<script>" not in markup and "<img" not in markup and "<b>" not in markup
    assert "&amp;amp;" in markup  # the text's own "&amp;" stays those five characters
    assert parse(markup).text() == text


def test_attribute_values_are_escaped() -> None:
    markup = render("Hallo", [Layer(0, 5, attributes=(("title", '"><script>x</script>'),))])
    tree = parse(markup)
    (span,) = tree.find_all("span")
    assert span.attrs["title"] == '"><script>x</script>'
    assert tree.find_all("script") == []


def test_nested_span_opens_inside_its_parent() -> None:
    text = "Sie sagte, die Lage sei „sehr ernst“ geworden."
    inner = text.index("„")
    markup = render(text, [layer(inner, inner + 12, "partial"), layer(10, len(text) - 1, "indirect")])
    tree = parse(markup)
    (outer,) = tree.find_all(cls="indirect")
    assert [e.attrs["class"] for e in outer.find_all(cls="partial")] == ["partial"]
    assert outer.text() == text[10:-1]


def test_crossing_spans_split_the_inner_element() -> None:
    text = "aaaa bbbb cccc"
    markup = render(text, [layer(0, 9, "x"), layer(5, 14, "y")])
    assert markup == (
        '<span class="x" data-first="x">aaaa <span class="y" data-first="y">bbbb</span></span>'
        '<span class="y">\u0020cccc</span>'
    )
    pieces = names(markup)
    assert pieces == [("x", "aaaa bbbb"), ("y", "bbbb"), ("y", " cccc")]


def test_equal_ranges_nest_by_rank_and_empty_or_outside_layers_are_dropped() -> None:
    markup = render(
        "Kanzler",
        [layer(0, 7, "inner", rank=2), layer(0, 7, "outer", rank=1), layer(3, 3, "e"), layer(2, 99, "far")],
    )
    assert names(markup) == [("outer", "Kanzler"), ("inner", "Kanzler")]


def test_first_attributes_only_on_the_first_piece() -> None:
    markup = render("abcdef", [layer(2, 4, "m"), layer(0, 3, "q")])
    tree = parse(markup)
    firsts = [e.attrs.get("data-first") for e in tree.find_all(cls="m")]
    assert firsts == ["m", None]


def test_lone_surrogates_and_controls_become_replacement_characters() -> None:
    text = "a\ud800b\x00c\x07d\te\nf"
    markup = render(text, [layer(0, 3, "q")])
    markup.encode("utf-8")  # writable as UTF-8
    assert parse(markup).text() == "a\ufffdb\ufffdc\ufffdd\te\nf"
    assert escape("\udfff") == "\ufffd"


def test_the_strict_reader_rejects_broken_nesting() -> None:
    """The checker these tests rely on does fail on crossed tags."""
    try:
        parse("<span><b>x</span></b>")
    except MarkupError:
        return
    raise AssertionError("crossed tags were accepted")


spans = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30), st.integers(0, 3)), max_size=12)


@given(st.text(alphabet="ab <>&\"'\n„“", max_size=30), spans)
def test_any_spans_give_well_formed_markup_that_keeps_the_text(
    text: str, raw: list[tuple[int, int, int]]
) -> None:
    layers = [layer(min(a, b), max(a, b), f"l{i}", rank) for i, (a, b, rank) in enumerate(raw)]
    tree = parse(render(text, layers))
    assert tree.text() == text
    for i, lay in enumerate(layers):
        if 0 <= lay.start < lay.end <= len(text):
            pieces = tree.find_all(cls=f"l{i}")
            assert pieces and "".join(p.text() for p in pieces) == text[lay.start : lay.end]
            assert sum("data-first" in p.attrs for p in pieces) == 1
