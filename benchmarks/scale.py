"""How quotable's throughput scales with worker processes, and what one article costs.

    OMP_NUM_THREADS=1 python benchmarks/scale.py [--model M] [--workers 1,2] [--articles N]
        [--repeats R] [--batch-size B] [--wikinews PATH] [--out FILE] [--json FILE]

What: ``Attributor(model=M)`` in N worker processes (:class:`quotable.workers.Workers`,
what ``attribute_many(texts, workers=N)`` runs), over the same articles for each
N: the WikiNews dev articles' ``originalText`` in file-name order (``--wikinews``,
default ``../shared/data/wikinews-quotes/dev`` next to the repository; the
corpus never enters the repo), the seed articles when it is missing.  Every
worker is started and has loaded its model before the clock starts, so the
figures are the steady state of a long run.  For each N, the median of
``--repeats`` timed runs (the settings take turns, so that a change in the
machine's load hits all of them alike):

* articles/s and tokens/s by the wall clock;
* the scaling efficiency, articles/s with N ÷ (N × articles/s with 1);
* CPU seconds per article, summed over the workers as they report it
  (``time.process_time`` around each batch): what an article costs, hardly
  moved by other processes on the machine;
* the efficiency the CPU times predict for N cores of one's own, CPU per article
  with 1 ÷ CPU per article with N (below 1 where the workers slow each other
  down: shared caches, memory bandwidth);
* how busy the workers were: their CPU seconds ÷ (wall seconds × N); below 1
  where they waited for a core (other load) or for work;
* the largest peak RSS of a worker process, and of the load average.

Each worker runs torch with one thread: set ``OMP_NUM_THREADS=1`` (the script
says when it is not).  Tokens are counted with :func:`quotable.wikinews.tokenize`.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shlex
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import attrs

from quotable import Attributor, QuotableError, wikinews
from quotable import __version__ as quotable_version
from quotable.batches import Item
from quotable.workers import Workers

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_WIKINEWS = ROOT / ".." / "shared" / "data" / "wikinews-quotes" / "dev"


@attrs.frozen
class Run:
    """One timed run of one setting."""

    workers: int
    wall: float
    cpu: float
    """CPU seconds the workers report for their batches."""
    parent_cpu: float
    """CPU seconds of this process (sending texts, receiving results)."""
    load: float
    """The one-minute load average right after the run."""


def read_texts(wikinews_dir: Path, limit: int | None) -> tuple[tuple[str, ...], str]:
    """The articles measured, and what they are."""
    try:
        documents = wikinews.read_corpus([wikinews_dir], limit=limit)
    except FileNotFoundError:
        documents = ()
    if documents:
        return tuple(d.text for d in documents), f"the first {len(documents)} WikiNews dev articles"
    seeds = tuple(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    print(f"scale: WikiNews dev not found at {wikinews_dir}: the seed articles only", file=sys.stderr)
    return seeds, f"the {len(seeds)} seed articles (WikiNews dev not found)"


class Setting(Protocol):
    """N worker processes, started, with their models loaded."""

    def timed(self) -> Run: ...
    def peak_rss_kib(self) -> int: ...
    def close(self) -> None: ...


class PoolSetting:
    """``attribute_many(workers=N)``'s worker processes."""

    def __init__(self, count: int, attributor: Attributor, batches: list[list[Item]]) -> None:
        self.pool = Workers(attributor, count)
        self.batches = batches
        self.pool.start()
        for _ in self.pool.map(iter(batches[:count])):
            pass

    def timed(self) -> Run:
        cpu_before = self.pool.cpu_seconds
        wall, parent = time.perf_counter(), time.process_time()
        for _ in self.pool.map(iter(self.batches)):
            pass
        wall, parent = time.perf_counter() - wall, time.process_time() - parent
        return Run(self.pool.count, wall, self.pool.cpu_seconds - cpu_before, parent, os.getloadavg()[0])

    def peak_rss_kib(self) -> int:
        return self.pool.peak_rss_kib

    def close(self) -> None:
        self.pool.close()


