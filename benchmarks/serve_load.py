"""`quotable serve` under load: throughput, latency, errors, correctness and memory.

    python benchmarks/serve_load.py [--model M] [--workers W] [--clients 1,4,16]
        [--articles N] [--per-level N] [--seconds S] [--requests R] [--soak-model M]
        [--wikinews PATH] [--out FILE] [--short]

What, in one run:

* the texts: the seed articles (``seeds/*.txt``) and the first N WikiNews dev
  articles in file-name order, read from ``--wikinews`` (default
  ``../shared/data/wikinews-quotes/dev`` next to the repository, field
  ``originalText``; never copied into the repository; seeds only when missing);
* the truth: ``Attributor(model=M).attribute(text).to_dict()`` for every text,
  in this process; every answer of the server is compared with it;
* the baseline: ``Attributor(model=M).attribute_many(texts, batch_size=16,
  workers=W)`` in this process, timed over the texts once and twice; the
  difference is one pass without the start-up of the worker processes and
  their model loading (which the server does once, before it is ready);
* the server: ``quotable serve --model M --workers W`` on 127.0.0.1, a free port,
  started by this script; for each number of concurrent clients, every text sent
  once (``--per-level``: that many requests, cycling through the texts) to
  ``POST /v1/attribute``, at most ``--seconds`` per level: requests/s,
  characters/s, p50/p95/p99 latency, errors (any status but 200, or no answer)
  and wrong answers;
* the soak: the paragraphs of the same texts (short, so that many requests fit
  in the time) with model ``--soak-model``: one warm-up pass over them at 16
  clients, then ``--requests`` more, the server's RSS (its own process and its
  workers, from /proc) sampled every tenth of them.

It fails (exit 1) when an answer is wrong, when any request at 16 clients fails,
when the RSS after the soak is more than 5 % above the RSS after its warm-up,
or, with a parser model, when the throughput at 16 clients is below 90 % of the
baseline's.  ``--short`` (for CI, well under two minutes): ``--model none``,
20 articles, 200 requests a level, 2,000 soak requests, 30 s a level.
Every loop is bounded in count and in time; it only ever connects to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import os
import platform
import resource
import shlex
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / ".." / "shared" / "data" / "wikinews-quotes" / "dev"
RSS_GROWTH_LIMIT = 0.05
THROUGHPUT_FLOOR = 0.90


@attrs.frozen
class Level:
    """What one load level measured."""

    clients: int
    requests: int
    errors: int
    wrong: int
    seconds: float
    chars: int
    latencies: tuple[float, ...]
    cpu: float = 0.0
    """CPU seconds the server (its process and workers) spent on the level."""

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        """Latency in ms at percentile ``p`` (nearest rank)."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return 1000 * ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="benchmarks/serve_load.py", description=__doc__.splitlines()[0])
    add = parser.add_argument
    add("--model", default="embedded", help="parser model of the server and the truth ('none': no parser)")
    add("--workers", type=int, default=2, help="server worker processes, and attribute_many's (2)")
    add("--clients", default="1,4,16", help="concurrent clients, one level each (1,4,16)")
    add("--articles", type=int, default=150, help="WikiNews dev articles besides the seeds (150)")
    add("--per-level", type=int, help="requests a level (default: one per article)")
    add("--seconds", type=float, default=240.0, help="time limit of one level (240)")
    add("--requests", type=int, default=2000, help="soak requests after its warm-up (2000)")
    add("--soak-model", help="model of the soak (default: --model)")
    add("--wikinews", default=str(DEFAULT_CORPUS), metavar="PATH", help="WikiNews dev directory")
    add("--out", metavar="FILE", help="also write the report to FILE")
    add("--short", action="store_true", help="a quick run for CI: model none, small numbers")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.short:
        args.model, args.articles, args.per_level, args.seconds = "none", 20, 200, 30.0
        args.requests = max(args.requests, 2000)
    clients = [int(c) for c in args.clients.split(",")]
    # the same torch threads for the baseline's workers and the server's
    os.environ.setdefault("OMP_NUM_THREADS", str(max(1, (os.cpu_count() or 1) // args.workers)))
    texts, source = load_texts(Path(args.wikinews), args.articles)
    paragraphs = split_paragraphs(texts)
    soak_model = args.soak_model or args.model
    print(f"{len(texts)} articles ({source}), {len(paragraphs)} paragraphs", file=sys.stderr)
    truth = expected_results(args.model, texts)
    soak_truth = expected_results(soak_model, paragraphs)
    baseline = measure_baseline(args.model, texts, args.workers)
    levels, soak, rss = run_server(args, texts, truth, clients, soak_model, paragraphs, soak_truth)
    report, ok = render(args, argv, texts, source, paragraphs, baseline, levels, soak, rss)
    print(report)
    if args.out:
        Path(args.out).write_text(report, encoding="utf-8")
    return 0 if ok else 1


# ------------------------------------------------------------------ texts and truth
def load_texts(corpus: Path, limit: int) -> tuple[list[str], str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    files = sorted(corpus.glob("*.json"))[:limit] if corpus.is_dir() else []
    texts += [json.loads(f.read_text(encoding="utf-8"))["originalText"] for f in files]
    where = f"seeds + {len(files)} WikiNews dev" if files else "seeds only: no WikiNews dev found"
    return texts, where


def split_paragraphs(texts: Sequence[str], limit: int = 400) -> list[str]:
    """The distinct paragraphs of 40 characters or more, in order (at most ``limit``)."""
    seen: dict[str, None] = {}
    for text in texts:
        for paragraph in text.split("\n"):
            if len(paragraph.strip()) >= 40:
                seen.setdefault(paragraph, None)
    return list(seen)[:limit]


def _attributor(model: str) -> Any:
    from quotable.attributor import Attributor

    return Attributor(None if model == "none" else model)


def expected_results(model: str, texts: Sequence[str]) -> dict[str, Any]:
    attributor = _attributor(model)
    return {t: json.loads(attributor.attribute(t).to_json()) for t in dict.fromkeys(texts)}


def measure_baseline(model: str, texts: Sequence[str], workers: int) -> dict[str, float]:
    """attribute_many over the texts once and twice: one pass without start-up."""
    attributor = _attributor(model)
    timings, cpu = [], []
    for passes in (1, 2):
        start, cpu_start = time.perf_counter(), _own_cpu()
        for _ in attributor.attribute_many(list(texts) * passes, batch_size=16, workers=workers):
            pass
        timings.append(time.perf_counter() - start)
        cpu.append(_own_cpu() - cpu_start)
    one_pass = max(timings[1] - timings[0], 1e-9)
    chars = sum(map(len, texts))
    return {
        "once": timings[0],
        "twice": timings[1],
        "pass": one_pass,
        "texts_per_second": len(texts) / one_pass,
        "chars_per_second": chars / one_pass,
        "cpu_per_char": (cpu[1] - cpu[0]) / chars,
    }


def _own_cpu() -> float:
    """CPU seconds of this process and of its children that have ended (attribute_many's pool)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


# ------------------------------------------------------------------ the server
def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def tree_rss(pid: int) -> tuple[int, int]:
    """RSS in bytes of the process and of it with all its descendants (Linux /proc)."""

    def rss(p: int) -> int:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def children(p: int) -> list[int]:
        found = []
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                found += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
        return found

    total, todo, seen = 0, [pid], set[int]()
    while todo and len(seen) < 1000:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        total += rss(p)
        todo += children(p)
    return rss(pid), total


def tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) of the process and its descendants alive now (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total, todo, seen = 0.0, [pid], set[int]()
    while todo and len(seen) < 1000:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            for task in Path(f"/proc/{p}/task").glob("*"):
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, IndexError, ValueError):
            continue
    return total


def run_server(
    args: argparse.Namespace,
    texts: list[str],
    truth: dict[str, Any],
    clients: list[int],
    soak_model: str,
    paragraphs: list[str],
    soak_truth: dict[str, Any],
) -> tuple[list[Level], list[Level], dict[str, Any]]:
    levels = []
    rss: dict[str, Any] = {}
    with Server(args.model, args.workers) as server:
        rss["start"] = tree_rss(server.pid)
        for count in clients:
            per_level = args.per_level or len(texts)
            cpu = tree_cpu(server.pid)
            level = asyncio.run(load(server.url, texts, truth, count, per_level, args.seconds))
            levels.append(attrs.evolve(level, cpu=tree_cpu(server.pid) - cpu))
            print(f"  {count} clients: {levels[-1].per_second:.2f} requests/s", file=sys.stderr)
        rss["end_of_load"] = tree_rss(server.pid)
    with Server(soak_model, args.workers) as server:
        soak = [asyncio.run(load(server.url, paragraphs, soak_truth, 16, len(paragraphs), args.seconds))]
        rss["soak_warm"] = tree_rss(server.pid)
        rss["soak_samples"] = []
        step = max(1, args.requests // 10)
        done = 0
        while done < args.requests:
            n = min(step, args.requests - done)
            soak.append(
                asyncio.run(load(server.url, paragraphs, soak_truth, 16, n, args.seconds, offset=done))
            )
            done += n
            rss["soak_samples"].append((done, tree_rss(server.pid)[1]))
        rss["soak_end"] = tree_rss(server.pid)
        print(f"  soak: {done} requests", file=sys.stderr)
    return levels, soak, rss


class Server:
    """``quotable serve`` in a child process on a free port of 127.0.0.1."""

    def __init__(self, model: str, workers: int) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "quotable", "serve", "--port", str(self.port)]
        command += ["--model", model, "--workers", str(workers), "--timeout", "600", "--log-level", "warning"]
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in __exit__)
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT, env=env)
        self.pid = self.process.pid

    def __enter__(self) -> Server:
        import httpx

        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.seek(0)
                raise RuntimeError(f"the server exited:\n{self.log.read().decode(errors='replace')}")
            try:
                if httpx.get(self.url + "/v1/health", timeout=5).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise RuntimeError("the server was not ready within 600 s")

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)
        self.log.close()


async def load(
    url: str,
    texts: Sequence[str],
    truth: dict[str, Any],
    clients: int,
    count: int,
    seconds: float,
    offset: int = 0,
) -> Level:
    """``count`` requests from ``clients`` concurrent clients, cycling through ``texts``."""
    import httpx

    queue = [texts[(offset + i) % len(texts)] for i in range(count)]
    latencies: list[float] = []
    tally = {"errors": 0, "wrong": 0, "chars": 0}
    start = time.perf_counter()
    deadline = start + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(http: httpx.AsyncClient) -> None:
        while queue and time.perf_counter() < deadline:
            text = queue.pop()
            sent = time.perf_counter()
            try:
                response = await http.post("/v1/attribute", json={"text": text})
            except httpx.HTTPError:
                tally["errors"] += 1
                continue
            latencies.append(time.perf_counter() - sent)
            if response.status_code != 200:
                tally["errors"] += 1
            elif response.json() != truth[text]:
                tally["wrong"] += 1
            else:
                tally["chars"] += len(text)

    async with httpx.AsyncClient(base_url=url, timeout=600, limits=limits) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    elapsed = time.perf_counter() - start
    return Level(
        clients, len(latencies), tally["errors"], tally["wrong"], elapsed, tally["chars"], tuple(latencies)
    )


# ------------------------------------------------------------------ the report
def _baseline_line(args: argparse.Namespace, baseline: dict[str, float]) -> str:
    call = f"Baseline `attribute_many(texts, batch_size=16, workers={args.workers})` in-process: "
    if args.model == "none":
        return call + "without a parser a pass is too short to time against the start-up; not compared."
    return (
        f"{call}{baseline['texts_per_second']:.2f} texts/s, {baseline['chars_per_second']:,.0f} characters/s "
        f"(one pass {baseline['pass']:.1f} s = {baseline['twice']:.1f} s for two passes "
        f"− {baseline['once']:.1f} s for one); {1e5 * baseline['cpu_per_char']:.2f} CPU s per 10⁵ characters "
        "(this process and its workers)."
    )


def _mib(n: int) -> str:
    return f"{n / 2**20:,.1f} MiB"


def render(
    args: argparse.Namespace,
    argv: Sequence[str] | None,
    texts: list[str],
    source: str,
    paragraphs: list[str],
    baseline: dict[str, float],
    levels: list[Level],
    soak: list[Level],
    rss: dict[str, Any],
) -> tuple[str, bool]:
    from quotable import __version__

    command = "python benchmarks/serve_load.py " + shlex.join(sys.argv[1:] if argv is None else argv)
    lines = [
        "### quotable serve under load",
        "",
        f"`{command}` — {datetime.date.today()}, {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPU cores, Python {platform.python_version()}, quotable {__version__}, "
        f"model `{args.model}`, {args.workers} worker(s), OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']}.",
        "",
        f"Texts: {len(texts)} articles ({source}), {sum(map(len, texts)):,} characters.",
        _baseline_line(args, baseline),
        "",
        "| clients | requests | errors | wrong | requests/s | characters/s | p50 ms | p95 ms | p99 ms "
        "| of baseline | CPU s / 10⁵ chars | of baseline by CPU |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for level in levels:
        ratio = level.chars_per_second / baseline["chars_per_second"]
        cpu_per_char = level.cpu / level.chars if level.chars else float("nan")
        by_cpu = baseline["cpu_per_char"] / cpu_per_char if cpu_per_char else float("nan")
        compared = "— | " if args.model == "none" else f"{ratio:.0%} | "
        cpu_compared = "— |" if args.model == "none" else f"{by_cpu:.0%} |"
        lines.append(
            f"| {level.clients} | {level.requests} | {level.errors} | {level.wrong} | {level.per_second:.2f} "
            f"| {level.chars_per_second:,.0f} | {level.percentile(50):.0f} | {level.percentile(95):.0f} "
            f"| {level.percentile(99):.0f} | {compared}{1e5 * cpu_per_char:.2f} | {cpu_compared}"
        )
    soak_requests = sum(s.requests for s in soak[1:])
    soak_errors = sum(s.errors + s.wrong for s in soak)
    warm, end = rss["soak_warm"][1], rss["soak_end"][1]
    growth = (end - warm) / warm if warm else 0.0
    samples = ", ".join(_mib(r) for _, r in rss["soak_samples"])
    lines += [
        "",
        f"Server RSS (its process + workers): {_mib(rss['start'][1])} when ready "
        f"({_mib(rss['start'][0])} the server process itself), "
        f"{_mib(rss['end_of_load'][1])} after the load levels.",
        "",
        f"Soak (model `{args.soak_model or args.model}`, 16 clients, {len(paragraphs)} distinct paragraphs): "
        f"warm-up pass of {soak[0].requests}, then {soak_requests} requests, {soak_errors} errors or wrong "
        f"answers; RSS {_mib(warm)} after the warm-up, {_mib(end)} at the end ({growth:+.1%}); "
        f"every tenth: {samples}.",
        "",
    ]
    top = max(levels, key=lambda lv: lv.clients)
    checks = [
        ("every answer equal to Attributor.attribute", sum(lv.wrong for lv in [*levels, *soak]) == 0),
        (f"0 errors at {top.clients} clients", top.errors == 0),
        ("0 errors in the soak", soak_errors == 0),
        (f"RSS growth after warm-up ≤ {RSS_GROWTH_LIMIT:.0%}", growth <= RSS_GROWTH_LIMIT),
    ]
    ratio = top.chars_per_second / baseline["chars_per_second"]
    if args.model != "none":
        checks.append(
            (f"throughput at {top.clients} clients ≥ {THROUGHPUT_FLOOR:.0%} of baseline", ratio >= 0.9)
        )
    lines += [f"- {'PASS' if ok else 'FAIL'}: {what}" for what, ok in checks]
    if args.model == "none":
        lines.append(
            "- (no throughput check without a parser: a text takes a millisecond, so that measures HTTP)"
        )
    return "\n".join(lines) + "\n", all(ok for _, ok in checks)


if __name__ == "__main__":
    raise SystemExit(main())
