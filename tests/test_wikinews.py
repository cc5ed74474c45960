"""The WikiNews corpus format: the token rule, the tokenizer, reading, and the export round trip."""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotable import corpus_export, harness, wikinews
from quotable.model import Attribution, Cue, Medium, Mention, Quote, QuoteType, Span, Speaker
from quotable.wikinews import CorpusDocument, Token

SHARED = Path(__file__).parents[1] / ".." / "shared"
DEV = SHARED / "data" / "wikinews-quotes" / "dev"
needs_corpus = pytest.mark.skipif(
    not DEV.is_dir(), reason="the WikiNews corpus is not at ../shared/data/wikinews-quotes/dev"
)


def at(text: str, part: str, after: int = 0) -> Span:
    """The span of the first ``part`` in ``text`` at or after ``after``."""
    start = text.index(part, after)
    return Span(start, start + len(part))


def document(text: str) -> CorpusDocument:
    tokens = wikinews.tokenize(text)
    return CorpusDocument("test", text, tokens, wikinews.sentences_of(text, tokens))


def ids(text: str, *spans: Span, tokens: tuple[Token, ...] | None = None) -> list[str]:
    """The texts of the tokens that belong to ``spans``."""
    tokens = wikinews.tokenize(text) if tokens is None else tokens
    return [tokens[i].text for b, e in wikinews.token_ranges(text, tokens, spans) for i in range(b, e)]


# ---------------------------------------------------------------- the token rule

QUOTE = "Die Ministerin sagte: „Wir bauen die Brücke.“ Danach ging sie."


def test_a_span_over_the_quote_marks_takes_the_mark_tokens() -> None:
    assert ids(QUOTE, at(QUOTE, "„Wir bauen die Brücke.“")) == [
        "„",
        "Wir",
        "bauen",
        "die",
        "Brücke",
        ".",
        "“",
    ]


def test_a_span_without_the_marks_leaves_them_out() -> None:
    assert ids(QUOTE, at(QUOTE, "Wir bauen die Brücke.")) == ["Wir", "bauen", "die", "Brücke", "."]


def test_a_span_ending_mid_token_takes_the_whole_token() -> None:
    end = QUOTE.index("Brücke") + 3  # "Brü"
    assert ids(QUOTE, Span(QUOTE.index("Wir"), end)) == ["Wir", "bauen", "die", "Brücke"]


def test_a_span_starting_mid_token_takes_the_whole_token() -> None:
    start = QUOTE.index("Ministerin") + 4
    assert ids(QUOTE, Span(start, QUOTE.index("sagte") + 5)) == ["Ministerin", "sagte"]


def test_whitespace_only_overlap_takes_no_token() -> None:
    gap = QUOTE.index(" sagte")
    assert ids(QUOTE, Span(gap, gap + 1)) == []


def test_a_span_with_surrounding_spaces_takes_only_the_words() -> None:
    start = QUOTE.index(" sagte")
    assert ids(QUOTE, Span(start, start + len(" sagte: "))) == ["sagte", ":"]


def test_an_empty_span_takes_no_token() -> None:
    assert ids(QUOTE, Span(5, 5)) == []


def test_a_token_with_a_glued_mark_belongs_to_a_span_ending_inside_it() -> None:
    # The corpus keeps „Bild“-Zeitung's closing mark inside one token.
    text = "Die „Bild“-Zeitung berichtet."
    tokens = (
        Token(0, Span(0, 3), "Die", 1, 1),
        Token(1, Span(4, 5), "„", 1, 2),
        Token(2, Span(5, 18), "Bild“-Zeitung", 1, 3),
        Token(3, Span(19, 28), "berichtet", 1, 4),
        Token(4, Span(28, 29), ".", 1, 5),
    )
    assert ids(text, at(text, "„Bild"), tokens=tokens) == ["„", "Bild“-Zeitung"]


def test_two_spans_in_one_token_give_that_token_once() -> None:
    text = "Sie teilte mit."
    tokens = wikinews.tokenize(text)
    assert wikinews.token_ranges(text, tokens, [Span(4, 6), Span(7, 9)]) == ((1, 2),)


def test_a_discontinuous_cue_keeps_two_ranges() -> None:
    text = "Die Polizei teilte am Montag mit, der Täter sei gefasst."
    tokens = wikinews.tokenize(text)
    mention = wikinews.mention_from_spans(text, tokens, [at(text, "teilte"), at(text, "mit")])
    assert [(r.begin, r.end) for r in mention.spans] == [(2, 3), (5, 6)]
    assert mention.text == "teilte mit"
    assert mention.token_ids == (2, 5)