class DaskSetting:
    """A Dask ``LocalCluster`` of N worker processes with one thread each, fed by ``attribute_bag``.

    The worker CPU time is each worker process's ``time.process_time``, so it also
    counts Dask's own work in the workers (receiving tasks, sending results).
    """

    def __init__(self, count: int, args: argparse.Namespace, texts: Sequence[str]) -> None:
        import logging

        import dask.bag
        import dask.distributed

        from quotable import dask as quotable_dask

        self.count, self.texts, self.batch_size = count, texts, args.batch_size
        self.options = {"model": None if args.model == "none" else args.model}
        self.bag, self.attribute_bag = dask.bag, quotable_dask.attribute_bag
        if args.no_malloc_trim:
            # Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536 next to these three;
            # glibc then hands freed memory back at once, and torch's buffers fault in anew each time
            threads_only = {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1}
            dask.config.set({"distributed.nanny.pre-spawn-environ": threads_only})
        self.cluster = dask.distributed.LocalCluster(
            n_workers=count,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        self.client = dask.distributed.Client(self.cluster)
        self.client.run(_load_model, self.options)
        self._attribute(texts[: count * args.batch_size])

    def _attribute(self, texts: Sequence[str]) -> None:
        partitions = max(1, -(-len(texts) // self.batch_size))
        bag = self.bag.from_sequence(texts, npartitions=partitions)
        # this setting's client, not the default one (the one made last)
        self.client.compute(self.attribute_bag(bag, batch_size=self.batch_size, **self.options)).result()

    def timed(self) -> Run:
        cpu_before = sum(self.client.run(time.process_time).values())
        wall, parent = time.perf_counter(), time.process_time()
        self._attribute(self.texts)
        wall, parent = time.perf_counter() - wall, time.process_time() - parent
        cpu = sum(self.client.run(time.process_time).values()) - cpu_before
        return Run(self.count, wall, cpu, parent, os.getloadavg()[0])

    def peak_rss_kib(self) -> int:
        return int(max(self.client.run(_peak_rss_kib).values()))

    def close(self) -> None:
        self.client.close()
        self.cluster.close()


def _load_model(options: dict[str, Any]) -> None:
    """In a Dask worker: build this process's Attributor and load its model."""
    from quotable import dask as quotable_dask

    parser = quotable_dask.attributor(**options)._parser
    if parser is not None:
        parser.load()


def _peak_rss_kib() -> int:
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="benchmarks/scale.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--model", default="embedded", help="embedded, stanza, auto, none, a directory")
    parser.add_argument("--workers", default="1,2", help="worker counts to measure (default 1,2)")
    parser.add_argument("--articles", type=int, metavar="N", help="only the first N articles (default all)")
    parser.add_argument("--repeats", type=int, default=3, metavar="R", help="timed runs, median (default 3)")
    parser.add_argument("--batch-size", type=int, default=8, metavar="B", help="texts per batch (default 8)")
    parser.add_argument("--wikinews", type=Path, default=DEFAULT_WIKINEWS, metavar="PATH", help="the corpus")
    parser.add_argument(
        "--dask", action="store_true", help="a Dask LocalCluster and attribute_bag instead of attribute_many"
    )
    parser.add_argument(
        "--no-malloc-trim",
        action="store_true",
        help="with --dask: workers without Dask's MALLOC_TRIM_THRESHOLD_=65536 (see docs/benchmarks.md)",
    )
    parser.add_argument("--out", type=Path, metavar="FILE", help="also write the Markdown to FILE")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the raw runs to FILE")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    args = parser.parse_args(arguments)
    try:
        counts = sorted({int(n) for n in args.workers.split(",")})
    except ValueError:
        parser.error("--workers takes worker counts separated by commas: 1,2")
    if counts[0] < 1 or args.repeats < 1 or args.batch_size < 1:
        parser.error("--workers, --repeats and --batch-size must be positive")
    if 1 not in counts:
        counts.insert(0, 1)  # the efficiency is against one worker
    if os.environ.get("OMP_NUM_THREADS") != "1":
        print("scale: OMP_NUM_THREADS is not 1: each worker runs several torch threads", file=sys.stderr)
    started = datetime.datetime.now(datetime.timezone.utc)
    try:
        attributor = Attributor(model=None if args.model == "none" else args.model)
    except QuotableError as error:
        print(f"scale: error: {error}", file=sys.stderr)
        return 1
    texts, about = read_texts(args.wikinews, args.articles)
    size = args.batch_size
    batches: list[list[Item]] = [list(texts[i : i + size]) for i in range(0, len(texts), size)]
    tokens = sum(len(wikinews.tokenize(t)) for t in texts)
    characters = sum(len(t) for t in texts)

    runs: list[Run] = []
    peak_rss: dict[int, int] = {}
    settings: dict[int, Setting] = {}
    try:
        for n in counts:
            # every worker loads its model, and attributes something once, before any clock starts
            settings[n] = DaskSetting(n, args, texts) if args.dask else PoolSetting(n, attributor, batches)
        for repeat in range(args.repeats):
            order = counts if repeat % 2 == 0 else counts[::-1]
            for n in order:
                runs.append(settings[n].timed())
                print(f"scale: {runs[-1]}", file=sys.stderr)
        peak_rss = {n: setting.peak_rss_kib() for n, setting in settings.items()}
    finally:
        for setting in settings.values():
            setting.close()

    n_articles = len(texts)
    rows = []
    one = _median(runs, 1)
    for n in counts:
        wall, cpu = _median(runs, n)
        rate = n_articles / wall
        rows.append(
            {
                "workers": n,
                "articles_per_s": rate,
                "tokens_per_s": tokens / wall,
                "efficiency": rate / (n * n_articles / one[0]),
                "cpu_ms_per_article": 1000 * cpu / n_articles,
                "cpu_efficiency": one[1] / cpu,
                "busy": cpu / (wall * n),
                "peak_rss_mib": peak_rss[n] / 1024,
            }
        )
    loads = [r.load for r in runs]
    command = shlex.join(["python", "benchmarks/scale.py", *arguments])
    if "OMP_NUM_THREADS" in os.environ:
        command = f"OMP_NUM_THREADS={shlex.quote(os.environ['OMP_NUM_THREADS'])} {command}"
    lines = [
        f"Measured on {started.date().isoformat()} with `{command}`  ",
        f"Machine: {_machine()}; load average after the runs {min(loads):.2f}–{max(loads):.2f}  ",
        f"Model: `{attributor.model}`; {about}: {n_articles} articles, {tokens:,} tokens, "
        f"{characters:,} characters; batches of {args.batch_size}; median of {args.repeats} timed run(s)  ",
        "Workers: "
        + (
            "a Dask LocalCluster (one thread per worker process), `quotable.dask.attribute_bag`, "
            f"partitions of {args.batch_size}"
            + (
                "; MALLOC_TRIM_THRESHOLD_ not set"
                if args.no_malloc_trim
                else "; Dask's default worker environment"
            )
            if args.dask
            else "`Attributor.attribute_many(workers=N)`'s worker processes"
        ),
        "",
        "| workers | articles/s | tokens/s | scaling efficiency | CPU ms per article "
        "| efficiency by CPU time | workers busy | peak RSS per worker |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['workers']} | {r['articles_per_s']:.2f} | {r['tokens_per_s']:,.0f} "
            f"| {r['efficiency']:.2f} "
            f"| {r['cpu_ms_per_article']:.0f} | {r['cpu_efficiency']:.2f} | {100 * r['busy']:.0f} % "
            f"| {r['peak_rss_mib']:,.0f} MiB |"
        )
    page = "\n".join(lines) + "\n"
    sys.stdout.write(page)
    if args.out is not None:
        args.out.write_text(page, encoding="utf-8")
    if args.json is not None:
        record: dict[str, Any] = {
            "command": command,
            "date": started.isoformat(timespec="seconds"),
            "machine": _machine(),
            "model": attributor.model,
            "articles": n_articles,
            "tokens": tokens,
            "characters": characters,
            "runs": [attrs.asdict(r) for r in runs],
            "rows": rows,
        }
        args.json.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return 0


def _median(runs: list[Run], workers: int) -> tuple[float, float]:
    """Median wall and CPU seconds of the runs with ``workers``."""
    mine = [r for r in runs if r.workers == workers]
    return statistics.median(r.wall for r in mine), statistics.median(r.cpu for r in mine)


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            names = [line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")]
        cpu = names[0] if names else cpu
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} CPUs; OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')}; "
        f"Python {platform.python_version()}, quotable {quotable_version}; "
        f"{platform.system()} {platform.release()}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
