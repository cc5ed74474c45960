"""How accurate quotable is, as one Markdown page: the WikiNews dev metric and the seeds metrics.

    python benchmarks/accuracy.py [--wikinews PATH] [--seeds FILE] [--model NAME] [--out FILE]

Runs the Attributor once over the corpus documents (default
``../shared/data/wikinews-quotes/dev`` next to the repository; the corpus never
enters the repo) and once over the seeds gold (default
``seeds/seeds.gold.jsonl``), then prints, and with ``--out`` writes, the
corpus metric (joint, message and role P/R/F1, per-type message F1, type and
medium accuracy), the same in its simplified form, and the seeds metrics, with
the date, the command, the machine and the time the Attributor took.  The
metric definitions are in :mod:`quotable.evaluate` and :mod:`quotable.seed_gold`.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shlex
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quotable.wikinews import System

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / ".." / "shared" / "data" / "wikinews-quotes" / "dev"
DEFAULT_SEEDS = ROOT / "seeds" / "seeds.gold.jsonl"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="benchmarks/accuracy.py", description=__doc__.splitlines()[0])
    parser.add_argument("--wikinews", default=str(DEFAULT_CORPUS), metavar="PATH", help="corpus dir or file")
    parser.add_argument("--seeds", default=str(DEFAULT_SEEDS), metavar="FILE", help="seeds gold file")
    parser.add_argument("--model", metavar="NAME", help="parser model for the Attributor ('none': no parser)")
    parser.add_argument("--out", metavar="FILE", help="also write the Markdown page to FILE")
    return parser


def _machine() -> str:
    return (
        f"{platform.system()} {platform.release()}, {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}"
    )


def main(argv: Sequence[str] | None = None, system: System | None = None) -> int:
    """Run the benchmark; ``system`` replaces the Attributor (for tests)."""
    args = _parser().parse_args(argv)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # run from a checkout without installing quotable
    from quotable import evaluate, seed_gold, wikinews

    try:
        corpus = wikinews.read_corpus([args.wikinews])
        seeds = seed_gold.read_seeds(args.seeds)
        attributor = wikinews.load_attributor(args.model) if system is None else system
    except ImportError as error:
        print(f"accuracy: {error}; the benchmark needs quotable.attributor.Attributor", file=sys.stderr)
        return 1
    except (OSError, ValueError) as error:
        print(f"accuracy: error: {error}", file=sys.stderr)
        return 1

    started = time.perf_counter()
    corpus_results = wikinews.predict(attributor, [d.text for d in corpus])
    seed_results = wikinews.predict(attributor, [d.text for d in seeds])
    seconds = time.perf_counter() - started

    found = evaluate.system_quotations(corpus, corpus_results)
    full = evaluate.score_corpus(corpus, found)
    simplified = evaluate.score_corpus(corpus, found, simplified=True)
    seed_scores = seed_gold.score_seeds(seeds, seed_results)
    model = next((r.model for r in (*corpus_results, *seed_results) if r.model is not None), None)
    command = " ".join(shlex.quote(a) for a in ["python", "benchmarks/accuracy.py", *(argv or sys.argv[1:])])
    characters = sum(len(d.text) for d in corpus) + sum(len(d.text) for d in seeds)
    page = "\n".join(
        [
            "# quotable accuracy",
            "",
            f"- date: {datetime.date.today().isoformat()}",
            f"- command: `{command}`",
            f"- machine: {_machine()}",
            f"- model: {model or 'none'}",
            f"- corpus: {args.wikinews} ({len(corpus)} documents)",
            f"- seeds: {args.seeds} ({len(seeds)} articles)",
            f"- Attributor time: {seconds:.1f} s for {characters:,} characters",
            "",
            evaluate.corpus_markdown(full, "WikiNews dev: the corpus metric"),
            evaluate.corpus_markdown(simplified, "WikiNews dev: simplified (speaker + message, non-nested)"),
            evaluate.seeds_markdown(seed_scores),
        ]
    )
    sys.stdout.write(page)
    if args.out:
        Path(args.out).write_text(page, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
