"""quotable on a Dask cluster: many machines, one Attributor per worker process.

    pip install 'quotable[dask]'

    import dask.bag as db
    from dask.distributed import Client
    from quotable.dask import attribute_bag

    client = Client("scheduler:8786")                   # or a LocalCluster
    texts = db.from_sequence(articles, npartitions=1000)  # a bag of str
    attribute_bag(texts, model="embedded").map(json.dumps).to_textfiles("out/*.jsonl")

:func:`attribute_bag` turns a bag of texts into a bag of ``quotable/1`` dicts
(:meth:`~quotable.Attribution.to_dict`); :func:`attribute_frame` adds the
results to a Dask DataFrame with a text column, as dicts or as flat columns
(one row per quote).  A document that fails is not lost: it is a failure record
(:meth:`~quotable.Failure.to_dict`: ``{"schema": …, "error": {"type": …,
"message": …}}``, or a row with ``error`` set) in its place.

Each worker process builds one :class:`~quotable.Attributor` per set of options,
on its first task, and keeps it with its loaded model for every later task
(:func:`attributor`); one Attributor is shared by a worker's threads.  Run one
thread per worker process (``--nthreads 1``, or ``threads_per_worker=1``):
Stanza takes turns within a process, and Dask's nanny already sets
``OMP_NUM_THREADS=1``, so one process per core is the fastest arrangement.
Partitions of a few hundred articles keep the per-task overhead small.  Start
the workers without the ``MALLOC_TRIM_THRESHOLD_=65536`` that Dask's nanny sets
by default (``distributed.nanny.pre-spawn-environ``): with it, glibc returns
torch's freed buffers to the system at once and they fault in again on the
next sentence, which costs about a fifth more CPU time (docs/benchmarks.md).
Dask is imported only when these functions run, so importing this module is cheap.
"""

from __future__ import annotations

import inspect
import threading
from collections.abc import Iterable
from typing import Any

from quotable.attributor import Attributor
from quotable.batches import Failure
from quotable.model import Attribution

__all__ = ["FLAT_COLUMNS", "attribute_bag", "attribute_frame", "attribute_partition", "attributor"]

FLAT_COLUMNS = {
    "quote": "Int64",
    "type": "string",
    "nested": "boolean",
    "start": "Int64",
    "end": "Int64",
    "text": "string",
    "speaker": "string",
    "speaker_name": "string",
    "speaker_entity": "string",
    "cue": "string",
    "cue_lemma": "string",
    "addressee": "string",
    "via": "string",
    "medium": "string",
    "confidence": "Float64",
    "rule": "string",
    "error": "string",
}
"""The columns of ``attribute_frame(..., flat=True)`` and their pandas dtypes.

One row per quote: ``quote`` numbers the document's quotes from 0, ``start``
and ``end`` are the first and last offset of the quote (marks included), the
``speaker…``, ``cue…`` and ``addressee`` columns the mentions' text (``<NA>``
when there is none).  A document without quotes has no row; one that failed
has a single row with ``error`` (``"TypeError: …"``) and nothing else.
"""

_attributors: dict[tuple[tuple[str, Any], ...], Attributor] = {}
_lock = threading.Lock()


def attributor(**options: Any) -> Attributor:
    """This process's Attributor for ``options`` (``Attributor(**options)``), built once and kept."""
    key = tuple(sorted(options.items()))
    with _lock:
        found = _attributors.get(key)
        if found is None:
            found = _attributors[key] = Attributor(**options)
        return found


def attribute_bag(bag: Any, *, batch_size: int = 16, **options: Any) -> Any:
    """A Dask bag of texts → a bag of ``quotable/1`` dicts, one per text and in the same order.

    ``options`` are :class:`~quotable.Attributor`'s (``model``,
    ``min_confidence``, ``max_chars``); a text that fails gives its failure
    record (:meth:`~quotable.Failure.to_dict`) instead.
    """
    _check(options)
    return bag.map_partitions(_bag_partition, batch_size=batch_size, options=options)


