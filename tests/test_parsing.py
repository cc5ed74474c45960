"""The parser: model choice without loading, no network, lazy Stanza, offsets into the caller's text.

Tests marked ``model`` load the embedded model (``quotable/models/de``) and skip
while it is not built; the others use fake model directories and never load one.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from fakes import fake_model, fake_official
from hypothesis import given, settings
from hypothesis import strategies as st

from quotable import download, model_files
from quotable.errors import ModelDownloadError, ModelLoadError, ModelNotFoundError, QuotableError
from quotable.model_files import PROCESSORS
from quotable.parsing import Parser
from quotable.syntax import Parse

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def no_models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Neither an embedded model nor official Stanza models; returns a scratch directory."""
    monkeypatch.setattr(model_files, "embedded_dir", lambda: tmp_path / "embedded")
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "stanza_resources"))
    return tmp_path


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a socket or resolve a name fails the test."""

    def refuse(*args: object, **kwargs: object) -> Any:
        raise OSError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


# ------------------------------------------------------------------ model choice
def test_a_directory_with_the_five_files_is_a_model(tmp_path: Path) -> None:
    directory = fake_model(tmp_path / "m")
    assert Parser(directory).name == f"dir:{directory.resolve()}"
    assert Parser(str(directory)).name == f"dir:{directory.resolve()}"
    assert Parser(directory).files == tuple(directory.resolve() / f"{p}.pt" for p in PROCESSORS)


def test_a_directory_missing_a_file_names_the_file(tmp_path: Path) -> None:
    directory = fake_model(tmp_path / "m", skip="depparse")
    with pytest.raises(ModelNotFoundError, match=r"depparse\.pt"):
        Parser(directory)


def test_an_unknown_model_name_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="neither 'auto', 'embedded' nor 'stanza'"):
        Parser(tmp_path / "nowhere")
    with pytest.raises(FileNotFoundError):  # ModelNotFoundError is also the built-in
        Parser("embeded")


def test_a_model_of_the_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="not int"):
        Parser(3)  # type: ignore[arg-type]


def test_embedded_model_is_found_where_the_package_keeps_it(no_models: Path) -> None:
    fake_model(no_models / "embedded")
    assert Parser("embedded").name.startswith("embedded:de (quotable ")
    assert ", stanza " in Parser("embedded").name


def test_missing_embedded_model_says_reinstall(no_models: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="reinstall quotable"):
        Parser("embedded")


def test_official_models_are_found_in_the_stanza_resources_dir(no_models: Path) -> None:
    fake_official(no_models / "stanza_resources")
    assert Parser("stanza").name.startswith("stanza:de/default (stanza ")


def test_missing_official_models_name_the_download_command(no_models: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="quotable download"):
        Parser("stanza")


def test_official_models_without_their_word_vectors_are_not_installed(no_models: Path) -> None:
    fake_official(no_models / "stanza_resources", skip_dependency=True)
    with pytest.raises(ModelNotFoundError, match="quotable download"):
        Parser("stanza")


def test_a_broken_resources_file_means_not_installed(no_models: Path) -> None:
    fake_official(no_models / "stanza_resources")
    (no_models / "stanza_resources" / "resources.json").write_text("{", encoding="utf-8")
    with pytest.raises(ModelNotFoundError, match="quotable download"):
        Parser("stanza")


def test_auto_prefers_the_official_models(no_models: Path) -> None:
    fake_model(no_models / "embedded")
    fake_official(no_models / "stanza_resources")
    assert Parser().name.startswith("stanza:")


def test_auto_falls_back_to_the_embedded_model(no_models: Path) -> None:
    fake_model(no_models / "embedded")
    assert Parser("auto").name.startswith("embedded:")


def test_auto_without_any_model_names_both_remedies(no_models: Path) -> None:
    with pytest.raises(ModelNotFoundError, match=r"reinstall quotable.*quotable download"):
        Parser()


def test_stanza_default_resources_dirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STANZA_RESOURCES_DIR", raising=False)
    default, legacy = model_files.stanza_resources_dirs()
    assert default.name == "resources"
    assert legacy == Path.home() / "stanza_resources"


# ------------------------------------------------------------------ no loading, no network
def test_importing_and_constructing_loads_no_stanza_and_no_torch(tmp_path: Path) -> None:
    directory = fake_model(tmp_path / "m")
    code = (
        "import sys\n"
        "import quotable.parsing as p\n"
        f"p.Parser({str(directory)!r}).name\n"
        "loaded = sorted(m for m in ('stanza', 'torch') if m in sys.modules)\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


@pytest.mark.usefixtures("no_network")
def test_construction_never_touches_the_network(no_models: Path) -> None:
    fake_model(no_models / "embedded")
    fake_official(no_models / "stanza_resources")
    for model in ("auto", "embedded", "stanza", str(no_models / "embedded")):
        Parser(model)


def test_empty_text_needs_no_model(tmp_path: Path) -> None:
    parser = Parser(fake_model(tmp_path / "m"))  # the files are not loadable
    assert parser.parse("") == Parse()
    assert parser.parse_many([" \n\n ", ""]) == [Parse(), Parse()]
    assert parser.parse_many([]) == []


def test_a_text_that_is_not_a_string_is_a_type_error(tmp_path: Path) -> None:
    parser = Parser(fake_model(tmp_path / "m"))
    with pytest.raises(TypeError, match="not bytes"):
        parser.parse(b"Text")  # type: ignore[arg-type]


def test_unloadable_files_raise_model_load_error(tmp_path: Path) -> None:
    parser = Parser(fake_model(tmp_path / "m"))
    with pytest.raises(ModelLoadError, match="could not load the dir:"):
        parser.parse("Der Kreml schweigt.")


def test_files_removed_after_construction_are_not_found(tmp_path: Path) -> None:
    directory = fake_model(tmp_path / "m")
    parser = Parser(directory)
    (directory / "pos.pt").unlink()
    with pytest.raises(ModelNotFoundError, match=r"pos\.pt"):
        parser.load()


@pytest.mark.usefixtures("no_network")
def test_download_without_network_is_a_one_line_quotable_error(tmp_path: Path) -> None:
    with pytest.raises(ModelDownloadError) as caught:
        download.download(str(tmp_path / "resources"))
    assert isinstance(caught.value, QuotableError)
    assert isinstance(caught.value, ConnectionError)
    message = str(caught.value)
    assert "\n" not in message
    assert "could not download the Stanza German models" in message
    assert "internet connection" in message


# ------------------------------------------------------------------ with the embedded model
def embedded_or_skip() -> Parser:
    """A new Parser of the embedded model, or a skip while the model is not built."""
    missing = [f"{p}.pt" for p in PROCESSORS if not (model_files.embedded_dir() / f"{p}.pt").is_file()]
    if missing:
        pytest.skip(
            f"the embedded model is not built yet ({', '.join(missing)} missing in quotable/models/de; "
            "scripts/train_model.py builds it)"
        )
    return Parser("embedded")


@pytest.fixture(scope="module")
def parser() -> Parser:
    return embedded_or_skip()


def check_offsets(text: str, result: Parse) -> None:
    """The offset rule: every word's span is its token in ``text``; sentences in order."""
    previous_end = 0
    for sentence in result.sentences:
        assert previous_end <= sentence.start < sentence.end <= len(text)
        previous_end = sentence.end
        assert [w.id for w in sentence.words] == list(range(1, len(sentence.words) + 1))
        assert sentence.start == sentence.words[0].start
        assert sentence.end == sentence.words[-1].end
        for word in sentence.words:
            token = text[word.start : word.end]
            assert token.strip() == token != ""
            sharing = [w for w in sentence.words if (w.start, w.end) == (word.start, word.end)]
            if len(sharing) == 1:
                assert word.text == token


