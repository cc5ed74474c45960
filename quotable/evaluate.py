"""How accurate quotable is: ``quotable evaluate``, its error files and reports.

The WikiNews corpus metric itself is :mod:`quotable.corpus_metric`.
**The seeds metrics** are described in :mod:`quotable.seed_gold`.

**Errors file** (``--errors FILE``): JSON Lines, one error a line, in document
and text order, with keys ``corpus`` (``wikinews``/``seeds``), ``document``,
``kind`` (``false_positive``, ``false_negative``, ``wrong_speaker``, and for the
seeds ``agency_false_positive``/``agency_false_negative``), ``start``/``end``
(characters), ``text``, ``before``/``after`` (up to 80 characters of context),
and ``gold``/``system`` (what each side said, ``null`` when absent).  A
WikiNews false positive is a system quotation left unpaired or paired with a
gold quotation it shares no token with; a wrong speaker is a matched pair whose
speaker tokens differ.  JSON Lines because every record is one ``grep``/``jq``
away from a table.

The report, as JSON or Markdown, is :mod:`quotable.evaluation_report`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs

from quotable import seed_gold
from quotable.corpus_metric import Pair, pair_corpus, summarize, system_quotations, tokens_of
from quotable.errors import QuotableError
from quotable.evaluation_report import Report
from quotable.harness import System, load_attributor, predict
from quotable.model import Attribution
from quotable.seed_gold import SeedDocument
from quotable.wikinews import ROLES, CorpusDocument, CorpusMention, CorpusQuotation, read_corpus

CONTEXT = 80
"""Characters of context on each side of an error."""


# ---------------------------------------------------------------- error analysis


def _context(text: str, start: int, end: int) -> dict[str, Any]:
    return {
        "start": start,
        "end": end,
        "text": text[start:end],
        "before": text[max(0, start - CONTEXT) : start],
        "after": text[end : end + CONTEXT],
    }


def _mention_dict(m: CorpusMention) -> str | None:
    return m.text or None


def _quotation_dict(q: CorpusQuotation | None) -> dict[str, Any] | None:
    if q is None:
        return None
    return {
        "type": q.type,
        "medium": q.medium,
        "nested": q.is_nested,
        "text": q.quote.text,
        **{role: _mention_dict(q.role(role)) for role in ROLES},
    }


def wikinews_errors(documents: Sequence[CorpusDocument], pairs: Iterable[Pair]) -> list[dict[str, Any]]:
    """False positives, false negatives and wrong speakers of the corpus pairs, as error records."""
    found: list[tuple[int, dict[str, Any]]] = []

    def record(p: Pair, kind: str, where: CorpusQuotation, gold: bool, system: bool) -> None:
        document = documents[p.document]
        found.append(
            (
                p.document,
                {
                    "corpus": "wikinews",
                    "document": document.name,
                    "kind": kind,
                    **_context(document.text, where.quote.start or 0, where.quote.end or 0),
                    "gold": _quotation_dict(p.gold) if gold else None,
                    "system": _quotation_dict(p.system) if system else None,
                },
            )
        )

    for p in pairs:
        if p.gold is not None and not p.matched:
            record(p, "false_negative", p.gold, gold=True, system=False)
        if p.system is not None and not p.matched:
            record(p, "false_positive", p.system, gold=False, system=True)
        if (
            p.gold is not None
            and p.system is not None
            and p.matched
            and tokens_of(p.gold, "speaker") != tokens_of(p.system, "speaker")
        ):
            record(p, "wrong_speaker", p.gold, gold=True, system=True)
    return [r for _, r in sorted(found, key=lambda item: (item[0], *_record_key(item[1])))]


def seed_errors(
    documents: Sequence[SeedDocument], attributions: Sequence[Attribution]
) -> list[dict[str, Any]]:
    """False positives, false negatives, wrong speakers and agency errors on the seeds."""
    records = []
    for m in seed_gold.seed_matches(documents, attributions):
        document = documents[m.document]
        gold = None if m.gold is None else attrs.asdict(m.gold)
        system = None if m.predicted is None else m.predicted.to_dict()
        if m.gold is not None and m.predicted is None:
            kind, span = "false_negative", m.gold.span
        elif m.predicted is not None and m.gold is None:
            kind, span = "false_positive", seed_gold.content_span(m.predicted)
        elif m.gold is not None and m.predicted is not None:
            if seed_gold.speaker_right(m.gold, m.predicted, lenient=False):
                continue
            kind, span = "wrong_speaker", m.gold.span
        else:  # pragma: no cover - a match always has a side
            continue
        records.append(
            {
                "corpus": "seeds",
                "document": document.id,
                "kind": kind,
                **_context(document.text, span.start, span.end),
                "gold": gold,
                "system": system,
            }
        )
    for document, attribution in zip(documents, attributions, strict=True):
        missed, wrong = seed_gold.agency_differences(document, attribution)
        for a in missed:
            records.append(
                {
                    "corpus": "seeds",
                    "document": document.id,
                    "kind": "agency_false_negative",
                    **_context(document.text, a.start, a.end),
                    "gold": attrs.asdict(a),
                    "system": None,
                }
            )
        for b in wrong:
            records.append(
                {
                    "corpus": "seeds",
                    "document": document.id,
                    "kind": "agency_false_positive",
                    **_context(document.text, b.span.start, b.span.end),
                    "gold": None,
                    "system": b.to_dict(),
                }
            )
    order = {d.id: i for i, d in enumerate(documents)}
    return sorted(records, key=lambda r: (order[r["document"]], *_record_key(r)))


def _record_key(r: dict[str, Any]) -> tuple[int, int, str]:
    return (r["start"], r["end"], r["kind"])


def write_errors(records: Iterable[dict[str, Any]], out: TextIO) -> None:
    """Error records as JSON Lines."""
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- running a system


@attrs.frozen
class Evaluation:
    """A report and the error records behind it."""

    report: Report
    errors: tuple[dict[str, Any], ...] = ()


def evaluate(
    system: System,
    *,
    wikinews: Sequence[CorpusDocument] = (),
    seeds: Sequence[SeedDocument] = (),
    simplified: bool = False,
) -> Evaluation:
    """Run ``system`` on the gold texts and score it; an empty gold side is not reported.

    The report names the parser model the results say they were made with.
    """
    corpus_scores = seed_scores = None
    errors: list[dict[str, Any]] = []
    models: list[str | None] = []
    if wikinews:
        results = predict(system, [d.text for d in wikinews])
        models += [r.model for r in results]
        found = system_quotations(wikinews, results)
        pairs = pair_corpus(wikinews, found, simplified=simplified)
        corpus_scores = summarize(pairs, len(wikinews), simplified=simplified)
        errors += wikinews_errors(wikinews, pairs)
    if seeds:
        results = predict(system, [d.text for d in seeds])
        models += [r.model for r in results]
        seed_scores = seed_gold.score_seeds(seeds, results)
        errors += seed_errors(seeds, results)
    model = next((m for m in models if m is not None), None)
    return Evaluation(Report(corpus_scores, seed_scores, model), tuple(errors))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotable evaluate",
        description="Score quotable against the German WikiNews quotation corpus (the metric of "
        "Petersen-Frey & Biemann 2024) and/or the seeds gold.",
    )
    parser.add_argument(
        "--wikinews", nargs="+", metavar="PATH", help="corpus .json files or directories of them"
    )
    parser.add_argument(
        "--gold",
        "--seeds",
        dest="seeds",
        metavar="FILE",
        help="a gold file in the seeds schema (seeds/seeds.gold.jsonl, benchmarks/data/newsroom.gold.jsonl)",
    )
    parser.add_argument("--model", metavar="NAME", help="parser model for the Attributor ('none': no parser)")
    parser.add_argument(
        "--simplified", action="store_true", help="score speaker and message of non-nested quotations only"
    )
    parser.add_argument(
        "--errors", metavar="FILE", help="write every error with context to FILE (JSON Lines)"
    )
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown", help="report format")
    parser.add_argument("--limit", type=int, metavar="N", help="use only the first N documents of each gold")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """``quotable evaluate``: 0 when the report was written, 1 on an error, 2 on a usage error."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 2
    if not args.wikinews and not args.seeds:
        parser.print_usage(sys.stderr)
        print("quotable evaluate: error: give --wikinews PATH and/or --gold FILE", file=sys.stderr)
        return 2
    if args.limit is not None and args.limit < 0:
        parser.print_usage(sys.stderr)
        print("quotable evaluate: error: --limit must not be negative", file=sys.stderr)
        return 2
    try:
        corpus = read_corpus(args.wikinews, args.limit) if args.wikinews else ()
        seeds = seed_gold.read_seeds(args.seeds, args.limit) if args.seeds else ()
        system = load_attributor(args.model)
        result = evaluate(system, wikinews=corpus, seeds=seeds, simplified=args.simplified)
        if args.errors:
            with Path(args.errors).open("w", encoding="utf-8") as out:
                write_errors(result.errors, out)
    except (OSError, ValueError, ImportError, QuotableError) as error:
        print(f"quotable evaluate: error: {error}", file=sys.stderr)
        return 1
    report = result.report
    sys.stdout.write(report.to_json() if args.format == "json" else report.to_markdown())
    return 0
