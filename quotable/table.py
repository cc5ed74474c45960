"""Results as rows: who a quote is by (one rule for grouping), and one CSV/TSV row per quote.

Every view that groups quotes by speaker — the article view's colours and legend,
the corpus report's counts, the spreadsheet export — asks :func:`speaker_of`, so
that they all agree: the speaker's entity when the entity stage resolved one, else
its resolved name, else the mention as written, else ``unknown``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from quotable.model import Attribution, Quote

UNKNOWN = "unknown"

COLUMNS = (
    "document",
    "type",
    "nested",
    "text",
    "speaker_mention",
    "speaker_name",
    "entity",
    "cue",
    "addressee",
    "via",
    "medium",
    "confidence",
    "rule",
    "start",
    "end",
)
"""The export's columns; ``start``/``end`` are the quote's first and last offset (marks included)."""

FORMATS = {"csv": ",", "tsv": "\t"}


@attrs.frozen
class SpeakerKey:
    """Who a quote is by, for grouping.

    ``key`` is unique within one document (``e3``, ``name:Wladimir Putin``,
    ``mention:er``, ``unknown``); ``label`` is what to show (the entity's name, the
    resolved name, the mention, or ``unknown``); ``by`` says which of the four it is
    (``entity``, ``name``, ``mention``, ``unknown``).
    """

    key: str
    label: str
    by: str


UNKNOWN_SPEAKER = SpeakerKey(UNKNOWN, UNKNOWN, UNKNOWN)


def speaker_of(quote: Quote, result: Attribution) -> SpeakerKey:
    """The speaker to count ``quote`` for: entity id, else name, else mention text, else unknown."""
    speaker = quote.speaker
    if speaker is None:
        return UNKNOWN_SPEAKER
    if speaker.entity is not None:
        entity = result.entity(speaker.entity)
        label = entity.name if entity is not None else speaker.name or speaker.text or speaker.entity
        return SpeakerKey(speaker.entity, label, "entity")
    if speaker.name:
        return SpeakerKey(f"name:{speaker.name}", speaker.name, "name")
    if speaker.text:
        return SpeakerKey(f"mention:{speaker.text}", speaker.text, "mention")
    return UNKNOWN_SPEAKER


def gender_of(quote: Quote, result: Attribution) -> str:
    """``fem``, ``masc`` or ``unknown``: the grammatical gender the text uses for the quote's speaker.

    Read from the speaker's entity (``Entity.gender``); ``unknown`` when the quote has
    no resolved entity or the text does not tell.  It describes the words of the
    article, not the person.
    """
    entity = result.entity(quote.speaker.entity) if quote.speaker is not None else None
    if entity is None or entity.gender is None:
        return UNKNOWN
    return entity.gender.value


def document_id(source: str | None, meta: Mapping[str, Any] | None, label: str) -> str:
    """A document's name for the export: its ``meta`` ``id``, else its file, else its input position."""
    if meta is not None and meta.get("id") not in (None, ""):
        return str(meta["id"])
    return source if source is not None else label


def _text(value: object) -> str:
    return "" if value is None else str(value)


def rows(document: str, result: Attribution) -> list[list[str]]:
    """One row per quote of ``result`` in :data:`COLUMNS` order (empty cells for unknown values)."""
    out = []
    for quote in result.quotes:
        speaker = quote.speaker
        entity = result.entity(speaker.entity) if speaker is not None else None
        name = entity.name if entity is not None else speaker.name if speaker is not None else None
        out.append(
            [
                document,
                quote.type.value,
                "true" if quote.nested else "false",
                quote.text,
                _text(speaker and speaker.text),
                _text(name),
                _text(speaker and speaker.entity),
                _text(quote.cue and quote.cue.text),
                _text(quote.addressee and quote.addressee.text),
                _text(quote.via),
                _text(quote.medium and quote.medium.value),
                f"{round(quote.confidence, 3):g}",
                quote.rule,
                str(quote.start),
                str(quote.end),
            ]
        )
    return out


def format_rows(table: Iterable[Iterable[str]], fmt: str = "csv") -> str:
    """``table`` as CSV (RFC 4180: CRLF line ends, fields quoted when they need it) or TSV."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=FORMATS[fmt], lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(table)
    return buffer.getvalue()


def header(fmt: str = "csv") -> str:
    """The header row, written once before the first document's rows."""
    return format_rows([COLUMNS], fmt)
