"""The ``quotable`` command: every document in comes out, or is named on stderr.

Called in-process through :func:`quotable.cli.main`, mostly with ``--model none``
so that no parser model is needed; one test runs ``python -m quotable``.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from quotable import __version__, download
from quotable.cli import main
from quotable.errors import ModelDownloadError

ARTICLE = (
    "Berlin (dpa) - Die Ministerin sagte am Montag: „Wir prüfen den Vorschlag sehr genau "
    "und entscheiden im Herbst.“ Die Opposition spricht von einer Verzögerung.\n\nwa/fab (dpa, afp)"
)
QUOTE = "Wir prüfen den Vorschlag sehr genau und entscheiden im Herbst."
SHORT = "„Wir bleiben hier, was auch immer passiert“, sagte die Bürgermeisterin."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], list[str]]:
    """Exit code, stdout lines and stderr lines of ``quotable ARGV``."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def jsonl(path: Path, *records: object) -> str:
    """A JSON Lines file; a ``str`` record is written as it is (a broken line)."""
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    return write(path, "\n".join(lines) + "\n")


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch) -> Callable[[bytes], None]:
    """Replace standard input with the given bytes."""

    def feed(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))

    return feed


# ------------------------------------------------------------------ input and output
def test_text_files_give_one_json_line_each_with_their_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = write(tmp_path / "erster.txt", ARTICLE), write(tmp_path / "zweiter.txt", SHORT)
    code, out, err = run(capsys, "--model", "none", first, second)
    assert (code, err) == (0, [])
    records = [json.loads(line) for line in out]
    assert [r["source"] for r in records] == [first, second]
    assert list(records[0]) == ["schema", "source", "model", "quotes", "agencies", "entities"]
    assert records[0]["schema"] == "quotable/1"
    assert [q["text"] for q in records[0]["quotes"]] == [QUOTE]
    assert [(a["name"], a["role"]) for a in records[0]["agencies"]] == [
        ("dpa", "dateline"),
        ("dpa", "credit"),
        ("AFP", "credit"),
    ]


def test_jsonl_input_passes_every_other_field_through_as_meta(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meta = {"id": "a17", "ressort": "Politik", "tags": ["Kabinett", "Haushalt"], "seite": 3, "neu": None}
    path = jsonl(tmp_path / "in.jsonl", {**meta, "text": ARTICLE})
    code, out, err = run(capsys, "--model", "none", "--jsonl", path)
    assert (code, err) == (0, [])
    (record,) = [json.loads(line) for line in out]
    assert record["meta"] == meta
    assert "source" not in record
    assert [q["text"] for q in record["quotes"]] == [QUOTE]

    path = jsonl(tmp_path / "body.jsonl", {"id": 1, "body": SHORT, "text": "kein Text"})
    code, out, _ = run(capsys, "--model", "none", "--jsonl", "--text-field", "body", path)
    assert code == 0
    assert json.loads(out[0])["meta"] == {"id": 1, "text": "kein Text"}


def test_bad_jsonl_lines_are_named_on_stderr_and_every_good_line_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = jsonl(
        tmp_path / "artikel.jsonl",
        {"id": 1, "text": ARTICLE},
        '{"id": 2, "text": "abgeschnitten',
        {"id": 3, "text": SHORT},
        {"id": 4, "titel": "Ohne Text"},
        ["keine", "Zeitung"],
        {"id": 6, "text": 1933},
        "",
        {"id": 8, "text": ""},
    )
    code, out, err = run(capsys, "--model", "none", "--jsonl", "--batch-size", "2", path)
    assert code == 1
    assert [json.loads(line)["meta"]["id"] for line in out] == [1, 3, 8]
    assert err == [
        f"quotable: error: {path}:2: not valid JSON (Unterminated string starting at); line skipped",
        f"quotable: error: {path}:4: no string field 'text'; line skipped",
        f"quotable: error: {path}:5: no string field 'text'; line skipped",
        f"quotable: error: {path}:6: no string field 'text'; line skipped",
    ]


def test_an_undecodable_or_missing_file_is_named_on_stderr_and_the_others_are_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Grüße aus Köln: »Wir kommen wieder, ganz bestimmt«, sagte er.".encode("latin-1"))
    first, last = write(tmp_path / "a.txt", ARTICLE), write(tmp_path / "c.txt", SHORT)
    missing = str(tmp_path / "fehlt.txt")
    code, out, err = run(capsys, "--model", "none", first, str(latin1), missing, last)
    assert code == 1
    assert [json.loads(line)["source"] for line in out] == [first, last]
    assert len(err) == 2
    assert err[0].startswith(f"quotable: error: {latin1}: not valid UTF-8 (byte 2); skipped")
    assert "iconv -f latin1 -t utf-8" in err[0]
    assert err[1] == f"quotable: error: {missing}: No such file or directory"


def test_a_document_over_the_size_limit_is_named_and_the_others_are_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = "Sehr lang. " * 200_000
    path = jsonl(
        tmp_path / "in.jsonl", {"id": 1, "text": SHORT}, {"id": 2, "text": huge}, {"id": 3, "text": SHORT}
    )
    code, out, err = run(capsys, "--model", "none", "--jsonl", path)
    assert code == 1
    assert [json.loads(line)["meta"]["id"] for line in out] == [1, 3]
    (line,) = err
    assert line.startswith(f"quotable: error: {path}:2: text has 2,200,000 characters")
    assert "split it into articles or paragraphs" in line


def test_lone_surrogates_from_jsonl_escapes_are_written_as_the_same_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path / "in.jsonl",
        '{"id": "\\udc80", "text": "„Ein kaputtes \\ud800 Zeichen bleibt im Zitat stehen“, sagte er."}\n'
        + json.dumps({"id": 2, "text": SHORT})
        + "\n",
    )
    for fmt in ("json", "text"):
        code, out, err = run(capsys, "--model", "none", "--jsonl", "--format", fmt, path)
        assert (code, err) == (0, [])
    code, out, err = run(capsys, "--model", "none", "--jsonl", path)
    first, second = (json.loads(line) for line in out)
    assert first["meta"] == {"id": "\udc80"}
    assert [q["text"] for q in first["quotes"]] == ["Ein kaputtes \ud800 Zeichen bleibt im Zitat stehen"]
    assert second["meta"] == {"id": 2}


