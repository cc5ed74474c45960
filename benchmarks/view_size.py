"""How big the article view is next to the article's JSON: bytes of HTML per byte of JSON.

    OMP_NUM_THREADS=1 python benchmarks/view_size.py --wikinews /work/shared/data/wikinews-quotes/dev

For the two seed articles and the WikiNews articles given (all of the split, or
``--limit N``), attributed with the embedded model, it prints the UTF-8 size of

- ``html``: the article view, ``quotable.html(text, result)``, a whole page with its CSS;
- ``json``: the article's JSON as ``quotable`` writes it (``Attribution.to_json()``: offsets, no text);
- ``json+text``: the same with the article's ``text`` added (what a client needs to draw the view itself);

and the ratios ``html/json`` and ``html/(json+text)``, per seed and summarised over the
WikiNews articles (median, 90th percentile, largest; articles with quotes apart, since
for an article without quotes the JSON is a hundred bytes and the page is its text).
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections.abc import Sequence
from pathlib import Path

from quotable import Attributor
from quotable.model import Attribution
from quotable.view import render_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def sizes(text: str, result: Attribution) -> tuple[int, int, int]:
    html = len(render_article(text, result).encode("utf-8"))
    record = result.to_json()
    with_text = json.dumps({"text": text, **result.to_dict()}, ensure_ascii=False)
    return html, len(record.encode("utf-8")), len(with_text.encode("utf-8"))


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(name: str, rows: Sequence[tuple[int, int, int, int]]) -> str:
    ratios = [h / j for h, j, _, _ in rows]
    text_ratios = [h / t for h, _, t, _ in rows]
    return (
        f"{name}: {len(rows)} articles\n"
        f"  html/json         median {statistics.median(ratios):.2f}  p90 {_percentile(ratios, 0.9):.2f}"
        f"  max {max(ratios):.2f}  under 3: {sum(r < 3 for r in ratios)}/{len(rows)}\n"
        f"  html/(json+text)  median {statistics.median(text_ratios):.2f}"
        f"  p90 {_percentile(text_ratios, 0.9):.2f}"
        f"  max {max(text_ratios):.2f}  under 3: {sum(r < 3 for r in text_ratios)}/{len(rows)}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--wikinews", type=Path, help="a directory of WikiNews corpus .json files (e.g. dev)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N corpus files (by name)")
    parser.add_argument("--model", default="embedded", help="the parser model (default: embedded)")
    args = parser.parse_args(argv)
    attributor = Attributor(None if args.model == "none" else args.model)
    empty = len(render_article("", Attribution()).encode("utf-8"))
    print(f"an empty page (CSS and frame): {empty} bytes")
    columns = ("quotes", "html", "json", "json+text", "html/json", "html/(json+text)")
    print(f"{'seed':<28} " + " ".join(f"{c:>{max(7, len(c))}}" for c in columns))
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        result = attributor.attribute(text)
        html, record, with_text = sizes(text, result)
        values = [str(len(result.quotes)), str(html), str(record), str(with_text)]
        values += [f"{html / record:.2f}", f"{html / with_text:.2f}"]
        print(
            f"{path.name:<28} "
            + " ".join(f"{v:>{max(7, len(c))}}" for v, c in zip(values, columns, strict=True))
        )
    if args.wikinews is not None:
        paths = sorted(args.wikinews.glob("*.json"))[: args.limit]
        texts = [str(json.loads(p.read_text(encoding="utf-8"))["originalText"]) for p in paths]
        rows = []
        for text, result in zip(texts, attributor.attribute_many(texts), strict=True):
            rows.append((*sizes(text, result), len(result.quotes)))
        print(summary(f"WikiNews {args.wikinews.name}, all", rows))
        quoted = [r for r in rows if r[3] > 0]
        if quoted:
            print(summary(f"WikiNews {args.wikinews.name}, with quotes", quoted))
        print(f"WikiNews articles without quotes: {len(rows) - len(quoted)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
