"""The corpus report over quotable's own JSON Lines: counts, charts, and every format saying the same."""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path
from typing import Any

import attrs
import handmade
import pytest
from htmltree import parse

from quotable.cli import main
from quotable.model import Attribution, Speaker
from quotable.report import GENDER_NOTE, parse_date, periods, read_results, tally
from quotable.report_format import render, to_dict


def line(result: Attribution, **meta: Any) -> str:
    """One line as ``quotable --jsonl`` writes it."""
    return json.dumps({"schema": "quotable/1", "meta": meta, **result.to_dict()}, ensure_ascii=False) + "\n"


def corpus(tmp_path: Path) -> Path:
    """Three documents: the hand-made one twice (two outlets, two months) and one by a hostile speaker."""
    result = handmade.result()
    hostile = attrs.evolve(
        result.quotes[0],
        speaker=Speaker("x", result.quotes[0].speaker.spans, name="<script>alert(1)</script> | *x*"),  # type: ignore[union-attr]
    )
    path = tmp_path / "results.jsonl"
    path.write_text(
        line(result, id="a1", date="2024-03-05", outlet="Morgenpost")
        + line(result, id="a2", date="2024-05-20T08:00:00+02:00", outlet="Abendblatt")
        + "\n"
        + line(Attribution((hostile,)), id="a3"),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def data(tmp_path: Path) -> dict[str, Any]:
    failures = [0]
    counts = tally(read_results([str(corpus(tmp_path))], failures))
    assert failures == [0]
    return to_dict(counts, top=10)


def test_quotes_are_counted_per_speaker_across_documents(data: dict[str, Any]) -> None:
    assert (data["documents"], data["quotes"], data["quotes_with_speaker"]) == (3, 11, 9)
    speakers = [(s["speaker"], s["quotes"], s["documents"], s["by"]) for s in data["speakers"]]
    assert speakers == [
        ("Tom Berg", 4, 2, "entity"),
        ("Petra Lange", 2, 2, "entity"),
        ("„ein Ministeriumssprecher“", 2, 2, "mention"),
        ("<script>alert(1)</script> | *x*", 1, 1, "name"),
    ]
    assert data["speakers"][0]["types"] == {"indirect": 2, "partial": 2}


def test_types_agencies_and_gender(data: dict[str, Any]) -> None:
    assert {t["type"]: t["quotes"] for t in data["types"]} == {
        "direct": 5,
        "partial": 2,
        "indirect": 2,
        "free_indirect": 2,
        "indirect_free_indirect": 0,
        "reported": 0,
    }
    agencies = {a["agency"]: (a["roles"], a["quotes_via"]) for a in data["agencies"]}
    assert agencies == {"dpa": ({"credit": 2, "dateline": 2}, 0), "AFP": ({"credit": 2, "via": 2}, 2)}
    # Petra Lange (feminine) twice, Tom Berg (masculine) four times; the rest has no entity
    assert {g["gender"]: g["quotes"] for g in data["gender"]} == {"fem": 2, "masc": 4, "unknown": 5}
    assert data["gender"][0]["share"] == round(2 / 11, 3)


def test_quotes_over_time_and_by_outlet_come_from_meta(data: dict[str, Any]) -> None:
    time = data["over_time"]
    assert time["unit"] == "month" and time["documents_dated"] == 2
    assert [(p["period"], p["quotes"]) for p in time["periods"]] == [
        ("2024-03", 5),
        ("2024-04", 0),
        ("2024-05", 5),
    ]
    assert {o["outlet"]: o["quotes"] for o in data["outlets"]} == {"Morgenpost": 5, "Abendblatt": 5}


def test_periods_are_as_fine_as_fits() -> None:
    day = datetime.date(2024, 1, 30)
    assert periods([day, day + datetime.timedelta(2)]) == ("day", ["2024-01-30", "2024-01-31", "2024-02-01"])
    assert periods([day, datetime.date(2024, 12, 1)])[0] == "month"
    assert periods([datetime.date(2005, 8, 1), datetime.date(2022, 1, 1)]) == (
        "year",
        [str(y) for y in range(2005, 2023)],
    )
    assert [parse_date(v) for v in ("2024-03-05", "2024-03", "2024", "5.3.2024", None, 20240305)] == [
        datetime.date(2024, 3, 5),
        datetime.date(2024, 3, 1),
        datetime.date(2024, 1, 1),
        None,
        None,
        None,
    ]


def test_every_format_says_the_same(tmp_path: Path) -> None:
    counts = tally(read_results([str(corpus(tmp_path))], [0]))
    data = json.loads(render(counts, "json"))
    assert data == json.loads(json.dumps(to_dict(counts)))
    rows = list(csv.reader(io.StringIO(render(counts, "csv"), newline="")))
    assert rows[0] == ["table", "key", "detail", "count", "share"]
    assert ["speaker", "Tom Berg", "entity", "4", str(round(4 / 11, 3))] in rows
    assert ["gender", "fem", "grammatical", "2", str(round(2 / 11, 3))] in rows
    assert ["agency", "AFP", "via", "2", ""] in rows and ["period", "2024-04", "month", "0", ""] in rows
    markdown = render(counts, "markdown")
    assert "| 1 | Tom Berg | entity | 4 | 2 |" in markdown
    assert "\\<script\\>alert(1)\\</script\\> \\| \\*x\\*" in markdown and "<script>" not in markdown
    assert "grammatical gender in the text" in markdown and "not a claim about the" in markdown


def test_the_html_report_draws_its_charts_inline_and_escapes_names(tmp_path: Path) -> None:
    counts = tally(read_results([str(corpus(tmp_path))], [0]))
    html = render(counts, "html", top=10, title="Hafen & Co")
    tree = parse(html)
    assert tree.find_all("script") == [] and "http:" not in html.replace("http://www.w3.org/2000/svg", "")
    charts = {svg.find_all("title")[0].text(): svg for svg in tree.find_all("svg")}
    assert set(charts) == {
        "Quotes per speaker",
        "Quote types",
        "Quote types of the most-quoted speakers",
        "Agency mentions by role",
        "Quotes by the grammatical gender of their speaker",
        "Quotes per month, by type",
        "Quotes per outlet, by type",
    }
    bars = charts["Quotes per speaker"].find_all("g")
    assert [g.find_all("title")[0].text() for g in bars][:2] == [
        "Tom Berg: 4 quotes",
        "Petra Lange: 2 quotes",
    ]
    assert any(t.text() == "<script>alert(1)</script> | *x*" for t in tree.find_all("td"))
    # each series of a stacked chart has its own fill pattern, named in a legend
    types = charts["Quote types"]
    assert len(types.find_all("pattern")) == 6 and "partial (nested direct)" in types.text()
    assert GENDER_NOTE in tree.text()
    assert tree.find_all("title")[0].text() == "Hafen & Co"


def test_the_report_command_writes_each_format_and_names_bad_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = corpus(tmp_path)
    for fmt in ("html", "markdown", "csv", "json"):
        out = tmp_path / f"report.{fmt}"
        assert main(["report", str(path), "--format", fmt, "-o", str(out)]) == 0
        assert out.stat().st_size > 0
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["documents"] == 3
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"quotes": [{"type": "zitat"}]}\nkein JSON\n')
    assert main(["report", str(path), "--format", "json"]) == 1
    written, err = capsys.readouterr()
    assert json.loads(written)["documents"] == 3
    assert [e.split(": not quotable output")[0] for e in err.splitlines()] == [
        f"quotable report: error: {path}:5",
        f"quotable report: error: {path}:6",
    ]
    assert main(["report", str(tmp_path / "fehlt.jsonl")]) == 1
    assert main(["report", "--top", "0", str(path)]) == 2


def test_from_articles_to_report_without_a_parser(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    articles = tmp_path / "articles.jsonl"
    articles.write_text(
        json.dumps({"id": "x", "date": "2024-01-02", "text": handmade.TEXT}) + "\n", encoding="utf-8"
    )
    results = tmp_path / "results.jsonl"
    assert main(["--model", "none", "--jsonl", str(articles), "-o", str(results)]) == 0
    assert main(["report", str(results), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["documents"], data["quotes"], data["speakers"]) == (1, 2, [])
    assert data["over_time"]["periods"] == [{"period": "2024-01-02", "quotes": 2, "types": {"direct": 2}}]