def test_format_text_prints_a_readable_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "artikel.txt", ARTICLE)
    code, out, err = run(capsys, "--model", "none", "--format", "text", path)
    assert (code, err) == (0, [])
    assert out == [
        f"== {path}  (1 quotes, model: none)",
        f"  [direct 0.60] ?: „{QUOTE}“",
        "  agencies: dpa (dateline), dpa (credit), AFP (credit)",
        "",
    ]


def test_version_prints_the_version_and_the_model(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--model", "none", "--version") == (0, [f"quotable {__version__}", "model: none"], [])


def test_output_option_writes_to_the_file_and_nothing_to_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.jsonl"
    code, out, err = run(capsys, "--model", "none", "-o", str(target), write(tmp_path / "a.txt", ARTICLE))
    assert (code, out, err) == (0, [], [])
    (line,) = target.read_text(encoding="utf-8").splitlines()
    assert [q["text"] for q in json.loads(line)["quotes"]] == [QUOTE]

    code, out, err = run(capsys, "--model", "none", "-o", str(tmp_path / "fehlt" / "out.jsonl"))
    assert code == 1
    (message,) = err
    assert message.startswith("quotable: error: [Errno 2] No such file or directory")


def test_model_none_needs_no_model_and_reports_null(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_models: Path
) -> None:
    code, out, err = run(capsys, "--model", "none", write(tmp_path / "a.txt", ARTICLE))
    assert (code, err) == (0, [])
    (record,) = [json.loads(line) for line in out]
    assert record["model"] is None
    assert [(q["speaker"], q["cue"]) for q in record["quotes"]] == [(None, None)]


def test_a_missing_model_is_exit_1_with_the_remedy_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_models: Path
) -> None:
    code, out, err = run(capsys, "--model", "auto", write(tmp_path / "a.txt", ARTICLE))
    assert (code, out) == (1, [])
    (message,) = err
    assert message.startswith("quotable: error: no German parser model")
    assert "run `quotable download`" in message


def test_stdin_is_read_without_files_or_with_a_dash(
    capsys: pytest.CaptureFixture[str], stdin: Callable[[bytes], None]
) -> None:
    for argv in ([], ["-"]):
        stdin(("\ufeff" + ARTICLE).encode("utf-8"))  # a byte order mark is not part of the text
        code, out, err = run(capsys, "--model", "none", *argv)
        assert (code, err) == (0, [])
        (record,) = [json.loads(line) for line in out]
        assert "source" not in record
        assert [q["text"] for q in record["quotes"]] == [QUOTE]
        assert record["quotes"][0]["spans"][0][0] == ARTICLE.index("„")


def test_empty_input_gives_no_output_and_exit_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stdin: Callable[[bytes], None]
) -> None:
    for data in (b"", b"\n\n  \n"):
        stdin(data)
        assert run(capsys, "--model", "none", "--jsonl") == (0, [], [])
    # an empty text file is still a document: one line for it, so that no input goes uncounted
    code, out, err = run(capsys, "--model", "none", write(tmp_path / "leer.txt", ""))
    assert (code, err) == (0, [])
    assert [(r["quotes"], r["agencies"]) for r in map(json.loads, out)] == [([], [])]


# ------------------------------------------------------------------ usage errors
@pytest.mark.parametrize("value", ["1.5", "-0.1", "nan", "hoch"])
def test_min_confidence_outside_0_to_1_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], value: str
) -> None:
    code, out, err = run(capsys, "--model", "none", f"--min-confidence={value}")
    assert (code, out) == (2, [])
    assert "min-confidence" in err[-1]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--gibt-es-nicht"], "unrecognized arguments: --gibt-es-nicht"),
        (["--format", "xml"], "invalid choice: 'xml'"),
        (["--batch-size", "0"], "--batch-size must be positive"),
        (["download", "--gibt-es-nicht"], "unrecognized arguments: --gibt-es-nicht"),
    ],
)
def test_an_unknown_or_invalid_option_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "--model", "none", *argv) if argv[0] != "download" else run(capsys, *argv)
    assert (code, out) == (2, [])
    assert message in err[-1]


