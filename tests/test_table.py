"""Grouping by speaker, the spreadsheet export (quotable --format csv|tsv) and reading results back."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import attrs
import handmade
import pytest

from quotable.cli import main
from quotable.model import Attribution, Span, Speaker
from quotable.records import attribution_from_dict
from quotable.table import COLUMNS, UNKNOWN, document_id, format_rows, gender_of, header, rows, speaker_of


def test_speakers_are_grouped_by_entity_then_name_then_mention_then_unknown() -> None:
    result = handmade.result()
    keys = [(s.key, s.label, s.by) for s in (speaker_of(q, result) for q in result.quotes)]
    assert keys == [
        ("e1", "Petra Lange", "entity"),
        ("e2", "Tom Berg", "entity"),
        ("e2", "Tom Berg", "entity"),
        (UNKNOWN, UNKNOWN, UNKNOWN),
        ("mention:ein Ministeriumssprecher", "ein Ministeriumssprecher", "mention"),
    ]
    named = attrs.evolve(result.quotes[0], speaker=Speaker("sie", (Span(0, 3),), name="Petra Lange"))
    assert speaker_of(named, result) == speaker_of(named, Attribution())
    assert (speaker_of(named, result).key, speaker_of(named, result).by) == ("name:Petra Lange", "name")
    # an entity id the result does not hold: the speaker's own name stands in
    lost = attrs.evolve(result.quotes[0], speaker=Speaker("sie", (Span(0, 3),), "Petra L.", "e9"))
    assert speaker_of(lost, result).label == "Petra L."


def test_grammatical_gender_comes_from_the_speakers_entity() -> None:
    result = handmade.result()
    assert [gender_of(q, result) for q in result.quotes] == ["fem", "masc", "masc", UNKNOWN, UNKNOWN]
    # the same quotes without the entity stage: nothing is known
    assert {gender_of(q, attrs.evolve(result, entities=())) for q in result.quotes} == {UNKNOWN}


def test_one_row_per_quote_with_every_column() -> None:
    table = rows("hafen-1", handmade.result())
    assert len(table) == 5 and all(len(row) == len(COLUMNS) for row in table)
    first = dict(zip(COLUMNS, table[0], strict=True))
    assert first == {
        "document": "hafen-1",
        "type": "direct",
        "nested": "false",
        "text": "Der Hafen bleibt offen, auch im Winter.",
        "speaker_mention": "Die Senatorin Petra Lange",
        "speaker_name": "Petra Lange",
        "entity": "e1",
        "cue": "sagte",
        "addressee": "",
        "via": "",
        "medium": "speech",
        "confidence": "0.93",
        "rule": "direct.cue_before",
        "start": str(handmade.TEXT.index("„Der Hafen")),
        "end": str(handmade.TEXT.index("Winter.“") + len("Winter.“")),
    }
    assert dict(zip(COLUMNS, table[3], strict=True))["via"] == "AFP"
    assert dict(zip(COLUMNS, table[2], strict=True))["nested"] == "true"


def test_csv_quoting_follows_rfc_4180() -> None:
    tricky = ["a,b", 'sagte "nein"', "zwei\nZeilen", "„Grüße“ – ok", "=1+1", "\ttab"]
    text = format_rows([tricky])
    assert text == '"a,b","sagte ""nein""","zwei\nZeilen",„Grüße“ – ok,=1+1,\ttab\r\n'
    assert next(csv.reader(io.StringIO(text, newline=""))) == tricky
    tsv = format_rows([tricky], "tsv")
    assert tsv == 'a,b\t"sagte ""nein"""\t"zwei\nZeilen"\t„Grüße“ – ok\t=1+1\t"\ttab"\r\n'
    assert next(csv.reader(io.StringIO(tsv, newline=""), delimiter="\t")) == tricky
    assert header() == ",".join(COLUMNS) + "\r\n"


def test_document_ids_come_from_meta_then_file_then_position() -> None:
    assert document_id("a.txt", {"id": 7}, "in.jsonl:1") == "7"
    assert document_id(None, {"titel": "x"}, "in.jsonl:2") == "in.jsonl:2"
    assert document_id("a.txt", None, "a.txt") == "a.txt"


def test_cli_writes_csv_with_one_header_and_utf8(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [{"id": "hafen", "text": handmade.TEXT}, {"id": "zwei", "text": "Er sagte: „Ja, „so“ wird es.“"}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        out = tmp_path / f"out.{fmt}"
        assert (
            main(
                [
                    "--model",
                    "none",
                    "--jsonl",
                    "--batch-size",
                    "1",
                    "--format",
                    fmt,
                    str(path),
                    "-o",
                    str(out),
                ]
            )
            == 0
        )
        with out.open(encoding="utf-8", newline="") as handle:
            table = list(csv.reader(handle, delimiter=delimiter))
        assert table[0] == list(COLUMNS)
        assert [row[0] for row in table[1:]] == ["hafen", "hafen", "zwei"]
        assert table[1][3] == "Der Hafen bleibt offen, auch im Winter."
        assert sum(row == list(COLUMNS) for row in table) == 1


def test_cli_writes_only_the_header_when_nothing_is_found(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "leer.txt"
    path.write_text("Kein Zitat hier.", encoding="utf-8")
    assert main(["--model", "none", "--format", "csv", str(path)]) == 0
    assert capsys.readouterr().out == header()


def test_a_result_reads_back_from_its_json_unchanged() -> None:
    result = handmade.result()
    assert attribution_from_dict(json.loads(result.to_json())) == result
    assert attribution_from_dict({"quotes": [], "agencies": []}) == Attribution()
    with pytest.raises(ValueError, match="quotable/2"):
        attribution_from_dict({"schema": "quotable/2"})
    with pytest.raises(ValueError, match="zitat"):
        attribution_from_dict({"quotes": [{"type": "zitat", "spans": [[0, 1]]}]})
