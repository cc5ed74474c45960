"""Peak memory of one process over a thousand real articles: does it stay flat?

    OMP_NUM_THREADS=1 python benchmarks/memory.py [--articles N] [--batch-size B] [--every K]

One ``Attributor("embedded")`` attributes N articles (default 1,000) with
``attribute_many(batch_size=B)``, as a pipeline would: the derStandard articles
of ``../shared/data/10kgnad/articles.jsonl`` first (988 real articles, long ones
and interviews among them), then WikiNews dev and train articles to make up N;
each is read from its path and never copied.  Every K articles it prints the
process's peak resident memory so far (``ru_maxrss``) and its current resident
memory (``/proc/self/statm``), so growth shows as a slope; the last line is the
figure for docs/benchmarks.md (target: peak ≤ 800 MiB after 1,000 articles).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from quotable import Attributor, wikinews

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"


def articles(limit: int) -> Iterator[str]:
    """Up to ``limit`` article texts: 10kGNAD, then WikiNews dev, then train."""
    count = 0
    gnad = SHARED / "10kgnad" / "articles.jsonl"
    if gnad.is_file():
        with gnad.open(encoding="utf-8") as lines:
            for line in lines:
                if count == limit:
                    return
                yield json.loads(line)["text"]
                count += 1
    for split in ("dev", "train"):
        folder = SHARED / "wikinews-quotes" / split
        if not folder.is_dir():
            continue
        for document in wikinews.read_corpus([folder], limit=limit - count):
            yield document.text
            count += 1
        if count == limit:
            return


def resident_mib() -> float:
    """This process's resident memory now, in MiB (Linux; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1000, metavar="N")
    parser.add_argument("--batch-size", type=int, default=16, metavar="B")
    parser.add_argument("--every", type=int, default=100, metavar="K")
    parser.add_argument("--model", default="embedded")
    args = parser.parse_args(argv)
    attributor = Attributor(args.model)
    texts = list(articles(args.articles))
    characters = sum(len(t) for t in texts)
    print(f"{len(texts):,} articles, {characters:,} characters; batch size {args.batch_size}")
    print(f"{'articles':>9} {'peak MiB':>9} {'now MiB':>8} {'CPU s':>8}")
    started = time.process_time()
    done = 0
    for _ in attributor.attribute_many(texts, batch_size=args.batch_size):
        done += 1
        if done % args.every == 0 or done == len(texts):
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            cpu = time.process_time() - started
            print(f"{done:>9,} {peak:>9.0f} {resident_mib():>8.0f} {cpu:>8.1f}", flush=True)
    if done < args.articles:
        print(f"memory: only {done} articles were found under {SHARED}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