def _bag_partition(texts: Iterable[str], *, batch_size: int, options: dict[str, Any]) -> list[dict[str, Any]]:
    results = attributor(**options).attribute_many(texts, batch_size=batch_size, errors="return")
    return [result.to_dict() for result in results]


def attribute_frame(
    frame: Any, column: str = "text", *, flat: bool = False, batch_size: int = 16, **options: Any
) -> Any:
    """A Dask DataFrame with a text column → the results, partition by partition.

    By default the frame's other columns and index are kept and the text
    column is replaced by ``quotable``, the document's ``quotable/1`` dict (or
    its failure record).  With ``flat=True``: one row per quote, in the
    :data:`FLAT_COLUMNS`, indexed by the document's index.  ``options`` are
    :class:`~quotable.Attributor`'s.
    """
    _check(options)
    if column not in frame.columns:
        raise KeyError(f"the frame has no column {column!r}; pass column=… (it has {list(frame.columns)})")
    settings: dict[str, Any] = {"column": column, "flat": flat, "batch_size": batch_size, "options": options}
    meta = _frame_partition(frame._meta, **settings)  # empty: builds no Attributor, loads nothing
    return frame.map_partitions(_frame_partition, **settings, meta=meta)


def attribute_partition(
    frame: Any, column: str = "text", *, flat: bool = False, batch_size: int = 16, **options: Any
) -> Any:
    """:func:`attribute_frame` for one pandas DataFrame (what it maps over the partitions)."""
    _check(options)
    return _frame_partition(frame, column=column, flat=flat, batch_size=batch_size, options=options)


def _frame_partition(frame: Any, *, column: str, flat: bool, batch_size: int, options: dict[str, Any]) -> Any:
    import pandas

    # a missing text (NaN, <NA>) is None, whatever the column's dtype: it fails as "not NoneType"
    texts = frame[column].astype(object).where(frame[column].notna(), None).tolist()
    results = (
        list(attributor(**options).attribute_many(texts, batch_size=batch_size, errors="return"))
        if texts
        else []
    )
    if not flat:
        records = pandas.Series([r.to_dict() for r in results], index=frame.index, dtype=object)
        return frame.drop(columns=[column]).assign(quotable=records)
    rows: list[dict[str, Any]] = []
    labels: list[Any] = []
    for label, result in zip(frame.index, results, strict=True):
        found = _rows(result)
        rows.extend(found)
        labels.extend([label] * len(found))
    index = pandas.Index(labels, dtype=frame.index.dtype, name=frame.index.name)
    table = pandas.DataFrame(rows, columns=list(FLAT_COLUMNS), index=index)
    return table.astype(FLAT_COLUMNS)


def _rows(result: Attribution | Failure) -> list[dict[str, Any]]:
    if isinstance(result, Failure):
        return [{"error": f"{result.error_type}: {result.message}"}]
    return [
        {
            "quote": number,
            "type": q.type.value,
            "nested": q.nested,
            "start": q.start,
            "end": q.end,
            "text": q.text,
            "speaker": q.speaker and q.speaker.text,
            "speaker_name": q.speaker and q.speaker.name,
            "speaker_entity": q.speaker and q.speaker.entity,
            "cue": q.cue and q.cue.text,
            "cue_lemma": q.cue and q.cue.lemma,
            "addressee": q.addressee and q.addressee.text,
            "via": q.via,
            "medium": q.medium and q.medium.value,
            "confidence": q.confidence,
            "rule": q.rule,
        }
        for number, q in enumerate(result.quotes)
    ]


def _check(options: dict[str, Any]) -> None:
    """Misspelt options fail here, in the client, not on every worker.

    Only the names are checked: the model may be installed on the workers and not here.
    """
    inspect.signature(Attributor).bind(**options)
