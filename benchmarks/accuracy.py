"""How accurate quotable is, as one Markdown page: the WikiNews dev metric and the seeds metrics.

    python benchmarks/accuracy.py [--wikinews PATH] [--limit N] [--seeds FILE] [--model NAME]
                                  [--min-confidence X] [--out FILE]

Runs the Attributor once over the corpus documents (default
``../shared/data/wikinews-quotes/dev`` next to the repository; the corpus never
enters the repo) and once over the seeds gold (default
``seeds/seeds.gold.jsonl``), then prints, and with ``--out`` writes, the
corpus metric (joint, message and role P/R/F1, per-type message F1, type and
medium accuracy), the same in its simplified form, and the seeds metrics, with
the date, the command, the machine and the time the Attributor took, and
where the errors are: the largest error classes and each rule's precision
(with ``--min-confidence 0`` also of the rules hidden by default; this is how
the rule confidences in ``docs/rules.md`` were set, on the train split).  The
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
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quotable.harness import System
    from quotable.model import Attribution
    from quotable.wikinews import CorpusDocument

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / ".." / "shared" / "data" / "wikinews-quotes" / "dev"
DEFAULT_SEEDS = ROOT / "seeds" / "seeds.gold.jsonl"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="benchmarks/accuracy.py", description=__doc__.splitlines()[0])
    parser.add_argument("--wikinews", default=str(DEFAULT_CORPUS), metavar="PATH", help="corpus dir or file")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N corpus documents")
    parser.add_argument("--seeds", default=str(DEFAULT_SEEDS), metavar="FILE", help="seeds gold file")
    parser.add_argument("--model", metavar="NAME", help="parser model for the Attributor ('none': no parser)")
    parser.add_argument(
        "--min-confidence", type=float, metavar="X", help="keep quotes from X up (default: the Attributor's)"
    )
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
    from quotable import corpus_metric, evaluation_report, harness, seed_gold, wikinews

    try:
        corpus = wikinews.read_corpus([args.wikinews], limit=args.limit)
        seeds = seed_gold.read_seeds(args.seeds)
        attributor = harness.load_attributor(args.model, args.min_confidence) if system is None else system
    except ImportError as error:
        print(f"accuracy: {error}; the benchmark needs quotable.attributor.Attributor", file=sys.stderr)
        return 1
    except (OSError, ValueError) as error:
        print(f"accuracy: error: {error}", file=sys.stderr)
        return 1

    started = time.perf_counter()
    corpus_results = harness.predict(attributor, [d.text for d in corpus])
    seed_results = harness.predict(attributor, [d.text for d in seeds])
    seconds = time.perf_counter() - started

    found = corpus_metric.system_quotations(corpus, corpus_results)
    full = corpus_metric.score_corpus(corpus, found)
    simplified = corpus_metric.score_corpus(corpus, found, simplified=True)
    seed_scores = seed_gold.score_seeds(seeds, seed_results)
    model = next((r.model for r in (*corpus_results, *seed_results) if r.model is not None), None)
    command = " ".join(shlex.quote(a) for a in ["python", "benchmarks/accuracy.py", *(argv or sys.argv[1:])])
    split = Path(args.wikinews).name or "corpus"
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
            f"- min_confidence: {args.min_confidence if args.min_confidence is not None else 'default'}",
            "",
            evaluation_report.corpus_markdown(full, f"WikiNews {split}: the corpus metric"),
            evaluation_report.corpus_markdown(
                simplified, f"WikiNews {split}: simplified (speaker + message, non-nested)"
            ),
            evaluation_report.seeds_markdown(seed_scores),
            _error_classes(corpus, corpus_results),
        ]
    )
    sys.stdout.write(page)
    if args.out:
        Path(args.out).write_text(page, encoding="utf-8")
    return 0


def _error_classes(corpus: Sequence[CorpusDocument], results: Sequence[Attribution]) -> str:
    """Where the errors are: error kinds by quote type, and each rule's precision."""
    from quotable import corpus_export, corpus_metric, evaluate
    from quotable.model import Attribution

    pairs = corpus_metric.pair_corpus(corpus, corpus_metric.system_quotations(corpus, results))
    kinds: Counter[tuple[str, str]] = Counter()
    for record in evaluate.wikinews_errors(corpus, pairs):
        side = record.get("gold") or record.get("system") or {}
        kinds[(record["kind"], str(side.get("type")))] += 1
    lines = [
        "## Largest error classes",
        "",
        "From `evaluate.wikinews_errors`: a false negative is a gold quotation no system quotation",
        "shares a token with; a false positive the reverse; a wrong speaker a matched pair whose",
        "speaker tokens differ.",
        "",
        "| error | type | count |",
        "|---|---|---:|",
    ]
    lines += [
        f"| {kind.replace('_', ' ')} | {kind_type} | {n} |" for (kind, kind_type), n in kinds.most_common(12)
    ]
    # each rule's quotes: how many share at least half their message tokens (F1 >= 0.5) with a gold one
    per_rule: dict[str, list[int]] = {}
    for document, result in zip(corpus, results, strict=True):
        gold = [frozenset(g.quote.token_ids) for g in document.quotations]
        for quote in result.quotes:
            found = corpus_export.quotations_from_attribution(document, Attribution((quote,), ()))
            if not found:
                continue
            tokens = frozenset(found[0].quote.token_ids)
            best = max((corpus_metric.token_f1(g, tokens) for g in gold), default=0.0)
            counts = per_rule.setdefault(quote.rule, [0, 0])
            counts[0] += 1
            counts[1] += best >= 0.5
    lines += [
        "",
        "| rule | quotes | matching a gold quotation (message F1 ≥ 0.5) |",
        "|---|---:|---:|",
    ]
    for rule, (n, ok) in sorted(per_rule.items(), key=lambda item: (-item[1][0], item[0])):
        lines.append(f"| `{rule}` | {n} | {100 * ok / n:.0f} % |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
