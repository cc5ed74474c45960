"""How fast quotable is, and how much its selective parsing saves over a plain Stanza parse.

    OMP_NUM_THREADS=1 python benchmarks/speed.py [--model M] [--articles N] [--repeats R]
        [--batch-size B] [--wikinews PATH] [--out FILE] [--json FILE]

Why: quotable tags every sentence but lemmatizes and parses only those that may
hold speech (:func:`quotable.speakers.needs_parse`), and runs Stanza's models
with the shortcuts of :mod:`quotable.inference` (the parser's trees and labels
decoded for less work, character models run once per word form, the unknown
words lemmatized once, the tagger's and parser's layers with 8-bit weights).
The headline number is what that buys against what a user would otherwise
run: the full Stanza pipeline (tokenize, mwt, pos, lemma, depparse) on every
article, as Stanza runs it.

What, in one run, over a fixed set of articles -- the seed articles
(``seeds/*.txt``) and the first N WikiNews dev articles in file-name order
(``--wikinews``, default ``../shared/data/wikinews-quotes/dev`` next to the
repository; the corpus never enters the repo; seeds only, with a note, when it
is missing):

* quotable end to end, ``Attributor(model=M).attribute_many(texts,
  batch_size=B)``: articles/s and tokens/s;
* plain Stanza, the same articles in the same batches through
  ``pipeline.bulk_process`` of :func:`quotable.parsing.stanza_pipeline`: Stanza's
  pipeline from the same model files with the same options, without quotable's
  shortcuts, in the same process with the same torch threads: articles/s,
  tokens/s, and the ratio quotable / plain Stanza, also by CPU time;
* where the time goes: the CPU seconds of each stage (tokenize, pos, lemma,
  depparse, the rest) in one more run of each (``benchmarks/stage_costs.py``);
* the share of sentences (and of their words) quotable parses fully;
* the regex stages alone (``marks.find_quotes`` and ``agencies.find_agencies``)
  in MB/s of UTF-8 text, each timed run repeating the texts for at least a second;
* cold start in a fresh process: ``import quotable``, then
  ``Attributor(model=M).attribute(first_text)`` (import, model load, first
  article; Python's own start-up is not counted), and the import alone;
* peak RSS (``ru_maxrss``) of a fresh process after the first article, and of
  one that then attributed all the articles in batches of B.

Throughput numbers are the median of ``--repeats`` timed runs after one untimed
warm-up; quotable's and plain Stanza's runs alternate, taking turns to go
first, so that a change in the machine's load hits both alike.  The ratio by
CPU time (``time.process_time``) is hardly moved by other processes when torch
uses one thread (``OMP_NUM_THREADS=1``); with more threads it also counts their
spinning.  Tokens are counted with
:func:`quotable.wikinews.tokenize`, a regex tokenizer (words, numbers, each
punctuation mark) that agrees with the WikiNews corpus tokens on 99.5 %; the
count is the same for both systems.  MB are 10**6 bytes.  Speed depends on the
machine and on ``OMP_NUM_THREADS``: the output names both, and the command.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs
import regex

from quotable import Attributor, QuotableError, agencies, marks, speakers, wikinews
from quotable import __version__ as quotable_version
from quotable.model_files import PROCESSORS
from quotable.parsing import Parser, stanza_pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent))
import stage_costs  # benchmarks/ is not a package

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_WIKINEWS = ROOT / ".." / "shared" / "data" / "wikinews-quotes" / "dev"
MODEL_NAMES = frozenset({"auto", "embedded", "stanza"})
HEADLINE = "speedup"
"""The key of the row printed in bold: quotable's speed as a multiple of plain Stanza's."""
MIN_REGEX_SECONDS = 1.0
"""Each timed run of the regex stages repeats the texts for at least this much CPU time."""
REGEX_STAGES: dict[str, tuple[Callable[[str], object], ...]] = {
    "marks": (marks.find_quotes,),
    "agencies": (agencies.find_agencies,),
    "both": (marks.find_quotes, agencies.find_agencies),
}
"""The regex stages timed alone and together (as one attribution runs them)."""

# Run by a fresh interpreter: texts arrive on stdin separated by NUL, so that the
# timer starts right before `import quotable`.  Prints import seconds, seconds
# to the first article's result, and the peak resident memory in KiB (VmHWM on
# Linux, which starts afresh at exec; ru_maxrss elsewhere).
_COLD_START = """\
import resource, sys, time
texts = sys.stdin.read().split("\\0")
start = time.perf_counter()
import quotable
imported = time.perf_counter()
attributor = quotable.Attributor(model=sys.argv[1])
attributor.attribute(texts[0])
first = time.perf_counter()
if sys.argv[2] == "all":
    for _ in attributor.attribute_many(texts, batch_size=int(sys.argv[3])):
        pass
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:  # ru_maxrss survives exec on Linux: it would count this script's parent
    with open("/proc/self/status", encoding="ascii") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except (OSError, StopIteration, ValueError):
    pass