_TEXTS = st.text(alphabet="ab „“.,\n", max_size=40)


@given(_TEXTS, st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45)), max_size=3))
def test_the_token_rule_is_sharing_a_non_space_character(text: str, raw: list[tuple[int, int]]) -> None:
    spans = [Span(min(a, b), max(a, b)) for a, b in raw]
    tokens = wikinews.tokenize(text)
    chosen = {i for b, e in wikinews.token_ranges(text, tokens, spans) for i in range(b, e)}
    expected = {
        t.id
        for t in tokens
        for s in spans
        if any(not text[c].isspace() for c in range(max(s.start, t.span.start), min(s.end, t.span.end)))
    }
    assert chosen == expected


# ---------------------------------------------------------------- the tokenizer


@given(st.text(alphabet="abcÄß19 .,:-„“»«'’\n!?", max_size=60))
def test_tokens_cover_every_non_space_character_once(text: str) -> None:
    tokens = wikinews.tokenize(text)
    covered = [c for t in tokens for c in range(t.span.start, t.span.end)]
    assert covered == [i for i, c in enumerate(text) if not c.isspace()]
    assert all(t.text == t.span.of(text) and not any(c.isspace() for c in t.text) for t in tokens)


def test_german_tokens() -> None:
    text = "Am 3. September sagte der US-Präsident: „Das kostet 4,6 Mio. Euro.“"
    assert [t.text for t in wikinews.tokenize(text)] == [
        "Am",
        "3.",
        "September",
        "sagte",
        "der",
        "US-Präsident",
        ":",
        "„",
        "Das",
        "kostet",
        "4,6",
        "Mio.",
        "Euro",
        ".",
        "“",
    ]


def test_sentences_end_at_full_stops_and_line_breaks() -> None:
    text = "Er kam. Sie ging!\nÜberschrift\n„Gut.“ Dann"
    tokens = wikinews.tokenize(text)
    sentences = wikinews.sentences_of(text, tokens)
    assert [s.text for s in sentences] == ["Er kam. ", "Sie ging!", "Überschrift", "„Gut.“ ", "Dann"]
    assert [(t.sentence, t.word) for t in tokens[:4]] == [(1, 1), (1, 2), (1, 3), (2, 1)]


# ---------------------------------------------------------------- quotable results -> corpus

TEXT = (
    "Die Ministerin sagte den Journalisten: „Wir bauen die Brücke bis 2026.“ "
    "Der Bürgermeister erklärte, die Stadt habe „kein Geld“. "
    "Der Bau soll teurer werden."
)


def gold_attribution(text: str = TEXT) -> Attribution:
    direct = at(text, "„Wir bauen die Brücke bis 2026.“")
    indirect = at(text, "die Stadt habe „kein Geld“")
    partial = at(text, "„kein Geld“")
    return Attribution(
        quotes=(
            Quote(
                type=QuoteType.DIRECT,
                spans=(direct,),
                content=(Span(direct.start + 1, direct.end - 1),),
                text="Wir bauen die Brücke bis 2026.",
                speaker=Speaker.from_spans(text, [at(text, "Die Ministerin")], "Die Ministerin"),
                cue=Cue.from_spans(text, [at(text, "sagte")], "sagen"),
                frame=Mention.from_spans(text, [at(text, "Die Ministerin sagte den Journalisten:")]),
                addressee=Mention.from_spans(text, [at(text, "den Journalisten")]),
                medium=Medium.SPEECH,
            ),
            Quote(
                type=QuoteType.INDIRECT,
                spans=(indirect,),
                content=(indirect,),
                text=indirect.of(text),
                speaker=Speaker.from_spans(text, [at(text, "Der Bürgermeister")]),
                cue=Cue.from_spans(text, [at(text, "erklärte")]),
                frame=Mention.from_spans(text, [at(text, "Der Bürgermeister erklärte,")]),
                medium=Medium.SPEECH,
            ),
            Quote(
                type=QuoteType.DIRECT,
                spans=(partial,),
                content=(Span(partial.start + 1, partial.end - 1),),
                text="kein Geld",
                nested=True,
                speaker=Speaker.from_spans(text, [at(text, "Der Bürgermeister")]),
            ),
            Quote(
                type=QuoteType.FREE_INDIRECT,
                spans=(at(text, "Der Bau soll teurer werden."),),
                content=(at(text, "Der Bau soll teurer werden."),),
                text="Der Bau soll teurer werden.",
                cue=Cue.from_spans(text, [at(text, "soll")]),
            ),
        )
    )