@pytest.mark.model
@pytest.mark.parametrize("name", ["000_4dbd1b156968bcc1.txt", "002_f73c7dbc30e27341.txt"])
def test_seed_offsets_point_into_the_original_text(parser: Parser, name: str) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8")
    result = parser.parse(text)
    check_offsets(text, result)
    assert all(s.parsed for s in result.sentences)
    assert all(s.root() is not None for s in result.sentences)


@pytest.mark.model
def test_glued_heading_is_its_own_sentence(parser: Parser) -> None:
    text = (SEEDS / "002_f73c7dbc30e27341.txt").read_text(encoding="utf-8")
    sentences = [text[s.start : s.end] for s in parser.parse(text).sentences]
    assert "Russisch-nordkoreanisches Bündnis gegen Neonazismus" in sentences
    assert any(s.startswith("Kim betonte, dass") for s in sentences)
    assert any(s.startswith("Der Kreml achtete darauf") for s in sentences)
    assert not any("Expansion" in s and len(s) > len("Expansion") for s in sentences)


@pytest.mark.model
def test_heading_line_is_not_merged_with_the_next_line(parser: Parser) -> None:
    text = "Kreml: Keine Verschwörung\nDer Kreml wies eine Äußerung von Donald Trump zurück."
    sentences = [text[s.start : s.end] for s in parser.parse(text).sentences]
    assert sentences[0] == "Kreml: Keine Verschwörung"


