"""The corpus report: who is quoted, how often, in which way, through which agency, and when.

    quotable --jsonl articles.jsonl -o results.jsonl
    quotable report results.jsonl -o report.html            # or --format markdown|csv|json

The input is the ``quotable`` command's own JSON Lines output; ``meta`` fields of
the input lines come through it, and a date (``--date-field``, default ``date``) or
an outlet (``--outlet-field``, default ``outlet``) there adds quotes over time and by
outlet.  Speakers are grouped by :func:`quotable.table.speaker_of` within a document
and by that speaker's name across documents (an entity id only holds within one).
"""

from __future__ import annotations

import contextlib
import datetime
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from quotable import table
from quotable.model import Attribution, Quote, QuoteType
from quotable.records import attribution_from_dict

PARTIAL = "partial"
TYPES = (
    QuoteType.DIRECT.value,
    PARTIAL,
    QuoteType.INDIRECT.value,
    QuoteType.FREE_INDIRECT.value,
    QuoteType.INDIRECT_FREE_INDIRECT.value,
    QuoteType.REPORTED.value,
)
"""The report's quote types: the five of the schema, with nested direct fragments counted apart."""
TYPE_NAMES = {
    "direct": "direct",
    PARTIAL: "partial (nested direct)",
    "indirect": "indirect",
    "free_indirect": "free indirect (hearsay)",
    "indirect_free_indirect": "continued indirect",
    "reported": "reported speech act",
}
GENDERS = ("fem", "masc", "unknown")
GENDER_NAMES = {"fem": "feminine", "masc": "masculine", "unknown": "unknown"}
ROLES = ("credit", "dateline", "via", "mention")
GENDER_NOTE = (
    "Gender here is grammatical gender in the text: whether the article refers to the speaker "
    "with feminine or masculine words (pronouns such as sie/er, role nouns such as Ministerin/Minister, "
    "first names), read from the speaker's entity (entities[].gender). It is not a claim about the "
    "person's gender identity, and it is unknown when the text does not tell, for organisations, and "
    "for every quote whose speaker was not resolved to an entity."
)
SPEAKER_NOTE = (
    "Speakers are counted by resolved entity: the entity's name when the entity stage resolved one, "
    "else the speaker's resolved name, else the mention as written (shown in „…“, e.g. „er“), else "
    "unknown. Across documents, speakers with the same name are counted together."
)


def quote_type(quote: Quote) -> str:
    """The report's type of ``quote``: its schema type, or ``partial`` for a nested direct fragment."""
    return PARTIAL if quote.nested and quote.type is QuoteType.DIRECT else quote.type.value


def speaker_label(quote: Quote, result: Attribution) -> str:
    """The name a quote is counted under across documents (mentions in „…“, unknown as is)."""
    speaker = table.speaker_of(quote, result)
    return f"„{speaker.label}“" if speaker.by == "mention" else speaker.label


