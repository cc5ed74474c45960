"""Do quotable's shortcuts give Stanza's answers?  Every word, every field, on real text.

    OMP_NUM_THREADS=1 python scripts/inference_agreement.py [--wikinews DIR] [--limit N] [--model M]

Parses the texts twice, with :func:`quotable.parsing.stanza_pipeline` as Stanza
runs it and with the same pipeline after :func:`quotable.inference.install`, the
full pipeline (tokenize, mwt, pos, lemma, depparse) on every sentence, in
batches of ``--batch-size`` articles, and counts the words whose form, tags,
features, lemma, head or relation differ; prints the first few differences and
the CPU seconds of each run.  Exit status 1 if any word differs.

Texts: the seed articles and the WikiNews articles of ``--wikinews`` (default:
WikiNews dev next to the repository; the corpus is read, never copied).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from quotable import inference, wikinews
from quotable.parsing import stanza_pipeline

ROOT = Path(__file__).resolve().parents[1]
FIELDS = ("text", "upos", "xpos", "feats", "lemma", "head", "deprel")


def annotate(pipeline: Any, texts: list[str], batch_size: int) -> tuple[list[tuple[Any, ...]], float]:
    """Each word's :data:`FIELDS`, in order, and the CPU seconds it took."""
    start = time.process_time()
    words = []
    for i in range(0, len(texts), batch_size):
        for document in pipeline.bulk_process(texts[i : i + batch_size]):
            for sentence in document.sentences:
                words += [tuple(getattr(w, f) for f in FIELDS) for w in sentence.words]
    return words, time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--wikinews", type=Path, default=ROOT.parent / "shared/data/wikinews-quotes/dev")
    parser.add_argument(
        "--limit", type=int, default=None, metavar="N", help="WikiNews articles (default all)"
    )
    parser.add_argument("--model", default="embedded")
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args(argv)
    texts = [wikinews.read_document(p).text for p in sorted((ROOT / "seeds").glob("*.txt"))]
    if args.wikinews.is_dir():
        texts += [d.text for d in wikinews.read_corpus([args.wikinews], limit=args.limit)]
    else:
        print(f"inference_agreement: no WikiNews at {args.wikinews}: the seeds only", file=sys.stderr)
    stock, fast = stanza_pipeline(args.model), stanza_pipeline(args.model)
    inference.install(fast)
    annotate(fast, texts[:2], args.batch_size)  # warm-up
    expected, stock_cpu = annotate(stock, texts, args.batch_size)
    found, fast_cpu = annotate(fast, texts, args.batch_size)
    differing = [(a, b) for a, b in zip(expected, found, strict=False) if a != b]
    if len(expected) != len(found):
        print(
            f"different word counts: {len(expected):,} as Stanza runs it, {len(found):,} with the shortcuts"
        )
    by_field = {f: sum(a[i] != b[i] for a, b in differing) for i, f in enumerate(FIELDS)}
    print(f"{len(texts)} texts, {len(expected):,} words; words that differ: {len(differing)}")
    print("by field: " + ", ".join(f"{f} {n}" for f, n in by_field.items()))
    print(f"CPU seconds: as Stanza runs it {stock_cpu:.2f}, with the shortcuts {fast_cpu:.2f}")
    for a, b in differing[:10]:
        print(f"  Stanza {a}\n  quotable {b}")
    return 1 if differing or len(expected) != len(found) else 0


if __name__ == "__main__":
    raise SystemExit(main())