print(imported - start, first - start, peak)
"""


@attrs.frozen
class Articles:
    """The texts measured, and how they were chosen."""

    texts: tuple[str, ...]
    seeds: int
    wikinews: int
    note: str | None
    """Why fewer articles than asked for were measured, if they were."""

    def describe(self) -> str:
        chosen = f"the {self.seeds} seed articles"
        if self.wikinews:
            chosen += f" + the first {self.wikinews} WikiNews dev articles (file-name order)"
        return chosen if self.note is None else f"{chosen}; {self.note}"


@attrs.frozen
class Metric:
    """One row of the table, with the raw measurements behind it."""

    key: str
    """Stable name in the JSON."""
    name: str
    value: float
    unit: str
    digits: int
    runs: tuple[float, ...] = ()
    """Seconds of each timed run (throughputs and cold start), for the JSON."""
    cpu_runs: tuple[float, ...] = ()
    """CPU seconds of each timed run (throughputs), for the JSON."""

    def cell(self) -> str:
        return f"{self.value:,.{self.digits}f}"


def read_articles(wikinews_dir: Path, limit: int, jsonl: Path | None = None) -> Articles:
    """The seed articles and the first ``limit`` WikiNews articles, in file-name order.

    With ``jsonl``: the ``text`` of its first ``limit`` lines instead of WikiNews.
    """
    seeds = tuple(wikinews.read_document(p).text for p in sorted((ROOT / "seeds").glob("*.txt")))
    if jsonl is not None:
        with jsonl.open(encoding="utf-8") as lines:
            found = tuple(json.loads(line)["text"] for line in itertools.islice(lines, limit))
        return Articles(seeds + found, len(seeds), 0, f"+ the first {len(found)} articles of {jsonl.name}")
    if not seeds:
        raise SystemExit(f"speed: error: no seed articles in {ROOT / 'seeds'}")
    if limit == 0:
        return Articles(seeds, len(seeds), 0, None)
    try:
        documents = wikinews.read_corpus([wikinews_dir], limit=limit)
    except FileNotFoundError:
        note = f"WikiNews dev not found at {wikinews_dir}, so the seeds only"
        print(f"speed: {note}", file=sys.stderr)
        return Articles(seeds, len(seeds), 0, note)
    except ValueError as error:
        raise SystemExit(f"speed: error: {error}") from error
    short = None if len(documents) == limit else f"only {len(documents)} WikiNews articles in {wikinews_dir}"
    return Articles(seeds + tuple(d.text for d in documents), len(seeds), len(documents), short)


def batches(texts: Sequence[str], size: int) -> list[list[str]]:
    return [list(texts[i : i + size]) for i in range(0, len(texts), size)]


def seconds(run: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``run()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


@attrs.frozen
class RegexRun:
    """One timed run of :data:`REGEX_STAGES` ``stage``: ``passes`` over the texts in ``cpu`` CPU seconds."""

    stage: str
    passes: int
    cpu: float
    wall: float
    """Wall-clock seconds of the same run, for comparison."""


def regex_runs(texts: Sequence[str], repeats: int) -> list[RegexRun]:
    """``repeats`` timed runs of each of :data:`REGEX_STAGES` over ``texts``, by CPU time.

    After one untimed pass (which loads the lexicons and compiles the patterns,
    see :func:`regex_first_pass`); the stages take turns, so that a change in
    the machine's load hits them alike.  CPU time (``time.process_time``), not
    the wall clock: another process on the same cores stretches the wall clock
    of a single-threaded loop by up to its share of the core, and barely its CPU time.
    """
    for functions in REGEX_STAGES.values():
        for text in texts:
            for function in functions:
                function(text)
    runs = []
    for _ in range(repeats):
        for stage, functions in REGEX_STAGES.items():
            passes = 0
            start, wall = time.process_time(), time.perf_counter()
            while (spent := time.process_time() - start) < MIN_REGEX_SECONDS:
                for text in texts:
                    for function in functions:
                        function(text)
                passes += 1
            runs.append(RegexRun(stage, passes, spent, time.perf_counter() - wall))
    return runs


def regex_rates(runs: Sequence[RegexRun], megabytes: float) -> dict[str, float]:
    """MB/s of each stage: the median over its runs."""
    return {
        stage: statistics.median(r.passes * megabytes / r.cpu for r in runs if r.stage == stage)
        for stage in REGEX_STAGES
    }


# Run by a fresh interpreter: texts on stdin separated by NUL; prints the CPU seconds of
# the first pass of marks, then of agencies (lexicons loaded, patterns compiled on the way).
_REGEX_FIRST_PASS = """\
import sys, time
texts = sys.stdin.read().split("\\0")
from quotable import agencies, marks
found = []
for function in (marks.find_quotes, agencies.find_agencies):
    start = time.process_time()
    for text in texts:
        function(text)
    found.append(time.process_time() - start)
