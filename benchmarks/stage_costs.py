"""Where the time goes: the CPU seconds of each stage in one run, quotable's and plain Stanza's.

Used by ``benchmarks/speed.py`` for its second table.  For one untimed run, each
Stanza processor's ``process`` is wrapped in a CPU timer (so the timed runs are
not slowed by it); what is not inside a processor is the rest of the work:
for quotable its reading views, regex stages, rules, entities and results, for
plain Stanza building and combining its documents.  CPU time
(``time.process_time``) counts every thread of the process, so with
``OMP_NUM_THREADS=2`` the torch stages include their threads' spinning.
"""

from __future__ import annotations

import contextlib
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

STAGES = (
    ("tokenize", "tokenize + mwt", ("tokenize", "mwt")),
    ("pos", "pos (tagger)", ("pos",)),
    ("lemma", "lemma", ("lemma",)),
    ("depparse", "depparse", ("depparse",)),
)
"""(key, row name, Stanza processors) of each row, in pipeline order."""


@contextlib.contextmanager
def timed(pipeline: Any) -> Iterator[dict[str, float]]:
    """While inside, CPU seconds spent in each processor of ``pipeline``, by processor name."""
    costs: dict[str, float] = defaultdict(float)
    wrapped: list[tuple[Any, Any]] = []
    for name, processor in pipeline.processors.items():
        own = vars(processor).get("process")  # quotable.inference may have replaced it on the instance
        wrapped.append((processor, own))
        processor.process = _timer(processor.process, name, costs)
    try:
        yield costs
    finally:
        for processor, own in wrapped:
            if own is None:
                del processor.process
            else:
                processor.process = own


def _timer(process: Callable[[Any], Any], name: str, costs: dict[str, float]) -> Callable[[Any], Any]:
    def run(document: Any) -> Any:
        start = time.process_time()
        try:
            return process(document)
        finally:
            costs[name] += time.process_time() - start

    return run


def cpu_seconds(run: Callable[[], object]) -> float:
    start = time.process_time()
    run()
    return time.process_time() - start


def measure(run: Callable[[], object], pipeline: Any) -> dict[str, float]:
    """CPU seconds of one ``run()`` by stage (:data:`STAGES`, ``rest`` and ``total``)."""
    with timed(pipeline) as costs:
        total = cpu_seconds(run)
    found: dict[str, float] = {key: sum(costs[p] for p in processors) for key, _, processors in STAGES}
    found["rest"] = total - sum(found.values())
    found["total"] = total
    return found


def table(quotable: dict[str, float], plain: dict[str, float]) -> str:
    """The Markdown table of both runs' stages, with each stage's share of its run."""
    lines = [
        "| stage | quotable CPU s | share | plain Stanza CPU s | share | plain ÷ quotable |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    rows = [(key, name) for key, name, _ in STAGES]
    rows += [("rest", "everything else (quotable: views, regex stages, rules, entities)"), ("total", "total")]
    for key, name in rows:
        q, p = quotable[key], plain[key]
        ratio = f"{p / q:.2f}×" if min(p, q) > 0.005 else "–"
        lines.append(
            f"| {name} | {q:.2f} | {100 * q / quotable['total']:.0f} % | {p:.2f} | "
            f"{100 * p / plain['total']:.0f} % | {ratio} |"
        )
    return "\n".join(lines) + "\n"
