"""Time per character of one long article against a short one (linear cost check).

    OMP_NUM_THREADS=1 python benchmarks/long_text.py [--wikinews DIR] [--sizes 10000,1000000]

The articles are WikiNews dev texts (read from ``--wikinews``, default
``../shared/data/wikinews-quotes/dev``; the two seed articles when it is absent)
joined by line breaks and cut to each size, so every size reads the same kind of
news.  Each is attributed once with the embedded model (after one warm-up
article), timed by CPU time; the table gives CPU seconds, microseconds per
character, the ratio to the smallest size, and the process's peak memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from quotable import Attributor

ROOT = Path(__file__).resolve().parent.parent


def corpus(wikinews: Path) -> str:
    files = sorted(wikinews.glob("*.json"))
    if files:
        return "\n".join(json.loads(f.read_text(encoding="utf-8"))["originalText"] for f in files)
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--wikinews", type=Path, default=ROOT.parent / "shared/data/wikinews-quotes/dev")
    parser.add_argument("--sizes", default="10000,1000000", help="article sizes in characters")
    parser.add_argument("--model", default="embedded")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    text = corpus(args.wikinews)
    while len(text) < max(sizes):
        text = text + "\n" + text
    attributor = Attributor(args.model, max_chars=max(sizes))
    attributor.attribute(text[:2000])  # load the model
    print(f"{'characters':>12} {'CPU s':>9} {'µs/char':>9} {'ratio':>7} {'quotes':>8} {'peak MB':>8}")
    first: float | None = None
    for size in sizes:
        article = text[:size]
        started = time.process_time()
        result = attributor.attribute(article)
        cpu = time.process_time() - started
        per_char = cpu / size * 1e6
        first = first or per_char
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        ratio = per_char / first
        print(
            f"{size:>12,} {cpu:>9.1f} {per_char:>9.1f} {ratio:>7.2f} {len(result.quotes):>8,} {peak:>8.0f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