print(*found)
"""


def fresh_process(script: str, arguments: Sequence[str], texts: Sequence[str], what: str) -> list[str]:
    """The words ``script`` printed, run by a fresh interpreter with ``texts`` on stdin (NUL-separated)."""
    done = subprocess.run(
        [sys.executable, "-c", script, *arguments],
        input="\0".join(texts),
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"speed: error: the {what} process failed:\n{done.stderr.strip()[-2000:]}")
    return done.stdout.split()


def regex_first_pass(texts: Sequence[str]) -> tuple[float, float]:
    """CPU seconds of the first pass of marks and of agencies over ``texts`` in a fresh process."""
    first_marks, first_agencies = (
        float(x) for x in fresh_process(_REGEX_FIRST_PASS, [], texts, "first-pass")[-2:]
    )
    return first_marks, first_agencies


def regex_metrics(
    texts: Sequence[str], megabytes: float, repeats: int
) -> tuple[list[Metric], list[RegexRun]]:
    """The regex stages' rows of the table, and the runs behind them."""
    runs = regex_runs(texts, repeats)
    rates = regex_rates(runs, megabytes)
    first_marks, first_agencies = regex_first_pass(texts)
    cpu = {stage: tuple(r.cpu for r in runs if r.stage == stage) for stage in REGEX_STAGES}
    walls = tuple(r.wall for r in runs if r.stage == "both")
    by_wall = statistics.median(r.passes * megabytes / r.wall for r in runs if r.stage == "both")
    share = 100 * sum(cpu["both"]) / sum(walls)
    unit = "MB/s (CPU time)"
    return [
        Metric(
            "regex_mb_per_s", "Regex stages (marks + agencies)", rates["both"], unit, 1, walls, cpu["both"]
        ),
        Metric(
            "regex_wall_mb_per_s",
            "· the same runs by the wall clock",
            by_wall,
            f"MB/s (this process had {share:.0f} % of a core)",
            1,
        ),
        Metric("marks_mb_per_s", "· marks alone", rates["marks"], unit, 1, cpu_runs=cpu["marks"]),
        Metric("agencies_mb_per_s", "· agencies alone", rates["agencies"], unit, 1, cpu_runs=cpu["agencies"]),
        Metric(
            "regex_first_pass_ms",
            "· their first pass, fresh process (lexicons, patterns)",
            1000 * (first_marks + first_agencies),
            f"ms CPU (once: then {1000 * megabytes / rates['both']:.1f} ms a pass)",
            1,
        ),
    ], runs


def cold_starts(model: str, texts: Sequence[str], batch_size: int, repeats: int) -> list[tuple[str, ...]]:
    """What :data:`_COLD_START` printed in ``repeats`` fresh processes; the last also attributes all texts."""
    found = []
    for i in range(repeats):
        mode = "all" if i == repeats - 1 else "first"
        printed = fresh_process(_COLD_START, [model, mode, str(batch_size)], texts, "cold-start")
        found.append(tuple(printed[-3:]))
    return found


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine(*, torch_too: bool = True) -> dict[str, Any]:
    """The machine and the software measured (without importing torch and Stanza when not ``torch_too``)."""
    if torch_too:
        import stanza
        import torch
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "cpu": cpu_model(),
        "cpus": os.cpu_count(),
        "usable_cpus": usable,
        "load_average": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "torch_threads": torch.get_num_threads() if torch_too else None,
        "omp_num_threads": os.environ.get("OMP_NUM_THREADS", "unset"),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "torch": torch.__version__ if torch_too else None,
        "stanza": stanza.__version__ if torch_too else None,
        "quotable": quotable_version,
    }