def parse_date(value: object) -> datetime.date | None:
    """An ISO date (or the date of an ISO date-time, or ``YYYY-MM``, ``YYYY``); ``None`` if not one."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    for size, suffix in ((10, ""), (7, "-01"), (4, "-01-01")):
        if len(text) < size or (len(text) > size and text[size].isdigit()):
            continue
        try:
            return datetime.date.fromisoformat(text[:size] + suffix)
        except ValueError:
            continue
    return None


def periods(dates: Sequence[datetime.date], most: int = 36) -> tuple[str, list[str]]:
    """The finest unit (day, month, year) giving at most ``most`` periods, and all periods first to last."""
    first, last = min(dates), max(dates)
    days = (last - first).days + 1
    if days <= most:
        return "day", [(first + datetime.timedelta(n)).isoformat() for n in range(days)]
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months <= most:
        return "month", [
            f"{first.year + (first.month - 1 + n) // 12}-{(first.month - 1 + n) % 12 + 1:02d}"
            for n in range(months)
        ]
    return "year", [str(y) for y in range(first.year, last.year + 1)]


def period_of(date: datetime.date, unit: str) -> str:
    return (
        date.isoformat()
        if unit == "day"
        else f"{date.year}-{date.month:02d}"
        if unit == "month"
        else str(date.year)
    )


@attrs.define
class Tally:
    """Counts over a corpus of results (built by :func:`tally`)."""

    documents: int = 0
    quotes: int = 0
    with_speaker: int = 0
    speakers: Counter[str] = attrs.field(factory=Counter)
    speaker_types: dict[str, Counter[str]] = attrs.field(factory=dict)
    speaker_documents: dict[str, set[str]] = attrs.field(factory=dict)
    speaker_by: dict[str, str] = attrs.field(factory=dict)
    types: Counter[str] = attrs.field(factory=Counter)
    agencies: dict[str, Counter[str]] = attrs.field(factory=dict)
    via: Counter[str] = attrs.field(factory=Counter)
    gender: Counter[str] = attrs.field(factory=Counter)
    dated: dict[datetime.date, Counter[str]] = attrs.field(factory=dict)
    documents_dated: int = 0
    outlets: dict[str, Counter[str]] = attrs.field(factory=dict)
    models: Counter[str] = attrs.field(factory=Counter)

    def add(
        self, document: str, result: Attribution, meta: Mapping[str, Any], date_field: str, outlet_field: str
    ) -> None:
        self.documents += 1
        self.models[result.model or "none"] += 1
        date = parse_date(meta.get(date_field))
        outlet = meta.get(outlet_field)
        for quote in result.quotes:
            kind = quote_type(quote)
            label = speaker_label(quote, result)
            by = table.speaker_of(quote, result).by
            self.quotes += 1
            self.with_speaker += by != "unknown"
            self.speakers[label] += 1
            self.speaker_types.setdefault(label, Counter())[kind] += 1
            self.speaker_documents.setdefault(label, set()).add(document)
            self.speaker_by.setdefault(label, by)
            self.types[kind] += 1
            self.gender[table.gender_of(quote, result)] += 1
            if quote.via:
                self.via[quote.via] += 1
            if date is not None:
                self.dated.setdefault(date, Counter())[kind] += 1
            if outlet not in (None, ""):
                self.outlets.setdefault(str(outlet), Counter())[kind] += 1
        for agency in result.agencies:
            self.agencies.setdefault(agency.name, Counter())[agency.role.value] += 1
        if date is not None:
            self.dated.setdefault(date, Counter())
            self.documents_dated += 1
        if outlet not in (None, ""):
            self.outlets.setdefault(str(outlet), Counter())

    def top_speakers(self, top: int) -> list[tuple[str, int]]:
        """The ``top`` most-quoted speakers (``unknown`` left out), most quotes first, then by name."""
        named = [(s, n) for s, n in self.speakers.items() if s != table.UNKNOWN]
        return sorted(named, key=lambda item: (-item[1], item[0]))[:top]

    def over_time(self) -> tuple[str, list[tuple[str, Counter[str]]]]:
        """The period unit and the quotes per period by type, every period from first to last date."""
        if not self.dated:
            return "", []
        unit, names = periods(sorted(self.dated))
        counts: dict[str, Counter[str]] = {name: Counter() for name in names}
        for date, kinds in self.dated.items():
            counts[period_of(date, unit)].update(kinds)
        return unit, list(counts.items())


def tally(
    records: Iterable[tuple[str, Mapping[str, Any], Attribution]],
    date_field: str = "date",
    outlet_field: str = "outlet",
) -> Tally:
    """Quotes counted by speaker, type, agency, gender, period and outlet over ``(id, meta, result)``."""
    counts = Tally()
    for document, meta, result in records:
        counts.add(document, result, meta, date_field, outlet_field)
    return counts


def read_results(
    names: Sequence[str], failures: list[int]
) -> Iterator[tuple[str, Mapping[str, Any], Attribution]]:
    """``(document id, meta, result)`` for every line of quotable's JSON Lines output in ``names``.

    A line that is not quotable/1 output is named on stderr and counted in ``failures``.
    """
    for name in names:
        label = "<stdin>" if name == "-" else name
        try:
            with (
                contextlib.nullcontext(sys.stdin)
                if name == "-"
                else open(name, encoding="utf-8-sig") as lines
            ):
                for number, line in enumerate(lines, start=1):
                    if line.strip():
                        parsed = _parse_line(f"{label}:{number}", line, failures)
                        if parsed is not None:
                            yield parsed
        except (OSError, UnicodeDecodeError) as error:
            print(
                f"quotable report: error: {label}: {getattr(error, 'strerror', None) or error}",
                file=sys.stderr,
            )
            failures[0] += 1


def _parse_line(
    where: str, line: str, failures: list[int]
) -> tuple[str, Mapping[str, Any], Attribution] | None:
    try:
        record = json.loads(line)
        if not isinstance(record, dict):
            raise TypeError("not a JSON object")
        meta = record["meta"] if isinstance(record.get("meta"), dict) else {}
        result = attribution_from_dict(record)
    except (ValueError, TypeError, KeyError) as error:
        print(f"quotable report: error: {where}: not quotable output ({error}); skipped", file=sys.stderr)
        failures[0] += 1
        return None
    source = record.get("source")
    return table.document_id(source if isinstance(source, str) else None, meta, where), meta, result


def main(argv: Sequence[str] | None = None) -> int:
    """``quotable report results.jsonl -o report.html``: the corpus report in HTML, Markdown, CSV or JSON."""
    import argparse

    from quotable import report_format

    parser = argparse.ArgumentParser(
        prog="quotable report",
        description="Report over quotable's JSON Lines output: quotes per speaker, by type, by agency and "
        "role, by grammatical gender of the speaker, and over time when the input's meta has a date.",
    )
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="quotable JSON Lines output (default: stdin)"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument(
        "--format", choices=report_format.FORMATS, default="html", help="report format (default html)"
    )
    parser.add_argument("--top", type=int, default=20, help="how many speakers to list (default 20)")
    parser.add_argument("--date-field", default="date", help="meta field with the document's date (ISO)")
    parser.add_argument("--outlet-field", default="outlet", help="meta field with the document's outlet")
    parser.add_argument("--title", default="Quotations in the corpus", help="the report's title")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.top < 1:
        print("quotable report: error: --top must be positive", file=sys.stderr)
        return 2
    failures = [0]
    counts = tally(read_results(args.files or ["-"], failures), args.date_field, args.outlet_field)
    text = report_format.render(counts, args.format, top=args.top, title=args.title)
    try:
        if args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                out.write(text)
        else:
            sys.stdout.write(text)
    except OSError as error:
        print(f"quotable report: error: {args.output}: {error.strerror or error}", file=sys.stderr)
        return 1
    return 1 if failures[0] else 0