@pytest.mark.model
def test_contracted_preposition_words_share_their_tokens_offsets(parser: Parser) -> None:
    text = "Er ging zum Bahnhof."
    (sentence,) = parser.parse(text).sentences
    expanded = [w for w in sentence.words if text[w.start : w.end] == "zum"]
    assert [w.text.lower() for w in expanded] == ["zu", "dem"]


@pytest.mark.model
def test_only_selected_sentences_are_parsed(parser: Parser) -> None:
    text = "Die Sonne schien über Berlin. „Wir kommen“, sagte Merkel. Danach regnete es."
    offered: list[str] = []

    def select(sentence: str) -> bool:
        offered.append(sentence)
        return "sagte" in sentence

    result = parser.parse(text, select=select)
    check_offsets(text, result)
    assert offered == [text[s.start : s.end] for s in result.sentences]
    assert [s.parsed for s in result.sentences] == [False, True, False]
    skipped = result.sentences[0]
    assert all(w.head == 0 and w.deprel == "dep" and w.lemma == w.text for w in skipped.words)
    # tagged all the same: parts of speech and features such as gender and number
    assert skipped.words[-1].upos == "PUNCT"
    assert any(w.feat("Number") for w in skipped.words)
    parsed = result.sentences[1]
    assert parsed.root() is not None
    assert any(w.lemma == "sagen" for w in parsed.words)


@pytest.mark.model
def test_parsing_together_equals_parsing_alone(parser: Parser) -> None:
    texts = [
        (SEEDS / name).read_text(encoding="utf-8") for name in sorted(p.name for p in SEEDS.glob("*.txt"))
    ]
    texts.append("Kurz.")
    together = parser.parse_many(texts, select=lambda s: "„" in s)
    for text, result in zip(texts, together, strict=True):
        check_offsets(text, result)
        alone = parser.parse(text, select=lambda s: "„" in s)
        assert [(s.start, s.end, s.parsed) for s in result.sentences] == [
            (s.start, s.end, s.parsed) for s in alone.sentences
        ]


@pytest.mark.model
@pytest.mark.usefixtures("no_network")
def test_loading_and_parsing_never_touch_the_network() -> None:
    assert embedded_or_skip().parse("Der Kreml schweigt.").sentences


@pytest.mark.model
def test_one_parser_is_shared_by_eight_threads(parser: Parser) -> None:
    text = (SEEDS / "000_4dbd1b156968bcc1.txt").read_text(encoding="utf-8")
    expected = parser.parse(text, select=lambda s: '"' in s)
    results: list[Parse] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            results.append(parser.parse(text, select=lambda s: '"' in s))
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(results) == 8
    assert all(r == expected for r in results)


_GERMAN = st.sampled_from(
    [
        "Der Kreml",
        " bestreitet",
        " eine Verschwörung.",
        "„Wir kommen“, sagte er.",
        ' "Nein", sagte sie.',
        "\n",
        "\n\n",
        " zum Bahnhof",
        " im Haus",
        "NeonazismusKim betonte",
        "USA.Der",
        "3. September 2025",
        " z.B. ",
        " ",
        "…",
        "–",
    ]
)


@pytest.mark.model
@settings(max_examples=20, deadline=None)
@given(text=st.lists(_GERMAN | st.text(max_size=4), max_size=20).map("".join))
def test_offsets_hold_for_any_text(parser: Parser, text: str) -> None:
    check_offsets(text, parser.parse(text, select=lambda s: len(s) % 2 == 0))


@pytest.mark.model
def test_a_sentence_of_marks_alone_is_neither_tagged_nor_parsed(parser: Parser) -> None:
    text = "!?.,:- ?!?! … –\n\nEr sagte: „Ja.“"
    *marks_only, speech = parser.parse(text).sentences
    assert marks_only
    assert not any(s.parsed for s in marks_only)
    assert {w.upos for s in marks_only for w in s.words} == {"PUNCT"}
    assert speech.parsed and any(w.upos == "VERB" for w in speech.words)