def machine_line(m: dict[str, Any]) -> str:
    load = "" if m["load_average"] is None else f", load average {m['load_average']:.2f} at the start"
    if m["torch"] is None:
        return (
            f"{m['cpu']}, {m['cpus']} CPUs ({m['usable_cpus']} usable){load}; Python {m['python']}, "
            f"regex {regex.__version__}, quotable {m['quotable']}; {m['system']}"
        )
    return (
        f"{m['cpu']}, {m['cpus']} CPUs ({m['usable_cpus']} usable){load}; torch {m['torch']} with "
        f"{m['torch_threads']} thread(s) (OMP_NUM_THREADS={m['omp_num_threads']}); Python {m['python']}, "
        f"stanza {m['stanza']}, quotable {m['quotable']}; {m['system']}"
    )


def render(
    command: str,
    date: str,
    machine_text: str,
    model: str,
    about: str,
    metrics: list[Metric],
    headline: str = HEADLINE,
) -> str:
    lines = [
        f"Measured on {date} with `{command}`  ",
        f"Machine: {machine_text}  ",
        f"Model: `{model}`; {about}",
        "",
        "| metric | value | unit |",
        "|---|---:|---|",
    ]
    for m in metrics:
        bold = "**" if m.key == headline else ""
        lines.append(f"| {bold}{m.name}{bold} | {bold}{m.cell()}{bold} | {m.unit} |")
    return "\n".join(lines) + "\n"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="benchmarks/speed.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--model", default="embedded", help="embedded (default), stanza, auto or a directory of model files"
    )
    parser.add_argument(
        "--articles", type=int, default=30, metavar="N", help="WikiNews articles (default 30)"
    )
    parser.add_argument("--repeats", type=int, default=5, metavar="R", help="timed runs, median (default 5)")
    parser.add_argument(
        "--batch-size", type=int, default=16, metavar="B", help="texts per batch (default 16)"
    )
    parser.add_argument(
        "--wikinews", type=Path, default=DEFAULT_WIKINEWS, metavar="PATH", help="WikiNews dev"
    )
    parser.add_argument(
        "--regex-only",
        action="store_true",
        help="only the regex stages (marks, agencies), by CPU time; needs no model, takes seconds",
    )
    parser.add_argument(
        "--jsonl",
        type=Path,
        metavar="FILE",
        help="articles from the 'text' field of a JSON Lines file instead",
    )
    parser.add_argument("--out", type=Path, metavar="FILE", help="also write the Markdown to FILE")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write machine-readable results to FILE")
    return parser


def regex_in_fresh_process(args: argparse.Namespace) -> tuple[list[Metric], list[RegexRun]]:
    """The ``--regex-only`` rows, measured by this script in a fresh process.

    Not in this one, where torch has run: its idle OpenMP threads may still spin
    and count as this process's CPU time, and the regex figures would then
    depend on the model run before them.
    """
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "regex.json"
        command = [sys.executable, __file__, "--regex-only", "--articles", str(args.articles)]
        command += ["--repeats", str(args.repeats), "--wikinews", str(args.wikinews), "--json", str(report)]
        if args.jsonl is not None:
            command += ["--jsonl", str(args.jsonl)]
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
        if done.returncode != 0:
            raise SystemExit(f"speed: error: the regex measurement failed:\n{done.stderr.strip()[-2000:]}")
        measured = json.loads(report.read_text(encoding="utf-8"))
    rows = [
        Metric(**{**m, "runs": tuple(m["runs"]), "cpu_runs": tuple(m["cpu_runs"])}, digits=1)
        for m in measured["metrics"]
        if m["key"] != "articles"
    ]
    return rows, [RegexRun(**r) for r in measured["regex_runs"]]


def command_line(arguments: Sequence[str]) -> str:
    omp = os.environ.get("OMP_NUM_THREADS")
    command = shlex.join(["python", "benchmarks/speed.py", *arguments])
    return command if omp is None else f"OMP_NUM_THREADS={shlex.quote(omp)} {command}"