def test_quotations_carry_corpus_spelling_tokens_and_nesting() -> None:
    doc = document(TEXT)
    direct, indirect, partial, hearsay = corpus_export.quotations_from_attribution(doc, gold_attribution())
    assert (direct.type, direct.medium, direct.quote.text) == (
        "Direct",
        "Speech",
        "„Wir bauen die Brücke bis 2026.“",
    )
    assert [doc.tokens[i].text for i in direct.speaker.token_ids] == ["Die", "Ministerin"]
    assert direct.addressee.text == "den Journalisten"
    assert (indirect.has_nested, indirect.is_nested) == (True, False)
    assert (partial.has_nested, partial.is_nested) == (False, True)
    assert (hearsay.type, hearsay.medium, hearsay.speaker) == ("FreeIndirect", "SW", wikinews.EMPTY)
    assert partial.medium == "Speech"  # a direct quote whose cue does not tell
    assert [q.id for q in (direct, indirect, partial, hearsay)] == [0, 1, 2, 3]


@pytest.mark.parametrize(
    ("kind", "medium", "expected"),
    [
        (QuoteType.INDIRECT, Medium.THOUGHT, "ST"),
        (QuoteType.INDIRECT, None, "SW"),
        (QuoteType.DIRECT, None, "Speech"),
        (QuoteType.DIRECT, Medium.WRITING, "Writing"),
        (QuoteType.REPORTED, Medium.SPEECH, "Speech"),
    ],
)
def test_media_follow_the_corpus_conventions(kind: QuoteType, medium: Medium | None, expected: str) -> None:
    span = Span(0, 4)
    quote = Quote(type=kind, spans=(span,), content=(span,), text="Text", medium=medium)
    assert wikinews.corpus_medium(quote) == expected


def test_a_quote_covering_no_token_is_dropped() -> None:
    doc = document(TEXT)
    gap = TEXT.index(" Der Bau")
    blank = Quote(
        type=QuoteType.REPORTED, spans=(Span(gap, gap + 1),), content=(Span(gap, gap + 1),), text=" "
    )
    assert corpus_export.quotations_from_attribution(doc, Attribution(quotes=(blank,))) == ()


def test_export_round_trip_gives_the_same_quotations() -> None:
    doc = document(TEXT)
    attribution = gold_attribution()
    exported = corpus_export.dumps(corpus_export.export_document(doc, attribution))
    back = wikinews.document_from_json(json.loads(exported))
    assert back.quotations == corpus_export.quotations_from_attribution(doc, attribution)
    assert back.text == TEXT
    assert back.tokens == doc.tokens
    assert back.sentences == doc.sentences


def test_export_writes_the_corpus_structure() -> None:
    data = json.loads(corpus_export.dumps(corpus_export.export_document(document(TEXT), gold_attribution())))
    assert list(data) == ["annotations", "documentName", "originalText", "sentences", "tokens"]
    first = data["annotations"][0]
    assert list(first) == [
        "addressee",
        "cue",
        "frame",
        "hasNested",
        "id",
        "isNested",
        "medium",
        "quote",
        "speaker",
        "type",
    ]
    span = first["quote"]["spans"][0]
    assert TEXT[span["charBegin"] : span["charEnd"]] == first["quote"]["text"]
    assert first["quote"]["tokenIds"] == list(range(span["begin"], span["end"]))
    assert data["annotations"][3]["speaker"] == {"spans": [], "text": "", "tokenIds": []}


def test_gold_as_attribution_maps_back_to_the_same_tokens() -> None:
    doc = document(TEXT)
    gold = CorpusDocument(
        "gold",
        TEXT,
        doc.tokens,
        doc.sentences,
        corpus_export.quotations_from_attribution(doc, gold_attribution()),
    )
    again = corpus_export.quotations_from_attribution(gold, corpus_export.attribution_from_document(gold))
    assert again == gold.quotations
    direct = corpus_export.attribution_from_document(gold).quotes[0]
    assert direct.text == "Wir bauen die Brücke bis 2026."


# ---------------------------------------------------------------- reading


def test_a_txt_file_is_read_with_its_bytes_intact(tmp_path: Path) -> None:
    path = tmp_path / "artikel.txt"
    path.write_bytes("Er sagte:\r\n„Ja.“".encode())
    doc = wikinews.read_document(path)
    assert doc.text == "Er sagte:\r\n„Ja.“"
    assert doc.name == "artikel"
    assert [t.text for t in doc.tokens] == ["Er", "sagte", ":", "„", "Ja", ".", "“"]


