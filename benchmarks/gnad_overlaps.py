"""Overlapping top-level quotes over real Austrian news (10kGNAD, no gold).

    OMP_NUM_THREADS=1 python benchmarks/gnad_overlaps.py [--articles PATH] [--limit N]

Two quotations of one article that are not nested in one another must never share a
character: the same words cannot be two separate statements.  Counts, over the
derStandard.at articles (``../shared/data/10kgnad/articles.jsonl``, read from the path,
never copied), the pairs of top-level quotes (``nested`` false) whose spans overlap,
and prints the first few (document id, rules and offsets only).
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from quotable import Attributor, Quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gnad_articles  # benchmarks/ is not a package


def overlapping(quotes: tuple[Quote, ...]) -> list[tuple[Quote, Quote]]:
    """Pairs of top-level quotes whose spans share a character."""
    top = [q for q in quotes if not q.nested]
    return [
        (a, b)
        for a, b in itertools.combinations(top, 2)
        if any(s.overlaps(t) for s in a.spans for t in b.spans)
    ]


def main(argv: list[str] | None = None) -> int:
    args, records = gnad_articles.read("gnad_overlaps", __doc__.splitlines()[0] if __doc__ else None, argv)
    attributor = Attributor(args.model)
    found: list[tuple[str, Quote, Quote]] = []
    quotes = 0
    for record, result in zip(records, attributor.attribute_many(r["text"] for r in records), strict=True):
        quotes += sum(1 for q in result.quotes if not q.nested)
        found.extend((str(record.get("id", "?")), a, b) for a, b in overlapping(result.quotes))
    print("| articles | top-level quotes | overlapping pairs |")
    print("|---:|---:|---:|")
    print(f"| {len(records)} | {quotes} | {len(found)} |")
    for doc, a, b in found[:10]:
        print(f"  {doc}: {a.rule} {a.start}-{a.end} / {b.rule} {b.start}-{b.end}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