def regex_only(args: argparse.Namespace, arguments: Sequence[str], started: datetime.datetime) -> int:
    """``--regex-only``: the regex stages' rows alone, with no model loaded."""
    articles = read_articles(args.wikinews, args.articles, args.jsonl)
    texts = articles.texts
    characters = sum(len(t) for t in texts)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    rows, runs = regex_metrics(texts, megabytes, args.repeats)
    metrics = [Metric("articles", "Articles measured", len(texts), "articles", 0), *rows]
    about = (
        f"{articles.describe()}; {characters:,} characters ({megabytes:.3f} MB); median of {args.repeats} "
        f"timed run(s) of at least {MIN_REGEX_SECONDS:g} CPU second each"
    )
    machine_text = machine_line(machine(torch_too=False))
    page = render(
        command_line(arguments),
        started.date().isoformat(),
        machine_text,
        "none (regex stages only)",
        about,
        metrics,
        headline="regex_mb_per_s",
    )
    sys.stdout.write(page)
    if args.out is not None:
        args.out.write_text(page, encoding="utf-8")
    if args.json is not None:
        results = {
            "command": command_line(arguments),
            "date": started.isoformat(timespec="seconds"),
            "articles": {
                **attrs.asdict(articles, filter=lambda a, _: a.name != "texts"),
                "count": len(texts),
            },
            "megabytes": megabytes,
            "regex_runs": [attrs.asdict(r) for r in runs],
            "metrics": [attrs.asdict(m, filter=lambda a, _: a.name != "digits") for m in metrics],
        }
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


