"""quotable on Dask: a local cluster of two worker processes gives the serial results.

Skipped when the ``dask`` extra is not installed (``pip install '.[dask]'``).
Without a parser except one test marked ``model``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from quotable import Attributor
from quotable import dask as qdask

pytest.importorskip("dask.bag")
pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")

SPEECH = "„Wir bauen die Brücke bis zum Sommer wieder auf“, sagte die Bürgermeisterin."
CREDIT = "Der Stadtrat tagt am Montag. „Das wird knapp“, hieß es im Rathaus.\n\nwa/fab (dpa, afp)"
TWO = "»Kein Kommentar«, sagte der Sprecher. Später hieß es: „Wir prüfen das in aller Ruhe.“"
LONG = "Ein viel zu langer Text. " * 20


def texts(count: int) -> list[Any]:
    pool: list[Any] = [SPEECH, CREDIT, TWO, "", "Ein Satz ohne Zitat.", None, LONG]
    return [pool[i % len(pool)] for i in range(count)]


def serial(given: list[Any], **options: Any) -> list[dict[str, Any]]:
    return [r.to_dict() for r in Attributor(**options).attribute_many(given, errors="return")]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """Two worker processes with one thread each, as on a real cluster."""
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        ) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


def test_a_bag_gives_the_serial_results_in_order_with_failures_in_their_place(client: Any) -> None:
    import dask.bag

    given = texts(40)
    bag = dask.bag.from_sequence(given, npartitions=6)
    found = qdask.attribute_bag(bag, model=None, max_chars=300, batch_size=4).compute()
    assert found == serial(given, model=None, max_chars=300)
    assert found[5] == {
        "schema": "quotable/1",
        "error": {"type": "TypeError", "message": "quotable needs the text as a str, not NoneType"},
    }
    assert found[6]["error"]["type"] == "InputTooLargeError"
    assert found[0]["quotes"][0]["text"] == "Wir bauen die Brücke bis zum Sommer wieder auf"


def test_each_worker_process_keeps_one_attributor_for_all_its_partitions(client: Any) -> None:
    import dask.bag

    bag = dask.bag.from_sequence(texts(60), npartitions=12)
    qdask.attribute_bag(bag, model=None, min_confidence=0.2).compute()
    kept = client.run(lambda: sum(a.min_confidence == 0.2 for a in qdask._attributors.values()))
    assert list(kept.values()) == [1, 1]
    pids = client.run(os.getpid)
    assert len(set(pids.values())) == 2


def test_a_frame_keeps_its_other_columns_and_gets_the_dicts(client: Any) -> None:
    import dask.dataframe
    import pandas

    given = texts(21)
    frame = pandas.DataFrame({"id": [f"a{i}" for i in range(21)], "body": given})
    found = qdask.attribute_frame(dask.dataframe.from_pandas(frame, npartitions=4), "body", model=None)
    result = found.compute()
    assert list(result.columns) == ["id", "quotable"]
    assert list(result["id"]) == list(frame["id"])
    assert list(result["quotable"]) == serial(given, model=None)  # a missing text (<NA>) is None


def test_flat_columns_give_one_row_per_quote_and_a_row_for_each_failure(client: Any) -> None:
    import dask.dataframe
    import pandas

    given = [SPEECH, TWO, None, "Ein Satz ohne Zitat.", CREDIT]
    frame = pandas.DataFrame({"text": given}, index=pandas.Index([10, 11, 12, 13, 14], name="doc"))
    lazy = qdask.attribute_frame(dask.dataframe.from_pandas(frame, npartitions=2), flat=True, model=None)
    rows = lazy.compute()
    assert list(rows.columns) == list(qdask.FLAT_COLUMNS)
    assert {str(t) for t in rows.dtypes} <= {"Int64", "string", "boolean", "Float64"}
    assert list(rows.index) == [10, 11, 11, 12, 14]
    assert rows.index.name == "doc"
    assert list(rows["text"].iloc[[0, 1, 2, 4]]) == [
        "Wir bauen die Brücke bis zum Sommer wieder auf",
        "Kein Kommentar",
        "Wir prüfen das in aller Ruhe.",
        "Das wird knapp",
    ]
    assert list(rows["quote"].iloc[[1, 2]]) == [0, 1]
    failed = rows.loc[12]
    assert failed["error"] == "TypeError: quotable needs the text as a str, not NoneType"
    assert pandas.isna(failed["text"])
    assert rows.loc[14, "start"] == CREDIT.index("„")


def test_a_misspelt_option_fails_in_the_client_and_a_missing_column_names_the_columns() -> None:
    import dask.bag
    import dask.dataframe
    import pandas

    with pytest.raises(TypeError, match="min_confidenc"):
        qdask.attribute_bag(dask.bag.from_sequence([SPEECH]), min_confidenc=0.2)
    frame = dask.dataframe.from_pandas(pandas.DataFrame({"body": [SPEECH]}), npartitions=1)
    with pytest.raises(KeyError, match=r"no column 'text'.*\['body'\]"):
        qdask.attribute_frame(frame, model=None)


@pytest.mark.model
def test_with_the_model_the_bag_gives_the_serial_results(
    client: Any, model_attributor: Attributor, seed_texts: tuple[str, ...]
) -> None:
    import dask.bag

    given: list[Any] = [*seed_texts, SPEECH, None]
    found = qdask.attribute_bag(dask.bag.from_sequence(given, npartitions=2), model="embedded").compute()
    assert found == [r.to_dict() for r in model_attributor.attribute_many(given, errors="return")]
    assert any(q["speaker"] for q in found[0]["quotes"])
