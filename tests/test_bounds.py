"""Bounded cost for any input, the same answer however the text is encoded, and
arguments checked: the defects of a hostile pipeline, each as a test."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fakes import fake_official
from hypothesis import given, settings
from hypothesis import strategies as st

from quotable import Attributor, InputTooLargeError, ModelNotFoundError, parsing
from quotable.model import check_offsets, json_text
from quotable.normalize import normalize, restore

ROOT = Path(__file__).resolve().parent.parent

HOSTILE = {
    "commas": "Er sagte: „" + "ja, " * 400 + "das ist so.“",
    "repeated cue": "sagte " * 400,
    "punctuation": "!?.,;:-–" * 50,
    "nested marks": "Er sagte: " + "„‚»›«‹" * 40 + "Nein" + "‹«›»‘“" * 40,
    "one long word": "Er sagte: „" + "a" * 5_000 + "“",
    "no spaces": "„Ja“," * 200,
}


@pytest.fixture
def parsed_lengths(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length in words of every sentence the dependency parser receives."""
    lengths: list[int] = []
    real = parsing.Parser._parse_only

    def spy(self: parsing.Parser, chosen: list[Any]) -> None:
        lengths.extend(len(s.words) for s in chosen)
        real(self, chosen)

    monkeypatch.setattr(parsing.Parser, "_parse_only", spy)
    return lengths


@pytest.mark.model
@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_no_sentence_longer_than_the_bound_reaches_the_parser(
    model_attributor: Attributor, parsed_lengths: list[int], text: str
) -> None:
    result = model_attributor.attribute(text)
    assert check_offsets(text, result) == []
    assert max(parsed_lengths, default=0) <= parsing.MAX_PARSE_WORDS  # punctuation alone: none


@pytest.mark.model
def test_a_long_sentence_is_parsed_in_windows_that_cover_it(model_attributor: Attributor) -> None:
    parser = parsing.Parser("embedded")
    text = "Der Minister sagte, " + ", ".join(f"Punkt {i} sei erledigt" for i in range(50)) + "."
    parse = parser.parse(text)
    words = [w for s in parse.sentences for w in s.words]
    assert len(parse.sentences) > 1
    assert all(len(s.words) <= parsing.MAX_PARSE_WORDS for s in parse.sentences)
    assert "".join(w.text for w in words) == "".join(text.split())
    assert all(text[w.start : w.end] == w.text for w in words)


@pytest.mark.model
def test_the_seeds_give_the_same_result_in_every_encoding(
    model_attributor: Attributor, seed_texts: tuple[str, ...]
) -> None:
    encodings: dict[str, Callable[[str], str]] = {
        "CRLF": lambda t: t.replace("\n", "\r\n"),
        "CR": lambda t: t.replace("\n", "\r"),
        "U+2029": lambda t: t.replace("\n", "\u2029"),
        "NFD": lambda t: unicodedata.normalize("NFD", t),
        "<p>": lambda t: "\n".join(f"<p>{line}</p>" for line in t.split("\n")),
    }
    for text in seed_texts:
        # HTML has no empty paragraphs: compare the <p> form with the seed without blank lines
        seed = "\n".join(line for line in text.split("\n") if line.strip())
        expected = model_attributor.attribute(seed)
        for name, encode in encodings.items():
            encoded = encode(seed)
            view = normalize(encoded)
            assert view.text == seed, name
            got = model_attributor.attribute(encoded)
            assert got == restore(expected, view), name
            assert check_offsets(encoded, got) == [], name
            assert [q.speaker and q.speaker.name for q in got.quotes] == [
                q.speaker and q.speaker.name for q in expected.quotes
            ], name


@pytest.mark.model
def test_markup_never_leaks_into_names(model_attributor: Attributor, seed_texts: tuple[str, ...]) -> None:
    seed = seed_texts[0]
    tagged = seed.replace("Putin", "<b>Putin</b>\u202c").replace("„", "&bdquo;").replace("“", "&ldquo;")
    marked_up = "".join(f"<p>{line}</p>" for line in tagged.split("\n"))
    plain = model_attributor.attribute(seed)
    result = model_attributor.attribute(marked_up)
    names = {q.speaker.name for q in result.quotes if q.speaker and q.speaker.name}
    assert names and not any(c in name for name in names for c in "<>&\u202c")
    assert len(result.quotes) == len(plain.quotes)
    assert [(a.name, a.role) for a in result.agencies] == [(a.name, a.role) for a in plain.agencies]


# ------------------------------------------------------------------ arguments
@pytest.mark.parametrize(
    "options",
    [
        {"min_confidence": True},
        {"min_confidence": "0.5"},
        {"min_confidence": float("nan")},
        {"max_chars": 2.5},
        {"max_chars": float("inf")},
        {"max_chars": True},
        {"threads": 0},
        {"threads": 1.5},
    ],
)
def test_arguments_of_the_wrong_kind_are_value_errors(options: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=next(iter(options))):
        Attributor(None, **options)


def test_attribute_many_of_a_single_string_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="iterable of texts, not one str"):
        list(Attributor(None).attribute_many("„Ja“, sagte sie."))