def model_error(error: QuotableError) -> int:
    files = ", ".join(f"{p}.pt" for p in PROCESSORS)
    print(
        f"speed: error: {error}\nspeed: pass --model DIR (a directory holding {files}) or --model stanza",
        file=sys.stderr,
    )
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    args = parser.parse_args(arguments)
    if args.articles < 0:
        parser.error("--articles must not be negative")
    if args.repeats < 1:
        parser.error("--repeats must be positive")
    if args.batch_size < 1:
        parser.error("--batch-size must be positive")
    # a directory is passed on absolute, since the cold-start processes run in the repository root
    model = args.model if args.model in MODEL_NAMES else str(Path(args.model).expanduser().resolve())
    repeats, batch_size = args.repeats, args.batch_size
    started = datetime.datetime.now(datetime.timezone.utc)
    if args.regex_only:
        return regex_only(args, arguments, started)
    try:  # resolving the model is cheap: fail before anything slow
        attributor = Attributor(model=model)
        plain = Parser(model)  # for the share of sentences quotable parses
    except QuotableError as error:
        return model_error(error)
    about_machine = machine()

    articles = read_articles(args.wikinews, args.articles, args.jsonl)
    texts = articles.texts
    tokens = sum(len(wikinews.tokenize(t)) for t in texts)
    characters = sum(len(t) for t in texts)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    try:
        plain.load()
        # untimed warm-up, which also loads quotable's copy of the model
        for _ in attributor.attribute_many(texts, batch_size=batch_size):
            pass
    except QuotableError as error:
        return model_error(error)
    # Stanza's own pipeline from the same files with the same options, run as Stanza runs it
    pipeline = stanza_pipeline(model)
    quotable_pipeline = attributor._parser._loaded()

    def run_quotable() -> None:
        for _ in attributor.attribute_many(texts, batch_size=batch_size):
            pass

    def run_plain() -> None:
        for batch in batches(texts, batch_size):
            pipeline.bulk_process(batch)

    parses = [p for b in batches(texts, batch_size) for p in plain.parse_many(b, select=speakers.needs_parse)]
    sentences = [s for p in parses for s in p.sentences]
    parsed_words = sum(len(s.words) for s in sentences if s.parsed)
    all_words = sum(len(s.words) for s in sentences)
    run_plain()  # warm-up
    quotable_times: list[tuple[float, float]] = []
    plain_times: list[tuple[float, float]] = []
    for i in range(repeats):
        if i % 2:
            plain_times.append(seconds(run_plain))
        quotable_times.append(seconds(run_quotable))
        if not i % 2:
            plain_times.append(seconds(run_plain))
    quotable_s = statistics.median(wall for wall, _ in quotable_times)
    plain_s = statistics.median(wall for wall, _ in plain_times)
    quotable_cpu = statistics.median(cpu for _, cpu in quotable_times)
    plain_cpu = statistics.median(cpu for _, cpu in plain_times)

    costs = {
        "quotable": stage_costs.measure(run_quotable, quotable_pipeline),
        "plain": stage_costs.measure(run_plain, pipeline),
    }

    regex_rows, regex = regex_in_fresh_process(args)
    cold = cold_starts(model, texts, batch_size, repeats)
    import_times = [float(c[0]) for c in cold]
    first_times = [float(c[1]) for c in cold]
    rss_first = statistics.median(float(c[2]) for c in cold[:-1]) if len(cold) > 1 else float(cold[0][2])
    rss_all = float(cold[-1][2])

    n = len(texts)
    parsed_sentences = sum(s.parsed for s in sentences)
    q_runs, q_cpu = (tuple(x) for x in zip(*quotable_times, strict=True))
    p_runs, p_cpu = (tuple(x) for x in zip(*plain_times, strict=True))
    metrics = [
        Metric("articles", "Articles measured", n, "articles", 0),
        Metric("tokens", "Text", tokens, "tokens", 0),
        Metric(
            "quotable_articles_per_s", "quotable end to end", n / quotable_s, "articles/s", 2, q_runs, q_cpu
        ),
        Metric(
            "quotable_tokens_per_s", "quotable end to end", tokens / quotable_s, "tokens/s", 0, q_runs, q_cpu
        ),
        Metric(
            "stanza_articles_per_s",
            "plain Stanza, full pipeline",
            n / plain_s,
            "articles/s",
            2,
            p_runs,
            p_cpu,
        ),
        Metric(
            "stanza_tokens_per_s",
            "plain Stanza, full pipeline",
            tokens / plain_s,
            "tokens/s",
            0,
            p_runs,
            p_cpu,
        ),
        Metric("speedup", "quotable / plain Stanza", plain_s / quotable_s, "× plain Stanza's speed", 2),
        Metric(
            "speedup_cpu",
            "quotable / plain Stanza, by CPU time",
            plain_cpu / quotable_cpu,
            "× (less sensitive to other load)",
            2,
        ),
        Metric(
            "parsed_sentences_percent",
            "Sentences quotable parses fully",
            100 * parsed_sentences / len(sentences),
            f"% of {len(sentences):,} sentences",
            0,
        ),
        Metric(
            "parsed_words_percent",
            "Words in those sentences",
            100 * parsed_words / all_words,
            f"% of {all_words:,} words",
            0,
        ),
        *regex_rows,
        Metric("import_s", "`import quotable`", statistics.median(import_times), "s", 3, tuple(import_times)),
        Metric(
            "cold_start_s",
            "Cold start: import + model load + first article",
            statistics.median(first_times),
            "s",
            2,
            tuple(first_times),
        ),
        Metric(
            "rss_first_mib", "Peak RSS after the first article", rss_first / 1024, "MiB (fresh process)", 0
        ),
        Metric(
            "rss_all_mib",
            f"Peak RSS after all {n} articles",
            rss_all / 1024,
            f"MiB (fresh process, batches of {batch_size})",
            0,
        ),
    ]

    command = command_line(arguments)
    about = (
        f"{articles.describe()}; {characters:,} characters ({megabytes:.3f} MB); batch size {batch_size}; "
        f"median of {repeats} timed run(s); cold start: {repeats} fresh process(es)"
    )
    date = started.date().isoformat()
    page = render(command, date, machine_line(about_machine), str(attributor.model), about, metrics)
    page += (
        "\nWhere the time goes: CPU seconds of one more (untimed) run of each, by stage "
        "(`benchmarks/stage_costs.py`):\n\n" + stage_costs.table(costs["quotable"], costs["plain"])
    )
    sys.stdout.write(page)
    if args.out is not None:
        args.out.write_text(page, encoding="utf-8")
    if args.json is not None:
        results = {
            "command": command,
            "date": started.isoformat(timespec="seconds"),
            "machine": about_machine,
            "model": attributor.model,
            "articles": {**attrs.asdict(articles, filter=lambda a, _: a.name != "texts"), "count": n},
            "tokens": tokens,
            "characters": characters,
            "megabytes": megabytes,
            "batch_size": batch_size,
            "repeats": repeats,
            "regex_runs": [attrs.asdict(r) for r in regex],
            "metrics": [attrs.asdict(m, filter=lambda a, _: a.name != "digits") for m in metrics],
            "stage_cpu_seconds": costs,
        }
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