def test_a_malformed_file_names_itself(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.json"
    path.write_text('{"tokens": []}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"kaputt\.json"):
        wikinews.read_document(path)


def test_missing_paths_and_empty_directories_are_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="not found"):
        wikinews.collect_paths([tmp_path / "fehlt"])
    with pytest.raises(FileNotFoundError, match=r"no \.json files"):
        wikinews.collect_paths([tmp_path])


def test_an_empty_role_may_be_a_list() -> None:
    # the corpus README shows "addressee": [] for an empty role
    data = {
        "originalText": "Er sagte nichts.",
        "annotations": [
            {
                "type": "Reported",
                "medium": "Speech",
                "quote": {"spans": [{"begin": 1, "end": 3, "charBegin": 3, "charEnd": 15}]},
                "addressee": [],
            }
        ],
    }
    q = wikinews.document_from_json(data).quotations[0]
    assert q.addressee == wikinews.EMPTY
    assert q.quote.token_ids == (1, 2)


def _normalized(data: dict[str, object]) -> dict[str, object]:
    # the reader keeps token ids sorted and unique, as the reference scorer does
    for a in data["annotations"]:  # type: ignore[attr-defined]
        for role in ("quote", *wikinews.ROLES):
            a[role]["tokenIds"] = sorted(set(a[role]["tokenIds"]))
    return data


def _dev_files() -> Iterator[Path]:
    return iter(sorted(DEV.glob("*.json")))


@needs_corpus
def test_reading_and_writing_dev_files_keeps_them() -> None:
    for path in _dev_files():
        raw = path.read_bytes().decode("utf-8")
        doc = wikinews.read_document(path)
        assert all(t.span.of(doc.text) == t.text for t in doc.tokens)
        assert json.loads(corpus_export.dumps(corpus_export.document_to_json(doc))) == _normalized(
            json.loads(raw)
        )


@needs_corpus
def test_dev_gold_as_attribution_maps_back_to_its_tokens() -> None:
    def token_sets(quotations: Iterable[wikinews.CorpusQuotation]) -> list[tuple[tuple[int, ...], ...]]:
        return [tuple(q.role(r).token_ids for r in ("quote", *wikinews.ROLES)) for q in quotations]

    for path in _dev_files():
        doc = wikinews.read_document(path)
        back = corpus_export.quotations_from_attribution(doc, corpus_export.attribution_from_document(doc))
        assert token_sets(back) == token_sets(doc.quotations)
        assert [(q.type, q.is_nested) for q in back] == [(q.type, q.is_nested) for q in doc.quotations]


# ---------------------------------------------------------------- the system and quotable export


class FakeAttributor:
    """Stands in for the Attributor: the gold quotes for TEXT, nothing for other texts."""

    def attribute_many(self, texts: Iterable[str]) -> Iterator[Attribution]:
        for text in texts:
            yield gold_attribution() if text == TEXT else Attribution()


def test_predict_takes_an_attributor_or_a_function() -> None:
    assert harness.predict(FakeAttributor(), [TEXT, "x"]) == [gold_attribution(), Attribution()]
    assert harness.predict(lambda text: Attribution(), ["a", "b"]) == [Attribution(), Attribution()]


def test_an_unavailable_attributor_is_a_clear_import_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(name: str) -> None:
        raise ModuleNotFoundError(f"No module named {name!r}")

    monkeypatch.setattr(importlib, "import_module", fail)
    with pytest.raises(ImportError, match="system under test is not available"):
        harness.load_attributor("none")


def test_export_main_writes_one_file_per_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(corpus_export, "load_attributor", lambda model: FakeAttributor())
    source = tmp_path / "in"
    source.mkdir()
    (source / "brücke.txt").write_text(TEXT, encoding="utf-8")
    (source / "leer.txt").write_text("Kein Zitat hier.", encoding="utf-8")
    assert corpus_export.export_main(["--wikinews", str(source), "--out", str(tmp_path / "out")]) == 0
    assert "exported 2 documents" in capsys.readouterr().out
    back = wikinews.read_document(tmp_path / "out" / "brücke.json")
    assert back.quotations == corpus_export.quotations_from_attribution(document(TEXT), gold_attribution())
    assert wikinews.read_document(tmp_path / "out" / "leer.json").quotations == ()


def test_export_main_reports_a_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert corpus_export.export_main(["--wikinews", str(tmp_path / "fehlt"), "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "corpus path not found" in err


def test_export_main_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert corpus_export.export_main(["--wikinews", "x"]) == 2
    assert corpus_export.export_main(["--wikinews", "x", "--out", "y", "--limit", "-1"]) == 2
    assert corpus_export.export_main(["--help"]) == 0
    assert "quotable export" in capsys.readouterr().out