def test_a_failing_input_iterator_loses_none_of_the_results_before_it() -> None:
    def texts() -> Iterator[str]:
        for i in range(4):
            yield f"„Text {i}“, sagte sie."
        raise OSError("the reader broke")

    results: list[object] = []
    with pytest.raises(OSError, match="the reader broke"):
        results.extend(Attributor(None).attribute_many(texts(), batch_size=16))
    assert len(results) == 4


def test_a_text_too_long_in_a_batch_comes_after_the_results_before_it() -> None:
    results: list[object] = []
    with pytest.raises(InputTooLargeError):
        results.extend(Attributor(None, max_chars=50).attribute_many(["„Ja“, sagte er."] * 3 + ["x" * 51]))
    assert len(results) == 3


def test_to_json_of_a_lone_surrogate_encodes_as_utf8() -> None:
    text = "„Ja\ud800“, sagte er."
    encoded = Attributor(None).attribute(text).to_json()
    encoded.encode("utf-8")
    assert "\\ud800" in encoded


@pytest.mark.parametrize(("model", "message"), [("", "empty string"), (str(ROOT / "README.md"), "is a file")])
def test_an_empty_or_file_model_is_named_as_such(model: str, message: str) -> None:
    with pytest.raises(ModelNotFoundError, match=message):
        Attributor(model)


@pytest.mark.model
@pytest.mark.usefixtures("embedded_model_available")
def test_auto_falls_back_to_the_embedded_model_when_the_official_one_does_not_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_official(tmp_path / "stanza_resources")
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "stanza_resources"))
    attributor = Attributor("auto")
    assert attributor.model is not None and attributor.model.startswith("stanza:")
    with pytest.warns(RuntimeWarning, match="using the embedded model instead"):
        result = attributor.attribute("„Wir kommen“, sagte sie.")
    assert result.model is not None and result.model.startswith("embedded:")
    assert len(result.quotes) == 1


@pytest.mark.model
@pytest.mark.usefixtures("embedded_model_available")
def test_threads_sets_the_parsers_cpu_threads() -> None:
    code = (
        "import torch, quotable; a = quotable.Attributor('embedded', threads=1); "
        "a.attribute('„Ja“, sagte er.'); print(torch.get_num_threads())"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120, check=True)
    assert done.stdout.split()[-1] == b"1"


def test_the_parser_gets_chunks_of_bounded_padded_size() -> None:
    class Sentence:
        def __init__(self, n: int) -> None:
            self.words = [object()] * n

    sentences = [Sentence(1) for _ in range(500)] + [Sentence(50), Sentence(150), Sentence(149)]
    chunks = list(parsing._chunks(sentences))
    assert sum(len(c) for c in chunks) == len(sentences)
    assert all(len(c) * max(len(s.words) for s in c) ** 2 <= parsing.MAX_PARSE_PAIRS for c in chunks)


# ------------------------------------------------------------------ hostile shapes, as properties
def _fuzz_units() -> list[str]:
    """The hostile units of ``scripts/fuzz.py --shapes hostile``: one vocabulary for both."""
    spec = importlib.util.spec_from_file_location("fuzz", ROOT / "scripts" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    fuzz = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fuzz)
    return [*fuzz.HOSTILE_UNITS, *fuzz.LINE_STYLES]


_UNITS = _fuzz_units()


@st.composite
def hostile_texts(draw: st.DrawFn) -> str:
    """A run of one or two units, nesting of quotation marks, or both around a sentence."""
    units = draw(st.lists(st.sampled_from(_UNITS), min_size=1, max_size=2))
    run = "".join(units) * draw(st.integers(1, 120))
    depth = draw(st.integers(0, 40))
    nested = "„‚»" * depth + "Nein" + "«‘“" * depth
    return draw(st.sampled_from([run, nested, f"Die Ministerin sagte: {run} {nested}"]))


@settings(max_examples=150, deadline=None)
@given(hostile_texts())
def test_hostile_shapes_keep_the_offset_rule_without_a_model(text: str) -> None:
    result = Attributor(None).attribute(text)
    assert check_offsets(text, result) == []


@pytest.mark.model
@settings(max_examples=12, deadline=None)
@given(hostile_texts())
def test_hostile_shapes_keep_the_offset_rule_with_the_model(model_attributor: Attributor, text: str) -> None:
    result = model_attributor.attribute(text)
    assert check_offsets(text, result) == []
    assert {q.speaker.entity for q in result.quotes if q.speaker} <= {e.id for e in result.entities} | {None}


def test_to_json_of_a_split_surrogate_pair_keeps_every_length() -> None:
    # two code units of a Python string, not a character: JSON would read them back as one
    text = "„Ja\ud83d\ude00 nein“, sagte er."
    result = Attributor(None).attribute(text)
    for ascii_only in (False, True):
        read = json.loads(result.to_json(ensure_ascii=ascii_only))
        (quote,) = read["quotes"]
        assert quote["text"] == json_text("Ja\ud83d\ude00 nein") == "Ja\ufffd\ude00 nein"
        assert quote["spans"] == [[0, len("„Ja\ud83d\ude00 nein“")]]