def test_download_without_network_is_exit_1_with_one_clear_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def offline(resources_dir: str | None = None) -> str:
        raise ModelDownloadError(
            f"could not download the Stanza German models into {resources_dir} "
            "(ConnectionError: no route to host); check the internet connection and try again"
        )

    monkeypatch.setattr(download, "download", offline)
    code, out, err = run(capsys, "download", "--dir", str(tmp_path))
    assert (code, out) == (1, [])
    assert err == [
        f"quotable: error: could not download the Stanza German models into {tmp_path} "
        "(ConnectionError: no route to host); check the internet connection and try again"
    ]


# ------------------------------------------------------------------ python -m quotable
def test_python_m_quotable_writes_the_good_lines_and_exits_1_for_a_bad_one() -> None:
    data = "\n".join(
        [json.dumps({"id": 1, "text": ARTICLE}), "{kaputt", json.dumps({"id": 3, "text": SHORT})]
    )
    done = subprocess.run(
        [sys.executable, "-m", "quotable", "--model", "none", "--jsonl"],
        input=data.encode("utf-8"),
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert [json.loads(line)["meta"]["id"] for line in done.stdout.decode("utf-8").splitlines()] == [1, 3]
    assert done.stderr.decode("utf-8").splitlines() == [
        "quotable: error: <stdin>:2: not valid JSON (Expecting property name enclosed in double quotes); "
        "line skipped"
    ]


# ------------------------------------------------------------------ nothing lost
def test_a_document_that_crashes_costs_only_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from quotable import attributor as attributor_module

    real = attributor_module.Attributor._run

    def flaky(self: attributor_module.Attributor, texts: list[str]) -> list[object]:
        if any("KAPUTT" in t for t in texts):
            raise RuntimeError("a bug in a stage")
        return real(self, texts)  # type: ignore[return-value]

    monkeypatch.setattr(attributor_module.Attributor, "_run", flaky)
    records: list[object] = [{"id": i, "text": SHORT if i != 6 else "KAPUTT " + SHORT} for i in range(11)]
    code, out, err = run(
        capsys, "--model", "none", "--jsonl", "--batch-size", "4", jsonl(tmp_path / "a.jsonl", *records)
    )
    assert code == 1
    assert [json.loads(line)["meta"]["id"] for line in out] == [0, 1, 2, 3, 4, 5, 7, 8, 9, 10]
    assert err == [
        f"quotable: error: {tmp_path / 'a.jsonl'}:7: RuntimeError: a bug in a stage "
        "(an error in quotable: please report it)"
    ]


def test_json_lines_split_on_newlines_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = [SHORT + sep + "Danach ging sie." for sep in ("\u2028", "\u2029", "\u0085", " ")]
    path = tmp_path / "sep.jsonl"
    path.write_text(
        "\n".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in enumerate(texts)) + "\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--model", "none", "--jsonl", str(path))
    assert (code, err) == (0, [])
    assert [json.loads(line)["meta"]["id"] for line in out] == [0, 1, 2, 3]


def test_crlf_json_lines_are_read_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "crlf.jsonl"
    path.write_bytes(b'{"id": 1, "text": "x"}\r\n{"id": 2, "text": "y"}\r\n')
    code, out, err = run(capsys, "--model", "none", "--jsonl", str(path))
    assert (code, err, len(out)) == (0, [], 2)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_a_text_file_with_a_byte_order_mark_is_read_in_its_encoding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str
) -> None:
    import codecs

    bom = {"utf-16": b"", "utf-16-be": codecs.BOM_UTF16_BE, "utf-32": b""}[encoding]
    path = tmp_path / "bom.txt"
    path.write_bytes(bom + SHORT.encode(encoding))
    code, out, err = run(capsys, "--model", "none", str(path))
    assert (code, err) == (0, [])
    assert json.loads(out[0])["quotes"][0]["text"] == "Wir bleiben hier, was auch immer passiert"


def test_a_closed_stdout_ends_quietly() -> None:
    seeds = [str(p) for p in sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))] * 20
    done = subprocess.run(
        f"{sys.executable} -m quotable --model none {' '.join(seeds)} | head -1",
        shell=True,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.stdout.count(b"\n") == 1
    assert b"Traceback" not in done.stderr and b"BrokenPipe" not in done.stderr


@pytest.mark.parametrize("value", ["0", "-2", "zwei"])
def test_threads_must_be_a_positive_number(capsys: pytest.CaptureFixture[str], value: str) -> None:
    code, out, _ = run(capsys, "--model", "none", f"--threads={value}")
    assert (code, out) == (2, [])
